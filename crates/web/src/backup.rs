//! `refuge backup` and `refuge restore`: the workspace's SQLite database
//! copied out while the server runs, and read back in.
//!
//! A backup is one file, a SQLite database: the workspace as it stood when
//! the backup began (`store::copy_sqlite`), checked before it is given its
//! name. There are no uploaded files yet. When documents arrive, their files
//! go into the same backup file (a table of files written into the copy
//! after the snapshot, for the documents the snapshot lists), and a restore
//! puts them back and drops that table: still one file to keep, checked in
//! one place.
//!
//! Nothing is ever left half-written: each file is written under a
//! temporary name in its final directory, synced, and renamed. A backup
//! holds confidential asylum information (8 C.F.R. § 208.6): it is created
//! readable by its owner alone (0600), whatever the umask.
//!
//! The encryption key (`keys`) is not copied: a backup's encrypted fields
//! are read with the key of its day, which is kept apart from backups.
//!
//! PostgreSQL has its own tools (`pg_dump`, `pg_restore`); both commands say
//! so rather than touch it.

use std::fs::File;
use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow, bail};

use crate::serve::{StoreArgs, private_dir, suffixed};
use crate::store;

/// The database file `store` names, or the error to give for a database that
/// is not a SQLite file (`tool`: what to use instead).
fn sqlite_file(store: &StoreArgs, tool: &str) -> anyhow::Result<PathBuf> {
    store.sqlite_file().ok_or_else(|| {
        anyhow!(
            "this command copies the embedded SQLite database; the database named by \
             --database or REFUGE_DATABASE_URL is not one: use {tool}"
        )
    })
}

/// `refuge backup FILE`: a consistent copy of the database into `file`, taken
/// while the server may be writing; an existing `file` is replaced only with
/// `force`.
///
/// # Errors
/// No SQLite database, `file` exists (without `force`), or a copy that fails;
/// nothing is left under `file`'s name then.
pub async fn backup(store: &StoreArgs, file: &Path, force: bool) -> anyhow::Result<()> {
    let db = sqlite_file(store, "pg_dump for PostgreSQL")?;
    if !db.is_file() {
        bail!("there is no database at {} to back up", db.display());
    }
    if !force && file.symlink_metadata().is_ok() {
        bail!(
            "{} exists: choose another name, or add --force to replace it",
            file.display()
        );
    }
    let partial = Partial::create(file, "partial")?;
    store::copy_sqlite(&db, &partial.path)
        .await
        .with_context(|| format!("cannot back up {} into {}", db.display(), file.display()))?;
    store::check_sqlite(&partial.path)
        .await
        .with_context(|| format!("the backup of {} failed its check", db.display()))?;
    partial.persist(file)
}

/// What a restore did.
#[derive(Debug)]
pub struct Restored {
    /// The database file written.
    pub db: PathBuf,
    /// Where the database it replaced was kept, if there was one.
    pub kept: Option<PathBuf>,
}

/// `refuge restore FILE`: the backup `file` becomes the database. An existing
/// database is replaced only with `force`, and kept beside it as
/// `<db>.before-restore-<time>` (with its `-wal` and `-shm`). The server
/// must not be running.
///
/// # Errors
/// No SQLite database configured, an existing database (without `force`), or
/// a `file` that is not a sound Refuge database this version can open; the
/// existing database is untouched then.
pub async fn restore(store: &StoreArgs, file: &Path, force: bool) -> anyhow::Result<Restored> {
    let db = sqlite_file(store, "pg_restore (or psql) for PostgreSQL")?;
    let exists = db.metadata().is_ok_and(|m| m.len() > 0)
        || ["-wal", "-shm"].iter().any(|s| suffixed(&db, s).exists());
    if exists && !force {
        bail!(
            "a database exists at {}: stop the server, then add --force to replace it \
             (it is kept as {}.before-restore-<time>)",
            db.display(),
            db.display()
        );
    }
    let mut from = File::open(file).with_context(|| format!("cannot read {}", file.display()))?;
    if let Some(dir) = db.parent().filter(|d| !d.as_os_str().is_empty()) {
        private_dir(dir)
            .with_context(|| format!("cannot create the data directory {}", dir.display()))?;
    }
    let partial = Partial::create(&db, "restore")?;
    std::io::copy(&mut from, &mut &partial.file)
        .with_context(|| format!("cannot copy {} into {}", file.display(), db.display()))?;
    store::check_sqlite(&partial.path)
        .await
        .with_context(|| format!("{} cannot be restored", file.display()))?;
    let kept = if exists {
        let time = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ");
        let kept = suffixed(&db, &format!(".before-restore-{time}"));
        if kept.symlink_metadata().is_ok() {
            bail!("{} exists already: try again", kept.display());
        }
        for suffix in ["", "-wal", "-shm"] {
            let old = suffixed(&db, suffix);
            if old.symlink_metadata().is_ok() {
                let to = suffixed(&kept, suffix);
                std::fs::rename(&old, &to).with_context(|| {
                    format!("cannot move {} to {}", old.display(), to.display())
                })?;
            }
        }
        Some(kept)
    } else {
        None
    };
    partial.persist(&db)?;
    Ok(Restored { db, kept })
}

/// A file being written under a temporary name beside its final one
/// (`.NAME.WHAT-PID`), created empty and readable by its owner alone;
/// removed when dropped unless [`Partial::persist`]ed.
pub(crate) struct Partial {
    path: PathBuf,
    pub(crate) file: File,
    kept: bool,
}

impl Partial {
    pub(crate) fn create(target: &Path, what: &str) -> anyhow::Result<Partial> {
        let name = target
            .file_name()
            .ok_or_else(|| anyhow!("{} is not a file name", target.display()))?;
        let mut temp = std::ffi::OsString::from(".");
        temp.push(name);
        temp.push(format!(".{what}-{}", std::process::id()));
        let path = target.with_file_name(temp);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        let file = options.open(&path).with_context(|| {
            format!(
                "cannot write {} (creating {} beside it)",
                target.display(),
                path.display()
            )
        })?;
        Ok(Partial {
            path,
            file,
            kept: false,
        })
    }

    /// Syncs the file, renames it to `target` (replacing any file of that
    /// name) and syncs the directory, so that the name survives a power loss.
    pub(crate) fn persist(mut self, target: &Path) -> anyhow::Result<()> {
        self.file
            .sync_all()
            .with_context(|| format!("cannot write {}", self.path.display()))?;
        std::fs::rename(&self.path, target).with_context(|| {
            format!(
                "cannot rename {} to {}",
                self.path.display(),
                target.display()
            )
        })?;
        self.kept = true;
        #[cfg(unix)]
        if let Some(dir) = target.parent() {
            let dir = if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            };
            File::open(dir)
                .and_then(|d| d.sync_all())
                .with_context(|| format!("cannot sync the directory {}", dir.display()))?;
        }
        Ok(())
    }
}

impl Drop for Partial {
    fn drop(&mut self) {
        if !self.kept {
            // With what SQLite may have left beside it while reading it.
            for suffix in ["", "-wal", "-shm", "-journal"] {
                let _ = std::fs::remove_file(suffixed(&self.path, suffix));
            }
        }
    }
}
