//! Reading and writing the files the commands work with. Every read is bounded (a file
//! larger than its limit is refused, or for inputs to a verifier, cut just past it so the
//! verifier reports the size); every write goes through a temporary file and a rename;
//! key files and personal data are written readable by their owner only.

use std::fs;
use std::io::{Read as _, Write as _};
use std::path::Path;

use anyhow::Result;
use credential_core::i18n::Msg;
use credential_core::SecretKey;

use super::said::{said, Say as _};

/// The message `id` about the file `path`.
fn shown(id: &'static str, path: &Path) -> Msg {
    Msg::new(id).arg("path", path.display().to_string())
}

/// `PATH is larger than the MAX-byte limit`.
fn too_large(path: &Path, max: u64) -> anyhow::Error {
    said(shown("err-too-large", path).arg("max", max.to_string()))
}

/// Largest file read as a whole: a CSV batch or a file of signed decisions.
pub(crate) const MAX_FILE: u64 = 128 * 1024 * 1024;

/// Largest JSON file read (claims, issuer and authority lists, `summary.json`).
const MAX_JSON: u64 = 16 * 1024 * 1024;

/// Reads a text file, refusing anything over `max` bytes.
pub(crate) fn read_text(path: &Path, max: u64) -> Result<String> {
    let file = fs::File::open(path).say(|| shown("err-cannot-open", path))?;
    let mut text = String::new();
    file.take(max + 1)
        .read_to_string(&mut text)
        .say(|| shown("err-not-utf8-text", path))?;
    if text.len() as u64 > max {
        return Err(too_large(path, max));
    }
    Ok(text)
}

/// Reads a binary file, refusing anything over `max` bytes.
pub(crate) fn read_bytes(path: &Path, max: usize) -> Result<Vec<u8>> {
    let file = fs::File::open(path).say(|| shown("err-cannot-open", path))?;
    let mut bytes = Vec::new();
    file.take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .say(|| shown("err-cannot-read", path))?;
    if bytes.len() > max {
        return Err(too_large(path, max as u64));
    }
    Ok(bytes)
}

pub(crate) fn read_json(path: &Path) -> Result<serde_json::Value> {
    let text = read_text(path, MAX_JSON)?;
    serde_json::from_str(&text).say(|| shown("err-not-json", path))
}

/// Reads a signed document handed to a verifier or a wallet — a file, or `-` for standard
/// input — as trimmed text. Reads a little past `max` and no further, so that an oversized
/// document reaches the verifier, which names the size limit, rather than being called
/// unreadable; bytes that are not UTF-8 are kept as replacement characters for the same
/// reason.
pub(crate) fn read_input(path: &Path, max: usize) -> Result<String> {
    /// The buffer a file is first read into: a signed credential is 2 to 4 KiB.
    const FIRST_READ: usize = 8 * 1024;
    let limit = max as u64 + 1024;
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)
            .say(|| Msg::new("err-stdin"))?;
    } else {
        let file = fs::File::open(path).say(|| shown("err-cannot-open", path))?;
        // Room for a typical credential from the start: one read fills it and the next
        // finds the end, where asking the file's size first costs `verify DIR` a system
        // call per file; a larger file grows the buffer as it is read.
        bytes.reserve(FIRST_READ.min(usize::try_from(limit).unwrap_or(usize::MAX)));
        file.take(limit)
            .read_to_end(&mut bytes)
            .say(|| shown("err-cannot-read", path))?;
    }
    Ok(trimmed_text(bytes))
}

/// `bytes` as text without the blanks around it, copied only when it is not UTF-8 (kept
/// with replacement characters) or has blanks to drop.
fn trimmed_text(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(text) if text.trim().len() == text.len() => text,
        Ok(text) => text.trim().to_owned(),
        Err(e) => String::from_utf8_lossy(e.as_bytes()).trim().to_owned(),
    }
}

/// Writes `data` to `path` through a temporary file in the same directory and a rename, so
/// a crash leaves either the old file or the new one, never half of one. `private` files
/// are created mode 0600.
pub(crate) fn write_atomic(path: &Path, data: &[u8], private: bool) -> Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir).say(|| shown("err-cannot-create", dir))?;
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
    let mut file = options.open(&tmp).say(|| shown("err-cannot-write", &tmp))?;
    file.write_all(data)
        .and_then(|()| file.sync_all())
        .say(|| shown("err-cannot-write", &tmp))?;
    fs::rename(&tmp, path).say(|| shown("err-cannot-write", path))?;
    Ok(())
}

/// Reads a private key file (a private JWK); the text is wiped from memory once read.
pub(crate) fn read_key(path: &Path) -> Result<SecretKey> {
    let text = zeroize::Zeroizing::new(read_text(path, credential_core::keys::MAX_JWK_LEN as u64)?);
    SecretKey::from_private_jwk(&text).say(|| shown("err-not-key-file", path))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn read_input_keeps_text_trims_blanks_and_replaces_bytes_that_are_not_utf8() {
        let dir = tempfile::tempdir().unwrap();
        let cases: [(&[u8], &str); 4] = [
            (b"eyJh.eyJi.c2ln", "eyJh.eyJi.c2ln"),
            (b"\n  eyJh.eyJi.c2ln \r\n", "eyJh.eyJi.c2ln"),
            (b" eyJh\xff.eyJi\n", "eyJh\u{fffd}.eyJi"),
            (b"", ""),
        ];
        for (i, (bytes, want)) in cases.into_iter().enumerate() {
            let path = dir.path().join(format!("c{i}.jwt"));
            std::fs::write(&path, bytes).unwrap();
            assert_eq!(read_input(&path, 100).unwrap(), want, "case {i}");
        }
    }

    #[test]
    fn read_input_reads_a_little_past_the_limit_and_no_further() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.jwt");
        std::fs::write(&path, "a".repeat(5000)).unwrap();
        assert_eq!(read_input(&path, 10).unwrap().len(), 1034);
        assert_eq!(read_input(&path, 10_000).unwrap().len(), 5000);
    }
}
