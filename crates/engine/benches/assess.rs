//! `assess` on the six public examples, including JSON parsing and
//! serialisation (target: median ≤ 20 µs per case on 2 cores).
//!
//! Run: `cargo bench -p refuge-engine --bench assess`

use refuge_engine::{Law, assess_json};

// The allocator the `refuge` binary ships with, asked as the binary asks it,
// so that the figures are the binary's.
// (Its tests are the binary's: a bench built with cfg(test) does not run them.)
#[allow(unused_imports)]
#[path = "../../cli/src/alloc.rs"]
mod alloc;

#[global_allocator]
static ALLOCATOR: alloc::MiMalloc = alloc::MiMalloc;

fn main() {
    // Parse the embedded parameter set once, as the binary does.
    let _ = Law::embedded();
    divan::main();
}

const EXAMPLES: [(&str, &str); 6] = [
    (
        "after-the-grant",
        include_str!("../../../examples/after-the-grant.json"),
    ),
    (
        "holiday-deadline",
        include_str!("../../../examples/holiday-deadline.json"),
    ),
    (
        "late-without-exception",
        include_str!("../../../examples/late-without-exception.json"),
    ),
    (
        "social-group-open",
        include_str!("../../../examples/social-group-open.json"),
    ),
    (
        "timely-journalist",
        include_str!("../../../examples/timely-journalist.json"),
    ),
    (
        "torture-deferral-only",
        include_str!("../../../examples/torture-deferral-only.json"),
    ),
];

/// The facts of the public example `name`.
fn facts(name: &str) -> &'static str {
    EXAMPLES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, j)| *j)
        .unwrap_or_default()
}

/// Facts JSON in, assessment JSON out, for one case.
#[divan::bench(args = EXAMPLES.map(|(name, _)| name))]
fn assess_one_case(bencher: divan::Bencher, name: &str) {
    let (json, today, law) = (
        facts(name),
        jiff::civil::date(2026, 11, 27),
        Law::embedded(),
    );
    bencher.bench(|| {
        let a = assess_json(divan::black_box(json), today, law).expect("the examples are valid");
        refuge_engine::json::to_string(&a)
    });
}

/// Facts JSON in, outcomes only (no texts, no serialisation): the screening path.
#[divan::bench(args = EXAMPLES.map(|(name, _)| name))]
fn outcomes_only(bencher: divan::Bencher, name: &str) {
    let (json, today, law) = (
        facts(name),
        jiff::civil::date(2026, 11, 27),
        Law::embedded(),
    );
    bencher.bench(|| {
        let case = refuge_engine::Case::from_json(divan::black_box(json), today)
            .expect("the examples are valid");
        refuge_engine::assess_with(&case, law, refuge_engine::Detail::Outcomes)
    });
}

/// A typical row of a screened caseload: one arrival, the application, the bars.
const SCREENING_ROW: &str = r#"{"as_of":"2026-01-15","applicant":{"birth_date":"1990-01-01","nationality":["HN"],"location":"in_us","unaccompanied_child":false},"arrivals":[{"date":"2024-01-15","manner":"without_inspection","border":"southwest_land","from_country":"MX","transit_countries":["GT","MX"],"cbp_one_appointment":false,"protection_sought_in_transit":"none"}],"application":{"filed_on":"2024-06-01","forum":"affirmative","previously_denied":false,"clock_stopped_days":0},"exceptions":[],"conduct":{"persecuted_others":false,"aggravated_felony":false,"particularly_serious_crime":false,"serious_nonpolitical_crime":false,"danger_to_security":false,"terrorist_activity":false}}"#;

/// A checked case in, outcomes only: what `refuge screen` asks of the engine per row.
#[divan::bench]
fn screening_row(bencher: divan::Bencher) {
    let case = refuge_engine::Case::from_json(SCREENING_ROW, jiff::civil::date(2026, 1, 15))
        .expect("valid");
    let law = Law::embedded();
    bencher.bench(|| {
        refuge_engine::assess_with(
            divan::black_box(&case),
            law,
            refuge_engine::Detail::Outcomes,
        )
    });
}
