//! The rules of `spec/rules.md`, one module per part of the law, run in
//! order by [`assess`](crate::assess) over one [`Eval`].

pub mod after_grant;
pub mod bars;
pub mod deadlines;
pub mod family;
pub mod protection;
pub mod questions;
pub mod refugee;
pub mod reliefs;
pub mod thresholds;
pub mod warnings;

/// What each rule module reads of a case's facts, by section of the facts
/// document. A rule that comes to read another section must say so here
/// (the test `every_rule_module_declares_what_it_reads` reads each module's
/// source), and, if its decision is one the screening memo recalls, the
/// memo's key must then cover that section (`memo::KEYED`).
pub const READS: &[(&str, &[&str])] = &[
    (
        "thresholds",
        &[
            "applicant",
            "application",
            "arrivals",
            "exceptions",
            "family",
            "family_unity",
            "removal",
        ],
    ),
    (
        "refugee",
        &["applicant", "conduct", "groups", "harms", "risk"],
    ),
    ("bars", &["conduct", "resettlement"]),
    ("protection", &["risk", "torture"]),
    ("reliefs", &["applicant", "application"]),
    ("family", &["application", "family"]),
    (
        "after_grant",
        &["after_grant", "applicant", "application", "trips"],
    ),
    (
        "deadlines",
        &["applicant", "application", "arrivals", "family"],
    ),
    (
        "warnings",
        &["applicant", "application", "arrivals", "groups", "harms"],
    ),
    // The wording and paths of questions, for each case (the memo keeps the
    // question as a fact of the thresholds' or the key's, never its text).
    (
        "questions",
        &[
            "after_grant",
            "applicant",
            "application",
            "arrivals",
            "conduct",
            "exceptions",
            "family",
            "family_unity",
            "groups",
            "harms",
            "removal",
            "resettlement",
            "risk",
            "torture",
            "trips",
        ],
    ),
];

/// The rule modules after the thresholds whose decisions the screening memo
/// recalls instead of deciding again (`memo`).
pub const RECALLED: &[&str] = &["refugee", "bars", "protection", "reliefs"];

use std::borrow::Cow;

use jiff::civil::Date;

use crate::defs::Def;
use crate::facts::Case;
use crate::law::Law;
use crate::logic::{Need, Needs, Tri, V};
use crate::output::{self, Outcome};

