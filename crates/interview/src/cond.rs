//! The condition language of the bank: when a question applies, written
//! over the case's facts, the engine's findings, the readiness checks and
//! the forum.
//!
//! ```text
//! cond  := or
//! or    := and ("or" and)*
//! and   := unary ("and" unary)*
//! unary := "not" unary | "(" cond ")" | "always" | term ("==" | "!=") value
//! term  := fact("harms[].actor") | finding("harm.*.nexus") | check("consistency.return") | forum
//! value := "a string" | true | false | null
//! ```
//!
//! A term has several values when its path goes through a list
//! (`harms[].actor`: each harm's) or its finding id has a `*` (each harm's
//! nexus); `==` holds when any of them is equal, and `!=` is `not ==`. An
//! absent fact, a finding the engine did not make and a check with no
//! readiness are `null`; a list with no entries has no values, so nothing
//! about its entries is `==` anything.
//!
//! Parsing ([`parse`]) checks only the grammar; what the names mean (that a
//! fact path is a field of the facts, a finding id one of the engine's) is
//! checked by [`crate::Bank`] when it loads the file.

use serde_json::Value;

/// A parsed condition.
#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    Always,
    Not(Box<Cond>),
    And(Vec<Cond>),
    Or(Vec<Cond>),
    /// `term == value` (`equal`), or `term != value`.
    Compare {
        term: Term,
        equal: bool,
        value: Literal,
    },
}

/// What a comparison reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A path in the facts document, `[]` for each entry of a list.
    Fact(String),
    /// A finding's id, `*` standing for any harm, group or family member.
    Finding(String),
    /// A readiness check's id: its status (`passed`, `tripped`, `cannot_tell`).
    Check(String),
    /// `asylum_office` or `court`.
    Forum,
}

/// A value a term is compared with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Literal {
    Str(String),
    Bool(bool),
    Null,
}

impl Literal {
    fn matches(&self, v: &Value) -> bool {
        match (self, v) {
            (Literal::Str(s), Value::String(t)) => s == t,
            (Literal::Bool(b), Value::Bool(c)) => b == c,
            (Literal::Null, Value::Null) => true,
            _ => false,
        }
    }
}

/// A condition that does not parse: where (a character offset) and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("at character {at}: {message}")]
pub struct ParseError {
    pub at: usize,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Word(String),
    Str(String),
    Open,
    Close,
    Eq,
    Ne,
}

fn lex(s: &str) -> Result<Vec<(usize, Tok)>, ParseError> {
    let mut out = Vec::new();
    let b: Vec<(usize, char)> = s.char_indices().collect();
    let mut i = 0;
    while i < b.len() {
        let (at, c) = b[i];
        match c {
            c if c.is_whitespace() => i += 1,
            '(' => {
                out.push((at, Tok::Open));
                i += 1;
            }
            ')' => {
                out.push((at, Tok::Close));
                i += 1;
            }
            '=' | '!' => {
                if b.get(i + 1).map(|x| x.1) != Some('=') {
                    return Err(ParseError {
                        at,
                        message: format!("expected `{c}=`"),
                    });
                }
                out.push((at, if c == '=' { Tok::Eq } else { Tok::Ne }));
                i += 2;
            }
            '"' => {
                let mut j = i + 1;
                let mut text = String::new();
                loop {
                    match b.get(j) {
                        None => {
                            return Err(ParseError {
                                at,
                                message: "a string is not closed with `\"`".into(),
                            });
                        }
                        Some((_, '"')) => break,
                        Some((_, ch)) => text.push(*ch),
                    }
                    j += 1;
                }
                out.push((at, Tok::Str(text)));
                i = j + 1;
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let mut j = i;
                let mut word = String::new();
                while let Some((_, ch)) = b
                    .get(j)
                    .filter(|x| x.1.is_ascii_alphanumeric() || x.1 == '_')
                {
                    word.push(*ch);
                    j += 1;
                }
                out.push((at, Tok::Word(word)));
                i = j;
            }
            c => {
                return Err(ParseError {
                    at,
                    message: format!("unexpected `{c}`"),
                });
            }
        }
    }
    Ok(out)
}

