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
//! A batch becomes two statements whatever its size: the last write to each key wins (as if
//! applied in order), then every put is one `INSERT … SELECT FROM unnest(…) ON CONFLICT DO
//! UPDATE` and every delete one `DELETE … USING unnest(…)`. A commit that fails leaves
//! nothing.

use std::collections::BTreeMap;
use std::future::Future;
use std::time::Duration;

use deadpool_postgres::{Manager, ManagerConfig, Pool, RecyclingMethod};
use tokio_postgres::NoTls;

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

/// The advisory lock taken around schema migrations (per database; the bytes spell
/// `skpmigra`). Other locks of the registry use other keys.
const MIGRATION_LOCK: i64 = 0x736b_706d_6967_7261;
/// The longest one store call may take, connection included.
const CALL_TIMEOUT: Duration = Duration::from_secs(30);
/// The longest a call waits for a connection, or for a new one to be opened.
const POOL_TIMEOUT: Duration = Duration::from_secs(10);
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

/// A checked PostgreSQL connection URL (`postgres://` or `postgresql://`). Its `Debug` and
/// [`DatabaseUrl::redacted`] never show the password.
#[derive(Clone)]
pub struct DatabaseUrl {
    url: String,
    config: tokio_postgres::Config,
}

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("DatabaseUrl")
            .field(&self.redacted())
            .finish()
    }
}

/// Why a database URL was refused. The messages never repeat the URL: it may hold a password.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DatabaseUrlError {
    /// Not a `postgres://` or `postgresql://` URL.
    #[error("a database URL starts with postgres:// (for example postgres://skillpass@127.0.0.1:5432/skillpass)")]
    Scheme,
    /// Over 4 KiB.
    #[error("the database URL is longer than 4096 bytes")]
    TooLong,
    /// The driver could not read it (its message names the option at fault, not a value).
    #[error("the database URL is not valid: {0}")]
    Invalid(tokio_postgres::Error),
    /// `sslmode=require`, which this registry cannot honour.
    #[error(
        "sslmode=require: this registry connects to PostgreSQL without TLS; reach the \
         database over a local socket, a private network or a tunnel, and leave sslmode out"
    )]
    Tls,
}

impl std::str::FromStr for DatabaseUrl {
    type Err = DatabaseUrlError;

    fn from_str(url: &str) -> Result<Self, DatabaseUrlError> {
        let url = url.trim();
        if !(url.starts_with("postgres://") || url.starts_with("postgresql://")) {
            return Err(DatabaseUrlError::Scheme);
        }
        if url.len() > 4096 {
            return Err(DatabaseUrlError::TooLong);
        }
        let config = tokio_postgres::Config::from_str(url).map_err(DatabaseUrlError::Invalid)?;
        if config.get_ssl_mode() == tokio_postgres::config::SslMode::Require {
            return Err(DatabaseUrlError::Tls);
        }
        Ok(Self {
            url: url.to_owned(),
            config,
        })
    }
}

impl DatabaseUrl {
    /// The URL as given (with its password, if any): for handing to another process only.
    pub fn as_secret_str(&self) -> &str {
        &self.url
    }

