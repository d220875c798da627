//! The sealed columns as a whole: the check, at connect, that the keys given
//! are the database's; sealing the plaintext left from before encryption;
//! re-sealing every value under a new key (`refuge keys rotate`).
//!
//! Each value is sealed bound to its place, `<table>.<column>/<key>[/<key>]`
//! (`super::place`), so the columns are listed here with their row keys.

use sqlx::Row;

use super::{Backend, Db, Result};
use crate::crypt::{CryptError, SEALED};

/// A sealed column: table, column, and the row's key columns (`true`: a number).
pub struct SealedColumn {
    pub table: &'static str,
    pub column: &'static str,
    keys: &'static [(&'static str, bool)],
}

/// A sealed column of `table` whose rows are told apart by `keys`.
const fn sealed(
    table: &'static str,
    column: &'static str,
    keys: &'static [(&'static str, bool)],
) -> SealedColumn {
    SealedColumn {
        table,
        column,
        keys,
    }
}

const BY_ID: &[(&str, bool)] = &[("id", false)];
const BY_VERSION: &[(&str, bool)] = &[("case_id", false), ("version", true)];

/// Every column whose values are sealed (README and ARCHITECTURE.md list them).
pub const SEALED_COLUMNS: &[SealedColumn] = &[
    sealed("cases", "facts", BY_ID),
    sealed("cases", "search_text", BY_ID),
    sealed("facts_history", "facts", BY_VERSION),
    sealed("facts_history", "changes", BY_VERSION),
    sealed("application_versions", "document", BY_VERSION),
    sealed("application_versions", "changes", BY_VERSION),
    sealed("notes", "body", BY_ID),
    sealed(
        "note_versions",
        "body",
        &[("note_id", false), ("version", true)],
    ),
    sealed("tasks", "title", BY_ID),
    sealed("practice_marks", "notes", BY_ID),
    sealed("interviews", "details", &[("case_id", false)]),
    sealed("uploads", "details", BY_ID),
    sealed("intake_answers", "answer", BY_ID),
    sealed("intake_answers", "decided_value", BY_ID),
    sealed("users", "totp_secret", BY_ID),
    sealed("assessment_stamps", "stamp", &[("case_id", false)]),
    sealed("law_changes", "details", BY_ID),
];

/// The binary columns whose values are sealed as bytes
/// (`Keyring::seal_bytes`), bound to `<table>.<column>/<id>`: the uploaded
/// files. A text column's `LIKE` cannot tell a sealed file apart, so a pass
/// reads each in turn.
pub const SEALED_FILES: &[(&str, &str)] = &[("uploads", "content")];

/// What a sealing pass did to one column.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnCount {
    /// `table.column`.
    pub column: String,
    /// Values found as plaintext (written before encryption), now sealed.
    pub plaintext: u64,
    /// Values sealed with another key, now sealed with the current one.
    pub older_key: u64,
    /// Values in the column (not NULL), all now sealed with the current key.
    pub total: u64,
}

/// What a sealing pass did ([`Db::seal_plaintext`], [`Db::reseal_all`]).
#[derive(Debug, Clone, Default)]
pub struct Resealed {
    pub columns: Vec<ColumnCount>,
    /// The key every value is now sealed with.
    pub key_id: String,
}

impl Resealed {
    /// Values changed, of every column.
    pub fn changed(&self) -> u64 {
        self.columns.iter().map(|c| c.plaintext + c.older_key).sum()
    }
}

enum KeyValue {
    Text(String),
    Number(i64),
}

impl std::fmt::Display for KeyValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyValue::Text(s) => f.write_str(s),
            KeyValue::Number(n) => write!(f, "{n}"),
        }
    }
}

fn bind_keys<'q>(
    mut q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>,
    keys: &'q [KeyValue],
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    for k in keys {
        q = match k {
            KeyValue::Text(s) => q.bind(s.as_str()),
            KeyValue::Number(n) => q.bind(*n),
        };
    }
    q
}

impl SealedColumn {
    /// The place (associated data) of the value in the row of `keys`.
    fn place(&self, keys: &[KeyValue]) -> String {
        let mut p = format!("{}.{}", self.table, self.column);
        for k in keys {
            p.push('/');
            p.push_str(&k.to_string());
        }
        p
    }

    /// `k1 = $<first> AND k2 = $<first + 1>`.
    fn row_condition(&self, first: usize) -> String {
        self.keys
            .iter()
            .enumerate()
            .map(|(i, (k, _))| format!("{k} = ${}", first + i))
            .collect::<Vec<_>>()
            .join(" AND ")
    }
}

/// Which values a pass seals.
#[derive(Clone, Copy)]
enum Pass {
    /// Plaintext only (left from before encryption).
    Plaintext,
    /// Everything not sealed with the current key.
    All,
}

