# Administration: users and the audit log (crates/web/src/admin.rs).

admin-users-title = Usuarios
admin-audit-title = Registro de auditoría
