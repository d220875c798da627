//! Table-driven tests of the fact patterns of published decisions, each row
//! named after the decision, its citation and the legal point it stands for.
//! Rows change the clean `base()` case only so far as to tell the decision's
//! facts; the expectations are those of `spec/rules.md`.

use serde_json::{Value, json};

use crate::table;

/// `fields` over `base`, key by key.
fn over(mut base: Value, fields: Value) -> Value {
    if let (Value::Object(b), Value::Object(f)) = (&mut base, fields) {
        b.extend(f);
    }
    base
}

/// A harm other than the base's beating: `fields` over the base's h1, without
/// its date and injury unless given.
fn harm(fields: Value) -> Value {
    over(json!({ "date": null, "injured": null }), fields)
}

/// A feared harm in place of the base's past one: `fields` over the base's h1.
fn feared(fields: Value) -> Value {
    harm(over(json!({ "when": "feared" }), fields))
}

/// One proposed particular social group, g1 (`None`: not yet judged).
fn group(
    definition: &str,
    immutable: bool,
    particular: Option<bool>,
    distinct: Option<bool>,
) -> Value {
    json!([{ "id": "g1", "definition": definition, "immutable": immutable,
             "particular": particular, "socially_distinct": distinct }])
}

/// Feared on account of group g1, at the hands of a non-state actor the
/// government does not control.
fn feared_for_group(kind: &str) -> Value {
    feared(json!({
        "kind": kind, "actor": "non_state", "authorities": "unable_or_unwilling",
        "grounds": [{ "ground": "particular_social_group", "central": true, "group": "g1" }]
    }))
}

/// A refugee who would more likely than not be persecuted by the government,
/// and tortured by its officials, on return, with `extra` facts besides: the
/// setting of the bars and of the Convention Against Torture.
fn at_risk(extra: Value) -> Value {
    over(
        json!({
            "harms": [feared(json!({}))],
            "risk": { "persecution_likelihood": "more_likely_than_not" },
            "torture": { "likelihood": "more_likely_than_not", "official_role": "perpetrator" }
        }),
        extra,
    )
}

