//! The evidence checklist: its data (`form/evidence.toml`) is checked against
//! the engine's findings and its own sources, and the case's checklist reads
//! the elements from the facts and the engine, the statuses from the document.

use jiff::civil::date;
use refuge_application::document::EvidenceStatus;
use refuge_application::evidence::{Checklist, Evidence};
use refuge_application::{CaseDocument, check};
use serde_json::{Value, json};

const SAMPLE: &str = include_str!("../../../examples/application/complete.json");

fn checklist(edit: impl FnOnce(&mut Value)) -> Checklist {
    let mut doc: Value = serde_json::from_str(SAMPLE).unwrap();
    edit(&mut doc);
    let doc = CaseDocument::from_json(&doc.to_string(), date(2026, 11, 27)).unwrap();
    check(&doc, refuge_engine::Law::embedded()).evidence
}

fn evidence(doc: &mut Value) -> &mut Vec<Value> {
    doc["application"]["evidence"].as_array_mut().unwrap()
}

#[test]
fn the_data_names_each_element_of_the_issue_with_sourced_items_and_the_engines_findings() {
    let data = Evidence::embedded();
    assert!(!data.checklist.version.is_empty());
    for id in [
        "identity",
        "past_harm",
        "nexus",
        "actor",
        "one_year",
        "one_year_exception",
        "fear",
        "family",
    ] {
        assert!(data.element(id).is_some(), "no element {id}");
    }
    for el in &data.elements {
        for cite in &el.authority {
            assert!(
                refuge_engine::cite::parse(cite).is_some(),
                "{}: {cite:?} is not a citation form the project writes",
                el.id
            );
        }
        for f in &el.findings {
            assert!(
                refuge_engine::defs::ALL.iter().any(|d| d.id == f),
                "{}: no finding {f}",
                el.id
            );
        }
        for it in &el.items {
            assert!(!it.sources.is_empty(), "{}.{} has no source", el.id, it.id);
            for s in &it.sources {
                assert!(
                    data.sources.iter().any(|d| &d.id == s),
                    "{}.{}: source {s} is not declared",
                    el.id,
                    it.id
                );
            }
        }
    }
}

#[test]
fn checklist_data_with_an_unknown_finding_an_undeclared_source_or_an_item_without_one_is_refused() {
    let text = include_str!("../form/evidence.toml");
    for (from, to, says) in [
        (
            "findings = [\"asylum.one_year\"]",
            "findings = [\"asylum.one_yr\"]",
            "not a finding of the engine",
        ),
        (
            "sources = [\"cfr_208_4_a_2\"]",
            "sources = [\"a_blog\"]",
            "no source a_blog",
        ),
        (
            "sources = [\"cfr_208_4_a_2\"]",
            "sources = []",
            "has no source",
        ),
        ("id = \"national_id\"", "id = \"passport\"", "listed twice"),
        (
            "findings = [\"harm.<hid>.actor\"]",
            "findings = [\"family.<fid>.derivative\"]",
            "not made for",
        ),
    ] {
        assert!(text.contains(from), "{from}");
        let e = Evidence::parse(&text.replacen(from, to, 1)).unwrap_err();
        assert!(e.contains(says), "{e}");
    }
}

#[test]
fn the_sample_lists_every_element_it_relies_on_with_the_statuses_it_gives() {
    let c = checklist(|_| {});
    let got: Vec<String> = c
        .elements
        .iter()
        .map(|e| {
            let of = e.harm.clone().or(e.family.clone()).unwrap_or_default();
            format!("{}{}{of}", e.element, if of.is_empty() { "" } else { ":" })
        })
        .collect();
    assert_eq!(
        got,
        [
            "identity",
            "past_harm:h1",
            "past_harm:h2",
            "nexus:h1",
            "nexus:h2",
            "actor:h1",
            "actor:h2",
            "one_year",
            "one_year_exception",
            "fear",
            "family:s1",
            "family:c1",
            "family:c2"
        ]
    );
    let h2 = c
        .elements
        .iter()
        .find(|e| e.element == "past_harm" && e.harm.as_deref() == Some("h2"))
        .unwrap();
    let status = |item: &str| h2.items.iter().find(|i| i.item == item).unwrap();
    assert_eq!(status("medical_records").status, EvidenceStatus::Translated);
    assert_eq!(
        status("police_records").status,
        EvidenceStatus::NotObtainable
    );
    assert!(
        status("police_records")
            .why
            .as_deref()
            .unwrap()
            .contains("refused")
    );
    // Not listed in the document: needed.
    assert_eq!(status("photos_messages").status, EvidenceStatus::Needed);
    assert!(h2.findings.iter().any(|f| f.id == "harm.h2.severity"));
    // The group the harm's ground names is tied to the nexus of that harm.
    let nexus = c
        .elements
        .iter()
        .find(|e| e.element == "nexus" && e.harm.as_deref() == Some("h1"))
        .unwrap();
    assert!(nexus.findings.iter().any(|f| f.id == "group.g1.cognizable"));
    assert!(c.testimony_alone.is_empty(), "{:?}", c.testimony_alone);
}

