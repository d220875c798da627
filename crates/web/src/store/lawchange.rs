//! When the law changes (issue 23): each case's stamp (its last
//! assessment's outcomes with the law and rules versions, sealed), and the
//! change records a re-assessment under a new version writes (sealed), with
//! who reviewed each. Migration 0012. The store reads and writes texts: what
//! a stamp or a change says is the caller's (`lawchange`).

use sqlx::Row;

use super::{Audit, Db, NewDeadline, Result, User, VISIBLE_TO_USER, WriteTx, now, place};
use crate::domain::CaseId;

/// A stamp to store: the versions plain, the stamp's JSON (sealed here).
#[derive(Clone, Copy)]
pub struct Stamped<'a> {
    pub law: &'a str,
    pub rules: &'a str,
    pub json: &'a str,
}

/// A case still to re-assess under a law and rules version: its facts and
/// the stamp it has (none before its first).
pub struct ToReassess {
    pub id: CaseId,
    pub version: i64,
    pub facts: String,
    pub stamp: Option<String>,
}

/// A change record to write: the versions, and what moved with its causes
/// (JSON, sealed here).
pub struct NewChange<'a> {
    pub law_from: &'a str,
    pub rules_from: &'a str,
    pub details: String,
    /// The audit row's detail (versions and the items that moved: never a value).
    pub audit: String,
}

/// A case re-assessed, to write: its new stamp, and when something moved,
/// the change record and the deadlines to store for the dashboard and the
/// calendars.
pub struct Restamp<'a> {
    pub case_id: &'a CaseId,
    /// The version of the facts it was made from.
    pub facts_version: i64,
    pub stamp: Stamped<'a>,
    pub change: Option<NewChange<'a>>,
    pub deadlines: Option<Vec<NewDeadline<'a>>>,
}

/// A change record as read, for a user who may see its case.
#[derive(Debug, Clone)]
pub struct ChangeRow {
    pub id: String,
    pub case_id: CaseId,
    pub case_number: String,
    pub client_name: String,
    pub law_from: String,
    pub law_to: String,
    pub rules_from: String,
    pub rules_to: String,
    /// What moved, with its causes (JSON, opened).
    pub details: String,
    pub found_at: String,
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<String>,
}

/// Which change records to list.
#[derive(Debug, Default, Clone)]
pub struct ChangeFilter<'a> {
    pub case_id: Option<&'a CaseId>,
    /// Only those found under this law version.
    pub law_to: Option<&'a str>,
    pub unreviewed_only: bool,
    /// At most this many (0: 1,000).
    pub limit: i64,
}

impl Db {
    /// Writes a case's stamp in `tx`, unless a stamp of newer facts is
    /// there, or one of the same facts and versions (another pass, the
    /// server's or `refuge rescreen`'s, did it first: its change record is
    /// the one kept). Returns whether it was written.
    pub(crate) async fn put_stamp(
        &self,
        tx: &mut WriteTx,
        case_id: &CaseId,
        facts_version: i64,
        stamp: &Stamped<'_>,
    ) -> Result<bool> {
        let done = sqlx::query(
            "INSERT INTO assessment_stamps (case_id, facts_version, law_version, rules_version, stamp, stamped_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (case_id) DO UPDATE SET facts_version = excluded.facts_version,
                law_version = excluded.law_version, rules_version = excluded.rules_version,
                stamp = excluded.stamp, stamped_at = excluded.stamped_at
             WHERE assessment_stamps.facts_version < excluded.facts_version
                OR (assessment_stamps.facts_version = excluded.facts_version
                    AND (assessment_stamps.law_version <> excluded.law_version
                         OR assessment_stamps.rules_version <> excluded.rules_version))",
        )
        .bind(case_id)
        .bind(facts_version)
        .bind(stamp.law)
        .bind(stamp.rules)
        .bind(self.keys.seal(&place::stamp(case_id), stamp.json))
        .bind(now())
        .execute(&mut **tx)
        .await?;
        Ok(done.rows_affected() > 0)
    }

