//! The PostgreSQL store: every tree in one table `records (tree, key, value)`, a batch as one
//! transaction committed with `synchronous_commit = on`, the schema created and migrated by
//! the registry itself.
//!
//! Why `tokio-postgres` with a `deadpool-postgres` pool on a runtime of the store's own: the
//! [`Store`] trait is synchronous, and the registry calls it from async handlers (reads) as
//! well as from blocking tasks (batches). The synchronous `postgres` crate runs its own
//! runtime per client and panics when called on an async worker thread, and
//! `block_in_place` panics on the single-threaded runtimes tests use. So the store owns a
//! small multi-threaded runtime that runs the connections; each call hands its query there
//! and waits on a plain channel, which works from any thread, async or not, as sled's own
//! blocking calls do. The pool gives out healthy connections only (a connection whose
//! socket closed is dropped and a new one opened on the next call), so the store carries on
//! by itself once a restarted database is back; every call is bounded in time.
//!
//! Keys are `bytea`, which PostgreSQL compares bytewise (`memcmp`, then length) whatever the
//! database's collation: the same order as sled's. The `tree` column is `COLLATE "C"` so
//! that no locale ever takes part in it either.
//!
//! Schema migrations are numbered ([`MIGRATIONS`]); `schema_migrations` records those
//! applied. Opening the store applies the missing ones in one transaction under a
//! transaction-scoped advisory lock (so registries starting together migrate once), and
//! refuses a database whose schema is newer than this binary knows.
//!
//! A batch becomes a few statements whatever its size (one, through the writers' lock): the
//! last write to each key wins (as if applied in order), then every put is one `INSERT …
//! SELECT FROM unnest(…) ON CONFLICT DO UPDATE`, every put of a key that must be new
//! ([`Batch::put_new`]) one plain `INSERT`, whose unique violation fails the batch, and every
//! delete one `DELETE … USING unnest(…)`. A commit that fails leaves nothing.

use std::collections::BTreeMap;
use std::time::Duration;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::NoTls;

mod bridge;
mod lock;
mod queries;
mod retry;
mod scratch;
mod snapshot;
mod url;

use bridge::Bridge;
use retry::{apply_once, connection_lost, forget_idle, prefix_end, read, Attempt, Rows};
pub use scratch::ScratchDatabase;
pub use snapshot::Snapshot;
pub use url::{DatabaseUrl, DatabaseUrlError};

use super::{Batch, Entry, Op, Store, StoreError, Tree};

/// The schema versions this binary knows, in order. Never edit one that has shipped: add
/// the next.
pub const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    description: "records: every tree's keys and values in one table",
    sql: "CREATE TABLE records (
              tree text COLLATE \"C\" NOT NULL,
              key bytea NOT NULL,
              value bytea NOT NULL,
              PRIMARY KEY (tree, key)
          )",
}];

/// One step of the schema.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// Its number (1, 2, …).
    pub version: i32,
    /// What it does, recorded in `schema_migrations`.
    pub description: &'static str,
    /// The statements.
    pub sql: &'static str,
}

/// Every put of a batch, as one statement (the rows deduplicated by [`rows`]).
pub(super) const INSERT_ROWS: &str = "INSERT INTO records (tree, key, value) \
     SELECT t, k, v FROM unnest($1::text[], $2::bytea[], $3::bytea[]) AS u(t, k, v) \
     ON CONFLICT (tree, key) DO UPDATE SET value = EXCLUDED.value";
/// Every delete of a batch, as one statement.
pub(super) const DELETE_ROWS: &str =
    "DELETE FROM records r USING unnest($1::text[], $2::bytea[]) AS d(t, k) \
     WHERE r.tree = d.t AND r.key = d.k";
/// The puts of keys that must hold nothing ([`Batch::put_new`]): no `ON CONFLICT`, so a
/// taken key fails the statement (23505) and with it the transaction.
pub(super) const INSERT_NEW_ROWS: &str = "INSERT INTO records (tree, key, value) \
     SELECT t, k, v FROM unnest($1::text[], $2::bytea[], $3::bytea[]) AS u(t, k, v)";
