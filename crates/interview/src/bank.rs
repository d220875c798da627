//! The question bank as data (`bank/questions.toml`): read in two steps, as
//! the law is. [`RawBank`] is the file as written (serde); [`Bank::validate`]
//! parses every condition and checks what it names against the engine (each
//! finding id one of `refuge_engine::defs`, each fact path a field of the
//! facts document, each value one the field takes), the readiness checks
//! (`refuge_application::checks::all`), and the file's own lists (elements,
//! sources); a bad file is refused with a [`BankError`] naming the entry.
//! Adding a question is adding an entry to the file.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;
use serde_json::{Value, json};

use crate::cond::{self, Cond, Literal, Term};

/// The bank compiled into the crate.
pub const QUESTIONS_TOML: &str = include_str!("../bank/questions.toml");

/// The file as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBank {
    pub version: String,
    pub reviewed_on: String,
    /// What the bank is and is not, for the reviewing lawyer.
    pub note: String,
    pub sources: Vec<Source>,
    pub elements: Vec<Element>,
    pub questions: Vec<RawQuestion>,
    pub explain: Vec<RawExplain>,
    pub checklist: Vec<RawChecklistItem>,
}

/// Where a question, a rule or a checklist item comes from, and how far it was checked.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub url: String,
    /// `verified` (seen at `url` when the bank was reviewed), `secondary`
    /// (seen in a secondary source) or `unverified` (practice, from memory:
    /// a lawyer must review it).
    pub status: String,
    /// What was checked, or what could not be.
    pub checked: String,
}

/// Which part of the practice set an element's questions belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// The story, in the order of the elements.
    Story,
    /// The bars (Parts B and C of the I-589).
    Bars,
    /// The forum's own questions: the asylum office's process, the hearing's
    /// cross-examination and the judge's questions, the closing.
    Forum,
}

/// A legal element the questions test, in the order the story is told.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Element {
    pub id: String,
    pub title: String,
    pub part: Part,
    /// Findings (ids, `*` for any harm, group or member) whose `unknown`
    /// makes this element one of the case's weakest.
    #[serde(default)]
    pub findings: Vec<String>,
    /// Readiness checks whose tripping makes it one of the weakest.
    #[serde(default)]
    pub checks: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: String,
    pub element: String,
    pub ask: String,
    pub when: String,
    pub why: String,
    pub prepare: String,
    /// `harm`: asked once for each harm the client suffered (not a feared one).
    #[serde(default)]
    pub each: Option<String>,
    pub sources: Vec<String>,
}

/// The "explain this" question a tripped readiness check becomes.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExplain {
    /// Check ids, or a prefix ending in `*` (`consistency.*`).
    pub checks: Vec<String>,
    pub element: String,
    pub ask: String,
    pub why: String,
    pub prepare: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChecklistItem {
    pub id: String,
    pub text: String,
    pub when: String,
    pub sources: Vec<String>,
}

/// A question of the bank, its condition parsed.
#[derive(Debug, Clone)]
pub struct Question {
    pub id: String,
    pub element: String,
    pub ask: String,
    pub when: Cond,
    /// The condition as written, for the preparer who asks why a question is in the set.
    pub when_text: String,
    pub why: String,
    pub prepare: String,
    pub per_harm: bool,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Explain {
    pub checks: Vec<String>,
    pub element: String,
    pub ask: String,
    pub why: String,
    pub prepare: String,
    pub sources: Vec<String>,
}

impl Explain {
    /// Whether a tripped check of this id becomes this question.
    pub fn covers(&self, check: &str) -> bool {
        self.checks.iter().any(|c| match c.strip_suffix('*') {
            Some(prefix) => check.starts_with(prefix),
            None => c == check,
        })
    }
}

#[derive(Debug, Clone)]
pub struct ChecklistItem {
    pub id: String,
    pub text: String,
    pub when: Cond,
    pub sources: Vec<String>,
}

/// The checked bank.
#[derive(Debug, Clone)]
pub struct Bank {
    pub version: String,
    pub reviewed_on: jiff::civil::Date,
    pub note: String,
    pub sources: Vec<Source>,
    pub elements: Vec<Element>,
    pub questions: Vec<Question>,
    pub explain: Vec<Explain>,
    pub checklist: Vec<ChecklistItem>,
}

/// A bank file refused: the entry and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("bank/questions.toml: {entry}: {message}")]
pub struct BankError {
    /// `questions.identity.name`, `elements.nexus`, or the file itself.
    pub entry: String,
    pub message: String,
}

fn bad(entry: impl Into<String>, message: impl Into<String>) -> BankError {
    BankError {
        entry: entry.into(),
        message: message.into(),
    }
}

/// The forums a condition may name.
pub const FORUMS: &[&str] = &["asylum_office", "court"];
const OUTCOMES: &[&str] = &["yes", "no", "unknown", "not_applicable"];
const STATUSES: &[&str] = &["passed", "tripped", "cannot_tell"];

impl RawBank {
    /// Reads the file.
    ///
    /// # Errors
    /// A [`BankError`] with TOML's message (line and column).
    pub fn parse(text: &str) -> Result<RawBank, BankError> {
        toml::from_str(text).map_err(|e| bad("(file)", e.to_string()))
    }
}

impl Bank {
    /// The bank compiled into the crate, checked once.
    ///
    /// # Panics
    /// If the embedded file is invalid, which the crate's tests rule out.
    pub fn embedded() -> &'static Bank {
        static BANK: std::sync::OnceLock<Bank> = std::sync::OnceLock::new();
        BANK.get_or_init(|| {
            Bank::parse(QUESTIONS_TOML).expect("the embedded question bank is valid (tested)")
        })
    }

