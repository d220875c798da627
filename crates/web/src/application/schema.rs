//! The OpenAPI schemas of the application document and of the readiness
//! (`docs/application.md`, `docs/checks.md`).
//!
//! The application's schema is built from the form data: each item of
//! `Form::embedded()` whose path is in the application, described by its
//! number and label, typed by its control ([`fields::widget`], which a test
//! holds to the document's parser). The readiness is described by structs
//! that mirror `refuge_application::Readiness` (never built).

// The structs below describe JSON the application crate writes; they are never built.
#![allow(dead_code)]

use std::collections::BTreeMap;

use refuge_application::Form;
use refuge_application::schema::accepts_null;
use serde_json::Value;
use utoipa::openapi::RefOr;
use utoipa::openapi::schema::{
    AdditionalProperties, ArrayBuilder, KnownFormat, ObjectBuilder, Schema, SchemaFormat,
    SchemaType, Type,
};
use utoipa::{PartialSchema, ToSchema};

use super::fields::{self, Widget};

#[derive(Default)]
struct Node {
    /// The item that describes this field (a value, or a list's header).
    description: Option<String>,
    widget: Option<Widget>,
    /// Its fields, for an object (or each entry of a list of objects).
    children: BTreeMap<String, Node>,
    list: bool,
}

/// `t`, or `t` and `null` where the document reads `null` as "not answered"
/// (an optional field: [`refuge_application::schema::accepts_null`]).
fn typed(t: Type, null: bool) -> SchemaType {
    if null {
        SchemaType::from_iter([t, Type::Null])
    } else {
        SchemaType::Type(t)
    }
}

/// A list of allowed strings, and `null` with them where it is allowed.
fn choices(v: &[&str], null: bool) -> ObjectBuilder {
    let values = v.iter().map(|x| Value::from(*x));
    ObjectBuilder::new()
        .schema_type(typed(Type::String, null))
        .enum_values(Some(values.chain(null.then_some(Value::Null))))
}

fn value_schema(w: &Widget, description: String, null: bool) -> RefOr<Schema> {
    let string = || ObjectBuilder::new().schema_type(typed(Type::String, null));
    let o = match w {
        Widget::Flag => ObjectBuilder::new().schema_type(typed(Type::Boolean, null)),
        Widget::Choice(v) => choices(v, null),
        Widget::Many(v) => {
            return ArrayBuilder::new()
                .schema_type(typed(Type::Array, null))
                .items(choices(v, false))
                .description(Some(description))
                .into();
        }
        Widget::Date => string().format(Some(SchemaFormat::KnownFormat(KnownFormat::Date))),
        Widget::Country => string().pattern(Some("^[A-Z]{2}$")),
        Widget::Key => ObjectBuilder::new()
            .schema_type(typed(Type::Integer, null))
            .minimum(Some(0)),
        Widget::Text | Widget::Prose | Widget::DateOrMark | Widget::Day | Widget::Until => string(),
    };
    let o = if let Widget::Key = w {
        o
    } else {
        o.description(Some(
            format!("{description} ({})", fields::hint(w)).replace(" ()", ""),
        ))
    };
    o.into()
}

/// The schema of the field at `path` (`application.part_c.q2a`), by its node.
fn node_schema(name: &str, path: &str, n: &Node) -> RefOr<Schema> {
    let null = accepts_null(path);
    if n.children.is_empty() {
        // `family` names a facts family id (a string), `arrival` an index.
        if name == "family" {
            return ObjectBuilder::new()
                .schema_type(typed(Type::String, null))
                .description(Some("The facts family member's id (facts.family[].id)"))
                .into();
        }
        let w = n.widget.clone().unwrap_or(Widget::Text);
        return value_schema(&w, n.description.clone().unwrap_or_default(), null);
    }
    let entry = if n.list {
        format!("{path}[]")
    } else {
        path.to_string()
    };
    let mut o = ObjectBuilder::new()
        .schema_type(typed(Type::Object, accepts_null(&entry)))
        .additional_properties(Some(AdditionalProperties::FreeForm(false)));
    for (k, c) in &n.children {
        o = o.property(k, node_schema(k, &format!("{entry}.{k}"), c));
    }
    if n.list {
        ArrayBuilder::new()
            .schema_type(typed(Type::Array, null))
            .items(o)
            .max_items(Some(refuge_application::document::MAX_ROWS))
            .description(n.description.clone())
            .into()
    } else {
        o.description(n.description.clone()).into()
    }
}

/// The application document: Form I-589 less what the facts hold.
pub struct ApplicationDocument;

