//! The sign-in rate limit.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

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
    fn keys(ip: &str, name: &str) -> [String; 2] {
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

    pub fn failed(&self, ip: &str, name: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        for k in Self::keys(ip, name) {
            map.entry(k).or_insert((0, Instant::now())).0 += 1;
        }
    }

    pub fn succeeded(&self, ip: &str, name: &str) {
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        for k in Self::keys(ip, name) {
            map.remove(&k);
        }
    }
}
