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
    plain_string(w, f.question);
    w.push_str(",\"outcome\":");
    plain_string(w, f.outcome.as_str());
    w.push_str(",\"because\":");
    string(w, &f.because);
    w.push_str(",\"cite\":");
    w.push('[');
    for (i, c) in f.cite.iter().enumerate() {
        if i > 0 {
            w.push(',');
        }
        plain_string(w, c);
    }
    w.push(']');
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
    if let Some(r) = d.reminder {
        w.push_str(",\"reminder\":{\"days_left\":");
        w.push_str(&r.days_left.to_string());
        w.push_str(",\"within\":");
        w.push_str(&r.within.to_string());
        w.push('}');
    }
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
    if let Some(m) = &q.ask_message {
        w.push_str(",\"ask_message\":");
        message(w, m);
    }
    w.push('}');
}

fn message(w: &mut String, m: &crate::output::Message) {
    use crate::output::Arg;
    w.push_str("{\"id\":");
    string(w, m.id);
    w.push_str(",\"args\":{");
    for (i, (k, v)) in m.args.iter().enumerate() {
        if i > 0 {
            w.push(',');
        }
        string(w, k);
        w.push(':');
        match v {
            Arg::Text(t) => string(w, t),
            Arg::Number(n) => {
                let _ = write!(w, "{n}");
            }
            Arg::Date(d) => date(w, *d),
            Arg::Message(m) => message(w, m),
        }
    }
    w.push_str("}}");
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

/// Whether `s` needs no escaping in JSON: no control character, `"` or `\\`.
/// A finding's question and citations are checked with it when the engine is
/// compiled (`defs.rs`), and so are written by [`plain_string`].
pub const fn plain(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] < 0x20 || b[i] == b'"' || b[i] == b'\\' {
            return false;
        }
        i += 1;
    }
    true
}

/// A string that needs no escaping ([`plain`]: the law's own fixed words, an
/// outcome's name), copied whole without looking: a third of an assessment's
/// JSON is the findings' questions and citations.
fn plain_string(w: &mut String, s: &str) {
    debug_assert!(plain(s), "{s:?} needs escaping");
    w.reserve(s.len() + 2);
    w.push('"');
    w.push_str(s);
    w.push('"');
}

/// A JSON string, escaped exactly as serde_json escapes it.
fn string(w: &mut String, s: &str) {
    w.push('"');
    let bytes = s.as_bytes();
    let mut start = 0;
    // The clean stretch up to the next byte to escape is copied whole.
    while let Some(k) = first_to_escape(&bytes[start..]) {
        let i = start + k;
        w.push_str(&s[start..i]);
        let b = bytes[i];
        match b {
            b'"' => w.push_str("\\\""),
            b'\\' => w.push_str("\\\\"),
            b'\n' => w.push_str("\\n"),
            b'\r' => w.push_str("\\r"),
            b'\t' => w.push_str("\\t"),
            0x08 => w.push_str("\\b"),
            0x0c => w.push_str("\\f"),
            _ => {
                let _ = write!(w, "\\u{b:04x}");
            }
        }
        start = i + 1;
    }
    w.push_str(&s[start..]);
    w.push('"');
}

