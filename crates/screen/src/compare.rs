//! `refuge screen --compare-law OLD` (issue 23): each row screened also
//! under an earlier parameter set kept in the binary
//! (`refuge_engine::change::History`), with two more columns: what differs
//! between the two (an outcome, a date or status, the annual fee's amount,
//! a warning) and the part of the law data that moved it (a parameter's id,
//! or `holidays`, `closings`, `warnings`, `countries`), found by screening
//! the row under the old set with that one part of the new. Empty for a
//! row the change of the law does not touch. The rules are the same on
//! both sides: this compares law data, not editions of the engine.

use refuge_engine::change::{Kind, Parts};
use refuge_engine::law::Part;
use refuge_engine::rules::deadlines::{ANNUAL_FEE, fee_usd};
use refuge_engine::{Case, Law, Screening};

use crate::Memos;
use crate::record::csv_field;

/// The two columns the comparison adds, after the screening's.
pub const COLUMNS: [&str; 2] = ["law_changes", "law_change_causes"];

/// The earlier law, its workers' memos, and the new law's parts each put
/// into it.
pub struct Compare<'a> {
    pub old: &'a Law,
    pub memos: Memos<'a>,
    parts: Parts,
}

impl<'a> Compare<'a> {
    pub fn new(old: &'a Law, new: &Law, memos: Memos<'a>) -> Compare<'a> {
        Compare {
            old,
            memos,
            parts: Parts::new(old, new),
        }
    }

    /// The two cells of a row: what differs between its screening under
    /// the old law and under the new one, and, for each item, the parts
    /// that moved it.
    pub fn cells(
        &self,
        case: &Case,
        old: &Screening,
        new: &Screening,
        law: &Law,
    ) -> (String, String) {
        let moved = differences(old, self.old, new, law);
        if moved.is_empty() {
            return (String::new(), String::new());
        }
        // Each hybrid's differences, worked out once for the row.
        let seen: std::cell::RefCell<Vec<(*const Law, Vec<Item>)>> = Default::default();
        let under = |hybrid: &Law| -> Vec<Item> {
            let key = std::ptr::from_ref(hybrid);
            if let Some((_, d)) = seen.borrow().iter().find(|(k, _)| *k == key) {
                return d.clone();
            }
            let s = refuge_engine::screen(case, hybrid);
            let d = differences(old, self.old, &s, hybrid);
            seen.borrow_mut().push((key, d.clone()));
            d
        };
        let mut causes: Vec<&str> = Vec::new();
        for item in &moved {
            let by = self.parts.causes(item.kind, |hybrid| {
                under(hybrid)
                    .iter()
                    .any(|d| d.name == item.name && d.text == item.text)
            });
            for p in by {
                let name = part_name(p);
                if !causes.contains(&name) {
                    causes.push(name);
                }
            }
        }
        let moved: Vec<&str> = moved.iter().map(|i| i.text.as_str()).collect();
        (moved.join("; "), causes.join("; "))
    }
}

/// One difference between two screenings of a row: the column (or the
/// warning) and the change in words.
#[derive(Clone)]
struct Item {
    kind: Kind,
    name: String,
    text: String,
}

fn part_name(p: &Part) -> &str {
    match p {
        Part::Parameter(id) => id,
        Part::Holidays => "holidays",
        Part::Closings => "closings",
        Part::Warnings => "warnings",
        Part::Countries => "countries",
    }
}

/// What differs between two screenings of a row, in words (`asylum:
/// eligible → undetermined`, `annual_fee_usd: 100 → 102`, `warnings: +code`).
fn differences(old: &Screening, old_law: &Law, new: &Screening, new_law: &Law) -> Vec<Item> {
    let mut out = Vec::new();
    let mut differ = |name: &str, a: String, b: String| {
        if a != b {
            let kind = match name {
                "one_year_deadline"
                | "one_year_status"
                | "ead_earliest_filing"
                | "annual_fee_due"
                | "annual_fee_usd" => Kind::Deadline,
                _ => Kind::Relief,
            };
            out.push(Item {
                kind,
                name: name.to_string(),
                text: format!("{name}: {} → {}", or_none(&a), or_none(&b)),
            });
        }
    };
    for ((name, a), b) in crate::summary::RELIEFS
        .iter()
        .zip(old.reliefs)
        .zip(new.reliefs)
    {
        differ(name, a.as_str().into(), b.as_str().into());
    }
    let date = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or_default();
    differ(
        "one_year_deadline",
        date(old.one_year.map(|x| x.0)),
        date(new.one_year.map(|x| x.0)),
    );
    differ(
        "one_year_status",
        old.one_year
            .map(|x| x.1.as_str())
            .unwrap_or_default()
            .into(),
        new.one_year
            .map(|x| x.1.as_str())
            .unwrap_or_default()
            .into(),
    );
    differ(
        "ead_earliest_filing",
        date(old.ead_earliest_filing),
        date(new.ead_earliest_filing),
    );
    differ(
        "annual_fee_due",
        date(old.annual_fee_due),
        date(new.annual_fee_due),
    );
    let fee = |s: &Screening, law: &Law| {
        s.annual_fee_due
            .and_then(|d| fee_usd(law, ANNUAL_FEE, d))
            .map(|n| n.to_string())
            .unwrap_or_default()
    };
    differ("annual_fee_usd", fee(old, old_law), fee(new, new_law));
    let outcome = |o: Option<refuge_engine::output::Outcome>| {
        o.map(|o| o.as_str()).unwrap_or_default().to_string()
    };
    differ(
        "lawful_pathways",
        outcome(old.lawful_pathways),
        outcome(new.lawful_pathways),
    );
    differ(
        "safe_third_country",
        outcome(old.safe_third_country),
        outcome(new.safe_third_country),
    );
    let added = new
        .warnings
        .iter()
        .filter(|w| !old.warnings.contains(w))
        .map(|w| ("+", w));
    let removed = old
        .warnings
        .iter()
        .filter(|w| !new.warnings.contains(w))
        .map(|w| ("-", w));
    for (sign, w) in added.chain(removed) {
        out.push(Item {
            kind: Kind::Warning,
            name: format!("warning {w}"),
            text: format!("warning {sign}{w}"),
        });
    }
    out
}

fn or_none(s: &str) -> &str {
    if s.is_empty() { "none" } else { s }
}

/// Appends the two cells to a record just written (CSV: before its line
/// break; JSON Lines: as two fields before its closing brace).
pub fn append(out: &mut Vec<u8>, csv: bool, (changes, causes): &(String, String)) {
    if csv {
        out.pop();
        out.push(b',');
        csv_field(out, changes);
        out.push(b',');
        csv_field(out, causes);
        out.push(b'\n');
    } else {
        out.truncate(out.len() - 2);
        for (name, value) in COLUMNS.iter().zip([changes, causes]) {
            out.extend_from_slice(format!(",\"{name}\":").as_bytes());
            let _ = serde_json::to_writer(&mut *out, value);
        }
        out.extend_from_slice(b"}\n");
    }
}
