//! Table-driven tests of every rule of `spec/rules.md`, each row named after
//! the legal claim it checks and its source. Rows change the clean `base()`
//! case only where their claim is about.

use serde_json::{Value, json};

use crate::table;

/// A late filing: arrived 2023-04-18 (deadline Thursday 2024-04-18), filed 2025-05-20.
fn late(extra: Value) -> Value {
    let mut v = json!({
        "arrivals": [{ "date": "2023-04-18", "manner": "admitted", "border": "air", "from_country": "NI", "transit_countries": [] }],
        "application": { "filed_on": "2025-05-20" },
        "harms": [{ "id": "h1", "when": "past", "date": "2023-01-02", "kind": "serious_physical_harm", "target": "applicant",
                    "actor": "government", "grounds": [{ "ground": "political_opinion", "central": true }] }]
    });
    if let (Value::Object(v), Value::Object(e)) = (&mut v, extra) {
        v.extend(e);
    }
    v
}

/// An entry across the southwest land border between ports, after passing through
/// Guatemala and Mexico, by a Honduran national; `arrival` fields override.
fn southwest(arrival: Value) -> Value {
    let mut a = json!({ "date": "2024-01-15", "manner": "without_inspection", "border": "southwest_land", "from_country": "MX",
                        "transit_countries": ["GT", "MX"], "cbp_one_appointment": false,
                        "protection_sought_in_transit": "none", "compelling_circumstances": false });
    if let (Value::Object(a), Value::Object(o)) = (&mut a, arrival) {
        a.extend(o);
    }
    json!({ "applicant": { "nationality": ["HN"] }, "arrivals": [a], "application": { "filed_on": "2024-06-01" },
            "harms": [{ "id": "h1", "date": "2023-06-02" }] })
}

/// A feared harm by a non-state actor on account of religion.
fn feared(risk: Value, harm: Value) -> Value {
    let mut h = json!({ "id": "h2", "when": "feared", "kind": "attempted_killing", "target": "applicant", "actor": "non_state",
                        "authorities": "unable_or_unwilling", "grounds": [{ "ground": "religion", "central": true }] });
    if let (Value::Object(h), Value::Object(o)) = (&mut h, harm) {
        h.extend(o);
    }
    json!({ "harms": [h], "risk": risk })
}

#[test]
fn the_one_year_deadline() {
    table(vec![
        (
            "Filed within a year of the last arrival is timely (INA § 208(a)(2)(B))",
            json!({}),
            &[
                ("finding.asylum.one_year", "yes"),
                ("deadline.asylum.one_year", "2026-09-21 met"),
            ],
        ),
        (
            "A Saturday anniversary rolls to the Monday (8 C.F.R. § 208.4(a)(2)(ii); 5 U.S.C. § 6103)",
            json!({ "as_of": "2026-01-10", "arrivals": [{ "date": "2025-02-28" }], "application": { "filed_on": null },
                 "harms": [{ "id": "h1", "date": "2024-06-02" }] }),
            &[
                ("deadline.asylum.one_year", "2026-03-02 upcoming"),
                ("finding.asylum.one_year", "yes"),
            ],
        ),
        (
            "The day of arrival is day zero: filing on the anniversary is timely (Minasyan v. Mukasey, 553 F.3d 1224 (9th Cir. 2009))",
            json!({ "arrivals": [{ "date": "2024-03-05" }], "application": { "filed_on": "2025-03-05" }, "harms": [{ "id": "h1", "date": "2024-01-02" }] }),
            &[
                ("finding.asylum.one_year", "yes"),
                ("deadline.asylum.one_year", "2025-03-05 met"),
            ],
        ),
        (
            "Filing the day after the anniversary is late (Minasyan v. Mukasey)",
            json!({ "arrivals": [{ "date": "2024-03-05" }], "application": { "filed_on": "2025-03-06" }, "harms": [{ "id": "h1", "date": "2024-01-02" }] }),
            &[
                ("finding.asylum.one_year", "no"),
                ("deadline.asylum.one_year", "2025-03-05 missed"),
                ("relief.asylum", "ineligible"),
            ],
        ),
        (
            "A deadline on Christmas Day rolls to the next business day (5 U.S.C. § 6103(a))",
            json!({ "arrivals": [{ "date": "2023-12-25" }], "application": { "filed_on": "2024-03-01" }, "harms": [{ "id": "h1", "date": "2023-01-02" }] }),
            &[("date.asylum.one_year", "2024-12-26")],
        ),
        (
            "An executive-order closing is not a legal holiday: the earlier date is kept (5 U.S.C. § 6103(a))",
            json!({ "arrivals": [{ "date": "2024-12-25" }], "application": { "filed_on": "2025-03-01" }, "harms": [{ "id": "h1", "date": "2024-01-02" }] }),
            &[("date.asylum.one_year", "2025-12-26")],
        ),
        (
            "Juneteenth is a legal holiday from 2021 (Pub. L. 117-17)",
            json!({ "arrivals": [{ "date": "2022-06-19" }], "application": { "filed_on": "2022-08-01" }, "harms": [{ "id": "h1", "date": "2022-01-02" }] }),
            &[("date.asylum.one_year", "2023-06-20")],
        ),
        (
            "Before 2021, 19 June was a business day",
            json!({ "arrivals": [{ "date": "2019-06-19" }], "application": { "filed_on": "2019-08-01" }, "harms": [{ "id": "h1", "date": "2019-01-02" }] }),
            &[("date.asylum.one_year", "2020-06-19")],
        ),
        (
            "A 29 February arrival's deadline is 28 February in a common year (deadline rounding)",
            json!({ "arrivals": [{ "date": "2024-02-29" }], "application": { "filed_on": "2024-08-01" }, "harms": [{ "id": "h1", "date": "2024-01-02" }] }),
            &[("date.asylum.one_year", "2025-02-28")],
        ),
        (
            "Arrivals before 1 April 1997 count from that date (IIRIRA § 604)",
            json!({ "arrivals": [{ "date": "1990-05-01" }], "application": { "filed_on": "1998-03-01" }, "harms": [{ "id": "h1", "date": "1990-01-02" }] }),
            &[
                ("deadline.asylum.one_year", "1998-04-01 met"),
                ("finding.asylum.one_year", "yes"),
            ],
        ),
        (
            "The last arrival restarts the clock (8 C.F.R. § 208.4(a)(2)(ii))",
            json!({ "arrivals": [{ "date": "2019-01-10", "manner": "admitted" }, { "date": "2025-09-20", "manner": "admitted" }] }),
            &[("deadline.asylum.one_year", "2026-09-21 met")],
        ),
        (
            "Proved mailing within the year counts as filing (8 C.F.R. § 208.4(a)(2)(ii))",
            json!({ "application": { "filed_on": "2026-09-23", "mailed_on": "2026-09-18" } }),
            &[
                ("finding.asylum.one_year", "yes"),
                ("deadline.asylum.one_year", "2026-09-21 met"),
            ],
        ),
        (
            "Mailing after the deadline does not help",
            json!({ "application": { "filed_on": "2026-09-23", "mailed_on": "2026-09-22" } }),
            &[
                ("finding.asylum.one_year", "no"),
                ("deadline.asylum.one_year", "2026-09-21 missed"),
            ],
        ),
        (
            "An unaccompanied child is exempt from the deadline (INA § 208(a)(2)(E))",
            json!({ "applicant": { "unaccompanied_child": true }, "application": { "filed_on": "2026-10-01" } }),
            &[
                ("finding.asylum.one_year", "not_applicable"),
                ("deadline.asylum.one_year", "2026-09-21 exempt"),
                ("relief.asylum", "eligible"),
            ],
        ),
        (
            "A late filing is unknown while the unaccompanied-child exemption could apply",
            json!({ "applicant": { "unaccompanied_child": null }, "application": { "filed_on": "2026-10-01" } }),
            &[
                ("finding.asylum.one_year", "unknown"),
                ("question.applicant.unaccompanied_child", "asked"),
                ("relief.asylum", "undetermined"),
            ],
        ),
        (
            "Not filed and past the deadline: the deadline has passed",
            json!({ "arrivals": [{ "date": "2024-01-10" }], "application": { "filed_on": null }, "harms": [{ "id": "h1", "date": "2023-01-02" }] }),
            &[
                ("finding.asylum.one_year", "no"),
                ("deadline.asylum.one_year", "2025-01-10 passed"),
            ],
        ),
        (
            "Without an arrival date there is no deadline, and it is asked",
            json!({ "arrivals": null }),
            &[
                ("finding.asylum.one_year", "unknown"),
                ("deadline.asylum.one_year", "absent"),
                ("question.arrivals", "asked"),
            ],
        ),
        (
            "An arrival without a date does not count: the latest known date is the last arrival (spec deadlines.md)",
            json!({ "arrivals": [{ "date": "2024-03-01" }, { "date": null, "manner": "admitted" }], "application": { "filed_on": "2025-03-10" },
                 "harms": [{ "id": "h1", "date": "2023-06-02" }] }),
            &[
                ("finding.asylum.one_year", "no"),
                ("deadline.asylum.one_year", "2025-03-03 missed"),
            ],
        ),
        (
            "Proved mailing before the application is received: the finding is met, the date's status is still open (spec deadlines.md)",
            json!({ "as_of": "2025-03-01", "arrivals": [{ "date": "2024-03-01" }], "application": { "filed_on": null, "mailed_on": "2025-02-20" },
                 "harms": [{ "id": "h1", "date": "2023-06-02" }] }),
            &[
                ("finding.asylum.one_year", "yes"),
                ("deadline.asylum.one_year", "2025-03-03 upcoming"),
            ],
        ),
    ]);
}

