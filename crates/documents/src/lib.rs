//! The filing packet as PDF: the assessment memo and the Form I-589 answers,
//! laid out by typst used as a library.
//!
//! Each document is a typst source in `templates/` (compiled in) and its data
//! as JSON: the source reads the data with `json("data.json")` from the
//! document's own World ([`world`]), so a client's name with `#`, `[`, `*` or
//! `$` prints as written. The World has fixed fonts and takes its date from
//! the document (the assessment's `as_of`), never the clock: the same case
//! gives the same PDF.
//!
//! The interview printouts (the practice set, what to bring: `practice`) and
//! the declaration's first draft (`declaration`) are made the same way.
//!
//! Architecture invariant: this crate decides nothing. The memo's words come
//! from `refuge_report::memo_data`, the answers from the case document and
//! the form's data, the readiness problems from `refuge_application::check`.

mod answers;
mod declaration;
mod memo;
mod packet;
mod practice;
mod world;

use std::collections::BTreeMap;

use jiff::civil::Date;
pub use refuge_i18n::Lang;
use refuge_i18n::{tr, tr_with};
use serde::Serialize;

pub use answers::{AnswersOptions, CONTINUE_CHARS, CONTINUE_LINES, answers_data, answers_pdf};
pub use declaration::{
    DRAFT_NOTE, Declaration, DeclarationOptions, Para, ParaKind, Piece, declaration,
    declaration_data, declaration_pdf, long_date_text, shown, value_at,
};
pub use memo::{MemoOptions, memo_data, memo_pdf};
pub use packet::{
    Exhibit, ExhibitFile, FileInfo, FileProblem, Media, PacketOptions, Translation, exhibit_letter,
    inspect, media_of, packet_data, packet_pdf,
};
pub use practice::{
    InterviewInfo, Mark, PracticeCopy, PrintOptions, bring_data, bring_pdf, lang_for_language,
    practice_data, practice_pdf,
};

/// Why a document could not be made. Never a blank file: either a whole PDF,
/// or this.
#[derive(Debug, thiserror::Error)]
pub enum DocError {
    /// The typst source could not be laid out (typst's messages, joined).
    #[error("the {document} could not be laid out: {message}")]
    Layout {
        document: &'static str,
        message: String,
    },
    /// The laid-out document could not be written as PDF.
    #[error("the {document} could not be written as PDF: {message}")]
    Pdf {
        document: &'static str,
        message: String,
    },
    /// The data could not be written as JSON (not expected: every value is text or a number).
    #[error("the {document}'s data could not be prepared: {message}")]
    Data {
        document: &'static str,
        message: String,
    },
    /// typst itself failed (a defect of typst or of the source), caught rather than let bring down the program.
    #[error("the {document} could not be made: the PDF library failed ({message})")]
    Internal {
        document: &'static str,
        message: String,
    },
}

/// The header and title block every document carries.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct Meta {
    /// The document's language (`en`, `es`), for typst's hyphenation.
    pub lang: &'static str,
    /// The fixed words every document shares (`doc-common-*`), in its language.
    pub t: BTreeMap<&'static str, String>,
    /// The document's date written out in its language (the facts' `as_of`).
    pub date: String,
    /// The document's title ("Assessment memo").
    pub title: String,
    /// The running header's left part: the case number, and the client's
    /// name only when asked for.
    pub header: String,
    /// The title block's rows (label, value), in order.
    pub rows: Vec<(String, String)>,
    /// The not-legal-advice notice, in the document's language.
    pub notice: String,
}

/// Who a document is for, and what its header shows.
#[derive(Debug, Clone, Default)]
pub struct DocOptions<'a> {
    /// The case number, in the header of every page.
    pub case_number: Option<&'a str>,
    /// The client's name, in the title block on the first page.
    pub client_name: Option<&'a str>,
    /// Put the client's name in the header of every page too (off by default:
    /// a page seen apart from the others then names no one).
    pub name_in_header: bool,
    /// Who made the document (the signed-in user), in the title block.
    pub prepared_by: Option<&'a str>,
    /// The language of the document's fixed words (English by default).
    pub lang: Lang,
}

