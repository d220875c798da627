//! Uploads and the exhibit packet (issue 17): files known by their content,
//! kept in the database, refused before anything is stored when they are of
//! the wrong kind, too large, encrypted or damaged; every upload, download
//! and deletion audited; deleting an exhibit asks first.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use refuge_web::Role;
use refuge_web::domain::AuditAction;
use refuge_web::store::CaseRow;
use tower::ServiceExt;

use crate::{ARRIVED, Login, TestApp};

const PHOTO: &[u8] = include_bytes!("../../../documents/tests/data/photo.jpg");
const ENCRYPTED: &[u8] = include_bytes!("../../../documents/tests/data/encrypted.pdf");

/// A PDF of `pages` pages, each saying "`what` page k".
fn pdf(what: &str, pages: usize) -> Vec<u8> {
    refuge_documents::render_source(
        "#let d = json(\"data.json\")\n#for k in range(1, d.pages + 1) { page[#text(d.what + \" page \" + str(k))] }",
        &serde_json::json!({"what": what, "pages": pages}),
        jiff::civil::date(2026, 11, 27),
    )
    .unwrap()
}

/// The upload form's body: the CSRF token, the file and its description.
fn form(csrf: &str, file_name: &str, file: &[u8], description: &str) -> (String, Vec<u8>) {
    let b = "----refugetestboundary7MA4YWxk";
    let mut body = Vec::new();
    for (name, value) in [("csrf", csrf), ("description", description)] {
        body.extend_from_slice(
            format!("--{b}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    body.extend_from_slice(
        format!("--{b}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
    );
    body.extend_from_slice(file);
    body.extend_from_slice(format!("\r\n--{b}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={b}"), body)
}

/// The status, headers and body (as bytes) of a request.
async fn send(t: &TestApp, req: Request<Body>) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let res = refuge_web::app(t.state.clone()).oneshot(req).await.unwrap();
    let (status, headers) = (res.status(), res.headers().clone());
    let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    (status, headers, body)
}

async fn upload(
    t: &TestApp,
    who: &Login,
    case: &CaseRow,
    name: &str,
    file: &[u8],
    description: &str,
) -> (StatusCode, String) {
    let (kind, body) = form(&who.csrf, name, file, description);
    let req = Request::post(format!("/cases/{}/uploads", case.id))
        .header(header::COOKIE, &who.cookie)
        .header(header::CONTENT_TYPE, kind)
        .body(Body::from(body))
        .unwrap();
    let (status, headers, body) = send(t, req).await;
    let location = headers
        .get(header::LOCATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let text = String::from_utf8_lossy(&body).into_owned();
    (status, if location.is_empty() { text } else { location })
}

async fn audit(t: &TestApp, action: AuditAction) -> Vec<String> {
    t.db()
        .audit_log(Some(action), 50)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.detail)
        .collect()
}

both! {
    async fn a_pdf_and_a_photo_are_uploaded_kept_in_the_database_downloaded_whole_and_audited(t) {
    let ana = t.login("ana", Role::Attorney).await;
    let case = t.case(&ana, "Ana Ruiz", ARRIVED).await;
    let report = pdf("Report", 2);
    let (status, to) = upload(t, &ana, &case, "police report.pdf", &report, "Police report").await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    assert_eq!(to, format!("/cases/{}/uploads?done=uploaded", case.id));
    // A photo named as a PDF is a photo: its content decides.
    let (status, _) = upload(t, &ana, &case, "scar.pdf", PHOTO, "").await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let rows = t.db().uploads(&case.id).await.unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[0].media_type.as_str(), rows[0].pages), ("application/pdf", 2));
    assert_eq!((rows[1].media_type.as_str(), rows[1].pages), ("image/jpeg", 1));
    let page = t.get(&format!("/cases/{}/uploads", case.id), Some(&ana)).await.body;
    assert!(page.contains("police report.pdf") && page.contains("Police report"), "{page}");
    assert!(page.contains("JPEG image, 1 page"), "{page}");
    // The file comes back as it went in.
    let req = Request::get(format!("/cases/{}/uploads/{}", case.id, rows[0].id))
        .header(header::COOKIE, &ana.cookie)
        .body(Body::empty())
        .unwrap();
    let (status, headers, body) = send(t, req).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
    assert_eq!(body, report, "the stored file, byte for byte");
    let disposition = headers[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert!(disposition.contains(&case.number) && !disposition.contains("police"), "{disposition}");
    let uploads = audit(t, AuditAction::DocumentUpload).await;
    assert_eq!(uploads.len(), 2);
    assert!(uploads.iter().any(|d| d.starts_with("PDF, 2 pages,")), "{uploads:?}");
    assert!(uploads.iter().all(|d| !d.contains("police") && !d.contains("scar")), "no file name in the log: {uploads:?}");
    assert_eq!(audit(t, AuditAction::DocumentDownload).await, ["uploaded PDF"]);
    // Larger than a form may be (1 MB), within the upload limit: kept.
    let mut scan = include_bytes!("../../../documents/tests/data/scan.png").to_vec();
    scan.resize(3 * 1024 * 1024, 0);
    let (status, to) = upload(t, &ana, &case, "scan.png", &scan, "A 3 MB scan").await;
    assert_eq!(status, StatusCode::SEE_OTHER, "{to}");
    let rows = t.db().uploads(&case.id).await.unwrap();
    assert_eq!((rows[2].media_type.as_str(), rows[2].size), ("image/png", 3 * 1024 * 1024));
    // Someone else's case: nothing to see, nothing to upload to.
    let ben = t.login("ben", Role::Attorney).await;
    let r = t.get(&format!("/cases/{}/uploads/{}", case.id, rows[0].id), Some(&ben)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    let (status, _) = upload(t, &ben, &case, "x.pdf", &report, "").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(t.db().uploads(&case.id).await.unwrap().len(), 3);
    }
}

both! {
    async fn a_wrong_kind_an_encrypted_or_damaged_pdf_or_a_file_too_large_is_refused_and_nothing_stored(t) {
    let ana = t.login("ana", Role::Attorney).await;
    let case = t.case(&ana, "Ana Ruiz", ARRIVED).await;
    let report = pdf("Report", 3);
    for (name, file, says) in [
        ("letter.pdf", b"Dear Sir, this is a text file".to_vec(), "not a PDF, a JPEG or a PNG image"),
        ("locked.pdf", ENCRYPTED.to_vec(), "encrypted or password-protected"),
        ("cut.pdf", report[..report.len() / 2].to_vec(), "the PDF is damaged"),
        ("empty.pdf", Vec::new(), "the file is empty"),
    ] {
        let (status, page) = upload(t, &ana, &case, name, &file, "x").await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{name}: {page}");
        assert!(page.contains(says), "{name}: {page}");
        assert!(page.contains("Nothing was stored"), "{name}: {page}");
    }
    // Larger than the limit (25 MB unless set): refused, with the limit in words.
    let mut big = b"%PDF-1.7\n".to_vec();
    big.resize(t.state.upload_limit + 1, b' ');
    let (status, page) = upload(t, &ana, &case, "big.pdf", &big, "").await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{page}");
    assert!(page.contains("larger than the largest upload allowed (25.0 MB)"), "{page}");
    assert!(page.contains("Nothing was stored"), "{page}");
    // An announced length over the limit is refused before the body is read.
    let req = Request::post(format!("/cases/{}/uploads", case.id))
        .header(header::COOKIE, &ana.cookie)
        .header(header::CONTENT_TYPE, "multipart/form-data; boundary=x")
        .header(header::CONTENT_LENGTH, (100 * 1024 * 1024).to_string())
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(t, req).await.0, StatusCode::PAYLOAD_TOO_LARGE);
    // A form without the session's token stores nothing either.
    let (kind, body) = form("not-the-token", "r.pdf", &report, "");
    let req = Request::post(format!("/cases/{}/uploads", case.id))
        .header(header::COOKIE, &ana.cookie)
        .header(header::CONTENT_TYPE, kind)
        .body(Body::from(body))
        .unwrap();
    assert_eq!(send(t, req).await.0, StatusCode::FORBIDDEN);
    assert!(t.db().uploads(&case.id).await.unwrap().is_empty(), "nothing stored");
    assert!(audit(t, AuditAction::DocumentUpload).await.is_empty());
    }
}

both! {
    async fn the_exhibit_packet_downloads_with_the_exhibits_in_order_and_their_translations(t) {
    let ana = t.login("ana", Role::Attorney).await;
    let case = t.case(&ana, "Ana Ruiz", ARRIVED).await;
    for (name, file) in [("letter.pdf", pdf("Letter", 2)), ("translation.pdf", pdf("Translation", 1)), ("photo.jpg", PHOTO.to_vec())] {
        assert_eq!(upload(t, &ana, &case, name, &file, name).await.0, StatusCode::SEE_OTHER);
    }
    let rows = t.db().uploads(&case.id).await.unwrap();
    let id = |name: &str| rows.iter().find(|r| r.details.contains(name)).unwrap().id.clone();
    let (letter, translation, photo) = (id("letter.pdf"), id("translation.pdf"), id("photo.jpg"));
    let (cid, who) = (&case.id, &ana);
    let place = |upload: String, fields: Vec<(&'static str, String)>| async move {
        let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
        t.post(&format!("/cases/{cid}/uploads/{upload}"), who, &fields).await
    };
    let r = place(photo.clone(), vec![("role", "document".into()), ("exhibit", "1".into()), ("description", "Photo of the scar".into()), ("proves", "Harm".into())]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    place(letter.clone(), vec![("role", "document".into()), ("exhibit", "2".into()), ("description", "Threatening letter".into())]).await;
    let r = place(translation.clone(), vec![("role", "translation".into()), ("of", letter.clone())]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    // A certificate must belong to a translation.
    let r = place(photo.clone(), vec![("role", "certificate".into()), ("of", letter.clone())]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = t.get(&format!("/cases/{}/uploads", case.id), Some(&ana)).await.body;
    assert!(page.contains("Exhibit A: Photo of the scar"), "{page}");
    assert!(page.contains("Exhibit B: Threatening letter"), "{page}");
    assert!(page.contains("translation in Exhibit B"), "{page}");
    let case_page = t.get(&format!("/cases/{}", case.id), Some(&ana)).await.body;
    assert!(case_page.contains(&format!("href=\"/cases/{}/packet.pdf\" download>Download exhibit packet (PDF)", case.id)));
    let req = Request::get(format!("/cases/{}/packet.pdf", case.id))
        .header(header::COOKIE, &ana.cookie)
        .body(Body::empty())
        .unwrap();
    let (status, headers, body) = send(t, req).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    assert_eq!(headers[header::CONTENT_TYPE], "application/pdf");
    assert!(headers[header::CONTENT_DISPOSITION].to_str().unwrap().contains(&format!("exhibit-packet-{}.pdf", case.number)));
    assert!(body.starts_with(b"%PDF-") && body.trim_ascii_end().ends_with(b"%%EOF"), "a PDF, whole");
    assert!(audit(t, AuditAction::DocumentDownload).await.contains(&"exhibit packet (PDF)".to_string()));
    assert_eq!(audit(t, AuditAction::DocumentChange).await.len(), 3, "each change audited, the refused one not");
    }
}

both! {
    async fn deleting_an_upload_the_packet_uses_asks_first(t) {
    let ana = t.login("ana", Role::Attorney).await;
    let case = t.case(&ana, "Ana Ruiz", ARRIVED).await;
    upload(t, &ana, &case, "exhibit.pdf", &pdf("Exhibit", 1), "").await;
    upload(t, &ana, &case, "loose.pdf", &pdf("Loose", 1), "").await;
    let rows = t.db().uploads(&case.id).await.unwrap();
    let (exhibit, loose) = (rows[0].id.clone(), rows[1].id.clone());
    t.post(&format!("/cases/{}/uploads/{exhibit}", case.id), &ana, &[("role", "document"), ("exhibit", "1")]).await;
    let r = t.post(&format!("/cases/{}/uploads/{exhibit}/delete", case.id), &ana, &[]).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.contains("Delete this upload?"), "{}", r.body);
    assert!(r.body.contains("It is Exhibit A of the exhibit packet."), "{}", r.body);
    assert!(r.body.contains("name=\"confirm\" value=\"1\""), "{}", r.body);
    assert_eq!(t.db().uploads(&case.id).await.unwrap().len(), 2, "nothing deleted yet");
    assert!(audit(t, AuditAction::DocumentDelete).await.is_empty());
    let r = t.post(&format!("/cases/{}/uploads/{exhibit}/delete", case.id), &ana, &[("confirm", "1")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    // One the packet does not use goes at once.
    let r = t.post(&format!("/cases/{}/uploads/{loose}/delete", case.id), &ana, &[]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(t.db().uploads(&case.id).await.unwrap().is_empty());
    assert_eq!(audit(t, AuditAction::DocumentDelete).await.len(), 2);
    }
}

both! {
    async fn a_packet_that_cannot_be_made_is_a_page_naming_the_cause_never_a_500_or_an_empty_file(t) {
    use sqlx::Connection;
    let ana = t.login("ana", Role::Attorney).await;
    let case = t.case(&ana, "Ana Ruiz", ARRIVED).await;
    upload(t, &ana, &case, "two.pdf", &pdf("Two", 2), "").await;
    let id = t.db().uploads(&case.id).await.unwrap()[0].id.clone();
    t.post(&format!("/cases/{}/uploads/{id}", case.id), &ana, &[("role", "document"), ("exhibit", "1")]).await;
    // A stored page count the file does not have (as a damaged database might hold).
    let mut c = sqlx::AnyConnection::connect(&t.url).await.unwrap();
    sqlx::query("UPDATE uploads SET pages = 5").execute(&mut c).await.unwrap();
    c.close().await.unwrap();
    let r = t.get(&format!("/cases/{}/packet.pdf", case.id), Some(&ana)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(r.body.contains("the exhibit packet could not be laid out"), "{}", r.body);
    assert!(r.body.contains("page 3 does not exist"), "{}", r.body);
    assert!(!r.body.starts_with("%PDF"));
    assert!(!audit(t, AuditAction::DocumentDownload).await.contains(&"exhibit packet (PDF)".to_string()), "nothing was downloaded");
    }
}

both! {
    async fn an_upload_attached_to_an_evidence_item_is_listed_at_that_item_of_the_checklist(t) {
    let ana = t.login("ana", Role::Attorney).await;
    let case = t.case(&ana, "Ana Ruiz", ARRIVED).await;
    upload(t, &ana, &case, "entry.pdf", &pdf("Entry", 1), "Entry stamp in the passport").await;
    let id = t.db().uploads(&case.id).await.unwrap()[0].id.clone();
    let page = t.get(&format!("/cases/{}/uploads", case.id), Some(&ana)).await.body;
    // The first evidence item the upload form offers.
    let select = &page[page.find(&format!("id=\"e-{id}\"")).expect("the evidence item's select")..];
    let from = select.find("<option value=\"\">(none)</option><option value=\"").expect("an item to attach to")
        + "<option value=\"\">(none)</option><option value=\"".len();
    let key = &select[from..from + select[from..].find('"').unwrap()];
    let r = t.post(&format!("/cases/{}/uploads/{id}", case.id), &ana, &[("role", "document"), ("evidence", key), ("description", "Entry stamp in the passport")]).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    let evidence = t.get(&format!("/cases/{}/evidence", case.id), Some(&ana)).await.body;
    let row = &evidence[evidence.find(&format!("id=\"i-{key}\"")).unwrap_or_else(|| panic!("the item {key}: {evidence}"))..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains(&format!("Attached:</span> <a href=\"/cases/{}/uploads#u-{id}\">Entry stamp in the passport</a>", case.id)), "{row}");
    }
}

#[tokio::test]
async fn the_largest_upload_is_the_one_the_server_was_given() {
    let mut t = TestApp::new().await;
    t.state.upload_limit = 1024 * 1024; // `--max-upload-mb 1`
    let ana = t.login("ana", Role::Attorney).await;
    let case = t.case(&ana, "Ana Ruiz", ARRIVED).await;
    let mut scan = include_bytes!("../../../documents/tests/data/scan.png").to_vec();
    scan.resize(2 * 1024 * 1024, 0);
    let (status, page) = upload(&t, &ana, &case, "scan.png", &scan, "").await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        page.contains("the largest upload allowed (1.0 MB)"),
        "{page}"
    );
    assert!(t.db().uploads(&case.id).await.unwrap().is_empty());
}
