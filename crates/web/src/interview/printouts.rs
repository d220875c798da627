//! The interview printouts as PDF (issue 18, item 5): the practice set and
//! the what-to-bring list, made by `refuge_documents` from the same practice
//! set and checklist the pages show, on the blocking pool; each download
//! audited as `document.download`, a failure an error page naming the cause.
//!
//! The practice set comes in two copies: the client's (the default: the
//! questions and room to answer, nothing of the preparer's), and the
//! preparer's (`?copy=preparer`: with why each question is in the set and the
//! latest marks and notes of the practice sessions). See
//! `refuge_documents::PracticeCopy`.

use axum::extract::State;
use refuge_documents::{DocOptions, InterviewInfo, Mark, PracticeCopy, PrintOptions};
use refuge_interview::Bank;
use serde::Deserialize;

use super::{Details, document, forum_of, latest, set_of};
use crate::cases::service::assessment_of;
use crate::documents::{blocking, download};
use crate::http::access::{CaseAccess, Member};
use crate::http::error::{AppError, PageResult};
use crate::http::extract::Q;
use crate::http::routes::{Access, Routes};
use crate::state::AppState;
use crate::store::InterviewRecord;

/// The printouts' routes, with the access each requires (the practice pages').
pub(super) fn routes() -> Routes {
    Routes::new()
        .get("/cases/{id}/practice.pdf", Access::Member, practice)
        .get("/cases/{id}/practice/bring.pdf", Access::Member, bring)
}

#[derive(Deserialize, Default)]
struct PrintQuery {
    /// `client` (the default) or `preparer`.
    #[serde(default)]
    copy: String,
}

/// The interview as recorded, owned, for the blocking pool.
#[derive(Clone, Default)]
struct Recorded {
    date: String,
    time: String,
    details: Details,
}

impl Recorded {
    fn of(record: Option<&InterviewRecord>) -> Option<Recorded> {
        record.map(|r| Recorded {
            date: r.date.clone(),
            time: r.time.clone(),
            details: serde_json::from_str(&r.details).unwrap_or_default(),
        })
    }

    fn info(&self) -> InterviewInfo<'_> {
        InterviewInfo {
            date: &self.date,
            time: &self.time,
            place: &self.details.place,
            officer: &self.details.officer,
            interpreter: &self.details.interpreter,
            language: &self.details.language,
        }
    }
}

async fn practice(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
    Q(q): Q<PrintQuery>,
) -> PageResult {
    let copy = match q.copy.as_str() {
        "" => PracticeCopy::Client,
        c => PracticeCopy::parse(c).ok_or_else(|| {
            AppError::BadRequest("copy: choose the client's or the preparer's copy".into())
        })?,
    };
    let record = state.db.interview(&case.id).await?;
    let forum = forum_of(record.as_ref(), &document(&case));
    let (items, _, _) = set_of(&state, &case, forum).await;
    let date = assessment_of(&state, &case).await.0.as_of;
    // The marks are read for the preparer's copy only: the client's never holds them.
    let marks = match copy {
        PracticeCopy::Preparer => state.db.practice_marks(&case.id).await?,
        PracticeCopy::Client => Vec::new(),
    };
    let recorded = Recorded::of(record.as_ref());
    let (number, name, by) = (
        case.number.clone(),
        case.client_name.clone(),
        s.user.name.clone(),
    );
    let pdf = blocking(move || {
        let at = latest(&marks)
            .into_iter()
            .map(|(id, m)| {
                (
                    id,
                    Mark {
                        status: &m.status,
                        notes: &m.notes,
                    },
                )
            })
            .collect();
        refuge_documents::practice_pdf(
            &items,
            &at,
            copy,
            &PrintOptions {
                doc: DocOptions {
                    case_number: Some(&number),
                    client_name: Some(&name),
                    name_in_header: false,
                    prepared_by: Some(&by),
                },
                forum: Some(forum),
                interview: recorded.as_ref().map(Recorded::info),
                date,
            },
        )
    })
    .await?;
    let (detail, file) = match copy {
        PracticeCopy::Client => ("practice set, client's copy (PDF)", "practice-client"),
        PracticeCopy::Preparer => ("practice set, preparer's copy (PDF)", "practice-preparer"),
    };
    download(&state, &s, &case, pdf, detail, file).await
}

async fn bring(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
) -> PageResult {
    let record = state.db.interview(&case.id).await?;
    let forum = forum_of(record.as_ref(), &document(&case));
    let (_, list, _) = set_of(&state, &case, forum).await;
    let date = assessment_of(&state, &case).await.0.as_of;
    let recorded = Recorded::of(record.as_ref());
    let ids: Vec<String> = list.into_iter().map(|c| c.id).collect();
    let (number, name, by) = (
        case.number.clone(),
        case.client_name.clone(),
        s.user.name.clone(),
    );
    let pdf = blocking(move || {
        let items: Vec<_> = Bank::embedded()
            .checklist
            .iter()
            .filter(|c| ids.contains(&c.id))
            .collect();
        let ticked = recorded
            .as_ref()
            .map_or(Vec::new(), |r| r.details.brought.clone());
        refuge_documents::bring_pdf(
            &items,
            &ticked,
            &PrintOptions {
                doc: DocOptions {
                    case_number: Some(&number),
                    client_name: Some(&name),
                    name_in_header: false,
                    prepared_by: Some(&by),
                },
                forum: Some(forum),
                interview: recorded.as_ref().map(Recorded::info),
                date,
            },
        )
    })
    .await?;
    download(
        &state,
        &s,
        &case,
        pdf,
        "what-to-bring list (PDF)",
        "what-to-bring",
    )
    .await
}
