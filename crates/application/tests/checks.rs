//! Each readiness check, table-driven: a case that trips it, one that does
//! not, and one where it cannot tell yet. Every row starts from the complete
//! sample (`examples/application/complete.json`, which passes every check)
//! and changes what the row names.

use jiff::civil::date;
use refuge_application::output::Status;
use refuge_application::{CaseDocument, Readiness, check};
use serde_json::{Value, json};

const SAMPLE: &str = include_str!("../../../examples/application/complete.json");

/// Sets (or, with `null`, removes) the value at `path` (`application.part_a3.addresses[2].to`).
fn set(doc: &mut Value, path: &str, value: Value) {
    let mut segs: Vec<(&str, Option<usize>)> = Vec::new();
    for seg in path.split('.') {
        match seg.split_once('[') {
            Some((name, rest)) => {
                segs.push((name, Some(rest.trim_end_matches(']').parse().unwrap())))
            }
            None => segs.push((seg, None)),
        }
    }
    let (last, parents) = segs.split_last().unwrap();
    let mut v = doc;
    for (name, index) in parents {
        v = v
            .as_object_mut()
            .unwrap()
            .entry(name.to_string())
            .or_insert_with(|| {
                if index.is_some() {
                    json!([])
                } else {
                    json!({})
                }
            });
        if let Some(i) = index {
            v = &mut v.as_array_mut().unwrap()[*i];
        }
    }
    let obj = v.as_object_mut().unwrap();
    match (last.1, value) {
        (None, Value::Null) => {
            obj.remove(last.0);
        }
        (None, value) => {
            obj.insert(last.0.to_string(), value);
        }
        (Some(i), Value::Null) => {
            obj.get_mut(last.0)
                .unwrap()
                .as_array_mut()
                .unwrap()
                .remove(i);
        }
        (Some(i), value) => {
            let list = obj.get_mut(last.0).unwrap().as_array_mut().unwrap();
            if i == list.len() {
                list.push(value);
            } else {
                list[i] = value;
            }
        }
    }
}

fn run(edits: &[(&str, Value)]) -> Readiness {
    let mut doc: Value = serde_json::from_str(SAMPLE).unwrap();
    for (path, value) in edits {
        set(&mut doc, path, value.clone());
    }
    let doc = CaseDocument::from_json(&doc.to_string(), date(2026, 11, 27))
        .unwrap_or_else(|e| panic!("{edits:?}: {e}"));
    check(&doc, refuge_engine::Law::embedded())
}

use Status::{CannotTell as CANNOT, Passed as PASS, Tripped as TRIP};

/// (the claim, the edits, the status the check must have, a path its issues must name)
type Row<'a> = (&'a str, Vec<(&'a str, Value)>, Status, &'a str);

fn table(id: &str, rows: Vec<Row>) {
    for (claim, edits, want, path) in rows {
        let r = run(&edits);
        let got = r
            .check(id)
            .unwrap_or_else(|| panic!("no check {id}"))
            .status;
        let issues: Vec<_> = r.issues_of(id).collect();
        assert_eq!(got, want, "{id}: {claim}\n{issues:#?}");
        if !path.is_empty() {
            assert!(
                issues.iter().any(|i| i.items.iter().any(|p| p == path)),
                "{id}: {claim}: no issue names {path}\n{issues:#?}"
            );
        }
    }
}

#[test]
fn the_complete_sample_passes_every_check() {
    let r = run(&[]);
    for c in &r.checks {
        assert_eq!(
            c.status,
            PASS,
            "{}: {:#?}",
            c.id,
            r.issues_of(c.id).collect::<Vec<_>>()
        );
    }
    assert!(r.ready && r.issues.is_empty());
}

