//! The amendments of December 2026 (`amendments-2026-12.md`): each test is
//! named after the authority it applies, and fails if the old behaviour
//! comes back. Rows change the clean `base()` case only where their claim is.

use serde_json::{Value, json};

use crate::table;

/// A filing on 2025-05-20, late for an arrival on 2023-04-18, with `exceptions`.
fn late(exceptions: Value) -> Value {
    json!({
        "arrivals": [{ "date": "2023-04-18" }],
        "application": { "filed_on": "2025-05-20" },
        "exceptions": exceptions,
        "harms": [{ "id": "h1", "date": "2023-01-02" }]
    })
}

/// The last arrival: from Canada across the northern land border, overriding
/// the base's air arrival field by field.
fn from_canada(manner: &str, more: Value) -> Value {
    let mut a = json!({ "date": "2025-09-20", "manner": manner, "border": "northern_land", "from_country": "CA",
                        "transit_countries": ["CA"], "stca_exception": false });
    if let (Value::Object(a), Value::Object(m)) = (&mut a, more) {
        a.extend(m);
    }
    a
}

#[test]
fn no_delay_is_reasonable_of_itself_matter_of_t_m_h_and_s_w_c_25_i_n_dec_193() {
    table(vec![
        (
            "Lawful status that ended 183 days before filing does not excuse the late filing: six months or more is not reasonable (65 Fed. Reg. 76,121, 76,123-24)",
            late(
                json!([{ "kind": "lawful_status", "began": "2023-04-18", "ended": "2024-11-18" }]),
            ),
            &[
                ("finding.asylum.one_year_exception", "no"),
                ("relief.asylum", "ineligible"),
            ],
        ),
        (
            "Exactly six calendar months after lawful status ended is already too long (65 Fed. Reg. 76,121, 76,123-24)",
            late(
                json!([{ "kind": "lawful_status", "began": "2023-04-18", "ended": "2024-11-20" }]),
            ),
            &[("finding.asylum.one_year_exception", "no")],
        ),
        (
            "A day short of six months after lawful status ended needs the practitioner's judgment, not an automatic yes (Matter of T-M-H- & S-W-C-)",
            late(
                json!([{ "kind": "lawful_status", "began": "2023-04-18", "ended": "2024-11-21" }]),
            ),
            &[
                ("finding.asylum.one_year_exception", "unknown"),
                ("question.exceptions[0].reasonable_delay", "asked"),
                ("relief.asylum", "undetermined"),
            ],
        ),
        (
            "Filing a month after changed country conditions is not reasonable automatically: the judgment is asked (Matter of T-M-H- & S-W-C-)",
            late(json!([{ "kind": "changed_country_conditions", "began": "2025-04-20" }])),
            &[
                ("finding.asylum.one_year_exception", "unknown"),
                ("question.exceptions[0].reasonable_delay", "asked"),
            ],
        ),
        (
            "More than a year after any circumstance is taken as unreasonable (Refuge's conservative rule)",
            late(json!([{ "kind": "changed_personal_circumstances", "began": "2024-05-01" }])),
            &[("finding.asylum.one_year_exception", "no")],
        ),
        (
            "The practitioner's judgment that a delay over a year was reasonable overrides the conservative rule",
            late(
                json!([{ "kind": "changed_personal_circumstances", "began": "2024-05-01", "reasonable_delay": true }]),
            ),
            &[
                ("finding.asylum.one_year_exception", "yes"),
                ("relief.asylum", "eligible"),
            ],
        ),
        (
            "The judgment that lawful status was followed by a reasonable delay overrides the six-month rule",
            late(
                json!([{ "kind": "lawful_status", "began": "2023-04-18", "ended": "2024-10-01", "reasonable_delay": true }]),
            ),
            &[("finding.asylum.one_year_exception", "yes")],
        ),
    ]);
}

