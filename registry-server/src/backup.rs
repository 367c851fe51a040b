//! Backups: one consistent snapshot of every tree, signed by the operator, and its restore.
//!
//! A backup is gzip-compressed JSON lines: a header
//! `{"format": "skillpass-registry-backup", "version": 1, "anchor", "createdAt", "bundleSequence"}`,
//! one `{"tree", "key", "value"}` line per record (key and value base64url), tree by tree in
//! [`Tree::ALL`] order, and a last line `{"signature": JWS}`: the operator's EdDSA signature
//! (`typ` `skillpass-backup+jwt`) over the header's fields, the record counts per tree and
//! the SHA-256 of every line before it. So a cut download (no signature line), a flipped
//! byte (digest) and an edited record (signature) are all refused before anything is
//! written, and a restore cannot smuggle in an issuer the operator never accredited.
//!
//! The registry writes it under the writer lock (every write is serialized by that lock,
//! so the snapshot is one point in time across all trees) into an unnamed 0600 file, then
//! releases the lock and streams the file.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::{DateTime, Utc};
use credential_core::jws::{self, Header};
use credential_core::signed::{open, KeyRule, Kind, OpenError};
use credential_core::{format_time, PublicKey, SecretKey, TrustAnchor};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use crate::check::{check_store, Checker, Report};
use crate::ledger::compute_digest;
use crate::records::keys::{DIGEST_KEY, SEQUENCE_FLOOR_KEY};
use crate::records::pages;
use crate::startup::Failure;
use crate::store::{Batch, SledStore, Store, Tree};

/// The header's `format`, naming what the file is to anyone who opens it.
pub const FORMAT: &str = "skillpass-registry-backup";
/// The signature's JWS `typ`.
pub const TYP_BACKUP: &str = "skillpass-backup+jwt";
/// Longest line read (a trust bundle record of many issuers is the largest).
const MAX_LINE: u64 = 512 * 1024 * 1024;
/// The signature line's JWS: the operator's signature over the header, the record counts
/// and the SHA-256 of every record line, opened like every other signed document.
struct BackupSignatureJwt;

impl Kind for BackupSignatureJwt {
    const TYP: &'static str = TYP_BACKUP;
    /// Its payload is the header, the counts and one digest.
    const MAX_LEN: usize = 64 * 1024;
    const KEY: KeyRule = KeyRule::Anchor;
    type Payload = Signed;
    type DecodeError = serde_json::Error;
    fn decode(value: serde_json::Value) -> Result<Signed, serde_json::Error> {
        serde_json::from_value(value)
    }
}
/// Records written per batch when restoring.
const RESTORE_BATCH: usize = 5000;

/// The first line of a backup, covered by the signature on its last.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BackupHeader {
    /// [`FORMAT`]; anything else is not a backup.
    pub format: String,
    /// The format version; only 1 is read.
    pub version: u32,
    /// The operator DID that signs the backup (the registry's anchor).
    pub anchor: String,
    /// When the snapshot was taken.
    pub created_at: String,
    /// The trust bundle sequence stored at that moment.
    pub bundle_sequence: Option<u64>,
}

/// What the signature covers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Signed {
    #[serde(flatten)]
    header: BackupHeader,
    counts: BTreeMap<String, u64>,
    sha256: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    tree: String,
    key: String,
    value: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct SignatureLine {
    signature: String,
}

/// A backup whose signature, digest, counts and every record were checked.
#[derive(Debug, Clone)]
pub struct Verified {
    /// Its header, as the operator signed it.
    pub header: BackupHeader,
    /// The check of its records.
    pub report: Report,
}

/// Why a snapshot could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The store failed a check while being read.
    #[error("the store is damaged: {0}")]
    Damaged(String),
    /// Reading the store or writing the file failed.
    #[error("{0}")]
    Io(String),
}

struct HashingWriter<W: Write> {
    inner: W,
    hash: Sha256,
}

