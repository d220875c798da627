//! `refuge screen`: a caseload through the engine, tested through the built
//! binary as a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

mod common;
use common::{Run, refuge};

const TODAY: &str = "2026-01-15";

/// A fresh folder for one test's files.
fn dir(test: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("screen")
        .join(test);
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

fn data(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../screen/tests/data")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// `refuge screen --generate ROWS --seed SEED` into `d`: the caseload's path.
fn generated(d: &Path, rows: u32, seed: u32) -> PathBuf {
    let cases = d.join("cases.csv");
    let run = refuge(&[
        "screen",
        "--generate",
        &rows.to_string(),
        "--seed",
        &seed.to_string(),
        "-o",
        cases.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    cases
}

/// The ids of a CSV output's records, in order.
fn ids(csv: &str) -> Vec<&str> {
    csv.lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap())
        .collect()
}

/// `refuge screen` on the golden caseload, its rejects to a file: the run and that file.
fn screen_golden(test: &str) -> (Run, PathBuf) {
    let rejects = dir(test).join("rejects.csv");
    let run = refuge(&[
        "screen",
        &data("golden.csv"),
        "--today",
        TODAY,
        "--rejects",
        rejects.to_str().unwrap(),
    ]);
    (run, rejects)
}

/// The lines of a JSON Lines text, parsed, each without its `id`.
fn assessments(jsonl: &str) -> Vec<Value> {
    jsonl
        .lines()
        .map(|l| {
            let mut v: Value = serde_json::from_str(l).unwrap();
            v.as_object_mut().unwrap().remove("id");
            v
        })
        .collect()
}

/// The summary's lines with runs of spaces made one, for matching.
fn summary_lines(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

const HEADER: &str = "id,asylum,withholding,cat_withholding,cat_deferral,refugee_admission,one_year_deadline,one_year_status,one_year_days_left,lawful_pathways,safe_third_country,ead_earliest_filing,annual_fee_due,open_questions,first_question,warnings\n";

/// The columns whose values the spec fixes; `open_questions` and
/// `first_question` depend on how the engine words and ranks its questions,
/// which grows with it, so they are checked for consistency only.
const QUESTION_COLUMNS: [usize; 2] = [13, 14];

#[test]
fn the_golden_caseload_gives_the_known_outcomes() {
    // The expected outcomes were checked by hand against spec/rules.md and
    // spec/deadlines.md; see crates/screen/tests/data/README.md.
    let (run, rejects) = screen_golden("golden");
    assert_eq!(run.code, 1, "some rows are rejected: {}", run.stderr);
    let want = std::fs::read_to_string(data("golden.expected.csv")).unwrap();
    // No cell of this file is quoted, so a comma always separates cells.
    let cells = |text: &str| -> Vec<Vec<String>> {
        text.lines()
            .map(|l| l.split(',').map(str::to_string).collect())
            .collect()
    };
    let (got, want) = (cells(&run.stdout), cells(&want));
    assert_eq!(got.len(), want.len(), "{}", run.stdout);
    for (g, w) in got.iter().zip(&want) {
        let fixed = |row: &[String]| -> Vec<String> {
            let mut row = row.to_vec();
            for i in QUESTION_COLUMNS {
                row[i].clear();
            }
            row
        };
        assert_eq!(fixed(g), fixed(w), "row {}", w[0]);
        if g[0] != "id" {
            let open: usize = g[13].parse().unwrap();
            let undetermined = g[1..6].iter().any(|r| r == "undetermined");
            assert!(
                open > 0 || !undetermined,
                "row {}: an undetermined relief asks questions",
                g[0]
            );
            assert_eq!(
                g[14].is_empty(),
                open == 0,
                "row {}: the first question's fact",
                g[0]
            );
        }
    }
    let want = std::fs::read_to_string(data("golden.rejects.csv")).unwrap();
    assert_eq!(std::fs::read_to_string(rejects).unwrap(), want);
}

#[test]
fn the_summary_counts_rows_relief_outcomes_deadlines_coming_due_and_warnings() {
    let (run, _) = screen_golden("summary");
    let lines = summary_lines(&run.stderr);
    for want in [
        "rows read 16",
        "rows assessed 13",
        "rows rejected 3",
        "relief eligible ineligible undetermined not_applicable granted",
        "asylum 0 3 10 0 0",
        // `abroad`: withholding and CAT do not arise outside the United States.
        "withholding 0 1 11 1 0",
        "cat_deferral 0 0 12 1 0",
        "refugee_admission 0 1 0 12 0",
        "30 days 1",
        "60 days 2",
        "90 days 2",
        // Not `abroad`: no border warning for a person abroad.
        "lawful_pathways_litigation 3",
        "securing_the_border 1",
        "annual_asylum_fee 4",
    ] {
        assert!(
            lines.iter().any(|l| l == want),
            "no line {want:?} in\n{}",
            run.stderr
        );
    }
}

#[test]
fn a_csv_row_and_its_facts_document_give_identical_assessments() {
    let d = dir("equivalent");
    let csv = write(
        &d,
        "one.csv",
        "id,as_of,birth_date,nationality,location,unaccompanied_child,last_arrival,arrival_manner,arrival_border,from_country,transit_countries,cbp_one_appointment,protection_sought_in_transit,filed_on,mailed_on,forum,previously_denied,clock_stopped_days,granted_on,adjusted_on,exception_kind,exception_began,exception_ended,persecuted_others,aggravated_felony,particularly_serious_crime,sentence_years,serious_nonpolitical_crime,danger_to_security,terrorist_activity\n\
         A-1,2026-01-15,1990-04-02,SV;GT,in_us,no,2024-03-01,without_inspection,southwest_land,MX,GT;MX,0,pending,2025-05-02,2025-02-27,affirmative,false,14,,,lawful_status,2024-03-01,2025-02-01,false,true,,3.5,no,false,\n",
    );
    let json = write(
        &d,
        "one.json",
        r#"{
          "as_of": "2026-01-15",
          "applicant": { "birth_date": "1990-04-02", "nationality": ["SV", "GT"], "location": "in_us", "unaccompanied_child": false },
          "arrivals": [{ "date": "2024-03-01", "manner": "without_inspection", "border": "southwest_land", "from_country": "MX",
                         "transit_countries": ["GT", "MX"], "cbp_one_appointment": false, "protection_sought_in_transit": "pending" }],
          "application": { "filed_on": "2025-05-02", "mailed_on": "2025-02-27", "forum": "affirmative", "previously_denied": false, "clock_stopped_days": 14 },
          "exceptions": [{ "kind": "lawful_status", "began": "2024-03-01", "ended": "2025-02-01" }],
          "conduct": { "persecuted_others": false, "aggravated_felony": true, "sentence_years": 3.5,
                       "serious_nonpolitical_crime": false, "danger_to_security": false }
        }"#,
    );
    let screened = refuge(&["screen", &csv, "--full", "--today", TODAY]);
    assert_eq!(screened.code, 0, "{}", screened.stderr);
    let assessed = refuge(&["assess", "--format", "json", &json, "--today", TODAY]);
    assert_eq!(assessed.code, 0, "{}", assessed.stderr);
    let want: Value = serde_json::from_str(&assessed.stdout).unwrap();
    let first: Value = serde_json::from_str(screened.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(first["id"], "A-1", "the id comes first");
    assert_eq!(assessments(&screened.stdout), vec![want]);
}

#[test]
fn generated_csv_and_json_lines_caseloads_give_identical_assessments() {
    let d = dir("equivalent-generated");
    let csv = d.join("cases.csv");
    let jsonl = d.join("cases.jsonl");
    for (path, format) in [(&csv, "csv"), (&jsonl, "jsonl")] {
        let run = refuge(&[
            "screen",
            "--generate",
            "400",
            "--seed",
            "11",
            "--output-format",
            format,
            "-o",
            path.to_str().unwrap(),
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
    }
    let from_csv = refuge(&["screen", csv.to_str().unwrap(), "--full", "--today", TODAY]);
    let from_jsonl = refuge(&[
        "screen",
        jsonl.to_str().unwrap(),
        "--full",
        "--today",
        TODAY,
    ]);
    assert_eq!(
        (from_csv.code, from_jsonl.code),
        (0, 0),
        "{}{}",
        from_csv.stderr,
        from_jsonl.stderr
    );
    let (a, b) = (
        assessments(&from_csv.stdout),
        assessments(&from_jsonl.stdout),
    );
    assert_eq!(a.len(), 400);
    assert!(
        a == b,
        "the CSV and JSON Lines forms of the same cases differ"
    );
}

#[test]
fn output_order_equals_input_order_under_parallelism() {
    let d = dir("order");
    let cases = generated(&d, 3000, 5);
    let many = d.join("many.csv");
    let one = d.join("one.csv");
    let args = |out: &Path, threads: &str| {
        refuge(&[
            "screen",
            cases.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--today",
            TODAY,
            "--threads",
            threads,
            // Batches of a few rows, blocks of a few batches.
            "--batch-bytes",
            "1000",
        ])
    };
    assert_eq!(args(&many, "4").code, 0);
    assert_eq!(args(&one, "1").code, 0);
    let many = std::fs::read_to_string(many).unwrap();
    let want: Vec<String> = (1..=3000).map(|n| format!("P{n:07}")).collect();
    assert_eq!(ids(&many), want);
    assert_eq!(many, std::fs::read_to_string(one).unwrap());
}

#[test]
fn bad_rows_are_reported_with_line_and_column_and_the_rest_are_assessed() {
    let d = dir("bad-rows");
    // Line 2 holds a quoted cell over two lines, so the third row starts on line 4.
    let csv = write(
        &d,
        "cases.csv",
        "id,as_of,last_arrival,location\n\
         \"two\nlines\",2026-01-15,2025-03-01,in_us\n\
         bad-date,2026-01-15,2025-13-01,in_us\n\
         good,2026-01-15,2025-03-01,in_us\n\
         bad-enum,2026-01-15,2025-03-01,inside\n\
         short,2026-01-15\n\
         future,2026-01-15,2026-03-01,in_us\n\
         last,2026-01-15,2025-03-01,in_us\n",
    );
    let run = refuge(&["screen", &csv, "--today", TODAY]);
    assert_eq!(run.code, 1);
    reports_each_line(
        &run.stderr,
        &[
            "refuge screen: line 4, column last_arrival: \"2025-13-01\" is not a calendar date (no such day)",
            "refuge screen: line 6, column location: \"inside\" is not one of in_us, port_of_entry, outside_us",
            "refuge screen: line 7: the row has 2 cells; the header has 4",
            "refuge screen: line 8, column last_arrival: 2026-03-01 is after as_of 2026-01-15; this date must be in the past",
        ],
    );
    let rows: Vec<&str> = run.stdout.split_inclusive('\n').collect();
    // A header and three assessed rows, the first over two lines.
    assert_eq!(rows.len(), 5, "{}", run.stdout);
    assert!(rows[1].starts_with("\"two\n"), "{}", run.stdout);
    assert!(rows[2].starts_with("lines\","), "{}", run.stdout);
    assert!(rows[3].starts_with("good,"), "{}", run.stdout);
    assert!(rows[4].starts_with("last,"), "{}", run.stdout);
    assert!(summary_lines(&run.stderr).contains(&"rows rejected 4".to_string()));
}

#[test]
fn strict_stops_at_the_first_bad_row() {
    let d = dir("strict");
    let csv = write(
        &d,
        "cases.csv",
        "id,last_arrival\na,2025-03-01\nb,nope\nc,2025-03-01\n",
    );
    let run = refuge(&["screen", &csv, "--today", TODAY, "--strict"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("line 3, column last_arrival"),
        "{}",
        run.stderr
    );
    assert_eq!(ids(&run.stdout), ["a"]);
    assert!(summary_lines(&run.stderr).contains(&"rows assessed 1".to_string()));
}

#[test]
fn strict_writes_nothing_after_the_first_bad_row_whatever_the_batches() {
    let d = dir("strict-batches");
    let cases = generated(&d, 20000, 9);
    // Row 12000 (line 12001) gets an impossible as_of.
    let text = std::fs::read_to_string(&cases).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let bad = &mut lines[12000];
    let at = bad.find(',').unwrap() + 1;
    bad.replace_range(at..at + 10, "2026-02-30");
    let csv = write(&d, "bad.csv", &(lines.join("\n") + "\n"));
    for threads in ["1", "2", "4", "8"] {
        // Batches of a few rows, screened on several threads: the ones after
        // the bad row are done before it is delivered, and must not be written.
        let run = refuge(&[
            "screen",
            &csv,
            "--today",
            TODAY,
            "--strict",
            "--threads",
            threads,
            "--batch-bytes",
            "300",
        ]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(
            run.stderr.contains("line 12001, column as_of"),
            "{}",
            run.stderr
        );
        let want: Vec<String> = (1..12000).map(|n| format!("P{n:07}")).collect();
        assert_eq!(ids(&run.stdout), want, "{threads} threads");
    }
}

#[test]
fn a_closed_standard_error_loses_the_reports_but_not_the_run() {
    let d = dir("closed-stderr");
    // 3,000 rows, every other one bad: reports to a standard error nobody reads.
    let mut csv = String::from("id,last_arrival\n");
    for n in 0..3000 {
        let date = if n % 2 == 0 {
            "2025-02-30"
        } else {
            "2025-03-01"
        };
        csv += &format!("r{n},{date}\n");
    }
    let csv = write(&d, "cases.csv", &csv);
    let out = d.join("out.csv");
    let mut child = Command::new(env!("CARGO_BIN_EXE_refuge"))
        .args([
            "screen",
            &csv,
            "-o",
            out.to_str().unwrap(),
            "--today",
            TODAY,
        ])
        .args(["--batch-bytes", "200"])
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("refuge runs");
    drop(child.stderr.take());
    // It must end on its own (it once waited forever for a batch never written).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("refuge screen did not finish with its standard error closed");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(1), "rows were rejected");
    let written = std::fs::read_to_string(out).unwrap();
    assert_eq!(
        written.lines().count(),
        1 + 1500,
        "the header and every good row"
    );
}

#[test]
fn an_empty_file_and_a_header_only_file_give_a_header_and_exit_0() {
    let d = dir("empty");
    for (name, text) in [("empty.csv", ""), ("header.csv", "id,as_of,last_arrival\n")] {
        let run = refuge(&["screen", &write(&d, name, text), "--today", TODAY]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        assert_eq!(run.stdout, HEADER, "{name}");
        assert!(
            summary_lines(&run.stderr).contains(&"rows read 0".to_string()),
            "{name}"
        );
    }
    let run = refuge(&[
        "screen",
        &write(&d, "empty.jsonl", ""),
        "--output-format",
        "jsonl",
    ]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""));
}

#[test]
fn a_bad_header_flag_or_file_is_a_usage_error_with_exit_code_2() {
    let d = dir("usage");
    let unknown = refuge(&["screen", &write(&d, "a.csv", "id,arrival_date\n")]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("unknown columns: arrival_date"),
        "{}",
        unknown.stderr
    );
    let twice = refuge(&["screen", &write(&d, "b.csv", "id,as_of,id\n")]);
    assert_eq!(twice.code, 2);
    assert!(
        twice.stderr.contains("names the column id twice"),
        "{}",
        twice.stderr
    );
    let format = refuge(&["screen", &write(&d, "c.txt", "id\n")]);
    assert_eq!(format.code, 2);
    assert!(
        format.stderr.contains("--input-format"),
        "{}",
        format.stderr
    );
    assert_eq!(
        refuge(&["screen", &d.join("missing.csv").to_string_lossy()]).code,
        2
    );
    assert_eq!(refuge(&["screen", "--no-such-flag", "x.csv"]).code, 2);
    assert_eq!(refuge(&["screen"]).code, 2, "an input is required");
    let holidays = refuge(&["screen", "--print-holidays", "2030"]);
    assert_eq!(holidays.code, 2, "{}", holidays.stderr);
}

#[test]
fn json_lines_errors_name_the_line_and_the_json_path() {
    let d = dir("jsonl-errors");
    let jsonl = write(
        &d,
        "cases.jsonl",
        "{\"arrivals\": [{\"date\": \"2025-03-01\"}]}\n\
         \n\
         {\"applicant\": {\"location\": \"inside\"}}\n\
         {\"arrivals\": [{\"date\": \"2025-03-01\", \"mode\": \"air\"}]}\n\
         not json\n\
         {\"as_of\": \"2026-01-15\"}\n",
    );
    let run = refuge(&["screen", &jsonl, "--today", TODAY]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("line 3, field applicant.location: "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("line 4, field arrivals[0]"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("line 5"), "{}", run.stderr);
    assert_eq!(
        ids(&run.stdout),
        ["1", "6"],
        "JSON Lines rows are named by their line"
    );
}

#[test]
fn json_lines_output_has_the_columns_in_order_and_null_where_not_applicable() {
    let d = dir("jsonl-output");
    let csv = write(
        &d,
        "cases.csv",
        "id,as_of,last_arrival\nx,2026-01-15,2025-03-01\ny,2026-01-15,\n",
    );
    let run = refuge(&["screen", &csv, "--output-format", "jsonl"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2);
    // The keys, in the order they are written (a parsed map would sort them).
    let at: Vec<usize> = HEADER
        .trim_end()
        .split(',')
        .map(|k| {
            lines[0]
                .find(&format!("\"{k}\":"))
                .unwrap_or_else(|| panic!("no {k}"))
        })
        .collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "the columns, in order: {}",
        lines[0]
    );
    let parsed: serde_json::Map<String, Value> = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(parsed.len(), 16, "exactly the columns");
    let x: Value = serde_json::from_str(lines[0]).unwrap();
    assert_eq!(x["one_year_deadline"], "2026-03-02");
    assert_eq!(x["one_year_days_left"], 46);
    let y: Value = serde_json::from_str(lines[1]).unwrap();
    assert_eq!(y["one_year_deadline"], Value::Null);
    assert_eq!(y["ead_earliest_filing"], Value::Null);
}

#[test]
fn rows_without_as_of_speak_for_the_today_option() {
    let d = dir("today");
    let csv = write(&d, "cases.csv", "last_arrival\n2025-03-01\n");
    let run = refuge(&["screen", &csv, "--today", TODAY]);
    let row = run.stdout.lines().nth(1).unwrap();
    // Deadline 2026-03-02 (2026-03-01 is a Sunday), 46 days after 2026-01-15;
    // the id is the line number.
    assert!(row.starts_with("2,"), "{row}");
    assert!(row.contains(",2026-03-02,upcoming,46,"), "{row}");
}

#[test]
fn help_documents_every_csv_column_and_the_fact_it_fills() {
    let run = refuge(&["screen", "--help"]);
    assert_eq!(run.code, 0);
    for (column, fact) in [
        ("id", "not a fact"),
        ("as_of", "as_of"),
        ("birth_date", "applicant.birth_date"),
        ("nationality", "applicant.nationality"),
        ("location", "applicant.location"),
        ("unaccompanied_child", "applicant.unaccompanied_child"),
        ("last_arrival", "arrivals[0].date"),
        ("arrival_manner", "arrivals[0].manner"),
        ("arrival_border", "arrivals[0].border"),
        ("from_country", "arrivals[0].from_country"),
        ("transit_countries", "arrivals[0].transit_countries"),
        ("cbp_one_appointment", "arrivals[0].cbp_one_appointment"),
        (
            "protection_sought_in_transit",
            "arrivals[0].protection_sought_in_transit",
        ),
        ("filed_on", "application.filed_on"),
        ("mailed_on", "application.mailed_on"),
        ("forum", "application.forum"),
        ("previously_denied", "application.previously_denied"),
        ("clock_stopped_days", "application.clock_stopped_days"),
        ("granted_on", "application.granted_on"),
        ("adjusted_on", "application.adjusted_on"),
        ("exception_kind", "exceptions[0].kind"),
        ("exception_began", "exceptions[0].began"),
        ("exception_ended", "exceptions[0].ended"),
        ("persecuted_others", "conduct.persecuted_others"),
        ("aggravated_felony", "conduct.aggravated_felony"),
        (
            "particularly_serious_crime",
            "conduct.particularly_serious_crime",
        ),
        ("sentence_years", "conduct.sentence_years"),
        (
            "serious_nonpolitical_crime",
            "conduct.serious_nonpolitical_crime",
        ),
        ("danger_to_security", "conduct.danger_to_security"),
        ("terrorist_activity", "conduct.terrorist_activity"),
    ] {
        let documented = run.stdout.lines().any(|l| {
            let mut words = l.split_whitespace();
            words.next() == Some(column) && l.contains(fact)
        });
        assert!(documented, "--help does not map {column} to {fact}");
    }
}

#[test]
fn generate_gives_the_same_rows_for_the_same_seed() {
    let generated = |seed: &str| refuge(&["screen", "--generate", "50", "--seed", seed]).stdout;
    let a = generated("3");
    assert_eq!(a.lines().count(), 51, "a header and 50 rows");
    assert_eq!(a, generated("3"));
    assert_ne!(a, generated("4"));
}

#[test]
fn print_holidays_lists_the_legal_holidays_with_observed_days() {
    let run = refuge(&["screen", "--print-holidays", "2023-2023"]);
    assert_eq!(run.code, 0);
    let days: Vec<&str> = run.stdout.lines().collect();
    // New Year's Day 2023 was a Sunday: observed Monday 2 January (5 U.S.C. § 6103(b)).
    assert!(days.contains(&"2023-01-02"), "{days:?}");
    assert!(days.contains(&"2023-07-04"), "{days:?}");
    assert!(days.contains(&"2023-11-23"), "Thanksgiving: {days:?}");
    assert!(days.windows(2).all(|w| w[0] < w[1]), "sorted, each once");
}

/// The new columns of December 2026 (amendments-2026-12.md A) and the facts they fill.
const NEW_COLUMNS: [(&str, &str); 10] = [
    (
        "visa_or_admission_document",
        "arrivals[0].visa_or_admission_document",
    ),
    (
        "encountered_within_14_days",
        "arrivals[0].encountered_within_14_days",
    ),
    (
        "scheduling_system_unavailable",
        "arrivals[0].scheduling_system_unavailable",
    ),
    ("in_proceedings", "removal.in_proceedings"),
    ("prior_order", "removal.prior_order"),
    ("reinstated", "removal.reinstated"),
    ("frivolous_finding", "removal.frivolous_finding"),
    ("drug_trafficking", "conduct.drug_trafficking"),
    (
        "fear_in_every_nationality",
        "risk.fear_in_every_nationality",
    ),
    ("family_unity", "family_unity"),
];

#[test]
fn refuge_screen_help_lists_the_new_columns() {
    let run = refuge(&["screen", "--help"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for (column, fact) in NEW_COLUMNS {
        let documented = run.stdout.lines().any(|l| {
            let mut words = l.split_whitespace();
            words.next() == Some(column) && words.next() == Some(fact)
        });
        assert!(documented, "--help does not map {column} to {fact}");
    }
}

#[test]
fn generate_writes_the_new_columns_and_its_caseload_is_screened_without_rejects() {
    let d = dir("generated-new-columns");
    let cases = generated(&d, 3000, 21);
    let text = std::fs::read_to_string(&cases).unwrap();
    let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
    for (column, _) in NEW_COLUMNS {
        let i = header
            .iter()
            .position(|h| *h == column)
            .unwrap_or_else(|| panic!("no column {column} in {header:?}"));
        // Each new column is given as true and as false in some rows, and
        // left empty (unknown) in others.
        let values: std::collections::BTreeSet<&str> = text
            .lines()
            .skip(1)
            .map(|l| l.split(',').nth(i).unwrap())
            .collect();
        for v in ["", "false", "true"] {
            assert!(values.contains(v), "{column}: no {v:?} in {values:?}");
        }
    }
    let run = refuge(&["screen", cases.to_str().unwrap(), "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines = summary_lines(&run.stderr);
    assert!(
        lines.contains(&"rows assessed 3000".to_string()),
        "{}",
        run.stderr
    );
    assert!(
        lines.contains(&"rows rejected 0".to_string()),
        "{}",
        run.stderr
    );
    // A few generated applications are granted.
    assert!(
        run.stdout
            .lines()
            .skip(1)
            .any(|l| l.split(',').nth(1) == Some("granted")),
        "no granted row"
    );
}

#[test]
fn a_csv_row_with_every_column_in_order_and_its_facts_document_give_identical_assessments() {
    // Every column, in the order --generate writes (read by the unrolled reader).
    let d = dir("equivalent-every-column");
    let csv = write(
        &d,
        "two.csv",
        "id,as_of,birth_date,nationality,location,unaccompanied_child,last_arrival,arrival_manner,arrival_border,from_country,transit_countries,cbp_one_appointment,protection_sought_in_transit,visa_or_admission_document,encountered_within_14_days,scheduling_system_unavailable,filed_on,mailed_on,forum,previously_denied,clock_stopped_days,granted_on,adjusted_on,in_proceedings,prior_order,reinstated,frivolous_finding,exception_kind,exception_began,exception_ended,persecuted_others,aggravated_felony,drug_trafficking,particularly_serious_crime,sentence_years,serious_nonpolitical_crime,danger_to_security,terrorist_activity,fear_in_every_nationality,family_unity\n\
         A-1,2026-01-15,1990-04-02,SV;GT,in_us,no,2024-03-01,presented_without_documents,southwest_land,MX,GT;MX,0,pending,false,,true,2025-05-02,,defensive,false,14,,,true,true,true,false,lawful_status,2024-03-01,2025-02-01,false,true,true,,3.5,no,false,,false,\n\
         A-2,2026-01-15,1985-01-20,VE,in_us,false,2022-06-01,admitted,air,VE,none,false,none,true,,,2022-11-01,,affirmative,false,0,2025-06-01,,false,false,,false,none,,,false,false,,false,0,false,false,false,,false\n",
    );
    let json = write(
        &d,
        "two.jsonl",
        &[
            r#"{"as_of": "2026-01-15",
              "applicant": {"birth_date": "1990-04-02", "nationality": ["SV", "GT"], "location": "in_us", "unaccompanied_child": false},
              "arrivals": [{"date": "2024-03-01", "manner": "presented_without_documents", "border": "southwest_land", "from_country": "MX",
                            "transit_countries": ["GT", "MX"], "cbp_one_appointment": false, "protection_sought_in_transit": "pending",
                            "visa_or_admission_document": false, "scheduling_system_unavailable": true}],
              "application": {"filed_on": "2025-05-02", "forum": "defensive", "previously_denied": false, "clock_stopped_days": 14},
              "removal": {"in_proceedings": true, "prior_order": true, "reinstated": true, "frivolous_finding": false},
              "exceptions": [{"kind": "lawful_status", "began": "2024-03-01", "ended": "2025-02-01"}],
              "conduct": {"persecuted_others": false, "aggravated_felony": true, "drug_trafficking": true, "sentence_years": 3.5,
                          "serious_nonpolitical_crime": false, "danger_to_security": false},
              "risk": {"fear_in_every_nationality": false}}"#,
            r#"{"as_of": "2026-01-15",
              "applicant": {"birth_date": "1985-01-20", "nationality": ["VE"], "location": "in_us", "unaccompanied_child": false},
              "arrivals": [{"date": "2022-06-01", "manner": "admitted", "border": "air", "from_country": "VE",
                            "transit_countries": [], "cbp_one_appointment": false, "protection_sought_in_transit": "none",
                            "visa_or_admission_document": true}],
              "application": {"filed_on": "2022-11-01", "forum": "affirmative", "previously_denied": false, "clock_stopped_days": 0,
                              "granted_on": "2025-06-01"},
              "removal": {"in_proceedings": false, "prior_order": false, "frivolous_finding": false},
              "exceptions": [],
              "conduct": {"persecuted_others": false, "aggravated_felony": false, "particularly_serious_crime": false,
                          "sentence_years": 0, "serious_nonpolitical_crime": false, "danger_to_security": false,
                          "terrorist_activity": false},
              "family_unity": false}"#,
        ]
        .map(|doc| doc.split_whitespace().collect::<Vec<_>>().join(" "))
        .join("\n"),
    );
    let from_csv = refuge(&["screen", &csv, "--full", "--today", TODAY]);
    let from_jsonl = refuge(&["screen", &json, "--full", "--today", TODAY]);
    assert_eq!(
        (from_csv.code, from_jsonl.code),
        (0, 0),
        "{}{}",
        from_csv.stderr,
        from_jsonl.stderr
    );
    let a = assessments(&from_csv.stdout);
    assert_eq!(a.len(), 2);
    assert_eq!(a, assessments(&from_jsonl.stdout));
    // The screening columns: a reinstated order bars asylum; a grant is granted.
    let run = refuge(&["screen", &csv, "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let asylum: Vec<(&str, &str)> = run
        .stdout
        .lines()
        .skip(1)
        .map(|l| {
            let mut cells = l.split(',');
            (cells.next().unwrap(), cells.next().unwrap())
        })
        .collect();
    assert_eq!(asylum, [("A-1", "ineligible"), ("A-2", "granted")]);
}

#[test]
fn a_granted_row_is_counted_as_granted_in_the_summary() {
    let d = dir("granted");
    let csv = write(
        &d,
        "cases.csv",
        "id,as_of,filed_on,granted_on\n\
         g,2026-01-15,2024-01-10,2025-06-02\n\
         u,2026-01-15,,\n",
    );
    let run = refuge(&["screen", &csv, "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.lines().nth(1).unwrap().starts_with("g,granted,"),
        "{}",
        run.stdout
    );
    let lines = summary_lines(&run.stderr);
    for want in [
        "relief eligible ineligible undetermined not_applicable granted",
        "asylum 0 0 1 0 1",
    ] {
        assert!(
            lines.iter().any(|l| l == want),
            "no line {want:?} in\n{}",
            run.stderr
        );
    }
    let jsonl = refuge(&["screen", &csv, "--today", TODAY, "--output-format", "jsonl"]);
    let g: Value = serde_json::from_str(jsonl.stdout.lines().next().unwrap()).unwrap();
    assert_eq!(g["asylum"], "granted");
}

#[test]
fn a_bad_value_in_a_new_column_is_reported_with_its_line_and_column() {
    let d = dir("bad-new-columns");
    let csv = write(
        &d,
        "cases.csv",
        "id,as_of,filed_on,granted_on,prior_order,drug_trafficking,encountered_within_14_days,family_unity\n\
         ok,2026-01-15,,,true,,yes,no\n\
         a,2026-01-15,,,maybe,,,\n\
         b,2026-01-15,,,,2,,\n\
         c,2026-01-15,,,,,within,\n\
         d,2026-01-15,,,,,,sure\n\
         e,2026-01-15,2025-06-02,2024-01-10,,,,\n",
    );
    let run = refuge(&["screen", &csv, "--today", TODAY]);
    assert_eq!(run.code, 1);
    reports_each_line(
        &run.stderr,
        &[
            "refuge screen: line 3, column prior_order: \"maybe\" is not a boolean (true/false, yes/no or 1/0)",
            "refuge screen: line 4, column drug_trafficking: \"2\" is not a boolean (true/false, yes/no or 1/0)",
            "refuge screen: line 5, column encountered_within_14_days: \"within\" is not a boolean (true/false, yes/no or 1/0)",
            "refuge screen: line 6, column family_unity: \"sure\" is not a boolean (true/false, yes/no or 1/0)",
            "refuge screen: line 7, column granted_on: 2024-01-10 is before application.filed_on 2025-06-02",
        ],
    );
    assert_eq!(ids(&run.stdout), ["ok"]);
}

/// Asserts that standard error holds each of `want` as a whole line.
fn reports_each_line(stderr: &str, want: &[&str]) {
    for want in want {
        assert!(
            stderr.lines().any(|l| l == *want),
            "no line {want:?} in\n{stderr}"
        );
    }
}

#[test]
fn a_high_diversity_caseload_round_trips_through_csv_and_screens_without_rejects() {
    let d = dir("generated-high-diversity");
    let cases = d.join("cases.csv");
    let run = refuge(&[
        "screen",
        "--generate",
        "2000",
        "--diversity",
        "high",
        "-o",
        cases.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(&cases).unwrap();
    let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
    let at = header.iter().position(|h| *h == "sentence_years").unwrap();
    // Every row's sentence is its own: no two rows share the screening memo's key.
    let sentences: std::collections::BTreeSet<&str> = text
        .lines()
        .skip(1)
        .map(|l| l.split(',').nth(at).unwrap())
        .collect();
    assert_eq!(sentences.len(), 2000);
    assert!(!sentences.contains(""));
    let run = refuge(&["screen", cases.to_str().unwrap(), "--today", TODAY]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines = summary_lines(&run.stderr);
    assert!(
        lines.contains(&"rows rejected 0".to_string()),
        "{}",
        run.stderr
    );

    // --diversity and --seed describe --generate's rows, and go with it only.
    let run = refuge(&["screen", "--diversity", "high", cases.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--generate"), "{}", run.stderr);
}
