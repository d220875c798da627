//! The authorization matrix: for each role, each route, and a case of one's
//! own or someone else's, the expected allow or deny. A case of someone
//! else's is indistinguishable from a missing one (404), except to admins.

use axum::http::StatusCode;
use refuge_web::Role;
use refuge_web::app::route_table;
use refuge_web::http::routes::Access;

use crate::{ARRIVED, Login, TestApp};

#[derive(Clone, Copy, Debug)]
enum Whose {
    Own,
    Other,
}

/// How the test calls a route, and what success answers: form fields (a
/// JSON body for the API) and the status. Every route of the application
/// needs a row here: the matrix fails on a route it cannot call, so that a
/// new route cannot be left out of it.
fn how(method: &str, path: &str) -> Option<(&'static [(&'static str, &'static str)], u16)> {
    Some(match (method, path) {
        ("GET", "/cases/{id}")
        | ("GET", "/cases/{id}/interview")
        | ("GET", "/cases/{id}/facts")
        | ("GET", "/cases/{id}/history")
        | ("GET", "/cases/{id}/application/history")
        | ("GET", "/cases/{id}/facts.json")
        | ("GET", "/cases/{id}/report.html")
        | ("GET", "/cases/{id}/memo.pdf")
        | ("GET", "/cases/{id}/answers.pdf")
        | ("GET", "/cases/{id}/packet.pdf")
        | ("GET", "/cases/{id}/uploads")
        | ("GET", "/cases/{id}/declaration.pdf")
        | ("GET", "/cases/{id}/declaration.md")
        | ("GET", "/cases/{id}/practice.pdf")
        | ("GET", "/cases/{id}/practice/bring.pdf")
        | ("GET", "/cases/{id}/calendar.ics")
        | ("GET", "/cases/{id}/practice")
        | ("GET", "/cases/{id}/practice/print")
        | ("GET", "/")
        | ("GET", "/cases")
        | ("GET", "/cases/new")
        | ("GET", "/settings")
        | ("GET", "/settings/second-factor")
        | ("GET", "/admin/users")
        | ("GET", "/admin/audit")
        | ("GET", "/static/style.css")
        | ("GET", "/static/icon.svg")
        | ("GET", "/static/intake.css")
        | ("GET", "/cases/{id}/intake")
        | ("GET", "/cases.csv")
        | ("GET", "/deadlines.csv")
        | ("GET", "/login")
        | ("GET", "/api/v1/openapi.json")
        | ("GET", "/api/v1/cases")
        | ("GET", "/api/v1/changes")
        | ("GET", "/changes")
        | ("GET", "/api/v1/cases/{id}")
        | ("GET", "/api/v1/cases/{id}/facts")
        | ("GET", "/api/v1/cases/{id}/assessment")
        | ("GET", "/api/v1/cases/{id}/calendar.ics")
        | ("PUT", "/api/v1/cases/{id}/facts")
        | ("GET", "/cases/{id}/application")
        | ("GET", "/cases/{id}/readiness")
        | ("GET", "/cases/{id}/timeline")
        | ("GET", "/cases/{id}/evidence")
        | ("GET", "/api/v1/cases/{id}/application")
        | ("PUT", "/api/v1/cases/{id}/application")
        | ("GET", "/api/v1/cases/{id}/readiness")
        | ("POST", "/api/v1/assess") => (&[], 200),
        ("POST", "/api/v1/cases") => (&[], 201),
        ("GET", "/favicon.ico") => (&[], 308),
        // The setup link works only with the first run's token: without it, not found.
        ("GET", "/setup") | ("POST", "/setup") => (&[], 404),
        ("POST", "/login") => (&[("name", "nobody"), ("password", "wrong password")], 200),
        ("POST", "/logout") => (&[], 303),
        ("POST", "/cases") => (&[("client_name", "New client")], 303),
        ("POST", "/cases/search") => (&[("q", "client")], 200),
        ("POST", "/cases/{id}/notes") => (&[("body", "Client called.")], 303),
        // Nothing to review yet: back to the case page, nothing written.
        ("POST", "/cases/{id}/changes/review") => (&[], 303),
        // No such note ("{note}" is left in the address): not found, once the case is seen.
        ("POST", "/cases/{id}/notes/{note}") => (&[("version", "1"), ("body", "x")], 404),
        // For the case's owner, who is on its team.
        ("POST", "/cases/{id}/tasks") => (
            &[
                ("title", "Call the client"),
                ("due", "2027-01-05"),
                ("assignee", "{owner}"),
            ],
            303,
        ),
        ("POST", "/cases/{id}/tasks/{task}") => (&[("done", "1")], 404),
        ("POST", "/cases/{id}/practice/sessions") => (&[("forum", "court")], 303),
        ("POST", "/cases/{id}/practice/interview") => {
            (&[("forum", "asylum_office"), ("date", "2027-02-01")], 303)
        }
        // No session named: not found, once the case is seen.
        ("GET", "/cases/{id}/practice/session") => (&[], 404),
        ("POST", "/cases/{id}/practice/session") => (
            &[
                ("session", "none"),
                ("question", "identity.name"),
                ("status", "ready"),
            ],
            404,
        ),
        ("POST", "/cases/{id}/facts") => (
            &[("version", "1"), ("applicant.birth_date", "1990-01-01")],
            303,
        ),
        ("POST", "/cases/{id}/interview") => (
            &[
                ("version", "1"),
                ("fact", "applicant.birth_date"),
                ("applicant.birth_date", "1990-01-01"),
            ],
            303,
        ),
        ("POST", "/cases/{id}/evidence") => (
            &[
                ("version", "0"),
                ("element", "identity"),
                ("item", "passport"),
                ("status", "requested"),
            ],
            303,
        ),
        ("POST", "/cases/{id}/application") => (
            &[
                ("version", "0"),
                ("application.part_a1.religion", "Catholic"),
            ],
            303,
        ),
        ("POST", "/cases/{id}/archive") => (&[("archived", "0")], 303),
        ("POST", "/cases/{id}/members") => (&[("name", "colleague")], 303),
        ("POST", "/cases/{id}/members/remove") => (&[("user_id", "no-such-user")], 400),
        ("POST", "/settings/calendar") => (&[], 200),
        // A new key to set up, shown on the set-up page.
        ("POST", "/settings/second-factor/start") => (&[], 303),
        // No key being set up (or a wrong code): the page again, with why.
        ("POST", "/settings/second-factor/confirm") => (&[("code", "000000")], 422),
        // No second factor to turn off: the page again, with why.
        ("POST", "/settings/second-factor/off") => (&[("code", "000000")], 422),
        ("POST", "/admin/second-factor") => (&[("require", "0")], 303),
        // Only after a right password (its own cookie): otherwise, to sign in.
        ("GET", "/login/code") | ("POST", "/login/code") => (&[], 303),
        // A wrong current password is refused at the form, with the form again.
        ("POST", "/settings/password") => (&[("current", "x"), ("new", "y")], 422),
        ("POST", "/settings/tokens") => (&[("name", "script")], 200),
        ("POST", "/settings/time-zone") => (&[("time_zone", "America/Chicago")], 200),
        ("POST", "/settings/language") => (&[("language", "es")], 200),
        // Only one's own tokens are revoked: any other id is not found.
        ("POST", "/settings/tokens/{id}/revoke") => (&[], 404),
        ("POST", "/admin/users") => (
            &[
                ("name", "{fresh}"),
                ("password", "long enough password"),
                ("role", "staff"),
            ],
            303,
        ),
        ("POST", "/admin/users/{id}") => (&[("role", "staff")], 303),
        // No such upload ("{upload}" is left in the address): not found, once the case is seen.
        ("GET", "/cases/{id}/uploads/{upload}")
        | ("POST", "/cases/{id}/uploads/{upload}")
        | ("POST", "/cases/{id}/uploads/{upload}/delete") => (&[], 404),
        // A form that is not a file upload (multipart/form-data): refused, once the case is seen.
        ("POST", "/cases/{id}/uploads") => (&[], 400),
        ("GET", "/calendar/{token}/deadlines.ics") | ("GET", "/calendar/{token}/cases/{id}") => {
            (&[], 404)
        }
        // A client's intake pages open with their link's token alone: a
        // wrong one opens nothing, whoever asks.
        ("GET", "/i/{token}")
        | ("GET", "/i/{token}/done")
        | ("GET", "/i/{token}/{screen}")
        | ("POST", "/i/{token}/{screen}") => (&[], 404),
        // The link is shown once, on the page that answers.
        ("POST", "/cases/{id}/intake/links") => (&[("language", "es"), ("days", "14")], 200),
        // No such link or answer: not found, once the case is seen.
        ("POST", "/cases/{id}/intake/links/{link}/revoke") => (&[], 404),
        ("POST", "/cases/{id}/intake/answers/{answer}") => (&[("decision", "accept")], 404),
        ("POST", "/cases/{id}/client-language") => (&[("language", "es")], 303),
        _ => return None,
    })
}

