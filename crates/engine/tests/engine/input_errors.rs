//! Bad input: each class of error names the JSON path and the problem, and
//! nothing is assessed.

use refuge_engine::{Law, assess_json};

fn error(json: &str) -> (String, String) {
    match assess_json(json, jiff::civil::date(2026, 11, 27), Law::embedded()) {
        Ok(_) => panic!("accepted: {json}"),
        Err(e) => (e.field, e.message),
    }
}

#[track_caller]
fn rejects(json: &str, field: &str, message_has: &str) {
    let (f, m) = error(json);
    assert_eq!(f, field, "field for {json}: {m}");
    assert!(
        m.contains(message_has),
        "message for {json}: {m:?} lacks {message_has:?}"
    );
}

#[test]
fn an_unknown_field_is_named_so_a_misspelt_fact_cannot_pass() {
    rejects(
        r#"{"harms": [{"id": "h1"}, {"id": "h2", "kindd": "torture"}]}"#,
        "harms[1].kindd",
        "unknown field `kindd`",
    );
    rejects(
        r#"{"aplicant": {}}"#,
        "aplicant",
        "unknown field `aplicant`",
    );
}

#[test]
fn a_bad_enum_value_names_the_field_and_the_allowed_values() {
    rejects(
        r#"{"harms": [{"id": "h1"}, {"id": "h2", "kind": "beating"}]}"#,
        "harms[1].kind",
        "expected one of",
    );
    rejects(
        r#"{"applicant": {"location": "USA"}}"#,
        "applicant.location",
        "`in_us`",
    );
}

#[test]
fn an_impossible_date_is_rejected() {
    rejects(
        r#"{"arrivals": [{"date": "2025-02-30"}]}"#,
        "arrivals[0].date",
        "no such day",
    );
    rejects(
        r#"{"application": {"filed_on": "03/01/2025"}}"#,
        "application.filed_on",
        "YYYY-MM-DD",
    );
}

#[test]
fn a_past_date_after_as_of_is_rejected() {
    rejects(
        r#"{"as_of": "2026-01-01", "arrivals": [{"date": "2026-02-01"}]}"#,
        "arrivals[0].date",
        "after as_of 2026-01-01",
    );
    rejects(
        r#"{"as_of": "2026-01-01", "application": {"granted_on": "2026-06-01"}}"#,
        "application.granted_on",
        "after as_of",
    );
}

#[test]
fn a_wrong_type_is_rejected() {
    rejects(
        r#"{"applicant": {"unaccompanied_child": "no"}}"#,
        "applicant.unaccompanied_child",
        "expected a boolean",
    );
    rejects(
        r#"{"application": {"clock_stopped_days": -3}}"#,
        "application.clock_stopped_days",
        "expected u32",
    );
    rejects(
        r#"{"applicant": {"nationality": "SV"}}"#,
        "applicant.nationality",
        "expected a sequence",
    );
}

#[test]
fn a_group_that_is_not_defined_is_rejected() {
    rejects(
        r#"{"groups": [{"id": "g1"}], "harms": [{"id": "h1", "grounds": [{"ground": "particular_social_group", "group": "g2"}]}]}"#,
        "harms[0].grounds[0].group",
        "not defined",
    );
}

#[test]
fn an_id_used_twice_is_rejected() {
    rejects(
        r#"{"harms": [{"id": "h1"}, {"id": "h1"}]}"#,
        "harms[1].id",
        "used twice",
    );
    rejects(
        r#"{"family": [{"id": "c1"}, {"id": "c1"}]}"#,
        "family[1].id",
        "used twice",
    );
}

#[test]
fn a_bad_country_code_is_rejected() {
    rejects(
        r#"{"applicant": {"nationality": ["sv"]}}"#,
        "applicant.nationality[0]",
        "ISO 3166-1 alpha-2",
    );
}

