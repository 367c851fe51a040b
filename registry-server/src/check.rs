//! Checking a store end to end: every tree read from its first key to its last, every record
//! parsed as the record its tree holds (and filed under the key it names), the references
//! between trees resolved, and the audit log's hash chain walked from the genesis hash.
//!
//! The registry runs this at every start and refuses to serve a store that fails it (a
//! store whose tail was cut once served 500 for some credentials while acknowledging new
//! writes on top); `skillpass-registry check` runs it on demand; `restore` runs the same
//! [`Checker`] over a backup's records before writing any of them.

use std::collections::HashSet;

use credential_core::audit::{ChainVerifier, LogEntry};
use credential_core::jws::UnverifiedJws;
use credential_core::trust::MAX_STATUS_LIST_JWS_LEN;
use serde::de::DeserializeOwned;

use crate::ledger::{is_bookkeeping, BUNDLE_KEY, COMMITS_KEY, DIGEST_KEY, SEQUENCE_FLOOR_KEY};
use crate::model::{
    AuthorityRecord, BundleRecord, CredentialRecord, DecisionRecord, Grant, IssuerRecord,
    StatusListRecord,
};
use crate::store::{ContentDigest, Store, Tree};

/// Records read per page.
const PAGE: usize = 1000;
/// Longest trust bundle JWS accepted as a stored record.
const MAX_BUNDLE_JWS: usize = 256 * 1024 * 1024;

/// What a check found in an intact store.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Records per tree, in [`Tree::ALL`] order.
    pub counts: Vec<(Tree, u64)>,
    /// Entries of the audit log, all chained.
    pub log_entries: u64,
    /// The stored trust bundle's sequence, if any.
    pub bundle_sequence: Option<u64>,
    /// The DID that signed the stored bundle (the store's anchor), if any.
    pub bundle_anchor: Option<String>,
    /// The sequence floor set by a restore, if any.
    pub sequence_floor: Option<u64>,
    /// Batches applied over the store's life.
    pub commits: u64,
}

impl Report {
    /// The report in lines for people.
    pub fn lines(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .counts
            .iter()
            .map(|(tree, n)| format!("  {:<28} {n} records", tree.name()))
            .collect();
        out.push(format!(
            "  audit log: {} entries, hash chain intact",
            self.log_entries
        ));
        out.push(format!("  commits: {}", self.commits));
        match (&self.bundle_sequence, &self.bundle_anchor) {
            (Some(seq), Some(anchor)) => out.push(format!(
                "  trust bundle: sequence {seq}, signed by {anchor}"
            )),
            _ => out.push("  trust bundle: none yet".to_owned()),
        }
        if let Some(floor) = self.sequence_floor {
            out.push(format!(
                "  next bundle sequence above {floor} (set by a restore)"
            ));
        }
        out
    }
}

/// The first problem found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Damage(pub String);

/// Checks records fed in [`Tree::ALL`] order, each tree in key order.
#[derive(Debug, Default)]
pub struct Checker {
    counts: Vec<(Tree, u64)>,
    chain: ChainVerifier,
    issuers: HashSet<String>,
    grants: HashSet<Vec<u8>>,
    credentials: HashSet<Vec<u8>>,
    pending_grant_index: Vec<(Vec<u8>, Vec<u8>)>,
    bundle_sequence: Option<u64>,
    bundle_anchor: Option<String>,
    sequence_floor: Option<u64>,
    commits: u64,
    digest: ContentDigest,
    stored_digest: Option<ContentDigest>,
}

fn parse<T: DeserializeOwned>(value: &[u8], what: &str) -> Result<T, String> {
    serde_json::from_slice(value).map_err(|e| format!("is not {what}: {e}"))
}

fn expect_key(key: &[u8], expected: &[u8], what: &str) -> Result<(), String> {
    if key != expected {
        return Err(format!(
            "is filed under another key than the {what} it holds ({})",
            show(expected)
        ));
    }
    Ok(())
}

/// A key in words: text when it is text, hex otherwise, shortened.
pub fn show(key: &[u8]) -> String {
    match std::str::from_utf8(key) {
        Ok(s) if !s.chars().any(char::is_control) => {
            let short: String = s.chars().take(100).collect();
            if short.len() < s.len() {
                format!("{short}…")
            } else {
                short
            }
        }
        _ => {
            let hex = hex::encode(key.get(..key.len().min(48)).unwrap_or_default());
            format!("0x{hex}")
        }
    }
}

impl Checker {
    /// A checker at the start of the first tree.
    pub fn new() -> Self {
        Self::default()
    }

