# La entrevista inicial del cliente (issue 19, parte 2): las páginas que el
# cliente abre con su enlace, en el teléfono, sin cuenta; y las páginas del
# personal que crean enlaces y revisan las respuestas. Las páginas del
# cliente nunca dicen una conclusión legal.
# Preguntas: crates/web/intake/questions.toml nombra cada id.

## Las páginas del cliente

intake-page-title = Preguntas sobre su caso
intake-welcome-intro = Su representante le pide que conteste estas preguntas. Conteste lo que sepa. Si no sabe algo, déjelo en blanco.
intake-welcome-come-back = Sus respuestas se guardan en cada página. Puede parar y volver con este mismo enlace hasta el { $date }.
intake-review-notice = Nada de lo que escriba aquí decide su caso. Su representante lo va a revisar.
intake-confidential = Lo que usted escribe es privado. Solo lo ve la oficina que le ayuda con su caso.
intake-steps = Los pasos
intake-step-answered = contestado
intake-start = Empezar
intake-language = Idioma
intake-step-of = Paso { $n } de { $total }
intake-save-next = Guardar y seguir
intake-save = Guardar
intake-back = Atrás
intake-all-steps = Todos los pasos
intake-yes = Sí
intake-no = No
intake-dont-know = No sé
intake-saved = Sus respuestas se guardaron.
intake-errors-heading = Algunas respuestas necesitan un cambio. Guardamos lo que usted escribió.
# Cómo escribe una fecha el cliente: `dmy` (día/mes/año) o `mdy` (mes/día/año).
# La ayuda y el error de abajo deben decir el mismo orden.
intake-date-order = dmy
intake-date-hint = Día/mes/año, por ejemplo 21/05/1990
intake-error-date = No podemos leer esta fecha. Escríbala así: día/mes/año, por ejemplo 21/05/1990.
intake-error-date-future = Esta fecha es después de hoy. Por favor, revísela.
intake-error-date-partial = Necesitamos también el día. Si no recuerda el día exacto, deje esto en blanco: puede escribir el mes o el año con sus propias palabras al final, y su representante se lo preguntará.
intake-error-number = Escriba un número, por ejemplo 3.
intake-error-country = No conocemos este país. Escriba su nombre, por ejemplo Honduras.
intake-error-countries = No conocemos uno de estos países. Escriba los nombres con comas entre ellos, por ejemplo Guatemala, México.
intake-error-choice = Escoja una de las respuestas.
intake-error-too-long = Esta respuesta es muy larga. Por favor, hágala más corta.
intake-finish = Terminar
intake-done-heading = Gracias
intake-done-text = Sus respuestas se guardaron. Su representante lo va a revisar.
intake-done-change = Puede cambiar sus respuestas con este enlace hasta el { $date }.
intake-closed-heading = Este enlace ya no funciona
intake-closed-text = Este enlace venció o fue cerrado. Las respuestas que usted dio se guardaron. Si necesita contestar más, pida un enlace nuevo a la oficina que le ayuda con su caso.
intake-unknown-heading = Este enlace no funciona
intake-unknown-text = Revise que copió el enlace completo. Si todavía no funciona, pida un enlace nuevo a la oficina que le ayuda con su caso.
intake-too-many-heading = Por favor, espere
intake-too-many-text = Hubo demasiados intentos. Espere 15 minutos y vuelva a intentar.

## Las pantallas

intake-screen-identity = Sobre usted
intake-screen-identity-intro = Primero, unas preguntas sobre usted.
intake-screen-family = Su familia
intake-screen-family-intro = Cuéntenos de su esposo o esposa y de sus hijos, si los tiene. Deje lo demás en blanco.
intake-entry-family = Persona { $n }
intake-screen-arrival = Su llegada a los Estados Unidos
intake-screen-arrival-intro = Ahora, sobre la última vez que usted llegó a los Estados Unidos.
intake-screen-happened = Lo que le pasó
intake-screen-happened-intro = Cuéntenos las cosas que le pasaron en su país. Escriba solo lo que se sienta listo para contar. Lo demás lo puede hablar con su representante.
intake-entry-happened = Hecho { $n }
intake-screen-fear = Su miedo a regresar
intake-screen-fear-intro = Estas preguntas son sobre lo que usted tiene miedo de que le pase si regresa a su país.
intake-entry-fear = Lo que usted teme

## Las preguntas

