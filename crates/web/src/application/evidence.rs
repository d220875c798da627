//! The evidence checklist page (issue 16): the case's checklist as the
//! readiness has it (`Readiness.evidence`, from `form/evidence.toml`, the
//! facts and the engine's findings), each element with its items and their
//! status, and the findings that rest on the applicant's testimony alone
//! highlighted (INA § 208(b)(1)(B)(ii): corroboration where it is reasonably
//! available). An item's status is changed by a small form that saves the
//! application as a new version through [`service::save`], like the editor.

use std::collections::HashMap;

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use refuge_application::document::EvidenceStatus;
use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::{service, stored_error};
use crate::cases::service::{self as cases, CaseError};
use crate::domain::AuditAction;
use crate::http::access::{CaseAccess, Member};
use crate::http::drafts::Draft;
use crate::http::error::PageResult;
use crate::http::extract::{Posted, Q};
use crate::http::lang;
use crate::http::view::{Ctx, render, see_other};
use crate::state::AppState;
use crate::store::{CaseRow, DbError};
use refuge_application::evidence::ElementStatus;
use refuge_i18n::{Lang, tr};

/// A status in words.
pub fn status_words(s: EvidenceStatus) -> &'static str {
    match s {
        EvidenceStatus::Needed => "application-evidence-status-needed",
        EvidenceStatus::Requested => "application-evidence-status-requested",
        EvidenceStatus::InHand => "application-evidence-status-in-hand",
        EvidenceStatus::Translated => "application-evidence-status-translated",
        EvidenceStatus::NotObtainable => NOT_OBTAINABLE,
    }
}

/// An element of the checklist's title in `lang` (`evidence-element-<id>`,
/// `locales/*/evidence.ftl`), else as the checklist gives it.
pub fn element_title(lang: Lang, el: &ElementStatus) -> String {
    checklist_words(lang, &format!("evidence-element-{}", el.element), el.title)
}

/// An item of the checklist's label in `lang` (`evidence-item-<element>-<item>`).
pub fn item_label(lang: Lang, element: &str, item: &str, english: &str) -> String {
    checklist_words(lang, &format!("evidence-item-{element}-{item}"), english)
}

fn checklist_words(lang: Lang, id: &str, english: &str) -> String {
    refuge_i18n::tr_opt(lang, id).unwrap_or_else(|| english.to_string())
}

/// A finding's outcome in `lang`.
fn outcome(lang: Lang, o: refuge_engine::output::Outcome) -> String {
    tr(lang, &format!("report-outcome-{}", o.as_str()))
}

/// The message of the status that asks why.
pub const NOT_OBTAINABLE: &str = "application-evidence-status-not-obtainable";

/// An item's key: its element, item, harm and family, as the form posts them.
fn key(element: &str, item: &str, harm: &str, family: &str) -> String {
    format!("{element}-{item}-{harm}-{family}")
}

pub struct ItemView {
    pub key: String,
    /// The uploads attached to it: (id, name).
    pub uploads: Vec<(String, String)>,
    pub element: String,
    pub item: String,
    pub harm: String,
    pub family: String,
    pub label: String,
    /// The status shown (what was typed, after a refusal).
    pub status: &'static str,
    pub status_words: &'static str,
    pub testimony: bool,
    pub why: String,
    pub needs_translation: bool,
    /// A document that prints a name and date of birth (`identity = true`
    /// in form/evidence.toml): the form asks what it shows.
    pub identity: bool,
    pub name_shown: String,
    pub birth_date_shown: String,
    pub error: String,
}

pub struct FindingView {
    pub id: String,
    pub outcome: String,
    /// It rests on the applicant's testimony alone.
    pub alone: bool,
}

pub struct ElementView {
    pub anchor: String,
    pub title: String,
    /// "harm h1", "family member c1", or "".
    pub of: String,
    pub findings: Vec<FindingView>,
    pub corroborated: bool,
    pub items: Vec<ItemView>,
    pub authority: String,
}

