//! Time-based one-time passwords (RFC 6238) over HOTP (RFC 4226): the
//! second factor's codes, its secret in base32 (RFC 4648) for an
//! authenticator app, and the `otpauth://` address that carries both.
//!
//! The parameters are the ones every authenticator app assumes: HMAC-SHA1,
//! a 30-second step from the Unix epoch, six digits.

use hmac::{Hmac, KeyInit, Mac};
use sha1::Sha1;

/// > X represents the time step in seconds (default value X = 30 seconds)
/// > and is a system parameter. (RFC 6238, § 4.1)
pub const STEP_SECONDS: i64 = 30;
/// Digits of a code (RFC 4226, § 5.3: "at least a 6-digit value").
pub const DIGITS: u32 = 6;
/// > We RECOMMEND that at most one time step is allowed as the network
/// > delay. (RFC 6238, § 5.2)
///
/// A code of the step before or after the current one is accepted too, for
/// a phone's clock a little off and the seconds it takes to type a code.
pub const SKEW_STEPS: i64 = 1;

/// > The length of the shared secret MUST be at least 128 bits. This
/// > document RECOMMENDs a shared secret length of 160 bits. (RFC 4226, § 4)
const SECRET_BYTES: usize = 20;

/// A user's shared secret. Confidential: it is never logged, and its
/// `Debug` says nothing of it.
#[derive(Clone, PartialEq, Eq)]
pub struct TotpSecret([u8; SECRET_BYTES]);

impl std::fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TotpSecret(..)")
    }
}

/// The time step of a moment (Unix seconds): > T = (Current Unix time - T0) / X
/// (RFC 6238, § 4.2, with T0 = 0).
pub fn step_at(unix_seconds: i64) -> i64 {
    unix_seconds.div_euclid(STEP_SECONDS)
}

impl TotpSecret {
    /// A new random secret of 160 bits.
    pub fn generate() -> TotpSecret {
        let mut b = [0u8; SECRET_BYTES];
        getrandom::fill(&mut b).expect("the operating system's random generator failed");
        TotpSecret(b)
    }

    /// The secret as stored and as typed into an app: base32, no padding.
    pub fn to_base32(&self) -> String {
        base32_encode(&self.0)
    }

    /// A secret read back from its base32 (`None`: not one of ours).
    pub fn from_base32(text: &str) -> Option<TotpSecret> {
        base32_decode(text)?.try_into().ok().map(TotpSecret)
    }

    /// The HOTP value of `counter` with `digits` digits (RFC 4226, § 5.3).
    fn hotp(&self, counter: u64, digits: u32) -> u32 {
        let mut mac =
            Hmac::<Sha1>::new_from_slice(&self.0).expect("HMAC takes a key of any length");
        mac.update(&counter.to_be_bytes());
        let hs = mac.finalize().into_bytes();
        // > Let OffsetBits be the low-order 4 bits of String[19]
        let offset = usize::from(hs[19] & 0x0f);
        // > Return the Last 31 bits of P
        let bin = u32::from_be_bytes([
            hs[offset] & 0x7f,
            hs[offset + 1],
            hs[offset + 2],
            hs[offset + 3],
        ]);
        bin % 10u32.pow(digits)
    }

    /// The six-digit code of time step `step`, as an app shows it.
    pub fn code_at(&self, step: i64) -> String {
        format!(
            "{:0width$}",
            self.hotp(step as u64, DIGITS),
            width = DIGITS as usize
        )
    }

    /// The step whose code `code` is, among the steps within [`SKEW_STEPS`]
    /// of `unix_seconds` (`None`: no code of this secret then). Whether the
    /// step was used before is for the caller, which records the last one.
    pub fn verify(&self, code: &str, unix_seconds: i64) -> Option<i64> {
        let code = code.trim();
        if code.len() != DIGITS as usize || !code.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let now = step_at(unix_seconds);
        // Every candidate is computed, whichever matches, so that the time
        // taken tells nothing of which step (if any) it was.
        let mut found = None;
        for step in now - SKEW_STEPS..=now + SKEW_STEPS {
            if step >= 0 && constant_time_eq(self.code_at(step).as_bytes(), code.as_bytes()) {
                found = Some(step);
            }
        }
        found
    }

