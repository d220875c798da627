# Las palabras fijas de los PDF. Vea en/documents.ftl.

## Lo que comparten todos los documentos

doc-common-confidential = Confidencial: 8 C.F.R. § 208.6
doc-common-footer = Refuge: no es asesoría legal
doc-common-page = Página
doc-common-of = de
doc-common-notice = Aviso.
doc-common-cites = Citas:
doc-common-none = Ninguno.
doc-common-case_number = Número de caso
doc-common-client = Cliente
doc-common-prepared_by = Preparado por
doc-args-header-case = Caso { $number }
doc-args-header-no-number = Caso (sin número)
doc-language-english-name = Spanish

## El memorando de evaluación

doc-memo-title = Memorando de evaluación
doc-memo-facts_as_of = Hechos al
doc-memo-law = Ley
doc-args-memo-law_version = versión { $version }, revisada el { $date }
doc-memo-reasoning_note = El razonamiento legal detallado (la explicación de cada hallazgo, las razones de cada fecha y las advertencias) está escrito para el representante y está en inglés; la pregunta de cada hallazgo está en español.
doc-memo-reliefs = Tipos de protección
doc-memo-relief = Protección
doc-memo-outcome = Resultado
doc-memo-on_basis = con base en
doc-memo-no_finding = Ningún hallazgo lo decidió.
doc-memo-decided = Los hallazgos que los decidieron
doc-memo-because = Porque:
doc-memo-as_above = (como arriba)
doc-memo-other_findings = Otros hallazgos evaluados
doc-memo-dates = Plazos y fechas
doc-args-memo-by_date = Por fecha. Los días que faltan se cuentan desde el { $date }; un número negativo son días que ya pasaron.
doc-memo-date = Fecha
doc-memo-what = Qué
doc-memo-days_left = Días que faltan
doc-memo-status = estado:
doc-memo-questions = Preguntas pendientes
doc-memo-fact = Dato:
doc-memo-would_settle = Aclararía:
doc-memo-family = Familia
doc-memo-derivative = derivado
doc-memo-path = vía:
doc-memo-age_on_filing = Edad al presentar:
doc-memo-cspa = Ley de Protección del Estatus del Menor (CSPA):
doc-memo-warnings = Advertencias

## Las hojas de la entrevista

doc-practice-practice_title = Preguntas de práctica para la entrevista
doc-practice-bring_title = Qué llevar a la entrevista
doc-practice-client_copy = Copia del cliente
doc-practice-preparer_copy = Copia de quien prepara
doc-practice-client_copy_note = Preguntas de práctica: no son la lista del gobierno ni un guion. Responda con sus propias palabras, y dígalo cuando no sepa o no recuerde algo: nunca adivine.
doc-practice-preparer_copy_note = Solo para quien prepara: tiene las marcas y notas de las sesiones de práctica. La copia del cliente tiene las preguntas sin ellas.
doc-practice-element = Tema
doc-practice-about = Sobre
doc-practice-why = Por qué se pregunta
doc-practice-prepare = Qué preparar
doc-practice-explain = Sus papeles dicen dos cosas distintas aquí
doc-practice-statement = Declaración
doc-practice-reason = En la práctica de este caso porque
doc-practice-mark = Última marca
doc-practice-notes = Notas sobre la respuesta
doc-practice-not_practised = todavía no se practicó
doc-practice-sources = Fuentes
doc-practice-answer = Notas
doc-practice-no_questions = No hay preguntas: la práctica está vacía.
doc-practice-interview = La entrevista
doc-practice-not_recorded = todavía no se registró
doc-practice-bring_note = Lleve cada una de estas cosas. Marque cada una cuando la tenga lista.
doc-practice-ticked_note = Una casilla marcada se registró como lista en el expediente del caso.
doc-practice-nothing_to_bring = Nada en la lista.
doc-practice-forum = Dónde
doc-practice-date = Fecha
doc-practice-time = Hora
doc-practice-place = Lugar
doc-practice-officer = Oficial o juez
doc-practice-interpreter = Intérprete
doc-practice-language = Idioma del intérprete
doc-practice-ready = lista
doc-practice-needs_work = hay que practicar más
doc-args-practice-bank = Banco de preguntas { $version }, revisado el { $date }.
doc-args-practice-other_copy = Impreso en { $printed }. Estas hojas también se hacen en { $language }, el idioma del cliente: imprima esa copia para el cliente.
doc-args-practice-lang_note = Impreso en { $printed }: estas hojas todavía no existen en { $language }. Léaselas al cliente en un idioma que entienda.

## Las respuestas del I-589: se presentan en inglés; aquí solo sus títulos y notas.

doc-answers-title = Respuestas del Formulario I-589
doc-answers-as_of = Al
doc-args-answers-form_row = { $number } ({ $title }), con los números de la edición { $edition }
doc-answers-readiness = Listo para presentar
doc-answers-ready = Nada impide presentarla.
doc-answers-ready_note = Las advertencias, si hay, están abajo.
doc-args-answers-not_ready = { $count ->
    [one] NO ESTÁ LISTA PARA PRESENTAR: { $count } problema que lo impide.
   *[other] NO ESTÁ LISTA PARA PRESENTAR: { $count } problemas que lo impiden.
}
doc-answers-incomplete = Una solicitud que no responde cada pregunta del formulario está incompleta (8 C.F.R. § 208.3(c)(3)).
doc-answers-blocking = Problemas que impiden presentarla
doc-answers-warnings = Advertencias
doc-answers-edition = La edición del formulario
doc-answers-form = Formulario
doc-answers-numbered = Los números de las preguntas son los de la edición
doc-answers-edition_word = (edición)
doc-answers-not_verified = no se verificó
doc-answers-in_force = la edición vigente,
doc-answers-how_to_read = Las casillas marcadas NOT ANSWERED son respuestas obligatorias que el caso todavía no tiene. Una respuesta demasiado larga para su casilla dice “See continuation page N” y se imprime completa en las páginas de continuación del final (al estilo del Suplemento B).
doc-answers-number_not_verified = (número no verificado)
doc-answers-see_continuation = Vea la página de continuación
doc-answers-continuation = Página de continuación
doc-answers-supplement_b = (estilo del Suplemento B)
doc-answers-part = Parte
doc-answers-question = Pregunta

## El paquete de pruebas: se presenta en inglés.

doc-packet-title = Paquete de pruebas
doc-packet-exhibits = Pruebas
doc-packet-pages_of_exhibits = Páginas de pruebas
doc-packet-index = Índice de pruebas
doc-packet-exhibit = Prueba
doc-packet-description = Descripción
doc-packet-proves = Qué prueba
doc-packet-pages = Páginas
doc-packet-with_translation = Con traducción al inglés y certificado
doc-packet-pages_note = Las páginas son las del paquete (“Página N de M” al pie de cada página). Cada prueba va después de su hoja separadora, y cada una de sus páginas lleva su letra y su número de página dentro de la prueba. Una traducción va después de su original, con el certificado del traductor.
doc-packet-page_word = página
doc-packet-pages_word = páginas
doc-packet-of = de
doc-packet-translation = (traducción al inglés)
doc-packet-certificate = (certificado de traducción)

## El borrador de la declaración: su texto es el del expediente, en inglés.

doc-declaration-draft = Borrador.
