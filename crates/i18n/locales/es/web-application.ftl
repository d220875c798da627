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
