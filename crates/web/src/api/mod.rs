//! The JSON API under `/api/v1`, authenticated with `Authorization: Bearer
//! TOKEN`. Its OpenAPI 3.1 document (`/api/v1/openapi.json`) is generated
//! from these handlers' annotations, never written by hand.
//!
//! Errors are `{"error": "...", "field": "..."}`: 401 without a valid token,
//! 404 for a case that does not exist or is someone else's, 422 for facts the
//! engine rejects (the field path named), 413 for a body over the limit.

mod application;

use application::*;
use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{OpenApi, ToSchema};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::domain::AuditAction;
use crate::http::access::{CaseAccess, Member};
use crate::http::routes::{Access, Route};
use crate::http::session::ApiUser;
use crate::state::AppState;

/// A case the token's user sees.
type ApiCase = CaseAccess<Member, ApiUser>;
use crate::cases::service::{self as cases, CaseError};
use crate::facts::schema::{Assessment, FactsDocument};
use crate::http::error::{ApiError, ErrorBody};
use crate::store::CaseRow;

type ApiResult = Result<Response, ApiError>;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Refuge API",
        description = "The Refuge case workspace and law engine. Refuge supports, and does not replace, the judgment of a qualified immigration attorney or accredited representative.",
        license(name = "MIT")
    ),
    components(schemas(ErrorBody)),
    modifiers(&BearerAuth),
    security(("bearer" = []))
)]
struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The API's routes (under `prefix`) and its OpenAPI document, served at
/// `/openapi.json`. The table is read off the document, which utoipa builds
/// from the routes registered: a route with a case `{id}` needs a token whose
/// user sees the case, every other one a token (the document itself is public).
/// The document's paths are relative to its one server, `prefix`.
pub fn routes(prefix: &str) -> (axum::Router<AppState>, Vec<Route>) {
    let (router, mut doc) = OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(assess))
        .routes(routes!(list_cases, create_case))
        .routes(routes!(get_case))
        .routes(routes!(get_facts, put_facts))
        .routes(routes!(get_assessment))
        .routes(routes!(calendar))
        .routes(routes!(get_application, put_application))
        .routes(routes!(get_readiness))
        .routes(routes!(list_changes))
        .split_for_parts();
    let mut table = vec![Route {
        method: "GET",
        path: format!("{prefix}/openapi.json"),
        access: Access::Public,
    }];
    for (path, item) in &doc.paths.paths {
        let methods = [
            ("GET", item.get.is_some()),
            ("POST", item.post.is_some()),
            ("PUT", item.put.is_some()),
            ("DELETE", item.delete.is_some()),
            ("PATCH", item.patch.is_some()),
        ];
        for (method, _) in methods.into_iter().filter(|m| m.1) {
            table.push(Route {
                method,
                path: format!("{prefix}{path}"),
                access: if path.contains("{id}") {
                    Access::ApiMember
                } else {
                    Access::Api
                },
            });
        }
    }
    // Without a server, a client of the document would call `/assess`, not
    // `{prefix}/assess` (OpenAPI's default server is `/`).
    doc.servers = Some(vec![utoipa::openapi::Server::new(prefix)]);
    let doc = doc.to_json().unwrap_or_else(|_| "{}".into());
    let router = router
        .route(
            "/openapi.json",
            axum::routing::get(move || async move {
                ([(header::CONTENT_TYPE, "application/json")], doc.clone())
            }),
        )
        .fallback(|| async { ApiError::NotFound });
    (router, table)
}

/// A case as the API lists and returns it.
#[derive(Serialize, ToSchema)]
pub struct CaseSummary {
    /// Opaque identifier, used in the case's addresses.
    id: String,
    /// The office's case number (`2026-0001` unless chosen).
    number: String,
    /// The client's name.
    name: String,
    /// The version of the facts (1 when opened; each change adds one).
    version: i64,
    archived: bool,
    /// The soonest date still to act on (ISO), if any.
    next_deadline: Option<String>,
    created_at: String,
    updated_at: String,
}

