//! `docs/` says what the code does: every finding, fact, date, warning and CSV
//! column the code has is documented, and everything documented exists.
//!
//! Each test takes the code's list from the code itself, never from a copy
//! kept here, and compares it both ways with the names in `docs/`:
//!
//! - finding ids: `refuge_engine::defs::ALL`;
//! - fact paths: the facts types, through serde: every facts struct denies
//!   unknown fields, so a document with an unknown field is rejected with the
//!   list of the fields that struct does have. Walking down from `Facts`, the
//!   test learns every field, whether it is an object, a list of objects or a
//!   value, and (from the error a wrong value gives) the value's type and, for
//!   a choice, the values allowed;
//! - date ids: the `deadlines` of assessments of a few facts documents built
//!   to make every date appear, of the worked examples in `examples/`, and of
//!   a generated caseload (`refuge screen --generate`), with the parts that vary
//!   written `<fid>` and `<year>`;
//! - warning codes: the parameter set's warnings (`crates/engine/law/warnings.toml`, as
//!   `Law::embedded` reads it);
//! - application fields: `refuge_application::schema::paths`, and readiness
//!   checks: `refuge_application::checks::all()`;
//! - CSV columns: `refuge screen --help` for the input columns (checked by
//!   screening a row with all of them), the header that run writes for the
//!   output columns.
//!
//! In `docs/`, a name is the first cell of a row of a Markdown table, written
//! as one code span; the table's first header cell says what the names are
//! (`docs/README.md` lists them).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use refuge_engine::facts::parse_date;
use refuge_engine::{Case, Facts, Law, assess, defs};
use serde_json::{Value, json};

mod common;
use common::{refuge, refuge_with_input};

// ---------------------------------------------------------------------------
// Reading the docs

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn doc(name: &str) -> String {
    let path = repo().join("docs").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// One row of a documentation table: its name (the first cell's code span)
/// and its cells by header.
struct Row {
    name: String,
    cells: BTreeMap<String, String>,
}

impl Row {
    fn cell(&self, header: &str) -> &str {
        self.cells
            .get(header)
            .unwrap_or_else(|| panic!("the row of `{}` has no `{header}` cell", self.name))
    }
}

/// Splits a table line into its cells, leaving `|` inside code spans alone.
fn cells(line: &str) -> Vec<String> {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let line = line.strip_suffix('|').unwrap_or(line);
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut open: Option<usize> = None;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '`' {
            let mut n = 1;
            while chars.peek() == Some(&'`') {
                chars.next();
                n += 1;
            }
            cell.extend(std::iter::repeat_n('`', n));
            open = match open {
                None => Some(n),
                Some(m) if m == n => None,
                still => still,
            };
        } else if c == '|' && open.is_none() {
            out.push(cell.trim().to_string());
            cell.clear();
        } else {
            cell.push(c);
        }
    }
    out.push(cell.trim().to_string());
    out
}

/// The text of a cell that is exactly one code span (`` `x` ``).
fn code_span(cell: &str) -> Option<&str> {
    let inner = cell.strip_prefix('`')?.strip_suffix('`')?;
    (!inner.is_empty() && !inner.contains('`')).then_some(inner)
}

/// Every code span in a cell (`` `a`, `b` `` gives a and b).
fn code_spans(cell: &str) -> Vec<String> {
    cell.split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 1)
        .map(|(_, s)| s.to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The rows of every table of `file` whose first header cell is `kind`. Each
/// row's first cell must be one code span: the name it documents. A name
/// documented twice is an error.
fn rows(file: &str, kind: &str) -> Vec<Row> {
    let md = doc(file);
    let mut out: Vec<Row> = Vec::new();
    let mut lines = md.lines().peekable();
    let mut fenced = false;
    let mut tables = 0;
    while let Some(line) = lines.next() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        }
        if fenced || !line.trim_start().starts_with('|') {
            continue;
        }
        // The first line of a table: its header.
        let header = cells(line);
        let is_kind = header.first().is_some_and(|h| h == kind);
        let _separator = lines.next();
        while let Some(row) = lines.next_if(|l| l.trim_start().starts_with('|')) {
            if !is_kind {
                continue;
            }
            let row = cells(row);
            let name = code_span(&row[0]).unwrap_or_else(|| {
                panic!(
                    "docs/{file}: in a `{kind}` table, the first cell must be one code span: {:?}",
                    row[0]
                )
            });
            assert!(
                out.iter().all(|r| r.name != name),
                "docs/{file}: `{name}` is documented twice"
            );
            out.push(Row {
                name: name.to_string(),
                cells: header.iter().cloned().zip(row.iter().cloned()).collect(),
            });
        }
        tables += usize::from(is_kind);
    }
    assert!(tables > 0, "docs/{file} has no table headed `{kind}`");
    out
}