#[test]
fn exceptions_to_the_one_year_deadline() {
    table(vec![
        (
            "No exception is needed for a timely filing",
            json!({}),
            &[("finding.asylum.one_year_exception", "not_applicable")],
        ),
        (
            "A late filing with no circumstance offered is not excused (INA § 208(a)(2)(D))",
            late(json!({ "exceptions": [] })),
            &[
                ("finding.asylum.one_year", "no"),
                ("finding.asylum.one_year_exception", "no"),
                ("relief.asylum", "ineligible"),
                ("relief.withholding", "eligible"),
            ],
        ),
        (
            "No delay is reasonable of itself: four months after changed country conditions still needs the practitioner's judgment (Matter of T-M-H- & S-W-C-, 25 I&N Dec. 193 (BIA 2010))",
            late(
                json!({ "exceptions": [{ "kind": "changed_country_conditions", "began": "2025-01-10" }] }),
            ),
            &[
                ("finding.asylum.one_year_exception", "unknown"),
                ("question.exceptions[0].reasonable_delay", "asked"),
                ("relief.asylum", "undetermined"),
            ],
        ),
        (
            "Changed country conditions acted on within a period the practitioner judges reasonable excuse the delay (8 C.F.R. § 208.4(a)(4))",
            late(
                json!({ "exceptions": [{ "kind": "changed_country_conditions", "began": "2025-01-10", "reasonable_delay": true }] }),
            ),
            &[
                ("finding.asylum.one_year_exception", "yes"),
                ("relief.asylum", "eligible"),
            ],
        ),
        (
            "Filing more than a year after changed circumstances is not a reasonable period (Matter of T-M-H- & S-W-C-)",
            late(
                json!({ "exceptions": [{ "kind": "changed_personal_circumstances", "began": "2024-03-01" }] }),
            ),
            &[
                ("finding.asylum.one_year_exception", "no"),
                ("relief.asylum", "ineligible"),
            ],
        ),
        (
            "Between six months and a year, the reasonable period needs a judgment (Matter of T-M-H- & S-W-C-)",
            late(json!({ "exceptions": [{ "kind": "changed_law", "began": "2024-09-01" }] })),
            &[
                ("finding.asylum.one_year_exception", "unknown"),
                ("question.exceptions[0].reasonable_delay", "asked"),
                ("relief.asylum", "undetermined"),
            ],
        ),
        (
            "The practitioner's judgment of a reasonable delay settles it",
            late(
                json!({ "exceptions": [{ "kind": "changed_law", "began": "2024-09-01", "reasonable_delay": true }] }),
            ),
            &[("finding.asylum.one_year_exception", "yes")],
        ),
        (
            "Extraordinary circumstances run from their end: lawful status ending under six months before filing needs the judgment (8 C.F.R. § 208.4(a)(5)(iv); Matter of T-M-H- & S-W-C-)",
            late(
                json!({ "exceptions": [{ "kind": "lawful_status", "began": "2023-04-18", "ended": "2025-03-01" }] }),
            ),
            &[
                ("finding.asylum.one_year_exception", "unknown"),
                ("question.exceptions[0].reasonable_delay", "asked"),
            ],
        ),
        (
            "An extraordinary circumstance that ended long before filing does not excuse",
            late(
                json!({ "exceptions": [{ "kind": "lawful_status", "began": "2023-04-18", "ended": "2024-01-01" }] }),
            ),
            &[("finding.asylum.one_year_exception", "no")],
        ),
        (
            "An extraordinary circumstance continuing up to filing still needs the judgment that the filing came within a reasonable period (8 C.F.R. § 208.4(a)(5)(i))",
            late(
                json!({ "exceptions": [{ "kind": "serious_illness_or_disability", "began": "2023-05-01" }] }),
            ),
            &[
                ("finding.asylum.one_year_exception", "unknown"),
                ("question.exceptions[0].reasonable_delay", "asked"),
            ],
        ),
        (
            "On a late filing, unknown circumstances are asked",
            late(json!({ "exceptions": null })),
            &[
                ("finding.asylum.one_year_exception", "unknown"),
                ("question.exceptions", "asked"),
            ],
        ),
        (
            "The practitioner's judgment that a short delay was unreasonable prevails over the six-month rule of thumb",
            late(
                json!({ "exceptions": [{ "kind": "changed_law", "began": "2025-03-01", "reasonable_delay": false }] }),
            ),
            &[("finding.asylum.one_year_exception", "no")],
        ),
        (
            "A judged reasonable delay settles an exception whose kind is not yet recorded",
            late(json!({ "exceptions": [{ "began": "2024-06-01", "reasonable_delay": true }] })),
            &[("finding.asylum.one_year_exception", "yes")],
        ),
        (
            "An exception needs the date it began: without it the exception is not accepted, and the date is asked (spec facts.md)",
            late(json!({ "exceptions": [{ "kind": "lawful_status", "ended": "2025-03-01" }] })),
            &[
                ("finding.asylum.one_year_exception", "unknown"),
                ("question.exceptions[0].began", "asked"),
            ],
        ),
    ]);
}

