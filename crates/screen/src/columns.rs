//! The CSV input: its columns, and how one row becomes a facts document
//! (`spec/facts.md`).
//!
//! A row describes one person with at most one arrival (the last one) and at
//! most one exception to the one-year deadline: the columns most caseload
//! spreadsheets already keep, with the removal history and the few yes-or-no
//! facts a screening turns on. Everything the CSV cannot say (harms, groups,
//! risk but the fear in every nationality, torture, resettlement, family)
//! stays unknown, exactly as an absent field of a facts document does.
//!
//! Every column is optional and an empty cell is an unknown fact. Values are
//! read the way the engine reads JSON: the spec's snake_case enum values,
//! strict ISO dates and ISO 3166-1 alpha-2 codes, so that a CSV row and the
//! equivalent facts document give the same assessment.

use jiff::civil::Date;
use refuge_engine::Facts;
use refuge_engine::facts::{
    Applicant, Application, Arrival, Border, Conduct, Country, Exception, ExceptionKind, Forum,
    Location, Manner, Removal, Risk, TransitProtection, parse_date,
};

/// One column of the CSV input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    Id,
    AsOf,
    BirthDate,
    Nationality,
    Location,
    UnaccompaniedChild,
    LastArrival,
    ArrivalManner,
    ArrivalBorder,
    FromCountry,
    TransitCountries,
    CbpOneAppointment,
    ProtectionSoughtInTransit,
    VisaOrAdmissionDocument,
    EncounteredWithin14Days,
    SchedulingSystemUnavailable,
    FiledOn,
    MailedOn,
    Forum,
    PreviouslyDenied,
    ClockStoppedDays,
    GrantedOn,
    AdjustedOn,
    InProceedings,
    PriorOrder,
    Reinstated,
    FrivolousFinding,
    ExceptionKind,
    ExceptionBegan,
    ExceptionEnded,
    PersecutedOthers,
    AggravatedFelony,
    DrugTrafficking,
    ParticularlySeriousCrime,
    SentenceYears,
    SeriousNonpoliticalCrime,
    DangerToSecurity,
    TerroristActivity,
    FearInEveryNationality,
    FamilyUnity,
}

/// Every column: its CSV name, the path of the fact it fills (empty for `id`,
/// which is not a fact) and what it holds. The order is the one `--generate`
/// writes and `--help` lists.
pub const COLUMNS: [(Col, &str, &str, &str); 40] = [
    (
        Col::Id,
        "id",
        "",
        "any text; not a fact: copied to the output (default: the line number)",
    ),
    (Col::AsOf, "as_of", "as_of", "date; absent: --today"),
    (Col::BirthDate, "birth_date", "applicant.birth_date", "date"),
    (
        Col::Nationality,
        "nationality",
        "applicant.nationality",
        "countries (`stateless` or `none`: [])",
    ),
    (
        Col::Location,
        "location",
        "applicant.location",
        "in_us | port_of_entry | outside_us",
    ),
    (
        Col::UnaccompaniedChild,
        "unaccompanied_child",
        "applicant.unaccompanied_child",
        "boolean",
    ),
    (Col::LastArrival, "last_arrival", "arrivals[0].date", "date"),
    (
        Col::ArrivalManner,
        "arrival_manner",
        "arrivals[0].manner",
        "admitted | paroled | presented_without_documents | without_inspection",
    ),
    (
        Col::ArrivalBorder,
        "arrival_border",
        "arrivals[0].border",
        "southwest_land | northern_land | air | sea",
    ),
    (
        Col::FromCountry,
        "from_country",
        "arrivals[0].from_country",
        "country",
    ),
    (
        Col::TransitCountries,
        "transit_countries",
        "arrivals[0].transit_countries",
        "countries in order (`none`: [])",
    ),
    (
        Col::CbpOneAppointment,
        "cbp_one_appointment",
        "arrivals[0].cbp_one_appointment",
        "boolean",
    ),
    (
        Col::ProtectionSoughtInTransit,
        "protection_sought_in_transit",
        "arrivals[0].protection_sought_in_transit",
        "none | denied | pending",
    ),
    (
        Col::VisaOrAdmissionDocument,
        "visa_or_admission_document",
        "arrivals[0].visa_or_admission_document",
        "boolean",
    ),
    (
        Col::EncounteredWithin14Days,
        "encountered_within_14_days",
        "arrivals[0].encountered_within_14_days",
        "boolean",
    ),
    (
        Col::SchedulingSystemUnavailable,
        "scheduling_system_unavailable",
        "arrivals[0].scheduling_system_unavailable",
        "boolean",
    ),
    (Col::FiledOn, "filed_on", "application.filed_on", "date"),
    (Col::MailedOn, "mailed_on", "application.mailed_on", "date"),
    (
        Col::Forum,
        "forum",
        "application.forum",
        "affirmative | defensive",
    ),
    (
        Col::PreviouslyDenied,
        "previously_denied",
        "application.previously_denied",
        "boolean",
    ),
    (
        Col::ClockStoppedDays,
        "clock_stopped_days",
        "application.clock_stopped_days",
        "whole number of days",
    ),
    (
        Col::GrantedOn,
        "granted_on",
        "application.granted_on",
        "date",
    ),
    (
        Col::AdjustedOn,
        "adjusted_on",
        "application.adjusted_on",
        "date",
    ),
    (
        Col::InProceedings,
        "in_proceedings",
        "removal.in_proceedings",
        "boolean",
    ),
    (
        Col::PriorOrder,
        "prior_order",
        "removal.prior_order",
        "boolean",
    ),
    (
        Col::Reinstated,
        "reinstated",
        "removal.reinstated",
        "boolean",
    ),
    (
        Col::FrivolousFinding,
        "frivolous_finding",
        "removal.frivolous_finding",
        "boolean",
    ),
    (
        Col::ExceptionKind,
        "exception_kind",
        "exceptions[0].kind",
        "an exception kind of spec/facts.md, or none ([])",
    ),
    (
        Col::ExceptionBegan,
        "exception_began",
        "exceptions[0].began",
        "date",
    ),
    (
        Col::ExceptionEnded,
        "exception_ended",
        "exceptions[0].ended",
        "date",
    ),
    (
        Col::PersecutedOthers,
        "persecuted_others",
        "conduct.persecuted_others",
        "boolean",
    ),
    (
        Col::AggravatedFelony,
        "aggravated_felony",
        "conduct.aggravated_felony",
        "boolean",
    ),
    (
        Col::DrugTrafficking,
        "drug_trafficking",
        "conduct.drug_trafficking",
        "boolean",
    ),
    (
        Col::ParticularlySeriousCrime,
        "particularly_serious_crime",
        "conduct.particularly_serious_crime",
        "boolean",
    ),
    (
        Col::SentenceYears,
        "sentence_years",
        "conduct.sentence_years",
        "number of years, 0 or more",
    ),
    (
        Col::SeriousNonpoliticalCrime,
        "serious_nonpolitical_crime",
        "conduct.serious_nonpolitical_crime",
        "boolean",
    ),
    (
        Col::DangerToSecurity,
        "danger_to_security",
        "conduct.danger_to_security",
        "boolean",
    ),
    (
        Col::TerroristActivity,
        "terrorist_activity",
        "conduct.terrorist_activity",
        "boolean",
    ),
    (
        Col::FearInEveryNationality,
        "fear_in_every_nationality",
        "risk.fear_in_every_nationality",
        "boolean",
    ),
    (Col::FamilyUnity, "family_unity", "family_unity", "boolean"),
];

