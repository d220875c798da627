//! `refuge rescreen`: every case of the workspace re-assessed under this
//! binary's law and rules, as the server does at start (issue 23), with a
//! progress bar and a summary.

use std::io::IsTerminal;

use refuge_engine::change::History;
use refuge_engine::{Law, NOTICE, RULES_VERSION};
use refuge_web::lawchange::run::{self, Pass, Progress, Summary};

/// Re-assesses the cases of `store`'s database whose assessment is of
/// another law or rules version (or was never stamped); `dry_run` writes
/// nothing. Returns the summary in words.
pub async fn rescreen(
    store: &refuge_web::StoreArgs,
    dry_run: bool,
    today: jiff::civil::Date,
) -> anyhow::Result<String> {
    let db = store.open().await?;
    let pass = Pass {
        law: Law::embedded(),
        history: History::embedded(),
        today,
        batch: run::BATCH,
        dry_run,
        stop_after: None,
    };
    let bar = std::io::stderr().is_terminal().then(|| {
        let bar = indicatif::ProgressBar::new(0).with_style(
            indicatif::ProgressStyle::with_template(
                "{bar:30} {pos}/{len} cases  {elapsed_precise} (eta {eta})",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(10));
        bar
    });
    let start = std::time::Instant::now();
    let progress = Progress::default();
    let summary = run::run(&db, &pass, &progress, |p| {
        if let Some(bar) = &bar {
            use std::sync::atomic::Ordering::Relaxed;
            bar.set_length(p.total.load(Relaxed));
            bar.set_position(p.done.load(Relaxed));
        }
    })
    .await;
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    db.close().await;
    Ok(words(&summary?, pass.law, dry_run, start.elapsed()))
}

/// The summary printed at the end.
fn words(s: &Summary, law: &Law, dry_run: bool, took: std::time::Duration) -> String {
    let mut out = format!(
        "Re-assessed {} case{} under law {} (rules {RULES_VERSION}) in {:.1} s{}.\n",
        s.reassessed,
        if s.reassessed == 1 { "" } else { "s" },
        law.version(),
        took.as_secs_f64(),
        if dry_run {
            " (dry run: nothing was written)"
        } else {
            ""
        }
    );
    out.push_str(&format!(
        "Changed by the law: {} case{}{}\n",
        s.changed,
        if s.changed == 1 { "" } else { "s" },
        if s.changed > 0 && !dry_run {
            " (each with a change record; see /changes in the workspace)"
        } else {
            ""
        }
    ));
    for (title, counts) in [("What moved", &s.items), ("Why", &s.causes)] {
        if !counts.is_empty() {
            out.push_str(&format!("{title}:\n"));
            for (what, n) in counts {
                out.push_str(&format!(
                    "  {what}: {n} case{}\n",
                    if *n == 1 { "" } else { "s" }
                ));
            }
        }
    }
    if s.refused > 0 {
        out.push_str(&format!(
            "Facts the engine now refuses: {} case{} (their earlier assessment is kept; each case page names the error).\n",
            s.refused,
            if s.refused == 1 { "" } else { "s" }
        ));
    }
    out.push_str(&format!("{NOTICE}\n"));
    out
}
