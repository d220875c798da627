//! The mandatory bars to asylum (`spec/rules.md` § 3) and to withholding of
//! removal (§ 4). Each bar finding is yes when the bar applies and unknown
//! while its fact is absent.

use super::{Eval, Ix, yn};
use crate::defs::{self, Def};
use crate::logic::{Fact, Field, V};
use crate::output::Outcome;

pub struct AsylumBars {
    pub persecutor: Ix,
    pub particularly_serious_crime: Ix,
    pub serious_nonpolitical_crime: Ix,
    pub security: Ix,
    pub terrorism: Ix,
    pub firm_resettlement: Ix,
}

impl AsylumBars {
    pub fn all(&self) -> [Ix; 6] {
        [
            self.persecutor,
            self.particularly_serious_crime,
            self.serious_nonpolitical_crime,
            self.security,
            self.terrorism,
            self.firm_resettlement,
        ]
    }
}

pub struct WithholdingBars {
    pub persecutor: Ix,
    pub particularly_serious_crime: Ix,
    pub serious_nonpolitical_crime: Ix,
    pub security: Ix,
}

impl WithholdingBars {
    pub fn all(&self) -> [Ix; 4] {
        [
            self.persecutor,
            self.particularly_serious_crime,
            self.serious_nonpolitical_crime,
            self.security,
        ]
    }
}

/// A conduct fact (`value`, at path `field`) as a bar: yes when it applies.
fn conduct(value: Option<bool>, field: Field) -> V {
    V::fact(value, Fact::Conduct(field))
}

/// A bar that is one conduct fact, `what`.
fn simple(ev: &mut Eval, def: &'static Def, applies: V, what: &str) -> Ix {
    ev.finding(def).decide(applies).because(|_, outcome| {
        let answer = match outcome {
            Outcome::Yes => "yes",
            Outcome::No => "no",
            _ => "not known",
        };
        text!("{what}: {answer}.")
    })
}

