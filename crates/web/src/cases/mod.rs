//! Cases: the list and search, a new case, the case page and its printable
//! report, history, notes, the team and archiving.

pub mod service;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use refuge_engine::Assessment;
use serde::Deserialize;

use crate::cases::service::assessment_of;
use crate::cases::service::{self as cases, CaseError};
use crate::domain::{AuditAction, UserId};
use crate::facts::form as facts_form;
use crate::facts::form::Change;
use crate::http::access::{CaseAccess, Manager, Member};
use crate::http::drafts::Draft;
use crate::http::error::AppError;
use crate::http::error::PageResult;
use crate::http::extract::{Posted, Q};
use crate::http::lang::{self, Arg};
use crate::http::routes::{Access, Routes};
use crate::http::session::Session;
use crate::http::view::{ChangeView, Ctx, VersionView, render, see_other};
use crate::secret;
use crate::state::AppState;
use crate::store::{CaseFilter, CaseRow, DbError, Note, Task, User};
use refuge_i18n::{Lang, tr};

/// This area's routes, with the access each requires.
pub fn routes() -> Routes {
    Routes::new()
        .get("/cases", Access::SignedIn, case_list)
        .post("/cases", Access::SignedIn, create_case)
        .post("/cases/search", Access::SignedIn, search_cases)
        .get("/cases/new", Access::SignedIn, new_case_form)
        .get("/cases/{id}", Access::Member, case_page)
        .get("/cases/{id}/report.html", Access::Member, report)
        .get("/cases/{id}/history", Access::Member, history)
        .post("/cases/{id}/notes", Access::Member, add_note)
        .post("/cases/{id}/notes/{note}", Access::Member, change_note)
        .post("/cases/{id}/tasks", Access::Member, add_task)
        .post("/cases/{id}/tasks/{task}", Access::Member, task_done)
        .post("/cases/{id}/archive", Access::Manager, archive)
        .post("/cases/{id}/members", Access::Manager, add_member)
        .post("/cases/{id}/members/remove", Access::Manager, remove_member)
}

// ----- cases -----

#[derive(Template)]
#[template(path = "cases/cases.html")]
struct CaseList {
    ctx: Ctx,
    cases: Vec<CaseRow>,
    q: String,
    due: String,
    filter: CaseFilter,
}

/// The case list's filters in the address: never a name or a number, which
/// are searched for through a form posted to `/cases/search` (issue 22,
/// defect 7: a client's name must not sit in an address, a browser's history
/// or a proxy's log).
#[derive(Deserialize)]
struct ListQuery {
    #[serde(default)]
    due: String,
    #[serde(default)]
    archived: String,
}

async fn case_list(State(state): State<AppState>, s: Session, Q(q): Q<ListQuery>) -> PageResult {
    list_cases(&state, &s, String::new(), q.due, !q.archived.is_empty()).await
}

/// The case list searched by name or case number (the form's body, not the address).
async fn search_cases(State(state): State<AppState>, form: Posted) -> PageResult {
    let (q, due) = (form.get("q").to_string(), form.get("due").to_string());
    let archived = !form.get("archived").is_empty();
    list_cases(&state, &form.session, q, due, archived).await
}

async fn list_cases(
    state: &AppState,
    s: &Session,
    q: String,
    due: String,
    archived: bool,
) -> PageResult {
    let due_by = match due.as_str() {
        "" => None,
        d => {
            let days: i64 = d
                .parse()
                .map_err(|_| AppError::BadRequest("due must be a number of days".into()))?;
            let date = state
                .today()
                .checked_add(jiff::Span::new().days(days.clamp(0, 3650)))
                .map_err(|_| AppError::BadRequest("due is out of range".into()))?;
            Some(date.to_string())
        }
    };
    let filter = CaseFilter {
        search: Some(q.clone()),
        due_by,
        archived,
        limit: 500,
    };
    let cases = state.db.cases_for(&s.user, &filter).await?;
    Ok(render(&CaseList {
        ctx: Ctx::of(s, "cases-list-title"),
        cases,
        q,
        due,
        filter,
    }))
}

#[derive(Template)]
#[template(path = "cases/case_new.html")]
struct NewCase<'a> {
    ctx: Ctx,
    client_name: &'a str,
    number: &'a str,
    arrival: &'a str,
    error: Option<String>,
}

