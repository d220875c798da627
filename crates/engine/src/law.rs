//! The law as data: the parameter set in the engine crate's `law/` folder.
//!
//! Holidays, waiting periods, date windows, fees and warning texts, each value
//! with the dates it applies and its source. The files are embedded at build
//! time, so the engine reads nothing at run time; [`Law::embedded`] parses them
//! once, and the engine takes the result as an argument.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, DayRule};
use crate::facts::parse_date;

const LAW_TOML: &str = include_str!("../law/law.toml");
const PARAMETERS_TOML: &str = include_str!("../law/parameters.toml");
const HOLIDAYS_TOML: &str = include_str!("../law/holidays.toml");
const CLOSINGS_TOML: &str = include_str!("../law/closings.toml");
const WARNINGS_TOML: &str = include_str!("../law/warnings.toml");
const COUNTRIES_TOML: &str = include_str!("../law/countries.toml");

/// Where a value comes from: the title and address of the statute, regulation,
/// Federal Register notice or decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub url: String,
}

/// A parameter's value: a number (days, years, dollars) or a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Number(i64),
    Text(String),
}

/// One value of a parameter and the period it applies to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dated {
    pub from: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    pub value: Value,
    pub source: Source,
}

/// A legal parameter with its dated values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Parameter {
    pub id: String,
    pub label: String,
    pub unit: String,
    pub applies_to: String,
    pub values: Vec<Dated>,
}

/// A legal public holiday and the rules that gave its date over time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    pub name: String,
    pub rule: Vec<HolidayRule>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayRule {
    pub from: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    pub date: String,
    pub source: Source,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Observed {
    pub rule: String,
    pub source: Source,
}

/// A closing of executive departments by executive order: not a legal holiday.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Closing {
    pub date: String,
    pub reason: String,
    pub source: Source,
}

/// The text of a law-in-flux warning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WarningText {
    pub code: String,
    pub message: String,
    pub cite: Vec<String>,
    pub source: Source,
}

/// A country named by the law for a dated period: a designation of
/// in-country refugee processing (INA § 101(a)(42)(B)), or an asylum
/// cooperative agreement (INA § 208(a)(2)(A)).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountryEntry {
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// What the entry is (the agreement's or the designation's name).
    pub name: String,
    pub from: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    pub source: Source,
}

/// A country entry ready for the engine: its dates parsed once, at load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InForce {
    pub country: crate::facts::Country,
    pub from: Date,
    pub to: Option<Date>,
}

impl InForce {
    pub fn on(&self, d: Date) -> bool {
        self.from <= d && self.to.is_none_or(|t| d <= t)
    }
}

/// A parameter value ready for the engine: dates parsed once, at load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Resolved {
    Number(i64),
    Date(Date),
}

/// The parameters the engine reads, by name. Each must be in `parameters.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum P {
    OneYearEffective,
    OneYearYears,
    ExceptionLawfulStatusMonths,
    ExceptionUnreasonableAfterDays,
    EadFilingWaitDays,
    EadGrantWaitDays,
    AdjustmentWaitYears,
    I730WindowYears,
    LprRollbackYears,
    NaturalizationResidenceYears,
    NaturalizationEarlyFilingDays,
    ChildAgeLimit,
    InUteroDays,
    StcaEffective,
    StcaAdditionalProtocol,
    LawfulPathwaysStart,
    LawfulPathwaysEnd,
    SecuringTheBorder,
    Proclamation10888,
    AffirmativeHold,
    AnnualFeeEffective,
    AnnualFeeUsd,
    ApplicationFeeUsd,
    InitialEadFeeUsd,
    WorkPermitChanges,
    PsgPrecedents,
}

impl P {
    pub const ALL: [P; 26] = [
        P::OneYearEffective,
        P::OneYearYears,
        P::ExceptionLawfulStatusMonths,
        P::ExceptionUnreasonableAfterDays,
        P::EadFilingWaitDays,
        P::EadGrantWaitDays,
        P::AdjustmentWaitYears,
        P::I730WindowYears,
        P::LprRollbackYears,
        P::NaturalizationResidenceYears,
        P::NaturalizationEarlyFilingDays,
        P::ChildAgeLimit,
        P::InUteroDays,
        P::StcaEffective,
        P::StcaAdditionalProtocol,
        P::LawfulPathwaysStart,
        P::LawfulPathwaysEnd,
        P::SecuringTheBorder,
        P::Proclamation10888,
        P::AffirmativeHold,
        P::AnnualFeeEffective,
        P::AnnualFeeUsd,
        P::ApplicationFeeUsd,
        P::InitialEadFeeUsd,
        P::WorkPermitChanges,
        P::PsgPrecedents,
    ];

