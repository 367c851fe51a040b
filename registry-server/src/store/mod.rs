//! Storage behind a narrow interface: named trees of ordered byte keys, read one key or a
//! range at a time, and written only in atomic batches that are durable when `apply`
//! returns. That is all the registry needs: the embedded [`SledStore`] provides it, and so
//! does [`PostgresStore`] with a table `(tree, key, value)` and a transaction per batch, so a
//! deployment that outgrows one machine can run on a replicated database instead.
//! `tests/store_conformance.rs` holds both to the same tests.

pub mod postgres;
mod sled_store;

pub use postgres::{DatabaseUrl, PostgresStore};
pub use sled_store::SledStore;

/// Declares every tree in one place: the variant, and its `key_value` name on disk.
macro_rules! trees {
    ($($(#[$doc:meta])* $variant:ident => $name:literal,)*) => {
        /// A named tree (conduwuit style: `key_value`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Tree {
            $($(#[$doc])* $variant,)*
        }

        impl Tree {
            /// Every tree, in declaration order.
            pub const ALL: &'static [Tree] = &[$(Tree::$variant,)*];

            /// The tree's name on disk.
            pub fn name(self) -> &'static str {
                match self {
                    $(Tree::$variant => $name,)*
                }
            }

            /// The tree with this name on disk.
            pub fn from_name(name: &str) -> Option<Tree> {
                match name {
                    $($name => Some(Tree::$variant),)*
                    _ => None,
                }
            }
        }
    };
}

trees! {
    /// Issuer DID → issuer record (JSON).
    IssuerdidIssuer => "issuerdid_issuer",
    /// Key DID (past and current) → the issuer DID owning it.
    KeydidIssuerdid => "keydid_issuerdid",
    /// Credential id → stored credential record (JSON; personal data, never listed).
    CredentialidCredential => "credentialid_credential",
    /// Grant id → grant record (JSON).
    GrantidGrant => "grantid_grant",
    /// Credential id, 0x00, grant id → empty (the grants of one credential).
    CredentialidgrantidEmpty => "credentialidgrantid_empty",
    /// Issuer DID, 0x00, purpose → the issuer-signed status list record (JSON).
    IssuerpurposeStatuslist => "issuerpurpose_statuslist",
    /// Authority DID → recognition authority record (JSON; public).
    AuthoritydidAuthority => "authoritydid_authority",
    /// Decision id → recognition decision record: the authority-signed JWS, its payload and
    /// earlier signed versions (JSON; public, decisions are not personal data).
    DecisionidDecision => "decisionid_decision",
    /// `iat` (8 bytes big-endian), signer DID, 0x00, nonce → empty: nonces seen in the window.
    IatnonceSeen => "iatnonce_seen",
    /// Sequence (8 bytes big-endian) → audit log entry (canonical JSON with its hash).
    LogseqEntry => "logseq_entry",
    /// Name → value for singletons (`bundle`: the current signed trust bundle;
    /// `sequence_floor`: the sequence a restored store signs above).
    NameValue => "name_value",
}

/// A key and its value.
pub type Entry = (Vec<u8>, Vec<u8>);

/// A digest of every record in a store that does not depend on their order: the XOR of
/// each record's SHA-256 (over its tree, key and value, each length-prefixed). A write
/// updates it by toggling the old record out and the new one in, so the registry can keep
/// it with every batch, and the start-up check can recompute it from a full read. A store
/// that silently lost or altered records (a storage engine rolling back part of a damaged
/// file) no longer adds up to it. It detects accidents, not an attacker who can write the
/// store and the digest alike.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ContentDigest(pub [u8; 32]);

impl ContentDigest {
    /// Adds a record not counted yet, or removes one that was.
    pub fn toggle(&mut self, tree: Tree, key: &[u8], value: &[u8]) {
        use sha2::Digest as _;
        let mut h = sha2::Sha256::new();
        for part in [tree.name().as_bytes(), key, value] {
            h.update((part.len() as u64).to_be_bytes());
            h.update(part);
        }
        for (d, x) in self.0.iter_mut().zip(h.finalize()) {
            *d ^= x;
        }
    }

    /// The digest as stored (32 bytes), or `None` if `bytes` is not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        <[u8; 32]>::try_from(bytes).ok().map(Self)
    }
}

/// A storage failure. Its details are logged, never sent to clients.
#[derive(Debug, thiserror::Error)]
#[error("storage: {0}")]
pub struct StoreError(pub String);

/// One write in a batch.
#[derive(Debug, Clone)]
pub enum Op {
    /// Set `key` to `value`.
    Put(Tree, Vec<u8>, Vec<u8>),
    /// Remove `key`.
    Delete(Tree, Vec<u8>),
}

/// Writes applied together or not at all.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    /// The writes, in order.
    pub ops: Vec<Op>,
}

impl Batch {
    /// Adds a put.
    pub fn put(&mut self, tree: Tree, key: impl Into<Vec<u8>>, value: impl Into<Vec<u8>>) {
        self.ops.push(Op::Put(tree, key.into(), value.into()));
    }

    /// Adds a delete.
    pub fn delete(&mut self, tree: Tree, key: impl Into<Vec<u8>>) {
        self.ops.push(Op::Delete(tree, key.into()));
    }

    /// Whether there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }
}

/// The storage the registry runs on.
pub trait Store: Send + Sync + 'static {
    /// The value at `key`.
    fn get(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError>;
    /// Up to `limit` entries with keys starting with `prefix`, from `start` (inclusive,
    /// or the start of the prefix when empty), in key order.
    fn scan(
        &self,
        tree: Tree,
        prefix: &[u8],
        start: &[u8],
        limit: usize,
    ) -> Result<Vec<Entry>, StoreError>;
    /// Up to `limit` keys below `end` (exclusive), in key order (for pruning).
    fn keys_below(&self, tree: Tree, end: &[u8], limit: usize) -> Result<Vec<Vec<u8>>, StoreError>;
    /// The entry with the greatest key.
    fn last(&self, tree: Tree) -> Result<Option<Entry>, StoreError>;
    /// Applies every write of `batch` atomically; when it returns `Ok` they are durable.
    fn apply(&self, batch: Batch) -> Result<(), StoreError>;
}
