//! After the grant (issue 20): Form I-730 for each family member, asylee
//! adjustment, the risks to the status that trips show, and the
//! naturalization counts. Rows are named after the authority they check.

use refuge_engine::{Law, assess_json};
use serde_json::{Value, json};

use crate::{run, table, with};

/// `v` with the fields of the object `extra` set over its own.
fn merged(mut v: Value, extra: Value) -> Value {
    if let (Value::Object(v), Value::Object(e)) = (&mut v, extra) {
        v.extend(e);
    }
    v
}

/// An asylee granted on `granted` (filed 2021-11-30, arrived 2020-01-10),
/// assessed on `as_of`, with `extra` merged at the top.
fn granted(granted: &str, as_of: &str, extra: Value) -> Value {
    merged(
        json!({
            "as_of": as_of,
            "arrivals": [{ "date": "2020-01-10" }],
            "application": { "filed_on": "2021-11-30", "granted_on": granted },
            "harms": [{ "id": "h1", "date": "2019-06-02" }]
        }),
        extra,
    )
}

/// A family member abroad, not on the application (follows to join), with `m` merged in.
fn abroad(m: Value) -> Value {
    json!([merged(
        json!({ "in_us": false, "on_application": false }),
        m
    )])
}

fn spouse(began: &str) -> Value {
    abroad(
        json!({ "id": "s1", "relation": "spouse", "married": true, "relationship_began": began }),
    )
}

fn child(birth: &str) -> Value {
    abroad(json!({ "id": "c1", "relation": "child", "married": false, "birth_date": birth }))
}

