//! The practice set of one case: the bank's questions that apply to it,
//! chosen and ordered from its facts, the engine's findings, the readiness
//! checks and the forum.
//!
//! The order (issue 18):
//! 1. **Where the case is weakest.** Each tripped readiness check that a
//!    `[[explain]]` entry covers becomes an "explain this" question, with the
//!    two statements that disagree shown to the preparer (the issue's message
//!    and the value at each path it names). Then the questions of every element
//!    that is weak for this case: one of its findings is `unknown`, or one of
//!    its readiness checks tripped, or a finding of it that the case relies
//!    on (outcome yes) rests on the client's testimony alone (the evidence
//!    checklist, once started, has no corroboration in hand for it; INA
//!    § 208(b)(1)(B)(ii)).
//! 2. **The story in order**: the other questions of the story's elements, in
//!    the elements' order; a question marked `each = "harm"` once for each harm
//!    the client suffered.
//! 3. **The bars** (Parts B and C of the I-589).
//! 4. **The forum's own set**: the asylum office's interview, or the
//!    immigration court's hearing with its cross-examination.
//!
//! NOT MODELLED: earlier statements (border,
//! credible-fear or visa records) unless the application's checks compare
//! them. The client's language: the wording of each item is the bank's
//! English; [`crate::words`] gives it in another language by the item's key.

use serde_json::Value;

use refuge_application::Readiness;
use refuge_application::output::Status as CheckStatus;
use refuge_engine::Assessment;
use refuge_engine::output::Outcome;

use crate::bank::{Bank, ChecklistItem, Part};
use crate::cond::{self, Term};

/// Where the interview takes place, which decides the forum's own questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Forum {
    /// An affirmative interview before a USCIS asylum officer (8 C.F.R. § 208.9).
    AsylumOffice,
    /// An individual (merits) hearing before an immigration judge, with DHS
    /// counsel's cross-examination (INA § 240(b)(1), 8 C.F.R. § 1240.11(c)(3)).
    Court,
}

impl Forum {
    pub const ALL: [Forum; 2] = [Forum::AsylumOffice, Forum::Court];

    /// The name conditions use (`forum == "court"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Forum::AsylumOffice => "asylum_office",
            Forum::Court => "court",
        }
    }

    pub fn parse(s: &str) -> Option<Forum> {
        Forum::ALL.into_iter().find(|f| f.as_str() == s)
    }

    /// In words, for pages.
    pub fn words(self) -> &'static str {
        match self {
            Forum::AsylumOffice => "asylum office interview",
            Forum::Court => "immigration court hearing",
        }
    }

    /// The forum the facts point to: a defensive application, or one made in
    /// removal proceedings, is heard in court; any other is an interview.
    pub fn of_facts(facts: &Value) -> Forum {
        let defensive = facts.pointer("/application/forum") == Some(&Value::from("defensive"));
        let in_proceedings = facts.pointer("/removal/in_proceedings") == Some(&Value::Bool(true));
        if defensive || in_proceedings {
            Forum::Court
        } else {
            Forum::AsylumOffice
        }
    }
}

/// What the practice set is chosen from.
pub struct CaseView<'a> {
    /// The case document, `{"facts": …, "application": …}` (the application
    /// may be absent): conditions read `facts`, and an explain question shows
    /// the values at its issue's paths.
    pub document: &'a Value,
    pub assessment: &'a Assessment,
    /// The readiness checks' results, when the case has an application.
    pub readiness: Option<&'a Readiness>,
    pub forum: Forum,
}

/// The part of the practice set a question is in, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Weakest,
    Story,
    Bars,
    Forum,
}

impl Section {
    pub fn title(self) -> &'static str {
        match self {
            Section::Weakest => "Where the case is weakest",
            Section::Story => "The story, in order",
            Section::Bars => "The bars (I-589 Parts B and C)",
            Section::Forum => "The forum's own questions",
        }
    }
}

/// One of the statements an explain question puts side by side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// Its path in the case document (`application.part_a1.left_country_on`).
    pub path: String,
    /// Its value in words (`(not given)` when absent).
    pub value: String,
}

/// A harm a question is asked of, as the facts hold it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HarmRef {
    pub id: String,
    /// Its kind as the facts spell it (`death_threat`).
    pub kind: Option<String>,
    pub date: Option<jiff::civil::Date>,
}

/// One question of a case's practice set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// Stable across meetings: the bank's id, `@` and the harm's id for a
    /// question asked of each harm, or `explain:<check>:<first path>`.
    pub id: String,
    /// The bank entry it is made from: a question's id, or `explain-<n>`
    /// (the n-th `[[explain]]`, from 1): its wording's messages are
    /// `interview-<key>` (`.` written `-`), `-why` and `-prepare`
    /// ([`crate::words`]).
    pub key: String,
    pub section: Section,
    pub element: String,
    pub element_title: String,
    pub ask: String,
    pub why: String,
    pub prepare: String,
    /// What the question is about, for a question asked of each harm.
    pub about: Option<String>,
    /// That harm, for [`about`](Self::about) in another language.
    pub harm: Option<HarmRef>,
    /// Why this question is in this case's set, in words.
    pub reason: String,
    /// For an explain question: the issue the readiness check found.
    pub issue: Option<String>,
    pub statements: Vec<Statement>,
    pub sources: Vec<String>,
}

