# The engine's questions: what to ask next to settle an unknown finding
# (crates/engine/src/rules/questions.rs). Each question's id is
# `question-<the fact's path>`; the engine gives the id and its arguments with
# every question it asks (`ask_message`), and the views render it here.
#
# The English below is exactly the engine's `ask` (a test in
# crates/report/tests/i18n.rs holds the two equal, and fails on an id either
# side lacks). Arguments:
#   $a         the arrival the question is about (question-phrase-arrival-*)
#   $p         the harm (question-phrase-harm*), the group or the family member
#   $kind      the circumstance that may excuse a late filing (question-phrase-exception*)
#   $ground    the protected ground (question-ground-*)
#   $n         the exception's number
# A date argument is given twice: `$date` as the facts write it (2025-09-20),
# `$date_long` written out in the language (20 de septiembre de 2025).
# "Attorney's judgment" questions are for the representative: keep the
# precedents' names and citations as they are.

question-applicant-location = Where is the applicant now: in the United States, at a port of entry, or outside the United States?
question-applicant-unaccompanied_child = Has the applicant been designated an unaccompanied child (under 18, with no parent or legal guardian in the United States available to care for them, and without lawful status)?
question-applicant-nationality = Of which country or countries is the applicant a citizen or national? (None, if stateless.)
question-applicant-habitual_residence = The applicant is stateless: in which country did the applicant last habitually live?
question-applicant-current_country = In which country is the applicant living now?
question-applicant-birth_date = What is the applicant's birth date?
question-arrivals = When did the applicant last arrive in the United States, and how?
question-arrivals-date = On what date did the applicant last arrive in the United States? (Every entry counts; the latest one starts the one-year clock.)
question-arrivals-manner = For { $a }: was the applicant admitted with a visa or other document, paroled, presented at a port of entry without documents, or did the applicant cross between ports of entry?
question-arrivals-border = For { $a }: did the applicant cross the southwest land border (Mexico), the northern land border (Canada), or arrive by air or sea?
question-arrivals-from_country = For { $a }: from which country did the applicant enter the United States?
question-arrivals-transit_countries = For { $a }: through which countries did the applicant pass after leaving home, in order?
question-arrivals-cbp_one_appointment = For { $a }: did the applicant present at a port of entry at a pre-scheduled appointment (for example through the CBP One app)?
question-arrivals-protection_sought_in_transit = For { $a }: did the applicant apply for asylum or other protection in a country passed through on the way, and was it denied or is it still pending?
question-arrivals-stca_exception = For { $a }: does an exception of the U.S.-Canada Safe Third Country Agreement apply (a family member in the United States with status or a pending asylum claim, an unaccompanied child, a valid visa or visa-free entry, or a public-interest exception)?
question-arrivals-compelling_circumstances = For { $a }: at the time of entry, did the applicant face a medical emergency, an imminent and extreme threat to life or safety, or was the applicant a victim of severe trafficking?
question-arrivals-visa_or_admission_document = For { $a }: did the applicant hold a valid visa or other valid admission document (an exception of the Safe Third Country Agreement, 8 C.F.R. § 208.30(e)(6)(iii))?
question-arrivals-encountered_within_14_days = For { $a }: after crossing between ports of entry, was the applicant encountered by U.S. officials within 14 days (the reach of the Agreement's Additional Protocol, 88 Fed. Reg. 18,227)?
question-arrivals-scheduling_system_unavailable = For { $a }: the applicant presented at a port of entry without an appointment: was it impossible to access or use the DHS scheduling system (CBP One) because of a language barrier, illiteracy, a significant technical failure, or another ongoing and serious obstacle?
question-application-previously_denied = Has an immigration judge or the Board of Immigration Appeals ever denied an earlier asylum application by the applicant?
question-application-filed_on = Has the asylum application (Form I-589) been filed? If so, on what date was it received?
question-application-forum = Is the asylum claim before USCIS (an affirmative application) or before an immigration judge in removal proceedings (defensive)?
question-exceptions = Did anything happen that could excuse filing late or refiling: a change in country conditions, in the law or in the applicant's own circumstances (new beliefs, activities or identity, loss of derivative status), or extraordinary circumstances (serious illness, disability, being an unaccompanied minor, ineffective legal help, maintaining lawful status or parole, a rejected filing, a death or serious illness in the family)? When did each begin and end?
question-exceptions-kind = What kind of circumstance is exception { $n }: changed circumstances (country conditions, law, personal circumstances, lost derivative status) or extraordinary ones (illness, legal disability, ineffective assistance, lawful status, a rejected filing, family death or illness)?
question-exceptions-began = When did { $kind } begin?
question-exceptions-reasonable_delay = Was the application filed within a reasonable time after { $kind }? (Attorney's judgment: no period is reasonable of itself; weigh the applicant's circumstances, Matter of T-M-H- & S-W-C-, 25 I&N Dec. 193 (BIA 2010). After lawful status ends, waiting six months or longer would generally not be reasonable, 65 Fed. Reg. 76,121, 76,123-24 (Dec. 6, 2000).)
question-harms = What harm has the applicant suffered, and what harm does the applicant fear on return? For each: what happened, when, who did it, and why.
question-harms-when = Is { $p } something that already happened, or something the applicant fears?
question-harms-kind = What kind of harm is { $p }: for example torture, sexual violence, an attempted killing, serious physical harm, detention, threats, economic deprivation, or harassment?
question-harms-target = Was { $p } aimed at the applicant, or at a member of the applicant's family?
question-harms-injured = During { $p }, was the applicant physically injured badly enough to need medical care?
question-harms-severe = Does { $p } rise to the level of persecution? (Attorney's judgment: persecution is an extreme concept; harassment, discrimination and low-level intimidation are not persecution: Zakirov v. Ashcroft, 384 F.3d 541 (8th Cir. 2004); Fatin v. INS, 12 F.3d 1233, 1240 (3d Cir. 1993). Threats count when credible, specific and menacing.)
question-harms-actor = Who did (or would do) { $p }: the government (police, army, officials) or someone else (a gang, a family member, a militia)?
question-harms-authorities = About { $p }: was it reported to the police or other authorities, and what did they do? If not reported, would reporting have been futile or dangerous?
question-harms-grounds = Why did (or would) the persecutor target the applicant in { $p }: because of race, religion, nationality, political opinion (own or attributed), membership in a particular social group, or resistance to coercive population control?
question-harms-grounds-central = In { $p }, was { $ground } at least one central reason the persecutor acted, not incidental or tangential? (INA § 208(b)(1)(B)(i); Matter of J-B-N- & S-M-, 24 I&N Dec. 208 (BIA 2007).)
question-harms-grounds-ground = In { $p }, which protected ground was the reason: race, religion, nationality, political opinion, a particular social group, or coercive population control?
question-harms-grounds-group = In { $p }, which particular social group was the applicant targeted as a member of? Define it so it can be judged (immutable, particular, socially distinct).
question-groups-immutable = Is membership in { $p } based on a characteristic the members cannot change, or should not be required to change because it is fundamental to their identity or conscience? (Matter of Acosta, 19 I&N Dec. 211 (BIA 1985).)
question-groups-particular = Is { $p } defined with particularity: clear boundaries, so that it is clear who is in the group and who is not, not amorphous or overbroad? (Attorney's judgment: Matter of M-E-V-G-, 26 I&N Dec. 227 (BIA 2014); Matter of W-G-R-, 26 I&N Dec. 208 (BIA 2014).)
question-groups-socially_distinct = Is { $p } seen as a distinct group by the society in question (evidence such as country reports, laws, news)? (Attorney's judgment: Matter of M-E-V-G-, 26 I&N Dec. 227 (BIA 2014).)
question-risk-persecution_likelihood = How likely is persecution if the applicant returns: more likely than not, a reasonable possibility (even a 10% chance can be enough), or remote? Consider whether the persecutor knows or could learn of the applicant, can reach the applicant, and wants to harm the applicant (Matter of Mogharrabi, 19 I&N Dec. 439 (BIA 1987)).
question-risk-cumulative_past_harm_severe = Taken together, do the past harms (including harassment, threats and discrimination) add up to persecution? (Attorney's judgment: Matter of O-Z- & I-Z-, 22 I&N Dec. 23 (BIA 1998).)
question-risk-relocation_possible = Could the applicant avoid the harm by moving to another part of the home country?
question-risk-relocation_reasonable = Would it be reasonable to expect the applicant to move within the home country, given safety, age, health, family ties, and the conditions there? (8 C.F.R. § 208.13(b)(3).)
question-risk-severe_past_persecution = Was the past persecution so severe that there are compelling reasons the applicant cannot be expected to return, even if conditions have changed? (Matter of Chen, 20 I&N Dec. 16 (BIA 1989).)
question-risk-other_serious_harm = Is there a reasonable possibility that the applicant would suffer other serious harm on return, even if not on account of a protected ground? (Matter of L-S-, 25 I&N Dec. 705 (BIA 2012).)
question-risk-afraid = Is the applicant genuinely afraid to return?
question-risk-fear_in_every_nationality = The applicant is a national of more than one country: does the applicant fear persecution in each of them, or could the applicant live safely in one? (Matter of B-R-, 26 I&N Dec. 119 (BIA 2013).)
question-risk-persecutor_aware = Does the persecutor know, or could the persecutor easily learn, of the belief or characteristic the applicant would be targeted for? (Matter of Mogharrabi, 19 I&N Dec. 439 (BIA 1987).)
question-risk-persecutor_capable = Could the persecutor find and punish the applicant on return (reach, power, resources)? (Matter of Mogharrabi.)
question-risk-persecutor_inclined = Does the persecutor want to punish the applicant for that belief or characteristic (threats, past acts, treatment of others like the applicant)? (Matter of Mogharrabi.)
question-torture-likelihood = How likely is it that the applicant would be tortured (severe pain or suffering, intentionally inflicted) on return: more likely than not, possible, or remote?
question-torture-official_role = Would a public official (police, military, any government agent) torture the applicant, order it, consent to it, or knowingly look away (acquiescence, including willful blindness)?
question-conduct-persecuted_others = Has the applicant ever ordered, incited, assisted or otherwise taken part in harming anyone because of their race, religion, nationality, social group or political opinion?
question-conduct-aggravated_felony = Has the applicant ever been convicted of an aggravated felony (INA § 101(a)(43)), in the United States or elsewhere?
question-conduct-particularly_serious_crime = Has the applicant been convicted of a crime that is particularly serious? (Attorney's judgment, case by case: the nature of the conviction, the sentence and the circumstances, Matter of N-A-M-, 24 I&N Dec. 336 (BIA 2007). For withholding, this decides an aggravated felony with a sentence under five years that is not drug trafficking.)
question-conduct-drug_trafficking = Was the aggravated felony illicit trafficking in a controlled substance? (Such a felony is presumed particularly serious, whatever the sentence: Matter of Y-L-, A-G- & R-S-R-, 23 I&N Dec. 270 (A.G. 2002).)
question-conduct-sentence_years = For aggravated felonies, what was the total prison sentence imposed, in years (the sentence, not the time served)?
question-conduct-serious_nonpolitical_crime = Is there reason to believe the applicant committed a serious nonpolitical crime outside the United States?
question-conduct-danger_to_security = Is there any reason to regard the applicant as a danger to the security of the United States?
question-conduct-terrorist_activity = Has the applicant ever engaged in, supported, or given material support to terrorist activity or a terrorist organization (INA § 212(a)(3)(B)), even under duress?
question-resettlement-offered_permanent_status = Before coming to the United States, did any other country offer the applicant permanent residence, citizenship, or another permanent status?
question-resettlement-stay_necessary_for_flight = Was the applicant in that country only as a necessary step in fleeing, staying only as long as needed to arrange onward travel, without building significant ties there?
question-resettlement-restrictive_conditions = Were the applicant's living conditions in that country so restricted by its authorities that the applicant was not really resettled there?
question-family-relation = Is { $p } the applicant's spouse or child?
question-family-birth_date = What is the date of birth of { $p }?
question-family-married = Is { $p } married?
question-family-relationship_began = When did the relationship with { $p } begin (the date of marriage, or of birth or adoption)?
question-family-conceived_before_grant = Was { $p } already conceived (in utero) on the day asylum was granted?
question-removal-prior_order = Has the applicant ever been ordered removed, deported or excluded from the United States?
question-removal-reinstated = Has DHS reinstated that earlier removal order (INA § 241(a)(5)), for example after a return without permission?
question-removal-frivolous_finding = Did an immigration judge or the Board find an earlier asylum application knowingly frivolous (INA § 208(d)(6))?
question-removal-in_proceedings = Is the applicant in removal proceedings before an immigration judge now?
question-family_unity = In removal proceedings: would the applicant be granted asylum but for the lawful-pathways rule, and be granted withholding of removal, with a spouse or child who would otherwise be separated (the family-unity provision, 8 C.F.R. § 1208.33(c))?

## Phrases the questions name

question-phrase-harm = the { $kind }{ $on } (harm { $id })
question-phrase-harm-past = the { $kind } the applicant suffered{ $on } (harm { $id })
question-phrase-harm-feared = the { $kind } the applicant fears{ $on } (harm { $id })
question-phrase-on-date = { " " }on { $date }
question-phrase-no-date = { "" }
question-phrase-arrival-dated = the arrival on { $date }
question-phrase-arrival-numbered = arrival { $n }
question-phrase-arrival-last = the last arrival
question-phrase-group-defined = "{ $definition }"
question-phrase-group = group { $id }
question-phrase-exception = the { $kind }
question-phrase-exception-unknown = this circumstance
question-phrase-family = the { $relation } { $id }
question-relation-spouse = spouse
question-relation-child = child
question-relation-unknown = family member
question-harm-kind-unknown = harm
question-harm-kind-fgm = female genital mutilation
question-harm-kind-torture = torture
question-harm-kind-sexual_violence = sexual violence
question-harm-kind-attempted_killing = attempted killing
question-harm-kind-serious_physical_harm = serious physical harm
question-harm-kind-forced_abortion = forced abortion
question-harm-kind-forced_sterilization = forced sterilization
question-harm-kind-detention = detention
question-harm-kind-death_threat = death threat
question-harm-kind-threat = threat
question-harm-kind-economic_deprivation = economic deprivation
question-harm-kind-property_destruction = property destruction
question-harm-kind-forced_recruitment = forced recruitment
question-harm-kind-forced_marriage = forced marriage
question-harm-kind-harm_to_family = harm to family
question-harm-kind-prosecution = prosecution
question-harm-kind-harassment = harassment
question-harm-kind-discrimination = discrimination
question-exception-kind-changed_country_conditions = changed country conditions
question-exception-kind-changed_law = changed law
question-exception-kind-changed_personal_circumstances = changed personal circumstances
question-exception-kind-lost_derivative_status = lost derivative status
question-exception-kind-serious_illness_or_disability = serious illness or disability
question-exception-kind-legal_disability = legal disability
question-exception-kind-ineffective_assistance = ineffective assistance
question-exception-kind-lawful_status = lawful status
question-exception-kind-rejected_then_refiled = rejected then refiled
question-exception-kind-death_or_illness_in_family = death or illness in family
question-ground-unknown = this reason
question-ground-race = race
question-ground-religion = religion
question-ground-nationality = nationality
question-ground-particular_social_group = particular social group
question-ground-political_opinion = political opinion
question-ground-coercive_population_control = coercive population control

## After the grant (issue 20): Form I-730, adjustment, travel, naturalization

question-family-humanitarian_reasons = The two years to file Form I-730 for { $p } have passed: are there humanitarian reasons for USCIS to accept the petition late (8 C.F.R. § 208.21(d))?
question-trips = Has the person left the United States since the grant of asylum? List every trip, with the dates of departure and return, the countries visited and the travel document used.
question-trips-departed = On what date did { $t } begin (the day of departure from the United States)?
question-trips-returned = On what date did { $t } end (the day of return to the United States)?
question-trips-countries = Which countries did the person visit on { $t }?
question-trips-document = On which document did the person travel on { $t }: a refugee travel document, advance parole, the permanent resident card, a passport of their own country, or another?
question-trips-residence_kept = About { $t }, which lasted more than six months: does the evidence show that the person kept their residence in the United States (a job, a home, family, taxes filed as a resident)?
question-after_grant-still_refugee = Does the asylee still fear persecution in the home country (or is the asylee still the spouse or child of a refugee)?
question-after_grant-firmly_resettled = Since the grant, has the asylee been offered permanent residence, citizenship or a similar status in another country?
question-after_grant-inadmissible = Does any ground of inadmissibility apply to the asylee (crimes, health, immigration violations, security: the eligibility and inadmissibility questions of Form I-485)?
question-after_grant-ground_waivable = Can that ground of inadmissibility be waived for an asylee (Form I-602, INA § 209(c)), that is, it is not drug trafficking or a security or terrorism ground?
question-after_grant-passport_renewed = Since the grant, has the asylee applied for, renewed or used a passport of the home country?
question-after_grant-protection_availed = Has the asylee voluntarily gone back to the home country to live there with permanent residence, or with a reasonable possibility of obtaining it (seeking its protection again)?
question-phrase-trip-dated = the trip that began on { $date }
question-phrase-trip-numbered = trip { $n }
