//! The parameter set: every value has a source, the periods of each parameter
//! neither overlap nor leave a gap, and every citation the engine prints is in
//! a known form.

use refuge_engine::Law;
use refuge_engine::cite;
use refuge_engine::defs;
use refuge_engine::facts::parse_date;

#[test]
fn every_parameter_value_names_its_source() {
    let law = Law::embedded();
    for p in &law.parameters {
        assert!(!p.values.is_empty(), "{} has no value", p.id);
        for v in &p.values {
            assert!(
                !v.source.title.trim().is_empty(),
                "{} from {} has no source title",
                p.id,
                v.from
            );
            assert!(
                v.source.url.starts_with("https://"),
                "{} from {}: source address {:?}",
                p.id,
                v.from,
                v.source.url
            );
        }
    }
    for h in &law.holidays {
        for r in &h.rule {
            assert!(
                r.source.url.starts_with("https://") && !r.source.title.is_empty(),
                "{}",
                h.name
            );
        }
    }
    for c in &law.closings {
        assert!(
            c.source.url.starts_with("https://") && !c.source.title.is_empty(),
            "{}",
            c.date
        );
    }
    for w in &law.warnings {
        assert!(
            w.source.url.starts_with("https://") && !w.source.title.is_empty(),
            "{}",
            w.code
        );
    }
}

#[test]
fn the_periods_of_a_parameter_neither_overlap_nor_leave_a_gap() {
    let law = Law::embedded();
    let spans = |id: &str, values: Vec<(&str, Option<&str>)>| {
        let mut periods: Vec<_> = values
            .into_iter()
            .map(|(f, t)| (parse_date(f).unwrap(), t.map(|t| parse_date(t).unwrap())))
            .collect();
        periods.sort();
        for w in periods.windows(2) {
            let (a, b) = (w[0], w[1]);
            let end = a.1.unwrap_or_else(|| {
                panic!(
                    "{id}: a period from {} is open-ended but another follows",
                    a.0
                )
            });
            assert!(
                end >= a.0,
                "{id}: period {} to {end} ends before it starts",
                a.0
            );
            let next = end.tomorrow().unwrap();
            assert_eq!(
                next, b.0,
                "{id}: after {end} the next period starts {} (a gap or an overlap)",
                b.0
            );
        }
        assert!(
            periods.last().unwrap().1.is_none(),
            "{id}: the last period must be open-ended (in force)"
        );
    };
    for p in &law.parameters {
        spans(
            &p.id,
            p.values
                .iter()
                .map(|v| (v.from.as_str(), v.to.as_deref()))
                .collect(),
        );
    }
    for h in &law.holidays {
        spans(
            &h.name,
            h.rule
                .iter()
                .map(|r| (r.from.as_str(), r.to.as_deref()))
                .collect(),
        );
    }
}

#[test]
fn the_parameter_ids_are_unique_and_known_to_the_engine() {
    let law = Law::embedded();
    let mut ids: Vec<&str> = law.parameters.iter().map(|p| p.id.as_str()).collect();
    ids.sort();
    let before = ids.len();
    ids.dedup();
    assert_eq!(before, ids.len(), "a parameter id is used twice");
    for p in refuge_engine::law::P::ALL {
        assert!(
            ids.contains(&p.id()),
            "{} is read by the engine but missing",
            p.id()
        );
    }
}

#[test]
fn every_citation_in_the_finding_table_and_warnings_is_in_a_known_form() {
    let law = Law::embedded();
    let cites = defs::ALL.iter().flat_map(|d| d.cite.iter().copied()).chain(
        law.warnings
            .iter()
            .flat_map(|w| w.cite.iter().map(String::as_str)),
    );
    for c in cites {
        assert!(cite::parse(c).is_some(), "unrecognised citation {c:?}");
    }
}

#[test]
fn every_citation_printed_in_an_assessment_is_in_a_known_form() {
    let facts = [
        crate::base(),
        crate::with(serde_json::json!({
            "application": { "granted_on": "2026-10-01", "adjusted_on": "2026-11-01" },
            "family": [{ "id": "c1", "relation": "child", "birth_date": "2010-01-01", "married": false }]
        })),
    ];
    for f in facts {
        let a = crate::run(&f);
        for c in a
            .findings
            .iter()
            .flat_map(|x| x.cite.iter())
            .chain(a.deadlines.iter().flat_map(|d| d.cite.iter()))
        {
            assert!(cite::parse(c).is_some(), "unrecognised citation {c:?}");
        }
    }
}

#[test]
fn every_finding_id_in_an_assessment_is_defined_once() {
    let a = crate::run(&crate::base());
    let mut ids: Vec<&str> = a.findings.iter().map(|f| &*f.id).collect();
    for id in &ids {
        assert!(defs::find(id).is_some(), "{id} is not in defs::ALL");
    }
    ids.sort();
    let n = ids.len();
    ids.dedup();
    assert_eq!(n, ids.len(), "a finding id appears twice");
}

#[test]
fn every_warning_code_of_the_spec_has_a_text() {
    let law = Law::embedded();
    for code in [
        "lawful_pathways_litigation",
        "securing_the_border",
        "proclamation_10888",
        "affirmative_hold",
        "annual_asylum_fee",
        "refugee_admissions_suspended",
    ] {
        assert!(law.warning(code).is_some(), "{code}");
    }
}

#[test]
fn the_version_and_review_date_are_printed_in_the_output() {
    let a = crate::run(&crate::base());
    assert_eq!(a.law.version, Law::embedded().version);
    assert_eq!(a.law.reviewed_on, Law::embedded().reviewed_on);
}