impl Db {
    /// Refuses a database encrypted with a key the keyring does not hold
    /// (with both ids, never garbage later); a database that never recorded
    /// one records the current key's.
    pub(super) async fn check_key(&self) -> Result<()> {
        let row = sqlx::query("SELECT key_id FROM encryption WHERE id = 1")
            .fetch_one(&self.pool)
            .await?;
        let key_id: Option<String> = row.try_get(0)?;
        match key_id {
            Some(id) if !self.keys.ids().contains(&id.as_str()) => Err(CryptError::UnknownKey {
                place: "this database".into(),
                found: id,
                given: self.keys.ids().join(", "),
            }
            .into()),
            Some(_) => Ok(()),
            None => {
                sqlx::query("UPDATE encryption SET key_id = $1 WHERE id = 1 AND key_id IS NULL")
                    .bind(self.keys.current().id())
                    .execute(&self.pool)
                    .await?;
                Ok(())
            }
        }
    }

    /// The id of the key the database's values were last sealed with.
    pub async fn key_id(&self) -> Result<Option<String>> {
        let row = sqlx::query("SELECT key_id FROM encryption WHERE id = 1")
            .fetch_one(&self.pool)
            .await?;
        Ok(row.try_get(0)?)
    }

    /// Seals the values written before encryption (once: the server runs
    /// it at every start, and it does nothing after the first), then, on
    /// SQLite, rewrites the file so that their plaintext is not left in
    /// free pages. `None` when it had been done.
    ///
    /// # Errors
    /// A database error, or a sealed value the keys do not open.
    pub async fn seal_plaintext(&self) -> Result<Option<Resealed>> {
        let row = sqlx::query("SELECT sealed FROM encryption WHERE id = 1")
            .fetch_one(&self.pool)
            .await?;
        if row.try_get::<i64, _>(0)? != 0 {
            return Ok(None);
        }
        let done = self.reseal(Pass::Plaintext).await?;
        if done.changed() > 0 {
            self.compact().await?;
        }
        Ok(Some(done))
    }

    /// Seals every value with the current key: plaintext from before
    /// encryption, and values sealed with another key of the ring (the
    /// previous key, in a rotation). One transaction: all or nothing, and
    /// a pass run again after a crash finds what is left. On SQLite the
    /// file is then rewritten (`VACUUM`), so that old values are not left
    /// in free pages.
    ///
    /// # Errors
    /// A database error, or a sealed value the keys do not open (nothing
    /// is changed then).
    pub async fn reseal_all(&self) -> Result<Resealed> {
        let done = self.reseal(Pass::All).await?;
        self.compact().await?;
        Ok(done)
    }

