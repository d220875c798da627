//! Reading a caseload in batches of whole rows, and turning one raw row into a
//! checked case.
//!
//! The reader is the only sequential step, and it does little: it reads large
//! blocks of bytes, cuts each at the end of its last whole row and hands the
//! block out as [`Batch`]es of about [`DEFAULT_BATCH_BYTES`], counting only
//! the line feeds (with memchr) to know each batch's first line. Splitting
//! rows into cells, and everything after, runs in parallel.
//!
//! A CSV row is a line, and a cell what lies between commas, unless the block
//! holds a quote (a quoted cell may hold commas and line breaks) or a carriage
//! return that is not part of a CRLF line end (a row terminator of its own to
//! the csv crate). Then the reader follows the quoting byte by byte only to
//! cut the block between rows ([`record_ends`]), and the workers split the
//! rows with the csv crate itself, so every input reads exactly as the csv
//! crate reads it; only the speed differs. JSON Lines are lines.
//!
//! A row's line is the line its first byte is on (1 is a CSV header), counted
//! in line feeds, as an editor shows it.
//!
//! The cells of a plain CSV line are read where they start
//! ([`RowFacts::read_at`]): a cell in the usual spelling of its column's
//! values is read with its length, so that the comma after it need not be
//! looked for first; any other cell is cut at the next comma, trimmed, and
//! read the general way ([`RowFacts::read`]). Both read a cell the same (a
//! test compares them on garbled rows).

use std::io::Read;
use std::ops::{ControlFlow, Range};
use std::sync::{Arc, Mutex};

use jiff::civil::Date;
use refuge_engine::{Case, InputError};

use crate::columns::{COLUMNS, Col, RowFacts, cell_len, trim};
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

/// The default size of a batch, in bytes of input: a few hundred rows, enough
/// to make the cost of handing a batch to a worker negligible, small enough
/// to keep both cores busy to the end.
pub const DEFAULT_BATCH_BYTES: usize = 64 << 10;

/// Batches per block read: the reader reads this many batches' worth of bytes
/// at a time.
const BATCHES_PER_BLOCK: usize = 16;

/// One row as read, before it is understood.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    /// The line the row starts on (1 is a CSV header).
    pub line: u64,
    pub data: RowData<'a>,
}

