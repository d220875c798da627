//! `refuge law`: the parameter set as an auditing attorney reads it.
//!
//! All dated values are printed, not only those in force, so that the auditor
//! checks the periods themselves; the values in force on the given day are marked.

use jiff::civil::Date;
use refuge_engine::defs;
use refuge_engine::law::{Dated, Source, Unit, Value};
use refuge_engine::{Law, NOTICE};
use serde_json::json;

use crate::text::Doc;

/// The law table as text.
pub(crate) fn text(law: &Law, today: Date) -> String {
    let mut d = Doc::default();
    d.title(&format!(
        "Refuge law: parameter set {}, reviewed on {}",
        law.version(),
        law.reviewed_on()
    ));
    d.wrap(
        "",
        0,
        "Every finding the engine makes, every parameter with all its dated values, the calendar \
         and the warning texts. Periods are inclusive; the values in force on the day of this \
         table are marked.",
    );

    d.heading(&format!("FINDINGS ({})", defs::ALL.len()));
    d.wrap(
        "",
        0,
        "Ids with <hid>, <gid> or <fid> are made per harm, group or family member; \
         the section is that of spec/rules.md.",
    );
    for def in defs::ALL {
        d.blank();
        d.wrap("- ", 2, &format!("{} (section {})", def.id, def.section));
        d.wrap("  ", 2, def.question);
        d.list(2, "Cites", def.cite);
    }

    d.heading(&format!("PARAMETERS ({})", law.parameters().len()));
    for p in law.parameters() {
        d.blank();
        d.wrap("- ", 2, &p.id);
        d.wrap("  ", 2, &p.label);
        d.wrap(
            "  ",
            2,
            &format!(
                "Unit: {}; the value is chosen by the date of: {}.",
                p.unit, p.applies_to
            ),
        );
        for v in &p.values {
            d.wrap(
                "  * ",
                4,
                &format!("{}: {}", period(v.from, v.to, today), value(p.unit, v)),
            );
            source(&mut d, 4, &v.source);
        }
    }

    d.heading("LEGAL PUBLIC HOLIDAYS (5 U.S.C. § 6103(a))");
    d.wrap(
        "",
        0,
        "A deadline that rolls moves past a Saturday, a Sunday and these days.",
    );
    for h in law.holidays() {
        d.blank();
        d.wrap("- ", 2, &h.name);
        for r in &h.rule {
            d.wrap(
                "  * ",
                4,
                &format!("{}: {}", period(r.from, r.to, today), day_rule(&r.date)),
            );
            source(&mut d, 4, &r.source);
        }
    }
    d.blank();
    d.wrap("Observed day: ", 2, &law.observed().rule);
    source(&mut d, 2, &law.observed().source);

    d.heading("CLOSINGS BY EXECUTIVE ORDER");
    d.wrap(
        "",
        0,
        "Not legal holidays: a deadline does not roll past them (the earlier date is the safe one), \
         but a because-text says so when a deadline falls on one.",
    );
    for c in law.closings() {
        d.blank();
        d.wrap("- ", 2, &format!("{}: {}", c.date, c.reason));
        source(&mut d, 2, &c.source);
    }

    d.heading("WARNING TEXTS");
    for w in law.warnings() {
        d.blank();
        d.wrap("- ", 2, &w.code);
        d.wrap("  ", 2, &w.message);
        d.list(2, "Cites", &w.cite);
        source(&mut d, 2, &w.source);
    }

    d.heading("NOTICE");
    d.wrap("", 0, NOTICE);
    d.finish()
}

/// `from 1997-04-01 to 2025-07-21`, or `from 2025-07-22, no end date (in force on 2026-11-27)`.
fn period(from: Date, to: Option<Date>, today: Date) -> String {
    let text = match to {
        Some(to) => format!("from {from} to {to}"),
        None => format!("from {from}, no end date"),
    };
    if from <= today && to.is_none_or(|t| today <= t) {
        format!("{text} (in force on {today})")
    } else {
        text
    }
}

/// A value with its unit: `150 days`, `1 year`, `$100`, `2023-05-11`.
fn value(unit: Unit, v: &Dated) -> String {
    match (v.value, unit) {
        (Value::Number(n), Unit::Usd) => format!("${n}"),
        (Value::Number(1), Unit::Years) => "1 year".to_string(),
        (Value::Number(1), Unit::Days) => "1 day".to_string(),
        (Value::Number(n), unit) => format!("{n} {unit}"),
        (Value::Date(d), _) => d.to_string(),
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A holiday's date rule in words: `01-01` is `January 1`, `third monday of
/// january` is `third Monday of January`.
fn day_rule(rule: &str) -> String {
    let fixed = rule.split_once('-').and_then(|(m, d)| {
        let month = MONTHS.get(m.parse::<usize>().ok()?.checked_sub(1)?)?;
        Some(format!("{month} {}", d.parse::<u8>().ok()?))
    });
    fixed.unwrap_or_else(|| {
        let name = |w: &str| {
            MONTHS
                .iter()
                .chain(&WEEKDAYS)
                .find(|n| n.eq_ignore_ascii_case(w))
                .copied()
        };
        let words: Vec<&str> = rule
            .split_whitespace()
            .map(|w| name(w).unwrap_or(w))
            .collect();
        words.join(" ")
    })
}

/// `Source: title`, and the address on the next line, both aligned after the label.
fn source(d: &mut Doc, indent: usize, s: &Source) {
    const LABEL: &str = "Source: ";
    let pad = " ".repeat(indent);
    let text = indent + LABEL.len();
    d.wrap(&format!("{pad}{LABEL}"), text, &s.title);
    d.wrap(&" ".repeat(text), text, &s.url);
}

/// The law table as JSON.
pub(crate) fn json(law: &Law) -> serde_json::Value {
    let findings: Vec<serde_json::Value> = defs::ALL
        .iter()
        .map(
            |d| json!({ "id": d.id, "question": d.question, "cite": d.cite, "section": d.section }),
        )
        .collect();
    json!({
        "version": law.version(),
        "reviewed_on": law.reviewed_on(),
        "findings": findings,
        "parameters": law.parameters(),
        "observed": law.observed(),
        "holidays": law.holidays(),
        "closings": law.closings(),
        "warnings": law.warnings(),
    })
}