#[test]
fn the_safe_third_country_agreement() {
    let canada = |a: Value| {
        let mut base = json!({ "date": "2025-09-20", "manner": "presented_without_documents", "border": "northern_land",
                               "from_country": "CA", "transit_countries": ["CA"], "stca_exception": false });
        if let (Value::Object(b), Value::Object(o)) = (&mut base, a) {
            b.extend(o);
        }
        json!({ "arrivals": [base], "application": { "forum": "defensive" } })
    };
    table(vec![
        (
            "An air arrival is outside the Agreement",
            json!({}),
            &[("finding.asylum.safe_third_country", "no")],
        ),
        (
            "At a land port from Canada, before an immigration judge, the Agreement bars asylum but not withholding (INA § 208(a)(2)(A); 8 C.F.R. § 1240.11(g))",
            canada(json!({})),
            &[
                ("finding.asylum.safe_third_country", "yes"),
                ("relief.asylum", "ineligible"),
                ("relief.withholding", "eligible"),
            ],
        ),
        (
            "An exception of the Agreement lifts the bar",
            canada(json!({ "stca_exception": true })),
            &[("finding.asylum.safe_third_country", "no")],
        ),
        (
            "At a port, an unknown exception leaves the bar unknown",
            canada(json!({ "stca_exception": null })),
            &[
                ("finding.asylum.safe_third_country", "unknown"),
                ("question.arrivals[0].stca_exception", "asked"),
            ],
        ),
        (
            "Between ports before the Additional Protocol (2023-03-25) the Agreement did not reach",
            canada(json!({ "date": "2023-03-01", "manner": "without_inspection" })),
            &[("finding.asylum.safe_third_country", "no")],
        ),
        (
            "Between ports from 2023-03-25 the Additional Protocol reaches a crossing encountered within 14 days (88 Fed. Reg. 18,227)",
            canada(
                json!({ "date": "2023-06-01", "manner": "without_inspection", "encountered_within_14_days": true }),
            ),
            &[("finding.asylum.safe_third_country", "yes")],
        ),
        (
            "Before the Agreement took effect on 2004-12-29 there was no bar",
            canada(json!({ "date": "2004-12-01", "manner": "admitted" })),
            &[("finding.asylum.safe_third_country", "no")],
        ),
        (
            "An unaccompanied child is not barred by the Agreement",
            json!({ "applicant": { "unaccompanied_child": true }, "arrivals": canada(json!({}))["arrivals"].clone() }),
            &[("finding.asylum.safe_third_country", "no")],
        ),
    ]);
}

#[test]
fn an_earlier_denial() {
    table(vec![
        (
            "An earlier denial bars a new application (INA § 208(a)(2)(C))",
            json!({ "application": { "previously_denied": true } }),
            &[
                ("finding.asylum.previous_denial", "yes"),
                ("relief.asylum", "ineligible"),
            ],
        ),
        (
            "Changed circumstances acted on within a reasonable period allow a new application after a denial (INA § 208(a)(2)(D); 8 C.F.R. § 208.4(a)(4)(ii))",
            json!({ "application": { "previously_denied": true }, "exceptions": [{ "kind": "changed_country_conditions", "began": "2026-01-05", "reasonable_delay": true }] }),
            &[("finding.asylum.previous_denial", "no")],
        ),
        (
            "Extraordinary circumstances do not lift the bar of an earlier denial",
            json!({ "application": { "previously_denied": true }, "exceptions": [{ "kind": "serious_illness_or_disability", "began": "2026-01-05" }] }),
            &[("finding.asylum.previous_denial", "yes")],
        ),
        (
            "Whether an earlier application was denied is asked",
            json!({ "application": { "previously_denied": null } }),
            &[
                ("finding.asylum.previous_denial", "unknown"),
                ("question.application.previously_denied", "asked"),
                ("relief.asylum", "undetermined"),
            ],
        ),
        (
            "Changed circumstances answer the bar whether or not an earlier application was denied (INA § 208(a)(2)(D))",
            json!({ "application": { "previously_denied": null }, "exceptions": [{ "kind": "changed_law", "began": "2026-01-05", "reasonable_delay": true }] }),
            &[("finding.asylum.previous_denial", "no")],
        ),
    ]);
}

#[test]
fn the_lawful_pathways_rule() {
    table(vec![
        (
            "Entry between ports at the southwest border in the window after third-country transit: ineligible (8 C.F.R. § 208.33(a))",
            southwest(json!({})),
            &[
                ("finding.asylum.lawful_pathways", "yes"),
                ("relief.asylum", "ineligible"),
                ("warning.lawful_pathways_litigation", "raised"),
                ("relief.withholding", "eligible"),
            ],
        ),
        (
            "A pre-scheduled appointment (CBP One) is an exception (8 C.F.R. § 208.33(a)(2)(ii)(B))",
            southwest(
                json!({ "manner": "presented_without_documents", "cbp_one_appointment": true }),
            ),
            &[
                ("finding.asylum.lawful_pathways", "no"),
                ("warning.lawful_pathways_litigation", "absent"),
            ],
        ),
        (
            "Protection sought and denied in a transit country is an exception (8 C.F.R. § 208.33(a)(2)(ii)(C))",
            southwest(json!({ "protection_sought_in_transit": "denied" })),
            &[("finding.asylum.lawful_pathways", "no")],
        ),
        (
            "A claim still pending in a transit country is not an exception",
            southwest(json!({ "protection_sought_in_transit": "pending" })),
            &[("finding.asylum.lawful_pathways", "yes")],
        ),
        (
            "Exceptionally compelling circumstances at entry rebut the presumption (8 C.F.R. § 208.33(a)(3))",
            southwest(json!({ "compelling_circumstances": true })),
            &[("finding.asylum.lawful_pathways", "no")],
        ),
        (
            "Transit only through a country of nationality is not third-country transit",
            json!({ "applicant": { "nationality": ["GT"] }, "arrivals": southwest(json!({ "transit_countries": ["GT"] }))["arrivals"].clone() }),
            &[("finding.asylum.lawful_pathways", "no")],
        ),
        (
            "For a stateless person, transit through the country of last habitual residence is not third-country transit",
            json!({ "applicant": { "nationality": [], "habitual_residence": "GT" }, "arrivals": southwest(json!({ "transit_countries": ["GT"] }))["arrivals"].clone() }),
            &[("finding.asylum.lawful_pathways", "no")],
        ),
        (
            "An unaccompanied child is excepted (8 C.F.R. § 208.33(a)(2)(i))",
            json!({ "applicant": { "unaccompanied_child": true, "nationality": ["HN"] }, "arrivals": southwest(json!({}))["arrivals"].clone() }),
            &[("finding.asylum.lawful_pathways", "no")],
        ),
        (
            "Entries after 2025-05-11 are outside the window, and later border measures are warned of",
            southwest(json!({ "date": "2025-06-01" })),
            &[
                ("finding.asylum.lawful_pathways", "no"),
                ("warning.securing_the_border", "raised"),
                ("warning.proclamation_10888", "raised"),
            ],
        ),
        (
            "Admitted entries are not covered",
            southwest(json!({ "manner": "admitted" })),
            &[("finding.asylum.lawful_pathways", "no")],
        ),
        (
            "An unknown appointment leaves the presumption unknown, and it is asked",
            southwest(json!({ "cbp_one_appointment": null })),
            &[
                ("finding.asylum.lawful_pathways", "unknown"),
                ("question.arrivals[0].cbp_one_appointment", "asked"),
                ("warning.lawful_pathways_litigation", "raised"),
            ],
        ),
        (
            "Unknown transit countries leave the presumption unknown",
            southwest(json!({ "transit_countries": null })),
            &[
                ("finding.asylum.lawful_pathways", "unknown"),
                ("question.arrivals[0].transit_countries", "asked"),
            ],
        ),
    ]);
}