#[test]
fn the_refugee_definition_in_the_leading_decisions() {
    table(vec![
        (
            "Matter of Acosta, 19 I&N Dec. 211 (BIA 1985): a group defined by a characteristic its members could change, such as working in a taxi cooperative, is no particular social group, so threats to its members lack nexus",
            json!({
                "harms": [
                    harm(json!({ "kind": "death_threat", "severe": true, "actor": "non_state", "authorities": "unable_or_unwilling",
                                 "grounds": [{ "ground": "particular_social_group", "central": true, "group": "g1" }] })),
                    { "id": "h2", "when": "feared", "kind": "attempted_killing", "target": "applicant", "actor": "non_state",
                      "authorities": "unable_or_unwilling", "grounds": [{ "ground": "particular_social_group", "central": true, "group": "g1" }] }
                ],
                "groups": group("members of a taxi cooperative in San Salvador", false, Some(true), Some(true)),
                "risk": { "persecution_likelihood": "more_likely_than_not", "relocation_possible": false }
            }),
            &[
                ("finding.group.g1.cognizable", "no"),
                ("finding.harm.h1.severity", "yes"),
                ("finding.harm.h1.nexus", "no"),
                ("finding.harm.h2.nexus", "no"),
                ("finding.refugee.past_persecution", "no"),
                ("finding.refugee.future_persecution", "no"),
                ("relief.asylum", "ineligible"),
                ("relief.withholding", "ineligible"),
            ],
        ),
        (
            "Matter of Kasinga, 21 I&N Dec. 357 (BIA 1996): feared FGM of a member of a cognizable group is a well-founded fear, so asylum is eligible",
            json!({
                "harms": [feared_for_group("fgm")],
                "groups": group("young women of the Tchamba-Kunsuntu tribe who have not had FGM and oppose it", true, Some(true), Some(true)),
                "risk": { "persecution_likelihood": "more_likely_than_not", "relocation_possible": false }
            }),
            &[
                ("finding.group.g1.cognizable", "yes"),
                ("finding.harm.h1.severity", "yes"),
                ("finding.harm.h1.nexus", "yes"),
                ("finding.refugee.past_persecution", "no"),
                ("finding.refugee.future_persecution", "yes"),
                ("relief.asylum", "eligible"),
                ("basis", "well_founded_fear"),
                ("relief.withholding", "eligible"),
            ],
        ),
        (
            "INS v. Elias-Zacarias, 502 U.S. 478 (1992): forced recruitment by guerrillas is persecution on account of political opinion only if the victim's opinion motivates it; an opinion that is no central reason gives no nexus",
            json!({
                "harms": [feared(json!({ "kind": "forced_recruitment", "severe": true, "actor": "non_state", "authorities": "unable_or_unwilling",
                                         "grounds": [{ "ground": "political_opinion", "central": false }] }))],
                "risk": { "persecution_likelihood": "more_likely_than_not", "relocation_possible": false }
            }),
            &[
                ("finding.harm.h1.severity", "yes"),
                ("finding.harm.h1.nexus", "no"),
                ("finding.refugee.future_persecution", "no"),
                ("relief.asylum", "ineligible"),
                ("relief.withholding", "ineligible"),
            ],
        ),
        (
            "Matter of M-E-V-G-, 26 I&N Dec. 227 (BIA 2014): a group must be particular and socially distinct, not only immutable; youths who refused gang recruitment, found neither, are no cognizable group",
            json!({
                "harms": [feared(json!({ "kind": "attempted_killing", "actor": "non_state", "authorities": "reporting_futile",
                                         "grounds": [{ "ground": "particular_social_group", "central": true, "group": "g1" }] }))],
                "groups": group("Honduran youth who refused gang recruitment", true, Some(false), Some(false)),
                "risk": { "persecution_likelihood": "more_likely_than_not", "relocation_possible": false }
            }),
            &[
                ("finding.group.g1.cognizable", "no"),
                ("finding.harm.h1.actor", "yes"),
                ("finding.harm.h1.nexus", "no"),
                ("relief.asylum", "ineligible"),
                ("relief.withholding", "ineligible"),
            ],
        ),
        (
            "Matter of W-G-R-, 26 I&N Dec. 208 (BIA 2014): former gang members who renounced the gang, a group neither particular nor socially distinct, are no cognizable group",
            json!({
                "harms": [feared_for_group("attempted_killing")],
                "groups": group("former members of the Mara 18 gang in El Salvador who have renounced their membership", true, Some(false), Some(false)),
                "risk": { "persecution_likelihood": "more_likely_than_not", "relocation_possible": false }
            }),
            &[
                ("finding.group.g1.cognizable", "no"),
                ("finding.harm.h1.nexus", "no"),
                ("finding.refugee.future_persecution", "no"),
                ("relief.asylum", "ineligible"),
            ],
        ),
        (
            "Matter of A-R-C-G-, 26 I&N Dec. 388 (BIA 2014), overruled by Matter of A-B-, 27 I&N Dec. 316 (A.G. 2018), itself vacated by Matter of A-B-, 28 I&N Dec. 307 (A.G. 2021): whether married women unable to leave their relationship are particular and socially distinct is judged case by case, so it is asked",
            json!({
                "harms": [harm(json!({ "kind": "sexual_violence", "actor": "non_state", "authorities": "reporting_futile",
                                       "grounds": [{ "ground": "particular_social_group", "central": true, "group": "g1" }] }))],
                "groups": group("married women in Guatemala who are unable to leave their relationship", true, None, None)
            }),
            &[
                ("finding.group.g1.cognizable", "unknown"),
                ("finding.harm.h1.nexus", "unknown"),
                ("finding.refugee.past_persecution", "unknown"),
                ("relief.asylum", "undetermined"),
                ("relief.withholding", "undetermined"),
                ("question.groups[g1].particular", "asked"),
                ("question.groups[g1].socially_distinct", "asked"),
            ],
        ),
        (
            "Matter of J-B-N- & S-M-, 24 I&N Dec. 208 (BIA 2007): in a mixed-motive case one central protected ground suffices, though another motive (a non-cognizable group) fails",
            json!({
                "harms": [{ "actor": "non_state", "authorities": "unable_or_unwilling",
                            "grounds": [{ "ground": "particular_social_group", "central": true, "group": "g1" },
                                        { "ground": "political_opinion", "central": true }] }],
                "groups": group("wealthy landowners", false, Some(true), Some(true))
            }),
            &[
                ("finding.group.g1.cognizable", "no"),
                ("finding.harm.h1.nexus", "yes"),
                ("finding.refugee.past_persecution", "yes"),
                ("finding.refugee.presumption", "yes"),
                ("relief.asylum", "eligible"),
                ("basis", "past_persecution"),
                ("relief.withholding", "eligible"),
            ],
        ),
        (
            "Matter of J-B-N- & S-M-: a ground that is incidental or tangential is not a central reason; whether the other ground was central is asked",
            json!({
                "harms": [{ "actor": "non_state", "authorities": "unable_or_unwilling",
                            "grounds": [{ "ground": "political_opinion", "central": false },
                                        { "ground": "religion", "central": null }] }]
            }),
            &[
                ("finding.harm.h1.nexus", "unknown"),
                ("finding.refugee.past_persecution", "unknown"),
                ("question.harms[h1].grounds[1].central", "asked"),
                ("question.harms[h1].grounds[0].central", "not asked"),
            ],
        ),
        (
            "Matter of O-Z- & I-Z-, 22 I&N Dec. 23 (BIA 1998): harassment, discrimination and threats, none persecution alone, can amount to persecution in the aggregate",
            json!({
                "harms": [
                    harm(json!({ "kind": "harassment", "actor": "non_state", "authorities": "unable_or_unwilling",
                                 "grounds": [{ "ground": "religion", "central": true }] })),
                    { "id": "h2", "when": "past", "kind": "discrimination", "target": "applicant", "actor": "government",
                      "grounds": [{ "ground": "religion", "central": true }] },
                    { "id": "h3", "when": "past", "kind": "threat", "severe": false, "target": "applicant", "actor": "non_state",
                      "authorities": "unable_or_unwilling", "grounds": [{ "ground": "religion", "central": true }] }
                ],
                "risk": { "cumulative_past_harm_severe": true, "persecution_likelihood": "remote" }
            }),
            &[
                ("finding.harm.h1.severity", "no"),
                ("finding.harm.h2.severity", "no"),
                ("finding.harm.h3.severity", "no"),
                ("finding.refugee.past_persecution", "yes"),
                ("finding.refugee.presumption", "yes"),
                ("relief.asylum", "eligible"),
                ("basis", "past_persecution"),
                ("finding.withholding.threat", "yes"),
                ("relief.withholding", "eligible"),
            ],
        ),
        (
            "Matter of O-Z- & I-Z-: whether harms that fall short alone rise to persecution together is a judgment, asked",
            json!({
                "harms": [harm(json!({ "kind": "harassment", "actor": "non_state", "authorities": "unable_or_unwilling",
                                       "grounds": [{ "ground": "religion", "central": true }] }))],
                "risk": { "persecution_likelihood": "remote" }
            }),
            &[
                ("finding.harm.h1.severity", "no"),
                ("finding.refugee.past_persecution", "unknown"),
                ("relief.asylum", "undetermined"),
                ("question.risk.cumulative_past_harm_severe", "asked"),
            ],
        ),
        (
            "Matter of N-M-, 25 I&N Dec. 526 (BIA 2011): a political opinion imputed to an opponent of corruption can be a central reason for persecution; a detention without injury judged severe is persecution",
            json!({
                "harms": [harm(json!({ "kind": "detention", "detention_days": 30, "injured": false, "severe": true,
                                       "grounds": [{ "ground": "political_opinion", "central": true, "imputed": true }] }))]
            }),
            &[
                ("finding.harm.h1.severity", "yes"),
                ("finding.harm.h1.nexus", "yes"),
                ("finding.refugee.past_persecution", "yes"),
                ("relief.asylum", "eligible"),
                ("basis", "past_persecution"),
            ],
        ),
        (
            "Matter of Mogharrabi, 19 I&N Dec. 439 (BIA 1987): a persecutor aware of the applicant's opinion, able and inclined to punish it, makes the fear well founded; it shows no clear probability, so withholding's likelihood is asked",
            json!({
                "harms": [feared(json!({}))],
                "risk": { "persecutor_aware": true, "persecutor_capable": true, "persecutor_inclined": true }
            }),
            &[
                ("finding.refugee.future_persecution", "yes"),
                ("relief.asylum", "eligible"),
                ("basis", "well_founded_fear"),
                ("finding.withholding.threat", "unknown"),
                ("question.risk.persecution_likelihood", "asked"),
            ],
        ),
        (
            "Matter of Mogharrabi: a persecutor unable to punish makes the risk remote, for asylum and withholding alike",
            json!({
                "harms": [feared(json!({}))],
                "risk": { "persecutor_aware": true, "persecutor_capable": false, "persecutor_inclined": true }
            }),
            &[
                ("finding.refugee.future_persecution", "no"),
                ("finding.withholding.threat", "no"),
                ("relief.asylum", "ineligible"),
                ("relief.withholding", "ineligible"),
            ],
        ),
        (
            "INS v. Cardoza-Fonseca, 480 U.S. 421 (1987): a reasonable possibility of persecution is a well-founded fear though it falls short of the clear probability withholding needs",
            json!({
                "harms": [feared(json!({}))],
                "risk": { "persecution_likelihood": "reasonable_possibility" }
            }),
            &[
                ("finding.refugee.future_persecution", "yes"),
                ("relief.asylum", "eligible"),
                ("basis", "well_founded_fear"),
                ("finding.withholding.threat", "no"),
                ("relief.withholding", "ineligible"),
            ],
        ),
    ]);
}

