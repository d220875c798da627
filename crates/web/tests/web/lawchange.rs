//! When the law changes (issue 23): cases assessed under one version, the
//! server restarted with another, and the right cases flagged with the
//! right causes; the banner until reviewed; a pass cut short resumes.

use axum::http::StatusCode;
use refuge_engine::change::{History, Notes, RULES_VERSION};
use refuge_engine::law::Files;
use refuge_engine::{Case, Law, assess};
use refuge_web::domain::{AuditAction, CaseId};
use refuge_web::lawchange::run::{self, Pass, Progress};
use refuge_web::store::{AuditFilter, Restamp, Stamped};
use refuge_web::{AppState, Role};

use crate::{TODAY, TestApp};

/// Filed on 2025-06-01: the annual fee of each anniversary, the next on 2027-06-01.
const FILED: &str = r#"{"arrivals": [{"date": "2025-01-10", "manner": "admitted"}],
    "application": {"filed_on": "2025-06-01", "forum": "affirmative"}}"#;
/// Not filed: no fee is due, so a change of the fee moves nothing.
const NOT_FILED: &str = r#"{"arrivals": [{"date": "2026-06-01"}]}"#;

/// The embedded law, as version `version`, its texts changed by `edit`.
fn law(version: &str, edit: impl Fn(&str) -> String) -> &'static Law {
    let e = Files::EMBEDDED;
    let header = e.law.replace(
        &format!("version = \"{}\"", Law::embedded().version()),
        &format!("version = \"{version}\""),
    );
    let parameters = edit(e.parameters);
    let files = Files {
        law: &header,
        parameters: &parameters,
        ..e
    };
    Box::leak(Box::new(Law::parse(&files).expect("the test's law reads")))
}

/// Version A: the annual asylum fee stays $100 (no fiscal-2026 adjustment).
fn law_a() -> &'static Law {
    law("A", |p| {
        let fee_2026 = p
            .lines()
            .find(|l| l.contains("value = 102"))
            .expect("the $102 period")
            .to_string();
        p.replace(&format!("{fee_2026}\n"), "").replace(
            r#"{ from = "2025-07-22", to = "2025-12-31", value = 100,"#,
            r#"{ from = "2025-07-22", value = 100,"#,
        )
    })
}

/// Version B: the embedded law (the fee rises to $102 from 2026-01-01).
fn law_b() -> &'static Law {
    law("B", str::to_string)
}

