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

#[tokio::test]
async fn concurrent_publishes_share_flushes_and_each_is_logged_once_answered() {
    let h = Harness::new();
    if !h.state.store().groups_flushes() {
        return; // PostgreSQL: each commit is its own transaction.
    }
    let college = h.college("College").await;
    let stored = || {
        h.state
            .store()
            .scan(Tree::CredentialidCredential, b"", b"", 1000)
            .unwrap()
            .len()
    };
    // A slow disk: the first flush is held back until all sixteen publishes are applied,
    // which they can only be if none holds the writer lock through its flush.
    h.hold_flushes(true);
    let before = h.flushes();
    let creds: Vec<String> = (0..16).map(|_| issue_plain(&college, "PQF-6")).collect();
    let one: Vec<[&str; 1]> = creds.iter().map(|c| [c.as_str()]).collect();
    let publishing =
        futures_util::future::join_all(one.iter().map(|c| h.publish(&college, c, vec![])));
    let disk = async {
        for _ in 0..4000 {
            if stored() == 16 {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
        let applied = stored();
        h.hold_flushes(false);
        applied
    };
    let (replies, applied) = tokio::join!(publishing, disk);
    assert_eq!(applied, 16, "the publishes waited for each other's flushes");
    for r in &replies {
        assert_eq!(r.status, 201, "{}", r.text());
    }
    // The first publisher's flush began with its own batch alone; the other fifteen share
    // the next.
    let flushes = h.flushes() - before;
    assert!(
        (1..=2).contains(&flushes),
        "16 concurrent publishes took {flushes} flushes"
    );
    // Every answered publish is durable, so the log shows it, chained.
    let all = h.call("GET", "/log?limit=1000", b"", None).await.json();
    let entries = all["entries"].as_array().unwrap();
    let published = entries
        .iter()
        .filter(|e| e["kind"] == "credential_published")
        .count();
    assert_eq!(published, 16);
    let mut v = ChainVerifier::default();
    for e in entries {
        v.push_raw(e["seq"].as_u64().unwrap(), e).unwrap();
    }
}

#[tokio::test]
async fn the_log_shows_no_entry_a_flush_has_not_covered() {
    let h = Harness::new();
    assert!(
        h.state.store().groups_flushes(),
        "both stores group flushes"
    );
    h.college("College").await;
    let shown = h.call("GET", "/log", b"", None).await.json()["entries"]
        .as_array()
        .unwrap()
        .len() as u64;
    // An entry in the store that no commit of the ledger made durable (as a batch applied
    // but not yet flushed is): not shown.
    let mut batch = Batch::default();
    let seq = shown + 1;
    batch.put(
        Tree::LogseqEntry,
        seq.to_be_bytes().to_vec(),
        serde_json::to_vec(&serde_json::json!({"seq": seq})).unwrap(),
    );
    if h.state.store().shared() {
        // PostgreSQL: another registry process's entry, committed under the writers' lock
        // without a flush. This process cannot know it is durable, so it flushes once
        // before showing it, and not again once it has.
        let mut lock = h.state.store().lock_writes().unwrap().unwrap();
        lock.apply_unflushed(batch).unwrap();
        drop(lock);
        let before = h.flushes();
        let page = h.call("GET", "/log", b"", None).await.json();
        assert_eq!(page["entries"].as_array().unwrap().len() as u64, seq);
        assert_eq!(h.flushes(), before + 1, "one flush before showing it");
        let page = h.call("GET", "/log", b"", None).await.json();
        assert_eq!(page["entries"].as_array().unwrap().len() as u64, seq);
        assert_eq!(
            h.flushes(),
            before + 1,
            "no flush for what is known durable"
        );
        return;
    }
    h.state.store().apply_unflushed(batch).unwrap();
    let page = h.call("GET", "/log", b"", None).await.json();
    assert_eq!(page["entries"].as_array().unwrap().len() as u64, shown);
    assert_eq!(page["next"], serde_json::Value::Null);
    // The next durable commit covers it.
    h.college("Other college").await;
    let page = h.call("GET", "/log", b"", None).await.json();
    assert!(page["entries"].as_array().unwrap().len() as u64 > seq);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_whose_request_was_cancelled_lands_before_the_next_writer_reads_the_log() {
    let h = Harness::new();
    let key = credential_core::SecretKey::generate();
    let did = h
        .register(&key, "College accredited by a cancelled request")
        .await;
    let held = h.durable_writes_held();
    // The accreditation's batch waits in the store, and its request is dropped meanwhile,
    // as the request deadline drops a handler: the batch is still written.
    let path = format!("/issuers/{did}/accredit");
    let accredit = h.post(
        &path,
        serde_json::json!({"scope": ["QualificationCredential:PQF-6"]}),
        &h.operator,
    );
    let cancelled = tokio::time::timeout(std::time::Duration::from_millis(300), accredit).await;
    assert!(
        cancelled.is_err(),
        "the accreditation should still be waiting"
    );
    // The next writer comes while that batch is still being written; the store then
    // catches up.
    let next = async { h.college("College of the next request").await };
    let release = async {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        h.hold_durable_writes(false);
    };
    tokio::join!(next, release);
    drop(held);
    // One chain (checked as it is read), with both writers' entries: none overwrote the
    // other's place.
    let kinds = h.log_kinds().await;
    let count = |kind: &str| kinds.iter().filter(|k| *k == kind).count();
    assert_eq!(count("issuer_registered"), 2, "{kinds:?}");
    assert_eq!(count("issuer_accredited"), 2, "{kinds:?}");
}
