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

/// `format!` for an explanation's text, with room for it from the start.
///
/// `format!` sizes its string from the literal pieces alone, and none at all
/// when the text begins with an argument (`"{what}: {answer}."`), so a
/// sentence grew by two or three reallocations and copies: about a fifth of
/// an explained assessment's instructions went to `format!`
/// (`benches/assess.rs` under callgrind). The texts are short sentences.
macro_rules! text {
    ($($arg:tt)*) => {{
        let mut s = String::with_capacity(160);
        let _ = std::fmt::Write::write_fmt(&mut s, format_args!($($arg)*));
        s
    }};
}

pub mod calendar;
pub mod change;
pub mod cite;
pub mod defs;
pub mod facts;
pub mod json;
pub mod law;
pub mod logic;
pub mod memo;
pub mod output;
pub mod rules;

pub use change::RULES_VERSION;
pub use facts::{Case, Facts, InputError};
pub use law::Law;
pub use memo::Memo;
pub use output::{Assessment, NOTICE, Screening};

use output::{LawVersion, Relief, Reliefs};
use rules::{
    Eval, after_grant, bars, deadlines, family, protection, questions, refugee, reliefs,
    thresholds, warnings,
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
        as_of: case.as_of(),
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
    let mut all = screen_all(&[case], law);
    all.pop().expect("one screening a case")
}

/// [`screen`] for each of `cases`, in order. The rules run one part of the
/// law at a time over all the cases (as `decide_all` does), which is quicker
/// for a caseload than one case at a time.
pub fn screen_all<'a>(cases: &[&'a Case], law: &'a Law) -> Vec<Screening<'a>> {
    screen_all_with(cases, &mut Memo::with_capacity(law, 0))
}

/// [`screen_all`], with a [`Memo`] of what the rules after the thresholds
/// decided for earlier cases of the caseload that they cannot tell from a
/// later one (see [`memo`]): the same screenings, without most of the rules'
/// work for a case whose pattern the memo holds (on 1,000,000 generated rows,
/// 85% of them). Keep one memo for a whole run (one a thread).
pub fn screen_all_with<'a, 'law: 'a>(
    cases: &[&'a Case],
    memo: &mut Memo<'law>,
) -> Vec<Screening<'a>> {
    let law: &'a Law = memo.law();
    let (mut evs, ts) = thresholds_all(cases, law, false);
    // All the lookups first, so that the processor overlaps their reads of memory.
    let found: Vec<memo::Found> = evs.iter().map(|ev| memo.find(ev, ev.len())).collect();
    // The cases the memo does not hold go through the rules after the
    // thresholds in place, each with its thresholds' count of findings: no
    // `Eval` or screening is moved from list to list (on 100,000 screened
    // rows, that and `output::Codes` took 2.2% off all the instructions).
    let mut later = Vec::with_capacity(cases.len());
    let (mut rest, mut rest_t) = (
        Vec::with_capacity(cases.len()),
        Vec::with_capacity(cases.len()),
    );
    for ((ev, t), found) in evs.iter_mut().zip(&ts).zip(&found) {
        if !matches!(found, memo::Found::Entry(_)) {
            later.push(ev.len());
            rest.push(ev);
            rest_t.push(t);
        }
    }
    let mut decided = decide_rest(&mut rest, &rest_t).into_iter().zip(later);
    evs.iter()
        .zip(&ts)
        .zip(found)
        .map(|((ev, t), found)| {
            let recalled = match found {
                memo::Found::Entry(e) => memo.recalled(e),
                found => {
                    let (d, later) = decided.next().expect("a decision for each case missed");
                    let ranked = questions::Ranked::new(ev, &d.reliefs.undetermined());
                    let recalled = memo::Recalled {
                        reliefs: d.reliefs.outcomes(),
                        asked: (ranked.len(), ranked.first()),
                    };
                    if let memo::Found::New = found {
                        memo.keep(ev, later, recalled.reliefs, recalled.asked);
                    }
                    recalled
                }
            };
            screening(ev, t, law, recalled.reliefs, recalled.asked)
        })
        .collect()
}

