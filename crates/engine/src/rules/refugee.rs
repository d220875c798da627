//! The refugee definition (`spec/rules.md` § 2): persecution, past or feared,
//! by the government or an actor it cannot or will not control, on account of
//! a protected ground.
//!
//! > INA § 101(a)(42)(A): any person who is outside any country of such person's
//! > nationality ... and who is unable or unwilling to return to ... that country
//! > because of persecution or a well-founded fear of persecution on account of
//! > race, religion, nationality, membership in a particular social group, or
//! > political opinion.

use super::{Eval, Ix, words_list, yn};
use crate::defs;
use crate::facts::{
    Actor, Authorities, Ground, GroundClaim, Harm, HarmKind, Likelihood, Location, Risk, Target,
    When,
};
use crate::logic::{Fact, Need, Tri, V};
use crate::output::Outcome;

/// The findings of one harm.
#[derive(Debug, Clone, Copy)]
pub struct HarmFindings {
    pub severity: Ix,
    pub actor: Ix,
    pub nexus: Ix,
}

/// The indexes of the refugee-definition findings.
pub struct Refugee {
    pub harms: Vec<HarmFindings>,
    pub past_persecution: Ix,
    pub presumption: Ix,
    pub future_persecution: Ix,
    pub well_founded_fear: Ix,
    pub humanitarian: Ix,
}

pub fn run(ev: &mut Eval) -> Refugee {
    let groups: Vec<Ix> = (0..ev.case.facts().groups().len())
        .map(|g| group_cognizable(ev, g))
        .collect();
    let harms: Vec<HarmFindings> = (0..ev.case.facts().harms().len())
        .map(|h| HarmFindings {
            severity: severity(ev, h),
            actor: actor(ev, h),
            nexus: nexus(ev, h, &groups),
        })
        .collect();
    let past_persecution = past_persecution(ev, &harms);
    let presumption = presumption(ev, past_persecution);
    let future_persecution = future_persecution(ev, &harms);
    let well_founded_fear = well_founded_fear(ev, presumption, future_persecution);
    let humanitarian = humanitarian(ev, past_persecution, well_founded_fear);
    Refugee {
        harms,
        past_persecution,
        presumption,
        future_persecution,
        well_founded_fear,
        humanitarian,
    }
}

fn harm_label(ev: &Eval, h: usize) -> String {
    let harm = &ev.case.facts().harms()[h];
    let mut s = text!("Harm {}", ev.case.harm_ids()[h]);
    let mut bits = Vec::new();
    if let Some(k) = harm.kind {
        bits.push(k.words());
    }
    if let Some(w) = harm.when {
        bits.push(if w == When::Past {
            "suffered".into()
        } else {
            "feared".into()
        });
    }
    if let Some(d) = harm.date {
        bits.push(d.to_string());
    }
    if !bits.is_empty() {
        s += &text!(" ({})", bits.join(", "));
    }
    s
}

/// > *Matter of M-E-V-G-*, 26 I&N Dec. 227, 237 (BIA 2014): an applicant must
/// > establish that the group is (1) composed of members who share a common
/// > immutable characteristic, (2) defined with particularity, and (3) socially
/// > distinct within the society in question.
fn group_cognizable(ev: &mut Eval, g: usize) -> Ix {
    let case = ev.case;
    let group = &case.facts().groups()[g];
    let v = V::all([
        V::fact(group.immutable, Fact::Group(g, field!("immutable"))),
        V::fact(group.particular, Fact::Group(g, field!("particular"))),
        V::fact(
            group.socially_distinct,
            Fact::Group(g, field!("socially_distinct")),
        ),
    ]);
    ev.finding(&defs::GROUP_COGNIZABLE)
        .of_group(g)
        .decide(v)
        .because(|_, _| {
            text!(
                "Group {}{}: immutable {}, particular {}, socially distinct {}; all three are required.",
                case.group_ids()[g],
                group
                    .definition
                    .as_deref()
                    .map(|d| text!(" (\"{d}\")"))
                    .unwrap_or_default(),
                yn(group.immutable),
                yn(group.particular),
                yn(group.socially_distinct)
            )
        })
}

/// How a kind of harm reaches the level of persecution (`spec/facts.md`, harm kinds).
enum SeverityRule {
    ByNature,
    Detention,
    NeedsJudgment,
    NeverAlone,
}

