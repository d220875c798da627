//! The client intake (issue 19, part 2): a case's client language, its
//! intake links (the SHA-256 of each token, never the token), the client's
//! answers waiting for review (sealed), and staff's decisions on them.
//! The store knows nothing of the questions: a question is an id and a fact
//! path the caller gives, an answer a JSON text it makes.

use sqlx::Row;
use sqlx::any::AnyRow;

use super::{Audit, Db, DbError, Result, User, now, place};
use crate::domain::CaseId;

/// An intake link, as staff list it and as the client's pages check it.
#[derive(Debug, Clone)]
pub struct IntakeLink {
    pub id: String,
    pub case_id: CaseId,
    /// The language its pages open in (`en`, `es`).
    pub language: String,
    /// Who made it (their name).
    pub created_by: String,
    pub created_at: String,
    /// When it stops working (UTC, as stored: [`super::stored_time`]).
    pub expires_at: String,
    pub revoked_at: Option<String>,
    pub revoked_by: Option<String>,
    /// When the client last saved an answer through it.
    pub last_answer_at: Option<String>,
}

impl IntakeLink {
    /// Whether it still opens the intake at `now` (stored form): not
    /// revoked, not expired.
    pub fn open_at(&self, now: &str) -> bool {
        self.revoked_at.is_none() && now < self.expires_at.as_str()
    }
}

/// One answer of a client, with staff's decision once made.
#[derive(Debug, Clone)]
pub struct IntakeAnswer {
    pub id: String,
    pub link_id: String,
    /// The order answers were given in, per link.
    pub seq: i64,
    /// The question's id (`crates/web/intake/questions.toml`).
    pub question: String,
    /// The fact it answers (`applicant.birth_date`), or `timeline`.
    pub path: String,
    /// What was typed and the value it gives (the caller's JSON; opened:
    /// stored sealed).
    pub answer: String,
    pub answered_at: String,
    /// `pending`, `accepted`, `edited` or `rejected`.
    pub status: String,
    /// The value decided (the caller's JSON; opened: stored sealed).
    pub decided_value: Option<String>,
    /// The facts' (or the application's, for the timeline) version the decision made.
    pub decided_version: Option<i64>,
    /// Who decided (their name), and when.
    pub decided_by: Option<String>,
    pub decided_at: Option<String>,
}

/// An answer to keep: its question, fact and what the caller makes of it.
pub struct NewIntakeAnswer<'a> {
    pub question: &'a str,
    pub path: String,
    pub answer: String,
}

/// Staff's decision on an answer, written with the version it makes
/// (`Db::save_facts_deciding`, `Db::save_application_deciding`) or alone
/// (a rejection, [`Db::reject_intake_answer`]).
pub struct IntakeDecision<'a> {
    pub answer_id: &'a str,
    /// `accepted`, `edited` or `rejected`.
    pub status: &'a str,
    /// The value decided, as JSON (`null` for a rejection).
    pub value: &'a str,
    pub by: &'a User,
}

const LINK_COLUMNS: &str = "l.id, l.case_id, l.language, u.name AS created_by, l.created_at, \
     l.expires_at, l.revoked_at, r.name AS revoked_by, l.last_answer_at \
     FROM intake_links l JOIN users u ON u.id = l.created_by \
     LEFT JOIN users r ON r.id = l.revoked_by";

fn link(row: &AnyRow) -> Result<IntakeLink> {
    Ok(IntakeLink {
        id: row.try_get("id")?,
        case_id: row.try_get("case_id")?,
        language: row.try_get("language")?,
        created_by: row.try_get("created_by")?,
        created_at: row.try_get("created_at")?,
        expires_at: row.try_get("expires_at")?,
        revoked_at: row.try_get("revoked_at")?,
        revoked_by: row.try_get("revoked_by")?,
        last_answer_at: row.try_get("last_answer_at")?,
    })
}

const ANSWER_COLUMNS: &str = "a.id, a.link_id, a.seq, a.question, a.path, a.answer, \
     a.answered_at, a.status, a.decided_value, a.decided_version, u.name AS decided_by, \
     a.decided_at FROM intake_answers a LEFT JOIN users u ON u.id = a.decided_by";

