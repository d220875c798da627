//! The client's pages, under `/i/{token}/`: opened with the link's token
//! alone (no account, no session cookie), rate limited per link and per
//! address, in the link's language (or the one the client picks), light
//! (no script, one small stylesheet), one screen a step, each saved as it
//! is sent. They show the questions and the client's own answers through
//! this link, nothing else of the case, and no legal conclusion.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{FromRequestParts, RawPathParams, Request, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use jiff::civil::Date;
use refuge_i18n::Lang;
use serde_json::{Value, json};

use super::Words;
use super::link_tag;
use super::questions::{MAX_ANSWER_CHARS, Question, Questions, Screen};
use crate::domain::AuditAction;
use crate::facts::form::{self as facts_form, Kind};
use crate::http::extract::{field, form_fields};
use crate::http::session::client_ip;
use crate::http::view::{render, see_other};
use crate::secret::hash_secret;
use crate::state::AppState;
use crate::store::{Audit, By, IntakeLink, NewIntakeAnswer, stored_time};

/// Requests from one address, and through one link, within the rate
/// limit's window (15 minutes): a client answers a screen in two requests.
pub const PER_ADDRESS: u32 = 600;
pub const PER_LINK: u32 = 300;
/// Addresses that try this many tokens that open nothing are refused for the window.
pub const MISSES_PER_ADDRESS: u32 = 20;

/// An open link, from the token in the address: the page's language and words.
pub struct Link {
    pub link: IntakeLink,
    pub words: Words,
    /// The address of the link's pages (`/i/{token}`).
    pub base: String,
}

/// The language asked for in the address (`?lang=es`), if shipped.
fn asked_lang(parts: &Parts) -> Option<Lang> {
    parts.uri.query().and_then(|q| {
        serde_urlencoded::from_str::<Vec<(String, String)>>(q)
            .ok()?
            .into_iter()
            .find(|(k, _)| k == "lang")
            .and_then(|(_, v)| Lang::parse(&v))
    })
}

impl FromRequestParts<AppState> for Link {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Response> {
        let browser = parts
            .headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|h| h.to_str().ok())
            .map_or_else(Lang::english, Lang::negotiate);
        let lang = asked_lang(parts);
        let words = Words(lang.unwrap_or(browser));
        let ip = client_ip(parts, state.trusted_proxy).unwrap_or_default();
        let limit = &state.intake_limit;
        if limit.over(&format!("ip:{ip}"), PER_ADDRESS) {
            return Err(closed(words, Closed::TooMany));
        }
        let token = RawPathParams::from_request_parts(parts, state)
            .await
            .ok()
            .and_then(|p| {
                p.iter()
                    .find(|(k, _)| *k == "token")
                    .map(|(_, v)| v.to_string())
            })
            .unwrap_or_default();
        let hash = hash_secret(&token);
        if limit.over(&format!("link:{hash}"), PER_LINK) {
            return Err(closed(words, Closed::TooMany));
        }
        let found = match state.db.intake_link_by_token(&hash).await {
            Ok(found) => found,
            Err(e) => return Err(crate::http::error::AppError::from(e).into_response()),
        };
        let Some(link) = found else {
            if limit.over(&format!("miss:{ip}"), MISSES_PER_ADDRESS) {
                return Err(closed(words, Closed::TooMany));
            }
            return Err(closed(words, Closed::Unknown));
        };
        let words = Words(lang.unwrap_or_else(|| Lang::parse(&link.language).unwrap_or(browser)));
        if !link.open_at(&stored_time(state.now())) {
            return Err(closed(words, Closed::Gone));
        }
        Ok(Link {
            link,
            words,
            base: format!("/i/{token}"),
        })
    }
}

enum Closed {
    Unknown,
    Gone,
    TooMany,
}

#[derive(Template)]
#[template(path = "intake/closed.html")]
struct ClosedPage {
    w: Words,
    heading: &'static str,
    text: &'static str,
}

