//! A change of the law in the reader's language (issue 19): what moved,
//! its values before and after, and each cause, rendered from what the
//! engine records (`refuge_engine::change::{Moved, Cause}`: ids, dates,
//! outcomes and amounts) with the messages `lawchange-*` of
//! `crates/i18n/locales/<language>/web-lawchange.ftl`. In English the words
//! are the engine's own ([`Cause::words`]; a test holds them equal).
//!
//! What the law data and the change notes write as prose (a change note, a
//! source's title) is quoted as written, in English, like the engine's
//! reasons.

use refuge_engine::change::{Cause, rules_detail};
use refuge_i18n::{FluentValue, Lang, exists, tr, tr_opt, tr_with};

/// The cause in `lang`: the parameter by its name with its values before
/// and after, the part of the law data, the rules with the findings that
/// moved, or a change that cannot be attributed.
pub fn cause(lang: Lang, c: &Cause) -> String {
    match c {
        Cause::Parameter {
            id,
            label,
            before,
            after,
            source,
            ..
        } => {
            let mut args: Vec<(&str, FluentValue)> = vec![
                ("name", parameter_name(lang, id, label).into()),
                ("before", periods(lang, before).into()),
                ("after", periods(lang, after).into()),
            ];
            match source {
                Some(s) => {
                    args.push(("source", s.title.clone().into()));
                    tr_with(lang, "lawchange-cause-parameter-source", &args)
                }
                None => tr_with(lang, "lawchange-cause-parameter", &args),
            }
        }
        Cause::LawData { part, note, .. } => {
            let part = tr(lang, &format!("lawchange-part-{part}"));
            match note {
                Some(n) => tr_with(
                    lang,
                    "lawchange-cause-law-data-note",
                    &[("part", part.into()), ("note", n.clone().into())],
                ),
                None => tr_with(lang, "lawchange-cause-law-data", &[("part", part.into())]),
            }
        }
        Cause::Rules {
            from,
            to,
            findings,
            notes,
        } => {
            let outcome = |o: Option<&str>| match o {
                Some(o) => named(lang, &format!("report-outcome-{o}"), o),
                None => tr(lang, "lawchange-absent"),
            };
            let first = tr_with(
                lang,
                "lawchange-cause-rules",
                &[("from", from.clone().into()), ("to", to.clone().into())],
            );
            first + &rules_detail(findings, notes, outcome)
        }
        Cause::Unattributed {
            law_from, law_to, ..
        } => tr_with(
            lang,
            "lawchange-cause-unattributed",
            &[
                ("from", law_from.clone().into()),
                ("to", law_to.clone().into()),
            ],
        ),
    }
}

/// An item that moved, named for a reader: a relief by its name, a date
/// by its name, a warning by its code.
pub fn item(lang: Lang, kind: &str, id: &str) -> String {
    match kind {
        "relief" => tr_with(
            lang,
            "lawchange-item-relief",
            &[("name", named(lang, &format!("relief-{id}"), id).into())],
        ),
        "warning" => tr_with(lang, "lawchange-item-warning", &[("code", id.into())]),
        _ => {
            let label = format!("report-deadline-{}", id.replace('.', "-"));
            tr_opt(lang, &label)
                .unwrap_or_else(|| tr_with(lang, "lawchange-item-date", &[("id", id.into())]))
        }
    }
}

/// An item's value before or after, as the engine records it (a relief's
/// outcome; a date with its status and fee, `2026-06-01 upcoming, $102`;
/// a warning `raised`), in `lang`; what it cannot read, as recorded.
pub fn value(lang: Lang, kind: &str, v: Option<&str>) -> String {
    let Some(v) = v else {
        return tr(lang, "lawchange-none");
    };
    match kind {
        "relief" => named(lang, &format!("relief-outcome-{v}"), v),
        "warning" if v == "raised" => tr(lang, "lawchange-warning-raised"),
        "deadline" => date_value(lang, v).unwrap_or_else(|| v.to_string()),
        _ => v.to_string(),
    }
}

/// `2026-06-01 upcoming` or `2026-06-01 upcoming, $102`.
fn date_value(lang: Lang, v: &str) -> Option<String> {
    let (date_status, fee) = match v.split_once(", ") {
        Some((d, fee)) => (d, Some(fee)),
        None => (v, None),
    };
    let (date, status) = date_status.split_once(' ')?;
    let mut args = date_args(lang, "date", date)?;
    args.push((
        "status",
        named(lang, &format!("report-status-{status}"), status).into(),
    ));
    Some(match fee {
        Some(fee) => {
            args.push(("fee", fee.to_string().into()));
            tr_with(lang, "lawchange-date-fee", &args)
        }
        None => tr_with(lang, "lawchange-date", &args),
    })
}

