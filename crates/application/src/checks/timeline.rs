//! The cross-checks over the timeline (`application.timeline`): the story,
//! event by event, with what each source says of it (reference §4.2: dates of
//! one event that differ between sources, the order of events, a return home,
//! places missing from the address history, family named in the story but not
//! on the form, a detention against B.2).
//!
//! > the trier of fact may base a credibility determination on … the
//! > consistency between the applicant's or witness's written and oral
//! > statements (whenever made and whether or not under oath, and considering
//! > the circumstances under which the statements were made) …
//!
//! (INA § 208(b)(1)(B)(iii)). The circumstances a source records (a summary
//! or a verbatim record, an interpreter, questions meant to bring out a claim)
//! are what *Matter of J-C-H-F-*, 27 I&N Dec. 211 (BIA 2018), weighs a border
//! statement's discrepancy by: the messages name them; the check does not
//! weigh them (credibility is the adjudicator's).
//!
//! A check with no events to read says `cannot_tell`; what the timeline does
//! not say is never held against the application.
//!
//! NOT MODELLED: the words of a statement (`text`) are shown, never compared;
//! names are matched loosely (a first name within the other), so a
//! transliteration may still be missed; the length of a detention between
//! sources.

use jiff::ToSpan;
use jiff::civil::Date;
use refuge_engine::facts::{Country, Relation};

use super::{Ctx, app_path};
use crate::document::{
    Day, Event, EventKind, Location, PersonRelation, Record, Source, Until, YesNo,
};

/// The timeline's events, the item a check waits on when there are none.
const EVENTS: &str = "application.timeline.events";

pub(super) fn run(ctx: &mut Ctx) {
    const IDS: [&str; 6] = [
        "timeline.statements",
        "timeline.order",
        "timeline.return",
        "timeline.places",
        "timeline.family",
        "timeline.detention",
    ];
    if events(ctx).is_empty() {
        for id in IDS {
            ctx.cannot_tell(id, vec![EVENTS.into()], "the timeline has no events yet");
        }
        return;
    }
    statements(ctx);
    order(ctx);
    returned(ctx);
    places(ctx);
    family(ctx);
    detention(ctx);
}

fn events<'a>(ctx: &Ctx<'a>) -> &'a [Event] {
    ctx.app()
        .timeline
        .as_ref()
        .and_then(|t| t.events.as_deref())
        .unwrap_or(&[])
}

fn source<'a>(ctx: &Ctx<'a>, id: &str) -> Option<&'a Source> {
    ctx.app()
        .timeline
        .as_ref()
        .and_then(|t| t.sources.as_deref())
        .unwrap_or(&[])
        .iter()
        .find(|s| s.id.as_deref() == Some(id))
}

fn event_path(i: usize) -> String {
    format!("{EVENTS}[{i}]")
}

/// `event "e2" (a harm, 2024-01-20)`.
fn describe(e: &Event) -> String {
    let id = e.id.as_deref().unwrap_or("?");
    match (e.kind, e.date) {
        (Some(k), Some(d)) => format!("event {id:?} ({}, {d})", k.as_str()),
        (Some(k), None) => format!("event {id:?} ({})", k.as_str()),
        (None, Some(d)) => format!("event {id:?} ({d})"),
        (None, None) => format!("event {id:?}"),
    }
}

/// Whether the event is the applicant's own: no people are named, or the
/// applicant is among them.
fn applicants(e: &Event) -> bool {
    let people = e.people.as_deref().unwrap_or(&[]);
    people.is_empty()
        || people
            .iter()
            .any(|p| p.relation == Some(PersonRelation::Applicant))
}

