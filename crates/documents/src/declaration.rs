//! The declaration scaffold (issue 17, item 5): a first draft of the client's
//! declaration, made once as [`Declaration`] and written two ways, as
//! Markdown ([`Declaration::markdown`]) and as PDF ([`declaration_pdf`],
//! `templates/declaration.typ`), with the same text.
//!
//! The sections follow what an adjudicator looks for: who the client is, what
//! happened and why (the timeline's events in date order, else the harms and
//! arrivals of the facts), why they fear return, why they cannot relocate,
//! and, only when the engine's `asylum.one_year` finding is `no` (the filing
//! is more than a year after the last arrival), why they filed late.
//!
//! **It never invents a fact.** Every paragraph is one of:
//! - [`ParaKind::Text`] or [`ParaKind::Heading`]: a sentence of the declaration,
//!   made of fixed words and at least one fact the case document holds
//!   ([`Piece::Fact`], its path and value as held, dates written out);
//! - [`ParaKind::Record`]: what the case file records, in brackets, for the
//!   client to confirm and put in their own words;
//! - [`ParaKind::Ask`]: a bracketed placeholder asking for what only the client
//!   can say.
//!
//! A fact the document does not hold leaves its sentence out: an empty case
//! document gives placeholders only. The module decides nothing about the
//! law: it reads the engine's finding for the late-filing section, and
//! states nothing of its own about the harms' reasons, actors or fear.
//!
//! The draft is in English, the language it is filed in; the client's own
//! language is for reading it back to them (its translation and certificate
//! are the preparer's).

use jiff::civil::Date;
use refuge_application::CaseDocument;
use refuge_engine::Assessment;
use refuge_engine::output::Outcome;
use serde::Serialize;
use serde_json::{Value, json};

use crate::{DocError, DocOptions, Meta, render};

const SOURCE: (&str, &str) = (
    "declaration.typ",
    include_str!("../templates/declaration.typ"),
);

const TITLE: &str = "Declaration (draft)";

/// The note at the top of the draft.
pub const DRAFT_NOTE: &str = "A first draft, to be completed with the client in their own words. It holds only what the case file records; text in [brackets] asks for what only the client can say, or repeats what the file records for the client to confirm. Read the whole declaration back to the client in a language they understand, and correct it with them, before they sign it.";

/// Who the draft is for, and how country codes are written.
#[derive(Debug, Clone, Default)]
pub struct DeclarationOptions<'a> {
    pub doc: DocOptions<'a>,
    /// A country's name by its code (`HN` → `Honduras`); without it, the code.
    pub country_name: Option<fn(&str) -> Option<&'static str>>,
}

/// One piece of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Piece {
    /// Fixed words of the scaffold ("My name is ").
    Words { text: &'static str },
    /// A fact of the case document: its path, its value as held (see
    /// [`shown`]), and how it is written (a date in words, a country's name).
    Fact {
        path: String,
        value: String,
        text: String,
    },
}

/// What a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParaKind {
    /// A line naming an event's date and place.
    Heading,
    /// A sentence of the declaration, from the facts.
    Text,
    /// What the case file records, in brackets, to confirm with the client.
    Record,
    /// A placeholder, in brackets: what only the client can say.
    Ask,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Para {
    pub kind: ParaKind,
    pub pieces: Vec<Piece>,
}

impl Para {
    /// The paragraph as plain text: a record or a placeholder in brackets.
    pub fn plain(&self) -> String {
        self.join(|p| match p {
            Piece::Words { text } => text.to_string(),
            Piece::Fact { text, .. } => text.clone(),
        })
    }

    /// The paragraph as Markdown: the facts' characters that Markdown reads
    /// as markup escaped, so a value prints as written.
    pub fn markdown(&self) -> String {
        let text = self.join(|p| match p {
            Piece::Words { text } => text.to_string(),
            Piece::Fact { text, .. } => md_escape(text),
        });
        match self.kind {
            ParaKind::Heading => format!("### {text}"),
            _ => text,
        }
    }

