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

use jiff::civil::Date;
use refuge_engine::facts::{Country, FamilyMember};
use refuge_engine::{Assessment, Law, NOTICE, assess};

use crate::CaseDocument;
use crate::document::{Application, PartA1, PartA2, PartA3, PartB, PartC, PartD, PartE};
use crate::form::Form;
use crate::output::{CheckResult, Counts, FormVersion, Issue, Readiness, Severity, Status};

/// A check's definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Def {
    pub id: &'static str,
    pub severity: Severity,
    pub title: &'static str,
    pub authority: &'static [&'static str],
}

const B: Severity = Severity::Blocking;
const W: Severity = Severity::Warning;

/// The REAL ID Act's credibility clause: consistency between statements, whenever made.
const CREDIBILITY: &str = "INA § 208(b)(1)(B)(iii)";

macro_rules! defs {
    ($($name:ident = $id:literal, $sev:expr, $title:literal, [$($cite:expr),* $(,)?];)+) => {
        $(pub const $name: Def = Def { id: $id, severity: $sev, title: $title, authority: &[$($cite),*] };)+
        /// Every check, in the order they run and are listed.
        pub const ALL: &[Def] = &[$($name),+];
    };
}

defs! {
    REQUIRED = "complete.required", B,
        "Every item the form requires is answered, or marked N/A, None or Unknown (conditional items when their condition holds)",
        ["8 C.F.R. § 208.3(c)(3)", "8 C.F.R. § 1208.3(c)(3)", "Matter of C-A-R-R-, 29 I&N Dec. 13 (BIA 2025)"];
    EXPLANATIONS = "complete.explanations", B,
        "Every yes in Parts B and C has its explanation",
        ["8 C.F.R. § 208.3(c)(3)", "Form I-589, Parts B and C"];
    FAMILY = "complete.family", B,
        "Every spouse and child is listed in Part A.II, whatever their age, location or marital status",
        ["8 C.F.R. § 208.3(a)(1)", "8 C.F.R. § 208.3(c)(3)", "Form I-589, Part A.II"];
    ENTRIES = "complete.entries", B,
        "Every arrival in the facts has its entry in A.I.19.c (place and status)",
        ["8 C.F.R. § 208.3(c)(3)", "Form I-589, Part A.I"];
    SIGNED = "complete.signed", B,
        "The applicant signed and dated Part D; a preparer other than the applicant's family signed and dated Part E",
        ["8 C.F.R. § 208.3(c)(3)", "Matter of C-A-R-R-, 29 I&N Dec. 13 (BIA 2025)", "Form I-589, Parts D and E"];
    ADDRESSES = "history.addresses", B,
        "The address history covers the past five years without a gap of more than 30 days, and ends at the present",
        ["8 C.F.R. § 208.3(c)(3)", "Form I-589, Part A.III"];
    ADDRESS_OVERLAP = "history.address_overlap", W,
        "No two residences overlap by more than 30 days",
        [CREDIBILITY, "Form I-589, Part A.III"];
    EMPLOYMENT = "history.employment", W,
        "The employment history covers the past five years without a gap of more than 30 days, and ends at the present",
        ["Form I-589, Part A.III"];
    ONE_YEAR_C5 = "one_year.c5", B,
        "Part C.5 agrees with the engine's one-year finding; a late filing explains the exception the facts give",
        ["INA § 208(a)(2)(B)", "INA § 208(a)(2)(D)", "8 C.F.R. § 208.4(a)(2)", "Form I-589, Part C"];
    DEPARTURE = "consistency.departure", B,
        "The last departure (A.I.19.a) and the last address abroad end by the last arrival",
        [CREDIBILITY, "Form I-589, Part A.I"];
    ORDER = "consistency.order", B,
        "Dates are in a possible order: nothing of the applicant's life before their birth, no marriage before the spouse's birth, no child born before the applicant",
        [CREDIBILITY];
    TRANSIT = "consistency.transit", B,
        "C.2.A is yes when the route (transit countries, the country of departure) or the last address abroad shows a third country",
        [CREDIBILITY, "Form I-589, Part C"];
    RETURN = "consistency.return", B,
        "C.4 is yes when the record shows a return to the country of feared harm after leaving it",
        [CREDIBILITY, "Form I-589, Part C"];
    MARITAL = "consistency.marital_status", B,
        "A.I.11 agrees with the spouse in the facts, and each child's marital status with the facts",
        [CREDIBILITY, "Form I-589, Part A.II"];
    DETENTION = "consistency.detention", B,
        "B.2 is yes when the facts record a detention or prosecution",
        [CREDIBILITY, "Form I-589, Part B"];
    PROCEEDINGS = "consistency.proceedings", B,
        "A.I.18 and C.1 agree with the removal history and earlier applications in the facts",
        [CREDIBILITY, "Form I-589, Parts A.I and C"];
    GROUNDS = "consistency.grounds", W,
        "Every protected ground the facts claim is ticked in B.1",
        [CREDIBILITY, "Form I-589, Part B"];
    TORTURE = "consistency.torture", W,
        "The Convention Against Torture box, B.1's Torture Convention, B.4 and the facts' fear of torture agree",
        [CREDIBILITY, "Form I-589, Part B"];
    NAME = "consistency.name", W,
        "The name printed in Part D is the name of A.I.4 and A.I.5",
        ["Form I-589, Parts A.I and D"];
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
    pub fn a1(&self) -> &'a PartA1 {
        self.app().part_a1.as_ref().unwrap_or(&EMPTY_A1)
    }
    pub fn a2(&self) -> &'a PartA2 {
        self.app().part_a2.as_ref().unwrap_or(&EMPTY_A2)
    }
    pub fn a3(&self) -> &'a PartA3 {
        self.app().part_a3.as_ref().unwrap_or(&EMPTY_A3)
    }
    pub fn b(&self) -> &'a PartB {
        self.app().part_b.as_ref().unwrap_or(&EMPTY_B)
    }
    pub fn c(&self) -> &'a PartC {
        self.app().part_c.as_ref().unwrap_or(&EMPTY_C)
    }
    pub fn d(&self) -> &'a PartD {
        self.app().part_d.as_ref().unwrap_or(&EMPTY_D)
    }
    pub fn e(&self) -> &'a PartE {
        self.app().part_e.as_ref().unwrap_or(&EMPTY_E)
    }

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

    pub fn trip(&mut self, def: &Def, items: Vec<String>, message: impl Into<String>) {
        self.push(def, Status::Tripped, items, message.into());
    }

    pub fn cannot_tell(&mut self, def: &Def, items: Vec<String>, message: impl Into<String>) {
        self.push(def, Status::CannotTell, items, message.into());
    }

    fn push(&mut self, def: &Def, status: Status, items: Vec<String>, message: String) {
        self.issues.push(Issue {
            check: def.id,
            severity: def.severity,
            status,
            items,
            message,
            authority: def.authority,
        });
    }
}

