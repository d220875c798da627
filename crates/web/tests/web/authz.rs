//! The authorization matrix: for each role, each route, and a case of one's
//! own or someone else's, the expected allow or deny. A case of someone
//! else's is indistinguishable from a missing one (404), except to admins.

use axum::http::StatusCode;
use refuge_web::Role;

use crate::{ARRIVED, Login, TestApp};

#[derive(Clone, Copy, Debug)]
enum Whose {
    Own,
    Other,
}

#[derive(Clone, Copy, Debug)]
enum Access {
    /// Every role, on its own case or (admins) any case.
    Member,
    /// Attorneys and admins only (archive, assign).
    Manager,
}

/// Method, route, form fields, what success answers, who may.
type Row = (
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str)],
    u16,
    Access,
);

const CASE_ROUTES: &[Row] = &[
    ("GET", "/cases/{id}", &[], 200, Access::Member),
    ("GET", "/cases/{id}/interview", &[], 200, Access::Member),
    ("GET", "/cases/{id}/facts", &[], 200, Access::Member),
    ("GET", "/cases/{id}/history", &[], 200, Access::Member),
    ("GET", "/cases/{id}/facts.json", &[], 200, Access::Member),
    ("GET", "/cases/{id}/report.html", &[], 200, Access::Member),
    ("GET", "/cases/{id}/calendar.ics", &[], 200, Access::Member),
    (
        "POST",
        "/cases/{id}/notes",
        &[("body", "Client called.")],
        303,
        Access::Member,
    ),
    (
        "POST",
        "/cases/{id}/facts",
        &[("version", "1"), ("applicant.birth_date", "1990-01-01")],
        303,
        Access::Member,
    ),
    (
        "POST",
        "/cases/{id}/archive",
        &[("archived", "0")],
        303,
        Access::Manager,
    ),
    (
        "POST",
        "/cases/{id}/members",
        &[("name", "colleague")],
        303,
        Access::Manager,
    ),
    ("API GET", "/api/v1/cases/{id}", &[], 200, Access::Member),
    (
        "API GET",
        "/api/v1/cases/{id}/facts",
        &[],
        200,
        Access::Member,
    ),
    (
        "API GET",
        "/api/v1/cases/{id}/assessment",
        &[],
        200,
        Access::Member,
    ),
    (
        "API GET",
        "/api/v1/cases/{id}/calendar.ics",
        &[],
        200,
        Access::Member,
    ),
    (
        "API PUT",
        "/api/v1/cases/{id}/facts",
        &[],
        200,
        Access::Member,
    ),
];

fn expected(role: Role, whose: Whose, success: u16, access: Access) -> u16 {
    let sees = role == Role::Admin || matches!(whose, Whose::Own);
    if !sees {
        return 404;
    }
    match access {
        Access::Manager if role == Role::Staff => 403,
        _ => success,
    }
}

async fn call(t: &TestApp, who: &Login, method: &str, path: &str, fields: &[(&str, &str)]) -> u16 {
    let r = match method {
        "GET" => t.get(path, Some(who)).await,
        "POST" => t.post(path, who, fields).await,
        "API GET" => t.api("GET", path, Some(&who.token), None).await,
        "API PUT" => t.api("PUT", path, Some(&who.token), Some(ARRIVED)).await,
        m => panic!("unknown method {m}"),
    };
    r.status.as_u16()
}

#[tokio::test]
async fn each_role_reaches_its_own_cases_and_only_admins_reach_others() {
    matrix(&TestApp::new().await).await;
}

#[tokio::test]
async fn the_authorization_matrix_holds_on_postgresql() {
    match TestApp::postgres().await {
        Some(t) => matrix(&t).await,
        None => eprintln!(
            "skipped: set REFUGE_TEST_POSTGRES_URL (as .ci/run does) to run the matrix on PostgreSQL"
        ),
    }
}