#[test]
fn every_required_item_is_answered_or_marked_na_8_cfr_208_3_c_3() {
    table(
        "complete.required",
        vec![
            (
                "a blank middle name is a missing answer (write N/A)",
                vec![("application.part_a1.middle_name", Value::Null)],
                TRIP,
                "application.part_a1.middle_name",
            ),
            (
                "whitespace is no answer",
                vec![("application.part_a1.middle_name", json!("  "))],
                TRIP,
                "application.part_a1.middle_name",
            ),
            (
                "N/A answers it",
                vec![("application.part_a1.middle_name", json!("N/A"))],
                PASS,
                "",
            ),
            (
                "a mailing address that differs must be given",
                vec![("application.part_a1.mailing_same", json!(false))],
                TRIP,
                "application.part_a1.mailing_address.street",
            ),
            (
                "a child abroad needs a location",
                vec![("application.part_a2.members[2].location", Value::Null)],
                TRIP,
                "application.part_a2.members[2].location",
            ),
            (
                "a parent marked deceased needs no current location",
                vec![("application.part_a3.father.location", Value::Null)],
                PASS,
                "",
            ),
            (
                "a living parent does",
                vec![("application.part_a3.mother.location", Value::Null)],
                TRIP,
                "application.part_a3.mother.location",
            ),
            (
                "the facts' birth date is A.I.12",
                vec![("facts.applicant.birth_date", Value::Null)],
                TRIP,
                "facts.applicant.birth_date",
            ),
            (
                "the address history must list at least one row",
                vec![("application.part_a3.addresses", json!([]))],
                TRIP,
                "application.part_a3.addresses",
            ),
            (
                "no siblings is answered by []",
                vec![("application.part_a3.siblings", json!([]))],
                PASS,
                "",
            ),
            (
                "row 2 of A.III.1 is required when the last address abroad is not in the feared country",
                vec![(
                    "application.part_a3.last_address_abroad.country",
                    json!("MX"),
                )],
                TRIP,
                "application.part_a3.last_address_feared.street",
            ),
            (
                "Part E is required when someone else prepared the form",
                vec![("application.part_e.name", Value::Null)],
                TRIP,
                "application.part_e.name",
            ),
            (
                "and not when no one did",
                vec![
                    ("application.part_d.someone_else_prepared", json!("no")),
                    ("application.part_e", Value::Null),
                ],
                PASS,
                "",
            ),
        ],
    );
    // Cannot tell: an item whose condition is unknown is not reported; the
    // condition's own item is.
    let r = run(&[("application.part_a1.mailing_same", Value::Null)]);
    let paths: Vec<_> = r
        .issues_of("complete.required")
        .flat_map(|i| i.items.clone())
        .collect();
    assert_eq!(paths, ["application.part_a1.mailing_same"]);
}

#[test]
fn every_yes_in_parts_b_and_c_has_its_explanation() {
    table(
        "complete.explanations",
        vec![
            (
                "a yes to B.1.A without its explanation",
                vec![("application.part_b.q1a.explanation", Value::Null)],
                TRIP,
                "application.part_b.q1a.explanation",
            ),
            (
                "a yes to C.2.A without its explanation",
                vec![("application.part_c.q2a.explanation", json!(""))],
                TRIP,
                "application.part_c.q2a.explanation",
            ),
            (
                "a no needs none",
                vec![("application.part_b.q2.explanation", Value::Null)],
                PASS,
                "",
            ),
            // Without the answer, whether an explanation is needed is unknown: the answer is what is missing.
            (
                "an unanswered question asks for no explanation yet",
                vec![("application.part_b.q1a", json!({}))],
                PASS,
                "",
            ),
        ],
    );
}

#[test]
fn every_spouse_and_child_is_listed_whatever_their_age_location_or_marital_status() {
    table(
        "complete.family",
        vec![
            (
                "a child abroad left out of A.II",
                vec![("application.part_a2.members[2]", Value::Null)],
                TRIP,
                "facts.family[2]",
            ),
            (
                "\"no children\" while the facts list two",
                vec![("application.part_a2.has_children", json!("no"))],
                TRIP,
                "application.part_a2.has_children",
            ),
            ("every member listed", vec![], PASS, ""),
            (
                "the facts list no family yet",
                vec![
                    ("application.part_a2.members", Value::Null),
                    ("facts.family", Value::Null),
                ],
                CANNOT,
                "facts.family",
            ),
        ],
    );
}

#[test]
fn every_arrival_has_its_entry_in_a_i_19_c() {
    table(
        "complete.entries",
        vec![
            (
                "an arrival without its entry",
                vec![("application.part_a1.entries", json!([]))],
                TRIP,
                "facts.arrivals[0]",
            ),
            ("each arrival with its entry", vec![], PASS, ""),
            (
                "no arrivals known yet",
                vec![
                    ("application.part_a1.entries", Value::Null),
                    ("facts.arrivals", Value::Null),
                ],
                CANNOT,
                "facts.arrivals",
            ),
        ],
    );
}

#[test]
fn an_unsigned_application_is_incomplete() {
    table(
        "complete.signed",
        vec![
            (
                "Part D unsigned",
                vec![("application.part_d.signed", json!(false))],
                TRIP,
                "application.part_d.signed",
            ),
            (
                "Part E undated while a preparer is named",
                vec![("application.part_e.signed_on", Value::Null)],
                TRIP,
                "application.part_e.signed_on",
            ),
            ("signed and dated", vec![], PASS, ""),
            (
                "whether Part E must be signed waits on Part D",
                vec![("application.part_d.someone_else_prepared", Value::Null)],
                CANNOT,
                "application.part_d.someone_else_prepared",
            ),
        ],
    );
}

