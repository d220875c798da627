//! What every area of the workspace shares: who is asking ([`session`]),
//! access checks as types ([`access`]), forms and query strings
//! ([`extract`]), route tables ([`routes`]), errors ([`error`]) and the
//! page frame ([`view`]).

pub mod access;
pub mod error;
pub mod extract;
pub mod routes;
pub mod session;
pub mod view;