#[test]
fn a_document_that_is_not_one_json_object_is_rejected() {
    rejects(r#"["2025-01-01"]"#, "", "one JSON object");
    rejects("[]", "", "one JSON object");
}

#[test]
fn a_section_written_as_an_array_is_rejected_not_read_as_its_fields_in_order() {
    // serde reads a struct from an array of its fields; a facts document
    // holds objects only (found by schemathesis: such facts were stored and
    // served against the OpenAPI schema).
    rejects(r#"{"torture": [null, null]}"#, "torture", "an object");
    rejects(r#"{"applicant": ["1990-01-01"]}"#, "applicant", "an object");
    rejects(r#"{"harms": [["h1"]]}"#, "harms[0]", "an object");
    rejects(
        r#"{"family": [{"id": "c1", "relation": "child"}, []]}"#,
        "family[1]",
        "an object",
    );
}

#[test]
fn real_dates_and_defined_groups_are_accepted() {
    let ok =
        |json: &str| assess_json(json, jiff::civil::date(2026, 11, 27), Law::embedded()).unwrap();
    ok(r#"{"applicant": {"birth_date": "1899-12-31"}}"#);
    ok(
        r#"{"groups": [{"id": "g"}], "harms": [{"id": "h", "grounds": [{"ground": "race", "group": "g"}]}]}"#,
    );
}

#[test]
fn malformed_json_is_rejected_with_its_position() {
    let (_, m) = error(r#"{"applicant": {"location": "in_us",}}"#);
    assert!(m.contains("line 1"), "{m}");
}

#[test]
fn null_is_an_unknown_fact_not_an_error() {
    assess_json(
        r#"{"applicant": null, "arrivals": [{"date": null}], "risk": {"afraid": null}}"#,
        jiff::civil::date(2026, 11, 27),
        Law::embedded(),
    )
    .unwrap();
}

#[test]
fn a_case_refilled_in_place_reads_as_a_new_one_and_a_bad_refill_leaves_no_facts() {
    use refuge_engine::{Case, assess};
    let today = jiff::civil::date(2026, 11, 27);
    let facts = |json: &str| serde_json::from_str::<refuge_engine::facts::Facts>(json).unwrap();
    let good = facts(
        r#"{"as_of": "2026-06-01", "harms": [{"id": "beating", "severe": true}],
            "arrivals": [{"date": "2026-01-05"}]}"#,
    );
    let other = facts(r#"{"groups": [{"id": "g1"}], "family": [{"relation": "child"}]}"#);
    // A filing after as_of fails a check.
    let bad = facts(r#"{"as_of": "2026-06-01", "application": {"filed_on": "2026-07-01"}}"#);

    let mut slot = Case::new(other, today).unwrap();
    let err = slot.set(bad, today).unwrap_err();
    assert_eq!(err.field, "application.filed_on");
    assert_eq!(*slot.facts(), refuge_engine::facts::Facts::EMPTY);
    assert!(slot.group_ids().is_empty() && slot.family_ids().is_empty());
    assert_eq!(slot.as_of(), today);

    slot.set(good.clone(), today).unwrap();
    let new = Case::new(good, today).unwrap();
    assert_eq!(slot.harm_ids(), new.harm_ids());
    assert_eq!(slot.as_of(), jiff::civil::date(2026, 6, 1));
    assert_eq!(
        assess(&slot, Law::embedded()),
        assess(&new, Law::embedded())
    );
}

#[test]
fn a_grant_before_the_filing_or_an_adjustment_before_the_grant_names_the_later_field() {
    rejects(
        r#"{"as_of": "2026-11-27", "application": {"filed_on": "2025-03-01", "granted_on": "2025-01-10"}}"#,
        "application.granted_on",
        "before application.filed_on 2025-03-01",
    );
    rejects(
        r#"{"as_of": "2026-11-27", "application": {"granted_on": "2025-03-01", "adjusted_on": "2025-02-01"}}"#,
        "application.adjusted_on",
        "before application.granted_on 2025-03-01",
    );
}

#[test]
fn a_bad_value_in_a_new_fact_is_rejected_by_name() {
    rejects(
        r#"{"removal": {"reinstated": "yes"}}"#,
        "removal.reinstated",
        "expected a boolean",
    );
    rejects(
        r#"{"removal": {"deported": true}}"#,
        "removal.deported",
        "unknown field",
    );
    rejects(
        r#"{"arrivals": [{"encountered_within_14_days": 1}]}"#,
        "arrivals[0].encountered_within_14_days",
        "expected a boolean",
    );
}

/// Issue 15: a list longer than any case's is refused, naming the list, so
/// that no document can make an assessment take seconds.
#[test]
fn a_list_longer_than_any_cases_is_refused_naming_it() {
    let entries =
        |n: usize, f: &dyn Fn(usize) -> String| (0..n).map(f).collect::<Vec<_>>().join(",");
    let groups = |n| {
        format!(
            r#"{{"groups":[{}]}}"#,
            entries(n, &|i| format!(r#"{{"id":"g{i}"}}"#))
        )
    };
    assert!(
        assess_json(
            &groups(200),
            jiff::civil::date(2026, 1, 15),
            Law::embedded()
        )
        .is_ok()
    );
    rejects(
        &groups(201),
        "groups",
        "201 entries; a case lists at most 200",
    );
    let harms = format!(
        r#"{{"harms":[{}]}}"#,
        entries(201, &|i| format!(r#"{{"id":"h{i}"}}"#))
    );
    rejects(&harms, "harms", "at most 200");
    let grounds = format!(
        r#"{{"harms":[{{"id":"h1","grounds":[{}]}}]}}"#,
        entries(21, &|_| r#"{"ground":"race"}"#.to_string())
    );
    rejects(
        &grounds,
        "harms[h1].grounds",
        "21 entries; a case lists at most 20",
    );
    let family = format!(
        r#"{{"family":[{}]}}"#,
        entries(51, &|i| format!(r#"{{"id":"f{i}"}}"#))
    );
    rejects(&family, "family", "at most 50");
}