#[test]
fn form_i730_eligibility_for_each_family_member() {
    table(vec![
        (
            "A spouse married before the grant can follow to join (INA § 208(b)(3)(A); 8 C.F.R. § 208.21(b))",
            granted(
                "2024-10-15",
                "2026-05-01",
                json!({ "family": spouse("2019-06-01") }),
            ),
            &[
                ("finding.family.s1.i730", "yes"),
                ("deadline.family.s1.i730", "2026-10-15 upcoming"),
                ("family.s1.path", "follow_to_join"),
            ],
        ),
        (
            "A spouse married after the grant does not qualify (8 C.F.R. § 208.21(b))",
            granted(
                "2024-10-15",
                "2026-05-01",
                json!({ "family": spouse("2025-01-10") }),
            ),
            &[("family.s1", "no"), ("finding.family.s1.i730", "no")],
        ),
        (
            "A spouse married on the day of the grant qualifies (8 C.F.R. § 208.21(b))",
            granted(
                "2024-10-15",
                "2026-05-01",
                json!({ "family": spouse("2024-10-15") }),
            ),
            &[("finding.family.s1.i730", "yes")],
        ),
        (
            "CSPA: a 21st birthday on the day the principal filed: 21 that day, not a child (INA § 208(b)(3)(B))",
            granted(
                "2024-10-15",
                "2026-05-01",
                json!({ "family": child("2000-11-30") }),
            ),
            &[("family.c1", "no"), ("finding.family.c1.i730", "no")],
        ),
        (
            "CSPA: a 21st birthday on the day before the filing: already 21, not a child (INA § 208(b)(3)(B))",
            granted(
                "2024-10-15",
                "2026-05-01",
                json!({ "family": child("2000-11-29") }),
            ),
            &[("family.c1", "no"), ("finding.family.c1.i730", "no")],
        ),
        (
            "CSPA: a 21st birthday the day after the filing: 20 on the filing day, the age frozen there although now 25 (INA § 208(b)(3)(B))",
            granted(
                "2024-10-15",
                "2026-05-01",
                json!({ "family": child("2000-12-01") }),
            ),
            &[("family.c1", "yes"), ("finding.family.c1.i730", "yes")],
        ),
        (
            "CSPA: born 29 February, filed 28 February of a common year: the birthday is taken that day, so 21 (INA § 208(b)(3)(B); the safe rounding)",
            granted(
                "2024-10-15",
                "2026-05-01",
                json!({ "application": { "filed_on": "2021-02-28", "granted_on": "2024-10-15" }, "family": child("2000-02-29") }),
            ),
            &[("family.c1", "no"), ("finding.family.c1.i730", "no")],
        ),
        (
            "CSPA: born 29 February, filed 27 February of a common year: still 20 (INA § 208(b)(3)(B))",
            granted(
                "2024-10-15",
                "2026-05-01",
                json!({ "application": { "filed_on": "2021-02-27", "granted_on": "2024-10-15" }, "family": child("2000-02-29") }),
            ),
            &[("family.c1", "yes"), ("finding.family.c1.i730", "yes")],
        ),
        (
            "A married son is not a child (INA § 101(b)(1))",
            granted(
                "2024-10-15",
                "2026-05-01",
                json!({ "family": abroad(json!({ "id": "c1", "relation": "child", "married": true, "birth_date": "2010-01-01" })) }),
            ),
            &[("finding.family.c1.i730", "no")],
        ),
        (
            "A child in utero on the day of the grant qualifies (8 C.F.R. § 208.21(b))",
            granted(
                "2024-10-15",
                "2026-05-01",
                json!({ "family": abroad(json!({ "id": "c1", "relation": "child", "married": false, "birth_date": "2025-02-01", "conceived_before_grant": true })) }),
            ),
            &[("finding.family.c1.i730", "yes")],
        ),
        (
            "A child born after the grant, whether in utero then not known: asked (8 C.F.R. § 208.21(b))",
            granted(
                "2024-10-15",
                "2026-05-01",
                json!({ "family": abroad(json!({ "id": "c1", "relation": "child", "married": false, "birth_date": "2025-02-01" })) }),
            ),
            &[
                ("finding.family.c1.i730", "unknown"),
                ("question.family[c1].conceived_before_grant", "asked"),
            ],
        ),
        (
            "A child born more than 300 days after the grant was not in utero then (8 C.F.R. § 208.21(b))",
            granted(
                "2024-10-15",
                "2026-05-01",
                json!({ "family": abroad(json!({ "id": "c1", "relation": "child", "married": false, "birth_date": "2025-12-01" })) }),
            ),
            &[("finding.family.c1.i730", "no")],
        ),
        (
            "A member in the United States and on the application is included in the grant: no Form I-730 (INA § 208(b)(3)(A))",
            granted(
                "2024-10-15",
                "2026-05-01",
                json!({ "family": [{ "id": "c1", "relation": "child", "married": false, "birth_date": "2010-01-01", "in_us": true, "on_application": true }] }),
            ),
            &[
                ("finding.family.c1.i730", "not_applicable"),
                ("deadline.family.c1.i730", "absent"),
            ],
        ),
        (
            "Before a grant there is no Form I-730 to file (INA § 208(b)(3)(A))",
            json!({ "family": spouse("2019-06-01") }),
            &[
                ("finding.family.s1.i730", "absent"),
                ("deadline.family.s1.i730", "absent"),
            ],
        ),
    ]);
}

#[test]
fn a_member_both_included_and_petitioned_for_is_explained() {
    let facts = with(granted(
        "2024-10-15",
        "2026-05-01",
        json!({ "family": [{ "id": "c1", "relation": "child", "married": false, "birth_date": "2010-01-01",
                             "in_us": true, "on_application": true, "i730_filed_on": "2025-01-10" }] }),
    ));
    let a = run(&facts);
    let f = a.finding("family.c1.i730").unwrap();
    assert_eq!(f.outcome.as_str(), "not_applicable");
    assert!(
        f.because.contains("possible only in specific situations"),
        "{}",
        f.because
    );
}

