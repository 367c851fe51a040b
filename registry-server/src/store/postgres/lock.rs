//! The writers' lock of several registry processes on one database: a session advisory lock
//! held on a connection of its own, outside the pool, and every batch written under it
//! applied through that same connection.
//!
//! Why a session lock on its own connection: the ledger reads (the log's head, the bundle
//! sequence, nonces, the records a request changes) through pooled connections once the
//! lock is held, and may write more than one transaction under it (the change, then the
//! bundle signed from it). A transaction-scoped lock would end with the first commit.
//! Writing through the locking connection means a lock lost with its connection (the
//! server restarted, the network cut) can never let a batch through unguarded: the batch
//! fails instead. A registry killed while it holds the lock closes the connection, and the
//! server releases the lock with it.
//!
//! The connection is kept between locks (opening one costs more than a write). If a lock
//! was not released cleanly (its release did not answer, a call timed out), the connection
//! is dropped and a new one opened on the next lock, so no stale hold survives.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Mutex, OwnedMutexGuard};
use tokio_postgres::{NoTls, Statement};

use super::bridge::run_on;
use super::{key_taken, pg, BatchRows, WRITE_ROWS};
use crate::store::{Batch, StoreError, WriteLock};

/// The advisory lock every registry writer takes (per database; the bytes spell
/// `skpledgr`).
pub(super) const LEDGER_LOCK: i64 = 0x736b_706c_6564_6772;
/// The longest a registry waits for another to finish writing before it answers 503.
const LOCK_WAIT: Duration = Duration::from_secs(20);

/// The locking connection and its prepared statements, shared by every lock of one store.
#[derive(Default)]
pub(super) struct LockSlot {
    conn: Option<LockConnection>,
    /// The lock was released cleanly last time (or never taken on this connection).
    clean: bool,
}

struct LockConnection {
    client: tokio_postgres::Client,
    write: Statement,
    /// How this connection's transactions commit now (its `synchronous_commit`): set only
    /// when a batch needs the other way, so a run of grouped batches costs no extra trip.
    commits: Commit,
}

/// Takes the writers' lock: waits (up to [`LOCK_WAIT`]) until no other process holds it.
pub(super) fn acquire(
    handle: &tokio::runtime::Handle,
    slot: &Arc<Mutex<LockSlot>>,
    config: &tokio_postgres::Config,
) -> Result<PgWriteLock, StoreError> {
    let slot = slot.clone();
    let config = config.clone();
    let guard = run_on(handle, async move {
        let mut slot = slot.lock_owned().await;
        let usable = slot.clean && slot.conn.as_ref().is_some_and(|c| !c.client.is_closed());
        if !usable {
            slot.conn = None;
            slot.conn = Some(connect(&config).await?);
        }
        slot.clean = false;
        let conn = slot
            .conn
            .as_ref()
            .ok_or_else(|| StoreError::unavailable("no connection for the writers' lock"))?;
        let take = format!(
            "SET lock_timeout = '{}s'; SELECT pg_advisory_lock({LEDGER_LOCK}); SET lock_timeout = 0",
            LOCK_WAIT.as_secs()
        );
        match conn.client.batch_execute(&take).await {
            Ok(()) => Ok(slot),
            // 55P03: lock_not_available, another registry held it all that time.
            Err(e) if e.code().is_some_and(|c| c.code() == "55P03") => {
                Err(StoreError::unavailable(format!(
                    "another registry process held the writers' lock for {} s",
                    LOCK_WAIT.as_secs()
                )))
            }
            Err(e) => Err(pg(e)),
        }
    })?;
    Ok(PgWriteLock {
        slot: Some(guard),
        handle: handle.clone(),
    })
}

async fn connect(config: &tokio_postgres::Config) -> Result<LockConnection, StoreError> {
    let (client, connection) = config.connect(NoTls).await.map_err(|e| {
        StoreError::unavailable(format!(
            "PostgreSQL: cannot connect for the writers' lock: {e}"
        ))
    })?;
    tokio::spawn(async move {
        if let Err(e) = connection.await {
            tracing::debug!(error = %e, "the writers' lock connection ended");
        }
    });
    let write = client.prepare(WRITE_ROWS).await.map_err(pg)?;
    Ok(LockConnection {
        client,
        write,
        // Every connection of the store asks for durable commits (see `url.rs`).
        commits: Commit::Durable,
    })
}