#[test]
fn the_address_history_covers_five_years_without_a_gap_over_30_days_to_the_present() {
    table(
        "history.addresses",
        vec![
            (
                "April and May 2024 missing",
                vec![("application.part_a3.addresses[0].from", json!("2024-06"))],
                TRIP,
                "application.part_a3.addresses[0].from",
            ),
            (
                "a gap of 31 days trips",
                vec![
                    ("application.part_a3.addresses[2].to", json!("2024-01-01")),
                    ("application.part_a3.addresses[1].from", json!("2024-02-02")),
                ],
                TRIP,
                "application.part_a3.addresses[1].from",
            ),
            (
                "a gap of 30 days does not",
                vec![
                    ("application.part_a3.addresses[2].to", json!("2024-01-01")),
                    ("application.part_a3.addresses[1].from", json!("2024-02-01")),
                ],
                PASS,
                "",
            ),
            (
                "a month stands for any day in it: April missing (30 days) does not trip",
                vec![("application.part_a3.addresses[0].from", json!("2024-05"))],
                PASS,
                "",
            ),
            (
                "March missing (31 days) does",
                vec![
                    ("application.part_a3.addresses[1].to", json!("2024-02")),
                    ("application.part_a3.addresses[0].from", json!("2024-04")),
                ],
                TRIP,
                "application.part_a3.addresses[0].from",
            ),
            (
                "reaching back only to 2023",
                vec![("application.part_a3.addresses[2].from", json!("2023-01"))],
                TRIP,
                "application.part_a3.addresses[2].from",
            ),
            (
                "ending in 2025, not at the present",
                vec![("application.part_a3.addresses[0].to", json!("2025-06"))],
                TRIP,
                "application.part_a3.addresses[0].to",
            ),
            ("the sample", vec![], PASS, ""),
            (
                "a row without dates",
                vec![("application.part_a3.addresses[1].to", Value::Null)],
                CANNOT,
                "application.part_a3.addresses[1].to",
            ),
        ],
    );
}

#[test]
fn two_residences_do_not_overlap_by_more_than_30_days() {
    table(
        "history.address_overlap",
        vec![
            (
                "living in Honduras until June 2024 and in Mexico from February",
                vec![("application.part_a3.addresses[2].to", json!("2024-06"))],
                TRIP,
                "application.part_a3.addresses[2].to",
            ),
            ("moving within a month", vec![], PASS, ""),
            (
                "a row without dates",
                vec![("application.part_a3.addresses[0].to", Value::Null)],
                CANNOT,
                "application.part_a3.addresses[0].to",
            ),
        ],
    );
}

#[test]
fn the_employment_history_covers_five_years_to_the_present() {
    table(
        "history.employment",
        vec![
            (
                "the months without work left out",
                vec![("application.part_a3.employment[1]", Value::Null)],
                TRIP,
                "application.part_a3.employment[1].to",
            ),
            (
                "a last job that ended in 2025",
                vec![("application.part_a3.employment[0].to", json!("2025-01"))],
                TRIP,
                "application.part_a3.employment[0].to",
            ),
            (
                "no employment at all ([] answers None)",
                vec![("application.part_a3.employment", json!([]))],
                PASS,
                "",
            ),
            ("the sample", vec![], PASS, ""),
            (
                "not answered yet",
                vec![("application.part_a3.employment", Value::Null)],
                CANNOT,
                "application.part_a3.employment",
            ),
        ],
    );
}

#[test]
fn part_c_5_agrees_with_the_engine_and_names_the_exception_ina_208_a_2_d() {
    table(
        "one_year.c5",
        vec![
            (
                "a late filing without C.5's explanation",
                vec![("application.part_c.q5", Value::Null)],
                TRIP,
                "application.part_c.q5.explanation",
            ),
            (
                "an explanation that does not name the illness the facts give",
                vec![(
                    "application.part_c.q5.explanation",
                    json!("I was afraid to see a lawyer."),
                )],
                TRIP,
                "facts.exceptions[0].kind",
            ),
            (
                "\"will\" does not name an illness",
                vec![
                    (
                        "application.part_c.q5.explanation",
                        json!("I will explain at the interview."),
                    ),
                    (
                        "facts.exceptions[0].kind",
                        json!("death_or_illness_in_family"),
                    ),
                ],
                TRIP,
                "application.part_c.q5.explanation",
            ),
            ("the explanation names it", vec![], PASS, ""),
            (
                "a timely filing needs no explanation",
                vec![
                    ("facts.arrivals[0].date", json!("2026-06-01")),
                    ("application.part_c.q5", Value::Null),
                ],
                PASS,
                "",
            ),
            (
                "no arrival date: the engine cannot tell whether the filing is late",
                vec![("facts.arrivals[0].date", Value::Null)],
                CANNOT,
                "facts.arrivals",
            ),
            (
                "late, but the facts give no exception kind yet",
                vec![("facts.exceptions", Value::Null)],
                CANNOT,
                "facts.exceptions",
            ),
        ],
    );
}

