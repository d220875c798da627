//! Plain text for a terminal: the assessment memo and the law table.
//! No colours; lines are wrapped at [`WIDTH`] columns where words allow.

use std::collections::HashSet;

use refuge_engine::Assessment;

use refuge_i18n::Lang;

use crate::view::{self, Node};

/// The width lines are wrapped at.
pub(crate) const WIDTH: usize = 90;

/// A text document being written: headings, wrapped paragraphs, blank lines.
#[derive(Default)]
pub(crate) struct Doc {
    out: String,
}

impl Doc {
    /// The document's title, underlined with `=`.
    pub fn title(&mut self, title: &str) {
        self.out.push_str(title);
        self.out.push('\n');
        self.out.push_str(&"=".repeat(WIDTH));
        self.out.push('\n');
    }

    /// A section heading, underlined, after a blank line. (Written in capitals
    /// by the caller: upper-casing here would change citations, `§ 6103(a)`.)
    pub fn heading(&mut self, heading: &str) {
        self.out.push('\n');
        self.out.push_str(heading);
        self.out.push('\n');
        self.out.push_str(&"-".repeat(heading.chars().count()));
        self.out.push('\n');
    }

    /// One line as it is (for aligned columns).
    pub fn line(&mut self, line: &str) {
        self.out.push_str(line.trim_end());
        self.out.push('\n');
    }

    pub fn blank(&mut self) {
        self.out.push('\n');
    }

    /// `prefix` then `text`, wrapped at [`WIDTH`]; continuation lines start
    /// with `indent` spaces. A word longer than the line (an address) is not broken.
    pub fn wrap(&mut self, prefix: &str, indent: usize, text: &str) {
        let mut line = prefix.to_string();
        let mut len = line.chars().count();
        let mut empty = true;
        for word in text.split_whitespace() {
            let n = word.chars().count();
            if !empty && len + 1 + n > WIDTH {
                self.out.push_str(&line);
                self.out.push('\n');
                line = " ".repeat(indent);
                len = indent;
                empty = true;
            }
            if !empty {
                line.push(' ');
                len += 1;
            }
            line.push_str(word);
            len += n;
            empty = false;
        }
        self.out.push_str(line.trim_end());
        self.out.push('\n');
    }

    /// `label: ` and the items joined with `; `, at `indent` spaces.
    pub fn list(&mut self, indent: usize, label: &str, items: &[impl AsRef<str>]) {
        let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
        self.wrap(
            &format!("{}{label}: ", " ".repeat(indent)),
            indent + 2,
            &items.join("; "),
        );
    }

    pub fn finish(self) -> String {
        self.out
    }
}

