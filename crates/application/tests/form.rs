//! The form's data (`form/i589.toml`) and the application document's types
//! say the same thing: every item names a field, every field is an item.

use std::collections::BTreeSet;

use refuge_application::Form;
use refuge_application::checks::all;
use refuge_application::schema::{Kind, paths};

#[test]
fn every_item_of_the_form_names_a_field_and_every_field_of_the_application_is_an_item() {
    let form = Form::embedded();
    // The timeline and the evidence statuses are beside the form, not items of it.
    let fields: BTreeSet<String> = paths("application")
        .into_iter()
        .filter(|(p, k)| *k != Kind::Object && !refuge_application::schema::beside_the_form(p))
        .map(|(p, _)| p)
        .collect();
    assert!(
        fields.contains("application.part_a3.addresses[].to")
            && fields.contains("application.part_a2.members[].family"),
        "the walk through the document's types went wrong: {fields:?}"
    );
    let items: BTreeSet<String> = form
        .items
        .iter()
        .filter(|i| i.path.starts_with("application."))
        .map(|i| i.path.clone())
        .collect();
    let not_items: Vec<_> = fields.difference(&items).collect();
    let not_fields: Vec<_> = items.difference(&fields).collect();
    assert!(
        not_items.is_empty() && not_fields.is_empty(),
        "fields of the application with no item in form/i589.toml: {not_items:?}\nitems naming no field of the application: {not_fields:?}"
    );
}

#[test]
fn every_item_answered_by_the_facts_names_a_field_of_the_facts() {
    let facts = paths("facts");
    for item in &Form::embedded().items {
        if item.path.starts_with("facts.") {
            assert!(
                facts.contains_key(&item.path),
                "{}: no such field in the facts document",
                item.path
            );
        }
    }
}

#[test]
fn the_form_names_its_edition_and_says_whether_it_was_verified() {
    let f = &Form::embedded().form;
    assert_eq!(f.number, "I-589");
    assert_eq!(f.numbering, "04/09/19");
    assert!(!f.edition.is_empty() && !f.edition_note.is_empty());
    // An unverified edition must say so where a reader looks.
    if !f.edition_verified {
        assert!(f.edition_note.contains("could not be verified"));
    }
    for item in &Form::embedded().items {
        assert!(
            item.verified || !item.note.is_empty(),
            "{}: an unverified item says why in its note",
            item.path
        );
    }
}

#[test]
fn form_data_with_an_unknown_part_a_duplicate_or_a_stray_condition_is_refused() {
    let head = "[form]\nnumber = \"I-589\"\ntitle = \"t\"\nnumbering = \"04/09/19\"\nnumbering_source = \"s\"\nedition = \"e\"\nedition_verified = false\nedition_note = \"n\"\n[[parts]]\nid = \"a1\"\ntitle = \"A.I\"\n";
    let item = |part: &str, path: &str, extra: &str| {
        format!(
            "[[items]]\npart = \"{part}\"\nnumber = \"1\"\nlabel = \"l\"\npath = \"{path}\"\nverified = true\n{extra}\n"
        )
    };
    let ok = format!(
        "{head}{}",
        item("a1", "application.part_a1.a_number", "required = true")
    );
    assert!(Form::parse(&ok).is_ok());
    for (bad, says) in [
        (
            item("zz", "application.part_a1.a_number", "required = true"),
            "no part",
        ),
        (
            item("a1", "part_a1.a_number", "required = true"),
            "starts with",
        ),
        (
            item(
                "a1",
                "application.part_a1.a_number",
                "required = false\nwhen = [\"yes\"]",
            ),
            "`when`",
        ),
        (
            item(
                "a1",
                "application.part_a1.a_number",
                "required = true\nwhen = [\"sometimes\"]",
            ),
            "unknown variant",
        ),
    ] {
        let e = Form::parse(&format!("{head}{bad}")).unwrap_err();
        assert!(e.contains(says), "{e}");
    }
    let twice = format!(
        "{head}{}{}",
        item("a1", "application.part_a1.a_number", "required = true"),
        item("a1", "application.part_a1.a_number", "required = true")
    );
    assert!(Form::parse(&twice).unwrap_err().contains("listed twice"));
}

#[test]
fn every_check_cites_an_authority_in_a_known_form() {
    let mut ids = BTreeSet::new();
    for def in all() {
        assert!(ids.insert(&def.id), "{} is defined twice", def.id);
        assert!(!def.authority.is_empty(), "{} cites nothing", def.id);
        for cite in &def.authority {
            assert!(
                refuge_engine::cite::parse(cite).is_some() || cite.starts_with("Form I-589, Part"),
                "{}: {cite:?} is not a citation form the project writes",
                def.id
            );
        }
    }
}

/// The ids the code of `src/checks/` reports (string literals such as
/// `"history.addresses"`) are the ids of `form/checks.toml`, both ways: a
/// check reported under an undefined id would panic, and a defined check no
/// code reports would always pass.
#[test]
fn every_check_the_code_reports_is_defined_and_every_defined_check_is_reported() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/checks");
    let mut used = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for (i, literal) in source.split('"').enumerate() {
            let is_id = i % 2 == 1
                && [
                    "complete.",
                    "history.",
                    "one_year.",
                    "consistency.",
                    "timeline.",
                ]
                .iter()
                .any(|p| literal.starts_with(p))
                && literal
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_');
            if is_id {
                used.insert(literal.to_string());
            }
        }
    }
    let defined: BTreeSet<String> = all().iter().map(|d| d.id.clone()).collect();
    assert_eq!(used, defined);
}

/// Start-up reads the data as JSON that `build.rs` converts from the TOML
/// (faster to read); the TOML is the source, and both say the same.
#[test]
fn the_data_start_up_reads_is_the_toml_as_written() {
    let form = Form::parse(include_str!("../form/i589.toml")).unwrap();
    assert_eq!(
        serde_json::to_value(&form).unwrap(),
        serde_json::to_value(Form::embedded()).unwrap()
    );
    #[derive(serde::Deserialize)]
    struct Defs {
        checks: Vec<refuge_application::checks::Def>,
    }
    let defs: Defs = toml::from_str(include_str!("../form/checks.toml")).unwrap();
    assert_eq!(defs.checks, all());
    let evidence =
        refuge_application::evidence::Evidence::parse(include_str!("../form/evidence.toml"))
            .unwrap();
    assert_eq!(
        format!("{evidence:?}"),
        format!("{:?}", refuge_application::evidence::Evidence::embedded())
    );
}