fn severity_rule(kind: HarmKind) -> SeverityRule {
    use HarmKind::*;
    match kind {
        Torture | SexualViolence | AttemptedKilling | SeriousPhysicalHarm | ForcedAbortion
        | ForcedSterilization | Fgm => SeverityRule::ByNature,
        Detention => SeverityRule::Detention,
        DeathThreat | Threat | EconomicDeprivation | PropertyDestruction | ForcedRecruitment
        | ForcedMarriage | HarmToFamily | Prosecution => SeverityRule::NeedsJudgment,
        Harassment | Discrimination => SeverityRule::NeverAlone,
    }
}

/// Persecution is "an extreme concept" (*Fatin v. INS*, 12 F.3d 1233, 1240 (3d
/// Cir. 1993)); harassment and discrimination alone are not persecution
/// (*Zakirov v. Ashcroft*, 384 F.3d 541 (8th Cir. 2004)).
fn severity(ev: &mut Eval, h: usize) -> Ix {
    let harm: &Harm = &ev.case.facts().harms()[h];
    let severe = V::fact(harm.severe, Fact::Harm(h, field!("severe")));
    let never = V::test(harm.kind, Fact::Harm(h, field!("kind")), |k| {
        matches!(severity_rule(k), SeverityRule::NeverAlone)
    });
    let by_kind = match harm.kind.map(severity_rule) {
        None => V::unknown(Need::fact(Fact::Harm(h, field!("kind")))),
        Some(SeverityRule::ByNature) => V::YES,
        Some(SeverityRule::Detention) => {
            V::fact(harm.injured, Fact::Harm(h, field!("injured"))).or(severe.clone())
        }
        Some(SeverityRule::NeedsJudgment) => severe.clone(),
        Some(SeverityRule::NeverAlone) => V::NO,
    };
    let to_family = V::test(harm.target, Fact::Harm(h, field!("target")), |t| {
        t == Target::FamilyMember
    });
    // Harm aimed at a family member is persecution of the applicant only when it
    // is severe enough as to the applicant, whatever its kind.
    let v = to_family.select(severe.and(never.negate()), by_kind);
    ev.finding(&defs::HARM_SEVERITY)
        .of_harm(h)
        .decide(v)
        .because(|ev, _| severity_because(ev, h))
}

/// Why harm `h` does or does not rise to persecution, in words.
fn severity_because(ev: &Eval, h: usize) -> String {
    let harm = &ev.case.facts().harms()[h];
    let kind_text = match harm.kind.map(severity_rule) {
        None => "its kind is not known".to_string(),
        Some(SeverityRule::ByNature) => text!(
            "{} is persecution by its nature",
            harm.kind.map(|k| k.words()).unwrap_or_default()
        ),
        Some(SeverityRule::Detention) => text!(
            "detention{} is persecution when it caused physical injury (injured: {}) or is otherwise severe (severe: {})",
            harm.detention_days
                .map(|d| text!(" of {d} days"))
                .unwrap_or_default(),
            yn(harm.injured),
            yn(harm.severe)
        ),
        Some(SeverityRule::NeedsJudgment) => text!(
            "{} is persecution only when it is severe: persecution is an extreme concept (severe: {})",
            harm.kind.map(|k| k.words()).unwrap_or_default(),
            yn(harm.severe)
        ),
        Some(SeverityRule::NeverAlone) => text!(
            "{} alone is not persecution; it counts only with the other harms, taken together",
            harm.kind.map(|k| k.words()).unwrap_or_default()
        ),
    };
    let target_text = match harm.target {
        Some(Target::FamilyMember) => text!(
            "; it was aimed at a family member, so it counts only if severe as to the applicant (severe: {})",
            yn(harm.severe)
        ),
        Some(Target::Applicant) => String::new(),
        None => "; whom it targeted is not known".to_string(),
    };
    text!("{}: {kind_text}{target_text}.", harm_label(ev, h))
}

