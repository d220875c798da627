# Administration: users and the audit log (crates/web/src/admin.rs).

admin-users-title = Users
admin-audit-title = Audit log