impl cond::Facts for CaseView<'_> {
    fn values(&self, term: &Term) -> Vec<Value> {
        match term {
            Term::Fact(path) => {
                cond::at_path(self.document.get("facts").unwrap_or(&Value::Null), path)
            }
            Term::Finding(pattern) => {
                let found: Vec<Value> = self
                    .assessment
                    .findings
                    .iter()
                    .filter(|f| id_matches(pattern, &f.id))
                    .map(|f| Value::from(f.outcome.as_str()))
                    .collect();
                if found.is_empty() {
                    vec![Value::Null]
                } else {
                    found
                }
            }
            Term::Check(id) => vec![
                self.readiness
                    .and_then(|r| r.check(id))
                    .map_or(Value::Null, |c| Value::from(c.status.as_str())),
            ],
            Term::Forum => vec![Value::from(self.forum.as_str())],
        }
    }
}

/// Whether a finding id matches a pattern whose `*` stands for one segment.
pub fn id_matches(pattern: &str, id: &str) -> bool {
    let (p, i): (Vec<&str>, Vec<&str>) = (pattern.split('.').collect(), id.split('.').collect());
    p.len() == i.len() && p.iter().zip(&i).all(|(a, b)| *a == "*" || a == b)
}

/// The value at an exact path of a document (`facts.arrivals[0].date`), in words.
pub fn value_at(doc: &Value, path: &str) -> String {
    let mut here = Some(doc);
    for seg in path.split('.') {
        let (name, index) = match seg.split_once('[') {
            Some((n, rest)) => (n, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (seg, None),
        };
        here = here.and_then(|v| v.get(name));
        if let Some(k) = index {
            here = here.and_then(|v| v.get(k));
        }
    }
    match here {
        None | Some(Value::Null) => "(not given)".into(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Bool(true)) => "yes".into(),
        Some(Value::Bool(false)) => "no".into(),
        Some(v) => v.to_string(),
    }
}

/// Why each element is weak for this case (an element absent is not).
fn weak_elements(bank: &Bank, case: &CaseView) -> Vec<(String, String)> {
    let mut weak = Vec::new();
    for e in &bank.elements {
        let finding = e.findings.iter().find_map(|pattern| {
            case.assessment
                .findings
                .iter()
                .find(|f| f.outcome == Outcome::Unknown && id_matches(pattern, &f.id))
        });
        let check = e.checks.iter().find_map(|c| {
            case.readiness?
                .issues
                .iter()
                .find(|i| i.check == c && i.status == CheckStatus::Tripped)
        });
        let uncorroborated = || {
            e.findings.iter().find_map(|pattern| {
                testimony_alone(case)
                    .find(|f| f.outcome == Outcome::Yes && id_matches(pattern, &f.id))
            })
        };
        let reason = match (finding, check) {
            (Some(f), _) => format!("the finding {} is still unknown: {}", f.id, f.question),
            (None, Some(i)) => format!("the readiness check {} found: {}", i.check, i.message),
            (None, None) => match uncorroborated() {
                Some(f) => format!(
                    "the finding {} rests on the client's testimony alone: the evidence \
                     checklist has no corroboration in hand for it, which an adjudicator may \
                     require unless it cannot reasonably be obtained (INA § 208(b)(1)(B)(ii))",
                    f.id
                ),
                None => continue,
            },
        };
        weak.push((e.id.clone(), reason));
    }
    weak
}

/// The findings the evidence checklist shows resting on testimony alone, once
/// the checklist has been started (some piece of evidence recorded): before
/// that, nothing is known of the corroboration, and every finding would be.
fn testimony_alone<'a>(
    case: &'a CaseView,
) -> impl Iterator<Item = &'a refuge_application::evidence::FindingRef> + 'a {
    let evidence = case.readiness.map(|r| &r.evidence);
    let started = evidence.is_some_and(|c| {
        c.elements
            .iter()
            .any(|e| e.items.iter().any(|i| i.path.is_some()))
    });
    evidence
        .filter(|_| started)
        .into_iter()
        .flat_map(|c| c.testimony_alone.iter())
}

