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
use refuge_engine::facts_struct;
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
/// where the day is known. A month stands for any day in it. The timeline's
/// dates ([`Day::parse_partial`]) may also be a year alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    /// The earliest day it may be.
    pub first: Date,
    /// The latest day it may be (the month's last day for a month).
    pub last: Date,
    precision: Precision,
}

/// How much of a [`Day`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Precision {
    Year,
    Month,
    Day,
}

impl Day {
    pub fn parse(s: &str) -> Result<Day, String> {
        if s.len() == 7 {
            let d = parse_date(&format!("{s}-01"))
                .map_err(|_| format!("{s:?} is not a month of the form YYYY-MM"))?;
            return Ok(Day {
                first: d,
                last: d.last_of_month(),
                precision: Precision::Month,
            });
        }
        let d = parse_date(s).map_err(|_| {
            format!("{s:?} is not a month YYYY-MM or a date YYYY-MM-DD (no such day)")
        })?;
        Ok(Day {
            first: d,
            last: d,
            precision: Precision::Day,
        })
    }

    /// A date of the timeline, as a source gives it: `YYYY`, `YYYY-MM` or
    /// `YYYY-MM-DD`. A year stands for any day in it.
    ///
    /// # Errors
    /// What is wrong with `s`, in words.
    pub fn parse_partial(s: &str) -> Result<Day, String> {
        const WANT: &str = "is not a year YYYY, a month YYYY-MM or a date YYYY-MM-DD";
        if s.len() == 4 {
            let d = parse_date(&format!("{s}-01-01")).map_err(|_| format!("{s:?} {WANT}"))?;
            return Ok(Day {
                first: d,
                last: d.last_of_year(),
                precision: Precision::Year,
            });
        }
        Day::parse(s).map_err(|_| format!("{s:?} {WANT} (no such day)"))
    }

