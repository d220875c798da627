//! The law as data: the parameter set in the engine crate's `law/` folder.
//!
//! Holidays, waiting periods, date windows, fees and warning texts, each value
//! with the dates it applies and its source. The files are embedded at build
//! time, so the engine reads nothing at run time; [`Law::embedded`] parses them
//! once, and the engine takes the result as an argument.
//!
//! Parsing is in two steps, as ripgrep parses its flags: the files are read as
//! written ([`RawLaw`], serde), then checked and typed ([`Law::validate`]).
//! A `Law` holds only checked values: dates are dates, a parameter's periods
//! neither overlap nor leave a gap, and each parameter is in the unit the
//! engine reads it in. What the rules read is typed by the key: a date
//! parameter is a `P<Date>`, read by [`Law::date`]; a count is a `P<Days>`,
//! `P<Months>`, `P<Years>` or `P<Usd>`, read by [`Law::num`]:
//!
//! ```
//! use refuge_engine::Law;
//! use refuge_engine::law::P;
//! let law = Law::embedded();
//! let on = jiff::civil::date(2026, 1, 1);
//! assert_eq!(law.date(P::StcaEffective, on), jiff::civil::date(2004, 12, 29));
//! assert_eq!(law.num(P::EadFilingWaitDays, on), 150);
//! ```
//!
//! Reading a date as a number does not compile:
//!
//! ```compile_fail
//! use refuge_engine::Law;
//! use refuge_engine::law::P;
//! let law = Law::embedded();
//! law.num(P::StcaEffective, jiff::civil::date(2026, 1, 1));
//! ```

use std::marker::PhantomData;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, DayRule};
use crate::facts::{Country, parse_date};

/// The texts of the six files of a parameter set.
#[derive(Debug, Clone, Copy)]
pub struct Files<'a> {
    pub law: &'a str,
    pub parameters: &'a str,
    pub holidays: &'a str,
    pub closings: &'a str,
    pub warnings: &'a str,
    pub countries: &'a str,
}

impl Files<'static> {
    /// The files built into this binary (`crates/engine/law/`).
    pub const EMBEDDED: Files<'static> = Files {
        law: include_str!("../law/law.toml"),
        parameters: include_str!("../law/parameters.toml"),
        holidays: include_str!("../law/holidays.toml"),
        closings: include_str!("../law/closings.toml"),
        warnings: include_str!("../law/warnings.toml"),
        countries: include_str!("../law/countries.toml"),
    };
}

// ---------------------------------------------------------------------------
// The typed keys of the parameters the engine reads

/// The unit of a parameter's values, as `parameters.toml` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// A calendar date (`"2023-05-11"`).
    Date,
    Days,
    Months,
    Years,
    /// Whole U.S. dollars.
    Usd,
}

impl Unit {
    const ALL: [Unit; 5] = [Unit::Date, Unit::Days, Unit::Months, Unit::Years, Unit::Usd];

    /// The name in `parameters.toml`.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Date => "date",
            Unit::Days => "days",
            Unit::Months => "months",
            Unit::Years => "years",
            Unit::Usd => "usd",
        }
    }

    /// What a value of this unit is, for an error.
    fn kind(self) -> &'static str {
        match self {
            Unit::Date => "a date (YYYY-MM-DD)",
            Unit::Days => "a whole number of days",
            Unit::Months => "a whole number of months",
            Unit::Years => "a whole number of years",
            Unit::Usd => "a whole number of dollars",
        }
    }
}

impl std::fmt::Display for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The kind of a parameter's value, as a type: `jiff`'s [`Date`], or one of
/// the counts [`Days`], [`Months`], [`Years`], [`Usd`].
pub trait Kind {
    /// The unit `parameters.toml` must give a parameter of this kind.
    const UNIT: Unit;
}

/// A kind whose values are whole numbers, read by [`Law::num`].
pub trait Count: Kind {}

/// A number of days.
#[derive(Debug, Clone, Copy)]
pub enum Days {}
/// A number of calendar months.
#[derive(Debug, Clone, Copy)]
pub enum Months {}
/// A number of years.
#[derive(Debug, Clone, Copy)]
pub enum Years {}
/// An amount in whole U.S. dollars.
#[derive(Debug, Clone, Copy)]
pub enum Usd {}

impl Kind for Date {
    const UNIT: Unit = Unit::Date;
}
impl Kind for Days {
    const UNIT: Unit = Unit::Days;
}
impl Kind for Months {
    const UNIT: Unit = Unit::Months;
}
impl Kind for Years {
    const UNIT: Unit = Unit::Years;
}
impl Kind for Usd {
    const UNIT: Unit = Unit::Usd;
}
impl Count for Days {}
impl Count for Months {}
impl Count for Years {}
impl Count for Usd {}

/// A parameter the engine reads, typed by the kind of its value: a
/// `P<Date>` (the default) is read with [`Law::date`], a `P<Days>` and the
/// other counts with [`Law::num`]. Each must be in `parameters.toml`, in its
/// kind's unit ([`Law::validate`] checks both).
pub struct P<K = Date> {
    /// The place in [`P::ALL`] (and in the law's tables).
    index: u8,
    id: &'static str,
    kind: PhantomData<fn() -> K>,
}