/// A case's screening from its thresholds' findings (`ev` and `t`) and what
/// the rules decided (or the memo recalls): the reliefs, and how many
/// questions there are with the first.
fn screening<'a>(
    ev: &Eval<'a>,
    t: &thresholds::Thresholds,
    law: &'a Law,
    reliefs: [output::ReliefOutcome; 5],
    (open_questions, first): (usize, Option<logic::Fact>),
) -> Screening<'a> {
    let case = ev.case;
    let warnings = warnings::raised_texts(ev, ev.outcome(t.lawful_pathways))
        .map(|w| w.code.as_str())
        .collect();
    let dates = deadlines::ScreenedDates::of_case(case, law, ev.one_year.as_ref());
    Screening {
        as_of: case.as_of(),
        reliefs,
        one_year: dates.one_year,
        lawful_pathways: Some(ev.outcome(t.lawful_pathways)),
        safe_third_country: Some(ev.outcome(t.safe_third_country)),
        ead_earliest_filing: dates.ead_earliest_filing,
        annual_fee_due: dates.annual_fee,
        open_questions,
        first_question: first.map(|f| f.path(case)),
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
    fn outcomes(&self) -> [output::ReliefOutcome; 5] {
        self.0.each_ref().map(|r| r.outcome)
    }

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
    let mut all = decide_all(&[case], law, explain);
    all.pop().expect("one decision a case")
}

/// Runs every rule of `spec/rules.md`, in order, for each of `cases`: each
/// part of the law over all the cases before the next part, so that a part's
/// code stays in the processor's instruction cache from one case to the next.
fn decide_all<'a>(cases: &[&'a Case], law: &'a Law, explain: bool) -> Vec<Decided<'a>> {
    let (mut evs, ts) = thresholds_all(cases, law, explain);
    let rest = decide_rest(
        &mut evs.iter_mut().collect::<Vec<_>>(),
        &ts.iter().collect::<Vec<_>>(),
    );
    evs.into_iter()
        .zip(ts)
        .zip(rest)
        .map(|((ev, t), r)| Decided {
            ev,
            t,
            reliefs: r.reliefs,
            family: r.family,
        })
        .collect()
}

/// The thresholds (`spec/rules.md` § 1) of each case.
fn thresholds_all<'a>(
    cases: &[&'a Case],
    law: &'a Law,
    explain: bool,
) -> (Vec<Eval<'a>>, Vec<thresholds::Thresholds>) {
    let mut evs: Vec<Eval<'a>> = cases.iter().map(|c| Eval::new(c, law, explain)).collect();
    let t = evs.iter_mut().map(thresholds::run).collect();
    (evs, t)
}

/// What the rules after the thresholds decided for a case.
struct DecidedRest {
    reliefs: DecidedReliefs,
    family: Vec<(rules::Ix, output::FamilyEntry)>,
}

/// The rules after the thresholds, in order, for each case (`evs` and `t`
/// from [`thresholds_all`]), recording their findings in `evs`.
fn decide_rest(evs: &mut [&mut Eval], t: &[&thresholds::Thresholds]) -> Vec<DecidedRest> {
    /// The results of one part of the law, for each case.
    macro_rules! each {
        ($f:expr) => {
            evs.iter_mut().map(|ev| $f(ev)).collect::<Vec<_>>()
        };
    }
    let r = each!(refugee::run);
    let asylum_bars = each!(bars::asylum);
    let threat: Vec<_> = evs
        .iter_mut()
        .zip(&r)
        .map(|(ev, r)| protection::threat(ev, r))
        .collect();
    let wh_bars = each!(bars::withholding);
    let cat = each!(protection::cat);
    let outside = each!(refugee::outside_nationality);
    let security = each!(refugee::refugee_security);
    let family = each!(family::run);
    // After the grant (no findings, and no work, for a case before one).
    evs.iter_mut().for_each(|ev| after_grant::run(ev));
    let mut parts = r
        .into_iter()
        .zip(asylum_bars)
        .zip(threat)
        .zip(wh_bars)
        .zip(cat)
        .zip(outside)
        .zip(security)
        .zip(family);
    evs.iter()
        .zip(t)
        .map(|(ev, t)| {
            let (((((((r, asylum_bars), threat), wh_bars), cat), outside), security), family) =
                parts.next().expect("a result of each part for each case");
            let abroad = reliefs::Abroad {
                outside,
                every_nationality: t.every_nationality,
                security,
            };
            let reliefs = DecidedReliefs([
                reliefs::asylum(ev, t, &r, &asylum_bars),
                reliefs::withholding(ev, threat, &wh_bars),
                reliefs::cat_withholding(ev, &cat, &wh_bars),
                reliefs::cat_deferral(ev, &cat),
                reliefs::refugee_admission(ev, &abroad, &r, &asylum_bars),
            ]);
            DecidedRest { reliefs, family }
        })
        .collect()
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