#[test]
fn particular_social_groups() {
    let group = |g: Value| {
        let mut base = json!({ "id": "g1", "definition": "Nicaraguan journalists critical of the government",
                               "immutable": true, "particular": true, "socially_distinct": true });
        if let (Value::Object(b), Value::Object(o)) = (&mut base, g) {
            b.extend(o);
        }
        json!({ "groups": [base], "harms": [{ "id": "h1", "grounds": [{ "ground": "particular_social_group", "group": "g1", "central": true }] }] })
    };
    table(vec![
        (
            "An immutable, particular and socially distinct group is cognizable (Matter of M-E-V-G-, 26 I&N Dec. 227 (BIA 2014))",
            group(json!({})),
            &[
                ("finding.group.g1.cognizable", "yes"),
                ("finding.harm.h1.nexus", "yes"),
                ("relief.asylum", "eligible"),
            ],
        ),
        (
            "A group without particularity is not cognizable (Matter of W-G-R-, 26 I&N Dec. 208 (BIA 2014))",
            group(json!({ "particular": false })),
            &[
                ("finding.group.g1.cognizable", "no"),
                ("finding.harm.h1.nexus", "no"),
            ],
        ),
        (
            "A mutable characteristic does not define a group (Matter of Acosta, 19 I&N Dec. 211 (BIA 1985))",
            group(json!({ "immutable": false })),
            &[("finding.group.g1.cognizable", "no")],
        ),
        (
            "Unknown social distinction is asked",
            group(json!({ "socially_distinct": null })),
            &[
                ("finding.group.g1.cognizable", "unknown"),
                ("question.groups[g1].socially_distinct", "asked"),
                ("relief.asylum", "undetermined"),
            ],
        ),
    ]);
}

#[test]
fn severity_of_harm() {
    let harm = |h: Value| json!({ "harms": [h] });
    table(vec![
        (
            "Serious physical harm is persecution by its nature (Matter of Acosta)",
            json!({}),
            &[
                ("finding.harm.h1.severity", "yes"),
                ("finding.refugee.past_persecution", "yes"),
            ],
        ),
        (
            "A death threat needs a judgment of severity; the question quotes the guidance (Fatin v. INS, 12 F.3d 1233 (3d Cir. 1993))",
            harm(json!({ "id": "h1", "kind": "death_threat" })),
            &[
                ("finding.harm.h1.severity", "unknown"),
                ("question.harms[h1].severe", "asked"),
            ],
        ),
        (
            "A credible, menacing death threat judged severe is persecution",
            harm(json!({ "id": "h1", "kind": "death_threat", "severe": true })),
            &[("finding.harm.h1.severity", "yes")],
        ),
        (
            "Harassment alone is not persecution (Zakirov v. Ashcroft, 384 F.3d 541 (8th Cir. 2004))",
            harm(json!({ "id": "h1", "kind": "harassment", "severe": true })),
            &[
                ("finding.harm.h1.severity", "no"),
                ("question.risk.cumulative_past_harm_severe", "asked"),
            ],
        ),
        (
            "Harms taken together can amount to persecution (Matter of O-Z- & I-Z-, 22 I&N Dec. 23 (BIA 1998))",
            json!({ "harms": [{ "id": "h1", "kind": "harassment" }], "risk": { "cumulative_past_harm_severe": true } }),
            &[("finding.refugee.past_persecution", "yes")],
        ),
        (
            "Harms that together fall short are not persecution",
            json!({ "harms": [{ "id": "h1", "kind": "discrimination" }], "risk": { "cumulative_past_harm_severe": false } }),
            &[("finding.refugee.past_persecution", "no")],
        ),
        (
            "Detention with physical injury is persecution",
            harm(json!({ "id": "h1", "kind": "detention", "injured": true })),
            &[("finding.harm.h1.severity", "yes")],
        ),
        (
            "Detention without injury needs a judgment of severity",
            harm(json!({ "id": "h1", "kind": "detention", "injured": false })),
            &[("finding.harm.h1.severity", "unknown")],
        ),
        (
            "Detention without injury, judged not severe, is not persecution",
            harm(json!({ "id": "h1", "kind": "detention", "injured": false, "severe": false })),
            &[("finding.harm.h1.severity", "no")],
        ),
        (
            "Harm aimed at a family member counts only if severe as to the applicant",
            harm(json!({ "id": "h1", "target": "family_member" })),
            &[
                ("finding.harm.h1.severity", "unknown"),
                ("question.harms[h1].severe", "asked"),
            ],
        ),
        (
            "A harm judged severe is persecution whoever it was aimed at, so the target is not asked",
            harm(json!({ "id": "h1", "kind": "death_threat", "severe": true, "target": null })),
            &[
                ("finding.harm.h1.severity", "yes"),
                ("question.harms[h1].target", "not asked"),
            ],
        ),
        (
            "Severe harm aimed at a family member is not yet known to be persecution while its kind is unknown: harassment never is alone (Zakirov)",
            harm(json!({ "id": "h1", "kind": null, "target": "family_member", "severe": true })),
            &[
                ("finding.harm.h1.severity", "unknown"),
                ("question.harms[h1].kind", "asked"),
                ("relief.asylum", "undetermined"),
            ],
        ),
        (
            "Forced sterilization is persecution on account of political opinion (INA § 101(a)(42))",
            harm(json!({ "id": "h1", "kind": "forced_sterilization", "grounds": [] })),
            &[
                ("finding.harm.h1.severity", "yes"),
                ("finding.harm.h1.nexus", "yes"),
            ],
        ),
    ]);
}

#[test]
fn the_persecutor() {
    let actor = |h: Value| json!({ "harms": [h] });
    table(vec![
        (
            "The government as persecutor (Matter of Acosta)",
            json!({}),
            &[("finding.harm.h1.actor", "yes")],
        ),
        (
            "A non-state actor the government cannot or will not control (Matter of A-B-, 28 I&N Dec. 307 (A.G. 2021))",
            actor(
                json!({ "id": "h1", "actor": "non_state", "authorities": "unable_or_unwilling" }),
            ),
            &[("finding.harm.h1.actor", "yes")],
        ),
        (
            "Not reporting is excused where reporting would have been futile or dangerous",
            actor(json!({ "id": "h1", "actor": "non_state", "authorities": "reporting_futile" })),
            &[("finding.harm.h1.actor", "yes")],
        ),
        (
            "Harm the government protects against is not persecution",
            actor(json!({ "id": "h1", "actor": "non_state", "authorities": "protected" })),
            &[
                ("finding.harm.h1.actor", "no"),
                ("finding.refugee.past_persecution", "no"),
            ],
        ),
        (
            "An unreported non-state harm leaves the government's role unknown, and it is asked",
            actor(json!({ "id": "h1", "actor": "non_state", "authorities": "not_reported" })),
            &[
                ("finding.harm.h1.actor", "unknown"),
                ("question.harms[h1].authorities", "asked"),
            ],
        ),
    ]);
}

