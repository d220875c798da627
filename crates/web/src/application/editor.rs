//! The application's editing form, written as HTML from the form data: one
//! section per part, each item with its number and label, its control (by
//! [`fields::widget`]), the value as typed or stored, and its error in place.
//! Items the facts hold are shown read-only with a link to the facts form.
//! Every element's id is [`fields::anchor`] of its path, which the readiness
//! page links to. Every text is escaped here.

use std::collections::HashMap;
use std::fmt::Write;

use refuge_application::form::{Form, Item};
use serde_json::Value;

use super::fields::{self, ROW_LISTS, Widget};
use crate::facts::widgets::esc;
use crate::http::lang;
use refuge_i18n::{Lang, tr};

/// What the form shows: the stored documents, and what was typed with its errors.
pub struct View<'a> {
    /// The language of the form's own words (rows, buttons); the items'
    /// labels are the form data's.
    pub lang: Lang,
    pub case_id: &'a str,
    pub facts: &'a Value,
    pub app: &'a Value,
    pub typed: &'a HashMap<String, String>,
    pub errors: &'a HashMap<String, String>,
}

impl View<'_> {
    /// The value at an `application.…` path, as typed or as stored.
    fn value(&self, path: &str) -> String {
        if let Some(t) = self.typed.get(path) {
            return t.clone();
        }
        let rel = path.strip_prefix("application.").unwrap_or(path);
        fields::show(fields::get(self.app, rel))
    }

    fn fact(&self, path: &str) -> String {
        let rel = path.strip_prefix("facts.").unwrap_or(path);
        match fields::get(self.facts, rel) {
            None | Some(Value::Null) => tr(self.lang, "application-not-entered"),
            Some(Value::Array(a)) if a.iter().all(Value::is_object) => {
                lang::tr(self.lang, "application-entered", &[("count", &a.len())])
            }
            v => fields::show(v),
        }
    }

    /// How many rows of a list to show: those stored, and any typed beyond them.
    fn rows(&self, list: &str) -> usize {
        let rel = list.strip_prefix("application.").unwrap_or(list);
        let stored = fields::get(self.app, rel)
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        let prefix = format!("{list}[");
        let typed = self
            .typed
            .keys()
            .filter_map(|k| k.strip_prefix(&prefix))
            .filter_map(|r| r.split(']').next()?.parse::<usize>().ok())
            .map(|i| i + 1)
            .max()
            .unwrap_or(0);
        stored.max(typed)
    }
}

/// The link to a fact's control in the facts form (`facts.applicant.birth_date`
/// → `/cases/ID/facts#f-applicant-birth_date`; an entry, to its section).
pub fn facts_link(case_id: &str, facts: &Value, path: &str) -> String {
    let rel = path.strip_prefix("facts.").unwrap_or(path);
    let leaf = !rel.ends_with(']') && rel.contains('.');
    let fragment = if leaf {
        let named = crate::cases::service::form_path(facts, rel);
        let mut id = String::from("f-");
        id.extend(named.chars().map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '-'
            }
        }));
        id
    } else {
        format!("s-{}", rel.split(['.', '[']).next().unwrap_or(rel))
    };
    format!("/cases/{case_id}/facts#{fragment}")
}

fn label(item: &Item) -> String {
    if item.number.is_empty() || item.number == "-" {
        item.label.clone()
    } else {
        format!("{}. {}", item.number, item.label)
    }
}

