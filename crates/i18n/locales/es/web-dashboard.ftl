# The dashboard: deadlines, tasks and interviews across the user's cases
# (crates/web/src/dashboard.rs).

dashboard-title = Plazos
dashboard-heading = Plazos de sus casos
dashboard-my-tasks = Mis tareas
dashboard-interviews = Entrevistas y audiencias
dashboard-case = caso { $number } ({ $name })
dashboard-due = vence el { $date }
dashboard-overdue = vencido
dashboard-within-30-days = en menos de 30 días
dashboard-in-days = en { $days } { $days ->
    [one] día
   *[other] días
}
dashboard-today = hoy
dashboard-at-time = a las { $time }
dashboard-hearing = Audiencia en la corte de inmigración
dashboard-interview = Entrevista en la oficina de asilo
dashboard-intro = Primero los más cercanos, al { $date }. Se resaltan las fechas vencidas y las de los próximos 30 días.
dashboard-met-hidden = Las fechas ya cumplidas no se muestran:
dashboard-show-all = mostrar todas las fechas
dashboard-hide-met = Ocultar las fechas ya cumplidas
dashboard-export = Exportar todas las fechas (CSV)
dashboard-no-dates = Todavía no hay fechas.
dashboard-open-case = Abra un caso
dashboard-record-arrival = y anote la llegada para ver su plazo de un año.
dashboard-col-date = Fecha
dashboard-col-days-left = Días restantes
dashboard-col-case = Caso
dashboard-col-what = Qué
dashboard-col-status = Estado
dashboard-pages = Páginas
dashboard-sooner = Fechas más cercanas
dashboard-later = Fechas más lejanas
dashboard-add-to-calendar = Agregar estas fechas a Outlook o Google Calendar

# A deadline's status, as the engine gives it.
deadline-status-met = cumplido
deadline-status-missed = no cumplido
deadline-status-upcoming = próximo
deadline-status-passed = pasado
