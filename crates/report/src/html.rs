//! The standalone page (`templates/assessment.html`).
//!
//! Askama escapes every `{{ … }}` for HTML, in text and in attributes: facts
//! carry user text (a group's definition, an id) into because-texts and
//! questions. Nothing from the assessment is marked `|safe`.

use askama::Template;
use refuge_engine::Assessment;

use crate::view::{self, DateRow, Findings, MemberView, Node, ReliefView};

#[derive(Template)]
#[template(path = "assessment.html")]
struct Page<'a> {
    a: &'a Assessment,
    reliefs: Vec<ReliefView<'a>>,
    findings: Findings<'a>,
    timeline: Vec<DateRow<'a>>,
    family: Vec<MemberView<'a>>,
}

impl Page<'_> {
    /// A node of the findings tree, as its own template.
    fn tree<'b>(&self, node: &'b Node<'b>) -> FindingNode<'b> {
        FindingNode { node }
    }
}

/// One finding of the tree and, nested in it, those it depends on. Askama
/// forbids recursive macros, so the recursion is a template that renders its
/// children as templates.
#[derive(Template)]
#[template(path = "finding.html")]
struct FindingNode<'a> {
    node: &'a Node<'a>,
}

impl<'a> FindingNode<'a> {
    fn children(&self) -> impl Iterator<Item = FindingNode<'a>> {
        self.node.children.iter().map(|node| FindingNode { node })
    }
}

// A rendered template is HTML in which every value is already escaped, so the
// parent inserts it as it is (escaping it again would show the markup).
impl askama::filters::HtmlSafe for FindingNode<'_> {}

/// The page; see [`crate::html`] for what it holds.
pub(crate) fn page(a: &Assessment) -> String {
    let page = Page {
        a,
        reliefs: view::reliefs(a),
        findings: view::findings_tree(a),
        timeline: view::timeline(a),
        family: view::family(a),
    };
    // Rendering writes into a String and calls no fallible filter: it cannot fail.
    page.render()
        .expect("rendering the assessment page into a String cannot fail")
}