struct Parser {
    toks: Vec<(usize, Tok)>,
    pos: usize,
    len: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.pos).map(|t| &t.1)
    }
    fn at(&self) -> usize {
        self.toks.get(self.pos).map_or(self.len, |t| t.0)
    }
    fn err<T>(&self, message: impl Into<String>) -> Result<T, ParseError> {
        Err(ParseError {
            at: self.at(),
            message: message.into(),
        })
    }
    fn word(&self, w: &str) -> bool {
        matches!(self.peek(), Some(Tok::Word(x)) if x == w)
    }
    fn bump(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.pos).map(|t| t.1.clone());
        self.pos += 1;
        t
    }

    fn or(&mut self) -> Result<Cond, ParseError> {
        let mut all = vec![self.and()?];
        while self.word("or") {
            self.pos += 1;
            all.push(self.and()?);
        }
        Ok(if all.len() == 1 {
            all.remove(0)
        } else {
            Cond::Or(all)
        })
    }

    fn and(&mut self) -> Result<Cond, ParseError> {
        let mut all = vec![self.unary()?];
        while self.word("and") {
            self.pos += 1;
            all.push(self.unary()?);
        }
        Ok(if all.len() == 1 {
            all.remove(0)
        } else {
            Cond::And(all)
        })
    }

    fn unary(&mut self) -> Result<Cond, ParseError> {
        match self.peek() {
            Some(Tok::Word(w)) if w == "not" => {
                self.pos += 1;
                Ok(Cond::Not(Box::new(self.unary()?)))
            }
            Some(Tok::Word(w)) if w == "always" => {
                self.pos += 1;
                Ok(Cond::Always)
            }
            Some(Tok::Open) => {
                self.pos += 1;
                let c = self.or()?;
                match self.bump() {
                    Some(Tok::Close) => Ok(c),
                    _ => {
                        self.pos -= 1;
                        self.err("expected `)`")
                    }
                }
            }
            _ => self.compare(),
        }
    }

    fn compare(&mut self) -> Result<Cond, ParseError> {
        let term = match self.bump() {
            Some(Tok::Word(w)) if w == "forum" => Term::Forum,
            Some(Tok::Word(w)) if matches!(w.as_str(), "fact" | "finding" | "check") => {
                let start = self.pos;
                let arg = match (self.bump(), self.bump(), self.bump()) {
                    (Some(Tok::Open), Some(Tok::Str(s)), Some(Tok::Close)) => s,
                    _ => {
                        self.pos = start;
                        return self.err(format!("expected {w}(\"...\")"));
                    }
                };
                match w.as_str() {
                    "fact" => Term::Fact(arg),
                    "finding" => Term::Finding(arg),
                    _ => Term::Check(arg),
                }
            }
            _ => {
                self.pos = self.pos.saturating_sub(1);
                return self.err(
                    "expected a condition: always, not, (, fact(\"…\"), finding(\"…\"), check(\"…\") or forum",
                );
            }
        };
        let equal = match self.bump() {
            Some(Tok::Eq) => true,
            Some(Tok::Ne) => false,
            _ => {
                self.pos -= 1;
                return self.err("expected == or !=");
            }
        };
        let value = match self.bump() {
            Some(Tok::Str(s)) => Literal::Str(s),
            Some(Tok::Word(w)) if w == "true" => Literal::Bool(true),
            Some(Tok::Word(w)) if w == "false" => Literal::Bool(false),
            Some(Tok::Word(w)) if w == "null" => Literal::Null,
            _ => {
                self.pos -= 1;
                return self.err("expected a value: \"text\", true, false or null");
            }
        };
        Ok(Cond::Compare { term, equal, value })
    }
}

/// Parses a condition.
///
/// # Errors
/// A [`ParseError`] saying where the text stops making sense, and what was expected.
///
/// # Example
/// ```
/// let c = refuge_interview::cond::parse(r#"finding("asylum.one_year") == "no" and not forum == "court""#).unwrap();
/// assert!(matches!(c, refuge_interview::cond::Cond::And(_)));
/// ```
pub fn parse(s: &str) -> Result<Cond, ParseError> {
    let mut p = Parser {
        toks: lex(s)?,
        pos: 0,
        len: s.len(),
    };
    let c = p.or()?;
    if p.pos < p.toks.len() {
        return p.err("expected `and`, `or` or the end");
    }
    Ok(c)
}

