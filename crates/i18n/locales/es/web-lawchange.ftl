# Los cambios de la ley: las palabras de las páginas, y qué cambió y por qué.
# Las notas de cambio y los títulos de las fuentes se citan como están, en inglés.

lawchange-banner-title = La ley cambió la evaluación de este caso
lawchange-banner-versions = Evaluado de nuevo con la ley { $law_to } (reglas { $rules_to }); antes se evaluó con la ley { $law_from } (reglas { $rules_from }).
lawchange-why = Por qué: { $why }
lawchange-source = fuente
lawchange-mark-reviewed = Marcar como revisado
lawchange-banner-note = Marcarlo como revisado quita este aviso para todo el equipo del caso; queda anotado en el registro de auditoría.
lawchange-every-case = Todos los casos que cambió la ley
lawchange-dashboard-title = { $cases ->
    [one] Cambiado por la ley { $law }: { $cases } caso
   *[other] Cambiados por la ley { $law }: { $cases } casos
}
lawchange-dashboard-case = Caso { $number }
lawchange-dashboard-note = Cada uno sigue en la lista hasta que alguien del caso lo marca como revisado.

lawchange-progress-title = Nueva evaluación con la ley { $law } (reglas { $rules })
lawchange-progress-running = En curso: { $current } de { $all } casos evaluados con esta ley y estas reglas; { $changed } cambiados hasta ahora. La página muestra el estado al abrirla: vuelva a cargarla para seguirlo.
lawchange-progress-done = { $current } de { $all } casos evaluados con esta ley y estas reglas.
lawchange-progress-left = Los que faltan se evalúan de nuevo la próxima vez que se inicie el servidor (o con refuge rescreen); un caso cuyos hechos el motor ahora rechaza conserva su evaluación anterior y muestra el error en su página.
lawchange-progress-failed = La última evaluación se detuvo: { $error }. Continuará en el próximo inicio.
lawchange-all-intro = Todos los cambios de la ley en sus casos, los más recientes primero, revisados o no.
lawchange-only-unreviewed = Solo los no revisados
lawchange-unreviewed-intro = { $cases ->
    [one] Cambiado por la ley { $law }, sin revisar: { $cases } caso.
   *[other] Cambiados por la ley { $law }, sin revisar: { $cases } casos.
}
lawchange-latest-listed = (se muestran los 1.000 cambios más recientes)
lawchange-open-to-review = Abra un caso para revisarlo.
lawchange-every-change = Todos los cambios, también los revisados
lawchange-nothing = No hay casos por revisar.
lawchange-col-case = Caso
lawchange-col-what = Qué cambió
lawchange-col-why = Por qué
lawchange-col-versions = Versiones
lawchange-col-reviewed = Revisado
lawchange-versions = ley { $law_from } → { $law_to }; reglas { $rules_from } → { $rules_to }
lawchange-reviewed-by = { $by }, { $at }
lawchange-not-yet = todavía no

lawchange-item-relief = { $name } (protección)
lawchange-item-warning = advertencia { $code }
lawchange-item-date = fecha { $id }
lawchange-none = nada
lawchange-warning-raised = emitida
lawchange-date = { $date_long }, { $status }
lawchange-date-fee = { $date_long }, { $status }, { $fee }
lawchange-cause-parameter = { $name }: antes { $before }; ahora { $after }
lawchange-cause-parameter-source = { $name }: antes { $before }; ahora { $after } (fuente: { $source })
lawchange-cause-law-data = cambiaron { $part } de los datos de la ley
lawchange-cause-law-data-note = cambiaron { $part } de los datos de la ley: { $note }
lawchange-part-holidays = los días festivos
lawchange-part-closings = los cierres
lawchange-part-warnings = las advertencias
lawchange-part-countries = los países
lawchange-cause-rules = cambiaron las reglas (versión { $from } → { $to })
lawchange-absent = ausente
lawchange-cause-unattributed = los datos de la ley cambiaron de { $from } a { $to }; el conjunto de parámetros de { $from } no se conserva, así que no se puede decir qué parte lo cambió
lawchange-not-set = sin valor
lawchange-period = { $value } desde el { $from_long }
lawchange-period-until = { $value } del { $from_long } al { $to_long }
lawchange-value-date = el { $date_long }
lawchange-unit-days = { $count ->
    [one] { $count } día
   *[other] { $count } días
}
lawchange-unit-months = { $count ->
    [one] { $count } mes
   *[other] { $count } meses
}
lawchange-unit-years = { $count ->
    [one] { $count } año
   *[other] { $count } años
}