impl Meta {
    /// The title block's rows: the case number and the client (when given),
    /// the document's own `rows`, and who prepared it; the running header.
    pub(crate) fn new(
        title: &str,
        opts: &DocOptions<'_>,
        rows: Vec<(String, String)>,
        date: Date,
    ) -> Meta {
        let lang = opts.lang;
        let t = refuge_i18n::words(lang, "doc-common-");
        let given = |label: &str, v: Option<&str>| {
            v.map(str::trim)
                .filter(|v| !v.is_empty())
                .map(|v| (t[label].clone(), v.to_string()))
        };
        let all = given("case_number", opts.case_number)
            .into_iter()
            .chain(given("client", opts.client_name))
            .chain(rows)
            .chain(given("prepared_by", opts.prepared_by))
            .collect();
        Meta {
            lang: lang.code(),
            date: refuge_i18n::date(lang, date),
            title: title.to_string(),
            header: header(
                lang,
                title,
                opts.case_number,
                opts.client_name,
                opts.name_in_header,
            ),
            rows: all,
            notice: tr(lang, "notice-not-legal-advice"),
            t,
        }
    }
}

/// The running header: the case number, and the client's name only when the
/// user asked for it (`name_in_header`), for a page that may be seen apart
/// from the others (8 C.F.R. § 208.6).
pub(crate) fn header(
    lang: Lang,
    document: &str,
    case_number: Option<&str>,
    client_name: Option<&str>,
    name_in_header: bool,
) -> String {
    let case = match case_number.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => tr_with(lang, "doc-args-header-case", &[("number", n.into())]),
        None => tr(lang, "doc-args-header-no-number"),
    };
    match client_name.map(str::trim).filter(|n| !n.is_empty()) {
        Some(name) if name_in_header => format!("{case} · {name} · {document}"),
        _ => format!("{case} · {document}"),
    }
}

/// Compiles a typst source of the caller's with `data` as `data.json`: for
/// tests of this crate's errors (a source that does not compile must give a
/// [`DocError`] naming the cause, never a panic or an empty file).
#[doc(hidden)]
pub fn render_source(
    source: &str,
    data: &serde_json::Value,
    today: Date,
) -> Result<Vec<u8>, DocError> {
    let data = serde_json::to_vec(data).unwrap_or_default();
    let world = world::DocWorld::new(("test.typ", source), data, today);
    compile("test document", &world)
}

/// Compiles the source `main` with `data` as `data.json` on `today`, and writes the PDF.
pub(crate) fn render(
    document: &'static str,
    main: (&str, &str),
    data: &impl Serialize,
    today: Date,
) -> Result<Vec<u8>, DocError> {
    let data = serde_json::to_vec(data).map_err(|e| DocError::Data {
        document,
        message: e.to_string(),
    })?;
    let world = world::DocWorld::new(main, data, today);
    compile(document, &world)
}

/// Compiles the World's main source and writes the PDF; typst's errors become
/// a [`DocError`] naming the cause, and a panic inside typst is caught.
pub(crate) fn compile(
    document: &'static str,
    world: &world::DocWorld,
) -> Result<Vec<u8>, DocError> {
    let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let doc = typst::compile::<typst_layout::PagedDocument>(world)
            .output
            .map_err(|errors| DocError::Layout {
                document,
                message: messages(&errors),
            })?;
        typst_pdf::pdf(&doc, &typst_pdf::PdfOptions::default()).map_err(|errors| DocError::Pdf {
            document,
            message: messages(&errors),
        })
    }));
    // The caches typst keeps between compilations: a server renders many
    // documents, and each keeps nothing it does not need again soon.
    comemo::evict(4);
    match run {
        Ok(result) => result,
        Err(panic) => Err(DocError::Internal {
            document,
            message: panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no message".into()),
        }),
    }
}

fn messages(errors: &[typst::diag::SourceDiagnostic]) -> String {
    let mut all: Vec<String> = errors.iter().map(|e| e.message.to_string()).collect();
    all.dedup();
    all.join("; ")
}
