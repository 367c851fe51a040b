//! The operator key file: read, or created once with mode 0600.

use std::io::Write as _;
use std::path::Path;

use credential_core::SecretKey;

use crate::startup::Failure;

/// Reads the operator key at `path`.
pub fn load(path: &Path) -> Result<SecretKey, Failure> {
    let text = zeroize::Zeroizing::new(
        std::fs::read_to_string(path)
            .map_err(|e| Failure::Other(format!("cannot read {}: {e}", path.display())))?,
    );
    SecretKey::from_private_jwk(&text).map_err(|_| {
        Failure::Config(format!(
            "{} is not an Ed25519 private key (a JWK as the registry writes it)",
            path.display()
        ))
    })
}

/// Writes `key` to a new file at `path` (mode 0600; an existing file is never replaced).
pub fn create(path: &Path, key: &SecretKey) -> Result<(), Failure> {
    let fail = |e: std::io::Error| Failure::Other(format!("cannot create {}: {e}", path.display()));
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        if !dir.exists() {
            crate::datadir::create_private_dir(dir)?;
        }
    }
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(fail)?;
    let text = zeroize::Zeroizing::new(key.to_private_jwk());
    file.write_all(text.as_bytes()).map_err(fail)?;
    file.sync_all().map_err(fail)?;
    Ok(())
}
