//! Every date of `spec/deadlines.md`.

use std::borrow::Cow;

use jiff::civil::Date;

use crate::calendar::{Rounding, add_days, add_years, age_on, days_between, weekday_name};
use crate::facts::{Case, FamilyMember, Relation};
use crate::law::{AnyP, Law, P};
use crate::output::{DateKind, Deadline, Reminder, Status};

/// The one-year filing deadline and how it was reached.
#[derive(Clone, Copy)]
pub struct OneYear {
    pub last_arrival: Date,
    /// The last arrival, or 1997-04-01 when later (IIRIRA's effective date).
    pub start: Date,
    pub anniversary: Date,
    pub feb29_rounded: bool,
    /// The anniversary, or the first business day after it (the days
    /// between were passed over).
    pub deadline: Date,
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
    Some(OneYear {
        last_arrival,
        start,
        anniversary,
        feb29_rounded,
        deadline: law.calendar.roll_forward(anniversary),
    })
}

impl OneYear {
    /// The arithmetic, in words ("Last arrival 2024-03-02; one year later is
    /// 2025-03-02; 2025-03-02 is a Sunday; next business day 2025-03-03").
    pub fn because(&self, law: &Law) -> String {
        let mut because = text!("Last arrival {}", self.last_arrival);
        if self.start != self.last_arrival {
            because += &text!(
                " (before the one-year rule took effect: the year runs from {})",
                self.start
            );
        }
        because += &text!("; one year later is {}", self.anniversary);
        if self.feb29_rounded {
            because +=
                " (29 February does not exist that year: 28 February, the earlier date, is taken)";
        }
        because += &rolled_text(law, self.anniversary, self.deadline);
        because
    }
}

/// How `anniversary` rolled to `deadline` past weekends and legal holidays,
/// in words (", a Monday, a business day", or "; 2025-03-02 is a Sunday;
/// next business day 2025-03-03"), and an executive-order closing on it.
pub fn rolled_text(law: &Law, anniversary: Date, deadline: Date) -> String {
    let mut because = if deadline == anniversary {
        text!(", a {}, a business day", weekday_name(anniversary))
    } else {
        let skipped: Vec<String> = std::iter::successors(Some(anniversary), |&d| {
            Some(add_days(d, 1)).filter(|&next| next < deadline)
        })
        .map(|d| text!("{d} is {}", law.calendar.why_closed(d)))
        .collect();
        text!("; {}; next business day {deadline}", skipped.join(", "))
    };
    if let Some(c) = law.closing(deadline) {
        because += &text!(
            " ({deadline} was a closing of federal offices by executive order, {}, not a legal holiday; the earlier date is kept as the safe one)",
            c.reason
        );
    }
    because
}

/// The window to file Form I-730 for a family member: two years from the
/// grant (8 C.F.R. § 208.21(d)), its last day rolled past a weekend or legal
/// holiday (8 C.F.R. § 1.2, "day").
#[derive(Clone, Copy)]
pub struct I730Window {
    pub granted: Date,
    pub years: i16,
    pub anniversary: Date,
    pub feb29_rounded: bool,
    /// The last day a petition is received in time.
    pub deadline: Date,
}

pub fn i730_window(law: &Law, granted: Date) -> I730Window {
    let years = law.num(P::I730WindowYears, granted) as i16;
    let (anniversary, feb29_rounded) = add_years(granted, years, Rounding::Deadline);
    I730Window {
        granted,
        years,
        anniversary,
        feb29_rounded,
        deadline: law.calendar.roll_forward(anniversary),
    }
}

impl I730Window {
    /// "Granted 2024-03-02; + 2 years = 2026-03-02; 2026-03-02 is a Sunday; next business day 2026-03-03"
    pub fn because(&self, law: &Law) -> String {
        text!(
            "Granted {}; + {} years = {}{}{}",
            self.granted,
            self.years,
            self.anniversary,
            feb29(self.feb29_rounded, Rounding::Deadline),
            rolled_text(law, self.anniversary, self.deadline)
        )
    }
}

