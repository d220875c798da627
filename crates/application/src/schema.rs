//! Every field of the case document, found by asking serde: each struct of
//! the document denies unknown fields, so a document with an unknown one is
//! refused with the list of the fields that struct has. Walking down from the
//! top, this learns every field and whether it is an object, a list of
//! objects or a value, so that the form's data and `docs/` can be compared
//! with the types both ways, without a copy of the list kept by hand.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::RawDocument;

/// What a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Object,
    ListOfObjects,
    /// A value, or a list of values.
    Value,
}

#[derive(Clone)]
enum Seg {
    Key(String),
    Each,
}

const NO_FIELD: &str = "zz_no_such_field";

fn document(segs: &[Seg], leaf: Value) -> Value {
    segs.iter().rev().fold(leaf, |inner, seg| match seg {
        Seg::Key(k) => json!({ k.as_str(): inner }),
        Seg::Each => json!([inner]),
    })
}

fn struct_fields(segs: &[Seg]) -> Option<Vec<String>> {
    let mut probe = segs.to_vec();
    probe.push(Seg::Key(NO_FIELD.into()));
    let m = match serde_json::from_value::<RawDocument>(document(&probe, Value::Null)) {
        Ok(_) => return None,
        Err(e) => e.to_string(),
    };
    if !m.starts_with(&format!("unknown field `{NO_FIELD}`")) {
        return None;
    }
    let (_, list) = m.split_once("expected")?;
    Some(
        list.split('`')
            .enumerate()
            .filter(|(i, _)| i % 2 == 1)
            .map(|(_, s)| s.to_string())
            .collect(),
    )
}

/// Every path below `root` (`application` or `facts`), with `[]` for each
/// entry of a list (`application.part_a3.addresses[].to`), and its kind.
pub fn paths(root: &str) -> BTreeMap<String, Kind> {
    // `segs` is the probe's way down; `path` the same in words.
    fn walk(segs: &[Seg], path: &str, out: &mut BTreeMap<String, Kind>) {
        for name in struct_fields(segs).unwrap_or_default() {
            let here = format!("{path}.{name}");
            let mut field = segs.to_vec();
            field.push(Seg::Key(name));
            let mut each = field.clone();
            each.push(Seg::Each);
            let kind = if struct_fields(&field).is_some() {
                walk(&field, &here, out);
                Kind::Object
            } else if struct_fields(&each).is_some() {
                walk(&each, &format!("{here}[]"), out);
                Kind::ListOfObjects
            } else {
                Kind::Value
            };
            out.insert(here, kind);
        }
    }
    let mut out = BTreeMap::new();
    walk(&[Seg::Key(root.into())], root, &mut out);
    out
}

/// Whether the document accepts `null` at `path` (a path of [`paths`], with
/// `[]` for a list's entry): serde reads `null` as absent for an optional
/// field and refuses it for the others, so the API's schema must say which.
pub fn accepts_null(path: &str) -> bool {
    let segs: Vec<Seg> = path
        .split('.')
        .flat_map(|seg| match seg.strip_suffix("[]") {
            Some(k) => vec![Seg::Key(k.into()), Seg::Each],
            None => vec![Seg::Key(seg.into())],
        })
        .collect();
    serde_json::from_value::<RawDocument>(document(&segs, Value::Null)).is_ok()
}

/// The sections of the application that are not items of Form I-589: the
/// timeline of events and the evidence statuses (`application.timeline`,
/// `application.evidence`).
pub const BESIDE_THE_FORM: [&str; 2] = ["application.timeline", "application.evidence"];

/// Whether `path` is in a section that is not an item of the form.
pub fn beside_the_form(path: &str) -> bool {
    BESIDE_THE_FORM.iter().any(|s| {
        path.strip_prefix(s)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
    })
}
