//! Encryption at rest (issue 15, protection 1): the narrative fields a
//! database or a backup would otherwise give away (the facts and their
//! versions, notes and their versions, the search's free text, the second
//! factor's TOTP key) are stored sealed with XChaCha20-Poly1305.
//!
//! A sealed value is text, so that it fits the columns it always had:
//! `enc:v1:<key id>:<base64 of the 24-byte nonce and the ciphertext>`. The
//! nonce is random for every value (192 bits: no risk of reuse); the
//! associated data is the value's place (`notes.body/<note id>`), so that a
//! value moved to another row or column does not open. The key id (the
//! first 16 hex digits of a SHA-256 of the key) tells which key opens a
//! value: a rotation re-seals values one by one, and a value under a key
//! not given is an error that names both ids, never garbage.
//!
//! A value that does not start with `enc:` was written before encryption
//! (or before it was sealed at start): it is read as it is, and sealed by
//! [`crate::store::Db::seal_plaintext`] or `refuge keys rotate`.
//!
//! The key itself is 32 random bytes, written as base64 (a key file of one
//! line, or `REFUGE_KEY`); it is never logged, and `Debug` shows its id only.

use std::sync::Arc;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use sha2::{Digest, Sha256};

/// The prefix of every sealed value (of this format).
pub const SEALED: &str = "enc:v1:";
/// The prefix every sealed value, of any format, starts with.
const ANY_SEALED: &str = "enc:";
const NONCE_LEN: usize = 24;

/// Why a key or a sealed value could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CryptError {
    #[error(
        "not an encryption key: expected 32 bytes written as base64 (44 characters) or hex (64)"
    )]
    BadKey,
    #[error(
        "{place} is encrypted with the key {found}, which is not among the keys given ({given}): \
         start Refuge with the key file (or REFUGE_KEY) this database was encrypted with"
    )]
    UnknownKey {
        place: String,
        found: String,
        given: String,
    },
    #[error(
        "{place} does not decrypt with the key {key}: the value was altered, or moved from another row"
    )]
    Altered { place: String, key: String },
    #[error("{place} is not a value Refuge can read: {why}")]
    Malformed { place: String, why: &'static str },
}

/// One key: 32 bytes, and its id.
#[derive(Clone)]
pub struct Key {
    bytes: [u8; 32],
    id: String,
    cipher: XChaCha20Poly1305,
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Key({})", self.id)
    }
}

impl Key {
    /// A new random key.
    pub fn generate() -> Key {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).expect("the operating system's random generator failed");
        Key::from_bytes(bytes)
    }

    pub fn from_bytes(bytes: [u8; 32]) -> Key {
        let digest = Sha256::digest([b"refuge key id:".as_slice(), &bytes].concat());
        let id = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        Key {
            cipher: XChaCha20Poly1305::new(&bytes.into()),
            bytes,
            id,
        }
    }

    /// A key as written in a key file or `REFUGE_KEY`: base64 (as
    /// [`Key::encode`] writes it) or hex, surrounding space ignored.
    ///
    /// # Errors
    /// [`CryptError::BadKey`] for anything but 32 bytes so written.
    pub fn parse(text: &str) -> Result<Key, CryptError> {
        let text = text.trim();
        let bytes = if text.len() == 64 && text.bytes().all(|b| b.is_ascii_hexdigit()) {
            (0..32)
                .map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16))
                .collect::<Result<Vec<u8>, _>>()
                .map_err(|_| CryptError::BadKey)?
        } else {
            BASE64.decode(text).map_err(|_| CryptError::BadKey)?
        };
        let bytes: [u8; 32] = bytes.try_into().map_err(|_| CryptError::BadKey)?;
        Ok(Key::from_bytes(bytes))
    }

    /// The key as a key file holds it (base64, one line).
    pub fn encode(&self) -> String {
        BASE64.encode(self.bytes)
    }

    /// Its id: 16 hex digits of a SHA-256 of the key (which tells nothing of it).
    pub fn id(&self) -> &str {
        &self.id
    }
}

/// The keys a database is read with: the current one, which seals every
/// value written, and others that only open (the next or previous key of a
/// rotation under way).
#[derive(Clone, Debug)]
pub struct Keyring(Arc<Keys>);