    /// The `otpauth://` address an authenticator app reads (from the QR
    /// code, or pasted): the Key Uri Format of Google Authenticator, which
    /// the other apps follow.
    pub fn uri(&self, issuer: &str, account: &str) -> String {
        format!(
            "otpauth://totp/{}:{}?secret={}&issuer={}&algorithm=SHA1&digits={DIGITS}&period={STEP_SECONDS}",
            percent(issuer),
            percent(account),
            self.to_base32(),
            percent(issuer),
        )
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Percent-encodes all but RFC 3986's unreserved characters.
fn percent(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

const BASE32: &[u8; 32] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

/// RFC 4648 base32, without padding (as authenticator apps take it).
pub fn base32_encode(bytes: &[u8]) -> String {
    let mut out = String::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for &b in bytes {
        buffer = (buffer << 8) | u32::from(b);
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            out.push(char::from(BASE32[((buffer >> bits) & 31) as usize]));
        }
    }
    if bits > 0 {
        out.push(char::from(BASE32[((buffer << (5 - bits)) & 31) as usize]));
    }
    out
}

/// RFC 4648 base32 read back, in either case, with spaces and padding
/// ignored (`None` on any other character).
pub fn base32_decode(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let (mut buffer, mut bits) = (0u32, 0u32);
    for c in text.bytes().filter(|c| !matches!(c, b' ' | b'=')) {
        let v = BASE32.iter().position(|&a| a == c.to_ascii_uppercase())? as u32;
        buffer = (buffer << 5) | v;
        bits += 5;
        if bits >= 8 {
            bits -= 8;
            out.push((buffer >> bits) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6238, Appendix B: the SHA-1 rows, secret "12345678901234567890",
    /// eight digits (the six-digit code is their last six).
    #[test]
    fn the_codes_are_those_of_rfc_6238_appendix_b() {
        let secret = TotpSecret(*b"12345678901234567890");
        for (time, code) in [
            (59, "94287082"),
            (1111111109, "07081804"),
            (1111111111, "14050471"),
            (1234567890, "89005924"),
            (2000000000, "69279037"),
            (20000000000, "65353130"),
        ] {
            let step = step_at(time) as u64;
            assert_eq!(format!("{:08}", secret.hotp(step, 8)), code, "T = {time}");
            assert_eq!(secret.code_at(step_at(time)), code[2..], "T = {time}");
        }
    }

    #[test]
    fn a_code_is_accepted_one_step_early_or_late_and_no_further() {
        let secret = TotpSecret::generate();
        let now = 1_800_000_015;
        let step = step_at(now);
        for (s, accepted) in [
            (step - 2, false),
            (step - 1, true),
            (step, true),
            (step + 1, true),
            (step + 2, false),
        ] {
            assert_eq!(
                secret.verify(&secret.code_at(s), now),
                accepted.then_some(s),
                "step {s}"
            );
        }
        assert_eq!(secret.verify("12345", now), None);
        assert_eq!(secret.verify("abcdef", now), None);
    }

    #[test]
    fn base32_reads_back_what_it_writes_and_matches_rfc_4648() {
        // RFC 4648, § 10, without the padding.
        for (text, b32) in [
            ("", ""),
            ("f", "MY"),
            ("fo", "MZXQ"),
            ("foo", "MZXW6"),
            ("foob", "MZXW6YQ"),
            ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI"),
        ] {
            assert_eq!(base32_encode(text.as_bytes()), b32);
            assert_eq!(base32_decode(b32).unwrap(), text.as_bytes());
        }
        let secret = TotpSecret::generate();
        assert_eq!(
            TotpSecret::from_base32(&secret.to_base32().to_lowercase()),
            Some(secret)
        );
        assert_eq!(base32_decode("MZ1W"), None);
    }

    #[test]
    fn the_address_names_the_issuer_and_the_account_and_carries_the_secret() {
        let secret = TotpSecret::generate();
        let uri = secret.uri("Refuge", "ana@office");
        assert!(
            uri.starts_with("otpauth://totp/Refuge:ana%40office?secret="),
            "{uri}"
        );
        assert!(uri.contains(&secret.to_base32()) && uri.contains("&issuer=Refuge&"));
        assert_eq!(format!("{secret:?}"), "TotpSecret(..)");
    }
}
