-- Issue 22: the free text of a case's facts (harms' narratives, groups'
-- definitions), in lower case, for the case search. NULL until it is
-- computed: the server fills it for older cases when it starts.
ALTER TABLE cases ADD COLUMN search_text TEXT;
-- Issue 22: the time zone a user's pages show times in (an IANA name such as
-- America/New_York); NULL: the server's.
ALTER TABLE users ADD COLUMN time_zone TEXT;
