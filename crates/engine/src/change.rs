//! When the law changes (issue 23): what an assessment decided, kept
//! compactly ([`Stamp`]); what a new version of the law data or of the rules
//! moves for a case, and why ([`Reassessor::reassess`]).
//!
//! A case's stamp records the law version (`law.toml`), the rules version
//! ([`RULES_VERSION`]) and the date it was assessed on, with the reliefs'
//! and findings' outcomes, each deadline's date, status and (for a fee) the
//! amount, and the warnings' codes: never the facts, never a text.
//!
//! What the law moved is told apart from what time moved by assessing the
//! case again **on the stamp's own date** under the new law: an item that
//! differs then moved with the law (a deadline that passed since, with no
//! change of the law, is not a change of the law). Its cause is found by
//! re-running the case on that date:
//! - under the previous parameter set with the present rules: if that
//!   differs from the stamp, the rules moved it, and the findings that moved
//!   are named with the change notes ([`Notes`], `law/changes.toml`) of the
//!   rules versions in between;
//! - under the previous parameter set with one part of the new one (one
//!   parameter, the holidays, the closings, the warnings, the countries;
//!   [`Law::with_part_of`]): each part that alone moves the item is a cause,
//!   named with its old and new values, its source and the change note.
//!
//! The previous parameter sets are data kept beside the present one
//! (`law/history/<version>/`, [`History::embedded`]), so this works offline.
//! Pure, like the rest of the engine: no IO, no clock.

use std::collections::{BTreeMap, HashMap};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::law::{Files, Law, Parameter, Part, Source, Unit};
use crate::output::{Assessment, Deadline};
use crate::rules::deadlines;
use crate::{Case, Detail, InputError, assess_with};

/// A stamp's items with owned names ([`Stamp::items`]), as a hybrid parameter set gives them.
type Items = BTreeMap<(Kind, String), String>;

/// The version of the engine's rules (the code of `rules/`): bumped with
/// every change of the rules that can move an outcome, a date or a warning,
/// with a `[[rules]]` entry in `law/changes.toml` (a test holds that one is
/// there). Version 2 is the second edition (the amendments of December 2026);
/// version 3 adds the time after the grant (issue 20).
pub const RULES_VERSION: &str = "3";

/// What an assessment decided, compactly: the versions it was made under,
/// its date, and its outcomes (no facts, no texts). Stored for each case by
/// the workspace, and compared when the law changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// The law data's version (`law.toml`).
    pub law: String,
    /// The rules' version ([`RULES_VERSION`]).
    pub rules: String,
    /// The date the case was assessed on (its `as_of`).
    pub as_of: Date,
    /// Each relief's outcome, by its name (`asylum`).
    pub reliefs: BTreeMap<String, String>,
    /// Each finding's outcome, by its id.
    pub findings: BTreeMap<String, String>,
    /// Each deadline, by its id.
    pub deadlines: BTreeMap<String, StampedDate>,
    /// The warnings' codes, in the assessment's order.
    pub warnings: Vec<String>,
}

/// A deadline as a stamp keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StampedDate {
    pub date: Date,
    pub status: String,
    /// The amount due, in U.S. dollars, for a fee's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usd: Option<i64>,
}

impl Stamp {
    /// The stamp of an assessment made under `law` by these rules.
    pub fn of(a: &Assessment, law: &Law) -> Stamp {
        Stamp {
            law: law.version().to_string(),
            rules: RULES_VERSION.to_string(),
            as_of: a.as_of,
            reliefs: a
                .reliefs
                .iter()
                .into_iter()
                .map(|(name, r)| (name.to_string(), r.outcome.as_str().to_string()))
                .collect(),
            findings: a
                .findings
                .iter()
                .map(|f| (f.id.to_string(), f.outcome.as_str().to_string()))
                .collect(),
            deadlines: a
                .deadlines
                .iter()
                .map(|d| (d.id.to_string(), stamped(d, law)))
                .collect(),
            warnings: a.warnings.iter().map(|w| w.code.clone()).collect(),
        }
    }

    /// Whether the stamp was made under this law and these rules.
    pub fn is_current(&self, law: &Law) -> bool {
        self.law == law.version() && self.rules == RULES_VERSION
    }