    /// The stamp of a case, opened (none before its first assessment was stamped).
    pub async fn stamp(&self, case_id: &CaseId) -> Result<Option<String>> {
        let row = sqlx::query("SELECT stamp FROM assessment_stamps WHERE case_id = $1")
            .bind(case_id)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|r| {
            Ok(self
                .keys
                .open(&place::stamp(case_id), &r.try_get::<String, _>(0)?)?)
        })
        .transpose()
    }

    /// Up to `limit` cases after `after` (by id) whose stamp is missing or
    /// of other versions than these, in id order: the re-assessment's next
    /// batch. A case done has a stamp of these versions, so a pass cut short
    /// resumes where it stopped.
    pub async fn cases_to_reassess(
        &self,
        law: &str,
        rules: &str,
        after: &str,
        limit: i64,
    ) -> Result<Vec<ToReassess>> {
        let rows = sqlx::query(
            "SELECT c.id, c.version, c.facts, s.stamp FROM cases c
             LEFT JOIN assessment_stamps s ON s.case_id = c.id
             WHERE c.id > $1 AND (s.case_id IS NULL OR s.law_version <> $2 OR s.rules_version <> $3)
             ORDER BY c.id LIMIT $4",
        )
        .bind(after)
        .bind(law)
        .bind(rules)
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let id: CaseId = r.try_get("id")?;
                let facts = self.keys.open(
                    &super::place::case_facts(&id),
                    &r.try_get::<String, _>("facts")?,
                )?;
                let stamp = r
                    .try_get::<Option<String>, _>("stamp")?
                    .map(|s| self.keys.open(&place::stamp(&id), &s))
                    .transpose()?;
                Ok(ToReassess {
                    version: r.try_get("version")?,
                    facts,
                    stamp,
                    id,
                })
            })
            .collect()
    }

    /// How many cases have a stamp of these versions, and how many cases there are.
    pub async fn reassessed_count(&self, law: &str, rules: &str) -> Result<(i64, i64)> {
        let row = sqlx::query(
            "SELECT (SELECT COUNT(*) FROM assessment_stamps WHERE law_version = $1 AND rules_version = $2),
                    (SELECT COUNT(*) FROM cases)",
        )
        .bind(law)
        .bind(rules)
        .fetch_one(&self.pool)
        .await?;
        Ok((row.try_get(0)?, row.try_get(1)?))
    }

    /// Writes a batch of re-assessed cases in one transaction: each stamp
    /// (unless the case was saved meanwhile, whose save stamped it), and for
    /// each that moved its change record, its deadlines and its audit row
    /// (by no one: the server or the command line did it). Returns how many
    /// change records were written.
    pub async fn write_restamps(
        &self,
        batch: &[Restamp<'_>],
        law_to: &str,
        rules_to: &str,
    ) -> Result<usize> {
        let mut tx = self.write().await?;
        let mut changes = 0;
        let at = now();
        for r in batch {
            if !self
                .put_stamp(&mut tx, r.case_id, r.facts_version, &r.stamp)
                .await?
            {
                continue;
            }
            if let Some(d) = &r.deadlines {
                sqlx::query("UPDATE cases SET next_deadline = $1 WHERE id = $2")
                    .bind(super::next_open(d))
                    .bind(r.case_id)
                    .execute(&mut *tx)
                    .await?;
                Self::replace_deadlines(&mut tx, r.case_id, d).await?;
            }
            if let Some(c) = &r.change {
                let id = crate::secret::random_id();
                sqlx::query(
                    "INSERT INTO law_changes (id, case_id, law_from, law_to, rules_from, rules_to, details, found_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(&id)
                .bind(r.case_id)
                .bind(c.law_from)
                .bind(law_to)
                .bind(c.rules_from)
                .bind(rules_to)
                .bind(self.keys.seal(&place::law_change(&id), &c.details))
                .bind(&at)
                .execute(&mut *tx)
                .await?;
                Audit::new(
                    super::By::Nobody,
                    None,
                    crate::domain::AuditAction::LawChangeFound,
                    c.audit.clone(),
                )
                .write(&mut tx, None, Some(r.case_id))
                .await?;
                changes += 1;
            }
        }
        tx.commit().await?;
        Ok(changes)
    }

    /// The change records of the cases `user` may see, newest first.
    pub async fn changes_for(&self, user: &User, f: &ChangeFilter<'_>) -> Result<Vec<ChangeRow>> {
        // A case's records are found through their index (the case page's
        // banner): SQLite uses no index for `($3 = '' OR l.case_id = $3)`,
        // and scanned every change record on each case page.
        let of_case = if f.case_id.is_some() {
            "l.case_id = $3"
        } else {
            "$3 = ''"
        };
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT l.id, l.case_id, c.number, c.client_name, l.law_from, l.law_to, l.rules_from,
                    l.rules_to, l.details, l.found_at, u.name AS reviewer, l.reviewed_at
             FROM law_changes l JOIN cases c ON c.id = l.case_id
             LEFT JOIN users u ON u.id = l.reviewed_by
             WHERE {VISIBLE_TO_USER} AND {of_case} AND ($4 = '' OR l.law_to = $4)
               AND ($5 = 0 OR l.reviewed_at IS NULL)
             ORDER BY l.found_at DESC, c.number LIMIT $6"
        )))
        .bind(user.role.as_str())
        .bind(&user.id)
        .bind(f.case_id.map_or("", |c| c.as_str()))
        .bind(f.law_to.unwrap_or(""))
        .bind(i64::from(f.unreviewed_only))
        .bind(if f.limit > 0 { f.limit } else { 1000 })
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let id: String = r.try_get("id")?;
                let details: String = r.try_get("details")?;
                Ok(ChangeRow {
                    details: self.keys.open(&place::law_change(&id), &details)?,
                    id,
                    case_id: r.try_get("case_id")?,
                    case_number: r.try_get("number")?,
                    client_name: r.try_get("client_name")?,
                    law_from: r.try_get("law_from")?,
                    law_to: r.try_get("law_to")?,
                    rules_from: r.try_get("rules_from")?,
                    rules_to: r.try_get("rules_to")?,
                    found_at: r.try_get("found_at")?,
                    reviewed_by: r.try_get("reviewer")?,
                    reviewed_at: r.try_get("reviewed_at")?,
                })
            })
            .collect()
    }

    /// How many of the cases `user` may see have a change record under
    /// `law_to` not yet reviewed.
    pub async fn unreviewed_cases(&self, user: &User, law_to: &str) -> Result<i64> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT COUNT(DISTINCT l.case_id) FROM law_changes l JOIN cases c ON c.id = l.case_id
             WHERE {VISIBLE_TO_USER} AND l.law_to = $3 AND l.reviewed_at IS NULL"
        )))
        .bind(user.role.as_str())
        .bind(&user.id)
        .bind(law_to)
        .fetch_one(&self.pool)
        .await?;
        Ok(row.try_get(0)?)
    }

    /// Marks a case's unreviewed change records reviewed by `by`, with the
    /// audit row, in one transaction. Returns how many were marked (0: none
    /// was waiting, and nothing is written).
    pub async fn review_changes(
        &self,
        case_id: &CaseId,
        by: &User,
        audit: &Audit<'_>,
    ) -> Result<u64> {
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "UPDATE law_changes SET reviewed_by = $1, reviewed_at = $2 WHERE case_id = $3 AND reviewed_at IS NULL",
        )
        .bind(&by.id)
        .bind(now())
        .bind(case_id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(0);
        }
        audit.write(&mut tx, None, Some(case_id)).await?;
        tx.commit().await?;
        Ok(done.rows_affected())
    }
}
