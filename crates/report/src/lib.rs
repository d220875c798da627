//! Human-readable views of a Refuge assessment and of the law it applies.
//!
//! The JSON of `spec/output.md` is the contract; these are views of it: a memo
//! for a terminal ([`text`]), a standalone page ([`html`]) and the rules as an
//! auditing attorney reads them ([`law_text`], [`law_json`]).
//!
//! Architecture invariant: this crate decides nothing. Every outcome, date and
//! reason comes from the engine; the views only choose words and order, and
//! count the days from `as_of` to each date.

mod data;
mod html;
pub mod i18n;
mod law;
mod text;
mod view;

use refuge_engine::{Assessment, Law};

/// The assessment as a memo for a terminal: plain text, about 90 columns, no colours.
///
/// In order: a title with the `as_of` date and the law version; the reliefs,
/// each with its outcome, asylum's basis, a note where the reader needs one
/// (asylum granted, so the rest not assessed; a reinstated removal order, so
/// withholding-only proceedings) and the findings that decided it (id,
/// question, because); those findings as a tree, each with what it
/// depends on and its citations, then the other findings evaluated; the
/// deadlines by date with the days left from `as_of` (negative once passed),
/// overdue ones and those within 30 days marked; the open questions,
/// numbered; the family; the warnings; and the notice, last.
///
/// # Example
/// ```
/// let today = jiff::civil::date(2026, 11, 27);
/// let a = refuge_engine::assess_json(r#"{"arrivals": [{"date": "2026-02-14"}]}"#, today, refuge_engine::Law::embedded()).unwrap();
/// let memo = refuge_report::text(&a);
/// assert!(memo.contains("- 2027-02-16 (Tuesday) asylum.one_year"));
/// // The notice comes last, wrapped like every paragraph.
/// let words: Vec<&str> = memo.split_whitespace().collect();
/// assert!(words.join(" ").ends_with(refuge_engine::NOTICE));
/// ```
pub fn text(a: &Assessment) -> String {
    text::memo(a)
}

/// The assessment as one standalone HTML5 page: the memo's content, with the
/// reliefs as cards, the findings as an expandable tree, the dates as a table.
///
/// Inline styles only, no scripts and no external assets; every
/// string from the assessment is HTML-escaped. When printed, everything is
/// expanded.
///
/// # Example
/// ```
/// let today = jiff::civil::date(2026, 11, 27);
/// let a = refuge_engine::assess_json("{}", today, refuge_engine::Law::embedded()).unwrap();
/// let page = refuge_report::html(&a);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains(refuge_engine::NOTICE));
/// ```
pub fn html(a: &Assessment) -> String {
    html::page(a)
}

/// The sections of [`html`]'s page without the page around them (no
/// `<html>`, header or notice), for embedding in another page styled with
/// [`STYLESHEET`]: each section is a `<section>` with an `<h2>`.
pub fn html_sections(a: &Assessment) -> String {
    html::sections_only(a, refuge_i18n::Lang::english())
}

/// [`html_sections`] in `lang`: the fixed words, the reliefs, outcomes,
/// dates' names, questions and each finding's question of law in that
/// language; what the engine writes as prose (the reasons, the warnings) and
/// the citations as the engine wrote them.
pub fn html_sections_in(a: &Assessment, lang: refuge_i18n::Lang) -> String {
    html::sections_only(a, lang)
}

/// The case at a glance, for the top of a case's page (styled with
/// [`STYLESHEET`]): the date to act on first with the days left, the three
/// questions that would settle the most, and one line per relief with the
/// one or two reasons that decide it, in words.
pub fn html_glance(a: &Assessment) -> String {
    html::glance(a, refuge_i18n::Lang::english())
}

/// [`html_glance`] in `lang` (its reasons, the engine's prose, as written).
pub fn html_glance_in(a: &Assessment, lang: refuge_i18n::Lang) -> String {
    html::glance(a, lang)
}

/// The memo's content as JSON, worked out as [`text`] and [`html`] work it
/// out (the same words, order and days left), for a view laid out elsewhere
/// (the PDF memo of `refuge-documents`): `as_of`, `law` (`version`,
/// `reviewed_on`), `reliefs` (name, outcome, basis, note, reasons),
/// `findings` (`decisive`: the tree, each finding in full at its first place;
/// `other`), `deadlines` (by date, with `days` from `as_of` and `alert`),
/// `questions`, `family`, `warnings` and `notice`.
///
/// # Example
/// ```
/// let today = jiff::civil::date(2026, 11, 27);
/// let a = refuge_engine::assess_json(r#"{"arrivals": [{"date": "2026-02-14"}]}"#, today, refuge_engine::Law::embedded()).unwrap();
/// let data = refuge_report::memo_data(&a);
/// assert_eq!(data["deadlines"][0]["date"], "2027-02-16");
/// assert_eq!(data["deadlines"][0]["days"], 81);
/// assert_eq!(data["notice"], refuge_engine::NOTICE);
/// ```
pub fn memo_data(a: &Assessment) -> serde_json::Value {
    data::memo(a, refuge_i18n::Lang::english())
}

/// [`memo_data`] in `lang`: the reliefs (with a plain `summary` of each), the
/// outcomes, the dates' names, days and weekdays, the questions (rendered
/// from their messages, [`i18n::question`]), the family's words and the
/// notice in that language, each finding's question of law
/// (`locales/<language>/findings.ftl`), and each date also written out
/// (`date_long`, `as_of_long`). What the engine writes as prose (the
/// findings' reasons, the dates' reasons, the warnings) stays in English.
pub fn memo_data_in(a: &Assessment, lang: refuge_i18n::Lang) -> serde_json::Value {
    data::memo(a, lang)
}

/// The stylesheet of [`html`]'s page (print rules included), for a page that embeds [`html_sections`].
pub const STYLESHEET: &str = include_str!("../templates/style.css");

/// The parameter set as text, for `refuge law`: its version and review date;
/// every finding the engine makes, with its question and citations; every
/// parameter with each dated value and its source, marking those in force on
/// `today`; the legal holidays, the observed-day rule and the executive-order
/// closings; and the warning texts.
///
/// # Example
/// ```
/// let table = refuge_report::law_text(refuge_engine::Law::embedded(), jiff::civil::date(2026, 11, 27));
/// assert!(table.contains("asylum.one_year.years"));
/// ```
pub fn law_text(law: &Law, today: jiff::civil::Date) -> String {
    law::text(law, today)
}

/// The same content as [`law_text`] as JSON, for `refuge law --format json`:
/// `version`, `reviewed_on`, `findings` (id, question, cite, section),
/// `parameters` (as in `crates/engine/law/parameters.toml`), `observed`, `holidays`,
/// `closings` and `warnings`.
///
/// # Example
/// ```
/// let json = refuge_report::law_json(refuge_engine::Law::embedded());
/// assert_eq!(json["findings"][0]["id"], "asylum.presence");
/// ```
pub fn law_json(law: &Law) -> serde_json::Value {
    law::json(law)
}