/// Every write of a batch as one statement, so one round trip and its own transaction:
/// puts as [`INSERT_ROWS`] (`$1`–`$3`), deletes as [`DELETE_ROWS`] (`$4`, `$5`), puts of
/// keys that must be new as [`INSERT_NEW_ROWS`] (`$6`–`$8`). The parts see the same
/// snapshot, which is right because [`rows`] gives each key to one part only.
pub(super) const WRITE_ROWS: &str = "WITH deleted AS (\
     DELETE FROM records r USING unnest($4::text[], $5::bytea[]) AS d(t, k) \
     WHERE r.tree = d.t AND r.key = d.k), \
     fresh AS (INSERT INTO records (tree, key, value) \
     SELECT t, k, v FROM unnest($6::text[], $7::bytea[], $8::bytea[]) AS n(t, k, v)) \
     INSERT INTO records (tree, key, value) \
     SELECT t, k, v FROM unnest($1::text[], $2::bytea[], $3::bytea[]) AS u(t, k, v) \
     ON CONFLICT (tree, key) DO UPDATE SET value = EXCLUDED.value";

/// The advisory lock taken around schema migrations (per database; the bytes spell
/// `skpmigra`). Other locks of the registry use other keys.
const MIGRATION_LOCK: i64 = 0x736b_706d_6967_7261;
/// The longest one store call may take, connection included.
pub(super) const CALL_TIMEOUT: Duration = Duration::from_secs(30);
/// The longest a call waits for a connection, or for a new one to be opened.
pub(super) const POOL_TIMEOUT: Duration = Duration::from_secs(10);
/// Connections open at most.
const POOL_SIZE: usize = 16;
/// Rows per statement when importing a whole store.
const IMPORT_PAGE: usize = 1000;

/// Why a PostgreSQL store could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The URL is not a PostgreSQL connection URL.
    #[error("{0}")]
    Url(String),
    /// The database could not be reached or refused the connection.
    #[error("cannot connect to PostgreSQL at {target}: {reason}")]
    Unreachable {
        /// Where, without the password.
        target: String,
        /// Why.
        reason: String,
    },
    /// The database holds a schema this binary does not know.
    #[error(
        "the database at {target} has schema version {found}, newer than this skillpass-registry \
         knows ({known}): run the newer skillpass-registry that migrated it"
    )]
    SchemaTooNew {
        /// Where, without the password.
        target: String,
        /// The database's version.
        found: i32,
        /// The newest version this binary knows.
        known: i32,
    },
    /// Anything else (named).
    #[error("PostgreSQL at {target}: {reason}")]
    Other {
        /// Where, without the password.
        target: String,
        /// What failed.
        reason: String,
    },
}

/// Why an import into a PostgreSQL store did not happen.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The target already holds records; nothing was written.
    #[error("the target database already holds {0} records: migrate into an empty database")]
    NotEmpty(i64),
    /// Reading the source or writing the target failed; nothing was written.
    #[error("{0}")]
    Store(#[from] StoreError),
}

pub(super) fn pg(e: tokio_postgres::Error) -> StoreError {
    let message = match e.as_db_error() {
        Some(db) => format!("PostgreSQL: {} ({})", db.message(), db.code().code()),
        None => format!("PostgreSQL: {e}"),
    };
    if connection_lost(&e) {
        StoreError::unavailable(message)
    } else {
        StoreError::new(message)
    }
}

pub(super) fn pool_error(e: deadpool_postgres::PoolError) -> StoreError {
    // No connection could be had: none free in time, or the server refused a new one (down,
    // failing over, not accepting connections to this database).
    match e {
        deadpool_postgres::PoolError::Backend(e) => {
            StoreError::unavailable(pg(e).message().to_owned())
        }
        other => StoreError::unavailable(format!("PostgreSQL connection pool: {other}")),
    }
}

/// A batch as the rows of its statements: the last write to each key is the one that
/// counts, so every key appears once and the statements may run in either order. Sorted,
/// so concurrent batches lock rows in one order and rarely deadlock.
pub(super) struct BatchRows {
    /// Puts that replace whatever the key holds.
    pub(super) puts: Rows,
    /// Deletes (tree and key; the third column is empty).
    pub(super) deletes: Rows,
    /// Puts of keys that must hold nothing ([`Batch::put_new`]): a plain `INSERT`, whose
    /// unique violation (23505) fails the whole batch.
    pub(super) new: Rows,
}