# Cada parámetro de los datos de la ley, por su id.
lawchange-parameter-asylum-one_year-effective = El plazo de un año para pedir asilo se cuenta desde esta fecha para las llegadas anteriores
lawchange-parameter-asylum-one_year-years = Tiempo para pedir asilo después de la última llegada
lawchange-parameter-asylum-one_year_exception-lawful_status_unreasonable_months = Cuando termina un estatus legal (TPS, una visa, un parole), una demora de este número de meses naturales o más no es un plazo razonable
lawchange-parameter-asylum-one_year_exception-unreasonable_after_days = Una demora de más de este número de días después de la circunstancia se toma como no razonable, salvo que el profesional la juzgue razonable (regla prudente de Refuge)
lawchange-parameter-ead-filing_wait_days = Días después de presentar la solicitud antes de que la persona solicitante de asilo pueda pedir un permiso de trabajo
lawchange-parameter-ead-grant_wait_days = Días después de presentar la solicitud antes de que se pueda conceder un permiso de trabajo
lawchange-parameter-adjustment-wait_years = Presencia física después de la concesión del asilo antes del ajuste de estatus
lawchange-parameter-i730-window_years = Tiempo después de la concesión para presentar el Formulario I-730 por un cónyuge o un hijo (reunificación)
lawchange-parameter-lpr-rollback_years = La residencia permanente de un asilado se fecha este tiempo antes de la aprobación del ajuste
lawchange-parameter-naturalization-residence_years = Residencia continua como residente permanente antes de la naturalización
lawchange-parameter-naturalization-early_filing_days = Días antes del fin del periodo de residencia en que se puede presentar el Formulario N-400
lawchange-parameter-derivative-child_age_limit = Un hijo derivado debe tener menos de esta edad (edad congelada a la fecha de presentación según la CSPA)
lawchange-parameter-derivative-in_utero_days = Un hijo nacido más de este número de días después de la concesión se toma como concebido después de ella, salvo que los hechos digan otra cosa
lawchange-parameter-stca-effective = Acuerdo de Tercer País Seguro entre los EE. UU. y Canadá en vigor desde
lawchange-parameter-stca-additional_protocol = El Protocolo Adicional del Acuerdo de Tercer País Seguro alcanza los cruces entre puertos de entrada desde
lawchange-parameter-lawful_pathways-window_start = Circumvention of Lawful Pathways (elusión de las vías legales): primer día de las entradas cubiertas
lawchange-parameter-lawful_pathways-window_end = Circumvention of Lawful Pathways (elusión de las vías legales): último día de las entradas cubiertas
lawchange-parameter-securing_the_border-effective = La regla Securing the Border (8 C.F.R. § 208.35) se aplica a las entradas desde
lawchange-parameter-proclamation_10888-effective = La Proclamación 10888 (guaranteeing the states protection against invasion) se aplica a las entradas desde
lawchange-parameter-affirmative_hold-effective = Suspensión de USCIS de las solicitudes de asilo afirmativo pendientes desde
lawchange-parameter-work_permit_changes-effective = Se advierte de los cambios del permiso de trabajo para solicitantes de asilo (fin de las prórrogas automáticas, validez más corta) desde
lawchange-parameter-psg_precedents-effective = Se advierte de los precedentes de 2025 sobre grupos sociales determinados desde
lawchange-parameter-annual_fee-effective = Tarifa anual de asilo debida por las solicitudes pendientes desde
lawchange-parameter-fee-annual_asylum_usd = Tarifa anual de asilo, en dólares estadounidenses, por cada año que una solicitud sigue pendiente
lawchange-parameter-fee-asylum_application_usd = Tarifa, en dólares estadounidenses, para presentar el Formulario I-589
lawchange-parameter-fee-initial_ead_asylum_usd = Tarifa, en dólares estadounidenses, del primer permiso de trabajo de una persona solicitante de asilo (Formulario I-765)