#[test]
fn a_spouse_is_asked_for_the_marriage_certificate_and_a_child_for_the_birth_certificate() {
    let c = checklist(|_| {});
    let items = |fid: &str| -> Vec<&str> {
        c.elements
            .iter()
            .find(|e| e.family.as_deref() == Some(fid))
            .unwrap()
            .items
            .iter()
            .map(|i| i.item)
            .collect()
    };
    assert_eq!(items("s1"), ["marriage_certificate", "identity_document"]);
    assert_eq!(items("c2"), ["birth_certificate", "identity_document"]);
}

/// INA § 208(b)(1)(B)(ii): the declaration alone is testimony; a harm whose
/// only evidence in hand is the declaration rests on it alone.
#[test]
fn a_harm_proved_by_the_declaration_alone_rests_on_testimony_alone_ina_208_b_1_b_ii() {
    let c = checklist(|doc| {
        evidence(doc).retain(|e| {
            !(e["element"] == "past_harm" && e["harm"] == "h1" && e["item"] != "declaration")
        });
    });
    let alone: Vec<&str> = c.testimony_alone.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(alone, ["harm.h1.severity"]);
    // Past persecution still rests on the corroborated beating (h2).
    let h1 = c
        .elements
        .iter()
        .find(|e| e.element == "past_harm" && e.harm.as_deref() == Some("h1"))
        .unwrap();
    assert!(!h1.corroborated);
    let text = refuge_application::output::text(&check(
        &CaseDocument::from_json(
            &{
                let mut doc: Value = serde_json::from_str(SAMPLE).unwrap();
                evidence(&mut doc).clear();
                doc.to_string()
            },
            date(2026, 11, 27),
        )
        .unwrap(),
        refuge_engine::Law::embedded(),
    ));
    assert!(text.contains("Resting on testimony alone"), "{text}");
    assert!(text.contains("refugee.past_persecution (yes)"), "{text}");
    assert!(text.contains(refuge_engine::NOTICE));
}

#[test]
fn an_item_not_obtainable_does_not_corroborate_but_says_why() {
    let c = checklist(|doc| {
        let list = evidence(doc);
        list.retain(|e| e["element"] != "one_year");
        list.push(json!({"element": "one_year", "item": "entry_evidence", "status": "not_obtainable", "why": "She crossed between ports; CBP's FOIA answer has no record."}));
    });
    assert_eq!(
        c.testimony_alone
            .iter()
            .map(|f| f.id.as_str())
            .collect::<Vec<_>>(),
        ["asylum.one_year"]
    );
}

#[test]
fn the_exception_is_an_element_only_for_a_late_filing() {
    let c = checklist(|doc| {
        doc["facts"]["arrivals"][0]["date"] = json!("2026-06-01");
        doc["application"]["part_c"]
            .as_object_mut()
            .unwrap()
            .remove("q5");
        evidence(doc).retain(|e| e["element"] != "one_year_exception");
    });
    assert!(c.elements.iter().all(|e| e.element != "one_year_exception"));
    assert!(c.elements.iter().any(|e| e.element == "one_year"));
}

/// 8 C.F.R. § 103.2(b)(3): a document in another language is filed with a
/// certified English translation.
#[test]
fn a_spanish_document_in_hand_needs_a_certified_translation_8_cfr_103_2_b_3() {
    let c = checklist(|doc| {
        evidence(doc).push(json!({"element": "identity", "item": "national_id", "status": "in_hand", "language": "Spanish"}));
    });
    let id = &c.elements[0];
    let national = id.items.iter().find(|i| i.item == "national_id").unwrap();
    assert!(national.needs_translation);
    let birth = id
        .items
        .iter()
        .find(|i| i.item == "birth_certificate")
        .unwrap();
    assert!(!birth.needs_translation, "translated already");
}