fn names(rows: &[Row]) -> BTreeSet<String> {
    rows.iter().map(|r| r.name.clone()).collect()
}

/// Fails, listing both differences, unless the code and the docs name the same things.
#[track_caller]
fn assert_same(what: &str, file: &str, code: &BTreeSet<String>, docs: &BTreeSet<String>) {
    let undocumented: Vec<_> = code.difference(docs).collect();
    let unknown: Vec<_> = docs.difference(code).collect();
    assert!(
        undocumented.is_empty() && unknown.is_empty(),
        "{what}: in the code but not in docs/{file}: {undocumented:?}; in docs/{file} but not in the code: {unknown:?}"
    );
}

// ---------------------------------------------------------------------------
// Findings

/// The code's list: `refuge_engine::defs::ALL`, every finding the engine can
/// make, with per-entry ids as templates (`harm.<hid>.severity`).
#[test]
fn every_finding_id_in_the_code_is_documented_and_every_documented_one_exists() {
    let code: BTreeSet<String> = defs::ALL.iter().map(|d| d.id.to_string()).collect();
    let rows = rows("findings.md", "finding");
    assert_same("finding ids", "findings.md", &code, &names(&rows));
    // And each has its logic, under a heading of its own.
    let md = doc("findings.md");
    let headings: BTreeSet<String> = md
        .lines()
        .filter_map(|l| l.strip_prefix("### "))
        .filter_map(code_span)
        .map(str::to_string)
        .collect();
    let without: Vec<_> = code.difference(&headings).collect();
    assert!(
        without.is_empty(),
        "docs/findings.md: no `### `id`` heading with the logic of {without:?}"
    );
}

/// The question and the authority the docs give a finding are the code's
/// (`defs::ALL`): its question, and its citations joined by "; ".
#[test]
fn every_documented_finding_states_the_question_and_citations_of_the_code() {
    for row in rows("findings.md", "finding") {
        let Some(def) = defs::ALL.iter().find(|d| d.id == row.name) else {
            continue; // reported by the test above
        };
        assert_eq!(
            row.cell("question"),
            def.question,
            "docs/findings.md: the question of `{}`",
            def.id
        );
        assert_eq!(
            row.cell("authority"),
            def.cite.join("; "),
            "docs/findings.md: the authority of `{}`",
            def.id
        );
    }
}

// ---------------------------------------------------------------------------
// Facts

/// A step of a path into the facts document: a field, or "each entry".
#[derive(Clone)]
enum Seg {
    Key(String),
    Each,
}

/// A field name no facts struct has.
const NO_FIELD: &str = "zz_no_such_field";
/// A string no choice allows, no date or country reads, and text accepts.
const NO_VALUE: &str = "zz_no_such_value";

/// The facts document holding only `leaf` at `segs`.
fn document(segs: &[Seg], leaf: Value) -> Value {
    segs.iter().rev().fold(leaf, |inner, seg| match seg {
        Seg::Key(k) => json!({ k.as_str(): inner }),
        Seg::Each => json!([inner]),
    })
}

/// Whether the facts types read that document; serde's message if not.
fn probe(segs: &[Seg], leaf: Value) -> Result<(), String> {
    serde_json::from_value::<Facts>(document(segs, leaf))
        .map(drop)
        .map_err(|e| e.to_string())
}

fn render(segs: &[Seg]) -> String {
    let mut s = String::new();
    for seg in segs {
        match seg {
            Seg::Key(k) if s.is_empty() => s += k,
            Seg::Key(k) => s = format!("{s}.{k}"),
            Seg::Each => s += "[]",
        }
    }
    s
}

