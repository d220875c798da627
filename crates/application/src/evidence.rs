//! The evidence checklist: for each legal element the case relies on, the
//! evidence that usually proves it (`form/evidence.toml`), tied to the
//! engine's findings, with the status the document gives each piece
//! (`application.evidence`).
//!
//! > The testimony of the applicant may be sufficient to sustain the
//! > applicant's burden without corroboration, but only if the applicant
//! > satisfies the trier of fact that the applicant's testimony is credible,
//! > is persuasive, and refers to specific facts sufficient to demonstrate
//! > that the applicant is a refugee. … such evidence must be provided unless
//! > the applicant does not have the evidence and cannot reasonably obtain the
//! > evidence. (INA § 208(b)(1)(B)(ii))
//!
//! Hence a piece that is `not_obtainable` says why, and the checklist says
//! which findings rest on testimony alone: those whose every element has no
//! piece of corroboration in hand (or translated, 8 C.F.R. § 103.2(b)(3)).

use jiff::civil::Date;
use std::sync::OnceLock;

use refuge_engine::facts::{Relation, When as HarmWhen};
use refuge_engine::output::Outcome;
use refuge_engine::{Assessment, Case, InputError};
use serde::{Deserialize, Serialize};

use crate::document::{EvidenceEntry, EvidenceStatus, MAX_ROWS, err};

/// The checklist's data, `form/evidence.toml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub checklist: Meta,
    pub sources: Vec<SourceRef>,
    pub elements: Vec<Element>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    pub version: String,
    pub title: String,
    pub note: String,
}

/// Where the data comes from.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub id: String,
    pub title: String,
    pub url: String,
}

/// A legal element and the evidence that usually proves it.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Element {
    pub id: String,
    pub title: String,
    pub per: Per,
    pub when: Needs,
    /// The engine's findings that rest on it (`harm.<hid>.severity`).
    pub findings: Vec<String>,
    pub authority: Vec<String>,
    #[serde(default)]
    pub note: String,
    pub items: Vec<Item>,
}

/// One element for the case, or one for each harm, past harm or family member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    Case,
    Harm,
    PastHarm,
    Family,
}

/// When the case relies on the element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Needs {
    Always,
    /// The facts give an arrival.
    Arrived,
    /// The engine's `asylum.one_year` is no.
    Late,
}

/// A piece of evidence.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub label: String,
    pub sources: Vec<String>,
    /// The applicant's own account: evidence, but not corroboration.
    #[serde(default)]
    pub testimony: bool,
    /// A document that prints a person's name and date of birth: its entry
    /// may record them (`name_shown`, `birth_date_shown`).
    #[serde(default)]
    pub identity: bool,
    /// For a family element: only for a spouse, or only for a child.
    pub relation: Option<Relation>,
}

impl Evidence {
    /// The data compiled into the crate.
    pub fn embedded() -> &'static Evidence {
        static E: OnceLock<Evidence> = OnceLock::new();
        E.get_or_init(|| {
            crate::data::read(crate::data::EVIDENCE_JSON, crate::data::EVIDENCE_TOML)
                .and_then(Evidence::check)
                .expect("form/evidence.toml is checked by the tests")
        })
    }

    /// Reads and checks checklist data: ids unique, every item's sources
    /// declared, every finding an id (or template) of the engine's.
    ///
    /// # Errors
    /// What is wrong, naming the element or item.
    pub fn parse(text: &str) -> Result<Evidence, String> {
        Evidence::check(toml::from_str(text).map_err(|e| e.to_string())?)
    }

    fn check(e: Evidence) -> Result<Evidence, String> {
        if e.checklist.version.trim().is_empty() {
            return Err("[checklist] has no version".into());
        }
        let mut seen: Vec<&str> = Vec::new();
        for s in &e.sources {
            if seen.contains(&s.id.as_str()) {
                return Err(format!("source {} is listed twice", s.id));
            }
            if s.title.trim().is_empty() || !s.url.starts_with("https://") {
                return Err(format!("source {}: a title and an https address", s.id));
            }
            seen.push(&s.id);
        }
        let mut elements: Vec<&str> = Vec::new();
        for el in &e.elements {
            if elements.contains(&el.id.as_str()) {
                return Err(format!("element {} is listed twice", el.id));
            }
            elements.push(&el.id);
            if el.items.is_empty() || el.authority.is_empty() {
                return Err(format!("element {}: no items, or no authority", el.id));
            }
            for f in &el.findings {
                if !refuge_engine::defs::ALL.iter().any(|d| d.id == f) {
                    return Err(format!(
                        "element {}: {f} is not a finding of the engine",
                        el.id
                    ));
                }
                let per_ok = match el.per {
                    Per::Case => !f.contains('<'),
                    Per::Harm | Per::PastHarm => !f.contains("<fid>"),
                    Per::Family => !f.contains("<hid>") && !f.contains("<gid>"),
                };
                if !per_ok {
                    return Err(format!(
                        "element {}: {f} is not made for what the element is per",
                        el.id
                    ));
                }
            }
            let mut items: Vec<&str> = Vec::new();
            for it in &el.items {
                if items.contains(&it.id.as_str()) {
                    return Err(format!("element {}: item {} is listed twice", el.id, it.id));
                }
                items.push(&it.id);
                if it.sources.is_empty() {
                    return Err(format!("element {}: item {} has no source", el.id, it.id));
                }
                if let Some(s) = it.sources.iter().find(|s| !seen.contains(&s.as_str())) {
                    return Err(format!(
                        "element {}: item {}: no source {s} in [[sources]]",
                        el.id, it.id
                    ));
                }
                if it.relation.is_some() && el.per != Per::Family {
                    return Err(format!(
                        "element {}: item {} has a relation, but the element is not per family member",
                        el.id, it.id
                    ));
                }
            }
        }
        Ok(e)
    }

    pub fn element(&self, id: &str) -> Option<&Element> {
        self.elements.iter().find(|e| e.id == id)
    }
}

