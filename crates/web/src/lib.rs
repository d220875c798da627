//! The Refuge case workspace (`refuge serve`): a private, self-hosted web
//! application where a legal-aid office or small firm keeps its asylum cases,
//! interviews clients, and sees at once what the law engine says about each.
//!
//! - [`db`]: storage on SQLite (embedded, default) or PostgreSQL.
//! - [`auth`]: passwords, sessions, CSRF, tokens, the sign-in rate limit.
//! - `pages`: the server-rendered HTML pages; `api`: JSON under `/api/v1`
//!   with its OpenAPI document; `ics`: iCalendar feeds.
//! - [`facts_form`]: the facts document as forms and interview answers.
//!
//! Architecture invariants:
//! - Every request for a case goes through [`db::Db::case_for`], which
//!   returns nothing for a case the user is not assigned to (admins excepted):
//!   someone else's case and a missing case look the same (404).
//! - The assessment shown is always the engine's, recomputed from the stored
//!   facts on every view; this crate decides nothing about the law.
//! - Nothing sensitive is logged: request logs carry method, route and status,
//!   never facts, names or tokens. Secrets are stored only as hashes.

pub mod auth;
pub mod db;
pub mod demo;
pub mod error;
pub mod facts_form;

mod api;
mod cases;
mod ics;
mod pages;
mod schema;
mod widgets;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::str::FromStr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};
use jiff::civil::Date;
use refuge_engine::Law;
use serde::Serialize;

/// The largest request body accepted (a facts document is a few kilobytes).
pub const BODY_LIMIT: usize = 1 << 20;

/// What a user may do beyond working on their own cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Manages users, reads the audit log, sees every case.
    Admin,
    /// Works on assigned cases; archives them and assigns colleagues.
    Attorney,
    /// Works on assigned cases (paralegals, interpreters' coordinators).
    Staff,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Admin, Role::Attorney, Role::Staff];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Attorney => "attorney",
            Role::Staff => "staff",
        }
    }
}

impl FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Role, String> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| format!("unknown role {s:?}: choose admin, attorney or staff"))
    }
}

/// Everything a request handler needs.
#[derive(Clone)]
pub struct AppState {
    pub db: db::Db,
    pub law: &'static Law,
    /// The one-time token of the first-run setup link, while no user exists.
    pub setup_token: Arc<Mutex<Option<String>>>,
    pub rate_limit: Arc<auth::RateLimit>,
    /// A fixed "today" (tests); `None`: the system's local date.
    pub today: Option<Date>,
}

impl AppState {
    pub fn new(db: db::Db) -> AppState {
        AppState {
            db,
            law: Law::embedded(),
            setup_token: Arc::default(),
            rate_limit: Arc::default(),
            today: None,
        }
    }

    pub fn today(&self) -> Date {
        self.today
            .unwrap_or_else(|| jiff::ZonedDateTime::now().date())
    }

    /// When no administrator exists yet, makes (or returns) the one-time setup token.
    pub async fn setup_token_if_needed(&self) -> Result<Option<String>, db::DbError> {
        if self.db.admin_count().await? > 0 {
            return Ok(None);
        }
        let mut t = self.setup_token.lock().unwrap_or_else(|e| e.into_inner());
        Ok(Some(
            t.get_or_insert_with(|| auth::new_secret("setup")).clone(),
        ))
    }
}

/// The whole application as one router, for the server and for tests
/// (`tower::ServiceExt::oneshot`, no socket).
pub fn app(state: AppState) -> Router {
    Router::new()
        .merge(pages::routes())
        .merge(ics::routes())
        .nest("/api/v1", api::routes())
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::map_response(security_headers))
        .layer(axum::middleware::from_fn(log_request))
        .with_state(state)
}

/// Logs each request at debug level (`REFUGE_LOG=refuge_web=debug`): the
/// method, the route pattern (`/cases/{id}`, never the id or a token), the
/// status and the time taken. Nothing else of the request is logged.
async fn log_request(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    if !tracing::enabled!(tracing::Level::DEBUG) {
        return next.run(req).await;
    }
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "(unmatched)".into());
    let start = std::time::Instant::now();
    let res = next.run(req).await;
    tracing::debug!(%method, route, status = res.status().as_u16(), micros = start.elapsed().as_micros() as u64, "request");
    res
}

