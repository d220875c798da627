//! The cross-checks of structured data: an answer on the form against the
//! facts (or another answer) that says otherwise. An adjudicator may base a
//! credibility finding on any inconsistency, "without regard to whether [it]
//! goes to the heart of the applicant's claim" (INA § 208(b)(1)(B)(iii)).
//!
//! Each check says `cannot_tell` when what would decide it is missing, and
//! passes when nothing in the data contradicts the answer.
//!
//! The checks over the timeline (places, family, detention in the story) are
//! in `timeline.rs`.
//!
//! NOT MODELLED: the words of the documents. A document's name and date of
//! birth are compared only as the practitioner records them on its evidence
//! entry (`name_shown`, `birth_date_shown`); membership dates and roles
//! (member or leader) are not held, so B.3's explanation is not compared with
//! the membership evidence, only its yes or no.

use jiff::civil::Date;
use refuge_engine::facts::{Ground, HarmKind, Relation, TortureLikelihood, When as HarmWhen};

use super::{Ctx, app_path};
use crate::document::{Basis, Court, EvidenceStatus, MaritalStatus, Until, YesNo};

pub(super) fn run(ctx: &mut Ctx) {
    departure(ctx);
    order(ctx);
    transit(ctx);
    returned(ctx);
    marital(ctx);
    detention(ctx);
    proceedings(ctx);
    grounds(ctx);
    torture(ctx);
    name(ctx);
    membership(ctx);
    identity(ctx);
}

fn departure(ctx: &mut Ctx) {
    let Some((i, _, arrived)) = ctx.doc.case().last_arrival() else {
        ctx.cannot_tell(
            "consistency.departure",
            vec!["facts.arrivals".into()],
            "no arrival has a date yet",
        );
        return;
    };
    let arrival = format!("facts.arrivals[{i}].date");
    let mut decided = false;
    if let Some(left) = ctx.a1().left_country_on.and_then(|d| d.date()) {
        decided = true;
        if left > arrived {
            ctx.trip(
                "consistency.departure",
                vec![app_path("part_a1.left_country_on"), arrival.clone()],
                format!("A.I.19.a says the applicant last left their country on {left}, after the last arrival in the United States ({arrived})"),
            );
        }
    }
    if let Some(p) = &ctx.a3().last_address_abroad
        && let Some(to) = p.to
    {
        decided = true;
        match to {
            Until::Day(d) if (d.first - arrived).get_days() > 30 => ctx.trip(
                "consistency.departure",
                vec![app_path("part_a3.last_address_abroad.to"), arrival],
                format!("A.III.1's last address abroad runs to {d}, after the last arrival ({arrived})"),
            ),
            Until::Present => ctx.trip(
                "consistency.departure",
                vec![app_path("part_a3.last_address_abroad.to")],
                "A.III.1's last address abroad runs to the present: it is the address before coming to the United States, and ends then",
            ),
            _ => {}
        }
    }
    if !decided {
        ctx.cannot_tell(
            "consistency.departure",
            vec![
                app_path("part_a1.left_country_on"),
                app_path("part_a3.last_address_abroad.to"),
            ],
            "neither the last departure (A.I.19.a) nor the end of the last address abroad is given yet",
        );
    }
}

