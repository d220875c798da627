//! Three-valued (Kleene) logic that remembers what it is missing.
//!
//! A [`V`] is yes, no or unknown; an unknown value carries the facts (or the
//! unknown findings) that would settle it. `and`, `or` and `not` follow
//! Kleene's strong logic: `no ∧ unknown = no`, `yes ∨ unknown = yes`, so a
//! conclusion is never drawn while a fact that could change it is unknown,
//! and only the unknowns that could still change the result are kept.

use std::borrow::Cow;

use crate::facts::Case;

/// yes, no or unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tri {
    Yes,
    No,
    Unknown,
}

/// Declares the fields: the table `FIELDS` of their names, and a constant
/// for each in [`fields`], so that code can `match` on a field (the question
/// for it is chosen so, `rules::questions`).
macro_rules! fields {
    ($($name:ident = $path:literal,)*) => {
        /// The names of the facts' fields, in alphabetical order: a [`Field`] is a
        /// place in this table. The single objects' fields carry their whole path
        /// (`risk.afraid`); the entries' fields only their name (`harms[h].severe`
        /// is `severe`).
        const FIELDS: &[&str] = &[$($path,)*];

        /// Each field of the facts document as a constant, named after its
        /// path: `fields::RISK_AFRAID` is `field!("risk.afraid")`.
        pub mod fields {
            use super::Field;
            $(pub const $name: Field = Field::named($path);)*

            /// The constants' names, in the order of `FIELDS`.
            #[cfg(test)]
            pub(super) const NAMES: &[&str] = &[$(stringify!($name),)*];
        }
    };
}

