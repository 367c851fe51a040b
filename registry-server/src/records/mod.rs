//! The registry's records, typed: `records.issuers().get(did)`, `records.grants().of(id)`,
//! `records.status_lists().of(issuer, purpose)`… Handlers read through these and write
//! through the ledger's `Change`, so no handler sees a tree or builds a byte key; the keys
//! are in `keys.rs`, the record types in `model.rs`.
//!
//! A record that no longer parses is a [`RecordError::Corrupt`]: a 500 whose detail (the
//! tree, never the record) goes to the log.

pub mod compact;
pub mod keys;
mod model;

use std::sync::Arc;

use credential_core::equivalence::{EquivalenceTable, FrameworkCatalog};
use serde::de::DeserializeOwned;

pub use keys::NonceKey;
pub use model::{
    supersession_order, AuthorityRecord, BundleRecord, CredentialRecord, DecisionRecord, Grant,
    IssuerRecord, IssuerState, IssuerView, PriorVersion, Standing, StatusListRecord,
};

use crate::error::{AppError, ErrorCode};
use crate::store::{ContentDigest, Entry, Store, StoreError, Tree};

/// Records read per page when a whole tree is read.
pub const PAGE: usize = 1000;
/// Most grants read for one credential (a holder makes a handful).
const MAX_GRANTS: usize = 10_000;

/// Up to a page size of records, and whether more follow.
#[derive(Debug)]
pub struct Page<T> {
    /// The records, in key order.
    pub items: Vec<T>,
    /// Whether records follow the last one.
    pub more: bool,
}

/// An audit log entry as stored.
#[derive(Debug)]
pub struct StoredEntry {
    /// Its sequence, unless its key is not one.
    pub seq: Option<u64>,
    /// Its bytes, kept even when they no longer parse (the damage must stay visible).
    pub bytes: Vec<u8>,
}

/// Why a record could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RecordError {
    /// The store failed (details stay in the log).
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A stored value is not the record its tree holds.
    #[error("corrupt record in {tree}: {detail}")]
    Corrupt {
        /// The tree's name on disk.
        tree: &'static str,
        /// What does not parse.
        detail: String,
    },
}

impl From<RecordError> for AppError {
    fn from(e: RecordError) -> Self {
        match e {
            RecordError::Store(e) => e.into(),
            e => AppError::internal(e),
        }
    }
}

/// Every record of `tree` in key order, a page of at most [`PAGE`] at a time (the last
/// page may be empty). A failed read ends the pages with its error.
pub fn pages(store: &dyn Store, tree: Tree) -> Pages<'_> {
    Pages {
        store,
        tree,
        start: Vec::new(),
        done: false,
    }
}

/// The iterator of [`pages`].
pub struct Pages<'a> {
    store: &'a dyn Store,
    tree: Tree,
    start: Vec<u8>,
    done: bool,
}

impl Iterator for Pages<'_> {
    type Item = Result<Vec<Entry>, StoreError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let page = self.store.scan(self.tree, b"", &self.start, PAGE);
        match &page {
            Ok(entries) if entries.len() == PAGE => {
                if let Some((last, _)) = entries.last() {
                    self.start = keys::after(last);
                }
            }
            _ => self.done = true,
        }
        Some(page)
    }
}

fn parse<T: DeserializeOwned>(tree: Tree, bytes: &[u8]) -> Result<T, RecordError> {
    serde_json::from_slice(bytes).map_err(|e| RecordError::Corrupt {
        tree: tree.name(),
        detail: e.to_string(),
    })
}

/// The records of one tree, read as `T`.
struct Typed<'a> {
    store: &'a dyn Store,
    tree: Tree,
}

