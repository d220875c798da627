//! The actions the audit log records: one list, so that the log's filter
//! offers only actions that exist, and code cannot record a misspelt one.

use std::str::FromStr;

/// Defines [`AuditAction`], its list and its codes from one table.
macro_rules! actions {
    ($($(#[$doc:meta])* $name:ident => $code:literal,)*) => {
        /// An action recorded in the audit log (stored by its code, [`AuditAction::code`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum AuditAction {
            $($(#[$doc])* $name,)*
        }

        impl AuditAction {
            /// Every action, in the order the log's filter offers them.
            pub const ALL: &[AuditAction] = &[$(AuditAction::$name,)*];

            /// The code stored in the log (and used in the filter's address).
            pub fn code(self) -> &'static str {
                match self {
                    $(AuditAction::$name => $code,)*
                }
            }
        }
    };
}

actions! {
    SignIn => "sign_in",
    SignInFailed => "sign_in.failed",
    SignInLocked => "sign_in.locked",
    SignOut => "sign_out",
    /// A wrong, or already used, code or recovery code after a right password.
    SignInCodeFailed => "sign_in.code_failed",
    /// A sign-in completed with a recovery code (used up by it).
    SignInRecoveryCode => "sign_in.recovery_code",
    /// A user began setting up a second factor (a new secret).
    SecondFactorSetup => "second_factor.setup",
    /// A user's second factor switched on, confirmed with a code; new recovery codes.
    SecondFactorOn => "second_factor.on",
    /// A user switched their own second factor off.
    SecondFactorOff => "second_factor.off",
    CaseCreate => "case.create",
    CaseView => "case.view",
    CaseExport => "case.export",
    CaseArchive => "case.archive",
    FactsChange => "facts.change",
    /// A new version of the case's Form I-589 application (issue 16).
    ApplicationChange => "application.change",
    NoteAdd => "note.add",
    NoteEdit => "note.edit",
    NoteDelete => "note.delete",
    TaskAdd => "task.add",
    TaskDone => "task.done",
    /// A practice session of interview preparation started (issue 18).
    PracticeStart => "practice.start",
    /// A practice question marked ready or needs work, with notes on the answer.
    PracticeMark => "practice.mark",
    /// The interview or hearing recorded or changed (date, place, who, checklist).
    InterviewSet => "interview.set",
    /// A document of the case downloaded (the memo, the I-589 answers: issue 17); the detail names which.
    DocumentDownload => "document.download",
    /// A file uploaded to the case (a PDF or an image: issue 17); the detail gives its kind, size and pages, never its name.
    DocumentUpload => "document.upload",
    /// An upload's description, evidence item or place in the exhibit packet changed.
    DocumentChange => "document.change",
    /// An upload deleted (after confirming, when the exhibit packet used it).
    DocumentDelete => "document.delete",
    /// The case's client language set (issue 19): the intake link's default.
    CaseClientLanguage => "case.client_language",
    /// A client intake link made for the case; the detail gives its language and expiry, never its token.
    IntakeLinkCreate => "intake.link_create",
    /// A client intake link revoked.
    IntakeLinkRevoke => "intake.link_revoke",
    /// The client saved answers through an intake link (no one signed in); the detail names the screen and how many.
    IntakeAnswer => "intake.answer",
    /// A client's answer reviewed: accepted, edited or rejected (the detail names the fact, never its value).
    IntakeReview => "intake.review",
    PermissionAssign => "permission.assign",
    PermissionUnassign => "permission.unassign",
    PermissionUserAdd => "permission.user_add",
    PermissionRole => "permission.role",
    PermissionActive => "permission.active",
    PermissionToken => "permission.token",
    PermissionCalendar => "permission.calendar",
    PermissionPassword => "permission.password",
    /// A user chose the time zone their pages show times in.
    SettingsTimeZone => "settings.time_zone",
    /// A user chose the language their pages are written in (issue 19).
    SettingsLanguage => "settings.language",
    /// An administrator (or `refuge user reset-second-factor`) removed a user's second factor.
    PermissionSecondFactor => "permission.second_factor",
    /// An administrator required a second factor of every user, or stopped requiring it.
    PermissionRequireSecondFactor => "permission.require_second_factor",
    /// A user added on the command line (`refuge user add`), or the first
    /// administrator at setup, or the demo user.
    UserAdd => "user.add",
    /// An API token made on the command line (`refuge token new`).
    TokenNew => "token.new",
    /// A case re-assessed under a new law or rules version, whose outcomes, deadlines or warnings moved (issue 23); the detail names the versions and the items, never their values.
    LawChangeFound => "law_change.found",
    /// A change of the law on a case marked reviewed (its banner cleared).
    LawChangeReview => "law_change.review",
}

impl FromStr for AuditAction {
    type Err = String;
    fn from_str(s: &str) -> Result<AuditAction, String> {
        AuditAction::ALL
            .iter()
            .copied()
            .find(|a| a.code() == s)
            .ok_or_else(|| format!("the audit log records no action {s:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_its_own_code_and_reads_back_from_it() {
        for &a in AuditAction::ALL {
            assert_eq!(a.code().parse::<AuditAction>(), Ok(a));
            assert_eq!(
                AuditAction::ALL
                    .iter()
                    .filter(|b| b.code() == a.code())
                    .count(),
                1,
                "{a:?}"
            );
        }
    }
}
