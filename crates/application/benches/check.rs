//! `refuge check` in process, on the complete sample application
//! (`examples/application/complete.json`): parsing the case document, the
//! engine's assessment and every readiness check, and the JSON out
//! (target: ≤ 2 ms; `bench/check.sh` times the whole process too).
//!
//! Run: `cargo bench -p refuge-application --bench check`

use refuge_application::{CaseDocument, check};
use refuge_engine::Law;

const SAMPLE: &str = include_str!("../../../examples/application/complete.json");
/// A partial application: every check reports, most say what is missing.
const EMPTY: &str = r#"{"facts": {}, "application": {}}"#;

fn main() {
    // The parameter set and the form are parsed once, as the binary does.
    let _ = Law::embedded();
    let _ = refuge_application::Form::embedded();
    divan::main();
}

fn run(json: &str) -> String {
    let doc = CaseDocument::from_json(json, jiff::civil::date(2026, 11, 27)).unwrap();
    let r = check(&doc, Law::embedded());
    serde_json::to_string(&r).unwrap()
}

/// Case document in, readiness JSON out: the complete sample.
#[divan::bench]
fn check_complete_application(bencher: divan::Bencher) {
    bencher.bench(|| run(divan::black_box(SAMPLE)));
}

/// The same for an empty case document (the most issues: every item missing).
#[divan::bench]
fn check_empty_application(bencher: divan::Bencher) {
    bencher.bench(|| run(divan::black_box(EMPTY)));
}

/// Reading the form's data (`form/i589.toml`), which a process does once.
#[divan::bench]
fn read_the_form_data() -> refuge_application::Form {
    refuge_application::Form::parse(divan::black_box(include_str!("../form/i589.toml"))).unwrap()
}
