//! The CSV input: its columns, and how one row becomes a facts document
//! (`spec/facts.md`).
//!
//! A row describes one person with at most one arrival (the last one) and at
//! most one exception to the one-year deadline: the columns most caseload
//! spreadsheets already keep. Everything the CSV cannot say (harms, groups,
//! risk, torture, resettlement, family) stays unknown, exactly as an absent
//! field of a facts document does.
//!
//! Every column is optional and an empty cell is an unknown fact. Values are
//! read the way the engine reads JSON: the spec's snake_case enum values,
//! strict ISO dates and ISO 3166-1 alpha-2 codes, so that a CSV row and the
//! equivalent facts document give the same assessment.

use jiff::civil::Date;
use refuge_engine::Facts;
use refuge_engine::facts::{
    Applicant, Application, Arrival, Border, Conduct, Country, Exception, ExceptionKind, Forum,
    Location, Manner, TransitProtection, parse_date,
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
    FiledOn,
    MailedOn,
    Forum,
    PreviouslyDenied,
    ClockStoppedDays,
    GrantedOn,
    AdjustedOn,
    ExceptionKind,
    ExceptionBegan,
    ExceptionEnded,
    PersecutedOthers,
    AggravatedFelony,
    ParticularlySeriousCrime,
    SentenceYears,
    SeriousNonpoliticalCrime,
    DangerToSecurity,
    TerroristActivity,
}

