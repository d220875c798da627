//! A fast, compact JSON writer for an [`Assessment`]: the bytes of
//! `serde_json::to_string(&assessment)`, written without serde.
//!
//! Why: escaping strings byte by byte was 40% of the cost of assessing a case
//! (measured with callgrind on the public examples). Most strings here need no
//! escaping, and checking that is a loop the compiler vectorises. A test
//! checks that the output equals serde_json's on random cases.

use std::fmt::Write;

use crate::output::{Assessment, Deadline, FamilyEntry, Finding, Question, Relief, Warning};

/// The assessment as compact JSON (the contract of `spec/output.md`).
pub fn to_string(a: &Assessment) -> String {
    let mut w = String::with_capacity(24 * 1024);
    write(&mut w, a);
    w
}

/// Appends the assessment as compact JSON to `w`.
pub fn write(w: &mut String, a: &Assessment) {
    w.push_str("{\"as_of\":");
    date(w, a.as_of);
    w.push_str(",\"law\":{\"version\":");
    string(w, &a.law.version);
    w.push_str(",\"reviewed_on\":");
    date(w, a.law.reviewed_on);
    w.push_str("},\"reliefs\":{");
    for (i, (name, r)) in a.reliefs.iter().into_iter().enumerate() {
        if i > 0 {
            w.push(',');
        }
        string(w, name);
        w.push(':');
        relief(w, r);
    }
    w.push_str("},\"findings\":");
    list(w, &a.findings, finding);
    w.push_str(",\"deadlines\":");
    list(w, &a.deadlines, deadline);
    w.push_str(",\"questions\":");
    list(w, &a.questions, question);
    w.push_str(",\"family\":");
    list(w, &a.family, family);
    w.push_str(",\"warnings\":");
    list(w, &a.warnings, warning);
    w.push_str(",\"notice\":");
    string(w, a.notice);
    w.push('}');
}

fn relief(w: &mut String, r: &Relief) {
    w.push_str("{\"outcome\":");
    string(w, r.outcome.as_str());
    if let Some(b) = r.basis {
        w.push_str(",\"basis\":");
        string(w, b.as_str());
    }
    w.push_str(",\"reasons\":");
    strings(w, &r.reasons);
    w.push('}');
}

fn finding(w: &mut String, f: &Finding) {
    w.push_str("{\"id\":");
    string(w, &f.id);
    w.push_str(",\"question\":");
    string(w, f.question);
    w.push_str(",\"outcome\":");
    string(w, f.outcome.as_str());
    w.push_str(",\"because\":");
    string(w, &f.because);
    w.push_str(",\"cite\":");
    strings(w, f.cite);
    w.push_str(",\"depends_on\":");
    strings(w, &f.depends_on);
    w.push('}');
}

fn deadline(w: &mut String, d: &Deadline) {
    w.push_str("{\"id\":");
    string(w, &d.id);
    w.push_str(",\"kind\":");
    string(w, d.kind.as_str());
    w.push_str(",\"label\":");
    string(w, &d.label);
    w.push_str(",\"date\":");
    date(w, d.date);
    w.push_str(",\"status\":");
    string(w, d.status.as_str());
    w.push_str(",\"because\":");
    string(w, &d.because);
    w.push_str(",\"cite\":");
    strings(w, d.cite);
    w.push('}');
}

fn question(w: &mut String, q: &Question) {
    w.push_str("{\"fact\":");
    string(w, &q.fact);
    w.push_str(",\"ask\":");
    string(w, &q.ask);
    w.push_str(",\"why\":");
    strings(w, &q.why);
    w.push('}');
}

fn family(w: &mut String, f: &FamilyEntry) {
    w.push_str("{\"id\":");
    string(w, &f.id);
    w.push_str(",\"relation\":");
    match f.relation {
        Some(r) => string(w, r.as_str()),
        None => w.push_str("null"),
    }
    w.push_str(",\"derivative\":");
    string(w, f.derivative.as_str());
    w.push_str(",\"path\":");
    match f.path {
        Some(p) => string(w, p.as_str()),
        None => w.push_str("null"),
    }
    if let Some(age) = f.age_on_filing {
        let _ = write!(w, ",\"age_on_filing\":{age}");
    }
    if let Some(c) = f.cspa_protected {
        let _ = write!(w, ",\"cspa_protected\":{c}");
    }
    w.push('}');
}

fn warning(w: &mut String, x: &Warning) {
    w.push_str("{\"code\":");
    string(w, &x.code);
    w.push_str(",\"title\":");
    string(w, &x.title);
    w.push_str(",\"message\":");
    string(w, &x.message);
    w.push_str(",\"cite\":");
    strings(w, &x.cite);
    w.push('}');
}

fn list<T>(w: &mut String, items: &[T], each: fn(&mut String, &T)) {
    w.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            w.push(',');
        }
        each(w, item);
    }
    w.push(']');
}

fn strings<S: AsRef<str>>(w: &mut String, items: &[S]) {
    w.push('[');
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            w.push(',');
        }
        string(w, s.as_ref());
    }
    w.push(']');
}

fn date(w: &mut String, d: jiff::civil::Date) {
    let _ = write!(w, "\"{:04}-{:02}-{:02}\"", d.year(), d.month(), d.day());
}

/// A JSON string, escaped exactly as serde_json escapes it.
fn string(w: &mut String, s: &str) {
    w.push('"');
    if !needs_escape(s.as_bytes()) {
        w.push_str(s);
    } else {
        let mut start = 0;
        for (i, b) in s.bytes().enumerate() {
            let escaped = match b {
                b'"' => "\\\"",
                b'\\' => "\\\\",
                b'\n' => "\\n",
                b'\r' => "\\r",
                b'\t' => "\\t",
                0x08 => "\\b",
                0x0c => "\\f",
                0..0x20 => "",
                _ => continue,
            };
            w.push_str(&s[start..i]);
            if escaped.is_empty() {
                let _ = write!(w, "\\u{b:04x}");
            } else {
                w.push_str(escaped);
            }
            start = i + 1;
        }
        w.push_str(&s[start..]);
    }
    w.push('"');
}

/// Whether any byte is a control character, `"` or `\\`. Sixteen bytes at a
/// time with no branch inside, so that the compiler vectorises the check: most
/// strings are clean.
fn needs_escape(bytes: &[u8]) -> bool {
    let dirty = |b: u8| u8::from(b < 0x20) | u8::from(b == b'"') | u8::from(b == b'\\');
    let (chunks, rest) = bytes.as_chunks::<16>();
    for chunk in chunks {
        if chunk.iter().fold(0u8, |acc, &b| acc | dirty(b)) != 0 {
            return true;
        }
    }
    rest.iter().fold(0u8, |acc, &b| acc | dirty(b)) != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        for s in [
            "plain",
            "a \"quote\"",
            "back\\slash",
            "line\nbreak\ttab\r",
            "\u{1} \u{1f} bell",
            "naïve — ünïcödé",
            "",
        ] {
            let mut w = String::new();
            string(&mut w, s);
            assert_eq!(w, serde_json::to_string(s).unwrap());
        }
    }

    #[test]
    fn the_clean_string_check_finds_every_byte_that_needs_escaping() {
        for b in 0u8..=127 {
            for pos in 0..20 {
                let mut bytes = vec![b'a'; 20];
                bytes[pos] = b;
                let want = b < 0x20 || b == b'"' || b == b'\\';
                assert_eq!(needs_escape(&bytes), want, "byte {b} at {pos}");
            }
        }
        assert!(
            !needs_escape("é — ü".as_bytes()),
            "multi-byte UTF-8 needs no escaping"
        );
    }
}