// Written out rather than derived: a derive would ask `K: Clone`, and `Date`
// is the only kind that is a value.
impl<K> Clone for P<K> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<K> Copy for P<K> {}

impl<K> std::fmt::Debug for P<K> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id)
    }
}

impl<K: Kind> P<K> {
    /// The id in `parameters.toml`.
    pub fn id(self) -> &'static str {
        self.id
    }

    /// The parameter without its kind, for a list of all of them.
    pub const fn any(self) -> AnyP {
        AnyP {
            index: self.index,
            id: self.id,
            unit: K::UNIT,
        }
    }
}

/// A parameter the engine reads, of any kind (see [`P::ALL`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnyP {
    index: u8,
    id: &'static str,
    unit: Unit,
}

impl AnyP {
    /// The id in `parameters.toml`.
    pub fn id(self) -> &'static str {
        self.id
    }

    /// The unit the engine reads it in.
    pub fn unit(self) -> Unit {
        self.unit
    }
}

/// Declares the parameters the engine reads: for each, a constant
/// `P::Name` of type `P<Kind>`, numbered in order, and its place in `P::ALL`.
macro_rules! parameters {
    ($($name:ident: $kind:ty = $id:literal,)*) => {
        /// The parameters in order; `Place::Name as u8` is each one's number.
        enum Place { $($name,)* }

        $(
            // Named as the enum variants they replace, so that a rule still
            // reads `law.date(P::StcaEffective, on)`.
            #[allow(non_upper_case_globals)]
            impl P<$kind> {
                pub const $name: P<$kind> = P {
                    index: Place::$name as u8,
                    id: $id,
                    kind: PhantomData,
                };
            }
        )*

        impl P {
            /// Every parameter the engine reads, in order.
            pub const ALL: &'static [AnyP] = &[$(P::<$kind>::$name.any(),)*];
        }
    };
}

parameters! {
    OneYearEffective: Date = "asylum.one_year.effective",
    OneYearYears: Years = "asylum.one_year.years",
    ExceptionLawfulStatusMonths: Months = "asylum.one_year_exception.lawful_status_unreasonable_months",
    ExceptionUnreasonableAfterDays: Days = "asylum.one_year_exception.unreasonable_after_days",
    EadFilingWaitDays: Days = "ead.filing_wait_days",
    EadGrantWaitDays: Days = "ead.grant_wait_days",
    AdjustmentWaitYears: Years = "adjustment.wait_years",
    I730WindowYears: Years = "i730.window_years",
    LprRollbackYears: Years = "lpr.rollback_years",
    NaturalizationResidenceYears: Years = "naturalization.residence_years",
    NaturalizationEarlyFilingDays: Days = "naturalization.early_filing_days",
    ChildAgeLimit: Years = "derivative.child_age_limit",
    InUteroDays: Days = "derivative.in_utero_days",
    ReminderFirstDays: Days = "reminders.first_days",
    ReminderSecondDays: Days = "reminders.second_days",
    ReminderLastDays: Days = "reminders.last_days",
    NaturalizationPresenceMonths: Months = "naturalization.physical_presence_months",
    AbsencePresumptionMonths: Months = "naturalization.absence_presumption_months",
    AbsenceBreakYears: Years = "naturalization.absence_break_years",
    StcaEffective: Date = "stca.effective",
    StcaAdditionalProtocol: Date = "stca.additional_protocol",
    LawfulPathwaysStart: Date = "lawful_pathways.window_start",
    LawfulPathwaysEnd: Date = "lawful_pathways.window_end",
    SecuringTheBorder: Date = "securing_the_border.effective",
    Proclamation10888: Date = "proclamation_10888.effective",
    AffirmativeHold: Date = "affirmative_hold.effective",
    AnnualFeeEffective: Date = "annual_fee.effective",
    AnnualFeeUsd: Usd = "fee.annual_asylum_usd",
    ApplicationFeeUsd: Usd = "fee.asylum_application_usd",
    InitialEadFeeUsd: Usd = "fee.initial_ead_asylum_usd",
    WorkPermitChanges: Date = "work_permit_changes.effective",
    PsgPrecedents: Date = "psg_precedents.effective",
}

/// How many parameters the engine reads.
const COUNT: usize = P::ALL.len();

// ---------------------------------------------------------------------------
// The checked parameter set

/// Where a value comes from: the title and address of the statute, regulation,
/// Federal Register notice or decision. Checked: a title, and an `https://`
/// address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub url: String,
}

/// A parameter's value, of its parameter's unit: a whole number (days,
/// months, years, dollars) or a date. Written as the file writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Number(i64),
    Date(Date),
}

/// One value of a parameter and the period it applies to (inclusive; `to`
/// absent: still in force).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Dated {
    pub from: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    pub value: Value,
    pub source: Source,
}

