//! Committing changes: the records, the nonce that authorized them, their audit log
//! entries and, when who may issue or what is revoked changed, a newly signed trust bundle.

use chrono::Duration;
use credential_core::audit::{LogEntry, GENESIS_HASH};
use credential_core::{format_time, BundleBuilder};
use serde::de::DeserializeOwned;
use serde::Serialize;
use sha2::{Digest as _, Sha256};

use crate::error::AppError;
use crate::model::{
    supersession_order, AuthorityRecord, BundleRecord, DecisionRecord, IssuerRecord,
    StatusListRecord,
};
use crate::store::{Batch, ContentDigest, Op, Tree};
use crate::AppState;

use std::sync::Arc;

use chrono::{DateTime, Utc};

/// The current trust bundle as served: its metadata and the signed bytes, shared.
#[derive(Debug)]
pub struct CurrentBundle {
    /// Its sequence.
    pub sequence: u64,
    /// When it was signed.
    pub issued_at: DateTime<Utc>,
    /// Its next-update time.
    pub next_update: DateTime<Utc>,
    /// Strong ETag (quoted).
    pub etag: String,
    /// The compact JWS, shared by every response that sends it.
    pub body: axum::body::Bytes,
}

/// Key of the current bundle in [`Tree::NameValue`].
pub const BUNDLE_KEY: &[u8] = b"bundle";
/// Key of the sequence floor in [`Tree::NameValue`] (8 bytes big-endian): a restored store
/// signs its bundles above it, so that no sequence the old registry signed is signed again
/// with other content.
pub const SEQUENCE_FLOOR_KEY: &[u8] = b"sequence_floor";
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

/// The content digest of every record of `store`, from a full read (a store written before
/// digests were kept gets its first one this way).
pub fn compute_digest(store: &dyn crate::store::Store) -> Result<ContentDigest, AppError> {
    let mut digest = ContentDigest::default();
    for &tree in Tree::ALL {
        let mut start: Vec<u8> = Vec::new();
        loop {
            let page = store.scan(tree, b"", &start, PAGE)?;
            let full = page.len() == PAGE;
            for (k, v) in &page {
                if !is_bookkeeping(tree, k) {
                    digest.toggle(tree, k, v);
                }
                start.clone_from(k);
                start.push(0);
            }
            if !full {
                break;
            }
        }
    }
    Ok(digest)
}
/// Records read per page when scanning a whole tree.
const PAGE: usize = 1000;
/// Expired nonces removed per commit (bounded so a commit stays short).
const PRUNE_PER_COMMIT: usize = 256;

/// Writes to make together.
#[derive(Debug, Default)]
pub struct Change {
    batch: Batch,
    log: Vec<(String, String, String)>,
    nonce: Option<Vec<u8>>,
    rebuild_bundle: bool,
}

impl Change {
    /// An empty change.
    pub fn new() -> Self {
        Self::default()
    }

    /// Stores `value` as JSON at `key`.
    pub fn put_json<T: Serialize>(
        &mut self,
        tree: Tree,
        key: impl Into<Vec<u8>>,
        value: &T,
    ) -> Result<(), AppError> {
        let bytes = serde_json::to_vec(value).map_err(AppError::internal)?;
        self.batch.put(tree, key, bytes);
        Ok(())
    }

    /// Stores raw bytes.
    pub fn put(&mut self, tree: Tree, key: impl Into<Vec<u8>>, value: impl Into<Vec<u8>>) {
        self.batch.put(tree, key, value);
    }

    /// Records the nonce of the signed request that made this change (checked unseen
    /// again under the writer lock).
    pub fn nonce(&mut self, key: Vec<u8>) {
        self.nonce = Some(key);
    }

    /// Appends an audit log entry.
    pub fn log(&mut self, kind: &str, actor: &str, subject: &str) {
        self.log
            .push((kind.to_owned(), actor.to_owned(), subject.to_owned()));
    }

    /// Re-sign the trust bundle after the change.
    pub fn rebuild_bundle(&mut self) {
        self.rebuild_bundle = true;
    }
}

/// Reads a JSON record.
pub fn get_json<T: DeserializeOwned>(
    state: &AppState,
    tree: Tree,
    key: &[u8],
) -> Result<Option<T>, AppError> {
    match state.store().get(tree, key)? {
        None => Ok(None),
        Some(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| AppError::internal(format!("corrupt record in {}: {e}", tree.name()))),
    }
}

/// Every JSON record of a tree (page by page).
pub fn all_json<T: DeserializeOwned>(state: &AppState, tree: Tree) -> Result<Vec<T>, AppError> {
    let mut out = Vec::new();
    let mut start: Vec<u8> = Vec::new();
    loop {
        let page = state.store().scan(tree, b"", &start, PAGE)?;
        let full = page.len() == PAGE;
        for (k, v) in &page {
            out.push(serde_json::from_slice(v).map_err(|e| {
                AppError::internal(format!("corrupt record in {}: {e}", tree.name()))
            })?);
            start = k.clone();
            start.push(0);
        }
        if !full {
            return Ok(out);
        }
    }
}