/// Whether family member `m` comes through the principal's own grant:
/// in the United States and named on the application (`spec/rules.md` § 6,
/// the path `included`); every other member follows to join (Form I-730).
pub fn included(m: &FamilyMember) -> bool {
    m.in_us == Some(true) && m.on_application == Some(true)
}

/// How close a last day to act is: days left, and the smallest reminder
/// threshold (`reminders.*`: 90, 30, 7 days) it is within; none further
/// off than the first reminder, or once passed.
pub fn reminder(law: &Law, as_of: Date, date: Date) -> Option<Reminder> {
    let days_left = days_between(as_of, date);
    if as_of > date {
        return None;
    }
    [
        P::ReminderLastDays,
        P::ReminderSecondDays,
        P::ReminderFirstDays,
    ]
    .into_iter()
    .map(|p| law.num(p, date))
    .find(|&within| days_left <= within)
    .map(|within| Reminder { days_left, within })
}

/// How the filing date that counts was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filed {
    /// Proved mailed within the year.
    Mailed,
    /// Received by USCIS or the court.
    Received,
    /// Not filed: filing on `as_of` is assumed.
    NotYet,
}

/// The filing date that counts for the one-year rule, and how it was chosen.
pub struct FilingDate {
    pub date: Date,
    pub how: Filed,
}

/// The day the application was received (8 C.F.R. § 103.2(a)(7)); the mailing
/// date instead when clear and convincing documentary evidence shows mailing
/// within the year (8 C.F.R. § 208.4(a)(2)(ii)); `as_of` while not filed.
pub fn filing_date(case: &Case, deadline: Option<Date>) -> FilingDate {
    let app = case.facts().application();
    match (app.mailed_on, deadline, app.filed_on) {
        (Some(m), Some(d), filed) if m <= d && filed.is_none_or(|f| f > d) => FilingDate {
            date: m,
            how: Filed::Mailed,
        },
        (_, _, Some(f)) => FilingDate {
            date: f,
            how: Filed::Received,
        },
        _ => FilingDate {
            date: case.as_of(),
            how: Filed::NotYet,
        },
    }
}

impl FilingDate {
    pub fn because(&self) -> String {
        let d = self.date;
        match self.how {
            Filed::Mailed => text!(
                "mailed {d}, within the year, which counts as the filing date (clear and convincing documentary evidence of mailing)"
            ),
            Filed::Received => text!("filed (received) {d}"),
            Filed::NotYet => text!(
                "not filed yet, so filing on {d} is assumed; the day USCIS or the court receives it counts, not the day it is mailed (8 C.F.R. § 103.2(a)(7))"
            ),
        }
    }
}

/// Where the deadlines found go; explanations are written only when asked for.
struct Dates<F: FnMut(Deadline)> {
    explain: bool,
    sink: F,
}

impl<F: FnMut(Deadline)> Dates<F> {
    fn add(
        &mut self,
        (id, kind, label): (Cow<'static, str>, DateKind, Cow<'static, str>),
        date: Date,
        status: Status,
        because: impl FnOnce() -> String,
        cite: &'static [&'static str],
    ) {
        self.add_reminded((id, kind, label), date, status, None, because, cite);
    }

    /// [`Dates::add`], with the reminder a last day to act carries.
    fn add_reminded(
        &mut self,
        (id, kind, label): (Cow<'static, str>, DateKind, Cow<'static, str>),
        date: Date,
        status: Status,
        reminder: Option<Reminder>,
        because: impl FnOnce() -> String,
        cite: &'static [&'static str],
    ) {
        let because = if self.explain {
            because()
        } else {
            String::new()
        };
        (self.sink)(Deadline {
            id,
            kind,
            label,
            date,
            status,
            reminder,
            because,
            cite,
        });
    }
}

