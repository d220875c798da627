//! A case document (docs/application.md: the facts, the application, its
//! timeline and evidence statuses) as `refuge check` reads it: any text
//! either is refused with an error naming the field, or is checked, written
//! as JSON and as the memo, without a panic. What is checked must also hold
//! the checks' own promises: `ready` is "no blocking issue", every issue
//! belongs to a check of the list, a check's status agrees with its issues,
//! and the application reads back as it was written.
#![no_main]

use libfuzzer_sys::fuzz_target;
use refuge_application::output::Status;
use refuge_application::{CaseDocument, check};
use refuge_engine::Law;

fuzz_target!(|data: &[u8]| {
    // The CLI reads UTF-8 text; other bytes never reach the parser.
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let today = jiff::civil::date(2026, 6, 15);
    let doc = match CaseDocument::from_json(json, today) {
        Ok(doc) => doc,
        Err(e) => {
            // Refused: the message is what the user reads.
            let _ = e.to_string();
            return;
        }
    };
    let r = check(&doc, Law::embedded());
    let _ = serde_json::to_string(&r).expect("a readiness serializes");
    let _ = refuge_application::output::text(&r);
    assert_eq!(r.ready, r.counts.blocking == 0, "ready is no blocking issue");
    for i in &r.issues {
        let c = r
            .check(i.check)
            .unwrap_or_else(|| panic!("issue of a check not listed: {}", i.check));
        assert_ne!(c.status, Status::Passed, "{} passed with an issue", c.id);
    }
    for c in &r.checks {
        if c.status != Status::Passed {
            assert!(r.issues_of(c.id).next().is_some(), "{} has no issue", c.id);
        }
    }
    // The application reads back as it was written.
    let again = format!(
        r#"{{"facts": {}, "application": {}}}"#,
        serde_json::to_string(doc.case().facts()).expect("facts serialize"),
        serde_json::to_string(doc.application()).expect("an application serializes")
    );
    let back = CaseDocument::from_json(&again, today).expect("a checked document reads back");
    assert_eq!(back.application(), doc.application());
});
