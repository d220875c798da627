-- Notes are kept in versions: an edit or a removal adds a version, and
-- nothing a note ever said is overwritten (issue 22, defect 11). A note's
-- form carries a key of its own, so that a double submit adds it once.
ALTER TABLE notes ADD COLUMN version BIGINT NOT NULL DEFAULT 1;
ALTER TABLE notes ADD COLUMN deleted BIGINT NOT NULL DEFAULT 0;
ALTER TABLE notes ADD COLUMN submit_key TEXT;
CREATE UNIQUE INDEX notes_submit_key ON notes (case_id, submit_key);

CREATE TABLE note_versions (
    note_id TEXT NOT NULL REFERENCES notes (id),
    version BIGINT NOT NULL,
    body TEXT NOT NULL,
    deleted BIGINT NOT NULL,
    changed_by TEXT NOT NULL REFERENCES users (id),
    changed_at TEXT NOT NULL,
    PRIMARY KEY (note_id, version)
);
INSERT INTO note_versions (note_id, version, body, deleted, changed_by, changed_at)
SELECT id, 1, body, 0, author_id, created_at FROM notes;
