//! The application's fields as the workspace edits them: each item of the
//! form data (`Form::embedded()`, `crates/application/form/i589.toml`) with
//! the control that enters it, a form's fields turned into the application
//! document, and every field's anchor, which the readiness page links to.
//!
//! The control of a field is chosen by its path ([`widget`]); a test sets a
//! value of each control's kind at every item's path and has the
//! application's own parser accept it, and a wrong one refused at that path,
//! so that the table cannot drift from the document's types.

use std::collections::HashMap;

use refuge_application::document::{Basis, Court, Gender, MaritalStatus};
use serde_json::{Map, Value};

/// How a field is entered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Widget {
    /// One line of text.
    Text,
    /// An explanation: several lines.
    Prose,
    /// One of these values (`yes`/`no`, a gender, a marital status ...).
    Choice(Vec<&'static str>),
    /// A box: yes (`true`) or no (`false`).
    Flag,
    /// Part B.1's grounds: any of these.
    Many(Vec<&'static str>),
    /// A date, or N/A, None or Unknown.
    DateOrMark,
    /// A date.
    Date,
    /// A history row's start: a month or a day.
    Day,
    /// A history row's end: a month, a day, or `present`.
    Until,
    /// A country, as its two-letter code.
    Country,
    /// The reference of a row to the facts (an arrival's index, a family id):
    /// set by the page, not typed.
    Key,
}

/// The lists whose rows are entered one by one (`[]` in an item's path).
pub const ROW_LISTS: &[&str] = &[
    "application.part_a1.entries",
    "application.part_a2.members",
    "application.part_a3.addresses",
    "application.part_a3.education",
    "application.part_a3.employment",
    "application.part_a3.siblings",
    "application.part_d.assisted_by",
    "application.supplement_b",
];

/// The control of the field at `path` (list entries as `[]` or `[i]`).
pub fn widget(path: &str) -> Widget {
    let leaf = path.rsplit('.').next().unwrap_or(path);
    let leaf = leaf.split('[').next().unwrap_or(leaf);
    let yes_no = || Widget::Choice(vec!["yes", "no"]);
    match leaf {
        "explanation" | "text" => Widget::Prose,
        "answer"
        | "has_children"
        | "fluent_english"
        | "in_court"
        | "family_assisted"
        | "someone_else_prepared"
        | "given_legal_list" => yes_no(),
        "also_cat" | "mailing_same" | "deceased" | "signed" | "g28_attached" => Widget::Flag,
        "gender" => Widget::Choice(Gender::ALL.iter().map(|g| g.as_str()).collect()),
        "marital_status" => Widget::Choice(MaritalStatus::ALL.iter().map(|m| m.as_str()).collect()),
        "court" => Widget::Choice(Court::ALL.iter().map(|c| c.as_str()).collect()),
        "grounds" => Widget::Many(Basis::ALL.iter().map(|b| b.as_str()).collect()),
        "left_country_on" | "passport_expires" | "status_expires" | "last_entry_date"
        | "previous_arrival" => Widget::DateOrMark,
        "signed_on" => Widget::Date,
        "from" => Widget::Day,
        "to" => Widget::Until,
        "country" => Widget::Country,
        "arrival" | "family" => Widget::Key,
        _ => Widget::Text,
    }
}

/// What a control asks for, beside its label.
pub fn hint(w: &Widget) -> &'static str {
    match w {
        Widget::DateOrMark => "YYYY-MM-DD, or N/A, None or Unknown",
        Widget::Date => "YYYY-MM-DD",
        Widget::Day => "YYYY-MM (or YYYY-MM-DD)",
        Widget::Until => "YYYY-MM (or YYYY-MM-DD), or present",
        Widget::Country => "two-letter code, e.g. HN",
        Widget::Text => "or N/A, None, Unknown",
        _ => "",
    }
}

/// An element id from a path (`application.part_a3.addresses[2].to` →
/// `a-application-part_a3-addresses-2--to`): the anchor the readiness page links to.
pub fn anchor(path: &str) -> String {
    let mut id = String::from("a-");
    for c in path.chars() {
        id.push(if c.is_ascii_alphanumeric() || c == '_' {
            c
        } else {
            '-'
        });
    }
    id
}

/// `application.part_a3.addresses[2].to` → `application.part_a3.addresses[].to`.
pub fn generic(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut skip = false;
    for c in path.chars() {
        match c {
            '[' => {
                skip = true;
                out.push('[');
            }
            ']' => {
                skip = false;
                out.push(']');
            }
            _ if skip => {}
            c => out.push(c),
        }
    }
    out
}

/// One step of a path: a key, or a list's index.
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, rest) = part.split_once('[').unwrap_or((part, ""));
        if key.is_empty() {
            return None;
        }
        out.push(Step::Key(key));
        if !rest.is_empty() {
            let i = rest.strip_suffix(']')?.parse().ok()?;
            if i >= refuge_application::document::MAX_ROWS {
                return None;
            }
            out.push(Step::Index(i));
        }
    }
    Some(out)
}

