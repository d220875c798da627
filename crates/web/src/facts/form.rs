//! The facts document of `spec/facts.md` as forms: one table of every fact
//! (its section, name, kind and label) drives both the structured form and
//! the interview, reads and writes a fact by its path (`harms[h1].severe`,
//! `arrivals[0].date`, `conduct.persecuted_others`), and lists what changed
//! between two versions.
//!
//! Architecture invariant: this module decides nothing about the law. What a
//! value means is the engine's business; the engine's parser has the last word
//! on whether a document is valid (`Case::from_json`), and its error names the
//! field, which the form shows in place.

pub use super::countries::{countries, country_name, show_countries};
use super::countries::{countries_in, country};
pub use super::versions::{Change, Conflict, changes, merge};
use refuge_i18n::{Lang, tr};
use serde_json::{Map, Value};

/// What a fact holds, and so how it is asked and parsed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    Bool,
    Date,
    /// A whole number of days or years.
    Int,
    /// A number that may have a fraction (years of a sentence).
    Number,
    Text,
    /// Text of several sentences or paragraphs (a harm's narrative): a text area.
    Prose,
    /// A country, picked or typed by its name (or its ISO 3166-1 alpha-2
    /// code), stored as the code.
    Country,
    /// Countries by name or code, separated by commas; stored as codes.
    Countries,
    Choice(&'static [&'static str]),
}

pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub label: &'static str,
    /// A sentence under the control that says what the fact means (empty: none).
    pub help: &'static str,
}

/// How a section of the document is shaped.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    Object,
    /// Facts at the top of the document (`family_unity`): the section's key
    /// names only the group on the form, not a place in the document.
    Top,
    /// A list addressed by index (`arrivals[0]`).
    List,
    /// A list whose entries carry an `id` (`harms[h1]`).
    Keyed,
}

pub struct Section {
    pub key: &'static str,
    pub title: &'static str,
    pub shape: Shape,
    pub fields: &'static [Field],
    /// A list inside each entry: `harms[h1].grounds[0]`.
    pub nested: Option<(&'static str, &'static [Field])>,
}

pub use super::sections::SECTIONS;
use Kind::*;

/// One step of a fact path.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    Index(usize),
    Id(String),
}

/// Splits `harms[h1].grounds[0].ground` into its steps.
fn steps(path: &str) -> Option<Vec<Step>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (name, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if name.is_empty() {
            return None;
        }
        out.push(Step::Key(name.to_string()));
        while let Some(r) = rest.strip_prefix('[') {
            let end = r.find(']')?;
            let inner = &r[..end];
            if inner.is_empty() {
                return None;
            }
            out.push(match inner.parse::<usize>() {
                Ok(i) if name != "harms" && name != "groups" && name != "family" => Step::Index(i),
                _ => Step::Id(inner.to_string()),
            });
            rest = &r[end + 1..];
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(out)
}

/// The field a path names, with its section: `harms[h1].grounds[0].central`
/// → (harms, central), `family_unity` → (pathways, family_unity). `None` for
/// a list itself (`arrivals`) or an unknown name.
pub fn field_of(path: &str) -> Option<(&'static Section, &'static Field)> {
    let steps = steps(path)?;
    if let [Step::Key(name)] = steps.as_slice() {
        return SECTIONS
            .iter()
            .filter(|s| s.shape == Shape::Top)
            .find_map(|s| Some((s, s.fields.iter().find(|f| f.name == name)?)));
    }
    let Step::Key(section) = &steps[0] else {
        return None;
    };
    let section = SECTIONS
        .iter()
        .find(|s| s.key == section && s.shape != Shape::Top)?;
    let names: Vec<&str> = steps
        .iter()
        .filter_map(|s| match s {
            Step::Key(k) => Some(k.as_str()),
            _ => None,
        })
        .collect();
    let fields = match (names.len(), section.nested) {
        (2, _) => section.fields,
        (3, Some((nested, fields))) if names[1] == nested => fields,
        _ => return None,
    };
    let last = *names.last()?;
    let field = fields.iter().find(|f| f.name == last)?;
    Some((section, field))
}

/// The fields of the entries of the list a path names, and whether they are
/// keyed by id: `arrivals`, `harms` (keyed), `harms[h1].grounds`. `None` when
/// the path names no list.
pub fn list_of(path: &str) -> Option<(&'static [Field], bool)> {
    let is_list = |s: &&Section| matches!(s.shape, Shape::List | Shape::Keyed);
    if let Some(sec) = SECTIONS.iter().filter(is_list).find(|s| s.key == path) {
        return Some((sec.fields, sec.shape == Shape::Keyed));
    }
    let (entry, nested_name) = path.rsplit_once('.')?;
    let steps = steps(entry)?;
    let [Step::Key(section), Step::Id(_) | Step::Index(_)] = steps.as_slice() else {
        return None;
    };
    let sec = SECTIONS.iter().filter(is_list).find(|s| s.key == section)?;
    match sec.nested {
        Some((name, fields)) if name == nested_name => Some((fields, false)),
        _ => None,
    }
}

/// The message of a fact's label (`what` = `field`) or help (`help`), or
/// of a section's title (`section`), named by its path without the
/// entries: `harms[h1].grounds[0].group` is `facts-field-harms-grounds-group`.
/// `crates/i18n/locales/en/web-facts-fields.ftl` holds the English, which a
/// test keeps equal to [`SECTIONS`].
pub fn message_id(what: &str, path: &str) -> String {
    let mut id = format!("facts-{what}");
    for step in steps(path).unwrap_or_default() {
        if let Step::Key(k) = step {
            id.push('-');
            id.push_str(&k.replace('_', "-"));
        }
    }
    id
}

/// A fact's label in `lang`, by its path.
pub fn label_in(lang: Lang, path: &str) -> String {
    tr(lang, &message_id("field", path))
}

/// A fact's help in `lang`, by its path (empty: none).
pub fn help_in(lang: Lang, path: &str, field: &Field) -> String {
    if field.help.is_empty() {
        return String::new();
    }
    tr(lang, &message_id("help", path))
}

/// A choice's name in `lang` (`without_inspection`: the message
/// `facts-choice-without-inspection`).
pub fn choice_in(lang: Lang, value: &str) -> String {
    tr(lang, &format!("facts-choice-{}", value.replace('_', "-")))
}

/// Whether `value` is a choice of a field of the form.
pub fn is_choice(value: &str) -> bool {
    choices().any(|v| v == value)
}

/// Every choice of every field of the form, in the table's order (a value
/// of two fields, twice).
fn choices() -> impl Iterator<Item = &'static str> {
    SECTIONS
        .iter()
        .flat_map(|s| s.fields.iter().chain(s.nested.map_or(&[][..], |n| n.1)))
        .flat_map(|f| match f.kind {
            Kind::Choice(values) => values,
            _ => &[][..],
        })
        .copied()
}

