//! The case's Form I-589 application in the workspace (issue 16): stored in
//! versions (who changed what, when) on both databases, sealed; the API's
//! `GET/PUT /cases/{id}/application` (strict: nothing saved on an error,
//! the path named) and `/readiness` (the JSON of `refuge check`); the
//! editing form, which keeps what was typed on a refusal; and the "Ready to
//! file?" page, whose every issue links to its field.

use axum::http::StatusCode;
use refuge_web::Role;
use refuge_web::domain::AuditAction;
use serde_json::{Value, json};

use crate::{Login, TestApp};

/// The complete, consistent sample: facts and application (`examples/application/complete.json`).
fn sample() -> (Value, Value) {
    let text = std::fs::read_to_string(format!(
        "{}/../../examples/application/complete.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    (doc["facts"].take(), doc["application"].take())
}

async fn sample_case(t: &TestApp, who: &Login) -> refuge_web::store::CaseRow {
    let (facts, _) = sample();
    t.case(who, "Ana Flores", &facts.to_string()).await
}

fn path_of(case: &refuge_web::store::CaseRow, what: &str) -> String {
    format!("/api/v1/cases/{}/{what}", case.id)
}

both!(
    async fn application_versions_keep_who_changed_what_and_a_stale_save_changes_nothing(t) {
        let ana = t.login("ana", Role::Attorney).await;
        let ben = t.login("ben", Role::Attorney).await;
        let case = sample_case(t, &ana).await;
        let (_, app) = sample();
        assert!(t.db().application(&case.id).await.unwrap().is_none(), "no application until one is saved");
        let url = path_of(&case, "application");
        let r = t.api("PUT", &url, Some(&ana.token), Some(&app.to_string())).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.headers["etag"], "\"a1\"");
        t.db().add_member(&case.id, &ben.user.id, &crate::test_audit()).await.unwrap();
        let mut changed = app.clone();
        changed["part_a1"]["religion"] = json!("Evangelical Christian");
        let r = t.api("PUT", &url, Some(&ben.token), Some(&changed.to_string())).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let history = t.db().application_history(&case.id).await.unwrap();
        assert_eq!(history.iter().map(|v| v.version).collect::<Vec<_>>(), [2, 1]);
        assert_eq!(history[0].changed_by, "ben");
        assert_eq!(history[1].changed_by, "ana");
        let changes: Value = serde_json::from_str(&history[0].changes).unwrap();
        assert_eq!(
            changes,
            json!([{"path": "part_a1.religion", "before": app["part_a1"]["religion"], "after": "Evangelical Christian"}]),
            "the version records what changed, and only that"
        );
        // A save from version 1, after version 2: refused, nothing written, no audit row.
        let logged = t.db().audit_log(Some(AuditAction::ApplicationChange), 100).await.unwrap().len();
        assert_eq!(logged, 2, "one audit row a version");
        let stale = t
            .db()
            .save_application(&ana.user, &case.id, 1, "{}", "[]", &crate::test_audit())
            .await;
        assert!(matches!(stale, Err(refuge_web::store::DbError::Conflict(_))), "{stale:?}");
        assert_eq!(t.db().application_history(&case.id).await.unwrap().len(), 2);
        assert_eq!(
            t.db().audit_log(Some(AuditAction::ApplicationChange), 100).await.unwrap().len(),
            logged,
            "a refused save writes no audit row: both commit, or neither"
        );
        let latest = t.db().application(&case.id).await.unwrap().unwrap();
        assert_eq!(latest.version, 2);
        let doc: Value = serde_json::from_str(&latest.document).unwrap();
        assert_eq!(doc["part_a1"]["religion"], "Evangelical Christian");
        // The history page: each version, who saved it, and the item by the form's name.
        let page = t.get(&format!("/cases/{}/application/history", case.id), Some(&ana)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let v2 = page.body.find("Version 2").expect("version 2 listed");
        let v1 = page.body.find("Version 1").expect("version 1 listed");
        assert!(v2 < v1, "newest first");
        assert!(page.body[v2..v1].contains("ben"), "who saved version 2");
        assert!(page.body[v2..v1].contains("Religion"), "the item named as the form names it: {}", &page.body[v2..v1]);
        assert!(page.body[v2..v1].contains("Evangelical Christian"));
        assert!(page.body.contains(refuge_engine::NOTICE), "the notice");
    }
);

#[tokio::test]
async fn the_application_s_free_text_is_not_in_the_database_file() {
    let t = TestApp::new().await;
    let ana = t.login("ana", Role::Attorney).await;
    let case = sample_case(&t, &ana).await;
    let (_, mut app) = sample();
    app["part_b"]["q2"] =
        json!({"answer": "yes", "explanation": "Detained at the Zorrillo checkpoint overnight"});
    let r = t
        .api(
            "PUT",
            &path_of(&case, "application"),
            Some(&ana.token),
            Some(&app.to_string()),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let file = t.store_args().sqlite_file().unwrap();
    let mut bytes = std::fs::read(&file).unwrap();
    if let Ok(wal) = std::fs::read(format!("{}-wal", file.display())) {
        bytes.extend(wal);
    }
    assert!(
        !bytes.windows(8).any(|w| w == b"Zorrillo"),
        "an explanation is sealed (8 C.F.R. \u{a7} 208.6)"
    );
    let r = t
        .api(
            "GET",
            &path_of(&case, "application"),
            Some(&ana.token),
            None,
        )
        .await;
    assert!(
        r.body.contains("Zorrillo"),
        "and reads back through the API"
    );
}

#[tokio::test]
async fn a_bad_application_is_refused_naming_its_path_and_nothing_is_saved() {
    let t = TestApp::new().await;
    let ana = t.login("ana", Role::Staff).await;
    let case = sample_case(&t, &ana).await;
    let url = path_of(&case, "application");
    let good = json!({"part_a1": {"religion": "Catholic"}});
    let r = t
        .api("PUT", &url, Some(&ana.token), Some(&good.to_string()))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    // (body, the field named)
    let rows: &[(&str, Option<&str>)] = &[
        (
            r#"{"part_a1": {"religon": "Catholic"}}"#,
            Some("part_a1.religon"),
        ),
        (r#"{"part_z": {}}"#, Some("part_z")),
        (
            r#"{"part_d": {"signed_on": "2026-02-30"}}"#,
            Some("part_d.signed_on"),
        ),
        (
            r#"{"part_d": {"signed_on": "2030-01-01"}}"#,
            Some("part_d.signed_on"),
        ),
        (
            r#"{"part_a1": {"gender": "unknown"}}"#,
            Some("part_a1.gender"),
        ),
        (
            r#"{"part_a3": {"addresses": [{"from": "2020-13"}]}}"#,
            Some("part_a3.addresses[0].from"),
        ),
        (
            r#"{"part_a3": {"addresses": [{"from": "2021-05", "to": "2020-01"}]}}"#,
            Some("part_a3.addresses[0].to"),
        ),
        (
            r#"{"part_a2": {"members": [{"family": "nobody"}]}}"#,
            Some("part_a2.members[0].family"),
        ),
        (
            r#"{"part_a1": {"entries": [{"arrival": 7}]}}"#,
            Some("part_a1.entries[0].arrival"),
        ),
        (
            r#"{"part_b": {"q1a": {"answer": "maybe"}}}"#,
            Some("part_b.q1a.answer"),
        ),
        (r#"{"part_b": []}"#, Some("part_b")),
        ("[]", None),
        ("{", None),
        ("", None),
    ];
    for (body, field) in rows {
        let r = t.api("PUT", &url, Some(&ana.token), Some(body)).await;
        assert_eq!(
            r.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{body}: {}",
            r.body
        );
        let e = r.json();
        assert!(!e["error"].as_str().unwrap_or("").is_empty(), "{body}");
        if let Some(f) = field {
            assert_eq!(e["field"], *f, "{body}: {}", r.body);
        }
    }
    let r = t.api("GET", &url, Some(&ana.token), None).await;
    assert_eq!(r.json(), good, "nothing of a refused body was saved");
    assert_eq!(r.headers["etag"], "\"a1\"");
    assert_eq!(t.db().application_history(&case.id).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_write_from_an_older_version_of_the_application_is_refused_412() {
    let t = TestApp::new().await;
    let ana = t.login("ana", Role::Staff).await;
    let case = sample_case(&t, &ana).await;
    let url = path_of(&case, "application");
    let put = |etag: &'static str, body: Value| {
        let t = &t;
        let url = url.clone();
        let token = ana.token.clone();
        async move {
            let req = axum::http::Request::builder()
                .method("PUT")
                .uri(url)
                .header("content-type", "application/json")
                .header("authorization", format!("Bearer {token}"))
                .header("if-match", etag)
                .body(axum::body::Body::from(body.to_string()))
                .unwrap();
            t.send(req).await
        }
    };
    assert_eq!(put("\"a0\"", json!({})).await.status, StatusCode::OK);
    let r = put("\"a0\"", json!({"part_a1": {"religion": "x"}})).await;
    assert_eq!(r.status, StatusCode::PRECONDITION_FAILED, "{}", r.body);
    assert_eq!(
        put("\"a1\"", json!({"part_a1": {"religion": "x"}}))
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_readiness_api_answers_the_json_of_refuge_check() {
    let t = TestApp::new().await;
    let ana = t.login("ana", Role::Staff).await;
    let case = sample_case(&t, &ana).await;
    let (facts, app) = sample();
    let readiness = path_of(&case, "readiness");
    let r = t.api("GET", &readiness, Some(&ana.token), None).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        r.json()["ready"],
        false,
        "an empty application is not ready to file"
    );
    assert!(r.json()["counts"]["blocking"].as_u64().unwrap() > 0);
    let put = t
        .api(
            "PUT",
            &path_of(&case, "application"),
            Some(&ana.token),
            Some(&app.to_string()),
        )
        .await;
    assert_eq!(put.status, StatusCode::OK, "{}", put.body);
    let r = t.api("GET", &readiness, Some(&ana.token), None).await;
    let doc = json!({"facts": facts, "application": app}).to_string();
    let expected = refuge_application::CaseDocument::from_json(&doc, crate::TODAY).unwrap();
    let expected = refuge_application::check(&expected, refuge_engine::Law::embedded());
    assert_eq!(
        r.json(),
        serde_json::to_value(&expected).unwrap(),
        "the same checks as refuge check"
    );
    assert_eq!(
        r.json()["ready"],
        true,
        "the complete sample is ready to file"
    );
}

#[tokio::test]
async fn the_openapi_document_describes_the_application_and_its_readiness() {
    let t = TestApp::new().await;
    let ana = t.login("ana", Role::Attorney).await;
    let case = sample_case(&t, &ana).await;
    let doc = t
        .api("GET", "/api/v1/openapi.json", None, None)
        .await
        .json();
    let paths = &doc["paths"];
    for (p, m) in [
        ("/cases/{id}/application", "get"),
        ("/cases/{id}/application", "put"),
        ("/cases/{id}/readiness", "get"),
    ] {
        assert!(
            paths[p][m].is_object(),
            "{m} {p} is in the OpenAPI document"
        );
    }
    let app = &doc["components"]["schemas"]["ApplicationDocument"];
    assert_eq!(
        app["properties"]["part_a3"]["properties"]["addresses"]["items"]["properties"]["to"]["type"],
        json!(["string", "null"])
    );
    // Where the schema allows `null` (not answered), the server takes it, and
    // where it does not, the server refuses it: the two agree (a client built
    // from the schema is neither refused nor surprised; found by schemathesis).
    let url = path_of(&case, "application");
    for (body, schema, allowed) in [
        (
            json!({"part_c": {"q2a": {"explanation": null}}}),
            &app["properties"]["part_c"]["properties"]["q2a"]["properties"]["explanation"],
            true,
        ),
        (
            json!({"part_a3": {"addresses": [null]}}),
            &app["properties"]["part_a3"]["properties"]["addresses"]["items"],
            false,
        ),
    ] {
        let types = schema["type"].as_array().cloned().unwrap_or_default();
        assert_eq!(types.contains(&json!("null")), allowed, "{body}: {schema}");
        let r = t
            .api("PUT", &url, Some(&ana.token), Some(&body.to_string()))
            .await;
        let expected = if allowed {
            StatusCode::OK
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        assert_eq!(r.status, expected, "{body}: {}", r.body);
    }
    assert_eq!(
        app["additionalProperties"], false,
        "unknown fields are refused"
    );
    for (section, kind) in [("timeline", "object"), ("evidence", "array")] {
        assert!(
            app["properties"][section]["type"]
                .as_array()
                .is_some_and(|t| t.contains(&json!(kind))),
            "the {section} beside the form's items is described"
        );
    }
    // An issue's status is a plain string of the enum (not wrapped in an
    // allOf with an object, which no answer matches).
    let issue = &doc["components"]["schemas"]["Issue"]["properties"]["status"];
    assert!(
        issue["allOf"].is_null() && issue["enum"].is_array(),
        "{issue}"
    );
}

/// The value of the control named `name` on a page (an input's value).
fn input_value(page: &str, name: &str) -> Option<String> {
    let at = page.find(&format!("name=\"{name}\""))?;
    let rest = &page[at..];
    let v = rest.split("value=\"").nth(1)?.split('"').next()?;
    Some(v.to_string())
}

#[tokio::test]
async fn a_refused_application_form_keeps_everything_typed_and_marks_the_field() {
    let t = TestApp::new().await;
    let ana = t.login("ana", Role::Staff).await;
    let case = sample_case(&t, &ana).await;
    let page = format!("/cases/{}/application", case.id);
    let r = t.get(&page, Some(&ana)).await;
    assert_eq!(r.status, StatusCode::OK);
    for part in [
        "Part A.I.",
        "Part A.II.",
        "Part A.III.",
        "Part B.",
        "Part C.",
        "Part D.",
        "Part E.",
        "Supplement B.",
    ] {
        assert!(r.body.contains(part), "{part} has its section");
    }
    assert!(
        r.body.contains("Not legal advice") || r.body.contains(refuge_engine::NOTICE),
        "the notice"
    );
    assert!(
        r.body
            .contains(&format!("/cases/{}/facts#f-applicant-birth_date", case.id)),
        "a fact the facts hold links to the facts form"
    );
    let fields = [
        ("version", "0"),
        ("application.part_a1.religion", "Catholic"),
        ("application.part_a3.addresses[0].city", "San Pedro Sula"),
        ("application.part_a3.addresses[0].from", "2019-13"),
        ("application.part_d.signed_on", "someday"),
    ];
    // Refused, it redirects to the form with a draft (followed, as a browser does).
    let shown = t.post(&page, &ana, &fields).await;
    assert_eq!(shown.status, StatusCode::UNPROCESSABLE_ENTITY);
    for (name, typed) in &fields[1..] {
        assert_eq!(
            input_value(&shown.body, name).as_deref(),
            Some(*typed),
            "{name} keeps what was typed"
        );
    }
    for bad in [
        "a-application-part_a3-addresses-0--from",
        "a-application-part_d-signed_on",
    ] {
        assert!(
            shown.body.contains(&format!("{bad}-error")),
            "{bad} is marked"
        );
    }
    assert!(
        t.db().application(&case.id).await.unwrap().is_none(),
        "nothing was saved"
    );
    // Corrected, it saves.
    let fixed = [
        ("version", "0"),
        ("application.part_a1.religion", "Catholic"),
        ("application.part_a3.addresses[0].city", "San Pedro Sula"),
        ("application.part_a3.addresses[0].from", "2019-12"),
        ("application.part_a3.addresses[1].city", ""),
        ("application.part_b.grounds", "race"),
        ("application.part_b.grounds", "religion"),
    ];
    let r = t.post(&page, &ana, &fixed).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(r.location().contains("saved=1"), "{}", r.location());
    let stored: Value = serde_json::from_str(
        &t.db()
            .application(&case.id)
            .await
            .unwrap()
            .unwrap()
            .document,
    )
    .unwrap();
    assert_eq!(
        stored["part_a3"]["addresses"],
        json!([{"city": "San Pedro Sula", "from": "2019-12"}])
    );
    assert_eq!(stored["part_b"]["grounds"], json!(["race", "religion"]));
    // A form opened on version 0, saved after version 1: refused, typed kept.
    let shown = t
        .post(
            &page,
            &ana,
            &[("version", "0"), ("application.part_a1.religion", "Muslim")],
        )
        .await;
    assert_eq!(shown.status, StatusCode::CONFLICT);
    assert_eq!(
        input_value(&shown.body, "application.part_a1.religion").as_deref(),
        Some("Muslim")
    );
    assert_eq!(
        t.db().application(&case.id).await.unwrap().unwrap().version,
        1
    );
}

#[tokio::test]
async fn the_ready_to_file_page_lists_blocking_issues_first_each_linking_to_its_field() {
    let t = TestApp::new().await;
    let ana = t.login("ana", Role::Staff).await;
    let case = sample_case(&t, &ana).await;
    let (_, mut app) = sample();
    // A yes in Part B without its explanation (8 C.F.R. § 208.3(c)(3)).
    app["part_b"]["q2"] = json!({"answer": "yes"});
    let r = t
        .api(
            "PUT",
            &path_of(&case, "application"),
            Some(&ana.token),
            Some(&app.to_string()),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let case_page = t.get(&format!("/cases/{}", case.id), Some(&ana)).await;
    assert!(
        case_page
            .body
            .contains(&format!("/cases/{}/readiness", case.id)),
        "the case page links to it"
    );
    let page = t
        .get(&format!("/cases/{}/readiness", case.id), Some(&ana))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("Not ready to file"));
    assert!(page.body.contains("208.3"), "the authority is shown");
    let link = format!(
        "/cases/{}/application#a-application-part_b-q2-explanation",
        case.id
    );
    assert!(
        page.body.contains(&link),
        "the issue links to the field: {}",
        page.body
    );
    let blocking = page.body.find("id=\"blocking\"").unwrap();
    let warnings = page.body.find("id=\"warnings\"").unwrap();
    assert!(blocking < warnings, "blocking issues come first");
    assert!(page.body.contains(refuge_engine::NOTICE), "the notice");
    // Every application link's anchor exists on the form.
    let form = t
        .get(&format!("/cases/{}/application", case.id), Some(&ana))
        .await;
    for anchor in page
        .body
        .split(&format!("/cases/{}/application#", case.id))
        .skip(1)
    {
        let id = anchor.split('"').next().unwrap();
        assert!(
            form.body.contains(&format!("id=\"{id}\"")),
            "#{id} is on the form"
        );
    }
    // Fixed through the form: ready.
    let posted = form_fields(
        &form.body,
        &[(
            "application.part_b.q2.explanation",
            "Detained for a night in 2023.",
        )],
    );
    let posted: Vec<(&str, &str)> = posted
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let r = t
        .post(&format!("/cases/{}/application", case.id), &ana, &posted)
        .await;
    assert!(r.location().contains("saved=2"), "{}", r.location());
    let page = t
        .get(&format!("/cases/{}/readiness", case.id), Some(&ana))
        .await;
    assert!(page.body.contains("Nothing blocks filing"), "{}", page.body);
    // The form has no controls for the timeline and the evidence statuses:
    // its save keeps them as they were.
    let (_, sample_app) = sample();
    let got = t
        .api(
            "GET",
            &path_of(&case, "application"),
            Some(&ana.token),
            None,
        )
        .await;
    let got: Value = serde_json::from_str(&got.body).unwrap();
    for kept in ["timeline", "evidence"] {
        assert!(sample_app.get(kept).is_some(), "the sample has {kept}");
        assert_eq!(
            got[kept], sample_app[kept],
            "{kept} survives a save of the form"
        );
    }
}

/// Every control of a form page with its value (selects: the selected
/// option; textareas: their text; checked boxes), with `set` applied:
/// what a browser posts.
fn form_fields(page: &str, set: &[(&str, &str)]) -> Vec<(String, String)> {
    let unescape = |s: &str| {
        s.replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&")
    };
    let mut out: Vec<(String, String)> = Vec::new();
    for chunk in page.split('<').skip(1) {
        let tag = chunk.split('>').next().unwrap_or("");
        let attr = |a: &str| {
            tag.split(&format!(" {a}=\""))
                .nth(1)
                .and_then(|r| r.split('"').next())
                .map(unescape)
        };
        let Some(name) = attr("name") else { continue };
        if name == "csrf" {
            continue;
        }
        if tag.starts_with("input") {
            if tag.contains("type=\"checkbox\"") && !tag.contains(" checked") {
                continue;
            }
            out.push((name, attr("value").unwrap_or_default()));
        } else if tag.starts_with("textarea") {
            let text = chunk
                .split_once('>')
                .map(|(_, t)| unescape(t))
                .unwrap_or_default();
            out.push((name, text));
        } else if tag.starts_with("select") {
            let rest = &page[page.find(tag).unwrap()..];
            let body = rest.split("</select>").next().unwrap_or("");
            let selected = body
                .split("<option")
                .find(|o| o.contains(" selected"))
                .and_then(|o| o.split("value=\"").nth(1))
                .and_then(|v| v.split('"').next())
                .map(unescape)
                .unwrap_or_default();
            out.push((name, selected));
        }
    }
    for (k, v) in set {
        match out.iter_mut().find(|(n, _)| n == k) {
            Some(f) => f.1 = v.to_string(),
            None => out.push((k.to_string(), v.to_string())),
        }
    }
    out
}

// ----- the timeline and the evidence checklist -----

async fn put_application(t: &TestApp, who: &Login, case: &refuge_web::store::CaseRow, app: &Value) {
    let r = t
        .api(
            "PUT",
            &path_of(case, "application"),
            Some(&who.token),
            Some(&app.to_string()),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
}

#[tokio::test]
async fn the_timeline_shows_two_disagreeing_statements_side_by_side_with_their_circumstances() {
    let t = TestApp::new().await;
    let ana = t.login("ana", Role::Staff).await;
    let case = sample_case(&t, &ana).await;
    let (_, mut app) = sample();
    // The border statement dates the crossing a day later than the declaration.
    let crossing = &mut app["timeline"]["events"][4];
    assert_eq!(crossing["id"], "crossing");
    crossing["statements"][0]["date"] = json!("2024-03-11");
    crossing["statements"][0]["text"] = json!("Entered without inspection on 11 March.");
    put_application(&t, &ana, &case, &app).await;
    let page = t
        .get(&format!("/cases/{}/timeline", case.id), Some(&ana))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let body = &page.body;
    let table = body
        .split("class=\"side-by-side\"")
        .nth(1)
        .and_then(|r| r.split("</table>").next())
        .unwrap_or_else(|| panic!("a side-by-side table: {body}"));
    let row = |name: &str| {
        table
            .split(&format!("<th scope=\"row\">{name}</th>"))
            .nth(1)
            .and_then(|r| r.split("</tr>").next())
            .unwrap_or("")
            .to_string()
    };
    let dates = row("Date");
    assert!(
        dates.contains("2024-03-11") && dates.contains("2024-03-10"),
        "both dates in one row: {dates}"
    );
    assert!(row("Its words").contains("11 March"), "the source's words");
    assert!(
        row("Interpreter").contains("no interpreter"),
        "the border statement's circumstances"
    );
    assert!(row("Recorded").contains("summary") && row("Recorded").contains("verbatim"));
    assert!(row("Taken on").contains("2024-03-10") && row("Taken on").contains("2026-11-20"));
    assert!(row("Language").contains("Spanish"));
    assert!(body.contains("(sources disagree)"), "the event is marked");
    assert!(body.contains(refuge_engine::NOTICE), "the notice");
    assert!(body.contains("print"), "a print hint");
}

#[tokio::test]
async fn the_timeline_lists_events_in_date_order_partial_dates_shown_as_such() {
    let t = TestApp::new().await;
    let ana = t.login("ana", Role::Staff).await;
    let case = sample_case(&t, &ana).await;
    let page = t
        .get(&format!("/cases/{}/timeline", case.id), Some(&ana))
        .await;
    assert!(page.body.contains("No events yet"), "the empty state");
    assert!(
        page.body.contains("PUT /api/v1/cases/"),
        "says how to add events"
    );
    let (_, mut app) = sample();
    // Entered last to first: shown first to last.
    let events = app["timeline"]["events"].as_array_mut().unwrap();
    events.reverse();
    put_application(&t, &ana, &case, &app).await;
    let page = t
        .get(&format!("/cases/{}/timeline", case.id), Some(&ana))
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let at = |id: &str| {
        page.body
            .find(&format!("<code>{id}</code>"))
            .unwrap_or_else(|| panic!("event {id} shown"))
    };
    let order = ["threat", "beating", "flight", "shelter", "crossing"];
    for w in order.windows(2) {
        assert!(at(w[0]) < at(w[1]), "{} before {}", w[0], w[1]);
    }
    assert!(
        page.body.contains("2024-02 (month only)"),
        "a month shown as a month"
    );
    assert!(
        page.body
            .contains("No two sources give an event different dates")
    );
    assert!(
        page.body.contains(&format!("/cases/{}/facts#", case.id)),
        "an event links to the facts' harm or arrival"
    );
}

both!(
    async fn the_evidence_checklist_marks_testimony_alone_and_a_status_change_is_a_new_version(t) {
        let ana = t.login("ana", Role::Staff).await;
        let case = sample_case(t, &ana).await;
        let (_, mut app) = sample();
        // Nothing of corroboration in hand: every finding rests on testimony alone.
        app["evidence"] = json!([]);
        let r = t.api("PUT", &path_of(&case, "application"), Some(&ana.token), Some(&app.to_string())).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let url = format!("/cases/{}/evidence", case.id);
        let page = t.get(&url, Some(&ana)).await;
        assert_eq!(page.status, StatusCode::OK, "{}", page.body);
        let readiness = t.api("GET", &path_of(&case, "readiness"), Some(&ana.token), None).await;
        let readiness: Value = serde_json::from_str(&readiness.body).unwrap();
        for el in readiness["evidence"]["elements"].as_array().unwrap() {
            assert!(page.body.contains(el["title"].as_str().unwrap()), "{} listed", el["title"]);
        }
        assert!(page.body.contains("Resting on testimony alone"));
        assert!(page.body.contains("testimony alone</strong>"), "a finding is marked");
        assert!(page.body.contains(refuge_engine::NOTICE), "the notice");
        // Not obtainable without a why: refused, what was chosen kept, nothing saved.
        let post = |status: &'static str, why: &'static str, version: &'static str| {
            [
                ("version", version),
                ("element", "past_harm"),
                ("item", "police_records"),
                ("harm", "h2"),
                ("family", ""),
                ("status", status),
                ("why", why),
            ]
        };
        let shown = t.post(&url, &ana, &post("not_obtainable", "", "1")).await;
        assert_eq!(shown.status, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(shown.body.contains("say why"), "{}", shown.body);
        assert!(shown.body.contains("<option value=\"not_obtainable\" selected>"), "the choice is kept");
        assert_eq!(t.db().application(&case.id).await.unwrap().unwrap().version, 1);
        // With its why: saved as version 2, audited, and kept.
        let r = t.post(&url, &ana, &post("not_obtainable", "The police refused a report.", "1")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        assert!(r.location().contains("saved=2"), "{}", r.location());
        let latest = t.db().application(&case.id).await.unwrap().unwrap();
        assert_eq!(latest.version, 2);
        let doc: Value = serde_json::from_str(&latest.document).unwrap();
        assert_eq!(
            doc["evidence"],
            json!([{"element": "past_harm", "item": "police_records", "harm": "h2", "status": "not_obtainable", "why": "The police refused a report."}])
        );
        assert_eq!(doc["part_a1"], app["part_a1"], "the rest of the application is kept");
        let audited = t.db().audit_log(Some(AuditAction::ApplicationChange), 100).await.unwrap();
        assert!(audited.iter().any(|a| a.detail.contains("evidence status")), "audited");
        let page = t.get(&url, Some(&ana)).await;
        assert!(page.body.contains("not obtainable: The police refused a report."));
        // A form opened on version 1, posted after version 2: refused.
        let stale = t.post(&url, &ana, &post("requested", "", "1")).await;
        assert_eq!(stale.status, StatusCode::CONFLICT);
        assert_eq!(t.db().application(&case.id).await.unwrap().unwrap().version, 2);
    }
);

both!(
    async fn a_passport_recorded_with_another_birth_date_shows_on_ready_to_file(t) {
        let ana = t.login("ana", Role::Staff).await;
        let case = sample_case(t, &ana).await;
        let (_, app) = sample();
        let r = t.api("PUT", &path_of(&case, "application"), Some(&ana.token), Some(&app.to_string())).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        let url = format!("/cases/{}/evidence", case.id);
        let page = t.get(&url, Some(&ana)).await;
        assert!(page.body.contains("name=\"birth_date_shown\""), "an identity document asks what it shows");
        let post = |birth: &'static str, version: &'static str| {
            [
                ("version", version),
                ("element", "identity"),
                ("item", "passport"),
                ("harm", ""),
                ("family", ""),
                ("status", "in_hand"),
                ("why", ""),
                ("name_shown", "Ana Reyes Martínez"),
                ("birth_date_shown", birth),
            ]
        };
        // Not a date: refused, what was typed kept, nothing saved.
        let shown = t.post(&url, &ana, &post("12/04/1990", "1")).await;
        assert_eq!(shown.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", shown.body);
        assert!(shown.body.contains("is not a date"), "{}", shown.body);
        assert!(shown.body.contains("value=\"12/04/1990\""), "what was typed is kept");
        assert_eq!(t.db().application(&case.id).await.unwrap().unwrap().version, 1);
        // A birth date a day off the facts': saved, and "Ready to file?" warns.
        let r = t.post(&url, &ana, &post("1990-04-13", "1")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let doc: Value =
            serde_json::from_str(&t.db().application(&case.id).await.unwrap().unwrap().document).unwrap();
        let passport = doc["evidence"].as_array().unwrap().iter().find(|e| e["item"] == "passport").unwrap();
        assert_eq!(passport["birth_date_shown"], "1990-04-13");
        assert_eq!(passport["name_shown"], "Ana Reyes Martínez");
        let ready = t.get(&format!("/cases/{}/readiness", case.id), Some(&ana)).await;
        assert!(ready.body.contains("the date of birth 1990-04-13"), "{}", ready.body);
        // Cleared: the fields are removed, and the warning goes.
        let r = t.post(&url, &ana, &post("", "2")).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let ready = t.get(&format!("/cases/{}/readiness", case.id), Some(&ana)).await;
        assert!(!ready.body.contains("the date of birth 1990-04-13"));
    }
);

#[tokio::test]
async fn the_timeline_and_evidence_pages_answer_an_outsider_as_readiness_does() {
    let t = TestApp::new().await;
    let ana = t.login("ana", Role::Attorney).await;
    let eve = t.login("eve", Role::Staff).await;
    let case = sample_case(&t, &ana).await;
    let readiness = t
        .get(&format!("/cases/{}/readiness", case.id), Some(&eve))
        .await;
    assert_ne!(readiness.status, StatusCode::OK);
    for page in ["timeline", "evidence"] {
        let r = t
            .get(&format!("/cases/{}/{page}", case.id), Some(&eve))
            .await;
        assert_eq!(r.status, readiness.status, "{page}");
        assert_eq!(r.body, readiness.body, "{page}: the same answer");
    }
    let case_page = t.get(&format!("/cases/{}", case.id), Some(&ana)).await;
    for page in ["timeline", "evidence"] {
        assert!(
            case_page
                .body
                .contains(&format!("/cases/{}/{page}", case.id)),
            "the case page links to {page}"
        );
    }
}

/// Issue 19: a Spanish-speaking user reads the evidence checklist and the
/// timeline in Spanish: each element and item, the harm it is for, the
/// findings' outcomes, and each event's kind, source and people.
#[tokio::test]
async fn the_evidence_checklist_and_the_timeline_read_in_spanish() {
    let t = TestApp::new().await;
    let ana = t.login("ana", Role::Staff).await;
    let case = sample_case(&t, &ana).await;
    let (_, app) = sample();
    put_application(&t, &ana, &case, &app).await;
    let saved = t
        .post("/settings/language", &ana, &[("language", "es")])
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);

    let evidence = t
        .get(&format!("/cases/{}/evidence", case.id), Some(&ana))
        .await;
    assert_eq!(evidence.status, StatusCode::OK, "{}", evidence.body);
    crate::reads(
        &evidence.body,
        &[
            "Identidad y nacionalidad",
            "Pasaporte, todas las páginas (sellos de entrada y salida)",
            "El daño sufrido, y que llegó a ser persecución (daño h1)",
            "El temor a un daño futuro, y la situación del país",
            "El parentesco de cada cónyuge e hijo (familiar ",
        ],
        &[
            "Identity and nationality",
            "Passport, every page",
            "(harm h1)",
            "family member",
            "(yes)",
            "(unknown)",
        ],
    );

    let timeline = t
        .get(&format!("/cases/{}/timeline", case.id), Some(&ana))
        .await;
    assert_eq!(timeline.status, StatusCode::OK, "{}", timeline.body);
    crate::reads(
        &timeline.body,
        &[
            ": amenaza",
            ": daño",
            ": salida",
            ": mudanza",
            ": entrada",
            "(la declaración)",
            "persona solicitante",
            "(no es familiar)",
            "familiar s1 (cónyuge)",
        ],
        &[
            ": threat",
            ": departure",
            "(the declaration)",
            "not family",
            "family member s1",
        ],
    );
}