/// The writers' lock, held (see the module header).
pub(super) struct PgWriteLock {
    /// `Some` while held; taken out while a batch is being applied.
    slot: Option<OwnedMutexGuard<LockSlot>>,
    handle: tokio::runtime::Handle,
}

impl WriteLock for PgWriteLock {
    fn apply(&mut self, batch: Batch) -> Result<(), StoreError> {
        self.apply_through(batch, Commit::Durable)
    }

    fn apply_unflushed(&mut self, batch: Batch) -> Result<(), StoreError> {
        self.apply_through(batch, Commit::Unflushed)
    }

    fn still_held(&self) -> bool {
        self.slot
            .as_ref()
            .and_then(|slot| slot.conn.as_ref())
            .is_some_and(|conn| !conn.client.is_closed())
    }
}

/// How a transaction under the lock commits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Commit {
    /// `synchronous_commit = on`: COMMIT returns once the WAL is flushed.
    Durable,
    /// `synchronous_commit = off` (on the locking connection, until a durable batch sets it
    /// back): the commit returns once its record is in the WAL buffer; the next synchronous
    /// commit of anyone on the server (a [`Store::flush`](crate::store::Store::flush))
    /// flushes it, since the WAL is one sequence. Visible at once; never acknowledged
    /// before that flush.
    Unflushed,
}

impl PgWriteLock {
    fn apply_through(&mut self, batch: Batch, commit: Commit) -> Result<(), StoreError> {
        if batch.is_empty() {
            return Ok(());
        }
        let rows = super::rows(batch)?;
        let mut slot = self
            .slot
            .take()
            .ok_or_else(|| StoreError::unavailable("the writers' lock was lost"))?;
        let (slot, result) = run_on(&self.handle, async move {
            let result = match slot.conn.as_mut() {
                None => Err(StoreError::unavailable(
                    "the writers' lock has no connection",
                )),
                Some(conn) => apply_locked(conn, &rows, commit).await,
            };
            Ok((slot, result))
        })?;
        self.slot = Some(slot);
        result
    }
}

async fn apply_locked(
    conn: &mut LockConnection,
    rows: &BatchRows,
    commit: Commit,
) -> Result<(), StoreError> {
    if conn.commits != commit {
        let set = match commit {
            Commit::Durable => "SET synchronous_commit = on",
            Commit::Unflushed => "SET synchronous_commit = off",
        };
        conn.client.batch_execute(set).await.map_err(pg)?;
        conn.commits = commit;
    }
    // One statement, its own transaction: it commits once the WAL is flushed (durable), or,
    // unflushed, once the commit record is written (durable at the next flush).
    // A connection lost here leaves the outcome unknown; the caller hears of it, and the
    // ledger re-reads the store under the next lock. A key put as new that is taken fails
    // the statement, and its transaction writes nothing.
    let (puts, deletes, new) = (&rows.puts, &rows.deletes, &rows.new);
    conn.client
        .execute(
            &conn.write,
            &[
                &puts.0, &puts.1, &puts.2, &deletes.0, &deletes.1, &new.0, &new.1, &new.2,
            ],
        )
        .await
        .map(|_| ())
        .map_err(|e| {
            if key_taken(&e) {
                StoreError::taken()
            } else {
                pg(e)
            }
        })
}

impl Drop for PgWriteLock {
    fn drop(&mut self) {
        if let Some(mut slot) = self.slot.take() {
            // Released on the store's runtime; the next lock of this process waits for it.
            self.handle.spawn(async move {
                let released = match slot.conn.as_ref() {
                    Some(conn) => conn
                        .client
                        .batch_execute("SELECT pg_advisory_unlock_all()")
                        .await
                        .is_ok(),
                    None => false,
                };
                if released {
                    slot.clean = true;
                } else {
                    // Closing the connection releases whatever it held.
                    slot.conn = None;
                }
            });
        }
    }
}