/// A section's title in `lang`.
pub fn title_in(lang: Lang, sec: &Section) -> String {
    tr(lang, &message_id("section", sec.key))
}

/// [`label_of`] in `lang`: the label with the list entry it belongs to.
pub fn label_of_in(lang: Lang, path: &str) -> String {
    match field_of(path) {
        Some(_) => match path.split_once('[').and_then(|(_, r)| r.split_once(']')) {
            Some((entry, _)) => format!("{} ({entry})", label_in(lang, path)),
            None => label_in(lang, path),
        },
        None => path.to_string(),
    }
}

/// A fact's label as the form shows it in English, with the list entry it
/// belongs to (`harms[h1].severe` reads "Rises to persecution (your
/// judgment) (h1)"), or its path when the form has no such field.
pub fn label_of(path: &str) -> String {
    label_of_in(Lang::english(), path)
}

/// The facts that are a legal judgment for the attorney or accredited
/// representative, not a fact to ask the client: whether harm (one, or the
/// past harms together) rises to persecution, whether a group is particular, socially distinct or
/// immutable, whether a delay was reasonable, relocation reasonable, a
/// crime particularly serious. By path, without list entries.
pub const JUDGMENTS: &[&str] = &[
    "exceptions.reasonable_delay",
    "harms.severe",
    "groups.immutable",
    "groups.particular",
    "groups.socially_distinct",
    "risk.relocation_reasonable",
    "risk.cumulative_past_harm_severe",
    "conduct.particularly_serious_crime",
];

/// Follow-up questions the interview asks only after their premise holds
/// (issue 22): the follow-up, the fact it follows, and the value that
/// makes it relevant. Paths without list entries; a follow-up in a list
/// entry reads the premise of the same entry.
pub const PREMISES: &[(&str, &str, &str)] = &[
    // The sentence matters once the conviction is an aggravated felony.
    ("conduct.sentence_years", "aggravated_felony", "true"),
    // The Canada agreement's exceptions, once the crossing was from Canada.
    (
        "arrivals.encountered_within_14_days",
        "border",
        "northern_land",
    ),
    (
        "arrivals.visa_or_admission_document",
        "border",
        "northern_land",
    ),
];

/// The facts' free text, in lower case, one value a line, for the case
/// search: every text of an entry or object that is not an id (harms'
/// narratives, groups' definitions). The client's name and the case
/// number are searched beside it.
pub fn free_text(doc: &Value) -> String {
    let mut out = Vec::new();
    for sec in SECTIONS {
        for field in sec
            .fields
            .iter()
            .filter(|f| matches!(f.kind, Text | Prose) && f.name != "id")
        {
            let values: Vec<&Value> = match sec.shape {
                Shape::Object => get(doc, &format!("{}.{}", sec.key, field.name))
                    .into_iter()
                    .collect(),
                Shape::Top => get(doc, field.name).into_iter().collect(),
                Shape::List | Shape::Keyed => doc
                    .get(sec.key)
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .filter_map(|e| e.get(field.name))
                    .collect(),
            };
            out.extend(
                values
                    .into_iter()
                    .filter_map(Value::as_str)
                    .map(str::to_lowercase),
            );
        }
    }
    out.join("\n")
}

/// Facts of a harm that happened, not asked of a feared one (issue 22: a
/// feared harm does not ask "days detained"). Paths without list entries.
pub const PAST_ONLY: &[&str] = &["harms.detention_days"];

/// Whether the fact at `path` (`harms[h1].detention_days`) is not asked,
/// because its entry is a feared harm ([`PAST_ONLY`]) and holds no value
/// for it (a value given elsewhere stays in view).
pub fn not_asked(doc: &Value, path: &str) -> bool {
    let (Some(bare), Some((entry, _))) = (bare_path(path), path.rsplit_once('.')) else {
        return false;
    };
    PAST_ONLY.contains(&bare.as_str())
        && get(doc, path).is_none()
        && show(get(doc, &format!("{entry}.when"))) == "feared"
}

