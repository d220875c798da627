//! Properties over random facts documents: assessing never panics, is
//! deterministic, and leaves nothing undetermined without a way forward.

use proptest::prelude::*;
use proptest::sample::select;
use refuge_engine::change::{Cause, History, Moved, Reassessor, Stamp};
use refuge_engine::facts::{ExceptionKind, HarmKind};
use refuge_engine::law::Part;
use refuge_engine::output::{Outcome, ReliefOutcome};
use refuge_engine::{Case, Detail, Law, assess_json, assess_with};
use serde_json::{Map, Value, json};

fn today() -> jiff::civil::Date {
    jiff::civil::date(2026, 11, 27)
}

/// A date from 1995 to the assessment date.
fn past_date() -> impl Strategy<Value = Value> {
    (0i64..11_653).prop_map(|n| {
        json!(
            jiff::civil::date(1995, 1, 1)
                .checked_add(jiff::Span::new().days(n))
                .unwrap()
                .to_string()
        )
    })
}

fn maybe<S: Strategy<Value = Value>>(s: S) -> impl Strategy<Value = Option<Value>> {
    prop::option::weighted(0.7, s)
}

fn boolean() -> impl Strategy<Value = Value> {
    any::<bool>().prop_map(Value::Bool)
}

fn list<S: Strategy<Value = Value>>(
    s: S,
    n: std::ops::Range<usize>,
) -> impl Strategy<Value = Value> {
    prop::collection::vec(s, n).prop_map(Value::Array)
}

fn one_of(values: &'static [&'static str]) -> impl Strategy<Value = Value> {
    select(values).prop_map(|s| json!(s))
}

fn object(fields: Vec<(&str, Option<Value>)>) -> Value {
    let mut m = Map::new();
    for (k, v) in fields {
        if let Some(v) = v {
            m.insert(k.to_string(), v);
        }
    }
    Value::Object(m)
}

const COUNTRIES: &[&str] = &["SV", "GT", "HN", "MX", "CA", "NI", "VE", "CU", "SY", "CR"];

fn countries() -> impl Strategy<Value = Value> {
    prop::collection::vec(select(COUNTRIES), 0..3).prop_map(|v| json!(v))
}

fn applicant() -> impl Strategy<Value = Value> {
    (
        maybe(past_date()),
        maybe(countries()),
        maybe(one_of(COUNTRIES)),
        maybe(one_of(&["in_us", "port_of_entry", "outside_us"])),
        maybe(one_of(COUNTRIES)),
        maybe(boolean()),
    )
        .prop_map(|(b, n, h, l, c, u)| {
            object(vec![
                ("birth_date", b),
                ("nationality", n),
                ("habitual_residence", h),
                ("location", l),
                ("current_country", c),
                ("unaccompanied_child", u),
            ])
        })
}

fn arrival() -> impl Strategy<Value = Value> {
    (
        maybe(past_date()),
        maybe(one_of(&[
            "admitted",
            "paroled",
            "presented_without_documents",
            "without_inspection",
        ])),
        maybe(one_of(&["southwest_land", "northern_land", "air", "sea"])),
        maybe(one_of(COUNTRIES)),
        maybe(countries()),
        maybe(boolean()),
        maybe(one_of(&["none", "denied", "pending"])),
        maybe(boolean()),
        maybe(boolean()),
        bools(&[
            "visa_or_admission_document",
            "encountered_within_14_days",
            "scheduling_system_unavailable",
        ]),
    )
        .prop_map(|(d, m, b, f, t, c, p, s, x, more)| {
            let mut o = object(vec![
                ("date", d),
                ("manner", m),
                ("border", b),
                ("from_country", f),
                ("transit_countries", t),
                ("cbp_one_appointment", c),
                ("protection_sought_in_transit", p),
                ("stca_exception", s),
                ("compelling_circumstances", x),
            ]);
            o.as_object_mut()
                .unwrap()
                .extend(more.as_object().unwrap().clone());
            o
        })
}

