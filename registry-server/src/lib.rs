//! The Skillpass registry: accredited issuers, stored credentials, revocation and signed
//! trust bundles over HTTP (axum over a [`store::Store`], sled by default).
//!
//! [`app`] builds the whole router from an [`AppState`]; `main.rs` reads the
//! [`config::Cli`], takes the data directory ([`datadir`]), opens and checks the store
//! ([`check`]) and the operator key, and serves the router with [`server::serve`]. Tests
//! drive [`app`] with `tower::ServiceExt::oneshot`, no socket needed.
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod auth;
pub mod backup;
pub mod bounds;
pub mod check;
pub mod config;
pub mod datadir;
pub mod error;
pub mod keyfile;
pub mod ledger;
pub mod migrate;
pub mod model;
pub mod routes;
pub mod server;
pub mod startup;
pub mod store;

use std::sync::Arc;

use chrono::{DateTime, SubsecRound as _, Utc};
use credential_core::SecretKey;

pub use config::{Config, Settings};
pub use error::AppError;
pub use routes::{app, openapi};

/// The registry's clock; tests inject one to move time.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// Shared state: cheap to clone, everything behind one `Arc`.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    store: Arc<dyn store::Store>,
    operator: SecretKey,
    operator_did: String,
    settings: Settings,
    clock: Clock,
    /// Serializes writes: read-modify-write of records, the log chain and the bundle
    /// sequence all need one writer at a time.
    write_lock: tokio::sync::Mutex<()>,
    /// The current bundle as served, so `GET /bundle` and its 304s do not re-read and
    /// re-parse a record of several megabytes per request.
    bundle_cache: std::sync::RwLock<Option<Arc<ledger::CurrentBundle>>>,
    /// Bumped whenever a new bundle is stored, so a reader never caches an older one.
    bundle_generation: std::sync::atomic::AtomicU64,
    /// Batches applied over the store's life (see `ledger::COMMITS_KEY`).
    commits: std::sync::atomic::AtomicU64,
    /// The store's content digest as of the last batch (see `ledger::DIGEST_KEY`).
    digest: std::sync::Mutex<store::ContentDigest>,
}

impl AppState {
    /// State over `store`, signing bundles with `operator`, with the system clock. Re-signs
    /// the trust bundle from the stored records, so a bundle is always present and matches
    /// the store even after a crash between a write and its bundle rebuild.
    pub fn new(
        store: Arc<dyn store::Store>,
        operator: SecretKey,
        settings: Settings,
    ) -> Result<Self, AppError> {
        Self::with_clock(store, operator, settings, Arc::new(Utc::now))
    }

    /// As [`AppState::new`] with an injected clock.
    pub fn with_clock(
        store: Arc<dyn store::Store>,
        operator: SecretKey,
        settings: Settings,
        clock: Clock,
    ) -> Result<Self, AppError> {
        let operator_did = operator.public().did();
        let commits = match store.get(store::Tree::NameValue, ledger::COMMITS_KEY)? {
            Some(v) => <[u8; 8]>::try_from(v.as_slice())
                .map(u64::from_be_bytes)
                .map_err(|_| AppError::internal("the commit counter is not a number"))?,
            None => 0,
        };
        let digest = match store.get(store::Tree::NameValue, ledger::DIGEST_KEY)? {
            Some(v) => store::ContentDigest::from_bytes(&v)
                .ok_or_else(|| AppError::internal("the content digest is not 32 bytes"))?,
            None => ledger::compute_digest(store.as_ref())?,
        };
        let state = Self {
            inner: Arc::new(Inner {
                store,
                operator,
                operator_did,
                settings,
                clock,
                write_lock: tokio::sync::Mutex::new(()),
                bundle_cache: std::sync::RwLock::new(None),
                bundle_generation: std::sync::atomic::AtomicU64::new(0),
                commits: std::sync::atomic::AtomicU64::new(commits),
                digest: std::sync::Mutex::new(digest),
            }),
        };
        let batch = state.bundle_batch()?;
        state.apply_counted(batch)?;
        state.forget_bundle();
        Ok(state)
    }

    /// The store.
    pub fn store(&self) -> &dyn store::Store {
        self.inner.store.as_ref()
    }

    /// The operator's DID (the trust anchor).
    pub fn operator_did(&self) -> &str {
        &self.inner.operator_did
    }

    pub(crate) fn operator(&self) -> &SecretKey {
        &self.inner.operator
    }

    /// The checked settings.
    pub fn settings(&self) -> &Settings {
        &self.inner.settings
    }

    /// Now, in whole seconds (like every time in credentials and bundles).
    pub fn now(&self) -> DateTime<Utc> {
        (self.inner.clock)().trunc_subsecs(0)
    }

    /// Takes the writer lock; hold it from the first read of a read-modify-write to
    /// [`AppState::commit`].
    pub async fn write_lock(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.inner.write_lock.lock().await
    }
}