/// Whether a fact is asked only of a harm that happened ([`PAST_ONLY`]):
/// `harms.detention_days`.
pub fn is_past_only(bare: &str) -> bool {
    PAST_ONLY.contains(&bare)
}

/// The stage of an intake a fact belongs to (issue 22): who and where the
/// person is first (0), then their story (1), then the bars (2), then the
/// rest (3): the order an interview is done in.
pub fn intake_stage(path: &str) -> u8 {
    match path.split(['.', '[']).next().unwrap_or(path) {
        "applicant" | "arrivals" | "application" | "removal" | "family" | "family_unity" => 0,
        "harms" | "groups" | "risk" | "torture" => 1,
        "conduct" | "resettlement" => 2,
        _ => 3,
    }
}

/// Whether the question of `path` is a follow-up whose premise does not (or
/// not yet) hold in `doc` ([`PREMISES`]).
pub fn premise_unmet(doc: &Value, path: &str) -> bool {
    let (Some(bare), Some((entry, _))) = (bare_path(path), path.rsplit_once('.')) else {
        return false;
    };
    PREMISES
        .iter()
        .find(|(follow_up, _, _)| *follow_up == bare)
        .is_some_and(|(_, premise, value)| show(get(doc, &format!("{entry}.{premise}"))) != *value)
}

/// A fact's path without its list entries (`harms[h1].severe` is
/// `harms.severe`), as [`JUDGMENTS`] and [`PREMISES`] name facts.
fn bare_path(path: &str) -> Option<String> {
    let keys: Vec<String> = steps(path)?
        .into_iter()
        .filter_map(|s| match s {
            Step::Key(k) => Some(k),
            Step::Index(_) | Step::Id(_) => None,
        })
        .collect();
    Some(keys.join("."))
}

/// Whether the fact at `path` (`harms[h1].severe`) is a legal judgment ([`JUDGMENTS`]).
pub fn is_judgment(path: &str) -> bool {
    bare_path(path).is_some_and(|bare| JUDGMENTS.contains(&bare.as_str()))
}

/// The value at `path` in `doc`, if any.
pub fn get<'a>(doc: &'a Value, path: &str) -> Option<&'a Value> {
    let mut v = doc;
    for step in steps(path)? {
        v = match step {
            Step::Key(k) => v.get(&k)?,
            Step::Index(i) => v.get(i)?,
            Step::Id(id) => v
                .as_array()?
                .iter()
                .find(|e| e.get("id").and_then(Value::as_str) == Some(&id))?,
        };
    }
    (!v.is_null()).then_some(v)
}

/// Sets (or with `Value::Null`, removes) the value at `path`, creating the
/// objects and entries on the way: a list entry by index must already exist or
/// be the next one; an entry by id is created with that id.
///
/// # Errors
/// A message when the path cannot name a place in the document.
pub fn set(doc: &mut Value, path: &str, value: Value) -> Result<(), String> {
    let steps = steps(path).ok_or_else(|| format!("{path:?} is not a fact path"))?;
    if !doc.is_object() {
        *doc = Value::Object(Map::new());
    }
    let mut v = doc;
    let last = steps.len() - 1;
    for (n, step) in steps.into_iter().enumerate() {
        let is_last = n == last;
        v = match step {
            Step::Key(k) => {
                if v.is_null() {
                    *v = Value::Object(Map::new());
                }
                let obj = v
                    .as_object_mut()
                    .ok_or_else(|| format!("{path}: not an object"))?;
                if is_last {
                    if value.is_null() {
                        obj.remove(&k);
                    } else {
                        obj.insert(k, value);
                    }
                    return Ok(());
                }
                obj.entry(k).or_insert(Value::Null)
            }
            Step::Index(i) => {
                if v.is_null() {
                    *v = Value::Array(Vec::new());
                }
                let arr = v
                    .as_array_mut()
                    .ok_or_else(|| format!("{path}: not a list"))?;
                if i > arr.len() {
                    return Err(format!("{path}: entry {i} does not exist"));
                }
                if i == arr.len() {
                    arr.push(Value::Object(Map::new()));
                }
                &mut arr[i]
            }
            Step::Id(id) => {
                if v.is_null() {
                    *v = Value::Array(Vec::new());
                }
                let arr = v
                    .as_array_mut()
                    .ok_or_else(|| format!("{path}: not a list"))?;
                let i = match arr
                    .iter()
                    .position(|e| e.get("id").and_then(Value::as_str) == Some(&id))
                {
                    Some(i) => i,
                    None => {
                        let mut m = Map::new();
                        m.insert("id".into(), Value::String(id));
                        arr.push(Value::Object(m));
                        arr.len() - 1
                    }
                };
                &mut arr[i]
            }
        };
        if is_last {
            *v = value;
            return Ok(());
        }
    }
    Ok(())
}

/// Parses what was typed for a fact of this kind. Empty means unknown (`Null`).
///
/// # Errors
/// A message for the field, in lower case.
pub fn parse(kind: Kind, text: &str) -> Result<Value, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(Value::Null);
    }
    match kind {
        Bool => match t {
            "true" | "yes" => Ok(Value::Bool(true)),
            "false" | "no" => Ok(Value::Bool(false)),
            _ => Err("choose yes, no or unknown".into()),
        },
        Date => refuge_engine::facts::parse_date(t)
            .map(|d| Value::String(d.to_string()))
            .map_err(|e| e.to_string()),
        Int => t
            .parse::<u32>()
            .map(Value::from)
            .map_err(|_| "enter a whole number of 0 or more".into()),
        Number => match t.parse::<f64>() {
            Ok(x) if x.is_finite() && x >= 0.0 => Ok(Value::from(x)),
            _ => Err("enter a number of 0 or more".into()),
        },
        Text | Prose => Ok(Value::String(t.to_string())),
        Country => country(t).map(Value::String),
        Countries => {
            if t == "-" || t.eq_ignore_ascii_case("none") {
                return Ok(Value::Array(Vec::new()));
            }
            countries_in(t).map(Value::Array)
        }
        Choice(values) => {
            if values.contains(&t) {
                Ok(Value::String(t.to_string()))
            } else {
                Err(format!("choose one of: {}", values.join(", ")))
            }
        }
    }
}