    /// Checks the next record of `tree`.
    pub fn record(&mut self, tree: Tree, key: &[u8], value: &[u8]) -> Result<(), Damage> {
        if !is_bookkeeping(tree, key) {
            self.digest.toggle(tree, key, value);
        }
        let position = Tree::ALL.iter().position(|t| *t == tree).unwrap_or(0);
        let last = self
            .counts
            .last()
            .and_then(|(t, _)| Tree::ALL.iter().position(|x| x == t));
        if last.is_none_or(|l| l < position) {
            self.counts.push((tree, 0));
        } else if last != Some(position) {
            return Err(Damage(format!(
                "{}: records out of order (after {})",
                tree.name(),
                self.counts.last().map_or("", |(t, _)| t.name())
            )));
        }
        let n = match self.counts.last_mut() {
            Some((_, n)) => {
                *n += 1;
                *n
            }
            None => 1,
        };
        self.check(tree, key, value).map_err(|why| {
            Damage(format!(
                "{}: record {n} (key {}) {why}",
                tree.name(),
                show(key)
            ))
        })
    }

    fn check(&mut self, tree: Tree, key: &[u8], value: &[u8]) -> Result<(), String> {
        match tree {
            Tree::IssuerdidIssuer => {
                let r: IssuerRecord = parse(value, "an issuer record")?;
                expect_key(key, r.id.as_bytes(), "issuer")?;
                self.issuers.insert(r.id);
            }
            Tree::KeydidIssuerdid => {
                std::str::from_utf8(key).map_err(|_| "is not a key DID".to_owned())?;
                let issuer =
                    std::str::from_utf8(value).map_err(|_| "names no issuer DID".to_owned())?;
                if !self.issuers.contains(issuer) {
                    return Err(format!("names the issuer {issuer}, which is not stored"));
                }
            }
            Tree::CredentialidCredential => {
                let r: CredentialRecord = parse(value, "a stored credential")?;
                expect_key(key, r.id.as_bytes(), "credential")?;
                UnverifiedJws::parse(&r.jws, credential_core::jws::MAX_JWS_LEN)
                    .map_err(|e| format!("holds a credential that is not a JWS: {e}"))?;
                self.credentials.insert(key.to_vec());
            }
            Tree::GrantidGrant => {
                let r: Grant = parse(value, "a grant")?;
                expect_key(key, r.id.as_bytes(), "grant")?;
                self.grants.insert(key.to_vec());
            }
            Tree::CredentialidgrantidEmpty => {
                let split = key
                    .iter()
                    .position(|b| *b == 0)
                    .ok_or("is not a credential id and a grant id")?;
                if !value.is_empty() {
                    return Err("holds a value where none belongs".into());
                }
                let (credential, grant) = key.split_at(split);
                let grant = grant.get(1..).unwrap_or_default();
                if !self.grants.contains(grant) {
                    return Err("names a grant that is not stored".into());
                }
                self.pending_grant_index
                    .push((credential.to_vec(), grant.to_vec()));
            }
            Tree::IssuerpurposeStatuslist => {
                let r: StatusListRecord = parse(value, "a status list record")?;
                let mut expected = r.issuer.as_bytes().to_vec();
                expected.push(0);
                expected.extend_from_slice(r.purpose.as_bytes());
                expect_key(key, &expected, "status list")?;
                UnverifiedJws::parse(&r.jws, MAX_STATUS_LIST_JWS_LEN)
                    .map_err(|e| format!("holds a status list that is not a JWS: {e}"))?;
            }
            Tree::AuthoritydidAuthority => {
                let r: AuthorityRecord = parse(value, "an authority record")?;
                expect_key(key, r.id.as_bytes(), "authority")?;
            }
            Tree::DecisionidDecision => {
                let r: DecisionRecord = parse(value, "a decision record")?;
                expect_key(key, r.decision.id.as_bytes(), "decision")?;
            }
            Tree::IatnonceSeen => {
                if key.len() <= 8 || !value.is_empty() {
                    return Err("is not a seen nonce".into());
                }
            }
            Tree::LogseqEntry => {
                let seq = <[u8; 8]>::try_from(key)
                    .map(u64::from_be_bytes)
                    .map_err(|_| "is not a log sequence number".to_owned())?;
                let entry: LogEntry = parse(value, "a log entry")?;
                if entry.seq != seq {
                    return Err(format!("holds entry {} under sequence {seq}", entry.seq));
                }
                self.chain
                    .push(&entry)
                    .map_err(|e| format!("breaks the audit log's hash chain: {e}"))?;
            }
            Tree::NameValue => match key {
                BUNDLE_KEY => {
                    let r: BundleRecord = parse(value, "a trust bundle record")?;
                    let jws = UnverifiedJws::parse(&r.jws, MAX_BUNDLE_JWS)
                        .map_err(|e| format!("holds a bundle that is not a JWS: {e}"))?;
                    let kid = jws.header().kid.clone().unwrap_or_default();
                    let anchor = kid.split('#').next().unwrap_or_default().to_owned();
                    self.bundle_sequence = Some(r.sequence);
                    self.bundle_anchor = Some(anchor);
                }
                COMMITS_KEY => {
                    self.commits = <[u8; 8]>::try_from(value)
                        .map(u64::from_be_bytes)
                        .map_err(|_| "is not a commit count".to_owned())?;
                }
                DIGEST_KEY => {
                    self.stored_digest = Some(
                        ContentDigest::from_bytes(value)
                            .ok_or_else(|| "is not a content digest".to_owned())?,
                    );
                }
                SEQUENCE_FLOOR_KEY => {
                    let floor = <[u8; 8]>::try_from(value)
                        .map(u64::from_be_bytes)
                        .map_err(|_| "is not a sequence number".to_owned())?;
                    self.sequence_floor = Some(floor);
                }
                _ => return Err("is not a record this registry keeps".into()),
            },
        }
        Ok(())
    }

