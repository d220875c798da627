//! The case's Form I-589 application (issue 16): the structured form that
//! edits it, one section per part, driven by the form data
//! (`refuge_application::Form::embedded()`), and the "Ready to file?" page,
//! which runs the readiness checks of `refuge check` on the stored facts and
//! application; the timeline page ([`timeline`]) and the evidence checklist
//! ([`evidence`]), which changes an item's status; its versions
//! ([`history`]). The API's routes are in
//! `api/application.rs`, over the same [`service`].

pub mod editor;
pub mod evidence;
pub mod fields;
pub mod history;
pub mod schema;
pub mod service;
pub mod timeline;

use std::collections::HashMap;

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use refuge_application::Form;
use refuge_application::output::{Severity, Status};
use refuge_engine::InputError;
use serde::Deserialize;
use serde_json::Value;

use crate::cases::service::{self as cases, CaseError};
use crate::domain::AuditAction;
use crate::http::access::{CaseAccess, Member};
use crate::http::drafts::Draft;
use crate::http::error::{AppError, PageResult};
use crate::http::extract::{Posted, Q};
use crate::http::lang;
use crate::http::routes::{Access, Routes};
use crate::http::session::Session;
use crate::http::view::{Ctx, render, see_other};
use crate::state::AppState;
use crate::store::{CaseRow, DbError};
use refuge_i18n::{Lang, tr};

/// This area's routes, with the access each requires.
pub fn routes() -> Routes {
    Routes::new()
        .get("/cases/{id}/application", Access::Member, application_page)
        .post("/cases/{id}/application", Access::Member, save_application)
        .get(
            "/cases/{id}/application/history",
            Access::Member,
            history::history_page,
        )
        .get("/cases/{id}/readiness", Access::Member, readiness_page)
        .get(
            "/cases/{id}/timeline",
            Access::Member,
            timeline::timeline_page,
        )
        .get(
            "/cases/{id}/evidence",
            Access::Member,
            evidence::evidence_page,
        )
        .post(
            "/cases/{id}/evidence",
            Access::Member,
            evidence::save_status,
        )
}

// ----- the application form -----

#[derive(Template)]
#[template(path = "application/application.html")]
struct ApplicationPage {
    ctx: Ctx,
    case: CaseRow,
    version: i64,
    /// Who saved the version shown, and when ("" when never saved).
    saved_by: String,
    saved_at: String,
    /// Part id, title and the rendered controls of each part.
    sections: Vec<(String, String, String)>,
    error: Option<String>,
    /// The version just saved, after a save.
    saved: Option<i64>,
    edition: String,
}

/// The form's address after a save or a refusal.
#[derive(Deserialize)]
pub struct ApplicationQuery {
    draft: Option<String>,
    saved: Option<i64>,
}

fn edition(form: &Form, lang: Lang) -> String {
    let f = &form.form;
    let id = if f.edition_verified {
        "application-edition"
    } else {
        "application-edition-unverified"
    };
    lang::tr(
        lang,
        id,
        &[
            ("form", &f.number),
            ("edition", &f.edition),
            ("numbering", &f.numbering),
        ],
    )
}

/// A page of this area opened: its view recorded in the audit log
/// (`detail`), and the stored application it shows.
async fn viewed(
    state: &AppState,
    s: &Session,
    case: &CaseRow,
    detail: &str,
) -> Result<service::Stored, AppError> {
    s.audit(&state.db, AuditAction::CaseView, Some(&case.id), detail)
        .await?;
    Ok(service::stored(state, case).await?)
}