    /// The id in `parameters.toml`.
    pub fn id(self) -> &'static str {
        match self {
            P::OneYearEffective => "asylum.one_year.effective",
            P::OneYearYears => "asylum.one_year.years",
            P::ExceptionLawfulStatusMonths => {
                "asylum.one_year_exception.lawful_status_unreasonable_months"
            }
            P::ExceptionUnreasonableAfterDays => {
                "asylum.one_year_exception.unreasonable_after_days"
            }
            P::EadFilingWaitDays => "ead.filing_wait_days",
            P::EadGrantWaitDays => "ead.grant_wait_days",
            P::AdjustmentWaitYears => "adjustment.wait_years",
            P::I730WindowYears => "i730.window_years",
            P::LprRollbackYears => "lpr.rollback_years",
            P::NaturalizationResidenceYears => "naturalization.residence_years",
            P::NaturalizationEarlyFilingDays => "naturalization.early_filing_days",
            P::ChildAgeLimit => "derivative.child_age_limit",
            P::InUteroDays => "derivative.in_utero_days",
            P::StcaEffective => "stca.effective",
            P::StcaAdditionalProtocol => "stca.additional_protocol",
            P::LawfulPathwaysStart => "lawful_pathways.window_start",
            P::LawfulPathwaysEnd => "lawful_pathways.window_end",
            P::SecuringTheBorder => "securing_the_border.effective",
            P::Proclamation10888 => "proclamation_10888.effective",
            P::AffirmativeHold => "affirmative_hold.effective",
            P::AnnualFeeEffective => "annual_fee.effective",
            P::AnnualFeeUsd => "fee.annual_asylum_usd",
            P::ApplicationFeeUsd => "fee.asylum_application_usd",
            P::InitialEadFeeUsd => "fee.initial_ead_asylum_usd",
            P::WorkPermitChanges => "work_permit_changes.effective",
            P::PsgPrecedents => "psg_precedents.effective",
        }
    }
}

/// An error in the parameter files (a bug in the build, caught by tests).
#[derive(Debug, thiserror::Error)]
#[error("law/{file}: {message}")]
pub struct LawError {
    pub file: &'static str,
    pub message: String,
}

