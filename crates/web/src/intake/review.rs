//! The staff's side of the intake: the case's client language, its intake
//! links (made, shown once, listed, revoked) and the review of the client's
//! answers, each beside the fact's value now: accepted, edited or rejected.
//! An accepted answer is saved through `cases::service` (a fact) or
//! `application::service` (the client's own words, a timeline source),
//! with the decision in the same transaction; every decision is audited.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use refuge_i18n::Lang;
use serde::Deserialize;
use serde_json::{Value, json};

use super::questions::{Question, Questions, Screen, TIMELINE};
use super::{DEFAULT_DAYS, MAX_DAYS, Words, language_name, link_tag};
use crate::application::service as application;
use crate::cases::service::{self as cases, CaseError};
use crate::domain::AuditAction;
use crate::facts::form as facts_form;
use crate::http::access::{CaseAccess, Member};
use crate::http::error::{AppError, PageResult};
use crate::http::extract::{Posted, Q};
use crate::http::session::Session;
use crate::http::view::{Ctx, local, public_base, render, see_other};
use crate::secret;
use crate::state::AppState;
use crate::store::{CaseRow, DbError, IntakeAnswer, IntakeDecision, stored_time};

/// The staff pages' words, in the staff user's language (Settings, else the
/// browser's); the client's answers are shown as typed.
fn staff_words(s: &Session) -> Words {
    Words(s.lang)
}

/// What the case page shows of the intake: its link, the answers waiting,
/// and the client language form.
pub struct CaseIntake {
    pub link: String,
    pub pending: Option<String>,
    pub language_label: String,
    pub save: String,
    /// (code, name, chosen).
    pub languages: Vec<(String, String, bool)>,
}

/// The case page's intake part, in the user's words.
///
/// # Errors
/// When the database fails.
pub async fn case_summary(
    state: &AppState,
    s: &Session,
    case: &CaseRow,
) -> Result<CaseIntake, DbError> {
    let w = staff_words(s);
    let pending = state.db.intake_pending(&case.id).await?;
    Ok(CaseIntake {
        link: w.t("intake-case-link"),
        pending: (pending > 0).then(|| w.with("intake-case-pending", &[("count", pending.into())])),
        language_label: w.t("intake-case-language-label"),
        save: w.t("intake-case-language-save"),
        languages: language_choices(&case.client_language),
    })
}

fn language_choices(chosen: &str) -> Vec<(String, String, bool)> {
    Lang::all()
        .map(|l| (l.code().to_string(), l.name(), l.code() == chosen))
        .collect()
}

/// A language code Refuge speaks, exactly as listed.
fn shipped(code: &str) -> Option<Lang> {
    Lang::parse(code).filter(|l| l.code() == code)
}

pub async fn set_client_language(
    State(state): State<AppState>,
    CaseAccess { case, .. }: CaseAccess<Member>,
    form: Posted,
) -> PageResult {
    let w = staff_words(&form.session);
    let Some(lang) = shipped(form.get("language")) else {
        return Err(AppError::Invalid(w.t("intake-error-language")));
    };
    let audit = form.session.did(
        AuditAction::CaseClientLanguage,
        format!("client language set to {}", lang.code()),
    );
    state
        .db
        .set_client_language(&case.id, lang.code(), &audit)
        .await?;
    Ok(see_other(format!("/cases/{}?done=language", case.id)))
}

struct LinkView {
    id: String,
    made: String,
    language: String,
    until: String,
    status: String,
    open: bool,
    last_answer: String,
}

struct AnswerView {
    id: String,
    /// When the client gave the answer as shown (a decision on an answer
    /// changed since is refused, and the page shows it again).
    answered_at: String,
    question: String,
    fact: String,
    now: String,
    client: String,
    /// What was typed, when it reads otherwise than the value shown.
    as_typed: Option<String>,
    /// What the edit box holds: the value as the facts form writes it (or
    /// what the user typed, after a refusal).
    edit: String,
    timeline: bool,
    error: Option<String>,
    decided: Option<String>,
}

