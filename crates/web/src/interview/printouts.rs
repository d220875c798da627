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
//!
//! Both printouts come in each language Refuge speaks (`?lang=es`; English
//! by default): the questions, their topic, why and preparation, the
//! what-to-bring items and every fixed word in that language.

use axum::extract::State;
use jiff::civil::Date;
use refuge_documents::{DocOptions, InterviewInfo, Lang, Mark, PracticeCopy, PrintOptions};
use refuge_interview::{Bank, Forum};
use serde::Deserialize;

use super::{Details, document, forum_of, latest, set_of};
use crate::cases::service::assessment_of;
use crate::documents::{blocking, download, lang_detail, lang_file, print_lang};
use crate::http::access::{CaseAccess, Member};
use crate::http::error::{AppError, PageResult};
use crate::http::extract::Q;
use crate::http::routes::{Access, Routes};
use crate::state::AppState;
use crate::store::{CaseRow, InterviewRecord};

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
    /// The printout's language (`es`); English when absent.
    #[serde(default)]
    lang: String,
}

/// The interview as recorded, owned, for the blocking pool.
#[derive(Clone, Default)]
struct Recorded {
    date: String,
    time: String,
    details: Details,
}

/// What both printouts' options are made of, owned, for the blocking pool.
struct Owned {
    number: String,
    name: String,
    by: String,
    forum: Forum,
    recorded: Option<Recorded>,
    date: Date,
    lang: Lang,
}

impl Owned {
    fn options(&self) -> PrintOptions<'_> {
        PrintOptions {
            doc: DocOptions {
                case_number: Some(&self.number),
                client_name: Some(&self.name),
                name_in_header: false,
                prepared_by: Some(&self.by),
                lang: self.lang,
            },
            forum: Some(self.forum),
            interview: self.recorded.as_ref().map(Recorded::info),
            date: self.date,
        }
    }
}

/// The case's interview, forum, date and names for a printout.
async fn owned(state: &AppState, case: &CaseRow, by: &str, lang: &str) -> Result<Owned, AppError> {
    let lang = print_lang(lang)?;
    let record = state.db.interview(&case.id).await?;
    Ok(Owned {
        lang,
        number: case.number.clone(),
        name: case.client_name.clone(),
        by: by.to_string(),
        forum: forum_of(record.as_ref(), &document(case)),
        recorded: Recorded::of(record.as_ref()),
        date: assessment_of(state, case).await.0.as_of,
    })
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
    let o = owned(&state, &case, &s.user.name, &q.lang).await?;
    let lang = o.lang;
    let (items, _, _) = set_of(&state, &case, o.forum, Lang::english()).await;
    // The marks are read for the preparer's copy only: the client's never holds them.
    let marks = match copy {
        PracticeCopy::Preparer => state.db.practice_marks(&case.id).await?,
        PracticeCopy::Client => Vec::new(),
    };
    let pdf = blocking(move || {
        let at = latest(&marks)
            .into_iter()
            .map(|(id, m)| {
                let mark = Mark {
                    status: &m.status,
                    notes: &m.notes,
                };
                (id, mark)
            })
            .collect();
        refuge_documents::practice_pdf(&items, &at, copy, &o.options())
    })
    .await?;
    let (detail, file) = match copy {
        PracticeCopy::Client => ("practice set, client's copy (PDF)", "practice-client"),
        PracticeCopy::Preparer => ("practice set, preparer's copy (PDF)", "practice-preparer"),
    };
    let detail = lang_detail(detail, lang);
    download(&state, &s, &case, pdf, &detail, &lang_file(file, lang)).await
}

async fn bring(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
    Q(q): Q<PrintQuery>,
) -> PageResult {
    let o = owned(&state, &case, &s.user.name, &q.lang).await?;
    let lang = o.lang;
    let (_, list, _) = set_of(&state, &case, o.forum, Lang::english()).await;
    let ids: Vec<String> = list.into_iter().map(|c| c.id).collect();
    let pdf = blocking(move || {
        let items: Vec<_> = Bank::embedded()
            .checklist
            .iter()
            .filter(|c| ids.contains(&c.id))
            .collect();
        let ticked = o
            .recorded
            .as_ref()
            .map_or(Vec::new(), |r| r.details.brought.clone());
        refuge_documents::bring_pdf(&items, &ticked, &o.options())
    })
    .await?;
    let detail = lang_detail("what-to-bring list (PDF)", lang);
    download(
        &state,
        &s,
        &case,
        pdf,
        &detail,
        &lang_file("what-to-bring", lang),
    )
    .await
}
