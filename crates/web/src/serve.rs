//! Running the workspace: where the data lives, and the server's start and shutdown.

use std::net::SocketAddr;
use std::path::PathBuf;

use axum::response::IntoResponse as _;

use crate::app::app;
use crate::demo;
use crate::state::AppState;

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
    /// The file of the key that encrypts the cases' narratives at rest
    /// (default: refuge.key beside the SQLite database, created readable by
    /// its owner alone on the first start). With --database, give this or
    /// set REFUGE_KEY to the key itself. Keep it apart from backups.
    #[arg(long, value_name = "FILE", env = "REFUGE_KEY_FILE")]
    pub key_file: Option<PathBuf>,
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
        let file = self.data.join(DB_FILE);
        private(&self.data, &file).map_err(|e| {
            anyhow::anyhow!(
                "cannot create the data directory {} for the owner alone: {e}",
                self.data.display()
            )
        })?;
        Ok(format!("sqlite://{}?mode=rwc", file.display()))
    }

    /// The SQLite database file these options name: `refuge.db` in the data
    /// directory, or the file of a `sqlite:` URL; `None` for any other
    /// database (PostgreSQL).
    pub fn sqlite_file(&self) -> Option<PathBuf> {
        let Some(url) = &self.database else {
            return Some(self.data.join(DB_FILE));
        };
        let rest = url
            .strip_prefix("sqlite://")
            .or_else(|| url.strip_prefix("sqlite:"))?;
        let path = rest.split('?').next().unwrap_or_default();
        (!path.is_empty() && path != ":memory:").then(|| PathBuf::from(path))
    }
}

/// The database file's name in the data directory.
const DB_FILE: &str = "refuge.db";

/// Makes the data directory readable by its owner alone (0700) and the
/// database file too (0600), whatever the umask; SQLite gives its `-wal` and
/// `-shm` files the database file's permissions. Asylum information is
/// confidential (8 C.F.R. § 208.6): no other account of the machine reads it.
fn private(dir: &std::path::Path, file: &std::path::Path) -> std::io::Result<()> {
    private_dir(dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
        std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .open(file)?;
        for suffix in ["", "-wal", "-shm"] {
            let f = suffixed(file, suffix);
            if f.exists() {
                std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o600))?;
            }
        }
    }
    #[cfg(not(unix))]
    let _ = file;
    Ok(())
}

/// `file` with `suffix` added to its name: `refuge.db` and `-wal` give
/// `refuge.db-wal`, the name SQLite gives the file's write-ahead log.
pub(crate) fn suffixed(file: &std::path::Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// Creates `dir` if missing, and makes it its owner's alone (0700).
pub(crate) fn private_dir(dir: &std::path::Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)?;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
    }
    #[cfg(not(unix))]
    std::fs::create_dir_all(dir)?;
    Ok(())
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
    /// The address of the HTTPS proxy in front of Refuge: its
    /// X-Forwarded-For header then names each client, so that sign-in
    /// limits apply per client, not to everyone behind the proxy.
    #[arg(long, value_name = "IP")]
    pub trusted_proxy: Option<std::net::IpAddr>,
    /// The address users reach Refuge at, such as https://refuge.example.org,
    /// for the calendar feed addresses given out (default: the request's host, over http).
    #[arg(long, value_name = "URL", value_parser = public_url)]
    pub public_url: Option<String>,
    /// The reminders calendar feeds give before each date still ahead, in
    /// days, comma-separated.
    #[arg(long, value_name = "DAYS", value_delimiter = ',', default_values_t = [30u16, 7, 1])]
    pub reminder_days: Vec<u16>,
    /// Connections served at once, at most; more wait to be accepted.
    #[arg(long, value_name = "N", default_value_t = 512, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub max_connections: u32,
    /// Seconds a client may take to send a request's headers (and a kept-alive
    /// connection may stay idle) before it is closed.
    #[arg(long, value_name = "SECONDS", default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub header_timeout: u64,
    /// Seconds one request may take, its body included, before it is answered
    /// 408 Request Timeout.
    #[arg(long, value_name = "SECONDS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub request_timeout: u64,
    /// The largest file a user may upload to a case (a PDF or an image), in
    /// megabytes; a larger one is refused before anything is stored.
    #[arg(long, value_name = "MB", default_value_t = 25, value_parser = clap::value_parser!(u32).range(1..=1024))]
    pub max_upload_mb: u32,
}

