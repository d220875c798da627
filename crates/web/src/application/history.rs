//! The application's versions (issue 16: "who changed what, when"): each
//! saved version, newest first, with who saved it, when, and each item it
//! changed, named as the form names it (`A.I.6 Middle Name`).

use askama::Template;
use axum::extract::State;
use refuge_application::Form;

use crate::domain::AuditAction;
use crate::http::access::{CaseAccess, Member};
use crate::http::error::PageResult;
use crate::http::view::{ChangeView, Ctx, VersionView, render};
use crate::state::AppState;
use crate::store::CaseRow;

#[derive(Template)]
#[template(path = "application/history.html")]
struct HistoryPage {
    ctx: Ctx,
    case: CaseRow,
    versions: Vec<VersionView>,
    column: &'static str,
    unset: &'static str,
    unchanged: &'static str,
}

/// The form's name for a changed path: `part_a2.members[c1].last_name` is the
/// item `application.part_a2.members[].last_name`.
fn label(form: &Form, path: &str) -> String {
    let mut generic = String::with_capacity(path.len() + 12);
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                generic.push_str("[]");
            }
            ']' => in_index = false,
            c if !in_index => generic.push(c),
            _ => {}
        }
    }
    form.item(&format!("application.{generic}"))
        .map_or_else(|| path.to_string(), |i| i.name())
}

pub(super) async fn history_page(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
) -> PageResult {
    s.audit(
        &state.db,
        AuditAction::CaseView,
        Some(&case.id),
        "application history viewed",
    )
    .await?;
    let form = Form::embedded();
    let versions = state
        .db
        .application_history(&case.id)
        .await?
        .into_iter()
        .map(|v| {
            VersionView::new(v.version, v.changed_by, v.changed_at, &v.changes, |c| {
                ChangeView {
                    label: label(form, &c.path),
                    ..c
                }
            })
        })
        .collect();
    Ok(render(&HistoryPage {
        ctx: Ctx::of_case(&s, "application-history-title", &case.client_name),
        case,
        versions,
        column: "application-history-item",
        unset: "application-history-not-answered",
        unchanged: "application-history-unchanged",
    }))
}

#[cfg(test)]
mod tests {
    use super::label;
    use refuge_application::Form;

    #[test]
    fn a_changed_path_is_named_as_the_form_names_the_item() {
        let form = Form::embedded();
        assert!(
            label(form, "part_a1.middle_name").starts_with("A.I."),
            "{}",
            label(form, "part_a1.middle_name")
        );
        let member = label(form, "part_a2.members[c1].last_name");
        assert!(member.starts_with("A.II"), "{member}");
        assert_eq!(
            label(form, "timeline.events[e1].date"),
            "timeline.events[e1].date"
        );
    }
}
