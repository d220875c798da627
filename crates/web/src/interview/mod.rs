//! Interview preparation (issue 18): practice with the client for their own
//! interview or hearing, one question at a time, on a phone or a laptop
//! beside them.
//!
//! The questions are `refuge_interview`'s practice set for the case, chosen
//! anew on every view from the stored facts, the engine's assessment and the
//! forum; a question keeps its id across meetings, so the marks of earlier
//! sessions ("ready", "needs work", notes on the client's answer, sealed)
//! show where each one stands. The interview or hearing itself (date, time,
//! place, officer or judge, interpreter, what to bring) is recorded here;
//! its date goes on the dashboard and in the calendar feeds.
//!
//! The application's readiness checks (issue 16) are run on the stored
//! application, when the case has one (`application::service`), and its
//! tripped checks become "explain this" questions. The printouts as PDF (the
//! practice set, the client's or the preparer's copy, and what to bring) are
//! `printouts.rs`; the printable page is the same in HTML.

use std::collections::HashMap;

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use refuge_i18n::Lang;
use refuge_interview::{Bank, CaseView, Forum, Item, checklist, practice_set, words};
use serde::Deserialize;
use serde_json::Value;

use crate::application;
use crate::cases::service::assessment_of;
use crate::domain::AuditAction;
use crate::http::access::{CaseAccess, Member};
use crate::http::drafts::Draft;
use crate::http::error::{AppError, PageResult};
use crate::http::extract::{Posted, Q};
use crate::http::lang;
use crate::http::routes::{Access, Routes};
use crate::http::view::{Ctx, render, see_other};
use crate::state::AppState;
use crate::store::{CaseRow, InterviewRecord, PracticeMark, PracticeSession};
use refuge_i18n::tr;

mod printouts;

/// This area's routes, with the access each requires.
pub fn routes() -> Routes {
    Routes::new()
        .merge(printouts::routes())
        .get("/cases/{id}/practice", Access::Member, overview)
        .get("/cases/{id}/practice/print", Access::Member, print)
        .post(
            "/cases/{id}/practice/interview",
            Access::Member,
            save_interview,
        )
        .post("/cases/{id}/practice/sessions", Access::Member, start)
        // The session in the query (`?s=…&q=…`), so the address names the case alone.
        .get("/cases/{id}/practice/session", Access::Member, question)
        .post("/cases/{id}/practice/session", Access::Member, mark)
}

/// The longest text of a note on an answer, and of a detail of the interview.
const MAX_NOTES: usize = 20_000;
const MAX_DETAIL: usize = 500;

/// The details of the interview kept sealed (place, who, the checklist's ticks).
#[derive(Debug, Clone, Default, serde::Serialize, Deserialize)]
struct Details {
    #[serde(default)]
    place: String,
    #[serde(default)]
    officer: String,
    #[serde(default)]
    interpreter: String,
    #[serde(default)]
    language: String,
    #[serde(default)]
    brought: Vec<String>,
}

/// The case's document for the bank's conditions: its facts (the
/// application is added by [`set_of`] when one is stored).
fn document(case: &CaseRow) -> Value {
    let facts: Value =
        serde_json::from_str(&case.facts).unwrap_or(Value::Object(Default::default()));
    serde_json::json!({ "facts": facts })
}

/// The forum of the recorded interview, else the one the facts point to.
fn forum_of(record: Option<&InterviewRecord>, doc: &Value) -> Forum {
    record
        .and_then(|r| Forum::parse(&r.forum))
        .unwrap_or_else(|| Forum::of_facts(&doc["facts"]))
}

/// The case's practice set for `forum`, and what to bring.
/// The case's practice set and what-to-bring list, worded in `lang` (a
/// printout passes English: the documents word it in the document's language).
async fn set_of(
    state: &AppState,
    case: &CaseRow,
    forum: Forum,
    lang: Lang,
) -> (Vec<Item>, Vec<ChecklistRow>, Value) {
    let mut doc = document(case);
    let (a, _) = assessment_of(state, case).await;
    // The application's checks, when one is stored and reads beside the
    // facts (one that no longer does is the application page's to show).
    let readiness = match application::service::stored(state, case).await {
        Ok(stored) if stored.version > 0 => {
            let r = application::service::readiness(state, case, &stored.document).await;
            doc["application"] = stored.document;
            r.ok()
        }
        _ => None,
    };
    let view = CaseView {
        document: &doc,
        assessment: &a,
        readiness: readiness.as_ref(),
        forum,
    };
    let bank = Bank::embedded();
    let items = practice_set(bank, &view)
        .into_iter()
        .map(|i| words::translated(lang, i))
        .collect();
    let list = checklist(bank, &view)
        .into_iter()
        .map(|c| ChecklistRow {
            id: c.id.clone(),
            text: words::checklist_item(lang, c),
            sources: sources(&c.sources),
            ticked: false,
        })
        .collect();
    (items, list, doc)
}

