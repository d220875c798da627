//! Cases: their facts and its history, deadlines, members and notes.

use sqlx::Row;

use super::{
    Audit, CASE_COLUMNS, CaseFilter, CaseRow, Db, DbError, DeadlineFilter, DeadlineRow,
    FactsVersion, NewDeadline, Note, OPEN_SQL, Result, User, VISIBLE_TO_USER, Version, case, flag,
    next_open, now, place, user,
};

use crate::domain::{CaseId, UserId};

/// A unique index's refusal (two creators took the same number at once, on
/// PostgreSQL) as the conflict it is, which `create_case` retries.
fn taken(e: sqlx::Error) -> DbError {
    match &e {
        sqlx::Error::Database(d) if d.is_unique_violation() => {
            DbError::Conflict("the case number is taken".into())
        }
        _ => e.into(),
    }
}

/// The case list's filter and order, with `$3` archived (0/1) and `$4` a
/// day the next deadline must be on or before ('' for any).
const LISTED: &str = "c.archived = $3
       AND ($4 = '' OR (c.next_deadline IS NOT NULL AND c.next_deadline <= $4))
     ORDER BY CASE WHEN c.next_deadline IS NULL THEN 1 ELSE 0 END, c.next_deadline, c.number";

impl Db {
    /// Creates a case with its first facts version, assigned to its creator.
    /// Without a number, the next free `YYYY-NNNN` of the current year (two
    /// cases opened at the same moment may count alike: the second tries the
    /// next number).
    ///
    /// # Errors
    /// [`DbError::Conflict`] when the number given is taken.
    pub async fn create_case(
        &self,
        by: &User,
        number: Option<&str>,
        client_name: &str,
        first: &Version<'_>,
        audit: &Audit<'_>,
    ) -> Result<CaseRow> {
        let mut attempt = 0;
        loop {
            match self
                .insert_case(by, number, client_name, first, audit)
                .await
            {
                Err(DbError::Conflict(_)) if number.is_none() && attempt < 20 => attempt += 1,
                done => return done,
            }
        }
    }

    async fn insert_case(
        &self,
        by: &User,
        number: Option<&str>,
        client_name: &str,
        first: &Version<'_>,
        audit: &Audit<'_>,
    ) -> Result<CaseRow> {
        let Version {
            facts,
            search_text,
            changes,
            deadlines,
            stamp,
        } = *first;
        let id = CaseId::new(crate::secret::random_id());
        let at = now();
        let mut tx = self.write().await?;
        if self.backend == super::Backend::Postgres {
            // One creator at a time counts and takes the next number (on
            // SQLite the write transaction already holds the only write lock);
            // readers are not held up.
            sqlx::query("LOCK TABLE cases IN SHARE ROW EXCLUSIVE MODE")
                .execute(&mut *tx)
                .await?;
        }
        let number = match number {
            Some(n) => n.to_string(),
            None => {
                let year = &at[..4];
                let count: i64 = sqlx::query("SELECT COUNT(*) FROM cases WHERE number LIKE $1")
                    .bind(format!("{year}-%"))
                    .fetch_one(&mut *tx)
                    .await?
                    .try_get(0)?;
                format!("{year}-{:04}", count + 1)
            }
        };
        let done = sqlx::query(
            "INSERT INTO cases (id, number, client_name, facts, version, archived, created_by, created_at, updated_at, search_text)
             SELECT $1, $2, $3, $4, 1, 0, $5, $6, $6, $7
             WHERE NOT EXISTS (SELECT 1 FROM cases WHERE number = $2)",
        )
        .bind(&id)
        .bind(&number)
        .bind(client_name)
        .bind(self.keys.seal(&place::case_facts(&id), facts))
        .bind(&by.id)
        .bind(&at)
        .bind(self.keys.seal(&place::case_search_text(&id), search_text))
        .execute(&mut *tx)
        .await;
        let done = match done {
            Ok(done) => done,
            Err(e) => {
                tx.rollback().await?;
                return Err(taken(e));
            }
        };
        if done.rows_affected() == 0 {
            // At once: a dropped transaction rolls back only when its
            // connection is next used, and holds SQLite's write lock till then.
            tx.rollback().await?;
            return Err(DbError::Conflict(format!(
                "the case number {number:?} is taken"
            )));
        }
        sqlx::query("INSERT INTO case_members (case_id, user_id) VALUES ($1, $2)")
            .bind(&id)
            .bind(&by.id)
            .execute(&mut *tx)
            .await?;
        self.add_version(&mut tx, &id, 1, facts, changes, by, &at)
            .await?;
        let next_deadline = next_open(deadlines);
        sqlx::query("UPDATE cases SET next_deadline = $1 WHERE id = $2")
            .bind(&next_deadline)
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        Self::replace_deadlines(&mut tx, &id, deadlines).await?;
        if let Some(stamp) = &stamp {
            self.put_stamp(&mut tx, &id, 1, stamp).await?;
        }
        let opened = Audit {
            detail: format!("case {number} opened{}", audit.detail),
            ..*audit
        };
        opened.write(&mut tx, None, Some(&id)).await?;
        tx.commit().await?;
        Ok(CaseRow {
            id,
            number,
            client_name: client_name.to_string(),
            facts: facts.to_string(),
            version: 1,
            archived: false,
            next_deadline,
            client_language: "en".into(),
            created_at: at.clone(),
            updated_at: at,
        })
    }

