//! The assessment memo as PDF: the content of `refuge_report::memo_data`
//! (reliefs, the deciding findings with citations, deadlines with days left,
//! open questions, family, warnings, the law version, the notice) laid out by
//! `templates/memo.typ`.

use refuge_engine::Assessment;
use serde_json::{Value, json};

use crate::{DocError, Meta, header, render};

const SOURCE: (&str, &str) = ("memo.typ", include_str!("../templates/memo.typ"));

/// Who the memo is for, and what its header shows.
#[derive(Debug, Clone, Default)]
pub struct MemoOptions<'a> {
    /// The case number, in the header of every page.
    pub case_number: Option<&'a str>,
    /// The client's name, in the title block on the first page.
    pub client_name: Option<&'a str>,
    /// Put the client's name in the header of every page too (off by default:
    /// a page seen apart from the others then names no one).
    pub name_in_header: bool,
    /// Who made the memo (the signed-in user), in the title block.
    pub prepared_by: Option<&'a str>,
}

const TITLE: &str = "Assessment memo";

/// The data `templates/memo.typ` reads as `data.json`: `meta` (title, header,
/// the title block's rows, the notice) and `memo` (`refuge_report::memo_data`).
pub fn memo_data(a: &Assessment, opts: &MemoOptions<'_>) -> Value {
    let mut rows = Vec::new();
    if let Some(n) = opts.case_number.filter(|n| !n.trim().is_empty()) {
        rows.push(("Case number".to_string(), n.trim().to_string()));
    }
    if let Some(name) = opts.client_name.filter(|n| !n.trim().is_empty()) {
        rows.push(("Client".to_string(), name.trim().to_string()));
    }
    rows.push(("Facts as of".to_string(), a.as_of.to_string()));
    rows.push((
        "Law".to_string(),
        format!(
            "version {}, reviewed on {}",
            a.law.version, a.law.reviewed_on
        ),
    ));
    if let Some(by) = opts.prepared_by.filter(|n| !n.trim().is_empty()) {
        rows.push(("Prepared by".to_string(), by.trim().to_string()));
    }
    let meta = Meta {
        title: TITLE.to_string(),
        header: header(
            TITLE,
            opts.case_number,
            opts.client_name,
            opts.name_in_header,
        ),
        rows,
        notice: a.notice,
    };
    json!({"meta": meta, "memo": refuge_report::memo_data(a)})
}

/// The assessment memo as a PDF (US Letter), dated the assessment's `as_of`.
///
/// # Errors
/// [`DocError`] naming the cause when typst cannot lay it out or write it.
pub fn memo_pdf(a: &Assessment, opts: &MemoOptions<'_>) -> Result<Vec<u8>, DocError> {
    render("assessment memo", SOURCE, &memo_data(a, opts), a.as_of)
}
