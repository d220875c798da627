//! The storage story, told once and run on SQLite always and on PostgreSQL
//! when `REFUGE_TEST_POSTGRES_URL` names a server (`.ci/run` starts one); and
//! the migrations of both backends kept in step.

use refuge_web::Role;
use refuge_web::crypt::{Key, Keyring};
use refuge_web::domain::AuditAction::{self, *};
use refuge_web::store::{
    Audit, By, CaseFilter, Db, DeadlineFilter, NewDeadline, UserChange, Version,
};

/// An empty first version of a case's facts.
fn first() -> Version<'static> {
    Version {
        facts: "{}",
        search_text: "",
        changes: "[]",
        deadlines: &[],
        stamp: None,
    }
}

/// The migrations, in order (the same names on both backends).
const MIGRATIONS: [&str; 14] = [
    "workspace",
    "open deadlines",
    "overdue deadlines",
    "note versions",
    "tasks",
    "search text and time zone",
    "second factor",
    "encryption at rest",
    "application",
    "interview practice",
    "uploads",
    "law changes",
    "client intake",
    "user language",
];

/// The key the storage tests' SQLite databases are encrypted with, so that
/// a test can open its database again.
fn key() -> Keyring {
    Keyring::new(Key::from_bytes([7; 32]))
}

/// A new SQLite database in `dir` (or the one already there).
async fn sqlite_in(dir: &tempfile::TempDir) -> Db {
    Db::connect(
        &format!("sqlite://{}?mode=rwc", dir.path().join("r.db").display()),
        key(),
    )
    .await
    .unwrap()
}

/// An audit row of no one (the story is about storage, not who acts).
fn did(action: AuditAction) -> Audit<'static> {
    Audit::new(By::Nobody, None, action, "")
}

