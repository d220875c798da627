# The application (Form I-589) pages: the form, "Ready to file?", the
# timeline, the evidence and the history (crates/web/src/application/).

application-title = Solicitud: { $name }
application-readiness-title = ¿Lista para presentar? { $name }
application-timeline-title = Cronología: { $name }
application-evidence-title = Pruebas: { $name }
application-history-title = Historial de la solicitud: { $name }
application-history-item = Pregunta
application-history-not-answered = sin respuesta
application-history-unchanged = Ningún cambio en la solicitud.
application-heading = Solicitud (Formulario I-589)
application-intro = Mientras trabaja, ninguna pregunta es obligatoria: deje en blanco lo que todavía no tiene respuesta, y escriba N/A, None o Unknown donde el formulario pide una respuesta y nada aplica. Lo que ya está en los hechos se muestra aquí y no se escribe dos veces: cámbielo en los hechos.
application-version = Versión { $version }, guardada por { $name }, { $when }
application-history-link = historial
application-not-saved = Todavía no se ha guardado.
application-saved = Solicitud guardada (versión { $version }).
application-see-ready = Ver si está lista para presentar
application-parts = Partes
application-save = Guardar la solicitud
application-edition = Formulario { $form } (edición { $edition }; números de pregunta de la edición { $numbering })
application-edition-unverified = Formulario { $form } (edición { $edition }, sin verificar: revise uscis.gov/i-589 antes de presentar; números de pregunta de la edición { $numbering })
application-not-entered = todavía no se anotó
application-entered = { $count } anotados
application-yes = sí
application-no = no
application-edit-in-facts = Editar en los hechos
application-family-member = Familiar { $id } ({ $relation })
application-arrival-entry = Entrada de la llegada { $n }
application-row = Fila { $n }
application-someone = otra persona
application-saved-meanwhile = No se guardó nada: { $who } guardó esta solicitud mientras tanto (versión { $version }). Sus datos se muestran sobre esa versión; guarde otra vez para conservarlos.
application-history-heading = Historial de la solicitud
application-history-none = La solicitud todavía no se ha guardado.

application-checks-of = Las revisiones de
application-checks-stored = , sobre los hechos y la solicitud guardados
application-checks-as-of = , sobre los hechos y la solicitud guardados, al { $date }
application-edit = Editar la solicitud
application-cannot-check = No se puede revisar la solicitud: { $problem }.
application-correct-it = Corregirlo
application-nothing-blocks = Nada impide presentarla.
application-warnings-to-review = { $count } { $count ->
    [one] advertencia
   *[other] advertencias
} por revisar
application-checks-waiting = , { $count } { $count ->
    [one] revisión espera
   *[other] revisiones esperan
} datos
application-not-ready = No está lista para presentar:
application-blocking-issues = { $count } { $count ->
    [one] problema que lo impide
   *[other] problemas que lo impiden
}.
application-blocking = Lo impiden ({ $count })
application-blocking-explain = La solicitud sería rechazada, o es legalmente incorrecta.
application-warnings = Advertencias ({ $count })
application-warnings-explain = Un riesgo para la credibilidad, o algo que confirmar.
application-waiting = Esperan datos ({ $count })
application-waiting-explain = Estas revisiones todavía no pueden decidir; ninguna impide presentar la solicitud.
application-none = Ninguno.
application-authority = Fundamento: { $authority }

application-evidence-intro = Cada elemento en que se basa este caso, las pruebas para él y en qué estado está cada una
application-evidence-checklist-version = (lista { $version })
application-evidence-saves = Un cambio de estado guarda una versión nueva de la solicitud.
application-evidence-saved = Estado guardado (versión { $version } de la solicitud).
application-evidence-cannot = No se puede hacer la lista: { $problem }.
application-evidence-alone = Solo con el testimonio ({ $count })
application-evidence-all-corroborated = Cada conclusión tiene alguna prueba que la respalda, en mano o traducida.
application-evidence-alone-lead = Estas conclusiones se basan solo en el testimonio del solicitante:
application-evidence-alone-explain = ningún elemento en que se basan tiene una prueba que lo respalde en mano. Cuando esa prueba se puede conseguir razonablemente, quien decide puede exigirla (INA § 208(b)(1)(B)(ii)); consígala, o anote por qué no se puede conseguir.
application-evidence-elements = Elementos ({ $count })
application-evidence-not-corroborated = (sin respaldo)
application-evidence-findings = Conclusiones
application-evidence-testimony-alone = solo testimonio
application-evidence-for = Las pruebas de { $element }
application-evidence-col-evidence = Prueba
application-evidence-own-account = (el relato del propio solicitante)
application-evidence-attached = Adjuntos
application-evidence-needs-translation = necesita una traducción certificada
application-evidence-shows = Dice
application-evidence-born = nacido el { $date }
application-evidence-why-not = Por qué no se puede conseguir
application-evidence-name-shown = Nombre como aparece en el documento
application-evidence-birth-shown = Fecha de nacimiento como aparece en el documento
application-evidence-status-needed = falta
application-evidence-status-requested = pedida
application-evidence-status-in-hand = en mano
application-evidence-status-translated = traducida
application-evidence-status-not-obtainable = no se puede conseguir
application-evidence-meanwhile = No se guardó nada: la solicitud se guardó mientras tanto (versión { $version }). Su elección se muestra sobre ella; guarde otra vez para conservarla.
application-evidence-bad-status = No se guardó nada: "{ $status }" no es un estado de la lista.
application-evidence-say-why = No se guardó nada: diga por qué no se puede conseguir razonablemente (INA § 208(b)(1)(B)(ii)).
application-evidence-bad-date = No se guardó nada: "{ $date }" no es una fecha (AAAA-MM-DD).

