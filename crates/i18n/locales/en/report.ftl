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
