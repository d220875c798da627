//! The sign-in rate limit.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::domain::user::MAX_NAME_CHARS;

/// Failed sign-ins per client address and per user name; too many within the
/// window lock further attempts out until it passes.
pub struct RateLimit {
    failures: Mutex<HashMap<String, (u32, Instant)>>,
    pub max_failures: u32,
    pub window: Duration,
}

impl Default for RateLimit {
    fn default() -> Self {
        RateLimit {
            failures: Mutex::default(),
            max_failures: 5,
            window: Duration::from_secs(15 * 60),
        }
    }
}

impl RateLimit {
    /// The keys of an attempt: its address, and its name (no longer than a
    /// user name can be: a longer one is no one's).
    fn keys(ip: &str, name: &str) -> [String; 2] {
        let name: String = name.chars().take(MAX_NAME_CHARS).collect();
        [format!("ip:{ip}"), format!("user:{}", name.to_lowercase())]
    }

    /// Whether sign-in is locked for this address or this name.
    pub fn locked(&self, ip: &str, name: &str) -> bool {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        map.retain(|_, (_, since)| now.duration_since(*since) < self.window);
        Self::keys(ip, name)
            .iter()
            .any(|k| map.get(k).is_some_and(|(n, _)| *n >= self.max_failures))
    }

    /// Counts a failed sign-in. The addresses and names remembered are
    /// bounded ([`RateLimit::MAX_KEYS`]): past that, those whose window has
    /// passed are forgotten, then the older half of the names (issue 15: every name tried was
    /// kept, and 200 attempts grew the server by 240 MB).
    pub fn failed(&self, ip: &str, name: &str) {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        if map.len() + 2 > Self::MAX_KEYS {
            map.retain(|_, (_, since)| now.duration_since(*since) < self.window);
        }
        if map.len() + 2 > Self::MAX_KEYS {
            // Still full: forget the older half of the names tried (an
            // address is kept: it is what a flood of names comes from).
            let mut names: Vec<(Instant, String)> = map
                .iter()
                .filter(|(k, _)| k.starts_with("user:"))
                .map(|(k, (_, since))| (*since, k.clone()))
                .collect();
            names.sort_unstable();
            for (_, k) in names.iter().take(names.len().div_ceil(2)) {
                map.remove(k);
            }
        }
        if map.len() + 2 > Self::MAX_KEYS {
            // Only addresses left (a flood from many): the older half goes.
            let mut all: Vec<(Instant, String)> = map
                .iter()
                .map(|(k, (_, since))| (*since, k.clone()))
                .collect();
            all.sort_unstable();
            for (_, k) in all.iter().take(all.len().div_ceil(2)) {
                map.remove(k);
            }
        }
        for k in Self::keys(ip, name) {
            map.entry(k).or_insert((0, now)).0 += 1;
        }
    }

    /// Addresses and names remembered at most (a few hundred kilobytes).
    pub const MAX_KEYS: usize = 10_000;

    /// How many addresses and names are remembered now.
    pub fn remembered(&self) -> usize {
        self.failures
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .len()
    }

    pub fn succeeded(&self, ip: &str, name: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        for k in Self::keys(ip, name) {
            map.remove(&k);
        }
    }
}
