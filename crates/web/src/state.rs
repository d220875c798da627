//! What every request handler is given: the database, the law, the
//! first run's setup token, the sign-in rate limit, "today" and the clock.

use std::sync::{Arc, Mutex};

use jiff::civil::Date;
use refuge_engine::Law;

use crate::http::limit::RateLimit;
use crate::{secret, store};

/// Everything a request handler needs.
#[derive(Clone)]
pub struct AppState {
    pub db: store::Db,
    pub law: &'static Law,
    /// The change notes and the previous parameter sets, to name the cause
    /// of what a new law moved (issue 23).
    pub history: &'static refuge_engine::change::History,
    /// Where the re-assessment under this law stands (admins see it).
    pub reassessment: Arc<crate::lawchange::run::Progress>,
    /// The one-time token of the first-run setup link, while no user exists.
    pub setup_token: Arc<Mutex<Option<String>>>,
    pub rate_limit: Arc<RateLimit>,
    /// The client intake's requests, per link and per address (`intake::client`).
    pub intake_limit: Arc<RateLimit>,
    /// Refused answers, for the page their refusal redirects to.
    pub drafts: Arc<crate::http::drafts::Drafts>,
    /// The HTTPS proxy in front, whose `X-Forwarded-For` names the client.
    pub trusted_proxy: Option<std::net::IpAddr>,
    /// The address users reach Refuge at (`--public-url`), for links that
    /// leave the browser (calendar feeds).
    pub public_url: Option<String>,
    /// The reminders of calendar feeds, in days before a date (`--reminder-days`).
    pub reminder_days: Vec<u16>,
    /// A fixed "today" (tests); `None`: the system's local date.
    pub today: Option<Date>,
    /// A fixed clock for the second factor's codes (tests); `None`: the system's.
    pub now: Option<jiff::Timestamp>,
    /// The longest an assessment may take before it is refused
    /// (`cases::service::ASSESS_DEADLINE`; shorter in tests).
    pub assess_deadline: std::time::Duration,
    /// The largest file a user may upload, in bytes (`--max-upload-mb`).
    pub upload_limit: usize,
}

impl AppState {
    pub fn new(db: store::Db) -> AppState {
        AppState {
            db,
            law: Law::embedded(),
            history: refuge_engine::change::History::embedded(),
            reassessment: Arc::default(),
            setup_token: Arc::default(),
            rate_limit: Arc::default(),
            intake_limit: Arc::default(),
            drafts: Arc::default(),
            trusted_proxy: None,
            public_url: None,
            reminder_days: crate::calendar::REMINDER_DAYS.to_vec(),
            today: None,
            now: None,
            assess_deadline: crate::cases::service::ASSESS_DEADLINE,
            upload_limit: crate::documents::DEFAULT_UPLOAD_LIMIT,
        }
    }

    /// The time now, for the second factor's codes.
    pub fn now(&self) -> jiff::Timestamp {
        self.now.unwrap_or_else(jiff::Timestamp::now)
    }

    pub fn today(&self) -> Date {
        self.today
            .unwrap_or_else(|| jiff::ZonedDateTime::now().date())
    }

    /// When no administrator exists yet, makes (or returns) the one-time setup token.
    pub async fn setup_token_if_needed(&self) -> Result<Option<String>, store::DbError> {
        if self.db.admin_count().await? > 0 {
            return Ok(None);
        }
        let mut t = self.setup_token.lock().unwrap_or_else(|e| e.into_inner());
        Ok(Some(
            t.get_or_insert_with(|| secret::new_secret("setup")).clone(),
        ))
    }
}