/// Checks the document's evidence statuses against the data and the facts.
pub(crate) fn validate(case: &Case, entries: &[EvidenceEntry]) -> Result<(), InputError> {
    if entries.len() > MAX_ROWS {
        return Err(err(
            "application.evidence",
            format!(
                "{} entries; an application lists at most {MAX_ROWS}",
                entries.len()
            ),
        ));
    }
    let data = Evidence::embedded();
    let mut keys: Vec<(&str, &str, Option<&str>, Option<&str>)> = Vec::new();
    for (i, e) in entries.iter().enumerate() {
        let path = format!("application.evidence[{i}]");
        let Some(element) = e.element.as_deref() else {
            return Err(err(
                format!("{path}.element"),
                "an entry names its element (an id of form/evidence.toml)",
            ));
        };
        let Some(el) = data.element(element) else {
            let ids: Vec<&str> = data.elements.iter().map(|e| e.id.as_str()).collect();
            return Err(err(
                format!("{path}.element"),
                format!("no element {element:?}; one of {}", ids.join(", ")),
            ));
        };
        let Some(item) = e.item.as_deref() else {
            return Err(err(
                format!("{path}.item"),
                "an entry names its item (an id of its element's items)",
            ));
        };
        let Some(it) = el.items.iter().find(|it| it.id == item) else {
            let ids: Vec<&str> = el.items.iter().map(|i| i.id.as_str()).collect();
            return Err(err(
                format!("{path}.item"),
                format!("{element} has no item {item:?}; one of {}", ids.join(", ")),
            ));
        };
        let per_harm = matches!(el.per, Per::Harm | Per::PastHarm);
        match (per_harm, e.harm.as_deref()) {
            (true, None) => {
                return Err(err(
                    format!("{path}.harm"),
                    format!("{element} is one for each harm: name the harm (facts.harms[].id)"),
                ));
            }
            (true, Some(h)) => {
                let Some(k) = case.harm_ids().iter().position(|id| id == h) else {
                    return Err(err(
                        format!("{path}.harm"),
                        format!("harm {h:?} is not in facts.harms"),
                    ));
                };
                if el.per == Per::PastHarm && case.facts().harms()[k].when == Some(HarmWhen::Feared)
                {
                    return Err(err(
                        format!("{path}.harm"),
                        format!("{element} is for a past harm, and harm {h:?} is feared"),
                    ));
                }
            }
            (false, Some(_)) => {
                return Err(err(
                    format!("{path}.harm"),
                    format!("{element} is not one for each harm: leave out the harm"),
                ));
            }
            (false, None) => {}
        }
        match (el.per == Per::Family, e.family.as_deref()) {
            (true, None) => {
                return Err(err(
                    format!("{path}.family"),
                    format!(
                        "{element} is one for each family member: name them (facts.family[].id)"
                    ),
                ));
            }
            (true, Some(f)) => {
                let Some(k) = case.family_ids().iter().position(|id| id == f) else {
                    return Err(err(
                        format!("{path}.family"),
                        format!("family member {f:?} is not in facts.family"),
                    ));
                };
                let relation = case.facts().family()[k].relation;
                if let (Some(want), Some(is)) = (it.relation, relation)
                    && want != is
                {
                    return Err(err(
                        format!("{path}.item"),
                        format!(
                            "{item} is for a {}, and {f:?} is a {}",
                            want.as_str(),
                            is.as_str()
                        ),
                    ));
                }
            }
            (false, Some(_)) => {
                return Err(err(
                    format!("{path}.family"),
                    format!("{element} is not one for each family member: leave out the family id"),
                ));
            }
            (false, None) => {}
        }
        match e.status {
            None => {
                return Err(err(
                    format!("{path}.status"),
                    "an entry gives its status (needed, requested, in_hand, translated, not_obtainable)",
                ));
            }
            Some(EvidenceStatus::NotObtainable)
                if e.why.as_deref().is_none_or(|w| w.trim().is_empty()) =>
            {
                return Err(err(
                    format!("{path}.why"),
                    "say why it cannot reasonably be obtained: an adjudicator may require corroboration unless the applicant cannot reasonably obtain it (INA § 208(b)(1)(B)(ii))",
                ));
            }
            Some(_) => {}
        }
        if !it.identity {
            for (field, given) in [
                ("name_shown", e.name_shown.is_some()),
                ("birth_date_shown", e.birth_date_shown.is_some()),
            ] {
                if given {
                    return Err(err(
                        format!("{path}.{field}"),
                        format!(
                            "{element}.{item} is not an identity document: only a passport, an identity card or a birth certificate records the name and date of birth it shows"
                        ),
                    ));
                }
            }
        }
        if let Some(d) = e.birth_date_shown
            && d > case.as_of()
        {
            return Err(err(
                format!("{path}.birth_date_shown"),
                format!(
                    "{d} is after as_of {}; a date of birth must be in the past",
                    case.as_of()
                ),
            ));
        }
        let key = (element, item, e.harm.as_deref(), e.family.as_deref());
        if keys.contains(&key) {
            return Err(err(
                path,
                format!(
                    "{element}.{item} is listed twice for the same {}",
                    match el.per {
                        Per::Case => "case",
                        Per::Harm | Per::PastHarm => "harm",
                        Per::Family => "family member",
                    }
                ),
            ));
        }
        keys.push(key);
    }
    Ok(())
}