/// > *Matter of Acosta*, 19 I&N Dec. 211, 222 (BIA 1985): harm inflicted either by
/// > the government of a country or by persons or an organization that the
/// > government was unable or unwilling to control.
fn actor(ev: &mut Eval, h: usize) -> Ix {
    let harm = &ev.case.facts().harms()[h];
    let government = V::test(harm.actor, Fact::Harm(h, field!("actor")), |a| {
        a == Actor::Government
    });
    let unprotected = match harm.authorities {
        Some(Authorities::UnableOrUnwilling | Authorities::ReportingFutile) => V::YES,
        Some(Authorities::Protected) => V::NO,
        Some(Authorities::NotReported) | None => {
            V::unknown(Need::fact(Fact::Harm(h, field!("authorities"))))
        }
    };
    ev.finding(&defs::HARM_ACTOR)
        .of_harm(h)
        .decide(government.or(unprotected))
        .because(|ev, _| {
            let why = match (harm.actor, harm.authorities) {
                (Some(Actor::Government), _) => "The persecutor is the government.",
                (_, Some(Authorities::UnableOrUnwilling)) => "A non-state actor whom the government could not or would not control (the harm was reported, or the government's response is otherwise known).",
                (_, Some(Authorities::ReportingFutile)) => "A non-state actor; the harm was not reported because reporting would have been futile or dangerous.",
                (_, Some(Authorities::Protected)) => "A non-state actor, and the government can and does protect against it.",
                (_, Some(Authorities::NotReported)) => "A non-state actor; the harm was not reported and nothing else yet shows the government unable or unwilling to protect.",
                (Some(Actor::NonState), None) => "A non-state actor; whether the government is unable or unwilling to control it is not known.",
                (None, None) => "Who inflicted (or would inflict) the harm is not known.",
            };
            text!("{}: {}", harm_label(ev, h), why)
        })
}

/// > INA § 208(b)(1)(B)(i): ... race, religion, nationality, membership in a
/// > particular social group, or political opinion was or will be at least one
/// > central reason for persecuting the applicant.
fn nexus(ev: &mut Eval, h: usize, groups: &[Ix]) -> Ix {
    let harm = &ev.case.facts().harms()[h];
    // > INA § 101(a)(42): a person who has been forced to abort a pregnancy or to undergo
    // > involuntary sterilization ... shall be deemed to have been persecuted on account of
    // > political opinion.
    // The deemed nexus holds only for the person subjected to the procedure
    // (or who personally resisted): not for a harm aimed at a family member
    // (*Matter of J-S-*, 24 I&N Dec. 520 (A.G. 2008)).
    let forced = V::test(harm.kind, Fact::Harm(h, field!("kind")), |k| {
        matches!(k, HarmKind::ForcedAbortion | HarmKind::ForcedSterilization)
    })
    .and(V::test(harm.target, Fact::Harm(h, field!("target")), |t| {
        t != Target::FamilyMember
    }));
    // The social groups' findings it reads (of the grounds weighed, up to
    // the first that holds).
    let mut deps = Vec::new();
    let on_account = match harm.grounds.as_deref() {
        None => V::unknown(Need::fact(Fact::Harm(h, field!("grounds")))),
        Some(grounds) => V::any(grounds.iter().enumerate().map(|(j, g)| {
            let (v, group) = central_protected(ev, h, j, g, groups);
            deps.extend(group);
            v
        })),
    };
    ev.finding(&defs::HARM_NEXUS)
        .of_harm(h)
        .after(&deps)
        .decide(forced.or(on_account))
        .because(|ev, _| nexus_because(ev, h, groups))
}

/// Whether ground `j` of harm `h` is a protected ground and a central reason;
/// and the finding of the social group it names, if it names one.
fn central_protected(
    ev: &Eval,
    h: usize,
    j: usize,
    g: &GroundClaim,
    groups: &[Ix],
) -> (V, Option<Ix>) {
    let central = V::fact(g.central, Fact::Ground(h, j, field!("central")));
    let mut group = None;
    let protected = match g.ground {
        None => V::unknown(Need::fact(Fact::Ground(h, j, field!("ground")))),
        Some(Ground::ParticularSocialGroup) => match &g.group {
            None => V::unknown(Need::fact(Fact::Ground(h, j, field!("group")))),
            Some(id) => {
                let gi = ev
                    .case
                    .group_ids()
                    .iter()
                    .position(|x| x == id)
                    .map(|p| groups[p]);
                match gi {
                    Some(ix) => {
                        group = Some(ix);
                        ev.yes(ix)
                    }
                    None => V::unknown(Need::fact(Fact::Ground(h, j, field!("group")))),
                }
            }
        },
        Some(_) => V::YES,
    };
    (central.and(protected), group)
}

