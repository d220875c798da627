//! The engine's words in every language: each question the engine asks, and
//! each date it names, is a message of `crates/i18n/locales/`, and the
//! English message is exactly the engine's English. Checked both ways: every
//! wording the engine can make renders in English as the engine wrote it, and
//! every `question-` and `report-deadline-` message is one the engine uses.

use std::collections::BTreeSet;

use jiff::civil::date;
use refuge_engine::output::{Arg, Message};
use refuge_engine::rules::questions::every_wording;
use refuge_engine::{Case, Law, assess};
use refuge_i18n::{Lang, words};
use refuge_report::i18n::{message, question};

fn spanish() -> Lang {
    Lang::parse("es").expect("Spanish is shipped")
}

/// Facts documents with one entry of every list, each phrase of a question
/// in each of its forms: a harm with and without kind, time and date; an
/// arrival dated, undated alone, undated among others; a group defined or
/// not; an exception of a known kind or not; a spouse, a child, a member of
/// unknown relation; a ground named or not.
fn cases() -> Vec<Case> {
    let mut docs = vec![
        r#"{"arrivals": [{"date": "2025-09-20"}],
            "exceptions": [{"kind": "serious_illness_or_disability"}],
            "groups": [{"id": "g1", "definition": "Women who refused the gang"}],
            "harms": [{"id": "h1", "when": "past", "kind": "death_threat", "date": "2024-05-03",
                       "grounds": [{"ground": "particular_social_group", "group": "g1"}]}],
            "family": [{"id": "s1", "relation": "spouse"}]}"#
            .to_string(),
        r#"{"arrivals": [{}],
            "exceptions": [{}],
            "groups": [{"id": "g1"}],
            "harms": [{"id": "h1", "grounds": [{}]}],
            "family": [{"id": "m1"}]}"#
            .to_string(),
        r#"{"arrivals": [{}, {"date": "2025-01-02"}],
            "exceptions": [{"kind": "lawful_status"}],
            "groups": [{"id": "g1"}],
            "harms": [{"id": "h1", "when": "feared", "kind": "fgm", "grounds": [{"ground": "religion"}]}],
            "family": [{"id": "c1", "relation": "child"}],
            "trips": [{"departed": "2025-03-04"}]}"#
            .to_string(),
    ];
    // Every kind of harm, exception and ground, each in a case of its own.
    for k in refuge_engine::facts::HarmKind::NAMES {
        docs.push(format!(
            r#"{{"arrivals": [{{}}], "exceptions": [{{}}], "groups": [{{"id": "g1"}}], "family": [{{"id": "m1"}}],
                "harms": [{{"id": "h1", "when": "past", "kind": "{k}", "grounds": [{{}}]}}]}}"#
        ));
    }
    for k in refuge_engine::facts::ExceptionKind::NAMES {
        docs.push(format!(
            r#"{{"arrivals": [{{}}], "exceptions": [{{"kind": "{k}"}}], "groups": [{{"id": "g1"}}], "family": [{{"id": "m1"}}],
                "harms": [{{"id": "h1", "grounds": [{{}}]}}]}}"#
        ));
    }
    for g in refuge_engine::facts::Ground::NAMES {
        docs.push(format!(
            r#"{{"arrivals": [{{}}], "exceptions": [{{}}], "groups": [{{"id": "g1"}}], "family": [{{"id": "m1"}}],
                "harms": [{{"id": "h1", "grounds": [{{"ground": "{g}"}}]}}]}}"#
        ));
    }
    docs.iter()
        .map(|d| Case::from_json(d, date(2026, 12, 7)).unwrap_or_else(|e| panic!("{d}: {e}")))
        .collect()
}

/// The ids of a message and of every message among its arguments.
fn ids(m: &Message, into: &mut BTreeSet<&'static str>) {
    into.insert(m.id);
    for (_, a) in &m.args {
        if let Arg::Message(inner) = a {
            ids(inner, into);
        }
    }
}