#[test]
fn humanitarian_asylum_in_the_leading_decisions() {
    table(vec![
        (
            "Matter of Chen, 20 I&N Dec. 16 (BIA 1989): past persecution so severe that return would be inhumane warrants asylum though conditions have changed and the fear is no longer well founded",
            json!({
                "harms": [{ "kind": "torture" }],
                "risk": { "conditions_changed": true, "persecution_likelihood": "remote", "severe_past_persecution": true }
            }),
            &[
                ("finding.refugee.past_persecution", "yes"),
                ("finding.refugee.presumption", "no"),
                ("finding.refugee.well_founded_fear", "no"),
                ("finding.asylum.humanitarian", "yes"),
                ("relief.asylum", "eligible"),
                ("basis", "humanitarian"),
                ("finding.withholding.threat", "no"),
                ("relief.withholding", "ineligible"),
            ],
        ),
        (
            "Matter of L-S-, 25 I&N Dec. 705 (BIA 2012): with the presumption rebutted (here by reasonable relocation away from a non-state persecutor), a reasonable possibility of other serious harm warrants humanitarian asylum",
            json!({
                "harms": [{ "actor": "non_state", "authorities": "unable_or_unwilling" }],
                "risk": { "relocation_possible": true, "relocation_reasonable": true, "persecution_likelihood": "remote",
                          "other_serious_harm": true }
            }),
            &[
                ("finding.refugee.presumption", "no"),
                ("finding.asylum.humanitarian", "yes"),
                ("relief.asylum", "eligible"),
                ("basis", "humanitarian"),
            ],
        ),
        (
            "Matter of Chen; Matter of L-S-: with the presumption rebutted and neither compelling reasons nor other serious harm, past persecution no longer supports asylum",
            json!({
                "harms": [{ "kind": "torture" }],
                "risk": { "conditions_changed": true, "persecution_likelihood": "remote",
                          "severe_past_persecution": false, "other_serious_harm": false }
            }),
            &[
                ("finding.refugee.presumption", "no"),
                ("finding.asylum.humanitarian", "no"),
                ("relief.asylum", "ineligible"),
            ],
        ),
        (
            "Matter of Chen; Matter of L-S-: whether past persecution was severe enough, or other serious harm awaits, is a judgment, asked",
            json!({
                "harms": [{ "kind": "torture" }],
                "risk": { "conditions_changed": true, "persecution_likelihood": "remote" }
            }),
            &[
                ("finding.asylum.humanitarian", "unknown"),
                ("relief.asylum", "undetermined"),
                ("question.risk.severe_past_persecution", "asked"),
                ("question.risk.other_serious_harm", "asked"),
            ],
        ),
    ]);
}