    /// Reads and checks a bank file.
    ///
    /// # Errors
    /// A [`BankError`] naming the entry.
    pub fn parse(text: &str) -> Result<Bank, BankError> {
        Bank::validate(RawBank::parse(text)?)
    }

    /// Checks a bank as written (see the module's doc).
    ///
    /// # Errors
    /// A [`BankError`] naming the first entry that is wrong.
    pub fn validate(raw: RawBank) -> Result<Bank, BankError> {
        let reviewed_on = refuge_engine::facts::parse_date(&raw.reviewed_on)
            .map_err(|e| bad("reviewed_on", e))?;
        if raw.version.trim().is_empty() {
            return Err(bad("version", "the bank needs a version"));
        }
        let mut ids = HashSet::new();
        for s in &raw.sources {
            let entry = format!("sources.{}", s.id);
            if !ids.insert(s.id.as_str()) {
                return Err(bad(entry, "a second source with this id"));
            }
            if !matches!(s.status.as_str(), "verified" | "secondary" | "unverified") {
                return Err(bad(entry, "status is verified, secondary or unverified"));
            }
            if s.status != "unverified" && !s.url.starts_with("http") {
                return Err(bad(
                    entry,
                    "a verified or secondary source gives the address it was seen at",
                ));
            }
            if s.checked.trim().is_empty() {
                return Err(bad(entry, "say what was checked (checked = \"…\")"));
            }
        }
        let sources = ids;
        let known_checks: HashSet<&str> = refuge_application::checks::all()
            .iter()
            .map(|d| d.id.as_str())
            .collect();
        let facts = FactPaths::new();
        let cite = |entry: &str, list: &[String]| -> Result<(), BankError> {
            if list.is_empty() {
                return Err(bad(entry, "name at least one source (sources = [\"…\"])"));
            }
            match list.iter().find(|s| !sources.contains(s.as_str())) {
                Some(s) => Err(bad(entry, format!("no source {s:?} in [[sources]]"))),
                None => Ok(()),
            }
        };
        let mut elements = HashSet::new();
        for e in &raw.elements {
            let entry = format!("elements.{}", e.id);
            if !elements.insert(e.id.as_str()) {
                return Err(bad(entry, "a second element with this id"));
            }
            for f in &e.findings {
                check_finding(f).map_err(|m| bad(&entry, m))?;
            }
            for c in &e.checks {
                if !known_checks.contains(c.as_str()) {
                    return Err(bad(entry, format!("no readiness check {c:?}")));
                }
            }
        }
        let condition = |entry: &str, text: &str| -> Result<Cond, BankError> {
            let c = cond::parse(text).map_err(|e| bad(entry, format!("when: {e}")))?;
            for (term, value) in c.comparisons() {
                validate_comparison(term, value, &facts, &known_checks)
                    .map_err(|m| bad(entry, format!("when: {m}")))?;
            }
            Ok(c)
        };
        let text = |entry: &str, field: &str, value: &str| -> Result<(), BankError> {
            if value.trim().is_empty() {
                Err(bad(entry, format!("{field} is empty")))
            } else {
                Ok(())
            }
        };
        let mut seen = HashSet::new();
        let mut questions = Vec::new();
        for q in raw.questions {
            let entry = format!("questions.{}", q.id);
            if q.id.is_empty() || q.id.contains(['@', '/', ' ']) {
                return Err(bad(entry, "an id is a name without '@', '/' or spaces"));
            }
            if !seen.insert(q.id.clone()) {
                return Err(bad(entry, "a second question with this id"));
            }
            if !elements.contains(q.element.as_str()) {
                return Err(bad(
                    entry,
                    format!("no element {:?} in [[elements]]", q.element),
                ));
            }
            text(&entry, "ask", &q.ask)?;
            text(&entry, "why", &q.why)?;
            text(&entry, "prepare", &q.prepare)?;
            cite(&entry, &q.sources)?;
            let per_harm = match q.each.as_deref() {
                None => false,
                Some("harm") => true,
                Some(other) => {
                    return Err(bad(
                        entry,
                        format!("each is \"harm\" or absent, not {other:?}"),
                    ));
                }
            };
            questions.push(Question {
                when: condition(&entry, &q.when)?,
                when_text: q.when,
                id: q.id,
                element: q.element,
                ask: q.ask,
                why: q.why,
                prepare: q.prepare,
                per_harm,
                sources: q.sources,
            });
        }
        let mut explain = Vec::new();
        for (i, x) in raw.explain.into_iter().enumerate() {
            let entry = format!("explain[{i}]");
            if !elements.contains(x.element.as_str()) {
                return Err(bad(entry, format!("no element {:?}", x.element)));
            }
            for c in &x.checks {
                let ok = match c.strip_suffix('*') {
                    Some(p) => known_checks.iter().any(|k| k.starts_with(p)),
                    None => known_checks.contains(c.as_str()),
                };
                if !ok {
                    return Err(bad(entry, format!("no readiness check matches {c:?}")));
                }
            }
            text(&entry, "ask", &x.ask)?;
            text(&entry, "why", &x.why)?;
            text(&entry, "prepare", &x.prepare)?;
            cite(&entry, &x.sources)?;
            explain.push(Explain {
                checks: x.checks,
                element: x.element,
                ask: x.ask,
                why: x.why,
                prepare: x.prepare,
                sources: x.sources,
            });
        }
        let mut checklist = Vec::new();
        let mut seen = HashSet::new();
        for c in raw.checklist {
            let entry = format!("checklist.{}", c.id);
            if !seen.insert(c.id.clone()) {
                return Err(bad(entry, "a second item with this id"));
            }
            text(&entry, "text", &c.text)?;
            cite(&entry, &c.sources)?;
            checklist.push(ChecklistItem {
                when: condition(&entry, &c.when)?,
                id: c.id,
                text: c.text,
                sources: c.sources,
            });
        }
        Ok(Bank {
            version: raw.version,
            reviewed_on,
            note: raw.note,
            sources: raw.sources,
            elements: raw.elements,
            questions,
            explain,
            checklist,
        })
    }

