//! Issuers: registration, accreditation, suspension, reinstatement, withdrawal, key
//! rotation, and the public list.

use std::collections::BTreeSet;

use axum::http::StatusCode;
use chrono::{Duration, Utc};
use credential_core::request::sign_key_proof;
use credential_core::{SecretKey, TrustAnchor, Verdict, Verifier};
use serde_json::{json, Value};

use crate::harness::{issue, issue_plain, Harness};

#[tokio::test]
async fn a_registered_issuer_is_pending_and_its_contact_is_never_public() {
    let h = Harness::new();
    let key = SecretKey::generate();
    let did = h.register(&key, "Manila College").await;
    let one = h.call("GET", &format!("/issuers/{did}"), b"", None).await;
    assert_eq!(one.json()["standing"], "pending");
    let all = h.call("GET", "/issuers", b"", None).await;
    assert_eq!(all.json()["issuers"][0]["id"], did.as_str());
    assert!(!all.text().contains("registrar@"));
    assert!(!one.text().contains("registrar@"));
    let jwks = h
        .call("GET", &format!("/issuers/{did}/jwks"), b"", None)
        .await;
    assert_eq!(jwks.json()["keys"][0]["kid"], key.public().did_url());
}

#[tokio::test]
async fn key_rotation_keeps_the_old_key_with_its_end_and_old_credentials_verify() {
    let h = Harness::new();
    let college = h.college("College").await;
    let did = college.public().did();
    let old_jws = issue_plain(&college, "PQF-6");
    assert_eq!(
        h.publish(&college, &[&old_jws], vec![]).await.status,
        StatusCode::CREATED
    );
    h.advance(Duration::seconds(2));
    let new_key = SecretKey::generate();
    let body = json!({"newKey": new_key.public().did(), "proof": sign_key_proof(&new_key, &did)});
    let r = h
        .post(&format!("/issuers/{did}/keys"), body, &college)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let keys = r.json()["keys"].clone();
    assert!(keys[0]["validUntil"].is_string());
    assert!(keys[1]["validUntil"].is_null());
    // The old key can no longer publish.
    let jws = issue_plain(&college, "PQF-6");
    assert_eq!(
        h.publish(&college, &[&jws], vec![]).await.status,
        StatusCode::FORBIDDEN
    );
    let anchor = TrustAnchor::from_did(&h.operator.public().did()).unwrap();
    let bundle = anchor
        .verify_bundle(&h.call("GET", "/bundle", b"", None).await.text(), None)
        .unwrap();
    assert_eq!(
        Verifier::new(&bundle, Utc::now()).verify(&old_jws).verdict,
        Verdict::Valid
    );
}

#[tokio::test]
async fn a_non_operator_cannot_accredit() {
    let h = Harness::new();
    let key = SecretKey::generate();
    let did = h.register(&key, "Self-accrediting college").await;
    let r = h
        .post(
            &format!("/issuers/{did}/accredit"),
            json!({"scope": ["QualificationCredential"]}),
            &key,
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "forbidden")
    );
}

/// Issue 9, point 6: suspending an issuer and accrediting it again used to reset its
/// accreditation start, so what it issued while first accredited failed `issuer-accredited`
/// and could no longer be published (`out_of_scope`).
#[tokio::test]
async fn re_accreditation_after_a_suspension_keeps_what_was_issued_before_it_valid() {
    let h = Harness::new();
    let college = h.college("College").await;
    let did = college.public().did();
    let holder = SecretKey::generate().public().did();
    let (first, _, _) = issue(&college, &holder, None, "PQF-6");
    let (second, _, _) = issue(&college, &holder, None, "PQF-6");
    assert_eq!(
        h.publish(&college, &[&first], vec![]).await.status,
        StatusCode::CREATED
    );
    // Times are whole seconds: suspend after the second the credentials were issued in.
    h.advance(Duration::seconds(1));
    let r = h
        .post(&format!("/issuers/{did}/suspend"), json!({}), &h.operator)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    h.advance(Duration::hours(2));
    h.accredit(&did, &["QualificationCredential:PQF-6"]).await;

    let r = h.publish(&college, &[&second], vec![]).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let anchor = TrustAnchor::from_did(&h.operator.public().did()).unwrap();
    let bundle = anchor
        .verify_bundle(&h.get("/bundle").await.text(), None)
        .unwrap();
    for jws in [&first, &second] {
        let report = Verifier::new(&bundle, h.now()).verify(jws);
        assert_eq!(report.verdict, Verdict::Valid, "{}", report.to_words());
    }
}

