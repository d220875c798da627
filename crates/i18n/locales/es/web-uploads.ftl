# The uploads page: a case's files (crates/web/src/documents/uploads.rs).

uploads-title = Archivos: { $name }
uploads-delete-title = ¿Borrar este archivo?
uploads-intro = Los documentos y fotografías del caso, guardados en su base de datos (una copia de seguridad los incluye). Dé a un documento un lugar para que sea un anexo del paquete; una traducción va después de su original, con el certificado del traductor.
uploads-add = Subir un archivo
uploads-file-label = PDF, JPEG o PNG, de { $limit } como máximo
uploads-description = Descripción
uploads-proves = Qué demuestra
uploads-upload = Subir
uploads-checked = Un archivo se revisa por su contenido, no por su nombre. Un PDF cifrado (con contraseña) o dañado se rechaza: guárdelo o imprímalo otra vez sin contraseña.
uploads-files = Archivos ({ $count })
uploads-none = Todavía no se ha subido ningún archivo.
uploads-pages = { $count } { $count ->
    [one] página
   *[other] páginas
}
uploads-uploaded-by = subido por { $name }, { $when }
uploads-evidence-of = prueba: { $item }
uploads-download = Descargar
uploads-evidence-item = Prueba de la lista
uploads-none-option = (ninguna)
uploads-it-is = Es
uploads-role-document = un documento
uploads-role-translation = una traducción de…
uploads-role-certificate = el certificado del traductor de…
uploads-of = De (para una traducción: su original; para un certificado: la traducción)
uploads-place = Lugar en el paquete de anexos (1, 2, 3…; vacío: no es un anexo)
uploads-delete = Borrar…
uploads-of-harm = { " " }(daño { $harm })
uploads-of-family = { " " }(familiar { $member })
uploads-kind-pdf = PDF
uploads-kind-jpeg = imagen JPEG
uploads-kind-png = imagen PNG
uploads-kind-file = archivo
uploads-place-exhibit = Anexo { $letter }
uploads-place-translation = traducción en el Anexo { $letter }
uploads-place-certificate = certificado en el Anexo { $letter }
uploads-done-uploaded = El archivo se subió.
uploads-done-saved = Guardado.
uploads-done-deleted = El archivo se borró.
uploads-too-large = El archivo es más grande que lo máximo permitido ({ $limit }). No se guardó nada. Escanéelo con menos resolución, o divídalo, y suba las partes.
uploads-no-file = Elija un archivo para subir. No se guardó nada.
uploads-refused = Este archivo no se puede subir: { $problem }. No se guardó nada.
uploads-bad-place = El lugar del anexo "{ $place }" no es un número del 1 al 10,000. No se guardó nada.

uploads-of-case = Archivos de { $name } ({ $number })
uploads-packet-uses-this = El paquete de anexos usa este archivo.
uploads-packet-uses = El paquete de anexos usa { $name }.
uploads-delete-in-packet = Es { $place } del paquete de anexos.
uploads-delete-belonging = { $count ->
    [one] Otro archivo depende de este (una traducción o un certificado); se conserva como documento propio.
   *[other] Otros { $count } archivos dependen de este (traducciones o certificados); se conservan como documentos propios.
}
uploads-delete-explain = Una vez borrado, el archivo desaparece del caso y del paquete; las letras y páginas del paquete que van después se corren hacia arriba.
uploads-delete-confirm = Borrarlo
uploads-keep = Conservarlo
uploads-document-failed = No se pudo hacer este documento: { $problem }. No se descargó nada; el caso no cambió.
