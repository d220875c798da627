//! The second factor (issue 15, protection 3): setting it up, signing in
//! with a code, recovery codes, the administrator's rule and reset. The
//! server's clock is fixed (`TestApp`'s `now`), so the codes typed here are
//! computed for known time steps.

use axum::http::{StatusCode, header};
use refuge_web::domain::AuditAction;
use refuge_web::totp::{self, TotpSecret};
use refuge_web::{Role, secret};

use crate::{Login, Reply, TestApp};

const PASSWORD: &str = "correct horse battery";

/// The `name=value` of the cookie `name` that a reply sets.
fn cookie(r: &Reply, name: &str) -> Option<String> {
    r.headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(|v| v.split(';').next().unwrap().to_string())
}

fn csrf_of(page: &str) -> String {
    let at = page.find("name=\"csrf\" value=\"").expect("a form") + 19;
    page[at..].split('"').next().unwrap().to_string()
}

/// The text of the first `<code class="CLASS">` of a page.
fn code_text<'a>(page: &'a str, class: &str) -> &'a str {
    let open = format!("<code class=\"{class}\">");
    let at = page
        .find(&open)
        .unwrap_or_else(|| panic!("no {open} in {page}"))
        + open.len();
    page[at..].split("</code>").next().unwrap()
}

/// A GET with this cookie (`name=value`) alone.
async fn get_with(t: &TestApp, path: &str, cookie: &str) -> Reply {
    let req = axum::http::Request::get(path).header(header::COOKIE, cookie);
    t.send(req.body(axum::body::Body::empty()).unwrap()).await
}

/// The step of the tests' moment.
fn step_now() -> i64 {
    totp::step_at(crate::now().as_second())
}

/// A user with a real password, and a session of theirs.
async fn user(t: &TestApp, name: &str, role: Role) -> Login {
    let user = t
        .db()
        .add_user(
            name,
            &secret::hash_password(PASSWORD),
            role,
            &crate::test_audit(),
        )
        .await
        .unwrap();
    t.session_for(user, "2999-01-01T00:00:00Z").await
}

/// Sets up `who`'s second factor through the pages: the key read from the
/// page, confirmed with the code of the current step. The key, and the
/// recovery codes shown.
async fn enrol(t: &TestApp, who: &Login) -> (TotpSecret, Vec<String>) {
    let r = t.post("/settings/second-factor/start", who, &[]).await;
    assert_eq!(
        (r.status, r.location()),
        (StatusCode::SEE_OTHER, "/settings/second-factor")
    );
    let page = t.get("/settings/second-factor", Some(who)).await.body;
    let key = TotpSecret::from_base32(&code_text(&page, "key").replace(' ', ""))
        .expect("the page shows the key in base32");
    let code = key.code_at(step_now());
    let r = t
        .post("/settings/second-factor/confirm", who, &[("code", &code)])
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let codes: Vec<String> = r
        .body
        .split("<li><code>")
        .skip(1)
        .map(|s| s.split("</code>").next().unwrap().to_string())
        .collect();
    (key, codes)
}

/// The first step of signing in, the password; the reply.
async fn password_step(t: &TestApp, name: &str, password: &str, next: &str) -> Reply {
    let form = t.get("/login", None).await;
    let pre = cookie(&form, "refuge_form").unwrap();
    let body = serde_urlencoded::to_string([
        ("csrf", csrf_of(&form.body).as_str()),
        ("name", name),
        ("password", password),
        ("next", next),
    ])
    .unwrap();
    t.post_raw("/login", Some(&pre), &body).await
}

/// The second step, a code, on the sign-in that `pending` (its cookie) began.
async fn code_step(t: &TestApp, pending: &str, code: &str) -> Reply {
    let form = get_with(t, "/login/code?next=%2Fcases", pending).await;
    assert_eq!(form.status, StatusCode::OK, "the code step's form");
    let pre = cookie(&form, "refuge_form").unwrap();
    let body = serde_urlencoded::to_string([
        ("csrf", csrf_of(&form.body).as_str()),
        ("code", code),
        ("next", "/cases"),
    ])
    .unwrap();
    t.post_raw("/login/code", Some(&format!("{pending}; {pre}")), &body)
        .await
}

/// Signs in with the password and then `code`: the reply to the code.
async fn sign_in_with(t: &TestApp, name: &str, code: &str) -> Reply {
    let r = password_step(t, name, PASSWORD, "/cases").await;
    assert_eq!(
        (r.status, r.location()),
        (StatusCode::SEE_OTHER, "/login/code?next=%2Fcases"),
        "a right password leads to the code step"
    );
    let pending = cookie(&r, "refuge_pending").expect("the code step's own cookie");
    code_step(t, &pending, code).await
}