    /// Each item a practitioner acts on, with its value in words: the
    /// reliefs' outcomes, the deadlines' dates, statuses and fees, the
    /// warnings raised. (Findings are named in a cause, not listed.)
    pub fn items(&self) -> BTreeMap<(Kind, &str), String> {
        let mut items = BTreeMap::new();
        for (name, outcome) in &self.reliefs {
            items.insert((Kind::Relief, name.as_str()), outcome.clone());
        }
        for (id, d) in &self.deadlines {
            let mut v = format!("{} {}", d.date, d.status);
            if let Some(usd) = d.usd {
                v.push_str(&format!(", ${usd}"));
            }
            items.insert((Kind::Deadline, id.as_str()), v);
        }
        for code in &self.warnings {
            items.insert((Kind::Warning, code.as_str()), "raised".to_string());
        }
        items
    }
}

fn stamped(d: &Deadline, law: &Law) -> StampedDate {
    StampedDate {
        date: d.date,
        status: d.status.as_str().to_string(),
        usd: crate::rules::deadlines::fee_usd(law, &d.id, d.date),
    }
}

/// What kind of item moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Relief,
    Deadline,
    Warning,
}

impl Kind {
    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Relief => "relief",
            Kind::Deadline => "deadline",
            Kind::Warning => "warning",
        }
    }
}

/// One item of a case that a new version of the law moved: its value
/// before (the stamp's) and after (on the day of the re-assessment), each
/// `None` where the item was not there, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moved {
    pub kind: Kind,
    /// The relief's name, the deadline's id or the warning's code.
    pub id: String,
    pub before: Option<String>,
    pub after: Option<String>,
    pub causes: Vec<Cause>,
}

/// Why an item moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Cause {
    /// A dated parameter of `parameters.toml` changed.
    Parameter {
        id: String,
        label: String,
        /// Its periods and values before and after, in words.
        before: String,
        after: String,
        /// The source of the new value.
        source: Option<Source>,
        /// The change note that names it.
        note: Option<String>,
    },
    /// Another part of the law data changed: `holidays`, `closings`,
    /// `warnings` or `countries`.
    LawData {
        part: String,
        note: Option<String>,
        source: Option<Source>,
    },
    /// The rules changed: the findings that moved, and the notes of the
    /// rules versions that name them.
    Rules {
        from: String,
        to: String,
        findings: Vec<FindingMoved>,
        notes: Vec<NoteRef>,
    },
    /// The law data changed from a version whose parameter set is not kept
    /// here, so the part cannot be named: the versions and their notes.
    Unattributed {
        law_from: String,
        law_to: String,
        rules_from: String,
        rules_to: String,
        notes: Vec<NoteRef>,
    },
}

impl Cause {
    /// The cause in words, for a page or a terminal.
    pub fn words(&self) -> String {
        match self {
            Cause::Parameter {
                label,
                before,
                after,
                source,
                ..
            } => {
                let mut s = format!("{label}: was {before}; now {after}");
                if let Some(src) = source {
                    s.push_str(&format!(" (source: {})", src.title));
                }
                s
            }
            Cause::LawData { part, note, .. } => match note {
                Some(n) => format!("the law data's {part} changed: {n}"),
                None => format!("the law data's {part} changed"),
            },
            Cause::Rules {
                from,
                to,
                findings,
                notes,
            } => format!(
                "the rules changed (version {from} → {to}){}",
                rules_detail(findings, notes, |o| o.unwrap_or("absent").to_string())
            ),
            Cause::Unattributed {
                law_from, law_to, ..
            } => format!(
                "the law data changed from {law_from} to {law_to}; the parameter set of {law_from} is not kept, so the part that moved it cannot be named"
            ),
        }
    }
}

/// What follows a rules cause's first words: the findings that moved
/// (`: asylum.safe_third_country yes → no; …`, each outcome worded by
/// `outcome`, `None` where the finding was not made), then each note with
/// its source. A view in another language words the outcomes its way.
pub fn rules_detail(
    findings: &[FindingMoved],
    notes: &[NoteRef],
    outcome: impl Fn(Option<&str>) -> String,
) -> String {
    let moved: Vec<String> = findings
        .iter()
        .map(|f| {
            format!(
                "{} {} → {}",
                f.id,
                outcome(f.before.as_deref()),
                outcome(f.after.as_deref())
            )
        })
        .collect();
    let mut s = String::new();
    if !moved.is_empty() {
        s.push_str(&format!(": {}", moved.join("; ")));
    }
    for n in notes {
        s.push_str(&format!(". {} ({})", n.what, n.source.title));
    }
    s
}

