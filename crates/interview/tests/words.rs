//! The question bank in every language: each question, explain entry,
//! element and what-to-bring item has its messages (`interview.ftl`) in every
//! shipped language, the English messages are the bank's own words, and no
//! message is left that the bank does not use.

use std::collections::BTreeSet;

use refuge_i18n::{Lang, tr, words};
use refuge_interview::words::{self, message_id};
use refuge_interview::{Bank, Forum, Section};

fn spanish() -> Lang {
    Lang::parse("es").expect("Spanish is shipped")
}

/// Every message the bank needs, with the bank's English for each.
fn needed() -> Vec<(String, String)> {
    let bank = Bank::embedded();
    let mut out = Vec::new();
    for q in &bank.questions {
        let id = message_id(&q.id);
        out.push((format!("{id}-why"), q.why.clone()));
        out.push((format!("{id}-prepare"), q.prepare.clone()));
        out.push((id, q.ask.clone()));
    }
    for (n, x) in bank.explain.iter().enumerate() {
        let id = message_id(&format!("explain-{}", n + 1));
        out.push((format!("{id}-why"), x.why.clone()));
        out.push((format!("{id}-prepare"), x.prepare.clone()));
        out.push((id, x.ask.clone()));
    }
    out.push(("interview-bank-note".to_string(), bank.note.clone()));
    for e in &bank.elements {
        out.push((format!("interview-element-{}", e.id), e.title.clone()));
    }
    for c in &bank.checklist {
        out.push((format!("interview-bring-{}", c.id), c.text.clone()));
    }
    for s in [
        Section::Weakest,
        Section::Story,
        Section::Bars,
        Section::Forum,
    ] {
        out.push((
            format!("interview-section-{}", section_key(s)),
            s.title().to_string(),
        ));
    }
    for f in Forum::ALL {
        out.push((
            format!("interview-forum-{}", f.as_str()),
            f.words().to_string(),
        ));
    }
    out
}

fn section_key(s: Section) -> &'static str {
    match s {
        Section::Weakest => "weakest",
        Section::Story => "story",
        Section::Bars => "bars",
        Section::Forum => "forum",
    }
}

#[test]
fn every_bank_question_reads_in_english_as_the_bank_words_it_and_no_message_is_stale() {
    let mut problems = Vec::new();
    for (id, english) in needed() {
        if !refuge_i18n::exists(&id) {
            problems.push(format!("{id}: no message"));
        } else if tr(Lang::english(), &id) != english {
            problems.push(format!(
                "{id}: the message differs from the bank's\n  bank:    {english}\n  message: {}",
                tr(Lang::english(), &id)
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let needed: BTreeSet<String> = needed().into_iter().map(|(id, _)| id).collect();
    let phrases = ["interview-about-harm", "interview-about-date"];
    let stale: Vec<String> = words(Lang::english(), "interview-")
        .into_keys()
        .map(|k| format!("interview-{k}"))
        // Phrases the code makes: what a question is about, why it is in the set.
        .filter(|id| {
            !needed.contains(id)
                && !phrases.contains(&id.as_str())
                && !id.starts_with("interview-reason-")
        })
        .collect();
    assert!(stale.is_empty(), "messages no bank entry uses: {stale:?}");
}

#[test]
fn every_bank_question_is_worded_in_every_shipped_language() {
    for lang in Lang::all().filter(|l| *l != Lang::english()) {
        let untranslated: Vec<String> = needed()
            .into_iter()
            .filter(|(id, english)| tr(lang, id) == *english)
            .map(|(id, _)| id)
            .collect();
        assert!(
            untranslated.is_empty(),
            "{lang}: the same as English: {untranslated:?}"
        );
    }
}

#[test]
fn a_practice_item_reads_in_spanish_with_its_harm_and_date_in_spanish() {
    let today = jiff::civil::date(2026, 12, 1);
    let facts = serde_json::json!({"arrivals": [{"date": "2024-01-10"}],
        "harms": [{"id": "h1", "when": "past", "kind": "death_threat", "date": "2023-03-05"}]});
    let case = refuge_engine::Case::from_json(&facts.to_string(), today).unwrap();
    let a = refuge_engine::assess(&case, refuge_engine::Law::embedded());
    let doc = serde_json::json!({"facts": facts});
    let set = refuge_interview::practice_set(
        Bank::embedded(),
        &refuge_interview::CaseView {
            document: &doc,
            assessment: &a,
            readiness: None,
            forum: Forum::AsylumOffice,
        },
    );
    let narrative = set.iter().find(|i| i.id == "harm.narrative@h1").unwrap();
    let en = words::item(Lang::english(), narrative);
    assert_eq!(en.ask, narrative.ask);
    assert_eq!(en.why, narrative.why);
    assert_eq!(en.prepare, narrative.prepare);
    assert_eq!(en.element_title, narrative.element_title);
    assert_eq!(en.about, narrative.about);
    let es = words::item(spanish(), narrative);
    assert_eq!(es.ask, "Cuénteme todo lo que pasó, desde el principio.");
    assert_eq!(es.element_title, "Lo que pasó: cada daño");
    assert_eq!(
        es.about.as_deref(),
        Some("Daño h1: la amenaza de muerte, 5 de marzo de 2023")
    );
    assert_eq!(
        words::section(spanish(), Section::Story),
        "La historia, en orden"
    );
    assert_eq!(
        words::forum(spanish(), Forum::Court),
        "audiencia ante la corte de inmigración"
    );
}

#[test]
fn why_a_question_is_in_the_set_reads_in_the_readers_language_with_the_finding_question_of_law() {
    use refuge_interview::practice::{Reason, Weak};
    let unknown = Reason::Weak(Weak::Unknown {
        finding: "harm.h1.severity".into(),
        question: "Does this harm rise to the level of persecution?".into(),
    });
    assert_eq!(
        unknown.english(),
        "a weak element: the finding harm.h1.severity is still unknown: Does this harm rise to the level of persecution?"
    );
    let es = refuge_interview::words::reason(Lang::parse("es").unwrap(), &unknown);
    assert!(es.starts_with("un elemento débil"), "{es}");
    // The question of law in Spanish (findings.ftl), the id as it is.
    assert!(
        es.contains("harm.h1.severity") && !es.contains("Does this harm"),
        "{es}"
    );
    let testimony = Reason::Weak(Weak::Testimony {
        finding: "harm.h1.nexus".into(),
    });
    let es = refuge_interview::words::reason(Lang::parse("es").unwrap(), &testimony);
    assert!(
        es.contains("testimonio") && es.contains("208(b)(1)(B)(ii)"),
        "{es}"
    );
    assert_eq!(Reason::Always.english(), "asked in every case");
}