/// The case's checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Checklist {
    /// The version of `form/evidence.toml`.
    pub version: &'static str,
    /// Each element the case relies on, with its evidence.
    pub elements: Vec<ElementStatus>,
    /// The findings that rest on testimony alone: every element they rest on
    /// has no corroboration in hand.
    pub testimony_alone: Vec<FindingRef>,
}

/// An element of this case (for a harm or a family member, where it is one of each).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ElementStatus {
    pub element: &'static str,
    pub title: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub harm: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    /// The engine's findings that rest on it, as the assessment has them.
    pub findings: Vec<FindingRef>,
    /// A piece of corroboration (not the applicant's own account) is in hand or translated.
    pub corroborated: bool,
    pub items: Vec<ItemStatus>,
    pub authority: &'static [String],
}

/// A finding and its outcome.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FindingRef {
    pub id: String,
    pub outcome: Outcome,
}

/// A piece of evidence of this case and where it stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemStatus {
    pub item: &'static str,
    pub label: &'static str,
    pub status: EvidenceStatus,
    /// The applicant's own account (evidence, not corroboration).
    pub testimony: bool,
    /// The document's entry for it (`application.evidence[3]`), if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Why it cannot be obtained, for `not_obtainable`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// In hand, in another language, and not yet translated with a certificate (8 C.F.R. § 103.2(b)(3)).
    pub needs_translation: bool,
    /// A document that prints a person's name and date of birth.
    pub identity: bool,
    /// The name the document prints, as recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_shown: Option<String>,
    /// The date of birth the document gives, as recorded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub birth_date_shown: Option<Date>,
}

