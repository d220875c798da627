//! The case document is strict, as the facts are: every error names its path,
//! and nothing is checked from a document with an error.

use jiff::civil::date;
use refuge_application::CaseDocument;

fn error(json: &str) -> (String, String) {
    let e = CaseDocument::from_json(json, date(2026, 12, 1)).expect_err(json);
    (e.field, e.message)
}

#[test]
fn bad_input_is_refused_with_its_path() {
    for (json, field, says) in [
        (
            r#"{"facts": {}, "applicaton": {}}"#,
            "applicaton",
            "unknown field",
        ),
        (
            r#"{"application": {"part_a1": {"nick": "x"}}}"#,
            "application.part_a1.nick",
            "unknown field",
        ),
        (
            r#"{"application": {"part_a1": {"gender": "other"}}}"#,
            "application.part_a1.gender",
            "unknown variant",
        ),
        (
            r#"{"application": {"part_a1": {"passport_expires": "2028-02-30"}}}"#,
            "application.part_a1.passport_expires",
            "no such day",
        ),
        (
            r#"{"application": {"part_a1": {"passport_expires": "n/a"}}}"#,
            "application.part_a1.passport_expires",
            "\"N/A\"",
        ),
        (
            r#"{"application": {"part_a3": {"addresses": [{"from": "2024-13"}]}}}"#,
            "application.part_a3.addresses[0].from",
            "YYYY-MM",
        ),
        (
            r#"{"application": {"part_a3": {"addresses": [{"to": "now"}]}}}"#,
            "application.part_a3.addresses[0].to",
            "present",
        ),
        (
            r#"{"application": {"part_a3": {"addresses": [{"from": "2024-05", "to": "2024-03"}]}}}"#,
            "application.part_a3.addresses[0].to",
            "before from",
        ),
        (
            r#"{"application": {"part_a3": {"employment": [{"from": "2027-01"}]}}}"#,
            "application.part_a3.employment[0].from",
            "after as_of",
        ),
        (
            r#"{"application": {"part_a3": {"addresses": [{"country": "Honduras"}]}}}"#,
            "application.part_a3.addresses[0].country",
            "ISO 3166-1",
        ),
        (
            r#"{"application": {"part_d": {"signed_on": "2026-12-02"}}}"#,
            "application.part_d.signed_on",
            "after as_of",
        ),
        (
            r#"{"application": {"part_a2": {"members": [{"family": "s1"}]}}}"#,
            "application.part_a2.members[0].family",
            "not in facts.family",
        ),
        (
            r#"{"facts": {"family": [{"id": "s1"}]}, "application": {"part_a2": {"members": [{"family": "s1"}, {"family": "s1"}]}}}"#,
            "application.part_a2.members[1].family",
            "twice",
        ),
        (
            r#"{"application": {"part_a2": {"members": [{"a_number": "N/A"}]}}}"#,
            "application.part_a2.members[0].family",
            "must name",
        ),
        (
            r#"{"facts": {"arrivals": [{}]}, "application": {"part_a1": {"entries": [{"arrival": 1}]}}}"#,
            "application.part_a1.entries[0].arrival",
            "no entry 1",
        ),
        (
            r#"{"facts": {"arrivals": [{"date": "2025-02-30"}]}}"#,
            "facts.arrivals[0].date",
            "no such day",
        ),
        (
            r#"{"facts": {"harms": [{"id": "a"}, {"id": "a"}]}}"#,
            "facts.harms[1].id",
            "used twice",
        ),
        (r#"[]"#, "", "one JSON object"),
    ] {
        let (got_field, message) = error(json);
        assert_eq!(got_field, field, "{json}: {message}");
        assert!(
            message.contains(says),
            "{json}: {message:?} does not say {says:?}"
        );
    }
}

#[test]
fn a_document_reads_back_as_it_was_written() {
    let sample = include_str!("../../../examples/application/complete.json");
    let doc = CaseDocument::from_json(sample, date(2026, 12, 1)).unwrap();
    let again = serde_json::to_string(doc.application()).unwrap();
    let doc2 = CaseDocument::from_json(
        &format!(
            r#"{{"facts": {}, "application": {again}}}"#,
            serde_json::to_string(doc.case().facts()).unwrap()
        ),
        date(2026, 12, 1),
    )
    .unwrap();
    assert_eq!(doc.application(), doc2.application());
}
