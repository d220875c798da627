//! Reading a caseload in chunks, and turning one raw row into a checked case.
//!
//! Reading is the only sequential step; everything from a raw row on (cells to
//! facts, checks, assessment, formatting) runs in parallel. A chunk keeps its
//! rows in one flat buffer, so reading allocates per chunk, not per row (many
//! small allocations handed from the reading thread to the workers make the
//! allocator's heaps grow and shrink, which serializes the threads).

use std::io::{BufRead, Read};

use jiff::civil::Date;
use refuge_engine::{Case, InputError};

use crate::columns::{COLUMNS, Col, row_to_facts};
use crate::error::{Place, RowError, ScreenError};

/// The input's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Comma-separated values with a header row (columns: see below).
    Csv,
    /// JSON Lines: one facts document (spec/facts.md) per line.
    Jsonl,
}

impl InputFormat {
    /// The format a file name's extension says, if it says one.
    pub fn from_path(path: &str) -> Option<InputFormat> {
        let ext = path.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "csv" => Some(InputFormat::Csv),
            "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
            _ => None,
        }
    }
}

/// One row as read, before it is understood.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    /// The line the row starts on (1 is a CSV header).
    pub line: u64,
    pub data: RowData<'a>,
}

#[derive(Debug, Clone, Copy)]
pub enum RowData<'a> {
    /// The cells, as `bytes[bounds[i]..bounds[i + 1]]`.
    Csv { bytes: &'a [u8], bounds: &'a [u32] },
    /// One line of JSON.
    Json(&'a [u8]),
}

impl<'a> RowData<'a> {
    /// The CSV cells, in header order (none for JSON).
    pub fn cells(&self) -> impl Iterator<Item = &'a [u8]> + 'a {
        let (bytes, bounds): (&'a [u8], &'a [u32]) = match *self {
            RowData::Csv { bytes, bounds } => (bytes, bounds),
            RowData::Json(_) => (&[], &[]),
        };
        bounds
            .windows(2)
            .map(move |w| &bytes[w[0] as usize..w[1] as usize])
    }
}

/// A chunk of rows in one buffer, and how far into the input it reaches.
#[derive(Debug, Default)]
pub struct Chunk {
    bytes: Vec<u8>,
    /// CSV: each cell's start, and after a row's last cell its end.
    bounds: Vec<u32>,
    /// Per row: its line, and its range in `bounds` (CSV) or `bytes` (JSON).
    rows: Vec<(u64, u32, u32)>,
    json: bool,
    /// Bytes of input consumed up to the end of this chunk.
    pub end_byte: u64,
}

impl Chunk {
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The `i`th row.
    pub fn row(&self, i: usize) -> Row<'_> {
        let (line, a, b) = self.rows[i];
        let data = if self.json {
            RowData::Json(&self.bytes[a as usize..b as usize])
        } else {
            RowData::Csv {
                bytes: &self.bytes,
                bounds: &self.bounds[a as usize..b as usize],
            }
        };
        Row { line, data }
    }

    /// A chunk of CSV rows, each given as its cells (for tests and callers
    /// that build rows in memory).
    pub fn from_csv_rows<'a>(rows: impl IntoIterator<Item = (u64, Vec<&'a str>)>) -> Chunk {
        let mut c = Chunk::default();
        for (line, cells) in rows {
            c.push_csv(line, cells.iter().map(|s| s.as_bytes()));
        }
        c
    }

    fn push_csv<'a>(&mut self, line: u64, cells: impl Iterator<Item = &'a [u8]>) {
        let first = self.bounds.len() as u32;
        for cell in cells {
            self.bounds.push(self.bytes.len() as u32);
            self.bytes.extend_from_slice(cell);
        }
        self.bounds.push(self.bytes.len() as u32);
        self.rows.push((line, first, self.bounds.len() as u32));
    }
}

/// Reads an input in chunks of rows.
pub enum Reader<R: Read> {
    Csv {
        reader: csv::Reader<R>,
        columns: Vec<Col>,
        record: csv::ByteRecord,
        done: bool,
    },
    Jsonl {
        reader: std::io::BufReader<R>,
        line: u64,
        bytes: u64,
        done: bool,
    },
}

/// A chunk's buffer is kept under this size (bytes), whatever the rows per chunk.
const CHUNK_BYTES: usize = 1 << 24;

impl<R: Read> Reader<R> {
    /// Opens an input: for CSV, reads and checks the header.
    ///
    /// # Errors
    /// [`ScreenError::UnknownColumns`] or [`ScreenError::RepeatedColumn`] for a
    /// bad header, [`ScreenError::Csv`] if it cannot be read.
    pub fn new(input: R, format: InputFormat) -> Result<Reader<R>, ScreenError> {
        match format {
            InputFormat::Csv => {
                let mut reader = csv::ReaderBuilder::new()
                    .flexible(true)
                    .trim(csv::Trim::All)
                    .buffer_capacity(1 << 16)
                    .from_reader(input);
                let columns = header(reader.byte_headers()?)?;
                Ok(Reader::Csv {
                    reader,
                    columns,
                    record: csv::ByteRecord::new(),
                    done: false,
                })
            }
            InputFormat::Jsonl => Ok(Reader::Jsonl {
                reader: std::io::BufReader::with_capacity(1 << 16, input),
                line: 0,
                bytes: 0,
                done: false,
            }),
        }
    }

