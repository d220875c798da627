# The uploads page: a case's files (crates/web/src/documents/uploads.rs).

uploads-title = Archivos: { $name }
uploads-delete-title = ¿Borrar este archivo?