fn with(segs: &[Seg], seg: Seg) -> Vec<Seg> {
    let mut v = segs.to_vec();
    v.push(seg);
    v
}

/// The names between backquotes after "expected" in a serde message
/// ("unknown field `x`, expected one of `a`, `b`" gives a and b).
fn expected(message: &str) -> Vec<String> {
    message
        .split_once("expected")
        .map_or_else(Vec::new, |(_, list)| code_spans(list))
}

/// The fields of the struct at `segs`, if it is a struct: the ones serde
/// names when it rejects an unknown one.
fn struct_fields(segs: &[Seg]) -> Option<Vec<String>> {
    let unknown = format!("unknown field `{NO_FIELD}`");
    match probe(&with(segs, Seg::Key(NO_FIELD.into())), Value::Null) {
        Err(m) if m.starts_with(&unknown) => Some(expected(&m)),
        _ => None,
    }
}

/// The type of the value at `segs`, in the words of docs/facts.md, and for a
/// choice its values: told by the error a string no type reads gives.
fn value_type(segs: &[Seg]) -> (String, Vec<String>) {
    let m = match probe(segs, json!(NO_VALUE)) {
        Ok(()) => return ("text".into(), Vec::new()),
        Err(m) => m,
    };
    let kind = |k: &str| (k.to_string(), Vec::new());
    if m.starts_with("unknown variant") {
        ("one of".into(), expected(&m))
    } else if m.contains("expected a boolean") {
        kind("boolean")
    } else if ["u8", "u16", "u32", "u64", "usize"]
        .iter()
        .any(|t| m.ends_with(&format!("expected {t}")))
    {
        kind("whole number")
    } else if m.ends_with("expected f64") || m.ends_with("expected f32") {
        kind("number")
    } else if m.contains("is not a date of the form") {
        kind("date")
    } else if m.contains("is not an ISO 3166-1 alpha-2 country code") {
        kind("country")
    } else if m.contains("expected a sequence") {
        match value_type(&with(segs, Seg::Each)).0.as_str() {
            "country" => kind("list of countries"),
            other => kind(&format!("list of {other}")),
        }
    } else {
        panic!(
            "{}: the test cannot tell this field's type from {m:?}; teach `value_type`",
            render(segs)
        )
    }
}

/// Every path of the facts document, with its type and allowed values.
fn fact_paths() -> BTreeMap<String, (String, Vec<String>)> {
    fn walk(segs: &[Seg], out: &mut BTreeMap<String, (String, Vec<String>)>) {
        let fields = struct_fields(segs).unwrap_or_else(|| {
            panic!(
                "`{}` accepts an unknown field: every facts struct must deny unknown fields (facts_struct!) for docs/facts.md to be checked",
                render(segs)
            )
        });
        assert!(!fields.is_empty(), "`{}` has no fields", render(segs));
        for name in fields {
            let field = with(segs, Seg::Key(name));
            let path = render(&field);
            if struct_fields(&field).is_some() {
                out.insert(path, ("object".into(), Vec::new()));
                walk(&field, out);
            } else if struct_fields(&with(&field, Seg::Each)).is_some() {
                out.insert(path, ("list of objects".into(), Vec::new()));
                walk(&with(&field, Seg::Each), out);
            } else {
                out.insert(path, value_type(&field));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&[], &mut out);
    out
}

/// The code's list: every field of the facts types, at every depth, found by
/// asking serde (see the file's comment), so that a field added to any facts
/// struct is found without this test knowing of it.
#[test]
fn every_fact_path_is_documented_both_ways() {
    let code: BTreeSet<String> = fact_paths().into_keys().collect();
    assert!(
        code.contains("applicant.location") && code.contains("harms[].grounds[].central"),
        "the walk through the facts types went wrong: {code:?}"
    );
    let rows = rows("facts.md", "path");
    assert_same("fact paths", "facts.md", &code, &names(&rows));
}

/// The type the docs give each fact is the one the code reads, and a choice
/// lists exactly the values the code accepts.
#[test]
fn every_documented_fact_has_the_type_and_values_the_code_accepts() {
    let code = fact_paths();
    for row in rows("facts.md", "path") {
        let Some((ty, values)) = code.get(&row.name) else {
            continue; // reported by the test above
        };
        assert_eq!(
            row.cell("type"),
            ty,
            "docs/facts.md: the type of `{}`",
            row.name
        );
        if ty == "one of" {
            assert_eq!(
                code_spans(row.cell("values")),
                *values,
                "docs/facts.md: the values of `{}`, in the code's order",
                row.name
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Dates

/// Facts documents that, between them, make every date of
/// `rules/deadlines.rs` appear.
const DATED: &[&str] = &[
    // Pending, with two anniversaries of filing past since the annual fee began.
    r#"{"as_of": "2027-03-01", "arrivals": [{"date": "2024-03-01"}],
        "application": {"filed_on": "2024-09-01"}}"#,
    // Granted, then adjusted.
    r#"{"as_of": "2027-03-01", "application": {"filed_on": "2023-01-10",
        "granted_on": "2024-01-10", "adjusted_on": "2025-02-03"}}"#,
    // Granted, a spouse abroad who follows to join, and a child who has.
    r#"{"as_of": "2026-11-27", "application": {"filed_on": "2021-11-30",
        "granted_on": "2024-10-15"}, "family": [{"id": "s1", "relation": "spouse",
        "in_us": false}, {"id": "c1", "relation": "child", "asylee_since": "2023-08-04",
        "adjusted_on": "2025-02-03"}]}"#,
    // Nothing filed, a child under 21.
    r#"{"as_of": "2026-01-01", "family": [{"id": "c1", "relation": "child",
        "birth_date": "2015-05-05"}]}"#,
];

