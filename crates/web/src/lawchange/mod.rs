//! When the law changes (issue 23): which cases a new version of the law
//! data or of the rules moved, what moved and why.
//!
//! Every save stamps the case's assessment (`cases::service`); at start the
//! server re-assesses, in the background, every case whose stamp is of
//! another version ([`run`]), writing a change record for each case whose
//! reliefs, deadlines (date, status, fee) or warnings moved, with the cause
//! the engine names (`refuge_engine::change`). Here: the list of changes
//! (`/changes`, with the pass's progress for admins), the dashboard's count,
//! the case page's banner until someone marks it reviewed (audited), and
//! what `GET /api/v1/changes` returns.

pub mod run;
pub mod words;

use askama::Template;
use axum::extract::State;
use refuge_engine::change::{Cause, Moved, Stamp};
use refuge_engine::{Assessment, Law, RULES_VERSION};
use refuge_i18n::Lang;
use serde::{Deserialize, Serialize};
use std::sync::atomic::Ordering;
use utoipa::ToSchema;

use crate::domain::AuditAction;
use crate::http::access::{CaseAccess, Member};
use crate::http::error::PageResult;
use crate::http::extract::{Posted, Q};
use crate::http::lang;
use crate::http::routes::{Access, Routes};
use crate::http::session::Session;
use crate::http::view::{Ctx, Text, render, see_other};
use crate::state::AppState;
use crate::store::{CaseRow, ChangeFilter, ChangeRow, DbError, User};

/// This area's routes, with the access each requires.
pub fn routes() -> Routes {
    Routes::new()
        .get("/changes", Access::SignedIn, changes_page)
        .post("/cases/{id}/changes/review", Access::Member, review)
}

/// An assessment's stamp as stored with each version of the facts.
pub fn stamp_json(a: &Assessment, law: &Law) -> String {
    serde_json::to_string(&Stamp::of(a, law)).unwrap_or_default()
}

// ----- what a change record says -----

/// A change of the law on one case, as the pages and the API show it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ChangeView {
    /// The change record's id.
    pub id: String,
    /// The case's id, used in its addresses.
    pub case_id: String,
    pub case_number: String,
    /// The law data's version the case was assessed under before, and now.
    pub law_from: String,
    pub law_to: String,
    /// The rules' version before, and now.
    pub rules_from: String,
    pub rules_to: String,
    /// When the re-assessment found it (UTC, RFC 3339).
    pub found_at: String,
    /// Who marked it reviewed, and when (null while not reviewed).
    pub reviewed_by: Option<String>,
    pub reviewed_at: Option<String>,
    /// What moved.
    pub moved: Vec<MovedView>,
    #[serde(skip)]
    pub client_name: String,
}

/// One item that moved: a relief's outcome, a deadline's date, status or
/// fee, or a warning raised or no longer raised.
#[derive(Debug, Serialize, ToSchema)]
pub struct MovedView {
    /// `relief`, `deadline` or `warning`.
    pub kind: String,
    /// The relief's name, the deadline's id or the warning's code.
    pub id: String,
    /// Its value before and after, in words (null: not there).
    pub before: Option<String>,
    pub after: Option<String>,
    /// Why it moved.
    pub causes: Vec<CauseView>,
}

/// Why an item moved.
#[derive(Debug, Serialize, ToSchema)]
pub struct CauseView {
    /// `parameter` (a dated value of the law data), `law_data` (holidays,
    /// closings, warnings' texts, countries), `rules` (the engine's rules),
    /// `unattributed` (the earlier parameter set is not kept).
    pub kind: String,
    /// The cause in words: the parameter with its old and new values and
    /// its source, or the findings that moved with the change notes.
    pub words: String,
    /// The parameter's id (a `parameter` cause).
    pub parameter: Option<String>,
    /// The findings that moved (a `rules` cause).
    pub findings: Vec<String>,
    /// The source of the change (null where none is named).
    pub source: Option<SourceView>,
    /// The cause as recorded, for the pages' words in their reader's language.
    #[serde(skip)]
    cause: Cause,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SourceView {
    pub title: String,
    pub url: String,
}

impl ChangeView {
    pub fn of(row: ChangeRow) -> ChangeView {
        let moved: Vec<Moved> = serde_json::from_str(&row.details).unwrap_or_default();
        ChangeView {
            id: row.id,
            case_id: row.case_id.to_string(),
            case_number: row.case_number,
            client_name: row.client_name,
            law_from: row.law_from,
            law_to: row.law_to,
            rules_from: row.rules_from,
            rules_to: row.rules_to,
            found_at: row.found_at,
            reviewed_by: row.reviewed_by,
            reviewed_at: row.reviewed_at,
            moved: moved.iter().map(MovedView::of).collect(),
        }
    }

