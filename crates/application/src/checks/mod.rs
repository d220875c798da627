//! The readiness checks: one set, run by `refuge check` (and, later, the
//! workspace and its API). Each has an id, a severity, a title and its
//! authority (`ALL`); each reports issues naming the items they concern.
//!
//! No check fails because data is missing: a check that cannot decide says
//! `cannot_tell`, and a missing required item is completeness's to report.
//! Where a check needs the law (is the filing late?), it reads the engine.

mod completeness;
mod consistency;
mod history;
mod one_year;
mod timeline;

use std::sync::OnceLock;

use jiff::civil::Date;
use refuge_engine::facts::{Country, FamilyMember};
use refuge_engine::{Assessment, Law, NOTICE, assess};
use serde::Deserialize;

use crate::CaseDocument;
use crate::document::{Application, PartA1, PartA2, PartA3, PartB, PartC, PartD, PartE};
use crate::form::Form;
use crate::output::{CheckResult, Counts, FormVersion, Issue, Readiness, Severity, Status};

/// A check's definition, from `form/checks.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Def {
    pub id: String,
    pub severity: Severity,
    pub title: String,
    pub authority: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Defs {
    checks: Vec<Def>,
}

/// Every check, in the order they run and are listed.
pub fn all() -> &'static [Def] {
    static ALL: OnceLock<Vec<Def>> = OnceLock::new();
    ALL.get_or_init(|| {
        crate::data::read::<Defs>(crate::data::CHECKS_JSON, crate::data::CHECKS_TOML)
            .expect("form/checks.toml is checked by the tests")
            .checks
    })
}

/// The check `id`. Every id the code reports is defined (a test reads the code).
fn def(id: &str) -> &'static Def {
    all()
        .iter()
        .find(|d| d.id == id)
        .unwrap_or_else(|| panic!("no check {id} in form/checks.toml"))
}

/// `ctx.a1()` … `ctx.e()`: each part of the application, or an empty one.
macro_rules! parts {
    ($($name:ident: $ty:ident = $field:ident),+ $(,)?) => {
        $(pub fn $name(&self) -> &'a $ty {
            self.app().$field.as_ref().unwrap_or(&$ty::EMPTY)
        })+
    };
}

/// What every check reads: the document, the engine's assessment of its
/// facts, and the issues found so far.
pub(crate) struct Ctx<'a> {
    pub doc: &'a CaseDocument,
    pub assessment: &'a Assessment,
    pub form: &'a Form,
    issues: Vec<Issue>,
}

impl<'a> Ctx<'a> {
    pub fn app(&self) -> &'a Application {
        self.doc.application()
    }
    pub fn facts(&self) -> &'a refuge_engine::Facts {
        self.doc.case().facts()
    }
    pub fn as_of(&self) -> Date {
        self.doc.case().as_of()
    }
    parts! { a1: PartA1 = part_a1, a2: PartA2 = part_a2, a3: PartA3 = part_a3,
    b: PartB = part_b, c: PartC = part_c, d: PartD = part_d, e: PartE = part_e }

    /// The countries where harm is feared: of nationality, else of last habitual residence.
    pub fn home(&self) -> Vec<Country> {
        let a = self.facts().applicant();
        let mut v = a.nationality.clone().unwrap_or_default();
        v.extend(a.habitual_residence);
        v
    }

    /// The facts' family member with this id, with its index.
    pub fn member(&self, id: &str) -> Option<(usize, &'a FamilyMember)> {
        let k = self.doc.case().family_ids().iter().position(|f| f == id)?;
        Some((k, &self.facts().family()[k]))
    }

    /// `value`; when it is missing, check `id` cannot tell, waiting on `item`.
    pub fn known<T>(&mut self, value: Option<T>, id: &str, item: &str, message: &str) -> Option<T> {
        if value.is_none() {
            self.cannot_tell(id, vec![item.to_string()], message);
        }
        value
    }

    /// Check `id` has reported something already.
    pub fn issues_of(&self, id: &str) -> bool {
        self.issues.iter().any(|i| i.check == id)
    }

    pub fn trip(&mut self, id: &str, items: Vec<String>, message: impl Into<String>) {
        self.push(id, Status::Tripped, items, message.into());
    }

    pub fn cannot_tell(&mut self, id: &str, items: Vec<String>, message: impl Into<String>) {
        self.push(id, Status::CannotTell, items, message.into());
    }

    fn push(&mut self, id: &str, status: Status, items: Vec<String>, message: String) {
        let def = def(id);
        self.issues.push(Issue {
            check: &def.id,
            severity: def.severity,
            status,
            items,
            message,
            authority: &def.authority,
        });
    }
}

/// Runs every check on a case document, under a parameter set (for the
/// engine's findings).
pub fn check(doc: &CaseDocument, law: &Law) -> Readiness {
    let assessment = assess(doc.case(), law);
    check_with(doc, &assessment)
}

/// [`check`] with the engine's assessment of the document's facts already made.
pub fn check_with(doc: &CaseDocument, assessment: &Assessment) -> Readiness {
    let form = Form::embedded();
    let mut ctx = Ctx {
        doc,
        assessment,
        form,
        issues: Vec::new(),
    };
    completeness::run(&mut ctx);
    history::run(&mut ctx);
    one_year::run(&mut ctx);
    consistency::run(&mut ctx);
    timeline::run(&mut ctx);
    let issues = ctx.issues;
    let checks: Vec<CheckResult> = all()
        .iter()
        .map(|d| {
            let mine = issues.iter().filter(|i| i.check == d.id);
            let status = mine.fold(Status::Passed, |s, i| match (s, i.status) {
                (Status::Tripped, _) | (_, Status::Tripped) => Status::Tripped,
                _ => Status::CannotTell,
            });
            CheckResult {
                id: &d.id,
                severity: d.severity,
                status,
                title: &d.title,
                authority: &d.authority,
            }
        })
        .collect();
    let count = |sev: Severity| {
        issues
            .iter()
            .filter(|i| i.status == Status::Tripped && i.severity == sev)
            .count()
    };
    let counts = Counts {
        blocking: count(Severity::Blocking),
        warnings: count(Severity::Warning),
        cannot_tell: issues
            .iter()
            .filter(|i| i.status == Status::CannotTell)
            .count(),
    };
    Readiness {
        as_of: doc.case().as_of(),
        form: FormVersion {
            number: form.form.number.clone(),
            edition: form.form.edition.clone(),
            edition_verified: form.form.edition_verified,
            numbering: form.form.numbering.clone(),
        },
        ready: counts.blocking == 0,
        counts,
        checks,
        issues,
        evidence: crate::evidence::checklist(
            doc.case(),
            doc.application().evidence.as_deref().unwrap_or(&[]),
            assessment,
        ),
        notice: NOTICE,
    }
}

/// `application.part_a1.entries[3].place`: a path into the application.
pub(crate) fn app_path(rest: impl std::fmt::Display) -> String {
    format!("application.{rest}")
}
