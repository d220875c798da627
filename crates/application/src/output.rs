//! What `refuge check` says: every check's status, and each issue with the
//! items it concerns (`docs/checks.md`).

use std::fmt::Write as _;

use jiff::civil::Date;
use serde::Serialize;

use crate::document::EvidenceStatus;
use crate::evidence::Checklist;

/// How much a tripped check weighs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The filing would be rejected, or is legally wrong.
    Blocking,
    /// A credibility risk, or something to confirm.
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Blocking => "blocking",
            Severity::Warning => "warning",
        }
    }
}

/// A check's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Nothing wrong found, and nothing waiting.
    Passed,
    /// Something is wrong.
    Tripped,
    /// The data that would decide it is not there yet.
    CannotTell,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Passed => "passed",
            Status::Tripped => "tripped",
            Status::CannotTell => "cannot_tell",
        }
    }
}

/// One thing a check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    pub check: &'static str,
    pub severity: Severity,
    /// `tripped` or `cannot_tell`.
    pub status: Status,
    /// The fields concerned, as paths in the case document (`application.part_a3.addresses[2].to`).
    pub items: Vec<String>,
    pub message: String,
    pub authority: &'static [String],
}

/// One check and how it came out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckResult {
    pub id: &'static str,
    pub severity: Severity,
    pub status: Status,
    pub title: &'static str,
    pub authority: &'static [String],
}

/// The form the application is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FormVersion {
    pub number: String,
    pub edition: String,
    pub edition_verified: bool,
    pub numbering: String,
}

/// Counts of the issues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub blocking: usize,
    pub warnings: usize,
    pub cannot_tell: usize,
}

/// Whether an application is ready to file, and why not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Readiness {
    /// The day that stood for "the present" (the facts' `as_of`, or today).
    pub as_of: Date,
    /// The form and its edition.
    pub form: FormVersion,
    /// No blocking check tripped.
    pub ready: bool,
    /// How many issues of each kind.
    pub counts: Counts,
    /// Every check, in the order of `form/checks.toml`, with its status.
    pub checks: Vec<CheckResult>,
    /// What the checks found, check by check.
    pub issues: Vec<Issue>,
    /// The evidence checklist: each element the case relies on, its
    /// evidence and where each piece stands, and the findings that rest on
    /// testimony alone.
    pub evidence: Checklist,
    /// That this is not legal advice (`refuge_engine::NOTICE`).
    pub notice: &'static str,
}

impl Readiness {
    /// The result of the check `id`.
    pub fn check(&self, id: &str) -> Option<&CheckResult> {
        self.checks.iter().find(|c| c.id == id)
    }

    /// The issues of the check `id`.
    pub fn issues_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Issue> + 'a {
        self.issues.iter().filter(move |i| i.check == id)
    }
}

/// The readiness as a memo for the terminal.
pub fn text(r: &Readiness) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Form {} readiness as of {} (edition {}{}; item numbers of the {} edition)",
        r.form.number,
        r.as_of,
        r.form.edition,
        if r.form.edition_verified {
            ""
        } else {
            ", not verified: check uscis.gov"
        },
        r.form.numbering
    );
    let _ = writeln!(
        s,
        "{}: {} blocking, {} warnings, {} waiting on data",
        if r.ready {
            "Nothing blocks filing"
        } else {
            "Not ready to file"
        },
        r.counts.blocking,
        r.counts.warnings,
        r.counts.cannot_tell
    );
    for c in &r.checks {
        let _ = writeln!(
            s,
            "\n[{}] {} ({}): {}",
            c.status.as_str(),
            c.id,
            c.severity.as_str(),
            c.title
        );
        for i in r.issues_of(c.id) {
            let mark = match i.status {
                Status::Tripped => "!",
                _ => "?",
            };
            let _ = writeln!(s, "  {mark} {}", i.message);
            if !i.items.is_empty() {
                let _ = writeln!(s, "    at {}", i.items.join(", "));
            }
        }
        if c.status != Status::Passed {
            let _ = writeln!(s, "    authority: {}", c.authority.join("; "));
        }
    }
    evidence_text(&mut s, &r.evidence);
    let _ = writeln!(s, "\nNot legal advice. {}", r.notice);
    s
}

/// The checklist in the memo: each element with its evidence, then the
/// findings that rest on testimony alone.
fn evidence_text(s: &mut String, c: &Checklist) {
    let _ = writeln!(
        s,
        "\nEvidence checklist (form/evidence.toml, version {}):",
        c.version
    );
    for e in &c.elements {
        let of = match (&e.harm, &e.family) {
            (Some(h), _) => format!(", harm {h}"),
            (_, Some(f)) => format!(", family member {f}"),
            _ => String::new(),
        };
        let _ = writeln!(
            s,
            "\n  {}{of}{}",
            e.title,
            if e.corroborated {
                ""
            } else {
                ": no corroboration in hand"
            }
        );
        if !e.findings.is_empty() {
            let f: Vec<String> = e
                .findings
                .iter()
                .map(|f| format!("{} ({})", f.id, f.outcome.as_str()))
                .collect();
            let _ = writeln!(s, "    for the findings {}", f.join(", "));
        }
        for i in &e.items {
            let status = match i.status {
                EvidenceStatus::Needed => "needed",
                EvidenceStatus::Requested => "requested",
                EvidenceStatus::InHand => "in hand",
                EvidenceStatus::Translated => "translated",
                EvidenceStatus::NotObtainable => "not obtainable",
            };
            let _ = write!(s, "    [{status}] {}", i.label);
            if i.testimony {
                let _ = write!(s, " (the applicant's own account)");
            }
            if let Some(why) = &i.why {
                let _ = write!(s, ": {why}");
            }
            if i.needs_translation {
                let _ = write!(
                    s,
                    "; needs a certified English translation (8 C.F.R. § 103.2(b)(3))"
                );
            }
            let _ = writeln!(s);
        }
    }
    if c.testimony_alone.is_empty() {
        let _ = writeln!(s, "\n  No finding rests on testimony alone.");
    } else {
        let ids: Vec<String> = c
            .testimony_alone
            .iter()
            .map(|f| format!("{} ({})", f.id, f.outcome.as_str()))
            .collect();
        let _ = writeln!(
            s,
            "\n  Resting on testimony alone (INA § 208(b)(1)(B)(ii): corroborate, or say why it cannot reasonably be obtained): {}",
            ids.join(", ")
        );
    }
}