    fn join(&self, f: impl Fn(&Piece) -> String) -> String {
        let inner: String = self.pieces.iter().map(f).collect();
        match self.kind {
            ParaKind::Record | ParaKind::Ask => format!("[{inner}]"),
            ParaKind::Heading | ParaKind::Text => inner,
        }
    }

    /// Its facts.
    pub fn facts(&self) -> impl Iterator<Item = (&str, &str)> {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Fact { path, value, .. } => Some((path.as_str(), value.as_str())),
            Piece::Words { .. } => None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// `who`, `happened`, `fear`, `relocation`, `late`, `closing`.
    pub id: &'static str,
    pub heading: &'static str,
    pub paras: Vec<Para>,
}

/// The draft: its sections in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Declaration {
    pub title: &'static str,
    /// The date of the case file it was made from (the facts' `as_of`).
    pub as_of: Date,
    pub note: &'static str,
    pub notice: &'static str,
    pub sections: Vec<Section>,
}

impl Declaration {
    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    /// The draft as Markdown, to edit: the title, the case number and client
    /// (when given), the draft note and the notice, then the sections.
    pub fn markdown(&self, opts: &DocOptions<'_>) -> String {
        let mut out = format!("# {}\n\n", self.title);
        let given = |v: Option<&str>| v.map(str::trim).filter(|v| !v.is_empty()).map(md_escape);
        if let Some(n) = given(opts.case_number) {
            out.push_str(&format!("Case number: {n}  \n"));
        }
        if let Some(n) = given(opts.client_name) {
            out.push_str(&format!("Client: {n}  \n"));
        }
        out.push_str(&format!("Case file as of: {}\n\n", long_date(self.as_of)));
        out.push_str(&format!("> **Draft.** {}\n>\n", self.note));
        out.push_str(&format!("> **Notice.** {}\n", self.notice));
        for (i, s) in self.sections.iter().enumerate() {
            out.push_str(&format!("\n## {}. {}\n", i + 1, s.heading));
            for p in &s.paras {
                out.push('\n');
                out.push_str(&p.markdown());
                out.push('\n');
            }
        }
        out
    }
}

/// A fact's value as the scaffold holds it: a string as written (`_` read as
/// a space in a code such as `death_threat`), a number, `yes` or `no`.
pub fn shown(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Bool(true) => "yes".into(),
        Value::Bool(false) => "no".into(),
        _ => return None,
    };
    // What the form asks to be written when there is nothing: not a fact to state.
    let empty = s.is_empty() || ["n/a", "none", "unknown"].contains(&s.to_lowercase().as_str());
    (!empty).then_some(s)
}

/// The value at a concrete path (`facts.harms[0].date`): the answers' own reading.
pub fn value_at<'v>(root: &'v Value, path: &str) -> Option<&'v Value> {
    crate::answers::get(root, path)
}

/// `2023-10-15` → `October 15, 2023`; `2024-02` → `February 2024`; else as written.
pub fn long_date_text(s: &str) -> String {
    if let Ok(d) = s.parse::<Date>() {
        return long_date(d);
    }
    let month = s
        .split_once('-')
        .filter(|(y, m)| y.len() == 4 && m.len() == 2)
        .and_then(|_| format!("{s}-01").parse::<Date>().ok());
    month.map_or(s.to_string(), |d| d.strftime("%B %Y").to_string())
}

fn long_date(d: Date) -> String {
    d.strftime("%B %-d, %Y").to_string()
}

/// Markdown's markup characters escaped with a backslash (and a line's
/// first `-`, `+` or `=`, which would start a list or underline a heading).
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut line_start = true;
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '~' | '|' | '!'
        ) || (line_start && matches!(c, '-' | '+' | '='))
        {
            out.push('\\');
        }
        out.push(c);
        line_start = c == '\n';
    }
    out
}

/// How a fact is written.
#[derive(Clone, Copy)]
enum As {
    /// As held, verbatim.
    Plain,
    /// A code of the facts (`death_threat`), its `_` read as a space.
    Code,
    /// A date in words.
    Date,
    /// A country's name.
    Country,
}

