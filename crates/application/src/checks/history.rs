//! The five-year histories of Part A.III: residences (item 2) and employment
//! (item 4) "during the past 5 years", the present first.
//!
//! A row's dates are months (or days): a month stands for any day in it, so a
//! gap or an overlap counts only when it is certain, the shortest it can be.
//! "The present" is the case's `as_of`; the five years run back from it (or
//! from the applicant's birth, if later).

use jiff::ToSpan;
use jiff::civil::Date;

use super::{Ctx, app_path};
use crate::document::{Day, Until};

/// The most days a gap (or an overlap) may last.
pub const MAX_GAP_DAYS: i32 = 30;

pub(super) fn run(ctx: &mut Ctx) {
    let a3 = ctx.a3();
    let rows = |name: &str, spans: Option<Vec<(Option<Day>, Option<Until>)>>| {
        spans.map(|l| {
            l.into_iter()
                .enumerate()
                .map(|(i, (from, to))| Row {
                    path: app_path(format_args!("part_a3.{name}[{i}]")),
                    from,
                    to,
                })
                .collect::<Vec<_>>()
        })
    };
    let addresses = rows(
        "addresses",
        a3.addresses
            .as_ref()
            .map(|l| l.iter().map(|p| (p.from, p.to)).collect()),
    );
    let employment = rows(
        "employment",
        a3.employment
            .as_ref()
            .map(|l| l.iter().map(|j| (j.from, j.to)).collect()),
    );
    match addresses {
        Some(rows) if !rows.is_empty() => {
            history(ctx, "history.addresses", &rows, "address", "residence");
            overlaps(ctx, &rows);
        }
        _ => {
            for def in ["history.addresses", "history.address_overlap"] {
                ctx.cannot_tell(
                    def,
                    vec![app_path("part_a3.addresses")],
                    "the address history has no rows yet",
                );
            }
        }
    }
    match employment {
        // `[]` answers "None": no employment to check.
        Some(rows) if rows.is_empty() => {}
        Some(rows) => history(ctx, "history.employment", &rows, "employment", "job"),
        None => ctx.cannot_tell(
            "history.employment",
            vec![app_path("part_a3.employment")],
            "the employment history is not answered yet",
        ),
    }
}

struct Row {
    path: String,
    from: Option<Day>,
    to: Option<Until>,
}

/// A row with both dates: its earliest start, latest start, earliest end and latest end.
struct Span<'a> {
    path: &'a str,
    from: Day,
    end_first: Date,
    end_last: Date,
    present: bool,
}

fn spans<'a>(ctx: &mut Ctx, def: &str, rows: &'a [Row]) -> Option<Vec<Span<'a>>> {
    let as_of = ctx.as_of();
    let mut out = Vec::with_capacity(rows.len());
    let mut undated = Vec::new();
    for r in rows {
        match (r.from, r.to) {
            (Some(from), Some(to)) => {
                let (end_first, end_last, present) = match to {
                    Until::Present => (as_of, as_of, true),
                    Until::Day(d) => (d.first, d.last.min(as_of), false),
                };
                out.push(Span {
                    path: &r.path,
                    from,
                    end_first,
                    end_last,
                    present,
                });
            }
            (from, to) => {
                if from.is_none() {
                    undated.push(format!("{}.from", r.path));
                }
                if to.is_none() {
                    undated.push(format!("{}.to", r.path));
                }
            }
        }
    }
    if !undated.is_empty() {
        ctx.cannot_tell(
            def,
            undated,
            "some rows have no dates yet: the history cannot be checked for gaps until they do",
        );
        return None;
    }
    out.sort_by_key(|s| (s.from.first, s.end_last));
    Some(out)
}

fn days(from: Date, to: Date) -> i32 {
    (to - from).get_days()
}

fn history(ctx: &mut Ctx, def: &str, rows: &[Row], what: &str, row_word: &str) {
    let Some(spans) = spans(ctx, def, rows) else {
        return;
    };
    let as_of = ctx.as_of();
    let mut start = as_of.checked_sub(5.years()).unwrap_or(as_of);
    if let Some(b) = ctx.facts().applicant().birth_date
        && b > start
    {
        start = b;
    }
    // Reaches back five years.
    let first = &spans[0];
    if days(start, first.from.last) > MAX_GAP_DAYS {
        ctx.trip(
            def,
            vec![format!("{}.from", first.path)],
            format!(
                "the {what} history reaches back only to {}; the form asks for the past five years (since {start})",
                first.from
            ),
        );
    }
    // No gap over 30 days: each row starts within 30 days of the latest end before it.
    let mut covered: Option<(Date, &str)> = None;
    for s in &spans {
        if let Some((end, before)) = covered {
            let gap_start = end.tomorrow().unwrap_or(end).max(start);
            let gap = days(gap_start, s.from.first);
            if gap > MAX_GAP_DAYS {
                ctx.trip(
                    def,
                    vec![format!("{before}.to"), format!("{}.from", s.path)],
                    format!(
                        "the {what} history has a gap of at least {gap} days, from {gap_start} to {}: list every {row_word} (or, for employment, the time without work) so that no more than {MAX_GAP_DAYS} days are missing",
                        s.from.first.yesterday().unwrap_or(s.from.first)
                    ),
                );
            }
        }
        if covered.is_none_or(|(end, _)| s.end_last > end) {
            covered = Some((s.end_last, s.path));
        }
    }
    // Ends at the present.
    let latest = spans
        .iter()
        .max_by_key(|s| (s.present, s.end_last))
        .expect("a row");
    if !latest.present && days(latest.end_last, as_of) > MAX_GAP_DAYS {
        ctx.trip(
            def,
            vec![format!("{}.to", latest.path)],
            format!(
                "the {what} history ends in {}, not at the present ({as_of}): list the present {row_word} first, to \"present\"",
                &latest.end_last.to_string()[..7]
            ),
        );
    }
}

fn overlaps(ctx: &mut Ctx, rows: &[Row]) {
    let Some(spans) = spans(ctx, "history.address_overlap", rows) else {
        return;
    };
    // Each residence against the one ending latest among those starting before it.
    let mut before: Option<&Span> = None;
    for s in &spans {
        if let Some(b) = before {
            let overlap = days(s.from.last, b.end_first);
            if overlap > MAX_GAP_DAYS {
                ctx.trip(
                    "history.address_overlap",
                    vec![format!("{}.to", b.path), format!("{}.from", s.path)],
                    format!(
                        "two residences overlap by at least {overlap} days ({} and {}): one person lives in one place at a time; correct the dates or explain",
                        b.path, s.path
                    ),
                );
            }
        }
        if before.is_none_or(|b| s.end_first > b.end_first) {
            before = Some(s);
        }
    }
}
