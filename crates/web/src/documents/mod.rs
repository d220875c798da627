//! Documents (issue 17): the case's filing papers as PDF, made by
//! `refuge_documents` from the stored facts: the assessment memo and the
//! Form I-589 answers, each a download from the case page.
//!
//! Every download is recorded in the audit log (`document.download`, naming
//! the document, never its content). A document that cannot be made is an
//! error page naming the cause (HTTP 422), never a 500 and never an empty
//! file. The file's name carries the case number, never the client's name.
//! The PDF is made on the blocking pool, never on the threads that answer
//! requests.
//!
//! The answers are made from the stored facts and the stored application
//! (`application::service`), an empty one when none is saved yet, so that
//! every answer still missing reads as such and the cover page lists it.
//!
//! The memo comes in each language Refuge speaks (`?lang=es`, linked beside
//! the English download; `language_links`): see `refuge_documents::memo_data`
//! for what is translated. A language it does not speak is refused (400).
//!
//! The case's uploads and their place in the exhibit packet are in
//! `uploads.rs` (a `multipart/form-data` body read by `multipart.rs`); the
//! packet itself in `packet.rs`; the declaration draft (PDF and Markdown) in
//! `declaration.rs`.

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use refuge_application::CaseDocument;
use refuge_documents::{DocError, DocOptions, Lang};
use serde::Deserialize;

use crate::application;
use crate::cases::service::assessment_of;
use crate::domain::AuditAction;
use crate::http::access::{CaseAccess, Member};
use crate::http::error::{AppError, PageResult};
use crate::http::extract::Q;
use crate::http::routes::{Access, Routes};
use crate::http::session::Session;
use crate::http::view::esc;
use crate::state::AppState;
use crate::store::CaseRow;

mod declaration;
mod multipart;
mod packet;
mod uploads;

pub use uploads::{DEFAULT_UPLOAD_LIMIT, attached};

/// This area's routes, with the access each requires.
pub fn routes() -> Routes {
    Routes::new()
        .get("/cases/{id}/memo.pdf", Access::Member, memo)
        .get("/cases/{id}/answers.pdf", Access::Member, answers)
        .get("/cases/{id}/packet.pdf", Access::Member, packet::packet)
        .get("/cases/{id}/uploads", Access::Member, uploads::uploads_page)
        .post("/cases/{id}/uploads", Access::Member, uploads::upload)
        .get(
            "/cases/{id}/uploads/{upload}",
            Access::Member,
            uploads::download_upload,
        )
        .post(
            "/cases/{id}/uploads/{upload}",
            Access::Member,
            uploads::change_upload,
        )
        .post(
            "/cases/{id}/uploads/{upload}/delete",
            Access::Member,
            uploads::delete_upload,
        )
        .merge(declaration::routes())
}

/// A download's options in the address: never a value of the case.
#[derive(Deserialize, Default)]
pub struct DocQuery {
    /// `1`: the client's name in the header of every page too.
    #[serde(default)]
    name_in_header: String,
    /// The document's language (`es`); English when absent.
    #[serde(default)]
    lang: String,
}

/// The language a printout is asked for in (`?lang=es`): English when
/// absent; a language Refuge does not speak is refused, naming the choices.
pub(crate) fn print_lang(code: &str) -> Result<Lang, AppError> {
    if code.trim().is_empty() {
        return Ok(Lang::english());
    }
    Lang::parse(code).ok_or_else(|| {
        let all: Vec<&str> = Lang::all().map(Lang::code).collect();
        AppError::BadRequest(format!(
            "lang: no printout in \"{}\"; choose one of {}",
            code.chars().take(20).collect::<String>(),
            all.join(", ")
        ))
    })
}

/// The links beside a case's download (`memo.pdf`) to it in each language
/// besides English (` · Español`), as HTML.
pub fn language_links(case_id: &str, document: &str) -> String {
    Lang::all()
        .filter(|l| *l != Lang::english())
        .map(|l| {
            let code = l.code();
            format!(
                " · <a href=\"/cases/{}/{document}?lang={code}\" download hreflang=\"{code}\" lang=\"{code}\">{}</a>",
                esc(case_id),
                esc(&l.name())
            )
        })
        .collect()
}

/// Who a document is for and who made it, owned, for the blocking pool.
struct For {
    number: String,
    name: String,
    by: String,
    name_in_header: bool,
    lang: Lang,
}

impl For {
    fn of(case: &CaseRow, s: &Session, q: &DocQuery) -> Result<For, AppError> {
        Ok(For {
            number: case.number.clone(),
            name: case.client_name.clone(),
            by: s.user.name.clone(),
            name_in_header: q.name_in_header == "1",
            lang: print_lang(&q.lang)?,
        })
    }

