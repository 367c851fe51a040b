//! One consistent view of the whole store while other registry processes go on writing.
//!
//! Reading a store page by page through the pool sees each write of another replica as it
//! commits: a check that reads the log's head before a write and the log's entries after
//! it finds records that do not add up, and would call a healthy store damaged. A
//! [`Snapshot`] reads every page inside one `REPEATABLE READ READ ONLY` transaction on a
//! connection of its own, so it sees the store exactly as it was at its first read, and
//! holds no lock: the other replicas keep writing meanwhile.

use std::sync::Arc;

use deadpool_postgres::{Client, Object};
use tokio::sync::Mutex;

use super::bridge::run_on;
use super::retry::{prefix_end, Reply};
use super::{pg, pool_error, queries, PostgresStore};
use crate::store::{Batch, Entry, Store, StoreError, Tree};

/// A read-only view of a [`PostgresStore`] as of one moment (see the module header).
pub struct Snapshot {
    /// `None` once closed; the connection never goes back to the pool, which would hand
    /// out a connection inside a transaction.
    client: Arc<Mutex<Option<Client>>>,
    handle: tokio::runtime::Handle,
}

impl PostgresStore {
    /// Opens a [`Snapshot`] of the store as it is now.
    pub fn snapshot(&self) -> Result<Snapshot, StoreError> {
        let pool = self.pool.clone();
        let client = self.bridge.run(async move {
            let client = pool.get().await.map_err(pool_error)?;
            client
                .batch_execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                .await
                .map_err(pg)?;
            Ok(client)
        })?;
        Ok(Snapshot {
            client: Arc::new(Mutex::new(Some(client))),
            handle: self.bridge.handle(),
        })
    }
}

impl Snapshot {
    fn read<T, F>(&self, f: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: for<'c> FnOnce(&'c Client) -> Reply<'c, T> + Send + 'static,
    {
        let client = self.client.clone();
        run_on(&self.handle, async move {
            let guard = client.lock().await;
            let client = guard
                .as_ref()
                .ok_or_else(|| StoreError::unavailable("the snapshot is closed"))?;
            f(client).await.map_err(pg)
        })
    }
}

impl Drop for Snapshot {
    fn drop(&mut self) {
        // Out of the pool and closed: the server ends the transaction with the connection.
        if let Ok(mut slot) = self.client.try_lock() {
            if let Some(client) = slot.take() {
                drop(Object::take(client));
            }
        }
    }
}

impl Store for Snapshot {
    fn get(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        let key = key.to_vec();
        self.read(move |c| Box::pin(async move { queries::get(c, tree, &key).await }))
    }

    fn scan(
        &self,
        tree: Tree,
        prefix: &[u8],
        start: &[u8],
        limit: usize,
    ) -> Result<Vec<Entry>, StoreError> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let from = if start > prefix { start } else { prefix }.to_vec();
        let end = prefix_end(prefix);
        self.read(move |c| {
            Box::pin(async move { queries::scan(c, tree, &from, end.as_deref(), limit).await })
        })
    }

    fn keys_below(&self, tree: Tree, end: &[u8], limit: usize) -> Result<Vec<Vec<u8>>, StoreError> {
        if limit == 0 {
            return Ok(Vec::new());
        }
        let end = end.to_vec();
        self.read(move |c| Box::pin(async move { queries::keys_below(c, tree, &end, limit).await }))
    }

    fn last(&self, tree: Tree) -> Result<Option<Entry>, StoreError> {
        self.read(move |c| Box::pin(async move { queries::last(c, tree).await }))
    }

    fn apply(&self, _batch: Batch) -> Result<(), StoreError> {
        Err(StoreError::new("a snapshot of the store is read-only"))
    }
}