/// A legal parameter with its dated values, in order, one after the other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Parameter {
    pub id: String,
    pub label: String,
    pub unit: Unit,
    pub applies_to: String,
    pub values: Vec<Dated>,
}

/// A legal public holiday and the rules that gave its date over time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Holiday {
    pub name: String,
    pub rule: Vec<HolidayRule>,
}

/// A holiday's date rule and the period it gave the holiday's date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HolidayRule {
    pub from: Date,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Date>,
    /// As written (`"01-01"`, `"third monday of january"`); checked to read
    /// as a rule.
    pub date: String,
    pub source: Source,
}

/// The rule that moves a holiday off a weekend (5 U.S.C. § 6103(b)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observed {
    pub rule: String,
    pub source: Source,
}

/// A closing of executive departments by executive order: not a legal holiday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Closing {
    pub date: Date,
    pub reason: String,
    pub source: Source,
}

/// The text of a law-in-flux warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WarningText {
    pub code: String,
    /// A few words a reader can scan ("Annual asylum fee").
    pub title: String,
    pub message: String,
    pub cite: Vec<String>,
    pub source: Source,
}

/// A country named by the law for a dated period: a designation of
/// in-country refugee processing (INA § 101(a)(42)(B)), or an asylum
/// cooperative agreement (INA § 208(a)(2)(A)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryEntry {
    pub country: Country,
    /// What the entry is (the agreement's or the designation's name).
    pub name: String,
    pub from: Date,
    pub to: Option<Date>,
    pub source: Source,
}

impl CountryEntry {
    /// Whether the entry is in force on `d`.
    pub fn on(&self, d: Date) -> bool {
        self.from <= d && self.to.is_none_or(|t| d <= t)
    }
}

/// One period of a parameter's value, as the engine looks it up.
#[derive(Debug, Clone, Copy)]
struct Span<T> {
    from: Date,
    to: Option<Date>,
    value: T,
}

/// The value in force on `on` among `spans` (never empty: checked at load).
fn in_force<T: Copy>(spans: &[Span<T>], on: Date) -> T {
    spans
        .iter()
        .find(|s| s.from <= on && s.to.is_none_or(|t| on <= t))
        // Before the first period the law did not apply yet: the earliest value stands in.
        .unwrap_or(&spans[0])
        .value
}

/// A parsed, checked parameter set (see the module's documentation). Its
/// fields are private: what is read is read through the typed getters and
/// the checked records.
#[derive(Debug, Clone)]
pub struct Law {
    pub(crate) version: String,
    pub(crate) reviewed_on: Date,
    pub(crate) calendar: Calendar,
    parameters: Vec<Parameter>,
    holidays: Vec<Holiday>,
    observed: Observed,
    closings: Vec<Closing>,
    warnings: Vec<WarningText>,
    /// For each warning condition (`rules::warnings::CODES`), its text's place in `warnings`.
    condition_warnings: [Option<usize>; crate::rules::warnings::CONDITIONS],
    /// Designations of in-country refugee processing (INA § 101(a)(42)(B)).
    in_country_processing: Vec<CountryEntry>,
    /// Asylum cooperative agreements (INA § 208(a)(2)(A)).
    cooperative_agreements: Vec<CountryEntry>,
    /// For each parameter the engine reads (by its place in `P::ALL`), its
    /// periods if it is a date; empty for a count.
    dates: [Box<[Span<Date>]>; COUNT],
    /// For each parameter the engine reads, its periods if it is a count;
    /// empty for a date.
    counts: [Box<[Span<i64>]>; COUNT],
    /// The closings' dates, sorted, with each one's place in `closings`.
    closing_dates: Vec<(Date, usize)>,
}

