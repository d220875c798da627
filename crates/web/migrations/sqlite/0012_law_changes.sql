-- When the law changes (issue 23). Each case's last assessment, stamped with
-- the law data's version and the rules' version it was made under: the
-- reliefs' and findings' outcomes, the deadlines' dates, statuses and fees,
-- the warnings' codes, as one sealed JSON text (`enc:v1:…`: the outcomes are
-- legal conclusions about a client, kept like the facts). The versions stay
-- plain: a re-assessment after a new law finds the cases still to do by
-- them, so the stamp is its own progress marker. `facts_version` is the
-- version of the facts it was made from: a re-assessment never replaces the
-- stamp of a newer save.
CREATE TABLE assessment_stamps (
    case_id TEXT PRIMARY KEY REFERENCES cases (id),
    facts_version BIGINT NOT NULL,
    law_version TEXT NOT NULL,
    rules_version TEXT NOT NULL,
    stamp TEXT NOT NULL,
    stamped_at TEXT NOT NULL
);
CREATE INDEX assessment_stamps_versions ON assessment_stamps (law_version, rules_version);
-- A change record: what a new version of the law moved for a case (each
-- item before and after, with its cause), sealed as one JSON text; the
-- versions plain. Reviewed once someone marks it so (audited).
CREATE TABLE law_changes (
    id TEXT PRIMARY KEY,
    case_id TEXT NOT NULL REFERENCES cases (id),
    law_from TEXT NOT NULL,
    law_to TEXT NOT NULL,
    rules_from TEXT NOT NULL,
    rules_to TEXT NOT NULL,
    details TEXT NOT NULL,
    found_at TEXT NOT NULL,
    reviewed_by TEXT REFERENCES users (id),
    reviewed_at TEXT
);
CREATE INDEX law_changes_case ON law_changes (case_id, found_at);