fn named(
    id: &'static str,
    kind: DateKind,
    label: &'static str,
) -> (Cow<'static, str>, DateKind, Cow<'static, str>) {
    (Cow::Borrowed(id), kind, Cow::Borrowed(label))
}

fn upcoming_or_passed(as_of: Date, date: Date) -> Status {
    if as_of <= date {
        Status::Upcoming
    } else {
        Status::Passed
    }
}

/// The deadlines a [`Screening`](crate::Screening) reads, by id.
pub const ONE_YEAR: &str = "asylum.one_year";
pub const EAD_EARLIEST_FILING: &str = "ead.earliest_filing";
pub const ANNUAL_FEE: &str = "asylum.annual_fee";

/// The fees a deadline carries (its amount, [`fee_usd`]): the rules read
/// no other fee (`P<Usd>`), so a change of another moves no case
/// ([`change::Parts::causes`](crate::change::Parts::causes) tries none).
pub const CARRIED_FEES: [AnyP; 1] = [P::AnnualFeeUsd.any()];

/// The amount due on a fee's date, in U.S. dollars, under `law`: the annual
/// asylum fee in force on an anniversary (Pub. L. 119-21, § 100009); `None`
/// for a date that is not a fee's.
pub fn fee_usd(law: &Law, id: &str, date: Date) -> Option<i64> {
    (id == ANNUAL_FEE
        || id
            .strip_prefix(ANNUAL_FEE)
            .is_some_and(|y| y.starts_with('.')))
    .then(|| law.num(P::AnnualFeeUsd, date))
}

/// What a [`Screening`](crate::Screening) reads of the deadlines: the date
/// and status of [`ONE_YEAR`], and the dates of [`EAD_EARLIEST_FILING`] and
/// [`ANNUAL_FEE`].
#[derive(Debug, Default)]
pub struct ScreenedDates {
    pub one_year: Option<(Date, Status)>,
    pub ead_earliest_filing: Option<Date>,
    pub annual_fee: Option<Date>,
}

impl ScreenedDates {
    /// What a screening reads of a case's deadlines, found as [`all`] finds them.
    pub fn of_case(case: &Case, law: &Law, one_year: Option<&OneYear>) -> ScreenedDates {
        let mut s = ScreenedDates::default();
        each(case, law, one_year, Wanted::Screened, |d| s.take(&d));
        s
    }

    /// What a screening reads of an assessment's `deadlines`.
    pub fn of(deadlines: &[Deadline]) -> ScreenedDates {
        let mut s = ScreenedDates::default();
        deadlines.iter().for_each(|d| s.take(d));
        s
    }

    fn take(&mut self, d: &Deadline) {
        match &*d.id {
            ONE_YEAR => self.one_year = Some((d.date, d.status)),
            EAD_EARLIEST_FILING => self.ead_earliest_filing = Some(d.date),
            ANNUAL_FEE => self.annual_fee = Some(d.date),
            _ => {}
        }
    }
}

/// Every deadline the facts give, `one_year` among them; the because-texts only when `explain`.
pub fn all(case: &Case, law: &Law, one_year: Option<&OneYear>, explain: bool) -> Vec<Deadline> {
    let mut list = Vec::with_capacity(4);
    let wanted = if explain {
        Wanted::Explained
    } else {
        Wanted::All
    };
    each(case, law, one_year, wanted, |d| list.push(d));
    list
}

/// Which deadlines [`each`] finds, and whether it explains them.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wanted {
    /// Every deadline, with its because-text.
    Explained,
    /// Every deadline, without texts.
    All,
    /// Only those a screening reads ([`ScreenedDates`]): the others are
    /// not made at all (a caseload's rows would make and drop them).
    Screened,
}