    async fn reseal(&self, pass: Pass) -> Result<Resealed> {
        let current = self.keys.current().id().to_string();
        // Key ids are hex digits: nothing in them is a LIKE wildcard.
        let needs = match pass {
            Pass::Plaintext => "NOT LIKE 'enc:%'".to_string(),
            Pass::All => format!("NOT LIKE '{SEALED}{current}:%'"),
        };
        let mut tx = self.write().await?;
        let mut done = Resealed {
            columns: Vec::new(),
            key_id: current.clone(),
        };
        for col in SEALED_COLUMNS {
            let (t, c) = (col.table, col.column);
            let key_list = col
                .keys
                .iter()
                .map(|(k, _)| *k)
                .collect::<Vec<_>>()
                .join(", ");
            let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT {key_list} FROM {t} WHERE {c} IS NOT NULL AND {c} {needs}"
            )))
            .fetch_all(&mut *tx)
            .await?;
            let mut count = ColumnCount {
                column: format!("{t}.{c}"),
                ..ColumnCount::default()
            };
            for r in &rows {
                let keys = col
                    .keys
                    .iter()
                    .enumerate()
                    .map(|(i, (_, number))| {
                        Ok(if *number {
                            KeyValue::Number(r.try_get(i)?)
                        } else {
                            KeyValue::Text(r.try_get(i)?)
                        })
                    })
                    .collect::<Result<Vec<_>>>()?;
                let place = col.place(&keys);
                let read = format!("SELECT {c} FROM {t} WHERE {}", col.row_condition(1));
                let stored: String = bind_keys(sqlx::query(sqlx::AssertSqlSafe(read)), &keys)
                    .fetch_one(&mut *tx)
                    .await?
                    .try_get(0)?;
                let plain = self.keys.open(&place, &stored)?;
                if stored.starts_with("enc:") {
                    count.older_key += 1;
                } else {
                    count.plaintext += 1;
                }
                let write = format!("UPDATE {t} SET {c} = $1 WHERE {}", col.row_condition(2));
                bind_keys(
                    sqlx::query(sqlx::AssertSqlSafe(write)).bind(self.keys.seal(&place, &plain)),
                    &keys,
                )
                .execute(&mut *tx)
                .await?;
            }
            count.total = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT COUNT(*) FROM {t} WHERE {c} IS NOT NULL"
            )))
            .fetch_one(&mut *tx)
            .await?
            .try_get(0)
            .map(|n: i64| n.unsigned_abs())?;
            done.columns.push(count);
        }
        for (t, c) in SEALED_FILES {
            done.columns
                .push(self.reseal_files(&mut tx, t, c, pass).await?);
        }
        sqlx::query("UPDATE encryption SET key_id = $1, sealed = 1 WHERE id = 1")
            .bind(&current)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(done)
    }

    /// Seals the files of a binary column as [`Db::reseal`] does the text
    /// columns, one file at a time (a file is read whole, and only one).
    async fn reseal_files(
        &self,
        tx: &mut crate::store::WriteTx,
        t: &str,
        c: &str,
        pass: Pass,
    ) -> Result<ColumnCount> {
        let ids: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
            "SELECT id FROM {t} WHERE {c} IS NOT NULL ORDER BY id"
        )))
        .fetch_all(&mut **tx)
        .await?;
        let mut count = ColumnCount {
            column: format!("{t}.{c}"),
            total: ids.len() as u64,
            ..ColumnCount::default()
        };
        for id in ids {
            let stored: Vec<u8> = sqlx::query_scalar(sqlx::AssertSqlSafe(format!(
                "SELECT {c} FROM {t} WHERE id = $1"
            )))
            .bind(&id)
            .fetch_one(&mut **tx)
            .await?;
            let sealed = stored.starts_with(b"enc:");
            let needs = match pass {
                Pass::Plaintext => !sealed,
                Pass::All => !self.keys.is_current_bytes(&stored),
            };
            if !needs {
                continue;
            }
            if sealed {
                count.older_key += 1;
            } else {
                count.plaintext += 1;
            }
            let place = format!("{t}.{c}/{id}");
            let plain = self.keys.open_bytes(&place, stored)?;
            sqlx::query(sqlx::AssertSqlSafe(format!(
                "UPDATE {t} SET {c} = $1 WHERE id = $2"
            )))
            .bind(self.keys.seal_bytes(&place, &plain))
            .bind(&id)
            .execute(&mut **tx)
            .await?;
        }
        Ok(count)
    }

    /// On SQLite, rewrites the database file and empties its write-ahead
    /// log, so that values replaced are not left behind in free pages; on
    /// PostgreSQL, nothing (its `VACUUM` reclaims dead rows in time).
    async fn compact(&self) -> Result<()> {
        if self.backend == Backend::Sqlite {
            sqlx::raw_sql("VACUUM").execute(&self.pool).await?;
            sqlx::raw_sql("PRAGMA wal_checkpoint(TRUNCATE)")
                .execute(&self.pool)
                .await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{CaseId, UserId};
    use crate::store::place;

    #[test]
    fn each_column_seals_at_the_place_the_store_reads_it_from() {
        let case = CaseId::new("c1".to_string());
        let by_column = |t: &str, c: &str, keys: Vec<KeyValue>| {
            SEALED_COLUMNS
                .iter()
                .find(|s| s.table == t && s.column == c)
                .unwrap()
                .place(&keys)
        };
        let text = |s: &str| KeyValue::Text(s.to_string());
        let version = || vec![text("c1"), KeyValue::Number(3)];
        let user = UserId::new("u1".to_string());
        let expected = [
            ("cases", "facts", vec![text("c1")], place::case_facts(&case)),
            (
                "cases",
                "search_text",
                vec![text("c1")],
                place::case_search_text(&case),
            ),
            (
                "facts_history",
                "facts",
                version(),
                place::version_facts(&case, 3),
            ),
            (
                "facts_history",
                "changes",
                version(),
                place::version_changes(&case, 3),
            ),
            (
                "application_versions",
                "document",
                version(),
                place::application_document(&case, 3),
            ),
            (
                "application_versions",
                "changes",
                version(),
                place::application_changes(&case, 3),
            ),
            ("notes", "body", vec![text("n1")], place::note("n1")),
            (
                "note_versions",
                "body",
                vec![text("n1"), KeyValue::Number(2)],
                place::note_version("n1", 2),
            ),
            ("tasks", "title", vec![text("t1")], place::task_title("t1")),
            (
                "practice_marks",
                "notes",
                vec![text("m1")],
                place::practice_notes("m1"),
            ),
            (
                "interviews",
                "details",
                vec![text("c1")],
                place::interview_details(&case),
            ),
            (
                "uploads",
                "details",
                vec![text("f1")],
                place::upload_details("f1"),
            ),
            (
                "intake_answers",
                "answer",
                vec![text("a1")],
                place::intake_answer("a1"),
            ),
            (
                "intake_answers",
                "decided_value",
                vec![text("a1")],
                place::intake_decided_value("a1"),
            ),
            (
                "users",
                "totp_secret",
                vec![text("u1")],
                place::totp_secret(&user),
            ),
            (
                "assessment_stamps",
                "stamp",
                vec![text("c1")],
                place::stamp(&case),
            ),
            (
                "law_changes",
                "details",
                vec![text("l1")],
                place::law_change("l1"),
            ),
        ];
        // The files: sealed at `<table>.<column>/<id>`, as the store reads them.
        for (t, c) in SEALED_FILES {
            assert_eq!(format!("{t}.{c}/f1"), place::upload_content("f1"));
        }
        assert_eq!(
            expected.len(),
            SEALED_COLUMNS.len(),
            "every sealed column is checked"
        );
        for (table, column, keys, place) in expected {
            assert_eq!(by_column(table, column, keys), place, "{table}.{column}");
        }
    }
}