impl Typed<'_> {
    fn get<T: DeserializeOwned>(&self, key: &[u8]) -> Result<Option<T>, RecordError> {
        match self.store.get(self.tree, key)? {
            None => Ok(None),
            Some(bytes) => parse(self.tree, &bytes).map(Some),
        }
    }

    /// The records at `keys`, in order, in one store request.
    fn get_each<T: DeserializeOwned>(
        &self,
        keys: &[Vec<u8>],
    ) -> Result<Vec<Option<T>>, RecordError> {
        let asked: Vec<(Tree, &[u8])> = keys.iter().map(|k| (self.tree, k.as_slice())).collect();
        self.store
            .get_many(&asked)?
            .into_iter()
            .map(|value| value.map(|bytes| parse(self.tree, &bytes)).transpose())
            .collect()
    }

    fn exists(&self, key: &[u8]) -> Result<bool, RecordError> {
        Ok(self.store.get(self.tree, key)?.is_some())
    }

    fn all<T: DeserializeOwned>(&self) -> Result<Vec<T>, RecordError> {
        let mut out = Vec::new();
        for page in pages(self.store, self.tree) {
            for (_, v) in page? {
                out.push(parse(self.tree, &v)?);
            }
        }
        Ok(out)
    }

    /// Up to `limit` records from `start` on.
    fn page<T: DeserializeOwned>(
        &self,
        start: &[u8],
        limit: usize,
    ) -> Result<Page<T>, RecordError> {
        let rows = self.store.scan(self.tree, b"", start, limit + 1)?;
        let more = rows.len() > limit;
        let mut items = Vec::with_capacity(limit);
        for (_, v) in rows.into_iter().take(limit) {
            items.push(parse(self.tree, &v)?);
        }
        Ok(Page { items, more })
    }
}

/// The registry's records over a store.
#[derive(Clone)]
pub struct Records {
    store: Arc<dyn Store>,
}

impl Records {
    /// The records of `store`.
    pub fn new(store: Arc<dyn Store>) -> Self {
        Self { store }
    }

    /// The store underneath, for whole-store work (checks, backups, the ledger's batches).
    pub fn store(&self) -> &dyn Store {
        self.store.as_ref()
    }

    fn tree(&self, tree: Tree) -> Typed<'_> {
        Typed {
            store: self.store.as_ref(),
            tree,
        }
    }

    /// Registered issuers and the keys they own.
    pub fn issuers(&self) -> Issuers<'_> {
        Issuers(self)
    }

    /// Stored credentials (personal data: read them only for an allowed reader).
    pub fn credentials(&self) -> Credentials<'_> {
        Credentials(self)
    }

    /// Holders' grants to verifiers, revoked and expired ones kept.
    pub fn grants(&self) -> Grants<'_> {
        Grants(self)
    }

    /// Issuer-signed status lists, one per issuer and purpose.
    pub fn status_lists(&self) -> StatusLists<'_> {
        StatusLists(self)
    }

    /// Recognition authorities the operator registered.
    pub fn authorities(&self) -> Authorities<'_> {
        Authorities(self)
    }

    /// Recognition decisions, with their earlier signed versions.
    pub fn decisions(&self) -> Decisions<'_> {
        Decisions(self)
    }

    /// The hash-chained audit log.
    pub fn log(&self) -> Log<'_> {
        Log(self)
    }

    /// Nonces of signed requests seen within the window.
    pub fn nonces(&self) -> Nonces<'_> {
        Nonces(self)
    }

    /// The singletons: the current bundle, the counters, the sequence floor.
    pub fn meta(&self) -> Meta<'_> {
        Meta(self)
    }
}

/// What a publish reads under the writers' lock, read in one store request (see
/// [`Records::for_publish`]).
pub struct ForPublish {
    /// The issuer record.
    pub issuer: Option<IssuerRecord>,
    /// Its status lists, for each purpose asked, in order.
    pub lists: Vec<Option<StatusListRecord>>,
    /// The credentials stored under each id asked, in order.
    pub credentials: Vec<Option<CredentialRecord>>,
}

