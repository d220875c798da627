# The evidence checklist (crates/application/form/evidence.toml): each legal
# element's title (`evidence-element-<element>`) and each item's label
# (`evidence-item-<element>-<item>`), as the evidence page and the uploads page
# show them. The English is the checklist's own (a test holds them equal both
# ways: crates/web/src/application/evidence.rs); change it there, not here.


evidence-element-identity = Identity and nationality
evidence-item-identity-passport = Passport, every page (entry and exit stamps)
evidence-item-identity-national_id = National identity card
evidence-item-identity-birth_certificate = Birth certificate, or other civil record of birth
evidence-item-identity-identity_affidavits = Affidavits of people who know the applicant, with a copy of their identity documents

evidence-element-past_harm = The past harm, and that it rose to persecution
evidence-item-past_harm-declaration = The applicant's declaration: detailed, chronological, signed (with a translation certificate, or an interpreter's certificate that it was read back)
evidence-item-past_harm-medical_records = Medical records from the home country (hospital or clinic notes, prescriptions)
evidence-item-past_harm-forensic_evaluation = A forensic medical or psychological evaluation in the United States
evidence-item-past_harm-police_records = Police reports, arrest, court or detention records, summonses, warrants
evidence-item-past_harm-witness_affidavits = Affidavits or letters of witnesses (family, neighbours, party officials, clergy), each with a copy of the author's identity document
evidence-item-past_harm-photos_messages = Photos, videos, threatening messages (screenshots with their metadata, translated)

evidence-element-nexus = The nexus: a protected ground is at least one central reason for the harm
evidence-item-nexus-declaration = The applicant's declaration: what the persecutors said and did that shows their motive
evidence-item-nexus-membership_evidence = Membership cards, letters of the party, association or church, photos at events, publications
evidence-item-nexus-expert_declaration = An expert's declaration (the persecutors' motives; a group's social distinction), with the expert's CV
evidence-item-nexus-country_reports = Country reports and news on the treatment of people like the applicant

evidence-element-actor = The actor: the government, or a private actor it is unable or unwilling to control
evidence-item-actor-police_complaint = A police report or complaint receipt, and what came of it
evidence-item-actor-no_report_explanation = The applicant's explanation of why no report was made, or why it was futile
evidence-item-actor-impunity_reports = State Department and NGO reports on the authorities' part in such harm, or their failure to stop it

evidence-element-one_year = The filing within one year of the last arrival
evidence-item-one_year-entry_evidence = Evidence of the last arrival's date: the I-94, passport stamps, CBP or parole records
evidence-item-one_year-entry_affidavits = Affidavits of people who saw the applicant in the United States soon after the arrival, or travelled with them

evidence-element-one_year_exception = The exception to the one-year deadline, and filing within a reasonable period
evidence-item-one_year_exception-medical_records = Medical records of a serious illness or disability (physical or mental), with its dates
evidence-item-one_year_exception-status_records = Records of the lawful status, TPS or parole held until a reasonable period before filing
evidence-item-one_year_exception-changed_circumstances = Evidence of the changed circumstances (country reports and news, or the change in the applicant's life) and their dates
evidence-item-one_year_exception-lozada_documents = For ineffective assistance: the applicant's affidavit, notice to the former representative, and the complaint (Matter of Lozada)

evidence-element-fear = The fear of future harm, and country conditions
evidence-item-fear-declaration = The applicant's declaration: what is feared, from whom, and why
evidence-item-fear-recent_threats = Evidence of recent threats (messages, letters, witness affidavits)
evidence-item-fear-similarly_situated = Evidence that family members or people like the applicant were harmed (death certificates, news, letters)
evidence-item-fear-state_department_report = The State Department's Country Report on Human Rights Practices (and the International Religious Freedom Report), passages marked
evidence-item-fear-ngo_reports = NGO and intergovernmental reports (Human Rights Watch, Amnesty International, UNHCR eligibility guidelines) and news, current editions, passages marked
evidence-item-fear-expert_declaration = An expert's declaration on country conditions or the likelihood of torture, with the expert's CV

evidence-element-family = The family relationship of each spouse and child
evidence-item-family-marriage_certificate = Marriage certificate
evidence-item-family-birth_certificate = The child's birth certificate, naming the applicant as parent
evidence-item-family-identity_document = The family member's passport or identity document