impl Law {
    /// The parameter set built into this binary.
    pub fn embedded() -> &'static Law {
        static LAW: std::sync::OnceLock<Law> = std::sync::OnceLock::new();
        LAW.get_or_init(|| {
            Law::validate_embedded().unwrap_or_else(|e| {
                panic!("the embedded parameter set is invalid (a build defect): {e}")
            })
        })
    }

    /// [`Law::parse`] of the embedded files, read from their JSON ([`RawLaw::embedded`]).
    fn validate_embedded() -> Result<Law, LawError> {
        Law::validate(RawLaw::embedded()?)
    }

    /// Reads and checks a parameter set from the texts of its six files:
    /// [`RawLaw::parse`], then [`Law::validate`].
    ///
    /// # Errors
    /// A [`LawError`] naming the file, the entry (parameter, holiday, ...)
    /// and the period where there is one, and what is wrong.
    pub fn parse(files: &Files) -> Result<Law, LawError> {
        Law::validate(RawLaw::parse(files)?)
    }

    /// Checks a parameter set as read from its files, and types its values:
    /// every date is a date; every parameter the engine reads is given once,
    /// in the unit the engine reads it in, with values of that unit's kind
    /// (a date for a date, a whole number not below zero for a count); each
    /// parameter's and holiday's periods follow one another without a gap or
    /// an overlap, the last one still in force; every value has a source.
    ///
    /// # Errors
    /// The first problem found, as a [`LawError`].
    pub fn validate(raw: RawLaw) -> Result<Law, LawError> {
        let reviewed_on = parse_date(&raw.header.reviewed_on)
            .map_err(|m| LawError::new(LAW, "reviewed_on", None, Problem::NotADate(m)))?;
        let parameters = raw
            .parameters
            .into_iter()
            .map(parameter)
            .collect::<Result<Vec<_>, _>>()?;
        for (i, p) in parameters.iter().enumerate() {
            if parameters[..i].iter().any(|q| q.id == p.id) {
                return Err(LawError::new(PARAMETERS, &p.id, None, Problem::Duplicate));
            }
        }
        let mut dates: [Box<[Span<Date>]>; COUNT] = Default::default();
        let mut counts: [Box<[Span<i64>]>; COUNT] = Default::default();
        for read in P::ALL {
            let p = parameters
                .iter()
                .find(|x| x.id == read.id)
                .ok_or_else(|| LawError::new(PARAMETERS, read.id, None, Problem::Missing))?;
            if p.unit != read.unit {
                return Err(LawError::new(
                    PARAMETERS,
                    &p.id,
                    None,
                    Problem::WrongUnit {
                        wanted: read.unit,
                        found: p.unit,
                    },
                ));
            }
            let spans = p.values.iter().map(|v| (v.from, v.to, v.value));
            // The values are of the unit's kind (`parameter` checked them).
            match read.unit {
                Unit::Date => {
                    dates[usize::from(read.index)] = spans
                        .filter_map(|(from, to, v)| match v {
                            Value::Date(value) => Some(Span { from, to, value }),
                            Value::Number(_) => None,
                        })
                        .collect();
                }
                _ => {
                    counts[usize::from(read.index)] = spans
                        .filter_map(|(from, to, v)| match v {
                            Value::Number(value) => Some(Span { from, to, value }),
                            Value::Date(_) => None,
                        })
                        .collect();
                }
            }
        }

        let holidays = raw
            .holidays
            .holiday
            .into_iter()
            .map(holiday)
            .collect::<Result<Vec<_>, _>>()?;
        let rules: Vec<_> = holidays
            .iter()
            .map(|h| {
                let rs = h
                    .rule
                    .iter()
                    .filter_map(|r| Some((DayRule::parse(&r.date)?, r.from, r.to)))
                    .collect();
                (h.name.clone(), rs)
            })
            .collect();
        let calendar = Calendar::new(&rules, 1971..=2200);
        let observed = raw.holidays.observed;
        sourced(&observed.source, || {
            LawError::new(HOLIDAYS, "observed", None, Problem::NoSource)
        })?;

        let closings = raw
            .closings
            .into_iter()
            .map(|c| {
                let date = parse_date(&c.date)
                    .map_err(|m| LawError::new(CLOSINGS, &c.date, None, Problem::NotADate(m)))?;
                sourced(&c.source, || {
                    LawError::new(CLOSINGS, &c.date, None, Problem::NoSource)
                })?;
                Ok(Closing {
                    date,
                    reason: c.reason,
                    source: c.source,
                })
            })
            .collect::<Result<Vec<_>, LawError>>()?;
        let mut closing_dates: Vec<(Date, usize)> = closings
            .iter()
            .enumerate()
            .map(|(i, c)| (c.date, i))
            .collect();
        closing_dates.sort();

        for (i, w) in raw.warnings.iter().enumerate() {
            if raw.warnings[..i].iter().any(|x| x.code == w.code) {
                return Err(LawError::new(WARNINGS, &w.code, None, Problem::Duplicate));
            }
            sourced(&w.source, || {
                LawError::new(WARNINGS, &w.code, None, Problem::NoSource)
            })?;
        }

        let countries = |entries: Vec<RawCountry>| {
            entries
                .into_iter()
                .map(country)
                .collect::<Result<Vec<_>, _>>()
        };
        Ok(Law {
            version: raw.header.version,
            reviewed_on,
            calendar,
            parameters,
            holidays,
            observed,
            closings,
            condition_warnings: crate::rules::warnings::CODES
                .map(|c| raw.warnings.iter().position(|w| w.code == c)),
            warnings: raw.warnings,
            in_country_processing: countries(raw.countries.in_country_processing)?,
            cooperative_agreements: countries(raw.countries.cooperative_agreement)?,
            dates,
            counts,
            closing_dates,
        })
    }

    /// The parameter set's version (`law.toml`).
    pub fn version(&self) -> &str {
        &self.version
    }

    /// The day the parameter set was last reviewed (`law.toml`).
    pub fn reviewed_on(&self) -> Date {
        self.reviewed_on
    }

    /// The legal holidays, for rolling deadlines.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// Every parameter of `parameters.toml`, in its order, with all its values.
    pub fn parameters(&self) -> &[Parameter] {
        &self.parameters
    }

    /// The legal public holidays of `holidays.toml`.
    pub fn holidays(&self) -> &[Holiday] {
        &self.holidays
    }

    /// The observed-day rule (5 U.S.C. § 6103(b)).
    pub fn observed(&self) -> &Observed {
        &self.observed
    }

    /// The closings by executive order, in the order of `closings.toml`.
    pub fn closings(&self) -> &[Closing] {
        &self.closings
    }

    /// The warning texts, in the order of `warnings.toml`.
    pub fn warnings(&self) -> &[WarningText] {
        &self.warnings
    }

    /// A count (days, months, years, dollars) in force on `on`.
    #[inline]
    pub fn num<K: Count>(&self, p: P<K>, on: Date) -> i64 {
        in_force(&self.counts[usize::from(p.index)], on)
    }

    /// A date-valued parameter in force on `on`.
    #[inline]
    pub fn date(&self, p: P<Date>, on: Date) -> Date {
        in_force(&self.dates[usize::from(p.index)], on)
    }

    /// The designation of in-country refugee processing for `country` in
    /// force on `on` (INA § 101(a)(42)(B)), if there is one.
    pub fn in_country_designation(&self, country: Country, on: Date) -> Option<&CountryEntry> {
        self.in_country_processing
            .iter()
            .find(|d| d.country == country && d.on(on))
    }

    /// The asylum cooperative agreements in force on `on`.
    pub fn agreements_on(&self, on: Date) -> impl Iterator<Item = &CountryEntry> {
        self.cooperative_agreements.iter().filter(move |d| d.on(on))
    }

    /// The warning text for `code`.
    pub fn warning(&self, code: &str) -> Option<&WarningText> {
        self.warnings.iter().find(|w| w.code == code)
    }

    /// The text of the warning of condition `i` (its code is
    /// `rules::warnings::CODES[i]`), if the law has one.
    #[inline]
    pub fn condition_warning(&self, i: usize) -> Option<&WarningText> {
        self.condition_warnings[i].map(|k| &self.warnings[k])
    }

    /// The place in [`Law::warnings`] of a warning text.
    #[inline]
    pub fn warning_index(&self, code: &str) -> Option<usize> {
        self.warnings.iter().position(|w| w.code == code)
    }

    /// The executive-order closing on `date`, if there was one.
    pub fn closing(&self, date: Date) -> Option<&Closing> {
        let i = self.closing_dates.partition_point(|(d, _)| *d < date);
        self.closing_dates
            .get(i)
            .filter(|(d, _)| *d == date)
            .map(|(_, c)| &self.closings[*c])
    }

    /// The parts in which `other` differs from this parameter set: each
    /// parameter whose periods, values or sources differ (in the order of
    /// `other`'s file, then those it no longer has), then the holidays, the
    /// closings, the warnings' texts and the countries, each as a whole.
    pub fn parts_differing(&self, other: &Law) -> Vec<Part> {
        let mut parts: Vec<Part> = Vec::new();
        let mine = |id: &str| self.parameters.iter().find(|p| p.id == id);
        for p in &other.parameters {
            if mine(&p.id).is_none_or(|q| q.values != p.values) {
                parts.push(Part::Parameter(p.id.clone()));
            }
        }
        for p in &self.parameters {
            if !other.parameters.iter().any(|q| q.id == p.id) {
                parts.push(Part::Parameter(p.id.clone()));
            }
        }
        if self.holidays != other.holidays || self.observed != other.observed {
            parts.push(Part::Holidays);
        }
        if self.closings != other.closings {
            parts.push(Part::Closings);
        }
        if self.warnings != other.warnings {
            parts.push(Part::Warnings);
        }
        if self.in_country_processing != other.in_country_processing
            || self.cooperative_agreements != other.cooperative_agreements
        {
            parts.push(Part::Countries);
        }
        parts
    }

    /// This parameter set with one part taken from `other` (its version
    /// stays this one's): the way to tell which change of the law moved an
    /// outcome (`change::Comparison`).
    pub fn with_part_of(&self, other: &Law, part: &Part) -> Law {
        let mut law = self.clone();
        match part {
            Part::Parameter(id) => {
                law.parameters.retain(|p| p.id != *id);
                if let Some(p) = other.parameters.iter().find(|p| p.id == *id) {
                    law.parameters.push(p.clone());
                }
                if let Some(read) = P::ALL.iter().find(|p| p.id == *id) {
                    let i = usize::from(read.index);
                    law.dates[i] = other.dates[i].clone();
                    law.counts[i] = other.counts[i].clone();
                }
            }
            Part::Holidays => {
                law.holidays = other.holidays.clone();
                law.observed = other.observed.clone();
                law.calendar = other.calendar.clone();
            }
            Part::Closings => {
                law.closings = other.closings.clone();
                law.closing_dates = other.closing_dates.clone();
            }
            Part::Warnings => {
                law.warnings = other.warnings.clone();
                law.condition_warnings = other.condition_warnings;
            }
            Part::Countries => {
                law.in_country_processing = other.in_country_processing.clone();
                law.cooperative_agreements = other.cooperative_agreements.clone();
            }
        }
        law
    }

    /// The parameter of `parameters.toml` with this id.
    pub fn parameter(&self, id: &str) -> Option<&Parameter> {
        self.parameters.iter().find(|p| p.id == id)
    }
}

