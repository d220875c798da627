# Cases: the list, a new case, the case page, its history and printable
# report (crates/web/src/cases/).

cases-list-title = Cases
cases-new-title = New case
cases-case-title = { $name }
cases-history-title = History: { $name }
