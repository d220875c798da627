-- Uploads and the exhibit packet (issue 17). A case's files (PDF, JPEG,
-- PNG, known by their first bytes) are kept in the database itself, so that
-- one backup holds everything: `content` is the file (BLOB on SQLite, bytea on
-- PostgreSQL), with its media type, size and pages;
-- the file itself sealed as bytes (`enc:v1:<key id>:` and the sealed bytes).
-- What names or describes it (the file's name, the description, what it
-- proves, the evidence item it is attached to) is one sealed JSON text,
-- `details` (`enc:v1:…`). `role`: `document`, `translation` (of the
-- document `of_upload`) or `certificate` (the translator's, of the
-- translation `of_upload`). `exhibit`: a document's place in the exhibit
-- packet (its letter follows from it), NULL when it is not an exhibit.
-- `seq` counts a case's uploads in the order they were made.
CREATE TABLE uploads (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    media_type TEXT NOT NULL,
    size BIGINT NOT NULL,
    pages BIGINT NOT NULL,
    details TEXT NOT NULL,
    role TEXT NOT NULL,
    of_upload TEXT REFERENCES uploads (id),
    exhibit BIGINT,
    uploaded_by TEXT NOT NULL REFERENCES users (id),
    uploaded_at TEXT NOT NULL,
    seq BIGINT NOT NULL,
    content BLOB NOT NULL
);
CREATE INDEX uploads_case ON uploads (case_id, seq);