/// The `--help` text on the CSV columns and their mapping (kept beside the
/// table it describes; a test checks that it names every column).
pub const COLUMNS_HELP: &str = "\
CSV INPUT (one row per person; a header row names the columns, in any order;
every column is optional; an empty cell is an unknown fact; an unknown column
is an error). Each column fills one fact of the facts document (spec/facts.md):

  id                            not a fact: copied to the output (default: the line number)
  as_of                         as_of (absent: --today)
  birth_date                    applicant.birth_date
  nationality                   applicant.nationality (`;`-separated; `stateless` or `none`: [])
  location                      applicant.location: in_us | port_of_entry | outside_us
  unaccompanied_child           applicant.unaccompanied_child
  last_arrival                  arrivals[0].date (the CSV holds one arrival: the last)
  arrival_manner                arrivals[0].manner: admitted | paroled |
                                presented_without_documents | without_inspection
  arrival_border                arrivals[0].border: southwest_land | northern_land | air | sea
  from_country                  arrivals[0].from_country
  transit_countries             arrivals[0].transit_countries (`;`-separated, in order; `none`: [])
  cbp_one_appointment           arrivals[0].cbp_one_appointment
  protection_sought_in_transit  arrivals[0].protection_sought_in_transit: none | denied | pending
  visa_or_admission_document    arrivals[0].visa_or_admission_document (held a valid visa or
                                other admission document: an exception of the Canada agreement)
  encountered_within_14_days    arrivals[0].encountered_within_14_days (crossed between ports,
                                encountered within 14 days)
  scheduling_system_unavailable arrivals[0].scheduling_system_unavailable (could not use the
                                DHS scheduling system)
  filed_on                      application.filed_on
  mailed_on                     application.mailed_on
  forum                         application.forum: affirmative | defensive
  previously_denied             application.previously_denied
  clock_stopped_days            application.clock_stopped_days (whole days)
  granted_on                    application.granted_on
  adjusted_on                   application.adjusted_on
  in_proceedings                removal.in_proceedings (now in removal proceedings)
  prior_order                   removal.prior_order (ever ordered removed, deported or excluded)
  reinstated                    removal.reinstated (DHS reinstated a prior order)
  frivolous_finding             removal.frivolous_finding (an earlier application found frivolous)
  exception_kind                exceptions[0].kind (the CSV holds at most one exception;
                                `none`: exceptions is [], no circumstance is offered)
  exception_began               exceptions[0].began
  exception_ended               exceptions[0].ended
  persecuted_others             conduct.persecuted_others
  aggravated_felony             conduct.aggravated_felony
  drug_trafficking              conduct.drug_trafficking (the aggravated felony is drug trafficking)
  particularly_serious_crime    conduct.particularly_serious_crime
  sentence_years                conduct.sentence_years (years, may be fractional)
  serious_nonpolitical_crime    conduct.serious_nonpolitical_crime
  danger_to_security            conduct.danger_to_security
  terrorist_activity            conduct.terrorist_activity
  fear_in_every_nationality     risk.fear_in_every_nationality (with two or more nationalities)
  family_unity                  family_unity (the family-unity provision, 8 C.F.R. § 1208.33(c))

Dates are YYYY-MM-DD; countries ISO 3166-1 alpha-2 (SV); booleans true/false,
yes/no or 1/0 (any case); enum values as in spec/facts.md. An object
(applicant, arrivals[0], application, removal, exceptions[0], conduct, risk) is
present only when one of its cells is filled. Facts the CSV cannot hold (harms,
groups, the rest of risk, torture, resettlement, family, ...) are unknown: use
JSON Lines input, one full facts document per line, for those.

JSON LINES INPUT: one facts document per line (blank lines are skipped); the
output id is the line number.

OUTPUT (one record per assessed row, in input order): id, asylum, withholding,
cat_withholding, cat_deferral, refugee_admission (relief outcomes),
one_year_deadline, one_year_status, one_year_days_left (deadline minus as_of,
negative once passed), lawful_pathways, safe_third_country (finding outcomes),
ead_earliest_filing, annual_fee_due (dates), open_questions (a count),
first_question (its fact path), warnings (codes, `;`-separated). Empty (null in
JSON Lines) where not applicable. --full writes the whole assessment per line
instead, with the id as its first field.

Bad rows are reported as `line N, column C: problem` (on standard error, or in
--rejects FILE as CSV) and skipped; the run goes on unless --strict.
A summary table goes to standard error at the end.

EXIT CODES: 0 every row assessed; 1 some rows rejected; 2 a usage error (bad
flag, unreadable file, unknown or repeated CSV column).";

impl Col {
    /// The column with this CSV name.
    pub fn named(name: &str) -> Option<Col> {
        COLUMNS
            .iter()
            .find(|(_, n, _, _)| *n == name)
            .map(|(c, _, _, _)| *c)
    }

    /// The CSV name.
    pub fn name(self) -> &'static str {
        COLUMNS[self as usize].1
    }

    /// The path of the fact this column fills (empty for `id`).
    pub fn path(self) -> &'static str {
        COLUMNS[self as usize].2
    }

    /// The column whose fact is at `path` (`arrivals[0].date` → `last_arrival`).
    pub fn for_path(path: &str) -> Option<Col> {
        COLUMNS
            .iter()
            .find(|(_, _, p, _)| !p.is_empty() && *p == path)
            .map(|(c, _, _, _)| *c)
    }
}

/// A cell that cannot be read: the column and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    pub column: &'static str,
    pub problem: String,
}

/// Reads one row's cells into a facts document, and the text of its `id` cell
/// (if not empty).
///
/// `cells` pairs each column with its (already trimmed) bytes; empty cells are
/// unknown facts and are skipped.
///
/// # Errors
/// A [`CellError`] for the first cell that cannot be read.
pub fn row_to_facts<'a>(
    cells: impl IntoIterator<Item = (Col, &'a [u8])>,
) -> Result<(Facts, Option<&'a str>), CellError> {
    let mut row = RowFacts::default();
    for (col, bytes) in cells {
        row.read(col, bytes);
    }
    row.finish()
}

/// A row's facts document, read a cell at a time ([`RowFacts::read`]) and
/// then [finished](RowFacts::finish).
///
/// Values are read from the bytes, without building strings; a cell that does
/// not read is then looked at as text, so that the problem is the one the
/// engine gives for the same value in JSON (and a cell that is not UTF-8 says
/// so first).
#[derive(Debug, Default)]
pub struct RowFacts<'a> {
    as_of: Option<Date>,
    /// The objects of the facts document a row fills: each is given only if
    /// one of its cells is filled ([`Filled`]). The one arrival and the one
    /// exception a row can hold become lists of one.
    applicant: Applicant,
    arrival: Arrival,
    application: Application,
    removal: Removal,
    exception: Exception,
    conduct: Conduct,
    risk: Risk,
    filled: Filled,
    family_unity: Option<bool>,
    id: Option<&'a str>,
    /// `none` in exception_kind: no circumstance is offered (`exceptions:
    /// []`), which settles the exception finding, where an empty cell leaves
    /// it unknown.
    no_exception: bool,
    /// The first cell that could not be read: the cells after it are not.
    error: Option<CellError>,
}

