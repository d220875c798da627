# The client intake (issue 19, part 2): the pages a client opens through an
# intake link, on a phone, with no account; and the staff pages that make
# links and review the answers. The client's pages never state a legal
# conclusion: no eligibility, no relief, no deadline judgment.
# Questions: crates/web/intake/questions.toml names each id below.

## The client's pages

intake-page-title = Questions about your case
intake-welcome-intro = Your representative asked you to answer these questions. Answer what you know. If you do not know something, leave it empty.
intake-welcome-come-back = Your answers are saved on each page. You can stop and come back with this same link until { $date }.
intake-review-notice = Nothing you write here decides your case. Your representative will review this.
intake-confidential = What you write is private. Only the office helping you with your case sees it.
intake-steps = The steps
intake-step-answered = answered
intake-start = Start
intake-language = Language
intake-step-of = Step { $n } of { $total }
intake-save-next = Save and continue
intake-save = Save
intake-back = Back
intake-all-steps = All the steps
intake-yes = Yes
intake-no = No
intake-dont-know = I do not know
intake-saved = Your answers were saved.
intake-errors-heading = Some answers need a change. We kept what you wrote.
# How a client writes a date: `dmy` (day/month/year) or `mdy` (month/day/year).
# The hint and the error below must say the same order.
intake-date-order = mdy
intake-date-hint = Month/day/year, for example 05/21/1990
intake-error-date = We cannot read this date. Write it as month/day/year, for example 05/21/1990.
intake-error-date-future = This date is after today. Please check it.
intake-error-date-partial = We need the day too. If you do not remember the exact day, leave this empty: you can write the month or year in your own words at the end, and your representative will ask you.
intake-error-number = Write a number, for example 3.
intake-error-country = We do not know this country. Write its name, for example Honduras.
intake-error-countries = We do not know one of these countries. Write their names with commas between them, for example Guatemala, Mexico.
intake-error-choice = Choose one of the answers.
intake-error-too-long = This answer is too long. Please make it shorter.
intake-finish = Finish
intake-done-heading = Thank you
intake-done-text = Your answers were saved. Your representative will review this.
intake-done-change = You can change your answers with this link until { $date }.
intake-closed-heading = This link no longer works
intake-closed-text = This link has expired or was closed. The answers you gave were kept. If you need to answer more, ask the office helping you with your case for a new link.
intake-unknown-heading = This link does not work
intake-unknown-text = Check that you copied the whole link. If it still does not work, ask the office helping you with your case for a new link.
intake-too-many-heading = Please wait
intake-too-many-text = There were too many tries. Wait 15 minutes and try again.

## The screens

intake-screen-identity = About you
intake-screen-identity-intro = First, a few questions about you.
intake-screen-family = Your family
intake-screen-family-intro = Tell us about your husband or wife and your children, if you have them. Leave the rest empty.
intake-entry-family = Person { $n }
intake-screen-arrival = Coming to the United States
intake-screen-arrival-intro = Now, about the last time you came to the United States.
intake-screen-happened = What happened to you
intake-screen-happened-intro = Tell us about the things that happened to you in your country. Write only what you feel ready to share. You can talk about the rest with your representative.
intake-entry-happened = Event { $n }
intake-screen-fear = Your fear of going back
intake-screen-fear-intro = These questions are about what you are afraid could happen if you go back to your country.
intake-entry-fear = What you fear

## The questions

