//! The facts of a case: the engine's input (`spec/facts.md`).
//!
//! Every field is optional; an absent field (or `null`) is an unknown fact.
//! Parsing is strict: an unknown field, a bad enum value, an impossible date, a
//! wrong type, an undefined `group`, an id used twice, or a past date after
//! `as_of` is an [`InputError`] naming the JSON path, and nothing is assessed.

use std::collections::HashSet;
use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::logic::MAX_ENTRIES;

/// The most entries each list of the facts document may hold.
pub const MAX_ARRIVALS: usize = 100;
pub const MAX_EXCEPTIONS: usize = 50;
pub const MAX_HARMS: usize = 200;
pub const MAX_GROUPS: usize = 200;
pub const MAX_FAMILY: usize = 50;
pub const MAX_TRIPS: usize = 200;
/// Grounds of one harm.
pub const MAX_GROUNDS: usize = 20;
/// The most days a count of days may give (100 years).
pub const MAX_DAYS: u32 = 36_525;
/// The longest sentence, in years.
pub const MAX_YEARS: f64 = 200.0;
const _: () = assert!(
    MAX_HARMS < MAX_ENTRIES
        && MAX_GROUPS < MAX_ENTRIES
        && MAX_ARRIVALS < MAX_ENTRIES
        && MAX_TRIPS < MAX_ENTRIES
);

/// An input error: the JSON path of the offending field and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", if field.is_empty() { message.clone() } else { format!("{field}: {message}") })]
pub struct InputError {
    /// The path in the facts document (`harms[1].kind`); empty for the document itself.
    pub field: String,
    /// What is wrong, in lower case.
    pub message: String,
}

impl InputError {
    fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        InputError {
            field: field.into(),
            message: message.into(),
        }
    }
}

/// An ISO 3166-1 alpha-2 country code (`SV`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country([u8; 2]);

impl Country {
    /// Parses an upper-case two-letter code.
    pub fn parse(s: &str) -> Option<Country> {
        match s.as_bytes() {
            [a, b] if a.is_ascii_uppercase() && b.is_ascii_uppercase() => Some(Country([*a, *b])),
            _ => None,
        }
    }
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self}")
    }
}

impl Serialize for Country {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Country::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "{s:?} is not an ISO 3166-1 alpha-2 country code (two upper-case letters, such as \"SV\")"
            ))
        })
    }
}

/// Parses a strict ISO 8601 calendar date `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Result<Date, String> {
    let b = s.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
        return Err(format!("{s:?} is not a date of the form YYYY-MM-DD"));
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<i16>().unwrap_or(0);
    let (y, m, d) = (num(0..4), num(5..7), num(8..10));
    if !(1800..=2200).contains(&y) {
        return Err(format!("{s:?} is outside the years 1800 to 2200"));
    }
    Date::new(y, m as i8, d as i8)
        .map_err(|_| format!("{s:?} is not a calendar date (no such day)"))
}

fn de_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) => parse_date(&s).map(Some).map_err(serde::de::Error::custom),
    }
}

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $var:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vm])* $var),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$var),+];
            /// The spec's spellings, in the order of [`Self::ALL`] (for forms that offer them).
            pub const NAMES: &'static [&'static str] = &[$($s),+];
            pub fn as_str(self) -> &'static str { match self { $($name::$var => $s),+ } }
            /// Parses the spec's snake_case spelling.
            pub fn parse(s: &str) -> Option<Self> { match s { $($s => Some($name::$var),)+ _ => None } }
            /// The value in words, for memos and questions.
            pub fn words(self) -> String { self.as_str().replace('_', " ") }
        }
    };
}