application-timeline-intro = Los hechos de la historia en orden de fecha, con lo que dice cada fuente de cada uno, y donde las fuentes no coinciden, las dos declaraciones lado a lado con las circunstancias en que se tomó cada una. Para imprimirla, use la impresión del navegador: el menú no se imprime.
application-timeline-cannot = No se puede leer la cronología con los hechos del caso: { $problem }.
application-timeline-no-events = Todavía no hay sucesos
application-timeline-as-data = La cronología se anota como datos: cada fuente una vez (el I-589, una declaración, la declaración en la frontera, el registro de miedo creíble, las notas de testimonio), cada suceso una vez con su fecha (un año 2023, un mes 2023-10 o un día 2023-10-15), y lo que dice cada fuente de él.
application-timeline-through-api = Agréguela por la API, con un token creado en Ajustes:
application-timeline-docs = docs/application.md, "The timeline", describe cada campo; examples/application/complete.json tiene una completa.
application-timeline-disagree = Donde las fuentes no coinciden ({ $count })
application-timeline-agree = Ninguna fuente da a un suceso una fecha o un lugar distinto de otra.
application-timeline-the-event = El suceso
application-timeline-side-by-side = Las dos declaraciones lado a lado
application-timeline-its-words = Sus palabras
application-timeline-where-in-it = Dónde aparece
application-timeline-recorded = Registro
application-timeline-taken-on = Tomada el
application-timeline-also = Además
application-timeline-other-checks = Las otras revisiones de la cronología
application-timeline-events = Sucesos ({ $count })
application-timeline-date-unknown = Fecha desconocida
application-timeline-until = hasta { $date }
application-timeline-sources-disagree = (las fuentes no coinciden)
application-timeline-event = Suceso
application-timeline-people = personas
application-timeline-after = después de
application-timeline-no-statement = Todavía ninguna fuente habla de él.
application-timeline-each-source = Lo que dice cada fuente
application-timeline-circumstances = Circunstancias
application-timeline-taken = tomada el { $date }
application-timeline-not-recorded = no se anotó
application-timeline-not-claim-questions = sus preguntas no buscaban los detalles de una solicitud
application-timeline-interpreter-present = había un intérprete
application-timeline-no-interpreter = sin intérprete
application-timeline-verbatim = palabra por palabra
application-timeline-summary = un resumen de quien la tomó
application-timeline-facts-harm = Los hechos (daño { $harm })
application-timeline-facts-arrival = Los hechos (llegada { $n })
application-timeline-facts-not-statement = Lo que el profesional anotó como hechos; no es una declaración del solicitante.

application-evidence-of-harm = daño { $harm }
application-evidence-of-member = familiar { $member }

application-timeline-kind-harm = daño
application-timeline-kind-threat = amenaza
application-timeline-kind-departure = salida
application-timeline-kind-entry = entrada
application-timeline-kind-detention = detención
application-timeline-kind-move = mudanza
application-timeline-kind-other = otro
application-timeline-source-i589 = el I-589
application-timeline-source-declaration = la declaración
application-timeline-source-border_statement = la declaración en la frontera
application-timeline-source-credible_fear = el registro de la entrevista de miedo creíble
application-timeline-source-testimony = las notas del testimonio
application-timeline-source-document = el documento
application-timeline-source-other = la fuente
application-timeline-source-unknown = la fuente
application-timeline-relation-applicant = persona solicitante
application-timeline-relation-spouse = cónyuge
application-timeline-relation-child = hijo o hija
application-timeline-relation-mother = madre
application-timeline-relation-father = padre
application-timeline-relation-sibling = hermano o hermana
application-timeline-relation-other_family = otro familiar
application-timeline-relation-not_family = no es familiar
application-timeline-family-member = familiar { $id } ({ $relation })