/// A source as a page names it: its title, address and how far it was checked.
pub struct SourceView {
    pub title: String,
    pub url: String,
    pub status: String,
}

fn sources(ids: &[String]) -> Vec<SourceView> {
    let bank = Bank::embedded();
    ids.iter()
        .filter_map(|id| bank.source(id))
        .map(|s| SourceView {
            title: s.title.clone(),
            url: s.url.clone(),
            status: s.status.clone(),
        })
        .collect()
}

pub struct ChecklistRow {
    pub id: String,
    pub text: String,
    pub sources: Vec<SourceView>,
    pub ticked: bool,
}

/// Where a question stands: its latest mark, across sessions.
fn latest(marks: &[PracticeMark]) -> HashMap<&str, &PracticeMark> {
    let mut out = HashMap::new();
    for m in marks {
        out.insert(m.question_id.as_str(), m);
    }
    out
}

/// A question of the set in the summary.
pub struct SummaryRow {
    pub index: usize,
    pub ask: String,
    pub about: Option<String>,
    pub element: String,
    pub status: &'static str,
    pub notes: String,
}

/// The message naming a question's latest mark.
fn status_words(s: &str) -> &'static str {
    match s {
        "ready" => "prep-status-ready",
        "needs_work" => "prep-status-needs-work",
        _ => "prep-status-not-practised",
    }
}

/// The message naming a forum, in the pages' words ("an asylum office
/// interview").
pub fn forum_id(forum: &Forum) -> &'static str {
    match forum {
        Forum::AsylumOffice => "prep-forum-asylum-office",
        Forum::Court => "prep-forum-court",
    }
}