/// A part of a parameter set that one version may change from another
/// ([`Law::parts_differing`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// A parameter of `parameters.toml`, by id.
    Parameter(String),
    /// `holidays.toml`.
    Holidays,
    /// `closings.toml`.
    Closings,
    /// `warnings.toml`.
    Warnings,
    /// `countries.toml`.
    Countries,
}

// ---------------------------------------------------------------------------
// Errors

/// A parameter set that [`Law::parse`] refuses: the file, the entry, the
/// period where there is one, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LawError {
    /// The file (`parameters.toml`).
    pub file: &'static str,
    /// The entry: a parameter's id, a holiday's name, a closing's date, a
    /// warning's code, a country entry's name, or a field of `law.toml`.
    pub entry: String,
    /// The period of the value at fault (`from 2025-07-22 to 2025-12-31`).
    pub period: Option<String>,
    pub problem: Problem,
}

/// `law/parameters.toml: fee.annual_asylum_usd, the value from 2025-07-22
/// to 2025-12-31: a gap follows: ...`.
impl std::fmt::Display for LawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "law/{}: ", self.file)?;
        if !self.entry.is_empty() {
            write!(f, "{}", self.entry)?;
            if let Some(p) = &self.period {
                write!(f, ", the value {p}")?;
            }
            f.write_str(": ")?;
        }
        write!(f, "{}", self.problem)
    }
}

