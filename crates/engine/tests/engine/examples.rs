//! The public worked examples of `spec/examples/`, copied into
//! `tests/data/spec-examples/`, checked as `spec/check-examples` checks them.

use serde_json::Value;

use crate::{get, run};

#[test]
fn every_public_worked_example_gives_the_expected_outcomes() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/spec-examples");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let example: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let a = run(&example["facts"]);
        for (key, want) in example["expect"].as_object().unwrap() {
            let want = match want {
                Value::Array(pair) => format!(
                    "{} {}",
                    pair[0].as_str().unwrap(),
                    pair[1].as_str().unwrap()
                ),
                other => other.as_str().unwrap().to_string(),
            };
            let key = match key.as_str() {
                "question" => format!("question.{want}"),
                k if k.starts_with("deadline.") && !want.contains(' ') => {
                    format!("date.{}", &k[9..])
                }
                k => k.to_string(),
            };
            let want = if key.starts_with("question.") {
                "asked".to_string()
            } else {
                want
            };
            assert_eq!(get(&a, &key), want, "{}: {key}", path.display());
        }
        seen += 1;
    }
    assert_eq!(seen, 6, "the six public examples are in the test data");
}

#[test]
fn the_bundled_examples_are_the_facts_of_the_public_examples() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    for entry in
        std::fs::read_dir(format!("{root}/crates/engine/tests/data/spec-examples")).unwrap()
    {
        let path = entry.unwrap().path();
        let example: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let bundled = format!(
            "{root}/examples/{}",
            path.file_name().unwrap().to_str().unwrap()
        );
        let facts: Value =
            serde_json::from_str(&std::fs::read_to_string(&bundled).unwrap()).unwrap();
        assert_eq!(facts, example["facts"], "{bundled}");
    }
}