#[test]
fn every_question_the_engine_words_reads_in_english_exactly_as_the_engine_asks_it() {
    let mut used = BTreeSet::new();
    let mut differ = Vec::new();
    for case in cases() {
        for w in every_wording(&case) {
            ids(&w.message, &mut used);
            let rendered = message(Lang::english(), &w.message);
            if rendered != w.ask {
                differ.push(format!(
                    "{}:\n  engine:  {}\n  catalog: {rendered}",
                    w.message.id, w.ask
                ));
            }
        }
    }
    assert!(differ.is_empty(), "{}", differ.join("\n"));
    let catalog: BTreeSet<String> = words(Lang::english(), "question-")
        .into_keys()
        .map(|k| format!("question-{k}"))
        .collect();
    let used: BTreeSet<String> = used.into_iter().map(String::from).collect();
    let unused: Vec<_> = catalog.difference(&used).collect();
    let missing: Vec<_> = used.difference(&catalog).collect();
    assert!(
        unused.is_empty(),
        "messages the engine never uses: {unused:?}"
    );
    assert!(
        missing.is_empty(),
        "ids the engine gives without a message: {missing:?}"
    );
}

#[test]
fn every_question_is_asked_in_spanish_with_the_dates_written_out() {
    for case in cases() {
        for w in every_wording(&case) {
            let es = message(spanish(), &w.message);
            assert_ne!(es, w.ask, "{} is not translated", w.message.id);
            assert!(
                !es.contains("question-"),
                "{}: an id shows: {es}",
                w.message.id
            );
        }
    }
    let case = &cases()[0];
    let harm = every_wording(case)
        .into_iter()
        .find(|w| w.message.id == "question-harms-injured")
        .unwrap();
    assert_eq!(
        message(spanish(), &harm.message),
        "Durante la amenaza de muerte que sufrió la persona solicitante el 3 de mayo de 2024 (daño h1), ¿la persona solicitante sufrió heridas tan graves que necesitó atención médica?"
    );
}

#[test]
fn an_assessments_questions_and_dates_render_in_english_as_the_engine_wrote_them() {
    let law = Law::embedded();
    let docs = [
        r#"{"arrivals": [{"date": "2026-02-14"}], "harms": [{"id": "h1", "when": "past"}]}"#,
        r#"{"applicant": {"location": "in_us"}, "arrivals": [{"date": "2020-02-14"}],
            "application": {"filed_on": "2020-06-01", "clock_stopped_days": 0}}"#,
        r#"{"applicant": {"location": "in_us"}, "arrivals": [{"date": "2020-02-14"}],
            "application": {"filed_on": "2020-06-01", "granted_on": "2022-03-01", "adjusted_on": "2024-05-01"},
            "family": [{"id": "c1", "relation": "child", "birth_date": "2010-01-01", "married": false}]}"#,
    ];
    let mut labelled = BTreeSet::new();
    for d in docs {
        let a = assess(&Case::from_json(d, date(2026, 12, 7)).unwrap(), law);
        assert!(!a.questions.is_empty() || d.contains("granted_on"));
        for q in &a.questions {
            assert_eq!(question(Lang::english(), q), q.ask, "{}", q.fact);
            assert!(q.ask_message.is_some(), "{} has no message", q.fact);
        }
        let data = refuge_report::memo_data_in(&a, Lang::english());
        for (row, d) in data["deadlines"].as_array().unwrap().iter().zip(sorted(&a)) {
            assert_eq!(row["label"], d.label.as_ref(), "{}", d.id);
            labelled.insert(format!("report-deadline-{}", d.id.replace('.', "-")));
        }
    }
    for id in words(Lang::english(), "report-deadline-").into_keys() {
        assert!(
            labelled.contains(&format!("report-deadline-{id}")),
            "report-deadline-{id}: no date of these cases has it"
        );
    }
}

fn sorted(a: &refuge_engine::Assessment) -> Vec<&refuge_engine::output::Deadline> {
    let mut d: Vec<_> = a.deadlines.iter().collect();
    d.sort_by_key(|d| d.date);
    d
}