#[derive(Template)]
#[template(path = "application/evidence.html")]
struct EvidencePage {
    ctx: Ctx,
    case: CaseRow,
    error: Option<(String, String)>,
    version: i64,
    checklist_version: String,
    /// The findings on testimony alone: (id, outcome).
    alone: Vec<(String, String)>,
    elements: Vec<ElementView>,
    /// Why a status change was refused.
    refused: Option<String>,
    saved: Option<i64>,
    statuses: Vec<(&'static str, &'static str)>,
}

#[derive(Deserialize)]
pub struct EvidenceQuery {
    draft: Option<String>,
    saved: Option<i64>,
}

pub(super) async fn evidence_page(
    State(state): State<AppState>,
    CaseAccess { case, who: s, .. }: CaseAccess<Member>,
    Q(q): Q<EvidenceQuery>,
) -> PageResult {
    let stored = super::viewed(&state, &s, &case, "evidence checklist viewed").await?;
    let facts = cases::document(&case);
    let draft = q
        .draft
        .as_deref()
        .and_then(|k| state.drafts.get(k, &s.user.id, &case.id));
    let status = draft.as_ref().map_or(StatusCode::OK, |d| {
        StatusCode::from_u16(d.status).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY)
    });
    let mut page = EvidencePage {
        ctx: Ctx::of_case(&s, "application-evidence-title", &case.client_name),
        error: None,
        version: stored.version,
        checklist_version: String::new(),
        alone: Vec::new(),
        elements: Vec::new(),
        refused: draft.as_ref().map(|d| d.error.clone()),
        saved: q.saved.filter(|_| draft.is_none()),
        statuses: EvidenceStatus::ALL
            .iter()
            .map(|s| (s.as_str(), status_words(*s)))
            .collect(),
        case,
    };
    match service::readiness(&state, &page.case, &stored.document).await {
        Err(e) => {
            page.error = Some(stored_error(page.case.id.as_str(), &facts, &e));
        }
        Ok(r) => {
            let c = &r.evidence;
            page.checklist_version = c.version.to_string();
            page.alone = c
                .testimony_alone
                .iter()
                .map(|f| (f.id.clone(), outcome(s.lang, f.outcome)))
                .collect();
            let typed = draft.as_ref().map(|d| &d.typed);
            let attached = crate::documents::attached(&state, &page.case).await?;
            for (n, el) in c.elements.iter().enumerate() {
                let harm = el.harm.clone().unwrap_or_default();
                let family = el.family.clone().unwrap_or_default();
                let items = el
                    .items
                    .iter()
                    .map(|it| {
                        let k = key(el.element, it.item, &harm, &family);
                        let mine = typed.filter(|t| t.get("key") == Some(&k));
                        let status = mine
                            .and_then(|t| t.get("status"))
                            .and_then(|v| EvidenceStatus::ALL.iter().find(|s| s.as_str() == v))
                            .copied()
                            .unwrap_or(it.status);
                        ItemView {
                            uploads: attached.get(&k).cloned().unwrap_or_default(),
                            element: el.element.to_string(),
                            item: it.item.to_string(),
                            harm: harm.clone(),
                            family: family.clone(),
                            label: item_label(s.lang, el.element, it.item, it.label),
                            status: status.as_str(),
                            status_words: status_words(it.status),
                            testimony: it.testimony,
                            why: typed_or(mine, "why", it.why.clone()),
                            needs_translation: it.needs_translation,
                            identity: it.identity,
                            name_shown: typed_or(mine, "name_shown", it.name_shown.clone()),
                            birth_date_shown: typed_or(
                                mine,
                                "birth_date_shown",
                                it.birth_date_shown.map(|d| d.to_string()),
                            ),
                            error: draft
                                .as_ref()
                                .and_then(|d| d.errors.get(&k).cloned())
                                .unwrap_or_default(),
                            key: k,
                        }
                    })
                    .collect();
                page.elements.push(ElementView {
                    anchor: format!("el-{n}"),
                    title: element_title(s.lang, el),
                    of: match (&el.harm, &el.family) {
                        (Some(h), _) => {
                            lang::tr(s.lang, "application-evidence-of-harm", &[("harm", h)])
                        }
                        (None, Some(f)) => {
                            lang::tr(s.lang, "application-evidence-of-member", &[("member", f)])
                        }
                        (None, None) => String::new(),
                    },
                    findings: el
                        .findings
                        .iter()
                        .map(|f| FindingView {
                            id: f.id.clone(),
                            outcome: outcome(s.lang, f.outcome),
                            alone: c.testimony_alone.iter().any(|g| g.id == f.id),
                        })
                        .collect(),
                    corroborated: el.corroborated,
                    items,
                    authority: el.authority.join("; "),
                });
            }
        }
    }
    Ok((status, render(&page)).into_response())
}