/// The new-case form's address after a refusal: the key of its draft.
#[derive(Deserialize)]
pub struct NewCaseQuery {
    draft: Option<String>,
}

/// The place of the new-case form's drafts (`http::drafts`).
const NEW_CASE: &str = "new-case";

async fn new_case_form(
    State(state): State<AppState>,
    s: Session,
    Q(q): Q<NewCaseQuery>,
) -> PageResult {
    let draft = q
        .draft
        .as_deref()
        .and_then(|key| state.drafts.get(key, &s.user.id, NEW_CASE));
    let Some(d) = draft else {
        return Ok(render(&NewCase {
            ctx: Ctx::of(&s, "cases-new-title"),
            client_name: "",
            number: "",
            arrival: "",
            error: None,
        }));
    };
    let typed = |name: &str| d.typed.get(name).map_or("", String::as_str);
    let page = NewCase {
        ctx: Ctx::of(&s, "cases-new-title"),
        client_name: typed("client_name"),
        number: typed("number"),
        arrival: typed("arrival"),
        error: Some(d.error.clone()),
    };
    Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response())
}

async fn create_case(State(state): State<AppState>, form: Posted) -> PageResult {
    let client_name = form.get("client_name").trim();
    let number = form.get("number").trim();
    let arrival = form.get("arrival").trim();
    let mut facts = serde_json::json!({});
    let mut error = None;
    let lang = form.session.lang;
    let arrival_error = |e: &str| lang::tr(lang, "cases-new-error-arrival", &[("problem", &e)]);
    if client_name.is_empty() || client_name.chars().count() > 200 {
        error = Some(tr(lang, "cases-new-error-name"));
    } else if number.chars().count() > 64 {
        error = Some(tr(lang, "cases-new-error-number-long"));
    } else if !arrival.is_empty() {
        match facts_form::parse(facts_form::Kind::Date, arrival) {
            Ok(d) => facts = serde_json::json!({"arrivals": [{"date": d}]}),
            Err(e) => error = Some(arrival_error(&e)),
        }
    }
    let created = match error {
        Some(e) => Err(e),
        None => match cases::create(
            &state,
            &form.session.user,
            (!number.is_empty()).then_some(number),
            client_name,
            &facts,
            &form.session.did(AuditAction::CaseCreate, ""),
        )
        .await
        {
            Ok(case) => Ok(case),
            Err(CaseError::Invalid(e)) => Err(arrival_error(&e.message)),
            Err(CaseError::Db(DbError::Conflict(m))) => {
                Err(lang::tr(lang, "cases-new-error-number", &[("problem", &m)]))
            }
            Err(CaseError::Db(e)) => return Err(e.into()),
        },
    };
    match created {
        Ok(case) => Ok(see_other(format!("/cases/{}", case.id))),
        Err(e) => {
            // Shown again after a redirect (POST, redirect, GET).
            let typed = [
                ("client_name", client_name),
                ("number", number),
                ("arrival", arrival),
            ]
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .into_iter()
            .collect();
            let draft = Draft {
                typed,
                error: e,
                status: 422,
                ..Draft::default()
            };
            let user = &form.session.user.id;
            Ok(state.drafts.refuse(user, NEW_CASE, draft, "/cases/new"))
        }
    }
}

#[derive(Template)]
#[template(path = "cases/case.html")]
struct CasePage {
    ctx: Ctx,
    ctx_user_id: UserId,
    case: CaseRow,
    a: Assessment,
    /// What to do next and where the case stands (`refuge_report`, escaped).
    glance: String,
    sections: String,
    facts_error: Option<String>,
    notes: Vec<Note>,
    /// A fresh key for the new-note form (a double submit adds it once).
    note_key: String,
    tasks: Vec<Task>,
    /// Ideas for a task: the case's dates to act on and its open questions.
    task_ideas: Vec<String>,
    members: Vec<User>,
    /// Active users not on the team, to pick from.
    colleagues: Vec<User>,
    can_manage: bool,
    /// The client intake's link, answers waiting and the client's language.
    intake: crate::intake::CaseIntake,
    /// What the last action did, in words (after a save's redirect).
    done: Option<String>,
    /// What a new law changed in the case, until it is marked reviewed (issue 23).
    law_banner: Option<String>,
}

