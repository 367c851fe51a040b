//! Checking a store end to end: every tree read from its first key to its last, every record
//! parsed as the record its tree holds (and filed under the key it names), the references
//! between trees resolved, and the audit log's hash chain walked from the genesis hash.
//!
//! The registry runs this at every start and refuses to serve a store that fails it (a
//! store whose tail was cut once served 500 for some credentials while acknowledging new
//! writes on top); `skillpass-registry check` runs it on demand; `restore` runs the same
//! [`Checker`] over a backup's records before writing any of them.

use std::collections::HashSet;

use credential_core::audit::{ChainError, ChainVerifier, LogEntry};
use credential_core::jws::{JwsError, UnverifiedJws};
use credential_core::signed::{self, BundleJwt, CredentialJwt, Kind, UploadedStatusListJwt};
use serde::de::DeserializeOwned;

use crate::ledger::watermark::{self, Watermark, WATERMARK_FILE};
use crate::records::keys::{
    self, is_bookkeeping, BUNDLE_KEY, BUNDLE_PENDING_KEY, BUNDLE_SEQUENCE_KEY, COMMITS_KEY,
    DIGEST_KEY, READ_HORIZON_KEY, SEQUENCE_FLOOR_KEY,
};
use crate::records::{
    pages, AuthorityRecord, BundleRecord, DecisionRecord, Grant, IssuerRecord, StatusListRecord,
};
use crate::store::{ContentDigest, Store, Tree};

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

/// The first problem found, in a sentence naming the tree and the record.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct Damage(pub String);