/// The state of one assessment: the case, the law, and the findings so far.
///
/// A finding is kept as its definition and outcome, and made whole
/// only for an assessment that is written out ([`Eval::into_findings`]): a
/// screening reads a few outcomes and would otherwise build and drop each
/// finding's texts and lists.
pub struct Eval<'a> {
    pub case: &'a Case,
    pub law: &'a Law,
    pub as_of: Date,
    /// Whether to write because-texts, questions' wording and warnings' texts.
    pub explain: bool,
    /// The one-year filing deadline, computed once for the finding and the date.
    pub one_year: Option<deadlines::OneYear>,
    /// The findings so far.
    findings: Vec<Rec>,
    /// The unknown findings, in order, with what would settle each (the
    /// question ranking reads only these).
    open: Vec<(Ix, Needs)>,
    /// The ids made per harm, group or family member, by finding (rare: a
    /// finding's id is its definition's otherwise).
    made_ids: Vec<(Ix, Cow<'static, str>)>,
    /// Each finding's because-text and the ids it depends on (only when explaining).
    texts: Vec<(String, Vec<Cow<'static, str>>)>,
}

/// A finding as the rules keep it.
struct Rec {
    def: &'static Def,
    outcome: Outcome,
}

/// A finding's index in the findings of an [`Eval`].
pub type Ix = usize;

impl<'a> Eval<'a> {
    pub fn new(case: &'a Case, law: &'a Law, explain: bool) -> Self {
        const FINDINGS: usize = 48;
        Eval {
            case,
            law,
            as_of: case.as_of(),
            explain,
            one_year: deadlines::one_year(case, law),
            findings: Vec::with_capacity(FINDINGS),
            open: Vec::with_capacity(FINDINGS / 2),
            made_ids: Vec::new(),
            texts: Vec::with_capacity(if explain { FINDINGS } else { 0 }),
        }
    }

    /// Begins the finding `def`: named by what it is made for and what it
    /// rests on, then [decided](Finding::decide), then
    /// [explained](Decision::because).
    ///
    /// ```text
    /// ev.finding(&defs::HARM_SEVERITY)
    ///     .of_harm(h)
    ///     .decide(severe)
    ///     .because(|ev, _outcome| severity_because(ev, h))
    /// ```
    #[inline(always)]
    pub fn finding<'e>(&'e mut self, def: &'static Def) -> Finding<'e, 'a, 'static> {
        Finding {
            ev: self,
            def,
            id: None,
            after: &[],
        }
    }

    /// Records finding `def`, and its explanation when explaining.
    ///
    /// Inlined, with the builder that calls it, so that for a finding whose
    /// id is its definition's (`id` a constant `None`) in an assessment that
    /// does not explain itself, nothing but the outcome and the needs is put
    /// in memory: a screening's rows record each finding so (on 100,000
    /// screened rows, the call itself, out of line, cost some 60 instructions
    /// a finding and 8% of all the instructions). The explanation is a
    /// closure, called only when explaining.
    #[inline(always)]
    fn record(
        &mut self,
        def: &'static Def,
        id: Option<String>,
        after: &[Ix],
        outcome: Outcome,
        needs: Needs,
        because: impl FnOnce(&Eval<'a>, Outcome) -> String,
    ) -> Ix {
        if self.explain {
            let because = because(self, outcome);
            self.keep_text(because, after);
        }
        if let Some(id) = id {
            self.keep_id(id);
        }
        let i = self.findings.len();
        if outcome == Outcome::Unknown && !needs.is_empty() {
            self.open.push((i, needs));
        }
        self.findings.push(Rec { def, outcome });
        i
    }

    /// The because-text of the finding [`Eval::record`] records next, and
    /// the ids of the findings it rests on.
    #[inline(never)]
    fn keep_text(&mut self, because: String, after: &[Ix]) {
        let depends_on = after.iter().map(|&d| self.id(d)).collect();
        self.texts.push((because, depends_on));
    }

    /// The id made for the finding [`Eval::record`] records next.
    #[inline(never)]
    fn keep_id(&mut self, id: String) {
        let i = self.findings.len();
        self.made_ids.push((i, Cow::Owned(id)));
    }

    /// How many findings there are.
    pub fn len(&self) -> usize {
        self.findings.len()
    }

    pub fn is_empty(&self) -> bool {
        self.findings.is_empty()
    }

    pub fn outcome(&self, i: Ix) -> Outcome {
        self.findings[i].outcome
    }

    /// Finding `i`'s definition.
    pub fn def(&self, i: Ix) -> &'static Def {
        self.findings[i].def
    }

    /// The unknown findings in order, each with what it waits for (those
    /// that wait for nothing are left out).
    pub fn open(&self) -> &[(Ix, Needs)] {
        &self.open
    }

    /// The findings from `from` on: each one's definition and outcome.
    pub(crate) fn defs_from(&self, from: Ix) -> impl Iterator<Item = (&'static Def, Outcome)> + '_ {
        self.findings[from..].iter().map(|r| (r.def, r.outcome))
    }

    /// Finding `i`'s id.
    pub fn id(&self, i: Ix) -> Cow<'static, str> {
        match self.made_ids.binary_search_by_key(&i, |m| m.0) {
            Ok(m) => self.made_ids[m].1.clone(),
            Err(_) => Cow::Borrowed(self.findings[i].def.id),
        }
    }

    /// The findings, whole (their texts are empty unless explaining).
    pub fn into_findings(self) -> Vec<output::Finding> {
        let mut texts = self.texts.into_iter();
        let mut out: Vec<output::Finding> = self
            .findings
            .iter()
            .map(|r| {
                let (because, depends_on) = texts.next().unwrap_or_default();
                output::Finding {
                    id: Cow::Borrowed(r.def.id),
                    question: r.def.question,
                    outcome: r.outcome,
                    because,
                    cite: r.def.cite,
                    depends_on,
                }
            })
            .collect();
        for (i, id) in self.made_ids {
            out[i].id = id;
        }
        out
    }

    /// "Finding `i` is yes" as a value (not_applicable counts as no).
    pub fn yes(&self, i: Ix) -> V {
        match self.outcome(i) {
            Outcome::Yes => V::YES,
            Outcome::No | Outcome::NotApplicable => V::NO,
            Outcome::Unknown => V::unknown(Need::finding(i)),
        }
    }

    /// "Finding `i` is no" as a value (not_applicable counts as no).
    pub fn no(&self, i: Ix) -> V {
        match self.outcome(i) {
            Outcome::Yes => V::NO,
            Outcome::No | Outcome::NotApplicable => V::YES,
            Outcome::Unknown => V::unknown(Need::finding(i)),
        }
    }
}

/// A finding begun ([`Eval::finding`]): what it is made for, and the
/// findings it rests on.
#[must_use = "a finding is recorded by its decision's `because`"]
pub struct Finding<'e, 'a, 'd> {
    ev: &'e mut Eval<'a>,
    def: &'static Def,
    /// The id made for a harm, group or family member (else the definition's).
    id: Option<String>,
    after: &'d [Ix],
}

