//! The practice set's words in the reader's language: each bank entry's
//! wording, why it is asked and what to prepare, the elements' titles, the
//! sections, the forum and the what-to-bring list, from the messages of
//! `refuge-i18n` (`locales/<language>/interview.ftl`), by the entry's id.
//! The English messages are the bank's own words (a test holds them equal),
//! so the bank stays the source and a language is a file of messages.
//!
//! NOT MODELLED: an explain question's issue and statements (the readiness
//! check's message and the application's values) stay as the check and the
//! application write them.

use refuge_i18n::{Lang, tr, tr_with};

use crate::bank::ChecklistItem;
use crate::practice::{Forum, Item, Reason, Section, Weak};

/// An item's words in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemWords {
    pub ask: String,
    pub why: String,
    pub prepare: String,
    pub element_title: String,
    /// What a question asked of each harm is about.
    pub about: Option<String>,
    /// Why the question is in the case's set.
    pub reason: String,
}

/// The message id of a bank entry's wording: `interview-<key>`, `.` written `-`.
pub fn message_id(key: &str) -> String {
    format!("interview-{}", key.replace('.', "-"))
}

/// An item's words in `lang`.
pub fn item(lang: Lang, item: &Item) -> ItemWords {
    let id = message_id(&item.key);
    ItemWords {
        ask: tr(lang, &id),
        why: tr(lang, &format!("{id}-why")),
        prepare: tr(lang, &format!("{id}-prepare")),
        element_title: element(lang, &item.element),
        reason: reason(lang, &item.because),
        about: item.harm.as_ref().map(|h| {
            let kind = tr(
                lang,
                &format!(
                    "question-harm-kind-{}",
                    h.kind.as_deref().unwrap_or("unknown")
                ),
            );
            let date = h.date.map_or(String::new(), |d| {
                tr_with(
                    lang,
                    "interview-about-date",
                    &[
                        ("date", d.to_string().into()),
                        ("date_long", refuge_i18n::date(lang, d).into()),
                    ],
                )
            });
            tr_with(
                lang,
                "interview-about-harm",
                &[
                    ("id", h.id.as_str().into()),
                    ("kind", kind.into()),
                    ("date", date.into()),
                ],
            )
        }),
    }
}

/// The item with its words in `lang` (in English, as the bank has them): for
/// a page that shows the set in the reader's language.
pub fn translated(lang: Lang, mut it: Item) -> Item {
    if lang == Lang::english() {
        return it;
    }
    let w = item(lang, &it);
    it.ask = w.ask;
    it.why = w.why;
    it.prepare = w.prepare;
    it.element_title = w.element_title;
    if w.about.is_some() {
        it.about = w.about;
    }
    it
}

/// Why a question is in the set, in `lang`. A finding's question of law
/// comes in `lang` from `findings.ftl`; a readiness check's message and a
/// condition stay as the check and the bank write them.
pub fn reason(lang: Lang, r: &Reason) -> String {
    let s = |v: &str| refuge_i18n::FluentValue::from(v.to_string());
    match r {
        Reason::Tripped { check, blocking } => tr_with(
            lang,
            if *blocking {
                "interview-reason-tripped-blocking"
            } else {
                "interview-reason-tripped-warning"
            },
            &[("check", s(check))],
        ),
        Reason::Weak(w) => {
            let weak = match w {
                Weak::Unknown { finding, question } => tr_with(
                    lang,
                    "interview-reason-unknown",
                    &[
                        ("finding", s(finding)),
                        (
                            "question",
                            s(&refuge_report::i18n::finding_question(
                                lang, finding, question,
                            )),
                        ),
                    ],
                ),
                Weak::Check { check, message } => tr_with(
                    lang,
                    "interview-reason-check",
                    &[("check", s(check)), ("message", s(message))],
                ),
                Weak::Testimony { finding } => tr_with(
                    lang,
                    "interview-reason-testimony",
                    &[("finding", s(finding))],
                ),
            };
            tr_with(lang, "interview-reason-weak", &[("weak", s(&weak))])
        }
        Reason::Always => tr(lang, "interview-reason-always"),
        Reason::Condition { when } => {
            tr_with(lang, "interview-reason-condition", &[("when", s(when))])
        }
    }
}

/// An element's title in `lang`.
pub fn element(lang: Lang, element: &str) -> String {
    tr(lang, &format!("interview-element-{element}"))
}

/// A section's title in `lang`.
pub fn section(lang: Lang, s: Section) -> String {
    let id = match s {
        Section::Weakest => "interview-section-weakest",
        Section::Story => "interview-section-story",
        Section::Bars => "interview-section-bars",
        Section::Forum => "interview-section-forum",
    };
    tr(lang, id)
}

/// The forum in words, in `lang`.
pub fn forum(lang: Lang, f: Forum) -> String {
    tr(lang, &format!("interview-forum-{}", f.as_str()))
}

/// A what-to-bring item in `lang`.
pub fn checklist_item(lang: Lang, c: &ChecklistItem) -> String {
    tr(lang, &format!("interview-bring-{}", c.id))
}

/// The bank's note (what the practice set is and is not), in `lang`.
pub fn bank_note(lang: Lang) -> String {
    tr(lang, "interview-bank-note")
}
