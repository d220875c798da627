//! The interview printouts (issue 18, item 5): the practice set and the
//! what-to-bring list as PDF, laid out by `templates/practice.typ` and
//! `templates/bring.typ`.
//!
//! The questions are `refuge_interview::practice_set`'s, in its order, and the
//! list `refuge_interview::checklist`'s: this module chooses nothing, it lays
//! them out.
//!
//! Two copies of the practice set ([`PracticeCopy`]), because a printout may be
//! handed to the client:
//! - the **client's copy**: each question with its element, why it is asked,
//!   what to prepare, the two statements of an "explain this" question, and
//!   lines to write on; nothing of the preparer's (no marks, no notes on the
//!   client's answers, no finding ids or reasons drawn from the assessment);
//! - the **preparer's copy**: the same, with why the question is in this
//!   case's set, the sources, and the latest mark and notes of the practice
//!   sessions.
//!
//! Language: both printouts are in `opts.doc.lang`: the questions, their
//! topic, why and preparation, the sections, the forum and the what-to-bring
//! items from `refuge_interview::words`, every fixed word from the messages
//! `doc-practice-*` (given to typst as data, `t` in `data.json`), so a
//! language is a file of messages, not a change of the templates. When the
//! interview records a language Refuge does not speak, the printout says in
//! which language it is printed. What the preparer's copy adds (why each
//! question is in the set, the sources) and an explain question's
//! statements stay as the engine, the bank and the application write them.

use std::collections::HashMap;

use jiff::civil::Date;
use refuge_application::Form;
use refuge_interview::bank::ChecklistItem;
use refuge_interview::{Bank, Forum, Item};
use serde::Serialize;
use serde_json::{Value, json};

use refuge_i18n::{Lang, tr, tr_with};

use crate::{DocError, DocOptions, Meta, render};

const PRACTICE: (&str, &str) = ("practice.typ", include_str!("../templates/practice.typ"));
const BRING: (&str, &str) = ("bring.typ", include_str!("../templates/bring.typ"));

/// Which copy of the practice set: who may read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PracticeCopy {
    /// For the client: the questions and room to answer, nothing of the preparer's.
    #[default]
    Client,
    /// For the preparer: adds why each question is in the set, its sources,
    /// and the latest mark and notes of the practice sessions.
    Preparer,
}

impl PracticeCopy {
    /// `client` or `preparer`, as an address names it (`?copy=preparer`).
    pub fn parse(s: &str) -> Option<PracticeCopy> {
        match s {
            "client" => Some(PracticeCopy::Client),
            "preparer" => Some(PracticeCopy::Preparer),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            PracticeCopy::Client => "client",
            PracticeCopy::Preparer => "preparer",
        }
    }
}

/// The shipped language a language the interview records names (the
/// interpreter's, which is the client's): by its code (`es`), its name in
/// itself (`Español`) or in English (`Spanish`), in any case.
pub fn lang_for_language(language: &str) -> Option<Lang> {
    let l = language.trim().to_lowercase();
    if l.is_empty() {
        return None;
    }
    Lang::parse(&l).filter(|lang| lang.code() == l).or_else(|| {
        Lang::all().find(|lang| {
            lang.name().to_lowercase() == l
                || tr(*lang, "doc-language-english-name").to_lowercase() == l
        })
    })
}

/// The printout's fixed words (`doc-practice-*`) in `lang`.
fn words(lang: Lang) -> Words {
    refuge_i18n::words(lang, "doc-practice-")
}

type Words = std::collections::BTreeMap<&'static str, String>;

/// The interview or hearing as recorded (each value as typed, empty when not).
#[derive(Debug, Clone, Default)]
pub struct InterviewInfo<'a> {
    pub date: &'a str,
    pub time: &'a str,
    pub place: &'a str,
    pub officer: &'a str,
    pub interpreter: &'a str,
    pub language: &'a str,
}

