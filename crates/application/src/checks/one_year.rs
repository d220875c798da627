//! Part C.5 ("Are you filing this application more than 1 year after your
//! last arrival in the United States?") against the engine.
//!
//! The answer is not entered: it is the engine's `asylum.one_year` finding
//! (yes to C.5 when the finding is no). When the filing is late, C.5 must
//! explain why, and the explanation must name each exception the facts give
//! (`exceptions[].kind`), in words a reader recognises (`KIND_WORDS`). Whether
//! the exception holds is the engine's (`asylum.one_year_exception`), not
//! this check's.

use refuge_engine::facts::ExceptionKind;
use refuge_engine::output::Outcome;

use super::{Ctx, app_path};

/// For each exception kind, the words any one of which names it in an
/// explanation (compared in lower case).
pub const KIND_WORDS: &[(ExceptionKind, &[&str])] = &[
    (
        ExceptionKind::ChangedCountryConditions,
        &[
            "changed country conditions",
            "country conditions",
            "conditions in",
        ],
    ),
    (
        ExceptionKind::ChangedLaw,
        &[
            "change in the law",
            "change in law",
            "changed law",
            "new law",
            "law changed",
        ],
    ),
    (
        ExceptionKind::ChangedPersonalCircumstances,
        &[
            "personal circumstances",
            "changed circumstances",
            "my circumstances changed",
        ],
    ),
    (ExceptionKind::LostDerivativeStatus, &["derivative"]),
    (
        ExceptionKind::SeriousIllnessOrDisability,
        &["illness", "disability", "disabled", "hospital"],
    ),
    (
        ExceptionKind::LegalDisability,
        &["legal disability", "unaccompanied", "minor", "mental"],
    ),
    (
        ExceptionKind::IneffectiveAssistance,
        &[
            "ineffective assistance",
            "lozada",
            "former attorney",
            "prior attorney",
            "previous attorney",
            "former counsel",
            "prior counsel",
        ],
    ),
    (
        ExceptionKind::LawfulStatus,
        &[
            "lawful status",
            "temporary protected status",
            "tps",
            "parole",
            "nonimmigrant",
            "visa",
        ],
    ),
    (
        ExceptionKind::RejectedThenRefiled,
        &["rejected", "refiled", "returned as incomplete"],
    ),
    (
        ExceptionKind::DeathOrIllnessInFamily,
        &["death", "died", "passed away", "illness", "ill"],
    ),
];

/// Whether `text` names the exception `kind`.
pub fn names(text: &str, kind: ExceptionKind) -> bool {
    let text = text.to_lowercase();
    let words = KIND_WORDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(&[][..], |(_, w)| w);
    words.iter().any(|w| {
        text.match_indices(w).any(|(i, _)| {
            // Whole words only: "ill" is not "will".
            let before = text[..i].chars().next_back();
            let after = text[i + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

pub(super) fn run(ctx: &mut Ctx) {
    let explanation_path = app_path("part_c.q5.explanation");
    let Some(finding) = ctx.assessment.finding("asylum.one_year") else {
        return;
    };
    match finding.outcome {
        Outcome::Yes => {}
        Outcome::Unknown => ctx.cannot_tell(
            "one_year.c5",
            vec!["facts.arrivals".into(), explanation_path],
            format!(
                "C.5 waits on the engine, which cannot yet tell whether the filing is more than a year after the last arrival: {}",
                finding.because
            ),
        ),
        Outcome::NotApplicable => ctx.cannot_tell(
            "one_year.c5",
            vec![explanation_path],
            format!(
                "the one-year deadline does not apply ({}); answer C.5 by the dates, and if yes, explain",
                finding.because
            ),
        ),
        Outcome::No => late(ctx, explanation_path),
    }
}

fn late(ctx: &mut Ctx, path: String) {
    let explanation = ctx
        .c()
        .q5
        .as_ref()
        .and_then(|q| q.explanation.as_deref())
        .map(str::trim)
        .filter(|s| !s.is_empty() && *s != "N/A");
    let Some(text) = explanation else {
        ctx.trip(
            "one_year.c5",
            vec![path],
            "C.5 is yes (the engine finds the filing more than a year after the last arrival): explain why it was not filed within the first year, naming the changed or extraordinary circumstance",
        );
        return;
    };
    let exceptions = ctx.facts().exceptions.as_deref();
    let why = "the facts do not say which exception C.5 relies on (facts.exceptions): the explanation cannot be compared with it";
    let Some(exceptions) = ctx.known(exceptions, "one_year.c5", "facts.exceptions", why) else {
        return;
    };
    for (i, e) in exceptions.iter().enumerate() {
        let Some(kind) = e.kind else {
            ctx.cannot_tell(
                "one_year.c5",
                vec![format!("facts.exceptions[{i}].kind")],
                "an exception in the facts has no kind yet",
            );
            continue;
        };
        if !names(text, kind) {
            ctx.trip(
                "one_year.c5",
                vec![path.clone(), format!("facts.exceptions[{i}].kind")],
                format!(
                    "C.5's explanation does not name the exception the facts give ({}): say it in words the adjudicator will recognise",
                    kind.words()
                ),
            );
        }
    }
}
