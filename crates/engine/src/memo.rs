//! A memo for screening a caseload ([`screen_all_with`](crate::screen_all_with)):
//! what the rules after the thresholds decided for an earlier case that they
//! cannot tell from this one.
//!
//! The thresholds (`rules::thresholds`) read the case's dates; the rules
//! after them (the refugee definition, the bars, withholding and torture, the
//! reliefs) read no date of a case without family members or a grant, only:
//!
//! - the thresholds' findings (outcomes, and the needs of the unknown ones);
//! - `harms`, `groups`, `risk`, `torture`, `conduct` and `resettlement`;
//! - `applicant.location`, and, for an applicant abroad, `applicant.current_country`,
//!   `nationality` and `habitual_residence` (`refugee::outside_nationality`
//!   and `reliefs::refugee_admission` look no further for anyone else).
//!
//! Two such cases that agree on all of these get the same later findings,
//! reliefs and questions, so the memo keeps the reliefs' outcomes and the
//! questions' count and first (all a [`Screening`](crate::Screening) reads
//! of the later findings) by exactly that key
//! (`Key`), compared in full (the hash only finds candidates). A caseload
//! repeats such keys: on 1,000,000 generated rows, 85% of the cases found
//! theirs in the memo (16,384 kept by each of 2 threads; more kept find no
//! more).
//!
//! The property test `a_caseload_screened_with_a_memo_reads_as_screened_without`
//! screens cases that share a key but nothing else, and cases that differ in
//! one part of it only, and checks that the memo's answers are the rules' own.
//! Leaving out any part of the key makes it fail (but `location`, kept though
//! the presence threshold and the part for an applicant abroad carry it
//! already). A rule after the thresholds that comes to read something more
//! must add it to the key.

use std::hash::{Hash, Hasher};

use hashbrown::HashTable;

use crate::defs::Def;
use crate::facts::{Applicant, Case, Group, Harm, Location, Resettlement, Risk, Torture};
use crate::law::Law;
use crate::logic::{Fact, Needs};
use crate::output::{Outcome, ReliefOutcome};
use crate::rules::{Eval, Ix};

/// The sections of the facts the memo's key holds (some in part: of
/// `applicant`, its location, and for an applicant abroad the country, the
/// nationality and the habitual residence; see [`Rest`] and [`Packed`]).
#[cfg(test)]
pub(crate) const KEYED: &[&str] = &[
    "applicant",
    "harms",
    "groups",
    "risk",
    "torture",
    "conduct",
    "resettlement",
];

/// The sections the rules after the thresholds read that the key does not
/// hold, because a case that gives them is never kept.
#[cfg(test)]
pub(crate) const NEVER_KEPT: &[(&str, &str)] = &[
    (
        "application",
        "the rules after the thresholds read only application.granted_on, and a granted case is never kept",
    ),
    ("family", "a case with family members is never kept"),
];

/// Most patterns a memo keeps unless told otherwise (about 70 bytes each
/// for a caseload's rows); later ones are decided afresh.
const CAPACITY: usize = 4096;

/// Most harms or groups a case may list and still be kept (its key holds them).
const MAX_LISTED: usize = 8;

/// What the rules after the thresholds decided, by what they read. One memo
/// serves one [`Law`]; given another, it starts afresh.
///
/// A lookup first finds the thresholds' part of the key (a few findings and
/// their needs, shared by many keys), kept once and numbered: there are few
/// of them, read by every lookup, so they stay in the processor's cache.
/// Then it finds the entry by the rest of the key packed with that number
/// into two words ([`Packed`]), so that comparing an entry reads 16 bytes;
/// only the seldom-given parts ([`Rest`]) lie behind a pointer, and what
/// the memo recalls is read once found.
pub struct Memo<'law> {
    /// The law served.
    law: &'law Law,
    capacity: usize,
    /// The thresholds' patterns, and the numbers of those in `patterns` by hash.
    patterns: Vec<Pattern>,
    pattern_table: HashTable<u32>,
    /// The entries, by number: their keys (the parts a caseload's rows
    /// seldom give, `rests`, apart), and what the rules decided.
    keys: Vec<Packed>,
    rests: Vec<Option<Box<Rest>>>,
    recalled: Vec<Recalled>,
    /// The entries' numbers by the hash of their `keys`.
    entry_table: HashTable<u32>,
}