fn application() -> impl Strategy<Value = Value> {
    (
        maybe(past_date()),
        maybe(past_date()),
        maybe(one_of(&["affirmative", "defensive"])),
        maybe(boolean()),
        maybe((0u32..400).prop_map(|n| json!(n))),
        maybe(past_date()),
        maybe(past_date()),
    )
        .prop_map(|(f, m, fo, p, c, g, a)| {
            // A grant comes after the filing, an adjustment after the grant
            // (amendments-2026-12.md A): put the dates in that order.
            let mut dates: Vec<Value> = [&f, &g, &a].into_iter().flatten().cloned().collect();
            dates.sort_by_key(|d| d.as_str().unwrap_or_default().to_string());
            let mut sorted = dates.into_iter();
            let (f, g, a) = (
                f.map(|_| sorted.next().unwrap()),
                g.map(|_| sorted.next().unwrap()),
                a.map(|_| sorted.next().unwrap()),
            );
            object(vec![
                ("filed_on", f),
                ("mailed_on", m),
                ("forum", fo),
                ("previously_denied", p),
                ("clock_stopped_days", c),
                ("granted_on", g),
                ("adjusted_on", a),
            ])
        })
}

fn exception() -> impl Strategy<Value = Value> {
    (
        maybe(one_of(ExceptionKind::NAMES)),
        maybe(past_date()),
        maybe(boolean()),
    )
        .prop_map(|(k, b, r)| object(vec![("kind", k), ("began", b), ("reasonable_delay", r)]))
}

fn ground(groups: usize) -> impl Strategy<Value = Value> {
    (
        one_of(&[
            "race",
            "religion",
            "nationality",
            "particular_social_group",
            "political_opinion",
            "coercive_population_control",
        ]),
        maybe(boolean()),
        maybe(boolean()),
        0..groups.max(1),
    )
        .prop_map(move |(g, c, i, gi)| {
            let group =
                (g == "particular_social_group" && groups > 0).then(|| json!(format!("g{gi}")));
            object(vec![
                ("ground", Some(g)),
                ("central", c),
                ("imputed", i),
                ("group", group),
            ])
        })
}

fn harm(groups: usize) -> impl Strategy<Value = Value> {
    (
        maybe(one_of(&["past", "feared"])),
        maybe(one_of(HarmKind::NAMES)),
        maybe(one_of(&["applicant", "family_member"])),
        maybe(boolean()),
        maybe(boolean()),
        maybe(one_of(&["government", "non_state"])),
        maybe(one_of(&[
            "unable_or_unwilling",
            "reporting_futile",
            "protected",
            "not_reported",
        ])),
        maybe(list(ground(groups), 0..3)),
    )
        .prop_map(|(w, k, t, i, s, a, au, g)| {
            object(vec![
                ("when", w),
                ("kind", k),
                ("target", t),
                ("injured", i),
                ("severe", s),
                ("actor", a),
                ("authorities", au),
                ("grounds", g),
            ])
        })
}

fn group() -> impl Strategy<Value = Value> {
    (maybe(boolean()), maybe(boolean()), maybe(boolean())).prop_map(|(i, p, s)| {
        object(vec![
            ("immutable", i),
            ("particular", p),
            ("socially_distinct", s),
        ])
    })
}

fn bools(names: &'static [&'static str]) -> impl Strategy<Value = Value> {
    prop::collection::vec(maybe(boolean()), names.len())
        .prop_map(move |v| object(names.iter().copied().zip(v).collect()))
}

fn risk() -> impl Strategy<Value = Value> {
    (
        bools(&[
            "afraid",
            "persecutor_aware",
            "persecutor_capable",
            "persecutor_inclined",
            "pattern_or_practice",
            "conditions_changed",
            "relocation_possible",
            "relocation_reasonable",
            "severe_past_persecution",
            "other_serious_harm",
            "cumulative_past_harm_severe",
            "fear_in_every_nationality",
        ]),
        maybe(one_of(&[
            "more_likely_than_not",
            "reasonable_possibility",
            "remote",
        ])),
    )
        .prop_map(|(mut o, l)| {
            if let Some(l) = l {
                o["persecution_likelihood"] = l;
            }
            o
        })
}

fn conduct() -> impl Strategy<Value = Value> {
    (
        bools(&[
            "persecuted_others",
            "aggravated_felony",
            "particularly_serious_crime",
            "serious_nonpolitical_crime",
            "danger_to_security",
            "terrorist_activity",
            "drug_trafficking",
        ]),
        maybe((0u32..12).prop_map(|n| json!(n))),
    )
        .prop_map(|(mut o, s)| {
            if let Some(s) = s {
                o["sentence_years"] = s;
            }
            o
        })
}

