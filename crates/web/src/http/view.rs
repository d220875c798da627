//! What every page shares: the frame (`Ctx`), rendering, error pages,
//! redirects and the stylesheet.

use askama::Template;
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use refuge_i18n::Lang;

use crate::http::lang::{self, Arg};
use crate::store::User;

/// What every page's frame needs: the title and, when signed in, the user
/// and CSRF token; the language the page is written in, and the time zone
/// it shows times in.
pub struct Ctx {
    pub title: String,
    pub user: Option<User>,
    pub csrf: String,
    /// The time zone the page shows times in: the user's, else the server's.
    pub tz: jiff::tz::TimeZone,
    /// The language the page is written in (`<html lang>`, and every `t`).
    pub lang: Lang,
}

impl Ctx {
    /// The frame of a page before signing in, titled by the message
    /// `title_id`, in the request's language.
    pub fn anonymous(title_id: &str) -> Ctx {
        let lang = lang::current();
        Ctx {
            title: refuge_i18n::tr(lang, title_id),
            user: None,
            csrf: String::new(),
            tz: jiff::tz::TimeZone::system(),
            lang,
        }
    }

    /// A stored time in this page's time zone ([`local`]).
    pub fn local(&self, utc: &str) -> String {
        local(utc, &self.tz)
    }

    /// The message `id` in the page's language: `{{ ctx.t("web-nav-cases") }}`.
    pub fn t(&self, id: &str) -> Text {
        Text::new(refuge_i18n::tr(self.lang, id))
    }

    /// The message `id` as plain text, to give another message as an
    /// argument: `{{ ctx.t1("prep-bring", "forum", ctx.s("prep-forum-court")) }}`.
    pub fn s(&self, id: &str) -> String {
        refuge_i18n::tr(self.lang, id)
    }

    /// The message `id` with one argument: `{{ ctx.t1("dashboard-in-days", "days", n) }}`.
    pub fn t1(&self, id: &str, k: &str, v: impl Arg) -> Text {
        Text::new(lang::tr(self.lang, id, &[(k, &v)]))
    }

    /// The message `id` with two arguments.
    pub fn t2(&self, id: &str, k1: &str, v1: impl Arg, k2: &str, v2: impl Arg) -> Text {
        Text::new(lang::tr(self.lang, id, &[(k1, &v1), (k2, &v2)]))
    }

    /// The message `id` with three arguments.
    #[allow(clippy::too_many_arguments)]
    pub fn t3(
        &self,
        id: &str,
        k1: &str,
        v1: impl Arg,
        k2: &str,
        v2: impl Arg,
        k3: &str,
        v3: impl Arg,
    ) -> Text {
        Text::new(lang::tr(self.lang, id, &[(k1, &v1), (k2, &v2), (k3, &v3)]))
    }

    /// A day (`2026-12-07`) written out in the page's language.
    pub fn day(&self, iso: impl AsRef<str>) -> String {
        lang::day(self.lang, iso.as_ref())
    }

    /// A whole number with the page's language's grouping of thousands.
    pub fn num(&self, n: impl std::borrow::Borrow<i64>) -> String {
        refuge_i18n::number(self.lang, *n.borrow())
    }
}

/// A message as a page shows it: escaped for HTML once, here (arguments
/// included: a client's name), so that askama writes it as it is and an
/// apostrophe stays one.
pub struct Text(String);

impl Text {
    /// Text escaped for a page (a rendered message, for a template without a [`Ctx`]).
    pub fn new(s: String) -> Text {
        if s.contains(['&', '<', '>', '"']) {
            Text(esc(&s))
        } else {
            Text(s)
        }
    }
}

/// HTML-escapes text for element content and double-quoted attribute
/// values (every attribute the workspace writes is double-quoted, so an
/// apostrophe needs no escape).
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl askama::filters::HtmlSafe for Text {}

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
}

/// An error page with its status: the status in words as its title (the
/// message `error-status-CODE`, else `error-status`), and the message,
/// worded by the caller in the request's language.
pub fn error_page(status: StatusCode, message: &str) -> Response {
    let title = match status.as_u16() {
        400 => "error-status-400",
        403 => "error-status-403",
        404 => "error-status-404",
        409 => "error-status-409",
        413 => "error-status-413",
        422 => "error-status-422",
        429 => "error-status-429",
        500 => "error-status-500",
        503 => "error-status-503",
        _ => "error-status",
    };
    let ctx = Ctx::anonymous(title);
    (status, render(&Message { ctx, message })).into_response()
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
