//! Bulk screening: a whole caseload through the Refuge law engine, fast
//! (`refuge screen`).
//!
//! A caseload (CSV, one row per person, or JSON Lines, one facts document per
//! line) flows through two stages at once: this thread reads and cuts the
//! input into batches of whole rows; the workers (a rayon pool) each take a
//! batch, split its rows into cells, assess them and format the output
//! records into one buffer, and whichever finishes the batch whose turn it is
//! writes it (and the finished ones after it), so the records come out in
//! input order, one per row. A bounded number of batches is in flight, so
//! memory stays the same whatever the input's size. Bad rows are reported
//! and skipped. A summary goes to standard error at the end.
//!
//! # Architecture
//! - [`columns`]: the CSV columns and the mapping of a row to a facts document.
//! - [`input`]: reading batches; one raw row to a checked [`Case`](refuge_engine::Case).
//! - [`record`]: the screening columns of an assessment ([`Screened`]).
//! - [`summary`]: the closing table.
//! - [`generate`](mod@generate): synthetic caseloads (`--generate`).
//! - this file: the pipeline that ties them together ([`run`], driven by [`ScreenArgs`]).
//!
//! Invariant: this crate decides nothing about the law. Every outcome, date and
//! question comes from [`refuge_engine::screen_all_with`] (or [`refuge_engine::assess`]
//! with `--full`); this crate only moves rows in
//! and columns out.

pub mod columns;
pub mod compare;
pub mod error;
pub mod generate;
pub mod input;
pub mod record;
pub mod summary;

use std::collections::BTreeMap;
use std::io::{IsTerminal, Read, Write};
use std::ops::{ControlFlow, Range};
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, PoisonError};

use jiff::civil::Date;
use refuge_engine::{Case, Law, assess};

pub use error::{Place, RowError, ScreenError};
pub use input::InputFormat;
pub use record::Screened;
pub use summary::Summary;

use columns::{COLUMNS, COLUMNS_HELP, Col};
use input::{Batch, DEFAULT_BATCH_BYTES, Id, Reader, Spare};
use record::Digits;

/// The output's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// Comma-separated values with a header row.
    Csv,
    /// JSON Lines: one object per row.
    Jsonl,
}

/// `refuge screen`: a whole caseload through the engine.
#[derive(Debug, Clone, clap::Args)]
#[command(after_long_help = COLUMNS_HELP)]
pub struct ScreenArgs {
    /// The caseload: CSV or JSON Lines, told apart by the extension (.csv;
    /// .jsonl or .ndjson) or by --input-format; `-` reads standard input.
    #[arg(required_unless_present_any = ["generate", "print_holidays"])]
    pub input: Option<String>,
    /// Where to write the results (default: standard output).
    #[arg(short, long, value_name = "OUTPUT")]
    pub output: Option<PathBuf>,
    /// The input's format, when the extension does not say it.
    #[arg(long, value_enum)]
    pub input_format: Option<InputFormat>,
    /// The output's format (default: csv; jsonl when OUTPUT ends in .jsonl).
    #[arg(long, value_enum)]
    pub output_format: Option<OutputFormat>,
    /// Write the whole assessment (spec/output.md), as JSON Lines, with the
    /// row's id as first field, instead of the screening columns.
    #[arg(long)]
    pub full: bool,
    /// Write bad rows to this CSV file (line, column, problem) instead of
    /// standard error.
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,
    /// Stop at the first bad row (exit code 1).
    #[arg(long)]
    pub strict: bool,
    /// The date that stands in for `as_of` when a row gives none (default: today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = refuge_engine::facts::parse_date)]
    pub today: Option<Date>,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,
    /// Instead of screening, write N synthetic rows (CSV, or facts documents
    /// as JSON Lines with --output-format jsonl), for benchmarks and demos.
    #[arg(long, value_name = "N", conflicts_with_all = ["input", "print_holidays", "full", "rejects", "strict"])]
    pub generate: Option<u64>,
    /// The seed of --generate: the same seed gives the same rows.
    #[arg(long, value_name = "SEED")]
    pub seed: Option<u64>,
    /// How alike --generate's rows may be: `low`, as a docket comes (most
    /// rows share a pattern the engine's screening memo answers), or `high`,
    /// no two rows sharing one (each decided afresh: the slowest case).
    #[arg(long, value_enum)]
    pub diversity: Option<generate::Diversity>,
    /// Instead of screening, print the legal holidays (and their observed
    /// days) of the years FROM to TO, one date a line: the days the engine
    /// rolls a deadline past, besides weekends.
    #[arg(long, value_name = "FROM-TO", conflicts_with_all = ["input", "full", "rejects", "strict"])]
    pub print_holidays: Option<String>,
    /// Also screen each row under the earlier law version VERSION, kept in
    /// this binary (2026.11), and add two columns: what differs between the
    /// two (an outcome, a date or status, the annual fee, a warning) and the
    /// part of the law that moved it (a parameter's id, holidays, closings,
    /// warnings or countries). Empty for a row the change does not touch.
    #[arg(long, value_name = "VERSION", conflicts_with_all = ["generate", "print_holidays", "full"])]
    pub compare_law: Option<String>,
    /// Bytes of input per batch (memory use and parallel grain; for tests).
    #[arg(long, hide = true, default_value_t = DEFAULT_BATCH_BYTES)]
    pub batch_bytes: usize,
}

