//! What both views of an assessment show, worked out once: the reliefs in
//! words, the tree of findings that decided them, the dates as a timeline
//! measured from `as_of`, and the family with the finding behind each entry.
//!
//! The memo (`text.rs`) and the page (`html.rs`) only lay this out.

use std::borrow::Cow;
use std::collections::HashSet;

use jiff::civil::Date;
use refuge_engine::Assessment;
use refuge_engine::calendar::{days_between, weekday_name};
use refuge_engine::output::{
    Basis, DateKind, Deadline, FamilyEntry, FamilyPath, Finding, Outcome, Relief, ReliefOutcome,
    Status,
};

/// A date within this many days of `as_of` is flagged.
pub(crate) const SOON_DAYS: i64 = 30;

/// A relief's name in words (a relief this table does not know keeps its spec name).
pub(crate) fn relief_name(key: &'static str) -> &'static str {
    match key {
        "asylum" => "Asylum",
        "withholding" => "Withholding of removal",
        "cat_withholding" => "CAT withholding",
        "cat_deferral" => "CAT deferral",
        "refugee_admission" => "Refugee admission (abroad)",
        other => other,
    }
}

/// A relief's outcome in words.
pub(crate) fn relief_outcome(o: ReliefOutcome) -> &'static str {
    match o {
        ReliefOutcome::Eligible => "eligible",
        ReliefOutcome::Ineligible => "ineligible",
        ReliefOutcome::Undetermined => "undetermined",
        ReliefOutcome::NotApplicable => "not applicable",
        ReliefOutcome::Granted => "granted",
    }
}

/// A finding's outcome in words.
pub(crate) fn outcome(o: Outcome) -> &'static str {
    match o {
        Outcome::Yes => "yes",
        Outcome::No => "no",
        Outcome::Unknown => "unknown",
        Outcome::NotApplicable => "not applicable",
    }
}

/// The basis of an eligible asylum claim in words.
pub(crate) fn basis(b: Basis) -> &'static str {
    match b {
        Basis::PastPersecution => "past persecution",
        Basis::WellFoundedFear => "well-founded fear of future persecution",
        Basis::Humanitarian => "humanitarian asylum",
    }
}

/// One relief as the views show it.
pub(crate) struct ReliefView<'a> {
    pub name: &'static str,
    pub relief: &'a Relief,
    /// The findings named in `relief.reasons`, in that order.
    pub reasons: Vec<&'a Finding>,
    /// What the reader must know beside the outcome (see [`relief_note`]).
    pub note: Option<&'static str>,
}

/// The finding that DHS reinstated a prior order of removal.
const REINSTATED_ORDER: &str = "asylum.bar.reinstated_order";

/// What a relief's card and memo entry say beside its outcome: that asylum
/// was granted and eligibility is no longer weighed (the other reliefs are
/// then not applicable), or that a reinstated removal order leaves only
/// withholding-only proceedings. The engine decided both; this only words them.
fn relief_note(a: &Assessment, key: &str, relief: &Relief) -> Option<&'static str> {
    let asylum_granted = a.reliefs.asylum.outcome == ReliefOutcome::Granted;
    match (key, relief.outcome) {
        ("asylum", ReliefOutcome::Granted) => Some(
            "Asylum has been granted (application.granted_on): eligibility is no longer assessed. The dates and the family below follow from the grant.",
        ),
        (_, ReliefOutcome::NotApplicable) if asylum_granted => {
            Some("Not assessed: asylum has been granted.")
        }
        ("asylum", _)
            if a.finding(REINSTATED_ORDER)
                .is_some_and(|f| f.outcome == Outcome::Yes) =>
        {
            Some(
                "DHS reinstated a prior order of removal (asylum.bar.reinstated_order): asylum is unavailable. After a positive reasonable-fear screening, the case proceeds in withholding-only proceedings, where only withholding of removal and CAT protection can be sought.",
            )
        }
        _ => None,
    }
}

impl ReliefView<'_> {
    pub fn outcome(&self) -> &'static str {
        relief_outcome(self.relief.outcome)
    }
    /// The snake_case outcome, for CSS classes.
    pub fn class(&self) -> &'static str {
        self.relief.outcome.as_str()
    }
    pub fn basis(&self) -> Option<&'static str> {
        self.relief.basis.map(basis)
    }
}

/// The five reliefs in the spec's order.
pub(crate) fn reliefs(a: &Assessment) -> Vec<ReliefView<'_>> {
    a.reliefs
        .iter()
        .into_iter()
        .map(|(key, relief)| ReliefView {
            name: relief_name(key),
            relief,
            reasons: findings(a, &relief.reasons),
            note: relief_note(a, key, relief),
        })
        .collect()
}

/// The findings with these ids. The engine names only findings it made
/// (reasons and `depends_on` are built from its own list), so none is missing.
fn findings<'a>(a: &'a Assessment, ids: &[Cow<'static, str>]) -> Vec<&'a Finding> {
    ids.iter().filter_map(|id| a.finding(id)).collect()
}

/// A finding in the tree of findings that decided the reliefs.
pub(crate) struct Node<'a> {
    pub finding: &'a Finding,
    /// `false` when the finding is shown in full earlier in the tree; the view
    /// then refers to it instead of repeating it.
    pub first: bool,
    /// The findings it depends on (empty when not `first`).
    pub children: Vec<Node<'a>>,
}

impl Node<'_> {
    pub fn outcome(&self) -> &'static str {
        outcome(self.finding.outcome)
    }
    /// The snake_case outcome, for CSS classes.
    pub fn class(&self) -> &'static str {
        self.finding.outcome.as_str()
    }
}

