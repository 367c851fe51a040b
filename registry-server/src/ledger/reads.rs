//! Signed reads answered before their nonce is flushed.
//!
//! A signed read (`GET /credentials/{id}`) changes nothing but the set of spent nonces, yet
//! waiting for that nonce's flush was most of a read's time. On a store only this process
//! writes, whose flushes are grouped (sled), a read is answered as soon as its nonce is
//! applied: every later request sees it at once, and it reaches the disk with the next
//! flush. What a crash may lose is therefore a read nonce, and a lost nonce could be
//! replayed once after the restart. The read horizon closes that: before any read signed
//! at time `t` is answered unflushed, a horizon `h ≥ t` is durable in the store
//! ([`READ_HORIZON_KEY`]), and a registry starting on that store refuses every read signed
//! at or before the horizon it finds there. The horizon runs a few seconds ahead of the
//! clock ([`STEP_SECS`]), so it is written about once per step under steady reads. A
//! registry that starts again before its clock has passed the horizon it found waits until
//! it has (at most those seconds) before it serves
//! ([`AppState::wait_past_read_horizon`](crate::AppState::wait_past_read_horizon)): reads
//! signed afterwards by clients whose clocks agree are not refused; a replayed one is.
//! A read signed further ahead than the step, and every read on other stores, waits for its
//! flush as before. Writes always wait for theirs.
//!
//! A read must not show what a crash could take back either: a credential applied by a
//! publish whose flush has not finished yet. So a read is answered unflushed only when
//! every batch that wrote anything but nonces is durable ([`ReadHorizon::content`]);
//! otherwise it waits for the flush that covers its own nonce, and with it everything
//! applied before, as every read did before.

use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{DateTime, Utc};
use credential_core::i18n::Msg;

use super::{Change, Ledger, WriteGuard};
use crate::error::{AppError, ErrorCode};
use crate::records::keys::{NonceKey, READ_HORIZON_KEY};
use crate::store::{Batch, Op, Tree};

/// How far ahead of the clock a written horizon reaches, in seconds.
pub(crate) const STEP_SECS: u64 = 2;

/// The read horizons this process knows (see the module documentation).
pub(super) struct ReadHorizon {
    /// Found in the store at start: reads signed at or before it are refused.
    refused_through: u64,
    /// The largest horizon known durable: reads signed at or before it are answered
    /// before their nonce is flushed.
    durable: AtomicU64,
    /// The largest horizon written (perhaps not durable yet); written under the writer
    /// lock, so stored horizons never go back.
    written: AtomicU64,
    /// The last batch that wrote anything but nonces (noted before it is visible).
    content: AtomicU64,
}

impl ReadHorizon {
    /// The horizon a process starting on a store with `stored` keeps.
    pub(super) fn starting_from(stored: Option<u64>) -> Self {
        let found = stored.unwrap_or(0);
        Self {
            refused_through: found,
            durable: AtomicU64::new(found),
            written: AtomicU64::new(found),
            content: AtomicU64::new(0),
        }
    }

    /// Notes batch number `commit`, about to be applied: whether it writes anything but
    /// nonces.
    pub(super) fn applying(&self, commit: u64, batch: &Batch) {
        let content = batch.ops.iter().any(|op| match op {
            Op::Put(tree, ..) | Op::Delete(tree, _) => *tree != Tree::IatnonceSeen,
        });
        if content {
            self.content.fetch_max(commit, Ordering::SeqCst);
        }
    }
}

impl Ledger {
    /// The read horizon found at start when it still counts (a store that takes it):
    /// reads signed at or before it are refused.
    pub fn read_horizon_found(&self) -> Option<u64> {
        let store = self.records().store();
        let found = self.inner.reads.refused_through;
        (store.groups_flushes() && !store.shared() && found > 0).then_some(found)
    }

    /// Spends the nonce of a signed read that changes nothing else, and releases the writer
    /// lock. `iat` is the time the read was signed at. Returns once the read may be
    /// answered: when its nonce is applied on a store that takes the read horizon (see the
    /// module documentation), when it is durable on others. Refuses (401
    /// `replayed_request`) a read signed at or before the horizon found at start.
    pub async fn spend_read_nonce(
        &self,
        held: WriteGuard<'_>,
        nonce: NonceKey,
        iat: i64,
        now: DateTime<Utc>,
    ) -> Result<(), AppError> {
        let store = self.records().store();
        let mut change = Change::new();
        change.nonce(nonce);
        if !store.groups_flushes() || store.shared() {
            return self.commit_and_release(held, change, now).await;
        }
        let reads = &self.inner.reads;
        let iat = u64::try_from(iat).unwrap_or(0);
        if iat <= reads.refused_through {
            return Err(AppError::said(
                ErrorCode::ReplayedRequest,
                Msg::new("reg-nonce-unknown-after-restart"),
            ));
        }
        let content_durable = self.inner.durable.commits() >= reads.content.load(Ordering::SeqCst);
        if iat <= reads.durable.load(Ordering::SeqCst) && content_durable {
            self.commit_applied(&held, change, now, false).await?;
            return Ok(());
        }
        let now_secs = u64::try_from(now.timestamp()).unwrap_or(0);
        if iat > now_secs + STEP_SECS || !content_durable {
            // Signed ahead of the clock (a horizon that far ahead would refuse reads for as
            // long after a crash), or it may have read what is not durable yet: this read
            // waits for its flush.
            return self.commit_and_release(held, change, now).await;
        }
        let horizon = (now_secs + STEP_SECS).max(reads.written.load(Ordering::SeqCst));
        reads.written.store(horizon, Ordering::SeqCst);
        change.batch.put(
            Tree::NameValue,
            READ_HORIZON_KEY,
            horizon.to_be_bytes().to_vec(),
        );
        self.commit_and_release(held, change, now).await?;
        reads.durable.fetch_max(horizon, Ordering::SeqCst);
        Ok(())
    }
}
