//! Every date of `spec/deadlines.md`.

use jiff::civil::Date;

use crate::calendar::{Rounding, add_days, add_years, age_on, weekday_name};
use crate::facts::{Case, Relation};
use crate::law::{Law, P};
use crate::output::{DateKind, Deadline, Status};

/// The one-year filing deadline and how it was reached.
pub struct OneYear {
    pub last_arrival: Date,
    /// The last arrival, or 1997-04-01 when later (IIRIRA's effective date).
    pub start: Date,
    pub anniversary: Date,
    pub feb29_rounded: bool,
    pub deadline: Date,
    /// The arithmetic, in words.
    pub because: String,
}

/// > INA § 208(a)(2)(B): ... the alien demonstrates by clear and convincing evidence
/// > that the application has been filed within 1 year after the date of the
/// > alien's arrival in the United States.
///
/// The day of arrival is day zero: the last day is the anniversary
/// (*Minasyan v. Mukasey*, 553 F.3d 1224 (9th Cir. 2009)), rolled past a
/// weekend or legal holiday (8 C.F.R. § 1.2 "day" computation; USCIS practice).
pub fn one_year(case: &Case, law: &Law) -> Option<OneYear> {
    let (_, _, last_arrival) = case.last_arrival()?;
    let effective = law.date(P::OneYearEffective, last_arrival);
    let start = last_arrival.max(effective);
    let years = law.num(P::OneYearYears, start) as i16;
    let (anniversary, feb29_rounded) = add_years(start, years, Rounding::Deadline);
    let rolled = law.calendar.roll_forward(anniversary);
    let mut because = format!("Last arrival {last_arrival}");
    if start != last_arrival {
        because += &format!(" (before the one-year rule took effect: the year runs from {start})");
    }
    because += &format!("; one year later is {anniversary}");
    if feb29_rounded {
        because +=
            " (29 February does not exist that year: 28 February, the earlier date, is taken)";
    }
    if rolled.skipped.is_empty() {
        because += &format!(", a {}, a business day", weekday_name(anniversary));
    } else {
        let skipped: Vec<String> = rolled
            .skipped
            .iter()
            .map(|(d, why)| format!("{d} is {why}"))
            .collect();
        because += &format!(
            "; {}; next business day {}",
            skipped.join(", "),
            rolled.date
        );
    }
    if let Some(c) = law.closing(rolled.date) {
        because += &format!(
            " ({} was a closing of federal offices by executive order, {}, not a legal holiday; the earlier date is kept as the safe one)",
            rolled.date, c.reason
        );
    }
    Some(OneYear {
        last_arrival,
        start,
        anniversary,
        feb29_rounded,
        deadline: rolled.date,
        because,
    })
}

/// The filing date that counts for the one-year rule, and how it was chosen.
pub struct FilingDate {
    pub date: Date,
    pub because: String,
}

/// The day the application was received (8 C.F.R. § 103.2(a)(7)); the mailing
/// date instead when clear and convincing documentary evidence shows mailing
/// within the year (8 C.F.R. § 208.4(a)(2)(ii)); `as_of` while not filed.
pub fn filing_date(case: &Case, deadline: Option<Date>) -> FilingDate {
    let app = case.facts.application();
    match (app.mailed_on, deadline, app.filed_on) {
        (Some(m), Some(d), filed) if m <= d && filed.is_none_or(|f| f > d) => FilingDate {
            date: m,
            because: format!(
                "mailed {m}, within the year, which counts as the filing date (clear and convincing documentary evidence of mailing)"
            ),
        },
        (_, _, Some(f)) => FilingDate {
            date: f,
            because: format!("filed (received) {f}"),
        },
        _ => FilingDate {
            date: case.as_of,
            because: format!(
                "not filed yet, so filing on {} is assumed; the day USCIS or the court receives it counts, not the day it is mailed (8 C.F.R. § 103.2(a)(7))",
                case.as_of
            ),
        },
    }
}

fn dl(
    (id, kind, label): (String, DateKind, String),
    date: Date,
    status: Status,
    because: String,
    cite: &'static [&'static str],
) -> Deadline {
    Deadline {
        id,
        kind,
        label,
        date,
        status,
        because,
        cite,
    }
}

fn named(id: &str, kind: DateKind, label: &str) -> (String, DateKind, String) {
    (id.to_string(), kind, label.to_string())
}