    /// Whether the two may be the same day (their spans meet).
    pub fn may_equal(self, other: Day) -> bool {
        self.first <= other.last && other.first <= self.last
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.first.to_string();
        match self.precision {
            Precision::Day => f.write_str(&s),
            Precision::Month => f.write_str(&s[..7]),
            Precision::Year => f.write_str(&s[..4]),
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

facts_struct!(
    /// The application: Form I-589 less what the facts hold.
    Application {
        part_a1: Option<PartA1>,
        part_a2: Option<PartA2>,
        part_a3: Option<PartA3>,
        part_b: Option<PartB>,
        part_c: Option<PartC>,
        part_d: Option<PartD>,
        part_e: Option<PartE>,
        supplement_b: Option<Vec<Continuation>>,
        /// Not an item of the form: the story, event by event, with what each
        /// source says of it (`docs/application.md#the-timeline`).
        timeline: Option<Timeline>,
        /// Not an item of the form: the status of each piece of evidence of
        /// the checklist (`form/evidence.toml`, `docs/application.md#the-evidence-checklist`).
        evidence: Option<Vec<EvidenceEntry>>,
    }
);

facts_struct!(
    /// Part A.I, about the applicant. Date of birth (12) and present
    /// nationality (14) are the facts' `applicant.birth_date` and
    /// `applicant.nationality`; the entries' dates (19.c) are `arrivals[].date`.
    PartA1 {
        /// The box at the top of page 1: also applying for withholding under the Convention Against Torture.
        also_cat: Option<bool>,
        a_number: Option<String>,
        ssn: Option<String>,
        uscis_account: Option<String>,
        last_name: Option<String>,
        first_name: Option<String>,
        middle_name: Option<String>,
        other_names: Option<String>,
        residence: Option<UsAddress>,
        /// Item 9 answered "same as item 8".
        mailing_same: Option<bool>,
        mailing_address: Option<UsAddress>,
        gender: Option<Gender>,
        marital_status: Option<MaritalStatus>,
        city_of_birth: Option<String>,
        country_of_birth: Option<String>,
        nationality_at_birth: Option<String>,
        race_ethnic_tribal: Option<String>,
        religion: Option<String>,
        court: Option<Court>,
        left_country_on: Option<DateAnswer>,
        i94_number: Option<String>,
        entries: Option<Vec<Entry>>,
        passport_country: Option<String>,
        passport_number: Option<String>,
        travel_document_number: Option<String>,
        passport_expires: Option<DateAnswer>,
        native_language: Option<String>,
        fluent_english: Option<YesNo>,
        other_languages: Option<String>,
    }
);

facts_struct!(
    /// An address in the United States (A.I.8, A.I.9, Part E).
    UsAddress {
        in_care_of: Option<String>,
        street: Option<String>,
        apt: Option<String>,
        city: Option<String>,
        state: Option<String>,
        zip: Option<String>,
        phone: Option<String>,
    }
);

facts_struct!(
    /// A.I.19.c: what the form asks of an arrival that the facts do not hold.
    Entry {
        /// The index of the arrival in the facts' `arrivals`.
        arrival: Option<usize>,
        place: Option<String>,
        status: Option<String>,
        status_expires: Option<DateAnswer>,
    }
);

facts_struct!(
    /// Part A.II. The facts' `family` is the list of spouse and children;
    /// `members` holds, for each by its id, what the facts lack.
    PartA2 {
        /// "I have children" (yes) or "I do not have any children" (no).
        has_children: Option<YesNo>,
        members: Option<Vec<Member>>,
    }
);

facts_struct!(
    /// A.II, one spouse or child, keyed by the facts' family id. The facts hold
    /// the relation, date of birth, date of marriage (`relationship_began`),
    /// whether in the U.S. and whether included (`on_application`).
    Member {
        family: Option<String>,
        a_number: Option<String>,
        passport: Option<String>,
        ssn: Option<String>,
        last_name: Option<String>,
        first_name: Option<String>,
        middle_name: Option<String>,
        other_names: Option<String>,
        marital_status: Option<MaritalStatus>,
        place_of_marriage: Option<String>,
        city_country_of_birth: Option<String>,
        nationality: Option<String>,
        race_ethnic_tribal: Option<String>,
        gender: Option<Gender>,
        location: Option<String>,
        last_entry_place: Option<String>,
        last_entry_date: Option<DateAnswer>,
        i94_number: Option<String>,
        status_when_admitted: Option<String>,
        current_status: Option<String>,
        status_expires: Option<DateAnswer>,
        in_court: Option<YesNo>,
        previous_arrival: Option<DateAnswer>,
    }
);

facts_struct!(
    /// Part A.III, background.
    PartA3 {
        /// A.III.1: the last address before coming to the United States.
        last_address_abroad: Option<Place>,
        /// Row 2 of A.III.1: the last address in the country of feared persecution, if the last one abroad is elsewhere.
        last_address_feared: Option<Place>,
        /// A.III.2, the present address first; `[]` is not an answer.
        addresses: Option<Vec<Place>>,
        /// A.III.3, the most recent school first; `[]` answers "None".
        education: Option<Vec<School>>,
        /// A.III.4, the present employment first; `[]` answers "None".
        employment: Option<Vec<Job>>,
        /// A.III.5, the parents and siblings (a box for each who is deceased).
        mother: Option<Relative>,
        father: Option<Relative>,
        /// `[]` answers "None".
        siblings: Option<Vec<Relative>>,
    }
);

facts_struct!(
    /// An address row with its dates.
    Place {
        street: Option<String>,
        city: Option<String>,
        province: Option<String>,
        /// ISO 3166-1 alpha-2 (the form prints the country's name).
        country: Option<Country>,
        from: Option<Day>,
        to: Option<Until>,
    }
);

facts_struct!(School {
    name: Option<String>,
    kind: Option<String>,
    location: Option<String>,
    from: Option<Day>,
    to: Option<Until>,
});

facts_struct!(Job {
    employer: Option<String>,
    occupation: Option<String>,
    from: Option<Day>,
    to: Option<Until>,
});

facts_struct!(Relative {
    name: Option<String>,
    birth_place: Option<String>,
    location: Option<String>,
    deceased: Option<bool>,
});

facts_struct!(
    /// A yes-or-no question with its explanation.
    Question {
        answer: Option<YesNo>,
        explanation: Option<String>,
    }
);

facts_struct!(
    /// Part B.
    PartB {
        grounds: Option<Vec<Basis>>,
        q1a: Option<Question>,
        q1b: Option<Question>,
        q2: Option<Question>,
        q3a: Option<Question>,
        q3b: Option<Question>,
        q4: Option<Question>,
    }
);

facts_struct!(
    /// Part C. C.5's answer is the engine's (`asylum.one_year`): only its explanation is entered.
    PartC {
        q1: Option<Question>,
        q2a: Option<Question>,
        q2b: Option<Question>,
        q3: Option<Question>,
        q4: Option<Question>,
        q5: Option<Explained>,
        q6: Option<Question>,
    }
);

facts_struct!(Explained {
    explanation: Option<String>,
});

facts_struct!(
    /// Part D, the applicant's signature.
    PartD {
        printed_name: Option<String>,
        native_alphabet_name: Option<String>,
        family_assisted: Option<YesNo>,
        assisted_by: Option<Vec<Helper>>,
        someone_else_prepared: Option<YesNo>,
        given_legal_list: Option<YesNo>,
        signed: Option<bool>,
        #[serde(deserialize_with = "de_date")]
        signed_on: Option<Date>,
    }
);

facts_struct!(Helper {
    name: Option<String>,
    relationship: Option<String>,
});

facts_struct!(
    /// Part E, the preparer (when someone other than the applicant, spouse, parent or child prepared the form).
    PartE {
        name: Option<String>,
        phone: Option<String>,
        address: Option<UsAddress>,
        g28_attached: Option<bool>,
        bar_number: Option<String>,
        uscis_account: Option<String>,
        signed: Option<bool>,
        #[serde(deserialize_with = "de_date")]
        signed_on: Option<Date>,
    }
);

facts_struct!(
    /// A Supplement B page: the continuation of an answer.
    Continuation {
        part: Option<String>,
        question: Option<String>,
        text: Option<String>,
    }
);

fn de_partial<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Day>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(s) => Day::parse_partial(&s)
            .map(Some)
            .map_err(serde::de::Error::custom),
    }
}

choice!(
    /// What a source of the timeline is. The border and credible-fear records
    /// are weighed for their reliability (Matter of J-C-H-F-, 27 I&N Dec. 211
    /// (BIA 2018)).
    SourceKind {
        I589 = "i589",
        Declaration = "declaration",
        BorderStatement = "border_statement",
        CredibleFear = "credible_fear",
        Testimony = "testimony",
        Document = "document",
        Other = "other",
    }
);

impl SourceKind {
    /// The source in words ("the border statement").
    pub fn words(self) -> &'static str {
        match self {
            SourceKind::I589 => "the I-589",
            SourceKind::Declaration => "the declaration",
            SourceKind::BorderStatement => "the border statement",
            SourceKind::CredibleFear => "the credible-fear record",
            SourceKind::Testimony => "the testimony notes",
            SourceKind::Document => "the document",
            SourceKind::Other => "the source",
        }
    }
}

