//! Storage behind a narrow interface: named trees of ordered byte keys, read one key or a
//! range at a time, and written only in atomic batches that are durable when `apply`
//! returns. That is all the registry needs: the embedded [`SledStore`] provides it, and so
//! does [`PostgresStore`] with a table `(tree, key, value)` and a transaction per batch, so a
//! deployment that outgrows one machine can run on a replicated database instead.
//! `tests/store_conformance.rs` holds both to the same tests.

mod pending;
pub mod postgres;
mod sled_store;

pub use postgres::{DatabaseUrl, PostgresStore, Snapshot};
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

            /// The tree's place in [`Tree::ALL`].
            pub fn index(self) -> usize {
                // The variants carry no values of their own: each is its declaration's place.
                self as usize
            }

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
#[derive(Debug, Clone, thiserror::Error)]
#[error("storage: {message}")]
pub struct StoreError {
    message: String,
    unavailable: bool,
    taken: bool,
}

impl StoreError {
    /// A failure of the store itself (a damaged file, a refused statement).
    pub fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            unavailable: false,
            taken: false,
        }
    }

    /// A batch put a key it wanted new ([`Batch::put_new`]) that already holds a value:
    /// the batch wrote nothing.
    pub fn taken() -> Self {
        Self {
            message: "a key the batch put as new already holds a value".to_owned(),
            unavailable: false,
            taken: true,
        }
    }

    /// Whether a batch was refused because a key it put as new was taken (see
    /// [`StoreError::taken`]).
    pub fn is_taken(&self) -> bool {
        self.taken
    }

    /// The store could not be reached (a database whose connections are cut, that does not
    /// answer in time): nothing was written, and the same call may succeed once it is back.
    /// The registry answers 503 `store_unavailable` to these.
    pub fn unavailable(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            unavailable: true,
            taken: false,
        }
    }

    /// Whether the store could not be reached (see [`StoreError::unavailable`]).
    pub fn is_unavailable(&self) -> bool {
        self.unavailable
    }

    /// What failed, for the operator's log.
    pub fn message(&self) -> &str {
        &self.message
    }
}

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
    /// Keys the batch puts that must hold nothing before it (see [`Batch::put_new`]).
    pub new_keys: Vec<(Tree, Vec<u8>)>,
}

impl Batch {
    /// Adds a put.
    pub fn put(&mut self, tree: Tree, key: impl Into<Vec<u8>>, value: impl Into<Vec<u8>>) {
        self.ops.push(Op::Put(tree, key.into(), value.into()));
    }

    /// Adds a put of a key that must hold nothing: if it holds a value when the batch is
    /// applied, the whole batch writes nothing and fails with [`StoreError::taken`]. The
    /// check and the write are one step, also against other processes on a shared store
    /// (a spent nonce: refused by every replica, at no extra round trip). The check is of
    /// the key before the batch; see [`Batch::check_new_keys`] for what a batch may not do
    /// with it.
    pub fn put_new(&mut self, tree: Tree, key: impl Into<Vec<u8>>, value: impl Into<Vec<u8>>) {
        let key = key.into();
        self.new_keys.push((tree, key.clone()));
        self.ops.push(Op::Put(tree, key, value.into()));
    }

    /// Adds a delete.
    pub fn delete(&mut self, tree: Tree, key: impl Into<Vec<u8>>) {
        self.ops.push(Op::Delete(tree, key.into()));
    }

    /// Refuses a batch that puts one key as new twice, or deletes a key it put as new
    /// after putting it (a store checks the keys put as new that the batch leaves
    /// holding a value).
    pub fn check_new_keys(&self) -> Result<(), StoreError> {
        if self.new_keys.is_empty() {
            return Ok(());
        }
        let mut last: std::collections::HashMap<(Tree, &[u8]), bool> = Default::default();
        for op in &self.ops {
            match op {
                Op::Put(tree, key, _) => last.insert((*tree, key.as_slice()), true),
                Op::Delete(tree, key) => last.insert((*tree, key.as_slice()), false),
            };
        }
        let mut puts = std::collections::HashSet::new();
        for (tree, key) in &self.new_keys {
            let put_last = last.get(&(*tree, key.as_slice())).copied() == Some(true);
            if !put_last || !puts.insert((*tree, key.as_slice())) {
                return Err(StoreError::new(
                    "a batch writes a key again after putting it as new",
                ));
            }
        }
        Ok(())
    }

    /// Whether there is nothing to write.
    pub fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }
}

/// The storage the registry runs on.
///
/// A store that several registry processes may write at once (PostgreSQL) says so with
/// [`Store::shared`] and gives out a [`WriteLock`]: the ledger takes it before it reads
/// anything it will write on, and commits its group of writes through it.
pub trait Store: Send + Sync + 'static {
    /// The value at `key`.
    fn get(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError>;
    /// The values at several keys, in the order asked (one round trip where the store has
    /// round trips).
    fn get_many(&self, keys: &[(Tree, &[u8])]) -> Result<Vec<Option<Vec<u8>>>, StoreError> {
        keys.iter()
            .map(|(tree, key)| self.get(*tree, key))
            .collect()
    }
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
    /// A batch with a key put as new that holds a value writes nothing and fails with
    /// [`StoreError::taken`] (so do [`Store::apply_unflushed`] and a [`WriteLock`]'s).
    fn apply(&self, batch: Batch) -> Result<(), StoreError>;
    /// Whether this store can apply batches before making them durable, and make many
    /// durable with one [`Store::flush`] (group commit): cheaper than one flush per batch
    /// when writers come in parallel. A store that cannot says `false` (the default), and
    /// [`Store::apply_unflushed`] is then a durable [`Store::apply`].
    fn groups_flushes(&self) -> bool {
        false
    }
    /// Applies every write of `batch` atomically, visible to reads at once but durable only
    /// after the next [`Store::flush`]. Nothing may be acknowledged to anyone before then.
    fn apply_unflushed(&self, batch: Batch) -> Result<(), StoreError> {
        self.apply(batch)
    }
    /// Makes every batch applied before the call durable.
    fn flush(&self) -> Result<(), StoreError> {
        Ok(())
    }
    /// Whether other processes may write this store while this one does (several registry
    /// replicas on one database). The ledger then holds a [`WriteLock`] around each group
    /// of writes and re-reads its counters under it; a store only this process writes
    /// (sled, whose directory is locked) needs neither.
    fn shared(&self) -> bool {
        false
    }
    /// Waits until no other process writes, and keeps them out until the returned lock is
    /// dropped. `None` for a store that is not [`Store::shared`].
    fn lock_writes(&self) -> Result<Option<Box<dyn WriteLock>>, StoreError> {
        Ok(None)
    }
}

/// Exclusive writing across processes (see [`Store::lock_writes`]): while it is held no
/// other process writes, so everything read from the store stays as read except by this
/// lock's own batches. Dropping it lets the others in.
pub trait WriteLock: Send {
    /// Applies `batch` atomically and durably (as [`Store::apply`]) through the lock itself,
    /// so that a lock lost with its connection can never let a batch through unguarded: the
    /// batch fails instead (unavailable).
    fn apply(&mut self, batch: Batch) -> Result<(), StoreError>;
    /// Applies `batch` through the lock as [`Store::apply_unflushed`] does: visible at once
    /// (to every process), durable only after the next [`Store::flush`].
    fn apply_unflushed(&mut self, batch: Batch) -> Result<(), StoreError> {
        self.apply(batch)
    }
    /// Whether the lock may still be held: `false` once it is known lost (its connection
    /// closed), when the store has released it and another process may have written.
    fn still_held(&self) -> bool {
        true
    }
}