impl PartialSchema for ApplicationDocument {
    fn schema() -> RefOr<Schema> {
        let form = Form::embedded();
        let mut root = Node::default();
        for item in &form.items {
            let Some(path) = item.path.strip_prefix("application.") else {
                continue;
            };
            let mut node = &mut root;
            for seg in path.split('.') {
                let (key, list) = match seg.strip_suffix("[]") {
                    Some(k) => (k, true),
                    None => (seg, false),
                };
                node = node.children.entry(key.to_string()).or_default();
                node.list |= list;
            }
            node.description = Some(item.name());
            node.widget = Some(fields::widget(&item.path));
        }
        for (part, title) in form.parts.iter().map(|p| (p.id.as_str(), p.title.as_str())) {
            let key = match part {
                "sup_b" => "supplement_b".to_string(),
                p => format!("part_{p}"),
            };
            if let Some(n) = root.children.get_mut(&key)
                && n.description.is_none()
            {
                n.description = Some(title.to_string());
            }
        }
        let mut doc = ObjectBuilder::new()
            .schema_type(Type::Object)
            .description(Some(
                "The case's Form I-589 application (docs/application.md): what the form asks that the facts do not hold. Every field is optional (absent: not answered yet); a text item may be answered \"N/A\", \"None\" or \"Unknown\". Unknown fields and bad values are refused, naming the path.",
            ))
            .additional_properties(Some(AdditionalProperties::FreeForm(false)));
        for (k, c) in &root.children {
            doc = doc.property(k, node_schema(k, &format!("application.{k}"), c));
        }
        // The sections beside the form's items (`schema::BESIDE_THE_FORM`),
        // described in words: their fields are docs/application.md's, and the
        // server reads them strictly.
        doc = doc
            .property(
                "timeline",
                ObjectBuilder::new().schema_type(typed(Type::Object, accepts_null("application.timeline"))).description(Some(
                    "The timeline of events with their sources (docs/application.md, \"The timeline\"): `sources` and `events`.",
                )),
            )
            .property(
                "evidence",
                ArrayBuilder::new()
                    .schema_type(typed(Type::Array, accepts_null("application.evidence")))
                    .items(ObjectBuilder::new().schema_type(typed(
                        Type::Object,
                        accepts_null("application.evidence[]"),
                    )))
                    .description(Some(
                        "The status of each piece of evidence of the checklist (docs/application.md, \"The evidence checklist\").",
                    )),
            );
        doc.into()
    }
}

impl ToSchema for ApplicationDocument {}

/// Whether the case's application is ready to file (`refuge check --format json`).
#[derive(ToSchema)]
pub struct ReadinessDocument {
    /// The day that stood for "the present" (the facts' `as_of`, or today).
    #[schema(format = Date)]
    as_of: String,
    form: FormVersion,
    /// No blocking check tripped.
    ready: bool,
    counts: Counts,
    /// Every check, in the order of `form/checks.toml`, with its status.
    checks: Vec<CheckResult>,
    /// What the checks found.
    issues: Vec<Issue>,
    /// That this is not legal advice.
    notice: String,
}

/// The form the application is for, and whether its edition was verified.
#[derive(ToSchema)]
struct FormVersion {
    number: String,
    edition: String,
    edition_verified: bool,
    /// The edition whose item numbers the items carry.
    numbering: String,
}

#[derive(ToSchema)]
struct Counts {
    blocking: usize,
    warnings: usize,
    cannot_tell: usize,
}

#[derive(ToSchema)]
struct CheckResult {
    id: String,
    #[schema(inline)]
    severity: Severity,
    #[schema(inline)]
    status: Status,
    title: String,
    authority: Vec<String>,
}

/// One thing a check found (its status `tripped` or `cannot_tell`), with
/// the paths of the items it concerns.
#[derive(ToSchema)]
struct Issue {
    check: String,
    #[schema(inline)]
    severity: Severity,
    // No doc comment here: utoipa would wrap the inlined enum in an `allOf`
    // with an empty object, which no string matches (found by schemathesis).
    #[schema(inline)]
    status: Status,
    /// Paths in the case document (`application.part_a3.addresses[2].to`, `facts.family[0]`).
    items: Vec<String>,
    message: String,
    authority: Vec<String>,
}

/// `blocking`: the filing would be rejected or is legally wrong; `warning`: a credibility risk or something to confirm.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
enum Severity {
    Blocking,
    Warning,
}

#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
enum Status {
    Passed,
    Tripped,
    CannotTell,
}
