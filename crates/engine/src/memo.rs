//! A memo for screening a caseload ([`screen_all_with`](crate::screen_all_with)):
//! what the rules after the thresholds decided for an earlier case that they
//! cannot tell from this one.
//!
//! The thresholds (`rules::thresholds`) read the case's dates; the rules
//! after them (the refugee definition, the bars, withholding and torture, the
//! reliefs) read no date of a case without family members, only:
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
//! repeats such keys: on 1,000,000 generated rows, 93% of the cases found
//! theirs in the memo (16,384 kept by each of 2 threads; 85% with 4,096).
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
use crate::facts::{Applicant, Case, Conduct, Group, Harm, Location, Resettlement, Risk, Torture};
use crate::law::Law;
use crate::logic::{Fact, Needs};
use crate::output::{Outcome, ReliefOutcome};
use crate::rules::{Eval, Ix};

/// Most patterns a memo keeps unless told otherwise (about 100 bytes each
/// for a caseload's rows); later ones are decided afresh.
const CAPACITY: usize = 4096;

/// Most harms or groups a case may list and still be kept (its key holds them).
const MAX_LISTED: usize = 8;

/// What the rules after the thresholds decided, by what they read. One memo
/// serves one [`Law`]; given another, it starts afresh.
///
/// A lookup hashes the whole key, reads one small table, which stays in the
/// processor's cache, and compares one entry: the thresholds' part of a key
/// (a few findings and their needs, shared by many keys) is kept once,
/// numbered (and found by its own hash when an entry is kept), and an entry
/// names it by its number.
pub struct Memo {
    /// The address of the law served (it only identifies it).
    law: usize,
    capacity: usize,
    /// The thresholds' patterns, and the numbers of those in `patterns` by hash.
    patterns: Vec<Pattern>,
    pattern_table: HashTable<u32>,
    /// The entries, and the numbers of those in `entries` by hash.
    entries: Vec<Entry>,
    entry_table: HashTable<u32>,
}

/// The thresholds' part of a key: their findings (definition and outcome),
/// and the needs of the unknown ones.
struct Pattern {
    hash: u64,
    findings: Vec<(&'static Def, Outcome)>,
    open: Vec<(Ix, Needs)>,
}

/// What the memo keeps of a case.
struct Entry {
    hash: u64,
    key: Key,
    recalled: Recalled,
}

/// What the memo recalls of a case: what the rules decided.
#[derive(Clone, Copy)]
pub(crate) struct Recalled {
    pub reliefs: [ReliefOutcome; 5],
    /// How many questions there are, and the first.
    pub asked: (usize, Option<Fact>),
}

/// All that the rules after the thresholds read of a case (see the module's
/// documentation): the thresholds' part is [`Memo::patterns`]`[pattern]`.
/// The parts a caseload's rows seldom give are kept apart (`rest`), so that
/// an entry stays small and the memo in the processor's cache.
struct Key {
    pattern: u32,
    location: Option<Location>,
    conduct: Option<Conduct>,
    /// `None` when every part of it is: no harms, groups, risk, torture or
    /// resettlement, and not abroad.
    rest: Option<Box<Rest>>,
}

/// The parts of a [`Key`] a caseload's rows seldom give.
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
        self.case().facts.applicant().location == Some(Location::OutsideUs)
    }

    /// Whether the case gives no part of [`Rest`].
    fn no_rest(&self) -> bool {
        let f = &self.case().facts;
        f.harms.is_none()
            && f.groups.is_none()
            && f.risk.is_none()
            && f.torture.is_none()
            && f.resettlement.is_none()
            && !self.abroad()
    }

    fn rest_matches(&self, rest: &Rest) -> bool {
        let f = &self.case().facts;
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
        let f = &self.case().facts;
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

    /// The hash of the whole key, the thresholds' part hashing to `pattern_hash`.
    fn hash(&self, pattern_hash: u64) -> u64 {
        let mut h = Mix(pattern_hash);
        let f = &self.case().facts;
        let c = f.conduct();
        for b in [
            c.persecuted_others,
            c.aggravated_felony,
            c.particularly_serious_crime,
            c.serious_nonpolitical_crime,
            c.danger_to_security,
            c.terrorist_activity,
        ] {
            b.hash(&mut h);
        }
        c.sentence_years.map(f64::to_bits).hash(&mut h);
        f.applicant().location.hash(&mut h);
        f.harms.as_ref().map(Vec::len).hash(&mut h);
        f.groups.as_ref().map(Vec::len).hash(&mut h);
        h.finish()
    }

    /// Whether the key is the case's; its thresholds' part is `pattern`.
    fn matches(&self, key: &Key, pattern: &Pattern) -> bool {
        let f = &self.case().facts;
        key.location == f.applicant().location
            && self.is_pattern(pattern)
            && key.conduct == f.conduct
            && match &key.rest {
                None => self.no_rest(),
                Some(rest) => self.rest_matches(rest),
            }
    }

    /// The key, with the thresholds' part numbered `pattern`.
    fn to_key(&self, pattern: u32) -> Key {
        let f = &self.case().facts;
        Key {
            pattern,
            location: f.applicant().location,
            conduct: f.conduct.clone(),
            rest: self.rest(),
        }
    }
}