/// A page, answered 422 when it shows a refused form again.
fn answer(page: &impl Template, refused: bool) -> axum::response::Response {
    let status = if refused {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    (status, render(page)).into_response()
}

// ----- the overview: the interview, what to bring, what still needs work -----

#[derive(Template)]
#[template(path = "interview/practice.html")]
struct Overview {
    ctx: Ctx,
    case: CaseRow,
    forum: Forum,
    record: Option<InterviewRecord>,
    /// The forum the interview form shows chosen.
    chosen_forum: String,
    details: Details,
    checklist: Vec<ChecklistRow>,
    sessions: Vec<PracticeSession>,
    needs_work: Vec<SummaryRow>,
    not_practised: Vec<SummaryRow>,
    ready: usize,
    total: usize,
    /// The session to continue (the latest), if any.
    latest_session: Option<String>,
    error: Option<String>,
    done: Option<&'static str>,
    bank_version: String,
}

#[derive(Deserialize, Default)]
struct OverviewQuery {
    draft: Option<String>,
    #[serde(default)]
    done: String,
}

fn place(case: &CaseRow) -> String {
    format!("practice/{}", case.id)
}

async fn overview(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
    Q(q): Q<OverviewQuery>,
) -> PageResult {
    let record = state.db.interview(&case.id).await?;
    let doc = document(&case);
    let forum = forum_of(record.as_ref(), &doc);
    let (items, mut list, _) = set_of(&state, &case, forum, s.lang).await;
    let mut details: Details = record
        .as_ref()
        .and_then(|r| serde_json::from_str(&r.details).ok())
        .unwrap_or_default();
    let mut shown = record.clone();
    let draft = q
        .draft
        .as_deref()
        .and_then(|k| state.drafts.get(k, &s.user.id, &place(&case)));
    let error = draft.as_ref().map(|d| d.error.clone());
    if let Some(d) = &draft {
        let typed = |k: &str| d.typed.get(k).cloned().unwrap_or_default();
        shown = Some(InterviewRecord {
            forum: typed("forum"),
            date: typed("date"),
            time: typed("time"),
            details: String::new(),
        });
        details = Details {
            place: typed("place"),
            officer: typed("officer"),
            interpreter: typed("interpreter"),
            language: typed("language"),
            brought: typed("brought").split('\n').map(str::to_string).collect(),
        };
    }
    for c in &mut list {
        c.ticked = details.brought.contains(&c.id);
    }
    let marks = state.db.practice_marks(&case.id).await?;
    let at = latest(&marks);
    let (mut needs_work, mut not_practised, mut ready) = (Vec::new(), Vec::new(), 0);
    for (index, item) in items.iter().enumerate() {
        let m = at.get(item.id.as_str());
        let row = SummaryRow {
            index,
            ask: item.ask.clone(),
            about: item.about.clone(),
            element: item.element_title.clone(),
            status: status_words(m.map_or("", |m| m.status.as_str())),
            notes: m.map_or(String::new(), |m| m.notes.clone()),
        };
        match m.map(|m| m.status.as_str()) {
            Some("ready") => ready += 1,
            Some(_) => needs_work.push(row),
            None => not_practised.push(row),
        }
    }
    let sessions = state.db.practice_sessions(&case.id).await?;
    s.audit(
        &state.db,
        AuditAction::CaseView,
        Some(&case.id),
        "interview preparation viewed",
    )
    .await?;
    let page = Overview {
        ctx: Ctx::of_case(&s, "prep-title", &case.client_name),
        forum,
        chosen_forum: shown
            .as_ref()
            .map_or(forum.as_str().to_string(), |r| r.forum.clone()),
        record: shown,
        details,
        checklist: list,
        latest_session: sessions.first().map(|s| s.id.clone()),
        sessions,
        needs_work,
        not_practised,
        ready,
        total: items.len(),
        error,
        done: match q.done.as_str() {
            "interview" => Some("prep-done-interview"),
            "finished" => Some("prep-done-finished"),
            _ => None,
        },
        bank_version: Bank::embedded().version.clone(),
        case,
    };
    Ok(answer(&page, draft.is_some()))
}

/// Records the interview or hearing; a refused form comes back as typed.
async fn save_interview(
    State(state): State<AppState>,
    CaseAccess { case, .. }: CaseAccess<Member>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let get = |k: &str| form.get(k).trim().to_string();
    let brought: Vec<String> = form
        .fields
        .iter()
        .filter(|(k, _)| k == "brought")
        .map(|(_, v)| v.clone())
        .collect();
    let details = Details {
        place: get("place"),
        officer: get("officer"),
        interpreter: get("interpreter"),
        language: get("language"),
        brought: brought.clone(),
    };
    let (forum, date, time) = (get("forum"), get("date"), get("time"));
    let lang = s.lang;
    let error = if Forum::parse(&forum).is_none() {
        Some(tr(lang, "prep-error-where"))
    } else if let Err(e) = refuge_engine::facts::parse_date(&date) {
        Some(lang::tr(lang, "prep-error-date", &[("problem", &e)]))
    } else if !time.is_empty() && !valid_time(&time) {
        Some(lang::tr(lang, "prep-error-time", &[("time", &time)]))
    } else {
        [
            ("prep-place", &details.place),
            ("prep-officer", &details.officer),
            ("prep-interpreter", &details.interpreter),
            ("prep-interpreter-language", &details.language),
        ]
        .iter()
        .find(|(_, v)| v.chars().count() > MAX_DETAIL)
        .map(|(name, _)| {
            let field = tr(lang, name);
            lang::tr(
                lang,
                "prep-error-too-long",
                &[("field", &field), ("max", &MAX_DETAIL)],
            )
        })
    };
    if let Some(error) = error {
        let mut typed: HashMap<String, String> = [
            "forum",
            "date",
            "time",
            "place",
            "officer",
            "interpreter",
            "language",
        ]
        .iter()
        .map(|k| (k.to_string(), form.get(k).to_string()))
        .collect();
        typed.insert("brought".into(), brought.join("\n"));
        let draft = Draft {
            typed,
            error,
            status: 422,
            ..Draft::default()
        };
        let page = format!("/cases/{}/practice", case.id);
        return Ok(state.drafts.refuse(&s.user.id, &place(&case), draft, &page));
    }
    let record = InterviewRecord {
        forum,
        date,
        time,
        details: serde_json::to_string(&details).unwrap_or_default(),
    };
    state
        .db
        .set_interview(
            &case.id,
            &record,
            &s.user,
            &s.did(AuditAction::InterviewSet, "interview recorded"),
        )
        .await?;
    Ok(see_other(format!(
        "/cases/{}/practice?done=interview",
        case.id
    )))
}

fn valid_time(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() == 5
        && b[2] == b':'
        && t[..2].parse::<u8>().is_ok_and(|h| h < 24)
        && t[3..].parse::<u8>().is_ok_and(|m| m < 60)
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 2 || c.is_ascii_digit())
}

