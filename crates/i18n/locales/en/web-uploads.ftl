# The uploads page: a case's files (crates/web/src/documents/uploads.rs).

uploads-title = Uploads: { $name }
uploads-delete-title = Delete this upload?
