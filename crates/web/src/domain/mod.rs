//! The workspace's own vocabulary, known to storage and pages alike: roles,
//! the rules for user names and passwords.

pub mod role;
pub mod user;

pub use role::Role;
