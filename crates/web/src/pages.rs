//! The server-rendered pages. Every page works without JavaScript; every
//! form carries the session's CSRF token ([`Posted`]); every case route
//! fetches the case through [`Db::case_for`](crate::db::Db::case_for).

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use refuge_engine::output::Question;
use refuge_engine::{Assessment, NOTICE};
use serde::Deserialize;
use serde_json::Value;

use crate::auth::{self, Session};
use crate::cases::{self, CaseError};
use crate::db::{
    AuditEntry, CaseFilter, CaseRow, DbError, DeadlineFilter, DeadlineRow, Note, User,
};
use crate::error::AppError;
use crate::facts_form::{self, Change, SECTIONS};
use crate::widgets::{self, FormState};
use crate::{AppState, Role};

type PageResult = Result<Response, AppError>;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(dashboard))
        .route("/static/style.css", get(stylesheet))
        .route("/setup", get(setup_form).post(setup))
        .route("/login", get(login_form).post(login))
        .route("/logout", post(logout))
        .route("/cases", get(case_list).post(create_case))
        .route("/cases/search", post(search_cases))
        .route("/cases/new", get(new_case_form))
        .route("/cases/{id}", get(case_page))
        .route("/cases/{id}/interview", get(interview).post(answer))
        .route("/cases/{id}/facts", get(facts_page).post(save_facts))
        .route("/cases/{id}/facts.json", get(facts_json))
        .route("/cases/{id}/report.html", get(report))
        .route("/cases/{id}/history", get(history))
        .route("/cases/{id}/notes", post(add_note))
        .route("/cases/{id}/archive", post(archive))
        .route("/cases/{id}/members", post(add_member))
        .route("/cases/{id}/members/remove", post(remove_member))
        .route("/settings", get(settings))
        .route("/settings/calendar", post(calendar_token))
        .route("/settings/password", post(change_password))
        .route("/settings/tokens", post(new_api_token))
        .route("/settings/tokens/{id}/revoke", post(revoke_api_token))
        .route("/admin/users", get(users).post(add_user))
        .route("/admin/users/{id}", post(change_user))
        .route("/admin/audit", get(audit))
        .fallback(not_found)
}

/// What every page's frame needs: the title and, when signed in, the user and CSRF token.
pub struct Ctx {
    pub title: String,
    pub user: Option<User>,
    pub csrf: String,
}

impl Ctx {
    fn anonymous(title: &str) -> Ctx {
        Ctx {
            title: title.into(),
            user: None,
            csrf: String::new(),
        }
    }
    fn of(s: &Session, title: impl Into<String>) -> Ctx {
        Ctx {
            title: title.into(),
            user: Some(s.user.clone()),
            csrf: s.csrf.clone(),
        }
    }
}

fn render<T: Template>(t: &T) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template rendering failed");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "the page could not be rendered",
            )
                .into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "message.html")]
struct Message<'a> {
    ctx: Ctx,
    message: &'a str,
    notice: &'static str,
}

/// An error page with its status: the status in words as its title, and the message.
pub fn error_page(status: StatusCode, message: &str) -> Response {
    let title = status.canonical_reason().unwrap_or("Error");
    (
        status,
        render(&Message {
            ctx: Ctx::anonymous(title),
            message,
            notice: NOTICE,
        }),
    )
        .into_response()
}

async fn not_found() -> AppError {
    AppError::NotFound
}

async fn stylesheet() -> Response {
    static CSS: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let css = CSS.get_or_init(|| {
        format!(
            "{}\n{}",
            refuge_report::STYLESHEET,
            include_str!("../static/style.css")
        )
    });
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        css.as_str(),
    )
        .into_response()
}

/// A query string, its errors answered with an error page (axum's own
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

fn field<'a>(fields: &'a [(String, String)], name: &str) -> &'a str {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

async fn form_fields(req: Request, state: &AppState) -> Result<Vec<(String, String)>, AppError> {
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
    serde_urlencoded::from_bytes(&bytes)
        .map_err(|_| AppError::BadRequest("the form is malformed".into()))
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
        let cookie = auth::cookie(&parts.headers, PRE_CSRF_COOKIE).map(str::to_string);
        let ip = auth::client_ip(&parts);
        let fields = form_fields(Request::from_parts(parts, body), state).await?;
        match cookie {
            Some(c) if !c.is_empty() && field(&fields, "csrf") == c => {
                Ok(PreSession { fields, ip })
            }
            _ => Err(AppError::Csrf),
        }
    }
}

fn pre_csrf() -> (String, [(header::HeaderName, String); 1]) {
    let token = auth::new_secret("form");
    let cookie = format!("{PRE_CSRF_COOKIE}={token}; Path=/; HttpOnly; Secure; SameSite=Strict");
    (token, [(header::SET_COOKIE, cookie)])
}