impl Db {
    fn intake_answer_row(&self, row: &AnyRow) -> Result<IntakeAnswer> {
        let id: String = row.try_get("id")?;
        let answer: String = row.try_get("answer")?;
        let decided: Option<String> = row.try_get("decided_value")?;
        Ok(IntakeAnswer {
            answer: self.keys.open(&place::intake_answer(&id), &answer)?,
            decided_value: decided
                .map(|v| self.keys.open(&place::intake_decided_value(&id), &v))
                .transpose()?,
            link_id: row.try_get("link_id")?,
            seq: row.try_get("seq")?,
            question: row.try_get("question")?,
            path: row.try_get("path")?,
            answered_at: row.try_get("answered_at")?,
            status: row.try_get("status")?,
            decided_version: row.try_get("decided_version")?,
            decided_by: row.try_get("decided_by")?,
            decided_at: row.try_get("decided_at")?,
            id,
        })
    }

    /// Sets the case's client language, with its audit row.
    pub async fn set_client_language(
        &self,
        case_id: &CaseId,
        language: &str,
        audit: &Audit<'_>,
    ) -> Result<()> {
        let q = sqlx::query("UPDATE cases SET client_language = $1 WHERE id = $2")
            .bind(language)
            .bind(case_id);
        self.audited(q, case_id, audit).await?;
        Ok(())
    }

    /// Runs one statement on a case and writes its audit row, in one
    /// transaction, if it changed a row; how many rows it changed.
    async fn audited(
        &self,
        q: sqlx::query::Query<'_, sqlx::Any, sqlx::any::AnyArguments>,
        case_id: &CaseId,
        audit: &Audit<'_>,
    ) -> Result<u64> {
        let mut tx = self.write().await?;
        let changed = q.execute(&mut *tx).await?.rows_affected();
        if changed == 0 {
            tx.rollback().await?;
            return Ok(0);
        }
        audit.write(&mut tx, None, Some(case_id)).await?;
        tx.commit().await?;
        Ok(changed)
    }

    /// Makes an intake link for a case, kept by its token's hash, with its
    /// audit row; the link.
    pub async fn create_intake_link(
        &self,
        case_id: &CaseId,
        token_hash: &str,
        language: &str,
        expires_at: &str,
        by: &User,
        audit: &Audit<'_>,
    ) -> Result<IntakeLink> {
        let id = crate::secret::random_id();
        let at = now();
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO intake_links (id, case_id, token_hash, language, created_by, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&id)
        .bind(case_id)
        .bind(token_hash)
        .bind(language)
        .bind(&by.id)
        .bind(&at)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
        audit.write(&mut tx, None, Some(case_id)).await?;
        tx.commit().await?;
        Ok(IntakeLink {
            id,
            case_id: case_id.clone(),
            language: language.to_string(),
            created_by: by.name.clone(),
            created_at: at,
            expires_at: expires_at.to_string(),
            revoked_at: None,
            revoked_by: None,
            last_answer_at: None,
        })
    }