impl<W: Write> HashingWriter<W> {
    fn line(&mut self, value: &impl Serialize) -> Result<(), WriteError> {
        let mut bytes = serde_json::to_vec(value).map_err(|e| WriteError::Io(e.to_string()))?;
        bytes.push(b'\n');
        self.hash.update(&bytes);
        self.inner
            .write_all(&bytes)
            .map_err(|e| WriteError::Io(e.to_string()))
    }
}

/// Writes a snapshot of `store` to `out`, signed by `operator`, checking every record on
/// the way (a damaged store gives no backup). Call with the writer lock held.
pub fn write(
    store: &dyn Store,
    operator: &SecretKey,
    now: DateTime<Utc>,
    out: impl Write,
) -> Result<Report, WriteError> {
    let bundle_sequence = match store.get(Tree::NameValue, crate::records::keys::BUNDLE_KEY) {
        Err(e) => return Err(WriteError::Io(e.to_string())),
        Ok(v) => v
            .and_then(|v| serde_json::from_slice::<crate::records::BundleRecord>(&v).ok())
            .map(|r| r.sequence),
    };
    let header = BackupHeader {
        format: FORMAT.to_owned(),
        version: 1,
        anchor: operator.public().did(),
        created_at: format_time(now),
        bundle_sequence,
    };
    let gz = flate2::write::GzEncoder::new(out, flate2::Compression::fast());
    let mut w = HashingWriter {
        inner: gz,
        hash: Sha256::new(),
    };
    w.line(&header)?;
    let mut checker = Checker::new();
    let mut counts = BTreeMap::new();
    for &tree in Tree::ALL {
        let mut n = 0u64;
        for page in pages(store, tree) {
            let page = page.map_err(|e| WriteError::Damaged(format!("{}: {e}", tree.name())))?;
            for (k, v) in &page {
                checker
                    .record(tree, k, v)
                    .map_err(|d| WriteError::Damaged(d.0))?;
                w.line(&Line {
                    tree: tree.name().to_owned(),
                    key: URL_SAFE_NO_PAD.encode(k),
                    value: URL_SAFE_NO_PAD.encode(v),
                })?;
                n += 1;
            }
        }
        counts.insert(tree.name().to_owned(), n);
    }
    let report = checker.finish().map_err(|d| WriteError::Damaged(d.0))?;
    let signed = Signed {
        header,
        counts,
        sha256: hex::encode(w.hash.clone().finalize()),
    };
    let payload = serde_json::to_vec(&signed).map_err(|e| WriteError::Io(e.to_string()))?;
    let signature = jws::sign(
        operator,
        &Header::new(TYP_BACKUP, &operator.public().did_url()),
        &payload,
    );
    w.line(&SignatureLine { signature })?;
    let mut out = w
        .inner
        .finish()
        .map_err(|e| WriteError::Io(e.to_string()))?;
    out.flush().map_err(|e| WriteError::Io(e.to_string()))?;
    Ok(report)
}

fn damaged(why: impl std::fmt::Display) -> Failure {
    Failure::Damaged(format!("the backup is damaged or incomplete: {why}"))
}