async fn matrix(t: &TestApp) {
    let stranger = t.login("stranger", Role::Attorney).await;
    t.login("colleague", Role::Staff).await;
    let mut failures = Vec::new();
    for role in Role::ALL {
        let who = t.login(&format!("a-{}", role.as_str()), role).await;
        for whose in [Whose::Own, Whose::Other] {
            for (method, route, fields, success, access) in CASE_ROUTES {
                // A fresh case each time, so that one row's change (archive, facts) cannot affect another.
                let owner = match whose {
                    Whose::Own => &who,
                    Whose::Other => &stranger,
                };
                let case = t.case(owner, "Client", ARRIVED).await;
                let path = route.replace("{id}", &case.id);
                let got = call(t, &who, method, &path, fields).await;
                let want = expected(role, whose, *success, *access);
                if got != want {
                    failures.push(format!(
                        "{role:?} {whose:?} {method} {route}: got {got}, want {want}"
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "authorization matrix:\n{}",
        failures.join("\n")
    );
}

#[tokio::test]
async fn only_admins_manage_users_and_read_the_audit_log() {
    let t = TestApp::new().await;
    for role in Role::ALL {
        let who = t.login(&format!("u-{}", role.as_str()), role).await;
        let want = if role == Role::Admin {
            (200, 303)
        } else {
            (403, 403)
        };
        assert_eq!(
            t.get("/admin/users", Some(&who)).await.status.as_u16(),
            want.0,
            "{role:?} GET /admin/users"
        );
        assert_eq!(
            t.get("/admin/audit", Some(&who)).await.status.as_u16(),
            want.0,
            "{role:?} GET /admin/audit"
        );
        let name = format!("new-{}", role.as_str());
        let r = t
            .post(
                "/admin/users",
                &who,
                &[
                    ("name", &name),
                    ("password", "long enough password"),
                    ("role", "staff"),
                ],
            )
            .await;
        assert_eq!(
            r.status.as_u16(),
            want.1,
            "{role:?} POST /admin/users: {}",
            r.body
        );
    }
}

#[tokio::test]
async fn without_a_session_pages_send_to_sign_in_and_the_api_answers_401() {
    let t = TestApp::new().await;
    let owner = t.login("owner", Role::Attorney).await;
    let case = t.case(&owner, "Client", ARRIVED).await;
    for path in [
        "/",
        "/cases",
        "/cases/new",
        "/settings",
        "/admin/users",
        "/admin/audit",
    ]
    .into_iter()
    .map(str::to_string)
    .chain(
        CASE_ROUTES
            .iter()
            .filter(|r| r.0 == "GET")
            .map(|r| r.1.replace("{id}", &case.id)),
    ) {
        let r = t.get(&path, None).await;
        assert_eq!((r.status.as_u16(), r.location()), (303, "/login"), "{path}");
    }
    for (method, route, ..) in CASE_ROUTES.iter().filter(|r| r.0.starts_with("API")) {
        let path = route.replace("{id}", &case.id);
        let r = t.api(&method[4..], &path, None, Some(ARRIVED)).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{method} {route}");
        assert!(r.json()["error"].as_str().unwrap().contains("token"));
        let r = t
            .api(&method[4..], &path, Some("rfg_wrong"), Some(ARRIVED))
            .await;
        assert_eq!(
            r.status,
            StatusCode::UNAUTHORIZED,
            "{method} {route} with a wrong token"
        );
    }
}

#[tokio::test]
async fn a_user_sees_only_assigned_cases_in_lists_dashboard_and_api() {
    let t = TestApp::new().await;
    let a = t.login("alice", Role::Attorney).await;
    let b = t.login("bob", Role::Staff).await;
    let admin = t.login("root", Role::Admin).await;
    t.case(&a, "Alice Client", ARRIVED).await;
    let shared = t.case(&b, "Bob Client", ARRIVED).await;
    let list = t.get("/cases", Some(&a)).await.body;
    assert!(list.contains("Alice Client") && !list.contains("Bob Client"));
    let dash = t.get("/", Some(&a)).await.body;
    assert_eq!(dash.matches("asylum.one_year").count(), 1);
    let api = t
        .api("GET", "/api/v1/cases", Some(&a.token), None)
        .await
        .json();
    assert_eq!(api.as_array().unwrap().len(), 1);
    assert_eq!(
        t.api("GET", "/api/v1/cases", Some(&admin.token), None)
            .await
            .json()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    // Once assigned by an admin, bob's case is alice's too.
    let r = t
        .post(
            &format!("/cases/{}/members", shared.id),
            &admin,
            &[("name", "alice")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(t.get("/cases", Some(&a)).await.body.contains("Bob Client"));
}
