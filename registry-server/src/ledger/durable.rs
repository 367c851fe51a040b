//! Group commit: what is applied and what is durable.
//!
//! On a store that [groups flushes](crate::store::Store::groups_flushes) (sled; PostgreSQL,
//! whose transactions then commit without waiting for the WAL flush), a change
//! that only writes what no unsigned reader sees (stored credentials, grants, nonces, audit
//! log entries) is applied under the writer lock without a flush; the lock is released, and
//! the request waits until a flush that began after its batch was applied has returned.
//! While one flush runs, the requests behind it wait their turn without a thread (the
//! ledger's `flush_turn`); the first whose batch is not covered yet comes here and flushes
//! once for all, so sixteen writers share a flush instead of each holding the lock through
//! its own. (A sled store also writes all the batches a flush covers as one transaction:
//! `store/pending.rs`.)
//!
//! Nothing is acknowledged before it is durable: the request answers only after
//! [`Durable::wait`]. What others can read in between is bounded too:
//! - a signed reader's own request commits its nonce, so it too waits for a flush that
//!   covers everything applied before it (a credential it read included); on a store only
//!   this process writes, a read is answered without that flush when every batch but
//!   nonces is already durable (`reads.rs`);
//! - `GET /log`, the one unsigned view of these trees, shows entries only up to
//!   [`Durable::log`], the last entry a flush has covered; on a shared store (PostgreSQL,
//!   where other processes append entries too) it flushes once before answering when it
//!   read an entry beyond that ([`Durable::flush_read`]);
//! - changes to anything else that is public (issuers, status lists, decisions, the trust
//!   bundle) are flushed under the lock as before, which makes every batch before them
//!   durable too.
//!
//! The watermark file (the commit count acknowledged) is written after each flush with the
//! count that flush covered, so it never runs ahead of the store.

use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};

use crate::store::{Store, StoreError};

use super::watermark;

/// The counts applied and made durable, and the lock flushes take.
#[derive(Debug)]
pub struct Durable {
    /// Commits applied (visible), and the last audit log sequence among them.
    applied: AtomicU64,
    applied_log: AtomicU64,
    /// Commits, and the last audit log sequence, covered by a finished flush.
    durable: AtomicU64,
    durable_log: AtomicU64,
    /// Whether a flush (or a durable apply) is running; one at a time. Writers waiting for
    /// one sleep on `flushed`, so all of them wake when it ends, not one by one.
    flushing: Mutex<bool>,
    flushed: Condvar,
    /// Where the watermark file goes (sled's data directory), if anywhere.
    watermark_dir: Option<PathBuf>,
}

impl Durable {
    /// Counts for a store whose `commits` batches and log up to `log` are all durable (as
    /// a store is when it has just been opened).
    pub fn new(commits: u64, log: u64, watermark_dir: Option<PathBuf>) -> Self {
        Self {
            applied: AtomicU64::new(commits),
            applied_log: AtomicU64::new(log),
            durable: AtomicU64::new(commits),
            durable_log: AtomicU64::new(log),
            flushing: Mutex::new(false),
            flushed: Condvar::new(),
            watermark_dir,
        }
    }

    /// Records that batch number `commit` is applied, with its last log entry if it wrote
    /// any. Call under the writer lock, after the batch is in the store.
    pub fn applied(&self, commit: u64, last_log: Option<u64>) {
        if let Some(seq) = last_log {
            self.applied_log.fetch_max(seq, Ordering::SeqCst);
        }
        self.applied.fetch_max(commit, Ordering::SeqCst);
    }

    /// Applies a batch durably through `apply` (which flushes or commits it), as the
    /// `commit`-th: every batch applied before it is then durable too.
    pub fn apply_durably<E>(
        &self,
        commit: u64,
        last_log: Option<u64>,
        apply: impl FnOnce() -> Result<(), E>,
    ) -> Result<(), E> {
        let _turn = self.take_turn(self.lock());
        apply()?;
        self.applied(commit, last_log);
        self.covered(
            self.applied.load(Ordering::SeqCst),
            self.applied_log.load(Ordering::SeqCst),
        );
        Ok(())
    }