/// Runs `refuge screen`. `today` gives the date for rows without `as_of`
/// when `--today` is not given.
///
/// Returns the exit code: 0 when every row was assessed, 1 when some were
/// rejected.
///
/// # Errors
/// A [`ScreenError`] for a usage error (exit code 2): a bad flag, an
/// unreadable file, a bad CSV header.
pub fn run(
    args: &ScreenArgs,
    law: &Law,
    today: impl FnOnce() -> Date,
) -> Result<ExitCode, ScreenError> {
    let output_format = match (args.output_format, &args.output) {
        (Some(f), _) => f,
        (None, Some(p))
            if InputFormat::from_path(&p.to_string_lossy()) == Some(InputFormat::Jsonl) =>
        {
            OutputFormat::Jsonl
        }
        _ => OutputFormat::Csv,
    };
    if args.generate.is_none() && (args.seed.is_some() || args.diversity.is_some()) {
        return Err(ScreenError::Usage(
            "--seed and --diversity describe the rows of --generate N: give --generate".into(),
        ));
    }
    if let Some(years) = &args.print_holidays {
        let years = parse_years(years)?;
        let mut out = open_output(args.output.as_ref())?;
        print_holidays(years, law, &mut out).map_err(|e| output_error(args, e))?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(n) = args.generate {
        let mut out = open_output(args.output.as_ref())?;
        generate(
            n,
            args.seed.unwrap_or(1),
            args.diversity.unwrap_or_default(),
            output_format,
            &mut out,
        )
        .map_err(|e| output_error(args, e))?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.full && args.output_format == Some(OutputFormat::Csv) {
        return Err(ScreenError::Usage(
            "--full writes JSON Lines: it cannot go with --output-format csv".into(),
        ));
    }
    let path = args.input.clone().unwrap_or_else(|| "-".into());
    let input_format = args.input_format.or_else(|| InputFormat::from_path(&path)).ok_or_else(|| {
        ScreenError::Usage(format!(
            "cannot tell the format of {path} from its name: give --input-format csv or --input-format jsonl"
        ))
    })?;
    let (input, size): (Box<dyn Read + Send>, Option<u64>) = if path == "-" {
        (Box::new(std::io::stdin()), None)
    } else {
        let file = std::fs::File::open(&path).map_err(|source| ScreenError::Read {
            path: path.clone(),
            source,
        })?;
        let size = file.metadata().ok().map(|m| m.len());
        (Box::new(file), size)
    };
    let reader = Reader::new(input, input_format, args.batch_bytes)?;
    let mode = if args.full {
        Mode::Full
    } else {
        Mode::Columns(output_format)
    };
    let rejects = match &args.rejects {
        Some(p) => {
            let file = std::fs::File::create(p).map_err(|source| ScreenError::Write {
                path: p.display().to_string(),
                source,
            })?;
            let mut w = std::io::BufWriter::new(file);
            w.write_all(b"line,column,problem\n")
                .map_err(|source| ScreenError::Write {
                    path: p.display().to_string(),
                    source,
                })?;
            Rejects::File(w)
        }
        None => Rejects::Stderr,
    };
    let out = open_output(args.output.as_ref())?;
    let threads = args.threads.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| ScreenError::Usage(format!("cannot start {threads} worker threads: {e}")))?;
    let old_law = match &args.compare_law {
        Some(v) => {
            let history = refuge_engine::change::History::embedded();
            Some(history.law(v).ok_or_else(|| {
                ScreenError::Usage(format!(
                    "--compare-law {v}: no such law version is kept in this binary; kept: {}",
                    history.versions().collect::<Vec<_>>().join(", ")
                ))
            })?)
        }
        None => None,
    };
    let progress = Progress::new(size);
    let config = Config {
        compare: old_law.map(|old| {
            compare::Compare::new(
                old,
                law,
                Memos::new(
                    old,
                    pool.current_num_threads(),
                    MEMO_PATTERNS / pool.current_num_threads().max(1),
                ),
            )
        }),
        law,
        today: args.today.unwrap_or_else(today),
        mode,
        strict: args.strict,
        format: input_format,
        memos: Memos::new(
            law,
            pool.current_num_threads(),
            MEMO_PATTERNS / pool.current_num_threads().max(1),
        ),
    };
    let summary = screen(reader, &config, &pool, out, rejects, &progress);
    progress.finish();
    let summary = summary.map_err(|e| match e {
        Failure::Input(e) => e,
        Failure::Output(e) => output_error(args, e),
        Failure::Rejects(e) => ScreenError::Write {
            path: args
                .rejects
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default(),
            source: e,
        },
    })?;
    // Standard error may be closed (`2>&1 | head`): the summary is then lost, not a panic.
    let _ = write!(std::io::stderr().lock(), "{}", summary.render(law));
    Ok(if summary.rejected == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn output_error(args: &ScreenArgs, source: std::io::Error) -> ScreenError {
    let path = args
        .output
        .as_ref()
        .map_or("standard output".to_string(), |p| p.display().to_string());
    ScreenError::Write { path, source }
}

fn open_output(path: Option<&PathBuf>) -> Result<Box<dyn Write + Send>, ScreenError> {
    // A batch's records (about 64 KB) are larger, and go straight to the
    // file; smaller writes (the header, --generate's rows) are gathered.
    const BUFFER: usize = 32 << 10;
    Ok(match path {
        Some(p) => {
            let file = std::fs::File::create(p).map_err(|source| ScreenError::Write {
                path: p.display().to_string(),
                source,
            })?;
            Box::new(std::io::BufWriter::with_capacity(BUFFER, file))
        }
        None => Box::new(std::io::BufWriter::with_capacity(BUFFER, std::io::stdout())),
    })
}

/// What each row becomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The screening columns, in this format.
    Columns(OutputFormat),
    /// The whole assessment, as JSON Lines.
    Full,
}

/// Everything a row needs, shared by the workers.
pub struct Config<'a> {
    pub law: &'a Law,
    /// The date for rows without `as_of`.
    pub today: Date,
    pub mode: Mode,
    pub strict: bool,
    /// The input's format: whether a line is CSV or JSON.
    pub format: InputFormat,
    /// The workers' memos.
    pub memos: Memos<'a>,
    /// `--compare-law`: the earlier law each row is screened under too.
    pub compare: Option<compare::Compare<'a>>,
}

/// Where bad rows are reported.
enum Rejects {
    Stderr,
    File(std::io::BufWriter<std::fs::File>),
}

impl Rejects {
    fn report(&mut self, e: &RowError) -> std::io::Result<()> {
        match self {
            Rejects::Stderr => {
                // A closed standard error loses the report (the rows are still
                // counted and the exit code says so), and stops nothing.
                let _ = writeln!(std::io::stderr().lock(), "refuge screen: {e}");
                Ok(())
            }
            Rejects::File(w) => {
                let mut line = format!("{},", e.line).into_bytes();
                record::csv_field(&mut line, e.place.name());
                line.push(b',');
                record::csv_field(&mut line, &e.problem);
                line.push(b'\n');
                w.write_all(&line)
            }
        }
    }

    fn finish(&mut self) -> std::io::Result<()> {
        match self {
            Rejects::Stderr => Ok(()),
            Rejects::File(w) => w.flush(),
        }
    }
}

enum Failure {
    Input(ScreenError),
    Output(std::io::Error),
    Rejects(std::io::Error),
}

/// What a worker hands back for a batch.
pub struct Done {
    /// The output records of its rows, one after another.
    pub out: Vec<u8>,
    pub summary: Summary,
    /// Its bad rows, each with the length of `out` when it was met. With
    /// `--strict`, the batch stops at the first.
    pub rejected: Vec<(usize, RowError)>,
    /// Bytes of input consumed up to the end of the batch.
    pub end_byte: u64,
}

/// Screens a batch of rows, writing their records into `out` (emptied).
pub fn screen_batch(batch: &Batch, columns: &[Col], config: &Config, mut out: Vec<u8>) -> Done {
    out.clear();
    out.reserve(batch.len_bytes() + 1024);
    let mut done = Done {
        out,
        summary: Summary::new(config.law),
        rejected: Vec::new(),
        end_byte: batch.end_byte,
    };
    let mut stage = Stage::new();
    batch.for_each_row(config.format, |row| {
        done.summary.read += 1;
        match input::case(row, columns, config.today, stage.slot(config.today)) {
            Ok(id) => {
                stage.push(id);
                if stage.len() == STAGE {
                    stage.screen(config, &mut done);
                }
                ControlFlow::Continue(())
            }
            Err(e) => {
                // The rows before it are written first, so its place is kept.
                stage.screen(config, &mut done);
                done.summary.rejected += 1;
                done.rejected.push((done.out.len(), e));
                if config.strict {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            }
        }
    });
    stage.screen(config, &mut done);
    done
}

/// Rows read and not yet screened, at most [`STAGE`]: the engine screens
/// them together (see [`refuge_engine::screen_all_with`]).
struct Stage {
    /// The cases, filled in place row after row: the first as many as
    /// `id_at` are the staged rows'; the rest are spent.
    cases: Vec<Case>,
    /// Where each staged row's id is in `ids`.
    id_at: Vec<Range<usize>>,
    /// The rows' ids (the line number for a row without one), one after another.
    ids: String,
}

/// Each worker's memo of what the rules after the thresholds decided under
/// the run's law (`refuge_engine::memo`), kept from batch to batch: one a
/// worker thread, by the pool's thread index, so a lock is never waited on.
pub struct Memos<'law>(Vec<Mutex<refuge_engine::Memo<'law>>>);

impl<'law> Memos<'law> {
    pub fn new(law: &'law Law, workers: usize, patterns: usize) -> Memos<'law> {
        Memos(
            (0..workers.max(1))
                .map(|_| Mutex::new(refuge_engine::Memo::with_capacity(law, patterns)))
                .collect(),
        )
    }

    /// The memo of the worker running this (the first, off the pool).
    fn mine(&self) -> std::sync::MutexGuard<'_, refuge_engine::Memo<'law>> {
        let i = rayon::current_thread_index().unwrap_or(0) % self.0.len();
        self.0[i].lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The patterns all the workers' memos keep together (about 70 bytes each),
/// so that the memos' memory stays the same whatever the number of threads.
/// On 1,000,000 generated rows and 2 threads, 85% of rows were found in the
/// memo since the law engine's second edition (its removal history, dual
/// nationality and arrival facts make more patterns; 90% before); 131,072
/// and 262,144 patterns took the same time as 32,768.
const MEMO_PATTERNS: usize = 32768;

/// Rows screened together: enough that each part of the engine's code is
/// still in the processor's cache for the next row, few enough that their
/// data is too (on 200,000 rows, 32 and 64 took alike, 8 longer, and one row
/// at a time 15% longer).
const STAGE: usize = 32;

impl Stage {
    /// An empty stage, with room for [`STAGE`] rows (so that it does not
    /// grow, moving its cases, as the first are staged).
    fn new() -> Stage {
        Stage {
            cases: Vec::with_capacity(STAGE),
            id_at: Vec::with_capacity(STAGE),
            ids: String::with_capacity(STAGE * 16),
        }
    }

    fn len(&self) -> usize {
        self.id_at.len()
    }

    /// The case to fill with the next row.
    fn slot(&mut self, today: Date) -> &mut Case {
        let n = self.len();
        if self.cases.len() == n {
            self.cases.push(Case::empty(today));
        }
        &mut self.cases[n]
    }

    /// Stages the row whose case [`Stage::slot`] gave.
    fn push(&mut self, id: Id) {
        let start = self.ids.len();
        match id {
            Id::Text(t) => self.ids.push_str(t),
            Id::Line(n) => self.ids.push_str(Digits::new(n).as_str()),
        }
        self.id_at.push(start..self.ids.len());
    }

    /// Screens the staged rows, appends their records to `done` and empties the stage.
    fn screen(&mut self, config: &Config, done: &mut Done) {
        if self.id_at.is_empty() {
            return;
        }
        let out = &mut done.out;
        let staged = self.cases.iter().zip(&self.id_at);
        match config.mode {
            Mode::Full => {
                for (case, id) in staged {
                    let a = assess(case, config.law);
                    let id = &self.ids[id.clone()];
                    // `{"id":"…",` then the assessment's own fields.
                    out.extend_from_slice(b"{\"id\":");
                    let _ = serde_json::to_writer(&mut *out, id);
                    out.push(b',');
                    let json = refuge_engine::json::to_string(&a);
                    out.extend_from_slice(&json.as_bytes()[1..]);
                    out.push(b'\n');
                    done.summary
                        .add(&Screened::new(id, &a.screening()), config.law);
                }
            }
            Mode::Columns(format) => {
                let cases: Vec<&Case> = staged.map(|(c, _)| c).collect();
                let screenings = refuge_engine::screen_all_with(&cases, &mut config.memos.mine());
                let old = config.compare.as_ref().map(|c| {
                    (
                        c,
                        refuge_engine::screen_all_with(&cases, &mut c.memos.mine()),
                    )
                });
                for (i, (id, screening)) in self.id_at.iter().zip(&screenings).enumerate() {
                    let s = Screened::new(&self.ids[id.clone()], screening);
                    match format {
                        OutputFormat::Csv => s.write_csv(out),
                        OutputFormat::Jsonl => s.write_jsonl(out),
                    }
                    if let Some((c, old)) = &old {
                        let cells = c.cells(cases[i], &old[i], screening, config.law);
                        compare::append(out, format == OutputFormat::Csv, &cells);
                    }
                    done.summary.add(&s, config.law);
                }
            }
        }
        self.id_at.clear();
        self.ids.clear();
    }
}

/// The CSV header: the screening's columns, and `--compare-law`'s.
fn header(config: &Config) -> String {
    let mut h = record::csv_header();
    if config.compare.is_some() {
        h.pop();
        for c in compare::COLUMNS {
            h.push(',');
            h.push_str(c);
        }
        h.push('\n');
    }
    h
}

/// Batches in flight at most (read, and not yet written): memory stays
/// bounded, and the workers never wait for the reader.
const IN_FLIGHT: usize = 64;

/// The pipeline: this thread reads, cuts the input into batches and hands
/// each to the pool as it goes; the workers screen them, and whichever
/// finishes the batch next in input order writes it, and any after it that
/// are done (see [`Ordered`]). No thread is woken for each batch: the reader
/// waits only when [`IN_FLIGHT`] batches are out, and is woken once half of
/// them are written.
fn screen<R: Read + Send>(
    mut reader: Reader<R>,
    config: &Config,
    pool: &rayon::ThreadPool,
    mut out: Box<dyn Write + Send>,
    rejects: Rejects,
    progress: &Progress,
) -> Result<Summary, Failure> {
    let summary = Summary::new(config.law);
    if config.mode == Mode::Columns(OutputFormat::Csv)
        && !Delivery::write(&mut out, header(config).as_bytes())?
    {
        return Ok(summary);
    }
    let columns = reader.columns().to_vec();
    // Spent blocks of input, and spent buffers of output, to be filled again.
    let (blocks, outs) = (reader.spare(), Spare::default());
    let ordered = Ordered {
        queue: Mutex::new(Queue::default()),
        room: Condvar::new(),
        delivery: Mutex::new(Delivery {
            out,
            rejects,
            summary,
            progress,
            strict: config.strict,
            outs: &outs,
        }),
        stop: AtomicBool::new(false),
    };
    let read = pool.in_place_scope_fifo(|batches| -> Result<(), ScreenError> {
        let (ordered, columns, blocks, outs) = (&ordered, &columns, &blocks, &outs);
        let mut seq = 0;
        let mut emit = |batch: Batch| {
            if !ordered.take_room() {
                return ControlFlow::Break(());
            }
            let n = seq;
            seq += 1;
            batches.spawn_fifo(move |_| {
                if ordered.stopped() {
                    return;
                }
                // A panic stops the run and is raised again on this thread.
                let done = std::panic::catch_unwind(AssertUnwindSafe(|| {
                    screen_batch(&batch, columns, config, outs.take())
                }));
                batch.recycle(blocks);
                ordered.finish(n, done);
            });
            ControlFlow::Continue(())
        };
        while reader.read_block(&mut emit)?.is_continue() {}
        Ok(())
    });
    let queue = ordered
        .queue
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner);
    if let Some(panic) = queue.panic {
        std::panic::resume_unwind(panic);
    }
    let Delivery {
        mut out,
        mut rejects,
        summary,
        ..
    } = ordered
        .delivery
        .into_inner()
        .unwrap_or_else(PoisonError::into_inner);
    if let Some(failure) = queue.failure {
        return Err(failure);
    }
    read.map_err(Failure::Input)?;
    rejects.finish().map_err(Failure::Rejects)?;
    match out.flush() {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => return Err(Failure::Output(e)),
        _ => {}
    }
    Ok(summary)
}

/// The batches between reader and output: whichever worker finishes the
/// batch whose turn it is delivers it, and the done ones after it.
struct Ordered<'a> {
    queue: Mutex<Queue>,
    /// Signalled when the reader may go on (room for more batches, or a stop).
    room: Condvar,
    /// The output side, held by the worker delivering (a worker that finds it
    /// held leaves its batch in the queue, to the holder).
    delivery: Mutex<Delivery<'a>>,
    /// Set when the run stops early: the reader and the queued batches stop.
    stop: AtomicBool,
}

/// The screened batches waiting for their turn, and the run's state.
#[derive(Default)]
struct Queue {
    /// Batches read and not yet delivered.
    in_flight: usize,
    /// The number of the batch whose turn it is.
    next: u64,
    waiting: BTreeMap<u64, std::thread::Result<Done>>,
    /// Why the run stopped, if it failed; the first panic of a batch.
    failure: Option<Failure>,
    panic: Option<Box<dyn std::any::Any + Send>>,
}

/// Where screened batches go: bad rows to the rejects, counts to the
/// summary, records to the output.
struct Delivery<'a> {
    out: Box<dyn Write + Send>,
    rejects: Rejects,
    summary: Summary,
    progress: &'a Progress,
    strict: bool,
    outs: &'a Spare,
}

impl Ordered<'_> {
    fn lock(&self) -> std::sync::MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// Waits for room for one more batch in flight, and takes it; false
    /// once the run has stopped.
    fn take_room(&self) -> bool {
        let mut q = self.lock();
        while q.in_flight >= IN_FLIGHT && !self.stopped() {
            q = self.room.wait(q).unwrap_or_else(PoisonError::into_inner);
        }
        q.in_flight += 1;
        !self.stopped()
    }

    /// Stops the run (the reader, and the batches not yet begun).
    fn halt(&self, q: &mut Queue, failure: Option<Failure>) {
        self.stop.store(true, Ordering::Relaxed);
        if q.failure.is_none() {
            q.failure = failure;
        }
        self.room.notify_all();
    }

    /// Puts batch `n` in the queue, and delivers whatever is due unless
    /// another worker is delivering (which then delivers this one too).
    fn finish(&self, n: u64, done: std::thread::Result<Done>) {
        self.lock().waiting.insert(n, done);
        loop {
            let Ok(mut delivery) = self.delivery.try_lock() else {
                return;
            };
            loop {
                let due = {
                    let mut q = self.lock();
                    if self.stopped() {
                        // Nothing is written after the batch that stopped the run.
                        return;
                    }
                    let next = q.next;
                    let due = q.waiting.remove(&next);
                    if due.is_some() {
                        q.next += 1;
                        q.in_flight -= 1;
                        if q.in_flight == IN_FLIGHT / 2 {
                            self.room.notify_one();
                        }
                    }
                    due
                };
                let Some(due) = due else { break };
                // A panic, the batch's or the delivery's own, stops the run
                // and is raised again on the reading thread (caught here, the
                // delivery's lock is not poisoned, and nothing waits on it).
                let delivered = due.and_then(|done| {
                    std::panic::catch_unwind(AssertUnwindSafe(|| delivery.deliver(done)))
                });
                let delivered = match delivered {
                    Ok(delivered) => delivered,
                    Err(panic) => {
                        let mut q = self.lock();
                        q.panic.get_or_insert(panic);
                        self.halt(&mut q, None);
                        return;
                    }
                };
                match delivered {
                    Ok(true) => {}
                    Ok(false) => return self.halt(&mut self.lock(), None),
                    Err(failure) => return self.halt(&mut self.lock(), Some(failure)),
                }
            }
            drop(delivery);
            // A batch put in the queue while this worker held the delivery
            // was left to it: look again.
            let q = self.lock();
            if self.stopped() || !q.waiting.contains_key(&q.next) {
                return;
            }
        }
    }
}