/// The assessment as a memo; see [`crate::text`] for what it holds.
pub(crate) fn memo(a: &Assessment) -> String {
    let mut d = Doc::default();
    d.title(&format!(
        "Refuge assessment memo: as of {}, law {} (reviewed on {})",
        a.as_of, a.law.version, a.law.reviewed_on
    ));

    d.heading("RELIEFS");
    let reliefs = view::reliefs(Lang::english(), a);
    let name_width = reliefs.iter().map(|r| r.name.len()).max().unwrap_or(0);
    for r in &reliefs {
        d.line(&format!(
            "{:<name_width$}  {}",
            r.name,
            r.outcome().to_uppercase()
        ));
    }
    let mut shown = HashSet::new();
    for r in &reliefs {
        d.blank();
        let basis = r
            .basis()
            .map(|b| format!(", on the basis of {b}"))
            .unwrap_or_default();
        d.wrap(
            "",
            2,
            &format!("{}: {}{basis}", r.name, r.outcome().to_uppercase()),
        );
        if let Some(note) = &r.note {
            d.wrap("  ", 2, note);
        } else if r.reasons.is_empty() {
            d.wrap("  ", 2, "No finding decided it.");
        }
        for f in &r.reasons {
            let outcome = view::outcome(Lang::english(), f.outcome);
            if !shown.insert(&f.id) {
                d.wrap("  - ", 4, &format!("{}: {outcome} (as above)", f.id));
                continue;
            }
            d.wrap("  - ", 4, &format!("{}: {outcome}", f.id));
            d.wrap("    ", 4, f.question);
            d.wrap("    Because: ", 4, &f.because);
        }
    }

    let findings = view::findings_tree(Lang::english(), a);
    d.heading("FINDINGS THAT DECIDED THEM");
    if findings.decisive.is_empty() {
        d.wrap("", 0, "None.");
    }
    for node in &findings.decisive {
        d.blank();
        finding_node(&mut d, node, 0);
    }
    if !findings.other.is_empty() {
        d.heading("OTHER FINDINGS EVALUATED");
        for node in &findings.other {
            d.wrap("- ", 2, &format!("{}: {}", node.finding.id, node.outcome()));
        }
    }

    d.heading("DEADLINES AND DATES");
    let timeline = view::timeline(Lang::english(), a);
    if timeline.is_empty() {
        d.wrap("", 0, "None.");
    } else {
        d.wrap(
            "",
            0,
            &format!(
                "By date. Days left are counted from {}; a negative number is days ago.",
                a.as_of
            ),
        );
    }
    for row in timeline {
        d.blank();
        let alert = row
            .alert
            .map(|al| format!("   ** {} **", al.words(Lang::english()).to_uppercase()))
            .unwrap_or_default();
        d.wrap(
            "- ",
            2,
            &format!(
                "{} ({})  {}{alert}",
                row.deadline.date, row.weekday, row.deadline.id
            ),
        );
        d.wrap("  ", 2, &row.label);
        d.wrap(
            "  ",
            2,
            &format!(
                "Status: {}; days left: {} ({})",
                row.status(),
                row.days,
                row.days_words()
            ),
        );
        d.wrap("  Because: ", 2, &row.deadline.because);
        d.list(2, "Cites", row.deadline.cite);
    }

    d.heading("OPEN QUESTIONS");
    if a.questions.is_empty() {
        d.wrap("", 0, "None.");
    }
    for (i, q) in a.questions.iter().enumerate() {
        d.blank();
        let number = format!("{:>2}. ", i + 1);
        d.wrap(&number, number.len(), &q.ask);
        d.wrap("    Fact: ", 4, &q.fact);
        d.list(4, "Would settle", &q.why);
    }

    d.heading("FAMILY");
    let family = view::family(Lang::english(), a);
    if family.is_empty() {
        d.wrap("", 0, "None.");
    }
    for m in family {
        d.blank();
        d.wrap(
            "- ",
            2,
            &format!(
                "{} ({}): derivative {}; path: {}",
                m.entry.id,
                m.relation(),
                m.derivative(),
                m.path()
            ),
        );
        if let Some(age) = m.entry.age_on_filing {
            d.wrap("  ", 2, &format!("Age on filing: {age}"));
        }
        if let Some(cspa) = m.cspa() {
            d.wrap("  ", 2, &format!("Child Status Protection Act: {cspa}"));
        }
        if let Some(f) = m.finding {
            d.wrap("  Because: ", 2, &f.because);
        }
    }

    d.heading("WARNINGS");
    if a.warnings.is_empty() {
        d.wrap("", 0, "None.");
    }
    for w in &a.warnings {
        d.blank();
        d.wrap("- ", 2, &w.code);
        d.wrap("  ", 2, &w.message);
        d.list(2, "Cites", &w.cite);
    }

    d.heading("NOTICE");
    d.wrap("", 0, a.notice);
    d.finish()
}

/// A finding and, indented under it, what it depends on.
fn finding_node(d: &mut Doc, node: &Node<'_>, depth: usize) {
    let pad = "  ".repeat(depth);
    let f = node.finding;
    if !node.first {
        d.wrap(
            &format!("{pad}- "),
            2 * depth + 2,
            &format!("{}: {} (shown above)", f.id, node.outcome()),
        );
        return;
    }
    d.wrap(
        &format!("{pad}- "),
        2 * depth + 2,
        &format!("{}: {}", f.id, node.outcome()),
    );
    let inner = format!("{pad}  ");
    d.wrap(&inner, inner.len(), f.question);
    d.wrap(&format!("{inner}Because: "), inner.len(), &f.because);
    d.list(inner.len(), "Cites", f.cite);
    for child in &node.children {
        finding_node(d, child, depth + 1);
    }
}
