//! The timeline page (issue 16): the case's `application.timeline` in date
//! order, each event with what each source says of it, and, where the
//! readiness check `timeline.statements` finds that two sources disagree,
//! both statements side by side with each source's circumstances (the
//! language, an interpreter, a verbatim record or a summary, the date it was
//! taken: what an adjudicator weighs, Matter of J-C-H-F-, 27 I&N Dec. 211
//! (BIA 2018)). It reads the timeline; it is edited through the API
//! (`PUT /api/v1/cases/{id}/application`, docs/application.md).

use askama::Template;
use axum::extract::State;
use refuge_application::document::{
    Day, Event, Location, Record, Source, Statement, Timeline, YesNo,
};
use refuge_application::output::Status;
use refuge_application::{CaseDocument, Readiness};
use serde::Serialize;
use serde_json::Value;

use super::{editor, service, stored_error};
use crate::cases::service as cases;
use crate::http::access::{CaseAccess, Member};
use crate::http::error::PageResult;
use crate::http::lang;
use crate::http::view::{Ctx, render};
use crate::state::AppState;
use crate::store::CaseRow;
use refuge_i18n::{Lang, tr};

/// What one source says of an event, with the source's circumstances.
pub struct Said {
    /// The source: its title and kind ("Form I-213 (the border statement)").
    pub who: String,
    /// Where it is read: the facts form for the facts' own date.
    pub href: String,
    pub date: String,
    pub place: String,
    /// Where in the source (a page, a paragraph).
    pub at: String,
    /// The source's words.
    pub text: String,
    pub language: String,
    pub interpreter: String,
    pub record: String,
    pub taken_on: String,
    /// What else weighs: questions not meant to bring out a claim, a note.
    pub other: String,
}

/// Two statements of one event that disagree, as the check found them.
pub struct Disagreement {
    pub message: String,
    /// The event's anchor on the page ("" when the check names none).
    pub event: String,
    pub first: Said,
    pub second: Said,
}

/// One event as the page shows it.
pub struct EventView {
    pub anchor: String,
    pub id: String,
    pub date: String,
    pub until: String,
    pub kind: String,
    pub place: String,
    pub people: Vec<String>,
    /// The facts' harm or arrival it is: (link, words).
    pub facts: Vec<(String, String)>,
    pub after: Vec<(String, String)>,
    pub summary: String,
    pub statements: Vec<Said>,
    /// Some of its sources disagree.
    pub disagrees: bool,
}

#[derive(Template)]
#[template(path = "application/timeline.html")]
struct TimelinePage {
    ctx: Ctx,
    case: CaseRow,
    /// The application cannot be read with its facts: why, and where to correct it.
    error: Option<(String, String)>,
    events: Vec<EventView>,
    disagreements: Vec<Disagreement>,
    /// The other `timeline.*` checks tripped: their messages.
    others: Vec<String>,
}

/// A date as a source gives it, its precision said: "2023 (year only)".
pub fn show_day(d: Option<Day>) -> String {
    let Some(d) = d else {
        return String::new();
    };
    let s = d.to_string();
    match s.len() {
        4 => format!("{s} (year only)"),
        7 => format!("{s} (month only)"),
        _ => s,
    }
}

/// A choice of the timeline (an event's kind, a person's relation) in
/// `lang`: the message `<prefix><its name>` (`application-timeline-kind-harm`).
fn word<T: Serialize>(lang: Lang, prefix: &str, v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => tr(lang, &format!("{prefix}{s}")),
        _ => String::new(),
    }
}

const KIND: &str = "application-timeline-kind-";
const RELATION: &str = "application-timeline-relation-";

fn show_place(p: Option<&Location>) -> String {
    let Some(p) = p else { return String::new() };
    // The country by its code, as the timeline's JSON holds it (the facts
    // area's country names are its own).
    let country = p.country.as_ref().map(|c| c.as_str().to_string());
    [p.city.clone(), p.province.clone(), country]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

fn yes_no(v: Option<YesNo>, yes: &str, no: &str, lang: Lang) -> String {
    tr(
        lang,
        match v {
            Some(YesNo::Yes) => yes,
            Some(YesNo::No) => no,
            None => "application-timeline-not-recorded",
        },
    )
}

fn source<'a>(t: &'a Timeline, id: &str) -> Option<&'a Source> {
    t.sources
        .as_deref()
        .unwrap_or(&[])
        .iter()
        .find(|s| s.id.as_deref() == Some(id))
}