/// Builds paragraphs from the document's facts.
struct Facts<'a> {
    root: &'a Value,
    country_name: Option<fn(&str) -> Option<&'static str>>,
}

/// A paragraph being built: each fact it needs must be held, or it is dropped.
struct P<'f, 'a> {
    f: &'f Facts<'a>,
    kind: ParaKind,
    pieces: Vec<Piece>,
}

impl<'f, 'a> P<'f, 'a> {
    fn w(mut self, text: &'static str) -> Self {
        self.pieces.push(Piece::Words { text });
        self
    }

    /// The fact at `path`; `None` (the paragraph dropped) when not held.
    fn fact(mut self, path: &str, how: As) -> Option<Self> {
        let piece = self.f.piece(path, how)?;
        self.pieces.push(piece);
        Some(self)
    }

    /// `before` and the fact at `path` when held; nothing otherwise.
    fn opt(self, before: &'static str, path: &str, how: As) -> Self {
        match self.f.piece(path, how) {
            Some(piece) => {
                let mut p = self.w(before);
                p.pieces.push(piece);
                p
            }
            None => self,
        }
    }

    /// The paragraph ended with a full stop, if a fact was added after the
    /// first `before` pieces; else nothing (its opening words alone say nothing).
    fn stated_after(self, before: usize) -> Option<Para> {
        (self.pieces.len() > before).then(|| self.w(".").done())
    }

    fn done(self) -> Para {
        Para {
            kind: self.kind,
            pieces: self.pieces,
        }
    }
}

impl<'a> Facts<'a> {
    fn p(&self, kind: ParaKind) -> P<'_, 'a> {
        P {
            f: self,
            kind,
            pieces: Vec::new(),
        }
    }

    fn has(&self, path: &str) -> bool {
        value_at(self.root, path).and_then(shown).is_some()
    }

    fn piece(&self, path: &str, how: As) -> Option<Piece> {
        let value = shown(value_at(self.root, path)?)?;
        let text = match how {
            As::Plain => value.clone(),
            As::Code => value.replace('_', " "),
            As::Date => long_date_text(&value),
            As::Country => self
                .country_name
                .and_then(|f| f(&value))
                .map_or(value.clone(), str::to_string),
        };
        Some(Piece::Fact {
            path: path.to_string(),
            value,
            text,
        })
    }

    /// The paths of a list's entries (`facts.harms[0]`, `facts.harms[1]`, ...).
    fn entries(&self, list: &str) -> Vec<String> {
        (0..self.len(list))
            .map(|k| format!("{list}[{k}]"))
            .collect()
    }

    fn len(&self, path: &str) -> usize {
        value_at(self.root, path)
            .and_then(Value::as_array)
            .map_or(0, Vec::len)
    }

    fn str(&self, path: &str) -> Option<&'a str> {
        value_at(self.root, path).and_then(Value::as_str)
    }
}

fn ask(text: &'static str) -> Para {
    Para {
        kind: ParaKind::Ask,
        pieces: vec![Piece::Words { text }],
    }
}

/// The declaration's draft from the case document and its assessment.
pub fn declaration(
    doc: &CaseDocument,
    a: &Assessment,
    opts: &DeclarationOptions<'_>,
) -> Declaration {
    let root = json!({
        "facts": serde_json::to_value(doc.case().facts()).unwrap_or(Value::Null),
        "application": serde_json::to_value(doc.application()).unwrap_or(Value::Null),
    });
    let f = Facts {
        root: &root,
        country_name: opts.country_name,
    };
    let late = a
        .finding("asylum.one_year")
        .is_some_and(|x| x.outcome == Outcome::No);
    let mut sections = vec![
        Section {
            id: "who",
            heading: "Who I am",
            paras: who(&f),
        },
        Section {
            id: "happened",
            heading: "What happened to me, and why",
            paras: happened(&f),
        },
        Section {
            id: "fear",
            heading: "Why I am afraid to return",
            paras: fear(&f),
        },
        Section {
            id: "relocation",
            heading: "Why I cannot live safely somewhere else in my country",
            paras: relocation(&f),
        },
    ];
    if late {
        sections.push(Section {
            id: "late",
            heading: "Why I did not apply within one year of arriving",
            paras: late_filing(&f),
        });
    }
    sections.push(Section {
        id: "closing",
        heading: "Closing",
        paras: vec![ask(
            "The closing: a statement that this declaration is true and correct to the best of your knowledge, the date and your signature; and, if it was read back to you in another language, the interpreter's certificate.",
        )],
    });
    Declaration {
        title: TITLE,
        as_of: a.as_of,
        note: DRAFT_NOTE,
        notice: a.notice,
        sections,
    }
}

