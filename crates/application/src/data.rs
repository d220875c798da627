//! The crate's data files as compiled in: the TOML as written (`form/*.toml`,
//! which `Form::parse` and the tests read) and the same data as JSON, which
//! `build.rs` converts and start-up reads (serde_json reads it several times
//! faster than the toml crate reads the TOML; `refuge check` is a whole
//! process, and reading its data was most of its own work).

use serde::de::DeserializeOwned;

pub(crate) const I589_TOML: &str = include_str!("../form/i589.toml");
pub(crate) const I589_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/i589.json"));
pub(crate) const CHECKS_TOML: &str = include_str!("../form/checks.toml");
pub(crate) const CHECKS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/checks.json"));
pub(crate) const EVIDENCE_TOML: &str = include_str!("../form/evidence.toml");
pub(crate) const EVIDENCE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/evidence.json"));

/// The data from its JSON; from its TOML if the JSON does not read (the
/// TOML's own error is then the one reported).
pub(crate) fn read<T: DeserializeOwned>(json: &str, toml: &str) -> Result<T, String> {
    serde_json::from_str(json).or_else(|_| toml::from_str(toml).map_err(|e| e.to_string()))
}