#[test]
fn form_i730_two_year_window() {
    // Granted Friday 2024-03-01: two years later is Sunday 2026-03-01, so the
    // last day rolls to Monday 2026-03-02 (8 C.F.R. § 1.2, "day").
    let fam = |m: Value| json!({ "family": abroad(m) });
    let s1 = |extra: Value| {
        fam(merged(
            json!({ "id": "s1", "relation": "spouse", "married": true, "relationship_began": "2019-06-01" }),
            extra,
        ))
    };
    table(vec![
        (
            "The window's last day on a Sunday rolls to the Monday (8 C.F.R. § 208.21(d); 8 C.F.R. § 1.2)",
            granted("2024-03-01", "2026-01-10", s1(json!({}))),
            &[
                ("deadline.family.s1.i730", "2026-03-02 upcoming"),
                ("finding.family.s1.i730", "yes"),
                // The spec's general date is the anniversary itself, unrolled.
                ("deadline.i730.deadline", "2026-03-01 upcoming"),
            ],
        ),
        (
            "Filed on the rolled Monday: in time (8 C.F.R. § 208.21(d); 8 C.F.R. § 1.2)",
            granted(
                "2024-03-01",
                "2026-04-01",
                s1(json!({ "i730_filed_on": "2026-03-02" })),
            ),
            &[
                ("deadline.family.s1.i730", "2026-03-02 met"),
                ("finding.family.s1.i730", "yes"),
            ],
        ),
        (
            "Filed the Tuesday after: late, and whether humanitarian reasons excuse it is asked (8 C.F.R. § 208.21(d))",
            granted(
                "2024-03-01",
                "2026-04-01",
                s1(json!({ "i730_filed_on": "2026-03-03" })),
            ),
            &[
                ("deadline.family.s1.i730", "2026-03-02 missed"),
                ("finding.family.s1.i730", "unknown"),
                ("question.family[s1].humanitarian_reasons", "asked"),
            ],
        ),
        (
            "Late, with humanitarian reasons: USCIS may extend the period (8 C.F.R. § 208.21(d))",
            granted(
                "2024-03-01",
                "2026-04-01",
                s1(json!({ "i730_filed_on": "2026-03-03", "humanitarian_reasons": true })),
            ),
            &[("finding.family.s1.i730", "yes")],
        ),
        (
            "Late, without humanitarian reasons: no petition (8 C.F.R. § 208.21(d))",
            granted(
                "2024-03-01",
                "2026-04-01",
                s1(json!({ "i730_filed_on": "2026-03-03", "humanitarian_reasons": false })),
            ),
            &[("finding.family.s1.i730", "no")],
        ),
        (
            "Not filed, and the window has passed: the date is passed, humanitarian reasons asked (8 C.F.R. § 208.21(d))",
            granted("2024-03-01", "2026-04-01", s1(json!({}))),
            &[
                ("deadline.family.s1.i730", "2026-03-02 passed"),
                ("finding.family.s1.i730", "unknown"),
            ],
        ),
    ]);
}