/// The case page's address after an action: which action, never a value
/// (the page says what was saved, from the stored record).
#[derive(Deserialize, Default)]
pub struct CaseQuery {
    #[serde(default)]
    done: String,
}

/// What the action of `done` did to the case, in words.
async fn done_in_words(
    state: &AppState,
    case: &CaseRow,
    done: &str,
    lang: Lang,
) -> Result<Option<String>, AppError> {
    let id = match done {
        "archived" => "cases-done-archived",
        "reopened" => "cases-done-reopened",
        "note" => "cases-done-note",
        "task" => "cases-done-task",
        "note_edited" => "cases-done-note-edited",
        "note_removed" => "cases-done-note-removed",
        "team" => "cases-done-team",
        "law_reviewed" => "cases-done-law-reviewed",
        "language" => "intake-done-language",
        "facts" => return facts_saved_in_words(state, case, lang).await,
        _ => return Ok(None),
    };
    Ok(Some(tr(lang, id)))
}

/// What the last facts version changed, in words: the facts it changed
/// (six at most, else how many).
async fn facts_saved_in_words(
    state: &AppState,
    case: &CaseRow,
    lang: Lang,
) -> Result<Option<String>, AppError> {
    let history = state.db.facts_history(&case.id).await?;
    let Some(last) = history.first() else {
        return Ok(None);
    };
    let changes: Vec<Change> = serde_json::from_str(&last.changes).unwrap_or_default();
    let mut labels: Vec<String> = changes
        .iter()
        .map(|c| facts_form::label_of_in(lang, &c.path))
        .collect();
    labels.dedup();
    let version: &dyn Arg = &last.version;
    Ok(Some(match labels.len() {
        0 => lang::tr(lang, "cases-done-facts-unchanged", &[("version", version)]),
        n if n <= 6 => lang::tr(
            lang,
            "cases-done-facts",
            &[("version", version), ("changes", &labels.join("; "))],
        ),
        n => lang::tr(
            lang,
            "cases-done-facts-many",
            &[("version", version), ("count", &n)],
        ),
    }))
}

async fn case_page(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
    Q(q): Q<CaseQuery>,
) -> PageResult {
    let done = done_in_words(&state, &case, &q.done, s.lang).await?;
    let (a, facts_error) = assessment_of(&state, &case).await;
    let tasks = state.db.case_tasks(&case.id).await?;
    let task_ideas = a
        .deadlines
        .iter()
        .filter(|d| d.status == refuge_engine::output::Status::Upcoming)
        .map(|d| {
            let date = d.date.to_string();
            lang::tr(
                s.lang,
                "cases-task-idea-act",
                &[("date", &date), ("what", &d.label)],
            )
        })
        .chain(
            a.questions
                .iter()
                .take(5)
                .map(|q| refuge_report::i18n::question(s.lang, q))
                .map(|q| lang::tr(s.lang, "cases-task-idea-ask", &[("question", &q)])),
        )
        .collect();
    let glance = refuge_report::html_glance_in(&a, s.lang);
    let sections = refuge_report::html_sections_in(&a, s.lang);
    let notes = state.db.notes(&case.id).await?;
    let members = state.db.members(&case.id).await?;
    let intake = crate::intake::case_summary(&state, &s, &case).await?;
    let colleagues = if s.user.role.manages_cases() {
        let mut all = state.db.users().await?;
        all.retain(|u| u.active && !members.iter().any(|m| m.id == u.id));
        all
    } else {
        Vec::new()
    };
    let law_banner = crate::lawchange::banner(&state, &s.user, s.lang, &s.csrf, &case).await?;
    s.audit(
        &state.db,
        AuditAction::CaseView,
        Some(&case.id),
        "case page viewed",
    )
    .await?;
    let page = CasePage {
        law_banner,
        ctx: Ctx::of_case(&s, "cases-case-title", &case.client_name),
        ctx_user_id: s.user.id.clone(),
        can_manage: s.user.role.manages_cases(),
        case,
        a,
        glance,
        sections,
        facts_error,
        notes,
        members,
        note_key: secret::random_id(),
        tasks,
        task_ideas,
        colleagues,
        intake,
        done,
    };
    Ok(render(&page))
}

