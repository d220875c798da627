# Common wording: the language's own name, dates, numbers and the notice.
# English is the source language: every message here must exist in every
# other language's folder (a test checks it).

language-name = English

# Dates written out: { $day }, { $month } (a month-N message) and { $year }.
date-long = { $month } { $day }, { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

# The separator of thousands in a whole number (12,500).
number-group-separator = ,

# The notice every human-facing output carries (the spec's wording).
notice-not-legal-advice = This assessment supports, and does not replace, the judgment of a qualified immigration attorney or accredited representative.
