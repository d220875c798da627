//! What `refuge check` says: every check's status, and each issue with the
//! items it concerns (`docs/checks.md`).

use std::fmt::Write as _;

use jiff::civil::Date;
use serde::Serialize;

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
    let _ = writeln!(s, "\nNot legal advice. {}", r.notice);
    s
}
