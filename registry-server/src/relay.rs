//! The presentation relay's mailboxes: for an employer who runs no server, a wallet posts
//! its OpenID4VP `direct_post.jwt` answer here, and the employer collects it.
//!
//! What the registry may know is deliberately little (DESIGN: "the registry never reads a
//! presentation it relays"):
//!
//! - it holds only what the wallet sent, a JWE encrypted to the employer's ephemeral key,
//!   byte for byte, and never a key that could open it;
//! - a mailbox is named by the SHA-256 of a secret only the employer holds
//!   (`id = base64url(SHA-256(secret))`), so the registry learns no employer identity and
//!   only the holder of the secret can collect (the secret is never stored);
//! - entries live in memory only, for [`TTL_SECONDS`], and are handed out once: a
//!   collection empties the mailbox, and nothing is written to the store or the log.
//!
//! Memory is bounded: each answer by [`MAX_RESPONSE`], each mailbox by
//! [`MAX_PER_MAILBOX`] answers, the whole relay by [`MAX_TOTAL_BYTES`]. With several
//! replicas a mailbox lives on the replica the wallet reached: route `/relay/` to one.

use std::collections::HashMap;
use std::sync::Mutex;

use base64::Engine as _;
use chrono::{DateTime, Duration, Utc};
use sha2::{Digest as _, Sha256};

/// Longest answer accepted (the JWE), in bytes.
pub const MAX_RESPONSE: usize = 256 * 1024;
/// Most answers waiting in one mailbox: a wallet answers once; a few more let a real
/// answer through when someone who saw the QR code posted first.
pub const MAX_PER_MAILBOX: usize = 4;
/// Most bytes waiting in the whole relay.
pub const MAX_TOTAL_BYTES: usize = 64 * 1024 * 1024;
/// How long an answer waits to be collected.
pub const TTL_SECONDS: i64 = 15 * 60;
/// Length of a mailbox id and of the secret: 32 bytes in base64url without padding.
pub const ID_LEN: usize = 43;

/// Why an answer was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The mailbox holds [`MAX_PER_MAILBOX`] answers already.
    MailboxFull,
    /// The relay holds [`MAX_TOTAL_BYTES`] already.
    RelayFull,
}

struct Entry {
    jwe: String,
    at: DateTime<Utc>,
}

/// The mailboxes, by id.
#[derive(Default)]
pub struct Relay {
    boxes: Mutex<HashMap<String, Vec<Entry>>>,
}

/// Whether `id` has the form of a mailbox id (or a secret): 43 base64url characters.
pub fn well_formed(id: &str) -> bool {
    id.len() == ID_LEN
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The mailbox id of `secret`.
pub fn mailbox_of(secret: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(Sha256::digest(secret.as_bytes()))
}

impl Relay {
    fn sweep(boxes: &mut HashMap<String, Vec<Entry>>, now: DateTime<Utc>) {
        let oldest = now - Duration::seconds(TTL_SECONDS);
        boxes.retain(|_, entries| {
            entries.retain(|e| e.at > oldest);
            !entries.is_empty()
        });
    }

    /// Puts `jwe` in mailbox `id`.
    pub fn put(&self, id: &str, jwe: String, now: DateTime<Utc>) -> Result<(), Refusal> {
        let mut boxes = self.boxes.lock().unwrap_or_else(|p| p.into_inner());
        Self::sweep(&mut boxes, now);
        let total: usize = boxes.values().flatten().map(|e| e.jwe.len()).sum();
        if total + jwe.len() > MAX_TOTAL_BYTES {
            return Err(Refusal::RelayFull);
        }
        let entries = boxes.entry(id.to_owned()).or_default();
        if entries.len() >= MAX_PER_MAILBOX {
            return Err(Refusal::MailboxFull);
        }
        entries.push(Entry { jwe, at: now });
        Ok(())
    }

    /// Takes every answer waiting in mailbox `id`, oldest first, leaving it empty.
    pub fn take(&self, id: &str, now: DateTime<Utc>) -> Vec<String> {
        let mut boxes = self.boxes.lock().unwrap_or_else(|p| p.into_inner());
        Self::sweep(&mut boxes, now);
        boxes
            .remove(id)
            .unwrap_or_default()
            .into_iter()
            .map(|e| e.jwe)
            .collect()
    }

    /// What mailbox `id` holds, without taking it: for tests that show the relay holds
    /// the ciphertext and nothing else.
    pub fn peek(&self, id: &str) -> Vec<String> {
        let boxes = self.boxes.lock().unwrap_or_else(|p| p.into_inner());
        boxes
            .get(id)
            .map(|entries| entries.iter().map(|e| e.jwe.clone()).collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_handed_out_once_and_expires_unread() {
        let relay = Relay::default();
        let now = Utc::now();
        let id = mailbox_of("s");
        relay.put(&id, "a.b.c.d.e".into(), now).unwrap();
        assert_eq!(relay.take(&id, now), vec!["a.b.c.d.e".to_owned()]);
        assert!(relay.take(&id, now).is_empty());
        relay.put(&id, "a.b.c.d.e".into(), now).unwrap();
        assert!(relay
            .take(&id, now + Duration::seconds(TTL_SECONDS + 1))
            .is_empty());
    }

    #[test]
    fn a_mailbox_and_the_relay_are_bounded() {
        let relay = Relay::default();
        let now = Utc::now();
        for _ in 0..MAX_PER_MAILBOX {
            relay.put("m", "x".into(), now).unwrap();
        }
        assert_eq!(relay.put("m", "x".into(), now), Err(Refusal::MailboxFull));
        let big = "x".repeat(MAX_TOTAL_BYTES);
        assert_eq!(relay.put("n", big, now), Err(Refusal::RelayFull));
    }

    #[test]
    fn a_mailbox_id_is_the_base64url_sha256_of_its_secret() {
        let id = mailbox_of("secret");
        assert!(well_formed(&id));
        assert_eq!(id, "K7gNU3sdo-OL0wNhqoVWhr3g6s1xYv72ol_pe_Unols");
        assert!(!well_formed("K7gNU3sdo+OL0wNhqoVWhr3g6s1xYv72ol/pe/Unols"));
        assert!(!well_formed("short"));
    }
}
