# Changes of the law (crates/web/src/lawchange/, templates/lawchange/, the
# dashboard's box): the pages' words, and what moved and why in words
# (crates/web/src/lawchange/words.rs). The causes' English is the engine's
# own (`Cause::words` in crates/engine/src/change.rs; a test holds them equal).

lawchange-banner-title = The law changed this case's assessment
lawchange-banner-versions = Re-assessed under law { $law_to } (rules { $rules_to }); it was assessed under law { $law_from } (rules { $rules_from }).
lawchange-why = Why: { $why }
lawchange-source = source
lawchange-mark-reviewed = Mark reviewed
lawchange-banner-note = Marking it reviewed clears this notice for everyone on the case; it is recorded in the audit log.
lawchange-every-case = Every case the law changed
lawchange-dashboard-title = { $cases ->
    [one] Changed by the law of { $law }: { $cases } case
   *[other] Changed by the law of { $law }: { $cases } cases
}
lawchange-dashboard-case = Case { $number }
lawchange-dashboard-note = Each stays listed until someone on the case marks it reviewed.

lawchange-progress-title = Re-assessment under law { $law } (rules { $rules })
lawchange-progress-running = Running: { $current } of { $all } cases assessed under this law and these rules; { $changed } changed so far. The page shows the state when it was opened: reload it to follow.
lawchange-progress-done = { $current } of { $all } cases assessed under this law and these rules.
lawchange-progress-left = Those left are re-assessed at the next start of the server (or by refuge rescreen); a case whose facts the engine now refuses keeps its earlier assessment and shows the error on its page.
lawchange-progress-failed = The last re-assessment stopped: { $error }. It resumes at the next start.
lawchange-all-intro = Every change of the law on your cases, newest first, reviewed or not.
lawchange-only-unreviewed = Only those not reviewed
lawchange-unreviewed-intro = { $cases ->
    [one] Changed by the law of { $law }, not yet reviewed: { $cases } case.
   *[other] Changed by the law of { $law }, not yet reviewed: { $cases } cases.
}
lawchange-latest-listed = (the latest 1,000 changes are listed)
lawchange-open-to-review = Open a case to review it.
lawchange-every-change = Every change, reviewed too
lawchange-nothing = No case to review.
lawchange-col-case = Case
lawchange-col-what = What changed
lawchange-col-why = Why
lawchange-col-versions = Versions
lawchange-col-reviewed = Reviewed
lawchange-versions = law { $law_from } → { $law_to }; rules { $rules_from } → { $rules_to }
lawchange-reviewed-by = { $by }, { $at }
lawchange-not-yet = not yet

# What moved, its values, and why (lawchange/words.rs).
lawchange-item-relief = { $name } (relief)
lawchange-item-warning = warning { $code }
lawchange-item-date = date { $id }
lawchange-none = none
lawchange-warning-raised = raised
lawchange-date = { $date } { $status }
lawchange-date-fee = { $date } { $status }, { $fee }
lawchange-cause-parameter = { $name }: was { $before }; now { $after }
lawchange-cause-parameter-source = { $name }: was { $before }; now { $after } (source: { $source })
lawchange-cause-law-data = the law data's { $part } changed
lawchange-cause-law-data-note = the law data's { $part } changed: { $note }
lawchange-part-holidays = holidays
lawchange-part-closings = closings
lawchange-part-warnings = warnings
lawchange-part-countries = countries
lawchange-cause-rules = the rules changed (version { $from } → { $to })
lawchange-absent = absent
lawchange-cause-unattributed = the law data changed from { $from } to { $to }; the parameter set of { $from } is not kept, so the part that moved it cannot be named
lawchange-not-set = not set
lawchange-period = { $value } from { $from }
lawchange-period-until = { $value } from { $from } to { $to }
lawchange-value-date = { $date }
lawchange-unit-days = { $count } days
lawchange-unit-months = { $count } months
lawchange-unit-years = { $count } years

# Each parameter of the law data by its id (crates/engine/law/parameters.toml,
# dots as hyphens); the English is its label there (a test holds them equal).

lawchange-parameter-asylum-one_year-effective = The one-year filing deadline counts from this date for earlier arrivals
lawchange-parameter-asylum-one_year-years = Time to file for asylum after the last arrival
lawchange-parameter-asylum-one_year_exception-lawful_status_unreasonable_months = After lawful status (TPS, a visa, parole) ends, a delay of this many calendar months or more is not a reasonable period
lawchange-parameter-asylum-one_year_exception-unreasonable_after_days = A delay after the circumstance of more than this many days is taken as unreasonable unless the practitioner judges it reasonable (Refuge's conservative rule)
lawchange-parameter-ead-filing_wait_days = Days after filing before the asylum applicant may file for a work permit
lawchange-parameter-ead-grant_wait_days = Days after filing before a work permit may be granted
lawchange-parameter-adjustment-wait_years = Physical presence after the grant of asylum before adjustment of status
lawchange-parameter-i730-window_years = Time after the grant to file Form I-730 for a spouse or child (follow-to-join)
lawchange-parameter-lpr-rollback_years = An asylee's permanent residence is dated this far before the approval of adjustment
lawchange-parameter-naturalization-residence_years = Continuous residence as a permanent resident before naturalization
lawchange-parameter-naturalization-early_filing_days = Days before the residence period ends that Form N-400 may be filed
lawchange-parameter-derivative-child_age_limit = A derivative child must be under this age (age frozen at filing under the CSPA)
lawchange-parameter-derivative-in_utero_days = A child born more than this many days after the grant is taken as conceived after it, unless the facts say otherwise
lawchange-parameter-stca-effective = U.S.-Canada Safe Third Country Agreement in force from
lawchange-parameter-stca-additional_protocol = The STCA Additional Protocol reaches crossings between ports from
lawchange-parameter-lawful_pathways-window_start = Circumvention of Lawful Pathways: first day of covered entries
lawchange-parameter-lawful_pathways-window_end = Circumvention of Lawful Pathways: last day of covered entries
lawchange-parameter-securing_the_border-effective = Securing the Border rule (8 C.F.R. § 208.35) applies to entries from
lawchange-parameter-proclamation_10888-effective = Proclamation 10888 (guaranteeing the states protection against invasion) applies to entries from
lawchange-parameter-affirmative_hold-effective = USCIS hold on pending affirmative asylum applications from
lawchange-parameter-work_permit_changes-effective = Work-permit changes for asylum applicants (end of automatic extensions, shorter validity) warned of from
lawchange-parameter-psg_precedents-effective = The 2025 precedents on particular social groups are warned of from
lawchange-parameter-annual_fee-effective = Annual asylum fee owed for applications pending from
lawchange-parameter-fee-annual_asylum_usd = Annual asylum fee, in U.S. dollars, for each year an application stays pending
lawchange-parameter-fee-asylum_application_usd = Fee, in U.S. dollars, to file Form I-589
lawchange-parameter-fee-initial_ead_asylum_usd = Fee, in U.S. dollars, for an asylum applicant's initial work permit (Form I-765)
