//! After the grant (issue 20; `docs/findings.md` § 8): the asylee's
//! adjustment to permanent residence (INA § 209(b)), the risks to the
//! status that travel shows (INA § 208(c)(2)), and, once adjusted, the counts
//! naturalization asks for (INA § 316(a)–(b)).
//!
//! Nothing here runs for a case without `application.granted_on`: the
//! findings of this section exist only after a grant, so a case before one
//! costs a single comparison.

use jiff::civil::Date;

use super::Eval;
use super::deadlines::Residence;
use crate::calendar::{Rounding, add_days, add_years, days_between};
use crate::defs;
use crate::facts::{Case, Country, TravelDocument, Trip};
use crate::law::P;
use crate::logic::{Fact, Need, V};
use crate::output::Outcome;

// NOT MODELLED: a family member's own physical presence, travel and
// adjustment requirements (only their dates, `family.<fid>.adjustment.eligible`
// and the residence dates, from `family[].asylee_since` and `adjusted_on`);
// the good-moral-character period of
// naturalization; an approved Form N-470 preserving residence; the
// three-year period for the spouse of a U.S. citizen (INA § 319(a)).
pub fn run(ev: &mut Eval) {
    let app = ev.case.facts().application();
    let Some(granted) = app.granted_on else {
        return;
    };
    match app.adjusted_on {
        None => adjustment(ev, granted),
        Some(adjusted) => naturalization(ev, adjusted),
    }
    if ev.case.facts().trips().iter().any(|t| after(t, granted)) {
        risks(ev, granted, app.adjusted_on);
    }
}

/// Whether trip `t` may have begun on or after the grant (its departure
/// unknown, it may have).
fn after(t: &Trip, granted: Date) -> bool {
    t.departed.is_none_or(|d| d >= granted)
}

/// Days in the United States between two dates, by the recorded trips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Presence {
    /// The first day counted.
    pub from: Date,
    /// The day counting stops (not counted).
    pub to: Date,
    /// Days from `from` to `to`.
    pub days: i64,
    /// Of those, days abroad: each trip's days from its departure up to,
    /// not including, its return (the day of return counts as a day here;
    /// a trip not yet back, up to `as_of`).
    pub abroad: i64,
    /// How many trips fell in the period.
    pub trips: usize,
}

impl Presence {
    pub fn present(&self) -> i64 {
        self.days - self.abroad
    }
}

/// The days present between `from` and `to` by the case's trips; unknown
/// while the trips are not recorded (`trips` absent) or a trip that may fall
/// in the period has no departure date.
pub fn presence(case: &Case, from: Date, to: Date) -> Result<Presence, V> {
    let Some(trips) = case.facts().trips.as_deref() else {
        return Err(V::unknown(Need::fact(Fact::Trips)));
    };
    let mut p = Presence {
        from,
        to,
        days: days_between(from, to).max(0),
        abroad: 0,
        trips: 0,
    };
    for (i, t) in trips.iter().enumerate() {
        let Some(departed) = t.departed else {
            return Err(V::unknown(Need::fact(Fact::Trip(i, field!("departed")))));
        };
        let back = t.returned.unwrap_or(case.as_of());
        let days = days_between(departed.max(from), back.min(to));
        if days > 0 {
            p.abroad += days;
            p.trips += 1;
        }
    }
    Ok(p)
}

/// What [`presence`] found, in words.
fn presence_text(p: &Presence, required: i64) -> String {
    text!(
        "from {} to {}: {} days, {} of them abroad on {} trip{}, so {} days present; {required} needed",
        p.from,
        p.to,
        p.days,
        p.abroad,
        p.trips,
        if p.trips == 1 { "" } else { "s" },
        p.present()
    )
}