impl From<CaseRow> for CaseSummary {
    fn from(c: CaseRow) -> Self {
        CaseSummary {
            id: c.id.to_string(),
            number: c.number,
            name: c.client_name,
            version: c.version,
            archived: c.archived,
            next_deadline: c.next_deadline,
            created_at: c.created_at,
            updated_at: c.updated_at,
        }
    }
}

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewCase {
    /// The client's name: 1 to 200 characters once surrounding spaces are
    /// trimmed, none of them a control or direction character.
    #[schema(min_length = 1)]
    name: String,
    /// A case number; default: the next of the year. At most 64 characters
    /// once trimmed, none of them a control or direction character.
    number: Option<String>,
    /// The facts document of `spec/facts.md` (default: `{}`, nothing known).
    #[schema(value_type = Option<FactsDocument>)]
    facts: Option<Value>,
}

fn body(bytes: Result<Bytes, BytesRejection>) -> Result<Bytes, ApiError> {
    bytes.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::PayloadTooLarge
        } else {
            ApiError::Invalid {
                error: "the request body could not be read".into(),
                field: None,
            }
        }
    })
}

fn utf8(bytes: &Bytes) -> Result<&str, ApiError> {
    std::str::from_utf8(bytes).map_err(|_| ApiError::Invalid {
        error: "the body is not UTF-8 text".into(),
        field: None,
    })
}

fn invalid(e: refuge_engine::InputError) -> ApiError {
    let field = (!e.field.is_empty()).then_some(e.field);
    ApiError::Invalid {
        error: e.message,
        field,
    }
}

fn case_error(e: CaseError, prefix: &str) -> ApiError {
    match e {
        CaseError::Invalid(e) => {
            let field = if e.field.is_empty() {
                prefix.trim_end_matches('.').to_string()
            } else {
                format!("{prefix}{}", e.field)
            };
            ApiError::Invalid {
                error: e.message,
                field: (!field.is_empty()).then_some(field),
            }
        }
        CaseError::Db(e) => e.into(),
    }
}

fn json_text(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/json")], body).into_response()
}

/// Assess a facts document (stateless).
///
/// Facts in, exactly the JSON of `refuge assess --format json` out. Nothing is stored.
#[utoipa::path(post, path = "/assess", tag = "engine",
    request_body(content = FactsDocument, description = "The facts document of spec/facts.md", content_type = "application/json"),
    responses(
        (status = 200, description = "The assessment of spec/output.md", body = Assessment),
        (status = 401, description = "No valid token", body = ErrorBody),
        (status = 413, description = "Body too large", body = ErrorBody),
        (status = 422, description = "The facts have an error; `field` names it", body = ErrorBody),
    ))]
async fn assess(
    State(state): State<AppState>,
    _user: ApiUser,
    bytes: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let bytes = body(bytes)?;
    let a = cases::assess_facts(&state, utf8(&bytes)?)
        .await
        .map_err(invalid)?;
    Ok(json_text(refuge_engine::json::to_string(&a)))
}

/// The cases the token's user may see.
#[utoipa::path(get, path = "/cases", tag = "cases",
    responses((status = 200, body = Vec<CaseSummary>), (status = 401, body = ErrorBody)))]
async fn list_cases(State(state): State<AppState>, u: ApiUser) -> ApiResult {
    let filter = crate::store::CaseFilter {
        limit: 10_000,
        ..Default::default()
    };
    let cases: Vec<CaseSummary> = state
        .db
        .cases_for(&u.user, &filter)
        .await?
        .into_iter()
        .map(Into::into)
        .collect();
    Ok(Json(cases).into_response())
}

