//! Human-readable views of a Refuge assessment and of the law it applies.
//! The JSON of `spec/output.md` is the contract; these are views of it.

use refuge_engine::{Assessment, Law};

/// The assessment as a memo for a terminal.
pub fn text(a: &Assessment) -> String {
    format!("{a:?}\n")
}

/// The assessment as one standalone HTML page (no external assets).
pub fn html(a: &Assessment) -> String {
    format!("<pre>{a:?}</pre>\n")
}

/// `refuge law` as text.
pub fn law_text(law: &Law) -> String {
    format!("{}\n", law.version)
}

/// `refuge law --format json`.
pub fn law_json(law: &Law) -> serde_json::Value {
    serde_json::json!({ "version": law.version })
}