/// A finding whose outcome moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingMoved {
    pub id: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// A change note, as a cause quotes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteRef {
    pub what: String,
    pub source: Source,
}

// ---------------------------------------------------------------------------
// The change notes (law/changes.toml)

/// What changed, version by version (`law/changes.toml`).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Notes {
    #[serde(default)]
    pub law: Vec<LawNotes>,
    #[serde(default)]
    pub rules: Vec<RulesNotes>,
}

/// What a version of the law data changed from the one before.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct LawNotes {
    pub version: String,
    pub previous: String,
    pub reviewed_on: Date,
    pub change: Vec<Note>,
}

/// What a version of the rules changed from the one before.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RulesNotes {
    pub version: String,
    pub previous: String,
    pub what: String,
    pub change: Vec<Note>,
}

/// One change, in words, with what it concerns and its source.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub what: String,
    #[serde(default)]
    pub parameters: Vec<String>,
    #[serde(default)]
    pub findings: Vec<String>,
    #[serde(default)]
    pub holidays: bool,
    #[serde(default)]
    pub closings: bool,
    #[serde(default)]
    pub warnings: bool,
    #[serde(default)]
    pub countries: bool,
    pub source: Source,
}

impl Note {
    fn names_part(&self, part: &Part) -> bool {
        match part {
            Part::Parameter(id) => self.parameters.iter().any(|p| p == id),
            Part::Holidays => self.holidays,
            Part::Closings => self.closings,
            Part::Warnings => self.warnings,
            Part::Countries => self.countries,
        }
    }

    fn names_finding(&self, id: &str) -> bool {
        let def = crate::defs::find(id).map(|d| d.id);
        self.findings
            .iter()
            .any(|f| f == id || def.is_some_and(|d| d == f))
    }

    fn as_ref(&self) -> NoteRef {
        NoteRef {
            what: self.what.clone(),
            source: self.source.clone(),
        }
    }
}

/// A note that does not read, or that says something untrue of the files.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("changes.toml: {0}")]
pub struct NotesError(pub String);

impl Notes {
    /// Reads `changes.toml`.
    ///
    /// # Errors
    /// The file's syntax, or an entry without a source.
    pub fn parse(text: &str) -> Result<Notes, NotesError> {
        let notes: Notes = toml::from_str(text).map_err(|e| NotesError(e.to_string()))?;
        let all = notes
            .law
            .iter()
            .flat_map(|v| &v.change)
            .chain(notes.rules.iter().flat_map(|v| &v.change));
        for n in all {
            if n.source.title.trim().is_empty() || !n.source.url.starts_with("https://") {
                return Err(NotesError(format!("\"{}\" has no source", n.what)));
            }
        }
        Ok(notes)
    }

    /// The notes of the law versions after `from` up to `to`.
    fn law_between<'a>(&'a self, from: &str, to: &str) -> Vec<&'a Note> {
        chain(&self.law, from, to, |v| {
            (&v.version, &v.previous, &v.change)
        })
    }

    /// The notes of the rules versions after `from` up to `to`.
    fn rules_between<'a>(&'a self, from: &str, to: &str) -> Vec<&'a Note> {
        chain(&self.rules, from, to, |v| {
            (&v.version, &v.previous, &v.change)
        })
    }
}

/// The notes of the versions from `to` back (through each `previous`) to
/// just after `from`; all the versions back to the first if `from` is not
/// among them.
fn chain<'a, V>(
    versions: &'a [V],
    from: &str,
    to: &str,
    parts: impl Fn(&'a V) -> (&'a String, &'a String, &'a Vec<Note>),
) -> Vec<&'a Note> {
    let mut out = Vec::new();
    let mut at = to.to_string();
    for _ in 0..versions.len() {
        if at == from {
            break;
        }
        let Some((_, previous, change)) = versions.iter().map(&parts).find(|(v, ..)| **v == at)
        else {
            break;
        };
        out.extend(change.iter());
        at = previous.clone();
    }
    out
}