#[derive(Debug, Clone)]
struct Keys {
    current: Key,
    others: Vec<Key>,
}

impl Keyring {
    pub fn new(current: Key) -> Keyring {
        Keyring(Arc::new(Keys {
            current,
            others: Vec::new(),
        }))
    }

    /// The same, also opening values sealed with `key`.
    #[must_use]
    pub fn also_opening(self, key: Key) -> Keyring {
        let Keys {
            current,
            mut others,
        } = Arc::unwrap_or_clone(self.0);
        if key.id != current.id && others.iter().all(|k| k.id != key.id) {
            others.push(key);
        }
        Keyring(Arc::new(Keys { current, others }))
    }

    /// A keyring of a new random key, for tests and throwaway databases.
    pub fn generate() -> Keyring {
        Keyring::new(Key::generate())
    }

    pub fn current(&self) -> &Key {
        &self.0.current
    }

    /// The ids of every key it opens with, the current first.
    pub fn ids(&self) -> Vec<&str> {
        std::iter::once(&self.0.current)
            .chain(&self.0.others)
            .map(|k| k.id.as_str())
            .collect()
    }

    /// `plain` sealed with the current key, bound to `place` (the value's
    /// table, column and row, such as `notes.body/<id>`).
    pub fn seal(&self, place: &str, plain: &str) -> String {
        let (id, data) = self.seal_raw(place, plain.as_bytes());
        format!("{SEALED}{id}:{}", BASE64.encode(data))
    }

    /// A file's bytes sealed like [`Keyring::seal`]'s text, for a binary
    /// column: `enc:v1:<key id>:` then the nonce and the sealed bytes as they
    /// are (no base64: a file is stored at its size).
    pub fn seal_bytes(&self, place: &str, plain: &[u8]) -> Vec<u8> {
        let (id, data) = self.seal_raw(place, plain);
        let mut out = format!("{SEALED}{id}:").into_bytes();
        out.extend_from_slice(&data);
        out
    }

    /// The current key's id, and the nonce followed by `plain` sealed.
    fn seal_raw(&self, place: &str, plain: &[u8]) -> (&str, Vec<u8>) {
        let key = &self.0.current;
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce).expect("the operating system's random generator failed");
        let sealed = key
            .cipher
            .encrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: plain,
                    aad: place.as_bytes(),
                },
            )
            .expect("XChaCha20-Poly1305 seals any value a database holds");
        let mut out = Vec::with_capacity(NONCE_LEN + sealed.len());
        out.extend_from_slice(&nonce);
        out.extend_from_slice(&sealed);
        (&key.id, out)
    }

    /// The text of a stored value of `place`: opened if sealed, as it is if
    /// written before encryption.
    ///
    /// # Errors
    /// A value sealed with a key not in the ring, altered, or malformed.
    pub fn open(&self, place: &str, stored: &str) -> Result<String, CryptError> {
        if !stored.starts_with(ANY_SEALED) {
            return Ok(stored.to_string());
        }
        let malformed = |why| CryptError::Malformed {
            place: place.to_string(),
            why,
        };
        let rest = stored
            .strip_prefix(SEALED)
            .ok_or(malformed("an encryption format this version does not know"))?;
        let (id, data) = rest.split_once(':').ok_or(malformed("no key id"))?;
        let data = BASE64.decode(data).map_err(|_| malformed("bad base64"))?;
        let plain = self.open_raw(place, id, &data)?;
        String::from_utf8(plain).map_err(|_| malformed("not UTF-8 text"))
    }

    /// The bytes of a file stored by [`Keyring::seal_bytes`] at `place`
    /// (as they are if written before encryption).
    ///
    /// # Errors
    /// As [`Keyring::open`].
    pub fn open_bytes(&self, place: &str, stored: Vec<u8>) -> Result<Vec<u8>, CryptError> {
        if !stored.starts_with(ANY_SEALED.as_bytes()) {
            return Ok(stored);
        }
        let malformed = |why| CryptError::Malformed {
            place: place.to_string(),
            why,
        };
        let rest = stored
            .strip_prefix(SEALED.as_bytes())
            .ok_or(malformed("an encryption format this version does not know"))?;
        let colon = rest
            .iter()
            .take(100)
            .position(|&b| b == b':')
            .ok_or(malformed("no key id"))?;
        let id = std::str::from_utf8(&rest[..colon]).map_err(|_| malformed("no key id"))?;
        self.open_raw(place, id, &rest[colon + 1..])
    }

    /// Opens the nonce and sealed bytes `data` of `place`, sealed with the key `id`.
    fn open_raw(&self, place: &str, id: &str, data: &[u8]) -> Result<Vec<u8>, CryptError> {
        let malformed = |why| CryptError::Malformed {
            place: place.to_string(),
            why,
        };
        let key = std::iter::once(&self.0.current)
            .chain(&self.0.others)
            .find(|k| k.id == id)
            .ok_or_else(|| CryptError::UnknownKey {
                place: place.to_string(),
                found: id.to_string(),
                given: self.ids().join(", "),
            })?;
        if data.len() < NONCE_LEN {
            return Err(malformed("too short"));
        }
        let (nonce, sealed) = data.split_at(NONCE_LEN);
        let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(|_| malformed("too short"))?;
        key.cipher
            .decrypt(
                &XNonce::from(nonce),
                Payload {
                    msg: sealed,
                    aad: place.as_bytes(),
                },
            )
            .map_err(|_| CryptError::Altered {
                place: place.to_string(),
                key: key.id.clone(),
            })
    }

    /// Whether `stored` is sealed with the current key (a rotation leaves it).
    pub fn is_current(&self, stored: &str) -> bool {
        self.is_current_bytes(stored.as_bytes())
    }

    /// Whether stored bytes are sealed with the current key.
    pub fn is_current_bytes(&self, stored: &[u8]) -> bool {
        stored
            .strip_prefix(SEALED.as_bytes())
            .and_then(|r| r.strip_prefix(self.0.current.id.as_bytes()))
            .is_some_and(|r| r.starts_with(b":"))
    }
}

