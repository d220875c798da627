//! Every shipped language says everything English says, in well-formed
//! Fluent, once.

use std::collections::BTreeSet;

use fluent_syntax::ast::Entry;
use refuge_i18n::{FILES, Lang, date, number, tr, tr_with};

/// Each language's message ids, with any syntax error or repeated id.
fn ids(code: &str) -> (BTreeSet<String>, Vec<String>) {
    let (_, files) = FILES.iter().find(|(c, _)| *c == code).unwrap();
    let mut ids = BTreeSet::new();
    let mut problems = vec![];
    for (name, text) in *files {
        match fluent_syntax::parser::parse(*text) {
            Ok(res) => {
                for e in res.body {
                    let id = match e {
                        Entry::Message(m) => m.id.name.to_string(),
                        Entry::Term(t) => format!("-{}", t.id.name),
                        _ => continue,
                    };
                    if !ids.insert(id.clone()) {
                        problems.push(format!("{code}/{name}: `{id}` is given twice"));
                    }
                }
            }
            Err((_, errs)) => problems.push(format!("{code}/{name}: {errs:?}")),
        }
    }
    (ids, problems)
}

#[test]
fn every_shipped_language_has_every_english_message_and_no_other() {
    let (english, mut problems) = ids("en");
    assert!(Lang::all().count() >= 2, "English and Spanish are shipped");
    for lang in Lang::all().filter(|l| l.code() != "en") {
        let (theirs, p) = ids(lang.code());
        problems.extend(p);
        for missing in english.difference(&theirs) {
            problems.push(format!("{lang}: `{missing}` is missing"));
        }
        for extra in theirs.difference(&english) {
            problems.push(format!("{lang}: `{extra}` is not an English message"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn a_language_is_chosen_by_code_or_by_the_browsers_preferences() {
    let es = Lang::parse("es-US").unwrap();
    assert_eq!(es.code(), "es");
    assert_eq!(es.name(), "Español");
    assert_eq!(Lang::negotiate("fr-CA, es;q=0.8, en;q=0.5"), es);
    assert_eq!(Lang::negotiate("fr, de;q=0.5"), Lang::english());
    assert_eq!(Lang::negotiate("es;q=0, en"), Lang::english());
    assert_eq!(Lang::parse("xx"), None);
}

#[test]
fn dates_and_numbers_are_written_the_languages_way() {
    let d = jiff::civil::date(2026, 12, 7);
    let es = Lang::parse("es").unwrap();
    assert_eq!(date(Lang::english(), d), "December 7, 2026");
    assert_eq!(date(es, d), "7 de diciembre de 2026");
    assert_eq!(number(Lang::english(), 1_234_567), "1,234,567");
    assert_eq!(number(es, -12_500), "-12,500");
    assert_eq!(number(es, 999), "999");
}

#[test]
fn arguments_are_plain_text_and_an_unknown_id_shows_itself() {
    // No Unicode isolation marks around arguments (set_use_isolating(false)).
    let s = tr_with(
        Lang::english(),
        "date-long",
        &[
            ("day", 1.into()),
            ("month", "May".into()),
            ("year", "2027".into()),
        ],
    );
    assert_eq!(s, "May 1, 2027");
    assert_eq!(tr(Lang::english(), "no-such-message"), "no-such-message");
}