/// The value at `path` of `doc`.
pub fn get<'a>(doc: &'a Value, path: &str) -> Option<&'a Value> {
    let mut v = doc;
    for s in steps(path)? {
        v = match s {
            Step::Key(k) => v.get(k)?,
            Step::Index(i) => v.get(i)?,
        };
    }
    Some(v)
}

/// Sets the value at `path` of `doc`, making the objects and list entries
/// on the way (a list's missing entries are `null` until filled).
fn set(doc: &mut Value, path: &str, value: Value) -> bool {
    let Some(steps) = steps(path) else {
        return false;
    };
    let mut v = doc;
    for s in steps {
        v = match s {
            Step::Key(k) => {
                if !v.is_object() {
                    *v = Value::Object(Map::new());
                }
                let Value::Object(m) = v else { return false };
                m.entry(k).or_insert(Value::Null)
            }
            Step::Index(i) => {
                if !v.is_array() {
                    *v = Value::Array(Vec::new());
                }
                let Value::Array(a) = v else { return false };
                if a.len() <= i {
                    a.resize(i + 1, Value::Null);
                }
                &mut a[i]
            }
        };
    }
    *v = value;
    true
}

/// Removes the value at `path` (an error's field, set aside to find the next).
pub fn remove(doc: &mut Value, path: &str) -> bool {
    let Some((parent, last)) = path.rsplit_once('.') else {
        return doc.as_object_mut().and_then(|m| m.remove(path)).is_some();
    };
    let (key, index) = match last.split_once('[') {
        Some((k, i)) => (k, i.strip_suffix(']').and_then(|i| i.parse::<usize>().ok())),
        None => (last, None),
    };
    let Some(Value::Object(_)) = get(doc, parent) else {
        return false;
    };
    let target = steps(parent).map(|s| {
        let mut v = &mut *doc;
        for s in s {
            v = match s {
                Step::Key(k) => &mut v[k],
                Step::Index(i) => &mut v[i],
            };
        }
        v
    });
    let Some(Value::Object(m)) = target else {
        return false;
    };
    match index {
        None => m.remove(key).is_some(),
        Some(i) => match m.get_mut(key) {
            Some(Value::Array(a)) if i < a.len() => {
                a[i] = Value::Null;
                true
            }
            _ => false,
        },
    }
}

/// A stored value as a control shows it.
pub fn show(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(a)) => a
            .iter()
            .map(|x| show(Some(x)))
            .collect::<Vec<_>>()
            .join(","),
        Some(other) => other.to_string(),
    }
}

/// A form's fields as the application document, and where each list entry
/// of the document came from in the form (rows left empty are dropped).
pub struct FromForm {
    pub doc: Value,
    /// For each list, the form's row of each entry of the document.
    rows: HashMap<String, Vec<usize>>,
}

impl FromForm {
    /// A document path as the form names it: the entry's row in the form.
    pub fn form_path(&self, path: &str) -> String {
        for (list, rows) in &self.rows {
            if let Some(rest) = path.strip_prefix(list.as_str())
                && let Some(rest) = rest.strip_prefix('[')
                && let Some((i, tail)) = rest.split_once(']')
                && let Ok(i) = i.parse::<usize>()
                && let Some(row) = rows.get(i)
            {
                return format!("{list}[{row}]{tail}");
            }
        }
        path.to_string()
    }
}

/// Whether a row holds anything typed (its key to the facts aside).
fn has_content(row: &Value) -> bool {
    match row {
        Value::Object(m) => m
            .iter()
            .any(|(k, v)| k != "arrival" && k != "family" && !v.is_null()),
        Value::Null => false,
        _ => true,
    }
}

