//! Signing in and out, the first-run setup of the administrator, and the
//! second factor (`second_factor.rs`).

pub mod second_factor;

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect};
use serde::Deserialize;

use crate::domain::AuditAction;
use crate::domain::Role;
use crate::domain::user::{self, MAX_NAME_CHARS};
use crate::http::error::AppError;
use crate::http::error::PageResult;
use crate::http::extract::{Posted, PreSession, Q, field, pre_csrf};
use crate::http::lang;
use crate::http::routes::{Access, Routes};
use crate::http::session::{self};
use crate::http::view::{Ctx, error_page, render};
use crate::secret;
use crate::state::AppState;
use crate::store::{Audit, By, User};
use refuge_i18n::{Lang, tr};

/// This area's routes, with the access each requires.
pub fn routes() -> Routes {
    Routes::new()
        .get("/setup", Access::Public, setup_form)
        .post("/setup", Access::Public, setup)
        .get("/login", Access::Public, login_form)
        .post("/login", Access::Public, login)
        .post("/logout", Access::Enrolling, logout)
        .merge(second_factor::routes())
}

// ----- first run, sign-in, sign-out -----

#[derive(Template)]
#[template(path = "auth/setup.html")]
struct Setup<'a> {
    ctx: Ctx,
    csrf: String,
    token: &'a str,
    name: &'a str,
    error: Option<String>,
}

#[derive(Deserialize)]
struct TokenQuery {
    #[serde(default)]
    token: String,
}

fn setup_token_valid(state: &AppState, token: &str) -> bool {
    let t = state.setup_token.lock().unwrap_or_else(|e| e.into_inner());
    t.as_deref()
        .is_some_and(|t| !token.is_empty() && t == token)
}

async fn setup_form(State(state): State<AppState>, Q(q): Q<TokenQuery>) -> PageResult {
    if state.db.admin_count().await? > 0 {
        // A used link (issue 22, defect 10): say so, and where to go instead.
        return Ok(error_page(
            StatusCode::NOT_FOUND,
            &tr(lang::current(), "auth-setup-used"),
        ));
    }
    if !setup_token_valid(&state, &q.token) {
        return Ok(error_page(
            StatusCode::NOT_FOUND,
            &tr(lang::current(), "auth-setup-invalid"),
        ));
    }
    let (csrf, cookie) = pre_csrf();
    Ok((
        cookie,
        render(&Setup {
            ctx: Ctx::anonymous("auth-setup-title"),
            csrf,
            token: &q.token,
            name: "",
            error: None,
        }),
    )
        .into_response())
}

async fn setup(State(state): State<AppState>, form: PreSession) -> PageResult {
    let token = field(&form.fields, "token");
    if state.db.admin_count().await? > 0 || !setup_token_valid(&state, token) {
        return Err(AppError::NotFound);
    }
    let typed = field(&form.fields, "name").trim();
    let password = field(&form.fields, "password");
    let lang = lang::current();
    let problem = user::check_user_name(typed)
        .map_err(|e| lang::tr(lang, "auth-error-user-name", &[("problem", &e.words(lang))]))
        .and_then(|name| {
            user::check_new_password(password)
                .map(|()| name)
                .map_err(|e| lang::tr(lang, "auth-error-password", &[("problem", &e.words(lang))]))
        });
    let name = match problem {
        Ok(name) => name,
        Err(error) => {
            let (csrf, cookie) = pre_csrf();
            let page = Setup {
                ctx: Ctx::anonymous("auth-setup-title"),
                csrf,
                token,
                name: typed,
                error: Some(error),
            };
            return Ok((StatusCode::UNPROCESSABLE_ENTITY, cookie, render(&page)).into_response());
        }
    };
    let hash = hash_blocking(password).await?;
    let audit = Audit::new(
        By::NewUser,
        form.ip.as_deref(),
        AuditAction::UserAdd,
        "first administrator created at setup",
    );
    let user = state.db.add_user(&name, &hash, Role::Admin, &audit).await?;
    *state.setup_token.lock().unwrap_or_else(|e| e.into_inner()) = None;
    start_session(&state, &user, form.ip.as_deref(), "/", "signed in").await
}

/// Hashes a password off the async workers (argon2 takes tens of milliseconds of CPU).
pub async fn hash_blocking(password: &str) -> Result<String, AppError> {
    let pw = password.to_string();
    tokio::task::spawn_blocking(move || secret::hash_password(&pw))
        .await
        .map_err(|_| AppError::BadRequest("the password could not be processed; try again".into()))
}

/// When a session (or a sign-in waiting for its code) made now ends, as stored.
fn expires_in(life: jiff::SignedDuration) -> String {
    crate::store::stored_time(
        jiff::Timestamp::now()
            .checked_add(life)
            .unwrap_or(jiff::Timestamp::MAX),
    )
}

/// Signs `user` in: a new session, its cookie, and the audit row (`how`).
async fn start_session(
    state: &AppState,
    user: &User,
    ip: Option<&str>,
    then: &str,
    how: &str,
) -> PageResult {
    let token = secret::new_secret("session");
    let csrf = secret::new_secret("csrf");
    let expires = expires_in(jiff::SignedDuration::from_hours(session::SESSION_HOURS));
    state
        .db
        .add_session(&secret::hash_secret(&token), &user.id, &csrf, &expires)
        .await?;
    state
        .db
        .audit(&Audit::new(By::User(user), ip, AuditAction::SignIn, how))
        .await?;
    let mut headers = HeaderMap::new();
    if let Ok(v) = session::session_cookie(&token).parse() {
        headers.insert(header::SET_COOKIE, v);
    }
    Ok((headers, Redirect::to(then)).into_response())
}