/// The thresholds' part of a key: their findings (definition and outcome),
/// and the needs of the unknown ones.
struct Pattern {
    hash: u64,
    findings: Vec<(&'static Def, Outcome)>,
    open: Vec<(Ix, Needs)>,
}

/// What the memo recalls of a case: what the rules decided.
#[derive(Clone, Copy)]
pub(crate) struct Recalled {
    pub reliefs: [ReliefOutcome; 5],
    /// How many questions there are, and the first.
    pub asked: (usize, Option<Fact>),
}

/// All that the rules after the thresholds read of a case (see the module's
/// documentation) but its [`Rest`], packed into two words, so that the keys
/// compared stay in the processor's cache:
///
/// - `head`: the number of the thresholds' pattern ([`Memo::patterns`]) in
///   bits 0–31; `applicant.location` in 32–33; from bit 34, whether `conduct`
///   is given, each of its seven yes-or-no facts in two bits (unknown, no,
///   yes) and whether `sentence_years` is; how many harms and groups there
///   are (or none given) in 50–53 and 54–57; whether the case has a
///   [`Rest`] in 58;
/// - `sentence`: `conduct.sentence_years`, as its bits (0 when not given).
#[derive(Clone, Copy, PartialEq, Eq)]
struct Packed {
    head: u64,
    sentence: u64,
}

impl Packed {
    const HAS_REST: u64 = 1 << 58;

    fn hash(self) -> u64 {
        let mut h = Mix::default();
        h.write_u64(self.head);
        h.write_u64(self.sentence);
        h.finish()
    }
}

/// The parts of a key a caseload's rows seldom give: a case has none when it
/// gives no harms, groups, risk, torture or resettlement, and is not abroad.
struct Rest {
    harms: Option<Vec<Harm>>,
    groups: Option<Vec<Group>>,
    risk: Option<Risk>,
    torture: Option<Torture>,
    resettlement: Option<Resettlement>,
    /// For an applicant abroad, their country, nationality and habitual
    /// residence; empty for anyone else.
    abroad: Applicant,
}

/// A case's key, borrowed: the thresholds' findings are those of `ev` before `later`.
struct Probe<'e, 'a> {
    ev: &'e Eval<'a>,
    later: Ix,
}

impl Probe<'_, '_> {
    fn case(&self) -> &Case {
        self.ev.case
    }

    fn thresholds(&self) -> impl Iterator<Item = (&'static Def, Outcome)> + '_ {
        self.ev.defs_from(0).take(self.later)
    }

    fn open(&self) -> impl Iterator<Item = &(Ix, Needs)> + '_ {
        self.ev.open().iter().take_while(|(i, _)| *i < self.later)
    }

    /// Whether the applicant is abroad (then the key holds more of them).
    fn abroad(&self) -> bool {
        self.case().facts().applicant().location == Some(Location::OutsideUs)
    }

    /// Whether the case gives no part of [`Rest`].
    fn no_rest(&self) -> bool {
        let f = &self.case().facts();
        f.harms.is_none()
            && f.groups.is_none()
            && f.risk.is_none()
            && f.torture.is_none()
            && f.resettlement.is_none()
            && !self.abroad()
    }

    fn rest_matches(&self, rest: &Rest) -> bool {
        let f = &self.case().facts();
        let a = f.applicant();
        let abroad = self.abroad();
        rest.harms == f.harms
            && rest.groups == f.groups
            && rest.risk == f.risk
            && rest.torture == f.torture
            && rest.resettlement == f.resettlement
            && rest.abroad.current_country == a.current_country.filter(|_| abroad)
            && rest.abroad.nationality.as_ref() == a.nationality.as_ref().filter(|_| abroad)
            && rest.abroad.habitual_residence == a.habitual_residence.filter(|_| abroad)
    }