fn expected(role: Role, whose: Whose, success: u16, access: Access) -> u16 {
    let sees = role == Role::Admin || matches!(whose, Whose::Own);
    match access {
        Access::Member | Access::Manager | Access::ApiMember if !sees => 404,
        Access::Manager if role == Role::Staff => 403,
        Access::Admin if role != Role::Admin => 403,
        _ => success,
    }
}

async fn call(
    t: &TestApp,
    who: Option<&Login>,
    method: &str,
    path: &str,
    fields: &[(&str, &str)],
) -> u16 {
    let api = path.starts_with("/api/");
    let r = match (api, method, who) {
        (false, "GET", who) => t.get(path, who).await,
        (false, "POST", Some(who)) => t.post(path, who, fields).await,
        (false, "POST", None) => t.post_raw(path, None, "csrf=x").await,
        (true, m, who) => {
            let body = matches!(m, "PUT" | "POST").then_some(if path.ends_with("/cases") {
                r#"{"name": "API client"}"#
            } else if path.ends_with("/application") {
                r#"{"part_a1": {"religion": "Catholic"}}"#
            } else {
                ARRIVED
            });
            t.api(m, path, who.map(|w| w.token.as_str()), body).await
        }
        (_, m, _) => panic!("the matrix cannot call {m} {path}"),
    };
    r.status.as_u16()
}

