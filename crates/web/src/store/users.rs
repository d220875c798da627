//! Users, sessions, API and calendar tokens.

use std::time::{Duration, Instant};

use sqlx::Row;

use super::{
    Audit, Db, DbError, Result, TOKEN_CACHE_SECONDS, TokenCache, User, UserChange, flag, now, user,
};
use crate::Role;
use crate::domain::{TokenId, UserId};

impl Db {
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
    pub async fn add_user(
        &self,
        name: &str,
        password_hash: &str,
        role: Role,
        audit: &Audit<'_>,
    ) -> Result<User> {
        let id = UserId::new(crate::secret::random_id());
        let mut tx = self.write().await?;
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
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            // At once: a dropped transaction rolls back only when its
            // connection is next used, and holds SQLite's write lock till then.
            tx.rollback().await?;
            return Err(DbError::Conflict(format!(
                "the user name {name:?} is taken"
            )));
        }
        let user = User {
            id,
            name: name.to_string(),
            role,
            active: true,
        };
        audit.write(&mut tx, Some(&user), None).await?;
        tx.commit().await?;
        Ok(user)
    }

    /// A user and their password hash, by name.
    /// The user of a name as typed (NFKC-normalised, as names are stored:
    /// `domain::user::normal_name`), and their password hash.
    pub async fn user_by_name(&self, name: &str) -> Result<Option<(User, String)>> {
        let row =
            sqlx::query("SELECT id, name, role, active, password_hash FROM users WHERE name = $1")
                .bind(crate::domain::user::normal_name(name))
                .fetch_optional(&self.pool)
                .await?;
        row.map(|r| Ok((user(&r)?, r.try_get("password_hash")?)))
            .transpose()
    }

    pub async fn user_by_id(&self, id: &UserId) -> Result<Option<User>> {
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

    /// An administrator's change of another user: a new password (their
    /// sessions, API tokens and calendar feed end), a role, or deactivation (their sessions end) or
    /// reactivation, with the audit row of each, in one transaction.
    pub async fn change_user(
        &self,
        user_id: &UserId,
        change: &UserChange<'_>,
        audits: &[Audit<'_>],
    ) -> Result<()> {
        let mut tx = self.write().await?;
        if let Some(hash) = change.password_hash {
            sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                .bind(hash)
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
        }
        if let Some(role) = change.role {
            sqlx::query("UPDATE users SET role = $1 WHERE id = $2")
                .bind(role.as_str())
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
        }
        if let Some(active) = change.active {
            sqlx::query("UPDATE users SET active = $1 WHERE id = $2")
                .bind(flag(active))
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
        }
        if change.password_hash.is_some() || change.active == Some(false) {
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
        }
        if change.password_hash.is_some() || change.revoke_tokens {
            // A reset password means the old one may be known: what it
            // could have made goes too, the API tokens and the calendar
            // feed's address (issue 15: both kept working after a reset).
            sqlx::query(
                "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
            )
            .bind(now())
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
            sqlx::query("UPDATE users SET calendar_token_hash = NULL WHERE id = $1")
                .bind(user_id)
                .execute(&mut *tx)
                .await?;
        }
        if change.reset_second_factor {
            Db::remove_second_factor_in(&mut tx, user_id).await?;
        }
        for audit in audits {
            audit.write(&mut tx, None, None).await?;
        }
        tx.commit().await?;
        self.forget_tokens();
        Ok(())
    }

    /// Sets a user's own password hash and ends their other sessions but
    /// `keep` (the one that asked), with the audit row.
    pub async fn set_password(
        &self,
        user_id: &UserId,
        password_hash: &str,
        keep: &str,
        audit: &Audit<'_>,
    ) -> Result<()> {
        let mut tx = self.write().await?;
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
        audit.write(&mut tx, None, None).await?;
        tx.commit().await?;
        Ok(())
    }

    // ----- sessions and tokens -----

    pub async fn add_session(
        &self,
        token_hash: &str,
        user_id: &UserId,
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

    /// The active user of an unexpired, signed-in session (not one whose
    /// second factor is still due), with the session's CSRF token, the time
    /// zone the user chose, and whether they must set up a second factor
    /// before anything else (the workspace requires one and theirs is not on).
    pub async fn session(&self, token_hash: &str) -> Result<Option<SessionRow>> {
        let row = sqlx::query(
            "SELECT u.id, u.name, u.role, u.active, u.time_zone, u.language, s.csrf,
                    CASE WHEN u.totp_enabled = 0 AND EXISTS (
                        SELECT 1 FROM security_policy p WHERE p.require_second_factor = 1
                    ) THEN 1 ELSE 0 END AS must_enrol
             FROM sessions s
             JOIN users u ON u.id = s.user_id
             WHERE s.token_hash = $1 AND s.pending = 0 AND s.expires_at > $2 AND u.active = 1",
        )
        .bind(token_hash)
        .bind(now())
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(SessionRow {
                user: user(&r)?,
                csrf: r.try_get("csrf")?,
                time_zone: r.try_get("time_zone")?,
                language: r.try_get("language")?,
                must_enrol: r.try_get::<i64, _>("must_enrol")? != 0,
            })
        })
        .transpose()
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
        user_id: &UserId,
        name: &str,
        token_hash: &str,
        audit: &Audit<'_>,
    ) -> Result<TokenId> {
        let mut tx = self.write().await?;
        let id = TokenId::new(crate::secret::random_id());
        sqlx::query(
            "INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&id)
        .bind(user_id)
        .bind(name)
        .bind(token_hash)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        audit.write(&mut tx, None, None).await?;
        tx.commit().await?;
        Ok(id)
    }

    /// The active user of an unrevoked API token. Found tokens are remembered
    /// for [`TOKEN_CACHE_SECONDS`]: the lookup cost more than an assessment.
    pub async fn api_token_user(&self, token_hash: &str) -> Result<Option<User>> {
        let (cached, generation) = {
            let cache = self.cache();
            (cache.users.get(token_hash).cloned(), cache.generation)
        };
        if let Some((user, at)) = cached
            && at.elapsed() < Duration::from_secs(TOKEN_CACHE_SECONDS)
        {
            return Ok(Some(user));
        }
        let found = self.api_token_user_uncached(token_hash).await?;
        let mut cache = self.cache();
        match &found {
            // Only if nothing was forgotten while the database was read.
            Some(u) if cache.generation == generation => {
                cache
                    .users
                    .insert(token_hash.to_string(), (u.clone(), Instant::now()));
            }
            _ => {
                cache.users.remove(token_hash);
            }
        }
        Ok(found)
    }

    fn cache(&self) -> std::sync::MutexGuard<'_, TokenCache> {
        self.token_cache.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Forgets every cached token, once the revocation or the change of role
    /// or status has committed, and keeps lookups that began before from
    /// caching what they read.
    fn forget_tokens(&self) {
        let mut cache = self.cache();
        cache.users.clear();
        cache.generation += 1;
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
        user_id: &UserId,
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

    pub async fn revoke_api_token(
        &self,
        user_id: &UserId,
        token_id: &TokenId,
        audit: &Audit<'_>,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "UPDATE api_tokens SET revoked_at = $1 WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL",
        )
        .bind(now())
        .bind(token_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
        audit.write(&mut tx, None, None).await?;
        tx.commit().await?;
        self.forget_tokens();
        Ok(done.rows_affected() == 1)
    }

    /// Sets (or with `None`, revokes) the hash of a user's calendar-feed token.
    pub async fn set_calendar_token(
        &self,
        user_id: &UserId,
        token_hash: Option<&str>,
        audit: &Audit<'_>,
    ) -> Result<()> {
        self.set_user_text(UserText::CalendarTokenHash, user_id, token_hash, audit)
            .await
    }

    /// Sets the time zone a user's pages show times in (an IANA name the
    /// caller checked; `None`: the server's).
    pub async fn set_time_zone(
        &self,
        user_id: &UserId,
        time_zone: Option<&str>,
        audit: &Audit<'_>,
    ) -> Result<()> {
        self.set_user_text(UserText::TimeZone, user_id, time_zone, audit)
            .await
    }

    /// Sets the language a user's pages are written in (a language code
    /// the caller checked; `None`: the browser's).
    pub async fn set_language(
        &self,
        user_id: &UserId,
        language: Option<&str>,
        audit: &Audit<'_>,
    ) -> Result<()> {
        self.set_user_text(UserText::Language, user_id, language, audit)
            .await
    }

    /// Sets one of a user's optional texts, with its audit row.
    async fn set_user_text(
        &self,
        column: UserText,
        user_id: &UserId,
        value: Option<&str>,
        audit: &Audit<'_>,
    ) -> Result<()> {
        let sql = match column {
            UserText::CalendarTokenHash => {
                "UPDATE users SET calendar_token_hash = $1 WHERE id = $2"
            }
            UserText::TimeZone => "UPDATE users SET time_zone = $1 WHERE id = $2",
            UserText::Language => "UPDATE users SET language = $1 WHERE id = $2",
        };
        let mut tx = self.write().await?;
        sqlx::query(sql)
            .bind(value)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        audit.write(&mut tx, None, None).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn has_calendar_token(&self, user_id: &UserId) -> Result<bool> {
        let row = sqlx::query("SELECT calendar_token_hash FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(r) => r.try_get::<Option<String>, _>(0)?.is_some(),
            None => false,
        })
    }

    /// The language a user chose (`None`: none), for what is read without
    /// a session (the calendar feeds).
    pub async fn user_language(&self, user: &UserId) -> Result<Option<String>> {
        let row = sqlx::query("SELECT language FROM users WHERE id = $1")
            .bind(user.as_str())
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.and_then(|r| r.try_get("language").ok()).flatten())
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
}

/// A user's optional texts that are set on their own.
#[derive(Clone, Copy)]
enum UserText {
    CalendarTokenHash,
    TimeZone,
    Language,
}

/// A signed-in session as [`Db::session`] reads it.
pub struct SessionRow {
    pub user: User,
    /// The session's CSRF token.
    pub csrf: String,
    /// The time zone the user chose (`None`: the server's).
    pub time_zone: Option<String>,
    /// The language the user chose, a code of `refuge_i18n` (`None`: the
    /// browser's).
    pub language: Option<String>,
    /// Whether the user must set up a second factor before anything else.
    pub must_enrol: bool,
}