    /// `postgres://user@host:port/dbname`, without password or options: for messages.
    pub fn redacted(&self) -> String {
        let c = &self.config;
        let user = c.get_user().map(|u| format!("{u}@")).unwrap_or_default();
        let hosts: Vec<String> = c
            .get_hosts()
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let host = match h {
                    tokio_postgres::config::Host::Tcp(name) => name.clone(),
                    #[cfg(unix)]
                    tokio_postgres::config::Host::Unix(path) => path.display().to_string(),
                };
                match c.get_ports().get(i).or(c.get_ports().first()) {
                    Some(port) => format!("{host}:{port}"),
                    None => host,
                }
            })
            .collect();
        let db = c.get_dbname().unwrap_or_default();
        format!("postgres://{user}{}/{db}", hosts.join(","))
    }

    /// The connection settings the store uses: the URL's, plus durable commits, a name in
    /// `pg_stat_activity`, a connection deadline, and libpq's defaults for a missing host
    /// (the local socket), user (the login name) and password (`PGPASSWORD`).
    fn store_config(&self) -> Result<tokio_postgres::Config, OpenError> {
        let mut config = self.config.clone();
        if config.get_password().is_none() {
            if let Some(password) = std::env::var_os("PGPASSWORD") {
                config.password(password.as_encoded_bytes());
            }
        }
        // An acknowledged write survives a crash: whatever the server's default, commits
        // wait for the WAL flush.
        let options = match config.get_options() {
            Some(o) if !o.trim().is_empty() => format!("{o} -c synchronous_commit=on"),
            _ => "-c synchronous_commit=on".to_owned(),
        };
        config.options(&options);
        if config.get_application_name().is_none() {
            config.application_name("skillpass-registry");
        }
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(POOL_TIMEOUT);
        }
        if config.get_hosts().is_empty() {
            #[cfg(unix)]
            config.host_path("/var/run/postgresql");
            #[cfg(not(unix))]
            config.host("localhost");
        }
        if config.get_user().is_none() {
            match std::env::var("USER").or_else(|_| std::env::var("LOGNAME")) {
                Ok(user) => {
                    config.user(&user);
                }
                Err(_) => {
                    return Err(OpenError::Url(
                        "the database URL names no user (postgres://USER@HOST/DB)".into(),
                    ))
                }
            }
        }
        Ok(config)
    }

    /// The same server and credentials, another database.
    pub fn with_dbname(&self, dbname: &str) -> DatabaseUrl {
        let (head, query) = match self.url.split_once('?') {
            Some((h, q)) => (h, Some(q)),
            None => (self.url.as_str(), None),
        };
        let scheme_end = head.find("://").map_or(0, |i| i + 3);
        let authority_end = head
            .get(scheme_end..)
            .and_then(|rest| rest.find('/'))
            .map_or(head.len(), |i| scheme_end + i);
        let mut url = format!("{}/{dbname}", head.get(..authority_end).unwrap_or(head));
        if let Some(q) = query {
            url.push('?');
            url.push_str(q);
        }
        let mut config = self.config.clone();
        config.dbname(dbname);
        DatabaseUrl { url, config }
    }
}

/// A small runtime of the store's own that runs the connections; calls from any thread
/// hand it a future and wait on a channel.
struct Bridge {
    /// `Some` until dropped; dropped with `shutdown_background`, which (unlike a plain drop)
    /// is allowed on an async thread.
    runtime: Option<tokio::runtime::Runtime>,
    handle: tokio::runtime::Handle,
}

