//! The application (Form I-589) and its readiness, in the API (issue 16):
//! `GET/PUT /cases/{id}/application`, `GET /cases/{id}/readiness`.

use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::header;

use super::{ApiCase, ApiResult, body, json_text, utf8};
use crate::application::schema::{ApplicationDocument, ReadinessDocument};
use crate::application::service;
use crate::cases::service::CaseError;
use crate::domain::AuditAction;
use crate::http::access::CaseAccess;
use crate::http::error::{ApiError, ErrorBody};

/// The entity tag of a version of a case's application.
fn etag(version: i64) -> String {
    format!("\"a{version}\"")
}

fn with_etag(mut res: axum::response::Response, version: i64) -> axum::response::Response {
    if let Ok(v) = etag(version).parse() {
        res.headers_mut().insert(header::ETAG, v);
    }
    res
}

/// An application error's path, as the body names it: without the
/// `application.` the body does not carry (`part_a3.addresses[2].to`);
/// `facts.…` when the case's stored facts are at fault.
fn invalid(e: refuge_engine::InputError) -> ApiError {
    let field = match e.field.strip_prefix("application.") {
        Some(rest) => rest.to_string(),
        None if e.field == "application" => String::new(),
        None => e.field,
    };
    ApiError::Invalid {
        error: e.message,
        field: (!field.is_empty()).then_some(field),
    }
}

/// A case's application document (`{}` until one is saved).
#[utoipa::path(get, path = "/cases/{id}/application", tag = "application",
    params(("id" = String, Path, description = "The case's id")),
    responses(
        (status = 200, description = "The application document of docs/application.md; the ETag names its version", body = ApplicationDocument),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub(super) async fn get_application(
    State(state): State<crate::AppState>,
    access: ApiCase,
) -> ApiResult {
    let CaseAccess { case, who: u, .. } = access;
    let stored = service::stored(&state, &case).await?;
    u.audit(
        &state.db,
        AuditAction::CaseView,
        Some(&case.id),
        "application read (API)",
    )
    .await?;
    Ok(with_etag(
        json_text(stored.document.to_string()),
        stored.version,
    ))
}

/// Replace a case's application document (a new version; the old stays in the history).
///
/// Strict: an unknown field, a bad date or value, or a reference to an
/// arrival or family member the facts do not have is refused with 422,
/// naming the path, and nothing is saved.
#[utoipa::path(put, path = "/cases/{id}/application", tag = "application",
    params(("id" = String, Path, description = "The case's id")),
    request_body(content = ApplicationDocument, description = "The application document of docs/application.md", content_type = "application/json"),
    responses(
        (status = 200, description = "The application as stored", body = ApplicationDocument),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "Saved by someone else at the same moment; retry", body = ErrorBody),
        (status = 412, description = "If-Match names an older version: read the application again", body = ErrorBody),
        (status = 422, description = "The application has an error; `field` names its path", body = ErrorBody),
    ))]
pub(super) async fn put_application(
    State(state): State<crate::AppState>,
    access: ApiCase,
    headers: axum::http::HeaderMap,
    bytes: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let CaseAccess { case, who: u, .. } = access;
    let stored = service::stored(&state, &case).await?;
    if let Some(wanted) = headers.get(header::IF_MATCH) {
        let current = etag(stored.version);
        let wanted = wanted.to_str().unwrap_or("");
        if wanted != "*" && !wanted.split(',').any(|t| t.trim() == current) {
            return Err(ApiError::Stale(format!(
                "the application is at version {} ({current}), not {wanted}: read it again, then write",
                stored.version
            )));
        }
    }
    let bytes = body(bytes)?;
    let text = utf8(&bytes)?;
    // The parser names the path of any error (and refuses what is not one object).
    service::check_document(&state, &case, text)
        .await
        .map_err(invalid)?;
    let new: serde_json::Value = serde_json::from_str(text).map_err(|e| ApiError::Invalid {
        error: e.to_string(),
        field: None,
    })?;
    let audit = u.did(AuditAction::ApplicationChange, "application replaced (API)");
    let (version, saved) = service::save(
        &state,
        &u.user,
        &case,
        stored.version,
        &stored.document,
        &new,
        &audit,
    )
    .await
    .map_err(|e| match e {
        CaseError::Invalid(e) => invalid(e),
        CaseError::Db(e) => e.into(),
    })?;
    Ok(with_etag(json_text(saved.to_string()), version))
}

/// Whether a case's application is ready to file: the JSON of `refuge check --format json`.
///
/// The same checks as the workspace's "Ready to file?" page, run on the
/// stored facts and application as of today (or the facts' `as_of`).
#[utoipa::path(get, path = "/cases/{id}/readiness", tag = "application",
    params(("id" = String, Path, description = "The case's id")),
    responses(
        (status = 200, description = "The readiness of docs/checks.md", body = ReadinessDocument),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 422, description = "The stored facts and application no longer hold together; `field` names the path", body = ErrorBody)))]
pub(super) async fn get_readiness(
    State(state): State<crate::AppState>,
    access: ApiCase,
) -> ApiResult {
    let CaseAccess { case, who: u, .. } = access;
    let stored = service::stored(&state, &case).await?;
    let r = service::readiness(&state, &case, &stored.document)
        .await
        .map_err(|e| ApiError::Invalid {
            error: e.message,
            field: (!e.field.is_empty()).then_some(e.field),
        })?;
    u.audit(
        &state.db,
        AuditAction::CaseView,
        Some(&case.id),
        "readiness read (API)",
    )
    .await?;
    let json = serde_json::to_string(&r).map_err(|_| ApiError::Internal)?;
    Ok(json_text(json))
}
