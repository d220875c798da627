//! Access as types: a handler that names [`CaseAccess`] or [`Admin`] among
//! its arguments cannot run without the check, and one that does not name
//! them cannot reach a case or an admin page (a case is read only through
//! `Db::case_for`, which these extractors call).
//!
//! - [`CaseAccess<Member>`]: a case the user is assigned to (admins: any).
//! - [`CaseAccess<Manager>`]: the same, and the user's role manages cases
//!   (archive, assign colleagues): attorneys and admins.
//! - [`Admin`]: an administrator.
//!
//! The user comes from the session cookie for pages ([`Session`]) or from
//! the bearer token for the API ([`ApiUser`]): `CaseAccess<Member, ApiUser>`.
//! Someone else's case and a missing one are answered alike (404); a case
//! seen but beyond the role, 403.

use std::marker::PhantomData;

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::request::Parts;
use axum::response::IntoResponse;

use crate::domain::CaseId;
use crate::http::error::{ApiError, AppError};
use crate::http::session::{ApiUser, Session};
use crate::state::AppState;
use crate::store::{CaseRow, DbError, User};

/// How much a case route asks of the user beyond seeing the case.
pub trait Level: Send + Sync + 'static {
    /// Whether the user's role must manage cases.
    const MANAGES: bool;
}

/// Any user who sees the case.
pub struct Member;
/// A user who sees the case and whose role manages cases.
pub struct Manager;

impl Level for Member {
    const MANAGES: bool = false;
}
impl Level for Manager {
    const MANAGES: bool = true;
}

/// Who is asking, as the access checks need it: the user, and how a denial
/// is answered (a page, or API JSON).
pub trait Principal: FromRequestParts<AppState> + Send {
    type Error: IntoResponse + From<DbError> + From<Self::Rejection>;
    fn user(&self) -> &User;
    fn not_found() -> Self::Error;
    fn forbidden() -> Self::Error;
}

impl Principal for Session {
    type Error = AppError;
    fn user(&self) -> &User {
        &self.user
    }
    fn not_found() -> AppError {
        AppError::NotFound
    }
    fn forbidden() -> AppError {
        AppError::Forbidden
    }
}

impl Principal for ApiUser {
    type Error = ApiError;
    fn user(&self) -> &User {
        &self.user
    }
    fn not_found() -> ApiError {
        ApiError::NotFound
    }
    fn forbidden() -> ApiError {
        // The API does not tell a case beyond the role from a missing one.
        ApiError::NotFound
    }
}

/// The case of the route's `{id}`, checked for the user at level `L`.
pub struct CaseAccess<L: Level, P: Principal = Session> {
    pub case: CaseRow,
    /// Who asked (the audit log's actor).
    pub who: P,
    level: PhantomData<L>,
}

impl<L: Level, P: Principal> FromRequestParts<AppState> for CaseAccess<L, P> {
    type Rejection = P::Error;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, P::Error> {
        let who = P::from_request_parts(parts, state).await?;
        let id = RawPathParams::from_request_parts(parts, state)
            .await
            .ok()
            .and_then(|p| {
                p.iter()
                    .find(|(k, _)| *k == "id")
                    .map(|(_, v)| CaseId::new(v))
            })
            .ok_or_else(P::not_found)?;
        let case = state
            .db
            .case_for(who.user(), &id)
            .await?
            .ok_or_else(P::not_found)?;
        if L::MANAGES && !who.user().role.manages_cases() {
            return Err(P::forbidden());
        }
        Ok(CaseAccess {
            case,
            who,
            level: PhantomData,
        })
    }
}

/// A signed-in administrator.
pub struct Admin(pub Session);

impl std::ops::Deref for Admin {
    type Target = Session;
    fn deref(&self) -> &Session {
        &self.0
    }
}

impl FromRequestParts<AppState> for Admin {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let s = Session::from_request_parts(parts, state).await?;
        if !s.user.role.is_admin() {
            return Err(AppError::Forbidden);
        }
        Ok(Admin(s))
    }
}
