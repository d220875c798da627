# The application (Form I-589) pages: the form, "Ready to file?", the
# timeline, the evidence and the history (crates/web/src/application/).

application-title = Application: { $name }
application-readiness-title = Ready to file? { $name }
application-timeline-title = Timeline: { $name }
application-evidence-title = Evidence: { $name }
application-history-title = Application history: { $name }
application-history-item = Item
application-history-not-answered = not answered
application-history-unchanged = No change to the application.
application-heading = Application (Form I-589)
application-intro = Every item is optional while you work: leave blank what is not answered yet, and write N/A, None or Unknown where the form wants an answer and nothing applies. What the facts already hold is shown here, not entered twice: change it in the facts.
application-version = Version { $version }, saved by { $name }, { $when }
application-history-link = history
application-not-saved = Not saved yet.
application-saved = Application saved (version { $version }).
application-see-ready = See whether it is ready to file
application-parts = Parts
application-save = Save application
application-edition = Form { $form } (edition { $edition }; item numbers of the { $numbering } edition)
application-edition-unverified = Form { $form } (edition { $edition }, not verified: check uscis.gov/i-589 before filing; item numbers of the { $numbering } edition)
application-not-entered = not entered yet
application-entered = { $count } entered
application-yes = yes
application-no = no
application-edit-in-facts = Edit in the facts
application-family-member = Family member { $id } ({ $relation })
application-arrival-entry = Entry for arrival { $n }
application-row = Row { $n }
application-someone = someone
application-saved-meanwhile = Nothing was saved: { $who } saved this application meanwhile (version { $version }). Your entries are shown over their version; save again to keep yours.
application-history-heading = Application history
application-history-none = The application has not been saved yet.

application-checks-of = The checks of
application-checks-stored = , on the stored facts and application
application-checks-as-of = , on the stored facts and application, as of { $date }
application-edit = Edit the application
application-cannot-check = The application cannot be checked: { $problem }.
application-correct-it = Correct it
application-nothing-blocks = Nothing blocks filing.
application-warnings-to-review = { $count } { $count ->
    [one] warning
   *[other] warnings
} to review
application-checks-waiting = , { $count } { $count ->
    [one] check
   *[other] checks
} waiting on data
application-not-ready = Not ready to file:
application-blocking-issues = { $count } blocking { $count ->
    [one] issue
   *[other] issues
}.
application-blocking = Blocking ({ $count })
application-blocking-explain = The filing would be rejected, or is legally wrong.
application-warnings = Warnings ({ $count })
application-warnings-explain = A credibility risk, or something to confirm.
application-waiting = Waiting on data ({ $count })
application-waiting-explain = These checks cannot tell yet; none of them blocks filing.
application-none = None.
application-authority = Authority: { $authority }