impl Records {
    /// The issuer `issuer`, its status lists for `purposes` and the credentials stored under
    /// `ids`, in one store request (on PostgreSQL, one round trip under the writers' lock
    /// instead of one for each kind).
    pub fn for_publish(
        &self,
        issuer: &str,
        purposes: &[&str],
        ids: &[&str],
    ) -> Result<ForPublish, RecordError> {
        let list_keys: Vec<Vec<u8>> = purposes
            .iter()
            .map(|purpose| keys::status_list(issuer, purpose))
            .collect();
        let mut asked: Vec<(Tree, &[u8])> = vec![(Tree::IssuerdidIssuer, issuer.as_bytes())];
        asked.extend(
            list_keys
                .iter()
                .map(|k| (Tree::IssuerpurposeStatuslist, k.as_slice())),
        );
        asked.extend(
            ids.iter()
                .map(|id| (Tree::CredentialidCredential, id.as_bytes())),
        );
        let mut values = self.store.get_many(&asked)?.into_iter();
        if values.len() != asked.len() {
            return Err(
                StoreError::new("the store answered another number of values than asked").into(),
            );
        }
        let issuer = match values.next().flatten() {
            Some(bytes) => Some(parse(Tree::IssuerdidIssuer, &bytes)?),
            None => None,
        };
        let lists = values
            .by_ref()
            .take(purposes.len())
            .map(|v| {
                v.map(|bytes| parse(Tree::IssuerpurposeStatuslist, &bytes))
                    .transpose()
            })
            .collect::<Result<_, _>>()?;
        let credentials = values
            .map(|v| v.map(|bytes| decode_credential(&bytes)).transpose())
            .collect::<Result<_, _>>()?;
        Ok(ForPublish {
            issuer,
            lists,
            credentials,
        })
    }
}

/// A stored credential record from its compact form.
fn decode_credential(bytes: &[u8]) -> Result<CredentialRecord, RecordError> {
    compact::decode(bytes).map_err(|detail| RecordError::Corrupt {
        tree: Tree::CredentialidCredential.name(),
        detail,
    })
}

/// See [`Records::issuers`].
pub struct Issuers<'a>(&'a Records);

impl Issuers<'_> {
    /// The issuer with this DID.
    pub fn get(&self, did: &str) -> Result<Option<IssuerRecord>, RecordError> {
        self.0.tree(Tree::IssuerdidIssuer).get(did.as_bytes())
    }

    /// The issuer with this DID, or 404 `unknown_issuer`.
    pub fn require(&self, did: &str) -> Result<IssuerRecord, AppError> {
        self.get(did)?.ok_or_else(|| {
            AppError::said(
                ErrorCode::UnknownIssuer,
                credential_core::i18n::Msg::new("reg-no-issuer"),
            )
        })
    }

    /// Up to `limit` issuers in DID order after `after` (from the first when `None`).
    pub fn page(
        &self,
        after: Option<&str>,
        limit: usize,
    ) -> Result<Page<IssuerRecord>, RecordError> {
        let start = after.map_or_else(Vec::new, |a| keys::after(a.as_bytes()));
        self.0.tree(Tree::IssuerdidIssuer).page(&start, limit)
    }

    /// Every issuer, in DID order.
    pub fn all(&self) -> Result<Vec<IssuerRecord>, RecordError> {
        self.0.tree(Tree::IssuerdidIssuer).all()
    }

    /// The DID of the issuer that owns `key_did` (a current or past key).
    pub fn owner_of_key(&self, key_did: &str) -> Result<Option<String>, RecordError> {
        Ok(self
            .0
            .store
            .get(Tree::KeydidIssuerdid, key_did.as_bytes())?
            .and_then(|v| String::from_utf8(v).ok()))
    }

    /// Whether `key_did` is some issuer's key, current or past.
    pub fn key_taken(&self, key_did: &str) -> Result<bool, RecordError> {
        self.0
            .tree(Tree::KeydidIssuerdid)
            .exists(key_did.as_bytes())
    }
}

