//! The declaration scaffold (issue 17, item 5): a first draft that holds only
//! the case's facts and placeholders, in the timeline's order, as Markdown and
//! as PDF with the same text.

mod common;

use refuge_application::CaseDocument;
use refuge_documents::{
    Declaration, DeclarationOptions, DocOptions, ParaKind, Piece, declaration, declaration_pdf,
    shown, value_at,
};
use refuge_engine::output::Outcome;
use refuge_engine::{Law, NOTICE};
use serde_json::{Value, json};

const COMPLETE: &str = include_str!("../../../examples/application/complete.json");

fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 27)
}

fn opts() -> DeclarationOptions<'static> {
    DeclarationOptions {
        doc: DocOptions {
            case_number: Some("2026-0042"),
            client_name: Some("Ana Reyes"),
            ..DocOptions::default()
        },
        country_name: Some(|c| (c == "HN").then_some("Honduras")),
    }
}

/// The draft of a case document given as JSON, with the document's own root
/// (`{facts, application}`) as the case holds it, and the one-year finding.
fn draft(json: &str) -> (Declaration, Value, Option<Outcome>) {
    let doc = CaseDocument::from_json(json, today()).unwrap_or_else(|e| panic!("{e}"));
    let a = refuge_engine::assess(doc.case(), Law::embedded());
    let root = json!({
        "facts": serde_json::to_value(doc.case().facts()).unwrap(),
        "application": serde_json::to_value(doc.application()).unwrap(),
    });
    let one_year = a.finding("asylum.one_year").map(|f| f.outcome);
    (declaration(&doc, &a, &opts()), root, one_year)
}

fn complete_with(changes: &[(&str, Value)]) -> String {
    let mut v: Value = serde_json::from_str(COMPLETE).unwrap();
    for (pointer, value) in changes {
        *v.pointer_mut(pointer).unwrap() = value.clone();
    }
    v.to_string()
}