string_enum!(Location { InUs = "in_us", PortOfEntry = "port_of_entry", OutsideUs = "outside_us" });
string_enum!(Manner {
    Admitted = "admitted",
    Paroled = "paroled",
    PresentedWithoutDocuments = "presented_without_documents",
    WithoutInspection = "without_inspection",
});
string_enum!(Border { SouthwestLand = "southwest_land", NorthernLand = "northern_land", Air = "air", Sea = "sea" });
string_enum!(TransitProtection { None = "none", Denied = "denied", Pending = "pending" });
string_enum!(Forum { Affirmative = "affirmative", Defensive = "defensive" });
string_enum!(ExceptionKind {
    ChangedCountryConditions = "changed_country_conditions",
    ChangedLaw = "changed_law",
    ChangedPersonalCircumstances = "changed_personal_circumstances",
    LostDerivativeStatus = "lost_derivative_status",
    SeriousIllnessOrDisability = "serious_illness_or_disability",
    LegalDisability = "legal_disability",
    IneffectiveAssistance = "ineffective_assistance",
    LawfulStatus = "lawful_status",
    RejectedThenRefiled = "rejected_then_refiled",
    DeathOrIllnessInFamily = "death_or_illness_in_family",
});
string_enum!(When { Past = "past", Feared = "feared" });
string_enum!(HarmKind {
    Torture = "torture",
    SexualViolence = "sexual_violence",
    AttemptedKilling = "attempted_killing",
    SeriousPhysicalHarm = "serious_physical_harm",
    ForcedAbortion = "forced_abortion",
    ForcedSterilization = "forced_sterilization",
    Fgm = "fgm",
    Detention = "detention",
    DeathThreat = "death_threat",
    Threat = "threat",
    EconomicDeprivation = "economic_deprivation",
    PropertyDestruction = "property_destruction",
    ForcedRecruitment = "forced_recruitment",
    ForcedMarriage = "forced_marriage",
    HarmToFamily = "harm_to_family",
    Prosecution = "prosecution",
    Harassment = "harassment",
    Discrimination = "discrimination",
});
string_enum!(Target { Applicant = "applicant", FamilyMember = "family_member" });
string_enum!(Actor { Government = "government", NonState = "non_state" });
string_enum!(Authorities {
    UnableOrUnwilling = "unable_or_unwilling",
    ReportingFutile = "reporting_futile",
    Protected = "protected",
    NotReported = "not_reported",
});
string_enum!(Ground {
    Race = "race",
    Religion = "religion",
    Nationality = "nationality",
    ParticularSocialGroup = "particular_social_group",
    PoliticalOpinion = "political_opinion",
    CoercivePopulationControl = "coercive_population_control",
});
string_enum!(Likelihood {
    MoreLikelyThanNot = "more_likely_than_not",
    ReasonablePossibility = "reasonable_possibility",
    Remote = "remote",
});
string_enum!(TortureLikelihood { MoreLikelyThanNot = "more_likely_than_not", Possible = "possible", Remote = "remote" });
string_enum!(OfficialRole { Perpetrator = "perpetrator", Consent = "consent", Acquiescence = "acquiescence", None = "none" });
string_enum!(Relation { Spouse = "spouse", Child = "child" });
string_enum!(
    /// The document a trip abroad was made on.
    TravelDocument {
        /// A refugee travel document (Form I-571, applied for on Form I-131).
        RefugeeTravelDocument = "refugee_travel_document",
        /// Advance parole (Form I-512), before the grant or while adjustment is pending.
        AdvanceParole = "advance_parole",
        /// The permanent resident card, after adjustment.
        PermanentResidentCard = "permanent_resident_card",
        /// A passport of a country of nationality.
        NationalPassport = "national_passport",
        Other = "other",
    }
);

impl ExceptionKind {
    /// Changed circumstances (8 C.F.R. § 208.4(a)(4)); the others are extraordinary (§ 208.4(a)(5)).
    pub fn is_changed(self) -> bool {
        matches!(
            self,
            ExceptionKind::ChangedCountryConditions
                | ExceptionKind::ChangedLaw
                | ExceptionKind::ChangedPersonalCircumstances
                | ExceptionKind::LostDerivativeStatus
        )
    }
}

/// A section of the facts read from a JSON object only: serde's derived
/// `Deserialize` also reads a struct from an array of its fields in order
/// (`"torture": [null, null]`), which is not a facts document and would be
/// stored and served as one.
#[doc(hidden)]
pub trait FromObject: Sized {
    fn from_object<'de, A: serde::de::MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

#[doc(hidden)]
pub struct ObjectOnly<T>(pub std::marker::PhantomData<T>);

impl<'de, T: FromObject> serde::de::Visitor<'de> for ObjectOnly<T> {
    type Value = T;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object ({ ... })")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_object(map)
    }
}

