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
    Basis, DateKind, Deadline, FamilyEntry, Finding, Outcome, Relief, ReliefOutcome, Status,
};
use refuge_i18n::{Lang, tr, tr_with};

/// A date within this many days of `as_of` is flagged.
pub(crate) const SOON_DAYS: i64 = 30;

/// A relief's name in words (`relief-<key>`).
pub(crate) fn relief_name(lang: Lang, key: &str) -> String {
    tr(lang, &format!("relief-{key}"))
}

/// A relief's outcome in words.
pub(crate) fn relief_outcome(lang: Lang, o: ReliefOutcome) -> String {
    tr(lang, &format!("relief-outcome-{}", o.as_str()))
}

/// A finding's outcome in words.
pub(crate) fn outcome(lang: Lang, o: Outcome) -> String {
    tr(lang, &format!("report-outcome-{}", o.as_str()))
}

/// The basis of an eligible asylum claim in words.
pub(crate) fn basis(lang: Lang, b: Basis) -> String {
    tr(lang, &format!("relief-basis-{}", b.as_str()))
}

/// One relief as the views show it.
pub(crate) struct ReliefView<'a> {
    pub lang: Lang,
    /// The relief's key in the output (`asylum`).
    pub key: &'static str,
    pub name: String,
    pub relief: &'a Relief,
    /// The findings named in `relief.reasons`, in that order.
    pub reasons: Vec<&'a Finding>,
    /// What the reader must know beside the outcome (see [`relief_note`]).
    pub note: Option<String>,
}

/// The finding that DHS reinstated a prior order of removal.
const REINSTATED_ORDER: &str = "asylum.bar.reinstated_order";

/// What a relief's card and memo entry say beside its outcome: that asylum
/// was granted and eligibility is no longer weighed (the other reliefs are
/// then not applicable), or that a reinstated removal order leaves only
/// withholding-only proceedings. The engine decided both; this only words them.
fn relief_note(lang: Lang, a: &Assessment, key: &str, relief: &Relief) -> Option<String> {
    let asylum_granted = a.reliefs.asylum.outcome == ReliefOutcome::Granted;
    let id = match (key, relief.outcome) {
        ("asylum", ReliefOutcome::Granted) => "relief-note-granted",
        (_, ReliefOutcome::NotApplicable) if asylum_granted => "relief-note-not-assessed",
        ("asylum", _)
            if a.finding(REINSTATED_ORDER)
                .is_some_and(|f| f.outcome == Outcome::Yes) =>
        {
            "relief-note-reinstated-order"
        }
        _ => return None,
    };
    Some(tr(lang, id))
}

impl ReliefView<'_> {
    pub fn outcome(&self) -> String {
        relief_outcome(self.lang, self.relief.outcome)
    }
    /// The snake_case outcome, for CSS classes.
    pub fn class(&self) -> &'static str {
        self.relief.outcome.as_str()
    }
    pub fn basis(&self) -> Option<String> {
        self.relief.basis.map(|b| basis(self.lang, b))
    }
    /// What the relief is, in plain words (`relief-summary-<key>`).
    pub fn summary(&self) -> String {
        tr(self.lang, &format!("relief-summary-{}", self.key))
    }
}