async fn report(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
) -> PageResult {
    let (a, _) = assessment_of(&state, &case).await;
    s.audit(
        &state.db,
        AuditAction::CaseExport,
        Some(&case.id),
        "printable report",
    )
    .await?;
    Ok(render(&Report {
        ctx: Ctx::of_case(&s, "cases-case-title", &case.client_name),
        as_of: a.as_of.to_string(),
        law_version: a.law.version.clone(),
        law_reviewed_on: a.law.reviewed_on.to_string(),
        sections: refuge_report::html_sections_in(&a, s.lang),
        printed_by: s.user.name.clone(),
        case,
    }))
}

/// The printable report: the engine's report sections under the case's
/// number and client's name, styled by the site's own stylesheet (its
/// content policy allows no inline style).
#[derive(Template)]
#[template(path = "cases/report.html")]
struct Report {
    ctx: Ctx,
    case: CaseRow,
    as_of: String,
    law_version: String,
    law_reviewed_on: String,
    printed_by: String,
    /// HTML from `refuge_report`, which escapes every string it writes.
    sections: String,
}
// ----- history, notes, team, archive -----

/// A change in words, as the facts history shows it: the fact's label, and
/// its values in words (`true` reads "yes", `without_inspection` "without
/// inspection").
fn in_words_of(c: ChangeView, lang: Lang) -> ChangeView {
    ChangeView {
        label: facts_form::label_of_in(lang, &c.path),
        before: c.before.as_deref().map(|v| in_words(v, lang)),
        after: c.after.as_deref().map(|v| in_words(v, lang)),
        path: c.path,
    }
}

/// A stored value in words.
fn in_words(v: &str, lang: Lang) -> String {
    match v {
        "true" => tr(lang, "application-yes"),
        "false" => tr(lang, "application-no"),
        v if facts_form::is_choice(v) => facts_form::choice_in(lang, v),
        v if !v.is_empty() && v.chars().all(|c| c.is_ascii_lowercase() || c == '_') => {
            crate::facts::widgets::words(v)
        }
        v => v.to_string(),
    }
}

#[derive(Template)]
#[template(path = "cases/history.html")]
struct History {
    ctx: Ctx,
    case: CaseRow,
    versions: Vec<VersionView>,
    column: &'static str,
    unset: &'static str,
    unchanged: &'static str,
}

async fn history(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
) -> PageResult {
    s.audit(
        &state.db,
        AuditAction::CaseView,
        Some(&case.id),
        "facts history viewed",
    )
    .await?;
    let versions = state
        .db
        .facts_history(&case.id)
        .await?
        .into_iter()
        .map(|v| {
            VersionView::new(v.version, v.changed_by, v.changed_at, &v.changes, |c| {
                in_words_of(c, s.lang)
            })
        })
        .collect();
    Ok(render(&History {
        ctx: Ctx::of_case(&s, "cases-history-title", &case.client_name),
        case,
        versions,
        column: "cases-history-fact",
        unset: "cases-history-unknown",
        unchanged: "cases-history-unchanged",
    }))
}

async fn add_note(
    State(state): State<AppState>,
    CaseAccess { case, .. }: CaseAccess<Member>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let body = form.get("body").trim();
    if body.is_empty() || body.len() > 20_000 {
        return Err(AppError::BadRequest(tr(s.lang, "cases-error-note")));
    }
    // A second submit of the same form (a double click, a resend) adds nothing.
    let key = form.get("submit_key");
    let key = if key.is_empty() {
        secret::random_id()
    } else {
        key.to_string()
    };
    state
        .db
        .add_note(
            &case.id,
            &s.user,
            body,
            &key,
            &s.did(AuditAction::NoteAdd, "note added"),
        )
        .await?;
    Ok(see_other(format!("/cases/{}?done=note#notes", case.id)))
}