async fn case_of(state: &AppState, user: &User, id: &str) -> Result<CaseRow, AppError> {
    state.db.case_for(user, id).await?.ok_or(AppError::NotFound)
}

fn see_other(to: String) -> Response {
    Redirect::to(&to).into_response()
}

// ----- first run, sign-in, sign-out -----

#[derive(Template)]
#[template(path = "setup.html")]
struct Setup<'a> {
    ctx: Ctx,
    csrf: String,
    token: &'a str,
    name: &'a str,
    error: Option<String>,
    notice: &'static str,
}

#[derive(Deserialize)]
struct TokenQuery {
    #[serde(default)]
    token: String,
}

fn setup_token_valid(state: &AppState, token: &str) -> bool {
    let t = state.setup_token.lock().unwrap_or_else(|e| e.into_inner());
    t.as_deref()
        .is_some_and(|t| !token.is_empty() && t == token)
}

async fn setup_form(State(state): State<AppState>, Q(q): Q<TokenQuery>) -> PageResult {
    if state.db.admin_count().await? > 0 || !setup_token_valid(&state, &q.token) {
        return Err(AppError::NotFound);
    }
    let (csrf, cookie) = pre_csrf();
    Ok((
        cookie,
        render(&Setup {
            ctx: Ctx::anonymous("First run"),
            csrf,
            token: &q.token,
            name: "",
            error: None,
            notice: NOTICE,
        }),
    )
        .into_response())
}

async fn setup(State(state): State<AppState>, form: PreSession) -> PageResult {
    let token = field(&form.fields, "token");
    if state.db.admin_count().await? > 0 || !setup_token_valid(&state, token) {
        return Err(AppError::NotFound);
    }
    let name = field(&form.fields, "name").trim();
    let password = field(&form.fields, "password");
    let problem = auth::check_user_name(name)
        .map_err(|e| format!("User name: {e}."))
        .and_then(|_| auth::check_new_password(password).map_err(|e| format!("Password: {e}.")));
    if let Err(error) = problem {
        let (csrf, cookie) = pre_csrf();
        let page = Setup {
            ctx: Ctx::anonymous("First run"),
            csrf,
            token,
            name,
            error: Some(error),
            notice: NOTICE,
        };
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, cookie, render(&page)).into_response());
    }
    let hash = hash_blocking(password).await?;
    let user = state.db.add_user(name, &hash, Role::Admin).await?;
    *state.setup_token.lock().unwrap_or_else(|e| e.into_inner()) = None;
    state
        .db
        .audit(
            Some(&user),
            "user.add",
            None,
            "first administrator created at setup",
            form.ip.as_deref(),
        )
        .await?;
    start_session(&state, &user, form.ip.as_deref()).await
}

/// Hashes a password off the async workers (argon2 takes tens of milliseconds of CPU).
async fn hash_blocking(password: &str) -> Result<String, AppError> {
    let pw = password.to_string();
    tokio::task::spawn_blocking(move || auth::hash_password(&pw))
        .await
        .map_err(|_| AppError::BadRequest("the password could not be processed; try again".into()))
}

async fn start_session(state: &AppState, user: &User, ip: Option<&str>) -> PageResult {
    let token = auth::new_secret("session");
    let csrf = auth::new_secret("csrf");
    let expires = jiff::Timestamp::now()
        .checked_add(jiff::SignedDuration::from_hours(auth::SESSION_HOURS))
        .unwrap_or(jiff::Timestamp::MAX)
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string();
    state
        .db
        .add_session(&auth::hash_secret(&token), &user.id, &csrf, &expires)
        .await?;
    state
        .db
        .audit(Some(user), "sign_in", None, "signed in", ip)
        .await?;
    let mut headers = HeaderMap::new();
    if let Ok(v) = auth::session_cookie(&token).parse() {
        headers.insert(header::SET_COOKIE, v);
    }
    Ok((headers, Redirect::to("/")).into_response())
}

#[derive(Template)]
#[template(path = "login.html")]
struct Login<'a> {
    ctx: Ctx,
    csrf: String,
    name: &'a str,
    error: Option<&'a str>,
    notice: &'static str,
}

async fn login_form(State(state): State<AppState>) -> PageResult {
    if state.db.user_count().await? == 0 {
        // The one-time setup link is printed by the server, never shown here.
        return Ok(error_page(
            StatusCode::SERVICE_UNAVAILABLE,
            "No account exists yet. Open the one-time setup link that the server printed when it started.",
        ));
    }
    let (csrf, cookie) = pre_csrf();
    Ok((
        cookie,
        render(&Login {
            ctx: Ctx::anonymous("Sign in"),
            csrf,
            name: "",
            error: None,
            notice: NOTICE,
        }),
    )
        .into_response())
}