fields! {
    ACTOR = "actor",
    AFTER_GRANT_FIRMLY_RESETTLED = "after_grant.firmly_resettled",
    AFTER_GRANT_GROUND_WAIVABLE = "after_grant.ground_waivable",
    AFTER_GRANT_INADMISSIBLE = "after_grant.inadmissible",
    AFTER_GRANT_PASSPORT_RENEWED = "after_grant.passport_renewed",
    AFTER_GRANT_PROTECTION_AVAILED = "after_grant.protection_availed",
    AFTER_GRANT_STILL_REFUGEE = "after_grant.still_refugee",
    APPLICANT_BIRTH_DATE = "applicant.birth_date",
    APPLICANT_CURRENT_COUNTRY = "applicant.current_country",
    APPLICANT_HABITUAL_RESIDENCE = "applicant.habitual_residence",
    APPLICANT_LOCATION = "applicant.location",
    APPLICANT_NATIONALITY = "applicant.nationality",
    APPLICANT_UNACCOMPANIED_CHILD = "applicant.unaccompanied_child",
    APPLICATION_FILED_ON = "application.filed_on",
    APPLICATION_FORUM = "application.forum",
    APPLICATION_PREVIOUSLY_DENIED = "application.previously_denied",
    AUTHORITIES = "authorities",
    BEGAN = "began",
    BIRTH_DATE = "birth_date",
    BORDER = "border",
    CBP_ONE_APPOINTMENT = "cbp_one_appointment",
    CENTRAL = "central",
    COMPELLING_CIRCUMSTANCES = "compelling_circumstances",
    CONCEIVED_BEFORE_GRANT = "conceived_before_grant",
    CONDUCT_AGGRAVATED_FELONY = "conduct.aggravated_felony",
    CONDUCT_DANGER_TO_SECURITY = "conduct.danger_to_security",
    CONDUCT_DRUG_TRAFFICKING = "conduct.drug_trafficking",
    CONDUCT_PARTICULARLY_SERIOUS_CRIME = "conduct.particularly_serious_crime",
    CONDUCT_PERSECUTED_OTHERS = "conduct.persecuted_others",
    CONDUCT_SENTENCE_YEARS = "conduct.sentence_years",
    CONDUCT_SERIOUS_NONPOLITICAL_CRIME = "conduct.serious_nonpolitical_crime",
    CONDUCT_TERRORIST_ACTIVITY = "conduct.terrorist_activity",
    COUNTRIES = "countries",
    DATE = "date",
    DEPARTED = "departed",
    DOCUMENT = "document",
    ENCOUNTERED_WITHIN_14_DAYS = "encountered_within_14_days",
    FAMILY_UNITY = "family_unity",
    FROM_COUNTRY = "from_country",
    GROUND = "ground",
    GROUNDS = "grounds",
    GROUP = "group",
    HUMANITARIAN_REASONS = "humanitarian_reasons",
    IMMUTABLE = "immutable",
    INJURED = "injured",
    KIND = "kind",
    MANNER = "manner",
    MARRIED = "married",
    PARTICULAR = "particular",
    PROTECTION_SOUGHT_IN_TRANSIT = "protection_sought_in_transit",
    REASONABLE_DELAY = "reasonable_delay",
    RELATION = "relation",
    RELATIONSHIP_BEGAN = "relationship_began",
    REMOVAL_FRIVOLOUS_FINDING = "removal.frivolous_finding",
    REMOVAL_IN_PROCEEDINGS = "removal.in_proceedings",
    REMOVAL_PRIOR_ORDER = "removal.prior_order",
    REMOVAL_REINSTATED = "removal.reinstated",
    RESETTLEMENT_OFFERED_PERMANENT_STATUS = "resettlement.offered_permanent_status",
    RESETTLEMENT_RESTRICTIVE_CONDITIONS = "resettlement.restrictive_conditions",
    RESETTLEMENT_STAY_NECESSARY_FOR_FLIGHT = "resettlement.stay_necessary_for_flight",
    RESIDENCE_KEPT = "residence_kept",
    RETURNED = "returned",
    RISK_AFRAID = "risk.afraid",
    RISK_CUMULATIVE_PAST_HARM_SEVERE = "risk.cumulative_past_harm_severe",
    RISK_FEAR_IN_EVERY_NATIONALITY = "risk.fear_in_every_nationality",
    RISK_OTHER_SERIOUS_HARM = "risk.other_serious_harm",
    RISK_PERSECUTION_LIKELIHOOD = "risk.persecution_likelihood",
    RISK_PERSECUTOR_AWARE = "risk.persecutor_aware",
    RISK_PERSECUTOR_CAPABLE = "risk.persecutor_capable",
    RISK_PERSECUTOR_INCLINED = "risk.persecutor_inclined",
    RISK_RELOCATION_POSSIBLE = "risk.relocation_possible",
    RISK_RELOCATION_REASONABLE = "risk.relocation_reasonable",
    RISK_SEVERE_PAST_PERSECUTION = "risk.severe_past_persecution",
    SCHEDULING_SYSTEM_UNAVAILABLE = "scheduling_system_unavailable",
    SEVERE = "severe",
    SOCIALLY_DISTINCT = "socially_distinct",
    STCA_EXCEPTION = "stca_exception",
    TARGET = "target",
    TORTURE_LIKELIHOOD = "torture.likelihood",
    TORTURE_OFFICIAL_ROLE = "torture.official_role",
    TRANSIT_COUNTRIES = "transit_countries",
    VISA_OR_ADMISSION_DOCUMENT = "visa_or_admission_document",
    WHEN = "when",
}

/// A field of the facts document, by number (see `FIELDS`): a fact the
/// rules ask for is then a number, compared and copied at no cost. Written
/// `field!("risk.afraid")`, which is checked when the engine is compiled.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Field(u8);

impl Field {
    /// The field named `name`. Used in a constant (as `field!` does), a
    /// name that is not in `FIELDS` stops the build.
    pub const fn named(name: &str) -> Field {
        let mut i = 0;
        while i < FIELDS.len() {
            if same(FIELDS[i].as_bytes(), name.as_bytes()) {
                return Field(i as u8);
            }
            i += 1;
        }
        panic!("not a field of the facts document: add it to logic::FIELDS");
    }