/// Why harm `h` is or is not on account of a protected ground, in words:
/// the grounds weighed, up to the first that holds.
fn nexus_because(ev: &Eval, h: usize, groups: &[Ix]) -> String {
    let case = ev.case;
    let harm = &case.facts().harms()[h];
    let mut texts = Vec::new();
    for (j, g) in harm
        .grounds
        .as_deref()
        .unwrap_or_default()
        .iter()
        .enumerate()
    {
        let ground_name = match (g.ground, g.imputed) {
            (Some(Ground::PoliticalOpinion), Some(true)) => "imputed political opinion".to_string(),
            (Some(Ground::ParticularSocialGroup), _) => match &g.group {
                Some(id) => {
                    let cognizable = case
                        .group_ids()
                        .iter()
                        .position(|x| x == id)
                        .map_or("unknown", |p| ev.outcome(groups[p]).as_str());
                    text!("membership in particular social group {id} (cognizable: {cognizable})")
                }
                None => "membership in a particular social group not yet named".to_string(),
            },
            (Some(Ground::CoercivePopulationControl), _) => {
                "resistance to coercive population control (deemed political opinion)".to_string()
            }
            (Some(gr), _) => gr.words(),
            (None, _) => "an unstated ground".to_string(),
        };
        let centrality = match g.central {
            Some(true) => "a central reason",
            Some(false) => "not a central reason",
            None => "centrality unknown",
        };
        texts.push(text!("{ground_name} ({centrality})"));
        if central_protected(ev, h, j, g, groups).0.is_yes() {
            break;
        }
    }
    let forced = matches!(
        harm.kind,
        Some(HarmKind::ForcedAbortion | HarmKind::ForcedSterilization)
    );
    if forced && harm.target == Some(Target::Applicant) {
        text!(
            "{}: forced abortion or sterilization is deemed persecution on account of political opinion.",
            harm_label(ev, h)
        )
    } else if forced {
        text!(
            "{}: the deemed political opinion of INA § 101(a)(42) holds only for the person subjected to the procedure or who personally resisted, not for a family member (Matter of J-S-, 24 I&N Dec. 520 (A.G. 2008)){}; grounds given: {}.",
            harm_label(ev, h),
            if harm.target.is_none() {
                " (whom it targeted is not known)"
            } else {
                ""
            },
            if texts.is_empty() {
                "none".to_string()
            } else {
                words_list(&texts)
            }
        )
    } else if harm.grounds.is_none() {
        text!(
            "{}: why the persecutor acted is not known.",
            harm_label(ev, h)
        )
    } else if texts.is_empty() {
        text!(
            "{}: no protected ground is given as a reason for the harm.",
            harm_label(ev, h)
        )
    } else {
        text!(
            "{}: grounds given: {}.",
            harm_label(ev, h),
            words_list(&texts)
        )
    }
}

fn when_is(ev: &Eval, h: usize, when: When) -> V {
    V::test(
        ev.case.facts().harms()[h].when,
        Fact::Harm(h, field!("when")),
        |w| w == when,
    )
}

/// Whether the government persecutor or relocation defeats a feared harm
/// (8 C.F.R. § 208.13(b)(3)): relocation is presumed unreasonable when the
/// persecutor is the government; for a non-state actor it defeats the fear when
/// possible and reasonable.
fn relocation_defeats(ev: &Eval, h: usize) -> V {
    let risk = ev.case.facts().risk();
    let government = V::test(
        ev.case.facts().harms()[h].actor,
        Fact::Harm(h, field!("actor")),
        |a| a == Actor::Government,
    );
    government
        .negate()
        .and(V::fact(
            risk.relocation_possible,
            Fact::Risk(field!("risk.relocation_possible")),
        ))
        .and(V::fact(
            risk.relocation_reasonable,
            Fact::Risk(field!("risk.relocation_reasonable")),
        ))
}

/// "Some feared harm qualifies": feared, severe, by a qualifying actor, on
/// account of a ground, and not defeated by relocation. Used for the
/// well-founded fear and for withholding.
pub fn feared_harm_qualifies(ev: &Eval, harms: &[HarmFindings]) -> V {
    if ev.case.facts().harms.is_none() {
        return V::unknown(Need::fact(Fact::Harms));
    }
    V::any(harms.iter().enumerate().map(|(h, f)| {
        V::all([
            when_is(ev, h, When::Feared),
            ev.yes(f.severity),
            ev.yes(f.actor),
            ev.yes(f.nexus),
            relocation_defeats(ev, h).negate(),
        ])
    }))
}

/// The findings of the harms that `when` could describe (a harm whose `when`
/// is unknown could be either).
pub fn harm_deps(ev: &Eval, harms: &[HarmFindings], when: When) -> Vec<Ix> {
    harms
        .iter()
        .enumerate()
        .filter(|(h, _)| ev.case.facts().harms()[*h].when.is_none_or(|w| w == when))
        .flat_map(|(_, f)| [f.severity, f.actor, f.nexus])
        .collect()
}

