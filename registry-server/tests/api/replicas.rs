//! Several registry processes on one PostgreSQL database (two `AppState`s over two stores on
//! one database, as two replicas behind a load balancer would be): one audit log chain, one
//! bundle per sequence, each replica serving the newest bundle whoever signed it, and a
//! nonce spent on one replica refused by the other. On sled (one process per directory)
//! there is no second replica and these return at once.

use axum::body::Body;
use axum::http::Request;
use credential_core::request::sign_request_at;
use serde_json::json;

use crate::harness::Harness;

fn collisions(h: &Harness) -> Vec<u64> {
    h.bundles
        .lock()
        .unwrap()
        .iter()
        .filter(|(_, digests)| digests.len() > 1)
        .map(|(seq, _)| *seq)
        .collect()
}

async fn served_sequence(h: &Harness) -> u64 {
    h.get("/healthz").await.json()["bundleSequence"]
        .as_u64()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_write_one_log_chain_and_never_sign_two_bundles_with_one_sequence() {
    let a = Harness::new();
    let Some(b) = a.replica() else {
        return;
    };
    // In turn, then at the same time: every accreditation re-signs the bundle.
    for i in 0..2 {
        a.college(&format!("College A{i}")).await;
        b.college(&format!("College B{i}")).await;
    }
    tokio::join!(
        async {
            for i in 0..4 {
                a.college(&format!("Concurrent A{i}")).await;
            }
        },
        async {
            for i in 0..4 {
                b.college(&format!("Concurrent B{i}")).await;
            }
        }
    );

    // One chain holding every replica's entries, the same whichever replica serves it.
    let kinds = a.log_kinds().await;
    assert_eq!(kinds, b.log_kinds().await);
    let registered = kinds.iter().filter(|k| *k == "issuer_registered").count();
    assert_eq!(registered, 12, "{kinds:?}");
    // One bundle per sequence, and both replicas serve the newest.
    assert!(collisions(&a).is_empty(), "{:?}", collisions(&a));
    let newest = *a.bundles.lock().unwrap().keys().last().unwrap();
    assert_eq!(served_sequence(&a).await, newest);
    assert_eq!(served_sequence(&b).await, newest);
    let bundle_a = a.get("/bundle").await;
    let bundle_b = b.get("/bundle").await;
    assert_eq!(bundle_a.body, bundle_b.body);
    assert_eq!(bundle_a.etag, bundle_b.etag);
}

#[tokio::test]
async fn a_nonce_spent_on_one_replica_is_refused_by_the_other() {
    let a = Harness::new();
    let Some(b) = a.replica() else {
        return;
    };
    let body = json!({"id": credential_core::SecretKey::generate().public().did(),
        "name": "Anerkennungsstelle", "country": "DE"})
    .to_string();
    let auth = sign_request_at(
        &a.operator,
        "POST",
        "/authorities",
        body.as_bytes(),
        a.now().timestamp(),
        "one-nonce-for-two-replicas",
    );
    let request = || {
        Request::builder()
            .method("POST")
            .uri("/authorities")
            .header("authorization", &auth)
            .header("content-type", "application/json")
            .body(Body::from(body.clone()))
            .unwrap()
    };
    let first = a.raw(request()).await;
    assert_eq!(first.status.as_u16(), 201, "{}", first.text());
    let replayed = b.raw(request()).await;
    assert_eq!(replayed.status.as_u16(), 401, "{}", replayed.text());
    assert_eq!(replayed.code(), "replayed_request");
}
