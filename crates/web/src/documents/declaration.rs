//! The declaration's first draft (issue 17, item 5), as PDF and as Markdown
//! to edit: `refuge_documents::declaration` over the stored facts and
//! application (an empty one when none is saved), and the engine's
//! assessment of them, which decides whether the late-filing section is
//! there. Made on the blocking pool, audited as `document.download`, a
//! failure an error page naming the cause; the file named by the case number.

use axum::extract::State;
use axum::http::HeaderValue;
use refuge_application::CaseDocument;
use refuge_documents::{DeclarationOptions, DocError, DocOptions, declaration};

use super::{attachment, blocking, download, file_name};
use crate::application;
use crate::domain::AuditAction;
use crate::facts::form::country_name;
use crate::http::access::{CaseAccess, Member};
use crate::http::error::PageResult;
use crate::http::routes::{Access, Routes};
use crate::state::AppState;
use crate::store::CaseRow;

pub(super) fn routes() -> Routes {
    Routes::new()
        .get("/cases/{id}/declaration.pdf", Access::Member, pdf)
        .get("/cases/{id}/declaration.md", Access::Member, markdown)
}

/// What the draft is made from, owned, for the blocking pool.
struct Source {
    json: String,
    number: String,
    name: String,
    by: String,
    law: &'static refuge_engine::Law,
    today: jiff::civil::Date,
}

impl Source {
    async fn of(
        state: &AppState,
        case: &CaseRow,
        by: &str,
    ) -> Result<Source, crate::http::error::AppError> {
        let stored = application::service::stored(state, case).await?;
        Ok(Source {
            json: format!(
                r#"{{"facts": {}, "application": {}}}"#,
                case.facts, stored.document
            ),
            number: case.number.clone(),
            name: case.client_name.clone(),
            by: by.to_string(),
            law: state.law,
            today: state.today(),
        })
    }

    /// The draft, in the form `write` gives it.
    fn make(
        &self,
        write: impl FnOnce(&refuge_documents::Declaration, &DocOptions<'_>) -> Result<Vec<u8>, DocError>,
    ) -> Result<Vec<u8>, DocError> {
        let doc = CaseDocument::from_json(&self.json, self.today).map_err(|e| DocError::Data {
            document: "declaration draft",
            message: format!("the stored facts and application cannot be read together: {e}"),
        })?;
        let a = refuge_engine::assess(doc.case(), self.law);
        let opts = DeclarationOptions {
            doc: DocOptions {
                case_number: Some(&self.number),
                client_name: Some(&self.name),
                name_in_header: false,
                prepared_by: Some(&self.by),
                // The draft is written in English, for filing.
                lang: refuge_documents::Lang::english(),
            },
            country_name: Some(country_name),
        };
        write(&declaration(&doc, &a, &opts), &opts.doc)
    }
}

async fn pdf(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
) -> PageResult {
    let src = Source::of(&state, &case, &s.user.name).await?;
    let pdf = blocking(move || src.make(refuge_documents::declaration_pdf)).await?;
    download(
        &state,
        &s,
        &case,
        pdf,
        "declaration draft (PDF)",
        "declaration-draft",
    )
    .await
}

async fn markdown(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
) -> PageResult {
    let src = Source::of(&state, &case, &s.user.name).await?;
    let text = blocking(move || src.make(|d, opts| Ok(d.markdown(opts).into_bytes()))).await?;
    s.audit(
        &state.db,
        AuditAction::DocumentDownload,
        Some(&case.id),
        "declaration draft (Markdown)",
    )
    .await?;
    Ok(attachment(
        text,
        HeaderValue::from_static("text/markdown; charset=utf-8"),
        &file_name("declaration-draft", &case, "md"),
    ))
}
