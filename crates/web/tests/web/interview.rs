//! Interview preparation (issue 18) over HTTP, on SQLite and PostgreSQL: a
//! practice session one question at a time, marks and notes kept across
//! meetings, what still needs work, the interview's date on the dashboard and
//! in the calendar feeds, and a refused form that loses nothing.

use axum::http::StatusCode;
use refuge_web::Role;

use crate::Login;

/// A defensive case: two harms, one of them with injuries.
const FACTS: &str = r#"{"arrivals":[{"date":"2024-03-10"}],"application":{"forum":"affirmative"},
 "harms":[{"id":"h1","when":"past","kind":"death_threat","actor":"non_state"},
          {"id":"h2","when":"past","kind":"serious_physical_harm","injured":true,"actor":"non_state"}]}"#;

/// The session the start redirected to: its page's address and its id.
async fn start(t: &crate::TestApp, who: &Login, case: &str, forum: &str) -> (String, String) {
    let r = t
        .post(
            &format!("/cases/{case}/practice/sessions"),
            who,
            &[("forum", forum)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let to = r.location().to_string();
    let id = to
        .strip_prefix(&format!("/cases/{case}/practice/session?s="))
        .unwrap_or_else(|| panic!("{to}"));
    (to.clone(), id.to_string())
}

/// The hidden question id of a question page.
fn question_id(page: &str) -> String {
    let at = page
        .find(r#"name="question" value=""#)
        .expect("a question form");
    let rest = &page[at + r#"name="question" value=""#.len()..];
    rest[..rest.find('"').unwrap()].to_string()
}

both! {
    /// One session: a question with its why and preparation, a mark with
    /// notes, the next question; across a second meeting the marks stand and
    /// the summary lists what still needs work.
    async fn a_practice_session_marks_questions_and_the_summary_keeps_what_needs_work_across_meetings(t) {
        let ana = t.login("ana", Role::Attorney).await;
        let case = t.case(&ana, "Rosa Example", FACTS).await;
        let case_page = t.get(&format!("/cases/{}", case.id), Some(&ana)).await.body;
        assert!(case_page.contains(&format!("/cases/{}/practice", case.id)), "the case page links to preparation");

        let (session, sid) = start(t, &ana, case.id.as_str(), "asylum_office").await;
        let mark = format!("/cases/{}/practice/session", case.id);
        let page = t.get(&session, Some(&ana)).await;
        assert_eq!(page.status, StatusCode::OK);
        assert!(page.body.contains("Why it is asked") && page.body.contains("What a good preparation covers"));
        assert!(page.body.contains(refuge_engine::NOTICE));
        let first = question_id(&page.body);

        let r = t.post(&mark, &ana, &[("session", &sid), ("question", &first), ("q", "0"), ("status", "needs_work"), ("notes", "Hesitated on the dates of Quillmark")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(r.location().ends_with("&q=1"), "{}", r.location());
        let second = question_id(&t.get(r.location(), Some(&ana)).await.body);
        assert_ne!(first, second);
        let r = t.post(&mark, &ana, &[("session", &sid), ("question", &second), ("q", "1"), ("status", "ready"), ("notes", "")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);

        let summary = t.get(&format!("/cases/{}/practice", case.id), Some(&ana)).await.body;
        assert!(summary.contains("1 need work"), "{summary}");
        assert!(summary.contains("Hesitated on the dates of Quillmark"));

        // The next meeting: a new session shows the earlier mark, and marking
        // the question ready takes it off the list.
        let (later, later_id) = start(t, &ana, case.id.as_str(), "asylum_office").await;
        assert_ne!(later, session);
        let page = t.get(&later, Some(&ana)).await.body;
        assert!(page.contains("Last marked needs work"), "{page}");
        t.post(&mark, &ana, &[("session", &later_id), ("question", &first), ("q", "0"), ("status", "ready"), ("notes", "Dates now anchored to the festival")]).await;
        let summary = t.get(&format!("/cases/{}/practice", case.id), Some(&ana)).await.body;
        assert!(summary.contains("0 need work"), "{summary}");
        assert!(!summary.contains("Hesitated on the dates"));

        // The notes are sealed at rest.
        let marks = t.db().practice_marks(&case.id).await.unwrap();
        assert_eq!(marks.len(), 3);
        let mut c = <sqlx::AnyConnection as sqlx::Connection>::connect(&t.url).await.unwrap();
        let raw: Vec<String> = sqlx::query_scalar("SELECT notes FROM practice_marks").fetch_all(&mut c).await.unwrap();
        assert!(raw.iter().all(|n| n.starts_with("enc:v1:")), "{raw:?}");
    }
}

both! {
    /// A court case is practised with cross-examination; an asylum office
    /// case is not.
    async fn a_court_session_brings_cross_examination_and_the_office_one_does_not(t) {
        let ana = t.login("ana", Role::Attorney).await;
        let case = t.case(&ana, "Rosa Example", FACTS).await;
        let print = t.get(&format!("/cases/{}/practice/print", case.id), Some(&ana)).await.body;
        assert!(!print.contains("(Cross-examination)"));
        assert!(print.contains("An interpreter, if the client is not fluent in English"));
        let r = t.post(&format!("/cases/{}/practice/interview", case.id), &ana, &[("forum", "court"), ("date", "2027-03-02")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let print = t.get(&format!("/cases/{}/practice/print", case.id), Some(&ana)).await.body;
        assert!(print.contains("(Cross-examination)"), "the recorded hearing decides the forum");
        assert!(print.contains("The court provides the interpreter"));
        assert!(print.contains(refuge_engine::NOTICE));
    }
}

both! {
    /// The interview's date goes on the dashboard and in the calendar feeds
    /// (never its place or the people in it); a refused date keeps what was typed.
    async fn the_interview_date_is_on_the_dashboard_and_in_the_calendar_and_a_bad_date_loses_nothing(t) {
        let ana = t.login("ana", Role::Attorney).await;
        let case = t.case(&ana, "Rosa Example", FACTS).await;
        let path = format!("/cases/{}/practice/interview", case.id);
        // (A refused form's redirect is followed, as a browser does.)
        let again = t.post(&path, &ana, &[("forum", "asylum_office"), ("date", "2027-02-30"), ("place", "Arlington Asylum Office"), ("interpreter", "Marta Quillfeather")]).await;
        assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(again.body.contains("Date:") && again.body.contains("no such day"), "{}", again.body);
        assert!(again.body.contains("Arlington Asylum Office") && again.body.contains("Marta Quillfeather"), "typed values kept");
        assert!(t.db().interview(&case.id).await.unwrap().is_none(), "nothing half-written");

        let r = t.post(&path, &ana, &[("forum", "asylum_office"), ("date", "2026-12-15"), ("time", "09:30"), ("place", "Arlington Asylum Office"), ("interpreter", "Marta Quillfeather"), ("brought", "notice"), ("brought", "interpreter")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let page = t.get(&format!("/cases/{}/practice", case.id), Some(&ana)).await.body;
        assert!(page.contains(r#"id="bring-notice" name="brought" value="notice" checked"#), "the checklist's ticks are kept");
        let dash = t.get("/", Some(&ana)).await.body;
        assert!(dash.contains("Interviews and hearings") && dash.contains("December 15, 2026 at 09:30") && dash.contains("in 18 days"), "{dash}");
        let ics = t.get(&format!("/cases/{}/calendar.ics", case.id), Some(&ana)).await.body;
        assert!(ics.contains("DTSTART;VALUE=DATE:20261215") && ics.contains("Asylum office interview at 09:30"), "{ics}");
        assert!(!ics.contains("Arlington") && !ics.contains("Quillfeather") && !ics.contains("Rosa"), "{ics}");

        // Another user who does not see the case sees none of it.
        let bob = t.login("bob", Role::Staff).await;
        assert!(!t.get("/", Some(&bob)).await.body.contains("Interviews and hearings"));
    }
}

both! {
    /// A mark without "ready" or "needs work" is refused with the notes kept.
    async fn a_mark_without_its_verdict_is_refused_and_the_notes_are_kept(t) {
        let ana = t.login("ana", Role::Attorney).await;
        let case = t.case(&ana, "Rosa Example", FACTS).await;
        let (session, sid) = start(t, &ana, case.id.as_str(), "asylum_office").await;
        let first = question_id(&t.get(&session, Some(&ana)).await.body);
        let mark = format!("/cases/{}/practice/session", case.id);
        let again = t.post(&mark, &ana, &[("session", &sid), ("question", &first), ("q", "0"), ("notes", "Quillmark notes typed")]).await;
        assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(again.body.contains("Quillmark notes typed") && again.body.contains("Ready"));
        assert!(t.db().practice_marks(&case.id).await.unwrap().is_empty());
        // A session that is not this case's: not found.
        let r = t.post(&mark, &ana, &[("session", "nope"), ("question", &first), ("status", "ready")]).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
    }
}

both! {
    /// A discrepancy in the stored application (issue 16) is put to the
    /// client first, as an "explain this" question showing the preparer both
    /// statements (INA § 208(b)(1)(B)(iii): any inconsistency may count).
    async fn a_discrepancy_in_the_stored_application_opens_the_practice_set_as_an_explain_question(t) {
        let ana = t.login("ana", Role::Attorney).await;
        let text = std::fs::read_to_string(format!(
            "{}/../../examples/application/complete.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let mut doc: serde_json::Value = serde_json::from_str(&text).unwrap();
        let case = t.case(&ana, "Ana Flores", &doc["facts"].to_string()).await;
        let first_before = question_id(&t.get(&start(t, &ana, case.id.as_str(), "asylum_office").await.0, Some(&ana)).await.body);
        assert!(!first_before.starts_with("explain:"), "a consistent application brings no explain question first: {first_before}");

        doc["application"]["part_d"]["printed_name"] = serde_json::json!("Quillmark Otherwise");
        let r = t
            .api("PUT", &format!("/api/v1/cases/{}/application", case.id), Some(&ana.token), Some(&doc["application"].to_string()))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let page = t.get(&start(t, &ana, case.id.as_str(), "asylum_office").await.0, Some(&ana)).await;
        assert_eq!(page.status, StatusCode::OK);
        let first = question_id(&page.body);
        assert!(first.starts_with("explain:consistency.name:"), "the discrepancy comes first: {first}");
        assert!(page.body.contains("Quillmark Otherwise"), "the preparer sees the printed name as it stands");
    }
}

/// A preparer who reads Spanish practises in Spanish: the question, its
/// topic, why it is asked, what to prepare and why it is in this case's set
/// come from the bank's messages (issue 19), not the bank's English.
#[tokio::test]
async fn a_practice_question_reads_in_the_preparers_language() {
    let t = crate::TestApp::new().await;
    let ana = t.login("ana", Role::Attorney).await;
    let case = t.case(&ana, "Rosa Example", FACTS).await;
    let r = t
        .post("/settings/language", &ana, &[("language", "es")])
        .await;
    assert!(r.body.contains("lang=\"es\""), "{}", r.body);
    let (session, _) = start(&t, &ana, case.id.as_str(), "asylum_office").await;
    let page = t.get(&session, Some(&ana)).await.body;
    let bank = refuge_interview::Bank::embedded();
    let id = question_id(&page);
    let key = id.split('@').next().unwrap();
    let q = bank.questions.iter().find(|q| q.id == key).unwrap();
    assert!(
        !page.contains(&q.ask),
        "the bank's English shown: {}",
        q.ask
    );
    let spanish = refuge_i18n::tr(
        refuge_i18n::Lang::parse("es").unwrap(),
        &refuge_interview::words::message_id(key),
    );
    assert!(page.contains(&spanish), "{spanish}\n{page}");
    assert!(
        page.contains("Está en las preguntas de este caso porque"),
        "{page}"
    );
    assert!(
        !page.contains("asked in every case") && !page.contains("meets its condition"),
        "{page}"
    );
}