/// > 8 C.F.R. § 208.13(b)(1): An applicant who has been found to have established
/// > such past persecution shall also be presumed to have a well-founded fear.
fn past_persecution(ev: &mut Eval, harms: &[HarmFindings]) -> Ix {
    let deps = harm_deps(ev, harms, When::Past);
    let Some(list) = ev.case.facts().harms.as_deref() else {
        return ev
            .finding(&defs::PAST_PERSECUTION)
            .after(&deps)
            .decide(V::unknown(Need::fact(Fact::Harms)))
            .because_text("No harms are recorded yet: what happened to the applicant, and what the applicant fears, is not known.");
    };
    let cumulative = ev.case.facts().risk().cumulative_past_harm_severe;
    let single = V::any(harms.iter().enumerate().map(|(h, f)| {
        V::all([
            when_is(ev, h, When::Past),
            ev.yes(f.severity),
            ev.yes(f.actor),
            ev.yes(f.nexus),
        ])
    }));
    // Harms that are not persecution one by one may be, taken together
    // (*Matter of O-Z- & I-Z-*, 22 I&N Dec. 23 (BIA 1998)).
    let together = V::fact(
        cumulative,
        Fact::Risk(field!("risk.cumulative_past_harm_severe")),
    )
    .and(V::any(harms.iter().enumerate().map(|(h, f)| {
        V::all([when_is(ev, h, When::Past), ev.yes(f.actor), ev.yes(f.nexus)])
    })));
    let together_yes = together.is_yes();
    ev.finding(&defs::PAST_PERSECUTION)
        .after(&deps)
        .decide(single.or(together))
        .because(|ev, _| {
            let qualifying: Vec<String> = harms
                .iter()
                .enumerate()
                .filter(|(h, f)| {
                    list[*h].when == Some(When::Past)
                        && [f.severity, f.actor, f.nexus]
                            .iter()
                            .all(|&i| ev.outcome(i) == Outcome::Yes)
                })
                .map(|(h, _)| ev.case.harm_ids()[h].clone())
                .collect();
            let past_count = list.iter().filter(|x| x.when == Some(When::Past)).count();
            if !qualifying.is_empty() {
                text!(
                    "Past harm {} rises to persecution, by a qualifying actor, on account of a protected ground.",
                    words_list(&qualifying)
                )
            } else if past_count == 0 && list.iter().all(|x| x.when.is_some()) {
                "No past harm is recorded.".to_string()
            } else if together_yes {
                "Taken together, the past harms rise to persecution, by a qualifying actor, on account of a protected ground (Matter of O-Z- & I-Z-).".to_string()
            } else {
                text!(
                    "{past_count} past {} recorded; none yet shown to be severe enough, by a qualifying actor and on account of a protected ground; taken together, the past harms rise to persecution: {}.",
                    if past_count == 1 { "harm" } else { "harms" },
                    yn(cumulative)
                )
            }
        })
}

/// > 8 C.F.R. § 208.13(b)(1)(i): the presumption is rebutted where (A) there has been
/// > a fundamental change in circumstances ... or (B) the applicant could avoid
/// > future persecution by relocating ... and ... it would be reasonable to expect
/// > the applicant to do so. (ii): DHS bears the burden of proof.
fn presumption(ev: &mut Eval, pp: Ix) -> Ix {
    let risk = ev.case.facts().risk();
    let past = ev.outcome(pp);
    let after = [pp];
    let finding = ev.finding(&defs::PRESUMPTION).after(&after);
    match past {
        Outcome::No | Outcome::NotApplicable => finding
            .not_applicable()
            .because_text("No past persecution is established, so no presumption arises."),
        Outcome::Unknown => finding
            .decide(V::unknown(Need::finding(pp)))
            .because_text("Whether past persecution raises the presumption is not yet known."),
        Outcome::Yes => {
            // The government bears the burden: what is not known of the
            // rebuttal leaves the presumption standing.
            let changed = risk.conditions_changed == Some(true);
            let relocate =
                risk.relocation_possible == Some(true) && risk.relocation_reasonable == Some(true);
            finding
                .decide(V::known(!changed && !relocate))
                .because(|_, _| {
                    if changed {
                        return "Rebutted: there has been a fundamental change in circumstances since the past persecution.".to_string();
                    }
                    if relocate {
                        return "Rebutted: the applicant could avoid persecution by relocating within the country, and it would be reasonable to expect that.".to_string();
                    }
                    let mut open = Vec::new();
                    if risk.conditions_changed.is_none() {
                        open.push("changed conditions".to_string());
                    }
                    if risk.relocation_possible.is_none() || risk.relocation_reasonable.is_none() {
                        open.push("internal relocation".to_string());
                    }
                    let tail = if open.is_empty() {
                        String::new()
                    } else {
                        text!(
                            " The government bears the burden of rebuttal, so the unknown facts ({}) leave the presumption standing.",
                            words_list(&open)
                        )
                    };
                    text!(
                        "Past persecution raises the presumption of a well-founded fear, and it is not rebutted.{tail}"
                    )
                })
        }
    }
}

