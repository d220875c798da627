//! Documents (issue 17): the memo and the I-589 answers downloaded as PDF
//! from the case page, audited, named by the case number.

use axum::http::{StatusCode, header};
use refuge_web::Role;
use refuge_web::domain::AuditAction;

use crate::ARRIVED;

both! {
    async fn the_case_page_offers_the_memo_as_a_pdf_named_by_the_case_number_and_audited(t) {
    let who = t.login("ana", Role::Attorney).await;
    let case = t.case(&who, "Ana #[*Ruiz*]", ARRIVED).await;
    let page = t.get(&format!("/cases/{}", case.id), Some(&who)).await.body;
    assert!(page.contains(&format!("href=\"/cases/{}/memo.pdf\" download>Download memo (PDF)", case.id)), "{page}");
    let r = t.get(&format!("/cases/{}/memo.pdf", case.id), Some(&who)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/pdf");
    let disposition = r.headers[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert_eq!(disposition, format!("attachment; filename=\"memo-{}.pdf\"", case.number));
    assert!(!disposition.contains("Ruiz"));
    assert!(r.body.starts_with("%PDF-"), "a PDF, whole");
    assert!(r.body.trim_end().ends_with("%%EOF"), "a PDF, whole");
    let log = t.db().audit_log(Some(AuditAction::DocumentDownload), 10).await.unwrap();
    assert!(log.iter().any(|e| e.detail == "assessment memo (PDF)" && e.user_name.as_deref() == Some("ana")), "the download is audited");
    }
}

both! {
    async fn the_i589_answers_download_as_a_pdf_named_by_the_case_number_and_audited(t) {
    let who = t.login("ana", Role::Attorney).await;
    let case = t.case(&who, "Client", ARRIVED).await;
    let r = t.get(&format!("/cases/{}/answers.pdf", case.id), Some(&who)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body.starts_with("%PDF-"));
    let disposition = r.headers[header::CONTENT_DISPOSITION].to_str().unwrap();
    assert!(disposition.contains(&format!("i589-answers-{}.pdf", case.number)));
    let log = t.db().audit_log(Some(AuditAction::DocumentDownload), 10).await.unwrap();
    assert!(log.iter().any(|e| e.detail == "I-589 answers (PDF)"));
    }
}

both! {
    async fn someone_elses_case_has_no_memo_to_download(t) {
    let owner = t.login("ana", Role::Attorney).await;
    let other = t.login("ben", Role::Attorney).await;
    let case = t.case(&owner, "Client", ARRIVED).await;
    let r = t.get(&format!("/cases/{}/memo.pdf", case.id), Some(&other)).await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(!r.body.starts_with("%PDF"));
    let log = t.db().audit_log(Some(AuditAction::DocumentDownload), 10).await.unwrap();
    assert!(log.is_empty(), "nothing was downloaded");
    }
}