#[test]
fn the_last_departure_comes_before_the_last_arrival() {
    table(
        "consistency.departure",
        vec![
            (
                "left the country after arriving",
                vec![("application.part_a1.left_country_on", json!("2024-04-01"))],
                TRIP,
                "application.part_a1.left_country_on",
            ),
            (
                "the last address abroad runs to the present",
                vec![(
                    "application.part_a3.last_address_abroad.to",
                    json!("present"),
                )],
                TRIP,
                "application.part_a3.last_address_abroad.to",
            ),
            ("the sample", vec![], PASS, ""),
            (
                "no arrival date yet",
                vec![("facts.arrivals[0].date", Value::Null)],
                CANNOT,
                "facts.arrivals",
            ),
        ],
    );
}

#[test]
fn dates_are_in_a_possible_order() {
    table(
        "consistency.order",
        vec![
            (
                "married before the applicant was born",
                vec![("facts.family[0].relationship_began", json!("1989-01-01"))],
                TRIP,
                "facts.family[0].relationship_began",
            ),
            (
                "married before the spouse was born",
                vec![("facts.family[0].birth_date", json!("2013-01-01"))],
                TRIP,
                "facts.family[0].relationship_began",
            ),
            (
                "a residence from before the birth",
                vec![("application.part_a3.education[0].from", json!("1985-01"))],
                TRIP,
                "application.part_a3.education[0].from",
            ),
            ("the sample", vec![], PASS, ""),
            (
                "no birth date yet",
                vec![("facts.applicant.birth_date", Value::Null)],
                CANNOT,
                "facts.applicant.birth_date",
            ),
        ],
    );
}

#[test]
fn c_2_a_is_yes_when_the_route_passed_through_a_third_country() {
    table(
        "consistency.transit",
        vec![
            (
                "C.2.A no, through Guatemala and Mexico",
                vec![("application.part_c.q2a", json!({"answer": "no"}))],
                TRIP,
                "facts.arrivals[0].transit_countries",
            ),
            ("C.2.A yes", vec![], PASS, ""),
            (
                "C.2.A no, straight from home",
                vec![
                    ("application.part_c.q2a", json!({"answer": "no"})),
                    ("facts.arrivals[0].transit_countries", json!([])),
                    ("facts.arrivals[0].from_country", json!("HN")),
                ],
                PASS,
                "",
            ),
            (
                "C.2.A unanswered",
                vec![("application.part_c.q2a", json!({}))],
                CANNOT,
                "application.part_c.q2a.answer",
            ),
        ],
    );
}

#[test]
fn c_4_is_yes_when_the_record_shows_a_return_home() {
    table(
        "consistency.return",
        vec![
            (
                "a later arrival from Honduras",
                vec![(
                    "facts.arrivals[1]",
                    json!({"date": "2025-05-01", "from_country": "HN"}),
                )],
                TRIP,
                "facts.arrivals[1]",
            ),
            (
                "living in Honduras again after Mexico",
                vec![("application.part_a3.addresses[0].country", json!("HN"))],
                TRIP,
                "application.part_a3.addresses[0]",
            ),
            ("the sample", vec![], PASS, ""),
            (
                "C.4 unanswered",
                vec![("application.part_c.q4", json!({}))],
                CANNOT,
                "application.part_c.q4.answer",
            ),
        ],
    );
}

#[test]
fn the_marital_status_agrees_with_the_family_in_the_facts() {
    table(
        "consistency.marital_status",
        vec![
            (
                "single, with a spouse in the facts",
                vec![("application.part_a1.marital_status", json!("single"))],
                TRIP,
                "facts.family[0]",
            ),
            (
                "married, with no spouse in the facts",
                vec![
                    ("application.part_a2.members[0]", Value::Null),
                    ("facts.family[0]", Value::Null),
                ],
                TRIP,
                "application.part_a1.marital_status",
            ),
            (
                "a child married on the form, not in the facts",
                vec![(
                    "application.part_a2.members[1].marital_status",
                    json!("married"),
                )],
                TRIP,
                "facts.family[1].married",
            ),
            ("the sample", vec![], PASS, ""),
            (
                "no marital status yet",
                vec![("application.part_a1.marital_status", Value::Null)],
                CANNOT,
                "application.part_a1.marital_status",
            ),
        ],
    );
}

