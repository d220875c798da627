//! The interview printouts (issue 18, item 5): the practice set and the
//! what-to-bring list as PDF, read back as the client and the preparer read
//! them.

mod common;

use std::collections::HashMap;

use refuge_application::{CaseDocument, check};
use refuge_documents::{
    DocOptions, InterviewInfo, Mark, PracticeCopy, PrintOptions, bring_data, bring_pdf,
    practice_data, practice_pdf,
};
use refuge_engine::{Law, NOTICE};
use refuge_interview::bank::ChecklistItem;
use refuge_interview::{Bank, CaseView, Forum, Item, checklist, practice_set};
use serde_json::{Value, json};

const COMPLETE: &str = include_str!("../../../examples/application/complete.json");

fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 27)
}

/// The sample case with its departure after its arrival (a discrepancy the
/// readiness checks find), its practice set and what to bring.
fn sample(forum: Forum) -> (Vec<Item>, Vec<&'static ChecklistItem>) {
    let mut doc: Value = serde_json::from_str(COMPLETE).unwrap();
    doc["application"]["part_a1"]["left_country_on"] = json!("2024-04-01");
    let checked = CaseDocument::from_json(&doc.to_string(), today()).unwrap();
    let a = refuge_engine::assess(checked.case(), Law::embedded());
    let r = check(&checked, Law::embedded());
    let view = CaseView {
        document: &doc,
        assessment: &a,
        readiness: Some(&r),
        forum,
    };
    let bank = Bank::embedded();
    (practice_set(bank, &view), checklist(bank, &view))
}

const RECORDED: InterviewInfo<'static> = InterviewInfo {
    date: "2027-01-14",
    time: "09:30",
    place: "Houston Asylum Office, 16630 Imperial Valley Dr",
    officer: "Officer M. Chen",
    interpreter: "Rosa Díaz",
    language: "Spanish",
};

fn opts(client: &'static str, interview: Option<InterviewInfo<'static>>) -> PrintOptions<'static> {
    PrintOptions {
        doc: DocOptions {
            case_number: Some("2026-0042"),
            client_name: Some(client),
            ..DocOptions::default()
        },
        forum: Some(Forum::AsylumOffice),
        interview,
        date: today(),
    }
}

/// The client's copy of `items`, read back (`None`: poppler-utils missing).
fn client_copy(items: &[Item]) -> Option<common::Read> {
    let pdf = practice_pdf(
        items,
        &HashMap::new(),
        PracticeCopy::Client,
        &opts("Ana Reyes", None),
    )
    .unwrap();
    common::read(&pdf)
}

/// Every page: "Page N of M", the case number in the header, never the client's name.
fn pages_are_numbered_with_the_case_number_and_no_name(read: &common::Read, surname: &str) {
    assert!(read.count >= 1);
    assert_eq!(read.pages.len(), read.count);
    for n in 1..=read.count {
        assert!(
            read.page(n)
                .contains(&format!("Page {n} of {}", read.count)),
            "page {n}"
        );
        let header = read.header(n);
        assert!(header.contains("Case 2026-0042"), "page {n}: {header}");
        assert!(
            !header.contains(surname),
            "page {n}'s header names the client: {header}"
        );
    }
}

#[test]
fn the_practice_set_prints_every_question_in_its_order_on_numbered_pages() {
    let (items, _) = sample(Forum::AsylumOffice);
    assert!(items.len() > 20, "a full practice set: {}", items.len());
    let Some(read) = client_copy(&items) else {
        return;
    };
    let all = read.flat();
    let mut at = 0;
    for (n, q) in items.iter().enumerate() {
        let want = common::flat(&format!("{}. {}", n + 1, q.ask));
        let found = all[at..].find(&want);
        assert!(found.is_some(), "question {} in order: {want}", n + 1);
        at += found.unwrap() + want.len();
    }
    assert!(all.contains(&common::flat(NOTICE)), "the notice");
    pages_are_numbered_with_the_case_number_and_no_name(&read, "Reyes");
}

#[test]
fn an_explain_question_prints_both_statements_that_disagree() {
    let (items, _) = sample(Forum::AsylumOffice);
    let q = items
        .iter()
        .find(|q| q.id.starts_with("explain:consistency.departure"))
        .expect("the departure after the arrival is a discrepancy");
    let Some(read) = client_copy(&items) else {
        return;
    };
    let all = read.flat();
    let start = all.find(&common::flat(&q.ask)).unwrap();
    let block = &all[start..start + 1200.min(all.len() - start)];
    assert!(
        block.contains("2024-04-01"),
        "the application's date: {block}"
    );
    assert!(block.contains("2024-03-10"), "the arrival's date: {block}");
    assert!(
        block.contains("Statement 1") && block.contains("Statement 2"),
        "{block}"
    );
    assert!(
        block.contains(&common::flat(q.issue.as_deref().unwrap())),
        "the discrepancy: {block}"
    );
}

