//! Group commit, measured without HTTP or signatures: CLIENTS tasks commit one
//! single-credential change after another through the registry's ledger for SECONDS
//! seconds each way, on fresh sled stores in DIR, in one run:
//!
//! - `ceiling`: the store's own durable-write ceiling (`common/ceiling.rs`, as the
//!   `store_ceiling` example measures it);
//! - `each`: every commit holding the writer lock through its own flush (`AppState::commit`);
//! - `grouped`: the credential routes' commit (`AppState::commit_and_release`), which
//!   releases the lock once applied and shares flushes.
//!
//!   commit_rate DIR [CLIENTS] [SECONDS]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use credential_core::SecretKey;
use registry_server::ledger::Change;
use registry_server::records::CredentialRecord;
use registry_server::store::{SledStore, Store};
use registry_server::{AppState, Settings};

#[path = "common/ceiling.rs"]
mod ceiling;
use ceiling::JWS_BYTES;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("a directory for the stores"));
    let clients: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(16);
    let seconds: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(5);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let ceiling = ceiling(&dir.join("ceiling"), clients, seconds);
    let each = runtime.block_on(ledger(&dir.join("each"), clients, seconds, false));
    let grouped = runtime.block_on(ledger(&dir.join("grouped"), clients, seconds, true));
    println!(
        "{{\"clients\":{clients},\"ceiling_rps\":{ceiling:.0},\"each_rps\":{each:.0},\"grouped_rps\":{grouped:.0},\"each_share\":{:.2},\"grouped_share\":{:.2}}}",
        each / ceiling,
        grouped / ceiling
    );
}

fn ceiling(dir: &Path, clients: usize, seconds: u64) -> f64 {
    ceiling::measure(ceiling::sled_itself(dir), clients, seconds).1
}

async fn ledger(dir: &Path, clients: usize, seconds: u64, grouped: bool) -> f64 {
    std::fs::create_dir_all(dir).unwrap();
    let store: Arc<dyn Store> = Arc::new(SledStore::open(&dir.join("store")).unwrap());
    let settings = Settings {
        data_dir: Some(dir.to_path_buf()),
        ..Settings::default()
    };
    let state = AppState::new(store, SecretKey::generate(), settings).unwrap();
    let stop = Arc::new(AtomicBool::new(false));
    let done = Arc::new(AtomicU64::new(0));
    let started = Instant::now();
    let tasks: Vec<_> = (0..clients)
        .map(|c| {
            let (state, stop, done) = (state.clone(), stop.clone(), done.clone());
            tokio::spawn(async move {
                let mut i = 0u64;
                while !stop.load(Ordering::Relaxed) {
                    let mut change = Change::new();
                    let record = CredentialRecord {
                        id: format!("urn:uuid:{c}-{i}"),
                        issuer: "did:key:z6Mkissuer".into(),
                        holder: None,
                        jws: "x".repeat(JWS_BYTES),
                        published_at: state.now(),
                    };
                    change.add_credential(&record).unwrap();
                    change.log("credential_published", "did:key:z6Mkissuer", &record.id);
                    let guard = state.write_lock().await.unwrap();
                    if grouped {
                        state.commit_and_release(guard, change).await.unwrap();
                    } else {
                        state.commit(&guard, change).await.unwrap();
                    }
                    done.fetch_add(1, Ordering::Relaxed);
                    i += 1;
                }
            })
        })
        .collect();
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    stop.store(true, Ordering::Relaxed);
    for t in tasks {
        t.await.unwrap();
    }
    done.load(Ordering::Relaxed) as f64 / started.elapsed().as_secs_f64()
}