/// One labelled control for the application item at `path`.
fn control(out: &mut String, item: &Item, path: &str, v: &View<'_>) {
    let w = fields::widget(&item.path);
    let id = fields::anchor(path);
    let value = v.value(path);
    let error = v.errors.get(path);
    let (name, idq) = (esc(path), esc(&id));
    let hint = fields::hint(&w);
    let mut described = Vec::new();
    if !hint.is_empty() {
        described.push(format!("{idq}-help"));
    }
    if error.is_some() {
        described.push(format!("{idq}-error"));
    }
    let mut aria = String::new();
    if error.is_some() {
        aria.push_str(" aria-invalid=\"true\"");
    }
    if !described.is_empty() {
        let _ = write!(aria, " aria-describedby=\"{}\"", described.join(" "));
    }
    if let Widget::Key = w {
        let _ = write!(
            out,
            "<input type=\"hidden\" name=\"{name}\" value=\"{}\">",
            esc(&value)
        );
        return;
    }
    if let Widget::Many(options) = &w {
        let chosen: Vec<&str> = value.split(',').map(str::trim).collect();
        let _ = write!(
            out,
            "<fieldset class=\"field\" id=\"{idq}\"{}><legend>{}</legend>",
            if error.is_some() {
                format!(" aria-describedby=\"{idq}-error\"")
            } else {
                String::new()
            },
            esc(&label(item))
        );
        for o in options {
            let oid = format!("{id}-{o}");
            let checked = if chosen.contains(o) { " checked" } else { "" };
            let _ = write!(
                out,
                "<div class=\"check\"><input type=\"checkbox\" id=\"{0}\" name=\"{name}\" value=\"{1}\"{checked}><label for=\"{0}\">{2}</label></div>",
                esc(&oid),
                esc(o),
                esc(&crate::facts::widgets::words(o))
            );
        }
        if let Some(e) = error {
            let _ = write!(
                out,
                "<p class=\"field-error\" id=\"{idq}-error\">{}</p>",
                esc(e)
            );
        }
        out.push_str("</fieldset>");
        return;
    }
    let _ = write!(
        out,
        "<div class=\"field\"><label for=\"{idq}\">{}</label>",
        esc(&label(item))
    );
    match &w {
        Widget::Choice(_) | Widget::Flag => {
            let options: Vec<(&str, String)> = match &w {
                Widget::Choice(vs) => vs
                    .iter()
                    .map(|v| (*v, crate::facts::widgets::words(v)))
                    .collect(),
                _ => vec![
                    ("true", tr(v.lang, "application-yes")),
                    ("false", tr(v.lang, "application-no")),
                ],
            };
            let _ = write!(
                out,
                "<select id=\"{idq}\" name=\"{name}\"{aria}><option value=\"\">{}</option>",
                esc(&tr(v.lang, "application-history-not-answered"))
            );
            crate::facts::widgets::options_of(out, &options, &value);
            out.push_str("</select>");
        }
        Widget::Prose => {
            let _ = write!(
                out,
                "<textarea id=\"{idq}\" name=\"{name}\" rows=\"4\" maxlength=\"20000\"{aria}>{}</textarea>",
                esc(&value)
            );
        }
        _ => {
            let _ = write!(
                out,
                "<input id=\"{idq}\" name=\"{name}\" type=\"text\" value=\"{}\"{aria}>",
                esc(&value)
            );
        }
    }
    let help = (!hint.is_empty()).then_some(hint);
    crate::facts::widgets::field_notes(out, &idq, help, error.map(String::as_str));
}

/// A fact the facts hold, shown read-only with a link to change it there.
fn fact(out: &mut String, item: &Item, path: &str, v: &View<'_>) {
    let _ = write!(
        out,
        "<div class=\"field fact\" id=\"{}\"><p><span class=\"muted\">{}</span><br>{} <a href=\"{}\">{}</a></p></div>",
        esc(&fields::anchor(path)),
        esc(&label(item)),
        esc(&v.fact(path)),
        esc(&facts_link(v.case_id, v.facts, path)),
        esc(&tr(v.lang, "application-edit-in-facts"))
    );
}

