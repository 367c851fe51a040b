//! The trust bundle: ETag and 304, re-signing when stale, what it carries, and one bundle
//! per sequence for ever.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::{Duration, Utc};
use credential_core::equivalence::DecisionState;
use credential_core::{SecretKey, TrustAnchor, Verdict, Verifier};

use registry_server::Settings;
use serde_json::json;

use crate::harness::{issue_plain, nursing_decision, revision_of, Bundles, Harness};

/// `GET /bundle` unless its ETag is `etag`.
fn if_none_match(etag: &str) -> Request<Body> {
    Request::get("/bundle")
        .header("if-none-match", etag)
        .body(Body::empty())
        .unwrap()
}

#[tokio::test]
async fn the_bundle_answers_304_to_its_etag_and_changes_after_an_accreditation() {
    let h = Harness::new();
    let r = h.call("GET", "/bundle", b"", None).await;
    let etag = r.etag.clone().unwrap();
    assert!(etag.starts_with('"'));
    let again = h.raw(if_none_match(&etag)).await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    h.college("College").await;
    let after = h.raw(if_none_match(&etag)).await;
    assert_eq!(after.status, StatusCode::OK);
    assert_ne!(after.etag.unwrap(), etag);
}

#[tokio::test]
async fn a_stale_bundle_is_re_signed_with_a_higher_sequence() {
    let h = Harness::new();
    let anchor = TrustAnchor::from_did(&h.operator.public().did()).unwrap();
    let first = anchor
        .verify_bundle(&h.call("GET", "/bundle", b"", None).await.text(), None)
        .unwrap();
    h.advance(Duration::hours(13));
    let second = anchor
        .verify_bundle(&h.call("GET", "/bundle", b"", None).await.text(), None)
        .unwrap();
    assert!(second.sequence() > first.sequence());
}

#[tokio::test]
async fn the_bundle_carries_the_authority_and_decision_and_a_verifier_for_germany_shows_it() {
    let h = Harness::new();
    let college = h.college("Manila College of Nursing").await;
    let de = h.authority("DE").await;
    let decision = nursing_decision(&de);
    let before = h.state.current_bundle().unwrap().unwrap().sequence;
    assert_eq!(
        h.publish_decision(&de, &decision).await.status,
        StatusCode::CREATED
    );

    let anchor = TrustAnchor::from_did(&h.operator.public().did()).unwrap();
    let bundle = anchor
        .verify_bundle(&h.get("/bundle").await.text(), Some(before))
        .unwrap();
    assert!(bundle.sequence() > before);
    assert_eq!(bundle.bundle().authorities.len(), 1);
    assert_eq!(bundle.bundle().authorities[0].id, de.public().did());
    assert_eq!(bundle.decisions().len(), 1);
    assert!(bundle.untrusted_decisions().is_empty());

    let jws = issue_plain(&college, "PQF-6");
    let report = Verifier::new(&bundle, Utc::now())
        .with_destination("DE".parse().unwrap())
        .unwrap()
        .verify(&jws);
    assert_eq!(report.verdict, Verdict::Valid);
    let answer = report.equivalence.as_ref().unwrap();
    assert_eq!(answer.decisions[0].decision.id, decision.id);
    assert_eq!(answer.decisions[0].state, DecisionState::Applies);
    let words = report.to_words();
    let decided = words.find("Pflegefachfrau/Pflegefachmann").unwrap();
    let comparable = words.find("Comparable level").unwrap();
    assert!(decided < comparable, "{words}");

    let for_belgium = Verifier::new(&bundle, Utc::now())
        .with_destination("BE".parse().unwrap())
        .unwrap()
        .verify(&jws);
    assert!(for_belgium.equivalence.unwrap().decisions.is_empty());
}

#[tokio::test]
async fn a_revision_follows_its_original_in_the_bundle_whatever_their_ids() {
    let h = Harness::new();
    let de = h.authority("DE").await;
    let mut old = nursing_decision(&de);
    old.id = "urn:uuid:ffffffff-0000-4000-8000-000000000000".into();
    h.publish_decision(&de, &old).await;
    let mut new = revision_of(&old);
    new.id = "urn:uuid:00000000-0000-4000-8000-000000000000".into();
    assert_eq!(
        h.publish_decision(&de, &new).await.status,
        StatusCode::CREATED
    );
    let anchor = TrustAnchor::from_did(&h.operator.public().did()).unwrap();
    let bundle = anchor
        .verify_bundle(&h.get("/bundle").await.text(), None)
        .unwrap();
    let ids: Vec<&str> = bundle.decisions().iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, [old.id.as_str(), new.id.as_str()]);
}

/// Registers a recognition authority: a write that re-signs the bundle.
async fn new_authority(h: &Harness) {
    let did = SecretKey::generate().public().did();
    let body = json!({"id": did, "name": "Anerkennungsstelle", "country": "DE"});
    let r = h.post("/authorities", body, &h.operator).await;
    assert_eq!(r.status.as_u16(), 201, "{}", r.text());
}

fn collisions(signed: &Bundles) -> Vec<(u64, usize)> {
    signed
        .lock()
        .unwrap()
        .iter()
        .filter(|(_, digests)| digests.len() > 1)
        .map(|(seq, digests)| (*seq, digests.len()))
        .collect()
}

#[tokio::test]
async fn the_registry_never_signs_two_different_bundles_with_one_sequence_across_restarts_and_a_restore(
) {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("old");
    let operator = SecretKey::generate();
    let signed = Bundles::default();
    let backup_file = dir.path().join("backup.gz");
    // Writes, restarts, and a backup half way.
    for round in 0..4 {
        let r = Harness::open(&old, &operator, Settings::default(), &signed);
        for _ in 0..5 {
            new_authority(&r).await;
        }
        if round == 1 {
            let _guard = r.state.write_lock().await.unwrap();
            let file = std::fs::File::create(&backup_file).unwrap();
            registry_server::backup::write(r.state.store(), &r.operator, r.state.now(), file)
                .unwrap();
        }
        // A stale bundle is re-signed on read, too.
        r.advance(Duration::hours(13));
        assert_eq!(r.get("/bundle").await.status.as_u16(), 200);
    }
    let served = *signed.lock().unwrap().keys().last().unwrap();
    assert!(served > 20, "{served}");

    // The restore names the newest sequence served: the restored registry goes on above it.
    let restored = dir.path().join("restored");
    let plan = registry_server::backup::RestorePlan {
        from: &backup_file,
        data: &restored,
        min_sequence: Some(served),
        bundle: None,
        operator_key: None,
    };
    registry_server::backup::restore(&plan).unwrap();
    for _ in 0..2 {
        let r = Harness::open(
            &restored.join("store"),
            &operator,
            Settings::default(),
            &signed,
        );
        for _ in 0..5 {
            new_authority(&r).await;
        }
    }
    assert_eq!(collisions(&signed), vec![], "a sequence was signed twice");

    // The recorder does see it when a restore is told a sequence below what was served.
    let careless = dir.path().join("careless");
    let plan = registry_server::backup::RestorePlan {
        data: &careless,
        min_sequence: Some(1),
        ..plan
    };
    registry_server::backup::restore(&plan).unwrap();
    let r = Harness::open(
        &careless.join("store"),
        &operator,
        Settings::default(),
        &signed,
    );
    new_authority(&r).await;
    assert!(
        !collisions(&signed).is_empty(),
        "the check cannot see a repeated sequence"
    );
}
