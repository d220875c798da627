# A user's own settings (crates/web/src/settings.rs).

settings-title = Settings
settings-status = Status
settings-secret-once = Copy it now: it is shown only once.

settings-language = Language
settings-language-intro = The language of your pages: menus, buttons, messages and dates. A client's documents follow the client's language, not this one.
settings-language-label = Language of your pages
settings-language-browser = Your browser's language
settings-language-save = Save language
settings-language-saved = Language saved.
settings-language-unknown = Language: { $code } is not a language Refuge speaks.

settings-calendar = Calendar feed
settings-calendar-intro = A secret address that Outlook, Google Calendar or Apple Calendar can subscribe to: every deadline of your cases. Events carry the case number and the deadline, never the client's name or facts. Anyone with the address can read them, so keep it private; make a new one to revoke the old.
settings-calendar-exists = a feed address exists
settings-calendar-none = no feed address
settings-calendar-renew = Make a new address (revokes the old)
settings-calendar-make = Make a feed address
settings-calendar-revoke = Revoke the feed
settings-calendar-address = Your calendar feed address:

settings-time-zone = Time zone
settings-time-zone-chosen = Times on your pages (notes, history, the case list, the audit log) are shown in { $zone }, your choice.
settings-time-zone-server = Times on your pages (notes, history, the case list, the audit log) are shown in the server's time zone, { $zone }.
settings-time-zone-days = Dates (deadlines, tasks) are days, the same everywhere.
settings-time-zone-label = Time zone (a name of the tz database, such as America/New_York; empty: the server's)
settings-time-zone-save = Save time zone
settings-time-zone-unknown = Time zone: "{ $zone }" is not a time zone of the tz database (for example America/New_York).
settings-time-zone-saved = Time zone saved: times are shown in { $zone }.
settings-time-zone-saved-server = Time zone saved: times are shown in the server's time zone.

settings-password = Password
settings-password-current = Current password
settings-password-new = New password (10 characters or more)
settings-password-change = Change password
settings-password-new-problem = New password: { $problem }.
settings-password-wrong = Current password: it is wrong.
settings-password-changed = Password changed. Your other sessions are signed out.

settings-2fa-on = on: signing in asks for a code from your authenticator app
settings-2fa-off = off: signing in asks for your password only
settings-2fa-manage = Manage the second factor

settings-api = API tokens
settings-api-intro = For scripts using the JSON API under
settings-api-openapi = OpenAPI document
settings-api-sent-as = sent as
settings-api-name = Name
settings-api-created = Created
settings-api-revoked = revoked { $when }
settings-api-revoke = revoke
settings-api-new-name = Name of a new token
settings-api-make = Make token
settings-api-made = Your API token "{ $name }":
settings-api-error-name = a token needs a name of 1 to 100 characters