/// Every column: its CSV name, the path of the fact it fills (empty for `id`,
/// which is not a fact) and what it holds. The order is the one `--generate`
/// writes and `--help` lists.
pub const COLUMNS: [(Col, &str, &str, &str); 30] = [
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
  filed_on                      application.filed_on
  mailed_on                     application.mailed_on
  forum                         application.forum: affirmative | defensive
  previously_denied             application.previously_denied
  clock_stopped_days            application.clock_stopped_days (whole days)
  granted_on                    application.granted_on
  adjusted_on                   application.adjusted_on
  exception_kind                exceptions[0].kind (the CSV holds at most one exception;
                                `none`: exceptions is [], no circumstance is offered)
  exception_began               exceptions[0].began
  exception_ended               exceptions[0].ended
  persecuted_others             conduct.persecuted_others
  aggravated_felony             conduct.aggravated_felony
  particularly_serious_crime    conduct.particularly_serious_crime
  sentence_years                conduct.sentence_years (years, may be fractional)
  serious_nonpolitical_crime    conduct.serious_nonpolitical_crime
  danger_to_security            conduct.danger_to_security
  terrorist_activity            conduct.terrorist_activity

Dates are YYYY-MM-DD; countries ISO 3166-1 alpha-2 (SV); booleans true/false,
yes/no or 1/0 (any case); enum values as in spec/facts.md. An object
(applicant, arrivals[0], application, exceptions[0], conduct) is present only
when one of its cells is filled. Facts the CSV cannot hold (harms, risk,
torture, resettlement, family, ...) are unknown: use JSON Lines input, one full
facts document per line, for those.

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
/// Values are read from the bytes, without building strings; a cell that does
/// not read is then looked at as text, so that the problem is the one the
/// engine gives for the same value in JSON (and a cell that is not UTF-8 says
/// so first).
///
/// # Errors
/// A [`CellError`] for the first cell that cannot be read.
pub fn row_to_facts<'a>(
    cells: impl IntoIterator<Item = (Col, &'a [u8])>,
) -> Result<(Facts, Option<&'a str>), CellError> {
    let mut f = Facts::default();
    let mut id = None;
    let mut no_exception = false;
    for (col, bytes) in cells {
        if bytes.is_empty() {
            continue;
        }
        let read = match col {
            // Not a fact, but copied to the output: it must be text.
            Col::Id => text(bytes).map(|text| id = Some(text)),
            // `none` in exception_kind: no circumstance is offered
            // (`exceptions: []`), which settles the exception finding, where
            // an empty cell leaves it unknown.
            Col::ExceptionKind if bytes == b"none" => {
                no_exception = true;
                Ok(())
            }
            _ => set(&mut f, col, bytes),
        };
        read.map_err(|problem| CellError {
            column: col.name(),
            problem,
        })?;
    }
    if no_exception {
        if f.exceptions.is_some() {
            return Err(CellError {
                column: Col::ExceptionKind.name(),
                problem: "none, but exception_began or exception_ended is given".to_string(),
            });
        }
        f.exceptions = Some(Vec::new());
    }
    Ok((f, id))
}

fn applicant(f: &mut Facts) -> &mut Applicant {
    f.applicant.get_or_insert_with(Applicant::default)
}

fn arrival(f: &mut Facts) -> &mut Arrival {
    let arrivals = f.arrivals.get_or_insert_with(Vec::new);
    if arrivals.is_empty() {
        arrivals.push(Arrival::default());
    }
    &mut arrivals[0]
}

fn application(f: &mut Facts) -> &mut Application {
    f.application.get_or_insert_with(Application::default)
}

fn exception(f: &mut Facts) -> &mut Exception {
    let exceptions = f.exceptions.get_or_insert_with(Vec::new);
    if exceptions.is_empty() {
        exceptions.push(Exception::default());
    }
    &mut exceptions[0]
}

fn conduct(f: &mut Facts) -> &mut Conduct {
    f.conduct.get_or_insert_with(Conduct::default)
}

/// Sets the fact of a column (not `id`) from a cell.
#[inline(always)]
fn set(f: &mut Facts, col: Col, b: &[u8]) -> Result<(), String> {
    match col {
        // Read by `row_to_facts`.
        Col::Id => {}
        Col::AsOf => f.as_of = Some(date(b)?),
        Col::BirthDate => applicant(f).birth_date = Some(date(b)?),
        Col::Nationality => applicant(f).nationality = Some(countries(b, &["stateless", "none"])?),
        Col::Location => applicant(f).location = Some(choice(b, Location::ALL, Location::as_str)?),
        Col::UnaccompaniedChild => applicant(f).unaccompanied_child = Some(boolean(b)?),
        Col::LastArrival => arrival(f).date = Some(date(b)?),
        Col::ArrivalManner => arrival(f).manner = Some(choice(b, Manner::ALL, Manner::as_str)?),
        Col::ArrivalBorder => arrival(f).border = Some(choice(b, Border::ALL, Border::as_str)?),
        Col::FromCountry => arrival(f).from_country = Some(country(b)?),
        Col::TransitCountries => arrival(f).transit_countries = Some(countries(b, &["none"])?),
        Col::CbpOneAppointment => arrival(f).cbp_one_appointment = Some(boolean(b)?),
        Col::ProtectionSoughtInTransit => {
            arrival(f).protection_sought_in_transit = Some(choice(
                b,
                TransitProtection::ALL,
                TransitProtection::as_str,
            )?)
        }
        Col::FiledOn => application(f).filed_on = Some(date(b)?),
        Col::MailedOn => application(f).mailed_on = Some(date(b)?),
        Col::Forum => application(f).forum = Some(choice(b, Forum::ALL, Forum::as_str)?),
        Col::PreviouslyDenied => application(f).previously_denied = Some(boolean(b)?),
        Col::ClockStoppedDays => application(f).clock_stopped_days = Some(days(b)?),
        Col::GrantedOn => application(f).granted_on = Some(date(b)?),
        Col::AdjustedOn => application(f).adjusted_on = Some(date(b)?),
        Col::ExceptionKind => {
            exception(f).kind = Some(
                choice(b, ExceptionKind::ALL, ExceptionKind::as_str)
                    .map_err(|e| e + ", or none")?,
            )
        }
        Col::ExceptionBegan => exception(f).began = Some(date(b)?),
        Col::ExceptionEnded => exception(f).ended = Some(date(b)?),
        Col::PersecutedOthers => conduct(f).persecuted_others = Some(boolean(b)?),
        Col::AggravatedFelony => conduct(f).aggravated_felony = Some(boolean(b)?),
        Col::ParticularlySeriousCrime => conduct(f).particularly_serious_crime = Some(boolean(b)?),
        Col::SentenceYears => conduct(f).sentence_years = Some(years(b)?),
        Col::SeriousNonpoliticalCrime => conduct(f).serious_nonpolitical_crime = Some(boolean(b)?),
        Col::DangerToSecurity => conduct(f).danger_to_security = Some(boolean(b)?),
        Col::TerroristActivity => conduct(f).terrorist_activity = Some(boolean(b)?),
    }
    Ok(())
}

/// A cell as text.
fn text(b: &[u8]) -> Result<&str, String> {
    std::str::from_utf8(b).map_err(|_| "the cell is not valid UTF-8".to_string())
}

/// A date, `YYYY-MM-DD`, as [`parse_date`] reads it: read here straight from
/// the digits, and by `parse_date` itself (for its problem) when that fails.
fn date(b: &[u8]) -> Result<Date, String> {
    if let &[y0, y1, y2, y3, b'-', m0, m1, b'-', d0, d1] = b {
        let digits = [y0, y1, y2, y3, m0, m1, d0, d1];
        if digits.iter().all(u8::is_ascii_digit) {
            let [y0, y1, y2, y3, m0, m1, d0, d1] = digits.map(|d| i16::from(d - b'0'));
            let year = ((y0 * 10 + y1) * 10 + y2) * 10 + y3;
            if (1800..=2200).contains(&year)
                && let Ok(d) = Date::new(year, (m0 * 10 + m1) as i8, (d0 * 10 + d1) as i8)
            {
                return Ok(d);
            }
        }
    }
    parse_date(text(b)?)
}

/// `true/false/yes/no/1/0`, in any case.
#[inline]
fn boolean(b: &[u8]) -> Result<bool, String> {
    // For words of letters only: a letter or'ed with 0x20 is lower case, and
    // no other byte becomes a lower-case letter so.
    let word = |w: &[u8]| b.iter().zip(w).all(|(&x, &w)| x | 0x20 == w);
    match b.len() {
        1 if b == b"1" => Ok(true),
        1 if b == b"0" => Ok(false),
        2 if word(b"no") => Ok(false),
        3 if word(b"yes") => Ok(true),
        4 if word(b"true") => Ok(true),
        5 if word(b"false") => Ok(false),
        _ => Err(not_boolean(b)),
    }
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
        None => Err(not_one_of(
            b,
            &all.iter().map(|&v| name(v)).collect::<Vec<_>>(),
        )),
    }
}

