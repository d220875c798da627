//! iCalendar (RFC 5545) feeds of deadlines: one per case and one per user,
//! readable with the session cookie or, for calendar programs, through a
//! secret per-user token in the address (revocable in Settings).
//!
//! Privacy: a subscribed calendar is copied to the calendar provider, so
//! events carry the case number and the deadline, never the client's name or facts.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

use refuge_i18n::{Lang, tr_opt};

use crate::domain::{AuditAction, CaseId};
use crate::http::access::{CaseAccess, Member};
use crate::http::error::AppError;
use crate::http::lang::tr;
use crate::http::routes::{Access, Routes};
use crate::secret;
use crate::state::AppState;
use crate::store::{Audit, By, CaseRow, DeadlineFilter, DeadlineRow, User};

/// This area's routes, with the access each requires.
pub fn routes() -> Routes {
    Routes::new()
        .get("/cases/{id}/calendar.ics", Access::Member, case_feed)
        .get(
            "/calendar/{token}/deadlines.ics",
            Access::FeedToken,
            user_feed,
        )
        .get(
            "/calendar/{token}/cases/{id}",
            Access::FeedToken,
            token_case_feed,
        )
}

/// Escapes a TEXT value (RFC 5545 § 3.3.11).
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded at 75 octets without splitting a character (§ 3.1).
fn line(out: &mut String, l: &str) {
    let mut width = 0;
    for c in l.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// The reminders before each date still ahead, in days (issue 22: more
/// than one, configurable with `--reminder-days`).
pub const REMINDER_DAYS: &[u16] = &[30, 7, 1];

/// An all-day event per deadline, with reminders `reminders` days before a
/// date still ahead, worded in `lang` (a deadline by its name's message,
/// `report-deadline-<id>`; its status, `report-status-<status>`).
pub fn calendar(lang: Lang, name: &str, rows: &[DeadlineRow], reminders: &[u16]) -> String {
    let stamp = jiff::Timestamp::now()
        .strftime("%Y%m%dT%H%M%SZ")
        .to_string();
    let mut out = String::new();
    for l in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Refuge//Refuge deadlines//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        line(&mut out, l);
    }
    line(&mut out, &format!("X-WR-CALNAME:{}", text(name)));
    for r in rows {
        let Ok(date) = refuge_engine::facts::parse_date(&r.date) else {
            continue;
        };
        let next = date.tomorrow().unwrap_or(date);
        let compact = |d: jiff::civil::Date| d.strftime("%Y%m%d").to_string();
        line(&mut out, "BEGIN:VEVENT");
        line(
            &mut out,
            &format!(
                "UID:{}",
                text(&format!("{}-{}@refuge", r.case_id, r.deadline_id))
            ),
        );
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(&mut out, &format!("DTSTART;VALUE=DATE:{}", compact(date)));
        line(&mut out, &format!("DTEND;VALUE=DATE:{}", compact(next)));
        let label = tr_opt(
            lang,
            &format!("report-deadline-{}", r.deadline_id.replace('.', "-")),
        )
        .unwrap_or_else(|| r.label.clone());
        let status = tr_opt(lang, &format!("report-status-{}", r.status))
            .unwrap_or_else(|| r.status.clone());
        let summary = tr(
            lang,
            "calendar-summary",
            &[("label", &label), ("number", &r.case_number)],
        );
        line(&mut out, &format!("SUMMARY:{}", text(&summary)));
        let description = tr(
            lang,
            "calendar-description",
            &[
                ("id", &r.deadline_id),
                ("label", &label),
                ("status", &status),
            ],
        );
        line(&mut out, &format!("DESCRIPTION:{}", text(&description)));
        line(&mut out, "TRANSP:TRANSPARENT");
        if r.status == "upcoming" {
            for days in reminders {
                line(&mut out, "BEGIN:VALARM");
                line(&mut out, "ACTION:DISPLAY");
                line(&mut out, &format!("TRIGGER:-P{days}D"));
                let when = tr(lang, "calendar-in-days", &[("days", &u32::from(*days))]);
                line(
                    &mut out,
                    &format!("DESCRIPTION:{}", text(&format!("{when}: {summary}"))),
                );
                line(&mut out, "END:VALARM");
            }
        }
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

pub fn ics_response(filename: &str, body: String) -> Response {
    (
        [
            (
                header::CONTENT_TYPE,
                "text/calendar; charset=utf-8".to_string(),
            ),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response()
}

/// The calendar of one case the user may see (checked by the caller), or
/// of all their cases.
pub async fn feed(
    state: &AppState,
    user: &User,
    case: Option<&CaseRow>,
    ip: Option<&str>,
) -> Result<Response, AppError> {
    let case_id = case.map(|c| &c.id);
    // In the user's own language (a calendar program sends no session).
    let lang = state
        .db
        .user_language(&user.id)
        .await?
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or_default();
    let (name, file) = match case {
        Some(case) => (
            tr(lang, "calendar-name-case", &[("number", &case.number)]),
            format!("refuge-{}.ics", case.number),
        ),
        None => (
            tr(lang, "calendar-name-all", &[]),
            "refuge-deadlines.ics".to_string(),
        ),
    };
    let filter = DeadlineFilter {
        case_id: case_id.cloned(),
        ..Default::default()
    };
    let mut rows = state.db.deadlines_for(user, &filter).await?;
    // The interview or hearing (issue 18): its date and kind, never its
    // place or the people in it (a calendar is copied to its provider).
    let today = state.today().to_string();
    rows.extend(
        state
            .db
            .interviews_for(user, case_id, "")
            .await?
            .into_iter()
            .map(|i| DeadlineRow {
                status: if i.date >= today {
                    "upcoming"
                } else {
                    "passed"
                }
                .into(),
                label: {
                    let what = tr(
                        lang,
                        if i.forum == "court" {
                            "calendar-hearing"
                        } else {
                            "calendar-interview"
                        },
                        &[],
                    );
                    if i.time.is_empty() {
                        what
                    } else {
                        tr(lang, "calendar-at", &[("what", &what), ("time", &i.time)])
                    }
                },
                case_id: i.case_id,
                case_number: i.case_number,
                client_name: String::new(),
                deadline_id: "interview".into(),
                date: i.date,
                kind: "record".into(),
            }),
    );
    if case.is_none() {
        // The user's own open tasks, in their feed. A task's title is free
        // text that may name the client, so the event says only that a
        // task is due, on which case (calendars never carry names).
        rows.extend(
            state
                .db
                .my_tasks(user)
                .await?
                .into_iter()
                .map(|k| DeadlineRow {
                    case_id: k.case_id,
                    case_number: k.case_number,
                    client_name: String::new(),
                    deadline_id: format!("task.{}", k.id),
                    label: tr(lang, "calendar-task-due", &[]),
                    date: k.due,
                    status: "upcoming".into(),
                    kind: "last_day".into(),
                }),
        );
    }
    let mut audit = Audit::new(
        By::User(user),
        ip,
        AuditAction::CaseExport,
        "calendar (iCalendar)",
    );
    audit.case_id = case_id;
    state.db.audit(&audit).await?;
    Ok(ics_response(
        &file.replace(
            |c: char| !c.is_ascii_alphanumeric() && c != '-' && c != '.',
            "_",
        ),
        calendar(lang, &name, &rows, &state.reminder_days),
    ))
}

async fn case_feed(
    State(state): State<AppState>,
    access: CaseAccess<Member>,
) -> Result<Response, AppError> {
    let s = &access.who;
    feed(&state, &s.user, Some(&access.case), s.ip.as_deref()).await
}

async fn token_user(state: &AppState, token: &str) -> Result<User, AppError> {
    state
        .db
        .calendar_token_user(&secret::hash_secret(token))
        .await?
        .ok_or(AppError::NotFound)
}

async fn user_feed(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, AppError> {
    let user = token_user(&state, &token).await?;
    feed(&state, &user, None, None).await
}

async fn token_case_feed(
    State(state): State<AppState>,
    Path((token, id)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let user = token_user(&state, &token).await?;
    let id = id.strip_suffix(".ics").ok_or(AppError::NotFound)?;
    // The token's user is the one asking: the same check as CaseAccess.
    let case = state
        .db
        .case_for(&user, &CaseId::new(id))
        .await?
        .ok_or(AppError::NotFound)?;
    feed(&state, &user, Some(&case), None).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_folded_at_75_octets_without_splitting_characters() {
        let mut out = String::new();
        line(&mut out, &format!("SUMMARY:{}", "é".repeat(60)));
        for l in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets", l.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "é".repeat(60)));
    }

    #[test]
    fn text_values_escape_commas_semicolons_and_newlines() {
        assert_eq!(text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    /// Issue 15, medium 4: no value can end a line of the feed, the UID's
    /// included (a deadline id carries a family member's id).
    #[test]
    fn no_value_can_inject_a_line_into_the_feed() {
        let row = DeadlineRow {
            case_id: crate::domain::CaseId::new("c1"),
            case_number: "2026-0001".into(),
            client_name: "Client".into(),
            deadline_id: "family.c1\r\nEND:VCALENDAR\r\nX-EVIL:1.age_21".into(),
            label: "Turns 21\r\nX-EVIL:2".into(),
            date: "2027-01-01".into(),
            status: "upcoming".into(),
            kind: "last_day".into(),
        };
        let ics = calendar(Lang::english(), "Refuge", &[row], REMINDER_DAYS);
        let lines: Vec<&str> = ics.split("\r\n").collect();
        assert_eq!(lines.iter().filter(|l| **l == "END:VCALENDAR").count(), 1);
        assert!(!lines.iter().any(|l| l.starts_with("X-EVIL")), "{ics}");
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("UID:c1-family.c1\\nEND:VCALENDAR")),
            "{ics}"
        );
    }
}
