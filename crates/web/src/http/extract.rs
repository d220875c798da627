//! Extractors for pages: query strings answered with error pages, and
//! forms whose CSRF token is checked (`Posted` for a session, `PreSession` before one).

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Query, Request};
use axum::http::{StatusCode, header};

use crate::http::error::AppError;
use crate::http::session::{self, Session};
use crate::secret;
use crate::state::AppState;

/// `Query` answers them in plain text).
pub struct Q<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Q<T> {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, AppError> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(q)) => Ok(Q(q)),
            Err(e) => Err(AppError::BadRequest(format!(
                "the address is malformed: {}",
                e.body_text()
            ))),
        }
    }
}

// ----- forms and CSRF -----

/// A submitted form of a signed-in user, its CSRF token checked against the
/// session's. Fields are kept in order and as typed.
pub struct Posted {
    pub session: Session,
    pub fields: Vec<(String, String)>,
}

impl Posted {
    pub fn get(&self, name: &str) -> &str {
        field(&self.fields, name)
    }
}

pub fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

pub async fn form_fields(
    req: Request,
    state: &AppState,
) -> Result<Vec<(String, String)>, AppError> {
    let bytes = Bytes::from_request(req, state).await.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::BadRequest(format!(
                "the form is larger than {} bytes",
                crate::BODY_LIMIT
            ))
        } else {
            AppError::BadRequest("the form could not be read".into())
        }
    })?;
    let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes)
        .map_err(|_| AppError::BadRequest("the form is malformed".into()))?;
    // No text of a form may hold a NUL or another control character but
    // line breaks and tabs: PostgreSQL refuses NUL (it answered 500), and
    // none belongs in a name, a note or a fact (issue 15).
    if let Some((name, _)) = fields.iter().find(|(_, v)| {
        v.chars()
            .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    }) {
        return Err(AppError::Invalid(format!(
            "{name}: a control character (such as NUL) is not allowed in text"
        )));
    }
    Ok(fields)
}

impl FromRequest<AppState> for Posted {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, AppError> {
        let (mut parts, body) = req.into_parts();
        let session = Session::from_request_parts(&mut parts, state).await?;
        let fields = form_fields(Request::from_parts(parts, body), state).await?;
        if field(&fields, "csrf") != session.csrf {
            return Err(AppError::Csrf);
        }
        Ok(Posted { session, fields })
    }
}

/// A form submitted before signing in (sign-in, first-run setup): its CSRF
/// token is checked against a cookie set with the form (double submit).
pub struct PreSession {
    pub fields: Vec<(String, String)>,
    pub ip: Option<String>,
}

const PRE_CSRF_COOKIE: &str = "refuge_form";

impl FromRequest<AppState> for PreSession {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, AppError> {
        let (parts, body) = req.into_parts();
        let cookie = session::cookie(&parts.headers, PRE_CSRF_COOKIE).map(str::to_string);
        let ip = session::client_ip(&parts, state.trusted_proxy);
        let fields = form_fields(Request::from_parts(parts, body), state).await?;
        match cookie {
            Some(c) if !c.is_empty() && field(&fields, "csrf") == c => {
                Ok(PreSession { fields, ip })
            }
            // No cookie at all: the browser refused it (plain HTTP to
            // another machine), not an expired form (issue 22, defect 12).
            None => Err(AppError::NoCookie),
            _ => Err(AppError::Csrf),
        }
    }
}

pub fn pre_csrf() -> (String, [(header::HeaderName, String); 1]) {
    let token = secret::new_secret("form");
    let cookie = format!("{PRE_CSRF_COOKIE}={token}; Path=/; HttpOnly; Secure; SameSite=Strict");
    (token, [(header::SET_COOKIE, cookie)])
}