fn member() -> impl Strategy<Value = Value> {
    (
        maybe(one_of(&["spouse", "child"])),
        maybe(past_date()),
        maybe(boolean()),
        maybe(past_date()),
        maybe(boolean()),
        maybe(boolean()),
        maybe(boolean()),
    )
        .prop_map(|(r, b, m, rb, c, i, o)| {
            object(vec![
                ("relation", r),
                ("birth_date", b),
                ("married", m),
                ("relationship_began", rb),
                ("conceived_before_grant", c),
                ("in_us", i),
                ("on_application", o),
            ])
        })
}

/// A random facts document, valid by construction.
fn facts() -> impl Strategy<Value = Value> {
    (0usize..3).prop_flat_map(|groups| {
        (
            maybe(applicant()),
            maybe(list(arrival(), 0..3)),
            maybe(application()),
            maybe(list(exception(), 0..3)),
            maybe(list(harm(groups), 0..4)),
            prop::collection::vec(group(), groups),
            maybe(risk()),
            maybe(
                (
                    maybe(one_of(&["more_likely_than_not", "possible", "remote"])),
                    maybe(one_of(&["perpetrator", "consent", "acquiescence", "none"])),
                )
                    .prop_map(|(l, r)| object(vec![("likelihood", l), ("official_role", r)])),
            ),
            maybe(conduct()),
            maybe(bools(&[
                "offered_permanent_status",
                "stay_necessary_for_flight",
                "restrictive_conditions",
            ])),
            (
                maybe(list(member(), 0..3)),
                (
                    maybe(bools(&[
                        "in_proceedings",
                        "prior_order",
                        "reinstated",
                        "frivolous_finding",
                    ])),
                    maybe(boolean()),
                ),
            ),
        )
            .prop_map(
                |(
                    ap,
                    ar,
                    app,
                    ex,
                    harms,
                    groups,
                    risk,
                    torture,
                    conduct,
                    res,
                    (family, (removal, unity)),
                )| {
                    let harms = harms.map(|h| {
                        json!(
                            h.as_array()
                                .unwrap()
                                .iter()
                                .enumerate()
                                .map(|(i, x)| {
                                    let mut x = x.clone();
                                    x["id"] = json!(format!("h{i}"));
                                    x
                                })
                                .collect::<Vec<_>>()
                        )
                    });
                    let groups = json!(
                        groups
                            .iter()
                            .enumerate()
                            .map(|(i, g)| {
                                let mut g = g.clone();
                                g["id"] = json!(format!("g{i}"));
                                g
                            })
                            .collect::<Vec<_>>()
                    );
                    let family = family.map(|f| {
                        json!(
                            f.as_array()
                                .unwrap()
                                .iter()
                                .enumerate()
                                .map(|(i, x)| {
                                    let mut x = x.clone();
                                    x["id"] = json!(format!("f{i}"));
                                    x
                                })
                                .collect::<Vec<_>>()
                        )
                    });
                    object(vec![
                        ("as_of", Some(json!("2026-11-27"))),
                        ("applicant", ap),
                        ("arrivals", ar.map(|a| json!(a))),
                        ("application", app),
                        ("exceptions", ex.map(|e| json!(e))),
                        ("harms", harms),
                        ("groups", Some(groups)),
                        ("risk", risk),
                        ("torture", torture),
                        ("conduct", conduct),
                        ("resettlement", res),
                        ("family", family),
                        ("removal", removal),
                        ("family_unity", unity),
                    ])
                },
            )
    })
}

/// The parts of the memo's key (see `refuge_engine::memo`): the top-level
/// ones, then the applicant's.
const KEY_PARTS: [&str; 6] = [
    "harms",
    "groups",
    "risk",
    "torture",
    "conduct",
    "resettlement",
];
const APPLICANT_KEY_PARTS: [&str; 4] = [
    "location",
    "current_country",
    "nationality",
    "habitual_residence",
];

/// Sets `to[key]` to `from[key]`, or removes it where `from` has none.
fn copy(from: Option<&Value>, to: &mut Value, key: &str) {
    match from.and_then(|f| f.get(key)) {
        Some(v) => to[key] = v.clone(),
        None => {
            to.as_object_mut().unwrap().remove(key);
        }
    }
}