// ---------------------------------------------------------------------------
// The previous parameter sets

/// The change notes and the parameter sets of earlier versions, kept so
/// that a change can be traced offline.
#[derive(Debug)]
pub struct History {
    pub notes: Notes,
    previous: Vec<Law>,
}

/// The previous versions shipped in `law/history/`.
const PREVIOUS: &[Files<'static>] = &[Files {
    law: include_str!("../law/history/2026.11/law.toml"),
    parameters: include_str!("../law/history/2026.11/parameters.toml"),
    holidays: include_str!("../law/history/2026.11/holidays.toml"),
    closings: include_str!("../law/history/2026.11/closings.toml"),
    warnings: include_str!("../law/history/2026.11/warnings.toml"),
    countries: include_str!("../law/history/2026.11/countries.toml"),
}];

/// `law/changes.toml`.
pub const CHANGES: &str = include_str!("../law/changes.toml");

impl History {
    pub fn new(notes: Notes, previous: Vec<Law>) -> History {
        History { notes, previous }
    }

    /// The notes and previous parameter sets built into this binary (read
    /// once, on first use).
    pub fn embedded() -> &'static History {
        static HISTORY: std::sync::OnceLock<History> = std::sync::OnceLock::new();
        HISTORY.get_or_init(|| {
            let notes = Notes::parse(CHANGES)
                .unwrap_or_else(|e| panic!("law/changes.toml is invalid (a build defect): {e}"));
            let previous = PREVIOUS
                .iter()
                .map(|f| {
                    Law::parse(f).unwrap_or_else(|e| {
                        panic!("a previous parameter set is invalid (a build defect): {e}")
                    })
                })
                .collect();
            History { notes, previous }
        })
    }

    /// The parameter set of `version`, if it is kept.
    pub fn law(&self, version: &str) -> Option<&Law> {
        self.previous.iter().find(|l| l.version() == version)
    }

    /// The versions kept.
    pub fn versions(&self) -> impl Iterator<Item = &str> {
        self.previous.iter().map(Law::version)
    }
}

// ---------------------------------------------------------------------------
// Re-assessing

/// The parts in which a new parameter set differs from an old one, each
/// as two hybrids: the old set with the new one's part, and the new set with
/// the old one's part. Built once for a run.
pub struct Parts {
    parts: Vec<(Part, Law, Law)>,
}

impl Parts {
    /// The parts of `new` that differ from `old` in what the engine reads
    /// (a parameter whose values and periods are the same, its source aside,
    /// cannot move an outcome, and is left out).
    pub fn new(old: &Law, new: &Law) -> Parts {
        let same_values = |id: &str| match (old.parameter(id), new.parameter(id)) {
            (Some(o), Some(n)) => {
                o.values.len() == n.values.len()
                    && o.values
                        .iter()
                        .zip(&n.values)
                        .all(|(a, b)| (a.from, a.to, a.value) == (b.from, b.to, b.value))
            }
            _ => false,
        };
        Parts {
            parts: old
                .parts_differing(new)
                .into_iter()
                .filter(|p| !matches!(p, Part::Parameter(id) if same_values(id)))
                .map(|p| {
                    let (with, without) = (old.with_part_of(new, &p), new.with_part_of(old, &p));
                    (p, with, without)
                })
                .collect(),
        }
    }

    /// The parts that moved an item, given whether the item under a
    /// parameter set differs from the old set's: each part that alone moves
    /// it; when none does alone, each without which the new set does not
    /// move it (a warning needs both its text and its countries); when
    /// neither tells, every part.
    ///
    /// Only the parts that can move an item of `kind` are tried: a
    /// warning's text or an agreement's country moves no deadline, and a
    /// holiday, a closing or a fee no warning (`rules/warnings.rs` compares
    /// dates, not business days); a fee moves a deadline's amount only, and
    /// only a fee a deadline carries ([`deadlines::CARRIED_FEES`]: no rule
    /// reads the others). When a single part can move the item, it is the
    /// cause without any assessment: the new law differs from the old one in
    /// that part alone, as far as the item goes, and the item moved (`moved`
    /// asks this only of an item that did).
    pub fn causes(&self, kind: Kind, moved_under: impl Fn(&Law) -> bool) -> Vec<&Part> {
        let tried: Vec<&(Part, Law, Law)> = self
            .parts
            .iter()
            .filter(|(p, with, _)| can_move(kind, p, with))
            .collect();
        if let [(only, ..)] = tried[..] {
            return vec![only];
        }
        let alone: Vec<&Part> = tried
            .iter()
            .filter(|(_, with, _)| moved_under(with))
            .map(|(p, ..)| p)
            .collect();
        if !alone.is_empty() {
            return alone;
        }
        let needed: Vec<&Part> = tried
            .iter()
            .filter(|(_, _, without)| !moved_under(without))
            .map(|(p, ..)| p)
            .collect();
        if !needed.is_empty() {
            return needed;
        }
        self.parts.iter().map(|(p, ..)| p).collect()
    }
}

