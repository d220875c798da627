# A user's own settings (crates/web/src/settings.rs).

settings-title = Ajustes
settings-status = Estado
settings-secret-once = Cópielo ahora: solo se muestra una vez.

settings-language = Idioma
settings-language-intro = El idioma de sus páginas: menús, botones, mensajes y fechas. Los documentos de un cliente siguen el idioma del cliente, no este.
settings-language-label = Idioma de sus páginas
settings-language-browser = El idioma de su navegador
settings-language-save = Guardar idioma
settings-language-saved = Idioma guardado.
settings-language-unknown = Idioma: { $code } no es un idioma que Refuge hable.

settings-calendar = Calendario
settings-calendar-intro = Una dirección secreta a la que Outlook, Google Calendar o Apple Calendar pueden suscribirse: todos los plazos de sus casos. Los eventos llevan el número de caso y el plazo, nunca el nombre ni los hechos del cliente. Cualquiera que tenga la dirección puede leerlos, así que no la comparta; cree una nueva para anular la anterior.
settings-calendar-exists = existe una dirección del calendario
settings-calendar-none = no hay dirección del calendario
settings-calendar-renew = Crear una dirección nueva (anula la anterior)
settings-calendar-make = Crear una dirección del calendario
settings-calendar-revoke = Anular el calendario
settings-calendar-address = La dirección de su calendario:

settings-time-zone = Zona horaria
settings-time-zone-chosen = Las horas en sus páginas (notas, historial, lista de casos, registro de auditoría) se muestran en { $zone }, la zona que usted eligió.
settings-time-zone-server = Las horas en sus páginas (notas, historial, lista de casos, registro de auditoría) se muestran en la zona horaria del servidor, { $zone }.
settings-time-zone-days = Las fechas (plazos, tareas) son días, iguales en todas partes.
settings-time-zone-label = Zona horaria (un nombre de la base de datos tz, como America/New_York; vacío: la del servidor)
settings-time-zone-save = Guardar zona horaria
settings-time-zone-unknown = Zona horaria: "{ $zone }" no es una zona horaria de la base de datos tz (por ejemplo, America/New_York).
settings-time-zone-saved = Zona horaria guardada: las horas se muestran en { $zone }.
settings-time-zone-saved-server = Zona horaria guardada: las horas se muestran en la zona horaria del servidor.

settings-password = Contraseña
settings-password-current = Contraseña actual
settings-password-new = Contraseña nueva (10 caracteres o más)
settings-password-change = Cambiar contraseña
settings-password-new-problem = Contraseña nueva: { $problem }.
settings-password-wrong = Contraseña actual: no es correcta.
settings-password-changed = Contraseña cambiada. Sus otras sesiones se cerraron.

settings-2fa-on = activado: al iniciar sesión se pide un código de su aplicación de autenticación
settings-2fa-off = desactivado: al iniciar sesión solo se pide su contraseña
settings-2fa-manage = Administrar el segundo factor

settings-api = Tokens de la API
settings-api-intro = Para programas que usan la API JSON en
settings-api-openapi = documento OpenAPI
settings-api-sent-as = enviado como
settings-api-name = Nombre
settings-api-created = Creado
settings-api-revoked = anulado el { $when }
settings-api-revoke = anular
settings-api-new-name = Nombre de un token nuevo
settings-api-make = Crear token
settings-api-made = Su token de la API "{ $name }":
settings-api-error-name = un token necesita un nombre de 1 a 100 caracteres
