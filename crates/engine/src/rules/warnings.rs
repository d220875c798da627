//! The law-in-flux warnings (`spec/rules.md` § 7). The conditions are here;
//! the texts, citations and dates are data (`crates/engine/law/warnings.toml`, `crates/engine/law/parameters.toml`).

use super::Eval;
use crate::facts::{Border, Forum, Location, Manner};
use crate::law::{P, WarningText};
use crate::output::{Outcome, Warning};

/// The warnings raised, with their texts when explaining.
pub fn raised(ev: &Eval, lawful_pathways: Outcome) -> Vec<Warning> {
    raised_texts(ev, lawful_pathways)
        .map(|w| Warning {
            code: w.code.clone(),
            title: if ev.explain {
                w.title.clone()
            } else {
                String::new()
            },
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

/// How many warnings the rules have (each raised at most once).
pub const CONDITIONS: usize = CODES.len();

/// The warnings' codes (in `warnings.toml`), in the order of their
/// conditions in [`raised_texts`]. The law finds each code's text once, when
/// it is read ([`Law::condition_warning`](crate::law::Law::condition_warning)),
/// not for each case.
pub const CODES: [&str; 9] = [
    "lawful_pathways_litigation",
    "securing_the_border",
    "proclamation_10888",
    "asylum_cooperative_agreement",
    "affirmative_hold",
    "annual_asylum_fee",
    "work_permit_changes",
    "particular_social_group_precedents",
    "refugee_admissions_suspended",
];

/// The warnings raised, in the law's order.
pub fn raised_texts<'a>(
    ev: &Eval<'a>,
    lawful_pathways: Outcome,
) -> impl Iterator<Item = &'a WarningText> + use<'a> {
    let case = ev.case;
    let law = ev.law;
    let as_of = case.as_of();
    let app = case.facts().application();
    // No border warning for a person abroad (amendments-2026-12.md B.8).
    let abroad = case.facts().applicant().location == Some(Location::OutsideUs);
    // Arrivals across the southwest land border from `from` on, of a manner
    // that `reached` says the measure reaches (an unknown manner may be one).
    let southwest = |from: P, reached: fn(Manner) -> bool| {
        !abroad
            && case.facts().arrivals().iter().any(|a| {
                a.border == Some(Border::SouthwestLand)
                    && a.date.is_some_and(|d| d >= law.date(from, d))
                    && a.manner.is_none_or(reached)
            })
    };
    let pending = app.filed_on.is_some() && app.granted_on.is_none();
    // DHS may ask an immigration judge to pretermit an application for removal
    // to an agreement country (INA § 208(a)(2)(A); 8 C.F.R. § 1240.11(h)).
    let agreement = !abroad
        && app.granted_on.is_none()
        && app.forum != Some(Forum::Affirmative)
        && law.agreements_on(as_of).next().is_some();
    // Each in the place of its code in `CODES`.
    let on: [bool; CONDITIONS] = [
        // lawful_pathways_litigation
        !abroad && matches!(lawful_pathways, Outcome::Yes | Outcome::Unknown),
        // securing_the_border. NOT MODELLED: the Securing the Border rule is
        // warned of, not applied (vacated by the district court; on appeal).
        southwest(P::SecuringTheBorder, |m| {
            matches!(
                m,
                Manner::WithoutInspection | Manner::PresentedWithoutDocuments
            )
        }),
        // proclamation_10888: not for an arrival admitted or paroled
        // (amendments-2026-12.md D). NOT MODELLED: Proclamation 10888 is
        // warned of, not applied (in litigation).
        southwest(P::Proclamation10888, |m| {
            !matches!(m, Manner::Admitted | Manner::Paroled)
        }),
        // asylum_cooperative_agreement. NOT MODELLED: whether an agreement
        // applies to this person (their nationality, its terms, the judge):
        // warned of, never decided.
        agreement,
        // affirmative_hold
        pending
            && app.forum == Some(Forum::Affirmative)
            && as_of >= law.date(P::AffirmativeHold, as_of),
        // annual_asylum_fee
        pending && as_of >= law.date(P::AnnualFeeEffective, as_of),
        // work_permit_changes
        pending && as_of >= law.date(P::WorkPermitChanges, as_of),
        // particular_social_group_precedents
        as_of >= law.date(P::PsgPrecedents, as_of)
            && (!case.facts().groups().is_empty()
                || case.facts().harms().iter().any(|h| {
                    h.grounds
                        .as_deref()
                        .unwrap_or(&[])
                        .iter()
                        .any(|g| g.ground == Some(crate::facts::Ground::ParticularSocialGroup))
                })),
        // refugee_admissions_suspended
        case.facts().applicant().location == Some(Location::OutsideUs),
    ];
    (0..CONDITIONS)
        .filter(move |&i| on[i])
        .filter_map(move |i| law.condition_warning(i))
}