#[test]
fn nexus_to_a_protected_ground() {
    let grounds = |g: Value| json!({ "harms": [{ "id": "h1", "grounds": g }] });
    table(vec![
        (
            "A protected ground that is not a central reason fails (INA § 208(b)(1)(B)(i); Matter of J-B-N- & S-M-, 24 I&N Dec. 208 (BIA 2007))",
            grounds(json!([{ "ground": "political_opinion", "central": false }])),
            &[("finding.harm.h1.nexus", "no")],
        ),
        (
            "Without a protected ground there is no nexus (INS v. Elias-Zacarias, 502 U.S. 478 (1992))",
            grounds(json!([])),
            &[
                ("finding.harm.h1.nexus", "no"),
                ("finding.refugee.past_persecution", "no"),
                ("relief.asylum", "ineligible"),
            ],
        ),
        (
            "With no ground given, an unknown kind of harm leaves nexus open: forced sterilization would be deemed political opinion (INA § 101(a)(42))",
            json!({ "harms": [{ "id": "h1", "kind": null, "grounds": [] }] }),
            &[
                ("finding.harm.h1.nexus", "unknown"),
                ("question.harms[h1].kind", "asked"),
            ],
        ),
        (
            "Whether the ground was central is asked",
            grounds(json!([{ "ground": "religion", "central": null }])),
            &[
                ("finding.harm.h1.nexus", "unknown"),
                ("question.harms[h1].grounds[0].central", "asked"),
            ],
        ),
        (
            "An imputed political opinion is a protected ground",
            grounds(json!([{ "ground": "political_opinion", "central": true, "imputed": true }])),
            &[("finding.harm.h1.nexus", "yes")],
        ),
        (
            "One central ground among others suffices (mixed motives)",
            grounds(
                json!([{ "ground": "race", "central": false }, { "ground": "nationality", "central": true }]),
            ),
            &[("finding.harm.h1.nexus", "yes")],
        ),
        (
            "Resistance to coercive population control is deemed political opinion (INA § 101(a)(42))",
            grounds(json!([{ "ground": "coercive_population_control", "central": true }])),
            &[("finding.harm.h1.nexus", "yes")],
        ),
    ]);
}

#[test]
fn past_persecution_and_its_presumption() {
    table(vec![
        (
            "Past persecution raises a presumption of a well-founded fear (8 C.F.R. § 208.13(b)(1))",
            json!({}),
            &[
                ("finding.refugee.presumption", "yes"),
                ("relief.asylum", "eligible"),
                ("basis", "past_persecution"),
            ],
        ),
        (
            "Unknown rebuttal facts leave the presumption standing: the government bears the burden (8 C.F.R. § 208.13(b)(1)(ii))",
            json!({ "risk": { "conditions_changed": null, "relocation_possible": null } }),
            &[("finding.refugee.presumption", "yes")],
        ),
        (
            "A fundamental change in circumstances rebuts the presumption (8 C.F.R. § 208.13(b)(1)(i)(A))",
            json!({ "risk": { "conditions_changed": true } }),
            &[
                ("finding.refugee.presumption", "no"),
                ("finding.asylum.humanitarian", "unknown"),
                ("relief.asylum", "undetermined"),
                ("question.risk.severe_past_persecution", "asked"),
            ],
        ),
        (
            "Reasonable internal relocation rebuts the presumption (8 C.F.R. § 208.13(b)(1)(i)(B))",
            json!({ "risk": { "relocation_possible": true, "relocation_reasonable": true } }),
            &[("finding.refugee.presumption", "no")],
        ),
        (
            "Humanitarian asylum for the severity of past persecution (Matter of Chen, 20 I&N Dec. 16 (BIA 1989))",
            json!({ "risk": { "conditions_changed": true, "severe_past_persecution": true } }),
            &[
                ("finding.asylum.humanitarian", "yes"),
                ("relief.asylum", "eligible"),
                ("basis", "humanitarian"),
            ],
        ),
        (
            "Humanitarian asylum for other serious harm (Matter of L-S-, 25 I&N Dec. 705 (BIA 2012))",
            json!({ "risk": { "conditions_changed": true, "severe_past_persecution": false, "other_serious_harm": true } }),
            &[
                ("finding.asylum.humanitarian", "yes"),
                ("relief.asylum", "eligible"),
            ],
        ),
        (
            "With the presumption rebutted and no humanitarian ground, asylum fails",
            json!({ "risk": { "conditions_changed": true, "severe_past_persecution": false, "other_serious_harm": false } }),
            &[
                ("finding.asylum.humanitarian", "no"),
                ("relief.asylum", "ineligible"),
            ],
        ),
        (
            "No harms at all: no past persecution",
            json!({ "harms": [] }),
            &[
                ("finding.refugee.past_persecution", "no"),
                ("finding.refugee.presumption", "not_applicable"),
            ],
        ),
        (
            "Harms not yet recorded are asked for",
            json!({ "harms": null }),
            &[
                ("finding.refugee.past_persecution", "unknown"),
                ("question.harms", "asked"),
            ],
        ),
    ]);
}

#[test]
fn future_persecution() {
    table(vec![
        (
            "A reasonable possibility of persecution is a well-founded fear (INS v. Cardoza-Fonseca, 480 U.S. 421 (1987))",
            feared(
                json!({ "afraid": true, "persecution_likelihood": "reasonable_possibility", "relocation_possible": false }),
                json!({}),
            ),
            &[
                ("finding.refugee.future_persecution", "yes"),
                ("basis", "well_founded_fear"),
                ("finding.withholding.threat", "no"),
                ("relief.withholding", "ineligible"),
            ],
        ),
        (
            "The Mogharrabi factors met show a reasonable possibility (Matter of Mogharrabi, 19 I&N Dec. 439 (BIA 1987))",
            feared(
                json!({ "afraid": true, "persecutor_aware": true, "persecutor_capable": true, "persecutor_inclined": true, "relocation_possible": false }),
                json!({}),
            ),
            &[
                ("finding.refugee.future_persecution", "yes"),
                ("finding.withholding.threat", "unknown"),
                ("question.risk.persecution_likelihood", "asked"),
            ],
        ),
        (
            "A persecutor not inclined to punish makes the risk remote (Matter of Mogharrabi)",
            feared(
                json!({ "afraid": true, "persecutor_aware": true, "persecutor_capable": true, "persecutor_inclined": false }),
                json!({}),
            ),
            &[
                ("finding.refugee.future_persecution", "no"),
                ("finding.withholding.threat", "no"),
            ],
        ),
        (
            "A pattern or practice of persecution counts as a reasonable possibility (8 C.F.R. § 208.13(b)(2)(iii))",
            feared(
                json!({ "afraid": true, "pattern_or_practice": true, "relocation_possible": false }),
                json!({}),
            ),
            &[("finding.refugee.future_persecution", "yes")],
        ),
        (
            "Without subjective fear there is no well-founded fear, but withholding does not need it (INS v. Stevic, 467 U.S. 407 (1984))",
            feared(
                json!({ "afraid": false, "persecution_likelihood": "more_likely_than_not", "relocation_possible": false }),
                json!({}),
            ),
            &[
                ("finding.refugee.future_persecution", "no"),
                ("finding.withholding.threat", "yes"),
                ("relief.withholding", "eligible"),
            ],
        ),
        (
            "Relocation away from a government persecutor is presumed unreasonable (8 C.F.R. § 208.13(b)(3)(ii))",
            feared(
                json!({ "persecution_likelihood": "reasonable_possibility", "relocation_possible": true, "relocation_reasonable": true }),
                json!({ "actor": "government" }),
            ),
            &[("finding.refugee.future_persecution", "yes")],
        ),
        (
            "Reasonable relocation away from a non-state persecutor defeats the fear (8 C.F.R. § 208.13(b)(3)(i))",
            feared(
                json!({ "persecution_likelihood": "more_likely_than_not", "relocation_possible": true, "relocation_reasonable": true }),
                json!({}),
            ),
            &[
                ("finding.refugee.future_persecution", "no"),
                ("finding.withholding.threat", "no"),
            ],
        ),
        (
            "Unknown relocation for a non-state persecutor leaves the fear unknown, and it is asked",
            feared(
                json!({ "persecution_likelihood": "reasonable_possibility" }),
                json!({}),
            ),
            &[
                ("finding.refugee.future_persecution", "unknown"),
                ("question.risk.relocation_possible", "asked"),
            ],
        ),
        (
            "A remote likelihood defeats the fear",
            feared(json!({ "persecution_likelihood": "remote" }), json!({})),
            &[("finding.refugee.future_persecution", "no")],
        ),
        (
            "A persecutor unable to reach the applicant makes the risk remote (Matter of Mogharrabi)",
            feared(
                json!({ "afraid": true, "persecutor_aware": true, "persecutor_capable": false }),
                json!({}),
            ),
            &[("finding.refugee.future_persecution", "no")],
        ),
        (
            "A missing Mogharrabi factor is asked, as is the overall likelihood (Matter of Mogharrabi)",
            feared(
                json!({ "afraid": true, "persecutor_aware": true, "persecutor_capable": true, "relocation_possible": false }),
                json!({}),
            ),
            &[
                ("finding.refugee.future_persecution", "unknown"),
                ("question.risk.persecutor_inclined", "asked"),
                ("question.risk.persecution_likelihood", "asked"),
            ],
        ),
    ]);
}

