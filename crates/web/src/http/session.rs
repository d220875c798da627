//! Who is asking: the session of a signed-in user of the pages (a cookie
//! with its CSRF token), or an API user (a bearer token).

use std::sync::OnceLock;

use axum::extract::{ConnectInfo, FromRef, FromRequestParts, MatchedPath};
use axum::http::HeaderMap;
use axum::http::header::{AUTHORIZATION, COOKIE};
use axum::http::request::Parts;

use crate::domain::{AuditAction, CaseId};
use crate::http::error::AppError;
use crate::http::routes::Access;
use crate::http::view::Ctx;
use crate::secret::hash_secret;
use crate::state::AppState;
use crate::store::{Audit, By, Db, DbError, User};

pub const SESSION_COOKIE: &str = "refuge_session";
/// A session lasts this long from sign-in.
pub const SESSION_HOURS: i64 = 12;

/// The value of a cookie in the request's `Cookie` headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The `Set-Cookie` value that starts a session: HTTP-only (no script reads
/// it), SameSite=Strict (no other site sends it), Secure (only over HTTPS,
/// or to localhost, which browsers treat as secure).
pub fn session_cookie(token: &str) -> String {
    format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age={}",
        SESSION_HOURS * 3600
    )
}

pub fn clear_session_cookie() -> String {
    format!("{SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0")
}

/// The cookie of a sign-in whose password was right and whose second
/// factor is due: sent only to the code step (`/login/...`), and short-lived.
pub const PENDING_COOKIE: &str = "refuge_pending";
/// How long the code may be typed after the password.
pub const PENDING_MINUTES: i64 = 5;

pub fn pending_cookie(token: &str) -> String {
    format!(
        "{PENDING_COOKIE}={token}; Path=/login; HttpOnly; Secure; SameSite=Strict; Max-Age={}",
        PENDING_MINUTES * 60
    )
}

pub fn clear_pending_cookie() -> String {
    format!("{PENDING_COOKIE}=; Path=/login; HttpOnly; Secure; SameSite=Strict; Max-Age=0")
}

/// The client's address, when the server knows it (not in tests without a
/// socket). Behind the HTTPS proxy named by `--trusted-proxy`, the address
/// that proxy saw (the last of `X-Forwarded-For`); from anyone else, that
/// header is not believed.
pub fn client_ip(parts: &Parts, trusted_proxy: Option<std::net::IpAddr>) -> Option<String> {
    let peer = parts
        .extensions
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|ci| ci.0.ip())?;
    if Some(peer) == trusted_proxy
        && let Some(forwarded) = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .filter_map(|a| a.trim().parse::<std::net::IpAddr>().ok())
            .next_back()
    {
        return Some(forwarded.to_string());
    }
    Some(peer.to_string())
}

/// A signed-in user of the pages (by session cookie), with the session's CSRF token.
/// A signed-in user and the address the request came from: what the audit
/// log records of every action. [`Session`] and [`ApiUser`] dereference to it.
#[derive(Clone)]
pub struct Actor {
    pub user: User,
    pub ip: Option<String>,
}

impl Actor {
    /// The audit row of an action of this user, from where they are.
    pub fn did(&self, action: AuditAction, detail: impl Into<String>) -> Audit<'_> {
        Audit::new(By::User(&self.user), self.ip.as_deref(), action, detail)
    }

    /// Records an action that changes nothing (a view, an export).
    pub async fn audit(
        &self,
        db: &Db,
        action: AuditAction,
        case_id: Option<&CaseId>,
        detail: &str,
    ) -> Result<(), DbError> {
        let mut entry = self.did(action, detail);
        entry.case_id = case_id;
        db.audit(&entry).await
    }
}

impl Ctx {
    /// The frame of a signed-in user's page, titled by the message `title_id`.
    pub fn of(s: &Session, title_id: &str) -> Ctx {
        Ctx::titled(s, refuge_i18n::tr(s.lang, title_id))
    }

    /// The frame of a page of a case, titled by the message `title_id`
    /// given the client's `name`.
    pub fn of_case(s: &Session, title_id: &str, name: &str) -> Ctx {
        Ctx::titled(
            s,
            crate::http::lang::tr(s.lang, title_id, &[("name", &name)]),
        )
    }

    fn titled(s: &Session, title: String) -> Ctx {
        Ctx {
            title,
            user: Some(s.user.clone()),
            csrf: s.csrf.clone(),
            tz: s.tz.clone(),
            lang: s.lang,
        }
    }
}