intake-q-birth-date = ¿Cuál es su fecha de nacimiento?
intake-q-nationality = ¿De qué país es usted ciudadano?
intake-q-nationality-help = Si es ciudadano de más de un país, escríbalos todos con comas entre ellos.
intake-q-family-relation = ¿Quién es esta persona?
intake-q-family-relation-spouse = Mi esposo o esposa
intake-q-family-relation-child = Mi hijo o hija
intake-q-family-birth-date = ¿Cuál es su fecha de nacimiento?
intake-q-family-married = ¿Esta persona está casada?
intake-q-family-in-us = ¿Esta persona está ahora en los Estados Unidos?
intake-q-arrival-date = ¿En qué fecha llegó usted a los Estados Unidos la última vez?
intake-q-arrival-date-help = Si no sabe el día exacto, déjelo en blanco y dígaselo a su representante.
intake-q-arrival-manner = ¿Cómo entró?
intake-q-arrival-manner-admitted = Con visa u otros papeles, y me dejaron entrar
intake-q-arrival-manner-paroled = Me dejaron entrar con un permiso de parole (por ejemplo, después de una cita de CBP One)
intake-q-arrival-manner-presented-without-documents = Por un puesto de la frontera, sin papeles para entrar
intake-q-arrival-manner-without-inspection = Crucé sin pasar por un puesto de la frontera
intake-q-arrival-from = ¿Desde qué país entró a los Estados Unidos?
intake-q-arrival-transit = ¿Por qué países pasó en el camino?
intake-q-arrival-transit-help = Escríbalos en orden, con comas entre ellos. Déjelo en blanco si vino directo de su país.
intake-q-arrival-appointment = ¿Tenía una cita en la frontera (CBP One)?
intake-q-in-court = ¿Tiene un caso ante un juez de inmigración?
intake-q-in-court-help = Por ejemplo, si recibió un papel que se llama "Notice to Appear" (Notificación de comparecencia).
intake-q-deported-before = ¿Alguna vez lo deportaron o le ordenaron salir de los Estados Unidos?
intake-q-harm-date = ¿En qué fecha pasó?
intake-q-harm-date-help = Si no sabe el día exacto, déjelo en blanco y dígale a su representante el mes o el año.
intake-q-harm-kind = ¿Qué pasó?
intake-q-harm-kind-death-threat = Me amenazaron de muerte
intake-q-harm-kind-threat = Me amenazaron
intake-q-harm-kind-serious-physical-harm = Me golpearon o me hicieron daño grave en el cuerpo
intake-q-harm-kind-attempted-killing = Trataron de matarme
intake-q-harm-kind-sexual-violence = Violencia o abuso sexual
intake-q-harm-kind-detention = Me detuvieron o me encerraron
intake-q-harm-kind-forced-recruitment = Trataron de obligarme a unirme a ellos
intake-q-harm-kind-forced-marriage = Trataron de obligarme a casarme
intake-q-harm-kind-harm-to-family = Le hicieron daño a alguien de mi familia
intake-q-harm-kind-property-destruction = Destruyeron mi casa o mis cosas
intake-q-harm-kind-economic-deprivation = Me quitaron el trabajo, la tierra o la manera de vivir
intake-q-harm-kind-harassment = Me seguían o me molestaban una y otra vez
intake-q-harm-actor = ¿Quién lo hizo?
intake-q-harm-actor-government = La policía, el ejército u otras personas del gobierno
intake-q-harm-actor-non-state = Una pandilla, un grupo u otra persona, no el gobierno
intake-q-harm-injured = ¿Le hicieron tanto daño que necesitó un médico?
intake-q-harm-detention-days = Si lo detuvieron o lo encerraron: ¿cuántos días?
intake-q-harm-detention-days-help = Escriba un número. Déjelo en blanco si no lo detuvieron.
intake-q-harm-narrative = Cuéntenos lo que pasó, con sus propias palabras.
intake-q-own-words = ¿Hay algo más que quiera contarnos sobre lo que le pasó? Escríbalo con sus propias palabras.
intake-q-own-words-help = Su representante lo va a leer. Le ayuda a entender su historia.
intake-q-afraid = ¿Tiene miedo de regresar a su país?
intake-q-fear-kind = ¿Qué tiene miedo de que le pase?
intake-q-fear-kind-death-threat = Me amenazarían de muerte
intake-q-fear-kind-serious-physical-harm = Me golpearían o me harían daño grave en el cuerpo
intake-q-fear-kind-attempted-killing = Me matarían
intake-q-fear-kind-sexual-violence = Violencia o abuso sexual
intake-q-fear-kind-detention = Me detendrían o me encerrarían
intake-q-fear-kind-forced-recruitment = Me obligarían a unirme a ellos
intake-q-fear-kind-forced-marriage = Me obligarían a casarme
intake-q-fear-kind-harm-to-family = Le harían daño a mi familia
intake-q-fear-actor = ¿A quién le tiene miedo?
intake-q-fear-actor-government = A la policía, al ejército o a otras personas del gobierno
intake-q-fear-actor-non-state = A una pandilla, a un grupo o a otra persona, no al gobierno
intake-q-fear-narrative = ¿Por qué tiene miedo? Cuéntenos con sus propias palabras.
intake-q-relocation = ¿Podría vivir seguro en otra parte de su país?
intake-q-relocation-help = Por ejemplo, en otra ciudad, lejos de las personas a las que les tiene miedo.

