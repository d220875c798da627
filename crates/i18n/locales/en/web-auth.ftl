# Signing in, the first-run setup and the second factor (crates/web/src/auth/).

auth-sign-in = Sign in
auth-user-name = User name
auth-password = Password
auth-new-password = Password (10 characters or more)
auth-language = Language
auth-wrong-password = The user name or password is wrong.
auth-no-account = No account exists yet. Open the one-time setup link that the server printed when it started.
auth-error-user-name = User name: { $problem }.
auth-error-password = Password: { $problem }.

auth-setup-title = First run
auth-setup-heading = Create the administrator
auth-setup-intro = This is the first run of Refuge on this server. Choose the name and password of the first administrator; this link then stops working.
auth-setup-submit = Create administrator
auth-setup-used = This setup link has already been used: the administrator's account exists. Sign in at /login; a forgotten password is reset by another administrator, or on the server with the command refuge user add.
auth-setup-invalid = This setup link is not valid. Use the link the server printed when it last started (each start prints a new one until the administrator exists).

auth-second-factor = Second factor
auth-code-intro = Your password was right. Now type the code your authenticator app shows for Refuge, or one of your recovery codes.
auth-code-label = Code (six digits), or a recovery code
auth-code-lost = Lost your phone and your recovery codes? An administrator can reset your second factor.
auth-code-wrong = That code is wrong. Type the six digits your authenticator app shows now, or one of your recovery codes.
auth-code-used = That code was used already. Wait for your app to show the next one, and type that.

auth-2fa-intro = With a second factor, signing in asks for your password and then for a six-digit code from an authenticator app on your phone (such as Aegis, FreeOTP, Google Authenticator or 1Password): someone who learns your password still cannot sign in as you.
auth-2fa-now-on = Your second factor is on.
auth-2fa-recovery-codes = These are your recovery codes. Each signs you in once, in place of a code, if you lose your phone. Copy them now, print them or store them somewhere safe: they are shown only once.
auth-2fa-continue = Continue to Refuge
auth-2fa-required = Your workspace requires a second factor of every user: set one up to continue.
auth-2fa-status = Status
auth-2fa-on = on
auth-2fa-off = off
auth-2fa-recovery-left = Recovery codes left: { $count }.
auth-2fa-required-on = Your workspace requires a second factor, so it cannot be turned off here. If you lose your phone, sign in with a recovery code, or ask an administrator to reset it.
auth-2fa-turn-off-heading = Turn it off
auth-2fa-off-code = A current code, or a recovery code
auth-2fa-turn-off = Turn off the second factor
auth-2fa-step-add = 1. Add Refuge to your authenticator app
auth-2fa-scan = Scan this code with the app:
auth-2fa-qr-label = QR code of the set-up address for an authenticator app
auth-2fa-by-hand = Or add the key by hand (time-based, six digits, every 30 seconds):
auth-2fa-or = Or
auth-2fa-open-address = open the set-up address
auth-2fa-on-device = on the device that has the app:
auth-2fa-step-confirm = 2. Confirm with a code
auth-2fa-six-digits = The six digits the app shows now
auth-2fa-turn-on = Turn on the second factor
auth-2fa-start-again = Start again with a new key
auth-2fa-set-up = Set up a second factor
auth-2fa-already-on = Your second factor is on already.
auth-2fa-already-off = Your second factor is off already.
auth-2fa-no-key = There is no key being set up: begin again.
auth-2fa-code-not-this-key = Code: it is not the one your app shows for this key now. Check that the app added the key shown here, and type the six digits it shows.
auth-2fa-key-changed = The key changed meanwhile (set up again in another tab?): begin again.
auth-2fa-required-cannot-off = Your workspace requires a second factor: it cannot be turned off. An administrator can reset it.
auth-2fa-off-code-wrong = Code: it is wrong or used already; type the one your app shows now, or a recovery code.

# The rules of a new user name or password (crates/web/src/domain/user.rs),
# after "User name:" or "Password:".
auth-rule-password-short = must be at least 10 characters long
auth-rule-password-one-character = must not be one character repeated
auth-rule-password-common = is among the most common passwords; choose another
auth-rule-name-characters = use 1 to 64 letters, digits, '.', '-', '_' or '@'
auth-rule-name-mixed-scripts = mixes Latin letters with letters of another script, so it could pass for another name