// ----- a practice session -----

async fn start(
    State(state): State<AppState>,
    CaseAccess { case, .. }: CaseAccess<Member>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let forum = match form.get("forum") {
        "" => {
            let record = state.db.interview(&case.id).await?;
            forum_of(record.as_ref(), &document(&case))
        }
        f => Forum::parse(f).ok_or_else(|| {
            AppError::BadRequest("forum: choose the asylum office or the immigration court".into())
        })?,
    };
    let id = state
        .db
        .start_practice(
            &case.id,
            forum.as_str(),
            &s.user,
            &s.did(
                AuditAction::PracticeStart,
                format!("practice session started ({})", forum.words()),
            ),
        )
        .await?;
    Ok(see_other(format!(
        "/cases/{}/practice/session?s={id}",
        case.id
    )))
}

#[derive(Template)]
#[template(path = "interview/question.html")]
struct QuestionPage {
    ctx: Ctx,
    case: CaseRow,
    session: PracticeSession,
    forum: Forum,
    item: Option<Item>,
    section: String,
    /// Why the question is in the set, in the reader's language.
    reason: String,
    index: usize,
    total: usize,
    sources: Vec<SourceView>,
    /// This session's mark of the question, as typed when refused.
    status: String,
    notes: String,
    /// The question's mark in an earlier session.
    earlier: Option<PracticeMark>,
    error: Option<String>,
}

#[derive(Deserialize, Default)]
struct QuestionQuery {
    #[serde(default)]
    s: String,
    #[serde(default)]
    q: usize,
    draft: Option<String>,
}

async fn session_of(
    state: &AppState,
    case: &CaseRow,
    id: &str,
) -> Result<PracticeSession, AppError> {
    state
        .db
        .practice_sessions(&case.id)
        .await?
        .into_iter()
        .find(|s| s.id == id)
        .ok_or(AppError::NotFound)
}

async fn question(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
    Q(q): Q<QuestionQuery>,
) -> PageResult {
    let session = session_of(&state, &case, &q.s).await?;
    let forum = Forum::parse(&session.forum).unwrap_or(Forum::AsylumOffice);
    let (items, _, _) = set_of(&state, &case, forum, s.lang).await;
    let total = items.len();
    let index = q.q.min(total.saturating_sub(1));
    let item = items.into_iter().nth(index);
    let marks = state.db.practice_marks(&case.id).await?;
    let (mut status, mut notes, mut earlier) = (String::new(), String::new(), None);
    if let Some(item) = &item {
        for m in marks.iter().filter(|m| m.question_id == item.id) {
            if m.session_id == session.id {
                status = m.status.clone();
                notes = m.notes.clone();
            } else {
                earlier = Some(m.clone());
            }
        }
    }
    let draft = q
        .draft
        .as_deref()
        .and_then(|k| state.drafts.get(k, &s.user.id, &place(&case)));
    let error = draft.as_ref().map(|d| d.error.clone());
    if let Some(d) = &draft {
        status = d.typed.get("status").cloned().unwrap_or_default();
        notes = d.typed.get("notes").cloned().unwrap_or_default();
    }
    let page = QuestionPage {
        ctx: Ctx::of_case(&s, "prep-practice-title", &case.client_name),
        section: item
            .as_ref()
            .map_or(String::new(), |i| words::section(s.lang, i.section)),
        reason: item
            .as_ref()
            .map_or(String::new(), |i| words::reason(s.lang, &i.because)),
        sources: item.as_ref().map_or(Vec::new(), |i| sources(&i.sources)),
        item,
        case,
        session,
        forum,
        index,
        total,
        status,
        notes,
        earlier,
        error,
    };
    Ok(answer(&page, draft.is_some()))
}