    /// The CSV columns, in the order of the header (empty for JSON Lines).
    pub fn columns(&self) -> &[Col] {
        match self {
            Reader::Csv { columns, .. } => columns,
            Reader::Jsonl { .. } => &[],
        }
    }

    /// Up to `max` more rows; an empty chunk at the end of the input.
    ///
    /// # Errors
    /// A [`ScreenError`] when the input cannot be read.
    pub fn chunk(&mut self, max: usize) -> Result<Chunk, ScreenError> {
        let mut c = Chunk::default();
        match self {
            Reader::Csv {
                reader,
                record,
                done,
                ..
            } => {
                while !*done && c.rows.len() < max && c.bytes.len() < CHUNK_BYTES {
                    if !reader.read_byte_record(record)? {
                        *done = true;
                        break;
                    }
                    let line = record.position().map_or(0, |p| p.line());
                    c.push_csv(line, record.iter());
                }
                c.end_byte = reader.position().byte();
            }
            Reader::Jsonl {
                reader,
                line,
                bytes,
                done,
            } => {
                c.json = true;
                while !*done && c.rows.len() < max && c.bytes.len() < CHUNK_BYTES {
                    let start = c.bytes.len();
                    let n = reader.read_until(b'\n', &mut c.bytes).map_err(|source| {
                        ScreenError::Read {
                            path: "the JSON Lines input".into(),
                            source,
                        }
                    })?;
                    if n == 0 {
                        *done = true;
                        break;
                    }
                    *line += 1;
                    *bytes += n as u64;
                    if c.bytes[start..].iter().all(u8::is_ascii_whitespace) {
                        c.bytes.truncate(start);
                    } else {
                        c.rows.push((*line, start as u32, c.bytes.len() as u32));
                    }
                }
                c.end_byte = *bytes;
            }
        }
        Ok(c)
    }
}

/// Checks a CSV header: every name a known column, none twice.
fn header(record: &csv::ByteRecord) -> Result<Vec<Col>, ScreenError> {
    let mut columns = Vec::with_capacity(record.len());
    let mut unknown = Vec::new();
    for (i, raw) in record.iter().enumerate() {
        let mut name = String::from_utf8_lossy(raw).into_owned();
        if i == 0 {
            // A spreadsheet's UTF-8 byte order mark.
            name = name.trim_start_matches('\u{feff}').to_string();
        }
        match Col::named(&name) {
            Some(c) if columns.contains(&c) => return Err(ScreenError::RepeatedColumn(name)),
            Some(c) => columns.push(c),
            None => unknown.push(if name.is_empty() {
                "\"\" (an empty name)".to_string()
            } else {
                name
            }),
        }
    }
    if !unknown.is_empty() {
        return Err(ScreenError::UnknownColumns {
            unknown,
            known: COLUMNS.iter().map(|c| c.1).collect(),
        });
    }
    Ok(columns)
}

/// Understands one raw row: its output id (the `id` cell, or else the line
/// number) and its checked case.
///
/// # Errors
/// A [`RowError`] naming the line, the column (or JSON path) and the problem.
pub fn case<'a>(row: Row<'a>, columns: &[Col], today: Date) -> Result<(Id<'a>, Case), RowError> {
    let err = |place: Place, problem: String| RowError {
        line: row.line,
        place,
        problem,
    };
    match row.data {
        RowData::Csv { bounds, .. } => {
            let n = bounds.len().saturating_sub(1);
            if n != columns.len() {
                return Err(err(
                    Place::Row,
                    format!("the row has {n} cells; the header has {}", columns.len()),
                ));
            }
            let mut id_cell = None;
            let cells = columns.iter().copied().zip(row.data.cells());
            let facts = row_to_facts(cells.inspect(|&(col, cell)| {
                if col == Col::Id && !cell.is_empty() {
                    id_cell = Some(cell);
                }
            }))
            .map_err(|e| err(Place::Column(e.column), e.problem))?;
            let id =
                match id_cell {
                    Some(cell) => Id::Text(std::str::from_utf8(cell).map_err(|_| {
                        err(Place::Column("id"), "the cell is not valid UTF-8".into())
                    })?),
                    None => Id::Line(row.line),
                };
            let case = Case::new(facts, today).map_err(|e| {
                let place = match Col::for_path(&e.field) {
                    Some(c) => Place::Column(c.name()),
                    None if e.field.is_empty() => Place::Row,
                    None => Place::Field(e.field.clone()),
                };
                err(place, e.message)
            })?;
            Ok((id, case))
        }
        RowData::Json(bytes) => {
            let text = std::str::from_utf8(bytes)
                .map_err(|_| err(Place::Row, "the line is not valid UTF-8".into()))?;
            let case = Case::from_json(text, today).map_err(|InputError { field, message }| {
                err(
                    if field.is_empty() {
                        Place::Row
                    } else {
                        Place::Field(field)
                    },
                    message,
                )
            })?;
            Ok((Id::Line(row.line), case))
        }
    }
}

/// A row's id in the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Id<'a> {
    /// The `id` cell.
    Text(&'a str),
    /// The line number, for a row without an id.
    Line(u64),
}

impl Id<'_> {
    /// Appends the id as text.
    pub fn write(&self, out: &mut Vec<u8>) {
        match self {
            Id::Text(t) => out.extend_from_slice(t.as_bytes()),
            Id::Line(n) => {
                let _ = std::io::Write::write_fmt(out, format_args!("{n}"));
            }
        }
    }
}
