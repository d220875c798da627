//! The memo PDF's speed (issue 17: at most 300 ms): `cargo bench -p refuge-documents`.

use refuge_documents::{MemoOptions, memo_pdf};

fn main() {
    divan::main();
}

const FACTS: &str = include_str!("../../../examples/timely-journalist.json");

#[divan::bench]
fn memo_of_a_full_case(b: divan::Bencher) {
    let today = jiff::civil::date(2026, 11, 27);
    let a = refuge_engine::assess_json(FACTS, today, refuge_engine::Law::embedded()).unwrap();
    let opts = MemoOptions {
        case_number: Some("2026-0042"),
        client_name: Some("A. Client"),
        ..MemoOptions::default()
    };
    // The first compilation parses the fonts (once per process).
    memo_pdf(&a, &opts).unwrap();
    b.bench(|| memo_pdf(&a, &opts).unwrap());
}