#[test]
fn an_earlier_denial_lifts_only_for_changed_circumstances_acted_on_in_a_reasonable_period_ina_208_a_2_d_8_cfr_208_4_a_4_ii()
 {
    table(vec![
        (
            "Changed circumstances acted on more than a year later do not lift the bar of an earlier denial",
            json!({ "application": { "previously_denied": true }, "exceptions": [{ "kind": "changed_country_conditions", "began": "2025-01-05" }] }),
            &[
                ("finding.asylum.previous_denial", "yes"),
                ("relief.asylum", "ineligible"),
            ],
        ),
        (
            "Changed circumstances acted on months later need the judgment of a reasonable period before the bar lifts",
            json!({ "application": { "previously_denied": true }, "exceptions": [{ "kind": "changed_country_conditions", "began": "2026-01-05" }] }),
            &[
                ("finding.asylum.previous_denial", "unknown"),
                ("question.exceptions[0].reasonable_delay", "asked"),
            ],
        ),
        (
            "Changed circumstances judged acted on within a reasonable period lift the bar",
            json!({ "application": { "previously_denied": true }, "exceptions": [{ "kind": "changed_law", "began": "2026-01-05", "reasonable_delay": true }] }),
            &[("finding.asylum.previous_denial", "no")],
        ),
        (
            "Changed circumstances judged not acted on within a reasonable period leave the bar",
            json!({ "application": { "previously_denied": true }, "exceptions": [{ "kind": "changed_law", "began": "2026-01-05", "reasonable_delay": false }] }),
            &[("finding.asylum.previous_denial", "yes")],
        ),
    ]);
}

#[test]
fn an_affirmative_filing_is_never_barred_by_the_canada_agreement_8_cfr_208_4_a_6() {
    table(vec![
        (
            "Crossed from Canada between ports and filed affirmatively ten months later: not barred (8 C.F.R. § 208.4(a)(6))",
            json!({ "arrivals": [from_canada("without_inspection", json!({ "date": "2025-07-01", "encountered_within_14_days": true }))],
                    "application": { "filed_on": "2026-05-04", "forum": "affirmative" } }),
            &[
                ("finding.asylum.safe_third_country", "no"),
                ("relief.asylum", "eligible"),
            ],
        ),
        (
            "At a land port from Canada, an affirmative application is not barred",
            json!({ "arrivals": [from_canada("presented_without_documents", json!({}))], "application": { "forum": "affirmative" } }),
            &[("finding.asylum.safe_third_country", "no")],
        ),
        (
            "Whether the claim is before USCIS or an immigration judge is asked before the bar is applied (8 C.F.R. § 1240.11(g))",
            json!({ "arrivals": [from_canada("presented_without_documents", json!({}))], "application": { "forum": null } }),
            &[
                ("finding.asylum.safe_third_country", "unknown"),
                ("question.application.forum", "asked"),
            ],
        ),
    ]);
}

#[test]
fn the_canada_agreement_spares_documented_arrivals_and_crossings_not_encountered_within_14_days_8_cfr_208_30_e_6_88_fed_reg_18227()
 {
    table(vec![
        (
            "Between ports, not encountered within 14 days: outside the Additional Protocol (88 Fed. Reg. 18,227)",
            json!({ "arrivals": [from_canada("without_inspection", json!({ "encountered_within_14_days": false }))], "application": { "forum": "defensive" } }),
            &[("finding.asylum.safe_third_country", "no")],
        ),
        (
            "Between ports, whether encountered within 14 days is asked, no longer assumed",
            json!({ "arrivals": [from_canada("without_inspection", json!({}))], "application": { "forum": "defensive" } }),
            &[
                ("finding.asylum.safe_third_country", "unknown"),
                ("question.arrivals[0].encountered_within_14_days", "asked"),
            ],
        ),
        (
            "An admitted arrival had a visa or other admission document: an exception (8 C.F.R. § 208.30(e)(6)(iii))",
            json!({ "arrivals": [from_canada("admitted", json!({}))], "application": { "forum": "defensive" } }),
            &[("finding.asylum.safe_third_country", "no")],
        ),
        (
            "A paroled arrival's visa or admission document is asked",
            json!({ "arrivals": [from_canada("paroled", json!({}))], "application": { "forum": "defensive" } }),
            &[
                ("finding.asylum.safe_third_country", "unknown"),
                ("question.arrivals[0].visa_or_admission_document", "asked"),
            ],
        ),
        (
            "A paroled arrival with a valid admission document is excepted",
            json!({ "arrivals": [from_canada("paroled", json!({ "visa_or_admission_document": true }))], "application": { "forum": "defensive" } }),
            &[("finding.asylum.safe_third_country", "no")],
        ),
        (
            "Before a judge, at a land port, without documents or any exception: barred (INA § 208(a)(2)(A))",
            json!({ "arrivals": [from_canada("presented_without_documents", json!({}))], "application": { "forum": "defensive" } }),
            &[
                ("finding.asylum.safe_third_country", "yes"),
                ("relief.asylum", "ineligible"),
                ("relief.withholding", "eligible"),
            ],
        ),
    ]);
}