    /// What moved, in one line, in `lang` ("Asylum (relief): eligible →
    /// undetermined; …").
    pub fn what(&self, lang: Lang) -> String {
        self.moved
            .iter()
            .map(|m| {
                format!(
                    "{}: {} → {}",
                    m.label(lang),
                    m.before_words(lang),
                    m.after_words(lang)
                )
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Why, in one line, in `lang` (each cause once).
    pub fn why(&self, lang: Lang) -> String {
        let mut all: Vec<String> = Vec::new();
        for c in self.moved.iter().flat_map(|m| &m.causes) {
            let words = c.words_in(lang);
            if !all.contains(&words) {
                all.push(words);
            }
        }
        all.join(" · ")
    }

    /// The versions before and after, in `lang`.
    pub fn versions(&self, lang: Lang) -> String {
        self.words(lang, "lawchange-versions")
    }

    /// The banner's line: re-assessed under which law, assessed under which before.
    pub fn reassessed(&self, lang: Lang) -> String {
        self.words(lang, "lawchange-banner-versions")
    }

    fn words(&self, lang: Lang, id: &str) -> String {
        lang::tr(
            lang,
            id,
            &[
                ("law_from", &self.law_from),
                ("law_to", &self.law_to),
                ("rules_from", &self.rules_from),
                ("rules_to", &self.rules_to),
            ],
        )
    }
}

impl MovedView {
    fn of(m: &Moved) -> MovedView {
        MovedView {
            kind: m.kind.as_str().to_string(),
            id: m.id.clone(),
            before: m.before.clone(),
            after: m.after.clone(),
            causes: m.causes.iter().map(CauseView::of).collect(),
        }
    }

    /// The item named for a reader in `lang`.
    pub fn label(&self, lang: Lang) -> String {
        words::item(lang, &self.kind, &self.id)
    }

    /// Its value before, in `lang`.
    pub fn before_words(&self, lang: Lang) -> String {
        words::value(lang, &self.kind, self.before.as_deref())
    }

    /// Its value after, in `lang`.
    pub fn after_words(&self, lang: Lang) -> String {
        words::value(lang, &self.kind, self.after.as_deref())
    }
}

impl CauseView {
    fn of(c: &Cause) -> CauseView {
        let (kind, parameter, findings, source) = match c {
            Cause::Parameter { id, source, .. } => {
                ("parameter", Some(id.clone()), vec![], source.clone())
            }
            Cause::LawData { source, .. } => ("law_data", None, vec![], source.clone()),
            Cause::Rules {
                findings, notes, ..
            } => (
                "rules",
                None,
                findings.iter().map(|f| f.id.clone()).collect(),
                notes.first().map(|n| n.source.clone()),
            ),
            Cause::Unattributed { .. } => ("unattributed", None, vec![], None),
        };
        CauseView {
            kind: kind.into(),
            words: c.words(),
            parameter,
            findings,
            source: source.map(|s| SourceView {
                title: s.title,
                url: s.url,
            }),
            cause: c.clone(),
        }
    }

    /// The cause in `lang` (in English, `words`).
    pub fn words_in(&self, lang: Lang) -> String {
        words::cause(lang, &self.cause)
    }
}

/// The change records `user` may see, newest first.
pub async fn changes_for(
    state: &AppState,
    user: &User,
    filter: &ChangeFilter<'_>,
) -> Result<Vec<ChangeView>, DbError> {
    Ok(state
        .db
        .changes_for(user, filter)
        .await?
        .into_iter()
        .map(ChangeView::of)
        .collect())
}

// ----- the dashboard's count -----

/// The dashboard's box: the cases the server's law version changed that
/// are not yet reviewed, with what and why (the first few).
pub struct Summary {
    pub law: String,
    pub cases: i64,
    pub first: Vec<ChangeView>,
}

/// How many of the dashboard's rows it shows; the rest are on `/changes`.
const ON_DASHBOARD: usize = 10;

/// The dashboard's box, when the law of this server changed some of
/// `user`'s cases and they are not reviewed.
pub async fn summary(state: &AppState, user: &User) -> Result<Option<Summary>, DbError> {
    let law = state.law.version();
    let cases = state.db.unreviewed_cases(user, law).await?;
    if cases == 0 {
        return Ok(None);
    }
    let filter = ChangeFilter {
        case_id: None,
        law_to: Some(law),
        unreviewed_only: true,
        limit: ON_DASHBOARD as i64,
    };
    Ok(Some(Summary {
        law: law.to_string(),
        cases,
        first: changes_for(state, user, &filter).await?,
    }))
}

async fn unreviewed(
    state: &AppState,
    user: &User,
    case: Option<&crate::domain::CaseId>,
) -> Result<Vec<ChangeView>, DbError> {
    let filter = ChangeFilter {
        case_id: case,
        law_to: Some(state.law.version()),
        unreviewed_only: true,
        limit: 0,
    };
    changes_for(state, user, &filter).await
}

fn distinct_cases(rows: &[ChangeView]) -> usize {
    let mut ids: Vec<&str> = rows.iter().map(|r| r.case_id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

// ----- the case page's banner -----

#[derive(Template)]
#[template(path = "lawchange/banner.html")]
struct Banner<'a> {
    lang: Lang,
    case_id: &'a str,
    csrf: &'a str,
    changes: &'a [ChangeView],
}

/// The case page's banner (HTML), while a change of the law on the case is
/// not reviewed.
pub async fn banner(
    state: &AppState,
    user: &User,
    lang: Lang,
    csrf: &str,
    case: &CaseRow,
) -> Result<Option<String>, DbError> {
    let changes = unreviewed(state, user, Some(&case.id)).await?;
    if changes.is_empty() {
        return Ok(None);
    }
    Ok(Banner {
        lang,
        case_id: case.id.as_str(),
        csrf,
        changes: &changes,
    }
    .render()
    .ok())
}

/// Marks the case's changes reviewed (audited), and back to the case.
async fn review(
    State(state): State<AppState>,
    CaseAccess { case, .. }: CaseAccess<Member>,
    form: Posted,
) -> PageResult {
    let s = &form.session;
    state
        .db
        .review_changes(
            &case.id,
            &s.user,
            &s.did(
                AuditAction::LawChangeReview,
                format!(
                    "change of the law reviewed (law {}, rules {RULES_VERSION})",
                    state.law.version()
                ),
            ),
        )
        .await?;
    Ok(see_other(format!("/cases/{}?done=law_reviewed", case.id)))
}

impl Banner<'_> {
    fn t(&self, id: &str) -> Text {
        Text::new(refuge_i18n::tr(self.lang, id))
    }

    fn t1(&self, id: &str, name: &str, value: &str) -> Text {
        Text::new(lang::tr(self.lang, id, &[(name, &value)]))
    }
}

// ----- the list -----

#[derive(Template)]
#[template(path = "lawchange/changes.html")]
struct ChangesPage {
    ctx: Ctx,
    law: String,
    rules: &'static str,
    changes: Vec<ChangeView>,
    cases: i64,
    show_all: bool,
    /// For admins: the pass's progress.
    progress: Option<ProgressView>,
}

struct ProgressView {
    running: bool,
    /// Cases stamped under this law and rules, of all cases.
    current: i64,
    all: i64,
    changed: u64,
    failed: Option<String>,
}

#[derive(Deserialize)]
struct ListQuery {
    all: Option<String>,
}

async fn changes_page(State(state): State<AppState>, s: Session, Q(q): Q<ListQuery>) -> PageResult {
    let show_all = q.all.is_some();
    let law = state.law.version().to_string();
    let changes = if show_all {
        changes_for(&state, &s.user, &ChangeFilter::default()).await?
    } else {
        unreviewed(&state, &s.user, None).await?
    };
    let progress = if s.user.role.is_admin() {
        let (current, all) = state.db.reassessed_count(&law, RULES_VERSION).await?;
        let p = &state.reassessment;
        Some(ProgressView {
            running: p.running.load(Ordering::Relaxed),
            current,
            all,
            changed: p.changed.load(Ordering::Relaxed),
            failed: p.failed.lock().unwrap_or_else(|e| e.into_inner()).clone(),
        })
    } else {
        None
    };
    Ok(render(&ChangesPage {
        ctx: Ctx::of(&s, "web-nav-changes"),
        cases: if show_all {
            distinct_cases(&changes) as i64
        } else {
            state.db.unreviewed_cases(&s.user, &law).await?
        },
        law,
        rules: RULES_VERSION,
        changes,
        show_all,
        progress,
    }))
}
