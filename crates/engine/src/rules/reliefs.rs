//! The reliefs (`spec/rules.md` § 5): what the findings add up to.

use super::bars::{AsylumBars, WithholdingBars};
use super::protection::Cat;
use super::refugee::Refugee;
use super::thresholds::Thresholds;
use super::{Eval, Ix};
use crate::facts::Location;
use crate::output::{Basis, Outcome, ReliefOutcome};

/// A relief before its reasons are turned into ids.
pub struct Decided {
    pub outcome: ReliefOutcome,
    pub basis: Option<Basis>,
    pub reasons: Reasons,
}

/// The findings a relief rests on. A relief weighs a fixed set of elements and
/// bars, whatever the facts (asylum the most: seventeen at most), so the list
/// has a fixed room and needs no heap.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reasons {
    ix: [Ix; 20],
    len: usize,
}

impl Reasons {
    fn push(&mut self, i: Ix) {
        self.ix[self.len] = i;
        self.len += 1;
    }

    fn of(list: &[Ix]) -> Reasons {
        let mut r = Reasons::default();
        list.iter().for_each(|&i| r.push(i));
        r
    }

    pub fn as_slice(&self) -> &[Ix] {
        &self.ix[..self.len]
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl Extend<Ix> for Reasons {
    fn extend<I: IntoIterator<Item = Ix>>(&mut self, iter: I) {
        iter.into_iter().for_each(|i| self.push(i));
    }
}

/// Collects failing and unknown findings; decides ineligible, undetermined or eligible.
#[derive(Default)]
struct Tally {
    failed: Reasons,
    unknown: Reasons,
}

impl Tally {
    /// The element must be yes, or not arise (`not_applicable`).
    fn need_unless_moot(&mut self, ev: &Eval, i: Ix) {
        if ev.outcome(i) != Outcome::NotApplicable {
            self.need(ev, i, Outcome::Yes);
        }
    }

    /// The finding must be `want` (yes for an element, no for a bar).
    fn need(&mut self, ev: &Eval, i: Ix, want: Outcome) {
        match ev.outcome(i) {
            Outcome::Unknown => self.unknown.push(i),
            o if o == want => {}
            _ => self.failed.push(i),
        }
    }

    fn decide(self, carried_by: &[Ix], basis: Option<Basis>) -> Decided {
        if !self.failed.is_empty() {
            Decided {
                outcome: ReliefOutcome::Ineligible,
                basis: None,
                reasons: self.failed,
            }
        } else if !self.unknown.is_empty() {
            Decided {
                outcome: ReliefOutcome::Undetermined,
                basis: None,
                reasons: self.unknown,
            }
        } else {
            Decided {
                outcome: ReliefOutcome::Eligible,
                basis,
                reasons: Reasons::of(carried_by),
            }
        }
    }
}

/// A relief that does not arise on these facts.
fn not_applicable() -> Decided {
    Decided {
        outcome: ReliefOutcome::NotApplicable,
        basis: None,
        reasons: Reasons::default(),
    }
}

/// Whether protection in removal proceedings is moot: for a person abroad
/// (it exists only in U.S. removal proceedings), or once asylum is granted.
fn removal_protection_moot(ev: &Eval) -> bool {
    let f = &ev.case.facts();
    f.applicant().location == Some(Location::OutsideUs) || f.application().granted_on.is_some()
}

// NOT MODELLED: discretion, credibility and corroboration, which are the
// adjudicator's: `eligible` means every legal element is met on the facts given.
pub fn asylum(ev: &Eval, t: &Thresholds, r: &Refugee, bars: &AsylumBars) -> Decided {
    // > amendments-2026-12.md B.10: with a grant, asylum is granted; no
    // > eligibility question about it remains.
    if ev.case.facts().application().granted_on.is_some() {
        return Decided {
            outcome: ReliefOutcome::Granted,
            basis: None,
            reasons: Reasons::default(),
        };
    }
    let mut tally = Tally::default();
    tally.need(ev, t.presence, Outcome::Yes);
    match ev.outcome(t.one_year) {
        Outcome::Yes | Outcome::NotApplicable => {}
        Outcome::Unknown => tally.unknown.push(t.one_year),
        Outcome::No => match ev.outcome(t.exception) {
            Outcome::Yes => {}
            Outcome::Unknown => tally.unknown.push(t.exception),
            _ => tally.failed.extend([t.one_year, t.exception]),
        },
    }
    for bar in [
        t.safe_third_country,
        t.previous_denial,
        t.reinstated_order,
        t.frivolous,
        t.lawful_pathways,
    ]
    .into_iter()
    .chain(bars.all())
    {
        tally.need(ev, bar, Outcome::No);
    }
    tally.need_unless_moot(ev, t.every_nationality);
    let (wff, hum) = (ev.outcome(r.well_founded_fear), ev.outcome(r.humanitarian));
    let mut carried_by = Vec::new();
    let mut basis = None;
    if wff == Outcome::Yes || hum == Outcome::Yes {
        // The first basis that holds: past persecution (the presumption stands),
        // a well-founded fear of future persecution, humanitarian asylum.
        if ev.outcome(r.presumption) == Outcome::Yes {
            basis = Some(Basis::PastPersecution);
            carried_by = vec![r.past_persecution, r.presumption];
        } else if ev.outcome(r.future_persecution) == Outcome::Yes {
            basis = Some(Basis::WellFoundedFear);
            carried_by = vec![r.future_persecution];
        } else {
            basis = Some(Basis::Humanitarian);
            carried_by = vec![r.past_persecution, r.humanitarian];
        }
    } else if wff == Outcome::No && matches!(hum, Outcome::No | Outcome::NotApplicable) {
        tally.failed.push(r.well_founded_fear);
        if hum == Outcome::No {
            tally.failed.push(r.humanitarian);
        }
    } else {
        for (i, o) in [(r.well_founded_fear, wff), (r.humanitarian, hum)] {
            if o == Outcome::Unknown {
                tally.unknown.push(i);
            }
        }
    }
    tally.decide(&carried_by, basis)
}

pub fn withholding(ev: &Eval, threat: Ix, bars: &WithholdingBars) -> Decided {
    if removal_protection_moot(ev) {
        return not_applicable();
    }
    let mut tally = Tally::default();
    tally.need(ev, threat, Outcome::Yes);
    for bar in bars.all() {
        tally.need(ev, bar, Outcome::No);
    }
    tally.decide(&[threat], None)
}

pub fn cat_withholding(ev: &Eval, cat: &Cat, bars: &WithholdingBars) -> Decided {
    if removal_protection_moot(ev) {
        return not_applicable();
    }
    let mut tally = Tally::default();
    tally.need(ev, cat.torture_likely, Outcome::Yes);
    tally.need(ev, cat.official, Outcome::Yes);
    for bar in bars.all() {
        tally.need(ev, bar, Outcome::No);
    }
    tally.decide(&[cat.torture_likely, cat.official], None)
}

/// Deferral of removal: no bars apply (8 C.F.R. § 208.17(a)).
pub fn cat_deferral(ev: &Eval, cat: &Cat) -> Decided {
    if removal_protection_moot(ev) {
        return not_applicable();
    }
    let mut tally = Tally::default();
    tally.need(ev, cat.torture_likely, Outcome::Yes);
    tally.need(ev, cat.official, Outcome::Yes);
    tally.decide(&[cat.torture_likely, cat.official], None)
}

/// Refugee status is for people abroad (INA § 207); asylum for those here.
/// Refugee admission weighs, besides the refugee definition, being outside
/// the countries of nationality, the fear as to each of them, and the
/// unwaivable security grounds.
pub struct Abroad {
    pub outside: Ix,
    pub every_nationality: Ix,
    pub security: Ix,
}

// NOT MODELLED: the grounds of inadmissibility other than the security
// grounds, processing priorities and the annual ceiling (INA § 207(a), (c)).
pub fn refugee_admission(ev: &Eval, abroad: &Abroad, r: &Refugee, bars: &AsylumBars) -> Decided {
    // > not_applicable while `applicant.location` is not `outside_us` (spec/rules.md § 5)
    if ev.case.facts().applicant().location != Some(Location::OutsideUs)
        || ev.case.facts().application().granted_on.is_some()
    {
        return not_applicable();
    }
    let outside = abroad.outside;
    let mut tally = Tally::default();
    tally.need(ev, outside, Outcome::Yes);
    tally.need_unless_moot(ev, abroad.every_nationality);
    // > INA § 207(c)(3): the grounds of INA § 212(a)(3) cannot be waived.
    tally.need(ev, abroad.security, Outcome::No);
    let (pp, wff) = (
        ev.outcome(r.past_persecution),
        ev.outcome(r.well_founded_fear),
    );
    let definition = if pp == Outcome::Yes {
        r.past_persecution
    } else {
        r.well_founded_fear
    };
    if pp != Outcome::Yes && wff != Outcome::Yes {
        if pp == Outcome::No && wff == Outcome::No {
            tally
                .failed
                .extend([r.past_persecution, r.well_founded_fear]);
        } else {
            tally.unknown.extend(
                [(r.past_persecution, pp), (r.well_founded_fear, wff)]
                    .iter()
                    .filter(|(_, o)| *o == Outcome::Unknown)
                    .map(|(i, _)| *i),
            );
        }
    }
    tally.need(ev, bars.persecutor, Outcome::No);
    tally.need(ev, bars.firm_resettlement, Outcome::No);
    tally.decide(&[outside, definition], None)
}
