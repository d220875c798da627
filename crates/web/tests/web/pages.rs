//! The pages: first run, signing in, cases, the interview, the facts form,
//! the calendars, the audit log, and bad input of every kind.

use axum::http::{StatusCode, header};
use refuge_web::http::session;
use refuge_web::{Role, secret};

use crate::{ARRIVED, TODAY, TestApp};

fn csrf_of(page: &str) -> String {
    let at = page
        .find("name=\"csrf\" value=\"")
        .expect("a form with a CSRF token")
        + 19;
    page[at..].split('"').next().unwrap().to_string()
}

fn set_cookie(r: &crate::Reply, name: &str) -> Option<String> {
    r.headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(str::to_string)
}

/// The `name=value` part of a Set-Cookie header.
fn pair(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap().to_string()
}

/// The interview's questions in the order asked, as a user skips through
/// them: each question's fact and its page, until none is left.
async fn interview_pages(t: &TestApp, who: &crate::Login, case_id: &str) -> Vec<(String, String)> {
    let mut pages = Vec::new();
    for skip in 0..80 {
        let page = t
            .get(
                &format!("/cases/{case_id}/interview?skip={skip}"),
                Some(who),
            )
            .await
            .body;
        let Some(fact) = page
            .split("name=\"fact\" value=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .map(str::to_string)
        else {
            break;
        };
        pages.push((fact, page));
    }
    pages
}

#[tokio::test]
async fn the_first_run_link_creates_the_administrator_once_and_there_is_no_default_password() {
    let t = TestApp::new().await;
    // No account: the sign-in page says to use the printed link, and shows no token.
    let r = t.get("/login", None).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(r.body.contains("setup link"));
    let token = t
        .state
        .setup_token_if_needed()
        .await
        .unwrap()
        .expect("a setup token on an empty database");
    assert!(!r.body.contains(&token));
    assert_eq!(
        t.get("/setup?token=wrong", None).await.status,
        StatusCode::NOT_FOUND
    );

    let form = t.get(&format!("/setup?token={token}"), None).await;
    assert_eq!(form.status, StatusCode::OK);
    let cookie = pair(&set_cookie(&form, "refuge_form").unwrap());
    let csrf = csrf_of(&form.body);
    let short = serde_urlencoded::to_string([
        ("csrf", &*csrf),
        ("token", &*token),
        ("name", "admin"),
        ("password", "short"),
    ])
    .unwrap();
    let r = t.post_raw("/setup", Some(&cookie), &short).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("at least 10 characters"));
    assert!(r.body.contains("value=\"admin\""), "what was typed is kept");

    let ok = serde_urlencoded::to_string([
        ("csrf", &*csrf),
        ("token", &*token),
        ("name", "admin"),
        ("password", "a long admin password"),
    ])
    .unwrap();
    let r = t.post_raw("/setup", Some(&cookie), &ok).await;
    assert_eq!((r.status, r.location()), (StatusCode::SEE_OTHER, "/"));
    let session = set_cookie(&r, session::SESSION_COOKIE).expect("signed in after setup");
    for attr in ["HttpOnly", "Secure", "SameSite=Strict", "Max-Age="] {
        assert!(
            session.contains(attr),
            "session cookie lacks {attr}: {session}"
        );
    }
    // The link worked once.
    assert_eq!(
        t.post_raw("/setup", Some(&cookie), &ok).await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        t.get(&format!("/setup?token={token}"), None).await.status,
        StatusCode::NOT_FOUND
    );
    let home = t.get("/", None).await;
    assert_eq!(home.location(), "/login");
    let home = t
        .send(
            axum::http::Request::get("/")
                .header(header::COOKIE, pair(&session))
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert!(home.body.contains("admin (admin)"));
}

#[tokio::test]
async fn with_demo_cases_and_no_administrator_the_demo_user_signs_in_and_the_setup_link_still_works()
 {
    let t = TestApp::new().await;
    let password = refuge_web::demo::load(t.db(), TODAY)
        .await
        .unwrap()
        .unwrap();
    assert!(
        t.state.setup_token_if_needed().await.unwrap().is_some(),
        "no administrator yet"
    );
    let r = sign_in(&t, "demo", &password).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
}

async fn sign_in(t: &TestApp, name: &str, password: &str) -> crate::Reply {
    let form = t.get("/login", None).await;
    let cookie =
        pair(&set_cookie(&form, "refuge_form").expect("the sign-in form sets its CSRF cookie"));
    let body = serde_urlencoded::to_string([
        ("csrf", csrf_of(&form.body).as_str()),
        ("name", name),
        ("password", password),
    ])
    .unwrap();
    t.post_raw("/login", Some(&cookie), &body).await
}

#[tokio::test]
async fn a_user_name_typed_in_full_width_letters_signs_in_as_the_same_user_and_counts_toward_its_lock()
 {
    let t = TestApp::new().await;
    let hash = secret::hash_password("correct horse battery");
    t.db()
        .add_user("maria", &hash, Role::Admin, &crate::test_audit())
        .await
        .unwrap();
    // NFKC: "ｍａｒｉａ" (full-width letters, as some keyboards type them) is "maria".
    let r = sign_in(&t, "ｍａｒｉａ", "correct horse battery").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // Wrong passwords under either spelling lock the one name.
    for name in ["ｍａｒｉａ", "maria", "ｍａｒｉａ", "maria", "ｍａｒｉａ"] {
        sign_in(&t, name, "wrong password").await;
    }
    let r = sign_in(&t, "maria", "correct horse battery").await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS, "{}", r.body);
}

#[tokio::test]
async fn signing_in_checks_the_argon2id_password_and_locks_out_after_five_failures() {
    let t = TestApp::new().await;
    let hash = secret::hash_password("correct horse battery");
    assert!(hash.starts_with("$argon2id$"));
    t.db()
        .add_user("maria", &hash, Role::Admin, &crate::test_audit())
        .await
        .unwrap();
    let r = sign_in(&t, "maria", "correct horse battery").await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(set_cookie(&r, session::SESSION_COOKIE).is_some());
    let r = sign_in(&t, "maria", "wrong password").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.body.contains("user name or password is wrong"));
    for _ in 0..4 {
        sign_in(&t, "maria", "wrong password").await;
    }
    // Locked: even the right password waits.
    assert_eq!(
        sign_in(&t, "maria", "correct horse battery").await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    let audit = t
        .db()
        .audit_log(Some(refuge_web::domain::AuditAction::SignInFailed), 100)
        .await
        .unwrap();
    assert_eq!(audit.len(), 5);
}

#[tokio::test]
async fn a_form_without_the_sessions_csrf_token_is_refused_and_changes_nothing() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let case = t.case(&who, "Client", ARRIVED).await;
    for csrf in ["", "csrf_forged"] {
        let body = serde_urlencoded::to_string([("csrf", csrf), ("body", "forged note")]).unwrap();
        let r = t
            .post_raw(
                &format!("/cases/{}/notes", case.id),
                Some(&who.cookie),
                &body,
            )
            .await;
        assert_eq!(r.status, StatusCode::FORBIDDEN);
        assert!(r.body.contains("form has expired"));
    }
    assert!(t.db().notes(&case.id).await.unwrap().is_empty());
    // A sign-in form without its cookie is refused too.
    let r = t
        .post_raw("/login", None, "csrf=x&name=ana&password=whatever12")
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn an_expired_session_is_sent_to_sign_in_and_signing_out_ends_the_session() {
    let t = TestApp::new().await;
    let user = t
        .db()
        .add_user("old", "x", Role::Staff, &crate::test_audit())
        .await
        .unwrap();
    let expired = t.session_for(user, "2000-01-01T00:00:00Z").await;
    assert_eq!(
        t.get("/cases", Some(&expired)).await.location(),
        "/login?next=%2Fcases"
    );
    let who = t.login("now", Role::Staff).await;
    assert_eq!(t.get("/cases", Some(&who)).await.status, StatusCode::OK);
    let r = t.post("/logout", &who, &[]).await;
    assert_eq!(r.location(), "/login");
    assert!(
        set_cookie(&r, session::SESSION_COOKIE)
            .unwrap()
            .contains("Max-Age=0")
    );
    assert_eq!(
        t.get("/cases", Some(&who)).await.location(),
        "/login?next=%2Fcases"
    );
}

