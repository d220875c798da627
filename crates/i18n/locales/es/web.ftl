# The case workspace's frame: what every page shares (crates/web/templates/base.html),
# the roles, and the error pages. Ids start with web-.

web-skip-to-content = Ir al contenido
web-nav-label = Principal
web-nav-deadlines = Plazos
web-nav-cases = Casos
web-nav-changes = Cambios de la ley
web-nav-new-case = Caso nuevo
web-nav-settings = Ajustes
web-nav-users = Usuarios
web-nav-audit = Registro de auditoría
web-sign-out = Cerrar sesión
web-confidential = La información de asilo es confidencial (8 C.F.R. § 208.6). Refuge la guarda solo en este servidor.
web-notice = Aviso
web-back-to-start = Volver a la página de inicio

web-printed-by = Impreso por { $name }. Confidencial (8 C.F.R. § 208.6).
web-version = Versión { $version }
web-version-before = Antes
web-version-after = Después
web-version-removed = quitado

web-role-admin = administrador
web-role-attorney = abogado
web-role-staff = personal

# Error pages: the title is the status in words.
error-status = Error
error-status-400 = Solicitud incorrecta
error-status-403 = Acceso denegado
error-status-404 = No encontrado
error-status-409 = Conflicto
error-status-413 = Archivo demasiado grande
error-status-422 = Datos no válidos
error-status-429 = Demasiados intentos
error-status-500 = Error del servidor
error-status-503 = Servicio no disponible

error-no-cookie = Su navegador no guardó la cookie de Refuge, así que no se puede comprobar este formulario. Los navegadores guardan las cookies de Refuge solo por HTTPS o en esta misma computadora: abra Refuge por una dirección HTTPS (con un proxy TLS delante), o en http://127.0.0.1 en el servidor
error-not-found = no se encontró
error-forbidden = su rol no permite hacer esto
error-csrf = este formulario venció o no vino de Refuge; vuelva atrás, recargue la página y envíelo otra vez
error-rate-limited = demasiados intentos fallidos con este nombre desde esta dirección; espere 15 minutos y vuelva a intentarlo (puede entrar desde otro dispositivo)
error-codes-locked = demasiados códigos incorrectos para esta cuenta; espere 15 minutos y vuelva a entrar. Si no fue usted, alguien conoce su contraseña: cámbiela, o pida a un administrador que la cambie
error-server = algo salió mal en el servidor; no se guardó nada. Vuelva a intentarlo y avise a su administrador si sigue pasando
