//! The data directory: private to the registry's user, and used by one registry at a time.
//!
//! The store holds credentials with names and birth dates, so the directory is created 0700
//! and every file in it 0600 whatever the caller's umask (the binary sets its umask to 077
//! before creating anything, which covers the files sled creates itself), and a directory
//! that other users can read is refused unless the operator says otherwise. A lock file
//! (`registry.lock`, holding the pid) keeps a second registry, or an offline `check` or
//! `restore`, from opening a store in use, and lets the refusal say who holds it.

use std::fs::{File, OpenOptions};
use std::io::{Read as _, Seek as _, Write as _};
use std::path::{Path, PathBuf};

use crate::startup::Failure;

/// The lock file's name inside the data directory.
pub const LOCK_FILE: &str = "registry.lock";

/// Makes every file and directory this process creates private to its user (mode 0600 /
/// 0700), whatever umask it was started with.
pub fn private_umask() {
    #[cfg(unix)]
    {
        rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o077));
    }
}

/// A data directory held by this process until dropped.
#[derive(Debug)]
pub struct DataDir {
    path: PathBuf,
    /// Holding the exclusive lock; released when the file is closed.
    _lock: File,
}

impl DataDir {
    /// The directory as given (not canonicalised).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The store's directory inside it.
    pub fn store(&self) -> PathBuf {
        self.path.join("store")
    }
}

/// Creates `dir` (0700) if missing, refuses one that group or others can read (unless
/// `allow_shared`), and takes its lock.
pub fn open(dir: &Path, allow_shared: bool) -> Result<DataDir, Failure> {
    if !dir.exists() {
        create_private_dir(dir)?;
    } else if !dir.is_dir() {
        return Err(Failure::Config(format!(
            "the data directory {} is not a directory",
            dir.display()
        )));
    }
    if !allow_shared {
        refuse_shared(dir, "data directory")?;
    }
    let lock = lock(dir)?;
    Ok(DataDir {
        path: dir.to_path_buf(),
        _lock: lock,
    })
}

/// Creates `dir` and its missing parents with mode 0700.
pub fn create_private_dir(dir: &Path) -> Result<(), Failure> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt as _;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .map_err(|e| Failure::Other(format!("cannot create {}: {e}", dir.display())))
}

/// Refuses a file or directory that group or others may read, write or enter.
pub fn refuse_shared(path: &Path, what: &str) -> Result<(), Failure> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let meta = std::fs::metadata(path)
            .map_err(|e| Failure::Other(format!("cannot read {}: {e}", path.display())))?;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            let fix = if meta.is_dir() { "700" } else { "600" };
            return Err(Failure::SharedDataDir(format!(
                "the {what} {} can be used by other users of this machine (mode {mode:04o}); it holds \
                 credentials with personal data (or the operator key). Run `chmod {fix} {}`, or start \
                 with --allow-shared-data-dir if something else protects it",
                path.display(),
                path.display()
            )));
        }
    }
    Ok(())
}

/// Takes the exclusive lock on `dir`'s lock file and writes this process's id into it.
pub fn lock(dir: &Path) -> Result<File, Failure> {
    use fs2::FileExt as _;
    let path = dir.join(LOCK_FILE);
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options
        .open(&path)
        .map_err(|e| Failure::Other(format!("cannot open {}: {e}", path.display())))?;
    if file.try_lock_exclusive().is_err() {
        let mut pid = String::new();
        let _ = file.read_to_string(&mut pid);
        let pid = pid.trim();
        let who = if pid.is_empty() {
            "another skillpass-registry".to_owned()
        } else {
            format!("another skillpass-registry (pid {pid})")
        };
        return Err(Failure::InUse(format!(
            "the data directory {} is in use by {who}; stop it first, or use another --data \
             (for a copy of a running registry, use `skillpass operator backup`)",
            dir.display()
        )));
    }
    let written = file
        .set_len(0)
        .and_then(|()| file.rewind())
        .and_then(|()| writeln!(file, "{}", std::process::id()))
        .and_then(|()| file.sync_all());
    written.map_err(|e| Failure::Other(format!("cannot write {}: {e}", path.display())))?;
    Ok(file)
}