/// Whether the likelihood of persecution reaches a reasonable possibility
/// (*INS v. Cardoza-Fonseca*): `persecution_likelihood`, or else a pattern or
/// practice, or else the *Mogharrabi* factors.
fn reasonable_possibility(risk: &Risk) -> V {
    match risk.persecution_likelihood {
        Some(l) => V::known(l != Likelihood::Remote),
        None if risk.pattern_or_practice == Some(true) => V::YES,
        None => {
            let factors = V::all([
                V::known(risk.persecutor_aware != Some(false)),
                V::known(risk.persecutor_capable != Some(false)),
                V::known(risk.persecutor_inclined != Some(false)),
            ]);
            let all_known = risk.persecutor_aware.is_some()
                && risk.persecutor_capable.is_some()
                && risk.persecutor_inclined.is_some();
            if factors.is_no() || all_known {
                return factors;
            }
            // The overall likelihood settles it; so would the factors still missing.
            let missing = [
                (field!("risk.persecutor_aware"), risk.persecutor_aware),
                (field!("risk.persecutor_capable"), risk.persecutor_capable),
                (field!("risk.persecutor_inclined"), risk.persecutor_inclined),
            ]
            .into_iter()
            .filter(|(_, v)| v.is_none())
            .map(|(f, _)| Need::fact(Fact::Risk(f)));
            V::unknown_of(
                std::iter::once(Need::fact(Fact::Risk(field!(
                    "risk.persecution_likelihood"
                ))))
                .chain(missing)
                .collect(),
            )
        }
    }
}

/// How [`reasonable_possibility`] weighs the likelihood, in words.
fn reasonable_possibility_text(risk: &Risk) -> String {
    match risk.persecution_likelihood {
        Some(l) => text!("the likelihood of persecution is {}", l.words()),
        None if risk.pattern_or_practice == Some(true) => {
            "a pattern or practice of persecution of people similarly situated counts as a reasonable possibility (8 C.F.R. § 208.13(b)(2)(iii))".to_string()
        }
        None => text!(
            "by the Mogharrabi factors (the persecutor knows or could learn of the characteristic: {}; can punish: {}; is inclined to: {})",
            yn(risk.persecutor_aware),
            yn(risk.persecutor_capable),
            yn(risk.persecutor_inclined)
        ),
    }
}

/// > 8 C.F.R. § 208.13(b)(2)(i): ... a reasonable possibility of suffering such
/// > persecution if he or she were to return to that country.
fn future_persecution(ev: &mut Eval, harms: &[HarmFindings]) -> Ix {
    let deps = harm_deps(ev, harms, When::Feared);
    let risk = ev.case.facts().risk();
    let afraid = risk.afraid;
    let feared = feared_harm_qualifies(ev, harms);
    let feared_t = feared.t();
    let v = V::all([
        V::known(afraid != Some(false)),
        reasonable_possibility(risk),
        feared,
    ]);
    ev.finding(&defs::FUTURE_PERSECUTION)
        .after(&deps)
        .decide(v)
        .because(|ev, _| {
            let mut parts = Vec::new();
            if afraid == Some(false) {
                parts.push("the applicant does not fear return (no subjective fear)".to_string());
            }
            parts.push(reasonable_possibility_text(risk));
            parts.push(match (ev.case.facts().harms.is_some(), feared_t) {
                (false, _) => "no harms are recorded yet".to_string(),
                (true, Tri::Yes) => "a feared harm qualifies (severe, by a qualifying actor, on account of a protected ground, not avoidable by reasonable relocation)".to_string(),
                (true, Tri::No) => "no feared harm qualifies".to_string(),
                (true, Tri::Unknown) => "whether a feared harm qualifies is not yet known".to_string(),
            });
            text!("{}.", capitalize(&parts.join("; ")))
        })
}

