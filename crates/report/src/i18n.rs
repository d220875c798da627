//! The engine's messages in the reader's language: the engine gives each
//! question as a message id with its arguments (`Question::ask_message`),
//! and this renders it from the catalogues of `refuge-i18n`
//! (`locales/<language>/questions.ftl`), whose English is the engine's own;
//! each finding's question of law by its definition
//! (`locales/<language>/findings.ftl`).

use std::borrow::Cow;

use refuge_engine::defs::{self, Def};
use refuge_engine::output::{Arg, Message, Question};
use refuge_i18n::{FluentArgs, Lang, tr_args};

/// A message of the engine in `lang`: each argument that is itself a
/// message is rendered first; a date is given as `$name` (as the facts write
/// it, `2025-09-20`) and `$name_long` (written out in the language).
pub fn message(lang: Lang, m: &Message) -> String {
    let mut args = FluentArgs::new();
    for (name, arg) in &m.args {
        match arg {
            Arg::Text(t) => args.set(*name, t.as_str()),
            Arg::Number(n) => args.set(*name, *n),
            Arg::Date(d) => {
                args.set(*name, d.to_string());
                args.set(format!("{name}_long"), refuge_i18n::date(lang, *d));
            }
            Arg::Message(inner) => args.set(*name, message(lang, inner)),
        }
    }
    tr_args(lang, m.id, Some(&args))
}

/// A question to put to the client, in `lang`: its message, or the engine's
/// English where it has none (a field asked by its name).
pub fn question(lang: Lang, q: &Question) -> String {
    match &q.ask_message {
        Some(m) => message(lang, m),
        None => q.ask.to_string(),
    }
}

/// The message id of a finding definition's question: `finding-` and its id
/// with dots as hyphens, without the segment a harm, group or family member
/// fills (`harm.<hid>.severity` → `finding-harm-severity`). Its English is
/// the definition's `question` (`locales/en/findings.ftl`; a test holds them
/// equal both ways).
pub fn finding_message_id(def: &Def) -> String {
    let mut id = String::from("finding");
    for part in def.id.split('.').filter(|p| !p.starts_with('<')) {
        id.push('-');
        id.push_str(part);
    }
    id
}

/// The question of law a finding answers, in `lang`: by the finding's id
/// (`harm.h1.severity`), its definition's message; the engine's English
/// (`english`) in English, or where the definition has no message yet.
pub fn finding_question<'a>(lang: Lang, id: &str, english: &'a str) -> Cow<'a, str> {
    if lang == Lang::english() {
        return Cow::Borrowed(english);
    }
    match defs::find(id).map(finding_message_id) {
        Some(m) if refuge_i18n::exists(&m) => Cow::Owned(refuge_i18n::tr(lang, &m)),
        _ => Cow::Borrowed(english),
    }
}