#[cold]
fn not_one_of(b: &[u8], allowed: &[&str]) -> String {
    match text(b) {
        Ok(s) => format!("{s:?} is not one of {}", allowed.join(", ")),
        Err(e) => e,
    }
}

/// An ISO 3166-1 alpha-2 code, as [`Country::parse`] reads it.
fn country(b: &[u8]) -> Result<Country, String> {
    match b {
        &[x, y] if let Some(c) = capitals(x, y) => Ok(c),
        _ => country_text(text(b)?),
    }
}

fn country_text(s: &str) -> Result<Country, String> {
    Country::parse(s).ok_or_else(|| {
        format!("{s:?} is not an ISO 3166-1 alpha-2 country code (two upper-case letters, such as \"SV\")")
    })
}

/// The country code of two capitals, from a table of all 676 (made once) so
/// as not to build a string per code.
fn capitals(x: u8, y: u8) -> Option<Country> {
    static CODES: std::sync::OnceLock<Vec<Country>> = std::sync::OnceLock::new();
    let codes = CODES.get_or_init(|| {
        let letters = b'A'..=b'Z';
        letters
            .clone()
            .flat_map(|x| letters.clone().map(move |y| [x, y]))
            .map(|code| std::str::from_utf8(&code).ok().and_then(Country::parse))
            .collect::<Option<_>>()
            .unwrap_or_default()
    });
    if x.is_ascii_uppercase() && y.is_ascii_uppercase() {
        codes
            .get(usize::from(x - b'A') * 26 + usize::from(y - b'A'))
            .copied()
    } else {
        None
    }
}

/// A `;`-separated list of countries; one of `empty_words` alone is the empty list.
fn countries(b: &[u8], empty_words: &[&str]) -> Result<Vec<Country>, String> {
    if empty_words
        .iter()
        .any(|w| b.eq_ignore_ascii_case(w.as_bytes()))
    {
        return Ok(Vec::new());
    }
    // The common case, read fast: codes of two capitals, each but the last
    // followed by `;` (`SV;GT`).
    if b.len() % 3 == 2 {
        let mut list = Vec::with_capacity(b.len() / 3 + 1);
        let plain = b.chunks(3).all(|code| match code {
            &[x, y] | &[x, y, b';'] => capitals(x, y).map(|c| list.push(c)).is_some(),
            _ => false,
        });
        if plain {
            return Ok(list);
        }
    }
    text(b)?
        .split(';')
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(country_text)
        .collect()
}

fn days(b: &[u8]) -> Result<u32, String> {
    let s = text(b)?;
    s.parse::<u32>()
        .map_err(|_| format!("{s:?} is not a whole number of days (0 or more)"))
}

fn years(b: &[u8]) -> Result<f64, String> {
    // Whole years, read fast (exactly: up to 15 digits fit a float).
    if (1..=15).contains(&b.len()) && b.iter().all(u8::is_ascii_digit) {
        return Ok(b.iter().fold(0u64, |n, d| n * 10 + u64::from(d - b'0')) as f64);
    }
    let s = text(b)?;
    match s.parse::<f64>() {
        Ok(y) if y.is_finite() && y >= 0.0 => Ok(y),
        _ => Err(format!("{s:?} is not a number of years (0 or more)")),
    }
}

/// The cells of a facts document that fit the CSV, in [`COLUMNS`] order (the
/// inverse of [`row_to_facts`], for `--generate`); `None` if the document
/// holds something a CSV row cannot.
pub fn facts_to_cells(f: &Facts) -> Option<[String; 29]> {
    let fits = f.harms.is_none()
        && f.groups.is_none()
        && f.risk.is_none()
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
        d(app.filed_on),
        d(app.mailed_on),
        e(app.forum, Forum::as_str),
        b(app.previously_denied),
        app.clock_stopped_days
            .map(|n| n.to_string())
            .unwrap_or_default(),
        d(app.granted_on),
        d(app.adjusted_on),
        match f.exceptions.as_deref() {
            Some([]) => "none".to_string(),
            _ => e(ex.kind, ExceptionKind::as_str),
        },
        d(ex.began),
        d(ex.ended),
        b(c.persecuted_others),
        b(c.aggravated_felony),
        b(c.particularly_serious_crime),
        c.sentence_years.map(|y| y.to_string()).unwrap_or_default(),
        b(c.serious_nonpolitical_crime),
        b(c.danger_to_security),
        b(c.terrorist_activity),
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
    fn facts_to_cells_is_the_inverse_of_row_to_facts() {
        let cells = [
            ("as_of", "2026-01-10"),
            ("nationality", "stateless"),
            ("transit_countries", "GT;MX"),
            ("last_arrival", "2024-03-01"),
            ("clock_stopped_days", "12"),
            ("sentence_years", "2.5"),
            ("exception_kind", "lawful_status"),
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
}
