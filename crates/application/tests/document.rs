//! The case document is strict, as the facts are: every error names its path,
//! and nothing is checked from a document with an error.

use jiff::civil::date;
use refuge_application::CaseDocument;

fn error(json: &str) -> (String, String) {
    let e = CaseDocument::from_json(json, date(2026, 12, 1)).expect_err(json);
    (e.field, e.message)
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Bad {
    document: String,
    field: String,
    says: String,
}

#[test]
fn bad_input_is_refused_with_its_path() {
    #[derive(serde::Deserialize)]
    struct Rows {
        rows: Vec<Bad>,
    }
    let rows: Rows = toml::from_str(include_str!("data/bad_input.toml")).unwrap();
    assert!(rows.rows.len() > 10);
    for Bad {
        document,
        field,
        says,
    } in rows.rows
    {
        let (got, message) = error(&document);
        assert_eq!(got, field, "{document}: {message}");
        assert!(
            message.contains(&says),
            "{document}: {message:?} does not say {says:?}"
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