    pub fn element(&self, id: &str) -> Option<&Element> {
        self.elements.iter().find(|e| e.id == id)
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    /// The question of this id (without a harm's `@h1`).
    pub fn question(&self, id: &str) -> Option<&Question> {
        let base = id.split('@').next().unwrap_or(id);
        self.questions.iter().find(|q| q.id == base)
    }
}

fn check_finding(id: &str) -> Result<(), String> {
    if refuge_engine::defs::find(&id.replace('*', "x")).is_none() {
        return Err(format!(
            "the engine makes no finding {id:?} (refuge_engine::defs)"
        ));
    }
    Ok(())
}

/// The fields of the facts document, found by asking serde (the
/// application crate's `schema::paths`), and whether a value is one a
/// field takes (a facts document holding it is read without an error).
struct FactPaths(BTreeMap<String, refuge_application::schema::Kind>);

impl FactPaths {
    fn new() -> FactPaths {
        FactPaths(refuge_application::schema::paths("facts"))
    }

    fn check(&self, path: &str, value: &Literal) -> Result<(), String> {
        match self.0.get(&format!("facts.{path}")) {
            None => {
                return Err(format!(
                    "the facts have no field {path:?} (docs/facts.md; `[]` for each entry of a list)"
                ));
            }
            Some(refuge_application::schema::Kind::Value) => {}
            Some(_) => {
                return Err(format!(
                    "{path:?} is a section or a list of entries, not a value: compare one of its fields"
                ));
            }
        }
        let v = match value {
            Literal::Null => return Ok(()),
            Literal::Str(s) => Value::String(s.clone()),
            Literal::Bool(b) => Value::Bool(*b),
        };
        let takes = |leaf: Value| {
            let doc = path
                .split('.')
                .rev()
                .fold(leaf, |inner, seg| match seg.strip_suffix("[]") {
                    Some(name) => json!({ name: [inner] }),
                    None => json!({ seg: inner }),
                });
            serde_json::from_value::<refuge_engine::Facts>(doc).is_ok()
        };
        if takes(v.clone()) || takes(Value::Array(vec![v])) {
            Ok(())
        } else {
            Err(format!(
                "{path:?} never holds {value:?} (docs/facts.md lists its values)"
            ))
        }
    }
}

fn validate_comparison(
    term: &Term,
    value: &Literal,
    facts: &FactPaths,
    checks: &HashSet<&str>,
) -> Result<(), String> {
    let one_of = |what: &str, allowed: &[&str]| match value {
        Literal::Null => Ok(()),
        Literal::Str(s) if allowed.contains(&s.as_str()) => Ok(()),
        v => Err(format!("{what} is one of {allowed:?} or null, never {v:?}")),
    };
    match term {
        Term::Fact(path) => facts.check(path, value),
        Term::Finding(id) => {
            check_finding(id)?;
            one_of("a finding's outcome", OUTCOMES)
        }
        Term::Check(id) => {
            if !checks.contains(id.as_str()) {
                return Err(format!(
                    "no readiness check {id:?} (crates/application/form/checks.toml)"
                ));
            }
            one_of("a check's status", STATUSES)
        }
        Term::Forum => match value {
            Literal::Str(s) if FORUMS.contains(&s.as_str()) => Ok(()),
            v => Err(format!("forum is one of {FORUMS:?}, never {v:?}")),
        },
    }
}
