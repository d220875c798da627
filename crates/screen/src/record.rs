//! One screened row: the few columns of an assessment that a caseload triage
//! needs, and how they are written (CSV or JSON Lines).

use std::io::Write as _;

use jiff::civil::Date;
use refuge_engine::Screening;
use refuge_engine::calendar::days_between;
use refuge_engine::output::{Outcome, ReliefOutcome, Status};
use serde::Serialize;

use crate::columns::zero_bytes;

/// The output columns, in order.
pub const OUTPUT_COLUMNS: [&str; 16] = [
    "id",
    "asylum",
    "withholding",
    "cat_withholding",
    "cat_deferral",
    "refugee_admission",
    "one_year_deadline",
    "one_year_status",
    "one_year_days_left",
    "lawful_pathways",
    "safe_third_country",
    "ead_earliest_filing",
    "annual_fee_due",
    "open_questions",
    "first_question",
    "warnings",
];

/// The screening columns of one assessment, borrowed from its [`Screening`]. `None` is
/// "not applicable": an empty cell in CSV, `null` in JSON Lines.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Screened<'a> {
    pub id: &'a str,
    pub asylum: ReliefOutcome,
    pub withholding: ReliefOutcome,
    pub cat_withholding: ReliefOutcome,
    pub cat_deferral: ReliefOutcome,
    pub refugee_admission: ReliefOutcome,
    /// Deadline `asylum.one_year`.
    pub one_year_deadline: Option<Date>,
    pub one_year_status: Option<Status>,
    /// The deadline minus `as_of`, in days: negative once it has passed.
    pub one_year_days_left: Option<i64>,
    /// Finding `asylum.lawful_pathways`.
    pub lawful_pathways: Option<Outcome>,
    /// Finding `asylum.safe_third_country`.
    pub safe_third_country: Option<Outcome>,
    /// Deadline `ead.earliest_filing`.
    pub ead_earliest_filing: Option<Date>,
    /// Deadline `asylum.annual_fee`.
    pub annual_fee_due: Option<Date>,
    /// How many questions the assessment asks.
    pub open_questions: usize,
    /// The fact path of the first (most decisive) question.
    pub first_question: Option<&'a str>,
    /// The warnings; written as their codes, `;`-separated.
    #[serde(serialize_with = "codes")]
    pub warnings: &'a [&'a str],
}

fn codes<S: serde::Serializer>(w: &[&str], s: S) -> Result<S::Ok, S::Error> {
    let mut out = Vec::new();
    write_codes(&mut out, w);
    s.serialize_str(std::str::from_utf8(&out).unwrap_or_default())
}

fn write_codes(out: &mut Vec<u8>, w: &[&str]) {
    for (i, w) in w.iter().enumerate() {
        if i > 0 {
            out.push(b';');
        }
        out.extend_from_slice(w.as_bytes());
    }
}

