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

/// Found by the contract test (schemathesis): serde read a section of the
/// facts from an array of its fields in order, so `"torture": [null, null]`
/// was stored, and `GET .../facts` served a document its own schema forbids.
#[tokio::test]
async fn facts_with_a_section_written_as_an_array_are_refused_naming_it_and_never_stored() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let id = t.case(&who, "Rosa", "{}").await.id.to_string();
    let bad = r#"{"as_of": "2026-06-15", "torture": [null, null]}"#;
    let new_case = format!(r#"{{"name": "Ana", "facts": {bad}}}"#);
    let facts_path = format!("/api/v1/cases/{id}/facts");
    for (method, path, body, field) in [
        ("POST", "/api/v1/assess", bad, "torture"),
        ("POST", "/api/v1/cases", &new_case, "facts.torture"),
        ("PUT", &facts_path, bad, "torture"),
        (
            "PUT",
            &facts_path,
            r#"{"harms": [["h1", "torture"]]}"#,
            "harms[0]",
        ),
    ] {
        let r = t.api(method, path, Some(&who.token), Some(body)).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{method} {path}: {}",
            r.body
        );
        assert_eq!(r.json()["field"], field, "{method} {path}");
    }
    assert_eq!(t.facts(&who, &id).await, serde_json::json!({}));
    let cases = t.api("GET", "/api/v1/cases", Some(&who.token), None).await;
    assert_eq!(cases.json().as_array().unwrap().len(), 1, "{}", cases.body);
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
        "/login?next=%2Fcases",
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

/// A client reads the document's paths against its server (OpenAPI's
/// default is `/`, which would call `/cases`, not `/api/v1/cases`).
#[tokio::test]
async fn the_openapi_documents_server_and_paths_make_the_addresses_served() {
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Staff).await;
    let doc = t.get("/api/v1/openapi.json", None).await.json();
    let servers = doc["servers"].as_array().expect("a list of servers");
    assert_eq!(servers.len(), 1, "{servers:?}");
    let base = servers[0]["url"].as_str().unwrap();
    assert_eq!(base, "/api/v1");
    assert!(doc["paths"]["/cases"]["get"].is_object());
    let r = t
        .api("GET", &format!("{base}/cases"), Some(&who.token), None)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
}