#[tokio::test]
async fn re_accreditation_with_another_scope_keeps_the_earlier_period() {
    let h = Harness::new();
    let college = h.college("College").await;
    let did = college.public().did();
    let old = issue_plain(&college, "PQF-6");
    h.advance(Duration::hours(1));
    h.accredit(&did, &["QualificationCredential:PQF-5"]).await;
    let issuer = h.get(&format!("/issuers/{did}")).await.json();
    assert_eq!(
        issuer["accreditation"]["earlier"][0]["scope"][0]["maxLevel"],
        "PQF-6"
    );
    // Issued under the first period (PQF-6 allowed then): still publishable and valid.
    let r = h.publish(&college, &[&old], vec![]).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
}

#[tokio::test]
async fn reinstating_lifts_a_suspension_and_keeps_the_accreditation_start() {
    let h = Harness::new();
    let college = h.college("College").await;
    let did = college.public().did();
    let before = h.get(&format!("/issuers/{did}")).await.json();
    let jws = issue_plain(&college, "PQF-6");
    let r = h
        .post(&format!("/issuers/{did}/reinstate"), json!({}), &h.operator)
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::CONFLICT, "not_suspended")
    );
    h.advance(Duration::seconds(1));
    h.post(
        &format!("/issuers/{did}/suspend"),
        json!({"reason": "audit"}),
        &h.operator,
    )
    .await;
    h.advance(Duration::hours(1));
    let r = h
        .post(
            &format!("/issuers/{did}/reinstate"),
            json!({"reason": "audit passed"}),
            &college,
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "forbidden")
    );
    let r = h
        .post(
            &format!("/issuers/{did}/reinstate"),
            json!({"reason": "audit passed"}),
            &h.operator,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["standing"], "active");
    assert_eq!(
        r.json()["accreditation"]["validFrom"],
        before["accreditation"]["validFrom"]
    );
    assert!(h
        .log_kinds()
        .await
        .contains(&"issuer_reinstated".to_owned()));
    // Issued before the suspension: publishable again once it is lifted.
    let r = h.publish(&college, &[&jws], vec![]).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
}

#[tokio::test]
async fn issuers_are_listed_page_by_page_like_decisions() {
    let r = Harness::new();
    let mut dids = BTreeSet::new();
    for i in 0..5 {
        let key = SecretKey::generate();
        let (status, _) = r
            .call_json(
                "POST",
                "/issuers",
                &json!({"name": format!("College {i}"), "country": "PH"}),
                Some(&key),
            )
            .await
            .pair();
        assert_eq!(status, 201);
        dids.insert(key.public().did());
    }
    let mut seen = Vec::new();
    let mut path = "/issuers?limit=2".to_owned();
    loop {
        let (status, page) = r.call_json("GET", &path, &Value::Null, None).await.pair();
        assert_eq!(status, 200, "{page}");
        let issuers = page["issuers"].as_array().unwrap();
        assert!(issuers.len() <= 2);
        seen.extend(issuers.iter().map(|i| i["id"].as_str().unwrap().to_owned()));
        match page["next"].as_str() {
            Some(next) => path = format!("/issuers?limit=2&after={next}"),
            None => break,
        }
    }
    assert_eq!(
        seen,
        dids.into_iter().collect::<Vec<_>>(),
        "every issuer once, in DID order"
    );
    let (status, v) = r
        .call_json("GET", "/issuers?limit=abc", &Value::Null, None)
        .await
        .pair();
    assert_eq!(
        (status, v["error"]["code"].as_str()),
        (400, Some("invalid_query"))
    );
}