/// A parameter's values in `lang`, from the engine's words for them
/// (`$100 from 2025-07-22 to 2025-12-31; $102 from 2026-01-01`, `1 years
/// from 1997-04-01`, `not set`); as written where they do not read so.
fn periods(lang: Lang, text: &str) -> String {
    if text == "not set" {
        return tr(lang, "lawchange-not-set");
    }
    let read: Option<Vec<String>> = text.split("; ").map(|p| period(lang, p)).collect();
    read.map_or_else(|| text.to_string(), |p| p.join("; "))
}

fn period(lang: Lang, p: &str) -> Option<String> {
    let (value, dates) = p.rsplit_once(" from ")?;
    let (from, to) = match dates.split_once(" to ") {
        Some((f, t)) => (f, Some(t)),
        None => (dates, None),
    };
    let mut args = date_args(lang, "from", from)?;
    args.push(("value", parameter_value(lang, value)?.into()));
    Some(match to {
        Some(to) => {
            args.extend(date_args(lang, "to", to)?);
            tr_with(lang, "lawchange-period-until", &args)
        }
        None => tr_with(lang, "lawchange-period", &args),
    })
}

/// `$102` as it is; `180 days` by its unit's message; a date written for `lang`.
fn parameter_value(lang: Lang, v: &str) -> Option<String> {
    if v.starts_with('$') {
        return Some(v.to_string());
    }
    if let Some((n, unit)) = v.split_once(' ') {
        let n: i64 = n.parse().ok()?;
        let id = format!("lawchange-unit-{unit}");
        return exists(&id).then(|| tr_with(lang, &id, &[("count", n.into())]));
    }
    let args = date_args(lang, "date", v)?;
    Some(tr_with(lang, "lawchange-value-date", &args))
}

/// A date as a message takes it, as the engine's questions give one:
/// `$name` as written (`2026-01-01`), `$name_long` written out for `lang`.
fn date_args(
    lang: Lang,
    name: &'static str,
    iso: &str,
) -> Option<Vec<(&'static str, FluentValue<'static>)>> {
    let d: jiff::civil::Date = iso.parse().ok()?;
    let long: &'static str = match name {
        "from" => "from_long",
        "to" => "to_long",
        _ => "date_long",
    };
    Some(vec![
        (name, iso.to_string().into()),
        (long, refuge_i18n::date(lang, d).into()),
    ])
}

/// A parameter of the law data by its name in `lang`
/// (`lawchange-parameter-<id>`, the id's dots as hyphens), else its label
/// as the law data gives it.
fn parameter_name(lang: Lang, id: &str, label: &str) -> String {
    named(lang, &parameter_message(id), label)
}

/// The message id of a parameter's name.
pub fn parameter_message(id: &str) -> String {
    format!("lawchange-parameter-{}", id.replace('.', "-"))
}

