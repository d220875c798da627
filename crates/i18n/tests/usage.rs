//! Every English message is used somewhere in the code, and the code uses
//! no message English lacks (issue 19).
//!
//! The code is every crate's sources and templates (`crates/*/src`,
//! `crates/*/templates` and the like; not tests, not `locales/`), read as
//! text. A message is used when its id is written whole in a string
//! (`ctx.t("cases-title")`, `tr(lang, "date-long")`); one whose id is made
//! at run time must match a pattern of [`MADE_AT_RUN_TIME`], each with where
//! it is made. A string shaped like an id (`area-words`) whose area is one
//! the catalog uses, or one given to a call that takes a message id
//! ([`CALLS`]), must be an English message.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use fluent_syntax::ast::Entry;
use refuge_i18n::FILES;

/// Ids the code makes at run time, by their prefix, and where: keep this
/// short, and each prefix narrow.
const MADE_AT_RUN_TIME: &[(&str, &str)] = &[
    (
        "month-",
        "crates/i18n/src/lib.rs, `date`: month-1 … month-12",
    ),
    // The facts form's words, one per section and field of its table
    // (crates/web/src/facts/form.rs, `message_id`); a test there holds
    // locales/en/web-facts-fields.ftl equal to the table, both ways.
    ("facts-section-", "crates/web/src/facts/form.rs, `title_in`"),
    ("facts-field-", "crates/web/src/facts/form.rs, `label_in`"),
    ("facts-help-", "crates/web/src/facts/form.rs, `help_in`"),
    ("facts-choice-", "crates/web/src/facts/form.rs, `choice_in`"),
    // The client intake's screens and questions, by their ids in its table
    // (crates/web/src/intake/questions.rs, `Questions::messages`, which its
    // own test holds to the catalog).
    (
        "intake-screen-",
        "crates/web/src/intake/client.rs, a screen's title and intro",
    ),
    (
        "intake-entry-",
        "crates/web/src/intake/client.rs, a list screen's entry",
    ),
    (
        "intake-q-",
        "crates/web/src/intake/questions.rs, `message`, `option_message`",
    ),
    // A document's fixed words, read as a whole set by its prefix
    // (`refuge_i18n::words(lang, "doc-memo-")`), each key a field of the
    // typst template's `t` (crates/documents/src/*.rs; the documents' tests
    // read every PDF back in each language).
    (
        "doc-common-",
        "crates/documents/src/lib.rs, the header and footer",
    ),
    ("doc-memo-", "crates/documents/src/memo.rs"),
    ("doc-answers-", "crates/documents/src/answers.rs"),
    ("doc-packet-", "crates/documents/src/packet.rs"),
    ("doc-practice-", "crates/documents/src/practice.rs"),
    ("doc-declaration-", "crates/documents/src/declaration.rs"),
    // The interview bank's words by entry id (crates/interview/src/words.rs,
    // `key`; crates/interview/tests/words.rs holds them to the bank both ways).
    ("interview-", "crates/interview/src/words.rs"),
    // The report's words for the engine's names: a relief's name, outcome,
    // basis and summary; a finding's outcome, a deadline by its id, a
    // weekday, a family member's relation and path (crates/report/src/view.rs;
    // crates/report/tests/i18n.rs renders every name the engine can give).
    (
        "relief-",
        "crates/report/src/view.rs, by the engine's relief names",
    ),
    (
        "report-outcome-",
        "crates/report/src/view.rs, a finding's outcome",
    ),
    (
        "report-deadline-",
        "crates/report/src/view.rs, a deadline's label by its id",
    ),
    (
        "report-weekday-",
        "crates/report/src/view.rs, a date's weekday",
    ),
    (
        "report-relation-",
        "crates/report/src/view.rs, a family member's relation",
    ),
    (
        "report-path-",
        "crates/report/src/view.rs, a family member's path",
    ),
    (
        "report-status-",
        "crates/report/src/view.rs, a date's status",
    ),
    // A change of the law's words (crates/web/src/lawchange/words.rs; its
    // tests hold the English to the engine's words and every parameter of the
    // law data to its name).
    (
        "lawchange-parameter-",
        "crates/web/src/lawchange/words.rs, `parameter_message`",
    ),
    (
        "lawchange-part-",
        "crates/web/src/lawchange/words.rs, a part of the law data",
    ),
    (
        "lawchange-unit-",
        "crates/web/src/lawchange/words.rs, a parameter's unit",
    ),
    // The evidence checklist's elements and items, by their ids in
    // crates/application/form/evidence.toml (crates/web/src/application/
    // evidence.rs, `element_title`, `item_label`; its test holds the English
    // to the checklist both ways), and the timeline's kinds by their names.
    (
        "evidence-",
        "crates/web/src/application/evidence.rs, `checklist_words`",
    ),
    (
        "application-timeline-kind-",
        "crates/web/src/application/timeline.rs, `word`",
    ),
    (
        "application-timeline-relation-",
        "crates/web/src/application/timeline.rs, `word`",
    ),
    (
        "application-timeline-source-",
        "crates/web/src/application/timeline.rs, `said`",
    ),
    // The countries by code (crates/web/src/facts/countries.rs, read as a
    // set: `refuge_i18n::words(lang, "country-")`).
    ("country-", "crates/web/src/facts/countries.rs, `countries`"),
    // Each finding's question of law, by its definition's id
    // (crates/report/src/i18n.rs, `finding_message_id`;
    // crates/report/tests/i18n.rs holds them to the engine's both ways).
    ("finding-", "crates/report/src/i18n.rs, `finding_question`"),
];

