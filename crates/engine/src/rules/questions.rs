//! What to ask next: for every unknown finding, the facts that would settle it,
//! worded so that a paralegal could ask the client, most decisive first.

use std::borrow::Cow;
use std::cmp::Reverse;

use super::Eval;
use crate::facts::{Case, ExceptionKind, Ground, HarmKind, Location, Relation, When};
use crate::logic::{Fact, Field, Need, fields};
use crate::output::{Arg, Message, Question};

/// The facts that the unknown findings wait for, most decisive first: those
/// wanted by the most undetermined reliefs, then by the most findings, then in
/// the order of the law. `relief_reasons` holds, for each undetermined relief,
/// the findings it lists as reasons: a fact counts toward a relief when one of
/// them wants it.
pub struct Ranked {
    /// The facts, numbered in order of first appearance.
    facts: Vec<Need>,
    /// For each fact, its rank key: fewer reliefs and findings sort later.
    keys: Vec<Key>,
    /// The facts each finding waits for.
    sets: FactSets,
}

/// A fact's rank: (most reliefs, earliest intake stage, most findings, then
/// first in the law) sorts first.
type Key = (Reverse<u32>, u8, Reverse<u32>, usize);

impl Ranked {
    pub fn new(ev: &Eval, relief_reasons: &[&[usize]]) -> Ranked {
        // Only unknown findings have needs (see `Eval::open`). A fact first
        // appears among the direct needs of a finding, since a finding built
        // on an earlier one asks only what that one already asked; so there
        // are at most as many facts as direct needs. Each finding waits for
        // its direct needs and for what the findings it is built from (which
        // always come earlier) wait for.
        let open = ev.open();
        let direct = open.iter().map(|(_, needs)| needs.len()).sum();
        let mut facts: Vec<Need> = Vec::with_capacity(direct);
        let mut keys: Vec<Key> = Vec::with_capacity(direct);
        let mut sets = FactSets::new(ev.len(), direct);
        for &(i, ref needs) in open {
            if !asked(ev, i) {
                continue;
            }
            for &need in needs {
                match need.as_finding() {
                    Some(j) if j < i => sets.union_into(i, j),
                    Some(_) => {}
                    None => {
                        let k = match facts.iter().position(|&g| g == need) {
                            Some(k) => k,
                            None => {
                                facts.push(need);
                                let stage = need.as_fact().map_or(u8::MAX, intake_stage);
                                keys.push((Reverse(0), stage, Reverse(0), keys.len()));
                                facts.len() - 1
                            }
                        };
                        sets.insert(i, k);
                    }
                }
            }
            // Finding `i`'s facts are all known now: each is wanted by one more finding.
            each_fact(sets.row(i), |k| keys[k].2.0 += 1);
        }
        // For each fact, how many undetermined reliefs list a finding that wants it as a reason.
        let mut any = vec![0u64; sets.words];
        for reasons in relief_reasons {
            any.fill(0);
            for &r in *reasons {
                for (a, b) in any.iter_mut().zip(sets.row(r)) {
                    *a |= b;
                }
            }
            each_fact(&any, |k| keys[k].0.0 += 1);
        }
        Ranked { facts, keys, sets }
    }

    /// How many facts are asked for.
    pub fn len(&self) -> usize {
        self.facts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.facts.is_empty()
    }

    /// The most decisive fact.
    pub fn first(&self) -> Option<Fact> {
        self.keys.iter().min().map(|&(.., k)| self.fact(k))
    }

    /// Fact number `k`.
    fn fact(&self, k: usize) -> Fact {
        self.facts[k].as_fact().expect("only facts are numbered")
    }

    /// The fact numbers, most decisive first.
    fn order(&self) -> Vec<usize> {
        let mut keys = self.keys.clone();
        keys.sort_unstable();
        keys.into_iter().map(|(.., k)| k).collect()
    }
}

/// Whether the unknown finding `i` is asked about. After a grant, only what
/// the family members need (`amendments-2026-12.md` B.10); for a person
/// abroad, nothing of the asylum thresholds, which concern arrivals in the
/// United States (B.8).
fn asked(ev: &Eval, i: usize) -> bool {
    let f = &ev.case.facts();
    let def = ev.def(i);
    if f.application().granted_on.is_some() {
        return def.id == crate::defs::FAMILY_DERIVATIVE.id
            || def.id == crate::defs::FAMILY_I730.id
            || def.section == "8";
    }
    !(f.applicant().location == Some(Location::OutsideUs) && def.section == "1")
}

/// Builds `questions[]` from the ranked facts.
pub fn build(ev: &Eval, ranked: &Ranked) -> Vec<Question> {
    ranked
        .order()
        .into_iter()
        .map(|k| {
            let f = ranked.fact(k);
            let (ask, ask_message) = if ev.explain {
                match worded(&f, ev.case) {
                    Some(w) => (w.ask, Some(w.message)),
                    None => (unworded(&f, ev.case), None),
                }
            } else {
                (Cow::Borrowed(""), None)
            };
            Question {
                fact: f.path(ev.case).into_owned(),
                ask,
                ask_message,
                why: if ev.explain {
                    (0..ev.len())
                        .filter(|&i| ranked.sets.contains(i, k))
                        .map(|i| ev.id(i))
                        .collect()
                } else {
                    Vec::new()
                },
            }
        })
        .collect()
}

/// For each finding, a set of fact numbers (a bit set, `words` words a finding).
struct FactSets {
    words: usize,
    bits: Vec<u64>,
}

impl FactSets {
    fn new(findings: usize, facts: usize) -> FactSets {
        let words = facts.div_ceil(64);
        FactSets {
            words,
            bits: vec![0; findings * words],
        }
    }

    fn row(&self, i: usize) -> &[u64] {
        &self.bits[i * self.words..(i + 1) * self.words]
    }