/// Users, cases, versions, deadlines, notes, members, tokens, sessions and the
/// audit log, as a day at a legal-aid office uses them.
async fn story(db: &Db) {
    assert_eq!(db.applied_migrations().await.unwrap(), MIGRATIONS);
    assert_eq!(db.admin_count().await.unwrap(), 0);
    let ana = db
        .add_user("ana", "hash", Role::Attorney, &did(PermissionUserAdd))
        .await
        .unwrap();
    let bob = db
        .add_user("bob", "hash", Role::Staff, &did(PermissionUserAdd))
        .await
        .unwrap();
    let root = db
        .add_user("root", "hash", Role::Admin, &did(PermissionUserAdd))
        .await
        .unwrap();
    assert!(
        db.add_user("ana", "hash", Role::Staff, &did(PermissionUserAdd))
            .await
            .is_err(),
        "names are unique"
    );
    assert_eq!(db.admin_count().await.unwrap(), 1);
    assert_eq!(db.user_by_name("ana").await.unwrap().unwrap().1, "hash");

    let case = db
        .create_case(&ana, None, "Rosa Núñez", &first(), &did(CaseCreate))
        .await
        .unwrap();
    let year = &refuge_web::store::now()[..4];
    assert_eq!(case.number, format!("{year}-0001"));
    let logged = db.audit_log(None, 1000).await.unwrap().len();
    assert!(
        db.create_case(
            &ana,
            Some(&case.number),
            "Other",
            &first(),
            &did(CaseCreate)
        )
        .await
        .is_err(),
        "numbers are unique"
    );
    assert_eq!(
        db.audit_log(None, 1000).await.unwrap().len(),
        logged,
        "a refused change writes no audit row: both commit, or neither"
    );
    assert_eq!(
        db.audit_log(Some(CaseCreate), 1).await.unwrap()[0].detail,
        format!("case {} opened", case.number),
        "the case's opening is audited with its number"
    );
    assert!(
        db.case_for(&bob, &case.id).await.unwrap().is_none(),
        "not assigned: not visible"
    );
    assert!(
        db.case_for(&root, &case.id).await.unwrap().is_some(),
        "admins see every case"
    );

    let deadlines = [
        NewDeadline {
            id: "asylum.one_year",
            label: "One-year deadline",
            date: "2027-06-01".into(),
            status: "upcoming",
            kind: "last_day",
        },
        NewDeadline {
            id: "ead.earliest",
            label: "EAD",
            date: "2026-01-01".into(),
            status: "met",
            kind: "first_day",
        },
        // A last day passed with nothing done is overdue, and still open;
        // a first day passed is open to act on, not a date to chase.
        NewDeadline {
            id: "asylum.annual_fee.2026",
            label: "Annual fee",
            date: "2026-03-04".into(),
            status: "passed",
            kind: "last_day",
        },
        NewDeadline {
            id: "ead.earliest_grant",
            label: "EAD grant",
            date: "2025-06-01".into(),
            status: "passed",
            kind: "first_day",
        },
    ];
    let v = db
        .save_facts(
            &ana,
            &case.id,
            1,
            &Version {
                facts: r#"{"a":1}"#,
                search_text: "",
                changes: "[]",
                deadlines: &deadlines,
                stamp: None,
            },
            &did(FactsChange),
        )
        .await
        .unwrap();
    assert_eq!(v, 2);
    assert!(
        db.save_facts(&ana, &case.id, 1, &first(), &did(FactsChange))
            .await
            .is_err(),
        "a stale version is refused"
    );
    let case = db.case_for(&ana, &case.id).await.unwrap().unwrap();
    assert_eq!(
        (
            case.version,
            case.facts.as_str(),
            case.next_deadline.as_deref()
        ),
        (2, r#"{"a":1}"#, Some("2026-03-04"))
    );
    let history = db.facts_history(&case.id).await.unwrap();
    assert_eq!(
        history.iter().map(|h| h.version).collect::<Vec<_>>(),
        [2, 1]
    );
    assert_eq!(history[0].changed_by, "ana");

    let search = |s: &str| CaseFilter {
        search: Some(s.into()),
        ..Default::default()
    };
    assert_eq!(db.cases_for(&ana, &search("rosa")).await.unwrap().len(), 1);
    assert_eq!(db.cases_for(&ana, &search("zzz")).await.unwrap().len(), 0);
    let due = |d: &str| CaseFilter {
        due_by: Some(d.into()),
        ..Default::default()
    };
    assert_eq!(
        db.cases_for(&ana, &due("2026-03-03")).await.unwrap().len(),
        0
    );
    assert_eq!(
        db.cases_for(&ana, &due("2026-03-04")).await.unwrap().len(),
        1,
        "an overdue last day is the case's next deadline"
    );

    db.add_member(&case.id, &bob.id, &did(PermissionAssign))
        .await
        .unwrap();
    db.add_member(&case.id, &bob.id, &did(PermissionAssign))
        .await
        .unwrap();
    assert_eq!(db.members(&case.id).await.unwrap().len(), 2);
    assert_eq!(
        db.deadlines_for(&bob, &DeadlineFilter::default())
            .await
            .unwrap()
            .len(),
        4
    );
    let open = DeadlineFilter {
        open_only: true,
        ..Default::default()
    };
    assert_eq!(
        db.deadlines_for(&bob, &open)
            .await
            .unwrap()
            .iter()
            .map(|d| d.deadline_id.as_str())
            .collect::<Vec<_>>(),
        ["asylum.annual_fee.2026", "asylum.one_year"],
        "open: the overdue last day and the upcoming one, not a met date or an open first day"
    );
    let second = DeadlineFilter {
        limit: 1,
        offset: 1,
        ..Default::default()
    };
    assert_eq!(
        db.deadlines_for(&bob, &second).await.unwrap()[0].deadline_id,
        "ead.earliest",
        "paged, soonest first"
    );
    db.remove_member(&case.id, &bob.id, &did(PermissionUnassign))
        .await
        .unwrap();
    assert!(
        db.deadlines_for(&bob, &DeadlineFilter::default())
            .await
            .unwrap()
            .is_empty()
    );

    db.add_note(&case.id, &ana, "Interpreter: Spanish", "k1", &did(NoteAdd))
        .await
        .unwrap();
    assert_eq!(
        db.notes(&case.id).await.unwrap()[0].body,
        "Interpreter: Spanish"
    );

    db.set_archived(&case.id, true, &did(CaseArchive))
        .await
        .unwrap();
    assert!(
        db.cases_for(&ana, &CaseFilter::default())
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        db.cases_for(
            &ana,
            &CaseFilter {
                archived: true,
                ..Default::default()
            }
        )
        .await
        .unwrap()
        .len(),
        1
    );
    assert!(
        db.deadlines_for(&ana, &DeadlineFilter::default())
            .await
            .unwrap()
            .is_empty(),
        "archived cases leave the dashboard"
    );

    db.add_session("s1", &ana.id, "c1", "2999-01-01T00:00:00Z")
        .await
        .unwrap();
    assert_eq!(db.session("s1").await.unwrap().unwrap().csrf, "c1");
    assert_eq!(db.session("s1").await.unwrap().unwrap().time_zone, None);
    db.set_time_zone(&ana.id, Some("America/Chicago"), &did(SettingsTimeZone))
        .await
        .unwrap();
    assert_eq!(
        db.session("s1")
            .await
            .unwrap()
            .unwrap()
            .time_zone
            .as_deref(),
        Some("America/Chicago"),
        "a session reads its user's time zone"
    );
    let off = UserChange {
        active: Some(false),
        ..Default::default()
    };
    db.change_user(&ana.id, &off, &[did(PermissionActive)])
        .await
        .unwrap();
    assert!(
        db.session("s1").await.unwrap().is_none(),
        "deactivating ends sessions"
    );
    let on = UserChange {
        active: Some(true),
        ..Default::default()
    };
    db.change_user(&ana.id, &on, &[did(PermissionActive)])
        .await
        .unwrap();
    let promoted = UserChange {
        role: Some(Role::Attorney),
        ..Default::default()
    };
    db.change_user(&bob.id, &promoted, &[did(PermissionRole)])
        .await
        .unwrap();
    assert_eq!(
        db.user_by_id(&bob.id).await.unwrap().unwrap().role,
        Role::Attorney
    );

    let tid = db
        .add_api_token(&bob.id, "script", "t1", &did(PermissionToken))
        .await
        .unwrap();
    assert_eq!(db.api_token_user("t1").await.unwrap().unwrap().name, "bob");
    assert!(
        db.revoke_api_token(&bob.id, &tid, &did(PermissionToken))
            .await
            .unwrap()
    );
    assert!(db.api_token_user("t1").await.unwrap().is_none());
    db.set_calendar_token(&bob.id, Some("cal1"), &did(PermissionCalendar))
        .await
        .unwrap();
    assert!(db.has_calendar_token(&bob.id).await.unwrap());
    assert_eq!(
        db.calendar_token_user("cal1").await.unwrap().unwrap().name,
        "bob"
    );

    db.audit(&Audit::new(By::User(&ana), Some("127.0.0.1"), CaseView, "viewed").on(&case.id))
        .await
        .unwrap();
    db.audit(&Audit::new(By::Nobody, None, SignInFailed, "failed"))
        .await
        .unwrap();
    let log = db.audit_log(None, 2).await.unwrap();
    assert_eq!(
        log.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["sign_in.failed", "case.view"]
    );
    assert_eq!(log[1].ip.as_deref(), Some("127.0.0.1"));
    assert!(
        db.try_tamper_with_audit_log().await.is_err(),
        "the audit log is append-only"
    );
}

#[tokio::test]
async fn the_storage_story_holds_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite_in(&dir).await;
    story(&db).await;
    // Opening again migrates nothing twice.
    let again = sqlite_in(&dir).await;
    assert_eq!(again.applied_migrations().await.unwrap(), MIGRATIONS);
}

