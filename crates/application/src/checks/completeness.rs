//! Completeness under 8 C.F.R. § 208.3(c)(3): an application "that does not
//! include a response to each of the questions contained in the Form I-589,
//! is unsigned, or is unaccompanied by the required materials" is incomplete
//! (as the Board read the rule in Matter of C-A-R-R-, 29 I&N Dec. 13 (BIA 2025)).
//!
//! The items and when each is required are the form's data
//! (`form/i589.toml`); this module walks the document along each item's path.

use refuge_engine::facts::Relation;
use refuge_engine::output::Outcome;
use serde_json::{Value, json};

use super::{Ctx, app_path};
use crate::document::YesNo;
use crate::form::{Item, When};

pub(super) fn run(ctx: &mut Ctx) {
    required(ctx);
    family(ctx);
    entries(ctx);
    signed(ctx);
}

/// Where an item's value was found: its concrete path, the value, the object
/// holding it, and the list entry it is under (list path, index, entry).
struct Found<'v> {
    path: String,
    value: Option<&'v Value>,
    parent: Option<&'v Value>,
    entry: Option<(&'static str, usize, &'v Value)>,
}

fn walk<'v>(
    segs: &[&str],
    v: Option<&'v Value>,
    path: String,
    entry: Option<(&'static str, usize, &'v Value)>,
    out: &mut Vec<Found<'v>>,
) {
    let Some((seg, rest)) = segs.split_first() else {
        return;
    };
    let (name, each) = match seg.strip_suffix("[]") {
        Some(n) => (n, true),
        None => (*seg, false),
    };
    let child = v.and_then(|v| v.get(name)).filter(|c| !c.is_null());
    let here = if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    };
    if rest.is_empty() && !each {
        out.push(Found {
            path: here,
            value: child,
            parent: v,
            entry,
        });
        return;
    }
    if each {
        let Some(Value::Array(list)) = child else {
            return;
        };
        let list_name = list_key(&here);
        for (i, el) in list.iter().enumerate() {
            walk(
                rest,
                Some(el),
                format!("{here}[{i}]"),
                Some((list_name, i, el)),
                out,
            );
        }
    } else {
        walk(rest, child, here, entry, out);
    }
}

/// The lists whose entries a condition may read.
fn list_key(path: &str) -> &'static str {
    match path {
        "application.part_a2.members" => "members",
        "facts.family" => "family",
        "application.part_a1.entries" => "entries",
        _ => "",
    }
}

fn answered(item: &Item, v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) => false,
        Some(Value::String(s)) => !s.trim().is_empty(),
        Some(Value::Array(a)) => !item.nonempty || !a.is_empty(),
        Some(_) => true,
    }
}

/// Whether a condition holds for this place in the document; `None` when the
/// data that decides it is missing (its own item reports that).
fn holds(ctx: &Ctx, when: When, f: &Found) -> Option<bool> {
    let yes_no = |a: Option<YesNo>| a.map(|a| a == YesNo::Yes);
    let member = || -> Option<&refuge_engine::facts::FamilyMember> {
        match f.entry? {
            ("members", _, el) => ctx.member(el.get("family")?.as_str()?).map(|(_, m)| m),
            ("family", i, _) => ctx.facts().family().get(i),
            _ => None,
        }
    };
    match when {
        When::Yes => match f.parent?.get("answer")?.as_str()? {
            "yes" => Some(true),
            _ => Some(false),
        },
        When::MailingDiffers => ctx.a1().mailing_same.map(|same| !same),
        When::MostRecentEntry => {
            let (last, _, _) = ctx.doc.case().last_arrival()?;
            let ("entries", _, el) = f.entry? else {
                return None;
            };
            Some(el.get("arrival")?.as_u64()? == last as u64)
        }
        When::Spouse => Some(member()?.relation? == Relation::Spouse),
        When::Child => Some(member()?.relation? == Relation::Child),
        When::InUs => member()?.in_us,
        When::NotInUs => member()?.in_us.map(|b| !b),
        When::Living => Some(f.parent.and_then(|p| p.get("deceased")) != Some(&json!(true))),
        When::FearedElsewhere => {
            let country = ctx.a3().last_address_abroad.as_ref()?.country?;
            let home = ctx.home();
            if home.is_empty() {
                return None;
            }
            Some(!home.contains(&country))
        }
        When::PreparedByOther => yes_no(ctx.d().someone_else_prepared),
        When::FamilyAssisted => yes_no(ctx.d().family_assisted),
        When::Late => match ctx.assessment.finding("asylum.one_year")?.outcome {
            Outcome::No => Some(true),
            Outcome::Unknown => None,
            _ => Some(false),
        },
    }
}