/// The five reliefs in the spec's order.
pub(crate) fn reliefs(lang: Lang, a: &Assessment) -> Vec<ReliefView<'_>> {
    a.reliefs
        .iter()
        .into_iter()
        .map(|(key, relief)| ReliefView {
            lang,
            key,
            name: relief_name(lang, key),
            relief,
            reasons: findings(a, &relief.reasons),
            note: relief_note(lang, a, key, relief),
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
    pub lang: Lang,
    pub finding: &'a Finding,
    /// `false` when the finding is shown in full earlier in the tree; the view
    /// then refers to it instead of repeating it.
    pub first: bool,
    /// The findings it depends on (empty when not `first`).
    pub children: Vec<Node<'a>>,
}

impl Node<'_> {
    pub fn outcome(&self) -> String {
        outcome(self.lang, self.finding.outcome)
    }
    /// The question of law it answers, in the reader's language.
    pub fn question(&self) -> Cow<'_, str> {
        crate::i18n::finding_question(self.lang, &self.finding.id, self.finding.question)
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

pub(crate) fn findings_tree(lang: Lang, a: &Assessment) -> Findings<'_> {
    fn node<'a>(
        lang: Lang,
        a: &'a Assessment,
        f: &'a Finding,
        seen: &mut HashSet<&'a str>,
    ) -> Node<'a> {
        let first = seen.insert(&f.id);
        let children = if first {
            findings(a, &f.depends_on)
                .into_iter()
                .map(|c| node(lang, a, c, seen))
                .collect()
        } else {
            Vec::new()
        };
        Node {
            lang,
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
                decisive.push(node(lang, a, f, &mut seen));
            }
        }
    }
    let other = a
        .findings
        .iter()
        .filter(|f| !seen.contains(&*f.id))
        .map(|f| Node {
            lang,
            finding: f,
            first: true,
            children: findings(a, &f.depends_on)
                .into_iter()
                .map(|c| Node {
                    lang,
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
    pub fn words(self, lang: Lang) -> String {
        match self {
            Alert::Overdue => tr(lang, "report-alert-overdue"),
            Alert::Soon => tr_with(lang, "report-alert-soon", &[("days", SOON_DAYS.into())]),
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
    pub lang: Lang,
    pub deadline: &'a Deadline,
    /// The date's name: the engine's `label`, or its message by the date's id.
    pub label: Cow<'a, str>,
    pub weekday: String,
    /// Days from `as_of` to the date: negative once it has passed.
    pub days: i64,
    pub alert: Option<Alert>,
}

impl DateRow<'_> {
    pub fn status(&self) -> &'static str {
        self.deadline.status.as_str()
    }
    /// The status in the reader's language (`upcoming`; `próxima`).
    pub fn status_words(&self) -> String {
        tr(self.lang, &format!("report-status-{}", self.status()))
    }
    /// `in 3 days`, `today`, `1 day ago`.
    pub fn days_words(&self) -> String {
        match self.days {
            0 => tr(self.lang, "report-days-today"),
            n if n > 0 => tr_with(self.lang, "report-days-ahead", &[("days", n.into())]),
            n => tr_with(self.lang, "report-days-ago", &[("days", (-n).into())]),
        }
    }
    /// The alert in words.
    pub fn alert_words(&self) -> Option<String> {
        self.alert.map(|a| a.words(self.lang))
    }
}

/// The deadlines as a timeline: by date, the earliest first.
pub(crate) fn timeline(lang: Lang, a: &Assessment) -> Vec<DateRow<'_>> {
    let mut rows: Vec<DateRow<'_>> = a
        .deadlines
        .iter()
        .map(|d| date_row(lang, a.as_of, d))
        .collect();
    rows.sort_by_key(|r| r.deadline.date);
    rows
}

/// A date's name in `lang`: its message by its id (`report-deadline-<id>`,
/// `.` written `-`) where there is one, else the engine's English label (a
/// date named for one family member or one year).
pub(crate) fn deadline_label(lang: Lang, d: &Deadline) -> Cow<'_, str> {
    let id = format!("report-deadline-{}", d.id.replace('.', "-"));
    if refuge_i18n::exists(&id) {
        Cow::Owned(tr(lang, &id))
    } else {
        Cow::Borrowed(&d.label)
    }
}

fn date_row(lang: Lang, as_of: Date, d: &Deadline) -> DateRow<'_> {
    let days = days_between(as_of, d.date);
    let alert = match d.status {
        Status::Passed if d.kind == DateKind::LastDay => Some(Alert::Overdue),
        Status::Upcoming if days <= SOON_DAYS => Some(Alert::Soon),
        _ => None,
    };
    DateRow {
        lang,
        deadline: d,
        label: deadline_label(lang, d),
        weekday: tr(
            lang,
            &format!("report-weekday-{}", weekday_name(d.date).to_lowercase()),
        ),
        days,
        alert,
    }
}

/// A family member as the views show it.
pub(crate) struct MemberView<'a> {
    pub lang: Lang,
    pub entry: &'a FamilyEntry,
    /// The `family.<id>.derivative` finding.
    pub finding: Option<&'a Finding>,
}

impl MemberView<'_> {
    pub fn relation(&self) -> String {
        let r = self.entry.relation.map_or("unknown", |r| r.as_str());
        tr(self.lang, &format!("report-relation-{r}"))
    }
    pub fn derivative(&self) -> String {
        outcome(self.lang, self.entry.derivative)
    }
    pub fn path(&self) -> String {
        let id = match (self.entry.path, self.entry.derivative) {
            (Some(p), _) => &format!("report-path-{}", p.as_str()),
            (None, Outcome::No | Outcome::NotApplicable) => "report-path-none",
            (None, Outcome::Yes | Outcome::Unknown) => "report-path-not-yet-known",
        };
        tr(self.lang, id)
    }
    /// What the Child Status Protection Act does for a child's age, when the
    /// engine says: frozen on the filing date, or not protected (an aged-out
    /// child, or nothing filed yet), which is never called frozen.
    pub fn cspa(&self) -> Option<String> {
        self.entry.cspa_protected.map(|p| {
            tr(
                self.lang,
                if p {
                    "report-cspa-frozen"
                } else {
                    "report-cspa-not-protected"
                },
            )
        })
    }
}

pub(crate) fn family(lang: Lang, a: &Assessment) -> Vec<MemberView<'_>> {
    a.family
        .iter()
        .map(|entry| MemberView {
            lang,
            entry,
            finding: a.finding(&format!("family.{}.derivative", entry.id)),
        })
        .collect()
}
