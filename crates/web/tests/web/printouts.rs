//! The interview printouts (issue 18, item 5) and the declaration draft
//! (issue 17, item 5) downloaded over HTTP: linked from their pages, made as
//! PDF (the draft also as Markdown), audited as `document.download`, named by
//! the case number, and someone else's case has none.

use axum::http::{StatusCode, header};
use refuge_web::Role;
use refuge_web::domain::AuditAction;

const FACTS: &str = r#"{"arrivals":[{"date":"2024-03-10"}],"application":{"forum":"affirmative"},
 "harms":[{"id":"h1","when":"past","date":"2023-10-15","kind":"death_threat","actor":"non_state",
           "narrative":"They wrote #[*x*] $ on my door."}]}"#;

both! {
    async fn the_practice_set_and_what_to_bring_download_as_pdfs_from_the_preparation_page_and_are_audited(t) {
        let ana = t.login("ana", Role::Attorney).await;
        let case = t.case(&ana, "Rosa #[*Example*]", FACTS).await;
        let page = t.get(&format!("/cases/{}/practice", case.id), Some(&ana)).await.body;
        for link in ["practice.pdf\" download", "practice.pdf?copy=preparer\" download", "practice/bring.pdf\" download"] {
            assert!(page.contains(&format!("href=\"/cases/{}/{link}", case.id)), "{link}: {page}");
        }
        let r = t.post(&format!("/cases/{}/practice/interview", case.id), &ana, &[("forum", "asylum_office"), ("date", "2027-01-14"), ("place", "Houston"), ("brought", "notice")]).await;
        assert_eq!(r.status, StatusCode::SEE_OTHER);
        for (path, file, detail) in [
            ("practice.pdf", "practice-client", "practice set, client's copy (PDF)"),
            ("practice.pdf?copy=preparer", "practice-preparer", "practice set, preparer's copy (PDF)"),
            ("practice/bring.pdf", "what-to-bring", "what-to-bring list (PDF)"),
        ] {
            let r = t.get(&format!("/cases/{}/{path}", case.id), Some(&ana)).await;
            assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.body);
            assert_eq!(r.headers[header::CONTENT_TYPE], "application/pdf");
            let disposition = r.headers[header::CONTENT_DISPOSITION].to_str().unwrap();
            assert_eq!(disposition, format!("attachment; filename=\"{file}-{}.pdf\"", case.number));
            assert!(r.body.starts_with("%PDF-") && r.body.trim_end().ends_with("%%EOF"), "{path}: a whole PDF");
            let log = t.db().audit_log(Some(AuditAction::DocumentDownload), 10).await.unwrap();
            assert!(log.iter().any(|e| e.detail == detail && e.user_name.as_deref() == Some("ana")), "{detail} audited");
        }
        let r = t.get(&format!("/cases/{}/practice.pdf?copy=everyone", case.id), Some(&ana)).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST);
        assert!(!r.body.starts_with("%PDF"));
    }
}