#[test]
fn a_drug_trafficking_aggravated_felony_is_presumptively_particularly_serious_matter_of_y_l_a_g_and_r_s_r_23_i_n_dec_270()
 {
    table(vec![
        (
            "Drug trafficking with a two-year sentence bars withholding (Matter of Y-L-, A-G- & R-S-R-)",
            json!({ "conduct": { "aggravated_felony": true, "sentence_years": 2, "drug_trafficking": true } }),
            &[
                ("finding.withholding.bar.particularly_serious_crime", "yes"),
                ("relief.withholding", "ineligible"),
                ("relief.cat_deferral", "ineligible"),
            ],
        ),
        (
            "An aggravated felony under five years: whether it was drug trafficking is asked before withholding is decided",
            json!({ "conduct": { "aggravated_felony": true, "sentence_years": 2 } }),
            &[
                (
                    "finding.withholding.bar.particularly_serious_crime",
                    "unknown",
                ),
                ("question.conduct.drug_trafficking", "asked"),
            ],
        ),
        (
            "An aggravated felony under five years, not drug trafficking, needs the particularly serious crime judgment (Matter of N-A-M-, 24 I&N Dec. 336 (BIA 2007))",
            json!({ "conduct": { "aggravated_felony": true, "sentence_years": 2, "drug_trafficking": false, "particularly_serious_crime": null } }),
            &[
                (
                    "finding.withholding.bar.particularly_serious_crime",
                    "unknown",
                ),
                ("question.conduct.particularly_serious_crime", "asked"),
            ],
        ),
        (
            "Judged particularly serious, such a felony bars withholding (Matter of N-A-M-)",
            json!({ "conduct": { "aggravated_felony": true, "sentence_years": 2, "drug_trafficking": false, "particularly_serious_crime": true } }),
            &[("finding.withholding.bar.particularly_serious_crime", "yes")],
        ),
    ]);
}

#[test]
fn a_reinstated_removal_order_makes_asylum_unavailable_ina_241_a_5() {
    table(vec![
        (
            "A client with a reinstated removal order is not eligible for asylum; withholding remains (INA § 241(a)(5); 8 C.F.R. § 208.31)",
            json!({ "removal": { "prior_order": true, "reinstated": true } }),
            &[
                ("finding.asylum.bar.reinstated_order", "yes"),
                ("relief.asylum", "ineligible"),
                ("relief.withholding", "eligible"),
            ],
        ),
        (
            "No prior order: none can be reinstated",
            json!({ "removal": { "prior_order": false } }),
            &[
                ("finding.asylum.bar.reinstated_order", "no"),
                ("relief.asylum", "eligible"),
            ],
        ),
        (
            "An unknown removal history is asked: asylum is not eligible while it could be barred",
            json!({ "removal": null }),
            &[
                ("finding.asylum.bar.reinstated_order", "unknown"),
                ("question.removal.prior_order", "asked"),
                ("relief.asylum", "undetermined"),
            ],
        ),
        (
            "A prior order whose reinstatement is unknown is asked about",
            json!({ "removal": { "prior_order": true } }),
            &[
                ("finding.asylum.bar.reinstated_order", "unknown"),
                ("question.removal.reinstated", "asked"),
            ],
        ),
    ]);
}

#[test]
fn a_frivolous_application_bars_asylum_for_ever_ina_208_d_6() {
    table(vec![
        (
            "An earlier application found frivolous bars asylum; withholding remains (INA § 208(d)(6); 8 C.F.R. § 208.20)",
            json!({ "application": { "previously_denied": true }, "removal": { "frivolous_finding": true },
                    "exceptions": [{ "kind": "changed_law", "began": "2026-01-05", "reasonable_delay": true }] }),
            &[
                ("finding.asylum.bar.frivolous", "yes"),
                ("finding.asylum.previous_denial", "no"),
                ("relief.asylum", "ineligible"),
                ("relief.withholding", "eligible"),
            ],
        ),
        (
            "No earlier denial: no frivolous finding",
            json!({}),
            &[("finding.asylum.bar.frivolous", "no")],
        ),
        (
            "After a denial, whether it was found frivolous is asked",
            json!({ "application": { "previously_denied": true } }),
            &[
                ("finding.asylum.bar.frivolous", "unknown"),
                ("question.removal.frivolous_finding", "asked"),
            ],
        ),
    ]);
}