/// A conduct fact a bar weighs: its value, its path, and what it is in words.
type Weighed = (Option<bool>, Field, &'static str);

/// A bar that applies when either of two conduct facts holds.
fn either(
    ev: &mut Eval,
    def: &'static Def,
    (a, a_field, a_words): Weighed,
    (b, b_field, b_words): Weighed,
) -> Ix {
    ev.finding(def)
        .decide(conduct(a, a_field).or(conduct(b, b_field)))
        .because(|_, _| text!("{a_words}: {}; {b_words}: {}.", yn(a), yn(b)))
}

pub fn asylum(ev: &mut Eval) -> AsylumBars {
    let c = ev.case.facts().conduct();
    let persecutor = simple(
        ev,
        &defs::BAR_PERSECUTOR,
        conduct(c.persecuted_others, field!("conduct.persecuted_others")),
        "Ordered, incited, assisted or otherwise participated in the persecution of others",
    );
    // > INA § 208(b)(2)(B)(i): an alien who has been convicted of an
    // > aggravated felony shall be considered to have been convicted of a
    // > particularly serious crime.
    let particularly_serious_crime = either(
        ev,
        &defs::BAR_PSC,
        (
            c.aggravated_felony,
            field!("conduct.aggravated_felony"),
            "Convicted of an aggravated felony (always particularly serious for asylum, INA § 208(b)(2)(B)(i))",
        ),
        (
            c.particularly_serious_crime,
            field!("conduct.particularly_serious_crime"),
            "of another particularly serious crime",
        ),
    );
    let serious_nonpolitical_crime = simple(
        ev,
        &defs::BAR_SNPC,
        conduct(
            c.serious_nonpolitical_crime,
            field!("conduct.serious_nonpolitical_crime"),
        ),
        "Serious reasons to believe the applicant committed a serious nonpolitical crime outside the United States",
    );
    let security = simple(
        ev,
        &defs::BAR_SECURITY,
        conduct(c.danger_to_security, field!("conduct.danger_to_security")),
        "Reasonable grounds to regard the applicant as a danger to the security of the United States",
    );
    let terrorism = simple(
        ev,
        &defs::BAR_TERRORISM,
        conduct(c.terrorist_activity, field!("conduct.terrorist_activity")),
        "The terrorism grounds of INA § 212(a)(3)(B) or § 237(a)(4)(B) apply",
    );
    let firm_resettlement = firm_resettlement(ev);
    AsylumBars {
        persecutor,
        particularly_serious_crime,
        serious_nonpolitical_crime,
        security,
        terrorism,
        firm_resettlement,
    }
}

/// > 8 C.F.R. § 208.15: An alien is considered to be firmly resettled if, prior to
/// > arrival in the United States, he or she entered into another country with, or
/// > while in that country received, an offer of permanent resident status,
/// > citizenship, or some other type of permanent resettlement unless ... (a) [the
/// > stay was a necessary consequence of flight, without significant ties] or (b)
/// > [the conditions of residence were so substantially and consciously restricted
/// > that he or she was not in fact resettled].
fn firm_resettlement(ev: &mut Eval) -> Ix {
    let r = ev.case.facts().resettlement();
    let v = V::fact(
        r.offered_permanent_status,
        Fact::Resettlement(field!("resettlement.offered_permanent_status")),
    )
    .and(
        V::fact(
            r.stay_necessary_for_flight,
            Fact::Resettlement(field!("resettlement.stay_necessary_for_flight")),
        )
        .negate(),
    )
    .and(
        V::fact(
            r.restrictive_conditions,
            Fact::Resettlement(field!("resettlement.restrictive_conditions")),
        )
        .negate(),
    );
    ev.finding(&defs::BAR_FIRM_RESETTLEMENT)
        .decide(v)
        .because(|_, _| {
            let country = r.country.map(|c| text!(" ({c})")).unwrap_or_default();
            match r.offered_permanent_status {
                Some(false) => {
                    "No other country offered permanent residence, citizenship or similar status."
                        .to_string()
                }
                None => {
                    "Whether another country offered permanent status is not known.".to_string()
                }
                Some(true) => text!(
                    "Another country{country} offered permanent status; the stay there was only a necessary consequence of flight: {}; the conditions there were so restricted that the applicant was not in fact resettled: {}.",
                    yn(r.stay_necessary_for_flight),
                    yn(r.restrictive_conditions)
                ),
            }
        })
}

pub fn withholding(ev: &mut Eval) -> WithholdingBars {
    let c = ev.case.facts().conduct();
    let persecutor = simple(
        ev,
        &defs::WH_BAR_PERSECUTOR,
        conduct(c.persecuted_others, field!("conduct.persecuted_others")),
        "Ordered, incited, assisted or otherwise participated in the persecution of others",
    );
    // > INA § 241(b)(3)(B) (flush language): an alien who has been convicted of an
    // > aggravated felony (or felonies) for which the alien has been sentenced to an
    // > aggregate term of imprisonment of at least 5 years shall be considered to have
    // > committed a particularly serious crime.
    let aggravated_felony = conduct(c.aggravated_felony, field!("conduct.aggravated_felony"));
    let psc = conduct(
        c.particularly_serious_crime,
        field!("conduct.particularly_serious_crime"),
    );
    let five = V::test(
        c.sentence_years,
        Fact::Conduct(field!("conduct.sentence_years")),
        |y| y >= 5.0,
    );
    // > Matter of Y-L-, A-G- & R-S-R-, 23 I&N Dec. 270 (A.G. 2002): an aggravated
    // > felony involving unlawful trafficking in controlled substances is
    // > presumptively particularly serious, whatever the sentence.
    let trafficking = V::fact(
        c.drug_trafficking,
        Fact::Conduct(field!("conduct.drug_trafficking")),
    );
    let particularly_serious_crime = ev
        .finding(&defs::WH_BAR_PSC)
        .decide(psc.or(aggravated_felony.and(five.or(trafficking))))
        .because(|_, _| {
            let (af, trafficking) = (c.aggravated_felony, c.drug_trafficking);
            let sentence = c
                .sentence_years
                .map_or("unknown".to_string(), |y| text!("{y} years"));
            let mut text = text!(
                "Convicted of a crime found particularly serious: {}; of an aggravated felony: {} (aggregate sentence {sentence}; five years or more makes it particularly serious for withholding); the felony was illicit drug trafficking: {}.",
                yn(c.particularly_serious_crime),
                yn(af),
                yn(trafficking)
            );
            if af == Some(true) && trafficking == Some(true) {
                text += " An aggravated felony of drug trafficking is presumed particularly serious whatever the sentence; the presumption yields only to extraordinary and compelling circumstances (Matter of Y-L-, A-G- & R-S-R-, 23 I&N Dec. 270 (A.G. 2002)).";
            } else if af == Some(true) && c.sentence_years.is_some_and(|y| y < 5.0) {
                text += " An aggravated felony with a sentence under five years is particularly serious only on a case-by-case judgment (INA § 241(b)(3)(B), last sentence): the elements of the offense first, then all reliable information about it (Matter of N-A-M-, 24 I&N Dec. 336 (BIA 2007)). That is the particularly serious crime judgment.";
            }
            text
        });
    let serious_nonpolitical_crime = simple(
        ev,
        &defs::WH_BAR_SNPC,
        conduct(
            c.serious_nonpolitical_crime,
            field!("conduct.serious_nonpolitical_crime"),
        ),
        "Serious reasons to believe the applicant committed a serious nonpolitical crime outside the United States",
    );
    // > INA § 241(b)(3)(B): an alien who is described in section 237(a)(4)(B)
    // > [terrorist activity] shall be considered to be an alien with respect to
    // > whom there are reasonable grounds for regarding as a danger to the
    // > security of the United States.
    let security = either(
        ev,
        &defs::WH_BAR_SECURITY,
        (
            c.danger_to_security,
            field!("conduct.danger_to_security"),
            "A danger to the security of the United States",
        ),
        (
            c.terrorist_activity,
            field!("conduct.terrorist_activity"),
            "terrorist activity (a danger to security by statute, INA § 241(b)(3)(B))",
        ),
    );
    WithholdingBars {
        persecutor,
        particularly_serious_crime,
        serious_nonpolitical_crime,
        security,
    }
}