application-evidence-intro = Each element this case relies on, the evidence for it and where each piece stands
application-evidence-checklist-version = (checklist { $version })
application-evidence-saves = A change of status saves a new version of the application.
application-evidence-saved = Status saved (application version { $version }).
application-evidence-cannot = The checklist cannot be made: { $problem }.
application-evidence-alone = Resting on testimony alone ({ $count })
application-evidence-all-corroborated = Every finding has a piece of corroboration in hand or translated.
application-evidence-alone-lead = These findings rest on the applicant's testimony alone:
application-evidence-alone-explain = no element they rest on has corroboration in hand. Where corroboration is reasonably available, the adjudicator may require it (INA § 208(b)(1)(B)(ii)); obtain it, or record why it cannot be obtained.
application-evidence-elements = Elements ({ $count })
application-evidence-not-corroborated = (not corroborated)
application-evidence-findings = Findings
application-evidence-testimony-alone = testimony alone
application-evidence-for = The evidence for { $element }
application-evidence-col-evidence = Evidence
application-evidence-own-account = (the applicant's own account)
application-evidence-attached = Attached
application-evidence-needs-translation = needs a certified translation
application-evidence-shows = Shows
application-evidence-born = born { $date }
application-evidence-why-not = Why it cannot be obtained
application-evidence-name-shown = Name as the document prints it
application-evidence-birth-shown = Date of birth as the document gives it
application-evidence-status-needed = needed
application-evidence-status-requested = requested
application-evidence-status-in-hand = in hand
application-evidence-status-translated = translated
application-evidence-status-not-obtainable = not obtainable
application-evidence-meanwhile = Nothing was saved: the application was saved meanwhile (version { $version }). Your choice is shown over it; save again to keep it.
application-evidence-bad-status = Nothing was saved: "{ $status }" is not a status of the checklist.
application-evidence-say-why = Nothing was saved: say why it cannot reasonably be obtained (INA § 208(b)(1)(B)(ii)).
application-evidence-bad-date = Nothing was saved: "{ $date }" is not a date (YYYY-MM-DD).

application-timeline-intro = The events of the story in date order, with what each source says of each, and where the sources disagree, both statements side by side with the circumstances in which each was taken. To print it, use the browser's print: the navigation is left out.
application-timeline-cannot = The timeline cannot be read with the case's facts: { $problem }.
application-timeline-no-events = No events yet
application-timeline-as-data = The timeline is entered as data: each source once (the I-589, a declaration, the border statement, the credible-fear record, testimony notes), each event once with its date (a year 2023, a month 2023-10 or a day 2023-10-15), and what each source says of it.
application-timeline-through-api = Add it through the API, with a token made in Settings:
application-timeline-docs = docs/application.md, "The timeline", describes every field; examples/application/complete.json holds a complete one.
application-timeline-disagree = Where the sources disagree ({ $count })
application-timeline-agree = No two sources give an event different dates or places.
application-timeline-the-event = The event
application-timeline-side-by-side = The two statements side by side
application-timeline-its-words = Its words
application-timeline-where-in-it = Where in it
application-timeline-recorded = Recorded
application-timeline-taken-on = Taken on
application-timeline-also = Also
application-timeline-other-checks = The timeline's other checks
application-timeline-events = Events ({ $count })
application-timeline-date-unknown = Date unknown
application-timeline-until = to { $date }
application-timeline-sources-disagree = (sources disagree)
application-timeline-event = Event
application-timeline-people = people
application-timeline-after = after
application-timeline-no-statement = No source's statement of it yet.
application-timeline-each-source = What each source says
application-timeline-circumstances = Circumstances
application-timeline-taken = taken { $date }
application-timeline-not-recorded = not recorded
application-timeline-not-claim-questions = its questions were not meant to bring out the details of a claim
application-timeline-interpreter-present = an interpreter was present
application-timeline-no-interpreter = no interpreter
application-timeline-verbatim = verbatim
application-timeline-summary = a summary by the one who took it
application-timeline-facts-harm = The facts (harm { $harm })
application-timeline-facts-arrival = The facts (arrival { $n })
application-timeline-facts-not-statement = What the practitioner entered as the facts; not a statement of the applicant.

# The evidence checklist's element of a harm or family member.
application-evidence-of-harm = harm { $harm }
application-evidence-of-member = family member { $member }

# The timeline's kinds of event, sources and people (the application's
# `timeline`, crates/application/src/document.rs).
application-timeline-kind-harm = harm
application-timeline-kind-threat = threat
application-timeline-kind-departure = departure
application-timeline-kind-entry = entry
application-timeline-kind-detention = detention
application-timeline-kind-move = move
application-timeline-kind-other = other
application-timeline-source-i589 = the I-589
application-timeline-source-declaration = the declaration
application-timeline-source-border_statement = the border statement
application-timeline-source-credible_fear = the credible-fear record
application-timeline-source-testimony = the testimony notes
application-timeline-source-document = the document
application-timeline-source-other = the source
application-timeline-source-unknown = the source
application-timeline-relation-applicant = applicant
application-timeline-relation-spouse = spouse
application-timeline-relation-child = child
application-timeline-relation-mother = mother
application-timeline-relation-father = father
application-timeline-relation-sibling = sibling
application-timeline-relation-other_family = other family
application-timeline-relation-not_family = not family
application-timeline-family-member = family member { $id } ({ $relation })
