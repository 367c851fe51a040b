//! Keeping the PostgreSQL store going when connections drop or transactions collide: which
//! errors mean "the connection is gone" or "lost a race" (safe to run again), reads retried
//! once on a fresh connection, and small key-range helpers the statements need.

use std::future::Future;

use deadpool_postgres::Pool;

use super::{key_taken, pg, pool_error, BatchRows};
use crate::store::StoreError;

/// The first key after every key starting with `prefix`, or `None` when there is none
/// (an empty prefix, or one of 0xFF bytes only).
pub(super) fn prefix_end(prefix: &[u8]) -> Option<Vec<u8>> {
    let mut end = prefix.to_vec();
    while let Some(last) = end.pop() {
        if last < 0xFF {
            end.push(last + 1);
            return Some(end);
        }
    }
    None
}

pub(super) fn limit(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Whether `e` means the connection is gone (closed, reset, or ended by the server): the
/// statement did not take effect and a fresh connection may succeed.
pub(super) fn connection_lost(e: &tokio_postgres::Error) -> bool {
    if e.is_closed() {
        return true;
    }
    match e.code() {
        // 08: connection exception; 57P01–57P03: the server shut down or is starting.
        Some(code) => {
            let c = code.code();
            c.starts_with("08") || c.starts_with("57P")
        }
        // No SQLSTATE: an I/O failure underneath.
        None => e.as_db_error().is_none(),
    }
}

/// Whether the transaction lost to a concurrent one (deadlock, serialization failure): it
/// was rolled back whole, so running it again is safe.
pub(super) fn lost_a_race(e: &tokio_postgres::Error) -> bool {
    e.code()
        .is_some_and(|c| c.code() == "40P01" || c.code() == "40001")
}

pub(super) type Reply<'c, T> =
    std::pin::Pin<Box<dyn Future<Output = Result<T, tokio_postgres::Error>> + Send + 'c>>;

/// Drops every idle connection: one connection found cut usually means the server
/// restarted or failed over, and then all the others were cut too, though the client may
/// not have read their end yet.
pub(super) fn forget_idle(pool: &Pool) {
    drop(pool.retain(|_, _| false));
}

/// Runs a read on a pooled connection; when the connection turns out to be gone (the
/// database restarted since it was opened), drops it with every idle one and runs the read
/// again on a new connection, so the first request after a database restart is answered.
pub(super) async fn read<T, F>(pool: Pool, f: F) -> Result<T, StoreError>
where
    F: for<'c> Fn(&'c deadpool_postgres::Client) -> Reply<'c, T>,
{
    let mut attempt = 0;
    loop {
        attempt += 1;
        let client = pool.get().await.map_err(pool_error)?;
        match f(&client).await {
            Ok(v) => return Ok(v),
            Err(e) if attempt < 3 && connection_lost(&e) => {
                drop(deadpool_postgres::Object::take(client));
                forget_idle(&pool);
            }
            Err(e) => return Err(pg(e)),
        }
    }
}

/// How one attempt at a batch ended.
pub(super) enum Attempt {
    Done,
    /// Rolled back, safe to try again (a lost connection before COMMIT, a lost race).
    Retry(tokio_postgres::Error),
    Failed(StoreError),
}

pub(super) type Rows = (Vec<&'static str>, Vec<Vec<u8>>, Vec<Vec<u8>>);

pub(super) async fn apply_once(
    client: &mut deadpool_postgres::Client,
    rows: &BatchRows,
) -> Attempt {
    let retry_or_fail = |e: tokio_postgres::Error| {
        if connection_lost(&e) || lost_a_race(&e) {
            Attempt::Retry(e)
        } else if key_taken(&e) {
            Attempt::Failed(StoreError::taken())
        } else {
            Attempt::Failed(pg(e))
        }
    };
    let tx = match client.transaction().await {
        Ok(tx) => tx,
        Err(e) => return retry_or_fail(e),
    };
    let parts = [
        (&rows.new, super::INSERT_NEW_ROWS),
        (&rows.puts, super::INSERT_ROWS),
    ];
    for (part, sql) in parts {
        if part.0.is_empty() {
            continue;
        }
        let done = async {
            let stmt = tx.prepare_cached(sql).await?;
            tx.execute(&stmt, &[&part.0, &part.1, &part.2]).await
        };
        if let Err(e) = done.await {
            return retry_or_fail(e);
        }
    }
    let deletes = &rows.deletes;
    if !deletes.0.is_empty() {
        let done = async {
            let stmt = tx.prepare_cached(super::DELETE_ROWS).await?;
            tx.execute(&stmt, &[&deletes.0, &deletes.1]).await
        };
        if let Err(e) = done.await {
            return retry_or_fail(e);
        }
    }
    // With synchronous_commit on (set for every connection), COMMIT returns once the WAL
    // is flushed: the batch is durable when this does. A connection lost during COMMIT
    // leaves the outcome unknown, so that one is never retried: the caller hears of it.
    match tx.commit().await {
        Ok(()) => Attempt::Done,
        Err(e) if lost_a_race(&e) => Attempt::Retry(e),
        Err(e) => Attempt::Failed(pg(e)),
    }
}