/// A well-founded fear: presumed from past persecution (8 C.F.R.
/// § 208.13(b)(1)), or shown by a reasonable possibility of future
/// persecution (§ 208.13(b)(2)).
fn well_founded_fear(ev: &mut Eval, presumption: Ix, fp: Ix) -> Ix {
    let v = ev.yes(presumption).or(ev.yes(fp));
    ev.finding(&defs::WELL_FOUNDED_FEAR)
        .after(&[presumption, fp])
        .decide(v)
        .because(|ev, _| match (ev.outcome(presumption), ev.outcome(fp)) {
            (Outcome::Yes, _) => "The presumption from past persecution stands.".to_string(),
            (_, Outcome::Yes) => {
                "There is a reasonable possibility of future persecution.".to_string()
            }
            (p, f) => text!(
                "The presumption from past persecution: {}; a reasonable possibility of future persecution: {}.",
                p.as_str().replace('_', " "),
                f.as_str().replace('_', " ")
            ),
        })
}

/// > 8 C.F.R. § 208.13(b)(1)(iii): an applicant ... may be granted asylum ... in the
/// > absence of a well-founded fear if (A) [compelling reasons arising out of the
/// > severity of the past persecution] or (B) a reasonable possibility that he or
/// > she may suffer other serious harm upon removal.
fn humanitarian(ev: &mut Eval, pp: Ix, wff: Ix) -> Ix {
    let risk = ev.case.facts().risk();
    let (past, fear) = (ev.outcome(pp), ev.outcome(wff));
    let after = [pp, wff];
    let finding = ev.finding(&defs::HUMANITARIAN).after(&after);
    match (past, fear) {
        (Outcome::No | Outcome::NotApplicable, _) | (_, Outcome::Yes) => {
            finding.not_applicable().because(|_, _| {
                if fear == Outcome::Yes {
                    "A well-founded fear is established, so humanitarian asylum is not needed."
                } else {
                    "Humanitarian asylum needs past persecution, which is not established."
                }
                .to_string()
            })
        }
        (Outcome::Unknown, _) | (_, Outcome::Unknown) => {
            let waiting = after
                .into_iter()
                .zip([past, fear])
                .filter(|&(_, o)| o == Outcome::Unknown)
                .map(|(i, _)| Need::finding(i))
                .collect();
            finding.decide(V::unknown_of(waiting)).because_text("Whether humanitarian asylum is needed depends on past persecution and a well-founded fear, not yet known.")
        }
        _ => {
            let v = V::fact(
                risk.severe_past_persecution,
                Fact::Risk(field!("risk.severe_past_persecution")),
            )
            .or(V::fact(
                risk.other_serious_harm,
                Fact::Risk(field!("risk.other_serious_harm")),
            ));
            finding.decide(v).because(|_, _| {
                text!(
                    "Past persecution is established but the presumption is rebutted; compelling reasons from its severity: {}; a reasonable possibility of other serious harm: {}.",
                    yn(risk.severe_past_persecution),
                    yn(risk.other_serious_harm)
                )
            })
        }
    }
}

pub(crate) fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// > INA § 101(a)(42)(A): any person who is outside any country of such person's
/// > nationality or, in the case of a person having no nationality, is outside any
/// > country in which such person last habitually resided ...
///
/// Asked only for refugee admission (INA § 207), from outside the United States.
// NOT MODELLED: in-country processing beyond the designations listed in
// `law/countries.toml` (none is listed where none was verified).
pub fn outside_nationality(ev: &mut Eval) -> Ix {
    let a = ev.case.facts().applicant();
    let (law, as_of) = (ev.law, ev.as_of);
    let finding = ev.finding(&defs::OUTSIDE_NATIONALITY);
    let Some(Location::OutsideUs) = a.location else {
        return finding.not_applicable().because(|_, _| {
            match a.location {
                None => {
                    "Where the applicant is now is not known; refugee admission (INA § 207) is considered only for an applicant known to be abroad."
                }
                _ => {
                    "The applicant is in the United States or at its border: refugee admission (INA § 207) is for people abroad."
                }
            }
            .to_string()
        });
    };
    match (a.current_country, a.nationality.as_deref()) {
        (None, _) => finding
            .decide(V::unknown(Need::fact(Fact::Applicant(field!(
                "applicant.current_country"
            )))))
            .because_text("The applicant is abroad; in which country is not known."),
        (Some(_), None) => finding
            .decide(V::unknown(Need::fact(Fact::Applicant(field!(
                "applicant.nationality"
            )))))
            .because_text("The applicant's nationality is not known."),
        (Some(here), Some([])) => {
            let v = V::test(
                a.habitual_residence,
                Fact::Applicant(field!("applicant.habitual_residence")),
                |h| h != here,
            );
            finding.decide(v).because(|_, _| {
                text!(
                    "Stateless; now in {here}; country of last habitual residence: {}.",
                    a.habitual_residence
                        .map_or("unknown".to_string(), |h| h.to_string())
                )
            })
        }
        (Some(here), Some(nat)) => {
            let inside = nat.contains(&here);
            // > INA § 101(a)(42)(B): in such special circumstances as the President
            // > after appropriate consultation ... may specify, any person who is
            // > within the country of such person's nationality ... and who is
            // > persecuted or who has a well-founded fear of persecution ...
            let designated = if inside {
                law.in_country_designation(here, as_of)
            } else {
                None
            };
            finding
                .decide(V::known(!inside || designated.is_some()))
                .because(|_, _| {
                    text!(
                        "Now in {here}, {} a country of nationality ({}){}.",
                        if inside { "which is" } else { "which is not" },
                        nat.iter()
                            .map(|c| c.to_string())
                            .collect::<Vec<_>>()
                            .join(", "),
                        match (inside, designated) {
                            (false, _) => String::new(),
                            (true, Some(d)) => text!(
                                "; in-country processing is designated for {here} under INA § 101(a)(42)(B) ({}; {})",
                                d.name, d.source.title
                            ),
                            (true, None) => text!(
                                "; no designation of in-country processing for {here} under INA § 101(a)(42)(B) is in force in this parameter set"
                            ),
                        }
                    )
                })
        }
    }
}

