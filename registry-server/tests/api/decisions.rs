//! Recognition authorities and their decisions: registration by the operator, publishing,
//! revising and withdrawing, each refusal with its code, and the log of it all.

use axum::http::StatusCode;
use credential_core::trust::sign_decision;
use credential_core::SecretKey;
use serde_json::{json, Value};

use crate::harness::{nursing_decision, revision_of, Harness};

#[tokio::test]
async fn authority_registration_by_a_non_operator_is_refused() {
    let h = Harness::new();
    let key = SecretKey::generate();
    let r = h
        .post(
            "/authorities",
            json!({"id": key.public().did(), "name": "Self-appointed office", "country": "DE"}),
            &key,
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "forbidden")
    );
    assert_eq!(h.get("/authorities").await.json(), json!([]));
}

#[tokio::test]
async fn an_authority_is_registered_once_with_a_did_key_and_listed_publicly() {
    let h = Harness::new();
    let de = h.authority("DE").await;
    let again = h
        .post(
            "/authorities",
            json!({"id": de.public().did(), "name": "Again", "country": "DE"}),
            &h.operator,
        )
        .await;
    assert_eq!(
        (again.status, again.code().as_str()),
        (StatusCode::CONFLICT, "authority_exists")
    );
    let not_a_key = h
        .post(
            "/authorities",
            json!({"id": "did:web:office.example", "name": "Web office", "country": "DE"}),
            &h.operator,
        )
        .await;
    assert_eq!(
        (not_a_key.status, not_a_key.code().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_field")
    );
    let list = h.get("/authorities").await.json();
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"], de.public().did());
    assert_eq!(list[0]["country"], "DE");
    assert_eq!(list[0]["jurisdiction"], "nursing");
}

#[tokio::test]
async fn a_decision_signed_by_a_key_that_is_not_a_registered_authority_is_refused() {
    let h = Harness::new();
    h.authority("DE").await;
    let stranger = SecretKey::generate();
    let r = h
        .publish_decision(&stranger, &nursing_decision(&stranger))
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "not_an_authority")
    );
    // Nor may a registered authority relay it.
    let de = h.authority("DE").await;
    let relayed = h
        .send_decision("/decisions", &stranger, &nursing_decision(&stranger), &de)
        .await;
    assert_eq!(relayed.code(), "not_an_authority");
    assert_eq!(h.get("/decisions").await.json()["decisions"], json!([]));
}

#[tokio::test]
async fn an_authority_publishing_outside_its_country_is_refused() {
    let h = Harness::new();
    let be = h.authority("BE").await;
    let r = h.publish_decision(&be, &nursing_decision(&be)).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "outside_jurisdiction")
    );
}

#[tokio::test]
async fn a_decision_sent_by_another_key_than_its_authority_is_refused() {
    let h = Harness::new();
    let de = h.authority("DE").await;
    let r = h
        .send_decision("/decisions", &de, &nursing_decision(&de), &h.operator)
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "forbidden")
    );
}

#[tokio::test]
async fn an_inconsistent_decision_is_refused_with_a_stable_code() {
    let h = Harness::new();
    let de = h.authority("DE").await;
    let mut no_measures = nursing_decision(&de);
    no_measures.compensation.clear();
    let r = h.publish_decision(&de, &no_measures).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_decision")
    );
    let mut orphan = nursing_decision(&de);
    orphan.supersedes = Some("urn:uuid:never-published".into());
    let r = h.publish_decision(&de, &orphan).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_superseded_decision"
        )
    );
    let mut born_withdrawn = nursing_decision(&de);
    born_withdrawn.withdrawn = Some(h.now());
    let r = h.publish_decision(&de, &born_withdrawn).await;
    assert_eq!(r.code(), "invalid_decision");
    let garbage = h.post("/decisions", json!({"jws": "not.a.jws"}), &de).await;
    assert_eq!(garbage.code(), "invalid_decision");
}

#[tokio::test]
async fn a_published_decision_answers_the_query_and_republishing_it_changes_nothing() {
    let h = Harness::new();
    let de = h.authority("DE").await;
    let decision = nursing_decision(&de);
    let r = h.publish_decision(&de, &decision).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(r.json()["state"], "applies");

    let answer = h
        .get("/equivalence?level=PQF-6&to=DE&field=0913&isco=2221")
        .await
        .json();
    assert_eq!(
        answer["decisions"][0]["decision"]["id"],
        decision.id.as_str()
    );
    assert_eq!(answer["decisions"][0]["state"], "applies");
    assert_eq!(answer["decisions"][0]["decision"]["outcome"], "partial");
    // The decision is about nursing: a PQF-6 in another field does not get it.
    let other = h
        .get("/equivalence?level=PQF-6&to=DE&field=0611")
        .await
        .json();
    assert_eq!(other["decisions"], json!([]));
    // Belgium has no decision.
    let be = h
        .get("/equivalence?level=PQF-6&to=BE&field=0913&isco=2221")
        .await
        .json();
    assert_eq!(be["decisions"], json!([]));

    let again = h.publish_decision(&de, &decision).await;
    assert_eq!(again.status, StatusCode::OK, "{}", again.text());
    let mut changed = decision.clone();
    changed.notes = Some("another text under the same id".into());
    let clash = h.publish_decision(&de, &changed).await;
    assert_eq!(
        (clash.status, clash.code().as_str()),
        (StatusCode::CONFLICT, "decision_exists")
    );
    let kinds = h.log_kinds().await;
    assert_eq!(
        kinds
            .iter()
            .filter(|k| k.as_str() == "decision_published")
            .count(),
        1
    );
}

