//! The exhibit packet of a case (issue 17): its uploads placed as exhibits,
//! in order, each with its translations and their certificates, made into
//! one PDF by `refuge_documents::packet_pdf` on the blocking pool.

use axum::extract::State;
use refuge_documents::{DocError, Exhibit, ExhibitFile, Media, Translation};

use super::uploads::{Details, exhibits_in_order};
use super::{DocQuery, For, blocking, download, lang_detail, lang_file};
use crate::http::access::{CaseAccess, Member};
use crate::http::error::{AppError, PageResult};
use crate::http::extract::Q;
use crate::state::AppState;
use crate::store::{CaseRow, UploadRow};

pub(super) async fn packet(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
    Q(q): Q<DocQuery>,
) -> PageResult {
    let exhibits = exhibits(&state, &case).await?;
    let (to, today) = (For::of(&case, &s, &q)?, state.today());
    let lang = to.lang;
    let pdf =
        blocking(move || refuge_documents::packet_pdf(&exhibits, &to.options(), today)).await?;
    let detail = lang_detail("exhibit packet (PDF)", lang);
    download(
        &state,
        &s,
        &case,
        pdf,
        &detail,
        &lang_file("exhibit-packet", lang),
    )
    .await
}

/// The case's exhibits with their files, read from the database.
async fn exhibits(state: &AppState, case: &CaseRow) -> Result<Vec<Exhibit>, AppError> {
    let rows = state.db.uploads(&case.id).await?;
    let mut out = Vec::new();
    for ex in exhibits_in_order(&rows) {
        let details = Details::of(ex);
        let mut translations = Vec::new();
        for t in belonging(&rows, &ex.id, "translation") {
            let certificate = match belonging(&rows, &t.id, "certificate").first() {
                Some(c) => Some(file(state, case, c).await?),
                None => None,
            };
            translations.push(Translation {
                file: file(state, case, t).await?,
                certificate,
            });
        }
        out.push(Exhibit {
            description: if details.description.is_empty() {
                details.file_name
            } else {
                details.description
            },
            proves: details.proves,
            original: file(state, case, ex).await?,
            translations,
        });
    }
    Ok(out)
}

/// The uploads of `role` that belong to `of`, the earliest first.
fn belonging<'a>(rows: &'a [UploadRow], of: &str, role: &str) -> Vec<&'a UploadRow> {
    rows.iter()
        .filter(|r| r.role == role && r.of_upload.as_deref() == Some(of))
        .collect()
}

async fn file(state: &AppState, case: &CaseRow, row: &UploadRow) -> Result<ExhibitFile, AppError> {
    let content = state
        .db
        .upload_content(&case.id, &row.id)
        .await?
        .ok_or(AppError::NotFound)?;
    let media = Media::from_mime(&row.media_type).ok_or_else(|| {
        super::document_error(
            &DocError::Data {
                document: "exhibit packet",
                message: format!("an upload has an unknown kind ({})", row.media_type),
            }
            .to_string(),
        )
    })?;
    Ok(ExhibitFile {
        media,
        pages: usize::try_from(row.pages).unwrap_or(0),
        content: std::sync::Arc::new(content),
    })
}
