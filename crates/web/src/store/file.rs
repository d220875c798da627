//! The SQLite database as a file: a consistent copy of it (for a backup), and
//! the check that a file is a sound Refuge database this version can open
//! (for a restore, and after a crash).

use std::path::Path;
use std::time::Duration;

use sqlx::Connection;
use sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};

use super::{DbError, Result, SQLITE};

/// One connection to the existing SQLite file `file` (never created), with
/// the server's wait for a lock.
async fn open(file: &Path) -> Result<SqliteConnection> {
    let options = SqliteConnectOptions::new()
        .filename(file)
        .create_if_missing(false)
        .busy_timeout(Duration::from_secs(5));
    SqliteConnection::connect_with(&options)
        .await
        .map_err(unusable)
}

/// SQLite's word that a file is not a database, or a damaged one, in ours;
/// any other error as it is.
fn unusable(e: sqlx::Error) -> DbError {
    let Some(d) = e.as_database_error() else {
        return DbError::Sql(e);
    };
    let code = d.code().and_then(|c| c.parse::<i32>().ok());
    // The primary result code is the low byte of an extended one.
    match code.map(|c| c & 0xff) {
        Some(26) => DbError::Unusable("it is not a SQLite database".into()),
        Some(11) => DbError::Unusable(format!("it is damaged ({})", d.message())),
        _ => DbError::Sql(e),
    }
}

/// Writes a consistent copy of the SQLite database `db` into `into`, which
/// must be missing or empty (an empty file keeps the permissions it was
/// created with). The copy is made in one read transaction (`VACUUM INTO`):
/// it holds every transaction committed before it began and none after,
/// while the server goes on writing (in WAL mode a reader holds no writer
/// back). It is a plain database file (no `-wal` beside it), and not yet
/// synced to disk: the caller syncs it.
///
/// # Errors
/// When `db` cannot be read or `into` written.
pub async fn copy_sqlite(db: &Path, into: &Path) -> Result<()> {
    let target = into
        .to_str()
        .ok_or_else(|| DbError::Unusable(format!("{} is not a UTF-8 path", into.display())))?;
    let mut conn = open(db).await?;
    let copied = sqlx::query("VACUUM INTO $1")
        .bind(target)
        .execute(&mut conn)
        .await;
    conn.close().await?;
    copied.map_err(unusable)?;
    Ok(())
}

/// Checks that `file` is a sound Refuge database that this version can
/// open: SQLite's `integrity_check` finds nothing wrong, and the migrations
/// applied to it are this version's own (the same numbers and checksums),
/// the first among them, none failed, none unknown (a newer version's). An
/// older database passes: the server brings it up to date when it opens it.
/// Returns the names of the migrations applied.
///
/// The file is opened for writing, so that a journal or a write-ahead log
/// left by a crash is recovered; nothing else is written.
///
/// # Errors
/// [`DbError::Unusable`] saying what is wrong with the file, or the error
/// that kept it from being read.
pub async fn check_sqlite(file: &Path) -> Result<Vec<String>> {
    let mut conn = open(file).await?;
    let checked = check(&mut conn).await;
    conn.close().await?;
    checked
}

async fn check(conn: &mut SqliteConnection) -> Result<Vec<String>> {
    let problems: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check(10)")
        .fetch_all(&mut *conn)
        .await
        .map_err(unusable)?;
    if problems != ["ok"] {
        return Err(DbError::Unusable(format!(
            "it is damaged (SQLite's integrity check: {})",
            problems.join("; ")
        )));
    }
    let not_refuge = || DbError::Unusable("it is not a Refuge database".into());
    let has_migrations: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
    )
    .fetch_one(&mut *conn)
    .await
    .map_err(unusable)?;
    if has_migrations == 0 {
        return Err(not_refuge());
    }
    let applied: Vec<(i64, String, bool, Vec<u8>)> = sqlx::query_as(
        "SELECT version, description, success, checksum FROM _sqlx_migrations ORDER BY version",
    )
    .fetch_all(&mut *conn)
    .await
    .map_err(unusable)?;
    let first = SQLITE.iter().next().map(|m| m.version);
    if applied.first().map(|a| a.0) != first {
        return Err(not_refuge());
    }
    let mut names = Vec::with_capacity(applied.len());
    for (version, description, success, checksum) in applied {
        let Some(ours) = SQLITE.iter().find(|m| m.version == version) else {
            return Err(DbError::Unusable(format!(
                "it was made by a newer version of Refuge (its migration {version}, {description:?}, is unknown to this one)"
            )));
        };
        if *ours.checksum != *checksum {
            return Err(DbError::Unusable(format!(
                "it is not a database of this version of Refuge (its migration {version}, {description:?}, differs from this version's)"
            )));
        }
        if !success {
            return Err(DbError::Unusable(format!(
                "its migration {version}, {description:?}, failed"
            )));
        }
        names.push(description);
    }
    Ok(names)
}
