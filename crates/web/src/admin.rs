//! Administration: users and the audit log.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use refuge_engine::NOTICE;
use serde::Deserialize;

use crate::auth::hash_blocking;
use crate::domain::user;
use crate::http::access::Admin;
use crate::http::error::AppError;
use crate::http::extract::{Posted, Q};
use crate::http::routes::{Access, Routes};
use crate::http::session::Session;
use crate::http::view::{Ctx, PageResult, render, see_other};
use crate::store::{AuditEntry, DbError, User};
use crate::{AppState, Role};

/// This area's routes, with the access each requires.
pub fn routes() -> Routes {
    Routes::new()
        .get("/admin/users", Access::Admin, users)
        .post("/admin/users", Access::Admin, add_user)
        .post("/admin/users/{id}", Access::Admin, change_user)
        .get("/admin/audit", Access::Admin, audit)
}

// ----- administration -----

#[derive(Template)]
#[template(path = "admin/users.html")]
struct Users {
    ctx: Ctx,
    ctx_user_id: String,
    users: Vec<User>,
    roles: [&'static str; 3],
    error: Option<String>,
    notice: &'static str,
}

async fn users_page(state: &AppState, s: &Session, error: Option<String>) -> PageResult {
    let users = state.db.users().await?;
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let page = Users {
        ctx: Ctx::of(s, "Users"),
        ctx_user_id: s.user.id.clone(),
        users,
        roles: Role::ALL.map(Role::as_str),
        error,
        notice: NOTICE,
    };
    Ok((status, render(&page)).into_response())
}

async fn users(State(state): State<AppState>, Admin(s): Admin) -> PageResult {
    users_page(&state, &s, None).await
}

async fn add_user(State(state): State<AppState>, _: Admin, form: Posted) -> PageResult {
    let s = &form.session;
    let name = form.get("name").trim();
    let password = form.get("password");
    let role: Result<Role, String> = form.get("role").parse();
    let problem = user::check_user_name(name)
        .map_err(|e| format!("User name: {e}."))
        .and_then(|_| user::check_new_password(password).map_err(|e| format!("Password: {e}.")))
        .and_then(|_| role.clone().map_err(|e| format!("Role: {e}.")));
    if let Err(e) = problem {
        return users_page(&state, s, Some(e)).await;
    }
    let role = role.unwrap_or(Role::Staff);
    let hash = hash_blocking(password).await?;
    match state.db.add_user(name, &hash, role).await {
        Ok(u) => {
            s.audit(
                &state.db,
                "permission.user_add",
                None,
                &format!("{} added as {}", u.name, role.as_str()),
            )
            .await?;
            Ok(see_other("/admin/users".into()))
        }
        Err(DbError::Conflict(m)) => users_page(&state, s, Some(format!("User name: {m}."))).await,
        Err(e) => Err(e.into()),
    }
}

async fn change_user(
    State(state): State<AppState>,
    _: Admin,
    Path(id): Path<String>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    if id == s.user.id {
        return users_page(
            &state,
            s,
            Some("You cannot change your own role or deactivate yourself.".into()),
        )
        .await;
    }
    let Some(user) = state.db.user_by_id(&id).await? else {
        return Err(AppError::NotFound);
    };
    let role: Role = form.get("role").parse().map_err(AppError::BadRequest)?;
    let active = form.get("active") != "0";
    let password = form.get("password");
    if !password.is_empty() {
        if let Err(e) = user::check_new_password(password) {
            return users_page(
                &state,
                s,
                Some(format!("New password for {}: {e}.", user.name)),
            )
            .await;
        }
        let hash = hash_blocking(password).await?;
        // Their sessions end: whoever held the old password is signed out.
        state.db.set_password(&user.id, &hash, "").await?;
        s.audit(
            &state.db,
            "permission.password",
            None,
            &format!("{}: password reset by an administrator", user.name),
        )
        .await?;
    }
    if role != user.role {
        state.db.set_role(&user.id, role).await?;
        s.audit(
            &state.db,
            "permission.role",
            None,
            &format!("{}: {} → {}", user.name, user.role.as_str(), role.as_str()),
        )
        .await?;
    }
    if active != user.active {
        state.db.set_active(&user.id, active).await?;
        let what = if active { "reactivated" } else { "deactivated" };
        s.audit(
            &state.db,
            "permission.active",
            None,
            &format!("{} {what}", user.name),
        )
        .await?;
    }
    Ok(see_other("/admin/users".into()))
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct Audit {
    ctx: Ctx,
    entries: Vec<AuditEntry>,
    actions: &'static [&'static str],
    action: String,
    notice: &'static str,
}

/// The actions the audit log records.
pub const AUDIT_ACTIONS: &[&str] = &[
    "sign_in",
    "sign_in.failed",
    "sign_in.locked",
    "sign_out",
    "case.create",
    "case.view",
    "case.export",
    "case.archive",
    "facts.change",
    "note.add",
    "permission.assign",
    "permission.unassign",
    "permission.user_add",
    "permission.role",
    "permission.active",
    "permission.token",
    "permission.calendar",
    "permission.password",
    "user.add",
    "token.new",
    "api.assess",
];

#[derive(Deserialize)]
struct AuditQuery {
    #[serde(default)]
    action: String,
}

async fn audit(State(state): State<AppState>, Admin(s): Admin, Q(q): Q<AuditQuery>) -> PageResult {
    let action = (!q.action.is_empty()).then_some(q.action.as_str());
    let entries = state.db.audit_log(action, 500).await?;
    Ok(render(&Audit {
        ctx: Ctx::of(&s, "Audit log"),
        entries,
        actions: AUDIT_ACTIONS,
        action: q.action,
        notice: NOTICE,
    }))
}
