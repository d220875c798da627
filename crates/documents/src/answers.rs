//! The Form I-589 answers, item by item: the form's structure (the parts and
//! items of `refuge_application::Form`, with the edition they follow), every
//! answer the case document holds at each item's field, "N/A" or "None"
//! where the form expects them, long answers continued on pages in the style
//! of Supplement B, and the blocking readiness problems on a cover page.
//! Laid out by `templates/answers.typ`.
//!
//! Nothing is filled into the official USCIS PDF: the field names of the
//! edition in force (03/01/23) could not be confirmed (`form/i589.toml`,
//! `edition_verified = false`); the preparer copies from this, item by item.

use refuge_application::CaseDocument;
use refuge_application::form::{Form, Item};
use refuge_application::output::{Readiness, Severity, Status};
use serde::Serialize;
use serde_json::{Value, json};

use refuge_i18n::tr_with;

use crate::{DocError, Meta, render};

const SOURCE: (&str, &str) = ("answers.typ", include_str!("../templates/answers.typ"));

/// An answer longer than this many characters, or of more lines than
/// [`CONTINUE_LINES`], is continued on a continuation page (the form's boxes
/// hold a few lines).
pub const CONTINUE_CHARS: usize = 400;
/// See [`CONTINUE_CHARS`].
pub const CONTINUE_LINES: usize = 6;

/// What the answers' header and title block show.
pub type AnswersOptions<'a> = crate::DocOptions<'a>;

/// One item's row.
#[derive(Debug, Serialize)]
struct Row {
    number: String,
    label: String,
    /// The answer as it is to be copied; "N/A", "None", or empty when a
    /// required answer is missing (`missing`).
    answer: String,
    /// A required answer is missing (a blocking problem on the cover page).
    missing: bool,
    /// The answer is continued on continuation page `n` (from 1).
    continued: Option<usize>,
    /// The item's number and label were not checked against the form.
    unverified: bool,
}

/// A group of items repeated for each entry of a list (each child, each entry).
#[derive(Debug, Serialize)]
struct Entry {
    title: String,
    rows: Vec<Row>,
}

#[derive(Debug, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Block {
    /// Items one after another, one table.
    Rows { rows: Vec<Row> },
    /// A list's items, once per entry (`entries` empty: `none`).
    List {
        title: String,
        entries: Vec<Entry>,
        none: String,
    },
}

#[derive(Debug, Serialize)]
struct PartView {
    title: String,
    blocks: Vec<Block>,
}

#[derive(Debug, Serialize)]
struct Continuation {
    n: usize,
    part: String,
    number: String,
    label: String,
    text: String,
}

#[derive(Debug, Serialize)]
struct Problem {
    check: &'static str,
    severity: &'static str,
    message: String,
    items: Vec<String>,
}