#[derive(Clone)]
pub struct Session {
    pub actor: Actor,
    /// The hash of the session's token (to end it).
    pub token_hash: String,
    pub csrf: String,
    /// The time zone the user chose (an IANA name), if any.
    pub time_zone: Option<String>,
    /// The time zone the user's pages show times in: theirs, else the server's.
    pub tz: jiff::tz::TimeZone,
    /// The language the user chose in Settings (a code), if any.
    pub language: Option<String>,
    /// The language the user's pages are written in: theirs, else the
    /// request's (`http::lang::of_user`).
    pub lang: refuge_i18n::Lang,
}

/// The time zone named `name` in the tz database, else the server's.
pub fn zone_or_server(name: Option<&str>) -> jiff::tz::TimeZone {
    name.and_then(|n| jiff::tz::db().get(n).ok())
        .unwrap_or_else(jiff::tz::TimeZone::system)
}

impl std::ops::Deref for Session {
    type Target = Actor;
    fn deref(&self) -> &Actor {
        &self.actor
    }
}

impl<S> FromRequestParts<S> for Session
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        // Read once a request: an access check and a form both ask.
        if let Some(s) = parts.extensions.get::<Session>() {
            return Ok(s.clone());
        }
        let state = AppState::from_ref(state);
        // After signing in, back to the page asked for (a form cannot be replayed).
        let sign_in = || {
            AppError::SignIn(
                (parts.method == axum::http::Method::GET && parts.uri.path() != "/")
                    .then(|| parts.uri.path_and_query().map(|p| p.to_string()))
                    .flatten(),
            )
        };
        let Some(token) = cookie(&parts.headers, SESSION_COOKIE) else {
            return Err(sign_in());
        };
        let token_hash = hash_secret(token);
        match state.db.session(&token_hash).await? {
            Some(row) if row.must_enrol && !may_enrol(parts) => Err(AppError::MustEnrol),
            Some(crate::store::SessionRow {
                user,
                csrf,
                time_zone,
                language,
                ..
            }) => {
                let lang = crate::http::lang::of_user(language.as_deref(), &parts.headers);
                crate::http::lang::set_current(lang);
                let s = Session {
                    actor: Actor {
                        user,
                        ip: client_ip(parts, state.trusted_proxy),
                    },
                    token_hash,
                    csrf,
                    tz: zone_or_server(time_zone.as_deref()),
                    time_zone,
                    language,
                    lang,
                };
                parts.extensions.insert(s.clone());
                Ok(s)
            }
            None => Err(sign_in()),
        }
    }
}

/// Whether the route asked for is one a user who must first set up a second
/// factor may reach: those registered with [`Access::Enrolling`], read from
/// the application's own route table.
fn may_enrol(parts: &Parts) -> bool {
    static ENROLLING: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    let routes = ENROLLING.get_or_init(|| {
        crate::app::route_table()
            .into_iter()
            .filter(|r| r.access == Access::Enrolling)
            .map(|r| (r.method, r.path))
            .collect()
    });
    let Some(path) = parts.extensions.get::<MatchedPath>() else {
        return false;
    };
    routes
        .iter()
        .any(|(m, p)| *m == parts.method.as_str() && p == path.as_str())
}

/// A sign-in whose password was right and whose second factor is due (by
/// its own cookie, [`PENDING_COOKIE`]): who is signing in, and from where.
/// Without one, the code step sends to the sign-in page.
pub struct PendingSignIn {
    pub user: User,
    pub token_hash: String,
    pub ip: Option<String>,
}

impl PendingSignIn {
    /// The audit row of what happened to this sign-in.
    pub fn did(&self, action: AuditAction, detail: impl Into<String>) -> Audit<'_> {
        Audit::new(By::User(&self.user), self.ip.as_deref(), action, detail)
    }
}

impl FromRequestParts<AppState> for PendingSignIn {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let Some(token) = cookie(&parts.headers, PENDING_COOKIE).filter(|t| !t.is_empty()) else {
            return Err(AppError::SignIn(None));
        };
        let token_hash = hash_secret(token);
        match state.db.pending_session(&token_hash).await? {
            Some(user) => Ok(PendingSignIn {
                user,
                token_hash,
                ip: client_ip(parts, state.trusted_proxy),
            }),
            None => Err(AppError::SignIn(None)),
        }
    }
}

/// A user of the API (by `Authorization: Bearer TOKEN`).
#[derive(Clone)]
pub struct ApiUser(pub Actor);

impl std::ops::Deref for ApiUser {
    type Target = Actor;
    fn deref(&self) -> &Actor {
        &self.0
    }
}

impl<S> FromRequestParts<S> for ApiUser
where
    AppState: FromRef<S>,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        let state = AppState::from_ref(state);
        let token = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .ok_or(AppError::ApiAuth)?;
        match state.db.api_token_user(&hash_secret(token)).await? {
            Some(user) => Ok(ApiUser(Actor {
                user,
                ip: client_ip(parts, state.trusted_proxy),
            })),
            None => Err(AppError::ApiAuth),
        }
    }
}
