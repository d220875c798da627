//! A document that cannot be made is an error naming the cause, never a panic or an empty file.

use refuge_documents::{DocError, render_source};
use serde_json::json;

fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 27)
}

#[test]
fn a_source_that_does_not_compile_is_an_error_naming_typsts_cause() {
    let e = render_source(
        "#let d = json(\"data.json\")\n#d.missing_field",
        &json!({"name": "x"}),
        today(),
    )
    .unwrap_err();
    assert!(matches!(e, DocError::Layout { .. }), "{e:?}");
    let message = e.to_string();
    assert!(
        message.starts_with("the test document could not be laid out: "),
        "{message}"
    );
    assert!(
        message.contains("missing_field"),
        "names the cause: {message}"
    );
}

#[test]
fn a_file_the_world_does_not_hold_is_an_error_not_a_read_of_the_disk() {
    let e = render_source("#read(\"/etc/passwd\")", &json!({}), today()).unwrap_err();
    assert!(e.to_string().contains("not found"), "{e}");
}

#[test]
fn the_worlds_today_is_the_documents_date() {
    let pdf = render_source("#datetime.today().display()", &json!({}), today()).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
}
