//! Family members who can derive status (`spec/rules.md` § 6).
//!
//! > INA § 208(b)(3)(A): A spouse or child ... of an alien who is granted asylum ...
//! > may, if not otherwise eligible for asylum ..., be granted the same status ...
//! > if accompanying, or following to join, such alien.
//! > (B): An unmarried alien who seeks to accompany, or follow to join, a parent
//! > granted asylum ..., and who was under 21 years of age on the date on which
//! > such parent applied for asylum ..., shall continue to be classified as a child.

use jiff::civil::Date;

use super::deadlines::{I730Window, i730_window, included};
use super::{Eval, Ix};
use crate::calendar::{age_on, days_between};
use crate::defs;
use crate::facts::{FamilyMember, Relation};
use crate::law::P;
use crate::logic::{Fact, Need, V};
use crate::output::{FamilyEntry, FamilyPath, Outcome};

// NOT MODELLED: a family member's own claim; only what they derive from the
// principal (INA § 208(b)(3)).
pub fn run(ev: &mut Eval) -> Vec<(Ix, FamilyEntry)> {
    let members = ev.case.facts().family();
    (0..members.len()).map(|i| derivative(ev, i)).collect()
}

fn derivative(ev: &mut Eval, i: usize) -> (Ix, FamilyEntry) {
    let case = ev.case;
    let m: &FamilyMember = &case.facts().family()[i];
    let relationship = relationship(ev, i);
    let (v, age_on_filing, cspa_protected) = match m.relation {
        None => (
            V::unknown(Need::fact(Fact::Family(i, field!("relation")))).and(relationship),
            None,
            None,
        ),
        // A spouse: still married to the applicant.
        Some(Relation::Spouse) => (
            V::known(m.married != Some(false)).and(relationship),
            None,
            None,
        ),
        // > INA § 101(b)(1): The term "child" means an unmarried person under
        // > twenty-one years of age ...
        Some(Relation::Child) => {
            let age = ChildAge::of(ev, i);
            let unmarried = V::fact(m.married, Fact::Family(i, field!("married"))).negate();
            (
                V::all([unmarried, age.under, relationship]),
                age.age_on_filing,
                age.cspa_protected,
            )
        }
    };
    let ix = ev
        .finding(&defs::FAMILY_DERIVATIVE)
        .of_member(i)
        .decide(v)
        .because(|ev, derivative| derivative_because(ev, i, derivative));
    i730(ev, i, ix);
    let derivative = ev.outcome(ix);
    let entry = FamilyEntry {
        id: case.family_ids()[i].clone(),
        relation: m.relation,
        derivative,
        path: path(m, derivative),
        age_on_filing,
        cspa_protected,
    };
    (ix, entry)
}

/// How a member who can derive status would come: included in the
/// application, or following to join (Form I-730).
fn path(m: &FamilyMember, derivative: Outcome) -> Option<FamilyPath> {
    match (derivative, m.in_us, m.on_application) {
        (Outcome::No, _, _) => None,
        (_, Some(true), Some(true)) => Some(FamilyPath::Included),
        (_, Some(false), _) | (_, _, Some(false)) => Some(FamilyPath::FollowToJoin),
        _ => None,
    }
}

/// Why member `i` does or does not derive status, in words.
fn derivative_because(ev: &Eval, i: usize, derivative: Outcome) -> String {
    let case = ev.case;
    let m = &case.facts().family()[i];
    let rel_text = relationship_text(ev, i);
    let mut because = match m.relation {
        None => "Whether this is a spouse or a child is not known.".to_string(),
        Some(Relation::Spouse) => {
            let text = if m.married == Some(false) {
                "no longer married to the applicant; "
            } else {
                ""
            };
            text!("Spouse: {text}{rel_text}.")
        }
        Some(Relation::Child) => {
            let limit = ev.law.num(P::ChildAgeLimit, case.as_of()) as i32;
            let married_text = match m.married {
                Some(true) => "married (a married son or daughter is not a child)",
                Some(false) => "unmarried",
                None => "whether married is not known",
            };
            text!(
                "Child: {}; the limit is under {limit}; {married_text}; {rel_text}.",
                ChildAge::text(ev, i)
            )
        }
    };
    // > 8 C.F.R. § 208.21(d): Form I-730 within two years of the grant, later
    // > only for humanitarian reasons.
    let grant = case.facts().application().granted_on;
    if let (Some(FamilyPath::FollowToJoin), Some(g)) = (path(m, derivative), grant) {
        let last = i730_window(ev.law, g).deadline;
        if case.as_of() > last {
            because += &text!(
                " Caution: the two-year window to file Form I-730 for this member closed on {last}; a late petition is accepted only for humanitarian reasons (8 C.F.R. § 208.21(d))."
            );
        }
    }
    because
}

