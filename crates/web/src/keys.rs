//! The encryption key of the workspace (`crypt`): where it comes from, its
//! file, and `refuge keys rotate`.
//!
//! The key is `REFUGE_KEY` (base64), or a key file: `--key-file FILE`, by
//! default `refuge.key` beside the SQLite database in the data directory,
//! created readable by its owner alone (0600) on the first start. A
//! PostgreSQL database has no data directory: it needs `REFUGE_KEY` or
//! `--key-file`.
//!
//! A rotation (the server stopped) writes the new key as `refuge.key.next`
//! first, then re-seals every value in one transaction, then keeps the old
//! key as `refuge.key.old-<time>` and puts the new one in place (each file
//! written under a temporary name, synced, renamed). Every reader also opens
//! values sealed with `refuge.key.next`, so a rotation cut short at any
//! point leaves a workspace that reads, and running it again finishes it.

use std::path::{Path, PathBuf};

use anyhow::{Context, anyhow, bail};

use crate::backup::Partial;
use crate::crypt::{Key, Keyring};
use crate::serve::{StoreArgs, suffixed};
use crate::store::{Db, DbError, Resealed};

/// The key file's name beside the SQLite database.
pub const KEY_FILE: &str = "refuge.key";

/// Where the key comes from.
#[derive(Debug, Clone)]
pub enum KeySource {
    /// `REFUGE_KEY`.
    Env(String),
    /// A key file (created if missing).
    File(PathBuf),
}

impl StoreArgs {
    /// Where these options take the key from.
    ///
    /// # Errors
    /// Both `REFUGE_KEY` and `--key-file`, or neither for a database with
    /// no data directory (PostgreSQL).
    pub fn key_source(&self) -> anyhow::Result<KeySource> {
        let env = std::env::var("REFUGE_KEY")
            .ok()
            .filter(|k| !k.trim().is_empty());
        match (env, &self.key_file) {
            (Some(_), Some(_)) => {
                bail!("both REFUGE_KEY and --key-file (or REFUGE_KEY_FILE) name a key: give one")
            }
            (Some(k), None) => Ok(KeySource::Env(k)),
            (None, Some(f)) => Ok(KeySource::File(f.clone())),
            (None, None) => match self.sqlite_file() {
                Some(db) => Ok(KeySource::File(db.with_file_name(KEY_FILE))),
                None => bail!(
                    "the database named by --database has no data directory to keep its \
                     encryption key in: set REFUGE_KEY to a key (`refuge keys new` prints one), \
                     or give --key-file FILE (created if missing); keep it apart from the \
                     database's backups"
                ),
            },
        }
    }

    /// Opens the database with its key, bringing the schema up to date. A
    /// missing key file is created (0600), unless the database holds values
    /// sealed with another key: then nothing is created, and the error
    /// names the key it needs.
    ///
    /// # Errors
    /// No key, a wrong key, or a database that cannot be opened.
    pub async fn open(&self) -> anyhow::Result<Db> {
        let url = self.url()?;
        let (keys, created) = match self.key_source()? {
            KeySource::Env(text) => (
                Keyring::new(Key::parse(&text).map_err(|e| anyhow!("REFUGE_KEY: {e}"))?),
                None,
            ),
            KeySource::File(path) => match read_key(&path)? {
                Some(key) => (with_next(Keyring::new(key), &path)?, None),
                None => {
                    let key = Key::generate();
                    write_key(&path, &key)?;
                    (with_next(Keyring::new(key), &path)?, Some(path))
                }
            },
        };
        match Db::connect(&url, keys).await {
            Ok(db) => Ok(db),
            Err(e) => {
                if let Some(path) = created {
                    let _ = std::fs::remove_file(&path);
                    if matches!(e, DbError::Crypt(_)) {
                        bail!(
                            "{e}\n(there was no key file at {}: put back the one this database \
                             was encrypted with)",
                            path.display()
                        );
                    }
                }
                Err(anyhow!("{e}"))
            }
        }
    }
}

