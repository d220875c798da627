//! The second factor (issue 15, protection 3): a user sets up TOTP
//! (RFC 6238) from Settings, confirming a code before it is switched on and
//! receiving ten single-use recovery codes; from then on, signing in asks
//! for a code after the password, and the session is not signed in until
//! the code is right. An administrator may require a second factor of every
//! user (`admin.rs`): a user without one is sent here before anything else.

use std::fmt::Write;

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use qrcodegen::{QrCode, QrCodeEcc};
use serde::Deserialize;

use super::{expires_in, next_page, start_session};
use crate::domain::AuditAction;
use crate::http::error::{AppError, PageResult};
use crate::http::extract::{Posted, PreSession, Q, pre_csrf};
use crate::http::lang;
use crate::http::routes::{Access, Routes};
use crate::http::session::{self, PendingSignIn, Session};
use crate::http::view::{Ctx, render, see_other};
use crate::secret;
use crate::state::AppState;
use crate::store::User;
use crate::totp::{self, TotpSecret};

/// The page where a user sets up (and turns off) their second factor.
pub const SET_UP_PAGE: &str = "/settings/second-factor";
/// The name authenticator apps list the account under.
const ISSUER: &str = "Refuge";
/// Recovery codes made when a second factor is switched on.
pub const RECOVERY_CODES: usize = 10;

/// This area's routes, with the access each requires.
pub fn routes() -> Routes {
    Routes::new()
        .get("/login/code", Access::PendingSignIn, code_form)
        .post("/login/code", Access::PendingSignIn, code)
        .get(SET_UP_PAGE, Access::Enrolling, set_up)
        .post("/settings/second-factor/start", Access::Enrolling, start)
        .post(
            "/settings/second-factor/confirm",
            Access::Enrolling,
            confirm,
        )
        .post("/settings/second-factor/off", Access::SignedIn, off)
}

// ----- signing in: the code after the password -----

/// After a right password, for a user whose second factor is on: a sign-in
/// that signs no one in yet, and the code step. The rate limit's count of
/// failures is not cleared: the sign-in has not succeeded.
pub(super) async fn start_pending(
    state: &AppState,
    user: &User,
    next: &str,
) -> Result<axum::response::Response, AppError> {
    let token = secret::new_secret("pending");
    let expires = expires_in(jiff::SignedDuration::from_mins(session::PENDING_MINUTES));
    state
        .db
        .add_pending_session(&secret::hash_secret(&token), &user.id, &expires)
        .await?;
    let to = format!(
        "/login/code?{}",
        serde_urlencoded::to_string([("next", next)]).unwrap_or_default()
    );
    Ok((
        [(header::SET_COOKIE, session::pending_cookie(&token))],
        Redirect::to(&to),
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "auth/code.html")]
struct CodePage<'a> {
    ctx: Ctx,
    csrf: String,
    next: &'a str,
    error: Option<String>,
}

#[derive(Deserialize)]
struct NextQuery {
    #[serde(default)]
    next: String,
}

async fn code_form(_: PendingSignIn, Q(q): Q<NextQuery>) -> PageResult {
    let (csrf, cookie) = pre_csrf();
    let page = CodePage {
        ctx: Ctx::anonymous("auth-second-factor"),
        csrf,
        next: next_page(&q.next),
        error: None,
    };
    Ok((cookie, render(&page)).into_response())
}

/// Why a code was refused.
enum Refused {
    Wrong,
    /// A code of a time step already used (RFC 6238, § 5.2).
    Used,
}

/// What signed the user in.
enum Passed {
    Totp,
    Recovery,
}

/// A recovery code as typed, without its dashes and spaces, in lower case
/// (`None`: it cannot be one).
fn recovery_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect();
    (code.len() == secret::RECOVERY_CODE_CHARS && code.chars().all(|c| c.is_ascii_alphanumeric()))
        .then_some(code)
}

/// Checks a six-digit code against the user's secret, or else a recovery
/// code against their unused ones; a right one is used up.
async fn check_code(
    state: &AppState,
    user: &User,
    typed: &str,
) -> Result<Result<Passed, Refused>, AppError> {
    let typed = typed.trim();
    if typed.len() == totp::DIGITS as usize && typed.bytes().all(|b| b.is_ascii_digit()) {
        let factor = state.db.second_factor(&user.id).await?;
        let secret = factor
            .secret
            .filter(|_| factor.enabled)
            .and_then(|s| TotpSecret::from_base32(&s));
        let Some(step) = secret.and_then(|s| s.verify(typed, state.now().as_second())) else {
            return Ok(Err(Refused::Wrong));
        };
        return Ok(if state.db.use_totp_step(&user.id, step).await? {
            Ok(Passed::Totp)
        } else {
            Err(Refused::Used)
        });
    }
    let Some(code) = recovery_code(typed) else {
        return Ok(Err(Refused::Wrong));
    };
    let hash = secret::hash_recovery_code(&user.id, &code);
    Ok(if state.db.use_recovery_code(&user.id, &hash).await? {
        Ok(Passed::Recovery)
    } else {
        Err(Refused::Wrong)
    })
}