choice!(
    /// How a statement was recorded: word for word, or summarised by the one who took it.
    Record { Verbatim = "verbatim", Summary = "summary" }
);

choice!(
    /// What happened.
    EventKind {
        Harm = "harm",
        Threat = "threat",
        Departure = "departure",
        Entry = "entry",
        Detention = "detention",
        Move = "move",
        Other = "other",
    }
);

choice!(
    /// Who a person of an event is to the applicant.
    PersonRelation {
        Applicant = "applicant",
        Spouse = "spouse",
        Child = "child",
        Mother = "mother",
        Father = "father",
        Sibling = "sibling",
        OtherFamily = "other_family",
        NotFamily = "not_family",
    }
);

choice!(
    /// Where a piece of evidence stands.
    EvidenceStatus {
        Needed = "needed",
        Requested = "requested",
        InHand = "in_hand",
        Translated = "translated",
        NotObtainable = "not_obtainable",
    }
);

facts_struct!(
    /// The timeline: each source declared once, each event entered once with
    /// what each source says of it.
    Timeline {
        sources: Option<Vec<Source>>,
        events: Option<Vec<Event>>,
    }
);

facts_struct!(
    /// A statement of the story: the I-589, a declaration, a border or
    /// credible-fear record, testimony notes, a document. Its circumstances
    /// decide how much a discrepancy weighs (Matter of J-C-H-F-, 27 I&N Dec.
    /// 211 (BIA 2018); Ramsameachire v. Ashcroft, 357 F.3d 169 (2d Cir. 2004)).
    Source {
        id: Option<String>,
        kind: Option<SourceKind>,
        title: Option<String>,
        #[serde(deserialize_with = "de_date")]
        taken_on: Option<Date>,
        language: Option<String>,
        /// An interpreter was present.
        interpreter: Option<YesNo>,
        /// Recorded word for word, or summarised.
        record: Option<Record>,
        /// The questions were meant to bring out the details of a claim, with follow-up.
        claim_questions: Option<YesNo>,
        note: Option<String>,
    }
);

