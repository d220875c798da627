//! The closing summary of a run: rows, relief outcomes, one-year deadlines
//! coming due, warnings.

use std::fmt::Write as _;

use refuge_engine::output::{ReliefOutcome, Status};

use crate::record::Screened;

const RELIEFS: [&str; 5] = ["asylum", "withholding", "cat_withholding", "cat_deferral", "refugee_admission"];
const OUTCOMES: [ReliefOutcome; 4] =
    [ReliefOutcome::Eligible, ReliefOutcome::Ineligible, ReliefOutcome::Undetermined, ReliefOutcome::NotApplicable];
/// The horizons, in days after `as_of`, for "deadlines passing within".
pub const HORIZONS: [i64; 3] = [30, 60, 90];

/// Counts over a run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Data rows read (not the header; not blank JSON Lines).
    pub read: u64,
    pub assessed: u64,
    pub rejected: u64,
    /// `[relief][outcome]`, in the order of the output columns and of
    /// eligible, ineligible, undetermined, not_applicable.
    pub reliefs: [[u64; 4]; 5],
    /// One-year deadlines not yet met (status `upcoming`) that pass within
    /// 30, 60 and 90 days of `as_of` (each count includes the shorter ones).
    pub one_year_within: [u64; 3],
    /// Each warning code with the number of rows that raised it, in order of
    /// first appearance.
    pub warnings: Vec<(String, u64)>,
}

impl Summary {
    /// Counts one assessed row.
    pub fn add(&mut self, s: &Screened) {
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
        for code in s.warnings.split(';').filter(|c| !c.is_empty()) {
            match self.warnings.iter_mut().find(|(c, _)| c == code) {
                Some((_, n)) => *n += 1,
                None => self.warnings.push((code.to_string(), 1)),
            }
        }
    }

    /// The table printed on standard error.
    pub fn render(&self) -> String {
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
            let _ =
                writeln!(t, "  {name:<18} {:>12} {:>12} {:>12} {:>14}", counts[0], counts[1], counts[2], counts[3]);
        }
        let _ = writeln!(t);
        let _ = writeln!(t, "  one-year deadlines not yet met, passing within (days of as_of):");
        for (h, n) in HORIZONS.iter().zip(self.one_year_within) {
            let _ = writeln!(t, "    {h:>2} days      {n:>12}");
        }
        let _ = writeln!(t);
        if self.warnings.is_empty() {
            let _ = writeln!(t, "  warnings: none");
        } else {
            let _ = writeln!(t, "  {:<30} {:>12}", "warning", "rows");
            for (code, n) in &self.warnings {
                let _ = writeln!(t, "  {code:<30} {n:>12}");
            }
        }
        t
    }
}