/// The polite page of a link that opens nothing: unknown, expired or
/// revoked, or asked too often. It names nothing of any case.
fn closed(w: Words, why: Closed) -> Response {
    let (status, heading, text) = match why {
        Closed::Unknown => (
            StatusCode::NOT_FOUND,
            "intake-unknown-heading",
            "intake-unknown-text",
        ),
        Closed::Gone => (
            StatusCode::GONE,
            "intake-closed-heading",
            "intake-closed-text",
        ),
        Closed::TooMany => (
            StatusCode::TOO_MANY_REQUESTS,
            "intake-too-many-heading",
            "intake-too-many-text",
        ),
    };
    (status, render(&ClosedPage { w, heading, text })).into_response()
}

/// The intake's own small stylesheet (a phone on a slow connection).
pub async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../../static/intake.css"),
    )
        .into_response()
}

/// What the client last typed for each fact through this link.
async fn typed_so_far(
    state: &AppState,
    link: &IntakeLink,
) -> Result<HashMap<String, String>, Response> {
    let answers = state
        .db
        .intake_answers_of_link(&link.id)
        .await
        .map_err(|e| crate::http::error::AppError::from(e).into_response())?;
    // In the order given: a later answer to a fact replaces an earlier one.
    Ok(answers
        .into_iter()
        .map(|a| {
            let v: Value = serde_json::from_str(&a.answer).unwrap_or(Value::Null);
            let typed = v["typed"].as_str().unwrap_or_default().to_string();
            (a.path, typed)
        })
        .collect())
}

/// A screen's step in the list of steps.
struct Step {
    href: String,
    title: String,
    answered: bool,
}

#[derive(Template)]
#[template(path = "intake/welcome.html")]
struct Welcome {
    w: Words,
    here: String,
    come_back: String,
    steps: Vec<Step>,
    first: String,
    languages: Vec<(String, String)>,
}

/// The languages a client may read the pages in: (code, name).
fn languages() -> Vec<(String, String)> {
    Lang::all()
        .map(|l| (l.code().to_string(), l.name()))
        .collect()
}

fn steps(l: &Link, so_far: &HashMap<String, String>) -> Vec<Step> {
    let q = Questions::embedded();
    let lang = l.words.0.code();
    q.screens
        .iter()
        .map(|s| Step {
            href: format!("{}/{}?lang={lang}", l.base, s.id),
            title: l.words.t(&format!("intake-screen-{}", s.id)),
            answered: paths_of(s, &l.link.id)
                .iter()
                .any(|p| so_far.get(p).is_some_and(|t| !t.is_empty())),
        })
        .collect()
}

/// Every answer path of a screen, for this link.
fn paths_of(s: &Screen, link_id: &str) -> Vec<String> {
    slots(s, link_id)
        .into_iter()
        .flat_map(|(_, qs)| {
            qs.into_iter()
                .map(|(q, entry, _)| q.path_for(entry.as_deref()))
        })
        .collect()
}

