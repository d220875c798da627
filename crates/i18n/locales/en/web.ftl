# The case workspace's frame: what every page shares (crates/web/templates/base.html),
# the roles, and the error pages. Ids start with web-.

web-skip-to-content = Skip to content
web-nav-label = Main
web-nav-deadlines = Deadlines
web-nav-cases = Cases
web-nav-changes = Changes of the law
web-nav-new-case = New case
web-nav-settings = Settings
web-nav-users = Users
web-nav-audit = Audit log
web-sign-out = Sign out
web-confidential = Asylum information is confidential (8 C.F.R. § 208.6). Refuge keeps it on this server only.
web-notice = Notice
web-back-to-start = Back to the start page

web-printed-by = Printed by { $name }. Confidential (8 C.F.R. § 208.6).
web-version = Version { $version }
web-version-before = Before
web-version-after = After
web-version-removed = removed

web-role-admin = admin
web-role-attorney = attorney
web-role-staff = staff

# Error pages: the title is the status in words.
error-status = Error
error-status-400 = Bad Request
error-status-403 = Forbidden
error-status-404 = Not Found
error-status-409 = Conflict
error-status-413 = Payload Too Large
error-status-422 = Unprocessable Entity
error-status-429 = Too Many Requests
error-status-500 = Internal Server Error
error-status-503 = Service Unavailable

error-no-cookie = Your browser did not keep Refuge's cookie, so this form cannot be checked. Browsers keep Refuge's cookies only over HTTPS or on this machine itself: open Refuge through an HTTPS address (a TLS proxy in front of it), or at http://127.0.0.1 on the server
error-not-found = not found
error-forbidden = your role does not allow this
error-csrf = this form has expired or did not come from Refuge; go back, reload the page and submit it again
error-rate-limited = too many failed sign-ins for this name from this address; wait 15 minutes and try again (signing in from another device still works)
error-codes-locked = too many wrong codes for this account; wait 15 minutes and sign in again. If it was not you, someone knows your password: change it, or ask an administrator to
error-server = something went wrong on the server; nothing was saved. Try again, and tell your administrator if it persists
