//! The rules of `spec/rules.md`, one module per part of the law, run in
//! order by [`assess`](crate::assess) over one [`Eval`].

/// The explanation `$text` when the assessment explains itself; else nothing,
/// at no cost (see [`Detail`](crate::Detail)).
macro_rules! explain {
    ($ev:ident, $text:expr) => {
        if $ev.explain {
            String::from($text)
        } else {
            String::new()
        }
    };
}

pub mod bars;
pub mod deadlines;
pub mod family;
pub mod protection;
pub mod questions;
pub mod refugee;
pub mod reliefs;
pub mod thresholds;
pub mod warnings;

use std::borrow::Cow;

use jiff::civil::Date;

use crate::defs::Def;
use crate::facts::Case;
use crate::law::Law;
use crate::logic::{Need, Needs, Tri, V};
use crate::output::{Finding, Outcome};

/// The state of one assessment: the case, the law, and the findings so far.
pub struct Eval<'a> {
    pub case: &'a Case,
    pub law: &'a Law,
    pub as_of: Date,
    /// Whether to write because-texts, questions' wording and warnings' texts.
    pub explain: bool,
    /// The one-year filing deadline, computed once for the finding and the date.
    pub one_year: Option<deadlines::OneYear>,
    pub findings: Vec<Finding>,
    /// For each finding, what would settle it while it is unknown (nothing
    /// for a finding that is not unknown).
    pub needs: Vec<Needs>,
}

/// A finding's index in [`Eval::findings`].
pub type Ix = usize;

impl<'a> Eval<'a> {
    pub fn new(case: &'a Case, law: &'a Law, explain: bool) -> Self {
        Eval {
            case,
            law,
            as_of: case.as_of,
            explain,
            one_year: deadlines::one_year(case, law),
            findings: Vec::with_capacity(48),
            needs: Vec::with_capacity(48),
        }
    }

    /// Records a finding with an explicit outcome.
    pub fn push(
        &mut self,
        def: &'static Def,
        id: Option<String>,
        outcome: Outcome,
        because: String,
        deps: &[Ix],
        needs: Needs,
    ) -> Ix {
        let (depends_on, because) = if self.explain {
            (
                deps.iter().map(|&i| self.findings[i].id.clone()).collect(),
                because,
            )
        } else {
            (Vec::new(), String::new())
        };
        self.findings.push(Finding {
            id: id.map_or(Cow::Borrowed(def.id), Cow::Owned),
            question: def.question,
            outcome,
            because,
            cite: def.cite,
            depends_on,
        });
        self.needs.push(if outcome == Outcome::Unknown {
            needs
        } else {
            Needs::None
        });
        self.findings.len() - 1
    }

    /// Records a finding from a three-valued result.
    pub fn record(
        &mut self,
        def: &'static Def,
        id: Option<String>,
        v: V,
        because: String,
        deps: &[Ix],
    ) -> Ix {
        let outcome = match v.t {
            Tri::Yes => Outcome::Yes,
            Tri::No => Outcome::No,
            Tri::Unknown => Outcome::Unknown,
        };
        self.push(def, id, outcome, because, deps, v.needs)
    }

    pub fn outcome(&self, i: Ix) -> Outcome {
        self.findings[i].outcome
    }

    /// "Finding `i` is yes" as a value (not_applicable counts as no).
    pub fn yes(&self, i: Ix) -> V {
        match self.outcome(i) {
            Outcome::Yes => V::YES,
            Outcome::No | Outcome::NotApplicable => V::NO,
            Outcome::Unknown => V::unknown(Need::Finding(i)),
        }
    }

    /// "Finding `i` is no" as a value (not_applicable counts as no).
    pub fn no(&self, i: Ix) -> V {
        match self.outcome(i) {
            Outcome::Yes => V::NO,
            Outcome::No | Outcome::NotApplicable => V::YES,
            Outcome::Unknown => V::unknown(Need::Finding(i)),
        }
    }
}

/// "yes", "no" or "unknown" for a because-text.
pub(crate) fn yn(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "yes",
        Some(false) => "no",
        None => "unknown",
    }
}

/// A list in words: "a, b and c".
pub(crate) fn words_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}