impl LawError {
    fn new(file: &'static str, entry: &str, period: Option<String>, problem: Problem) -> LawError {
        LawError {
            file,
            entry: entry.to_string(),
            period,
            problem,
        }
    }
}

/// What is wrong in a parameter set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    /// Not TOML, or not the fields the file has.
    #[error("{0}")]
    Syntax(String),
    #[error("{0}")]
    NotADate(String),
    /// A parameter the engine reads is not in the file.
    #[error("missing: the engine reads this parameter")]
    Missing,
    /// A parameter id or warning code given twice.
    #[error("given twice")]
    Duplicate,
    #[error("{0:?} is not a unit (date, days, months, years or usd)")]
    UnknownUnit(String),
    /// The unit is not the one the engine reads the parameter in.
    #[error("the unit is {found}, but the engine reads this parameter in {wanted}")]
    WrongUnit { wanted: Unit, found: Unit },
    /// A value that is not of its unit's kind.
    #[error("{value} is not {wanted}")]
    WrongKind { wanted: &'static str, value: String },
    #[error("{0} is below zero")]
    Negative(i64),
    #[error("no value")]
    NoValue,
    #[error("it ends on {to}, before it starts")]
    EndsBeforeStart { to: Date },
    /// The next period starts after the day after this one's end.
    #[error("a gap follows: the next value starts on {next}, not on {want}")]
    Gap { want: Date, next: Date },
    /// The next period starts before this one ends.
    #[error("an overlap follows: the next value starts on {next}, not on {want}")]
    Overlap { want: Date, next: Date },
    #[error("it has no end date, but another value follows it")]
    OpenBeforeLast,
    #[error("it is the last value, but it ends: the last value stays in force")]
    LastEnds,
    #[error("no source (a title, and an https:// address)")]
    NoSource,
    #[error("cannot read the date rule {0:?}")]
    DayRule(String),
    #[error("{0:?} is not a country code")]
    Country(String),
}

const LAW: &str = "law.toml";
const PARAMETERS: &str = "parameters.toml";
const HOLIDAYS: &str = "holidays.toml";
const CLOSINGS: &str = "closings.toml";
const WARNINGS: &str = "warnings.toml";
const COUNTRIES: &str = "countries.toml";

// ---------------------------------------------------------------------------
// The files as written

/// A parameter set as read from its files, before any check (serde's
/// reading of the TOML: dates are still text). [`Law::validate`] makes a
/// [`Law`] of it.
#[derive(Debug, Clone)]
pub struct RawLaw {
    header: Header,
    parameters: Vec<RawParameter>,
    holidays: HolidayFile,
    closings: Vec<RawClosing>,
    warnings: Vec<WarningText>,
    countries: CountryFile,
}

impl RawLaw {
    /// Reads the six files' TOML into their fields.
    ///
    /// # Errors
    /// A [`LawError`] with [`Problem::Syntax`], naming the file.
    pub fn parse(files: &Files) -> Result<RawLaw, LawError> {
        Ok(RawLaw {
            header: toml_file(LAW, files.law)?,
            parameters: toml_file::<ParameterFile>(PARAMETERS, files.parameters)?.parameter,
            holidays: toml_file(HOLIDAYS, files.holidays)?,
            closings: toml_file::<ClosingFile>(CLOSINGS, files.closings)?.closing,
            warnings: toml_file::<WarningFile>(WARNINGS, files.warnings)?.warning,
            countries: toml_file(COUNTRIES, files.countries)?,
        })
    }
}

/// The embedded files as JSON, which `build.rs` converts from the TOML.
struct EmbeddedJson;