/// The harms the client suffered (not the feared ones): their ids and a few words.
fn past_harms(facts: &Value) -> Vec<(HarmRef, String)> {
    let Some(Value::Array(harms)) = facts.get("harms") else {
        return Vec::new();
    };
    harms
        .iter()
        .enumerate()
        .filter(|(_, h)| h.get("when") != Some(&Value::from("feared")))
        .map(|(i, h)| {
            let id = h
                .get("id")
                .and_then(Value::as_str)
                .map_or_else(|| format!("{}", i + 1), str::to_string);
            let kind = h.get("kind").and_then(Value::as_str);
            let date = h.get("date").and_then(Value::as_str);
            let about = format!(
                "Harm {id}: {}{}",
                kind.map_or("harm".to_string(), |k| k.replace('_', " ")),
                date.map_or(String::new(), |d| format!(", {d}"))
            );
            let harm = HarmRef {
                id,
                kind: kind.map(str::to_string),
                date: date.and_then(|d| d.parse().ok()),
            };
            (harm, about)
        })
        .collect()
}

/// The practice set of a case, in order (see the module's doc).
pub fn practice_set(bank: &Bank, case: &CaseView) -> Vec<Item> {
    let weak = weak_elements(bank, case);
    let facts = case.document.get("facts").unwrap_or(&Value::Null);
    let order = |element: &str| {
        bank.elements
            .iter()
            .position(|e| e.id == element)
            .unwrap_or(usize::MAX)
    };
    let title = |element: &str| {
        bank.element(element)
            .map_or(element.to_string(), |e| e.title.clone())
    };
    let mut items: Vec<(Section, usize, usize, Item)> = Vec::new();

    // 1. Each tripped check an explain entry covers: both statements side by side.
    if let Some(r) = case.readiness {
        for (n, issue) in r
            .issues
            .iter()
            .filter(|i| i.status == CheckStatus::Tripped)
            .enumerate()
        {
            let Some((k, x)) = bank
                .explain
                .iter()
                .enumerate()
                .find(|(_, x)| x.covers(issue.check))
            else {
                continue;
            };
            let first = issue.items.first().map_or("", String::as_str);
            items.push((
                Section::Weakest,
                0,
                n,
                Item {
                    id: format!("explain:{}:{first}", issue.check),
                    key: format!("explain-{}", k + 1),
                    section: Section::Weakest,
                    element: x.element.clone(),
                    element_title: title(&x.element),
                    ask: x.ask.clone(),
                    why: x.why.clone(),
                    prepare: x.prepare.clone(),
                    about: None,
                    harm: None,
                    reason: format!(
                        "the readiness check {} ({}) tripped",
                        issue.check,
                        issue.severity.as_str()
                    ),
                    issue: Some(issue.message.clone()),
                    statements: issue
                        .items
                        .iter()
                        .map(|p| Statement {
                            path: p.clone(),
                            value: value_at(case.document, p),
                        })
                        .collect(),
                    sources: x.sources.clone(),
                },
            ));
        }
    }

    // 2–4. The bank's questions that apply.
    let harms = past_harms(facts);
    for (n, q) in bank.questions.iter().enumerate() {
        if !q.when.holds(case) {
            continue;
        }
        let Some(element) = bank.element(&q.element) else {
            continue;
        };
        let weak_reason = weak
            .iter()
            .find(|(e, _)| *e == q.element)
            .map(|(_, r)| r.clone());
        let section = match (element.part, &weak_reason) {
            (Part::Story | Part::Bars, Some(_)) => Section::Weakest,
            (Part::Story, None) => Section::Story,
            (Part::Bars, None) => Section::Bars,
            (Part::Forum, _) => Section::Forum,
        };
        let reason = match (&weak_reason, q.when_text.trim()) {
            (Some(r), _) if section == Section::Weakest => format!("a weak element: {r}"),
            (_, "always") => "asked in every case".to_string(),
            (_, when) => format!("this case meets its condition: {when}"),
        };
        let instances: Vec<(Option<HarmRef>, Option<String>)> = if q.per_harm {
            harms
                .iter()
                .map(|(harm, about)| (Some(harm.clone()), Some(about.clone())))
                .collect()
        } else {
            vec![(None, None)]
        };
        for (harm, about) in instances {
            items.push((
                section,
                1 + order(&q.element),
                n,
                Item {
                    id: harm
                        .as_ref()
                        .map_or_else(|| q.id.clone(), |h| format!("{}@{}", q.id, h.id)),
                    key: q.id.clone(),
                    section,
                    element: q.element.clone(),
                    element_title: element.title.clone(),
                    ask: q.ask.clone(),
                    why: q.why.clone(),
                    prepare: q.prepare.clone(),
                    about,
                    harm,
                    reason: reason.clone(),
                    issue: None,
                    statements: Vec::new(),
                    sources: q.sources.clone(),
                },
            ));
        }
    }
    // Stable: a question asked of each harm keeps the harms' order.
    items.sort_by_key(|(section, element, n, _)| (*section, *element, *n));
    items.into_iter().map(|(_, _, _, item)| item).collect()
}

/// What to bring to the interview or hearing: the checklist items whose condition holds.
pub fn checklist<'b>(bank: &'b Bank, case: &CaseView) -> Vec<&'b ChecklistItem> {
    bank.checklist
        .iter()
        .filter(|c| c.when.holds(case))
        .collect()
}
