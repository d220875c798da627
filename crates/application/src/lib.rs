//! Form I-589 as data, and the readiness checks run on it (`docs/application.md`,
//! `docs/checks.md`).
//!
//! A case document is `{"facts": …, "application": …}`: the engine's facts
//! document beside the [`Application`], which holds only what the form asks
//! that the facts do not. [`CaseDocument::from_json`] parses and checks it
//! (strictly, errors naming the JSON path); [`check`] runs every readiness
//! check and returns a [`Readiness`].
//!
//! The crate decides nothing about the law: where a check needs a legal
//! answer (is the filing late?) it reads the engine's finding. It does no IO
//! and never reads the clock: "the present" is the case's `as_of`.
//!
//! ```
//! use refuge_application::{CaseDocument, check};
//! let today = jiff::civil::date(2026, 12, 1);
//! let doc = CaseDocument::from_json(r#"{"facts": {}, "application": {}}"#, today).unwrap();
//! let r = check(&doc, refuge_engine::Law::embedded());
//! assert!(!r.ready);
//! ```

pub mod checks;
mod data;
pub mod document;
pub mod evidence;
pub mod form;
pub mod output;
pub mod schema;

use jiff::civil::Date;
use refuge_engine::{Case, Facts, InputError};
use serde::{Deserialize, Serialize};

pub use checks::check;
pub use document::Application;
pub use form::Form;
pub use output::{Issue, Readiness};

use document::{MAX_ROWS, Until, err};

/// The case document as written: the facts and the application.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    #[serde(default)]
    pub facts: Facts,
    #[serde(default)]
    pub application: Application,
}

/// A checked case document: a valid [`Case`], and an application whose
/// references to the facts hold (each entry names an arrival, each member a
/// family member, once) and whose dates are in order and not after `as_of`.
#[derive(Debug, Clone)]
pub struct CaseDocument {
    case: Case,
    application: Application,
}

impl CaseDocument {
    /// The checked facts.
    pub fn case(&self) -> &Case {
        &self.case
    }

    /// The checked application.
    pub fn application(&self) -> &Application {
        &self.application
    }

    /// Parses and checks a case document. `today` stands in for an absent `facts.as_of`.
    ///
    /// # Errors
    /// An [`InputError`] naming the JSON path (`application.part_a3.addresses[2].to`) and the problem.
    pub fn from_json(json: &str, today: Date) -> Result<CaseDocument, InputError> {
        CaseDocument::from_json_with(json, || today)
    }

    /// [`CaseDocument::from_json`], asking for `today` only when the facts
    /// give no `as_of` (the system's date costs a program the reading of its
    /// time zone, about a millisecond).
    ///
    /// # Errors
    /// An [`InputError`] naming the JSON path and the problem.
    pub fn from_json_with(
        json: &str,
        today: impl FnOnce() -> Date,
    ) -> Result<CaseDocument, InputError> {
        if !json.trim_start().starts_with('{') {
            return Err(err(
                "",
                "a case document must be one JSON object ({\"facts\": ..., \"application\": ...})",
            ));
        }
        let raw: RawDocument = refuge_engine::facts::parse_json(json)?;
        let today = raw.facts.as_of.unwrap_or_else(today);
        CaseDocument::new(raw, today)
    }

    /// Checks a case document already in memory (see [`CaseDocument::from_json`]).
    ///
    /// # Errors
    /// An [`InputError`] naming the path.
    pub fn new(raw: RawDocument, today: Date) -> Result<CaseDocument, InputError> {
        let case = Case::new(raw.facts, today).map_err(|e| {
            err(
                if e.field.is_empty() {
                    "facts".to_string()
                } else {
                    format!("facts.{}", e.field)
                },
                e.message,
            )
        })?;
        validate(&case, &raw.application)?;
        Ok(CaseDocument {
            case,
            application: raw.application,
        })
    }
}