/// [`all`]'s deadlines, each to `sink` as found.
fn each(
    case: &Case,
    law: &Law,
    one_year: Option<&OneYear>,
    wanted: Wanted,
    sink: impl FnMut(Deadline),
) {
    let as_of = case.as_of();
    let app = case.facts().application();
    let screened = wanted == Wanted::Screened;
    let mut out = Dates {
        explain: wanted == Wanted::Explained,
        sink,
    };

    if let Some(oy) = one_year {
        let filing = filing_date(case, Some(oy.deadline));
        let uac = case.facts().applicant().unaccompanied_child == Some(true);
        let status = if uac {
            Status::Exempt
        } else if app.filed_on.is_some() {
            if filing.date <= oy.deadline {
                Status::Met
            } else {
                Status::Missed
            }
        } else {
            upcoming_or_passed(as_of, oy.deadline)
        };
        let tail = move || {
            match status {
            Status::Exempt => "an unaccompanied child is exempt from the deadline (INA § 208(a)(2)(E))".to_string(),
            Status::Met | Status::Missed => filing.because(),
            _ => "not filed yet: the day the application is received counts, not the day it is mailed, unless clear and convincing documentary evidence shows it was mailed within the year (8 C.F.R. § 103.2(a)(7); § 208.4(a)(2)(ii))".to_string(),
        }
        };
        out.add(
            named(
                ONE_YEAR,
                DateKind::LastDay,
                "One-year asylum filing deadline",
            ),
            oy.deadline,
            status,
            move || text!("{}; {}.", oy.because(law), tail()),
            &["INA § 208(a)(2)(B)", "8 C.F.R. § 208.4(a)(2)(ii)"],
        );
    }

    if let (Some(filed), None) = (app.filed_on, app.granted_on) {
        let stopped = i64::from(app.clock_stopped_days.unwrap_or(0));
        let stopped_text = || match app.clock_stopped_days {
            Some(0) => " (no days of applicant-caused delay)".to_string(),
            Some(n) => text!(" + {n} days of applicant-caused delay"),
            None => " (no applicant-caused delay recorded: add any days the clock was stopped)"
                .to_string(),
        };
        const EAD: [(&str, &str, P<crate::law::Days>, &[&str]); 2] = [
            (
                EAD_EARLIEST_FILING,
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
            if screened && id != EAD_EARLIEST_FILING {
                continue;
            }
            let wait = law.num(p, filed);
            let date = add_days(filed, wait + stopped);
            let what = if id == EAD_EARLIEST_FILING {
                "the work permit (Form I-765) may be filed"
            } else {
                "the work permit may be granted"
            };
            out.add(
                named(id, DateKind::FirstDay, label),
                date,
                upcoming_or_passed(as_of, date),
                move || {
                    text!(
                        "Filed {filed} + {wait} days{} = {date}: the first day {what}.",
                        stopped_text()
                    )
                },
                cite,
            );
        }
    }

    if let Some(granted) = app.granted_on {
        if screened {
            return;
        }
        adjustment_eligible(
            &mut out,
            law,
            as_of,
            named(
                "adjustment.eligible",
                DateKind::FirstDay,
                "First day to apply for permanent residence (Form I-485)",
            ),
            ("Granted", granted, "the asylee"),
        );
        let years = law.num(P::I730WindowYears, granted) as i16;
        let (date, r) = add_years(granted, years, Rounding::Deadline);
        out.add(
            named("i730.deadline", DateKind::LastDay, "Last day to file Form I-730 for a spouse or child"),
            date,
            upcoming_or_passed(as_of, date),
            move || text!(
                "Granted {granted} + {years} years = {date}{}: the last day to file Form I-730 for a spouse or child to follow to join (extendable for humanitarian reasons).",
                feb29(r, Rounding::Deadline)
            ),
            &["8 C.F.R. § 208.21(d)"],
        );
        let window = i730_window(law, granted);
        for (i, m) in case.facts().family().iter().enumerate() {
            if included(m) {
                continue;
            }
            let fid = &case.family_ids()[i];
            let (status, reminder) = match m.i730_filed_on {
                Some(f) if f <= window.deadline => (Status::Met, None),
                Some(_) => (Status::Missed, None),
                None => (
                    upcoming_or_passed(as_of, window.deadline),
                    reminder(law, as_of, window.deadline),
                ),
            };
            let filed = m.i730_filed_on;
            out.add_reminded(
                (
                    Cow::Owned(text!("family.{fid}.i730")),
                    DateKind::LastDay,
                    Cow::Owned(text!("Last day to file Form I-730 for family member {fid}")),
                ),
                window.deadline,
                status,
                reminder,
                move || {
                    let tail = match filed {
                        Some(f) => text!("filed (received) {f}"),
                        None => "not filed yet: the day USCIS receives the petition counts".to_string(),
                    };
                    text!(
                        "{}: the last day to file Form I-730 for this member to follow to join; {tail}. Later, only for humanitarian reasons (8 C.F.R. § 208.21(d)).",
                        window.because(law)
                    )
                },
                &["8 C.F.R. § 208.21(d)", "8 C.F.R. § 1.2"],
            );
        }
    } else if let Some(filed) = app.filed_on {
        let fee_from = law.date(P::AnnualFeeEffective, as_of);
        if as_of >= fee_from {
            annual_fees(&mut out, law, filed, as_of, fee_from, screened);
        }
    }

    if screened {
        return;
    }

    if let Some(adjusted) = app.adjusted_on {
        residence_dates(
            &mut out,
            as_of,
            Residence::of(law, adjusted),
            [
                named(
                    "lpr.date",
                    DateKind::Record,
                    "Permanent residence recorded as of",
                ),
                named(
                    "naturalization.earliest_filing",
                    DateKind::FirstDay,
                    "First day to file for naturalization (Form N-400)",
                ),
            ],
        );
    }

    // > 8 C.F.R. § 209.2(a)(1)(ii): one year of physical presence after being
    // > granted asylum; for a member who followed to join, from the day they
    // > became an asylee (their admission on an approved Form I-730).
    for (i, m) in case.facts().family().iter().enumerate() {
        let Some(since) = m.asylee_since else {
            continue;
        };
        let fid = &case.family_ids()[i];
        adjustment_eligible(
            &mut out,
            law,
            as_of,
            (
                Cow::Owned(text!("family.{fid}.adjustment.eligible")),
                DateKind::FirstDay,
                Cow::Owned(text!(
                    "First day family member {fid} may apply for permanent residence (Form I-485)"
                )),
            ),
            (
                "An asylee through the principal since",
                since,
                "this member",
            ),
        );
    }
    // The same dates for a member who adjusted in their own right as an asylee.
    for (i, m) in case.facts().family().iter().enumerate() {
        let Some(adjusted) = m.adjusted_on else {
            continue;
        };
        let fid = &case.family_ids()[i];
        residence_dates(
            &mut out,
            as_of,
            Residence::of(law, adjusted),
            [
                (
                    Cow::Owned(text!("family.{fid}.lpr.date")),
                    DateKind::Record,
                    Cow::Owned(text!(
                        "Family member {fid}'s permanent residence recorded as of"
                    )),
                ),
                (
                    Cow::Owned(text!("family.{fid}.naturalization.earliest_filing")),
                    DateKind::FirstDay,
                    Cow::Owned(text!(
                        "First day family member {fid} may file for naturalization (Form N-400)"
                    )),
                ),
            ],
        );
    }

    // An unmarried child's 21st birthday matters while the age is not frozen
    // by a filing (CSPA). It is shown unless the child is known to be married:
    // while that is unknown, showing the date is the safe choice.
    if app.filed_on.is_none() && app.granted_on.is_none() {
        for (i, m) in case.facts().family().iter().enumerate() {
            let (Some(Relation::Child), Some(birth), false) =
                (m.relation, m.birth_date, m.married == Some(true))
            else {
                continue;
            };
            let limit = law.num(P::ChildAgeLimit, as_of) as i16;
            let (birthday, r) = add_years(birth, limit, Rounding::Deadline);
            // The last day to act is the day before the birthday: on it the
            // child is no longer under 21.
            let date = add_days(birthday, -1);
            out.add_reminded(
                (
                    Cow::Owned(text!("family.{}.age_21", case.family_ids()[i])),
                    DateKind::LastDay,
                    Cow::Owned(text!(
                        "Last day to file while family member {} is under {limit} (the day before the {limit}st birthday)",
                        case.family_ids()[i]
                    )),
                ),
                date,
                upcoming_or_passed(as_of, date),
                reminder(law, as_of, date),
                move || text!(
                    "Born {birth}; turns {limit} on {birthday}{} (age {} on {as_of}), so the last day to file while under {limit} is the day before, {date}. Nothing is filed, so the Child Status Protection Act has not frozen the age: the child must be named on an application filed by then.",
                    feb29(r, Rounding::Deadline),
                    age_on(birth, as_of)
                ),
                &["INA § 101(b)(1)", "INA § 208(b)(3)(B)"],
            );
        }
    }
}

/// The dates that follow an asylee's adjustment: permanent residence
/// recorded as of a year before the approval (8 C.F.R. § 209.2(f)), and the
/// first day to file for naturalization, five years after it less 90 days
/// (INA § 316(a), § 334(a); 8 C.F.R. § 334.2(b)).
#[derive(Debug, Clone, Copy)]
pub struct Residence {
    pub adjusted: Date,
    pub rollback_years: i16,
    /// Permanent residence recorded as of.
    pub lpr: Date,
    lpr_rounded: bool,
    pub residence_years: i16,
    /// `lpr` + the residence years.
    pub five: Date,
    five_rounded: bool,
    pub early_days: i64,
    /// The first day Form N-400 may be filed.
    pub earliest_filing: Date,
}

impl Residence {
    pub fn of(law: &Law, adjusted: Date) -> Residence {
        let rollback_years = law.num(P::LprRollbackYears, adjusted) as i16;
        let (lpr, lpr_rounded) = add_years(adjusted, -rollback_years, Rounding::Eligibility);
        let residence_years = law.num(P::NaturalizationResidenceYears, lpr) as i16;
        let early_days = law.num(P::NaturalizationEarlyFilingDays, lpr);
        let (five, five_rounded) = add_years(lpr, residence_years, Rounding::Eligibility);
        Residence {
            adjusted,
            rollback_years,
            lpr,
            lpr_rounded,
            residence_years,
            five,
            five_rounded,
            early_days,
            earliest_filing: add_days(five, -early_days),
        }
    }
}

/// `lpr.date` and `naturalization.earliest_filing` (or a member's), named by `names`.
fn residence_dates<F: FnMut(Deadline)>(
    out: &mut Dates<F>,
    as_of: Date,
    res: Residence,
    [lpr_name, naturalization_name]: [(Cow<'static, str>, DateKind, Cow<'static, str>); 2],
) {
    let Residence {
        adjusted,
        lpr,
        five,
        early_days: early,
        earliest_filing: date,
        ..
    } = res;
    out.add(
        lpr_name,
        lpr,
        Status::Met,
        move || text!(
            "Adjustment approved {adjusted}; an asylee's permanent residence is recorded as of {} year earlier: {lpr}{}.",
            res.rollback_years,
            feb29(res.lpr_rounded, Rounding::Eligibility)
        ),
        &["INA § 209(b)", "8 C.F.R. § 209.2(f)"],
    );
    out.add(
        naturalization_name,
        date,
        upcoming_or_passed(as_of, date),
        move || text!(
            "Permanent resident since {lpr}; + {} years = {five}{}; − {early} days = {date}: the first day Form N-400 may be filed.",
            res.residence_years,
            feb29(res.five_rounded, Rounding::Eligibility)
        ),
        &["INA § 316(a)", "INA § 334(a)", "8 C.F.R. § 334.2(b)"],
    );
}

/// The first day to apply to adjust to permanent residence: a year after
/// `since` (INA § 209(b)(2); 8 C.F.R. § 209.2(a)(1)(ii)), the day of the
/// grant or, for a member who followed to join, the day they became an
/// asylee; `(from, since, who)` word the arithmetic.
fn adjustment_eligible<F: FnMut(Deadline)>(
    out: &mut Dates<F>,
    law: &Law,
    as_of: Date,
    name: (Cow<'static, str>, DateKind, Cow<'static, str>),
    (from, since, who): (&'static str, Date, &'static str),
) {
    let years = law.num(P::AdjustmentWaitYears, since) as i16;
    let (date, r) = add_years(since, years, Rounding::Eligibility);
    out.add(
        name,
        date,
        upcoming_or_passed(as_of, date),
        move || text!(
            "{from} {since} + {years} year{} = {date}{}: the first day {who} may apply to adjust to permanent residence (Form I-485) after one year of physical presence.",
            if years == 1 { "" } else { "s" },
            feb29(r, Rounding::Eligibility)
        ),
        &["INA § 209(b)(2)", "8 C.F.R. § 209.2(a)(1)(ii)"],
    );
}

/// The annual asylum fee (Pub. L. 119-21, § 100009): every anniversary of
/// filing on or after the fee took effect and on or before `as_of` that the
/// facts do not show paid (they record no payment), each overdue, and the
/// next one, `asylum.annual_fee`, from as_of on (`amendments-2026-12.md` C);
/// only the next one when `next_only`.
// NOT MODELLED: payments of the annual fee (the facts record none: every
// anniversary is listed as unpaid) and USCIS's own billing of fiscal year 2025.
fn annual_fees<F: FnMut(Deadline)>(
    out: &mut Dates<F>,
    law: &Law,
    filed: Date,
    as_of: Date,
    fee_from: Date,
    next_only: bool,
) {
    const CITE: &[&str] = &[
        "Pub. L. 119-21, § 100009 (2025)",
        "90 Fed. Reg. 34,511 (July 22, 2025)",
        "90 Fed. Reg. 52,693 (Nov. 21, 2025)",
    ];
    // Anniversary n falls in the year of filing + n: those before the year
    // of the first one wanted all come before it.
    let first = if next_only { as_of } else { fee_from };
    for n in (first.year() - filed.year()).max(1).. {
        let (date, r) = add_years(filed, n, Rounding::Deadline);
        if date < fee_from || (next_only && date < as_of) {
            continue;
        }
        let amount = law.num(P::AnnualFeeUsd, date);
        if date >= as_of {
            out.add(
                named(ANNUAL_FEE, DateKind::LastDay, "Annual asylum fee due"),
                date,
                upcoming_or_passed(as_of, date),
                move || text!(
                    "Filed {filed}; the application is still pending on {as_of}; anniversary {n} of filing is {date}{}: the annual asylum fee of ${amount} in force then is due for each year the application stays pending. USCIS sends a notice; an application whose fee is not paid within 30 days of it may be rejected.",
                    feb29(r, Rounding::Deadline)
                ),
                CITE,
            );
            return;
        }
        out.add(
            (
                Cow::Owned(text!("{ANNUAL_FEE}.{}", date.year())),
                DateKind::LastDay,
                Cow::Owned(text!("Annual asylum fee of anniversary {n} ({date}): not shown paid")),
            ),
            date,
            Status::Passed,
            move || text!(
                "Filed {filed}; anniversary {n} of filing was {date}{}, when the annual asylum fee of ${amount} fell due. The facts record no payment: confirm the receipt. USCIS sends a notice; an application whose fee is not paid within 30 days of it may be rejected.",
                feb29(r, Rounding::Deadline)
            ),
            CITE,
        );
    }
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
