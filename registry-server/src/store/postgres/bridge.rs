//! A small runtime of the PostgreSQL store's own that runs its connections, so that the
//! synchronous [`Store`](crate::store::Store) trait can be served from any thread, async or
//! not (see the store's module header for why).

use std::future::Future;

use super::CALL_TIMEOUT;
use crate::store::StoreError;

/// A small runtime of the store's own that runs the connections; calls from any thread
/// hand it a future and wait on a channel.
pub(super) struct Bridge {
    /// `Some` until dropped; dropped with `shutdown_background`, which (unlike a plain drop)
    /// is allowed on an async thread.
    runtime: Option<tokio::runtime::Runtime>,
    handle: tokio::runtime::Handle,
}

impl Bridge {
    pub(super) fn new(threads: usize) -> Result<Self, String> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(threads)
            .thread_name("skillpass-postgres")
            .enable_all()
            .build()
            .map_err(|e| format!("cannot start the PostgreSQL client's threads: {e}"))?;
        let handle = runtime.handle().clone();
        Ok(Self {
            runtime: Some(runtime),
            handle,
        })
    }

    /// Runs `fut` on the bridge's runtime, bounded by [`CALL_TIMEOUT`], and waits for it.
    pub(super) fn run<T, F>(&self, fut: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: Future<Output = Result<T, StoreError>> + Send + 'static,
    {
        run_on(&self.handle, fut)
    }

    /// The runtime's handle, for what outlives one call (the writers' lock).
    pub(super) fn handle(&self) -> tokio::runtime::Handle {
        self.handle.clone()
    }
}

/// As [`Bridge::run`], on the runtime of `handle`.
pub(super) fn run_on<T, F>(handle: &tokio::runtime::Handle, fut: F) -> Result<T, StoreError>
where
    T: Send + 'static,
    F: Future<Output = Result<T, StoreError>> + Send + 'static,
{
    let (tx, rx) = std::sync::mpsc::sync_channel(1);
    handle.spawn(async move {
        let result = match tokio::time::timeout(CALL_TIMEOUT, fut).await {
            Ok(r) => r,
            Err(_) => Err(StoreError::unavailable(format!(
                "PostgreSQL did not answer within {} s",
                CALL_TIMEOUT.as_secs()
            ))),
        };
        let _ = tx.send(result);
    });
    rx.recv()
        .map_err(|_| StoreError::unavailable("the PostgreSQL client stopped"))?
}

impl Drop for Bridge {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

impl Bridge {
    /// As [`Bridge::run`] with no deadline (an import takes as long as the data needs).
    pub(super) fn run_unbounded<T, F>(&self, fut: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: Future<Output = Result<T, StoreError>> + Send + 'static,
    {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        self.handle.spawn(async move {
            let _ = tx.send(fut.await);
        });
        rx.recv()
            .map_err(|_| StoreError::unavailable("the PostgreSQL client stopped"))?
    }
}