fn upcoming_or_passed(as_of: Date, date: Date) -> Status {
    if as_of <= date {
        Status::Upcoming
    } else {
        Status::Passed
    }
}

/// Every deadline the facts give.
pub fn all(case: &Case, law: &Law) -> Vec<Deadline> {
    let as_of = case.as_of;
    let app = case.facts.application();
    let mut out = Vec::with_capacity(8);

    if let Some(oy) = one_year(case, law) {
        let filing = filing_date(case, Some(oy.deadline));
        let uac = case.facts.applicant().unaccompanied_child == Some(true);
        let (status, tail) = if uac {
            (
                Status::Exempt,
                "an unaccompanied child is exempt from the deadline (INA § 208(a)(2)(E))"
                    .to_string(),
            )
        } else if app.filed_on.is_some() {
            let s = if filing.date <= oy.deadline {
                Status::Met
            } else {
                Status::Missed
            };
            (s, filing.because.clone())
        } else {
            (
                upcoming_or_passed(as_of, oy.deadline),
                "not filed yet: the day the application is received counts, not the day it is mailed, unless clear and convincing documentary evidence shows it was mailed within the year (8 C.F.R. § 103.2(a)(7); § 208.4(a)(2)(ii))".to_string(),
            )
        };
        out.push(dl(
            named(
                "asylum.one_year",
                DateKind::LastDay,
                "One-year asylum filing deadline",
            ),
            oy.deadline,
            status,
            format!("{}; {tail}.", oy.because),
            &["INA § 208(a)(2)(B)", "8 C.F.R. § 208.4(a)(2)(ii)"],
        ));
    }

    if let (Some(filed), None) = (app.filed_on, app.granted_on) {
        let stopped = i64::from(app.clock_stopped_days.unwrap_or(0));
        let stopped_text = match app.clock_stopped_days {
            Some(0) => " (no days of applicant-caused delay)".to_string(),
            Some(n) => format!(" + {n} days of applicant-caused delay"),
            None => " (no applicant-caused delay recorded: add any days the clock was stopped)"
                .to_string(),
        };
        const EAD: [(&str, &str, P, &[&str]); 2] = [
            (
                "ead.earliest_filing",
                "First day to file for a work permit (Form I-765)",
                P::EadFilingWaitDays,
                &["8 C.F.R. § 208.7(a)(1)", "8 C.F.R. § 208.7(a)(2)"],
            ),
            (
                "ead.earliest_grant",
                "First day a work permit may be granted",
                P::EadGrantWaitDays,
                &["INA § 208(d)(2)", "8 C.F.R. § 208.7(a)(1)"],
            ),
        ];
        for (id, label, p, cite) in EAD {
            let wait = law.num(p, filed);
            let date = add_days(filed, wait + stopped);
            let what = if id == "ead.earliest_filing" {
                "the work permit (Form I-765) may be filed"
            } else {
                "the work permit may be granted"
            };
            out.push(dl(
                named(id, DateKind::FirstDay, label),
                date,
                upcoming_or_passed(as_of, date),
                format!(
                    "Filed {filed} + {wait} days{stopped_text} = {date}: the first day {what}."
                ),
                cite,
            ));
        }
    }

    if let Some(granted) = app.granted_on {
        let years = law.num(P::AdjustmentWaitYears, granted) as i16;
        let (date, r) = add_years(granted, years, Rounding::Eligibility);
        out.push(dl(
            named("adjustment.eligible", DateKind::FirstDay, "First day to apply for permanent residence (Form I-485)"),
            date,
            upcoming_or_passed(as_of, date),
            format!(
                "Granted {granted} + {years} year{} = {date}{}: the first day the asylee may apply to adjust to permanent residence (Form I-485) after one year of physical presence.",
                if years == 1 { "" } else { "s" },
                feb29(r, Rounding::Eligibility)
            ),
            &["INA § 209(b)(2)", "8 C.F.R. § 209.2(a)(1)(ii)"],
        ));
        let years = law.num(P::I730WindowYears, granted) as i16;
        let (date, r) = add_years(granted, years, Rounding::Deadline);
        out.push(dl(
            named("i730.deadline", DateKind::LastDay, "Last day to file Form I-730 for a spouse or child"),
            date,
            upcoming_or_passed(as_of, date),
            format!(
                "Granted {granted} + {years} years = {date}{}: the last day to file Form I-730 for a spouse or child to follow to join (extendable for humanitarian reasons).",
                feb29(r, Rounding::Deadline)
            ),
            &["8 C.F.R. § 208.21(d)"],
        ));
    } else if let Some(filed) = app.filed_on {
        let fee_from = law.date(P::AnnualFeeEffective, as_of);
        if as_of >= fee_from {
            // The first anniversary of filing on or after as_of.
            let mut n = 1i16;
            let (mut date, mut r) = add_years(filed, n, Rounding::Deadline);
            while date < as_of {
                n += 1;
                (date, r) = add_years(filed, n, Rounding::Deadline);
            }
            let amount = law.num(P::AnnualFeeUsd, date);
            out.push(dl(
                named("asylum.annual_fee", DateKind::LastDay, "Annual asylum fee due"),
                date,
                upcoming_or_passed(as_of, date),
                format!(
                    "Filed {filed}; the application is still pending on {as_of}; anniversary {n} of filing is {date}{}: the annual asylum fee of ${amount} in force then is due for each year the application stays pending.",
                    feb29(r, Rounding::Deadline)
                ),
                &["Pub. L. 119-21 (2025)", "90 Fed. Reg. 34,511 (July 22, 2025)"],
            ));
        }
    }

    if let Some(adjusted) = app.adjusted_on {
        let years = law.num(P::LprRollbackYears, adjusted) as i16;
        let (lpr, r) = add_years(adjusted, -years, Rounding::Eligibility);
        out.push(dl(
            named("lpr.date", DateKind::Record, "Permanent residence recorded as of"),
            lpr,
            Status::Met,
            format!(
                "Adjustment approved {adjusted}; an asylee's permanent residence is recorded as of {years} year earlier: {lpr}{}.",
                feb29(r, Rounding::Eligibility)
            ),
            &["INA § 209(b)", "8 C.F.R. § 209.2(f)"],
        ));
        let years = law.num(P::NaturalizationResidenceYears, lpr) as i16;
        let early = law.num(P::NaturalizationEarlyFilingDays, lpr);
        let (five, r) = add_years(lpr, years, Rounding::Eligibility);
        let date = add_days(five, -early);
        out.push(dl(
            named("naturalization.earliest_filing", DateKind::FirstDay, "First day to file for naturalization (Form N-400)"),
            date,
            upcoming_or_passed(as_of, date),
            format!(
                "Permanent resident since {lpr}; + {years} years = {five}{}; − {early} days = {date}: the first day Form N-400 may be filed.",
                feb29(r, Rounding::Eligibility)
            ),
            &["INA § 316(a)", "INA § 334(a)", "8 C.F.R. § 334.2(b)"],
        ));
    }

    // A child's 21st birthday matters while the age is not frozen by a filing (CSPA).
    if app.filed_on.is_none() && app.granted_on.is_none() {
        for (i, m) in case.facts.family().iter().enumerate() {
            let (Some(Relation::Child), Some(birth), false) =
                (m.relation, m.birth_date, m.married == Some(true))
            else {
                continue;
            };
            let limit = law.num(P::ChildAgeLimit, as_of) as i16;
            let (date, r) = add_years(birth, limit, Rounding::Deadline);
            out.push(dl(
                (
                    format!("family.{}.age_21", case.family_ids[i]),
                    DateKind::LastDay,
                    format!("Family member {} turns {limit} (no longer a child)", case.family_ids[i]),
                ),
                date,
                upcoming_or_passed(as_of, date),
                format!(
                    "Born {birth}; turns {limit} on {date}{} (age {} on {as_of}). Nothing is filed, so the Child Status Protection Act has not frozen the age: the child must be named on an application filed before then.",
                    feb29(r, Rounding::Deadline),
                    age_on(birth, as_of)
                ),
                &["INA § 101(b)(1)", "INA § 208(b)(3)(B)"],
            ));
        }
    }
    out
}

fn feb29(rounded: bool, r: Rounding) -> &'static str {
    match (rounded, r) {
        (false, _) => "",
        (true, Rounding::Deadline) => {
            " (from 29 February into a common year: 28 February, the earlier and safe date for a deadline)"
        }
        (true, Rounding::Eligibility) => {
            " (from 29 February into a common year: 1 March, the later and safe date for eligibility)"
        }
    }
}
