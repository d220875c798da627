//! Uploads (issue 17): a case's files, kept in the database (SQLite BLOB,
//! PostgreSQL bytea) so that one backup holds everything, sealed as bytes
//! (`uploads.content`, [`SEALED_FILES`](super::SEALED_FILES)); their names
//! and descriptions in one sealed JSON text (`uploads.details`), which the
//! caller makes. The store knows nothing of PDFs or of the packet: a file is bytes,
//! its media type, pages and SHA-256 as the caller found them.

use sqlx::Row;

use super::{Audit, Db, Result, User, now, place};
use crate::domain::CaseId;

/// What an upload is to the packet.
pub const ROLES: [&str; 3] = ["document", "translation", "certificate"];

/// A file to store. No hash of it is kept: a plain hash would tell whoever
/// reads the database whether a given file is in it.
pub struct NewUpload<'a> {
    pub media_type: &'a str,
    pub pages: i64,
    pub content: &'a [u8],
    /// The sealed details (file name, description…), as the caller makes them.
    pub details: &'a str,
}

/// A stored upload, without its content.
#[derive(Debug, Clone)]
pub struct UploadRow {
    pub id: String,
    pub media_type: String,
    pub size: i64,
    pub pages: i64,
    /// Opened: stored sealed.
    pub details: String,
    /// `document`, `translation` or `certificate`.
    pub role: String,
    /// The upload a translation or certificate belongs to.
    pub of_upload: Option<String>,
    /// A document's place in the exhibit packet.
    pub exhibit: Option<i64>,
    /// Who uploaded it (their name).
    pub uploaded_by: String,
    pub uploaded_at: String,
    /// The order it was uploaded in, among the case's uploads.
    pub seq: i64,
}

/// What an upload is to the packet, as changed.
pub struct UploadPlace<'a> {
    pub details: &'a str,
    pub role: &'a str,
    pub of_upload: Option<&'a str>,
    pub exhibit: Option<i64>,
}

const COLUMNS: &str = "u.id, u.media_type, u.size, u.pages, u.details, u.role, \
                       u.of_upload, u.exhibit, us.name, u.uploaded_at, u.seq";

impl Db {
    /// Stores a file of a case, with its audit row; its id.
    pub async fn add_upload(
        &self,
        case_id: &CaseId,
        new: &NewUpload<'_>,
        by: &User,
        audit: &Audit<'_>,
    ) -> Result<String> {
        let id = crate::secret::random_id();
        let mut tx = self.write().await?;
        // The order the uploads were made in (times are kept to the second).
        let seq: i64 =
            sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) + 1 FROM uploads WHERE case_id = $1")
                .bind(case_id)
                .fetch_one(&mut *tx)
                .await?;
        sqlx::query(
            "INSERT INTO uploads (id, case_id, media_type, size, pages, details, role,
                                  uploaded_by, uploaded_at, seq, content)
             VALUES ($1, $2, $3, $4, $5, $6, 'document', $7, $8, $9, $10)",
        )
        .bind(&id)
        .bind(case_id)
        .bind(new.media_type)
        .bind(new.content.len() as i64)
        .bind(new.pages)
        .bind(self.keys.seal(&place::upload_details(&id), new.details))
        .bind(&by.id)
        .bind(now())
        .bind(seq)
        .bind(
            self.keys
                .seal_bytes(&place::upload_content(&id), new.content),
        )
        .execute(&mut *tx)
        .await?;
        audit.write(&mut tx, None, Some(case_id)).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// A case's uploads (without their content), the earliest first.
    pub async fn uploads(&self, case_id: &CaseId) -> Result<Vec<UploadRow>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM uploads u JOIN users us ON us.id = u.uploaded_by
             WHERE u.case_id = $1 ORDER BY u.seq"
        )))
        .bind(case_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| self.upload_row(r)).collect()
    }

    /// One upload of a case (without its content).
    pub async fn upload(&self, case_id: &CaseId, id: &str) -> Result<Option<UploadRow>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM uploads u JOIN users us ON us.id = u.uploaded_by
             WHERE u.case_id = $1 AND u.id = $2"
        )))
        .bind(case_id)
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| self.upload_row(&r)).transpose()
    }

    fn upload_row(&self, r: &sqlx::any::AnyRow) -> Result<UploadRow> {
        let id: String = r.try_get(0)?;
        let details: String = r.try_get(4)?;
        Ok(UploadRow {
            details: self.keys.open(&place::upload_details(&id), &details)?,
            id,
            media_type: r.try_get(1)?,
            size: r.try_get(2)?,
            pages: r.try_get(3)?,
            role: r.try_get(5)?,
            of_upload: r.try_get(6)?,
            exhibit: r.try_get(7)?,
            uploaded_by: r.try_get(8)?,
            uploaded_at: r.try_get(9)?,
            seq: r.try_get(10)?,
        })
    }

    /// An upload's content (opened: stored sealed).
    pub async fn upload_content(&self, case_id: &CaseId, id: &str) -> Result<Option<Vec<u8>>> {
        let stored: Option<Vec<u8>> =
            sqlx::query_scalar("SELECT content FROM uploads WHERE case_id = $1 AND id = $2")
                .bind(case_id)
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(stored
            .map(|c| self.keys.open_bytes(&place::upload_content(id), c))
            .transpose()?)
    }

    /// Changes what an upload is to the packet, and its details, with the
    /// audit row; whether it is this case's. `of_upload` must be another
    /// upload of the same case (the caller checks what it may be).
    pub async fn place_upload(
        &self,
        case_id: &CaseId,
        id: &str,
        to: &UploadPlace<'_>,
        audit: &Audit<'_>,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "UPDATE uploads SET details = $1, role = $2, of_upload = $3, exhibit = $4
             WHERE case_id = $5 AND id = $6
               AND ($3 IS NULL OR EXISTS (SELECT 1 FROM uploads o WHERE o.id = $3 AND o.case_id = $5 AND o.id <> $6))",
        )
        .bind(self.keys.seal(&place::upload_details(id), to.details))
        .bind(to.role)
        .bind(to.of_upload)
        .bind(to.exhibit)
        .bind(case_id)
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        committed(tx, done, audit, case_id).await
    }

    /// Deletes an upload, with its audit row; whether it was this case's. A
    /// translation or certificate that belonged to it stays, as a document
    /// of its own (never deleted with it).
    pub async fn delete_upload(
        &self,
        case_id: &CaseId,
        id: &str,
        audit: &Audit<'_>,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        sqlx::query(
            "UPDATE uploads SET of_upload = NULL, role = 'document'
             WHERE case_id = $1 AND of_upload = $2",
        )
        .bind(case_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let done = sqlx::query("DELETE FROM uploads WHERE case_id = $1 AND id = $2")
            .bind(case_id)
            .bind(id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        committed(tx, done, audit, case_id).await
    }
}

/// A change of `done` rows: committed with its audit row when there was one
/// (`true`); rolled back otherwise.
async fn committed(
    mut tx: crate::store::WriteTx,
    done: u64,
    audit: &Audit<'_>,
    case_id: &CaseId,
) -> Result<bool> {
    if done == 0 {
        return Ok(false);
    }
    audit.write(&mut tx, None, Some(case_id)).await?;
    tx.commit().await?;
    Ok(true)
}