#[test]
fn withholding_of_removal() {
    table(vec![
        (
            "Unrebutted past persecution presumes the threat to life or freedom (8 C.F.R. § 208.16(b)(1))",
            json!({}),
            &[
                ("finding.withholding.threat", "yes"),
                ("relief.withholding", "eligible"),
            ],
        ),
        (
            "More likely than not, on a protected ground: withholding (INA § 241(b)(3)(A))",
            feared(
                json!({ "persecution_likelihood": "more_likely_than_not", "relocation_possible": false }),
                json!({}),
            ),
            &[
                ("finding.withholding.threat", "yes"),
                ("relief.withholding", "eligible"),
            ],
        ),
        (
            "An aggravated felony with a sentence of five years is a particularly serious crime for withholding (INA § 241(b)(3)(B))",
            json!({ "conduct": { "aggravated_felony": true, "sentence_years": 5 } }),
            &[
                ("finding.withholding.bar.particularly_serious_crime", "yes"),
                ("finding.asylum.bar.particularly_serious_crime", "yes"),
                ("relief.withholding", "ineligible"),
                ("relief.asylum", "ineligible"),
            ],
        ),
        (
            "An aggravated felony with a shorter sentence, not drug trafficking, and judged not particularly serious bars asylum but not withholding (INA § 208(b)(2)(B)(i); Matter of N-A-M-)",
            json!({ "conduct": { "aggravated_felony": true, "sentence_years": 2, "drug_trafficking": false } }),
            &[
                ("finding.withholding.bar.particularly_serious_crime", "no"),
                ("relief.asylum", "ineligible"),
                ("relief.withholding", "eligible"),
            ],
        ),
        (
            "An aggravated felony with an unknown sentence leaves the withholding bar unknown",
            json!({ "conduct": { "aggravated_felony": true, "sentence_years": null } }),
            &[
                (
                    "finding.withholding.bar.particularly_serious_crime",
                    "unknown",
                ),
                ("question.conduct.sentence_years", "asked"),
            ],
        ),
        (
            "Terrorist activity bars asylum and, as a danger to security, withholding (INA § 241(b)(3)(B)(iv))",
            json!({ "conduct": { "terrorist_activity": true } }),
            &[
                ("finding.asylum.bar.terrorism", "yes"),
                ("finding.withholding.bar.security", "yes"),
                ("relief.withholding", "ineligible"),
            ],
        ),
    ]);
}

#[test]
fn the_convention_against_torture() {
    let torture = |t: Value| json!({ "torture": t });
    table(vec![
        (
            "Torture more likely than not with official acquiescence: CAT protection (8 C.F.R. § 208.16(c)(2); § 208.18(a)(1))",
            torture(
                json!({ "likelihood": "more_likely_than_not", "official_role": "acquiescence" }),
            ),
            &[
                ("relief.cat_withholding", "eligible"),
                ("relief.cat_deferral", "eligible"),
            ],
        ),
        (
            "Deferral survives every bar (8 C.F.R. § 208.17(a))",
            json!({ "torture": { "likelihood": "more_likely_than_not", "official_role": "perpetrator" }, "conduct": { "persecuted_others": true } }),
            &[
                ("relief.cat_withholding", "ineligible"),
                ("relief.cat_deferral", "eligible"),
                ("relief.asylum", "ineligible"),
            ],
        ),
        (
            "A merely possible risk of torture is not enough",
            torture(json!({ "likelihood": "possible", "official_role": "consent" })),
            &[
                ("finding.cat.torture_likely", "no"),
                ("relief.cat_deferral", "ineligible"),
            ],
        ),
        (
            "Torture with no official role is outside the Convention (8 C.F.R. § 208.18(a)(1))",
            torture(json!({ "likelihood": "more_likely_than_not", "official_role": "none" })),
            &[
                ("finding.cat.official", "no"),
                ("relief.cat_deferral", "ineligible"),
            ],
        ),
        (
            "An unknown risk of torture is asked",
            json!({ "torture": null }),
            &[
                ("finding.cat.torture_likely", "unknown"),
                ("relief.cat_deferral", "undetermined"),
                ("question.torture.likelihood", "asked"),
            ],
        ),
    ]);
}

#[test]
fn the_mandatory_bars() {
    table(vec![
        (
            "A persecutor of others is barred from asylum and withholding (INA § 208(b)(2)(A)(i); Matter of Negusie, 28 I&N Dec. 120 (A.G. 2020))",
            json!({ "conduct": { "persecuted_others": true } }),
            &[
                ("finding.asylum.bar.persecutor", "yes"),
                ("finding.withholding.bar.persecutor", "yes"),
                ("relief.asylum", "ineligible"),
                ("relief.withholding", "ineligible"),
            ],
        ),
        (
            "A serious nonpolitical crime abroad bars asylum and withholding (INS v. Aguirre-Aguirre, 526 U.S. 415 (1999))",
            json!({ "conduct": { "serious_nonpolitical_crime": true } }),
            &[
                ("finding.asylum.bar.serious_nonpolitical_crime", "yes"),
                ("finding.withholding.bar.serious_nonpolitical_crime", "yes"),
            ],
        ),
        (
            "A danger to security is barred (INA § 208(b)(2)(A)(iv))",
            json!({ "conduct": { "danger_to_security": true } }),
            &[
                ("finding.asylum.bar.security", "yes"),
                ("finding.withholding.bar.security", "yes"),
            ],
        ),
        (
            "A particularly serious crime bars both",
            json!({ "conduct": { "particularly_serious_crime": true } }),
            &[
                ("finding.asylum.bar.particularly_serious_crime", "yes"),
                ("finding.withholding.bar.particularly_serious_crime", "yes"),
            ],
        ),
        (
            "An offer of permanent status elsewhere is firm resettlement, which bars asylum but not withholding (8 C.F.R. § 208.15; Matter of A-G-G-, 25 I&N Dec. 486 (BIA 2011))",
            json!({ "resettlement": { "offered_permanent_status": true, "country": "CR", "stay_necessary_for_flight": false, "restrictive_conditions": false } }),
            &[
                ("finding.asylum.bar.firm_resettlement", "yes"),
                ("relief.asylum", "ineligible"),
                ("relief.withholding", "eligible"),
            ],
        ),
        (
            "A stay that was only a necessary consequence of flight is not firm resettlement (8 C.F.R. § 208.15(a))",
            json!({ "resettlement": { "offered_permanent_status": true, "stay_necessary_for_flight": true } }),
            &[("finding.asylum.bar.firm_resettlement", "no")],
        ),
        (
            "An offer whose exceptions are unknown leaves the bar unknown",
            json!({ "resettlement": { "offered_permanent_status": true } }),
            &[
                ("finding.asylum.bar.firm_resettlement", "unknown"),
                ("question.resettlement.stay_necessary_for_flight", "asked"),
            ],
        ),
        (
            "Never eligible while a bar is unknown: unknown conduct is asked",
            json!({ "conduct": null }),
            &[
                ("finding.asylum.bar.persecutor", "unknown"),
                ("relief.asylum", "undetermined"),
                ("relief.withholding", "undetermined"),
                ("question.conduct.persecuted_others", "asked"),
            ],
        ),
    ]);
}