/// A screen's questions as asked: groups (the questions asked once, then
/// each entry of the list with its number), each question with its entry's
/// id and the form field's name (`q.harm-date.2`).
#[allow(clippy::type_complexity)]
fn slots<'a>(
    s: &'a Screen,
    link_id: &str,
) -> Vec<(Option<usize>, Vec<(&'a Question, Option<String>, String)>)> {
    let once: Vec<_> = s
        .questions
        .iter()
        .filter(|q| !q.per_entry())
        .map(|q| (q, None, format!("q.{}", q.id)))
        .collect();
    let mut out = Vec::new();
    let once_first = s.questions.first().is_some_and(|q| !q.per_entry());
    let entries: Vec<_> = (1..=s.entries)
        .map(|n| {
            let id = super::entry_id(&s.id, n, link_id);
            let qs = s
                .questions
                .iter()
                .filter(|q| q.per_entry())
                .map(|q| (q, Some(id.clone()), format!("q.{}.{n}", q.id)))
                .collect();
            (Some(n), qs)
        })
        .collect();
    if once_first {
        out.push((None, once));
        out.extend(entries);
    } else {
        out.extend(entries);
        out.push((None, once));
    }
    out.retain(|(_, qs)| !qs.is_empty());
    out
}

/// A sentence naming the last day the link works.
fn until(w: Words, id: &str, link: &IntakeLink) -> String {
    w.with(id, &[("date", w.day_of(&link.expires_at).into())])
}

pub async fn welcome(State(state): State<AppState>, l: Link) -> Result<Response, Response> {
    let so_far = typed_so_far(&state, &l.link).await?;
    let steps = steps(&l, &so_far);
    Ok(render(&Welcome {
        w: l.words,
        first: steps.first().map(|s| s.href.clone()).unwrap_or_default(),
        come_back: until(l.words, "intake-welcome-come-back", &l.link),
        here: l.base,
        steps,
        languages: languages(),
    }))
}

#[derive(Template)]
#[template(path = "intake/done.html")]
struct Done {
    w: Words,
    here: String,
    change: String,
    steps: Vec<Step>,
    languages: Vec<(String, String)>,
}

pub async fn done(State(state): State<AppState>, l: Link) -> Result<Response, Response> {
    let so_far = typed_so_far(&state, &l.link).await?;
    Ok(render(&Done {
        w: l.words,
        steps: steps(&l, &so_far),
        change: until(l.words, "intake-done-change", &l.link),
        here: format!("{}/done", l.base),
        languages: languages(),
    }))
}

/// How a question is answered on the page.
#[derive(PartialEq)]
enum Control {
    /// Options to pick one of (yes or no, a choice), with "I do not know".
    Radio,
    Text,
    Date,
    Number,
    Area,
}

/// One question on the page, with what was typed and its error.
struct Asked {
    name: String,
    /// The HTML id (the name with its dots as dashes).
    html_id: String,
    label: String,
    help: Option<String>,
    control: Control,
    options: Vec<(String, String)>,
    typed: String,
    error: Option<String>,
}

/// A heading (an entry of a list) and its questions.
struct Group {
    heading: Option<String>,
    asked: Vec<Asked>,
}

#[derive(Template)]
#[template(path = "intake/screen.html")]
struct ScreenPage {
    w: Words,
    base: String,
    action: String,
    step: String,
    title: String,
    intro: String,
    groups: Vec<Group>,
    back: String,
    /// "Save and continue", or "Finish" on the last screen.
    next_label: String,
    has_errors: bool,
    saved: bool,
    date_hint: String,
    languages: Vec<(String, String)>,
    here: String,
}

fn control(q: &Question) -> Control {
    match q.kind() {
        Kind::Bool | Kind::Choice(_) => Control::Radio,
        Kind::Date => Control::Date,
        Kind::Int | Kind::Number => Control::Number,
        Kind::Prose => Control::Area,
        Kind::Text | Kind::Country | Kind::Countries => Control::Text,
    }
}

fn options(w: Words, q: &Question) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = match q.kind() {
        Kind::Bool => vec![
            ("yes".into(), w.t("intake-yes")),
            ("no".into(), w.t("intake-no")),
        ],
        _ => q
            .options
            .iter()
            .map(|o| (o.clone(), w.t(&q.option_message(o))))
            .collect(),
    };
    out.push((String::new(), w.t("intake-dont-know")));
    out
}

/// The page of one screen, with what was typed (the form's, else the
/// stored answers') and the errors at their questions.
fn screen_page(
    l: &Link,
    s: &Screen,
    typed: &dyn Fn(&str, &str) -> String,
    errors: &HashMap<String, String>,
    saved: bool,
) -> ScreenPage {
    let q = Questions::embedded();
    let w = l.words;
    let lang = w.0.code();
    let index = q.screens.iter().position(|x| x.id == s.id).unwrap_or(0);
    let groups = slots(s, &l.link.id)
        .into_iter()
        .map(|(n, qs)| Group {
            heading: n.map(|n| {
                w.with(
                    &format!("intake-entry-{}", s.id),
                    &[("n", (n as i64).into())],
                )
            }),
            asked: qs
                .into_iter()
                .map(|(q, entry, name)| Asked {
                    html_id: name.replace('.', "-"),
                    label: w.t(&q.message()),
                    help: q.help.then(|| w.t(&format!("{}-help", q.message()))),
                    control: control(q),
                    options: options(w, q),
                    typed: typed(&name, &q.path_for(entry.as_deref())),
                    error: errors.get(&name).cloned(),
                    name,
                })
                .collect(),
        })
        .collect();
    let back = match index {
        0 => format!("{}?lang={lang}", l.base),
        i => format!("{}/{}?lang={lang}", l.base, q.screens[i - 1].id),
    };
    ScreenPage {
        w,
        action: format!("{}/{}?lang={lang}", l.base, s.id),
        here: format!("{}/{}", l.base, s.id),
        base: l.base.clone(),
        step: w.with(
            "intake-step-of",
            &[
                ("n", (index as i64 + 1).into()),
                ("total", (q.screens.len() as i64).into()),
            ],
        ),
        title: w.t(&format!("intake-screen-{}", s.id)),
        intro: w.t(&format!("intake-screen-{}-intro", s.id)),
        groups,
        back,
        next_label: w.t(if index + 1 == q.screens.len() {
            "intake-finish"
        } else {
            "intake-save-next"
        }),
        has_errors: !errors.is_empty(),
        saved,
        date_hint: w.t("intake-date-hint"),
        languages: languages(),
    }
}

