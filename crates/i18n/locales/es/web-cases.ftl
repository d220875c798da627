# Cases: the list, a new case, the case page, its history and printable
# report (crates/web/src/cases/).

cases-list-title = Casos
cases-new-title = Caso nuevo
cases-case-title = { $name }
cases-history-title = Historial: { $name }
cases-archived = Casos archivados
cases-export = Exportar la lista de casos (CSV)
cases-export-archived-included = , con los casos archivados.
cases-search-label = Nombre, número de caso o palabras de una nota o de los hechos (el relato de un daño, la definición de un grupo)
cases-due-any = cualquiera
cases-due-within = en { $days } días o vencido
cases-archived-filter = Archivados
cases-search = Buscar
cases-none-found = No se encontraron casos.
cases-open-first = Abra el primero
cases-col-client = Cliente
cases-col-number = Número de caso
cases-col-next-deadline = Próximo plazo
cases-col-last-change = Último cambio
cases-none = ninguno

cases-new-client-name = Nombre del cliente
cases-new-number = Número de caso (opcional; si no, el siguiente número del año)
cases-new-arrival = Fecha de la última llegada a los Estados Unidos (opcional)
cases-new-open = Abrir caso
cases-new-error-name = Nombre del cliente: escriba de 1 a 200 caracteres.
cases-new-error-number-long = Número de caso: 64 caracteres como máximo.
cases-new-error-number = Número de caso: { $problem }.
cases-new-error-arrival = Fecha de la última llegada: { $problem }.

cases-case-number = Caso { $number }
cases-facts-version = versión { $version } de los hechos
cases-assessed = evaluado al { $date } según la ley { $law }
cases-archived-mark = archivado
cases-action-interview = Seguir la entrevista
cases-action-facts = Editar los hechos
cases-action-application = Solicitud (I-589)
cases-action-readiness = ¿Lista para presentar?
cases-action-timeline = Cronología
cases-action-evidence = Lista de pruebas
cases-action-practice = Preparación para la entrevista
cases-action-calendar = Calendario (.ics)
cases-action-report = Informe para imprimir
cases-action-memo = Descargar el memorando (PDF)
cases-action-answers = Respuestas del I-589 (PDF)
cases-action-uploads = Archivos y anexos
cases-action-packet = Descargar el paquete de anexos (PDF)
cases-action-declaration-pdf = Borrador de la declaración (PDF)
cases-action-declaration-md = Borrador de la declaración (Markdown)
cases-action-facts-json = Hechos (JSON)
cases-undo-reopen = Deshacer: reabrir el caso
cases-facts-error = No se pueden evaluar los hechos guardados: { $problem }.
cases-facts-correct = Corríjalos
cases-assessment-full = La evaluación completa
cases-assessment-full-intro = Cada alivio, cada conclusión con sus citas, fechas, preguntas, familiares y advertencias.
cases-notes = Notas
cases-note-add-label = Agregar una nota
cases-note-add = Agregar nota
cases-note-edited = editada
cases-note-edit-or-remove = Editar o quitar
cases-note-text = Texto
cases-note-save = Guardar nota
cases-note-remove = Quitar nota
cases-tasks = Tareas
cases-tasks-none = Todavía no hay tareas.
cases-task-reopen = reabrir
cases-task-done = marcar como hecha
cases-task-new = Tarea nueva
cases-task-for = Para
cases-task-due = Vence
cases-task-add = Agregar tarea
cases-task-idea-act = Actuar antes del { $date }: { $what }
cases-task-idea-ask = Preguntar al cliente: { $question }
cases-team = Equipo
cases-team-remove = quitar
cases-team-everyone = Todos los usuarios activos están en el equipo.
cases-team-assign-label = Asignar a un colega
cases-team-choose = elija…
cases-team-assign = Asignar
cases-reopen = Reabrir caso
cases-archive = Archivar caso…
cases-archive-explain = Al archivar el caso { $number } ({ $name }), sale de la lista de casos, del panel y de los calendarios; no se borra nada, y se puede reabrir desde los casos archivados.
cases-archive-confirm = Sí, archivar el caso { $number }

# What the last action did, on the case page after it.
cases-done-archived = Caso archivado: ya no aparece en la lista de casos, en el panel ni en los calendarios. Puede deshacerlo abajo, o reabrirlo cuando quiera desde los casos archivados.
cases-done-reopened = Caso reabierto: vuelve a estar en la lista de casos y en el panel.
cases-done-note = Nota agregada.
cases-done-task = Tarea agregada: aparece en el panel de la persona asignada.
cases-done-note-edited = Nota guardada; su texto anterior se conserva en sus versiones.
cases-done-note-removed = Nota quitada; su texto se conserva en sus versiones y en el registro de auditoría.
cases-done-law-reviewed = El cambio de la ley quedó marcado como revisado (anotado en el registro de auditoría).
cases-done-team = Equipo actualizado.
cases-done-facts-unchanged = Hechos guardados como versión { $version }: no cambió nada.
cases-done-facts = Hechos guardados como versión { $version }: { $changes }.
cases-done-facts-many = Hechos guardados como versión { $version }: cambiaron { $count } hechos (vea el historial de los hechos).

cases-history-heading = Historial de los hechos
cases-history-fact = Hecho
cases-history-unknown = desconocido
cases-history-unchanged = Ningún cambio en los hechos.

cases-report-title = Caso { $number }: { $name } · Evaluación de Refuge
cases-report-heading = Evaluación de Refuge
cases-report-meta = Al { $date }; conjunto de parámetros legales { $law }, revisado el { $reviewed }.

# Refusals of the case page's small forms.
cases-error-note = una nota necesita de 1 a 20,000 caracteres
cases-error-note-edit = una nota necesita de 1 a 20,000 caracteres; para quitarla, use "Quitar nota"
cases-error-no-user = no hay ningún usuario llamado "{ $name }": vuelva atrás y elija un colega de la lista
cases-error-task-title = título: una tarea necesita de 1 a 300 caracteres
cases-error-task-due = vence: un día de la forma AAAA-MM-DD
cases-error-task-assignee = para: una tarea se asigna a alguien del equipo del caso