async fn login(State(state): State<AppState>, form: PreSession) -> PageResult {
    let name = field(&form.fields, "name").trim().to_string();
    let password = field(&form.fields, "password").to_string();
    let ip = form.ip.clone().unwrap_or_default();
    if state.rate_limit.locked(&ip, &name) {
        state
            .db
            .audit(
                None,
                "sign_in.locked",
                None,
                &format!("sign-in locked for {name:?}"),
                form.ip.as_deref(),
            )
            .await?;
        return Err(AppError::RateLimited);
    }
    let found = state.db.user_by_name(&name).await?;
    let hash = found
        .as_ref()
        .map(|(_, h)| h.clone())
        .unwrap_or_else(|| auth::decoy_hash().to_string());
    let ok = tokio::task::spawn_blocking(move || auth::verify_password(&password, &hash))
        .await
        .unwrap_or(false);
    match found {
        Some((user, _)) if ok && user.active => {
            state.rate_limit.succeeded(&ip, &name);
            start_session(&state, &user, form.ip.as_deref()).await
        }
        _ => {
            state.rate_limit.failed(&ip, &name);
            state
                .db
                .audit(
                    None,
                    "sign_in.failed",
                    None,
                    &format!("failed sign-in as {name:?}"),
                    form.ip.as_deref(),
                )
                .await?;
            let (csrf, cookie) = pre_csrf();
            let page = Login {
                ctx: Ctx::anonymous("Sign in"),
                csrf,
                name: &name,
                error: Some("The user name or password is wrong."),
                notice: NOTICE,
            };
            Ok((StatusCode::UNAUTHORIZED, cookie, render(&page)).into_response())
        }
    }
}

async fn logout(State(state): State<AppState>, form: Posted) -> PageResult {
    state
        .db
        .audit(
            Some(&form.session.user),
            "sign_out",
            None,
            "signed out",
            form.session.ip.as_deref(),
        )
        .await?;
    state.db.end_session(&form.session.token_hash).await?;
    Ok((
        [(header::SET_COOKIE, auth::clear_session_cookie())],
        Redirect::to("/login"),
    )
        .into_response())
}

// ----- the dashboard -----

pub struct DashRow {
    pub row: DeadlineRow,
    pub days: i64,
    pub class: &'static str,
    pub alert: &'static str,
}

/// Days from `today` to an ISO date (negative once passed).
pub fn days_until(today: jiff::civil::Date, iso: &str) -> i64 {
    refuge_engine::facts::parse_date(iso)
        .map(|d| refuge_engine::calendar::days_between(today, d))
        .unwrap_or(0)
}

/// How a date is flagged: overdue (a missed deadline, a last day to act that
/// has passed with nothing done, or an upcoming one now passed) or due within
/// 30 days.
pub fn flag(status: &str, kind: &str, days: i64) -> (&'static str, &'static str) {
    match status {
        "missed" => ("overdue", "overdue"),
        "passed" if kind == "last_day" => ("overdue", "overdue"),
        "upcoming" if days < 0 => ("overdue", "overdue"),
        "upcoming" if days <= 30 => ("soon", "within 30 days"),
        _ => ("", ""),
    }
}

#[derive(Template)]
#[template(path = "dashboard.html")]
struct Dashboard {
    ctx: Ctx,
    today: jiff::civil::Date,
    rows: Vec<DashRow>,
    show_all: bool,
    page: i64,
    more: bool,
    notice: &'static str,
}

/// Dates on one page of the dashboard.
const DASHBOARD_PAGE: i64 = 100;

#[derive(Deserialize)]
struct DashQuery {
    all: Option<String>,
    #[serde(default)]
    page: i64,
}

async fn dashboard(State(state): State<AppState>, s: Session, Q(q): Q<DashQuery>) -> PageResult {
    let today = state.today();
    let show_all = q.all.is_some();
    let page = q.page.clamp(0, 100_000);
    let filter = DeadlineFilter {
        case_id: None,
        open_only: !show_all,
        limit: DASHBOARD_PAGE + 1,
        offset: page * DASHBOARD_PAGE,
    };
    let mut found = state.db.deadlines_for(&s.user, &filter).await?;
    let more = found.len() as i64 > DASHBOARD_PAGE;
    found.truncate(DASHBOARD_PAGE as usize);
    let rows = found
        .into_iter()
        .map(|row| {
            let days = days_until(today, &row.date);
            let (class, alert) = flag(&row.status, &row.kind, days);
            DashRow {
                row,
                days,
                class,
                alert,
            }
        })
        .collect();
    Ok(render(&Dashboard {
        ctx: Ctx::of(&s, "Deadlines"),
        today,
        rows,
        show_all,
        page,
        more,
        notice: NOTICE,
    }))
}

// ----- cases -----