/// Open a case.
#[utoipa::path(post, path = "/cases", tag = "cases",
    request_body = NewCase,
    responses(
        (status = 201, body = CaseSummary),
        (status = 401, body = ErrorBody),
        (status = 409, description = "The case number is taken", body = ErrorBody),
        (status = 422, body = ErrorBody),
    ))]
async fn create_case(
    State(state): State<AppState>,
    u: ApiUser,
    bytes: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let bytes = body(bytes)?;
    let new: NewCase =
        serde_path_to_error::deserialize(&mut serde_json::Deserializer::from_slice(&bytes))
            .map_err(|e| {
                let path = e.path().to_string();
                ApiError::Invalid {
                    error: e.inner().to_string(),
                    field: (path != ".").then_some(path),
                }
            })?;
    let name = new.name.trim();
    if name.is_empty() || name.chars().count() > 200 {
        return Err(ApiError::Invalid {
            error: "a case needs a name of 1 to 200 characters".into(),
            field: Some("name".into()),
        });
    }
    let facts = new.facts.unwrap_or_else(|| serde_json::json!({}));
    let number = new
        .number
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    // The web form's rules (issue 15): a number of at most 64 characters,
    // and no control character (NUL, a direction override) in either.
    let controlled = |s: &str| {
        s.chars().any(|c| {
            c.is_control()
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        })
    };
    if controlled(name) {
        return Err(ApiError::Invalid {
            error: "a control or direction character is not allowed in a name".into(),
            field: Some("name".into()),
        });
    }
    if let Some(n) = number
        && (n.chars().count() > 64 || controlled(n))
    {
        return Err(ApiError::Invalid {
            error: "a case number has at most 64 characters, none of them a control or direction character".into(),
            field: Some("number".into()),
        });
    }
    let audit = u.did(AuditAction::CaseCreate, " (API)");
    let case = cases::create(&state, &u.user, number, name, &facts, &audit)
        .await
        .map_err(|e| case_error(e, "facts."))?;
    Ok((
        StatusCode::CREATED,
        [(header::LOCATION, format!("/api/v1/cases/{}", case.id))],
        Json(CaseSummary::from(case)),
    )
        .into_response())
}

/// The entity tag of a version of a case's facts.
fn etag(version: i64) -> String {
    format!("\"v{version}\"")
}

fn with_etag(mut res: Response, version: i64) -> Response {
    if let Ok(v) = etag(version).parse() {
        res.headers_mut().insert(header::ETAG, v);
    }
    res
}

/// A case.
#[utoipa::path(get, path = "/cases/{id}", tag = "cases",
    params(("id" = String, Path, description = "The case's id")),
    responses((status = 200, body = CaseSummary), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_case(State(state): State<AppState>, access: ApiCase) -> ApiResult {
    let CaseAccess { case, who: u, .. } = access;
    u.audit(
        &state.db,
        AuditAction::CaseView,
        Some(&case.id),
        "case read (API)",
    )
    .await?;
    Ok(Json(CaseSummary::from(case)).into_response())
}

/// A case's facts document.
#[utoipa::path(get, path = "/cases/{id}/facts", tag = "cases",
    params(("id" = String, Path, description = "The case's id")),
    responses((status = 200, description = "The facts document of spec/facts.md", body = FactsDocument), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn get_facts(State(state): State<AppState>, access: ApiCase) -> ApiResult {
    let CaseAccess { case, who: u, .. } = access;
    u.audit(
        &state.db,
        AuditAction::CaseView,
        Some(&case.id),
        "facts read (API)",
    )
    .await?;
    Ok(with_etag(json_text(case.facts), case.version))
}

/// Replace a case's facts document (a new version; the old stays in the history).
#[utoipa::path(put, path = "/cases/{id}/facts", tag = "cases",
    params(("id" = String, Path, description = "The case's id")),
    request_body(content = FactsDocument, description = "The facts document of spec/facts.md", content_type = "application/json"),
    responses(
        (status = 200, description = "The facts as stored", body = FactsDocument),
        (status = 401, body = ErrorBody), (status = 404, body = ErrorBody),
        (status = 409, description = "Saved by someone else at the same moment; retry", body = ErrorBody),
        (status = 412, description = "If-Match names an older version: read the facts again", body = ErrorBody),
        (status = 422, body = ErrorBody),
    ))]
