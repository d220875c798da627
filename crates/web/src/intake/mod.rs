//! The client intake (issue 19, part 2). A staff member makes a link for one
//! case (`review.rs`); the client opens it on a phone, with no account, in
//! the case's client language, and answers the case's questions one screen
//! at a time (`client.rs`, the questions as data in `questions.rs`). Nothing
//! the client enters changes the facts: each answer waits for review, and
//! staff accept, edit or reject it, which saves the facts (or, for the
//! client's own words, the application's timeline) through the services
//! every other save goes through, with the decision in the same transaction.
//!
//! Architecture invariant: the client's pages show no legal conclusion (no
//! finding, relief, deadline or outcome: they never assess the case), and
//! nothing of the case but the client's own answers through that link; they
//! link only to their own link's pages.

pub mod client;
pub mod questions;
mod review;

use refuge_i18n::{FluentValue, Lang};

use crate::http::routes::{Access, Routes};

/// This area's routes, with the access each requires.
pub fn routes() -> Routes {
    Routes::new()
        .get("/static/intake.css", Access::Public, client::stylesheet)
        .get("/i/{token}", Access::IntakeToken, client::welcome)
        .get("/i/{token}/done", Access::IntakeToken, client::done)
        .get("/i/{token}/{screen}", Access::IntakeToken, client::screen)
        .post("/i/{token}/{screen}", Access::IntakeToken, client::save)
        .get("/cases/{id}/intake", Access::Member, review::page)
        .post(
            "/cases/{id}/intake/links",
            Access::Member,
            review::make_link,
        )
        .post(
            "/cases/{id}/intake/links/{link}/revoke",
            Access::Member,
            review::revoke,
        )
        .post(
            "/cases/{id}/intake/answers/{answer}",
            Access::Member,
            review::decide,
        )
        .post(
            "/cases/{id}/client-language",
            Access::Member,
            review::set_client_language,
        )
}

pub use review::{CaseIntake, case_summary};

/// The wording of a page, in one language (`intake.ftl`).
#[derive(Clone, Copy)]
pub struct Words(pub Lang);

impl Words {
    /// The language's code (`es`).
    pub fn code(&self) -> &'static str {
        self.0.code()
    }

    pub fn t(&self, id: &str) -> String {
        refuge_i18n::tr(self.0, id)
    }

    pub fn with(&self, id: &str, args: &[(&str, FluentValue)]) -> String {
        refuge_i18n::tr_with(self.0, id, args)
    }

    /// A stored moment's day, written out (`December 21, 2026`).
    pub fn day_of(&self, stored: &str) -> String {
        match stored.get(..10).and_then(|d| d.parse().ok()) {
            Some(d) => refuge_i18n::date(self.0, d),
            None => stored.to_string(),
        }
    }
}

/// The id of entry `n` (1, 2...) of a list screen begun through a link: new
/// in the facts (`happened2-3fa9c1`), told apart from another link's.
pub fn entry_id(screen: &str, n: usize, link_id: &str) -> String {
    format!("{screen}{n}-{}", link_tag(link_id))
}

/// A link's short name, for entry ids and audit rows (its id's start,
/// never its token).
pub fn link_tag(link_id: &str) -> &str {
    link_id.get(..6).unwrap_or(link_id)
}

/// A language's name in itself (`Español`), by its code; the code when
/// Refuge does not speak it.
pub fn language_name(code: &str) -> String {
    Lang::parse(code).map_or_else(|| code.to_string(), Lang::name)
}

/// How long a link works unless staff choose otherwise (the default).
pub const DEFAULT_DAYS: i64 = 14;

/// The longest a link may work.
pub const MAX_DAYS: i64 = 60;
