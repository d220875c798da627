//! A case's Form I-589 application document, in versions like the facts
//! (migration 0009): each save adds a version with what changed, who and
//! when; the latest version is the application. The store keeps the text it
//! is given (sealed) and knows nothing of the form.

use sqlx::Row;

use super::{Audit, Db, DbError, Result, User, now, place};
use crate::domain::CaseId;

/// One saved version of a case's application.
#[derive(Debug, Clone)]
pub struct ApplicationVersion {
    /// 1 for the first save; 0 stands for "never saved" ([`Db::application`]).
    pub version: i64,
    /// The application document (JSON).
    pub document: String,
    /// JSON list of `{path, before, after}`.
    pub changes: String,
    pub changed_by: String,
    pub changed_at: String,
}

impl Db {
    /// The case's application: its latest version, or `None` when it was never saved.
    pub async fn application(&self, case_id: &CaseId) -> Result<Option<ApplicationVersion>> {
        let row = sqlx::query(
            "SELECT a.version, a.document, a.changes, u.name, a.changed_at
             FROM application_versions a JOIN users u ON u.id = a.changed_by
             WHERE a.case_id = $1 ORDER BY a.version DESC LIMIT 1",
        )
        .bind(case_id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| self.application_row(case_id, &r)).transpose()
    }

    /// Every version of the case's application, newest first.
    pub async fn application_history(&self, case_id: &CaseId) -> Result<Vec<ApplicationVersion>> {
        let rows = sqlx::query(
            "SELECT a.version, a.document, a.changes, u.name, a.changed_at
             FROM application_versions a JOIN users u ON u.id = a.changed_by
             WHERE a.case_id = $1 ORDER BY a.version DESC",
        )
        .bind(case_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| self.application_row(case_id, r))
            .collect()
    }

    fn application_row(
        &self,
        case_id: &CaseId,
        r: &sqlx::any::AnyRow,
    ) -> Result<ApplicationVersion> {
        let version: i64 = r.try_get(0)?;
        let document: String = r.try_get(1)?;
        let changes: String = r.try_get(2)?;
        Ok(ApplicationVersion {
            document: self
                .keys
                .open(&place::application_document(case_id, version), &document)?,
            changes: self
                .keys
                .open(&place::application_changes(case_id, version), &changes)?,
            version,
            changed_by: r.try_get(3)?,
            changed_at: r.try_get(4)?,
        })
    }

    /// Saves the next version of the case's application (`expected_version`
    /// + 1), with its audit row, in one transaction, unless someone saved
    ///   another since `expected_version` (0: none) was read: then
    ///   [`DbError::Conflict`] and nothing is written.
    pub async fn save_application(
        &self,
        by: &User,
        case_id: &CaseId,
        expected_version: i64,
        document: &str,
        changes: &str,
        audit: &Audit<'_>,
    ) -> Result<i64> {
        self.save_application_deciding(
            by,
            case_id,
            expected_version,
            document,
            changes,
            audit,
            None,
        )
        .await
    }

    /// [`Db::save_application`], and the decision on a client's intake
    /// answer that made the new version, in the same transaction.
    #[allow(clippy::too_many_arguments)]
    pub async fn save_application_deciding(
        &self,
        by: &User,
        case_id: &CaseId,
        expected_version: i64,
        document: &str,
        changes: &str,
        audit: &Audit<'_>,
        decision: Option<&super::IntakeDecision<'_>>,
    ) -> Result<i64> {
        let version = expected_version + 1;
        let at = now();
        let stale = || {
            DbError::Conflict(
                "the application was changed by someone else since this page was opened".into(),
            )
        };
        let mut tx = self.write().await?;
        if let Some(d) = decision
            && !self.decide_in(&mut tx, case_id, d, Some(version)).await?
        {
            tx.rollback().await?;
            return Err(super::intake::already_decided());
        }
        let latest: i64 = sqlx::query(
            "SELECT COALESCE(MAX(version), 0) FROM application_versions WHERE case_id = $1",
        )
        .bind(case_id)
        .fetch_one(&mut *tx)
        .await?
        .try_get(0)?;
        if latest != expected_version {
            tx.rollback().await?;
            return Err(stale());
        }
        // Two saves at once on PostgreSQL both read the same latest version:
        // the second insert breaks the primary key, and is the conflict it is.
        let inserted = sqlx::query(
            "INSERT INTO application_versions (case_id, version, document, changes, changed_by, changed_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(case_id)
        .bind(version)
        .bind(
            self.keys
                .seal(&place::application_document(case_id, version), document),
        )
        .bind(
            self.keys
                .seal(&place::application_changes(case_id, version), changes),
        )
        .bind(&by.id)
        .bind(&at)
        .execute(&mut *tx)
        .await;
        if let Err(e) = inserted {
            tx.rollback().await?;
            return Err(match &e {
                sqlx::Error::Database(d) if d.is_unique_violation() => stale(),
                _ => e.into(),
            });
        }
        sqlx::query("UPDATE cases SET updated_at = $1 WHERE id = $2")
            .bind(&at)
            .bind(case_id)
            .execute(&mut *tx)
            .await?;
        audit.write(&mut tx, None, Some(case_id)).await?;
        tx.commit().await?;
        Ok(version)
    }
}
