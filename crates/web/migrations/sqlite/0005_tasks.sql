-- Tasks (issue 22): a piece of work on a case, for one person, by a day,
-- made from a deadline, a question or by hand.
CREATE TABLE tasks (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    title TEXT NOT NULL,
    assignee_id TEXT NOT NULL REFERENCES users (id),
    due TEXT NOT NULL,
    done BIGINT NOT NULL DEFAULT 0,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL
);
CREATE INDEX tasks_assignee ON tasks (assignee_id, done, due);
CREATE INDEX tasks_case ON tasks (case_id);
