//! The structured facts form as `POST /cases/{id}/facts` reads it: any
//! urlencoded body, decoded as the `Posted` extractor decodes it, applied to
//! the stored facts by `facts::form::apply_form`, then what saving does with
//! the result (the engine's check, every error at its field, the merge with a
//! version saved meanwhile), without a panic.
//!
//! A field `_base` (ignored by the form, as every name starting with `_`)
//! carries the stored facts document the form was opened on; it is used
//! only if the engine accepts it, as the workspace stores no other.
#![no_main]

use libfuzzer_sys::fuzz_target;
use refuge_engine::{Case, Law};
use refuge_web::cases::service::form_path;
use refuge_web::facts::form;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let today = jiff::civil::date(2026, 6, 15);
    // As `http::extract::form_fields` decodes a body.
    let Ok(fields) = serde_urlencoded::from_bytes::<Vec<(String, String)>>(data) else {
        return;
    };
    if fields.iter().any(|(_, v)| {
        v.chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    }) {
        return;
    }
    let base = fields
        .iter()
        .find(|(k, _)| k == "_base")
        .and_then(|(_, v)| Case::from_json(v, today).ok().map(|_| v))
        .and_then(|v| serde_json::from_str::<Value>(v).ok())
        .unwrap_or_else(|| Value::Object(Default::default()));

    let mut doc = base.clone();
    let errors = form::apply_form(&mut doc, &fields);
    for (path, _) in &errors {
        let _ = form::label_of(path);
    }
    for (name, _) in &fields {
        let _ = form::label_of(name);
        let _ = form::is_judgment(name);
        let _ = form::premise_unmet(&doc, name);
        let _ = form::not_asked(&doc, name);
    }
    if !errors.is_empty() {
        return;
    }
    let _ = form::changes(&base, &doc);
    let _ = form::free_text(&doc);
    // Saved on a version someone else has changed since: the merge.
    let _ = form::merge(&base, &doc, &base);
    let _ = form::merge(&base, &base, &doc);

    // The engine's check, and on a refusal every error at its field, as
    // `cases::service::all_errors` finds them.
    match Case::from_json(&doc.to_string(), today) {
        Ok(case) => {
            let a = refuge_engine::assess(&case, Law::embedded());
            let _ = refuge_report::html_sections(&a);
        }
        Err(_) => {
            let mut rest = doc.clone();
            let mut found: Vec<String> = Vec::new();
            while found.len() < 50 {
                let Err(e) = Case::from_json(&rest.to_string(), today) else {
                    break;
                };
                let path = form_path(&doc, &e.field);
                let _ = form::label_of(&path);
                if found.contains(&path) || form::set(&mut rest, &e.field, Value::Null).is_err() {
                    break;
                }
                found.push(path);
            }
        }
    }
});
