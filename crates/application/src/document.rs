//! The application document: what Form I-589 asks that the facts do not hold
//! (`docs/application.md`).
//!
//! Each fact is entered once. The facts document (`refuge_engine::Facts`)
//! already holds the applicant's birth date and nationality, the arrivals, the
//! spouse and children with their dates, the harms and the bars' facts; the
//! application holds the rest, and refers to the facts' entries rather than
//! copying them: an A.II member names its `family` id, a A.I.19.c entry its
//! `arrival` index.
//!
//! Every field is optional (absent: not answered yet). Parsing is strict, as
//! the facts' is: an unknown field, a bad value or an impossible date is an
//! [`InputError`] naming the JSON path.

use std::fmt;

use jiff::civil::Date;
use refuge_engine::InputError;
use refuge_engine::facts::{Country, parse_date};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The most rows of each list of the application.
pub const MAX_ROWS: usize = 100;

macro_rules! choice {
    ($(#[$m:meta])* $name:ident { $($var:ident = $s:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($var),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$var),+];
            pub fn as_str(self) -> &'static str { match self { $($name::$var => $s),+ } }
        }
    };
}

choice!(YesNo { Yes = "yes", No = "no" });
choice!(Gender { Male = "male", Female = "female" });
choice!(MaritalStatus { Single = "single", Married = "married", Divorced = "divorced", Widowed = "widowed" });
choice!(
    /// A.I.18: never in immigration court proceedings, in them now, or in the past.
    Court { Never = "never", Now = "now", Past = "past" }
);
choice!(
    /// B.1: why the applicant applies.
    Basis {
        Race = "race",
        Religion = "religion",
        Nationality = "nationality",
        PoliticalOpinion = "political_opinion",
        ParticularSocialGroup = "particular_social_group",
        TortureConvention = "torture_convention",
    }
);

/// What a box holds when it has no value: the form's "N/A", "None" or "Unknown".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mark {
    NotApplicable,
    None,
    Unknown,
}

impl Mark {
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::NotApplicable => "N/A",
            Mark::None => "None",
            Mark::Unknown => "Unknown",
        }
    }
    fn parse(s: &str) -> Option<Mark> {
        match s {
            "N/A" => Some(Mark::NotApplicable),
            "None" => Some(Mark::None),
            "Unknown" => Some(Mark::Unknown),
            _ => None,
        }
    }
}

/// A date item (mm/dd/yyyy on the form): a date, or a [`Mark`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateAnswer {
    Date(Date),
    Mark(Mark),
}

impl DateAnswer {
    pub fn date(self) -> Option<Date> {
        match self {
            DateAnswer::Date(d) => Some(d),
            DateAnswer::Mark(_) => None,
        }
    }
}

impl Serialize for DateAnswer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            DateAnswer::Date(d) => s.collect_str(d),
            DateAnswer::Mark(m) => s.serialize_str(m.as_str()),
        }
    }
}

impl<'de> Deserialize<'de> for DateAnswer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if let Some(m) = Mark::parse(&s) {
            return Ok(DateAnswer::Mark(m));
        }
        parse_date(&s)
            .map(DateAnswer::Date)
            .map_err(|e| serde::de::Error::custom(format!("{e}, \"N/A\", \"None\" or \"Unknown\"")))
    }
}

/// A day of a history row (Mo/Yr on the form): `YYYY-MM`, or `YYYY-MM-DD`
/// where the day is known. A month stands for any day in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    /// The earliest day it may be.
    pub first: Date,
    /// The latest day it may be (the month's last day for a month).
    pub last: Date,
    exact: bool,
}

