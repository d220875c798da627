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
//! Language: the questions are the bank's, which is in English; every fixed
//! word of these two documents is in [`Words`], chosen by [`Lang`], and goes
//! to typst as data (`t` in `data.json`), so a translation is a second
//! `Words` (and a bank in that language), not a change of the templates. Only
//! English exists yet: when the interview records another language, the
//! printout says that it is printed in English.

use std::collections::HashMap;

use jiff::civil::Date;
use refuge_application::Form;
use refuge_interview::bank::ChecklistItem;
use refuge_interview::{Bank, Forum, Item};
use serde::Serialize;
use serde_json::{Value, json};

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

/// The languages the printouts' fixed words exist in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
}

impl Lang {
    /// The printouts' language for a language the interview records (the
    /// interpreter's, which is the client's): the language itself when its
    /// words exist, else English and a line saying so.
    pub fn for_language(language: &str) -> (Lang, Option<String>) {
        let l = language.trim();
        let english = l.is_empty() || l.eq_ignore_ascii_case("english") || l == "en";
        let note = (!english).then(|| {
            format!("Printed in English: these printouts are not yet available in {l}. Read them to the client in a language they understand.")
        });
        (Lang::En, note)
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
        }
    }

    /// The fixed words in this language.
    pub fn words(self) -> &'static Words {
        match self {
            Lang::En => &EN,
        }
    }
}

/// Every fixed word of the printouts, in one language: the templates print
/// only these and the case's values.
#[derive(Debug, Serialize)]
pub struct Words {
    pub practice_title: &'static str,
    pub bring_title: &'static str,
    pub client_copy: &'static str,
    pub preparer_copy: &'static str,
    pub client_copy_note: &'static str,
    pub preparer_copy_note: &'static str,
    pub element: &'static str,
    pub about: &'static str,
    pub why: &'static str,
    pub prepare: &'static str,
    pub explain: &'static str,
    pub statement: &'static str,
    pub reason: &'static str,
    pub mark: &'static str,
    pub notes: &'static str,
    pub not_practised: &'static str,
    pub sources: &'static str,
    pub answer: &'static str,
    pub no_questions: &'static str,
    pub interview: &'static str,
    pub not_recorded: &'static str,
    pub bring_note: &'static str,
    pub ticked_note: &'static str,
    pub nothing_to_bring: &'static str,
    pub forum: &'static str,
    pub date: &'static str,
    pub time: &'static str,
    pub place: &'static str,
    pub officer: &'static str,
    pub interpreter: &'static str,
    pub language: &'static str,
    pub bank: &'static str,
    pub ready: &'static str,
    pub needs_work: &'static str,
}

/// English.
pub static EN: Words = Words {
    practice_title: "Interview practice questions",
    bring_title: "What to bring to the interview",
    client_copy: "Client's copy",
    preparer_copy: "Preparer's copy",
    client_copy_note: "Practice questions, not the government's list and not a script. Answer in your own words, and say so when you do not know or do not remember: never guess.",
    preparer_copy_note: "For the preparer only: it holds the marks and notes of the practice sessions. The client's copy has the questions without them.",
    element: "Topic",
    about: "About",
    why: "Why it is asked",
    prepare: "What to prepare",
    explain: "Your papers say two different things here",
    statement: "Statement",
    reason: "In this case's set because",
    mark: "Latest mark",
    notes: "Notes on the answer",
    not_practised: "not yet practised",
    sources: "Sources",
    answer: "Notes",
    no_questions: "No questions: the practice set is empty.",
    interview: "The interview",
    not_recorded: "not recorded yet",
    bring_note: "Bring each of these. Tick each one as it is packed.",
    ticked_note: "A ticked box was marked ready in the case's record.",
    nothing_to_bring: "Nothing listed.",
    forum: "Where",
    date: "Date",
    time: "Time",
    place: "Place",
    officer: "Officer or judge",
    interpreter: "Interpreter",
    language: "Interpreter's language",
    bank: "Question bank",
    ready: "ready",
    needs_work: "needs work",
};

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
    let mut rows = Vec::new();
    if let Some(f) = opts.forum {
        rows.push((t.forum.to_string(), f.words().to_string()));
    }
    let Some(i) = &opts.interview else {
        rows.push((t.interview.to_string(), t.not_recorded.to_string()));
        return rows;
    };
    for (label, v) in [
        (t.date, i.date),
        (t.time, i.time),
        (t.place, i.place),
        (t.officer, i.officer),
        (t.interpreter, i.interpreter),
        (t.language, i.language),
    ] {
        if !v.trim().is_empty() {
            rows.push((label.to_string(), v.trim().to_string()));
        }
    }
    rows
}

fn lang_of(opts: &PrintOptions<'_>) -> (Lang, Option<String>) {
    Lang::for_language(opts.interview.as_ref().map_or("", |i| i.language))
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
    title: &'static str,
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
    let (lang, lang_note) = lang_of(opts);
    let t = lang.words();
    let bank = Bank::embedded();
    let preparer = copy == PracticeCopy::Preparer;
    let mut sections: Vec<SectionView> = Vec::new();
    for (n, item) in items.iter().enumerate() {
        let mark = marks.get(item.id.as_str()).filter(|_| preparer);
        let q = Question {
            n: n + 1,
            ask: item.ask.clone(),
            about: item.about.clone(),
            element: item.element_title.clone(),
            why: item.why.clone(),
            prepare: item.prepare.clone(),
            issue: item.issue.clone(),
            statements: item
                .statements
                .iter()
                .map(|s| (statement_label(&s.path), s.value.clone()))
                .collect(),
            reason: preparer.then(|| item.reason.clone()),
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
                match mark.map(|m| m.status) {
                    Some("ready") => t.ready,
                    Some("needs_work") => t.needs_work,
                    _ => t.not_practised,
                }
                .to_string()
            }),
            notes: mark
                .map(|m| m.notes.trim().to_string())
                .filter(|n| !n.is_empty()),
        };
        let title = item.section.title();
        match sections.last_mut() {
            Some(s) if s.title == title => s.questions.push(q),
            _ => sections.push(SectionView {
                title,
                questions: vec![q],
            }),
        }
    }
    let (copy_title, copy_note) = match copy {
        PracticeCopy::Client => (t.client_copy, t.client_copy_note),
        PracticeCopy::Preparer => (t.preparer_copy, t.preparer_copy_note),
    };
    let title = format!("{} ({copy_title})", t.practice_title);
    let meta = Meta::new(
        &title,
        &opts.doc,
        interview_rows(t, opts),
        refuge_engine::NOTICE,
    );
    json!({
        "meta": meta,
        "t": t,
        "lang": lang.code(),
        "lang_note": lang_note,
        "copy": copy.as_str(),
        "copy_note": copy_note,
        "bank": format!("{} {}, reviewed on {}. {}", t.bank, bank.version, bank.reviewed_on, bank.note),
        "sections": sections,
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
    let (lang, lang_note) = lang_of(opts);
    let t = lang.words();
    let meta = Meta::new(
        t.bring_title,
        &opts.doc,
        interview_rows(t, opts),
        refuge_engine::NOTICE,
    );
    let items: Vec<Value> = list
        .iter()
        .map(|c| json!({"text": c.text, "ticked": ticked.contains(&c.id)}))
        .collect();
    json!({
        "meta": meta,
        "t": t,
        "lang": lang.code(),
        "lang_note": lang_note,
        "items": items,
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