async fn code(
    State(state): State<AppState>,
    pending: PendingSignIn,
    form: PreSession,
) -> PageResult {
    let user = &pending.user;
    let ip = pending.ip.clone().unwrap_or_default();
    let wait = state.rate_limit.delay(&ip, &user.name);
    if !wait.is_zero() {
        tokio::time::sleep(wait).await;
    }
    if state.rate_limit.locked(&ip, &user.name) || state.rate_limit.codes_locked(&user.name) {
        state
            .db
            .audit(&pending.did(
                AuditAction::SignInLocked,
                "second-factor code refused: too many wrong ones",
            ))
            .await?;
        return Err(if state.rate_limit.codes_locked(&user.name) {
            AppError::CodesLocked
        } else {
            AppError::RateLimited
        });
    }
    let next = next_page(crate::http::extract::field(&form.fields, "next")).to_string();
    match check_code(
        &state,
        user,
        crate::http::extract::field(&form.fields, "code"),
    )
    .await?
    {
        Ok(passed) => {
            state.rate_limit.succeeded(&ip, &user.name);
            state.db.end_session(&pending.token_hash).await?;
            let how = match passed {
                Passed::Totp => "signed in with a second-factor code",
                Passed::Recovery => {
                    let left = state.db.second_factor(&user.id).await?.recovery_left;
                    state
                        .db
                        .audit(&pending.did(
                            AuditAction::SignInRecoveryCode,
                            format!("a recovery code used; {left} left"),
                        ))
                        .await?;
                    "signed in with a recovery code"
                }
            };
            let mut res = start_session(&state, user, pending.ip.as_deref(), &next, how).await?;
            if let Ok(v) = HeaderValue::from_str(&session::clear_pending_cookie()) {
                res.headers_mut().append(header::SET_COOKIE, v);
            }
            Ok(res)
        }
        Err(refused) => {
            state.rate_limit.code_failed(&ip, &user.name);
            let (detail, error) = match refused {
                Refused::Wrong => ("wrong second-factor code", "auth-code-wrong"),
                Refused::Used => ("second-factor code already used", "auth-code-used"),
            };
            state
                .db
                .audit(&pending.did(AuditAction::SignInCodeFailed, detail))
                .await?;
            let (csrf, cookie) = pre_csrf();
            let page = CodePage {
                ctx: Ctx::anonymous("auth-second-factor"),
                csrf,
                next: &next,
                error: Some(refuge_i18n::tr(lang::current(), error)),
            };
            Ok((StatusCode::UNAUTHORIZED, cookie, render(&page)).into_response())
        }
    }
}

// ----- setting it up, and turning it off -----

#[derive(Template)]
#[template(path = "auth/second_factor.html")]
struct SetUp {
    ctx: Ctx,
    /// The workspace requires a second factor of every user.
    required: bool,
    on: bool,
    recovery_left: i64,
    /// Being set up: the secret in groups of four, its address, and the QR code (SVG).
    setting_up: Option<(String, String, String)>,
    /// Recovery codes just made: shown once, on the answer that made them.
    recovery: Vec<String>,
    error: Option<String>,
}

/// A QR code of `text` as inline SVG (numbers only: nothing to escape),
/// drawn with a light border, as scanners need; `label` names it for
/// screen readers.
fn qr_svg(text: &str, label: &str) -> Option<String> {
    let label = label
        .replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;");
    let qr = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let border = 4;
    let dim = qr.size() + 2 * border;
    let mut path = String::new();
    for y in 0..qr.size() {
        for x in 0..qr.size() {
            if qr.get_module(x, y) {
                let _ = write!(path, "M{},{}h1v1h-1z", x + border, y + border);
            }
        }
    }
    Some(format!(
        r##"<svg class="qr" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {dim} {dim}" width="220" height="220" role="img" aria-label="{label}" shape-rendering="crispEdges"><rect width="{dim}" height="{dim}" fill="#fff"/><path d="{path}" fill="#000"/></svg>"##
    ))
}