    fn insert(&mut self, i: usize, k: usize) {
        self.bits[i * self.words + k / 64] |= 1 << (k % 64);
    }

    fn contains(&self, i: usize, k: usize) -> bool {
        self.bits[i * self.words + k / 64] & (1 << (k % 64)) != 0
    }

    /// Adds finding `j`'s facts to finding `i`'s (`j < i`).
    fn union_into(&mut self, i: usize, j: usize) {
        if self.words == 1 {
            // Up to 64 facts, the usual case: one word a finding.
            self.bits[i] |= self.bits[j];
            return;
        }
        let (before, from_i) = self.bits.split_at_mut(i * self.words);
        for (a, b) in from_i[..self.words]
            .iter_mut()
            .zip(&before[j * self.words..(j + 1) * self.words])
        {
            *a |= b;
        }
    }
}

/// Calls `f` with each fact number in the bit set `set`.
fn each_fact(set: &[u64], mut f: impl FnMut(usize)) {
    for (w, &word) in set.iter().enumerate() {
        let mut bits = word;
        while bits != 0 {
            f(w * 64 + bits.trailing_zeros() as usize);
            bits &= bits - 1;
        }
    }
}

/// A question as the engine words it in English (`ask`), with the message
/// that words it in any language (`crates/i18n/locales/*/questions.ftl`).
pub struct Worded {
    pub ask: Cow<'static, str>,
    pub message: Message,
}

/// A phrase of a question (the harm, the arrival it is about): its English,
/// and the same as an argument of the question's message.
struct Phrase {
    en: String,
    arg: Arg,
}

impl Phrase {
    fn message(en: String, id: &'static str, args: Vec<(&'static str, Arg)>) -> Phrase {
        Phrase {
            en,
            arg: Arg::Message(Message::new(id, args)),
        }
    }
}

/// A question: its message id, its English (most are fixed and borrowed) and
/// the phrases it names (`{a}` in the English is the phrase `a`).
macro_rules! q {
    ($id:literal, $text:literal) => {
        Worded { ask: Cow::Borrowed($text), message: Message::new($id, Vec::new()) }
    };
    ($id:literal, $text:literal, $($name:ident),+) => {
        Worded {
            ask: Cow::Owned(text!($text, $($name = $name.en),+)),
            message: Message::new($id, vec![$((stringify!($name), $name.arg.clone())),+]),
        }
    };
}

/// A question made from a field's name, for a field with no wording.
macro_rules! owned {
    ($($t:tt)*) => { Cow::Owned(text!($($t)*)) };
}

fn harm_phrase(case: &Case, h: usize) -> Phrase {
    let harm = &case.facts().harms()[h];
    let (what, kind) = match harm.kind {
        None => ("harm".to_string(), "question-harm-kind-unknown"),
        Some(HarmKind::Fgm) => (
            "female genital mutilation".to_string(),
            "question-harm-kind-fgm",
        ),
        Some(k) => (k.words(), harm_kind_id(k)),
    };
    let (when, id) = match harm.when {
        Some(When::Past) => (" the applicant suffered", "question-phrase-harm-past"),
        Some(When::Feared) => (" the applicant fears", "question-phrase-harm-feared"),
        None => ("", "question-phrase-harm"),
    };
    let (date, on) = match harm.date {
        Some(d) => (
            text!(" on {d}"),
            Arg::Message(Message::new(
                "question-phrase-on-date",
                vec![("date", Arg::Date(d))],
            )),
        ),
        None => (
            String::new(),
            Arg::Message(Message::new("question-phrase-no-date", Vec::new())),
        ),
    };
    let hid = case.harm_ids()[h].to_string();
    Phrase::message(
        text!("the {what}{when}{date} (harm {hid})"),
        id,
        vec![
            ("kind", Arg::Message(Message::new(kind, Vec::new()))),
            ("on", on),
            ("id", Arg::Text(hid)),
        ],
    )
}

fn arrival_phrase(case: &Case, i: usize) -> Phrase {
    match case.facts().arrivals().get(i).and_then(|a| a.date) {
        Some(d) => Phrase::message(
            text!("the arrival on {d}"),
            "question-phrase-arrival-dated",
            vec![("date", Arg::Date(d))],
        ),
        None if case.facts().arrivals().len() > 1 => Phrase::message(
            text!("arrival {}", i + 1),
            "question-phrase-arrival-numbered",
            vec![("n", Arg::Number(i as i64 + 1))],
        ),
        None => Phrase::message(
            "the last arrival".to_string(),
            "question-phrase-arrival-last",
            Vec::new(),
        ),
    }
}

fn group_phrase(case: &Case, g: usize) -> Phrase {
    match case.facts().groups()[g].definition.as_deref() {
        Some(d) => Phrase::message(
            text!("\"{d}\""),
            "question-phrase-group-defined",
            vec![("definition", Arg::Text(d.to_string()))],
        ),
        None => Phrase::message(
            text!("group {}", case.group_ids()[g]),
            "question-phrase-group",
            vec![("id", Arg::Text(case.group_ids()[g].to_string()))],
        ),
    }
}

fn exception_phrase(case: &Case, i: usize) -> Phrase {
    match case.facts().exceptions().get(i).and_then(|e| e.kind) {
        Some(k) => Phrase::message(
            text!("the {}", k.words()),
            "question-phrase-exception",
            vec![(
                "kind",
                Arg::Message(Message::new(exception_kind_id(k), Vec::new())),
            )],
        ),
        None => Phrase::message(
            "this circumstance".to_string(),
            "question-phrase-exception-unknown",
            Vec::new(),
        ),
    }
}