/// Whether a change of `part` can move an item of `kind` (see
/// [`Parts::causes`]); `law` has the part, to read a parameter's unit.
fn can_move(kind: Kind, part: &Part, law: &Law) -> bool {
    match (kind, part) {
        (Kind::Deadline, Part::Warnings | Part::Countries) => false,
        (Kind::Relief, Part::Warnings) => false,
        (Kind::Warning, Part::Holidays | Part::Closings) => false,
        (_, Part::Parameter(id)) if law.parameter(id).is_some_and(|p| p.unit == Unit::Usd) => {
            kind == Kind::Deadline && deadlines::CARRIED_FEES.iter().any(|f| f.id() == id)
        }
        _ => true,
    }
}

/// The previous parameter set beside the new one, and their parts.
struct Comparison<'a> {
    old: &'a Law,
    parts: Parts,
}

/// Re-assesses cases under a new law, naming what moved and why. Keep one
/// for a whole run: the parameter sets it compares with are built once.
pub struct Reassessor<'a> {
    pub new: &'a Law,
    pub history: &'a History,
    comparisons: HashMap<String, Option<Comparison<'a>>>,
}

/// A case re-assessed: its new stamp (on the day given), the assessment it
/// was made from (in outcomes detail: dates and labels, no texts) and what
/// the law moved since the stamp before (empty: nothing).
pub struct Reassessed {
    pub stamp: Stamp,
    pub assessment: Assessment,
    pub moved: Vec<Moved>,
}