impl<'e, 'a, 'd> Finding<'e, 'a, 'd> {
    /// Made for harm `h`: `harm.<hid>.…`.
    #[inline(always)]
    pub fn of_harm(self, h: usize) -> Self {
        let id = made_id(self.def, "<hid>", &self.ev.case.harm_ids()[h]);
        Finding {
            id: Some(id),
            ..self
        }
    }

    /// Made for social group `g`: `group.<gid>.…`.
    #[inline(always)]
    pub fn of_group(self, g: usize) -> Self {
        let id = made_id(self.def, "<gid>", &self.ev.case.group_ids()[g]);
        Finding {
            id: Some(id),
            ..self
        }
    }

    /// Made for family member `m`: `family.<fid>.…`.
    #[inline(always)]
    pub fn of_member(self, m: usize) -> Self {
        let id = made_id(self.def, "<fid>", &self.ev.case.family_ids()[m]);
        Finding {
            id: Some(id),
            ..self
        }
    }

    /// The findings this one rests on (its `depends_on`).
    #[inline(always)]
    pub fn after<'d2>(self, findings: &'d2 [Ix]) -> Finding<'e, 'a, 'd2> {
        Finding {
            ev: self.ev,
            def: self.def,
            id: self.id,
            after: findings,
        }
    }

    /// The decision: yes, no, or unknown with the facts and findings that
    /// would settle it.
    #[inline(always)]
    pub fn decide(self, v: V) -> Decision<'e, 'a, 'd> {
        let outcome = match v.t() {
            Tri::Yes => Outcome::Yes,
            Tri::No => Outcome::No,
            Tri::Unknown => Outcome::Unknown,
        };
        Decision {
            finding: self,
            outcome,
            needs: v.into_needs(),
        }
    }

    /// The decision that the question does not arise on these facts.
    #[inline(always)]
    pub fn not_applicable(self) -> Decision<'e, 'a, 'd> {
        Decision {
            finding: self,
            outcome: Outcome::NotApplicable,
            needs: Needs::None,
        }
    }
}

/// A finding decided, waiting for its explanation.
#[must_use = "a finding is recorded by its decision's `because`"]
pub struct Decision<'e, 'a, 'd> {
    finding: Finding<'e, 'a, 'd>,
    outcome: Outcome,
    needs: Needs,
}

impl<'a> Decision<'_, 'a, '_> {
    /// Records the finding and returns its index. `text`, its explanation,
    /// reads the decision (its outcome) and the case, and is called only
    /// when the assessment explains itself.
    #[inline(always)]
    pub fn because(self, text: impl FnOnce(&Eval<'a>, Outcome) -> String) -> Ix {
        let Finding { ev, def, id, after } = self.finding;
        ev.record(def, id, after, self.outcome, self.needs, text)
    }

    /// Records the finding, explained by a text that says the same whatever
    /// the case (and is copied only when explaining).
    #[inline(always)]
    pub fn because_text(self, text: &'static str) -> Ix {
        self.because(|_, _| text.to_string())
    }
}

/// A definition's id with its placeholder (`<hid>`, ...) replaced by `made_for`.
fn made_id(def: &Def, placeholder: &str, made_for: &str) -> String {
    def.id.replacen(placeholder, made_for, 1)
}

/// "yes", "no" or "unknown" for a because-text.
pub(crate) fn yn(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "yes",
        Some(false) => "no",
        None => "unknown",
    }
}