#[tokio::test]
async fn a_new_case_shows_the_asylum_card_the_one_year_deadline_and_the_notice() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let r = t
        .post(
            "/cases",
            &who,
            &[
                ("client_name", "Rosa Example"),
                ("number", ""),
                ("arrival", "2026-06-01"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let page = t.get(r.location(), Some(&who)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Rosa Example"));
    assert!(page.body.contains("Case 2026-0001"), "numbered by year");
    assert!(page.body.contains("<h3 id=\"relief-1\">Asylum</h3>"));
    // 2027-06-01 is a Tuesday: the deadline is the anniversary itself.
    assert!(page.body.contains("2027-06-01"));
    assert!(page.body.contains("asylum.one_year"));
    assert!(page.body.contains(refuge_engine::NOTICE));
    // And on the dashboard, with the days left from today.
    let dash = t.get("/", Some(&who)).await.body;
    let days = refuge_engine::calendar::days_between(TODAY, jiff::civil::date(2027, 6, 1));
    assert!(
        dash.contains(&format!(
            "<td class=\"days\" data-label=\"Days left\">{days}"
        )),
        "{dash}"
    );
}

#[tokio::test]
async fn a_bad_new_case_is_shown_again_with_its_error_and_what_was_typed() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let r = t
        .post(
            "/cases",
            &who,
            &[
                ("client_name", "Rosa"),
                ("number", "A-1"),
                ("arrival", "2026-02-30"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Date of last arrival"));
    assert!(r.body.contains("value=\"Rosa\"") && r.body.contains("value=\"A-1\""));
    t.post(
        "/cases",
        &who,
        &[("client_name", "Rosa"), ("number", "A-1")],
    )
    .await;
    let r = t
        .post(
            "/cases",
            &who,
            &[("client_name", "Other"), ("number", "A-1")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("is taken"));
}

#[tokio::test]
async fn the_case_list_searches_by_name_or_number_and_filters_by_the_next_deadline() {
    case_list(&TestApp::new().await).await;
}

#[tokio::test]
async fn the_case_list_searches_and_filters_alike_on_postgresql() {
    match TestApp::postgres().await {
        Some(t) => case_list(&t).await,
        None => crate::skipped("the case list on PostgreSQL"),
    }
}

async fn case_list(t: &TestApp) {
    let who = t.login("ana", Role::Attorney).await;
    t.case(
        &who,
        "Rosa Example",
        r#"{"arrivals": [{"date": "2026-01-10"}]}"#,
    )
    .await; // due 2027-01-11
    t.case(&who, "José Núñez", ARRIVED).await; // due 2027-06-01
    t.case(&who, "No Dates", "{}").await;
    let list = |q: &str| {
        let who = &who;
        let q = q.to_string();
        async move { t.get(&format!("/cases?{q}"), Some(who)).await.body }
    };
    // A name or number is searched through the form's body, never the address.
    let search = |q: &str| {
        let who = &who;
        let q = q.to_string();
        async move {
            let r = t.post("/cases/search", who, &[("q", &q)]).await;
            assert_eq!(r.status, StatusCode::OK);
            r.body
        }
    };
    let all = list("").await;
    assert!(
        all.find("Rosa Example").unwrap() < all.find("José Núñez").unwrap(),
        "soonest deadline first"
    );
    assert!(
        all.find("José Núñez").unwrap() < all.find("No Dates").unwrap(),
        "cases without a date last"
    );
    let by_name = search("núñez").await;
    assert!(by_name.contains("José Núñez") && !by_name.contains("Rosa Example"));
    let by_number = search("2026-0001").await;
    assert!(by_number.contains("Rosa Example") && !by_number.contains("José"));
    let due = list("due=60").await;
    assert!(due.contains("Rosa Example") && !due.contains("José") && !due.contains("No Dates"));
    assert_eq!(
        t.get("/cases?due=soon", Some(&who)).await.status,
        StatusCode::BAD_REQUEST
    );
    assert!(
        search("%").await.contains("No cases found"),
        "a % is taken literally"
    );
    // The list's own form posts the search, with its CSRF token.
    assert!(all.contains("<form method=\"post\" action=\"/cases/search\""));
    assert!(!all.contains("method=\"get\" action=\"/cases\""));
}

both! {
    async fn the_interview_asks_the_most_decisive_question_records_the_answer_and_moves_on(t) {
    let who = t.login("ana", Role::Staff).await;
    let case = t.case(&who, "Client", ARRIVED).await;
    let path = format!("/cases/{}/interview", case.id);
    // An intake's order: who and where the person is first (issue 22).
    let first = t.get(&path, Some(&who)).await.body;
    assert!(first.contains("name=\"fact\" value=\"applicant."), "{first}");
    // The bars come later, each with why it is asked and its law.
    let mut page = String::new();
    for skip in 0..40 {
        page = t.get(&format!("{path}?skip={skip}"), Some(&who)).await.body;
        if page.contains("name=\"fact\" value=\"conduct.persecuted_others\"") {
            break;
        }
    }
    assert!(page.contains("name=\"fact\" value=\"conduct.persecuted_others\""));
    assert!(page.contains("Why we ask") && page.contains("asylum.bar.persecutor"));
    assert!(
        page.contains("INA § 208(b)(2)(A)(i)"),
        "the finding's law is cited"
    );

    let r = t
        .answer(
            &who,
            &case.id,
            1,
            "conduct.persecuted_others",
            0,
            &[("conduct.persecuted_others", "false")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // The address names the fact saved, never the answer (issue 22, defect 7).
    assert!(
        r.location().ends_with("saved=conduct.persecuted_others"),
        "{}",
        r.location()
    );
    let next = t.get(r.location(), Some(&who)).await.body;
    assert!(next.contains("Saved: conduct.persecuted_others"));
    assert!(!next.contains("name=\"fact\" value=\"conduct.persecuted_others\""));
    let facts = t.facts(&who, &case.id).await;
    assert_eq!(facts["conduct"]["persecuted_others"], false);

    // A blank answer, and a stale version, are refused without saving.
    let r = t
        .answer(
            &who,
            &case.id,
            2,
            "conduct.aggravated_felony",
            0,
            &[("conduct.aggravated_felony", "")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // An answer based on an older version, to a question nobody answered
    // meanwhile, is kept and saved on top (issue 22, defect 6).
    let r = t
        .answer(
            &who,
            &case.id,
            1,
            "conduct.aggravated_felony",
            0,
            &[("conduct.aggravated_felony", "true")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let facts = t.facts(&who, &case.id).await;
    assert_eq!(facts["conduct"]["aggravated_felony"], true);
    assert_eq!(
        facts["conduct"]["persecuted_others"], false,
        "the other answer stays"
    );
    // One to a question answered meanwhile is shown again on its own
    // question, with the typed answer and the other one.
    let r = t
        .answer(
            &who,
            &case.id,
            1,
            "conduct.aggravated_felony",
            0,
            &[("conduct.aggravated_felony", "false")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body
            .contains("someone else answered this question meanwhile (true)"),
        "{}",
        r.body
    );
    assert!(
        r.body
            .contains("name=\"fact\" value=\"conduct.aggravated_felony\""),
        "the conflict is shown on its own question"
    );
    assert_eq!(
        t.facts(&who, &case.id).await["conduct"]["aggravated_felony"],
        true
    );
    // Skipping moves on without saving.
    let r = t
        .post(
            &path,
            &who,
            &[
                ("version", "2"),
                ("fact", "conduct.aggravated_felony"),
                ("skip", "0"),
                ("action", "skip"),
            ],
        )
        .await;
    assert!(r.location().ends_with("interview?skip=1"));

    // The history shows who changed what.
    let history = t
        .get(&format!("/cases/{}/history", case.id), Some(&who))
        .await
        .body;
    assert!(
        history.contains("Version 2")
            && history.contains("conduct.persecuted_others")
            && history.contains("ana")
    );
    // In words (issue 22): the fact's label, and yes or no, not true or false.
    let row = history
        .split("<tr><td>")
        .find(|r| r.contains("conduct.persecuted_others"))
        .unwrap();
    let label = refuge_web::facts::form::label_of("conduct.persecuted_others");
    assert!(row.starts_with(&label), "{row}");
    assert!(row.contains("<td>no</td>") || row.contains("<td>yes</td>"), "{row}");
    assert!(!row.contains("<td>true</td>") && !row.contains("<td>false</td>"), "{row}");
    }
}

#[tokio::test]
async fn a_list_question_is_answered_with_a_first_entry_or_none() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Staff).await;
    let case = t.case(&who, "Client", "{}").await;
    let path = format!("/cases/{}/interview", case.id);
    let r = t
        .answer(
            &who,
            &case.id,
            1,
            "harms",
            0,
            &[
                ("harms[new].kind", "death_threat"),
                ("harms[new].when", "past"),
                ("harms[new].date", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let r = t
        .answer(
            &who,
            &case.id,
            2,
            "exceptions",
            0,
            &[("exceptions._none", "on")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let facts = t.facts(&who, &case.id).await;
    assert_eq!(
        facts["harms"],
        serde_json::json!([{"id": "h1", "kind": "death_threat", "when": "past"}])
    );
    assert_eq!(facts["exceptions"], serde_json::json!([]));
    // A list inside an entry (why the harm was done) is asked the same way.
    let mut page = t.get(&path, Some(&who)).await.body;
    let mut skip = 0;
    while !page.contains("value=\"harms[h1].grounds\"") {
        skip += 1;
        assert!(
            page.contains("name=\"fact\""),
            "the grounds of h1 are never asked"
        );
        page = t.get(&format!("{path}?skip={skip}"), Some(&who)).await.body;
    }
    assert!(page.contains("name=\"harms[h1].grounds[0].ground\""));
    let r = t
        .post(
            &path,
            &who,
            &[
                ("version", "3"),
                ("fact", "harms[h1].grounds"),
                ("skip", &skip.to_string()),
                ("action", "answer"),
                ("harms[h1].grounds[0].ground", "political_opinion"),
                ("harms[h1].grounds[0].central", "true"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let facts = t.facts(&who, &case.id).await;
    assert_eq!(
        facts["harms"][0]["grounds"],
        serde_json::json!([{"ground": "political_opinion", "central": true}])
    );
}

both! {
    async fn the_facts_form_shows_errors_in_place_keeps_what_was_typed_and_saves_nothing(t) {
    let who = t.login("ana", Role::Attorney).await;
    let case = t.case(&who, "Client", ARRIVED).await;
    let path = format!("/cases/{}/facts", case.id);
    let form = t.get(&path, Some(&who)).await.body;
    for section in [
        "Applicant",
        "Arrivals in the United States",
        "Harms suffered or feared",
        "Family members",
        "Conduct (the mandatory bars)",
    ] {
        assert!(form.contains(section), "{section}");
    }
    assert!(form.contains(
        "name=\"arrivals[0].date\" type=\"date\" min=\"1800-01-01\" max=\"2200-12-31\" value=\"2026-06-01\""
    ));
    let r = t
        .post(
            &path,
            &who,
            &[
                ("version", "1"),
                ("applicant.birth_date", "1990-02-30"),
                ("applicant.nationality", "SV"),
                ("arrivals[0].date", "2026-06-01"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body
            .contains("aria-invalid=\"true\" aria-describedby=\"f-applicant-birth_date-error\"")
    );
    assert!(
        r.body.contains("value=\"1990-02-30\""),
        "the typed value is shown again"
    );
    assert!(r.body.contains("value=\"SV\""), "other typed values too");
    // An error only the engine sees (a date after today) is placed on its field too.
    let r = t
        .post(
            &path,
            &who,
            &[("version", "1"), ("application.filed_on", "2027-01-01")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains("f-application-filed_on-error"),
        "{}",
        r.body
    );
    assert_eq!(
        t.db()
            .case_for(&who.user, &case.id)
            .await
            .unwrap()
            .unwrap()
            .version,
        1,
        "nothing saved"
    );

    let r = t
        .post(
            &path,
            &who,
            &[
                ("version", "1"),
                ("applicant.nationality", "sv, mx"),
                ("arrivals[0].date", "2026-06-01"),
                ("groups[new].id", ""),
                ("groups[new].definition", "Women who left abusive partners"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let facts = t.facts(&who, &case.id).await;
    assert_eq!(
        facts["applicant"]["nationality"],
        serde_json::json!(["SV", "MX"])
    );
    assert_eq!(facts["groups"][0]["id"], "g1");
    }
}

#[tokio::test]
async fn a_case_calendar_has_an_all_day_event_per_deadline_without_the_clients_name() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let case = t.case(&who, "Rosa Secret", ARRIVED).await;
    let r = t
        .get(&format!("/cases/{}/calendar.ics", case.id), Some(&who))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.headers[header::CONTENT_TYPE],
        "text/calendar; charset=utf-8"
    );
    assert!(r.body.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(r.body.contains("BEGIN:VEVENT\r\n"));
    assert!(
        r.body
            .contains("DTSTART;VALUE=DATE:20270601\r\nDTEND;VALUE=DATE:20270602\r\n")
    );
    assert!(
        r.body
            .contains("SUMMARY:One-year asylum filing deadline (case 2026-0001)")
    );
    assert!(r.body.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !r.body.contains("Rosa"),
        "a calendar provider never sees the client's name"
    );
}

#[tokio::test]
async fn the_calendar_feed_address_works_until_revoked_in_the_users_language() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    t.case(&who, "Client", ARRIVED).await;
    let r = t
        .post("/settings/calendar", &who, &[("action", "new")])
        .await;
    let at = r
        .body
        .find("/calendar/cal_")
        .expect("the feed address is shown once");
    let url = r.body[at..].split(['<', '"']).next().unwrap().to_string();
    let feed = t.get(&url, None).await;
    assert_eq!(feed.status, StatusCode::OK);
    assert!(feed.body.contains("DTSTART;VALUE=DATE:20270601"));
    // Issue 19: in the language the user chose, with no session to say it.
    t.post("/settings/language", &who, &[("language", "es")])
        .await;
    let feed = t.get(&url, None).await.body.replace("\r\n ", "");
    crate::reads(
        &feed,
        &[
            "X-WR-CALNAME:Plazos de Refuge",
            "SUMMARY:Plazo de un año para pedir asilo (caso 2026-0001)",
            "Estado en la última evaluación: próxima.",
            "DESCRIPTION:En una semana: Plazo de un año",
        ],
        &[
            "One-year asylum filing deadline",
            "In a week",
            "Status when last assessed",
        ],
    );
    t.post("/settings/calendar", &who, &[("action", "revoke")])
        .await;
    assert_eq!(t.get(&url, None).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_audit_log_records_sign_ins_views_changes_exports_and_permissions_and_cannot_be_changed()
 {
    let t = TestApp::new().await;
    let admin = t.login("root", Role::Admin).await;
    let who = t.login("ana", Role::Attorney).await;
    let case = t.case(&who, "Client", ARRIVED).await;
    t.get(&format!("/cases/{}", case.id), Some(&who)).await;
    t.post(
        &format!("/cases/{}/facts", case.id),
        &who,
        &[("version", "1"), ("applicant.birth_date", "1990-01-01")],
    )
    .await;
    t.get(&format!("/cases/{}/facts.json", case.id), Some(&who))
        .await;
    t.post(
        &format!("/cases/{}/members", case.id),
        &who,
        &[("name", "root")],
    )
    .await;
    let log = t.get("/admin/audit", Some(&admin)).await.body;
    for action in [
        "case.create",
        "case.view",
        "facts.change",
        "case.export",
        "permission.assign",
    ] {
        assert!(
            log.contains(&format!("<code>{action}</code>")),
            "{action} missing from the audit log"
        );
    }
    assert!(
        !log.contains("1990-01-01"),
        "the log records what happened, not the facts"
    );
    assert!(
        t.db().try_tamper_with_audit_log().await.is_err(),
        "the audit log is append-only"
    );
}

#[tokio::test]
async fn bad_requests_get_clear_pages_never_a_server_error() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let r = t
        .get("/cases/0123456789abcdef0123456789abcdef", Some(&who))
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.body.contains("<h1>Not Found</h1>"));
    assert_eq!(
        t.get("/no/such/page", Some(&who)).await.status,
        StatusCode::NOT_FOUND
    );
    let r = t.get("/?page=first", Some(&who)).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("the address is malformed") && r.body.contains("<h1>Bad Request</h1>"));
    let case = t.case(&who, "Client", ARRIVED).await;
    let notes = format!("/cases/{}/notes", case.id);
    let r = t.post_raw(&notes, Some(&who.cookie), "csrf=%ZZ&body").await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "a malformed form carries no valid token"
    );
    let huge = format!(
        "csrf={}&body={}",
        who.csrf,
        "x".repeat(refuge_web::BODY_LIMIT + 10)
    );
    let r = t.post_raw(&notes, Some(&who.cookie), &huge).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    assert!(r.body.contains("larger than"));
    let r = t.post(&notes, &who, &[("body", "   ")]).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    let r = t
        .post(
            &format!("/cases/{}/facts", case.id),
            &who,
            &[("version", "1"), ("conduct.no_such_fact", "true")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("is not a fact of the facts document"));
}

#[tokio::test]
async fn pages_carry_the_notice_security_headers_and_no_outside_assets() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Admin).await;
    let case = t.case(&who, "Client", ARRIVED).await;
    for path in [
        "/".to_string(),
        "/cases".into(),
        "/cases/new".into(),
        "/settings".into(),
        "/admin/users".into(),
        "/admin/audit".into(),
        format!("/cases/{}", case.id),
        format!("/cases/{}/interview", case.id),
        format!("/cases/{}/facts", case.id),
        format!("/cases/{}/history", case.id),
    ] {
        let r = t.get(&path, Some(&who)).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert!(
            r.body.contains(refuge_engine::NOTICE),
            "{path} lacks the notice"
        );
        assert!(
            !r.body.contains("http://") && !r.body.contains("https://"),
            "{path} refers to an outside address"
        );
        assert!(!r.body.contains("<script"), "{path} needs no script");
        assert_eq!(r.headers["x-frame-options"], "DENY");
        assert!(
            r.headers["content-security-policy"]
                .to_str()
                .unwrap()
                .contains("default-src 'none'")
        );
        assert_eq!(r.headers["cache-control"], "no-store");
    }
    let css = t.get("/static/style.css", None).await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.body.contains("@media print"));
}

#[tokio::test]
async fn the_demo_cases_are_valid_facts_and_fictional() {
    let t = TestApp::new().await;
    let password = refuge_web::demo::load(t.db(), TODAY)
        .await
        .unwrap()
        .expect("a demo password");
    assert!(password.len() >= 10);
    let (demo, _) = t.db().user_by_name("demo").await.unwrap().unwrap();
    let cases = t.db().cases_for(&demo, &Default::default()).await.unwrap();
    assert_eq!(
        cases.len(),
        refuge_web::demo::cases(TODAY).len(),
        "every demo case is accepted by the engine"
    );
    assert!(cases.iter().all(|c| c.client_name.contains("fictional")));
    // The Spanish-speaking client's case, with her application's answers.
    let maria = cases
        .iter()
        .find(|c| c.client_name == refuge_web::demo::SPANISH)
        .expect("the Spanish demo case is loaded");
    assert_eq!(maria.client_language, "es", "her case is in her language");
    assert!(
        cases.iter().filter(|c| c.client_language == "en").count() == cases.len() - 1,
        "the other demo clients are English-speaking"
    );
    let application = t
        .db()
        .application(&maria.id)
        .await
        .unwrap()
        .expect("its application is saved");
    assert!(
        application
            .document
            .contains("\"native_language\":\"Spanish\""),
        "{}",
        application.document
    );
    assert!(
        refuge_web::demo::load(t.db(), TODAY)
            .await
            .unwrap()
            .is_none(),
        "loaded once"
    );
}

both! {
    async fn the_dashboard_pages_through_a_large_caseload_soonest_first(t) {
    let who = t.login("ana", Role::Attorney).await;
    for day in 1..=101 {
        let arrival = jiff::civil::date(2026, 1, 1)
            .checked_add(jiff::Span::new().days(day))
            .unwrap();
        t.case(
            &who,
            &format!("Client {day}"),
            &format!(r#"{{"arrivals": [{{"date": "{arrival}"}}]}}"#),
        )
        .await;
    }
    let first = t.get("/", Some(&who)).await.body;
    assert_eq!(first.matches("asylum.one_year").count(), 100);
    assert!(first.contains("Client 1<") && !first.contains("Client 101<"));
    assert!(first.contains("href=\"/?page=1\""));
    let second = t.get("/?page=1", Some(&who)).await.body;
    assert_eq!(second.matches("asylum.one_year").count(), 1);
    assert!(second.contains("Client 101<") && second.contains("href=\"/?page=0\""));
    }
}

#[test]
fn every_question_the_engine_asks_has_a_form_control() {
    use refuge_web::facts::form::{field_of, list_of};
    let skeletons = [
        "{}".to_string(),
        r#"{"applicant": {"location": "outside_us"}, "arrivals": [{}], "exceptions": [{}],
            "harms": [{"id": "h1"}, {"id": "h2", "kind": "detention", "actor": "non_state", "when": "past", "grounds": [{}, {"ground": "particular_social_group", "group": "g1"}]}],
            "groups": [{"id": "g1"}], "family": [{"id": "c1"}, {"id": "s1", "relation": "spouse"}, {"id": "c2", "relation": "child", "birth_date": "2020-01-01"}],
            "application": {"granted_on": "2026-01-05"}, "resettlement": {"offered_permanent_status": true}}"#.to_string(),
        // An earlier denial: whether it was found frivolous comes next.
        r#"{"applicant": {"location": "in_us"}, "application": {"previously_denied": true}}"#.to_string(),
        // Two nationalities; an aggravated felony with a short sentence.
        r#"{"applicant": {"nationality": ["SV", "MX"], "location": "in_us"},
            "conduct": {"aggravated_felony": true, "sentence_years": 2}}"#.to_string(),
        // At a southern port without an appointment, with a spouse: the lawful-pathways exceptions.
        r#"{"applicant": {"location": "in_us"},
            "arrivals": [{"date": "2024-01-10", "manner": "presented_without_documents", "border": "southwest_land",
                          "cbp_one_appointment": false, "protection_sought_in_transit": "none"}],
            "family": [{"id": "s1", "relation": "spouse"}]}"#.to_string(),
        // From Canada between ports, and paroled at the northern border: the Safe Third Country Agreement.
        r#"{"applicant": {"location": "in_us"},
            "arrivals": [{"date": "2024-01-10", "manner": "without_inspection", "border": "northern_land", "from_country": "CA"}]}"#.to_string(),
        r#"{"applicant": {"location": "in_us"}, "application": {"forum": "defensive"},
            "arrivals": [{"date": "2024-01-10", "manner": "paroled", "border": "northern_land", "from_country": "CA"}]}"#.to_string(),
    ];
    // The fact paths the amendments of December 2026 let the engine ask.
    let mut new_paths: std::collections::BTreeSet<&str> = [
        "removal.prior_order",
        "removal.reinstated",
        "removal.frivolous_finding",
        "conduct.drug_trafficking",
        "risk.fear_in_every_nationality",
        "family_unity",
        "application.forum",
        "arrivals[0].visa_or_admission_document",
        "arrivals[0].encountered_within_14_days",
        "arrivals[0].scheduling_system_unavailable",
    ]
    .into();
    // The facts documents at the top of examples/ (examples/application/ holds case documents).
    let examples = std::fs::read_dir(format!("{}/../../examples", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| std::fs::read_to_string(p).unwrap());
    let mut asked = 0;
    for facts in skeletons.into_iter().chain(examples) {
        let a = refuge_engine::assess_json(&facts, TODAY, refuge_engine::Law::embedded()).unwrap();
        for q in &a.questions {
            asked += 1;
            assert!(
                field_of(&q.fact).is_some() || list_of(&q.fact).is_some(),
                "no control answers {}",
                q.fact
            );
            new_paths.remove(q.fact.as_str());
        }
    }
    assert!(asked > 40, "only {asked} questions checked");
    assert!(new_paths.is_empty(), "never asked here: {new_paths:?}");
}

#[tokio::test]
async fn an_api_token_made_in_settings_is_shown_once_and_works() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Staff).await;
    let r = t
        .post("/settings/tokens", &who, &[("name", "my script")])
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let at = r.body.find("<code>rfg_").expect("the new token is shown") + 6;
    let token = r.body[at..].split('<').next().unwrap();
    assert_eq!(
        t.api("GET", "/api/v1/cases", Some(token), None)
            .await
            .status,
        StatusCode::OK
    );
    let settings = t.get("/settings", Some(&who)).await.body;
    assert!(
        settings.contains("my script") && !settings.contains(token),
        "listed, never shown again"
    );
    assert_eq!(
        t.post("/settings/tokens", &who, &[("name", "")])
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
}

#[tokio::test]
async fn a_per_case_feed_through_the_calendar_address_shows_only_that_case() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let one = t.case(&who, "One", ARRIVED).await;
    t.case(&who, "Two", r#"{"arrivals": [{"date": "2026-03-02"}]}"#)
        .await;
    let r = t
        .post("/settings/calendar", &who, &[("action", "new")])
        .await;
    let at = r.body.find("/calendar/cal_").unwrap();
    let token = r.body[at + 10..].split('/').next().unwrap().to_string();
    let feed = t
        .get(&format!("/calendar/{token}/cases/{}.ics", one.id), None)
        .await;
    assert_eq!(feed.status, StatusCode::OK);
    assert_eq!(feed.body.matches("BEGIN:VEVENT").count(), 1);
    assert!(feed.body.contains("DTSTART;VALUE=DATE:20270601"));
    let stranger = t.login("bob", Role::Attorney).await;
    let theirs = t.case(&stranger, "Three", ARRIVED).await;
    assert_eq!(
        t.get(&format!("/calendar/{token}/cases/{}.ics", theirs.id), None)
            .await
            .status,
        StatusCode::NOT_FOUND
    );
}

both! {
    async fn attorneys_archive_reopen_assign_and_unassign_and_each_is_audited(t) {
    let ana = t.login("ana", Role::Attorney).await;
    let bob = t.login("bob", Role::Staff).await;
    let case = t.case(&ana, "Client", ARRIVED).await;
    let base = format!("/cases/{}", case.id);
    assert_eq!(
        t.post(&format!("{base}/members"), &ana, &[("name", "bob")])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(t.get(&base, Some(&bob)).await.status, StatusCode::OK);
    assert_eq!(
        t.post(&format!("{base}/members"), &ana, &[("name", "nobody")])
            .await
            .status,
        StatusCode::BAD_REQUEST
    );
    let r = t
        .post(
            &format!("{base}/members/remove"),
            &ana,
            &[("user_id", &bob.user.id)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(t.get(&base, Some(&bob)).await.status, StatusCode::NOT_FOUND);

    t.post(&format!("{base}/archive"), &ana, &[("archived", "1")])
        .await;
    assert!(!t.get("/cases", Some(&ana)).await.body.contains("Client"));
    assert!(
        t.get("/cases?archived=1", Some(&ana))
            .await
            .body
            .contains("Client")
    );
    assert!(t.get(&base, Some(&ana)).await.body.contains("Reopen case"));
    t.post(&format!("{base}/archive"), &ana, &[("archived", "0")])
        .await;
    assert!(t.get("/cases", Some(&ana)).await.body.contains("Client"));

    let log = t.db().audit_log(None, 100).await.unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    for a in ["permission.assign", "permission.unassign", "case.archive"] {
        assert!(actions.contains(&a), "{a} not audited: {actions:?}");
    }
    }
}

both! {
    async fn an_admin_changes_a_role_and_cannot_lock_themself_out(t) {
    let admin = t.login("root", Role::Admin).await;
    let ana = t.login("ana", Role::Staff).await;
    let r = t
        .post(
            &format!("/admin/users/{}", ana.user.id),
            &admin,
            &[("role", "attorney"), ("active", "1")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        t.db().user_by_id(&ana.user.id).await.unwrap().unwrap().role,
        Role::Attorney
    );
    let entry = &t
        .db()
        .audit_log(Some(refuge_web::domain::AuditAction::PermissionRole), 1)
        .await
        .unwrap()[0];
    assert_eq!(entry.detail, "ana: staff → attorney");
    let r = t
        .post(
            &format!("/admin/users/{}", admin.user.id),
            &admin,
            &[("role", "staff"), ("active", "0")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        t.db()
            .user_by_id(&admin.user.id)
            .await
            .unwrap()
            .unwrap()
            .role,
        Role::Admin
    );
    let r = t
        .post(
            &format!("/admin/users/{}", ana.user.id),
            &admin,
            &[("role", "boss"), ("active", "1")],
        )
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
    }
}

both! {
    async fn an_admin_resets_a_forgotten_password_and_the_users_sessions_end(t) {
    let admin = t.login("root", Role::Admin).await;
    let ana = t.login("ana", Role::Staff).await;
    let change = |password: &'static str| {
        let (t, admin, id) = (&t, &admin, ana.user.id.clone());
        async move {
            t.post(
                &format!("/admin/users/{id}"),
                admin,
                &[("role", "staff"), ("active", "1"), ("password", password)],
            )
            .await
        }
    };
    // Ana has a calendar feed, whose address is a secret of its own.
    let feed = t.post("/settings/calendar", &ana, &[]).await.body;
    let at = feed.find("/calendar/cal_").unwrap();
    let token = feed[at + 10..].split('/').next().unwrap();
    let feed_url = format!("/calendar/{token}/deadlines.ics");
    assert_eq!(t.get(&feed_url, None).await.status, StatusCode::OK);
    let r = change("short").await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("at least 10 characters"));
    assert_eq!(
        change("a reset password").await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        t.get("/cases", Some(&ana)).await.location(),
        "/login?next=%2Fcases",
        "a reset ends the user's sessions"
    );
    // And whatever the old password could have made (issue 15): API tokens.
    assert_eq!(
        t.api("GET", "/api/v1/cases", Some(&ana.token), None).await.status,
        StatusCode::UNAUTHORIZED,
        "a reset revokes the user's API tokens"
    );
    assert_eq!(
        t.get(&feed_url, None).await.status,
        StatusCode::NOT_FOUND,
        "and the calendar feed's address"
    );
    assert_eq!(
        sign_in(t, "ana", "a reset password").await.status,
        StatusCode::SEE_OTHER
    );
    let entry = &t
        .db()
        .audit_log(Some(refuge_web::domain::AuditAction::PermissionPassword), 1)
        .await
        .unwrap()[0];
    assert_eq!(entry.detail, "ana: password reset by an administrator");
    }
}

#[tokio::test]
async fn a_user_changes_their_password_and_other_sessions_end() {
    let t = TestApp::new().await;
    let user = t
        .db()
        .add_user(
            "ana",
            &secret::hash_password("first password 1"),
            Role::Staff,
            &crate::test_audit(),
        )
        .await
        .unwrap();
    let here = t.session_for(user.clone(), "2999-01-01T00:00:00Z").await;
    let elsewhere = t.session_for(user, "2999-01-01T00:00:00Z").await;
    let r = t
        .post(
            "/settings/password",
            &here,
            &[("current", "wrong password"), ("new", "second password 2")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Current password: it is wrong."));
    let r = t
        .post(
            "/settings/password",
            &here,
            &[("current", "first password 1"), ("new", "short")],
        )
        .await;
    assert!(r.body.contains("at least 10 characters"));
    let r = t
        .post(
            "/settings/password",
            &here,
            &[
                ("current", "first password 1"),
                ("new", "second password 2"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Password changed"));
    assert_eq!(
        t.get("/cases", Some(&here)).await.status,
        StatusCode::OK,
        "this session goes on"
    );
    assert_eq!(
        t.get("/cases", Some(&elsewhere)).await.location(),
        "/login?next=%2Fcases",
        "the others end"
    );
    assert_eq!(
        sign_in(&t, "ana", "second password 2").await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        sign_in(&t, "ana", "first password 1").await.status,
        StatusCode::UNAUTHORIZED
    );
}

// The amendments of December 2026 in the workspace.

#[tokio::test]
async fn the_structured_form_saves_the_removal_history() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let case = t.case(&who, "Client", ARRIVED).await;
    let path = format!("/cases/{}/facts", case.id);
    let form = t.get(&path, Some(&who)).await.body;
    assert!(form.contains("<legend>Removal history</legend>"), "{form}");
    assert!(form.contains("href=\"#s-removal\""));
    for name in [
        "removal.in_proceedings",
        "removal.prior_order",
        "removal.reinstated",
        "removal.frivolous_finding",
        "arrivals[0].visa_or_admission_document",
        "arrivals[0].encountered_within_14_days",
        "arrivals[0].scheduling_system_unavailable",
        "conduct.drug_trafficking",
        "risk.fear_in_every_nationality",
        "family_unity",
    ] {
        assert!(
            form.contains(&format!("name=\"{name}\"")),
            "no control for {name}"
        );
    }
    // A fact's help is said under its control, and the control points to it.
    assert!(form.contains("aria-describedby=\"f-removal-reinstated-help\""));
    assert!(form.contains("<p class=\"field-help\" id=\"f-removal-reinstated-help\">"));

    let r = t
        .post(
            &path,
            &who,
            &[
                ("version", "1"),
                ("arrivals[0].date", "2026-06-01"),
                ("removal.in_proceedings", "true"),
                ("removal.prior_order", "true"),
                ("removal.reinstated", "false"),
                ("removal.frivolous_finding", ""),
                ("arrivals[0].encountered_within_14_days", "true"),
                ("arrivals[0].visa_or_admission_document", "false"),
                ("arrivals[0].scheduling_system_unavailable", ""),
                ("conduct.drug_trafficking", "false"),
                ("risk.fear_in_every_nationality", "true"),
                ("family_unity", "false"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let facts = t.facts(&who, &case.id).await;
    assert_eq!(
        facts["removal"],
        serde_json::json!({"in_proceedings": true, "prior_order": true, "reinstated": false})
    );
    assert_eq!(
        facts["arrivals"][0],
        serde_json::json!({"date": "2026-06-01", "encountered_within_14_days": true, "visa_or_admission_document": false})
    );
    assert_eq!(facts["conduct"]["drug_trafficking"], false);
    assert_eq!(facts["risk"]["fear_in_every_nationality"], true);
    assert_eq!(
        facts["family_unity"], false,
        "a fact at the top of the document"
    );
    // The form shows what was saved.
    let form = t.get(&path, Some(&who)).await.body;
    let control = &form[form.find("name=\"removal.prior_order\"").unwrap()..];
    let control = &control[..control.find("</select>").unwrap()];
    assert!(
        control.contains("<option value=\"true\" selected>"),
        "{control}"
    );
    let control = &form[form.find("name=\"family_unity\"").unwrap()..];
    let control = &control[..control.find("</select>").unwrap()];
    assert!(
        control.contains("<option value=\"false\" selected>"),
        "{control}"
    );
    // Clearing the whole removal history leaves no empty object behind.
    let r = t
        .post(
            &path,
            &who,
            &[
                ("version", "2"),
                ("removal.in_proceedings", ""),
                ("removal.prior_order", ""),
                ("removal.reinstated", ""),
                ("family_unity", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let facts = t.facts(&who, &case.id).await;
    assert!(
        facts.get("removal").is_none() && facts.get("family_unity").is_none(),
        "{facts}"
    );
}

#[tokio::test]
async fn the_interview_asks_and_saves_each_new_question() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Staff).await;
    let southern_port = r#"{"applicant": {"location": "in_us"},
        "arrivals": [{"date": "2024-01-10", "manner": "presented_without_documents", "border": "southwest_land",
                      "cbp_one_appointment": false, "protection_sought_in_transit": "none"}],
        "family": [{"id": "s1", "relation": "spouse"}]}"#;
    let northern_between_ports = r#"{"applicant": {"location": "in_us"},
        "arrivals": [{"date": "2024-01-10", "manner": "without_inspection", "border": "northern_land", "from_country": "CA"}]}"#;
    let northern_paroled = r#"{"applicant": {"location": "in_us"}, "application": {"forum": "defensive"},
        "arrivals": [{"date": "2024-01-10", "manner": "paroled", "border": "northern_land", "from_country": "CA"}]}"#;
    let dual_felon = r#"{"applicant": {"nationality": ["SV", "MX"], "location": "in_us"},
        "conduct": {"aggravated_felony": true, "sentence_years": 2}}"#;
    let with_order = r#"{"removal": {"prior_order": true}}"#;
    let denied = r#"{"application": {"previously_denied": true}}"#;
    for (facts, fact, answer) in [
        ("{}", "removal.prior_order", "false"),
        (with_order, "removal.reinstated", "true"),
        (denied, "removal.frivolous_finding", "false"),
        (dual_felon, "conduct.drug_trafficking", "true"),
        (dual_felon, "risk.fear_in_every_nationality", "false"),
        (southern_port, "family_unity", "true"),
        (
            southern_port,
            "arrivals[0].scheduling_system_unavailable",
            "true",
        ),
        (northern_between_ports, "application.forum", "affirmative"),
        (
            northern_between_ports,
            "arrivals[0].encountered_within_14_days",
            "false",
        ),
        (
            northern_paroled,
            "arrivals[0].visa_or_admission_document",
            "true",
        ),
    ] {
        let case = t.case(&who, fact, facts).await;
        let path = format!("/cases/{}/interview", case.id);
        // Skip to the question, as a paralegal would.
        let mut skip = 0;
        let mut page = t.get(&path, Some(&who)).await.body;
        while !page.contains(&format!("name=\"fact\" value=\"{fact}\"")) {
            assert!(page.contains("name=\"fact\""), "{fact} is never asked");
            skip += 1;
            page = t.get(&format!("{path}?skip={skip}"), Some(&who)).await.body;
        }
        // Its control: a choice that starts as "unknown".
        let at = page
            .find(&format!(" name=\"{fact}\""))
            .unwrap_or_else(|| panic!("{fact}: no control"));
        let tag = &page[page[..at].rfind('<').unwrap()..];
        assert!(tag.starts_with("<select id=\"f-"), "{fact}: {tag:.80}");
        assert!(
            tag[..tag.find("</select>").unwrap()].contains("<option value=\"\">unknown</option>"),
            "{fact}"
        );
        let r = t
            .answer(&who, &case.id, 1, fact, skip, &[(fact, answer)])
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{fact}: {}", r.body);
        let saved = t.facts(&who, &case.id).await;
        let stored = refuge_web::facts::form::get(&saved, fact).cloned();
        let expected = match answer {
            "true" => serde_json::json!(true),
            "false" => serde_json::json!(false),
            other => serde_json::json!(other),
        };
        assert_eq!(stored, Some(expected), "{fact} in {saved}");
    }
}

#[tokio::test]
async fn a_grant_before_the_filing_is_refused_at_the_grant_date() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let case = t.case(&who, "Client", ARRIVED).await;
    let path = format!("/cases/{}/facts", case.id);
    let r = t
        .post(
            &path,
            &who,
            &[
                ("version", "1"),
                ("arrivals[0].date", "2026-06-01"),
                ("application.filed_on", "2026-07-01"),
                ("application.granted_on", "2026-06-15"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body
            .contains("aria-invalid=\"true\" aria-describedby=\"f-application-granted_on-error\""),
        "{}",
        r.body
    );
    assert!(r.body.contains("is before application.filed_on 2026-07-01"));
    assert!(
        r.body.contains("value=\"2026-06-15\""),
        "the typed value is shown again"
    );
}

/// Facts of a case filed on 2025-05-20 and still pending: the annual fee of
/// its first anniversary (2026-05-20) is not shown paid.
const PENDING_SINCE_2025: &str = r#"{"applicant": {"location": "in_us"},
    "arrivals": [{"date": "2025-03-01", "manner": "admitted", "border": "air"}],
    "application": {"filed_on": "2025-05-20", "forum": "affirmative"}}"#;

#[tokio::test]
async fn a_granted_case_shows_asylum_granted_on_its_card() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let facts = PENDING_SINCE_2025.replace(
        r#""forum": "affirmative""#,
        r#""forum": "affirmative", "granted_on": "2026-09-01""#,
    );
    let case = t.case(&who, "Client", &facts).await;
    let page = t.get(&format!("/cases/{}", case.id), Some(&who)).await.body;
    let head = page.find(">Asylum</h3>").expect("an asylum card");
    let card = &page[page[..head].rfind("<article").unwrap()..];
    let card = &card[..card.find("</article>").unwrap()];
    assert!(card.contains("class=\"card r-granted\""), "{card}");
    assert!(
        card.contains("<span class=\"badge\">granted</span>"),
        "{card}"
    );
    assert!(card.contains("Asylum has been granted"), "{card}");
    // The other reliefs say why they are not assessed; the interview asks nothing of asylum.
    assert!(page.contains("Not assessed: asylum has been granted."));
    let interview = t
        .get(&format!("/cases/{}/interview", case.id), Some(&who))
        .await
        .body;
    assert!(interview.contains("No open questions"), "{interview}");
    // The report page too.
    let report = t
        .get(&format!("/cases/{}/report.html", case.id), Some(&who))
        .await
        .body;
    assert!(report.contains("class=\"card r-granted\""));
}

both! {
    async fn every_unpaid_annual_fee_is_among_the_dates_of_the_dashboard(t) {
    let who = t.login("ana", Role::Attorney).await;
    let case = t.case(&who, "Client Fee", PENDING_SINCE_2025).await;
    // The case page marks the unpaid anniversary overdue.
    let page = t.get(&format!("/cases/{}", case.id), Some(&who)).await.body;
    assert!(
        page.contains("<code>asylum.annual_fee.2026</code>"),
        "{page}"
    );
    // The dashboard lists it among every date, with the next fee still to come.
    let all = t.get("/?all=1", Some(&who)).await;
    assert_eq!(all.status, StatusCode::OK);
    assert!(
        all.body
            .contains("<code class=\"muted\">asylum.annual_fee.2026</code>"),
        "{}",
        all.body
    );
    assert!(
        all.body
            .contains("<code class=\"muted\">asylum.annual_fee</code>")
    );
    let row = &all.body[..all.body.find("asylum.annual_fee.2026").unwrap()];
    let row = &all.body[row.rfind("<tr").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(
        row.contains("<td data-label=\"Date\">May 20, 2026</td>") && row.contains("<td data-label=\"Status\">passed</td>"),
        "{row}"
    );
    // The default view lists the unpaid anniversary too, flagged overdue, and the next fee.
    let open = t.get("/", Some(&who)).await;
    assert_eq!(open.status, StatusCode::OK);
    let row = &open.body[..open.body.find("asylum.annual_fee.2026").unwrap()];
    let row = &open.body[row.rfind("<tr").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains("class=\"overdue\""), "{row}");
    assert!(
        open.body
            .contains("<code class=\"muted\">asylum.annual_fee</code>")
    );
    // And the case's calendar carries each fee as its own event.
    let ics = t
        .get(&format!("/cases/{}/calendar.ics", case.id), Some(&who))
        .await
        .body;
    assert!(
        ics.contains("-asylum.annual_fee.2026@refuge") && ics.contains("-asylum.annual_fee@refuge"),
        "{ics}"
    );
    }
}

both! {
    /// Issue 22, defect 1: an unfiled case whose one-year deadline has passed
    /// (engine status `passed`) must not disappear. It is exactly the date a
    /// practitioner must see, since an exception may still be argued.
    async fn a_passed_one_year_deadline_stays_on_the_dashboard_flagged_overdue(t) {
    let ana = t.login("ana", Role::Attorney).await;
    let bob = t.login("bob", Role::Staff).await;
    // Arrived 2024-03-04, nothing filed: the deadline 2025-03-04 has passed.
    let late = t
        .case(
            &ana,
            "Client Late",
            r#"{"arrivals": [{"date": "2024-03-04"}]}"#,
        )
        .await;
    let soon = t
        .case(
            &ana,
            "Client Soon",
            r#"{"arrivals": [{"date": "2026-01-10"}]}"#,
        )
        .await;
    for case in [&late, &soon] {
        let r = t
            .post(
                &format!("/cases/{}/members", case.id),
                &ana,
                &[("name", "bob")],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
    for who in [&ana, &bob] {
        let dash = t.get("/", Some(who)).await.body;
        assert!(!dash.contains("No dates yet"), "{dash}");
        // At the top (soonest first), flagged overdue.
        let first = dash.find("<tr class=").expect("a row");
        let row = &dash[first..];
        let row = &row[..row.find("</tr>").unwrap()];
        assert!(
            row.contains("Client Late") && row.contains("asylum.one_year"),
            "{row}"
        );
        assert!(
            row.contains("class=\"overdue\"") && row.contains("overdue</span>"),
            "{row}"
        );
        assert!(dash.find("Client Late").unwrap() < dash.find("Client Soon").unwrap());
    }
    // The case list gives it as the next deadline, and the filter keeps it.
    let list = t.get("/cases", Some(&bob)).await.body;
    assert!(list.contains("<td data-label=\"Next deadline\">March 4, 2025</td>"), "{list}");
    let due = t.get("/cases?due=30", Some(&bob)).await.body;
    assert!(due.contains("Client Late"), "{due}");
    // A first day that has passed (the work permit may be filed since
    // 2026-07-01) is open to act on, not overdue: listed only among all dates.
    t.case(
        &ana,
        "Client Filed",
        r#"{"arrivals": [{"date": "2026-01-10"}], "application": {"filed_on": "2026-02-01"}}"#,
    )
    .await;
    assert!(
        !t.get("/", Some(&ana))
            .await
            .body
            .contains("ead.earliest_filing")
    );
    assert!(
        t.get("/?all=1", Some(&ana))
            .await
            .body
            .contains("ead.earliest_filing")
    );
    }
}

both! {
    /// Issue 22, defect 3: answering "not reported" leaves the persecutor finding
    /// unknown, and the engine still asks about the authorities; the interview
    /// must move on rather than ask again, and must not make a version or an
    /// audit entry for an answer that changes nothing.
    async fn the_interview_moves_on_after_not_reported_and_saves_nothing_twice(t) {
    let who = t.login("ana", Role::Staff).await;
    let facts = r#"{"arrivals": [{"date": "2026-01-10"}], "harms": [{"id": "h1", "when": "past", "kind": "torture",
        "target": "applicant", "actor": "non_state", "grounds": [{"ground": "religion", "central": true}]}]}"#;
    let case = t.case(&who, "Client", facts).await;
    let path = format!("/cases/{}/interview", case.id);
    // Find the authorities question and answer it "not reported".
    let mut skip = 0;
    loop {
        let page = t.get(&format!("{path}?skip={skip}"), Some(&who)).await.body;
        assert!(
            !page.contains("No open questions"),
            "never asked about the authorities"
        );
        if page.contains("name=\"fact\" value=\"harms[h1].authorities\"") {
            break;
        }
        skip += 1;
    }
    let r = t
        .answer(
            &who,
            &case.id,
            1,
            "harms[h1].authorities",
            skip,
            &[("harms[h1].authorities", "not_reported")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let next = t.get(r.location(), Some(&who)).await.body;
    assert!(
        !next.contains("name=\"fact\" value=\"harms[h1].authorities\""),
        "the same question is asked again"
    );
    assert_eq!(
        t.facts(&who, &case.id).await["harms"][0]["authorities"],
        "not_reported"
    );
    // Answering it again, unchanged, makes no new version.
    let r = t
        .answer(
            &who,
            &case.id,
            2,
            "harms[h1].authorities",
            skip,
            &[("harms[h1].authorities", "not_reported")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let history = t
        .get(&format!("/cases/{}/history", case.id), Some(&who))
        .await
        .body;
    assert!(
        history.contains("Version 2") && !history.contains("Version 3"),
        "{history}"
    );
    }
}

/// Issue 22, defect 2: when the ground is a particular social group, the
/// interview's follow-up must let the user define the group in place; typing
/// a definition used to fail with `group "…" is not defined`.
#[tokio::test]
async fn the_interview_defines_a_social_group_in_place() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Staff).await;
    let facts = r#"{"arrivals": [{"date": "2026-01-10"}], "harms": [{"id": "h1", "when": "past", "kind": "torture",
        "target": "applicant", "actor": "government", "grounds": [{"ground": "particular_social_group", "central": true}]}]}"#;
    let case = t.case(&who, "Client", facts).await;
    let definition = "Honduran women who left abusive partners";
    let r = t
        .answer(
            &who,
            &case.id,
            1,
            "harms[h1].grounds[0].group",
            0,
            &[("harms[h1].grounds[0].group", definition)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let saved = t.facts(&who, &case.id).await;
    assert_eq!(saved["harms"][0]["grounds"][0]["group"], "g1");
    assert_eq!(saved["groups"][0]["id"], "g1");
    assert_eq!(saved["groups"][0]["definition"], definition);
    // The same definition again links the same group; an id links its group.
    let mut doc = saved.clone();
    refuge_web::facts::form::apply_form(
        &mut doc,
        &[(
            "harms[h1].grounds[1].group".to_string(),
            definition.to_string(),
        )],
    );
    assert_eq!(doc["groups"].as_array().unwrap().len(), 1);
    assert_eq!(doc["harms"][0]["grounds"][1]["group"], "g1");
    // The interview now asks what the group's cognizability turns on (among
    // the attorney's judgments, after the client's questions).
    let asked = interview_pages(&t, &who, &case.id)
        .await
        .iter()
        .any(|(fact, _)| fact.starts_with("groups[g1]"));
    assert!(asked, "the group's elements are asked");
}

#[tokio::test]
async fn the_audit_log_filter_offers_exactly_the_actions_that_are_recorded() {
    use refuge_web::domain::AuditAction;
    let t = TestApp::new().await;
    let admin = t.login("root", Role::Admin).await;
    let page = t.get("/admin/audit", Some(&admin)).await.body;
    let action_select = page
        .split("<select id=\"action\"")
        .nth(1)
        .and_then(|r| r.split("</select>").next())
        .unwrap();
    let offered: Vec<&str> = action_select
        .split("<option value=\"")
        .skip(2) // the text before the first option, and "all"
        .filter_map(|o| o.split('"').next())
        .collect();
    let codes: Vec<&str> = AuditAction::ALL.iter().map(|a| a.code()).collect();
    assert_eq!(offered, codes);
    assert!(
        !page.contains("api.assess"),
        "an action never recorded is not offered"
    );
    let r = t.get("/admin/audit?action=api.assess", Some(&admin)).await;
    assert_eq!(
        r.status,
        StatusCode::BAD_REQUEST,
        "an unknown action is refused, not shown as an empty log"
    );
}

/// Issue 22, defect 4: the printable report is styled under the site's own
/// content policy (no inline style, which the policy blocks: the site's
/// stylesheet instead), and names the case and the client.
#[tokio::test]
async fn the_printable_report_is_styled_and_names_the_case_and_the_client() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let case = t.case(&who, "Rosa Núñez", ARRIVED).await;
    let r = t
        .get(&format!("/cases/{}/report.html", case.id), Some(&who))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let csp = r.headers["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("style-src 'self'") && !csp.contains("unsafe-inline"));
    assert!(
        !r.body.contains("<style") && !r.body.contains(" style="),
        "an inline style would be blocked by the policy"
    );
    assert!(
        r.body
            .contains(r#"<link rel="stylesheet" href="/static/style.css">"#)
    );
    let css = t.get("/static/style.css", None).await.body;
    assert!(
        css.contains(refuge_report::STYLESHEET.lines().next().unwrap()),
        "the site's stylesheet carries the report's"
    );
    assert!(r.body.contains(&format!("Case {}", case.number)));
    assert!(r.body.contains("Rosa Núñez"));
    assert!(r.body.contains("<title>Case ") && r.body.contains(refuge_engine::NOTICE));
    assert!(
        r.body.contains("id=\"reliefs\""),
        "the engine's report sections"
    );
}

/// Issue 22, defect 8: saving facts and adding a user say what was done, in
/// words; archiving asks first, says what it did, and can be undone.
#[tokio::test]
async fn saves_are_confirmed_in_words_and_archiving_asks_first_and_can_be_undone() {
    let t = TestApp::new().await;
    let admin = t.login("root", Role::Admin).await;
    let case = t.case(&admin, "Client", ARRIVED).await;
    let r = t
        .post(
            &format!("/cases/{}/facts", case.id),
            &admin,
            &[("version", "1"), ("applicant.birth_date", "1990-01-01")],
        )
        .await;
    assert_eq!(r.location(), format!("/cases/{}?done=facts", case.id));
    assert!(!r.location().contains("1990"), "no value in the address");
    let page = t.get(r.location(), Some(&admin)).await.body;
    assert!(
        page.contains("Facts saved as version 2: Date of birth."),
        "{}",
        page.split("class=\"done\"").nth(1).unwrap_or(&page)
    );

    // Archiving: a disclosure that names the case, then a redirect that says what happened, with an undo.
    let page = t
        .get(&format!("/cases/{}", case.id), Some(&admin))
        .await
        .body;
    assert!(page.contains("<summary>Archive case…</summary>"));
    assert!(page.contains(&format!("Yes, archive case {}", case.number)));
    let r = t
        .post(
            &format!("/cases/{}/archive", case.id),
            &admin,
            &[("archived", "1")],
        )
        .await;
    let page = t.get(r.location(), Some(&admin)).await.body;
    assert!(page.contains("Case archived"));
    assert!(page.contains("Undo: reopen the case"));
    assert!(
        !t.get("/cases", Some(&admin))
            .await
            .body
            .contains(&case.number),
        "archived: out of the list"
    );
    let r = t
        .post(
            &format!("/cases/{}/archive", case.id),
            &admin,
            &[("archived", "0")],
        )
        .await;
    assert!(
        t.get(r.location(), Some(&admin))
            .await
            .body
            .contains("Case reopened")
    );
    assert!(
        t.get("/cases", Some(&admin))
            .await
            .body
            .contains(&case.number)
    );

    // Adding a user: the list says who was added, by id in the address, never by name.
    let r = t
        .post(
            "/admin/users",
            &admin,
            &[
                ("name", "paula"),
                ("password", "long enough password"),
                ("role", "staff"),
            ],
        )
        .await;
    assert!(r.location().starts_with("/admin/users?added=") && !r.location().contains("paula"));
    let page = t.get(r.location(), Some(&admin)).await.body;
    assert!(page.contains("User paula added as staff"));
}

/// Issue 22, defect 9: on a phone the deadline tables read as one block per
/// row (the browser test measures the width at 390 px): each table of dates
/// is marked to stack, and every cell names its column.
#[tokio::test]
async fn tables_of_dates_stack_on_a_phone_with_every_cell_named() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let case = t.case(&who, "Client", ARRIVED).await;
    for path in [format!("/cases/{}", case.id), "/".into(), "/cases".into()] {
        let page = t.get(&path, Some(&who)).await.body;
        let table = page
            .split("<table class=\"")
            .nth(1)
            .unwrap_or_else(|| panic!("{path}: a table"));
        assert!(table.split('"').next().unwrap().contains("stack"), "{path}");
        let body = table
            .split("<tbody>")
            .nth(1)
            .unwrap()
            .split("</tbody>")
            .next()
            .unwrap();
        assert!(body.contains("<td"), "{path}: rows");
        assert_eq!(
            body.matches("<td").count(),
            body.matches("data-label=\"").count(),
            "{path}: every cell names its column"
        );
    }
    let css = t.get("/static/style.css", None).await.body;
    assert!(
        css.contains("@media (max-width: 40rem)")
            && css.contains("table.stack td[data-label]::before")
    );
}

/// Issue 22, defect 5: two people save the same case's facts form from the
/// same version. The second save merges fact by fact: the first person's
/// change is kept (it was reverted before), and a fact both changed shows
/// both values and is saved only as the second person then chooses.
#[tokio::test]
async fn a_stale_facts_form_merges_fact_by_fact_and_shows_both_values_where_both_changed() {
    let t = TestApp::new().await;
    let a = t.login("ana", Role::Attorney).await;
    let b = t.login("bob", Role::Attorney).await;
    let case = t.case(&a, "Client", ARRIVED).await;
    t.post(
        &format!("/cases/{}/members", case.id),
        &a,
        &[("name", "bob")],
    )
    .await;
    let url = format!("/cases/{}/facts", case.id);
    // Both opened version 1, where birth date and nationality are empty; a
    // browser posts every field of the form, the untouched ones as shown.
    let r = t
        .post(
            &url,
            &a,
            &[
                ("version", "1"),
                ("applicant.birth_date", "1990-01-01"),
                ("applicant.nationality", ""),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let r = t
        .post(
            &url,
            &b,
            &[
                ("version", "1"),
                ("applicant.birth_date", ""),
                ("applicant.nationality", "HN"),
            ],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::SEE_OTHER,
        "no conflict: merged and saved"
    );
    let facts = t.facts(&a, &case.id).await;
    assert_eq!(
        facts["applicant"]["birth_date"], "1990-01-01",
        "ana's change is kept"
    );
    assert_eq!(
        facts["applicant"]["nationality"],
        serde_json::json!(["HN"]),
        "bob's change is saved"
    );

    // Now both change the birth date from version 3, to different values.
    t.post(
        &url,
        &a,
        &[
            ("version", "3"),
            ("applicant.birth_date", "1991-01-01"),
            ("applicant.nationality", "HN"),
        ],
    )
    .await;
    let r = t
        .post(
            &url,
            &b,
            &[
                ("version", "3"),
                ("applicant.birth_date", "1992-02-02"),
                ("applicant.nationality", "HN"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);
    assert!(r.body.contains("ana saved \u{201c}1991-01-01\u{201d} here meanwhile; you entered \u{201c}1992-02-02\u{201d}"), "{}", r.body);
    assert!(
        r.body.contains("name=\"version\" value=\"4\""),
        "the form is now on the newer version"
    );
    assert_eq!(
        t.facts(&a, &case.id).await["applicant"]["birth_date"],
        "1991-01-01",
        "nothing saved yet"
    );
    // Bob keeps his value: saved on version 4.
    let r = t
        .post(
            &url,
            &b,
            &[
                ("version", "4"),
                ("applicant.birth_date", "1992-02-02"),
                ("applicant.nationality", "HN"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        t.facts(&a, &case.id).await["applicant"]["birth_date"],
        "1992-02-02"
    );
}

/// Issue 22, defect 10: small errors with a way back. Signing in from a deep
/// link returns to it (never to another site); a used setup link says so;
/// the icon exists; colleagues are picked from a list, not typed.
#[tokio::test]
async fn sign_in_returns_to_the_page_asked_for_and_small_errors_say_what_to_do() {
    let t = TestApp::new().await;
    t.db()
        .add_user(
            "maria",
            &secret::hash_password("correct horse battery"),
            Role::Admin,
            &crate::test_audit(),
        )
        .await
        .unwrap();
    let maria = t.login("maria2", Role::Admin).await;
    let case = t.case(&maria, "Client", ARRIVED).await;
    let asked = format!("/cases/{}/history", case.id);
    let r = t.get(&asked, None).await;
    let login = r.location().to_string();
    assert_eq!(login, format!("/login?next={}", asked.replace('/', "%2F")));
    let form = t.get(&login, None).await;
    assert!(
        form.body
            .contains(&format!("name=\"next\" value=\"{asked}\"")),
        "{}",
        form.body
    );
    let cookie = pair(&set_cookie(&form, "refuge_form").unwrap());
    let csrf = csrf_of(&form.body);
    let sign_in_to = |next: String| {
        let (t, cookie, csrf) = (&t, cookie.clone(), csrf.clone());
        async move {
            let body = serde_urlencoded::to_string([
                ("csrf", csrf.as_str()),
                ("name", "maria"),
                ("password", "correct horse battery"),
                ("next", next.as_str()),
            ])
            .unwrap();
            t.post_raw("/login", Some(&cookie), &body).await
        }
    };
    assert_eq!(sign_in_to(asked.clone()).await.location(), asked);
    for elsewhere in ["https://example.org/", "//example.org/x", "/\\example.org"] {
        assert_eq!(
            sign_in_to(elsewhere.into()).await.location(),
            "/",
            "{elsewhere}"
        );
    }

    let used = t.get("/setup?token=setup_old", None).await;
    assert_eq!(used.status, StatusCode::NOT_FOUND);
    assert!(used.body.contains("already been used") && used.body.contains("/login"));

    let icon = t.get("/favicon.ico", None).await;
    assert_eq!(icon.status, StatusCode::PERMANENT_REDIRECT);
    let svg = t.get(icon.location(), None).await;
    assert_eq!(
        (svg.status, &svg.headers["content-type"]),
        (
            StatusCode::OK,
            &"image/svg+xml".parse::<axum::http::HeaderValue>().unwrap()
        )
    );

    t.login("colleague", Role::Staff).await;
    let page = t
        .get(&format!("/cases/{}", case.id), Some(&maria))
        .await
        .body;
    assert!(page.contains("<select id=\"member\" name=\"name\" required>"));
    assert!(page.contains("<option value=\"colleague\">colleague (staff)</option>"));
    assert!(
        !page.contains("<option value=\"maria2\">"),
        "already on the team"
    );
}

/// Issue 22, defect 12: signing in over plain HTTP to another machine, where
/// the browser keeps no secure cookie, says why and what to do, instead of
/// "this form has expired".
#[tokio::test]
async fn a_sign_in_without_the_forms_cookie_explains_https_or_localhost() {
    let t = TestApp::new().await;
    t.login("maria", Role::Admin).await;
    let form = t.get("/login", None).await;
    let body = serde_urlencoded::to_string([
        ("csrf", csrf_of(&form.body).as_str()),
        ("name", "maria"),
        ("password", "whatever it is"),
    ])
    .unwrap();
    let r = t.post_raw("/login", None, &body).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(
        r.body
            .contains("Your browser did not keep Refuge&#39;s cookie"),
        "{}",
        r.body
    );
    assert!(r.body.contains("HTTPS") && r.body.contains("127.0.0.1"));
    assert!(!r.body.contains("expired"));
}

/// Issue 22, defect 11: a double submit adds a note once; a note can be
/// edited and removed by its author (or whoever manages cases), each change a
/// new version, audited, and never by a colleague who did not write it.
#[tokio::test]
async fn notes_are_added_once_per_form_and_edited_or_removed_in_versions() {
    let t = TestApp::new().await;
    let ana = t.login("ana", Role::Attorney).await;
    let bob = t.login("bob", Role::Staff).await;
    let case = t.case(&ana, "Client", ARRIVED).await;
    t.post(
        &format!("/cases/{}/members", case.id),
        &ana,
        &[("name", "bob")],
    )
    .await;
    let page = t.get(&format!("/cases/{}", case.id), Some(&bob)).await.body;
    let key = page
        .split("name=\"submit_key\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("the note form carries its key")
        .to_string();
    let notes = format!("/cases/{}/notes", case.id);
    for _ in 0..2 {
        let r = t
            .post(
                &notes,
                &bob,
                &[("body", "Interpreter: Mam"), ("submit_key", &key)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
    }
    let stored = t.db().notes(&case.id).await.unwrap();
    assert_eq!(stored.len(), 1, "the same form twice adds one note");
    let note = &stored[0];
    let url = format!("/cases/{}/notes/{}", case.id, note.id);

    // Bob (staff, the author) edits his note; ana (attorney) may too; another staff member may not.
    let r = t
        .post(
            &url,
            &bob,
            &[
                ("version", "1"),
                ("body", "Interpreter: Mam (Todos Santos)"),
                ("action", "save"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let carla = t.login("carla", Role::Staff).await;
    t.post(
        &format!("/cases/{}/members", case.id),
        &ana,
        &[("name", "carla")],
    )
    .await;
    let r = t
        .post(
            &url,
            &carla,
            &[("version", "2"), ("body", "changed"), ("action", "save")],
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "not hers");
    let r = t
        .post(
            &url,
            &ana,
            &[("version", "1"), ("body", "stale"), ("action", "save")],
        )
        .await;
    assert_eq!(
        r.status,
        StatusCode::CONFLICT,
        "an edit of an older version is refused"
    );
    let r = t
        .post(&url, &ana, &[("version", "2"), ("action", "remove")])
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(
        t.db().notes(&case.id).await.unwrap().is_empty(),
        "removed from the page"
    );
    let versions = t.db().note_versions(&note.id).await.unwrap();
    assert_eq!(
        versions
            .iter()
            .map(|(v, body, removed, by, _)| (*v, body.as_str(), *removed, by.as_str()))
            .collect::<Vec<_>>(),
        [
            (1, "Interpreter: Mam", false, "bob"),
            (2, "Interpreter: Mam (Todos Santos)", false, "bob"),
            (3, "Interpreter: Mam (Todos Santos)", true, "ana"),
        ],
        "every version is kept"
    );
    let log: Vec<String> = t
        .db()
        .audit_log(None, 10)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert!(log.contains(&"note.edit".to_string()) && log.contains(&"note.delete".to_string()));
    assert_eq!(log.iter().filter(|a| *a == "note.add").count(), 1);
}

/// Issue 22, defect 13: the facts form reports every error at once, each at
/// its field (the engine stops at its first; the form asks it again without it).
#[tokio::test]
async fn the_facts_form_reports_every_error_at_once() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let case = t.case(&who, "Client", ARRIVED).await;
    let r = t
        .post(
            &format!("/cases/{}/facts", case.id),
            &who,
            &[
                ("version", "1"),
                ("applicant.birth_date", "2030-01-01"),
                ("application.filed_on", "2031-01-01"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let summary = r.body.split("role=\"alert\"").nth(1).unwrap_or(&r.body);
    assert!(
        summary.contains("Date of birth: 2030-01-01 is after as_of"),
        "{summary}"
    );
    assert!(
        summary.contains("2031-01-01 is after as_of"),
        "both errors in one answer: {summary}"
    );
    assert_eq!(
        r.body.matches("class=\"field-error\"").count(),
        2,
        "each at its field"
    );
    assert_eq!(
        t.facts(&who, &case.id).await["applicant"]["birth_date"],
        serde_json::Value::Null,
        "nothing saved"
    );
}

/// Issue 22, the case page redesigned: it answers first what to do next
/// (the date to act on with its days left, the questions that would settle
/// the most) and where the case stands (one line per relief, its reasons in
/// words), before the assessment in full; no machine id in that summary.
#[tokio::test]
async fn the_case_page_says_first_what_to_do_next_and_where_the_case_stands() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let case = t.case(&who, "Client", ARRIVED).await;
    let page = t.get(&format!("/cases/{}", case.id), Some(&who)).await.body;
    let glance = page
        .split("<section class=\"glance\"")
        .nth(1)
        .and_then(|g| g.split("</section>").next())
        .expect("the summary section");
    assert!(
        page.find("class=\"glance\"") < page.find("The assessment in full"),
        "the summary comes first"
    );
    assert!(glance.contains("What to do next") && glance.contains("Where the case stands"));
    assert!(
        glance.contains("One-year asylum filing deadline: 2027-06-01</strong>, in "),
        "{glance}"
    );
    let questions = glance
        .split("<ol class=\"top-questions\">")
        .nth(1)
        .unwrap()
        .split("</ol>")
        .next()
        .unwrap();
    assert_eq!(
        questions.matches("<li>").count(),
        3,
        "the three that settle the most"
    );
    for relief in [
        "Asylum",
        "Withholding of removal",
        "CAT deferral",
        "Refugee admission (abroad)",
    ] {
        assert!(
            glance.contains(&format!("<strong>{relief}</strong>: ")),
            "{relief}: {glance}"
        );
    }
    for id in ["asylum.", "withholding.", "refugee.", "cat."] {
        assert!(
            !glance.contains(id),
            "a machine id ({id}) in the summary: {glance}"
        );
    }
}

/// Issue 22: a day asked of the audit log is the admin's own day, in their
/// time zone, not a UTC day.
#[tokio::test]
async fn the_audit_logs_days_are_the_admins_days_in_their_time_zone() {
    let t = TestApp::new().await;
    let admin = t.login("root", Role::Admin).await;
    // A zone whose day now differs from the UTC day, whatever the hour.
    let now = jiff::Timestamp::now();
    let zone = if jiff::tz::TimeZone::UTC.to_datetime(now).hour() >= 10 {
        "Pacific/Kiritimati" // UTC+14: already tomorrow
    } else {
        "Pacific/Pago_Pago" // UTC-11: still yesterday
    };
    let r = t
        .post("/settings/time-zone", &admin, &[("time_zone", zone)])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    t.case(&admin, "First", ARRIVED).await;
    let local = jiff::tz::TimeZone::get(zone)
        .unwrap()
        .to_datetime(now)
        .date();
    let utc = jiff::tz::TimeZone::UTC.to_datetime(now).date();
    assert_ne!(local, utc);
    let rows = |page: &str| page.matches("<tr><td>").count();
    let all = t.get("/admin/audit", Some(&admin)).await.body;
    let mine = t
        .get(
            &format!("/admin/audit?from={local}&to={local}"),
            Some(&admin),
        )
        .await
        .body;
    assert!(rows(&all) > 0);
    assert_eq!(rows(&mine), rows(&all), "today, in {zone}");
    let utc_day = t
        .get(&format!("/admin/audit?from={utc}&to={utc}"), Some(&admin))
        .await
        .body;
    assert_eq!(rows(&utc_day), 0, "the UTC day is another day in {zone}");
}

/// Issue 22: the audit log is filtered by user, case and date as well as action.
#[tokio::test]
async fn the_audit_log_filters_by_user_case_and_date() {
    let t = TestApp::new().await;
    let admin = t.login("root", Role::Admin).await;
    let ana = t.login("ana", Role::Attorney).await;
    let first = t.case(&ana, "First", ARRIVED).await;
    let second = t.case(&ana, "Second", ARRIVED).await;
    t.get(&format!("/cases/{}", first.id), Some(&ana)).await;
    t.get(&format!("/cases/{}", second.id), Some(&admin)).await;
    let rows = |page: &str| page.matches("<tr><td>").count();
    let all = t.get("/admin/audit", Some(&admin)).await.body;
    let by_ana = t.get("/admin/audit?user=ana", Some(&admin)).await.body;
    assert!(rows(&by_ana) > 0 && rows(&by_ana) < rows(&all));
    assert!(!by_ana.contains("<td>root</td>"));
    let on_first = t
        .get(&format!("/admin/audit?case={}", first.number), Some(&admin))
        .await
        .body;
    assert!(on_first.contains(&format!(">{}</a>", first.number)));
    assert!(
        !on_first.contains(&format!(">{}</a>", second.number)),
        "only that case"
    );
    let today = &refuge_web::store::now()[..10];
    let today_only = t
        .get(
            &format!("/admin/audit?from={today}&to={today}"),
            Some(&admin),
        )
        .await
        .body;
    assert_eq!(rows(&today_only), rows(&all));
    let future = t
        .get("/admin/audit?from=2999-01-01", Some(&admin))
        .await
        .body;
    assert_eq!(rows(&future), 0);
    let bad = t.get("/admin/audit?from=yesterday", Some(&admin)).await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert!(
        bad.body.contains("From: &#34;yesterday&#34; is not a date"),
        "{}",
        bad.body
    );
}

/// Issue 22: the case list and every deadline export as CSV, with only the
/// cases the user sees, and each export is audited.
#[tokio::test]
async fn the_case_list_and_the_deadlines_export_as_csv_of_ones_own_cases() {
    let t = TestApp::new().await;
    let ana = t.login("ana", Role::Attorney).await;
    let bob = t.login("bob", Role::Attorney).await;
    let mine = t.case(&ana, "Núñez, Rosa", ARRIVED).await;
    t.case(&bob, "Someone Else", ARRIVED).await;
    let r = t.get("/cases.csv", Some(&ana)).await;
    assert_eq!(r.headers["content-type"], "text/csv; charset=utf-8");
    assert!(
        r.headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains("refuge-cases.csv")
    );
    let lines: Vec<&str> = r.body.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "case_number,client_name,next_deadline,archived,facts_version,last_change_utc"
    );
    assert_eq!(lines.len(), 2, "only her own case: {lines:?}");
    assert!(
        lines[1].starts_with(&format!("{},\"Núñez, Rosa\",2027-06-01,no,1,", mine.number)),
        "{}",
        lines[1]
    );
    let r = t.get("/deadlines.csv", Some(&ana)).await;
    let lines: Vec<&str> = r.body.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(
        lines[0],
        "date,days_left,case_number,client_name,what,deadline_id,status,kind"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("2027-06-01,")
                && l.contains(",asylum.one_year,upcoming,last_day")),
        "{lines:?}"
    );
    assert!(!r.body.contains("Someone Else"));
    let exports = t
        .db()
        .audit_log(Some(refuge_web::domain::AuditAction::CaseExport), 10)
        .await
        .unwrap();
    assert!(
        exports.iter().any(|e| e.detail == "case list (CSV)")
            && exports.iter().any(|e| e.detail == "deadlines (CSV)")
    );
}

/// Issue 15, high 1: a sign-in with an enormous name fills nothing: what
/// the audit log keeps of a name tried is as long as a user name can be, an
/// audit row's detail is bounded, and the limiter remembers a bounded number
/// of names and addresses.
#[tokio::test]
async fn an_enormous_sign_in_name_fills_neither_the_audit_log_nor_memory() {
    let t = TestApp::new().await;
    t.login("maria", Role::Admin).await;
    let huge = "x".repeat(900_000);
    for _ in 0..3 {
        let r = sign_in(&t, &huge, "wrong password").await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED);
        assert!(
            r.body.len() < 50_000,
            "the page does not echo it back whole"
        );
    }
    let failed = t
        .db()
        .audit_log(Some(refuge_web::domain::AuditAction::SignInFailed), 10)
        .await
        .unwrap();
    assert_eq!(failed.len(), 3);
    for e in &failed {
        assert!(
            e.detail.chars().count() < 200,
            "{} characters kept",
            e.detail.len()
        );
    }

    let limit = refuge_web::http::limit::RateLimit::default();
    for i in 0..25_000 {
        limit.failed("10.0.0.1", &format!("name-{i}"));
    }
    assert!(limit.remembered() <= refuge_web::http::limit::RateLimit::MAX_KEYS);
    assert_eq!(
        limit.delay("10.0.0.1", "anyone"),
        refuge_web::http::limit::RateLimit::MAX_DELAY,
        "the address itself is still counted: it is slowed down"
    );
}

/// Issue 15, low: text with a NUL or another control character is refused
/// with 422 and the field named (PostgreSQL answered 500), in forms and the
/// API; common passwords and one character repeated are refused.
#[tokio::test]
async fn control_characters_and_common_passwords_are_refused() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Admin).await;
    let case = t.case(&who, "Client", ARRIVED).await;
    let r = t
        .post(
            &format!("/cases/{}/notes", case.id),
            &who,
            &[("body", "a\0b")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("body: a control character"), "{}", r.body);
    assert!(t.db().notes(&case.id).await.unwrap().is_empty());
    let r = t.post("/cases/search", &who, &[("q", "x\0")]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let r = t
        .api(
            "POST",
            "/api/v1/cases",
            Some(&who.token),
            Some("{\"name\": \"a\\u0000b\"}"),
        )
        .await;
    assert_eq!(
        (r.status, r.json()["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("name"))
    );
    let long = format!(
        "{{\"name\": \"Client\", \"number\": \"{}\"}}",
        "9".repeat(65)
    );
    let r = t
        .api("POST", "/api/v1/cases", Some(&who.token), Some(&long))
        .await;
    assert_eq!(
        (r.status, r.json()["field"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("number"))
    );
    for weak in [
        "aaaaaaaaaa",
        "          ",
        "1234567890",
        "Password123",
        "abcdefghijk",
    ] {
        assert!(
            refuge_web::domain::user::check_new_password(weak).is_err(),
            "{weak:?}"
        );
    }
    assert!(refuge_web::domain::user::check_new_password("correct horse battery").is_ok());
}

/// Issue 15, low: reading a case's facts form, its history or its interview
/// is recorded in the audit log, as the case page is.
#[tokio::test]
async fn every_page_that_shows_a_cases_facts_is_audited() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let case = t.case(&who, "Client", ARRIVED).await;
    for (page, detail) in [
        ("facts", "facts form viewed"),
        ("history", "facts history viewed"),
        ("interview", "interview viewed"),
    ] {
        t.get(&format!("/cases/{}/{page}", case.id), Some(&who))
            .await;
        let last = &t
            .db()
            .audit_log(Some(refuge_web::domain::AuditAction::CaseView), 1)
            .await
            .unwrap()[0];
        assert_eq!(
            (last.detail.as_str(), last.user_name.as_deref()),
            (detail, Some("ana"))
        );
    }
}

/// Issue 15, medium 9: a lock-out no one can turn against a user. Wrong
/// passwords for a name lock that name out from that address only; from
/// elsewhere (the user's own device) it is only slowed down, and an office
/// behind one proxy is told apart by the proxy's X-Forwarded-For.
#[test]
fn failed_sign_ins_lock_only_their_address_and_name_and_slow_the_rest() {
    use refuge_web::http::limit::RateLimit;
    use std::time::Duration;
    let limit = RateLimit::default();
    for _ in 0..5 {
        limit.failed("203.0.113.9", "ana");
    }
    assert!(
        limit.locked("203.0.113.9", "ana"),
        "the guesser is locked out"
    );
    assert!(
        !limit.locked("198.51.100.7", "ana"),
        "ana, elsewhere, is not"
    );
    assert!(
        !limit.locked("203.0.113.9", "bob"),
        "nor is bob behind the same address"
    );
    assert_eq!(
        limit.delay("198.51.100.7", "ana"),
        Duration::ZERO,
        "not slowed yet at five"
    );
    for _ in 0..20 {
        limit.failed("192.0.2.1", "ana");
    }
    assert_eq!(
        limit.delay("198.51.100.7", "ana"),
        Duration::from_secs(5),
        "slowed by 250 ms a failure past five"
    );
    for _ in 0..100 {
        limit.failed("192.0.2.2", "ana");
    }
    assert_eq!(
        limit.delay("198.51.100.7", "ana"),
        RateLimit::MAX_DELAY,
        "never more than the bound"
    );
    limit.succeeded("198.51.100.7", "ana");
}

#[test]
fn behind_the_trusted_proxy_the_client_is_the_forwarded_address() {
    use axum::extract::ConnectInfo;
    use refuge_web::http::session::client_ip;
    let proxy: std::net::IpAddr = "10.0.0.2".parse().unwrap();
    let request = |peer: &str| {
        let mut req = axum::http::Request::builder()
            .header("x-forwarded-for", "198.51.100.7, 203.0.113.9")
            .body(())
            .unwrap();
        req.extensions_mut()
            .insert(ConnectInfo(std::net::SocketAddr::new(
                peer.parse().unwrap(),
                443,
            )));
        req.into_parts().0
    };
    assert_eq!(
        client_ip(&request("10.0.0.2"), Some(proxy)).as_deref(),
        Some("203.0.113.9"),
        "the address the proxy saw"
    );
    assert_eq!(
        client_ip(&request("10.0.0.3"), Some(proxy)).as_deref(),
        Some("10.0.0.3"),
        "from anyone else the header is not believed"
    );
    assert_eq!(
        client_ip(&request("10.0.0.2"), None).as_deref(),
        Some("10.0.0.2"),
        "without the setting, the peer"
    );
}

/// Issue 15, low: the calendar feed's address uses the configured public
/// address (`--public-url`, e.g. behind an HTTPS proxy), not always http://
/// and the Host header.
#[tokio::test]
async fn the_calendar_feed_address_uses_the_public_url() {
    let mut t = TestApp::new().await;
    t.state.public_url = Some("https://refuge.example.org".into());
    let who = t.login("ana", Role::Attorney).await;
    let r = t
        .post("/settings/calendar", &who, &[("action", "new")])
        .await;
    assert!(
        r.body.contains("https://refuge.example.org/calendar/cal_"),
        "{}",
        r.body
    );
    assert!(!r.body.contains("http://refuge"));
}

/// Issue 15, low: the audit log pages past its first entries, keeping the filter.
#[tokio::test]
async fn the_audit_log_pages_through_every_entry_keeping_its_filter() {
    let t = TestApp::new().await;
    let admin = t.login("root", Role::Admin).await;
    let case = t.case(&admin, "Client", ARRIVED).await;
    for _ in 0..250 {
        t.get(&format!("/cases/{}", case.id), Some(&admin)).await;
    }
    let first = t
        .get("/admin/audit?action=case.view", Some(&admin))
        .await
        .body;
    assert_eq!(first.matches("<tr><td>").count(), 200);
    let older = first
        .split("<a href=\"")
        .find(|r| r.contains("Older entries"))
        .and_then(|r| r.split('"').next())
        .expect("a link to older entries")
        .replace("&#38;", "&");
    assert!(
        older.contains("action=case.view") && older.contains("page=1"),
        "{older}"
    );
    let second = t.get(&older, Some(&admin)).await.body;
    assert_eq!(second.matches("<tr><td>").count(), 50);
    assert!(second.contains("Newer entries") && !second.contains("Older entries"));
}

/// Issue 15, low: an administrator revokes another user's API tokens and
/// calendar feed (a lost laptop), audited.
#[tokio::test]
async fn an_admin_revokes_another_users_tokens() {
    let t = TestApp::new().await;
    let admin = t.login("root", Role::Admin).await;
    let ana = t.login("ana", Role::Staff).await;
    assert_eq!(
        t.api("GET", "/api/v1/cases", Some(&ana.token), None)
            .await
            .status,
        StatusCode::OK
    );
    let r = t
        .post(
            &format!("/admin/users/{}", ana.user.id),
            &admin,
            &[
                ("role", "staff"),
                ("active", "1"),
                ("password", ""),
                ("revoke_tokens", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        t.api("GET", "/api/v1/cases", Some(&ana.token), None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        t.get("/cases", Some(&ana)).await.status,
        StatusCode::OK,
        "her sessions go on"
    );
    let entry = &t
        .db()
        .audit_log(Some(refuge_web::domain::AuditAction::PermissionToken), 1)
        .await
        .unwrap()[0];
    assert_eq!(
        entry.detail,
        "ana: API tokens and calendar feed revoked by an administrator"
    );
}

/// Issue 22, defect 14: a refused interview answer redirects (POST,
/// redirect, GET) to its question, the typed answer kept on the server
/// under an opaque key: the back button and a reload resubmit nothing, the
/// address carries nothing typed, and no one else reads the draft.
#[tokio::test]
async fn a_refused_answer_redirects_to_its_question_and_keeps_what_was_typed_off_the_address() {
    let t = TestApp::new().await;
    let ana = t.login("ana", Role::Admin).await;
    let bob = t.login("bob", Role::Admin).await;
    let case = t.case(&ana, "Client", ARRIVED).await;
    let body = serde_urlencoded::to_string([
        ("csrf", ana.csrf.as_str()),
        ("version", "1"),
        ("fact", "applicant.birth_date"),
        ("skip", "0"),
        ("action", "answer"),
        ("applicant.birth_date", "31/12/1990"),
    ])
    .unwrap();
    let r = t
        .post_raw(
            &format!("/cases/{}/interview", case.id),
            Some(&ana.cookie),
            &body,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let to = r.location().to_string();
    // The address is the question's, with the draft's random key and nothing
    // typed (the case's id and the key are random hex, which may contain any
    // digits, so the typed date is looked for in what else the address holds).
    let (page, key) = to
        .split_once("draft=")
        .expect("the draft's key is in the address");
    let rest = page.replace(&case.id.to_string(), "");
    assert!(
        key.len() == 32 && key.bytes().all(|b| b.is_ascii_hexdigit()),
        "{to}"
    );
    assert!(
        !rest.contains("1990") && !rest.contains("birth_date"),
        "{to}"
    );
    for _ in 0..2 {
        // Shown again, as often as the page is loaded: a GET, nothing resubmitted.
        let page = t.get(&to, Some(&ana)).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            page.body.contains("value=\"31/12/1990\""),
            "what was typed is kept"
        );
        assert!(
            page.body
                .contains("name=\"fact\" value=\"applicant.birth_date\"")
        );
    }
    let other = t.get(&to, Some(&bob)).await;
    assert_eq!(
        other.status,
        StatusCode::OK,
        "another user gets the plain interview"
    );
    assert!(
        !other.body.contains("31/12/1990"),
        "never someone else's draft"
    );
    assert_eq!(
        t.facts(&ana, &case.id).await["applicant"]["birth_date"],
        serde_json::Value::Null
    );

    // The facts form alike.
    let body = serde_urlencoded::to_string([
        ("csrf", ana.csrf.as_str()),
        ("version", "1"),
        ("applicant.birth_date", "31/12/1990"),
    ])
    .unwrap();
    let r = t
        .post_raw(
            &format!("/cases/{}/facts", case.id),
            Some(&ana.cookie),
            &body,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(
        r.location()
            .starts_with(&format!("/cases/{}/facts?draft=", case.id))
    );
    let page = t.get(r.location(), Some(&ana)).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.body.contains("31/12/1990") && page.body.contains("Nothing was saved"));

    // And a new case refused.
    let body = serde_urlencoded::to_string([
        ("csrf", ana.csrf.as_str()),
        ("client_name", "Rosa"),
        ("arrival", "yesterday"),
    ])
    .unwrap();
    let r = t.post_raw("/cases", Some(&ana.cookie), &body).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.location().starts_with("/cases/new?draft=") && !r.location().contains("Rosa"));
    let page = t.get(r.location(), Some(&ana)).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(page.body.contains("value=\"Rosa\"") && page.body.contains("Date of last arrival"));
    assert!(
        !t.get(r.location(), Some(&bob)).await.body.contains("Rosa"),
        "never someone else's"
    );
}

/// Issue 22: the interview shows real progress, the facts recorded out of
/// those recorded and still asked, not "question 1 of N".
#[tokio::test]
async fn the_interview_shows_the_facts_recorded_and_the_questions_still_open() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let case = t.case(&who, "Client", ARRIVED).await;
    let progress = |page: &str| -> (usize, usize) {
        let line = page.split("<p class=\"progress-line\">").nth(1).unwrap();
        let text = line.split("</progress>").nth(1).unwrap();
        let n = |s: &str| {
            s.trim()
                .split(' ')
                .next()
                .unwrap()
                .parse::<usize>()
                .unwrap()
        };
        (n(text), n(text.split("; ").nth(1).unwrap()))
    };
    let page = t
        .get(&format!("/cases/{}/interview", case.id), Some(&who))
        .await
        .body;
    let (recorded, open) = progress(&page);
    assert_eq!(recorded, 1, "the arrival date: {page}");
    assert!(open > 3);
    assert!(page.contains(&format!(
        "<progress value=\"{recorded}\" max=\"{}\"",
        recorded + open
    )));
    let fact = page
        .split("name=\"fact\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_string();
    let answer = if fact.ends_with("_date") || fact.ends_with("birth_date") {
        "1990-01-01"
    } else {
        "false"
    };
    t.answer(&who, &case.id, 1, &fact, 0, &[(fact.as_str(), answer)])
        .await;
    let after = t
        .get(&format!("/cases/{}/interview", case.id), Some(&who))
        .await
        .body;
    assert_eq!(
        progress(&after).0,
        recorded + 1,
        "one more fact recorded after {fact}"
    );
}

/// Issue 22: numbers and dates use the inputs that suit them, with the
/// engine's own bounds.
#[tokio::test]
async fn numbers_and_dates_use_their_own_inputs_within_the_engines_bounds() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let case = t.case(&who, "Client", ARRIVED).await;
    let form = t
        .get(&format!("/cases/{}/facts", case.id), Some(&who))
        .await
        .body;
    assert!(form.contains(
        "name=\"application.clock_stopped_days\" type=\"number\" min=\"0\" max=\"36525\" step=\"1\""
    ));
    assert!(form.contains(
        "name=\"conduct.sentence_years\" type=\"number\" min=\"0\" max=\"200\" step=\"any\""
    ));
    assert!(form.contains(
        "name=\"applicant.birth_date\" type=\"date\" min=\"1800-01-01\" max=\"2200-12-31\""
    ));
}

/// Issue 22: a country is picked by name and stored as its code.
#[tokio::test]
async fn a_country_is_picked_by_name_and_stored_as_its_code() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let case = t.case(&who, "Client", ARRIVED).await;
    let form = t
        .get(&format!("/cases/{}/facts", case.id), Some(&who))
        .await
        .body;
    assert!(form.contains(
        "name=\"applicant.current_country\" type=\"text\" list=\"country-names\" autocomplete=\"off\""
    ));
    assert!(form.contains("<option value=\"El Salvador\" label=\"SV\">"));
    assert!(form.contains("<option value=\"Honduras\" label=\"HN\">"));
    assert_eq!(form.matches("<datalist id=\"country-names\">").count(), 1);
    for (typed, version) in [("El Salvador", "1"), ("sv", "2")] {
        let r = t
            .post(
                &format!("/cases/{}/facts", case.id),
                &who,
                &[("version", version), ("applicant.current_country", typed)],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{typed}");
        assert_eq!(
            t.facts(&who, &case.id).await["applicant"]["current_country"],
            "SV"
        );
    }
    let form = t
        .get(&format!("/cases/{}/facts", case.id), Some(&who))
        .await
        .body;
    assert!(
        form.contains("name=\"applicant.current_country\" type=\"text\" list=\"country-names\" autocomplete=\"off\" value=\"El Salvador\""),
        "shown by its name"
    );
}

/// Issue 22: fields of several countries (nationalities, the countries
/// passed through) take names, stored as codes and shown by name again; an
/// unknown name is refused with the name in the error, at its field.
/// Issue 19: for a Spanish-speaking user, by their Spanish names, and a
/// name is read in either language.
#[tokio::test]
async fn several_countries_are_picked_by_name_in_either_language_stored_as_codes_and_an_unknown_one_is_named()
 {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let case = t.case(&who, "Client", ARRIVED).await;
    let path = format!("/cases/{}/facts", case.id);
    let r = t
        .post(
            &path,
            &who,
            &[
                ("version", "1"),
                ("applicant.nationality", "Honduras, el salvador"),
                ("arrivals[0].transit_countries", "Guatemala; Mexico"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let facts = t.facts(&who, &case.id).await;
    assert_eq!(
        facts["applicant"]["nationality"],
        serde_json::json!(["HN", "SV"])
    );
    assert_eq!(
        facts["arrivals"][0]["transit_countries"],
        serde_json::json!(["GT", "MX"])
    );
    let form = t.get(&path, Some(&who)).await.body;
    assert!(
        form.contains(
            "name=\"applicant.nationality\" type=\"text\" value=\"Honduras, El Salvador\""
        )
    );
    assert!(form.contains("value=\"Guatemala, Mexico\""));
    assert!(form.contains("by name (El Salvador, Mexico) or two-letter code"));
    let r = t
        .post(
            &path,
            &who,
            &[
                ("version", "2"),
                ("arrivals[0].transit_countries", "Guatemala, Narnia"),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        r.body.contains(
            "&#34;Narnia&#34; is not a country: give a name (El Salvador) or a two-letter code (SV)"
        ),
        "{}",
        r.body
    );
    assert!(
        r.body.contains("value=\"Guatemala, Narnia\""),
        "kept as typed"
    );
    assert_eq!(
        t.facts(&who, &case.id).await["arrivals"][0]["transit_countries"],
        serde_json::json!(["GT", "MX"])
    );

    t.post("/settings/language", &who, &[("language", "es")])
        .await;
    let r = t
        .post(
            &path,
            &who,
            &[
                ("version", "2"),
                (
                    "arrivals[0].transit_countries",
                    "Guatemala, México, Germany; Alemania",
                ),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        t.facts(&who, &case.id).await["arrivals"][0]["transit_countries"],
        serde_json::json!(["GT", "MX", "DE", "DE"])
    );
    crate::reads(
        &t.get(&path, Some(&who)).await.body,
        &[
            "<option value=\"México\" label=\"MX\">",
            "value=\"Honduras, El Salvador\"",
            "value=\"Guatemala, México, Alemania, Alemania\"",
        ],
        &["<option value=\"Mexico\"", "Guatemala, Mexico"],
    );
}

/// Issue 22: a question for the attorney's judgment (whether harm rises to
/// persecution) is marked as such, apart from the questions for the client.
#[tokio::test]
async fn a_question_for_the_attorneys_judgment_is_marked_as_such() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let facts = r#"{"arrivals": [{"date": "2026-06-01"}], "harms": [{"id": "h1", "when": "past", "kind": "serious_physical_harm"}]}"#;
    let case = t.case(&who, "Client", facts).await;
    let mut seen = (false, false);
    for (fact, page) in interview_pages(&t, &who, &case.id).await {
        let marked = page.contains("For the attorney's judgment");
        assert_eq!(
            marked,
            refuge_web::facts::form::is_judgment(&fact),
            "{fact}"
        );
        if marked { seen.0 = true } else { seen.1 = true }
    }
    assert!(seen.0 && seen.1, "both kinds asked: {seen:?}");
}

/// Issue 22: a ground's group is picked among the groups defined (by id,
/// shown with its definition), or a definition typed for a new one.
#[tokio::test]
async fn a_grounds_group_is_picked_among_the_groups_defined() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let facts = r#"{"groups": [{"id": "g1", "definition": "Former members of the <police>"}],
        "harms": [{"id": "h1", "when": "past", "grounds": [{"ground": "particular_social_group"}]}]}"#;
    let case = t.case(&who, "Client", facts).await;
    let form = t
        .get(&format!("/cases/{}/facts", case.id), Some(&who))
        .await
        .body;
    assert!(
        form.contains("name=\"harms[h1].grounds[0].group\" type=\"text\" list=\"group-ids\""),
        "the ground's group field"
    );
    assert!(form.contains("<datalist id=\"group-ids\"><option value=\"g1\" label=\"Former members of the &lt;police&gt;\">"));
}

/// Issue 22: the interview asks a follow-up only after its premise: the
/// sentence after the aggravated felony, the Canada agreement's exceptions
/// after the border crossed.
#[tokio::test]
async fn the_interview_asks_a_follow_up_after_its_premise() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let case = t.case(&who, "Client", r#"{"arrivals": [{"date": "2026-06-01", "manner": "without_inspection"}], "conduct": {}}"#).await;
    let order: Vec<String> = interview_pages(&t, &who, &case.id)
        .await
        .into_iter()
        .map(|(fact, _)| fact)
        .collect();
    let at = |f: &str| order.iter().position(|x| x == f);
    for (premise, follow_up) in [
        (
            "arrivals[0].border",
            "arrivals[0].encountered_within_14_days",
        ),
        (
            "arrivals[0].border",
            "arrivals[0].visa_or_admission_document",
        ),
        ("conduct.aggravated_felony", "conduct.sentence_years"),
    ] {
        if let (Some(p), Some(f)) = (at(premise), at(follow_up)) {
            assert!(
                p < f,
                "{premise} (#{p}) before {follow_up} (#{f}): {order:?}"
            );
        }
    }
    assert!(at("arrivals[0].border").is_some(), "{order:?}");
    // In the order of an intake: who and where, the story, then the bars
    // (the attorney's judgments apart, after them).
    use refuge_web::facts::form::{intake_stage, is_judgment};
    let stages: Vec<u8> = order
        .iter()
        .filter(|f| {
            !is_judgment(f)
                && !f.ends_with("sentence_years")
                && !f.ends_with("encountered_within_14_days")
                && !f.ends_with("visa_or_admission_document")
        })
        .map(|f| intake_stage(f))
        .collect();
    assert!(stages.windows(2).all(|w| w[0] <= w[1]), "{order:?}");
    assert_eq!(intake_stage(&order[0]), 0, "who and where first: {order:?}");
}

/// Found by the browser test: a harm recorded before its kind is known was
/// asked about as "the the harm the applicant suffered".
#[tokio::test]
async fn the_interview_names_a_harm_of_unknown_kind_in_plain_words() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Staff).await;
    let facts = r#"{"arrivals": [{"date": "2026-01-10"}], "harms": [{"id": "h1", "when": "past",
        "target": "applicant", "actor": "government"}]}"#;
    let case = t.case(&who, "Client", facts).await;
    let pages = interview_pages(&t, &who, &case.id).await;
    for (_, page) in &pages {
        assert!(!page.contains("the the "), "{page}");
    }
    let (_, page) = pages
        .iter()
        .find(|(fact, _)| fact == "harms[h1].grounds")
        .expect("the grounds of harm h1 are asked");
    assert!(
        page.contains("target the applicant in the harm the applicant suffered (harm h1):"),
        "{page}"
    );
}

/// Issue 22: the case search finds words in a case's notes too, only among
/// the cases the user sees, and not in a removed note.
#[tokio::test]
async fn the_case_search_finds_words_in_notes() {
    let t = TestApp::new().await;
    let ana = t.login("ana", Role::Attorney).await;
    let bob = t.login("bob", Role::Attorney).await;
    let mine = t.case(&ana, "Rosa Example", ARRIVED).await;
    let theirs = t.case(&bob, "Someone Else", ARRIVED).await;
    for (who, case) in [(&ana, &mine), (&bob, &theirs)] {
        t.post(
            &format!("/cases/{}/notes", case.id),
            who,
            &[("body", "Interpreter: Mam (Todos Santos)")],
        )
        .await;
    }
    let found = t
        .post("/cases/search", &ana, &[("q", "todos santos")])
        .await
        .body;
    assert!(
        found.contains("Rosa Example") && !found.contains("Someone Else"),
        "{found}"
    );
    let note = &t.db().notes(&mine.id).await.unwrap()[0];
    t.post(
        &format!("/cases/{}/notes/{}", mine.id, note.id),
        &ana,
        &[("version", "1"), ("action", "remove")],
    )
    .await;
    let found = t
        .post("/cases/search", &ana, &[("q", "todos santos")])
        .await
        .body;
    assert!(
        found.contains("No cases found"),
        "a removed note is not searched"
    );
}

/// Issue 22: a calendar feed reminds of a date still ahead 30 days, a week
/// and a day before, and the reminders are configurable.
#[tokio::test]
async fn a_calendar_feed_reminds_30_7_and_1_day_before_and_is_configurable() {
    let mut t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let case = t.case(&who, "Client", ARRIVED).await;
    let ics = t
        .get(&format!("/cases/{}/calendar.ics", case.id), Some(&who))
        .await
        .body;
    let event = ics
        .split("BEGIN:VEVENT")
        .find(|e| e.contains("asylum.one_year"))
        .unwrap();
    for trigger in ["TRIGGER:-P30D", "TRIGGER:-P7D", "TRIGGER:-P1D"] {
        assert!(event.contains(trigger), "{trigger}: {event}");
    }
    assert!(event.contains("Tomorrow: One-year"));
    t.state.reminder_days = vec![14];
    let ics = t
        .get(&format!("/cases/{}/calendar.ics", case.id), Some(&who))
        .await
        .body;
    assert_eq!(
        ics.matches("BEGIN:VALARM").count(),
        ics.matches("TRIGGER:-P14D").count()
    );
    assert!(!ics.contains("TRIGGER:-P30D"));
}

/// Issue 22: a task on a case, for someone on its team, by a day, made from
/// one of the case's dates or questions; it is on the assignee's dashboard
/// until done, and each step is audited.
#[tokio::test]
async fn a_task_goes_to_its_assignees_dashboard_until_it_is_done() {
    let t = TestApp::new().await;
    let ana = t.login("ana", Role::Attorney).await;
    let bob = t.login("bob", Role::Staff).await;
    let case = t.case(&ana, "Client", ARRIVED).await;
    t.post(
        &format!("/cases/{}/members", case.id),
        &ana,
        &[("name", "bob")],
    )
    .await;
    let page = t.get(&format!("/cases/{}", case.id), Some(&ana)).await.body;
    assert!(
        page.contains("<option value=\"Act before 2027-06-01: One-year"),
        "made from a deadline"
    );
    assert!(
        page.contains("<option value=\"Ask the client: "),
        "or a question"
    );
    let r = t
        .add_task(
            &ana,
            &case,
            "Act before 2027-06-01: One-year asylum filing deadline",
            "2027-05-01",
            &bob.user,
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let dash = t.get("/", Some(&bob)).await.body;
    assert!(
        dash.contains("My tasks")
            && dash.contains("Act before 2027-06-01: One-year asylum filing deadline"),
        "{dash}"
    );
    assert!(
        !t.get("/", Some(&ana)).await.body.contains("My tasks"),
        "not ana's"
    );
    // Only someone on the team.
    let carla = t.login("carla", Role::Staff).await;
    let r = t
        .add_task(&ana, &case, "x", "2027-05-01", &carla.user)
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let task = &t.db().case_tasks(&case.id).await.unwrap()[0];
    let r = t
        .post(
            &format!("/cases/{}/tasks/{}", case.id, task.id),
            &bob,
            &[("done", "1")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(
        !t.get("/", Some(&bob)).await.body.contains("My tasks"),
        "done: off the dashboard"
    );
    let log: Vec<String> = t
        .db()
        .audit_log(None, 20)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    assert!(log.contains(&"task.add".to_string()) && log.contains(&"task.done".to_string()));
}

/// Issue 22: a user's own open tasks are in their calendar feed, as "a task
/// is due" on the case's number, never the task's text (which may name the
/// client: calendars never carry names).
#[tokio::test]
async fn open_tasks_are_in_the_users_calendar_feed_without_their_text() {
    let t = TestApp::new().await;
    let ana = t.login("ana", Role::Attorney).await;
    let case = t.case(&ana, "Rosa Núñez", ARRIVED).await;
    t.add_task(&ana, &case, "Call Rosa Núñez", "2027-02-03", &ana.user)
        .await;
    let r = t
        .post("/settings/calendar", &ana, &[("action", "new")])
        .await;
    let at = r.body.find("/calendar/cal_").unwrap();
    let url = r.body[at..].split(['<', '"']).next().unwrap().to_string();
    let ics = t.get(&url, None).await.body;
    let event = ics
        .split("BEGIN:VEVENT")
        .find(|e| e.contains("task."))
        .expect("the task's event");
    assert!(event.contains("DTSTART;VALUE=DATE:20270203"));
    assert!(event.contains(&format!("case {}", case.number)));
    assert!(
        !ics.contains("Rosa") && !ics.contains("Call"),
        "no client's name, no task text"
    );
}

/// Issue 22: a harm has a narrative, in the client's words, on the facts
/// form and in the interview; a feared harm is not asked "days detained".
#[tokio::test]
async fn a_harm_has_a_narrative_and_a_feared_harm_does_not_ask_days_detained() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let facts = r#"{"arrivals": [{"date": "2026-06-01"}], "harms": [
        {"id": "h1", "when": "past", "kind": "detention", "actor": "government"},
        {"id": "h2", "when": "feared", "kind": "death_threat", "actor": "non_state"}]}"#;
    let case = t.case(&who, "Client", facts).await;
    let path = format!("/cases/{}/facts", case.id);
    let form = t.get(&path, Some(&who)).await.body;
    assert!(form.contains("<textarea id=\"f-harms-h2--narrative\" name=\"harms[h2].narrative\""));
    assert!(
        form.contains("name=\"harms[h1].detention_days\""),
        "a past detention"
    );
    assert!(
        !form.contains("name=\"harms[h2].detention_days\""),
        "a feared harm is not asked days detained"
    );
    let words = "They said they would come back <for me>.\nMy brother saw it.";
    let r = t
        .post(
            &path,
            &who,
            &[("version", "1"), ("harms[h2].narrative", words)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let stored = t.facts(&who, &case.id).await;
    assert_eq!(stored["harms"][1]["narrative"], words);
    assert!(
        stored["harms"][1].get("detention_days").is_none(),
        "{stored}"
    );
    // The interview shows the client's account beside a question on that harm.
    let pages = interview_pages(&t, &who, &case.id).await;
    let (fact, page) = pages
        .iter()
        .find(|(fact, _)| fact.starts_with("harms[h2]"))
        .expect("a question on harm h2");
    assert!(
        page.contains("In the client's words (harm h2)")
            && page.contains("They said they would come back &#60;for me&#62;."),
        "{fact}: {page}"
    );
    // A first harm asked in the interview takes its narrative, and not the
    // days of a detention before it is known to have happened.
    let empty = t.case(&who, "Other", "{}").await;
    let pages = interview_pages(&t, &who, &empty.id).await;
    let (_, page) = pages
        .iter()
        .find(|(fact, _)| fact == "harms")
        .expect("the harms are asked");
    assert!(page.contains("name=\"harms[new].narrative\""), "{page}");
    assert!(!page.contains("detention_days"), "{page}");
    let r = t
        .answer(
            &who,
            &empty.id,
            1,
            "harms",
            0,
            &[
                ("harms[new].when", "feared"),
                ("harms[new].narrative", "The gang wrote to her."),
            ],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert_eq!(
        t.facts(&who, &empty.id).await["harms"],
        serde_json::json!([{"id": "h1", "when": "feared", "narrative": "The gang wrote to her."}])
    );
}

/// Issue 22: the interview keeps the questions for the attorney's judgment
/// (whether harm rises to persecution, a group's particularity and social
/// distinction) apart from the client's, after them, and marks them.
#[tokio::test]
async fn the_interview_asks_the_attorneys_judgments_apart_after_the_clients_questions() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let facts = r#"{"arrivals": [{"date": "2026-06-01"}],
        "groups": [{"id": "g1", "definition": "Women who left their partners"}],
        "harms": [{"id": "h1", "when": "past", "kind": "threat", "target": "applicant",
            "grounds": [{"ground": "particular_social_group", "group": "g1"}]}]}"#;
    let case = t.case(&who, "Client", facts).await;
    let pages = interview_pages(&t, &who, &case.id).await;
    let judged: Vec<bool> = pages
        .iter()
        .map(|(fact, _)| refuge_web::facts::form::is_judgment(fact))
        .collect();
    let first = judged.iter().position(|j| *j).expect("a judgment is asked");
    assert!(first > 0, "the client's questions come first");
    assert!(
        judged[first..].iter().all(|j| *j),
        "no question for the client after the judgments: {:?}",
        pages.iter().map(|p| &p.0).collect::<Vec<_>>()
    );
    let judgments: Vec<&str> = pages[first..].iter().map(|p| p.0.as_str()).collect();
    for fact in [
        "harms[h1].severe",
        "groups[g1].particular",
        "groups[g1].socially_distinct",
    ] {
        assert!(judgments.contains(&fact), "{fact} in {judgments:?}");
    }
    let count = judgments.len().to_string();
    for (fact, page) in &pages {
        let attorney = page.contains("For the attorney: judgments")
            && page.contains("For the attorney's judgment</strong>, not a question for the client");
        let client = page.contains(">For the client</h2>");
        assert!(
            attorney != client && attorney == refuge_web::facts::form::is_judgment(fact),
            "{fact}"
        );
        assert!(
            page.contains(&format!("then {count} for the attorney's judgment")),
            "{fact}: the progress line counts them"
        );
    }
    // The facts form marks the same facts.
    let form = t
        .get(&format!("/cases/{}/facts", case.id), Some(&who))
        .await
        .body;
    for label in [
        "Rises to persecution (your judgment)",
        "Particular: clear boundaries (your judgment)",
        "Socially distinct in the society (your judgment)",
    ] {
        assert!(form.contains(label), "{label}");
    }
}

/// Issue 22: the case search finds words in the facts' free text (a harm's
/// narrative, a group's definition) under the same rule as the rest: only
/// among the cases the user may see, the words never in an address.
#[tokio::test]
async fn the_case_search_finds_words_in_the_facts_free_text_of_ones_own_cases_only() {
    let t = TestApp::new().await;
    let ana = t.login("ana", Role::Attorney).await;
    let bob = t.login("bob", Role::Attorney).await;
    let root = t.login("root", Role::Admin).await;
    let facts = r#"{"groups": [{"id": "g1", "definition": "Garífuna women of La Ceiba"}],
        "harms": [{"id": "h1", "when": "past", "narrative": "The MARAS burned the bakery in Tela."}]}"#;
    t.case(&ana, "Rosa Example", facts).await;
    t.case(&bob, "Someone Else", facts).await;
    t.case(&ana, "Unrelated Client", ARRIVED).await;
    let search = |who, q: &'static str| {
        let t = &t;
        async move { t.post("/cases/search", who, &[("q", q)]).await }
    };
    for q in ["bakery in tela", "GARÍFUNA WOMEN", "maras"] {
        let r = search(&ana, q).await;
        assert_eq!(
            r.status,
            StatusCode::OK,
            "a page, not a redirect to an address with the words"
        );
        assert!(
            r.body.contains("Rosa Example")
                && !r.body.contains("Someone Else")
                && !r.body.contains("Unrelated Client"),
            "{q}: {}",
            r.body
        );
    }
    let all = search(&root, "bakery").await.body;
    assert!(all.contains("Rosa Example") && all.contains("Someone Else"));
    // Only free text: not a fact's name, an id or a coded value.
    for q in ["narrative", "definition", "g1", "past"] {
        assert!(search(&ana, q).await.body.contains("No cases found"), "{q}");
    }
    // What the facts now say is searched, not what they said.
    let case = t
        .case(
            &ana,
            "Later Client",
            r#"{"harms": [{"id": "h1", "narrative": "a threat by letter"}]}"#,
        )
        .await;
    t.api(
        "PUT",
        &format!("/api/v1/cases/{}/facts", case.id),
        Some(&ana.token),
        Some(r#"{"harms": [{"id": "h1", "narrative": "a threat by telephone"}]}"#),
    )
    .await;
    assert!(
        search(&ana, "telephone")
            .await
            .body
            .contains("Later Client")
    );
    assert!(
        !search(&ana, "by letter")
            .await
            .body
            .contains("Later Client")
    );
    // The search form posts its words; the list's address carries none.
    let list = t.get("/cases", Some(&ana)).await.body;
    assert!(list.contains("<form method=\"post\" action=\"/cases/search\""));
}

/// Issue 22: times are shown in the time zone the user chose in their
/// settings (checked against the tz database), else in the server's, never
/// as raw UTC.
#[tokio::test]
async fn times_are_shown_in_the_users_time_zone_chosen_in_settings() {
    let t = TestApp::new().await;
    let ana = t.login("ana", Role::Attorney).await;
    let root = t.login("root", Role::Admin).await;
    let case = t.case(&ana, "Client", ARRIVED).await;
    t.post(
        &format!("/cases/{}/notes", case.id),
        &ana,
        &[("body", "Client called.")],
    )
    .await;
    let stored = t.db().notes(&case.id).await.unwrap()[0].created_at.clone();
    let shown_in = |zone: &jiff::tz::TimeZone| {
        stored
            .parse::<jiff::Timestamp>()
            .unwrap()
            .to_zoned_datetime(zone.clone())
            .strftime("%Y-%m-%d %H:%M %Z")
            .to_string()
    };
    let new_york = jiff::tz::db().get("America/New_York").unwrap();
    let tokyo = jiff::tz::db().get("Asia/Tokyo").unwrap();
    let case_page = format!("/cases/{}", case.id);
    // Before any choice: the server's zone.
    let page = t.get(&case_page, Some(&ana)).await.body;
    assert!(
        page.contains(&shown_in(&jiff::tz::TimeZone::system())),
        "{page}"
    );
    let settings = t.get("/settings", Some(&ana)).await.body;
    assert!(settings.contains("the server's time zone"));
    assert!(settings.contains("<option value=\"America/New_York\">"));
    // A zone not in the tz database is refused, named, and nothing changes.
    let r = t
        .post(
            "/settings/time-zone",
            &ana,
            &[("time_zone", "Mars/Olympus_Mons")],
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("Mars/Olympus_Mons") && r.body.contains("is not a time zone"));
    let r = t
        .post(
            "/settings/time-zone",
            &ana,
            &[("time_zone", "America/New_York")],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body
            .contains("Time zone saved: times are shown in America/New_York.")
    );
    assert!(r.body.contains("value=\"America/New_York\""));
    // Every time the user is shown: the note, the history, the case list.
    let in_ny = shown_in(&new_york);
    assert!(
        in_ny.ends_with(" EST") || in_ny.ends_with(" EDT"),
        "{in_ny}"
    );
    assert!(t.get(&case_page, Some(&ana)).await.body.contains(&in_ny));
    let history = t
        .get(&format!("{case_page}/history"), Some(&ana))
        .await
        .body;
    assert!(
        history.contains(" EST") || history.contains(" EDT"),
        "{history}"
    );
    let list = t.get("/cases", Some(&ana)).await.body;
    assert!(list.contains(" EST<") || list.contains(" EDT<"), "{list}");
    // Each user their own: the administrator's audit log in Tokyo time.
    t.post("/settings/time-zone", &root, &[("time_zone", "Asia/Tokyo")])
        .await;
    let audit = t.get("/admin/audit", Some(&root)).await.body;
    assert!(audit.contains(" JST</td>"), "{audit}");
    assert!(
        t.get(&case_page, Some(&root))
            .await
            .body
            .contains(&shown_in(&tokyo))
    );
    // Empty: back to the server's.
    t.post("/settings/time-zone", &ana, &[("time_zone", "")])
        .await;
    let page = t.get(&case_page, Some(&ana)).await.body;
    assert!(page.contains(&shown_in(&jiff::tz::TimeZone::system())));
}