/// A section of the facts: every field optional, absent ones skipped when
/// writing it back out, unknown ones refused, and read from an object only,
/// with `EMPTY` (every field unknown). The application document's structs
/// (`refuge-application`) are declared with it too.
/// (`remote = "Self"` makes serde's derives inherent functions, which the
/// trait implementations below wrap.)
#[macro_export]
macro_rules! facts_struct {
    ($(#[$m:meta])* $name:ident { $($(#[$fm:meta])* $field:ident : $ty:ty),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Default, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(remote = "Self", deny_unknown_fields)]
        pub struct $name {
            $($(#[$fm])* #[serde(default, skip_serializing_if = "Option::is_none")] pub $field: $ty),+
        }
        impl $name {
            /// Every field unknown.
            pub const EMPTY: $name = $name { $($field: None),+ };
        }
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $name::serialize(self, s)
            }
        }
        impl $crate::facts::FromObject for $name {
            fn from_object<'de, A: ::serde::de::MapAccess<'de>>(map: A) -> Result<Self, A::Error> {
                $name::deserialize(::serde::de::value::MapAccessDeserializer::new(map))
            }
        }
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_map($crate::facts::ObjectOnly::<$name>(::std::marker::PhantomData))
            }
        }
    };
}

facts_struct!(
    /// One case's facts document.
    Facts {
        #[serde(deserialize_with = "de_date")]
        as_of: Option<Date>,
        applicant: Option<Applicant>,
        arrivals: Option<Vec<Arrival>>,
        application: Option<Application>,
        exceptions: Option<Vec<Exception>>,
        harms: Option<Vec<Harm>>,
        groups: Option<Vec<Group>>,
        risk: Option<Risk>,
        torture: Option<Torture>,
        conduct: Option<Conduct>,
        resettlement: Option<Resettlement>,
        family: Option<Vec<FamilyMember>>,
        removal: Option<Removal>,
        /// The family-unity provision of 8 C.F.R. § 1208.33(c) applies.
        family_unity: Option<bool>,
        /// Every trip outside the United States (issue 20): counted for
        /// physical presence after the grant and before naturalization.
        trips: Option<Vec<Trip>>,
        /// What the law asks of an asylee after the grant (INA § 209(b); § 208(c)(2)).
        after_grant: Option<AfterGrant>,
    }
);

facts_struct!(Applicant {
    #[serde(deserialize_with = "de_date")]
    birth_date: Option<Date>,
    nationality: Option<Vec<Country>>,
    habitual_residence: Option<Country>,
    location: Option<Location>,
    current_country: Option<Country>,
    unaccompanied_child: Option<bool>,
});

facts_struct!(Arrival {
    #[serde(deserialize_with = "de_date")]
    date: Option<Date>,
    manner: Option<Manner>,
    border: Option<Border>,
    from_country: Option<Country>,
    transit_countries: Option<Vec<Country>>,
    cbp_one_appointment: Option<bool>,
    protection_sought_in_transit: Option<TransitProtection>,
    stca_exception: Option<bool>,
    compelling_circumstances: Option<bool>,
    /// Held a valid visa or other admission document (an exception of the
    /// Safe Third Country Agreement, 8 C.F.R. § 208.30(e)(6)(iii)).
    visa_or_admission_document: Option<bool>,
    /// Crossed between ports and was encountered within 14 days (88 Fed. Reg. 18,227).
    encountered_within_14_days: Option<bool>,
    /// Could not access or use the DHS scheduling system (8 C.F.R. § 208.33(a)(2)(ii)(B)).
    scheduling_system_unavailable: Option<bool>,
});

facts_struct!(Application {
    #[serde(deserialize_with = "de_date")]
    filed_on: Option<Date>,
    #[serde(deserialize_with = "de_date")]
    mailed_on: Option<Date>,
    forum: Option<Forum>,
    previously_denied: Option<bool>,
    clock_stopped_days: Option<u32>,
    #[serde(deserialize_with = "de_date")]
    granted_on: Option<Date>,
    #[serde(deserialize_with = "de_date")]
    adjusted_on: Option<Date>,
});

facts_struct!(Exception {
    kind: Option<ExceptionKind>,
    #[serde(deserialize_with = "de_date")]
    began: Option<Date>,
    #[serde(deserialize_with = "de_date")]
    ended: Option<Date>,
    reasonable_delay: Option<bool>,
});

facts_struct!(Harm {
    id: Option<String>,
    when: Option<When>,
    #[serde(deserialize_with = "de_date")]
    date: Option<Date>,
    kind: Option<HarmKind>,
    target: Option<Target>,
    detention_days: Option<u32>,
    injured: Option<bool>,
    severe: Option<bool>,
    actor: Option<Actor>,
    authorities: Option<Authorities>,
    grounds: Option<Vec<GroundClaim>>,
    /// What happened (or is feared), in the client's words: for the
    /// practitioner and the declaration. No rule reads it.
    narrative: Option<String>,
});

