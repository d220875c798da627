//! The engine's output (`spec/output.md`): what `refuge assess --format json`
//! prints and `POST /api/v1/assess` returns.

use std::borrow::Cow;

use jiff::civil::Date;
use serde::Serialize;

use crate::facts::Relation;

/// The notice every human-facing output carries.
pub const NOTICE: &str = "This assessment supports, and does not replace, the judgment of a qualified immigration attorney or accredited representative.";

/// One case's determination.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    pub as_of: Date,
    pub law: LawVersion,
    pub reliefs: Reliefs,
    /// Every finding the facts make relevant, each after the findings it depends on.
    pub findings: Vec<Finding>,
    pub deadlines: Vec<Deadline>,
    /// What to ask next, the question that could settle the most reliefs first.
    pub questions: Vec<Question>,
    pub family: Vec<FamilyEntry>,
    pub warnings: Vec<Warning>,
    pub notice: &'static str,
}

/// What screening a caseload (`refuge screen`) reads of a case's assessment:
/// the reliefs' outcomes, three dates, two findings, the questions' count and
/// the first, and the warnings' codes; no reasons, texts or other findings.
/// [`screen`](crate::screen) makes one directly, deciding as
/// [`assess_with`](crate::assess_with) does in
/// [`Detail::Outcomes`](crate::Detail::Outcomes); [`Assessment::screening`]
/// reads one from a whole assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Screening<'a> {
    pub as_of: Date,
    /// The reliefs' outcomes, in the order of [`Reliefs::iter`].
    pub reliefs: [ReliefOutcome; 5],
    /// Deadline `asylum.one_year`: its date and status.
    pub one_year: Option<(Date, Status)>,
    /// Finding `asylum.lawful_pathways`.
    pub lawful_pathways: Option<Outcome>,
    /// Finding `asylum.safe_third_country`.
    pub safe_third_country: Option<Outcome>,
    /// Deadline `ead.earliest_filing`.
    pub ead_earliest_filing: Option<Date>,
    /// Deadline `asylum.annual_fee`.
    pub annual_fee_due: Option<Date>,
    /// How many questions the assessment asks.
    pub open_questions: usize,
    /// The fact path of the first (most decisive) question.
    pub first_question: Option<Cow<'a, str>>,
    /// The codes of the warnings, as in [`Assessment::warnings`].
    pub warnings: Codes<'a>,
}

/// The codes of a screening's warnings, kept in place: a `Vec` cost each of
/// a caseload's rows an allocation and its freeing. There are at most as
/// many as the rules have warnings ([`MOST_WARNINGS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Codes<'a> {
    codes: [&'a str; MOST_WARNINGS],
    len: usize,
}

/// How many warnings the rules can raise at once (`spec/rules.md` § 7).
pub const MOST_WARNINGS: usize = crate::rules::warnings::CONDITIONS;