/// Reads and verifies a whole backup, passing every record (checked) to `each`.
pub fn read(
    input: impl Read,
    mut each: impl FnMut(Tree, Vec<u8>, Vec<u8>) -> Result<(), Failure>,
) -> Result<Verified, Failure> {
    let mut reader = BufReader::new(flate2::read::GzDecoder::new(input));
    let mut hash = Sha256::new();
    let mut buf = Vec::new();
    let mut next_line = |buf: &mut Vec<u8>| -> Result<bool, Failure> {
        buf.clear();
        let n = (&mut reader)
            .take(MAX_LINE)
            .read_until(b'\n', buf)
            .map_err(damaged)?;
        if n == 0 {
            return Ok(false);
        }
        if buf.last() != Some(&b'\n') {
            return Err(damaged("a line is cut short"));
        }
        Ok(true)
    };
    if !next_line(&mut buf)? {
        return Err(damaged("the file is empty"));
    }
    let header: BackupHeader = serde_json::from_slice(&buf)
        .map_err(|e| damaged(format!("the first line is not a backup header: {e}")))?;
    if header.format != FORMAT || header.version != 1 {
        return Err(damaged("not a version 1 skillpass-registry backup"));
    }
    hash.update(&buf);
    let mut checker = Checker::new();
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let signature = loop {
        if !next_line(&mut buf)? {
            return Err(damaged(
                "it ends before its signature line (was the download cut short?)",
            ));
        }
        if let Ok(line) = serde_json::from_slice::<Line>(&buf) {
            hash.update(&buf);
            let tree = Tree::from_name(&line.tree)
                .ok_or_else(|| damaged(format!("unknown tree {:?}", line.tree)))?;
            let key = URL_SAFE_NO_PAD.decode(&line.key).map_err(damaged)?;
            let value = URL_SAFE_NO_PAD.decode(&line.value).map_err(damaged)?;
            checker
                .record(tree, &key, &value)
                .map_err(|d| damaged(d.0))?;
            *counts.entry(line.tree).or_default() += 1;
            each(tree, key, value)?;
        } else {
            let line: SignatureLine = serde_json::from_slice(&buf).map_err(|e| {
                damaged(format!("a line is neither a record nor the signature: {e}"))
            })?;
            break line.signature;
        }
    };
    if next_line(&mut buf)? {
        return Err(damaged("there is more after its signature line"));
    }
    let key = PublicKey::from_did(&header.anchor).map_err(damaged)?;
    let signed = match open::<BackupSignatureJwt>(signature.trim(), &key) {
        Ok(opened) => opened.payload,
        Err(OpenError::Jws(e)) => return Err(damaged(e)),
        Err(OpenError::Json(e)) => return Err(damaged(e)),
        Err(OpenError::Decode(e)) => return Err(damaged(e)),
        Err(_) => {
            return Err(damaged(format!(
                "its signature is not the operator's ({})",
                header.anchor
            )))
        }
    };
    if signed.header != header {
        return Err(damaged("its header differs from what the operator signed"));
    }
    if signed.sha256 != hex::encode(hash.finalize()) {
        return Err(damaged("its content differs from what the operator signed"));
    }
    counts.retain(|_, n| *n > 0);
    let mut signed_counts = signed.counts;
    signed_counts.retain(|_, n| *n > 0);
    if signed_counts != counts {
        return Err(damaged(
            "its record counts differ from what the operator signed",
        ));
    }
    let report = checker.finish().map_err(|d| damaged(d.0))?;
    Ok(Verified { header, report })
}

/// Verifies a backup file without writing anything.
pub fn verify_file(path: &Path) -> Result<Verified, Failure> {
    let file = std::fs::File::open(path)
        .map_err(|e| Failure::Other(format!("cannot open {}: {e}", path.display())))?;
    read(file, |_, _, _| Ok(()))
}

/// What a restore needs.
#[derive(Debug)]
pub struct RestorePlan<'a> {
    /// The backup file, verified whole before anything is written.
    pub from: &'a Path,
    /// The new data directory: absent or empty.
    pub data: &'a Path,
    /// The highest sequence the old registry may have signed.
    pub min_sequence: Option<u64>,
    /// The newest bundle the old registry served.
    pub bundle: Option<&'a Path>,
    /// The operator key to copy in.
    pub operator_key: Option<&'a Path>,
}

/// What a restore did.
#[derive(Debug)]
pub struct Restored {
    /// The backup as verified before writing.
    pub backup: Verified,
    /// The check of the restored store.
    pub report: Report,
    /// The sequence floor written: the next bundle is signed above it.
    pub floor: u64,
}

