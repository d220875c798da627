# The PDFs' fixed words (crates/documents/templates/*.typ). A message
# `doc-<document>-<key>` is given to the document's template as `t.<key>`
# (keys use `_`, never `-`); a `doc-args-…` message takes arguments and is
# put together before the template reads it.

## What every document shares (templates/refuge.typ)

doc-common-confidential = Confidential: 8 C.F.R. § 208.6
doc-common-footer = Refuge: not legal advice
doc-common-page = Page
doc-common-of = of
doc-common-notice = Notice.
doc-common-cites = Cites:
doc-common-none = None.
doc-common-case_number = Case number
doc-common-client = Client
doc-common-prepared_by = Prepared by
doc-args-header-case = Case { $number }
doc-args-header-no-number = Case (no number)
# The language's name in English, for the line that says a printout is not
# yet in the client's language.
doc-language-english-name = English

## The assessment memo (templates/memo.typ)

doc-memo-title = Assessment memo
doc-memo-facts_as_of = Facts as of
doc-memo-law = Law
doc-args-memo-law_version = version { $version }, reviewed on { $date }
doc-memo-reasoning_note = The detailed legal reasoning (each finding's explanation, the reasons for each date, and the warnings) is written for the representative and is in English; each finding's question is in this language.
doc-memo-reliefs = Reliefs
doc-memo-relief = Relief
doc-memo-outcome = Outcome
doc-memo-on_basis = on the basis of
doc-memo-no_finding = No finding decided it.
doc-memo-decided = Findings that decided them
doc-memo-because = Because:
doc-memo-as_above = (as above)
doc-memo-other_findings = Other findings evaluated
doc-memo-dates = Deadlines and dates
doc-args-memo-by_date = By date. Days left are counted from { $date }; a negative number is days ago.
doc-memo-date = Date
doc-memo-what = What
doc-memo-days_left = Days left
doc-memo-status = status:
doc-memo-questions = Open questions
doc-memo-fact = Fact:
doc-memo-would_settle = Would settle:
doc-memo-family = Family
doc-memo-derivative = derivative
doc-memo-path = path:
doc-memo-age_on_filing = Age on filing:
doc-memo-cspa = Child Status Protection Act:
doc-memo-warnings = Warnings

## The interview printouts (templates/practice.typ, templates/bring.typ)

doc-practice-practice_title = Interview practice questions
doc-practice-bring_title = What to bring to the interview
doc-practice-client_copy = Client's copy
doc-practice-preparer_copy = Preparer's copy
doc-practice-client_copy_note = Practice questions, not the government's list and not a script. Answer in your own words, and say so when you do not know or do not remember: never guess.
doc-practice-preparer_copy_note = For the preparer only: it holds the marks and notes of the practice sessions. The client's copy has the questions without them.
doc-practice-element = Topic
doc-practice-about = About
doc-practice-why = Why it is asked
doc-practice-prepare = What to prepare
doc-practice-explain = Your papers say two different things here
doc-practice-statement = Statement
doc-practice-reason = In this case's set because
doc-practice-mark = Latest mark
doc-practice-notes = Notes on the answer
doc-practice-not_practised = not yet practised
doc-practice-sources = Sources
doc-practice-answer = Notes
doc-practice-no_questions = No questions: the practice set is empty.
doc-practice-interview = The interview
doc-practice-not_recorded = not recorded yet
doc-practice-bring_note = Bring each of these. Tick each one as it is packed.
doc-practice-ticked_note = A ticked box was marked ready in the case's record.
doc-practice-nothing_to_bring = Nothing listed.
doc-practice-forum = Where
doc-practice-date = Date
doc-practice-time = Time
doc-practice-place = Place
doc-practice-officer = Officer or judge
doc-practice-interpreter = Interpreter
doc-practice-language = Interpreter's language
doc-practice-ready = ready
doc-practice-needs_work = needs work
doc-args-practice-bank = Question bank { $version }, reviewed on { $date }.
doc-args-practice-other_copy = Printed in { $printed }. This printout is also made in { $language }, the client's language: print that copy for the client.
doc-args-practice-lang_note = Printed in { $printed }: these printouts are not yet available in { $language }. Read them to the client in a language they understand.

## The I-589 answers (templates/answers.typ): filed in English, so only its
## own headings and notes are words here; the form's items and answers are not.

doc-answers-title = Form I-589 answers
doc-answers-as_of = As of
doc-args-answers-form_row = { $number } ({ $title }), items numbered as the { $edition } edition
doc-answers-readiness = Readiness to file
doc-answers-ready = Nothing blocks filing.
doc-answers-ready_note = Warnings, if any, are listed below.
doc-args-answers-not_ready = { $count ->
    [one] NOT READY TO FILE: { $count } blocking problem.
   *[other] NOT READY TO FILE: { $count } blocking problems.
}
doc-answers-incomplete = An application that does not answer every question of the form is incomplete (8 C.F.R. § 208.3(c)(3)).
doc-answers-blocking = Blocking problems
doc-answers-warnings = Warnings
doc-answers-edition = The form's edition
doc-answers-form = Form
doc-answers-numbered = Items are numbered as in the
doc-answers-edition_word = edition
doc-answers-not_verified = was not verified
doc-answers-in_force = the edition in force,
doc-answers-how_to_read = Blank boxes marked NOT ANSWERED are required answers the case does not hold yet. An answer too long for its box reads “See continuation page N”, and is printed in full on the continuation pages at the end (in the style of Supplement B).
doc-answers-number_not_verified = (number not verified)
doc-answers-see_continuation = See continuation page
doc-answers-continuation = Continuation page
doc-answers-supplement_b = (Supplement B style)
doc-answers-part = Part
doc-answers-question = Question

## The exhibit packet (templates/packet.typ): filed in English.

doc-packet-title = Exhibit packet
doc-packet-exhibits = Exhibits
doc-packet-pages_of_exhibits = Pages of exhibits
doc-packet-index = Index of exhibits
doc-packet-exhibit = Exhibit
doc-packet-description = Description
doc-packet-proves = What it proves
doc-packet-pages = Pages
doc-packet-with_translation = With English translation and certificate
doc-packet-pages_note = Pages are the packet’s own (“Page N of M” at the foot of every page). Each exhibit follows its tab page, and each of its pages is stamped with its letter and its page within the exhibit. A translation follows its original, with the translator’s certificate.
doc-packet-page_word = page
doc-packet-pages_word = pages
doc-packet-of = of
doc-packet-translation = (English translation)
doc-packet-certificate = (certificate of translation)

## The declaration's draft (templates/declaration.typ): its text is the
## case file's, in English, for filing.

doc-declaration-draft = Draft.