#[tokio::test]
async fn the_storage_story_holds_on_postgresql() {
    match crate::postgres_db().await {
        Some((db, _dropped_at_the_end)) => story(&db).await,
        None => crate::skipped("the storage story on PostgreSQL"),
    }
}

/// The tables with their columns, and the indexes with theirs, that a migration file creates, in order.
fn schema(sql: &str) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for line in sql.lines().map(str::trim) {
        if let Some(rest) = line.strip_prefix("CREATE INDEX ") {
            let cols = rest.split(['(', ')']).nth(1).unwrap_or_default();
            out.push((
                format!("index {}", rest.split_whitespace().next().unwrap()),
                cols.split(", ").map(str::to_string).collect(),
            ));
        } else if let Some(rest) = line.strip_prefix("ALTER TABLE ") {
            let words: Vec<&str> = rest.split_whitespace().collect();
            if let [table, "ADD", "COLUMN", column, ..] = words.as_slice() {
                out.push((format!("alter {table}"), vec![column.to_string()]));
            }
        } else if let Some(rest) = line.strip_prefix("CREATE TABLE ") {
            out.push((
                rest.split_whitespace().next().unwrap().to_string(),
                Vec::new(),
            ));
        } else if let Some((_, cols)) = out.last_mut()
            && let Some(word) = line.split_whitespace().next()
            && word.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            && !line.starts_with(')')
        {
            cols.push(word.to_string());
        }
    }
    out
}

#[test]
fn migrations_are_kept_in_step() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("migrations");
    let names = |backend: &str| {
        let mut v: Vec<String> = std::fs::read_dir(root.join(backend))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        names("sqlite"),
        names("postgres"),
        "the same migration files on both backends"
    );
    for name in names("sqlite") {
        let read = |b: &str| std::fs::read_to_string(root.join(b).join(&name)).unwrap();
        let (lite, pg) = (schema(&read("sqlite")), schema(&read("postgres")));
        assert!(
            !lite.is_empty(),
            "{name} creates nothing this test can read"
        );
        assert_eq!(lite, pg, "{name}: the same tables, indexes and columns");
    }
}