facts_struct!(GroundClaim {
    ground: Option<Ground>,
    central: Option<bool>,
    imputed: Option<bool>,
    group: Option<String>,
});

facts_struct!(Group {
    id: Option<String>,
    definition: Option<String>,
    immutable: Option<bool>,
    particular: Option<bool>,
    socially_distinct: Option<bool>,
});

facts_struct!(Risk {
    afraid: Option<bool>,
    persecution_likelihood: Option<Likelihood>,
    persecutor_aware: Option<bool>,
    persecutor_capable: Option<bool>,
    persecutor_inclined: Option<bool>,
    pattern_or_practice: Option<bool>,
    conditions_changed: Option<bool>,
    relocation_possible: Option<bool>,
    relocation_reasonable: Option<bool>,
    severe_past_persecution: Option<bool>,
    other_serious_harm: Option<bool>,
    cumulative_past_harm_severe: Option<bool>,
    /// With two or more nationalities: the fear holds as to each (Matter of B-R-).
    fear_in_every_nationality: Option<bool>,
});

facts_struct!(Torture { likelihood: Option<TortureLikelihood>, official_role: Option<OfficialRole> });

facts_struct!(Conduct {
    persecuted_others: Option<bool>,
    aggravated_felony: Option<bool>,
    particularly_serious_crime: Option<bool>,
    sentence_years: Option<f64>,
    serious_nonpolitical_crime: Option<bool>,
    danger_to_security: Option<bool>,
    terrorist_activity: Option<bool>,
    /// The aggravated felony is illicit trafficking in a controlled substance.
    drug_trafficking: Option<bool>,
});

facts_struct!(
    /// The applicant's removal history.
    Removal {
        /// Now in removal proceedings before an immigration judge.
        in_proceedings: Option<bool>,
        /// Ever ordered removed, deported or excluded.
        prior_order: Option<bool>,
        /// DHS reinstated a prior order (INA § 241(a)(5)).
        reinstated: Option<bool>,
        /// An earlier application was found frivolous (INA § 208(d)(6)).
        frivolous_finding: Option<bool>,
    }
);

facts_struct!(Resettlement {
    offered_permanent_status: Option<bool>,
    country: Option<Country>,
    stay_necessary_for_flight: Option<bool>,
    restrictive_conditions: Option<bool>,
});

facts_struct!(FamilyMember {
    id: Option<String>,
    relation: Option<Relation>,
    #[serde(deserialize_with = "de_date")]
    birth_date: Option<Date>,
    married: Option<bool>,
    #[serde(deserialize_with = "de_date")]
    relationship_began: Option<Date>,
    conceived_before_grant: Option<bool>,
    in_us: Option<bool>,
    on_application: Option<bool>,
    /// The day the principal's Form I-730 for this member was filed (received).
    #[serde(deserialize_with = "de_date")]
    i730_filed_on: Option<Date>,
    /// Humanitarian reasons excuse a Form I-730 filed after the two-year
    /// window (8 C.F.R. § 208.21(d)): the practitioner's judgment.
    humanitarian_reasons: Option<bool>,
    /// The day the member became an asylee through the principal: admitted
    /// to the United States on an approved Form I-730, or its approval for a
    /// member already here. Their own year before adjustment runs from it.
    #[serde(deserialize_with = "de_date")]
    asylee_since: Option<Date>,
    /// The day the member's own Form I-485 (as an asylee) was approved.
    #[serde(deserialize_with = "de_date")]
    adjusted_on: Option<Date>,
});

facts_struct!(
    /// One trip outside the United States.
    Trip {
        #[serde(deserialize_with = "de_date")]
        departed: Option<Date>,
        /// Absent: not back yet (abroad on `as_of`).
        #[serde(deserialize_with = "de_date")]
        returned: Option<Date>,
        /// The countries visited.
        countries: Option<Vec<Country>>,
        /// The document the trip was made on.
        document: Option<TravelDocument>,
        /// For an absence of more than six months before naturalization:
        /// evidence rebuts the presumption that continuous residence was
        /// broken (8 C.F.R. § 316.5(c)(1)(i)): the practitioner's judgment.
        residence_kept: Option<bool>,
    }
);