/// A statement with its source's circumstances.
fn said(t: &Timeline, st: &Statement, lang: Lang) -> Said {
    let id = st.source.as_deref().unwrap_or("");
    let s = source(t, id);
    let title = s.and_then(|s| s.title.clone()).unwrap_or_else(|| id.into());
    let kind = tr(
        lang,
        &format!(
            "application-timeline-source-{}",
            s.and_then(|s| s.kind).map_or("unknown", |k| k.as_str())
        ),
    );
    let mut other = Vec::new();
    if s.and_then(|s| s.claim_questions) == Some(YesNo::No) {
        other.push(tr(lang, "application-timeline-not-claim-questions"));
    }
    if let Some(n) = s.and_then(|s| s.note.clone()) {
        other.push(n);
    }
    Said {
        who: format!("{title} ({kind})"),
        href: String::new(),
        date: show_day(st.date),
        place: show_place(st.place.as_ref()),
        at: st.at.clone().unwrap_or_default(),
        text: st.text.clone().unwrap_or_default(),
        language: s.and_then(|s| s.language.clone()).unwrap_or_default(),
        interpreter: yes_no(
            s.and_then(|s| s.interpreter),
            "application-timeline-interpreter-present",
            "application-timeline-no-interpreter",
            lang,
        ),
        record: tr(
            lang,
            match s.and_then(|s| s.record) {
                Some(Record::Verbatim) => "application-timeline-verbatim",
                Some(Record::Summary) => "application-timeline-summary",
                None => "application-timeline-not-recorded",
            },
        ),
        taken_on: s
            .and_then(|s| s.taken_on)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        other: other.join(" "),
    }
}

/// The index in `path` after `prefix` (`…events[3]…` → 3).
fn index_after(path: &str, prefix: &str) -> Option<usize> {
    let rest = &path[path.find(prefix)? + prefix.len()..];
    rest.split(']').next()?.parse().ok()
}

/// The statement a path of a `timeline.statements` issue names: a
/// statement of the timeline, or the facts' date of a harm or arrival.
fn said_at(
    doc: &CaseDocument,
    facts: &Value,
    case_id: &str,
    path: &str,
    lang: Lang,
) -> Option<Said> {
    let t = doc.application().timeline.as_ref()?;
    if path.starts_with("facts.") {
        let facts_of = doc.case().facts();
        let (who, date) = if let Some(k) = index_after(path, "facts.harms[") {
            let id = doc.case().harm_ids().get(k)?;
            (
                lang::tr(lang, "application-timeline-facts-harm", &[("harm", id)]),
                facts_of.harms().get(k)?.date,
            )
        } else {
            let k = index_after(path, "facts.arrivals[")?;
            (
                lang::tr(
                    lang,
                    "application-timeline-facts-arrival",
                    &[("n", &(k + 1))],
                ),
                facts_of.arrivals().get(k)?.date,
            )
        };
        return Some(Said {
            who,
            href: editor::facts_link(case_id, facts, path),
            date: date.map(|d| d.to_string()).unwrap_or_default(),
            place: String::new(),
            at: String::new(),
            text: String::new(),
            language: String::new(),
            interpreter: String::new(),
            record: String::new(),
            taken_on: String::new(),
            other: tr(lang, "application-timeline-facts-not-statement"),
        });
    }
    let e = t.events.as_deref()?.get(index_after(path, "events[")?)?;
    let st = e
        .statements
        .as_deref()?
        .get(index_after(path, "statements[")?)?;
    Some(said(t, st, lang))
}

fn anchor(e: &Event, i: usize) -> String {
    let id: String =
        e.id.as_deref()
            .unwrap_or("")
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
    format!("e{i}-{id}")
}