pub(super) fn rows(batch: Batch) -> Result<BatchRows, StoreError> {
    batch.check_new_keys()?;
    let new_keys: std::collections::HashSet<(&'static str, Vec<u8>)> = batch
        .new_keys
        .into_iter()
        .map(|(tree, key)| (tree.name(), key))
        .collect();
    let mut last: BTreeMap<(&'static str, Vec<u8>), Option<Vec<u8>>> = BTreeMap::new();
    for op in batch.ops {
        match op {
            Op::Put(t, k, v) => last.insert((t.name(), k), Some(v)),
            Op::Delete(t, k) => last.insert((t.name(), k), None),
        };
    }
    let mut rows = BatchRows {
        puts: Rows::default(),
        deletes: Rows::default(),
        new: Rows::default(),
    };
    for (at, value) in last {
        let new = new_keys.contains(&at);
        let (tree, key) = at;
        match value {
            Some(v) => {
                let to = if new { &mut rows.new } else { &mut rows.puts };
                to.0.push(tree);
                to.1.push(key);
                to.2.push(v);
            }
            None => {
                rows.deletes.0.push(tree);
                rows.deletes.1.push(key);
            }
        }
    }
    Ok(rows)
}

/// Whether a statement failed because a row it inserted exists (23505): a key put as new
/// was taken.
pub(super) fn key_taken(e: &tokio_postgres::Error) -> bool {
    e.code().is_some_and(|c| c.code() == "23505")
}

/// The registry's records in a PostgreSQL database.
pub struct PostgresStore {
    pool: Pool,
    target: String,
    /// How to open the writers' lock connection (the pool's settings).
    config: tokio_postgres::Config,
    lock: std::sync::Arc<tokio::sync::Mutex<lock::LockSlot>>,
    // Last: the pool's connections are dropped before the runtime that drives them.
    bridge: Bridge,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore")
            .field("target", &self.target)
            .finish_non_exhaustive()
    }
}

impl PostgresStore {
    /// Connects to `url`, creates or migrates the schema, and returns the store. Refuses a
    /// database whose schema is newer than [`MIGRATIONS`].
    pub fn open(url: &DatabaseUrl) -> Result<Self, OpenError> {
        let target = url.redacted();
        let config = url.store_config()?;
        let bridge = Bridge::new(2).map_err(|reason| OpenError::Other {
            target: target.clone(),
            reason,
        })?;
        let manager = Manager::from_config(
            config.clone(),
            NoTls,
            ManagerConfig {
                recycling_method: RecyclingMethod::Fast,
            },
        );
        let pool = Pool::builder(manager)
            .max_size(POOL_SIZE)
            .runtime(deadpool_postgres::Runtime::Tokio1)
            .wait_timeout(Some(POOL_TIMEOUT))
            .create_timeout(Some(POOL_TIMEOUT))
            .recycle_timeout(Some(POOL_TIMEOUT))
            .build()
            .map_err(|e| OpenError::Other {
                target: target.clone(),
                reason: e.to_string(),
            })?;
        let store = Self {
            pool,
            target,
            config,
            lock: Default::default(),
            bridge,
        };
        store.migrate()?;
        Ok(store)
    }

    /// Where the store is, without the password.
    pub fn target(&self) -> &str {
        &self.target
    }

    /// The schema version of the database (the highest migration applied).
    pub fn schema_version(&self) -> Result<i32, StoreError> {
        let pool = self.pool.clone();
        self.bridge.run(async move {
            let client = pool.get().await.map_err(pool_error)?;
            let row = client
                .query_one(
                    "SELECT coalesce(max(version), 0) FROM schema_migrations",
                    &[],
                )
                .await
                .map_err(pg)?;
            row.try_get::<_, i32>(0).map_err(pg)
        })
    }

    /// The value of a server setting as this store's connections see it (`SHOW`).
    pub fn show(&self, setting: &str) -> Result<String, StoreError> {
        let setting = setting.to_owned();
        self.bridge.run(read(self.pool.clone(), move |client| {
            let setting = setting.clone();
            Box::pin(async move {
                client
                    .query_one("SELECT current_setting($1)", &[&setting])
                    .await?
                    .try_get(0)
            })
        }))
    }

    fn migrate(&self) -> Result<(), OpenError> {
        let pool = self.pool.clone();
        let known = MIGRATIONS.last().map_or(0, |m| m.version);
        // Outer error: the database answered but the migration failed; inner error: no
        // connection could be had at all.
        let outcome = self.bridge.run(async move {
            let mut client = match pool.get().await {
                Ok(c) => c,
                Err(e) => return Ok(Err(pool_error(e).message().to_owned())),
            };
            let tx = client.transaction().await.map_err(pg)?;
            tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])
                .await
                .map_err(pg)?;
            // No "already exists, skipping" notice in the registry's log at every start.
            tx.batch_execute(
                "SET LOCAL client_min_messages = warning;
                 CREATE TABLE IF NOT EXISTS schema_migrations (
                     version integer PRIMARY KEY,
                     description text NOT NULL,
                     applied_at timestamptz NOT NULL DEFAULT now()
                 )",
            )
            .await
            .map_err(pg)?;
            let current: i32 = tx
                .query_one(
                    "SELECT coalesce(max(version), 0) FROM schema_migrations",
                    &[],
                )
                .await
                .map_err(pg)?
                .try_get(0)
                .map_err(pg)?;
            if current > known {
                return Ok(Ok(current));
            }
            for m in MIGRATIONS.iter().filter(|m| m.version > current) {
                tx.batch_execute(m.sql).await.map_err(pg)?;
                tx.execute(
                    "INSERT INTO schema_migrations (version, description) VALUES ($1, $2)",
                    &[&m.version, &m.description],
                )
                .await
                .map_err(pg)?;
                tracing::info!(version = m.version, "database schema migrated");
            }
            tx.commit().await.map_err(pg)?;
            Ok(Ok(current))
        });
        let found = match outcome {
            Ok(Ok(found)) => found,
            Ok(Err(reason)) => {
                return Err(OpenError::Unreachable {
                    target: self.target.clone(),
                    reason,
                })
            }
            Err(e) => {
                return Err(OpenError::Other {
                    target: self.target.clone(),
                    reason: e.message().to_owned(),
                })
            }
        };
        if found > known {
            return Err(OpenError::SchemaTooNew {
                target: self.target.clone(),
                found,
                known,
            });
        }
        Ok(())
    }

    /// Copies every record of `source` into this store in one transaction, refusing (and
    /// writing nothing) if this store already holds records. Returns the records copied per
    /// tree, in [`Tree::ALL`] order. The table is locked against other writers meanwhile.
    pub fn import(
        &self,
        source: std::sync::Arc<dyn Store>,
    ) -> Result<Vec<(Tree, u64)>, ImportError> {
        let pool = self.pool.clone();
        let result = self.bridge.run_unbounded(async move {
            let mut client = pool.get().await.map_err(pool_error)?;
            let tx = client.transaction().await.map_err(pg)?;
            tx.batch_execute("LOCK TABLE records IN EXCLUSIVE MODE")
                .await
                .map_err(pg)?;
            let held: i64 = tx
                .query_one("SELECT count(*) FROM records", &[])
                .await
                .map_err(pg)?
                .try_get(0)
                .map_err(pg)?;
            if held > 0 {
                return Ok(Err(held));
            }
            let insert = tx
                .prepare(
                    "INSERT INTO records (tree, key, value)
                     SELECT $1::text, k, v FROM unnest($2::bytea[], $3::bytea[]) AS u(k, v)",
                )
                .await
                .map_err(pg)?;
            let mut counts = Vec::new();
            for &tree in Tree::ALL {
                let mut copied = 0u64;
                let mut start: Vec<u8> = Vec::new();
                loop {
                    let src = source.clone();
                    let from = start.clone();
                    let page = tokio::task::spawn_blocking(move || {
                        src.scan(tree, b"", &from, IMPORT_PAGE)
                    })
                    .await
                    .map_err(|e| StoreError::new(format!("reading the source stopped: {e}")))??;
                    let full = page.len() == IMPORT_PAGE;
                    if let Some((last, _)) = page.last() {
                        start.clone_from(last);
                        start.push(0);
                    }
                    let keys: Vec<&[u8]> = page.iter().map(|(k, _)| k.as_slice()).collect();
                    let values: Vec<&[u8]> = page.iter().map(|(_, v)| v.as_slice()).collect();
                    if !keys.is_empty() {
                        tx.execute(&insert, &[&tree.name(), &keys, &values])
                            .await
                            .map_err(pg)?;
                    }
                    copied += keys.len() as u64;
                    if !full {
                        break;
                    }
                }
                counts.push((tree, copied));
            }
            tx.commit().await.map_err(pg)?;
            Ok(Ok(counts))
        })?;
        result.map_err(ImportError::NotEmpty)
    }
}

