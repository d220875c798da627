-- A second factor (issue 15, protection 3). Each user may have a TOTP secret
-- (RFC 6238), switched on once a code from it has been confirmed; the last
-- time step accepted, so that no code is accepted twice; and single-use
-- recovery codes, stored only as hashes. A session whose password was right
-- but whose code is still due is `pending`, and signs no one in. An
-- administrator may require a second factor of every user (one row).
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_enabled BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;

ALTER TABLE sessions ADD COLUMN pending BIGINT NOT NULL DEFAULT 0;

CREATE TABLE recovery_codes (
    user_id TEXT NOT NULL REFERENCES users (id),
    code_hash TEXT NOT NULL,
    used_at TEXT,
    PRIMARY KEY (user_id, code_hash)
);

CREATE TABLE security_policy (
    id BIGINT PRIMARY KEY CHECK (id = 1),
    require_second_factor BIGINT NOT NULL DEFAULT 0
);
INSERT INTO security_policy (id, require_second_factor) VALUES (1, 0);
