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
use std::time::{Duration, Instant};

use serde::Serialize;
use sqlx::any::{AnyPoolOptions, AnyRow};
use sqlx::{AnyPool, Row};

use crate::Role;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("database migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("{0}")]
    Conflict(String),
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
    /// API token hash → its user, as last read (see [`Db::api_token_user`]).
    token_cache: Arc<Mutex<HashMap<String, (User, Instant)>>>,
}

/// How long a cached API token is trusted without reading the database again.
/// This process forgets every cached token at once whenever a token is
/// revoked or a user's role or status changes; the period bounds only what
/// another server process on the same database, or the command line, did.
pub const TOKEN_CACHE_SECONDS: u64 = 10;

/// A user as the application sees it (never the password hash).
#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: String,
    pub name: String,
    pub role: Role,
    pub active: bool,
}

/// A case as listed and opened.
#[derive(Debug, Clone, Serialize)]
pub struct CaseRow {
    pub id: String,
    pub number: String,
    pub client_name: String,
    /// The facts document of `spec/facts.md`, as stored.
    pub facts: String,
    pub version: i64,
    pub archived: bool,
    /// The soonest deadline not yet met, as the engine gave it.
    pub next_deadline: Option<String>,
    pub created_at: String,
    pub updated_at: String,
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
    pub author: String,
    pub body: String,
    pub created_at: String,
}