#[test]
fn a_dual_national_must_fear_persecution_in_each_country_matter_of_b_r_26_i_n_dec_119() {
    table(vec![
        (
            "With two nationalities, the fear as to each is asked before asylum is eligible",
            json!({ "applicant": { "nationality": ["NI", "CR"] } }),
            &[
                ("finding.refugee.every_nationality", "unknown"),
                ("question.risk.fear_in_every_nationality", "asked"),
                ("relief.asylum", "undetermined"),
            ],
        ),
        (
            "A dual national safe in one country of nationality is not a refugee",
            json!({ "applicant": { "nationality": ["NI", "CR"] }, "risk": { "fear_in_every_nationality": false } }),
            &[
                ("finding.refugee.every_nationality", "no"),
                ("relief.asylum", "ineligible"),
            ],
        ),
        (
            "A dual national who fears each country may qualify",
            json!({ "applicant": { "nationality": ["NI", "CR"] }, "risk": { "fear_in_every_nationality": true } }),
            &[
                ("finding.refugee.every_nationality", "yes"),
                ("relief.asylum", "eligible"),
            ],
        ),
        (
            "With one nationality the question does not arise",
            json!({}),
            &[("finding.refugee.every_nationality", "not_applicable")],
        ),
    ]);
}

#[test]
fn a_forced_procedure_on_a_family_member_gives_no_automatic_nexus_matter_of_j_s_24_i_n_dec_520() {
    let harm = |target: &str| {
        json!({ "harms": [{ "id": "h1", "when": "past", "date": "2020-01-02", "kind": "forced_sterilization", "target": target,
                            "severe": true, "actor": "government", "grounds": [] }] })
    };
    table(vec![
        (
            "A spouse's forced sterilization is not deemed persecution of the applicant on account of political opinion",
            harm("family_member"),
            &[("finding.harm.h1.nexus", "no")],
        ),
        (
            "The person subjected to the procedure is deemed persecuted on account of political opinion (INA § 101(a)(42))",
            harm("applicant"),
            &[("finding.harm.h1.nexus", "yes")],
        ),
    ]);
}

#[test]
fn withholding_and_torture_protection_do_not_arise_abroad_and_refugee_admission_needs_the_security_grounds_ina_207_c_3()
 {
    let jordan = |more: Value| {
        let mut v = json!({ "applicant": { "location": "outside_us", "current_country": "JO", "nationality": ["SY"] },
                            "arrivals": null, "application": null });
        if let (Value::Object(v), Value::Object(m)) = (&mut v, more) {
            v.extend(m);
        }
        v
    };
    table(vec![
        (
            "A refugee in Jordan is not shown eligible for withholding or CAT protection, which exist only in U.S. removal proceedings",
            jordan(json!({})),
            &[
                ("relief.withholding", "not_applicable"),
                ("relief.cat_withholding", "not_applicable"),
                ("relief.cat_deferral", "not_applicable"),
                ("relief.refugee_admission", "eligible"),
                ("finding.refugee_admission.security", "no"),
            ],
        ),
        (
            "A person abroad is asked no question about arriving in the United States",
            jordan(json!({})),
            &[
                ("question.arrivals", "not asked"),
                ("question.exceptions", "not asked"),
                ("question.application", "not asked"),
            ],
        ),
        (
            "A person abroad gets no border warning",
            jordan(
                json!({ "arrivals": [{ "date": "2025-02-01", "border": "southwest_land", "manner": "without_inspection" }] }),
            ),
            &[
                ("warning.proclamation_10888", "absent"),
                ("warning.securing_the_border", "absent"),
            ],
        ),
        (
            "Refugee admission waits for the terrorism and security grounds, which cannot be waived (INA § 207(c)(3))",
            jordan(json!({ "conduct": { "terrorist_activity": null } })),
            &[
                ("finding.refugee_admission.security", "unknown"),
                ("relief.refugee_admission", "undetermined"),
            ],
        ),
        (
            "Terrorist activity makes a person abroad ineligible for refugee admission",
            jordan(json!({ "conduct": { "terrorist_activity": true } })),
            &[("relief.refugee_admission", "ineligible")],
        ),
        (
            "Inside the country of nationality, with no in-country processing designated, there is no refugee admission (INA § 101(a)(42)(B))",
            jordan(
                json!({ "applicant": { "location": "outside_us", "current_country": "SY", "nationality": ["SY"] } }),
            ),
            &[
                ("finding.refugee_admission.outside_nationality", "no"),
                ("relief.refugee_admission", "ineligible"),
            ],
        ),
    ]);
}

