//! The intake's questions as data (`intake/questions.toml`): screens of
//! questions, each on one fact of the facts document or the client's own
//! words; their wording is in `crates/i18n/locales/*/intake.ftl`, by id.
//! The file is read once (`Questions::embedded`), and a test holds it to
//! the facts form's table: every path a fact, every option a value the
//! fact takes, no legal judgment asked of the client.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::facts::form::{self as facts_form, Field, Kind};

/// What a question fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    /// A fact of the facts document, at `path`.
    #[default]
    Fact,
    /// The client's own words, a source of the application's timeline.
    Timeline,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    /// The fact's path; `[]` stands for each entry of the screen's list.
    #[serde(default)]
    pub path: String,
    #[serde(default)]
    pub target: Target,
    /// The values offered, for a choice (each worded in `intake.ftl`).
    #[serde(default)]
    pub options: Vec<String>,
    /// Whether a sentence of help goes under it (`intake-q-<id>-help`).
    #[serde(default)]
    pub help: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Screen {
    pub id: String,
    /// The facts list whose entries the `[]` questions fill (`harms`).
    #[serde(default)]
    pub list: Option<String>,
    /// How many entries are offered.
    #[serde(default)]
    pub entries: usize,
    /// Facts every entry begun on this screen holds (`when = "past"`).
    #[serde(default)]
    pub fixed: BTreeMap<String, String>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Questions {
    pub version: u32,
    pub screens: Vec<Screen>,
}

/// The path a question of the client's own words is kept under.
pub const TIMELINE: &str = "timeline";

/// The longest answer kept, in characters (the client's own words).
pub const MAX_ANSWER_CHARS: usize = 20_000;

impl Question {
    /// Whether it is asked once per entry of its screen's list.
    pub fn per_entry(&self) -> bool {
        self.path.contains("[]")
    }

    /// The facts form's field it answers (`None` for the timeline).
    pub fn field(&self) -> Option<&'static Field> {
        facts_form::field_of(&self.path.replace("[]", "[x]")).map(|(_, f)| f)
    }

    /// What the answer is: the fact's kind, prose for the client's own words.
    pub fn kind(&self) -> Kind {
        match self.target {
            Target::Timeline => Kind::Prose,
            Target::Fact => self.field().map_or(Kind::Text, |f| f.kind),
        }
    }

    /// The path of its answer for entry `entry` (the id of a new entry of
    /// the list), or the path itself for a question asked once.
    pub fn path_for(&self, entry: Option<&str>) -> String {
        match (self.target, entry) {
            (Target::Timeline, _) => TIMELINE.to_string(),
            (Target::Fact, Some(id)) => self.path.replacen("[]", &format!("[{id}]"), 1),
            (Target::Fact, None) => self.path.clone(),
        }
    }

    /// The message id of its wording.
    pub fn message(&self) -> String {
        format!("intake-q-{}", self.id)
    }

    /// The message id of an option's wording.
    pub fn option_message(&self, value: &str) -> String {
        format!("intake-q-{}-{}", self.id, value.replace('_', "-"))
    }
}

