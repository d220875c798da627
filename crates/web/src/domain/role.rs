//! The roles of a workspace's users.

use std::str::FromStr;

use serde::Serialize;

/// What a user may do beyond working on their own cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, utoipa::ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Manages users, reads the audit log, sees every case.
    Admin,
    /// Works on assigned cases; archives them and assigns colleagues.
    Attorney,
    /// Works on assigned cases (paralegals, interpreters' coordinators).
    Staff,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::Admin, Role::Attorney, Role::Staff];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Attorney => "attorney",
            Role::Staff => "staff",
        }
    }

    /// The message that names the role on a page (`crates/i18n/locales/*/web.ftl`).
    pub fn message_id(self) -> &'static str {
        match self {
            Role::Admin => "web-role-admin",
            Role::Attorney => "web-role-attorney",
            Role::Staff => "web-role-staff",
        }
    }
}

impl FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Role, String> {
        Role::ALL
            .into_iter()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| format!("unknown role {s:?}: choose admin, attorney or staff"))
    }
}

impl Role {
    /// Admins manage users and read the audit log; they see every case.
    pub fn is_admin(self) -> bool {
        self == Role::Admin
    }
    /// Attorneys (and admins) also archive cases and assign colleagues.
    pub fn manages_cases(self) -> bool {
        matches!(self, Role::Admin | Role::Attorney)
    }
}