/// Verifies the backup, then writes it into a new data directory with a sequence floor,
/// then checks the result. Nothing is left behind when a step fails.
pub fn restore(plan: &RestorePlan<'_>) -> Result<Restored, Failure> {
    let backup = verify_file(plan.from)?;
    let anchor = backup.header.anchor.clone();
    let mut floor = plan.min_sequence;
    if let Some(path) = plan.bundle {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Failure::Other(format!("cannot read {}: {e}", path.display())))?;
        let verified = TrustAnchor::from_did(&anchor)
            .map_err(|e| Failure::Other(e.to_string()))?
            .verify_bundle(text.trim(), None)
            .map_err(|e| {
                Failure::Config(format!(
                    "{} is not a trust bundle signed by the backup's anchor {anchor}: {e}",
                    path.display()
                ))
            })?;
        floor = Some(floor.unwrap_or(0).max(verified.sequence()));
    }
    // A backup of a restored store carries that restore's floor; never go below it.
    let floor = floor.map(|f| f.max(backup.report.sequence_floor.unwrap_or(0)));
    let Some(floor) = floor else {
        return Err(Failure::Config(format!(
            "a restored registry must sign its bundles above every sequence the old one signed \
             (the backup holds sequence {}; the old registry may have gone further). Pass \
             --bundle FILE with the newest bundle anyone holds (`skillpass bundle fetch` from the \
             old registry if it still answers, or a verifier's copy), or --min-sequence N with a margin",
            backup
                .header
                .bundle_sequence
                .map_or("none".to_owned(), |s| s.to_string())
        )));
    };
    let operator = match plan.operator_key {
        None => None,
        Some(path) => {
            let text = zeroize::Zeroizing::new(
                std::fs::read_to_string(path)
                    .map_err(|e| Failure::Other(format!("cannot read {}: {e}", path.display())))?,
            );
            let key = SecretKey::from_private_jwk(&text).map_err(|_| {
                Failure::Config(format!("{} is not an Ed25519 private key", path.display()))
            })?;
            if key.public().did() != anchor {
                return Err(Failure::Config(format!(
                    "{} is not the key of the backup's anchor {anchor}",
                    path.display()
                )));
            }
            Some(key)
        }
    };
    if plan.data.exists() {
        let empty = std::fs::read_dir(plan.data)
            .map_err(|e| Failure::Other(format!("cannot read {}: {e}", plan.data.display())))?
            .next()
            .is_none();
        if !empty {
            return Err(Failure::Config(format!(
                "{} is not empty: restore into a new directory",
                plan.data.display()
            )));
        }
    }
    let dir = crate::datadir::open(plan.data, false)?;
    let store_dir = dir.store();
    let result = write_restored(plan.from, &store_dir, floor);
    let report = match result {
        Ok(report) => report,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&store_dir);
            return Err(e);
        }
    };
    if let Some(key) = operator {
        crate::keyfile::create(&dir.path().join("operator.key"), &key)?;
    }
    Ok(Restored {
        backup,
        report,
        floor,
    })
}

fn write_restored(from: &Path, store_dir: &Path, floor: u64) -> Result<Report, Failure> {
    let store = crate::startup::guard("creating the restored store", || {
        SledStore::open(store_dir).map_err(|e| Failure::Other(e.to_string()))
    })?;
    let file = std::fs::File::open(from)
        .map_err(|e| Failure::Other(format!("cannot open {}: {e}", from.display())))?;
    let mut batch = Batch::default();
    let write_err = |e: crate::store::StoreError| Failure::Other(format!("writing the store: {e}"));
    read(file, |tree, key, value| {
        batch.put(tree, key, value);
        if batch.ops.len() >= RESTORE_BATCH {
            store.apply(std::mem::take(&mut batch)).map_err(write_err)?;
        }
        Ok(())
    })?;
    batch.put(
        Tree::NameValue,
        SEQUENCE_FLOOR_KEY.to_vec(),
        floor.to_be_bytes().to_vec(),
    );
    store.apply(batch).map_err(write_err)?;
    // The restored records plus the floor are a new content: its digest is read afresh.
    let digest = compute_digest(&store)
        .map_err(|e| Failure::Other(format!("reading the restored store: {e}")))?;
    let mut batch = Batch::default();
    batch.put(Tree::NameValue, DIGEST_KEY.to_vec(), digest.0.to_vec());
    store.apply(batch).map_err(write_err)?;
    crate::startup::guard("checking the restored store", || {
        check_store(&store).map_err(|d| Failure::Damaged(d.0))
    })
}