/// A dated deadline of a case, for the caseload dashboard and the calendars.
#[derive(Debug, Clone, Serialize)]
pub struct DeadlineRow {
    pub case_id: String,
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
const OPEN_SQL: &str =
    "(d.status IN ('upcoming', 'missed') OR (d.status = 'passed' AND d.kind = 'last_day'))";

/// The soonest date still to act on ([`is_open`]).
fn next_open(deadlines: &[NewDeadline<'_>]) -> Option<String> {
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
    pub detail: String,
    pub ip: Option<String>,
}

/// Which deadlines to list.
#[derive(Debug, Default, Clone)]
pub struct DeadlineFilter {
    /// One case's only (`None`: every case).
    pub case_id: Option<String>,
    /// Only dates still to act on ([`is_open`]).
    pub open_only: bool,
    /// At most this many (0: all), after skipping `offset`.
    pub limit: i64,
    pub offset: i64,
}

/// What to list of the cases a user may see.
#[derive(Debug, Default, Clone)]
pub struct CaseFilter {
    /// Part of the client's name or of the case number, any case.
    pub search: Option<String>,
    /// Only cases whose next deadline is on or before this date (ISO).
    pub due_by: Option<String>,
    pub archived: bool,
    pub limit: i64,
}

/// Now, in UTC, to the second: `2026-11-27T08:20:45Z`. Texts in this form sort by time.
pub fn now() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

static SQLITE: sqlx::migrate::Migrator = sqlx::migrate!("migrations/sqlite");
static POSTGRES: sqlx::migrate::Migrator = sqlx::migrate!("migrations/postgres");

fn flag(b: bool) -> i64 {
    i64::from(b)
}

fn user(row: &AnyRow) -> Result<User> {
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
const VISIBLE_TO_USER: &str = "($1 = 'admin' OR EXISTS \
     (SELECT 1 FROM case_members m WHERE m.case_id = c.id AND m.user_id = $2))";

const CASE_COLUMNS: &str = "c.id, c.number, c.client_name, c.facts, c.version, c.archived, \
     c.next_deadline, c.created_at, c.updated_at";

fn case(row: &AnyRow) -> Result<CaseRow> {
    Ok(CaseRow {
        id: row.try_get("id")?,
        number: row.try_get("number")?,
        client_name: row.try_get("client_name")?,
        facts: row.try_get("facts")?,
        version: row.try_get("version")?,
        archived: row.try_get::<i64, _>("archived")? != 0,
        next_deadline: row.try_get("next_deadline")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

/// A `LIKE` pattern matching `text` anywhere, its wildcards taken literally.
fn contains_pattern(text: &str) -> String {
    let mut p = String::from("%");
    for ch in text.to_lowercase().chars() {
        if matches!(ch, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(ch);
    }
    p.push('%');
    p
}

impl Db {
    /// Connects to `url` (`sqlite://…` or `postgres://…`) and brings the
    /// schema up to date. A SQLite file is created if missing and runs in
    /// WAL mode with foreign keys enforced.
    ///
    /// # Errors
    /// When the database cannot be reached or a migration fails.
    pub async fn connect(url: &str) -> Result<Db> {
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
            token_cache: Arc::default(),
        };
        match backend {
            Backend::Sqlite => SQLITE.run(&db.pool).await?,
            Backend::Postgres => POSTGRES.run(&db.pool).await?,
        }
        Ok(db)
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

    // ----- users -----

    /// How many users exist.
    pub async fn user_count(&self) -> Result<i64> {
        Ok(sqlx::query("SELECT COUNT(*) FROM users")
            .fetch_one(&self.pool)
            .await?
            .try_get(0)?)
    }

    /// How many active administrators exist (none: the first-run setup is open).
    pub async fn admin_count(&self) -> Result<i64> {
        Ok(
            sqlx::query("SELECT COUNT(*) FROM users WHERE role = 'admin' AND active = 1")
                .fetch_one(&self.pool)
                .await?
                .try_get(0)?,
        )
    }

    /// Adds a user.
    ///
    /// # Errors
    /// [`DbError::Conflict`] when the name is taken.
    pub async fn add_user(&self, name: &str, password_hash: &str, role: Role) -> Result<User> {
        let id = crate::secret::random_id();
        let done = sqlx::query(
            "INSERT INTO users (id, name, password_hash, role, active, created_at)
             SELECT $1, $2, $3, $4, 1, $5
             WHERE NOT EXISTS (SELECT 1 FROM users WHERE name = $2)",
        )
        .bind(&id)
        .bind(name)
        .bind(password_hash)
        .bind(role.as_str())
        .bind(now())
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 0 {
            return Err(DbError::Conflict(format!(
                "the user name {name:?} is taken"
            )));
        }
        Ok(User {
            id,
            name: name.to_string(),
            role,
            active: true,
        })
    }

    /// A user and their password hash, by name.
    pub async fn user_by_name(&self, name: &str) -> Result<Option<(User, String)>> {
        let row =
            sqlx::query("SELECT id, name, role, active, password_hash FROM users WHERE name = $1")
                .bind(name)
                .fetch_optional(&self.pool)
                .await?;
        row.map(|r| Ok((user(&r)?, r.try_get("password_hash")?)))
            .transpose()
    }

    pub async fn user_by_id(&self, id: &str) -> Result<Option<User>> {
        let row = sqlx::query("SELECT id, name, role, active FROM users WHERE id = $1")
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        row.as_ref().map(user).transpose()
    }

    pub async fn users(&self) -> Result<Vec<User>> {
        let rows = sqlx::query("SELECT id, name, role, active FROM users ORDER BY name")
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(user).collect()
    }

    pub async fn set_role(&self, user_id: &str, role: Role) -> Result<bool> {
        self.forget_tokens();
        let done = sqlx::query("UPDATE users SET role = $1 WHERE id = $2")
            .bind(role.as_str())
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Sets a user's password hash and ends their sessions but `keep` (the one that asked).
    pub async fn set_password(&self, user_id: &str, password_hash: &str, keep: &str) -> Result<()> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
            .bind(user_id)
            .bind(keep)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Deactivates or reactivates a user; deactivating ends their sessions.
    pub async fn set_active(&self, user_id: &str, active: bool) -> Result<bool> {
        self.forget_tokens();
        let done = sqlx::query("UPDATE users SET active = $1 WHERE id = $2")
            .bind(flag(active))
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        if !active {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(user_id)
                .execute(&self.pool)
                .await?;
        }
        Ok(done.rows_affected() == 1)
    }

    // ----- sessions and tokens -----

    pub async fn add_session(
        &self,
        token_hash: &str,
        user_id: &str,
        csrf: &str,
        expires_at: &str,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, csrf, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(csrf)
        .bind(now())
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The active user of an unexpired session, and the session's CSRF token.
    pub async fn session(&self, token_hash: &str) -> Result<Option<(User, String)>> {
        let row = sqlx::query(
            "SELECT u.id, u.name, u.role, u.active, s.csrf FROM sessions s
             JOIN users u ON u.id = s.user_id
             WHERE s.token_hash = $1 AND s.expires_at > $2 AND u.active = 1",
        )
        .bind(token_hash)
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| Ok((user(&r)?, r.try_get("csrf")?))).transpose()
    }

    pub async fn end_session(&self, token_hash: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1 OR expires_at <= $2")
            .bind(token_hash)
            .bind(now())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn add_api_token(
        &self,
        user_id: &str,
        name: &str,
        token_hash: &str,
    ) -> Result<String> {
        let id = crate::secret::random_id();
        sqlx::query(
            "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&id)
        .bind(user_id)
        .bind(name)
        .bind(token_hash)
        .bind(now())
        .execute(&self.pool)
        .await?;
        Ok(id)
    }

    /// The active user of an unrevoked API token. Found tokens are remembered
    /// for [`TOKEN_CACHE_SECONDS`]: the lookup cost more than an assessment.
    pub async fn api_token_user(&self, token_hash: &str) -> Result<Option<User>> {
        let cached = self.cache().get(token_hash).cloned();
        if let Some((user, at)) = cached
            && at.elapsed() < Duration::from_secs(TOKEN_CACHE_SECONDS)
        {
            return Ok(Some(user));
        }
        let found = self.api_token_user_uncached(token_hash).await?;
        let mut cache = self.cache();
        match &found {
            Some(u) => {
                cache.insert(token_hash.to_string(), (u.clone(), Instant::now()));
            }
            None => {
                cache.remove(token_hash);
            }
        }
        Ok(found)
    }

    fn cache(&self) -> std::sync::MutexGuard<'_, HashMap<String, (User, Instant)>> {
        self.token_cache.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Forgets every cached token (after a revocation or a change of role or status).
    fn forget_tokens(&self) {
        self.cache().clear();
    }

    async fn api_token_user_uncached(&self, token_hash: &str) -> Result<Option<User>> {
        let row = sqlx::query(
            "SELECT u.id, u.name, u.role, u.active FROM api_tokens t JOIN users u ON u.id = t.user_id
             WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.active = 1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(user).transpose()
    }

    /// A user's API tokens: id, name, created, revoked.
    pub async fn api_tokens(
        &self,
        user_id: &str,
    ) -> Result<Vec<(String, String, String, Option<String>)>> {
        let rows = sqlx::query(
            "SELECT id, name, created_at, revoked_at FROM api_tokens WHERE user_id = $1 ORDER BY created_at, id",
        )
        .bind(user_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| Ok((r.try_get(0)?, r.try_get(1)?, r.try_get(2)?, r.try_get(3)?)))
            .collect()
    }

    pub async fn revoke_api_token(&self, user_id: &str, token_id: &str) -> Result<bool> {
        self.forget_tokens();
        let done = sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL",
        )
        .bind(now())
        .bind(token_id)
        .bind(user_id)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Sets (or with `None`, revokes) the hash of a user's calendar-feed token.
    pub async fn set_calendar_token(&self, user_id: &str, token_hash: Option<&str>) -> Result<()> {
        sqlx::query("UPDATE users SET calendar_token_hash = $1 WHERE id = $2")
            .bind(token_hash)
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn has_calendar_token(&self, user_id: &str) -> Result<bool> {
        let row = sqlx::query("SELECT calendar_token_hash FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(r) => r.try_get::<Option<String>, _>(0)?.is_some(),
            None => false,
        })
    }

    pub async fn calendar_token_user(&self, token_hash: &str) -> Result<Option<User>> {
        let row = sqlx::query(
            "SELECT id, name, role, active FROM users WHERE calendar_token_hash = $1 AND active = 1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(user).transpose()
    }

    // ----- cases -----

    /// Creates a case with its first facts version, assigned to its creator.
    /// Without a number, the next free `YYYY-NNNN` of the current year (two
    /// cases opened at the same moment may count alike: the second tries the
    /// next number).
    ///
    /// # Errors
    /// [`DbError::Conflict`] when the number given is taken.
    pub async fn create_case(
        &self,
        by: &User,
        number: Option<&str>,
        client_name: &str,
        facts: &str,
        changes: &str,
    ) -> Result<CaseRow> {
        let mut attempt = 0;
        loop {
            match self
                .insert_case(by, number, client_name, facts, changes)
                .await
            {
                Err(DbError::Conflict(_)) if number.is_none() && attempt < 20 => attempt += 1,
                done => return done,
            }
        }
    }

    async fn insert_case(
        &self,
        by: &User,
        number: Option<&str>,
        client_name: &str,
        facts: &str,
        changes: &str,
    ) -> Result<CaseRow> {
        let id = crate::secret::random_id();
        let at = now();
        let mut tx = self.pool.begin().await?;
        let number = match number {
            Some(n) => n.to_string(),
            None => {
                let year = &at[..4];
                let count: i64 = sqlx::query("SELECT COUNT(*) FROM cases WHERE number LIKE $1")
                    .bind(format!("{year}-%"))
                    .fetch_one(&mut *tx)
                    .await?
                    .try_get(0)?;
                format!("{year}-{:04}", count + 1)
            }
        };
        let done = sqlx::query(
            "INSERT INTO cases (id, number, client_name, facts, version, archived, created_by, created_at, updated_at)
             SELECT $1, $2, $3, $4, 1, 0, $5, $6, $6
             WHERE NOT EXISTS (SELECT 1 FROM cases WHERE number = $2)",
        )
        .bind(&id)
        .bind(&number)
        .bind(client_name)
        .bind(facts)
        .bind(&by.id)
        .bind(&at)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(DbError::Conflict(format!(
                "the case number {number:?} is taken"
            )));
        }
        sqlx::query("INSERT INTO case_members (case_id, user_id) VALUES ($1, $2)")
            .bind(&id)
            .bind(&by.id)
            .execute(&mut *tx)
            .await?;
        Self::add_version(&mut tx, &id, 1, facts, changes, by, &at).await?;
        tx.commit().await?;
        Ok(CaseRow {
            id,
            number,
            client_name: client_name.to_string(),
            facts: facts.to_string(),
            version: 1,
            archived: false,
            next_deadline: None,
            created_at: at.clone(),
            updated_at: at,
        })
    }

    /// The case, if `user` may see it: admins see every case, others the
    /// cases they are assigned to. `None` both when it does not exist and
    /// when it is someone else's, so that neither can be told apart.
    pub async fn case_for(&self, user: &User, case_id: &str) -> Result<Option<CaseRow>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {CASE_COLUMNS} FROM cases c WHERE {VISIBLE_TO_USER} AND c.id = $3"
        )))
        .bind(user.role.as_str())
        .bind(&user.id)
        .bind(case_id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(case).transpose()
    }

    /// The cases `user` may see, soonest next deadline first, then by number.
    pub async fn cases_for(&self, user: &User, filter: &CaseFilter) -> Result<Vec<CaseRow>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {CASE_COLUMNS} FROM cases c
             WHERE {VISIBLE_TO_USER}
               AND c.archived = $3
               AND ($4 = '' OR LOWER(c.client_name) LIKE $4 ESCAPE '\\' OR LOWER(c.number) LIKE $4 ESCAPE '\\')
               AND ($5 = '' OR (c.next_deadline IS NOT NULL AND c.next_deadline <= $5))
             ORDER BY CASE WHEN c.next_deadline IS NULL THEN 1 ELSE 0 END, c.next_deadline, c.number
             LIMIT $6"
        )))
        .bind(user.role.as_str())
        .bind(&user.id)
        .bind(flag(filter.archived))
        .bind(filter.search.as_deref().filter(|s| !s.trim().is_empty()).map(|s| contains_pattern(s.trim())).unwrap_or_default())
        .bind(filter.due_by.clone().unwrap_or_default())
        .bind(if filter.limit > 0 { filter.limit } else { 500 })
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(case).collect()
    }

    /// Saves a new version of a case's facts, unless someone saved another
    /// since `expected_version` was read (then [`DbError::Conflict`]: nothing
    /// is lost, the caller shows what was typed against the newer version).
    /// The case's deadlines are replaced in the same transaction.
    pub async fn save_facts(
        &self,
        by: &User,
        case_id: &str,
        expected_version: i64,
        facts: &str,
        changes: &str,
        deadlines: &[NewDeadline<'_>],
    ) -> Result<i64> {
        let at = now();
        let version = expected_version + 1;
        let next = next_open(deadlines);
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE cases SET facts = $1, version = $2, updated_at = $3, next_deadline = $4
             WHERE id = $5 AND version = $6",
        )
        .bind(facts)
        .bind(version)
        .bind(&at)
        .bind(next)
        .bind(case_id)
        .bind(expected_version)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(DbError::Conflict(
                "the facts were changed by someone else since this page was opened".into(),
            ));
        }
        Self::add_version(&mut tx, case_id, version, facts, changes, by, &at).await?;
        Self::replace_deadlines(&mut tx, case_id, deadlines).await?;
        tx.commit().await?;
        Ok(version)
    }

    /// Replaces a case's stored deadlines (after an assessment) without a new facts version.
    pub async fn set_deadlines(&self, case_id: &str, deadlines: &[NewDeadline<'_>]) -> Result<()> {
        let next = next_open(deadlines);
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE cases SET next_deadline = $1 WHERE id = $2")
            .bind(next)
            .bind(case_id)
            .execute(&mut *tx)
            .await?;
        Self::replace_deadlines(&mut tx, case_id, deadlines).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a version of a case's facts in its history.
    async fn add_version(
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        case_id: &str,
        version: i64,
        facts: &str,
        changes: &str,
        by: &User,
        at: &str,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO facts_history (case_id, version, facts, changes, changed_by, changed_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(case_id)
        .bind(version)
        .bind(facts)
        .bind(changes)
        .bind(&by.id)
        .bind(at)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    async fn replace_deadlines(
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        case_id: &str,
        deadlines: &[NewDeadline<'_>],
    ) -> Result<()> {
        sqlx::query("DELETE FROM deadlines WHERE case_id = $1")
            .bind(case_id)
            .execute(&mut **tx)
            .await?;
        for d in deadlines {
            sqlx::query(
                "INSERT INTO deadlines (case_id, deadline_id, label, date, status, kind) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(case_id)
            .bind(d.id)
            .bind(d.label)
            .bind(&d.date)
            .bind(d.status)
            .bind(d.kind)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }

    pub async fn set_archived(&self, case_id: &str, archived: bool) -> Result<()> {
        sqlx::query("UPDATE cases SET archived = $1, updated_at = $2 WHERE id = $3")
            .bind(flag(archived))
            .bind(now())
            .bind(case_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn facts_history(&self, case_id: &str) -> Result<Vec<FactsVersion>> {
        let rows = sqlx::query(
            "SELECT h.version, h.facts, h.changes, u.name, h.changed_at FROM facts_history h
             JOIN users u ON u.id = h.changed_by WHERE h.case_id = $1 ORDER BY h.version DESC",
        )
        .bind(case_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(FactsVersion {
                    version: r.try_get(0)?,
                    facts: r.try_get(1)?,
                    changes: r.try_get(2)?,
                    changed_by: r.try_get(3)?,
                    changed_at: r.try_get(4)?,
                })
            })
            .collect()
    }

    // ----- members and notes -----

    pub async fn members(&self, case_id: &str) -> Result<Vec<User>> {
        let rows = sqlx::query(
            "SELECT u.id, u.name, u.role, u.active FROM case_members m JOIN users u ON u.id = m.user_id
             WHERE m.case_id = $1 ORDER BY u.name",
        )
        .bind(case_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(user).collect()
    }

    pub async fn add_member(&self, case_id: &str, user_id: &str) -> Result<()> {
        sqlx::query(
            "INSERT INTO case_members (case_id, user_id) SELECT $1, $2
             WHERE NOT EXISTS (SELECT 1 FROM case_members WHERE case_id = $1 AND user_id = $2)",
        )
        .bind(case_id)
        .bind(user_id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn remove_member(&self, case_id: &str, user_id: &str) -> Result<()> {
        sqlx::query("DELETE FROM case_members WHERE case_id = $1 AND user_id = $2")
            .bind(case_id)
            .bind(user_id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn add_note(&self, case_id: &str, author: &User, body: &str) -> Result<()> {
        sqlx::query("INSERT INTO notes (id, case_id, author_id, body, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(crate::secret::random_id())
            .bind(case_id)
            .bind(&author.id)
            .bind(body)
            .bind(now())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn notes(&self, case_id: &str) -> Result<Vec<Note>> {
        let rows = sqlx::query(
            "SELECT u.name, n.body, n.created_at FROM notes n JOIN users u ON u.id = n.author_id
             WHERE n.case_id = $1 ORDER BY n.created_at DESC, n.id",
        )
        .bind(case_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Note {
                    author: r.try_get(0)?,
                    body: r.try_get(1)?,
                    created_at: r.try_get(2)?,
                })
            })
            .collect()
    }

    // ----- deadlines -----

    /// The deadlines of the unarchived cases `user` may see, soonest first.
    pub async fn deadlines_for(
        &self,
        user: &User,
        filter: &DeadlineFilter,
    ) -> Result<Vec<DeadlineRow>> {
        let open = if filter.open_only { OPEN_SQL } else { "1 = 1" };
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT d.case_id, c.number, c.client_name, d.deadline_id, d.label, d.date, d.status, d.kind
             FROM deadlines d JOIN cases c ON c.id = d.case_id
             WHERE {VISIBLE_TO_USER} AND c.archived = 0 AND ($3 = '' OR c.id = $3) AND {open}
             ORDER BY d.date, c.number, d.deadline_id
             LIMIT $4 OFFSET $5"
        )))
        .bind(user.role.as_str())
        .bind(&user.id)
        .bind(filter.case_id.as_deref().unwrap_or(""))
        .bind(if filter.limit > 0 {
            filter.limit
        } else {
            i64::MAX
        })
        .bind(filter.offset.max(0))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(DeadlineRow {
                    case_id: r.try_get(0)?,
                    case_number: r.try_get(1)?,
                    client_name: r.try_get(2)?,
                    deadline_id: r.try_get(3)?,
                    label: r.try_get(4)?,
                    date: r.try_get(5)?,
                    status: r.try_get(6)?,
                    kind: r.try_get(7)?,
                })
            })
            .collect()
    }

    // ----- audit -----

    /// Appends to the audit log. Details never carry facts, only what happened.
    pub async fn audit(
        &self,
        user: Option<&User>,
        action: &str,
        case_id: Option<&str>,
        detail: &str,
        ip: Option<&str>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO audit_log (at, user_id, user_name, action, case_id, detail, ip)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(now())
        .bind(user.map(|u| u.id.as_str()))
        .bind(user.map(|u| u.name.as_str()))
        .bind(action)
        .bind(case_id)
        .bind(detail)
        .bind(ip)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The latest audit entries, newest first, optionally of one action.
    pub async fn audit_log(&self, action: Option<&str>, limit: i64) -> Result<Vec<AuditEntry>> {
        let rows = sqlx::query(
            "SELECT id, at, user_name, action, case_id, detail, ip FROM audit_log
             WHERE ($1 = '' OR action = $1) ORDER BY id DESC LIMIT $2",
        )
        .bind(action.unwrap_or(""))
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(AuditEntry {
                    id: r.try_get(0)?,
                    at: r.try_get(1)?,
                    user_name: r.try_get(2)?,
                    action: r.try_get(3)?,
                    case_id: r.try_get(4)?,
                    detail: r.try_get(5)?,
                    ip: r.try_get(6)?,
                })
            })
            .collect()
    }

    /// Tries to change the audit log (for the append-only test): must fail.
    #[doc(hidden)]
    pub async fn try_tamper_with_audit_log(&self) -> Result<()> {
        sqlx::query("UPDATE audit_log SET detail = 'changed'")
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
