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

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use registry_server::store::{Batch, DatabaseUrl, PostgresStore, SledStore, Store, Tree};

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
    let stop = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|c| {
            let (store, stop, done) = (store.clone(), stop.clone(), done.clone());
            std::thread::spawn(move || {
                let mut i = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    let mut batch = Batch::default();
                    let key = format!("ceiling-{c}-{i}").into_bytes();
                    batch.put(Tree::CredentialidCredential, key.clone(), vec![b'x'; 2500]);
                    batch.put(Tree::IatnonceSeen, key, Vec::new());
                    store.apply(batch).unwrap();
                    done.fetch_add(1, Ordering::Relaxed);
                    i += 1;
                }
            })
        })
        .collect();
    std::thread::sleep(Duration::from_secs(seconds));
    stop.store(true, Ordering::Relaxed);
    for t in threads {
        t.join().unwrap();
    }
    let n = done.load(Ordering::Relaxed);
    let elapsed = started.elapsed().as_secs_f64();
    println!(
        "{{\"store\":\"{kind}\",\"clients\":{clients},\"writes\":{n},\"rps\":{:.0}}}",
        n as f64 / elapsed
    );
}
