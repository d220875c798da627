//! The parameter set: the shipped law parses; `Law::parse` refuses a file
//! that breaks a rule of the data (a gap or an overlap between a parameter's
//! periods, a value of the wrong kind, a unit the engine does not read the
//! parameter in, ...), naming the file, the parameter and the period; and
//! every citation the engine prints is in a known form.

use jiff::civil::{Date, date};
use refuge_engine::Law;
use refuge_engine::cite;
use refuge_engine::defs;
use refuge_engine::law::{Files, LawError, P, Problem, Unit};

#[test]
fn the_shipped_law_parses_and_has_every_parameter_the_engine_reads_in_its_unit() {
    let law = Law::parse(&Files::EMBEDDED).unwrap_or_else(|e| panic!("{e}"));
    for read in P::ALL {
        let p = law.parameters().iter().find(|p| p.id == read.id());
        assert_eq!(p.map(|p| p.unit), Some(read.unit()), "{}", read.id());
    }
}

#[test]
fn a_parameter_reads_as_its_kind_in_force_on_the_day_asked() {
    let law = Law::embedded();
    // A date stays a date (it used to read as 0 through `num`, which no longer
    // compiles for a date: see the `law` module's documentation).
    assert_eq!(
        law.date(P::StcaEffective, date(2026, 1, 1)),
        date(2004, 12, 29)
    );
    assert_eq!(law.num(P::EadFilingWaitDays, date(2026, 1, 1)), 150);
    // The annual fee by its periods (Pub. L. 119-21, § 100009(b)).
    for (on, usd) in [
        (date(2025, 7, 21), 0),
        (date(2025, 7, 22), 100),
        (date(2025, 12, 31), 100),
        (date(2026, 1, 1), 102),
    ] {
        assert_eq!(law.num(P::AnnualFeeUsd, on), usd, "{on}");
    }
    // Before the first period the earliest value stands in.
    assert_eq!(law.num(P::InitialEadFeeUsd, date(2020, 1, 1)), 0);
}

/// The text of `file` among `files`, to read or replace.
fn file_in<'f, 'a>(files: &'f mut Files<'a>, file: &str) -> &'f mut &'a str {
    match file {
        "law.toml" => &mut files.law,
        "parameters.toml" => &mut files.parameters,
        "holidays.toml" => &mut files.holidays,
        "closings.toml" => &mut files.closings,
        "warnings.toml" => &mut files.warnings,
        "countries.toml" => &mut files.countries,
        _ => panic!("no file {file}"),
    }
}

/// The error for the shipped files with the first `from` after `after` in
/// `file` replaced by `to`.
fn refused(file: &str, after: &str, from: &str, to: &str) -> LawError {
    let mut files = Files::EMBEDDED;
    let old = *file_in(&mut files, file);
    let at = old
        .find(after)
        .unwrap_or_else(|| panic!("{after:?} not in {file}"));
    let i = at
        + old[at..]
            .find(from)
            .unwrap_or_else(|| panic!("{from:?} not after {after:?} in {file}"));
    let text = format!("{}{to}{}", &old[..i], &old[i + from.len()..]);
    *file_in(&mut files, file) = &text;
    match Law::parse(&files) {
        Ok(_) => panic!("{file} with {to:?} for {from:?} (after {after:?}) was accepted"),
        Err(e) => e,
    }
}

/// The error for `parameters.toml` with `from` replaced by `to` in parameter `id`.
fn refused_parameter(id: &str, from: &str, to: &str) -> LawError {
    refused("parameters.toml", &format!("id = \"{id}\""), from, to)
}

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

#[test]
fn a_gap_between_two_periods_of_a_parameter_is_refused() {
    let e = refused_parameter(
        "fee.annual_asylum_usd",
        r#"from = "2026-01-01""#,
        r#"from = "2026-01-02""#,
    );
    assert_eq!(
        e.problem,
        Problem::Gap {
            want: day("2026-01-01"),
            next: day("2026-01-02")
        }
    );
    assert_eq!(
        e.to_string(),
        "law/parameters.toml: fee.annual_asylum_usd, the value from 2025-07-22 to 2025-12-31: \
         a gap follows: the next value starts on 2026-01-02, not on 2026-01-01"
    );
}

