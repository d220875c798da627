# Las palabras de las vistas de una evaluación, fuera de las protecciones:
# resultados de los hallazgos, fechas, la familia, y los nombres de las fechas.

report-outcome-yes = sí
report-outcome-no = no
report-outcome-unknown = se desconoce
report-outcome-not_applicable = no se aplica

report-alert-overdue = vencido
report-alert-soon = en { $days } días o menos
report-days-today = hoy
report-days-ahead = { $days ->
    [one] en { $days } día
   *[other] en { $days } días
}
report-days-ago = { $days ->
    [one] hace { $days } día
   *[other] hace { $days } días
}

report-weekday-monday = lunes
report-weekday-tuesday = martes
report-weekday-wednesday = miércoles
report-weekday-thursday = jueves
report-weekday-friday = viernes
report-weekday-saturday = sábado
report-weekday-sunday = domingo

report-relation-spouse = cónyuge
report-relation-child = hijo o hija
report-relation-unknown = parentesco desconocido
report-path-included = incluido en el caso de la persona solicitante
report-path-follow_to_join = reunirse después (Formulario I-730)
report-path-none = ninguna
report-path-not-yet-known = todavía no se sabe
report-cspa-frozen = edad fijada en la fecha de presentación
report-cspa-not-protected = edad no protegida

# Los nombres de las fechas, por su id.
report-deadline-asylum-one_year = Plazo de un año para pedir asilo
report-deadline-ead-earliest_filing = Primer día para pedir el permiso de trabajo (Formulario I-765)
report-deadline-ead-earliest_grant = Primer día en que se puede conceder el permiso de trabajo
report-deadline-adjustment-eligible = Primer día para pedir la residencia permanente (Formulario I-485)
report-deadline-i730-deadline = Último día para presentar el Formulario I-730 para el cónyuge o un hijo
report-deadline-lpr-date = Fecha de residencia permanente registrada
report-deadline-naturalization-earliest_filing = Primer día para pedir la ciudadanía (Formulario N-400)
report-deadline-asylum-annual_fee = Vence la cuota anual del asilo