/// > INA § 209(b): the status of an alien granted asylum may be adjusted …
/// > if the alien (1) applies …, (2) has been physically present in the
/// > United States for at least one year after being granted asylum, (3)
/// > continues to be a refugee … or a spouse or child of such a refugee, (4)
/// > is not firmly resettled in any foreign country, and (5) is admissible
/// > … as an immigrant (the grounds waivable under § 209(c), Form I-602).
fn adjustment(ev: &mut Eval, granted: Date) {
    let case = ev.case;
    let as_of = case.as_of();
    let years = ev.law.num(P::AdjustmentWaitYears, granted) as i16;
    let (year_later, _) = add_years(granted, years, Rounding::Eligibility);
    let required = days_between(granted, year_later);
    // Fewer days since the grant than a year holds: not yet, whatever the trips.
    let counted = presence(case, granted, as_of);
    let v = if days_between(granted, as_of) < required {
        V::NO
    } else {
        match &counted {
            Ok(p) => V::known(p.present() >= required),
            Err(v) => v.clone(),
        }
    };
    let presence_ix = ev
        .finding(&defs::ADJUSTMENT_PRESENCE)
        .decide(v)
        .because(|_, outcome| {
            let since = text!("Granted {granted}; a year of presence is {required} days");
            match &counted {
                Err(_) if outcome == Outcome::No => text!(
                    "{since}, and only {} days have passed by {as_of}: the first day to apply is {year_later} at the earliest.",
                    days_between(granted, as_of)
                ),
                Err(_) => text!(
                    "{since}. The trips abroad since the grant are not recorded (trips): each day abroad counts against the year."
                ),
                Ok(p) => {
                    let mut s = text!("{since}; {}.", presence_text(p, required));
                    if p.present() < required {
                        let short = required - p.present();
                        s += &text!(
                            " Short by {short} days: with no further trip, the year is complete on {}. USCIS looks at the year when it decides the application, not when it is filed (USCIS Policy Alert PA-2023-01, Feb. 2, 2023).",
                            add_days(as_of, short)
                        );
                    }
                    s
                }
            }
        });
    let ag = case.facts().after_grant();
    let refugee_ix = answered(
        ev,
        &defs::ADJUSTMENT_REFUGEE,
        ag.still_refugee,
        field!("after_grant.still_refugee"),
        [
            "Still a refugee (or the spouse or child of one), as the facts record (after_grant.still_refugee).",
            "No longer a refugee, nor the spouse or child of one (after_grant.still_refugee): asylee adjustment is not available; the grant itself may be open to termination (INA § 208(c)(2)(A)).",
            "Whether the asylee is still a refugee (or the spouse or child of one) is not recorded (after_grant.still_refugee).",
        ],
    );
    let resettled_ix = answered(
        ev,
        &defs::ADJUSTMENT_RESETTLED,
        ag.firmly_resettled,
        field!("after_grant.firmly_resettled"),
        [
            "Firmly resettled in a foreign country since (after_grant.firmly_resettled): this bars asylee adjustment.",
            "Not firmly resettled in any foreign country (after_grant.firmly_resettled).",
            "Whether the asylee has been firmly resettled in another country is not recorded (after_grant.firmly_resettled).",
        ],
    );
    let waivable = V::fact(
        ag.ground_waivable,
        Fact::AfterGrant(field!("after_grant.ground_waivable")),
    );
    let inadmissible = V::fact(
        ag.inadmissible,
        Fact::AfterGrant(field!("after_grant.inadmissible")),
    );
    // Not inadmissible, or every ground waivable (INA § 209(c)).
    let admissible = inadmissible.clone().negate().or(inadmissible.and(waivable));
    let admissible_ix = ev
        .finding(&defs::ADJUSTMENT_ADMISSIBLE)
        .decide(admissible)
        .because(|ev, _| {
            let ag = ev.case.facts().after_grant();
            const NOT_WAIVABLE: &str = "the grounds of INA § 212(a)(2)(C) (drug trafficking) and § 212(a)(3)(A), (B), (C) and (E) (security, terrorism, foreign policy, Nazi persecution or genocide) cannot be waived (8 C.F.R. § 209.2(b))";
            match (ag.inadmissible, ag.ground_waivable) {
                (Some(false), _) => "No ground of inadmissibility applies (after_grant.inadmissible); the medical examination (Form I-693) is still required with the application.".to_string(),
                (Some(true), Some(true)) => text!(
                    "A ground of inadmissibility applies, and it can be waived under INA § 209(c) for humanitarian purposes, to assure family unity or in the public interest: file Form I-602 (Application by Refugee for Waiver of Inadmissibility Grounds) with Form I-485. Not every ground can be: {NOT_WAIVABLE}."
                ),
                (Some(true), Some(false)) => text!(
                    "A ground of inadmissibility applies and cannot be waived (after_grant.ground_waivable): {NOT_WAIVABLE}."
                ),
                (Some(true), None) => text!(
                    "A ground of inadmissibility applies; whether it can be waived (Form I-602, INA § 209(c)) is not recorded: {NOT_WAIVABLE}."
                ),
                (None, _) => "Whether any ground of inadmissibility of INA § 212(a) applies is not recorded (after_grant.inadmissible); most can be waived for an asylee (Form I-602).".to_string(),
            }
        });
    let parts = [presence_ix, refugee_ix, resettled_ix, admissible_ix];
    let all = V::all([
        ev.yes(presence_ix),
        ev.yes(refugee_ix),
        ev.no(resettled_ix),
        ev.yes(admissible_ix),
    ]);
    ev.finding(&defs::ADJUSTMENT)
        .after(&parts)
        .decide(all)
        .because(|ev, outcome| {
            let failing: Vec<String> = parts
                .iter()
                .filter(|&&i| {
                    let bad = if i == resettled_ix {
                        Outcome::Yes
                    } else {
                        Outcome::No
                    };
                    ev.outcome(i) == bad
                })
                .map(|&i| ev.id(i).into_owned())
                .collect();
            match outcome {
                Outcome::Yes => "Every requirement of INA § 209(b) is met: the asylee may file Form I-485 (permanent residence is then recorded as of one year before its approval, 8 C.F.R. § 209.2(f)).".to_string(),
                Outcome::No => text!(
                    "Not met: {}.",
                    super::words_list(&failing)
                ),
                _ => "Some requirement is not settled yet: see the findings it depends on.".to_string(),
            }
        });
}

