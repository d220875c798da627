//! A user's own settings: language, time zone, password, calendar feed, API tokens
//! (the second factor has a page of its own, `auth::second_factor`).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::IntoResponse;

use crate::auth::hash_blocking;
use crate::domain::user;
use crate::domain::{AuditAction, TokenId};
use crate::http::error::AppError;
use crate::http::error::PageResult;
use crate::http::extract::Posted;
use crate::http::lang;
use crate::http::routes::{Access, Routes};
use crate::http::session::Session;
use crate::http::view::{self, Ctx, render, see_other};
use crate::secret;
use crate::state::AppState;
use refuge_i18n::{Lang, tr};

/// This area's routes, with the access each requires.
pub fn routes() -> Routes {
    Routes::new()
        .get("/settings", Access::SignedIn, settings)
        .post("/settings/calendar", Access::SignedIn, calendar_token)
        .post("/settings/password", Access::SignedIn, change_password)
        .post("/settings/time-zone", Access::SignedIn, set_time_zone)
        .post("/settings/language", Access::SignedIn, set_language)
        .post("/settings/tokens", Access::SignedIn, new_api_token)
        .post(
            "/settings/tokens/{id}/revoke",
            Access::SignedIn,
            revoke_api_token,
        )
}

// ----- settings: calendar feed and API tokens -----

#[derive(Template)]
#[template(path = "settings/settings.html")]
struct Settings {
    ctx: Ctx,
    has_calendar: bool,
    /// Whether the user's second factor is on.
    second_factor: bool,
    tokens: Vec<(String, String, String, Option<String>)>,
    /// The time zone the user chose, if any, and the server's.
    time_zone: Option<String>,
    server_zone: String,
    /// Every zone of the tz database, to pick from.
    zones: Vec<String>,
    /// The language the user chose (a code), if any, and every shipped one.
    language: Option<String>,
    languages: Vec<Lang>,
    flash: Flash,
}

/// What the settings page reports of the action just taken.
pub enum Flash {
    None,
    /// A secret just made: what it is, and its value (shown once).
    Secret(String, String),
    Done(String),
    Error(String),
}