impl<'a> Reassessor<'a> {
    pub fn new(new: &'a Law, history: &'a History) -> Reassessor<'a> {
        Reassessor {
            new,
            history,
            comparisons: HashMap::new(),
        }
    }

    fn comparison(&mut self, from: &str) -> Option<&Comparison<'a>> {
        let (new, history) = (self.new, self.history);
        self.comparisons
            .entry(from.to_string())
            .or_insert_with(|| {
                let old = if from == new.version() {
                    new
                } else {
                    history.law(from)?
                };
                Some(Comparison {
                    old,
                    parts: Parts::new(old, new),
                })
            })
            .as_ref()
    }

    /// Assesses a case's facts on `today` under the new law; with the
    /// stamp it had (`before`), also what the law (not time) moved since,
    /// and why.
    ///
    /// # Errors
    /// Facts the engine now refuses (the caller keeps the stamp as it was).
    pub fn reassess(
        &mut self,
        facts: &str,
        before: Option<&Stamp>,
        today: Date,
    ) -> Result<Reassessed, InputError> {
        let new = self.new;
        let case = Case::from_json(facts, today)?;
        let assessment = assess_with(&case, new, Detail::Outcomes);
        let stamp = Stamp::of(&assessment, new);
        let moved = match before {
            Some(b) if !b.is_current(new) => self.moved(facts, b, &stamp)?,
            _ => Vec::new(),
        };
        Ok(Reassessed {
            stamp,
            assessment,
            moved,
        })
    }

    fn moved(
        &mut self,
        facts: &str,
        before: &Stamp,
        now: &Stamp,
    ) -> Result<Vec<Moved>, InputError> {
        let new = self.new;
        // The case on the stamp's own day, so that time moves nothing (the
        // same assessment as `now` when the facts fix their own date).
        let then = Case::from_json(facts, before.as_of)?;
        let run = |law: &Law| Stamp::of(&assess_with(&then, law, Detail::Outcomes), law);
        let new_then = if then.as_of() == now.as_of {
            now.clone()
        } else {
            run(new)
        };
        let (b_items, t_items, n_items) = (before.items(), new_then.items(), now.items());
        let keys: std::collections::BTreeSet<(Kind, &str)> =
            b_items.keys().chain(t_items.keys()).copied().collect();
        let changed: Vec<(Kind, &str)> = keys
            .into_iter()
            .filter(|k| b_items.get(k) != t_items.get(k) && b_items.get(k) != n_items.get(k))
            .collect();
        if changed.is_empty() {
            return Ok(Vec::new());
        }
        let moved = |k: &(Kind, &str), causes: Vec<Cause>| Moved {
            kind: k.0,
            id: k.1.to_string(),
            before: b_items.get(k).cloned(),
            after: n_items.get(k).cloned(),
            causes,
        };
        let notes = &self.history.notes;
        let rules_changed = before.rules != RULES_VERSION;
        let law_changed = before.law != new.version();
        let Some(cmp) = self.comparison(&before.law) else {
            let cause = Cause::Unattributed {
                law_from: before.law.clone(),
                law_to: new.version().to_string(),
                rules_from: before.rules.clone(),
                rules_to: RULES_VERSION.to_string(),
                notes: notes
                    .law_between(&before.law, new.version())
                    .into_iter()
                    .chain(notes.rules_between(&before.rules, RULES_VERSION))
                    .map(Note::as_ref)
                    .collect(),
            };
            return Ok(changed
                .iter()
                .map(|k| moved(k, vec![cause.clone()]))
                .collect());
        };
        // Under the same rules, the stamp is what the previous law decided
        // on its day: only a change of the rules needs the case run again.
        let rerun;
        let old_then = if rules_changed {
            rerun = run(cmp.old);
            &rerun
        } else {
            before
        };
        let o_items = old_then.items();
        // Each hybrid parameter set's items, worked out once for the case.
        let hybrids: std::cell::RefCell<Vec<(*const Law, Items)>> = std::cell::RefCell::default();
        let under = |law: &Law, k: &(Kind, &str)| -> Option<String> {
            let key = std::ptr::from_ref(law);
            if let Some((_, items)) = hybrids.borrow().iter().find(|(l, _)| *l == key) {
                return items.get(&(k.0, k.1.to_string())).cloned();
            }
            let items: Items = run(law)
                .items()
                .into_iter()
                .map(|((kind, id), v)| ((kind, id.to_string()), v))
                .collect();
            let found = items.get(&(k.0, k.1.to_string())).cloned();
            hybrids.borrow_mut().push((key, items));
            found
        };
        let law_notes = notes.law_between(&before.law, new.version());
        Ok(changed
            .iter()
            .map(|k| {
                let mut causes = Vec::new();
                let old = o_items.get(k);
                if rules_changed && old != b_items.get(k) {
                    let findings = moved_findings(before, old_then);
                    let rules_notes = notes.rules_between(&before.rules, RULES_VERSION);
                    let named: Vec<NoteRef> = rules_notes
                        .iter()
                        .filter(|n| findings.iter().any(|f| n.names_finding(&f.id)))
                        .map(|n| n.as_ref())
                        .collect();
                    causes.push(Cause::Rules {
                        from: before.rules.clone(),
                        to: RULES_VERSION.to_string(),
                        findings,
                        notes: named,
                    });
                }
                if law_changed && old != t_items.get(k) {
                    let parts = cmp.parts.causes(k.0, |law| under(law, k).as_ref() != old);
                    causes.extend(
                        parts
                            .into_iter()
                            .map(|p| part_cause(p, cmp.old, new, &law_notes)),
                    );
                }
                moved(k, causes)
            })
            .collect())
    }
}

/// The findings whose outcomes differ between two stamps.
fn moved_findings(before: &Stamp, after: &Stamp) -> Vec<FindingMoved> {
    let ids: std::collections::BTreeSet<&String> = before
        .findings
        .keys()
        .chain(after.findings.keys())
        .collect();
    ids.into_iter()
        .filter(|id| before.findings.get(*id) != after.findings.get(*id))
        .map(|id| FindingMoved {
            id: id.clone(),
            before: before.findings.get(id).cloned(),
            after: after.findings.get(id).cloned(),
        })
        .collect()
}

