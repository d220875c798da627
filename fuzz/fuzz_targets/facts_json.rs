//! A facts document (docs/facts.md) as `refuge assess` and `POST
//! /api/v1/assess` read it: any text either is refused with an error naming
//! the field, or is assessed and rendered in every view, without a panic.
//! What is assessed must also hold the engine's own promises: the fast JSON
//! writer writes what serde writes, and screening a caseload
//! (`refuge_engine::screen`) reads what the whole assessment says.
#![no_main]

use libfuzzer_sys::fuzz_target;
use refuge_engine::{Case, Law};

fuzz_target!(|data: &[u8]| {
    // The CLI and the API read UTF-8 text; other bytes never reach the engine.
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let today = jiff::civil::date(2026, 6, 15);
    let case = match Case::from_json(json, today) {
        Ok(case) => case,
        Err(e) => {
            // Refused: the message is what the user reads.
            let _ = e.to_string();
            return;
        }
    };
    let law = Law::embedded();
    let a = refuge_engine::assess(&case, law);
    let fast = refuge_engine::json::to_string(&a);
    let serde = serde_json::to_string(&a).expect("an assessment serializes");
    assert_eq!(fast, serde, "the fast JSON writer differs from serde's");
    assert_eq!(
        refuge_engine::screen(&case, law),
        a.screening(),
        "screening decides otherwise than the assessment"
    );
    let _ = refuge_report::text(&a);
    let _ = refuge_report::html(&a);
    let _ = refuge_report::html_glance(&a);
});
