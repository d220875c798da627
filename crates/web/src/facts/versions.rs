//! Versions of a facts document: the changes between two, and a three-way
//! merge of two saves made from the same version (field by field; where both
//! changed one field, a conflict to choose).

use serde::Serialize;
use serde_json::Value;

use super::form::{get, set, show};

/// One difference between two versions of a facts document.
#[derive(Debug, Clone, Serialize, serde::Deserialize, PartialEq)]
pub struct Change {
    pub path: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// What changed from `old` to `new`, leaf by leaf, with paths as the engine names facts.
pub fn changes(old: &Value, new: &Value) -> Vec<Change> {
    fn leaves(prefix: &str, v: &Value, out: &mut Vec<(String, String)>) {
        match v {
            Value::Object(m) => {
                for (k, x) in m {
                    let p = if prefix.is_empty() {
                        k.clone()
                    } else {
                        format!("{prefix}.{k}")
                    };
                    leaves(&p, x, out);
                }
            }
            Value::Array(a) if !a.is_empty() && a.iter().all(Value::is_object) => {
                for (i, x) in a.iter().enumerate() {
                    let key = match x.get("id").and_then(Value::as_str) {
                        Some(id) => id.to_string(),
                        None => i.to_string(),
                    };
                    let p = format!("{prefix}[{key}]");
                    let before = out.len();
                    leaves(&p, x, out);
                    if out.len() == before {
                        out.push((p, "{}".into()));
                    }
                }
            }
            Value::Null => {}
            other => out.push((prefix.to_string(), show(Some(other)))),
        }
    }
    let (mut a, mut b) = (Vec::new(), Vec::new());
    leaves("", old, &mut a);
    leaves("", new, &mut b);
    let old_map: std::collections::BTreeMap<_, _> = a.into_iter().collect();
    let new_map: std::collections::BTreeMap<_, _> = b.into_iter().collect();
    let mut out = Vec::new();
    for (path, after) in &new_map {
        match old_map.get(path) {
            Some(before) if before == after => {}
            before => out.push(Change {
                path: path.clone(),
                before: before.cloned(),
                after: Some(after.clone()),
            }),
        }
    }
    for (path, before) in &old_map {
        if !new_map.contains_key(path) {
            out.push(Change {
                path: path.clone(),
                before: Some(before.clone()),
                after: None,
            });
        }
    }
    out.sort_by(|x, y| x.path.cmp(&y.path));
    out
}

/// A fact changed on both sides of a merge, to different values.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub path: String,
    /// The value this user saved (`None`: they cleared it).
    pub mine: Option<String>,
    /// The value saved meanwhile by someone else.
    pub theirs: Option<String>,
}

/// A three-way merge of facts documents, fact by fact: `base` is the version
/// a form was opened on, `mine` that version with the form's changes, and
/// `theirs` the version saved since. Every fact only one side changed takes
/// that side's value; a fact both changed alike is kept; a fact both changed
/// differently is a [`Conflict`] (and keeps `theirs` in the result). A fact
/// nobody touched is never overwritten.
pub fn merge(base: &Value, mine: &Value, theirs: &Value) -> (Value, Vec<Conflict>) {
    let by_path = |changes: Vec<Change>| -> std::collections::BTreeMap<String, Option<String>> {
        changes.into_iter().map(|c| (c.path, c.after)).collect()
    };
    let (my, their) = (by_path(changes(base, mine)), by_path(changes(base, theirs)));
    let mut doc = theirs.clone();
    let mut conflicts = Vec::new();
    for (path, after) in &my {
        match their.get(path) {
            Some(t) if t == after => {}
            Some(t) => conflicts.push(Conflict {
                path: path.clone(),
                mine: after.clone(),
                theirs: t.clone(),
            }),
            None => {
                let value = get(mine, path).cloned().unwrap_or(Value::Null);
                if set(&mut doc, path, value).is_err() {
                    conflicts.push(Conflict {
                        path: path.clone(),
                        mine: after.clone(),
                        theirs: show(get(theirs, path)).into(),
                    });
                }
            }
        }
    }
    drop_emptied_entries(&mut doc, mine);
    (doc, conflicts)
}

/// Removes the list entries a merge left empty (every fact of an entry this
/// user removed), unless this user's own version has such an entry.
fn drop_emptied_entries(doc: &mut Value, mine: &Value) {
    fn empty(e: &Value) -> bool {
        e.as_object().is_some_and(|m| m.keys().all(|k| k == "id"))
    }
    match doc {
        Value::Object(m) => {
            for (k, v) in m.iter_mut() {
                drop_emptied_entries(v, mine.get(k).unwrap_or(&Value::Null));
            }
        }
        Value::Array(a) => {
            let kept: Vec<&Value> = mine
                .as_array()
                .map(|m| m.iter().collect())
                .unwrap_or_default();
            a.retain(|e| !empty(e) || kept.contains(&e));
            for (i, e) in a.iter_mut().enumerate() {
                let id = e.get("id").cloned();
                let theirs_mine = kept
                    .iter()
                    .find(|m| id.is_some() && m.get("id") == id.as_ref())
                    .copied()
                    .or_else(|| kept.get(i).copied())
                    .unwrap_or(&Value::Null);
                drop_emptied_entries(e, theirs_mine);
            }
        }
        _ => {}
    }
}