#[tokio::test]
async fn a_revised_decision_supersedes_and_the_old_one_stays_readable_as_superseded() {
    let h = Harness::new();
    let de = h.authority("DE").await;
    let old = nursing_decision(&de);
    assert_eq!(
        h.publish_decision(&de, &old).await.status,
        StatusCode::CREATED
    );
    let new = revision_of(&old);
    let r = h.publish_decision(&de, &new).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());

    let answer = h
        .get("/equivalence?level=PQF-6&to=DE&field=0913&isco=2221")
        .await
        .json();
    assert_eq!(answer["decisions"][0]["decision"]["id"], new.id.as_str());
    assert_eq!(answer["decisions"][0]["state"], "applies");
    assert_eq!(answer["decisions"][1]["decision"]["id"], old.id.as_str());
    assert_eq!(answer["decisions"][1]["state"], "superseded");

    let read = h.get(&format!("/decisions/{}", old.id)).await;
    assert_eq!(read.status, StatusCode::OK);
    assert_eq!(read.json()["state"], "superseded");
    assert_eq!(read.json()["supersededBy"], new.id.as_str());

    // A second revision of the same decision forks the history: revise the revision.
    let mut fork = revision_of(&old);
    fork.id = "urn:uuid:fork".into();
    let r = h.publish_decision(&de, &fork).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::CONFLICT, "already_superseded")
    );
    // Another authority of the same country may not revise it.
    let other = h.authority("DE").await;
    let mut foreign = revision_of(&new);
    foreign.id = "urn:uuid:foreign".into();
    foreign.authority = other.public().did();
    let r = h.publish_decision(&other, &foreign).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "forbidden")
    );
}

#[tokio::test]
async fn a_withdrawn_decision_is_shown_withdrawn_and_keeps_its_signed_first_version() {
    let h = Harness::new();
    let de = h.authority("DE").await;
    let decision = nursing_decision(&de);
    let first = sign_decision(&de, &decision).unwrap();
    h.post("/decisions", json!({ "jws": first }), &de).await;
    let path = format!("/decisions/{}/withdraw", decision.id);

    // Changing anything but `withdrawn` is a revision, not a withdrawal.
    let mut sneaky = decision.clone();
    sneaky.withdrawn = Some(h.now());
    sneaky.outcome = credential_core::equivalence::Outcome::Full;
    sneaky.compensation.clear();
    let r = h.send_decision(&path, &de, &sneaky, &de).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "decision_mismatch")
    );
    let r = h.send_decision(&path, &de, &decision, &de).await;
    assert_eq!(r.code(), "not_withdrawn");

    let mut withdrawn = decision.clone();
    withdrawn.withdrawn = Some(h.now());
    let r = h.send_decision(&path, &de, &withdrawn, &de).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["state"], "withdrawn");
    assert_eq!(r.json()["history"][0]["jws"], first.as_str());

    let answer = h
        .get("/equivalence?level=PQF-6&to=DE&field=0913&isco=2221")
        .await
        .json();
    assert_eq!(answer["decisions"][0]["state"], "withdrawn");
    let again = h.send_decision(&path, &de, &withdrawn, &de).await;
    assert_eq!(
        (again.status, again.code().as_str()),
        (StatusCode::CONFLICT, "decision_withdrawn")
    );
    let unknown = h
        .send_decision("/decisions/urn:uuid:nope/withdraw", &de, &withdrawn, &de)
        .await;
    assert_eq!(unknown.code(), "decision_mismatch");
    assert_eq!(
        h.get("/decisions/urn:uuid:nope").await.code(),
        "unknown_decision"
    );
}

#[tokio::test]
async fn every_equivalence_change_is_in_the_hash_chained_log() {
    let h = Harness::new();
    let de = h.authority("DE").await;
    let old = nursing_decision(&de);
    h.publish_decision(&de, &old).await;
    let new = revision_of(&old);
    h.publish_decision(&de, &new).await;
    let mut withdrawn = new.clone();
    withdrawn.withdrawn = Some(h.now());
    let r = h
        .send_decision(
            &format!("/decisions/{}/withdraw", new.id),
            &de,
            &withdrawn,
            &de,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(
        h.log_kinds().await,
        [
            "authority_registered",
            "decision_published",
            "decision_revised",
            "decision_withdrawn"
        ]
    );
    let entries = h.get("/log").await.json()["entries"].clone();
    assert_eq!(entries[0]["actor"], h.operator.public().did());
    assert_eq!(entries[1]["actor"], de.public().did());
    assert!(entries[3]["subject"]
        .as_str()
        .unwrap()
        .contains(" replaces sha256:"));
}

#[tokio::test]
async fn decisions_are_listed_page_by_page_in_every_state() {
    let h = Harness::new();
    let de = h.authority("DE").await;
    let old = nursing_decision(&de);
    h.publish_decision(&de, &old).await;
    h.publish_decision(&de, &revision_of(&old)).await;
    let mut third = nursing_decision(&de);
    third.id = "urn:uuid:5f0c6b1e-8a3d-4c2e-9b7a-1d2e3f405164".into();
    third.origin.field = Some("0611".into());
    h.publish_decision(&de, &third).await;

    let first = h.get("/decisions?limit=2").await.json();
    assert_eq!(first["decisions"].as_array().unwrap().len(), 2);
    assert_eq!(first["decisions"][0]["id"], old.id.as_str());
    assert_eq!(first["decisions"][0]["state"], "superseded");
    let next = first["next"].as_str().unwrap();
    let second = h
        .get(&format!("/decisions?limit=2&after={next}"))
        .await
        .json();
    assert_eq!(second["decisions"].as_array().unwrap().len(), 1);
    assert_eq!(second["decisions"][0]["id"], third.id.as_str());
    assert_eq!(second["next"], Value::Null);
}