/// > INA § 101(a)(42)(A): ... outside any country of such person's nationality
/// > ... and unable or unwilling to return to ... that country because of
/// > persecution or a well-founded fear of persecution ...
///
/// With more than one nationality, the fear must be shown as to each
/// (*Matter of B-R-*, 26 I&N Dec. 119 (BIA 2013)). Read from the facts alone
/// (it is decided with the thresholds).
pub fn every_nationality(ev: &mut Eval) -> Ix {
    let a = ev.case.facts().applicant();
    let fear = ev.case.facts().risk().fear_in_every_nationality;
    let finding = ev.finding(&defs::EVERY_NATIONALITY);
    let Some(nationality) = a.nationality.as_deref() else {
        return finding
            .decide(V::unknown(Need::fact(Fact::Applicant(field!(
                "applicant.nationality"
            )))))
            .because_text("The applicant's nationality is not known: with more than one, the fear must be shown as to each country.");
    };
    if nationality.len() < 2 {
        return finding.not_applicable().because(|_, _| {
            if nationality.is_empty() {
                "The applicant is stateless: the fear is judged as to the country of last habitual residence.".to_string()
            } else {
                text!("The applicant has one nationality ({}).", nationality[0])
            }
        });
    }
    finding
        .decide(V::fact(
            fear,
            Fact::Risk(field!("risk.fear_in_every_nationality")),
        ))
        .because(|_, _| {
            text!(
                "The applicant is a national of {}: a refugee must show the fear as to each country of nationality, or could turn to the other for protection (Matter of B-R-, 26 I&N Dec. 119 (BIA 2013)); the fear holds as to each: {}.",
                words_list(
                    &nationality
                        .iter()
                        .map(|c| c.to_string())
                        .collect::<Vec<_>>()
                ),
                yn(fear)
            )
        })
}

/// > INA § 207(c)(3): the grounds of INA § 212(a)(3) (security and related
/// > grounds; other than (E)) may not be waived for a refugee.
///
/// Asked only for refugee admission, from outside the United States.
// NOT MODELLED: of the unwaivable security grounds for a refugee, only the
// terrorism and danger-to-security facts; INA § 212(a)(2)(C), (3)(C) and (3)(E)
// are not asked.
pub fn refugee_security(ev: &mut Eval) -> Ix {
    let case = ev.case;
    let finding = ev.finding(&defs::REFUGEE_SECURITY);
    if case.facts().applicant().location != Some(Location::OutsideUs) {
        return finding.not_applicable().because_text(
            "Refugee admission (INA § 207) is considered only for an applicant known to be abroad.",
        );
    }
    let c = case.facts().conduct();
    let v = V::fact(
        c.terrorist_activity,
        Fact::Conduct(field!("conduct.terrorist_activity")),
    )
    .or(V::fact(
        c.danger_to_security,
        Fact::Conduct(field!("conduct.danger_to_security")),
    ));
    finding.decide(v).because(|_, _| {
        text!(
            "Terrorist activity (INA § 212(a)(3)(B)): {}; a danger to security (INA § 212(a)(3)(A)): {}. The security grounds of INA § 212(a)(3)(A), (B), (C) and (E) cannot be waived for a refugee (INA § 207(c)(3)).",
            yn(c.terrorist_activity),
            yn(c.danger_to_security)
        )
    })
}
