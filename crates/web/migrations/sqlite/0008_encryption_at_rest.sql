-- Encryption at rest (issue 15, protection 1). The narrative columns
-- (cases.facts and search_text, facts_history.facts and changes, notes.body,
-- note_versions.body, tasks.title,
-- users.totp_secret) keep their TEXT type and hold sealed
-- values (`enc:v1:<key id>:<base64>`); rows written before are plaintext
-- until sealed. One row: the id of the key every value was last sealed with
-- (a start with another key is refused with both ids), and whether the
-- plaintext of older versions has been sealed (done once, at the first start).
CREATE TABLE encryption (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    key_id TEXT,
    sealed BIGINT NOT NULL DEFAULT 0
);
INSERT INTO encryption (id, key_id, sealed) VALUES (1, NULL, 0);
