//! Refused answers kept on the server for the page a refusal redirects to
//! (POST, redirect, GET: issue 22, defect 14): the browser's back button and
//! a reload then ask nothing of resubmitting a form, and the address carries
//! only an opaque key, never what was typed.
//!
//! A draft is read only by the user who made it, on its case, for
//! [`Drafts::LIFE`]; at most [`Drafts::MAX`] are kept (the oldest go first).

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::response::{IntoResponse, Redirect, Response};

use crate::domain::UserId;
use crate::secret;

/// A form refused: the values as typed, why, and how to show it again.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// The interview's question (empty for the facts form).
    pub fact: String,
    pub typed: HashMap<String, String>,
    /// Each field's error, by the field's name.
    pub errors: HashMap<String, String>,
    /// Why, in a sentence.
    pub error: String,
    /// The document the form shows around what was typed (the facts form:
    /// the stored version, or a merge).
    pub doc: Option<serde_json::Value>,
    /// The status the page is shown again with (422, or 409 for a conflict).
    pub status: u16,
}

#[derive(Default)]
pub struct Drafts(Mutex<HashMap<String, (UserId, String, Instant, Draft)>>);

impl Drafts {
    /// How long a draft is kept.
    pub const LIFE: Duration = Duration::from_secs(30 * 60);
    /// Drafts kept at most.
    pub const MAX: usize = 1_000;

    /// Keeps `draft` of `user` for the page `place` (a case's id, or a
    /// form of no case, such as `new-case`), and gives its key.
    pub fn keep(&self, user: &UserId, place: &str, draft: Draft) -> String {
        let now = Instant::now();
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        map.retain(|_, (_, _, at, _)| now.duration_since(*at) < Self::LIFE);
        while map.len() >= Self::MAX {
            let Some(oldest) = map
                .iter()
                .min_by_key(|(_, (_, _, at, _))| *at)
                .map(|(k, _)| k.clone())
            else {
                break;
            };
            map.remove(&oldest);
        }
        let key = secret::random_id();
        map.insert(key.clone(), (user.clone(), place.to_string(), now, draft));
        key
    }

    /// Keeps a refused form's `draft` and sends the browser to `page`, which
    /// shows it again (the draft's key added to the page's address).
    pub fn refuse(&self, user: &UserId, place: &str, draft: Draft, page: &str) -> Response {
        let key = self.keep(user, place, draft);
        let sep = if page.contains('?') { '&' } else { '?' };
        Redirect::to(&format!("{page}{sep}draft={key}")).into_response()
    }

    /// The draft of `key`, if it is `user`'s for the page `place` and still kept.
    pub fn get(&self, key: &str, user: &UserId, place: &str) -> Option<Draft> {
        let map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        map.get(key)
            .filter(|(u, p, at, _)| u == user && p == place && at.elapsed() < Self::LIFE)
            .map(|(_, _, _, d)| d.clone())
    }
}