/// A value as the form shows it (the inverse of [`parse`]).
pub fn show(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::Bool(true)) => "true".into(),
        Some(Value::Bool(false)) => "false".into(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(a)) if a.is_empty() => "none".into(),
        Some(Value::Array(a)) => a
            .iter()
            .map(|x| {
                x.as_str()
                    .map(str::to_string)
                    .unwrap_or_else(|| x.to_string())
            })
            .collect::<Vec<_>>()
            .join(", "),
        Some(other) => other.to_string(),
    }
}

/// Applies the fields of a submitted structured form to `doc`.
///
/// Field names are fact paths (`applicant.birth_date`, `arrivals[1].date`,
/// `harms[new].kind`, `harms[h1].grounds[0].ground`); `…[N]._remove` removes
/// an entry. An entry of a keyed list whose id is changed or given (`[new]`)
/// takes the typed `id`. Every field's error is collected, keyed by its name,
/// and nothing typed is dropped: the caller re-shows `fields` as typed.
pub fn apply_form(doc: &mut Value, fields: &[(String, String)]) -> Vec<(String, String)> {
    let mut errors = Vec::new();
    let mut removals = Vec::new();
    // Keyed entries are addressed by their old id; renaming happens last.
    let mut renames: Vec<(String, String)> = Vec::new();
    for (name, text) in fields {
        if let Some(list) = name.strip_suffix("._none") {
            // "There are none": an empty list, which the engine reads as known.
            if (text == "on" || text == "true") && list_of(list).is_some() {
                let _ = set(doc, list, Value::Array(Vec::new()));
            }
            continue;
        }
        if let Some(entry) = name.strip_suffix("._remove") {
            if text == "on" || text == "true" {
                if entry_of_list(entry).is_some() {
                    removals.push(entry.to_string());
                } else {
                    errors.push((name.clone(), "is not an entry of a list of facts".into()));
                }
            }
            continue;
        }
        let Some((section, field)) = field_of(name) else {
            if !name.starts_with('_') && name != "csrf" && name != "version" {
                errors.push((name.clone(), "is not a fact of the facts document".into()));
            }
            continue;
        };
        if section.shape == Shape::Keyed && field.name == "id" && !name.contains(".grounds[") {
            let entry = &name[..name.len() - 3];
            let typed = text.trim();
            let Some(current) = entry
                .strip_prefix(section.key)
                .and_then(|r| r.strip_prefix('['))
                .and_then(|r| r.strip_suffix(']'))
            else {
                errors.push((name.clone(), "is not a fact of the facts document".into()));
                continue;
            };
            if typed != current && !(typed.is_empty() && current == "new") {
                if typed.is_empty() {
                    errors.push((name.clone(), "an entry needs an id".into()));
                } else {
                    renames.push((entry.to_string(), typed.to_string()));
                }
            }
            continue;
        }
        // A ground's social group may be given by its definition: a text that
        // names no defined group defines one (or finds the group already so
        // defined) and links it (issue 22, defect 2).
        if field.name == "group" && name.contains(".grounds[") {
            let typed = text.trim();
            if !typed.is_empty() && get(doc, &format!("groups[{typed}]")).is_none() {
                let id = group_defined_as(doc, typed);
                if let Err(e) = set(doc, name, Value::String(id)) {
                    errors.push((name.clone(), e));
                }
                continue;
            }
        }
        match parse(field.kind, text) {
            Ok(value) => {
                // A blank field of a new entry adds nothing.
                if value.is_null() && get(doc, name).is_none() {
                    continue;
                }
                if let Err(e) = set(doc, name, value) {
                    errors.push((name.clone(), e));
                }
            }
            Err(e) => errors.push((name.clone(), e)),
        }
    }
    for (entry, id) in renames {
        if get(doc, &entry).is_some() {
            let key = entry.split('[').next().unwrap_or_default();
            if let Some(arr) = doc.get(key).and_then(Value::as_array)
                && arr
                    .iter()
                    .any(|e| e.get("id").and_then(Value::as_str) == Some(&id))
            {
                errors.push((
                    format!("{entry}.id"),
                    format!("the id {id:?} is already used"),
                ));
                continue;
            }
            let _ = set(doc, &format!("{entry}.id"), Value::String(id));
        }
    }
    // A new entry given no id gets the first free one (h1, h2, … for harms).
    for section in SECTIONS.iter().filter(|s| s.shape == Shape::Keyed) {
        if get(doc, &format!("{}[new]", section.key)).is_some() {
            let prefix = &section.key[..1];
            let taken = |id: &str| get(doc, &format!("{}[{id}]", section.key)).is_some();
            let id = (1..)
                .map(|n| format!("{prefix}{n}"))
                .find(|id| !taken(id))
                .unwrap_or_default();
            let _ = set(doc, &format!("{}[new].id", section.key), Value::String(id));
        }
    }
    // Remove from the end so that indexes stay valid.
    removals.sort_by_key(|e| {
        let (list, key) = e.rsplit_once('[').unwrap_or((e, ""));
        (
            list.to_string(),
            key.trim_end_matches(']')
                .parse::<usize>()
                .unwrap_or(usize::MAX),
            key.to_string(),
        )
    });
    for entry in removals.iter().rev() {
        remove_entry(doc, entry);
    }
    drop_empty(doc);
    errors
}