/// The findings that decided the reliefs, and every finding the engine evaluated besides.
pub(crate) struct Findings<'a> {
    /// The reliefs' reasons, in relief order, each with what it depends on;
    /// each finding is shown in full once, at its first place.
    pub decisive: Vec<Node<'a>>,
    /// The other findings, in the engine's order, each with references to
    /// what it depends on (all shown before it: in the tree, or earlier here).
    pub other: Vec<Node<'a>>,
}

pub(crate) fn findings_tree(a: &Assessment) -> Findings<'_> {
    fn node<'a>(a: &'a Assessment, f: &'a Finding, seen: &mut HashSet<&'a str>) -> Node<'a> {
        let first = seen.insert(&f.id);
        let children = if first {
            findings(a, &f.depends_on)
                .into_iter()
                .map(|c| node(a, c, seen))
                .collect()
        } else {
            Vec::new()
        };
        Node {
            finding: f,
            first,
            children,
        }
    }
    let mut seen = HashSet::new();
    let mut decisive = Vec::new();
    for (_, relief) in a.reliefs.iter() {
        for f in findings(a, &relief.reasons) {
            // A reason two reliefs share is a root once; the second relief links to it.
            if !seen.contains(&*f.id) {
                decisive.push(node(a, f, &mut seen));
            }
        }
    }
    let other = a
        .findings
        .iter()
        .filter(|f| !seen.contains(&*f.id))
        .map(|f| Node {
            finding: f,
            first: true,
            children: findings(a, &f.depends_on)
                .into_iter()
                .map(|c| Node {
                    finding: c,
                    first: false,
                    children: Vec::new(),
                })
                .collect(),
        })
        .collect();
    Findings { decisive, other }
}

/// A flag on a date that needs attention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Alert {
    /// A last day to act that passed with nothing done.
    Overdue,
    /// A date not yet reached, [`SOON_DAYS`] away or less.
    Soon,
}

impl Alert {
    pub fn words(self) -> String {
        match self {
            Alert::Overdue => "overdue".to_string(),
            Alert::Soon => format!("within {SOON_DAYS} days"),
        }
    }
    /// For CSS classes.
    pub fn class(self) -> &'static str {
        match self {
            Alert::Overdue => "overdue",
            Alert::Soon => "soon",
        }
    }
}

/// A date as the views show it.
pub(crate) struct DateRow<'a> {
    pub deadline: &'a Deadline,
    pub label: &'a str,
    pub weekday: &'static str,
    /// Days from `as_of` to the date: negative once it has passed.
    pub days: i64,
    pub alert: Option<Alert>,
}

impl DateRow<'_> {
    pub fn status(&self) -> &'static str {
        self.deadline.status.as_str()
    }
    /// `in 3 days`, `today`, `1 day ago`.
    pub fn days_words(&self) -> String {
        let plural = |n: i64| if n == 1 { "day" } else { "days" };
        match self.days {
            0 => "today".to_string(),
            n if n > 0 => format!("in {n} {}", plural(n)),
            n => format!("{} {} ago", -n, plural(-n)),
        }
    }
}

/// The deadlines as a timeline: by date, the earliest first.
pub(crate) fn timeline(a: &Assessment) -> Vec<DateRow<'_>> {
    let mut rows: Vec<DateRow<'_>> = a.deadlines.iter().map(|d| date_row(a.as_of, d)).collect();
    rows.sort_by_key(|r| r.deadline.date);
    rows
}

fn date_row(as_of: Date, d: &Deadline) -> DateRow<'_> {
    let days = days_between(as_of, d.date);
    let alert = match d.status {
        Status::Passed if d.kind == DateKind::LastDay => Some(Alert::Overdue),
        Status::Upcoming if days <= SOON_DAYS => Some(Alert::Soon),
        _ => None,
    };
    DateRow {
        deadline: d,
        label: &d.label,
        weekday: weekday_name(d.date),
        days,
        alert,
    }
}

/// A family member as the views show it.
pub(crate) struct MemberView<'a> {
    pub entry: &'a FamilyEntry,
    /// The `family.<id>.derivative` finding.
    pub finding: Option<&'a Finding>,
}

impl MemberView<'_> {
    pub fn relation(&self) -> &'static str {
        self.entry
            .relation
            .map_or("relation not known", |r| r.as_str())
    }
    pub fn derivative(&self) -> &'static str {
        outcome(self.entry.derivative)
    }
    pub fn path(&self) -> &'static str {
        match (self.entry.path, self.entry.derivative) {
            (Some(FamilyPath::Included), _) => "included in the applicant's case",
            (Some(FamilyPath::FollowToJoin), _) => "follow to join (Form I-730)",
            (None, Outcome::No | Outcome::NotApplicable) => "none",
            (None, Outcome::Yes | Outcome::Unknown) => "not yet known",
        }
    }
    /// What the Child Status Protection Act does for a child's age, when the
    /// engine says: frozen on the filing date, or not protected (an aged-out
    /// child, or nothing filed yet), which is never called frozen.
    pub fn cspa(&self) -> Option<&'static str> {
        self.entry.cspa_protected.map(|p| {
            if p {
                "age frozen on the filing date"
            } else {
                "age not protected"
            }
        })
    }
}

pub(crate) fn family(a: &Assessment) -> Vec<MemberView<'_>> {
    a.family
        .iter()
        .map(|entry| MemberView {
            entry,
            finding: a.finding(&format!("family.{}.derivative", entry.id)),
        })
        .collect()
}
