# The question of law each finding of the engine answers (crates/engine/src/defs.rs),
# by its id: `finding-` and the finding's id with its dots as hyphens, without the
# harm's, group's or family member's own id (`harm.<hid>.severity` is
# `finding-harm-severity`). The English is exactly the engine's (a test holds them
# equal both ways: crates/report/tests/i18n.rs); change it there, not here.

finding-asylum-presence = Is the applicant physically present in, or arriving in, the United States?
finding-asylum-one_year = Was the application filed (or, if not yet filed, would it be filed today) within one year after the last arrival?
finding-asylum-one_year_exception = Do changed or extraordinary circumstances excuse the late filing, and was the application filed within a reasonable period?
finding-asylum-safe_third_country = Does the U.S.-Canada Safe Third Country Agreement bar the application?
finding-asylum-previous_denial = Does an earlier denial bar a new application?
finding-asylum-bar-reinstated_order = Has DHS reinstated a prior order of removal, which makes asylum unavailable?
finding-asylum-bar-frivolous = Was an earlier asylum application found frivolous, which bars asylum permanently?
finding-asylum-lawful_pathways = Does the Circumvention of Lawful Pathways presumption make the applicant ineligible?
finding-refugee-every_nationality = Does the applicant with more than one nationality fear persecution in each country of nationality?
finding-group-cognizable = Is this proposed particular social group cognizable?
finding-harm-severity = Does this harm rise to the level of persecution?
finding-harm-actor = Was (or would) the harm be inflicted by the government, or by someone the government is unable or unwilling to control?
finding-harm-nexus = Is a protected ground at least one central reason for the harm?
finding-refugee-past_persecution = Did the applicant suffer past persecution?
finding-refugee-presumption = Does the presumption of a well-founded fear, which past persecution raises, still stand?
finding-refugee-future_persecution = Independent of any presumption, is there a reasonable possibility of future persecution?
finding-refugee-well_founded_fear = Does the applicant have a well-founded fear of persecution?
finding-asylum-humanitarian = With the presumption rebutted, do compelling reasons or a reasonable possibility of other serious harm still warrant asylum?
finding-asylum-bar-persecutor = Did the applicant order, incite, assist or otherwise participate in the persecution of others?
finding-asylum-bar-particularly_serious_crime = Was the applicant convicted of a particularly serious crime (an aggravated felony is one, for asylum)?
finding-asylum-bar-serious_nonpolitical_crime = Are there serious reasons to believe the applicant committed a serious nonpolitical crime outside the United States?
finding-asylum-bar-security = Are there reasonable grounds to regard the applicant as a danger to the security of the United States?
finding-asylum-bar-terrorism = Do the terrorism grounds of INA § 212(a)(3)(B) or § 237(a)(4)(B) apply to the applicant?
finding-asylum-bar-firm_resettlement = Was the applicant firmly resettled in another country before arriving in the United States?
finding-withholding-threat = Is it more likely than not that the applicant's life or freedom would be threatened on account of a protected ground?
finding-withholding-bar-persecutor = Did the applicant order, incite, assist or otherwise participate in the persecution of others?
finding-withholding-bar-particularly_serious_crime = Was the applicant convicted of a particularly serious crime (for withholding, an aggravated felony with an aggregate sentence of at least five years is one)?
finding-withholding-bar-serious_nonpolitical_crime = Are there serious reasons to believe the applicant committed a serious nonpolitical crime outside the United States?
finding-withholding-bar-security = Are there reasonable grounds to regard the applicant as a danger to the security of the United States (terrorist activity included)?
finding-cat-torture_likely = Is it more likely than not that the applicant would be tortured?
finding-cat-official = Would the torture be inflicted by, at the instigation of, or with the consent or acquiescence (including willful blindness) of a public official?
finding-refugee_admission-outside_nationality = Is the applicant outside the United States and outside every country of nationality (or, if stateless, of last habitual residence)?
finding-refugee_admission-security = Do the security or terrorism grounds of INA § 212(a)(3), which cannot be waived for a refugee, apply to the applicant?
finding-family-derivative = Can this family member take derivative status through the applicant?
