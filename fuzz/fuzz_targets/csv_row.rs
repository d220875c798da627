//! A CSV caseload as `refuge screen` reads it: a valid header, then any
//! bytes. Every row is either screened (one output record) or rejected with a
//! `RowError` naming its line and column, never a panic; and the rows are the
//! ones the csv crate finds in the same input.
//!
//! The first byte of the input chooses the header (every column in the order
//! `--generate` writes, which is read by the unrolled fast path; the same
//! reversed; the columns of the screening tests' `golden.csv`), the output (CSV, JSON Lines, or the whole
//! assessment as with `--full`) and the batch size; the rest follows the
//! header.
#![no_main]

use std::ops::ControlFlow;

use libfuzzer_sys::fuzz_target;
use refuge_engine::Law;
use refuge_screen::columns::COLUMNS;
use refuge_screen::input::Reader;
use refuge_screen::{Config, InputFormat, Memos, Mode, OutputFormat, screen_batch};

/// The screening tests' caseload, whose header is a few columns in an order of its own.
const GOLDEN: &str = include_str!("../../crates/screen/tests/data/golden.csv");

fn header(choice: u8) -> String {
    let names: Vec<&str> = COLUMNS.iter().map(|c| c.1).collect();
    match choice % 3 {
        0 => names.join(","),
        1 => names.iter().rev().copied().collect::<Vec<_>>().join(","),
        _ => GOLDEN.lines().next().unwrap_or_default().to_string(),
    }
}

/// The records of a CSV text, as the csv crate reads them (no header row).
fn csv_records(bytes: &[u8], has_headers: bool) -> usize {
    csv::ReaderBuilder::new()
        .has_headers(has_headers)
        .flexible(true)
        .from_reader(bytes)
        .byte_records()
        .count()
}

fuzz_target!(|data: &[u8]| {
    let Some((&choice, rows)) = data.split_first() else {
        return;
    };
    let mode = match (choice / 3) % 3 {
        0 => Mode::Columns(OutputFormat::Csv),
        1 => Mode::Columns(OutputFormat::Jsonl),
        _ => Mode::Full,
    };
    let batch_bytes = [64, 4096][usize::from(choice / 9) % 2];
    let mut input = header(choice).into_bytes();
    input.push(b'\n');
    input.extend_from_slice(rows);

    let law = Law::embedded();
    let mut reader = Reader::new(&input[..], InputFormat::Csv, batch_bytes)
        .expect("a valid header is read whatever follows it");
    let columns = reader.columns().to_vec();
    let config = Config {
        law,
        today: jiff::civil::date(2026, 6, 15),
        mode,
        strict: false,
        format: InputFormat::Csv,
        memos: Memos::new(law, 1, 64),
        compare: None,
    };
    let (mut read, mut assessed, mut rejected, mut records) = (0, 0, 0, 0);
    loop {
        let mut batches = Vec::new();
        let flow = reader
            .read_block(&mut |batch| {
                batches.push(batch);
                ControlFlow::Continue(())
            })
            .expect("reading from memory does not fail");
        for batch in batches {
            let done = screen_batch(&batch, &columns, &config, Vec::new());
            assert_eq!(
                done.summary.read,
                done.summary.assessed + done.summary.rejected,
                "a row neither assessed nor rejected"
            );
            assert_eq!(done.rejected.len() as u64, done.summary.rejected);
            for (_, e) in &done.rejected {
                assert!(
                    e.line >= 2,
                    "a rejected row on line {} (the header's or before)",
                    e.line
                );
                let _ = e.to_string();
            }
            records += match mode {
                Mode::Columns(OutputFormat::Csv) => csv_records(&done.out, false),
                _ => done.out.iter().filter(|&&b| b == b'\n').count(),
            };
            read += done.summary.read;
            assessed += done.summary.assessed;
            rejected += done.summary.rejected;
        }
        if flow.is_break() {
            break;
        }
    }
    assert_eq!(read, assessed + rejected);
    assert_eq!(
        records as u64, assessed,
        "not one output record per screened row"
    );
    assert_eq!(
        read as usize,
        csv_records(&input, true),
        "the rows read are not the csv crate's"
    );
});