#[derive(Template)]
#[template(path = "intake/review.html")]
struct ReviewPage {
    ctx: Ctx,
    w: Words,
    case: CaseRow,
    client_language: String,
    languages: Vec<(String, String, bool)>,
    default_days: i64,
    max_days: i64,
    links: Vec<LinkView>,
    queue_title: String,
    pending: Vec<AnswerView>,
    decided: Vec<AnswerView>,
    done: Option<String>,
    error: Option<String>,
}

#[derive(Deserialize, Default)]
pub struct ReviewQuery {
    #[serde(default)]
    done: String,
}

/// A refusal to show on the page: which answer (none: the link form), the
/// message, and what was typed.
struct Refusal<'a> {
    answer: Option<&'a str>,
    message: String,
    typed: &'a str,
}

/// The value an answer holds, as the client gave it (`{typed, value}`).
fn given(a: &IntakeAnswer) -> (String, Value) {
    let v: Value = serde_json::from_str(&a.answer).unwrap_or(Value::Null);
    (
        v["typed"].as_str().unwrap_or_default().to_string(),
        v["value"].clone(),
    )
}

/// A value in the staff's words: "yes", "no", countries by name.
fn shown(w: Words, v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => w.t("intake-now-unknown"),
        Some(Value::Bool(true)) => w.t("intake-yes"),
        Some(Value::Bool(false)) => w.t("intake-no"),
        Some(v) => facts_form::show_countries(w.0, Some(v)),
    }
}

/// The message of a decision (`accepted`, `edited`, `rejected`).
fn decision_words(status: &str) -> &'static str {
    match status {
        "accepted" => "intake-decision-accepted",
        "edited" => "intake-decision-edited",
        _ => "intake-decision-rejected",
    }
}

fn answer_view(
    w: Words,
    tz: &jiff::tz::TimeZone,
    doc: &Value,
    a: &IntakeAnswer,
    refusal: Option<&Refusal>,
) -> AnswerView {
    let q = Questions::embedded().question(&a.question).map(|(_, q)| q);
    let (typed, value) = given(a);
    let timeline = a.path == TIMELINE;
    let refused = refusal.filter(|r| r.answer == Some(a.id.as_str()));
    let decided = a.decided_at.as_ref().map(|at| {
        w.with(
            "intake-decided-by",
            &[
                ("decision", w.t(decision_words(&a.status)).into()),
                ("user", a.decided_by.clone().unwrap_or_default().into()),
                ("at", local(at, tz).into()),
            ],
        )
    });
    let client = if timeline {
        typed.clone()
    } else {
        shown(w, Some(&value))
    };
    AnswerView {
        id: a.id.clone(),
        answered_at: a.answered_at.clone(),
        question: q.map_or_else(|| a.question.clone(), |q| w.t(&q.message())),
        fact: if timeline {
            w.t("intake-timeline-note")
        } else {
            facts_form::label_of(&a.path)
        },
        now: if timeline {
            String::new()
        } else {
            shown(w, facts_form::get(doc, &a.path))
        },
        edit: match refused {
            Some(r) => r.typed.to_string(),
            None if timeline => typed.clone(),
            None => facts_form::show(Some(&value)),
        },
        as_typed: (!timeline && typed != client)
            .then(|| w.with("intake-as-typed", &[("typed", typed.into())])),
        client,
        timeline,
        error: refused.map(|r| r.message.clone()),
        decided,
    }
}