/// The day the relationship must exist by: the grant (8 C.F.R. § 208.21(b)),
/// or `as_of` before a grant.
fn reference(ev: &Eval) -> (Date, Option<Date>) {
    let grant = ev.case.facts().application().granted_on;
    (grant.unwrap_or(ev.case.as_of()), grant)
}

/// When member `i`'s relationship began: a child's at birth unless another
/// date (an adoption) is given. A member whose relation is not known may be
/// a child, and is read as one here (the relation is asked besides).
fn began(m: &FamilyMember) -> (bool, Option<Date>) {
    let child = m.relation != Some(Relation::Spouse);
    let began = m
        .relationship_began
        .or(if child { m.birth_date } else { None });
    (child, began)
}

/// Whether member `i`'s relationship existed on the day of the grant
/// (8 C.F.R. § 208.21(b)), or by `as_of` before a grant. A child born after
/// the grant qualifies if in utero on the day of the grant.
fn relationship(ev: &Eval, i: usize) -> V {
    let m = &ev.case.facts().family()[i];
    let (reference, grant) = reference(ev);
    let (child, began) = began(m);
    let unknown_began = || V::unknown(Need::fact(Fact::Family(i, field!("relationship_began"))));
    match (began, grant) {
        (Some(b), _) if b <= reference => V::YES,
        (began, Some(g)) if child => match m.birth_date {
            Some(birth) if birth > g => in_utero(ev, i, g, birth),
            // Born on or before the grant, and the relationship (an adoption)
            // began after it: `began` is the birth date unless another is given.
            Some(_) => V::NO,
            // Only a child born after the grant and in utero on that day
            // would qualify, unless (with no date given) the relationship
            // began on or before it.
            None => V::unknown(Need::fact(Fact::Family(i, field!("birth_date"))))
                .and(V::fact(
                    m.conceived_before_grant,
                    Fact::Family(i, field!("conceived_before_grant")),
                ))
                .or(if began.is_some() {
                    V::NO
                } else {
                    unknown_began()
                }),
        },
        (Some(_), _) => V::NO,
        (None, _) => unknown_began(),
    }
}

/// What [`relationship`] finds, in words.
fn relationship_text(ev: &Eval, i: usize) -> String {
    let m = &ev.case.facts().family()[i];
    let (reference, grant) = reference(ev);
    let (child, began) = began(m);
    let reference_text = match grant {
        Some(g) => text!("the grant on {g}"),
        None => text!("{} (no grant yet)", ev.case.as_of()),
    };
    match (began, grant) {
        (Some(b), _) if b <= reference => {
            text!("the relationship began {b}, on or before {reference_text}")
        }
        (began, Some(g)) if child => match m.birth_date {
            Some(birth) if birth > g => in_utero_text(ev, i, g, birth),
            Some(birth) => text!(
                "born {birth}, but the relationship began {}, after the grant on {g}",
                began.unwrap_or(birth)
            ),
            None => text!(
                "the relationship began {}, and the date of birth is not known: a child born after the grant on {g} counts only if in utero on that day",
                began.map_or("on an unknown date".to_string(), |b| text!(
                    "{b}, after the grant"
                ))
            ),
        },
        (Some(b), _) => text!("the relationship began {b}, after {reference_text}"),
        (None, _) => "when the relationship began is not known".to_string(),
    }
}