#[derive(Template)]
#[template(path = "cases.html")]
struct CaseList {
    ctx: Ctx,
    cases: Vec<CaseRow>,
    q: String,
    due: String,
    filter: CaseFilter,
    notice: &'static str,
}

/// The case list's filters in the address: never a name or a number, which
/// are searched for through a form posted to `/cases/search` (issue 22,
/// defect 7: a client's name must not sit in an address, a browser's history
/// or a proxy's log).
#[derive(Deserialize)]
struct ListQuery {
    #[serde(default)]
    due: String,
    #[serde(default)]
    archived: String,
}

async fn case_list(State(state): State<AppState>, s: Session, Q(q): Q<ListQuery>) -> PageResult {
    list_cases(&state, &s, String::new(), q.due, !q.archived.is_empty()).await
}

/// The case list searched by name or case number (the form's body, not the address).
async fn search_cases(State(state): State<AppState>, form: Posted) -> PageResult {
    let (q, due) = (form.get("q").to_string(), form.get("due").to_string());
    let archived = !form.get("archived").is_empty();
    list_cases(&state, &form.session, q, due, archived).await
}

async fn list_cases(
    state: &AppState,
    s: &Session,
    q: String,
    due: String,
    archived: bool,
) -> PageResult {
    let due_by = match due.as_str() {
        "" => None,
        d => {
            let days: i64 = d
                .parse()
                .map_err(|_| AppError::BadRequest("due must be a number of days".into()))?;
            let date = state
                .today()
                .checked_add(jiff::Span::new().days(days.clamp(0, 3650)))
                .map_err(|_| AppError::BadRequest("due is out of range".into()))?;
            Some(date.to_string())
        }
    };
    let filter = CaseFilter {
        search: Some(q.clone()),
        due_by,
        archived,
        limit: 500,
    };
    let cases = state.db.cases_for(&s.user, &filter).await?;
    Ok(render(&CaseList {
        ctx: Ctx::of(s, "Cases"),
        cases,
        q,
        due,
        filter,
        notice: NOTICE,
    }))
}

#[derive(Template)]
#[template(path = "case_new.html")]
struct NewCase<'a> {
    ctx: Ctx,
    client_name: &'a str,
    number: &'a str,
    arrival: &'a str,
    error: Option<String>,
    notice: &'static str,
}

async fn new_case_form(s: Session) -> PageResult {
    Ok(render(&NewCase {
        ctx: Ctx::of(&s, "New case"),
        client_name: "",
        number: "",
        arrival: "",
        error: None,
        notice: NOTICE,
    }))
}

