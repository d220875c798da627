//! The practice set chosen for a case, table-driven: each row is a case (the
//! sample application of examples/application/complete.json, changed at a
//! few paths), the forum, and the questions the set must and must not hold.

use refuge_application::{CaseDocument, check};
use refuge_engine::Law;
use refuge_interview::{Bank, CaseView, Forum, Item, Section, checklist, practice_set};
use serde_json::{Value, json};

const SAMPLE: &str = include_str!("../../../examples/application/complete.json");

/// The sample with `set` applied (JSON pointers), and its practice set.
fn set_for(set: &[(&str, Value)], forum: Option<Forum>) -> Vec<Item> {
    let mut doc: Value = serde_json::from_str(SAMPLE).unwrap();
    for (pointer, value) in set {
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let target = doc
            .pointer_mut(parent)
            .unwrap_or_else(|| panic!("{parent}"));
        match target {
            Value::Object(m) => {
                m.insert(key.to_string(), value.clone());
            }
            Value::Array(a) => a[key.parse::<usize>().unwrap()] = value.clone(),
            _ => panic!("{pointer}"),
        }
    }
    let today = jiff::civil::date(2026, 11, 27);
    let checked =
        CaseDocument::from_json(&doc.to_string(), today).unwrap_or_else(|e| panic!("{e}"));
    let assessment = refuge_engine::assess(checked.case(), Law::embedded());
    let readiness = check(&checked, Law::embedded());
    let forum = forum.unwrap_or_else(|| Forum::of_facts(&doc["facts"]));
    practice_set(
        Bank::embedded(),
        &CaseView {
            document: &doc,
            assessment: &assessment,
            readiness: Some(&readiness),
            forum,
        },
    )
}

fn ids(set: &[Item]) -> Vec<&str> {
    set.iter().map(|q| q.id.as_str()).collect()
}

struct Row {
    claim: &'static str,
    set: Vec<(&'static str, Value)>,
    forum: Option<Forum>,
    has: &'static [&'static str],
    lacks: &'static [&'static str],
}

/// A clean sample: every conduct bar answered no, no resettlement offer, no earlier order.
fn clean() -> Vec<(&'static str, Value)> {
    vec![
        (
            "/facts/conduct",
            json!({"persecuted_others": false, "aggravated_felony": false, "particularly_serious_crime": false, "serious_nonpolitical_crime": false, "danger_to_security": false, "terrorist_activity": false}),
        ),
        (
            "/facts/resettlement",
            json!({"offered_permanent_status": false}),
        ),
        (
            "/facts/removal",
            json!({"prior_order": false, "in_proceedings": false}),
        ),
    ]
}