/// A row's bytes.
#[derive(Debug, Clone, Copy)]
pub enum RowData<'a> {
    /// A plain CSV line (see [`plain_csv`]): its cells lie between commas.
    CsvLine(&'a [u8]),
    /// A CSV row split by the csv crate (cells not yet trimmed).
    CsvRecord(&'a csv::ByteRecord),
    /// One line of JSON.
    Json(&'a [u8]),
}

/// Whole rows of the input, in order: the unit of parallel work.
#[derive(Debug)]
pub struct Batch {
    /// The block read, of which the batch is `block[range]`.
    block: Arc<Vec<u8>>,
    range: Range<usize>,
    /// The line of its first byte.
    line: u64,
    /// How its bytes split into rows.
    rows: Rows,
    /// Bytes of input consumed up to the end of this batch.
    pub end_byte: u64,
}

/// How a batch's bytes split into rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rows {
    /// A row a line: JSON Lines, or plain CSV (see [`plain_csv`]).
    Lines,
    /// CSV rows as the csv crate splits them.
    Records,
}

impl Batch {
    /// Gives the block back to `spare` if this was its last batch (see
    /// [`Reader::spare`]).
    pub fn recycle(self, spare: &Spare) {
        if let Some(block) = Arc::into_inner(self.block) {
            spare.give(block);
        }
    }

    /// The bytes of input the batch holds.
    pub fn len_bytes(&self) -> usize {
        self.range.len()
    }

    /// Calls `f` with each row, in order, until it breaks.
    pub fn for_each_row(&self, format: InputFormat, mut f: impl FnMut(Row<'_>) -> ControlFlow<()>) {
        let bytes = &self.block[self.range.clone()];
        if self.rows == Rows::Records {
            return for_each_record(bytes, self.line, f);
        }
        // A last line without a line feed (at the end of the input) ends there.
        let last = bytes
            .last()
            .is_some_and(|&b| b != b'\n')
            .then_some(bytes.len());
        let mut start = 0;
        for (end, line) in memchr::memchr_iter(b'\n', bytes)
            .chain(last)
            .zip(self.line..)
        {
            let text = &bytes[start..end];
            start = end + 1;
            let data = match format {
                // The csv crate skips empty lines (a CRLF line end is one).
                InputFormat::Csv if text.is_empty() || text == b"\r" => continue,
                InputFormat::Csv => RowData::CsvLine(text),
                InputFormat::Jsonl if text.trim_ascii().is_empty() => continue,
                InputFormat::Jsonl => RowData::Json(text),
            };
            if f(Row { line, data }).is_break() {
                return;
            }
        }
    }
}

/// Calls `f` with each CSV row of `bytes` (whole rows, the first byte on line
/// `line`) as the csv crate splits them, until it breaks.
fn for_each_record(bytes: &[u8], mut line: u64, mut f: impl FnMut(Row<'_>) -> ControlFlow<()>) {
    // A line feed in front ends the row before, as in the input: the csv
    // crate reads no byte order mark at the start of a row then.
    let mut csv = csv_reader((&b"\n"[..]).chain(bytes));
    let mut record = csv::ByteRecord::new();
    // How far the lines are counted: `line` is the line of `bytes[counted]`.
    let mut counted = 0;
    // A CSV input is bytes in memory: reading it cannot fail.
    while let Ok(true) = csv.read_byte_record(&mut record) {
        // Where the row starts in `bytes` (after the line feed in front), once
        // past the blank lines the csv crate skips.
        let at = record
            .position()
            .map_or(0, |p| p.byte() as usize)
            .saturating_sub(1);
        let first = at
            + bytes[at..]
                .iter()
                .take_while(|&&b| b == b'\r' || b == b'\n')
                .count();
        line += line_feeds(&bytes[counted..first]);
        counted = first;
        if f(Row {
            line,
            data: RowData::CsvRecord(&record),
        })
        .is_break()
        {
            return;
        }
    }
}

/// Reads a plain CSV line's cells, in order, into `cells`: each where it
/// starts, if it can ([`ReadCells::read_at`]), and else as what lies between
/// commas, trimmed ([`ReadCells::read`]). Returns how many cells it has.
#[inline(always)]
fn read_line<'a>(line: &'a [u8], mut cells: impl ReadCells<'a>) -> usize {
    read_cells_from(0, without_cr(line), &mut cells)
}

/// A line without the carriage return of a CRLF line end (which would be
/// trimmed from the last cell anyway).
#[inline(always)]
fn without_cr(line: &[u8]) -> &[u8] {
    line.strip_suffix(b"\r").unwrap_or(line)
}

/// [`read_line`] from cell `n`, at the start of `rest`, on.
#[inline(always)]
fn read_cells_from<'a>(mut n: usize, mut rest: &'a [u8], cells: &mut impl ReadCells<'a>) -> usize {
    loop {
        match read_cell(n, rest, cells) {
            Some(next) => rest = next,
            None => return n + 1,
        }
        n += 1;
    }
}

/// Reads cell `i` at the start of `rest`: returns the rest of the line after
/// its comma, or `None` if it ends the line.
#[inline(always)]
fn read_cell<'a>(i: usize, rest: &'a [u8], cells: &mut impl ReadCells<'a>) -> Option<&'a [u8]> {
    let len = match cells.read_at(i, rest) {
        Some(len) => len,
        None => read_cut(i, rest, cells),
    };
    rest.get(len + 1..)
}

/// Every column, in the order of [`COLUMNS`]: the header `--generate` writes.
const IN_ORDER: [Col; COLUMNS.len()] = {
    let mut all = [Col::Id; COLUMNS.len()];
    let mut i = 0;
    while i < all.len() {
        all[i] = COLUMNS[i].0;
        i += 1;
    }
    all
};

/// [`read_line`] for a header of every column in the order of [`COLUMNS`]
/// ([`IN_ORDER`]): the same reading, but each cell's column is fixed where
/// the code reads it, not looked up, so that the processor predicts each
/// cell's branches by its column (measured: 3–5% less CPU time a row).
#[inline(never)]
fn read_line_in_order<'a>(line: &'a [u8], facts: &mut RowFacts<'a>) -> usize {
    let mut cells = Cells {
        columns: &IN_ORDER,
        facts,
    };
    let mut rest = without_cr(line);
    macro_rules! cells {
        ($($i:literal)*) => {$(
            match read_cell($i, rest, &mut cells) {
                Some(next) => rest = next,
                None => return $i + 1,
            }
        )*};
    }
    cells!(
        0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19
        20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39
    );
    const _: () = assert!(IN_ORDER.len() == 40, "a cell read above for each column");
    // Cells past the columns (only counted), as `read_line` reads them.
    read_cells_from(IN_ORDER.len(), rest, &mut cells)
}