impl AppState {
    /// Commits `change`: checks its nonce is unseen, applies the records, nonce and log
    /// entries in one durable batch, then re-signs the bundle if asked. Call with the
    /// writer lock held.
    pub async fn commit(&self, mut change: Change) -> Result<(), AppError> {
        let now = self.now();
        if let Some(nonce) = change.nonce.take() {
            if self.store().get(Tree::IatnonceSeen, &nonce)?.is_some() {
                return Err(crate::auth::replayed());
            }
            change.batch.put(Tree::IatnonceSeen, nonce, Vec::new());
            let horizon = now.timestamp() - self.settings().request_window_secs - 60;
            let horizon = u64::try_from(horizon).unwrap_or(0).to_be_bytes();
            for old in self
                .store()
                .keys_below(Tree::IatnonceSeen, &horizon, PRUNE_PER_COMMIT)?
            {
                change.batch.delete(Tree::IatnonceSeen, old);
            }
        }
        if !change.log.is_empty() {
            let (mut seq, mut prev) = match self.store().last(Tree::LogseqEntry)? {
                None => (0, GENESIS_HASH.to_owned()),
                Some((k, v)) => {
                    let seq = <[u8; 8]>::try_from(k.as_slice())
                        .map(u64::from_be_bytes)
                        .map_err(|_| AppError::internal("bad log key"))?;
                    // A stored entry that no longer parses is evidence of tampering; the
                    // chain continues from its bytes so the damage stays visible.
                    let prev = serde_json::from_slice::<LogEntry>(&v)
                        .map(|e| e.hash)
                        .unwrap_or_else(|_| hex::encode(Sha256::digest(&v)));
                    (seq, prev)
                }
            };
            let log = std::mem::take(&mut change.log);
            for (kind, actor, subject) in &log {
                seq += 1;
                let entry = LogEntry::new(seq, &format_time(now), kind, actor, subject, &prev);
                prev = entry.hash.clone();
                change.put_json(Tree::LogseqEntry, seq.to_be_bytes().to_vec(), &entry)?;
                tracing::info!(seq, kind = %kind, "audit log entry appended");
            }
        }
        self.apply(change.batch).await?;
        if change.rebuild_bundle {
            let batch = self.bundle_batch()?;
            self.apply_bundle(batch).await?;
        }
        Ok(())
    }

    /// Applies a batch that stores a new bundle, and forgets the cached one.
    async fn apply_bundle(&self, batch: Batch) -> Result<(), AppError> {
        let result = self.apply(batch).await;
        self.forget_bundle();
        result
    }

    /// Drops the cached bundle (after a new one was stored).
    pub(crate) fn forget_bundle(&self) {
        self.inner
            .bundle_generation
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        if let Ok(mut cache) = self.inner.bundle_cache.write() {
            *cache = None;
        }
    }

    /// Applies a batch off the async threads (sled's flush blocks).
    async fn apply(&self, batch: Batch) -> Result<(), AppError> {
        let state = self.clone();
        tokio::task::spawn_blocking(move || state.apply_counted(batch))
            .await
            .map_err(AppError::internal)??;
        Ok(())
    }

    /// Applies a batch with the next commit count, then records that count in the
    /// watermark file. Call with the writer lock held (or before serving).
    pub(crate) fn apply_counted(&self, mut batch: Batch) -> Result<(), AppError> {
        use std::sync::atomic::Ordering;
        let next = self.inner.commits.load(Ordering::SeqCst) + 1;
        let digest = self.digest_after(&batch)?;
        batch.put(Tree::NameValue, COMMITS_KEY, next.to_be_bytes().to_vec());
        batch.put(Tree::NameValue, DIGEST_KEY, digest.0.to_vec());
        self.store().apply(batch)?;
        self.inner.commits.store(next, Ordering::SeqCst);
        if let Ok(mut d) = self.inner.digest.lock() {
            *d = digest;
        }
        if let Some(dir) = &self.settings().data_dir {
            // Behind the store is harmless (a crash between the two writes); it is never
            // ahead, since the store's flush has returned. No fsync: it only has to survive
            // the process, and a lagging watermark is still a correct lower bound.
            if let Err(e) = crate::check::write_watermark(dir, next) {
                tracing::warn!(error = %e, "cannot write the commit watermark");
            }
        }
        Ok(())
    }

    /// The content digest once `batch` is applied: each record it replaces or deletes
    /// toggled out, each it writes toggled in (a key written twice in one batch counts
    /// once, as the store will hold it).
    fn digest_after(&self, batch: &Batch) -> Result<ContentDigest, AppError> {
        let mut digest = self
            .inner
            .digest
            .lock()
            .map(|d| *d)
            .map_err(|_| AppError::internal("the content digest lock is poisoned"))?;
        let mut written: std::collections::HashMap<(Tree, &[u8]), Option<&[u8]>> =
            std::collections::HashMap::new();
        for op in &batch.ops {
            let (tree, key, new) = match op {
                Op::Put(t, k, v) => (*t, k.as_slice(), Some(v.as_slice())),
                Op::Delete(t, k) => (*t, k.as_slice(), None),
            };
            if is_bookkeeping(tree, key) {
                continue;
            }
            let old = match written.get(&(tree, key)) {
                Some(old) => old.map(<[u8]>::to_vec),
                None => self.store().get(tree, key)?,
            };
            if let Some(old) = &old {
                digest.toggle(tree, key, old);
            }
            if let Some(new) = new {
                digest.toggle(tree, key, new);
            }
            written.insert((tree, key), new);
        }
        Ok(digest)
    }

