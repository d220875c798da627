//! A workspace's data directory and its server, for the tests that run
//! `refuge serve` and its administration commands (included by those test
//! files alone).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use crate::common::{Run, refuge_with_input};

/// A new, empty data directory for `test` (under the tests' temporary folder).
pub fn data_dir(test: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("serve")
        .join(test);
    let _ = std::fs::remove_dir_all(&d);
    d
}

/// `refuge user add ana --role admin` in the data directory `d`, which must succeed.
pub fn add_ana_as_admin(d: &str) {
    let Run {
        code, stderr: err, ..
    } = refuge_with_input(
        &["user", "add", "ana", "--role", "admin", "--data", d],
        "a long password\n",
    );
    assert_eq!(code, 0, "{err}");
}

/// `refuge token new ana` in the data directory `d`, which must succeed: the token.
#[allow(dead_code)] // used by some of the including files only
pub fn new_token_for_ana(d: &str) -> String {
    let Run {
        code,
        stdout: token,
        stderr: err,
    } = crate::common::refuge(&["token", "new", "ana", "--data", d]);
    assert_eq!(code, 0, "{err}");
    token.trim().to_string()
}

/// A server on a free port; killed when dropped.
pub struct Server {
    pub child: Child,
    pub addr: String,
    /// What it printed on start-up.
    #[allow(dead_code)] // read by some of the including files only
    pub lines: Vec<String>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn serve(data: &Path) -> Server {
    serve_with(data, &[])
}

/// [`serve`] with more options.
pub fn serve_with(data: &Path, options: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_refuge"))
        .args(["serve", "--listen", "127.0.0.1:0", "--data"])
        .arg(data)
        .args(options)
        .env_remove("REFUGE_DATABASE_URL")
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("refuge serve starts");
    let mut lines = Vec::new();
    let mut addr = String::new();
    let mut err = BufReader::new(child.stderr.take().unwrap());
    // Read the start-up messages, up to and including the notice.
    for _ in 0..10 {
        let mut line = String::new();
        if err.read_line(&mut line).unwrap_or(0) == 0 {
            break;
        }
        if let Some(rest) = line.split("http://").nth(1)
            && addr.is_empty()
        {
            addr = rest.split('/').next().unwrap().to_string();
        }
        let done = line.contains("does not replace");
        lines.push(line);
        if done {
            break;
        }
    }
    assert!(!addr.is_empty(), "no address printed: {lines:?}");
    Server { child, addr, lines }
}