/// Reads cell `i` cut at the next comma, trimmed: returns its length. (Out
/// of [`read_line`]'s loop, which most cells do not leave.)
#[inline(never)]
fn read_cut<'a>(i: usize, rest: &'a [u8], cells: &mut impl ReadCells<'a>) -> usize {
    let len = cell_len(rest);
    cells.read(i, trim(&rest[..len]));
    len
}

/// What reads a CSV line's cells (see [`read_line`]), given each cell's
/// place in the row.
trait ReadCells<'a> {
    /// Reads cell `i` at the start of `rest`, the rest of the line, if it
    /// can: returns its length (a comma or the end follows).
    fn read_at(&mut self, i: usize, rest: &'a [u8]) -> Option<usize>;
    /// Reads cell `i`, trimmed.
    fn read(&mut self, i: usize, cell: &'a [u8]);
}

/// Spent buffers, kept to be filled again: a run reuses its blocks of input
/// and its batches' output instead of asking the allocator, and the kernel,
/// for fresh pages for each (which cost more time than the copying into
/// them, and left memory committed).
#[derive(Debug, Default)]
pub struct Spare(Mutex<Vec<Vec<u8>>>);

impl Spare {
    /// Buffers kept at most (more are in flight only when many batches are).
    const KEEP: usize = 128;

    fn kept(&self) -> std::sync::MutexGuard<'_, Vec<Vec<u8>>> {
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// A spent buffer, emptied, or a new one.
    pub fn take(&self) -> Vec<u8> {
        self.kept().pop().unwrap_or_default()
    }

    /// Keeps `buf` to be taken again.
    pub fn give(&self, mut buf: Vec<u8>) {
        buf.clear();
        let mut kept = self.kept();
        if kept.len() < Self::KEEP {
            kept.push(buf);
        }
    }
}

/// Reads an input in batches of whole rows.
pub struct Reader<R: Read> {
    input: R,
    /// Spent blocks of input ([`Batch::recycle`] gives them back).
    spare: Arc<Spare>,
    format: InputFormat,
    /// The CSV columns, in the order of the header (empty for JSON Lines).
    columns: Vec<Col>,
    /// Bytes read and not yet handed out: they start a row (perhaps after
    /// blank lines).
    pending: Vec<u8>,
    /// The line of `pending[0]`, and its offset in the input.
    line: u64,
    offset: u64,
    /// Whether `input` is exhausted.
    eof: bool,
    batch_bytes: usize,
}

impl<R: Read> Reader<R> {
    /// Opens an input, to be read in batches of about `batch_bytes`: for CSV,
    /// reads and checks the header.
    ///
    /// # Errors
    /// [`ScreenError::UnknownColumns`] or [`ScreenError::RepeatedColumn`] for a
    /// bad header, [`ScreenError::Csv`] or [`ScreenError::Read`] if it cannot
    /// be read.
    pub fn new(
        input: R,
        format: InputFormat,
        batch_bytes: usize,
    ) -> Result<Reader<R>, ScreenError> {
        let mut reader = Reader {
            input,
            format,
            columns: Vec::new(),
            spare: Arc::default(),
            pending: Vec::new(),
            line: 1,
            offset: 0,
            eof: false,
            batch_bytes: batch_bytes.max(1),
        };
        if format == InputFormat::Csv {
            reader.read_header()?;
        }
        Ok(reader)
    }

    /// The CSV columns, in the order of the header (empty for JSON Lines).
    pub fn columns(&self) -> &[Col] {
        &self.columns
    }

    /// Where the batches' blocks go back to once screened ([`Batch::recycle`]).
    pub fn spare(&self) -> Arc<Spare> {
        Arc::clone(&self.spare)
    }

    /// Reads the header with the csv crate (which drops a byte order mark
    /// before it), reading on until it is whole.
    fn read_header(&mut self) -> Result<(), ScreenError> {
        let mut buf = Vec::new();
        loop {
            self.fill(&mut buf)?;
            let mut csv = csv_reader(&buf[..]);
            let mut record = csv::ByteRecord::new();
            csv.read_byte_record(&mut record)?;
            let end = csv.position().byte() as usize;
            if end < buf.len() || self.eof {
                record.trim();
                self.columns = header(&record)?;
                self.consume(buf, end);
                return Ok(());
            }
        }
    }

    /// Reads a block and hands it to `emit` in batches; breaks at the end of
    /// the input, or when `emit` does.
    ///
    /// # Errors
    /// A [`ScreenError`] when the input cannot be read.
    pub fn read_block(
        &mut self,
        emit: &mut impl FnMut(Batch) -> ControlFlow<()>,
    ) -> Result<ControlFlow<()>, ScreenError> {
        let mut buf = self.spare.take();
        buf.extend_from_slice(&self.pending);
        loop {
            self.fill(&mut buf)?;
            if buf.is_empty() {
                return Ok(ControlFlow::Break(()));
            }
            let rows = match self.format {
                InputFormat::Csv if !plain_csv(&buf) => Rows::Records,
                _ => Rows::Lines,
            };
            let cuts = self.cuts(&buf, rows);
            if cuts.is_empty() {
                // Not one whole row yet: a long line, or a quoted cell, runs on.
                continue;
            }
            return Ok(self.hand_out(buf, rows, &cuts, emit));
        }
    }

    /// Appends a block's worth of input to `buf`, or as much as it holds if
    /// more (so that a row longer than a block takes a few reads, not many).
    fn fill(&mut self, buf: &mut Vec<u8>) -> Result<(), ScreenError> {
        if self.eof {
            return Ok(());
        }
        let want = (self.batch_bytes * BATCHES_PER_BLOCK).max(buf.len());
        buf.reserve(want);
        let n = (&mut self.input)
            .take(want as u64)
            .read_to_end(buf)
            .map_err(|source| ScreenError::Read {
                path: match self.format {
                    InputFormat::Csv => "the CSV input",
                    InputFormat::Jsonl => "the JSON Lines input",
                }
                .into(),
                source,
            })?;
        self.eof = n < want;
        Ok(())
    }

    /// Where to cut `buf`, which starts a row, into batches of whole rows of
    /// about `batch_bytes`: each batch's end, the last one the end of the
    /// last whole row (or of the input); none if `buf` holds no whole row.
    fn cuts(&self, buf: &[u8], rows: Rows) -> Vec<usize> {
        let mut cuts = Vec::new();
        let last = match rows {
            Rows::Lines => {
                let last = buf.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
                let mut start = 0;
                // The line feed that ends the line reaching past each batch's size.
                while let Some(i) = buf
                    .get(start + self.batch_bytes - 1..last)
                    .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
                {
                    start += self.batch_bytes + i;
                    cuts.push(start);
                }
                last
            }
            Rows::Records => {
                let (mut start, mut last) = (0, 0);
                record_ends(buf, |end| {
                    if end - start >= self.batch_bytes {
                        cuts.push(end);
                        start = end;
                    }
                    last = end;
                });
                last
            }
        };
        let end = if self.eof { buf.len() } else { last };
        if cuts.last().is_none_or(|&cut| cut < end) {
            cuts.push(end);
        }
        cuts.retain(|&cut| cut > 0);
        cuts
    }

    /// Hands `buf` up to the last cut to `emit`, as batches ending at the
    /// `cuts`, and keeps the rest.
    fn hand_out(
        &mut self,
        buf: Vec<u8>,
        rows: Rows,
        cuts: &[usize],
        emit: &mut impl FnMut(Batch) -> ControlFlow<()>,
    ) -> ControlFlow<()> {
        let block = Arc::new(buf);
        let mut start = 0;
        for &end in cuts {
            let batch = Batch {
                block: Arc::clone(&block),
                range: start..end,
                line: self.line,
                rows,
                end_byte: self.offset + end as u64,
            };
            self.line += line_feeds(&block[start..end]);
            start = end;
            emit(batch)?;
        }
        self.pending.clear();
        self.pending.extend_from_slice(&block[start..]);
        self.offset += start as u64;
        ControlFlow::Continue(())
    }

    /// Keeps `buf[end..]` for the next block.
    fn consume(&mut self, buf: Vec<u8>, end: usize) {
        self.line += line_feeds(&buf[..end]);
        self.offset += end as u64;
        self.pending = buf;
        self.pending.drain(..end);
    }
}

/// A csv reader with the settings of the CSV input: rows may differ in length
/// (a row of the wrong length is a bad row, not a bad input), and cells are
/// trimmed (by the caller, with [`csv::ByteRecord::trim`]).
fn csv_reader<R: Read>(input: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(input)
}

/// The number of line feeds in `bytes`.
fn line_feeds(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

/// Whether whole CSV lines are plain: no quote, and no carriage return but
/// before a line feed. Then each line is a row, and commas separate its cells.
fn plain_csv(lines: &[u8]) -> bool {
    // The rare quotes and carriage returns, one by one.
    memchr::memchr2_iter(b'"', b'\r', lines)
        .all(|i| lines[i] == b'\r' && lines.get(i + 1).is_none_or(|&n| n == b'\n'))
}

/// Calls `f` with the end of each CSV row of `bytes` (which starts a row) as
/// the csv crate splits them, with its default quoting: just after the line
/// feed or carriage return that ends the row. A quote opens a quoted cell at
/// the start of a cell only; in it, two quotes are one and a quote alone
/// closes it. The last row, if the bytes end inside it, is not reported.
fn record_ends(bytes: &[u8], mut f: impl FnMut(usize)) {
    // The states: before a row (skipping blank lines), at a cell's start, in
    // a cell not quoted, in a quoted cell, just after a quote in a quoted
    // cell (its end, or the first of two).
    const ROW: u8 = 0;
    const CELL: u8 = 1;
    const PLAIN: u8 = 2;
    const QUOTED: u8 = 3;
    const QUOTE: u8 = 4;
    /// Marks a move to ROW that ends a row.
    const END: u8 = 8;
    // The next state, by state and byte (a quote, a comma, a line end, any
    // other byte), for every byte: one look-up a byte.
    const NEXT: [[u8; 256]; 8] = {
        let by_class: [[u8; 4]; 5] = [
            // other, quote, comma, line end
            [PLAIN, QUOTED, CELL, ROW],
            [PLAIN, QUOTED, CELL, ROW | END],
            [PLAIN, PLAIN, CELL, ROW | END],
            [QUOTED, QUOTE, QUOTED, QUOTED],
            [PLAIN, QUOTED, CELL, ROW | END],
        ];
        let mut next = [[0; 256]; 8];
        let mut state = 0;
        while state < by_class.len() {
            let mut b = 0;
            while b < 256 {
                let class = match b as u8 {
                    b'"' => 1,
                    b',' => 2,
                    b'\n' | b'\r' => 3,
                    _ => 0,
                };
                next[state][b] = by_class[state][class];
                b += 1;
            }
            state += 1;
        }
        next
    };
    let mut state = ROW;
    for (i, &b) in bytes.iter().enumerate() {
        // (A state is below 8: no bounds check.)
        let next = NEXT[usize::from(state & 7)][usize::from(b)];
        if next & END != 0 {
            f(i + 1);
        }
        state = next & !END;
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

/// Understands one raw row: returns its output id (the `id` cell, or else
/// the line number), its checked case put in `slot`. `columns` are the CSV
/// header's, each at most once (as [`Reader::columns`] gives them).
///
/// # Errors
/// A [`RowError`] naming the line, the column (or JSON path) and the problem.
pub fn case<'a>(
    row: Row<'a>,
    columns: &[Col],
    today: Date,
    slot: &mut Case,
) -> Result<Id<'a>, RowError> {
    let mut facts = RowFacts::default();
    let cells = Cells {
        columns,
        facts: &mut facts,
    };
    let n = match row.data {
        RowData::CsvLine(line) if columns == IN_ORDER => read_line_in_order(line, cells.facts),
        RowData::CsvLine(line) => read_line(line, cells),
        RowData::CsvRecord(record) => {
            let mut cells = cells;
            for (i, cell) in record.iter().enumerate() {
                cells.read(i, trim(cell));
            }
            record.len()
        }
        RowData::Json(bytes) => return json_case(row.line, bytes, today, slot),
    };
    let err = |place, problem| RowError {
        line: row.line,
        place,
        problem,
    };
    // A wrong count is the row's problem before any cell's.
    if n != columns.len() {
        return Err(err(
            Place::Row,
            format!("the row has {n} cells; the header has {}", columns.len()),
        ));
    }
    let (facts, id) = facts
        .finish()
        .map_err(|e| err(Place::Column(e.column), e.problem))?;
    let id = id.map_or(Id::Line(row.line), Id::Text);
    slot.set(facts, today).map_err(|e| {
        let place = match Col::for_path(&e.field) {
            Some(c) => Place::Column(c.name()),
            None if e.field.is_empty() => Place::Row,
            None => Place::Field(e.field.clone()),
        };
        err(place, e.message)
    })?;
    Ok(id)
}

/// A CSV row's cells, each read into `facts` as its column's (those past the
/// columns are only counted).
struct Cells<'c, 'f, 'a> {
    columns: &'c [Col],
    facts: &'f mut RowFacts<'a>,
}

impl<'a> ReadCells<'a> for Cells<'_, '_, 'a> {
    #[inline(always)]
    fn read_at(&mut self, i: usize, rest: &'a [u8]) -> Option<usize> {
        self.facts.read_at(*self.columns.get(i)?, rest)
    }

    fn read(&mut self, i: usize, cell: &'a [u8]) {
        if let Some(&col) = self.columns.get(i) {
            self.facts.read(col, cell);
        }
    }
}

