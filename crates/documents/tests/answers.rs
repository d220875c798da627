//! The Form I-589 answers as PDF, read back as the preparer reads them.

mod common;

use refuge_application::{CaseDocument, Form, check};
use refuge_documents::{AnswersOptions, CONTINUE_CHARS, answers_data, answers_pdf};
use refuge_engine::{Law, NOTICE};
use serde_json::{Value, json};

const COMPLETE: &str = include_str!("../../../examples/application/complete.json");

fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 27)
}

fn doc(json: &str) -> CaseDocument {
    CaseDocument::from_json(json, today()).unwrap()
}

fn opts() -> AnswersOptions<'static> {
    AnswersOptions {
        case_number: Some("2026-0042"),
        client_name: Some("Ana Ruiz"),
        ..AnswersOptions::default()
    }
}

/// The complete example with a change made at `path` (a JSON pointer).
fn complete_with(pointer: &str, value: Value) -> String {
    let mut v: Value = serde_json::from_str(COMPLETE).unwrap();
    *v.pointer_mut(pointer).unwrap() = value;
    v.to_string()
}

#[test]
fn the_answers_follow_the_form_part_by_part_with_every_answer_the_case_holds() {
    let d = doc(COMPLETE);
    let r = check(&d, Law::embedded());
    let pdf = answers_pdf(&d, &r, &opts()).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    let all = read.flat();
    // Every part's title, in the form's order.
    let mut at = 0;
    for part in &Form::embedded().parts {
        let found = all[at..].find(&common::flat(&part.title));
        assert!(found.is_some(), "{} (in order)", part.title);
        at += found.unwrap();
    }
    // Answers the document holds, as written.
    let v: Value = serde_json::from_str(COMPLETE).unwrap();
    let a1 = &v["application"]["part_a1"];
    for field in ["last_name", "first_name", "city_of_birth"] {
        let answer = a1[field].as_str().unwrap();
        assert!(all.contains(answer), "A.I {field}: {answer}");
    }
    assert!(all.contains(&common::flat(NOTICE)), "the notice");
    for n in 1..=read.count {
        assert!(
            read.page(n)
                .contains(&format!("Page {n} of {}", read.count))
        );
        assert!(read.header(n).contains("Case 2026-0042"));
        assert!(!read.header(n).contains("Ruiz"));
    }
}

#[test]
fn a_missing_required_answer_is_a_blocking_problem_on_the_cover_page_and_marked_not_answered() {
    let json = complete_with("/application/part_a1/city_of_birth", Value::Null);
    let d = doc(&json);
    let r = check(&d, Law::embedded());
    assert!(!r.ready);
    let pdf = answers_pdf(&d, &r, &opts()).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    let cover = read.page(1);
    assert!(cover.contains("NOT READY TO FILE"), "{cover}");
    let blocking = r
        .issues
        .iter()
        .find(|i| i.items.iter().any(|p| p.contains("city_of_birth")))
        .unwrap();
    assert!(cover.contains(&common::flat(&blocking.message)), "{cover}");
    let rest: String = (2..=read.count).map(|n| read.page(n)).collect();
    assert!(rest.contains("NOT ANSWERED"));
}

#[test]
fn an_item_that_does_not_apply_reads_na_and_an_empty_list_none() {
    let d = doc(COMPLETE);
    let r = check(&d, Law::embedded());
    let data = answers_data(&d, &r, &opts());
    let rows: Vec<&Value> = data["parts"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|p| p["blocks"].as_array().unwrap())
        .filter(|b| b["kind"] == "rows")
        .flat_map(|b| b["rows"].as_array().unwrap())
        .collect();
    // No row of a ready document is blank: each has an answer, N/A or None.
    assert!(r.ready, "{:?}", r.issues);
    for row in &rows {
        assert!(!row["answer"].as_str().unwrap().is_empty(), "{row}");
        assert_eq!(row["missing"], false);
    }
    assert!(rows.iter().any(|r| r["answer"] == "N/A"));
    assert!(rows.iter().any(|r| r["answer"] == "None"));
}

#[test]
fn a_long_answer_continues_on_a_supplement_b_style_page_in_full() {
    let long = "I was threatened again at the market, and the men said they knew where my children went to school. ".repeat(12);
    assert!(long.len() > CONTINUE_CHARS);
    let json = complete_with("/application/part_b/q1a/explanation", json!(long.trim()));
    let d = doc(&json);
    let r = check(&d, Law::embedded());
    let pdf = answers_pdf(&d, &r, &opts()).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    let all = read.flat();
    assert!(
        all.contains("See continuation page 1"),
        "the box refers to its continuation"
    );
    let last_pages: String = (1..=read.count)
        .map(|n| read.page(n))
        .filter(|p| p.contains("Continuation page 1"))
        .collect();
    assert!(
        last_pages.contains("Part B"),
        "the continuation names the part"
    );
    assert!(
        last_pages.contains(&common::flat(long.trim())),
        "the whole answer, on the continuation page"
    );
}

#[test]
fn the_answers_data_snapshot() {
    let d = doc(COMPLETE);
    let r = check(&d, Law::embedded());
    common::snapshot(
        "answers_complete.json",
        &(serde_json::to_string_pretty(&answers_data(&d, &r, &opts())).unwrap() + "\n"),
    );
}

/// Issue 19: in Spanish, the answers' own headings and notes are in Spanish
/// for the preparer, and the answers themselves stay as the case holds them
/// (the form is filed in English).
#[test]
fn the_answers_headings_read_in_spanish_and_the_answers_stay_as_written() {
    let d = doc("{}");
    let r = check(&d, Law::embedded());
    let es = refuge_documents::Lang::parse("es").unwrap();
    let pdf = answers_pdf(&d, &r, &AnswersOptions { lang: es, ..opts() }).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    let all = read.flat();
    for spanish in [
        "Respuestas del Formulario I-589",
        "Listo para presentar",
        "Problemas que impiden presentarla",
        "NOT ANSWERED",
    ] {
        assert!(all.contains(spanish), "{spanish}: {all}");
    }
    for english in [
        "Form I-589 answers",
        "Readiness to file",
        "Blocking problems",
    ] {
        assert!(!all.contains(english), "{english}: {all}");
    }
}
