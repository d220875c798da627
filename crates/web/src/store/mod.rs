//! Storage: one API over SQLite (embedded, the default) and PostgreSQL.
//!
//! Every query is written once, in SQL both databases accept (`$1`
//! placeholders, TEXT dates, BIGINT flags), and runs through sqlx's `Any`
//! driver. Only the migrations differ, one folder per backend with the same
//! file names (a test keeps them in step).
//!
//! Architecture invariant: this module knows nothing of HTTP or of the law; it
//! stores facts documents as text and deadlines as the engine gave them.

use std::collections::HashMap;
use std::str::FromStr;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use serde::Serialize;
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Row};

use crate::Role;
use crate::crypt::{CryptError, Keyring};
use crate::domain::{CaseId, UserId};

mod application;
mod audit;
mod cases;
mod file;
mod intake;
mod interview;
mod lawchange;
mod sealed;
mod second_factor;
mod tasks;
mod uploads;
mod users;

pub use application::ApplicationVersion;
pub use audit::{Audit, AuditFilter, By};
pub use file::{check_sqlite, copy_sqlite};
pub use intake::{IntakeAnswer, IntakeDecision, IntakeLink, NewIntakeAnswer};
pub use interview::{InterviewRecord, InterviewRow, PracticeMark, PracticeSession};
pub use lawchange::{ChangeFilter, ChangeRow, NewChange, Restamp, Stamped, ToReassess};
pub use sealed::{Resealed, SEALED_COLUMNS, SEALED_FILES};
pub use second_factor::SecondFactor;
pub use uploads::{NewUpload, ROLES as UPLOAD_ROLES, UploadPlace, UploadRow};
pub use users::SessionRow;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("database migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("{0}")]
    Conflict(String),
    /// A file that is not a sound Refuge database, and why.
    #[error("{0}")]
    Unusable(String),
    /// A sealed value that the keys given do not open (never garbage).
    #[error("{0}")]
    Crypt(#[from] CryptError),
}

pub type Result<T> = std::result::Result<T, DbError>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database: a connection pool and which backend it is.
#[derive(Clone)]
pub struct Db {
    pool: AnyPool,
    pub backend: Backend,
    /// The keys the narrative fields are sealed and opened with (`crypt`).
    keys: Keyring,
    /// API token hash → its user, as last read (see [`Db::api_token_user`]).
    token_cache: Arc<Mutex<TokenCache>>,
    /// On SQLite, the turn to write: one writing transaction at a time,
    /// queued here rather than by SQLite's busy handler (see [`Db::write`]).
    writer: Arc<tokio::sync::Mutex<()>>,
}

/// A writing transaction (`Db::write`), holding the turn to write until it
/// commits or is dropped (rolled back).
pub(crate) struct WriteTx {
    tx: sqlx::Transaction<'static, sqlx::Any>,
    _turn: Option<tokio::sync::OwnedMutexGuard<()>>,
}

impl WriteTx {
    pub async fn commit(self) -> Result<()> {
        let WriteTx { tx, _turn } = self;
        tx.commit().await?;
        Ok(())
    }

    pub async fn rollback(self) -> Result<()> {
        let WriteTx { tx, _turn } = self;
        tx.rollback().await?;
        Ok(())
    }
}

/// The transaction's connection, as `&mut *tx` gives it from a transaction.
impl std::ops::Deref for WriteTx {
    type Target = sqlx::AnyConnection;
    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

/// The cached API tokens, and how many times they were all forgotten: a
/// lookup that read the database before a forgetting does not cache what
/// it read (issue 15: a revoked token, read just before the revocation
/// committed, was cached again and worked for 10 more seconds).
#[derive(Default)]
pub(crate) struct TokenCache {
    pub(crate) users: HashMap<String, (User, Instant)>,
    pub(crate) generation: u64,
}

/// How long a cached API token is trusted without reading the database again.
/// This process forgets every cached token at once whenever a token is
/// revoked or a user's role or status changes; the period bounds only what
/// another server process on the same database, or the command line, did.
pub const TOKEN_CACHE_SECONDS: u64 = 10;

/// What an administrator changes of a user (`None`: unchanged).
#[derive(Debug, Default)]
pub struct UserChange<'a> {
    pub password_hash: Option<&'a str>,
    /// Revoke their API tokens and calendar feed address (a new password does too).
    pub revoke_tokens: bool,
    pub role: Option<Role>,
    pub active: Option<bool>,
    /// Remove their second factor (a lost phone): their next sign-in asks
    /// for the password alone, or sends them to set one up if it is required.
    pub reset_second_factor: bool,
}

/// A version of a case's facts as stored: the document, what changed from
/// the last (for the history), and the deadlines the engine gave for it.
#[derive(Clone, Copy)]
pub struct Version<'a> {
    pub facts: &'a str,
    /// The facts' free text, in lower case, that the case search reads
    /// (harms' narratives, groups' definitions: what the caller makes of the
    /// facts; the store knows nothing of them).
    pub search_text: &'a str,
    pub changes: &'a str,
    pub deadlines: &'a [NewDeadline<'a>],
    /// The assessment's stamp (issue 23), stored with the version (none:
    /// the case is stamped by the next re-assessment).
    pub stamp: Option<Stamped<'a>>,
}