    /// The document's header and title block.
    fn options(&self) -> DocOptions<'_> {
        DocOptions {
            case_number: Some(&self.number),
            client_name: Some(&self.name),
            name_in_header: self.name_in_header,
            prepared_by: Some(&self.by),
            lang: self.lang,
        }
    }
}

async fn memo(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
    Q(q): Q<DocQuery>,
) -> PageResult {
    let (a, _) = assessment_of(&state, &case).await;
    let to = For::of(&case, &s, &q)?;
    let lang = to.lang;
    let pdf = blocking(move || refuge_documents::memo_pdf(&a, &to.options())).await?;
    let detail = lang_detail("assessment memo (PDF)", lang);
    download(&state, &s, &case, pdf, &detail, &lang_file("memo", lang)).await
}

async fn answers(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
    Q(q): Q<DocQuery>,
) -> PageResult {
    let (law, today) = (state.law, state.today());
    let stored = application::service::stored(&state, &case).await?;
    let (facts, app) = (case.facts.clone(), stored.document.to_string());
    let to = For::of(&case, &s, &q)?;
    let lang = to.lang;
    let pdf = blocking(move || {
        // The stored facts and application (an empty one when none is saved).
        let json = format!(r#"{{"facts": {facts}, "application": {app}}}"#);
        let doc = CaseDocument::from_json(&json, today).map_err(|e| DocError::Data {
            document: "I-589 answers",
            message: format!("the stored facts and application cannot be read together: {e}"),
        })?;
        let r = refuge_application::check(&doc, law);
        refuge_documents::answers_pdf(&doc, &r, &to.options())
    })
    .await?;
    let detail = lang_detail("I-589 answers (PDF)", lang);
    download(
        &state,
        &s,
        &case,
        pdf,
        &detail,
        &lang_file("i589-answers", lang),
    )
    .await
}

/// A document's file name: `memo`, or `memo-es` in another language than English.
pub(crate) fn lang_file(base: &str, lang: Lang) -> String {
    if lang == Lang::english() {
        base.to_string()
    } else {
        format!("{base}-{lang}")
    }
}

/// A download's audit detail: as it is in English, with the language's code
/// after it in another (`assessment memo (PDF), es`).
pub(crate) fn lang_detail(detail: &str, lang: Lang) -> String {
    if lang == Lang::english() {
        detail.to_string()
    } else {
        format!("{detail}, {lang}")
    }
}

/// A document made: its download recorded in the audit log (`detail` names
/// the document), then the file, named `<file>-<case number>.pdf`.
pub(crate) async fn download(
    state: &AppState,
    s: &Session,
    case: &CaseRow,
    pdf: Vec<u8>,
    detail: &str,
    file: &str,
) -> PageResult {
    s.audit(
        &state.db,
        AuditAction::DocumentDownload,
        Some(&case.id),
        detail,
    )
    .await?;
    Ok(attachment(
        pdf,
        HeaderValue::from_static("application/pdf"),
        &file_name(file, case, "pdf"),
    ))
}

/// Makes a document on the blocking pool; its failure is a page naming the cause.
pub(crate) async fn blocking(
    make: impl FnOnce() -> Result<Vec<u8>, DocError> + Send + 'static,
) -> Result<Vec<u8>, AppError> {
    match tokio::task::spawn_blocking(make).await {
        Ok(Ok(pdf)) if !pdf.is_empty() => Ok(pdf),
        Ok(Ok(_)) => Err(document_error(
            "the document came out empty; nothing was downloaded",
        )),
        Ok(Err(e)) => Err(document_error(&e.to_string())),
        Err(_) => Err(document_error(
            "the PDF could not be made (the task failed)",
        )),
    }
}

/// The page a failed document answers: what went wrong, in words (HTTP 422).
pub fn document_error(cause: &str) -> AppError {
    tracing::warn!("a document could not be made");
    AppError::Invalid(crate::http::lang::tr(
        crate::http::lang::current(),
        "uploads-document-failed",
        &[("problem", &cause)],
    ))
}

/// `memo-2026-0042.pdf`: the case number, never the client's name, and only
/// characters every file system and browser accept.
pub(crate) fn file_name(what: &str, case: &CaseRow, ext: &str) -> String {
    let number: String = case
        .number
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!("{what}-{number}.{ext}")
}

pub(crate) fn attachment(content: Vec<u8>, media: HeaderValue, name: &str) -> Response {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{name}\""))
        .unwrap_or(HeaderValue::from_static("attachment"));
    (
        [
            (header::CONTENT_TYPE, media),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        content,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_document_is_a_page_naming_the_cause_never_a_500() {
        let res = document_error("the assessment memo could not be laid out: unknown font")
            .into_response();
        assert_eq!(res.status(), axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    }
}