/// The key id of a sealed value, if it is one.
pub fn key_id_of(stored: &str) -> Option<&str> {
    stored
        .strip_prefix(SEALED)?
        .split_once(':')
        .map(|(id, _)| id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_value_opens_with_its_key_and_place_only() {
        let ring = Keyring::generate();
        let sealed = ring.seal("notes.body/n1", "Persecuted in Tegucigalpa");
        assert!(sealed.starts_with(SEALED));
        assert!(!sealed.contains("Tegucigalpa"));
        assert_ne!(
            sealed,
            ring.seal("notes.body/n1", "Persecuted in Tegucigalpa")
        );
        assert_eq!(
            ring.open("notes.body/n1", &sealed).unwrap(),
            "Persecuted in Tegucigalpa"
        );
        assert!(matches!(
            ring.open("notes.body/n2", &sealed),
            Err(CryptError::Altered { .. })
        ));
        let other = Keyring::generate();
        let e = other.open("notes.body/n1", &sealed).unwrap_err();
        assert!(matches!(e, CryptError::UnknownKey { .. }));
        assert!(e.to_string().contains(ring.current().id()));
        assert!(ring.is_current(&sealed) && !other.is_current(&sealed));
        let both = other.clone().also_opening(ring.current().clone());
        assert_eq!(
            both.open("notes.body/n1", &sealed).unwrap(),
            "Persecuted in Tegucigalpa"
        );
    }

    #[test]
    fn text_written_before_encryption_reads_as_it_is() {
        assert_eq!(Keyring::generate().open("x", "{}").unwrap(), "{}");
    }

    #[test]
    fn a_key_reads_back_as_written_and_shows_only_its_id() {
        let k = Key::generate();
        assert_eq!(
            Key::parse(&format!("  {}\n", k.encode())).unwrap().id(),
            k.id()
        );
        let hex: String = k.bytes.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(Key::parse(&hex).unwrap().id(), k.id());
        assert_eq!(Key::parse("short").unwrap_err(), CryptError::BadKey);
        assert_eq!(format!("{k:?}"), format!("Key({})", k.id()));
    }
}