/// Computes the case's checklist: the elements from the facts and the
/// engine's findings, the items from the data, the statuses from the document.
pub fn checklist(case: &Case, entries: &[EvidenceEntry], assessment: &Assessment) -> Checklist {
    let data = Evidence::embedded();
    let facts = case.facts();
    let outcome = |id: &str| {
        assessment
            .findings
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.outcome)
    };
    let late = outcome("asylum.one_year") == Some(Outcome::No);
    let mut elements = Vec::new();
    for el in &data.elements {
        let relied = match el.when {
            Needs::Always => true,
            Needs::Arrived => !facts.arrivals().is_empty(),
            Needs::Late => late,
        };
        if !relied {
            continue;
        }
        // (harm index, family index) of each instance.
        let instances: Vec<(Option<usize>, Option<usize>)> = match el.per {
            Per::Case => vec![(None, None)],
            Per::Harm => (0..facts.harms().len()).map(|k| (Some(k), None)).collect(),
            Per::PastHarm => facts
                .harms()
                .iter()
                .enumerate()
                .filter(|(_, h)| h.when != Some(HarmWhen::Feared))
                .map(|(k, _)| (Some(k), None))
                .collect(),
            Per::Family => (0..facts.family().len()).map(|k| (None, Some(k))).collect(),
        };
        for (h, f) in instances {
            let harm = h.map(|k| case.harm_ids()[k].clone());
            let family = f.map(|k| case.family_ids()[k].clone());
            let relation = f.and_then(|k| facts.family()[k].relation);
            let mut findings = Vec::new();
            for template in &el.findings {
                let ids: Vec<String> = if template.contains("<gid>") {
                    let Some(k) = h else { continue };
                    facts.harms()[k]
                        .grounds
                        .as_deref()
                        .unwrap_or(&[])
                        .iter()
                        .filter_map(|g| g.group.as_deref())
                        .map(|g| template.replace("<gid>", g))
                        .collect()
                } else {
                    let mut id = template.clone();
                    if let Some(hid) = &harm {
                        id = id.replace("<hid>", hid);
                    }
                    if let Some(fid) = &family {
                        id = id.replace("<fid>", fid);
                    }
                    vec![id]
                };
                for id in ids {
                    if let Some(o) = outcome(&id)
                        && o != Outcome::NotApplicable
                        && !findings.iter().any(|f: &FindingRef| f.id == id)
                    {
                        findings.push(FindingRef { id, outcome: o });
                    }
                }
            }
            let items: Vec<ItemStatus> = el
                .items
                .iter()
                .filter(|it| it.relation.is_none() || it.relation == relation)
                .map(|it| {
                    let found = entries.iter().enumerate().find(|(_, e)| {
                        e.element.as_deref() == Some(el.id.as_str())
                            && e.item.as_deref() == Some(it.id.as_str())
                            && e.harm == harm
                            && e.family == family
                    });
                    let status = found
                        .and_then(|(_, e)| e.status)
                        .unwrap_or(EvidenceStatus::Needed);
                    let foreign = found
                        .and_then(|(_, e)| e.language.as_deref())
                        .is_some_and(|l| !l.trim().eq_ignore_ascii_case("english"));
                    ItemStatus {
                        item: &it.id,
                        label: &it.label,
                        status,
                        testimony: it.testimony,
                        path: found.map(|(i, _)| format!("application.evidence[{i}]")),
                        why: found
                            .filter(|_| status == EvidenceStatus::NotObtainable)
                            .and_then(|(_, e)| e.why.clone()),
                        needs_translation: foreign && status == EvidenceStatus::InHand,
                        identity: it.identity,
                        name_shown: found.and_then(|(_, e)| e.name_shown.clone()),
                        birth_date_shown: found.and_then(|(_, e)| e.birth_date_shown),
                    }
                })
                .collect();
            let corroborated = items.iter().any(|i| {
                !i.testimony
                    && matches!(
                        i.status,
                        EvidenceStatus::InHand | EvidenceStatus::Translated
                    )
            });
            elements.push(ElementStatus {
                element: &el.id,
                title: &el.title,
                harm,
                family,
                findings,
                corroborated,
                items,
                authority: &el.authority,
            });
        }
    }
    // A finding rests on testimony alone when no element it rests on is corroborated.
    let mut testimony_alone: Vec<FindingRef> = Vec::new();
    for e in &elements {
        for f in &e.findings {
            let supported = elements
                .iter()
                .any(|o| o.corroborated && o.findings.iter().any(|g| g.id == f.id));
            if !supported && !testimony_alone.iter().any(|g| g.id == f.id) {
                testimony_alone.push(f.clone());
            }
        }
    }
    Checklist {
        version: &data.checklist.version,
        elements,
        testimony_alone,
    }
}