/// Where a case stands in the memo.
pub(crate) enum Found {
    /// Decided before: the entry's number.
    Entry(u32),
    /// Not yet: to keep once decided.
    New,
    /// Not for the memo (family members, a long list of harms or groups, or
    /// a memo that keeps nothing).
    Never,
}

impl Default for Memo {
    fn default() -> Memo {
        Memo::with_capacity(CAPACITY)
    }
}

impl Memo {
    /// A memo that keeps up to 4,096 patterns.
    pub fn new() -> Memo {
        Memo::default()
    }

    /// A memo that keeps up to `capacity` patterns.
    pub fn with_capacity(capacity: usize) -> Memo {
        Memo {
            law: 0,
            capacity,
            patterns: Vec::new(),
            pattern_table: HashTable::new(),
            entries: Vec::new(),
            entry_table: HashTable::new(),
        }
    }

    /// How many cases the memo keeps.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Makes the memo serve `law`, emptying it if it served another.
    pub(crate) fn serve(&mut self, law: &Law) {
        let law = std::ptr::from_ref(law) as usize;
        if self.law != law {
            *self = Memo {
                law,
                ..Memo::with_capacity(self.capacity)
            };
        }
    }

    /// Looks up the case of `ev`, whose first `later` findings are the thresholds'.
    pub(crate) fn find(&self, ev: &Eval, later: Ix) -> Found {
        let f = &ev.case.facts;
        if self.capacity == 0
            || !f.family().is_empty()
            || f.harms().len() > MAX_LISTED
            || f.groups().len() > MAX_LISTED
        {
            return Found::Never;
        }
        let probe = Probe { ev, later };
        let pattern_hash = probe.pattern_hash();
        match self.entry(&probe, probe.hash(pattern_hash)) {
            Some(e) => Found::Entry(e),
            None => Found::New,
        }
    }

    /// The number of the entry whose key is the probe's, the whole key
    /// hashing to `hash`.
    fn entry(&self, probe: &Probe, hash: u64) -> Option<u32> {
        self.entry_table
            .find(hash, |&e| {
                let key = &self.entries[e as usize].key;
                probe.matches(key, &self.patterns[key.pattern as usize])
            })
            .copied()
    }

    pub(crate) fn recalled(&self, e: u32) -> Recalled {
        self.entries[e as usize].recalled
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
        if self.entries.len() >= self.capacity {
            return;
        }
        let probe = Probe { ev, later };
        let pattern_hash = probe.pattern_hash();
        let hash = probe.hash(pattern_hash);
        // Kept already for an earlier case screened in the same stage?
        if self.entry(&probe, hash).is_some() {
            return;
        }
        let found = self.pattern_table.find(pattern_hash, |&p| {
            probe.is_pattern(&self.patterns[p as usize])
        });
        let pattern = match found {
            Some(&p) => p,
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
        let e = self.entries.len() as u32;
        self.entries.push(Entry {
            hash,
            key: probe.to_key(pattern),
            recalled: Recalled { reliefs, asked },
        });
        let entries = &self.entries;
        self.entry_table
            .insert_unique(hash, e, |&e| entries[e as usize].hash);
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
        let mut memo = Memo::new();
        let got = screen_all_with(&[&a, &b], law, &mut memo);
        assert_eq!(got, [screen(&a, law), screen(&b, law)]);
        assert_eq!(memo.len(), 1, "one pattern, kept once");
        // A third case of the pattern adds nothing, and reads as screened afresh.
        let c = arrived("2026-01-05");
        assert_eq!(screen_all_with(&[&c], law, &mut memo), [screen(&c, law)]);
        assert_eq!(memo.len(), 1);
        // A late filing is another pattern of the thresholds.
        let late = arrived("2024-01-05");
        assert_eq!(
            screen_all_with(&[&late], law, &mut memo),
            [screen(&late, law)]
        );
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
            let mut memo = Memo::new();
            screen_all_with(&[&none], law, &mut memo);
            let got = screen_all_with(&[&some], law, &mut memo);
            assert_eq!(got, [screen(&some, law)], "{part}");
        }
    }

    #[test]
    fn a_case_with_family_members_is_never_kept() {
        let law = Law::embedded();
        let a = case(r#"{"family": [{"relation": "child", "birth_date": "2010-01-01"}]}"#);
        let mut memo = Memo::new();
        assert_eq!(screen_all_with(&[&a], law, &mut memo), [screen(&a, law)]);
        assert!(memo.is_empty());
    }

    #[test]
    fn a_memo_given_another_law_starts_afresh() {
        let law = Law::embedded();
        let other = law.clone();
        let a = case(r#"{"arrivals": [{"date": "2025-09-01"}]}"#);
        let mut memo = Memo::new();
        screen_all_with(&[&a], law, &mut memo);
        assert_eq!(memo.len(), 1);
        screen_all_with(&[&a], &other, &mut memo);
        assert_eq!(
            memo.len(),
            1,
            "emptied, then the case kept under the other law"
        );
        screen_all_with(&[&a], &other, &mut memo);
        assert_eq!(memo.len(), 1);
    }
}