fn norm(s: &str) -> String {
    s.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a source is, with its circumstances where they weigh on a discrepancy.
struct Said {
    path: String,
    who: String,
    /// "says", or "give" for the facts.
    says: &'static str,
    day: Day,
    place: Option<Location>,
    /// The circumstances that lessen the record's weight, in words.
    weaker: Vec<&'static str>,
}

fn said_by(ctx: &Ctx, path: String, source_id: &str, day: Day, place: Option<Location>) -> Said {
    let s = source(ctx, source_id);
    let mut who = format!(
        "{} {source_id:?}",
        s.and_then(|s| s.kind).map_or("the source", |k| k.words())
    );
    if let Some(d) = s.and_then(|s| s.taken_on) {
        who += &format!(" (taken {d})");
    }
    let mut weaker = Vec::new();
    if let Some(s) = s {
        if s.record == Some(Record::Summary) {
            weaker.push("a summary, not a verbatim record");
        }
        if s.interpreter == Some(YesNo::No) {
            weaker.push("taken without an interpreter");
        }
        if s.claim_questions == Some(YesNo::No) {
            weaker.push("its questions were not meant to bring out the details of a claim");
        }
    }
    Said {
        path,
        who,
        says: "says",
        day,
        place,
        weaker,
    }
}

/// The dates (and places) the sources give an event, against each other and
/// against the facts' date of the harm or arrival the event is.
fn statements(ctx: &mut Ctx) {
    let mut compared = false;
    for (i, e) in events(ctx).iter().enumerate() {
        // The sources first, so that a discrepancy shows two statements where it can.
        let mut said: Vec<Said> = Vec::new();
        for (j, st) in e.statements.as_deref().unwrap_or(&[]).iter().enumerate() {
            if let (Some(src), Some(d)) = (st.source.as_deref(), st.date) {
                let path = format!("{}.statements[{j}]", event_path(i));
                said.push(said_by(ctx, path, src, d, st.place.clone()));
            }
        }
        if let Some(h) = e.harm.as_deref()
            && let Some(k) = ctx.doc.case().harm_ids().iter().position(|id| id == h)
            && let Some(d) = ctx.facts().harms()[k].date
        {
            said.push(Said {
                path: format!("facts.harms[{k}].date"),
                who: format!("the facts (harm {h:?})"),
                says: "give",
                day: exact(d),
                place: None,
                weaker: Vec::new(),
            });
        }
        if let Some(k) = e.arrival
            && let Some(d) = ctx.facts().arrivals().get(k).and_then(|a| a.date)
        {
            said.push(Said {
                path: format!("facts.arrivals[{k}].date"),
                who: format!("the facts (arrival {k})"),
                says: "give",
                day: exact(d),
                place: None,
                weaker: Vec::new(),
            });
        }
        compared |= said.len() >= 2;
        // Each statement that agrees with none before it, against the first
        // before it that it contradicts: each discrepancy once, not once for
        // each pair of sources on either side of it.
        for b in 1..said.len() {
            let agrees = (0..b).any(|a| said[a].day.may_equal(said[b].day));
            if !agrees && let Some(a) = (0..b).find(|&a| !said[a].day.may_equal(said[b].day)) {
                let (a, b) = (&said[a], &said[b]);
                let message = format!(
                    "{}: {} {} {}; {} {} {}.{}",
                    describe(e),
                    a.who,
                    a.says,
                    a.day,
                    b.who,
                    b.says,
                    b.day,
                    weight(a, b)
                );
                let items = vec![path_of_date(&a.path), path_of_date(&b.path)];
                ctx.trip("timeline.statements", items, message);
            }
            let place = |s: &Said| s.place.clone().unwrap_or(Location::EMPTY);
            let agrees = (0..b).any(|a| {
                let (x, y) = (place(&said[a]), place(&said[b]));
                !places_differ(&x, &y) && (x.city.is_some() || x.country.is_some())
            });
            if !agrees
                && let Some(a) = (0..b).find(|&a| places_differ(&place(&said[a]), &place(&said[b])))
            {
                let (a, b) = (&said[a], &said[b]);
                let message = format!(
                    "{}: {} places it in {}; {} in {}.{}",
                    describe(e),
                    a.who,
                    show(&place(a)),
                    b.who,
                    show(&place(b)),
                    weight(a, b)
                );
                ctx.trip(
                    "timeline.statements",
                    vec![format!("{}.place", a.path), format!("{}.place", b.path)],
                    message,
                );
            }
        }
    }
    if !compared {
        ctx.cannot_tell(
            "timeline.statements",
            vec![EVENTS.into()],
            "no event is dated by two sources yet (statements, or the facts' harm or arrival it is)",
        );
    }
}

/// A statement's date path; the facts' date is already one.
fn path_of_date(path: &str) -> String {
    if path.starts_with("facts.") {
        path.to_string()
    } else {
        format!("{path}.date")
    }
}

fn exact(d: Date) -> Day {
    Day::parse(&d.to_string()).expect("a date prints as YYYY-MM-DD")
}

/// What a discrepancy weighs, from the circumstances of the two records.
fn weight(a: &Said, b: &Said) -> String {
    let mut notes = String::new();
    for s in [a, b] {
        if !s.weaker.is_empty() {
            notes += &format!(" {}: {}.", capital(&s.who), s.weaker.join("; "));
        }
    }
    if notes.is_empty() {
        " Explain the difference before filing, or correct the one that is wrong.".into()
    } else {
        format!(
            "{notes} An adjudicator weighs such a record by its reliability in all the circumstances (Matter of J-C-H-F-): explain the difference, with these circumstances."
        )
    }
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn places_differ(a: &Location, b: &Location) -> bool {
    let country = matches!((a.country, b.country), (Some(x), Some(y)) if x != y);
    let city = match (a.city.as_deref(), b.city.as_deref()) {
        (Some(x), Some(y)) => norm(x) != norm(y),
        _ => false,
    };
    country || city
}

fn show(p: &Location) -> String {
    let parts: Vec<&str> = [
        p.city.as_deref(),
        p.province.as_deref(),
        p.country.as_ref().map(Country::as_str),
    ]
    .into_iter()
    .flatten()
    .collect();
    if parts.is_empty() {
        "an unnamed place".into()
    } else {
        parts.join(", ")
    }
}

/// An event given as coming after another must not be dated before it: a
/// departure after the harm that drove it, an entry after its departure.
fn order(ctx: &mut Ctx) {
    let list = events(ctx);
    let mut decided = false;
    for (i, e) in list.iter().enumerate() {
        for (j, a) in e.after.as_deref().unwrap_or(&[]).iter().enumerate() {
            let Some(k) = list.iter().position(|o| o.id.as_deref() == Some(a)) else {
                continue;
            };
            let (Some(mine), Some(theirs)) = (e.date, list[k].date) else {
                continue;
            };
            decided = true;
            if mine.last < theirs.first {
                ctx.trip(
                    "timeline.order",
                    vec![
                        format!("{}.after[{j}]", event_path(i)),
                        format!("{}.date", event_path(i)),
                        format!("{}.date", event_path(k)),
                    ],
                    format!(
                        "{} is given as coming after {}, but is dated before it",
                        describe(e),
                        describe(&list[k])
                    ),
                );
            }
        }
    }
    if !decided {
        ctx.cannot_tell(
            "timeline.order",
            vec![EVENTS.into()],
            "no dated event is yet given as coming after another dated one (`after`)",
        );
    }
}

/// C.4: "After you left the country where you were harmed or fear harm, did
/// you return to that country?" An entry into (or a move to) a country of
/// feared harm, certainly after the applicant first left it.
fn returned(ctx: &mut Ctx) {
    let home = ctx.home();
    let list = events(ctx);
    let in_home = |e: &Event| {
        e.place
            .as_ref()
            .and_then(|p| p.country)
            .is_some_and(|c| home.contains(&c))
    };
    let left = list
        .iter()
        .filter(|e| e.kind == Some(EventKind::Departure) && applicants(e) && in_home(e))
        .filter_map(|e| e.date.map(|d| d.last))
        .min();
    let mut signs: Vec<(String, String)> = Vec::new();
    if let Some(left) = left {
        for (i, e) in list.iter().enumerate() {
            if matches!(e.kind, Some(EventKind::Entry | EventKind::Move))
                && applicants(e)
                && in_home(e)
                && let Some(d) = e.date
                && d.first > left
            {
                signs.push((
                    event_path(i),
                    format!(
                        "the timeline has the applicant back in {} ({}) after leaving it on {left}",
                        show(e.place.as_ref().unwrap_or(&Location::EMPTY)),
                        describe(e)
                    ),
                ));
            }
        }
    }
    match ctx.c().q4.as_ref().and_then(|q| q.answer) {
        Some(YesNo::Yes) => {}
        Some(YesNo::No) if left.is_none() => ctx.cannot_tell(
            "timeline.return",
            vec![EVENTS.into()],
            "the timeline has no dated departure from the country of feared harm yet",
        ),
        Some(YesNo::No) => {
            for (path, why) in signs {
                ctx.trip(
                    "timeline.return",
                    vec![app_path("part_c.q4.answer"), path],
                    format!("C.4 says the applicant never returned, but {why}"),
                );
            }
        }
        None => ctx.cannot_tell(
            "timeline.return",
            vec![app_path("part_c.q4.answer")],
            "C.4 is not answered yet",
        ),
    }
}

/// A place the applicant lived in the past five years (a move in the
/// timeline) must be in the address history (A.III.1 and A.III.2). This also
/// bears on internal relocation (8 C.F.R. § 208.13(b)(3)).
fn places(ctx: &mut Ctx) {
    let a3 = ctx.a3();
    let as_of = ctx.as_of();
    let since = as_of.saturating_sub(5.years());
    let rows: Vec<(Location, Option<Day>, Option<Until>)> = a3
        .addresses
        .as_deref()
        .unwrap_or(&[])
        .iter()
        .chain(
            [&a3.last_address_abroad, &a3.last_address_feared]
                .into_iter()
                .flatten(),
        )
        .map(|p| {
            let place = Location {
                city: p.city.clone(),
                province: p.province.clone(),
                country: p.country,
            };
            (place, p.from, p.to)
        })
        .collect();
    if a3.addresses.is_none() {
        ctx.cannot_tell(
            "timeline.places",
            vec![app_path("part_a3.addresses")],
            "the address history (A.III.2) is not given yet",
        );
        return;
    }
    for (i, e) in events(ctx).iter().enumerate() {
        if e.kind != Some(EventKind::Move) || !applicants(e) {
            continue;
        }
        let (Some(place), Some(from)) = (e.place.as_ref(), e.date) else {
            ctx.cannot_tell(
                "timeline.places",
                vec![
                    format!("{}.place", event_path(i)),
                    format!("{}.date", event_path(i)),
                ],
                format!("{} has no place or no date yet", describe(e)),
            );
            continue;
        };
        if place.city.is_none() && place.country.is_none() {
            ctx.cannot_tell(
                "timeline.places",
                vec![format!("{}.place", event_path(i))],
                format!("{} names neither a city nor a country yet", describe(e)),
            );
            continue;
        }
        let stay_end = e.until.map_or(from.last, |u| u.last);
        if stay_end < since {
            continue; // before the five years the history covers
        }
        let found = rows.iter().any(|(row, f, t)| {
            let same_country = match (row.country, place.country) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            };
            let same_city = match (row.city.as_deref(), place.city.as_deref()) {
                (Some(x), Some(y)) => norm(x) == norm(y),
                (None, Some(_)) => false,
                _ => true,
            };
            let start = f.map_or(Date::MIN, |f| f.first);
            let end = match t {
                Some(Until::Day(d)) => d.last,
                _ => as_of,
            };
            same_country && same_city && start <= stay_end && from.first <= end
        });
        if !found {
            ctx.trip(
                "timeline.places",
                vec![event_path(i), app_path("part_a3.addresses")],
                format!(
                    "{}: the applicant lived in {} from {from}{}, but no row of the address history (A.III.1, A.III.2) is there then",
                    describe(e),
                    show(place),
                    e.until.map(|u| format!(" to {u}")).unwrap_or_default()
                ),
            );
        }
    }
}

/// Every spouse and child named in the story is a family member of the
/// facts (Part A.II: "list all of your children, regardless of age,
/// location, or marital status"); every sibling is in A.III.5.
fn family(ctx: &mut Ctx) {
    let members = ctx.a2().members.as_deref().unwrap_or(&[]);
    let siblings = ctx.a3().siblings.as_deref();
    for (i, e) in events(ctx).iter().enumerate() {
        for (j, p) in e.people.as_deref().unwrap_or(&[]).iter().enumerate() {
            if p.family.is_some() {
                continue; // a family id, which exists (checked on reading)
            }
            let path = format!("{}.people[{j}]", event_path(i));
            let first = p
                .name
                .as_deref()
                .and_then(|n| n.split_whitespace().next())
                .map(norm);
            match p.relation {
                Some(rel @ (PersonRelation::Spouse | PersonRelation::Child)) => {
                    let relation = if rel == PersonRelation::Spouse {
                        Relation::Spouse
                    } else {
                        Relation::Child
                    };
                    let of_relation = ctx
                        .facts()
                        .family()
                        .iter()
                        .any(|m| m.relation == Some(relation));
                    let Some(first) = first else {
                        if of_relation {
                            ctx.cannot_tell(
                                "timeline.family",
                                vec![format!("{path}.family")],
                                format!(
                                    "{} names a {} without a name or family id: link the family member",
                                    describe(e),
                                    rel.as_str()
                                ),
                            );
                        } else {
                            ctx.trip(
                                "timeline.family",
                                vec![path, "facts.family".into()],
                                format!(
                                    "{} names the applicant's {}, but the facts list none: add them (A.II), wherever they are",
                                    describe(e),
                                    rel.as_str()
                                ),
                            );
                        }
                        continue;
                    };
                    let listed = members.iter().any(|m| {
                        m.first_name
                            .as_deref()
                            .is_some_and(|n| norm(n).split(' ').any(|w| w == first))
                            && m.family
                                .as_deref()
                                .and_then(|id| ctx.member(id))
                                .is_some_and(|(_, fm)| fm.relation == Some(relation))
                    });
                    if !listed {
                        ctx.trip(
                            "timeline.family",
                            vec![path, app_path("part_a2.members")],
                            format!(
                                "{} names the applicant's {} {:?}, who is not in Part A.II: list every spouse and child, or link the person to their family id",
                                describe(e),
                                rel.as_str(),
                                p.name.as_deref().unwrap_or("")
                            ),
                        );
                    }
                }
                Some(PersonRelation::Sibling) => {
                    let Some(first) = first else { continue };
                    let Some(siblings) = siblings else {
                        ctx.cannot_tell(
                            "timeline.family",
                            vec![app_path("part_a3.siblings")],
                            "A.III.5's siblings are not given yet",
                        );
                        continue;
                    };
                    let listed = siblings.iter().any(|s| {
                        s.name
                            .as_deref()
                            .is_some_and(|n| norm(n).split(' ').any(|w| w == first))
                    });
                    if !listed {
                        ctx.trip(
                            "timeline.family",
                            vec![path, app_path("part_a3.siblings")],
                            format!(
                                "{} names the applicant's sibling {:?}, who is not among A.III.5's siblings",
                                describe(e),
                                p.name.as_deref().unwrap_or("")
                            ),
                        );
                    }
                }
                _ => {}
            }
        }
    }
}

/// B.2: "Have you or your family members ever been accused, charged,
/// arrested, detained, interrogated, convicted and sentenced, or imprisoned
/// in any country other than the United States?"
fn detention(ctx: &mut Ctx) {
    let us = Country::parse("US");
    let held: Vec<(usize, &Event)> = events(ctx)
        .iter()
        .enumerate()
        .filter(|(_, e)| {
            e.kind == Some(EventKind::Detention)
                && e.place.as_ref().and_then(|p| p.country) != us
                && {
                    let people = e.people.as_deref().unwrap_or(&[]);
                    people.is_empty()
                        || people
                            .iter()
                            .any(|p| p.relation != Some(PersonRelation::NotFamily))
                }
        })
        .collect();
    match ctx.b().q2.as_ref().and_then(|q| q.answer) {
        Some(YesNo::No) => {
            for (i, e) in held {
                ctx.trip(
                    "timeline.detention",
                    vec![app_path("part_b.q2.answer"), event_path(i)],
                    format!(
                        "B.2 says no one was arrested, detained or charged outside the United States, but the timeline has {}",
                        describe(e)
                    ),
                );
            }
        }
        None if !held.is_empty() => ctx.cannot_tell(
            "timeline.detention",
            vec![app_path("part_b.q2.answer")],
            "B.2 is not answered yet, and the timeline has a detention",
        ),
        _ => {}
    }
}