fn with(
    mut base: Vec<(&'static str, Value)>,
    more: &[(&'static str, Value)],
) -> Vec<(&'static str, Value)> {
    base.extend(more.iter().cloned());
    base
}

#[test]
fn the_selection_rules_hold_row_by_row() {
    let rows = [
        Row {
            claim: "a late filing brings the exception questions (8 C.F.R. § 208.4(a)(4)-(5))",
            set: clean(),
            forum: None,
            has: &[
                "one_year.why_late",
                "one_year.extraordinary",
                "one_year.knew",
            ],
            lacks: &[],
        },
        Row {
            claim: "a filing within the year brings no exception question",
            set: with(
                clean(),
                &[
                    ("/facts/arrivals/0/date", json!("2026-06-01")),
                    ("/facts/exceptions", json!([])),
                    ("/application/part_a1/left_country_on", json!("2026-05-20")),
                ],
            ),
            forum: None,
            has: &["one_year.arrival_proof"],
            lacks: &[
                "one_year.why_late",
                "one_year.changed",
                "one_year.extraordinary",
            ],
        },
        Row {
            claim: "a departure after the arrival brings its explain question (INA § 208(b)(1)(B)(iii))",
            set: with(
                clean(),
                &[("/application/part_a1/left_country_on", json!("2024-04-01"))],
            ),
            forum: None,
            has: &["explain:consistency.departure:application.part_a1.left_country_on"],
            lacks: &[],
        },
        Row {
            claim: "a consistent application brings no explain question",
            set: clean(),
            forum: None,
            has: &[],
            lacks: &["explain:consistency.departure:application.part_a1.left_country_on"],
        },
        Row {
            claim: "a defensive case is heard in court, with cross-examination",
            set: with(clean(), &[("/facts/application/forum", json!("defensive"))]),
            forum: None,
            has: &[
                "court.border_statement",
                "court.money",
                "court.never_reported",
                "court.judge_timeline",
            ],
            lacks: &["office.read_back", "office.interpreter"],
        },
        Row {
            claim: "an affirmative case has the asylum office's interview, without cross-examination",
            set: clean(),
            forum: None,
            has: &[
                "office.read_back",
                "office.corrections",
                "office.interpreter",
            ],
            lacks: &[
                "court.border_statement",
                "court.money",
                "court.judge_timeline",
            ],
        },
        Row {
            claim: "a clean case is asked only the bars questions asked of everyone",
            set: clean(),
            forum: None,
            has: &[
                "bars.arrested",
                "bars.harmed_others",
                "bars.weapons",
                "bars.material_support",
                "bars.resettled",
                "bars.earlier_application",
                "bars.false_statements",
            ],
            lacks: &[
                "bars.crime_abroad",
                "bars.crime_us",
                "bars.armed_service",
                "bars.armed_group_member",
                "bars.security",
                "bars.resettlement_conditions",
                "bars.earlier_denial",
                "bars.prior_order",
            ],
        },
        Row {
            claim: "a bar not yet ruled out brings its follow-up questions",
            set: with(
                clean(),
                &[
                    ("/facts/conduct/persecuted_others", Value::Null),
                    ("/facts/conduct/serious_nonpolitical_crime", Value::Null),
                ],
            ),
            forum: None,
            has: &["bars.armed_service", "bars.crime_abroad"],
            lacks: &["bars.crime_us"],
        },
        Row {
            claim: "each harm suffered gets its own account",
            set: clean(),
            forum: None,
            has: &["harm.narrative@h1", "harm.narrative@h2", "harm.injuries@h2"],
            lacks: &["harm.narrative", "harm.detention@h1"],
        },
    ];
    for row in rows {
        let set = set_for(&row.set, row.forum);
        let got = ids(&set);
        for id in row.has {
            assert!(got.contains(id), "{}: {id} missing from {got:?}", row.claim);
        }
        for id in row.lacks {
            assert!(!got.contains(id), "{}: {id} should not be asked", row.claim);
        }
    }
}

#[test]
fn an_explain_question_shows_both_statements_to_the_preparer() {
    let set = set_for(
        &with(
            clean(),
            &[("/application/part_a1/left_country_on", json!("2024-04-01"))],
        ),
        None,
    );
    let q = set
        .iter()
        .find(|q| q.id.starts_with("explain:consistency.departure"))
        .unwrap();
    assert_eq!(q.section, Section::Weakest);
    let shown: Vec<(&str, &str)> = q
        .statements
        .iter()
        .map(|s| (s.path.as_str(), s.value.as_str()))
        .collect();
    assert!(
        shown.contains(&("application.part_a1.left_country_on", "2024-04-01")),
        "{shown:?}"
    );
    assert!(
        shown.contains(&("facts.arrivals[0].date", "2024-03-10")),
        "{shown:?}"
    );
    assert!(q.issue.as_deref().unwrap().contains("2024-04-01"));
}

#[test]
fn the_weakest_come_first_then_the_story_then_the_bars_then_the_forum() {
    let set = set_for(
        &with(
            clean(),
            &[("/application/part_a1/left_country_on", json!("2024-04-01"))],
        ),
        None,
    );
    let sections: Vec<Section> = set.iter().map(|q| q.section).collect();
    assert!(sections.windows(2).all(|w| w[0] <= w[1]), "{sections:?}");
    assert!(
        set[0].id.starts_with("explain:"),
        "the discrepancy is the first question: {}",
        set[0].id
    );
    for s in [Section::Story, Section::Bars, Section::Forum] {
        assert!(sections.contains(&s), "{s:?}");
    }
    // The story keeps the elements' order: identity before the reasons, the
    // fear of return after them; each harm's questions in the harms' order.
    let at = |id: &str| set.iter().position(|q| q.id == id).unwrap();
    assert!(at("identity.name") < at("nexus.why_you"));
    assert!(at("nexus.why_you") < at("future.what_if_return"));
    assert!(at("harm.narrative@h1") < at("harm.narrative@h2"));
}

#[test]
fn an_unknown_finding_puts_its_element_among_the_weakest() {
    // The group's social distinction unknown: the nexus finding is unknown.
    let set = set_for(
        &with(
            clean(),
            &[("/facts/groups/0/socially_distinct", Value::Null)],
        ),
        None,
    );
    let q = set.iter().find(|q| q.id == "nexus.group").unwrap();
    assert_eq!(q.section, Section::Weakest, "{}", q.reason);
    assert!(q.reason.contains("unknown"), "{}", q.reason);
}

#[test]
fn the_affirmative_checklist_asks_for_an_interpreter_and_the_court_one_does_not() {
    let doc: Value = serde_json::from_str(SAMPLE).unwrap();
    let checked = CaseDocument::from_json(SAMPLE, jiff::civil::date(2026, 11, 27)).unwrap();
    let a = refuge_engine::assess(checked.case(), Law::embedded());
    let items = |forum| {
        checklist(
            Bank::embedded(),
            &CaseView {
                document: &doc,
                assessment: &a,
                readiness: None,
                forum,
            },
        )
        .iter()
        .map(|c| c.id.clone())
        .collect::<Vec<_>>()
    };
    assert!(items(Forum::AsylumOffice).contains(&"interpreter".to_string()));
    assert!(!items(Forum::Court).contains(&"interpreter".to_string()));
    assert!(items(Forum::Court).contains(&"court_interpreter".to_string()));
    assert!(items(Forum::Court).contains(&"notice".to_string()));
}

#[test]
fn a_reason_resting_on_testimony_alone_puts_its_element_among_the_weakest_ina_208_b_1_b_ii() {
    // The checklist started (the passport in hand) but nothing corroborates the harms.
    let only_identity = json!([{"element": "identity", "item": "passport", "status": "in_hand"}]);
    let set = set_for(
        &with(clean(), &[("/application/evidence", only_identity)]),
        None,
    );
    let q = set.iter().find(|q| q.id == "nexus.why_you").unwrap();
    assert_eq!(q.section, Section::Weakest, "{}", q.reason);
    assert!(q.reason.contains("testimony alone"), "{}", q.reason);
    assert!(q.reason.contains("208(b)(1)(B)(ii)"), "{}", q.reason);

    // The sample's reasons are corroborated (country reports, membership evidence).
    let set = set_for(&clean(), None);
    let q = set.iter().find(|q| q.id == "nexus.why_you").unwrap();
    assert_eq!(q.section, Section::Story, "{}", q.reason);

    // A checklist not yet started says nothing of corroboration.
    let set = set_for(
        &with(clean(), &[("/application/evidence", json!([]))]),
        None,
    );
    assert!(
        set.iter().all(|q| !q.reason.contains("testimony alone")),
        "{:?}",
        set.iter().map(|q| &q.reason).collect::<Vec<_>>()
    );
}
