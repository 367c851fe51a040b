//! Throwaway databases for tests and benchmarks: each gets a database of its own on a
//! PostgreSQL server, dropped when it is done.

use tokio_postgres::NoTls;

use super::bridge::Bridge;
use super::{pg, DatabaseUrl};
use crate::store::StoreError;

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
            .map_err(|e| StoreError::new(e.to_string()))?;
        let name = format!("skillpass_scratch_{}", uuid::Uuid::new_v4().simple());
        let bridge = Bridge::new(1).map_err(StoreError::new)?;
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