    pub fn name(self) -> &'static str {
        FIELDS[self.0 as usize]
    }

    /// Every field, in the order of `FIELDS`.
    pub fn all() -> impl Iterator<Item = Field> {
        (0..FIELDS.len()).map(|i| Field(i as u8))
    }
}

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

impl std::fmt::Debug for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A fact of the facts document, by where it sits (entries by index). The
/// facts of the single objects carry their whole path (`risk.afraid`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fact {
    Applicant(Field),
    /// The list of arrivals itself (none given).
    Arrivals,
    Arrival(usize, Field),
    Application(Field),
    /// The list of exceptions itself (none given).
    Exceptions,
    Exception(usize, Field),
    /// The list of harms itself (none given).
    Harms,
    Harm(usize, Field),
    /// `harms[h].grounds[g].field`
    Ground(usize, usize, Field),
    Group(usize, Field),
    Risk(Field),
    Torture(Field),
    Conduct(Field),
    Resettlement(Field),
    Family(usize, Field),
    /// `removal.field`
    Removal(Field),
    /// A fact at the top of the document (`family_unity`).
    Top(Field),
    /// The list of trips itself (none given: whether the person travelled is unknown).
    Trips,
    /// `trips[i].field`
    Trip(usize, Field),
    /// `after_grant.field`
    AfterGrant(Field),
}

impl Fact {
    /// The path in the facts document (`harms[h1].severe`, `arrivals[0].date`).
    pub fn path(&self, case: &Case) -> Cow<'static, str> {
        Cow::Owned(match *self {
            Fact::Applicant(p)
            | Fact::Application(p)
            | Fact::Risk(p)
            | Fact::Torture(p)
            | Fact::Conduct(p)
            | Fact::Resettlement(p)
            | Fact::Removal(p)
            | Fact::AfterGrant(p)
            | Fact::Top(p) => return Cow::Borrowed(p.name()),
            Fact::Trips => return Cow::Borrowed("trips"),
            Fact::Trip(i, f) => text!("trips[{i}].{f}"),
            Fact::Arrivals => return Cow::Borrowed("arrivals"),
            Fact::Arrival(i, f) => text!("arrivals[{i}].{f}"),
            Fact::Exceptions => return Cow::Borrowed("exceptions"),
            Fact::Exception(i, f) => text!("exceptions[{i}].{f}"),
            Fact::Harms => return Cow::Borrowed("harms"),
            Fact::Harm(i, f) => text!("harms[{}].{f}", case.harm_ids()[i]),
            Fact::Ground(i, g, f) => text!("harms[{}].grounds[{g}].{f}", case.harm_ids()[i]),
            Fact::Group(i, f) => text!("groups[{}].{f}", case.group_ids()[i]),
            Fact::Family(i, f) => text!("family[{}].{f}", case.family_ids()[i]),
        })
    }
}

/// What an unknown is waiting for: a fact, or another finding (by index),
/// packed in one number so that needs are compared and copied at no cost.
///
/// The number holds, from the top: 6 bits for the kind (0 for a finding, else
/// the [`Fact`] variant's place plus one), 8 for the field, then two indexes
/// of 25 bits each (an entry and, for a ground, the ground within its harm).
/// [`Case`] keeps every list under [`MAX_ENTRIES`], which fits.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Need(u64);

/// The most entries a list of the facts document may hold (see [`Need`]).
pub const MAX_ENTRIES: usize = 1_000_000;

const INDEX_BITS: u32 = 25;
const FIELD_SHIFT: u32 = 2 * INDEX_BITS;
const KIND_SHIFT: u32 = FIELD_SHIFT + 8;
const INDEX_MASK: u64 = (1 << INDEX_BITS) - 1;

