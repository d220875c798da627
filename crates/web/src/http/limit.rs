//! The sign-in rate limit, which an attacker cannot turn against a user
//! (issue 15, medium 9): too many failures from one address for one name
//! lock that pair out for the window; failures for a name from anywhere, or
//! from an address for any name, only slow the next attempts down (up to
//! [`RateLimit::MAX_DELAY`]). So a user signs in from their own address
//! while someone else guesses at their name, and an office behind one
//! HTTPS proxy is not locked out by one person's mistakes.
//!
//! A wrong second-factor code counts as a wrong password does, and more:
//! after [`RateLimit::MAX_CODE_FAILURES`] wrong codes for an account from
//! anywhere within the window, codes for it are refused everywhere until
//! the window has passed. Only someone who knows the password reaches the
//! code step, so only they can cause that, and six digits must not be
//! guessed in parallel from many addresses.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::domain::user::MAX_NAME_CHARS;

/// Failed sign-ins within the window, per address and name together, per
/// name and per address.
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
    /// The keys of an attempt: its address, its name (no longer than a
    /// user name can be: a longer one is no one's), and the two together.
    fn keys(ip: &str, name: &str) -> [String; 3] {
        let name: String = name
            .chars()
            .take(MAX_NAME_CHARS)
            .collect::<String>()
            .to_lowercase();
        [
            format!("ip:{ip}"),
            format!("user:{name}"),
            format!("pair:{ip}|{name}"),
        ]
    }

    /// The longest an attempt is slowed down.
    pub const MAX_DELAY: Duration = Duration::from_secs(8);

    /// How long to wait before checking this attempt: nothing until the
    /// name or the address has failed `max_failures` times, then a quarter
    /// of a second more for each further failure, up to [`Self::MAX_DELAY`].
    pub fn delay(&self, ip: &str, name: &str) -> Duration {
        let now = Instant::now();
        let map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        let worst = Self::keys(ip, name)[..2]
            .iter()
            .filter_map(|k| map.get(k))
            .filter(|(_, since)| now.duration_since(*since) < self.window)
            .map(|(n, _)| *n)
            .max()
            .unwrap_or(0);
        let over = worst.saturating_sub(self.max_failures);
        (Duration::from_millis(250) * over).min(Self::MAX_DELAY)
    }

    /// Whether sign-in is locked for this name from this address.
    pub fn locked(&self, ip: &str, name: &str) -> bool {
        let now = Instant::now();
        let map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        let [_, _, pair] = Self::keys(ip, name);
        map.get(&pair).is_some_and(|(n, since)| {
            *n >= self.max_failures && now.duration_since(*since) < self.window
        })
    }

    /// Counts a failed sign-in. The addresses and names remembered are
    /// bounded ([`RateLimit::MAX_KEYS`]): past that, those whose window has
    /// passed are forgotten, then the older half of the names (issue 15: every name tried was
    /// kept, and 200 attempts grew the server by 240 MB).
    pub fn failed(&self, ip: &str, name: &str) {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        self.make_room(&mut map, now);
        for k in Self::keys(ip, name) {
            map.entry(k).or_insert((0, now)).0 += 1;
        }
    }

    /// Counts a request under `key` (the client intake's: per link and per
    /// address) and says whether it is over `max` within the window, which
    /// starts again once it has passed.
    pub fn over(&self, key: &str, max: u32) -> bool {
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        self.make_room(&mut map, now);
        let entry = map.entry(key.to_string()).or_insert((0, now));
        if now.duration_since(entry.1) >= self.window {
            *entry = (0, now);
        }
        entry.0 += 1;
        entry.0 > max
    }

    /// Keeps what is remembered bounded ([`RateLimit::MAX_KEYS`]): past
    /// that, keys whose window has passed are forgotten, then the older
    /// half of the names, then of the addresses.
    fn make_room(&self, map: &mut HashMap<String, (u32, Instant)>, now: Instant) {
        if map.len() + 4 > Self::MAX_KEYS {
            map.retain(|_, (_, since)| now.duration_since(*since) < self.window);
        }
        if map.len() + 4 > Self::MAX_KEYS {
            // Still full: forget the older half of the names tried (an
            // address is kept: it is what a flood of names comes from).
            let mut names: Vec<(Instant, String)> = map
                .iter()
                .filter(|(k, _)| !k.starts_with("ip:"))
                .map(|(k, (_, since))| (*since, k.clone()))
                .collect();
            names.sort_unstable();
            for (_, k) in names.iter().take(names.len().div_ceil(2)) {
                map.remove(k);
            }
        }
        if map.len() + 4 > Self::MAX_KEYS {
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
    }

    /// Wrong second-factor codes for one account, from anywhere, after
    /// which codes for it are refused for the window.
    pub const MAX_CODE_FAILURES: u32 = 10;

    fn code_key(name: &str) -> String {
        let name: String = name.chars().take(MAX_NAME_CHARS).collect();
        format!("code:{}", name.to_lowercase())
    }

    /// Counts a wrong second-factor code: as a wrong password, and towards
    /// [`Self::MAX_CODE_FAILURES`] for the account.
    pub fn code_failed(&self, ip: &str, name: &str) {
        self.failed(ip, name);
        let now = Instant::now();
        let mut map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        let entry = map.entry(Self::code_key(name)).or_insert((0, now));
        if now.duration_since(entry.1) >= self.window {
            *entry = (0, now);
        }
        entry.0 += 1;
    }

    /// Whether codes for this account are refused for now.
    pub fn codes_locked(&self, name: &str) -> bool {
        let now = Instant::now();
        let map = self.failures.lock().unwrap_or_else(|e| e.into_inner());
        map.get(&Self::code_key(name)).is_some_and(|(n, since)| {
            *n >= Self::MAX_CODE_FAILURES && now.duration_since(*since) < self.window
        })
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
        map.remove(&Self::code_key(name));
    }
}
