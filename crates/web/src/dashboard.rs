//! The dashboard: the signed-in user's open and overdue deadlines, nearest first.

use askama::Template;
use axum::extract::State;
use serde::Deserialize;

use crate::http::error::PageResult;
use crate::http::extract::Q;
use crate::http::routes::{Access, Routes};
use crate::http::session::Session;
use crate::http::view::{Ctx, render};
use crate::state::AppState;
use crate::store::{DeadlineFilter, DeadlineRow};

/// This area's routes, with the access each requires.
pub fn routes() -> Routes {
    Routes::new().get("/", Access::SignedIn, dashboard)
}

// ----- the dashboard -----

pub struct DashRow {
    pub row: DeadlineRow,
    pub days: i64,
    pub class: &'static str,
    pub alert: &'static str,
}

/// Days from `today` to an ISO date (negative once passed).
pub fn days_until(today: jiff::civil::Date, iso: &str) -> i64 {
    refuge_engine::facts::parse_date(iso)
        .map(|d| refuge_engine::calendar::days_between(today, d))
        .unwrap_or(0)
}

/// How a date is flagged: overdue (a missed deadline, a last day to act that
/// has passed with nothing done, or an upcoming one now passed) or due within
/// 30 days: its class, and the message that says so.
pub fn flag(status: &str, kind: &str, days: i64) -> (&'static str, &'static str) {
    match status {
        "missed" => ("overdue", "dashboard-overdue"),
        "passed" if kind == "last_day" => ("overdue", "dashboard-overdue"),
        "upcoming" if days < 0 => ("overdue", "dashboard-overdue"),
        "upcoming" if days <= 30 => ("soon", "dashboard-within-30-days"),
        _ => ("", ""),
    }
}

/// The message naming a deadline's status (the engine's `met`, `missed`,
/// `upcoming`, `passed`); the status itself when it is none of these.
pub fn status_id(status: &str) -> &str {
    match status {
        "met" => "deadline-status-met",
        "missed" => "deadline-status-missed",
        "upcoming" => "deadline-status-upcoming",
        "passed" => "deadline-status-passed",
        other => other,
    }
}

#[derive(Template)]
#[template(path = "dashboard/dashboard.html")]
struct Dashboard {
    ctx: Ctx,
    today: jiff::civil::Date,
    rows: Vec<DashRow>,
    show_all: bool,
    page: i64,
    more: bool,
    /// The user's open tasks, soonest due first, with days left.
    tasks: Vec<(crate::store::Task, i64)>,
    /// The interviews and hearings from today on, with days left (issue 18).
    interviews: Vec<(crate::store::InterviewRow, i64)>,
    /// The cases the server's law changed, not yet reviewed (issue 23).
    law_changes: Option<crate::lawchange::Summary>,
}

/// Dates on one page of the dashboard.
const DASHBOARD_PAGE: i64 = 100;

#[derive(Deserialize)]
struct DashQuery {
    all: Option<String>,
    #[serde(default)]
    page: i64,
}

async fn dashboard(State(state): State<AppState>, s: Session, Q(q): Q<DashQuery>) -> PageResult {
    let today = state.today();
    let show_all = q.all.is_some();
    let page = q.page.clamp(0, 100_000);
    let filter = DeadlineFilter {
        case_id: None,
        open_only: !show_all,
        limit: DASHBOARD_PAGE + 1,
        offset: page * DASHBOARD_PAGE,
    };
    let mut found = state.db.deadlines_for(&s.user, &filter).await?;
    let more = found.len() as i64 > DASHBOARD_PAGE;
    found.truncate(DASHBOARD_PAGE as usize);
    let rows = found
        .into_iter()
        .map(|row| {
            let days = days_until(today, &row.date);
            let (class, alert) = flag(&row.status, &row.kind, days);
            DashRow {
                row,
                days,
                class,
                alert,
            }
        })
        .collect();
    let tasks = state
        .db
        .my_tasks(&s.user)
        .await?
        .into_iter()
        .map(|k| {
            let days = days_until(today, &k.due);
            (k, days)
        })
        .collect();
    let interviews = state
        .db
        .interviews_for(&s.user, None, &today.to_string())
        .await?
        .into_iter()
        .map(|i| {
            let days = days_until(today, &i.date);
            (i, days)
        })
        .collect();
    let law_changes = crate::lawchange::summary(&state, &s.user).await?;
    Ok(render(&Dashboard {
        law_changes,
        tasks,
        interviews,
        ctx: Ctx::of(&s, "dashboard-title"),
        today,
        rows,
        show_all,
        page,
        more,
    }))
}