static EMPTY_A1: PartA1 = empty_a1();
static EMPTY_A2: PartA2 = PartA2 {
    has_children: None,
    members: None,
};
static EMPTY_A3: PartA3 = PartA3 {
    last_address_abroad: None,
    last_address_feared: None,
    addresses: None,
    education: None,
    employment: None,
    mother: None,
    father: None,
    siblings: None,
};
static EMPTY_B: PartB = PartB {
    grounds: None,
    q1a: None,
    q1b: None,
    q2: None,
    q3a: None,
    q3b: None,
    q4: None,
};
static EMPTY_C: PartC = PartC {
    q1: None,
    q2a: None,
    q2b: None,
    q3: None,
    q4: None,
    q5: None,
    q6: None,
};
static EMPTY_D: PartD = PartD {
    printed_name: None,
    native_alphabet_name: None,
    family_assisted: None,
    assisted_by: None,
    someone_else_prepared: None,
    given_legal_list: None,
    signed: None,
    signed_on: None,
};
static EMPTY_E: PartE = PartE {
    name: None,
    phone: None,
    address: None,
    g28_attached: None,
    bar_number: None,
    uscis_account: None,
    signed: None,
    signed_on: None,
};

const fn empty_a1() -> PartA1 {
    PartA1 {
        also_cat: None,
        a_number: None,
        ssn: None,
        uscis_account: None,
        last_name: None,
        first_name: None,
        middle_name: None,
        other_names: None,
        residence: None,
        mailing_same: None,
        mailing_address: None,
        gender: None,
        marital_status: None,
        city_of_birth: None,
        country_of_birth: None,
        nationality_at_birth: None,
        race_ethnic_tribal: None,
        religion: None,
        court: None,
        left_country_on: None,
        i94_number: None,
        entries: None,
        passport_country: None,
        passport_number: None,
        travel_document_number: None,
        passport_expires: None,
        native_language: None,
        fluent_english: None,
        other_languages: None,
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
    let issues = ctx.issues;
    let checks: Vec<CheckResult> = ALL
        .iter()
        .map(|d| {
            let mine = issues.iter().filter(|i| i.check == d.id);
            let status = mine.fold(Status::Passed, |s, i| match (s, i.status) {
                (Status::Tripped, _) | (_, Status::Tripped) => Status::Tripped,
                _ => Status::CannotTell,
            });
            CheckResult {
                id: d.id,
                severity: d.severity,
                status,
                title: d.title,
                authority: d.authority,
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
        notice: NOTICE,
    }
}

/// `application.part_a1.entries[3].place`: a path into the application.
pub(crate) fn app_path(rest: impl std::fmt::Display) -> String {
    format!("application.{rest}")
}
