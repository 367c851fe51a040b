//! The store's own durable-write ceiling: CLIENTS threads each applying one durable batch
//! after another (one put of a credential-sized value plus a nonce-sized one, as a
//! single-credential publish writes at least) straight through the `Store` trait, for
//! SECONDS seconds: what the registry's durable publishes are measured against.
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

use registry_server::store::{DatabaseUrl, PostgresStore, SledStore, Store};

#[path = "common/ceiling.rs"]
mod ceiling;

fn main() {
    let mut args = std::env::args().skip(1);
    let kind = args.next().unwrap_or_else(|| "sled".into());
    let place = args.next().expect("a directory (sled) or a URL (postgres)");
    let clients: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(16);
    let seconds: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(5);
    let store: Arc<dyn Store> = match kind.as_str() {
        "sled" => Arc::new(SledStore::open(std::path::Path::new(&place)).unwrap()),
        "postgres" => {
            let url: DatabaseUrl = place.parse().unwrap();
            Arc::new(PostgresStore::open(&url).unwrap())
        }
        other => panic!("sled or postgres, not {other}"),
    };
    let (n, rps) = ceiling::measure(store, clients, seconds);
    println!("{{\"store\":\"{kind}\",\"clients\":{clients},\"writes\":{n},\"rps\":{rps:.0}}}");
}