impl Delivery<'_> {
    /// Writes `bytes`; false if the output was closed (`refuge screen … |
    /// head`): stop reading, but not an error.
    fn write(out: &mut Box<dyn Write + Send>, bytes: &[u8]) -> Result<bool, Failure> {
        match out.write_all(bytes) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
            Err(e) => Err(Failure::Output(e)),
        }
    }

    /// Hands a screened batch on, and says whether to go on: its bad rows to
    /// the rejects, its counts to the summary, its records to the output
    /// (with --strict, those before its first bad row, and then stop).
    fn deliver(&mut self, done: Done) -> Result<bool, Failure> {
        for (_, e) in &done.rejected {
            self.rejects.report(e).map_err(Failure::Rejects)?;
        }
        self.summary.merge(&done.summary);
        let stop_here = done.rejected.first().filter(|_| self.strict);
        let end = stop_here.map_or(done.out.len(), |&(at, _)| at);
        let go_on = Delivery::write(&mut self.out, &done.out[..end])? && stop_here.is_none();
        self.progress.update(self.summary.read, done.end_byte);
        self.outs.give(done.out);
        Ok(go_on)
    }
}

/// The progress bar: on a terminal only, by bytes of input when the size is
/// known, with the rows and rows per second.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    start: std::time::Instant,
}

