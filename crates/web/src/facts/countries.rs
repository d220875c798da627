//! Countries as the forms take and show them: by name, in any language
//! Refuge speaks, or by two-letter code; stored as codes. The names are
//! messages, `country-<CODE>` (`crates/i18n/locales/<language>/countries.ftl`).

use refuge_i18n::Lang;
use serde_json::Value;

use super::form::show;

/// The countries a user picks from, by code and name in `lang`
/// (`locales/<language>/countries.ftl`), in the order of their codes.
pub fn countries(lang: Lang) -> &'static [(&'static str, String)] {
    type Names = Vec<(&'static str, String)>;
    static LISTS: std::sync::OnceLock<Vec<(Lang, Names)>> = std::sync::OnceLock::new();
    let lists = LISTS.get_or_init(|| {
        Lang::all()
            .map(|l| (l, refuge_i18n::words(l, "country-").into_iter().collect()))
            .collect()
    });
    lists
        .iter()
        .find(|(l, _)| *l == lang)
        .map_or(&[], |(_, list)| list.as_slice())
}

/// A country's English name, by its code (`SV` → El Salvador): the
/// documents filed in English name countries so.
pub fn country_name(code: &str) -> Option<&'static str> {
    country_name_in(Lang::english(), code)
}

/// A country's name in `lang`, by its code (`MX` → México).
pub fn country_name_in(lang: Lang, code: &str) -> Option<&'static str> {
    countries(lang)
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, name)| name.as_str())
}

/// A name as compared: lower case, without accents, single spaces
/// ("Cote d'Ivoire" is "Côte d'Ivoire").
fn folded(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'å' | 'ã' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            '’' => '\'',
            c => c,
        })
        .collect()
}

/// The code of the country named `t` (in any language), or `t` itself when it is a
/// two-letter code (any: the engine takes a code the table lacks, such as
/// one given through the API, and an untouched form saves it again).
fn country_code(t: &str) -> Option<String> {
    if t.len() == 2 && t.chars().all(|c| c.is_ascii_alphabetic()) {
        return Some(t.to_ascii_uppercase());
    }
    let name = folded(t);
    Lang::all()
        .flat_map(countries)
        .find(|(_, n)| folded(n) == name)
        .map(|(code, _)| code.to_string())
}

pub(super) fn country(t: &str) -> Result<String, String> {
    country_code(t).ok_or_else(|| unknown_countries(&[t]))
}

/// The error for what names no country: each named as typed.
fn unknown_countries(typed: &[&str]) -> String {
    let quoted: Vec<String> = typed.iter().map(|t| format!("{t:?}")).collect();
    let what = match quoted.as_slice() {
        [one] => format!("{one} is not a country"),
        [init @ .., last] => format!("{} and {last} are not countries", init.join(", ")),
        [] => String::new(),
    };
    format!("{what}: give a name (El Salvador) or a two-letter code (SV)")
}

/// Countries separated by commas (or semicolons, or lines), by name or
/// code; codes may also be separated by spaces (`SV MX`). A name that has
/// a comma in it (`Virgin Islands, British`) is one country.
pub(super) fn countries_in(t: &str) -> Result<Vec<Value>, String> {
    let pieces: Vec<&str> = t
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let (mut out, mut unknown) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < pieces.len() {
        let joined = (2..=3)
            .rev()
            .filter(|n| i + n <= pieces.len())
            .find_map(|n| country_code(&pieces[i..i + n].join(", ")).map(|code| (n, code)));
        if let Some((n, code)) = joined {
            out.push(Value::from(code));
            i += n;
            continue;
        }
        let piece = pieces[i];
        let codes: Option<Vec<String>> = match country_code(piece) {
            Some(code) => Some(vec![code]),
            None => piece
                .split_whitespace()
                .map(|w| (w.len() == 2).then(|| country_code(w)).flatten())
                .collect::<Option<Vec<_>>>()
                .filter(|c| c.len() > 1),
        };
        match codes {
            Some(codes) => out.extend(codes.into_iter().map(Value::from)),
            None => unknown.push(piece),
        }
        i += 1;
    }
    if unknown.is_empty() {
        Ok(out)
    } else {
        Err(unknown_countries(&unknown))
    }
}

/// A stored country (or list of them) as the form shows it: by name in
/// `lang` (`["SV", "MX"]` → `El Salvador, Mexico`; `El Salvador, México`),
/// a code the table lacks as it is.
pub fn show_countries(lang: Lang, v: Option<&Value>) -> String {
    let name = |x: &Value| match x.as_str() {
        Some(code) => country_name_in(lang, code).unwrap_or(code).to_string(),
        None => show(Some(x)),
    };
    match v {
        Some(Value::String(_)) => name(v.unwrap_or(&Value::Null)),
        Some(Value::Array(a)) if !a.is_empty() => a.iter().map(name).collect::<Vec<_>>().join(", "),
        other => show(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_has_a_name_in_every_language_and_is_read_by_any_of_them() {
        let english = countries(Lang::english());
        assert!(english.len() >= 249, "{}", english.len());
        for lang in Lang::all() {
            let names = countries(lang);
            assert_eq!(names.len(), english.len(), "{lang}");
            for (code, name) in names {
                assert_eq!(country(name).as_deref(), Ok(*code), "{lang}: {name}");
            }
        }
        let es = Lang::parse("es").unwrap();
        assert_eq!(country_name_in(es, "DE"), Some("Alemania"));
        assert_eq!(country_name("DE"), Some("Germany"));
        assert_eq!(
            show_countries(es, Some(&serde_json::json!(["SV", "MX", "QQ"]))),
            "El Salvador, México, QQ"
        );
    }
}