/// A user as the application sees it (never the password hash).
#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: UserId,
    pub name: String,
    pub role: Role,
    pub active: bool,
}

/// A case as listed and opened.
#[derive(Debug, Clone, Serialize)]
pub struct CaseRow {
    pub id: CaseId,
    pub number: String,
    pub client_name: String,
    /// The facts document of `spec/facts.md` (opened: stored sealed).
    pub facts: String,
    pub version: i64,
    pub archived: bool,
    /// The soonest deadline not yet met, as the engine gave it.
    pub next_deadline: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    /// The language the client reads (a code of `refuge_i18n`: `en`, `es`),
    /// the intake link's default (migration 0013).
    pub client_language: String,
}

/// One saved version of a case's facts.
#[derive(Debug, Clone)]
pub struct FactsVersion {
    pub version: i64,
    pub facts: String,
    /// JSON list of `{path, before, after}`.
    pub changes: String,
    pub changed_by: String,
    pub changed_at: String,
}

#[derive(Debug, Clone)]
pub struct Note {
    pub id: String,
    pub author_id: UserId,
    pub author: String,
    pub body: String,
    pub created_at: String,
    /// 1 when never edited.
    pub version: i64,
}

/// A task on a case: what, for whom, by when.
#[derive(Debug, Clone, Serialize)]
pub struct Task {
    pub id: String,
    pub case_id: CaseId,
    pub case_number: String,
    pub client_name: String,
    pub title: String,
    pub assignee: String,
    pub assignee_id: UserId,
    /// The day it is due (`YYYY-MM-DD`).
    pub due: String,
    pub done: bool,
}

/// A dated deadline of a case, for the caseload dashboard and the calendars.
#[derive(Debug, Clone, Serialize)]
pub struct DeadlineRow {
    pub case_id: CaseId,
    pub case_number: String,
    pub client_name: String,
    pub deadline_id: String,
    pub label: String,
    pub date: String,
    pub status: String,
    /// The engine's kind of date: `last_day`, `first_day` or `record`.
    pub kind: String,
}

/// A deadline to store for a case (from the engine's assessment).
pub struct NewDeadline<'a> {
    pub id: &'a str,
    pub label: &'a str,
    pub date: String,
    pub status: &'a str,
    pub kind: &'a str,
}

/// Whether a date is still to act on: upcoming, missed, or a last day to act
/// that has passed with nothing done (overdue). Not one met, exempt, a first
/// day now open, or a record. [`OPEN_SQL`] says the same in SQL.
pub fn is_open(status: &str, kind: &str) -> bool {
    matches!(status, "upcoming" | "missed") || (status == "passed" && kind == "last_day")
}

/// [`is_open`] in SQL, written out (not bound) so that the partial index
/// `deadlines_open` serves it (migration 0003).
pub(crate) const OPEN_SQL: &str =
    "(d.status IN ('upcoming', 'missed') OR (d.status = 'passed' AND d.kind = 'last_day'))";

/// The soonest date still to act on ([`is_open`]).
pub(crate) fn next_open(deadlines: &[NewDeadline<'_>]) -> Option<String> {
    deadlines
        .iter()
        .filter(|d| is_open(d.status, d.kind))
        .map(|d| d.date.clone())
        .min()
}

#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub user_name: Option<String>,
    pub action: String,
    pub case_id: Option<String>,
    /// The number of the case, while it exists.
    pub case_number: Option<String>,
    pub detail: String,
    pub ip: Option<String>,
}