/// A parsed, checked parameter set.
#[derive(Debug, Clone)]
pub struct Law {
    pub version: String,
    pub reviewed_on: Date,
    pub parameters: Vec<Parameter>,
    pub holidays: Vec<Holiday>,
    pub observed: Observed,
    pub closings: Vec<Closing>,
    pub warnings: Vec<WarningText>,
    /// Designations of in-country refugee processing (INA § 101(a)(42)(B)).
    pub in_country_processing: Vec<CountryEntry>,
    /// Asylum cooperative agreements (INA § 208(a)(2)(A)).
    pub cooperative_agreements: Vec<CountryEntry>,
    pub calendar: Calendar,
    /// For each `P`, its parameter's values as (from, to, value), dates parsed.
    resolved: Vec<Vec<(Date, Option<Date>, Resolved)>>,
    closing_dates: Vec<(Date, usize)>,
    in_country: Vec<InForce>,
    agreements: Vec<InForce>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    version: String,
    reviewed_on: String,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ParameterFile {
    parameter: Vec<Parameter>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HolidayFile {
    observed: Observed,
    holiday: Vec<Holiday>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClosingFile {
    closing: Vec<Closing>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WarningFile {
    warning: Vec<WarningText>,
}
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryFile {
    #[serde(default)]
    in_country_processing: Vec<CountryEntry>,
    #[serde(default)]
    cooperative_agreement: Vec<CountryEntry>,
}

fn in_force(entries: &[CountryEntry]) -> Result<Vec<InForce>, LawError> {
    const FILE: &str = "countries.toml";
    entries
        .iter()
        .map(|e| {
            Ok(InForce {
                country: crate::facts::Country::parse(&e.country).ok_or_else(|| LawError {
                    file: FILE,
                    message: format!("{}: {:?} is not a country code", e.name, e.country),
                })?,
                from: date_in(FILE, &e.name, &e.from)?,
                to: e
                    .to
                    .as_deref()
                    .map(|t| date_in(FILE, &e.name, t))
                    .transpose()?,
            })
        })
        .collect()
}

fn toml_file<T: serde::de::DeserializeOwned>(
    file: &'static str,
    text: &str,
) -> Result<T, LawError> {
    toml::from_str(text).map_err(|e| LawError {
        file,
        message: e.to_string(),
    })
}

fn date_in(file: &'static str, what: &str, s: &str) -> Result<Date, LawError> {
    parse_date(s).map_err(|m| LawError {
        file,
        message: format!("{what}: {m}"),
    })
}

impl Law {
    /// The parameter set built into this binary.
    pub fn embedded() -> &'static Law {
        static LAW: std::sync::OnceLock<Law> = std::sync::OnceLock::new();
        LAW.get_or_init(|| {
            Law::parse(
                LAW_TOML,
                PARAMETERS_TOML,
                HOLIDAYS_TOML,
                CLOSINGS_TOML,
                WARNINGS_TOML,
                COUNTRIES_TOML,
            )
            .unwrap_or_else(|e| {
                panic!("the embedded parameter set is invalid (a build defect): {e}")
            })
        })
    }

    /// Parses and checks a parameter set from the texts of its six files.
    ///
    /// # Errors
    /// A [`LawError`] naming the file and the problem.
    pub fn parse(
        law: &str,
        parameters: &str,
        holidays: &str,
        closings: &str,
        warnings: &str,
        countries: &str,
    ) -> Result<Law, LawError> {
        let header: Header = toml_file("law.toml", law)?;
        let reviewed_on = date_in("law.toml", "reviewed_on", &header.reviewed_on)?;
        let ParameterFile {
            parameter: parameters,
        } = toml_file("parameters.toml", parameters)?;
        let HolidayFile {
            observed,
            holiday: holidays,
        } = toml_file("holidays.toml", holidays)?;
        let ClosingFile { closing: closings } = toml_file("closings.toml", closings)?;
        let WarningFile { warning: warnings } = toml_file("warnings.toml", warnings)?;
        let CountryFile {
            in_country_processing,
            cooperative_agreement: cooperative_agreements,
        } = toml_file("countries.toml", countries)?;
        let (in_country, agreements) = (
            in_force(&in_country_processing)?,
            in_force(&cooperative_agreements)?,
        );

        let mut resolved = Vec::with_capacity(P::ALL.len());
        for p in P::ALL {
            let param = parameters
                .iter()
                .find(|x| x.id == p.id())
                .ok_or_else(|| LawError {
                    file: "parameters.toml",
                    message: format!("parameter {} is missing", p.id()),
                })?;
            let mut values = Vec::new();
            for v in &param.values {
                let from = date_in("parameters.toml", &param.id, &v.from)?;
                let to =
                    v.to.as_deref()
                        .map(|t| date_in("parameters.toml", &param.id, t))
                        .transpose()?;
                let value = match &v.value {
                    Value::Number(n) => Resolved::Number(*n),
                    Value::Text(t) => Resolved::Date(date_in("parameters.toml", &param.id, t)?),
                };
                values.push((from, to, value));
            }
            resolved.push(values);
        }

        let mut rules = Vec::new();
        for h in &holidays {
            let mut rs = Vec::new();
            for r in &h.rule {
                let rule = DayRule::parse(&r.date).ok_or_else(|| LawError {
                    file: "holidays.toml",
                    message: format!("{}: cannot read the date rule {:?}", h.name, r.date),
                })?;
                let from = date_in("holidays.toml", &h.name, &r.from)?;
                let to =
                    r.to.as_deref()
                        .map(|t| date_in("holidays.toml", &h.name, t))
                        .transpose()?;
                rs.push((rule, from, to));
            }
            rules.push((h.name.clone(), rs));
        }
        let calendar = Calendar::new(&rules, 1971..=2200);
        let mut closing_dates = Vec::new();
        for (i, c) in closings.iter().enumerate() {
            closing_dates.push((date_in("closings.toml", "date", &c.date)?, i));
        }
        closing_dates.sort();
        Ok(Law {
            version: header.version,
            reviewed_on,
            parameters,
            holidays,
            observed,
            closings,
            warnings,
            in_country_processing,
            cooperative_agreements,
            calendar,
            resolved,
            closing_dates,
            in_country,
            agreements,
        })
    }

    fn value(&self, p: P, on: Date) -> Resolved {
        let values = &self.resolved[p as usize];
        values
            .iter()
            .find(|(from, to, _)| *from <= on && to.is_none_or(|t| on <= t))
            // Before the first period the law did not apply yet: the earliest value stands in.
            .or_else(|| values.first())
            .map_or(Resolved::Number(0), |(_, _, v)| *v)
    }

    /// A number-valued parameter in force on `on`.
    pub fn num(&self, p: P, on: Date) -> i64 {
        match self.value(p, on) {
            Resolved::Number(n) => n,
            Resolved::Date(_) => 0,
        }
    }

    /// A date-valued parameter in force on `on`.
    pub fn date(&self, p: P, on: Date) -> Date {
        match self.value(p, on) {
            Resolved::Date(d) => d,
            Resolved::Number(_) => on,
        }
    }

    /// The designation of in-country refugee processing for `country` in
    /// force on `on` (INA § 101(a)(42)(B)), if there is one.
    pub fn in_country_designation(
        &self,
        country: crate::facts::Country,
        on: Date,
    ) -> Option<&CountryEntry> {
        self.in_country
            .iter()
            .position(|d| d.country == country && d.on(on))
            .map(|i| &self.in_country_processing[i])
    }

    /// The asylum cooperative agreements in force on `on`.
    pub fn agreements_on(&self, on: Date) -> impl Iterator<Item = &CountryEntry> {
        self.agreements
            .iter()
            .zip(&self.cooperative_agreements)
            .filter(move |(d, _)| d.on(on))
            .map(|(_, e)| e)
    }

    /// The warning text for `code`.
    pub fn warning(&self, code: &str) -> Option<&WarningText> {
        self.warnings.iter().find(|w| w.code == code)
    }

    /// The executive-order closing on `date`, if there was one.
    pub fn closing(&self, date: Date) -> Option<&Closing> {
        let i = self.closing_dates.partition_point(|(d, _)| *d < date);
        self.closing_dates
            .get(i)
            .filter(|(d, _)| *d == date)
            .map(|(_, c)| &self.closings[*c])
    }
}