/// The id of the group whose definition is `definition`, defining a new one
/// (the first free id of g1, g2, …) if there is none.
fn group_defined_as(doc: &mut Value, definition: &str) -> String {
    let found = doc
        .get("groups")
        .and_then(Value::as_array)
        .and_then(|groups| {
            groups
                .iter()
                .find(|g| g.get("definition").and_then(Value::as_str) == Some(definition))
        })
        .and_then(|g| g.get("id").and_then(Value::as_str))
        .map(str::to_owned);
    if let Some(id) = found {
        return id;
    }
    let id = (1..)
        .map(|n| format!("g{n}"))
        .find(|id| get(doc, &format!("groups[{id}]")).is_none())
        .unwrap_or_default();
    let _ = set(
        doc,
        &format!("groups[{id}].definition"),
        Value::String(definition.to_string()),
    );
    id
}

/// The list and the key of an entry's path (`harms[h1].grounds[0]` gives
/// `harms[h1].grounds` and `0`), if it names an entry of a list of the form.
fn entry_of_list(path: &str) -> Option<(&str, &str)> {
    let (list, key) = path.rsplit_once('[')?;
    let key = key
        .strip_suffix(']')
        .filter(|k| !k.is_empty() && !k.contains(']'))?;
    list_of(list).map(|_| (list, key))
}

/// Removes the list entry at `path` (`arrivals[1]`, `harms[h1]`, `harms[h1].grounds[0]`).
fn remove_entry(doc: &mut Value, path: &str) {
    let Some((list, key)) = entry_of_list(path) else {
        return;
    };
    let target = key.to_string();
    let Some(steps) = steps(list) else { return };
    let mut v = &mut *doc;
    for step in steps {
        let next = match step {
            Step::Key(k) => v.get_mut(&k),
            Step::Index(i) => v.get_mut(i),
            Step::Id(id) => v.as_array_mut().and_then(|a| {
                a.iter_mut()
                    .find(|e| e.get("id").and_then(Value::as_str) == Some(&id))
            }),
        };
        match next {
            Some(n) => v = n,
            None => return,
        }
    }
    if let Some(arr) = v.as_array_mut() {
        let by_id = arr
            .iter()
            .position(|e| e.get("id").and_then(Value::as_str) == Some(&target));
        let at = by_id.or_else(|| target.parse::<usize>().ok().filter(|i| *i < arr.len()));
        if let Some(i) = at {
            arr.remove(i);
        }
    }
}

