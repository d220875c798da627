//! The assessment memo as PDF, read back as a reader reads it.

mod common;

use refuge_documents::{MemoOptions, memo_data, memo_pdf};
use refuge_engine::{Assessment, Law, NOTICE, assess_json};

const JOURNALIST: &str = include_str!("../../../examples/timely-journalist.json");
const LATE: &str = include_str!("../../../examples/late-without-exception.json");

fn assessed(facts: &str) -> Assessment {
    assess_json(facts, jiff::civil::date(2026, 11, 27), Law::embedded()).unwrap()
}

fn opts<'a>(number: &'a str, name: &'a str) -> MemoOptions<'a> {
    MemoOptions {
        case_number: Some(number),
        client_name: Some(name),
        ..MemoOptions::default()
    }
}

#[test]
fn every_page_is_numbered_page_n_of_m_and_the_count_is_the_pdfs() {
    let pdf = memo_pdf(&assessed(JOURNALIST), &opts("2026-0042", "Ana Ruiz")).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    assert!(
        read.count >= 2,
        "a full case's memo runs over one page: {}",
        read.count
    );
    assert_eq!(read.pages.len(), read.count);
    for n in 1..=read.count {
        let page = read.page(n);
        assert!(
            page.contains(&format!("Page {n} of {}", read.count)),
            "page {n}: {page}"
        );
    }
}

#[test]
fn the_memo_header_carries_the_case_number_and_never_the_clients_name() {
    let name = "Ana María Ruiz Obando";
    let pdf = memo_pdf(&assessed(JOURNALIST), &opts("2026-0042", name)).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    for n in 1..=read.count {
        let header = read.header(n);
        assert!(
            header.contains("Case 2026-0042"),
            "page {n}'s header: {header}"
        );
        assert!(
            header.contains("Confidential"),
            "page {n}'s header: {header}"
        );
        assert!(
            !header.contains("Ruiz"),
            "page {n}'s header names the client: {header}"
        );
    }
    // The name is in the title block of the first page, and nowhere after it.
    assert!(read.page(1).contains(&format!("Client {name}")));
    for n in 2..=read.count {
        assert!(!read.page(n).contains("Ruiz"), "page {n} names the client");
    }
}

#[test]
fn the_clients_name_is_in_every_header_when_the_user_asks_for_it() {
    let mut o = opts("2026-0042", "Ana Ruiz");
    o.name_in_header = true;
    let pdf = memo_pdf(&assessed(JOURNALIST), &o).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    for n in 1..=read.count {
        let header = read.header(n);
        assert!(
            header.contains("Case 2026-0042 · Ana Ruiz"),
            "page {n}: {header}"
        );
    }
}

#[test]
fn a_name_and_number_with_typst_markup_characters_print_as_written() {
    let name = r#"#set page(fill: red) [*Ana*] $x^2$ _Ruiz_ @me <l> \ ` // x"#;
    let number = "#1 [a] *b* $c$";
    let o = MemoOptions {
        name_in_header: true,
        ..opts(number, name)
    };
    let pdf = memo_pdf(&assessed(JOURNALIST), &o).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    let first = read.page(1);
    assert!(first.contains(&format!("Client {name}")), "{first}");
    assert!(
        read.header(2).contains(&format!("Case {number} · {name}")),
        "{}",
        read.header(2)
    );
}

#[test]
fn the_memo_states_reliefs_citations_days_left_questions_the_law_and_the_notice() {
    let a = assessed(LATE);
    let pdf = memo_pdf(&a, &opts("2026-0007", "B. Client")).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    // typst sets a negative number with the minus sign (U+2212).
    let all = read.flat().replace('\u{2212}', "-");
    for relief in ["Asylum", "Withholding of removal", "CAT deferral"] {
        assert!(all.contains(relief), "{relief}");
    }
    let asylum = a
        .reliefs
        .asylum
        .outcome
        .as_str()
        .replace('_', " ")
        .to_uppercase();
    assert!(
        all.contains(&format!("Asylum {asylum}")),
        "asylum's outcome"
    );
    // Each deciding finding with its citations.
    for id in &a.reliefs.asylum.reasons {
        let f = a.finding(id).unwrap();
        assert!(all.contains(&**id), "finding {id}");
        for cite in f.cite {
            assert!(all.contains(&common::flat(cite)), "{id}'s citation {cite}");
        }
    }
    // Each date with its days left from as_of.
    assert!(!a.deadlines.is_empty());
    for d in &a.deadlines {
        let days = refuge_engine::calendar::days_between(a.as_of, d.date);
        assert!(all.contains(&format!("{} ", d.date)), "{}", d.id);
        assert!(all.contains(&days.to_string()), "{}: {days}", d.id);
    }
    for q in a.questions.iter().take(3) {
        assert!(all.contains(&common::flat(&q.ask)), "question {}", q.ask);
    }
    assert!(all.contains(&format!(
        "version {}, reviewed on {}",
        a.law.version, a.law.reviewed_on
    )));
    assert!(all.contains(&common::flat(NOTICE)), "the notice");
}

