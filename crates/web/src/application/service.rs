//! What the pages and the API both do with a case's application: read it,
//! check it against the case's facts (`refuge_application::CaseDocument`),
//! run the readiness checks (`refuge_application::check`, the same that
//! `refuge check` runs), and save a new version.

use refuge_application::{Application, CaseDocument, RawDocument, Readiness};
use refuge_engine::{Facts, InputError};
use serde_json::Value;

use crate::cases::service::CaseError;
use crate::facts::form as facts_form;
use crate::state::AppState;
use crate::store::{Audit, CaseRow, DbError, IntakeDecision, User};

/// A case's application as stored: its version (0: never saved) and document.
pub struct Stored {
    pub version: i64,
    pub document: Value,
    /// Who saved the version, and when (empty when never saved).
    pub changed_by: String,
    pub changed_at: String,
}

/// The case's application, or an empty one at version 0.
///
/// # Errors
/// When the database fails.
pub async fn stored(state: &AppState, case: &CaseRow) -> Result<Stored, DbError> {
    Ok(match state.db.application(&case.id).await? {
        Some(v) => Stored {
            version: v.version,
            document: serde_json::from_str(&v.document)
                .unwrap_or_else(|_| Value::Object(Default::default())),
            changed_by: v.changed_by,
            changed_at: v.changed_at,
        },
        None => Stored {
            version: 0,
            document: Value::Object(Default::default()),
            changed_by: String::new(),
            changed_at: String::new(),
        },
    })
}

/// Reads `application` (the application document alone, strictly: unknown
/// fields and bad values refused naming `application.…`) beside the case's
/// `facts`, and checks the two together (references to the facts, dates).
fn read(
    facts: &str,
    application: &str,
    today: jiff::civil::Date,
) -> Result<CaseDocument, InputError> {
    if !application.trim_start().starts_with('{') {
        return Err(input_error(
            "application",
            "the application must be one JSON object (its parts: part_a1 ... supplement_b)",
        ));
    }
    let facts: Facts = refuge_engine::facts::parse_json(facts).map_err(|e| prefixed("facts", e))?;
    let application: Application =
        refuge_engine::facts::parse_json(application).map_err(|e| prefixed("application", e))?;
    CaseDocument::new(RawDocument { facts, application }, today)
}

fn prefixed(root: &str, e: InputError) -> InputError {
    let field = if e.field.is_empty() {
        root.to_string()
    } else {
        format!("{root}.{}", e.field)
    };
    input_error(field, e.message)
}

fn input_error(field: impl Into<String>, message: impl Into<String>) -> InputError {
    InputError {
        field: field.into(),
        message: message.into(),
    }
}

/// Runs `f` on the blocking pool within the state's deadline, as the
/// facts' assessment runs (the checks assess the facts once).
async fn blocking<T: Send + 'static>(
    state: &AppState,
    f: impl FnOnce() -> Result<T, InputError> + Send + 'static,
) -> Result<T, InputError> {
    match tokio::time::timeout(state.assess_deadline, tokio::task::spawn_blocking(f)).await {
        Ok(Ok(done)) => done,
        Ok(Err(_)) | Err(_) => Err(input_error(
            "",
            "the application could not be checked in time; nothing was saved",
        )),
    }
}

/// Checks an application document against the case's facts.
///
/// # Errors
/// The first error, naming its path (`application.part_a3.addresses[2].to`,
/// or `facts.…` when the stored facts no longer hold).
pub async fn check_document(
    state: &AppState,
    case: &CaseRow,
    application: &str,
) -> Result<CaseDocument, InputError> {
    let (facts, app, today) = (case.facts.clone(), application.to_owned(), state.today());
    blocking(state, move || read(&facts, &app, today)).await
}

/// The readiness of the case's application: the checks of `refuge check`.
///
/// # Errors
/// When the stored application or facts do not hold together (the path named).
pub async fn readiness(
    state: &AppState,
    case: &CaseRow,
    application: &Value,
) -> Result<Readiness, InputError> {
    let (facts, app, today, law) = (
        case.facts.clone(),
        application.to_string(),
        state.today(),
        state.law,
    );
    blocking(state, move || {
        let doc = read(&facts, &app, today)?;
        Ok(refuge_application::check(&doc, law))
    })
    .await
}

/// Every error of `doc`, each at its path (the parser stops at the first):
/// each path found is set aside and the rest read again, until it passes
/// (or a path is found twice, or 50 are).
pub async fn all_errors(state: &AppState, case: &CaseRow, doc: &Value) -> Vec<(String, String)> {
    let mut rest = doc.clone();
    let mut errors: Vec<(String, String)> = Vec::new();
    while errors.len() < 50 {
        let Err(e) = check_document(state, case, &rest.to_string()).await else {
            break;
        };
        let repeated = errors.iter().any(|(p, _)| *p == e.field);
        let removable = e
            .field
            .strip_prefix("application.")
            .is_some_and(|p| super::fields::remove(&mut rest, p));
        errors.push((e.field.clone(), e.message));
        if repeated || !removable {
            break;
        }
    }
    errors
}

/// Checks `application` against the case's facts, then stores it (as the
/// parser reads it back) as the next version after `expected_version`,
/// with what changed and its audit row, in one transaction.
///
/// # Errors
/// [`CaseError::Invalid`] naming the path (nothing saved); a conflict when
/// someone saved since `expected_version`.
pub async fn save(
    state: &AppState,
    by: &User,
    case: &CaseRow,
    expected_version: i64,
    old: &Value,
    application: &Value,
    audit: &Audit<'_>,
) -> Result<(i64, Value), CaseError> {
    let stored = Stored {
        version: expected_version,
        document: old.clone(),
        changed_by: String::new(),
        changed_at: String::new(),
    };
    save_deciding(state, by, case, &stored, application, audit, None).await
}

/// [`save`] over the version `stored`, with the decision on a client's
/// intake answer that made it written in the same transaction.
pub async fn save_deciding(
    state: &AppState,
    by: &User,
    case: &CaseRow,
    stored: &Stored,
    application: &Value,
    audit: &Audit<'_>,
    decision: Option<&IntakeDecision<'_>>,
) -> Result<(i64, Value), CaseError> {
    let (expected_version, old) = (stored.version, &stored.document);
    let doc = check_document(state, case, &application.to_string())
        .await
        .map_err(CaseError::Invalid)?;
    let canonical = serde_json::to_value(doc.application())
        .unwrap_or_else(|_| Value::Object(Default::default()));
    let changes = serde_json::to_string(&facts_form::changes(old, &canonical))
        .unwrap_or_else(|_| "[]".into());
    let version = state
        .db
        .save_application_deciding(
            by,
            &case.id,
            expected_version,
            &canonical.to_string(),
            &changes,
            audit,
            decision,
        )
        .await?;
    Ok((version, canonical))
}

/// The case document as read (its timeline and evidence typed) and its
/// readiness, for the pages that show both (the timeline, the evidence).
///
/// # Errors
/// When the stored application or facts do not hold together (the path named).
pub async fn checked(
    state: &AppState,
    case: &CaseRow,
    application: &Value,
) -> Result<(CaseDocument, Readiness), InputError> {
    let (facts, app, today, law) = (
        case.facts.clone(),
        application.to_string(),
        state.today(),
        state.law,
    );
    blocking(state, move || {
        let doc = read(&facts, &app, today)?;
        let readiness = refuge_application::check(&doc, law);
        Ok((doc, readiness))
    })
    .await
}