/// [`case`] for a JSON line on `line`.
fn json_case<'a>(
    line: u64,
    bytes: &[u8],
    today: Date,
    slot: &mut Case,
) -> Result<Id<'a>, RowError> {
    let err = |place, problem| RowError {
        line,
        place,
        problem,
    };
    let text = std::str::from_utf8(bytes)
        .map_err(|_| err(Place::Row, "the line is not valid UTF-8".into()))?;
    *slot = Case::from_json(text, today).map_err(|InputError { field, message }| {
        err(
            if field.is_empty() {
                Place::Row
            } else {
                Place::Field(field)
            },
            message,
        )
    })?;
    Ok(Id::Line(line))
}

/// A row's id in the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Id<'a> {
    /// The `id` cell.
    Text(&'a str),
    /// The line number, for a row without an id.
    Line(u64),
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows of an input (after a CSV header of known columns) as the reader hands them
    /// out, read in batches of `batch_bytes`: each row's line and its cells
    /// (a JSON line is one). Each batch is read and recycled as it comes, as
    /// the workers do, so the blocks after the first are spent ones refilled.
    fn rows(input: &str, format: InputFormat, batch_bytes: usize) -> Vec<(u64, Vec<String>)> {
        let mut reader = Reader::new(input.as_bytes(), format, batch_bytes).unwrap();
        let spare = reader.spare();
        let mut rows = Vec::new();
        let mut emit = |batch: Batch| {
            batch.for_each_row(format, |row| {
                let cells: Vec<&[u8]> = match row.data {
                    RowData::CsvLine(line) => {
                        let mut cells = Vec::new();
                        read_line(line, AllCells(&mut cells));
                        cells
                    }
                    RowData::CsvRecord(record) => record.iter().map(trim).collect(),
                    RowData::Json(text) => vec![text],
                };
                let cells = cells
                    .iter()
                    .map(|c| String::from_utf8_lossy(c).into_owned());
                rows.push((row.line, cells.collect()));
                ControlFlow::Continue(())
            });
            batch.recycle(&spare);
            ControlFlow::Continue(())
        };
        while reader.read_block(&mut emit).unwrap().is_continue() {}
        rows
    }

    /// Every cell of a line, read the general way.
    struct AllCells<'v, 'a>(&'v mut Vec<&'a [u8]>);

    impl<'a> ReadCells<'a> for AllCells<'_, 'a> {
        fn read_at(&mut self, _: usize, _: &'a [u8]) -> Option<usize> {
            None
        }
        fn read(&mut self, i: usize, cell: &'a [u8]) {
            assert_eq!(i, self.0.len());
            self.0.push(cell);
        }
    }

    const BATCH_SIZES: [usize; 7] = [1, 2, 3, 5, 8, 64, 1 << 16];

    #[test]
    fn a_block_comes_back_once_all_its_batches_are_screened_and_is_refilled() {
        let input = "id,as_of\n".to_string() + &"1,2026-01-01\n".repeat(100);
        let mut reader = Reader::new(input.as_bytes(), InputFormat::Csv, 64).unwrap();
        let spare = reader.spare();
        let mut batches = Vec::new();
        let read = reader.read_block(&mut |b| {
            batches.push(b);
            ControlFlow::Continue(())
        });
        assert!(read.unwrap().is_continue());
        assert!(batches.len() > 1, "one block, cut into several batches");
        let capacity = batches[0].block.capacity();
        let last = batches.pop().unwrap();
        for b in batches {
            b.recycle(&spare);
        }
        assert_eq!(spare.kept().len(), 0, "a batch of the block is still out");
        last.recycle(&spare);
        let again = spare.take();
        assert!(again.is_empty(), "a spent block comes back empty");
        assert_eq!(again.capacity(), capacity, "and keeps its memory");
    }

    #[test]
    fn csv_rows_are_split_as_the_csv_crate_splits_them_in_batches_of_any_size() {
        let inputs = [
            "id,as_of\n1,2\n3,4\n",
            // No line feed at the end.
            "id,as_of\n1,2\n3,4",
            // CRLF line ends, a blank line, spaces to trim.
            "id,as_of\r\n1,2\r\n\r\n3, 4 \r\n",
            // Blank lines are skipped; a line of spaces is a row of one empty cell.
            "id,as_of\n\n\n1,2\n  \n3,4\n",
            // Quoted cells: a comma, a line feed, a quote; then plain rows.
            "id,as_of\n\"x,\ny\",2\n3,\"4\"\"\"\n5,6\n7,8\n",
            // A carriage return alone ends a row.
            "id,as_of\n1,2\r3,4\n5,6\n",
            // A byte order mark is dropped before the header only.
            "\u{feff}id,as_of\n\u{feff}1,2\n",
            "id,as_of\n1,\n,2\n,\n",
            "id,as_of\n",
            "",
        ];
        for input in inputs {
            let want: Vec<Vec<String>> = csv::ReaderBuilder::new()
                .flexible(true)
                .trim(csv::Trim::All)
                .from_reader(input.as_bytes())
                .byte_records()
                .map(|r| {
                    r.unwrap()
                        .iter()
                        .map(|c| String::from_utf8_lossy(c).into_owned())
                        .collect()
                })
                .collect();
            for batch in BATCH_SIZES {
                let got: Vec<Vec<String>> = rows(input, InputFormat::Csv, batch)
                    .into_iter()
                    .map(|(_, cells)| cells)
                    .collect();
                assert_eq!(got, want, "{input:?} in batches of {batch}");
            }
        }
    }

    #[test]
    fn random_csv_reads_as_the_csv_crate_reads_it_with_each_row_on_its_first_line() {
        let mut rng = crate::generate::Rng::new(7);
        let bytes = [b'x', b'y', b' ', b',', b'"', b'\n', b'\r'];
        for _ in 0..400 {
            let mut input = b"id,as_of\n".to_vec();
            for _ in 0..rng.range(0, 80) {
                input.push(bytes[rng.range(0, bytes.len() as i64 - 1) as usize]);
            }
            let input = String::from_utf8(input).unwrap();
            // Each row's cells, and the line of its first byte (the csv crate
            // places a row after the blank lines before it).
            let mut csv = csv::ReaderBuilder::new()
                .flexible(true)
                .trim(csv::Trim::All)
                .from_reader(input.as_bytes());
            let want: Vec<(u64, Vec<String>)> = csv
                .byte_records()
                .map(|r| {
                    let r = r.unwrap();
                    let at = r.position().unwrap().byte() as usize;
                    let first = at
                        + input[at..]
                            .bytes()
                            .take_while(|b| b"\r\n".contains(b))
                            .count();
                    let line = 1 + input[..first].matches('\n').count() as u64;
                    (
                        line,
                        r.iter()
                            .map(|c| String::from_utf8_lossy(c).into_owned())
                            .collect(),
                    )
                })
                .collect();
            for batch in [1, 3, 7, 64] {
                assert_eq!(
                    rows(&input, InputFormat::Csv, batch),
                    want,
                    "{input:?} in batches of {batch}"
                );
            }
        }
    }

    #[test]
    fn a_row_is_numbered_by_the_line_it_starts_on() {
        let lines = |input, batch| -> Vec<u64> {
            rows(input, InputFormat::Csv, batch)
                .iter()
                .map(|(line, _)| *line)
                .collect()
        };
        for batch in BATCH_SIZES {
            // Plain lines, blank ones among them.
            assert_eq!(
                lines("id\n\n1\r\n\r\n2\n3", batch),
                [3, 5, 6],
                "batch {batch}"
            );
            // A quoted cell over two lines; a carriage return alone (which
            // ends a row, not a line).
            let quoted = "id,as_of\r\n\r\n1,2\r\n\"x\ny\",3\n\n4,5\r6,7\n";
            assert_eq!(lines(quoted, batch), [3, 4, 7, 7], "batch {batch}");
        }
    }

    #[test]
    fn json_lines_are_numbered_and_blank_ones_skipped() {
        let input = "{}\n\n  \n{\"a\": 1}\r\n{}";
        for batch in BATCH_SIZES {
            let got = rows(input, InputFormat::Jsonl, batch);
            let want = [(1, "{}"), (4, "{\"a\": 1}\r"), (5, "{}")]
                .map(|(line, text)| (line, vec![text.to_string()]));
            assert_eq!(got, want, "batch {batch}");
        }
    }

    /// A random plain CSV line of `cells` cells: each column's usual values,
    /// and values that are not (spaces, other spellings, bad values, text
    /// that is not UTF-8), some empty.
    fn random_line(rng: &mut crate::generate::Rng, cells: usize) -> Vec<u8> {
        const PIECES: &[&[u8]] = &[
            b"",
            b"",
            b"",
            b" ",
            b"  x ",
            b"P0000001",
            b" P2 ",
            b"P 3",
            "\u{e9}".as_bytes(),
            b"\xff",
            b"P\xc3",
            b"tr\xffue",
            b"TRUE",
            b"True",
            b"true",
            b"false",
            b"FALSE",
            b"fals",
            b"tru",
            b"yes",
            b"Yes",
            b"no",
            b"nO",
            b"0",
            b"1",
            b"2",
            b"true ",
            b" false",
            b"2024-02-29",
            b"2023-02-29",
            b"2024-13-01",
            b"1799-12-31",
            b"1800-01-01",
            b"2200-12-31",
            b"2201-01-01",
            b"2024-1-01",
            b"2024-01-01 ",
            b"2024-01-0x",
            b"20240101",
            b"2026-01-15",
            b"SV",
            b"sv",
            b"S",
            b"SVX",
            b"SV;",
            b";SV",
            b"SV;GT",
            b"SV; GT",
            b"SV;GT;MX",
            b"GT;;MX",
            b"SV;gt",
            b"none",
            b"None",
            b"NONE",
            b"none ",
            b"stateless",
            b"STATELESS",
            b"in_us",
            b"IN_US",
            b"in_us ",
            b"port_of_entry",
            b"outside_us",
            b"admitted",
            b"paroled",
            b"presented_without_documents",
            b"without_inspection",
            b"southwest_land",
            b"air",
            b"sea",
            b"northern_land",
            b"denied",
            b"pending",
            b"affirmative",
            b"defensive",
            b"changed_law",
            b"lawful_status",
            b"rejected_then_refiled",
            b"changed_law_x",
            b"12",
            b"+5",
            b"-1",
            b"007",
            b"999999999",
            b"4294967296",
            b"1.5",
            b"2.5",
            b"1e3",
            b"inf",
            b"NaN",
            b"12345678901234567",
            b"maybe",
            b"\r",
            b"a\rb",
        ];
        let cells: Vec<&[u8]> = (0..cells)
            .map(|_| PIECES[rng.range(0, PIECES.len() as i64 - 1) as usize])
            .collect();
        cells.join(&b","[..])
    }

    #[test]
    fn cells_read_where_they_start_read_as_the_general_way_reads_them() {
        let mut rng = crate::generate::Rng::new(11);
        let all: Vec<Col> = COLUMNS.iter().map(|c| c.0).collect();
        let mut checked_in_order = 0;
        for round in 0..20_000 {
            // The columns in their order, or shuffled, or some of them: all
            // in order (read by `read_line_in_order` too) in a quarter of rounds.
            let mut columns = all.clone();
            if round % 2 == 1 {
                for i in (1..columns.len()).rev() {
                    columns.swap(i, rng.range(0, i as i64) as usize);
                }
            }
            if round % 4 != 0 {
                columns.truncate(rng.range(1, all.len() as i64) as usize);
            }
            let n = match rng.range(0, 9) {
                0 => columns.len() - 1,
                1 => columns.len() + 1,
                _ => columns.len(),
            };
            let mut line = random_line(&mut rng, n.max(1));
            if rng.chance(5) {
                line.push(b'\r');
            }
            let line = &line[..];
            let mut facts = RowFacts::default();
            let read = read_line(
                line,
                Cells {
                    columns: &columns,
                    facts: &mut facts,
                },
            );
            let mut cells = Vec::new();
            let split = read_line(line, AllCells(&mut cells));
            assert_eq!(read, split, "{:?}", String::from_utf8_lossy(line));
            let general = crate::columns::row_to_facts(columns.iter().copied().zip(cells));
            if columns == IN_ORDER {
                let mut in_order = RowFacts::default();
                assert_eq!(read_line_in_order(line, &mut in_order), read);
                assert_eq!(in_order.finish(), general);
                checked_in_order += 1;
            }
            assert_eq!(
                facts.finish(),
                general,
                "{:?} of {columns:?}",
                String::from_utf8_lossy(line)
            );
        }
        assert!(
            checked_in_order > 4000,
            "{checked_in_order} rows read in order"
        );
    }
}