/// What a condition is evaluated against.
pub trait Facts {
    /// The values of a term (see the module's doc).
    fn values(&self, term: &Term) -> Vec<Value>;
}

impl Cond {
    /// Whether the condition holds.
    pub fn holds(&self, over: &impl Facts) -> bool {
        match self {
            Cond::Always => true,
            Cond::Not(c) => !c.holds(over),
            Cond::And(all) => all.iter().all(|c| c.holds(over)),
            Cond::Or(all) => all.iter().any(|c| c.holds(over)),
            Cond::Compare { term, equal, value } => {
                over.values(term).iter().any(|v| value.matches(v)) == *equal
            }
        }
    }

    /// Every comparison in the condition (for validating what it names).
    pub fn comparisons(&self) -> Vec<(&Term, &Literal)> {
        match self {
            Cond::Always => Vec::new(),
            Cond::Not(c) => c.comparisons(),
            Cond::And(all) | Cond::Or(all) => all.iter().flat_map(Cond::comparisons).collect(),
            Cond::Compare { term, value, .. } => vec![(term, value)],
        }
    }
}

/// The values at `path` (`harms[].grounds[].ground`) in a JSON document:
/// every entry's for a `[]` segment, each element of a list of values, and
/// `null` where a field is absent.
pub fn at_path(doc: &Value, path: &str) -> Vec<Value> {
    let mut here = vec![doc];
    for seg in path.split('.') {
        let (name, each) = match seg.strip_suffix("[]") {
            Some(n) => (n, true),
            None => (seg, false),
        };
        let mut next = Vec::new();
        for v in here {
            match v.get(name) {
                Some(Value::Array(items)) if each => next.extend(items.iter()),
                Some(x) if !each => next.push(x),
                _ if each => {}
                _ => next.push(&Value::Null),
            }
        }
        here = next;
    }
    here.into_iter()
        .flat_map(|v| match v {
            Value::Array(items) => items.clone(),
            v => vec![v.clone()],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Doc(Value);
    impl Facts for Doc {
        fn values(&self, term: &Term) -> Vec<Value> {
            match term {
                Term::Fact(p) => at_path(&self.0, p),
                Term::Forum => vec![Value::String("court".into())],
                _ => vec![Value::Null],
            }
        }
    }

    #[test]
    fn a_list_path_holds_when_any_entry_is_equal_and_an_absent_fact_is_null() {
        let d = Doc(
            serde_json::json!({"harms": [{"actor": "government"}, {"actor": "non_state"}], "applicant": {"nationality": ["SV", "GT"]}}),
        );
        let holds = |s: &str| parse(s).unwrap().holds(&d);
        assert!(holds(r#"fact("harms[].actor") == "non_state""#));
        assert!(!holds(r#"fact("harms[].actor") != "non_state""#));
        assert!(holds(r#"fact("applicant.nationality") == "GT""#));
        assert!(holds(r#"fact("risk.afraid") == null"#));
        assert!(
            !holds(r#"fact("groups[].immutable") == null"#),
            "no groups: no entry is anything"
        );
        assert!(holds(
            r#"forum == "court" and (fact("harms[].actor") == "government" or always)"#
        ));
        assert!(holds(r#"not forum == "asylum_office""#));
    }

    #[test]
    fn a_bad_condition_is_refused_with_where_and_why() {
        for (text, at, says) in [
            (r#"fact("a") = "b""#, 10, "`==`"),
            (r#"fact("a") == "b" and"#, 20, "expected a condition"),
            (r#"finding(asylum) == "no""#, 7, "finding(\"...\")"),
            (r#"(always"#, 7, "`)`"),
            (r#"fact("a") == yes"#, 13, "a value"),
            (r#"always always"#, 7, "the end"),
            (r#"fact("a) == null"#, 5, "not closed"),
        ] {
            let e = parse(text).unwrap_err();
            assert_eq!(e.at, at, "{text}: {e}");
            assert!(e.message.contains(says), "{text}: {e}");
        }
    }
}