    /// A case's intake links, the latest first.
    pub async fn intake_links(&self, case_id: &CaseId) -> Result<Vec<IntakeLink>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {LINK_COLUMNS} WHERE l.case_id = $1 ORDER BY l.created_at DESC, l.id"
        )))
        .bind(case_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(link).collect()
    }

    /// The link whose token has this hash, whatever its state (the caller
    /// tells an expired or revoked one apart).
    pub async fn intake_link_by_token(&self, token_hash: &str) -> Result<Option<IntakeLink>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {LINK_COLUMNS} WHERE l.token_hash = $1"
        )))
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(link).transpose()
    }

    /// Revokes a link of this case (once), with its audit row; whether a
    /// link of this case was revoked.
    pub async fn revoke_intake_link(
        &self,
        case_id: &CaseId,
        link_id: &str,
        by: &User,
        audit: &Audit<'_>,
    ) -> Result<bool> {
        let q = sqlx::query(
            "UPDATE intake_links SET revoked_at = $1, revoked_by = $2
             WHERE id = $3 AND case_id = $4 AND revoked_at IS NULL",
        )
        .bind(now())
        .bind(&by.id)
        .bind(link_id)
        .bind(case_id);
        Ok(self.audited(q, case_id, audit).await? == 1)
    }

    /// Every answer given through a link, in the order given.
    pub async fn intake_answers_of_link(&self, link_id: &str) -> Result<Vec<IntakeAnswer>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {ANSWER_COLUMNS} WHERE a.link_id = $1 ORDER BY a.seq"
        )))
        .bind(link_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| self.intake_answer_row(r)).collect()
    }

    /// A case's answers, every link's, in the order given: those still
    /// waiting for review first.
    pub async fn intake_answers(&self, case_id: &CaseId) -> Result<Vec<IntakeAnswer>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {ANSWER_COLUMNS} WHERE a.case_id = $1
             ORDER BY CASE WHEN a.status = 'pending' THEN 0 ELSE 1 END, a.answered_at, a.link_id, a.seq"
        )))
        .bind(case_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| self.intake_answer_row(r)).collect()
    }

    /// How many answers of a case wait for review.
    pub async fn intake_pending(&self, case_id: &CaseId) -> Result<i64> {
        Ok(sqlx::query(
            "SELECT COUNT(*) FROM intake_answers WHERE case_id = $1 AND status = 'pending'",
        )
        .bind(case_id)
        .fetch_one(&self.pool)
        .await?
        .try_get(0)?)
    }

    /// Keeps a client's answers given through `link`, with one audit row,
    /// in one transaction: an answer to a question still waiting for review
    /// replaces it; one to a question already decided is a new answer (the
    /// decided one stays as it was decided).
    pub async fn save_intake_answers(
        &self,
        link: &IntakeLink,
        answers: &[NewIntakeAnswer<'_>],
        audit: &Audit<'_>,
    ) -> Result<()> {
        let at = now();
        let mut tx = self.write().await?;
        for a in answers {
            let pending: Option<String> = sqlx::query_scalar(
                "SELECT id FROM intake_answers WHERE link_id = $1 AND path = $2 AND status = 'pending'",
            )
            .bind(&link.id)
            .bind(&a.path)
            .fetch_optional(&mut *tx)
            .await?;
            match pending {
                Some(id) => {
                    sqlx::query(
                        "UPDATE intake_answers SET answer = $1, answered_at = $2, question = $3 WHERE id = $4",
                    )
                    .bind(self.keys.seal(&place::intake_answer(&id), &a.answer))
                    .bind(&at)
                    .bind(a.question)
                    .bind(&id)
                    .execute(&mut *tx)
                    .await?;
                }
                None => {
                    let id = crate::secret::random_id();
                    let seq: i64 = sqlx::query(
                        "SELECT COALESCE(MAX(seq), 0) + 1 FROM intake_answers WHERE link_id = $1",
                    )
                    .bind(&link.id)
                    .fetch_one(&mut *tx)
                    .await?
                    .try_get(0)?;
                    sqlx::query(
                        "INSERT INTO intake_answers (id, link_id, case_id, seq, question, path, answer, answered_at, status)
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending')",
                    )
                    .bind(&id)
                    .bind(&link.id)
                    .bind(&link.case_id)
                    .bind(seq)
                    .bind(a.question)
                    .bind(&a.path)
                    .bind(self.keys.seal(&place::intake_answer(&id), &a.answer))
                    .bind(&at)
                    .execute(&mut *tx)
                    .await?;
                }
            }
        }
        sqlx::query("UPDATE intake_links SET last_answer_at = $1 WHERE id = $2")
            .bind(&at)
            .bind(&link.id)
            .execute(&mut *tx)
            .await?;
        audit.write(&mut tx, None, Some(&link.case_id)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Rejects an answer waiting for review (no fact changes), with its
    /// audit row.
    ///
    /// # Errors
    /// [`DbError::Conflict`] when it was decided meanwhile.
    pub async fn reject_intake_answer(
        &self,
        case_id: &CaseId,
        decision: &IntakeDecision<'_>,
        audit: &Audit<'_>,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        if !self.decide_in(&mut tx, case_id, decision, None).await? {
            tx.rollback().await?;
            return Err(already_decided());
        }
        audit.write(&mut tx, None, Some(case_id)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Writes a decision in `tx`, if the answer is this case's and still
    /// waits for review; whether it did.
    pub(super) async fn decide_in(
        &self,
        tx: &mut super::WriteTx,
        case_id: &CaseId,
        d: &IntakeDecision<'_>,
        version: Option<i64>,
    ) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE intake_answers SET status = $1, decided_value = $2, decided_version = $3,
                 decided_by = $4, decided_at = $5
             WHERE id = $6 AND case_id = $7 AND status = 'pending'",
        )
        .bind(d.status)
        .bind(
            self.keys
                .seal(&place::intake_decided_value(d.answer_id), d.value),
        )
        .bind(version)
        .bind(&d.by.id)
        .bind(now())
        .bind(d.answer_id)
        .bind(case_id)
        .execute(&mut **tx)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

/// The refusal of a decision on an answer decided meanwhile.
pub(super) fn already_decided() -> DbError {
    DbError::Conflict("this answer was already reviewed".into())
}