/// A public address: http:// or https:// and a host.
fn public_url(s: &str) -> Result<String, String> {
    match s.split_once("://") {
        Some(("http" | "https", rest))
            if !rest.is_empty() && !rest.contains(char::is_whitespace) =>
        {
            Ok(s.trim_end_matches('/').to_string())
        }
        _ => Err(format!("{s:?} is not an http:// or https:// address")),
    }
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
    let new_key = match args.store.key_source() {
        Ok(crate::keys::KeySource::File(file)) => (!file.exists()).then_some(file),
        _ => None,
    };
    let db = args.store.open().await?;
    if let Some(file) = new_key.filter(|f| f.exists()) {
        eprintln!(
            "Created the encryption key {}: back it up now, apart from the database's backups. \
             Without it the cases' narratives cannot be read.",
            file.display()
        );
    }
    let mut state = AppState::new(db);
    state.trusted_proxy = args.trusted_proxy;
    state.public_url = args.public_url.clone();
    state.reminder_days = args.reminder_days.clone();
    state.upload_limit = args.max_upload_mb as usize * 1024 * 1024;
    if args.demo {
        let loaded = demo::load(&state.db, state.today()).await?;
        if let Some(password) = loaded {
            eprintln!("Demo cases loaded. Sign in as \"demo\" with the password: {password}");
        }
    }
    // Cases made before the search read the facts' free text get theirs.
    crate::cases::service::fill_search_text(&state.db).await?;
    // Values written before encryption are sealed (once).
    if let Some(done) = state.db.seal_plaintext().await?
        && done.changed() > 0
    {
        eprintln!(
            "Encrypted {} values written before encryption at rest.",
            done.changed()
        );
    }
    // Cases assessed under another law or rules version (or never stamped)
    // are re-assessed in the background; admins follow it on /changes.
    crate::lawchange::run::start(&state);
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
    let limits = Limits {
        connections: args.max_connections as usize,
        header: std::time::Duration::from_secs(args.header_timeout),
        request: std::time::Duration::from_secs(args.request_timeout),
    };
    run(listener, app(state), limits).await
}

/// What bounds the server's connections (issue 15: 20,000 half-open
/// connections starved it).
#[derive(Debug, Clone, Copy)]
struct Limits {
    /// Connections served at once; the next waits in the listen queue.
    connections: usize,
    /// How long a request's headers may take to arrive, and an idle kept-alive
    /// connection may wait (hyper's header read timeout).
    header: std::time::Duration,
    /// How long one request may take, body included (answered 408).
    request: std::time::Duration,
}

/// Accepts and serves connections until Ctrl-C or SIGTERM. Then requests
/// under way are let finish, for at most [`SHUTDOWN_GRACE`]: a connection
/// held open without a request (a slow or stalled client) does not keep the
/// server from stopping.
async fn run(
    listener: tokio::net::TcpListener,
    app: axum::Router,
    limits: Limits,
) -> anyhow::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let app = app.layer(axum::middleware::from_fn(
        move |req: axum::extract::Request, next: axum::middleware::Next| async move {
            match tokio::time::timeout(limits.request, next.run(req)).await {
                Ok(response) => response,
                Err(_) => axum::http::StatusCode::REQUEST_TIMEOUT.into_response(),
            }
        },
    ));
    let permits = std::sync::Arc::new(tokio::sync::Semaphore::new(limits.connections));
    // Each connection's task holds a receiver: once all are dropped, every
    // connection has ended.
    let (stopping, stop) = tokio::sync::watch::channel(false);
    let stop_signal = shutdown();
    tokio::pin!(stop_signal);
    loop {
        let accepted = tokio::select! {
            () = &mut stop_signal => break,
            permit = permits.clone().acquire_owned() => {
                let permit = permit?;
                tokio::select! {
                    () = &mut stop_signal => break,
                    accepted = listener.accept() => accepted.map(|a| (a, permit)),
                }
            }
        };
        let ((stream, remote), permit) = match accepted {
            Ok(a) => a,
            // A connection that failed before it was accepted (reset, or out
            // of file descriptors): wait a moment rather than spin.
            Err(e) => {
                tracing::debug!("accept failed: {e}");
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                continue;
            }
        };
        let app = app.clone();
        let service = hyper::service::service_fn(
            move |mut req: axum::http::Request<hyper::body::Incoming>| {
                req.extensions_mut()
                    .insert(axum::extract::ConnectInfo(remote));
                let mut app = app.clone();
                async move { tower::Service::call(&mut app, req.map(axum::body::Body::new)).await }
            },
        );
        let mut stop = stop.clone();
        tokio::spawn(async move {
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(limits.header)
                .serve_connection(TokioIo::new(stream), service);
            tokio::pin!(conn);
            tokio::select! {
                _ = conn.as_mut() => {}
                _ = stop.changed() => {
                    conn.as_mut().graceful_shutdown();
                    let _ = conn.await;
                }
            }
            drop(permit);
            drop(stop);
        });
    }
    drop(stop);
    let _ = stopping.send(true);
    tokio::select! {
        () = stopping.closed() => {}
        () = tokio::time::sleep(SHUTDOWN_GRACE) => eprintln!(
            "Stopped: connections still open after {} seconds were closed.",
            SHUTDOWN_GRACE.as_secs()
        ),
    }
    Ok(())
}

/// How long a stopping server lets requests under way finish.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(10);

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
