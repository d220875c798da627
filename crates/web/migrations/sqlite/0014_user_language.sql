-- Issue 19: the language a user's pages are written in (a code of
-- crates/i18n/locales/, such as es); NULL: the browser's (Accept-Language,
-- or the language picked on the sign-in page).
ALTER TABLE users ADD COLUMN language TEXT;
