//! The closing summary of a run: rows, relief outcomes, one-year deadlines
//! coming due, warnings.

use std::fmt::Write as _;

use refuge_engine::Law;
use refuge_engine::output::{ReliefOutcome, Status};

use crate::record::Screened;

const RELIEFS: [&str; 5] = [
    "asylum",
    "withholding",
    "cat_withholding",
    "cat_deferral",
    "refugee_admission",
];
const OUTCOMES: [ReliefOutcome; 4] = [
    ReliefOutcome::Eligible,
    ReliefOutcome::Ineligible,
    ReliefOutcome::Undetermined,
    ReliefOutcome::NotApplicable,
];
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
    /// eligible, ineligible, undetermined, not_applicable.
    pub reliefs: [[u64; 4]; 5],
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
            warnings: vec![0; law.warnings.len()],
            ..Summary::default()
        }
    }

    /// Counts one assessed row.
    pub fn add(&mut self, s: &Screened, law: &Law) {
        self.assessed += 1;
        for (i, r) in s.reliefs().into_iter().enumerate() {
            let j = OUTCOMES.iter().position(|o| *o == r).unwrap_or(3);
            self.reliefs[i][j] += 1;
        }
        if let (Some(Status::Upcoming), Some(left)) = (s.one_year_status, s.one_year_days_left) {
            for (k, h) in HORIZONS.iter().enumerate() {
                if left <= *h {
                    self.one_year_within[k] += 1;
                }
            }
        }
        for w in s.warnings {
            if let Some(i) = law.warnings.iter().position(|x| x.code == *w) {
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
        let _ = writeln!(
            t,
            "  {:<18} {:>12} {:>12} {:>12} {:>14}",
            "relief", "eligible", "ineligible", "undetermined", "not_applicable"
        );
        for (name, counts) in RELIEFS.iter().zip(self.reliefs) {
            let _ = writeln!(
                t,
                "  {name:<18} {:>12} {:>12} {:>12} {:>14}",
                counts[0], counts[1], counts[2], counts[3]
            );
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
        let _ = writeln!(t, "  {:<30} {:>12}", "warning", "rows");
        for (w, n) in law.warnings.iter().zip(&self.warnings) {
            let _ = writeln!(t, "  {:<30} {n:>12}", w.code);
        }
        t
    }
}
