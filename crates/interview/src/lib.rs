//! Interview preparation built from the client's own case (issue 18).
//!
//! - [`bank`]: the question bank as data (`bank/questions.toml`: version,
//!   review date, sources; elements; questions with the condition under which
//!   each applies, why it is asked and what a good preparation covers; the
//!   "explain this" questions of tripped readiness checks; what to bring).
//! - [`cond`]: the small language of those conditions, over the facts, the
//!   engine's findings, the readiness checks and the forum.
//! - [`practice`]: the practice set of one case, weakest elements first.
//! - [`words`]: the practice set and the what-to-bring list in the reader's
//!   language, from the messages of `refuge-i18n` (`locales/*/interview.ftl`).
//!
//! Pure, like the engine: no IO, no clock. The crate decides nothing about
//! the law: which elements are weak is read from the engine's findings and the
//! application's checks.
//!
//! ```
//! use refuge_interview::{Bank, CaseView, Forum, practice_set};
//! let today = jiff::civil::date(2026, 12, 1);
//! let facts = serde_json::json!({"arrivals": [{"date": "2024-01-10"}], "application": {"forum": "defensive"}});
//! let case = refuge_engine::Case::from_json(&facts.to_string(), today).unwrap();
//! let a = refuge_engine::assess(&case, refuge_engine::Law::embedded());
//! let doc = serde_json::json!({"facts": facts});
//! let forum = Forum::of_facts(&doc["facts"]);
//! let set = practice_set(Bank::embedded(), &CaseView { document: &doc, assessment: &a, readiness: None, forum });
//! assert!(set.iter().any(|q| q.id == "bars.arrested"), "Part B's question is asked in every case");
//! assert!(set.iter().any(|q| q.id == "court.border_statement"), "a defensive case is cross-examined");
//! ```

pub mod bank;
pub mod cond;
pub mod practice;
pub mod words;

pub use bank::{Bank, BankError};
pub use practice::{CaseView, Forum, Item, Section, checklist, practice_set};

/// The notice every human-facing output carries.
pub use refuge_engine::NOTICE;
