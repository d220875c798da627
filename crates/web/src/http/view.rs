//! What every page shares: the frame (`Ctx`), rendering, error pages,
//! redirects and the stylesheet.

use askama::Template;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use refuge_engine::NOTICE;

use crate::store::User;

/// What every page's frame needs: the title and, when signed in, the user and CSRF token.
pub struct Ctx {
    pub title: String,
    pub user: Option<User>,
    pub csrf: String,
    /// The time zone the page shows times in: the user's, else the server's.
    pub tz: jiff::tz::TimeZone,
}

impl Ctx {
    pub fn anonymous(title: &str) -> Ctx {
        Ctx {
            title: title.into(),
            user: None,
            csrf: String::new(),
            tz: jiff::tz::TimeZone::system(),
        }
    }

    /// A stored time in this page's time zone ([`local`]).
    pub fn local(&self, utc: &str) -> String {
        local(utc, &self.tz)
    }
}

pub fn render<T: Template>(t: &T) -> Response {
    match t.render() {
        Ok(html) => Html(html).into_response(),
        Err(e) => {
            tracing::error!(error = %e, "template rendering failed");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "the page could not be rendered",
            )
                .into_response()
        }
    }
}

#[derive(Template)]
#[template(path = "message.html")]
struct Message<'a> {
    ctx: Ctx,
    message: &'a str,
    notice: &'static str,
}

/// An error page with its status: the status in words as its title, and the message.
pub fn error_page(status: StatusCode, message: &str) -> Response {
    let title = status.canonical_reason().unwrap_or("Error");
    (
        status,
        render(&Message {
            ctx: Ctx::anonymous(title),
            message,
            notice: NOTICE,
        }),
    )
        .into_response()
}

pub async fn stylesheet() -> Response {
    static CSS: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let css = CSS.get_or_init(|| {
        format!(
            "{}\n{}",
            refuge_report::STYLESHEET,
            include_str!("../../static/style.css")
        )
    });
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        css.as_str(),
    )
        .into_response()
}

/// The address users reach Refuge at, for a link that leaves the browser
/// (a calendar feed, a client's intake link): `--public-url` when Refuge is
/// served behind a proxy (issue 15: it was always http:// and the Host
/// header), else this request's host.
pub fn public_base(public_url: Option<&str>, headers: &axum::http::HeaderMap) -> String {
    match public_url {
        Some(url) => url.trim_end_matches('/').to_string(),
        None => {
            let host = headers
                .get(header::HOST)
                .and_then(|h| h.to_str().ok())
                .unwrap_or("127.0.0.1:8080");
            format!("http://{host}")
        }
    }
}

/// A query string, its errors answered with an error page (axum's own
pub fn see_other(to: String) -> Response {
    Redirect::to(&to).into_response()
}

/// The site's icon: a shield, in the site's ink colour.
const ICON: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path fill="#1f3a5f" d="M16 2 4 6v9c0 7.5 5.1 13.3 12 15 6.9-1.7 12-7.5 12-15V6z"/><path fill="#fff" d="M10 16h12v2H10zm5-5h2v12h-2z"/></svg>"##;

pub async fn icon() -> Response {
    (
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "public, max-age=86400"),
        ],
        ICON,
    )
        .into_response()
}

/// Browsers ask for `/favicon.ico` whatever the page says: the icon.
pub async fn favicon() -> Response {
    Redirect::permanent("/static/icon.svg").into_response()
}

/// A stored time (UTC, `2026-12-07T03:15:46Z`) in the time zone `tz` (the
/// user's, else the server's: [`Ctx::local`]), to the minute, with the
/// zone's abbreviation (`2026-12-06 22:15 EST`); the text as stored when it
/// is not such a time.
pub fn local(utc: &str, tz: &jiff::tz::TimeZone) -> String {
    match utc.parse::<jiff::Timestamp>() {
        Ok(t) => t
            .to_zoned_datetime(tz.clone())
            .strftime("%Y-%m-%d %H:%M %Z")
            .to_string(),
        Err(_) => utc.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::local;

    #[test]
    fn a_stored_time_is_shown_to_the_minute_with_its_zone_and_other_text_as_is() {
        let shown = local("2026-12-07T03:15:46Z", &jiff::tz::TimeZone::system());
        let (date, rest) = shown.split_at(10);
        assert!(date.starts_with("2026-12-0"), "{shown}");
        assert!(
            rest.starts_with(' ') && rest[1..].find(' ') == Some(5),
            "a time to the minute, then the zone: {shown}"
        );
        assert!(!shown.contains(":46") && !shown.contains("T03"), "{shown}");
        assert_eq!(local("not a time", &jiff::tz::TimeZone::UTC), "not a time");
        let new_york = jiff::tz::db().get("America/New_York").unwrap();
        assert_eq!(
            local("2026-12-07T03:15:46Z", &new_york),
            "2026-12-06 22:15 EST"
        );
    }
}

/// One saved version on a history page (the facts' or the application's):
/// who saved it, when, and what it changed. `templates/versions.html` lists them.
pub struct VersionView {
    pub version: i64,
    pub changed_by: String,
    pub changed_at: String,
    pub changes: Vec<ChangeView>,
}

/// A change as a history page shows it: its label and its values as the
/// page words them, the path beside it for the technically minded.
#[derive(serde::Deserialize)]
pub struct ChangeView {
    #[serde(default)]
    pub label: String,
    pub path: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl VersionView {
    /// A stored version; `changes` is its JSON list of `{path, before,
    /// after}` (one that cannot be read shows as no change), each worded by
    /// `word` (which gives the label).
    pub fn new(
        version: i64,
        changed_by: String,
        changed_at: String,
        changes: &str,
        word: impl Fn(ChangeView) -> ChangeView,
    ) -> VersionView {
        VersionView {
            version,
            changed_by,
            changed_at,
            changes: serde_json::from_str::<Vec<ChangeView>>(changes)
                .unwrap_or_default()
                .into_iter()
                .map(word)
                .collect(),
        }
    }
}