/// See [`Records::credentials`].
pub struct Credentials<'a>(&'a Records);

impl Credentials<'_> {
    /// The credential with this id.
    pub fn get(&self, id: &str) -> Result<Option<CredentialRecord>, RecordError> {
        self.0
            .store
            .get(Tree::CredentialidCredential, id.as_bytes())?
            .map(|bytes| decode_credential(&bytes))
            .transpose()
    }

    /// The credential with this id, or 404 `unknown_credential`.
    pub fn require(&self, id: &str) -> Result<CredentialRecord, AppError> {
        self.get(id)?.ok_or_else(|| {
            AppError::said(
                ErrorCode::UnknownCredential,
                credential_core::i18n::Msg::new("reg-no-credential"),
            )
        })
    }
}

/// See [`Records::grants`].
pub struct Grants<'a>(&'a Records);

impl Grants<'_> {
    /// The grant with this id.
    pub fn get(&self, id: &str) -> Result<Option<Grant>, RecordError> {
        self.0.tree(Tree::GrantidGrant).get(id.as_bytes())
    }

    /// Every grant made for the credential `credential`, revoked and expired ones too.
    pub fn of(&self, credential: &str) -> Result<Vec<Grant>, RecordError> {
        let prefix = keys::grant_index_prefix(credential);
        let index = self
            .0
            .store
            .scan(Tree::CredentialidgrantidEmpty, &prefix, b"", MAX_GRANTS)?;
        let mut out = Vec::new();
        for (k, _) in index {
            let id = k.get(prefix.len()..).unwrap_or_default();
            if let Some(g) = self.0.tree(Tree::GrantidGrant).get(id)? {
                out.push(g);
            }
        }
        Ok(out)
    }
}

/// See [`Records::status_lists`].
pub struct StatusLists<'a>(&'a Records);

impl StatusLists<'_> {
    /// The list of `issuer` for `purpose` (`revocation` or `suspension`; any other purpose
    /// has none).
    pub fn of(&self, issuer: &str, purpose: &str) -> Result<Option<StatusListRecord>, RecordError> {
        self.0
            .tree(Tree::IssuerpurposeStatuslist)
            .get(&keys::status_list(issuer, purpose))
    }

    /// The lists of `issuer` for each of `purposes`, in order, in one store request.
    pub fn of_each(
        &self,
        issuer: &str,
        purposes: &[&str],
    ) -> Result<Vec<Option<StatusListRecord>>, RecordError> {
        let keys: Vec<Vec<u8>> = purposes
            .iter()
            .map(|purpose| keys::status_list(issuer, purpose))
            .collect();
        self.0.tree(Tree::IssuerpurposeStatuslist).get_each(&keys)
    }

    /// Every stored list, by issuer then purpose.
    pub fn all(&self) -> Result<Vec<StatusListRecord>, RecordError> {
        self.0.tree(Tree::IssuerpurposeStatuslist).all()
    }
}

/// See [`Records::authorities`].
pub struct Authorities<'a>(&'a Records);

impl Authorities<'_> {
    /// The authority with this DID.
    pub fn get(&self, did: &str) -> Result<Option<AuthorityRecord>, RecordError> {
        self.0.tree(Tree::AuthoritydidAuthority).get(did.as_bytes())
    }

    /// Whether an authority with this DID is registered.
    pub fn exists(&self, did: &str) -> Result<bool, RecordError> {
        self.0
            .tree(Tree::AuthoritydidAuthority)
            .exists(did.as_bytes())
    }

    /// Every authority, in DID order.
    pub fn all(&self) -> Result<Vec<AuthorityRecord>, RecordError> {
        self.0.tree(Tree::AuthoritydidAuthority).all()
    }
}

/// See [`Records::decisions`].
pub struct Decisions<'a>(&'a Records);

