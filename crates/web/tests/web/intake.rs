//! The client intake link (issue 19, part 2): a link made for one case, the
//! client's answers through it (no account), the review queue where staff
//! accept, edit or reject each answer, and what a link may never do.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use refuge_web::domain::AuditAction;
use refuge_web::store::IntakeAnswer;
use refuge_web::{AppState, Role, app};
use tower::ServiceExt;

use crate::{ARRIVED, Login, Reply, TestApp};

/// A case opened by a new attorney, its client's language set to `lang`.
async fn case_for_intake(t: &TestApp, lang: &str) -> (Login, refuge_web::store::CaseRow) {
    let who = t.login("attorney", Role::Attorney).await;
    let case = t.case(&who, "Marisol Quintanilla", ARRIVED).await;
    let r = t
        .post(
            &format!("/cases/{}/client-language", case.id),
            &who,
            &[("language", lang)],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    (who, case)
}

/// Makes a link for the case through its page; the link's path (`/i/…`).
async fn make_link(t: &TestApp, who: &Login, case_id: &str, lang: &str, days: &str) -> String {
    let r = t
        .post(
            &format!("/cases/{case_id}/intake/links"),
            who,
            &[("language", lang), ("days", days)],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let start = r.body.find("/i/intake_").expect("the link is shown once");
    r.body[start..]
        .split(['<', ' ', '"'])
        .next()
        .unwrap()
        .to_string()
}

/// A request of the client's: no cookie, nothing but the link.
async fn client_get(state: &AppState, path: &str) -> Reply {
    client_send(state, Request::get(path).body(Body::empty()).unwrap()).await
}

async fn client_post(state: &AppState, path: &str, fields: &[(&str, &str)]) -> Reply {
    let req = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(serde_urlencoded::to_string(fields).unwrap()))
        .unwrap();
    client_send(state, req).await
}

async fn client_send(state: &AppState, req: Request<Body>) -> Reply {
    let res = app(state.clone()).oneshot(req).await.unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

async fn answers(t: &TestApp, case_id: &str) -> Vec<IntakeAnswer> {
    t.db()
        .intake_answers(&refuge_web::domain::CaseId::new(case_id))
        .await
        .unwrap()
}

fn answer_to<'a>(all: &'a [IntakeAnswer], question: &str) -> &'a IntakeAnswer {
    all.iter()
        .rev()
        .find(|a| a.question == question)
        .unwrap_or_else(|| panic!("no answer to {question}"))
}

async fn decide(
    t: &TestApp,
    who: &Login,
    case_id: &str,
    a: &IntakeAnswer,
    fields: &[(&str, &str)],
) -> Reply {
    t.post(
        &format!("/cases/{case_id}/intake/answers/{}", a.id),
        who,
        fields,
    )
    .await
}