#[test]
fn an_empty_case_gives_a_draft_of_placeholders_only() {
    let (d, _, _) = draft(r#"{"facts": {}}"#);
    for s in &d.sections {
        assert!(
            !s.paras.is_empty(),
            "{}: every section asks for something",
            s.id
        );
        for p in &s.paras {
            assert_eq!(p.kind, ParaKind::Ask, "{}: {}", s.id, p.plain());
            assert_eq!(p.facts().count(), 0);
            assert!(p.plain().starts_with('[') && p.plain().ends_with(']'));
        }
    }
    let ids: Vec<&str> = d.sections.iter().map(|s| s.id).collect();
    assert_eq!(ids, ["who", "happened", "fear", "relocation", "closing"]);
}

#[test]
fn every_fact_in_the_draft_is_one_the_case_document_holds() {
    let (d, root, _) = draft(COMPLETE);
    let mut facts = 0;
    for s in &d.sections {
        for p in &s.paras {
            for (path, value) in p.facts() {
                let held = value_at(&root, path).and_then(shown);
                assert_eq!(held.as_deref(), Some(value), "{path}");
                facts += 1;
            }
            if matches!(p.kind, ParaKind::Text | ParaKind::Heading) {
                assert!(
                    p.facts().count() > 0,
                    "a sentence of the declaration states a fact: {}",
                    p.plain()
                );
            }
            for piece in &p.pieces {
                if let Piece::Fact { text, value, .. } = piece {
                    // Written as held, or a date or a country code written out.
                    assert!(
                        text == value || text == &value.replace('_', " ") || value.len() <= 10,
                        "{text} for {value}"
                    );
                }
            }
        }
    }
    assert!(facts > 30, "the sample holds many facts: {facts}");
    let md = d.markdown(&opts().doc);
    assert!(md.contains("My name is Ana Lucía Reyes Martínez."), "{md}");
    assert!(
        md.contains("I was born on April 12, 1990 in San Pedro Sula, Honduras."),
        "{md}"
    );
    assert!(md.contains("I am a national of Honduras."), "{md}");
    assert!(
        md.contains("Gang members came to my restaurant"),
        "the harm's narrative, verbatim"
    );
}

#[test]
fn what_happened_follows_the_timeline_in_date_order_and_after_whatever_the_order_entered() {
    let mut v: Value = serde_json::from_str(COMPLETE).unwrap();
    let events = v
        .pointer_mut("/application/timeline/events")
        .unwrap()
        .as_array_mut()
        .unwrap();
    events.reverse();
    let (d, _, _) = draft(&v.to_string());
    let headings: Vec<String> = d
        .section("happened")
        .unwrap()
        .paras
        .iter()
        .filter(|p| p.kind == ParaKind::Heading)
        .map(|p| p.plain())
        .collect();
    let dates: Vec<&str> = headings
        .iter()
        .map(|h| h.split(" · ").next().unwrap())
        .collect();
    assert_eq!(
        dates,
        [
            "October 15, 2023",
            "January 20, 2024",
            "February 1, 2024",
            "February 2024",
            "March 10, 2024"
        ],
        "{headings:?}"
    );
    assert!(
        headings[0].contains("San Pedro Sula, Cortés, Honduras"),
        "{headings:?}"
    );
}

#[test]
fn the_late_filing_section_is_there_exactly_when_the_engine_finds_the_filing_late() {
    let cases = [
        (
            "the sample: arrived 2024-03-10, not filed by 2026-11-27",
            complete_with(&[]),
        ),
        (
            "arrived 2026-06-01: within the year",
            complete_with(&[
                ("/facts/arrivals/0/date", json!("2026-06-01")),
                ("/facts/exceptions", json!([])),
                ("/application/part_a1/left_country_on", json!("2026-05-20")),
                ("/application/timeline/events/4/date", json!("2026-06-01")),
            ]),
        ),
        (
            "no arrival: the engine cannot tell",
            r#"{"facts": {}}"#.to_string(),
        ),
    ];
    let mut seen = (false, false);
    for (claim, json) in cases {
        let (d, _, one_year) = draft(&json);
        let late = one_year == Some(Outcome::No);
        assert_eq!(d.section("late").is_some(), late, "{claim}: {one_year:?}");
        if late {
            seen.0 = true;
            let s = d.section("late").unwrap();
            let text: String = s.paras.iter().map(|p| p.plain()).collect();
            assert!(
                text.contains("serious illness or disability"),
                "the exception the facts hold: {text}"
            );
        } else {
            seen.1 = true;
        }
    }
    assert!(seen.0 && seen.1, "both ways");
}

#[test]
fn the_markdown_and_the_pdf_carry_the_same_text() {
    let (d, _, _) = draft(COMPLETE);
    let md = d.markdown(&opts().doc);
    let pdf = declaration_pdf(&d, &opts().doc).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    let all = read.flat();
    let mut at = 0;
    for s in &d.sections {
        assert!(md.contains(&format!(". {}\n", s.heading)), "{}", s.heading);
        for p in &s.paras {
            let want = common::flat(&p.plain());
            let found = all[at..].find(&want);
            assert!(found.is_some(), "in the PDF, in order: {want}");
            at += found.unwrap();
            assert!(
                md.contains(&p.markdown()),
                "in the Markdown: {}",
                p.markdown()
            );
        }
    }
    assert!(
        md.contains(NOTICE) && all.contains(&common::flat(NOTICE)),
        "the notice, both ways"
    );
    assert!(md.contains("Draft") && all.contains("Draft."));
    for n in 1..=read.count {
        assert!(
            read.page(n)
                .contains(&format!("Page {n} of {}", read.count))
        );
        assert!(read.header(n).contains("Case 2026-0042"));
        assert!(!read.header(n).contains("Reyes"), "no name in the header");
    }
}

#[test]
fn a_narrative_and_a_name_with_markup_characters_print_as_typed_both_ways() {
    let narrative = "They wrote #set text(red) on my door, [*here*] and $5 $ `x` \\ _y_ <b>";
    let name = "Ana #[*Lucía*] $";
    let json = complete_with(&[
        ("/facts/harms/0/narrative", json!(narrative)),
        ("/application/part_a1/first_name", json!(name)),
    ]);
    let (d, _, _) = draft(&json);
    let md = d.markdown(&opts().doc);
    assert!(
        !md.contains("[*here*]"),
        "markup characters escaped in the Markdown"
    );
    assert!(md.contains(r"\[\*here\*\]"), "{md}");
    assert!(md.contains(r"Ana \#\[\*Lucía\*\] $"), "{md}");
    let pdf = declaration_pdf(&d, &opts().doc).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    let all = read.flat();
    assert!(
        all.contains(&common::flat(narrative)),
        "the narrative as typed: {}",
        &all[all.find("They wrote").unwrap_or(0)..][..120]
    );
    assert!(all.contains(name), "the name as typed");
}

#[test]
fn the_declaration_draft_snapshot() {
    let (d, _, _) = draft(COMPLETE);
    common::snapshot("declaration_complete.md", &d.markdown(&opts().doc));
}

/// Every pointer to an object member of `v`, deepest first.
fn members(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, x) in m {
                let p = format!("{at}/{k}");
                members(x, p.clone(), out);
                out.push(p);
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                members(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn with_any_one_fact_removed_the_draft_still_states_only_what_the_document_holds() {
    let full: Value = serde_json::from_str(COMPLETE).unwrap();
    let mut pointers = Vec::new();
    members(&full, String::new(), &mut pointers);
    let mut drafted = 0;
    for pointer in &pointers {
        let mut v = full.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        if let Some(Value::Object(m)) = v.pointer_mut(parent) {
            m.remove(key);
        }
        // A document the reader refuses (a reference left dangling) is no draft's concern.
        let Ok(doc) = CaseDocument::from_json(&v.to_string(), today()) else {
            continue;
        };
        let a = refuge_engine::assess(doc.case(), Law::embedded());
        let root = json!({
            "facts": serde_json::to_value(doc.case().facts()).unwrap(),
            "application": serde_json::to_value(doc.application()).unwrap(),
        });
        let d = declaration(&doc, &a, &opts());
        for p in d.sections.iter().flat_map(|s| &s.paras) {
            for (path, value) in p.facts() {
                let held = value_at(&root, path).and_then(shown);
                assert_eq!(held.as_deref(), Some(value), "without {pointer}: {path}");
            }
        }
        assert!(d.markdown(&opts().doc).contains(NOTICE));
        drafted += 1;
    }
    assert!(drafted > 100, "{drafted} documents drafted");
}
