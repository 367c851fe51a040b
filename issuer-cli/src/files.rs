//! Reading and writing the files the CLI works with: bounded reads, atomic writes, and
//! key files that only their owner can read.

use std::fs;
use std::io::{Read as _, Write as _};
use std::path::Path;

use anyhow::{bail, Context as _, Result};
use credential_core::SecretKey;

/// Largest file read as a whole (a trust bundle may be large; a credential is ≤ 64 KiB).
pub const MAX_FILE: u64 = 128 * 1024 * 1024;

/// Reads a text file, refusing anything over `max` bytes.
pub fn read_text(path: &Path, max: u64) -> Result<String> {
    let file = fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut text = String::new();
    file.take(max + 1)
        .read_to_string(&mut text)
        .with_context(|| format!("cannot read {} as UTF-8 text", path.display()))?;
    if text.len() as u64 > max {
        bail!("{} is larger than the {max}-byte limit", path.display());
    }
    Ok(text)
}

/// Reads a binary file, refusing anything over `max` bytes.
pub fn read_bytes(path: &Path, max: usize) -> Result<Vec<u8>> {
    let file = fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let mut bytes = Vec::new();
    file.take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .with_context(|| format!("cannot read {}", path.display()))?;
    if bytes.len() > max {
        bail!("{} is larger than the {max}-byte limit", path.display());
    }
    Ok(bytes)
}

/// Reads a JSON file.
pub fn read_json(path: &Path) -> Result<serde_json::Value> {
    let text = read_text(path, 16 * 1024 * 1024)?;
    serde_json::from_str(&text).with_context(|| format!("{} is not valid JSON", path.display()))
}

/// Writes `data` to `path` through a temporary file in the same directory and a rename, so
/// a crash leaves either the old file or the new one, never half of one.
pub fn write_atomic(path: &Path, data: &[u8], private: bool) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    if private {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    #[cfg(not(unix))]
    let _ = private;
    let mut file = options
        .open(&tmp)
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    file.write_all(data)
        .and_then(|()| file.sync_all())
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    fs::rename(&tmp, path).with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

/// Reads a private key file (a private JWK).
pub fn read_key(path: &Path) -> Result<SecretKey> {
    let text = zeroize::Zeroizing::new(read_text(path, credential_core::keys::MAX_JWK_LEN as u64)?);
    SecretKey::from_private_jwk(&text)
        .with_context(|| format!("{} is not an Ed25519 private key file", path.display()))
}

/// Parses `--at`-style times: RFC 3339, or a date (taken as midnight UTC).
pub fn parse_time_arg(s: &str) -> Result<chrono::DateTime<chrono::Utc>, String> {
    if let Some(t) = credential_core::parse_time(s) {
        return Ok(t);
    }
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
        .ok_or_else(|| {
            format!("{s:?} is not an RFC 3339 time (2026-11-26T10:00:00Z) or a date (2026-11-26)")
        })
}

/// A destination country or framework on the command line, in any case (`de`, `DE`, `eqf`).
pub fn parse_destination(s: &str) -> Result<credential_core::equivalence::Destination, String> {
    s.trim()
        .to_ascii_uppercase()
        .parse()
        .map_err(|e: credential_core::equivalence::EquivalenceError| e.to_string())
}
