# Los calendarios (suscripciones iCalendar), en el idioma del usuario.

calendar-name-case = Refuge: caso { $number }
calendar-name-all = Plazos de Refuge
calendar-summary = { $label } (caso { $number })
calendar-description = { $id }: { $label }. Estado en la última evaluación: { $status }. Revise el caso en Refuge antes de actuar.
calendar-in-days = { $days ->
    [1] Mañana
    [7] En una semana
   *[other] En { $days } días
}
calendar-hearing = Audiencia en la corte de inmigración
calendar-interview = Entrevista en la oficina de asilo
calendar-at = { $what } a las { $time }
calendar-task-due = Vence una tarea (abra Refuge para verla)
