//! The views of an assessment and of the law, tested by what a reader sees.
//!
//! The cases are the public examples (the facts in the repository's
//! `examples/`, from `spec/examples/`), assessed on 2026-11-27, and a few facts
//! written here.
//! The memos of the examples are also kept as snapshots in `tests/snapshots/`:
//! after a deliberate change, accept the new text with
//! `REFUGE_BLESS=1 cargo test -p refuge-report` and review the diff.

use refuge_engine::{Assessment, Law, NOTICE, defs};

const AS_OF: jiff::civil::Date = jiff::civil::date(2026, 11, 27);

/// The repository's bundled examples: the facts of the public worked examples.
const EXAMPLES_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples");

/// Assesses a facts document on [`AS_OF`].
fn assess(facts: &str) -> Assessment {
    refuge_engine::assess_json(facts, AS_OF, Law::embedded())
        .unwrap_or_else(|e| panic!("facts rejected: {e}"))
}

/// Assesses the facts of the public example `name`.
fn example(name: &str) -> Assessment {
    let path = format!("{EXAMPLES_DIR}/{name}.json");
    assess(&std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}")))
}

/// Every example, by name, assessed.
fn all_examples() -> impl Iterator<Item = (String, Assessment)> {
    let mut names: Vec<String> = std::fs::read_dir(EXAMPLES_DIR)
        .unwrap()
        .filter_map(|e| {
            let path = e.ok()?.path();
            // The facts examples: the JSON files at the top (`application/` holds case documents).
            (path.extension()? == "json").then_some(())?;
            path.file_stem()?.to_str().map(str::to_string)
        })
        .collect();
    names.sort();
    assert_eq!(names.len(), 6, "the six public examples are bundled");
    names.into_iter().map(|name| {
        let a = example(&name);
        (name, a)
    })
}

/// The text with every run of whitespace made one space (undoes line wrapping).
fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The byte offset of `needle` in `haystack`, which must contain it.
fn at(haystack: &str, needle: &str) -> usize {
    haystack
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is missing from:\n{haystack}"))
}

/// The memo's block for one deadline: from its `- <date> (<weekday>) <id>` line to the next blank line.
fn deadline_block(memo: &str, id: &str) -> String {
    let line = memo
        .lines()
        .find(|l| l.starts_with("- ") && l.contains(&format!(") {id}")))
        .expect("deadline listed");
    let start = at(memo, line);
    let end = memo[start..].find("\n\n").map_or(memo.len(), |e| start + e);
    memo[start..end].to_string()
}