/// A child's age as the law counts it: frozen on the filing date once an
/// application is filed (the Child Status Protection Act, INA § 208(b)(3)(B)).
struct ChildAge {
    /// Under the age limit.
    under: V,
    age_on_filing: Option<i32>,
    cspa_protected: Option<bool>,
}

impl ChildAge {
    fn of(ev: &Eval, i: usize) -> ChildAge {
        let case = ev.case;
        let app = case.facts().application();
        let limit = ev.law.num(P::ChildAgeLimit, case.as_of()) as i32;
        let none = |under| ChildAge {
            under,
            age_on_filing: None,
            cspa_protected: None,
        };
        match (
            case.facts().family()[i].birth_date,
            app.filed_on,
            app.granted_on,
        ) {
            (None, _, _) => none(V::unknown(Need::fact(Fact::Family(
                i,
                field!("birth_date"),
            )))),
            // Born after the filing: under the limit on that day by definition.
            (Some(b), Some(f), _) if b > f => none(V::YES),
            (Some(b), Some(f), _) => {
                let age = age_on(b, f);
                let under = age < limit;
                ChildAge {
                    under: V::known(under),
                    age_on_filing: Some(age),
                    // The CSPA protects only a child still under the limit at filing.
                    cspa_protected: Some(under),
                }
            }
            // Granted, so filed on a date not given: a child under the limit today
            // was under it then; otherwise the filing date decides.
            (Some(b), None, Some(_)) => ChildAge {
                under: if age_on(b, case.as_of()).max(0) < limit {
                    V::YES
                } else {
                    V::unknown(Need::fact(Fact::Application(field!(
                        "application.filed_on"
                    ))))
                },
                age_on_filing: None,
                cspa_protected: Some(true),
            },
            (Some(b), None, None) => ChildAge {
                under: V::known(age_on(b, case.as_of()).max(0) < limit),
                age_on_filing: None,
                cspa_protected: Some(false),
            },
        }
    }

    /// What [`ChildAge::of`] finds, in words.
    fn text(ev: &Eval, i: usize) -> String {
        let case = ev.case;
        let app = case.facts().application();
        let limit = ev.law.num(P::ChildAgeLimit, case.as_of()) as i32;
        match (
            case.facts().family()[i].birth_date,
            app.filed_on,
            app.granted_on,
        ) {
            (None, _, _) => "the date of birth is not known".to_string(),
            (Some(b), Some(f), _) if b > f => {
                text!("born {b}, after the filing date {f}, so under {limit} on it")
            }
            (Some(b), Some(f), _) => {
                let age = age_on(b, f);
                if age < limit {
                    text!(
                        "age {age} on the filing date {f} (frozen there by the Child Status Protection Act)"
                    )
                } else {
                    text!(
                        "age {age} on the filing date {f}: already {limit} or over when the application was filed, so the Child Status Protection Act does not help"
                    )
                }
            }
            (Some(b), None, Some(_)) => text!(
                "age {} on {}; the age is frozen on the filing date, which is not given",
                age_on(b, case.as_of()).max(0),
                case.as_of()
            ),
            (Some(b), None, None) => text!(
                "age {} on {}, nothing filed yet",
                age_on(b, case.as_of()).max(0),
                case.as_of()
            ),
        }
    }
}

/// A child born on `birth`, after the grant on `g`: the relationship counts if
/// the child was in utero on the day of the grant, which is asked unless the
/// birth came too long after it.
fn in_utero(ev: &Eval, i: usize, g: Date, birth: Date) -> V {
    if let Some(c) = ev.case.facts().family()[i].conceived_before_grant {
        return V::known(c);
    }
    if days_between(g, birth) > ev.law.num(P::InUteroDays, g) {
        V::NO
    } else {
        V::unknown(Need::fact(Fact::Family(
            i,
            field!("conceived_before_grant"),
        )))
    }
}

