//! The form's structure as data (`form/i589.toml`): its parts, and each item
//! with its number, label, the path of the field that answers it (in the
//! application or the facts), and when it is required.
//!
//! A test walks the application document's types and the items both ways:
//! every item names a field, and every field is an item.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// The form: Form I-589, its edition, parts and items.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    pub form: Meta,
    pub parts: Vec<Part>,
    pub items: Vec<Item>,
}

/// Which form, and which edition.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub number: String,
    pub title: String,
    /// The edition whose item numbers and labels the items carry.
    pub numbering: String,
    pub numbering_source: String,
    /// The edition USCIS accepts, as far as was verified.
    pub edition: String,
    pub edition_verified: bool,
    pub edition_note: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub id: String,
    pub title: String,
}

/// One item of the form.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub part: String,
    /// The item's number in the part (`6`, `19.c`, `spouse 3, child 8`).
    pub number: String,
    pub label: String,
    /// The field that answers it: `application.part_a1.middle_name`, `facts.applicant.birth_date`;
    /// `[]` for each entry of a list.
    pub path: String,
    /// Whether it must be answered (with N/A, None or Unknown where nothing applies).
    pub required: bool,
    /// Conditions that must all hold for it to be required.
    #[serde(default)]
    pub when: Vec<When>,
    /// A list that must have at least one entry (`[]` does not answer it).
    #[serde(default)]
    pub nonempty: bool,
    /// Whether the number and label were checked against the form.
    pub verified: bool,
    #[serde(default)]
    pub note: String,
}

/// The conditions an item's requirement may depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum When {
    /// The question beside it (its `answer`) is yes.
    Yes,
    /// A.I.9: the mailing address is not the residence (`mailing_same` false).
    MailingDiffers,
    /// The A.I.19.c entry of the most recent arrival.
    MostRecentEntry,
    /// The family member is the spouse.
    Spouse,
    /// The family member is a child.
    Child,
    /// The family member is in the United States.
    InUs,
    /// The family member is not in the United States.
    NotInUs,
    /// The parent or sibling is not marked deceased.
    Living,
    /// The last address abroad is not in a country of nationality (or of last habitual residence).
    FearedElsewhere,
    /// Part D: someone other than the applicant, spouse, parent or child prepared the form.
    PreparedByOther,
    /// Part D: the spouse, a parent or a child helped.
    FamilyAssisted,
    /// The engine's `asylum.one_year` finding is no: filing more than a year after the last arrival.
    Late,
}

impl Form {
    /// The form compiled into the crate.
    pub fn embedded() -> &'static Form {
        static FORM: OnceLock<Form> = OnceLock::new();
        FORM.get_or_init(|| {
            crate::data::read(crate::data::I589_JSON, crate::data::I589_TOML)
                .and_then(Form::check)
                .expect("form/i589.toml is checked by the tests")
        })
    }

    /// Reads and checks form data.
    ///
    /// # Errors
    /// What is wrong, naming the item.
    pub fn parse(text: &str) -> Result<Form, String> {
        Form::check(toml::from_str(text).map_err(|e| e.to_string())?)
    }

    /// Checks form data as read: every item in a part, its path in the
    /// application or the facts, listed once, `when` only when required.
    fn check(form: Form) -> Result<Form, String> {
        let mut paths = std::collections::HashSet::new();
        for item in &form.items {
            if !form.parts.iter().any(|p| p.id == item.part) {
                return Err(format!("{}: no part {:?}", item.path, item.part));
            }
            if !(item.path.starts_with("application.") || item.path.starts_with("facts.")) {
                return Err(format!(
                    "{}: a path starts with application. or facts.",
                    item.path
                ));
            }
            if !paths.insert(item.path.as_str()) {
                return Err(format!("{}: listed twice", item.path));
            }
            if !item.required && !item.when.is_empty() {
                return Err(format!(
                    "{}: `when` applies to a required item only",
                    item.path
                ));
            }
        }
        Ok(form)
    }

    /// The item whose field is `path` (with `[]` for list entries).
    pub fn item(&self, path: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.path == path)
    }

    /// The part's title.
    pub fn part_title(&self, id: &str) -> &str {
        self.parts
            .iter()
            .find(|p| p.id == id)
            .map_or("", |p| p.title.as_str())
    }
}

impl Item {
    /// `A.I.6 Middle Name`: how a message names the item.
    pub fn name(&self) -> String {
        let part = match self.part.as_str() {
            "top" => "Page 1",
            "a1" => "A.I",
            "a2" => "A.II",
            "a3" => "A.III",
            "b" => "B",
            "c" => "C",
            "d" => "D",
            "e" => "E",
            "sup_b" => "Supplement B",
            _ => "",
        };
        if self.number.is_empty() || self.number == "-" {
            format!("{part} {}", self.label)
        } else {
            format!("{part}.{} {}", self.number, self.label)
        }
    }
}