impl Need {
    pub fn fact(fact: Fact) -> Need {
        let (kind, field, a, b): (u64, Option<Field>, usize, usize) = match fact {
            Fact::Applicant(f) => (1, Some(f), 0, 0),
            Fact::Arrivals => (2, None, 0, 0),
            Fact::Arrival(i, f) => (3, Some(f), i, 0),
            Fact::Application(f) => (4, Some(f), 0, 0),
            Fact::Exceptions => (5, None, 0, 0),
            Fact::Exception(i, f) => (6, Some(f), i, 0),
            Fact::Harms => (7, None, 0, 0),
            Fact::Harm(i, f) => (8, Some(f), i, 0),
            Fact::Ground(i, g, f) => (9, Some(f), i, g),
            Fact::Group(i, f) => (10, Some(f), i, 0),
            Fact::Risk(f) => (11, Some(f), 0, 0),
            Fact::Torture(f) => (12, Some(f), 0, 0),
            Fact::Conduct(f) => (13, Some(f), 0, 0),
            Fact::Resettlement(f) => (14, Some(f), 0, 0),
            Fact::Family(i, f) => (15, Some(f), i, 0),
            Fact::Removal(f) => (16, Some(f), 0, 0),
            Fact::Top(f) => (17, Some(f), 0, 0),
            Fact::Trips => (18, None, 0, 0),
            Fact::Trip(i, f) => (19, Some(f), i, 0),
            Fact::AfterGrant(f) => (20, Some(f), 0, 0),
        };
        debug_assert!(a < MAX_ENTRIES && b < MAX_ENTRIES);
        let field = field.map_or(0, |f| f.0 as u64);
        Need(
            kind << KIND_SHIFT
                | field << FIELD_SHIFT
                | (a as u64 & INDEX_MASK) << INDEX_BITS
                | (b as u64 & INDEX_MASK),
        )
    }

    pub fn finding(i: usize) -> Need {
        Need(i as u64 & ((1 << KIND_SHIFT) - 1))
    }

    /// The fact this need waits for, if it is one.
    pub fn as_fact(self) -> Option<Fact> {
        let f = Field((self.0 >> FIELD_SHIFT) as u8);
        let a = (self.0 >> INDEX_BITS & INDEX_MASK) as usize;
        let b = (self.0 & INDEX_MASK) as usize;
        Some(match self.0 >> KIND_SHIFT {
            0 => return None,
            1 => Fact::Applicant(f),
            2 => Fact::Arrivals,
            3 => Fact::Arrival(a, f),
            4 => Fact::Application(f),
            5 => Fact::Exceptions,
            6 => Fact::Exception(a, f),
            7 => Fact::Harms,
            8 => Fact::Harm(a, f),
            9 => Fact::Ground(a, b, f),
            10 => Fact::Group(a, f),
            11 => Fact::Risk(f),
            12 => Fact::Torture(f),
            13 => Fact::Conduct(f),
            14 => Fact::Resettlement(f),
            15 => Fact::Family(a, f),
            16 => Fact::Removal(f),
            17 => Fact::Top(f),
            18 => Fact::Trips,
            19 => Fact::Trip(a, f),
            _ => Fact::AfterGrant(f),
        })
    }

    /// The finding this need waits for, if it is one.
    pub fn as_finding(self) -> Option<usize> {
        (self.0 >> KIND_SHIFT == 0).then_some(self.0 as usize)
    }
}

impl std::fmt::Debug for Need {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.as_fact() {
            Some(fact) => write!(f, "{fact:?}"),
            None => write!(f, "Finding({})", self.0),
        }
    }
}

/// What an unknown waits for: needs in the order they arose, each once. Up
/// to three are kept without a heap allocation: most unknowns wait for no
/// more, and an allocation costs more than copying the larger value (on
/// 20,000 screened rows, two in place took 2.4% more instructions, four 1.8%
/// more).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Needs {
    #[default]
    None,
    One(Need),
    Two([Need; 2]),
    Three([Need; 3]),
    Many(Vec<Need>),
}

