//! The assessment memo as PDF: the content of `refuge_report::memo_data`
//! (reliefs, the deciding findings with citations, deadlines with days left,
//! open questions, family, warnings, the law version, the notice) laid out by
//! `templates/memo.typ`.

use refuge_engine::Assessment;
use serde_json::{Value, json};

use refuge_i18n::{Lang, date, tr_with};

use crate::{DocError, Meta, render};

const SOURCE: (&str, &str) = ("memo.typ", include_str!("../templates/memo.typ"));

/// Who the memo is for, and what its header shows.
pub type MemoOptions<'a> = crate::DocOptions<'a>;

/// The data `templates/memo.typ` reads as `data.json`: `meta` (title, header,
/// the title block's rows, the notice), `t` (the memo's fixed words),
/// `by_date`, `reasoning_note` and `memo` (`refuge_report::memo_data_in`),
/// all in `opts.lang`.
///
/// In another language than English, what is fixed or named by id is in
/// that language (headings, reliefs with their plain summaries, outcomes,
/// the dates' names, weekdays and days, the questions, each finding's
/// question of law, the family's words, dates written out, the notice); what
/// the engine writes as legal prose (each finding's explanation, each date's
/// reasons, the warnings) stays in English, and the memo says so at its top.
pub fn memo_data(a: &Assessment, opts: &MemoOptions<'_>) -> Value {
    let lang = opts.lang;
    let t = refuge_i18n::words(lang, "doc-memo-");
    let law = tr_with(
        lang,
        "doc-args-memo-law_version",
        &[
            ("version", a.law.version.as_str().into()),
            ("date", shown(lang, a.law.reviewed_on).into()),
        ],
    );
    let as_of = shown(lang, a.as_of);
    let rows = vec![
        (t["facts_as_of"].clone(), as_of.clone()),
        (t["law"].clone(), law),
    ];
    let meta = Meta::new(&t["title"], opts, rows, a.as_of);
    json!({
        "meta": meta,
        "by_date": tr_with(lang, "doc-args-memo-by_date", &[("date", as_of.into())]),
        "reasoning_note": (lang != Lang::english()).then(|| &t["reasoning_note"]),
        "memo": refuge_report::memo_data_in(a, lang),
        "t": t,
    })
}

/// A date as the memo shows it: as the facts write it (`2026-11-27`) in
/// English, whose memo has always read so; written out in another language.
fn shown(lang: Lang, d: jiff::civil::Date) -> String {
    if lang == Lang::english() {
        d.to_string()
    } else {
        date(lang, d)
    }
}

/// The assessment memo as a PDF (US Letter), dated the assessment's `as_of`.
///
/// # Errors
/// [`DocError`] naming the cause when typst cannot lay it out or write it.
pub fn memo_pdf(a: &Assessment, opts: &MemoOptions<'_>) -> Result<Vec<u8>, DocError> {
    render("assessment memo", SOURCE, &memo_data(a, opts), a.as_of)
}