fn family_phrase(case: &Case, i: usize) -> Phrase {
    let m = &case.facts().family()[i];
    let (rel, id) = match m.relation {
        Some(Relation::Spouse) => ("spouse".to_string(), "question-relation-spouse"),
        Some(Relation::Child) => ("child".to_string(), "question-relation-child"),
        None => ("family member".to_string(), "question-relation-unknown"),
    };
    let fid = case.family_ids()[i].to_string();
    Phrase::message(
        text!("the {rel} {fid}"),
        "question-phrase-family",
        vec![
            ("relation", Arg::Message(Message::new(id, Vec::new()))),
            ("id", Arg::Text(fid)),
        ],
    )
}

fn trip_phrase(case: &Case, i: usize) -> Phrase {
    match case.facts().trips().get(i).and_then(|t| t.departed) {
        Some(d) => Phrase::message(
            text!("the trip that began on {d}"),
            "question-phrase-trip-dated",
            vec![("date", Arg::Date(d))],
        ),
        None => Phrase::message(
            text!("trip {}", i + 1),
            "question-phrase-trip-numbered",
            vec![("n", Arg::Number(i as i64 + 1))],
        ),
    }
}

fn ground_phrase(case: &Case, h: usize, g: usize) -> Phrase {
    let ground = case.facts().harms()[h]
        .grounds
        .as_deref()
        .and_then(|gs| gs.get(g))
        .and_then(|x| x.ground);
    let (en, id) = match ground {
        Some(x) => (x.words(), ground_id(x)),
        None => ("this reason".to_string(), "question-ground-unknown"),
    };
    Phrase::message(en, id, Vec::new())
}

/// The message naming a kind of harm in a question.
fn harm_kind_id(k: HarmKind) -> &'static str {
    match k {
        HarmKind::Torture => "question-harm-kind-torture",
        HarmKind::SexualViolence => "question-harm-kind-sexual_violence",
        HarmKind::AttemptedKilling => "question-harm-kind-attempted_killing",
        HarmKind::SeriousPhysicalHarm => "question-harm-kind-serious_physical_harm",
        HarmKind::ForcedAbortion => "question-harm-kind-forced_abortion",
        HarmKind::ForcedSterilization => "question-harm-kind-forced_sterilization",
        HarmKind::Fgm => "question-harm-kind-fgm",
        HarmKind::Detention => "question-harm-kind-detention",
        HarmKind::DeathThreat => "question-harm-kind-death_threat",
        HarmKind::Threat => "question-harm-kind-threat",
        HarmKind::EconomicDeprivation => "question-harm-kind-economic_deprivation",
        HarmKind::PropertyDestruction => "question-harm-kind-property_destruction",
        HarmKind::ForcedRecruitment => "question-harm-kind-forced_recruitment",
        HarmKind::ForcedMarriage => "question-harm-kind-forced_marriage",
        HarmKind::HarmToFamily => "question-harm-kind-harm_to_family",
        HarmKind::Prosecution => "question-harm-kind-prosecution",
        HarmKind::Harassment => "question-harm-kind-harassment",
        HarmKind::Discrimination => "question-harm-kind-discrimination",
    }
}

/// The message naming a kind of exception to the one-year rule in a question.
fn exception_kind_id(k: ExceptionKind) -> &'static str {
    match k {
        ExceptionKind::ChangedCountryConditions => {
            "question-exception-kind-changed_country_conditions"
        }
        ExceptionKind::ChangedLaw => "question-exception-kind-changed_law",
        ExceptionKind::ChangedPersonalCircumstances => {
            "question-exception-kind-changed_personal_circumstances"
        }
        ExceptionKind::LostDerivativeStatus => "question-exception-kind-lost_derivative_status",
        ExceptionKind::SeriousIllnessOrDisability => {
            "question-exception-kind-serious_illness_or_disability"
        }
        ExceptionKind::LegalDisability => "question-exception-kind-legal_disability",
        ExceptionKind::IneffectiveAssistance => "question-exception-kind-ineffective_assistance",
        ExceptionKind::LawfulStatus => "question-exception-kind-lawful_status",
        ExceptionKind::RejectedThenRefiled => "question-exception-kind-rejected_then_refiled",
        ExceptionKind::DeathOrIllnessInFamily => {
            "question-exception-kind-death_or_illness_in_family"
        }
    }
}

/// The message naming a protected ground in a question.
fn ground_id(g: Ground) -> &'static str {
    match g {
        Ground::Race => "question-ground-race",
        Ground::Religion => "question-ground-religion",
        Ground::Nationality => "question-ground-nationality",
        Ground::ParticularSocialGroup => "question-ground-particular_social_group",
        Ground::PoliticalOpinion => "question-ground-political_opinion",
        Ground::CoercivePopulationControl => "question-ground-coercive_population_control",
    }
}

/// Every question the engine can word for `case`'s entries: each field in
/// each place the facts document has it (the first arrival, exception,
/// harm, ground, group and family member, which `case` must hold): for a
/// test that holds each
/// message's English in the views' catalogues equal to the engine's.
pub fn every_wording(case: &Case) -> Vec<Worded> {
    Field::all()
        .flat_map(places)
        .filter_map(|p| worded(&p, case))
        .chain(
            [Fact::Arrivals, Fact::Exceptions, Fact::Harms, Fact::Trips]
                .iter()
                .filter_map(|p| worded(p, case)),
        )
        .collect()
}

/// The places a field can be in: a single object's field by its path's
/// prefix, an entry's field in the first entry of each list (or at the top).
fn places(f: Field) -> Vec<Fact> {
    let object = match f.name().split_once('.') {
        Some(("applicant", _)) => Fact::Applicant(f),
        Some(("application", _)) => Fact::Application(f),
        Some(("risk", _)) => Fact::Risk(f),
        Some(("torture", _)) => Fact::Torture(f),
        Some(("conduct", _)) => Fact::Conduct(f),
        Some(("resettlement", _)) => Fact::Resettlement(f),
        Some(("removal", _)) => Fact::Removal(f),
        Some(("after_grant", _)) => Fact::AfterGrant(f),
        Some(_) => return Vec::new(),
        None => {
            return vec![
                Fact::Top(f),
                Fact::Arrival(0, f),
                Fact::Exception(0, f),
                Fact::Harm(0, f),
                Fact::Ground(0, 0, f),
                Fact::Group(0, f),
                Fact::Family(0, f),
                Fact::Trip(0, f),
            ];
        }
    };
    vec![object]
}