    fn lock(&self) -> MutexGuard<'_, bool> {
        self.flushing.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Waits until no flush runs, then marks one running: ours until the turn is dropped.
    fn take_turn<'a>(&'a self, mut flushing: MutexGuard<'a, bool>) -> Turn<'a> {
        while *flushing {
            flushing = self
                .flushed
                .wait(flushing)
                .unwrap_or_else(|p| p.into_inner());
        }
        *flushing = true;
        Turn(self)
    }

    /// Returns once batch number `commit` is durable, flushing `store` if no flush that
    /// covers it has finished yet. Blocks: run it off the async threads.
    pub fn wait(&self, store: &dyn Store, commit: u64) -> Result<(), StoreError> {
        let mut flushing = self.lock();
        loop {
            if self.durable.load(Ordering::SeqCst) >= commit {
                // Covered by a flush that began after our batch was applied.
                return Ok(());
            }
            if !*flushing {
                break;
            }
            // Another writer's flush runs; it may have begun before our batch. Sleep until
            // it ends, then look again.
            flushing = self
                .flushed
                .wait(flushing)
                .unwrap_or_else(|p| p.into_inner());
        }
        let _turn = self.take_turn(flushing);
        // Everything applied by now is covered by the flush that follows.
        let log = self.applied_log.load(Ordering::SeqCst);
        let applied = self.applied.load(Ordering::SeqCst);
        store.flush()?;
        self.covered(applied, log);
        Ok(())
    }

    /// Flushes `store` for a reader of a shared store that read the audit log up to `seq`
    /// (appended by any process, perhaps unflushed): once it returns, `seq` is durable.
    pub fn flush_read(&self, store: &dyn Store, seq: u64) -> Result<(), StoreError> {
        let _turn = self.take_turn(self.lock());
        if self.durable_log.load(Ordering::SeqCst) >= seq {
            return Ok(());
        }
        let applied = self.applied.load(Ordering::SeqCst);
        store.flush()?;
        self.covered(applied, seq);
        Ok(())
    }

    /// The last audit log sequence a flush has covered: what `GET /log` may show.
    pub fn log(&self) -> u64 {
        self.durable_log.load(Ordering::SeqCst)
    }

    /// The last commit a finished flush covered.
    pub fn commits(&self) -> u64 {
        self.durable.load(Ordering::SeqCst)
    }

    /// Marks `commits` batches and the log up to `log` durable. Call during our turn.
    fn covered(&self, commits: u64, log: u64) {
        self.durable_log.fetch_max(log, Ordering::SeqCst);
        let before = self.durable.fetch_max(commits, Ordering::SeqCst);
        if commits <= before {
            return;
        }
        if let Some(dir) = &self.watermark_dir {
            // Never ahead of the store: the flush has returned. No fsync: it only has to
            // survive the process, and a lagging watermark is still a correct lower bound.
            if let Err(e) = watermark::write(dir, commits) {
                tracing::warn!(error = %e, "cannot write the commit watermark");
            }
        }
    }
}

/// A flush running: ends it and wakes every writer waiting when dropped, whatever happened.
struct Turn<'a>(&'a Durable);