#[tokio::test]
async fn the_openapi_document_names_the_removal_history_drug_trafficking_the_14_days_and_granted() {
    let t = TestApp::new().await;
    let r = t.get("/api/v1/openapi.json", None).await;
    assert_eq!(r.status, StatusCode::OK);
    for name in [
        "removal",
        "drug_trafficking",
        "encountered_within_14_days",
        "granted",
    ] {
        assert!(
            r.body.contains(&format!("\"{name}\"")),
            "{name} is not named"
        );
    }
    let doc = r.json();
    let schemas = &doc["components"]["schemas"];
    let facts = &schemas["FactsDocument"]["properties"];
    for field in [
        "in_proceedings",
        "prior_order",
        "reinstated",
        "frivolous_finding",
    ] {
        assert_eq!(
            facts["removal"]["properties"][field]["type"],
            serde_json::json!(["boolean", "null"]),
            "removal.{field}"
        );
    }
    assert!(facts["conduct"]["properties"]["drug_trafficking"].is_object());
    assert!(facts["risk"]["properties"]["fear_in_every_nationality"].is_object());
    assert!(facts["family_unity"].is_object(), "a fact at the top");
    let arrival = &facts["arrivals"]["items"]["properties"];
    for field in [
        "visa_or_admission_document",
        "encountered_within_14_days",
        "scheduling_system_unavailable",
    ] {
        assert!(arrival[field].is_object(), "arrivals[].{field}");
    }
    let outcomes = schemas["ReliefOutcome"]["enum"].as_array().unwrap();
    assert!(
        outcomes.contains(&serde_json::json!("granted")),
        "{outcomes:?}"
    );
    assert_eq!(
        schemas["Relief"]["properties"]["outcome"]["$ref"],
        "#/components/schemas/ReliefOutcome"
    );
    // The routes carry these documents.
    let assess = &doc["paths"]["/assess"]["post"];
    assert_eq!(
        assess["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/FactsDocument"
    );
    assert_eq!(
        assess["responses"]["200"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/Assessment"
    );
}

/// Checks that every field of `value` is described by `schema` (after `$ref`
/// and `oneOf`) in the OpenAPI document `doc`, with a type and, for an
/// enumeration, a value it lists; and that no required field is missing.
fn conforms(
    doc: &serde_json::Value,
    schema: &serde_json::Value,
    value: &serde_json::Value,
    path: &str,
) {
    use serde_json::Value;
    let mut schema = schema;
    while let Some(r) = schema["$ref"].as_str() {
        let name = r.rsplit('/').next().unwrap();
        schema = &doc["components"]["schemas"][name];
        assert!(schema.is_object(), "{path}: {r} is not defined");
    }
    if let Some(branches) = schema["oneOf"].as_array() {
        let branch = branches
            .iter()
            .find(|b| (b["type"] == "null") == value.is_null())
            .unwrap_or_else(|| panic!("{path}: no branch of {schema} takes {value}"));
        return conforms(doc, branch, value, path);
    }
    let kind = match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_u64() || n.is_i64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => panic!("{path}: {schema} gives no type"),
    };
    assert!(
        types.contains(&kind) || (kind == "integer" && types.contains(&"number")),
        "{path}: a {kind} where the schema says {types:?}"
    );
    if let Some(values) = schema["enum"].as_array() {
        assert!(
            values.contains(value),
            "{path}: {value} is not among {values:?}"
        );
    }
    match value {
        Value::Object(m) => {
            for (k, v) in m {
                let field = &schema["properties"][k];
                assert!(field.is_object(), "{path}.{k} is not in the schema");
                conforms(doc, field, v, &format!("{path}.{k}"));
            }
            for r in schema["required"].as_array().into_iter().flatten() {
                let r = r.as_str().unwrap();
                assert!(m.contains_key(r), "{path}.{r} is required but missing");
            }
        }
        Value::Array(a) => {
            for (i, v) in a.iter().enumerate() {
                conforms(doc, &schema["items"], v, &format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
}

#[tokio::test]
async fn the_openapi_schemas_describe_every_field_of_the_examples_and_their_assessments() {
    let t = TestApp::new().await;
    let doc = t.get("/api/v1/openapi.json", None).await.json();
    let facts_schema = serde_json::json!({"$ref": "#/components/schemas/FactsDocument"});
    let assessment_schema = serde_json::json!({"$ref": "#/components/schemas/Assessment"});
    let dir = format!("{}/../../examples", env!("CARGO_MANIFEST_DIR"));
    // The facts documents at the top of examples/ (examples/application/ holds case documents).
    let mut documents: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    // Every fact the amendments of December 2026 added, and a child born after the filing.
    documents.push(
        r#"{"applicant": {"nationality": ["SV", "MX"], "location": "in_us"},
            "removal": {"in_proceedings": true, "prior_order": true, "reinstated": false, "frivolous_finding": null},
            "arrivals": [{"date": "2024-01-10", "manner": "presented_without_documents", "border": "southwest_land",
                          "visa_or_admission_document": false, "encountered_within_14_days": true,
                          "scheduling_system_unavailable": true}],
            "application": {"filed_on": "2024-06-01", "forum": "defensive"},
            "risk": {"fear_in_every_nationality": false},
            "conduct": {"aggravated_felony": true, "drug_trafficking": true, "sentence_years": 1.5},
            "family_unity": true,
            "family": [{"id": "c1", "relation": "child", "birth_date": "2025-02-01"}]}"#
            .to_string(),
    );
    for facts in &documents {
        let value: serde_json::Value = serde_json::from_str(facts).unwrap();
        conforms(&doc, &facts_schema, &value, "facts");
        let a = refuge_engine::assess_json(facts, TODAY, refuge_engine::Law::embedded()).unwrap();
        let out: serde_json::Value =
            serde_json::from_str(&refuge_engine::json::to_string(&a)).unwrap();
        conforms(&doc, &assessment_schema, &out, "assessment");
    }
}

/// Issue 15, medium 8: API writes cannot overwrite each other silently: a
/// read gives the facts' version as an ETag, and a write whose `If-Match`
/// names an older version is refused with 412, nothing saved.
#[tokio::test]
async fn a_write_based_on_an_older_version_is_refused_with_412() {
    use axum::body::Body;
    use axum::http::{Request, header};
    let t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let case = t.case(&who, "Client", ARRIVED).await;
    let url = format!("/api/v1/cases/{}/facts", case.id);
    let read = t.api("GET", &url, Some(&who.token), None).await;
    assert_eq!(read.headers["etag"], "\"v1\"");
    let put = |if_match: &'static str, body: &'static str| {
        Request::builder()
            .method("PUT")
            .uri(&url)
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::AUTHORIZATION, format!("Bearer {}", who.token))
            .header(header::IF_MATCH, if_match)
            .body(Body::from(body))
            .unwrap()
    };
    let first = t
        .send(put(
            "\"v1\"",
            r#"{"applicant": {"birth_date": "1990-01-01"}}"#,
        ))
        .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.body);
    assert_eq!(first.headers["etag"], "\"v2\"");
    let stale = t
        .send(put(
            "\"v1\"",
            r#"{"applicant": {"birth_date": "1999-09-09"}}"#,
        ))
        .await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);
    assert!(
        stale.json()["error"]
            .as_str()
            .unwrap()
            .contains("version 2")
    );
    assert_eq!(
        t.facts(&who, &case.id).await["applicant"]["birth_date"],
        "1990-01-01",
        "nothing saved"
    );
}

#[tokio::test]
async fn an_assessment_that_overruns_its_deadline_is_refused_and_nothing_is_saved() {
    let mut t = TestApp::new().await;
    let who = t.login("ana", Role::Attorney).await;
    let case = t.case(&who, "Rosa", ARRIVED).await;
    // The largest document the engine accepts (200 harms on 20 of 200 groups
    // each) takes tens of milliseconds to assess: never within a millisecond.
    let harms: Vec<_> = (0..200)
        .map(|i| {
            let grounds: Vec<_> = (0..20)
                .map(|j| serde_json::json!({"ground": "particular_social_group", "group": format!("g{}", (i + j) % 200)}))
                .collect();
            serde_json::json!({"id": format!("h{i}"), "when": "past", "kind": "death_threat", "grounds": grounds})
        })
        .collect();
    let groups: Vec<_> = (0..200)
        .map(|j| serde_json::json!({"id": format!("g{j}"), "definition": format!("group {j}")}))
        .collect();
    let big =
        serde_json::json!({"arrivals": [{"date": "2026-06-01"}], "harms": harms, "groups": groups})
            .to_string();
    t.state.assess_deadline = std::time::Duration::from_micros(1);
    let path = format!("/api/v1/cases/{}/facts", case.id);
    let r = t.api("PUT", &path, Some(&who.token), Some(&big)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(
        r.body.contains("could not be completed in time"),
        "{}",
        r.body
    );
    t.state.assess_deadline = refuge_web::cases::service::ASSESS_DEADLINE;
    assert_eq!(
        t.facts(&who, &case.id).await,
        serde_json::from_str::<serde_json::Value>(ARRIVED).unwrap(),
        "the facts before the refused save are kept"
    );
}
