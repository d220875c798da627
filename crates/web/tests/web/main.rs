//! The case workspace over HTTP: every route through `tower::ServiceExt::oneshot`
//! on a fresh migrated SQLite database each, and the storage story on SQLite
//! (always) and PostgreSQL (when `REFUGE_TEST_POSTGRES_URL` names a server).

/// A test run on SQLite, and on PostgreSQL too when `REFUGE_TEST_POSTGRES_URL`
/// names a server (a visible skip otherwise; a failure under
/// `REFUGE_TEST_POSTGRES=required`): each gets a fresh database of its own.
/// The body sees `t: &TestApp`.
macro_rules! both {
    ($(#[$attr:meta])* async fn $name:ident($t:ident) $body:block) => {
        $(#[$attr])*
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            async fn run($t: &crate::TestApp) $body

            #[tokio::test]
            async fn on_sqlite() {
                run(&crate::TestApp::new().await).await
            }

            #[tokio::test]
            async fn on_postgresql() {
                match crate::TestApp::postgres().await {
                    Some(t) => run(&t).await,
                    None => crate::skipped(concat!(stringify!($name), " on PostgreSQL")),
                }
            }
        }
    };
}

mod api;
mod application;
mod authz;
mod documents;
mod encryption;
mod intake;
mod interview;
mod language;
mod lawchange;
mod pages;
mod printouts;
mod second_factor;
mod storage;
mod uploads;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use jiff::civil::{Date, date};
use refuge_web::crypt::Keyring;
use refuge_web::store::{CaseRow, Db, User};
use refuge_web::{AppState, Role, app, secret};
use tower::ServiceExt;

/// The date the tests stand on.
pub const TODAY: Date = date(2026, 11, 27);
/// The moment the tests stand on (noon of [`TODAY`], UTC), for the second factor's codes.
pub fn now() -> jiff::Timestamp {
    "2026-11-27T12:00:00Z".parse().unwrap()
}

/// A fresh workspace on its own SQLite file.
pub struct TestApp {
    pub state: AppState,
    _dir: tempfile::TempDir,
    /// The PostgreSQL database made for this test, dropped with it.
    _pg: Option<PgDatabase>,
    /// The database's URL.
    pub url: String,
    /// The file of the key its narratives are encrypted with.
    pub key_file: std::path::PathBuf,
}

/// A response, read whole.
pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Reply {
    pub fn location(&self) -> &str {
        self.headers
            .get(header::LOCATION)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
    }
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

/// A signed-in user: the session cookie and its CSRF token, and an API token.
pub struct Login {
    pub user: User,
    pub cookie: String,
    pub csrf: String,
    pub token: String,
}

impl TestApp {
    pub async fn new() -> TestApp {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let url = format!(
            "sqlite://{}?mode=rwc",
            dir.path().join("refuge.db").display()
        );
        let (keys, key_file) = key_in(&dir);
        let db = Db::connect(&url, keys)
            .await
            .expect("a fresh SQLite database migrates");
        let mut state = AppState::new(db);
        state.today = Some(TODAY);
        state.now = Some(now());
        TestApp {
            state,
            _dir: dir,
            _pg: None,
            url,
            key_file,
        }
    }

    /// The options that name this workspace's database and key file, as
    /// the command line gives them.
    pub fn store_args(&self) -> refuge_web::StoreArgs {
        refuge_web::StoreArgs {
            data: self._dir.path().to_path_buf(),
            database: Some(self.url.clone()),
            key_file: Some(self.key_file.clone()),
        }
    }

    /// A fresh workspace on a new PostgreSQL database ([`postgres_db`]), or `None` without a server.
    pub async fn postgres() -> Option<TestApp> {
        let dir = tempfile::tempdir().unwrap();
        let (keys, key_file) = key_in(&dir);
        let (db, pg) = postgres_db_with(keys).await?;
        let mut state = AppState::new(db);
        state.today = Some(TODAY);
        state.now = Some(now());
        Some(TestApp {
            state,
            _dir: dir,
            url: pg.url(),
            _pg: Some(pg),
            key_file,
        })
    }

    pub fn db(&self) -> &Db {
        &self.state.db
    }

    pub async fn send(&self, req: Request<Body>) -> Reply {
        let res = app(self.state.clone())
            .oneshot(req)
            .await
            .expect("the router answers");
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = res.into_body().collect().await.expect("a body").to_bytes();
        Reply {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        }
    }

    pub async fn get(&self, path: &str, who: Option<&Login>) -> Reply {
        let mut req = Request::get(path);
        if let Some(l) = who {
            req = req.header(header::COOKIE, &l.cookie);
        }
        self.send(req.body(Body::empty()).unwrap()).await
    }

    /// Posts a form as `who`, with their CSRF token added.
    pub async fn post(&self, path: &str, who: &Login, fields: &[(&str, &str)]) -> Reply {
        let mut all = vec![("csrf", who.csrf.as_str())];
        all.extend_from_slice(fields);
        let r = self
            .post_raw(
                path,
                Some(&who.cookie),
                &serde_urlencoded::to_string(&all).unwrap(),
            )
            .await;
        // A refused form redirects to its page, what was typed kept as a
        // draft: follow it, as a browser does, to the page that shows why.
        if r.status == StatusCode::SEE_OTHER && r.location().contains("draft=") {
            return self.get(r.location(), Some(who)).await;
        }
        r
    }

    pub async fn post_raw(&self, path: &str, cookie: Option<&str>, body: &str) -> Reply {
        let mut req =
            Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
        if let Some(c) = cookie {
            req = req.header(header::COOKIE, c);
        }
        self.send(req.body(Body::from(body.to_string())).unwrap())
            .await
    }

    pub async fn api(
        &self,
        method: &str,
        path: &str,
        token: Option<&str>,
        body: Option<&str>,
    ) -> Reply {
        let mut req = Request::builder()
            .method(method)
            .uri(path)
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(t) = token {
            req = req.header(header::AUTHORIZATION, format!("Bearer {t}"));
        }
        self.send(
            req.body(Body::from(body.unwrap_or("").to_string()))
                .unwrap(),
        )
        .await
    }

    /// A user with a session and an API token, made directly in the database
    /// (signing in through the form is tested on its own; hashing a password
    /// per user would only slow the tests).
    pub async fn login(&self, name: &str, role: Role) -> Login {
        let user = self
            .db()
            .add_user(name, "not-a-password-hash", role, &test_audit())
            .await
            .unwrap();
        self.session_for(user, "2999-01-01T00:00:00Z").await
    }

    pub async fn session_for(&self, user: User, expires: &str) -> Login {
        let session = secret::new_secret("session");
        let csrf = secret::new_secret("csrf");
        self.db()
            .add_session(&secret::hash_secret(&session), &user.id, &csrf, expires)
            .await
            .unwrap();
        let token = secret::new_secret("rfg");
        self.db()
            .add_api_token(
                &user.id,
                "tests",
                &secret::hash_secret(&token),
                &test_audit(),
            )
            .await
            .unwrap();
        Login {
            user,
            cookie: format!("{}={session}", refuge_web::http::session::SESSION_COOKIE),
            csrf,
            token,
        }
    }

    /// A case's facts document, as the API returns it.
    pub async fn facts(&self, who: &Login, case_id: &str) -> serde_json::Value {
        let path = format!("/api/v1/cases/{case_id}/facts");
        self.api("GET", &path, Some(&who.token), None).await.json()
    }

    /// Answers the interview question about `fact` (at position `skip`) of a
    /// case whose facts are at `version`, with these fields.
    pub async fn answer(
        &self,
        who: &Login,
        case_id: &str,
        version: i64,
        fact: &str,
        skip: usize,
        answers: &[(&str, &str)],
    ) -> Reply {
        let (version, skip) = (version.to_string(), skip.to_string());
        let mut fields = vec![
            ("version", version.as_str()),
            ("fact", fact),
            ("skip", skip.as_str()),
            ("action", "answer"),
        ];
        fields.extend_from_slice(answers);
        self.post(&format!("/cases/{case_id}/interview"), who, &fields)
            .await
    }

    /// A task on `case` through its form, by `who`, for `assignee` by `due`.
    pub async fn add_task(
        &self,
        who: &Login,
        case: &CaseRow,
        title: &str,
        due: &str,
        assignee: &User,
    ) -> Reply {
        let fields = [
            ("title", title),
            ("due", due),
            ("assignee", assignee.id.as_str()),
        ];
        self.post(&format!("/cases/{}/tasks", case.id), who, &fields)
            .await
    }

    /// A case opened by `who` with these facts.
    pub async fn case(&self, who: &Login, name: &str, facts: &str) -> CaseRow {
        let body = serde_json::json!({"name": name, "facts": serde_json::from_str::<serde_json::Value>(facts).unwrap()});
        let r = self
            .api(
                "POST",
                "/api/v1/cases",
                Some(&who.token),
                Some(&body.to_string()),
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
        let id = r.json()["id"].as_str().unwrap().to_string();
        self.db()
            .case_for(&who.user, &refuge_web::domain::CaseId::new(id))
            .await
            .unwrap()
            .unwrap()
    }
}

/// A new, migrated database of its own on the PostgreSQL server named by
/// `REFUGE_TEST_POSTGRES_URL` (as `.ci/run` starts one), so that tests never
/// share state, and the guard that drops it; `None` (the caller says it
/// skipped) without that variable.
pub async fn postgres_db() -> Option<(Db, PgDatabase)> {
    postgres_db_with(Keyring::generate()).await
}

/// A new key, written into `dir` as `refuge.key`, and its keyring.
fn key_in(dir: &tempfile::TempDir) -> (Keyring, std::path::PathBuf) {
    let key = refuge_web::crypt::Key::generate();
    let file = dir.path().join("refuge.key");
    refuge_web::keys::write_key(&file, &key).unwrap();
    (Keyring::new(key), file)
}

/// [`postgres_db`], encrypted with `keys`.
pub async fn postgres_db_with(keys: Keyring) -> Option<(Db, PgDatabase)> {
    use sqlx::Connection;
    let base = std::env::var("REFUGE_TEST_POSTGRES_URL").ok()?;
    let name = format!("refuge_test_{}", secret::random_id());
    let mut admin = sqlx::PgConnection::connect(&base)
        .await
        .expect("the PostgreSQL server answers");
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .unwrap();
    let (server, _) = base
        .rsplit_once('/')
        .expect("REFUGE_TEST_POSTGRES_URL names a database");
    let db = Db::connect(&format!("{server}/{name}"), keys)
        .await
        .expect("migrations run on PostgreSQL");
    Some((db, PgDatabase { base, name }))
}

/// A test's own PostgreSQL database, dropped (its connections closed by
/// force) when the test ends, pass or fail.
pub struct PgDatabase {
    base: String,
    name: String,
}

impl PgDatabase {
    /// Its URL.
    pub fn url(&self) -> String {
        let (server, _) = self.base.rsplit_once('/').unwrap();
        format!("{server}/{}", self.name)
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let (base, name) = (self.base.clone(), self.name.clone());
        // On a thread of its own: a test's runtime cannot be blocked on from within.
        let dropped = std::thread::spawn(move || {
            use sqlx::Connection;
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            rt.block_on(async {
                let mut admin = sqlx::PgConnection::connect(&base).await.ok()?;
                sqlx::query(sqlx::AssertSqlSafe(format!(
                    "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                )))
                .execute(&mut admin)
                .await
                .ok()
            })
        })
        .join();
        if !matches!(dropped, Ok(Some(_))) {
            eprintln!("could not drop the test database {}", self.name);
        }
    }
}

/// The facts of a client who arrived on 2026-06-01 (one-year deadline 2027-06-01).
pub const ARRIVED: &str = r#"{"arrivals": [{"date": "2026-06-01"}]}"#;

/// Reports a test that could not run here: visibly on standard error (run
/// with `--nocapture` or see the summary line), and as a failure when
/// `REFUGE_TEST_POSTGRES=required` (as `.ci/run` sets), so that a count of
/// passes never claims a database test ran when it did not.
pub fn skipped(what: &str) {
    let message =
        format!("SKIPPED: {what}: set REFUGE_TEST_POSTGRES_URL (as .ci/run does) to run it");
    if std::env::var("REFUGE_TEST_POSTGRES").as_deref() == Ok("required") {
        panic!("{message}, and REFUGE_TEST_POSTGRES=required says it must run");
    }
    // Printed past the test harness's capture, so that it shows in the run's output.
    use std::io::Write;
    let _ = writeln!(std::io::stderr().lock(), "{message}");
}

/// The audit row of a change the tests' own set-up makes.
pub fn test_audit() -> refuge_web::store::Audit<'static> {
    refuge_web::store::Audit::new(
        refuge_web::store::By::Nobody,
        None,
        refuge_web::domain::AuditAction::UserAdd,
        "test set-up",
    )
}

/// A page in a language: each of `present` is on it, none of `absent`.
pub fn reads(body: &str, present: &[&str], absent: &[&str]) {
    for words in present {
        assert!(body.contains(words), "{words:?} not in {body}");
    }
    for words in absent {
        assert!(!body.contains(words), "{words:?} in {body}");
    }
}
