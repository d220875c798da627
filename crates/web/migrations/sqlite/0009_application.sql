-- The case's Form I-589 application (issue 16), kept in versions like the
-- facts: each save adds a version (the document, what changed from the one
-- before, who and when), and nothing is overwritten. The latest version is
-- the application. `document` and `changes` are sealed (encrypted) like
-- facts_history's. The application holds only what the facts lack.
CREATE TABLE application_versions (
    case_id TEXT NOT NULL REFERENCES cases (id),
    version BIGINT NOT NULL,
    document TEXT NOT NULL,
    changes TEXT NOT NULL,
    changed_by TEXT NOT NULL REFERENCES users (id),
    changed_at TEXT NOT NULL,
    PRIMARY KEY (case_id, version)
);
