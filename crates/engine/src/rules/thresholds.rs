//! Asylum: who may apply, and when (`spec/rules.md` § 1).

use jiff::civil::Date;

use super::deadlines::filing_date;
use super::{Eval, Ix, words_list, yn};
use crate::calendar::days_between;
use crate::defs;
use crate::facts::{Arrival, Border, Country, Location, Manner, TransitProtection};
use crate::law::P;
use crate::logic::{Fact, Need, Needs, V};
use crate::output::Outcome;

/// The indexes of the threshold findings.
pub struct Thresholds {
    pub presence: Ix,
    pub one_year: Ix,
    pub exception: Ix,
    pub safe_third_country: Ix,
    pub previous_denial: Ix,
    pub lawful_pathways: Ix,
}

pub fn run(ev: &mut Eval) -> Thresholds {
    let presence = presence(ev);
    let one_year = one_year_rule(ev);
    let exception = one_year_exception(ev, one_year);
    let safe_third_country = safe_third_country(ev);
    let previous_denial = previous_denial(ev);
    let lawful_pathways = lawful_pathways(ev);
    Thresholds {
        presence,
        one_year,
        exception,
        safe_third_country,
        previous_denial,
        lawful_pathways,
    }
}

/// > INA § 208(a)(1): Any alien who is physically present in the United States or
/// > who arrives in the United States ... may apply for asylum.
fn presence(ev: &mut Eval) -> Ix {
    let loc = ev.case.facts.applicant().location;
    let v = V::test(loc, Fact::Applicant(field!("applicant.location")), |l| {
        l != Location::OutsideUs
    });
    let because = explain!(
        ev,
        match loc {
            Some(Location::InUs) => "The applicant is in the United States.".to_string(),
            Some(Location::PortOfEntry) =>
                "The applicant is arriving at a port of entry.".to_string(),
            Some(Location::OutsideUs) => {
                "The applicant is outside the United States: asylum is asked for from within it or at its border; refugee status (INA § 207) from abroad.".to_string()
            }
            None => "Where the applicant is now is not known.".to_string(),
        }
    );
    ev.record(&defs::PRESENCE, None, v, because, &[])
}

fn one_year_rule(ev: &mut Eval) -> Ix {
    let case = ev.case;
    let uac = case.facts.applicant().unaccompanied_child;
    if uac == Some(true) {
        return ev.push(
            &defs::ONE_YEAR,
            None,
            Outcome::NotApplicable,
            explain!(
                ev,
                "The applicant is an unaccompanied child, to whom the one-year deadline does not apply (INA § 208(a)(2)(E))."
            ),
            &[],
            Needs::None,
        );
    }
    let Some(oy) = &ev.one_year else {
        let need = Need::fact(Fact::Arrival(0, field!("date")));
        return ev.record(
            &defs::ONE_YEAR,
            None,
            V::unknown(need),
            explain!(
                ev,
                "No arrival date is known, so the one-year deadline cannot be computed."
            ),
            &[],
        );
    };
    let filing = filing_date(case, Some(oy.deadline));
    let on_time = filing.date <= oy.deadline;
    let v = if on_time {
        V::YES
    } else if uac.is_none() {
        // Late, unless the applicant is an unaccompanied child, who would be exempt.
        V::unknown(Need::fact(Fact::Applicant(field!(
            "applicant.unaccompanied_child"
        ))))
    } else {
        V::NO
    };
    let because = explain!(ev, {
        let mut because = format!("{}; {}", oy.because(ev.law), filing.because());
        if on_time {
            because += &format!(", on or before the deadline {}.", oy.deadline);
        } else {
            because += &format!(
                ", {} days after the deadline {}",
                days_between(oy.deadline, filing.date),
                oy.deadline
            );
            if uac.is_none() {
                because += "; but whether the applicant is an unaccompanied child, who would be exempt, is not known";
            }
            because.push('.');
        }
        because
    });
    ev.record(&defs::ONE_YEAR, None, v, because, &[])
}