/// A finding that a fact of `after_grant` answers as it is, explained by
/// `[yes, no, unknown]`.
fn answered(
    ev: &mut Eval,
    def: &'static crate::defs::Def,
    value: Option<bool>,
    field: crate::logic::Field,
    [yes, no, unknown]: [&'static str; 3],
) -> super::Ix {
    ev.finding(def)
        .decide(V::fact(value, Fact::AfterGrant(field)))
        .because_text(match value {
            Some(true) => yes,
            Some(false) => no,
            None => unknown,
        })
}

/// The countries of claimed persecution: the nationalities, or for a
/// stateless person the country of last habitual residence.
fn home(case: &Case) -> Result<Vec<Country>, V> {
    let a = case.facts().applicant();
    match a.nationality.as_deref() {
        None => Err(V::unknown(Need::fact(Fact::Applicant(field!(
            "applicant.nationality"
        ))))),
        Some([]) => a.habitual_residence.map(|c| vec![c]).ok_or_else(|| {
            V::unknown(Need::fact(Fact::Applicant(field!(
                "applicant.habitual_residence"
            ))))
        }),
        Some(n) => Ok(n.to_vec()),
    }
}

/// > INA § 208(c)(2): asylum … does not convey a right to remain … if …
/// > (A) the alien no longer meets the conditions described in subsection
/// > (b)(1) owing to a fundamental change in circumstances; … (D) the alien
/// > has voluntarily availed himself or herself of the protection of the
/// > alien's country of nationality …
///
/// (8 C.F.R. § 208.24(a)(2): USCIS may terminate a grant on those grounds.)
/// A refugee travel document is what an asylee returns on (8 C.F.R. § 223.1(b)).
///
/// Asked only where the case shows a trip since the grant.
fn risks(ev: &mut Eval, granted: Date, adjusted: Option<Date>) {
    let case = ev.case;
    let trips = case.facts().trips();
    let since: Vec<usize> = (0..trips.len())
        .filter(|&i| after(&trips[i], granted))
        .collect();
    let home = home(case);
    let to_home = V::any(since.iter().map(|&i| match (&trips[i].countries, &home) {
        (None, _) => V::unknown(Need::fact(Fact::Trip(i, field!("countries")))),
        (Some(cs), Ok(h)) => V::known(cs.iter().any(|c| h.contains(c))),
        (Some(cs), Err(_)) if cs.is_empty() => V::NO,
        (Some(_), Err(v)) => v.clone(),
    }));
    let return_ix = ev
        .finding(&defs::STATUS_RETURN)
        .decide(to_home)
        .because(|ev, outcome| {
            let trips = ev.case.facts().trips();
            let went: Vec<String> = since
                .iter()
                .filter(|&&i| {
                    matches!((&trips[i].countries, &home), (Some(cs), Ok(h)) if cs.iter().any(|c| h.contains(c)))
                })
                .map(|&i| text!("trips[{i}] (departed {})", date_or_unknown(trips[i].departed)))
                .collect();
            match outcome {
                Outcome::Yes => text!(
                    "Travelled to a country of claimed persecution since the grant on {granted}: {}. A return is not by itself a ground of termination, but USCIS may take it as showing that the asylee no longer fears persecution there (INA § 208(c)(2)(A)) or, with permanent residence there, re-availment (§ 208(c)(2)(D)), grounds on which it may terminate asylum (8 C.F.R. § 208.24(a)(2)); be ready to explain why the trip was made and how the asylee stayed safe.",
                    super::words_list(&went)
                ),
                Outcome::No => text!("No trip since the grant on {granted} went to a country of claimed persecution."),
                _ => "Where each trip since the grant went, or the countries of claimed persecution, are not fully recorded (trips[].countries, applicant.nationality).".to_string(),
            }
        });
    let ag = case.facts().after_grant();
    let passport = V::fact(
        ag.passport_renewed,
        Fact::AfterGrant(field!("after_grant.passport_renewed")),
    )
    .or(V::any(since.iter().map(|&i| {
        V::test(trips[i].document, Fact::Trip(i, field!("document")), |d| {
            d == TravelDocument::NationalPassport
        })
    })));
    let passport_ix = ev
        .finding(&defs::STATUS_PASSPORT)
        .decide(passport)
        .because(|_, outcome| match outcome {
            Outcome::Yes => "A passport of a country of nationality was renewed, obtained or travelled on since the grant. Applying for, renewing or using it is asking that country for its protection: USCIS may take it as showing that the asylee no longer fears persecution there (INA § 208(c)(2)(A)), and it bears on re-availment (§ 208(c)(2)(D)), grounds on which it may terminate asylum (8 C.F.R. § 208.24(a)(2)). An asylee travels on a refugee travel document.".to_string(),
            Outcome::No => "No passport of a country of nationality renewed, obtained or used since the grant.".to_string(),
            _ => "Whether a passport of a country of nationality was renewed or used since the grant is not fully recorded (after_grant.passport_renewed, trips[].document).".to_string(),
        });
    let deps = [return_ix, passport_ix];
    ev.finding(&defs::STATUS_REAVAILMENT)
        .after(&deps)
        .decide(V::fact(
            ag.protection_availed,
            Fact::AfterGrant(field!("after_grant.protection_availed")),
        ))
        .because(|ev, outcome| {
            let signs = deps.iter().any(|&i| ev.outcome(i) == Outcome::Yes);
            let mut s = match outcome {
                Outcome::Yes => "The asylee voluntarily re-availed themself of the protection of a country of nationality, returning there with permanent residence or a reasonable possibility of it (after_grant.protection_availed): a ground on which USCIS may terminate asylum (INA § 208(c)(2)(D); 8 C.F.R. § 208.24(a)(2)), and the asylee may no longer be a refugee for adjustment (INA § 209(b)(3)).".to_string(),
                Outcome::No => "The practitioner judges that the asylee did not re-avail themself of the protection of a country of nationality (after_grant.protection_availed).".to_string(),
                _ => "Whether the asylee re-availed themself of a country of nationality's protection is a judgment not yet recorded (after_grant.protection_availed).".to_string(),
            };
            if signs {
                s += " A return there or the use of its passport since the grant (above) bears on that judgment: the statute asks for a voluntary return with permanent resident status there, or a reasonable possibility of obtaining it.";
            }
            s
        });
    // Trips made while an asylee: after the grant and before adjustment.
    let as_asylee: Vec<usize> = since
        .iter()
        .copied()
        .filter(|&i| match (trips[i].departed, adjusted) {
            (Some(d), Some(a)) => d < a,
            _ => true,
        })
        .collect();
    let finding = ev.finding(&defs::STATUS_TRAVEL_DOCUMENT);
    let decision = if as_asylee.is_empty() {
        finding.not_applicable()
    } else {
        finding.decide(V::any(as_asylee.iter().map(|&i| {
            V::test(trips[i].document, Fact::Trip(i, field!("document")), |d| {
                !matches!(
                    d,
                    TravelDocument::RefugeeTravelDocument | TravelDocument::AdvanceParole
                )
            })
        })))
    };
    decision.because(|_, outcome| match outcome {
        Outcome::Yes => "A trip while an asylee was made without a refugee travel document (or advance parole): an asylee needs one to return after travel abroad (8 C.F.R. § 223.1(b)); without it, readmission is at the discretion of the port of entry, and one abroad a year or less may ask USCIS to accept Form I-131 for a refugee travel document from abroad, at its discretion (8 C.F.R. § 223.2(b)(2); 9 FAM 203.7).".to_string(),
        Outcome::No => "Every trip while an asylee was made on a refugee travel document or advance parole.".to_string(),
        Outcome::NotApplicable => "No trip was made while an asylee: the trips since the grant began after the adjustment.".to_string(),
        Outcome::Unknown => "The document some trip while an asylee was made on is not recorded (trips[].document).".to_string(),
    });
}

fn date_or_unknown(d: Option<Date>) -> String {
    d.map_or_else(|| "on an unknown date".to_string(), |d| d.to_string())
}

/// The period naturalization counts, for a permanent resident whose
/// residence is recorded as of `lpr`: the five years before the day of
/// filing, which is `as_of` or, if later, the first day to file.
#[derive(Debug, Clone, Copy)]
pub struct NaturalizationPeriod {
    pub lpr: Date,
    pub earliest_filing: Date,
    /// The day counting stops (the filing day assumed).
    pub end: Date,
    /// Five years before `end`, or the residence date if later.
    pub start: Date,
    /// Days of physical presence needed: half of the five years.
    pub required: i64,
}

impl NaturalizationPeriod {
    pub fn of(case: &Case, law: &crate::Law, adjusted: Date) -> NaturalizationPeriod {
        let Residence {
            lpr,
            residence_years: years,
            earliest_filing,
            ..
        } = Residence::of(law, adjusted);
        let end = case.as_of().max(earliest_filing);
        let (back, _) = add_years(end, -years, Rounding::Eligibility);
        let months = law.num(P::NaturalizationPresenceMonths, lpr);
        // Half of the period (30 of 60 months), in days, rounded up.
        let period = days_between(back, end);
        let whole = i64::from(years) * 12;
        let required = (period * months + whole - 1) / whole;
        NaturalizationPeriod {
            lpr,
            earliest_filing,
            end,
            start: back.max(lpr),
            required,
        }
    }
}

/// > INA § 316(a): No applicant shall be naturalized unless … immediately
/// > preceding the date of filing his application … (1) has resided
/// > continuously, after being lawfully admitted for permanent residence,
/// > within the United States for at least five years and during the five
/// > years immediately preceding the date of filing has been physically
/// > present therein for periods totaling at least half of that time.
/// > § 316(b): Absence … for a continuous period of more than six months but
/// > less than one year … shall break the continuity of such residence,
/// > unless the applicant shall establish [otherwise]; … one year or more
/// > … shall break the continuity.
fn naturalization(ev: &mut Eval, adjusted: Date) {
    let case = ev.case;
    let law = ev.law;
    let as_of = case.as_of();
    let n = NaturalizationPeriod::of(case, law, adjusted);
    let counted = presence(case, n.start, n.end);
    let assumed = || {
        if n.end > as_of {
            text!(
                " Counted to the first day to file, {}: the days after {as_of} are taken as present, with no further trip.",
                n.end
            )
        } else {
            text!(" Counted to {as_of}, as if filed that day.")
        }
    };
    ev.finding(&defs::NATURALIZATION_PRESENCE)
        .decide(match &counted {
            Ok(p) => V::known(p.present() >= n.required),
            Err(v) => v.clone(),
        })
        .because(|_, _| match &counted {
            Ok(p) => text!(
                "Permanent resident since {}; the five years before filing, {}.{}",
                n.lpr,
                presence_text(p, n.required),
                assumed()
            ),
            Err(_) => text!(
                "Permanent resident since {}; {} days of presence are needed in the five years before filing, and the trips abroad are not fully recorded (trips).",
                n.lpr,
                n.required
            ),
        });
    let presumed = law.num(P::AbsencePresumptionMonths, n.lpr);
    let breaks = law.num(P::AbsenceBreakYears, n.lpr) as i16;
    let trips = case.facts().trips();
    // Each absence in the period: a year or more breaks residence; more than
    // six months is presumed to, unless the practitioner finds it rebutted.
    let residence = match case.facts().trips.as_deref() {
        None => V::unknown(Need::fact(Fact::Trips)),
        Some(_) => V::all(trips.iter().enumerate().map(|(i, t)| {
            let Some(departed) = t.departed else {
                return V::unknown(Need::fact(Fact::Trip(i, field!("departed"))));
            };
            let back = t.returned.unwrap_or(as_of);
            if back <= n.start || departed >= n.end {
                return V::YES;
            }
            match absence(departed, back, presumed, breaks) {
                Absence::Breaks => V::NO,
                Absence::Presumed => {
                    V::fact(t.residence_kept, Fact::Trip(i, field!("residence_kept")))
                }
                Absence::Short => V::YES,
            }
        })),
    };
    ev.finding(&defs::NATURALIZATION_RESIDENCE)
        .decide(residence)
        .because(|ev, outcome| {
            let trips = ev.case.facts().trips();
            let mut long = Vec::new();
            for (i, t) in trips.iter().enumerate() {
                let (Some(d), back) = (t.departed, t.returned.unwrap_or(as_of)) else {
                    continue;
                };
                if back <= n.start || d >= n.end {
                    continue;
                }
                match absence(d, back, presumed, breaks) {
                    Absence::Breaks => long.push(text!(
                        "trips[{i}] ({d} to {back}) lasted {breaks} year or more, which breaks continuous residence (unless an approved Form N-470 preserved it)"
                    )),
                    Absence::Presumed => long.push(text!(
                        "trips[{i}] ({d} to {back}) lasted more than {presumed} months: presumed to break continuous residence unless rebutted (trips[{i}].residence_kept: {})",
                        super::yn(t.residence_kept)
                    )),
                    Absence::Short => {}
                }
            }
            let head = text!("The five years before filing run from {} to {}", n.start, n.end);
            match (outcome, long.is_empty()) {
                (Outcome::Unknown, true) => text!("{head}; the trips abroad are not fully recorded (trips)."),
                (_, true) => text!("{head}; no absence in them lasted more than {presumed} months."),
                (_, false) => text!("{head}; {}.", long.join("; ")),
            }
        });
}

/// How long an absence from `departed` to `back` was, as INA § 316(b) counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Absence {
    /// Six months or less.
    Short,
    /// More than six months, less than a year: presumed to break residence.
    Presumed,
    /// A year or more: breaks residence.
    Breaks,
}

pub fn absence(departed: Date, back: Date, presumed_months: i64, break_years: i16) -> Absence {
    let (year, _) = add_years(departed, break_years, Rounding::Deadline);
    let months = departed
        .checked_add(jiff::Span::new().months(presumed_months))
        .unwrap_or(departed);
    if back >= year {
        Absence::Breaks
    } else if back > months {
        Absence::Presumed
    } else {
        Absence::Short
    }
}