impl Bridge {
    fn new(threads: usize) -> Result<Self, String> {
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
    fn run<T, F>(&self, fut: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: Future<Output = Result<T, StoreError>> + Send + 'static,
    {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        self.handle.spawn(async move {
            let result = match tokio::time::timeout(CALL_TIMEOUT, fut).await {
                Ok(r) => r,
                Err(_) => Err(StoreError(format!(
                    "PostgreSQL did not answer within {} s",
                    CALL_TIMEOUT.as_secs()
                ))),
            };
            let _ = tx.send(result);
        });
        rx.recv()
            .map_err(|_| StoreError("the PostgreSQL client stopped".into()))?
    }
}

impl Drop for Bridge {
    fn drop(&mut self) {
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

fn pg(e: tokio_postgres::Error) -> StoreError {
    match e.as_db_error() {
        Some(db) => StoreError(format!(
            "PostgreSQL: {} ({})",
            db.message(),
            db.code().code()
        )),
        None => StoreError(format!("PostgreSQL: {e}")),
    }
}

fn pool_error(e: deadpool_postgres::PoolError) -> StoreError {
    match e {
        deadpool_postgres::PoolError::Backend(e) => pg(e),
        other => StoreError(format!("PostgreSQL connection pool: {other}")),
    }
}

/// The registry's records in a PostgreSQL database.
pub struct PostgresStore {
    pool: Pool,
    target: String,
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
            config,
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
                Err(e) => return Ok(Err(pool_error(e).0)),
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
                    reason: e.0,
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
                    .map_err(|e| StoreError(format!("reading the source stopped: {e}")))??;
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

impl Bridge {
    /// As [`Bridge::run`] with no deadline (an import takes as long as the data needs).
    fn run_unbounded<T, F>(&self, fut: F) -> Result<T, StoreError>
    where
        T: Send + 'static,
        F: Future<Output = Result<T, StoreError>> + Send + 'static,
    {
        let (tx, rx) = std::sync::mpsc::sync_channel(1);
        self.handle.spawn(async move {
            let _ = tx.send(fut.await);
        });
        rx.recv()
            .map_err(|_| StoreError("the PostgreSQL client stopped".into()))?
    }
}

/// The first key after every key starting with `prefix`, or `None` when there is none
/// (an empty prefix, or one of 0xFF bytes only).
fn prefix_end(prefix: &[u8]) -> Option<Vec<u8>> {
    let mut end = prefix.to_vec();
    while let Some(last) = end.pop() {
        if last < 0xFF {
            end.push(last + 1);
            return Some(end);
        }
    }
    None
}

fn limit(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Whether `e` means the connection is gone (closed, reset, or ended by the server): the
/// statement did not take effect and a fresh connection may succeed.
fn connection_lost(e: &tokio_postgres::Error) -> bool {
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
fn lost_a_race(e: &tokio_postgres::Error) -> bool {
    e.code()
        .is_some_and(|c| c.code() == "40P01" || c.code() == "40001")
}

type Reply<'c, T> =
    std::pin::Pin<Box<dyn Future<Output = Result<T, tokio_postgres::Error>> + Send + 'c>>;

/// Drops every idle connection: one connection found cut usually means the server
/// restarted or failed over, and then all the others were cut too, though the client may
/// not have read their end yet.
fn forget_idle(pool: &Pool) {
    drop(pool.retain(|_, _| false));
}

/// Runs a read on a pooled connection; when the connection turns out to be gone (the
/// database restarted since it was opened), drops it with every idle one and runs the read
/// again on a new connection, so the first request after a database restart is answered.
async fn read<T, F>(pool: Pool, f: F) -> Result<T, StoreError>
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
enum Attempt {
    Done,
    /// Rolled back, safe to try again (a lost connection before COMMIT, a lost race).
    Retry(tokio_postgres::Error),
    Failed(StoreError),
}

type Rows = (Vec<&'static str>, Vec<Vec<u8>>, Vec<Vec<u8>>);

async fn apply_once(
    client: &mut deadpool_postgres::Client,
    puts: &Rows,
    deletes: &Rows,
) -> Attempt {
    let retry_or_fail = |e: tokio_postgres::Error| {
        if connection_lost(&e) || lost_a_race(&e) {
            Attempt::Retry(e)
        } else {
            Attempt::Failed(pg(e))
        }
    };
    let tx = match client.transaction().await {
        Ok(tx) => tx,
        Err(e) => return retry_or_fail(e),
    };
    if !puts.0.is_empty() {
        let done = async {
            let stmt = tx
                .prepare_cached(
                    "INSERT INTO records (tree, key, value) \
                     SELECT t, k, v FROM unnest($1::text[], $2::bytea[], $3::bytea[]) AS u(t, k, v) \
                     ON CONFLICT (tree, key) DO UPDATE SET value = EXCLUDED.value",
                )
                .await?;
            tx.execute(&stmt, &[&puts.0, &puts.1, &puts.2]).await
        };
        if let Err(e) = done.await {
            return retry_or_fail(e);
        }
    }
    if !deletes.0.is_empty() {
        let done = async {
            let stmt = tx
                .prepare_cached(
                    "DELETE FROM records r USING unnest($1::text[], $2::bytea[]) AS d(t, k) \
                     WHERE r.tree = d.t AND r.key = d.k",
                )
                .await?;
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

impl Store for PostgresStore {
    fn get(&self, tree: Tree, key: &[u8]) -> Result<Option<Vec<u8>>, StoreError> {
        let key = key.to_vec();
        self.bridge.run(read(self.pool.clone(), move |client| {
            let key = key.clone();
            Box::pin(async move {
                let stmt = client
                    .prepare_cached("SELECT value FROM records WHERE tree = $1 AND key = $2")
                    .await?;
                let row = client.query_opt(&stmt, &[&tree.name(), &key]).await?;
                row.map(|r| r.try_get::<_, Vec<u8>>(0)).transpose()
            })
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
            Box::pin(async move {
                let rows = match &end {
                    Some(end) => {
                        let stmt = client
                            .prepare_cached(
                                "SELECT key, value FROM records WHERE tree = $1 AND key >= $2 \
                                 AND key < $3 ORDER BY key LIMIT $4",
                            )
                            .await?;
                        client
                            .query(&stmt, &[&tree.name(), &from, end, &limit(limit_n)])
                            .await?
                    }
                    None => {
                        let stmt = client
                            .prepare_cached(
                                "SELECT key, value FROM records WHERE tree = $1 AND key >= $2 \
                                 ORDER BY key LIMIT $3",
                            )
                            .await?;
                        client
                            .query(&stmt, &[&tree.name(), &from, &limit(limit_n)])
                            .await?
                    }
                };
                rows.into_iter()
                    .map(|r| Ok((r.try_get(0)?, r.try_get(1)?)))
                    .collect()
            })
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
            Box::pin(async move {
                let stmt = client
                    .prepare_cached(
                        "SELECT key FROM records WHERE tree = $1 AND key < $2 ORDER BY key LIMIT $3",
                    )
                    .await?;
                client
                    .query(&stmt, &[&tree.name(), &end, &limit(limit_n)])
                    .await?
                    .into_iter()
                    .map(|r| r.try_get(0))
                    .collect()
            })
        }))
    }

    fn last(&self, tree: Tree) -> Result<Option<Entry>, StoreError> {
        self.bridge.run(read(self.pool.clone(), move |client| {
            Box::pin(async move {
                let stmt = client
                    .prepare_cached(
                        "SELECT key, value FROM records WHERE tree = $1 ORDER BY key DESC LIMIT 1",
                    )
                    .await?;
                match client.query_opt(&stmt, &[&tree.name()]).await? {
                    Some(r) => Ok(Some((r.try_get(0)?, r.try_get(1)?))),
                    None => Ok(None),
                }
            })
        }))
    }

    fn apply(&self, batch: Batch) -> Result<(), StoreError> {
        if batch.is_empty() {
            return Ok(());
        }
        // The last write to each key is the one that counts; after this every key appears
        // once, so the two set-based statements below may run in either order. Sorted, so
        // concurrent batches lock rows in one order and rarely deadlock.
        let mut last: BTreeMap<(&'static str, Vec<u8>), Option<Vec<u8>>> = BTreeMap::new();
        for op in batch.ops {
            match op {
                Op::Put(t, k, v) => last.insert((t.name(), k), Some(v)),
                Op::Delete(t, k) => last.insert((t.name(), k), None),
            };
        }
        let mut puts: Rows = Default::default();
        let mut deletes: Rows = Default::default();
        for ((tree, key), value) in last {
            match value {
                Some(v) => {
                    puts.0.push(tree);
                    puts.1.push(key);
                    puts.2.push(v);
                }
                None => {
                    deletes.0.push(tree);
                    deletes.1.push(key);
                }
            }
        }
        let pool = self.pool.clone();
        self.bridge.run(async move {
            let mut attempt = 0;
            loop {
                attempt += 1;
                let mut client = pool.get().await.map_err(pool_error)?;
                match apply_once(&mut client, &puts, &deletes).await {
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
}

/// A new, empty database on a PostgreSQL server, dropped (with its connections) when this
/// value is: for tests and benchmarks, which each need a database of their own.
pub struct ScratchDatabase {
    admin: tokio_postgres::Config,
    name: String,
    url: DatabaseUrl,
    bridge: Bridge,
}

impl ScratchDatabase {
    /// Creates `skillpass_scratch_<random>` on the server of `server` (whose database must
    /// exist, and whose user may create databases).
    pub fn create(server: &DatabaseUrl) -> Result<Self, StoreError> {
        Self::create_with(server, "")
    }

    /// As [`ScratchDatabase::create`], with more of `CREATE DATABASE` after the name (for
    /// example another collation: `TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'`).
    pub fn create_with(server: &DatabaseUrl, options: &str) -> Result<Self, StoreError> {
        let admin = server
            .store_config()
            .map_err(|e| StoreError(e.to_string()))?;
        let name = format!("skillpass_scratch_{}", uuid::Uuid::new_v4().simple());
        let bridge = Bridge::new(1).map_err(StoreError)?;
        let config = admin.clone();
        let statement = format!("CREATE DATABASE \"{name}\" {options}");
        bridge.run(async move { execute_once(&config, &statement).await })?;
        Ok(Self {
            url: server.with_dbname(&name),
            admin,
            name,
            bridge,
        })
    }

    /// Its URL.
    pub fn url(&self) -> &DatabaseUrl {
        &self.url
    }
}

impl Drop for ScratchDatabase {
    fn drop(&mut self) {
        let config = self.admin.clone();
        let statement = format!("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", self.name);
        if let Err(e) = self
            .bridge
            .run(async move { execute_once(&config, &statement).await })
        {
            eprintln!("could not drop the scratch database {}: {e}", self.name);
        }
    }
}

/// Runs one statement on a connection of its own.
async fn execute_once(config: &tokio_postgres::Config, statement: &str) -> Result<(), StoreError> {
    let (client, connection) = config.connect(NoTls).await.map_err(pg)?;
    let driver = tokio::spawn(connection);
    let result = client.batch_execute(statement).await.map_err(pg);
    drop(client);
    let _ = driver.await;
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_prefix_ends_at_its_last_byte_below_0xff_plus_one() {
        assert_eq!(prefix_end(b"ab"), Some(b"ac".to_vec()));
        assert_eq!(prefix_end(b"a\xff"), Some(b"b".to_vec()));
        assert_eq!(prefix_end(b"a\xff\xff"), Some(b"b".to_vec()));
        assert_eq!(prefix_end(b"\x00"), Some(b"\x01".to_vec()));
        assert_eq!(prefix_end(b"\xff\xff"), None);
        assert_eq!(prefix_end(b""), None);
    }

    #[test]
    fn another_database_on_the_same_server_keeps_user_password_and_options() {
        let url: DatabaseUrl = "postgres://u:p%40ss@127.0.0.1:5433/main?application_name=x"
            .parse()
            .unwrap();
        let other = url.with_dbname("scratch");
        assert_eq!(
            other.as_secret_str(),
            "postgres://u:p%40ss@127.0.0.1:5433/scratch?application_name=x"
        );
        assert_eq!(other.redacted(), "postgres://u@127.0.0.1:5433/scratch");
        let bare: DatabaseUrl = "postgresql://u@h".parse().unwrap();
        assert_eq!(bare.with_dbname("d").as_secret_str(), "postgresql://u@h/d");
    }

    #[test]
    fn a_redacted_url_never_holds_the_password() {
        let url: DatabaseUrl = "postgres://registry:s3cr3t@db1:5432,db2:5433/skillpass"
            .parse()
            .unwrap();
        assert_eq!(
            url.redacted(),
            "postgres://registry@db1:5432,db2:5433/skillpass"
        );
        assert!(!format!("{url:?}").contains("s3cr3t"));
    }

    #[test]
    fn every_connection_asks_for_durable_commits_whatever_the_url_says() {
        let url: DatabaseUrl = "postgres://u@h/d?options=-c%20search_path%3Dregistry"
            .parse()
            .unwrap();
        let config = url.store_config().unwrap();
        assert_eq!(
            config.get_options(),
            Some("-c search_path=registry -c synchronous_commit=on")
        );
        assert_eq!(config.get_application_name(), Some("skillpass-registry"));
        assert_eq!(config.get_connect_timeout(), Some(&POOL_TIMEOUT));
    }

    #[test]
    fn migrations_are_numbered_one_by_one_from_one() {
        for (i, m) in MIGRATIONS.iter().enumerate() {
            assert_eq!(m.version, i as i32 + 1);
        }
    }
}