fn who(f: &Facts) -> Vec<Para> {
    let mut out = Vec::new();
    let a1 = "application.part_a1";
    let names: Vec<String> = ["first_name", "middle_name", "last_name"]
        .iter()
        .map(|n| format!("{a1}.{n}"))
        .filter(|p| f.has(p))
        .collect();
    if !names.is_empty() {
        let mut p = f.p(ParaKind::Text).w("My name is ");
        for (i, path) in names.iter().enumerate() {
            if i > 0 {
                p = p.w(" ");
            }
            p = p.opt("", path, As::Plain);
        }
        out.push(p.w(".").done());
    }
    let birth = "facts.applicant.birth_date";
    let city = format!("{a1}.city_of_birth");
    let country = format!("{a1}.country_of_birth");
    if f.has(birth) || f.has(&city) || f.has(&country) {
        let mut p = f
            .p(ParaKind::Text)
            .w("I was born")
            .opt(" on ", birth, As::Date);
        if f.has(&city) {
            p = p
                .opt(" in ", &city, As::Plain)
                .opt(", ", &country, As::Plain);
        } else {
            p = p.opt(" in ", &country, As::Plain);
        }
        out.push(p.w(".").done());
    }
    for i in 0..f.len("facts.applicant.nationality") {
        if let Some(p) = f
            .p(ParaKind::Text)
            .w("I am a national of ")
            .fact(&format!("facts.applicant.nationality[{i}]"), As::Country)
        {
            out.push(p.w(".").done());
        }
    }
    for (field, words) in [
        ("nationality_at_birth", "My nationality at birth was "),
        ("race_ethnic_tribal", "My race, ethnic or tribal group is "),
        ("religion", "My religion is "),
        ("native_language", "My native language is "),
        ("other_languages", "I also speak "),
        ("marital_status", "My marital status is "),
    ] {
        if let Some(p) = f.p(ParaKind::Text).w(words).fact(
            &format!("{a1}.{field}"),
            if field == "marital_status" {
                As::Code
            } else {
                As::Plain
            },
        ) {
            out.push(p.w(".").done());
        }
    }
    // Family: each member of the facts, named by the application's A.II entry when it has one.
    for i in 0..f.len("facts.family") {
        let base = format!("facts.family[{i}]");
        let Some(p) = f
            .p(ParaKind::Text)
            .w("My ")
            .fact(&format!("{base}.relation"), As::Code)
        else {
            continue;
        };
        let id = f.str(&format!("{base}.id"));
        let member = (0..f.len("application.part_a2.members")).find(|&k| {
            id.is_some() && f.str(&format!("application.part_a2.members[{k}].family")) == id
        });
        let mut p = p;
        if let Some(k) = member {
            let m = format!("application.part_a2.members[{k}]");
            p = p
                .opt(": ", &format!("{m}.first_name"), As::Plain)
                .opt(" ", &format!("{m}.middle_name"), As::Plain)
                .opt(" ", &format!("{m}.last_name"), As::Plain);
        }
        p = p.opt(", born on ", &format!("{base}.birth_date"), As::Date);
        out.push(p.w(".").done());
    }
    for i in 0..f.len("facts.groups") {
        if let Some(p) = f
            .p(ParaKind::Record)
            .w("The case file names a group: \u{201c}")
            .fact(&format!("facts.groups[{i}].definition"), As::Plain)
        {
            out.push(
                p.w("\u{201d}. In your own words: how you belong to it, and how people in your country see it.")
                    .done(),
            );
        }
    }
    out.push(ask(
        "In your own words: where you grew up and lived, your schooling and work, your family, and anything about who you are (your beliefs, your work, the groups you belong to) that explains what happened to you.",
    ));
    out
}

