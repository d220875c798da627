//! Running the built `refuge` binary, as a user or a script does: shared by
//! the command-line tests.

use std::io::Write;
use std::process::{Command, Stdio};

/// What a run of `refuge` gave.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `refuge` with `input` as its standard input.
pub fn refuge_with_input(args: &[&str], input: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_refuge"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("refuge runs");
    // A run refused before it reads its input (a bad argument) may have
    // exited already: its input was not needed, and is not an error here.
    match child.stdin.take().unwrap().write_all(input.as_bytes()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        written => written.expect("refuge reads its input"),
    }
    let out = child.wait_with_output().expect("refuge runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("utf-8 output"),
        stderr: String::from_utf8(out.stderr).expect("utf-8 errors"),
    }
}

/// Runs `refuge` with nothing on its standard input.
pub fn refuge(args: &[&str]) -> Run {
    refuge_with_input(args, "")
}
