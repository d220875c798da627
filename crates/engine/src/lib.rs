//! The Refuge law engine: the facts of a United States asylum case in, an
//! explained and cited determination out (`spec/`).
//!
//! The engine is pure: it does no IO and never reads the clock. It takes a
//! checked [`Case`] (whose `as_of` stands in for "today") and a parameter set
//! ([`Law`]) and returns an [`Assessment`].
//!
//! # Example
//! ```
//! use refuge_engine::{assess, Case, Law};
//! let today = jiff::civil::date(2026, 11, 27);
//! let case = Case::from_json(r#"{"arrivals": [{"date": "2026-02-14"}]}"#, today).unwrap();
//! let a = assess(&case, Law::embedded());
//! assert_eq!(a.deadline("asylum.one_year").unwrap().date.to_string(), "2027-02-16");
//! ```

/// A [`Field`](logic::Field) by name, checked when the engine is compiled:
/// `field!("risk.afraid")`.
macro_rules! field {
    ($name:literal) => {
        const { $crate::logic::Field::named($name) }
    };
}

pub mod calendar;
pub mod cite;
pub mod defs;
pub mod facts;
pub mod json;
pub mod law;
pub mod logic;
pub mod output;
pub mod rules;

use std::borrow::Cow;

pub use facts::{Case, Facts, InputError};
pub use law::Law;
pub use output::{Assessment, NOTICE, Screening};
pub use rules::questions::QuestionMemo;

use output::{LawVersion, Relief, Reliefs};
use rules::{
    Eval, bars, deadlines, family, protection, questions, refugee, reliefs, thresholds, warnings,
};

/// How much an assessment explains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Detail {
    /// Everything of `spec/output.md`: because-texts, questions' wording and the
    /// findings they would settle, dependencies, warnings' texts.
    #[default]
    Full,
    /// Every outcome, date, status, finding, relief, question (its fact path)
    /// and warning (its code), without the texts: for reading outcomes, where
    /// the explanations would go unread. Several times faster. (A caseload
    /// screening reads still less: see [`screen`].)
    Outcomes,
}

/// Assesses a case under a parameter set, with every explanation.
pub fn assess(case: &Case, law: &Law) -> Assessment {
    assess_with(case, law, Detail::Full)
}

/// Assesses a case under a parameter set, with as much explanation as `detail` asks.
pub fn assess_with(case: &Case, law: &Law, detail: Detail) -> Assessment {
    let Decided {
        ev,
        t,
        reliefs: decided,
        family,
    } = decide(case, law, detail == Detail::Full);
    let questions = questions::build(&ev, &questions::Ranked::new(&ev, &decided.undetermined()));
    let warnings = warnings::raised(&ev, ev.outcome(t.lawful_pathways));
    let [
        asylum,
        withholding,
        cat_withholding,
        cat_deferral,
        refugee_admission,
    ] = decided.0.map(|d| Relief {
        outcome: d.outcome,
        basis: d.basis,
        reasons: d.reasons.as_slice().iter().map(|&i| ev.id(i)).collect(),
    });
    let deadlines = deadlines::all(case, law, ev.one_year.as_ref(), ev.explain);
    Assessment {
        as_of: case.as_of,
        law: LawVersion {
            version: law.version.clone(),
            reviewed_on: law.reviewed_on,
        },
        reliefs: Reliefs {
            asylum,
            withholding,
            cat_withholding,
            cat_deferral,
            refugee_admission,
        },
        deadlines,
        findings: ev.into_findings(),
        questions,
        family: family.into_iter().map(|(_, e)| e).collect(),
        warnings,
        notice: NOTICE,
    }
}

/// Assesses a case for screening a caseload (`refuge screen`): the outcomes
/// of [`assess_with`] in [`Detail::Outcomes`], decided by the same rules, and
/// only the parts of the assessment a screening reads (see [`Screening`]).
pub fn screen<'a>(case: &'a Case, law: &'a Law) -> Screening<'a> {
    screen_with(case, law, &mut QuestionMemo::new(0))
}

/// [`screen`], with the questions' ranking remembered across the cases of a
/// caseload in `memo` (one per thread): the same screening, sooner.
pub fn screen_with<'a>(case: &'a Case, law: &'a Law, memo: &mut QuestionMemo) -> Screening<'a> {
    let Decided {
        ev,
        t,
        reliefs: decided,
        ..
    } = decide(case, law, false);
    let (open_questions, first) = memo.rank(&ev, &decided.undetermined());
    let first_question = first.map(|f| Cow::Owned(f.path(case)));
    let warnings = warnings::raised_texts(&ev, ev.outcome(t.lawful_pathways))
        .map(|w| w.code.as_str())
        .collect();
    let deadlines = Cow::Owned(deadlines::all(case, law, ev.one_year.as_ref(), false));
    Screening {
        as_of: case.as_of,
        reliefs: decided.0.map(|d| d.outcome),
        deadlines,
        findings: ev.into_outcomes(),
        open_questions,
        first_question,
        warnings,
    }
}

/// What the rules decided, before it is written out.
struct Decided<'a> {
    ev: Eval<'a>,
    t: thresholds::Thresholds,
    reliefs: DecidedReliefs,
    family: Vec<(rules::Ix, output::FamilyEntry)>,
}

/// The reliefs, in the order of [`Reliefs::iter`].
struct DecidedReliefs([reliefs::Decided; 5]);

impl DecidedReliefs {
    /// For each undetermined relief, the findings it lists as reasons.
    fn undetermined(&self) -> Vec<&[usize]> {
        self.0
            .iter()
            .filter(|d| d.outcome == output::ReliefOutcome::Undetermined)
            .map(|d| d.reasons.as_slice())
            .collect()
    }
}

/// Runs every rule of `spec/rules.md`, in order.
fn decide<'a>(case: &'a Case, law: &'a Law, explain: bool) -> Decided<'a> {
    let mut ev = Eval::new(case, law, explain);
    let t = thresholds::run(&mut ev);
    let r = refugee::run(&mut ev);
    let asylum_bars = bars::asylum(&mut ev);
    let threat = protection::threat(&mut ev, &r);
    let wh_bars = bars::withholding(&mut ev);
    let cat = protection::cat(&mut ev);
    let outside = refugee::outside_nationality(&mut ev);
    let family = family::run(&mut ev);
    let reliefs = DecidedReliefs([
        reliefs::asylum(&ev, &t, &r, &asylum_bars),
        reliefs::withholding(&ev, threat, &wh_bars),
        reliefs::cat_withholding(&ev, &cat, &wh_bars),
        reliefs::cat_deferral(&ev, &cat),
        reliefs::refugee_admission(&ev, outside, &r, &asylum_bars),
    ]);
    Decided {
        ev,
        t,
        reliefs,
        family,
    }
}

/// Parses, checks and assesses a facts document in one step.
///
/// # Errors
/// An [`InputError`] naming the field path and the problem; nothing is assessed.
pub fn assess_json(
    json: &str,
    today: jiff::civil::Date,
    law: &Law,
) -> Result<Assessment, InputError> {
    let case = Case::from_json(json, today)?;
    Ok(assess(&case, law))
}
