//! The facts of a case: the structured form, the document as JSON, and the interview.

mod countries;
pub mod form;
pub mod interview;
pub mod schema;
mod sections;
mod versions;
pub mod widgets;

use std::collections::HashMap;

use askama::Template;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use serde::Deserialize;
use serde_json::Value;

use crate::cases::service::{self as cases, CaseError};
use crate::domain::AuditAction;
use crate::facts::form as facts_form;
use crate::facts::form::SECTIONS;
use crate::facts::widgets::FormState;
use crate::http::access::{CaseAccess, Member};
use crate::http::drafts::Draft;
use crate::http::error::PageResult;
use crate::http::extract::{Posted, Q};
use crate::http::lang;
use crate::http::routes::{Access, Routes};
use crate::http::session::Session;
use crate::http::view::{Ctx, render, see_other};
use crate::state::AppState;
use crate::store::{CaseRow, DbError};
use refuge_i18n::tr;

/// This area's routes, with the access each requires.
pub fn routes() -> Routes {
    Routes::new()
        .get(
            "/cases/{id}/interview",
            Access::Member,
            interview::interview,
        )
        .post("/cases/{id}/interview", Access::Member, interview::answer)
        .get("/cases/{id}/facts", Access::Member, facts_page)
        .post("/cases/{id}/facts", Access::Member, save_facts)
        .get("/cases/{id}/facts.json", Access::Member, facts_json)
}

// ----- the structured facts form -----

#[derive(Template)]
#[template(path = "facts/facts.html")]
struct FactsPage {
    ctx: Ctx,
    case: CaseRow,
    version: i64,
    /// Key, title and the rendered controls of each section.
    sections: Vec<(&'static str, String, String)>,
    /// The defined groups, to pick a ground's group from.
    groups: String,
    error: Option<String>,
}

fn facts_page_of(
    s: &Session,
    case: CaseRow,
    doc: &Value,
    typed: &HashMap<String, String>,
    errors: &HashMap<String, String>,
    error: Option<String>,
) -> FactsPage {
    let st = FormState {
        lang: s.lang,
        doc,
        typed,
        errors,
    };
    let sections = SECTIONS
        .iter()
        .map(|sec| {
            let title = facts_form::title_in(s.lang, sec);
            (sec.key, title, widgets::section(sec, &st))
        })
        .collect();
    FactsPage {
        ctx: Ctx::of_case(s, "facts-title", &case.client_name),
        version: case.version,
        case,
        sections,
        groups: widgets::group_list(doc),
        error,
    }
}

/// The facts form's address after a refusal: the key of its draft.
#[derive(Deserialize)]
pub struct FactsQuery {
    draft: Option<String>,
}

async fn facts_page(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
    Q(q): Q<FactsQuery>,
) -> PageResult {
    s.audit(
        &state.db,
        AuditAction::CaseView,
        Some(&case.id),
        "facts form viewed",
    )
    .await?;
    let draft = q
        .draft
        .as_deref()
        .and_then(|key| state.drafts.get(key, &s.user.id, &case.id));
    if let Some(d) = draft {
        // A refused save, shown again (on the version it now stands on).
        let doc = d.doc.unwrap_or_else(|| cases::document(&case));
        let page = facts_page_of(&s, case, &doc, &d.typed, &d.errors, Some(d.error));
        let status = StatusCode::from_u16(d.status).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY);
        return Ok((status, render(&page)).into_response());
    }
    let doc = cases::document(&case);
    Ok(render(&facts_page_of(
        &s,
        case,
        &doc,
        &HashMap::new(),
        &HashMap::new(),
        None,
    )))
}