/// The question written for `fact`, in English and as a message, chosen by
/// its field's constant: none where its field has no wording in that place
/// (a test checks that every field of `logic::FIELDS` has one where the
/// facts document has it).
pub fn worded(fact: &Fact, case: &Case) -> Option<Worded> {
    Some(match *fact {
        Fact::Applicant(f) => match f {
            fields::APPLICANT_LOCATION => q!(
                "question-applicant-location",
                "Where is the applicant now: in the United States, at a port of entry, or outside the United States?"
            ),
            fields::APPLICANT_UNACCOMPANIED_CHILD => q!(
                "question-applicant-unaccompanied_child",
                "Has the applicant been designated an unaccompanied child (under 18, with no parent or legal guardian in the United States available to care for them, and without lawful status)?"
            ),
            fields::APPLICANT_NATIONALITY => q!(
                "question-applicant-nationality",
                "Of which country or countries is the applicant a citizen or national? (None, if stateless.)"
            ),
            fields::APPLICANT_HABITUAL_RESIDENCE => q!(
                "question-applicant-habitual_residence",
                "The applicant is stateless: in which country did the applicant last habitually live?"
            ),
            fields::APPLICANT_CURRENT_COUNTRY => q!(
                "question-applicant-current_country",
                "In which country is the applicant living now?"
            ),
            fields::APPLICANT_BIRTH_DATE => q!(
                "question-applicant-birth_date",
                "What is the applicant's birth date?"
            ),
            _ => return None,
        },
        Fact::Arrivals => q!(
            "question-arrivals",
            "When did the applicant last arrive in the United States, and how?"
        ),
        Fact::Arrival(i, f) => {
            let a = arrival_phrase(case, i);
            match f {
                fields::DATE => q!(
                    "question-arrivals-date",
                    "On what date did the applicant last arrive in the United States? (Every entry counts; the latest one starts the one-year clock.)"
                ),
                fields::MANNER => q!(
                    "question-arrivals-manner",
                    "For {a}: was the applicant admitted with a visa or other document, paroled, presented at a port of entry without documents, or did the applicant cross between ports of entry?",
                    a
                ),
                fields::BORDER => q!(
                    "question-arrivals-border",
                    "For {a}: did the applicant cross the southwest land border (Mexico), the northern land border (Canada), or arrive by air or sea?",
                    a
                ),
                fields::FROM_COUNTRY => q!(
                    "question-arrivals-from_country",
                    "For {a}: from which country did the applicant enter the United States?",
                    a
                ),
                fields::TRANSIT_COUNTRIES => q!(
                    "question-arrivals-transit_countries",
                    "For {a}: through which countries did the applicant pass after leaving home, in order?",
                    a
                ),
                fields::CBP_ONE_APPOINTMENT => q!(
                    "question-arrivals-cbp_one_appointment",
                    "For {a}: did the applicant present at a port of entry at a pre-scheduled appointment (for example through the CBP One app)?",
                    a
                ),
                fields::PROTECTION_SOUGHT_IN_TRANSIT => q!(
                    "question-arrivals-protection_sought_in_transit",
                    "For {a}: did the applicant apply for asylum or other protection in a country passed through on the way, and was it denied or is it still pending?",
                    a
                ),
                fields::STCA_EXCEPTION => q!(
                    "question-arrivals-stca_exception",
                    "For {a}: does an exception of the U.S.-Canada Safe Third Country Agreement apply (a family member in the United States with status or a pending asylum claim, an unaccompanied child, a valid visa or visa-free entry, or a public-interest exception)?",
                    a
                ),
                fields::COMPELLING_CIRCUMSTANCES => q!(
                    "question-arrivals-compelling_circumstances",
                    "For {a}: at the time of entry, did the applicant face a medical emergency, an imminent and extreme threat to life or safety, or was the applicant a victim of severe trafficking?",
                    a
                ),
                fields::VISA_OR_ADMISSION_DOCUMENT => q!(
                    "question-arrivals-visa_or_admission_document",
                    "For {a}: did the applicant hold a valid visa or other valid admission document (an exception of the Safe Third Country Agreement, 8 C.F.R. § 208.30(e)(6)(iii))?",
                    a
                ),
                fields::ENCOUNTERED_WITHIN_14_DAYS => q!(
                    "question-arrivals-encountered_within_14_days",
                    "For {a}: after crossing between ports of entry, was the applicant encountered by U.S. officials within 14 days (the reach of the Agreement's Additional Protocol, 88 Fed. Reg. 18,227)?",
                    a
                ),
                fields::SCHEDULING_SYSTEM_UNAVAILABLE => q!(
                    "question-arrivals-scheduling_system_unavailable",
                    "For {a}: the applicant presented at a port of entry without an appointment: was it impossible to access or use the DHS scheduling system (CBP One) because of a language barrier, illiteracy, a significant technical failure, or another ongoing and serious obstacle?",
                    a
                ),
                _ => return None,
            }
        }
        Fact::Application(f) => match f {
            fields::APPLICATION_PREVIOUSLY_DENIED => q!(
                "question-application-previously_denied",
                "Has an immigration judge or the Board of Immigration Appeals ever denied an earlier asylum application by the applicant?"
            ),
            fields::APPLICATION_FILED_ON => q!(
                "question-application-filed_on",
                "Has the asylum application (Form I-589) been filed? If so, on what date was it received?"
            ),
            fields::APPLICATION_FORUM => q!(
                "question-application-forum",
                "Is the asylum claim before USCIS (an affirmative application) or before an immigration judge in removal proceedings (defensive)?"
            ),
            _ => return None,
        },
        Fact::Exceptions => q!(
            "question-exceptions",
            "Did anything happen that could excuse filing late or refiling: a change in country conditions, in the law or in the applicant's own circumstances (new beliefs, activities or identity, loss of derivative status), or extraordinary circumstances (serious illness, disability, being an unaccompanied minor, ineffective legal help, maintaining lawful status or parole, a rejected filing, a death or serious illness in the family)? When did each begin and end?"
        ),
        Fact::Exception(i, f) => {
            let kind = exception_phrase(case, i);
            let n = Phrase {
                en: (i + 1).to_string(),
                arg: Arg::Number(i as i64 + 1),
            };
            match f {
                fields::KIND => q!(
                    "question-exceptions-kind",
                    "What kind of circumstance is exception {n}: changed circumstances (country conditions, law, personal circumstances, lost derivative status) or extraordinary ones (illness, legal disability, ineffective assistance, lawful status, a rejected filing, family death or illness)?",
                    n
                ),
                fields::BEGAN => q!("question-exceptions-began", "When did {kind} begin?", kind),
                fields::REASONABLE_DELAY => q!(
                    "question-exceptions-reasonable_delay",
                    "Was the application filed within a reasonable time after {kind}? (Attorney's judgment: no period is reasonable of itself; weigh the applicant's circumstances, Matter of T-M-H- & S-W-C-, 25 I&N Dec. 193 (BIA 2010). After lawful status ends, waiting six months or longer would generally not be reasonable, 65 Fed. Reg. 76,121, 76,123-24 (Dec. 6, 2000).)",
                    kind
                ),
                _ => return None,
            }
        }
        Fact::Harms => q!(
            "question-harms",
            "What harm has the applicant suffered, and what harm does the applicant fear on return? For each: what happened, when, who did it, and why."
        ),
        Fact::Harm(h, f) => {
            let p = harm_phrase(case, h);
            match f {
                fields::WHEN => q!(
                    "question-harms-when",
                    "Is {p} something that already happened, or something the applicant fears?",
                    p
                ),
                fields::KIND => q!(
                    "question-harms-kind",
                    "What kind of harm is {p}: for example torture, sexual violence, an attempted killing, serious physical harm, detention, threats, economic deprivation, or harassment?",
                    p
                ),
                fields::TARGET => q!(
                    "question-harms-target",
                    "Was {p} aimed at the applicant, or at a member of the applicant's family?",
                    p
                ),
                fields::INJURED => q!(
                    "question-harms-injured",
                    "During {p}, was the applicant physically injured badly enough to need medical care?",
                    p
                ),
                fields::SEVERE => q!(
                    "question-harms-severe",
                    "Does {p} rise to the level of persecution? (Attorney's judgment: persecution is an extreme concept; harassment, discrimination and low-level intimidation are not persecution: Zakirov v. Ashcroft, 384 F.3d 541 (8th Cir. 2004); Fatin v. INS, 12 F.3d 1233, 1240 (3d Cir. 1993). Threats count when credible, specific and menacing.)",
                    p
                ),
                fields::ACTOR => q!(
                    "question-harms-actor",
                    "Who did (or would do) {p}: the government (police, army, officials) or someone else (a gang, a family member, a militia)?",
                    p
                ),
                fields::AUTHORITIES => q!(
                    "question-harms-authorities",
                    "About {p}: was it reported to the police or other authorities, and what did they do? If not reported, would reporting have been futile or dangerous?",
                    p
                ),
                fields::GROUNDS => q!(
                    "question-harms-grounds",
                    "Why did (or would) the persecutor target the applicant in {p}: because of race, religion, nationality, political opinion (own or attributed), membership in a particular social group, or resistance to coercive population control?",
                    p
                ),
                _ => return None,
            }
        }
        Fact::Ground(h, g, f) => {
            let p = harm_phrase(case, h);
            let ground = ground_phrase(case, h, g);
            match f {
                fields::CENTRAL => q!(
                    "question-harms-grounds-central",
                    "In {p}, was {ground} at least one central reason the persecutor acted, not incidental or tangential? (INA § 208(b)(1)(B)(i); Matter of J-B-N- & S-M-, 24 I&N Dec. 208 (BIA 2007).)",
                    p,
                    ground
                ),
                fields::GROUND => q!(
                    "question-harms-grounds-ground",
                    "In {p}, which protected ground was the reason: race, religion, nationality, political opinion, a particular social group, or coercive population control?",
                    p
                ),
                fields::GROUP => q!(
                    "question-harms-grounds-group",
                    "In {p}, which particular social group was the applicant targeted as a member of? Define it so it can be judged (immutable, particular, socially distinct).",
                    p
                ),
                _ => return None,
            }
        }
        Fact::Group(g, f) => {
            let p = group_phrase(case, g);
            match f {
                fields::IMMUTABLE => q!(
                    "question-groups-immutable",
                    "Is membership in {p} based on a characteristic the members cannot change, or should not be required to change because it is fundamental to their identity or conscience? (Matter of Acosta, 19 I&N Dec. 211 (BIA 1985).)",
                    p
                ),
                fields::PARTICULAR => q!(
                    "question-groups-particular",
                    "Is {p} defined with particularity: clear boundaries, so that it is clear who is in the group and who is not, not amorphous or overbroad? (Attorney's judgment: Matter of M-E-V-G-, 26 I&N Dec. 227 (BIA 2014); Matter of W-G-R-, 26 I&N Dec. 208 (BIA 2014).)",
                    p
                ),
                fields::SOCIALLY_DISTINCT => q!(
                    "question-groups-socially_distinct",
                    "Is {p} seen as a distinct group by the society in question (evidence such as country reports, laws, news)? (Attorney's judgment: Matter of M-E-V-G-, 26 I&N Dec. 227 (BIA 2014).)",
                    p
                ),
                _ => return None,
            }
        }
        Fact::Risk(f) => match f {
            fields::RISK_PERSECUTION_LIKELIHOOD => q!(
                "question-risk-persecution_likelihood",
                "How likely is persecution if the applicant returns: more likely than not, a reasonable possibility (even a 10% chance can be enough), or remote? Consider whether the persecutor knows or could learn of the applicant, can reach the applicant, and wants to harm the applicant (Matter of Mogharrabi, 19 I&N Dec. 439 (BIA 1987))."
            ),
            fields::RISK_CUMULATIVE_PAST_HARM_SEVERE => q!(
                "question-risk-cumulative_past_harm_severe",
                "Taken together, do the past harms (including harassment, threats and discrimination) add up to persecution? (Attorney's judgment: Matter of O-Z- & I-Z-, 22 I&N Dec. 23 (BIA 1998).)"
            ),
            fields::RISK_RELOCATION_POSSIBLE => q!(
                "question-risk-relocation_possible",
                "Could the applicant avoid the harm by moving to another part of the home country?"
            ),
            fields::RISK_RELOCATION_REASONABLE => q!(
                "question-risk-relocation_reasonable",
                "Would it be reasonable to expect the applicant to move within the home country, given safety, age, health, family ties, and the conditions there? (8 C.F.R. § 208.13(b)(3).)"
            ),
            fields::RISK_SEVERE_PAST_PERSECUTION => q!(
                "question-risk-severe_past_persecution",
                "Was the past persecution so severe that there are compelling reasons the applicant cannot be expected to return, even if conditions have changed? (Matter of Chen, 20 I&N Dec. 16 (BIA 1989).)"
            ),
            fields::RISK_OTHER_SERIOUS_HARM => q!(
                "question-risk-other_serious_harm",
                "Is there a reasonable possibility that the applicant would suffer other serious harm on return, even if not on account of a protected ground? (Matter of L-S-, 25 I&N Dec. 705 (BIA 2012).)"
            ),
            fields::RISK_AFRAID => q!(
                "question-risk-afraid",
                "Is the applicant genuinely afraid to return?"
            ),
            fields::RISK_FEAR_IN_EVERY_NATIONALITY => q!(
                "question-risk-fear_in_every_nationality",
                "The applicant is a national of more than one country: does the applicant fear persecution in each of them, or could the applicant live safely in one? (Matter of B-R-, 26 I&N Dec. 119 (BIA 2013).)"
            ),
            fields::RISK_PERSECUTOR_AWARE => q!(
                "question-risk-persecutor_aware",
                "Does the persecutor know, or could the persecutor easily learn, of the belief or characteristic the applicant would be targeted for? (Matter of Mogharrabi, 19 I&N Dec. 439 (BIA 1987).)"
            ),
            fields::RISK_PERSECUTOR_CAPABLE => q!(
                "question-risk-persecutor_capable",
                "Could the persecutor find and punish the applicant on return (reach, power, resources)? (Matter of Mogharrabi.)"
            ),
            fields::RISK_PERSECUTOR_INCLINED => q!(
                "question-risk-persecutor_inclined",
                "Does the persecutor want to punish the applicant for that belief or characteristic (threats, past acts, treatment of others like the applicant)? (Matter of Mogharrabi.)"
            ),
            _ => return None,
        },
        Fact::Torture(f) => match f {
            fields::TORTURE_LIKELIHOOD => q!(
                "question-torture-likelihood",
                "How likely is it that the applicant would be tortured (severe pain or suffering, intentionally inflicted) on return: more likely than not, possible, or remote?"
            ),
            fields::TORTURE_OFFICIAL_ROLE => q!(
                "question-torture-official_role",
                "Would a public official (police, military, any government agent) torture the applicant, order it, consent to it, or knowingly look away (acquiescence, including willful blindness)?"
            ),
            _ => return None,
        },
        Fact::Conduct(f) => match f {
            fields::CONDUCT_PERSECUTED_OTHERS => q!(
                "question-conduct-persecuted_others",
                "Has the applicant ever ordered, incited, assisted or otherwise taken part in harming anyone because of their race, religion, nationality, social group or political opinion?"
            ),
            fields::CONDUCT_AGGRAVATED_FELONY => q!(
                "question-conduct-aggravated_felony",
                "Has the applicant ever been convicted of an aggravated felony (INA § 101(a)(43)), in the United States or elsewhere?"
            ),
            fields::CONDUCT_PARTICULARLY_SERIOUS_CRIME => q!(
                "question-conduct-particularly_serious_crime",
                "Has the applicant been convicted of a crime that is particularly serious? (Attorney's judgment, case by case: the nature of the conviction, the sentence and the circumstances, Matter of N-A-M-, 24 I&N Dec. 336 (BIA 2007). For withholding, this decides an aggravated felony with a sentence under five years that is not drug trafficking.)"
            ),
            fields::CONDUCT_DRUG_TRAFFICKING => q!(
                "question-conduct-drug_trafficking",
                "Was the aggravated felony illicit trafficking in a controlled substance? (Such a felony is presumed particularly serious, whatever the sentence: Matter of Y-L-, A-G- & R-S-R-, 23 I&N Dec. 270 (A.G. 2002).)"
            ),
            fields::CONDUCT_SENTENCE_YEARS => q!(
                "question-conduct-sentence_years",
                "For aggravated felonies, what was the total prison sentence imposed, in years (the sentence, not the time served)?"
            ),
            fields::CONDUCT_SERIOUS_NONPOLITICAL_CRIME => q!(
                "question-conduct-serious_nonpolitical_crime",
                "Is there reason to believe the applicant committed a serious nonpolitical crime outside the United States?"
            ),
            fields::CONDUCT_DANGER_TO_SECURITY => q!(
                "question-conduct-danger_to_security",
                "Is there any reason to regard the applicant as a danger to the security of the United States?"
            ),
            fields::CONDUCT_TERRORIST_ACTIVITY => q!(
                "question-conduct-terrorist_activity",
                "Has the applicant ever engaged in, supported, or given material support to terrorist activity or a terrorist organization (INA § 212(a)(3)(B)), even under duress?"
            ),
            _ => return None,
        },
        Fact::Resettlement(f) => match f {
            fields::RESETTLEMENT_OFFERED_PERMANENT_STATUS => q!(
                "question-resettlement-offered_permanent_status",
                "Before coming to the United States, did any other country offer the applicant permanent residence, citizenship, or another permanent status?"
            ),
            fields::RESETTLEMENT_STAY_NECESSARY_FOR_FLIGHT => q!(
                "question-resettlement-stay_necessary_for_flight",
                "Was the applicant in that country only as a necessary step in fleeing, staying only as long as needed to arrange onward travel, without building significant ties there?"
            ),
            fields::RESETTLEMENT_RESTRICTIVE_CONDITIONS => q!(
                "question-resettlement-restrictive_conditions",
                "Were the applicant's living conditions in that country so restricted by its authorities that the applicant was not really resettled there?"
            ),
            _ => return None,
        },
        Fact::Family(i, f) => {
            let p = family_phrase(case, i);
            match f {
                fields::RELATION => q!(
                    "question-family-relation",
                    "Is {p} the applicant's spouse or child?",
                    p
                ),
                fields::BIRTH_DATE => q!(
                    "question-family-birth_date",
                    "What is the date of birth of {p}?",
                    p
                ),
                fields::MARRIED => q!("question-family-married", "Is {p} married?", p),
                fields::RELATIONSHIP_BEGAN => q!(
                    "question-family-relationship_began",
                    "When did the relationship with {p} begin (the date of marriage, or of birth or adoption)?",
                    p
                ),
                fields::CONCEIVED_BEFORE_GRANT => q!(
                    "question-family-conceived_before_grant",
                    "Was {p} already conceived (in utero) on the day asylum was granted?",
                    p
                ),
                fields::HUMANITARIAN_REASONS => q!(
                    "question-family-humanitarian_reasons",
                    "The two years to file Form I-730 for {p} have passed: are there humanitarian reasons for USCIS to accept the petition late (8 C.F.R. § 208.21(d))?",
                    p
                ),
                _ => return None,
            }
        }
        Fact::Trips => q!(
            "question-trips",
            "Has the person left the United States since the grant of asylum? List every trip, with the dates of departure and return, the countries visited and the travel document used."
        ),
        Fact::Trip(i, f) => {
            let t = trip_phrase(case, i);
            match f {
                fields::DEPARTED => q!(
                    "question-trips-departed",
                    "On what date did {t} begin (the day of departure from the United States)?",
                    t
                ),
                fields::RETURNED => q!(
                    "question-trips-returned",
                    "On what date did {t} end (the day of return to the United States)?",
                    t
                ),
                fields::COUNTRIES => q!(
                    "question-trips-countries",
                    "Which countries did the person visit on {t}?",
                    t
                ),
                fields::DOCUMENT => q!(
                    "question-trips-document",
                    "On which document did the person travel on {t}: a refugee travel document, advance parole, the permanent resident card, a passport of their own country, or another?",
                    t
                ),
                fields::RESIDENCE_KEPT => q!(
                    "question-trips-residence_kept",
                    "About {t}, which lasted more than six months: does the evidence show that the person kept their residence in the United States (a job, a home, family, taxes filed as a resident)?",
                    t
                ),
                _ => return None,
            }
        }
        Fact::AfterGrant(f) => match f {
            fields::AFTER_GRANT_STILL_REFUGEE => q!(
                "question-after_grant-still_refugee",
                "Does the asylee still fear persecution in the home country (or is the asylee still the spouse or child of a refugee)?"
            ),
            fields::AFTER_GRANT_FIRMLY_RESETTLED => q!(
                "question-after_grant-firmly_resettled",
                "Since the grant, has the asylee been offered permanent residence, citizenship or a similar status in another country?"
            ),
            fields::AFTER_GRANT_INADMISSIBLE => q!(
                "question-after_grant-inadmissible",
                "Does any ground of inadmissibility apply to the asylee (crimes, health, immigration violations, security: the eligibility and inadmissibility questions of Form I-485)?"
            ),
            fields::AFTER_GRANT_GROUND_WAIVABLE => q!(
                "question-after_grant-ground_waivable",
                "Can that ground of inadmissibility be waived for an asylee (Form I-602, INA § 209(c)), that is, it is not drug trafficking or a security or terrorism ground?"
            ),
            fields::AFTER_GRANT_PASSPORT_RENEWED => q!(
                "question-after_grant-passport_renewed",
                "Since the grant, has the asylee applied for, renewed or used a passport of the home country?"
            ),
            fields::AFTER_GRANT_PROTECTION_AVAILED => q!(
                "question-after_grant-protection_availed",
                "Has the asylee voluntarily gone back to the home country to live there with permanent residence, or with a reasonable possibility of obtaining it (seeking its protection again)?"
            ),
            _ => return None,
        },
        Fact::Removal(f) => match f {
            fields::REMOVAL_PRIOR_ORDER => q!(
                "question-removal-prior_order",
                "Has the applicant ever been ordered removed, deported or excluded from the United States?"
            ),
            fields::REMOVAL_REINSTATED => q!(
                "question-removal-reinstated",
                "Has DHS reinstated that earlier removal order (INA § 241(a)(5)), for example after a return without permission?"
            ),
            fields::REMOVAL_FRIVOLOUS_FINDING => q!(
                "question-removal-frivolous_finding",
                "Did an immigration judge or the Board find an earlier asylum application knowingly frivolous (INA § 208(d)(6))?"
            ),
            fields::REMOVAL_IN_PROCEEDINGS => q!(
                "question-removal-in_proceedings",
                "Is the applicant in removal proceedings before an immigration judge now?"
            ),
            _ => return None,
        },
        Fact::Top(f) => match f {
            fields::FAMILY_UNITY => q!(
                "question-family_unity",
                "In removal proceedings: would the applicant be granted asylum but for the lawful-pathways rule, and be granted withholding of removal, with a spouse or child who would otherwise be separated (the family-unity provision, 8 C.F.R. § 1208.33(c))?"
            ),
            _ => return None,
        },
    })
}