fn order(ctx: &mut Ctx) {
    let f = ctx.facts();
    let mut before: Vec<(String, Date, String)> = Vec::new();
    let birth = f.applicant().birth_date;
    if let Some(b) = birth {
        let mut early = |path: String, d: Date, what: &str| {
            if d < b {
                before.push((
                    path,
                    d,
                    format!("{what} ({d}) is before the applicant's birth ({b})"),
                ));
            }
        };
        for (i, a) in f.arrivals().iter().enumerate() {
            if let Some(d) = a.date {
                early(format!("facts.arrivals[{i}].date"), d, "an arrival");
            }
        }
        for (i, h) in f.harms().iter().enumerate() {
            if h.when == Some(HarmWhen::Past)
                && let Some(d) = h.date
            {
                early(format!("facts.harms[{i}].date"), d, "a past harm");
            }
        }
        if let Some(d) = ctx.a1().left_country_on.and_then(|d| d.date()) {
            early(app_path("part_a1.left_country_on"), d, "the last departure");
        }
        let a3 = ctx.a3();
        let mut rows: Vec<(String, Date)> = Vec::new();
        for (name, list) in [("addresses", &a3.addresses)] {
            for (i, p) in list.as_deref().unwrap_or(&[]).iter().enumerate() {
                if let Some(from) = p.from {
                    rows.push((
                        app_path(format_args!("part_a3.{name}[{i}].from")),
                        from.last,
                    ));
                }
            }
        }
        for (i, s) in a3.education.as_deref().unwrap_or(&[]).iter().enumerate() {
            if let Some(from) = s.from {
                rows.push((
                    app_path(format_args!("part_a3.education[{i}].from")),
                    from.last,
                ));
            }
        }
        for (i, j) in a3.employment.as_deref().unwrap_or(&[]).iter().enumerate() {
            if let Some(from) = j.from {
                rows.push((
                    app_path(format_args!("part_a3.employment[{i}].from")),
                    from.last,
                ));
            }
        }
        for (path, d) in rows {
            early(path, d, "a row of A.III that starts");
        }
        for (i, m) in f.family().iter().enumerate() {
            if m.relation == Some(Relation::Spouse)
                && let Some(d) = m.relationship_began
            {
                early(
                    format!("facts.family[{i}].relationship_began"),
                    d,
                    "the marriage",
                );
            }
            if m.relation == Some(Relation::Child)
                && let Some(d) = m.birth_date
            {
                early(
                    format!("facts.family[{i}].birth_date"),
                    d,
                    "a child's birth",
                );
            }
        }
    }
    for (i, m) in f.family().iter().enumerate() {
        if let (Some(Relation::Spouse), Some(married), Some(born)) =
            (m.relation, m.relationship_began, m.birth_date)
            && married < born
        {
            before.push((
                format!("facts.family[{i}].relationship_began"),
                married,
                format!("the marriage ({married}) is before the spouse's birth ({born})"),
            ));
        }
    }
    if birth.is_none() && before.is_empty() {
        ctx.cannot_tell(
            "consistency.order",
            vec!["facts.applicant.birth_date".into()],
            "the applicant's birth date is not given yet",
        );
    }
    for (path, _, message) in before {
        ctx.trip("consistency.order", vec![path], message);
    }
}

fn transit(ctx: &mut Ctx) {
    let home = ctx.home();
    let mut signs: Vec<(String, String)> = Vec::new();
    let mut known = false;
    for (i, a) in ctx.facts().arrivals().iter().enumerate() {
        if let Some(list) = &a.transit_countries {
            known = true;
            let third: Vec<&str> = list
                .iter()
                .filter(|c| !home.contains(c))
                .map(|c| c.as_str())
                .collect();
            if !third.is_empty() {
                signs.push((
                    format!("facts.arrivals[{i}].transit_countries"),
                    format!(
                        "the arrival facts.arrivals[{i}] passed through {}",
                        third.join(", ")
                    ),
                ));
            }
        }
        if let Some(c) = a.from_country
            && !home.is_empty()
        {
            known = true;
            if !home.contains(&c) {
                signs.push((
                    format!("facts.arrivals[{i}].from_country"),
                    format!("the arrival facts.arrivals[{i}] came from {c}, not a country of nationality"),
                ));
            }
        }
    }
    if let Some(c) = ctx
        .a3()
        .last_address_abroad
        .as_ref()
        .and_then(|p| p.country)
        && !home.is_empty()
    {
        known = true;
        if !home.contains(&c) {
            signs.push((
                app_path("part_a3.last_address_abroad.country"),
                format!("the last address before the United States (A.III.1) is in {c}"),
            ));
        }
    }
    let answer = ctx.c().q2a.as_ref().and_then(|q| q.answer);
    match answer {
        Some(YesNo::No) if !signs.is_empty() => {
            for (path, why) in signs {
                ctx.trip(
                    "consistency.transit",
                    vec![app_path("part_c.q2a.answer"), path],
                    format!(
                        "C.2.A says no travel through or residence in another country, but {why}"
                    ),
                );
            }
        }
        None if !signs.is_empty() => ctx.cannot_tell(
            "consistency.transit",
            vec![app_path("part_c.q2a.answer")],
            "C.2.A is not answered yet, and the facts show travel through a third country",
        ),
        _ if !known && answer.is_none() => ctx.cannot_tell(
            "consistency.transit",
            vec![app_path("part_c.q2a.answer"), "facts.arrivals".into()],
            "neither C.2.A nor the route (transit countries, country of departure) is given yet",
        ),
        _ => {}
    }
}