#[test]
fn two_periods_of_a_parameter_that_overlap_are_refused() {
    let e = refused_parameter(
        "fee.annual_asylum_usd",
        r#"from = "2026-01-01""#,
        r#"from = "2025-12-31""#,
    );
    assert_eq!(
        e.problem,
        Problem::Overlap {
            want: day("2026-01-01"),
            next: day("2025-12-31")
        }
    );
    assert_eq!(
        (e.file, e.entry.as_str(), e.period.as_deref()),
        (
            "parameters.toml",
            "fee.annual_asylum_usd",
            Some("from 2025-07-22 to 2025-12-31")
        )
    );
}

#[test]
fn a_period_with_no_end_date_followed_by_another_is_refused() {
    let e = refused_parameter("fee.annual_asylum_usd", r#"to = "2025-12-31", "#, "");
    assert_eq!(e.problem, Problem::OpenBeforeLast);
    assert_eq!(e.period.as_deref(), Some("from 2025-07-22"));
}

#[test]
fn a_parameter_whose_last_value_ends_is_refused_since_the_law_stays_in_force() {
    let e = refused_parameter(
        "fee.annual_asylum_usd",
        r#"from = "2026-01-01", "#,
        r#"from = "2026-01-01", to = "2026-12-31", "#,
    );
    assert_eq!(e.problem, Problem::LastEnds);
    assert_eq!(e.period.as_deref(), Some("from 2026-01-01 to 2026-12-31"));
}

#[test]
fn a_period_that_ends_before_it_starts_is_refused() {
    let e = refused_parameter(
        "fee.annual_asylum_usd",
        r#"to = "2025-12-31""#,
        r#"to = "2025-07-01""#,
    );
    assert_eq!(
        e.problem,
        Problem::EndsBeforeStart {
            to: day("2025-07-01")
        }
    );
}

#[test]
fn a_period_that_is_not_a_real_date_is_refused() {
    let e = refused_parameter(
        "fee.annual_asylum_usd",
        r#"from = "2026-01-01""#,
        r#"from = "2026-02-30""#,
    );
    assert!(matches!(e.problem, Problem::NotADate(_)), "{e}");
    assert_eq!(e.entry, "fee.annual_asylum_usd");
}

#[test]
fn a_date_parameter_given_a_number_is_refused_not_read_as_zero() {
    let e = refused_parameter("stca.effective", r#"value = "2004-12-29""#, "value = 2004");
    assert_eq!(
        e.problem,
        Problem::WrongKind {
            wanted: "a date (YYYY-MM-DD)",
            value: "2004".into()
        }
    );
    assert_eq!(
        e.to_string(),
        "law/parameters.toml: stca.effective, the value from 2004-12-29: 2004 is not a date (YYYY-MM-DD)"
    );
}

#[test]
fn a_date_parameter_given_a_text_that_is_not_a_date_is_refused() {
    let e = refused_parameter(
        "stca.effective",
        r#"value = "2004-12-29""#,
        r#"value = "Dec. 29, 2004""#,
    );
    assert!(matches!(e.problem, Problem::NotADate(_)), "{e}");
}

#[test]
fn a_day_count_given_a_date_is_refused() {
    let e = refused_parameter(
        "ead.filing_wait_days",
        "value = 150",
        r#"value = "1997-08-29""#,
    );
    assert_eq!(
        e.problem,
        Problem::WrongKind {
            wanted: "a whole number of days",
            value: r#""1997-08-29""#.into()
        }
    );
}

#[test]
fn a_day_count_that_is_not_a_whole_number_is_refused() {
    let e = refused_parameter("ead.filing_wait_days", "value = 150", "value = 150.5");
    assert_eq!(
        e.problem,
        Problem::WrongKind {
            wanted: "a whole number of days",
            value: "150.5".into()
        }
    );
}

#[test]
fn a_fee_below_zero_is_refused() {
    let e = refused_parameter("fee.asylum_application_usd", "value = 100", "value = -100");
    assert_eq!(e.problem, Problem::Negative(-100));
    assert_eq!(e.period.as_deref(), Some("from 2025-07-22"));
}

#[test]
fn a_unit_that_is_not_one_of_the_five_is_refused() {
    let e = refused_parameter(
        "ead.filing_wait_days",
        r#"unit = "days""#,
        r#"unit = "weeks""#,
    );
    assert_eq!(e.problem, Problem::UnknownUnit("weeks".into()));
}

#[test]
fn a_parameter_in_another_unit_than_the_engine_reads_is_refused() {
    // 150 months would be read as 150 days: refused, not converted.
    let e = refused_parameter(
        "ead.filing_wait_days",
        r#"unit = "days""#,
        r#"unit = "months""#,
    );
    assert_eq!(
        e.problem,
        Problem::WrongUnit {
            wanted: Unit::Days,
            found: Unit::Months
        }
    );
    assert_eq!(
        e.to_string(),
        "law/parameters.toml: ead.filing_wait_days: the unit is months, but the engine reads this parameter in days"
    );
}

#[test]
fn a_parameter_the_engine_reads_that_is_missing_is_refused() {
    let e = refused_parameter(
        "ead.grant_wait_days",
        r#"id = "ead.grant_wait_days""#,
        r#"id = "ead.grant_wait""#,
    );
    assert_eq!(
        (e.entry.as_str(), e.problem),
        ("ead.grant_wait_days", Problem::Missing)
    );
}

#[test]
fn a_parameter_given_twice_is_refused() {
    let e = refused_parameter(
        "ead.grant_wait_days",
        r#"id = "ead.grant_wait_days""#,
        r#"id = "ead.filing_wait_days""#,
    );
    assert_eq!(
        (e.entry.as_str(), e.problem),
        ("ead.filing_wait_days", Problem::Duplicate)
    );
}

#[test]
fn a_value_without_a_source_address_is_refused() {
    let e = refused_parameter(
        "fee.annual_asylum_usd",
        r#"url = "https://"#,
        r#"url = "http://"#,
    );
    assert_eq!(e.problem, Problem::NoSource);
    assert_eq!(e.period.as_deref(), Some("from 1997-04-01 to 2025-07-21"));
}

#[test]
fn a_misspelt_field_is_refused_naming_the_file() {
    let e = refused_parameter("ead.grant_wait_days", "label =", "lable =");
    assert!(matches!(e.problem, Problem::Syntax(_)), "{e}");
    assert!(e.to_string().starts_with("law/parameters.toml: "), "{e}");
    assert!(e.to_string().contains("lable"), "{e}");
}

#[test]
fn a_gap_between_two_rules_of_a_holiday_is_refused() {
    let e = refused(
        "holidays.toml",
        r#"name = "Veterans Day""#,
        r#"from = "1978-01-01""#,
        r#"from = "1978-02-01""#,
    );
    assert_eq!(
        (e.file, e.entry.as_str(), e.period.as_deref()),
        (
            "holidays.toml",
            "Veterans Day",
            Some("from 1971-01-01 to 1977-12-31")
        )
    );
    assert!(matches!(e.problem, Problem::Gap { .. }), "{e}");
}

#[test]
fn a_holiday_rule_that_does_not_read_as_a_date_rule_is_refused() {
    let e = refused(
        "holidays.toml",
        r#"name = "Columbus Day""#,
        r#"date = "second monday of october""#,
        r#"date = "second funday of october""#,
    );
    assert_eq!(
        e.problem,
        Problem::DayRule("second funday of october".into())
    );
}

#[test]
fn a_country_entry_without_a_country_code_is_refused() {
    let e = refused(
        "countries.toml",
        "[[cooperative_agreement]]",
        r#""PY""#,
        r#""Paraguay""#,
    );
    assert_eq!(e.problem, Problem::Country("Paraguay".into()));
    assert_eq!(e.file, "countries.toml");
}

#[test]
fn a_review_date_that_is_not_a_date_is_refused() {
    let e = refused("law.toml", "reviewed_on", "2026-12-07", "December 2026");
    assert_eq!(e.entry, "reviewed_on");
    assert!(matches!(e.problem, Problem::NotADate(_)), "{e}");
}

#[test]
fn a_closing_that_is_not_a_date_is_refused() {
    let e = refused("closings.toml", "[[closing]]", "2001-12-24", "2001-12-34");
    assert_eq!(e.file, "closings.toml");
    assert!(matches!(e.problem, Problem::NotADate(_)), "{e}");
}

#[test]
fn a_warning_code_given_twice_is_refused() {
    let e = refused(
        "warnings.toml",
        "[[warning]]",
        r#"code = "securing_the_border""#,
        r#"code = "lawful_pathways_litigation""#,
    );
    assert_eq!(
        (e.entry.as_str(), e.problem),
        ("lawful_pathways_litigation", Problem::Duplicate)
    );
}

#[test]
fn every_citation_in_the_finding_table_and_warnings_is_in_a_known_form() {
    let law = Law::embedded();
    let cites = defs::ALL.iter().flat_map(|d| d.cite.iter().copied()).chain(
        law.warnings()
            .iter()
            .flat_map(|w| w.cite.iter().map(String::as_str)),
    );
    for c in cites {
        assert!(cite::parse(c).is_some(), "unrecognised citation {c:?}");
    }
}

#[test]
fn every_citation_printed_in_an_assessment_is_in_a_known_form() {
    let facts = [
        crate::base(),
        crate::with(serde_json::json!({
            "application": { "granted_on": "2026-10-01", "adjusted_on": "2026-11-01" },
            "family": [{ "id": "c1", "relation": "child", "birth_date": "2010-01-01", "married": false }]
        })),
    ];
    for f in facts {
        let a = crate::run(&f);
        for c in a
            .findings
            .iter()
            .flat_map(|x| x.cite.iter())
            .chain(a.deadlines.iter().flat_map(|d| d.cite.iter()))
        {
            assert!(cite::parse(c).is_some(), "unrecognised citation {c:?}");
        }
    }
}

#[test]
fn every_finding_id_in_an_assessment_is_defined_once() {
    let a = crate::run(&crate::base());
    let mut ids: Vec<&str> = a.findings.iter().map(|f| &*f.id).collect();
    for id in &ids {
        assert!(defs::find(id).is_some(), "{id} is not in defs::ALL");
    }
    ids.sort();
    let n = ids.len();
    ids.dedup();
    assert_eq!(n, ids.len(), "a finding id appears twice");
}

#[test]
fn every_warning_code_of_the_spec_has_a_text() {
    let law = Law::embedded();
    for code in [
        "lawful_pathways_litigation",
        "securing_the_border",
        "proclamation_10888",
        "affirmative_hold",
        "annual_asylum_fee",
        "refugee_admissions_suspended",
    ] {
        assert!(law.warning(code).is_some(), "{code}");
    }
    // Every condition the rules raise finds its own text, by its place.
    for (i, code) in refuge_engine::rules::warnings::CODES.iter().enumerate() {
        let text = law.condition_warning(i).map(|w| w.code.as_str());
        assert_eq!(text, Some(*code), "warning condition {i}");
    }
}

#[test]
fn the_version_and_review_date_are_printed_in_the_output() {
    let a = crate::run(&crate::base());
    assert_eq!(a.law.version, Law::embedded().version());
    assert_eq!(a.law.reviewed_on, Law::embedded().reviewed_on());
}

/// Loading reads the embedded files as JSON that `build.rs` converts from the
/// TOML (faster to read at every start); the TOML is the source, and both
/// read the same.
#[test]
fn the_law_loaded_at_start_up_is_the_toml_as_written() {
    let from_toml = refuge_engine::law::RawLaw::parse(&Files::EMBEDDED).unwrap();
    let from_json = refuge_engine::law::RawLaw::embedded().unwrap();
    assert_eq!(format!("{from_toml:?}"), format!("{from_json:?}"));
}