/// A list in words: "a, b and c".
pub(crate) fn words_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => text!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod declared_reads {
    use super::{READS, RECALLED};
    use std::collections::BTreeSet;

    /// The sections of the facts a module's source reads: through the facts'
    /// accessors, or naming a fact of a section (`Fact::Harm`, ...).
    fn sections_read(source: &str) -> BTreeSet<&'static str> {
        let code: String = source
            .split("#[cfg(test)]")
            .next()
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        const BY_ACCESSOR: &[(&str, &str)] = &[
            (".applicant()", "applicant"),
            (".application()", "application"),
            (".risk()", "risk"),
            (".torture()", "torture"),
            (".conduct()", "conduct"),
            (".resettlement()", "resettlement"),
            (".arrivals()", "arrivals"),
            (".last_arrival()", "arrivals"),
            (".exceptions()", "exceptions"),
            (".harms()", "harms"),
            (".groups()", "groups"),
            (".family()", "family"),
            (".removal()", "removal"),
            (".family_unity", "family_unity"),
            (".trips", "trips"),
            (".after_grant()", "after_grant"),
        ];
        const BY_FACT: &[(&str, &str)] = &[
            ("Fact::Applicant", "applicant"),
            ("Fact::Application", "application"),
            ("Fact::Arrival", "arrivals"),
            ("Fact::Exception", "exceptions"),
            ("Fact::Harm", "harms"),
            ("Fact::Ground", "harms"),
            ("Fact::Group", "groups"),
            ("Fact::Risk", "risk"),
            ("Fact::Torture", "torture"),
            ("Fact::Conduct", "conduct"),
            ("Fact::Resettlement", "resettlement"),
            ("Fact::Family", "family"),
            ("Fact::Removal", "removal"),
            ("Fact::Top", "family_unity"),
            ("Fact::Trip", "trips"),
            ("Fact::AfterGrant", "after_grant"),
        ];
        BY_ACCESSOR
            .iter()
            .chain(BY_FACT)
            .filter(|(pattern, _)| code.contains(pattern))
            .map(|&(_, section)| section)
            .collect()
    }

    const SOURCES: &[(&str, &str)] = &[
        ("thresholds", include_str!("thresholds.rs")),
        ("refugee", include_str!("refugee.rs")),
        ("bars", include_str!("bars.rs")),
        ("protection", include_str!("protection.rs")),
        ("reliefs", include_str!("reliefs.rs")),
        ("family", include_str!("family.rs")),
        ("after_grant", include_str!("after_grant.rs")),
        ("deadlines", include_str!("deadlines.rs")),
        ("warnings", include_str!("warnings.rs")),
        ("questions", include_str!("questions.rs")),
    ];

    #[test]
    fn every_rule_module_declares_what_it_reads() {
        assert_eq!(
            SOURCES.len(),
            READS.len(),
            "a module without declared reads"
        );
        let mut wrong = Vec::new();
        for (module, source) in SOURCES {
            let declared: BTreeSet<&str> = READS
                .iter()
                .find(|(m, _)| m == module)
                .map(|(_, r)| r.iter().copied().collect())
                .unwrap_or_default();
            let read = sections_read(source);
            if read != declared {
                wrong.push(text!("{module}: reads {read:?}, declares {declared:?}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn the_screening_memo_keys_every_section_its_recalled_rules_read() {
        for module in RECALLED {
            let (_, reads) = READS.iter().find(|(m, _)| m == module).unwrap();
            for section in *reads {
                assert!(
                    crate::memo::KEYED.contains(section)
                        || crate::memo::NEVER_KEPT.iter().any(|(s, _)| s == section),
                    "{module} reads {section}, which the memo's key does not hold: add it to the key (memo.rs)"
                );
            }
        }
    }
}