/// Whether a reply to the code step signed in: to the page asked for, with a session that works.
async fn signed_in(t: &TestApp, r: &Reply) -> bool {
    let Some(session) = cookie(r, "refuge_session") else {
        return false;
    };
    let page = get_with(t, "/cases", &session).await;
    r.status == StatusCode::SEE_OTHER && r.location() == "/cases" && page.status == StatusCode::OK
}

async fn audited(t: &TestApp, action: AuditAction) -> Vec<String> {
    t.db()
        .audit_log(Some(action), 100)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.detail)
        .collect()
}

#[tokio::test]
async fn a_second_factor_is_switched_on_only_by_a_current_code_and_ten_recovery_codes_are_shown_once()
 {
    let t = TestApp::new().await;
    let ana = user(&t, "ana", Role::Staff).await;
    let settings = t.get("/settings", Some(&ana)).await.body;
    assert!(settings.contains("Set up a second factor"), "{settings}");

    t.post("/settings/second-factor/start", &ana, &[]).await;
    let page = t.get("/settings/second-factor", Some(&ana)).await.body;
    // The key for typing by hand, the otpauth:// address, and its QR code.
    let key = code_text(&page, "key").replace(' ', "");
    let uri = code_text(&page, "uri").replace("&#38;", "&");
    assert!(
        uri.starts_with(&format!(
            "otpauth://totp/Refuge:ana?secret={key}&issuer=Refuge"
        )),
        "{uri}"
    );
    assert!(page.contains("<svg class=\"qr\"") && page.contains("role=\"img\""));
    let secret = TotpSecret::from_base32(&key).unwrap();

    // A wrong code, or one of another moment, switches nothing on.
    for wrong in ["000000", &secret.code_at(step_now() - 2), "12345"] {
        let r = t
            .post("/settings/second-factor/confirm", &ana, &[("code", wrong)])
            .await;
        assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{wrong}");
        assert!(!t.db().second_factor(&ana.user.id).await.unwrap().enabled);
    }
    let r = t
        .post(
            "/settings/second-factor/confirm",
            &ana,
            &[("code", &secret.code_at(step_now()))],
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let codes: Vec<&str> = r
        .body
        .split("<li><code>")
        .skip(1)
        .map(|s| s.split("</code>").next().unwrap())
        .collect();
    assert_eq!(codes.len(), 10, "{}", r.body);
    assert!(
        codes
            .iter()
            .all(|c| c.len() == 19 && c.matches('-').count() == 3)
    );
    // Shown once: the page again shows how many are left, never the codes.
    let again = t.get("/settings/second-factor", Some(&ana)).await.body;
    assert!(again.contains("Recovery codes left: 10"), "{again}");
    assert!(!codes.iter().any(|c| again.contains(c)));
    assert!(!again.contains(&key), "the key is not shown once it is on");
    assert!(
        t.get("/settings", Some(&ana))
            .await
            .body
            .contains("Status: on")
    );

    assert_eq!(audited(&t, AuditAction::SecondFactorSetup).await.len(), 1);
    assert_eq!(audited(&t, AuditAction::SecondFactorOn).await.len(), 1);
    // The secret and the recovery codes are never in the audit log.
    for e in t.db().audit_log(None, 500).await.unwrap() {
        assert!(!e.detail.contains(&key) && !codes.iter().any(|c| e.detail.contains(c)));
    }
}

both! {
    async fn after_a_right_password_only_a_current_unused_code_signs_in(t) {
    let ana = user(t, "ana", Role::Attorney).await;
    let (key, _) = enrol(t, &ana).await;

    // The password alone signs no one in: its cookie is not a session.
    let r = password_step(t, "ana", PASSWORD, "/cases").await;
    assert!(cookie(&r, "refuge_session").is_none());
    let pending = cookie(&r, "refuge_pending").unwrap();
    let home = get_with(t, "/", &pending).await;
    assert_eq!((home.status, home.location()), (StatusCode::SEE_OTHER, "/login"));

    // A wrong code is refused, and recorded.
    let r = code_step(t, &pending, "000000").await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.body.contains("That code is wrong"));
    assert!(!signed_in(t, &r).await);
    // The code that confirmed the set-up was used: refused (RFC 6238, § 5.2).
    let r = code_step(t, &pending, &key.code_at(step_now())).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(r.body.contains("used already"), "{}", r.body);
    // The next step's code (a phone a little ahead) signs in, to the page asked for.
    let next = key.code_at(step_now() + 1);
    let r = code_step(t, &pending, &next).await;
    assert!(signed_in(t, &r).await, "{} {}", r.status, r.body);
    assert!(cookie(&r, "refuge_pending").unwrap().ends_with('='), "the code step's cookie is cleared");
    // The sign-in is over: its cookie no longer reaches the code step.
    let r = get_with(t, "/login/code", &pending).await;
    assert_eq!((r.status, r.location()), (StatusCode::SEE_OTHER, "/login"));

    // The same code again, on a new sign-in: refused; and an earlier step's too.
    for used in [next.as_str(), &key.code_at(step_now() - 1)] {
        let r = sign_in_with(t, "ana", used).await;
        assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{used}");
        assert!(!signed_in(t, &r).await);
    }
    let failed = audited(t, AuditAction::SignInCodeFailed).await;
    assert_eq!(failed.len(), 4, "{failed:?}");
    assert!(audited(t, AuditAction::SignIn).await.iter().any(|d| d == "signed in with a second-factor code"));
    }
}