async fn application_page(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
    Q(q): Q<ApplicationQuery>,
) -> PageResult {
    let stored = viewed(&state, &s, &case, "application form viewed").await?;
    let draft = q
        .draft
        .as_deref()
        .and_then(|key| state.drafts.get(key, &s.user.id, &case.id));
    let facts = cases::document(&case);
    let form = Form::embedded();
    let (typed, errors, error, status) = match draft {
        Some(d) => (
            d.typed,
            d.errors,
            Some(d.error),
            StatusCode::from_u16(d.status).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY),
        ),
        None => (HashMap::new(), HashMap::new(), None, StatusCode::OK),
    };
    let view = editor::View {
        lang: s.lang,
        case_id: case.id.as_str(),
        facts: &facts,
        app: &stored.document,
        typed: &typed,
        errors: &errors,
    };
    let sections = editor::sections(form, &view);
    let page = ApplicationPage {
        ctx: Ctx::of_case(&s, "application-title", &case.client_name),
        case,
        version: stored.version,
        saved_by: stored.changed_by,
        saved_at: stored.changed_at,
        sections,
        error,
        saved: q.saved.filter(|_| status == StatusCode::OK),
        edition: edition(form, s.lang),
    };
    Ok((status, render(&page)).into_response())
}

async fn save_application(
    State(state): State<AppState>,
    CaseAccess { case, .. }: CaseAccess<Member>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let stored = service::stored(&state, &case).await?;
    let built = fields::from_form(&form.fields);
    // What was typed, each field by its name (Part B.1's boxes joined).
    let mut typed: HashMap<String, String> = HashMap::new();
    for (k, v) in form
        .fields
        .iter()
        .filter(|(k, _)| k.starts_with("application."))
    {
        typed
            .entry(k.clone())
            .and_modify(|t| {
                t.push(',');
                t.push_str(v);
            })
            .or_insert_with(|| v.clone());
    }
    // Boxes left unticked post nothing: typed as empty, not as stored.
    for item in &Form::embedded().items {
        if matches!(fields::widget(&item.path), fields::Widget::Many(_))
            && !item.path.contains("[]")
        {
            typed.entry(item.path.clone()).or_default();
        }
    }
    let refuse = |errors: HashMap<String, String>, message: String, status: u16| -> PageResult {
        let page = format!("/cases/{}/application", case.id);
        let draft = Draft {
            typed: typed.clone(),
            errors,
            error: message,
            status,
            ..Draft::default()
        };
        Ok(state.drafts.refuse(&s.user.id, &case.id, draft, &page))
    };
    if form.get("version") != stored.version.to_string() {
        // Saved meanwhile: nothing is overwritten; what was typed is shown
        // over the newer version, and saving again applies it.
        let who = if stored.changed_by.is_empty() {
            tr(s.lang, "application-someone")
        } else {
            stored.changed_by.clone()
        };
        let message = lang::tr(
            s.lang,
            "application-saved-meanwhile",
            &[("who", &who), ("version", &stored.version)],
        );
        return refuse(HashMap::new(), message, 409);
    }
    // The sections the form has no controls for (the timeline, the evidence
    // statuses) are kept as stored: the form replaces only what it shows.
    let mut built = built;
    for section in refuge_application::schema::BESIDE_THE_FORM {
        let key = section.trim_start_matches("application.");
        if let (Some(kept), Some(doc)) = (stored.document.get(key), built.doc.as_object_mut()) {
            doc.insert(key.to_string(), kept.clone());
        }
    }
    let audit = s
        .did(AuditAction::ApplicationChange, "application form saved")
        .on(&case.id);
    match service::save(
        &state,
        &s.user,
        &case,
        stored.version,
        &stored.document,
        &built.doc,
        &audit,
    )
    .await
    {
        Ok((version, _)) => Ok(see_other(format!(
            "/cases/{}/application?saved={version}",
            case.id
        ))),
        Err(CaseError::Invalid(_)) => {
            let found = service::all_errors(&state, &case, &built.doc).await;
            let form_data = Form::embedded();
            let mut errors = HashMap::new();
            let mut list = Vec::new();
            for (path, message) in found {
                let path = built.form_path(&path);
                let name = form_data
                    .item(&fields::generic(&path))
                    .map_or_else(|| path.clone(), |i| i.name());
                list.push(format!("{name}: {message}"));
                errors.insert(path, message);
            }
            let message = lang::tr(
                s.lang,
                "facts-not-saved-errors",
                &[("errors", &list.join("; "))],
            );
            refuse(errors, message, 422)
        }
        Err(CaseError::Db(DbError::Conflict(m))) => {
            let message = lang::tr(s.lang, "facts-not-saved", &[("problem", &m)]);
            refuse(HashMap::new(), message, 409)
        }
        Err(CaseError::Db(e)) => Err(e.into()),
    }
}