fn validate(case: &Case, app: &Application) -> Result<(), InputError> {
    let as_of = case.as_of();
    let rows = |path: &str, n: usize| {
        if n > MAX_ROWS {
            Err(err(
                path,
                format!("{n} entries; an application lists at most {MAX_ROWS}"),
            ))
        } else {
            Ok(())
        }
    };
    let a1 = app.part_a1.as_ref();
    let entries = a1.and_then(|a| a.entries.as_deref()).unwrap_or(&[]);
    rows("application.part_a1.entries", entries.len())?;
    let arrivals = case.facts().arrivals().len();
    let mut seen = vec![false; arrivals];
    for (i, e) in entries.iter().enumerate() {
        let path = format!("application.part_a1.entries[{i}].arrival");
        let Some(k) = e.arrival else {
            return Err(err(
                path,
                "an entry must name its arrival (an index of facts.arrivals)",
            ));
        };
        if k >= arrivals {
            return Err(err(
                path,
                format!("facts.arrivals has no entry {k} ({arrivals} arrivals)"),
            ));
        }
        if std::mem::replace(&mut seen[k], true) {
            return Err(err(path, format!("arrival {k} has two entries")));
        }
    }
    let members = app
        .part_a2
        .as_ref()
        .and_then(|a| a.members.as_deref())
        .unwrap_or(&[]);
    rows("application.part_a2.members", members.len())?;
    let mut seen = vec![false; case.family_ids().len()];
    for (i, m) in members.iter().enumerate() {
        let path = format!("application.part_a2.members[{i}].family");
        let Some(id) = m.family.as_deref() else {
            return Err(err(
                path,
                "a member must name its family id (facts.family[].id)",
            ));
        };
        let Some(k) = case.family_ids().iter().position(|f| f == id) else {
            return Err(err(
                path,
                format!("family member {id:?} is not in facts.family"),
            ));
        };
        if std::mem::replace(&mut seen[k], true) {
            return Err(err(path, format!("family member {id:?} is listed twice")));
        }
    }
    if let Some(a3) = &app.part_a3 {
        let mut spans: Vec<(String, Option<document::Day>, Option<Until>)> = Vec::new();
        let mut places =
            |name: &str, list: &Option<Vec<document::Place>>| -> Result<(), InputError> {
                let list = list.as_deref().unwrap_or(&[]);
                rows(&format!("application.part_a3.{name}"), list.len())?;
                for (i, p) in list.iter().enumerate() {
                    spans.push((format!("application.part_a3.{name}[{i}]"), p.from, p.to));
                }
                Ok(())
            };
        places("addresses", &a3.addresses)?;
        for (name, p) in [
            ("last_address_abroad", &a3.last_address_abroad),
            ("last_address_feared", &a3.last_address_feared),
        ] {
            if let Some(p) = p {
                spans.push((format!("application.part_a3.{name}"), p.from, p.to));
            }
        }
        let education = a3.education.as_deref().unwrap_or(&[]);
        rows("application.part_a3.education", education.len())?;
        for (i, s) in education.iter().enumerate() {
            spans.push((format!("application.part_a3.education[{i}]"), s.from, s.to));
        }
        let employment = a3.employment.as_deref().unwrap_or(&[]);
        rows("application.part_a3.employment", employment.len())?;
        for (i, j) in employment.iter().enumerate() {
            spans.push((format!("application.part_a3.employment[{i}]"), j.from, j.to));
        }
        rows(
            "application.part_a3.siblings",
            a3.siblings.as_deref().map_or(0, <[_]>::len),
        )?;
        for (path, from, to) in spans {
            if let Some(f) = from
                && f.first > as_of
            {
                return Err(err(
                    format!("{path}.from"),
                    format!("{f} is after as_of {as_of}; this date must be in the past"),
                ));
            }
            if let Some(Until::Day(t)) = to {
                if t.first > as_of {
                    return Err(err(
                        format!("{path}.to"),
                        format!(
                            "{t} is after as_of {as_of}; write \"present\" for a row that has not ended"
                        ),
                    ));
                }
                if let Some(f) = from
                    && t.last < f.first
                {
                    return Err(err(format!("{path}.to"), format!("{t} is before from {f}")));
                }
            }
        }
    }
    if let Some(d) = app.part_d.as_ref().and_then(|d| d.signed_on)
        && d > as_of
    {
        return Err(err(
            "application.part_d.signed_on",
            format!("{d} is after as_of {as_of}; this date must be in the past"),
        ));
    }
    if let Some(d) = app.part_e.as_ref().and_then(|e| e.signed_on)
        && d > as_of
    {
        return Err(err(
            "application.part_e.signed_on",
            format!("{d} is after as_of {as_of}; this date must be in the past"),
        ));
    }
    if let Some(d) = a1.and_then(|a| a.left_country_on).and_then(|d| d.date())
        && d > as_of
    {
        return Err(err(
            "application.part_a1.left_country_on",
            format!("{d} is after as_of {as_of}; this date must be in the past"),
        ));
    }
    rows(
        "application.supplement_b",
        app.supplement_b.as_deref().map_or(0, <[_]>::len),
    )?;
    if let Some(t) = &app.timeline {
        timeline(case, t, &rows)?;
    }
    if let Some(list) = &app.evidence {
        evidence::validate(case, list)?;
    }
    Ok(())
}

