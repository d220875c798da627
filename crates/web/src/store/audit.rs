//! The audit log: append-only (the migrations refuse updates and deletes),
//! and written in the same transaction as the change it records.

use sqlx::Row;

use super::{AuditEntry, Db, Result, User, now};

/// Which audit entries to list (`None`: any).
#[derive(Debug, Default, Clone)]
pub struct AuditFilter {
    pub action: Option<AuditAction>,
    /// A user's name.
    pub user: Option<String>,
    pub case_number: Option<String>,
    /// From this moment on, and before that one (the caller turns the days
    /// a user asks for into moments in the user's time zone).
    pub from: Option<jiff::Timestamp>,
    pub before: Option<jiff::Timestamp>,
    /// At most this many (0: 500), after skipping `offset`.
    pub limit: i64,
    pub offset: i64,
}
use crate::domain::{AuditAction, CaseId};

/// Who did what: one row of the audit log, before it is written. Details
/// never carry facts, only what happened.
pub struct Audit<'a> {
    pub by: By<'a>,
    pub action: AuditAction,
    pub case_id: Option<&'a CaseId>,
    pub detail: String,
    pub ip: Option<&'a str>,
}

/// Who acted.
#[derive(Clone, Copy)]
pub enum By<'a> {
    User(&'a User),
    /// The user that the change itself creates (the first administrator).
    NewUser,
    /// No one signed in (the command line).
    Nobody,
}

/// The longest detail an audit row keeps, in characters: a row records
/// what happened, never a document.
pub const MAX_DETAIL_CHARS: usize = 500;

/// `detail`, cut to [`MAX_DETAIL_CHARS`] (marked with an ellipsis).
fn bounded(detail: &str) -> std::borrow::Cow<'_, str> {
    match detail.char_indices().nth(MAX_DETAIL_CHARS) {
        None => detail.into(),
        Some((at, _)) => format!("{}…", &detail[..at]).into(),
    }
}

impl<'a> Audit<'a> {
    /// An action of `by` from address `ip`.
    pub fn new(
        by: By<'a>,
        ip: Option<&'a str>,
        action: AuditAction,
        detail: impl Into<String>,
    ) -> Audit<'a> {
        Audit {
            by,
            action,
            case_id: None,
            detail: detail.into(),
            ip,
        }
    }

    /// The same, on a case.
    pub fn on(mut self, case_id: &'a CaseId) -> Audit<'a> {
        self.case_id = Some(case_id);
        self
    }

    /// Writes the row in `tx`: it commits with the change, or neither does.
    /// `new_user` stands for [`By::NewUser`].
    pub(super) async fn write(
        &self,
        tx: &mut crate::store::WriteTx,
        new_user: Option<&User>,
        case_id: Option<&CaseId>,
    ) -> Result<()> {
        let user = match self.by {
            By::User(u) => Some(u),
            By::NewUser => new_user,
            By::Nobody => None,
        };
        sqlx::query(
            "INSERT INTO audit_log (at, user_id, user_name, action, case_id, detail, ip)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(now())
        .bind(user.map(|u| u.id.as_str()))
        .bind(user.map(|u| u.name.as_str()))
        .bind(self.action.code())
        .bind(case_id.or(self.case_id))
        .bind(bounded(&self.detail).into_owned())
        .bind(self.ip)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }
}

impl Db {
    /// Records an action that changes nothing (a view, an export, a sign-in).
    pub async fn audit(&self, entry: &Audit<'_>) -> Result<()> {
        let mut tx = self.write().await?;
        entry.write(&mut tx, None, None).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The latest audit entries, newest first, optionally of one action.
    /// The latest audit entries, newest first, of one action only (or all).
    pub async fn audit_log(
        &self,
        action: Option<AuditAction>,
        limit: i64,
    ) -> Result<Vec<AuditEntry>> {
        let filter = AuditFilter {
            action,
            limit,
            ..Default::default()
        };
        self.audit_entries(&filter).await
    }

    /// The audit entries `filter` selects, newest first.
    pub async fn audit_entries(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>> {
        let rows = sqlx::query(
            "SELECT a.id, a.at, a.user_name, a.action, a.case_id, a.detail, a.ip, c.number FROM audit_log a
             LEFT JOIN cases c ON c.id = a.case_id
             WHERE ($1 = '' OR a.action = $1)
               AND ($2 = '' OR a.user_name = $2)
               AND ($3 = '' OR c.number = $3)
               AND ($4 = '' OR a.at >= $4)
               AND ($5 = '' OR a.at < $5)
             ORDER BY a.id DESC LIMIT $6 OFFSET $7",
        )
        .bind(filter.action.map_or("", AuditAction::code))
        .bind(filter.user.as_deref().unwrap_or(""))
        .bind(filter.case_number.as_deref().unwrap_or(""))
        .bind(filter.from.map(super::stored_time).unwrap_or_default())
        .bind(filter.before.map(super::stored_time).unwrap_or_default())
        .bind(if filter.limit > 0 { filter.limit } else { 500 })
        .bind(filter.offset.max(0))
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
                    case_number: r.try_get(7)?,
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
