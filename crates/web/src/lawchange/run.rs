//! The re-assessment of every case under a new law or rules version: in
//! batches, the engine's work on a thread a core below the requests'
//! priority (the next batch assessed while one is written), each few cases
//! written in one short transaction (stamps, change records, deadlines,
//! audit rows), so that pages stay quick meanwhile. The stamp is the progress marker: a
//! case whose stamp has the new versions is done, so a pass cut short (a
//! restart, a kill) resumes with the cases still to do, none twice.
//! The server runs it at start ([`start`]); `refuge rescreen` runs it from
//! the command line.

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

use jiff::civil::Date;
use refuge_engine::change::{Cause, History, Reassessed, Reassessor, Stamp};
use refuge_engine::{Law, RULES_VERSION};

use crate::cases::service::deadlines;
use crate::state::AppState;
use crate::store::{Db, DbError, NewChange, Restamp, Stamped, ToReassess};

/// Cases a batch re-assesses on the blocking pool at a time.
pub const BATCH: usize = 50;

/// Where a pass stands, for the admins' view (`/changes`) and the command
/// line's progress bar.
#[derive(Debug, Default)]
pub struct Progress {
    pub running: AtomicBool,
    /// Cases re-assessed by this pass.
    pub done: AtomicU64,
    /// Cases the pass found to do when it began.
    pub total: AtomicU64,
    /// Cases with a change record.
    pub changed: AtomicU64,
    /// Why the last pass stopped early, if it did (a database error).
    pub failed: Mutex<Option<String>>,
}

/// A pass: the law and rules to re-assess under, the day, and how.
pub struct Pass {
    pub law: &'static Law,
    pub history: &'static History,
    pub today: Date,
    pub batch: usize,
    /// Compute and count, write nothing.
    pub dry_run: bool,
    /// Stop after this many cases (a test's kill halfway).
    pub stop_after: Option<u64>,
}

/// What a pass did.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    /// Cases re-assessed (stamped).
    pub reassessed: u64,
    /// Cases given a change record.
    pub changed: u64,
    /// Cases whose facts the engine now refuses (their stamp is kept;
    /// the case page shows the error).
    pub refused: u64,
    /// How many cases each kind of item moved in (`relief asylum`,
    /// `deadline asylum.annual_fee`, `warning …`).
    pub items: BTreeMap<String, u64>,
    /// How many cases each cause moved (a parameter's id, `rules 1 → 2`, …).
    pub causes: BTreeMap<String, u64>,
}

/// Re-assesses every case whose stamp is missing or of other versions than
/// `pass`'s, in batches; `each_batch` is told after each.
///
/// The engine's work runs on [`workers`] threads of low priority, so that
/// the server's requests go first and the pass takes the processor time
/// they leave; while one batch is written, the next is assessed.
///
/// # Errors
/// A database error (the cases done so far stay done).
pub async fn run(
    db: &Db,
    pass: &Pass,
    progress: &Progress,
    mut each_batch: impl FnMut(&Progress),
) -> Result<Summary, DbError> {
    let (law, rules) = (pass.law.version(), RULES_VERSION);
    let (current, all) = db.reassessed_count(law, rules).await?;
    progress
        .total
        .store(all.saturating_sub(current) as u64, Ordering::Relaxed);
    progress.done.store(0, Ordering::Relaxed);
    progress.changed.store(0, Ordering::Relaxed);
    *progress.failed.lock().unwrap_or_else(|e| e.into_inner()) = None;
    progress.running.store(true, Ordering::Relaxed);
    let mut summary = Summary::default();
    let mut after = String::new();
    let mut fetched = 0u64;
    let mut reassessors: Vec<Reassessor<'static>> = (0..workers())
        .map(|_| Reassessor::new(pass.law, pass.history))
        .collect();
    // The batch being assessed while the one before is written.
    let mut assessing: Option<Assessing> = None;
    let outcome = loop {
        let left = pass
            .stop_after
            .map_or(pass.batch, |n| n.saturating_sub(fetched) as usize)
            .min(pass.batch);
        let batch = if left == 0 {
            Vec::new()
        } else {
            match db.cases_to_reassess(law, rules, &after, left as i64).await {
                Ok(b) => b,
                Err(e) => break Err(e),
            }
        };
        let done = match assessing.take() {
            Some(previous) => {
                let (rs, done) = previous.await.expect("a re-assessment does not panic");
                reassessors = rs;
                Some(done)
            }
            None => None,
        };
        if let Some(last) = batch.last() {
            after = last.id.to_string();
            fetched += batch.len() as u64;
            let rs = std::mem::take(&mut reassessors);
            assessing = Some(assess_batch(rs, batch, pass.today, true));
        }
        if let Some(done) = done {
            if let Err(e) = write_batch(db, pass, &done, &mut summary).await {
                break Err(e);
            }
            progress
                .done
                .store(summary.reassessed + summary.refused, Ordering::Relaxed);
            progress.changed.store(summary.changed, Ordering::Relaxed);
            each_batch(progress);
        }
        if assessing.is_none() {
            break Ok(());
        }
    };
    progress.running.store(false, Ordering::Relaxed);
    if let Err(e) = &outcome {
        *progress.failed.lock().unwrap_or_else(|e| e.into_inner()) = Some(e.to_string());
    }
    outcome.map(|()| summary)
}

