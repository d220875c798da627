//! Withholding of removal and the Convention Against Torture (`spec/rules.md` § 4).

use super::refugee::{Refugee, feared_harm_qualifies, harm_deps};
use super::{Eval, Ix};
use crate::defs;
use crate::facts::{Likelihood, OfficialRole, TortureLikelihood, When};
use crate::logic::{Fact, Need, Tri, V};
use crate::output::Outcome;

/// > INA § 241(b)(3)(A): the Attorney General may not remove an alien to a country
/// > if the Attorney General decides that the alien's life or freedom would be
/// > threatened in that country because of the alien's race, religion, nationality,
/// > membership in a particular social group, or political opinion.
///
/// The standard is a clear probability, more likely than not (*INS v. Stevic*).
/// Subjective fear plays no part.
pub fn threat(ev: &mut Eval, r: &Refugee) -> Ix {
    let risk = ev.case.facts().risk();
    // 8 C.F.R. § 208.16(b)(1): past threat to life or freedom raises the presumption.
    let presumed = ev.yes(r.past_persecution).and(ev.yes(r.presumption));
    let clear_probability = match risk.persecution_likelihood {
        Some(l) => V::known(l == Likelihood::MoreLikelyThanNot),
        // Derived from the Mogharrabi factors the likelihood is at most a reasonable
        // possibility: it can settle only "remote".
        None if [
            risk.persecutor_aware,
            risk.persecutor_capable,
            risk.persecutor_inclined,
        ]
        .contains(&Some(false))
            && risk.pattern_or_practice != Some(true) =>
        {
            V::NO
        }
        None => V::unknown(Need::fact(Fact::Risk(field!(
            "risk.persecution_likelihood"
        )))),
    };
    let qualifies = feared_harm_qualifies(ev, &r.harms);
    let qualifies_t = qualifies.t();
    let v = presumed.or(clear_probability.and(qualifies));
    // The findings it depends on are listed only when explaining.
    let deps: Vec<Ix> = if ev.explain {
        [r.past_persecution, r.presumption]
            .into_iter()
            .chain(harm_deps(ev, &r.harms, When::Feared))
            .collect()
    } else {
        Vec::new()
    };
    ev.finding(&defs::WITHHOLDING_THREAT)
        .after(&deps)
        .decide(v)
        .because(|ev, _| {
            let (pp, presumption) = (ev.outcome(r.past_persecution), ev.outcome(r.presumption));
            if pp == Outcome::Yes && presumption == Outcome::Yes {
                return "Past persecution raises the presumption that life or freedom would be threatened, and it is not rebutted (8 C.F.R. § 208.16(b)(1)).".to_string();
            }
            let qualifies_text = match (ev.case.facts().harms.is_some(), qualifies_t) {
                (false, _) => "no harms are recorded yet",
                (true, Tri::Yes) => {
                    "a feared harm qualifies (severe, by a qualifying actor, on account of a protected ground, not avoidable by relocation)"
                }
                (true, Tri::No) => {
                    "no feared harm qualifies (each lacks severity, a qualifying actor or a protected ground, or relocation would avoid it)"
                }
                (true, Tri::Unknown) => "whether a feared harm qualifies is not yet known",
            };
            text!(
                "No unrebutted presumption from past persecution (past persecution: {}; presumption: {}). For the future, {}; the likelihood of persecution is {}, and withholding needs it to be more likely than not. Subjective fear plays no part.",
                pp.as_str().replace('_', " "),
                presumption.as_str().replace('_', " "),
                qualifies_text,
                risk.persecution_likelihood
                    .map_or("not stated".to_string(), |l| l.words())
            )
        })
}

pub struct Cat {
    pub torture_likely: Ix,
    pub official: Ix,
}

/// > 8 C.F.R. § 208.16(c)(2): The burden of proof is on the applicant ... to establish
/// > that it is more likely than not that he or she would be tortured if removed.
pub fn cat(ev: &mut Eval) -> Cat {
    let t = ev.case.facts().torture();
    let v = V::test(
        t.likelihood,
        Fact::Torture(field!("torture.likelihood")),
        |l| l == TortureLikelihood::MoreLikelyThanNot,
    );
    let torture_likely = ev.finding(&defs::TORTURE_LIKELY).decide(v).because(|_, _| {
        match t.likelihood {
            Some(l) => text!(
                "The likelihood of torture on return is {}; the standard is more likely than not.",
                l.words()
            ),
            None => "The likelihood of torture on return is not known.".to_string(),
        }
    });
    // > 8 C.F.R. § 208.18(a)(1): ... by or at the instigation of or with the
    // > consent or acquiescence of a public official or other person acting in
    // > an official capacity.
    let v = V::test(
        t.official_role,
        Fact::Torture(field!("torture.official_role")),
        |r| r != OfficialRole::None,
    );
    let official = ev
        .finding(&defs::OFFICIAL)
        .decide(v)
        .because(|_, _| match t.official_role {
            Some(OfficialRole::None) => {
                "No public official would inflict, instigate, consent to or acquiesce in the torture."
                    .to_string()
            }
            Some(r) => text!(
                "A public official's role: {} (acquiescence includes willful blindness).",
                r.words()
            ),
            None => {
                "The role of public officials in the feared torture is not known.".to_string()
            }
        });
    Cat {
        torture_likely,
        official,
    }
}
