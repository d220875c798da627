//! The workspace's data kept safe, through the built binary: `refuge backup`
//! and `refuge restore` (issue 15, protection 2), and what a `kill -9` of
//! `refuge serve` in the middle of a stream of writes leaves (protection 6).

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::SeqCst};
use std::time::{Duration, Instant};

use refuge_web::crypt::Keyring;
use refuge_web::domain::AuditAction;
use refuge_web::keys::read_key;
use refuge_web::store::{self, Audit, AuditFilter, By, CaseFilter, Db, Version};
use refuge_web::{Role, StoreArgs};

mod common;
use common::{Run, refuge};
#[path = "common/workspace.rs"]
mod workspace;
use workspace::{add_ana_as_admin, data_dir, serve};

/// The workspace whose data directory is `dir`, opened as the server opens it.
async fn open(dir: &Path) -> Db {
    let store = StoreArgs {
        data: dir.to_path_buf(),
        database: None,
        key_file: None,
    };
    store.open().await.expect("the database opens")
}

/// A new, empty folder for a test's files.
fn folder(test: &str) -> PathBuf {
    let d = data_dir(test);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// The names in a folder.
fn listing(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

/// `refuge` with these arguments, which must succeed.
fn ok(args: &[&str]) -> String {
    let Run { code, stderr, .. } = refuge(args);
    assert_eq!(code, 0, "refuge {args:?}: {stderr}");
    stderr
}

/// `refuge` with these arguments, which must fail as a usage error; its message.
fn refused(args: &[&str]) -> String {
    let Run { code, stderr, .. } = refuge(args);
    assert_eq!(code, 2, "refuge {args:?}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

/// What a workspace holds, as its users see it: each case (by id) with its
/// number and facts, its notes, and the audit log.
#[derive(Debug)]
struct Contents {
    cases: BTreeMap<String, (String, String)>,
    notes: BTreeMap<String, BTreeSet<(String, String)>>,
    /// (id, action, case, detail), oldest first.
    audit: Vec<(i64, String, Option<String>, String)>,
}

async fn contents(db: &Db) -> Contents {
    let (ana, _) = db.user_by_name("ana").await.unwrap().unwrap();
    let all = CaseFilter {
        limit: 1_000_000,
        ..Default::default()
    };
    let mut cases = BTreeMap::new();
    let mut notes = BTreeMap::new();
    for c in db.cases_for(&ana, &all).await.unwrap() {
        let n = db.notes(&c.id).await.unwrap();
        let n = n.into_iter().map(|n| (n.id, n.body)).collect();
        notes.insert(c.id.to_string(), n);
        cases.insert(c.id.to_string(), (c.number, c.facts));
    }
    let every = AuditFilter {
        limit: 1_000_000,
        ..Default::default()
    };
    let mut audit: Vec<_> = db
        .audit_entries(&every)
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.id, a.action, a.case_id, a.detail))
        .collect();
    audit.reverse();
    Contents {
        cases,
        notes,
        audit,
    }
}

/// Opens cases with a note each, as fast as it can, until `stop`; counts the
/// cases opened in `written`.
async fn write_until(dir: &Path, stop: &AtomicBool, written: &AtomicUsize) {
    let db = open(dir).await;
    let (ana, _) = db.user_by_name("ana").await.unwrap().unwrap();
    let first = Version {
        facts: r#"{"applicant":{"name":"A client"}}"#,
        search_text: "",
        changes: "[]",
        deadlines: &[],
        stamp: None,
    };
    while !stop.load(SeqCst) {
        let audit = Audit::new(By::User(&ana), None, AuditAction::CaseCreate, "opened");
        let case = db
            .create_case(&ana, None, "A client", &first, &audit)
            .await
            .unwrap();
        let audit = Audit::new(By::User(&ana), None, AuditAction::NoteAdd, "note");
        let key = refuge_web::secret::random_id();
        db.add_note(&case.id, &ana, "Called the client.", &key, &audit)
            .await
            .unwrap();
        written.fetch_add(1, SeqCst);
    }
}

#[test]
fn a_backup_taken_while_a_writer_is_active_restores_every_case_note_and_audit_row_committed_before_it()
 {
    let data = data_dir("backup-live");
    let restored = data_dir("backup-live-restored");
    let file = folder("backup-live-file").join("backup.db");
    refuge_web::block_on(async {
        let db = open(&data).await;
        let audit = Audit::new(By::Nobody, None, AuditAction::UserAdd, "ana");
        db.add_user("ana", "hash", Role::Admin, &audit)
            .await
            .unwrap();
    })
    .unwrap();
    let stop = AtomicBool::new(false);
    let written = AtomicUsize::new(0);
    let (before, during) = std::thread::scope(|s| {
        let writer = s.spawn(|| refuge_web::block_on(write_until(&data, &stop, &written)));
        let started = Instant::now();
        while written.load(SeqCst) < 300 && !writer.is_finished() {
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "the writer is too slow"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        // Everything read here was committed before the backup started.
        let before = refuge_web::block_on(async { contents(&open(&data).await).await }).unwrap();
        let at_start = written.load(SeqCst);
        ok(&[
            "backup",
            file.to_str().unwrap(),
            "--data",
            data.to_str().unwrap(),
        ]);
        let during = written.load(SeqCst) - at_start;
        stop.store(true, SeqCst);
        writer.join().unwrap().unwrap();
        (before, during)
    });
    assert!(during > 0, "the writer wrote while the backup ran");
    ok(&[
        "restore",
        file.to_str().unwrap(),
        "--data",
        restored.to_str().unwrap(),
    ]);
    // A backup holds no key: it is read with the key file, kept apart.
    let store = StoreArgs {
        data: restored.clone(),
        database: None,
        key_file: None,
    };
    let refused = refuge_web::block_on(async { store.open().await.err().map(|e| e.to_string()) })
        .unwrap()
        .expect("no key, no reading");
    assert!(refused.contains("there was no key file"), "{refused}");
    std::fs::copy(data.join("refuge.key"), restored.join("refuge.key")).unwrap();
    let after = refuge_web::block_on(async { contents(&open(&restored).await).await }).unwrap();
    for (id, case) in &before.cases {
        assert_eq!(after.cases.get(id), Some(case), "case {id} is restored");
        assert!(
            after.notes[id].is_superset(&before.notes[id]),
            "case {id}'s notes are restored"
        );
    }
    let last = before.audit.last().unwrap().0;
    let audit: Vec<_> = after
        .audit
        .iter()
        .filter(|a| a.0 <= last)
        .cloned()
        .collect();
    assert_eq!(
        audit, before.audit,
        "the audit log is restored, row for row"
    );
    eprintln!(
        "backup under a writer: {} cases committed before it, {} written while it ran",
        before.cases.len(),
        during
    );
}

/// A Refuge database with an administrator, ana, in a new data directory.
fn workspace(test: &str) -> PathBuf {
    let data = data_dir(test);
    add_ana_as_admin(data.to_str().unwrap());
    data
}

#[test]
fn restore_refuses_a_file_that_is_not_a_refuge_database_or_is_damaged_and_leaves_the_database_untouched()
 {
    let data = workspace("restore-refused");
    let d = data.to_str().unwrap();
    let files = folder("restore-refused-files");
    let good = files.join("good.db");
    ok(&["backup", good.to_str().unwrap(), "--data", d]);

    let text = files.join("notes.txt");
    std::fs::write(&text, "Not a database at all.\n").unwrap();
    let empty = files.join("empty.db");
    std::fs::write(&empty, "").unwrap();
    let other = files.join("other.db");
    let damaged = files.join("damaged.db");
    let mut bytes = std::fs::read(&good).unwrap();
    // Every page but the first (the schema's) overwritten.
    bytes[4096..].fill(0xa5);
    std::fs::write(&damaged, bytes).unwrap();
    let newer = files.join("newer.db");
    std::fs::copy(&good, &newer).unwrap();
    refuge_web::block_on(async {
        use sqlx::Connection;
        let options = sqlx::sqlite::SqliteConnectOptions::new()
            .filename(&other)
            .create_if_missing(true);
        let mut c = sqlx::SqliteConnection::connect_with(&options)
            .await
            .unwrap();
        sqlx::raw_sql("CREATE TABLE clients (name TEXT); INSERT INTO clients VALUES ('x');")
            .execute(&mut c)
            .await
            .unwrap();
        c.close().await.unwrap();
        let options = options.filename(&newer).create_if_missing(false);
        let mut c = sqlx::SqliteConnection::connect_with(&options)
            .await
            .unwrap();
        sqlx::raw_sql(
            "INSERT INTO _sqlx_migrations (version, description, success, checksum, execution_time)
             VALUES (999999, 'from the future', 1, x'00', 0);",
        )
        .execute(&mut c)
        .await
        .unwrap();
        c.close().await.unwrap();
    })
    .unwrap();

    let db = data.join("refuge.db");
    let original = std::fs::read(&db).unwrap();
    let names = listing(&data);
    for (file, why) in [
        (&text, "is not a SQLite database"),
        (&empty, "is not a Refuge database"),
        (&other, "is not a Refuge database"),
        (&damaged, "is damaged"),
        (&newer, "made by a newer version of Refuge"),
    ] {
        let f = file.to_str().unwrap();
        let err = refused(&["restore", f, "--data", d, "--force"]);
        assert!(
            err.contains(&format!("{f} cannot be restored: it")) && err.contains(why),
            "{f}: {err}"
        );
        assert_eq!(
            std::fs::read(&db).unwrap(),
            original,
            "{f}: the database is untouched"
        );
        assert_eq!(listing(&data), names, "{f}: nothing added or renamed");
    }
    let err = refused(&["restore", "no-such-backup.db", "--data", d, "--force"]);
    assert!(err.contains("cannot read no-such-backup.db"), "{err}");
    assert_eq!(listing(&data), names);
}

#[test]
fn restore_replaces_a_database_only_with_force_and_keeps_the_one_it_replaces() {
    let data = workspace("restore-keeps");
    let d = data.to_str().unwrap();
    let file = folder("restore-keeps-file").join("backup.db");
    let f = file.to_str().unwrap();
    ok(&["backup", f, "--data", d]);
    let Run { code, stderr, .. } = common::refuge_with_input(
        &["user", "add", "bob", "--role", "staff", "--data", d],
        "a long password\n",
    );
    assert_eq!(code, 0, "{stderr}");
    let db = data.join("refuge.db");
    let err = refused(&["restore", f, "--data", d]);
    assert!(
        err.contains("--force") && err.contains(&db.display().to_string()),
        "{err}"
    );

    let said = ok(&["restore", f, "--data", d, "--force"]);
    let kept: Vec<_> = listing(&data)
        .into_iter()
        .filter(|n| n.starts_with("refuge.db.before-restore-"))
        .filter(|n| !n.ends_with("-wal") && !n.ends_with("-shm"))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert!(said.contains(&kept[0]), "the kept file is named: {said}");
    for log in ["refuge.db-wal", "refuge.db-shm"] {
        assert!(
            !data.join(log).exists(),
            "the old database's {log} went with it, not to the restored one"
        );
    }
    refuge_web::block_on(async {
        let restored = open(&data).await;
        assert!(
            restored.user_by_name("bob").await.unwrap().is_none(),
            "the backup's users"
        );
        assert!(restored.user_by_name("ana").await.unwrap().is_some());
        let url = format!("sqlite://{}", data.join(&kept[0]).display());
        let keys = Keyring::new(read_key(&data.join("refuge.key")).unwrap().unwrap());
        let old = Db::connect(&url, keys).await.unwrap();
        assert!(
            old.user_by_name("bob").await.unwrap().is_some(),
            "the old database is kept whole"
        );
    })
    .unwrap();
}

#[test]
fn backup_refuses_to_overwrite_a_file_without_force() {
    let data = workspace("backup-force");
    let d = data.to_str().unwrap();
    let files = folder("backup-force-files");
    let file = files.join("backup.db");
    let f = file.to_str().unwrap();
    std::fs::write(&file, "keep me").unwrap();
    let err = refused(&["backup", f, "--data", d]);
    assert!(err.contains(f) && err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "keep me");
    assert_eq!(
        listing(&files),
        ["backup.db".to_string()].into(),
        "no partial file left"
    );

    ok(&["backup", f, "--data", d, "--force"]);
    assert_eq!(listing(&files), ["backup.db".to_string()].into());
    refuge_web::block_on(async {
        let migrations = store::check_sqlite(&file).await.unwrap();
        assert!(!migrations.is_empty(), "a Refuge database");
    })
    .unwrap();

    let err = refused(&[
        "backup",
        files.join("other.db").to_str().unwrap(),
        "--data",
        "no-such-dir",
    ]);
    assert!(
        err.contains("there is no database at no-such-dir/refuge.db"),
        "{err}"
    );
    assert!(!Path::new("no-such-dir").exists(), "nothing created");
}

#[cfg(unix)]
#[test]
fn a_backup_is_readable_by_its_owner_alone() {
    use std::os::unix::fs::PermissionsExt;
    let data = workspace("backup-private");
    let file = folder("backup-private-file").join("backup.db");
    ok(&[
        "backup",
        file.to_str().unwrap(),
        "--data",
        data.to_str().unwrap(),
    ]);
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn keys_rotate_reencrypts_the_workspace_says_what_it_did_and_keeps_the_old_key_its_owners_alone() {
    use std::os::unix::fs::PermissionsExt;
    let data = workspace("keys-rotate");
    let d = data.to_str().unwrap();
    refuge_web::block_on(async {
        let db = open(&data).await;
        let (ana, _) = db.user_by_name("ana").await.unwrap().unwrap();
        let first = Version {
            facts: r#"{"harms":[{"id":"h1","narrative":"Zanzibarite"}]}"#,
            search_text: "zanzibarite",
            changes: "[]",
            deadlines: &[],
            stamp: None,
        };
        let audit = Audit::new(By::User(&ana), None, AuditAction::CaseCreate, "");
        db.create_case(&ana, None, "A client", &first, &audit)
            .await
            .unwrap();
        db.close().await;
    })
    .unwrap();
    let before = read_key(&data.join("refuge.key")).unwrap().unwrap();
    let said = ok(&["keys", "rotate", "--data", d]);
    assert!(
        said.contains("cases.facts: 1 values, 1 re-encrypted from the old key"),
        "{said}"
    );
    let after = read_key(&data.join("refuge.key")).unwrap().unwrap();
    assert_ne!(after.id(), before.id());
    assert!(
        said.contains(after.id()) && said.contains(before.id()),
        "{said}"
    );
    let old: Vec<_> = listing(&data)
        .into_iter()
        .filter(|n| n.starts_with("refuge.key.old-"))
        .collect();
    assert_eq!(old.len(), 1, "{old:?}");
    for f in [old[0].as_str(), "refuge.key"] {
        let mode = std::fs::metadata(data.join(f))
            .unwrap()
            .permissions()
            .mode()
            & 0o777;
        assert_eq!(mode, 0o600, "{f}");
    }
    refuge_web::block_on(async {
        let db = open(&data).await;
        let found = db
            .cases_for(
                &db.user_by_name("ana").await.unwrap().unwrap().0,
                &CaseFilter {
                    search: Some("zanzibarite".into()),
                    ..Default::default()
                },
            )
            .await
            .unwrap();
        assert_eq!(found.len(), 1);
    })
    .unwrap();
    let Run { code, stdout, .. } = refuge(&["keys", "new"]);
    assert_eq!(code, 0);
    assert!(refuge_web::crypt::Key::parse(&stdout).is_ok(), "{stdout}");
}

#[test]
fn backup_and_restore_of_a_postgresql_database_point_to_its_own_tools() {
    let url = "postgres://refuge@localhost/refuge";
    let err = refused(&["backup", "b.db", "--database", url]);
    assert!(err.contains("pg_dump"), "{err}");
    let err = refused(&["restore", "b.db", "--database", url]);
    assert!(err.contains("pg_restore"), "{err}");
    assert!(!Path::new("b.db").exists());
}

// ---------------------------------------------------------------------------
// Crash consistency (issue 15, protection 6)

/// Writers, each on its own connection, creating cases through the API.
const WRITERS: usize = 4;

/// The server is killed once this many writes are acknowledged.
const KILL_AFTER: usize = 10_000;

/// `POST /api/v1/cases` on a kept-alive connection; the response's status,
/// once the whole response is read.
fn create_case(conn: &mut BufReader<TcpStream>, token: &str, number: &str) -> std::io::Result<u16> {
    use std::io::{Error, ErrorKind};
    let body = format!(r#"{{"name":"Client {number}","number":"{number}"}}"#);
    let request = format!(
        "POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    conn.get_mut().write_all(request.as_bytes())?;
    let mut line = String::new();
    let mut read_line = |line: &mut String| {
        line.clear();
        match conn.read_line(line)? {
            0 => Err(Error::from(ErrorKind::UnexpectedEof)),
            _ => Ok(()),
        }
    };
    read_line(&mut line)?;
    let status = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| Error::new(ErrorKind::InvalidData, line.clone()))?;
    let mut length = 0;
    loop {
        read_line(&mut line)?;
        let header = line.trim_end();
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    conn.read_exact(&mut body)?;
    Ok(status)
}

/// Creates cases `K{writer}-0`, `K{writer}-1`, … until the server is gone;
/// the numbers of those whose creation was acknowledged (201 received).
fn create_until_gone(addr: &str, token: &str, writer: usize, acked: &AtomicUsize) -> Vec<String> {
    let mut done = Vec::new();
    let Ok(stream) = TcpStream::connect(addr) else {
        return done;
    };
    let mut conn = BufReader::new(stream);
    for i in 0.. {
        let number = format!("K{writer}-{i}");
        match create_case(&mut conn, token, &number) {
            Ok(201) => {
                done.push(number);
                acked.fetch_add(1, SeqCst);
            }
            Ok(status) => panic!("creating case {number} answered {status}"),
            Err(_) => break,
        }
    }
    done
}

/// Issue 15, protection 6: `kill -9` of the server while writers stream
/// cases in. Every case whose creation was acknowledged is there afterwards,
/// with its audit row (every case there has one: they commit together), and
/// SQLite finds the database sound. The figures are printed.
#[test]
fn every_write_acknowledged_before_a_kill_9_of_the_server_is_there_afterwards_with_its_audit_row() {
    let data = workspace("crash");
    let d = data.to_str().unwrap();
    let Run {
        code,
        stdout: token,
        stderr,
    } = refuge(&["token", "new", "ana", "--data", d]);
    assert_eq!(code, 0, "{stderr}");
    let token = token.trim();
    let mut server = serve(&data);
    let addr = server.addr.clone();
    let acked = AtomicUsize::new(0);
    let started = Instant::now();
    let (numbers, when) = std::thread::scope(|s| {
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| {
                let (addr, acked) = (&addr, &acked);
                s.spawn(move || create_until_gone(addr, token, w, acked))
            })
            .collect();
        while acked.load(SeqCst) < KILL_AFTER {
            assert!(
                !writers.iter().any(|w| w.is_finished()),
                "a writer stopped before the kill"
            );
            assert!(started.elapsed() < Duration::from_secs(300), "too slow");
            std::thread::sleep(Duration::from_millis(1));
        }
        // SIGKILL: no shutdown, no last checkpoint.
        server.child.kill().unwrap();
        let when = (acked.load(SeqCst), started.elapsed());
        server.child.wait().unwrap();
        let numbers: Vec<String> = writers
            .into_iter()
            .flat_map(|w| w.join().unwrap())
            .collect();
        (numbers, when)
    });
    let db_file = data.join("refuge.db");
    refuge_web::block_on(async {
        store::check_sqlite(&db_file)
            .await
            .expect("the database is sound after the kill");
        let db = open(&data).await;
        let (ana, _) = db.user_by_name("ana").await.unwrap().unwrap();
        let all = CaseFilter {
            limit: 1_000_000,
            ..Default::default()
        };
        let cases: BTreeMap<String, String> = db
            .cases_for(&ana, &all)
            .await
            .unwrap()
            .into_iter()
            .map(|c| (c.number, c.id.to_string()))
            .collect();
        let opened = AuditFilter {
            action: Some(AuditAction::CaseCreate),
            limit: 1_000_000,
            ..Default::default()
        };
        let audited: Vec<String> = db
            .audit_entries(&opened)
            .await
            .unwrap()
            .into_iter()
            .filter_map(|a| a.case_id)
            .collect();
        let audited_once: BTreeSet<&String> = audited.iter().collect();
        assert_eq!(audited.len(), audited_once.len(), "one audit row a case");
        for number in &numbers {
            let id = cases
                .get(number)
                .unwrap_or_else(|| panic!("case {number} was acknowledged and is lost"));
            assert!(audited_once.contains(id), "case {number} has no audit row");
        }
        let stored: BTreeSet<&String> = cases.values().collect();
        assert_eq!(audited_once, stored, "every case stored has its audit row");
        eprintln!(
            "crash test: kill -9 after {} acknowledged writes in {:.1?} ({} writers); \
             {} acknowledged in all, {} cases stored, each with its audit row",
            when.0,
            when.1,
            WRITERS,
            numbers.len(),
            cases.len()
        );
    })
    .unwrap();
}