facts_struct!(
    /// What the law asks of an asylee after the grant.
    AfterGrant {
        /// Still a refugee within INA § 101(a)(42), or the spouse or child of one (INA § 209(b)(3)).
        still_refugee: Option<bool>,
        /// Firmly resettled in a foreign country since (INA § 209(b)(4)).
        firmly_resettled: Option<bool>,
        /// A ground of inadmissibility of INA § 212(a) applies.
        inadmissible: Option<bool>,
        /// Each such ground can be waived under INA § 209(c) (Form I-602).
        ground_waivable: Option<bool>,
        /// Renewed, obtained or used a passport of a country of nationality since the grant.
        passport_renewed: Option<bool>,
        /// Voluntarily re-availed oneself of the protection of a country of
        /// nationality, returning there with permanent residence or a
        /// reasonable possibility of it (INA § 208(c)(2)(D)).
        protection_availed: Option<bool>,
    }
);

/// A validated case: the facts, the date the assessment speaks for, and the
/// ids by which harms, groups and family members are addressed.
///
/// Build one with [`Case::from_json`] or [`Case::new`]; a `Case` always passed
/// every check of `spec/facts.md`. Its fields are private, so its facts
/// change only through [`Case::set`], which checks them; this does not compile:
///
/// ```compile_fail
/// let mut case = refuge_engine::Case::empty(jiff::civil::date(2026, 1, 1));
/// case.facts = refuge_engine::facts::Facts::EMPTY;
/// ```
#[derive(Debug, Clone)]
pub struct Case {
    facts: Facts,
    as_of: Date,
    /// `harms[i]`'s id: its own, or its index when it has none.
    harm_ids: Vec<String>,
    group_ids: Vec<String>,
    family_ids: Vec<String>,
}

impl Case {
    /// The checked facts. A case's facts change only through [`Case::set`],
    /// which checks them: a `Case` is valid by construction.
    #[inline]
    pub fn facts(&self) -> &Facts {
        &self.facts
    }

    /// The date the case is assessed on (`as_of`, or the day that stood in for it).
    #[inline]
    pub fn as_of(&self) -> Date {
        self.as_of
    }

    /// `harms[i]`'s id: its own, or its index when it has none.
    #[inline]
    pub fn harm_ids(&self) -> &[String] {
        &self.harm_ids
    }

    /// `groups[i]`'s id: its own, or its index when it has none.
    #[inline]
    pub fn group_ids(&self) -> &[String] {
        &self.group_ids
    }

    /// `family[i]`'s id: its own, or its index when it has none.
    #[inline]
    pub fn family_ids(&self) -> &[String] {
        &self.family_ids
    }

    /// Parses and checks a facts document. `today` stands in for an absent `as_of`.
    ///
    /// # Errors
    /// An [`InputError`] naming the JSON path and the problem.
    pub fn from_json(json: &str, today: Date) -> Result<Case, InputError> {
        // > One JSON object per case (spec/facts.md). serde would also read a struct from an array.
        if !json.trim_start().starts_with('{') {
            return Err(InputError::new(
                "",
                "a facts document must be one JSON object ({ ... })",
            ));
        }
        Case::new(parse_json(json)?, today)
    }

    /// Checks a facts document already in memory (see [`Case::from_json`]).
    ///
    /// # Errors
    /// An [`InputError`] naming the JSON path and the problem.
    pub fn new(facts: Facts, today: Date) -> Result<Case, InputError> {
        let mut case = Case::empty(today);
        case.set(facts, today)?;
        Ok(case)
    }

    /// A case with no facts, as of `as_of`.
    pub fn empty(as_of: Date) -> Case {
        Case {
            facts: Facts::EMPTY,
            as_of,
            harm_ids: Vec::new(),
            group_ids: Vec::new(),
            family_ids: Vec::new(),
        }
    }

    /// [`Case::new`] in place of this case (a caseload's reader fills the
    /// same few cases row after row, rather than moving each new one into
    /// place). On an error, the case is left with no facts.
    ///
    /// # Errors
    /// An [`InputError`] naming the JSON path and the problem.
    pub fn set(&mut self, facts: Facts, today: Date) -> Result<(), InputError> {
        let set = (|| {
            self.as_of = facts.as_of.unwrap_or(today);
            self.harm_ids = ids("harms", facts.harms.as_deref().unwrap_or(&[]), |h| {
                h.id.as_deref()
            })?;
            self.group_ids = ids("groups", facts.groups.as_deref().unwrap_or(&[]), |g| {
                g.id.as_deref()
            })?;
            self.family_ids = ids("family", facts.family.as_deref().unwrap_or(&[]), |m| {
                m.id.as_deref()
            })?;
            self.facts = facts;
            self.check()
        })();
        if set.is_err() {
            *self = Case::empty(today);
        }
        set
    }

