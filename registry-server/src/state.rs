//! The state every handler gets: the records to read, the ledger to write through, the
//! checked settings and the clock. Cheap to clone: everything is behind one `Arc`.

use std::sync::Arc;

use chrono::{DateTime, SubsecRound as _, Utc};
use credential_core::SecretKey;

use crate::config::Settings;
use crate::error::AppError;
use crate::ledger::{Change, CurrentBundle, Ledger, LedgerError, WriteGuard};
use crate::records::Records;
use crate::relay::Relay;
use crate::store::Store;

/// The registry's clock; tests inject one to move time.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// Shared state of the HTTP application.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    records: Records,
    ledger: Ledger,
    operator_did: String,
    settings: Settings,
    clock: Clock,
    relay: Relay,
}

impl AppState {
    /// State over `store`, signing bundles with `operator`, with the system clock. Re-signs
    /// the trust bundle from the stored records (see [`Ledger::open`]).
    pub fn new(
        store: Arc<dyn Store>,
        operator: SecretKey,
        settings: Settings,
    ) -> Result<Self, LedgerError> {
        Self::with_clock(store, operator, settings, Arc::new(Utc::now))
    }

    /// As [`AppState::new`] with an injected clock.
    pub fn with_clock(
        store: Arc<dyn Store>,
        operator: SecretKey,
        settings: Settings,
        clock: Clock,
    ) -> Result<Self, LedgerError> {
        let operator_did = operator.public().did();
        let records = Records::new(store);
        let now = clock().trunc_subsecs(0);
        let ledger = Ledger::open(records.clone(), operator, settings.clone(), now)?;
        Ok(Self {
            inner: Arc::new(Inner {
                records,
                ledger,
                operator_did,
                settings,
                clock,
                relay: Relay::default(),
            }),
        })
    }

    /// The records, for reading.
    pub fn records(&self) -> &Records {
        &self.inner.records
    }

    /// The store underneath the records (whole-store work and tests).
    pub fn store(&self) -> &dyn Store {
        self.inner.records.store()
    }

    /// The operator's DID (the trust anchor).
    pub fn operator_did(&self) -> &str {
        &self.inner.operator_did
    }

    pub(crate) fn operator(&self) -> &SecretKey {
        self.inner.ledger.operator()
    }

    /// The presentation relay's mailboxes (memory only, see [`crate::relay`]).
    pub fn relay(&self) -> &Relay {
        &self.inner.relay
    }

    /// The settings, checked at start-up.
    pub fn settings(&self) -> &Settings {
        &self.inner.settings
    }

    /// Now, in whole seconds (like every time in credentials and bundles).
    pub fn now(&self) -> DateTime<Utc> {
        (self.inner.clock)().trunc_subsecs(0)
    }

    /// Takes the writer lock; hold it from the first read of a read-modify-write to
    /// [`AppState::commit`].
    /// Fails (503 `store_unavailable`) when a shared store cannot be reached.
    pub async fn write_lock(&self) -> Result<WriteGuard<'_>, AppError> {
        Ok(self.inner.ledger.lock(self.now()).await?)
    }

    /// Commits `change` now (see [`Ledger::commit`]).
    pub async fn commit(&self, held: &WriteGuard<'_>, change: Change) -> Result<(), AppError> {
        self.inner.ledger.commit(held, change, self.now()).await
    }

    /// Commits `change` and releases the writer lock, as early as group commit allows (see
    /// [`Ledger::commit_and_release`]); returns once the change is durable.
    pub async fn commit_and_release(
        &self,
        held: WriteGuard<'_>,
        change: Change,
    ) -> Result<(), AppError> {
        self.inner
            .ledger
            .commit_and_release(held, change, self.now())
            .await
    }

    /// Spends a signed read's nonce and releases the writer lock; returns once the read may
    /// be answered (see [`Ledger::spend_read_nonce`]).
    pub async fn spend_read_nonce(
        &self,
        held: WriteGuard<'_>,
        signer: &crate::auth::Signer,
    ) -> Result<(), AppError> {
        self.inner
            .ledger
            .spend_read_nonce(held, signer.nonce_key.clone(), signer.iat, self.now())
            .await
    }

    /// Returns once the clock has passed the read horizon this registry found at start
    /// (see `ledger/reads.rs`), or after a few seconds at most: reads signed from then on
    /// are not refused as possibly used before a restart. At once when there is none.
    /// Called before the registry serves.
    pub async fn wait_past_read_horizon(&self) {
        let Some(horizon) = self.inner.ledger.read_horizon_found() else {
            return;
        };
        let horizon = i64::try_from(horizon).unwrap_or(i64::MAX);
        // A horizon is written at most its step ahead of the clock; the wait is bounded by
        // that (and two seconds for whole-second times), whatever the clock says.
        let longest = std::time::Duration::from_secs(crate::ledger::READ_HORIZON_STEP_SECS + 2);
        let deadline = tokio::time::Instant::now() + longest;
        if self.now().timestamp() <= horizon {
            tracing::info!(horizon, "waiting for the clock to pass the read horizon");
        }
        while self.now().timestamp() <= horizon && tokio::time::Instant::now() < deadline {
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }

    /// The last audit log sequence readers may see (see [`Ledger::log_horizon`]).
    pub fn log_horizon(&self) -> Option<u64> {
        self.inner.ledger.log_horizon()
    }

    /// How many times a shared store's writers' lock went from one writer of this process
    /// to the next without being released (see [`Ledger::locks_handed_over`]).
    pub fn locks_handed_over(&self) -> u64 {
        self.inner.ledger.locks_handed_over()
    }

    /// Makes the audit log durable up to `seq` before a reader is shown it (see
    /// [`Ledger::durable_up_to`]).
    pub async fn log_durable_up_to(&self, seq: u64) -> Result<(), AppError> {
        Ok(self.inner.ledger.durable_up_to(seq).await?)
    }

    /// The current bundle, if one was signed (from memory after the first read).
    pub fn current_bundle(&self) -> Result<Option<Arc<CurrentBundle>>, AppError> {
        Ok(self.inner.ledger.current_bundle()?)
    }

    /// Re-signs the bundle when half its validity has passed. Takes the writer lock itself,
    /// and only when the bundle is due, so readers of a fresh bundle never wait for it.
    pub async fn refresh_bundle_if_old(&self) -> Result<(), AppError> {
        let ledger = &self.inner.ledger;
        if !ledger.bundle_due(self.now())? {
            return Ok(());
        }
        let guard = self.write_lock().await?;
        if ledger.bundle_due(self.now())? {
            ledger.resign_bundle(&guard, self.now()).await?;
        }
        Ok(())
    }
}