impl Drop for Turn<'_> {
    fn drop(&mut self) {
        *self.0.lock() = false;
        self.0.flushed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Batch, Entry, Tree};
    use std::sync::atomic::AtomicUsize;
    use std::sync::Arc;

    /// A store that counts flushes and can be told to fail them.
    #[derive(Default)]
    struct Counting {
        flushes: AtomicUsize,
        fail: std::sync::atomic::AtomicBool,
    }

    impl Store for Counting {
        fn get(&self, _: Tree, _: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
            Ok(None)
        }
        fn scan(&self, _: Tree, _: &[u8], _: &[u8], _: usize) -> Result<Vec<Entry>, StoreError> {
            Ok(Vec::new())
        }
        fn keys_below(&self, _: Tree, _: &[u8], _: usize) -> Result<Vec<Vec<u8>>, StoreError> {
            Ok(Vec::new())
        }
        fn last(&self, _: Tree) -> Result<Option<Entry>, StoreError> {
            Ok(None)
        }
        fn apply(&self, _: Batch) -> Result<(), StoreError> {
            Ok(())
        }
        fn flush(&self) -> Result<(), StoreError> {
            if self.fail.load(Ordering::SeqCst) {
                return Err(StoreError::new("disk gone"));
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
            self.flushes.fetch_add(1, Ordering::SeqCst);
            Ok(())
        }
    }

    #[test]
    fn a_commit_waits_for_a_flush_and_later_waits_for_it_cost_nothing() {
        let store = Counting::default();
        let durable = Durable::new(3, 10, None);
        // Already durable: no flush.
        durable.wait(&store, 3).unwrap();
        assert_eq!(store.flushes.load(Ordering::SeqCst), 0);
        durable.applied(4, Some(11));
        durable.applied(5, None);
        assert_eq!(durable.log(), 10, "the log shows nothing unflushed");
        durable.wait(&store, 4).unwrap();
        assert_eq!(store.flushes.load(Ordering::SeqCst), 1);
        assert_eq!(
            durable.commits(),
            5,
            "the flush covered every batch applied before it"
        );
        assert_eq!(durable.log(), 11);
        durable.wait(&store, 5).unwrap();
        assert_eq!(store.flushes.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn a_failed_flush_makes_nothing_durable() {
        let store = Counting::default();
        let durable = Durable::new(0, 0, None);
        durable.applied(1, Some(1));
        store.fail.store(true, Ordering::SeqCst);
        assert!(durable.wait(&store, 1).is_err());
        assert_eq!((durable.commits(), durable.log()), (0, 0));
        store.fail.store(false, Ordering::SeqCst);
        durable.wait(&store, 1).unwrap();
        assert_eq!((durable.commits(), durable.log()), (1, 1));
    }

    #[test]
    fn concurrent_writers_share_flushes() {
        let store = Arc::new(Counting::default());
        let durable = Arc::new(Durable::new(0, 0, None));
        let next = Arc::new(Mutex::new(0u64));
        let writers: Vec<_> = (0..16)
            .map(|_| {
                let (store, durable, next) = (store.clone(), durable.clone(), next.clone());
                std::thread::spawn(move || {
                    for _ in 0..10 {
                        let commit = {
                            let mut n = next.lock().unwrap();
                            *n += 1;
                            durable.applied(*n, Some(*n));
                            *n
                        };
                        durable.wait(store.as_ref(), commit).unwrap();
                        assert!(durable.commits() >= commit);
                    }
                })
            })
            .collect();
        for w in writers {
            w.join().unwrap();
        }
        let flushes = store.flushes.load(Ordering::SeqCst);
        assert_eq!(durable.commits(), 160);
        assert_eq!(durable.log(), 160);
        assert!(
            flushes < 160 / 2,
            "{flushes} flushes for 160 commits: not shared"
        );
    }

    #[test]
    fn a_durable_apply_covers_what_was_applied_before_it() {
        let dir = tempfile::tempdir().unwrap();
        let durable = Durable::new(0, 0, Some(dir.path().to_path_buf()));
        durable.applied(1, Some(1));
        durable
            .apply_durably(2, None, || Ok::<(), StoreError>(()))
            .unwrap();
        assert_eq!((durable.commits(), durable.log()), (2, 1));
        assert_eq!(
            watermark::read(dir.path()),
            watermark::Watermark::Acknowledged(2)
        );
        assert!(durable
            .apply_durably(3, Some(2), || Err(StoreError::new("refused")))
            .is_err());
        assert_eq!((durable.commits(), durable.log()), (2, 1));
        assert_eq!(
            watermark::read(dir.path()),
            watermark::Watermark::Acknowledged(2)
        );
    }
}
