//! Asylum: who may apply, and when (`spec/rules.md` § 1).

use jiff::civil::Date;

use super::deadlines::filing_date;
use super::{Eval, Ix, words_list, yn};
use crate::calendar::{age_on, days_between};
use crate::defs;
use crate::facts::{
    Arrival, Border, Country, Exception, ExceptionKind, Forum, Location, Manner, TransitProtection,
};
use crate::law::P;
use crate::logic::{Fact, Need, Tri, V};
use crate::output::Outcome;

/// The indexes of the threshold findings.
pub struct Thresholds {
    pub presence: Ix,
    pub one_year: Ix,
    pub exception: Ix,
    pub safe_third_country: Ix,
    pub previous_denial: Ix,
    pub reinstated_order: Ix,
    pub frivolous: Ix,
    pub lawful_pathways: Ix,
    /// `refugee.every_nationality`: read from the facts alone, so decided
    /// with the thresholds (and kept in the screening memo's key with them).
    pub every_nationality: Ix,
}

pub fn run(ev: &mut Eval) -> Thresholds {
    let presence = presence(ev);
    let one_year = one_year_rule(ev);
    let exception = one_year_exception(ev, one_year);
    let safe_third_country = safe_third_country(ev);
    let previous_denial = previous_denial(ev);
    let reinstated_order = reinstated_order(ev);
    let frivolous = frivolous(ev);
    let lawful_pathways = lawful_pathways(ev);
    let every_nationality = super::refugee::every_nationality(ev);
    Thresholds {
        presence,
        one_year,
        exception,
        safe_third_country,
        previous_denial,
        reinstated_order,
        frivolous,
        lawful_pathways,
        every_nationality,
    }
}

/// > INA § 208(a)(1): Any alien who is physically present in the United States or
/// > who arrives in the United States ... may apply for asylum.
fn presence(ev: &mut Eval) -> Ix {
    let loc = ev.case.facts().applicant().location;
    let present = V::test(loc, Fact::Applicant(field!("applicant.location")), |l| {
        l != Location::OutsideUs
    });
    ev.finding(&defs::PRESENCE)
        .decide(present)
        .because(|_, _| match loc {
            Some(Location::InUs) => "The applicant is in the United States.".to_string(),
            Some(Location::PortOfEntry) => {
                "The applicant is arriving at a port of entry.".to_string()
            }
            Some(Location::OutsideUs) => {
                "The applicant is outside the United States: asylum is asked for from within it or at its border; refugee status (INA § 207) from abroad.".to_string()
            }
            None => "Where the applicant is now is not known.".to_string(),
        })
}

