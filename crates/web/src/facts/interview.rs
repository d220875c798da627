//! The interview: one question at a time, the most decisive first.

use std::collections::HashMap;

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use refuge_engine::Assessment;
use refuge_engine::output::Question;
use serde::Deserialize;

use crate::cases::service::assessment_of;
use crate::cases::service::{self as cases, CaseError};
use crate::domain::AuditAction;
use crate::facts::form as facts_form;
use crate::facts::widgets::{self, FormState};
use crate::http::access::{CaseAccess, Member};
use crate::http::drafts::Draft;
use crate::http::error::PageResult;
use crate::http::extract::{Posted, Q};
use crate::http::lang;
use crate::http::session::Session;
use crate::http::view::{Ctx, render, see_other};
use crate::state::AppState;
use crate::store::{CaseRow, DbError};
use refuge_i18n::tr;

// ----- the interview -----

pub struct WhyRow {
    pub id: String,
    pub question: String,
    pub cite: String,
}

#[derive(Template)]
#[template(path = "facts/interview.html")]
struct Interview {
    ctx: Ctx,
    case: CaseRow,
    question: Option<Question>,
    position: usize,
    total: usize,
    /// Of the open questions, how many are the attorney's judgment (asked last).
    judgments: usize,
    /// Whether the question shown is one of them.
    judgment: bool,
    /// The client's account of the harm the question is about: its id and words.
    narrative: Option<(String, String)>,
    /// The facts the case records so far (each leaf of the document).
    recorded: usize,
    /// The defined groups, to pick a ground's group from.
    groups: String,
    skip: usize,
    inputs: Vec<String>,
    why: Vec<WhyRow>,
    error: Option<String>,
    saved: Option<String>,
}

#[derive(Deserialize)]
pub struct InterviewQuery {
    #[serde(default)]
    skip: usize,
    saved: Option<String>,
    /// The key of a refused answer to show again (`http::drafts`).
    draft: Option<String>,
}

/// An answer refused: shown again on its own question, as typed, with why.
struct Refused<'a> {
    fact: &'a str,
    typed: &'a HashMap<String, String>,
    error: String,
}

/// The interview at question `skip`, or at a refused answer's question.
fn interview_page(
    a: &Assessment,
    s: &Session,
    case: CaseRow,
    skip: usize,
    refused: Option<Refused<'_>>,
    saved: Option<String>,
) -> Interview {
    let no_answer = HashMap::new();
    let (focus, typed, error) = match refused {
        Some(r) => (Some(r.fact), r.typed, Some(r.error)),
        None => (None, &no_answer, None),
    };
    let doc = cases::document(&case);
    // The questions whose fact the document does not answer yet. One it
    // answers without settling the law (the harm was "not reported") is not
    // asked again and again: the structured form holds it (issue 22, defect 3).
    let mut open: Vec<&Question> = a
        .questions
        .iter()
        .filter(|q| facts_form::get(&doc, &q.fact).is_none())
        .collect();
    // The client's questions first, then, apart, the attorney's judgments
    // (issue 22: whether harm rises to persecution, a group's particularity
    // and social distinction), which are a legal assessment of what the
    // client said. Each part in the order of an intake: who and where the
    // person is, then the story, then the bars; within each, the engine's
    // order (the most decisive first). A follow-up comes after its premise:
    // last while the premise does not (or not yet) hold.
    open.sort_by_key(|q| {
        (
            facts_form::is_judgment(&q.fact),
            facts_form::premise_unmet(&doc, &q.fact),
            facts_form::intake_stage(&q.fact),
        )
    });
    let total = open.len();
    let judgments = open
        .iter()
        .filter(|q| facts_form::is_judgment(&q.fact))
        .count();
    let at = focus.and_then(|f| open.iter().position(|q| q.fact == f));
    let skip = at.unwrap_or(skip);
    // A refused answer to a question that is no longer open (someone else
    // answered it) is still shown on its own question, worded by the form.
    let closed = match (focus, at) {
        (Some(f), None) => facts_form::field_of(f).map(|_| Question {
            fact: f.to_string(),
            ask: facts_form::label_in(s.lang, f).into(),
            why: Vec::new(),
            // The form's label, which has no message: shown as it is.
            ask_message: None,
        }),
        _ => None,
    };
    let question = closed.or_else(|| open.get(skip).map(|q| (*q).clone()));
    let (inputs, why) = match &question {
        Some(q) => {
            let mut errors = HashMap::new();
            if let Some(e) = &error {
                errors.insert(q.fact.clone(), e.clone());
            }
            let st = FormState {
                lang: s.lang,
                doc: &doc,
                typed,
                errors: &errors,
            };
            let why = q
                .why
                .iter()
                .map(|id| {
                    let f = a.finding(id);
                    WhyRow {
                        id: id.to_string(),
                        question: f
                            .map(|f| {
                                refuge_report::i18n::finding_question(s.lang, id, f.question)
                                    .into_owned()
                            })
                            .unwrap_or_default(),
                        cite: f.map(|f| f.cite.join("; ")).unwrap_or_default(),
                    }
                })
                .collect();
            (widgets::answer(&q.fact, &st), why)
        }
        None => (Vec::new(), Vec::new()),
    };
    let judgment = question
        .as_ref()
        .is_some_and(|q| facts_form::is_judgment(&q.fact));
    // A question about a harm shows the client's account of it.
    let narrative = question.as_ref().and_then(|q| {
        let id = q.fact.strip_prefix("harms[")?.split(']').next()?;
        let words = facts_form::get(&doc, &format!("harms[{id}].narrative"))?.as_str()?;
        Some((id.to_string(), words.to_string()))
    });
    Interview {
        ctx: Ctx::of_case(s, "facts-interview-title", &case.client_name),
        case,
        question,
        position: skip + 1,
        total,
        judgments,
        judgment,
        narrative,
        recorded: facts_form::changes(&serde_json::Value::Null, &doc).len(),
        groups: crate::facts::widgets::group_list(&doc),
        skip,
        inputs,
        why,
        error,
        saved,
    }
}

