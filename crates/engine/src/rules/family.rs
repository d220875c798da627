//! Family members who can derive status (`spec/rules.md` § 6).
//!
//! > INA § 208(b)(3)(A): A spouse or child ... of an alien who is granted asylum ...
//! > may, if not otherwise eligible for asylum ..., be granted the same status ...
//! > if accompanying, or following to join, such alien.
//! > (B): An unmarried alien who seeks to accompany, or follow to join, a parent
//! > granted asylum ..., and who was under 21 years of age on the date on which
//! > such parent applied for asylum ..., shall continue to be classified as a child.

use jiff::civil::Date;

use super::{Eval, Ix};
use crate::calendar::{Rounding, add_years, age_on, days_between};
use crate::defs;
use crate::facts::{FamilyMember, Relation};
use crate::law::P;
use crate::logic::{Fact, Need, V};
use crate::output::{FamilyEntry, FamilyPath, Outcome};

pub fn run(ev: &mut Eval) -> Vec<(Ix, FamilyEntry)> {
    let members = ev.case.facts().family();
    (0..members.len()).map(|i| derivative(ev, i)).collect()
}

fn derivative(ev: &mut Eval, i: usize) -> (Ix, FamilyEntry) {
    let case = ev.case;
    let m: &FamilyMember = &case.facts().family()[i];
    let app = case.facts().application();
    let grant = app.granted_on;
    let reference = grant.unwrap_or(case.as_of());
    let reference_text = match grant {
        Some(g) => format!("the grant on {g}"),
        None => format!("{} (no grant yet)", case.as_of()),
    };
    let id = &case.family_ids()[i];

    // The relationship must exist on the day of the grant (8 C.F.R. § 208.21(b)),
    // or by `as_of` before a grant; a child's begins at birth unless another
    // date (an adoption) is given. A child born after the grant qualifies if
    // in utero on the day of the grant. A member whose relation is not known
    // may be a child, and is read as one here (the relation is asked below).
    let child = m.relation != Some(Relation::Spouse);
    let began = m
        .relationship_began
        .or(if child { m.birth_date } else { None });
    let unknown_began = || V::unknown(Need::fact(Fact::Family(i, field!("relationship_began"))));
    let (relationship, rel_text) = match (began, grant) {
        (Some(b), _) if b <= reference => (
            V::YES,
            format!("the relationship began {b}, on or before {reference_text}"),
        ),
        (began, Some(g)) if child => match m.birth_date {
            Some(birth) if birth > g => in_utero(ev, i, g, birth),
            // Born on or before the grant, and the relationship (an adoption)
            // began after it: `began` is the birth date unless another is given.
            Some(birth) => (
                V::NO,
                format!(
                    "born {birth}, but the relationship began {}, after the grant on {g}",
                    began.unwrap_or(birth)
                ),
            ),
            // Only a child born after the grant and in utero on that day
            // would qualify, unless (with no date given) the relationship
            // began on or before it.
            None => (
                V::unknown(Need::fact(Fact::Family(i, field!("birth_date"))))
                    .and(V::fact(
                        m.conceived_before_grant,
                        Fact::Family(i, field!("conceived_before_grant")),
                    ))
                    .or(if began.is_some() {
                        V::NO
                    } else {
                        unknown_began()
                    }),
                format!(
                    "the relationship began {}, and the date of birth is not known: a child born after the grant on {g} counts only if in utero on that day",
                    began.map_or("on an unknown date".to_string(), |b| format!(
                        "{b}, after the grant"
                    ))
                ),
            ),
        },
        (Some(b), _) => (
            V::NO,
            format!("the relationship began {b}, after {reference_text}"),
        ),
        (None, _) => (
            unknown_began(),
            "when the relationship began is not known".to_string(),
        ),
    };

    let mut age_on_filing = None;
    let mut cspa_protected = None;
    let (v, because) = match m.relation {
        None => (
            V::unknown(Need::fact(Fact::Family(i, field!("relation")))).and(relationship),
            "Whether this is a spouse or a child is not known.".to_string(),
        ),
        Some(Relation::Spouse) => {
            let married = V::known(m.married != Some(false));
            let text = if m.married == Some(false) {
                "no longer married to the applicant; "
            } else {
                ""
            };
            (
                married.and(relationship),
                format!("Spouse: {text}{rel_text}."),
            )
        }
        Some(Relation::Child) => {
            let limit = ev.law.num(P::ChildAgeLimit, case.as_of()) as i32;
            // CSPA: the age is frozen on the filing date once an application is filed.
            let birth = m.birth_date;
            let (under, age_text) = match (birth, app.filed_on, app.granted_on) {
                (None, _, _) => (
                    V::unknown(Need::fact(Fact::Family(i, field!("birth_date")))),
                    "the date of birth is not known".to_string(),
                ),
                // Born after the filing: under the limit on that day by definition.
                (Some(b), Some(f), _) if b > f => (
                    V::YES,
                    format!("born {b}, after the filing date {f}, so under {limit} on it"),
                ),
                (Some(b), Some(f), _) => {
                    let age = age_on(b, f);
                    age_on_filing = Some(age);
                    let under = age < limit;
                    // The CSPA protects only a child still under the limit at filing.
                    cspa_protected = Some(under);
                    let text = if under {
                        format!(
                            "age {age} on the filing date {f} (frozen there by the Child Status Protection Act)"
                        )
                    } else {
                        format!(
                            "age {age} on the filing date {f}: already {limit} or over when the application was filed, so the Child Status Protection Act does not help"
                        )
                    };
                    (V::known(under), text)
                }
                // Granted, so filed on a date not given: a child under the limit today
                // was under it then; otherwise the filing date decides.
                (Some(b), None, Some(_)) => {
                    cspa_protected = Some(true);
                    let age = age_on(b, case.as_of()).max(0);
                    let v = if age < limit {
                        V::YES
                    } else {
                        V::unknown(Need::fact(Fact::Application(field!(
                            "application.filed_on"
                        ))))
                    };
                    (
                        v,
                        format!(
                            "age {age} on {}; the age is frozen on the filing date, which is not given",
                            case.as_of()
                        ),
                    )
                }
                (Some(b), None, None) => {
                    cspa_protected = Some(false);
                    let age = age_on(b, case.as_of()).max(0);
                    (
                        V::known(age < limit),
                        format!("age {age} on {}, nothing filed yet", case.as_of()),
                    )
                }
            };
            let unmarried = V::fact(m.married, Fact::Family(i, field!("married"))).negate();
            let married_text = match m.married {
                Some(true) => "married (a married son or daughter is not a child)",
                Some(false) => "unmarried",
                None => "whether married is not known",
            };
            (
                V::all([unmarried, under, relationship]),
                format!(
                    "Child: {age_text}; the limit is under {limit}; {married_text}; {rel_text}."
                ),
            )
        }
    };
    let ix = ev.record(
        &defs::FAMILY_DERIVATIVE,
        Some(format!("family.{id}.derivative")),
        v,
        because,
        &[],
    );
    let derivative = ev.outcome(ix);
    let path = match (derivative, m.in_us, m.on_application) {
        (Outcome::No, _, _) => None,
        (_, Some(true), Some(true)) => Some(FamilyPath::Included),
        (_, Some(false), _) | (_, _, Some(false)) => Some(FamilyPath::FollowToJoin),
        _ => None,
    };
    // > 8 C.F.R. § 208.21(d): Form I-730 within two years of the grant, later
    // > only for humanitarian reasons.
    if let (Some(FamilyPath::FollowToJoin), Some(g), true) = (path, grant, ev.explain) {
        let years = ev.law.num(P::I730WindowYears, g) as i16;
        let (last, _) = add_years(g, years, Rounding::Deadline);
        if case.as_of() > last {
            ev.append_because(
                ix,
                &format!(
                    " Caution: the two-year window to file Form I-730 for this member closed on {last}; a late petition is accepted only for humanitarian reasons (8 C.F.R. § 208.21(d))."
                ),
            );
        }
    }
    let entry = FamilyEntry {
        id: id.clone(),
        relation: m.relation,
        derivative,
        path,
        age_on_filing,
        cspa_protected,
    };
    (ix, entry)
}

/// A child born on `birth`, after the grant on `g`: the relationship counts if
/// the child was in utero on the day of the grant, which is asked unless the
/// birth came too long after it.
fn in_utero(ev: &Eval, i: usize, g: Date, birth: Date) -> (V, String) {
    if let Some(c) = ev.case.facts().family()[i].conceived_before_grant {
        return (
            V::known(c),
            format!(
                "born {birth}, after the grant on {g}; {} in utero on the day of the grant",
                if c { "was" } else { "was not" }
            ),
        );
    }
    let limit = ev.law.num(P::InUteroDays, g);
    let after = days_between(g, birth);
    if after > limit {
        (
            V::NO,
            format!(
                "born {birth}, {after} days after the grant on {g}: more than {limit} days, so not in utero on the day of the grant"
            ),
        )
    } else {
        (
            V::unknown(Need::fact(Fact::Family(
                i,
                field!("conceived_before_grant"),
            ))),
            format!(
                "born {birth}, {after} days after the grant on {g}: whether the child was in utero on the day of the grant is not known"
            ),
        )
    }
}
