//! `refuge serve --demo`: a few realistic, clearly fictional cases, so that
//! a newcomer sees a populated workspace. Names and events are invented;
//! dates are set relative to today so that the deadlines are live.
//!
//! One of them ([`SPANISH`]) is a Spanish-speaking client, with her story in
//! her own words (in Spanish, as she told it) and a few answers of her
//! application, so that the Spanish printouts (`?lang=es`) have a case to
//! show.

use jiff::civil::Date;
use jiff::{Span, ToSpan};
use serde_json::{Value, json};

use crate::application;
use crate::cases::service as cases;
use crate::domain::AuditAction;
use crate::domain::Role;
use crate::secret;
use crate::state::AppState;
use crate::store::{Audit, By, Db, DbError};

fn ago(today: Date, span: Span) -> String {
    today.checked_sub(span).unwrap_or(today).to_string()
}

/// The demo case of a Spanish-speaking client.
pub const SPANISH: &str = "DEMO María Ejemplo (fictional)";

/// The language of a demo case's client, by its name: Spanish for
/// [`SPANISH`], English for the others.
pub fn client_language(name: &str) -> &'static str {
    if name == SPANISH { "es" } else { "en" }
}

/// The demo cases' application answers (Form I-589), by client name: only
/// what the facts do not hold (the facts' items are read from them).
pub fn applications() -> Vec<(&'static str, Value)> {
    vec![(
        SPANISH,
        json!({
            "part_a1": {
                "last_name": "Ejemplo López",
                "first_name": "María",
                "middle_name": "Elena",
                "other_names": "None",
                "city_of_birth": "Quetzaltenango",
                "country_of_birth": "Guatemala",
                "nationality_at_birth": "Guatemalan",
                "religion": "Evangelical Christian",
                "native_language": "Spanish",
                "fluent_english": "no",
                "other_languages": "None"
            }
        }),
    )]
}

/// The demo cases: client name (fictional) and facts.
pub fn cases(today: Date) -> Vec<(&'static str, Value)> {
    vec![
        (
            "DEMO Ana Example (fictional)",
            json!({
                "applicant": {"birth_date": "1994-06-12", "nationality": ["SV"], "location": "in_us"},
                "arrivals": [{"date": ago(today, 10.months()), "manner": "without_inspection", "border": "southwest_land",
                              "from_country": "MX", "transit_countries": ["GT", "MX"]}],
                "harms": [{"id": "h1", "when": "past", "date": ago(today, 14.months()), "kind": "death_threat",
                           "target": "applicant", "actor": "non_state", "authorities": "reporting_futile",
                           "grounds": [{"ground": "particular_social_group", "central": true, "group": "g1"}]}],
                "groups": [{"id": "g1", "definition": "Salvadoran women who refused to join a gang", "immutable": true}],
                "risk": {"afraid": true}
            }),
        ),
        (
            "DEMO Bashir Sample (fictional)",
            json!({
                "applicant": {"birth_date": "1988-01-30", "nationality": ["AF"], "location": "in_us"},
                "arrivals": [{"date": ago(today, 2.years()), "manner": "paroled", "border": "air"}],
                "application": {"filed_on": ago(today, 15.months()), "forum": "affirmative", "clock_stopped_days": 0},
                // Paroled on arrival, filed with USCIS: never in removal proceedings, never ordered removed.
                "removal": {"in_proceedings": false, "prior_order": false},
                "exceptions": [{"kind": "lawful_status", "began": ago(today, 2.years()), "reasonable_delay": true}],
                "harms": [{"id": "h1", "when": "feared", "kind": "torture", "target": "applicant", "actor": "government",
                           "grounds": [{"ground": "political_opinion", "central": true, "imputed": true}]}],
                "risk": {"afraid": true, "persecution_likelihood": "more_likely_than_not"},
                "torture": {"likelihood": "more_likely_than_not", "official_role": "perpetrator"},
                "conduct": {"persecuted_others": false, "aggravated_felony": false, "particularly_serious_crime": false,
                            "serious_nonpolitical_crime": false, "danger_to_security": false, "terrorist_activity": false},
                "family": [{"id": "c1", "relation": "child", "birth_date": "2012-03-04", "married": false,
                            "relationship_began": "2012-03-04", "in_us": true, "on_application": true}]
            }),
        ),
        (
            "DEMO Chen Placeholder (fictional)",
            json!({
                "applicant": {"birth_date": "1979-09-09", "nationality": ["CN"], "location": "in_us"},
                "arrivals": [{"date": ago(today, 11.months().days(20)), "manner": "admitted", "border": "air"}],
                "harms": [{"id": "h1", "when": "past", "date": ago(today, 3.years()), "kind": "detention",
                           "detention_days": 30, "injured": true, "target": "applicant", "actor": "government",
                           "grounds": [{"ground": "religion", "central": true}]}]
            }),
        ),
        (
            SPANISH,
            json!({
                "applicant": {"birth_date": "1991-08-23", "nationality": ["GT"], "location": "in_us",
                              "unaccompanied_child": false},
                "arrivals": [{"date": ago(today, 7.months()), "manner": "presented_without_documents",
                              "border": "southwest_land", "from_country": "MX", "transit_countries": ["MX"],
                              "cbp_one_appointment": true}],
                "application": {"forum": "affirmative", "previously_denied": false},
                "harms": [
                    {"id": "h1", "when": "past", "date": ago(today, 16.months()), "kind": "death_threat",
                     "target": "applicant", "actor": "non_state", "authorities": "unable_or_unwilling",
                     "grounds": [{"ground": "political_opinion", "central": true}],
                     "narrative": "Organicé a las vecinas para pedir agua potable en la aldea. Unos hombres armados vinieron a mi casa y me dijeron que me callara o me iban a matar."},
                    {"id": "h2", "when": "past", "date": ago(today, 10.months()), "kind": "serious_physical_harm",
                     "target": "applicant", "injured": true, "actor": "non_state", "authorities": "unable_or_unwilling",
                     "grounds": [{"ground": "political_opinion", "central": true}],
                     "narrative": "Me golpearon en el camino al mercado. Fui a la policía y no hicieron nada."}
                ],
                "risk": {"afraid": true},
                "family": [{"id": "c1", "relation": "child", "birth_date": "2015-02-11", "married": false,
                            "in_us": true, "on_application": true}]
            }),
        ),
    ]
}

