//! The API against its own contract (issue 15, protection 5): schemathesis
//! (PyPI, pinned in `e2e/requirements-schemathesis.txt`) reads the OpenAPI
//! document that `refuge serve` serves, generates requests for every
//! operation from it (valid ones, and invalid ones the API must refuse), and
//! checks every response against it: no 5xx, and each status, content type,
//! header and body one the document declares for that operation.
//!
//! The server is the built binary on a fresh data directory, with an
//! administrator (`refuge user add`), an API token (`refuge token new`) and
//! two cases (one empty, one with the facts of `examples/social-group-open.json`,
//! which has deadlines), whose ids the case routes are called with nine times
//! in ten (otherwise with generated ids, which must answer 404).
//!
//! Needs schemathesis: `$SCHEMATHESIS`, else `e2e/.venv/bin/schemathesis`,
//! else `schemathesis` on the PATH (`python3 -m venv e2e/.venv &&
//! e2e/.venv/bin/pip install -r e2e/requirements-schemathesis.txt`). Without
//! it the test is skipped with a note, unless `REFUGE_SCHEMATHESIS=1` (set by
//! `.ci/run`), where it fails. `REFUGE_SCHEMATHESIS_EXAMPLES` sets the number
//! of examples per operation and phase (default 100); `REFUGE_SCHEMATHESIS_SEED`
//! repeats a run (each run prints its seed).

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod common;
#[path = "common/workspace.rs"]
mod workspace;
use workspace::{add_ana_as_admin, data_dir, new_token_for_ana, serve};

/// The checks every response must pass (schemathesis's names). Not
/// `positive_data_acceptance`: the facts document has rules no JSON Schema
/// states (an id defined once, a group defined before it is named, no past
/// date after `as_of`), so a document valid by the schema may be refused
/// with 422, as documented. Nor `object_level_authorization`, which needs a
/// second user's token: the authorization matrix (crates/web/tests/web/authz.rs)
/// covers it.
const CHECKS: &str = "not_a_server_error,status_code_conformance,content_type_conformance,\
response_headers_conformance,response_schema_conformance,negative_data_rejection,\
missing_required_header,unsupported_method,allow_header_conformance,use_after_free,\
ensure_resource_availability,ignored_auth";
/// A run takes about a minute in a debug build on 2 cores; this stops a hung one.
const TIMEOUT: Duration = Duration::from_secs(300);

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The schemathesis program to run, if one runs.
fn schemathesis(root: &Path) -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("SCHEMATHESIS").map(PathBuf::from),
        Some(root.join("e2e/.venv/bin/schemathesis")),
        Some(PathBuf::from("schemathesis")),
    ];
    candidates.into_iter().flatten().find(|p| {
        Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

/// One HTTP/1.1 request; the status and the body.
fn http(addr: &str, method: &str, path: &str, token: &str, body: &str) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("the server accepts connections");
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    let status = out[9..12].parse().expect("a status code");
    let body = out.split_once("\r\n\r\n").map_or("", |(_, b)| b);
    (status, body.to_string())
}

/// Opens a case through the API; its id.
fn open_case(addr: &str, token: &str, body: &str) -> String {
    let (status, body) = http(addr, "POST", "/api/v1/cases", token, body);
    assert_eq!(status, 201, "{body}");
    let case: serde_json::Value = serde_json::from_str(&body).unwrap();
    case["id"].as_str().unwrap().to_string()
}

#[test]
fn every_api_response_to_generated_requests_is_one_the_openapi_document_declares_and_none_is_a_server_error()
 {
    let root = workspace_root();
    let Some(program) = schemathesis(&root) else {
        let install = "python3 -m venv e2e/.venv && e2e/.venv/bin/pip install -r e2e/requirements-schemathesis.txt";
        if std::env::var("REFUGE_SCHEMATHESIS").is_ok_and(|v| v == "1") {
            panic!(
                "REFUGE_SCHEMATHESIS=1 but schemathesis is missing ($SCHEMATHESIS, e2e/.venv/bin/schemathesis, or on the PATH). Install with `{install}`."
            );
        }
        // Straight to the standard error, past the test harness's capture: a skip must be seen.
        let _ = writeln!(
            std::io::stderr(),
            "\n*** SKIPPED the API contract test: schemathesis is missing.\n\
             *** Install with `{install}` (REFUGE_SCHEMATHESIS=1 makes this a failure).\n"
        );
        return;
    };

    let data = data_dir("api-contract");
    let d = data.to_str().unwrap();
    add_ana_as_admin(d);
    let token = new_token_for_ana(d);
    let server = serve(&data);
    let addr = server.addr.as_str();
    let facts = std::fs::read_to_string(root.join("examples/social-group-open.json")).unwrap();
    let ids = [
        open_case(addr, &token, r#"{"name": "Rosa Contract"}"#),
        open_case(
            addr,
            &token,
            &format!(r#"{{"name": "Ana Contract", "number": "C-1", "facts": {facts}}}"#),
        ),
    ];

    // Its working folder: schemathesis keeps its example database there.
    let run = data.with_file_name("api-contract-run");
    let _ = std::fs::remove_dir_all(&run);
    std::fs::create_dir_all(&run).unwrap();
    // The token comes from the environment, not the command line.
    let config = format!(
        "headers = {{ Authorization = \"Bearer ${{REFUGE_API_TOKEN}}\" }}\n\n\
         [parameters]\n\"path.id\" = {{ dictionary = \"cases\", probability = 0.9 }}\n\n\
         [dictionaries.cases]\nvalues = [\"{}\", \"{}\"]\n",
        ids[0], ids[1]
    );
    std::fs::write(run.join("schemathesis.toml"), config).unwrap();
    let examples =
        std::env::var("REFUGE_SCHEMATHESIS_EXAMPLES").unwrap_or_else(|_| "100".to_string());
    let mut args = vec![
        "--config-file".to_string(),
        "schemathesis.toml".to_string(),
        "run".to_string(),
        format!("http://{addr}/api/v1/openapi.json"),
        "--checks".to_string(),
        CHECKS.to_string(),
        "--max-examples".to_string(),
        examples,
        "--workers".to_string(),
        "2".to_string(),
        "--no-color".to_string(),
    ];
    if let Ok(seed) = std::env::var("REFUGE_SCHEMATHESIS_SEED") {
        args.extend(["--seed".to_string(), seed]);
    }

    // Stopped by coreutils' `timeout` (exit status 124) if it hangs.
    let started = Instant::now();
    let out = Command::new("timeout")
        .arg(TIMEOUT.as_secs().to_string())
        .arg(&program)
        .args(&args)
        .env("REFUGE_API_TOKEN", &token)
        .current_dir(&run)
        .stdin(Stdio::null())
        .output()
        .expect("timeout (coreutils) runs schemathesis");
    let output = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    drop(server);
    match out.status.code() {
        Some(0) => println!(
            "{output}(schemathesis run: {:.1} s)",
            started.elapsed().as_secs_f64()
        ),
        Some(124) => {
            panic!("schemathesis took longer than {TIMEOUT:?} and was stopped:\n{output}")
        }
        _ => panic!(
            "the API broke its OpenAPI document ({}); each failure above has a curl command to reproduce it:\n{output}",
            out.status
        ),
    }
}