#[test]
fn the_bars_in_the_leading_decisions() {
    table(vec![
        (
            "Matter of Negusie, 28 I&N Dec. 120 (A.G. 2020): one who assisted in persecuting others is barred from asylum and withholding, coerced or not",
            at_risk(json!({ "conduct": { "persecuted_others": true } })),
            &[
                ("finding.asylum.bar.persecutor", "yes"),
                ("finding.withholding.bar.persecutor", "yes"),
                ("finding.refugee.well_founded_fear", "yes"),
                ("relief.asylum", "ineligible"),
                ("relief.withholding", "ineligible"),
            ],
        ),
        (
            "INS v. Aguirre-Aguirre, 526 U.S. 415 (1999): a serious nonpolitical crime abroad, such as burning buses in political protest, bars asylum and withholding",
            at_risk(json!({ "conduct": { "serious_nonpolitical_crime": true } })),
            &[
                ("finding.asylum.bar.serious_nonpolitical_crime", "yes"),
                ("finding.withholding.bar.serious_nonpolitical_crime", "yes"),
                ("relief.asylum", "ineligible"),
                ("relief.withholding", "ineligible"),
            ],
        ),
        (
            "Matter of S-K-, 23 I&N Dec. 936 (BIA 2006): material support to an armed group is terrorist activity, though the group opposes a repressive regime; it bars asylum and, as a danger to security, withholding",
            at_risk(json!({ "conduct": { "terrorist_activity": true } })),
            &[
                ("finding.asylum.bar.terrorism", "yes"),
                ("finding.withholding.bar.security", "yes"),
                ("relief.asylum", "ineligible"),
                ("relief.withholding", "ineligible"),
            ],
        ),
    ]);
}

