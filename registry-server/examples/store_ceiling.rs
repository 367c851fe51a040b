//! The store's own durable-write ceiling: CLIENTS threads each making one durable write
//! after another (one put of a credential-sized value plus a nonce-sized one, atomically,
//! as a single-credential publish writes at least) for SECONDS seconds, to sled itself or
//! through one PostgreSQL transaction each (`common/ceiling.rs`): what the registry's
//! durable publishes are measured against.
//!
//!   store_ceiling sled DIR [CLIENTS] [SECONDS]
//!   store_ceiling postgres URL [CLIENTS] [SECONDS]   (an empty database; the URL may
//!                                                      also come from SKILLPASS_DATABASE_URL)
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::sync::Arc;

use registry_server::store::{DatabaseUrl, PostgresStore, Store};

#[path = "common/ceiling.rs"]
mod ceiling;

fn main() {
    let mut args = std::env::args().skip(1);
    let kind = args.next().unwrap_or_else(|| "sled".into());
    let place = args.next().expect("a directory (sled) or a URL (postgres)");
    let clients: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(16);
    let seconds: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(5);
    let write = match kind.as_str() {
        "sled" => ceiling::sled_itself(std::path::Path::new(&place)),
        "postgres" => {
            let url: DatabaseUrl = place.parse().unwrap();
            let store: Arc<dyn Store> = Arc::new(PostgresStore::open(&url).unwrap());
            ceiling::through(store)
        }
        other => panic!("sled or postgres, not {other}"),
    };
    let (n, rps) = ceiling::measure(write, clients, seconds);
    println!("{{\"store\":\"{kind}\",\"clients\":{clients},\"writes\":{n},\"rps\":{rps:.0}}}");
}