/// > 8 C.F.R. § 208.4(a)(4)(ii), (a)(5): the applicant must file within a
/// > reasonable period given those circumstances.
fn one_year_exception(ev: &mut Eval, one_year: Ix) -> Ix {
    if ev.outcome(one_year) != Outcome::No {
        let because = explain!(
            ev,
            "The application is timely, or its timeliness is not yet known, so no exception is needed."
        );
        return ev.push(
            &defs::ONE_YEAR_EXCEPTION,
            None,
            Outcome::NotApplicable,
            because,
            &[one_year],
            Needs::None,
        );
    }
    let case = ev.case;
    let Some(exceptions) = case.facts.exceptions.as_deref() else {
        let because = explain!(
            ev,
            "The application is late, and whether any changed or extraordinary circumstance excuses it is not known."
        );
        return ev.record(
            &defs::ONE_YEAR_EXCEPTION,
            None,
            V::unknown(Need::fact(Fact::Exceptions)),
            because,
            &[one_year],
        );
    };
    if exceptions.is_empty() {
        let because = explain!(
            ev,
            "The application is late and no changed or extraordinary circumstance is offered to excuse it."
        );
        return ev.record(&defs::ONE_YEAR_EXCEPTION, None, V::NO, because, &[one_year]);
    }
    let filing = filing_date(case, None).date;
    let short = ev.law.num(P::ExceptionPresumedReasonableDays, filing);
    let long = ev.law.num(P::ExceptionUnreasonableAfterDays, filing);
    let mut v = V::NO;
    let mut parts = Vec::new();
    for (i, e) in exceptions.iter().enumerate() {
        // `spec/facts.md`: an exception needs `began`.
        let dated = V::test(e.began, Fact::Exception(i, field!("began")), |_| true);
        // (A changed circumstance's start is its `began`, and says so itself.)
        let undated_note = if e.began.is_none() && !e.kind.is_some_and(|k| k.is_changed()) {
            "; when it began is not given, which an exception needs"
        } else {
            ""
        };
        let Some(kind) = e.kind else {
            let (entry, judged) = match e.reasonable_delay {
                Some(true) => (V::YES, "the delay is judged reasonable"),
                Some(false) => (V::NO, "the delay is judged unreasonable"),
                None => (
                    V::unknown(Need::fact(Fact::Exception(i, field!("kind")))),
                    "its kind is not known",
                ),
            };
            if ev.explain {
                parts.push(format!("exception {i}: {judged}{undated_note}"));
            }
            v = v.or(entry.and(dated));
            continue;
        };
        // The period starts when a changed circumstance arose, or when an
        // extraordinary one ended (or at filing, if it has not ended).
        let start: Option<Date> = if kind.is_changed() {
            e.began
        } else {
            Some(e.ended.unwrap_or(filing))
        };
        let delay = start.map(|s| days_between(s, filing).max(0));
        // The practitioner's judgment, when given, decides; otherwise the day
        // counts do, and between them the judgment is asked for.
        let entry = match (e.reasonable_delay, delay) {
            (Some(judged), _) => V::known(judged),
            (None, Some(d)) if d <= short => V::YES,
            (None, Some(d)) if d > long => V::NO,
            (None, None) => V::unknown(Need::fact(Fact::Exception(i, field!("began")))).or(
                V::unknown(Need::fact(Fact::Exception(i, field!("reasonable_delay")))),
            ),
            (None, Some(_)) => {
                V::unknown(Need::fact(Fact::Exception(i, field!("reasonable_delay"))))
            }
        };
        if ev.explain {
            let start_text = match (kind.is_changed(), e.began, e.ended) {
                (true, Some(d), _) => format!("began {d}"),
                (true, None, _) => "began on an unknown date, which an exception needs".to_string(),
                (false, _, Some(d)) => format!("ended {d}"),
                (false, _, None) => "continued up to filing".to_string(),
            };
            let judged = match (e.reasonable_delay, delay) {
                (Some(true), _) => "the delay is judged reasonable".to_string(),
                (Some(false), _) => "the delay is judged unreasonable".to_string(),
                (None, Some(d)) if d <= short => {
                    format!("filed {d} days after, within {short} days, a reasonable period")
                }
                (None, Some(d)) if d > long => {
                    format!("filed {d} days after, more than {long} days, not a reasonable period")
                }
                (None, Some(d)) => format!(
                    "filed {d} days after: whether that is a reasonable period needs a judgment"
                ),
                (None, None) => "when it began is not known".to_string(),
            };
            parts.push(format!(
                "{} ({start_text}): {judged}{undated_note}",
                kind.words()
            ));
        }
        v = v.or(entry.and(dated));
    }
    let because = explain!(
        ev,
        format!("The application is late. Offered: {}.", parts.join("; "))
    );
    ev.record(&defs::ONE_YEAR_EXCEPTION, None, v, because, &[one_year])
}