#[test]
fn the_clients_copy_holds_no_marks_or_notes_and_the_preparers_copy_does() {
    let (items, _) = sample(Forum::AsylumOffice);
    let first = items[0].id.as_str();
    let notes = "Hesitated on the dates; went over the I-94 again";
    let marks = HashMap::from([(
        first,
        Mark {
            status: "needs_work",
            notes,
        },
    )]);
    let client = practice_data(
        &items,
        &marks,
        PracticeCopy::Client,
        &opts("Ana Reyes", None),
    )["sections"]
        .to_string();
    assert!(
        !client.contains("Hesitated"),
        "the client's copy holds no preparer's notes"
    );
    assert!(!client.contains("needs work"), "nor marks");
    let pdf = practice_pdf(
        &items,
        &marks,
        PracticeCopy::Preparer,
        &opts("Ana Reyes", None),
    )
    .unwrap();
    let client_pdf = practice_pdf(
        &items,
        &marks,
        PracticeCopy::Client,
        &opts("Ana Reyes", None),
    )
    .unwrap();
    let (Some(preparer), Some(client)) = (common::read(&pdf), common::read(&client_pdf)) else {
        return;
    };
    let p = preparer.flat();
    assert!(p.contains("Preparer's copy"));
    assert!(p.contains(notes), "the preparer's copy has the notes");
    assert!(p.contains("Latest mark: needs work"));
    assert!(p.contains("In this case's set because"));
    let c = client.flat();
    assert!(c.contains("Client's copy"));
    assert!(
        !c.contains("Hesitated")
            && !c.contains("Latest mark")
            && !c.contains("In this case's set because")
    );
}

