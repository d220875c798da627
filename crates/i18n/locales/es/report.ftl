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

report-status-met = cumplida
report-status-missed = incumplida
report-status-upcoming = próxima
report-status-passed = pasada
report-status-exempt = exenta

# Las palabras fijas de las secciones de la evaluación en una página (la
# página del caso, el informe para imprimir).
report-html-reliefs = Tipos de protección
report-html-on-basis = con base en { $basis }
report-html-decided-by = Lo decidieron:
report-html-no-finding = Ningún hallazgo lo decidió.
report-html-findings = Hallazgos
report-html-findings-decisive = Hallazgos que decidieron las protecciones
report-html-findings-open = Cada hallazgo se abre para mostrar por qué, sus citas y los hallazgos en que se apoya.
report-html-findings-other = Otros hallazgos evaluados
report-html-none = Ninguno.
report-html-because = Porque:
report-html-cites = Cita:
report-html-depends-on = Depende de:
report-html-shown-above = (como arriba)
report-html-dates = Plazos y fechas
report-html-dates-caption = Por fecha. Los días que faltan se cuentan desde el { $as_of }; un número negativo son días pasados.
report-html-date = Fecha
report-html-what = Qué
report-html-status = Estado
report-html-days-left = Días que faltan
report-html-attention = Atención
report-html-why-date = Por qué esta fecha
report-html-questions = Preguntas pendientes
report-html-questions-order = Qué preguntar ahora: primero la pregunta que podría resolver más protecciones.
report-html-fact = Dato:
report-html-would-settle = Aclararía:
report-html-family = Familia
report-html-family-caption = Estatus derivado de cada familiar.
report-html-member = Familiar
report-html-relation = Parentesco
report-html-derivative = Derivado
report-html-path = Vía
report-html-age = Edad al presentar
report-html-cspa = Ley de Protección del Estatus del Menor (CSPA)
report-html-why = Por qué
report-html-not-given = no consta
report-html-warnings = Advertencias
report-html-next = Qué hacer ahora
report-html-no-date = Aún no hay una fecha en la que actuar.
report-html-top-questions = Las preguntas que más resolverían:
report-html-more-questions = y { $count } más.
report-html-standing = Cómo está el caso