    fn rest(&self) -> Option<Box<Rest>> {
        if self.no_rest() {
            return None;
        }
        let f = &self.case().facts();
        let a = f.applicant();
        let abroad = if self.abroad() {
            Applicant {
                current_country: a.current_country,
                nationality: a.nationality.clone(),
                habitual_residence: a.habitual_residence,
                ..Applicant::EMPTY
            }
        } else {
            Applicant::EMPTY
        };
        Some(Box::new(Rest {
            harms: f.harms.clone(),
            groups: f.groups.clone(),
            risk: f.risk.clone(),
            torture: f.torture.clone(),
            resettlement: f.resettlement.clone(),
            abroad,
        }))
    }

    /// The hash of the thresholds' part: their outcomes and needs (their
    /// definitions, the same from case to case, are only compared).
    fn pattern_hash(&self) -> u64 {
        let mut h = Mix::default();
        for (_, o) in self.thresholds() {
            o.hash(&mut h);
        }
        for (i, needs) in self.open() {
            i.hash(&mut h);
            for n in needs {
                n.hash(&mut h);
            }
        }
        h.finish()
    }

    fn is_pattern(&self, p: &Pattern) -> bool {
        p.findings.len() == self.later
            && p.findings
                .iter()
                .zip(self.thresholds())
                .all(|(k, (d, o))| std::ptr::eq(k.0, d) && k.1 == o)
            && p.open.iter().eq(self.open())
    }

    /// The key but for its [`Rest`], the thresholds' part numbered `pattern`.
    fn packed(&self, pattern: u32) -> Packed {
        fn yes_no(b: Option<bool>) -> u64 {
            match b {
                None => 0,
                Some(false) => 1,
                Some(true) => 2,
            }
        }
        // At most MAX_LISTED (8) of each: 0–9 in four bits.
        fn listed<T>(list: &Option<Vec<T>>) -> u64 {
            list.as_ref().map_or(0, |l| l.len() as u64 + 1)
        }
        let f = &self.case().facts();
        let location = match f.applicant().location {
            None => 0,
            Some(Location::InUs) => 1,
            Some(Location::PortOfEntry) => 2,
            Some(Location::OutsideUs) => 3,
        };
        let mut head = u64::from(pattern) | location << 32;
        let mut sentence = 0;
        if let Some(c) = &f.conduct {
            let mut bits = 1;
            for (i, b) in [
                c.persecuted_others,
                c.aggravated_felony,
                c.particularly_serious_crime,
                c.serious_nonpolitical_crime,
                c.danger_to_security,
                c.terrorist_activity,
                c.drug_trafficking,
            ]
            .into_iter()
            .enumerate()
            {
                bits |= yes_no(b) << (1 + 2 * i);
            }
            if let Some(years) = c.sentence_years {
                bits |= 1 << 15;
                sentence = years.to_bits();
            }
            head |= bits << 34;
        }
        head |= listed(&f.harms) << 50 | listed(&f.groups) << 54;
        if !self.no_rest() {
            head |= Packed::HAS_REST;
        }
        Packed { head, sentence }
    }