/// The page's table row for one deadline.
fn deadline_row(page: &str, id: &str) -> String {
    let table = &page[at(page, r#"<h2 id="deadlines">"#)..];
    let cell = at(table, &format!("<code>{id}</code>"));
    let start = table[..cell].rfind("<tr").unwrap();
    let end = cell + at(&table[cell..], "</tr>");
    table[start..end].to_string()
}

// The memo.

#[test]
fn the_memo_lists_reliefs_before_findings_and_ends_with_the_notice() {
    for (name, a) in all_examples() {
        let memo = refuge_report::text(&a);
        let sections = [
            "RELIEFS",
            "FINDINGS THAT DECIDED THEM",
            "DEADLINES AND DATES",
            "OPEN QUESTIONS",
            "FAMILY",
            "WARNINGS",
            "NOTICE",
        ];
        let offsets: Vec<usize> = sections
            .iter()
            .map(|s| at(&memo, &format!("\n{s}\n")))
            .collect();
        assert!(
            offsets.windows(2).all(|w| w[0] < w[1]),
            "{name}: sections out of order"
        );
        assert!(
            words(&memo).ends_with(NOTICE),
            "{name}: the memo does not end with the notice"
        );
    }
}

#[test]
fn the_memo_title_gives_the_as_of_date_and_the_law_version() {
    let a = example("holiday-deadline");
    let memo = refuge_report::text(&a);
    let title = memo.lines().next().unwrap();
    let law = format!("law {} (reviewed on {})", a.law.version, a.law.reviewed_on);
    assert_eq!(
        title,
        format!("Refuge assessment memo: as of 2026-06-30, {law}")
    );
}

#[test]
fn the_memo_names_every_relief_in_words_with_its_outcome() {
    let memo = refuge_report::text(&example("torture-deferral-only"));
    for line in [
        "Asylum: INELIGIBLE",
        "Withholding of removal: INELIGIBLE",
        "CAT withholding: INELIGIBLE",
        "CAT deferral: ELIGIBLE",
        "Refugee admission (abroad): NOT APPLICABLE",
    ] {
        assert!(
            memo.lines().any(|l| l == line),
            "{line:?} is missing from:\n{memo}"
        );
    }
}

#[test]
fn the_memo_gives_the_basis_of_an_eligible_asylum_claim() {
    let memo = refuge_report::text(&example("timely-journalist"));
    assert!(
        memo.contains("Asylum: ELIGIBLE, on the basis of past persecution"),
        "{memo}"
    );
}

#[test]
fn the_memo_gives_each_deciding_finding_with_its_question_and_because() {
    let a = example("late-without-exception");
    let memo = words(&refuge_report::text(&a));
    let reliefs = &memo[..at(&memo, "FINDINGS THAT DECIDED THEM")];
    for id in &a.reliefs.asylum.reasons {
        let f = a.finding(id).unwrap();
        let entry = &reliefs[at(reliefs, &format!("- {id}: "))..];
        assert!(entry.contains(f.question), "{id}: question missing");
        assert!(
            entry.contains(&format!("Because: {}", words(&f.because))),
            "{id}: because missing"
        );
    }
}

#[test]
fn the_memo_shows_the_findings_a_decision_rests_on_with_their_citations() {
    let a = example("social-group-open");
    let memo = refuge_report::text(&a);
    let findings =
        words(&memo[at(&memo, "FINDINGS THAT DECIDED THEM")..at(&memo, "DEADLINES AND DATES")]);
    // refugee.well_founded_fear decides asylum; it rests on past persecution, which rests on the group.
    for id in [
        "refugee.well_founded_fear",
        "refugee.past_persecution",
        "harm.h1.nexus",
        "group.g1.cognizable",
    ] {
        let f = a.finding(id).unwrap();
        assert!(
            findings.contains(&format!("- {id}: {}", f.outcome.as_str())),
            "{id} missing"
        );
        assert!(
            findings.contains(&format!("Cites: {}", f.cite.join("; "))),
            "{id}: citations missing"
        );
    }
}

#[test]
fn an_overdue_deadline_is_marked_overdue_with_its_days() {
    let a = example("after-the-grant");
    let i730 = deadline_block(&refuge_report::text(&a), "i730.deadline");
    assert!(i730.contains("** OVERDUE **"), "{i730}");
    assert!(
        i730.contains("Status: passed; days left: -43 (43 days ago)"),
        "{i730}"
    );

    let row = deadline_row(&refuge_report::html(&a), "i730.deadline");
    assert!(row.starts_with(r#"<tr class="overdue">"#), "{row}");
    assert!(
        row.contains(">-43<") && row.contains("43 days ago") && row.contains(">overdue<"),
        "{row}"
    );
}

#[test]
fn a_passed_first_day_to_act_is_not_overdue() {
    let a = example("after-the-grant");
    let adjustment = deadline_block(&refuge_report::text(&a), "adjustment.eligible");
    assert!(
        adjustment.contains("Status: passed") && !adjustment.contains("OVERDUE"),
        "{adjustment}"
    );
    assert!(deadline_row(&refuge_report::html(&a), "adjustment.eligible").starts_with("<tr>"));
}

#[test]
fn a_deadline_30_days_away_is_marked_and_31_days_away_is_not() {
    // One year after 2025-12-24 is Thursday 2026-12-24, 27 days after 2026-11-27;
    // one year after 2025-12-28 is Monday 2026-12-28, 31 days after.
    for (arrival, days, marked) in [("2025-12-24", 27, true), ("2025-12-28", 31, false)] {
        let a = assess(&format!(r#"{{"arrivals": [{{"date": "{arrival}"}}]}}"#));
        let block = deadline_block(&refuge_report::text(&a), "asylum.one_year");
        assert!(
            block.contains(&format!("days left: {days} (in {days} days)")),
            "{block}"
        );
        assert_eq!(block.contains("** WITHIN 30 DAYS **"), marked, "{block}");
        let row = deadline_row(&refuge_report::html(&a), "asylum.one_year");
        assert_eq!(row.starts_with(r#"<tr class="soon">"#), marked, "{row}");
    }
}

#[test]
fn the_memo_numbers_the_open_questions_with_the_ask_and_the_fact_path() {
    let a = example("social-group-open");
    let memo = refuge_report::text(&a);
    let questions = words(&memo[at(&memo, "OPEN QUESTIONS")..at(&memo, "\nFAMILY\n")]);
    for (i, q) in a.questions.iter().enumerate() {
        let entry = format!("{}. {} Fact: {}", i + 1, words(&q.ask), q.fact);
        assert!(questions.contains(&entry), "{entry:?} missing");
    }
    assert!(
        questions
            .contains("1. Is \"Guatemalan women unable to leave a domestic relationship\" defined")
    );
}

#[test]
fn the_memo_lists_family_members_with_derivative_status_and_path() {
    let memo = refuge_report::text(&example("after-the-grant"));
    assert!(
        memo.contains("- s1 (spouse): derivative yes; path: follow to join (Form I-730)"),
        "{memo}"
    );
}

#[test]
fn the_memo_lists_warnings_with_code_message_and_citations() {
    let a = example("late-without-exception");
    let memo = words(&refuge_report::text(&a));
    for w in &a.warnings {
        let entry = format!(
            "- {} {} Cites: {}",
            w.code,
            words(&w.message),
            w.cite.join("; ")
        );
        assert!(memo.contains(&entry), "{entry:?} missing");
    }
}

#[test]
fn the_memo_is_plain_text_of_at_most_90_columns() {
    for (name, a) in all_examples() {
        let memo = refuge_report::text(&a);
        assert!(!memo.contains('\x1b'), "{name}: ANSI escape");
        for line in memo.lines() {
            assert!(
                line.chars().count() <= 90,
                "{name}: line too long: {line:?}"
            );
        }
    }
}

#[test]
fn the_memos_of_the_examples_match_their_snapshots() {
    let bless = std::env::var_os("REFUGE_BLESS").is_some();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut stale = Vec::new();
    for (name, a) in all_examples() {
        let path = dir.join(format!("{name}.txt"));
        let memo = refuge_report::text(&a);
        if bless {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &memo).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(memo.as_str()) {
            stale.push(path.display().to_string());
        }
    }
    assert!(
        stale.is_empty(),
        "memos changed: {stale:?}; review, then accept with REFUGE_BLESS=1"
    );
}

// The page.

/// Facts whose group definition is markup.
const MARKUP_FACTS: &str = r#"{
  "groups": [{"id": "g1", "definition": "<script>alert(1)</script> & 'friends'"}],
  "harms": [{"id": "h1", "when": "past", "kind": "sexual_violence",
             "grounds": [{"ground": "particular_social_group", "group": "g1", "central": true}]}]
}"#;

#[test]
fn html_escapes_a_group_definition_containing_script() {
    let page = refuge_report::html(&assess(MARKUP_FACTS));
    assert!(
        !page.contains("<script"),
        "markup from the facts reached the page"
    );
    assert!(page.contains("&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#39;friends&#39;"));
    // An id from the facts cannot carry a quote into an attribute: the
    // engine refuses it (ids are letters, digits, '-', '_' and '.').
    let quoted = MARKUP_FACTS.replace("\"g1\"", "\"g\\\"1\"");
    let refused = refuge_engine::assess_json(
        &quoted,
        jiff::civil::date(2026, 1, 15),
        refuge_engine::Law::embedded(),
    )
    .expect_err("an id with a quote is refused");
    assert_eq!(refused.field, "groups[0].id");
    assert!(page.contains(r#"id="f-group.g1.cognizable""#));
}

#[test]
fn html_page_is_standalone_with_no_links_outside_itself() {
    for (name, a) in all_examples() {
        let page = refuge_report::html(&a);
        assert!(page.starts_with("<!DOCTYPE html>"), "{name}");
        for attr in ["src=\"", "href=\""] {
            for (i, _) in page.match_indices(attr) {
                let target = &page[i + attr.len()..];
                assert!(
                    target.starts_with('#'),
                    "{name}: {attr}{}",
                    &target[..target.find('"').unwrap()]
                );
            }
        }
        for external in [
            "http://", "https://", "<link", "<script", "<img", "@import", "url(",
        ] {
            assert!(!page.contains(external), "{name}: {external}");
        }
    }
}

#[test]
fn html_every_link_within_the_page_has_a_target() {
    for (name, a) in all_examples() {
        let page = refuge_report::html(&a);
        for (i, _) in page.match_indices("href=\"#") {
            let target = &page[i + 7..];
            let target = &target[..target.find('"').unwrap()];
            assert!(
                page.contains(&format!("id=\"{target}\"")),
                "{name}: #{target} has no target"
            );
        }
    }
}

#[test]
fn html_labels_each_relief_outcome_in_words_not_only_colour() {
    let page = refuge_report::html(&example("torture-deferral-only"));
    for (name, class, words) in [
        ("Asylum", "ineligible", "ineligible"),
        ("CAT deferral", "eligible", "eligible"),
        (
            "Refugee admission (abroad)",
            "not_applicable",
            "not applicable",
        ),
    ] {
        let card = &page[..at(&page, &format!(">{name}</h3>"))];
        let card = &page[card.rfind("<article").unwrap()..];
        let card = &card[..at(card, "</article>")];
        assert!(
            card.contains(&format!(r#"class="card r-{class}""#)),
            "{card}"
        );
        assert!(
            card.contains(&format!(r#"<span class="badge">{words}</span>"#)),
            "{card}"
        );
    }
}

#[test]
fn html_shows_findings_as_a_tree_of_details_with_because_and_citations() {
    let a = example("social-group-open");
    let page = refuge_report::html(&a);
    let nexus = at(&page, r#"<details class="finding" id="f-harm.h1.nexus">"#);
    let group = at(
        &page,
        r#"<details class="finding" id="f-group.g1.cognizable">"#,
    );
    assert!(
        nexus < group,
        "the group is shown inside the nexus it decides"
    );
    let inside = &page[group..];
    let inside = &inside[..at(inside, "</details>")];
    assert!(
        inside.contains("<summary>")
            && inside.contains("Is this proposed particular social group cognizable?")
    );
    assert!(
        inside.contains(
            "Because:</strong> Group g1 (&#34;Guatemalan women unable to leave a domestic relationship&#34;)"
        )
    );
    assert!(inside.contains("<li>Matter of M-E-V-G-, 26 I&#38;N Dec. 227 (BIA 2014)</li>"));
    // Each finding the assessment made is shown in full exactly once.
    for f in &a.findings {
        let opened = page
            .matches(&format!(r#"<details class="finding" id="f-{}">"#, f.id))
            .count();
        assert_eq!(opened, 1, "{}", f.id);
    }
}

#[test]
fn html_is_accessible_english_with_headings_in_order() {
    for (name, a) in all_examples() {
        let page = refuge_report::html(&a);
        assert!(page.contains(r#"<html lang="en">"#), "{name}");
        let levels: Vec<u8> = page
            .match_indices("<h")
            .filter_map(|(i, _)| page.as_bytes()[i + 2].checked_sub(b'0'))
            .filter(|l| (1..=6).contains(l))
            .collect();
        assert_eq!(
            levels.iter().filter(|&&l| l == 1).count(),
            1,
            "{name}: one h1"
        );
        assert_eq!(levels[0], 1, "{name}");
        assert!(
            levels.windows(2).all(|w| w[1] <= w[0] + 1),
            "{name}: a heading level is skipped: {levels:?}"
        );
        assert!(
            page.contains(r#"<th scope="col">Days left</th>"#),
            "{name}: the table has column headers"
        );
    }
}

#[test]
fn html_print_stylesheet_expands_every_finding() {
    let page = refuge_report::html(&example("social-group-open"));
    let print = &page[at(&page, "@media print")..at(&page, "</style>")];
    assert!(
        print.contains("details::details-content { content-visibility: visible; display: block; }"),
        "{print}"
    );
}

#[test]
fn html_holds_the_questions_family_and_warnings() {
    let page = refuge_report::html(&example("after-the-grant"));
    assert!(page.contains("<td data-label=\"Path\">follow to join (Form I-730)</td>"));
    let page = refuge_report::html(&example("late-without-exception"));
    assert!(page.contains("<p class=\"muted\">Fact: <code>removal.prior_order</code></p>"));
    assert!(
        page.contains("<h3>Annual asylum fee</h3>"),
        "a warning is headed by its title, not its code"
    );
}

#[test]
fn every_human_facing_output_carries_the_notice() {
    for (name, a) in all_examples() {
        assert!(
            words(&refuge_report::text(&a)).contains(NOTICE),
            "{name}: memo"
        );
        assert!(refuge_report::html(&a).contains(NOTICE), "{name}: page");
    }
    assert!(
        words(&refuge_report::law_text(Law::embedded(), day())).contains(NOTICE),
        "law table"
    );
}

// The law.

#[test]
fn law_table_names_every_finding_id_in_defs_all_and_every_parameter_id() {
    let law = Law::embedded();
    let table = refuge_report::law_text(law, day());
    let flat = words(&table);
    for def in defs::ALL {
        assert!(
            table.contains(&format!("- {} (section {})", def.id, def.section)),
            "{}",
            def.id
        );
        assert!(flat.contains(&words(def.question)), "{}: question", def.id);
        assert!(
            flat.contains(&format!("Cites: {}", def.cite.join("; "))),
            "{}: citations",
            def.id
        );
    }
    for p in law.parameters() {
        assert!(
            table.lines().any(|l| l == format!("- {}", p.id)),
            "{}",
            p.id
        );
        assert!(flat.contains(&words(&p.label)), "{}: label", p.id);
        assert!(flat.contains(&format!(
            "Unit: {}; the value is chosen by the date of: {}.",
            p.unit, p.applies_to
        )));
    }
}

#[test]
fn law_table_gives_every_dated_value_with_its_period_and_source() {
    let law = Law::embedded();
    let flat = words(&refuge_report::law_text(law, day()));
    for p in law.parameters() {
        for v in &p.values {
            let period = match &v.to {
                Some(to) => format!("from {} to {to}:", v.from),
                None => format!("from {}, no end date (in force on 2026-11-27):", v.from),
            };
            let entry = format!("* {period}");
            let at_value = flat
                .find(&entry)
                .unwrap_or_else(|| panic!("{}: {entry} missing", p.id));
            let rest = &flat[at_value..];
            assert!(
                rest.contains(&format!(
                    "Source: {} {}",
                    words(&v.source.title),
                    v.source.url
                )),
                "{}",
                p.id
            );
        }
    }
    assert!(flat.contains("* from 2025-07-22, no end date (in force on 2026-11-27): $100"));
    assert!(flat.contains("* from 1997-04-01, no end date (in force on 2026-11-27): 150 days"));
}

#[test]
fn law_table_lists_holidays_the_observed_day_rule_closings_and_warnings() {
    let law = Law::embedded();
    let flat = words(&refuge_report::law_text(law, day()));
    for h in law.holidays() {
        assert!(flat.contains(&format!("- {} *", h.name)), "{}", h.name);
        for r in &h.rule {
            assert!(flat.contains(&r.source.url), "{}", h.name);
        }
    }
    assert!(flat.contains("* from 1978-01-01, no end date (in force on 2026-11-27): November 11"));
    assert!(flat.contains("(in force on 2026-11-27): fourth Thursday of November"));
    assert!(flat.contains(&format!("Observed day: {}", law.observed().rule)));
    for c in law.closings() {
        assert!(
            flat.contains(&format!("- {}: {}", c.date, words(&c.reason))),
            "{}",
            c.date
        );
    }
    for w in law.warnings() {
        let entry = format!(
            "- {} {} Cites: {}",
            w.code,
            words(&w.message),
            w.cite.join("; ")
        );
        assert!(flat.contains(&entry), "{}", w.code);
    }
}

#[test]
fn law_json_holds_the_same_content_as_the_table() {
    let law = Law::embedded();
    let json = refuge_report::law_json(law);
    assert_eq!(json["version"], law.version());
    assert_eq!(json["reviewed_on"], law.reviewed_on().to_string());
    let findings = json["findings"].as_array().unwrap();
    assert_eq!(findings.len(), defs::ALL.len());
    for (j, def) in findings.iter().zip(defs::ALL) {
        assert_eq!(j["id"], def.id);
        assert_eq!(j["question"], def.question);
        assert_eq!(j["section"], def.section);
        assert_eq!(j["cite"], serde_json::json!(def.cite));
    }
    assert_eq!(
        json["parameters"],
        serde_json::to_value(law.parameters()).unwrap()
    );
    assert_eq!(
        json["holidays"],
        serde_json::to_value(law.holidays()).unwrap()
    );
    assert_eq!(json["observed"]["rule"], law.observed().rule);
    assert_eq!(
        json["closings"].as_array().unwrap().len(),
        law.closings().len()
    );
    assert_eq!(
        json["warnings"].as_array().unwrap().len(),
        law.warnings().len()
    );
}

fn day() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 27)
}

#[test]
fn law_table_marks_the_value_in_force_on_the_day() {
    let law = Law::embedded();
    let before = words(&refuge_report::law_text(law, jiff::civil::date(2025, 1, 1)));
    let after = words(&refuge_report::law_text(law, jiff::civil::date(2026, 1, 1)));
    assert!(
        before.contains("from 1997-04-01 to 2025-07-21 (in force on 2025-01-01): $0"),
        "{before}"
    );
    assert!(
        after.contains("from 2025-07-22, no end date (in force on 2026-01-01): $100"),
        "{after}"
    );
    assert!(
        !after.contains("to 2025-07-21 (in force"),
        "an ended period is not in force"
    );
}

// The amendments of December 2026: a granted asylum, a reinstated order, the family texts.

/// The memo's entry for one relief: from its `Name: OUTCOME` line to the next blank line.
fn relief_block(memo: &str, name: &str) -> String {
    let start = at(memo, &format!("\n{name}: ")) + 1;
    let end = memo[start..].find("\n\n").map_or(memo.len(), |e| start + e);
    memo[start..end].to_string()
}

/// The page's card for one relief.
fn relief_card(page: &str, name: &str) -> String {
    let head = at(page, &format!(">{name}</h3>"));
    let start = page[..head].rfind("<article").unwrap();
    let end = head + at(&page[head..], "</article>");
    page[start..end].to_string()
}

/// The memo's block for one family member, and the page's row for it.
fn member(a: &Assessment, id: &str) -> (String, String) {
    let memo = refuge_report::text(a);
    let start = at(&memo, &format!("\n- {id} (")) + 1;
    let end = memo[start..].find("\n\n").map_or(memo.len(), |e| start + e);
    let page = refuge_report::html(a);
    let cell = at(
        &page,
        &format!("<td data-label=\"Member\"><code>{id}</code>"),
    );
    let row = &page[page[..cell].rfind("<tr").unwrap()..];
    (
        memo[start..end].to_string(),
        row[..at(row, "</tr>")].to_string(),
    )
}

#[test]
fn the_memo_says_asylum_was_granted_and_the_other_reliefs_were_not_assessed() {
    let a = example("after-the-grant");
    let memo = refuge_report::text(&a);
    assert!(
        memo.lines()
            .any(|l| l == "Asylum                      GRANTED"),
        "{memo}"
    );
    let asylum = words(&relief_block(&memo, "Asylum"));
    assert!(
        asylum.starts_with("Asylum: GRANTED Asylum has been granted"),
        "{asylum}"
    );
    assert!(!asylum.contains("No finding decided it"), "{asylum}");
    let withholding = words(&relief_block(&memo, "Withholding of removal"));
    assert_eq!(
        withholding,
        "Withholding of removal: NOT APPLICABLE Not assessed: asylum has been granted."
    );
}

#[test]
fn a_granted_asylum_has_a_card_of_its_own_style_and_wording() {
    let page = refuge_report::html(&example("after-the-grant"));
    let card = relief_card(&page, "Asylum");
    assert!(card.contains(r#"class="card r-granted""#), "{card}");
    assert!(
        card.contains(r#"<span class="badge">granted</span>"#),
        "{card}"
    );
    assert!(card.contains("Asylum has been granted"), "{card}");
    assert!(!card.contains("Decided by:"), "{card}");
    assert!(refuge_report::STYLESHEET.contains(".r-granted {"));
    let card = relief_card(&page, "CAT deferral");
    assert!(
        card.contains("Not assessed: asylum has been granted."),
        "{card}"
    );
}

/// An applicant whose earlier removal order DHS reinstated.
const REINSTATED: &str = r#"{"applicant": {"location": "in_us", "nationality": ["HN"]},
  "arrivals": [{"date": "2026-03-02", "manner": "without_inspection", "border": "southwest_land"}],
  "removal": {"prior_order": true, "reinstated": true}}"#;

#[test]
fn the_memo_says_withholding_only_proceedings_for_a_reinstated_order() {
    let a = assess(REINSTATED);
    assert_eq!(
        a.finding("asylum.bar.reinstated_order").unwrap().outcome,
        refuge_engine::output::Outcome::Yes
    );
    let memo = refuge_report::text(&a);
    let asylum = words(&relief_block(&memo, "Asylum"));
    assert!(
        asylum.contains("the case proceeds in withholding-only proceedings"),
        "{asylum}"
    );
    // The note comes first, then the findings that decided asylum.
    assert!(
        at(&asylum, "withholding-only") < at(&asylum, "- asylum.bar.reinstated_order: yes"),
        "{asylum}"
    );
    let card = relief_card(&refuge_report::html(&a), "Asylum");
    assert!(
        card.contains("the case proceeds in withholding-only proceedings"),
        "{card}"
    );
    assert!(card.contains("Decided by:"), "{card}");

    // No reinstated order, no such line.
    let a = assess(&REINSTATED.replace(r#""reinstated": true"#, r#""reinstated": false"#));
    assert!(!refuge_report::text(&a).contains("proceeds in withholding-only"));
    assert!(!refuge_report::html(&a).contains("proceeds in withholding-only"));
}

/// An application filed 2024-01-10 with three children: one born after it,
/// one aged out before it, one under 21 on it.
const CHILDREN: &str = r#"{"application": {"filed_on": "2024-01-10"},
  "family": [
    {"id": "c1", "relation": "child", "birth_date": "2025-03-01", "married": false},
    {"id": "c2", "relation": "child", "birth_date": "2000-01-01", "married": false},
    {"id": "c3", "relation": "child", "birth_date": "2010-05-05", "married": false}]}"#;

#[test]
fn the_family_section_gives_no_age_on_filing_for_a_child_born_after_filing() {
    let a = assess(CHILDREN);
    let (memo, row) = member(&a, "c1");
    assert!(
        !memo.contains("Age on filing") && !memo.contains("age 0"),
        "{memo}"
    );
    assert!(
        !row.contains("age 0") && !row.contains("\">0</td>"),
        "{row}"
    );
    assert!(
        row.contains(r#"<span class="muted">not given</span>"#),
        "{row}"
    );
}

#[test]
fn the_family_section_does_not_call_an_aged_out_childs_age_frozen() {
    let a = assess(CHILDREN);
    let (memo, row) = member(&a, "c2");
    assert!(memo.contains("Age on filing: 24"), "{memo}");
    assert!(
        memo.contains("Child Status Protection Act: age not protected"),
        "{memo}"
    );
    assert!(!memo.contains("frozen"), "{memo}");
    assert!(
        !row.contains("frozen")
            && row
                .contains("<td data-label=\"Child Status Protection Act\">age not protected</td>"),
        "{row}"
    );
    // A child under 21 on the filing date keeps that age.
    let (memo, row) = member(&a, "c3");
    assert!(
        memo.contains("Child Status Protection Act: age frozen on the filing date"),
        "{memo}"
    );
    assert!(
        row.contains(
            "<td data-label=\"Child Status Protection Act\">age frozen on the filing date</td>"
        ),
        "{row}"
    );
}