/// Which objects of [`RowFacts`] a cell filled.
#[derive(Debug, Default, Clone, Copy)]
struct Filled {
    applicant: bool,
    arrival: bool,
    application: bool,
    removal: bool,
    exception: bool,
    conduct: bool,
    risk: bool,
}

impl<'a> RowFacts<'a> {
    /// Reads the next cell (trimmed) of the row, of column `col`; an empty
    /// cell is an unknown fact.
    ///
    /// The general way, for any cell (see [`RowFacts::read_at`] for the
    /// quick one): out of line, apart from the quick one's loop.
    #[inline(never)]
    pub fn read(&mut self, col: Col, bytes: &'a [u8]) {
        if bytes.is_empty() || self.error.is_some() {
            return;
        }
        if let Err(problem) = self.set(col, bytes) {
            self.error = Some(CellError {
                column: col.name(),
                problem,
            });
        }
    }

    /// Reads the next cell of the row, of column `col`, where it starts: at
    /// the start of `rest`, the rest of a plain CSV line (its cells separated
    /// by commas, not trimmed). Reads only an empty cell, or a value that
    /// needs no trimming in a spelling read here (an ISO date, a boolean word,
    /// an enum value, country codes, digits, an id), followed by a comma or
    /// the end: then that is the whole cell (no such value holds a comma), and
    /// it is read as [`RowFacts::read`] reads it. Returns the cell's length,
    /// or `None` (having read nothing) for any other cell.
    #[inline(always)]
    pub fn read_at(&mut self, col: Col, rest: &'a [u8]) -> Option<usize> {
        /// A value of `len` bytes at the start of `rest` that is a whole cell:
        /// a comma or the end follows.
        fn whole<T>(rest: &[u8], (value, len): (T, usize)) -> Option<(T, usize)> {
            ends_at(rest, len).then_some((value, len))
        }
        if rest.first().is_none_or(|&b| b == b',') {
            return Some(0);
        }
        // Sets a fact from a value read at the start of `rest`: its length.
        macro_rules! set {
            ($fact:expr, $read:expr) => {{
                let (value, len) = whole(rest, $read?)?;
                $fact = Some(value);
                Some(len)
            }};
        }
        match col {
            Col::Id => {
                let len = cell_len(rest);
                let id = &rest[..len];
                if trim(id).len() != len {
                    return None;
                }
                self.id = Some(text(id).ok()?);
                Some(len)
            }
            Col::AsOf => set!(self.as_of, date_at(rest)),
            Col::BirthDate => set!(self.applicant().birth_date, date_at(rest)),
            Col::Nationality => set!(
                self.applicant().nationality,
                countries_at(rest, &["stateless", "none"])
            ),
            Col::Location => set!(
                self.applicant().location,
                choice_at(rest, Location::ALL, Location::as_str)
            ),
            Col::UnaccompaniedChild => set!(self.applicant().unaccompanied_child, truth_at(rest)),
            Col::LastArrival => set!(self.arrival().date, date_at(rest)),
            Col::ArrivalManner => set!(
                self.arrival().manner,
                choice_at(rest, Manner::ALL, Manner::as_str)
            ),
            Col::ArrivalBorder => set!(
                self.arrival().border,
                choice_at(rest, Border::ALL, Border::as_str)
            ),
            Col::FromCountry => set!(self.arrival().from_country, country_at(rest)),
            Col::TransitCountries => set!(
                self.arrival().transit_countries,
                countries_at(rest, &["none"])
            ),
            Col::CbpOneAppointment => set!(self.arrival().cbp_one_appointment, truth_at(rest)),
            Col::ProtectionSoughtInTransit => set!(
                self.arrival().protection_sought_in_transit,
                choice_at(rest, TransitProtection::ALL, TransitProtection::as_str)
            ),
            Col::VisaOrAdmissionDocument => {
                set!(self.arrival().visa_or_admission_document, truth_at(rest))
            }
            Col::EncounteredWithin14Days => {
                set!(self.arrival().encountered_within_14_days, truth_at(rest))
            }
            Col::SchedulingSystemUnavailable => {
                set!(self.arrival().scheduling_system_unavailable, truth_at(rest))
            }
            Col::FiledOn => set!(self.application().filed_on, date_at(rest)),
            Col::MailedOn => set!(self.application().mailed_on, date_at(rest)),
            Col::Forum => set!(
                self.application().forum,
                choice_at(rest, Forum::ALL, Forum::as_str)
            ),
            Col::PreviouslyDenied => set!(self.application().previously_denied, truth_at(rest)),
            Col::ClockStoppedDays => set!(
                self.application().clock_stopped_days,
                digits_at(rest, 9).map(|(n, len)| (n as u32, len))
            ),
            Col::GrantedOn => set!(self.application().granted_on, date_at(rest)),
            Col::AdjustedOn => set!(self.application().adjusted_on, date_at(rest)),
            Col::InProceedings => set!(self.removal().in_proceedings, truth_at(rest)),
            Col::PriorOrder => set!(self.removal().prior_order, truth_at(rest)),
            Col::Reinstated => set!(self.removal().reinstated, truth_at(rest)),
            Col::FrivolousFinding => set!(self.removal().frivolous_finding, truth_at(rest)),
            Col::ExceptionKind if rest.starts_with(b"none") && ends_at(rest, 4) => {
                self.no_exception = true;
                Some(4)
            }
            Col::ExceptionKind => set!(
                self.exception().kind,
                choice_at(rest, ExceptionKind::ALL, ExceptionKind::as_str)
            ),
            Col::ExceptionBegan => set!(self.exception().began, date_at(rest)),
            Col::ExceptionEnded => set!(self.exception().ended, date_at(rest)),
            Col::PersecutedOthers => set!(self.conduct().persecuted_others, truth_at(rest)),
            Col::AggravatedFelony => set!(self.conduct().aggravated_felony, truth_at(rest)),
            Col::DrugTrafficking => set!(self.conduct().drug_trafficking, truth_at(rest)),
            Col::ParticularlySeriousCrime => {
                set!(self.conduct().particularly_serious_crime, truth_at(rest))
            }
            Col::SentenceYears => set!(
                self.conduct().sentence_years,
                digits_at(rest, 15).map(|(n, len)| (n as f64, len))
            ),
            Col::SeriousNonpoliticalCrime => {
                set!(self.conduct().serious_nonpolitical_crime, truth_at(rest))
            }
            Col::DangerToSecurity => set!(self.conduct().danger_to_security, truth_at(rest)),
            Col::TerroristActivity => set!(self.conduct().terrorist_activity, truth_at(rest)),
            Col::FearInEveryNationality => {
                set!(self.risk().fear_in_every_nationality, truth_at(rest))
            }
            Col::FamilyUnity => set!(self.family_unity, truth_at(rest)),
        }
    }

