//! The registry's tamper-evident audit log: entries chained by SHA-256.
//!
//! Each entry names what changed (`kind`), who did it (`actor`, a DID), what it changed
//! (`subject`: a DID, a list URL, or a credential id *hashed*, never personal data), the
//! previous entry's hash and its own. `hash` is the lowercase hex SHA-256 of the entry's
//! canonical form: the JSON object of every member but `hash`, keys sorted, no whitespace
//! (RFC 8785 for these string and integer members). The first entry's `prevHash` is 64
//! zeros. [`verify_chain`] names the first entry that breaks the chain.

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

/// `prevHash` of the first entry.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One log entry. Field order is the canonical (sorted) order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LogEntry {
    /// Who made the change (a DID).
    pub actor: String,
    /// Its hash (hex SHA-256 of the canonical form without this member).
    pub hash: String,
    /// What happened, e.g. `issuer_accredited`, `credential_published`, `status_changed`.
    pub kind: String,
    /// The previous entry's `hash`.
    pub prev_hash: String,
    /// Position in the log, from 1 without gaps.
    pub seq: u64,
    /// What changed, without personal data.
    pub subject: String,
    /// When (RFC 3339, UTC).
    pub time: String,
}

/// The members that are hashed, in sorted order.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Canonical<'a> {
    actor: &'a str,
    kind: &'a str,
    prev_hash: &'a str,
    seq: u64,
    subject: &'a str,
    time: &'a str,
}

impl LogEntry {
    /// A new entry after `prev_hash`, with its hash computed.
    pub fn new(
        seq: u64,
        time: &str,
        kind: &str,
        actor: &str,
        subject: &str,
        prev_hash: &str,
    ) -> Self {
        let mut entry = Self {
            actor: actor.to_owned(),
            hash: String::new(),
            kind: kind.to_owned(),
            prev_hash: prev_hash.to_owned(),
            seq,
            subject: subject.to_owned(),
            time: time.to_owned(),
        };
        entry.hash = entry.compute_hash();
        entry
    }

    /// The canonical bytes that are hashed.
    pub fn canonical(&self) -> Vec<u8> {
        serde_json::to_vec(&Canonical {
            actor: &self.actor,
            kind: &self.kind,
            prev_hash: &self.prev_hash,
            seq: self.seq,
            subject: &self.subject,
            time: &self.time,
        })
        .unwrap_or_default()
    }

    /// The hash this entry should carry.
    pub fn compute_hash(&self) -> String {
        hex::encode(Sha256::digest(self.canonical()))
    }
}

/// Hashes a credential id for the log, so the public log never carries the id itself:
/// `sha256:` and the lowercase hex digest.
pub fn credential_subject(credential_id: &str) -> String {
    format!(
        "sha256:{}",
        hex::encode(Sha256::digest(credential_id.as_bytes()))
    )
}

/// The first broken entry of a chain, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("log entry {seq}: {reason}")]
pub struct ChainError {
    /// The sequence number of the first bad entry.
    pub seq: u64,
    /// What is wrong with it.
    pub reason: String,
}

/// Walks a chain fed in order, entry by entry, so a long log need not be held in memory.
#[derive(Debug, Clone)]
pub struct ChainVerifier {
    next_seq: u64,
    prev_hash: String,
}

impl Default for ChainVerifier {
    fn default() -> Self {
        Self {
            next_seq: 1,
            prev_hash: GENESIS_HASH.to_owned(),
        }
    }
}

impl ChainVerifier {
    /// Checks the next raw entry (`expected_seq` is where the server said it is).
    pub fn push_raw(
        &mut self,
        expected_seq: u64,
        raw: &serde_json::Value,
    ) -> Result<(), ChainError> {
        let entry: LogEntry = serde_json::from_value(raw.clone()).map_err(|e| ChainError {
            seq: expected_seq,
            reason: format!("not a log entry: {e}"),
        })?;
        self.push(&entry)
    }

    /// Checks the next entry: sequence, link to the previous entry, and its own hash.
    pub fn push(&mut self, entry: &LogEntry) -> Result<(), ChainError> {
        let bad = |reason: String| ChainError {
            seq: entry.seq,
            reason,
        };
        if entry.seq != self.next_seq {
            return Err(ChainError {
                seq: self.next_seq,
                reason: format!("expected sequence {}, found {}", self.next_seq, entry.seq),
            });
        }
        if entry.prev_hash != self.prev_hash {
            return Err(bad(
                "prevHash does not match the previous entry's hash".into()
            ));
        }
        let computed = entry.compute_hash();
        if entry.hash != computed {
            return Err(bad("its content does not match its hash (edited)".into()));
        }
        self.next_seq += 1;
        self.prev_hash = computed;
        Ok(())
    }

    /// How many entries were checked.
    pub fn count(&self) -> u64 {
        self.next_seq - 1
    }

    /// The hash of the last entry checked (the chain head).
    pub fn head(&self) -> &str {
        &self.prev_hash
    }
}

/// Checks a whole chain in order.
pub fn verify_chain(entries: &[LogEntry]) -> Result<(), ChainError> {
    let mut v = ChainVerifier::default();
    entries.iter().try_for_each(|e| v.push(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chain(n: u64) -> Vec<LogEntry> {
        let mut prev = GENESIS_HASH.to_owned();
        (1..=n)
            .map(|seq| {
                let e = LogEntry::new(seq, "2026-01-01T00:00:00Z", "k", "did:key:a", "s", &prev);
                prev = e.hash.clone();
                e
            })
            .collect()
    }

    #[test]
    fn an_intact_chain_verifies() {
        assert!(verify_chain(&chain(5)).is_ok());
    }

    #[test]
    fn an_edited_entry_is_named() {
        let mut c = chain(5);
        c[2].subject = "t".into();
        assert_eq!(verify_chain(&c).unwrap_err().seq, 3);
    }

    #[test]
    fn a_removed_entry_is_named_by_the_missing_sequence() {
        let mut c = chain(5);
        c.remove(1);
        assert_eq!(verify_chain(&c).unwrap_err().seq, 2);
    }

    #[test]
    fn a_rehashed_edit_breaks_the_next_link() {
        let mut c = chain(5);
        c[2].subject = "t".into();
        c[2].hash = c[2].compute_hash();
        assert_eq!(verify_chain(&c).unwrap_err().seq, 4);
    }

    #[test]
    fn canonical_form_has_sorted_keys_and_no_hash() {
        let e = LogEntry::new(1, "t", "k", "a", "s", GENESIS_HASH);
        let text = String::from_utf8(e.canonical()).unwrap();
        assert_eq!(
            text,
            format!(
                r#"{{"actor":"a","kind":"k","prevHash":"{GENESIS_HASH}","seq":1,"subject":"s","time":"t"}}"#
            )
        );
    }
}