#[test]
fn b_2_is_yes_when_the_facts_record_a_detention() {
    table(
        "consistency.detention",
        vec![
            (
                "detained, but B.2 no",
                vec![("facts.harms[1].kind", json!("detention"))],
                TRIP,
                "facts.harms[1]",
            ),
            ("no detention in the facts", vec![], PASS, ""),
            (
                "B.2 unanswered, and the facts record a detention",
                vec![
                    ("facts.harms[1].kind", json!("detention")),
                    ("application.part_b.q2", json!({})),
                ],
                CANNOT,
                "application.part_b.q2.answer",
            ),
        ],
    );
}

#[test]
fn a_i_18_and_c_1_agree_with_the_immigration_history() {
    table(
        "consistency.proceedings",
        vec![
            (
                "in removal proceedings, but A.I.18 says never",
                vec![("facts.removal.in_proceedings", json!(true))],
                TRIP,
                "application.part_a1.court",
            ),
            (
                "an earlier denial, but C.1 says no",
                vec![("facts.application.previously_denied", json!(true))],
                TRIP,
                "application.part_c.q1.answer",
            ),
            ("the sample", vec![], PASS, ""),
            (
                "A.I.18 unanswered",
                vec![("application.part_a1.court", Value::Null)],
                CANNOT,
                "application.part_a1.court",
            ),
        ],
    );
}

#[test]
fn every_ground_the_facts_claim_is_ticked_in_b_1() {
    table(
        "consistency.grounds",
        vec![
            (
                "the social group not ticked",
                vec![(
                    "application.part_b.grounds",
                    json!(["political_opinion", "torture_convention"]),
                )],
                TRIP,
                "facts.harms[0].grounds[0].ground",
            ),
            (
                "coercive population control is ticked as political opinion",
                vec![(
                    "facts.harms[1].grounds[0].ground",
                    json!("coercive_population_control"),
                )],
                PASS,
                "",
            ),
            ("the sample", vec![], PASS, ""),
            (
                "B.1 unanswered",
                vec![("application.part_b.grounds", Value::Null)],
                CANNOT,
                "application.part_b.grounds",
            ),
        ],
    );
}

#[test]
fn the_torture_answers_agree() {
    table(
        "consistency.torture",
        vec![
            (
                "the CAT box ticked, B.4 no",
                vec![("application.part_b.q4", json!({"answer": "no"}))],
                TRIP,
                "application.part_a1.also_cat",
            ),
            (
                "the CAT box ticked, B.1's Torture Convention not",
                vec![(
                    "application.part_b.grounds",
                    json!(["political_opinion", "particular_social_group"]),
                )],
                TRIP,
                "application.part_b.grounds",
            ),
            ("the sample", vec![], PASS, ""),
            (
                "B.4 unanswered",
                vec![("application.part_b.q4", json!({}))],
                CANNOT,
                "application.part_b.q4.answer",
            ),
        ],
    );
}

#[test]
fn the_printed_name_is_the_applicants_name() {
    table(
        "consistency.name",
        vec![
            (
                "a shortened name",
                vec![("application.part_d.printed_name", json!("Ana Reyes"))],
                TRIP,
                "application.part_a1.last_name",
            ),
            (
                "case and spacing do not matter",
                vec![(
                    "application.part_d.printed_name",
                    json!("ANA  LUCÍA REYES  MARTÍNEZ"),
                )],
                PASS,
                "",
            ),
            (
                "no printed name yet",
                vec![("application.part_d.printed_name", Value::Null)],
                CANNOT,
                "application.part_d.printed_name",
            ),
        ],
    );
}

#[test]
fn partial_applications_are_normal_every_check_reports_without_failing() {
    let doc =
        CaseDocument::from_json(r#"{"facts": {}, "application": {}}"#, date(2026, 12, 1)).unwrap();
    let r = check(&doc, refuge_engine::Law::embedded());
    assert!(!r.ready);
    for c in &r.checks {
        if c.id.starts_with("consistency.") || c.id.starts_with("history.") || c.id == "one_year.c5"
        {
            assert_eq!(
                c.status,
                CANNOT,
                "{}: {:#?}",
                c.id,
                r.issues_of(c.id).collect::<Vec<_>>()
            );
        }
    }
}