    /// Whether an entry with the probe's [`Packed`] key is the probe's:
    /// `rest` is the entry's.
    fn rest_is(&self, rest: Option<&Rest>) -> bool {
        rest.is_none_or(|rest| self.rest_matches(rest))
    }
}

/// Where a case stands in the memo.
pub(crate) enum Found {
    /// Decided before: the entry's number.
    Entry(u32),
    /// Not yet: to keep once decided.
    New,
    /// Not for the memo (family members, a grant, a long list of harms or
    /// groups, or a memo that keeps nothing).
    Never,
}

impl<'law> Memo<'law> {
    /// A memo of screenings under `law` that keeps up to 4,096 patterns.
    pub fn new(law: &'law Law) -> Memo<'law> {
        Memo::with_capacity(law, CAPACITY)
    }

    /// A memo of screenings under `law` that keeps up to `capacity` patterns.
    pub fn with_capacity(law: &'law Law, capacity: usize) -> Memo<'law> {
        Memo {
            law,
            capacity,
            patterns: Vec::new(),
            pattern_table: HashTable::new(),
            keys: Vec::new(),
            rests: Vec::new(),
            recalled: Vec::new(),
            entry_table: HashTable::new(),
        }
    }

    /// How many cases the memo keeps.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The law the memo's screenings are made under: one memo serves one
    /// law, held for the memo's life (what it keeps would be wrong under another).
    pub fn law(&self) -> &'law Law {
        self.law
    }

    /// Looks up the case of `ev`, whose first `later` findings are the thresholds'.
    pub(crate) fn find(&self, ev: &Eval, later: Ix) -> Found {
        let f = &ev.case.facts();
        if self.capacity == 0
            || !f.family().is_empty()
            || f.application().granted_on.is_some()
            || f.harms().len() > MAX_LISTED
            || f.groups().len() > MAX_LISTED
        {
            return Found::Never;
        }
        let probe = Probe { ev, later };
        let found = self
            .pattern(&probe, probe.pattern_hash())
            .and_then(|p| self.entry(&probe, probe.packed(p)));
        match found {
            Some(e) => Found::Entry(e),
            None => Found::New,
        }
    }

    /// The number of the thresholds' pattern of the probe, which hashes to `hash`.
    fn pattern(&self, probe: &Probe, hash: u64) -> Option<u32> {
        self.pattern_table
            .find(hash, |&p| probe.is_pattern(&self.patterns[p as usize]))
            .copied()
    }

    /// The number of the entry whose key is the probe's, `packed` but for
    /// its [`Rest`].
    fn entry(&self, probe: &Probe, packed: Packed) -> Option<u32> {
        self.entry_table
            .find(packed.hash(), |&e| {
                let e = e as usize;
                self.keys[e] == packed && probe.rest_is(self.rests[e].as_deref())
            })
            .copied()
    }

    pub(crate) fn recalled(&self, e: u32) -> Recalled {
        self.recalled[e as usize]
    }

    /// Keeps what the rules decided for the whole `ev` (found [`Found::New`]),
    /// unless the memo is full.
    pub(crate) fn keep(
        &mut self,
        ev: &Eval,
        later: Ix,
        reliefs: [ReliefOutcome; 5],
        asked: (usize, Option<Fact>),
    ) {
        if self.keys.len() >= self.capacity {
            return;
        }
        let probe = Probe { ev, later };
        let pattern_hash = probe.pattern_hash();
        let pattern = match self.pattern(&probe, pattern_hash) {
            Some(p) => p,
            None => {
                let p = self.patterns.len() as u32;
                self.patterns.push(Pattern {
                    hash: pattern_hash,
                    findings: probe.thresholds().collect(),
                    open: probe.open().cloned().collect(),
                });
                let patterns = &self.patterns;
                self.pattern_table
                    .insert_unique(pattern_hash, p, |&p| patterns[p as usize].hash);
                p
            }
        };
        let packed = probe.packed(pattern);
        // Kept already for an earlier case screened in the same stage?
        if self.entry(&probe, packed).is_some() {
            return;
        }
        let e = self.keys.len() as u32;
        self.keys.push(packed);
        self.rests.push(probe.rest());
        self.recalled.push(Recalled { reliefs, asked });
        let keys = &self.keys;
        self.entry_table
            .insert_unique(packed.hash(), e, |&e| keys[e as usize].hash());
    }
}

/// A fast hash for the memo's keys (FxHash's mixing step).
#[derive(Default)]
struct Mix(u64);

impl Hasher for Mix {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }

    fn write_u8(&mut self, n: u8) {
        self.write_u64(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::{screen, screen_all_with};

    fn case(json: &str) -> Case {
        Case::from_json(json, date(2026, 11, 27)).unwrap()
    }

    #[test]
    fn cases_that_differ_only_in_their_dates_share_one_entry() {
        let law = Law::embedded();
        let arrived = |d: &str| {
            case(&format!(
                r#"{{"arrivals": [{{"date": "{d}"}}], "application": {{"filed_on": "2026-06-01"}}}}"#
            ))
        };
        let (a, b) = (arrived("2025-09-01"), arrived("2025-10-20"));
        let mut memo = Memo::new(law);
        let got = screen_all_with(&[&a, &b], &mut memo);
        assert_eq!(got, [screen(&a, law), screen(&b, law)]);
        assert_eq!(memo.len(), 1, "one pattern, kept once");
        // A third case of the pattern adds nothing, and reads as screened afresh.
        let c = arrived("2026-01-05");
        assert_eq!(screen_all_with(&[&c], &mut memo), [screen(&c, law)]);
        assert_eq!(memo.len(), 1);
        // A late filing is another pattern of the thresholds.
        let late = arrived("2024-01-05");
        assert_eq!(screen_all_with(&[&late], &mut memo), [screen(&late, law)]);
        assert_eq!(memo.len(), 2);
    }

    #[test]
    fn a_case_that_gives_risk_torture_or_resettlement_facts_is_not_taken_for_one_that_gives_none() {
        let law = Law::embedded();
        // None of these parts is in the hash: only the comparison tells them apart.
        let plain = r#"{"arrivals": [{"date": "2025-09-01"}], "applicant": {"location": "in_us"}"#;
        let none = case(&format!("{plain}}}"));
        for part in [
            r#""risk": {"persecution_likelihood": "more_likely_than_not", "afraid": true}"#,
            r#""torture": {"likelihood": "more_likely_than_not", "official_role": "perpetrator"}"#,
            r#""resettlement": {"offered_permanent_status": true, "country": "CA"}"#,
        ] {
            let some = case(&format!("{plain}, {part}}}"));
            assert_ne!(
                screen(&none, law),
                screen(&some, law),
                "{part} changes the screening"
            );
            // The plain case kept first, then the other looked up.
            let mut memo = Memo::new(law);
            screen_all_with(&[&none], &mut memo);
            let got = screen_all_with(&[&some], &mut memo);
            assert_eq!(got, [screen(&some, law)], "{part}");
        }
    }

    #[test]
    fn an_aggravated_felony_sentence_of_six_years_is_not_taken_for_one_of_three() {
        let law = Law::embedded();
        let sentenced = |years: f64| {
            case(&format!(
                r#"{{"arrivals": [{{"date": "2025-09-01"}}], "conduct": {{"aggravated_felony": true, "particularly_serious_crime": false, "sentence_years": {years}}}}}"#
            ))
        };
        let (three, six) = (sentenced(3.0), sentenced(6.0));
        assert_ne!(
            screen(&three, law).reliefs,
            screen(&six, law).reliefs,
            "five years or more bars withholding"
        );
        let mut memo = Memo::new(law);
        screen_all_with(&[&three], &mut memo);
        assert_eq!(screen_all_with(&[&six], &mut memo), [screen(&six, law)]);
        assert_eq!(memo.len(), 2);
    }

    #[test]
    fn a_case_with_family_members_is_never_kept() {
        let law = Law::embedded();
        let a = case(r#"{"family": [{"relation": "child", "birth_date": "2010-01-01"}]}"#);
        let mut memo = Memo::new(law);
        assert_eq!(screen_all_with(&[&a], &mut memo), [screen(&a, law)]);
        assert!(memo.is_empty());
    }

    #[test]
    fn a_memo_serves_the_law_it_was_made_for_and_no_other() {
        // The law is held for the memo's life (`Memo<'law>`): a caseload
        // screened under another law takes another memo; there is no way to
        // hand this one a different law.
        let law = Law::embedded();
        let other = law.clone();
        let a = case(r#"{"arrivals": [{"date": "2025-09-01"}]}"#);
        let mut memo = Memo::new(&other);
        assert!(std::ptr::eq(memo.law(), &other));
        assert_eq!(screen_all_with(&[&a], &mut memo), [screen(&a, &other)]);
        assert_eq!(memo.len(), 1);
    }
}
