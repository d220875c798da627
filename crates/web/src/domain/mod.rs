//! The workspace's own vocabulary, known to storage and pages alike: roles,
//! audit actions, the rules for user names and passwords.

pub mod audit;
pub mod role;
pub mod user;

pub use audit::AuditAction;
pub use role::Role;
