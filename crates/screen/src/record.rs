//! One screened row: the few columns of an assessment that a caseload triage
//! needs, and how they are written (CSV or JSON Lines).

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
            warnings: &a.warnings[..],
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
        csv_field(out, self.id);
        // The cells between the id and the first question, of bounded length.
        let mut line = Line::new();
        for r in self.reliefs() {
            line.byte(b',');
            line.word(relief_word(r));
        }
        line.byte(b',');
        line.date(self.one_year_deadline);
        line.byte(b',');
        if let Some(s) = self.one_year_status {
            line.word(status_word(s));
        }
        line.byte(b',');
        if let Some(n) = self.one_year_days_left {
            if n < 0 {
                line.byte(b'-');
            }
            line.digits(n.unsigned_abs());
        }
        for f in [self.lawful_pathways, self.safe_third_country] {
            line.byte(b',');
            if let Some(o) = f {
                line.word(outcome_word(o));
            }
        }
        line.byte(b',');
        line.date(self.ead_earliest_filing);
        line.byte(b',');
        line.date(self.annual_fee_due);
        line.byte(b',');
        line.digits(self.open_questions as u64);
        line.byte(b',');
        out.extend_from_slice(line.as_bytes());
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
    len: usize,
}

impl Digits {
    /// The digits of `n`.
    pub fn new(n: u64) -> Digits {
        let mut buf = [b'0'; 20];
        let len = write_digits(&mut buf, n);
        Digits { buf, len }
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    pub fn as_str(&self) -> &str {
        // ASCII digits: always UTF-8.
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }
}

/// Writes the decimal digits of `n` at the start of `out` (which has room
/// for them): returns how many.
fn write_digits(out: &mut [u8], mut n: u64) -> usize {
    let len = n.checked_ilog10().unwrap_or(0) as usize + 1;
    for b in out[..len].iter_mut().rev() {
        *b = b'0' + (n % 10) as u8;
        n /= 10;
    }
    len
}

/// A value's spelling of at most 16 bytes, padded, copied as one 16-byte word.
#[derive(Clone, Copy)]
struct Word {
    bytes: [u8; 16],
    len: usize,
}

const fn word(s: &str) -> Word {
    let mut bytes = [0; 16];
    let mut i = 0;
    while i < s.len() {
        bytes[i] = s.as_bytes()[i];
        i += 1;
    }
    Word {
        bytes,
        len: s.len(),
    }
}

/// The [`Word`] of a value of enum `$t` (each of `$var`), made when compiling.
macro_rules! word_of {
    ($t:ident, $v:expr, $($var:ident)+) => {
        match $v {
            $($t::$var => const { word($t::$var.as_str()) },)+
        }
    };
}

fn relief_word(r: ReliefOutcome) -> Word {
    word_of!(ReliefOutcome, r, Eligible Ineligible Undetermined NotApplicable Granted)
}

fn status_word(s: Status) -> Word {
    word_of!(Status, s, Met Missed Upcoming Passed Exempt)
}

fn outcome_word(o: Outcome) -> Word {
    word_of!(Outcome, o, Yes No Unknown NotApplicable)
}

/// Part of a record's line of bounded length (cells of values, dates and
/// numbers), put together on the stack and appended at once: no cell is
/// copied by a call or checks the output's capacity.
struct Line {
    buf: [u8; 256],
    len: usize,
}

impl Line {
    fn new() -> Line {
        Line {
            buf: [0; 256],
            len: 0,
        }
    }

    fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    fn byte(&mut self, b: u8) {
        self.buf[self.len] = b;
        self.len += 1;
    }

    fn word(&mut self, w: Word) {
        self.buf[self.len..self.len + 16].copy_from_slice(&w.bytes);
        self.len += w.len;
    }

    fn digits(&mut self, n: u64) {
        self.len += write_digits(&mut self.buf[self.len..], n);
    }

