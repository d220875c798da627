# Signing in, the first-run setup and the second factor (crates/web/src/auth/).

auth-sign-in = Iniciar sesión
auth-user-name = Nombre de usuario
auth-password = Contraseña
auth-new-password = Contraseña (10 caracteres o más)
auth-language = Idioma
auth-wrong-password = El nombre de usuario o la contraseña no son correctos.
auth-no-account = Todavía no existe ninguna cuenta. Abra el enlace de configuración de un solo uso que el servidor mostró al iniciar.
auth-error-user-name = Nombre de usuario: { $problem }.
auth-error-password = Contraseña: { $problem }.

auth-setup-title = Primer inicio
auth-setup-heading = Crear el administrador
auth-setup-intro = Es la primera vez que Refuge se ejecuta en este servidor. Elija el nombre y la contraseña del primer administrador; después, este enlace deja de funcionar.
auth-setup-submit = Crear administrador
auth-setup-used = Este enlace de configuración ya se usó: la cuenta del administrador existe. Inicie sesión en /login; otro administrador puede restablecer una contraseña olvidada, o en el servidor con el comando refuge user add.
auth-setup-invalid = Este enlace de configuración no es válido. Use el enlace que el servidor mostró la última vez que inició (cada inicio muestra uno nuevo hasta que exista el administrador).

auth-second-factor = Segundo factor
auth-code-intro = Su contraseña es correcta. Ahora escriba el código que muestra su aplicación de autenticación para Refuge, o uno de sus códigos de recuperación.
auth-code-label = Código (seis dígitos) o código de recuperación
auth-code-lost = ¿Perdió su teléfono y sus códigos de recuperación? Un administrador puede restablecer su segundo factor.
auth-code-wrong = Ese código no es correcto. Escriba los seis dígitos que su aplicación de autenticación muestra ahora, o uno de sus códigos de recuperación.
auth-code-used = Ese código ya se usó. Espere a que su aplicación muestre el siguiente y escríbalo.

auth-2fa-intro = Con un segundo factor, para iniciar sesión se pide su contraseña y después un código de seis dígitos de una aplicación de autenticación en su teléfono (como Aegis, FreeOTP, Google Authenticator o 1Password): si alguien conoce su contraseña, aun así no puede entrar como usted.
auth-2fa-now-on = Su segundo factor está activado.
auth-2fa-recovery-codes = Estos son sus códigos de recuperación. Cada uno le permite entrar una vez, en lugar de un código, si pierde su teléfono. Cópielos ahora, imprímalos o guárdelos en un lugar seguro: solo se muestran una vez.
auth-2fa-continue = Continuar a Refuge
auth-2fa-required = Su espacio de trabajo exige un segundo factor a todos los usuarios: configure uno para continuar.
auth-2fa-status = Estado
auth-2fa-on = activado
auth-2fa-off = desactivado
auth-2fa-recovery-left = Códigos de recuperación restantes: { $count }.
auth-2fa-required-on = Su espacio de trabajo exige un segundo factor, así que no se puede desactivar aquí. Si pierde su teléfono, entre con un código de recuperación o pida a un administrador que lo restablezca.
auth-2fa-turn-off-heading = Desactivarlo
auth-2fa-off-code = Un código actual o un código de recuperación
auth-2fa-turn-off = Desactivar el segundo factor
auth-2fa-step-add = 1. Agregue Refuge a su aplicación de autenticación
auth-2fa-scan = Escanee este código con la aplicación:
auth-2fa-qr-label = Código QR de la dirección de configuración para una aplicación de autenticación
auth-2fa-by-hand = O agregue la clave a mano (basada en el tiempo, seis dígitos, cada 30 segundos):
auth-2fa-or = O
auth-2fa-open-address = abra la dirección de configuración
auth-2fa-on-device = en el dispositivo que tiene la aplicación:
auth-2fa-step-confirm = 2. Confirme con un código
auth-2fa-six-digits = Los seis dígitos que la aplicación muestra ahora
auth-2fa-turn-on = Activar el segundo factor
auth-2fa-start-again = Empezar de nuevo con una clave nueva
auth-2fa-set-up = Configurar un segundo factor
auth-2fa-already-on = Su segundo factor ya está activado.
auth-2fa-already-off = Su segundo factor ya está desactivado.
auth-2fa-no-key = No hay ninguna clave en configuración: empiece de nuevo.
auth-2fa-code-not-this-key = Código: no es el que su aplicación muestra ahora para esta clave. Revise que la aplicación agregó la clave que aparece aquí y escriba los seis dígitos que muestra.
auth-2fa-key-changed = La clave cambió mientras tanto (¿la configuró de nuevo en otra pestaña?): empiece de nuevo.
auth-2fa-required-cannot-off = Su espacio de trabajo exige un segundo factor: no se puede desactivar. Un administrador puede restablecerlo.
auth-2fa-off-code-wrong = Código: no es correcto o ya se usó; escriba el que su aplicación muestra ahora, o un código de recuperación.

# The rules of a new user name or password (crates/web/src/domain/user.rs),
# after "User name:" or "Password:".
auth-rule-password-short = debe tener al menos 10 caracteres
auth-rule-password-one-character = no puede ser un solo carácter repetido
auth-rule-password-common = está entre las contraseñas más comunes; elija otra
auth-rule-name-characters = use de 1 a 64 letras, dígitos, '.', '-', '_' o '@'
auth-rule-name-mixed-scripts = mezcla letras latinas con letras de otro alfabeto, así que podría pasar por otro nombre