both! {
    async fn a_client_answers_through_the_link_and_a_fact_changes_only_when_staff_accept_it(t) {
        let (who, case) = case_for_intake(t, "es").await;
        let page = t.get(&format!("/cases/{}", case.id), Some(&who)).await.body;
        assert!(
            page.contains(r#"<option value="es" selected>Español</option>"#),
            "{page}"
        );
        // The link opens in the client's language by default.
        let intake = t
            .get(&format!("/cases/{}/intake", case.id), Some(&who))
            .await
            .body;
        assert!(intake.contains(r#"<option value="es" selected>"#));
        let link = make_link(t, &who, &case.id, "es", "14").await;
        let token = link.trim_start_matches("/i/");

        // The client opens it: Spanish, no cookie, nothing of the case.
        let welcome = client_get(&t.state, &link).await;
        assert_eq!(welcome.status, StatusCode::OK);
        assert!(welcome.body.contains(r#"<html lang="es">"#));
        assert!(welcome.body.contains("Preguntas sobre su caso"));
        assert!(welcome.body.contains("Su representante lo va a revisar"));
        assert!(welcome.headers.get(header::SET_COOKIE).is_none());
        assert!(!welcome.body.contains("Marisol") && !welcome.body.contains(&case.number));

        let r = client_post(
            &t.state,
            &format!("{link}/identity?lang=es"),
            &[
                ("q.birth-date", "21/05/1990"),
                ("q.nationality", "Honduras"),
                ("go", "next"),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(r.location(), format!("{link}/family?lang=es"));
        let r = client_post(
            &t.state,
            &format!("{link}/happened?lang=es"),
            &[
                ("q.harm-date.1", "03/02/2024"),
                ("q.harm-kind.1", "death_threat"),
                ("q.harm-actor.1", "non_state"),
                (
                    "q.own-words",
                    "Los pandilleros llegaron a la tienda de mi madre.",
                ),
            ],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        // Coming back, the client sees what they typed.
        let again = client_get(&t.state, &format!("{link}/identity")).await.body;
        assert!(again.contains(r#"value="21/05/1990""#), "{again}");

        // Nothing changed in the facts: the answers wait for review.
        let facts = t.facts(&who, &case.id).await;
        assert!(facts["applicant"]["birth_date"].is_null());
        let page = t.get(&format!("/cases/{}", case.id), Some(&who)).await.body;
        assert!(page.contains("6 answers to review"), "{page}");
        let queue = t
            .get(&format!("/cases/{}/intake", case.id), Some(&who))
            .await
            .body;
        assert!(queue.contains("Answers to review (6)"));
        assert!(queue.contains("1990-05-21") && queue.contains("As typed: 21/05/1990"));
        assert!(queue.contains("Los pandilleros llegaron"));

        // Accepted: a new facts version with the fact, and an audit row that
        // names the fact but not its value.
        let all = answers(t, &case.id).await;
        let before = t.db().facts_history(&case.id).await.unwrap().len();
        let r = decide(
            t,
            &who,
            &case.id,
            answer_to(&all, "birth-date"),
            &[("decision", "accept")],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let facts = t.facts(&who, &case.id).await;
        assert_eq!(facts["applicant"]["birth_date"], "1990-05-21");
        assert_eq!(
            t.db().facts_history(&case.id).await.unwrap().len(),
            before + 1
        );
        let audit = t
            .db()
            .audit_log(Some(AuditAction::IntakeReview), 10)
            .await
            .unwrap();
        assert_eq!(audit.len(), 1);
        assert!(
            audit[0].detail.contains("applicant.birth_date accepted"),
            "{}",
            audit[0].detail
        );
        assert!(!audit[0].detail.contains("1990"));
        assert_eq!(audit[0].user_name.as_deref(), Some("attorney"));

        // Edited: staff's value, not the client's.
        let r = decide(
            t,
            &who,
            &case.id,
            answer_to(&all, "nationality"),
            &[("decision", "edit"), ("value", "GT")],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert_eq!(
            t.facts(&who, &case.id).await["applicant"]["nationality"],
            serde_json::json!(["GT"])
        );

        // A harm begun by the client is a new harm that happened to them.
        decide(
            t,
            &who,
            &case.id,
            answer_to(&all, "harm-kind"),
            &[("decision", "accept")],
        )
        .await;
        let facts = t.facts(&who, &case.id).await;
        let harm = &facts["harms"][0];
        assert_eq!(harm["kind"], "death_threat");
        assert_eq!(harm["when"], "past");
        assert_eq!(harm["target"], "applicant");
        assert!(harm["id"].as_str().unwrap().starts_with("happened1-"));

        // Rejected: the facts do not change.
        let version = t.db().facts_history(&case.id).await.unwrap().len();
        let r = decide(
            t,
            &who,
            &case.id,
            answer_to(&all, "harm-actor"),
            &[("decision", "reject")],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        assert!(t.facts(&who, &case.id).await["harms"][0]["actor"].is_null());
        assert_eq!(t.db().facts_history(&case.id).await.unwrap().len(), version);

        // The client's own words become a source of the application's timeline.
        let r = decide(
            t,
            &who,
            &case.id,
            answer_to(&all, "own-words"),
            &[("decision", "accept")],
        )
        .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let app = t
            .api(
                "GET",
                &format!("/api/v1/cases/{}/application", case.id),
                Some(&who.token),
                None,
            )
            .await
            .json();
        let source = &app["timeline"]["sources"][0];
        assert_eq!(
            source["note"],
            "Los pandilleros llegaron a la tienda de mi madre."
        );
        assert_eq!(source["record"], "verbatim");
        assert_eq!(source["language"], "Español");

        // An answer is decided once: a second decision is refused, and says so.
        let r = decide(
            t,
            &who,
            &case.id,
            answer_to(&all, "birth-date"),
            &[("decision", "reject")],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("already reviewed"));
        assert_eq!(
            t.facts(&who, &case.id).await["applicant"]["birth_date"],
            "1990-05-21"
        );

        // An answer the client changed after the page was read is shown
        // again, not decided unseen.
        let pending = answer_to(&all, "harm-date");
        client_post(&t.state, &format!("{link}/happened"), &[("q.harm-date.1", "04/02/2024")]).await;
        let r = decide(
            t,
            &who,
            &case.id,
            pending,
            &[("decision", "accept"), ("seen", "2000-01-01T00:00:00Z")],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(r.body.contains("The client changed this answer"), "{}", r.body);
        assert!(r.body.contains("2024-02-04"));
        // A changed answer after review is a new answer to review.
        client_post(
            &t.state,
            &format!("{link}/identity"),
            &[("q.birth-date", "22/05/1990")],
        )
        .await;
        let again = answers(t, &case.id).await;
        assert_eq!(
            again.iter().filter(|a| a.question == "birth-date").count(),
            2
        );
        assert!(
            again
                .iter()
                .any(|a| a.question == "birth-date" && a.status == "pending")
        );
        // Setting the language, making the link and the client's saves are audited.
        for action in [
            AuditAction::CaseClientLanguage,
            AuditAction::IntakeLinkCreate,
            AuditAction::IntakeAnswer,
        ] {
            assert!(
                !t.db().audit_log(Some(action), 10).await.unwrap().is_empty(),
                "{action:?}"
            );
        }
        // Nothing stored names the token.
        assert!(
            t.db()
                .audit_log(None, 100)
                .await
                .unwrap()
                .iter()
                .all(|e| !e.detail.contains(token))
        );
    }
}

#[tokio::test]
async fn a_wrong_shaped_answer_keeps_what_was_typed_and_says_why_in_the_clients_language() {
    let t = TestApp::new().await;
    let (who, case) = case_for_intake(&t, "es").await;
    let link = make_link(&t, &who, &case.id, "es", "14").await;
    let r = client_post(
        &t.state,
        &format!("{link}/identity?lang=es"),
        &[
            ("q.birth-date", "31/02/1990"),
            ("q.nationality", "Honduras"),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains(r#"value="31/02/1990""#), "{}", r.body);
    assert!(r.body.contains("No podemos leer esta fecha"));
    assert!(r.body.contains("Guardamos lo que usted escribió"));
    // What was right was saved all the same.
    let all = answers(&t, &case.id).await;
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].question, "nationality");
    // A date after today, and a country no one knows, each in words.
    let r = client_post(
        &t.state,
        &format!("{link}/identity?lang=es"),
        &[("q.birth-date", "01/01/2030"), ("q.nationality", "Narnia")],
    )
    .await;
    assert!(r.body.contains("Esta fecha es después de hoy"));
    assert!(
        r.body.contains("No conocemos este país")
            || r.body.contains("No conocemos uno de estos países")
    );
    assert!(r.body.contains(r#"value="Narnia""#));
    // "Save" keeps the client on the screen, and says it saved.
    let r = client_post(
        &t.state,
        &format!("{link}/identity?lang=es"),
        &[("q.birth-date", "21/05/1990"), ("go", "stay")],
    )
    .await;
    assert_eq!(r.location(), format!("{link}/identity?lang=es&saved=1"));
    let page = client_get(&t.state, r.location()).await.body;
    assert!(page.contains("Sus respuestas se guardaron."));
    assert!(page.contains(r#"value="21/05/1990""#));
    // In English, the month comes first.
    let r = client_post(
        &t.state,
        &format!("{link}/identity?lang=en"),
        &[("q.birth-date", "05/21/1990")],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let all = answers(&t, &case.id).await;
    assert!(answer_to(&all, "birth-date").answer.contains("1990-05-21"));
}

both! {
    async fn an_expired_or_revoked_link_shows_a_polite_page_and_nothing_of_the_case(t) {
        let (who, case) = case_for_intake(t, "es").await;
        let revoked = make_link(t, &who, &case.id, "es", "14").await;
        let expiring = make_link(t, &who, &case.id, "es", "1").await;
        let links = t.db().intake_links(&case.id).await.unwrap();
        // The fourteen-day link is the one that expires last.
        let first = links.iter().max_by_key(|l| l.expires_at.clone()).unwrap();
        let r = t
            .post(
                &format!("/cases/{}/intake/links/{}/revoke", case.id, first.id),
                &who,
                &[],
            )
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        let audit = t
            .db()
            .audit_log(Some(AuditAction::IntakeLinkRevoke), 10)
            .await
            .unwrap();
        assert_eq!(audit.len(), 1);

        // Two days later, the one-day link has expired too.
        let mut later = t.state.clone();
        later.now = Some(crate::now() + jiff::SignedDuration::from_hours(48));
        for (state, link) in [(&t.state, &revoked), (&later, &expiring)] {
            for path in [
                link.clone(),
                format!("{link}/identity"),
                format!("{link}/done"),
            ] {
                let r = client_get(state, &path).await;
                assert_eq!(r.status, StatusCode::GONE, "{path}");
                assert!(r.body.contains("Este enlace ya no funciona"));
                assert!(!r.body.contains("Marisol") && !r.body.contains(&case.number));
                assert!(!r.body.contains("<form"));
            }
            let r = client_post(
                state,
                &format!("{link}/identity"),
                &[("q.nationality", "Honduras")],
            )
            .await;
            assert_eq!(r.status, StatusCode::GONE);
    }
        assert!(
            answers(t, &case.id).await.is_empty(),
            "nothing is saved through a closed link"
        );
        // The expiring link worked the day it was made.
        assert_eq!(client_get(&t.state, &expiring).await.status, StatusCode::OK);
        // A token that was never made: not found, politely, in the browser's language.
        let req = Request::get("/i/intake_0000")
            .header(header::ACCEPT_LANGUAGE, "es-MX,es;q=0.9")
            .body(Body::empty())
            .unwrap();
        let r = client_send(&t.state, req).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND);
        assert!(r.body.contains("Este enlace no funciona"));
    }
}

/// Words and phrases of a legal conclusion, in English and Spanish: none
/// may appear on a client's page.
const CONCLUSIONS: &[&str] = &[
    "eligib",
    "ineligib",
    "elegib",
    "qualifies",
    "qualify for",
    "califica para",
    "usted califica",
    "relief",
    "granted",
    "denied",
    "asylum",
    "asilo",
    "withholding",
    "torture",
    "tortura",
    "deadline",
    "plazo",
    "one-year",
    "un año",
    "barred",
    "excluid",
    "likely",
    "probable",
    "strong case",
    "caso fuerte",
    "approved",
    "aprobad",
    "refugee",
    "refugiad",
    "persecution",
    "persecución",
];

#[tokio::test]
async fn every_intake_screen_shows_no_legal_conclusion_and_links_only_to_its_own_pages() {
    let t = TestApp::new().await;
    let who = t.login("attorney", Role::Attorney).await;
    // A case the engine finds strong: nothing of that reaches the client.
    let facts = include_str!("../../../../examples/timely-journalist.json");
    let case = t.case(&who, "Marisol Quintanilla", facts).await;
    let link = make_link(&t, &who, &case.id, "es", "14").await;
    let screens = ["identity", "family", "arrival", "happened", "fear"];
    let mut pages = Vec::new();
    for lang in ["es", "en"] {
        pages.push(client_get(&t.state, &format!("{link}?lang={lang}")).await);
        for s in screens {
            pages.push(client_get(&t.state, &format!("{link}/{s}?lang={lang}")).await);
        }
        pages.push(client_get(&t.state, &format!("{link}/done?lang={lang}")).await);
        // A refused answer's page, too.
        let r = client_post(
            &t.state,
            &format!("{link}/identity?lang={lang}"),
            &[("q.birth-date", "someday")],
        )
        .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
        pages.push(r);
    }
    pages.push(client_get(&t.state, "/i/intake_unknown").await);
    for page in &pages {
        let lower = page.body.to_lowercase();
        for word in CONCLUSIONS {
            assert!(
                !lower.contains(word),
                "{word:?} on a client's page:\n{}",
                page.body
            );
        }
        assert!(!page.body.contains("Marisol") && !page.body.contains(&case.number));
        // Every link and form of the page stays within the link's own pages.
        for attr in ["href=\"", "action=\""] {
            for (at, _) in page.body.match_indices(attr) {
                let target = page.body[at + attr.len()..].split('"').next().unwrap();
                assert!(
                    target.starts_with(&link)
                        || target.starts_with('?')
                        || target == "/static/intake.css",
                    "{target} is outside the intake link's pages"
                );
            }
        }
        assert!(
            !page.body.contains("<script"),
            "no script on a client's page"
        );
        // Light on a slow connection: each page, and its one stylesheet, small.
        assert!(
            page.body.len() < 16_000,
            "a client's page of {} bytes",
            page.body.len()
        );
    }
    let css = client_get(&t.state, "/static/intake.css").await;
    assert!(
        css.body.len() < 3_000,
        "the intake's stylesheet is {} bytes",
        css.body.len()
    );
    // Each screen of the issue is there, in Spanish, one step at a time.
    let spanish = &pages[1..6];
    for (n, p) in spanish.iter().enumerate() {
        assert!(
            p.body.contains(&format!("Paso {} de 5", n + 1)),
            "{}",
            p.body
        );
    }
}

#[tokio::test]
async fn an_intake_link_opens_no_other_page_and_is_rate_limited() {
    let t = TestApp::new().await;
    let (who, case) = case_for_intake(&t, "en").await;
    let link = make_link(&t, &who, &case.id, "en", "14").await;
    let token = link.trim_start_matches("/i/");
    // The token is not a session, a cookie or an API token.
    for path in [
        format!("/cases/{}", case.id),
        "/".into(),
        format!("/cases/{}/intake", case.id),
    ] {
        let req = Request::get(&path)
            .header(header::COOKIE, format!("refuge_session={token}"))
            .body(Body::empty())
            .unwrap();
        assert_eq!(
            client_send(&t.state, req).await.status,
            StatusCode::SEE_OTHER,
            "{path}"
        );
    }
    let r = t
        .api(
            "GET",
            &format!("/api/v1/cases/{}", case.id),
            Some(token),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    // Guessing at links from one address: refused after a few tries.
    let mut last = StatusCode::OK;
    for n in 0..=refuge_web::intake::client::MISSES_PER_ADDRESS {
        last = client_get(&t.state, &format!("/i/intake_{n:064x}"))
            .await
            .status;
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn a_clients_answers_are_sealed_at_rest_and_the_links_token_is_never_stored() {
    use crate::encryption::{database_bytes, holds, sqlite_file};
    let t = TestApp::new().await;
    let (who, case) = case_for_intake(&t, "es").await;
    let link = make_link(&t, &who, &case.id, "es", "14").await;
    let token = link.trim_start_matches("/i/");
    let r = client_post(
        &t.state,
        &format!("{link}/happened"),
        &[
            ("q.harm-narrative.1", "Me buscaron en Zacualtipanword."),
            ("q.own-words", "Mi tío Quetzalpapalotlword vio todo."),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let all = answers(&t, &case.id).await;
    let r = decide(
        &t,
        &who,
        &case.id,
        answer_to(&all, "own-words"),
        &[
            ("decision", "edit"),
            ("value", "Mi tío Quetzalpapalotlword lo vio."),
        ],
    )
    .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let bytes = database_bytes(&sqlite_file(&t));
    for word in ["Zacualtipanword", "Quetzalpapalotlword", token] {
        assert!(!holds(&bytes, word), "{word:?} is in the database file");
    }
}
