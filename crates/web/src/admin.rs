//! Administration: users and the audit log.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use serde::Deserialize;

use crate::auth::hash_blocking;
use crate::domain::Role;
use crate::domain::user;
use crate::domain::{AuditAction, UserId};
use crate::http::access::Admin;
use crate::http::error::AppError;
use crate::http::error::PageResult;
use crate::http::extract::{Posted, Q};
use crate::http::lang;
use crate::http::routes::{Access, Routes};
use crate::http::session::Session;
use crate::http::view::{Ctx, render, see_other};
use crate::state::AppState;
use crate::store::{AuditEntry, AuditFilter, DbError, User, UserChange};
use refuge_i18n::tr;

/// This area's routes, with the access each requires.
pub fn routes() -> Routes {
    Routes::new()
        .get("/admin/users", Access::Admin, users)
        .post("/admin/users", Access::Admin, add_user)
        .post("/admin/users/{id}", Access::Admin, change_user)
        .post("/admin/second-factor", Access::Admin, require_second_factor)
        .get("/admin/audit", Access::Admin, audit)
}

// ----- administration -----

#[derive(Template)]
#[template(path = "admin/users.html")]
struct Users {
    ctx: Ctx,
    ctx_user_id: UserId,
    users: Vec<User>,
    /// The users whose second factor is on.
    second_factor: Vec<UserId>,
    /// Whether the workspace requires a second factor of every user.
    required: bool,
    roles: [Role; 3],
    error: Option<String>,
    /// What the last change did, in words.
    done: Option<String>,
}

/// The users page's address after a change: whose (an id, never a name) and what.
#[derive(Deserialize, Default)]
struct UsersQuery {
    #[serde(default)]
    added: Option<UserId>,
    #[serde(default)]
    changed: Option<UserId>,
    /// The second factor's rule was just changed (1: required, 0: not).
    #[serde(default)]
    required: Option<u8>,
}

async fn users_page(state: &AppState, s: &Session, error: Option<String>) -> PageResult {
    users_page_done(state, s, error, None).await
}

async fn users_page_done(
    state: &AppState,
    s: &Session,
    error: Option<String>,
    done: Option<String>,
) -> PageResult {
    let users = state.db.users().await?;
    let second_factor = state.db.users_with_second_factor().await?;
    let required = state.db.second_factor_required().await?;
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let page = Users {
        ctx: Ctx::of(s, "admin-users-title"),
        ctx_user_id: s.user.id.clone(),
        users,
        second_factor,
        required,
        roles: Role::ALL,
        error,
        done,
    };
    Ok((status, render(&page)).into_response())
}

async fn users(State(state): State<AppState>, Admin(s): Admin, Q(q): Q<UsersQuery>) -> PageResult {
    let done = match (&q.added, &q.changed) {
        (Some(id), _) => state.db.user_by_id(id).await?.map(|u| {
            let role = tr(s.lang, u.role.message_id());
            lang::tr(
                s.lang,
                "admin-user-added",
                &[("name", &u.name), ("role", &role)],
            )
        }),
        (None, Some(id)) => state.db.user_by_id(id).await?.map(|u| {
            let role = tr(s.lang, u.role.message_id());
            let status = tr(
                s.lang,
                if u.active {
                    "admin-active"
                } else {
                    "admin-deactivated"
                },
            );
            lang::tr(
                s.lang,
                "admin-user-saved",
                &[("name", &u.name), ("role", &role), ("status", &status)],
            )
        }),
        (None, None) => match q.required {
            Some(1) => Some(tr(s.lang, "admin-2fa-now-required")),
            Some(_) => Some(tr(s.lang, "admin-2fa-no-longer-required")),
            None => None,
        },
    };
    users_page_done(&state, &s, None, done).await
}