/// What is wrong with one record (the [`Damage`] names where it is).
#[derive(Debug, thiserror::Error)]
enum Flaw {
    #[error("is not {0}")]
    Not(&'static str),
    #[error("is not {what}: {error}")]
    Unparsed {
        what: &'static str,
        error: serde_json::Error,
    },
    #[error("is filed under another key than the {what} it holds ({expected})")]
    Misfiled {
        what: &'static str,
        expected: String,
    },
    #[error("holds a {what} that is not a JWS: {error}")]
    NotJws { what: &'static str, error: JwsError },
    #[error("names no issuer DID")]
    NoIssuer,
    #[error("names the issuer {0}, which is not stored")]
    UnknownIssuer(String),
    #[error("holds a value where none belongs")]
    Value,
    #[error("names a grant that is not stored")]
    UnknownGrant,
    #[error("holds entry {entry} under sequence {key}")]
    Sequence { entry: u64, key: u64 },
    #[error("breaks the audit log's hash chain: {0}")]
    Chain(#[from] ChainError),
}

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
    stored_bundle_sequence: Option<u64>,
    commits: u64,
    digest: ContentDigest,
    stored_digest: Option<ContentDigest>,
}

fn parse<T: DeserializeOwned>(value: &[u8], what: &'static str) -> Result<T, Flaw> {
    serde_json::from_slice(value).map_err(|error| Flaw::Unparsed { what, error })
}

fn expect_key(key: &[u8], expected: &[u8], what: &'static str) -> Result<(), Flaw> {
    if key != expected {
        return Err(Flaw::Misfiled {
            what,
            expected: show(expected),
        });
    }
    Ok(())
}

/// Parses a stored document of kind `K` within its size limit (its signature was checked
/// when it was stored).
fn jws<'a, K: Kind>(compact: &'a str, what: &'static str) -> Result<UnverifiedJws<'a>, Flaw> {
    signed::parse::<K>(compact).map_err(|error| Flaw::NotJws { what, error })
}

fn number(bytes: &[u8], what: &'static str) -> Result<u64, Flaw> {
    keys::be_u64(bytes).ok_or(Flaw::Not(what))
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
        let position = tree.index();
        let last = self.counts.last().map(|(t, _)| t.index());
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

    fn check(&mut self, tree: Tree, key: &[u8], value: &[u8]) -> Result<(), Flaw> {
        match tree {
            Tree::IssuerdidIssuer => {
                let r: IssuerRecord = parse(value, "an issuer record")?;
                expect_key(key, r.id.as_bytes(), "issuer")?;
                self.issuers.insert(r.id);
            }
            Tree::KeydidIssuerdid => {
                std::str::from_utf8(key).map_err(|_| Flaw::Not("a key DID"))?;
                let issuer = std::str::from_utf8(value).map_err(|_| Flaw::NoIssuer)?;
                if !self.issuers.contains(issuer) {
                    return Err(Flaw::UnknownIssuer(issuer.to_owned()));
                }
            }
            Tree::CredentialidCredential => {
                let r = crate::records::compact::decode(value)
                    .map_err(|_| Flaw::Not("a stored credential (compact or JSON)"))?;
                expect_key(key, r.id.as_bytes(), "credential")?;
                if credential_core::verify::is_data_integrity(&r.jws) {
                    if credential_core::integrity::peek_credential_json(&r.jws).is_err() {
                        return Err(Flaw::Not("a credential (Data Integrity JSON)"));
                    }
                } else {
                    jws::<CredentialJwt>(&r.jws, "credential")?;
                }
                self.credentials.insert(key.to_vec());
            }
            Tree::GrantidGrant => {
                let r: Grant = parse(value, "a grant")?;
                expect_key(key, r.id.as_bytes(), "grant")?;
                self.grants.insert(key.to_vec());
            }
            Tree::CredentialidgrantidEmpty => {
                let (credential, grant) = keys::split_grant_index(key)
                    .ok_or(Flaw::Not("a credential id and a grant id"))?;
                if !value.is_empty() {
                    return Err(Flaw::Value);
                }
                if !self.grants.contains(grant) {
                    return Err(Flaw::UnknownGrant);
                }
                self.pending_grant_index
                    .push((credential.to_vec(), grant.to_vec()));
            }
            Tree::IssuerpurposeStatuslist => {
                let r: StatusListRecord = parse(value, "a status list record")?;
                expect_key(
                    key,
                    &keys::status_list(&r.issuer, &r.purpose),
                    "status list",
                )?;
                jws::<UploadedStatusListJwt>(&r.jws, "status list")?;
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
                    return Err(Flaw::Not("a seen nonce"));
                }
            }
            Tree::LogseqEntry => {
                let seq = number(key, "a log sequence number")?;
                let entry: LogEntry = parse(value, "a log entry")?;
                if entry.seq != seq {
                    return Err(Flaw::Sequence {
                        entry: entry.seq,
                        key: seq,
                    });
                }
                self.chain.push(&entry)?;
            }
            Tree::NameValue => match key {
                BUNDLE_KEY => {
                    let r: BundleRecord = parse(value, "a trust bundle record")?;
                    let jws = jws::<BundleJwt>(&r.jws, "bundle")?;
                    let kid = jws.header().kid.clone().unwrap_or_default();
                    let anchor = kid.split('#').next().unwrap_or_default().to_owned();
                    self.bundle_sequence = Some(r.sequence);
                    self.bundle_anchor = Some(anchor);
                }
                COMMITS_KEY => self.commits = number(value, "a commit count")?,
                DIGEST_KEY => {
                    self.stored_digest = Some(
                        ContentDigest::from_bytes(value).ok_or(Flaw::Not("a content digest"))?,
                    );
                }
                READ_HORIZON_KEY => {
                    number(value, "a time in seconds")?;
                }
                SEQUENCE_FLOOR_KEY => {
                    self.sequence_floor = Some(number(value, "a sequence number")?);
                }
                BUNDLE_SEQUENCE_KEY => {
                    self.stored_bundle_sequence = Some(number(value, "a sequence number")?);
                }
                // A change that called for a bundle the registry had not signed yet when it
                // stopped: the next writer signs it.
                BUNDLE_PENDING_KEY if value.is_empty() => {}
                _ => return Err(Flaw::Not("a record this registry keeps")),
            },
        }
        Ok(())
    }

    /// Ends the check: the content digest, cross-tree references, then the report.
    pub fn finish(mut self) -> Result<Report, Damage> {
        if let Some(kept) = self.stored_bundle_sequence {
            if self.bundle_sequence != Some(kept) {
                return Err(Damage(format!(
                    "{}: the bundle sequence kept beside the bundle ({kept}) is not the stored \
                     bundle's",
                    Tree::NameValue.name()
                )));
            }
        }
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

/// Refuses a store that holds fewer commits than were acknowledged (see
/// [`watermark`]): it rolled back.
pub fn check_watermark(dir: &std::path::Path, report: &Report) -> Result<(), Damage> {
    let acknowledged = match watermark::read(dir) {
        Watermark::Absent => return Ok(()),
        Watermark::Acknowledged(n) => n,
        Watermark::Unreadable => {
            return Err(Damage(format!(
                "the watermark file {} is unreadable",
                dir.join(WATERMARK_FILE).display()
            )))
        }
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
        let mut read = 0u64;
        for page in pages(store, tree) {
            let page = page.map_err(|e| {
                Damage(format!(
                    "{}: cannot be read after record {read}: {e}",
                    tree.name()
                ))
            })?;
            for (k, v) in &page {
                checker.record(tree, k, v)?;
                read += 1;
            }
        }
    }
    checker.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_of_a_tree_after_a_later_tree_are_refused_as_out_of_order() {
        use crate::records::keys::BUNDLE_PENDING_KEY;
        let nonce = b"00000001-nonce";
        let mut checker = Checker::new();
        checker
            .record(Tree::IatnonceSeen, nonce, b"")
            .expect("a first tree");
        checker
            .record(Tree::NameValue, BUNDLE_PENDING_KEY, b"")
            .expect("a later tree");
        let Err(Damage(why)) = checker.record(Tree::IatnonceSeen, b"00000002-nonce", b"") else {
            panic!("a tree met again after a later one was accepted");
        };
        assert!(why.contains("records out of order"), "{why}");
        assert!(why.contains(Tree::NameValue.name()), "{why}");
    }
}
