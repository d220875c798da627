//! `refuge serve`, `refuge user add`, `refuge user reset-second-factor` and
//! `refuge token new`, through the built binary as an administrator scripts
//! a set-up.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;

mod common;
use common::{Run, refuge, refuge_with_input};
#[path = "common/workspace.rs"]
mod workspace;
use workspace::{add_ana_as_admin, data_dir, new_token_for_ana, serve, serve_with};

/// One HTTP/1.1 request; the status line and the whole response.
fn http(addr: &str, request: &str) -> String {
    let mut s = TcpStream::connect(addr).expect("the server accepts connections");
    s.write_all(request.as_bytes()).unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn the_first_start_prints_a_one_time_setup_link_and_no_default_password() {
    let data = data_dir("first-start");
    let server = serve(&data);
    let all = server.lines.concat();
    let link = all
        .lines()
        .find(|l| l.contains("/setup?token=setup_"))
        .expect("a setup link");
    assert!(
        link.trim()
            .starts_with(&format!("http://{}/setup?token=", server.addr))
    );
    assert!(
        data.join("refuge.db").exists(),
        "the SQLite database is created in the data directory"
    );
    let path = link.trim().split(&server.addr).nth(1).unwrap();
    let page = http(
        &server.addr,
        &format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
    );
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(page.contains("Create the administrator"));
}

#[test]
fn a_scripted_setup_adds_users_and_tokens_that_the_api_accepts() {
    let data = data_dir("scripted");
    let d = data.to_str().unwrap();
    add_ana_as_admin(d);
    let Run {
        code, stderr: err, ..
    } = refuge_with_input(
        &["user", "add", "ana", "--role", "staff", "--data", d],
        "a long password\n",
    );
    assert_eq!(code, 2);
    assert!(err.contains("taken"), "{err}");
    let Run {
        code, stderr: err, ..
    } = refuge_with_input(
        &["user", "add", "bob", "--role", "staff", "--data", d],
        "short\n",
    );
    assert_eq!(code, 2);
    assert!(err.contains("at least 10 characters"), "{err}");
    let Run {
        code, stderr: err, ..
    } = refuge_with_input(
        &["user", "add", "bob", "--role", "boss", "--data", d],
        "a long password\n",
    );
    assert_eq!(code, 2);
    assert!(err.contains("admin, attorney or staff"), "{err}");
    let Run {
        code, stderr: err, ..
    } = refuge(&["token", "new", "nobody", "--data", d]);
    assert_eq!(code, 2);
    assert!(err.contains("no user is named"), "{err}");
    // An administrator who lost their phone and their recovery codes.
    let Run {
        code, stderr: err, ..
    } = refuge(&["user", "reset-second-factor", "nobody", "--data", d]);
    assert_eq!(code, 2);
    assert!(err.contains("no user is named"), "{err}");
    let Run {
        code, stderr: err, ..
    } = refuge(&["user", "reset-second-factor", "ana", "--data", d]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("second factor of ana is removed"), "{err}");
    let token = new_token_for_ana(d);
    assert!(token.starts_with("rfg_"));

    let server = serve(&data);
    assert!(
        !server.lines.concat().contains("/setup?token="),
        "an administrator exists: no setup link"
    );
    let ok = http(
        &server.addr,
        &format!(
            "GET /api/v1/cases HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n"
        ),
    );
    assert!(ok.starts_with("HTTP/1.1 200"), "{ok}");
    let refused = http(
        &server.addr,
        "GET /api/v1/cases HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer rfg_nope\r\nConnection: close\r\n\r\n",
    );
    assert!(refused.starts_with("HTTP/1.1 401"), "{refused}");
}

/// Issue 15, medium 7: the data directory and the database files are the
/// owner's alone (0700 and 0600), whatever the umask.
#[cfg(unix)]
#[test]
fn the_database_is_readable_by_its_owner_alone() {
    use std::os::unix::fs::PermissionsExt;
    let data = data_dir("private");
    let d = data.to_str().unwrap();
    add_ana_as_admin(d);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700, "the data directory");
    for name in ["refuge.db", "refuge.db-wal", "refuge.db-shm"] {
        let f = data.join(name);
        if f.exists() {
            assert_eq!(mode(&f), 0o600, "{name}");
        }
    }
    assert!(data.join("refuge.db").exists());
}

#[test]
fn a_client_that_sends_nothing_is_disconnected_and_cannot_hold_a_place_for_long() {
    use std::time::{Duration, Instant};
    let data = data_dir("idle-client");
    // One place only: the silent client takes it, and the next waits for it.
    let server = serve_with(&data, &["--max-connections", "1", "--header-timeout", "1"]);
    let started = Instant::now();
    let mut silent = TcpStream::connect(&server.addr).unwrap();
    let page = http(
        &server.addr,
        "GET /static/icon.svg HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    );
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(900),
        "the second client was served after {waited:?}, while the only place was held"
    );
    // The silent client was disconnected: its read ends instead of blocking.
    silent
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut rest = Vec::new();
    let read = silent.read_to_end(&mut rest);
    assert!(
        read.is_ok(),
        "the silent connection is still open: {read:?}"
    );
}

#[test]
fn a_request_whose_body_never_comes_is_answered_request_timeout() {
    let data = data_dir("slow-body");
    let server = serve_with(&data, &["--request-timeout", "1"]);
    let mut s = TcpStream::connect(&server.addr).unwrap();
    s.set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    s.write_all(b"POST /login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\nConnection: close\r\n\r\nuser=")
        .unwrap();
    let mut page = String::new();
    let _ = s.read_to_string(&mut page);
    assert!(page.starts_with("HTTP/1.1 408"), "{page}");
}

#[test]
fn a_stopped_server_does_not_wait_for_a_client_that_sends_nothing() {
    use std::time::{Duration, Instant};
    let data = data_dir("stop-silent");
    let mut server = serve(&data);
    let _silent = TcpStream::connect(&server.addr).unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    let sent = std::process::Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let status = server.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "stopping took {:?}",
        started.elapsed()
    );
}