fn returned(ctx: &mut Ctx) {
    let home = ctx.home();
    let mut signs: Vec<(String, String)> = Vec::new();
    let f = ctx.facts();
    let first = f.arrivals().iter().filter_map(|a| a.date).min();
    // A later arrival from home: the applicant went back after first coming.
    for (i, a) in f.arrivals().iter().enumerate() {
        if let (Some(d), Some(c), Some(first)) = (a.date, a.from_country, first)
            && d > first
            && home.contains(&c)
        {
            signs.push((
                format!("facts.arrivals[{i}]"),
                format!(
                    "the applicant arrived from {c} on {d}, after an earlier arrival on {first}"
                ),
            ));
        }
    }
    // A residence at home that starts after a residence elsewhere had begun.
    let rows = ctx.a3().addresses.as_deref().unwrap_or(&[]);
    if !home.is_empty() {
        let abroad_from = rows
            .iter()
            .filter(|p| p.country.is_some_and(|c| !home.contains(&c)))
            .filter_map(|p| p.from.map(|f| f.last))
            .min();
        for (i, p) in rows.iter().enumerate() {
            if let (Some(c), Some(from), Some(away)) = (p.country, p.from, abroad_from)
                && home.contains(&c)
                && from.first > away
            {
                signs.push((
                    app_path(format_args!("part_a3.addresses[{i}]")),
                    format!("the address history shows the applicant living in {c} again from {from}, after living elsewhere"),
                ));
            }
        }
    }
    let answer = ctx.c().q4.as_ref().and_then(|q| q.answer);
    match answer {
        Some(YesNo::No) => {
            for (path, why) in signs {
                ctx.trip(
                    "consistency.return",
                    vec![app_path("part_c.q4.answer"), path],
                    format!("C.4 says the applicant never returned, but {why}"),
                );
            }
        }
        None => ctx.cannot_tell(
            "consistency.return",
            vec![app_path("part_c.q4.answer")],
            "C.4 is not answered yet",
        ),
        Some(YesNo::Yes) => {}
    }
}

fn marital(ctx: &mut Ctx) {
    let family = ctx.facts().family.as_deref();
    let status = ctx.a1().marital_status;
    match (status, family) {
        (Some(s), Some(family)) => {
            let spouse = family
                .iter()
                .position(|m| m.relation == Some(Relation::Spouse));
            match (s, spouse) {
                (MaritalStatus::Married, None) => ctx.trip(
                    "consistency.marital_status",
                    vec![app_path("part_a1.marital_status"), "facts.family".into()],
                    "A.I.11 says married, but the facts list no spouse: add the spouse (A.II), wherever they are",
                ),
                (s, Some(k)) if s != MaritalStatus::Married => ctx.trip(
                    "consistency.marital_status",
                    vec![app_path("part_a1.marital_status"), format!("facts.family[{k}]")],
                    format!("A.I.11 says {}, but the facts list a spouse", s.as_str()),
                ),
                _ => {}
            }
        }
        _ => ctx.cannot_tell(
            "consistency.marital_status",
            vec![app_path("part_a1.marital_status"), "facts.family".into()],
            "the marital status (A.I.11) or the facts' family list is not given yet",
        ),
    }
    for (i, m) in ctx
        .a2()
        .members
        .as_deref()
        .unwrap_or(&[])
        .iter()
        .enumerate()
    {
        let Some((k, fm)) = m.family.as_deref().and_then(|id| ctx.member(id)) else {
            continue;
        };
        if fm.relation != Some(Relation::Child) {
            continue;
        }
        if let (Some(s), Some(married)) = (m.marital_status, fm.married)
            && (s == MaritalStatus::Married) != married
        {
            ctx.trip(
                "consistency.marital_status",
                vec![
                    app_path(format_args!("part_a2.members[{i}].marital_status")),
                    format!("facts.family[{k}].married"),
                ],
                format!(
                    "A.II gives the child {:?} as {}, but the facts say {}married",
                    m.family.as_deref().unwrap_or(""),
                    s.as_str(),
                    if married { "" } else { "not " }
                ),
            );
        }
    }
}