intake-q-birth-date = What is your date of birth?
intake-q-nationality = What country are you a citizen of?
intake-q-nationality-help = If you are a citizen of more than one country, write them all with commas between them.
intake-q-family-relation = Who is this person?
intake-q-family-relation-spouse = My husband or wife
intake-q-family-relation-child = My child
intake-q-family-birth-date = What is their date of birth?
intake-q-family-married = Is this person married?
intake-q-family-in-us = Is this person in the United States now?
intake-q-arrival-date = On what date did you last arrive in the United States?
intake-q-arrival-date-help = If you do not know the exact day, leave it empty and tell your representative.
intake-q-arrival-manner = How did you come in?
intake-q-arrival-manner-admitted = With a visa or other papers, and they let me in
intake-q-arrival-manner-paroled = They let me in with a parole paper (for example after a CBP One appointment)
intake-q-arrival-manner-presented-without-documents = At a border post, without papers to come in
intake-q-arrival-manner-without-inspection = I crossed without going through a border post
intake-q-arrival-from = From what country did you come into the United States?
intake-q-arrival-transit = What countries did you pass through on your way?
intake-q-arrival-transit-help = Write them in order, with commas between them. Leave it empty if you came straight from your country.
intake-q-arrival-appointment = Did you have an appointment at the border (CBP One)?
intake-q-in-court = Do you have a case before an immigration judge?
intake-q-in-court-help = For example, if you received a paper called "Notice to Appear".
intake-q-deported-before = Were you ever deported or ordered to leave the United States before?
intake-q-harm-date = On what date did it happen?
intake-q-harm-date-help = If you do not know the exact day, leave it empty and tell your representative the month or the year.
intake-q-harm-kind = What happened?
intake-q-harm-kind-death-threat = They threatened to kill me
intake-q-harm-kind-threat = They threatened me
intake-q-harm-kind-serious-physical-harm = They beat me or hurt my body badly
intake-q-harm-kind-attempted-killing = They tried to kill me
intake-q-harm-kind-sexual-violence = Sexual violence or abuse
intake-q-harm-kind-detention = They held me or locked me up
intake-q-harm-kind-forced-recruitment = They tried to force me to join them
intake-q-harm-kind-forced-marriage = They tried to force me to marry
intake-q-harm-kind-harm-to-family = They hurt someone in my family
intake-q-harm-kind-property-destruction = They destroyed my house or my things
intake-q-harm-kind-economic-deprivation = They took away my work, my land or my way to live
intake-q-harm-kind-harassment = They followed me or bothered me again and again
intake-q-harm-actor = Who did it?
intake-q-harm-actor-government = The police, the army or other people of the government
intake-q-harm-actor-non-state = A gang, a group or another person, not the government
intake-q-harm-injured = Were you hurt so badly that you needed a doctor?
intake-q-harm-detention-days = If they held you or locked you up: for how many days?
intake-q-harm-detention-days-help = Write a number. Leave it empty if they did not hold you.
intake-q-harm-narrative = Tell us what happened, in your own words.
intake-q-own-words = Is there anything else you want to tell us about what happened to you? Write it in your own words.
intake-q-own-words-help = Your representative will read it. It helps them understand your story.
intake-q-afraid = Are you afraid to go back to your country?
intake-q-fear-kind = What are you afraid could happen to you?
intake-q-fear-kind-death-threat = They would threaten to kill me
intake-q-fear-kind-serious-physical-harm = They would beat me or hurt my body badly
intake-q-fear-kind-attempted-killing = They would kill me
intake-q-fear-kind-sexual-violence = Sexual violence or abuse
intake-q-fear-kind-detention = They would hold me or lock me up
intake-q-fear-kind-forced-recruitment = They would force me to join them
intake-q-fear-kind-forced-marriage = They would force me to marry
intake-q-fear-kind-harm-to-family = They would hurt my family
intake-q-fear-actor = Who are you afraid of?
intake-q-fear-actor-government = The police, the army or other people of the government
intake-q-fear-actor-non-state = A gang, a group or another person, not the government
intake-q-fear-narrative = Why are you afraid? Tell us in your own words.
intake-q-relocation = Could you live safely in another part of your country?
intake-q-relocation-help = For example, in another city, far from the people you fear.

## The staff pages

intake-staff-title = Client intake
intake-staff-intro = The client answers this case's questions through a link, on a phone, with no account. Nothing they answer changes the facts until you accept it here; each decision is audited, and an accepted answer makes a new version of the facts.
intake-client-language = Client's language: { $language }
intake-link-language = Language of the link
intake-link-days = Days it works
intake-link-make = Make the link
intake-links = Links
intake-links-none = No link yet.
intake-col-made = Made
intake-col-language = Language
intake-col-until = Works until
intake-col-status = Status
intake-col-last-answer = Last answer
intake-status-open = open
intake-status-expired = expired
intake-status-revoked = revoked by { $user }
intake-revoke = Revoke
intake-queue = Answers to review ({ $count })
intake-queue-none = No answer waits for review.
intake-col-now = Now in the case
intake-col-client = The client's answer
intake-now-unknown = not known
intake-as-typed = As typed: { $typed }
intake-accept = Accept
intake-reject = Reject
intake-edit-label = Or enter the value yourself
intake-edit = Save this value
intake-timeline-note = Accepted, it is added to the application's timeline as a source: the client's own words, verbatim.
intake-timeline-title = Intake answers, in the client's own words
intake-decided = Reviewed answers
intake-decision-accepted = accepted
intake-decision-edited = edited
intake-decision-rejected = rejected
intake-decided-by = { $decision } by { $user }, { $at }
intake-link-made-title = Give this link to the client
intake-link-made-once = This is the only time the link is shown: Refuge keeps only a fingerprint of it. Copy it, or print this page, now. If it is lost, revoke it and make a new one.
intake-link-message = A message to send or print, in the client's language:
intake-back-to-intake = Back to the client intake
intake-client-message = Your representative asks you to answer some questions about your case. Open this link on your phone: { $url } It works until { $date }. Do not share it with anyone.
intake-done-revoked = Link revoked: it no longer opens the intake. The answers given through it are kept.
intake-done-accepted = Answer accepted: the facts were saved as a new version.
intake-done-timeline = Answer accepted: the client's words were added to the timeline as a new version of the application.
intake-done-rejected = Answer rejected: the facts did not change.
intake-done-language = Client's language saved.
intake-error-days = Days it works: a whole number from 1 to 60.
intake-error-language = Language: choose one of the languages Refuge speaks.
intake-error-changed = The client changed this answer since the page was opened: read it again below, then decide.
intake-error-decision = This answer could not be saved: { $message }
intake-case-link = Client intake
intake-case-pending = { $count ->
    [one] 1 answer to review
   *[other] { $count } answers to review
}
intake-case-language-label = Client's language
intake-case-language-save = Save