/// The rows of a list: each stored (or typed) row, then, for the members
/// and entries, a row for each family member or arrival of the facts that
/// has none, else one blank row to add another.
fn list(out: &mut String, form: &Form, header: &Item, v: &View<'_>) {
    let list = header.path.as_str();
    let _ = write!(
        out,
        "<fieldset class=\"section\" id=\"{}\"><legend>{}</legend>",
        esc(&fields::anchor(list)),
        esc(&label(header))
    );
    if let Some(e) = v.errors.get(list) {
        let _ = write!(out, "<p class=\"field-error\">{}</p>", esc(e));
    }
    let row_items: Vec<&Item> = form
        .items
        .iter()
        .filter(|i| i.path.starts_with(&format!("{list}[].")))
        .collect();
    // The facts' list each row refers to, and the key naming an entry of it.
    let facts_list = match list {
        "application.part_a2.members" => Some(("family", "facts.family")),
        "application.part_a1.entries" => Some(("arrival", "facts.arrivals")),
        _ => None,
    };
    let mut keys: Vec<Option<String>> = (0..v.rows(list))
        .map(|i| facts_list.map(|(key, _)| v.value(&format!("{list}[{i}].{key}"))))
        .collect();
    let blank = match facts_list {
        Some((key, facts)) => {
            let rel = facts.trim_start_matches("facts.");
            let entries = fields::get(v.facts, rel)
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            for (k, e) in entries.iter().enumerate() {
                let name = if key == "family" {
                    e.get("id")
                        .and_then(Value::as_str)
                        .unwrap_or("")
                        .to_string()
                } else {
                    k.to_string()
                };
                if !name.is_empty() && !keys.contains(&Some(name.clone())) {
                    keys.push(Some(name));
                }
            }
            false
        }
        None => true,
    };
    if blank {
        keys.push(None);
    }
    let stored = v.rows(list);
    for (i, key) in keys.iter().enumerate() {
        let row = format!("{list}[{i}]");
        let heading = match (facts_list, key) {
            (Some(("family", _)), Some(id)) => {
                let relation = facts_index(v.facts, "family", id)
                    .and_then(|j| v.facts["family"][j].get("relation").and_then(Value::as_str))
                    .unwrap_or("member");
                let relation = crate::facts::widgets::words(relation);
                lang::tr(
                    v.lang,
                    "application-family-member",
                    &[("id", id), ("relation", &relation)],
                )
            }
            (Some(("arrival", _)), Some(k)) => {
                let n = k
                    .parse::<usize>()
                    .map_or(k.clone(), |k| (k + 1).to_string());
                lang::tr(v.lang, "application-arrival-entry", &[("n", &n)])
            }
            _ if i >= stored => tr(v.lang, "facts-add-another"),
            _ => lang::tr(v.lang, "application-row", &[("n", &(i + 1))]),
        };
        let _ = write!(
            out,
            "<fieldset class=\"entry\" id=\"{}\"><legend>{}</legend>",
            esc(&fields::anchor(&row)),
            esc(&heading)
        );
        for item in &row_items {
            let path = item.path.replacen("[]", &format!("[{i}]"), 1);
            if path.ends_with(".family") || path.ends_with(".arrival") {
                let _ = write!(
                    out,
                    "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
                    esc(&path),
                    esc(key.as_deref().unwrap_or(""))
                );
                continue;
            }
            control(out, item, &path, v);
        }
        // The facts' own items of this entry, read-only.
        if let (Some((key_name, facts)), Some(key)) = (facts_list, key) {
            let j = if key_name == "family" {
                facts_index(v.facts, "family", key)
            } else {
                key.parse().ok()
            };
            if let Some(j) = j {
                for item in form
                    .items
                    .iter()
                    .filter(|it| it.path.starts_with(&format!("{facts}[].")))
                {
                    let path = item.path.replacen("[]", &format!("[{j}]"), 1);
                    fact(out, item, &path, v);
                }
            }
        }
        out.push_str("</fieldset>");
    }
    out.push_str("</fieldset>");
}

fn facts_index(facts: &Value, list: &str, id: &str) -> Option<usize> {
    facts
        .get(list)?
        .as_array()?
        .iter()
        .position(|e| e.get("id").and_then(Value::as_str) == Some(id))
}

/// Each part's id (its anchor `s-<id>`), title, and controls.
pub fn sections(form: &Form, v: &View<'_>) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    for part in &form.parts {
        let mut html = String::new();
        for item in form.items.iter().filter(|i| i.part == part.id) {
            let path = item.path.as_str();
            if path.contains("[]") {
                continue;
            }
            if ROW_LISTS.contains(&path) {
                list(&mut html, form, item, v);
            } else if path.starts_with("facts.") {
                fact(&mut html, item, path, v);
            } else {
                control(&mut html, item, path, v);
            }
        }
        out.push((part.id.clone(), part.title.clone(), html));
    }
    out
}