#[test]
fn the_memo_in_spanish_names_reliefs_dates_and_questions_in_spanish() {
    let a = assess(
        &Case::from_json(
            r#"{"arrivals": [{"date": "2026-02-14"}], "harms": [{"id": "h1", "when": "past"}]}"#,
            date(2026, 11, 27),
        )
        .unwrap(),
        Law::embedded(),
    );
    let data = refuge_report::memo_data_in(&a, spanish());
    assert_eq!(data["reliefs"][0]["name"], "Asilo");
    assert_eq!(data["reliefs"][0]["outcome"], "sin determinar");
    assert!(
        data["reliefs"][0]["summary"]
            .as_str()
            .unwrap()
            .starts_with("Protección")
    );
    assert_eq!(
        data["deadlines"][0]["label"],
        "Plazo de un año para pedir asilo"
    );
    assert_eq!(data["deadlines"][0]["date_long"], "16 de febrero de 2027");
    assert_eq!(data["deadlines"][0]["weekday"], "martes");
    assert_eq!(data["deadlines"][0]["days_words"], "en 81 días");
    assert_eq!(data["as_of_long"], "27 de noviembre de 2026");
    assert!(data["notice"].as_str().unwrap().contains("abogado"));
    let first = data["questions"][0]["ask"].as_str().unwrap();
    assert!(
        first.starts_with('¿') || first.contains("persona solicitante"),
        "{first}"
    );
    // What the engine writes as prose stays as it wrote it.
    assert_eq!(
        data["deadlines"][0]["because"],
        a.deadline("asylum.one_year").unwrap().because
    );
}

/// Every finding the engine defines has its question of law as a message
/// whose English is the engine's own, and every `finding-` message is a
/// definition's: a new finding without its message fails here, by its id.
#[test]
fn every_findings_question_of_law_is_a_message_worded_as_the_engine_words_it() {
    use refuge_report::i18n::finding_message_id;
    let catalog = words(Lang::english(), "finding-");
    let mut problems = Vec::new();
    let mut used = BTreeSet::new();
    for def in refuge_engine::defs::ALL {
        let id = finding_message_id(def);
        match catalog.get(id.strip_prefix("finding-").unwrap()) {
            None => problems.push(format!(
                "{}: no message {id} in crates/i18n/locales/*/findings.ftl (add it, English as the engine's question: {:?})",
                def.id, def.question
            )),
            Some(en) if en != def.question => problems.push(format!(
                "{id}:\n  engine:  {}\n  catalog: {en}",
                def.question
            )),
            Some(_) => {}
        }
        used.insert(id);
    }
    for key in catalog.keys() {
        if !used.contains(&format!("finding-{key}")) {
            problems.push(format!("finding-{key}: no finding of the engine has it"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn every_findings_question_of_law_is_asked_in_spanish_with_its_citations_kept() {
    for def in refuge_engine::defs::ALL {
        let id = refuge_report::i18n::finding_message_id(def);
        let es = refuge_i18n::tr(spanish(), &id);
        assert_ne!(es, def.question, "{id} is not translated");
        // A statute or rule the English names is named alike in Spanish.
        for cite in ["INA § 212(a)(3)(B)", "§ 237(a)(4)(B)", "INA § 212(a)(3)"] {
            if def.question.contains(cite) {
                assert!(es.contains(cite), "{id} lost {cite}: {es}");
            }
        }
    }
}

#[test]
fn the_case_pages_sections_in_spanish_ask_each_findings_question_in_spanish() {
    let a = assess(
        &Case::from_json(
            r#"{"applicant": {"location": "in_us"}, "arrivals": [{"date": "2026-02-14"}],
                "harms": [{"id": "h1", "when": "past", "kind": "death_threat"}]}"#,
            date(2026, 11, 27),
        )
        .unwrap(),
        Law::embedded(),
    );
    let es = refuge_report::html_sections_in(&a, spanish());
    assert!(
        es.contains("¿Alcanza este daño el nivel de persecución?"),
        "{es}"
    );
    assert!(es.contains("<h2 id=\"findings\">Hallazgos</h2>"));
    assert!(es.contains("Asilo"));
    assert!(!es.contains("Does this harm rise to the level of persecution?"));
    assert!(!es.contains("Decided by:"));
    // The citations and the engine's own ids stay as written.
    assert!(es.contains("Matter of Acosta, 19 I"));
    assert!(es.contains("harm.h1.severity"));
    // English is the engine's words, unchanged.
    let en = refuge_report::html_sections(&a);
    assert!(en.contains("Does this harm rise to the level of persecution?"));
    let glance = refuge_report::html_glance_in(&a, spanish());
    assert!(glance.contains("Qué hacer ahora"), "{glance}");
    // The memo's data names the findings' questions in Spanish too.
    let data = refuge_report::memo_data_in(&a, spanish());
    let questions: Vec<&str> = data["findings"]["decisive"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|n| n["question"].as_str())
        .collect();
    assert!(!questions.is_empty());
    assert!(
        questions
            .iter()
            .all(|q| q.starts_with('¿') || q.starts_with("Con ") || q.starts_with("Refutada")),
        "{questions:?}"
    );
}