async fn review_page(
    state: &AppState,
    s: &Session,
    case: CaseRow,
    done: Option<String>,
    refusal: Option<Refusal<'_>>,
) -> PageResult {
    let w = staff_words(s);
    let now = stored_time(state.now());
    let links = state
        .db
        .intake_links(&case.id)
        .await?
        .into_iter()
        .map(|l| LinkView {
            made: format!("{}, {}", local(&l.created_at, &s.tz), l.created_by),
            language: language_name(&l.language),
            until: local(&l.expires_at, &s.tz),
            status: match (&l.revoked_by, l.open_at(&now)) {
                (Some(by), _) => w.with("intake-status-revoked", &[("user", by.clone().into())]),
                (None, true) => w.t("intake-status-open"),
                (None, false) => w.t("intake-status-expired"),
            },
            open: l.open_at(&now),
            last_answer: l
                .last_answer_at
                .as_deref()
                .map(|t| local(t, &s.tz))
                .unwrap_or_default(),
            id: l.id,
        })
        .collect();
    let doc = cases::document(&case);
    let (pending, decided): (Vec<_>, Vec<_>) = state
        .db
        .intake_answers(&case.id)
        .await?
        .iter()
        .map(|a| answer_view(w, &s.tz, &doc, a, refusal.as_ref()))
        .partition(|a| a.decided.is_none());
    // A refusal shown at the top: of the link form, or of an answer no
    // longer waiting (decided meanwhile).
    let error = refusal
        .as_ref()
        .filter(|r| !pending.iter().any(|a| Some(a.id.as_str()) == r.answer))
        .map(|r| r.message.clone());
    s.audit(
        &state.db,
        AuditAction::CaseView,
        Some(&case.id),
        "client intake viewed",
    )
    .await?;
    let status = if refusal.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let page = ReviewPage {
        ctx: Ctx::of(s, "intake-staff-title"),
        w,
        client_language: w.with(
            "intake-client-language",
            &[("language", language_name(&case.client_language).into())],
        ),
        languages: language_choices(&case.client_language),
        default_days: DEFAULT_DAYS,
        max_days: MAX_DAYS,
        links,
        queue_title: w.with("intake-queue", &[("count", (pending.len() as i64).into())]),
        pending,
        decided,
        done,
        error,
        case,
    };
    Ok((status, render(&page)).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
    Q(q): Q<ReviewQuery>,
) -> PageResult {
    let w = staff_words(&s);
    let done = match q.done.as_str() {
        "revoked" => Some("intake-done-revoked"),
        "accepted" => Some("intake-done-accepted"),
        "timeline" => Some("intake-done-timeline"),
        "rejected" => Some("intake-done-rejected"),
        _ => None,
    };
    let done = done.map(|id| w.t(id));
    review_page(&state, &s, case, done, None).await
}

#[derive(Template)]
#[template(path = "intake/link_made.html")]
struct LinkMade {
    ctx: Ctx,
    w: Words,
    case: CaseRow,
    url: String,
    /// The message for the client, in their language.
    message: String,
    client_lang: String,
}

pub async fn make_link(
    State(state): State<AppState>,
    headers: HeaderMap,
    CaseAccess { case, .. }: CaseAccess<Member>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let w = staff_words(s);
    let days = form.get("days").trim();
    let refused = |message: String| Refusal {
        answer: None,
        message,
        typed: "",
    };
    let Some(lang) = shipped(form.get("language")) else {
        let r = refused(w.t("intake-error-language"));
        return review_page(&state, s, case, None, Some(r)).await;
    };
    let Some(days) = days
        .parse::<i64>()
        .ok()
        .filter(|d| (1..=MAX_DAYS).contains(d))
    else {
        let r = refused(w.t("intake-error-days"));
        return review_page(&state, s, case, None, Some(r)).await;
    };
    let expires = state
        .now()
        .checked_add(jiff::SignedDuration::from_hours(24 * days))
        .map_err(|_| AppError::Invalid(w.t("intake-error-days")))?;
    let token = secret::new_secret("intake");
    let expires_at = stored_time(expires);
    let audit = s.did(
        AuditAction::IntakeLinkCreate,
        format!(
            "intake link made, in {}, open until {expires_at}",
            lang.code()
        ),
    );
    let link = state
        .db
        .create_intake_link(
            &case.id,
            &secret::hash_secret(&token),
            lang.code(),
            &expires_at,
            &s.user,
            &audit,
        )
        .await?;
    let url = format!(
        "{}/i/{token}",
        public_base(state.public_url.as_deref(), &headers)
    );
    let client = Words(lang);
    let message = client.with(
        "intake-client-message",
        &[
            ("url", url.clone().into()),
            ("date", client.day_of(&link.expires_at).into()),
        ],
    );
    Ok(render(&LinkMade {
        ctx: Ctx::of(s, "intake-link-made-title"),
        w,
        case,
        url,
        message,
        client_lang: lang.code().to_string(),
    }))
}

pub async fn revoke(
    State(state): State<AppState>,
    CaseAccess { case, .. }: CaseAccess<Member>,
    Path((_, link_id)): Path<(String, String)>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let audit = s.did(
        AuditAction::IntakeLinkRevoke,
        format!("intake link {} revoked", link_tag(&link_id)),
    );
    if !state
        .db
        .revoke_intake_link(&case.id, &link_id, &s.user, &audit)
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(see_other(format!(
        "/cases/{}/intake?done=revoked#links",
        case.id
    )))
}

/// Sets each fact an entry of `screen` always has (a harm that happened is
/// `past`) when the answer at `path` begins a new entry of its list.
fn begin_entry(doc: &mut Value, screen: &Screen, path: &str) {
    let Some((entry, _)) = path.split_once("].") else {
        return;
    };
    let entry = format!("{entry}]");
    if screen.list.is_none() || facts_form::get(doc, &entry).is_some() {
        return;
    }
    for (name, value) in &screen.fixed {
        let field = facts_form::list_of(screen.list.as_deref().unwrap_or_default())
            .and_then(|(fields, _)| fields.iter().find(|f| f.name == name));
        if let Some(v) = field.and_then(|f| facts_form::parse(f.kind, value).ok()) {
            let _ = facts_form::set(doc, &format!("{entry}.{name}"), v);
        }
    }
}

/// The client's own words as a source of the application's timeline,
/// taken the day they were answered (never after `today`, the case's present).
fn timeline_source(
    a: &IntakeAnswer,
    text: &str,
    language: &str,
    today: jiff::civil::Date,
) -> Value {
    let answered = a
        .answered_at
        .get(..10)
        .and_then(|d| d.parse::<jiff::civil::Date>().ok())
        .map_or(today, |d| d.min(today));
    let w = Words(Lang::english());
    json!({
        "id": format!("intake-{}-{}", link_tag(&a.link_id), a.seq),
        "kind": "other",
        "title": w.t("intake-timeline-title"),
        "taken_on": answered.to_string(),
        "language": language_name(language),
        "interpreter": "no",
        "record": "verbatim",
        "note": text,
    })
}

pub async fn decide(
    State(state): State<AppState>,
    CaseAccess { case, .. }: CaseAccess<Member>,
    Path((_, answer_id)): Path<(String, String)>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let w = staff_words(s);
    let Some(a) = state
        .db
        .intake_answers(&case.id)
        .await?
        .into_iter()
        .find(|a| a.id == answer_id)
    else {
        return Err(AppError::NotFound);
    };
    let decision = form.get("decision");
    let typed = form.get("value");
    let refuse = |message: String| Refusal {
        answer: Some(&answer_id),
        message: w.with("intake-error-decision", &[("message", message.into())]),
        typed,
    };
    let seen = form.get("seen");
    if a.status == "pending" && !seen.is_empty() && seen != a.answered_at {
        let changed = refuse(w.t("intake-error-changed"));
        return review_page(&state, s, case, None, Some(changed)).await;
    }
    let found = Questions::embedded().question(&a.question);
    let (status, value) = match (decision, found) {
        ("reject", _) => ("rejected", Value::Null),
        ("accept", Some(_)) => ("accepted", given(&a).1),
        ("edit", Some((_, q))) => match edited(q, &a, typed) {
            Ok(v) => ("edited", v),
            Err(m) => return review_page(&state, s, case, None, Some(refuse(m))).await,
        },
        _ => {
            return Err(AppError::BadRequest(
                "decision: accept, edit or reject".into(),
            ));
        }
    };
    let value_text = value.to_string();
    let d = IntakeDecision {
        answer_id: &a.id,
        status,
        value: &value_text,
        by: &s.user,
    };
    let what = if a.path == TIMELINE {
        "the client's own words (timeline)".to_string()
    } else {
        a.path.clone()
    };
    let audit = s.did(
        AuditAction::IntakeReview,
        format!(
            "client's answer to {what} {status} (intake link {})",
            link_tag(&a.link_id)
        ),
    );
    let saved = match (status, found) {
        ("rejected", _) | (_, None) => state
            .db
            .reject_intake_answer(&case.id, &d, &audit)
            .await
            .map_err(CaseError::Db)
            .map(|()| "rejected"),
        (_, Some(_)) if a.path == TIMELINE => {
            let stored = application::stored(&state, &case).await?;
            let language = state
                .db
                .intake_links(&case.id)
                .await?
                .into_iter()
                .find(|l| l.id == a.link_id)
                .map_or_else(|| "en".to_string(), |l| l.language);
            let mut doc = stored.document.clone();
            let text = value.as_str().unwrap_or_default();
            let source = timeline_source(&a, text, &language, state.today());
            push(&mut doc, &["timeline", "sources"], source);
            application::save_deciding(&state, &s.user, &case, &stored, &doc, &audit, Some(&d))
                .await
                .map(|_| "timeline")
        }
        (_, Some((screen, _))) => {
            let mut doc = cases::document(&case);
            begin_entry(&mut doc, screen, &a.path);
            match facts_form::set(&mut doc, &a.path, value) {
                Ok(()) => {
                    cases::save_facts_deciding(&state, &s.user, &case, &doc, &audit, Some(&d))
                        .await
                        .map(|_| "accepted")
                }
                Err(e) => Err(CaseError::Invalid(refuge_engine::InputError {
                    field: a.path.clone(),
                    message: e,
                })),
            }
        }
    };
    match saved {
        Ok(done) => Ok(see_other(format!("/cases/{}/intake?done={done}", case.id))),
        Err(CaseError::Invalid(e)) => {
            let m = format!("{}: {}", e.field, e.message);
            review_page(&state, s, case, None, Some(refuse(m))).await
        }
        Err(CaseError::Db(DbError::Conflict(m))) => {
            review_page(&state, s, case, None, Some(refuse(m))).await
        }
        Err(CaseError::Db(e)) => Err(e.into()),
    }
}

/// The value a staff member typed for an answer: as the facts form reads a
/// fact of its kind, or the client's own words as edited.
fn edited(q: &Question, a: &IntakeAnswer, typed: &str) -> Result<Value, String> {
    if a.path == TIMELINE {
        let t = typed.trim();
        return match t.is_empty() {
            true => Err("the text is empty: reject the answer instead".into()),
            false => Ok(Value::String(t.to_string())),
        };
    }
    facts_form::parse(q.kind(), typed)
}

/// Appends `item` to the list at `keys` in `doc`, making the objects and the list.
fn push(doc: &mut Value, keys: &[&str], item: Value) {
    let mut v = doc;
    for k in keys {
        if !v.is_object() {
            *v = json!({});
        }
        let Value::Object(o) = v else { return };
        v = o.entry(*k).or_insert(Value::Null);
    }
    match v.as_array_mut() {
        Some(list) => list.push(item),
        None => *v = Value::Array(vec![item]),
    }
}
