//! The public hash-chained audit log.

use credential_core::audit::ChainVerifier;
use registry_server::store::{Batch, Tree};

use crate::harness::{issue_plain, Harness};

#[tokio::test]
async fn every_change_is_in_the_hash_chained_log() {
    let h = Harness::new();
    let college = h.college("College").await;
    let jws = issue_plain(&college, "PQF-6");
    h.publish(&college, &[&jws], vec![]).await;
    let r = h.call("GET", "/log?limit=2", b"", None).await;
    assert_eq!(r.json()["entries"].as_array().unwrap().len(), 2);
    assert_eq!(r.json()["next"], 2);
    let all = h.call("GET", "/log", b"", None).await.json();
    let kinds: Vec<&str> = all["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        [
            "issuer_registered",
            "issuer_accredited",
            "credential_published"
        ]
    );
    assert!(
        !all.to_string().contains("urn:uuid"),
        "the log carries hashed credential ids only"
    );
    let mut v = ChainVerifier::default();
    for e in all["entries"].as_array().unwrap() {
        v.push_raw(e["seq"].as_u64().unwrap(), e).unwrap();
    }
}

#[tokio::test]
async fn an_edited_log_entry_is_named_by_chain_verification() {
    let h = Harness::new();
    h.college("College").await;
    h.college("Other college").await;
    let key = 2u64.to_be_bytes();
    let stored = h
        .state
        .store()
        .get(Tree::LogseqEntry, &key)
        .unwrap()
        .unwrap();
    let mut edited = stored.clone();
    let at = edited.windows(4).position(|w| w == b"PQF-").unwrap();
    edited[at + 4] = b'5';
    let mut batch = Batch::default();
    batch.put(Tree::LogseqEntry, key.to_vec(), edited);
    h.state.store().apply(batch).unwrap();
    let all = h.call("GET", "/log", b"", None).await.json();
    let mut v = ChainVerifier::default();
    let err = all["entries"]
        .as_array()
        .unwrap()
        .iter()
        .try_for_each(|e| v.push_raw(e["seq"].as_u64().unwrap_or(0), e))
        .unwrap_err();
    assert_eq!(err.seq, 2);
}