/// The data `templates/answers.typ` reads as `data.json`: `meta`, `form`
/// (number, title, edition and its note), `ready`, `blocking` and `warnings`
/// (the readiness problems), `parts` (rows and lists), `continuations`.
pub fn answers_data(doc: &CaseDocument, r: &Readiness, opts: &AnswersOptions<'_>) -> Value {
    let form = Form::embedded();
    let root = json!({
        "facts": serde_json::to_value(doc.case().facts()).unwrap_or(Value::Null),
        "application": serde_json::to_value(doc.application()).unwrap_or(Value::Null),
    });
    // The concrete paths a blocking problem names: those answers are missing, not N/A.
    let missing: std::collections::HashSet<String> = r
        .issues
        .iter()
        .filter(|i| i.severity == Severity::Blocking && i.status == Status::Tripped)
        .flat_map(|i| i.items.iter().cloned())
        .collect();
    let mut continuations = Vec::new();
    let mut parts = Vec::new();
    for part in &form.parts {
        let items: Vec<&Item> = form.items.iter().filter(|i| i.part == part.id).collect();
        let mut blocks = Vec::new();
        let mut i = 0;
        while i < items.len() {
            let item = items[i];
            if !in_run(&items, i) {
                let v = get(&root, &item.path);
                let row = row(
                    item,
                    &item.path,
                    v,
                    &missing,
                    &mut continuations,
                    &part.title,
                );
                push_row(&mut blocks, row);
                i += 1;
                continue;
            }
            // A run of the items asked of each entry of a list (each child,
            // each entry to the United States), and the lists themselves.
            let mut run = Vec::new();
            while i < items.len() && in_run(&items, i) {
                run.push(items[i]);
                i += 1;
            }
            let driver = run
                .iter()
                .find_map(|it| it.path.split_once("[]").map(|(l, _)| l.to_string()))
                .unwrap_or_default();
            let list = match get(&root, &driver) {
                Some(Value::Array(a)) => a.clone(),
                _ => Vec::new(),
            };
            for it in run.iter().filter(|it| !it.path.contains("[]")) {
                // The list itself: how many entries, each given below.
                let v = get(&root, &it.path).map(|v| match v {
                    Value::Array(a) if !a.is_empty() => json!(format!("{} listed below", a.len())),
                    other => other.clone(),
                });
                let r = row(
                    it,
                    &it.path,
                    v.as_ref(),
                    &missing,
                    &mut continuations,
                    &part.title,
                );
                push_row(&mut blocks, r);
            }
            let entries = list
                .iter()
                .enumerate()
                .map(|(n, entry)| Entry {
                    title: format!("{} {}", capitalised(entry_word(&driver)), n + 1),
                    rows: run
                        .iter()
                        .filter_map(|it| {
                            let (l, rest) = it.path.split_once("[]")?;
                            let k = if l == driver {
                                Some(n)
                            } else {
                                linked(&root, l, n, entry)
                            };
                            let path = format!("{l}[{}]{rest}", k.unwrap_or(usize::MAX));
                            let v = k.and_then(|_| get(&root, &path));
                            Some(row(it, &path, v, &missing, &mut continuations, &part.title))
                        })
                        .collect(),
                })
                .collect();
            blocks.push(Block::List {
                title: format!("For each {}", entry_word(&driver)),
                entries,
                none: "None".into(),
            });
        }
        parts.push(PartView {
            title: part.title.clone(),
            blocks,
        });
    }
    let problems = |severity: Severity| -> Vec<Problem> {
        r.issues
            .iter()
            .filter(|i| i.severity == severity && i.status == Status::Tripped)
            .map(|i| Problem {
                check: i.check,
                severity: severity.as_str(),
                message: i.message.clone(),
                items: i.items.clone(),
            })
            .collect()
    };
    let lang = opts.lang;
    let t = refuge_i18n::words(lang, "doc-answers-");
    let rows = vec![
        (
            t["form"].clone(),
            tr_with(
                lang,
                "doc-args-answers-form_row",
                &[
                    ("number", form.form.number.as_str().into()),
                    ("title", form.form.title.as_str().into()),
                    ("edition", form.form.numbering.as_str().into()),
                ],
            ),
        ),
        (t["as_of"].clone(), r.as_of.to_string()),
    ];
    let meta = Meta::new(&t["title"], opts, rows, r.as_of);
    let blocking = problems(Severity::Blocking);
    json!({
        "meta": meta,
        "not_ready": tr_with(lang, "doc-args-answers-not_ready", &[("count", blocking.len().into())]),
        "t": t,
        "form": {
            "number": form.form.number,
            "title": form.form.title,
            "numbering": form.form.numbering,
            "edition": form.form.edition,
            "edition_verified": form.form.edition_verified,
            "edition_note": form.form.edition_note,
        },
        "ready": r.ready,
        "blocking": blocking,
        "warnings": problems(Severity::Warning),
        "parts": parts,
        "continuations": continuations,
    })
}

/// The Form I-589 answers as a PDF, dated the case's `as_of`.
///
/// # Errors
/// [`DocError`] naming the cause when typst cannot lay it out or write it.
pub fn answers_pdf(
    doc: &CaseDocument,
    r: &Readiness,
    opts: &AnswersOptions<'_>,
) -> Result<Vec<u8>, DocError> {
    render(
        "I-589 answers",
        SOURCE,
        &answers_data(doc, r, opts),
        r.as_of,
    )
}