impl EmbeddedJson {
    const LAW: &str = include_str!(concat!(env!("OUT_DIR"), "/law.json"));
    const PARAMETERS: &str = include_str!(concat!(env!("OUT_DIR"), "/parameters.json"));
    const HOLIDAYS: &str = include_str!(concat!(env!("OUT_DIR"), "/holidays.json"));
    const CLOSINGS: &str = include_str!(concat!(env!("OUT_DIR"), "/closings.json"));
    const WARNINGS: &str = include_str!(concat!(env!("OUT_DIR"), "/warnings.json"));
    const COUNTRIES: &str = include_str!(concat!(env!("OUT_DIR"), "/countries.json"));
}

impl RawLaw {
    /// The files built into this binary, read from the JSON `build.rs`
    /// converts them to: serde_json reads it several times faster than the
    /// toml crate reads the TOML, and a program such as `refuge check` loads
    /// the law at every start. The TOML is the source ([`RawLaw::parse`] of
    /// [`Files::EMBEDDED`]), and a test holds the two equal; a file whose JSON
    /// does not read is read from its TOML, whose error names the file.
    ///
    /// # Errors
    /// A [`LawError`] with [`Problem::Syntax`], naming the file.
    pub fn embedded() -> Result<RawLaw, LawError> {
        fn read<T: serde::de::DeserializeOwned>(
            file: &'static str,
            json: &str,
            toml: &str,
        ) -> Result<T, LawError> {
            serde_json::from_str(json).or_else(|_| toml_file(file, toml))
        }
        let f = Files::EMBEDDED;
        Ok(RawLaw {
            header: read(LAW, EmbeddedJson::LAW, f.law)?,
            parameters: read::<ParameterFile>(PARAMETERS, EmbeddedJson::PARAMETERS, f.parameters)?
                .parameter,
            holidays: read(HOLIDAYS, EmbeddedJson::HOLIDAYS, f.holidays)?,
            closings: read::<ClosingFile>(CLOSINGS, EmbeddedJson::CLOSINGS, f.closings)?.closing,
            warnings: read::<WarningFile>(WARNINGS, EmbeddedJson::WARNINGS, f.warnings)?.warning,
            countries: read(COUNTRIES, EmbeddedJson::COUNTRIES, f.countries)?,
        })
    }
}