    fn check(&self) -> Result<(), InputError> {
        let f = &self.facts;
        // The path is written only for an error: this runs for every row of a caseload.
        let past = |path: &dyn Fn() -> String, d: Option<Date>| -> Result<(), InputError> {
            match d {
                Some(d) if d > self.as_of => Err(InputError::new(
                    path(),
                    format!(
                        "{d} is after as_of {}; this date must be in the past",
                        self.as_of
                    ),
                )),
                _ => Ok(()),
            }
        };
        // Lists no real case comes near, refused with the field named: a
        // document of 20,000 groups once took half a minute to assess (issue
        // 15). Each bound is far above any case's, and below `logic::Need`'s
        // index range (`MAX_ENTRIES`).
        let too_many = |path: String, n: usize, most: usize| {
            InputError::new(path, format!("{n} entries; a case lists at most {most}"))
        };
        for (path, n, most) in [
            ("arrivals", f.arrivals().len(), MAX_ARRIVALS),
            ("exceptions", f.exceptions().len(), MAX_EXCEPTIONS),
            ("harms", f.harms().len(), MAX_HARMS),
            ("groups", f.groups().len(), MAX_GROUPS),
            ("family", f.family().len(), MAX_FAMILY),
            ("trips", f.trips().len(), MAX_TRIPS),
        ] {
            if n > most {
                return Err(too_many(path.into(), n, most));
            }
        }
        for (h, harm) in f.harms().iter().enumerate() {
            let n = harm.grounds.as_deref().map_or(0, <[_]>::len);
            if n > MAX_GROUNDS {
                return Err(too_many(
                    format!("harms[{}].grounds", self.harm_ids[h]),
                    n,
                    MAX_GROUNDS,
                ));
            }
        }
        let a = f.applicant();
        past(&|| "applicant.birth_date".into(), a.birth_date)?;
        for (i, arr) in f.arrivals().iter().enumerate() {
            past(&|| format!("arrivals[{i}].date"), arr.date)?;
        }
        let app = f.application();
        for (name, d) in [
            ("filed_on", app.filed_on),
            ("mailed_on", app.mailed_on),
            ("granted_on", app.granted_on),
            ("adjusted_on", app.adjusted_on),
        ] {
            past(&|| format!("application.{name}"), d)?;
        }
        // > amendments-2026-12.md A: a grant before the filing, or an adjustment
        // > before the grant, is an error naming the later field.
        for (later, name, earlier, earlier_name) in [
            (app.granted_on, "granted_on", app.filed_on, "filed_on"),
            (app.adjusted_on, "adjusted_on", app.granted_on, "granted_on"),
        ] {
            if let (Some(l), Some(e)) = (later, earlier)
                && l < e
            {
                return Err(InputError::new(
                    format!("application.{name}"),
                    format!("{l} is before application.{earlier_name} {e}"),
                ));
            }
        }
        for (i, e) in f.exceptions().iter().enumerate() {
            past(&|| format!("exceptions[{i}].began"), e.began)?;
            past(&|| format!("exceptions[{i}].ended"), e.ended)?;
            if let (Some(b), Some(en)) = (e.began, e.ended)
                && en < b
            {
                return Err(InputError::new(
                    format!("exceptions[{i}].ended"),
                    format!("{en} is before began {b}"),
                ));
            }
        }
        if let Some(c) = f.conduct.as_ref().and_then(|c| c.sentence_years)
            && !(c.is_finite() && (0.0..=MAX_YEARS).contains(&c))
        {
            return Err(InputError::new(
                "conduct.sentence_years",
                format!("must be a number of years from 0 to {MAX_YEARS}"),
            ));
        }
        // Counts of days no case comes near are refused: the date arithmetic
        // they feed stays far inside the calendar (issue 15: 7,304,305 days
        // of stopped clock overflowed it).
        let days = |path: String, n: Option<u32>| match n {
            Some(n) if n > MAX_DAYS => Err(InputError::new(
                path,
                format!("{n} days; at most {MAX_DAYS} (100 years)"),
            )),
            _ => Ok(()),
        };
        days(
            "application.clock_stopped_days".into(),
            f.application().clock_stopped_days,
        )?;
        for (i, h) in f.harms().iter().enumerate() {
            days(
                format!("harms[{}].detention_days", self.harm_ids[i]),
                h.detention_days,
            )?;
        }
        // The defined groups, gathered at the first ground that names one.
        let mut groups: Option<HashSet<&str>> = None;
        for (i, h) in f.harms().iter().enumerate() {
            if h.when == Some(When::Past) {
                past(&|| format!("harms[{i}].date"), h.date)?;
            }
            for (j, g) in h.grounds.as_deref().unwrap_or(&[]).iter().enumerate() {
                if let Some(id) = &g.group
                    && !groups
                        .get_or_insert_with(|| self.group_ids.iter().map(String::as_str).collect())
                        .contains(id.as_str())
                {
                    return Err(InputError::new(
                        format!("harms[{i}].grounds[{j}].group"),
                        format!("group {id:?} is not defined in groups"),
                    ));
                }
            }
        }
        for (i, m) in f.family().iter().enumerate() {
            past(&|| format!("family[{i}].birth_date"), m.birth_date)?;
            past(
                &|| format!("family[{i}].relationship_began"),
                m.relationship_began,
            )?;
            past(&|| format!("family[{i}].i730_filed_on"), m.i730_filed_on)?;
            past(&|| format!("family[{i}].asylee_since"), m.asylee_since)?;
            past(&|| format!("family[{i}].adjusted_on"), m.adjusted_on)?;
            if let (Some(adjusted), Some(since)) = (m.adjusted_on, m.asylee_since)
                && adjusted < since
            {
                return Err(InputError::new(
                    format!("family[{i}].adjusted_on"),
                    format!("{adjusted} is before family[{i}].asylee_since {since}"),
                ));
            }
            // > 8 C.F.R. § 208.21(d): a petition is filed by an asylee: not before the grant.
            if let (Some(filed), Some(granted)) = (m.i730_filed_on, app.granted_on)
                && filed < granted
            {
                return Err(InputError::new(
                    format!("family[{i}].i730_filed_on"),
                    format!(
                        "{filed} is before application.granted_on {granted}: Form I-730 is filed after the grant"
                    ),
                ));
            }
        }
        for (i, t) in f.trips().iter().enumerate() {
            past(&|| format!("trips[{i}].departed"), t.departed)?;
            past(&|| format!("trips[{i}].returned"), t.returned)?;
        }
        self.check_trips()
    }

