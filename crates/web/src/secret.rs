//! Secrets and passwords: random ids and tokens, stored only as SHA-256
//! hashes; passwords hashed with argon2id.

use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use sha2::{Digest, Sha256};

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut b = [0u8; N];
    // The operating system's generator failing is not something to serve through.
    getrandom::fill(&mut b).expect("the operating system's random generator failed");
    b
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A random identifier (128 bits, hex): unguessable, so that ids reveal nothing.
pub fn random_id() -> String {
    hex(&random_bytes::<16>())
}

/// A random secret (256 bits, hex) with a prefix saying what it is.
pub fn new_secret(prefix: &str) -> String {
    format!("{prefix}_{}", hex(&random_bytes::<32>()))
}

/// What is stored of a secret: its SHA-256. A stolen database yields no usable token.
pub fn hash_secret(secret: &str) -> String {
    hex(&Sha256::digest(secret.as_bytes()))
}

/// Characters of a recovery code, dashes aside (16 of base32: 80 bits).
pub const RECOVERY_CODE_CHARS: usize = 16;

/// A new recovery code of the second factor: 80 random bits in base32,
/// lower case, in four groups (`abcd-efgh-ijkl-mnop`).
pub fn new_recovery_code() -> String {
    let code = crate::totp::base32_encode(&random_bytes::<10>()).to_lowercase();
    let groups: Vec<&str> = (0..4).map(|i| &code[i * 4..i * 4 + 4]).collect();
    groups.join("-")
}

/// What is stored of a recovery code (without its dashes, lower case): the
/// SHA-256 of it with its user's id, like a token's, not argon2 like a
/// password's. Eighty random bits cannot be guessed from their hash, so a
/// slow hash would add nothing but its cost: ten argon2 hashes to make at
/// set-up, and one per code to compare at every attempt. The user's id in
/// it makes the same code of two users hash apart.
pub fn hash_recovery_code(user_id: &str, code: &str) -> String {
    hash_secret(&format!("recovery:{user_id}:{code}"))
}

/// Hashes a password with argon2id (a random salt; tens of milliseconds of CPU).
pub fn hash_password(password: &str) -> String {
    Argon2::default()
        .hash_password(password.as_bytes())
        .expect("argon2 with default parameters hashes any password")
        .to_string()
}

pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|h| {
            Argon2::default()
                .verify_password(password.as_bytes(), &h)
                .is_ok()
        })
        .unwrap_or(false)
}

/// A password's hash for comparing against when the user does not exist, so
/// that a sign-in takes as long whether or not the name is known.
pub fn decoy_hash() -> &'static str {
    static DECOY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DECOY.get_or_init(|| hash_password("decoy password of no account"))
}
