//! CSV exports for a spreadsheet: the case list and every deadline of the
//! cases a user sees (`/cases.csv`, `/deadlines.csv`). The same rule of who
//! sees what applies as on the pages, and each export is audited.
//!
//! Cells are quoted as RFC 4180 says (by the `csv` crate); a cell a spreadsheet would read as a
//! formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is
//! prefixed with `'`, so that a client's name can never run in the
//! spreadsheet (CSV injection).

use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};

use crate::dashboard::days_until;
use crate::domain::AuditAction;
use crate::http::error::PageResult;
use crate::http::routes::{Access, Routes};
use crate::http::session::Session;
use crate::state::AppState;
use crate::store::{CaseFilter, DeadlineFilter};

/// This area's routes, with the access each requires.
pub fn routes() -> Routes {
    Routes::new()
        .get("/cases.csv", Access::SignedIn, cases_csv)
        .get("/deadlines.csv", Access::SignedIn, deadlines_csv)
}

/// A cell as exported: never read as a formula by a spreadsheet.
fn guarded(text: &str) -> std::borrow::Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// A CSV document from a header and rows (the `csv` crate's quoting, CRLF
/// line ends as RFC 4180 has them).
fn csv(header: &[&str], rows: impl Iterator<Item = Vec<String>>) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    // Writing into memory cannot fail.
    let _ = w.write_record(header);
    for row in rows {
        let _ = w.write_record(row.iter().map(|c| guarded(c).into_owned()));
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn download(filename: &str, body: String) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{filename}\""),
            ),
        ],
        body,
    )
        .into_response()
}

async fn cases_csv(State(state): State<AppState>, s: Session) -> PageResult {
    let filter = CaseFilter {
        limit: 100_000,
        ..Default::default()
    };
    let mut cases = state.db.cases_for(&s.user, &filter).await?;
    let archived = CaseFilter {
        archived: true,
        ..filter
    };
    cases.extend(state.db.cases_for(&s.user, &archived).await?);
    s.audit(&state.db, AuditAction::CaseExport, None, "case list (CSV)")
        .await?;
    let rows = cases.into_iter().map(|c| {
        vec![
            c.number,
            c.client_name,
            c.next_deadline.unwrap_or_default(),
            if c.archived { "yes" } else { "no" }.to_string(),
            c.version.to_string(),
            c.updated_at,
        ]
    });
    let header = [
        "case_number",
        "client_name",
        "next_deadline",
        "archived",
        "facts_version",
        "last_change_utc",
    ];
    Ok(download("refuge-cases.csv", csv(&header, rows)))
}

async fn deadlines_csv(State(state): State<AppState>, s: Session) -> PageResult {
    let today = state.today();
    let filter = DeadlineFilter {
        limit: 0,
        ..Default::default()
    };
    let deadlines = state.db.deadlines_for(&s.user, &filter).await?;
    s.audit(&state.db, AuditAction::CaseExport, None, "deadlines (CSV)")
        .await?;
    let rows = deadlines.into_iter().map(|d| {
        let days = days_until(today, &d.date);
        vec![
            d.date,
            days.to_string(),
            d.case_number,
            d.client_name,
            d.label,
            d.deadline_id,
            d.status,
            d.kind,
        ]
    });
    let header = [
        "date",
        "days_left",
        "case_number",
        "client_name",
        "what",
        "deadline_id",
        "status",
        "kind",
    ];
    Ok(download("refuge-deadlines.csv", csv(&header, rows)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_as_rfc_4180_says_and_never_read_as_formulas() {
        let doc = csv(
            &["a", "b"],
            [
                vec!["Núñez, Rosa".to_string(), "say \"hi\"".to_string()],
                vec!["=HYPERLINK(\"x\")".to_string(), "-5".to_string()],
            ]
            .into_iter(),
        );
        assert_eq!(
            doc,
            "a,b\r\n\"Núñez, Rosa\",\"say \"\"hi\"\"\"\r\n\"'=HYPERLINK(\"\"x\"\")\",'-5\r\n"
        );
    }
}