    /// `YYYY-MM-DD`, written directly (the engine's dates are within 1900–2200).
    fn date(&mut self, d: Option<Date>) {
        use std::io::Write as _;
        let Some(d) = d else { return };
        let (y, m, day) = (d.year(), d.month(), d.day());
        if (0..=9999).contains(&y) {
            let (y, m, day) = (y as usize, m as usize, day as usize);
            let ([c1, c2], [y1, y2]) = (pair(y / 100), pair(y % 100));
            let ([m1, m2], [d1, d2]) = (pair(m), pair(day));
            self.buf[self.len..self.len + 10]
                .copy_from_slice(&[c1, c2, y1, y2, b'-', m1, m2, b'-', d1, d2]);
            self.len += 10;
        } else {
            let mut rest = &mut self.buf[self.len..];
            let room = rest.len();
            let _ = write!(rest, "{d}");
            self.len += room - rest.len();
        }
    }
}

/// The two decimal digits of `n`, 0 to 99.
fn pair(n: usize) -> [u8; 2] {
    /// The two digits of 0 to 99, one pair after another.
    const PAIRS: &[u8; 200] = b"0001020304050607080910111213141516171819\
        2021222324252627282930313233343536373839\
        4041424344454647484950515253545556575859\
        6061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899";
    [PAIRS[2 * n], PAIRS[2 * n + 1]]
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
    fn a_record_line_spells_every_value_as_the_engine_does() {
        use ReliefOutcome::*;
        let reliefs = [Eligible, Ineligible, Undetermined, NotApplicable, Granted];
        let statuses = [
            Status::Met,
            Status::Missed,
            Status::Upcoming,
            Status::Passed,
            Status::Exempt,
        ];
        let outcomes = [
            Outcome::Yes,
            Outcome::No,
            Outcome::Unknown,
            Outcome::NotApplicable,
        ];
        let days = [None, Some(-12345), Some(-1), Some(0), Some(7), Some(98765)];
        let on = |i: usize| {
            (!i.is_multiple_of(3))
                .then(|| jiff::civil::date(2000 + i as i16, 1 + (i % 12) as i8, 28))
        };
        for i in 0..60 {
            let r = |k: usize| reliefs[(i + k) % reliefs.len()];
            let record = Screened {
                id: "P1",
                asylum: r(0),
                withholding: r(1),
                cat_withholding: r(2),
                cat_deferral: r(3),
                refugee_admission: r(4),
                one_year_deadline: on(i),
                one_year_status: (i % 6 > 0).then(|| statuses[i % statuses.len()]),
                one_year_days_left: days[i % days.len()],
                lawful_pathways: (i % 5 > 0).then(|| outcomes[i % outcomes.len()]),
                safe_third_country: (i % 7 > 0).then(|| outcomes[(i / 4) % outcomes.len()]),
                ead_earliest_filing: on(i + 1),
                annual_fee_due: on(i + 2),
                open_questions: i * 37,
                first_question: Some("conduct.aggravated_felony"),
                warnings: &["annual_asylum_fee", "affirmative_hold"][..i % 3],
            };
            let cell = |v: Option<String>| v.unwrap_or_default();
            let expected = [
                vec!["P1".to_string()],
                record.reliefs().map(|r| r.as_str().to_string()).to_vec(),
                vec![
                    cell(record.one_year_deadline.map(|d| d.to_string())),
                    cell(record.one_year_status.map(|s| s.as_str().to_string())),
                    cell(record.one_year_days_left.map(|n| n.to_string())),
                    cell(record.lawful_pathways.map(|o| o.as_str().to_string())),
                    cell(record.safe_third_country.map(|o| o.as_str().to_string())),
                    cell(record.ead_earliest_filing.map(|d| d.to_string())),
                    cell(record.annual_fee_due.map(|d| d.to_string())),
                    record.open_questions.to_string(),
                    "conduct.aggravated_felony".to_string(),
                    record.warnings.join(";"),
                ],
            ]
            .concat()
            .join(",")
                + "\n";
            let mut out = Vec::new();
            record.write_csv(&mut out);
            assert_eq!(String::from_utf8(out).unwrap(), expected);
        }
    }

    #[test]
    fn numbers_are_written_in_decimal() {
        for n in [0, 7, 10, 46, 1234567, u64::MAX] {
            assert_eq!(Digits::new(n).as_str(), n.to_string());
        }
    }

    #[test]
    fn dates_are_written_iso() {
        let written = |d: Date| {
            let mut line = Line::new();
            line.date(Some(d));
            String::from_utf8(line.as_bytes().to_vec()).unwrap()
        };
        assert_eq!(written(jiff::civil::date(2025, 3, 3)), "2025-03-03");
        // Every day of 1899-2201 as jiff writes it, and years outside 0-9999.
        let mut d = jiff::civil::date(1899, 1, 1);
        while d.year() < 2202 {
            assert_eq!(written(d), d.to_string());
            d = d.tomorrow().unwrap();
        }
        for d in [
            jiff::civil::date(-44, 3, 15),
            jiff::civil::date(-9999, 1, 1),
        ] {
            assert_eq!(written(d), d.to_string());
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
