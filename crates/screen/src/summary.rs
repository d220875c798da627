//! The closing summary of a run: rows, relief outcomes, one-year deadlines
//! coming due, warnings.

use std::fmt::Write as _;

use refuge_engine::Law;
use refuge_engine::output::{ReliefOutcome, Status};

use crate::record::Screened;

pub(crate) const RELIEFS: [&str; 5] = [
    "asylum",
    "withholding",
    "cat_withholding",
    "cat_deferral",
    "refugee_admission",
];
/// The relief outcomes, in the order of the summary's columns.
const OUTCOMES: [ReliefOutcome; 5] = [
    ReliefOutcome::Eligible,
    ReliefOutcome::Ineligible,
    ReliefOutcome::Undetermined,
    ReliefOutcome::NotApplicable,
    ReliefOutcome::Granted,
];

/// The place of an outcome in [`OUTCOMES`] (a match, so that an outcome the
/// engine adds cannot go uncounted: it does not compile until it has a place).
const fn outcome_index(r: ReliefOutcome) -> usize {
    match r {
        ReliefOutcome::Eligible => 0,
        ReliefOutcome::Ineligible => 1,
        ReliefOutcome::Undetermined => 2,
        ReliefOutcome::NotApplicable => 3,
        ReliefOutcome::Granted => 4,
    }
}

/// The horizons, in days after `as_of`, for "deadlines passing within".
pub const HORIZONS: [i64; 3] = [30, 60, 90];

/// Counts over a run, or over a batch of it (see [`Summary::merge`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Data rows read (not the header; not blank lines).
    pub read: u64,
    pub assessed: u64,
    pub rejected: u64,
    /// `[relief][outcome]`, in the order of the output columns and of
    /// [`OUTCOMES`]: eligible, ineligible, undetermined, not_applicable,
    /// granted.
    pub reliefs: [[u64; OUTCOMES.len()]; RELIEFS.len()],
    /// One-year deadlines not yet met (status `upcoming`) that pass within
    /// 30, 60 and 90 days of `as_of` (each count includes the shorter ones).
    pub one_year_within: [u64; 3],
    /// For each warning of the law, in its order: the rows that raised it.
    pub warnings: Vec<u64>,
}

impl Summary {
    /// An empty summary, with a counter for each warning of `law`.
    pub fn new(law: &Law) -> Summary {
        Summary {
            warnings: vec![0; law.warnings().len()],
            ..Summary::default()
        }
    }

    /// Counts one assessed row.
    pub fn add(&mut self, s: &Screened, law: &Law) {
        self.assessed += 1;
        for (counts, r) in self.reliefs.iter_mut().zip(s.reliefs()) {
            counts[outcome_index(r)] += 1;
        }
        if let (Some(Status::Upcoming), Some(left)) = (s.one_year_status, s.one_year_days_left) {
            for (k, h) in HORIZONS.iter().enumerate() {
                if left <= *h {
                    self.one_year_within[k] += 1;
                }
            }
        }
        for w in s.warnings {
            // A screening's codes are the law's own strings: found by their
            // address (a pointer compared), and else by their text.
            let mine = law
                .warnings()
                .iter()
                .position(|x| x.code.as_ptr() == w.as_ptr());
            if let Some(i) = mine.or_else(|| law.warning_index(w)) {
                self.warnings[i] += 1;
            }
        }
    }

    /// Adds the counts of `other` (a batch of the same run).
    pub fn merge(&mut self, other: &Summary) {
        self.read += other.read;
        self.assessed += other.assessed;
        self.rejected += other.rejected;
        for (mine, theirs) in self.reliefs.iter_mut().zip(&other.reliefs) {
            for (a, b) in mine.iter_mut().zip(theirs) {
                *a += b;
            }
        }
        for (a, b) in self.one_year_within.iter_mut().zip(&other.one_year_within) {
            *a += b;
        }
        for (a, b) in self.warnings.iter_mut().zip(&other.warnings) {
            *a += b;
        }
    }

