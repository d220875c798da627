//! A case's uploads (issue 17): PDFs and images (JPEG, PNG), known by their
//! first bytes, never their names, kept in the database, attached to an item
//! of the evidence checklist and placed in the exhibit packet (an exhibit,
//! a translation of one, or a translator's certificate).
//!
//! An upload is refused before anything is stored when it is larger than the
//! limit (`--max-upload-mb`, 25 MB unless set: the announced length is
//! checked before the body is read, and the body is read no further than
//! the limit), of another kind, or an encrypted or damaged PDF; the refusal
//! names the cause. Uploads, downloads, changes and deletions are in the
//! audit log (`document.upload`, `document.download`, `document.change`,
//! `document.delete`), which names the file's kind and size, never its
//! name. Deleting an upload the exhibit packet uses asks first.

use askama::Template;
use axum::body::to_bytes;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use refuge_documents::{FileProblem, Media, exhibit_letter, inspect};
use serde::{Deserialize, Serialize};

use super::multipart;
use crate::application;
use crate::domain::AuditAction;
use crate::http::access::{CaseAccess, Member};
use crate::http::error::{AppError, PageResult};
use crate::http::extract::{Posted, Q};
use crate::http::lang;
use crate::http::view::{Ctx, error_page, render, see_other};
use crate::state::AppState;
use crate::store::{CaseRow, NewUpload, UPLOAD_ROLES, UploadPlace, UploadRow};
use refuge_i18n::{Lang, tr};

/// The largest upload unless `--max-upload-mb` says otherwise.
pub const DEFAULT_UPLOAD_LIMIT: usize = 25 * 1024 * 1024;

/// What a multipart body may hold besides the file (its boundaries, headers
/// and the CSRF token).
const FORM_OVERHEAD: usize = 16 * 1024;

/// The longest description, "what it proves" or file name kept.
const MAX_TEXT: usize = 2_000;

/// What names and describes an upload: sealed in the database.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Details {
    /// The file's name as uploaded.
    #[serde(default)]
    pub file_name: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub proves: String,
    /// The evidence checklist item it is attached to (`element-item-harm-family`).
    #[serde(default)]
    pub evidence: String,
}

impl Details {
    pub fn of(row: &UploadRow) -> Details {
        serde_json::from_str(&row.details).unwrap_or_default()
    }
}

/// The case's uploads attached to each evidence item (by the checklist's
/// item key, `element-item-harm-family`): each upload's id and name, for the
/// evidence checklist page.
pub async fn attached(
    state: &AppState,
    case: &CaseRow,
) -> Result<std::collections::HashMap<String, Vec<(String, String)>>, AppError> {
    let mut out: std::collections::HashMap<String, Vec<(String, String)>> = Default::default();
    for row in state.db.uploads(&case.id).await? {
        let d = Details::of(&row);
        if !d.evidence.is_empty() {
            let name = if d.description.is_empty() {
                d.file_name
            } else {
                d.description
            };
            out.entry(d.evidence).or_default().push((row.id, name));
        }
    }
    Ok(out)
}

/// "25 MB", "120 KB".
fn size_words(bytes: usize) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// The refusal of a file larger than the limit: nothing stored.
fn too_large(limit: usize) -> Response {
    let limit = size_words(limit);
    let message = lang::tr(lang::current(), "uploads-too-large", &[("limit", &limit)]);
    error_page(StatusCode::PAYLOAD_TOO_LARGE, &message)
}

/// The message naming a file's kind.
fn kind_id(media: &str) -> &'static str {
    match Media::from_mime(media) {
        Some(Media::Pdf) => "uploads-kind-pdf",
        Some(Media::Jpeg) => "uploads-kind-jpeg",
        Some(Media::Png) => "uploads-kind-png",
        None => "uploads-kind-file",
    }
}

/// A file's kind in English, as the audit log records it.
fn kind_words(media: &str) -> String {
    tr(Lang::english(), kind_id(media))
}

