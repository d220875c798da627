-- Interview preparation (issue 18). A practice session is one meeting with
-- the client; a mark is the preparer's "ready" or "needs work" on one
-- question of the case's practice set in that session, with notes on the
-- client's answer (sealed, like notes: `enc:v1:…`). The latest mark of a
-- question (the highest `seq`, which counts a case's marks in the
-- order they were made), across sessions, is where it stands. The interview (or hearing)
-- itself: its date and time stay plain for the dashboard and the calendars;
-- the place, officer or judge, interpreter and checklist are one sealed JSON text.
CREATE TABLE practice_sessions (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    forum TEXT NOT NULL,
    started_by TEXT NOT NULL REFERENCES users (id),
    started_at TEXT NOT NULL
);
CREATE INDEX practice_sessions_case ON practice_sessions (case_id, started_at);
CREATE TABLE practice_marks (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES practice_sessions (id),
    case_id TEXT NOT NULL REFERENCES cases (id),
    question_id TEXT NOT NULL,
    status TEXT NOT NULL,
    notes TEXT NOT NULL,
    marked_by TEXT NOT NULL REFERENCES users (id),
    marked_at TEXT NOT NULL,
    seq BIGINT NOT NULL,
    UNIQUE (session_id, question_id)
);
CREATE INDEX practice_marks_case ON practice_marks (case_id);
CREATE TABLE interviews (
    case_id TEXT PRIMARY KEY REFERENCES cases (id),
    forum TEXT NOT NULL,
    date TEXT NOT NULL,
    time TEXT NOT NULL,
    details TEXT NOT NULL,
    updated_by TEXT NOT NULL REFERENCES users (id),
    updated_at TEXT NOT NULL
);
CREATE INDEX interviews_date ON interviews (date);