#[derive(Template)]
#[template(path = "auth/login.html")]
struct Login<'a> {
    ctx: Ctx,
    csrf: String,
    name: &'a str,
    /// The page to go to after signing in.
    next: &'a str,
    error: Option<String>,
    /// Every shipped language, for the language switch.
    languages: Vec<Lang>,
}

/// Where to go after signing in: a page of this site (a path), or the dashboard.
fn next_page(next: &str) -> &str {
    let local = next.starts_with('/') && !next.starts_with("//") && !next.contains('\\');
    if local { next } else { "/" }
}

#[derive(Deserialize)]
struct LoginQuery {
    #[serde(default)]
    next: String,
    /// A language picked on the page (its code).
    #[serde(default)]
    lang: String,
}

async fn login_form(State(state): State<AppState>, Q(q): Q<LoginQuery>) -> PageResult {
    // The language switch: the language picked, kept in a cookie for the
    // pages before (and, without a choice in Settings, after) signing in.
    let picked = Lang::parse(&q.lang);
    if let Some(l) = picked {
        lang::set_current(l);
    }
    if state.db.user_count().await? == 0 {
        // The one-time setup link is printed by the server, never shown here.
        return Ok(error_page(
            StatusCode::SERVICE_UNAVAILABLE,
            &tr(lang::current(), "auth-no-account"),
        ));
    }
    let (csrf, [cookie]) = pre_csrf();
    let mut headers = HeaderMap::new();
    for c in std::iter::once(cookie.1).chain(picked.map(lang::lang_cookie)) {
        if let Ok(v) = c.parse() {
            headers.append(header::SET_COOKIE, v);
        }
    }
    Ok((
        headers,
        render(&Login {
            ctx: Ctx::anonymous("auth-sign-in"),
            csrf,
            name: "",
            next: next_page(&q.next),
            error: None,
            languages: Lang::all().collect(),
        }),
    )
        .into_response())
}

async fn login(State(state): State<AppState>, form: PreSession) -> PageResult {
    let typed = field(&form.fields, "name").trim();
    // No account has a longer name: what is kept of one tried (the audit
    // log, the limiter) is cut to that length (issue 15: a 900,000-character
    // name filled the disk through the audit log).
    let name: String = user::normal_name(&typed.chars().take(MAX_NAME_CHARS).collect::<String>());
    let password = field(&form.fields, "password").to_string();
    let ip = form.ip.clone().unwrap_or_default();
    let wait = state.rate_limit.delay(&ip, &name);
    if !wait.is_zero() {
        tokio::time::sleep(wait).await;
    }
    if state.rate_limit.locked(&ip, &name) {
        state
            .db
            .audit(&Audit::new(
                By::Nobody,
                form.ip.as_deref(),
                AuditAction::SignInLocked,
                format!("sign-in locked for {name:?}"),
            ))
            .await?;
        return Err(AppError::RateLimited);
    }
    let found = state.db.user_by_name(&name).await?;
    let hash = found
        .as_ref()
        .map(|(_, h)| h.clone())
        .unwrap_or_else(|| secret::decoy_hash().to_string());
    let ok = tokio::task::spawn_blocking(move || secret::verify_password(&password, &hash))
        .await
        .unwrap_or(false);
    match found {
        Some((user, _)) if ok && user.active => {
            let next = next_page(field(&form.fields, "next"));
            if state.db.second_factor(&user.id).await?.enabled {
                // Not signed in yet: the code is due.
                return second_factor::start_pending(&state, &user, next).await;
            }
            state.rate_limit.succeeded(&ip, &name);
            start_session(&state, &user, form.ip.as_deref(), next, "signed in").await
        }
        _ => {
            state.rate_limit.failed(&ip, &name);
            state
                .db
                .audit(&Audit::new(
                    By::Nobody,
                    form.ip.as_deref(),
                    AuditAction::SignInFailed,
                    format!("failed sign-in as {name:?}"),
                ))
                .await?;
            let (csrf, cookie) = pre_csrf();
            let page = Login {
                ctx: Ctx::anonymous("auth-sign-in"),
                csrf,
                name: &name,
                next: next_page(field(&form.fields, "next")),
                error: Some(tr(lang::current(), "auth-wrong-password")),
                languages: Lang::all().collect(),
            };
            Ok((StatusCode::UNAUTHORIZED, cookie, render(&page)).into_response())
        }
    }
}

async fn logout(State(state): State<AppState>, form: Posted) -> PageResult {
    state
        .db
        .audit(&Audit::new(
            By::User(&form.session.user),
            form.session.ip.as_deref(),
            AuditAction::SignOut,
            "signed out",
        ))
        .await?;
    state.db.end_session(&form.session.token_hash).await?;
    Ok((
        [(header::SET_COOKIE, session::clear_session_cookie())],
        Redirect::to("/login"),
    )
        .into_response())
}
