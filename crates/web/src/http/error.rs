//! The errors of the web layer, each answered once: pages get an HTML page
//! (or a redirect to sign in), the API gets `{error, field}` JSON. Nothing here
//! panics and nothing sensitive is logged: a database error is logged by its
//! kind, never with the facts it carried.

use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Serialize;

use crate::http::view::error_page;
use crate::store::DbError;

/// What a page handler answers.
pub type PageResult = Result<Response, AppError>;

/// An error of a page request.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Not signed in, or the session expired: sign in again, then return to
    /// the page asked for (a path of this site, when it was a page).
    #[error("sign in to continue")]
    SignIn(Option<String>),
    /// A form posted without the cookie Refuge set with it: the browser did
    /// not keep it (plain HTTP to another machine), which a reload cannot mend.
    #[error(
        "Your browser did not keep Refuge's cookie, so this form cannot be checked. Browsers keep Refuge's cookies only over HTTPS or on this machine itself: open Refuge through an HTTPS address (a TLS proxy in front of it), or at http://127.0.0.1 on the server"
    )]
    NoCookie,
    /// An API request without a valid token (used by the API extractor).
    #[error("a valid API token is required: Authorization: Bearer TOKEN")]
    ApiAuth,
    /// The page does not exist, or it is someone else's case: the two look alike.
    #[error("not found")]
    NotFound,
    #[error("your role does not allow this")]
    Forbidden,
    #[error(
        "this form has expired or did not come from Refuge; go back, reload the page and submit it again"
    )]
    Csrf,
    #[error("{0}")]
    BadRequest(String),
    /// Text the workspace cannot keep (HTTP 422).
    #[error("{0}")]
    Invalid(String),
    #[error(
        "too many failed sign-ins for this name from this address; wait 15 minutes and try again (signing in from another device still works)"
    )]
    RateLimited,
    /// The workspace requires a second factor and this user has none yet:
    /// to its set-up page before anything else.
    #[error("set up a second factor to continue")]
    MustEnrol,
    #[error(
        "too many wrong codes for this account; wait 15 minutes and sign in again. If it was not you, someone knows your password: change it, or ask an administrator to"
    )]
    CodesLocked,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = match &self {
            AppError::SignIn(then) => {
                let to = match then {
                    Some(path) => format!(
                        "/login?{}",
                        serde_urlencoded::to_string([("next", path)]).unwrap_or_default()
                    ),
                    None => "/login".into(),
                };
                return Redirect::to(&to).into_response();
            }
            AppError::ApiAuth => return ApiError::Unauthorized.into_response(),
            AppError::MustEnrol => {
                return Redirect::to(crate::auth::second_factor::SET_UP_PAGE).into_response();
            }
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Forbidden | AppError::Csrf | AppError::NoCookie => StatusCode::FORBIDDEN,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::RateLimited | AppError::CodesLocked => StatusCode::TOO_MANY_REQUESTS,
            AppError::Db(DbError::Conflict(_)) => StatusCode::CONFLICT,
            AppError::Db(e) => {
                tracing::error!(kind = db_error_kind(e), "database error");
                StatusCode::INTERNAL_SERVER_ERROR
            }
        };
        // The page's words in the reader's language; the API's stay the
        // English of `Display` (a contract).
        let id = match &self {
            AppError::NoCookie => "error-no-cookie",
            AppError::NotFound => "error-not-found",
            AppError::Forbidden => "error-forbidden",
            AppError::Csrf => "error-csrf",
            AppError::RateLimited => "error-rate-limited",
            AppError::CodesLocked => "error-codes-locked",
            AppError::Db(DbError::Conflict(m)) => return error_page(status, m),
            AppError::Db(_) => "error-server",
            other => return error_page(status, &other.to_string()),
        };
        error_page(status, &refuge_i18n::tr(crate::http::lang::current(), id))
    }
}

fn db_error_kind(e: &DbError) -> &'static str {
    match e {
        DbError::Sql(sqlx::Error::Database(_)) => "database",
        DbError::Sql(sqlx::Error::PoolTimedOut) => "pool timed out",
        DbError::Sql(_) => "sql",
        DbError::Migrate(_) => "migration",
        DbError::Conflict(_) => "conflict",
        DbError::Unusable(_) => "unusable file",
        DbError::Crypt(_) => "encryption",
    }
}

/// An error of an API request: HTTP status and `{"error": "...", "field": "..."}`.
#[derive(Debug)]
pub enum ApiError {
    Unauthorized,
    NotFound,
    /// A validation error (HTTP 422), naming the field path where there is one.
    Invalid {
        error: String,
        field: Option<String>,
    },
    PayloadTooLarge,
    Conflict(String),
    /// `If-Match` named another version than the stored one (HTTP 412).
    Stale(String),
    Internal,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// What is wrong, in words.
    pub error: String,
    /// The path of the field at fault (`applicant.birth_date`), when there is one.
    pub field: Option<String>,
}

impl From<DbError> for ApiError {
    fn from(e: DbError) -> Self {
        match e {
            DbError::Conflict(m) => ApiError::Conflict(m),
            other => {
                tracing::error!(kind = db_error_kind(&other), "database error");
                ApiError::Internal
            }
        }
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::SignIn(_) | AppError::ApiAuth | AppError::MustEnrol => ApiError::Unauthorized,
            AppError::NotFound | AppError::Forbidden => ApiError::NotFound,
            AppError::Db(e) => e.into(),
            other => ApiError::Invalid {
                error: other.to_string(),
                field: None,
            },
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, error, field) = match self {
            ApiError::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                "a valid API token is required: Authorization: Bearer TOKEN".to_string(),
                None,
            ),
            ApiError::NotFound => (StatusCode::NOT_FOUND, "not found".into(), None),
            ApiError::Invalid { error, field } => (StatusCode::UNPROCESSABLE_ENTITY, error, field),
            ApiError::PayloadTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                format!(
                    "the request body is larger than {} bytes",
                    crate::BODY_LIMIT
                ),
                None,
            ),
            ApiError::Conflict(m) => (StatusCode::CONFLICT, m, None),
            ApiError::Stale(m) => (StatusCode::PRECONDITION_FAILED, m, None),
            ApiError::Internal => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "something went wrong on the server; nothing was saved".into(),
                None,
            ),
        };
        let mut res = (status, Json(ErrorBody { error, field })).into_response();
        if status == StatusCode::UNAUTHORIZED {
            res.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                header::HeaderValue::from_static("Bearer"),
            );
        }
        res
    }
}

/// The answer to an address no route takes.
pub async fn not_found() -> AppError {
    AppError::NotFound
}