/// Headers on every response: no framing, no sniffing, no referrer leaking a
/// case id, a strict content policy (the pages use no script and no outside
/// asset), and no caching of confidential pages.
async fn security_headers(mut res: axum::response::Response) -> axum::response::Response {
    let h = res.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, k, v| {
        h.entry(k).or_insert(HeaderValue::from_static(v));
    };
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(
        h,
        header::CONTENT_SECURITY_POLICY,
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    set(h, header::CACHE_CONTROL, "no-store");
    res
}

/// Where the data lives: `--database URL`, `REFUGE_DATABASE_URL`, or a SQLite
/// file in `--data DIR` (default `./refuge-data`).
#[derive(clap::Args, Debug, Clone)]
pub struct StoreArgs {
    /// The data directory for the embedded SQLite database (created if missing).
    #[arg(long, value_name = "DIR", default_value = "refuge-data")]
    pub data: PathBuf,
    /// A database URL instead of the embedded SQLite (postgres://user@host/db).
    #[arg(long, value_name = "URL", env = "REFUGE_DATABASE_URL")]
    pub database: Option<String>,
}

impl StoreArgs {
    /// The database URL these options name, creating the data directory when needed.
    ///
    /// # Errors
    /// When the data directory cannot be created.
    pub fn url(&self) -> anyhow::Result<String> {
        if let Some(url) = &self.database {
            return Ok(url.clone());
        }
        std::fs::create_dir_all(&self.data).map_err(|e| {
            anyhow::anyhow!(
                "cannot create the data directory {}: {e}",
                self.data.display()
            )
        })?;
        Ok(format!(
            "sqlite://{}?mode=rwc",
            self.data.join("refuge.db").display()
        ))
    }

    pub async fn open(&self) -> anyhow::Result<db::Db> {
        let url = self.url()?;
        db::Db::connect(&url)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))
    }
}

/// `refuge serve`: the case workspace in a browser.
#[derive(clap::Args, Debug, Clone)]
pub struct ServeArgs {
    /// The address and port to listen on. Keep it on 127.0.0.1 unless a
    /// TLS-terminating proxy stands in front: sessions need HTTPS elsewhere.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,
    #[command(flatten)]
    pub store: StoreArgs,
    /// Load a few fictional demonstration cases (and a demo user) if the database has none.
    #[arg(long)]
    pub demo: bool,
}

/// Runs a future on a new multi-threaded runtime (the CLI is synchronous).
pub fn block_on<F: std::future::Future>(f: F) -> anyhow::Result<F::Output> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    Ok(rt.block_on(f))
}

/// Starts the server and runs until interrupted (Ctrl-C or SIGTERM).
///
/// # Errors
/// When the database cannot be opened or the address cannot be bound.
pub async fn serve(args: &ServeArgs) -> anyhow::Result<()> {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("REFUGE_LOG")
                .unwrap_or_else(|_| "refuge_web=info".into()),
        )
        .with_writer(std::io::stderr)
        .try_init();
    let db = args.store.open().await?;
    let state = AppState::new(db);
    if args.demo {
        let loaded = demo::load(&state.db, state.today()).await?;
        if let Some(password) = loaded {
            eprintln!("Demo cases loaded. Sign in as \"demo\" with the password: {password}");
        }
    }
    let listener = tokio::net::TcpListener::bind(args.listen)
        .await
        .map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", args.listen))?;
    let addr = listener.local_addr()?;
    eprintln!("Refuge is running at http://{addr}/  (Ctrl-C stops it)");
    if !addr.ip().is_loopback() {
        eprintln!(
            "Note: sessions use Secure cookies, which browsers keep only over HTTPS (or on localhost).\n\
             Put an HTTPS proxy in front of this address; asylum information must not cross a network in clear text."
        );
    }
    if let Some(token) = state.setup_token_if_needed().await? {
        eprintln!(
            "First run: create the administrator account at\n  http://{addr}/setup?token={token}\n(this link works once)"
        );
    }
    eprintln!("{}", refuge_engine::NOTICE);
    axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown())
    .await?;
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

/// `refuge user add NAME --role ROLE`: adds a user, the password read from
/// standard input (one line).
///
/// # Errors
/// A taken name, a short password, or a database error.
pub async fn add_user(
    store: &StoreArgs,
    name: &str,
    role: Role,
    password: &str,
) -> anyhow::Result<()> {
    auth::check_user_name(name).map_err(|e| anyhow::anyhow!("user name: {e}"))?;
    auth::check_new_password(password).map_err(|e| anyhow::anyhow!("password: {e}"))?;
    let db = store.open().await?;
    let pw = password.to_string();
    let hash = tokio::task::spawn_blocking(move || auth::hash_password(&pw)).await?;
    let user = db
        .add_user(name, &hash, role)
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    db.audit(
        None,
        "user.add",
        None,
        &format!("{} added as {} (command line)", user.name, role.as_str()),
        None,
    )
    .await?;
    Ok(())
}

/// `refuge token new NAME`: a new API token for user NAME (printed once; only its hash is kept).
///
/// # Errors
/// An unknown user, or a database error.
pub async fn new_token(store: &StoreArgs, name: &str, label: &str) -> anyhow::Result<String> {
    let db = store.open().await?;
    let (user, _) = db
        .user_by_name(name)
        .await?
        .ok_or_else(|| anyhow::anyhow!("no user is named {name:?}"))?;
    let token = auth::new_secret("rfg");
    db.add_api_token(&user.id, label, &auth::hash_secret(&token))
        .await?;
    db.audit(
        Some(&user),
        "token.new",
        None,
        &format!("API token {label:?} created (command line)"),
        None,
    )
    .await?;
    Ok(token)
}