impl Needs {
    pub fn as_slice(&self) -> &[Need] {
        match self {
            Needs::None => &[],
            Needs::One(n) => std::slice::from_ref(n),
            Needs::Two(n) => n,
            Needs::Three(n) => n,
            Needs::Many(v) => v,
        }
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Need> {
        self.as_slice().iter()
    }

    pub fn len(&self) -> usize {
        self.as_slice().len()
    }

    pub fn is_empty(&self) -> bool {
        self.as_slice().is_empty()
    }

    /// Appends `need` unless it is already there.
    pub fn add(&mut self, need: Need) {
        match self {
            Needs::None => *self = Needs::One(need),
            Needs::One(n) if *n == need => {}
            Needs::One(n) => *self = Needs::Two([*n, need]),
            Needs::Two(n) if n.contains(&need) => {}
            Needs::Two([a, b]) => *self = Needs::Three([*a, *b, need]),
            Needs::Three(n) if n.contains(&need) => {}
            Needs::Three([a, b, c]) => {
                let mut v = Vec::with_capacity(8);
                v.extend([*a, *b, *c, need]);
                *self = Needs::Many(v);
            }
            Needs::Many(v) => {
                if !v.contains(&need) {
                    v.push(need);
                }
            }
        }
    }
}

impl FromIterator<Need> for Needs {
    fn from_iter<I: IntoIterator<Item = Need>>(iter: I) -> Needs {
        let mut needs = Needs::None;
        for n in iter {
            needs.add(n);
        }
        needs
    }
}

impl<'a> IntoIterator for &'a Needs {
    type Item = &'a Need;
    type IntoIter = std::slice::Iter<'a, Need>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

/// A three-valued result and, when unknown, what would settle it.
///
/// A yes or a no waits for nothing: its needs are always empty. The fields
/// are private, and every way to make a `V` is below (the constants, the
/// constructors and the operators), so a "yes" that still needs facts cannot
/// be built (the Invariant "unknown is a value" of ARCHITECTURE.md; the
/// operators' exhaustive tests check it of each result).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct V {
    t: Tri,
    needs: Needs,
}

impl V {
    pub const YES: V = V {
        t: Tri::Yes,
        needs: Needs::None,
    };
    pub const NO: V = V {
        t: Tri::No,
        needs: Needs::None,
    };

    pub fn known(b: bool) -> V {
        if b { V::YES } else { V::NO }
    }

    pub fn unknown(need: Need) -> V {
        V {
            t: Tri::Unknown,
            needs: Needs::One(need),
        }
    }

    /// An unknown waiting for `needs`.
    pub fn unknown_of(needs: Needs) -> V {
        V {
            t: Tri::Unknown,
            needs,
        }
    }

    /// A boolean fact: unknown (asking `fact`) when absent.
    pub fn fact(value: Option<bool>, fact: Fact) -> V {
        match value {
            Some(b) => V::known(b),
            None => V::unknown(Need::fact(fact)),
        }
    }

    /// Whether an optional fact satisfies `test`; unknown (asking `fact`) when absent.
    pub fn test<T>(value: Option<T>, fact: Fact, test: impl FnOnce(T) -> bool) -> V {
        match value {
            Some(v) => V::known(test(v)),
            None => V::unknown(Need::fact(fact)),
        }
    }

    /// Yes, no or unknown.
    pub fn t(&self) -> Tri {
        self.t
    }

    /// What an unknown waits for (nothing, for a yes or a no).
    pub fn needs(&self) -> &Needs {
        &self.needs
    }

    /// What an unknown waits for, taken out of the value.
    pub fn into_needs(self) -> Needs {
        self.needs
    }

    pub fn is_yes(&self) -> bool {
        self.t == Tri::Yes
    }
    pub fn is_no(&self) -> bool {
        self.t == Tri::No
    }
    pub fn is_unknown(&self) -> bool {
        self.t == Tri::Unknown
    }

    #[inline]
    pub fn and(self, other: V) -> V {
        match (self.t, other.t) {
            (Tri::No, _) | (_, Tri::No) => V::NO,
            (Tri::Yes, Tri::Yes) => V::YES,
            (Tri::Yes, Tri::Unknown) => other,
            (Tri::Unknown, Tri::Yes) => self,
            (Tri::Unknown, Tri::Unknown) => merge(self, other),
        }
    }

