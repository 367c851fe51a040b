//! Keeping a shared store's writers' lock from one writer of this process to the next.
//!
//! On PostgreSQL every write takes the database's writers' lock (a round trip), reads what
//! other replicas changed since this one last held it (another), and releases it (a third,
//! which the next lock of this process waits for). When another writer of this process is
//! already waiting for the local writer lock, that is work for nothing: no other process can
//! have written while this one held the lock. So a writer that releases the lock while
//! another local writer waits keeps it in a [`Handover`] instead, and the next writer takes
//! it over as it is, with nothing to catch up on.
//!
//! What bounds that:
//! - **Other replicas get their turn.** A lock is handed over for at most [`MAX_TURN`] from
//!   its first hand-over (so one process holds it for its first writer plus that), and to
//!   at most [`MAX_WRITERS`] writers in all; then it is released, and a replica waiting in
//!   the database is ahead of this process's next request for it.
//! - **Nothing holds it idle.** A kept lock that no writer takes within [`KEEP_FOR`] (its
//!   waiter gave up: a request that timed out) is released.
//! - **Only a lock known good is handed over.** Not after a write through it failed (its
//!   outcome may be unknown, and the next writer must re-read the store), not while a write
//!   through it is still running, and not once its connection has closed (the database then
//!   released it, and another process may have written since).

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::SharedLock;

/// The longest one process hands the writers' lock on among its own writers, from the first
/// hand-over.
pub(super) const MAX_TURN: Duration = Duration::from_millis(20);
/// The most writers of one process that share one hold of the writers' lock.
pub(super) const MAX_WRITERS: u32 = 64;
/// How long a kept lock waits for the writer it was kept for.
pub(super) const KEEP_FOR: Duration = Duration::from_millis(50);

/// When the lock was first handed over (`None`: not yet), and how many writers have held
/// it since it was taken from the store.
#[derive(Debug, Clone, Copy)]
pub(super) struct Turn {
    since: Option<Instant>,
    writers: u32,
}

impl Turn {
    /// A lock just taken from the store.
    pub(super) fn fresh() -> Self {
        Self {
            since: None,
            writers: 1,
        }
    }

    fn over(self) -> bool {
        self.writers >= MAX_WRITERS || self.since.is_some_and(|t| t.elapsed() >= MAX_TURN)
    }
}

struct Kept {
    lock: SharedLock,
    turn: Turn,
    generation: u64,
}

/// The lock kept for the next writer, and who is waiting (see the module header).
#[derive(Default)]
pub(super) struct Handover {
    /// Writers of this process waiting for the local writer lock.
    waiting: AtomicUsize,
    kept: Mutex<Option<Kept>>,
    /// Tells a kept lock from the one kept before it, for its release timer.
    generation: AtomicU64,
    /// Locks handed from one writer to the next (see [`super::Ledger::locks_handed_over`]).
    handed: AtomicU64,
}

