//! The standalone page (`templates/assessment.html`).
//!
//! Askama escapes every `{{ … }}` for HTML, in text and in attributes: facts
//! carry user text (a group's definition, an id) into because-texts and
//! questions. Nothing from the assessment is marked `|safe`.

use askama::Template;
use refuge_engine::Assessment;

use refuge_i18n::Lang;

use crate::view::{self, DateRow, Findings, MemberView, Node, ReliefView};

#[derive(Template)]
#[template(path = "assessment.html")]
struct Page<'a> {
    a: &'a Assessment,
    sections: Sections<'a>,
}

/// The page's sections (reliefs, findings, dates, questions, family,
/// warnings), without the page around them: the web workspace shows them on a
/// case's page.
#[derive(Template)]
#[template(path = "sections.html")]
struct Sections<'a> {
    a: &'a Assessment,
    lang: Lang,
    reliefs: Vec<ReliefView<'a>>,
    findings: Findings<'a>,
    timeline: Vec<DateRow<'a>>,
    family: Vec<MemberView<'a>>,
}

/// The fixed words of a template in its reader's language.
trait Words {
    fn lang(&self) -> Lang;
    fn t(&self, id: &str) -> String {
        refuge_i18n::tr(self.lang(), id)
    }
    /// The message `id` with one argument.
    fn t1(&self, id: &str, name: &str, value: &str) -> String {
        refuge_i18n::tr_with(self.lang(), id, &[(name, value.into())])
    }
}

impl Words for Sections<'_> {
    fn lang(&self) -> Lang {
        self.lang
    }
}

impl Words for Glance<'_> {
    fn lang(&self) -> Lang {
        self.lang
    }
}

impl Words for Node<'_> {
    fn lang(&self) -> Lang {
        self.lang
    }
}

impl Sections<'_> {
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

/// The case at a glance: the date to act on first, the questions that
/// would settle the most, and one line per relief with the reasons that
/// decide it, in words (no finding ids).
#[derive(Template)]
#[template(path = "glance.html")]
struct Glance<'a> {
    lang: Lang,
    next: Option<DateRow<'a>>,
    questions: &'a [refuge_engine::output::Question],
    more_questions: usize,
    reliefs: Vec<ReliefView<'a>>,
}

/// Questions the glance lists at most.
const GLANCE_QUESTIONS: usize = 3;

pub(crate) fn glance(a: &Assessment, lang: Lang) -> String {
    let timeline = view::timeline(lang, a);
    // An overdue last day first, then the nearest date still ahead that is
    // a last day to act or a first day one may act on.
    let next = timeline
        .iter()
        .position(|r| r.alert == Some(view::Alert::Overdue))
        .or_else(|| {
            timeline.iter().position(|r| {
                r.days >= 0 && r.deadline.status == refuge_engine::output::Status::Upcoming
            })
        });
    let next = next.map(|i| timeline.into_iter().nth(i).expect("a row at its position"));
    let shown = a.questions.len().min(GLANCE_QUESTIONS);
    Glance {
        lang,
        next,
        questions: &a.questions[..shown],
        more_questions: a.questions.len() - shown,
        reliefs: view::reliefs(lang, a),
    }
    .render()
    .expect(INFALLIBLE)
}

// A rendered template is HTML in which every value is already escaped, so the
// parent inserts it as it is (escaping it again would show the markup).
impl askama::filters::HtmlSafe for FindingNode<'_> {}
impl askama::filters::HtmlSafe for Sections<'_> {}

fn sections(a: &Assessment, lang: Lang) -> Sections<'_> {
    Sections {
        a,
        lang,
        reliefs: view::reliefs(lang, a),
        findings: view::findings_tree(lang, a),
        timeline: view::timeline(lang, a),
        family: view::family(lang, a),
    }
}

// Rendering writes into a String and calls no fallible filter: it cannot fail.
const INFALLIBLE: &str = "rendering the assessment into a String cannot fail";

/// The page; see [`crate::html`] for what it holds.
pub(crate) fn page(a: &Assessment) -> String {
    let page = Page {
        a,
        sections: sections(a, Lang::english()),
    };
    page.render().expect(INFALLIBLE)
}

/// The sections alone; see [`crate::html_sections`].
pub(crate) fn sections_only(a: &Assessment, lang: Lang) -> String {
    sections(a, lang).render().expect(INFALLIBLE)
}
