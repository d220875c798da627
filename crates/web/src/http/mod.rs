//! What every area of the workspace shares: who is asking ([`session`]),
//! access checks as types ([`access`]), forms and query strings
//! ([`extract`]), the language of a page ([`lang`]), the sign-in rate limit ([`limit`]), route tables ([`routes`]), errors ([`error`]) and the
//! page frame ([`view`]).

pub mod access;
pub mod drafts;
pub mod error;
pub mod extract;
pub mod lang;
pub mod limit;
pub mod routes;
pub mod session;
pub mod view;