/// A note's edit or removal: by its author, or by whoever manages cases. The
/// note keeps every version, and the audit log says who changed it.
async fn change_note(
    State(state): State<AppState>,
    CaseAccess { case, .. }: CaseAccess<Member>,
    Path((_, note_id)): Path<(String, String)>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let Some(note) = state
        .db
        .notes(&case.id)
        .await?
        .into_iter()
        .find(|n| n.id == note_id)
    else {
        return Err(AppError::NotFound);
    };
    if note.author_id != s.user.id && !s.user.role.manages_cases() {
        return Err(AppError::Forbidden);
    }
    let version: i64 = form.get("version").parse().unwrap_or(0);
    let remove = form.get("action") == "remove";
    let body = form.get("body").trim();
    if !remove && (body.is_empty() || body.len() > 20_000) {
        return Err(AppError::BadRequest(tr(
            form.session.lang,
            "cases-error-note-edit",
        )));
    }
    let (action, what, done) = if remove {
        (
            AuditAction::NoteDelete,
            "note removed (its versions are kept)",
            "note_removed",
        )
    } else {
        (AuditAction::NoteEdit, "note edited", "note_edited")
    };
    state
        .db
        .change_note(
            &case.id,
            &note.id,
            &s.user,
            version,
            (!remove).then_some(body),
            &s.did(action, what),
        )
        .await?;
    Ok(see_other(format!("/cases/{}?done={done}#notes", case.id)))
}

async fn archive(
    State(state): State<AppState>,
    CaseAccess { case, .. }: CaseAccess<Manager>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let archived = form.get("archived") == "1";
    let what = if archived {
        "case archived"
    } else {
        "case reopened"
    };
    state
        .db
        .set_archived(&case.id, archived, &s.did(AuditAction::CaseArchive, what))
        .await?;
    let done = if archived { "archived" } else { "reopened" };
    Ok(see_other(format!("/cases/{}?done={done}", case.id)))
}

async fn add_member(
    State(state): State<AppState>,
    CaseAccess { case, .. }: CaseAccess<Manager>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let name = form.get("name").trim();
    let Some((user, _)) = state.db.user_by_name(name).await? else {
        return Err(AppError::BadRequest(lang::tr(
            s.lang,
            "cases-error-no-user",
            &[("name", &name)],
        )));
    };
    state
        .db
        .add_member(
            &case.id,
            &user.id,
            &s.did(
                AuditAction::PermissionAssign,
                format!("{} assigned to the case", user.name),
            ),
        )
        .await?;
    Ok(see_other(format!("/cases/{}?done=team#team", case.id)))
}

async fn remove_member(
    State(state): State<AppState>,
    CaseAccess { case, .. }: CaseAccess<Manager>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let user_id = UserId::new(form.get("user_id"));
    let Some(user) = state.db.user_by_id(&user_id).await? else {
        return Err(AppError::BadRequest("no such user".into()));
    };
    state
        .db
        .remove_member(
            &case.id,
            &user.id,
            &s.did(
                AuditAction::PermissionUnassign,
                format!("{} removed from the case", user.name),
            ),
        )
        .await?;
    Ok(see_other(format!("/cases/{}?done=team#team", case.id)))
}

/// A task on the case, for one of its team, by a day (issue 22).
async fn add_task(
    State(state): State<AppState>,
    CaseAccess { case, .. }: CaseAccess<Member>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let title = form.get("title").trim();
    if title.is_empty() || title.chars().count() > 300 {
        return Err(AppError::Invalid(tr(s.lang, "cases-error-task-title")));
    }
    let due: jiff::civil::Date = form
        .get("due")
        .parse()
        .map_err(|_| AppError::Invalid(tr(s.lang, "cases-error-task-due")))?;
    let assignee = UserId::new(form.get("assignee"));
    let team = state.db.members(&case.id).await?;
    let Some(who) = team.iter().find(|m| m.id == assignee) else {
        return Err(AppError::Invalid(tr(s.lang, "cases-error-task-assignee")));
    };
    let audit = s.did(
        AuditAction::TaskAdd,
        format!("task for {} due {due}", who.name),
    );
    state
        .db
        .add_task(&case.id, title, &who.id, &due.to_string(), &s.user, &audit)
        .await?;
    Ok(see_other(format!("/cases/{}?done=task#tasks", case.id)))
}

/// A task marked done, or open again.
async fn task_done(
    State(state): State<AppState>,
    CaseAccess { case, .. }: CaseAccess<Member>,
    Path((_, task_id)): Path<(String, String)>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let done = form.get("done") == "1";
    let what = if done { "task done" } else { "task reopened" };
    if !state
        .db
        .set_task_done(
            &case.id,
            &task_id,
            done,
            &s.did(AuditAction::TaskDone, what),
        )
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(see_other(format!("/cases/{}#tasks", case.id)))
}