/// The notes of version B: the fee, and the rules' version 1 → present.
fn history(previous: &'static Law) -> &'static History {
    let notes = Notes::parse(&format!(
        r#"
[[law]]
version = "B"
previous = "A"
reviewed_on = "2026-12-07"
[[law.change]]
what = "The annual asylum fee rises to $102."
parameters = ["fee.annual_asylum_usd"]
source = {{ title = "90 Fed. Reg. 52,693 (Nov. 21, 2025)", url = "https://www.federalregister.gov/documents/2025/11/21/2025-20622" }}

[[rules]]
version = "{RULES_VERSION}"
previous = "1"
what = "A test edition."
[[rules.change]]
what = "An affirmative filing is never barred by the agreement with Canada."
findings = ["asylum.safe_third_country"]
source = {{ title = "8 C.F.R. § 208.4(a)(6)", url = "https://www.ecfr.gov/current/title-8/section-208.4" }}
"#
    ))
    .expect("the test's notes read");
    Box::leak(Box::new(History::new(notes, vec![previous.clone()])))
}

/// The same workspace (its database) served by a server started with `law`.
fn restarted(t: &TestApp, law: &'static Law, history: &'static History) -> TestApp {
    let mut state: AppState = t.state.clone();
    state.law = law;
    state.history = history;
    state.reassessment = Default::default();
    TestApp {
        state,
        _dir: tempfile::tempdir().unwrap(),
        _pg: None,
        url: t.url.clone(),
        key_file: t.key_file.clone(),
    }
}

/// Rewrites the stamps of `cases` as if made by the rules' version 1, and
/// for `barred` as version 1 decided it: asylum barred by the agreement
/// with Canada (which version 2's note names).
async fn made_by_rules_1(t: &TestApp, cases: &[&refuge_web::store::CaseRow], barred: &CaseId) {
    for c in cases {
        let mut stamp: serde_json::Value =
            serde_json::from_str(&t.db().stamp(&c.id).await.unwrap().expect("stamped on save"))
                .unwrap();
        stamp["rules"] = "1".into();
        if c.id == *barred {
            stamp["reliefs"]["asylum"] = "ineligible".into();
            stamp["findings"]["asylum.safe_third_country"] = "yes".into();
        }
        let json = stamp.to_string();
        let law = stamp["law"].as_str().unwrap();
        let r = Restamp {
            case_id: &c.id,
            facts_version: c.version,
            stamp: Stamped {
                law,
                rules: "1",
                json: &json,
            },
            change: None,
            deadlines: None,
        };
        t.db().write_restamps(&[r], law, "1").await.unwrap();
    }
}

fn audit_count(
    entries: &[refuge_web::store::AuditEntry],
    action: AuditAction,
    case: &str,
) -> usize {
    entries
        .iter()
        .filter(|e| e.action == action.code() && e.case_number.as_deref() == Some(case))
        .count()
}

both! {
    async fn a_new_law_flags_the_cases_it_moved_with_the_fee_or_the_rule_that_moved_them(t) {
    let a = restarted(t, law_a(), History::embedded());
    let ana = a.login("ana", Role::Attorney).await;
    let fee = a.case(&ana, "Fee", FILED).await;
    let rule = a.case(&ana, "Rule", NOT_FILED).await;
    let same = a.case(&ana, "Same", NOT_FILED).await;
    let stamp: serde_json::Value =
        serde_json::from_str(&a.db().stamp(&fee.id).await.unwrap().unwrap()).unwrap();
    assert_eq!(stamp["law"], "A");
    assert_eq!(stamp["deadlines"]["asylum.annual_fee"]["usd"], 100);
    made_by_rules_1(&a, &[&fee, &rule, &same], &rule.id).await;

    // The server restarts with version B.
    let b = restarted(t, law_b(), history(law_a()));
    let summary = run::in_background(&b.state).await.unwrap();
    assert_eq!((summary.reassessed, summary.changed), (3, 2), "{summary:?}");

    // The API: the two cases, and only those, each with its cause.
    let r = b.api("GET", "/api/v1/changes", Some(&ana.token), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let changes = r.json();
    let changes = changes.as_array().unwrap();
    assert_eq!(changes.len(), 2, "{changes:#?}");
    let of = |id: &CaseId| changes.iter().find(|c| c["case_id"] == id.as_str()).unwrap();
    let f = of(&fee.id);
    assert_eq!((f["law_from"].as_str(), f["law_to"].as_str()), (Some("A"), Some("B")));
    let next = f["moved"].as_array().unwrap().iter().find(|m| m["id"] == "asylum.annual_fee").unwrap();
    assert_eq!(next["before"], "2027-06-01 upcoming, $100");
    assert_eq!(next["after"], "2027-06-01 upcoming, $102");
    let cause = &next["causes"][0];
    assert_eq!(cause["kind"], "parameter");
    assert_eq!(cause["parameter"], "fee.annual_asylum_usd");
    assert!(cause["source"]["title"].as_str().unwrap().contains("52,693"), "{cause}");
    assert!(cause["words"].as_str().unwrap().contains("$102 from 2026-01-01"), "{cause}");
    assert!(f["moved"].as_array().unwrap().iter().all(|m| m["kind"] == "deadline"), "{f}");
    let r = of(&rule.id);
    assert_eq!(r["moved"].as_array().unwrap().len(), 1, "{r}");
    let asylum = &r["moved"][0];
    assert_eq!((asylum["id"].as_str(), asylum["before"].as_str()), (Some("asylum"), Some("ineligible")));
    assert_eq!(asylum["causes"][0]["kind"], "rules");
    assert_eq!(asylum["causes"][0]["findings"][0], "asylum.safe_third_country");
    assert!(asylum["causes"][0]["words"].as_str().unwrap().contains("never barred by the agreement with Canada"));
    assert!(changes.iter().all(|c| c["case_id"] != same.id.as_str()));

    // The dashboard counts them; each case page has its banner.
    let dash = b.get("/", Some(&ana)).await.body;
    assert!(dash.contains("Changed by the law of B: 2 cases"), "{dash}");
    let page = b.get(&format!("/cases/{}", fee.id), Some(&ana)).await.body;
    assert!(page.contains("The law changed this case&#x27;s assessment") || page.contains("The law changed this case's assessment"), "{page}");
    assert!(page.contains("fee.annual_asylum_usd") || page.contains("Annual asylum fee"), "{page}");
    assert!(!b.get(&format!("/cases/{}", same.id), Some(&ana)).await.body.contains("Mark reviewed"));

    // Reviewing one clears its banner, with an audit row; the other stays.
    let done = b.post(&format!("/cases/{}/changes/review", fee.id), &ana, &[]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert!(!b.get(&format!("/cases/{}", fee.id), Some(&ana)).await.body.contains("Mark reviewed"));
    assert!(b.get(&format!("/cases/{}", rule.id), Some(&ana)).await.body.contains("Mark reviewed"));
    let log = b.db().audit_entries(&AuditFilter::default()).await.unwrap();
    assert_eq!(audit_count(&log, AuditAction::LawChangeReview, &fee.number), 1);
    assert_eq!(audit_count(&log, AuditAction::LawChangeFound, &fee.number), 1);
    assert_eq!(audit_count(&log, AuditAction::LawChangeFound, &same.number), 0);
    let dash = b.get("/", Some(&ana)).await.body;
    assert!(dash.contains("Changed by the law of B: 1 case<"), "{dash}");
    let r = b.api("GET", "/api/v1/changes", Some(&ana.token), None).await.json();
    let reviewed = r.as_array().unwrap().iter().find(|c| c["case_id"] == fee.id.as_str()).unwrap().clone();
    assert_eq!(reviewed["reviewed_by"], "ana");

    // A second start under B finds nothing more to do.
    let again = run::in_background(&b.state).await.unwrap();
    assert_eq!((again.reassessed, again.changed), (0, 0));
    }
}

both! {
    async fn a_pass_cut_short_resumes_and_two_at_once_do_no_case_twice_and_skip_none(t) {
    let a = restarted(t, law_a(), History::embedded());
    let ana = a.login("ana", Role::Attorney).await;
    let mut cases = Vec::new();
    for i in 0..7 {
        cases.push(a.case(&ana, &format!("Client {i}"), FILED).await);
    }
    let b = restarted(t, law_b(), history(law_a()));
    let pass = |stop_after| Pass {
        law: b.state.law,
        history: b.state.history,
        today: TODAY,
        batch: 2,
        dry_run: false,
        stop_after,
    };
    // Killed after 3 cases (mid-batch), then started again.
    let first = run::run(b.db(), &pass(Some(3)), &Progress::default(), |_| {}).await.unwrap();
    assert_eq!(first.reassessed, 3);
    // Restarted, with `refuge rescreen` run at the same moment: each case
    // is still done once.
    let (p, q) = (Progress::default(), Progress::default());
    let (one, other) = (pass(None), pass(None));
    let (second, third) = tokio::join!(
        run::run(b.db(), &one, &p, |_| {}),
        run::run(b.db(), &other, &q, |_| {}),
    );
    assert_eq!(second.unwrap().reassessed, 4);
    third.unwrap();
    assert_eq!(p.total.load(std::sync::atomic::Ordering::Relaxed), 4, "the restart counts what is left");
    let log = b.db().audit_entries(&AuditFilter::default()).await.unwrap();
    for c in &cases {
        assert_eq!(audit_count(&log, AuditAction::LawChangeFound, &c.number), 1, "case {}", c.number);
    }
    let r = b.api("GET", "/api/v1/changes", Some(&ana.token), None).await.json();
    assert_eq!(r.as_array().unwrap().len(), 7);
    assert_eq!(b.db().reassessed_count("B", RULES_VERSION).await.unwrap(), (7, 7));
    }
}

both! {
    async fn a_case_saved_before_the_pass_reaches_it_keeps_what_the_new_law_moved(t) {
    let a = restarted(t, law_a(), History::embedded());
    let ana = a.login("ana", Role::Attorney).await;
    let fee = a.case(&ana, "Fee", FILED).await;
    let b = restarted(t, law_b(), history(law_a()));
    let mut facts: serde_json::Value = serde_json::from_str(FILED).unwrap();
    facts["applicant"] = serde_json::json!({"birth_date": "1990-01-01"});
    let put = b
        .api("PUT", &format!("/api/v1/cases/{}/facts", fee.id), Some(&ana.token), Some(&facts.to_string()))
        .await;
    assert_eq!(put.status, StatusCode::OK, "{}", put.body);
    let r = b.api("GET", "/api/v1/changes", Some(&ana.token), None).await.json();
    let r = r.as_array().unwrap();
    assert_eq!(r.len(), 1, "{r:?}");
    assert_eq!(r[0]["moved"][0]["causes"][0]["parameter"], "fee.annual_asylum_usd");
    let pass = run::in_background(&b.state).await.unwrap();
    assert_eq!((pass.reassessed, pass.changed), (0, 0), "the save stamped it under B");
    }
}

both! {
    async fn a_dry_run_writes_nothing(t) {
    let a = restarted(t, law_a(), History::embedded());
    let ana = a.login("ana", Role::Attorney).await;
    a.case(&ana, "Fee", FILED).await;
    let b = restarted(t, law_b(), history(law_a()));
    let pass = Pass {
        law: b.state.law,
        history: b.state.history,
        today: TODAY,
        batch: run::BATCH,
        dry_run: true,
        stop_after: None,
    };
    let s = run::run(b.db(), &pass, &Progress::default(), |_| {}).await.unwrap();
    assert_eq!((s.reassessed, s.changed), (1, 1));
    assert_eq!(s.causes.get("parameter fee.annual_asylum_usd"), Some(&1), "{s:?}");
    assert_eq!(b.db().reassessed_count("B", RULES_VERSION).await.unwrap(), (0, 1));
    let r = b.api("GET", "/api/v1/changes", Some(&ana.token), None).await.json();
    assert!(r.as_array().unwrap().is_empty());
    }
}

/// The work-permit wait moved from 150 to 180 days: the calendar feed
/// follows the date once the server re-assessed the case.
#[tokio::test]
async fn the_calendar_feed_follows_a_deadline_the_new_law_moved() {
    let t = TestApp::new().await;
    let a = restarted(&t, law_a(), History::embedded());
    let ana = a.login("ana", Role::Attorney).await;
    let facts = r#"{"arrivals": [{"date": "2026-05-10", "manner": "admitted"}],
        "application": {"filed_on": "2026-10-01", "forum": "affirmative"}}"#;
    a.case(&ana, "Client", facts).await;
    let wait = |law: &Law| {
        let case = Case::from_json(facts, TODAY).unwrap();
        let d = assess(&case, law)
            .deadline("ead.earliest_filing")
            .unwrap()
            .date;
        d.strftime("%Y%m%d").to_string()
    };
    let c = law("C", |p| {
        p.replace(
            r#"{ from = "1997-04-01", value = 150,"#,
            r#"{ from = "1997-04-01", value = 180,"#,
        )
    });
    let (before, after) = (wait(law_a()), wait(c));
    assert_ne!(before, after);
    let r = a
        .post("/settings/calendar", &ana, &[("action", "new")])
        .await;
    let at = r.body.find("/calendar/cal_").unwrap();
    let token = r.body[at + 10..].split('/').next().unwrap().to_string();
    let feed = format!("/calendar/{token}/deadlines.ics");
    assert!(
        a.get(&feed, None)
            .await
            .body
            .contains(&format!("DTSTART;VALUE=DATE:{before}"))
    );
    let notes = Notes::parse("").unwrap();
    let c_state = restarted(
        &t,
        c,
        Box::leak(Box::new(History::new(notes, vec![law_a().clone()]))),
    );
    let s = run::in_background(&c_state.state).await.unwrap();
    assert_eq!(s.changed, 1);
    assert_eq!(
        s.causes.get("parameter ead.filing_wait_days"),
        Some(&1),
        "{s:?}"
    );
    let body = c_state.get(&feed, None).await.body;
    assert!(
        body.contains(&format!("DTSTART;VALUE=DATE:{after}")),
        "{body}"
    );
    assert!(
        !body.contains(&format!("DTSTART;VALUE=DATE:{before}")),
        "{body}"
    );
}

/// Issue 19: a Spanish-speaking user reads the changes of the law in
/// Spanish: the list, the dashboard's box and the case page's banner, each
/// parameter by its Spanish name with its values and dates written out; in
/// English the causes read as the engine words them (the API's `words`).
#[tokio::test]
async fn the_changes_of_the_law_read_in_spanish_for_a_spanish_speaking_user() {
    let t = TestApp::new().await;
    let a = restarted(&t, law_a(), History::embedded());
    let ana = a.login("ana", Role::Attorney).await;
    let fee = a.case(&ana, "Fee", FILED).await;
    let rule = a.case(&ana, "Rule", NOT_FILED).await;
    made_by_rules_1(&a, &[&fee, &rule], &rule.id).await;
    let b = restarted(&t, law_b(), history(law_a()));
    run::in_background(&b.state).await.unwrap();

    // In English, each cause as the engine words it.
    let api = b
        .api("GET", "/api/v1/changes", Some(&ana.token), None)
        .await
        .json();
    let english = b.get("/changes", Some(&ana)).await.body;
    for change in api.as_array().unwrap() {
        for moved in change["moved"].as_array().unwrap() {
            let words = moved["causes"][0]["words"].as_str().unwrap();
            assert!(english.contains(words), "{words} not in {english}");
        }
    }

    let saved = b
        .post("/settings/language", &ana, &[("language", "es")])
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let list = b.get("/changes", Some(&ana)).await.body;
    crate::reads(
        &list,
        &[
            "<h1>Cambios de la ley</h1>",
            "Cambiados por la ley B, sin revisar: 2 casos.",
            "Qué cambió",
            "Tarifa anual de asilo, en dólares estadounidenses, por cada año que una solicitud sigue pendiente: antes $0 del 1 de abril de 1997 al 21 de julio de 2025; $100 desde el 22 de julio de 2025; ahora ",
            "$102 desde el 1 de enero de 2026 (fuente: ",
            "1 de junio de 2027, próxima, $100 → 1 de junio de 2027, próxima, $102",
            "Asilo (protección)",
            "cambiaron las reglas (versión 1 → ",
            "ley A → B",
            "todavía no",
        ],
        &[
            "What changed",
            "was $100",
            "the rules changed",
            "upcoming",
            "not yet",
            "Changed by the law of",
        ],
    );

    let dash = b.get("/", Some(&ana)).await.body;
    assert!(dash.contains("Cambiados por la ley B: 2 casos"), "{dash}");
    assert!(dash.contains("Por qué: "), "{dash}");
    assert!(!dash.contains("Changed by the law of"), "{dash}");

    let page = b.get(&format!("/cases/{}", fee.id), Some(&ana)).await.body;
    assert!(
        page.contains("La ley cambió la evaluación de este caso"),
        "{page}"
    );
    assert!(page.contains("Marcar como revisado"), "{page}");
    assert!(
        page.contains("$100 del 22 de julio de 2025 al 31 de diciembre de 2025"),
        "{page}"
    );
    assert!(
        !page.contains("Mark reviewed") && !page.contains("Re-assessed under law"),
        "{page}"
    );
}
