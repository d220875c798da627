//! Form controls for facts, written as HTML: each with its label, the value
//! as typed, and its error in place (`aria-invalid`, `aria-describedby`).
//! Every text is escaped here; templates insert the result as it is.

use std::collections::HashMap;
use std::fmt::Write;

use serde_json::Value;

use crate::facts::form::{self as facts_form, Field, Kind, Section, Shape};
use crate::http::lang;
use refuge_i18n::{Lang, tr};

pub use crate::http::view::esc;

/// An element id from a fact path (`harms[h1].severe` → `f-harms-h1--severe`).
fn element_id(path: &str) -> String {
    let mut id = String::from("f-");
    for c in path.chars() {
        id.push(if c.is_ascii_alphanumeric() || c == '_' {
            c
        } else {
            '-'
        });
    }
    id
}

/// An enumerated value in words (`without_inspection` → `without inspection`, `in_us` → `in US`).
pub fn words(v: &str) -> String {
    v.split('_')
        .map(|w| match w {
            "us" => "US",
            "fgm" => "FGM",
            "cbp" => "CBP",
            w => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What the form shows: the values as typed (after a failed save) or as stored, and the errors.
pub struct FormState<'a> {
    /// The language of the form's own words (entries, removing one); the
    /// facts' labels are the table's.
    pub lang: Lang,
    pub doc: &'a Value,
    pub typed: &'a HashMap<String, String>,
    pub errors: &'a HashMap<String, String>,
}

impl FormState<'_> {
    /// The value as typed, else as stored: countries by name.
    fn value(&self, path: &str, kind: Kind) -> String {
        match (self.typed.get(path), kind) {
            (Some(t), _) => t.clone(),
            (None, Kind::Country | Kind::Countries) => {
                facts_form::show_countries(self.lang, facts_form::get(self.doc, path))
            }
            (None, _) => facts_form::show(facts_form::get(self.doc, path)),
        }
    }
}

/// A select's options after its empty one: `value` selected; a value the
/// list lacks (typed elsewhere, the API) stays visible and selected, and is
/// reported on save.
pub fn options_of(out: &mut String, options: &[(&str, String)], value: &str) {
    let mut known = value.is_empty();
    for (v, text) in options {
        let sel = if *v == value {
            known = true;
            " selected"
        } else {
            ""
        };
        let _ = write!(
            out,
            "<option value=\"{}\"{sel}>{}</option>",
            esc(v),
            esc(text)
        );
    }
    if !known {
        let _ = write!(
            out,
            "<option value=\"{0}\" selected>{0}</option>",
            esc(value)
        );
    }
}

/// One labelled control for the fact at `path`.
pub fn control(out: &mut String, path: &str, field: &Field, st: &FormState<'_>) {
    let id = element_id(path);
    let value = st.value(path, field.kind);
    let error = st.errors.get(path);
    let (name, idq) = (esc(path), esc(&id));
    let help_text = facts_form::help_in(st.lang, path, field);
    let help = (!help_text.is_empty()).then_some(help_text.as_str());
    let described: Vec<String> = [
        help.map(|_| format!("{idq}-help")),
        error.map(|_| format!("{idq}-error")),
    ]
    .into_iter()
    .flatten()
    .collect();
    let mut aria = String::new();
    if error.is_some() {
        aria.push_str(" aria-invalid=\"true\"");
    }
    if !described.is_empty() {
        let _ = write!(aria, " aria-describedby=\"{}\"", described.join(" "));
    }
    let _ = write!(
        out,
        "<div class=\"field\"><label for=\"{idq}\">{}</label>",
        esc(&facts_form::label_in(st.lang, path))
    );
    match field.kind {
        Kind::Bool | Kind::Choice(_) => {
            let options: Vec<(&str, String)> = match field.kind {
                Kind::Choice(values) => values
                    .iter()
                    .map(|v| (*v, facts_form::choice_in(st.lang, v)))
                    .collect(),
                _ => vec![
                    ("true", tr(st.lang, "application-yes")),
                    ("false", tr(st.lang, "application-no")),
                ],
            };
            let _ = write!(
                out,
                "<select id=\"{idq}\" name=\"{name}\"{aria}><option value=\"\">unknown</option>"
            );
            options_of(out, &options, &value);
            out.push_str("</select>");
        }
        Kind::Prose => {
            let _ = write!(
                out,
                "<textarea id=\"{idq}\" name=\"{name}\" rows=\"5\" maxlength=\"20000\"{aria}>{}</textarea>",
                esc(&value)
            );
        }
        kind => {
            let (ty, extra) = match kind {
                // Bounds as the engine's (the calendar's years; 100 years of
                // days; a sentence of at most 200 years).
                Kind::Date => ("date", " min=\"1800-01-01\" max=\"2200-12-31\""),
                Kind::Int => ("number", " min=\"0\" max=\"36525\" step=\"1\""),
                Kind::Number => ("number", " min=\"0\" max=\"200\" step=\"any\""),
                // Picked by name from the list (`country_list`), stored as the code.
                Kind::Country => ("text", " list=\"country-names\" autocomplete=\"off\""),
                // A ground's group is picked among those defined (`group_list`),
                // or a definition typed for a new one.
                Kind::Text if path.ends_with(".group") => ("text", " list=\"group-ids\""),
                _ => ("text", ""),
            };
            let _ = write!(
                out,
                "<input id=\"{idq}\" name=\"{name}\" type=\"{ty}\"{extra} value=\"{}\"{aria}>",
                esc(&value)
            );
        }
    }
    field_notes(out, &idq, help, error.map(String::as_str));
}

/// A field's help and error paragraphs (ids `<id>-help`, `<id>-error`, which
/// its control's `aria-describedby` names), and the end of its `div`.
pub fn field_notes(out: &mut String, idq: &str, help: Option<&str>, error: Option<&str>) {
    if let Some(h) = help {
        let _ = write!(
            out,
            "<p class=\"field-help\" id=\"{idq}-help\">{}</p>",
            esc(h)
        );
    }
    if let Some(e) = error {
        let _ = write!(
            out,
            "<p class=\"field-error\" id=\"{idq}-error\">{}</p>",
            esc(e)
        );
    }
    out.push_str("</div>");
}

/// The entries of a list section as stored: their keys (`0`, `1` or ids).
fn entry_keys(doc: &Value, list_path: &str, keyed: bool) -> Vec<String> {
    let Some(items) = facts_form::get(doc, list_path).and_then(Value::as_array) else {
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .map(
            |(i, e)| match (keyed, e.get("id").and_then(Value::as_str)) {
                (true, Some(id)) => id.to_string(),
                _ => i.to_string(),
            },
        )
        .collect()
}

/// The controls of one entry of a list (or of an object section).
/// A fact not asked of this entry ([`facts_form::not_asked`]: days
/// detained of a feared harm) has no control.
fn entry(out: &mut String, prefix: &str, fields: &[Field], st: &FormState<'_>) {
    for field in fields {
        let path = format!("{prefix}.{}", field.name);
        if !facts_form::not_asked(st.doc, &path) {
            control(out, &path, field, st);
        }
    }
}

fn remove_box(out: &mut String, entry_path: &str, lang: Lang) {
    let id = element_id(&format!("{entry_path}._remove"));
    let _ = write!(
        out,
        "<div class=\"check\"><input type=\"checkbox\" id=\"{0}\" name=\"{1}._remove\" value=\"on\"><label for=\"{0}\">{2}</label></div>",
        esc(&id),
        esc(entry_path),
        esc(&tr(lang, "facts-remove-entry"))
    );
}

/// A whole section of the structured form: an object's fields, or each
/// entry of a list and one blank entry to add another.
pub fn section(sec: &Section, st: &FormState<'_>) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<fieldset class=\"section\" id=\"s-{}\"><legend>{}</legend>",
        sec.key,
        esc(&facts_form::title_in(st.lang, sec))
    );
    if let Some(e) = st.errors.get(sec.key) {
        let _ = write!(out, "<p class=\"field-error\">{}</p>", esc(e));
    }
    match sec.shape {
        Shape::Object => {
            entry(&mut out, sec.key, sec.fields, st);
            out.push_str("</fieldset>");
            return out;
        }
        Shape::Top => {
            for field in sec.fields {
                control(&mut out, field.name, field, st);
            }
            out.push_str("</fieldset>");
            return out;
        }
        Shape::List | Shape::Keyed => {}
    }
    let keyed = sec.shape == Shape::Keyed;
    let keys = entry_keys(st.doc, sec.key, keyed);
    let next_index = keys.len().to_string();
    let blank = if keyed { "new" } else { next_index.as_str() };
    for (n, key) in keys.iter().map(String::as_str).chain([blank]).enumerate() {
        let path = format!("{}[{key}]", sec.key);
        let is_new = n == keys.len();
        let heading = if is_new {
            tr(st.lang, "facts-add-another")
        } else {
            lang::tr(st.lang, "facts-entry", &[("n", &(n + 1))])
        };
        let _ = write!(
            out,
            "<fieldset class=\"entry{}\"><legend>{}</legend>",
            if is_new { " new" } else { "" },
            esc(&heading)
        );
        entry(&mut out, &path, sec.fields, st);
        if let Some((nested, fields)) = sec.nested
            && !is_new
        {
            let list = format!("{path}.{nested}");
            let nested_keys = entry_keys(st.doc, &list, false);
            for (m, k) in nested_keys
                .iter()
                .map(String::as_str)
                .chain([nested_keys.len().to_string().as_str()])
                .enumerate()
            {
                let npath = format!("{list}[{k}]");
                let new_one = m == nested_keys.len();
                let legend = if new_one {
                    tr(st.lang, "facts-add-ground")
                } else {
                    lang::tr(st.lang, "facts-ground", &[("n", &(m + 1))])
                };
                let _ = write!(
                    out,
                    "<fieldset class=\"nested\"><legend>{}</legend>",
                    esc(&legend)
                );
                entry(&mut out, &npath, fields, st);
                if !new_one {
                    remove_box(&mut out, &npath, st.lang);
                }
                out.push_str("</fieldset>");
            }
        }
        if !is_new {
            remove_box(&mut out, &path, st.lang);
        }
        out.push_str("</fieldset>");
    }
    out.push_str("</fieldset>");
    out
}

/// The controls that answer one interview question: the fact's own control,
/// or for a list with no entries (`harms`), the fields of a first entry and a
/// "none" box.
pub fn answer(fact: &str, st: &FormState<'_>) -> Vec<String> {
    if let Some((_, field)) = facts_form::field_of(fact) {
        let mut out = String::new();
        control(&mut out, fact, field, st);
        return vec![out];
    }
    let Some((fields, keyed)) = facts_form::list_of(fact) else {
        return Vec::new();
    };
    let key = if keyed { "new" } else { "0" };
    // A first entry's facts of a harm that happened wait for the facts form:
    // whether it happened or is feared is asked in the same breath.
    let mut controls: Vec<String> = fields
        .iter()
        .filter(|f| f.name != "id" && !facts_form::is_past_only(&format!("{fact}.{}", f.name)))
        .map(|field| {
            let mut out = String::new();
            control(
                &mut out,
                &format!("{fact}[{key}].{}", field.name),
                field,
                st,
            );
            out
        })
        .collect();
    let id = element_id(&format!("{fact}._none"));
    let none = lang::tr(
        st.lang,
        "facts-none-of",
        &[("what", &words(fact.rsplit('.').next().unwrap_or(fact)))],
    );
    controls.push(format!(
        "<div class=\"check\"><input type=\"checkbox\" id=\"{0}\" name=\"{1}._none\" value=\"on\"><label for=\"{0}\">{2}</label></div>",
        esc(&id),
        esc(fact),
        esc(&none)
    ));
    controls
}

/// The groups the document defines, for a ground's group
/// (`list="group-ids"`): each option's value is the group's id, its label the
/// group's definition.
pub fn group_list(doc: &Value) -> String {
    let mut out = String::from("<datalist id=\"group-ids\">");
    for (i, g) in facts_form::get(doc, "groups")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .enumerate()
    {
        let id = g
            .get("id")
            .and_then(Value::as_str)
            .map_or_else(|| i.to_string(), str::to_string);
        let definition = g.get("definition").and_then(Value::as_str).unwrap_or("");
        let _ = write!(
            out,
            "<option value=\"{}\" label=\"{}\">",
            esc(&id),
            esc(definition)
        );
    }
    out.push_str("</datalist>");
    out
}

/// The countries by name for a country's field (`list="country-names"`):
/// each option's value is the name in `lang` a user types to find it and
/// picks (`locales/<language>/countries.ftl`), its label the ISO 3166-1
/// code the facts store (the form reads either, and a name in any
/// language). Rendered once on a page that has such a field.
pub fn country_list(lang: Lang) -> &'static str {
    static LISTS: std::sync::OnceLock<Vec<(Lang, String)>> = std::sync::OnceLock::new();
    let lists = LISTS.get_or_init(|| {
        Lang::all()
            .map(|l| {
                let mut out = String::from("<datalist id=\"country-names\">");
                for (code, name) in facts_form::countries(l) {
                    let _ = write!(
                        out,
                        "<option value=\"{}\" label=\"{}\">",
                        esc(name),
                        esc(code)
                    );
                }
                out.push_str("</datalist>");
                (l, out)
            })
            .collect()
    });
    lists
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or("", |(_, list)| list.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fact_at_the_top_of_the_document_has_its_control_its_help_and_its_error() {
        let doc = serde_json::json!({"family_unity": true});
        let typed = HashMap::new();
        let errors: HashMap<String, String> = [(
            "family_unity".to_string(),
            "choose yes, no or unknown".to_string(),
        )]
        .into();
        let st = FormState {
            lang: Lang::english(),
            doc: &doc,
            typed: &typed,
            errors: &errors,
        };
        let sec = facts_form::SECTIONS
            .iter()
            .find(|s| s.shape == Shape::Top)
            .expect("a group of top-level facts");
        let html = section(sec, &st);
        assert!(
            html.contains(
                r#"<select id="f-family_unity" name="family_unity" aria-invalid="true" aria-describedby="f-family_unity-help f-family_unity-error">"#
            ),
            "{html}"
        );
        assert!(html.contains(r#"<option value="true" selected>yes</option>"#));
        assert!(
            html.contains(
                r#"<p class="field-help" id="f-family_unity-help">In removal proceedings"#
            )
        );
        assert!(html.contains(
            r#"<p class="field-error" id="f-family_unity-error">choose yes, no or unknown</p>"#
        ));
        // A field without help is described by its error alone.
        let (_, field) = facts_form::field_of("applicant.birth_date").unwrap();
        let mut out = String::new();
        control(&mut out, "applicant.birth_date", field, &st);
        assert!(
            !out.contains("aria-describedby") && !out.contains("field-help"),
            "{out}"
        );
    }
}
