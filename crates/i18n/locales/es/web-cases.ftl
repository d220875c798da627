# Cases: the list, a new case, the case page, its history and printable
# report (crates/web/src/cases/).

cases-list-title = Casos
cases-new-title = Caso nuevo
cases-case-title = { $name }
cases-history-title = Historial: { $name }
