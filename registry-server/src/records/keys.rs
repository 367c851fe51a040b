//! The byte keys records are filed under, built and taken apart in this one place (the
//! trees themselves are declared in `store/mod.rs`). Composite keys join their parts with
//! a 0x00 byte, which no DID, id or purpose contains, so a prefix scan of `issuer 0x00`
//! finds that issuer's records and no other's.

use crate::store::Tree;

/// Key of the current bundle in [`Tree::NameValue`].
pub const BUNDLE_KEY: &[u8] = b"bundle";
/// Key of the current bundle's sequence in [`Tree::NameValue`] (8 bytes big-endian),
/// written with every bundle: a registry sharing its database with others reads it to know
/// whether the bundle it serves from memory is still the newest.
pub const BUNDLE_SEQUENCE_KEY: &[u8] = b"bundle_sequence";
/// Key of the "bundle pending" mark in [`Tree::NameValue`] (empty value): written with a
/// change that calls for a new bundle and deleted with that bundle, so a writer that finds
/// it (another process died in between) signs the bundle first.
pub const BUNDLE_PENDING_KEY: &[u8] = b"bundle_pending";
/// Key of the sequence floor in [`Tree::NameValue`] (8 bytes big-endian): a restored store
/// signs its bundles above it, so that no sequence the old registry signed is signed again
/// with other content.
pub const SEQUENCE_FLOOR_KEY: &[u8] = b"sequence_floor";
/// Key of the read horizon in [`Tree::NameValue`] (8 bytes big-endian, seconds): every
/// signed read answered before its nonce was flushed was signed at or before this time, and
/// it is durable before any such read is answered. A registry that starts after a crash
/// cannot know which of those nonces reached the disk, so it refuses reads signed at or
/// before the horizon it finds (see `Ledger::spend_read_nonce`).
pub const READ_HORIZON_KEY: &[u8] = b"read_horizon";
/// Key of the commit counter in [`Tree::NameValue`] (8 bytes big-endian): every batch the
/// registry applies adds one, and the count is also written to the watermark file outside
/// the store, so a store that lost acknowledged writes (sled rolls back to an earlier state
/// when a file is cut or overwritten) shows a count below the watermark.
pub const COMMITS_KEY: &[u8] = b"commits";
/// Key of the content digest in [`Tree::NameValue`] (32 bytes): the
/// [`ContentDigest`](crate::store::ContentDigest) of every record but the counter and
/// itself, kept with every batch, so the start-up check notices records lost or altered
/// anywhere in the store, not only at its end.
pub const DIGEST_KEY: &[u8] = b"content_digest";

/// Whether a record is the store's own bookkeeping (left out of its content digest).
pub fn is_bookkeeping(tree: Tree, key: &[u8]) -> bool {
    tree == Tree::NameValue && (key == COMMITS_KEY || key == DIGEST_KEY)
}

/// The first key after `key` in key order: where the next page of a scan starts.
pub(crate) fn after(key: &[u8]) -> Vec<u8> {
    let mut next = Vec::with_capacity(key.len() + 1);
    next.extend_from_slice(key);
    next.push(0);
    next
}

/// `a 0x00 b`.
fn joined(a: &[u8], b: &[u8]) -> Vec<u8> {
    let mut key = after(a);
    key.extend_from_slice(b);
    key
}

/// [`Tree::IssuerpurposeStatuslist`]: issuer DID, 0x00, purpose.
pub(crate) fn status_list(issuer: &str, purpose: &str) -> Vec<u8> {
    joined(issuer.as_bytes(), purpose.as_bytes())
}

/// [`Tree::CredentialidgrantidEmpty`]: credential id, 0x00, grant id.
pub(crate) fn grant_index(credential: &str, grant: &str) -> Vec<u8> {
    joined(credential.as_bytes(), grant.as_bytes())
}

/// The prefix of every [`grant_index`] key of one credential.
pub(crate) fn grant_index_prefix(credential: &str) -> Vec<u8> {
    after(credential.as_bytes())
}

/// A [`grant_index`] key taken apart: the credential id and the grant id.
pub(crate) fn split_grant_index(key: &[u8]) -> Option<(&[u8], &[u8])> {
    let split = key.iter().position(|b| *b == 0)?;
    let (credential, grant) = key.split_at(split);
    Some((credential, grant.get(1..).unwrap_or_default()))
}

/// A number stored as 8 bytes big-endian (log sequences, counters, the sequence floor).
pub(crate) fn be_u64(bytes: &[u8]) -> Option<u64> {
    <[u8; 8]>::try_from(bytes).ok().map(u64::from_be_bytes)
}

/// The key of a signed request's nonce in [`Tree::IatnonceSeen`]: `iat` (8 bytes
/// big-endian, so expired nonces are the keys below a time), the signer's DID, 0x00, the
/// nonce. Only [`NonceKey::new`] builds one, from an authenticated request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NonceKey(Vec<u8>);

impl NonceKey {
    /// The key of `nonce` sent by `did` at `iat` (a negative `iat` counts as 0).
    pub(crate) fn new(iat: i64, did: &str, nonce: &str) -> Self {
        let iat = u64::try_from(iat).unwrap_or(0);
        let mut key = iat.to_be_bytes().to_vec();
        key.extend_from_slice(&joined(did.as_bytes(), nonce.as_bytes()));
        Self(key)
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.0
    }
}

/// The bound below which nonces are expired: every key of a nonce sent before `time`
/// sorts below it.
pub(crate) fn nonce_horizon(time: i64) -> [u8; 8] {
    u64::try_from(time).unwrap_or(0).to_be_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composite_keys_join_their_parts_with_a_zero_byte() {
        assert_eq!(
            status_list("did:key:z", "revocation"),
            b"did:key:z\0revocation"
        );
        let index = grant_index("urn:uuid:c", "urn:uuid:g");
        assert_eq!(index, b"urn:uuid:c\0urn:uuid:g");
        assert!(index.starts_with(&grant_index_prefix("urn:uuid:c")));
        assert_eq!(
            split_grant_index(&index),
            Some((&b"urn:uuid:c"[..], &b"urn:uuid:g"[..]))
        );
        assert_eq!(split_grant_index(b"no separator"), None);
    }

    #[test]
    fn nonce_keys_sort_by_time_first() {
        let early = NonceKey::new(100, "did:key:zB", "n");
        let late = NonceKey::new(200, "did:key:zA", "n");
        assert!(early.as_bytes() < late.as_bytes());
        assert!(early.as_bytes() < &nonce_horizon(101)[..]);
        assert!(late.as_bytes() > &nonce_horizon(200)[..]);
        assert_eq!(NonceKey::new(-5, "d", "n"), NonceKey::new(0, "d", "n"));
    }
}