    /// The table printed on standard error; `law` names the warnings.
    pub fn render(&self, law: &Law) -> String {
        let mut t = String::new();
        let _ = writeln!(t, "refuge screen: summary");
        let _ = writeln!(t, "  rows read      {:>12}", self.read);
        let _ = writeln!(t, "  rows assessed  {:>12}", self.assessed);
        let _ = writeln!(t, "  rows rejected  {:>12}", self.rejected);
        let _ = writeln!(t);
        let _ = write!(t, "  {:<18}", "relief");
        for o in OUTCOMES {
            let _ = write!(t, " {:>14}", o.as_str());
        }
        let _ = writeln!(t);
        for (name, counts) in RELIEFS.iter().zip(self.reliefs) {
            let _ = write!(t, "  {name:<18}");
            for n in counts {
                let _ = write!(t, " {n:>14}");
            }
            let _ = writeln!(t);
        }
        let _ = writeln!(t);
        let _ = writeln!(
            t,
            "  one-year deadlines not yet met, passing within (days of as_of):"
        );
        for (h, n) in HORIZONS.iter().zip(self.one_year_within) {
            let _ = writeln!(t, "    {h:>2} days      {n:>12}");
        }
        let _ = writeln!(t);
        // As wide as the longest code, so that the counts line up.
        let width = law
            .warnings()
            .iter()
            .map(|w| w.code.len())
            .fold(30, usize::max);
        let _ = writeln!(t, "  {:<width$} {:>12}", "warning", "rows");
        for (w, n) in law.warnings().iter().zip(&self.warnings) {
            let _ = writeln!(t, "  {:<width$} {n:>12}", w.code);
        }
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screened(asylum: ReliefOutcome) -> Screened<'static> {
        Screened {
            id: "P1",
            asylum,
            withholding: ReliefOutcome::NotApplicable,
            cat_withholding: ReliefOutcome::NotApplicable,
            cat_deferral: ReliefOutcome::NotApplicable,
            refugee_admission: ReliefOutcome::NotApplicable,
            one_year_deadline: None,
            one_year_status: None,
            one_year_days_left: None,
            lawful_pathways: None,
            safe_third_country: None,
            ead_earliest_filing: None,
            annual_fee_due: None,
            open_questions: 0,
            first_question: None,
            warnings: &[],
        }
    }

    #[test]
    fn every_relief_outcome_is_counted_in_its_own_column() {
        let law = Law::embedded();
        for (i, o) in OUTCOMES.into_iter().enumerate() {
            assert_eq!(outcome_index(o), i, "{}", o.as_str());
            let mut s = Summary::new(law);
            s.add(&screened(o), law);
            let mut want = [0; OUTCOMES.len()];
            want[i] = 1;
            assert_eq!(s.reliefs[0], want, "{}", o.as_str());
        }
    }

    #[test]
    fn a_granted_row_is_counted_as_granted_in_the_summary() {
        let law = Law::embedded();
        let mut s = Summary::new(law);
        s.add(&screened(ReliefOutcome::Granted), law);
        s.add(&screened(ReliefOutcome::Undetermined), law);
        let mut merged = Summary::new(law);
        merged.merge(&s);
        merged.merge(&s);
        let table = merged.render(law);
        let words = |l: &str| l.split_whitespace().collect::<Vec<_>>().join(" ");
        let lines: Vec<String> = table.lines().map(words).collect();
        assert!(
            lines
                .contains(&"relief eligible ineligible undetermined not_applicable granted".into()),
            "{table}"
        );
        assert!(lines.contains(&"asylum 0 0 2 0 2".into()), "{table}");
        assert!(lines.contains(&"withholding 0 0 0 4 0".into()), "{table}");
    }

    #[test]
    fn the_warning_counts_line_up_whatever_the_length_of_the_codes() {
        let law = Law::embedded();
        let table = Summary::new(law).render(law);
        let ends: Vec<usize> = table
            .lines()
            .skip_while(|l| !l.trim_start().starts_with("warning"))
            .map(str::len)
            .collect();
        assert!(ends.len() > 1, "{table}");
        assert!(ends.iter().all(|&e| e == ends[0]), "{table}");
    }
}