#[test]
fn the_what_to_bring_list_prints_every_item_and_the_interview_as_recorded() {
    let (_, list) = sample(Forum::AsylumOffice);
    assert!(
        list.iter().any(|c| c.id == "interpreter"),
        "an interview needs an interpreter"
    );
    let ticked = vec!["notice".to_string()];
    let pdf = bring_pdf(&list, &ticked, &opts("Ana Reyes", Some(RECORDED))).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    let all = read.flat();
    for c in &list {
        assert!(all.contains(&common::flat(&c.text)), "{}", c.id);
    }
    for v in [
        RECORDED.date,
        RECORDED.time,
        RECORDED.place,
        RECORDED.officer,
        RECORDED.interpreter,
        RECORDED.language,
    ] {
        assert!(all.contains(v), "{v}");
    }
    assert!(all.contains("asylum office interview"));
    assert!(all.contains(&common::flat(NOTICE)), "the notice");
    pages_are_numbered_with_the_case_number_and_no_name(&read, "Reyes");
    let data = bring_data(&list, &ticked, &opts("Ana Reyes", Some(RECORDED)));
    let ticks: Vec<bool> = data["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["ticked"].as_bool().unwrap())
        .collect();
    assert_eq!(
        ticks.iter().filter(|t| **t).count(),
        1,
        "only the notice is ticked"
    );
}

#[test]
fn a_printout_for_a_client_of_another_language_points_to_their_copy_or_says_there_is_none() {
    let (_, list) = sample(Forum::AsylumOffice);
    // Spanish is spoken: the English printout points to the Spanish copy.
    let data = bring_data(&list, &[], &opts("Ana Reyes", Some(RECORDED)));
    assert_eq!(data["lang"], "en");
    let note = data["lang_note"].as_str().unwrap();
    assert!(note.contains("also made in Español"), "{note}");
    // The Spanish printout needs no note.
    let mut es = opts("Ana Reyes", Some(RECORDED));
    es.doc.lang = spanish();
    assert_eq!(bring_data(&list, &[], &es)["lang_note"], Value::Null);
    // A language Refuge does not speak yet is named.
    let mam = InterviewInfo {
        language: "Mam",
        ..RECORDED
    };
    let note = bring_data(&list, &[], &opts("Ana Reyes", Some(mam)))["lang_note"].clone();
    assert!(
        note.as_str().unwrap().contains("not yet available in Mam"),
        "{note}"
    );
    let english = InterviewInfo {
        language: "English",
        ..RECORDED
    };
    assert_eq!(
        bring_data(&list, &[], &opts("Ana Reyes", Some(english)))["lang_note"],
        Value::Null
    );
}

fn spanish() -> refuge_documents::Lang {
    refuge_documents::Lang::parse("es").unwrap()
}

#[test]
fn the_practice_set_and_what_to_bring_print_in_spanish_for_the_client() {
    let (items, list) = sample(Forum::AsylumOffice);
    let mut o = opts("Ana Reyes", Some(RECORDED));
    o.doc.lang = spanish();
    let pdf = practice_pdf(&items, &HashMap::new(), PracticeCopy::Client, &o).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    let all = read.flat();
    for phrase in [
        "Preguntas de práctica para la entrevista (Copia del cliente)",
        "Caso 2026-0042",
        "Confidencial: 8 C.F.R. § 208.6",
        "Página 1 de",
        "27 de noviembre de 2026",
        "Cuénteme todo lo que pasó, desde el principio.",
        "Por qué se pregunta",
        "Qué preparar",
        "La historia, en orden",
        "Los impedimentos (Partes B y C del I-589)",
        "¿Cuál es su nombre completo?",
        "Daño h1: la amenaza de muerte, 15 de octubre de 2023",
        "entrevista en la oficina de asilo",
        "Banco de preguntas",
        "Aviso.",
    ] {
        assert!(all.contains(phrase), "{phrase}: {all}");
    }
    assert!(all.contains(&common::flat(&refuge_i18n::tr(
        spanish(),
        "notice-not-legal-advice"
    ))));
    assert!(!all.contains("Why it is asked"), "no English label is left");
    let pdf = bring_pdf(&list, &["notice".to_string()], &o).unwrap();
    let read = common::read(&pdf).unwrap();
    let all = read.flat();
    for phrase in [
        "Qué llevar a la entrevista",
        "La cita para la entrevista (o la notificación de la audiencia).",
        "Un intérprete, si usted no habla inglés con fluidez",
        "Lleve cada una de estas cosas.",
        "Idioma del intérprete Spanish",
    ] {
        assert!(all.contains(phrase), "{phrase}: {all}");
    }
}

#[test]
fn names_notes_and_places_with_typst_markup_print_as_typed() {
    let (items, list) = sample(Forum::AsylumOffice);
    let name = "Ana #[*Reyes*] $x$";
    let notes = "She said #set page(width: 1cm) and [*bold*] $1 + 1$ \\ #";
    let marks = HashMap::from([(
        items[0].id.as_str(),
        Mark {
            status: "ready",
            notes,
        },
    )]);
    let place = "Room #3 [*B*] $5";
    let interview = InterviewInfo { place, ..RECORDED };
    let mut o = opts(name, Some(interview));
    o.doc.name_in_header = true;
    let practice = practice_pdf(&items, &marks, PracticeCopy::Preparer, &o).unwrap();
    let bring = bring_pdf(&list, &[], &o).unwrap();
    let (Some(p), Some(b)) = (common::read(&practice), common::read(&bring)) else {
        return;
    };
    for read in [&p, &b] {
        let all = read.flat();
        assert!(all.contains(name), "the name as typed");
        assert!(all.contains(place), "the place as typed");
    }
    assert!(
        p.flat().contains(&common::flat(notes)),
        "the notes as typed"
    );
}

#[test]
fn the_practice_set_data_snapshot() {
    let (items, _) = sample(Forum::Court);
    let marks = HashMap::from([(
        items[0].id.as_str(),
        Mark {
            status: "needs_work",
            notes: "Went over the dates.",
        },
    )]);
    let mut o = opts("Ana Reyes", Some(RECORDED));
    o.forum = Some(Forum::Court);
    let data = practice_data(&items, &marks, PracticeCopy::Preparer, &o);
    common::snapshot(
        "practice_preparer.json",
        &(serde_json::to_string_pretty(&data).unwrap() + "\n"),
    );
}

#[test]
fn the_what_to_bring_data_snapshot() {
    let (_, list) = sample(Forum::AsylumOffice);
    let data = bring_data(
        &list,
        &["identity".to_string()],
        &opts("Ana Reyes", Some(RECORDED)),
    );
    common::snapshot(
        "bring.json",
        &(serde_json::to_string_pretty(&data).unwrap() + "\n"),
    );
}