async fn add_user(State(state): State<AppState>, _: Admin, form: Posted) -> PageResult {
    let s = &form.session;
    let password = form.get("password");
    let lang = s.lang;
    let problem = user::check_user_name(form.get("name").trim())
        .map_err(|e| lang::tr(lang, "auth-error-user-name", &[("problem", &e.words(lang))]))
        .and_then(|name| {
            user::check_new_password(password)
                .map(|()| name)
                .map_err(|e| lang::tr(lang, "auth-error-password", &[("problem", &e.words(lang))]))
        })
        .and_then(|name| {
            let role: Role = form
                .get("role")
                .parse()
                .map_err(|e: String| lang::tr(lang, "admin-error-role", &[("problem", &e)]))?;
            Ok((name, role))
        });
    let (name, role) = match problem {
        Ok(ok) => ok,
        Err(e) => return users_page(&state, s, Some(e)).await,
    };
    let name = name.as_str();
    let hash = hash_blocking(password).await?;
    let audit = s.did(
        AuditAction::PermissionUserAdd,
        format!("{name} added as {}", role.as_str()),
    );
    match state.db.add_user(name, &hash, role, &audit).await {
        Ok(u) => Ok(see_other(format!("/admin/users?added={}", u.id))),
        Err(DbError::Conflict(m)) => {
            let message = lang::tr(lang, "auth-error-user-name", &[("problem", &m)]);
            users_page(&state, s, Some(message)).await
        }
        Err(e) => Err(e.into()),
    }
}

async fn change_user(
    State(state): State<AppState>,
    _: Admin,
    Path(id): Path<UserId>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    if id == s.user.id {
        return users_page(&state, s, Some(tr(s.lang, "admin-not-yourself"))).await;
    }
    let Some(user) = state.db.user_by_id(&id).await? else {
        return Err(AppError::NotFound);
    };
    let role: Role = form.get("role").parse().map_err(AppError::BadRequest)?;
    let active = form.get("active") != "0";
    let password = form.get("password");
    let mut change = UserChange::default();
    let mut audits = Vec::new();
    let hash;
    if !password.is_empty() {
        if let Err(e) = user::check_new_password(password) {
            return users_page(
                &state,
                s,
                Some(lang::tr(
                    s.lang,
                    "admin-error-new-password",
                    &[("name", &user.name), ("problem", &e.words(s.lang))],
                )),
            )
            .await;
        }
        hash = hash_blocking(password).await?;
        // Their sessions end: whoever held the old password is signed out.
        change.password_hash = Some(&hash);
        audits.push(s.did(
            AuditAction::PermissionPassword,
            format!("{}: password reset by an administrator", user.name),
        ));
    }
    if role != user.role {
        change.role = Some(role);
        audits.push(s.did(
            AuditAction::PermissionRole,
            format!("{}: {} → {}", user.name, user.role.as_str(), role.as_str()),
        ));
    }
    if form.get("revoke_tokens") == "1" {
        change.revoke_tokens = true;
        audits.push(s.did(
            AuditAction::PermissionToken,
            format!(
                "{}: API tokens and calendar feed revoked by an administrator",
                user.name
            ),
        ));
    }
    if form.get("reset_second_factor") == "1" {
        // Explicitly, never as a side effect of a new password: a password
        // reset alone leaves the second factor in force.
        change.reset_second_factor = true;
        audits.push(s.did(
            AuditAction::PermissionSecondFactor,
            format!("{}: second factor reset by an administrator", user.name),
        ));
    }
    if active != user.active {
        change.active = Some(active);
        let what = if active { "reactivated" } else { "deactivated" };
        audits.push(s.did(
            AuditAction::PermissionActive,
            format!("{} {what}", user.name),
        ));
    }
    // All of it, with its audit rows, or none of it.
    state.db.change_user(&user.id, &change, &audits).await?;
    Ok(see_other(format!("/admin/users?changed={}", user.id)))
}