fn detention(ctx: &mut Ctx) {
    let harms = ctx.facts().harms.as_deref();
    let held: Vec<usize> = harms
        .unwrap_or(&[])
        .iter()
        .enumerate()
        .filter(|(_, h)| {
            h.when == Some(HarmWhen::Past)
                && (matches!(h.kind, Some(HarmKind::Detention | HarmKind::Prosecution))
                    || h.detention_days.is_some_and(|d| d > 0))
        })
        .map(|(i, _)| i)
        .collect();
    let answer = ctx.b().q2.as_ref().and_then(|q| q.answer);
    match answer {
        Some(YesNo::No) => {
            for i in held {
                ctx.trip(
                    "consistency.detention",
                    vec![app_path("part_b.q2.answer"), format!("facts.harms[{i}]")],
                    format!("B.2 says no one was arrested, detained or charged, but the facts record it (facts.harms[{i}])"),
                );
            }
        }
        None if !held.is_empty() || harms.is_none() => ctx.cannot_tell(
            "consistency.detention",
            vec![app_path("part_b.q2.answer")],
            "B.2 is not answered yet",
        ),
        _ => {}
    }
}

fn proceedings(ctx: &mut Ctx) {
    let f = ctx.facts();
    let court = ctx.a1().court;
    let in_court = f.removal().in_proceedings.or(match f.application().forum {
        Some(refuge_engine::facts::Forum::Defensive) => Some(true),
        _ => None,
    });
    match (court, in_court) {
        (Some(c), Some(now)) => {
            if now && c != Court::Now {
                ctx.trip(
                    "consistency.proceedings",
                    vec![app_path("part_a1.court"), "facts.removal.in_proceedings".into()],
                    "A.I.18 does not say \"now in proceedings\", but the facts say the applicant is in removal proceedings (the application is then filed with the immigration court)",
                );
            } else if !now && c == Court::Now {
                ctx.trip(
                    "consistency.proceedings",
                    vec![
                        app_path("part_a1.court"),
                        "facts.removal.in_proceedings".into(),
                    ],
                    "A.I.18 says \"now in proceedings\", but the facts say the applicant is not",
                );
            }
        }
        _ => ctx.cannot_tell(
            "consistency.proceedings",
            vec![
                app_path("part_a1.court"),
                "facts.removal.in_proceedings".into(),
            ],
            "A.I.18 or whether the applicant is in removal proceedings is not given yet",
        ),
    }
    let earlier = f.application().previously_denied == Some(true)
        || f.removal().frivolous_finding == Some(true);
    match ctx.c().q1.as_ref().and_then(|q| q.answer) {
        Some(YesNo::No) if earlier => ctx.trip(
            "consistency.proceedings",
            vec![
                app_path("part_c.q1.answer"),
                "facts.application.previously_denied".into(),
            ],
            "C.1 says no one applied before, but the facts record an earlier asylum application",
        ),
        None if earlier => ctx.cannot_tell(
            "consistency.proceedings",
            vec![app_path("part_c.q1.answer")],
            "C.1 is not answered yet, and the facts record an earlier application",
        ),
        _ => {}
    }
}

fn basis(g: Ground) -> Basis {
    match g {
        Ground::Race => Basis::Race,
        Ground::Religion => Basis::Religion,
        Ground::Nationality => Basis::Nationality,
        Ground::ParticularSocialGroup => Basis::ParticularSocialGroup,
        // INA § 101(a)(42): persecution for resistance to coercive population
        // control is deemed persecution on account of political opinion.
        Ground::PoliticalOpinion | Ground::CoercivePopulationControl => Basis::PoliticalOpinion,
    }
}

fn grounds(ctx: &mut Ctx) {
    let Some(ticked) = ctx.b().grounds.as_deref() else {
        ctx.cannot_tell(
            "consistency.grounds",
            vec![app_path("part_b.grounds")],
            "B.1's boxes are not answered yet",
        );
        return;
    };
    let mut missing: Vec<(Basis, String)> = Vec::new();
    for (i, h) in ctx.facts().harms().iter().enumerate() {
        for (j, g) in h.grounds.as_deref().unwrap_or(&[]).iter().enumerate() {
            if let Some(g) = g.ground {
                let b = basis(g);
                if !ticked.contains(&b) && !missing.iter().any(|(m, _)| *m == b) {
                    missing.push((b, format!("facts.harms[{i}].grounds[{j}].ground")));
                }
            }
        }
    }
    for (b, path) in missing {
        ctx.trip(
            "consistency.grounds",
            vec![app_path("part_b.grounds"), path],
            format!(
                "the facts claim harm on account of {}, but B.1 does not tick it",
                b.as_str().replace('_', " ")
            ),
        );
    }
}

