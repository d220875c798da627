-- The case workspace (SQLite). Kept in step with ../postgres/0001_workspace.sql
-- by the test `migrations_are_kept_in_step`: same file names, same tables and columns.
-- Dates and times are ISO-8601 TEXT (UTC); flags are 0/1 integers.

CREATE TABLE users (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'attorney', 'staff')),
    active INTEGER NOT NULL DEFAULT 1,
    calendar_token_hash TEXT UNIQUE,
    created_at TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    csrf TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);

CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT
);

CREATE TABLE cases (
    id TEXT PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    client_name TEXT NOT NULL,
    facts TEXT NOT NULL,
    version INTEGER NOT NULL,
    archived INTEGER NOT NULL DEFAULT 0,
    next_deadline TEXT,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX cases_next_deadline ON cases (next_deadline);

CREATE TABLE case_members (
    case_id TEXT NOT NULL REFERENCES cases (id),
    user_id TEXT NOT NULL REFERENCES users (id),
    PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_members_user ON case_members (user_id);

CREATE TABLE facts_history (
    case_id TEXT NOT NULL REFERENCES cases (id),
    version INTEGER NOT NULL,
    facts TEXT NOT NULL,
    changes TEXT NOT NULL,
    changed_by TEXT NOT NULL REFERENCES users (id),
    changed_at TEXT NOT NULL,
    PRIMARY KEY (case_id, version)
);

CREATE TABLE notes (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    author_id TEXT NOT NULL REFERENCES users (id),
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX notes_case ON notes (case_id);

CREATE TABLE deadlines (
    case_id TEXT NOT NULL REFERENCES cases (id),
    deadline_id TEXT NOT NULL,
    label TEXT NOT NULL,
    date TEXT NOT NULL,
    status TEXT NOT NULL,
    PRIMARY KEY (case_id, deadline_id)
);
CREATE INDEX deadlines_date ON deadlines (date);

CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user_id TEXT,
    user_name TEXT,
    action TEXT NOT NULL,
    case_id TEXT,
    detail TEXT NOT NULL,
    ip TEXT
);

-- Append-only: the log can be read and added to, never changed.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