/// What was typed in `field` (after a refusal), else the stored value.
fn typed_or(
    typed: Option<&HashMap<String, String>>,
    field: &str,
    stored: Option<String>,
) -> String {
    typed
        .and_then(|t| t.get(field).cloned())
        .or(stored)
        .unwrap_or_default()
}

/// What the status form posts besides the item: its status, the why of
/// `not_obtainable`, and what an identity document shows.
struct StatusForm<'a> {
    status: EvidenceStatus,
    why: &'a str,
    name_shown: &'a str,
    birth_date_shown: &'a str,
}

/// Sets the status (and the why of `not_obtainable`, and what an identity
/// document shows) of one item in the application's `evidence`, adding its
/// entry if it has none.
fn set_status(
    doc: &Value,
    (element, item, harm, family): (&str, &str, &str, &str),
    posted: &StatusForm,
) -> Value {
    let mut doc = match doc {
        Value::Object(m) => Value::Object(m.clone()),
        _ => Value::Object(Map::new()),
    };
    let Some(map) = doc.as_object_mut() else {
        return doc;
    };
    let list = map.entry("evidence").or_insert_with(|| json!([]));
    if !list.is_array() {
        *list = json!([]);
    }
    let Some(list) = list.as_array_mut() else {
        return doc;
    };
    let same = |e: &Value, field: &str, want: &str| {
        e.get(field).and_then(Value::as_str).unwrap_or("") == want
    };
    let at = list.iter().position(|e| {
        same(e, "element", element)
            && same(e, "item", item)
            && same(e, "harm", harm)
            && same(e, "family", family)
    });
    let entry = match at {
        Some(i) => &mut list[i],
        None => {
            let mut e = Map::new();
            e.insert("element".into(), element.into());
            e.insert("item".into(), item.into());
            if !harm.is_empty() {
                e.insert("harm".into(), harm.into());
            }
            if !family.is_empty() {
                e.insert("family".into(), family.into());
            }
            list.push(Value::Object(e));
            let last = list.len() - 1;
            &mut list[last]
        }
    };
    if let Some(e) = entry.as_object_mut() {
        e.insert("status".into(), posted.status.as_str().into());
        // The why is kept only for an item that cannot be obtained.
        let why = (posted.status == EvidenceStatus::NotObtainable).then_some(posted.why);
        for (field, value) in [
            ("why", why.unwrap_or("")),
            ("name_shown", posted.name_shown),
            ("birth_date_shown", posted.birth_date_shown),
        ] {
            if value.trim().is_empty() {
                e.remove(field);
            } else {
                e.insert(field.into(), value.trim().into());
            }
        }
    }
    doc
}

