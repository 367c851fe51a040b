//! The ledger: the one writer of the store. A handler collects its writes in a [`Change`]
//! and commits it holding the [`WriteGuard`]; the ledger adds the nonce that authorized
//! it, its audit log entries (hash-chained), the commit counter and the content digest,
//! applies everything in one durable batch, records the count in the watermark file, and
//! re-signs the trust bundle when who may issue or what is revoked changed (`bundle.rs`).
//!
//! Several registry processes on one database ([`Store::shared`], PostgreSQL): the
//! [`WriteGuard`] then also holds the store's cross-process [`WriteLock`], taken before the
//! handler reads anything it will write on. Under it the ledger catches up with what other
//! processes wrote (commit count, content digest, the bundle it serves, a bundle another
//! process left unsigned when it died) and writes every batch through the lock, so the
//! audit log stays one chain, bundle sequences only grow (each bundle signed once), and a
//! nonce seen by any process is refused by all. The watermark file is a sled-only concern
//! (a PostgreSQL registry has no data directory): PostgreSQL's own durability and backups
//! stand behind its commits.

mod bundle;
mod change;
mod digest;
mod durable;
mod handover;
mod reads;
pub mod watermark;

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use crate::store::WriteLock;

use chrono::{DateTime, Utc};
use credential_core::audit::{LogEntry, GENESIS_HASH};
use credential_core::{format_time, BundleError, SecretKey};
use sha2::{Digest as _, Sha256};

pub use bundle::CurrentBundle;
pub use change::Change;
pub use digest::compute_digest;
pub(crate) use reads::STEP_SECS as READ_HORIZON_STEP_SECS;

use crate::config::Settings;
use crate::error::AppError;
use crate::records::keys::{BUNDLE_PENDING_KEY, COMMITS_KEY, DIGEST_KEY};
use crate::records::{RecordError, Records};
use crate::store::{Batch, ContentDigest, Op, StoreError, Tree};

/// Expired nonces removed per commit (bounded so a commit stays short).
const PRUNE_PER_COMMIT: usize = 256;
/// Seconds between two looks for expired nonces once a look found fewer than
/// [`PRUNE_PER_COMMIT`]: a nonce is then forgotten up to this much later than it may be,
/// and a commit under steady writes spends no read (on PostgreSQL, a round trip under the
/// writers' lock) looking for nonces that expired in the last millisecond.
const PRUNE_EVERY_SECS: i64 = 1;
/// Seconds a nonce is kept beyond the request window, for clocks a little apart.
const NONCE_MARGIN_SECS: i64 = 60;