impl Decisions<'_> {
    /// The decision with this id.
    pub fn get(&self, id: &str) -> Result<Option<DecisionRecord>, RecordError> {
        self.0.tree(Tree::DecisionidDecision).get(id.as_bytes())
    }

    /// Every decision in id order, in every state.
    pub fn all(&self) -> Result<Vec<DecisionRecord>, RecordError> {
        self.0.tree(Tree::DecisionidDecision).all()
    }

    /// Every stored decision in id order, and the table of the shipped frameworks holding
    /// them all (which judges each one's state: a revision supersedes what it names).
    pub fn table(&self) -> Result<(EquivalenceTable, Vec<DecisionRecord>), AppError> {
        let records = self.all()?;
        let catalog = FrameworkCatalog::shipped()?;
        let table = EquivalenceTable::with_decisions(
            catalog.clone(),
            records.iter().map(|r| r.decision.clone()).collect(),
        )
        .map_err(|e| AppError::internal(format!("stored decisions are inconsistent: {e}")))?;
        Ok((table, records))
    }
}

/// See [`Records::log`].
pub struct Log<'a>(&'a Records);

impl Log<'_> {
    /// Up to `limit` entries with a sequence above `after`, as stored.
    pub fn page(&self, after: u64, limit: usize) -> Result<Page<StoredEntry>, StoreError> {
        let start = after.saturating_add(1).to_be_bytes();
        let rows = self
            .0
            .store
            .scan(Tree::LogseqEntry, b"", &start, limit + 1)?;
        let more = rows.len() > limit;
        let items = rows.into_iter().take(limit).map(entry).collect();
        Ok(Page { items, more })
    }

    /// The last entry, as stored.
    pub fn last(&self) -> Result<Option<StoredEntry>, StoreError> {
        Ok(self.0.store.last(Tree::LogseqEntry)?.map(entry))
    }
}

fn entry((key, bytes): Entry) -> StoredEntry {
    StoredEntry {
        seq: keys::be_u64(&key),
        bytes,
    }
}

/// See [`Records::nonces`].
pub struct Nonces<'a>(&'a Records);

impl Nonces<'_> {
    /// 401 `replayed_request` if `key` was seen.
    pub fn refuse_seen(&self, key: &NonceKey) -> Result<(), AppError> {
        if self.0.tree(Tree::IatnonceSeen).exists(key.as_bytes())? {
            return Err(Self::spent());
        }
        Ok(())
    }

    /// The answer to a request whose nonce was spent: 401 `replayed_request`.
    pub fn spent() -> AppError {
        AppError::said(
            ErrorCode::ReplayedRequest,
            credential_core::i18n::Msg::new("reg-nonce-used"),
        )
    }

    /// Up to `limit` keys of nonces sent before `time` (seconds), to forget.
    pub(crate) fn expired(&self, time: i64, limit: usize) -> Result<Vec<Vec<u8>>, StoreError> {
        self.0
            .store
            .keys_below(Tree::IatnonceSeen, &keys::nonce_horizon(time), limit)
    }
}

/// See [`Records::meta`].
pub struct Meta<'a>(&'a Records);

/// A singleton counter as stored (8 bytes, big-endian), or why it is not one.
fn stored_number(value: Option<Vec<u8>>, what: &str) -> Result<Option<u64>, RecordError> {
    match value {
        None => Ok(None),
        Some(v) => keys::be_u64(&v)
            .map(Some)
            .ok_or_else(|| RecordError::Corrupt {
                tree: Tree::NameValue.name(),
                detail: format!("the {what} is not a number"),
            }),
    }
}

/// See [`Meta::under_lock`].
#[derive(Debug, Clone, Copy)]
pub struct UnderLock {
    /// Batches applied over the store's life.
    pub commits: Option<u64>,
    /// The content digest kept with the last batch.
    pub digest: Option<ContentDigest>,
    /// The sequence of the stored bundle.
    pub bundle_sequence: Option<u64>,
    /// Whether a change called for a bundle that was not signed yet.
    pub bundle_pending: bool,
}

