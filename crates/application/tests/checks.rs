//! Each readiness check, table-driven: rows that trip it, rows that do not,
//! and rows where it cannot tell yet, as data in `tests/data/checks/<id>.toml`.
//! Every row starts from the complete sample
//! (`examples/application/complete.json`, which passes every check) and
//! changes what the row names.

use std::collections::BTreeMap;

use jiff::civil::date;
use refuge_application::checks::all;
use refuge_application::output::Status;
use refuge_application::{CaseDocument, Readiness, check};
use serde::Deserialize;
use serde_json::{Value, json};

const SAMPLE: &str = include_str!("../../../examples/application/complete.json");

/// Sets (or, with `null`, removes) the value at `path` (`application.part_a3.addresses[2].to`).
fn set(doc: &mut Value, path: &str, value: Value) {
    let mut segs: Vec<(&str, Option<usize>)> = Vec::new();
    for seg in path.split('.') {
        match seg.split_once('[') {
            Some((name, rest)) => {
                segs.push((name, Some(rest.trim_end_matches(']').parse().unwrap())))
            }
            None => segs.push((seg, None)),
        }
    }
    let (last, parents) = segs.split_last().unwrap();
    let mut v = doc;
    for (name, index) in parents {
        v = v
            .as_object_mut()
            .unwrap()
            .entry(name.to_string())
            .or_insert_with(|| {
                if index.is_some() {
                    json!([])
                } else {
                    json!({})
                }
            });
        if let Some(i) = index {
            v = &mut v.as_array_mut().unwrap()[*i];
        }
    }
    let obj = v.as_object_mut().unwrap();
    match (last.1, value) {
        (None, Value::Null) => {
            obj.remove(last.0);
        }
        (None, value) => {
            obj.insert(last.0.to_string(), value);
        }
        (Some(i), Value::Null) => {
            obj.get_mut(last.0)
                .unwrap()
                .as_array_mut()
                .unwrap()
                .remove(i);
        }
        (Some(i), value) => {
            let list = obj.get_mut(last.0).unwrap().as_array_mut().unwrap();
            if i == list.len() {
                list.push(value);
            } else {
                list[i] = value;
            }
        }
    }
}

fn run(edits: &[(&str, Value)]) -> Readiness {
    let mut doc: Value = serde_json::from_str(SAMPLE).unwrap();
    for (path, value) in edits {
        set(&mut doc, path, value.clone());
    }
    let doc = CaseDocument::from_json(&doc.to_string(), date(2026, 11, 27))
        .unwrap_or_else(|e| panic!("{edits:?}: {e}"));
    check(&doc, refuge_engine::Law::embedded())
}

/// One check's table.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Table {
    /// Why the check never says `cannot_tell`, for one that never does.
    cannot_tell: Option<String>,
    rows: Vec<Row>,
}

/// A row: the legal claim, the changes to the sample, the status the check must
/// have, and a path its issues must name.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Row {
    claim: String,
    status: String,
    names: Option<String>,
    #[serde(default)]
    remove: Vec<String>,
    #[serde(default)]
    set: BTreeMap<String, Value>,
}

#[test]
fn every_check_trips_passes_and_cannot_tell_as_its_table_says() {
    for def in all() {
        let id = def.id.as_str();
        let path = format!("{}/tests/data/checks/{id}.toml", env!("CARGO_MANIFEST_DIR"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let table: Table = toml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let mut seen = Vec::new();
        for row in &table.rows {
            let mut edits: Vec<(&str, Value)> = row
                .set
                .iter()
                .map(|(p, v)| (p.as_str(), v.clone()))
                .collect();
            edits.extend(row.remove.iter().map(|p| (p.as_str(), Value::Null)));
            let r = run(&edits);
            let got = r
                .check(id)
                .unwrap_or_else(|| panic!("no check {id}"))
                .status;
            let issues: Vec<_> = r.issues_of(id).collect();
            assert_eq!(got.as_str(), row.status, "{id}: {}\n{issues:#?}", row.claim);
            if let Some(name) = &row.names {
                assert!(
                    issues.iter().any(|i| i.items.iter().any(|p| p == name)),
                    "{id}: {}: no issue names {name}\n{issues:#?}",
                    row.claim
                );
            }
            seen.push(got);
        }
        assert!(seen.contains(&Status::Tripped), "{path}: no row trips {id}");
        assert!(seen.contains(&Status::Passed), "{path}: no row passes {id}");
        assert!(
            seen.contains(&Status::CannotTell) || table.cannot_tell.is_some(),
            "{path}: no row where {id} cannot tell, and no `cannot_tell` note saying why it never does"
        );
    }
}

#[test]
fn the_complete_sample_passes_every_check() {
    let r = run(&[]);
    for c in &r.checks {
        assert_eq!(
            c.status,
            Status::Passed,
            "{}: {:#?}",
            c.id,
            r.issues_of(c.id).collect::<Vec<_>>()
        );
    }
    assert!(r.ready && r.issues.is_empty());
}

/// Completeness never waits: an item whose condition is unknown is not
/// reported, and the condition's own item is.
#[test]
fn an_item_whose_condition_is_unknown_is_left_to_the_conditions_own_item() {
    let r = run(&[("application.part_a1.mailing_same", Value::Null)]);
    let paths: Vec<_> = r
        .issues_of("complete.required")
        .flat_map(|i| i.items.clone())
        .collect();
    assert_eq!(paths, ["application.part_a1.mailing_same"]);
    let r = run(&[("application.part_b.q1a", json!({}))]);
    let paths: Vec<_> = r.issues_of("complete.explanations").collect();
    assert!(paths.is_empty(), "{paths:?}");
}

#[test]
fn partial_applications_are_normal_every_check_reports_without_failing() {
    let doc =
        CaseDocument::from_json(r#"{"facts": {}, "application": {}}"#, date(2026, 12, 1)).unwrap();
    let r = check(&doc, refuge_engine::Law::embedded());
    assert!(!r.ready);
    for c in &r.checks {
        if c.id.starts_with("consistency.") || c.id.starts_with("history.") || c.id == "one_year.c5"
        {
            assert_eq!(
                c.status,
                Status::CannotTell,
                "{}: {:#?}",
                c.id,
                r.issues_of(c.id).collect::<Vec<_>>()
            );
        }
    }
}