/// A writer waiting for the local writer lock; counted until dropped (taken or given up).
pub(super) struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Handover {
    /// Counts a writer as waiting until the returned value is dropped.
    pub(super) fn wait(&self) -> Waiting<'_> {
        self.waiting.fetch_add(1, Ordering::SeqCst);
        Waiting(&self.waiting)
    }

    /// The lock kept for the next writer, with its turn so far, if there is one and its
    /// connection is still open.
    pub(super) fn take(&self) -> Option<(SharedLock, Turn)> {
        let kept = self.kept.lock().ok()?.take()?;
        let held = kept.lock.lock().is_ok_and(|lock| lock.still_held());
        if !held {
            return None;
        }
        self.handed.fetch_add(1, Ordering::Relaxed);
        Some((
            kept.lock,
            Turn {
                since: kept.turn.since,
                writers: kept.turn.writers.saturating_add(1),
            },
        ))
    }

    /// Where a writer's lock goes when the writer is done with it: kept for a waiting
    /// writer of this process when `sound` (no write through it failed) and the turn
    /// allows; otherwise dropped, which releases it. `release` is called after
    /// [`KEEP_FOR`] with the generation to release if it is still kept.
    pub(super) fn keep_or_release(
        &self,
        lock: SharedLock,
        turn: Turn,
        sound: bool,
        release: impl FnOnce(u64),
    ) {
        let keep = sound
            && self.waiting.load(Ordering::SeqCst) > 0
            && !turn.over()
            // A write through it still running (its request was cancelled): the next
            // writer must wait for the store, as it does when taking the lock anew.
            && Arc::strong_count(&lock) == 1;
        if !keep {
            return;
        }
        let generation = self.generation.fetch_add(1, Ordering::SeqCst) + 1;
        let Ok(mut kept) = self.kept.lock() else {
            return;
        };
        // A lock kept before and never taken is this same lock (one lock per process).
        *kept = Some(Kept {
            lock,
            turn: Turn {
                since: turn.since.or_else(|| Some(Instant::now())),
                writers: turn.writers,
            },
            generation,
        });
        drop(kept);
        release(generation);
    }

    /// Releases the kept lock if it is still the one of `generation`.
    pub(super) fn release(&self, generation: u64) {
        let stale = match self.kept.lock() {
            Ok(mut kept) if kept.as_ref().is_some_and(|k| k.generation == generation) => {
                kept.take()
            }
            _ => None,
        };
        drop(stale);
    }

    /// Whether a lock is kept for the next writer.
    #[cfg(test)]
    pub(super) fn kept(&self) -> bool {
        self.kept.lock().is_ok_and(|k| k.is_some())
    }

    /// How many times a lock went from one writer of this process to the next.
    pub(super) fn handed(&self) -> u64 {
        self.handed.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use std::sync::atomic::AtomicBool;

    use super::*;
    use crate::store::{Batch, StoreError, WriteLock};

    /// A writers' lock whose connection a test can close, and that says when it is released.
    struct Fake {
        open: Arc<AtomicBool>,
        released: Arc<AtomicBool>,
    }

    impl WriteLock for Fake {
        fn apply(&mut self, _batch: Batch) -> Result<(), StoreError> {
            Ok(())
        }
        fn still_held(&self) -> bool {
            self.open.load(Ordering::SeqCst)
        }
    }

    impl Drop for Fake {
        fn drop(&mut self) {
            self.released.store(true, Ordering::SeqCst);
        }
    }

    fn fake() -> (SharedLock, Arc<AtomicBool>, Arc<AtomicBool>) {
        let open = Arc::new(AtomicBool::new(true));
        let released = Arc::new(AtomicBool::new(false));
        let lock: SharedLock = Arc::new(Mutex::new(Box::new(Fake {
            open: open.clone(),
            released: released.clone(),
        })));
        (lock, open, released)
    }

    /// Keeps or releases `lock` and returns the generation its timer would release.
    fn hand(h: &Handover, lock: SharedLock, turn: Turn, sound: bool) -> Option<u64> {
        let mut timer = None;
        h.keep_or_release(lock, turn, sound, |g| timer = Some(g));
        timer
    }

    #[test]
    fn a_lock_is_kept_only_for_a_waiting_writer_and_taken_over_with_its_turn() {
        let h = Handover::default();
        let (lock, _, released) = fake();
        // Nobody waits: released.
        assert_eq!(hand(&h, lock, Turn::fresh(), true), None);
        assert!(released.load(Ordering::SeqCst));
        assert!(!h.kept());

        let (lock, _, released) = fake();
        let waiting = h.wait();
        assert!(hand(&h, lock, Turn::fresh(), true).is_some());
        assert!(h.kept());
        assert!(!released.load(Ordering::SeqCst));
        let (_lock, turn) = h.take().unwrap();
        assert_eq!(turn.writers, 2);
        assert!(
            turn.since.is_some(),
            "the turn runs from the first hand-over"
        );
        assert_eq!(h.handed(), 1);
        assert!(!h.kept());
        assert!(h.take().is_none(), "taken once");
        drop(waiting);
    }

    #[test]
    fn a_lock_is_released_after_a_failed_write_a_full_turn_or_while_a_write_runs() {
        let h = Handover::default();
        let _waiting = h.wait();
        // A write through it failed.
        let (lock, _, released) = fake();
        assert_eq!(hand(&h, lock, Turn::fresh(), false), None);
        assert!(released.load(Ordering::SeqCst));
        // Its writers' turn is full, or its time is up.
        for turn in [
            Turn {
                since: None,
                writers: MAX_WRITERS,
            },
            Turn {
                since: Some(Instant::now() - MAX_TURN),
                writers: 2,
            },
        ] {
            let (lock, _, released) = fake();
            assert_eq!(hand(&h, lock, turn, true), None, "{turn:?}");
            assert!(released.load(Ordering::SeqCst), "{turn:?}");
        }
        // A cancelled request's write through it still runs (holds a clone).
        let (lock, _, released) = fake();
        let running = lock.clone();
        assert_eq!(hand(&h, lock, Turn::fresh(), true), None);
        assert!(!h.kept());
        drop(running);
        assert!(released.load(Ordering::SeqCst));
    }

    #[test]
    fn a_kept_lock_whose_connection_closed_is_released_not_taken_over() {
        let h = Handover::default();
        let _waiting = h.wait();
        let (lock, open, released) = fake();
        assert!(hand(&h, lock, Turn::fresh(), true).is_some());
        open.store(false, Ordering::SeqCst);
        assert!(h.take().is_none());
        assert!(released.load(Ordering::SeqCst));
        assert_eq!(h.handed(), 0);
    }

    #[test]
    fn the_timer_releases_the_lock_it_was_set_for_and_no_later_one() {
        let h = Handover::default();
        let _waiting = h.wait();
        let (first, _, first_released) = fake();
        let old = hand(&h, first, Turn::fresh(), true).unwrap();
        let (taken, _) = h.take().unwrap();
        // Handed on again by the next writer: a newer generation is kept.
        let new = hand(&h, taken, Turn::fresh(), true).unwrap();
        assert_ne!(old, new);
        h.release(old);
        assert!(h.kept(), "an older timer leaves the newer hold alone");
        assert!(!first_released.load(Ordering::SeqCst));
        h.release(new);
        assert!(!h.kept());
        assert!(first_released.load(Ordering::SeqCst));
    }

    #[test]
    fn a_writer_that_stops_waiting_is_no_longer_counted() {
        let h = Handover::default();
        let waiting = h.wait();
        drop(waiting);
        let (lock, _, released) = fake();
        assert_eq!(hand(&h, lock, Turn::fresh(), true), None);
        assert!(released.load(Ordering::SeqCst));
    }
}