/// > INA § 208(a)(2)(A): [no asylum for] an alien [who] may be removed, pursuant to
/// > a bilateral or multilateral agreement, to a country ... in which the alien's
/// > life or freedom would not be threatened ...
fn safe_third_country(ev: &mut Eval) -> Ix {
    let case = ev.case;
    let Some((i, arrival, date)) = case.last_arrival() else {
        let because = explain!(
            ev,
            "No arrival date is known, so whether the last arrival was from Canada under the Agreement is not known."
        );
        return ev.record(
            &defs::SAFE_THIRD_COUNTRY,
            None,
            V::unknown(Need::fact(Fact::Arrival(0, field!("date")))),
            because,
            &[],
        );
    };
    let law = ev.law;
    let stca_from = law.date(P::StcaEffective, date);
    let protocol_from = law.date(P::StcaAdditionalProtocol, date);
    let northern = V::test(arrival.border, Fact::Arrival(i, field!("border")), |b| {
        b == Border::NorthernLand
    });
    let from_ca = V::test(
        arrival.from_country,
        Fact::Arrival(i, field!("from_country")),
        |c| c.as_str() == "CA",
    );
    let in_force = V::known(date >= stca_from);
    let not_uac = V::fact(
        case.facts.applicant().unaccompanied_child,
        Fact::Applicant(field!("applicant.unaccompanied_child")),
    )
    .negate();
    let no_exception = V::fact(
        arrival.stca_exception,
        Fact::Arrival(i, field!("stca_exception")),
    )
    .negate();
    let at_port = V::test(arrival.manner, Fact::Arrival(i, field!("manner")), |m| {
        m != Manner::WithoutInspection
    });
    // Between ports, the Additional Protocol (from 2023-03-25) reaches crossings found within 14 days.
    let reached = at_port.or(V::known(date >= protocol_from));
    let v = V::all([northern, from_ca, in_force, not_uac, no_exception, reached]);
    let because = explain!(
        ev,
        format!(
            "Last arrival {date}: border {}, from {}, manner {}; the Agreement applies at land ports from {stca_from} and between ports from {protocol_from} (crossings found within 14 days: not modelled, assumed); unaccompanied child: {}; an exception of the Agreement applies: {}.",
            arrival.border.map_or("unknown".into(), |b| b.words()),
            arrival
                .from_country
                .map_or("an unknown country".into(), |c| c.to_string()),
            arrival.manner.map_or("unknown".into(), |m| m.words()),
            yn(case.facts.applicant().unaccompanied_child),
            yn(arrival.stca_exception),
        )
    );
    ev.record(&defs::SAFE_THIRD_COUNTRY, None, v, because, &[])
}

/// > INA § 208(a)(2)(C): [no asylum if] the alien has previously applied for asylum
/// > and had such application denied, [unless (D): changed circumstances].
fn previous_denial(ev: &mut Eval) -> Ix {
    let facts = &ev.case.facts;
    let denied = facts.application().previously_denied;
    let changed = match facts.exceptions.as_deref() {
        None => V::unknown(Need::fact(Fact::Exceptions)),
        Some(list) => V::any(list.iter().enumerate().map(|(i, e)| {
            V::test(e.kind, Fact::Exception(i, field!("kind")), |k| {
                k.is_changed()
            })
        })),
    };
    let changed_t = changed.t;
    let v = V::fact(
        denied,
        Fact::Application(field!("application.previously_denied")),
    )
    .and(changed.negate());
    let because = explain!(
        ev,
        match denied {
            Some(false) => "No earlier asylum application was denied.".to_string(),
            None => "Whether an earlier asylum application was denied is not known.".to_string(),
            Some(true) => match changed_t {
                crate::logic::Tri::Yes => {
                    "An earlier application was denied, but changed circumstances are offered, which may allow a new one (INA § 208(a)(2)(D)).".to_string()
                }
                crate::logic::Tri::No => {
                    "An earlier application was denied by an immigration judge or the Board, and no changed circumstance is offered.".to_string()
                }
                crate::logic::Tri::Unknown => {
                    "An earlier application was denied; whether changed circumstances are offered is not known.".to_string()
                }
            },
        }
    );
    ev.record(&defs::PREVIOUS_DENIAL, None, v, because, &[])
}