    #[inline]
    pub fn or(self, other: V) -> V {
        match (self.t, other.t) {
            (Tri::Yes, _) | (_, Tri::Yes) => V::YES,
            (Tri::No, Tri::No) => V::NO,
            (Tri::No, Tri::Unknown) => other,
            (Tri::Unknown, Tri::No) => self,
            (Tri::Unknown, Tri::Unknown) => merge(self, other),
        }
    }

    pub fn negate(self) -> V {
        match self.t {
            Tri::Yes => V::NO,
            Tri::No => V::YES,
            Tri::Unknown => self,
        }
    }

    /// `if_yes` where `self` is yes and `if_no` where it is no. While `self`
    /// is unknown, the value both branches agree on, if they are known and
    /// agree; otherwise unknown, asking what `self` and both branches ask.
    pub fn select(self, if_yes: V, if_no: V) -> V {
        match self.t {
            Tri::Yes => if_yes,
            Tri::No => if_no,
            Tri::Unknown if if_yes.t == if_no.t && if_yes.t != Tri::Unknown => if_yes,
            Tri::Unknown => merge(merge(self, if_yes), if_no),
        }
    }

    /// Kleene conjunction of many (yes when empty). A no settles it: the
    /// items after it are not looked at.
    #[inline]
    pub fn all(items: impl IntoIterator<Item = V>) -> V {
        let mut all = V::YES;
        for v in items {
            match v.t {
                Tri::No => return V::NO,
                Tri::Yes => {}
                Tri::Unknown => all = all.and(v),
            }
        }
        all
    }

