//! What pages and the API both do with a case: assess its facts, save a new
//! version (history and deadlines in one transaction), open a new one.

use refuge_engine::{Assessment, Case, InputError, assess};
use serde_json::Value;

use crate::facts::form::{self as facts_form, Change};
use crate::state::AppState;
use crate::store::{Audit, CaseRow, DbError, IntakeDecision, NewDeadline, Stamped, User, Version};

#[derive(Debug, thiserror::Error)]
pub enum CaseError {
    /// The facts document has an error (the engine names the field).
    #[error("{0}")]
    Invalid(InputError),
    #[error(transparent)]
    Db(#[from] DbError),
}

/// Assesses a facts document as of today (or the document's own `as_of`).
///
/// The engine runs on the blocking pool, never on the threads that answer
/// requests, and within `state.assess_deadline` ([`ASSESS_DEADLINE`]; issue 15: two large documents
/// assessed on the request threads made a sign-in page wait a minute).
pub async fn assess_facts(state: &AppState, facts: &str) -> Result<Assessment, InputError> {
    let (law, today, text) = (state.law, state.today(), facts.to_owned());
    let run = tokio::task::spawn_blocking(move || {
        let case = Case::from_json(&text, today)?;
        Ok(assess(&case, law))
    });
    match tokio::time::timeout(state.assess_deadline, run).await {
        Ok(Ok(done)) => done,
        Ok(Err(_)) | Err(_) => Err(InputError {
            field: String::new(),
            message:
                "the assessment of these facts could not be completed in time; nothing was saved"
                    .into(),
        }),
    }
}

/// The longest an assessment may take (the largest document the engine
/// accepts takes about 50 ms).
pub const ASSESS_DEADLINE: std::time::Duration = std::time::Duration::from_secs(10);

/// The dated deadlines of an assessment, to store for the dashboard and calendars.
pub fn deadlines(a: &Assessment) -> Vec<NewDeadline<'_>> {
    a.deadlines
        .iter()
        .map(|d| NewDeadline {
            id: &d.id,
            label: &d.label,
            date: d.date.to_string(),
            status: d.status.as_str(),
            kind: d.kind.as_str(),
        })
        .collect()
}

fn changes_json(old: &Value, new: &Value) -> String {
    let changes: Vec<Change> = facts_form::changes(old, new);
    serde_json::to_string(&changes).unwrap_or_else(|_| "[]".into())
}

/// A version to store: `new` checked by the engine, its text, what changed
/// from `old`, and its assessment (whose deadlines are stored with it).
struct Checked {
    text: String,
    /// The assessment's stamp (issue 23), as JSON.
    stamp: String,
    /// Its free text for the case search ([`facts_form::free_text`]).
    search_text: String,
    changes: String,
    assessment: Assessment,
}

impl Checked {
    async fn of(state: &AppState, old: &Value, new: &Value) -> Result<Checked, CaseError> {
        let text = new.to_string();
        let assessment = assess_facts(state, &text)
            .await
            .map_err(CaseError::Invalid)?;
        Ok(Checked {
            stamp: crate::lawchange::stamp_json(&assessment, state.law),
            changes: changes_json(old, new),
            search_text: facts_form::free_text(new),
            text,
            assessment,
        })
    }

    fn version(&self) -> (Vec<NewDeadline<'_>>, &str, &str) {
        (deadlines(&self.assessment), &self.text, &self.changes)
    }

    fn stamp(&self) -> Stamped<'_> {
        Stamped {
            law: &self.assessment.law.version,
            rules: refuge_engine::RULES_VERSION,
            json: &self.stamp,
        }
    }
}

/// A case's stored facts as a JSON document. Only documents the engine
/// accepted are stored, so the fallback (`{}`, nothing known) is never reached
/// in practice; it keeps a damaged row from breaking the page.
pub fn document(case: &CaseRow) -> Value {
    serde_json::from_str(&case.facts).unwrap_or_else(|_| Value::Object(Default::default()))
}

/// Checks a facts document with the engine, then stores it as the case's next version.
///
/// # Errors
/// [`CaseError::Invalid`] when the engine rejects the facts (nothing is saved);
/// a conflict when someone saved since `case.version` was read.
pub async fn save_facts(
    state: &AppState,
    by: &User,
    case: &CaseRow,
    facts: &Value,
    audit: &Audit<'_>,
) -> Result<i64, CaseError> {
    save_facts_deciding(state, by, case, facts, audit, None).await
}