fn part_cause(part: &Part, old: &Law, new: &Law, notes: &[&Note]) -> Cause {
    let note = notes.iter().find(|n| n.names_part(part));
    match part {
        Part::Parameter(id) => {
            let (o, n) = (old.parameter(id), new.parameter(id));
            let source = n.and_then(|n| {
                // The newest period the old set did not have.
                n.values
                    .iter()
                    .rev()
                    .find(|v| !o.is_some_and(|o| o.values.contains(v)))
                    .map(|v| v.source.clone())
            });
            Cause::Parameter {
                id: id.clone(),
                label: n.or(o).map_or_else(|| id.clone(), |p| p.label.clone()),
                before: o.map_or_else(|| "not set".into(), periods),
                after: n.map_or_else(|| "not set".into(), periods),
                source: source.or_else(|| note.map(|n| n.source.clone())),
                note: note.map(|n| n.what.clone()),
            }
        }
        other => Cause::LawData {
            part: match other {
                Part::Holidays => "holidays",
                Part::Closings => "closings",
                Part::Warnings => "warnings",
                _ => "countries",
            }
            .to_string(),
            note: note.map(|n| n.what.clone()),
            source: note.map(|n| n.source.clone()),
        },
    }
}

/// A parameter's values in words: `100 from 2025-07-22 to 2025-12-31; 102
/// from 2026-01-01`, dollars with a `$`.
fn periods(p: &Parameter) -> String {
    p.values
        .iter()
        .map(|v| {
            let value = match v.value {
                crate::law::Value::Number(n) if p.unit == crate::law::Unit::Usd => format!("${n}"),
                crate::law::Value::Number(n) => format!("{n} {}", p.unit.name()),
                crate::law::Value::Date(d) => d.to_string(),
            };
            match v.to {
                Some(to) => format!("{value} from {} to {to}", v.from),
                None => format!("{value} from {}", v.from),
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A case filed on 2025-06-01 whose annual fee of 2026-06-01 was assessed
    /// under 2026.11 ($100) and re-assessed under 2026.12 ($102).
    const FILED: &str = r#"{"arrivals": [{"date": "2025-01-10", "manner": "admitted"}],
        "application": {"filed_on": "2025-06-01", "forum": "affirmative"}}"#;

    /// `Parts::causes` tries no fee but those a deadline carries: hold
    /// that the code reads no other (each `P::Name` named outside `law.rs`
    /// whose kind in the `parameters!` list is `Usd`).
    #[test]
    fn no_rule_reads_a_fee_that_no_deadline_carries() {
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let law = std::fs::read_to_string(src.join("law.rs")).unwrap();
        let fees: Vec<(&str, &str)> = law
            .lines()
            .filter_map(|l| {
                let (name, rest) = l.trim().split_once(": Usd = \"")?;
                Some((name, rest.split('"').next()?))
            })
            .collect();
        assert!(fees.len() >= 3, "{fees:?}");
        let mut files = vec![src.clone()];
        let mut read = Vec::new();
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("law.rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                for (name, id) in &fees {
                    if text.contains(&format!("P::{name}")) {
                        read.push(*id);
                    }
                }
            }
        }
        read.sort_unstable();
        read.dedup();
        let carried: Vec<&str> = deadlines::CARRIED_FEES.iter().map(|p| p.id()).collect();
        assert_eq!(read, carried);
    }

    #[test]
    fn the_previous_parameter_set_2026_11_is_kept_and_reads() {
        let h = History::embedded();
        let old = h.law("2026.11").expect("2026.11 is kept");
        assert_eq!(old.version(), "2026.11");
        let parts = old.parts_differing(Law::embedded());
        assert!(parts.contains(&Part::Parameter("fee.annual_asylum_usd".into())));
        assert!(parts.contains(&Part::Countries));
        assert!(!parts.contains(&Part::Holidays), "{parts:?}");
    }

    #[test]
    fn every_law_version_and_the_present_rules_have_change_notes() {
        let h = History::embedded();
        let law = Law::embedded();
        let v = h.notes.law.iter().find(|v| v.version == law.version());
        let v = v.expect("law/changes.toml has a [[law]] entry for law.toml's version");
        assert!(
            h.law(&v.previous).is_some(),
            "the previous version {} is kept in law/history/",
            v.previous
        );
        assert_eq!(v.reviewed_on, law.reviewed_on());
        assert!(
            h.notes.rules.iter().any(|r| r.version == RULES_VERSION),
            "RULES_VERSION {RULES_VERSION} has a [[rules]] entry in law/changes.toml"
        );
        // Every parameter a note names exists in the new set or the old one.
        for n in h.notes.law.iter().flat_map(|v| &v.change) {
            for p in &n.parameters {
                assert!(law.parameter(p).is_some(), "{p} named by \"{}\"", n.what);
            }
        }
        for n in h.notes.rules.iter().flat_map(|v| &v.change) {
            for f in &n.findings {
                assert!(
                    crate::defs::find(f).is_some(),
                    "{f} named by \"{}\"",
                    n.what
                );
            }
        }
    }

    #[test]
    fn the_fee_of_2026_is_named_as_the_cause_of_a_moved_annual_fee() {
        let h = History::embedded();
        let old = h.law("2026.11").unwrap();
        let today = jiff::civil::date(2026, 3, 1);
        let case = Case::from_json(FILED, today).unwrap();
        let before = Stamp::of(&assess_with(&case, old, Detail::Outcomes), old);
        assert_eq!(before.deadlines["asylum.annual_fee"].usd, Some(100));
        let mut r = Reassessor::new(Law::embedded(), h);
        let after = r.reassess(FILED, Some(&before), today).unwrap();
        assert_eq!(after.stamp.deadlines["asylum.annual_fee"].usd, Some(102));
        let fee = after
            .moved
            .iter()
            .find(|m| m.id == "asylum.annual_fee")
            .expect("the annual fee moved");
        assert_eq!(fee.before.as_deref(), Some("2026-06-01 upcoming, $100"));
        assert_eq!(fee.after.as_deref(), Some("2026-06-01 upcoming, $102"));
        assert!(
            matches!(&fee.causes[..], [Cause::Parameter { id, source: Some(s), .. }] if id == "fee.annual_asylum_usd" && s.title.contains("52,693")),
            "{:?}",
            fee.causes
        );
        // Re-assessing again under the same law moves nothing.
        let again = r.reassess(FILED, Some(&after.stamp), today).unwrap();
        assert!(again.moved.is_empty());
    }

    #[test]
    fn a_deadline_passing_with_time_is_not_a_change_of_the_law() {
        let h = History::embedded();
        let old = h.law("2026.11").unwrap();
        let json = r#"{"arrivals": [{"date": "2025-01-10", "manner": "admitted"}]}"#;
        let then = jiff::civil::date(2025, 6, 1);
        let before = Stamp::of(
            &assess_with(&Case::from_json(json, then).unwrap(), old, Detail::Outcomes),
            old,
        );
        assert_eq!(before.deadlines["asylum.one_year"].status, "upcoming");
        let mut r = Reassessor::new(Law::embedded(), h);
        let now = r
            .reassess(json, Some(&before), jiff::civil::date(2026, 12, 1))
            .unwrap();
        assert_ne!(now.stamp.deadlines["asylum.one_year"].status, "upcoming");
        assert!(
            now.moved.iter().all(|m| m.id != "asylum.one_year"),
            "{:?}",
            now.moved
        );
    }

    #[test]
    fn a_finding_moved_by_the_rules_is_named_with_its_note() {
        let h = History::embedded();
        let law = Law::embedded();
        let today = jiff::civil::date(2026, 3, 1);
        let case = Case::from_json(FILED, today).unwrap();
        // What an earlier edition of the rules decided: the same, but asylum
        // barred by the safe-third-country finding.
        let mut before = Stamp::of(&assess_with(&case, law, Detail::Outcomes), law);
        before.rules = "1".into();
        before.reliefs.insert("asylum".into(), "ineligible".into());
        before
            .findings
            .insert("asylum.safe_third_country".into(), "yes".into());
        let mut r = Reassessor::new(law, h);
        let after = r.reassess(FILED, Some(&before), today).unwrap();
        let asylum = after.moved.iter().find(|m| m.id == "asylum").unwrap();
        let [
            Cause::Rules {
                findings, notes, ..
            },
        ] = &asylum.causes[..]
        else {
            panic!("{:?}", asylum.causes)
        };
        assert_eq!(findings[0].id, "asylum.safe_third_country");
        assert!(notes[0].what.contains("Canada"), "{notes:?}");
    }
}