    /// The case, if `user` may see it: admins see every case, others the
    /// cases they are assigned to. `None` both when it does not exist and
    /// when it is someone else's, so that neither can be told apart.
    pub async fn case_for(&self, user: &User, case_id: &CaseId) -> Result<Option<CaseRow>> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {CASE_COLUMNS} FROM cases c WHERE {VISIBLE_TO_USER} AND c.id = $3"
        )))
        .bind(user.role.as_str())
        .bind(&user.id)
        .bind(case_id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(|r| case(&self.keys, r)).transpose()
    }

    /// The cases `user` may see, soonest next deadline first, then by number.
    ///
    /// A search matches the client's name, the case number, the facts'
    /// free text or a note. The last two are sealed: they are opened and
    /// matched here, over the cases the user may see (`VISIBLE_TO_USER` in
    /// every query), never by the database.
    pub async fn cases_for(&self, user: &User, filter: &CaseFilter) -> Result<Vec<CaseRow>> {
        let limit = if filter.limit > 0 { filter.limit } else { 500 };
        let needle = filter
            .search
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_lowercase);
        let Some(needle) = needle else {
            let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
                "SELECT {CASE_COLUMNS} FROM cases c WHERE {VISIBLE_TO_USER} AND {LISTED} LIMIT $5"
            )))
            .bind(user.role.as_str())
            .bind(&user.id)
            .bind(flag(filter.archived))
            .bind(filter.due_by.clone().unwrap_or_default())
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
            return rows.iter().map(|r| case(&self.keys, r)).collect();
        };
        // Every candidate, in order, without its facts (read for the matches only).
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT c.id, c.number, c.client_name, c.search_text FROM cases c
             WHERE {VISIBLE_TO_USER} AND {LISTED}"
        )))
        .bind(user.role.as_str())
        .bind(&user.id)
        .bind(flag(filter.archived))
        .bind(filter.due_by.clone().unwrap_or_default())
        .fetch_all(&self.pool)
        .await?;
        let notes = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT n.case_id, n.id, n.body FROM notes n JOIN cases c ON c.id = n.case_id
             WHERE {VISIBLE_TO_USER} AND c.archived = $3 AND n.deleted = 0"
        )))
        .bind(user.role.as_str())
        .bind(&user.id)
        .bind(flag(filter.archived))
        .fetch_all(&self.pool)
        .await?;
        let mut notes_of: std::collections::HashMap<String, Vec<(String, String)>> =
            std::collections::HashMap::new();
        for n in &notes {
            notes_of
                .entry(n.try_get(0)?)
                .or_default()
                .push((n.try_get(1)?, n.try_get(2)?));
        }
        let mut found: Vec<CaseId> = Vec::new();
        for r in &rows {
            if found.len() as i64 >= limit {
                break;
            }
            if self.matches(r, &needle, &notes_of)? {
                found.push(r.try_get("id")?);
            }
        }
        if found.is_empty() {
            return Ok(Vec::new());
        }
        let ids = (0..found.len())
            .map(|i| format!("${}", i + 3))
            .collect::<Vec<_>>()
            .join(", ");
        let mut q = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {CASE_COLUMNS} FROM cases c WHERE {VISIBLE_TO_USER} AND c.id IN ({ids})"
        )))
        .bind(user.role.as_str())
        .bind(&user.id);
        for id in &found {
            q = q.bind(id);
        }
        let mut cases = q
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| case(&self.keys, r))
            .collect::<Result<Vec<_>>>()?;
        cases.sort_by_key(|c| found.iter().position(|id| *id == c.id));
        Ok(cases)
    }

    /// Whether the case of row `r` (with its `search_text`) matches
    /// `needle` (lower case): its name or number, else its opened free
    /// text, else one of its opened notes.
    fn matches(
        &self,
        r: &sqlx::any::AnyRow,
        needle: &str,
        notes_of: &std::collections::HashMap<String, Vec<(String, String)>>,
    ) -> Result<bool> {
        let id: CaseId = r.try_get("id")?;
        let plain = |column: &str| -> Result<bool> {
            Ok(r.try_get::<String, _>(column)?
                .to_lowercase()
                .contains(needle))
        };
        if plain("client_name")? || plain("number")? {
            return Ok(true);
        }
        if let Some(text) = r.try_get::<Option<String>, _>("search_text")? {
            let text = self.keys.open(&place::case_search_text(&id), &text)?;
            if text.contains(needle) {
                return Ok(true);
            }
        }
        for (note, body) in notes_of.get(id.as_str()).into_iter().flatten() {
            if self
                .keys
                .open(&place::note(note), body)?
                .to_lowercase()
                .contains(needle)
            {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Saves a new version of a case's facts, unless someone saved another
    /// since `expected_version` was read (then [`DbError::Conflict`]: nothing
    /// is lost, the caller shows what was typed against the newer version).
    /// The case's deadlines are replaced in the same transaction.
    pub async fn save_facts(
        &self,
        by: &User,
        case_id: &CaseId,
        expected_version: i64,
        new: &Version<'_>,
        audit: &Audit<'_>,
    ) -> Result<i64> {
        self.save_facts_deciding(by, case_id, expected_version, new, audit, None)
            .await
    }

    /// [`Db::save_facts`], and the decision on a client's intake answer
    /// that made the new version, in the same transaction (nothing is
    /// saved if the answer was decided meanwhile).
    pub async fn save_facts_deciding(
        &self,
        by: &User,
        case_id: &CaseId,
        expected_version: i64,
        new: &Version<'_>,
        audit: &Audit<'_>,
        decision: Option<&super::IntakeDecision<'_>>,
    ) -> Result<i64> {
        let Version {
            facts,
            search_text,
            changes,
            deadlines,
            stamp,
        } = *new;
        let at = now();
        let version = expected_version + 1;
        let next = next_open(deadlines);
        let mut tx = self.write().await?;
        if let Some(d) = decision
            && !self.decide_in(&mut tx, case_id, d, Some(version)).await?
        {
            tx.rollback().await?;
            return Err(super::intake::already_decided());
        }
        let done = sqlx::query(
            "UPDATE cases SET facts = $1, version = $2, updated_at = $3, next_deadline = $4, search_text = $7
             WHERE id = $5 AND version = $6",
        )
        .bind(self.keys.seal(&place::case_facts(case_id), facts))
        .bind(version)
        .bind(&at)
        .bind(next)
        .bind(case_id)
        .bind(expected_version)
        .bind(self.keys.seal(&place::case_search_text(case_id), search_text))
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            // At once: a dropped transaction rolls back only when its
            // connection is next used, and holds SQLite's write lock till then.
            tx.rollback().await?;
            return Err(DbError::Conflict(
                "the facts were changed by someone else since this page was opened".into(),
            ));
        }
        self.add_version(&mut tx, case_id, version, facts, changes, by, &at)
            .await?;
        Self::replace_deadlines(&mut tx, case_id, deadlines).await?;
        if let Some(stamp) = &stamp {
            self.put_stamp(&mut tx, case_id, version, stamp).await?;
        }
        audit.write(&mut tx, None, Some(case_id)).await?;
        tx.commit().await?;
        Ok(version)
    }

    /// The cases whose facts' free text was never kept for the search (cases
    /// made before it was), with their version and facts: at most `limit`
    /// of them.
    pub async fn cases_without_search_text(
        &self,
        limit: i64,
    ) -> Result<Vec<(CaseId, i64, String)>> {
        let rows = sqlx::query(
            "SELECT id, version, facts FROM cases WHERE search_text IS NULL ORDER BY id LIMIT $1",
        )
        .bind(limit)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let id: CaseId = r.try_get("id")?;
                let facts = self
                    .keys
                    .open(&place::case_facts(&id), &r.try_get::<String, _>("facts")?)?;
                Ok((id, r.try_get("version")?, facts))
            })
            .collect()
    }

    /// Keeps a case's facts' free text for the search, if its facts are
    /// still those of `version` (a save meanwhile kept its own). It records
    /// nothing the audit log knows: it is derived from facts already saved.
    pub async fn set_search_text(&self, case_id: &CaseId, version: i64, text: &str) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query("UPDATE cases SET search_text = $1 WHERE id = $2 AND version = $3")
            .bind(self.keys.seal(&place::case_search_text(case_id), text))
            .bind(case_id)
            .bind(version)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records a version of a case's facts in its history.
    #[allow(clippy::too_many_arguments)]
    async fn add_version(
        &self,
        tx: &mut crate::store::WriteTx,
        case_id: &CaseId,
        version: i64,
        facts: &str,
        changes: &str,
        by: &User,
        at: &str,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO facts_history (case_id, version, facts, changes, changed_by, changed_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(case_id)
        .bind(version)
        .bind(
            self.keys
                .seal(&place::version_facts(case_id, version), facts),
        )
        .bind(
            self.keys
                .seal(&place::version_changes(case_id, version), changes),
        )
        .bind(&by.id)
        .bind(at)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    pub(super) async fn replace_deadlines(
        tx: &mut crate::store::WriteTx,
        case_id: &CaseId,
        deadlines: &[NewDeadline<'_>],
    ) -> Result<()> {
        sqlx::query("DELETE FROM deadlines WHERE case_id = $1")
            .bind(case_id)
            .execute(&mut **tx)
            .await?;
        for d in deadlines {
            sqlx::query(
                "INSERT INTO deadlines (case_id, deadline_id, label, date, status, kind) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(case_id)
            .bind(d.id)
            .bind(d.label)
            .bind(&d.date)
            .bind(d.status)
            .bind(d.kind)
            .execute(&mut **tx)
            .await?;
        }
        Ok(())
    }

    pub async fn set_archived(
        &self,
        case_id: &CaseId,
        archived: bool,
        audit: &Audit<'_>,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query("UPDATE cases SET archived = $1, updated_at = $2 WHERE id = $3")
            .bind(flag(archived))
            .bind(now())
            .bind(case_id)
            .execute(&mut *tx)
            .await?;
        audit.write(&mut tx, None, Some(case_id)).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn facts_history(&self, case_id: &CaseId) -> Result<Vec<FactsVersion>> {
        let rows = sqlx::query(
            "SELECT h.version, h.facts, h.changes, u.name, h.changed_at FROM facts_history h
             JOIN users u ON u.id = h.changed_by WHERE h.case_id = $1 ORDER BY h.version DESC",
        )
        .bind(case_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let version = r.try_get(0)?;
                let facts: String = r.try_get(1)?;
                let changes: String = r.try_get(2)?;
                Ok(FactsVersion {
                    version,
                    facts: self
                        .keys
                        .open(&place::version_facts(case_id, version), &facts)?,
                    changes: self
                        .keys
                        .open(&place::version_changes(case_id, version), &changes)?,
                    changed_by: r.try_get(3)?,
                    changed_at: r.try_get(4)?,
                })
            })
            .collect()
    }

    // ----- members and notes -----

    pub async fn members(&self, case_id: &CaseId) -> Result<Vec<User>> {
        let rows = sqlx::query(
            "SELECT u.id, u.name, u.role, u.active FROM case_members m JOIN users u ON u.id = m.user_id
             WHERE m.case_id = $1 ORDER BY u.name",
        )
        .bind(case_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(user).collect()
    }

    pub async fn add_member(
        &self,
        case_id: &CaseId,
        user_id: &UserId,
        audit: &Audit<'_>,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO case_members (case_id, user_id) SELECT $1, $2
             WHERE NOT EXISTS (SELECT 1 FROM case_members WHERE case_id = $1 AND user_id = $2)",
        )
        .bind(case_id)
        .bind(user_id)
        .execute(&mut *tx)
        .await?;
        audit.write(&mut tx, None, Some(case_id)).await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn remove_member(
        &self,
        case_id: &CaseId,
        user_id: &UserId,
        audit: &Audit<'_>,
    ) -> Result<()> {
        let mut tx = self.write().await?;
        sqlx::query("DELETE FROM case_members WHERE case_id = $1 AND user_id = $2")
            .bind(case_id)
            .bind(user_id)
            .execute(&mut *tx)
            .await?;
        audit.write(&mut tx, None, Some(case_id)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Adds a note, once per `submit_key` (the key its form carried): a
    /// second submit of the same form adds nothing and answers `false`.
    pub async fn add_note(
        &self,
        case_id: &CaseId,
        author: &User,
        body: &str,
        submit_key: &str,
        audit: &Audit<'_>,
    ) -> Result<bool> {
        let id = crate::secret::random_id();
        let at = now();
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "INSERT INTO notes (id, case_id, author_id, body, created_at, version, deleted, submit_key)
             SELECT $1, $2, $3, $4, $5, 1, 0, $6
             WHERE NOT EXISTS (SELECT 1 FROM notes WHERE case_id = $2 AND submit_key = $6)",
        )
        .bind(&id)
        .bind(case_id)
        .bind(&author.id)
        .bind(self.keys.seal(&place::note(&id), body))
        .bind(&at)
        .bind(submit_key)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            tx.rollback().await?;
            return Ok(false);
        }
        self.add_note_version(&mut tx, &id, 1, body, false, author, &at)
            .await?;
        audit.write(&mut tx, None, Some(case_id)).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// A new version of a note: its new text, or (`body` `None`) its
    /// removal. Refused ([`DbError::Conflict`]) when the note changed since
    /// `expected_version` was read, or is gone.
    pub async fn change_note(
        &self,
        case_id: &CaseId,
        note_id: &str,
        by: &User,
        expected_version: i64,
        body: Option<&str>,
        audit: &Audit<'_>,
    ) -> Result<()> {
        let at = now();
        let mut tx = self.write().await?;
        let done = sqlx::query(
            "UPDATE notes SET body = COALESCE($1, body), deleted = $2, version = version + 1
             WHERE id = $3 AND case_id = $4 AND version = $5 AND deleted = 0",
        )
        .bind(body.map(|b| self.keys.seal(&place::note(note_id), b)))
        .bind(flag(body.is_none()))
        .bind(note_id)
        .bind(case_id)
        .bind(expected_version)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            tx.rollback().await?;
            return Err(DbError::Conflict(
                "this note was changed or removed by someone else since the page was opened; nothing was saved".into(),
            ));
        }
        let (text,): (String,) = sqlx::query_as("SELECT body FROM notes WHERE id = $1")
            .bind(note_id)
            .fetch_one(&mut *tx)
            .await?;
        let text = self.keys.open(&place::note(note_id), &text)?;
        let version = expected_version + 1;
        self.add_note_version(&mut tx, note_id, version, &text, body.is_none(), by, &at)
            .await?;
        audit.write(&mut tx, None, Some(case_id)).await?;
        tx.commit().await?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    async fn add_note_version(
        &self,
        tx: &mut crate::store::WriteTx,
        note_id: &str,
        version: i64,
        body: &str,
        deleted: bool,
        by: &User,
        at: &str,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO note_versions (note_id, version, body, deleted, changed_by, changed_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(note_id)
        .bind(version)
        .bind(self.keys.seal(&place::note_version(note_id, version), body))
        .bind(flag(deleted))
        .bind(&by.id)
        .bind(at)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// A case's notes, newest first (removed ones are kept in their versions only).
    pub async fn notes(&self, case_id: &CaseId) -> Result<Vec<Note>> {
        let rows = sqlx::query(
            "SELECT n.id, u.id, u.name, n.body, n.created_at, n.version FROM notes n
             JOIN users u ON u.id = n.author_id
             WHERE n.case_id = $1 AND n.deleted = 0 ORDER BY n.created_at DESC, n.id",
        )
        .bind(case_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let id: String = r.try_get(0)?;
                let body: String = r.try_get(3)?;
                Ok(Note {
                    body: self.keys.open(&place::note(&id), &body)?,
                    id,
                    author_id: r.try_get(1)?,
                    author: r.try_get(2)?,
                    created_at: r.try_get(4)?,
                    version: r.try_get(5)?,
                })
            })
            .collect()
    }

    /// A note's versions, oldest first: (version, text, removed, by whom, when).
    pub async fn note_versions(
        &self,
        note_id: &str,
    ) -> Result<Vec<(i64, String, bool, String, String)>> {
        let rows = sqlx::query(
            "SELECT v.version, v.body, v.deleted, u.name, v.changed_at FROM note_versions v
             JOIN users u ON u.id = v.changed_by WHERE v.note_id = $1 ORDER BY v.version",
        )
        .bind(note_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let version = r.try_get(0)?;
                let body: String = r.try_get(1)?;
                Ok((
                    version,
                    self.keys
                        .open(&place::note_version(note_id, version), &body)?,
                    r.try_get::<i64, _>(2)? != 0,
                    r.try_get(3)?,
                    r.try_get(4)?,
                ))
            })
            .collect()
    }

    // ----- deadlines -----

    /// The deadlines of the unarchived cases `user` may see, soonest first.
    pub async fn deadlines_for(
        &self,
        user: &User,
        filter: &DeadlineFilter,
    ) -> Result<Vec<DeadlineRow>> {
        let open = if filter.open_only { OPEN_SQL } else { "1 = 1" };
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT d.case_id, c.number, c.client_name, d.deadline_id, d.label, d.date, d.status, d.kind
             FROM deadlines d JOIN cases c ON c.id = d.case_id
             WHERE {VISIBLE_TO_USER} AND c.archived = 0 AND ($3 = '' OR c.id = $3) AND {open}
             ORDER BY d.date, c.number, d.deadline_id
             LIMIT $4 OFFSET $5"
        )))
        .bind(user.role.as_str())
        .bind(&user.id)
        .bind(filter.case_id.as_ref().map_or("", CaseId::as_str))
        .bind(if filter.limit > 0 {
            filter.limit
        } else {
            i64::MAX
        })
        .bind(filter.offset.max(0))
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(DeadlineRow {
                    case_id: r.try_get(0)?,
                    case_number: r.try_get(1)?,
                    client_name: r.try_get(2)?,
                    deadline_id: r.try_get(3)?,
                    label: r.try_get(4)?,
                    date: r.try_get(5)?,
                    status: r.try_get(6)?,
                    kind: r.try_get(7)?,
                })
            })
            .collect()
    }
}