/// The index of the first byte of `bytes` to escape, if any. Most strings are
/// clean, so the scan is what costs: on x86-64 it reads 64 bytes a step with
/// SSE2, which every x86-64 processor has (0.55 instructions a byte, against
/// 1.3 for the loop the compiler made of a byte-wise fold).
#[cfg(target_arch = "x86_64")]
fn first_to_escape(bytes: &[u8]) -> Option<usize> {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_min_epu8, _mm_movemask_epi8, _mm_or_si128,
        _mm_set1_epi8,
    };
    // SAFETY: SSE2 is part of x86-64 itself, so these instructions exist on
    // every processor this code runs on; each load reads 16 bytes of one
    // chunk, unaligned.
    let dirty = |chunk: &[u8; 16]| unsafe {
        let v = _mm_loadu_si128(chunk.as_ptr().cast::<__m128i>());
        // A byte at most 0x1f is its own minimum with 0x1f.
        _mm_or_si128(
            _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(0x1f)), v),
            _mm_or_si128(
                _mm_cmpeq_epi8(v, _mm_set1_epi8(b'"' as i8)),
                _mm_cmpeq_epi8(v, _mm_set1_epi8(b'\\' as i8)),
            ),
        )
    };
    let mask = |d: __m128i| unsafe { _mm_movemask_epi8(d) };
    let (chunks, rest) = bytes.as_chunks::<16>();
    let (quads, singles) = chunks.as_chunks::<4>();
    for (n, [a, b, c, d]) in quads.iter().enumerate() {
        let (a, b, c, d) = (dirty(a), dirty(b), dirty(c), dirty(d));
        // SAFETY: as above.
        let any = unsafe { _mm_or_si128(_mm_or_si128(a, b), _mm_or_si128(c, d)) };
        if mask(any) != 0 {
            let at = [a, b, c, d].iter().position(|&x| mask(x) != 0).unwrap_or(0);
            return Some(n * 64 + at * 16 + mask([a, b, c, d][at]).trailing_zeros() as usize);
        }
    }
    let done = quads.len() * 64;
    for (n, chunk) in singles.iter().enumerate() {
        let m = mask(dirty(chunk));
        if m != 0 {
            return Some(done + n * 16 + m.trailing_zeros() as usize);
        }
    }
    // The last bytes (fewer than 16) are read as the top of one more chunk,
    // the string's last 16 bytes, in place (a copy to the stack first would
    // stall the load behind the stores); a string shorter than that, byte by
    // byte.
    let r = rest.len();
    match bytes.last_chunk::<16>() {
        Some(last) if r > 0 => {
            let m = mask(dirty(last)) >> (16 - r);
            (m != 0).then(|| chunks.len() * 16 + m.trailing_zeros() as usize)
        }
        Some(_) => None,
        None => rest
            .iter()
            .position(|&b| b < 0x20 || b == b'"' || b == b'\\'),
    }
}

/// The index of the first byte of `bytes` to escape, if any.
#[cfg(not(target_arch = "x86_64"))]
fn first_to_escape(bytes: &[u8]) -> Option<usize> {
    // A control character, `"` or `\\`.
    bytes
        .iter()
        .position(|&b| b < 0x20 || b == b'"' || b == b'\\')
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
    fn words_written_without_escaping_are_exactly_those_that_need_none() {
        for s in ["INA § 208(a)(1)", "Is it so?", "naïve — ü", ""] {
            assert!(plain(s), "{s}");
            let mut w = String::new();
            plain_string(&mut w, s);
            assert_eq!(w, serde_json::to_string(s).unwrap());
        }
        for s in ["a \"quote\"", "back\\slash", "tab\t", "\u{1f}"] {
            assert!(!plain(s), "{s:?} needs escaping");
        }
    }

    #[test]
    fn the_scan_finds_the_first_byte_that_needs_escaping_wherever_it_is() {
        // Every byte at every place of a string of 150 (two steps of 64, one
        // of 16, then the last bytes); the bytes at the edges of the classes
        // at every place of every shorter length.
        let every_byte = (0u8..=255).flat_map(|b| (0..150).map(move |pos| (b, 150, pos)));
        let edges = [0u8, 0x1f, 0x20, b'"', b'\\', 0x7f, 0x80, 0xff].into_iter();
        let every_length = edges
            .flat_map(|b| (1..150).flat_map(move |len| (0..len).map(move |pos| (b, len, pos))));
        for (b, len, pos) in every_byte.chain(every_length) {
            let mut bytes = vec![b'a'; len];
            bytes[pos] = b;
            let want = (b < 0x20 || b == b'"' || b == b'\\').then_some(pos);
            assert_eq!(first_to_escape(&bytes), want, "byte {b} at {pos} of {len}");
            // A later byte to escape does not hide the first.
            bytes[len - 1] = b'"';
            assert_eq!(first_to_escape(&bytes), Some(want.unwrap_or(len - 1)));
        }
        assert_eq!(
            first_to_escape("é — ü".as_bytes()),
            None,
            "multi-byte UTF-8 needs no escaping"
        );
    }

    #[test]
    fn long_strings_with_escapes_in_every_chunk_match_serde_json() {
        let s: String = (0..200)
            .map(|i| match i % 23 {
                0 => '"',
                7 => '\\',
                11 => '\n',
                13 => '\u{3}',
                17 => 'é',
                _ => 'x',
            })
            .collect();
        let mut w = String::new();
        string(&mut w, &s);
        assert_eq!(w, serde_json::to_string(&s).unwrap());
    }
}