/// Requires a second factor of every user, or stops requiring it.
async fn require_second_factor(
    State(state): State<AppState>,
    _: Admin,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let required = match form.get("require") {
        "1" => true,
        "0" => false,
        other => {
            return Err(AppError::BadRequest(format!(
                "require: {other:?} is neither 1 nor 0"
            )));
        }
    };
    let detail = if required {
        "a second factor required of every user"
    } else {
        "a second factor no longer required"
    };
    state
        .db
        .set_second_factor_required(
            required,
            &s.did(AuditAction::PermissionRequireSecondFactor, detail),
        )
        .await?;
    Ok(see_other(format!(
        "/admin/users?required={}",
        u8::from(required)
    )))
}

#[derive(Template)]
#[template(path = "admin/audit.html")]
struct Audit {
    ctx: Ctx,
    entries: Vec<AuditEntry>,
    actions: Vec<&'static str>,
    /// Every user's name, for the filter.
    users: Vec<String>,
    /// The filter as given.
    q: AuditQuery,
    /// The addresses of the next older and newer pages, if any.
    older: Option<String>,
    newer: Option<String>,
}

/// The codes of the actions the audit log records, for its filter.
fn action_codes() -> Vec<&'static str> {
    AuditAction::ALL.iter().map(|a| a.code()).collect()
}

#[derive(Deserialize)]
struct AuditQuery {
    #[serde(default)]
    action: String,
    #[serde(default)]
    user: String,
    #[serde(default)]
    case: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    /// The page, 0 for the newest entries.
    #[serde(default)]
    page: i64,
}

/// Audit entries a page shows.
const AUDIT_PAGE: i64 = 200;

/// The audit log, filtered by action, user, case number and days (issue 22).
async fn audit(State(state): State<AppState>, Admin(s): Admin, Q(q): Q<AuditQuery>) -> PageResult {
    let action = match q.action.as_str() {
        "" => None,
        code => Some(code.parse::<AuditAction>().map_err(AppError::BadRequest)?),
    };
    // A day is the user's: it starts at midnight in their time zone.
    let day = |name: &str, text: &str, next: bool| -> Result<Option<jiff::Timestamp>, AppError> {
        let t = text.trim();
        if t.is_empty() {
            return Ok(None);
        }
        let bad = || AppError::BadRequest(format!("{name}: {t:?} is not a date (YYYY-MM-DD)"));
        let mut d: jiff::civil::Date = t.parse().map_err(|_| bad())?;
        if next {
            d = d.tomorrow().map_err(|_| bad())?;
        }
        let midnight = d.to_datetime(jiff::civil::Time::midnight());
        let start = s.tz.to_ambiguous_timestamp(midnight).compatible();
        Ok(Some(start.map_err(|_| bad())?))
    };
    let text = |t: &str| Some(t.trim().to_string()).filter(|t| !t.is_empty());
    let filter = AuditFilter {
        action,
        user: text(&q.user),
        case_number: text(&q.case),
        from: day("From", &q.from, false)?,
        before: day("To", &q.to, true)?,
        limit: AUDIT_PAGE + 1,
        offset: q.page.clamp(0, 1_000_000) * AUDIT_PAGE,
    };
    let mut entries = state.db.audit_entries(&filter).await?;
    let more = entries.len() as i64 > AUDIT_PAGE;
    entries.truncate(AUDIT_PAGE as usize);
    // The same filter on the next and previous pages.
    let page_link = |page: i64| {
        let query = serde_urlencoded::to_string([
            ("action", q.action.as_str()),
            ("user", q.user.as_str()),
            ("case", q.case.as_str()),
            ("from", q.from.as_str()),
            ("to", q.to.as_str()),
            ("page", page.to_string().as_str()),
        ])
        .unwrap_or_default();
        format!("/admin/audit?{query}")
    };
    let older = more.then(|| page_link(q.page + 1));
    let newer = (q.page > 0).then(|| page_link(q.page - 1));
    let users = state
        .db
        .users()
        .await?
        .into_iter()
        .map(|u| u.name)
        .collect();
    Ok(render(&Audit {
        ctx: Ctx::of(&s, "admin-audit-title"),
        entries,
        actions: action_codes(),
        users,
        q,
        older,
        newer,
    }))
}