fn required(ctx: &mut Ctx) {
    let root = json!({
        "facts": serde_json::to_value(ctx.facts()).unwrap_or(Value::Null),
        "application": serde_json::to_value(ctx.app()).unwrap_or(Value::Null),
    });
    let form = ctx.form;
    let mut missing = Vec::new();
    for item in &form.items {
        // Signatures are `complete.signed`'s; C.5's explanation is `one_year.c5`'s.
        if !item.required
            || item.path.ends_with(".signed")
            || item.path.ends_with(".signed_on")
            || item.when.contains(&When::Late)
        {
            continue;
        }
        let segs: Vec<&str> = item.path.split('.').collect();
        let mut found = Vec::new();
        walk(&segs, Some(&root), String::new(), None, &mut found);
        for f in found {
            if answered(item, f.value) {
                continue;
            }
            let conds: Option<Vec<bool>> = item.when.iter().map(|&w| holds(ctx, w, &f)).collect();
            if conds.is_some_and(|c| c.iter().all(|&b| b)) {
                missing.push((item, f.path));
            }
        }
    }
    for (item, path) in missing {
        if item.when.contains(&When::Yes) {
            ctx.trip(
                "complete.explanations",
                vec![path],
                format!(
                    "{} is missing: every yes needs its explanation",
                    item.name()
                ),
            );
        } else {
            let how = if item.nonempty {
                "list at least one"
            } else {
                "answer it, or write N/A, None or Unknown"
            };
            ctx.trip(
                "complete.required",
                vec![path],
                format!("{} is not answered: {how}", item.name()),
            );
        }
    }
}

fn family(ctx: &mut Ctx) {
    let family = ctx.facts().family.as_deref();
    let why = "the facts do not list the spouse and children yet (write [] for none)";
    let Some(family) = ctx.known(family, "complete.family", "facts.family", why) else {
        return;
    };
    let members = ctx.a2().members.as_deref().unwrap_or(&[]);
    let ids = ctx.doc.case().family_ids().to_vec();
    for (i, m) in family.iter().enumerate() {
        let id = &ids[i];
        if members.iter().any(|x| x.family.as_deref() == Some(id)) {
            continue;
        }
        let who = match m.relation {
            Some(Relation::Spouse) => "the spouse",
            Some(Relation::Child) => "the child",
            None => "the family member",
        };
        ctx.trip(
            "complete.family",
            vec![format!("facts.family[{i}]"), app_path("part_a2.members")],
            format!("{who} {id:?} is not listed in A.II: list every spouse and child, whatever their age, location or marital status"),
        );
    }
    let children = family
        .iter()
        .filter(|m| m.relation == Some(Relation::Child))
        .count();
    match ctx.a2().has_children {
        Some(YesNo::No) if children > 0 => ctx.trip(
            "complete.family",
            vec![app_path("part_a2.has_children"), "facts.family".into()],
            format!("A.II says \"I do not have any children\", but the facts list {children}"),
        ),
        Some(YesNo::Yes) if children == 0 => ctx.trip(
            "complete.family",
            vec![app_path("part_a2.has_children"), "facts.family".into()],
            "A.II says \"I have children\", but the facts list none: add each child to the facts' family",
        ),
        _ => {}
    }
}

fn entries(ctx: &mut Ctx) {
    let why = "the facts do not list the arrivals yet";
    let arrivals = ctx.known(
        ctx.facts().arrivals.as_deref(),
        "complete.entries",
        "facts.arrivals",
        why,
    );
    let entries = ctx.a1().entries.as_deref().unwrap_or(&[]);
    for (i, a) in arrivals.unwrap_or(&[]).iter().enumerate() {
        if entries.iter().any(|e| e.arrival == Some(i)) {
            continue;
        }
        let when = a.date.map_or("undated".to_string(), |d| format!("of {d}"));
        ctx.trip(
            "complete.entries",
            vec![format!("facts.arrivals[{i}]"), app_path("part_a1.entries")],
            format!("the arrival {when} (facts.arrivals[{i}]) has no entry in A.I.19.c: give its place and status; the list of entries must be complete"),
        );
    }
}

fn signed(ctx: &mut Ctx) {
    let (d, e) = (ctx.d(), ctx.e());
    // Part D always; Part E when someone other than family prepared the form.
    let mut parts = vec![("part_d", "Part D", d.signed, d.signed_on.is_some())];
    match d.someone_else_prepared {
        Some(YesNo::Yes) => parts.push(("part_e", "Part E", e.signed, e.signed_on.is_some())),
        Some(YesNo::No) => {}
        None => ctx.cannot_tell(
            "complete.signed",
            vec![app_path("part_d.someone_else_prepared")],
            "whether Part E must be signed waits on Part D: did someone else prepare the application?",
        ),
    }
    for (field, part, signed, dated) in parts {
        if signed != Some(true) {
            ctx.trip(
                "complete.signed",
                vec![app_path(format_args!("{field}.signed"))],
                format!("{part} is not signed: an unsigned application is incomplete (it is signed by hand, in ink)"),
            );
        }
        if !dated {
            ctx.trip(
                "complete.signed",
                vec![app_path(format_args!("{field}.signed_on"))],
                format!("{part}'s date is missing"),
            );
        }
    }
}