/// The message `id` in `lang` if there is one, else `fallback`.
fn named(lang: Lang, id: &str, fallback: &str) -> String {
    tr_opt(lang, id).unwrap_or_else(|| fallback.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use refuge_engine::Law;
    use refuge_engine::change::{FindingMoved, NoteRef};
    use refuge_engine::law::Source;

    fn spanish() -> Lang {
        Lang::parse("es").expect("Spanish is shipped")
    }

    fn source() -> Source {
        Source {
            title: "90 Fed. Reg. 52,693 (Nov. 21, 2025)".into(),
            url: "https://www.federalregister.gov/".into(),
        }
    }

    /// One cause of each kind, their values written as the engine writes
    /// them (`change::periods`, `Stamp::items`).
    fn causes() -> Vec<Cause> {
        vec![
            Cause::Parameter {
                id: "fee.annual_asylum_usd".into(),
                label:
                    "Annual asylum fee, in U.S. dollars, for each year an application stays pending"
                        .into(),
                before: "$100 from 2025-07-22".into(),
                after: "$100 from 2025-07-22 to 2025-12-31; $102 from 2026-01-01".into(),
                source: Some(source()),
                note: None,
            },
            Cause::Parameter {
                id: "asylum.one_year.years".into(),
                label: "Time to file for asylum after the last arrival".into(),
                before: "1 years from 1997-04-01".into(),
                after: "not set".into(),
                source: None,
                note: None,
            },
            Cause::Parameter {
                id: "stca.effective".into(),
                label: "U.S.-Canada Safe Third Country Agreement in force from".into(),
                before: "2004-12-29 from 2004-12-29".into(),
                after: "2004-12-29 from 2004-12-29 to 2023-03-24; 2023-03-25 from 2023-03-25"
                    .into(),
                source: None,
                note: None,
            },
            Cause::LawData {
                part: "countries".into(),
                note: Some("Paraguay's agreement enters into force.".into()),
                source: Some(source()),
            },
            Cause::LawData {
                part: "holidays".into(),
                note: None,
                source: None,
            },
            Cause::Rules {
                from: "1".into(),
                to: "2".into(),
                findings: vec![FindingMoved {
                    id: "asylum.safe_third_country".into(),
                    before: Some("yes".into()),
                    after: None,
                }],
                notes: vec![NoteRef {
                    what: "An affirmative filing is never barred by the agreement with Canada."
                        .into(),
                    source: source(),
                }],
            },
            Cause::Unattributed {
                law_from: "2026.10".into(),
                law_to: "2026.12".into(),
                rules_from: "2".into(),
                rules_to: "2".into(),
                notes: vec![],
            },
        ]
    }

    #[test]
    fn in_english_each_cause_reads_as_the_engine_words_it() {
        for c in causes() {
            assert_eq!(cause(Lang::english(), &c), c.words());
        }
    }

    #[test]
    fn in_spanish_a_cause_names_the_parameter_its_values_and_dates_in_spanish() {
        let es: Vec<String> = causes().iter().map(|c| cause(spanish(), c)).collect();
        assert_eq!(
            es[0],
            "Tarifa anual de asilo, en dólares estadounidenses, por cada año que una solicitud sigue pendiente: \
             antes $100 desde el 22 de julio de 2025; \
             ahora $100 del 22 de julio de 2025 al 31 de diciembre de 2025; $102 desde el 1 de enero de 2026 \
             (fuente: 90 Fed. Reg. 52,693 (Nov. 21, 2025))"
        );
        assert!(
            es[1].contains("antes 1 año desde el 1 de abril de 1997; ahora sin valor"),
            "{}",
            es[1]
        );
        assert!(
            es[2].contains("el 25 de marzo de 2023 desde el 25 de marzo de 2023"),
            "{}",
            es[2]
        );
        // A change note is quoted as the law data writes it.
        assert_eq!(
            es[3],
            "cambiaron los países de los datos de la ley: Paraguay's agreement enters into force."
        );
        assert!(es[5].starts_with("cambiaron las reglas (versión 1 → 2): asylum.safe_third_country sí → ausente. An affirmative"), "{}", es[5]);
        assert!(es[6].contains("no se conserva"), "{}", es[6]);
        for words in &es {
            for english in [" was ", " now ", " from 20", "changed", "not set"] {
                assert!(!words.contains(english), "{english:?} in {words}");
            }
        }
    }

    #[test]
    fn an_item_and_its_values_read_in_spanish() {
        let es = spanish();
        assert_eq!(item(es, "relief", "asylum"), "Asilo (protección)");
        assert_eq!(item(Lang::english(), "relief", "asylum"), "Asylum (relief)");
        assert_eq!(
            item(es, "deadline", "asylum.annual_fee"),
            tr(es, "report-deadline-asylum-annual_fee")
        );
        assert_eq!(
            value(es, "deadline", Some("2027-06-01 upcoming, $102")),
            "1 de junio de 2027, próxima, $102"
        );
        assert_eq!(
            value(
                Lang::english(),
                "deadline",
                Some("2027-06-01 upcoming, $102")
            ),
            "2027-06-01 upcoming, $102"
        );
        assert_eq!(
            value(es, "relief", Some("ineligible")),
            tr(es, "relief-outcome-ineligible")
        );
        assert_eq!(value(es, "warning", Some("raised")), "emitida");
        assert_eq!(value(es, "warning", None), "nada");
    }

    /// Every parameter of the law data (the present and the kept previous
    /// version) has its name as a message, the English its label: a new
    /// parameter without one fails here, by its id.
    #[test]
    fn every_parameter_of_the_law_data_is_named_in_every_language() {
        // A cause names a parameter by its present label; one the present
        // law no longer has, by its label in the version kept.
        let history = refuge_engine::change::History::embedded();
        let present = Law::embedded().parameters();
        let mut laws = vec![present.iter().collect::<Vec<_>>()];
        for v in history.versions() {
            let kept = history.law(v).expect("a kept version").parameters();
            laws.push(
                kept.iter()
                    .filter(|p| !present.iter().any(|q| q.id == p.id))
                    .collect(),
            );
        }
        let mut problems = Vec::new();
        for law in laws {
            for p in law {
                let id = parameter_message(&p.id);
                if !exists(&id) {
                    problems.push(format!("{}: no message {id} in web-lawchange.ftl", p.id));
                } else if tr(Lang::english(), &id) != p.label {
                    problems.push(format!("{id}: the English is not the label {:?}", p.label));
                } else if tr(spanish(), &id) == p.label {
                    problems.push(format!("{id}: not translated"));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
