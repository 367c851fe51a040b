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

/// Three colleges registered and accredited one after another by `h`.
async fn burst(h: &Harness, side: &str, k: usize) {
    for i in 0..3 {
        h.college(&format!("College {side}{k}-{i}")).await;
    }
}

/// A new college's registration.
async fn attempt(h: &Harness) -> crate::harness::Reply {
    let key = credential_core::SecretKey::generate();
    h.post(
        "/issuers",
        json!({"name": "College while down", "country": "PH",
               "contact": "registrar@example.org"}),
        &key,
    )
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writers_of_one_replica_hand_the_lock_on_and_the_other_replica_still_writes() {
    let a = Harness::new();
    let Some(b) = a.replica() else {
        return;
    };
    // Four writers at once on replica A (each waits for the one before it in the same
    // process, so the lock goes from one to the next), one on replica B meanwhile.
    tokio::join!(
        burst(&a, "A", 0),
        burst(&a, "A", 1),
        burst(&a, "A", 2),
        burst(&a, "A", 3),
        burst(&b, "B", 0),
    );
    assert!(
        a.state.locks_handed_over() > 0,
        "the writers of replica A never handed the lock on"
    );
    // Every write of both, in one chain, whichever replica serves it; one bundle per
    // sequence.
    let kinds = a.log_kinds().await;
    assert_eq!(kinds, b.log_kinds().await);
    let registered = kinds.iter().filter(|k| *k == "issuer_registered").count();
    assert_eq!(registered, 15, "{kinds:?}");
    assert!(collisions(&a).is_empty(), "{:?}", collisions(&a));
    // A replica whose writers are done holds nothing: B writes at once.
    let started = std::time::Instant::now();
    b.college("College B after the burst").await;
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "replica B waited {:?} for the lock",
        started.elapsed()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn writers_waiting_while_the_database_is_unreachable_answer_503_and_leave_nothing_locked() {
    let a = Harness::new();
    let Some(b) = a.replica() else {
        return;
    };
    a.college("College before").await;
    // The database stops answering while two writers of one replica wait for each other:
    // each answers 503.
    a.store_unreachable(true);
    let (one, two) = tokio::join!(attempt(&a), attempt(&a));
    for r in [one, two] {
        assert_eq!(r.status.as_u16(), 503, "{}", r.text());
    }
    a.store_unreachable(false);
    // Back: neither replica waits on a lock left behind, and both write on one chain.
    a.college("College A after").await;
    b.college("College B after").await;
    let kinds = a.log_kinds().await;
    assert_eq!(kinds, b.log_kinds().await);
    assert_eq!(
        kinds.iter().filter(|k| *k == "issuer_registered").count(),
        3,
        "{kinds:?}"
    );
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