/// Why the ledger could not write (always the registry's failure, never the client's).
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    /// A record could not be read, or the store failed.
    #[error(transparent)]
    Record(#[from] RecordError),
    /// The operator key could not sign the bundle.
    #[error("cannot sign the trust bundle: {0}")]
    Sign(#[from] BundleError),
    /// A record could not be serialised.
    #[error("cannot serialise a record: {0}")]
    Encode(#[from] serde_json::Error),
    /// The last audit log entry is not filed under a sequence number.
    #[error("the last audit log entry has a key that is not a sequence number")]
    LogKey,
    /// A writer panicked while holding the content digest.
    #[error("the content digest lock is poisoned")]
    Poisoned,
    /// The blocking task that applies a batch failed.
    #[error("the write task failed: {0}")]
    Task(#[from] tokio::task::JoinError),
    /// A shared store's writers' lock is held by a writer that panicked.
    #[error("the writers' lock is poisoned")]
    LockPoisoned,
}

impl LedgerError {
    /// The store's own failure, when that is what this is.
    fn store_error(&self) -> Option<&StoreError> {
        match self {
            Self::Record(RecordError::Store(e)) => Some(e),
            _ => None,
        }
    }
}

impl From<StoreError> for LedgerError {
    fn from(e: StoreError) -> Self {
        Self::Record(e.into())
    }
}

impl From<LedgerError> for AppError {
    fn from(e: LedgerError) -> Self {
        match e {
            LedgerError::Record(e) => e.into(),
            e => AppError::internal(e),
        }
    }
}

/// Proof that the writer lock is held: only [`Ledger::lock`] makes one, and
/// [`Ledger::commit`] takes one. Hold it from the first read of a read-modify-write to the
/// commit, so no other write comes between (from this process or, on a shared store, any
/// other).
pub struct WriteGuard<'a> {
    ledger: &'a Ledger,
    /// The store's cross-process lock, on a shared store, with its turn (see `handover.rs`).
    shared: Option<SharedLock>,
    turn: handover::Turn,
    /// A write through `shared` failed: its outcome may be unknown, so the lock is not
    /// handed to the next writer, who takes it anew and re-reads the store.
    failed: AtomicBool,
    // Dropped last, after `Drop` has kept or released the shared lock: the next local
    // writer finds it kept.
    _local: tokio::sync::MutexGuard<'a, ()>,
}

impl WriteGuard<'_> {
    fn failed(&self) {
        self.failed.store(true, Ordering::SeqCst);
    }
}

impl Drop for WriteGuard<'_> {
    fn drop(&mut self) {
        let Some(lock) = self.shared.take() else {
            return;
        };
        let Ok(runtime) = tokio::runtime::Handle::try_current() else {
            return;
        };
        let sound = !self.failed.load(Ordering::SeqCst);
        let ledger = self.ledger.clone();
        self.ledger
            .inner
            .handover
            .keep_or_release(lock, self.turn, sound, |generation| {
                runtime.spawn(async move {
                    tokio::time::sleep(handover::KEEP_FOR).await;
                    ledger.inner.handover.release(generation);
                });
            });
    }
}

/// A store's cross-process lock, movable into the blocking task that writes through it.
type SharedLock = Arc<Mutex<Box<dyn WriteLock>>>;

/// The audit log's last entry: its sequence number and hash.
type LogHead = (u64, String);

/// What the ledger knows of a batch before it is written.
#[derive(Default)]
struct Known {
    /// The log head once the batch's entries are in (`None`: it has none).
    log_head: Option<LogHead>,
    /// Keys the batch writes that hold nothing now: the new log entries, records the handler
    /// read absent under the writer lock, and the request's nonce (put as new, so the write
    /// fails if it holds anything). The content digest need not read them back.
    absent: Vec<(Tree, Vec<u8>)>,
}

/// The store's writer (cheap to clone: one shared state).
#[derive(Clone)]
pub struct Ledger {
    inner: Arc<Inner>,
}

struct Inner {
    records: Records,
    operator: SecretKey,
    settings: Settings,
    /// Serializes writes: read-modify-write of records, the log chain and the bundle
    /// sequence all need one writer at a time.
    write_lock: tokio::sync::Mutex<()>,
    /// Held by a batch's write on a blocking thread until it is done, even when the request
    /// that started it was cancelled (its deadline passed) and its writer lock released:
    /// the next writer waits for it before reading anything it will write on.
    writing: Arc<tokio::sync::Mutex<()>>,
    /// A shared store's lock kept from one writer of this process to the next.
    handover: handover::Handover,
    /// Batches applied over the store's life (see [`COMMITS_KEY`]).
    commits: AtomicU64,
    /// The store's content digest as of the last batch (see [`DIGEST_KEY`]).
    digest: Mutex<ContentDigest>,
    bundle: bundle::Cache,
    /// What is applied and what is durable (group commit, see `durable.rs`).
    durable: durable::Durable,
    /// Taken by a grouped commit's request while it waits for its batch to be durable.
    flush_turn: tokio::sync::Mutex<()>,
    /// Reads answered before their nonce is flushed (see `reads.rs`).
    reads: reads::ReadHorizon,
    /// When a commit last found every expired nonce (seconds; see [`PRUNE_EVERY_SECS`]).
    pruned_at: std::sync::atomic::AtomicI64,
    /// The audit log's head as this process last wrote it, so the next entry chains on
    /// without reading it back: set when a batch with entries is written, cleared when a
    /// write fails (its outcome may be unknown) and, on a shared store, whenever the
    /// writers' lock is taken anew (another process may have appended since).
    log_head: Mutex<Option<LogHead>>,
}

