//! The engine's integration tests: one binary, one `check` helper.

mod after_grant;
mod amendments;
mod calendar;
mod examples;
mod input_errors;
mod law;
mod precedents;
mod properties;
mod rules;

use refuge_engine::{Assessment, Law, assess_json};
use serde_json::{Value, json};

/// A complete, clean case that qualifies for asylum: a journalist beaten by the
/// police for her reporting, who filed within the year. Rows of the rule tables
/// change only what their claim is about.
pub fn base() -> Value {
    json!({
        "as_of": "2026-11-27",
        "applicant": { "birth_date": "1988-09-14", "nationality": ["NI"], "location": "in_us", "unaccompanied_child": false },
        "arrivals": [{ "date": "2025-09-20", "manner": "admitted", "border": "air", "from_country": "NI", "transit_countries": [] }],
        "application": { "filed_on": "2026-05-04", "forum": "affirmative", "previously_denied": false },
        "exceptions": [],
        "harms": [{
            "id": "h1", "when": "past", "date": "2025-06-02", "kind": "serious_physical_harm", "injured": true,
            "target": "applicant", "actor": "government",
            "grounds": [{ "ground": "political_opinion", "central": true }]
        }],
        "risk": { "afraid": true },
        "torture": { "likelihood": "remote", "official_role": "none" },
        "conduct": {
            "persecuted_others": false, "aggravated_felony": false, "particularly_serious_crime": false,
            "sentence_years": 0, "serious_nonpolitical_crime": false, "danger_to_security": false,
            "terrorist_activity": false
        },
        "resettlement": { "offered_permanent_status": false },
        "removal": { "prior_order": false }
    })
}

/// `base` with `change` merged in: objects merge key by key, `null` removes a
/// key (the fact becomes unknown); an array takes the new array's length, and
/// its objects merge with the base's objects at the same index; anything else
/// replaces.
pub fn with(change: Value) -> Value {
    let mut doc = base();
    merge(&mut doc, change);
    doc
}

fn merge(doc: &mut Value, change: Value) {
    match (doc, change) {
        (Value::Object(d), Value::Object(c)) => {
            for (k, v) in c {
                if v.is_null() {
                    d.remove(&k);
                } else if let Some(slot) = d.get_mut(&k) {
                    merge(slot, v);
                } else {
                    d.insert(k, v);
                }
            }
        }
        (Value::Array(d), Value::Array(c)) => {
            d.truncate(c.len());
            for (i, v) in c.into_iter().enumerate() {
                match d.get_mut(i) {
                    Some(slot @ Value::Object(_)) if v.is_object() => merge(slot, v),
                    Some(slot) => *slot = v,
                    None => d.push(v),
                }
            }
        }
        (slot, v) => *slot = v,
    }
}

/// A rule table's row: the claim it checks, the change to `base()`, and the
/// outcomes it must give (keys of [`get`]).
pub type Row = (&'static str, Value, &'static [(&'static str, &'static str)]);

/// Checks every row of a rule table, then fails once, naming each row that
/// is wrong (its claim and every key that is not as wanted): a table with two
/// wrong rows reports both, not the first alone.
pub fn table(rows: Vec<Row>) {
    let n = rows.len();
    let wrong: Vec<String> = rows
        .into_iter()
        .filter_map(|(claim, change, expect)| wrong_in(claim, &with(change), expect))
        .collect();
    assert!(
        wrong.is_empty(),
        "{} of {n} rows wrong:\n\n{}",
        wrong.len(),
        wrong.join("\n\n")
    );
}

pub fn run(facts: &Value) -> Assessment {
    assess(facts).unwrap_or_else(|e| panic!("facts rejected: {e}\n{facts:#}"))
}

/// The assessment of `facts` on the tests' day, or why the facts are rejected.
fn assess(facts: &Value) -> Result<Assessment, String> {
    assess_json(
        &facts.to_string(),
        jiff::civil::date(2026, 11, 27),
        Law::embedded(),
    )
    .map_err(|e| e.to_string())
}