/// Which deadlines to list.
#[derive(Debug, Default, Clone)]
pub struct DeadlineFilter {
    /// One case's only (`None`: every case).
    pub case_id: Option<CaseId>,
    /// Only dates still to act on ([`is_open`]).
    pub open_only: bool,
    /// At most this many (0: all), after skipping `offset`.
    pub limit: i64,
    pub offset: i64,
}

/// What to list of the cases a user may see.
#[derive(Debug, Default, Clone)]
pub struct CaseFilter {
    /// Part of the client's name, of the case number, of a note or of the
    /// facts' free text ([`Version::search_text`]), any case.
    pub search: Option<String>,
    /// Only cases whose next deadline is on or before this date (ISO).
    pub due_by: Option<String>,
    pub archived: bool,
    pub limit: i64,
}

/// Now, in UTC, to the second: `2026-11-27T08:20:45Z` ([`stored_time`]).
pub fn now() -> String {
    stored_time(jiff::Timestamp::now())
}

/// A moment as the store keeps it: UTC, to the second
/// (`2026-11-27T08:20:45Z`). Texts in this form sort by time.
pub fn stored_time(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

static SQLITE: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

pub(crate) fn flag(b: bool) -> i64 {
    i64::from(b)
}

pub(crate) fn user(row: &AnyRow) -> Result<User> {
    let role: String = row.try_get("role")?;
    Ok(User {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        role: Role::from_str(&role).map_err(|e| sqlx::Error::Decode(e.into()))?,
        active: row.try_get::<i64, _>("active")? != 0,
    })
}

/// Who may see case `c`: with the user's role bound as `$1` and their id as
/// `$2`, admins every case, others the cases they are assigned to. Every
/// query that reads cases for a user includes it.
pub(crate) const VISIBLE_TO_USER: &str = "($1 = 'admin' OR EXISTS \
     (SELECT 1 FROM case_members m WHERE m.case_id = c.id AND m.user_id = $2))";

pub(crate) const CASE_COLUMNS: &str = "c.id, c.number, c.client_name, c.facts, c.version, c.archived, \
     c.next_deadline, c.created_at, c.updated_at, c.client_language";

pub(crate) fn case(keys: &Keyring, row: &AnyRow) -> Result<CaseRow> {
    let id: CaseId = row.try_get("id")?;
    let facts: String = row.try_get("facts")?;
    Ok(CaseRow {
        facts: keys.open(&place::case_facts(&id), &facts)?,
        id,
        number: row.try_get("number")?,
        client_name: row.try_get("client_name")?,
        version: row.try_get("version")?,
        archived: row.try_get::<i64, _>("archived")? != 0,
        next_deadline: row.try_get("next_deadline")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
        client_language: row.try_get("client_language")?,
    })
}

/// Where each sealed value lives: the associated data it is sealed with,
/// so that a value copied into another row or column does not open.
pub(crate) mod place {
    use crate::domain::{CaseId, UserId};

    pub fn case_facts(case: &CaseId) -> String {
        format!("cases.facts/{case}")
    }
    pub fn case_search_text(case: &CaseId) -> String {
        format!("cases.search_text/{case}")
    }
    pub fn version_facts(case: &CaseId, version: i64) -> String {
        format!("facts_history.facts/{case}/{version}")
    }
    pub fn version_changes(case: &CaseId, version: i64) -> String {
        format!("facts_history.changes/{case}/{version}")
    }
    pub fn application_document(case: &CaseId, version: i64) -> String {
        format!("application_versions.document/{case}/{version}")
    }
    pub fn application_changes(case: &CaseId, version: i64) -> String {
        format!("application_versions.changes/{case}/{version}")
    }
    pub fn note(note: &str) -> String {
        format!("notes.body/{note}")
    }
    pub fn note_version(note: &str, version: i64) -> String {
        format!("note_versions.body/{note}/{version}")
    }
    pub fn task_title(task: &str) -> String {
        format!("tasks.title/{task}")
    }
    pub fn practice_notes(mark: &str) -> String {
        format!("practice_marks.notes/{mark}")
    }
    pub fn interview_details(case: &CaseId) -> String {
        format!("interviews.details/{case}")
    }
    pub fn upload_details(upload: &str) -> String {
        format!("uploads.details/{upload}")
    }
    pub fn upload_content(upload: &str) -> String {
        format!("uploads.content/{upload}")
    }
    pub fn intake_answer(answer: &str) -> String {
        format!("intake_answers.answer/{answer}")
    }
    pub fn intake_decided_value(answer: &str) -> String {
        format!("intake_answers.decided_value/{answer}")
    }
    pub fn totp_secret(user: &UserId) -> String {
        format!("users.totp_secret/{user}")
    }
    pub fn stamp(case: &CaseId) -> String {
        format!("assessment_stamps.stamp/{case}")
    }
    pub fn law_change(change: &str) -> String {
        format!("law_changes.details/{change}")
    }
}

impl Db {
    /// Connects to `url` (`sqlite://…` or `postgres://…`) and brings the
    /// schema up to date. A SQLite file is created if missing and runs in
    /// WAL mode with foreign keys enforced. The narrative fields are sealed
    /// and opened with `keys` (`crypt`).
    ///
    /// # Errors
    /// When the database cannot be reached or a migration fails, or
    /// ([`DbError::Crypt`]) when the database was encrypted with a key
    /// that `keys` does not hold.
    pub async fn connect(url: &str, keys: Keyring) -> Result<Db> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            Backend::Sqlite
        };
        // No liveness ping before each use: a local database does not drop
        // connections, and the ping doubled the round trips of a request.
        let mut options = AnyPoolOptions::new()
            .max_connections(8)
            .test_before_acquire(false);
        if backend == Backend::Sqlite {
            // SQLite writes one at a time and each connection keeps its own
            // page cache: a few connections serve two cores, and an idle one
            // is closed after a minute, so memory returns to idle.
            options = options
                .max_connections(4)
                .idle_timeout(std::time::Duration::from_secs(60))
                .after_connect(|conn, _| {
                    Box::pin(async move {
                        sqlx::raw_sql(
                            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                         PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; \
                         PRAGMA cache_size = -512;",
                        )
                        .execute(conn)
                        .await?;
                        Ok(())
                    })
                });
        }
        let pool = options.connect(url).await?;
        let db = Db {
            pool,
            backend,
            keys,
            token_cache: Arc::default(),
            writer: Arc::default(),
        };
        match backend {
            Backend::Sqlite => SQLITE.run(&db.pool).await?,
            Backend::Postgres => POSTGRES.run(&db.pool).await?,
        }
        db.check_key().await?;
        Ok(db)
    }

    /// A transaction that writes. On SQLite it takes the write lock at its
    /// start (`BEGIN IMMEDIATE`): a transaction that reads first and writes
    /// later cannot wait for a writer that started meanwhile, and fails with
    /// "database is locked" (issue 15: concurrent case creation failed so).
    /// And it first waits its turn here, in the process: SQLite's own busy
    /// handler waits by sleeping (1, 2, 5, 10, 15, 20, 25 ms … between
    /// tries), which made a page view's audit row wait 30 ms and more behind
    /// other views' (a p99 of 30–50 ms for the case and readiness pages
    /// under load, p50 under 2 ms). `busy_timeout` remains for another
    /// process (a `refuge` command on the same file). Never call `write`
    /// while holding a `WriteTx`.
    pub(crate) async fn write(&self) -> Result<WriteTx> {
        Ok(match self.backend {
            Backend::Sqlite => {
                let turn = Arc::clone(&self.writer).lock_owned().await;
                WriteTx {
                    tx: self.pool.begin_with("BEGIN IMMEDIATE").await?,
                    _turn: Some(turn),
                }
            }
            Backend::Postgres => WriteTx {
                tx: self.pool.begin().await?,
                _turn: None,
            },
        })
    }

    /// Closes every connection (after the last use, so that a command's
    /// changes are in the database file when it returns).
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// The names of the migrations applied, in order.
    pub async fn applied_migrations(&self) -> Result<Vec<String>> {
        let rows = sqlx::query("SELECT description FROM _sqlx_migrations ORDER BY version")
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| Ok(r.try_get::<String, _>(0)?))
            .collect()
    }
}
