# The words of the views of an assessment beside the reliefs
# (crates/report/src/view.rs): findings' outcomes, dates, the family, and the
# dates' names by their id (the engine's `label`; a test holds the English
# equal to it).

report-outcome-yes = yes
report-outcome-no = no
report-outcome-unknown = unknown
report-outcome-not_applicable = not applicable

report-alert-overdue = overdue
report-alert-soon = within { $days } days
report-days-today = today
report-days-ahead = { $days ->
    [one] in { $days } day
   *[other] in { $days } days
}
report-days-ago = { $days ->
    [one] { $days } day ago
   *[other] { $days } days ago
}

report-weekday-monday = Monday
report-weekday-tuesday = Tuesday
report-weekday-wednesday = Wednesday
report-weekday-thursday = Thursday
report-weekday-friday = Friday
report-weekday-saturday = Saturday
report-weekday-sunday = Sunday

report-relation-spouse = spouse
report-relation-child = child
report-relation-unknown = relation not known
report-path-included = included in the applicant's case
report-path-follow_to_join = follow to join (Form I-730)
report-path-none = none
report-path-not-yet-known = not yet known
report-cspa-frozen = age frozen on the filing date
report-cspa-not-protected = age not protected

# The dates' names, by the deadline's id (`.` written `-`).
report-deadline-asylum-one_year = One-year asylum filing deadline
report-deadline-ead-earliest_filing = First day to file for a work permit (Form I-765)
report-deadline-ead-earliest_grant = First day a work permit may be granted
report-deadline-adjustment-eligible = First day to apply for permanent residence (Form I-485)
report-deadline-i730-deadline = Last day to file Form I-730 for a spouse or child
report-deadline-lpr-date = Permanent residence recorded as of
report-deadline-naturalization-earliest_filing = First day to file for naturalization (Form N-400)
report-deadline-asylum-annual_fee = Annual asylum fee due

report-status-met = met
report-status-missed = missed
report-status-upcoming = upcoming
report-status-passed = passed
report-status-exempt = exempt

# The fixed words of the assessment's sections as a page shows them
# (crates/report/templates/: the case page, the printable report).
report-html-reliefs = Reliefs
report-html-on-basis = on the basis of { $basis }
report-html-decided-by = Decided by:
report-html-no-finding = No finding decided it.
report-html-findings = Findings
report-html-findings-decisive = Findings that decided the reliefs
report-html-findings-open = Each finding opens to show why, its citations and the findings it rests on.
report-html-findings-other = Other findings evaluated
report-html-none = None.
report-html-because = Because:
report-html-cites = Cites:
report-html-depends-on = Depends on:
report-html-shown-above = (shown above)
report-html-dates = Deadlines and dates
report-html-dates-caption = By date. Days left are counted from { $as_of }; a negative number is days ago.
report-html-date = Date
report-html-what = What
report-html-status = Status
report-html-days-left = Days left
report-html-attention = Attention
report-html-why-date = Why this date
report-html-questions = Open questions
report-html-questions-order = What to ask next, the question that could settle the most reliefs first.
report-html-fact = Fact:
report-html-would-settle = Would settle:
report-html-family = Family
report-html-family-caption = Derivative status of each family member.
report-html-member = Member
report-html-relation = Relation
report-html-derivative = Derivative
report-html-path = Path
report-html-age = Age on filing
report-html-cspa = Child Status Protection Act
report-html-why = Why
report-html-not-given = not given
report-html-warnings = Warnings
report-html-next = What to do next
report-html-no-date = No date to act on yet.
report-html-top-questions = The questions that would settle the most:
report-html-more-questions = and { $count } more.
report-html-standing = Where the case stands