impl<'a> std::ops::Deref for Codes<'a> {
    type Target = [&'a str];
    fn deref(&self) -> &[&'a str] {
        &self.codes[..self.len]
    }
}

impl<'a> FromIterator<&'a str> for Codes<'a> {
    /// # Panics
    /// Given more than [`MOST_WARNINGS`] codes: the rules raise no more.
    fn from_iter<I: IntoIterator<Item = &'a str>>(iter: I) -> Codes<'a> {
        let mut codes = Codes::default();
        for code in iter {
            codes.codes[codes.len] = code;
            codes.len += 1;
        }
        codes
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LawVersion {
    pub version: String,
    pub reviewed_on: Date,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reliefs {
    pub asylum: Relief,
    pub withholding: Relief,
    pub cat_withholding: Relief,
    pub cat_deferral: Relief,
    pub refugee_admission: Relief,
}

impl Reliefs {
    /// The reliefs with their spec names, in the spec's order.
    pub fn iter(&self) -> [(&'static str, &Relief); 5] {
        [
            ("asylum", &self.asylum),
            ("withholding", &self.withholding),
            ("cat_withholding", &self.cat_withholding),
            ("cat_deferral", &self.cat_deferral),
            ("refugee_admission", &self.refugee_admission),
        ]
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Relief {
    pub outcome: ReliefOutcome,
    /// For an eligible asylum claim: the first basis that holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub basis: Option<Basis>,
    /// The findings that decided the outcome.
    pub reasons: Vec<Cow<'static, str>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ReliefOutcome {
    Eligible,
    Ineligible,
    Undetermined,
    NotApplicable,
    /// Asylum, once `application.granted_on` is given.
    Granted,
}

impl ReliefOutcome {
    pub const fn as_str(self) -> &'static str {
        match self {
            ReliefOutcome::Eligible => "eligible",
            ReliefOutcome::Ineligible => "ineligible",
            ReliefOutcome::Undetermined => "undetermined",
            ReliefOutcome::NotApplicable => "not_applicable",
            ReliefOutcome::Granted => "granted",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    PastPersecution,
    WellFoundedFear,
    Humanitarian,
}

impl Basis {
    pub const fn as_str(self) -> &'static str {
        match self {
            Basis::PastPersecution => "past_persecution",
            Basis::WellFoundedFear => "well_founded_fear",
            Basis::Humanitarian => "humanitarian",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Yes,
    No,
    Unknown,
    NotApplicable,
}

impl Outcome {
    pub const fn as_str(self) -> &'static str {
        match self {
            Outcome::Yes => "yes",
            Outcome::No => "no",
            Outcome::Unknown => "unknown",
            Outcome::NotApplicable => "not_applicable",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub id: Cow<'static, str>,
    pub question: &'static str,
    pub outcome: Outcome,
    pub because: String,
    pub cite: &'static [&'static str],
    pub depends_on: Vec<Cow<'static, str>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Deadline {
    pub id: Cow<'static, str>,
    /// What the date is for a person: a last day to act, a first day one may act, or a record.
    pub kind: DateKind,
    /// The date's name in words ("One-year asylum filing deadline").
    pub label: Cow<'static, str>,
    pub date: Date,
    pub status: Status,
    /// For a last day to act that is near (an addition to the spec, issue
    /// 20): days left and the reminder threshold reached (90, 30 or 7 days).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reminder: Option<Reminder>,
    pub because: String,
    pub cite: &'static [&'static str],
}

/// How near a last day to act is (`reminders.*` in the parameters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Reminder {
    /// Days from `as_of` to the date (0: the date is today).
    pub days_left: i64,
    /// The smallest reminder threshold the date is within (90, 30 or 7).
    pub within: i64,
}

/// What kind of date a deadline is, which decides whether its passing is bad news.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    /// The last day to act (deadline rounding): once passed with nothing done, overdue.
    LastDay,
    /// The first day one may act (eligibility rounding): once passed, open.
    FirstDay,
    /// A date that has happened and is recorded (permanent residence).
    Record,
}

impl DateKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            DateKind::LastDay => "last_day",
            DateKind::FirstDay => "first_day",
            DateKind::Record => "record",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    Missed,
    Upcoming,
    Passed,
    Exempt,
}

impl Status {
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Met => "met",
            Status::Missed => "missed",
            Status::Upcoming => "upcoming",
            Status::Passed => "passed",
            Status::Exempt => "exempt",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    /// The path in the facts document.
    pub fact: String,
    /// Plain-language wording a paralegal could ask a client.
    pub ask: Cow<'static, str>,
    /// The findings that are unknown for want of it.
    pub why: Vec<Cow<'static, str>>,
    /// `ask` as a message id and its arguments, for a view in the reader's
    /// language (an addition to the spec): the message's English in
    /// `crates/i18n/locales/en/questions.ftl` is `ask` (a test holds them
    /// equal). Absent when not explaining.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ask_message: Option<Message>,
}

/// A message of the views' catalogues (`crates/i18n/locales/<language>/`),
/// by id, with its arguments: the engine names what it says, and a view
/// renders it in the reader's language. Written as
/// `{"id": "question-harms-kind", "args": {"p": ...}}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

/// An argument of a [`Message`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    /// Text as the facts hold it (an id, a group's definition): never translated.
    Text(String),
    Number(i64),
    /// A date: a view writes it in the reader's way (JSON: `YYYY-MM-DD`).
    Date(Date),
    /// A phrase that is itself a message (the harm a question is about).
    Message(Message),
}

impl Message {
    pub fn new(id: &'static str, args: Vec<(&'static str, Arg)>) -> Message {
        Message { id, args }
    }
}

impl Serialize for Message {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        struct Args<'a>(&'a [(&'static str, Arg)]);
        impl Serialize for Args<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(self.0.len()))?;
                for (k, v) in self.0 {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
        let mut m = s.serialize_map(Some(2))?;
        m.serialize_entry("id", self.id)?;
        m.serialize_entry("args", &Args(&self.args))?;
        m.end()
    }
}

impl Serialize for Arg {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Arg::Text(t) => s.serialize_str(t),
            Arg::Number(n) => s.serialize_i64(*n),
            Arg::Date(d) => d.serialize(s),
            Arg::Message(m) => m.serialize(s),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FamilyEntry {
    pub id: String,
    pub relation: Option<Relation>,
    pub derivative: Outcome,
    /// `included` or `follow_to_join`; null while unknown or not a derivative.
    pub path: Option<FamilyPath>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub age_on_filing: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cspa_protected: Option<bool>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FamilyPath {
    Included,
    FollowToJoin,
}

impl FamilyPath {
    pub const fn as_str(self) -> &'static str {
        match self {
            FamilyPath::Included => "included",
            FamilyPath::FollowToJoin => "follow_to_join",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub code: String,
    /// A few words naming the warning, for a heading (an addition to the spec).
    pub title: String,
    pub message: String,
    pub cite: Vec<String>,
}

impl Assessment {
    /// What screening a caseload reads of this assessment (borrowed).
    pub fn screening(&self) -> Screening<'_> {
        let dates = crate::rules::deadlines::ScreenedDates::of(&self.deadlines);
        let finding = |id| self.finding(id).map(|f| f.outcome);
        Screening {
            as_of: self.as_of,
            reliefs: self.reliefs.iter().map(|(_, r)| r.outcome),
            one_year: dates.one_year,
            lawful_pathways: finding(crate::defs::LAWFUL_PATHWAYS.id),
            safe_third_country: finding(crate::defs::SAFE_THIRD_COUNTRY.id),
            ead_earliest_filing: dates.ead_earliest_filing,
            annual_fee_due: dates.annual_fee,
            open_questions: self.questions.len(),
            first_question: self
                .questions
                .first()
                .map(|q| Cow::Borrowed(q.fact.as_str())),
            warnings: self.warnings.iter().map(|w| w.code.as_str()).collect(),
        }
    }

    /// The finding with this id.
    pub fn finding(&self, id: &str) -> Option<&Finding> {
        self.findings.iter().find(|f| f.id == id)
    }
    /// The deadline with this id.
    pub fn deadline(&self, id: &str) -> Option<&Deadline> {
        self.deadlines.iter().find(|d| d.id == id)
    }
}
