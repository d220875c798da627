//! `refuge check`: the case document in, the readiness checks out; exit code
//! 0 when nothing blocks, 1 when something does, 2 for bad input.

use serde_json::Value;

mod common;
use common::{refuge, refuge_with_input};

fn example() -> String {
    format!(
        "{}/../../examples/application/complete.json",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn the_complete_sample_passes_every_check_through_the_command_line() {
    let run = refuge(&["check", &example(), "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let r: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(r["ready"], true);
    assert_eq!(r["as_of"], "2026-11-27");
    assert_eq!(r["form"]["number"], "I-589");
    let checks = r["checks"].as_array().unwrap();
    assert_eq!(checks.len(), refuge_application::checks::all().len());
    for c in checks {
        assert_eq!(c["status"], "passed", "{c}");
    }
    assert_eq!(r["issues"], serde_json::json!([]));
    assert_eq!(r["notice"], refuge_engine::NOTICE);
    // The evidence checklist beside the checks: nothing rests on testimony alone.
    assert_eq!(r["evidence"]["elements"][0]["element"], "identity");
    assert_eq!(r["evidence"]["elements"][0]["corroborated"], true);
    assert_eq!(r["evidence"]["testimony_alone"], serde_json::json!([]));
}

#[test]
fn the_text_memo_carries_the_not_legal_advice_notice() {
    let run = refuge(&["check", &example()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("Nothing blocks filing"));
    assert!(run.stdout.contains("Evidence checklist"));
    assert!(run.stdout.contains("No finding rests on testimony alone"));
    assert!(run.stdout.contains(refuge_engine::NOTICE));
    assert!(run.stdout.contains("Not legal advice"));
}

#[test]
fn a_blocking_check_exits_1_and_names_the_item() {
    let doc = std::fs::read_to_string(example())
        .unwrap()
        .replace("\"middle_name\": \"Lucía\",", "");
    let run = refuge_with_input(&["check", "-", "--format", "json"], &doc);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let r: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(r["ready"], false);
    let issue = &r["issues"][0];
    assert_eq!(issue["check"], "complete.required");
    assert_eq!(issue["severity"], "blocking");
    assert_eq!(issue["items"][0], "application.part_a1.middle_name");
    assert!(
        issue["authority"][0]
            .as_str()
            .unwrap()
            .contains("208.3(c)(3)")
    );
}

#[test]
fn warnings_alone_do_not_block() {
    let doc = std::fs::read_to_string(example()).unwrap().replace(
        "\"printed_name\": \"Ana Lucía Reyes Martínez\"",
        "\"printed_name\": \"Ana Reyes\"",
    );
    let run = refuge_with_input(&["check", "-", "--format", "json"], &doc);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let r: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(r["counts"]["warnings"], 1);
    assert_eq!(r["ready"], true);
}

#[test]
fn bad_input_exits_2_naming_the_path_and_checks_nothing() {
    for (doc, says) in [
        (
            r#"{"facts": {}, "application": {"part_a1": {"nick": "x"}}}"#,
            "application.part_a1.nick: unknown field `nick`",
        ),
        (
            r#"{"facts": {"applicant": {"birth_date": "1990-02-30"}}}"#,
            "facts.applicant.birth_date: \"1990-02-30\" is not a calendar date",
        ),
        (
            r#"{"application": {"part_a3": {"addresses": [{"from": "2024-13"}]}}}"#,
            "application.part_a3.addresses[0].from",
        ),
    ] {
        let run = refuge_with_input(&["check", "-"], doc);
        assert_eq!(run.code, 2, "{doc}: {}", run.stdout);
        assert!(run.stdout.is_empty(), "{doc}: {}", run.stdout);
        assert!(run.stderr.contains(says), "{doc}: {}", run.stderr);
    }
    let run = refuge(&["check", "/no/such/file.json"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("cannot read /no/such/file.json"));
}

#[test]
fn today_stands_for_the_present_when_the_facts_give_no_as_of() {
    let run = refuge_with_input(
        &["check", "-", "--today", "2026-06-01", "--format", "json"],
        r#"{"facts": {}, "application": {}}"#,
    );
    assert_eq!(run.code, 1);
    let r: Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(r["as_of"], "2026-06-01");
}

/// Issue 17: the answers as PDF go to a file given with -o, whole, with
/// `refuge check`'s exit code; never to a terminal.
#[test]
fn check_format_pdf_writes_the_answers_to_the_file_named_by_o() {
    let dir = std::env::temp_dir().join(format!("refuge-check-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("answers.pdf");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_refuge"))
        .args([
            "check",
            "../../examples/application/complete.json",
            "--format",
            "pdf",
            "-o",
        ])
        .arg(&out)
        .status()
        .unwrap();
    assert_eq!(
        status.code(),
        Some(0),
        "the complete example is ready to file"
    );
    let pdf = std::fs::read(&out).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    std::fs::remove_dir_all(&dir).ok();
}

/// Issue 17: the declaration draft from the command line, as Markdown on
/// standard output and as PDF to the file named by -o.
#[test]
fn declaration_writes_the_draft_as_markdown_and_as_pdf() {
    let run = refuge(&["declaration", &example()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("# Declaration (draft)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("I am a national of Honduras."),
        "country names: {}",
        run.stdout
    );
    assert!(run.stdout.contains("[In your own words:"));
    assert!(run.stdout.contains(refuge_engine::NOTICE));
    let dir = std::env::temp_dir().join(format!("refuge-declaration-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("declaration.pdf");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_refuge"))
        .args(["declaration", &example(), "--format", "pdf", "-o"])
        .arg(&out)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    std::fs::remove_dir_all(&dir).ok();
    let bad = refuge_with_input(&["declaration", "-"], r#"{"facts": {"harms": 3}}"#);
    assert_eq!(bad.code, 2, "bad input names its path: {}", bad.stderr);
}

/// Issue 19: the memo in Spanish from the command line (`--lang es`), to
/// the file named by -o; `--lang` is refused, naming why, where it would be
/// ignored (another format, the declaration) or names no language.
#[test]
fn assess_format_pdf_lang_es_writes_the_memo_in_spanish_and_lang_is_refused_where_it_cannot_apply()
{
    let dir = std::env::temp_dir().join(format!("refuge-memo-es-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("memo.pdf");
    let facts = "../../examples/timely-journalist.json";
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_refuge"))
        .args(["assess", facts, "--format", "pdf", "--lang", "es", "-o"])
        .arg(&out)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
    if let Ok(text) = std::process::Command::new("pdftotext")
        .arg(&out)
        .arg("-")
        .output()
    {
        let text = String::from_utf8_lossy(&text.stdout);
        assert!(text.contains("Memorando de evaluación"), "{text}");
    }
    std::fs::remove_dir_all(&dir).ok();

    let text = refuge(&["assess", facts, "--format", "text", "--lang", "es"]);
    assert_ne!(text.code, 0);
    assert!(
        text.stderr.contains("--lang: only the PDF"),
        "{}",
        text.stderr
    );
    let unknown = refuge(&["assess", facts, "--format", "pdf", "--lang", "xx"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("choose one of en, es"),
        "{}",
        unknown.stderr
    );
    let declaration = refuge(&["declaration", &example(), "--lang", "es"]);
    assert_ne!(declaration.code, 0);
    assert!(
        declaration.stderr.contains("drafted in English"),
        "{}",
        declaration.stderr
    );
}