facts_struct!(
    /// One event of the story.
    Event {
        id: Option<String>,
        kind: Option<EventKind>,
        /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: what the practitioner holds true.
        #[serde(deserialize_with = "de_partial")]
        date: Option<Day>,
        /// The last day, for an event that lasted (a detention, a stay).
        #[serde(deserialize_with = "de_partial")]
        until: Option<Day>,
        place: Option<Location>,
        people: Option<Vec<Person>>,
        /// The facts' harm this event is (`facts.harms[].id`).
        harm: Option<String>,
        /// The facts' arrival this event is (an index of `facts.arrivals`).
        arrival: Option<usize>,
        /// The events this one came after (a departure names the harms that drove it, an entry its departure).
        after: Option<Vec<String>>,
        summary: Option<String>,
        statements: Option<Vec<Statement>>,
    }
);

facts_struct!(
    /// A place: the city or town, the province, the country.
    Location {
        city: Option<String>,
        province: Option<String>,
        country: Option<Country>,
    }
);

facts_struct!(
    /// A person of an event: a family member by the facts' id, or by name and relation.
    Person {
        family: Option<String>,
        name: Option<String>,
        relation: Option<PersonRelation>,
    }
);

facts_struct!(
    /// What one source says of an event.
    Statement {
        source: Option<String>,
        /// The date as the source states it.
        #[serde(deserialize_with = "de_partial")]
        date: Option<Day>,
        /// The place as the source states it.
        place: Option<Location>,
        /// Where in the source (a page, a paragraph, a question).
        at: Option<String>,
        /// The source's words.
        text: Option<String>,
    }
);

facts_struct!(
    /// The status of one piece of evidence of the checklist (`form/evidence.toml`).
    EvidenceEntry {
        /// The element it proves (`identity`, `past_harm`, ...).
        element: Option<String>,
        /// The piece of evidence (`passport`, `medical_records`, ...).
        item: Option<String>,
        /// For an element of each harm: the facts' harm id.
        harm: Option<String>,
        /// For an element of each family member: the facts' family id.
        family: Option<String>,
        status: Option<EvidenceStatus>,
        /// Why it cannot reasonably be obtained (required for `not_obtainable`; INA § 208(b)(1)(B)(ii)).
        why: Option<String>,
        /// The language it is in, when not English.
        language: Option<String>,
        /// Who translated it and certified the translation (8 C.F.R. § 103.2(b)(3)).
        translator: Option<String>,
        /// The name as the document prints it (a passport, a birth
        /// certificate): compared with A.I.4–7 (`consistency.identity`).
        name_shown: Option<String>,
        /// The date of birth as the document gives it: compared with the
        /// facts' (`consistency.identity`).
        #[serde(deserialize_with = "de_date")]
        birth_date_shown: Option<Date>,
        note: Option<String>,
    }
);

/// Errors a reference to the facts can have, found after parsing.
pub(crate) fn err(path: impl Into<String>, message: impl Into<String>) -> InputError {
    InputError {
        field: path.into(),
        message: message.into(),
    }
}