/// The timeline's own checks: ids given and unique, every reference (a
/// source, an event, a harm, an arrival, a family member) to something that
/// exists, no date after `as_of`, nothing that ends before it starts.
fn timeline(
    case: &Case,
    t: &document::Timeline,
    rows: &dyn Fn(&str, usize) -> Result<(), InputError>,
) -> Result<(), InputError> {
    let as_of = case.as_of();
    let past = |path: String, d: Option<document::Day>| match d {
        Some(d) if d.first > as_of => Err(err(
            path,
            format!("{d} is after as_of {as_of}; the timeline holds what has happened"),
        )),
        _ => Ok(()),
    };
    let sources = t.sources.as_deref().unwrap_or(&[]);
    rows("application.timeline.sources", sources.len())?;
    let mut source_ids: Vec<&str> = Vec::with_capacity(sources.len());
    for (i, s) in sources.iter().enumerate() {
        let path = format!("application.timeline.sources[{i}]");
        let id = unique_id(s.id.as_deref(), &source_ids, &path, "source")?;
        source_ids.push(id);
        if let Some(d) = s.taken_on
            && d > as_of
        {
            return Err(err(
                format!("{path}.taken_on"),
                format!("{d} is after as_of {as_of}; this date must be in the past"),
            ));
        }
    }
    let events = t.events.as_deref().unwrap_or(&[]);
    rows("application.timeline.events", events.len())?;
    let mut event_ids: Vec<&str> = Vec::with_capacity(events.len());
    for (i, e) in events.iter().enumerate() {
        let path = format!("application.timeline.events[{i}]");
        let id = unique_id(e.id.as_deref(), &event_ids, &path, "event")?;
        event_ids.push(id);
    }
    let arrivals = case.facts().arrivals().len();
    for (i, e) in events.iter().enumerate() {
        let path = format!("application.timeline.events[{i}]");
        past(format!("{path}.date"), e.date)?;
        past(format!("{path}.until"), e.until)?;
        if let (Some(from), Some(until)) = (e.date, e.until)
            && until.last < from.first
        {
            return Err(err(
                format!("{path}.until"),
                format!("{until} is before the event's date {from}"),
            ));
        }
        if let Some(h) = e.harm.as_deref()
            && !case.harm_ids().iter().any(|id| id == h)
        {
            return Err(err(
                format!("{path}.harm"),
                format!("harm {h:?} is not in facts.harms"),
            ));
        }
        if let Some(k) = e.arrival
            && k >= arrivals
        {
            return Err(err(
                format!("{path}.arrival"),
                format!("facts.arrivals has no entry {k} ({arrivals} arrivals)"),
            ));
        }
        let after = e.after.as_deref().unwrap_or(&[]);
        rows(&format!("{path}.after"), after.len())?;
        for (j, a) in after.iter().enumerate() {
            if a == event_ids[i] {
                return Err(err(
                    format!("{path}.after[{j}]"),
                    "an event cannot come after itself",
                ));
            }
            if !event_ids.contains(&a.as_str()) {
                return Err(err(
                    format!("{path}.after[{j}]"),
                    format!("event {a:?} is not in application.timeline.events"),
                ));
            }
        }
        let people = e.people.as_deref().unwrap_or(&[]);
        rows(&format!("{path}.people"), people.len())?;
        for (j, p) in people.iter().enumerate() {
            if let Some(f) = p.family.as_deref()
                && !case.family_ids().iter().any(|id| id == f)
            {
                return Err(err(
                    format!("{path}.people[{j}].family"),
                    format!("family member {f:?} is not in facts.family"),
                ));
            }
        }
        let statements = e.statements.as_deref().unwrap_or(&[]);
        rows(&format!("{path}.statements"), statements.len())?;
        for (j, st) in statements.iter().enumerate() {
            let here = format!("{path}.statements[{j}]");
            match st.source.as_deref() {
                None => {
                    return Err(err(
                        format!("{here}.source"),
                        "a statement must name its source (an id of application.timeline.sources)",
                    ));
                }
                Some(s) if !source_ids.contains(&s) => {
                    return Err(err(
                        format!("{here}.source"),
                        format!("source {s:?} is not in application.timeline.sources"),
                    ));
                }
                Some(_) => {}
            }
            past(format!("{here}.date"), st.date)?;
        }
    }
    Ok(())
}

/// `id`, given, non-blank and not among `seen`.
fn unique_id<'a>(
    id: Option<&'a str>,
    seen: &[&str],
    path: &str,
    what: &str,
) -> Result<&'a str, InputError> {
    match id {
        Some(id) if !id.trim().is_empty() => {
            if seen.contains(&id) {
                Err(err(
                    format!("{path}.id"),
                    format!("{what} id {id:?} is used twice"),
                ))
            } else {
                Ok(id)
            }
        }
        _ => Err(err(
            format!("{path}.id"),
            format!("every {what} has an id (a short name the others refer to it by)"),
        )),
    }
}
