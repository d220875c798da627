# The facts form and the client interview (crates/web/src/facts/).

facts-title = Hechos: { $name }
facts-interview-title = Entrevista: { $name }
facts-heading = Hechos
facts-intro = Ningún hecho es obligatorio: deje como desconocido lo que todavía no se sabe. Las valoraciones de sí o no marcadas "your judgment" son del profesional.
facts-sections = Secciones
facts-save = Guardar los hechos
facts-add-another = Agregar otro
facts-entry = Entrada { $n }
facts-add-ground = Agregar un motivo
facts-ground = Motivo { $n }
facts-remove-entry = Quitar esta entrada
facts-none-of = Ninguno: no hay { $what }
facts-empty = (vacío)
facts-not-saved = No se guardó nada: { $problem }.
facts-not-saved-errors = No se guardó nada; corrija lo que está marcado abajo ({ $errors }).
facts-not-saved-version-unknown = No se guardó nada: no se conoce la versión de los hechos de este formulario. Se muestran sus datos; guarde otra vez para aplicarlos.
facts-conflict-field = { $who } guardó “{ $theirs }” aquí mientras tanto; usted escribió “{ $mine }”. Guarde para conservar lo suyo, o cámbielo por lo de esa persona
facts-conflict = Todavía no se guardó nada: { $who } guardó estos hechos mientras tanto y cambió { $count ->
    [one] un hecho
   *[other] { $count } hechos
} que usted también cambió ({ $facts }). Abajo se conservan los otros cambios de esa persona y los suyos; elija el valor que quiere en cada campo marcado y guarde.

facts-interview-heading = Entrevista
facts-interview-saved = Guardado: { $fact }
facts-interview-recorded-label = Hechos anotados
facts-interview-of = { $done } de { $all }
facts-interview-progress = { $recorded } hechos anotados; { $open } { $open ->
    [one] pregunta abierta
   *[other] preguntas abiertas
}:
facts-interview-progress-split = { $client } para el cliente, en el orden de una entrevista inicial (quién es y dónde está la persona, su historia y después los impedimentos), y luego { $judgments } para la valoración del abogado (esta es la pregunta { $position }).
facts-interview-judgments = Para el abogado: valoraciones
facts-interview-judgment = Para la valoración del abogado
facts-interview-judgment-explain = , no es una pregunta para el cliente: es una evaluación legal de los hechos que da el cliente.
facts-interview-for-client = Para el cliente
facts-interview-client-words = En palabras del cliente (daño { $harm })
facts-interview-fact = Hecho
facts-interview-save-next = Guardar y seguir
facts-interview-skip = Saltar por ahora
facts-interview-why = Por qué preguntamos
facts-interview-why-intro = La respuesta puede resolver estas conclusiones, que quedan sin decidir hasta saberla:
facts-interview-law = Ley: { $cite }
facts-interview-none-open = No hay preguntas abiertas: todas las conclusiones que los hechos hacen pertinentes están decididas.
facts-interview-all-skipped = Usted saltó las preguntas abiertas que quedaban.
facts-interview-start-again = Empezar otra vez desde la primera
facts-interview-see-assessment = Ver la evaluación
facts-interview-blank = dé una respuesta, o elija "Saltar por ahora"
facts-interview-answered-meanwhile = otra persona respondió esta pregunta mientras tanto ({ $theirs }); revísela y responda otra vez