/// `g` with what the rules after the thresholds read taken from `f` (see
/// `refuge_engine::memo`): the harms, groups, risk, torture, conduct and
/// resettlement, the applicant's location and, for an applicant abroad, where
/// they are and their nationality; `as_of` as given. The rest (the dates,
/// arrivals, application, exceptions, family, the rest of the applicant) is `g`'s.
fn same_key_as(f: &Value, mut g: Value, as_of: &str) -> Value {
    for key in KEY_PARTS {
        copy(Some(f), &mut g, key);
    }
    g["as_of"] = json!(as_of);
    let fa = f.get("applicant");
    let mut ga = g.get("applicant").cloned().unwrap_or_else(|| json!({}));
    copy(fa, &mut ga, "location");
    if ga.get("location") == Some(&json!("outside_us")) {
        for key in &APPLICANT_KEY_PARTS[1..] {
            copy(fa, &mut ga, key);
        }
    }
    g["applicant"] = ga;
    g
}

/// `f` with one part of the memo's key (by number: the top-level parts, then
/// the applicant's) taken from `h`.
fn with_key_part(f: &Value, h: &Value, part: usize) -> Value {
    let mut out = f.clone();
    match KEY_PARTS.get(part) {
        Some(key) => copy(Some(h), &mut out, key),
        None => {
            let mut a = f.get("applicant").cloned().unwrap_or_else(|| json!({}));
            copy(
                h.get("applicant"),
                &mut a,
                APPLICANT_KEY_PARTS[part - KEY_PARTS.len()],
            );
            out["applicant"] = a;
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn assessing_random_facts_never_panics_and_is_deterministic(f in facts()) {
        let text = f.to_string();
        let a = assess_json(&text, today(), Law::embedded());
        let b = assess_json(&text, today(), Law::embedded());
        prop_assert_eq!(serde_json::to_string(&a.as_ref().ok()).unwrap(), serde_json::to_string(&b.as_ref().ok()).unwrap());
        prop_assert_eq!(a.as_ref().err(), b.as_ref().err());
    }

    /// A harm's narrative is the client's words for the practitioner: no
    /// rule reads it, so writing one changes nothing in the assessment.
    #[test]
    fn a_harms_narrative_changes_no_assessment(f in facts(), words in "[a-zA-Z <>\"]{0,40}") {
        let mut told = f.clone();
        for h in told.get_mut("harms").and_then(Value::as_array_mut).into_iter().flatten() {
            if let Some(h) = h.as_object_mut() {
                h.insert("narrative".into(), Value::String(words.clone()));
            }
        }
        let a = assess_json(&f.to_string(), today(), Law::embedded());
        let b = assess_json(&told.to_string(), today(), Law::embedded());
        prop_assert_eq!(serde_json::to_string(&a.as_ref().ok()).unwrap(), serde_json::to_string(&b.as_ref().ok()).unwrap());
        prop_assert_eq!(a.is_err(), b.is_err());
    }

    #[test]
    fn the_fast_json_writer_writes_what_serde_json_writes(f in facts()) {
        let Ok(a) = assess_json(&f.to_string(), today(), Law::embedded()) else { return Ok(()) };
        prop_assert_eq!(refuge_engine::json::to_string(&a), serde_json::to_string(&a).unwrap());
    }

    #[test]
    fn the_outcomes_mode_decides_exactly_as_the_full_assessment(f in facts()) {
        let Ok(case) = refuge_engine::Case::from_json(&f.to_string(), today()) else { return Ok(()) };
        let full = refuge_engine::assess(&case, Law::embedded());
        let lean = refuge_engine::assess_with(&case, Law::embedded(), refuge_engine::Detail::Outcomes);
        prop_assert_eq!(&full.reliefs, &lean.reliefs);
        let outcomes = |a: &refuge_engine::Assessment| a.findings.iter().map(|x| (x.id.clone(), x.outcome)).collect::<Vec<_>>();
        prop_assert_eq!(outcomes(&full), outcomes(&lean));
        let dates = |a: &refuge_engine::Assessment| a.deadlines.iter().map(|d| (d.id.clone(), d.date, d.status)).collect::<Vec<_>>();
        prop_assert_eq!(dates(&full), dates(&lean));
        let asked = |a: &refuge_engine::Assessment| a.questions.iter().map(|q| q.fact.clone()).collect::<Vec<_>>();
        prop_assert_eq!(asked(&full), asked(&lean));
        let codes = |a: &refuge_engine::Assessment| a.warnings.iter().map(|w| w.code.clone()).collect::<Vec<_>>();
        prop_assert_eq!(codes(&full), codes(&lean));
        prop_assert_eq!(&full.family, &lean.family);
        prop_assert!(lean.findings.iter().all(|x| x.because.is_empty()) && lean.questions.iter().all(|q| q.ask.is_empty()));
    }

    #[test]
    fn screening_reads_what_the_outcomes_mode_assessment_says(f in facts()) {
        let Ok(case) = refuge_engine::Case::from_json(&f.to_string(), today()) else { return Ok(()) };
        let lean = refuge_engine::assess_with(&case, Law::embedded(), refuge_engine::Detail::Outcomes);
        prop_assert_eq!(refuge_engine::screen(&case, Law::embedded()), lean.screening());
    }

    #[test]
    fn a_caseload_screened_together_reads_as_each_case_screened_alone(fs in prop::collection::vec(facts(), 1..6)) {
        let cases: Vec<_> = fs.iter().filter_map(|f| refuge_engine::Case::from_json(&f.to_string(), today()).ok()).collect();
        let refs: Vec<_> = cases.iter().collect();
        let alone: Vec<_> = cases.iter().map(|c| refuge_engine::screen(c, Law::embedded())).collect();
        prop_assert_eq!(refuge_engine::screen_all(&refs, Law::embedded()), alone);
    }

    #[test]
    fn a_caseload_screened_with_a_memo_reads_as_screened_without(
        random in prop::collection::vec((facts(), select(&["2026-11-27", "2027-03-01", "2029-12-31"][..])), 3..8),
        part in 0..KEY_PARTS.len() + APPLICANT_KEY_PARTS.len(),
    ) {
        // Two patterns that differ in one part of the memo's key only, each
        // with the rest of the facts of the same other cases: the memo must
        // tell them apart wherever the part matters.
        let (f, h) = (&random[0].0, &random[1].0);
        let f2 = with_key_part(f, h, part);
        let mut docs = vec![];
        for &(ref g, as_of) in &random[2..] {
            docs.push(same_key_as(f, g.clone(), as_of));
            docs.push(same_key_as(&f2, g.clone(), as_of));
        }
        let cases: Vec<_> = docs.iter().filter_map(|d| refuge_engine::Case::from_json(&d.to_string(), today()).ok()).collect();
        let refs: Vec<_> = cases.iter().collect();
        let without: Vec<_> = cases.iter().map(|c| refuge_engine::screen(c, Law::embedded())).collect();
        let mut memo = refuge_engine::Memo::new(Law::embedded());
        // The second time round, every case finds itself in the memo.
        for _ in 0..2 {
            let with: Vec<_> = refs.chunks(3).flat_map(|c| refuge_engine::screen_all_with(c, &mut memo)).collect();
            prop_assert_eq!(&with, &without);
        }
    }

    #[test]
    fn every_unknown_reason_of_a_relief_is_asked_about(f in facts()) {
        let Ok(a) = assess_json(&f.to_string(), today(), Law::embedded()) else { return Ok(()) };
        for (name, relief) in a.reliefs.iter() {
            for reason in &relief.reasons {
                let finding = a.finding(reason).unwrap();
                if finding.outcome == Outcome::Unknown {
                    prop_assert!(a.questions.iter().any(|q| q.why.contains(reason)),
                        "{} lists unknown {} but no question names it", name, reason);
                }
            }
            if relief.outcome == ReliefOutcome::Undetermined {
                prop_assert!(!relief.reasons.is_empty(), "{} undetermined without reasons", name);
            }
        }
    }

    #[test]
    fn a_granted_case_asks_no_asylum_eligibility_question(f in facts()) {
        let Ok(a) = assess_json(&f.to_string(), today(), Law::embedded()) else { return Ok(()) };
        if f["application"].get("granted_on").is_some() {
            prop_assert_eq!(a.reliefs.asylum.outcome, ReliefOutcome::Granted);
            prop_assert!(a.reliefs.asylum.reasons.is_empty());
            for q in &a.questions {
                // Only what the family and the time after the grant need
                // (section 6, and 8: adjustment, the status, naturalization).
                prop_assert!(
                    q.why.iter().all(|w| refuge_engine::defs::find(w).is_some_and(|d| d.section == "6" || d.section == "8")),
                    "{} asked for {:?}", q.fact, q.why
                );
            }
        } else {
            prop_assert_ne!(a.reliefs.asylum.outcome, ReliefOutcome::Granted);
            // Nothing of the time after the grant before one (issue 20).
            for f in &a.findings {
                let def = refuge_engine::defs::find(&f.id).unwrap();
                prop_assert!(def.section != "8" && def.id != refuge_engine::defs::FAMILY_I730.id, "{} before a grant", f.id);
            }
        }
    }

    #[test]
    fn a_person_abroad_is_asked_no_question_about_arriving_in_the_united_states(f in facts()) {
        let Ok(a) = assess_json(&f.to_string(), today(), Law::embedded()) else { return Ok(()) };
        if f["applicant"].get("location") == Some(&json!("outside_us")) {
            for q in &a.questions {
                prop_assert!(!q.fact.starts_with("arrivals"), "a person abroad is asked {}", q.fact);
            }
            for (name, relief) in a.reliefs.iter().into_iter().skip(1).take(3) {
                prop_assert_eq!(relief.outcome, ReliefOutcome::NotApplicable, "{} abroad", name);
            }
        }
    }

    #[test]
    fn an_eligible_relief_rests_on_no_unknown_finding(f in facts()) {
        let Ok(a) = assess_json(&f.to_string(), today(), Law::embedded()) else { return Ok(()) };
        for (name, relief) in a.reliefs.iter() {
            if relief.outcome == ReliefOutcome::Eligible {
                for reason in &relief.reasons {
                    prop_assert_eq!(a.finding(reason).unwrap().outcome, Outcome::Yes, "{} eligible on {}", name, reason);
                }
            }
        }
    }

    /// Kleene logic: where the law decides with a fact unknown, learning that fact
    /// cannot reverse the decision. Checked on the bars, groups and torture facts.
    #[test]
    fn learning_an_unknown_bar_group_or_torture_fact_never_reverses_a_decided_finding(
        f in facts(),
        section in select(&["conduct", "resettlement", "torture"][..]),
        value in any::<bool>(),
    ) {
        let Ok(before) = assess_json(&f.to_string(), today(), Law::embedded()) else { return Ok(()) };
        let mut g = f.clone();
        let fields: &[(&str, Value)] = match section {
            "conduct" => &[("persecuted_others", json!(value)), ("aggravated_felony", json!(value)), ("particularly_serious_crime", json!(value)),
                           ("sentence_years", json!(if value { 6 } else { 1 })), ("serious_nonpolitical_crime", json!(value)),
                           ("danger_to_security", json!(value)), ("terrorist_activity", json!(value)), ("drug_trafficking", json!(value))],
            "resettlement" => &[("offered_permanent_status", json!(value)), ("stay_necessary_for_flight", json!(!value)), ("restrictive_conditions", json!(value))],
            _ => &[("likelihood", json!(if value { "more_likely_than_not" } else { "remote" })), ("official_role", json!(if value { "consent" } else { "none" }))],
        };
        let obj = g.as_object_mut().unwrap().entry(section).or_insert(json!({}));
        for (k, v) in fields {
            obj.as_object_mut().unwrap().entry(k.to_string()).or_insert(v.clone());
        }
        let after = assess_json(&g.to_string(), today(), Law::embedded()).unwrap();
        for fb in &before.findings {
            if matches!(fb.outcome, Outcome::Yes | Outcome::No) && (fb.id.contains(".bar.") || fb.id.starts_with("cat.") || fb.id.starts_with("group.")) {
                let fa = after.finding(&fb.id).unwrap();
                prop_assert_eq!(fa.outcome, fb.outcome, "{} reversed", &fb.id);
            }
        }
    }

    /// The same of a harm's own facts: its kind, target, severity, injury,
    /// actor and grounds, checked on the findings about each harm.
    #[test]
    fn learning_an_unknown_fact_of_a_harm_never_reverses_a_decided_finding_about_it(
        f in facts(),
        kind in select(HarmKind::NAMES),
        target in select(&["applicant", "family_member"][..]),
        actor in select(&["government", "non_state"][..]),
        value in any::<bool>(),
    ) {
        let Ok(before) = assess_json(&f.to_string(), today(), Law::embedded()) else { return Ok(()) };
        let mut g = f.clone();
        let learnt = [
            ("kind", json!(kind)),
            ("target", json!(target)),
            ("severe", json!(value)),
            ("injured", json!(!value)),
            ("actor", json!(actor)),
            ("grounds", json!([{ "ground": "race", "central": value }])),
        ];
        for h in g.get_mut("harms").and_then(Value::as_array_mut).into_iter().flatten() {
            let h = h.as_object_mut().unwrap();
            for (k, v) in &learnt {
                if h.get(*k).is_none_or(Value::is_null) {
                    h.insert(k.to_string(), v.clone());
                }
            }
        }
        let after = assess_json(&g.to_string(), today(), Law::embedded()).unwrap();
        for fb in &before.findings {
            if matches!(fb.outcome, Outcome::Yes | Outcome::No) && fb.id.starts_with("harm.") {
                let fa = after.finding(&fb.id).unwrap();
                prop_assert_eq!(fa.outcome, fb.outcome, "{} reversed", &fb.id);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// Issue 15: extreme numbers in the facts (any count of days, any
    /// sentence) never panic: the document is assessed, or refused with the
    /// field named.
    #[test]
    fn extreme_numbers_in_the_facts_never_panic(
        stopped in any::<u32>(),
        detained in any::<u32>(),
        years in prop_oneof![Just(f64::MAX), Just(1e300), 0.0..1e6f64],
        filed in prop_oneof![Just("1800-01-01"), Just("2025-01-01"), Just("2200-12-31")],
    ) {
        let json = serde_json::json!({
            "as_of": "2200-12-31",
            "application": {"filed_on": filed, "clock_stopped_days": stopped},
            "harms": [{"id": "h1", "when": "past", "detention_days": detained}],
            "conduct": {"sentence_years": years},
        })
        .to_string();
        match assess_json(&json, today(), Law::embedded()) {
            Ok(_) => {}
            Err(e) => prop_assert!(
                ["application.clock_stopped_days", "harms[h1].detention_days", "conduct.sentence_years", "harms[0].detention_days"].contains(&e.field.as_str()),
                "{}: {}", e.field, e.message
            ),
        }
    }
}

/// The part of the law a cause names (`None`: a change of the rules, or one
/// that cannot be traced).
fn part_of(cause: &Cause) -> Option<Part> {
    match cause {
        Cause::Parameter { id, .. } => Some(Part::Parameter(id.clone())),
        Cause::LawData { part, .. } => Some(match part.as_str() {
            "holidays" => Part::Holidays,
            "closings" => Part::Closings,
            "warnings" => Part::Warnings,
            _ => Part::Countries,
        }),
        Cause::Rules { .. } | Cause::Unattributed { .. } => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Issue 23: the causes named for an item the law of 2026.12 moved are
    /// what trying every part of the law finds: the parts that move it
    /// alone (2026.11 with that part of 2026.12), or, when none does, those
    /// without which 2026.12 does not move it. The re-assessment skips the
    /// trials whose answer it knows (a fee no rule reads, a warning's text
    /// for a date, the one part that can move an item): this holds that
    /// what it skips could not have changed the answer.
    #[test]
    fn each_cause_named_is_what_trying_every_part_of_the_law_finds(doc in facts()) {
        let json = doc.to_string();
        let history = History::embedded();
        let old = history.law("2026.11").expect("2026.11 is kept");
        let new = Law::embedded();
        let case = Case::from_json(&json, today()).expect("valid by construction");
        let stamp = |law: &Law| Stamp::of(&assess_with(&case, law, Detail::Outcomes), law);
        let before = stamp(old);
        let re = Reassessor::new(new, history)
            .reassess(&json, Some(&before), today())
            .expect("valid by construction");
        let parts = old.parts_differing(new);
        let item = |law: &Law, m: &Moved| stamp(law).items().get(&(m.kind, m.id.as_str())).cloned();
        for m in &re.moved {
            let was = item(old, m);
            let alone: Vec<Part> = parts
                .iter()
                .filter(|p| item(&old.with_part_of(new, p), m) != was)
                .cloned()
                .collect();
            let expected = if alone.is_empty() {
                parts
                    .iter()
                    .filter(|p| item(&new.with_part_of(old, p), m) == was)
                    .cloned()
                    .collect()
            } else {
                alone
            };
            if expected.is_empty() {
                continue;
            }
            let named: Vec<Part> = m.causes.iter().filter_map(part_of).collect();
            prop_assert_eq!(named, expected, "{} {}", m.kind.as_str(), &m.id);
        }
    }
}