impl<'a> Screened<'a> {
    /// The screening columns of a screened row.
    pub fn new(id: &'a str, a: &'a Screening<'a>) -> Screened<'a> {
        let [
            asylum,
            withholding,
            cat_withholding,
            cat_deferral,
            refugee_admission,
        ] = a.reliefs;
        Screened {
            id,
            asylum,
            withholding,
            cat_withholding,
            cat_deferral,
            refugee_admission,
            one_year_deadline: a.one_year.map(|(date, _)| date),
            one_year_status: a.one_year.map(|(_, status)| status),
            one_year_days_left: a.one_year.map(|(date, _)| days_between(a.as_of, date)),
            lawful_pathways: a.lawful_pathways,
            safe_third_country: a.safe_third_country,
            ead_earliest_filing: a.ead_earliest_filing,
            annual_fee_due: a.annual_fee_due,
            open_questions: a.open_questions,
            first_question: a.first_question.as_deref(),
            warnings: &a.warnings,
        }
    }

    /// The five relief outcomes, in the order of [`OUTPUT_COLUMNS`].
    pub fn reliefs(&self) -> [ReliefOutcome; 5] {
        [
            self.asylum,
            self.withholding,
            self.cat_withholding,
            self.cat_deferral,
            self.refugee_admission,
        ]
    }

    /// Appends the record as one CSV line (RFC 4180 quoting where needed).
    pub fn write_csv(&self, out: &mut Vec<u8>) {
        fn date(out: &mut Vec<u8>, d: Option<Date>) {
            if let Some(d) = d {
                write_date(out, d);
            }
        }
        csv_field(out, self.id);
        for r in self.reliefs() {
            out.push(b',');
            out.extend_from_slice(r.as_str().as_bytes());
        }
        out.push(b',');
        date(out, self.one_year_deadline);
        out.push(b',');
        if let Some(s) = self.one_year_status {
            out.extend_from_slice(s.as_str().as_bytes());
        }
        out.push(b',');
        if let Some(n) = self.one_year_days_left {
            if n < 0 {
                out.push(b'-');
            }
            out.extend_from_slice(Digits::new(n.unsigned_abs()).as_bytes());
        }
        for f in [self.lawful_pathways, self.safe_third_country] {
            out.push(b',');
            if let Some(o) = f {
                out.extend_from_slice(o.as_str().as_bytes());
            }
        }
        out.push(b',');
        date(out, self.ead_earliest_filing);
        out.push(b',');
        date(out, self.annual_fee_due);
        out.push(b',');
        out.extend_from_slice(Digits::new(self.open_questions as u64).as_bytes());
        out.push(b',');
        csv_field(out, self.first_question.unwrap_or(""));
        out.push(b',');
        // Codes are snake_case words: nothing to quote.
        write_codes(out, self.warnings);
        out.push(b'\n');
    }

    /// Appends the record as one JSON object and a newline.
    pub fn write_jsonl(&self, out: &mut Vec<u8>) {
        // Serializing plain strings, enums and numbers into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, self);
        out.push(b'\n');
    }
}

/// The CSV header line.
pub fn csv_header() -> String {
    OUTPUT_COLUMNS.join(",") + "\n"
}

/// Whether a CSV field must be quoted: it holds a comma, a quote or a line
/// break. Eight bytes at a time.
fn needs_quotes(s: &[u8]) -> bool {
    const fn splat(b: u8) -> u64 {
        u64::from_le_bytes([b; 8])
    }
    let special = |b: u8| matches!(b, b',' | b'"' | b'\n' | b'\r');
    let (words, tail) = s.as_chunks::<8>();
    words.iter().any(|w| {
        let x = u64::from_le_bytes(*w);
        zero_bytes(x ^ splat(b','))
            | zero_bytes(x ^ splat(b'"'))
            | zero_bytes(x ^ splat(b'\n'))
            | zero_bytes(x ^ splat(b'\r'))
            != 0
    }) || tail.iter().any(|&b| special(b))
}

/// Appends a CSV field, quoted when it holds a comma, a quote or a line break.
pub fn csv_field(out: &mut Vec<u8>, s: &str) {
    if needs_quotes(s.as_bytes()) {
        out.push(b'"');
        for b in s.bytes() {
            if b == b'"' {
                out.push(b'"');
            }
            out.push(b);
        }
        out.push(b'"');
    } else {
        out.extend_from_slice(s.as_bytes());
    }
}

/// A whole number's decimal digits, made without `std::fmt` (which costs
/// as much as several cells of a record).
pub struct Digits {
    buf: [u8; 20],
    start: usize,
}

impl Digits {
    /// The digits of `n`.
    pub fn new(mut n: u64) -> Digits {
        let mut d = Digits {
            buf: [b'0'; 20],
            start: 20,
        };
        loop {
            d.start -= 1;
            d.buf[d.start] = b'0' + (n % 10) as u8;
            n /= 10;
            if n == 0 {
                return d;
            }
        }
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[self.start..]
    }

    pub fn as_str(&self) -> &str {
        // ASCII digits: always UTF-8.
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }
}

/// `YYYY-MM-DD`, written directly (the engine's dates are within 1900–2200).
fn write_date(out: &mut Vec<u8>, d: Date) {
    /// The two digits of 0 to 99, one pair after another.
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    let pair = |n: usize| [PAIRS[2 * n], PAIRS[2 * n + 1]];
    let (y, m, day) = (d.year(), d.month(), d.day());
    if (0..=9999).contains(&y) {
        let (y, m, day) = (y as usize, m as usize, day as usize);
        let ([c1, c2], [y1, y2]) = (pair(y / 100), pair(y % 100));
        let ([m1, m2], [d1, d2]) = (pair(m), pair(day));
        out.extend_from_slice(&[c1, c2, y1, y2, b'-', m1, m2, b'-', d1, d2]);
    } else {
        let _ = write!(out, "{d}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_with_a_comma_or_quote_is_quoted() {
        let mut out = Vec::new();
        csv_field(&mut out, "a,b");
        out.push(b' ');
        csv_field(&mut out, "say \"hi\"");
        out.push(b' ');
        csv_field(&mut out, "plain");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\"a,b\" \"say \"\"hi\"\"\" plain"
        );
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 46, 1234567, u64::MAX] {
            assert_eq!(Digits::new(n).as_str(), n.to_string());
        }
    }

    #[test]
    fn dates_are_written_iso() {
        let mut out = Vec::new();
        write_date(&mut out, jiff::civil::date(2025, 3, 3));
        assert_eq!(out, b"2025-03-03");
        // Every day of 1899-2201 as jiff writes it.
        let mut d = jiff::civil::date(1899, 1, 1);
        while d.year() < 2202 {
            out.clear();
            write_date(&mut out, d);
            assert_eq!(out, d.to_string().as_bytes());
            d = d.tomorrow().unwrap();
        }
    }

    #[test]
    fn a_field_is_quoted_whatever_the_place_of_its_comma_quote_or_line_break() {
        for len in 0..20 {
            for at in 0..len {
                for special in [b',', b'"', b'\n', b'\r'] {
                    let mut s = vec![b'a'; len];
                    s[at] = special;
                    assert!(needs_quotes(&s), "{:?}", String::from_utf8_lossy(&s));
                }
            }
            // Bytes next to the special ones are not taken for them.
            let plain: Vec<u8> = (0..len).map(|i| b"+-!#\x0b\x0c\x0e;"[i % 8]).collect();
            assert!(!needs_quotes(&plain), "{plain:?}");
        }
    }
}