/// `ring`, also opening values sealed with the next key of a rotation cut
/// short (`<key file>.next`), if there is one.
fn with_next(ring: Keyring, path: &Path) -> anyhow::Result<Keyring> {
    Ok(match read_key(&next_of(path))? {
        Some(next) => ring.also_opening(next),
        None => ring,
    })
}

fn next_of(path: &Path) -> PathBuf {
    suffixed(path, ".next")
}

/// The key in file `path`, or `None` if there is none. A file others could
/// read is made its owner's alone (0600).
///
/// # Errors
/// A file that cannot be read or holds no key.
pub fn read_key(path: &Path) -> anyhow::Result<Option<Key>> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", path.display())),
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)?.permissions().mode();
        if mode & 0o077 != 0 {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
                .with_context(|| format!("cannot make {} its owner's alone", path.display()))?;
        }
    }
    Key::parse(&text)
        .map(Some)
        .map_err(|e| anyhow!("{}: {e}", path.display()))
}

/// Writes `key` into `path` (replacing it): under a temporary name,
/// readable by its owner alone, synced, renamed.
///
/// # Errors
/// When the file cannot be written.
pub fn write_key(path: &Path, key: &Key) -> anyhow::Result<()> {
    use std::io::Write as _;
    let partial = Partial::create(path, "new")?;
    (&partial.file)
        .write_all(format!("{}\n", key.encode()).as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    partial.persist(path)
}

/// What `refuge keys rotate` did.
#[derive(Debug)]
pub struct Rotated {
    pub key_file: PathBuf,
    /// The previous key's id, and where it is kept (`None`: there was none).
    pub old: Option<(String, PathBuf)>,
    pub new_id: String,
    pub resealed: Resealed,
}

/// `refuge keys rotate`: a new key, every sealed value (and any plaintext
/// left from before encryption) sealed with it, the old key kept as
/// `<key file>.old-<time>`. Run with the server stopped.
///
/// # Errors
/// A key from `REFUGE_KEY` (a rotation needs a file to put the new key in),
/// a value no key opens (nothing is changed then), or a file that cannot be
/// written.
pub async fn rotate(store: &StoreArgs) -> anyhow::Result<Rotated> {
    let path = match store.key_source()? {
        KeySource::File(p) => p,
        KeySource::Env(_) => bail!(
            "the key comes from REFUGE_KEY, and a rotation needs a file to put the new key in: \
             write the key to a file readable by you alone (umask 077; printf '%s\\n' \"$REFUGE_KEY\" > refuge.key), \
             unset REFUGE_KEY, run `refuge keys rotate --key-file refuge.key`, then give the server \
             that file (or set REFUGE_KEY to its new content)"
        ),
    };
    let url = store.url()?;
    let old = read_key(&path)?;
    let next_path = next_of(&path);
    // The new key is on disk before any value is sealed with it: a rotation
    // cut short is finished by running it again, with the same new key.
    let next = match read_key(&next_path)? {
        Some(k) => k,
        None => {
            let k = Key::generate();
            write_key(&next_path, &k)?;
            k
        }
    };
    let mut ring = Keyring::new(next.clone());
    if let Some(old) = &old {
        ring = ring.also_opening(old.clone());
    }
    let db = Db::connect(&url, ring).await.map_err(|e| anyhow!("{e}"))?;
    let resealed = db.reseal_all().await.map_err(|e| anyhow!("{e}"))?;
    db.close().await;
    let old = match old.filter(|o| o.id() != next.id()) {
        Some(o) => {
            let time = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ");
            let kept = suffixed(&path, &format!(".old-{time}"));
            write_key(&kept, &o)?;
            Some((o.id().to_string(), kept))
        }
        None => None,
    };
    write_key(&path, &next)?;
    std::fs::remove_file(&next_path)
        .with_context(|| format!("cannot remove {}", next_path.display()))?;
    Ok(Rotated {
        key_file: path,
        old,
        new_id: next.id().to_string(),
        resealed,
    })
}