/// > INA § 208(a)(2)(B): ... the alien demonstrates by clear and convincing
/// > evidence that the application has been filed within 1 year after the
/// > date of the alien's arrival in the United States.
///
/// > INA § 208(a)(2)(E): Subparagraphs (A) and (B) shall not apply to an
/// > unaccompanied alien child ...
fn one_year_rule(ev: &mut Eval) -> Ix {
    let case = ev.case;
    let uac = case.facts().applicant().unaccompanied_child;
    if uac == Some(true) {
        return ev.finding(&defs::ONE_YEAR).not_applicable().because_text("The applicant is an unaccompanied child, to whom the one-year deadline does not apply (INA § 208(a)(2)(E)).");
    }
    let Some(oy) = ev.one_year else {
        return ev
            .finding(&defs::ONE_YEAR)
            .decide(V::unknown(Need::fact(Fact::Arrival(0, field!("date")))))
            .because_text(
                "No arrival date is known, so the one-year deadline cannot be computed.",
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
    ev.finding(&defs::ONE_YEAR).decide(v).because(|ev, _| {
        let mut because = text!("{}; {}", oy.because(ev.law), filing.because());
        if on_time {
            because += &text!(", on or before the deadline {}.", oy.deadline);
        } else {
            because += &text!(
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
    })
}

/// > 8 C.F.R. § 208.4(a)(4)(ii), (a)(5): the applicant must file within a
/// > reasonable period given those circumstances.
fn one_year_exception(ev: &mut Eval, one_year: Ix) -> Ix {
    let after = [one_year];
    if ev.outcome(one_year) != Outcome::No {
        return ev
            .finding(&defs::ONE_YEAR_EXCEPTION)
            .after(&after)
            .not_applicable().because_text("The application is timely, or its timeliness is not yet known, so no exception is needed.");
    }
    let case = ev.case;
    let Some(exceptions) = case.facts().exceptions.as_deref() else {
        return ev
            .finding(&defs::ONE_YEAR_EXCEPTION)
            .after(&after)
            .decide(V::unknown(Need::fact(Fact::Exceptions)))
            .because_text("The application is late, and whether any changed or extraordinary circumstance excuses it is not known.");
    };
    if exceptions.is_empty() {
        return ev
            .finding(&defs::ONE_YEAR_EXCEPTION)
            .after(&after)
            .decide(V::NO).because_text("The application is late and no changed or extraordinary circumstance is offered to excuse it.");
    }
    let filing = filing_date(case, None).date;
    let mut v = V::NO;
    for (i, e) in exceptions.iter().enumerate() {
        v = v.or(excuses(ev, i, e, filing));
    }
    ev.finding(&defs::ONE_YEAR_EXCEPTION)
        .after(&after)
        .decide(v)
        .because(|ev, _| {
            let offered: Vec<String> = exceptions
                .iter()
                .enumerate()
                .map(|(i, e)| excuse_text(ev, i, e, filing))
                .collect();
            text!("The application is late. Offered: {}.", offered.join("; "))
        })
}

/// Whether exception `i` excuses a filing on `filing`: the circumstance is
/// dated, and the application came within a reasonable period after it
/// (8 C.F.R. § 208.4(a)(4)(ii), (a)(5)). No period is reasonable of itself
/// (*Matter of T-M-H- & S-W-C-*, 25 I&N Dec. 193 (BIA 2010)): the
/// practitioner's judgment decides; without it, six calendar months or more
/// after lawful status ended is not reasonable (65 Fed. Reg. 76,121,
/// 76,123-24), nor, by Refuge's conservative rule, is a delay of more than a
/// year after any circumstance; anything shorter needs the judgment.
// NOT MODELLED: what period is reasonable, which is the practitioner's
// judgment (`reasonable_delay`); the two rules of thumb yield to it.
fn excuses(ev: &Eval, i: usize, e: &Exception, filing: Date) -> V {
    // `spec/facts.md`: an exception needs `began`.
    let dated = V::test(e.began, Fact::Exception(i, field!("began")), |_| true);
    let Some(kind) = e.kind else {
        let entry = match e.reasonable_delay {
            Some(j) => V::known(j),
            None => V::unknown(Need::fact(Fact::Exception(i, field!("kind")))),
        };
        return entry.and(dated);
    };
    let delay = Delay::of(ev, e, kind, filing);
    let ask = || V::unknown(Need::fact(Fact::Exception(i, field!("reasonable_delay"))));
    let entry = match (e.reasonable_delay, delay.days) {
        (Some(j), _) => V::known(j),
        (None, _) if delay.status_too_long => V::NO,
        (None, Some(d)) if d > delay.long => V::NO,
        (None, None) => V::unknown(Need::fact(Fact::Exception(i, field!("began")))).or(ask()),
        (None, Some(_)) => ask(),
    };
    entry.and(dated)
}

/// How long after its circumstance exception `e` was acted on, and the
/// periods the rule measures it by.
struct Delay {
    /// Days from when a changed circumstance arose, or an extraordinary one
    /// ended (or from filing, if it has not ended), to filing.
    days: Option<i64>,
    /// More than this many days is not a reasonable period (Refuge's rule).
    long: i64,
    /// Lawful status ended this many calendar months or more before filing.
    months: i64,
    status_too_long: bool,
}

impl Delay {
    fn of(ev: &Eval, e: &Exception, kind: ExceptionKind, filing: Date) -> Delay {
        let law = ev.law;
        let long = law.num(P::ExceptionUnreasonableAfterDays, filing);
        // The period starts when a changed circumstance arose, or when an
        // extraordinary one ended (or at filing, if it has not ended).
        let start: Option<Date> = if kind.is_changed() {
            e.began
        } else {
            Some(e.ended.unwrap_or(filing))
        };
        let days = start.map(|s| days_between(s, filing).max(0));
        // Lawful status that has ended: six calendar months or more is too long.
        let months = law.num(P::ExceptionLawfulStatusMonths, filing);
        let six_months_after = match (kind, e.ended) {
            (ExceptionKind::LawfulStatus, Some(ended)) => {
                ended.checked_add(jiff::Span::new().months(months)).ok()
            }
            _ => None,
        };
        Delay {
            days,
            long,
            months,
            status_too_long: six_months_after.is_some_and(|d| filing >= d),
        }
    }
}

/// What [`excuses`] finds of exception `i`, in words.
fn excuse_text(ev: &Eval, i: usize, e: &Exception, filing: Date) -> String {
    // (A changed circumstance's start is its `began`, and says so itself.)
    let undated_note = if e.began.is_none() && !e.kind.is_some_and(|k| k.is_changed()) {
        "; when it began is not given, which an exception needs"
    } else {
        ""
    };
    let judged = |j: bool| {
        if j {
            "the delay is judged reasonable"
        } else {
            "the delay is judged unreasonable"
        }
    };
    let Some(kind) = e.kind else {
        let text = match e.reasonable_delay {
            Some(j) => judged(j),
            None => "its kind is not known",
        };
        return text!("exception {i}: {text}{undated_note}");
    };
    let Delay {
        days,
        long,
        months,
        status_too_long,
    } = Delay::of(ev, e, kind, filing);
    let start_text = match (kind.is_changed(), e.began, e.ended) {
        (true, Some(d), _) => text!("began {d}"),
        (true, None, _) => "began on an unknown date, which an exception needs".to_string(),
        (false, _, Some(d)) => text!("ended {d}"),
        (false, _, None) => "continued up to filing".to_string(),
    };
    let judgment = match (e.reasonable_delay, days) {
        (Some(j), _) => judged(j).to_string(),
        (None, Some(d)) if status_too_long => text!(
            "filed {d} days after the status ended, {months} calendar months or more, which the rule's preamble says would not be a reasonable period (65 Fed. Reg. 76,121, 76,123-24)"
        ),
        (None, Some(d)) if d > long => text!(
            "filed {d} days after, more than {long} days: taken as not a reasonable period (Refuge's conservative rule; the practitioner's judgment that it was reasonable overrides it)"
        ),
        (None, Some(d)) => text!(
            "filed {d} days after: no period is reasonable of itself (Matter of T-M-H- & S-W-C-), so whether that is a reasonable period needs a judgment"
        ),
        (None, None) => "when it began is not known".to_string(),
    };
    text!("{} ({start_text}): {judgment}{undated_note}", kind.words())
}

/// > INA § 208(a)(2)(A): [no asylum for] an alien [who] may be removed, pursuant to
/// > a bilateral or multilateral agreement, to a country ... in which the alien's
/// > life or freedom would not be threatened ...
// NOT MODELLED: which exception of the Agreement applies (8 C.F.R.
// § 208.30(e)(6)(iii)): besides the visa and the 14-day reach, the exceptions
// are one fact, `stca_exception`.
fn safe_third_country(ev: &mut Eval) -> Ix {
    let case = ev.case;
    let Some((i, arrival, date)) = case.last_arrival() else {
        return ev
            .finding(&defs::SAFE_THIRD_COUNTRY)
            .decide(V::unknown(Need::fact(Fact::Arrival(0, field!("date")))))
            .because_text("No arrival date is known, so whether the last arrival was from Canada under the Agreement is not known.");
    };
    let law = ev.law;
    let forum = case.facts().application().forum;
    // Most arrivals are plainly outside the Agreement: say so at once when no
    // explanation is written (the full rule below gives the same no, and
    // its explanation).
    if !ev.explain
        && (arrival.border.is_some_and(|b| b != Border::NorthernLand)
            || arrival.from_country.is_some_and(|c| c.as_str() != "CA")
            || forum == Some(Forum::Affirmative))
    {
        return ev
            .finding(&defs::SAFE_THIRD_COUNTRY)
            .decide(V::NO)
            .because(|_, _| String::new());
    }
    let stca_from = law.date(P::StcaEffective, date);
    let protocol_from = law.date(P::StcaAdditionalProtocol, date);
    // Asylum officers do not apply the Agreement to an affirmative
    // application (8 C.F.R. § 208.4(a)(6)); it is applied at the border
    // (§ 208.30(e)(6)) and by immigration judges (§ 1240.11(g)).
    let defensive = V::test(forum, Fact::Application(field!("application.forum")), |f| {
        f == Forum::Defensive
    });
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
        case.facts().applicant().unaccompanied_child,
        Fact::Applicant(field!("applicant.unaccompanied_child")),
    )
    .negate();
    let no_exception = V::fact(
        arrival.stca_exception,
        Fact::Arrival(i, field!("stca_exception")),
    )
    .negate();
    // An admission needs a visa or other document: an exception of the
    // Agreement (8 C.F.R. § 208.30(e)(6)(iii)). A paroled arrival may have
    // held one; an arrival presented without documents had none.
    let manner = arrival.manner;
    let doc = arrival.visa_or_admission_document;
    let no_document = match (doc, manner) {
        (Some(d), _) => V::known(!d),
        (None, Some(Manner::Paroled) | None) => V::unknown(Need::fact(Fact::Arrival(
            i,
            field!("visa_or_admission_document"),
        ))),
        (None, Some(_)) => V::YES,
    };
    let not_admitted = V::test(manner, Fact::Arrival(i, field!("manner")), |m| {
        m != Manner::Admitted
    });
    let at_port = V::test(manner, Fact::Arrival(i, field!("manner")), |m| {
        m != Manner::WithoutInspection
    });
    // Between ports, the Additional Protocol (from 2023-03-25) reaches only
    // crossings encountered within 14 days (88 Fed. Reg. 18,227).
    let encountered = V::fact(
        arrival.encountered_within_14_days,
        Fact::Arrival(i, field!("encountered_within_14_days")),
    );
    let reached = at_port.or(V::known(date >= protocol_from).and(encountered));
    let v = V::all([
        defensive,
        northern,
        from_ca,
        in_force,
        not_uac,
        no_exception,
        not_admitted,
        no_document,
        reached,
    ]);
    ev.finding(&defs::SAFE_THIRD_COUNTRY).decide(v).because(|_, _| {
        text!(
            "Forum: {}; the Agreement is applied at the border and by immigration judges, not by asylum officers to an affirmative application (8 C.F.R. § 208.4(a)(6)). Last arrival {date}: border {}, from {}, manner {}; the Agreement applies at land ports from {stca_from} and between ports from {protocol_from}, only to a crossing encountered within 14 days (encountered within 14 days: {}); unaccompanied child: {}; a valid visa or other admission document: {}; another exception of the Agreement applies: {}.",
            forum.map_or("unknown".into(), |f| f.words()),
            arrival.border.map_or("unknown".into(), |b| b.words()),
            arrival
                .from_country
                .map_or("an unknown country".into(), |c| c.to_string()),
            manner.map_or("unknown".into(), |m| m.words()),
            yn(arrival.encountered_within_14_days),
            yn(case.facts().applicant().unaccompanied_child),
            match (doc, manner) {
                (Some(d), _) => yn(Some(d)),
                (None, Some(Manner::Admitted)) => "yes (admitted)",
                (None, Some(Manner::PresentedWithoutDocuments)) =>
                    "no (presented without documents)",
                (None, _) => "unknown",
            },
            yn(arrival.stca_exception),
        )
    })
}

/// > INA § 208(a)(2)(C): [no asylum if] the alien has previously applied for asylum
/// > and had such application denied, [unless (D): changed circumstances].
fn previous_denial(ev: &mut Eval) -> Ix {
    let case = ev.case;
    let facts = &case.facts();
    let denied = facts.application().previously_denied;
    // > INA § 208(a)(2)(D); 8 C.F.R. § 208.4(a)(4)(ii): only changed
    // > circumstances that materially affect eligibility, acted on within a
    // > reasonable period, lift the bar.
    let filing = filing_date(case, None).date;
    let changed = match facts.exceptions.as_deref() {
        // No earlier denial: nothing to lift.
        _ if denied == Some(false) => V::NO,
        None => V::unknown(Need::fact(Fact::Exceptions)),
        Some(list) => V::any(
            list.iter()
                .enumerate()
                .map(|(i, e)| changed_excuses(ev, i, e, filing)),
        ),
    };
    let changed_t = changed.t();
    let v = V::fact(
        denied,
        Fact::Application(field!("application.previously_denied")),
    )
    .and(changed.negate());
    ev.finding(&defs::PREVIOUS_DENIAL)
        .decide(v)
        .because(|ev, _| match denied {
            Some(false) => "No earlier asylum application was denied.".to_string(),
            None => "Whether an earlier asylum application was denied is not known.".to_string(),
            Some(true) => {
                // The changed circumstances weighed, up to the first that lifts the bar.
                let mut offered = Vec::new();
                for (i, e) in facts.exceptions().iter().enumerate() {
                    if e.kind.is_some_and(|k| !k.is_changed()) {
                        continue;
                    }
                    offered.push(excuse_text(ev, i, e, filing));
                    if changed_excuses(ev, i, e, filing).is_yes() {
                        break;
                    }
                }
                let offered = if offered.is_empty() {
                    String::new()
                } else {
                    text!(" Changed circumstances offered: {}.", offered.join("; "))
                };
                let head = match changed_t {
                    Tri::Yes => {
                        "An earlier application was denied, but a changed circumstance, acted on within a reasonable period, allows a new one (INA § 208(a)(2)(D); 8 C.F.R. § 208.4(a)(4)(ii))."
                    }
                    Tri::No => {
                        "An earlier application was denied by an immigration judge or the Board, and no changed circumstance acted on within a reasonable period is shown."
                    }
                    Tri::Unknown => {
                        "An earlier application was denied; whether a changed circumstance, acted on within a reasonable period, allows a new one is not yet known."
                    }
                };
                text!("{head}{offered}")
            }
        })
}

/// Whether exception `i` is a changed circumstance that excuses a filing on
/// `filing` ([`excuses`]).
fn changed_excuses(ev: &Eval, i: usize, e: &Exception, filing: Date) -> V {
    let is_changed = V::test(e.kind, Fact::Exception(i, field!("kind")), |k| {
        k.is_changed()
    });
    if is_changed.is_no() {
        return V::NO;
    }
    is_changed.and(excuses(ev, i, e, filing))
}

/// > INA § 241(a)(5): If the Attorney General finds that an alien has reentered
/// > the United States illegally after having been removed ... the prior order of
/// > removal is reinstated ... and the alien is not eligible and may not apply
/// > for any relief under this chapter.
///
/// Withholding and CAT protection remain, through reasonable-fear screening
/// (8 C.F.R. §§ 208.31, 241.8(e)): withholding-only proceedings.
// NOT MODELLED: removal proceedings themselves (no rule reads
// `removal.in_proceedings`); reasonable-fear screening and withholding-only
// proceedings are only named in the explanation.
fn reinstated_order(ev: &mut Eval) -> Ix {
    let r = ev.case.facts().removal();
    let prior = || Need::fact(Fact::Removal(field!("removal.prior_order")));
    let reinstated = || Need::fact(Fact::Removal(field!("removal.reinstated")));
    let v = match (r.reinstated, r.prior_order) {
        (Some(b), _) => V::known(b),
        (None, Some(false)) => V::NO,
        (None, Some(true)) => V::unknown(reinstated()),
        (None, None) => V::unknown_of([prior(), reinstated()].into_iter().collect()),
    };
    ev.finding(&defs::REINSTATED_ORDER)
        .decide(v)
        .because(|_, _| match (r.reinstated, r.prior_order) {
            (Some(true), _) => "DHS reinstated a prior order of removal: the applicant may not apply for asylum (INA § 241(a)(5)). Withholding of removal and CAT protection remain available only through a reasonable-fear screening and withholding-only proceedings (8 C.F.R. §§ 208.31, 241.8(e)).".to_string(),
            (Some(false), _) => "No prior order of removal has been reinstated.".to_string(),
            (None, Some(false)) => "The applicant was never ordered removed, deported or excluded, so no order can be reinstated.".to_string(),
            (None, Some(true)) => "The applicant was ordered removed before; whether DHS has reinstated that order is not known.".to_string(),
            (None, None) => "Whether the applicant was ever ordered removed, and whether DHS reinstated such an order, is not known.".to_string(),
        })
}

/// > INA § 208(d)(6): If the Attorney General determines that an alien has
/// > knowingly made a frivolous application for asylum ... the alien shall be
/// > permanently ineligible for any benefits under this chapter.
///
/// The finding does not bar withholding of removal or CAT protection
/// (8 C.F.R. § 208.20).
fn frivolous(ev: &mut Eval) -> Ix {
    let facts = &ev.case.facts();
    let found = facts.removal().frivolous_finding;
    let denied = facts.application().previously_denied;
    let ask = || Need::fact(Fact::Removal(field!("removal.frivolous_finding")));
    let v = match (found, denied) {
        (Some(b), _) => V::known(b),
        (None, Some(false)) => V::NO,
        (None, Some(true)) => V::unknown(ask()),
        // Whether there was an earlier denial comes first: a "no" settles it.
        (None, None) => V::unknown(Need::fact(Fact::Application(field!(
            "application.previously_denied"
        )))),
    };
    ev.finding(&defs::FRIVOLOUS).decide(v).because(|_, _| {
        match (found, denied) {
            (Some(true), _) => {
                "An earlier asylum application was found knowingly frivolous: the applicant is permanently barred from asylum (INA § 208(d)(6)); withholding of removal and CAT protection remain (8 C.F.R. § 208.20)."
            }
            (Some(false), _) => "No earlier application was found frivolous.",
            (None, Some(false)) => {
                "No earlier asylum application was denied, so none was found frivolous."
            }
            (None, Some(true)) => {
                "An earlier application was denied; whether it was found frivolous is not known."
            }
            (None, None) => {
                "Whether an earlier asylum application was denied, and found frivolous, is not known."
            }
        }
        .to_string()
    })
}

/// > 8 C.F.R. § 208.33(a)(1): a noncitizen who enters the United States across the
/// > southwest land border ... between May 11, 2023, and May 11, 2025, after
/// > traveling through a country other than the noncitizen's country of citizenship,
/// > nationality, or ... last habitual residence ... shall be ineligible for asylum,
/// > unless [an exception applies or the presumption is rebutted].
fn lawful_pathways(ev: &mut Eval) -> Ix {
    let case = ev.case;
    let law = ev.law;
    let Some(arrivals) = case.facts().arrivals.as_deref() else {
        return ev
            .finding(&defs::LAWFUL_PATHWAYS)
            .decide(V::unknown(Need::fact(Fact::Arrival(0, field!("date")))))
            .because_text("No arrival is known, so whether an entry fell under the rule (May 11, 2023 to May 11, 2025) is not known.");
    };
    // 8 C.F.R. § 1208.33(c): family unity, for a case with a spouse or child.
    let family_unity = if case.facts().family().is_empty() {
        V::NO
    } else {
        V::fact(case.facts().family_unity, Fact::Top(field!("family_unity")))
    };
    let filing = filing_date(case, None).date;
    let mut v = V::NO;
    for (i, a) in arrivals.iter().enumerate() {
        if let Some(entry) = under_the_rule(ev, i, a, filing, &family_unity) {
            v = v.or(entry.covered.and(entry.excepted.negate()));
        }
    }
    ev.finding(&defs::LAWFUL_PATHWAYS)
        .decide(v)
        .because(|ev, _| {
            let notes: Vec<String> = arrivals
                .iter()
                .enumerate()
                .filter_map(|(i, a)| {
                    let entry = under_the_rule(ev, i, a, filing, &family_unity)?;
                    let minor = a
                        .date
                        .zip(case.facts().applicant().birth_date)
                        .is_some_and(|(d, b)| filing > entry.end && age_on(b, d) < 18);
                    Some(describe_arrival(
                        i,
                        a,
                        case.facts().family_unity,
                        minor,
                        &entry.covered,
                        &entry.excepted,
                    ))
                })
                .collect();
            let window = text!(
                "{} to {}",
                law.date(P::LawfulPathwaysStart, case.as_of()),
                law.date(P::LawfulPathwaysEnd, case.as_of())
            );
            if notes.is_empty() {
                text!(
                    "No arrival across the southwest land border between ports or without documents, after transit through a third country, in the rule's window ({window})."
                )
            } else {
                text!(
                    "The rule covers such entries from {window}. {}",
                    notes.join(" ")
                )
            }
        })
}

/// An arrival the rule may cover: whether it does, and whether an exception
/// takes it out.
struct UnderTheRule {
    covered: V,
    excepted: V,
    /// The end of the rule's window.
    end: Date,
}

/// Arrival `i` under the rule (`None` when it is plainly not covered), for
/// an application filed on `filing`.
fn under_the_rule(
    ev: &Eval,
    i: usize,
    a: &Arrival,
    filing: Date,
    family_unity: &V,
) -> Option<UnderTheRule> {
    let (case, law) = (ev.case, ev.law);
    let applicant = case.facts().applicant();
    let on = a.date.unwrap_or(case.as_of());
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
        return None;
    }
    // 8 C.F.R. § 208.33(a)(2)(ii)(B): presented at a port without an
    // appointment, and unable to access or use the scheduling system.
    let scheduling = match a.manner {
        Some(Manner::PresentedWithoutDocuments) | None => V::fact(
            a.scheduling_system_unavailable,
            Fact::Arrival(i, field!("scheduling_system_unavailable")),
        ),
        Some(_) => V::NO,
    };
    // 88 Fed. Reg. 31,314, 31,318-19: the rule does not reach an application
    // filed after its window by one who entered as a minor and applies as
    // a principal (as every applicant of this engine does).
    let entered_as_minor = if filing > end {
        match a.date {
            Some(d) => V::test(
                applicant.birth_date,
                Fact::Applicant(field!("applicant.birth_date")),
                |b| age_on(b, d) < 18,
            ),
            None => V::unknown(Need::fact(Fact::Arrival(i, field!("date")))),
        }
    } else {
        V::NO
    };
    let excepted = V::any([
        V::fact(
            applicant.unaccompanied_child,
            Fact::Applicant(field!("applicant.unaccompanied_child")),
        ),
        entered_as_minor,
        scheduling,
        family_unity.clone(),
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
    Some(UnderTheRule {
        covered,
        excepted,
        end,
    })
}

/// Whether the arrival followed transit through a country that is not one of
/// nationality (for a stateless person: not the country of habitual residence).
fn third_country_transit(ev: &Eval, i: usize, a: &Arrival) -> V {
    let applicant = ev.case.facts().applicant();
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

fn describe_arrival(
    i: usize,
    a: &Arrival,
    family_unity: Option<bool>,
    minor: bool,
    covered: &V,
    excepted: &V,
) -> String {
    let mut exceptions = Vec::new();
    if minor {
        exceptions.push("entered as a minor and applies as a principal after the rule's window (88 Fed. Reg. 31,314, 31,318-19)".to_string());
    }
    if a.scheduling_system_unavailable == Some(true) && a.manner != Some(Manner::WithoutInspection)
    {
        exceptions.push(
            "could not access or use the DHS scheduling system (8 C.F.R. § 208.33(a)(2)(ii)(B))"
                .to_string(),
        );
    }
    if family_unity == Some(true) {
        exceptions.push("the family-unity provision (8 C.F.R. § 1208.33(c))".to_string());
    }
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
    let head = text!("Arrival {i} ({date}, through {transit})");
    match (covered.t(), excepted.t()) {
        (_, crate::logic::Tri::Yes) if !exceptions.is_empty() => {
            text!("{head}: an exception applies: {}.", exceptions.join("; "))
        }
        (_, crate::logic::Tri::Yes) => {
            text!("{head}: an exception applies (unaccompanied child).")
        }
        (crate::logic::Tri::Yes, crate::logic::Tri::No) => text!(
            "{head} falls under the rule and no exception applies (no CBP One appointment, protection not sought and denied in transit, no compelling circumstances, no obstacle to the scheduling system, no family unity)."
        ),
        _ => text!("{head} may fall under the rule; what would settle it is asked."),
    }
}