async fn create_case(State(state): State<AppState>, form: Posted) -> PageResult {
    let client_name = form.get("client_name").trim();
    let number = form.get("number").trim();
    let arrival = form.get("arrival").trim();
    let mut facts = serde_json::json!({});
    let mut error = None;
    if client_name.is_empty() || client_name.chars().count() > 200 {
        error = Some("Client's name: enter 1 to 200 characters.".to_string());
    } else if number.chars().count() > 64 {
        error = Some("Case number: at most 64 characters.".to_string());
    } else if !arrival.is_empty() {
        match facts_form::parse(facts_form::Kind::Date, arrival) {
            Ok(d) => facts = serde_json::json!({"arrivals": [{"date": d}]}),
            Err(e) => error = Some(format!("Date of last arrival: {e}.")),
        }
    }
    let created = match error {
        Some(e) => Err(e),
        None => match cases::create(
            &state,
            &form.session.user,
            (!number.is_empty()).then_some(number),
            client_name,
            &facts,
        )
        .await
        {
            Ok(case) => Ok(case),
            Err(CaseError::Invalid(e)) => Err(format!("Date of last arrival: {}.", e.message)),
            Err(CaseError::Db(DbError::Conflict(m))) => Err(format!("Case number: {m}.")),
            Err(CaseError::Db(e)) => return Err(e.into()),
        },
    };
    match created {
        Ok(case) => {
            state
                .db
                .audit(
                    Some(&form.session.user),
                    "case.create",
                    Some(&case.id),
                    &format!("case {} opened", case.number),
                    form.session.ip.as_deref(),
                )
                .await?;
            Ok(see_other(format!("/cases/{}", case.id)))
        }
        Err(e) => {
            let page = NewCase {
                ctx: Ctx::of(&form.session, "New case"),
                client_name,
                number,
                arrival,
                error: Some(e),
                notice: NOTICE,
            };
            Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "case.html")]
struct CasePage {
    ctx: Ctx,
    ctx_user_id: String,
    case: CaseRow,
    a: Assessment,
    sections: String,
    facts_error: Option<String>,
    notes: Vec<Note>,
    members: Vec<User>,
    can_manage: bool,
    notice: &'static str,
}

/// A case's assessment; facts the engine now rejects (a law or date change)
/// are shown as an error beside an assessment of no facts.
fn assessment_of(state: &AppState, case: &CaseRow) -> (Assessment, Option<String>) {
    match cases::assess_facts(state, &case.facts) {
        Ok(a) => (a, None),
        Err(e) => {
            let a = cases::assess_facts(state, "{}").expect("an empty facts document is valid");
            (a, Some(e.to_string()))
        }
    }
}

async fn case_page(
    State(state): State<AppState>,
    s: Session,
    Path(id): Path<String>,
) -> PageResult {
    let case = case_of(&state, &s.user, &id).await?;
    let (a, facts_error) = assessment_of(&state, &case);
    let sections = refuge_report::html_sections(&a);
    let notes = state.db.notes(&case.id).await?;
    let members = state.db.members(&case.id).await?;
    s.audit(&state.db, "case.view", Some(&case.id), "case page viewed")
        .await?;
    let page = CasePage {
        ctx: Ctx::of(&s, case.client_name.clone()),
        ctx_user_id: s.user.id.clone(),
        can_manage: s.user.role.manages_cases(),
        case,
        a,
        sections,
        facts_error,
        notes,
        members,
        notice: NOTICE,
    };
    Ok(render(&page))
}

async fn report(State(state): State<AppState>, s: Session, Path(id): Path<String>) -> PageResult {
    let case = case_of(&state, &s.user, &id).await?;
    let (a, _) = assessment_of(&state, &case);
    s.audit(&state.db, "case.export", Some(&case.id), "printable report")
        .await?;
    Ok(Html(refuge_report::html(&a)).into_response())
}

async fn facts_json(
    State(state): State<AppState>,
    s: Session,
    Path(id): Path<String>,
) -> PageResult {
    let case = case_of(&state, &s.user, &id).await?;
    s.audit(
        &state.db,
        "case.export",
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

// ----- the interview -----

pub struct WhyRow {
    pub id: String,
    pub question: String,
    pub cite: String,
}

#[derive(Template)]
#[template(path = "interview.html")]
struct Interview {
    ctx: Ctx,
    case: CaseRow,
    question: Option<Question>,
    position: usize,
    total: usize,
    skip: usize,
    inputs: Vec<String>,
    why: Vec<WhyRow>,
    error: Option<String>,
    saved: Option<String>,
    notice: &'static str,
}

#[derive(Deserialize)]
struct InterviewQuery {
    #[serde(default)]
    skip: usize,
    saved: Option<String>,
}

/// An answer refused: shown again on its own question, as typed, with why.
struct Refused<'a> {
    fact: &'a str,
    typed: &'a HashMap<String, String>,
    error: String,
}

/// The interview at question `skip`, or at a refused answer's question.
fn interview_page(
    state: &AppState,
    s: &Session,
    case: CaseRow,
    skip: usize,
    refused: Option<Refused<'_>>,
    saved: Option<String>,
) -> Interview {
    let no_answer = HashMap::new();
    let (focus, typed, error) = match refused {
        Some(r) => (Some(r.fact), r.typed, Some(r.error)),
        None => (None, &no_answer, None),
    };
    let (a, _) = assessment_of(state, &case);
    let doc = cases::document(&case);
    // The questions whose fact the document does not answer yet. One it
    // answers without settling the law (the harm was "not reported") is not
    // asked again and again: the structured form holds it (issue 22, defect 3).
    let open: Vec<&Question> = a
        .questions
        .iter()
        .filter(|q| facts_form::get(&doc, &q.fact).is_none())
        .collect();
    let total = open.len();
    let at = focus.and_then(|f| open.iter().position(|q| q.fact == f));
    let skip = at.unwrap_or(skip);
    // A refused answer to a question that is no longer open (someone else
    // answered it) is still shown on its own question, worded by the form.
    let closed = match (focus, at) {
        (Some(f), None) => facts_form::field_of(f).map(|(_, field)| Question {
            fact: f.to_string(),
            ask: field.label.into(),
            why: Vec::new(),
        }),
        _ => None,
    };
    let question = closed.or_else(|| open.get(skip).map(|q| (*q).clone()));
    let (inputs, why) = match &question {
        Some(q) => {
            let mut errors = HashMap::new();
            if let Some(e) = &error {
                errors.insert(q.fact.clone(), e.clone());
            }
            let st = FormState {
                doc: &doc,
                typed,
                errors: &errors,
            };
            let why = q
                .why
                .iter()
                .map(|id| {
                    let f = a.finding(id);
                    WhyRow {
                        id: id.to_string(),
                        question: f.map(|f| f.question.to_string()).unwrap_or_default(),
                        cite: f.map(|f| f.cite.join("; ")).unwrap_or_default(),
                    }
                })
                .collect();
            (widgets::answer(&q.fact, &st), why)
        }
        None => (Vec::new(), Vec::new()),
    };
    Interview {
        ctx: Ctx::of(s, format!("Interview: {}", case.client_name)),
        case,
        question,
        position: skip + 1,
        total,
        skip,
        inputs,
        why,
        error,
        saved,
        notice: NOTICE,
    }
}

async fn interview(
    State(state): State<AppState>,
    s: Session,
    Path(id): Path<String>,
    Q(q): Q<InterviewQuery>,
) -> PageResult {
    let case = case_of(&state, &s.user, &id).await?;
    Ok(render(&interview_page(
        &state, &s, case, q.skip, None, q.saved,
    )))
}

async fn answer(State(state): State<AppState>, Path(id): Path<String>, form: Posted) -> PageResult {
    let s = &form.session;
    let case = case_of(&state, &s.user, &id).await?;
    let skip: usize = form.get("skip").parse().unwrap_or(0);
    if form.get("action") == "skip" {
        return Ok(see_other(format!(
            "/cases/{}/interview?skip={}",
            case.id,
            skip + 1
        )));
    }
    let fact = form.get("fact").to_string();
    let answers: Vec<(String, String)> = form
        .fields
        .iter()
        .filter(|(k, _)| {
            k == &fact || k.starts_with(&format!("{fact}[")) || k.starts_with(&format!("{fact}."))
        })
        .cloned()
        .collect();
    let typed: HashMap<String, String> = answers.iter().cloned().collect();
    let blank = answers.iter().all(|(_, v)| v.trim().is_empty());
    let fail = |case: CaseRow, msg: String| {
        let refused = Refused {
            fact: &fact,
            typed: &typed,
            error: msg,
        };
        let page = interview_page(&state, s, case, skip, Some(refused), None);
        Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
    };
    if blank {
        return fail(case, "give an answer, or choose \"Skip for now\"".into());
    }
    // Someone else saved meanwhile. Their change and this answer meet only
    // if they answered this very question: then the answer is kept and shown
    // again on its question, beside theirs; otherwise it is saved on top of
    // their version (issue 22, defect 6).
    if form.get("version") != case.version.to_string() {
        let current = cases::document(&case);
        let theirs: Vec<String> = answers
            .iter()
            .filter_map(|(k, _)| facts_form::get(&current, k).map(|v| facts_form::show(Some(v))))
            .collect();
        if !theirs.is_empty() {
            return fail(
                case,
                format!(
                    "someone else answered this question meanwhile ({}); check it and answer again",
                    theirs.join(", ")
                ),
            );
        }
    }
    let mut doc = cases::document(&case);
    let errors = facts_form::apply_form(&mut doc, &answers);
    if let Some((_, e)) = errors.first() {
        return fail(case, e.clone());
    }
    // The address names the fact saved, never its value (issue 22, defect 7).
    let next = format!(
        "/cases/{}/interview?skip={skip}&{}",
        case.id,
        serde_urlencoded::to_string([("saved", &fact)]).unwrap_or_default()
    );
    // An answer that changes nothing makes no version and no audit entry.
    if doc == cases::document(&case) {
        return Ok(see_other(next));
    }
    match cases::save_facts(&state, &s.user, &case, &doc).await {
        Ok(_) => {
            s.audit(
                &state.db,
                "facts.change",
                Some(&case.id),
                &format!("interview answer: {fact}"),
            )
            .await?;
            Ok(see_other(next))
        }
        Err(CaseError::Invalid(e)) => fail(case, e.message),
        Err(CaseError::Db(DbError::Conflict(m))) => fail(case, m),
        Err(CaseError::Db(e)) => Err(e.into()),
    }
}

// ----- the structured facts form -----

#[derive(Template)]
#[template(path = "facts.html")]
struct FactsPage {
    ctx: Ctx,
    case: CaseRow,
    version: i64,
    /// Key, title and the rendered controls of each section.
    sections: Vec<(&'static str, &'static str, String)>,
    error: Option<String>,
    notice: &'static str,
}

fn facts_page_of(
    s: &Session,
    case: CaseRow,
    doc: &Value,
    typed: &HashMap<String, String>,
    errors: &HashMap<String, String>,
    error: Option<String>,
) -> FactsPage {
    let st = FormState { doc, typed, errors };
    let sections = SECTIONS
        .iter()
        .map(|sec| (sec.key, sec.title, widgets::section(sec, &st)))
        .collect();
    FactsPage {
        ctx: Ctx::of(s, format!("Facts: {}", case.client_name)),
        version: case.version,
        case,
        sections,
        error,
        notice: NOTICE,
    }
}

async fn facts_page(
    State(state): State<AppState>,
    s: Session,
    Path(id): Path<String>,
) -> PageResult {
    let case = case_of(&state, &s.user, &id).await?;
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
    Path(id): Path<String>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let case = case_of(&state, &s.user, &id).await?;
    let stored = cases::document(&case);
    let mut doc = stored.clone();
    let errors = facts_form::apply_form(&mut doc, &form.fields);
    let typed: HashMap<String, String> = form.fields.iter().cloned().collect();
    let show_again = |case: CaseRow, errors: HashMap<String, String>, message: String| {
        let page = facts_page_of(s, case, &stored, &typed, &errors, Some(message));
        Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
    };
    if !errors.is_empty() {
        let list: Vec<String> = errors
            .iter()
            .map(|(path, e)| format!("{path}: {e}"))
            .collect();
        let message = format!(
            "Nothing was saved; correct what is marked below ({}).",
            list.join("; ")
        );
        return show_again(case, errors.into_iter().collect(), message);
    }
    if form.get("version") != case.version.to_string() {
        return show_again(case, HashMap::new(), "Nothing was saved: someone else changed these facts since you opened the form. Your entries are shown; save again to apply them over the newer version.".into());
    }
    match cases::save_facts(&state, &s.user, &case, &doc).await {
        Ok(_) => {
            s.audit(
                &state.db,
                "facts.change",
                Some(&case.id),
                "facts form saved",
            )
            .await?;
            Ok(see_other(format!("/cases/{}", case.id)))
        }
        Err(CaseError::Invalid(e)) => {
            let path = cases::form_path(&doc, &e.field);
            let mut errors = HashMap::new();
            errors.insert(path.clone(), e.message.clone());
            show_again(
                case,
                errors,
                format!("Nothing was saved: {path}: {}.", e.message),
            )
        }
        Err(CaseError::Db(DbError::Conflict(m))) => {
            show_again(case, HashMap::new(), format!("Nothing was saved: {m}."))
        }
        Err(CaseError::Db(e)) => Err(e.into()),
    }
}

// ----- history, notes, team, archive -----

pub struct VersionView {
    pub version: i64,
    pub changed_by: String,
    pub changed_at: String,
    pub changes: Vec<Change>,
}

#[derive(Template)]
#[template(path = "history.html")]
struct History {
    ctx: Ctx,
    case: CaseRow,
    versions: Vec<VersionView>,
    notice: &'static str,
}

async fn history(State(state): State<AppState>, s: Session, Path(id): Path<String>) -> PageResult {
    let case = case_of(&state, &s.user, &id).await?;
    let versions = state
        .db
        .facts_history(&case.id)
        .await?
        .into_iter()
        .map(|v| VersionView {
            version: v.version,
            changed_by: v.changed_by,
            changed_at: v.changed_at,
            changes: serde_json::from_str(&v.changes).unwrap_or_default(),
        })
        .collect();
    Ok(render(&History {
        ctx: Ctx::of(&s, format!("History: {}", case.client_name)),
        case,
        versions,
        notice: NOTICE,
    }))
}

async fn add_note(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let case = case_of(&state, &s.user, &id).await?;
    let body = form.get("body").trim();
    if body.is_empty() || body.len() > 20_000 {
        return Err(AppError::BadRequest(
            "a note needs 1 to 20,000 characters".into(),
        ));
    }
    state.db.add_note(&case.id, &s.user, body).await?;
    s.audit(&state.db, "note.add", Some(&case.id), "note added")
        .await?;
    Ok(see_other(format!("/cases/{}#notes", case.id)))
}

async fn managed_case(state: &AppState, s: &Session, id: &str) -> Result<CaseRow, AppError> {
    let case = case_of(state, &s.user, id).await?;
    if !s.user.role.manages_cases() {
        return Err(AppError::Forbidden);
    }
    Ok(case)
}

async fn archive(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let case = managed_case(&state, s, &id).await?;
    let archived = form.get("archived") == "1";
    state.db.set_archived(&case.id, archived).await?;
    let what = if archived {
        "case archived"
    } else {
        "case reopened"
    };
    s.audit(&state.db, "case.archive", Some(&case.id), what)
        .await?;
    Ok(see_other(format!("/cases/{}", case.id)))
}

async fn add_member(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let case = managed_case(&state, s, &id).await?;
    let name = form.get("name").trim();
    let Some((user, _)) = state.db.user_by_name(name).await? else {
        return Err(AppError::BadRequest(format!("no user is named {name:?}")));
    };
    state.db.add_member(&case.id, &user.id).await?;
    s.audit(
        &state.db,
        "permission.assign",
        Some(&case.id),
        &format!("{} assigned to the case", user.name),
    )
    .await?;
    Ok(see_other(format!("/cases/{}#team", case.id)))
}

async fn remove_member(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let case = managed_case(&state, s, &id).await?;
    let user_id = form.get("user_id");
    let Some(user) = state.db.user_by_id(user_id).await? else {
        return Err(AppError::BadRequest("no such user".into()));
    };
    state.db.remove_member(&case.id, &user.id).await?;
    s.audit(
        &state.db,
        "permission.unassign",
        Some(&case.id),
        &format!("{} removed from the case", user.name),
    )
    .await?;
    Ok(see_other(format!("/cases/{}#team", case.id)))
}

// ----- settings: calendar feed and API tokens -----

#[derive(Template)]
#[template(path = "settings.html")]
struct Settings {
    ctx: Ctx,
    has_calendar: bool,
    tokens: Vec<(String, String, String, Option<String>)>,
    flash: Flash,
    notice: &'static str,
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
    let status = if matches!(flash, Flash::Error(_)) {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok((
        status,
        render(&Settings {
            ctx: Ctx::of(s, "Settings"),
            has_calendar,
            tokens,
            flash,
            notice: NOTICE,
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
        state.db.set_calendar_token(&s.user.id, None).await?;
        s.audit(
            &state.db,
            "permission.calendar",
            None,
            "calendar feed revoked",
        )
        .await?;
        return settings_page(&state, s, Flash::None).await;
    }
    let token = auth::new_secret("cal");
    state
        .db
        .set_calendar_token(&s.user.id, Some(&auth::hash_secret(&token)))
        .await?;
    s.audit(
        &state.db,
        "permission.calendar",
        None,
        "calendar feed address made",
    )
    .await?;
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1:8080");
    let url = format!("http://{host}/calendar/{token}/deadlines.ics");
    settings_page(
        &state,
        s,
        Flash::Secret("Your calendar feed address:".into(), url),
    )
    .await
}

async fn change_password(State(state): State<AppState>, form: Posted) -> PageResult {
    let s = &form.session;
    let (current, new) = (form.get("current"), form.get("new"));
    if let Err(e) = auth::check_new_password(new) {
        return settings_page(&state, s, Flash::Error(format!("New password: {e}."))).await;
    }
    let hash = match state.db.user_by_name(&s.user.name).await? {
        Some((_, hash)) => hash,
        None => return Err(AppError::SignIn),
    };
    let current = current.to_string();
    let ok = tokio::task::spawn_blocking(move || auth::verify_password(&current, &hash))
        .await
        .unwrap_or(false);
    if !ok {
        return settings_page(
            &state,
            s,
            Flash::Error("Current password: it is wrong.".into()),
        )
        .await;
    }
    let hash = hash_blocking(new).await?;
    state
        .db
        .set_password(&s.user.id, &hash, &s.token_hash)
        .await?;
    s.audit(
        &state.db,
        "permission.password",
        None,
        "password changed; other sessions ended",
    )
    .await?;
    settings_page(
        &state,
        s,
        Flash::Done("Password changed. Your other sessions are signed out.".into()),
    )
    .await
}

async fn new_api_token(State(state): State<AppState>, form: Posted) -> PageResult {
    let s = &form.session;
    let name = form.get("name").trim();
    if name.is_empty() || name.len() > 100 {
        return Err(AppError::BadRequest(
            "a token needs a name of 1 to 100 characters".into(),
        ));
    }
    let token = auth::new_secret("rfg");
    state
        .db
        .add_api_token(&s.user.id, name, &auth::hash_secret(&token))
        .await?;
    s.audit(
        &state.db,
        "permission.token",
        None,
        &format!("API token {name:?} made"),
    )
    .await?;
    settings_page(
        &state,
        s,
        Flash::Secret(format!("Your API token {name:?}:"), token),
    )
    .await
}

async fn revoke_api_token(
    State(state): State<AppState>,
    Path(id): Path<String>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    if !state.db.revoke_api_token(&s.user.id, &id).await? {
        return Err(AppError::NotFound);
    }
    s.audit(&state.db, "permission.token", None, "API token revoked")
        .await?;
    Ok(see_other("/settings".into()))
}

// ----- administration -----

fn admin(s: &Session) -> Result<(), AppError> {
    if s.user.role.is_admin() {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

#[derive(Template)]
#[template(path = "users.html")]
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

async fn users(State(state): State<AppState>, s: Session) -> PageResult {
    admin(&s)?;
    users_page(&state, &s, None).await
}

async fn add_user(State(state): State<AppState>, form: Posted) -> PageResult {
    let s = &form.session;
    admin(s)?;
    let name = form.get("name").trim();
    let password = form.get("password");
    let role: Result<Role, String> = form.get("role").parse();
    let problem = auth::check_user_name(name)
        .map_err(|e| format!("User name: {e}."))
        .and_then(|_| auth::check_new_password(password).map_err(|e| format!("Password: {e}.")))
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
    Path(id): Path<String>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    admin(s)?;
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
        if let Err(e) = auth::check_new_password(password) {
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
#[template(path = "audit.html")]
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

async fn audit(State(state): State<AppState>, s: Session, Q(q): Q<AuditQuery>) -> PageResult {
    admin(&s)?;
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
