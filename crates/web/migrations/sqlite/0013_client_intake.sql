-- The client's language and the client intake link (issue 19, part 2).
-- `cases.client_language`: the language the client reads (a code of
-- crates/i18n/locales: `en`, `es`), the intake link's default and the
-- printouts' language.
-- An intake link is kept as the SHA-256 of its token, never the token
-- (shown once to the staff member who made it). It opens the intake of its
-- case, in its language, until `expires_at` (UTC), unless revoked.
-- The client's answers wait in `intake_answers` for review: `question` is
-- the question's id in crates/web/intake/questions.toml, `path` the fact it
-- answers (or `timeline` for the client's own words), `answer` what was
-- typed and its value as the facts hold it (one sealed JSON text). A staff
-- member's decision (`accepted`, `edited`, `rejected`) is kept on the row,
-- with the value decided (sealed) and the facts or application version it
-- made; a row decided is never changed again: the client's later answer to
-- the same question is a new row. `seq` counts a link's answers.
ALTER TABLE cases ADD COLUMN client_language TEXT NOT NULL DEFAULT 'en';

CREATE TABLE intake_links (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    token_hash TEXT NOT NULL UNIQUE,
    language TEXT NOT NULL,
    created_by TEXT NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_by TEXT REFERENCES users (id),
    revoked_at TEXT,
    last_answer_at TEXT
);
CREATE INDEX intake_links_case ON intake_links (case_id, created_at);

CREATE TABLE intake_answers (
    id TEXT PRIMARY KEY,
    link_id TEXT NOT NULL REFERENCES intake_links (id),
    case_id TEXT NOT NULL REFERENCES cases (id),
    seq BIGINT NOT NULL,
    question TEXT NOT NULL,
    path TEXT NOT NULL,
    answer TEXT NOT NULL,
    answered_at TEXT NOT NULL,
    status TEXT NOT NULL,
    decided_value TEXT,
    decided_version BIGINT,
    decided_by TEXT REFERENCES users (id),
    decided_at TEXT
);
CREATE INDEX intake_answers_link ON intake_answers (link_id, path);
CREATE INDEX intake_answers_case ON intake_answers (case_id, status);