/// An event of the story: where its facts are, and its date for the order.
struct Event {
    /// `application.timeline.events[0]`, or a harm or arrival of the facts.
    base: String,
    kind: &'static str,
    date: String,
    /// The facts' harm it is, if any (`facts.harms[1]`).
    harm: Option<String>,
    /// How many events come before it by the timeline's `after` (the
    /// longest chain): of two events of the same earliest day, the one after
    /// the other comes second.
    depth: usize,
}

/// The story's events in date order: the timeline's, else the facts' harms
/// suffered and arrivals. An event without a date comes last, in entry order.
fn events(f: &Facts) -> Vec<Event> {
    let harm_of = |id: Option<&str>| {
        let id = id?;
        (0..f.len("facts.harms"))
            .find(|&k| f.str(&format!("facts.harms[{k}].id")) == Some(id))
            .map(|k| format!("facts.harms[{k}]"))
    };
    let mut out: Vec<Event> = Vec::new();
    let timeline = "application.timeline.events";
    for i in 0..f.len(timeline) {
        let base = format!("{timeline}[{i}]");
        let kind = match f.str(&format!("{base}.kind")) {
            Some("harm") => "harm",
            Some("threat") => "threat",
            Some("departure") => "departure",
            Some("entry") => "entry",
            Some("detention") => "detention",
            Some("move") => "move",
            _ => "other",
        };
        out.push(Event {
            date: f.str(&format!("{base}.date")).unwrap_or("").to_string(),
            harm: harm_of(f.str(&format!("{base}.harm"))),
            depth: after_depth(f, timeline, i),
            base,
            kind,
        });
    }
    if out.is_empty() {
        for k in 0..f.len("facts.harms") {
            let base = format!("facts.harms[{k}]");
            if f.str(&format!("{base}.when")) == Some("feared") {
                continue;
            }
            out.push(Event {
                date: f.str(&format!("{base}.date")).unwrap_or("").to_string(),
                harm: Some(base.clone()),
                depth: 0,
                base,
                kind: "harm",
            });
        }
        for k in 0..f.len("facts.arrivals") {
            let base = format!("facts.arrivals[{k}]");
            out.push(Event {
                date: f.str(&format!("{base}.date")).unwrap_or("").to_string(),
                harm: None,
                depth: 0,
                base,
                kind: "entry",
            });
        }
    }
    // By the earliest day each date can be (a year, a month or a day, ISO);
    // events of the same earliest day keep the order they were entered in.
    out.sort_by_cached_key(|e| (e.date.is_empty(), earliest(&e.date), e.depth));
    out
}

