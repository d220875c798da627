//! The bank's file is validated: every condition parses and names only what
//! exists (findings of the engine, fields of the facts and their values,
//! readiness checks), every element exists, every question has its why, its
//! preparation and a source; and a bad file is refused naming the entry.

use std::collections::HashSet;

use refuge_interview::Bank;
use refuge_interview::bank::{Part, QUESTIONS_TOML, RawBank};

#[test]
fn the_embedded_bank_is_valid_with_every_element_asked_and_every_source_cited() {
    let bank = Bank::parse(QUESTIONS_TOML).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        bank.questions.len() >= 60,
        "{} questions",
        bank.questions.len()
    );
    let ids: HashSet<&str> = bank.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids.len(), bank.questions.len(), "question ids are unique");
    for e in &bank.elements {
        assert!(
            bank.questions.iter().any(|q| q.element == e.id)
                || bank.explain.iter().any(|x| x.element == e.id),
            "element {} has no question",
            e.id
        );
    }
    for q in &bank.questions {
        assert!(
            !q.why.trim().is_empty() && !q.prepare.trim().is_empty(),
            "{}",
            q.id
        );
    }
    let cited: HashSet<&str> = bank
        .questions
        .iter()
        .flat_map(|q| &q.sources)
        .chain(bank.checklist.iter().flat_map(|c| &c.sources))
        .chain(bank.explain.iter().flat_map(|x| &x.sources))
        .map(String::as_str)
        .collect();
    for s in &bank.sources {
        assert!(
            cited.contains(s.id.as_str()),
            "source {} is cited by nothing",
            s.id
        );
    }
}

/// Parts B and C of the I-589: the bars questions asked in every case.
#[test]
fn the_bars_of_i589_parts_b_and_c_are_asked_in_every_case() {
    let bank = Bank::embedded();
    let always_bars: Vec<&str> = bank
        .questions
        .iter()
        .filter(|q| q.when_text == "always" && bank.element(&q.element).unwrap().part == Part::Bars)
        .map(|q| q.id.as_str())
        .collect();
    for id in [
        "bars.arrested",
        "bars.harmed_others",
        "bars.resettled",
        "bars.earlier_application",
        "bars.material_support",
    ] {
        assert!(
            always_bars.contains(&id),
            "{id} is always asked: {always_bars:?}"
        );
    }
}

/// The interpreter rule is shown with a source that was checked.
#[test]
fn the_affirmative_interpreter_item_cites_a_verified_source_for_8_cfr_208_9_g() {
    let bank = Bank::embedded();
    let item = bank
        .checklist
        .iter()
        .find(|c| c.id == "interpreter")
        .unwrap();
    assert!(item.text.contains("208.9(g)"));
    assert!(
        item.sources
            .iter()
            .any(|s| bank.source(s).unwrap().status == "verified")
    );
}

fn with_question(when: &str, element: &str) -> String {
    format!(
        "{QUESTIONS_TOML}\n[[questions]]\nid = \"test.added\"\nelement = \"{element}\"\nask = \"Asked?\"\nwhen = '{when}'\nwhy = \"Because.\"\nprepare = \"Prepare.\"\nsources = [\"practice\"]\n"
    )
}

#[test]
fn a_question_added_to_the_file_is_read_without_a_code_change() {
    let bank = Bank::parse(&with_question(
        r#"finding("asylum.one_year") == "no""#,
        "one_year",
    ))
    .unwrap();
    assert!(bank.question("test.added").is_some());
}

#[test]
fn a_bad_entry_is_refused_naming_it_and_what_is_wrong() {
    for (when, element, says) in [
        (
            r#"fact("harms[].actor") == "private""#,
            "actor",
            "never holds",
        ),
        (
            r#"fact("harms[].perpetrator") == null"#,
            "actor",
            "no field",
        ),
        (r#"fact("risk") == null"#, "actor", "not a value"),
        (
            r#"finding("asylum.one_yaer") == "no""#,
            "one_year",
            "no finding",
        ),
        (
            r#"finding("asylum.one_year") == "maybe""#,
            "one_year",
            "outcome",
        ),
        (
            r#"check("consistency.colour") == "tripped""#,
            "credibility",
            "no readiness check",
        ),
        (r#"forum == "embassy""#, "closing", "forum is one of"),
        (
            r#"fact("risk.afraid") = true"#,
            "future_fear",
            "when: at character",
        ),
        ("always", "no_such_element", "no element"),
    ] {
        let e = Bank::parse(&with_question(when, element)).unwrap_err();
        assert_eq!(e.entry, "questions.test.added", "{when}: {e}");
        assert!(e.message.contains(says), "{when}: {e}");
    }
}

#[test]
fn a_question_without_its_why_or_a_known_source_is_refused() {
    let mut raw = RawBank::parse(QUESTIONS_TOML).unwrap();
    raw.questions[0].why = " ".into();
    let e = Bank::validate(raw).unwrap_err();
    assert!(e.message.contains("why is empty"), "{e}");
    let mut raw = RawBank::parse(QUESTIONS_TOML).unwrap();
    raw.questions[1].sources = vec!["nowhere".into()];
    assert!(
        Bank::validate(raw)
            .unwrap_err()
            .message
            .contains("no source")
    );
    let mut raw = RawBank::parse(QUESTIONS_TOML).unwrap();
    let dup = raw.questions[0].clone();
    raw.questions.push(dup);
    assert!(
        Bank::validate(raw)
            .unwrap_err()
            .message
            .contains("second question")
    );
}