/// A question made from the field's name, for a field with no wording of
/// its own in that place.
fn unworded(fact: &Fact, case: &Case) -> Cow<'static, str> {
    let name = |f: Field| f.name().replace('_', " ");
    match *fact {
        Fact::Applicant(f) => owned!("What is the applicant's {}?", field_words(f.name())),
        Fact::Arrival(i, f) => owned!(
            "For {}: what is the {}?",
            arrival_phrase(case, i).en,
            name(f)
        ),
        Fact::Application(f) => owned!(
            "About the application: what is the {}?",
            field_words(f.name())
        ),
        Fact::Exception(i, f) => owned!(
            "For {}: what is the {}?",
            exception_phrase(case, i).en,
            name(f)
        ),
        Fact::Harm(h, f) => owned!(
            "About {}: what is the {}?",
            harm_phrase(case, h).en,
            name(f)
        ),
        Fact::Ground(h, _, f) => owned!("In {}: what is the {}?", harm_phrase(case, h).en, name(f)),
        Fact::Group(g, f) => owned!(
            "About {}: what is the {}?",
            group_phrase(case, g).en,
            name(f)
        ),
        Fact::Risk(f) => owned!("About the risk on return: {}?", field_words(f.name())),
        Fact::Torture(f) => owned!("About torture: {}?", field_words(f.name())),
        Fact::Conduct(f) => owned!("About the applicant's conduct: {}?", field_words(f.name())),
        Fact::Resettlement(f) => owned!(
            "About another country's offer of status: {}?",
            field_words(f.name())
        ),
        Fact::Family(i, f) => owned!(
            "About {}: what is the {}?",
            family_phrase(case, i).en,
            name(f)
        ),
        Fact::Removal(f) => owned!("About the removal history: {}?", field_words(f.name())),
        Fact::Top(f) => owned!("What is the {}?", field_words(f.name())),
        Fact::Trip(i, f) => owned!(
            "About {}: what is the {}?",
            trip_phrase(case, i).en,
            name(f)
        ),
        Fact::AfterGrant(f) => owned!("After the grant: {}?", field_words(f.name())),
        // The lists themselves are worded above.
        Fact::Arrivals | Fact::Exceptions | Fact::Harms | Fact::Trips => fact.path(case),
    }
}