impl Meta<'_> {
    /// The current bundle as stored.
    pub fn bundle(&self) -> Result<Option<BundleRecord>, RecordError> {
        self.0.tree(Tree::NameValue).get(keys::BUNDLE_KEY)
    }

    fn number(&self, key: &[u8], what: &str) -> Result<Option<u64>, RecordError> {
        stored_number(self.0.store.get(Tree::NameValue, key)?, what)
    }

    /// The floor a restore set: bundles are signed above it.
    pub fn sequence_floor(&self) -> Result<Option<u64>, RecordError> {
        self.number(keys::SEQUENCE_FLOOR_KEY, "sequence floor")
    }

    /// The current bundle's sequence as stored with it (none before the first bundle of a
    /// registry that keeps it).
    pub fn bundle_sequence(&self) -> Result<Option<u64>, RecordError> {
        self.number(keys::BUNDLE_SEQUENCE_KEY, "bundle sequence")
    }

    /// What a writer of a shared store re-reads when it takes the writers' lock, in one
    /// round trip: the commit counter, the content digest, the bundle sequence and whether
    /// a bundle is pending.
    pub fn under_lock(&self) -> Result<UnderLock, RecordError> {
        let keys = [
            (Tree::NameValue, keys::COMMITS_KEY),
            (Tree::NameValue, keys::DIGEST_KEY),
            (Tree::NameValue, keys::BUNDLE_SEQUENCE_KEY),
            (Tree::NameValue, keys::BUNDLE_PENDING_KEY),
        ];
        let values = self.0.store.get_many(&keys)?;
        let [commits, digest, sequence, pending] = <[Option<Vec<u8>>; 4]>::try_from(values)
            .map_err(|_| RecordError::Corrupt {
                tree: Tree::NameValue.name(),
                detail: "the store answered another number of values than asked".to_owned(),
            })?;
        let digest = match digest {
            None => None,
            Some(v) => Some(
                ContentDigest::from_bytes(&v).ok_or_else(|| RecordError::Corrupt {
                    tree: Tree::NameValue.name(),
                    detail: "the content digest is not 32 bytes".to_owned(),
                })?,
            ),
        };
        Ok(UnderLock {
            commits: stored_number(commits, "commit counter")?,
            digest,
            bundle_sequence: stored_number(sequence, "bundle sequence")?,
            bundle_pending: pending.is_some(),
        })
    }

    /// Whether a change called for a new bundle that was not signed yet.
    pub fn bundle_pending(&self) -> Result<bool, RecordError> {
        Ok(self
            .0
            .store
            .get(Tree::NameValue, keys::BUNDLE_PENDING_KEY)?
            .is_some())
    }

    /// The read horizon (see [`keys::READ_HORIZON_KEY`]), if reads were ever answered
    /// before their nonce was flushed.
    pub fn read_horizon(&self) -> Result<Option<u64>, RecordError> {
        self.number(keys::READ_HORIZON_KEY, "read horizon")
    }

    /// Batches applied over the store's life.
    pub fn commits(&self) -> Result<Option<u64>, RecordError> {
        self.number(keys::COMMITS_KEY, "commit counter")
    }

    /// The content digest kept with the last batch.
    pub fn content_digest(&self) -> Result<Option<ContentDigest>, RecordError> {
        match self.0.store.get(Tree::NameValue, keys::DIGEST_KEY)? {
            None => Ok(None),
            Some(v) => {
                ContentDigest::from_bytes(&v)
                    .map(Some)
                    .ok_or_else(|| RecordError::Corrupt {
                        tree: Tree::NameValue.name(),
                        detail: "the content digest is not 32 bytes".to_owned(),
                    })
            }
        }
    }

    /// A real read from the store (not from a cache): fails when the store does.
    pub fn ping(&self) -> Result<(), StoreError> {
        self.0
            .store
            .get(Tree::NameValue, keys::COMMITS_KEY)
            .map(drop)
    }
}
