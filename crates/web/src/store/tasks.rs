//! Tasks: a piece of work on a case, for one person, by a day.

use sqlx::Row;

use super::{Audit, Db, Result, Task, User, VISIBLE_TO_USER, flag, now, place};
use crate::crypt::Keyring;
use crate::domain::{CaseId, UserId};

const TASK_COLUMNS: &str =
    "t.id, t.case_id, c.number, c.client_name, t.title, u.name, t.assignee_id, t.due, t.done";

/// A task's row, its title opened (it is stored sealed: a title may say
/// what the client is to be asked).
fn task(keys: &Keyring, r: &sqlx::any::AnyRow) -> Result<Task> {
    let id: String = r.try_get(0)?;
    let title: String = r.try_get(4)?;
    Ok(Task {
        title: keys.open(&place::task_title(&id), &title)?,
        id,
        case_id: r.try_get(1)?,
        case_number: r.try_get(2)?,
        client_name: r.try_get(3)?,
        assignee: r.try_get(5)?,
        assignee_id: r.try_get(6)?,
        due: r.try_get(7)?,
        done: r.try_get::<i64, _>(8)? != 0,
    })
}

impl Db {
    /// Adds a task on a case, with its audit row.
    pub async fn add_task(
        &self,
        case_id: &CaseId,
        title: &str,
        assignee: &UserId,
        due: &str,
        by: &User,
        audit: &Audit<'_>,
    ) -> Result<()> {
        let id = crate::secret::random_id();
        let mut tx = self.write().await?;
        sqlx::query(
            "INSERT INTO tasks (id, case_id, title, assignee_id, due, done, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, 0, $6, $7)",
        )
        .bind(&id)
        .bind(case_id)
        .bind(self.keys.seal(&place::task_title(&id), title))
        .bind(assignee)
        .bind(due)
        .bind(&by.id)
        .bind(now())
        .execute(&mut *tx)
        .await?;
        audit.write(&mut tx, None, Some(case_id)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Marks a task of a case done (or not), with its audit row; whether it was found.
    pub async fn set_task_done(
        &self,
        case_id: &CaseId,
        task_id: &str,
        done: bool,
        audit: &Audit<'_>,
    ) -> Result<bool> {
        let mut tx = self.write().await?;
        let changed = sqlx::query("UPDATE tasks SET done = $1 WHERE id = $2 AND case_id = $3")
            .bind(flag(done))
            .bind(task_id)
            .bind(case_id)
            .execute(&mut *tx)
            .await?
            .rows_affected()
            == 1;
        if changed {
            audit.write(&mut tx, None, Some(case_id)).await?;
        }
        tx.commit().await?;
        Ok(changed)
    }

    /// A case's tasks, open ones first, soonest due first.
    pub async fn case_tasks(&self, case_id: &CaseId) -> Result<Vec<Task>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {TASK_COLUMNS} FROM tasks t JOIN cases c ON c.id = t.case_id
             JOIN users u ON u.id = t.assignee_id
             WHERE t.case_id = $1 ORDER BY t.done, t.due"
        )))
        .bind(case_id)
        .fetch_all(&self.pool)
        .await?;
        let mut tasks = rows
            .iter()
            .map(|r| task(&self.keys, r))
            .collect::<Result<Vec<_>>>()?;
        // By title last, opened (sealed titles do not sort).
        tasks.sort_by(|a, b| (a.done, &a.due, &a.title).cmp(&(b.done, &b.due, &b.title)));
        Ok(tasks)
    }

    /// The open tasks of `user` on the unarchived cases they see, soonest due first.
    pub async fn my_tasks(&self, user: &User) -> Result<Vec<Task>> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {TASK_COLUMNS} FROM tasks t JOIN cases c ON c.id = t.case_id
             JOIN users u ON u.id = t.assignee_id
             WHERE {VISIBLE_TO_USER} AND t.assignee_id = $2 AND t.done = 0 AND c.archived = 0
             ORDER BY t.due, c.number"
        )))
        .bind(user.role.as_str())
        .bind(&user.id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(|r| task(&self.keys, r)).collect()
    }
}
