//! The end-to-end test in a real browser: headless Chromium (Debian's
//! `chromium`), driven by Playwright (`e2e/first_run.mjs`, `playwright-core`
//! from npm), against the whole application served on a loopback port with a
//! fresh SQLite database. The script's steps are listed at its top; every
//! page it visits is checked with axe-core (from npm too) and must break
//! neither an accessibility rule nor the Content-Security-Policy.
//!
//! Needs `node`, `/usr/bin/chromium` (or `CHROMIUM`) and `e2e/node_modules`:
//! `apt-get install -y chromium && npm ci --prefix e2e`. Without them the test
//! is skipped with a note, unless `REFUGE_E2E=1` (set by `.ci/run`), where it fails.

use std::io::Write;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use refuge_web::AppState;
use refuge_web::store::Db;

/// "Today" for the server: the assessment, the deadline statuses and the
/// calendar's reminders do not depend on the day the test runs. The script's
/// own dates assume it: a client who arrived 2024-03-04 has missed the
/// one-year deadline, and a task due 2026-07-01 is due in 16 days.
const TODAY: jiff::civil::Date = jiff::civil::date(2026, 6, 15);
/// The client's date of last arrival, typed into the new-case form.
const ARRIVAL: &str = "2025-12-26";
/// One year after ARRIVAL is Saturday 2026-12-26; Sunday 2026-12-27 follows
/// and Monday 2026-12-28 is no federal holiday (Christmas 2026 is a Friday),
/// so the last day to file is Monday 2026-12-28 (8 C.F.R. § 1.1(h)).
const ONE_YEAR_DEADLINE: &str = "2026-12-28";
/// The whole browser run takes about 25 seconds; this only stops a hung one.
const TIMEOUT: Duration = Duration::from_secs(180);

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// What the browser test needs and is missing, if anything.
fn missing(node_modules: &Path, chromium: &Path) -> Vec<String> {
    let mut missing = Vec::new();
    if !chromium.is_file() {
        missing.push(format!("Chromium at {}", chromium.display()));
    }
    if Command::new("node")
        .arg("--version")
        .output()
        .map(|o| !o.status.success())
        .unwrap_or(true)
    {
        missing.push("node on the PATH".to_string());
    }
    for package in ["playwright-core", "axe-core"] {
        if !node_modules.join(package).is_dir() {
            missing.push(format!("{package} in {}", node_modules.display()));
        }
    }
    missing
}

#[test]
fn an_office_sets_up_refuge_and_works_its_cases_in_chromium_without_an_accessibility_violation() {
    let root = workspace();
    let script = root.join("e2e/first_run.mjs");
    let chromium =
        PathBuf::from(std::env::var_os("CHROMIUM").unwrap_or_else(|| "/usr/bin/chromium".into()));
    let missing = missing(&root.join("e2e/node_modules"), &chromium);
    if !missing.is_empty() {
        let what = missing.join(", ");
        if std::env::var("REFUGE_E2E").is_ok_and(|v| v == "1") {
            panic!(
                "REFUGE_E2E=1 but the browser test cannot run: missing {what}. Install with `apt-get install -y chromium && npm ci --prefix e2e`."
            );
        }
        // Straight to the standard error, past the test harness's capture: a skip must be seen.
        let _ = writeln!(
            std::io::stderr(),
            "\n*** SKIPPED the end-to-end browser test: missing {what}.\n\
             *** Install with `apt-get install -y chromium && npm ci --prefix e2e` (REFUGE_E2E=1 makes this a failure).\n"
        );
        return;
    }

    let dir = tempfile::tempdir().expect("a temporary directory");
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let url = format!(
        "sqlite://{}?mode=rwc",
        dir.path().join("refuge.db").display()
    );
    let (addr, token) = rt.block_on(async {
        let db = Db::connect(&url, refuge_web::crypt::Keyring::generate())
            .await
            .expect("a fresh SQLite database");
        let mut state = AppState::new(db);
        state.today = Some(TODAY);
        let token = state
            .setup_token_if_needed()
            .await
            .expect("the setup token")
            .expect("a fresh database has no administrator, so a setup token");
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a loopback port");
        let addr = listener.local_addr().expect("the bound address");
        let app = refuge_web::app(state).into_make_service_with_connect_info::<SocketAddr>();
        tokio::spawn(async move { axum::serve(listener, app).await.expect("the server runs") });
        (addr, token)
    });
    let setup_link = format!("http://{addr}/setup?token={token}");

    let out_path = dir.path().join("e2e.out");
    let out = std::fs::File::create(&out_path).expect("the script's output file");
    let err = out.try_clone().expect("the script's output file");
    let started = Instant::now();
    let mut child = Command::new("node")
        .arg(&script)
        .args([&setup_link, ARRIVAL, ONE_YEAR_DEADLINE])
        .env("CHROMIUM", &chromium)
        .current_dir(&root)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .expect("node starts");
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for node") {
            break Some(status);
        }
        if started.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let output = std::fs::read_to_string(&out_path).unwrap_or_default();
    rt.shutdown_timeout(Duration::from_secs(1));
    match status {
        Some(s) if s.success() => println!(
            "{output}(browser run: {:.1} s)",
            started.elapsed().as_secs_f64()
        ),
        Some(s) => panic!("the browser test failed ({s}):\n{output}"),
        None => panic!("the browser test took longer than {TIMEOUT:?} and was stopped:\n{output}"),
    }
}