fn torture(ctx: &mut Ctx) {
    let b4 = ctx.b().q4.as_ref().and_then(|q| q.answer);
    let also_cat = ctx.a1().also_cat;
    let box_ticked = ctx
        .b()
        .grounds
        .as_deref()
        .map(|g| g.contains(&Basis::TortureConvention));
    let feared = ctx.facts().torture().likelihood.map(|l| {
        matches!(
            l,
            TortureLikelihood::MoreLikelyThanNot | TortureLikelihood::Possible
        )
    });
    if b4.is_none() {
        ctx.cannot_tell(
            "consistency.torture",
            vec![app_path("part_b.q4.answer")],
            "B.4 is not answered yet",
        );
        return;
    }
    let no = b4 == Some(YesNo::No);
    if also_cat == Some(true) && no {
        ctx.trip(
            "consistency.torture",
            vec![app_path("part_a1.also_cat"), app_path("part_b.q4.answer")],
            "the Convention Against Torture box on page 1 is ticked, but B.4 says the applicant does not fear torture",
        );
    }
    if feared == Some(true) && no {
        ctx.trip(
            "consistency.torture",
            vec![
                app_path("part_b.q4.answer"),
                "facts.torture.likelihood".into(),
            ],
            "the facts record a fear of torture, but B.4 says none",
        );
    }
    if also_cat == Some(true) && box_ticked == Some(false) {
        ctx.trip(
            "consistency.torture",
            vec![app_path("part_a1.also_cat"), app_path("part_b.grounds")],
            "the Convention Against Torture box on page 1 is ticked, but B.1's Torture Convention box is not",
        );
    }
}

fn name(ctx: &mut Ctx) {
    let a1 = ctx.a1();
    let printed = ctx.d().printed_name.as_deref();
    let (Some(printed), Some(last), Some(first)) =
        (printed, a1.last_name.as_deref(), a1.first_name.as_deref())
    else {
        ctx.cannot_tell(
            "consistency.name",
            vec![
                app_path("part_d.printed_name"),
                app_path("part_a1.last_name"),
                app_path("part_a1.first_name"),
            ],
            "the printed name (Part D) or the name of A.I.4 and A.I.5 is not given yet",
        );
        return;
    };
    let p = norm(printed);
    for (part, path) in [(last, "part_a1.last_name"), (first, "part_a1.first_name")] {
        if !p.contains(&norm(part)) {
            ctx.trip(
                "consistency.name",
                vec![app_path("part_d.printed_name"), app_path(path)],
                format!("the name printed in Part D ({printed:?}) does not contain {part:?}"),
            );
        }
    }
}