/// What [`in_utero`] finds, in words.
fn in_utero_text(ev: &Eval, i: usize, g: Date, birth: Date) -> String {
    if let Some(c) = ev.case.facts().family()[i].conceived_before_grant {
        return text!(
            "born {birth}, after the grant on {g}; {} in utero on the day of the grant",
            if c { "was" } else { "was not" }
        );
    }
    let limit = ev.law.num(P::InUteroDays, g);
    let after = days_between(g, birth);
    if after > limit {
        text!(
            "born {birth}, {after} days after the grant on {g}: more than {limit} days, so not in utero on the day of the grant"
        )
    } else {
        text!(
            "born {birth}, {after} days after the grant on {g}: whether the child was in utero on the day of the grant is not known"
        )
    }
}

/// > 8 C.F.R. § 208.21(d): The principal alien must file Form I-730 … within
/// > two years after the date in which he or she was granted asylum status,
/// > unless USCIS determines that the filing period should be extended for
/// > humanitarian reasons.
///
/// Whether the asylee can petition for member `i` (who must qualify as a
/// spouse or child, finding `derivative`) and in time: the window's last day
/// rolled past a weekend or legal holiday (8 C.F.R. § 1.2). Made only after
/// a grant; not applicable for a member included in the grant itself.
fn i730(ev: &mut Eval, i: usize, derivative: Ix) -> Option<Ix> {
    let case = ev.case;
    let m = &case.facts().family()[i];
    let after = [derivative];
    let granted = case.facts().application().granted_on?;
    if included(m) {
        // Issue 20: a member both included and petitioned for is explained.
        return Some(
            ev.finding(&defs::FAMILY_I730)
                .of_member(i)
                .after(&after)
                .not_applicable()
                .because_text(if m.i730_filed_on.is_some() {
                    "In the United States and named on the application: included in the grant itself, so no Form I-730 is needed. A Form I-730 is also recorded for this member: both are possible only in specific situations (for example a member the grant did not include, or a child who would age out of the I-589's derivative status); check which applies before relying on either."
                } else {
                    "In the United States and named on the application: included in the grant itself, no Form I-730 is needed."
                }),
        );
    }
    let window = i730_window(ev.law, granted);
    let filed = m.i730_filed_on.unwrap_or(case.as_of());
    let in_time = if filed <= window.deadline {
        V::YES
    } else {
        V::fact(
            m.humanitarian_reasons,
            Fact::Family(i, field!("humanitarian_reasons")),
        )
    };
    let qualifies = ev.yes(derivative);
    Some(
        ev.finding(&defs::FAMILY_I730)
            .of_member(i)
            .after(&after)
            .decide(qualifies.and(in_time))
            .because(|ev, _| i730_because(ev, i, derivative, &window)),
    )
}

/// What [`i730`] finds, in words.
fn i730_because(ev: &Eval, i: usize, derivative: Ix, window: &I730Window) -> String {
    let m = &ev.case.facts().family()[i];
    let who = match ev.outcome(derivative) {
        Outcome::Yes => "qualifies as a spouse or child (see the derivative finding)",
        Outcome::No | Outcome::NotApplicable => {
            "does not qualify as a spouse or child (see the derivative finding), so no petition can be approved"
        }
        Outcome::Unknown => {
            "may qualify as a spouse or child: the derivative finding is still open"
        }
    };
    let when = match m.i730_filed_on {
        Some(f) if f <= window.deadline => text!("filed (received) {f}, in time"),
        Some(f) => text!("filed (received) {f}, after the window"),
        None if ev.as_of <= window.deadline => {
            text!("not filed yet; {} is within the window", ev.as_of)
        }
        None => text!("not filed yet, and the window has closed by {}", ev.as_of),
    };
    let late = m.i730_filed_on.unwrap_or(ev.as_of) > window.deadline;
    let humanitarian = match (late, m.humanitarian_reasons) {
        (false, _) => "",
        (true, Some(true)) => {
            " Humanitarian reasons are given to excuse the late filing: explain them in the petition (8 C.F.R. § 208.21(d)); USCIS decides whether to extend the period."
        }
        (true, Some(false)) => " No humanitarian reason excuses the late filing.",
        (true, None) => {
            " A late petition is accepted only if USCIS extends the period for humanitarian reasons: are there any?"
        }
    };
    text!(
        "{}: the last day to file Form I-730. This member {who}. Petition {when}.{humanitarian}",
        window.because(ev.law)
    )
}