## Las páginas del personal

intake-staff-title = Entrevista inicial del cliente
intake-staff-intro = El cliente contesta las preguntas de este caso con un enlace, en el teléfono, sin cuenta. Nada de lo que conteste cambia los hechos hasta que usted lo acepte aquí; cada decisión queda en el registro de auditoría, y una respuesta aceptada crea una nueva versión de los hechos.
intake-client-language = Idioma del cliente: { $language }
intake-link-language = Idioma del enlace
intake-link-days = Días que funciona
intake-link-make = Crear el enlace
intake-links = Enlaces
intake-links-none = Todavía no hay enlaces.
intake-col-made = Creado
intake-col-language = Idioma
intake-col-until = Funciona hasta
intake-col-status = Estado
intake-col-last-answer = Última respuesta
intake-status-open = abierto
intake-status-expired = vencido
intake-status-revoked = cerrado por { $user }
intake-revoke = Cerrar
intake-queue = Respuestas por revisar ({ $count })
intake-queue-none = No hay respuestas por revisar.
intake-col-now = Ahora en el caso
intake-col-client = La respuesta del cliente
intake-now-unknown = no se sabe
intake-as-typed = Como lo escribió: { $typed }
intake-accept = Aceptar
intake-reject = Rechazar
intake-edit-label = O escriba usted el valor
intake-edit = Guardar este valor
intake-timeline-note = Si se acepta, se agrega a la cronología de la solicitud como una fuente: las palabras del cliente, tal como las escribió.
intake-timeline-title = Respuestas de la entrevista inicial, con las palabras del cliente
intake-decided = Respuestas revisadas
intake-decision-accepted = aceptada
intake-decision-edited = corregida
intake-decision-rejected = rechazada
intake-decided-by = { $decision } por { $user }, { $at }
intake-link-made-title = Entregue este enlace al cliente
intake-link-made-once = Esta es la única vez que se muestra el enlace: Refuge guarda solo una huella de él. Cópielo, o imprima esta página, ahora. Si se pierde, ciérrelo y cree uno nuevo.
intake-link-message = Un mensaje para enviar o imprimir, en el idioma del cliente:
intake-back-to-intake = Volver a la entrevista inicial del cliente
intake-client-message = Su representante le pide que conteste unas preguntas sobre su caso. Abra este enlace en su teléfono: { $url } Funciona hasta el { $date }. No se lo dé a nadie.
intake-done-revoked = Enlace cerrado: ya no abre la entrevista. Las respuestas dadas con él se guardan.
intake-done-accepted = Respuesta aceptada: los hechos se guardaron como una nueva versión.
intake-done-timeline = Respuesta aceptada: las palabras del cliente se agregaron a la cronología como una nueva versión de la solicitud.
intake-done-rejected = Respuesta rechazada: los hechos no cambiaron.
intake-done-language = Se guardó el idioma del cliente.
intake-error-days = Días que funciona: un número entero del 1 al 60.
intake-error-language = Idioma: escoja uno de los idiomas que Refuge habla.
intake-error-changed = El cliente cambió esta respuesta después de que se abrió la página: léala otra vez abajo y luego decida.
intake-error-decision = No se pudo guardar esta respuesta: { $message }
intake-case-link = Entrevista inicial del cliente
intake-case-pending = { $count ->
    [one] 1 respuesta por revisar
   *[other] { $count } respuestas por revisar
}
intake-case-language-label = Idioma del cliente
intake-case-language-save = Guardar