    /// The current bundle, if one was signed (from memory after the first read).
    pub fn current_bundle(&self) -> Result<Option<Arc<CurrentBundle>>, AppError> {
        use std::sync::atomic::Ordering;
        if let Ok(cache) = self.inner.bundle_cache.read() {
            if let Some(bundle) = cache.as_ref() {
                return Ok(Some(bundle.clone()));
            }
        }
        let generation = self.inner.bundle_generation.load(Ordering::SeqCst);
        let Some(record) = get_json::<BundleRecord>(self, Tree::NameValue, BUNDLE_KEY)? else {
            return Ok(None);
        };
        let bundle = Arc::new(CurrentBundle {
            sequence: record.sequence,
            issued_at: record.issued_at,
            next_update: record.next_update,
            etag: record.etag,
            body: axum::body::Bytes::from(record.jws),
        });
        if let Ok(mut cache) = self.inner.bundle_cache.write() {
            // A bundle stored since we read would make this one stale: don't keep it.
            if self.inner.bundle_generation.load(Ordering::SeqCst) == generation {
                *cache = Some(bundle.clone());
            }
        }
        Ok(Some(bundle))
    }

    /// Re-signs the bundle when half its validity has passed (so a verifier refreshing on
    /// schedule never gets one about to expire). Takes the writer lock itself.
    pub async fn refresh_bundle_if_old(&self) -> Result<(), AppError> {
        let half = self.settings().bundle_validity / 2;
        let due = |b: &Option<Arc<CurrentBundle>>| {
            b.as_ref().is_none_or(|b| self.now() >= b.issued_at + half)
        };
        if !due(&self.current_bundle()?) {
            return Ok(());
        }
        let _guard = self.write_lock().await;
        if due(&self.current_bundle()?) {
            let batch = self.bundle_batch()?;
            self.apply_bundle(batch).await?;
        }
        Ok(())
    }

    /// A batch holding a newly signed bundle of every accredited issuer and their status
    /// lists, every recognition authority and every signed decision (superseded and
    /// withdrawn ones too, so verifiers can show them as such), with the next sequence number.
    pub fn bundle_batch(&self) -> Result<Batch, AppError> {
        let now = self.now();
        // A sequence names one bundle for ever: the next one is above the current one and
        // above the floor a restore set (the bundles the old registry signed after the
        // backup are not in the store, but verifiers may hold them).
        let floor = match self.store().get(Tree::NameValue, SEQUENCE_FLOOR_KEY)? {
            Some(v) => <[u8; 8]>::try_from(v.as_slice())
                .map(u64::from_be_bytes)
                .map_err(|_| AppError::internal("the sequence floor is not a number"))?,
            None => 0,
        };
        let sequence = self
            .current_bundle()?
            .map_or(1, |b| b.sequence + 1)
            .max(floor.saturating_add(1));
        let next_update = now + self.settings().bundle_validity.max(Duration::hours(1));
        let mut builder = BundleBuilder::new(&self.operator().public(), sequence, now, next_update);
        let mut included = std::collections::HashSet::new();
        for issuer in all_json::<IssuerRecord>(self, Tree::IssuerdidIssuer)? {
            if let Some(entry) = issuer.bundle_entry() {
                included.insert(issuer.id.clone());
                builder = builder.issuer(entry);
            }
        }
        for list in all_json::<StatusListRecord>(self, Tree::IssuerpurposeStatuslist)? {
            if included.contains(&list.issuer) {
                builder = builder.status_list(list.jws);
            }
        }
        for authority in all_json::<AuthorityRecord>(self, Tree::AuthoritydidAuthority)? {
            builder = builder.authority(authority.entry());
        }
        // Verifiers add decisions to their table in bundle order, so a revision must follow
        // the decision it supersedes.
        let decisions = all_json::<DecisionRecord>(self, Tree::DecisionidDecision)?;
        for record in supersession_order(decisions) {
            builder = builder.decision(record.jws);
        }
        let jws = builder.sign(self.operator()).map_err(AppError::internal)?;
        let digest = hex::encode(Sha256::digest(jws.as_bytes()));
        let record = BundleRecord {
            sequence,
            issued_at: now,
            next_update,
            etag: format!("\"{sequence}-{}\"", digest.get(..32).unwrap_or_default()),
            jws,
        };
        let mut batch = Batch::default();
        batch.put(
            Tree::NameValue,
            BUNDLE_KEY,
            serde_json::to_vec(&record).map_err(AppError::internal)?,
        );
        tracing::info!(sequence, "trust bundle signed");
        Ok(batch)
    }
}