/// Issue 15, high 3: cases opened at the same moment all open, each with a
/// number of its own (SQLite's lock is taken at the start of a write; a
/// number taken meanwhile on PostgreSQL is retried).
async fn concurrent_creation(db: &Db) {
    let ana = db
        .add_user("ana", "hash", Role::Attorney, &did(PermissionUserAdd))
        .await
        .unwrap();
    const N: usize = 64;
    // All at once: each waits until every creator is ready.
    let start = std::sync::Arc::new(tokio::sync::Barrier::new(N));
    let creators: Vec<_> = (0..N)
        .map(|i| {
            let (db, ana, start) = (db.clone(), ana.clone(), start.clone());
            tokio::spawn(async move {
                start.wait().await;
                db.create_case(
                    &ana,
                    None,
                    &format!("Client {i}"),
                    &first(),
                    &did(CaseCreate),
                )
                .await
            })
        })
        .collect();
    let mut numbers = Vec::new();
    for c in creators {
        numbers.push(c.await.unwrap().expect("every creation succeeds").number);
    }
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), N, "every number unique");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn cases_opened_at_once_all_open_with_numbers_of_their_own() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite_in(&dir).await;
    concurrent_creation(&db).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn cases_opened_at_once_all_open_on_postgresql() {
    match crate::postgres_db().await {
        Some((db, _dropped_at_the_end)) => concurrent_creation(&db).await,
        None => crate::skipped("concurrent case creation on PostgreSQL"),
    }
}

/// Issue 15, medium 6: once a revocation has committed, the token is
/// refused at once, even when lookups were reading it at that moment (a
/// lookup that read the database before the revocation must not cache it).
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_token_revoked_while_it_is_being_read_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite_in(&dir).await;
    let bob = db
        .add_user("bob", "hash", Role::Staff, &did(PermissionUserAdd))
        .await
        .unwrap();
    for round in 0..20 {
        let hash = format!("t{round}");
        let tid = db
            .add_api_token(&bob.id, "script", &hash, &did(PermissionToken))
            .await
            .unwrap();
        let readers: Vec<_> = (0..8)
            .map(|_| {
                let (db, hash) = (db.clone(), hash.clone());
                tokio::spawn(async move {
                    for _ in 0..20 {
                        let _ = db.api_token_user(&hash).await;
                    }
                })
            })
            .collect();
        assert!(
            db.revoke_api_token(&bob.id, &tid, &did(PermissionToken))
                .await
                .unwrap()
        );
        assert!(
            db.api_token_user(&hash).await.unwrap().is_none(),
            "round {round}: refused once revoked"
        );
        for r in readers {
            r.await.unwrap();
        }
        assert!(
            db.api_token_user(&hash).await.unwrap().is_none(),
            "round {round}: and after every read"
        );
    }
}

/// Issue 22: cases stored before the search read the facts' free text
/// (migration 0006) get theirs when the server starts, and are found.
#[tokio::test]
async fn cases_made_before_the_search_read_their_facts_are_found_after_a_start() {
    use sqlx::Connection;
    let dir = tempfile::tempdir().unwrap();
    let db = sqlite_in(&dir).await;
    let ana = db
        .add_user("ana", "hash", Role::Attorney, &did(PermissionUserAdd))
        .await
        .unwrap();
    let facts = r#"{"harms":[{"id":"h1","narrative":"Burned the Bakery"}]}"#;
    let case = db
        .create_case(
            &ana,
            None,
            "Rosa",
            &Version { facts, ..first() },
            &did(CaseCreate),
        )
        .await
        .unwrap();
    let mut raw =
        sqlx::SqliteConnection::connect(&format!("sqlite://{}", dir.path().join("r.db").display()))
            .await
            .unwrap();
    sqlx::query("UPDATE cases SET search_text = NULL")
        .execute(&mut raw)
        .await
        .unwrap();
    let search = CaseFilter {
        search: Some("bakery".into()),
        ..Default::default()
    };
    assert!(db.cases_for(&ana, &search).await.unwrap().is_empty());
    refuge_web::cases::service::fill_search_text(&db)
        .await
        .unwrap();
    let found = db.cases_for(&ana, &search).await.unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].id, case.id);
    assert!(db.cases_without_search_text(10).await.unwrap().is_empty());
}