    /// Each trip returns on or after it departed, and no two trips overlap
    /// (a person is abroad on one trip at a time); the error names the field.
    fn check_trips(&self) -> Result<(), InputError> {
        let trips = self.facts.trips();
        if trips.is_empty() {
            return Ok(());
        }
        let mut spans = Vec::with_capacity(trips.len());
        for (i, t) in trips.iter().enumerate() {
            match (t.departed, t.returned) {
                (Some(d), Some(r)) if r < d => {
                    return Err(InputError::new(
                        format!("trips[{i}].returned"),
                        format!("{r} is before departed {d}"),
                    ));
                }
                (None, Some(_)) => {
                    return Err(InputError::new(
                        format!("trips[{i}].departed"),
                        "a trip with a return date needs its departure date",
                    ));
                }
                (Some(d), r) => spans.push((d, r.unwrap_or(self.as_of), i)),
                (None, None) => {}
            }
        }
        spans.sort_unstable();
        for w in spans.windows(2) {
            let ((_, end, a), (start, _, b)) = (w[0], w[1]);
            // A return and a new departure on the same day do not overlap.
            if start < end {
                return Err(InputError::new(
                    format!("trips[{b}].departed"),
                    format!(
                        "{start} is during trips[{a}] (abroad until {end}): trips must not overlap"
                    ),
                ));
            }
        }
        Ok(())
    }

    /// The arrival with the latest known date (the "last arrival"), with its index.
    pub fn last_arrival(&self) -> Option<(usize, &Arrival, Date)> {
        self.facts
            .arrivals()
            .iter()
            .enumerate()
            .filter_map(|(i, a)| a.date.map(|d| (i, a, d)))
            .max_by_key(|&(i, _, d)| (d, std::cmp::Reverse(i)))
    }
}

