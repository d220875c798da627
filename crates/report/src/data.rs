//! The memo's content as data (JSON), for views laid out elsewhere: the PDF
//! memo of `refuge-documents` reads it through its typst World. The same
//! words and order as the terminal memo and the page ([`crate::view`]), so
//! that every view of an assessment says the same thing.

use serde_json::{Value, json};

use refuge_engine::Assessment;
use refuge_i18n::Lang;

use crate::view::{self, Node};

/// See [`crate::memo_data`].
pub(crate) fn memo(a: &Assessment, lang: Lang) -> Value {
    let reliefs: Vec<Value> = view::reliefs(lang, a)
        .iter()
        .map(|r| {
            json!({
                "key": r.key,
                "name": r.name,
                "summary": r.summary(),
                "outcome": r.outcome(),
                "class": r.class(),
                "basis": r.basis(),
                "note": r.note,
                "reasons": r.reasons.iter().map(|f| json!({
                    "id": f.id,
                    "outcome": view::outcome(lang, f.outcome),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let tree = view::findings_tree(lang, a);
    let decisive: Vec<Value> = tree.decisive.iter().map(node).collect();
    let other: Vec<Value> = tree
        .other
        .iter()
        .map(|n| json!({"id": n.finding.id, "outcome": n.outcome()}))
        .collect();
    let deadlines: Vec<Value> = view::timeline(lang, a)
        .iter()
        .map(|row| {
            json!({
                "date": row.deadline.date.to_string(),
                "date_long": refuge_i18n::date(lang, row.deadline.date),
                "weekday": row.weekday,
                "id": row.deadline.id,
                "label": row.label,
                "status": row.status(),
                "days": row.days,
                "days_words": row.days_words(),
                "alert": row.alert_words(),
                "because": row.deadline.because,
                "cite": row.deadline.cite,
            })
        })
        .collect();
    let questions: Vec<Value> = a
        .questions
        .iter()
        .map(|q| json!({"ask": crate::i18n::question(lang, q), "fact": q.fact, "why": q.why}))
        .collect();
    let family: Vec<Value> = view::family(lang, a)
        .iter()
        .map(|m| {
            json!({
                "id": m.entry.id,
                "relation": m.relation(),
                "derivative": m.derivative(),
                "path": m.path(),
                "age_on_filing": m.entry.age_on_filing,
                "cspa": m.cspa(),
                "because": m.finding.map(|f| f.because.as_str()),
            })
        })
        .collect();
    let warnings: Vec<Value> = a
        .warnings
        .iter()
        .map(|w| json!({"code": w.code, "title": w.title, "message": w.message, "cite": w.cite}))
        .collect();
    json!({
        "lang": lang.code(),
        "as_of": a.as_of.to_string(),
        "as_of_long": refuge_i18n::date(lang, a.as_of),
        "law": {"version": a.law.version, "reviewed_on": a.law.reviewed_on.to_string()},
        "reliefs": reliefs,
        "findings": {"decisive": decisive, "other": other},
        "deadlines": deadlines,
        "questions": questions,
        "family": family,
        "warnings": warnings,
        "notice": if lang == Lang::english() {
            a.notice.to_string()
        } else {
            refuge_i18n::tr(lang, "notice-not-legal-advice")
        },
    })
}

/// A finding of the tree: in full at its first place, by reference after.
fn node(n: &Node<'_>) -> Value {
    let f = n.finding;
    if !n.first {
        return json!({"id": f.id, "outcome": n.outcome(), "first": false});
    }
    json!({
        "id": f.id,
        "outcome": n.outcome(),
        "first": true,
        "question": n.question(),
        "because": f.because,
        "cite": f.cite,
        "children": n.children.iter().map(node).collect::<Vec<_>>(),
    })
}
