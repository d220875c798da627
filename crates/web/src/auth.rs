//! Who is asking: passwords (argon2id), sessions (cookies with CSRF tokens),
//! API and calendar tokens (stored only as SHA-256 hashes), the setup token
//! of the first run, and the sign-in rate limit.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use axum::extract::{ConnectInfo, FromRef, FromRequestParts};
use axum::http::HeaderMap;
use axum::http::header::{AUTHORIZATION, COOKIE};
use axum::http::request::Parts;
use sha2::{Digest, Sha256};

use crate::db::{Db, DbError, User};
use crate::error::AppError;
use crate::{AppState, Role};

pub const SESSION_COOKIE: &str = "refuge_session";
/// A session lasts this long from sign-in.
pub const SESSION_HOURS: i64 = 12;

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    // The operating system's generator failing is not something to serve through.
    getrandom::fill(&mut b).expect("the operating system's random generator failed");
    b
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A random identifier (128 bits, hex): unguessable, so that ids reveal nothing.
pub fn random_id() -> String {
    hex(&random_bytes::<16>())
}

/// A random secret (256 bits, hex) with a prefix saying what it is.
pub fn new_secret(prefix: &str) -> String {
    format!("{prefix}_{}", hex(&random_bytes::<32>()))
}

/// What is stored of a secret: its SHA-256. A stolen database yields no usable token.
pub fn hash_secret(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

/// Hashes a password with argon2id (a random salt; tens of milliseconds of CPU).
pub fn hash_password(password: &str) -> String {
    Argon2::default()
        .hash_password(password.as_bytes())
        .expect("argon2 with default parameters hashes any password")
        .to_string()
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A password's hash for comparing against when the user does not exist, so
/// that a sign-in takes as long whether or not the name is known.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("decoy password of no account"))
}

/// Checks a new password: at least 10 characters (NIST SP 800-63B asks for 8 at least).
pub fn check_new_password(password: &str) -> Result<(), String> {
    if password.chars().count() < 10 {
        return Err("must be at least 10 characters long".into());
    }
    Ok(())
}

/// Checks a new user name: 1 to 64 letters, digits, `.`, `-`, `_` or `@`.
pub fn check_user_name(name: &str) -> Result<(), String> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '@'));
    if ok {
        Ok(())
    } else {
        Err("use 1 to 64 letters, digits, '.', '-', '_' or '@'".into())
    }
}

/// Failed sign-ins per client address and per user name; too many within the
/// window lock further attempts out until it passes.
pub struct RateLimit {
    failures: Mutex<HashMap<String, (u32, Instant)>>,
    pub max_failures: u32,
    pub window: Duration,
}

impl Default for RateLimit {
    fn default() -> Self {
        RateLimit {
            failures: Mutex::default(),
            max_failures: 5,
            window: Duration::from_secs(15 * 60),
        }
    }
}

impl RateLimit {
    fn keys(ip: &str, name: &str) -> [String; 2] {
        [format!("ip:{ip}"), format!("user:{}", name.to_lowercase())]
    }

    /// Whether sign-in is locked for this address or this name.
    pub fn locked(&self, ip: &str, name: &str) -> bool {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        map.retain(|_, (_, since)| now.duration_since(*since) < self.window);
        Self::keys(ip, name)
            .iter()
            .any(|k| map.get(k).is_some_and(|(n, _)| *n >= self.max_failures))
    }

    pub fn failed(&self, ip: &str, name: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        for k in Self::keys(ip, name) {
            map.entry(k).or_insert((0, Instant::now())).0 += 1;
        }
    }

    pub fn succeeded(&self, ip: &str, name: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        for k in Self::keys(ip, name) {
            map.remove(&k);
        }
    }
}

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

/// The client's address, when the server knows it (not in tests without a socket).
pub fn client_ip(parts: &Parts) -> Option<String> {
    parts
        .extensions
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map(|ci| ci.0.ip().to_string())
}

/// A signed-in user of the pages (by session cookie), with the session's CSRF token.
/// A signed-in user and the address the request came from: what the audit
/// log records of every action. [`Session`] and [`ApiUser`] dereference to it.
pub struct Actor {
    pub user: User,
    pub ip: Option<String>,
}

impl Actor {
    /// Records in the audit log what this user did, from where.
    pub async fn audit(
        &self,
        db: &Db,
        action: &str,
        case_id: Option<&str>,
        detail: &str,
    ) -> Result<(), DbError> {
        db.audit(
            Some(&self.user),
            action,
            case_id,
            detail,
            self.ip.as_deref(),
        )
        .await
    }
}

pub struct Session {
    pub actor: Actor,
    /// The hash of the session's token (to end it).
    pub token_hash: String,
    pub csrf: String,
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
        let state = AppState::from_ref(state);
        let Some(token) = cookie(&parts.headers, SESSION_COOKIE) else {
            return Err(AppError::SignIn);
        };
        let token_hash = hash_secret(token);
        match state.db.session(&token_hash).await? {
            Some((user, csrf)) => Ok(Session {
                actor: Actor {
                    user,
                    ip: client_ip(parts),
                },
                token_hash,
                csrf,
            }),
            None => Err(AppError::SignIn),
        }
    }
}

/// A user of the API (by `Authorization: Bearer TOKEN`).
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
                ip: client_ip(parts),
            })),
            None => Err(AppError::ApiAuth),
        }
    }
}

impl Role {
    /// Admins manage users and read the audit log; they see every case.
    pub fn is_admin(self) -> bool {
        self == Role::Admin
    }
    /// Attorneys (and admins) also archive cases and assign colleagues.
    pub fn manages_cases(self) -> bool {
        matches!(self, Role::Admin | Role::Attorney)
    }
}