/// Removes objects left empty (a section whose every field was cleared), so
/// that an untouched form saves the document it showed.
fn drop_empty(doc: &mut Value) {
    if let Some(m) = doc.as_object_mut() {
        m.retain(|_, v| !matches!(v, Value::Object(o) if o.is_empty()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Every section's title and field's label and help as Fluent messages
    /// ([`message_id`]), in the table's order: the English of the form.
    fn english_messages() -> String {
        let mut out = String::from(
            "# The facts form's sections, labels, help and choices (crates/web/src/facts/sections.rs,\n\
             # SECTIONS), by the fact's path: facts-field-harms-severe is harms[…].severe;\n\
             # facts-choice-without-inspection is the choice without_inspection.\n\
             # English is written by the table: UPDATE_LOCALES=1 cargo test -p refuge-web --lib\n\
             # facts::form rewrites this file from it. Other languages translate it.\n",
        );
        let mut add = |what: &str, path: &str, text: &str| {
            if !text.is_empty() {
                out.push_str(&format!("{} = {}\n", message_id(what, path), text));
            }
        };
        for sec in SECTIONS {
            add("section", sec.key, sec.title);
            let mut fields: Vec<(String, &Field)> = sec
                .fields
                .iter()
                .map(|f| match sec.shape {
                    Shape::Top => (f.name.to_string(), f),
                    _ => (format!("{}.{}", sec.key, f.name), f),
                })
                .collect();
            if let Some((nested, nf)) = sec.nested {
                fields.extend(
                    nf.iter()
                        .map(|f| (format!("{}.{nested}.{}", sec.key, f.name), f)),
                );
            }
            for (path, f) in fields {
                add("field", &path, f.label);
                add("help", &path, f.help);
            }
        }
        let mut seen = std::collections::HashSet::new();
        for v in choices().filter(|v| seen.insert(*v)) {
            let id = format!("facts-choice-{}", v.replace('_', "-"));
            out.push_str(&format!("{id} = {}\n", crate::facts::widgets::words(v)));
        }
        out
    }

    #[test]
    fn the_english_of_the_forms_labels_is_the_tables() {
        let file = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../i18n/locales/en/web-facts-fields.ftl"
        );
        let want = english_messages();
        if std::env::var_os("UPDATE_LOCALES").is_some() {
            std::fs::write(file, &want).unwrap();
        }
        let have = std::fs::read_to_string(file).unwrap_or_default();
        assert!(
            have == want,
            "{file} is not the table's English: run UPDATE_LOCALES=1 cargo test -p refuge-web --lib facts::form, then translate what changed in the other languages"
        );
        // And a page in English reads the table's words.
        let (_, f) = field_of("harms[h1].severe").unwrap();
        assert_eq!(label_in(Lang::english(), "harms[h1].severe"), f.label);
        assert_eq!(
            label_of_in(Lang::english(), "harms[h1].severe"),
            label_of("harms[h1].severe")
        );
    }

    #[test]
    fn a_path_reads_and_writes_entries_by_index_and_by_id() {
        let mut doc = json!({});
        set(&mut doc, "arrivals[0].date", json!("2024-03-01")).unwrap();
        set(&mut doc, "harms[h1].grounds[0].ground", json!("religion")).unwrap();
        set(&mut doc, "conduct.persecuted_others", json!(false)).unwrap();
        assert_eq!(
            doc,
            json!({"arrivals": [{"date": "2024-03-01"}],
                   "harms": [{"id": "h1", "grounds": [{"ground": "religion"}]}],
                   "conduct": {"persecuted_others": false}})
        );
        assert_eq!(
            get(&doc, "harms[h1].grounds[0].ground"),
            Some(&json!("religion"))
        );
        assert!(set(&mut doc, "arrivals[5].date", json!("2024-03-01")).is_err());
    }

    #[test]
    fn every_question_path_kind_is_in_the_form_table() {
        for p in [
            "harms[h1].severe",
            "groups[g1].particular",
            "family[c1].birth_date",
            "arrivals[0].date",
            "exceptions[0].reasonable_delay",
            "conduct.persecuted_others",
            "harms[h1].grounds[0].central",
            "applicant.nationality",
            "removal.prior_order",
            "removal.reinstated",
            "removal.frivolous_finding",
            "removal.in_proceedings",
            "conduct.drug_trafficking",
            "risk.fear_in_every_nationality",
            "family_unity",
            "application.forum",
            "arrivals[0].visa_or_admission_document",
            "arrivals[1].encountered_within_14_days",
            "arrivals[0].scheduling_system_unavailable",
        ] {
            assert!(field_of(p).is_some(), "{p}");
        }
        assert!(field_of("conduct.unknown").is_none());
        // The group of top-level facts is not a place in the document.
        assert!(field_of("pathways.family_unity").is_none() && list_of("pathways").is_none());
        assert!(field_of("family_unity.x").is_none() && field_of("removal").is_none());
        assert_eq!(list_of("arrivals").map(|l| l.1), Some(false));
        assert_eq!(list_of("harms").map(|l| l.1), Some(true));
        assert!(list_of("harms[h1].grounds").is_some());
        assert!(list_of("conduct").is_none() && list_of("harms[h1].kind").is_none());
    }

    /// The fields the engine's parser knows at one place of the document: it
    /// refuses an unknown field and names every one it would accept.
    fn engine_fields(doc: &str) -> std::collections::BTreeSet<String> {
        let e = refuge_engine::Case::from_json(doc, jiff::civil::date(2026, 1, 1))
            .expect_err("an unknown field is refused");
        let (_, list) = e
            .message
            .split_once("expected ")
            .unwrap_or_else(|| panic!("{doc}: {}", e.message));
        list.trim_start_matches("one of ")
            .split(", ")
            .flat_map(|s| s.split(" or "))
            .map(|s| s.trim_matches('`').to_string())
            .collect()
    }

    #[test]
    fn the_form_table_holds_every_fact_of_the_engine() {
        let names = |fields: &[Field]| -> std::collections::BTreeSet<String> {
            fields.iter().map(|f| f.name.to_string()).collect()
        };
        // The top of the document: the sections and the top-level facts; `as_of`
        // is the workspace's own day, not a fact of the form.
        let mut top: std::collections::BTreeSet<String> = ["as_of".to_string()].into();
        for s in SECTIONS {
            match s.shape {
                Shape::Top => top.extend(names(s.fields)),
                _ => {
                    top.insert(s.key.to_string());
                }
            }
        }
        assert_eq!(engine_fields(r#"{"not_a_fact": 1}"#), top);
        for s in SECTIONS.iter().filter(|s| s.shape != Shape::Top) {
            let doc = match s.shape {
                Shape::Object => format!(r#"{{"{}": {{"not_a_fact": 1}}}}"#, s.key),
                _ => format!(r#"{{"{}": [{{"not_a_fact": 1}}]}}"#, s.key),
            };
            let mut table = names(s.fields);
            if let Some((nested, fields)) = s.nested {
                table.insert(nested.to_string());
                let doc = format!(
                    r#"{{"{}": [{{"{nested}": [{{"not_a_fact": 1}}]}}]}}"#,
                    s.key
                );
                assert_eq!(engine_fields(&doc), names(fields), "{}.{nested}", s.key);
            }
            assert_eq!(engine_fields(&doc), table, "{}", s.key);
        }
    }

    #[test]
    fn typed_values_parse_by_kind_and_blank_is_unknown() {
        assert_eq!(parse(Kind::Bool, "yes"), Ok(json!(true)));
        assert_eq!(parse(Kind::Bool, ""), Ok(Value::Null));
        assert!(parse(Kind::Date, "2025-02-30").is_err());
        assert_eq!(parse(Kind::Countries, "sv, mx"), Ok(json!(["SV", "MX"])));
        assert_eq!(parse(Kind::Countries, "none"), Ok(json!([])));
        assert_eq!(parse(Kind::Countries, "SV MX"), Ok(json!(["SV", "MX"])));
        assert_eq!(
            parse(
                Kind::Countries,
                "el salvador; Virgin Islands, British, Cote d'Ivoire,mx"
            ),
            Ok(json!(["SV", "VG", "CI", "MX"]))
        );
        assert_eq!(parse(Kind::Country, "Honduras"), Ok(json!("HN")));
        assert_eq!(
            parse(Kind::Countries, "Mexico, Narnia, Atlantis").unwrap_err(),
            "\"Narnia\" and \"Atlantis\" are not countries: give a name (El Salvador) or a two-letter code (SV)"
        );
        assert!(
            parse(Kind::Country, "Narnia")
                .unwrap_err()
                .starts_with("\"Narnia\" is not a country")
        );
        assert_eq!(
            show_countries(Lang::english(), Some(&json!(["SV", "VG", "QQ"]))),
            "El Salvador, Virgin Islands, British, QQ"
        );
        assert_eq!(
            parse(Kind::Countries, "El Salvador, Virgin Islands, British, QQ"),
            Ok(json!(["SV", "VG", "QQ"])),
            "what the form shows saves the same codes"
        );
        assert!(parse(Kind::Choice(&["a"]), "b").unwrap_err().contains("a"));
    }

    #[test]
    fn malformed_field_names_are_errors_never_panics() {
        let names = [
            "harms.id",
            "harms[].id",
            "[0]",
            "harms[h1]",
            "a..b",
            ".",
            "harms[h1].grounds.ground",
            "arrivals[99999999999999999999].date",
            "arrivals[0",
            "arrivals]0[.date",
            "harms[h1].grounds[x].ground",
            "family[c1].id",
            "groups[g1]._remove",
            "exceptions._none",
            "conduct[0].persecuted_others",
            "family_unity[0]",
            "family_unity.x",
            "pathways.family_unity",
            "pathways",
            "",
        ];
        for name in names {
            let mut doc = serde_json::json!({"harms": [{"id": "h1"}]});
            let _ = apply_form(&mut doc, &[(name.to_string(), "x".to_string())]);
            let _ = get(&doc, name);
            let _ = set(&mut doc, name, json!(true));
        }
    }

    proptest::proptest! {
        #[test]
        fn any_form_field_is_applied_or_refused_without_a_panic(
            fields in proptest::collection::vec(("(harms|groups|arrivals|family|conduct|risk|x)?[\\[\\]a-z0-9_.]{0,24}", "[a-z0-9 _-]{0,12}"), 0..8)
        ) {
            let mut doc = json!({"harms": [{"id": "h1", "grounds": [{}]}], "arrivals": [{}]});
            let _ = apply_form(&mut doc, &fields);
            for (name, _) in &fields {
                let _ = get(&doc, name);
                let _ = changes(&json!({}), &doc);
            }
        }
    }

    #[test]
    fn changes_list_each_fact_added_changed_and_removed() {
        let old = json!({"applicant": {"birth_date": "1990-01-01", "location": "in_us"}});
        let new = json!({"applicant": {"birth_date": "1991-01-01"}, "harms": [{"id": "h1", "kind": "threat"}]});
        let c = changes(&old, &new);
        let paths: Vec<_> = c.iter().map(|c| c.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "applicant.birth_date",
                "applicant.location",
                "harms[h1].id",
                "harms[h1].kind"
            ]
        );
        assert_eq!(c[0].before.as_deref(), Some("1990-01-01"));
        assert_eq!(c[1].after, None);
    }

    #[test]
    fn a_form_adds_renames_and_removes_entries() {
        let mut doc = json!({"arrivals": [{"date": "2020-01-01"}, {"date": "2021-01-01"}]});
        let form = |v: &[(&str, &str)]| -> Vec<(String, String)> {
            v.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        let errs = apply_form(
            &mut doc,
            &form(&[
                ("arrivals[0]._remove", "on"),
                ("harms[new].id", "h1"),
                ("harms[new].kind", "threat"),
                ("groups[new].id", ""),
                ("groups[new].definition", "Women who left"),
                ("applicant.birth_date", ""),
            ]),
        );
        assert!(errs.is_empty(), "{errs:?}");
        assert_eq!(
            doc,
            json!({"arrivals": [{"date": "2021-01-01"}], "harms": [{"id": "h1", "kind": "threat"}],
                          "groups": [{"id": "g1", "definition": "Women who left"}]})
        );
        let errs = apply_form(&mut doc, &form(&[("applicant.birth_date", "1990-02-30")]));
        assert_eq!(errs[0].0, "applicant.birth_date");
    }

    /// Found by the fuzzer `facts_form`: a removal whose name ended inside a
    /// multi-byte character, or at a `[` left open, made the save panic and
    /// the server drop the connection, losing what was typed.
    #[test]
    fn a_form_removing_something_that_is_no_list_entry_is_refused_with_an_error_at_that_field() {
        let base = json!({"harms": [{"id": "h1", "kind": "threat"}], "arrivals": [{"date": "2021-01-01"}]});
        for name in [
            "harms[h1\u{e9}._remove",
            "harms[._remove",
            "arrivals[]._remove",
            "arrivals[0]]._remove",
            "applicant[0]._remove",
            "\u{e9}._remove",
        ] {
            let mut doc = base.clone();
            let errs = apply_form(&mut doc, &[(name.to_string(), "on".to_string())]);
            assert_eq!(
                errs,
                [(
                    name.to_string(),
                    "is not an entry of a list of facts".to_string()
                )]
            );
            assert_eq!(doc, base, "{name} changed the facts");
        }
        // A well-formed entry that is gone already (removed meanwhile) is no error.
        let mut doc = base.clone();
        let errs = apply_form(&mut doc, &[("harms[h9]._remove".into(), "on".into())]);
        assert!(errs.is_empty(), "{errs:?}");
    }

    #[test]
    fn a_merge_keeps_both_sides_changes_to_different_facts_and_never_reverts_one() {
        let base = json!({"applicant": {"birth_date": "1990-01-01"}, "risk": {"relocation_reasonable": true}});
        let mine = json!({"applicant": {"birth_date": "1991-02-02"}, "risk": {"relocation_reasonable": true}});
        let theirs = json!({"applicant": {"birth_date": "1990-01-01"}, "risk": {"relocation_reasonable": false}});
        let (doc, conflicts) = merge(&base, &mine, &theirs);
        assert!(conflicts.is_empty());
        assert_eq!(
            doc,
            json!({"applicant": {"birth_date": "1991-02-02"}, "risk": {"relocation_reasonable": false}})
        );
    }

    #[test]
    fn a_fact_both_changed_differently_is_a_conflict_with_both_values() {
        let base = json!({"applicant": {"birth_date": "1990-01-01"}});
        let mine = json!({"applicant": {"birth_date": "1991-02-02"}});
        let theirs = json!({"applicant": {"birth_date": "1992-03-03"}});
        let (doc, conflicts) = merge(&base, &mine, &theirs);
        assert_eq!(
            doc, theirs,
            "a conflict keeps theirs until the user chooses"
        );
        assert_eq!(
            conflicts,
            [Conflict {
                path: "applicant.birth_date".into(),
                mine: Some("1991-02-02".into()),
                theirs: Some("1992-03-03".into()),
            }]
        );
        let (_, none) = merge(&base, &mine, &mine);
        assert!(
            none.is_empty(),
            "the same change on both sides is no conflict"
        );
    }

    #[test]
    fn a_merge_adds_and_removes_list_entries_of_one_side() {
        let base = json!({"harms": [{"id": "h1", "kind": "threats"}]});
        let mine =
            json!({"harms": [{"id": "h1", "kind": "threats"}, {"id": "h2", "kind": "detention"}]});
        let theirs = json!({"harms": [{"id": "h1", "kind": "threats", "severe": true}]});
        let (doc, conflicts) = merge(&base, &mine, &theirs);
        assert!(conflicts.is_empty());
        assert_eq!(
            doc,
            json!({"harms": [{"id": "h1", "kind": "threats", "severe": true}, {"id": "h2", "kind": "detention"}]})
        );
        let removed = json!({"harms": []});
        let (doc, _) = merge(
            &base,
            &removed,
            &json!({"harms": [{"id": "h1", "kind": "threats"}], "applicant": {"location": "in_us"}}),
        );
        assert_eq!(
            doc,
            json!({"harms": [], "applicant": {"location": "in_us"}}),
            "an entry this user removed is gone, not left empty"
        );
    }
    #[test]
    fn every_judgment_is_a_field_of_the_form_and_is_known_in_a_list_entry() {
        for j in JUDGMENTS {
            let (section, name) = j.split_once('.').unwrap();
            let sec = SECTIONS.iter().find(|s| s.key == section).expect(section);
            assert!(sec.fields.iter().any(|f| f.name == name), "{j}");
        }
        for s in SECTIONS {
            for f in s.fields {
                let path = format!("{}.{}", s.key, f.name);
                assert_eq!(
                    f.label.ends_with("(your judgment)"),
                    JUDGMENTS.contains(&path.as_str()),
                    "the facts form marks exactly the judgments: {path}"
                );
            }
        }
        assert!(is_judgment("harms[h1].severe"));
        assert!(is_judgment("groups[g2].socially_distinct"));
        assert!(!is_judgment("harms[h1].kind"));
        assert!(!is_judgment("applicant.birth_date"));
    }
    #[test]
    fn a_follow_up_waits_for_its_premise_in_the_same_entry() {
        let doc = json!({"conduct": {"aggravated_felony": true}, "arrivals": [{"border": "northern_land"}, {"border": "air"}]});
        assert!(!premise_unmet(&doc, "conduct.sentence_years"));
        assert!(
            premise_unmet(&json!({}), "conduct.sentence_years"),
            "not yet known"
        );
        assert!(!premise_unmet(
            &doc,
            "arrivals[0].encountered_within_14_days"
        ));
        assert!(premise_unmet(
            &doc,
            "arrivals[1].encountered_within_14_days"
        ));
        assert!(
            !premise_unmet(&doc, "arrivals[1].border"),
            "not a follow-up"
        );
        for (follow_up, premise, _) in PREMISES {
            let (section, name) = follow_up.split_once('.').unwrap();
            let sec = SECTIONS.iter().find(|s| s.key == section).unwrap();
            assert!(sec.fields.iter().any(|f| f.name == name), "{follow_up}");
            assert!(sec.fields.iter().any(|f| f.name == *premise), "{premise}");
        }
    }
    #[test]
    fn an_intake_asks_who_and_where_then_the_story_then_the_bars() {
        assert_eq!(intake_stage("applicant.location"), 0);
        assert_eq!(intake_stage("arrivals[0].border"), 0);
        assert_eq!(intake_stage("harms"), 1);
        assert_eq!(intake_stage("harms[h1].severe"), 1);
        assert_eq!(intake_stage("conduct.aggravated_felony"), 2);
        assert_eq!(intake_stage("exceptions"), 3);
    }
}