async fn set_up_page(
    state: &AppState,
    s: &Session,
    recovery: Vec<String>,
    error: Option<String>,
) -> PageResult {
    let factor = state.db.second_factor(&s.user.id).await?;
    let setting_up = match (&factor.secret, factor.enabled) {
        (Some(b32), false) => TotpSecret::from_base32(b32).map(|secret| {
            let uri = secret.uri(ISSUER, &s.user.name);
            let grouped = b32
                .as_bytes()
                .chunks(4)
                .map(|c| String::from_utf8_lossy(c).into_owned())
                .collect::<Vec<_>>()
                .join(" ");
            let svg =
                qr_svg(&uri, &refuge_i18n::tr(s.lang, "auth-2fa-qr-label")).unwrap_or_default();
            (grouped, uri, svg)
        }),
        _ => None,
    };
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let page = SetUp {
        ctx: Ctx::of(s, "auth-second-factor"),
        required: state.db.second_factor_required().await?,
        on: factor.enabled,
        recovery_left: factor.recovery_left,
        setting_up,
        recovery,
        error,
    };
    Ok((status, render(&page)).into_response())
}

/// The set-up page again, with why the form was refused (422): the message `why`.
async fn refused(state: &AppState, s: &Session, why: &str) -> PageResult {
    set_up_page(state, s, Vec::new(), Some(refuge_i18n::tr(s.lang, why))).await
}

async fn set_up(State(state): State<AppState>, s: Session) -> PageResult {
    set_up_page(&state, &s, Vec::new(), None).await
}

/// A new secret to set up (replacing one not yet confirmed); then the page shows it.
async fn start(State(state): State<AppState>, form: Posted) -> PageResult {
    let s = &form.session;
    let secret = TotpSecret::generate();
    let audit = s.did(
        AuditAction::SecondFactorSetup,
        "second factor: set-up begun (new key)",
    );
    if !state
        .db
        .start_second_factor(&s.user.id, &secret.to_base32(), &audit)
        .await?
    {
        return refused(&state, s, "auth-2fa-already-on").await;
    }
    Ok(see_other(SET_UP_PAGE.into()))
}

/// Switches the second factor on once a code of the key being set up is
/// right, and shows the recovery codes, once.
async fn confirm(State(state): State<AppState>, form: Posted) -> PageResult {
    let s = &form.session;
    let factor = state.db.second_factor(&s.user.id).await?;
    let (Some(b32), false) = (factor.secret, factor.enabled) else {
        return refused(&state, s, "auth-2fa-no-key").await;
    };
    let step = TotpSecret::from_base32(&b32)
        .and_then(|k| k.verify(form.get("code"), state.now().as_second()));
    let Some(step) = step else {
        return refused(&state, s, "auth-2fa-code-not-this-key").await;
    };
    let codes: Vec<String> = (0..RECOVERY_CODES)
        .map(|_| secret::new_recovery_code())
        .collect();
    let hashes: Vec<String> = codes
        .iter()
        .map(|c| secret::hash_recovery_code(&s.user.id, &c.replace('-', "")))
        .collect();
    let audit = s.did(
        AuditAction::SecondFactorOn,
        format!("second factor on; {RECOVERY_CODES} new recovery codes"),
    );
    if !state
        .db
        .confirm_second_factor(&s.user.id, &b32, step, &hashes, &audit)
        .await?
    {
        return refused(&state, s, "auth-2fa-key-changed").await;
    }
    set_up_page(&state, s, codes, None).await
}

/// Turns the second factor off, with a current code (or a recovery code),
/// unless the workspace requires one.
async fn off(State(state): State<AppState>, form: Posted) -> PageResult {
    let s = &form.session;
    if state.db.second_factor_required().await? {
        return refused(&state, s, "auth-2fa-required-cannot-off").await;
    }
    if !state.db.second_factor(&s.user.id).await?.enabled {
        return refused(&state, s, "auth-2fa-already-off").await;
    }
    // A stolen session must not guess at codes any faster than a sign-in.
    let ip = s.ip.clone().unwrap_or_default();
    if state.rate_limit.codes_locked(&s.user.name) {
        return Err(AppError::CodesLocked);
    }
    if check_code(&state, &s.user, form.get("code"))
        .await?
        .is_err()
    {
        state.rate_limit.code_failed(&ip, &s.user.name);
        return refused(&state, s, "auth-2fa-off-code-wrong").await;
    }
    let audit = s.did(AuditAction::SecondFactorOff, "second factor turned off");
    state.db.remove_second_factor(&s.user.id, &audit).await?;
    Ok(see_other(SET_UP_PAGE.into()))
}
