//! The server's memory while it renders a 100-page exhibit packet (issue 17:
//! RSS at most 150 MB). The whole application (`refuge_web::app`) on a fresh
//! SQLite database in this process: 30 files uploaded through the upload
//! form, placed as 10 exhibits of 10 pages (an 8-page PDF, its translation
//! and the certificate, a photo or a scan), then the packet downloaded 5
//! times. Prints the peak resident memory (VmHWM) before and after.
//!
//! `cargo run --release -p refuge-web --example packet_rss` (Linux: reads /proc/self/status).

use axum::body::Body;
use axum::http::{Request, header};
use http_body_util::BodyExt;
use refuge_web::domain::AuditAction;
use refuge_web::store::{Audit, By, Db};
use refuge_web::{AppState, Role, app, secret};
use tower::ServiceExt;

const PHOTO: &[u8] = include_bytes!("../../documents/tests/data/photo.jpg");
const SCAN: &[u8] = include_bytes!("../../documents/tests/data/scan.png");

fn kb(field: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn pdf(what: &str, pages: usize) -> Vec<u8> {
    refuge_documents::render_source(
        "#let d = json(\"data.json\")\n#for k in range(1, d.pages + 1) { page[#lorem(300) #text(d.what + \" page \" + str(k))] }",
        &serde_json::json!({"what": what, "pages": pages}),
        jiff::civil::date(2026, 11, 27),
    )
    .expect("a PDF")
}

async fn send(state: &AppState, req: Request<Body>) -> (u16, String, Vec<u8>) {
    let res = app(state.clone()).oneshot(req).await.expect("an answer");
    let status = res.status().as_u16();
    let location = res
        .headers()
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let body = res.into_body().collect().await.expect("a body").to_bytes();
    (status, location, body.to_vec())
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("r.db").display());
    let db = Db::connect(&url, refuge_web::crypt::Keyring::generate())
        .await
        .expect("a database");
    let state = AppState::new(db);
    let audit = Audit::new(By::Nobody, None, AuditAction::UserAdd, "");
    let user = state
        .db
        .add_user("rss", "not-a-hash", Role::Attorney, &audit)
        .await
        .unwrap();
    let (session, csrf, token) = (
        secret::new_secret("session"),
        secret::new_secret("csrf"),
        secret::new_secret("rfg"),
    );
    state
        .db
        .add_session(
            &secret::hash_secret(&session),
            &user.id,
            &csrf,
            "2999-01-01T00:00:00Z",
        )
        .await
        .unwrap();
    state
        .db
        .add_api_token(&user.id, "rss", &secret::hash_secret(&token), &audit)
        .await
        .unwrap();
    let cookie = format!("{}={session}", refuge_web::http::session::SESSION_COOKIE);
    let (_, _, body) = send(
        &state,
        Request::post("/api/v1/cases")
            .header(header::AUTHORIZATION, format!("Bearer {token}"))
            .header(header::CONTENT_TYPE, "application/json")
            .body(Body::from(r#"{"name": "RSS client", "facts": {}}"#))
            .unwrap(),
    )
    .await;
    let case: serde_json::Value = serde_json::from_slice(&body).expect("the case");
    let case = case["id"].as_str().expect("its id").to_string();

    let upload = |file: Vec<u8>| {
        let (state, case, cookie, csrf) =
            (state.clone(), case.clone(), cookie.clone(), csrf.clone());
        async move {
            let b = "rssboundary";
            let mut body = format!("--{b}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f\"\r\n\r\n").into_bytes();
            body.extend_from_slice(&file);
            body.extend_from_slice(format!("\r\n--{b}--\r\n").as_bytes());
            let (status, ..) = send(
                &state,
                Request::post(format!("/cases/{case}/uploads"))
                    .header(header::COOKIE, &cookie)
                    .header(
                        header::CONTENT_TYPE,
                        format!("multipart/form-data; boundary={b}"),
                    )
                    .body(Body::from(body))
                    .unwrap(),
            )
            .await;
            assert_eq!(status, 303, "uploaded");
        }
    };
    let place = |id: String, fields: Vec<(&'static str, String)>| {
        let (state, case, cookie, csrf) =
            (state.clone(), case.clone(), cookie.clone(), csrf.clone());
        async move {
            let mut all = vec![("csrf", csrf)];
            all.extend(fields);
            let (status, ..) = send(
                &state,
                Request::post(format!("/cases/{case}/uploads/{id}"))
                    .header(header::COOKIE, &cookie)
                    .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                    .body(Body::from(serde_urlencoded::to_string(&all).unwrap()))
                    .unwrap(),
            )
            .await;
            assert_eq!(status, 303, "placed");
        }
    };
    let case_id = refuge_web::domain::CaseId::new(case.clone());
    for i in 0..10 {
        upload(pdf(&format!("Original {i}"), 8)).await;
        upload(pdf(&format!("Translation {i}"), 1)).await;
        upload(if i % 2 == 0 { PHOTO } else { SCAN }.to_vec()).await;
        let rows = state.db.uploads(&case_id).await.unwrap();
        let [o, t, c] = [
            &rows[rows.len() - 3],
            &rows[rows.len() - 2],
            &rows[rows.len() - 1],
        ]
        .map(|r| r.id.clone());
        place(
            o.clone(),
            vec![
                ("role", "document".into()),
                ("exhibit", (i + 1).to_string()),
                ("description", format!("Document {i}")),
            ],
        )
        .await;
        place(t.clone(), vec![("role", "translation".into()), ("of", o)]).await;
        place(c, vec![("role", "certificate".into()), ("of", t)]).await;
    }
    let before = kb("VmHWM:");
    let mut times = Vec::new();
    let mut size = 0;
    for _ in 0..5 {
        let start = std::time::Instant::now();
        let (status, _, body) = send(
            &state,
            Request::get(format!("/cases/{case}/packet.pdf"))
                .header(header::COOKIE, &cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
        times.push(start.elapsed().as_millis());
        assert_eq!(status, 200, "{}", String::from_utf8_lossy(&body));
        size = body.len();
    }
    println!(
        "exhibit packet of 10 exhibits, 100 exhibit pages (111 pages): {size} bytes; render and download times (ms): {times:?}"
    );
    println!(
        "peak RSS (VmHWM): {:.1} MB after the uploads, {:.1} MB after 5 packets; RSS now {:.1} MB",
        before as f64 / 1024.0,
        kb("VmHWM:") as f64 / 1024.0,
        kb("VmRSS:") as f64 / 1024.0
    );
}