/// The page's content from the case document and its readiness.
fn build(
    doc: &CaseDocument,
    readiness: &Readiness,
    facts: &Value,
    case_id: &str,
    lang: Lang,
) -> (Vec<EventView>, Vec<Disagreement>, Vec<String>) {
    let empty = Timeline::EMPTY;
    let t = doc.application().timeline.as_ref().unwrap_or(&empty);
    let events = t.events.as_deref().unwrap_or(&[]);
    let anchors: Vec<String> = events
        .iter()
        .enumerate()
        .map(|(i, e)| anchor(e, i))
        .collect();
    let mut disagreements = Vec::new();
    let mut others = Vec::new();
    for issue in &readiness.issues {
        if issue.status != Status::Tripped || !issue.check.starts_with("timeline.") {
            continue;
        }
        let sides: Vec<Said> = issue
            .items
            .iter()
            .filter_map(|p| said_at(doc, facts, case_id, p, lang))
            .collect();
        // A discrepancy of two statements found: side by side; else listed.
        match <[Said; 2]>::try_from(sides) {
            Ok([first, second]) if issue.check == "timeline.statements" => {
                let event = issue
                    .items
                    .iter()
                    .find_map(|p| index_after(p, "timeline.events["))
                    .and_then(|i| anchors.get(i).cloned())
                    .unwrap_or_default();
                disagreements.push(Disagreement {
                    message: issue.message.clone(),
                    event,
                    first,
                    second,
                });
            }
            _ => others.push(issue.message.clone()),
        }
    }
    let family_ids = doc.case().family_ids();
    let harm_ids = doc.case().harm_ids();
    let mut order: Vec<usize> = (0..events.len()).collect();
    // In date order; an event without a date last, each in the order entered.
    order.sort_by_key(|&i| {
        let d = events[i].date;
        (d.is_none(), d.map(|d| d.first), d.map(|d| d.last), i)
    });
    let views = order
        .into_iter()
        .map(|i| {
            let e = &events[i];
            let people = e
                .people
                .as_deref()
                .unwrap_or(&[])
                .iter()
                .map(|p| {
                    let relation = p
                        .relation
                        .as_ref()
                        .map(|r| word(lang, RELATION, r))
                        .unwrap_or_default();
                    match (&p.family, &p.name) {
                        (Some(f), _) => {
                            let rel = family_ids
                                .iter()
                                .position(|x| x == f)
                                .and_then(|k| doc.case().facts().family()[k].relation)
                                .map(|r| word(lang, RELATION, &r))
                                .unwrap_or(relation);
                            lang::tr(
                                lang,
                                "application-timeline-family-member",
                                &[("id", f), ("relation", &rel)],
                            )
                        }
                        (None, Some(n)) if relation.is_empty() => n.clone(),
                        (None, Some(n)) => format!("{n} ({relation})"),
                        (None, None) => relation,
                    }
                })
                .collect();
            let mut linked = Vec::new();
            if let Some(h) = &e.harm
                && let Some(k) = harm_ids.iter().position(|x| x == h)
            {
                linked.push((
                    editor::facts_link(case_id, facts, &format!("facts.harms[{k}]")),
                    lang::tr(lang, "application-timeline-facts-harm", &[("harm", h)]),
                ));
            }
            if let Some(k) = e.arrival {
                linked.push((
                    editor::facts_link(case_id, facts, &format!("facts.arrivals[{k}]")),
                    lang::tr(
                        lang,
                        "application-timeline-facts-arrival",
                        &[("n", &(k + 1))],
                    ),
                ));
            }
            let after = e
                .after
                .as_deref()
                .unwrap_or(&[])
                .iter()
                .map(|a| {
                    let href = events
                        .iter()
                        .position(|x| x.id.as_deref() == Some(a.as_str()))
                        .map(|k| format!("#{}", anchors[k]))
                        .unwrap_or_default();
                    (href, a.clone())
                })
                .collect();
            EventView {
                anchor: anchors[i].clone(),
                id: e.id.clone().unwrap_or_default(),
                date: show_day(e.date),
                until: show_day(e.until),
                kind: e.kind.map(|k| word(lang, KIND, &k)).unwrap_or_default(),
                place: show_place(e.place.as_ref()),
                people,
                facts: linked,
                after,
                summary: e.summary.clone().unwrap_or_default(),
                statements: e
                    .statements
                    .as_deref()
                    .unwrap_or(&[])
                    .iter()
                    .map(|st| said(t, st, lang))
                    .collect(),
                disagrees: disagreements.iter().any(|d| d.event == anchors[i]),
            }
        })
        .collect();
    (views, disagreements, others)
}

pub(super) async fn timeline_page(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
) -> PageResult {
    let stored = super::viewed(&state, &s, &case, "timeline viewed").await?;
    let facts = cases::document(&case);
    let mut page = TimelinePage {
        ctx: Ctx::of_case(&s, "application-timeline-title", &case.client_name),
        error: None,
        events: Vec::new(),
        disagreements: Vec::new(),
        others: Vec::new(),
        case,
    };
    match service::checked(&state, &page.case, &stored.document).await {
        Err(e) => {
            page.error = Some(stored_error(page.case.id.as_str(), &facts, &e));
        }
        Ok((doc, readiness)) => {
            let (events, disagreements, others) =
                build(&doc, &readiness, &facts, page.case.id.as_str(), s.lang);
            page.events = events;
            page.disagreements = disagreements;
            page.others = others;
        }
    }
    Ok(render(&page))
}

#[cfg(test)]
mod tests {
    use super::*;
    use refuge_application::document::{EventKind, PersonRelation, SourceKind};

    /// Each kind of event, source and person the timeline takes is a
    /// message, worded in Spanish.
    #[test]
    fn every_kind_of_event_source_and_person_is_worded_in_spanish() {
        let es = Lang::parse("es").unwrap();
        let mut ids: Vec<String> = EventKind::ALL
            .iter()
            .map(|k| format!("{KIND}{}", k.as_str()))
            .chain(
                PersonRelation::ALL
                    .iter()
                    .map(|r| format!("{RELATION}{}", r.as_str())),
            )
            .chain(
                SourceKind::ALL
                    .iter()
                    .map(|k| format!("application-timeline-source-{}", k.as_str())),
            )
            .collect();
        ids.push("application-timeline-source-unknown".into());
        for id in ids {
            assert!(refuge_i18n::exists(&id), "{id} is not a message");
            assert_ne!(
                tr(es, &id),
                tr(Lang::english(), &id),
                "{id} is not translated"
            );
        }
        assert_eq!(word(es, KIND, &EventKind::Detention), "detención");
    }
}
