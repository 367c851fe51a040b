//! The store a test's registry runs on: sled in a temporary directory by default, or a fresh
//! PostgreSQL database of its own when `SKILLPASS_TEST_STORE=postgres` (the server is
//! `SKILLPASS_TEST_DATABASE_URL`; `.ci/run` runs the API tests this way a second time).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;

use registry_server::store::postgres::ScratchDatabase;
use registry_server::store::{DatabaseUrl, PostgresStore, SledStore, Store};

/// What keeps a test store's place alive; dropping it removes the directory or database.
pub struct Keep {
    _dir: Option<tempfile::TempDir>,
    _db: Option<ScratchDatabase>,
}

impl Keep {
    /// The test's database, when the tests run on PostgreSQL.
    pub fn database(&self) -> Option<&DatabaseUrl> {
        self._db.as_ref().map(ScratchDatabase::url)
    }
}

/// Whether the tests run on PostgreSQL (`SKILLPASS_TEST_STORE=postgres`).
pub fn on_postgres() -> bool {
    match std::env::var("SKILLPASS_TEST_STORE").as_deref() {
        Ok("postgres") => true,
        Ok("sled") | Err(_) => false,
        Ok(other) => panic!("SKILLPASS_TEST_STORE is sled or postgres, not {other:?}"),
    }
}

/// A new, empty store for one test.
pub fn store() -> (Arc<dyn Store>, Keep) {
    if on_postgres() {
        let server: DatabaseUrl = std::env::var("SKILLPASS_TEST_DATABASE_URL")
            .expect("SKILLPASS_TEST_STORE=postgres needs SKILLPASS_TEST_DATABASE_URL=postgres://…")
            .parse()
            .unwrap();
        let db = ScratchDatabase::create(&server).unwrap();
        let store = PostgresStore::open(db.url()).unwrap();
        (
            Arc::new(store),
            Keep {
                _dir: None,
                _db: Some(db),
            },
        )
    } else {
        let dir = tempfile::tempdir().unwrap();
        let store = SledStore::open(dir.path()).unwrap();
        (
            Arc::new(store),
            Keep {
                _dir: Some(dir),
                _db: None,
            },
        )
    }
}
