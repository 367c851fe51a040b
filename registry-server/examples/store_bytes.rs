//! What a registry's store holds, tree by tree: records, key and value bytes, and the
//! average credential's stored record against its JWS (BENCHMARKS.md §5 and §10).
//!   cargo run --release -p registry-server --example store_bytes -- DATA_DIR/store
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use registry_server::records::{compact, pages};
use registry_server::store::{SledStore, Tree};

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: store_bytes STORE_DIR");
    let store = SledStore::open(std::path::Path::new(&path)).expect("open the sled store");
    let (mut total, mut jws_bytes, mut credentials) = (0u64, 0u64, 0u64);
    println!("| tree | records | key bytes | value bytes |");
    println!("|---|---|---|---|");
    for &tree in Tree::ALL {
        let (mut n, mut k, mut v) = (0u64, 0u64, 0u64);
        for page in pages(&store, tree) {
            for (key, value) in page.expect("read a page") {
                n += 1;
                k += key.len() as u64;
                v += value.len() as u64;
                if tree == Tree::CredentialidCredential {
                    credentials += 1;
                    jws_bytes += compact::decode(&value).expect("a credential").jws.len() as u64;
                }
            }
        }
        total += k + v;
        if n > 0 {
            println!("| {} | {n} | {k} | {v} |", tree.name());
        }
    }
    if let (Some(per), Some(jws)) = (
        total.checked_div(credentials),
        jws_bytes.checked_div(credentials),
    ) {
        println!(
            "logical bytes per credential: {per} (the JWS: {jws}, {:.2}x)",
            total as f64 / jws_bytes as f64
        );
    }
}