impl Day {
    pub fn parse(s: &str) -> Result<Day, String> {
        if s.len() == 7 {
            let d = parse_date(&format!("{s}-01"))
                .map_err(|_| format!("{s:?} is not a month of the form YYYY-MM"))?;
            return Ok(Day {
                first: d,
                last: d.last_of_month(),
                exact: false,
            });
        }
        let d = parse_date(s).map_err(|_| {
            format!("{s:?} is not a month YYYY-MM or a date YYYY-MM-DD (no such day)")
        })?;
        Ok(Day {
            first: d,
            last: d,
            exact: true,
        })
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.exact {
            write!(f, "{}", self.first)
        } else {
            write!(f, "{}", &self.first.to_string()[..7])
        }
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Day::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// The end of a history row: a [`Day`], or `"present"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Until {
    Day(Day),
    Present,
}

impl Serialize for Until {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Until::Day(d) => d.serialize(s),
            Until::Present => s.serialize_str("present"),
        }
    }
}

impl<'de> Deserialize<'de> for Until {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        if s == "present" {
            return Ok(Until::Present);
        }
        Day::parse(&s)
            .map(Until::Day)
            .map_err(|e| serde::de::Error::custom(format!("{e}, or \"present\"")))
    }
}

fn de_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) => parse_date(&s).map(Some).map_err(serde::de::Error::custom),
    }
}

/// A struct of the document: every field optional, unknown fields refused.
macro_rules! doc_struct {
    ($(#[$m:meta])* $name:ident { $($(#[$fm:meta])* $field:ident : $ty:ty),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $($(#[$fm])* #[serde(default, skip_serializing_if = "Option::is_none")] pub $field: Option<$ty>),+
        }
    };
}

doc_struct!(
    /// The application: Form I-589 less what the facts hold.
    Application {
        part_a1: PartA1,
        part_a2: PartA2,
        part_a3: PartA3,
        part_b: PartB,
        part_c: PartC,
        part_d: PartD,
        part_e: PartE,
        supplement_b: Vec<Continuation>,
    }
);

doc_struct!(
    /// Part A.I, about the applicant. Date of birth (12) and present
    /// nationality (14) are the facts' `applicant.birth_date` and
    /// `applicant.nationality`; the entries' dates (19.c) are `arrivals[].date`.
    PartA1 {
        /// The box at the top of page 1: also applying for withholding under the Convention Against Torture.
        also_cat: bool,
        a_number: String,
        ssn: String,
        uscis_account: String,
        last_name: String,
        first_name: String,
        middle_name: String,
        other_names: String,
        residence: UsAddress,
        /// Item 9 answered "same as item 8".
        mailing_same: bool,
        mailing_address: UsAddress,
        gender: Gender,
        marital_status: MaritalStatus,
        city_of_birth: String,
        country_of_birth: String,
        nationality_at_birth: String,
        race_ethnic_tribal: String,
        religion: String,
        court: Court,
        left_country_on: DateAnswer,
        i94_number: String,
        entries: Vec<Entry>,
        passport_country: String,
        passport_number: String,
        travel_document_number: String,
        passport_expires: DateAnswer,
        native_language: String,
        fluent_english: YesNo,
        other_languages: String,
    }
);

doc_struct!(
    /// An address in the United States (A.I.8, A.I.9, Part E).
    UsAddress {
        in_care_of: String,
        street: String,
        apt: String,
        city: String,
        state: String,
        zip: String,
        phone: String,
    }
);

doc_struct!(
    /// A.I.19.c: what the form asks of an arrival that the facts do not hold.
    Entry {
        /// The index of the arrival in the facts' `arrivals`.
        arrival: usize,
        place: String,
        status: String,
        status_expires: DateAnswer,
    }
);

doc_struct!(
    /// Part A.II. The facts' `family` is the list of spouse and children;
    /// `members` holds, for each by its id, what the facts lack.
    PartA2 {
        /// "I have children" (yes) or "I do not have any children" (no).
        has_children: YesNo,
        members: Vec<Member>,
    }
);

