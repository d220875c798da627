//! The language a page is written in (issue 19), and the helpers templates
//! translate with.
//!
//! A signed-in user's pages follow the language chosen in Settings; before
//! that (or without a choice), the language picked on the sign-in page (the
//! cookie [`LANG_COOKIE`]), else the browser's `Accept-Language`, else
//! English. [`scope`] (a layer over every route) decides it for each request
//! from the request alone, and the session, once read, puts the user's
//! choice in its place ([`set_current`]): so a page made without a session
//! (sign-in, an error page) speaks the reader's language too.
//!
//! The API's JSON stays English: its messages are a contract.

use std::cell::Cell;

use axum::http::HeaderMap;
use axum::http::header::ACCEPT_LANGUAGE;
use refuge_i18n::{FluentValue, Lang};

use crate::http::session::cookie;

/// The cookie that keeps the language chosen before signing in (and the
/// one a signed-in user saved), a year long.
pub const LANG_COOKIE: &str = "refuge_lang";

/// The `Set-Cookie` value that forgets the language picked.
pub fn clear_lang_cookie() -> String {
    format!("{LANG_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0")
}

/// The `Set-Cookie` value that keeps `lang` for pages before sign-in: a
/// language code, nothing of a case or a user.
pub fn lang_cookie(lang: Lang) -> String {
    format!(
        "{LANG_COOKIE}={}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=31536000",
        lang.code()
    )
}

/// The language of a request before its session is read: the cookie, else
/// the browser's preferences, else English.
pub fn of_request(headers: &HeaderMap) -> Lang {
    cookie(headers, LANG_COOKIE)
        .and_then(Lang::parse)
        .unwrap_or_else(|| of_browser(headers))
}

/// The browser's language: the first shipped one of `Accept-Language`,
/// else English.
pub fn of_browser(headers: &HeaderMap) -> Lang {
    headers
        .get(ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map(Lang::negotiate)
        .unwrap_or_else(Lang::english)
}

/// The language of a signed-in user: their choice in Settings (a code),
/// else the request's ([`of_request`]).
pub fn of_user(chosen: Option<&str>, headers: &HeaderMap) -> Lang {
    chosen
        .and_then(Lang::parse)
        .unwrap_or_else(|| of_request(headers))
}

tokio::task_local! {
    static CURRENT: Cell<Lang>;
}

/// Runs the rest of the request in its language ([`of_request`]), which
/// [`current`] then reads: the layer over every route.
pub async fn scope(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let lang = of_request(req.headers());
    CURRENT.scope(Cell::new(lang), next.run(req)).await
}

/// The language of the request being answered; English outside one.
pub fn current() -> Lang {
    CURRENT.try_with(Cell::get).unwrap_or_default()
}

/// The signed-in user's language, for the rest of their request.
pub fn set_current(lang: Lang) {
    let _ = CURRENT.try_with(|c| c.set(lang));
}

/// A value given to a message as an argument: a number (which plural
/// forms select on) or text. Templates pass their values by reference,
/// hence the impl for `&T`.
pub trait Arg: Sync {
    fn value(&self) -> FluentValue<'static>;
}

impl<T: Arg + ?Sized> Arg for &T {
    fn value(&self) -> FluentValue<'static> {
        (**self).value()
    }
}

impl Arg for str {
    fn value(&self) -> FluentValue<'static> {
        FluentValue::from(self.to_string())
    }
}

impl Arg for String {
    fn value(&self) -> FluentValue<'static> {
        self.as_str().value()
    }
}

impl Arg for std::borrow::Cow<'_, str> {
    fn value(&self) -> FluentValue<'static> {
        self.as_ref().value()
    }
}

macro_rules! number_arg {
    ($($t:ty),*) => {$(
        impl Arg for $t {
            fn value(&self) -> FluentValue<'static> {
                FluentValue::from(*self as f64)
            }
        }
    )*};
}
number_arg!(i32, i64, u32, u64, usize);

/// The message `id` in `lang` with `args` (name, value).
pub fn tr(lang: Lang, id: &str, args: &[(&str, &dyn Arg)]) -> String {
    if args.is_empty() {
        return refuge_i18n::tr(lang, id);
    }
    let mut a = refuge_i18n::FluentArgs::new();
    for (k, v) in args {
        a.set(*k, v.value());
    }
    refuge_i18n::tr_args(lang, id, Some(&a))
}

/// A day as the pages show it (`2026-12-07` written out for `lang`:
/// `December 7, 2026`, `7 de diciembre de 2026`); any other text as it is.
pub fn day(lang: Lang, iso: &str) -> String {
    match iso.parse::<jiff::civil::Date>() {
        Ok(d) => refuge_i18n::date(lang, d),
        Err(_) => iso.to_string(),
    }
}