/// A date's id with the parts that vary written as docs/deadlines.md writes
/// them: a family member's id as `<fid>`, a year as `<year>`.
fn template(id: &str, case: &Case) -> String {
    id.split('.')
        .map(|part| {
            if case.family_ids().iter().any(|f| f == part) {
                "<fid>".to_string()
            } else if part.len() == 4 && part.bytes().all(|b| b.is_ascii_digit()) {
                "<year>".to_string()
            } else {
                part.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// The code's list: the `deadlines` of assessments: of the documents above,
/// of every worked example in `examples/`, and of a generated caseload, each
/// with its kind.
fn deadline_ids() -> BTreeMap<String, String> {
    let today = parse_date("2026-01-01").unwrap();
    let mut documents: Vec<String> = DATED.iter().map(|s| s.to_string()).collect();
    for entry in std::fs::read_dir(repo().join("examples")).expect("examples/") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            documents.push(std::fs::read_to_string(path).unwrap());
        }
    }
    let generated = refuge(&[
        "screen",
        "--generate",
        "300",
        "--seed",
        "7",
        "--output-format",
        "jsonl",
    ]);
    assert_eq!(
        generated.code, 0,
        "refuge screen --generate: {}",
        generated.stderr
    );
    documents.extend(generated.stdout.lines().map(str::to_string));

    let mut out = BTreeMap::new();
    for json in &documents {
        let case = Case::from_json(json, today).unwrap_or_else(|e| panic!("{e}: {json}"));
        for d in assess(&case, Law::embedded()).deadlines {
            let id = template(&d.id, &case);
            let kind = d.kind.as_str().to_string();
            if let Some(seen) = out.insert(id.clone(), kind.clone()) {
                assert_eq!(seen, kind, "`{id}` has two kinds");
            }
        }
    }
    out
}

#[test]
fn every_deadline_id_is_documented_both_ways() {
    let code = deadline_ids();
    let rows = rows("deadlines.md", "deadline");
    assert_same(
        "date ids",
        "deadlines.md",
        &code.keys().cloned().collect(),
        &names(&rows),
    );
    for row in &rows {
        if let Some(kind) = code.get(&row.name) {
            assert_eq!(
                code_span(row.cell("kind")),
                Some(kind.as_str()),
                "docs/deadlines.md: the kind of `{}`",
                row.name
            );
        }
    }
}

// ---------------------------------------------------------------------------
// Warnings

/// The code's list: every warning of the parameter set.
#[test]
fn every_warning_code_is_documented_both_ways() {
    let code: BTreeSet<String> = Law::embedded()
        .warnings()
        .iter()
        .map(|w| w.code.clone())
        .collect();
    assert_same(
        "warning codes",
        "findings.md",
        &code,
        &names(&rows("findings.md", "warning")),
    );
}

// ---------------------------------------------------------------------------
// CSV columns

/// The input columns `refuge screen --help` lists: in its CSV INPUT part,
/// each line that starts with two spaces and a name.
fn help_columns() -> Vec<String> {
    let help = refuge(&["screen", "--help"]);
    assert_eq!(help.code, 0, "refuge screen --help: {}", help.stderr);
    let part = help
        .stdout
        .split_once("CSV INPUT")
        .and_then(|(_, rest)| rest.split_once("JSON LINES INPUT"))
        .map(|(part, _)| part)
        .expect("refuge screen --help has a CSV INPUT part before JSON LINES INPUT");
    part.lines()
        .filter_map(|l| l.strip_prefix("  "))
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

/// The code's lists: the input columns `refuge screen --help` lists, which a
/// CSV with all of them in its header must be accepted with; and the output
/// columns, the header of what that run writes.
#[test]
fn every_csv_column_is_documented_both_ways() {
    let input = help_columns();
    assert!(
        input.iter().any(|c| c == "id") && input.len() > 10,
        "reading refuge screen --help went wrong: {input:?}"
    );
    let csv = format!("{}\n{}\n", input.join(","), ",".repeat(input.len() - 1));
    let run = refuge_with_input(
        &[
            "screen",
            "-",
            "--input-format",
            "csv",
            "--today",
            "2026-01-01",
        ],
        &csv,
    );
    assert_eq!(
        run.code, 0,
        "a CSV with every column --help lists is not accepted: {}",
        run.stderr
    );
    let output: BTreeSet<String> = run
        .stdout
        .lines()
        .next()
        .expect("a header line")
        .split(',')
        .map(str::to_string)
        .collect();

    assert_same(
        "CSV input columns",
        "csv.md",
        &input.into_iter().collect(),
        &names(&rows("csv.md", "column")),
    );
    assert_same(
        "screening output columns",
        "csv.md",
        &output,
        &names(&rows("csv.md", "output column")),
    );
}

// ---------------------------------------------------------------------------
// The application document and the readiness checks

/// The code's list: every field of the application document that holds a
/// value or a list (found by asking serde, `refuge_application::schema`),
/// which a test of the application crate also holds equal to the form's data.
#[test]
fn every_application_field_is_documented_both_ways_with_when_it_is_required() {
    use refuge_application::schema::{Kind, paths};
    let code: BTreeSet<String> = paths("application")
        .into_iter()
        .filter(|(p, k)| *k != Kind::Object && !refuge_application::schema::beside_the_form(p))
        .map(|(p, _)| p)
        .collect();
    assert!(code.contains("application.part_a1.middle_name"), "{code:?}");
    let rows = rows("application.md", "application path");
    assert_same("application fields", "application.md", &code, &names(&rows));
    let form = refuge_application::Form::embedded();
    for row in &rows {
        let item = form.item(&row.name).expect("an item for every field");
        let mut want = if !item.required {
            "no".to_string()
        } else if item.when.is_empty() {
            "yes".to_string()
        } else {
            let when: Vec<String> = item
                .when
                .iter()
                .map(|w| format!("`{}`", serde_json::to_value(w).unwrap().as_str().unwrap()))
                .collect();
            format!("when {}", when.join(" and "))
        };
        if item.nonempty {
            want += " (at least one)";
        }
        assert_eq!(
            row.cell("required"),
            want,
            "docs/application.md: `{}` is required as form/i589.toml says",
            row.name
        );
    }
}

/// The code's list: the fields of the timeline and the evidence statuses
/// (`application.timeline`, `application.evidence`: beside the form, not
/// items of it), found as the form's are.
#[test]
fn every_timeline_and_evidence_field_is_documented_both_ways() {
    use refuge_application::schema::{Kind, beside_the_form, paths};
    let code: BTreeSet<String> = paths("application")
        .into_iter()
        .filter(|(p, k)| *k != Kind::Object && beside_the_form(p))
        .map(|(p, _)| p)
        .collect();
    assert!(
        code.contains("application.timeline.events[].statements[].date")
            && code.contains("application.evidence[].status"),
        "{code:?}"
    );
    let rows = rows("application.md", "path");
    assert_same(
        "timeline and evidence fields",
        "application.md",
        &code,
        &names(&rows),
    );
}

/// The code's list: `refuge_application::checks::all()` (`form/checks.toml`), with each check's
/// severity and authority.
#[test]
fn every_check_is_documented_both_ways_with_its_severity_and_authority() {
    let all = refuge_application::checks::all();
    let code: BTreeSet<String> = all.iter().map(|c| c.id.clone()).collect();
    let rows = rows("checks.md", "check");
    assert_same("readiness checks", "checks.md", &code, &names(&rows));
    for row in &rows {
        let def = all.iter().find(|c| c.id == row.name).unwrap();
        assert_eq!(
            row.cell("severity"),
            def.severity.as_str(),
            "`{}`",
            row.name
        );
        assert_eq!(row.cell("what it checks"), def.title, "`{}`", row.name);
        assert_eq!(
            row.cell("authority"),
            def.authority.join("; "),
            "`{}`",
            row.name
        );
    }
}

/// The README's prerequisite is true: the workspace's `rust-version` is at
/// least that of every locked dependency (cargo's own metadata), and the
/// README names the same version.
#[test]
fn the_declared_rust_version_is_at_least_every_dependencys() {
    // The dependencies of this machine's platform (the others are not downloaded).
    let rustc = std::process::Command::new("rustc")
        .arg("-vV")
        .output()
        .expect("rustc runs");
    let host = String::from_utf8_lossy(&rustc.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
        .expect("rustc names its host");
    let out = std::process::Command::new(env!("CARGO"))
        .args(["metadata", "--format-version", "1", "--locked", "--offline"])
        .args(["--filter-platform", &host])
        .current_dir(repo())
        .output()
        .expect("cargo metadata runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: Value = serde_json::from_slice(&out.stdout).unwrap();
    // major.minor.patch as numbers (a missing part is 0: 1.94 is 1.94.0).
    let version = |v: &str| -> [u32; 3] {
        let mut parts = v.split('.').map(|p| p.parse().unwrap_or(0));
        [0; 3].map(|_| parts.next().unwrap_or(0))
    };
    let ours = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "refuge-engine")
        .and_then(|p| p["rust_version"].as_str())
        .expect("the workspace declares a rust-version")
        .to_string();
    let needed = meta["packages"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| Some((p["rust_version"].as_str()?, p["name"].as_str()?)))
        .max_by_key(|(v, _)| version(v))
        .unwrap();
    assert!(
        version(&ours) >= version(needed.0),
        "rust-version {ours} is below {} which {} needs",
        needed.0,
        needed.1
    );
    let short = ours.trim_end_matches(".0");
    assert!(
        std::fs::read_to_string(repo().join("README.md"))
            .unwrap()
            .contains(&format!("Rust {short} or later")),
        "the README names Rust {short}"
    );
}

// ---------------------------------------------------------------------------
// When the law changes

/// The code's list: the `kind` each variant of `Cause` is written with (the
/// match fails to compile when a variant is added without a line here).
#[test]
fn every_kind_of_cause_a_change_record_names_is_documented_both_ways() {
    use refuge_engine::change::Cause;
    let all = [
        Cause::Parameter {
            id: String::new(),
            label: String::new(),
            before: String::new(),
            after: String::new(),
            source: None,
            note: None,
        },
        Cause::LawData {
            part: String::new(),
            note: None,
            source: None,
        },
        Cause::Rules {
            from: String::new(),
            to: String::new(),
            findings: vec![],
            notes: vec![],
        },
        Cause::Unattributed {
            law_from: String::new(),
            law_to: String::new(),
            rules_from: String::new(),
            rules_to: String::new(),
            notes: vec![],
        },
    ];
    let code: BTreeSet<String> = all
        .iter()
        .map(|c| {
            match c {
                Cause::Parameter { .. }
                | Cause::LawData { .. }
                | Cause::Rules { .. }
                | Cause::Unattributed { .. } => {}
            }
            serde_json::to_value(c).unwrap()["kind"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_same(
        "kinds of cause",
        "changes.md",
        &code,
        &names(&rows("changes.md", "cause")),
    );
}
