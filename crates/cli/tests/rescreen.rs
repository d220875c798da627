//! `refuge rescreen` (issue 23): a workspace's cases assessed under the
//! previous law, re-assessed by the command line with a summary; and
//! `refuge screen --compare-law`.

use std::path::Path;

use refuge_engine::change::{History, Stamp};
use refuge_engine::{Case, Detail, assess_with};
use refuge_web::StoreArgs;
use refuge_web::domain::AuditAction;
use refuge_web::store::{Audit, By, Stamped, Version};

mod common;
use common::{Run, refuge, refuge_with_input};
#[path = "common/workspace.rs"]
#[allow(dead_code)] // the server is not started here
mod workspace;
use workspace::{add_ana_as_admin, data_dir};

/// Filed on 2025-06-01 and fixed on 2026-03-01: the next annual fee, on
/// 2026-06-01, is $100 under 2026.11 and $102 under 2026.12.
const FILED: &str = r#"{"as_of": "2026-03-01", "arrivals": [{"date": "2025-01-10", "manner": "admitted"}],
    "application": {"filed_on": "2025-06-01", "forum": "affirmative"}}"#;

/// Opens a case in `dir` stamped as assessed under the previous law, 2026.11.
async fn case_under_2026_11(dir: &Path) {
    let db = StoreArgs {
        data: dir.to_path_buf(),
        database: None,
        key_file: None,
    }
    .open()
    .await
    .unwrap();
    let (ana, _) = db.user_by_name("ana").await.unwrap().unwrap();
    let old = History::embedded().law("2026.11").unwrap();
    let case = Case::from_json(FILED, jiff::civil::date(2026, 3, 1)).unwrap();
    let stamp =
        serde_json::to_string(&Stamp::of(&assess_with(&case, old, Detail::Outcomes), old)).unwrap();
    let first = Version {
        facts: FILED,
        search_text: "",
        changes: "[]",
        deadlines: &[],
        stamp: Some(Stamped {
            law: "2026.11",
            rules: refuge_engine::RULES_VERSION,
            json: &stamp,
        }),
    };
    let audit = Audit::new(By::User(&ana), None, AuditAction::CaseCreate, "opened");
    db.create_case(&ana, None, "A client", &first, &audit)
        .await
        .unwrap();
    db.close().await;
}

#[test]
fn rescreen_names_the_fee_that_moved_writes_nothing_on_a_dry_run_and_does_no_case_twice() {
    let dir = data_dir("rescreen");
    let d = dir.to_str().unwrap();
    add_ana_as_admin(d);
    refuge_web::block_on(case_under_2026_11(&dir)).unwrap();

    let dry = refuge(&["rescreen", "--data", d, "--dry-run"]);
    assert_eq!(dry.code, 0, "{}", dry.stderr);
    assert!(
        dry.stdout.contains("Re-assessed 1 case under law 2026.12"),
        "{}",
        dry.stdout
    );
    assert!(
        dry.stdout.contains("(dry run: nothing was written)"),
        "{}",
        dry.stdout
    );
    assert!(
        dry.stdout.contains("Changed by the law: 1 case"),
        "{}",
        dry.stdout
    );
    assert!(
        dry.stdout.contains("deadline asylum.annual_fee: 1 case"),
        "{}",
        dry.stdout
    );
    assert!(
        dry.stdout
            .contains("parameter fee.annual_asylum_usd: 1 case"),
        "{}",
        dry.stdout
    );
    assert!(
        dry.stdout.contains("does not replace"),
        "the notice: {}",
        dry.stdout
    );

    let Run {
        code,
        stdout,
        stderr,
    } = refuge(&["rescreen", "--data", d]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains("Changed by the law: 1 case (each with a change record"),
        "{stdout}"
    );
    let again = refuge(&["rescreen", "--data", d]);
    assert!(
        again.stdout.contains("Re-assessed 0 cases"),
        "{}",
        again.stdout
    );
    assert!(
        again.stdout.contains("Changed by the law: 0 cases"),
        "{}",
        again.stdout
    );
}

#[test]
fn screen_compare_law_adds_what_moved_and_the_parameter_that_moved_it() {
    let csv = "id,filed_on,forum,last_arrival,arrival_manner,in_proceedings\n\
               filed,2025-06-01,affirmative,2025-01-10,admitted,false\n\
               maybe_in_court,,,,,\n\
               untouched,,affirmative,2026-01-10,admitted,false\n";
    let run = refuge_with_input(
        &[
            "screen",
            "-",
            "--input-format",
            "csv",
            "--today",
            "2026-03-01",
            "--compare-law",
            "2026.11",
        ],
        csv,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut lines = run.stdout.lines();
    let header = lines.next().unwrap();
    assert!(
        header.ends_with(",warnings,law_changes,law_change_causes"),
        "{header}"
    );
    let filed = lines.next().unwrap();
    assert!(filed.contains("annual_fee_usd: 100 → 102"), "{filed}");
    assert!(filed.contains("fee.annual_asylum_usd"), "{filed}");
    // The agreement's warning needs both its text and its country, new in 2026.12.
    let court = lines.next().unwrap();
    assert!(
        court.ends_with(",warning +asylum_cooperative_agreement,warnings; countries"),
        "{court}"
    );
    let untouched = lines.next().unwrap();
    assert!(
        untouched.ends_with(",,"),
        "a row the change does not touch: {untouched}"
    );

    let unknown = refuge_with_input(
        &[
            "screen",
            "-",
            "--input-format",
            "csv",
            "--compare-law",
            "1999.01",
        ],
        csv,
    );
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("kept: 2026.11"),
        "{}",
        unknown.stderr
    );
}