    /// The facts document, and the text of the `id` cell (if not empty).
    ///
    /// # Errors
    /// A [`CellError`] for the first cell that could not be read.
    #[inline(always)]
    pub fn finish(self) -> Result<(Facts, Option<&'a str>), CellError> {
        if let Some(e) = self.error {
            return Err(e);
        }
        let filled = self.filled;
        let exceptions = match (self.no_exception, filled.exception) {
            (false, filled) => filled.then(|| vec![self.exception]),
            (true, false) => Some(Vec::new()),
            (true, true) => {
                return Err(CellError {
                    column: Col::ExceptionKind.name(),
                    problem: "none, but exception_began or exception_ended is given".to_string(),
                });
            }
        };
        let facts = Facts {
            as_of: self.as_of,
            applicant: filled.applicant.then_some(self.applicant),
            arrivals: filled.arrival.then(|| vec![self.arrival]),
            application: filled.application.then_some(self.application),
            removal: filled.removal.then_some(self.removal),
            exceptions,
            conduct: filled.conduct.then_some(self.conduct),
            risk: filled.risk.then_some(self.risk),
            family_unity: self.family_unity,
            ..Facts::EMPTY
        };
        Ok((facts, self.id))
    }

    fn applicant(&mut self) -> &mut Applicant {
        self.filled.applicant = true;
        &mut self.applicant
    }

    fn arrival(&mut self) -> &mut Arrival {
        self.filled.arrival = true;
        &mut self.arrival
    }

    fn application(&mut self) -> &mut Application {
        self.filled.application = true;
        &mut self.application
    }

    fn removal(&mut self) -> &mut Removal {
        self.filled.removal = true;
        &mut self.removal
    }

    fn exception(&mut self) -> &mut Exception {
        self.filled.exception = true;
        &mut self.exception
    }

    fn conduct(&mut self) -> &mut Conduct {
        self.filled.conduct = true;
        &mut self.conduct
    }

    fn risk(&mut self) -> &mut Risk {
        self.filled.risk = true;
        &mut self.risk
    }

    /// Reads a cell (not empty) of a column.
    fn set(&mut self, col: Col, b: &'a [u8]) -> Result<(), String> {
        match col {
            // Not a fact, but copied to the output: it must be text.
            Col::Id => self.id = Some(text(b)?),
            Col::AsOf => self.as_of = Some(date(b)?),
            Col::BirthDate => self.applicant().birth_date = Some(date(b)?),
            Col::Nationality => {
                self.applicant().nationality = Some(countries(b, &["stateless", "none"])?)
            }
            Col::Location => {
                self.applicant().location = Some(choice(b, Location::ALL, Location::as_str)?)
            }
            Col::UnaccompaniedChild => self.applicant().unaccompanied_child = Some(boolean(b)?),
            Col::LastArrival => self.arrival().date = Some(date(b)?),
            Col::ArrivalManner => {
                self.arrival().manner = Some(choice(b, Manner::ALL, Manner::as_str)?)
            }
            Col::ArrivalBorder => {
                self.arrival().border = Some(choice(b, Border::ALL, Border::as_str)?)
            }
            Col::FromCountry => self.arrival().from_country = Some(country(b)?),
            Col::TransitCountries => {
                self.arrival().transit_countries = Some(countries(b, &["none"])?)
            }
            Col::CbpOneAppointment => self.arrival().cbp_one_appointment = Some(boolean(b)?),
            Col::ProtectionSoughtInTransit => {
                self.arrival().protection_sought_in_transit = Some(choice(
                    b,
                    TransitProtection::ALL,
                    TransitProtection::as_str,
                )?)
            }
            Col::VisaOrAdmissionDocument => {
                self.arrival().visa_or_admission_document = Some(boolean(b)?)
            }
            Col::EncounteredWithin14Days => {
                self.arrival().encountered_within_14_days = Some(boolean(b)?)
            }
            Col::SchedulingSystemUnavailable => {
                self.arrival().scheduling_system_unavailable = Some(boolean(b)?)
            }
            Col::FiledOn => self.application().filed_on = Some(date(b)?),
            Col::MailedOn => self.application().mailed_on = Some(date(b)?),
            Col::Forum => self.application().forum = Some(choice(b, Forum::ALL, Forum::as_str)?),
            Col::PreviouslyDenied => self.application().previously_denied = Some(boolean(b)?),
            Col::ClockStoppedDays => self.application().clock_stopped_days = Some(days(b)?),
            Col::GrantedOn => self.application().granted_on = Some(date(b)?),
            Col::AdjustedOn => self.application().adjusted_on = Some(date(b)?),
            Col::InProceedings => self.removal().in_proceedings = Some(boolean(b)?),
            Col::PriorOrder => self.removal().prior_order = Some(boolean(b)?),
            Col::Reinstated => self.removal().reinstated = Some(boolean(b)?),
            Col::FrivolousFinding => self.removal().frivolous_finding = Some(boolean(b)?),
            Col::ExceptionKind if b == b"none" => self.no_exception = true,
            Col::ExceptionKind => {
                self.exception().kind = Some(
                    choice(b, ExceptionKind::ALL, ExceptionKind::as_str)
                        .map_err(|e| e + ", or none")?,
                )
            }
            Col::ExceptionBegan => self.exception().began = Some(date(b)?),
            Col::ExceptionEnded => self.exception().ended = Some(date(b)?),
            Col::PersecutedOthers => self.conduct().persecuted_others = Some(boolean(b)?),
            Col::AggravatedFelony => self.conduct().aggravated_felony = Some(boolean(b)?),
            Col::DrugTrafficking => self.conduct().drug_trafficking = Some(boolean(b)?),
            Col::ParticularlySeriousCrime => {
                self.conduct().particularly_serious_crime = Some(boolean(b)?)
            }
            Col::SentenceYears => self.conduct().sentence_years = Some(years(b)?),
            Col::SeriousNonpoliticalCrime => {
                self.conduct().serious_nonpolitical_crime = Some(boolean(b)?)
            }
            Col::DangerToSecurity => self.conduct().danger_to_security = Some(boolean(b)?),
            Col::TerroristActivity => self.conduct().terrorist_activity = Some(boolean(b)?),
            Col::FearInEveryNationality => {
                self.risk().fear_in_every_nationality = Some(boolean(b)?)
            }
            Col::FamilyUnity => self.family_unity = Some(boolean(b)?),
        }
        Ok(())
    }
}

/// The length of the cell at the start of `rest` (the rest of a plain CSV
/// line): up to the first comma, or the end. Found eight bytes at a time.
pub(crate) fn cell_len(rest: &[u8]) -> usize {
    const COMMAS: u64 = u64::from_le_bytes([b','; 8]);
    let (words, tail) = rest.as_chunks::<8>();
    for (i, word) in words.iter().enumerate() {
        let commas = zero_bytes(u64::from_le_bytes(*word) ^ COMMAS);
        if commas != 0 {
            return 8 * i + commas.trailing_zeros() as usize / 8;
        }
    }
    let at = rest.len() - tail.len();
    tail.iter()
        .position(|&b| b == b',')
        .map_or(rest.len(), |i| at + i)
}