impl Store for PostgresStore {
    fn get(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        let key = key.to_vec();
        self.bridge.run(read(self.pool.clone(), move |client| {
            let key = key.clone();
            Box::pin(async move { queries::get(client, tree, &key).await })
        }))
    }

    fn get_many(&self, keys: &[(Tree, &[u8])]) -> Result<Vec<Option<Vec<u8>>>, StoreError> {
        let keys: Vec<(Tree, Vec<u8>)> = keys.iter().map(|(t, k)| (*t, k.to_vec())).collect();
        self.bridge.run(read(self.pool.clone(), move |client| {
            let keys = keys.clone();
            Box::pin(async move { queries::get_many(client, &keys).await })
        }))
    }

    fn scan(
        &self,
        tree: Tree,
        prefix: &[u8],
        start: &[u8],
        limit_n: usize,
    ) -> Result<Vec<Entry>, StoreError> {
        if limit_n == 0 {
            return Ok(Vec::new());
        }
        // [from, end) holds exactly the keys from `start` on that begin with the prefix.
        let from = if start > prefix { start } else { prefix }.to_vec();
        let end = prefix_end(prefix);
        self.bridge.run(read(self.pool.clone(), move |client| {
            let (from, end) = (from.clone(), end.clone());
            Box::pin(
                async move { queries::scan(client, tree, &from, end.as_deref(), limit_n).await },
            )
        }))
    }