#[test]
fn the_memo_in_spanish_says_reliefs_dates_and_questions_in_spanish_and_that_the_reasoning_is_in_english()
 {
    let a = assessed(LATE);
    let es = refuge_documents::Lang::parse("es").unwrap();
    let opts = MemoOptions {
        lang: es,
        ..opts("2026-0007", "B. Client")
    };
    let pdf = memo_pdf(&a, &opts).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    let all = read.flat().replace('\u{2212}', "-");
    for phrase in [
        "Memorando de evaluación",
        "Caso 2026-0007",
        "Confidencial: 8 C.F.R. § 208.6",
        "Refuge: no es asesoría legal",
        "27 de noviembre de 2026",
        "Tipos de protección",
        "Asilo",
        "Suspensión de la deportación (withholding of removal)",
        "Protección en los Estados Unidos para una persona que fue perseguida",
        "Plazos y fechas",
        "Plazo de un año para pedir asilo",
        "Preguntas pendientes",
        "está escrito para el representante y está en inglés",
        "Aviso.",
        // Each finding's question of law.
        "dentro del año siguiente a la última llegada?",
    ] {
        assert!(all.contains(phrase), "{phrase}: {all}");
    }
    assert!(
        !all.contains("within one year after the last arrival?"),
        "a finding's question is in English: {all}"
    );
    for i in 1..=read.count {
        assert!(
            read.page(i)
                .contains(&format!("Página {i} de {}", read.count)),
            "page {i}"
        );
    }
    // Every date written out in Spanish, with its days.
    for d in &a.deadlines {
        let long = refuge_i18n::date(es, d.date);
        assert!(all.contains(&long), "{}: {long}", d.id);
    }
    // The questions as the client is asked them, in Spanish.
    for q in a.questions.iter().take(3) {
        let asked = refuge_report::i18n::question(es, q);
        assert_ne!(asked, q.ask);
        assert!(all.contains(&common::flat(&asked)), "question {asked}");
    }
    assert!(all.contains(&common::flat(&refuge_i18n::tr(
        es,
        "notice-not-legal-advice"
    ))));
    // The legal reasoning stays as the engine wrote it.
    let because = &a.finding(&a.reliefs.asylum.reasons[0]).unwrap().because;
    assert!(all.contains(&common::flat(because)), "{because}");
    assert!(
        !all.contains("Findings that decided them"),
        "no English heading is left"
    );
}

#[test]
fn the_memo_is_dated_by_the_facts_never_by_the_clock_and_the_same_facts_give_the_same_pdf() {
    let a = assessed(JOURNALIST);
    let pdf = memo_pdf(&a, &opts("2026-0042", "Ana Ruiz")).unwrap();
    assert_eq!(pdf, memo_pdf(&a, &opts("2026-0042", "Ana Ruiz")).unwrap());
    let Some(read) = common::read(&pdf) else {
        return;
    };
    assert!(
        read.page(1).contains("November 27, 2026"),
        "{}",
        read.page(1)
    );
}

#[test]
fn the_memos_data_snapshot() {
    let data = memo_data(&assessed(JOURNALIST), &opts("2026-0042", "Ana Ruiz"));
    common::snapshot(
        "memo_timely_journalist.json",
        &(serde_json::to_string_pretty(&data).unwrap() + "\n"),
    );
}

#[test]
fn the_memos_text_snapshot() {
    let pdf = memo_pdf(&assessed(JOURNALIST), &opts("2026-0042", "Ana Ruiz")).unwrap();
    let Some(read) = common::read(&pdf) else {
        return;
    };
    common::snapshot("memo_timely_journalist.txt", &common::pages_text(&read));
}
