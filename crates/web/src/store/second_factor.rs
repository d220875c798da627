//! The second factor: each user's TOTP secret and the last step accepted,
//! their recovery codes (hashes only), sign-ins whose code is still due,
//! and the workspace's rule that every user must have one.
//!
//! The TOTP secret is stored sealed (`crate::crypt`, bound to its user): the
//! database or a backup alone does not make codes.

use sqlx::Row;

use super::{Audit, Db, Result, User, flag, now, place, user};
use crate::domain::UserId;

/// A user's second factor as stored.
#[derive(Debug, Clone, Default)]
pub struct SecondFactor {
    /// The base32 secret: being set up (not yet `enabled`), or in use.
    pub secret: Option<String>,
    /// Confirmed with a code: every sign-in asks for one.
    pub enabled: bool,
    /// Unused recovery codes.
    pub recovery_left: i64,
}

/// Removes a user's second factor in `tx`: the secret, the last step, the
/// recovery codes, and any sign-in waiting for a code.
async fn remove_in(tx: &mut crate::store::WriteTx, user_id: &UserId) -> Result<()> {
    sqlx::query(
        "UPDATE users SET totp_secret = NULL, totp_enabled = 0, totp_last_step = NULL WHERE id = $1",
    )
    .bind(user_id)
    .execute(&mut **tx)
    .await?;
    sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND pending = 1")
        .bind(user_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

impl Db {
    pub async fn second_factor(&self, user_id: &UserId) -> Result<SecondFactor> {
        let row = sqlx::query(
            "SELECT totp_secret, totp_enabled,
                    (SELECT COUNT(*) FROM recovery_codes r WHERE r.user_id = u.id AND r.used_at IS NULL) AS left_
             FROM users u WHERE id = $1",
        )
        .bind(user_id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else {
            return Ok(SecondFactor::default());
        };
        let secret: Option<String> = r.try_get("totp_secret")?;
        Ok(SecondFactor {
            secret: secret
                .map(|s| self.keys.open(&place::totp_secret(user_id), &s))
                .transpose()?,
            enabled: r.try_get::<i64, _>("totp_enabled")? != 0,
            recovery_left: r.try_get("left_")?,
        })
    }

    /// The ids of the users whose second factor is on.
    pub async fn users_with_second_factor(&self) -> Result<Vec<UserId>> {
        let rows = sqlx::query("SELECT id FROM users WHERE totp_enabled = 1")
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(|r| Ok(r.try_get(0)?)).collect()
    }

    /// Starts setting up a second factor with a new secret (replacing one
    /// not yet confirmed), with the audit row. `false`: one is already on.
    pub async fn start_second_factor(
        &self,
        user_id: &UserId,
        secret: &str,
        audit: &Audit<'_>,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let done =
            sqlx::query("UPDATE users SET totp_secret = $1 WHERE id = $2 AND totp_enabled = 0")
                .bind(self.keys.seal(&place::totp_secret(user_id), secret))
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
        if done.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        audit.write(&mut tx, None, None).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Switches the second factor on, confirmed by a code of time step
    /// `step` (which is then used), with new recovery codes (their hashes)
    /// and the audit row. `false`: the secret confirmed is no longer the one
    /// being set up (set up again meanwhile, or already on).
    pub async fn confirm_second_factor(
        &self,
        user_id: &UserId,
        secret: &str,
        step: i64,
        recovery_hashes: &[String],
        audit: &Audit<'_>,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        // The secret is sealed with a random nonce: the one being set up is
        // read and opened, and the update made only if the stored value is
        // still that one (compared sealed, so that a new set-up meanwhile wins).
        let stored: Option<String> =
            sqlx::query("SELECT totp_secret FROM users WHERE id = $1 AND totp_enabled = 0")
                .bind(user_id)
                .fetch_optional(&mut *tx)
                .await?
                .map(|r| r.try_get::<Option<String>, _>(0))
                .transpose()?
                .flatten();
        let same = match &stored {
            Some(s) => self.keys.open(&place::totp_secret(user_id), s)? == secret,
            None => false,
        };
        if !same {
            tx.rollback().await?;
            return Ok(false);
        }
        let done = sqlx::query(
            "UPDATE users SET totp_enabled = 1, totp_last_step = $1
             WHERE id = $2 AND totp_enabled = 0 AND totp_secret = $3",
        )
        .bind(step)
        .bind(user_id)
        .bind(stored)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        sqlx::query("DELETE FROM recovery_codes WHERE user_id = $1")
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        for hash in recovery_hashes {
            sqlx::query("INSERT INTO recovery_codes (user_id, code_hash) VALUES ($1, $2)")
                .bind(user_id)
                .bind(hash)
                .execute(&mut *tx)
                .await?;
        }
        audit.write(&mut tx, None, None).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Takes time step `step` as used by a sign-in: `false` when that step
    /// or a later one was used already, so that a code is accepted once
    /// (RFC 6238, § 5.2). One statement: two sign-ins with the same code at
    /// the same moment cannot both pass.
    pub async fn use_totp_step(&self, user_id: &UserId, step: i64) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE users SET totp_last_step = $1
             WHERE id = $2 AND totp_enabled = 1 AND (totp_last_step IS NULL OR totp_last_step < $1)",
        )
        .bind(step)
        .bind(user_id)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Uses the recovery code of this hash, once: `false` when the user has
    /// no such unused code.
    pub async fn use_recovery_code(&self, user_id: &UserId, code_hash: &str) -> Result<bool> {
        let done = sqlx::query(
            "UPDATE recovery_codes SET used_at = $1
             WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL",
        )
        .bind(now())
        .bind(user_id)
        .bind(code_hash)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Removes a user's second factor (they turned it off, or an
    /// administrator reset it), with the audit row.
    pub async fn remove_second_factor(&self, user_id: &UserId, audit: &Audit<'_>) -> Result<()> {
        let mut tx = self.write().await?;
        remove_in(&mut tx, user_id).await?;
        audit.write(&mut tx, None, None).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The same, within an administrator's change of a user.
    pub(super) async fn remove_second_factor_in(
        tx: &mut crate::store::WriteTx,
        user_id: &UserId,
    ) -> Result<()> {
        remove_in(tx, user_id).await
    }

    /// Whether every user must have a second factor.
    pub async fn second_factor_required(&self) -> Result<bool> {
        let row = sqlx::query("SELECT require_second_factor FROM security_policy WHERE id = 1")
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(r) => r.try_get::<i64, _>(0)? != 0,
            None => false,
        })
    }

    pub async fn set_second_factor_required(
        &self,
        required: bool,
        audit: &Audit<'_>,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query("UPDATE security_policy SET require_second_factor = $1 WHERE id = 1")
            .bind(flag(required))
            .execute(&mut *tx)
            .await?;
        audit.write(&mut tx, None, None).await?;
        tx.commit().await?;
        Ok(())
    }

    // ----- sign-ins whose code is due -----

    /// A sign-in whose password was right and whose code is still due: a
    /// session row that signs no one in ([`Db::session`] skips it).
    pub async fn add_pending_session(
        &self,
        token_hash: &str,
        user_id: &UserId,
        expires_at: &str,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, csrf, created_at, expires_at, pending)
             VALUES ($1, $2, '', $3, $4, 1)",
        )
        .bind(token_hash)
        .bind(user_id)
        .bind(now())
        .bind(expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The active user of an unexpired sign-in whose code is due.
    pub async fn pending_session(&self, token_hash: &str) -> Result<Option<User>> {
        let row = sqlx::query(
            "SELECT u.id, u.name, u.role, u.active FROM sessions s
             JOIN users u ON u.id = s.user_id
             WHERE s.token_hash = $1 AND s.pending = 1 AND s.expires_at > $2 AND u.active = 1",
        )
        .bind(token_hash)
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(user).transpose()
    }
}