    fn keys_below(
        &self,
        tree: Tree,
        end: &[u8],
        limit_n: usize,
    ) -> Result<Vec<Vec<u8>>, StoreError> {
        if limit_n == 0 {
            return Ok(Vec::new());
        }
        let end = end.to_vec();
        self.bridge.run(read(self.pool.clone(), move |client| {
            let end = end.clone();
            Box::pin(async move { queries::keys_below(client, tree, &end, limit_n).await })
        }))
    }

    fn last(&self, tree: Tree) -> Result<Option<Entry>, StoreError> {
        self.bridge.run(read(self.pool.clone(), move |client| {
            Box::pin(async move { queries::last(client, tree).await })
        }))
    }

    fn apply(&self, batch: Batch) -> Result<(), StoreError> {
        if batch.is_empty() {
            return Ok(());
        }
        let rows = rows(batch)?;
        let pool = self.pool.clone();
        self.bridge.run(async move {
            let mut attempt = 0;
            loop {
                attempt += 1;
                let mut client = pool.get().await.map_err(pool_error)?;
                match apply_once(&mut client, &rows).await {
                    Attempt::Done => return Ok(()),
                    Attempt::Retry(e) if attempt < 3 => {
                        tracing::debug!(error = %e, "retrying a batch rolled back by PostgreSQL");
                        if connection_lost(&e) {
                            drop(deadpool_postgres::Object::take(client));
                            forget_idle(&pool);
                        }
                    }
                    Attempt::Retry(e) => return Err(pg(e)),
                    Attempt::Failed(e) => return Err(e),
                }
            }
        })
    }

    /// Group commit: a change that may share a flush is committed under the writers' lock
    /// with `synchronous_commit = off` (see `lock.rs`), and made durable after the lock is
    /// released by one [`Store::flush`] for all that waited meanwhile.
    fn groups_flushes(&self) -> bool {
        true
    }

    /// Makes every transaction committed before the call durable: a transaction that takes
    /// an id commits with `synchronous_commit = on`, so its COMMIT returns once the WAL is
    /// flushed past its own commit record, and the WAL is one sequence, so every commit
    /// record before it (any process's, unflushed ones included) is flushed with it.
    fn flush(&self) -> Result<(), StoreError> {
        let pool = self.pool.clone();
        self.bridge.run(async move {
            let client = pool.get().await.map_err(pool_error)?;
            client
                .batch_execute("BEGIN; SELECT txid_current(); COMMIT")
                .await
                .map_err(pg)
        })
    }

    /// Several registry processes may share one database.
    fn shared(&self) -> bool {
        true
    }

    fn lock_writes(&self) -> Result<Option<Box<dyn super::WriteLock>>, StoreError> {
        let held = lock::acquire(&self.bridge.handle(), &self.lock, &self.config)?;
        Ok(Some(Box::new(held)))
    }
}

#[cfg(test)]
mod tests;
