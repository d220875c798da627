# The facts form and the client interview (crates/web/src/facts/).

facts-title = Facts: { $name }
facts-interview-title = Interview: { $name }
facts-heading = Facts
facts-intro = Every fact is optional: leave unknown what is not known yet. Yes/no judgments marked "your judgment" are the practitioner's.
facts-sections = Sections
facts-save = Save facts
facts-add-another = Add another
facts-entry = Entry { $n }
facts-add-ground = Add a ground
facts-ground = Ground { $n }
facts-remove-entry = Remove this entry
facts-none-of = None: there are no { $what }
facts-empty = (empty)
facts-not-saved = Nothing was saved: { $problem }.
facts-not-saved-errors = Nothing was saved; correct what is marked below ({ $errors }).
facts-not-saved-version-unknown = Nothing was saved: this form's version of the facts is unknown. Your entries are shown; save again to apply them.
facts-conflict-field = { $who } saved “{ $theirs }” here meanwhile; you entered “{ $mine }”. Save to keep yours, or change it to theirs
facts-conflict = Nothing was saved yet: { $who } saved these facts meanwhile, and changed { $count ->
    [one] one fact
   *[other] { $count } facts
} you changed too ({ $facts }). Their other changes and yours are both kept below; choose the value to keep at each marked field, then save.

facts-interview-heading = Interview
facts-interview-saved = Saved: { $fact }
facts-interview-recorded-label = Facts recorded
facts-interview-of = { $done } of { $all }
facts-interview-progress = { $recorded } facts recorded; { $open } { $open ->
    [one] question
   *[other] questions
} still open:
facts-interview-progress-split = { $client } for the client, in the order of an intake (who and where the person is, their story, then the bars), then { $judgments } for the attorney's judgment (this is question { $position }).
facts-interview-judgments = For the attorney: judgments
facts-interview-judgment = For the attorney's judgment
facts-interview-judgment-explain = , not a question for the client: a legal assessment of the facts the client gives.
facts-interview-for-client = For the client
facts-interview-client-words = In the client's words (harm { $harm })
facts-interview-fact = Fact
facts-interview-save-next = Save and next
facts-interview-skip = Skip for now
facts-interview-why = Why we ask
facts-interview-why-intro = The answer can settle these findings, which are unknown until it is known:
facts-interview-law = Law: { $cite }
facts-interview-none-open = No open questions: every finding the facts make relevant is decided.
facts-interview-all-skipped = You have skipped the remaining open questions.
facts-interview-start-again = Start again from the first
facts-interview-see-assessment = See the assessment
facts-interview-blank = give an answer, or choose "Skip for now"
facts-interview-answered-meanwhile = someone else answered this question meanwhile ({ $theirs }); check it and answer again