/// Loads the demo cases and a `demo` attorney if the database has no case
/// yet. Returns the demo user's password when it was created.
///
/// # Errors
/// A database error.
pub async fn load(db: &Db, today: Date) -> Result<Option<String>, DbError> {
    let existing = db.user_by_name("demo").await?;
    if existing.is_some() {
        return Ok(None);
    }
    let password = secret::new_secret("demo")[..21].to_string();
    let hash = secret::hash_password(&password);
    let loaded = Audit::new(
        By::NewUser,
        None,
        AuditAction::UserAdd,
        "demo user and cases loaded",
    );
    let user = db.add_user("demo", &hash, Role::Attorney, &loaded).await?;
    let opened = Audit::new(By::User(&user), None, AuditAction::CaseCreate, " (demo)");
    let mut state = AppState::new(db.clone());
    state.today = Some(today);
    let answered = applications();
    for (n, (name, facts)) in cases(today).into_iter().enumerate() {
        let number = format!("DEMO-{}", n + 1);
        let case = match cases::create(&state, &user, Some(&number), name, &facts, &opened).await {
            Ok(case) => case,
            Err(cases::CaseError::Db(e)) => return Err(e),
            // The demo facts are checked by a test; a rejected one is skipped, not fatal.
            Err(cases::CaseError::Invalid(e)) => {
                tracing::warn!(field = %e.field, "demo case skipped");
                continue;
            }
        };
        let language = client_language(name);
        if language != "en" {
            let audit = Audit::new(
                By::User(&user),
                None,
                AuditAction::CaseClientLanguage,
                language,
            );
            db.set_client_language(&case.id, language, &audit).await?;
        }
        let Some((_, application)) = answered.iter().find(|(n, _)| *n == name) else {
            continue;
        };
        let audit = Audit::new(
            By::User(&user),
            None,
            AuditAction::ApplicationChange,
            "demo application",
        );
        let none = Value::Object(Default::default());
        match application::service::save(&state, &user, &case, 0, &none, application, &audit).await
        {
            Ok(_) => {}
            Err(cases::CaseError::Db(e)) => return Err(e),
            Err(cases::CaseError::Invalid(e)) => {
                tracing::warn!(field = %e.field, "demo application skipped")
            }
        }
    }
    Ok(Some(password))
}
