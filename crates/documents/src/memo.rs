//! The assessment memo as PDF: the content of `refuge_report::memo_data`
//! (reliefs, the deciding findings with citations, deadlines with days left,
//! open questions, family, warnings, the law version, the notice) laid out by
//! `templates/memo.typ`.

use refuge_engine::Assessment;
use serde_json::{Value, json};

use crate::{DocError, Meta, render};

const SOURCE: (&str, &str) = ("memo.typ", include_str!("../templates/memo.typ"));

/// Who the memo is for, and what its header shows.
pub type MemoOptions<'a> = crate::DocOptions<'a>;

const TITLE: &str = "Assessment memo";

/// The data `templates/memo.typ` reads as `data.json`: `meta` (title, header,
/// the title block's rows, the notice) and `memo` (`refuge_report::memo_data`).
pub fn memo_data(a: &Assessment, opts: &MemoOptions<'_>) -> Value {
    let rows = vec![
        ("Facts as of".to_string(), a.as_of.to_string()),
        (
            "Law".to_string(),
            format!(
                "version {}, reviewed on {}",
                a.law.version, a.law.reviewed_on
            ),
        ),
    ];
    let meta = Meta::new(TITLE, opts, rows, a.notice);
    json!({"meta": meta, "memo": refuge_report::memo_data(a)})
}

/// The assessment memo as a PDF (US Letter), dated the assessment's `as_of`.
///
/// # Errors
/// [`DocError`] naming the cause when typst cannot lay it out or write it.
pub fn memo_pdf(a: &Assessment, opts: &MemoOptions<'_>) -> Result<Vec<u8>, DocError> {
    render("assessment memo", SOURCE, &memo_data(a, opts), a.as_of)
}