impl Progress {
    fn new(size: Option<u64>) -> Progress {
        if !std::io::stderr().is_terminal() {
            return Progress {
                bar: None,
                start: std::time::Instant::now(),
            };
        }
        let bar = match size {
            Some(n) => indicatif::ProgressBar::new(n).with_style(
                indicatif::ProgressStyle::with_template(
                    "{bar:30} {percent:>3}%  {msg}  {elapsed_precise} (eta {eta})",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            ),
            None => indicatif::ProgressBar::new_spinner().with_style(
                indicatif::ProgressStyle::with_template("{spinner} {msg}  {elapsed_precise}")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
            ),
        };
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(10));
        Progress {
            bar: Some(bar),
            start: std::time::Instant::now(),
        }
    }

    fn update(&self, rows: u64, bytes: u64) {
        if let Some(bar) = &self.bar {
            let secs = self.start.elapsed().as_secs_f64().max(1e-3);
            bar.set_message(format!("{rows} rows, {:.0} rows/s", rows as f64 / secs));
            if bar.length().is_some() {
                bar.set_position(bytes);
            } else {
                bar.tick();
            }
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// Writes `n` synthetic rows (see [`generate`](mod@generate)).
///
/// # Errors
/// An IO error from `out`.
pub fn generate(
    n: u64,
    seed: u64,
    diversity: generate::Diversity,
    format: OutputFormat,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut rng = generate::Rng::new(seed);
    let mut line = Vec::with_capacity(512);
    if format == OutputFormat::Csv {
        let names: Vec<&str> = COLUMNS.iter().map(|c| c.1).collect();
        out.write_all((names.join(",") + "\n").as_bytes())?;
    }
    for i in 0..n {
        let mut facts = generate::case(&mut rng);
        if diversity == generate::Diversity::High {
            generate::diversify(&mut facts, i);
        }
        line.clear();
        match format {
            OutputFormat::Csv => {
                let cells =
                    columns::facts_to_cells(&facts).expect("a generated case fits a CSV row");
                record::csv_field(&mut line, &generate::id(i));
                for cell in &cells {
                    line.push(b',');
                    record::csv_field(&mut line, cell);
                }
            }
            OutputFormat::Jsonl => {
                serde_json::to_writer(&mut line, &facts).map_err(std::io::Error::other)?;
            }
        }
        line.push(b'\n');
        out.write_all(&line)?;
    }
    out.flush()
}

/// Reads `FROM-TO`, two years the law's calendar covers (1971 to 2200).
///
/// # Errors
/// A usage error naming the expected form.
pub fn parse_years(years: &str) -> Result<(i16, i16), ScreenError> {
    years
        .split_once('-')
        .and_then(|(a, b)| Some((a.trim().parse::<i16>().ok()?, b.trim().parse::<i16>().ok()?)))
        .filter(|(a, b)| a <= b && (1971..=2200).contains(a) && (1971..=2200).contains(b))
        .ok_or_else(|| {
            ScreenError::Usage(format!(
                "--print-holidays wants FROM-TO, two years from 1971 to 2200 (such as 1997-2040), not {years:?}"
            ))
        })
}

/// Writes the legal holidays and observed days of the years `from..=to`, one
/// ISO date a line: the days besides weekends that the engine rolls a
/// deadline past.
///
/// # Errors
/// An IO error from `out`.
pub fn print_holidays(
    (from, to): (i16, i16),
    law: &Law,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut last = None;
    for year in from..=to {
        let mut days: Vec<Date> = law.calendar().days_off_in(year).map(|d| d.date).collect();
        days.sort();
        for d in days {
            if last != Some(d) {
                writeln!(out, "{d}")?;
                last = Some(d);
            }
        }
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        args: ScreenArgs,
    }

    fn args(line: &[&str]) -> ScreenArgs {
        Cli::try_parse_from(std::iter::once("screen").chain(line.iter().copied()))
            .unwrap()
            .args
    }

    #[test]
    fn the_arguments_are_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
        assert_eq!(
            args(&["cases.csv", "-o", "out.csv", "--strict"])
                .input
                .as_deref(),
            Some("cases.csv")
        );
        assert!(
            Cli::try_parse_from(["screen"]).is_err(),
            "an input is required"
        );
        assert_eq!(args(&["--generate", "5"]).generate, Some(5));
    }

    #[test]
    fn the_holidays_of_2025_are_the_federal_calendar() {
        let mut out = Vec::new();
        print_holidays(parse_years("2025-2025").unwrap(), Law::embedded(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        // OPM's 2025 calendar, plus 2025-01-01 .. 2025-12-25; no observed days that year.
        let want = "2025-01-01\n2025-01-20\n2025-02-17\n2025-05-26\n2025-06-19\n2025-07-04\n\
                    2025-09-01\n2025-10-13\n2025-11-11\n2025-11-27\n2025-12-25\n";
        assert_eq!(text, want);
        assert!(parse_years("2040-2030").is_err());
        assert!(parse_years("1997").is_err());
    }
}