#[test]
fn a_last_day_to_act_carries_its_reminder_at_90_30_and_7_days() {
    // The window's last day is 2026-10-15 (a Thursday).
    let reminder = |as_of: &str| {
        let a = run(&with(granted(
            "2024-10-15",
            as_of,
            json!({ "family": spouse("2019-06-01") }),
        )));
        let d = a
            .deadline("family.s1.i730")
            .expect("the member's Form I-730 date");
        d.reminder.map(|r| (r.days_left, r.within))
    };
    assert_eq!(
        reminder("2026-07-16"),
        None,
        "91 days before: no reminder yet"
    );
    assert_eq!(reminder("2026-07-17"), Some((90, 90)));
    assert_eq!(reminder("2026-09-15"), Some((30, 30)));
    assert_eq!(reminder("2026-10-08"), Some((7, 7)));
    assert_eq!(reminder("2026-10-15"), Some((0, 7)), "the last day itself");
    assert_eq!(
        reminder("2026-10-16"),
        None,
        "passed: no reminder, the status says it"
    );

    // A child's last day under 21 (nothing filed: the CSPA has not frozen the age).
    let a = run(&json!({ "as_of": "2026-11-27",
        "family": [{ "id": "c1", "relation": "child", "birth_date": "2005-12-20" }] }));
    let d = a.deadline("family.c1.age_21").expect("the age-21 date");
    assert_eq!(d.date.to_string(), "2026-12-19");
    assert_eq!(d.reminder.map(|r| (r.days_left, r.within)), Some((22, 30)));
    // The JSON says so too.
    let json = refuge_engine::json::to_string(&a);
    assert!(
        json.contains(r#""reminder":{"days_left":22,"within":30}"#),
        "{json}"
    );
}

#[test]
fn a_derivative_who_followed_to_join_counts_from_their_own_arrival_and_adjustment() {
    let a = run(&with(granted(
        "2024-10-15",
        "2026-11-27",
        json!({ "family": abroad(json!({ "id": "s1", "relation": "spouse", "married": true,
            "relationship_began": "2019-06-01", "asylee_since": "2025-08-04" })) }),
    )));
    let d = a
        .deadline("family.s1.adjustment.eligible")
        .expect("the member's own date");
    assert_eq!(
        (d.date.to_string(), d.status.as_str()),
        ("2026-08-04".into(), "passed")
    );
    assert_eq!(
        a.deadline("adjustment.eligible").unwrap().date.to_string(),
        "2025-10-15"
    );

    // Once the member's own I-485 is approved, their residence is rolled back
    // a year (8 C.F.R. § 209.2(f)) and naturalization follows from it (INA § 316(a)).
    let a = run(&with(granted(
        "2022-10-15",
        "2026-11-27",
        json!({ "family": abroad(json!({ "id": "s1", "relation": "spouse", "married": true,
            "relationship_began": "2019-06-01", "asylee_since": "2023-08-04", "adjusted_on": "2025-02-03" })) }),
    )));
    let date = |id: &str| {
        a.deadline(id)
            .map(|d| format!("{} {}", d.date, d.status.as_str()))
    };
    assert_eq!(
        date("family.s1.lpr.date").as_deref(),
        Some("2024-02-03 met")
    );
    assert_eq!(
        date("family.s1.naturalization.earliest_filing").as_deref(),
        Some("2028-11-05 upcoming"),
        "2024-02-03 + 5 years = 2029-02-03, less 90 days"
    );
}

#[test]
fn asylee_adjustment_requirements() {
    let clean = json!({ "still_refugee": true, "firmly_resettled": false, "inadmissible": false });
    let ag = |over: Value| merged(clean.clone(), over);
    table(vec![
        (
            "Physical presence of exactly one year, with no trip: met (INA § 209(b)(2); 8 C.F.R. § 209.2(a)(1)(ii))",
            granted(
                "2025-03-03",
                "2026-03-03",
                json!({ "trips": [], "after_grant": clean }),
            ),
            &[
                ("finding.adjustment.physical_presence", "yes"),
                ("finding.adjustment.requirements", "yes"),
            ],
        ),
        (
            "One year since the grant with a five-day trip: five days short (INA § 209(b)(2))",
            granted(
                "2025-03-03",
                "2026-03-03",
                json!({ "trips": [{ "departed": "2025-07-01", "returned": "2025-07-06", "countries": ["MX"], "document": "refugee_travel_document" }],
                        "after_grant": clean }),
            ),
            &[
                ("finding.adjustment.physical_presence", "no"),
                ("finding.adjustment.requirements", "no"),
            ],
        ),
        (
            "The same trip, five days later: the year is made up (INA § 209(b)(2))",
            granted(
                "2025-03-03",
                "2026-03-08",
                json!({ "trips": [{ "departed": "2025-07-01", "returned": "2025-07-06", "countries": ["MX"], "document": "refugee_travel_document" }],
                        "after_grant": clean }),
            ),
            &[("finding.adjustment.physical_presence", "yes")],
        ),
        (
            "A day short of a year since the grant: not yet, whatever the trips (INA § 209(b)(2))",
            granted("2025-03-03", "2026-03-02", json!({ "after_grant": clean })),
            &[
                ("finding.adjustment.physical_presence", "no"),
                ("question.trips", "not asked"),
            ],
        ),
        (
            "Over a year since the grant, trips not recorded: presence unknown, the trips asked (8 C.F.R. § 209.2(a)(1)(ii))",
            granted("2025-03-03", "2026-11-27", json!({ "after_grant": clean })),
            &[
                ("finding.adjustment.physical_presence", "unknown"),
                ("finding.adjustment.requirements", "unknown"),
                ("question.trips", "asked"),
            ],
        ),
        (
            "No longer a refugee: no asylee adjustment (INA § 209(b)(3))",
            granted(
                "2025-03-03",
                "2026-11-27",
                json!({ "trips": [], "after_grant": ag(json!({ "still_refugee": false })) }),
            ),
            &[
                ("finding.adjustment.refugee", "no"),
                ("finding.adjustment.requirements", "no"),
            ],
        ),
        (
            "Firmly resettled abroad since: barred (INA § 209(b)(4))",
            granted(
                "2025-03-03",
                "2026-11-27",
                json!({ "trips": [], "after_grant": ag(json!({ "firmly_resettled": true })) }),
            ),
            &[
                ("finding.adjustment.firm_resettlement", "yes"),
                ("finding.adjustment.requirements", "no"),
            ],
        ),
        (
            "Inadmissible on a ground that can be waived (Form I-602): admissible with the waiver (INA § 209(c); 8 C.F.R. § 209.2(b))",
            granted(
                "2025-03-03",
                "2026-11-27",
                json!({ "trips": [], "after_grant": ag(json!({ "inadmissible": true, "ground_waivable": true })) }),
            ),
            &[
                ("finding.adjustment.admissible", "yes"),
                ("finding.adjustment.requirements", "yes"),
            ],
        ),
        (
            "Inadmissible on a ground that cannot be waived: no adjustment (INA § 209(c); 8 C.F.R. § 209.2(b))",
            granted(
                "2025-03-03",
                "2026-11-27",
                json!({ "trips": [], "after_grant": ag(json!({ "inadmissible": true, "ground_waivable": false })) }),
            ),
            &[
                ("finding.adjustment.admissible", "no"),
                ("finding.adjustment.requirements", "no"),
            ],
        ),
        (
            "Inadmissible, waiver not known: asked (8 C.F.R. § 209.2(b))",
            granted(
                "2025-03-03",
                "2026-11-27",
                json!({ "trips": [], "after_grant": ag(json!({ "inadmissible": true })) }),
            ),
            &[
                ("finding.adjustment.admissible", "unknown"),
                ("question.after_grant.ground_waivable", "asked"),
            ],
        ),
        (
            "Once adjusted, adjustment is not asked again (8 C.F.R. § 209.2(f))",
            granted(
                "2024-10-15",
                "2026-11-27",
                json!({ "application": { "filed_on": "2021-11-30", "granted_on": "2024-10-15", "adjusted_on": "2026-04-21" }, "trips": [] }),
            ),
            &[
                ("finding.adjustment.physical_presence", "absent"),
                ("deadline.lpr.date", "2025-04-21 met"),
                (
                    "deadline.naturalization.earliest_filing",
                    "2030-01-21 upcoming",
                ),
            ],
        ),
        (
            "Before a grant there is nothing of adjustment (INA § 209(b))",
            json!({ "trips": [] }),
            &[
                ("finding.adjustment.requirements", "absent"),
                ("finding.status.return_to_country", "absent"),
            ],
        ),
    ]);
}

#[test]
fn risks_to_the_status_asked_where_the_case_shows_trips() {
    // The base case's nationality is Nicaragua (NI).
    let trip = |t: Value| {
        let t = merged(
            json!({ "departed": "2025-07-01", "returned": "2025-07-20" }),
            t,
        );
        json!({ "trips": [t], "after_grant": { "passport_renewed": false, "protection_availed": false } })
    };
    table(vec![
        (
            "A trip to the country of claimed persecution on its passport: return and passport flagged (INA § 208(c)(2)(D); 8 C.F.R. § 208.24(a))",
            granted(
                "2025-03-03",
                "2026-11-27",
                trip(json!({ "countries": ["NI"], "document": "national_passport" })),
            ),
            &[
                ("finding.status.return_to_country", "yes"),
                ("finding.status.national_passport", "yes"),
                ("finding.status.travel_document", "yes"),
                ("finding.status.reavailment", "no"),
            ],
        ),
        (
            "A trip to a third country on a refugee travel document: no risk shown (8 C.F.R. § 223.1(b))",
            granted(
                "2025-03-03",
                "2026-11-27",
                trip(json!({ "countries": ["MX"], "document": "refugee_travel_document" })),
            ),
            &[
                ("finding.status.return_to_country", "no"),
                ("finding.status.national_passport", "no"),
                ("finding.status.travel_document", "no"),
            ],
        ),
        (
            "A trip whose destination and document are not recorded: both asked (INA § 208(c)(2); 8 C.F.R. § 223.1(b))",
            granted("2025-03-03", "2026-11-27", trip(json!({}))),
            &[
                ("finding.status.return_to_country", "unknown"),
                ("finding.status.travel_document", "unknown"),
                ("question.trips[0].countries", "asked"),
                ("question.trips[0].document", "asked"),
            ],
        ),
        (
            "A renewed home passport, even without a trip on it (INA § 208(c)(2)(D))",
            granted(
                "2025-03-03",
                "2026-11-27",
                json!({ "trips": [{ "departed": "2025-07-01", "returned": "2025-07-20", "countries": ["MX"], "document": "refugee_travel_document" }],
                        "after_grant": { "passport_renewed": true } }),
            ),
            &[("finding.status.national_passport", "yes")],
        ),
        (
            "A stateless asylee's country of claimed persecution is the country of last habitual residence (INA § 101(a)(42)(A))",
            granted(
                "2025-03-03",
                "2026-11-27",
                json!({ "applicant": { "nationality": [], "habitual_residence": "SY" },
                        "trips": [{ "departed": "2025-07-01", "returned": "2025-07-20", "countries": ["SY"], "document": "refugee_travel_document" }] }),
            ),
            &[("finding.status.return_to_country", "yes")],
        ),
        (
            "Re-availment is the practitioner's judgment, asked once a trip shows (INA § 208(c)(2)(D))",
            granted(
                "2025-03-03",
                "2026-11-27",
                json!({ "trips": [{ "departed": "2025-07-01", "returned": "2025-07-20", "countries": ["NI"], "document": "refugee_travel_document" }] }),
            ),
            &[
                ("finding.status.reavailment", "unknown"),
                ("question.after_grant.protection_availed", "asked"),
            ],
        ),
        (
            "A trip before the grant raises no risk to the status (INA § 208(c)(2))",
            granted(
                "2025-03-03",
                "2026-11-27",
                json!({ "trips": [{ "departed": "2024-07-01", "returned": "2024-07-20", "countries": ["NI"] }] }),
            ),
            &[
                ("finding.status.return_to_country", "absent"),
                ("finding.status.travel_document", "absent"),
            ],
        ),
        (
            "A trip after adjustment was made as a permanent resident: no refugee travel document needed (8 C.F.R. § 223.1(b))",
            granted(
                "2024-10-15",
                "2026-11-27",
                json!({ "application": { "filed_on": "2021-11-30", "granted_on": "2024-10-15", "adjusted_on": "2026-04-21" },
                        "trips": [{ "departed": "2026-06-01", "returned": "2026-06-20", "countries": ["MX"], "document": "permanent_resident_card" }] }),
            ),
            &[("finding.status.travel_document", "not_applicable")],
        ),
    ]);
}

#[test]
fn naturalization_presence_and_continuous_residence() {
    // Adjusted 2026-06-01: a permanent resident since 2025-06-01; assessed on
    // 2031-06-01, the five years counted are 2026-06-01 to 2031-06-01 (1,826
    // days, 913 of them needed).
    let adjusted = |trips: Value| {
        granted(
            "2024-10-15",
            "2031-06-01",
            json!({ "application": { "filed_on": "2021-11-30", "granted_on": "2024-10-15", "adjusted_on": "2026-06-01" },
                    "trips": trips }),
        )
    };
    table(vec![
        (
            "No trip: present throughout, residence continuous (INA § 316(a)(1))",
            adjusted(json!([])),
            &[
                ("finding.naturalization.physical_presence", "yes"),
                ("finding.naturalization.continuous_residence", "yes"),
            ],
        ),
        (
            "Three absences of 11 to 12 months: under 30 months present, each presumed to break residence (INA § 316(a)(1), (b); 8 C.F.R. § 316.5(c)(1)(i))",
            adjusted(json!([
                { "departed": "2026-07-01", "returned": "2027-06-15" },
                { "departed": "2027-08-01", "returned": "2028-07-20" },
                { "departed": "2028-09-01", "returned": "2029-08-01" }
            ])),
            &[
                ("finding.naturalization.physical_presence", "no"),
                ("finding.naturalization.continuous_residence", "unknown"),
                ("question.trips[0].residence_kept", "asked"),
            ],
        ),
        (
            "An absence of more than six months, the presumption rebutted: residence continuous (8 C.F.R. § 316.5(c)(1)(i))",
            adjusted(
                json!([{ "departed": "2027-01-10", "returned": "2027-09-10", "residence_kept": true }]),
            ),
            &[
                ("finding.naturalization.continuous_residence", "yes"),
                ("finding.naturalization.physical_presence", "yes"),
            ],
        ),
        (
            "An absence of exactly six months is not more than six months (INA § 316(b))",
            adjusted(json!([{ "departed": "2027-01-10", "returned": "2027-07-10" }])),
            &[("finding.naturalization.continuous_residence", "yes")],
        ),
        (
            "An absence of one year breaks continuous residence (INA § 316(b); 8 C.F.R. § 316.5(c)(1)(ii))",
            adjusted(
                json!([{ "departed": "2027-01-10", "returned": "2028-01-10", "residence_kept": true }]),
            ),
            &[("finding.naturalization.continuous_residence", "no")],
        ),
        (
            "Trips not recorded: both counts unknown, the trips asked (INA § 316(a))",
            granted(
                "2024-10-15",
                "2031-06-01",
                json!({ "application": { "filed_on": "2021-11-30", "granted_on": "2024-10-15", "adjusted_on": "2026-06-01" } }),
            ),
            &[
                ("finding.naturalization.physical_presence", "unknown"),
                ("finding.naturalization.continuous_residence", "unknown"),
                ("question.trips", "asked"),
            ],
        ),
    ]);
}

#[test]
fn the_naturalization_counts_are_in_the_because_text() {
    let a = run(&with(granted(
        "2024-10-15",
        "2031-06-01",
        json!({ "application": { "filed_on": "2021-11-30", "granted_on": "2024-10-15", "adjusted_on": "2026-06-01" },
                "trips": [{ "departed": "2027-01-10", "returned": "2027-02-09" }] }),
    )));
    let f = a.finding("naturalization.physical_presence").unwrap();
    assert!(
        f.because.contains("from 2026-06-01 to 2031-06-01: 1826 days, 30 of them abroad on 1 trip, so 1796 days present; 913 needed"),
        "{}",
        f.because
    );
}

/// Bad trips are refused with the field named, and nothing is assessed.
#[test]
fn bad_trips_are_errors_naming_the_field() {
    let today = jiff::civil::date(2026, 11, 27);
    for (claim, trips, field, words) in [
        (
            "a return before the departure",
            json!([{ "departed": "2025-07-10", "returned": "2025-07-01" }]),
            "trips[0].returned",
            "before departed 2025-07-10",
        ),
        (
            "overlapping trips",
            json!([{ "departed": "2025-07-01", "returned": "2025-07-20" }, { "departed": "2025-07-15", "returned": "2025-08-01" }]),
            "trips[1].departed",
            "must not overlap",
        ),
        (
            "a trip inside another, listed first",
            json!([{ "departed": "2025-07-05", "returned": "2025-07-06" }, { "departed": "2025-07-01", "returned": "2025-07-20" }]),
            "trips[0].departed",
            "must not overlap",
        ),
        (
            "a trip still going on (not back) overlapping a later one",
            json!([{ "departed": "2025-07-01" }, { "departed": "2025-09-01", "returned": "2025-09-05" }]),
            "trips[1].departed",
            "must not overlap",
        ),
        (
            "a departure after as_of",
            json!([{ "departed": "2027-01-01" }]),
            "trips[0].departed",
            "after as_of",
        ),
        (
            "a return without a departure",
            json!([{ "returned": "2025-07-01" }]),
            "trips[0].departed",
            "needs its departure date",
        ),
        (
            "an unknown travel document",
            json!([{ "departed": "2025-07-01", "document": "visa" }]),
            "trips[0].document",
            "refugee_travel_document",
        ),
    ] {
        let facts = json!({ "as_of": "2026-11-27", "trips": trips });
        let e = assess_json(&facts.to_string(), today, Law::embedded()).expect_err(claim);
        assert_eq!(e.field, field, "{claim}: {e}");
        assert!(e.message.contains(words), "{claim}: {e}");
    }
    // A return and a new departure on the same day do not overlap.
    let facts = json!({ "as_of": "2026-11-27", "trips": [
        { "departed": "2025-07-01", "returned": "2025-07-20" }, { "departed": "2025-07-20", "returned": "2025-08-01" }] });
    assert!(assess_json(&facts.to_string(), today, Law::embedded()).is_ok());
    // A member's adjustment cannot come before they became an asylee.
    let facts = json!({ "as_of": "2026-11-27",
        "family": [{ "id": "s1", "relation": "spouse", "asylee_since": "2025-08-04", "adjusted_on": "2025-01-01" }] });
    let e = assess_json(&facts.to_string(), today, Law::embedded()).unwrap_err();
    assert_eq!(e.field, "family[0].adjusted_on");
    // A Form I-730 cannot be filed before the grant.
    let facts = json!({ "as_of": "2026-11-27", "application": { "filed_on": "2021-11-30", "granted_on": "2024-10-15" },
        "family": [{ "id": "s1", "relation": "spouse", "i730_filed_on": "2024-10-14" }] });
    let e = assess_json(&facts.to_string(), today, Law::embedded()).unwrap_err();
    assert_eq!(e.field, "family[0].i730_filed_on");
}

proptest::proptest! {
    /// Trips in any order, of any length, returned or not, before or after the
    /// grant and the adjustment: the facts are assessed, the counts never
    /// exceed the days counted, or they are refused naming a trip's field;
    /// never a panic.
    #[test]
    fn any_trips_are_counted_or_refused_naming_a_trip(
        trips in proptest::collection::vec((0i64..2200, 0i64..500, proptest::bool::ANY), 0..6),
        adjusted in proptest::bool::ANY,
    ) {
        let day = |n: i64| refuge_engine::calendar::add_days(jiff::civil::date(2021, 1, 1), n).to_string();
        let trips: Vec<Value> = trips
            .iter()
            .map(|&(d, len, back)| {
                let mut t = json!({ "departed": day(d), "countries": ["MX"], "document": "refugee_travel_document" });
                if back {
                    t["returned"] = json!(day(d + len));
                }
                t
            })
            .collect();
        let app = if adjusted {
            json!({ "filed_on": "2020-11-30", "granted_on": "2021-06-01", "adjusted_on": "2023-02-01" })
        } else {
            json!({ "filed_on": "2020-11-30", "granted_on": "2021-06-01" })
        };
        let facts = json!({ "as_of": "2026-11-27", "application": app, "trips": trips });
        match assess_json(&facts.to_string(), jiff::civil::date(2026, 11, 27), Law::embedded()) {
            Ok(a) => {
                let id = if adjusted { "naturalization.physical_presence" } else { "adjustment.physical_presence" };
                let f = a.finding(id).expect("the presence count");
                // "… N days, M of them abroad …": counted, and M never exceeds N.
                let text = &f.because;
                let at = text.find(" days, ").expect("the counts");
                let days: i64 = text[..at].rsplit(' ').next().unwrap().parse().unwrap();
                let abroad: i64 = text[at + 7..].split(' ').next().unwrap().parse().unwrap();
                proptest::prop_assert!(abroad <= days, "{text}");
            }
            Err(e) => proptest::prop_assert!(e.field.starts_with("trips["), "{e}"),
        }
    }
}