async fn settings_page(state: &AppState, s: &Session, flash: Flash) -> PageResult {
    let has_calendar = state.db.has_calendar_token(&s.user.id).await?;
    let tokens = state.db.api_tokens(&s.user.id).await?;
    let second_factor = state.db.second_factor(&s.user.id).await?.enabled;
    let status = if matches!(flash, Flash::Error(_)) {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let mut zones: Vec<String> = jiff::tz::db().available().map(|z| z.to_string()).collect();
    zones.sort();
    Ok((
        status,
        render(&Settings {
            ctx: Ctx::of(s, "settings-title"),
            has_calendar,
            second_factor,
            tokens,
            time_zone: s.time_zone.clone(),
            server_zone: server_zone(),
            zones,
            language: s.language.clone(),
            languages: Lang::all().collect(),
            flash,
        }),
    )
        .into_response())
}

async fn settings(State(state): State<AppState>, s: Session) -> PageResult {
    settings_page(&state, &s, Flash::None).await
}

async fn calendar_token(
    State(state): State<AppState>,
    headers: HeaderMap,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    if form.get("action") == "revoke" {
        state
            .db
            .set_calendar_token(
                &s.user.id,
                None,
                &s.did(AuditAction::PermissionCalendar, "calendar feed revoked"),
            )
            .await?;
        return settings_page(&state, s, Flash::None).await;
    }
    let token = secret::new_secret("cal");
    state
        .db
        .set_calendar_token(
            &s.user.id,
            Some(&secret::hash_secret(&token)),
            &s.did(
                AuditAction::PermissionCalendar,
                "calendar feed address made",
            ),
        )
        .await?;
    // The address calendar programs reach.
    let base = view::public_base(state.public_url.as_deref(), &headers);
    let url = format!("{base}/calendar/{token}/deadlines.ics");
    settings_page(
        &state,
        s,
        Flash::Secret(tr(s.lang, "settings-calendar-address"), url),
    )
    .await
}

/// The server's time zone by its name (or its offset, when it has none).
fn server_zone() -> String {
    let tz = jiff::tz::TimeZone::system();
    match tz.iana_name() {
        Some(name) => name.to_string(),
        None => tz.to_offset(jiff::Timestamp::now()).to_string(),
    }
}

/// The time zone the user's pages show times in: a name of the tz
/// database (checked against it), or nothing for the server's.
async fn set_time_zone(State(state): State<AppState>, form: Posted) -> PageResult {
    let s = &form.session;
    let typed = form.get("time_zone").trim();
    let zone = if typed.is_empty() {
        None
    } else {
        match jiff::tz::db().get(typed) {
            // The database's own spelling (`america/new_york` is America/New_York).
            Ok(tz) => Some(tz.iana_name().unwrap_or(typed).to_string()),
            Err(_) => {
                let message = lang::tr(s.lang, "settings-time-zone-unknown", &[("zone", &typed)]);
                return settings_page(&state, s, Flash::Error(message)).await;
            }
        }
    };
    let detail = match &zone {
        Some(z) => format!("time zone set to {z}"),
        None => "time zone set to the server's".into(),
    };
    state
        .db
        .set_time_zone(
            &s.user.id,
            zone.as_deref(),
            &s.did(AuditAction::SettingsTimeZone, detail),
        )
        .await?;
    // The page just saved shows times in the zone chosen.
    let mut s = s.clone();
    s.tz = crate::http::session::zone_or_server(zone.as_deref());
    let done = match &zone {
        Some(z) => lang::tr(s.lang, "settings-time-zone-saved", &[("zone", z)]),
        None => tr(s.lang, "settings-time-zone-saved-server"),
    };
    s.time_zone = zone;
    settings_page(&state, &s, Flash::Done(done)).await
}

/// The language the user's pages are written in: a shipped language's
/// code, or nothing for the browser's. Also kept in the language cookie, so
/// that the sign-in page speaks it after signing out.
async fn set_language(
    State(state): State<AppState>,
    headers: HeaderMap,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let typed = form.get("language").trim();
    let chosen = if typed.is_empty() {
        None
    } else {
        match Lang::parse(typed) {
            Some(l) => Some(l),
            None => {
                let message = lang::tr(s.lang, "settings-language-unknown", &[("code", &typed)]);
                return settings_page(&state, s, Flash::Error(message)).await;
            }
        }
    };
    let detail = match chosen {
        Some(l) => format!("language set to {}", l.code()),
        None => "language set to the browser's".into(),
    };
    state
        .db
        .set_language(
            &s.user.id,
            chosen.map(Lang::code),
            &s.did(AuditAction::SettingsLanguage, detail),
        )
        .await?;
    // The page just saved speaks the language chosen.
    let mut s = s.clone();
    s.language = chosen.map(|l| l.code().to_string());
    s.lang = chosen.unwrap_or_else(|| lang::of_browser(&headers));
    lang::set_current(s.lang);
    let done = Flash::Done(tr(s.lang, "settings-language-saved"));
    let page = settings_page(&state, &s, done).await?;
    let cookie = chosen.map_or_else(lang::clear_lang_cookie, lang::lang_cookie);
    Ok(([(header::SET_COOKIE, cookie)], page).into_response())
}

async fn change_password(State(state): State<AppState>, form: Posted) -> PageResult {
    let s = &form.session;
    let (current, new) = (form.get("current"), form.get("new"));
    if let Err(e) = user::check_new_password(new) {
        let problem = e.words(s.lang);
        let message = lang::tr(
            s.lang,
            "settings-password-new-problem",
            &[("problem", &problem)],
        );
        return settings_page(&state, s, Flash::Error(message)).await;
    }
    let hash = match state.db.user_by_name(&s.user.name).await? {
        Some((_, hash)) => hash,
        None => return Err(AppError::SignIn(None)),
    };
    let current = current.to_string();
    let ok = tokio::task::spawn_blocking(move || secret::verify_password(&current, &hash))
        .await
        .unwrap_or(false);
    if !ok {
        return settings_page(
            &state,
            s,
            Flash::Error(tr(s.lang, "settings-password-wrong")),
        )
        .await;
    }
    let hash = hash_blocking(new).await?;
    state
        .db
        .set_password(
            &s.user.id,
            &hash,
            &s.token_hash,
            &s.did(
                AuditAction::PermissionPassword,
                "password changed; other sessions ended",
            ),
        )
        .await?;
    settings_page(
        &state,
        s,
        Flash::Done(tr(s.lang, "settings-password-changed")),
    )
    .await
}

async fn new_api_token(State(state): State<AppState>, form: Posted) -> PageResult {
    let s = &form.session;
    let name = form.get("name").trim();
    if name.is_empty() || name.len() > 100 {
        return Err(AppError::BadRequest(tr(s.lang, "settings-api-error-name")));
    }
    let token = secret::new_secret("rfg");
    state
        .db
        .add_api_token(
            &s.user.id,
            name,
            &secret::hash_secret(&token),
            &s.did(
                AuditAction::PermissionToken,
                format!("API token {name:?} made"),
            ),
        )
        .await?;
    settings_page(
        &state,
        s,
        Flash::Secret(
            lang::tr(s.lang, "settings-api-made", &[("name", &name)]),
            token,
        ),
    )
    .await
}

async fn revoke_api_token(
    State(state): State<AppState>,
    Path(id): Path<TokenId>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let audit = s.did(AuditAction::PermissionToken, "API token revoked");
    if !state.db.revoke_api_token(&s.user.id, &id, &audit).await? {
        return Err(AppError::NotFound);
    }
    Ok(see_other("/settings".into()))
}