/// The length of the longest chain of `after` before event `i` (a cycle,
/// which the application's checks report, is cut at the number of events).
fn after_depth(f: &Facts, timeline: &str, i: usize) -> usize {
    let n = f.len(timeline);
    let index_of = |id: &str| (0..n).find(|&k| f.str(&format!("{timeline}[{k}].id")) == Some(id));
    let mut depth = 0;
    let mut level = vec![i];
    while depth < n {
        let next: Vec<usize> = level
            .iter()
            .flat_map(|&k| {
                value_at(f.root, &format!("{timeline}[{k}].after"))
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_str)
                            .filter_map(index_of)
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
            .collect();
        if next.is_empty() {
            break;
        }
        depth += 1;
        level = next;
    }
    depth
}

/// The earliest day an ISO date of the timeline can be: `2024` is
/// `2024-01-01`, `2024-02` is `2024-02-01`.
fn earliest(date: &str) -> String {
    match date.len() {
        4 => format!("{date}-01-01"),
        7 => format!("{date}-01"),
        _ => date.to_string(),
    }
}

fn happened(f: &Facts) -> Vec<Para> {
    let mut out = Vec::new();
    let events = events(f);
    for e in &events {
        let b = &e.base;
        // The date and the place, as the file holds them.
        let mut head = f.p(ParaKind::Heading);
        let dated = f.has(&format!("{b}.date"));
        if dated {
            head = head.opt("", &format!("{b}.date"), As::Date);
        }
        let mut placed = false;
        for (part, how) in [
            ("city", As::Plain),
            ("province", As::Plain),
            ("country", As::Country),
        ] {
            let path = format!("{b}.place.{part}");
            if f.has(&path) {
                let sep = if placed {
                    ", "
                } else if dated {
                    " · "
                } else {
                    ""
                };
                head = head.opt(sep, &path, how);
                placed = true;
            }
        }
        if dated || placed {
            out.push(head.done());
        } else {
            out.push(ask("When did this happen, and where?"));
        }
        // The harm's own narrative, as the facts hold it.
        if let Some(h) = &e.harm
            && let Some(p) = f
                .p(ParaKind::Text)
                .fact(&format!("{h}.narrative"), As::Plain)
        {
            out.push(p.done());
        }
        if let Some(p) = f
            .p(ParaKind::Record)
            .w("The case file records: ")
            .fact(&format!("{b}.summary"), As::Plain)
        {
            out.push(p.done());
        }
        if let Some(h) = &e.harm {
            out.extend(harm_record(f, h));
        }
        let people: Vec<String> = (0..f.len(&format!("{b}.people")))
            .map(|k| format!("{b}.people[{k}].name"))
            .filter(|p| f.has(p))
            .collect();
        if !people.is_empty() {
            let mut p = f.p(ParaKind::Record).w("People named in the case file: ");
            for (i, path) in people.iter().enumerate() {
                p = p.opt(if i == 0 { "" } else { "; " }, path, As::Plain);
            }
            out.push(p.w(".").done());
        }
        out.push(ask(match e.kind {
            "harm" | "threat" => {
                "In your own words: what happened, who did it, what they said and did to you, what you did next, and why you believe they did it to you."
            }
            "departure" => {
                "In your own words: why you left then, how you left, and who stayed behind."
            }
            "entry" => {
                "In your own words: how you came into the United States, and what happened at the border."
            }
            "detention" => {
                "In your own words: who held you, where, for how long, how you were treated, and how you were released."
            }
            "move" => {
                "In your own words: why you moved there, and what happened while you were there."
            }
            _ => "In your own words: what happened.",
        }));
    }
    if events.is_empty() {
        out.push(ask(
            "In your own words: what happened to you, in the order it happened: the dates, the places, who did it, what they said and did, and why you believe they did it to you.",
        ));
    }
    out
}

/// What the facts record of a harm: its kind, who did it, the reasons
/// recorded, what the authorities did.
fn harm_record(f: &Facts, h: &str) -> Option<Para> {
    let mut p = f
        .p(ParaKind::Record)
        .w("The case file records of this harm:");
    let before = p.pieces.len();
    p = p.opt(" what it was: ", &format!("{h}.kind"), As::Code).opt(
        "; who did it: ",
        &format!("{h}.actor"),
        As::Code,
    );
    for g in 0..f.len(&format!("{h}.grounds")) {
        let label = if g == 0 {
            "; the reasons recorded: "
        } else {
            ", "
        };
        p = p.opt(label, &format!("{h}.grounds[{g}].ground"), As::Code);
    }
    p = p.opt("; the authorities: ", &format!("{h}.authorities"), As::Code);
    p.stated_after(before)
}

fn fear(f: &Facts) -> Vec<Para> {
    let mut out = Vec::new();
    for q in ["q1b", "q4"] {
        if let Some(p) = f
            .p(ParaKind::Text)
            .fact(&format!("application.part_b.{q}.explanation"), As::Plain)
        {
            out.push(p.done());
        }
    }
    for h in f.entries("facts.harms") {
        if f.str(&format!("{h}.when")) != Some("feared") {
            continue;
        }
        if let Some(p) = f
            .p(ParaKind::Text)
            .fact(&format!("{h}.narrative"), As::Plain)
        {
            out.push(p.done());
        }
        let mut p = f
            .p(ParaKind::Record)
            .w("The case file records a feared harm:");
        let before = p.pieces.len();
        p = p.opt(" what it is: ", &format!("{h}.kind"), As::Code).opt(
            "; who would do it: ",
            &format!("{h}.actor"),
            As::Code,
        );
        out.extend(p.stated_after(before));
    }
    out.push(ask(
        "In your own words: what you fear would happen to you if you returned, who would do it, why, and how they would find you. Has anything happened since you left to your family or to people like you?",
    ));
    out
}

fn relocation(f: &Facts) -> Vec<Para> {
    let mut out = Vec::new();
    for h in f.entries("facts.harms") {
        let mut p = f
            .p(ParaKind::Record)
            .w("The case file records, for the harm")
            .opt(" of ", &format!("{h}.date"), As::Date);
        let before = p.pieces.len();
        p = p
            .opt(
                ": who did it or would do it: ",
                &format!("{h}.actor"),
                As::Code,
            )
            .opt("; the authorities: ", &format!("{h}.authorities"), As::Code);
        out.extend(p.stated_after(before));
    }
    let timeline = "application.timeline.events";
    for i in 0..f.len(timeline) {
        let b = format!("{timeline}[{i}]");
        if f.str(&format!("{b}.kind")) != Some("move") {
            continue;
        }
        let p = f
            .p(ParaKind::Record)
            .w("The timeline records a move")
            .opt(" to ", &format!("{b}.place.city"), As::Plain)
            .opt(", ", &format!("{b}.place.country"), As::Country)
            .opt(", dated ", &format!("{b}.date"), As::Date);
        out.extend(p.stated_after(1));
    }
    out.push(ask(
        "In your own words: could you live safely in another part of your country? Why not? Could the people who harmed you, or whom you fear, find you there, and how? Did you try to move, and what happened?",
    ));
    out.push(ask(
        "In your own words: could you ask the police or the government to protect you? Did you, and what happened?",
    ));
    out
}

fn late_filing(f: &Facts) -> Vec<Para> {
    let mut out = Vec::new();
    if let Some(p) = f
        .p(ParaKind::Text)
        .fact("application.part_c.q5.explanation", As::Plain)
    {
        out.push(p.done());
    }
    for i in 0..f.len("facts.exceptions") {
        let e = format!("facts.exceptions[{i}]");
        if let Some(p) = f
            .p(ParaKind::Record)
            .w("The case file records a reason for the delay: ")
            .fact(&format!("{e}.kind"), As::Code)
        {
            out.push(
                p.opt(", from ", &format!("{e}.began"), As::Date)
                    .opt(" to ", &format!("{e}.ended"), As::Date)
                    .w(".")
                    .done(),
            );
        }
    }
    out.push(ask(
        "In your own words: why you did not apply within your first year in the United States: what stopped you or what changed, when it began and when it ended, and when you applied after it.",
    ));
    out
}

/// The data `templates/declaration.typ` reads as `data.json`: `meta`,
/// `note`, `sections` (heading, paragraphs: kind and plain text).
pub fn declaration_data(d: &Declaration, opts: &DocOptions<'_>) -> Value {
    let rows = vec![("Case file as of".to_string(), long_date(d.as_of))];
    let meta = Meta::new(d.title, opts, rows, d.as_of);
    let sections: Vec<Value> = d
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| {
            json!({
                "heading": format!("{}. {}", i + 1, s.heading),
                "paras": s.paras.iter().map(|p| json!({"kind": p.kind, "text": p.plain()})).collect::<Vec<_>>(),
            })
        })
        .collect();
    let t = refuge_i18n::words(opts.lang, "doc-declaration-");
    json!({"meta": meta, "note": d.note, "sections": sections, "t": t})
}

/// The draft as a PDF, dated the case file's `as_of`.
///
/// # Errors
/// [`DocError`] naming the cause when typst cannot lay it out or write it.
pub fn declaration_pdf(d: &Declaration, opts: &DocOptions<'_>) -> Result<Vec<u8>, DocError> {
    render(
        "declaration draft",
        SOURCE,
        &declaration_data(d, opts),
        d.as_of,
    )
}