/// The high bit of each zero byte of `x`, and no other bit: a byte is zero
/// exactly when adding 0x7f to its low bits does not carry into its high bit,
/// and that bit is not set either.
pub(crate) fn zero_bytes(x: u64) -> u64 {
    const LOW7: u64 = u64::MAX / 0xff * 0x7f;
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// A cell without ASCII whitespace at either end, as the csv crate trims it;
/// quick when there is none (every whitespace byte is below `!`).
#[inline]
pub(crate) fn trim(cell: &[u8]) -> &[u8] {
    match cell {
        [] => cell,
        [first, ..] if *first > b' ' && cell[cell.len() - 1] > b' ' => cell,
        _ => cell.trim_ascii(),
    }
}

/// A cell as text.
#[inline]
fn text(b: &[u8]) -> Result<&str, String> {
    if b.is_ascii() {
        // SAFETY: ASCII is UTF-8. (`from_utf8` costs some ten instructions a
        // byte on short text, where `is_ascii` costs a few in all.)
        return Ok(unsafe { std::str::from_utf8_unchecked(b) });
    }
    std::str::from_utf8(b).map_err(|_| "the cell is not valid UTF-8".to_string())
}

// Each reading below is a fast one, from the bytes, that gives `None` for
// anything it does not read, and then, for its problem, the general one
// (cold): the engine's own parsing, of the cell as text.

/// A date, `YYYY-MM-DD`, as [`parse_date`] reads it.
#[inline]
fn date(b: &[u8]) -> Result<Date, String> {
    match iso_date(b) {
        Some(d) => Ok(d),
        None => date_text(b),
    }
}

#[cold]
fn date_text(b: &[u8]) -> Result<Date, String> {
    parse_date(text(b)?)
}

/// A date that [`parse_date`] reads: `YYYY-MM-DD`, a day of the calendar in
/// the years 1800 to 2200.
fn iso_date(b: &[u8]) -> Option<Date> {
    const DASHES: u64 = u64::from_le_bytes(*b"\0\0-\0\0-\0\0");
    const DASH_BYTES: u64 = u64::from_le_bytes([0, 0, 0xff, 0, 0, 0xff, 0, 0]);
    const ZEROS: u64 = u64::from_le_bytes(*b"00000000");
    const HIGH_NIBBLES: u64 = 0xf0f0_f0f0_f0f0_f0f0;
    let &[c0, c1, ref rest @ ..] = b else {
        return None;
    };
    // `YY-MM-DD` in a word, a byte each, the first in the low byte.
    let w = u64::from_le_bytes(rest.try_into().ok()?);
    if w & DASH_BYTES != DASHES {
        return None;
    }
    // `YY0MM0DD`: a byte is a digit when its high nibble is 3 and stays 3
    // once 6 is added (which no byte carries into the next, once every high
    // nibble is 3).
    let w = (w & !DASH_BYTES) | (ZEROS & DASH_BYTES);
    if w & HIGH_NIBBLES != ZEROS || (w + 0x0606_0606_0606_0606) & HIGH_NIBBLES != ZEROS {
        return None;
    }
    // Each byte its digit; then each byte ten times its digit plus the next
    // byte's: the number of two digits that starts there (under 100, so no
    // byte carries into the next).
    let digits = w - ZEROS;
    let numbers = digits * 10 + (digits >> 8);
    let number_at = |i: u32| (numbers >> (8 * i)) as u8;
    let digit = |c: u8| Some(c.wrapping_sub(b'0')).filter(|&d| d < 10);
    let century = i16::from(digit(c0)? * 10 + digit(c1)?);
    let year = century * 100 + i16::from(number_at(0));
    if !(1800..=2200).contains(&year) {
        return None;
    }
    Date::new(year, number_at(3) as i8, number_at(6) as i8).ok()
}

/// `true/false/yes/no/1/0`, in any case.
#[inline]
fn boolean(b: &[u8]) -> Result<bool, String> {
    match truth(b) {
        Some(v) => Ok(v),
        None => Err(not_boolean(b)),
    }
}

fn truth(b: &[u8]) -> Option<bool> {
    // A letter or'ed with 0x20 is lower case, and no other byte becomes a
    // lower-case letter so: the words compare so in any case, four bytes at a
    // time (a space is its own lower case).
    let lower = |four: [u8; 4]| u32::from_le_bytes(four) | 0x2020_2020;
    match *b {
        [b'1'] => Some(true),
        [b'0'] => Some(false),
        [x, y] => (lower([x, y, b' ', b' ']) == lower(*b"no  ")).then_some(false),
        [x, y, z] => (lower([x, y, z, b' ']) == lower(*b"yes ")).then_some(true),
        [x, y, z, u] => (lower([x, y, z, u]) == lower(*b"true")).then_some(true),
        [x, y, z, u, v] => {
            (lower([x, y, z, u]) == lower(*b"fals") && v | 0x20 == b'e').then_some(false)
        }
        _ => None,
    }
}

// The values that [`RowFacts::read_at`] reads at the start of the rest of a
// line, with their length (not yet known to be a whole cell).

/// A date as [`iso_date`] reads it.
#[inline]
fn date_at(rest: &[u8]) -> Option<(Date, usize)> {
    Some((iso_date(rest.get(..10)?)?, 10))
}

/// A boolean as [`truth`] reads it.
#[inline]
fn truth_at(rest: &[u8]) -> Option<(bool, usize)> {
    // `true` and `false` (the spelling --generate writes) four bytes at a
    // time, as `truth` does; then the other words by their first letter.
    let lower = |four: [u8; 4]| u32::from_le_bytes(four) | 0x2020_2020;
    match *rest {
        [a, b, c, d, ..] if lower([a, b, c, d]) == lower(*b"true") => Some((true, 4)),
        [a, b, c, d, e, ..] if lower([a, b, c, d]) == lower(*b"fals") && e | 0x20 == b'e' => {
            Some((false, 5))
        }
        _ => {
            let len = match rest.first()? | 0x20 {
                b'y' => 3,
                b'n' => 2,
                _ => 1,
            };
            Some((truth(rest.get(..len)?)?, len))
        }
    }
}

/// Whether a cell of `rest` ends after `len` bytes: a comma or the end
/// follows.
#[inline]
fn ends_at(rest: &[u8], len: usize) -> bool {
    rest.get(len).is_none_or(|&b| b == b',')
}

/// One of an enum's values, as [`choice`] reads it, followed by a comma or
/// the end (one name may start another).
#[inline]
fn choice_at<T: Copy>(rest: &[u8], all: &[T], name: fn(T) -> &'static str) -> Option<(T, usize)> {
    all.iter().find_map(|&v| {
        let name = name(v).as_bytes();
        (rest.starts_with(name) && ends_at(rest, name.len())).then_some((v, name.len()))
    })
}

/// A country code as [`capitals`] reads it.
#[inline]
fn country_at(rest: &[u8]) -> Option<(Country, usize)> {
    match *rest {
        [x, y, ..] => Some((capitals(x, y)?, 2)),
        _ => None,
    }
}

/// A list of countries as [`plain_codes`] reads it, or one of the
/// `empty_words` (in any case) followed by a comma or the end.
#[inline]
fn countries_at(rest: &[u8], empty_words: &[&str]) -> Option<(Vec<Country>, usize)> {
    if rest.first().is_some_and(u8::is_ascii_uppercase) {
        return codes_at(rest);
    }
    empty_words.iter().find_map(|w| {
        let len = w.len();
        (rest.get(..len)?.eq_ignore_ascii_case(w.as_bytes()) && ends_at(rest, len))
            .then(|| (Vec::new(), len))
    })
}

/// Codes of two capitals, each but the last followed by `;` (`SV;GT`), at
/// the start of `rest`.
fn codes_at(rest: &[u8]) -> Option<(Vec<Country>, usize)> {
    let mut len = 2;
    while rest.get(len) == Some(&b';') {
        len += 3;
    }
    let codes = rest.get(..len)?;
    let mut list = Vec::with_capacity(len / 3 + 1);
    for at in (0..len).step_by(3) {
        list.push(capitals(codes[at], codes[at + 1])?);
    }
    Some((list, len))
}

/// Digits, at most `max` (so that they read exactly), as a number.
#[inline]
fn digits_at(rest: &[u8], max: usize) -> Option<(u64, usize)> {
    let len = rest
        .iter()
        .take(max + 1)
        .take_while(|b| b.is_ascii_digit())
        .count();
    if !(1..=max).contains(&len) {
        return None;
    }
    let n = rest[..len]
        .iter()
        .fold(0, |n, d| n * 10 + u64::from(d - b'0'));
    Some((n, len))
}

#[cold]
fn not_boolean(b: &[u8]) -> String {
    match text(b) {
        Ok(s) => format!("{s:?} is not a boolean (true/false, yes/no or 1/0)"),
        Err(e) => e,
    }
}

/// One of an enum's snake_case values, exactly as the spec spells it (`all`
/// and `name` are the enum's own list and spelling).
#[inline]
fn choice<T: Copy>(b: &[u8], all: &[T], name: fn(T) -> &'static str) -> Result<T, String> {
    match all.iter().find(|&&v| name(v).as_bytes() == b) {
        Some(&v) => Ok(v),
        None => Err(not_one_of(b, all, name)),
    }
}

#[cold]
fn not_one_of<T: Copy>(b: &[u8], all: &[T], name: fn(T) -> &'static str) -> String {
    let allowed: Vec<&str> = all.iter().map(|&v| name(v)).collect();
    match text(b) {
        Ok(s) => format!("{s:?} is not one of {}", allowed.join(", ")),
        Err(e) => e,
    }
}

/// An ISO 3166-1 alpha-2 code, as [`Country::parse`] reads it.
#[inline]
fn country(b: &[u8]) -> Result<Country, String> {
    match *b {
        [x, y] if let Some(c) = capitals(x, y) => Ok(c),
        _ => country_cell(b),
    }
}

#[cold]
fn country_cell(b: &[u8]) -> Result<Country, String> {
    country_text(text(b)?)
}

fn country_text(s: &str) -> Result<Country, String> {
    Country::parse(s).ok_or_else(|| {
        format!("{s:?} is not an ISO 3166-1 alpha-2 country code (two upper-case letters, such as \"SV\")")
    })
}

/// The country code of two capitals, as [`Country::parse`] reads it.
#[inline]
fn capitals(x: u8, y: u8) -> Option<Country> {
    let code = [x, y];
    Country::parse(text(&code).ok()?)
}

/// A `;`-separated list of countries; one of `empty_words` alone (in any
/// case) is the empty list.
#[inline]
fn countries(b: &[u8], empty_words: &[&str]) -> Result<Vec<Country>, String> {
    if let Some(list) = plain_codes(b) {
        return Ok(list);
    }
    if empty_words
        .iter()
        .any(|w| b.eq_ignore_ascii_case(w.as_bytes()))
    {
        return Ok(Vec::new());
    }
    countries_text(b)
}

/// Codes of two capitals, each but the last followed by `;` (`SV;GT`, which
/// no empty word is), as the whole cell.
fn plain_codes(b: &[u8]) -> Option<Vec<Country>> {
    codes_at(b)
        .filter(|&(_, len)| len == b.len())
        .map(|(list, _)| list)
}

#[cold]
fn countries_text(b: &[u8]) -> Result<Vec<Country>, String> {
    text(b)?
        .split(';')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(country_text)
        .collect()
}

/// A whole number of days, as `str::parse::<u32>` reads it.
#[inline]
fn days(b: &[u8]) -> Result<u32, String> {
    // Up to nine digits, read here (they fit a u32); anything else (such as
    // `+5`, which `parse` takes) by `parse`.
    if let Some((n, len)) = digits_at(b, 9)
        && len == b.len()
    {
        return Ok(n as u32);
    }
    days_text(b)
}

#[cold]
fn days_text(b: &[u8]) -> Result<u32, String> {
    let s = text(b)?;
    s.parse::<u32>()
        .map_err(|_| format!("{s:?} is not a whole number of days (0 or more)"))
}

/// A number of years, 0 or more, as `str::parse::<f64>` reads it.
#[inline]
fn years(b: &[u8]) -> Result<f64, String> {
    // Whole years, read here (exactly: up to 15 digits fit a float).
    if let Some((n, len)) = digits_at(b, 15)
        && len == b.len()
    {
        return Ok(n as f64);
    }
    years_text(b)
}

#[cold]
fn years_text(b: &[u8]) -> Result<f64, String> {
    let s = text(b)?;
    match s.parse::<f64>() {
        Ok(y) if y.is_finite() && y >= 0.0 => Ok(y),
        _ => Err(format!("{s:?} is not a number of years (0 or more)")),
    }
}

/// The cells of a facts document that fit the CSV, in [`COLUMNS`] order (the
/// inverse of [`row_to_facts`], for `--generate`); `None` if the document
/// holds something a CSV row cannot.
pub fn facts_to_cells(f: &Facts) -> Option<[String; COLUMNS.len() - 1]> {
    let fits = f.harms.is_none()
        && f.groups.is_none()
        && f.risk.as_ref().is_none_or(|r| {
            *r == Risk {
                fear_in_every_nationality: r.fear_in_every_nationality,
                ..Risk::EMPTY
            }
        })
        && f.torture.is_none()
        && f.resettlement.is_none()
        && f.family.is_none()
        && f.arrivals().len() <= 1
        && f.exceptions().len() <= 1
        && f.applicant().habitual_residence.is_none()
        && f.applicant().current_country.is_none()
        && f.arrivals()
            .iter()
            .all(|a| a.stca_exception.is_none() && a.compelling_circumstances.is_none())
        && f.exceptions().iter().all(|e| e.reasonable_delay.is_none());
    if !fits {
        return None;
    }
    fn d(x: Option<Date>) -> String {
        x.map(|d| d.to_string()).unwrap_or_default()
    }
    fn b(x: Option<bool>) -> String {
        x.map(|b| b.to_string()).unwrap_or_default()
    }
    fn e<T: Copy>(x: Option<T>, name: fn(T) -> &'static str) -> String {
        x.map(|v| name(v).to_string()).unwrap_or_default()
    }
    fn cs(x: Option<&Vec<Country>>) -> String {
        match x {
            None => String::new(),
            Some(v) if v.is_empty() => "none".to_string(),
            Some(v) => v.iter().map(Country::as_str).collect::<Vec<_>>().join(";"),
        }
    }
    let a = f.applicant();
    let arr = f.arrivals().first().cloned().unwrap_or_default();
    let app = f.application();
    let ex = f.exceptions().first().cloned().unwrap_or_default();
    let c = f.conduct();
    let r = f.removal();
    Some([
        d(f.as_of),
        d(a.birth_date),
        cs(a.nationality.as_ref()),
        e(a.location, Location::as_str),
        b(a.unaccompanied_child),
        d(arr.date),
        e(arr.manner, Manner::as_str),
        e(arr.border, Border::as_str),
        arr.from_country
            .map(|c| c.as_str().to_string())
            .unwrap_or_default(),
        cs(arr.transit_countries.as_ref()),
        b(arr.cbp_one_appointment),
        e(arr.protection_sought_in_transit, TransitProtection::as_str),
        b(arr.visa_or_admission_document),
        b(arr.encountered_within_14_days),
        b(arr.scheduling_system_unavailable),
        d(app.filed_on),
        d(app.mailed_on),
        e(app.forum, Forum::as_str),
        b(app.previously_denied),
        app.clock_stopped_days
            .map(|n| n.to_string())
            .unwrap_or_default(),
        d(app.granted_on),
        d(app.adjusted_on),
        b(r.in_proceedings),
        b(r.prior_order),
        b(r.reinstated),
        b(r.frivolous_finding),
        match f.exceptions.as_deref() {
            Some([]) => "none".to_string(),
            _ => e(ex.kind, ExceptionKind::as_str),
        },
        d(ex.began),
        d(ex.ended),
        b(c.persecuted_others),
        b(c.aggravated_felony),
        b(c.drug_trafficking),
        b(c.particularly_serious_crime),
        c.sentence_years.map(|y| y.to_string()).unwrap_or_default(),
        b(c.serious_nonpolitical_crime),
        b(c.danger_to_security),
        b(c.terrorist_activity),
        b(f.risk().fear_in_every_nationality),
        b(f.family_unity),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(cells: &[(&str, &str)]) -> Result<Facts, CellError> {
        row_to_facts(
            cells
                .iter()
                .map(|(n, v)| (Col::named(n).unwrap(), v.as_bytes())),
        )
        .map(|(facts, _)| facts)
    }

    #[test]
    fn the_column_table_is_in_the_order_of_the_enum() {
        for (i, (c, name, _, _)) in COLUMNS.iter().enumerate() {
            assert_eq!(*c as usize, i, "{name}");
            assert_eq!(Col::named(name), Some(*c));
        }
    }

    #[test]
    fn the_help_names_every_column_and_its_fact() {
        for (_, name, path, _) in COLUMNS {
            assert!(
                COLUMNS_HELP.contains(&format!("\n  {name} ")),
                "{name} is not in the help"
            );
            assert!(COLUMNS_HELP.contains(path), "{path} is not in the help");
        }
    }

    #[test]
    fn an_empty_cell_is_an_unknown_fact_and_creates_no_object() {
        let f = row(&[
            ("birth_date", ""),
            ("last_arrival", ""),
            ("aggravated_felony", ""),
        ])
        .unwrap();
        assert_eq!(f, Facts::default());
    }

    #[test]
    fn booleans_read_true_false_yes_no_one_zero_in_any_case() {
        for (text, want) in [
            ("true", true),
            ("YES", true),
            ("1", true),
            ("False", false),
            ("no", false),
            ("0", false),
        ] {
            let f = row(&[("unaccompanied_child", text)]).unwrap();
            assert_eq!(f.applicant().unaccompanied_child, Some(want), "{text}");
        }
        let e = row(&[("cbp_one_appointment", "maybe")]).unwrap_err();
        assert_eq!(e.column, "cbp_one_appointment");
        assert!(
            e.problem.contains("\"maybe\" is not a boolean"),
            "{}",
            e.problem
        );
    }

    #[test]
    fn list_columns_split_on_semicolons_and_none_is_the_empty_list() {
        let f = row(&[("nationality", "SV;GT"), ("transit_countries", "none")]).unwrap();
        assert_eq!(f.applicant().nationality.as_ref().unwrap().len(), 2);
        assert_eq!(f.arrivals()[0].transit_countries, Some(vec![]));
        let f = row(&[("nationality", "stateless")]).unwrap();
        assert_eq!(f.applicant().nationality, Some(vec![]));
        assert_eq!(
            row(&[("transit_countries", "GT;mx")]).unwrap_err().column,
            "transit_countries"
        );
    }

    #[test]
    fn a_bad_enum_value_names_the_allowed_values() {
        let e = row(&[("location", "inside")]).unwrap_err();
        assert_eq!(
            e.problem,
            "\"inside\" is not one of in_us, port_of_entry, outside_us"
        );
    }

    #[test]
    fn an_impossible_date_is_an_error_of_its_column() {
        let e = row(&[("filed_on", "2025-02-30")]).unwrap_err();
        assert_eq!(e.column, "filed_on");
        assert!(e.problem.contains("not a calendar date"), "{}", e.problem);
    }

    #[test]
    fn exception_kind_none_is_no_exception_offered() {
        let f = row(&[("exception_kind", "none")]).unwrap();
        assert_eq!(f.exceptions, Some(vec![]));
        let e = row(&[
            ("exception_kind", "none"),
            ("exception_began", "2024-01-01"),
        ])
        .unwrap_err();
        assert_eq!(e.column, "exception_kind");
        let e = row(&[
            ("exception_began", "2024-01-01"),
            ("exception_kind", "none"),
        ])
        .unwrap_err();
        assert_eq!(e.column, "exception_kind");
    }

    #[test]
    fn arrival_and_exception_columns_fill_the_first_entry() {
        let f = row(&[
            ("last_arrival", "2024-03-01"),
            ("arrival_border", "air"),
            ("exception_began", "2024-04-01"),
        ])
        .unwrap();
        assert_eq!(f.arrivals().len(), 1);
        assert_eq!(f.arrivals()[0].border, Some(Border::Air));
        assert_eq!(f.exceptions().len(), 1);
    }

    #[test]
    fn a_csv_row_fills_the_removal_history_drug_trafficking_and_arrival_facts() {
        let f = row(&[
            ("last_arrival", "2024-03-01"),
            ("visa_or_admission_document", "yes"),
            ("encountered_within_14_days", "false"),
            ("scheduling_system_unavailable", "1"),
            ("in_proceedings", "true"),
            ("prior_order", "TRUE"),
            ("reinstated", "no"),
            ("frivolous_finding", "0"),
            ("aggravated_felony", "true"),
            ("drug_trafficking", "Yes"),
            ("fear_in_every_nationality", "false"),
            ("family_unity", "true"),
        ])
        .unwrap();
        let want = Facts {
            arrivals: Some(vec![Arrival {
                date: Some(jiff::civil::date(2024, 3, 1)),
                visa_or_admission_document: Some(true),
                encountered_within_14_days: Some(false),
                scheduling_system_unavailable: Some(true),
                ..Arrival::EMPTY
            }]),
            removal: Some(Removal {
                in_proceedings: Some(true),
                prior_order: Some(true),
                reinstated: Some(false),
                frivolous_finding: Some(false),
            }),
            conduct: Some(Conduct {
                aggravated_felony: Some(true),
                drug_trafficking: Some(true),
                ..Conduct::EMPTY
            }),
            risk: Some(Risk {
                fear_in_every_nationality: Some(false),
                ..Risk::EMPTY
            }),
            family_unity: Some(true),
            ..Facts::EMPTY
        };
        assert_eq!(f, want);
        // The arrival's facts go to the one arrival the row describes, even
        // without its date.
        let f = row(&[("encountered_within_14_days", "true")]).unwrap();
        assert_eq!(f.arrivals().len(), 1);
        assert_eq!(f.arrivals()[0].encountered_within_14_days, Some(true));
        assert_eq!(f.arrivals()[0].date, None);
        // One removal fact alone makes the removal object; no cell of it, none.
        let f = row(&[("reinstated", "yes")]).unwrap();
        assert_eq!(f.removal().reinstated, Some(true));
        assert_eq!(f.removal().prior_order, None);
        let f = row(&[("prior_order", ""), ("fear_in_every_nationality", "")]).unwrap();
        assert_eq!((f.removal, f.risk, f.family_unity), (None, None, None));
    }

    #[test]
    fn a_bad_value_in_a_new_column_is_an_error_of_that_column() {
        for (_, name, _, kind) in COLUMNS {
            if kind != "boolean" {
                continue;
            }
            let e = row(&[(name, "perhaps")]).unwrap_err();
            assert_eq!(e.column, name);
            assert_eq!(
                e.problem,
                "\"perhaps\" is not a boolean (true/false, yes/no or 1/0)"
            );
        }
        // The first bad cell is the one reported.
        let e = row(&[
            ("prior_order", "true"),
            ("reinstated", "2"),
            ("family_unity", "x"),
        ])
        .unwrap_err();
        assert_eq!(e.column, "reinstated");
    }

    #[test]
    fn a_document_with_more_risk_than_the_fear_in_every_nationality_does_not_fit_a_row() {
        let mut f = row(&[("fear_in_every_nationality", "true")]).unwrap();
        assert!(facts_to_cells(&f).is_some());
        f.risk.as_mut().unwrap().afraid = Some(true);
        assert!(facts_to_cells(&f).is_none());
    }

    #[test]
    fn facts_to_cells_is_the_inverse_of_row_to_facts() {
        let cells = [
            ("as_of", "2026-01-10"),
            ("nationality", "stateless"),
            ("transit_countries", "GT;MX"),
            ("last_arrival", "2024-03-01"),
            ("scheduling_system_unavailable", "true"),
            ("clock_stopped_days", "12"),
            ("prior_order", "true"),
            ("reinstated", "false"),
            ("drug_trafficking", "true"),
            ("sentence_years", "2.5"),
            ("exception_kind", "lawful_status"),
            ("fear_in_every_nationality", "false"),
            ("family_unity", "true"),
        ];
        let f = row(&cells).unwrap();
        let back = facts_to_cells(&f).unwrap();
        let names = COLUMNS[1..].iter().map(|(c, _, _, _)| *c);
        let again = row_to_facts(names.zip(back.iter().map(String::as_bytes)))
            .unwrap()
            .0;
        assert_eq!(f, again);
        let cells = [("exception_kind", "none")];
        let f = row(&cells).unwrap();
        let back = facts_to_cells(&f).unwrap();
        let names = COLUMNS[1..].iter().map(|(c, _, _, _)| *c);
        let again = row_to_facts(names.zip(back.iter().map(String::as_bytes)))
            .unwrap()
            .0;
        assert_eq!(f, again);
    }

    #[test]
    fn dates_read_from_the_digits_read_as_parse_date_reads_them() {
        for y in (0..=99).chain(1790..=2210).chain([9999]) {
            for m in 0..=13 {
                for d in 0..=33 {
                    let s = format!("{y:04}-{m:02}-{d:02}");
                    assert_eq!(iso_date(s.as_bytes()), parse_date(&s).ok(), "{s}");
                }
            }
        }
        let mut rng = crate::generate::Rng::new(5);
        let bytes = b"0123456789-/ x\xff";
        for _ in 0..100_000 {
            let mut b: Vec<u8> = b"2024-06-15".to_vec();
            for _ in 0..rng.range(1, 3) {
                let i = rng.range(0, 9) as usize;
                b[i] = bytes[rng.range(0, bytes.len() as i64 - 1) as usize];
            }
            if rng.chance(10) {
                b.truncate(rng.range(0, 9) as usize);
            }
            let want = std::str::from_utf8(&b)
                .ok()
                .and_then(|s| parse_date(s).ok());
            assert_eq!(iso_date(&b), want, "{:?}", String::from_utf8_lossy(&b));
        }
    }

    #[test]
    fn booleans_read_four_bytes_at_a_time_read_as_words_in_any_case() {
        let truth_of = |b: &[u8]| -> Option<bool> {
            match b {
                b"1" => Some(true),
                b"0" => Some(false),
                _ if ["true", "yes"]
                    .iter()
                    .any(|w| b.eq_ignore_ascii_case(w.as_bytes())) =>
                {
                    Some(true)
                }
                _ if ["false", "no"]
                    .iter()
                    .any(|w| b.eq_ignore_ascii_case(w.as_bytes())) =>
                {
                    Some(false)
                }
                _ => None,
            }
        };
        let alphabet = b"tTrRuUeEfFaAlLsSyYnNoO10\x11\x10 @`";
        let mut words: Vec<Vec<u8>> = vec![Vec::new()];
        for _ in 0..4 {
            let longer: Vec<Vec<u8>> = words
                .iter()
                .filter(|w| w.len() == words.last().map_or(0, Vec::len))
                .flat_map(|w| alphabet.iter().map(move |&c| [&w[..], &[c]].concat()))
                .collect();
            words.extend(longer);
        }
        let fives = [
            "false", "FALSE", "fAlSe", "falsE ", "fals", "falsy", "f@lse", "fal\x13e",
        ];
        for b in words
            .iter()
            .map(Vec::as_slice)
            .chain(fives.map(str::as_bytes))
        {
            let text = String::from_utf8_lossy(b);
            assert_eq!(truth(b), truth_of(b), "{text:?}");
            // Read at the start of a line's rest, followed by a comma.
            let rest = [b, b",x"].concat();
            assert_eq!(
                truth_at(&rest).filter(|&(_, len)| rest[len] == b','),
                truth_of(b).map(|v| (v, b.len())),
                "{text:?}"
            );
        }
    }
}