/// A question's latest mark in the practice sessions.
#[derive(Debug, Clone, Copy)]
pub struct Mark<'a> {
    /// `ready` or `needs_work`.
    pub status: &'a str,
    pub notes: &'a str,
}

/// What both printouts are made from, beside their lists.
#[derive(Debug, Clone)]
pub struct PrintOptions<'a> {
    pub doc: DocOptions<'a>,
    pub forum: Option<Forum>,
    /// The interview, when recorded.
    pub interview: Option<InterviewInfo<'a>>,
    /// The document's date (the assessment's `as_of`), never the clock.
    pub date: Date,
}

/// The interview's rows (label, value), each as recorded.
fn interview_rows(t: &Words, opts: &PrintOptions<'_>) -> Vec<(String, String)> {
    let lang = opts.doc.lang;
    let mut rows = Vec::new();
    if let Some(f) = opts.forum {
        rows.push((t["forum"].clone(), refuge_interview::words::forum(lang, f)));
    }
    let Some(i) = &opts.interview else {
        rows.push((t["interview"].clone(), t["not_recorded"].clone()));
        return rows;
    };
    for (label, v) in [
        ("date", i.date),
        ("time", i.time),
        ("place", i.place),
        ("officer", i.officer),
        ("interpreter", i.interpreter),
        ("language", i.language),
    ] {
        if !v.trim().is_empty() {
            rows.push((t[label].clone(), v.trim().to_string()));
        }
    }
    rows
}

/// The line saying the printout is not in the client's language, when the
/// interview records another: that a copy exists in it (a language Refuge
/// speaks), or that none does yet.
fn lang_note(opts: &PrintOptions<'_>) -> Option<String> {
    let language = opts.interview.as_ref().map_or("", |i| i.language).trim();
    let lang = opts.doc.lang;
    let (id, named) = match lang_for_language(language) {
        _ if language.is_empty() => return None,
        Some(l) if l == lang => return None,
        Some(l) => ("doc-args-practice-other_copy", l.name()),
        None => ("doc-args-practice-lang_note", language.to_string()),
    };
    Some(tr_with(
        lang,
        id,
        &[("printed", lang.name().into()), ("language", named.into())],
    ))
}

/// A statement's label: the form's item it answers (`A.I.19.c: Date of last
/// arrival`), else its path.
fn statement_label(path: &str) -> String {
    let mut general = String::new();
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                general.push('[');
            }
            ']' => {
                in_index = false;
                general.push(']');
            }
            _ if in_index => {}
            c => general.push(c),
        }
    }
    match Form::embedded().item(&general) {
        Some(item) => format!("{} {}", item.number, item.label),
        None => path.to_string(),
    }
}

#[derive(Debug, Serialize)]
struct Question {
    n: usize,
    ask: String,
    about: Option<String>,
    element: String,
    why: String,
    prepare: String,
    issue: Option<String>,
    statements: Vec<(String, String)>,
    /// Preparer's copy only.
    reason: Option<String>,
    sources: Vec<String>,
    mark: Option<String>,
    notes: Option<String>,
}

#[derive(Debug, Serialize)]
struct SectionView {
    title: String,
    questions: Vec<Question>,
}