#[test]
fn the_lawful_pathways_rule_has_more_exceptions_8_cfr_208_33() {
    let port = |more: Value| {
        let mut a = json!({ "date": "2024-01-15", "manner": "presented_without_documents", "border": "southwest_land", "from_country": "MX",
                            "transit_countries": ["GT", "MX"], "cbp_one_appointment": false,
                            "protection_sought_in_transit": "none", "compelling_circumstances": false });
        if let (Value::Object(a), Value::Object(m)) = (&mut a, more) {
            a.extend(m);
        }
        json!({ "applicant": { "nationality": ["HN"] }, "arrivals": [a], "application": { "filed_on": "2024-06-01" },
                "harms": [{ "id": "h1", "date": "2023-06-02" }] })
    };
    table(vec![
        (
            "At a port without an appointment, unable to use the scheduling system: excepted (8 C.F.R. § 208.33(a)(2)(ii)(B))",
            port(json!({ "scheduling_system_unavailable": true })),
            &[("finding.asylum.lawful_pathways", "no")],
        ),
        (
            "At a port without an appointment, whether the scheduling system could be used is asked",
            port(json!({})),
            &[
                ("finding.asylum.lawful_pathways", "unknown"),
                (
                    "question.arrivals[0].scheduling_system_unavailable",
                    "asked",
                ),
            ],
        ),
        (
            "With the scheduling system usable, the presumption applies",
            port(json!({ "scheduling_system_unavailable": false })),
            &[("finding.asylum.lawful_pathways", "yes")],
        ),
        (
            "With a spouse or child, whether the family-unity provision applies is asked (8 C.F.R. § 1208.33(c))",
            {
                let mut v = port(json!({ "scheduling_system_unavailable": false }));
                v["family"] = json!([{ "id": "c1", "relation": "child", "birth_date": "2015-01-01", "married": false }]);
                v
            },
            &[
                ("finding.asylum.lawful_pathways", "unknown"),
                ("question.family_unity", "asked"),
            ],
        ),
        (
            "The family-unity provision makes the presumption not apply (8 C.F.R. § 1208.33(c))",
            {
                let mut v = port(json!({ "scheduling_system_unavailable": false }));
                v["family"] = json!([{ "id": "c1", "relation": "child", "birth_date": "2015-01-01", "married": false }]);
                v["family_unity"] = json!(true);
                v
            },
            &[("finding.asylum.lawful_pathways", "no")],
        ),
        (
            "One who entered as a minor and files as principal after the window is not reached (88 Fed. Reg. 31,314, 31,318-19)",
            {
                let mut v = port(json!({ "scheduling_system_unavailable": false }));
                v["applicant"]["birth_date"] = json!("2008-03-01");
                v["application"]["filed_on"] = json!("2025-08-01");
                v
            },
            &[("finding.asylum.lawful_pathways", "no")],
        ),
        (
            "One who entered as a minor and filed within the window is reached",
            {
                let mut v = port(json!({ "scheduling_system_unavailable": false }));
                v["applicant"]["birth_date"] = json!("2008-03-01");
                v
            },
            &[("finding.asylum.lawful_pathways", "yes")],
        ),
    ]);
}

#[test]
fn a_granted_case_is_granted_and_asks_only_what_the_family_needs_amendments_b_10() {
    table(vec![(
        "After the grant, asylum is granted, without reasons, and no eligibility question is asked",
        json!({ "application": { "granted_on": "2026-09-01" }, "removal": null, "conduct": null,
                    "family": [{ "id": "s1", "relation": "spouse", "married": true }] }),
        &[
            ("relief.asylum", "granted"),
            ("relief.withholding", "not_applicable"),
            ("question.conduct", "not asked"),
            ("question.removal", "not asked"),
            ("question.family[s1].relationship_began", "asked"),
            ("deadline.i730.deadline", "2028-09-01 upcoming"),
        ],
    )]);
}

#[test]
fn questions_follow_intake_order_among_equally_decisive_facts_amendments_b_11() {
    table(vec![(
        "Who the person is (the removal history) is asked before the bars (firm resettlement), each deciding asylum alone",
        json!({ "removal": null, "resettlement": null }),
        &[("first_question", "removal.prior_order")],
    )]);
}