/// Receives a file of the upload form (`multipart/form-data`: `csrf`,
/// `file`, and optionally `description`, `proves`).
pub(super) async fn upload(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
    req: Request,
) -> PageResult {
    let limit = state.upload_limit;
    let announced = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if announced.is_some_and(|n| n > limit + FORM_OVERHEAD) {
        return Ok(too_large(limit));
    }
    let boundary = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(multipart::boundary)
        .ok_or_else(|| {
            AppError::BadRequest(
                "the upload could not be read: send the upload form (multipart/form-data)".into(),
            )
        })?;
    let Ok(body) = to_bytes(req.into_body(), limit + FORM_OVERHEAD).await else {
        return Ok(too_large(limit));
    };
    let parts = multipart::parts(&body, &boundary)
        .ok_or_else(|| AppError::BadRequest("the upload could not be read".into()))?;
    let field = |name: &str| {
        parts
            .iter()
            .find(|p| p.name == name)
            .map(|p| String::from_utf8_lossy(p.data).trim().to_string())
            .unwrap_or_default()
    };
    if field("csrf") != s.csrf {
        return Err(AppError::Csrf);
    }
    let Some(file) = parts.iter().find(|p| p.name == "file") else {
        return Err(AppError::Invalid(tr(s.lang, "uploads-no-file")));
    };
    if file.data.len() > limit {
        return Ok(too_large(limit));
    }
    let info = inspect(file.data).map_err(|p| refused(p, s.lang))?;
    let details = Details {
        file_name: bounded(file.file_name.as_deref().unwrap_or("")),
        description: bounded(&field("description")),
        proves: bounded(&field("proves")),
        evidence: String::new(),
    };
    let details = serde_json::to_string(&details).unwrap_or_default();
    let what = format!(
        "{}, {} page{}, {}",
        kind_words(info.media.mime()),
        info.pages,
        if info.pages == 1 { "" } else { "s" },
        size_words(file.data.len())
    );
    state
        .db
        .add_upload(
            &case.id,
            &NewUpload {
                media_type: info.media.mime(),
                pages: info.pages as i64,
                content: file.data,
                details: &details,
            },
            &s.user,
            &s.did(AuditAction::DocumentUpload, what),
        )
        .await?;
    Ok(see_other(format!(
        "/cases/{}/uploads?done=uploaded",
        case.id
    )))
}

/// A file refused: the cause, and that nothing was stored (HTTP 422).
fn refused(p: FileProblem, lang: Lang) -> AppError {
    let problem = p.to_string();
    AppError::Invalid(lang::tr(lang, "uploads-refused", &[("problem", &problem)]))
}

fn bounded(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .take(MAX_TEXT)
        .collect::<String>()
        .trim()
        .to_string()
}

/// One upload as the page shows it.
pub struct UploadView {
    pub id: String,
    /// The message naming its kind (`uploads-kind-pdf`).
    pub kind: &'static str,
    pub pages: i64,
    pub size: String,
    pub details: Details,
    pub role: String,
    pub of_upload: String,
    /// The exhibit's place as typed ("" when none).
    pub exhibit: String,
    /// "Exhibit C", "translation in Exhibit C", or "".
    pub in_packet: String,
    pub evidence_label: String,
    pub uploaded_by: String,
    pub uploaded_at: String,
}

