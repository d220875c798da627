//! The OpenAPI schemas of the two documents the API carries: the facts
//! document (`spec/facts.md`) and the assessment (`spec/output.md`).
//!
//! The facts document's schema is built from the form table
//! ([`SECTIONS`]), the one list of every fact, which a test keeps
//! equal to the fields the engine's parser accepts; each fact is described by
//! its form label and help. The assessment's schema describes the JSON the
//! engine writes; its enumerations are read from the engine's own spellings
//! (`as_str`), and a `match` over each engine enum makes a new value a
//! compile error here until it is listed.

// The structs below describe JSON the engine writes; they are never built.
#![allow(dead_code)]

use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{
    AdditionalProperties, ArrayBuilder, KnownFormat, ObjectBuilder, Schema, SchemaFormat,
    SchemaType, Type,
};
use utoipa::{PartialSchema, ToSchema};

use crate::facts::form::{Field, Kind, SECTIONS, Shape};

/// A type that may also be `null` (an unknown fact).
fn nullable(t: Type) -> SchemaType {
    SchemaType::from_iter([t, Type::Null])
}

fn describe(field: &Field) -> String {
    if field.help.is_empty() {
        field.label.to_string()
    } else {
        format!("{}. {}", field.label.trim_end_matches('.'), field.help)
    }
}

const COUNTRY_PATTERN: &str = "^[A-Z]{2}$";

/// One fact's schema, by its kind; `null` is always allowed (unknown).
fn fact_schema(field: &Field) -> RefOr<Schema> {
    let description = Some(describe(field));
    let scalar = |t: Type| ObjectBuilder::new().schema_type(nullable(t));
    match field.kind {
        Kind::Bool => scalar(Type::Boolean).description(description).into(),
        Kind::Date => scalar(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
            .description(description)
            .into(),
        Kind::Int => scalar(Type::Integer)
            .minimum(Some(0))
            .description(description)
            .into(),
        Kind::Number => scalar(Type::Number)
            .minimum(Some(0))
            .description(description)
            .into(),
        Kind::Text | Kind::Prose => scalar(Type::String).description(description).into(),
        Kind::Country => scalar(Type::String)
            .pattern(Some(COUNTRY_PATTERN))
            .description(description)
            .into(),
        Kind::Countries => ArrayBuilder::new()
            .schema_type(nullable(Type::Array))
            .items(
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .pattern(Some(COUNTRY_PATTERN)),
            )
            .description(description)
            .into(),
        Kind::Choice(values) => scalar(Type::String)
            .enum_values(Some(
                values
                    .iter()
                    .map(|v| serde_json::Value::from(*v))
                    .chain([serde_json::Value::Null]),
            ))
            .description(description)
            .into(),
    }
}

/// An object of these facts, refusing any other field (as the engine does).
fn object_of(fields: &[Field], description: &str) -> ObjectBuilder {
    let mut o = ObjectBuilder::new()
        .schema_type(nullable(Type::Object))
        .description(Some(description))
        .additional_properties(Some(AdditionalProperties::FreeForm(false)));
    for field in fields {
        o = o.property(field.name, fact_schema(field));
    }
    o
}

fn list_of(entry: ObjectBuilder, description: &str) -> RefOr<Schema> {
    ArrayBuilder::new()
        .schema_type(nullable(Type::Array))
        .items(entry)
        .description(Some(description))
        .into()
}

/// The facts document of `spec/facts.md`.
pub struct FactsDocument;

impl PartialSchema for FactsDocument {
    fn schema() -> RefOr<Schema> {
        let mut doc = ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some(
                "The facts of one case (spec/facts.md). Every field is optional: an absent field, or null, is an unknown fact. The engine refuses an unknown field, naming it.",
            ))
            .additional_properties(Some(AdditionalProperties::FreeForm(false)))
            .property(
                "as_of",
                ObjectBuilder::new()
                    .schema_type(nullable(Type::String))
                    .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
                    .description(Some("The date the case is assessed on (default: today).")),
            );
        for sec in SECTIONS {
            doc = match sec.shape {
                Shape::Top => {
                    let mut doc = doc;
                    for field in sec.fields {
                        doc = doc.property(field.name, fact_schema(field));
                    }
                    doc
                }
                Shape::Object => doc.property(sec.key, object_of(sec.fields, sec.title)),
                Shape::List | Shape::Keyed => {
                    let mut entry = object_of(sec.fields, sec.title).schema_type(Type::Object);
                    if let Some((nested, fields)) = sec.nested {
                        let what = format!("The {nested} of one entry");
                        let inner = object_of(fields, &what).schema_type(Type::Object);
                        entry = entry.property(nested, list_of(inner, &what));
                    }
                    doc.property(sec.key, list_of(entry, sec.title))
                }
            };
        }
        doc.into()
    }
}