/// Marks the question ready or needs work, with notes; then the next question.
async fn mark(
    State(state): State<AppState>,
    CaseAccess { case, .. }: CaseAccess<Member>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let session = session_of(&state, &case, form.get("session")).await?;
    let forum = Forum::parse(&session.forum).unwrap_or(Forum::AsylumOffice);
    let (items, _, _) = set_of(&state, &case, forum, Lang::english()).await;
    let index: usize = form.get("q").parse().unwrap_or(0);
    let question = form.get("question");
    let status = form.get("status");
    let notes = form.get("notes").trim();
    let page = format!(
        "/cases/{}/practice/session?s={}&q={index}",
        case.id, session.id
    );
    let lang = form.session.lang;
    let error = if !items.iter().any(|i| i.id == question) {
        Some(tr(lang, "prep-error-question-gone"))
    } else if !matches!(status, "ready" | "needs_work") {
        Some(tr(lang, "prep-error-mark"))
    } else if notes.chars().count() > MAX_NOTES {
        let field = tr(lang, "prep-notes-label");
        Some(lang::tr(
            lang,
            "prep-error-too-long",
            &[("field", &field), ("max", &MAX_NOTES)],
        ))
    } else {
        None
    };
    if let Some(error) = error {
        let typed = [("status", status), ("notes", form.get("notes"))]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let draft = Draft {
            typed,
            error,
            status: 422,
            ..Draft::default()
        };
        return Ok(state.drafts.refuse(&s.user.id, &place(&case), draft, &page));
    }
    let audit = s.did(
        AuditAction::PracticeMark,
        format!("practice question {question} marked {status}"),
    );
    if !state
        .db
        .mark_practice(
            &case.id,
            &session.id,
            question,
            status,
            notes,
            &s.user,
            &audit,
        )
        .await?
    {
        return Err(AppError::NotFound);
    }
    if index + 1 >= items.len() {
        return Ok(see_other(format!(
            "/cases/{}/practice?done=finished",
            case.id
        )));
    }
    Ok(see_other(format!(
        "/cases/{}/practice/session?s={}&q={}",
        case.id,
        session.id,
        index + 1
    )))
}

// ----- the printable page -----

#[derive(Template)]
#[template(path = "interview/print.html")]
struct Print {
    ctx: Ctx,
    case: CaseRow,
    forum: Forum,
    record: Option<InterviewRecord>,
    details: Details,
    sections: Vec<(String, Vec<(Item, &'static str)>)>,
    checklist: Vec<ChecklistRow>,
    printed_by: String,
    bank_version: String,
    bank_reviewed_on: String,
}

async fn print(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
) -> PageResult {
    let record = state.db.interview(&case.id).await?;
    let forum = forum_of(record.as_ref(), &document(&case));
    let (items, mut list, _) = set_of(&state, &case, forum, s.lang).await;
    let details: Details = record
        .as_ref()
        .and_then(|r| serde_json::from_str(&r.details).ok())
        .unwrap_or_default();
    for c in &mut list {
        c.ticked = details.brought.contains(&c.id);
    }
    let marks = state.db.practice_marks(&case.id).await?;
    let at = latest(&marks);
    let mut sections: Vec<(String, Vec<(Item, &'static str)>)> = Vec::new();
    for item in items {
        let status = status_words(at.get(item.id.as_str()).map_or("", |m| m.status.as_str()));
        let title = words::section(s.lang, item.section);
        match sections.last_mut() {
            Some((t, list)) if *t == title => list.push((item, status)),
            _ => sections.push((title, vec![(item, status)])),
        }
    }
    s.audit(
        &state.db,
        AuditAction::CaseExport,
        Some(&case.id),
        "printable practice set",
    )
    .await?;
    let bank = Bank::embedded();
    Ok(render(&Print {
        ctx: Ctx::of_case(&s, "prep-title", &case.client_name),
        case,
        forum,
        record,
        details,
        sections,
        checklist: list,
        printed_by: s.user.name.clone(),
        bank_version: bank.version.clone(),
        bank_reviewed_on: bank.reviewed_on.to_string(),
    }))
}