/// A case re-assessed by a worker: the case, the stamp it had, and the
/// result with its texts to store.
struct Done {
    case: ToReassess,
    before: Option<Stamp>,
    result: Result<(Reassessed, Texts), refuge_engine::InputError>,
}

/// A batch on the workers; gives the reassessors back with the cases done.
type Assessing = tokio::task::JoinHandle<(Vec<Reassessor<'static>>, Vec<Done>)>;

/// How many threads the pass's engine work runs on: one a core (they
/// take only the time requests leave, [`below_requests`]).
fn workers() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// Re-assesses `batch` on the threads of `reassessors` (one each), off
/// the request threads; `background`: below the requests' priority. The
/// cases come back in their order.
fn assess_batch(
    mut reassessors: Vec<Reassessor<'static>>,
    batch: Vec<ToReassess>,
    today: Date,
    background: bool,
) -> Assessing {
    tokio::task::spawn_blocking(move || {
        let share = batch.len().div_ceil(reassessors.len().max(1)).max(1);
        let mut cases = batch.into_iter();
        let shares: Vec<Vec<ToReassess>> = reassessors
            .iter()
            .map(|_| cases.by_ref().take(share).collect())
            .collect();
        let done = std::thread::scope(|scope| {
            let threads: Vec<_> = reassessors
                .iter_mut()
                .zip(shares)
                .map(|(r, cases)| {
                    scope.spawn(move || {
                        if background {
                            below_requests();
                        }
                        cases
                            .into_iter()
                            .map(|case| {
                                let before = case
                                    .stamp
                                    .as_deref()
                                    .and_then(|s| serde_json::from_str::<Stamp>(s).ok());
                                let result =
                                    r.reassess(&case.facts, before.as_ref(), today).map(|re| {
                                        let t = texts(&re);
                                        (re, t)
                                    });
                                Done {
                                    case,
                                    before,
                                    result,
                                }
                            })
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            threads
                .into_iter()
                .flat_map(|t| t.join().expect("a re-assessment does not panic"))
                .collect()
        });
        (reassessors, done)
    })
}

/// Lowers the calling thread's processor priority (nice 10: a tenth of a
/// request thread's share of a busy core): the pass's workers run mostly in
/// the time the server's requests leave, so that a page is not slowed by
/// them, yet still advance on a machine busy with other work (Linux;
/// elsewhere nothing).
fn below_requests() {
    #[cfg(target_os = "linux")]
    // SAFETY: `setpriority` on this thread's own id changes its nice value
    // only (on Linux each thread has its own); no memory is touched. A
    // failure leaves the priority as it was, which is harmless.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, libc::gettid() as libc::id_t, 10);
    }
}

/// Writes a batch of cases done, counting them in `summary`.
async fn write_batch(
    db: &Db,
    pass: &Pass,
    done: &[Done],
    summary: &mut Summary,
) -> Result<(), DbError> {
    let (law, rules) = (pass.law.version(), RULES_VERSION);
    let mut writes = Vec::with_capacity(done.len());
    for d in done {
        let Ok((re, text)) = &d.result else {
            summary.refused += 1;
            continue;
        };
        summary.count(re);
        let before = d.before.as_ref();
        let dates_moved = before.is_none_or(|b| !same_stored_deadlines(b, &re.stamp));
        writes.push(Restamp {
            case_id: &d.case.id,
            facts_version: d.case.version,
            stamp: Stamped {
                law,
                rules,
                json: &text.stamp,
            },
            change: before.filter(|_| !re.moved.is_empty()).map(|b| NewChange {
                law_from: &b.law,
                rules_from: &b.rules,
                details: text.details.clone(),
                audit: audit_detail(b, pass.law, re),
            }),
            deadlines: dates_moved.then(|| deadlines(&re.assessment)),
        });
    }
    write(db, pass, &writes, law, rules).await
}

/// Whether the deadlines stored for a case (the dashboard's and the
/// calendars': each one's id, date, status and label) stay as they are: the
/// same dates and statuses, labelled by the same rules. A fee's amount is
/// not stored with its date.
fn same_stored_deadlines(before: &Stamp, after: &Stamp) -> bool {
    before.rules == after.rules
        && before.deadlines.len() == after.deadlines.len()
        && before
            .deadlines
            .iter()
            .zip(&after.deadlines)
            .all(|((i, a), (j, b))| i == j && a.date == b.date && a.status == b.status)
}

impl Summary {
    fn count(&mut self, re: &Reassessed) {
        self.reassessed += 1;
        if re.moved.is_empty() {
            return;
        }
        self.changed += 1;
        for m in &re.moved {
            *self
                .items
                .entry(format!("{} {}", m.kind.as_str(), m.id))
                .or_default() += 1;
        }
        let mut causes: Vec<String> = re
            .moved
            .iter()
            .flat_map(|m| &m.causes)
            .map(cause_key)
            .collect();
        causes.sort();
        causes.dedup();
        for c in causes {
            *self.causes.entry(c).or_default() += 1;
        }
    }
}

/// Before a save of `case`'s facts: if its stamp is of another law or
/// rules version, the re-assessment's work for it, on the facts it had, so
/// that what the new law moved is recorded before the save stamps the
/// case anew (the background pass may not have reached it yet).
///
/// # Errors
/// A database error.
pub async fn catch_up(state: &AppState, case: &crate::store::CaseRow) -> Result<(), DbError> {
    let Some(stamp) = state.db.stamp(&case.id).await? else {
        return Ok(());
    };
    if serde_json::from_str::<Stamp>(&stamp).is_ok_and(|s| s.is_current(state.law)) {
        return Ok(());
    }
    let pass = Pass {
        law: state.law,
        history: state.history,
        today: state.today(),
        batch: 1,
        dry_run: false,
        stop_after: None,
    };
    let one = ToReassess {
        id: case.id.clone(),
        version: case.version,
        facts: case.facts.clone(),
        stamp: Some(stamp),
    };
    let r = vec![Reassessor::new(state.law, state.history)];
    let (_, done) = assess_batch(r, vec![one], pass.today, false)
        .await
        .expect("a re-assessment does not panic");
    write_batch(&state.db, &pass, &done, &mut Summary::default()).await
}

/// Cases written in one transaction: the writer's turn is held briefly,
/// so that a page's audit row waits little behind it.
const WRITE_CHUNK: usize = 10;

/// Writes a batch's cases, [`WRITE_CHUNK`] to a transaction (nothing on a dry run).
async fn write(
    db: &Db,
    pass: &Pass,
    writes: &[Restamp<'_>],
    law: &str,
    rules: &str,
) -> Result<(), DbError> {
    if pass.dry_run {
        return Ok(());
    }
    for chunk in writes.chunks(WRITE_CHUNK) {
        db.write_restamps(chunk, law, rules).await?;
        tokio::task::yield_now().await;
    }
    Ok(())
}

/// The JSON texts of a re-assessed case: its stamp, and what moved.
struct Texts {
    stamp: String,
    details: String,
}

fn texts(re: &Reassessed) -> Texts {
    Texts {
        stamp: serde_json::to_string(&re.stamp).unwrap_or_default(),
        details: serde_json::to_string(&re.moved).unwrap_or_default(),
    }
}

/// A cause as the summary counts it.
fn cause_key(c: &Cause) -> String {
    match c {
        Cause::Parameter { id, .. } => format!("parameter {id}"),
        Cause::LawData { part, .. } => format!("law data: {part}"),
        Cause::Rules { from, to, .. } => format!("rules {from} → {to}"),
        Cause::Unattributed {
            law_from, law_to, ..
        } => format!("law data {law_from} → {law_to} (previous set not kept)"),
    }
}

/// The audit row of a change found: the versions and the items that moved,
/// never their values.
fn audit_detail(before: &Stamp, law: &Law, re: &Reassessed) -> String {
    let items: Vec<String> = re
        .moved
        .iter()
        .map(|m| format!("{} {}", m.kind.as_str(), m.id))
        .collect();
    format!(
        "re-assessed under law {} (rules {RULES_VERSION}), was law {} (rules {}): {}",
        law.version(),
        before.law,
        before.rules,
        items.join(", ")
    )
}

/// Starts the server's pass in the background when some case's stamp is
/// not of the server's law and rules (or is missing): admins follow it on
/// `/changes`. A failure is logged (without any case's data), and the next
/// start resumes.
pub fn start(state: &AppState) {
    let state = state.clone();
    tokio::spawn(async move {
        if let Err(e) = in_background(&state).await {
            tracing::error!(
                "the re-assessment under the new law stopped: {e}; it resumes at the next start"
            );
        }
    });
}

/// The server's pass, awaited (what [`start`] spawns).
///
/// # Errors
/// A database error.
pub async fn in_background(state: &AppState) -> Result<Summary, DbError> {
    let pass = Pass {
        law: state.law,
        history: state.history,
        today: state.today(),
        batch: BATCH,
        dry_run: false,
        stop_after: None,
    };
    let summary = run(&state.db, &pass, &state.reassessment, |_| {}).await?;
    if summary.reassessed + summary.refused > 0 {
        tracing::info!(
            reassessed = summary.reassessed,
            changed = summary.changed,
            refused = summary.refused,
            "cases re-assessed under law {} (rules {RULES_VERSION})",
            state.law.version()
        );
    }
    Ok(summary)
}
