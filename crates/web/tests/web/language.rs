//! Issue 19: the workspace's pages in the reader's language. Before signing
//! in, the browser's `Accept-Language` or the language picked on the
//! sign-in page (kept in a cookie); once signed in, the language chosen in
//! Settings (saved per user, audited). The API's JSON stays English.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use refuge_web::Role;
use refuge_web::domain::AuditAction;

use crate::{ARRIVED, TestApp};

/// A page fetched with these request headers (no session).
async fn get_with(t: &TestApp, path: &str, headers: &[(header::HeaderName, &str)]) -> crate::Reply {
    let mut req = Request::get(path);
    for (k, v) in headers {
        req = req.header(k, *v);
    }
    t.send(req.body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn a_spanish_browser_gets_the_sign_in_page_in_spanish_and_the_switch_keeps_another_choice() {
    let t = TestApp::new().await;
    t.login("ana", Role::Attorney).await;

    let es = get_with(
        &t,
        "/login",
        &[(header::ACCEPT_LANGUAGE, "es-MX,es;q=0.9,en;q=0.5")],
    )
    .await;
    assert_eq!(es.status, StatusCode::OK);
    assert!(es.body.contains(r#"<html lang="es">"#), "{}", es.body);
    assert!(es.body.contains("<h1>Iniciar sesión</h1>") && es.body.contains("Contraseña"));
    assert!(
        es.body.contains("no reemplaza, el criterio"),
        "the notice, in Spanish"
    );
    assert!(!es.body.contains("Password"), "no English left on the page");

    // A browser in a language Refuge does not speak reads English.
    let fr = get_with(&t, "/login", &[(header::ACCEPT_LANGUAGE, "fr-FR")]).await;
    assert!(fr.body.contains(r#"<html lang="en">"#) && fr.body.contains("<h1>Sign in</h1>"));

    // The switch: English picked on a Spanish browser, kept in a cookie.
    let picked = get_with(
        &t,
        "/login?lang=en&next=/cases",
        &[(header::ACCEPT_LANGUAGE, "es")],
    )
    .await;
    assert!(picked.body.contains("<h1>Sign in</h1>"), "{}", picked.body);
    let cookies: Vec<&str> = picked
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap())
        .collect();
    let lang_cookie = cookies
        .iter()
        .find(|c| c.starts_with("refuge_lang="))
        .expect("the choice is kept");
    assert!(lang_cookie.starts_with("refuge_lang=en;"), "{lang_cookie}");
    assert!(
        picked.body.contains(r#"name="next" value="/cases""#),
        "the page asked for is kept"
    );
    let later = get_with(
        &t,
        "/login",
        &[
            (header::ACCEPT_LANGUAGE, "es"),
            (header::COOKIE, "refuge_lang=en"),
        ],
    )
    .await;
    assert!(
        later.body.contains("<h1>Sign in</h1>"),
        "the cookie wins over the browser"
    );

    // Error pages speak it too, before any session.
    let missing = get_with(&t, "/no-such-page", &[(header::ACCEPT_LANGUAGE, "es")]).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(
        missing
            .body
            .contains("<title>No encontrado · Refuge</title>"),
        "{}",
        missing.body
    );
}

both! {
async fn the_language_chosen_in_settings_is_saved_audited_and_followed_by_every_page(t) {
    let ana = t.login("ana", Role::Attorney).await;
    let case = t.case(&ana, "Rosa Example", ARRIVED).await;

    let saved = t
        .post("/settings/language", &ana, &[("language", "es")])
        .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    assert!(
        saved.body.contains("Idioma guardado."),
        "the page just saved speaks it"
    );
    assert!(
        saved
            .body
            .contains(r#"<option value="es" lang="es" selected>Español</option>"#)
    );
    assert!(
        saved
            .headers
            .get_all(header::SET_COOKIE)
            .iter()
            .any(|v| v.to_str().unwrap().starts_with("refuge_lang=es;")),
        "kept for the sign-in page too"
    );
    let audit = t
        .db()
        .audit_log(Some(AuditAction::SettingsLanguage), 10)
        .await
        .unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0].detail, "language set to es");

    // Every later page, whatever the browser says.
    let dash = t.get("/", Some(&ana)).await.body;
    assert!(dash.contains(r#"<html lang="es">"#));
    assert!(dash.contains("<h1>Plazos de sus casos</h1>"), "{dash}");
    assert!(dash.contains("Cerrar sesión") && dash.contains("(abogado)"));
    assert!(
        dash.contains("al 27 de noviembre de 2026"),
        "the date written the Spanish way: {dash}"
    );
    assert!(
        dash.contains(">1 de junio de 2027</td>"),
        "the one-year deadline's date: {dash}"
    );
    assert!(dash.contains("La información de asilo es confidencial (8 C.F.R. § 208.6)"));
    let page = t.get(&format!("/cases/{}", case.id), Some(&ana)).await.body;
    assert!(page.contains("<title>Rosa Example · Refuge</title>"));
    assert!(
        page.contains("Caso 2026-0001") && page.contains("<h2 id=\"notes\">Notas</h2>"),
        "{page}"
    );
    assert!(page.contains("Seguir la entrevista") && page.contains("Agregar tarea"));
    // The assessment too: its sections, and each finding's question of law.
    crate::reads(
        &page,
        &[
            "<h2 id=\"reliefs\">Tipos de protección</h2>",
            "Qué hacer ahora",
            "¿Se presentó la solicitud (o, si aún no se ha presentado, se presentaría hoy) dentro del año siguiente a la última llegada?",
        ],
        &["Decided by:", "Was the application filed", "What to do next"],
    );
    let form = t
        .get(&format!("/cases/{}/application", case.id), Some(&ana))
        .await
        .body;
    assert!(
        form.contains("<h1>Solicitud (Formulario I-589)</h1>")
            && form.contains("Guardar la solicitud")
    );
    let practice = t
        .get(&format!("/cases/{}/practice", case.id), Some(&ana))
        .await
        .body;
    assert!(
        practice.contains("Empezar una sesión de práctica"),
        "{practice}"
    );
    let facts = t
        .get(&format!("/cases/{}/facts", case.id), Some(&ana))
        .await
        .body;
    assert!(
        facts.contains("<legend>Llegadas a los Estados Unidos</legend>"),
        "{facts}"
    );
    assert!(facts.contains(">Fecha de llegada</label>") && facts.contains("Guardar los hechos"));
    assert!(
        facts.contains(r#"<option value="without_inspection">sin inspección</option>"#),
        "the choices too"
    );
    let list = t.get("/cases", Some(&ana)).await.body;
    assert!(
        list.contains("<h1>Casos</h1>") && list.contains(">1 de junio de 2027</td>"),
        "{list}"
    );
    let intake = t
        .get(&format!("/cases/{}/intake", case.id), Some(&ana))
        .await
        .body;
    assert!(
        intake.contains("Entrevista inicial del cliente"),
        "the client intake's staff pages too: {intake}"
    );
    let missing = t.get("/cases/0000", Some(&ana)).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(missing.body.contains("No encontrado"), "{}", missing.body);

    // The API stays English: its messages are a contract.
    let api = t
        .api("GET", "/api/v1/cases/nope", Some(&ana.token), None)
        .await;
    assert_eq!(api.json()["error"], "not found");

    // A language Refuge does not speak is refused, naming it; nothing changes.
    let refused = t
        .post("/settings/language", &ana, &[("language", "xx")])
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused
            .body
            .contains("Idioma: xx no es un idioma que Refuge hable."),
        "{}",
        refused.body
    );
    assert_eq!(
        t.db()
            .audit_log(Some(AuditAction::SettingsLanguage), 10)
            .await
            .unwrap()
            .len(),
        1
    );

    // Back to the browser's language: English here, and the cookie forgotten.
    let back = t
        .post("/settings/language", &ana, &[("language", "")])
        .await;
    assert!(back.body.contains("Language saved."), "{}", back.body);
    assert!(
        t.get("/", Some(&ana))
            .await
            .body
            .contains("<h1>Deadlines across your cases</h1>")
    );

    // Another user's pages are theirs: English.
    let bob = t.login("bob", Role::Staff).await;
    assert!(
        t.get("/settings", Some(&bob))
            .await
            .body
            .contains("<h1>Settings</h1>")
    );
}
}
