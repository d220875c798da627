//! The workspace's own vocabulary, known to storage and pages alike: roles,
//! typed ids, audit actions, the rules for user names and passwords.

pub mod audit;
pub mod ids;
pub mod role;
pub mod user;

pub use audit::AuditAction;
pub use ids::{CaseId, TokenId, UserId};
pub use role::Role;