both! {
    async fn a_recovery_code_signs_in_once(t) {
    let ana = user(t, "ana", Role::Staff).await;
    let (_, codes) = enrol(t, &ana).await;
    // As typed from paper: in capitals, without the dashes.
    let typed = codes[3].replace('-', "").to_uppercase();
    let r = sign_in_with(t, "ana", &typed).await;
    assert!(signed_in(t, &r).await, "{} {}", r.status, r.body);
    assert_eq!(t.db().second_factor(&ana.user.id).await.unwrap().recovery_left, 9);
    assert_eq!(audited(t, AuditAction::SignInRecoveryCode).await, ["a recovery code used; 9 left"]);
    // Used up.
    let r = sign_in_with(t, "ana", &codes[3]).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    assert!(!signed_in(t, &r).await);
    // Another user's code is not ana's.
    let bob = user(t, "bob", Role::Staff).await;
    let (_, bobs) = enrol(t, &bob).await;
    assert_eq!(sign_in_with(t, "ana", &bobs[0]).await.status, StatusCode::UNAUTHORIZED);
    }
}

#[tokio::test]
async fn wrong_codes_are_limited_like_wrong_passwords() {
    let t = TestApp::new().await;
    let ana = user(&t, "ana", Role::Staff).await;
    let (key, _) = enrol(&t, &ana).await;
    let r = password_step(&t, "ana", PASSWORD, "/").await;
    let pending = cookie(&r, "refuge_pending").unwrap();
    for _ in 0..5 {
        assert_eq!(
            code_step(&t, &pending, "111111").await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    // Locked for this name from this address: even the right code waits.
    let r = code_step(&t, &pending, &key.code_at(step_now() + 1)).await;
    assert_eq!(r.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(!signed_in(&t, &r).await);
    // And the password too, as after five wrong passwords.
    assert_eq!(
        password_step(&t, "ana", PASSWORD, "/").await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    // From everywhere, ten wrong codes stop codes for the account.
    let limit = &t.state.rate_limit;
    for n in 0..5 {
        limit.code_failed(&format!("10.0.0.{n}"), "ana");
    }
    assert!(limit.codes_locked("ana") && !limit.codes_locked("bob"));
}

#[tokio::test]
async fn when_an_admin_requires_a_second_factor_a_user_without_one_is_sent_to_set_it_up_first() {
    let t = TestApp::new().await;
    let admin = user(&t, "root", Role::Admin).await;
    let ana = user(&t, "ana", Role::Attorney).await;
    // Only an administrator sets the rule.
    let r = t
        .post("/admin/second-factor", &ana, &[("require", "1")])
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = t
        .post("/admin/second-factor", &admin, &[("require", "1")])
        .await;
    assert_eq!(
        (r.status, r.location()),
        (StatusCode::SEE_OTHER, "/admin/users?required=1")
    );
    assert_eq!(
        audited(&t, AuditAction::PermissionRequireSecondFactor).await,
        ["a second factor required of every user"]
    );

    // Every page sends ana to the set-up, before anything else.
    for path in ["/", "/cases", "/settings", "/cases/new"] {
        let r = t.get(path, Some(&ana)).await;
        assert_eq!(
            (r.status, r.location()),
            (StatusCode::SEE_OTHER, "/settings/second-factor"),
            "{path}"
        );
    }
    let r = t.post("/cases", &ana, &[("client_name", "X")]).await;
    assert_eq!(r.location(), "/settings/second-factor");
    let page = t.get("/settings/second-factor", Some(&ana)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("requires a second factor of every user"));
    // The administrator too.
    assert_eq!(
        t.get("/admin/users", Some(&admin)).await.location(),
        "/settings/second-factor"
    );

    enrol(&t, &ana).await;
    assert_eq!(t.get("/cases", Some(&ana)).await.status, StatusCode::OK);
    // While it is required, it cannot be turned off.
    let r = t
        .post("/settings/second-factor/off", &ana, &[("code", "000000")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(t.db().second_factor(&ana.user.id).await.unwrap().enabled);
    // Signing out is always possible.
    let r = t.post("/logout", &admin, &[]).await;
    assert_eq!(r.location(), "/login");
}

#[tokio::test]
async fn a_password_reset_by_an_admin_leaves_the_second_factor_and_only_an_audited_reset_removes_it()
 {
    let t = TestApp::new().await;
    let admin = user(&t, "root", Role::Admin).await;
    let ana = user(&t, "ana", Role::Staff).await;
    let (key, _) = enrol(&t, &ana).await;
    let users = t.get("/admin/users", Some(&admin)).await.body;
    assert!(users.contains("reset their second factor"), "{users}");

    let target = format!("/admin/users/{}", ana.user.id);
    let r = t
        .post(
            &target,
            &admin,
            &[("role", "staff"), ("password", "a reset password")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // The new password still leads to the code step.
    let r = password_step(&t, "ana", "a reset password", "/").await;
    assert!(r.location().starts_with("/login/code"), "{}", r.location());
    assert!(cookie(&r, "refuge_session").is_none());

    let r = t
        .post(
            &target,
            &admin,
            &[("role", "staff"), ("reset_second_factor", "1")],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        audited(&t, AuditAction::PermissionSecondFactor).await,
        ["ana: second factor reset by an administrator"]
    );
    let factor = t.db().second_factor(&ana.user.id).await.unwrap();
    assert!(!factor.enabled && factor.secret.is_none() && factor.recovery_left == 0);
    // Now the password alone signs in, and the old key's codes mean nothing.
    let r = password_step(&t, "ana", "a reset password", "/").await;
    assert_eq!((r.status, r.location()), (StatusCode::SEE_OTHER, "/"));
    assert!(cookie(&r, "refuge_session").is_some());
    // Set up again (the reset password ended her sessions: a new one), the old key's codes mean nothing.
    let ana = t
        .session_for(ana.user.clone(), "2999-01-01T00:00:00Z")
        .await;
    let (new_key, _) = enrol(&t, &ana).await;
    assert_ne!(new_key, key);
    let r = password_step(&t, "ana", "a reset password", "/").await;
    let pending = cookie(&r, "refuge_pending").unwrap();
    let r = code_step(&t, &pending, &key.code_at(step_now() + 1)).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
    let r = code_step(&t, &pending, &new_key.code_at(step_now() + 1)).await;
    assert!(signed_in(&t, &r).await);
}

#[tokio::test]
async fn a_user_turns_their_second_factor_off_with_a_current_code() {
    let t = TestApp::new().await;
    let ana = user(&t, "ana", Role::Staff).await;
    let (key, _) = enrol(&t, &ana).await;
    let r = t
        .post("/settings/second-factor/off", &ana, &[("code", "000000")])
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(t.db().second_factor(&ana.user.id).await.unwrap().enabled);
    let r = t
        .post(
            "/settings/second-factor/off",
            &ana,
            &[("code", &key.code_at(step_now() + 1))],
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(!t.db().second_factor(&ana.user.id).await.unwrap().enabled);
    assert_eq!(
        audited(&t, AuditAction::SecondFactorOff).await,
        ["second factor turned off"]
    );
    let r = password_step(&t, "ana", PASSWORD, "/").await;
    assert_eq!(r.location(), "/");
}

/// The users page marks whose second factor is on.
#[tokio::test]
async fn the_users_page_shows_whose_second_factor_is_on() {
    let t = TestApp::new().await;
    let admin = user(&t, "root", Role::Admin).await;
    let ana = user(&t, "ana", Role::Staff).await;
    enrol(&t, &ana).await;
    let page = t.get("/admin/users", Some(&admin)).await.body;
    let row = |name: &str| {
        page.split("<tr><td>")
            .find(|r| r.starts_with(&format!("{name}</td>")))
            .unwrap()
            .to_string()
    };
    assert!(row("ana").contains("<td>on</td>"));
    assert!(row("root").contains("<td>off</td>"));
}