#[tokio::test]
async fn each_role_reaches_every_route_as_its_access_says_and_only_admins_reach_others_cases() {
    matrix(&TestApp::new().await).await;
}

#[tokio::test]
async fn the_authorization_matrix_holds_on_postgresql() {
    match TestApp::postgres().await {
        Some(t) => matrix(&t).await,
        None => crate::skipped("the authorization matrix on PostgreSQL"),
    }
}

/// Every registered route (the application's own table), for each role and
/// a case of one's own or someone else's, and without signing in.
async fn matrix(t: &TestApp) {
    let stranger = t.login("stranger", Role::Attorney).await;
    t.login("colleague", Role::Staff).await;
    let routes = route_table();
    let mut failures = Vec::new();
    let mut fresh = 0;
    for route in &routes {
        let Some((fields, success)) = how(route.method, &route.path) else {
            failures.push(format!(
                "{} {}: no row in the matrix; add one to `how`",
                route.method, route.path
            ));
            continue;
        };
        // Without signing in: pages send to sign-in, the API answers 401.
        let anonymous = match route.access {
            Access::Public => None,
            Access::FeedToken | Access::IntakeToken => Some(404),
            Access::Api | Access::ApiMember => Some(401),
            // Pages, and sign-in's second step without its first: to sign in.
            _ => Some(303),
        };
        let owner_case = t.case(&stranger, "Client", ARRIVED).await;
        let path = route
            .path
            .replace("{id}", &owner_case.id)
            .replace("{token}", "wrong");
        let got = call(t, None, route.method, &path, fields).await;
        match anonymous {
            Some(want) if got != want => failures.push(format!(
                "anonymous {} {}: got {got}, want {want}",
                route.method, route.path
            )),
            None if got == 303 || got == 401 => failures.push(format!(
                "anonymous {} {}: got {got}, but the route is public",
                route.method, route.path
            )),
            _ => {}
        }
        if matches!(
            route.access,
            Access::Public | Access::FeedToken | Access::IntakeToken | Access::PendingSignIn
        ) {
            continue;
        }
        for role in Role::ALL {
            for whose in [Whose::Own, Whose::Other] {
                let case_route = matches!(
                    route.access,
                    Access::Member | Access::Manager | Access::ApiMember
                );
                if !case_route && matches!(whose, Whose::Other) {
                    continue;
                }
                fresh += 1;
                let who = t.login(&format!("u{fresh}-{}", role.as_str()), role).await;
                // A fresh case each time, so that one row's change (archive, facts) cannot affect another.
                let owner = match whose {
                    Whose::Own => &who,
                    Whose::Other => &stranger,
                };
                let case = t.case(owner, "Client", ARRIVED).await;
                let id = if route.path.starts_with("/admin/users/") {
                    t.login(&format!("target{fresh}"), Role::Staff)
                        .await
                        .user
                        .id
                        .to_string()
                } else {
                    case.id.to_string()
                };
                let name = format!("fresh{fresh}");
                let fields: Vec<(&str, &str)> = fields
                    .iter()
                    .map(|&(k, v)| {
                        let v = match v {
                            "{fresh}" => name.as_str(),
                            "{owner}" => owner.user.id.as_str(),
                            v => v,
                        };
                        (k, v)
                    })
                    .collect();
                let path = route.path.replace("{id}", &id);
                let got = call(t, Some(&who), route.method, &path, &fields).await;
                let want = expected(role, whose, success, route.access);
                if got != want {
                    failures.push(format!(
                        "{role:?} {whose:?} {} {}: got {got}, want {want}",
                        route.method, route.path
                    ));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "authorization matrix ({} routes):\n{}",
        routes.len(),
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
    for route in route_table() {
        let path = route.path.replace("{id}", &case.id);
        match route.access {
            Access::Public | Access::FeedToken | Access::IntakeToken => {}
            // The code step without a right password first: to sign in, from the start.
            Access::PendingSignIn => {
                let r = match route.method {
                    "GET" => t.get(&path, None).await,
                    _ => t.post_raw(&path, None, "csrf=x").await,
                };
                assert_eq!(
                    (r.status.as_u16(), r.location()),
                    (303, "/login"),
                    "{} {path}",
                    route.method
                );
            }
            Access::Api | Access::ApiMember => {
                let r = t.api(route.method, &path, None, Some(ARRIVED)).await;
                assert_eq!(
                    r.status,
                    StatusCode::UNAUTHORIZED,
                    "{} {}",
                    route.method,
                    route.path
                );
                assert!(r.json()["error"].as_str().unwrap().contains("token"));
                let r = t
                    .api(route.method, &path, Some("rfg_wrong"), Some(ARRIVED))
                    .await;
                assert_eq!(
                    r.status,
                    StatusCode::UNAUTHORIZED,
                    "{} {} with a wrong token",
                    route.method,
                    route.path
                );
            }
            _ if route.method == "GET" => {
                // To sign in, and then back to the page asked for (issue 22, defect 10).
                let r = t.get(&path, None).await;
                let back = match path.as_str() {
                    "/" => "/login".to_string(),
                    p => format!(
                        "/login?next={}",
                        p.replace('/', "%2F")
                            .replace('{', "%7B")
                            .replace('}', "%7D")
                    ),
                };
                assert_eq!(
                    (r.status.as_u16(), r.location()),
                    (303, back.as_str()),
                    "{path}"
                );
            }
            _ => {
                let r = t.post_raw(&path, None, "csrf=x").await;
                assert_eq!(
                    (r.status.as_u16(), r.location()),
                    (303, "/login"),
                    "POST {path}"
                );
            }
        }
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
