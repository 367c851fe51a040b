//! Revocation and suspension: the issuer's re-signed status lists, accepted only when they
//! change one credential's bit, and what the bundle then tells a verifier.

use axum::http::StatusCode;
use chrono::Utc;
use credential_core::status::status_list_credential;
use credential_core::{SecretKey, TrustAnchor, Verdict, Verifier};
use serde_json::{json, Value};

use crate::harness::{issue, issue_to_anyone, sign_vc, Harness, Lists};

#[tokio::test]
async fn publish_revoke_and_the_bundle_tells_a_verifier() {
    let h = Harness::new();
    let college = h.college("Manila College").await;
    let holder = SecretKey::generate();
    let mut lists = Lists::new(&college.public().did());
    let (jws, id, index) = issue(&college, &holder.public().did(), Some(&mut lists), "PQF-6");
    let r = h.publish(&college, &[&jws], lists.both(&college)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());

    let anchor = TrustAnchor::from_did(&h.operator.public().did()).unwrap();
    let b1 = h.call("GET", "/bundle", b"", None).await;
    let bundle = anchor.verify_bundle(&b1.text(), None).unwrap();
    assert_eq!(
        Verifier::new(&bundle, Utc::now()).verify(&jws).verdict,
        Verdict::Valid
    );

    // The client fetches the signed list, flips the bit, re-signs and sends it.
    let path = format!("/status/{}/revocation", college.public().did());
    let current = h.call("GET", &path, b"", None).await;
    assert_eq!(current.status, StatusCode::OK);
    lists.revocation.set_status(index, true).unwrap();
    let body = json!({"purpose": "revocation", "value": true, "statusList": Lists::signed(&college, &lists.revocation)});
    let r = h
        .post(&format!("/credentials/{id}/status"), body, &college)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["changed"], true);

    let b2 = h.call("GET", "/bundle", b"", None).await;
    let bundle2 = anchor
        .verify_bundle(&b2.text(), Some(bundle.sequence()))
        .unwrap();
    assert!(bundle2.sequence() > bundle.sequence());
    let report = Verifier::new(&bundle2, Utc::now()).verify(&jws);
    assert_eq!(report.verdict, Verdict::Invalid);
    assert_eq!(report.failed(), vec!["status"]);
}

#[tokio::test]
async fn suspension_can_be_lifted_but_a_list_changing_other_indexes_is_refused() {
    let h = Harness::new();
    let college = h.college("College").await;
    let mut lists = Lists::new(&college.public().did());
    let (jws, id, index) = issue_to_anyone(&college, Some(&mut lists), "PQF-5");
    let (_, _, other) = issue_to_anyone(&college, Some(&mut lists), "PQF-5");
    assert_eq!(
        h.publish(&college, &[&jws], lists.both(&college))
            .await
            .status,
        StatusCode::CREATED
    );
    let path = format!("/credentials/{id}/status");

    let mut sneaky = lists.suspension.clone();
    sneaky.set_status(index, true).unwrap();
    sneaky.set_status(other, true).unwrap();
    let r = h.post(&path, json!({"purpose": "suspension", "value": true, "statusList": Lists::signed(&college, &sneaky)}), &college).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "status_list_mismatch")
    );

    lists.suspension.set_status(index, true).unwrap();
    let r = h.post(&path, json!({"purpose": "suspension", "value": true, "statusList": Lists::signed(&college, &lists.suspension)}), &college).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    lists.suspension.set_status(index, false).unwrap();
    let r = h.post(&path, json!({"purpose": "suspension", "value": false, "statusList": Lists::signed(&college, &lists.suspension)}), &college).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["changed"], true);
}

#[tokio::test]
async fn issuer_b_cannot_revoke_issuer_a_credential() {
    let h = Harness::new();
    let a = h.college("College A").await;
    let b = h.college("College B").await;
    let mut lists_a = Lists::new(&a.public().did());
    let (jws, id, index) = issue_to_anyone(&a, Some(&mut lists_a), "PQF-6");
    assert_eq!(
        h.publish(&a, &[&jws], lists_a.both(&a)).await.status,
        StatusCode::CREATED
    );
    let mut lists_b = Lists::new(&b.public().did());
    lists_b.revocation.allocate_specific(index).unwrap();
    lists_b.revocation.set_status(index, true).unwrap();
    let body = json!({"purpose": "revocation", "value": true, "statusList": Lists::signed(&b, &lists_b.revocation)});
    let r = h.post(&format!("/credentials/{id}/status"), body, &b).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "forbidden")
    );
}

/// Issue 9, point 2: a signed list update used to be accepted with any other change riding
/// along, which then appeared in the public list and bundle.
#[tokio::test]
async fn a_status_list_update_that_changes_anything_but_the_bit_is_refused() {
    let h = Harness::new();
    let college = h.college("College").await;
    let mut lists = Lists::new(&college.public().did());
    let (jws, id, index) = issue_to_anyone(&college, Some(&mut lists), "PQF-6");
    let r = h.publish(&college, &[&jws], lists.both(&college)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let path = format!("/status/{}/revocation", college.public().did());
    let before = h.get(&path).await.text();
    lists.revocation.set_status(index, true).unwrap();
    let sign = |doc: &Value| sign_vc(&college, doc);
    let honest = status_list_credential(&college.public().did(), &lists.revocation, Utc::now());
    type Edit = fn(&mut Value);
    let edits: [(&str, Edit, &str); 5] = [
        (
            "validFrom 2099",
            |v| v["validFrom"] = json!("2099-01-01T00:00:00Z"),
            "invalid_status_list",
        ),
        (
            "validUntil 2020",
            |v| v["validUntil"] = json!("2020-01-01T00:00:00Z"),
            "invalid_status_list",
        ),
        (
            "another subject id",
            |v| v["credentialSubject"]["id"] = json!("urn:x#list"),
            "invalid_status_list",
        ),
        (
            "a name claim",
            |v| v["name"] = json!("Maria Santos"),
            "invalid_status_list",
        ),
        (
            "an earlier validFrom",
            |v| v["validFrom"] = json!("2020-01-01T00:00:00Z"),
            "status_list_mismatch",
        ),
    ];
    for (what, edit, code) in edits {
        let mut doc = honest.clone();
        edit(&mut doc);
        let body = json!({"purpose": "revocation", "value": true, "statusList": sign(&doc)});
        let r = h
            .post(&format!("/credentials/{id}/status"), body, &college)
            .await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (StatusCode::UNPROCESSABLE_ENTITY, code),
            "{what}: {}",
            r.text()
        );
        assert_eq!(h.get(&path).await.text(), before, "{what}");
    }
    let body = json!({"purpose": "revocation", "value": true, "statusList": sign(&honest)});
    let r = h
        .post(&format!("/credentials/{id}/status"), body, &college)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
}

#[tokio::test]
async fn a_first_status_list_carrying_personal_claims_is_refused() {
    let h = Harness::new();
    let college = h.college("College").await;
    let lists = Lists::new(&college.public().did());
    let mut doc = status_list_credential(&college.public().did(), &lists.revocation, Utc::now());
    doc["credentialSubject"]["name"] = json!("Maria Santos");
    let signed = sign_vc(&college, &doc);
    let r = h.publish(&college, &[], vec![signed]).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_status_list"),
        "{}",
        r.text()
    );
    assert!(r.text().contains("credentialSubject.name"));
}