#[test]
fn refugee_admission_from_abroad() {
    let abroad =
        |applicant: Value| json!({ "applicant": applicant, "arrivals": [], "application": null });
    table(vec![
        (
            "Asylum is asked for from inside the United States: refugee admission does not apply (INA § 207)",
            json!({}),
            &[
                ("relief.refugee_admission", "not_applicable"),
                ("warning.refugee_admissions_suspended", "absent"),
            ],
        ),
        (
            "Abroad and outside the country of nationality, with a well-founded fear: refugee admission (INA § 101(a)(42)(A); § 207)",
            abroad(json!({ "location": "outside_us", "current_country": "CR" })),
            &[
                ("relief.refugee_admission", "eligible"),
                ("relief.asylum", "ineligible"),
                ("finding.asylum.presence", "no"),
                ("warning.refugee_admissions_suspended", "raised"),
            ],
        ),
        (
            "Still inside the country of nationality: not a refugee",
            abroad(json!({ "location": "outside_us", "current_country": "NI" })),
            &[("relief.refugee_admission", "ineligible")],
        ),
        (
            "A stateless person outside the country of last habitual residence",
            abroad(
                json!({ "location": "outside_us", "current_country": "LB", "nationality": [], "habitual_residence": "SY" }),
            ),
            &[("relief.refugee_admission", "eligible")],
        ),
        (
            "Firm resettlement bars refugee admission",
            json!({ "applicant": { "location": "outside_us", "current_country": "CR" }, "arrivals": [], "application": null,
                 "resettlement": { "offered_permanent_status": true, "stay_necessary_for_flight": false, "restrictive_conditions": false } }),
            &[("relief.refugee_admission", "ineligible")],
        ),
    ]);
}

#[test]
fn family_members() {
    let member = |m: Value| json!({ "family": [m] });
    table(vec![
        (
            "A spouse married before the application derives status (INA § 208(b)(3)(A))",
            member(
                json!({ "id": "s1", "relation": "spouse", "married": true, "relationship_began": "2015-06-01", "in_us": true, "on_application": true }),
            ),
            &[("family.s1", "yes"), ("family.s1.path", "included")],
        ),
        (
            "A spouse married after the grant does not (8 C.F.R. § 208.21(b))",
            json!({ "application": { "granted_on": "2026-06-01" },
                 "family": [{ "id": "s1", "relation": "spouse", "relationship_began": "2026-08-01", "in_us": false, "on_application": false }] }),
            &[("family.s1", "no"), ("family.s1.path", "null")],
        ),
        (
            "A spouse abroad follows to join (Form I-730)",
            member(
                json!({ "id": "s1", "relation": "spouse", "relationship_began": "2015-06-01", "in_us": false, "on_application": false }),
            ),
            &[("family.s1", "yes"), ("family.s1.path", "follow_to_join")],
        ),
        (
            "A child under 21 on the filing date keeps child status (CSPA; INA § 208(b)(3)(B))",
            member(
                json!({ "id": "c1", "relation": "child", "birth_date": "2005-06-01", "married": false, "in_us": true, "on_application": true }),
            ),
            &[
                ("family.c1", "yes"),
                ("deadline.family.c1.age_21", "absent"),
            ],
        ),
        (
            "A child 21 on the filing date is not a child",
            member(
                json!({ "id": "c1", "relation": "child", "birth_date": "2004-06-01", "married": false }),
            ),
            &[("family.c1", "no")],
        ),
        (
            "A married son or daughter is not a child (INA § 101(b)(1))",
            member(
                json!({ "id": "c1", "relation": "child", "birth_date": "2010-06-01", "married": true }),
            ),
            &[("family.c1", "no")],
        ),
        (
            "With nothing filed, the day before the 21st birthday is the last day to act (INA § 101(b)(1))",
            json!({ "application": null, "family": [{ "id": "c1", "relation": "child", "birth_date": "2006-02-28", "married": false }] }),
            &[
                ("family.c1", "yes"),
                ("deadline.family.c1.age_21", "2027-02-27 upcoming"),
            ],
        ),
        (
            "With nothing filed, a child whose marriage is not known still has the 21st-birthday date: the safe choice (spec README, principle 4)",
            json!({ "application": null, "family": [{ "id": "c1", "relation": "child", "birth_date": "2006-02-28" }] }),
            &[
                ("family.c1", "unknown"),
                ("question.family[c1].married", "asked"),
                ("deadline.family.c1.age_21", "2027-02-27 upcoming"),
            ],
        ),
        (
            "A stepchild born before the grant, whose relationship began after it, does not derive status, in utero or not (8 C.F.R. § 208.21(b))",
            json!({ "application": { "filed_on": "2025-03-01", "granted_on": "2025-08-30" },
                 "family": [{ "id": "c1", "relation": "child", "birth_date": "2012-01-01", "relationship_began": "2025-10-01",
                              "married": false, "conceived_before_grant": true }] }),
            &[("family.c1", "no")],
        ),
        (
            "A child adopted after the grant, date of birth unknown, could only qualify if born after it in utero: the birth date is asked",
            json!({ "application": { "filed_on": "2025-03-01", "granted_on": "2025-08-30" },
                 "family": [{ "id": "c1", "relation": "child", "relationship_began": "2025-10-01", "married": false }] }),
            &[
                ("family.c1", "unknown"),
                ("question.family[c1].birth_date", "asked"),
            ],
        ),
        (
            "A member of unknown relation born after the grant may be a child in utero on that day: not yet a no",
            json!({ "application": { "filed_on": "2024-10-01", "granted_on": "2025-10-15" },
                 "family": [{ "id": "c1", "birth_date": "2026-03-01", "relationship_began": "2026-03-01", "married": false }] }),
            &[
                ("family.c1", "unknown"),
                ("question.family[c1].relation", "asked"),
            ],
        ),
        (
            "A 29 February birthday's 21st is taken on 28 February (deadline rounding), so the last day to act is 27 February",
            json!({ "application": null, "family": [{ "id": "c1", "relation": "child", "birth_date": "2008-02-29", "married": false }] }),
            &[("deadline.family.c1.age_21", "2029-02-27 upcoming")],
        ),
        (
            "A child born after the grant qualifies if in utero on the day of the grant (8 C.F.R. § 208.21)",
            json!({ "application": { "filed_on": "2024-10-01", "granted_on": "2025-10-15" },
                 "family": [{ "id": "c1", "relation": "child", "birth_date": "2026-03-01", "married": false, "conceived_before_grant": true }] }),
            &[("family.c1", "yes")],
        ),
        (
            "Born within 300 days of the grant: whether in utero is asked",
            json!({ "application": { "filed_on": "2024-10-01", "granted_on": "2025-10-15" },
                 "family": [{ "id": "c1", "relation": "child", "birth_date": "2026-03-01", "married": false }] }),
            &[
                ("family.c1", "unknown"),
                ("question.family[c1].conceived_before_grant", "asked"),
            ],
        ),
        (
            "Born more than 300 days after the grant: not in utero on the day",
            json!({ "application": { "filed_on": "2024-10-01", "granted_on": "2025-01-15" },
                 "family": [{ "id": "c1", "relation": "child", "birth_date": "2026-03-01", "married": false }] }),
            &[("family.c1", "no")],
        ),
        (
            "A child born on 29 February is 21 on 28 February of a common year: the last day to act was the day before",
            json!({ "as_of": "2025-02-28", "arrivals": [{ "date": "2024-06-01" }], "application": null, "harms": [{ "id": "h1", "date": "2024-01-02" }],
                 "family": [{ "id": "c1", "relation": "child", "birth_date": "2004-02-29", "married": false }] }),
            &[
                ("family.c1", "no"),
                ("deadline.family.c1.age_21", "2025-02-27 passed"),
            ],
        ),
        (
            "Granted on an application whose filing date is not given: an adult child's frozen age is unknown, and asked",
            json!({ "application": { "filed_on": null, "granted_on": "2026-06-01" },
                 "family": [{ "id": "c1", "relation": "child", "birth_date": "2004-01-01", "married": false }] }),
            &[
                ("family.c1", "unknown"),
                ("question.application.filed_on", "asked"),
                ("deadline.family.c1.age_21", "absent"),
            ],
        ),
        (
            "Granted on an application whose filing date is not given: a child under 21 today was under 21 then",
            json!({ "application": { "filed_on": null, "granted_on": "2026-06-01" },
                 "family": [{ "id": "c1", "relation": "child", "birth_date": "2010-01-01", "married": false }] }),
            &[("family.c1", "yes")],
        ),
    ]);
}