// The page a handler answers with, not an error to pass on: its size is the handlers' own.
#[allow(clippy::result_large_err)]
fn the_screen(l: &Link, name: &str) -> Result<&'static Screen, Response> {
    Questions::embedded()
        .screen(name)
        .ok_or_else(|| closed(l.words, Closed::Unknown))
}

pub async fn screen(
    State(state): State<AppState>,
    l: Link,
    axum::extract::Path((_, name)): axum::extract::Path<(String, String)>,
    uri: axum::http::Uri,
) -> Result<Response, Response> {
    let s = the_screen(&l, &name)?;
    let so_far = typed_so_far(&state, &l.link).await?;
    // After "Save": the same screen, saying so.
    let saved = uri
        .query()
        .is_some_and(|q| q.split('&').any(|p| p == "saved=1"));
    let typed = |_: &str, path: &str| so_far.get(path).cloned().unwrap_or_default();
    Ok(render(&screen_page(&l, s, &typed, &HashMap::new(), saved)))
}

/// A client's answer read: the value it gives the fact, or the message id
/// of what is wrong with it (in the client's language on the page).
pub fn read_answer(
    lang: Lang,
    q: &Question,
    typed: &str,
    today: Date,
) -> Result<Value, &'static str> {
    let t = typed.trim();
    if t.chars().count() > MAX_ANSWER_CHARS {
        return Err("intake-error-too-long");
    }
    if t.is_empty() {
        return Ok(Value::Null);
    }
    let kind = q.kind();
    match kind {
        Kind::Bool => match t {
            "yes" => Ok(Value::Bool(true)),
            "no" => Ok(Value::Bool(false)),
            _ => Err("intake-error-choice"),
        },
        Kind::Choice(_) if q.options.iter().any(|o| o == t) => Ok(Value::String(t.into())),
        Kind::Choice(_) => Err("intake-error-choice"),
        Kind::Date => {
            let order = refuge_i18n::tr(lang, "intake-date-order");
            // The facts take a whole date here (docs/facts.md): a year or
            // a month alone is asked again, saying what to do without the day.
            let d = client_date(&order, t).ok_or(if partial_date(t) {
                "intake-error-date-partial"
            } else {
                "intake-error-date"
            })?;
            if d > today {
                return Err("intake-error-date-future");
            }
            Ok(Value::String(d.to_string()))
        }
        Kind::Int | Kind::Number => {
            facts_form::parse(Kind::Int, t).map_err(|_| "intake-error-number")
        }
        Kind::Country => facts_form::parse(kind, t).map_err(|_| "intake-error-country"),
        Kind::Countries => facts_form::parse(kind, t).map_err(|_| "intake-error-countries"),
        Kind::Text | Kind::Prose => Ok(Value::String(t.into())),
    }
}

