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
use crate::practice::{Forum, Item, Section};

/// An item's words in one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemWords {
    pub ask: String,
    pub why: String,
    pub prepare: String,
    pub element_title: String,
    /// What a question asked of each harm is about.
    pub about: Option<String>,
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