impl ToSchema for FactsDocument {}

/// A string enumeration of the engine's own spellings.
macro_rules! engine_enum {
    ($(#[doc = $doc:literal])+ $name:ident = $engine:ty { $($var:ident),+ $(,)? }) => {
        $(#[doc = $doc])+
        pub struct $name;

        impl $name {
            /// Every value, as the engine writes it.
            pub fn values() -> Vec<&'static str> {
                type E = $engine;
                // A value the engine adds makes this match fail to compile.
                fn _every_value_is_listed(v: E) {
                    match v {
                        $(E::$var)|+ => {}
                    }
                }
                vec![$(E::$var.as_str()),+]
            }
        }

        impl PartialSchema for $name {
            fn schema() -> RefOr<Schema> {
                ObjectBuilder::new()
                    .schema_type(Type::String)
                    .enum_values(Some(Self::values()))
                    .description(Some(concat!($($doc),+).trim()))
                    .into()
            }
        }

        impl ToSchema for $name {}
    };
}

use refuge_engine::output as out;

engine_enum!(
    /// A relief's outcome. `granted`: asylum, once `application.granted_on`
    /// is given (the other reliefs are then `not_applicable`).
    ReliefOutcome = out::ReliefOutcome { Eligible, Ineligible, Undetermined, NotApplicable, Granted }
);
engine_enum!(
    /// A finding's outcome.
    Outcome = out::Outcome { Yes, No, Unknown, NotApplicable }
);
engine_enum!(
    /// The basis of an eligible asylum claim.
    Basis = out::Basis { PastPersecution, WellFoundedFear, Humanitarian }
);
engine_enum!(
    /// What a date is for a person: a last day to act, a first day one may act, or a record.
    DateKind = out::DateKind { LastDay, FirstDay, Record }
);
engine_enum!(
    /// A date's status on `as_of`.
    Status = out::Status { Met, Missed, Upcoming, Passed, Exempt }
);
engine_enum!(
    /// How a family member would come: in the applicant's case, or to follow to join.
    FamilyPath = out::FamilyPath { Included, FollowToJoin }
);
engine_enum!(
    /// A family member's relation to the applicant.
    Relation = refuge_engine::facts::Relation { Spouse, Child }
);

/// One case's determination (spec/output.md): what `refuge assess --format json` prints.
#[derive(ToSchema)]
pub struct Assessment {
    #[schema(value_type = String, format = Date)]
    as_of: (),
    law: LawVersion,
    reliefs: Reliefs,
    /// Every finding the facts make relevant, each after the findings it depends on.
    findings: Vec<Finding>,
    deadlines: Vec<Deadline>,
    /// What to ask next, the question that could settle the most reliefs first.
    questions: Vec<Question>,
    family: Vec<FamilyEntry>,
    /// Law in flux, litigation, assumptions made.
    warnings: Vec<Warning>,
    /// Refuge supports, and does not replace, the judgment of a qualified
    /// immigration attorney or accredited representative.
    notice: String,
}

/// The parameter set the assessment applied.
#[derive(ToSchema)]
pub struct LawVersion {
    version: String,
    #[schema(value_type = String, format = Date)]
    reviewed_on: (),
}

/// The five reliefs.
#[derive(ToSchema)]
pub struct Reliefs {
    asylum: Relief,
    withholding: Relief,
    cat_withholding: Relief,
    cat_deferral: Relief,
    refugee_admission: Relief,
}

/// One relief's outcome and the findings that decided it.
#[derive(ToSchema)]
pub struct Relief {
    outcome: ReliefOutcome,
    /// For an eligible asylum claim: the first basis that holds.
    #[schema(nullable = false)]
    basis: Option<Basis>,
    /// The ids of the findings that decided the outcome (none for `granted`).
    reasons: Vec<String>,
}

/// One finding, with its reasons and its law.
#[derive(ToSchema)]
pub struct Finding {
    id: String,
    question: String,
    outcome: Outcome,
    because: String,
    cite: Vec<String>,
    depends_on: Vec<String>,
}

/// A dated deadline or record (`asylum.one_year`, `asylum.annual_fee.2026`, …).
#[derive(ToSchema)]
pub struct Deadline {
    id: String,
    kind: DateKind,
    /// The date's name in words.
    label: String,
    #[schema(value_type = String, format = Date)]
    date: (),
    status: Status,
    /// For a last day to act that is near (issue 20): days left and the
    /// reminder threshold reached; absent otherwise.
    #[schema(nullable = false)]
    reminder: Option<Reminder>,
    because: String,
    cite: Vec<String>,
}

/// How near a last day to act is.
#[derive(ToSchema)]
pub struct Reminder {
    /// Days from `as_of` to the date (0: the date is today).
    days_left: i64,
    /// The smallest reminder threshold the date is within (90, 30 or 7 days).
    within: i64,
}

/// A question that would settle unknown findings.
#[derive(ToSchema)]
pub struct Question {
    /// The fact's path in the facts document (`arrivals[0].encountered_within_14_days`).
    fact: String,
    ask: String,
    /// The findings that are unknown for want of it.
    why: Vec<String>,
    /// `ask` as a message of the views' catalogues (`question-<path>`), for
    /// a reader of another language; absent for a field asked by its name.
    #[schema(nullable = false)]
    ask_message: Option<Message>,
}

/// A message of Refuge's catalogues (`crates/i18n/locales/`) by id, with its
/// arguments: what a view renders in the reader's language.
#[derive(ToSchema)]
pub struct Message {
    /// `question-harms-injured`, `question-phrase-harm-past`, …
    id: String,
    args: MessageArgs,
}

/// A message's arguments: text as the facts hold it, a number, a date, or a
/// phrase that is itself a message.
#[derive(ToSchema)]
pub struct MessageArgs {
    /// The arrival a question is about.
    #[schema(nullable = false, no_recursion)]
    a: Option<Box<Message>>,
    /// The harm, group or family member a question is about.
    #[schema(nullable = false, no_recursion)]
    p: Option<Box<Message>>,
    /// A kind of harm or of exception.
    #[schema(nullable = false, no_recursion)]
    kind: Option<Box<Message>>,
    /// A protected ground.
    #[schema(nullable = false, no_recursion)]
    ground: Option<Box<Message>>,
    /// A family member's relation.
    #[schema(nullable = false, no_recursion)]
    relation: Option<Box<Message>>,
    /// The harm's date as a phrase (empty when the facts give none).
    #[schema(nullable = false, no_recursion)]
    on: Option<Box<Message>>,
    /// An exception's or an arrival's number.
    #[schema(nullable = false)]
    n: Option<i64>,
    /// A harm's, group's or family member's id.
    #[schema(nullable = false)]
    id: Option<String>,
    /// A group's definition, as the facts hold it.
    #[schema(nullable = false)]
    definition: Option<String>,
    /// A date (`YYYY-MM-DD`).
    #[schema(value_type = String, format = Date, required = false)]
    date: (),
}

/// A family member's derivative status.
#[derive(ToSchema)]
pub struct FamilyEntry {
    id: String,
    relation: Option<Relation>,
    derivative: Outcome,
    path: Option<FamilyPath>,
    /// Absent when no filing age applies (a child born after the filing, or nothing filed).
    #[schema(nullable = false)]
    age_on_filing: Option<i32>,
    #[schema(nullable = false)]
    cspa_protected: Option<bool>,
}

/// A warning about law in flux.
#[derive(ToSchema)]
pub struct Warning {
    code: String,
    /// A few words naming the warning, for a heading.
    title: String,
    message: String,
    cite: Vec<String>,
}