pub async fn interview(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
    Q(q): Q<InterviewQuery>,
) -> PageResult {
    s.audit(
        &state.db,
        AuditAction::CaseView,
        Some(&case.id),
        "interview viewed",
    )
    .await?;
    let (a, _) = assessment_of(&state, &case).await;
    let draft = q
        .draft
        .as_deref()
        .and_then(|key| state.drafts.get(key, &s.user.id, &case.id));
    let Some(draft) = draft else {
        return Ok(render(&interview_page(&a, &s, case, q.skip, None, q.saved)));
    };
    // A refused answer, shown again on its question (still refused: 422).
    let refused = Refused {
        fact: &draft.fact,
        typed: &draft.typed,
        error: draft.error.clone(),
    };
    let page = interview_page(&a, &s, case, q.skip, Some(refused), None);
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
}

pub async fn answer(
    State(state): State<AppState>,
    CaseAccess { case, .. }: CaseAccess<Member>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let skip: usize = form.get("skip").parse().unwrap_or(0);
    if form.get("action") == "skip" {
        return Ok(see_other(format!(
            "/cases/{}/interview?skip={}",
            case.id,
            skip + 1
        )));
    }
    let fact = form.get("fact").to_string();
    let answers: Vec<(String, String)> = form
        .fields
        .iter()
        .filter(|(k, _)| {
            k == &fact || k.starts_with(&format!("{fact}[")) || k.starts_with(&format!("{fact}."))
        })
        .cloned()
        .collect();
    let typed: HashMap<String, String> = answers.iter().cloned().collect();
    let blank = answers.iter().all(|(_, v)| v.trim().is_empty());
    // A refusal redirects to the question, the answer kept on the server
    // (POST, redirect, GET: the back button asks to resubmit nothing).
    let fail = |case: CaseRow, msg: String| {
        let (fact, typed, state) = (&fact, &typed, &state);
        async move {
            let draft = Draft {
                fact: fact.clone(),
                typed: typed.clone(),
                error: msg,
                ..Draft::default()
            };
            let page = format!("/cases/{}/interview?skip={skip}", case.id);
            PageResult::Ok(state.drafts.refuse(&s.user.id, &case.id, draft, &page))
        }
    };
    if blank {
        return fail(case, tr(s.lang, "facts-interview-blank")).await;
    }
    // Someone else saved meanwhile. Their change and this answer meet only
    // if they answered this very question: then the answer is kept and shown
    // again on its question, beside theirs; otherwise it is saved on top of
    // their version (issue 22, defect 6).
    if form.get("version") != case.version.to_string() {
        let current = cases::document(&case);
        let theirs: Vec<String> = answers
            .iter()
            .filter_map(|(k, _)| facts_form::get(&current, k).map(|v| facts_form::show(Some(v))))
            .collect();
        if !theirs.is_empty() {
            return fail(
                case,
                lang::tr(
                    s.lang,
                    "facts-interview-answered-meanwhile",
                    &[("theirs", &theirs.join(", "))],
                ),
            )
            .await;
        }
    }
    let mut doc = cases::document(&case);
    let errors = facts_form::apply_form(&mut doc, &answers);
    if let Some((_, e)) = errors.first() {
        return fail(case, e.clone()).await;
    }
    // The address names the fact saved, never its value (issue 22, defect 7).
    let next = format!(
        "/cases/{}/interview?skip={skip}&{}",
        case.id,
        serde_urlencoded::to_string([("saved", &fact)]).unwrap_or_default()
    );
    // An answer that changes nothing makes no version and no audit entry.
    if doc == cases::document(&case) {
        return Ok(see_other(next));
    }
    let audit = s
        .did(
            AuditAction::FactsChange,
            format!("interview answer: {fact}"),
        )
        .on(&case.id);
    match cases::save_facts(&state, &s.user, &case, &doc, &audit).await {
        Ok(_) => Ok(see_other(next)),
        Err(CaseError::Invalid(e)) => fail(case, e.message).await,
        Err(CaseError::Db(DbError::Conflict(m))) => fail(case, m).await,
        Err(CaseError::Db(e)) => Err(e.into()),
    }
}