/// Adds a row to the table before it, or starts a table.
fn push_row(blocks: &mut Vec<Block>, row: Row) {
    match blocks.last_mut() {
        Some(Block::Rows { rows }) => rows.push(row),
        _ => blocks.push(Block::Rows { rows: vec![row] }),
    }
}

/// The value at a concrete path (`application.part_a2.members[0].last_name`).
pub(crate) fn get<'v>(root: &'v Value, path: &str) -> Option<&'v Value> {
    let mut v = root;
    for seg in path.split('.') {
        let (name, index) = match seg.split_once('[') {
            Some((n, rest)) => (n, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (seg, None),
        };
        v = v.get(name)?;
        if let Some(i) = index {
            v = v.get(i)?;
        }
    }
    (!v.is_null()).then_some(v)
}

fn row(
    item: &Item,
    path: &str,
    v: Option<&Value>,
    missing: &std::collections::HashSet<String>,
    continuations: &mut Vec<Continuation>,
    part: &str,
) -> Row {
    let is_missing = v.is_none() && missing.contains(path);
    let answer = match v {
        Some(v) => words(v),
        None if is_missing => String::new(),
        // A list with nothing in it, or an item that does not apply: what the form asks for.
        None if item.nonempty || item.label.to_lowercase().contains("if any") => "None".into(),
        None => "N/A".into(),
    };
    let long = answer.chars().count() > CONTINUE_CHARS || answer.lines().count() > CONTINUE_LINES;
    let continued = long.then(|| {
        let n = continuations.len() + 1;
        continuations.push(Continuation {
            n,
            part: part.to_string(),
            number: item.number.clone(),
            label: item.label.clone(),
            text: answer.clone(),
        });
        n
    });
    Row {
        number: item.number.clone(),
        label: item.label.clone(),
        answer,
        missing: is_missing,
        continued,
        unverified: !item.verified,
    }
}

/// A value as it is written on the form.
fn words(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Bool(true) => "Yes".into(),
        Value::Bool(false) => "No".into(),
        Value::String(s) => match s.as_str() {
            "yes" => "Yes".into(),
            "no" => "No".into(),
            _ => s.clone(),
        },
        Value::Number(n) => n.to_string(),
        Value::Array(a) if a.is_empty() => "None".into(),
        Value::Array(a) => a.iter().map(words).collect::<Vec<_>>().join("; "),
        Value::Object(o) => o
            .iter()
            .filter(|(_, v)| !v.is_null())
            .map(|(k, v)| format!("{}: {}", k.replace('_', " "), words(v)))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// Whether item `i` belongs to a run of list items: its path has `[]`, or it
/// is the list whose entries the next item asks about.
fn in_run(items: &[&Item], i: usize) -> bool {
    items[i].path.contains("[]")
        || items
            .get(i + 1)
            .is_some_and(|next| next.path.starts_with(&format!("{}[]", items[i].path)))
}

/// The entry of `list` that speaks of entry `n` of the run's first list: an
/// A.II member names its family member's id (`family`), an A.I.19.c entry its
/// arrival's index (`arrival`); other lists go entry by entry.
fn linked(root: &Value, list: &str, n: usize, entry: &Value) -> Option<usize> {
    let Some(Value::Array(other)) = get(root, list) else {
        return None;
    };
    let id = entry
        .get("id")
        .and_then(Value::as_str)
        .map(str::to_string)
        .unwrap_or_else(|| n.to_string());
    let links = |e: &Value| {
        e.get("family").and_then(Value::as_str) == Some(id.as_str())
            || e.get("arrival").and_then(Value::as_u64) == Some(n as u64)
    };
    if other
        .iter()
        .any(|e| e.get("family").is_some() || e.get("arrival").is_some())
    {
        other.iter().position(links)
    } else {
        (n < other.len()).then_some(n)
    }
}

/// What one entry of a list is called.
fn entry_word(list: &str) -> &'static str {
    match list.rsplit('.').next().unwrap_or("") {
        "family" => "family member",
        "members" => "spouse or child",
        "entries" => "entry",
        "arrivals" => "arrival",
        "addresses" => "address",
        "education" => "school",
        "employment" => "employer",
        "parents" | "siblings" | "parents_siblings" => "parent or sibling",
        "other_names" => "name",
        _ => "entry",
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}