impl Ledger {
    /// The ledger of `records`, signing bundles with `operator`. Re-signs the trust bundle
    /// from the stored records at `now`, so a bundle is always present and matches the
    /// store even after a crash between a write and its bundle rebuild.
    pub fn open(
        records: Records,
        operator: SecretKey,
        settings: Settings,
        now: DateTime<Utc>,
    ) -> Result<Self, LedgerError> {
        let commits = records.meta().commits()?.unwrap_or(0);
        let digest = match records.meta().content_digest()? {
            Some(digest) => digest,
            None => compute_digest(records.store())?,
        };
        let last_log = match records.log().last()? {
            Some(last) => last.seq.ok_or(LedgerError::LogKey)?,
            None => 0,
        };
        let durable = durable::Durable::new(commits, last_log, settings.data_dir.clone());
        let reads = reads::ReadHorizon::starting_from(records.meta().read_horizon()?);
        let ledger = Self {
            inner: Arc::new(Inner {
                records,
                operator,
                settings,
                write_lock: tokio::sync::Mutex::new(()),
                writing: Arc::new(tokio::sync::Mutex::new(())),
                handover: handover::Handover::default(),
                commits: AtomicU64::new(commits),
                digest: Mutex::new(digest),
                bundle: bundle::Cache::default(),
                durable,
                flush_turn: tokio::sync::Mutex::new(()),
                reads,
                pruned_at: std::sync::atomic::AtomicI64::new(i64::MIN),
                log_head: Mutex::new(None),
            }),
        };
        let shared = ledger.lock_shared()?.map(|(lock, _)| lock);
        let batch = ledger.bundle_batch(now)?;
        ledger.apply_counted(batch, shared.as_ref(), Known::default(), true)?;
        ledger.forget_bundle();
        Ok(ledger)
    }

    /// On a shared store: takes its cross-process lock and catches up with what other
    /// processes wrote since this one last held it (one read), and says whether another
    /// process left a bundle pending. `None` on a store only this process writes.
    fn lock_shared(&self) -> Result<Option<(SharedLock, bool)>, LedgerError> {
        let store = self.records().store();
        if !store.shared() {
            return Ok(None);
        }
        let Some(lock) = store.lock_writes()? else {
            return Ok(None);
        };
        let state = self.records().meta().under_lock()?;
        let digest = match state.digest {
            Some(digest) => digest,
            None => compute_digest(store)?,
        };
        self.inner
            .commits
            .store(state.commits.unwrap_or(0), Ordering::SeqCst);
        *self
            .inner
            .digest
            .lock()
            .map_err(|_| LedgerError::Poisoned)? = digest;
        self.check_bundle_cache_against(state.bundle_sequence);
        Ok(Some((Arc::new(Mutex::new(lock)), state.bundle_pending)))
    }

    /// The key that signs bundles and backups (the trust anchor).
    pub fn operator(&self) -> &SecretKey {
        &self.inner.operator
    }

    fn records(&self) -> &Records {
        &self.inner.records
    }

    fn settings(&self) -> &Settings {
        &self.inner.settings
    }

