//! The law-in-flux warnings (`spec/rules.md` § 7). The conditions are here;
//! the texts, citations and dates are data (`law/warnings.toml`, `law/parameters.toml`).

use super::Eval;
use crate::facts::{Border, Forum, Location, Manner};
use crate::law::{P, WarningText};
use crate::output::{Outcome, Warning};

/// The warnings raised, with their texts when explaining.
pub fn raised(ev: &Eval, lawful_pathways: Outcome) -> Vec<Warning> {
    raised_texts(ev, lawful_pathways)
        .map(|w| Warning {
            code: w.code.clone(),
            message: if ev.explain {
                w.message.clone()
            } else {
                String::new()
            },
            cite: if ev.explain {
                w.cite.clone()
            } else {
                Vec::new()
            },
        })
        .collect()
}

/// The warnings raised, in the law's order.
pub fn raised_texts<'a>(
    ev: &Eval<'a>,
    lawful_pathways: Outcome,
) -> impl Iterator<Item = &'a WarningText> + use<'a> {
    let case = ev.case;
    let law = ev.law;
    let as_of = case.as_of;
    let app = case.facts.application();
    let southwest = |from: P, documented_ok: bool| {
        case.facts.arrivals().iter().any(|a| {
            a.border == Some(Border::SouthwestLand)
                && a.date.is_some_and(|d| d >= law.date(from, d))
                && (documented_ok
                    || matches!(
                        a.manner,
                        Some(Manner::WithoutInspection | Manner::PresentedWithoutDocuments)
                    ))
        })
    };
    let pending = app.filed_on.is_some() && app.granted_on.is_none();
    let conditions = [
        (
            "lawful_pathways_litigation",
            matches!(lawful_pathways, Outcome::Yes | Outcome::Unknown),
        ),
        (
            "securing_the_border",
            southwest(P::SecuringTheBorder, false),
        ),
        ("proclamation_10888", southwest(P::Proclamation10888, true)),
        (
            "affirmative_hold",
            pending
                && app.forum == Some(Forum::Affirmative)
                && as_of >= law.date(P::AffirmativeHold, as_of),
        ),
        (
            "annual_asylum_fee",
            pending && as_of >= law.date(P::AnnualFeeEffective, as_of),
        ),
        (
            "refugee_admissions_suspended",
            case.facts.applicant().location == Some(Location::OutsideUs),
        ),
    ];
    conditions
        .into_iter()
        .filter(|(_, on)| *on)
        .filter_map(move |(code, _)| law.warning(code))
}