impl Questions {
    /// The questions built in, read once.
    pub fn embedded() -> &'static Questions {
        static Q: OnceLock<Questions> = OnceLock::new();
        Q.get_or_init(|| {
            Questions::parse(include_str!("../../intake/questions.toml"))
                .expect("intake/questions.toml is checked by its test")
        })
    }

    /// Reads and checks a questions file.
    ///
    /// # Errors
    /// What is wrong, naming the screen or question.
    pub fn parse(text: &str) -> Result<Questions, String> {
        let q: Questions = toml::from_str(text).map_err(|e| e.to_string())?;
        q.validate()?;
        Ok(q)
    }

    fn validate(&self) -> Result<(), String> {
        let mut ids = std::collections::HashSet::new();
        for s in &self.screens {
            if !ids.insert(format!("screen:{}", s.id)) {
                return Err(format!("screen {}: repeated", s.id));
            }
            if s.list.is_some() != (s.entries > 0) {
                return Err(format!(
                    "screen {}: a list needs its entries, and only a list has entries",
                    s.id
                ));
            }
            if let Some(list) = &s.list {
                let (fields, _) = facts_form::list_of(list)
                    .ok_or_else(|| format!("screen {}: {list} is not a list of the facts", s.id))?;
                for (name, value) in &s.fixed {
                    let field = fields
                        .iter()
                        .find(|f| f.name == name)
                        .ok_or_else(|| format!("screen {}: {list} has no fact {name}", s.id))?;
                    facts_form::parse(field.kind, value)
                        .map_err(|e| format!("screen {}: {name}: {e}", s.id))?;
                }
            }
            for q in &s.questions {
                if !ids.insert(q.id.clone()) {
                    return Err(format!("question {}: repeated", q.id));
                }
                self.validate_question(s, q)?;
            }
        }
        Ok(())
    }

    fn validate_question(&self, s: &Screen, q: &Question) -> Result<(), String> {
        let at = |m: String| format!("question {}: {m}", q.id);
        if q.target == Target::Timeline {
            return match q.path.is_empty() && q.options.is_empty() {
                true => Ok(()),
                false => Err(at(
                    "the client's own words name no fact and offer no options".into(),
                )),
            };
        }
        if q.per_entry() {
            let list = s.list.as_deref().unwrap_or("");
            if !q.path.starts_with(&format!("{list}[]")) {
                return Err(at(format!("{} is not a fact of the screen's list", q.path)));
            }
        }
        let field = q
            .field()
            .ok_or_else(|| at(format!("{} is not a fact of docs/facts.md", q.path)))?;
        if facts_form::is_judgment(&q.path.replace("[]", "[x]")) {
            return Err(at(format!(
                "{} is the attorney's judgment, never asked of the client",
                q.path
            )));
        }
        match (field.kind, q.options.is_empty()) {
            (Kind::Choice(values), false) => {
                if let Some(o) = q.options.iter().find(|o| !values.contains(&o.as_str())) {
                    return Err(at(format!("{} does not take the value {o}", q.path)));
                }
                Ok(())
            }
            (Kind::Choice(_), true) => Err(at("a choice offers its options".into())),
            (_, false) => Err(at(format!("{} is not a choice", q.path))),
            (_, true) => Ok(()),
        }
    }

    /// The screen with this id.
    pub fn screen(&self, id: &str) -> Option<&Screen> {
        self.screens.iter().find(|s| s.id == id)
    }

    /// The question with this id, with its screen.
    pub fn question(&self, id: &str) -> Option<(&Screen, &Question)> {
        self.screens
            .iter()
            .find_map(|s| Some((s, s.questions.iter().find(|q| q.id == id)?)))
    }

    /// The screen after `id`, if any.
    pub fn next(&self, id: &str) -> Option<&Screen> {
        let i = self.screens.iter().position(|s| s.id == id)?;
        self.screens.get(i + 1)
    }

    /// Every message id the questions use, for the catalog's test.
    pub fn messages(&self) -> Vec<String> {
        let mut out = Vec::new();
        for s in &self.screens {
            out.push(format!("intake-screen-{}", s.id));
            out.push(format!("intake-screen-{}-intro", s.id));
            if s.list.is_some() {
                out.push(format!("intake-entry-{}", s.id));
            }
            for q in &s.questions {
                out.push(q.message());
                if q.help {
                    out.push(format!("{}-help", q.message()));
                }
                out.extend(q.options.iter().map(|o| q.option_message(o)));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_intake_question_answers_a_fact_of_the_facts_document_and_no_legal_judgment() {
        let q = Questions::parse(include_str!("../../intake/questions.toml")).unwrap();
        let ids: Vec<&str> = q.screens.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            ["identity", "family", "arrival", "happened", "fear"],
            "the issue's screens, in its order"
        );
        for s in &q.screens {
            for question in &s.questions {
                if question.target == Target::Fact {
                    let path = question.path_for(Some("e1"));
                    assert!(
                        facts_form::field_of(&path).is_some(),
                        "{}: {path}",
                        question.id
                    );
                }
            }
        }
        assert_eq!(
            q.screens
                .iter()
                .flat_map(|s| &s.questions)
                .filter(|q| q.target == Target::Timeline)
                .count(),
            1,
            "one question takes the client's own words"
        );
    }

    #[test]
    fn a_questions_file_is_refused_for_a_path_that_is_no_fact_a_judgment_or_a_value_the_fact_does_not_take()
     {
        let file = |question: &str| {
            format!(
                "version = 1\n[[screens]]\nid = \"s\"\nlist = \"harms\"\nentries = 1\n[[screens.questions]]\nid = \"q\"\n{question}\n"
            )
        };
        for (question, why) in [
            ("path = \"applicant.shoe_size\"", "not a fact"),
            ("path = \"harms[].severe\"", "judgment"),
            (
                "path = \"harms[].actor\"\noptions = [\"army\"]",
                "does not take the value army",
            ),
            ("path = \"harms[].actor\"", "a choice offers its options"),
            (
                "path = \"applicant.birth_date\"\noptions = [\"x\"]",
                "not a choice",
            ),
            (
                "path = \"family[].married\"",
                "not a fact of the screen's list",
            ),
        ] {
            let e = Questions::parse(&file(question)).unwrap_err();
            assert!(e.contains(why), "{question}: {e}");
        }
        assert!(
            Questions::parse(&file(
                "path = \"harms[].actor\"\noptions = [\"government\"]"
            ))
            .is_ok()
        );
        let fixed = "version = 1\n[[screens]]\nid = \"s\"\nlist = \"harms\"\nentries = 1\nfixed = { when = \"someday\" }\n[[screens.questions]]\nid = \"q\"\npath = \"harms[].date\"\n";
        assert!(Questions::parse(fixed).unwrap_err().contains("when"));
    }

    /// The `intake-` messages of a Fluent file.
    fn ids(ftl: &str) -> Vec<String> {
        ftl.lines()
            .filter(|l| l.starts_with("intake-"))
            .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim().to_string()))
            .collect()
    }

    /// The text of every source file and template of this crate.
    fn sources() -> String {
        fn walk(dir: &std::path::Path, out: &mut String) {
            for entry in std::fs::read_dir(dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs" || e == "html") {
                    out.push_str(&std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = String::new();
        walk(&root.join("src"), &mut out);
        walk(&root.join("templates"), &mut out);
        out
    }

    #[test]
    fn every_intake_message_is_used_by_the_code_or_the_questions() {
        let code = sources();
        let asked = Questions::embedded().messages();
        let unused: Vec<String> = ids(include_str!("../../../i18n/locales/en/intake.ftl"))
            .into_iter()
            .filter(|id| !asked.contains(id) && !code.contains(&format!("\"{id}\"")))
            .collect();
        assert!(unused.is_empty(), "messages no page uses: {unused:?}");
    }

    #[test]
    fn docs_intake_md_lists_every_question_with_its_screen_fact_and_english_wording() {
        let docs = include_str!("../../../../docs/intake.md");
        let rows: Vec<&str> = docs
            .lines()
            .skip_while(|l| !l.starts_with("| question |"))
            .skip(2)
            .take_while(|l| l.starts_with('|'))
            .collect();
        let q = Questions::embedded();
        let expected: Vec<String> = q
            .screens
            .iter()
            .flat_map(|s| s.questions.iter().map(move |x| (s, x)))
            .map(|(s, x)| {
                let answers = match x.target {
                    Target::Timeline => TIMELINE,
                    Target::Fact => &x.path,
                };
                let english = refuge_i18n::tr(refuge_i18n::Lang::english(), &x.message());
                format!("| `{}` | {} | `{answers}` | {english} |", x.id, s.id)
            })
            .collect();
        assert_eq!(rows, expected, "docs/intake.md's table of questions");
    }

    #[test]
    fn every_intake_message_is_worded_in_every_shipped_language() {
        let q = Questions::embedded();
        for lang in refuge_i18n::Lang::all() {
            for id in q.messages() {
                let text = refuge_i18n::tr(lang, &id);
                assert_ne!(text, id, "{id} is missing in {lang}");
            }
        }
    }
}