/// Parses a JSON document into `T` strictly, an error naming the JSON path of
/// the offending field (`harms[1].kind`): for the facts, and for documents
/// that hold them (the application's case document).
///
/// # Errors
/// An [`InputError`] with the path (empty for the document itself) and the problem.
pub fn parse_json<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, InputError> {
    // The fast path; on an error, parse again tracking the path to name the field.
    if let Ok(value) = serde_json::from_str::<T>(json) {
        return Ok(value);
    }
    let de = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let field = e.path().to_string();
        let field = if field == "." { String::new() } else { field };
        let inner = e.inner();
        // A syntax error keeps its line and column; a data error has its path.
        let message = match inner.classify() {
            serde_json::error::Category::Data => strip_position(&inner.to_string()),
            _ => inner.to_string(),
        };
        InputError::new(field, message)
    })
}

fn ids<T>(
    list: &str,
    items: &[T],
    id: impl Fn(&T) -> Option<&str>,
) -> Result<Vec<String>, InputError> {
    if items.is_empty() {
        return Ok(Vec::new());
    }
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let own = id(item);
        if own.is_some_and(|s| s.trim().is_empty()) {
            return Err(InputError::new(
                format!("{list}[{i}].id"),
                "an id must not be empty",
            ));
        }
        // An id travels into deadline ids, addresses and calendar feeds:
        // letters, digits, `-`, `_` and `.` only (issue 15: a line break in
        // an id once reached a calendar's UID line).
        if let Some(bad) = own.and_then(|s| {
            s.chars()
                .find(|c| !(c.is_alphanumeric() || matches!(c, '-' | '_' | '.')))
                .or_else(|| (s.chars().count() > 64).then_some('…'))
        }) {
            return Err(InputError::new(
                format!("{list}[{i}].id"),
                format!(
                    "{bad:?} is not allowed in an id: use at most 64 letters, digits, '-', '_' or '.'"
                ),
            ));
        }
        let id = own.map(str::to_owned).unwrap_or_else(|| i.to_string());
        if !seen.insert(id.clone()) {
            return Err(InputError::new(
                format!("{list}[{i}].id"),
                format!("id {id:?} is used twice in {list}"),
            ));
        }
        out.push(id);
    }
    Ok(out)
}

/// A data error's message without serde's trailing position: the path says where.
fn strip_position(m: &str) -> String {
    match m.rfind(" at line ") {
        Some(i) if m[i..].contains(" column ") => m[..i].to_string(),
        _ => m.to_string(),
    }
}

impl Facts {
    pub fn applicant(&self) -> &Applicant {
        self.applicant.as_ref().unwrap_or(&Applicant::EMPTY)
    }
    pub fn application(&self) -> &Application {
        self.application.as_ref().unwrap_or(&Application::EMPTY)
    }
    pub fn risk(&self) -> &Risk {
        self.risk.as_ref().unwrap_or(&Risk::EMPTY)
    }
    pub fn torture(&self) -> &Torture {
        self.torture.as_ref().unwrap_or(&Torture::EMPTY)
    }
    pub fn conduct(&self) -> &Conduct {
        self.conduct.as_ref().unwrap_or(&Conduct::EMPTY)
    }
    pub fn resettlement(&self) -> &Resettlement {
        self.resettlement.as_ref().unwrap_or(&Resettlement::EMPTY)
    }
    pub fn arrivals(&self) -> &[Arrival] {
        self.arrivals.as_deref().unwrap_or(&[])
    }
    pub fn exceptions(&self) -> &[Exception] {
        self.exceptions.as_deref().unwrap_or(&[])
    }
    pub fn harms(&self) -> &[Harm] {
        self.harms.as_deref().unwrap_or(&[])
    }
    pub fn groups(&self) -> &[Group] {
        self.groups.as_deref().unwrap_or(&[])
    }
    pub fn family(&self) -> &[FamilyMember] {
        self.family.as_deref().unwrap_or(&[])
    }
    pub fn removal(&self) -> &Removal {
        self.removal.as_ref().unwrap_or(&Removal::EMPTY)
    }
    pub fn trips(&self) -> &[Trip] {
        self.trips.as_deref().unwrap_or(&[])
    }
    pub fn after_grant(&self) -> &AfterGrant {
        self.after_grant.as_ref().unwrap_or(&AfterGrant::EMPTY)
    }
}
