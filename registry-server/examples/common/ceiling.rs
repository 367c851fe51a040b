//! The store's own durable-write ceiling, shared by the `store_ceiling` and `commit_rate`
//! examples: `clients` threads each making one durable write after another (one put of a
//! credential-sized value plus a nonce-sized one, atomically, as a single-credential publish
//! writes at least), for `seconds` seconds.
//!
//! "Own" means the engine without the registry's help: for sled, sled's API itself (one
//! transaction over two trees, then sled's flush, opened as the registry opens it), since
//! the registry's sled store batches concurrent writers into one transaction and would
//! measure that instead; for PostgreSQL, one transaction each through the `Store` trait.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use registry_server::store::{Batch, SledStore, Store, Tree};
use sled::Transactional as _;

/// The bytes of a stored credential in these measures (`commit_rate` writes the same).
pub const JWS_BYTES: usize = 2500;

/// One durable write, under a key no other write uses.
pub type Write = Arc<dyn Fn(&[u8]) + Send + Sync>;

/// Writes through a store's `Store::apply`: one transaction each (PostgreSQL).
#[allow(dead_code)] // commit_rate measures sled only
pub fn through(store: Arc<dyn Store>) -> Write {
    Arc::new(move |key: &[u8]| {
        let mut batch = Batch::default();
        batch.put(
            Tree::CredentialidCredential,
            key.to_vec(),
            vec![b'x'; JWS_BYTES],
        );
        batch.put(Tree::IatnonceSeen, key.to_vec(), Vec::new());
        store.apply(batch).unwrap();
    })
}

/// Writes to sled itself in `dir`: one two-tree transaction and one flush each.
pub fn sled_itself(dir: &Path) -> Write {
    let db = SledStore::config(dir).open().unwrap();
    let credentials = db.open_tree(Tree::CredentialidCredential.name()).unwrap();
    let nonces = db.open_tree(Tree::IatnonceSeen.name()).unwrap();
    Arc::new(move |key: &[u8]| {
        (&credentials, &nonces)
            .transaction(|(c, n)| {
                c.insert(key, vec![b'x'; JWS_BYTES])?;
                n.insert(key, &[][..])?;
                Ok::<(), sled::transaction::ConflictableTransactionError<()>>(())
            })
            .unwrap();
        db.flush().unwrap();
    })
}

/// Durable writes made, and their rate per second.
pub fn measure(write: Write, clients: usize, seconds: u64) -> (u64, f64) {
    let stop = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|c| {
            let (write, stop, done) = (write.clone(), stop.clone(), done.clone());
            std::thread::spawn(move || {
                let mut i = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    write(format!("ceiling-{c}-{i}").as_bytes());
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