/// A name in lower case with single spaces, for comparison.
fn norm(s: &str) -> String {
    s.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// `name` holds `part` as whole words ("ana reyes martínez" holds "reyes martínez", not "rey").
fn has_words(name: &str, part: &str) -> bool {
    format!(" {name} ").contains(&format!(" {} ", norm(part)))
}

/// B.3.A (membership of an organization or group) against the evidence
/// checklist: membership evidence being gathered or in hand while B.3.A says
/// no is the inconsistency the research names (i589.md §4.2, row 9); and
/// B.3.B (still taking part) cannot be yes when B.3.A is no.
fn membership(ctx: &mut Ctx) {
    const ID: &str = "consistency.membership";
    let evidence = ctx.app().evidence.as_deref().unwrap_or(&[]);
    let held: Vec<(usize, EvidenceStatus)> = evidence
        .iter()
        .enumerate()
        .filter(|(_, e)| e.item.as_deref() == Some("membership_evidence"))
        .filter_map(|(i, e)| match e.status? {
            s @ (EvidenceStatus::Requested
            | EvidenceStatus::InHand
            | EvidenceStatus::Translated) => Some((i, s)),
            _ => None,
        })
        .collect();
    let answer = |q: Option<&crate::document::Question>| q.and_then(|q| q.answer);
    let b = ctx.b();
    let (a, still) = (answer(b.q3a.as_ref()), answer(b.q3b.as_ref()));
    match a {
        Some(YesNo::No) => {
            for (i, status) in held {
                ctx.trip(
                    ID,
                    vec![app_path("part_b.q3a.answer"), app_path(format!("evidence[{i}]"))],
                    format!(
                        "B.3.A says neither the applicant nor a family member ever belonged to an organization or group, but the evidence checklist has membership evidence {}",
                        match status {
                            EvidenceStatus::Requested => "requested",
                            _ => "in hand",
                        }
                    ),
                );
            }
            if still == Some(YesNo::Yes) {
                ctx.trip(
                    ID,
                    vec![app_path("part_b.q3a.answer"), app_path("part_b.q3b.answer")],
                    "B.3.B says the applicant or a family member still takes part in an organization or group, but B.3.A says none ever belonged to one",
                );
            }
        }
        None => ctx.cannot_tell(
            ID,
            vec![app_path("part_b.q3a.answer")],
            "B.3.A is not answered yet",
        ),
        _ => {}
    }
}

/// The name and date of birth a document shows (as recorded on its evidence
/// entry) against A.I.4–7 (or A.II's for a family member's document) and the
/// facts' date of birth. A date of birth must match exactly; a name must
/// contain the family and first names, or be one of the other names listed
/// (A.I.7: "include maiden name and aliases"); i589.md §4.2, row 7.
fn identity(ctx: &mut Ctx) {
    const ID: &str = "consistency.identity";
    let evidence = ctx.app().evidence.as_deref().unwrap_or(&[]);
    let mut decided = false;
    for (i, e) in evidence.iter().enumerate() {
        if e.name_shown.is_none() && e.birth_date_shown.is_none() {
            continue;
        }
        let entry = app_path(format!("evidence[{i}]"));
        let doc = e.item.as_deref().unwrap_or("document").replace('_', " ");
        // Whose document: the applicant's, or the family member's it names.
        let (birth, birth_path, names, names_path) = match e.family.as_deref() {
            None => {
                let a1 = ctx.a1();
                (
                    ctx.facts().applicant().birth_date,
                    "facts.applicant.birth_date".to_string(),
                    (
                        a1.last_name.as_deref(),
                        a1.first_name.as_deref(),
                        a1.other_names.as_deref(),
                    ),
                    app_path("part_a1"),
                )
            }
            Some(fid) => {
                let Some((k, m)) = ctx.member(fid) else {
                    continue;
                };
                let members = ctx.a2().members.as_deref().unwrap_or(&[]);
                let (row, names) = members
                    .iter()
                    .enumerate()
                    .find(|(_, x)| x.family.as_deref() == Some(fid))
                    .map(|(j, x)| {
                        (
                            j,
                            (
                                x.last_name.as_deref(),
                                x.first_name.as_deref(),
                                x.other_names.as_deref(),
                            ),
                        )
                    })
                    .unwrap_or((members.len(), (None, None, None)));
                (
                    m.birth_date,
                    format!("facts.family[{k}].birth_date"),
                    names,
                    app_path(format!("part_a2.members[{row}]")),
                )
            }
        };
        if let Some(shown) = e.birth_date_shown {
            match birth {
                Some(b) => {
                    decided = true;
                    if b != shown {
                        ctx.trip(
                            ID,
                            vec![format!("{entry}.birth_date_shown"), birth_path.clone()],
                            format!("the {doc} gives the date of birth {shown}, but the case gives {b}: a date of birth must match exactly"),
                        );
                    }
                }
                None => ctx.cannot_tell(
                    ID,
                    vec![birth_path.clone()],
                    "the date of birth is not given yet",
                ),
            }
        }
        if let Some(shown) = e.name_shown.as_deref() {
            let (Some(last), Some(first), other) = names else {
                ctx.cannot_tell(
                    ID,
                    vec![names_path],
                    format!(
                        "the family and first names to compare with the {doc}'s are not given yet"
                    ),
                );
                continue;
            };
            decided = true;
            let n = norm(shown);
            let listed = other
                .unwrap_or("")
                .split([',', ';', '/'])
                .any(|o| norm(o) == n && !n.is_empty());
            let same = listed || (has_words(&n, last) && has_words(&n, first));
            if !same {
                ctx.trip(
                    ID,
                    vec![format!("{entry}.name_shown"), format!("{names_path}.other_names")],
                    format!("the {doc} gives the name {shown:?}, which is not the name on the form ({first} {last}) nor among its other names: list it as another name used, or explain the difference"),
                );
            }
        }
    }
    if !decided && !ctx.issues_of(ID) {
        ctx.cannot_tell(
            ID,
            vec![app_path("evidence")],
            "no document's name or date of birth is recorded on the evidence checklist yet",
        );
    }
}