/// > 8 C.F.R. § 208.33(a)(1): a noncitizen who enters the United States across the
/// > southwest land border ... between May 11, 2023, and May 11, 2025, after
/// > traveling through a country other than the noncitizen's country of citizenship,
/// > nationality, or ... last habitual residence ... shall be ineligible for asylum,
/// > unless [an exception applies or the presumption is rebutted].
fn lawful_pathways(ev: &mut Eval) -> Ix {
    let case = ev.case;
    let law = ev.law;
    let Some(arrivals) = case.facts.arrivals.as_deref() else {
        let because = explain!(
            ev,
            "No arrival is known, so whether an entry fell under the rule (May 11, 2023 to May 11, 2025) is not known."
        );
        return ev.record(
            &defs::LAWFUL_PATHWAYS,
            None,
            V::unknown(Need::fact(Fact::Arrival(0, field!("date")))),
            because,
            &[],
        );
    };
    let applicant = case.facts.applicant();
    let mut v = V::NO;
    let mut notes = Vec::new();
    for (i, a) in arrivals.iter().enumerate() {
        let on = a.date.unwrap_or(case.as_of);
        let (start, end) = (
            law.date(P::LawfulPathwaysStart, on),
            law.date(P::LawfulPathwaysEnd, on),
        );
        let in_window = V::test(a.date, Fact::Arrival(i, field!("date")), |d| {
            start <= d && d <= end
        });
        let southwest = V::test(a.border, Fact::Arrival(i, field!("border")), |b| {
            b == Border::SouthwestLand
        });
        let manner = V::test(a.manner, Fact::Arrival(i, field!("manner")), |m| {
            matches!(
                m,
                Manner::WithoutInspection | Manner::PresentedWithoutDocuments
            )
        });
        let covered = V::all([
            in_window,
            southwest,
            manner,
            third_country_transit(ev, i, a),
        ]);
        if covered.is_no() {
            continue;
        }
        let excepted = V::any([
            V::fact(
                applicant.unaccompanied_child,
                Fact::Applicant(field!("applicant.unaccompanied_child")),
            ),
            V::fact(
                a.cbp_one_appointment,
                Fact::Arrival(i, field!("cbp_one_appointment")),
            ),
            V::test(
                a.protection_sought_in_transit,
                Fact::Arrival(i, field!("protection_sought_in_transit")),
                |p| p == TransitProtection::Denied,
            ),
            V::fact(
                a.compelling_circumstances,
                Fact::Arrival(i, field!("compelling_circumstances")),
            ),
        ]);
        if ev.explain {
            notes.push(describe_arrival(i, a, &covered, &excepted));
        }
        v = v.or(covered.and(excepted.negate()));
    }
    let because = explain!(ev, {
        let window = format!(
            "{} to {}",
            law.date(P::LawfulPathwaysStart, case.as_of),
            law.date(P::LawfulPathwaysEnd, case.as_of)
        );
        if notes.is_empty() {
            format!(
                "No arrival across the southwest land border between ports or without documents, after transit through a third country, in the rule's window ({window})."
            )
        } else {
            format!(
                "The rule covers such entries from {window}. {}",
                notes.join(" ")
            )
        }
    });
    ev.record(&defs::LAWFUL_PATHWAYS, None, v, because, &[])
}

/// Whether the arrival followed transit through a country that is not one of
/// nationality (for a stateless person: not the country of habitual residence).
fn third_country_transit(ev: &Eval, i: usize, a: &Arrival) -> V {
    let applicant = ev.case.facts.applicant();
    let Some(transit) = a.transit_countries.as_deref() else {
        return V::unknown(Need::fact(Fact::Arrival(i, field!("transit_countries"))));
    };
    if transit.is_empty() {
        return V::NO;
    }
    let Some(nationality) = applicant.nationality.as_deref() else {
        return V::unknown(Need::fact(Fact::Applicant(field!("applicant.nationality"))));
    };
    let own = |c: &Country| -> V {
        if nationality.is_empty() {
            V::test(
                applicant.habitual_residence,
                Fact::Applicant(field!("applicant.habitual_residence")),
                |h| h == *c,
            )
        } else {
            V::known(nationality.contains(c))
        }
    };
    V::any(transit.iter().map(|c| own(c).negate()))
}

fn describe_arrival(i: usize, a: &Arrival, covered: &V, excepted: &V) -> String {
    let mut exceptions = Vec::new();
    if a.cbp_one_appointment == Some(true) {
        exceptions.push("presented at a pre-scheduled appointment (CBP One)".to_string());
    }
    if a.protection_sought_in_transit == Some(TransitProtection::Denied) {
        exceptions.push("sought protection in a transit country and was denied".to_string());
    }
    if a.compelling_circumstances == Some(true) {
        exceptions.push("exceptionally compelling circumstances at entry".to_string());
    }
    let date = a
        .date
        .map_or("on an unknown date".to_string(), |d| d.to_string());
    let transit = a
        .transit_countries
        .as_deref()
        .map_or("unknown countries".to_string(), |t| {
            words_list(&t.iter().map(|c| c.to_string()).collect::<Vec<_>>())
        });
    let head = format!("Arrival {i} ({date}, through {transit})");
    match (covered.t, excepted.t) {
        (_, crate::logic::Tri::Yes) if !exceptions.is_empty() => {
            format!("{head}: an exception applies: {}.", exceptions.join("; "))
        }
        (_, crate::logic::Tri::Yes) => {
            format!("{head}: an exception applies (unaccompanied child).")
        }
        (crate::logic::Tri::Yes, crate::logic::Tri::No) => format!(
            "{head} falls under the rule and no exception applies (no CBP One appointment, protection not sought and denied in transit, no compelling circumstances)."
        ),
        _ => format!("{head} may fall under the rule; what would settle it is asked."),
    }
}
