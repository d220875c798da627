//! Reading a PDF back, as a reader would: `pdftotext` and `pdfinfo` (Debian's
//! poppler-utils, which `.ci/run` installs). Without them a test says so and
//! passes, unless `REFUGE_PDF_TESTS=required` (set by `.ci/run`), which makes
//! their absence a failure.
#![allow(dead_code)]

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A PDF read back: its text, page by page.
pub struct Read {
    pub pages: Vec<String>,
    /// The page count pdfinfo reports.
    pub count: usize,
}

impl Read {
    /// All the text, whitespace collapsed (for phrases a line break may cut).
    pub fn flat(&self) -> String {
        flat(&self.pages.join(" "))
    }
    /// Page `n` (from 1), whitespace collapsed.
    pub fn page(&self, n: usize) -> String {
        flat(&self.pages[n - 1])
    }
    /// The first line of text on page `n` (from 1): the running header.
    pub fn header(&self, n: usize) -> String {
        self.pages[n - 1]
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("")
            .to_string()
    }
}

pub fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn tool(name: &str) -> bool {
    let found = Command::new(name).arg("-v").output().is_ok();
    if !found {
        if std::env::var("REFUGE_PDF_TESTS").as_deref() == Ok("required") {
            panic!(
                "{name} (poppler-utils) is required (REFUGE_PDF_TESTS=required) and not installed"
            );
        }
        eprintln!("SKIPPED: {name} (poppler-utils) is not installed; the PDF is not read back");
    }
    found
}

static N: AtomicUsize = AtomicUsize::new(0);

/// Reads `pdf` back with pdftotext (`-layout`, pages cut at form feeds) and
/// pdfinfo; `None` (the test skips) when poppler-utils is missing.
pub fn read(pdf: &[u8]) -> Option<Read> {
    if !tool("pdftotext") || !tool("pdfinfo") {
        return None;
    }
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    let path: PathBuf = std::env::temp_dir().join(format!(
        "refuge-documents-test-{}-{}.pdf",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&path, pdf).unwrap();
    let text = Command::new("pdftotext")
        .args(["-layout", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    assert!(
        text.status.success(),
        "pdftotext: {}",
        String::from_utf8_lossy(&text.stderr)
    );
    let info = Command::new("pdfinfo").arg(&path).output().unwrap();
    std::fs::remove_file(&path).ok();
    assert!(
        info.status.success(),
        "pdfinfo: {}",
        String::from_utf8_lossy(&info.stderr)
    );
    let info = String::from_utf8(info.stdout).unwrap();
    let count = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .map(|n| n.trim().parse().unwrap())
        .expect("pdfinfo gives the page count");
    let text = String::from_utf8(text.stdout).unwrap();
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    // pdftotext ends every page with a form feed: the last piece is empty.
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    Some(Read { pages, count })
}

/// Compares `actual` with the file `tests/snapshots/NAME`; with
/// `UPDATE_SNAPSHOTS=1`, writes it instead (review the diff before committing).
pub fn snapshot(name: &str, actual: &str) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name);
    if std::env::var("UPDATE_SNAPSHOTS").as_deref() == Ok("1") {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "no snapshot {}: run with UPDATE_SNAPSHOTS=1 to write it",
            path.display()
        )
    });
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from its snapshot at line {}:\n  expected: {:?}\n  actual:   {:?}\n(UPDATE_SNAPSHOTS=1 rewrites it)",
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

/// How many images `pdfimages -list` finds in `pdf`; `None` when it is missing.
pub fn images(pdf: &[u8]) -> Option<usize> {
    if !tool("pdfimages") {
        return None;
    }
    let path: PathBuf = std::env::temp_dir().join(format!(
        "refuge-documents-images-{}-{}.pdf",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new("pdfimages")
        .arg("-list")
        .arg(&path)
        .output()
        .unwrap();
    std::fs::remove_file(&path).ok();
    let list = String::from_utf8(out.stdout).unwrap();
    // Two lines of heading, then one line per image.
    Some(
        list.lines()
            .skip(2)
            .filter(|l| !l.trim().is_empty())
            .count(),
    )
}

/// The text of every page, for a snapshot: each page headed
/// `----- page N -----`, its lines' ends trimmed.
pub fn pages_text(read: &Read) -> String {
    read.pages
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let lines: Vec<&str> = p.lines().map(str::trim_end).collect();
            format!("----- page {} -----\n{}\n", i + 1, lines.join("\n").trim())
        })
        .collect()
}