#[test]
fn protection_against_torture_in_the_leading_decisions() {
    table(vec![
        (
            "Matter of J-F-F-, 23 I&N Dec. 912 (A.G. 2006): torture at the end of a chain of events each merely possible is not more likely than not, so there is no CAT protection",
            at_risk(json!({
                "harms": [feared(json!({ "kind": "torture" }))],
                "torture": { "likelihood": "possible", "official_role": "perpetrator" }
            })),
            &[
                ("finding.cat.torture_likely", "no"),
                ("finding.cat.official", "yes"),
                ("relief.cat_withholding", "ineligible"),
                ("relief.cat_deferral", "ineligible"),
                ("relief.asylum", "eligible"),
            ],
        ),
        (
            "Matter of Negusie, 28 I&N Dec. 120 (A.G. 2020); 8 C.F.R. § 208.17(a): the persecutor bar takes CAT withholding but not deferral of removal",
            at_risk(json!({ "conduct": { "persecuted_others": true } })),
            &[
                ("finding.cat.torture_likely", "yes"),
                ("finding.cat.official", "yes"),
                ("relief.cat_withholding", "ineligible"),
                ("relief.cat_deferral", "eligible"),
            ],
        ),
        (
            "INS v. Aguirre-Aguirre, 526 U.S. 415 (1999); 8 C.F.R. § 208.17(a): a serious nonpolitical crime takes CAT withholding but not deferral of removal",
            at_risk(json!({ "conduct": { "serious_nonpolitical_crime": true } })),
            &[
                ("relief.cat_withholding", "ineligible"),
                ("relief.cat_deferral", "eligible"),
            ],
        ),
        (
            "Matter of S-K-, 23 I&N Dec. 936 (BIA 2006); 8 C.F.R. § 208.17(a): terrorist activity takes CAT withholding but not deferral of removal",
            at_risk(json!({ "conduct": { "terrorist_activity": true } })),
            &[
                ("relief.cat_withholding", "ineligible"),
                ("relief.cat_deferral", "eligible"),
            ],
        ),
    ]);
}

#[test]
fn firm_resettlement_in_the_leading_decisions() {
    table(vec![
        (
            "Matter of D-X- & Y-Z-, 25 I&N Dec. 664 (BIA 2012): a permit to reside permanently in a third country, where the stay was no mere transit, is firm resettlement; it bars asylum but not withholding",
            at_risk(json!({
                "resettlement": { "offered_permanent_status": true, "country": "BZ",
                                  "stay_necessary_for_flight": false, "restrictive_conditions": false }
            })),
            &[
                ("finding.asylum.bar.firm_resettlement", "yes"),
                ("relief.asylum", "ineligible"),
                ("relief.withholding", "eligible"),
                ("relief.cat_withholding", "eligible"),
            ],
        ),
        (
            "Matter of A-G-G-, 25 I&N Dec. 486 (BIA 2011): once an offer of permanent residence is shown, the applicant may prove an exception; while it is unknown whether the stay was only a necessary consequence of flight, the bar is unknown and asked",
            at_risk(json!({
                "resettlement": { "offered_permanent_status": true, "country": "BR",
                                  "stay_necessary_for_flight": null, "restrictive_conditions": false }
            })),
            &[
                ("finding.asylum.bar.firm_resettlement", "unknown"),
                ("relief.asylum", "undetermined"),
                ("question.resettlement.stay_necessary_for_flight", "asked"),
            ],
        ),
        (
            "Matter of A-G-G-; 8 C.F.R. § 208.15(b): conditions in the third country so restricted that the applicant was not in fact resettled defeat the bar",
            at_risk(json!({
                "resettlement": { "offered_permanent_status": true, "country": "BR",
                                  "stay_necessary_for_flight": null, "restrictive_conditions": true }
            })),
            &[
                ("finding.asylum.bar.firm_resettlement", "no"),
                ("relief.asylum", "eligible"),
            ],
        ),
    ]);
}
