//! The application: its state, and every area's routes under one router
//! with the layers that apply to all (the page's language, body limit, security headers, request log).

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, header};

use crate::http::routes::{Access, Route, Routes};
use crate::http::view;
use crate::state::AppState;
use crate::{
    admin, api, application, auth, calendar, cases, dashboard, documents, export, facts, intake,
    interview, lawchange, settings,
};

/// The largest request body accepted (a facts document is a few kilobytes).
pub const BODY_LIMIT: usize = 1 << 20;

/// The whole application as one router, for the server and for tests
/// (`tower::ServiceExt::oneshot`, no socket).
pub fn app(state: AppState) -> Router {
    let (router, _) = routes();
    router
        .layer(axum::middleware::from_fn(crate::http::lang::scope))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::map_response(security_headers))
        .layer(axum::middleware::from_fn(log_request))
        .with_state(state)
}

/// Where the API lives.
const API: &str = "/api/v1";

/// Every area's routes as one router, and the table of every route with
/// the access it requires (which the authorization test walks).
pub fn routes() -> (Router<AppState>, Vec<Route>) {
    let (api, api_table) = api::routes(API);
    let (router, table) = Routes::new()
        .get("/static/style.css", Access::Public, view::stylesheet)
        .get("/static/icon.svg", Access::Public, view::icon)
        .get("/favicon.ico", Access::Public, view::favicon)
        .merge(auth::routes())
        .merge(dashboard::routes())
        .merge(cases::routes())
        .merge(facts::routes())
        .merge(application::routes())
        .merge(interview::routes())
        .merge(lawchange::routes())
        .merge(documents::routes())
        .merge(intake::routes())
        .merge(calendar::routes())
        .merge(settings::routes())
        .merge(admin::routes())
        .merge(export::routes())
        .with_table(api_table)
        .into_parts();
    (
        router
            .nest(API, api)
            .fallback(crate::http::error::not_found),
        table,
    )
}

/// The table of every route (see [`routes`]).
pub fn route_table() -> Vec<Route> {
    routes().1
}

/// Logs each request at debug level (`REFUGE_LOG=refuge_web=debug`): the
/// method, the route pattern (`/cases/{id}`, never the id or a token), the
/// status and the time taken. Nothing else of the request is logged.
async fn log_request(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    if !tracing::enabled!(tracing::Level::DEBUG) {
        return next.run(req).await;
    }
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map(|p| p.as_str().to_string())
        .unwrap_or_else(|| "(unmatched)".into());
    let start = std::time::Instant::now();
    let res = next.run(req).await;
    tracing::debug!(%method, route, status = res.status().as_u16(), micros = start.elapsed().as_micros() as u64, "request");
    res
}

/// Headers on every response: no framing, no sniffing, no referrer leaking a
/// case id, a strict content policy (the pages use no script and no outside
/// asset), and no caching of confidential pages.
async fn security_headers(mut res: axum::response::Response) -> axum::response::Response {
    let h = res.headers_mut();
    let set = |h: &mut axum::http::HeaderMap, k, v| {
        h.entry(k).or_insert(HeaderValue::from_static(v));
    };
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(h, header::REFERRER_POLICY, "no-referrer");
    set(
        h,
        header::CONTENT_SECURITY_POLICY,
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    set(h, header::CACHE_CONTROL, "no-store");
    res
}