#[derive(Template)]
#[template(path = "documents/uploads.html")]
struct UploadsPage {
    ctx: Ctx,
    case: CaseRow,
    uploads: Vec<UploadView>,
    /// The evidence items to attach to: (key, label).
    items: Vec<(String, String)>,
    roles: [&'static str; 3],
    limit: String,
    /// The message saying what the last action did.
    done: Option<&'static str>,
}

#[derive(Deserialize, Default)]
pub struct UploadsQuery {
    #[serde(default)]
    done: String,
}

/// The exhibits of the packet in order: the documents given a place, by
/// their place and then the order they were uploaded in.
pub(super) fn exhibits_in_order(rows: &[UploadRow]) -> Vec<&UploadRow> {
    let mut ex: Vec<&UploadRow> = rows
        .iter()
        .filter(|r| r.role == "document" && r.exhibit.is_some())
        .collect();
    ex.sort_by_key(|r| (r.exhibit, r.seq));
    ex
}

/// What the packet makes of each upload: "Exhibit C", "translation in
/// Exhibit C", "certificate in Exhibit C", or "" (not in the packet).
fn packet_places(rows: &[UploadRow], lang: Lang) -> std::collections::HashMap<String, String> {
    let mut out = std::collections::HashMap::new();
    for (i, ex) in exhibits_in_order(rows).into_iter().enumerate() {
        let letter = exhibit_letter(i);
        let place = |id| lang::tr(lang, id, &[("letter", &letter)]);
        out.insert(ex.id.clone(), place("uploads-place-exhibit"));
        for t in rows
            .iter()
            .filter(|t| t.role == "translation" && t.of_upload.as_deref() == Some(&ex.id))
        {
            out.insert(t.id.clone(), place("uploads-place-translation"));
            for c in rows
                .iter()
                .filter(|c| c.role == "certificate" && c.of_upload.as_deref() == Some(&t.id))
            {
                out.insert(c.id.clone(), place("uploads-place-certificate"));
            }
        }
    }
    out
}

/// The case's evidence items, (key, label), from its checklist; none when
/// the checklist cannot be made (the page still lists the uploads).
async fn evidence_items(state: &AppState, case: &CaseRow, lang: Lang) -> Vec<(String, String)> {
    let Ok(stored) = application::service::stored(state, case).await else {
        return Vec::new();
    };
    let Ok(r) = application::service::readiness(state, case, &stored.document).await else {
        return Vec::new();
    };
    let mut items = Vec::new();
    for el in &r.evidence.elements {
        let harm = el.harm.clone().unwrap_or_default();
        let family = el.family.clone().unwrap_or_default();
        let of = match (&el.harm, &el.family) {
            (Some(h), _) => lang::tr(lang, "uploads-of-harm", &[("harm", h)]),
            (None, Some(f)) => lang::tr(lang, "uploads-of-family", &[("member", f)]),
            (None, None) => String::new(),
        };
        for it in &el.items {
            items.push((
                format!("{}-{}-{harm}-{family}", el.element, it.item),
                format!(
                    "{}{of}: {}",
                    application::evidence::element_title(lang, el),
                    application::evidence::item_label(lang, el.element, it.item, it.label)
                ),
            ));
        }
    }
    items
}

pub(super) async fn uploads_page(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
    Q(q): Q<UploadsQuery>,
) -> PageResult {
    let rows = state.db.uploads(&case.id).await?;
    let items = evidence_items(&state, &case, s.lang).await;
    let places = packet_places(&rows, s.lang);
    let ctx = Ctx::of_case(&s, "uploads-title", &case.client_name);
    let uploads = rows
        .iter()
        .map(|r| {
            let details = Details::of(r);
            UploadView {
                id: r.id.clone(),
                kind: kind_id(&r.media_type),
                pages: r.pages,
                size: size_words(usize::try_from(r.size).unwrap_or(0)),
                evidence_label: items
                    .iter()
                    .find(|(k, _)| *k == details.evidence)
                    .map(|(_, l)| l.clone())
                    .unwrap_or_default(),
                details,
                role: r.role.clone(),
                of_upload: r.of_upload.clone().unwrap_or_default(),
                exhibit: r.exhibit.map(|n| n.to_string()).unwrap_or_default(),
                in_packet: places.get(&r.id).cloned().unwrap_or_default(),
                uploaded_by: r.uploaded_by.clone(),
                uploaded_at: ctx.local(&r.uploaded_at),
            }
        })
        .collect();
    Ok(render(&UploadsPage {
        ctx,
        uploads,
        items,
        roles: UPLOAD_ROLES,
        limit: size_words(state.upload_limit),
        done: match q.done.as_str() {
            "uploaded" => Some("uploads-done-uploaded"),
            "saved" => Some("uploads-done-saved"),
            "deleted" => Some("uploads-done-deleted"),
            _ => None,
        },
        case,
    }))
}

/// An upload's file, as it was uploaded (its download audited).
pub(super) async fn download_upload(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
    Path((_, id)): Path<(String, String)>,
) -> PageResult {
    let Some(row) = state.db.upload(&case.id, &id).await? else {
        return Err(AppError::NotFound);
    };
    let Some(content) = state.db.upload_content(&case.id, &id).await? else {
        return Err(AppError::NotFound);
    };
    s.audit(
        &state.db,
        AuditAction::DocumentDownload,
        Some(&case.id),
        &format!("uploaded {}", kind_words(&row.media_type)),
    )
    .await?;
    let ext = match Media::from_mime(&row.media_type) {
        Some(Media::Jpeg) => "jpg",
        Some(Media::Png) => "png",
        _ => "pdf",
    };
    let short: String = row.id.chars().take(8).collect();
    let name = super::file_name(&format!("upload-{short}"), &case, ext);
    let media = HeaderValue::from_str(&row.media_type)
        .unwrap_or(HeaderValue::from_static("application/octet-stream"));
    Ok(super::attachment(content, media, &name))
}

/// A case's uploads, and where the one asked for is among them (not found
/// when it is not this case's).
async fn with_upload(
    state: &AppState,
    case: &CaseRow,
    id: &str,
) -> Result<(Vec<UploadRow>, usize), AppError> {
    let rows = state.db.uploads(&case.id).await?;
    let at = rows
        .iter()
        .position(|r| r.id == id)
        .ok_or(AppError::NotFound)?;
    Ok((rows, at))
}

/// Changes an upload: its description, what it proves, its evidence item,
/// and its place in the packet (`role`, `of`, `exhibit`).
pub(super) async fn change_upload(
    State(state): State<AppState>,
    CaseAccess { case, .. }: CaseAccess<Member>,
    Path((_, id)): Path<(String, String)>,
    form: Posted,
) -> PageResult {
    let (rows, at) = with_upload(&state, &case, &id).await?;
    let (s, row) = (&form.session, &rows[at]);
    let role = form.get("role");
    if !UPLOAD_ROLES.contains(&role) {
        return Err(AppError::Invalid(format!(
            "{role:?} is not what an upload can be: document, translation or certificate"
        )));
    }
    let of = form.get("of").trim();
    let of = match role {
        "document" => None,
        _ => {
            // A translation belongs to a document; a certificate to a translation.
            let wanted = if role == "translation" {
                "document"
            } else {
                "translation"
            };
            match rows.iter().find(|r| r.id == of && r.id != row.id) {
                Some(r) if r.role == wanted => Some(r.id.as_str()),
                _ => {
                    return Err(AppError::Invalid(format!(
                        "A {role} belongs to a {wanted} of this case: choose which. Nothing was saved."
                    )));
                }
            }
        }
    };
    let exhibit = match (role, form.get("exhibit").trim()) {
        (_, "") | ("translation" | "certificate", _) => None,
        (_, n) => match n.parse::<i64>() {
            Ok(n) if (1..=10_000).contains(&n) => Some(n),
            _ => {
                let message = lang::tr(form.session.lang, "uploads-bad-place", &[("place", &n)]);
                return Err(AppError::Invalid(message));
            }
        },
    };
    let evidence = form.get("evidence").trim();
    let mut details = Details::of(row);
    details.description = bounded(form.get("description"));
    details.proves = bounded(form.get("proves"));
    details.evidence = bounded(evidence);
    let details = serde_json::to_string(&details).unwrap_or_default();
    let what = match exhibit {
        Some(n) => format!("{} placed as exhibit {n}", kind_words(&row.media_type)),
        None => format!("{} as {role}", kind_words(&row.media_type)),
    };
    let done = state
        .db
        .place_upload(
            &case.id,
            &id,
            &UploadPlace {
                details: &details,
                role,
                of_upload: of,
                exhibit,
            },
            &s.did(AuditAction::DocumentChange, what),
        )
        .await?;
    if !done {
        return Err(AppError::NotFound);
    }
    Ok(see_other(format!(
        "/cases/{}/uploads?done=saved#u-{id}",
        case.id
    )))
}

#[derive(Template)]
#[template(path = "documents/delete.html")]
struct ConfirmDelete {
    ctx: Ctx,
    case: CaseRow,
    id: String,
    file_name: String,
    /// What the packet makes of it, and of what belongs to it.
    uses: Vec<String>,
}

/// Deletes an upload. One the packet uses (an exhibit, its translation or
/// certificate, or a file that one belongs to) is deleted only once the user
/// confirms (`confirm=1`); until then the answer is a page asking.
pub(super) async fn delete_upload(
    State(state): State<AppState>,
    CaseAccess { case, .. }: CaseAccess<Member>,
    Path((_, id)): Path<(String, String)>,
    form: Posted,
) -> PageResult {
    let (rows, at) = with_upload(&state, &case, &id).await?;
    let (s, row) = (&form.session, &rows[at]);
    let places = packet_places(&rows, s.lang);
    let mut uses: Vec<String> = places
        .get(&id)
        .map(|p| lang::tr(s.lang, "uploads-delete-in-packet", &[("place", p)]))
        .into_iter()
        .collect();
    let belonging = rows
        .iter()
        .filter(|r| r.of_upload.as_deref() == Some(id.as_str()))
        .count();
    if belonging > 0 {
        uses.push(lang::tr(
            s.lang,
            "uploads-delete-belonging",
            &[("count", &belonging)],
        ));
    }
    if !uses.is_empty() && form.get("confirm") != "1" {
        return Ok(render(&ConfirmDelete {
            ctx: Ctx::of(s, "uploads-delete-title"),
            id,
            file_name: Details::of(row).file_name,
            uses,
            case,
        }));
    }
    let what = format!(
        "{}, {} page{}",
        kind_words(&row.media_type),
        row.pages,
        if row.pages == 1 { "" } else { "s" }
    );
    if !state
        .db
        .delete_upload(&case.id, &id, &s.did(AuditAction::DocumentDelete, what))
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(see_other(format!(
        "/cases/{}/uploads?done=deleted",
        case.id
    )))
}