/// Whether `t` is a year (`2023`) or a month of a year (`10/2023`,
/// `2023-10`): a date without its day.
fn partial_date(t: &str) -> bool {
    let parts: Vec<&str> = t
        .split(['/', '-', '.', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let year = |y: &str| y.len() == 4 && y.parse::<i16>().is_ok_and(|y| (1900..=2200).contains(&y));
    let month = |m: &str| m.len() <= 2 && m.parse::<u8>().is_ok_and(|m| (1..=12).contains(&m));
    match parts.as_slice() {
        [y] => year(y),
        [a, b] => (year(a) && month(b)) || (month(a) && year(b)),
        _ => false,
    }
}

/// A date as a client writes it: `21/05/1990` (day first for `dmy`, month
/// first for `mdy`; slashes, dashes, dots or spaces between), or ISO 8601.
pub fn client_date(order: &str, t: &str) -> Option<Date> {
    if let Ok(d) = t.parse::<Date>() {
        return Some(d);
    }
    let parts: Vec<&str> = t
        .split(['/', '-', '.', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    let (day, month) = if order.trim() == "mdy" {
        (b, a)
    } else {
        (a, b)
    };
    let year: i16 = y.parse().ok().filter(|y| (1900..=2200).contains(y))?;
    Date::new(year, month.parse().ok()?, day.parse().ok()?).ok()
}

pub async fn save(
    State(state): State<AppState>,
    l: Link,
    axum::extract::Path((_, name)): axum::extract::Path<(String, String)>,
    req: Request,
) -> Result<Response, Response> {
    let s = the_screen(&l, &name)?;
    let fields = form_fields(req, &state)
        .await
        .map_err(IntoResponse::into_response)?;
    let so_far = typed_so_far(&state, &l.link).await?;
    let today = state.today();
    let mut errors = HashMap::new();
    // Each answer given or changed.
    let mut given = Vec::new();
    for (_, qs) in slots(s, &l.link.id) {
        for (q, entry, name) in qs {
            let typed = field(&fields, &name).trim();
            let path = q.path_for(entry.as_deref());
            let before = so_far.get(&path);
            if before.is_some_and(|t| t == typed) || (before.is_none() && typed.is_empty()) {
                continue;
            }
            match read_answer(l.words.0, q, typed, today) {
                Ok(value) => given.push(NewIntakeAnswer {
                    question: &q.id,
                    path,
                    answer: json!({"typed": typed, "value": value}).to_string(),
                }),
                Err(id) => {
                    errors.insert(name, l.words.t(id));
                }
            }
        }
    }
    if !given.is_empty() {
        let audit = Audit::new(
            By::Nobody,
            None,
            AuditAction::IntakeAnswer,
            format!(
                "{} answer(s) saved by the client on the screen {} (link {})",
                given.len(),
                s.id,
                link_tag(&l.link.id)
            ),
        )
        .on(&l.link.case_id);
        state
            .db
            .save_intake_answers(&l.link, &given, &audit)
            .await
            .map_err(|e| crate::http::error::AppError::from(e).into_response())?;
    }
    if !errors.is_empty() {
        let typed = |name: &str, _: &str| field(&fields, name).trim().to_string();
        let page = screen_page(&l, s, &typed, &errors, false);
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, render(&page)).into_response());
    }
    let lang = l.words.0.code();
    let to = match (field(&fields, "go"), Questions::embedded().next(&s.id)) {
        ("stay", _) => format!("{}/{}?lang={lang}&saved=1", l.base, s.id),
        (_, Some(next)) => format!("{}/{}?lang={lang}", l.base, next.id),
        (_, None) => format!("{}/done?lang={lang}", l.base),
    };
    Ok(see_other(to))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The facts take a whole date: a year or a month alone is refused with
    /// what to do without the day, not as an unreadable date.
    #[test]
    fn a_date_without_its_day_is_asked_again_saying_to_leave_it_and_tell_the_representative() {
        let q = crate::intake::questions::Questions::embedded()
            .question("harm-date")
            .expect("the harm's date is asked")
            .1;
        let es = Lang::parse("es").unwrap();
        let today = jiff::civil::date(2026, 12, 7);
        for typed in ["2023", "10/2023", "2023-10", "3 2023"] {
            assert_eq!(
                read_answer(es, q, typed, today),
                Err("intake-error-date-partial"),
                "{typed}"
            );
        }
        for typed in ["hace tiempo", "13/2023", "2023/13/40"] {
            assert_eq!(
                read_answer(es, q, typed, today),
                Err("intake-error-date"),
                "{typed}"
            );
        }
        assert_eq!(
            read_answer(es, q, "03/10/2023", today),
            Ok(Value::String("2023-10-03".into()))
        );
    }
}
