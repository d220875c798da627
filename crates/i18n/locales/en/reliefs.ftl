# The reliefs in words, as every view of an assessment names them
# (crates/report/src/view.rs): the memo in the terminal, the page, the PDF memo.
# The engine decides each relief's outcome; these only say it.

relief-asylum = Asylum
relief-withholding = Withholding of removal
relief-cat_withholding = CAT withholding
relief-cat_deferral = CAT deferral
relief-refugee_admission = Refugee admission (abroad)

relief-outcome-eligible = eligible
relief-outcome-ineligible = ineligible
relief-outcome-undetermined = undetermined
relief-outcome-not_applicable = not applicable
relief-outcome-granted = granted

relief-basis-past_persecution = past persecution
relief-basis-well_founded_fear = well-founded fear of future persecution
relief-basis-humanitarian = humanitarian asylum

relief-note-granted = Asylum has been granted (application.granted_on): eligibility is no longer assessed. The dates and the family below follow from the grant.
relief-note-not-assessed = Not assessed: asylum has been granted.
relief-note-reinstated-order = DHS reinstated a prior order of removal (asylum.bar.reinstated_order): asylum is unavailable. After a positive reasonable-fear screening, the case proceeds in withholding-only proceedings, where only withholding of removal and CAT protection can be sought.

# What each relief is, in plain words, for a reader who is not a lawyer.
relief-summary-asylum = Protection in the United States for a person who was persecuted, or fears persecution, because of race, religion, nationality, political opinion or membership in a particular social group. It allows work, leads to permanent residence, and can include a spouse and children.
relief-summary-withholding = Protection from being sent back to the country where life or freedom would more likely than not be threatened. It does not lead to permanent residence and does not include family members.
relief-summary-cat_withholding = Protection under the Convention Against Torture from being sent back to a country where torture is more likely than not. It does not lead to permanent residence.
relief-summary-cat_deferral = A more limited protection under the Convention Against Torture, for a person barred from the others: removal to that country is put off while torture there is more likely than not.
relief-summary-refugee_admission = Admission to the United States as a refugee, for a person still outside it.