pub(super) async fn save_status(
    State(state): State<AppState>,
    CaseAccess { case, .. }: CaseAccess<Member>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    let stored = service::stored(&state, &case).await?;
    let (element, item, harm, family) = (
        form.get("element"),
        form.get("item"),
        form.get("harm"),
        form.get("family"),
    );
    let k = key(element, item, harm, family);
    let typed: HashMap<String, String> = [
        ("key", k.clone()),
        ("status", form.get("status").to_string()),
        ("why", form.get("why").to_string()),
        ("name_shown", form.get("name_shown").to_string()),
        ("birth_date_shown", form.get("birth_date_shown").to_string()),
    ]
    .into_iter()
    .map(|(a, b)| (a.to_string(), b))
    .collect();
    let refuse = |message: String, status: u16| -> PageResult {
        let draft = Draft {
            typed: typed.clone(),
            errors: HashMap::from([(k.clone(), message.clone())]),
            error: message,
            status,
            ..Draft::default()
        };
        let page = format!("/cases/{}/evidence", case.id);
        Ok(state.drafts.refuse(&s.user.id, &case.id, draft, &page))
    };
    if form.get("version") != stored.version.to_string() {
        let message = lang::tr(
            s.lang,
            "application-evidence-meanwhile",
            &[("version", &stored.version)],
        );
        return refuse(message, 409);
    }
    let Some(status) = EvidenceStatus::ALL
        .iter()
        .find(|x| x.as_str() == form.get("status"))
        .copied()
    else {
        let message = lang::tr(
            s.lang,
            "application-evidence-bad-status",
            &[("status", &form.get("status"))],
        );
        return refuse(message, 422);
    };
    if status == EvidenceStatus::NotObtainable && form.get("why").trim().is_empty() {
        return refuse(tr(s.lang, "application-evidence-say-why"), 422);
    }
    let birth = form.get("birth_date_shown").trim();
    if !birth.is_empty() && birth.parse::<jiff::civil::Date>().is_err() {
        let message = lang::tr(s.lang, "application-evidence-bad-date", &[("date", &birth)]);
        return refuse(message, 422);
    }
    let doc = set_status(
        &stored.document,
        (element, item, harm, family),
        &StatusForm {
            status,
            why: form.get("why"),
            name_shown: form.get("name_shown"),
            birth_date_shown: birth,
        },
    );
    let audit = s
        .did(
            AuditAction::ApplicationChange,
            format!("evidence status changed: {element}.{item}"),
        )
        .on(&case.id);
    match service::save(
        &state,
        &s.user,
        &case,
        stored.version,
        &stored.document,
        &doc,
        &audit,
    )
    .await
    {
        Ok((version, _)) => Ok(see_other(format!(
            "/cases/{}/evidence?saved={version}",
            case.id
        ))),
        Err(CaseError::Invalid(e)) => {
            let problem = format!("{}: {}", e.field, e.message);
            refuse(
                lang::tr(s.lang, "facts-not-saved", &[("problem", &problem)]),
                422,
            )
        }
        Err(CaseError::Db(DbError::Conflict(m))) => {
            refuse(lang::tr(s.lang, "facts-not-saved", &[("problem", &m)]), 409)
        }
        Err(CaseError::Db(e)) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use refuge_application::evidence::Evidence;
    use refuge_i18n::{Lang, tr, words};

    /// Every element and item of the checklist has its words as a message
    /// whose English is the checklist's own, and every `evidence-` message
    /// is one of them: a new item without its message fails here, by its id.
    #[test]
    fn every_element_and_item_of_the_checklist_is_worded_in_every_language() {
        let es = Lang::parse("es").unwrap();
        let mut expected = std::collections::BTreeMap::new();
        for el in &Evidence::embedded().elements {
            expected.insert(format!("element-{}", el.id), el.title.clone());
            for it in &el.items {
                expected.insert(format!("item-{}-{}", el.id, it.id), it.label.clone());
            }
        }
        let catalog = words(Lang::english(), "evidence-");
        let mut problems = Vec::new();
        for (key, english) in &expected {
            match catalog.get(key.as_str()) {
                None => problems.push(format!(
                    "evidence-{key}: missing from locales/*/evidence.ftl (English: {english:?})"
                )),
                Some(en) if en != english => problems.push(format!(
                    "evidence-{key}: {en:?}, the checklist says {english:?}"
                )),
                Some(_) if tr(es, &format!("evidence-{key}")) == *english => {
                    problems.push(format!("evidence-{key}: not translated into Spanish"))
                }
                Some(_) => {}
            }
        }
        for key in catalog.keys() {
            if !expected.contains_key(*key) {
                problems.push(format!(
                    "evidence-{key}: the checklist has no such element or item"
                ));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