#[test]
fn the_proclamation_10888_warning_spares_admitted_and_paroled_arrivals_amendments_d() {
    let southwest = |manner: &str| json!({ "arrivals": [{ "date": "2025-02-01", "manner": manner, "border": "southwest_land", "from_country": "MX" }] });
    table(vec![
        (
            "An arrival admitted at the southwest border is not warned of Proclamation 10888",
            southwest("admitted"),
            &[("warning.proclamation_10888", "absent")],
        ),
        (
            "An arrival paroled at the southwest border is not warned of Proclamation 10888",
            southwest("paroled"),
            &[("warning.proclamation_10888", "absent")],
        ),
        (
            "An arrival between ports is",
            southwest("without_inspection"),
            &[("warning.proclamation_10888", "raised")],
        ),
    ]);
}

#[test]
fn the_annual_fee_lists_every_unpaid_anniversary_pub_l_119_21_section_100009() {
    table(vec![
        (
            "An application filed in August 2024 and pending in late 2026 shows the 2025 and 2026 anniversaries overdue and the 2027 one due",
            json!({ "as_of": "2026-11-27", "arrivals": [{ "date": "2024-01-10" }], "application": { "filed_on": "2024-08-04" },
                "harms": [{ "id": "h1", "date": "2023-06-02" }] }),
            &[
                ("deadline.asylum.annual_fee.2025", "2025-08-04 passed"),
                ("deadline.asylum.annual_fee.2026", "2026-08-04 passed"),
                ("deadline.asylum.annual_fee", "2027-08-04 upcoming"),
            ],
        ),
        (
            "An anniversary before the fee took effect (2025-07-22) owes nothing",
            json!({ "as_of": "2026-11-27", "arrivals": [{ "date": "2024-01-10" }], "application": { "filed_on": "2024-03-04" },
                "harms": [{ "id": "h1", "date": "2023-06-02" }] }),
            &[
                ("deadline.asylum.annual_fee.2025", "absent"),
                ("deadline.asylum.annual_fee.2026", "2026-03-04 passed"),
            ],
        ),
    ]);
}

#[test]
fn a_case_before_an_immigration_judge_is_warned_of_cooperative_agreements_ina_208_a_2_a_8_cfr_1240_11_h()
 {
    table(vec![
        (
            "A defensive case is warned that DHS may seek pretermission for removal to an agreement country",
            json!({ "application": { "forum": "defensive" } }),
            &[("warning.asylum_cooperative_agreement", "raised")],
        ),
        (
            "A case whose forum is not known is warned too",
            json!({ "application": { "forum": null } }),
            &[("warning.asylum_cooperative_agreement", "raised")],
        ),
        (
            "An affirmative case before USCIS is not",
            json!({}),
            &[("warning.asylum_cooperative_agreement", "absent")],
        ),
        (
            "Before any agreement was signed, nothing is warned",
            json!({ "as_of": "2025-06-01", "arrivals": [{ "date": "2025-01-20" }], "application": { "forum": "defensive", "filed_on": "2025-05-01" },
                    "harms": [{ "id": "h1", "date": "2024-06-02" }] }),
            &[("warning.asylum_cooperative_agreement", "absent")],
        ),
    ]);
}

#[test]
fn the_work_permit_changes_of_late_2025_and_the_social_group_precedents_of_2025_are_warned_of() {
    table(vec![
        (
            "A pending application is warned of the end of automatic extensions and the shorter validity (90 Fed. Reg. 48,799)",
            json!({}),
            &[("warning.work_permit_changes", "raised")],
        ),
        (
            "A granted case is not",
            json!({ "application": { "granted_on": "2026-09-01" } }),
            &[("warning.work_permit_changes", "absent")],
        ),
        (
            "A claim on a particular social group is warned of the 2025 precedents (Matter of A-B-, 27 I&N Dec. 316 (A.G. 2018), reinstated)",
            json!({ "groups": [{ "id": "g1", "definition": "Salvadoran women" }],
                    "harms": [{ "id": "h1", "grounds": [{ "ground": "particular_social_group", "group": "g1", "central": true }] }] }),
            &[("warning.particular_social_group_precedents", "raised")],
        ),
        (
            "A claim on political opinion alone is not",
            json!({}),
            &[("warning.particular_social_group_precedents", "absent")],
        ),
    ]);
}