async fn put_facts(
    State(state): State<AppState>,
    access: ApiCase,
    headers: axum::http::HeaderMap,
    bytes: Result<Bytes, BytesRejection>,
) -> ApiResult {
    let CaseAccess { case, who: u, .. } = access;
    // A write based on an older version is refused, never applied over a
    // newer one (issue 15, medium 8): `If-Match` carries the ETag read.
    if let Some(wanted) = headers.get(header::IF_MATCH) {
        let current = etag(case.version);
        let wanted = wanted.to_str().unwrap_or("");
        if wanted != "*" && !wanted.split(',').any(|t| t.trim() == current) {
            return Err(ApiError::Stale(format!(
                "the facts are at version {} ({current}), not {wanted}: read them again, then write",
                case.version
            )));
        }
    }
    let bytes = body(bytes)?;
    let text = utf8(&bytes)?;
    // The engine's parser names the field of any error (and rejects what is not one object).
    cases::assess_facts(&state, text).await.map_err(invalid)?;
    let facts: Value = serde_json::from_str(text).map_err(|e| ApiError::Invalid {
        error: e.to_string(),
        field: None,
    })?;
    let audit = u.did(AuditAction::FactsChange, "facts replaced (API)");
    let version = cases::save_facts(&state, &u.user, &case, &facts, &audit)
        .await
        .map_err(|e| case_error(e, ""))?;
    Ok(with_etag(json_text(facts.to_string()), version))
}

/// A case's assessment, as of today (the same JSON as `POST /assess`).
#[utoipa::path(get, path = "/cases/{id}/assessment", tag = "cases",
    params(("id" = String, Path, description = "The case's id")),
    responses((status = 200, body = Assessment), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, description = "The stored facts are no longer valid", body = ErrorBody)))]
async fn get_assessment(State(state): State<AppState>, access: ApiCase) -> ApiResult {
    let CaseAccess { case, who: u, .. } = access;
    let a = cases::assess_facts(&state, &case.facts)
        .await
        .map_err(invalid)?;
    u.audit(
        &state.db,
        AuditAction::CaseView,
        Some(&case.id),
        "assessment read (API)",
    )
    .await?;
    Ok(json_text(refuge_engine::json::to_string(&a)))
}

/// A case's deadlines as an iCalendar file (RFC 5545).
#[utoipa::path(get, path = "/cases/{id}/calendar.ics", tag = "cases",
    params(("id" = String, Path, description = "The case's id")),
    responses((status = 200, content_type = "text/calendar", body = String), (status = 401, body = ErrorBody), (status = 404, body = ErrorBody)))]
async fn calendar(State(state): State<AppState>, access: ApiCase) -> ApiResult {
    let u = &access.who;
    Ok(crate::calendar::feed(&state, &u.user, Some(&access.case), u.ip.as_deref()).await?)
}

/// The changes of the law on the token's user's cases.
///
/// Every change record of the cases the token's user may see, newest first
/// (at most 1,000): what a new version of the law data or of the rules
/// moved (reliefs' outcomes, deadlines' dates, statuses and fees, warnings),
/// each item before and after, and why. `reviewed_at` is null until someone
/// marks it reviewed on the case page.
#[utoipa::path(get, path = "/changes", tag = "cases",
    responses((status = 200, body = Vec<crate::lawchange::ChangeView>), (status = 401, body = ErrorBody)))]
async fn list_changes(State(state): State<AppState>, u: ApiUser) -> ApiResult {
    let changes =
        crate::lawchange::changes_for(&state, &u.user, &crate::store::ChangeFilter::default())
            .await?;
    Ok(Json(changes).into_response())
}
