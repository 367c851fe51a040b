//! The store's own durable-write ceiling, shared by the `store_ceiling` and `commit_rate`
//! examples: `clients` threads each applying one durable batch after another (one put of a
//! credential-sized value plus a nonce-sized one, as a single-credential publish writes at
//! least) straight through the `Store` trait, for `seconds` seconds.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use registry_server::store::{Batch, Store, Tree};

/// The bytes of a stored credential in these measures (`commit_rate` writes the same).
#[allow(dead_code)] // store_ceiling does not name it
pub const JWS_BYTES: usize = 2500;

/// Durable batches applied, and their rate per second.
pub fn measure(store: Arc<dyn Store>, clients: usize, seconds: u64) -> (u64, f64) {
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
                    batch.put(
                        Tree::CredentialidCredential,
                        key.clone(),
                        vec![b'x'; JWS_BYTES],
                    );
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
    (n, n as f64 / started.elapsed().as_secs_f64())
}