/// Strings shaped like ids of a catalog area that are not messages (HTML
/// ids, CSS classes, form field names), with where they are.
const NOT_MESSAGES: &[&str] = &[
    // crates/i18n/src/lib.rs: the example in `tr_with`'s documentation.
    "deadline-in",
    // crates/web/templates/intake/: an element id and a class.
    "intake-url",
    "intake-answer",
    // crates/web/src/facts/widgets.rs: the countries' datalist.
    "country-names",
    // crates/report/templates/: classes.
    "relief-note",
    "finding-body",
];

/// The functions and methods whose argument (after any plain arguments
/// before it: `tr(lang, "id")`, `Ctx::of(&s, "id")`) is a message id.
const CALLS: &[&str] = &[
    "t",
    "t1",
    "t2",
    "t3",
    "tr",
    "tr_with",
    "tr_args",
    "of",
    "of_case",
    "anonymous",
];

/// Whether the string starting at byte `at` (its opening quote) is the
/// message id of a call of [`CALLS`].
fn given_to_a_call(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let Some(open) = before.rfind('(') else {
        return false;
    };
    let plain_args = before[open + 1..].split(',').all(|a| {
        a.trim()
            .trim_start_matches('&')
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
    });
    let name = before[..open]
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '_'))
        .next()
        .unwrap_or("");
    plain_args && CALLS.contains(&name)
}

fn english_ids() -> BTreeSet<String> {
    let (_, files) = FILES.iter().find(|(c, _)| *c == "en").unwrap();
    files
        .iter()
        .flat_map(|(_, text)| {
            fluent_syntax::parser::parse(*text)
                .map(|r| r.body)
                .unwrap_or_default()
        })
        .filter_map(|e| match e {
            Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

/// Every source and template file of the workspace's crates.
fn sources() -> Vec<(PathBuf, String)> {
    let crates = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut out = vec![];
    let mut stack = vec![crates];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().to_string();
            if path.is_dir() {
                if !matches!(
                    name.as_str(),
                    "tests" | "benches" | "locales" | "target" | "fuzz" | "snapshots"
                ) {
                    stack.push(path);
                }
            } else if matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("rs" | "html" | "typ" | "toml")
            ) && let Ok(text) = std::fs::read_to_string(&path)
            {
                out.push((path, text));
            }
        }
    }
    out
}

/// The double-quoted strings of a text that are shaped like a message id:
/// lower-case words (with `_`) joined by hyphens (`"cases-title"`, wherever it
/// stands: in Rust, or in a template's `{{ ctx.t("cases-title") }}` inside
/// an attribute's quotes).
fn id_shaped(text: &str) -> impl Iterator<Item = &str> {
    id_shaped_at(text).map(|(_, s)| s)
}

/// [`id_shaped`], with where each string's opening quote is.
fn id_shaped_at(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    text.match_indices('"').filter_map(move |(i, _)| {
        let rest = &bytes[i + 1..];
        let len = rest
            .iter()
            .take_while(|b| {
                b.is_ascii_lowercase() || b.is_ascii_digit() || **b == b'-' || **b == b'_'
            })
            .count();
        let s = &text[i + 1..i + 1 + len];
        (rest.get(len) == Some(&b'"')
            && s.contains('-')
            && s.starts_with(|c: char| c.is_ascii_lowercase())
            && !s.ends_with('-')
            && !s.contains("--"))
        .then_some((i, s))
    })
}

#[test]
fn every_english_message_is_used_in_the_code() {
    let ids = english_ids();
    let sources = sources();
    let mut written = BTreeSet::new();
    for (_, text) in &sources {
        written.extend(id_shaped(text).map(str::to_string));
    }
    let unused: Vec<&String> = ids
        .iter()
        .filter(|id| !written.contains(*id))
        .filter(|id| !MADE_AT_RUN_TIME.iter().any(|(p, _)| id.starts_with(p)))
        .collect();
    assert!(
        unused.is_empty(),
        "messages of locales/en/ that no code uses (remove them, or declare \
         the pattern that makes them in MADE_AT_RUN_TIME):\n{unused:#?}"
    );
}

#[test]
fn the_code_uses_no_message_english_lacks() {
    let ids = english_ids();
    let areas: BTreeSet<&str> = ids.iter().map(|id| id.split('-').next().unwrap()).collect();
    let mut missing = vec![];
    for (path, text) in sources() {
        for (at, s) in id_shaped_at(&text) {
            let area = s.split('-').next().unwrap();
            let checked = areas.contains(area) || given_to_a_call(&text, at);
            if checked && !ids.contains(s) && !NOT_MESSAGES.contains(&s) {
                missing.push(format!("{}: \"{s}\"", path.display()));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "the code uses messages that locales/en/ lacks (add them to \
         locales/en/ and every other language):\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_scan_sees_the_messages_the_code_is_known_to_use() {
    // The scan itself is sound: it reads the crate's own sources, and the
    // ids they write.
    let all: String = sources().into_iter().map(|(_, t)| t).collect();
    let seen: BTreeSet<&str> = id_shaped(&all).collect();
    for id in ["date-long", "language-name", "number-group-separator"] {
        assert!(seen.contains(id), "{id}");
    }
    assert!(!seen.contains("not an id"));
    let code = r#"Ctx::of_case(&s, "cases-title", &name); ctx.t("x-y"); f("a-b")"#;
    let at = |needle: &str| code.find(needle).unwrap() - 1;
    assert!(given_to_a_call(code, at("cases-title")));
    assert!(given_to_a_call(code, at("x-y")));
    assert!(!given_to_a_call(code, at("a-b")));
}