doc_struct!(
    /// A.II, one spouse or child, keyed by the facts' family id. The facts hold
    /// the relation, date of birth, date of marriage (`relationship_began`),
    /// whether in the U.S. and whether included (`on_application`).
    Member {
        family: String,
        a_number: String,
        passport: String,
        ssn: String,
        last_name: String,
        first_name: String,
        middle_name: String,
        other_names: String,
        marital_status: MaritalStatus,
        place_of_marriage: String,
        city_country_of_birth: String,
        nationality: String,
        race_ethnic_tribal: String,
        gender: Gender,
        location: String,
        last_entry_place: String,
        last_entry_date: DateAnswer,
        i94_number: String,
        status_when_admitted: String,
        current_status: String,
        status_expires: DateAnswer,
        in_court: YesNo,
        previous_arrival: DateAnswer,
    }
);

doc_struct!(
    /// Part A.III, background.
    PartA3 {
        last_address_abroad: Place,
        /// Row 2 of A.III.1: the last address in the country of feared persecution, if the last one abroad is elsewhere.
        last_address_feared: Place,
        /// A.III.2, the present address first; `[]` is not an answer.
        addresses: Vec<Place>,
        /// A.III.3, the most recent school first; `[]` answers "None".
        education: Vec<School>,
        /// A.III.4, the present employment first; `[]` answers "None".
        employment: Vec<Job>,
        mother: Relative,
        father: Relative,
        /// `[]` answers "None".
        siblings: Vec<Relative>,
    }
);

doc_struct!(
    /// An address row with its dates.
    Place {
        street: String,
        city: String,
        province: String,
        /// ISO 3166-1 alpha-2 (the form prints the country's name).
        country: Country,
        from: Day,
        to: Until,
    }
);

doc_struct!(School {
    name: String,
    kind: String,
    location: String,
    from: Day,
    to: Until,
});

doc_struct!(Job {
    employer: String,
    occupation: String,
    from: Day,
    to: Until,
});

doc_struct!(Relative {
    name: String,
    birth_place: String,
    location: String,
    deceased: bool,
});

doc_struct!(
    /// A yes-or-no question with its explanation.
    Question {
        answer: YesNo,
        explanation: String,
    }
);

doc_struct!(
    /// Part B.
    PartB {
        grounds: Vec<Basis>,
        q1a: Question,
        q1b: Question,
        q2: Question,
        q3a: Question,
        q3b: Question,
        q4: Question,
    }
);

doc_struct!(
    /// Part C. C.5's answer is the engine's (`asylum.one_year`): only its explanation is entered.
    PartC {
        q1: Question,
        q2a: Question,
        q2b: Question,
        q3: Question,
        q4: Question,
        q5: Explained,
        q6: Question,
    }
);

doc_struct!(Explained {
    explanation: String
});

doc_struct!(
    /// Part D, the applicant's signature.
    PartD {
        printed_name: String,
        native_alphabet_name: String,
        family_assisted: YesNo,
        assisted_by: Vec<Helper>,
        someone_else_prepared: YesNo,
        given_legal_list: YesNo,
        signed: bool,
        #[serde(deserialize_with = "de_date")]
        signed_on: Date,
    }
);

doc_struct!(Helper {
    name: String,
    relationship: String,
});

doc_struct!(
    /// Part E, the preparer (when someone other than the applicant, spouse, parent or child prepared the form).
    PartE {
        name: String,
        phone: String,
        address: UsAddress,
        g28_attached: bool,
        bar_number: String,
        uscis_account: String,
        signed: bool,
        #[serde(deserialize_with = "de_date")]
        signed_on: Date,
    }
);

doc_struct!(
    /// A Supplement B page: the continuation of an answer.
    Continuation {
        part: String,
        question: String,
        text: String,
    }
);

/// Errors a reference to the facts can have, found after parsing.
pub(crate) fn err(path: impl Into<String>, message: impl Into<String>) -> InputError {
    InputError {
        field: path.into(),
        message: message.into(),
    }
}