    /// Takes the writer lock (on a shared store, the store's cross-process lock too, which
    /// fails when the database cannot be reached).
    /// `now` is when a bundle another process left pending is signed.
    pub async fn lock(&self, now: DateTime<Utc>) -> Result<WriteGuard<'_>, LedgerError> {
        let local = {
            let _waiting = self.inner.handover.wait();
            self.inner.write_lock.lock().await
        };
        // A write a cancelled request left running lands before anything is read.
        drop(self.inner.writing.lock().await);
        let mut turn = handover::Turn::fresh();
        let shared = if !self.records().store().shared() {
            None
        } else if let Some((kept, kept_turn)) = self.inner.handover.take() {
            // Held by this process since the last writer's reads: nothing to catch up on.
            turn = kept_turn;
            Some(kept)
        } else {
            self.set_log_head(None);
            let ledger = self.clone();
            let locked = tokio::task::spawn_blocking(move || ledger.lock_shared()).await??;
            let pending = locked.as_ref().is_some_and(|(_, pending)| *pending);
            let shared = locked.map(|(lock, _)| lock);
            if shared.is_some() && pending {
                // A process died between a change and the bundle that reflects it.
                tracing::info!("signing the bundle another registry process left pending");
                let batch = self.bundle_batch(now)?;
                self.apply(batch, shared.clone(), Known::default(), true)
                    .await?;
                self.forget_bundle();
            }
            shared
        };
        Ok(WriteGuard {
            ledger: self,
            shared,
            turn,
            failed: AtomicBool::new(false),
            _local: local,
        })
    }

    /// How many times this process handed a shared store's writers' lock from one writer
    /// to the next without releasing it (see `handover.rs`).
    pub fn locks_handed_over(&self) -> u64 {
        self.inner.handover.handed()
    }

    /// Commits `change` at `now`: refuses it if its nonce is spent, applies the records, nonce
    /// and log entries in one durable batch, then re-signs the bundle if asked. The batch
    /// is durable when this returns, and `held` stays held.
    pub async fn commit(
        &self,
        held: &WriteGuard<'_>,
        change: Change,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        self.commit_applied(held, change, now, true).await?;
        Ok(())
    }

    /// Commits `change` as [`Ledger::commit`] does, and releases the writer lock as soon as
    /// the batch is applied when it may share a flush with others (group commit, see
    /// `durable.rs`); returns once the batch is durable either way.
    pub async fn commit_and_release(
        &self,
        held: WriteGuard<'_>,
        change: Change,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let group = !change.rebuild_bundle
            && self.records().store().groups_flushes()
            && change.batch.ops.iter().all(|op| match op {
                Op::Put(tree, ..) | Op::Delete(tree, _) => groupable(*tree),
            });
        let commit = self.commit_applied(&held, change, now, !group).await?;
        drop(held);
        if group {
            // One waiter at a time goes to a blocking thread, to flush for everyone applied
            // by then; the others wait here, on no thread, and most find their batch
            // covered when their turn comes.
            let _turn = self.inner.flush_turn.lock().await;
            if self.inner.durable.commits() < commit {
                let ledger = self.clone();
                tokio::task::spawn_blocking(move || {
                    ledger.inner.durable.wait(ledger.records().store(), commit)
                })
                .await
                .map_err(LedgerError::from)?
                .map_err(LedgerError::from)?;
            }
        }
        Ok(())
    }

    /// The last audit log sequence number readers may see: on a store that groups flushes,
    /// the last entry a flush has covered; `None` (all of them) on others, where every
    /// applied batch is durable, and on a shared store, where other processes append
    /// entries this one does not count: a reader there calls [`Ledger::durable_up_to`]
    /// with what it read instead.
    pub fn log_horizon(&self) -> Option<u64> {
        let store = self.records().store();
        (store.groups_flushes() && !store.shared()).then(|| self.inner.durable.log())
    }

    /// On a shared store that groups flushes: makes the audit log durable at least up to
    /// `seq`, which a reader has just read (another process may have appended it without a
    /// flush yet), so nothing shown can be taken back by a crash. One flush, only when
    /// `seq` is beyond what this process knows to be durable; nothing on other stores.
    pub async fn durable_up_to(&self, seq: u64) -> Result<(), LedgerError> {
        let store = self.records().store();
        if !(store.groups_flushes() && store.shared()) || seq <= self.inner.durable.log() {
            return Ok(());
        }
        let ledger = self.clone();
        tokio::task::spawn_blocking(move || {
            ledger
                .inner
                .durable
                .flush_read(ledger.records().store(), seq)
        })
        .await??;
        Ok(())
    }

    /// Applies `change` (durably, or only applied when `durably` is false) and returns its
    /// commit number.
    async fn commit_applied(
        &self,
        held: &WriteGuard<'_>,
        mut change: Change,
        now: DateTime<Utc>,
        durably: bool,
    ) -> Result<u64, AppError> {
        let mut known = Known {
            log_head: None,
            absent: std::mem::take(&mut change.absent),
        };
        if let Some(nonce) = change.nonce.take() {
            // Put as new: the store refuses the batch if the nonce is spent (by any
            // process), in the same step as the write, so it is not read first.
            let nonce = nonce.into_bytes();
            known.absent.push((Tree::IatnonceSeen, nonce.clone()));
            change.batch.put_new(Tree::IatnonceSeen, nonce, Vec::new());
            let at = now.timestamp();
            let pruned_at = self.inner.pruned_at.load(Ordering::SeqCst);
            if at.saturating_sub(pruned_at) >= PRUNE_EVERY_SECS {
                let horizon = at - self.settings().request_window_secs - NONCE_MARGIN_SECS;
                let expired = self.records().nonces().expired(horizon, PRUNE_PER_COMMIT)?;
                if expired.len() < PRUNE_PER_COMMIT {
                    self.inner.pruned_at.store(at, Ordering::SeqCst);
                }
                for old in expired {
                    change.batch.delete(Tree::IatnonceSeen, old);
                }
            }
        }
        if !change.log.is_empty() {
            known.log_head = Some(self.append_log(&mut change, now, &mut known.absent)?);
        }
        if change.rebuild_bundle {
            // Cleared by the bundle batch: if this process dies in between, the next writer
            // on a shared store signs the bundle this change calls for.
            change
                .batch
                .put(Tree::NameValue, BUNDLE_PENDING_KEY, Vec::new());
        }
        let commit = self
            .apply(change.batch, held.shared.clone(), known, durably)
            .await
            .inspect_err(|_| held.failed())
            .map_err(|e| match e.store_error() {
                // The only key a change puts as new is its nonce.
                Some(e) if e.is_taken() => crate::records::Nonces::spent(),
                _ => e.into(),
            })?;
        if change.rebuild_bundle {
            self.store_new_bundle(held, now)
                .await
                .inspect_err(|_| held.failed())?;
        }
        Ok(commit)
    }

    /// Adds `change`'s log entries to its batch, chained to the last entry (as this process
    /// last wrote it, or else as stored), and their keys to `absent` (beyond the last entry,
    /// nothing is stored); returns the new head.
    fn append_log(
        &self,
        change: &mut Change,
        now: DateTime<Utc>,
        absent: &mut Vec<(Tree, Vec<u8>)>,
    ) -> Result<LogHead, LedgerError> {
        let known = self
            .inner
            .log_head
            .lock()
            .map_err(|_| LedgerError::Poisoned)?
            .clone();
        let (mut seq, mut prev) = match known {
            Some(head) => head,
            None => self.stored_log_head()?,
        };
        for (kind, actor, subject) in std::mem::take(&mut change.log) {
            seq += 1;
            let entry = LogEntry::new(seq, &format_time(now), &kind, &actor, &subject, &prev);
            prev = entry.hash.clone();
            absent.push((Tree::LogseqEntry, seq.to_be_bytes().to_vec()));
            change.batch.put(
                Tree::LogseqEntry,
                seq.to_be_bytes(),
                serde_json::to_vec(&entry)?,
            );
            tracing::info!(seq, kind = %kind, "audit log entry appended");
        }
        Ok((seq, prev))
    }

    /// The audit log's last stored entry, read from the store.
    fn stored_log_head(&self) -> Result<LogHead, LedgerError> {
        Ok(match self.records().log().last()? {
            None => (0, GENESIS_HASH.to_owned()),
            Some(last) => {
                let seq = last.seq.ok_or(LedgerError::LogKey)?;
                // A stored entry that no longer parses is evidence of tampering; the
                // chain continues from its bytes so the damage stays visible.
                let prev = serde_json::from_slice::<LogEntry>(&last.bytes)
                    .map(|e| e.hash)
                    .unwrap_or_else(|_| hex::encode(Sha256::digest(&last.bytes)));
                (seq, prev)
            }
        })
    }

    fn set_log_head(&self, head: Option<LogHead>) {
        if let Ok(mut known) = self.inner.log_head.lock() {
            *known = head;
        }
    }

    /// Applies a batch off the async threads (sled's flush blocks), through the shared
    /// store's lock when there is one; returns its commit number.
    async fn apply(
        &self,
        batch: Batch,
        shared: Option<SharedLock>,
        known: Known,
        durably: bool,
    ) -> Result<u64, LedgerError> {
        if !durably && shared.is_none() {
            // Applied in memory, no flush: short enough to run here, and a hand-off to a
            // blocking thread under the writer lock costs more than it saves. (Through a
            // shared store's lock it is a database round trip: off the async threads.)
            return self.apply_counted(batch, shared.as_ref(), known, durably);
        }
        let ledger = self.clone();
        let writing = self.inner.writing.clone().lock_owned().await;
        tokio::task::spawn_blocking(move || {
            let applied = ledger.apply_counted(batch, shared.as_ref(), known, durably);
            drop(writing);
            applied
        })
        .await?
    }

    /// Applies a batch with the next commit count and content digest, and returns that
    /// count. `durably`: flushed (or committed) before it returns, which also makes every
    /// batch before it durable and records the count in the watermark file; otherwise only
    /// applied, and durable after [`durable::Durable::wait`]. Call with the writer lock held
    /// (or before serving). `known.log_head`: the log head once the batch's entries are in;
    /// kept as the known head if the write succeeds (here, where it runs to its end even
    /// when the request that started it was cancelled), forgotten if it fails.
    fn apply_counted(
        &self,
        batch: Batch,
        shared: Option<&SharedLock>,
        known: Known,
        durably: bool,
    ) -> Result<u64, LedgerError> {
        let applied = self.apply_counted_inner(batch, shared, &known, durably);
        match (&applied, known.log_head) {
            (Ok(_), Some(head)) => self.set_log_head(Some(head)),
            (Ok(_), None) => {}
            (Err(_), _) => self.set_log_head(None),
        }
        applied
    }

    /// [`Ledger::apply_counted`] but for the log head it keeps.
    fn apply_counted_inner(
        &self,
        mut batch: Batch,
        shared: Option<&SharedLock>,
        known: &Known,
        durably: bool,
    ) -> Result<u64, LedgerError> {
        let last_log = known.log_head.as_ref().map(|h| h.0);
        let next = self.inner.commits.load(Ordering::SeqCst) + 1;
        // Noted before the batch is visible: a reader who sees one of its records finds
        // it counted (see `reads.rs`).
        self.inner.reads.applying(next, &batch);
        let digest = self.digest_after(&batch, &known.absent)?;
        batch.put(Tree::NameValue, COMMITS_KEY, next.to_be_bytes().to_vec());
        batch.put(Tree::NameValue, DIGEST_KEY, digest.0.to_vec());
        let durable = &self.inner.durable;
        // Through the shared store's lock when there is one, else the store itself; durably
        // (flushed or committed before it returns) or only applied.
        let write = |batch: Batch| -> Result<(), LedgerError> {
            let store = self.records().store();
            match (shared, durably) {
                (Some(lock), _) => {
                    let mut lock = lock.lock().map_err(|_| LedgerError::LockPoisoned)?;
                    if durably {
                        lock.apply(batch)?;
                    } else {
                        lock.apply_unflushed(batch)?;
                    }
                }
                (None, true) => store.apply(batch)?,
                (None, false) => store.apply_unflushed(batch)?,
            }
            Ok(())
        };
        if durably {
            durable.apply_durably(next, last_log, || write(batch))?;
        } else {
            write(batch)?;
            durable.applied(next, last_log);
        }
        self.inner.commits.store(next, Ordering::SeqCst);
        if let Ok(mut d) = self.inner.digest.lock() {
            *d = digest;
        }
        Ok(next)
    }
}

/// Whether a batch writing only these trees may share a flush (see `durable.rs`): records
/// no unsigned reader sees (stored credentials, grants, nonces) and the audit log, which
/// `GET /log` shows only up to [`Ledger::log_horizon`].
fn groupable(tree: Tree) -> bool {
    matches!(
        tree,
        Tree::CredentialidCredential
            | Tree::GrantidGrant
            | Tree::CredentialidgrantidEmpty
            | Tree::IatnonceSeen
            | Tree::LogseqEntry
    )
}