async fn save_facts(
    State(state): State<AppState>,
    CaseAccess { case, .. }: CaseAccess<Member>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let stored = cases::document(&case);
    let mut doc = stored.clone();
    let errors = facts_form::apply_form(&mut doc, &form.fields);
    let typed: HashMap<String, String> = form.fields.iter().cloned().collect();
    // A refusal redirects to the form, what was typed kept on the server
    // (POST, redirect, GET: issue 22, defect 14).
    let refuse = |case: &CaseRow, draft: Draft| -> PageResult {
        let page = format!("/cases/{}/facts", case.id);
        Ok(state.drafts.refuse(&s.user.id, &case.id, draft, &page))
    };
    let show_again = |case: CaseRow, errors: HashMap<String, String>, message: String| {
        refuse(
            &case,
            Draft {
                typed: typed.clone(),
                errors,
                error: message,
                doc: Some(stored.clone()),
                status: 422,
                ..Draft::default()
            },
        )
    };
    if !errors.is_empty() {
        let list: Vec<String> = errors
            .iter()
            .map(|(path, e)| format!("{path}: {e}"))
            .collect();
        let message = lang::tr(
            s.lang,
            "facts-not-saved-errors",
            &[("errors", &list.join("; "))],
        );
        return show_again(case, errors.into_iter().collect(), message);
    }
    if form.get("version") != case.version.to_string() {
        // Saved meanwhile by someone else: merge fact by fact (issue 22, defect 5).
        let history = state.db.facts_history(&case.id).await?;
        let opened_on = history
            .iter()
            .find(|v| v.version.to_string() == form.get("version"));
        let (Some(opened_on), Some(latest)) = (opened_on, history.first()) else {
            return show_again(
                case,
                HashMap::new(),
                tr(s.lang, "facts-not-saved-version-unknown"),
            );
        };
        let base: Value = serde_json::from_str(&opened_on.facts).unwrap_or_default();
        let mut mine = base.clone();
        facts_form::apply_form(&mut mine, &form.fields);
        let (merged, conflicts) = facts_form::merge(&base, &mine, &stored);
        if conflicts.is_empty() {
            doc = merged;
        } else {
            // Both values side by side at each field, this user's in the
            // control; everything else as merged. Saving again (on the
            // newer version) keeps what the field then holds.
            let who = &latest.changed_by;
            let shown = |v: &Option<String>| v.clone().unwrap_or_else(|| tr(s.lang, "facts-empty"));
            let mut typed = HashMap::new();
            let mut errors = HashMap::new();
            for c in &conflicts {
                typed.insert(c.path.clone(), c.mine.clone().unwrap_or_default());
                let (theirs, mine) = (shown(&c.theirs), shown(&c.mine));
                errors.insert(
                    c.path.clone(),
                    lang::tr(
                        s.lang,
                        "facts-conflict-field",
                        &[("who", who), ("theirs", &theirs), ("mine", &mine)],
                    ),
                );
            }
            let labels: Vec<String> = conflicts
                .iter()
                .map(|c| facts_form::label_of_in(s.lang, &c.path))
                .collect();
            let message = lang::tr(
                s.lang,
                "facts-conflict",
                &[
                    ("who", who),
                    ("count", &conflicts.len()),
                    ("facts", &labels.join("; ")),
                ],
            );
            return refuse(
                &case,
                Draft {
                    typed,
                    errors,
                    error: message,
                    doc: Some(merged),
                    status: 409,
                    ..Draft::default()
                },
            );
        }
    }
    let audit = s
        .did(AuditAction::FactsChange, "facts form saved")
        .on(&case.id);
    match cases::save_facts(&state, &s.user, &case, &doc, &audit).await {
        Ok(_) => Ok(see_other(format!("/cases/{}?done=facts", case.id))),
        Err(CaseError::Invalid(_)) => {
            // All of them at once (issue 22, defect 13), each at its field.
            let found = cases::all_errors(&state, &doc).await;
            let list: Vec<String> = found
                .iter()
                .map(|(path, m)| format!("{}: {m}", facts_form::label_of_in(s.lang, path)))
                .collect();
            let message = lang::tr(
                s.lang,
                "facts-not-saved-errors",
                &[("errors", &list.join("; "))],
            );
            show_again(case, found.into_iter().collect(), message)
        }
        Err(CaseError::Db(DbError::Conflict(m))) => show_again(
            case,
            HashMap::new(),
            lang::tr(s.lang, "facts-not-saved", &[("problem", &m)]),
        ),
        Err(CaseError::Db(e)) => Err(e.into()),
    }
}

async fn facts_json(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
) -> PageResult {
    s.audit(
        &state.db,
        AuditAction::CaseExport,
        Some(&case.id),
        "facts document (JSON)",
    )
    .await?;
    let disposition = format!(
        "attachment; filename=\"facts-{}.json\"",
        case.number
            .replace(|c: char| !c.is_ascii_alphanumeric() && c != '-', "_")
    );
    Ok((
        [
            (header::CONTENT_TYPE, "application/json".to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        case.facts,
    )
        .into_response())
}
