//! The fuzzers, as CI runs them: `fuzz/run.sh` runs every target of `fuzz/`
//! (a facts document, a CSV row of a caseload, the structured facts form) for
//! 60 seconds from its corpus, and fails on any crash, failed check or slow
//! input, naming the file that reproduces it.
//!
//! They take minutes (the fuzz build, then a minute a target), so they run
//! only with `REFUGE_FUZZ=1` (set by `.ci/run`); otherwise the test is skipped
//! with a note. `FUZZ_SECONDS` changes the time a target.

use std::io::Write;
use std::path::Path;
use std::process::Command;

#[test]
fn no_facts_document_csv_row_or_facts_form_the_fuzzers_make_crashes_refuge() {
    if !std::env::var("REFUGE_FUZZ").is_ok_and(|v| v == "1") {
        // Straight to the standard error, past the test harness's capture: a skip must be seen.
        let _ = writeln!(
            std::io::stderr(),
            "\n*** SKIPPED the fuzzers (fuzz/run.sh, a few minutes): REFUGE_FUZZ=1 runs them (.ci/run sets it).\n"
        );
        return;
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/run.sh");
    let out = Command::new("bash")
        .arg(&script)
        // The workspace's test build sets these for its own crates; the fuzz
        // build is another, with flags of its own.
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET_DIR")
        .output()
        .expect("bash runs fuzz/run.sh");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    // The figures of each run, for the CI log.
    let _ = writeln!(std::io::stderr(), "{stdout}");
    assert!(
        out.status.success(),
        "fuzz/run.sh failed ({}): {stderr}\n{stdout}",
        out.status
    );
}
