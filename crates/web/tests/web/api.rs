//! The JSON API under /api/v1 and its OpenAPI document.

use axum::http::StatusCode;
use refuge_web::Role;

use crate::{ARRIVED, TODAY, TestApp};

#[tokio::test]
async fn post_assess_answers_exactly_the_json_of_refuge_assess() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Staff).await;
    for example in ["social-group-open", "holiday-deadline", "after-the-grant"] {
        let facts = std::fs::read_to_string(format!(
            "{}/../../examples/{example}.json",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let r = t
            .api("POST", "/api/v1/assess", Some(&who.token), Some(&facts))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{example}: {}", r.body);
        let a = refuge_engine::assess_json(&facts, TODAY, refuge_engine::Law::embedded()).unwrap();
        assert_eq!(r.body, refuge_engine::json::to_string(&a), "{example}");
    }
}

#[tokio::test]
async fn invalid_facts_answer_422_naming_the_field() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Staff).await;
    let cases = [
        (
            r#"{"applicant": {"birth_date": "2025-02-30"}}"#,
            Some("applicant.birth_date"),
        ),
        (
            r#"{"arrivals": [{"manner": "swam"}]}"#,
            Some("arrivals[0].manner"),
        ),
        (
            r#"{"conduct": {"persecuted_other": true}}"#,
            Some("conduct.persecuted_other"),
        ),
        (r#"{"arrivals": [ "#, None),
        ("[1, 2]", None),
        ("", None),
    ];
    for (facts, field) in cases {
        let r = t
            .api("POST", "/api/v1/assess", Some(&who.token), Some(facts))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{facts}");
        let body = r.json();
        assert!(!body["error"].as_str().unwrap().is_empty());
        if let Some(f) = field {
            assert_eq!(body["field"], f, "{facts}");
        }
    }
    let huge = format!(
        r#"{{"groups": [{{"id": "g1", "definition": "{}"}}]}}"#,
        "x".repeat(refuge_web::BODY_LIMIT)
    );
    let r = t
        .api("POST", "/api/v1/assess", Some(&who.token), Some(&huge))
        .await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(r.json()["error"].as_str().unwrap().contains("larger than"));
}

#[tokio::test]
async fn cases_are_created_read_and_their_facts_replaced_through_the_api() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let r = t
        .api(
            "POST",
            "/api/v1/cases",
            Some(&who.token),
            Some(r#"{"name": "Rosa"}"#),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let created = r.json();
    let id = created["id"].as_str().unwrap();
    assert_eq!(created["name"], "Rosa");
    assert_eq!(created["version"], 1);
    assert!(r.location().ends_with(id));

    let facts_path = format!("/api/v1/cases/{id}/facts");
    assert_eq!(t.facts(&who, id).await, serde_json::json!({}));
    let r = t
        .api("PUT", &facts_path, Some(&who.token), Some(ARRIVED))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(t.facts(&who, id).await["arrivals"][0]["date"], "2026-06-01");
    let case = t
        .api(
            "GET",
            &format!("/api/v1/cases/{id}"),
            Some(&who.token),
            None,
        )
        .await
        .json();
    assert_eq!(
        (case["version"].as_i64(), case["next_deadline"].as_str()),
        (Some(2), Some("2027-06-01"))
    );
    let a = t
        .api(
            "GET",
            &format!("/api/v1/cases/{id}/assessment"),
            Some(&who.token),
            None,
        )
        .await
        .json();
    assert_eq!(a["deadlines"][0]["date"], "2027-06-01");

    // A bad replacement is refused with its field, and the stored facts stay.
    let r = t
        .api(
            "PUT",
            &facts_path,
            Some(&who.token),
            Some(r#"{"arrivals": [{"date": "2026-13-01"}]}"#),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(r.json()["field"], "arrivals[0].date");
    assert_eq!(t.facts(&who, id).await["arrivals"][0]["date"], "2026-06-01");

    // Bad case bodies.
    for (body, field) in [
        (r#"{"name": ""}"#, "name"),
        (r#"{"nme": "x"}"#, ""),
        (
            r#"{"name": "x", "facts": {"risk": {"afraid": "yes"}}}"#,
            "facts.risk.afraid",
        ),
    ] {
        let r = t
            .api("POST", "/api/v1/cases", Some(&who.token), Some(body))
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        if !field.is_empty() {
            assert_eq!(r.json()["field"], field, "{body}");
        }
    }
    let r = t
        .api(
            "POST",
            "/api/v1/cases",
            Some(&who.token),
            Some(r#"{"name": "Again", "number": "2026-0001"}"#),
        )
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT);

    let other = t.login("bob", Role::Attorney).await;
    assert_eq!(
        t.api(
            "GET",
            &format!("/api/v1/cases/{id}"),
            Some(&other.token),
            None
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        t.api("GET", "/api/v1/cases/nope", Some(&who.token), None)
            .await
            .json()["error"],
        "not found"
    );
    let ics = t
        .api(
            "GET",
            &format!("/api/v1/cases/{id}/calendar.ics"),
            Some(&who.token),
            None,
        )
        .await;
    assert!(ics.body.contains("DTSTART;VALUE=DATE:20270601"));
}

#[tokio::test]
async fn a_revoked_api_token_is_refused() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Staff).await;
    assert_eq!(
        t.api("GET", "/api/v1/cases", Some(&who.token), None)
            .await
            .status,
        StatusCode::OK
    );
    let tokens = t.db().api_tokens(&who.user.id).await.unwrap();
    let r = t
        .post(
            &format!("/settings/tokens/{}/revoke", tokens[0].0),
            &who,
            &[],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        t.api("GET", "/api/v1/cases", Some(&who.token), None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_deactivated_users_token_is_refused_at_once() {
    let t = TestApp::new().await;
    let admin = t.login("root", Role::Admin).await;
    let who = t.login("ana", Role::Staff).await;
    assert_eq!(
        t.api("GET", "/api/v1/cases", Some(&who.token), None)
            .await
            .status,
        StatusCode::OK
    );
    let r = t
        .post(
            &format!("/admin/users/{}", who.user.id),
            &admin,
            &[("role", "staff"), ("active", "0")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        t.api("GET", "/api/v1/cases", Some(&who.token), None)
            .await
            .status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        t.get("/cases", Some(&who)).await.location(),
        "/login",
        "and their sessions end"
    );
}

#[tokio::test]
async fn the_openapi_document_is_3_1_and_describes_every_route() {
    let t = TestApp::new().await;
    let r = t.get("/api/v1/openapi.json", None).await;
    assert_eq!(r.status, StatusCode::OK);
    let doc = r.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = doc["paths"].as_object().unwrap();
    for (path, methods) in [
        ("/assess", &["post"][..]),
        ("/cases", &["get", "post"]),
        ("/cases/{id}", &["get"]),
        ("/cases/{id}/facts", &["get", "put"]),
        ("/cases/{id}/assessment", &["get"]),
        ("/cases/{id}/calendar.ics", &["get"]),
    ] {
        for m in methods {
            assert!(paths[path][m].is_object(), "{m} {path} missing");
        }
    }
    assert_eq!(
        doc["components"]["securitySchemes"]["bearer"]["scheme"],
        "bearer"
    );
    assert!(doc["components"]["schemas"]["ErrorBody"].is_object());
}