#[test]
fn dates_after_filing_and_grant() {
    table(vec![
        (
            "The work permit may be filed 150 days after filing and granted after 180 (8 C.F.R. § 208.7(a)(1); INA § 208(d)(2))",
            json!({}),
            &[
                ("deadline.ead.earliest_filing", "2026-10-01 passed"),
                ("deadline.ead.earliest_grant", "2026-10-31 passed"),
            ],
        ),
        (
            "Applicant-caused delay stops the work-permit clock (8 C.F.R. § 208.7(a)(2))",
            json!({ "application": { "clock_stopped_days": 30 } }),
            &[("date.ead.earliest_filing", "2026-10-31")],
        ),
        (
            "No work-permit clock once asylum is granted",
            json!({ "application": { "granted_on": "2026-10-01" } }),
            &[
                ("deadline.ead.earliest_filing", "absent"),
                ("deadline.asylum.annual_fee", "absent"),
            ],
        ),
        (
            "Adjustment a year after a 29 February grant opens on 1 March; the I-730 window closes on 28 February (INA § 209(b)(2); 8 C.F.R. § 208.21(d))",
            json!({ "application": { "filed_on": "2023-06-01", "granted_on": "2024-02-29" }, "arrivals": [{ "date": "2023-01-10" }],
                 "harms": [{ "id": "h1", "date": "2022-06-02" }] }),
            &[
                ("deadline.adjustment.eligible", "2025-03-01 passed"),
                ("deadline.i730.deadline", "2026-02-28 passed"),
            ],
        ),
        (
            "Permanent residence is dated a year before approval; naturalization filing opens 90 days before five years (INA § 209(b); § 334(a))",
            json!({ "application": { "filed_on": "2021-06-01", "granted_on": "2022-06-01", "adjusted_on": "2024-02-29" }, "arrivals": [{ "date": "2021-01-10" }],
                 "harms": [{ "id": "h1", "date": "2020-06-02" }] }),
            &[
                ("deadline.lpr.date", "2023-03-01 met"),
                (
                    "deadline.naturalization.earliest_filing",
                    "2027-12-02 upcoming",
                ),
            ],
        ),
        (
            "The annual asylum fee is due on the next anniversary of filing (Pub. L. 119-21)",
            json!({}),
            &[
                ("deadline.asylum.annual_fee", "2027-05-04 upcoming"),
                ("warning.annual_asylum_fee", "raised"),
            ],
        ),
        (
            "The annual fee falls due on an anniversary that is today",
            json!({ "application": { "filed_on": "2025-11-27" }, "arrivals": [{ "date": "2025-09-20" }] }),
            &[("deadline.asylum.annual_fee", "2026-11-27 upcoming")],
        ),
        (
            "The annual fee counts anniversaries from a filing years ago; one of 29 February falls on 28 February",
            json!({ "application": { "filed_on": "2020-02-29" }, "arrivals": [{ "date": "2019-06-01" }] }),
            &[("deadline.asylum.annual_fee", "2027-02-28 upcoming")],
        ),
        (
            "The annual fee is due on this year's anniversary while it is still to come",
            json!({ "application": { "filed_on": "2021-12-15" }, "arrivals": [{ "date": "2021-06-01" }] }),
            &[("deadline.asylum.annual_fee", "2026-12-15 upcoming")],
        ),
        (
            "The annual fee is due on next year's anniversary once this year's has passed",
            json!({ "application": { "filed_on": "2021-10-01" }, "arrivals": [{ "date": "2021-06-01" }] }),
            &[("deadline.asylum.annual_fee", "2027-10-01 upcoming")],
        ),
        (
            "Before 2025-07-22 there was no annual fee",
            json!({ "as_of": "2025-07-01", "arrivals": [{ "date": "2024-01-10" }], "application": { "filed_on": "2024-06-01" },
                 "harms": [{ "id": "h1", "date": "2023-06-02" }] }),
            &[
                ("deadline.asylum.annual_fee", "absent"),
                ("warning.annual_asylum_fee", "absent"),
                ("warning.affirmative_hold", "absent"),
            ],
        ),
    ]);
}

#[test]
fn warnings_of_law_in_flux() {
    table(vec![
        (
            "A pending affirmative application is on hold from 2025-12-02 (PM-602-0192)",
            json!({}),
            &[("warning.affirmative_hold", "raised")],
        ),
        (
            "The USCIS hold does not reach cases in immigration court",
            json!({ "application": { "forum": "defensive" } }),
            &[("warning.affirmative_hold", "absent")],
        ),
        (
            "An entry between ports at the southwest border from 2024-06-05 is warned of the Securing the Border rule (8 C.F.R. § 208.35)",
            southwest(json!({ "date": "2024-07-01" })),
            &[
                ("warning.securing_the_border", "raised"),
                ("warning.proclamation_10888", "absent"),
            ],
        ),
        (
            "An entry between ports at the southwest border from 2025-01-20 is warned of Proclamation 10888",
            southwest(json!({ "date": "2025-02-01" })),
            &[
                ("warning.proclamation_10888", "raised"),
                ("warning.securing_the_border", "raised"),
            ],
        ),
    ]);
}
