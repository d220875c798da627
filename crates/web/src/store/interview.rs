//! Interview preparation (issue 18): practice sessions, the preparer's marks
//! on each question with notes on the client's answer (sealed), and the
//! interview or hearing itself (its date plain, for the dashboard and the
//! calendars; its details sealed). The store knows nothing of the questions:
//! a question is an id the caller gives.

use sqlx::Row;

use super::{Audit, Db, Result, User, VISIBLE_TO_USER, now, place};
use crate::domain::CaseId;

/// One meeting with the client.
#[derive(Debug, Clone)]
pub struct PracticeSession {
    pub id: String,
    /// `asylum_office` or `court`.
    pub forum: String,
    pub started_by: String,
    pub started_at: String,
}

/// The preparer's mark on one question in one session.
#[derive(Debug, Clone)]
pub struct PracticeMark {
    pub session_id: String,
    pub session_started_at: String,
    pub question_id: String,
    /// `ready` or `needs_work`.
    pub status: String,
    /// Notes on the client's answer (opened: stored sealed).
    pub notes: String,
    pub marked_by: String,
    pub marked_at: String,
}

/// The interview or hearing of a case.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InterviewRecord {
    /// `asylum_office` or `court`.
    pub forum: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`, or empty.
    pub time: String,
    /// Place, officer or judge, interpreter, the checklist's ticks: JSON the
    /// caller makes (opened: stored sealed).
    pub details: String,
}

/// A case's interview, for the dashboard and the calendars: the date and
/// the case, never the details.
#[derive(Debug, Clone)]
pub struct InterviewRow {
    pub case_id: CaseId,
    pub case_number: String,
    pub client_name: String,
    pub forum: String,
    pub date: String,
    pub time: String,
}

impl Db {
    /// Starts a practice session on a case, with its audit row; its id.
    pub async fn start_practice(
        &self,
        case_id: &CaseId,
        forum: &str,
        by: &User,
        audit: &Audit<'_>,
    ) -> Result<String> {
        let id = crate::secret::random_id();
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO practice_sessions (id, case_id, forum, started_by, started_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&id)
        .bind(case_id)
        .bind(forum)
        .bind(&by.id)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        audit.write(&mut tx, None, Some(case_id)).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A case's practice sessions, the latest first.
    pub async fn practice_sessions(&self, case_id: &CaseId) -> Result<Vec<PracticeSession>> {
        let rows = sqlx::query(
            "SELECT s.id, s.forum, u.name, s.started_at FROM practice_sessions s
             JOIN users u ON u.id = s.started_by
             WHERE s.case_id = $1 ORDER BY s.started_at DESC, s.id",
        )
        .bind(case_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(PracticeSession {
                    id: r.try_get(0)?,
                    forum: r.try_get(1)?,
                    started_by: r.try_get(2)?,
                    started_at: r.try_get(3)?,
                })
            })
            .collect()
    }

    /// Marks a question in a session of this case (again: the mark and notes
    /// are replaced), with its audit row in the same transaction; whether the
    /// session is this case's.
    #[allow(clippy::too_many_arguments)]
    pub async fn mark_practice(
        &self,
        case_id: &CaseId,
        session_id: &str,
        question_id: &str,
        status: &str,
        notes: &str,
        by: &User,
        audit: &Audit<'_>,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let session: Option<String> =
            sqlx::query_scalar("SELECT id FROM practice_sessions WHERE id = $1 AND case_id = $2")
                .bind(session_id)
                .bind(case_id)
                .fetch_optional(&mut *tx)
                .await?;
        if session.is_none() {
            return Ok(false);
        }
        let existing: Option<String> = sqlx::query_scalar(
            "SELECT id FROM practice_marks WHERE session_id = $1 AND question_id = $2",
        )
        .bind(session_id)
        .bind(question_id)
        .fetch_optional(&mut *tx)
        .await?;
        // The notes are sealed bound to the mark's row, which a second mark
        // of the question in the same session keeps.
        let id = existing.clone().unwrap_or_else(crate::secret::random_id);
        let sealed = self.keys.seal(&place::practice_notes(&id), notes);
        // The order the marks were made in (times are kept to the second,
        // and two meetings' marks may share one).
        let seq: i64 = sqlx::query_scalar(
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM practice_marks WHERE case_id = $1",
        )
        .bind(case_id)
        .fetch_one(&mut *tx)
        .await?;
        if existing.is_some() {
            sqlx::query(
                "UPDATE practice_marks SET status = $1, notes = $2, marked_by = $3, marked_at = $4, seq = $5 WHERE id = $6",
            )
            .bind(status)
            .bind(&sealed)
            .bind(&by.id)
            .bind(now())
            .bind(seq)
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        } else {
            sqlx::query(
                "INSERT INTO practice_marks (id, session_id, case_id, question_id, status, notes, marked_by, marked_at, seq)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(&id)
            .bind(session_id)
            .bind(case_id)
            .bind(question_id)
            .bind(status)
            .bind(&sealed)
            .bind(&by.id)
            .bind(now())
            .bind(seq)
            .execute(&mut *tx)
            .await?;
        }
        audit.write(&mut tx, None, Some(case_id)).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Every mark on a case's questions, in the order they were made: the
    /// last of a question is where it stands.
    pub async fn practice_marks(&self, case_id: &CaseId) -> Result<Vec<PracticeMark>> {
        let rows = sqlx::query(
            "SELECT m.id, m.session_id, s.started_at, m.question_id, m.status, m.notes, u.name, m.marked_at
             FROM practice_marks m JOIN practice_sessions s ON s.id = m.session_id
             JOIN users u ON u.id = m.marked_by
             WHERE m.case_id = $1 ORDER BY m.seq, m.id",
        )
        .bind(case_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let id: String = r.try_get(0)?;
                let notes: String = r.try_get(5)?;
                Ok(PracticeMark {
                    notes: self.keys.open(&place::practice_notes(&id), &notes)?,
                    session_id: r.try_get(1)?,
                    session_started_at: r.try_get(2)?,
                    question_id: r.try_get(3)?,
                    status: r.try_get(4)?,
                    marked_by: r.try_get(6)?,
                    marked_at: r.try_get(7)?,
                })
            })
            .collect()
    }

    /// Records (or replaces) a case's interview, with its audit row.
    pub async fn set_interview(
        &self,
        case_id: &CaseId,
        record: &InterviewRecord,
        by: &User,
        audit: &Audit<'_>,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query("DELETE FROM interviews WHERE case_id = $1")
            .bind(case_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO interviews (case_id, forum, date, time, details, updated_by, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(case_id)
        .bind(&record.forum)
        .bind(&record.date)
        .bind(&record.time)
        .bind(
            self.keys
                .seal(&place::interview_details(case_id), &record.details),
        )
        .bind(&by.id)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        audit.write(&mut tx, None, Some(case_id)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// A case's interview, if recorded.
    pub async fn interview(&self, case_id: &CaseId) -> Result<Option<InterviewRecord>> {
        let row =
            sqlx::query("SELECT forum, date, time, details FROM interviews WHERE case_id = $1")
                .bind(case_id)
                .fetch_optional(&self.pool)
                .await?;
        row.map(|r| {
            let details: String = r.try_get(3)?;
            Ok(InterviewRecord {
                forum: r.try_get(0)?,
                date: r.try_get(1)?,
                time: r.try_get(2)?,
                details: self
                    .keys
                    .open(&place::interview_details(case_id), &details)?,
            })
        })
        .transpose()
    }

    /// The interviews on or after `from` (ISO date) of the unarchived cases
    /// `user` sees (one case's, with `case_id`), soonest first.
    pub async fn interviews_for(
        &self,
        user: &User,
        case_id: Option<&CaseId>,
        from: &str,
    ) -> Result<Vec<InterviewRow>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT c.id, c.number, c.client_name, i.forum, i.date, i.time
             FROM interviews i JOIN cases c ON c.id = i.case_id
             WHERE {VISIBLE_TO_USER} AND c.archived = 0 AND ($3 = '' OR c.id = $3) AND i.date >= $4
             ORDER BY i.date, i.time, c.number"
        )))
        .bind(user.role.as_str())
        .bind(&user.id)
        .bind(case_id.map_or("", CaseId::as_str))
        .bind(from)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(InterviewRow {
                    case_id: r.try_get(0)?,
                    case_number: r.try_get(1)?,
                    client_name: r.try_get(2)?,
                    forum: r.try_get(3)?,
                    date: r.try_get(4)?,
                    time: r.try_get(5)?,
                })
            })
            .collect()
    }
}