/// What `key` is in the assessment, in the terms of `spec/check-examples`:
/// `relief.NAME`, `basis`, `finding.ID`, `deadline.ID` (date and status),
/// `date.ID` (a deadline's date alone), `family.ID`, `family.ID.path`,
/// `warning.CODE` (raised or absent), `question.PREFIX` (asked or not asked),
/// `first_question` (its fact path, or none);
/// `absent` when missing.
pub fn get(a: &Assessment, key: &str) -> String {
    let v = serde_json::to_value(a).unwrap();
    let find = |list: &str, id: &str| {
        v[list]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["id"] == id)
            .cloned()
    };
    let s = |x: &Value| {
        x.as_str()
            .map(str::to_string)
            .unwrap_or_else(|| x.to_string())
    };
    if let Some(name) = key.strip_prefix("relief.") {
        return s(&v["reliefs"][name]["outcome"]);
    }
    if key == "basis" {
        return v["reliefs"]["asylum"]
            .get("basis")
            .map_or("absent".into(), s);
    }
    if let Some(id) = key.strip_prefix("finding.") {
        return find("findings", id).map_or("absent".into(), |f| s(&f["outcome"]));
    }
    if let Some(id) = key.strip_prefix("date.") {
        return find("deadlines", id).map_or("absent".into(), |d| s(&d["date"]));
    }
    if let Some(id) = key.strip_prefix("deadline.") {
        return find("deadlines", id).map_or("absent".into(), |d| {
            format!("{} {}", s(&d["date"]), s(&d["status"]))
        });
    }
    if let Some(id) = key.strip_prefix("family.") {
        if let Some(id) = id.strip_suffix(".path") {
            return find("family", id).map_or("absent".into(), |f| s(&f["path"]));
        }
        return find("family", id).map_or("absent".into(), |f| s(&f["derivative"]));
    }
    if let Some(code) = key.strip_prefix("warning.") {
        let on = v["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w["code"] == code);
        return if on { "raised" } else { "absent" }.into();
    }
    if key == "first_question" {
        return a
            .questions
            .first()
            .map_or("none".into(), |q| q.fact.clone());
    }
    if let Some(prefix) = key.strip_prefix("question.") {
        let asked = a.questions.iter().any(|q| q.fact.starts_with(prefix));
        return if asked { "asked" } else { "not asked" }.into();
    }
    panic!("unknown key {key}")
}

/// What is wrong with a row, naming its legal claim: each `(key, want)` it
/// does not give, or why it gives nothing (its facts rejected, or a panic, as
/// from a key `get` does not know). None when the row holds.
fn wrong_in(claim: &str, facts: &Value, expect: &[(&str, &str)]) -> Option<String> {
    let assessed = std::panic::catch_unwind(|| {
        let a = assess(facts).map_err(|e| format!("  facts rejected: {e}"))?;
        let bad: Vec<String> = expect
            .iter()
            .map(|(key, want)| (key, want, get(&a, key)))
            .filter(|(_, want, got)| got != *want)
            .map(|(key, want, got)| format!("  {key}: want {want}, got {got}"))
            .collect();
        if bad.is_empty() {
            Ok(())
        } else {
            Err(bad.join("\n"))
        }
    });
    let why = match assessed {
        Ok(Ok(())) => return None,
        Ok(Err(why)) => why,
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("a panic");
            format!("  panicked: {message}")
        }
    };
    Some(format!("{claim}\n{why}"))
}

#[test]
fn a_rule_table_reports_every_wrong_row_not_only_the_first() {
    let rows: Vec<Row> = vec![
        (
            "A row that holds",
            json!({}),
            &[("relief.asylum", "eligible")],
        ),
        (
            "The first wrong row",
            json!({}),
            &[("relief.asylum", "ineligible")],
        ),
        (
            "The second wrong row",
            json!({ "as_of": "not a date" }),
            &[("relief.asylum", "eligible")],
        ),
        (
            "The third wrong row",
            json!({}),
            &[("no.such.key", "eligible")],
        ),
    ];
    let failed = std::panic::catch_unwind(|| table(rows)).expect_err("the table must fail");
    let message = failed.downcast_ref::<String>().expect("a message");
    assert!(message.starts_with("3 of 4 rows wrong"), "{message}");
    for claim in [
        "The first wrong row\n  relief.asylum: want ineligible, got eligible",
        "The second wrong row\n  facts rejected: ",
        "The third wrong row\n  panicked: unknown key no.such.key",
    ] {
        assert!(
            message.contains(claim),
            "{claim:?} missing from:\n{message}"
        );
    }
    assert!(!message.contains("A row that holds"), "{message}");
}