fn toml_file<T: serde::de::DeserializeOwned>(
    file: &'static str,
    text: &str,
) -> Result<T, LawError> {
    toml::from_str(text).map_err(|e| {
        LawError::new(
            file,
            "",
            None,
            Problem::Syntax(e.to_string().trim_end().to_string()),
        )
    })
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    version: String,
    reviewed_on: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ParameterFile {
    parameter: Vec<RawParameter>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawParameter {
    id: String,
    label: String,
    unit: String,
    applies_to: String,
    values: Vec<RawDated>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDated {
    from: String,
    #[serde(default)]
    to: Option<String>,
    value: RawValue,
    source: Source,
}

/// A value as TOML gives it; [`parameter`] keeps the kinds a unit allows.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
enum RawValue {
    Integer(i64),
    Float(f64),
    Bool(bool),
    Text(String),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayFile {
    observed: Observed,
    holiday: Vec<RawHoliday>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHoliday {
    name: String,
    rule: Vec<RawHolidayRule>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHolidayRule {
    from: String,
    #[serde(default)]
    to: Option<String>,
    date: String,
    source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClosingFile {
    closing: Vec<RawClosing>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClosing {
    date: String,
    reason: String,
    source: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WarningFile {
    warning: Vec<WarningText>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryFile {
    #[serde(default)]
    in_country_processing: Vec<RawCountry>,
    #[serde(default)]
    cooperative_agreement: Vec<RawCountry>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCountry {
    /// ISO 3166-1 alpha-2.
    country: String,
    name: String,
    from: String,
    #[serde(default)]
    to: Option<String>,
    source: Source,
}

// ---------------------------------------------------------------------------
// The checks

/// `from 2025-07-22 to 2025-12-31`, or `from 2026-01-01` for one in force.
fn period(from: &str, to: Option<&str>) -> String {
    match to {
        Some(to) => format!("from {from} to {to}"),
        None => format!("from {from}"),
    }
}

/// A source with a title and an `https://` address, or `err()`.
fn sourced(s: &Source, err: impl FnOnce() -> LawError) -> Result<(), LawError> {
    if s.title.trim().is_empty() || !s.url.starts_with("https://") {
        return Err(err());
    }
    Ok(())
}

/// A period's dates, read and in order: `(from, to)`.
fn dates_of(
    file: &'static str,
    entry: &str,
    from: &str,
    to: Option<&str>,
) -> Result<(Date, Option<Date>), LawError> {
    let err = |problem| LawError::new(file, entry, Some(period(from, to)), problem);
    let start = parse_date(from).map_err(|m| err(Problem::NotADate(m)))?;
    let end = to
        .map(parse_date)
        .transpose()
        .map_err(|m| err(Problem::NotADate(m)))?;
    if let Some(end) = end.filter(|&end| end < start) {
        return Err(err(Problem::EndsBeforeStart { to: end }));
    }
    Ok((start, end))
}

/// Checks that periods, in the order given, follow one another: each next
/// one starts the day after the one before ends, and only the last has no
/// end (the law in force). Catala's and OpenFisca's rule: every date is
/// covered by exactly one value, from the first on.
fn one_after_another(
    file: &'static str,
    entry: &str,
    periods: &[(Date, Option<Date>)],
) -> Result<(), LawError> {
    let text = |(from, to): (Date, Option<Date>)| {
        Some(period(
            &from.to_string(),
            to.map(|t| t.to_string()).as_deref(),
        ))
    };
    for w in periods.windows(2) {
        let err = |problem| LawError::new(file, entry, text(w[0]), problem);
        let Some(end) = w[0].1 else {
            return Err(err(Problem::OpenBeforeLast));
        };
        let want = end
            .tomorrow()
            .map_err(|e| err(Problem::NotADate(e.to_string())))?;
        let next = w[1].0;
        if next > want {
            return Err(err(Problem::Gap { want, next }));
        }
        if next < want {
            return Err(err(Problem::Overlap { want, next }));
        }
    }
    match periods.last() {
        None => Err(LawError::new(file, entry, None, Problem::NoValue)),
        Some(&last @ (_, Some(_))) => {
            Err(LawError::new(file, entry, text(last), Problem::LastEnds))
        }
        Some(_) => Ok(()),
    }
}

fn parameter(raw: RawParameter) -> Result<Parameter, LawError> {
    let id = raw.id;
    let unit = Unit::ALL
        .into_iter()
        .find(|u| u.name() == raw.unit)
        .ok_or_else(|| {
            LawError::new(
                PARAMETERS,
                &id,
                None,
                Problem::UnknownUnit(raw.unit.clone()),
            )
        })?;
    let mut values = Vec::with_capacity(raw.values.len());
    for v in raw.values {
        let (from, to) = dates_of(PARAMETERS, &id, &v.from, v.to.as_deref())?;
        let err = |problem| {
            LawError::new(
                PARAMETERS,
                &id,
                Some(period(&v.from, v.to.as_deref())),
                problem,
            )
        };
        let wrong = |value: String| {
            err(Problem::WrongKind {
                wanted: unit.kind(),
                value,
            })
        };
        let value = match (unit, v.value) {
            (Unit::Date, RawValue::Text(t)) => {
                Value::Date(parse_date(&t).map_err(|m| err(Problem::NotADate(m)))?)
            }
            (Unit::Date, RawValue::Integer(n)) => return Err(wrong(n.to_string())),
            (_, RawValue::Integer(n)) if n < 0 => return Err(err(Problem::Negative(n))),
            (_, RawValue::Integer(n)) => Value::Number(n),
            (_, RawValue::Text(t)) => return Err(wrong(format!("{t:?}"))),
            (_, RawValue::Float(x)) => return Err(wrong(x.to_string())),
            (_, RawValue::Bool(b)) => return Err(wrong(b.to_string())),
        };
        sourced(&v.source, || err(Problem::NoSource))?;
        values.push(Dated {
            from,
            to,
            value,
            source: v.source,
        });
    }
    let periods: Vec<_> = values.iter().map(|v| (v.from, v.to)).collect();
    one_after_another(PARAMETERS, &id, &periods)?;
    Ok(Parameter {
        id,
        label: raw.label,
        unit,
        applies_to: raw.applies_to,
        values,
    })
}

fn holiday(raw: RawHoliday) -> Result<Holiday, LawError> {
    let name = raw.name;
    let mut rule = Vec::with_capacity(raw.rule.len());
    for r in raw.rule {
        let (from, to) = dates_of(HOLIDAYS, &name, &r.from, r.to.as_deref())?;
        let err = |problem| {
            LawError::new(
                HOLIDAYS,
                &name,
                Some(period(&r.from, r.to.as_deref())),
                problem,
            )
        };
        if DayRule::parse(&r.date).is_none() {
            return Err(err(Problem::DayRule(r.date)));
        }
        sourced(&r.source, || err(Problem::NoSource))?;
        rule.push(HolidayRule {
            from,
            to,
            date: r.date,
            source: r.source,
        });
    }
    let periods: Vec<_> = rule.iter().map(|r| (r.from, r.to)).collect();
    one_after_another(HOLIDAYS, &name, &periods)?;
    Ok(Holiday { name, rule })
}

fn country(raw: RawCountry) -> Result<CountryEntry, LawError> {
    let (from, to) = dates_of(COUNTRIES, &raw.name, &raw.from, raw.to.as_deref())?;
    let err = |problem| LawError::new(COUNTRIES, &raw.name, None, problem);
    let country =
        Country::parse(&raw.country).ok_or_else(|| err(Problem::Country(raw.country.clone())))?;
    sourced(&raw.source, || err(Problem::NoSource))?;
    Ok(CountryEntry {
        country,
        name: raw.name,
        from,
        to,
        source: raw.source,
    })
}