// ----- "Ready to file?" -----

/// One issue as the page lists it.
struct IssueView {
    message: String,
    authority: String,
    /// Each item's link and name.
    links: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "application/readiness.html")]
struct ReadinessPage {
    ctx: Ctx,
    case: CaseRow,
    /// The checks could not run: why, and where to correct it.
    error: Option<(String, String)>,
    ready: bool,
    as_of: String,
    edition: String,
    blocking: Vec<IssueView>,
    warnings: Vec<IssueView>,
    waiting: Vec<IssueView>,
}

/// A stored application that no longer reads beside the facts: the error in
/// words, and where to fix it (its field, or the application form).
pub(super) fn stored_error(case_id: &str, facts: &Value, e: &InputError) -> (String, String) {
    let href = if e.field.is_empty() {
        format!("/cases/{case_id}/application")
    } else {
        link(case_id, facts, &e.field).0
    };
    (format!("{}: {}", e.field, e.message), href)
}

/// The link to the field of a path in the case document, and its name: a
/// fact to the facts form, an application item to its control (or, for a
/// path the form has no control for, the nearest row, list or part).
pub fn link(case_id: &str, facts: &Value, path: &str) -> (String, String) {
    let form = Form::embedded();
    let name = form
        .item(&fields::generic(path))
        .map_or_else(|| path.to_string(), |i| i.name());
    if path.starts_with("facts.") {
        return (editor::facts_link(case_id, facts, path), name);
    }
    let mut here = path.to_string();
    loop {
        let generic = fields::generic(&here);
        let shown = form
            .item(&generic)
            .is_some_and(|i| fields::widget(&i.path) != fields::Widget::Key)
            || (here.ends_with(']') && fields::ROW_LISTS.contains(&generic.trim_end_matches("[]")));
        if shown {
            break;
        }
        match here.rfind(['.', '[']) {
            Some(cut) if here[..cut].contains('.') => here.truncate(cut),
            _ => {
                let part = path.split('.').nth(1).unwrap_or("");
                let part = part.split('[').next().unwrap_or(part);
                let id = match part {
                    "supplement_b" => "sup_b".to_string(),
                    p => p.trim_start_matches("part_").to_string(),
                };
                return (format!("/cases/{case_id}/application#s-{id}"), name);
            }
        }
    }
    (
        format!("/cases/{case_id}/application#{}", fields::anchor(&here)),
        name,
    )
}

async fn readiness_page(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
) -> PageResult {
    let stored = viewed(&state, &s, &case, "readiness viewed").await?;
    let facts = cases::document(&case);
    let form = Form::embedded();
    let mut page = ReadinessPage {
        ctx: Ctx::of_case(&s, "application-readiness-title", &case.client_name),
        error: None,
        ready: false,
        as_of: String::new(),
        edition: edition(form, s.lang),
        blocking: Vec::new(),
        warnings: Vec::new(),
        waiting: Vec::new(),
        case,
    };
    match service::readiness(&state, &page.case, &stored.document).await {
        Err(e) => {
            page.error = Some(stored_error(page.case.id.as_str(), &facts, &e));
        }
        Ok(r) => {
            page.ready = r.ready;
            page.as_of = r.as_of.to_string();
            for i in &r.issues {
                let view = IssueView {
                    message: i.message.clone(),
                    authority: i.authority.join("; "),
                    links: i
                        .items
                        .iter()
                        .map(|p| link(page.case.id.as_str(), &facts, p))
                        .collect(),
                };
                match (i.status, i.severity) {
                    (Status::Tripped, Severity::Blocking) => page.blocking.push(view),
                    (Status::Tripped, Severity::Warning) => page.warnings.push(view),
                    _ => page.waiting.push(view),
                }
            }
        }
    }
    Ok(render(&page))
}