/// [`save_facts`], with the decision on a client's intake answer that made
/// these facts written in the same transaction.
pub async fn save_facts_deciding(
    state: &AppState,
    by: &User,
    case: &CaseRow,
    facts: &Value,
    audit: &Audit<'_>,
    decision: Option<&IntakeDecision<'_>>,
) -> Result<i64, CaseError> {
    let checked = Checked::of(state, &document(case), facts).await?;
    crate::lawchange::run::catch_up(state, case).await?;
    let (deadlines, facts, changes) = checked.version();
    let version = Version {
        facts,
        search_text: &checked.search_text,
        changes,
        deadlines: &deadlines,
        stamp: Some(checked.stamp()),
    };
    Ok(state
        .db
        .save_facts_deciding(by, &case.id, case.version, &version, audit, decision)
        .await?)
}

/// Opens a case with these facts (checked by the engine first), its
/// deadlines and its audit row in one transaction (`audit`'s detail follows
/// "case NUMBER opened").
pub async fn create(
    state: &AppState,
    by: &User,
    number: Option<&str>,
    client_name: &str,
    facts: &Value,
    audit: &Audit<'_>,
) -> Result<CaseRow, CaseError> {
    let checked = Checked::of(state, &Value::Null, facts).await?;
    let (deadlines, facts, changes) = checked.version();
    let first = Version {
        facts,
        search_text: &checked.search_text,
        changes,
        deadlines: &deadlines,
        stamp: Some(checked.stamp()),
    };
    Ok(state
        .db
        .create_case(by, number, client_name, &first, audit)
        .await?)
}

/// Keeps the free text of the facts of cases made before the search read
/// it (migration 0006), so that the search finds them too: run when the
/// server starts, in batches.
///
/// # Errors
/// When the database fails.
pub async fn fill_search_text(db: &crate::store::Db) -> Result<(), DbError> {
    loop {
        let batch = db.cases_without_search_text(500).await?;
        if batch.is_empty() {
            return Ok(());
        }
        for (id, version, facts) in &batch {
            let doc: Value = serde_json::from_str(facts).unwrap_or(Value::Null);
            db.set_search_text(id, *version, &facts_form::free_text(&doc))
                .await?;
        }
    }
}

/// Every error the engine finds in `doc`, each at its field as the form
/// names it (the engine stops at the first): each field found is set aside
/// and the rest checked again, until the rest passes (or a field is found
/// twice, or 50 are).
pub async fn all_errors(state: &AppState, doc: &Value) -> Vec<(String, String)> {
    let mut rest = doc.clone();
    let mut errors: Vec<(String, String)> = Vec::new();
    while errors.len() < 50 {
        let Err(e) = assess_facts(state, &rest.to_string()).await else {
            break;
        };
        let path = form_path(doc, &e.field);
        if errors.iter().any(|(p, _)| *p == path)
            || facts_form::set(&mut rest, &e.field, Value::Null).is_err()
        {
            errors.push((path, e.message));
            break;
        }
        errors.push((path, e.message));
    }
    errors
}

/// An engine error's field path with list entries named as the form names
/// them: `harms[1].kind` becomes `harms[h2].kind` when that entry's id is `h2`.
pub fn form_path(doc: &Value, field: &str) -> String {
    let mut out = String::new();
    let mut prefix = String::new();
    for part in field.split('.') {
        let mut p = part.to_string();
        if let (Some(open), Some(close)) = (part.find('['), part.find(']'))
            && open < close
            && let Ok(i) = part[open + 1..close].parse::<usize>()
        {
            let list = format!("{prefix}{}", &part[..open]);
            if let Some(id) = facts_form::get(doc, &list)
                .and_then(|l| l.get(i))
                .and_then(|e| e.get("id"))
                .and_then(Value::as_str)
            {
                p = format!("{}[{id}]{}", &part[..open], &part[close + 1..]);
            }
        }
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(&p);
        prefix = format!("{out}.");
    }
    out
}

/// A case's assessment; facts the engine now rejects (a law or date change)
/// are shown as an error beside an assessment of no facts.
pub async fn assessment_of(state: &AppState, case: &CaseRow) -> (Assessment, Option<String>) {
    match assess_facts(state, &case.facts).await {
        Ok(a) => (a, None),
        Err(e) => {
            let a = assess_facts(state, "{}")
                .await
                .expect("an empty facts document is valid");
            (a, Some(e.to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_engine_error_path_names_keyed_entries_by_id() {
        let doc = serde_json::json!({"harms": [{"id": "h1"}, {"id": "h2", "grounds": [{}]}], "arrivals": [{}]});
        assert_eq!(form_path(&doc, "harms[1].kind"), "harms[h2].kind");
        assert_eq!(
            form_path(&doc, "harms[1].grounds[0].group"),
            "harms[h2].grounds[0].group"
        );
        assert_eq!(form_path(&doc, "arrivals[0].date"), "arrivals[0].date");
        assert_eq!(
            form_path(&doc, "applicant.birth_date"),
            "applicant.birth_date"
        );
    }
}
