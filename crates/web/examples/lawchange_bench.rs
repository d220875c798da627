//! Re-assessing a caseload when the law changes (issue 23: 10,000 cases in
//! at most 10 s on 2 cores, the case page's p99 at most 50 ms meanwhile).
//!
//! The whole application (`refuge_web::app`) on a fresh SQLite database in
//! this process: the cases of FACTS (JSON Lines, one facts document a line:
//! `refuge screen --generate N --output-format jsonl`) opened as if assessed
//! under the previous law (2026.11: their stamps made under it), then the
//! server's background pass under the present law, timed, while two clients
//! ask for random case pages as fast as they are answered; prints the pass's
//! time and summary and the pages' latencies.
//!
//! `cargo run --release -p refuge-web --example lawchange_bench -- FACTS`
//! (`bench/lawchange.sh` makes FACTS and runs it).

use std::time::{Duration, Instant};

use axum::body::Body;
use axum::http::{Request, header};
use http_body_util::BodyExt;
use refuge_engine::change::{History, Stamp};
use refuge_engine::{Case, Detail, assess_with};
use refuge_web::domain::AuditAction;
use refuge_web::store::{Audit, By, Db, NewDeadline, Stamped, Version};
use refuge_web::{AppState, Role, app, secret};
use tower::ServiceExt;

// The allocator the `refuge` binary (and so `refuge serve`) ships with.
#[path = "../../cli/src/alloc.rs"]
mod alloc;

#[global_allocator]
static ALLOCATOR: alloc::MiMalloc = alloc::MiMalloc;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: lawchange_bench FACTS.jsonl");
    let facts = std::fs::read_to_string(&path).expect("the facts file reads");
    let dir = tempfile::tempdir().expect("a temporary directory");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("r.db").display());
    let db = Db::connect(&url, refuge_web::crypt::Keyring::generate())
        .await
        .expect("a database");
    let mut state = AppState::new(db);
    state.today = Some(jiff::civil::date(2026, 12, 7));
    let audit = Audit::new(By::Nobody, None, AuditAction::UserAdd, "");
    let admin = state
        .db
        .add_user("bench", "not-a-hash", Role::Admin, &audit)
        .await
        .expect("a user");
    let old = History::embedded().law("2026.11").expect("2026.11 is kept");

    let t0 = Instant::now();
    let mut ids = Vec::new();
    for line in facts.lines().filter(|l| !l.trim().is_empty()) {
        let case =
            Case::from_json(line, jiff::civil::date(2026, 12, 7)).expect("generated facts read");
        let a = assess_with(&case, old, Detail::Outcomes);
        let stamp = serde_json::to_string(&Stamp::of(&a, old)).expect("a stamp");
        let deadlines: Vec<NewDeadline> = refuge_web::cases::service::deadlines(&a);
        let version = Version {
            facts: line,
            search_text: "",
            changes: "[]",
            deadlines: &deadlines,
            stamp: Some(Stamped {
                law: old.version(),
                rules: refuge_engine::RULES_VERSION,
                json: &stamp,
            }),
        };
        let audit = Audit::new(By::User(&admin), None, AuditAction::CaseCreate, "");
        let c = state
            .db
            .create_case(&admin, None, "Bench client", &version, &audit)
            .await
            .expect("a case");
        ids.push(c.id.to_string());
    }
    eprintln!(
        "{} cases opened under law 2026.11 in {:.1} s",
        ids.len(),
        t0.elapsed().as_secs_f64()
    );

    let session = secret::new_secret("session");
    state
        .db
        .add_session(
            &secret::hash_secret(&session),
            &admin.id,
            "csrf",
            "2999-01-01T00:00:00Z",
        )
        .await
        .expect("a session");
    let cookie = format!("{}={session}", refuge_web::http::session::SESSION_COOKIE);

    let start = Instant::now();
    let pass = tokio::spawn({
        let state = state.clone();
        async move { refuge_web::lawchange::run::in_background(&state).await }
    });
    let mut clients = Vec::new();
    for k in 0..2u64 {
        let (state, ids, cookie) = (state.clone(), ids.clone(), cookie.clone());
        let pass_done = state.reassessment.clone();
        clients.push(tokio::spawn(async move {
            // Built once, as `refuge serve` builds it.
            let router = app(state.clone());
            let mut lat = Vec::new();
            let mut seed = 0x9e37_79b9_7f4a_7c15u64 ^ k;
            // Until the pass has begun and then ended.
            let begun = Instant::now();
            loop {
                let running = pass_done.running.load(std::sync::atomic::Ordering::Relaxed);
                if !running && begun.elapsed() > Duration::from_millis(200) {
                    break;
                }
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let id = &ids[(seed % ids.len() as u64) as usize];
                let req = Request::get(format!("/cases/{id}"))
                    .header(header::COOKIE, &cookie)
                    .body(Body::empty())
                    .expect("a request");
                let t = Instant::now();
                let res = router.clone().oneshot(req).await.expect("an answer");
                assert_eq!(res.status().as_u16(), 200);
                let _ = res.into_body().collect().await;
                lat.push(t.elapsed());
            }
            lat
        }));
    }
    let summary = pass
        .await
        .expect("the pass ends")
        .expect("the pass succeeds");
    let took = start.elapsed();
    let mut lat: Vec<Duration> = Vec::new();
    for c in clients {
        lat.extend(c.await.expect("a client ends"));
    }
    lat.sort();
    let pct =
        |p: f64| lat[((lat.len() as f64 * p) as usize).min(lat.len() - 1)].as_secs_f64() * 1000.0;
    println!(
        "re-assessed {} cases ({} changed, {} refused) in {:.2} s (target 10 s)",
        summary.reassessed,
        summary.changed,
        summary.refused,
        took.as_secs_f64()
    );
    for (what, n) in &summary.causes {
        println!("  cause {what}: {n} cases");
    }
    println!(
        "case page during the pass: {} requests, p50 {:.1} ms, p99 {:.1} ms (target 50 ms), max {:.1} ms",
        lat.len(),
        pct(0.5),
        pct(0.99),
        pct(1.0)
    );
}