/// Where a fact comes in an intake interview (`amendments-2026-12.md` B.11):
/// who and where the person is (birth date, unaccompanied child, location,
/// nationality, removal history, last arrival, the application), then the
/// story (harms, grounds, groups, actors, the risk on return, torture), then
/// the bars, then the family. Among facts that settle the same number of
/// reliefs, the earlier stage is asked first.
fn intake_stage(fact: Fact) -> u8 {
    match fact {
        Fact::Applicant(f) if f == field!("applicant.birth_date") => 0,
        Fact::Applicant(f) if f == field!("applicant.unaccompanied_child") => 1,
        Fact::Applicant(f)
            if f == field!("applicant.location") || f == field!("applicant.current_country") =>
        {
            2
        }
        Fact::Applicant(_) => 3,
        // The removal history, and an earlier application's fate with it.
        Fact::Removal(_) => 4,
        Fact::Application(f) if f == field!("application.previously_denied") => 4,
        Fact::Arrivals | Fact::Arrival(..) => 5,
        Fact::Application(_) | Fact::Exceptions | Fact::Exception(..) | Fact::Top(_) => 6,
        Fact::Harms => 7,
        Fact::Harm(_, f) if f == field!("actor") || f == field!("authorities") => 10,
        Fact::Harm(_, f) if f == field!("grounds") => 9,
        Fact::Harm(..) => 8,
        Fact::Ground(..) | Fact::Group(..) => 9,
        Fact::Risk(_) | Fact::Torture(_) => 11,
        Fact::Conduct(_) | Fact::Resettlement(_) => 12,
        Fact::Family(..) => 13,
        // After the grant: the trips, then what adjustment asks.
        Fact::Trips | Fact::Trip(..) => 14,
        Fact::AfterGrant(_) => 15,
    }
}

/// The last part of a fact path in words: `risk.other_serious_harm` is "other serious harm".
fn field_words(path: &str) -> String {
    path.rsplit('.').next().unwrap_or(path).replace('_', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_of_the_facts_document_has_its_own_question() {
        let case = Case::from_json(
            r#"{ "as_of": "2026-11-27",
                 "arrivals": [{ "date": "2025-09-20" }],
                 "exceptions": [{ "kind": "serious_illness_or_disability" }],
                 "groups": [{ "id": "g1" }],
                 "harms": [{ "id": "h1", "grounds": [{ "ground": "particular_social_group", "group": "g1" }] }],
                 "family": [{ "id": "c1", "relation": "child" }],
                 "trips": [{ "departed": "2026-01-02" }] }"#,
            jiff::civil::date(2026, 11, 27),
        )
        .unwrap();
        let unworded: Vec<Field> = Field::all()
            .filter(|&f| places(f).iter().all(|p| worded(p, &case).is_none()))
            .collect();
        assert!(
            unworded.is_empty(),
            "fields asked with a question made from their name: {unworded:?}"
        );
    }
}