/// Turns the form's fields (`application.…` names; others are ignored)
/// into the application document: an empty field is not answered; a row
/// with nothing typed is left out.
pub fn from_form(fields: &[(String, String)]) -> FromForm {
    let mut root = Value::Object(Map::new());
    for (name, value) in fields {
        if !name.starts_with("application.") {
            continue;
        }
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let w = widget(name);
        let v = match w {
            Widget::Flag => match value {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                other => Value::String(other.into()),
            },
            Widget::Key if name.ends_with(".arrival") => value
                .parse::<u64>()
                .map(Value::from)
                .unwrap_or_else(|_| Value::String(value.into())),
            Widget::Country => Value::String(value.to_uppercase()),
            Widget::Many(_) => {
                let mut list = match get(&root, name) {
                    Some(Value::Array(a)) => a.clone(),
                    _ => Vec::new(),
                };
                list.push(Value::String(value.into()));
                Value::Array(list)
            }
            _ => Value::String(value.into()),
        };
        set(&mut root, name, v);
    }
    let mut rows = HashMap::new();
    for list in ROW_LISTS {
        let rel = list.trim_start_matches("application.");
        let (parent, key) = match rel.rsplit_once('.') {
            Some((p, k)) => (Some(p), k),
            None => (None, rel),
        };
        let Some(app) = root.get_mut("application") else {
            continue;
        };
        let parent = match parent {
            Some(p) => app.get_mut(p),
            None => Some(app),
        };
        let Some(Value::Object(m)) = parent else {
            continue;
        };
        let Some(Value::Array(a)) = m.get_mut(key) else {
            continue;
        };
        let kept: Vec<(usize, Value)> = std::mem::take(a)
            .into_iter()
            .enumerate()
            .filter(|(_, r)| has_content(r))
            .collect();
        rows.insert(list.to_string(), kept.iter().map(|(i, _)| *i).collect());
        if kept.is_empty() {
            m.remove(key);
        } else {
            *a = kept.into_iter().map(|(_, r)| r).collect();
        }
    }
    let doc = root
        .get("application")
        .cloned()
        .unwrap_or_else(|| Value::Object(Map::new()));
    FromForm { doc, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use refuge_application::{Application, Form};

    fn sample(w: &Widget) -> (Value, Option<Value>) {
        let s = |x: &str| Value::String(x.into());
        match w {
            Widget::Text | Widget::Prose => (s("N/A"), None),
            Widget::Choice(v) => (s(v[0]), Some(s("maybe"))),
            Widget::Flag => (Value::Bool(true), Some(s("maybe"))),
            Widget::Many(v) => (
                Value::Array(vec![s(v[0])]),
                Some(Value::Array(vec![s("maybe")])),
            ),
            Widget::DateOrMark => (s("Unknown"), Some(s("2021-02-30"))),
            Widget::Date => (s("2021-02-03"), Some(s("N/A"))),
            Widget::Day => (s("2021-02"), Some(s("2021-13"))),
            Widget::Until => (s("present"), Some(s("now"))),
            Widget::Country => (s("HN"), Some(s("Honduras"))),
            Widget::Key => (Value::Null, None),
        }
    }

    #[test]
    fn every_application_item_has_a_control_that_the_application_parser_accepts_at_its_path() {
        let form = Form::embedded();
        let mut checked = 0;
        for item in form
            .items
            .iter()
            .filter(|i| i.path.starts_with("application."))
        {
            let path = item.path.replace("[]", "[0]");
            if ROW_LISTS.contains(&item.path.as_str()) || item.path == "application.supplement_b" {
                continue;
            }
            let w = widget(&item.path);
            let (good, bad) = sample(&w);
            if good.is_null() {
                continue;
            }
            let mut doc = Value::Object(Map::new());
            assert!(set(&mut doc, &path, good.clone()), "{path}");
            let text = doc["application"].to_string();
            let parsed = refuge_engine::facts::parse_json::<Application>(&text);
            assert!(parsed.is_ok(), "{path}: {w:?} {good} refused: {parsed:?}");
            if let Some(bad) = bad {
                let mut doc = Value::Object(Map::new());
                set(&mut doc, &path, bad.clone());
                let e = refuge_engine::facts::parse_json::<Application>(
                    &doc["application"].to_string(),
                )
                .expect_err(&format!("{path}: {bad} accepted"));
                assert!(
                    format!("application.{}", e.field).starts_with(&path),
                    "{path}: the error names {}",
                    e.field
                );
            }
            checked += 1;
        }
        assert!(checked > 100, "{checked} items checked");
    }

    #[test]
    fn rows_left_empty_are_dropped_and_errors_still_name_the_row_typed_in() {
        let fields = [
            ("application.part_a3.addresses[0].city", ""),
            ("application.part_a3.addresses[1].city", "Tegucigalpa"),
            ("application.part_a3.addresses[1].from", "2020-13"),
            ("application.part_a2.members[0].family", "f1"),
            ("application.part_b.grounds", "race"),
            ("application.part_b.grounds", "religion"),
            ("application.part_a1.also_cat", "true"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()));
        let f = from_form(&fields);
        assert_eq!(f.doc["part_a3"]["addresses"].as_array().unwrap().len(), 1);
        assert!(
            f.doc
                .get("part_a2")
                .and_then(|p| p.get("members"))
                .is_none(),
            "a member with nothing typed is not kept"
        );
        assert_eq!(
            f.doc["part_b"]["grounds"],
            serde_json::json!(["race", "religion"])
        );
        assert_eq!(f.doc["part_a1"]["also_cat"], Value::Bool(true));
        assert_eq!(
            f.form_path("application.part_a3.addresses[0].from"),
            "application.part_a3.addresses[1].from"
        );
    }

    #[test]
    fn an_anchor_is_a_valid_element_id_for_any_path() {
        assert_eq!(
            anchor("application.part_a3.addresses[2].to"),
            "a-application-part_a3-addresses-2--to"
        );
        assert_eq!(
            generic("application.part_a3.addresses[2].to"),
            "application.part_a3.addresses[].to"
        );
    }
}