/// The data `templates/practice.typ` reads as `data.json`: `meta`, `t` (the
/// fixed words), `lang`, `lang_note`, `copy`, `copy_title`, `copy_note`,
/// `interview` (rows), `bank`, `sections` (each question numbered through
/// the set, in `items`' order).
pub fn practice_data(
    items: &[Item],
    marks: &HashMap<&str, Mark<'_>>,
    copy: PracticeCopy,
    opts: &PrintOptions<'_>,
) -> Value {
    let lang = opts.doc.lang;
    let t = words(lang);
    let bank = Bank::embedded();
    let preparer = copy == PracticeCopy::Preparer;
    let mut sections: Vec<SectionView> = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let mark = marks.get(item.id.as_str()).filter(|_| preparer);
        let w = refuge_interview::words::item(lang, item);
        let q = Question {
            n: n + 1,
            ask: w.ask,
            about: w.about,
            element: w.element_title,
            why: w.why,
            prepare: w.prepare,
            issue: item.issue.clone(),
            statements: item
                .statements
                .iter()
                .map(|s| (statement_label(&s.path), s.value.clone()))
                .collect(),
            reason: preparer.then_some(w.reason),
            sources: if preparer {
                item.sources
                    .iter()
                    .filter_map(|id| bank.source(id))
                    .map(|s| format!("{} ({})", s.title, s.status))
                    .collect()
            } else {
                Vec::new()
            },
            mark: preparer.then(|| {
                t[match mark.map(|m| m.status) {
                    Some("ready") => "ready",
                    Some("needs_work") => "needs_work",
                    _ => "not_practised",
                }]
                .clone()
            }),
            notes: mark
                .map(|m| m.notes.trim().to_string())
                .filter(|n| !n.is_empty()),
        };
        let title = refuge_interview::words::section(lang, item.section);
        match sections.last_mut() {
            Some(s) if s.title == title => s.questions.push(q),
            _ => sections.push(SectionView {
                title,
                questions: vec![q],
            }),
        }
    }
    let (copy_title, copy_note) = match copy {
        PracticeCopy::Client => ("client_copy", "client_copy_note"),
        PracticeCopy::Preparer => ("preparer_copy", "preparer_copy_note"),
    };
    let title = format!("{} ({})", t["practice_title"], t[copy_title]);
    let meta = Meta::new(&title, &opts.doc, interview_rows(&t, opts), opts.date);
    let bank_line = tr_with(
        lang,
        "doc-args-practice-bank",
        &[
            ("version", bank.version.as_str().into()),
            ("date", refuge_i18n::date(lang, bank.reviewed_on).into()),
        ],
    );
    json!({
        "meta": meta,
        "lang": lang.code(),
        "lang_note": lang_note(opts),
        "copy": copy.as_str(),
        "copy_note": t[copy_note],
        "bank": format!("{bank_line} {}", refuge_interview::words::bank_note(lang)),
        "sections": sections,
        "t": t,
    })
}

/// The practice set as a PDF, dated `opts.date`.
///
/// # Errors
/// [`DocError`] naming the cause when typst cannot lay it out or write it.
pub fn practice_pdf(
    items: &[Item],
    marks: &HashMap<&str, Mark<'_>>,
    copy: PracticeCopy,
    opts: &PrintOptions<'_>,
) -> Result<Vec<u8>, DocError> {
    render(
        "practice set",
        PRACTICE,
        &practice_data(items, marks, copy, opts),
        opts.date,
    )
}

/// The data `templates/bring.typ` reads as `data.json`: `meta` (the
/// interview's rows in the title block), `t`, `lang_note`, `items` (text, ticked).
pub fn bring_data(list: &[&ChecklistItem], ticked: &[String], opts: &PrintOptions<'_>) -> Value {
    let lang = opts.doc.lang;
    let t = words(lang);
    let meta = Meta::new(
        &t["bring_title"],
        &opts.doc,
        interview_rows(&t, opts),
        opts.date,
    );
    let items: Vec<Value> = list
        .iter()
        .map(|c| {
            json!({
                "text": refuge_interview::words::checklist_item(lang, c),
                "ticked": ticked.contains(&c.id),
            })
        })
        .collect();
    json!({
        "meta": meta,
        "lang": lang.code(),
        "lang_note": lang_note(opts),
        "items": items,
        "t": t,
    })
}

/// The what-to-bring list as a PDF, dated `opts.date`.
///
/// # Errors
/// [`DocError`] naming the cause when typst cannot lay it out or write it.
pub fn bring_pdf(
    list: &[&ChecklistItem],
    ticked: &[String],
    opts: &PrintOptions<'_>,
) -> Result<Vec<u8>, DocError> {
    render(
        "what-to-bring list",
        BRING,
        &bring_data(list, ticked, opts),
        opts.date,
    )
}
