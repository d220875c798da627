//! Refuge's wording in every language it speaks.
//!
//! Each language is a folder of [Fluent](https://projectfluent.org/) files,
//! `locales/<code>/*.ftl`, embedded at build time (`build.rs`): adding a
//! language adds a folder and no code (`locales/README.md`, for translators).
//! English (`en`) is the source and the fallback: a message missing in
//! another language is shown in English, and a test fails on any message id
//! that a shipped language lacks.
//!
//! The engine and the other pure crates give message ids and arguments; the
//! views render them here, in the reader's language.

use std::sync::OnceLock;

use fluent_bundle::FluentResource;
use fluent_bundle::concurrent::FluentBundle;
use jiff::civil::Date;
use unic_langid::LanguageIdentifier;

pub use fluent_bundle::{FluentArgs, FluentValue};

/// Every shipped language's files: `(code, [(file name, text)])`.
pub const FILES: &[(&str, &[(&str, &str)])] = include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// A language Refuge speaks, by its code (`en`, `es`): a folder of `locales/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lang(usize);

impl Lang {
    /// English: the source language and the fallback.
    pub fn english() -> Lang {
        Lang::parse("en").expect("locales/en is shipped")
    }

    /// Every shipped language, in the order of their codes.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..FILES.len()).map(Lang)
    }

    /// The language with this code (`es`, or `es-US`: the region is
    /// ignored), if it is shipped.
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        FILES.iter().position(|(c, _)| *c == primary).map(Lang)
    }

    /// The first shipped language of an `Accept-Language` header, by its
    /// weights; English if none is.
    pub fn negotiate(accept_language: &str) -> Lang {
        let mut wanted: Vec<(f32, &str)> = accept_language
            .split(',')
            .filter_map(|part| {
                let mut it = part.split(';');
                let tag = it.next()?.trim();
                let q = it
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse().ok())
                    .unwrap_or(1.0);
                Some((q, tag))
            })
            .collect();
        wanted.sort_by(|a, b| b.0.total_cmp(&a.0));
        wanted
            .into_iter()
            .filter(|(q, _)| *q > 0.0)
            .find_map(|(_, tag)| Lang::parse(tag))
            .unwrap_or_else(Lang::english)
    }

    /// Its code: `en`, `es`.
    pub fn code(self) -> &'static str {
        FILES[self.0].0
    }

    /// Its name in itself (`English`, `Español`): the message `language-name`.
    pub fn name(self) -> String {
        tr(self, "language-name")
    }
}

impl Default for Lang {
    fn default() -> Self {
        Lang::english()
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

fn bundles() -> &'static [FluentBundle<FluentResource>] {
    static BUNDLES: OnceLock<Vec<FluentBundle<FluentResource>>> = OnceLock::new();
    BUNDLES.get_or_init(|| {
        FILES
            .iter()
            .map(|(code, files)| {
                let id: LanguageIdentifier =
                    code.parse().expect("a language folder is a language code");
                let mut bundle = FluentBundle::new_concurrent(vec![id]);
                // Plain text out: no Unicode direction marks around arguments.
                bundle.set_use_isolating(false);
                for (_, text) in *files {
                    // A syntax error or an id given twice is a test failure
                    // (tests/catalog.rs); at run time the messages that did
                    // parse are kept, and the first of a repeated id stands.
                    let resource = FluentResource::try_new(text.to_string())
                        .unwrap_or_else(|(partial, _)| partial);
                    let _ = bundle.add_resource(resource);
                }
                bundle
            })
            .collect()
    })
}

/// The message `id` in `lang`, with `args`; in English if `lang` lacks it;
/// the id itself if English lacks it too (which a test forbids).
pub fn tr_args(lang: Lang, id: &str, args: Option<&FluentArgs>) -> String {
    for l in [lang, Lang::english()] {
        let bundle = &bundles()[l.0];
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = vec![];
            return bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
        }
    }
    id.to_string()
}

/// The message `id` in `lang`, if there is one (a name made from data,
/// such as a parameter's, that may not be worded yet).
pub fn tr_opt(lang: Lang, id: &str) -> Option<String> {
    exists(id).then(|| tr(lang, id))
}

/// Whether `id` is a message (of English, and so of every shipped language).
pub fn exists(id: &str) -> bool {
    bundles()[Lang::english().0].has_message(id)
}

/// Every message whose id starts with `prefix`, in `lang`, by the rest of
/// its id: a document's fixed words (`doc-memo-` gives `title`, `reliefs`,
/// …), handed to its template as data.
pub fn words(lang: Lang, prefix: &str) -> std::collections::BTreeMap<&'static str, String> {
    english_ids()
        .iter()
        .filter_map(|id| id.strip_prefix(prefix).map(|rest| (rest, tr(lang, id))))
        .collect()
}

/// English's message ids, in the order of its files.
fn english_ids() -> &'static [&'static str] {
    static IDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    IDS.get_or_init(|| {
        let (_, files) = FILES[Lang::english().0];
        let mut ids = Vec::new();
        for (_, text) in files {
            let res = match fluent_syntax::parser::parse(*text) {
                Ok(r) | Err((r, _)) => r,
            };
            for e in res.body {
                if let fluent_syntax::ast::Entry::Message(m) = e {
                    ids.push(m.id.name);
                }
            }
        }
        ids
    })
}

/// The message `id` in `lang` (see [`tr_args`]).
pub fn tr(lang: Lang, id: &str) -> String {
    tr_args(lang, id, None)
}

/// The message `id` in `lang` with named arguments:
/// `tr_with(lang, "deadline-in", &[("days", 12.into())])`.
pub fn tr_with(lang: Lang, id: &str, args: &[(&str, FluentValue)]) -> String {
    let mut a = FluentArgs::new();
    for (k, v) in args {
        a.set(*k, v.clone());
    }
    tr_args(lang, id, Some(&a))
}

/// A date written out for `lang` (`December 7, 2026`; `7 de diciembre de
/// 2026`): the message `date-long`, given `day`, `month` (the message
/// `month-N`) and `year`.
pub fn date(lang: Lang, d: Date) -> String {
    let month = tr(lang, &format!("month-{}", d.month()));
    tr_with(
        lang,
        "date-long",
        &[
            ("day", i64::from(d.day()).into()),
            ("month", month.into()),
            ("year", i64::from(d.year()).to_string().into()),
        ],
    )
}

/// A whole number with `lang`'s grouping of thousands (`12,500`; the
/// message `number-group-separator`).
pub fn number(lang: Lang, n: i64) -> String {
    let sep = tr(lang, "number-group-separator");
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(&sep);
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}