both! {
    async fn the_memo_the_answers_the_practice_set_and_what_to_bring_download_in_spanish_from_links_beside_the_english_ones(t) {
        let ana = t.login("ana", Role::Attorney).await;
        let case = t.case(&ana, "Rosa Example", FACTS).await;
        let page = t.get(&format!("/cases/{}", case.id), Some(&ana)).await.body;
        for doc in ["memo.pdf", "answers.pdf", "packet.pdf"] {
            assert!(page.contains(&format!("href=\"/cases/{}/{doc}?lang=es\" download hreflang=\"es\" lang=\"es\">Español</a>", case.id)), "{doc}: {page}");
        }
        let page = t.get(&format!("/cases/{}/practice", case.id), Some(&ana)).await.body;
        for link in ["practice.pdf?lang=es", "practice/bring.pdf?lang=es"] {
            assert!(page.contains(&format!("href=\"/cases/{}/{link}\" download", case.id)), "{link}: {page}");
        }
        for (path, file, detail) in [
            ("memo.pdf?lang=es", "memo-es", "assessment memo (PDF), es"),
            ("answers.pdf?lang=es", "i589-answers-es", "I-589 answers (PDF), es"),
            ("practice.pdf?lang=es", "practice-client-es", "practice set, client's copy (PDF), es"),
            ("practice/bring.pdf?lang=es", "what-to-bring-es", "what-to-bring list (PDF), es"),
        ] {
            let r = t.get(&format!("/cases/{}/{path}", case.id), Some(&ana)).await;
            assert_eq!(r.status, StatusCode::OK, "{path}: {}", r.body);
            assert_eq!(r.headers[header::CONTENT_TYPE], "application/pdf");
            let disposition = r.headers[header::CONTENT_DISPOSITION].to_str().unwrap();
            assert_eq!(disposition, format!("attachment; filename=\"{file}-{}.pdf\"", case.number));
            let log = t.db().audit_log(Some(AuditAction::DocumentDownload), 10).await.unwrap();
            assert!(log.iter().any(|e| e.detail == detail), "{detail} audited");
        }
        for path in ["memo.pdf?lang=xx", "practice.pdf?lang=klingon", "practice/bring.pdf?lang=zz"] {
            let r = t.get(&format!("/cases/{}/{path}", case.id), Some(&ana)).await;
            assert_eq!(r.status, StatusCode::BAD_REQUEST, "{path}");
            assert!(r.body.contains("lang: no printout in"), "{path}: {}", r.body);
            assert!(r.body.contains("en, es"), "the choices are named: {}", r.body);
        }
    }
}

both! {
    async fn the_declaration_draft_downloads_as_pdf_and_as_markdown_from_the_case_page_and_is_audited(t) {
        let ana = t.login("ana", Role::Attorney).await;
        let case = t.case(&ana, "Rosa Example", FACTS).await;
        let page = t.get(&format!("/cases/{}", case.id), Some(&ana)).await.body;
        assert!(page.contains(&format!("href=\"/cases/{}/declaration.pdf\" download>Declaration draft (PDF)", case.id)), "{page}");
        assert!(page.contains(&format!("href=\"/cases/{}/declaration.md\" download>Declaration draft (Markdown)", case.id)), "{page}");
        let r = t.get(&format!("/cases/{}/declaration.pdf", case.id), Some(&ana)).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        assert_eq!(r.headers[header::CONTENT_TYPE], "application/pdf");
        assert!(r.body.starts_with("%PDF-"));
        let r = t.get(&format!("/cases/{}/declaration.md", case.id), Some(&ana)).await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(r.headers[header::CONTENT_TYPE], "text/markdown; charset=utf-8");
        let disposition = r.headers[header::CONTENT_DISPOSITION].to_str().unwrap();
        assert_eq!(disposition, format!("attachment; filename=\"declaration-draft-{}.md\"", case.number));
        assert!(r.body.contains(refuge_engine::NOTICE), "the notice");
        assert!(r.body.contains(r"They wrote \#\[\*x\*\] $ on my door."), "the narrative, escaped: {}", r.body);
        assert!(r.body.contains("[In your own words:"), "placeholders");
        assert!(r.body.contains("## 4. Why I cannot live safely somewhere else in my country"), "{}", r.body);
        let log = t.db().audit_log(Some(AuditAction::DocumentDownload), 10).await.unwrap();
        for detail in ["declaration draft (PDF)", "declaration draft (Markdown)"] {
            assert!(log.iter().any(|e| e.detail == detail), "{detail} audited");
        }
    }
}

both! {
    async fn someone_elses_case_has_no_printouts_or_declaration_to_download(t) {
        let owner = t.login("ana", Role::Attorney).await;
        let other = t.login("ben", Role::Attorney).await;
        let case = t.case(&owner, "Client", FACTS).await;
        for path in ["practice.pdf", "practice.pdf?copy=preparer", "practice/bring.pdf", "declaration.pdf", "declaration.md"] {
            let r = t.get(&format!("/cases/{}/{path}", case.id), Some(&other)).await;
            assert_eq!(r.status, StatusCode::NOT_FOUND, "{path}");
        }
        let log = t.db().audit_log(Some(AuditAction::DocumentDownload), 10).await.unwrap();
        assert!(log.is_empty(), "nothing was downloaded");
    }
}
