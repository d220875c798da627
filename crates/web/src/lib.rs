//! The Refuge case workspace (`refuge serve`): a private, self-hosted web
//! application where a legal-aid office or small firm keeps its asylum cases,
//! interviews clients, and sees at once what the law engine says about each.
//!
//! See ARCHITECTURE.md for the map. In short, from the bottom up:
//! - [`domain`], [`secret`] and [`totp`]: roles, the rules for names and
//!   passwords, random ids and hashes, the second factor's codes;
//! - [`store`]: storage on SQLite (embedded, default) or PostgreSQL;
//! - [`http`]: what every area shares (sessions, forms and CSRF, access
//!   checks, errors, the page frame);
//! - the areas, each owning its routes, handlers and templates: [`auth`],
//!   [`dashboard`], [`cases`], [`facts`], [`interview`], [`calendar`], [`settings`],
//!   [`admin`], [`api`], and [`intake`] (the client's intake link, with no account);
//! - [`app`]: every area's routes under one router; [`serve`]: running it;
//!   [`backup`]: copying the SQLite database out and back in.
//!
//! Architecture invariants:
//! - Every request for a case goes through [`store::Db::case_for`], which
//!   returns nothing for a case the user is not assigned to (admins excepted):
//!   someone else's case and a missing case look the same (404).
//! - The assessment shown is always the engine's, recomputed from the stored
//!   facts on every view; this crate decides nothing about the law.
//! - Nothing sensitive is logged: request logs carry method, route and status,
//!   never facts, names or tokens. Secrets are stored only as hashes, but
//!   the second factor's TOTP key, from which the server computes codes,
//!   which is encrypted with the narratives ([`crypt`], [`keys`]).

pub mod admin;
pub mod api;
pub mod app;
pub mod application;
pub mod auth;
pub mod backup;
pub mod calendar;
pub mod cases;
pub mod crypt;
pub mod dashboard;
pub mod demo;
pub mod documents;
pub mod domain;
pub mod export;
pub mod facts;
pub mod http;
pub mod intake;
pub mod interview;
pub mod keys;
pub mod lawchange;
pub mod secret;
pub mod serve;
pub mod settings;
pub mod state;
pub mod store;
pub mod totp;

pub use app::{BODY_LIMIT, app};
pub use domain::Role;
pub use serve::{ServeArgs, StoreArgs, block_on, serve};
pub use state::AppState;