    /// Ends the check: the content digest, cross-tree references, then the report.
    pub fn finish(mut self) -> Result<Report, Damage> {
        if self.stored_digest.is_some_and(|d| d != self.digest) {
            return Err(Damage(
                "the records do not add up to the content digest kept with the last write: \
                 records were lost or altered (the storage engine may have dropped part of a \
                 damaged file)"
                    .into(),
            ));
        }
        for (credential, grant) in &self.pending_grant_index {
            if !self.credentials.contains(credential) {
                return Err(Damage(format!(
                    "{}: the grant {} names a credential that is not stored",
                    Tree::CredentialidgrantidEmpty.name(),
                    show(grant)
                )));
            }
        }
        // Trees with no records were never announced; list them with 0.
        let counts = Tree::ALL
            .iter()
            .map(|t| {
                let n = self
                    .counts
                    .iter()
                    .find(|(x, _)| x == t)
                    .map_or(0, |(_, n)| *n);
                (*t, n)
            })
            .collect();
        self.counts = counts;
        Ok(Report {
            counts: self.counts,
            log_entries: self.chain.count(),
            bundle_sequence: self.bundle_sequence,
            bundle_anchor: self.bundle_anchor,
            sequence_floor: self.sequence_floor,
            commits: self.commits,
        })
    }
}

/// The watermark file's name in the data directory: the commit count last acknowledged.
pub const WATERMARK_FILE: &str = "store.watermark";

/// Records `commits` as acknowledged (write to a temporary file, then rename).
pub fn write_watermark(dir: &std::path::Path, commits: u64) -> std::io::Result<()> {
    let tmp = dir.join(format!("{WATERMARK_FILE}.tmp"));
    std::fs::write(&tmp, format!("{commits}\n"))?;
    std::fs::rename(&tmp, dir.join(WATERMARK_FILE))
}

/// Refuses a store that holds fewer commits than were acknowledged: it rolled back.
pub fn check_watermark(dir: &std::path::Path, report: &Report) -> Result<(), Damage> {
    let Ok(text) = std::fs::read_to_string(dir.join(WATERMARK_FILE)) else {
        return Ok(());
    };
    let Ok(acknowledged) = text.trim().parse::<u64>() else {
        return Err(Damage(format!(
            "the watermark file {} is unreadable",
            dir.join(WATERMARK_FILE).display()
        )));
    };
    if report.commits < acknowledged {
        return Err(Damage(format!(
            "the store holds {} commits but {acknowledged} were acknowledged: it lost the writes \
             after commit {} (the storage engine rolls back to an earlier state when its file was \
             cut or overwritten)",
            report.commits, report.commits
        )));
    }
    Ok(())
}

/// Reads every tree of `store` end to end through a [`Checker`].
pub fn check_store(store: &dyn Store) -> Result<Report, Damage> {
    let mut checker = Checker::new();
    for &tree in Tree::ALL {
        let mut start: Vec<u8> = Vec::new();
        let mut read = 0u64;
        loop {
            let page = store.scan(tree, b"", &start, PAGE).map_err(|e| {
                Damage(format!(
                    "{}: cannot be read after record {read}: {e}",
                    tree.name()
                ))
            })?;
            let full = page.len() == PAGE;
            for (k, v) in &page {
                checker.record(tree, k, v)?;
                read += 1;
                start.clone_from(k);
                start.push(0);
            }
            if !full {
                break;
            }
        }
    }
    checker.finish()
}