    /// Kleene disjunction of many (no when empty). A yes settles it: the
    /// items after it are not looked at.
    #[inline]
    pub fn any(items: impl IntoIterator<Item = V>) -> V {
        let mut any = V::NO;
        for v in items {
            match v.t {
                Tri::Yes => return V::YES,
                Tri::No => {}
                Tri::Unknown => any = any.or(v),
            }
        }
        any
    }
}

fn merge(mut a: V, b: V) -> V {
    for &n in &b.needs {
        a.needs.add(n);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(field: Field) -> V {
        V::unknown(Need::fact(Fact::Risk(field)))
    }

    #[test]
    fn each_field_constant_is_named_after_its_path() {
        assert_eq!(fields::NAMES.len(), FIELDS.len());
        for (name, path) in fields::NAMES.iter().zip(FIELDS) {
            assert_eq!(*name, path.to_uppercase().replace('.', "_"));
        }
        assert_eq!(fields::RISK_AFRAID, field!("risk.afraid"));
        assert_eq!(Field::all().count(), FIELDS.len());
    }

    #[test]
    fn the_field_names_are_sorted_and_unique_and_fit_a_byte() {
        assert!(FIELDS.windows(2).all(|w| w[0] < w[1]));
        assert!(FIELDS.len() <= 256);
        assert_eq!(field!("risk.afraid").name(), "risk.afraid");
        assert_eq!(Field::named("when").name(), "when");
    }

    #[test]
    fn a_need_gives_back_the_fact_or_finding_it_was_made_of() {
        let big = MAX_ENTRIES - 1;
        let facts = [
            Fact::Applicant(field!("applicant.location")),
            Fact::Arrivals,
            Fact::Arrival(0, field!("date")),
            Fact::Application(field!("application.filed_on")),
            Fact::Exceptions,
            Fact::Exception(3, field!("began")),
            Fact::Harms,
            Fact::Harm(big, field!("actor")),
            Fact::Ground(big, big, field!("central")),
            Fact::Ground(0, 1, field!("ground")),
            Fact::Group(7, field!("immutable")),
            Fact::Risk(field!("risk.afraid")),
            Fact::Torture(field!("torture.likelihood")),
            Fact::Conduct(field!("conduct.sentence_years")),
            Fact::Resettlement(field!("resettlement.restrictive_conditions")),
            Fact::Family(big, field!("when")),
        ];
        for f in facts {
            let n = Need::fact(f);
            assert_eq!(n.as_fact(), Some(f));
            assert_eq!(n.as_finding(), None);
            for g in facts {
                assert_eq!(n == Need::fact(g), f == g, "{f:?} and {g:?}");
            }
        }
        for i in [0, 1, 47, big, usize::from(u16::MAX) * 1000] {
            assert_eq!(Need::finding(i).as_finding(), Some(i));
            assert_eq!(Need::finding(i).as_fact(), None);
        }
    }

    #[test]
    fn up_to_three_needs_are_kept_in_place_and_more_in_order() {
        let [a, b, c, d] = [
            field!("risk.afraid"),
            field!("risk.persecutor_aware"),
            field!("risk.persecutor_capable"),
            field!("risk.persecutor_inclined"),
        ]
        .map(|f| Need::fact(Fact::Risk(f)));
        let mut n = Needs::None;
        for x in [a, b, a, b] {
            n.add(x);
        }
        assert_eq!(n, Needs::Two([a, b]));
        n.add(c);
        n.add(a);
        assert_eq!(n, Needs::Three([a, b, c]));
        n.add(d);
        n.add(c);
        assert_eq!(n.as_slice(), [a, b, c, d]);
        assert!(matches!(n, Needs::Many(_)));
        // Four words: a `Vec`'s three and the variant's tag.
        assert_eq!(std::mem::size_of::<Needs>(), 32);
    }

    /// `t` as a value: an unknown at place `at` waits for a fact of its own
    /// (so that the tests see whose needs a result keeps).
    fn of(t: Tri, at: usize) -> V {
        let fields = [field!("risk.afraid"), field!("risk.persecutor_aware")];
        match t {
            Tri::Yes => V::YES,
            Tri::No => V::NO,
            Tri::Unknown => u(fields[at]),
        }
    }

    /// Every pair of values, each with its own unknown.
    fn pairs() -> impl Iterator<Item = (V, V)> {
        let all = [Tri::Yes, Tri::No, Tri::Unknown];
        all.into_iter()
            .flat_map(move |a| all.map(|b| (of(a, 0), of(b, 1))))
    }

    /// A result that is unknown waits for what its unknown operands wait for,
    /// in order; a yes or a no waits for nothing.
    fn check_needs(what: &str, result: &V, operands: &[&V]) {
        let want: Needs = if result.is_unknown() {
            operands
                .iter()
                .filter(|v| v.is_unknown())
                .flat_map(|v| v.needs().iter().copied())
                .collect()
        } else {
            Needs::None
        };
        assert_eq!(result.needs(), &want, "{what}");
    }

    #[test]
    fn and_and_or_follow_kleenes_strong_tables_for_all_nine_pairs() {
        use Tri::{No, Unknown, Yes};
        // (a, b, a ∧ b, a ∨ b): Kleene's strong logic, where no settles a
        // conjunction and yes a disjunction, whatever the other side.
        const TABLE: [(Tri, Tri, Tri, Tri); 9] = [
            (Yes, Yes, Yes, Yes),
            (Yes, No, No, Yes),
            (Yes, Unknown, Unknown, Yes),
            (No, Yes, No, Yes),
            (No, No, No, No),
            (No, Unknown, No, Unknown),
            (Unknown, Yes, Unknown, Yes),
            (Unknown, No, No, Unknown),
            (Unknown, Unknown, Unknown, Unknown),
        ];
        for (a, b, and, or) in TABLE {
            let (x, y) = (of(a, 0), of(b, 1));
            let (conj, disj) = (x.clone().and(y.clone()), x.clone().or(y.clone()));
            assert_eq!(conj.t(), and, "{a:?} and {b:?}");
            assert_eq!(disj.t(), or, "{a:?} or {b:?}");
            check_needs(&text!("{a:?} and {b:?}"), &conj, &[&x, &y]);
            check_needs(&text!("{a:?} or {b:?}"), &disj, &[&x, &y]);
            assert_eq!(V::all([x.clone(), y.clone()]), conj, "all of {a:?}, {b:?}");
            assert_eq!(V::any([x, y]), disj, "any of {a:?}, {b:?}");
        }
        assert_eq!(pairs().count(), TABLE.len());
    }

    #[test]
    fn not_swaps_yes_and_no_and_keeps_an_unknown_with_its_needs() {
        for (t, not) in [
            (Tri::Yes, Tri::No),
            (Tri::No, Tri::Yes),
            (Tri::Unknown, Tri::Unknown),
        ] {
            let v = of(t, 0);
            let n = v.clone().negate();
            assert_eq!(n.t(), not, "not {t:?}");
            check_needs(&text!("not {t:?}"), &n, &[&v]);
            assert_eq!(n.negate(), v, "not not {t:?}");
        }
    }

    #[test]
    fn de_morgans_laws_hold_for_all_nine_pairs_with_the_same_needs() {
        for (a, b) in pairs() {
            let what = text!("{:?}, {:?}", a.t(), b.t());
            // ¬(a ∧ b) = ¬a ∨ ¬b
            assert_eq!(
                a.clone().and(b.clone()).negate(),
                a.clone().negate().or(b.clone().negate()),
                "not (a and b), {what}"
            );
            // ¬(a ∨ b) = ¬a ∧ ¬b
            assert_eq!(
                a.clone().or(b.clone()).negate(),
                a.negate().and(b.negate()),
                "not (a or b), {what}"
            );
        }
    }

    #[test]
    fn a_yes_or_a_no_never_waits_for_a_fact() {
        let facts = [
            V::fact(Some(true), Fact::Risk(field!("risk.afraid"))),
            V::fact(None, Fact::Risk(field!("risk.afraid"))),
            V::test(Some(3), Fact::Risk(field!("risk.afraid")), |n| n > 2),
            V::known(false),
        ];
        let operators = pairs().flat_map(|(a, b)| {
            [
                a.clone().and(b.clone()),
                a.clone().or(b.clone()),
                a.clone().negate(),
                a.clone().select(b.clone(), a.clone()),
                b.select(V::YES, a),
            ]
        });
        for v in facts.into_iter().chain(operators) {
            assert!(v.is_unknown() || v.needs().is_empty(), "{v:?}");
        }
    }

    #[test]
    fn false_and_unknown_is_false_and_asks_nothing() {
        assert_eq!(V::NO.and(u(field!("risk.afraid"))), V::NO);
        assert_eq!(u(field!("risk.afraid")).and(V::NO), V::NO);
    }

    #[test]
    fn true_or_unknown_is_true_and_asks_nothing() {
        assert_eq!(V::YES.or(u(field!("risk.afraid"))), V::YES);
    }

    #[test]
    fn a_choice_on_an_unknown_is_settled_when_both_branches_agree() {
        let c = || u(field!("risk.afraid"));
        assert_eq!(
            V::YES.select(V::NO, u(field!("risk.persecutor_aware"))),
            V::NO
        );
        assert_eq!(c().select(V::YES, V::YES), V::YES);
        assert_eq!(c().select(V::NO, V::NO), V::NO);
        let split = c().select(V::YES, V::NO);
        assert!(split.is_unknown());
        assert_eq!(split.needs.len(), 1);
        let open = c().select(V::YES, u(field!("risk.persecutor_aware")));
        assert!(open.is_unknown());
        assert_eq!(open.needs.len(), 2);
    }

    #[test]
    fn unknown_keeps_every_fact_that_could_settle_it_once() {
        let v = u(field!("risk.afraid"))
            .and(u(field!("risk.persecutor_aware")))
            .and(u(field!("risk.afraid")));
        assert!(v.is_unknown());
        assert_eq!(v.needs.len(), 2);
        assert!(V::all([]).is_yes());
        assert!(V::any([]).is_no());
    }
}
