//! Stored credentials: publishing (verified as a verifier would), reading (issuer, holder,
//! grantee) and the holder's grants.

use axum::http::StatusCode;
use chrono::Duration;
use credential_core::SecretKey;
use serde_json::json;

use crate::harness::{copy, issue, issue_plain, issue_to_anyone, Harness, Reply};

/// A college's credential published for a holder, and an employer with no grant yet.
struct Stored {
    college: SecretKey,
    holder: SecretKey,
    employer: SecretKey,
    jws: String,
    /// `/credentials/{id}`.
    path: String,
}

async fn stored(h: &Harness) -> Stored {
    let college = h.college("College").await;
    let holder = SecretKey::generate();
    let (jws, id, _) = issue(&college, &holder.public().did(), None, "PQF-6");
    assert_eq!(
        h.publish(&college, &[&jws], vec![]).await.status,
        StatusCode::CREATED
    );
    Stored {
        college,
        holder,
        employer: SecretKey::generate(),
        jws,
        path: format!("/credentials/{id}"),
    }
}

/// The holder lets the employer read the credential for `hours`.
async fn grant(h: &Harness, s: &Stored, hours: i64) -> Reply {
    h.post(
        &format!("{}/grants", s.path),
        json!({"grantee": s.employer.public().did(), "expiresAt": h.now() + Duration::hours(hours)}),
        &s.holder,
    )
    .await
}

#[tokio::test]
async fn holder_and_grantee_read_a_credential_and_the_grant_can_be_revoked() {
    let h = Harness::new();
    let s = stored(&h).await;
    for reader in [&s.college, &s.holder] {
        let r = h.call("GET", &s.path, b"", Some(reader)).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        assert_eq!(r.json()["jws"], s.jws);
    }
    let g = grant(&h, &s, 2).await;
    assert_eq!(g.status, StatusCode::CREATED, "{}", g.text());
    assert_eq!(
        h.call("GET", &s.path, b"", Some(&s.employer)).await.status,
        StatusCode::OK
    );
    let grant_id = g.json()["id"].as_str().unwrap().to_owned();
    let d = h
        .call(
            "DELETE",
            &format!("{}/grants/{grant_id}", s.path),
            b"",
            Some(&s.holder),
        )
        .await;
    assert_eq!(d.status, StatusCode::OK, "{}", d.text());
    let r = h.call("GET", &s.path, b"", Some(&s.employer)).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "grant_revoked")
    );
}

#[tokio::test]
async fn reading_a_credential_without_being_issuer_holder_or_grantee_is_refused() {
    let h = Harness::new();
    let college = h.college("College").await;
    let (jws, id, _) = issue_to_anyone(&college, None, "PQF-6");
    h.publish(&college, &[&jws], vec![]).await;
    let r = h
        .call(
            "GET",
            &format!("/credentials/{id}"),
            b"",
            Some(&SecretKey::generate()),
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "forbidden")
    );
    let r = h
        .call("GET", &format!("/credentials/{id}"), b"", None)
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNAUTHORIZED, "unauthenticated")
    );
}

#[tokio::test]
async fn reading_with_an_expired_grant_is_refused() {
    let h = Harness::new();
    let s = stored(&h).await;
    let g = grant(&h, &s, 1).await;
    assert_eq!(g.status, StatusCode::CREATED);
    h.advance(Duration::hours(2));
    let r = h.call("GET", &s.path, b"", Some(&s.employer)).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "grant_expired")
    );
}

#[tokio::test]
async fn reading_with_a_revoked_grant_is_refused_and_only_the_holder_may_revoke_it() {
    let h = Harness::new();
    let s = stored(&h).await;
    let g = grant(&h, &s, 1).await;
    let grant = format!("{}/grants/{}", s.path, g.json()["id"].as_str().unwrap());
    // Neither the grantee nor the issuer can withdraw the holder's grant.
    for other in [&s.employer, &s.college] {
        let r = h.call("DELETE", &grant, b"", Some(other)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    }
    assert_eq!(
        h.call("GET", &s.path, b"", Some(&s.employer)).await.status,
        StatusCode::OK
    );
    assert_eq!(
        h.call("DELETE", &grant, b"", Some(&s.holder)).await.status,
        StatusCode::OK
    );
    let r = h.call("GET", &s.path, b"", Some(&s.employer)).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "grant_revoked")
    );
}

#[tokio::test]
async fn only_the_holder_can_grant() {
    let h = Harness::new();
    let college = h.college("College").await;
    let (jws, id, _) = issue_to_anyone(&college, None, "PQF-6");
    h.publish(&college, &[&jws], vec![]).await;
    let r = h
        .post(
            &format!("/credentials/{id}/grants"),
            json!({"grantee": college.public().did(), "expiresAt": h.now() + Duration::hours(1)}),
            &college,
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "forbidden")
    );
}

/// A credential is published only by an active issuer, within its accredited type and
/// level, and only its own: each refusal has its status and code.
#[tokio::test]
async fn publishing_what_the_signer_may_not_publish_is_refused() {
    #[derive(Debug, Clone, Copy)]
    enum Case {
        AboveTheAccreditedLevel,
        OfAnotherTypeThanAccredited,
        AfterWithdrawal,
        OfAnotherIssuer,
        SignedByAnUnknownKey,
    }
    for (case, expected) in [
        (
            Case::AboveTheAccreditedLevel,
            (StatusCode::FORBIDDEN, "out_of_scope"),
        ),
        (
            Case::OfAnotherTypeThanAccredited,
            (StatusCode::FORBIDDEN, "out_of_scope"),
        ),
        (
            Case::AfterWithdrawal,
            (StatusCode::FORBIDDEN, "issuer_not_accredited"),
        ),
        (Case::OfAnotherIssuer, (StatusCode::FORBIDDEN, "forbidden")),
        (
            Case::SignedByAnUnknownKey,
            (StatusCode::UNAUTHORIZED, "unknown_key"),
        ),
    ] {
        let h = Harness::new();
        let (signer, jws) = match case {
            Case::AboveTheAccreditedLevel => {
                let college = h.college("College").await;
                let jws = issue_plain(&college, "PQF-8");
                (college, jws)
            }
            Case::OfAnotherTypeThanAccredited => {
                let key = SecretKey::generate();
                let did = h.register(&key, "Skills centre").await;
                h.accredit(&did, &["SkillCredential"]).await;
                let jws = issue_plain(&key, "PQF-4");
                (key, jws)
            }
            Case::AfterWithdrawal => {
                let college = h.college("College").await;
                let did = college.public().did();
                let r = h
                    .post(
                        &format!("/issuers/{did}/withdraw"),
                        json!({"reason": "closed"}),
                        &h.operator,
                    )
                    .await;
                assert_eq!(r.status, StatusCode::OK, "{}", r.text());
                let jws = issue_plain(&college, "PQF-6");
                (college, jws)
            }
            Case::OfAnotherIssuer => {
                let a = h.college("A").await;
                let b = h.college("B").await;
                (b, issue_plain(&a, "PQF-6"))
            }
            Case::SignedByAnUnknownKey => {
                let stranger = SecretKey::generate();
                let jws = issue_plain(&stranger, "PQF-6");
                (stranger, jws)
            }
        };
        let r = h.publish(&signer, &[&jws], vec![]).await;
        assert_eq!(
            (r.status, r.code().as_str()),
            expected,
            "{case:?}: {}",
            r.text()
        );
    }
}

/// The nurse's credential for `holder`, secured with a Data Integrity proof by `college`.
fn issue_data_integrity(college: &SecretKey, holder: &str) -> (String, String) {
    let (jws, id, _) = issue(college, holder, None, "PQF-6");
    let doc =
        credential_core::signed::peek_json::<credential_core::signed::CredentialJwt>(&jws).unwrap();
    let secured = credential_core::integrity::sign_credential(
        college,
        &college.public().did_url(),
        &doc,
        chrono::Utc::now(),
    )
    .unwrap();
    (serde_json::to_string_pretty(&secured).unwrap(), id)
}

#[tokio::test]
async fn a_data_integrity_credential_is_published_verified_and_served_as_sent() {
    let h = Harness::new();
    let college = h.college("College").await;
    let holder = SecretKey::generate();
    let (credential, id) = issue_data_integrity(&college, &holder.public().did());
    let r = h.publish(&college, &[&credential], vec![]).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(r.json()["published"], json!([id]));
    let read = h
        .call("GET", &format!("/credentials/{id}"), b"", Some(&holder))
        .await;
    assert_eq!(read.status, StatusCode::OK, "{}", read.text());
    assert_eq!(read.json()["jws"], credential);
    // Published twice identically is fine; the store's own check accepts it.
    let again = h.publish(&college, &[&credential], vec![]).await;
    assert_eq!(again.status, StatusCode::CREATED, "{}", again.text());
}

#[tokio::test]
async fn a_data_integrity_credential_with_a_flipped_claim_is_refused() {
    let h = Harness::new();
    let college = h.college("College").await;
    let (credential, _) = issue_data_integrity(&college, &SecretKey::generate().public().did());
    let mut doc: serde_json::Value = serde_json::from_str(&credential).unwrap();
    doc["credentialSubject"]["qualification"]["awarded"] = json!("2020-01-01");
    let r = h.publish(&college, &[&doc.to_string()], vec![]).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text());
    assert_eq!(r.code(), "invalid_credential");
    assert!(r.text().contains("signature failed"), "{}", r.text());
}

#[tokio::test]
async fn the_registry_serves_the_contexts_it_ships_and_nothing_else() {
    let h = Harness::new();
    let r = h.get("/contexts/skillpass-v1.jsonld").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.text(), credential_core::jsonld::SKILLPASS_CONTEXT.text);
    let r = h.get("/contexts/evil.jsonld").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.text().contains("skillpass-v1.jsonld"), "{}", r.text());
}

/// Stored credentials take the compact form (issue 15: the issuer's JWS decoded and
/// deflated with its few indexed fields), well under the JWS's own size; a store written
/// before, with JSON records, is still served and still passes the start-up check.
#[tokio::test]
async fn credentials_are_stored_compact_and_json_records_of_older_stores_still_read() {
    use registry_server::check::check_store;
    use registry_server::records::{compact, keys::DIGEST_KEY};
    use registry_server::store::{Batch, ContentDigest, SledStore, Store as _, Tree};

    let dir = tempfile::tempdir().unwrap();
    let operator = SecretKey::generate();
    let bundles = crate::harness::Bundles::default();
    let open = || {
        Harness::open(
            &dir.path().join("store"),
            &operator,
            registry_server::Settings::default(),
            &bundles,
        )
    };
    let (college, jws, id) = {
        let h = open();
        let s = stored(&h).await;
        (
            s.college,
            s.jws,
            s.path.trim_start_matches("/credentials/").to_owned(),
        )
    };
    let store = SledStore::open(&dir.path().join("store")).unwrap();
    let tree = Tree::CredentialidCredential;
    let compact_bytes = store.get(tree, id.as_bytes()).unwrap().unwrap();
    assert_eq!(compact_bytes[0], compact::TAG);
    assert!(
        compact_bytes.len() * 10 < jws.len() * 8,
        "{} bytes stored for a {}-byte JWS",
        compact_bytes.len(),
        jws.len()
    );
    // Rewrite it as an older registry stored it, keeping the content digest right.
    let record = compact::decode(&compact_bytes).unwrap();
    assert_eq!(record.jws, jws);
    let json = serde_json::to_vec(&record).unwrap();
    let mut digest =
        ContentDigest::from_bytes(&store.get(Tree::NameValue, DIGEST_KEY).unwrap().unwrap())
            .unwrap();
    digest.toggle(tree, id.as_bytes(), &compact_bytes);
    digest.toggle(tree, id.as_bytes(), &json);
    let mut batch = Batch::default();
    batch.put(tree, id.as_bytes().to_vec(), json);
    batch.put(Tree::NameValue, DIGEST_KEY.to_vec(), digest.0.to_vec());
    store.apply(batch).unwrap();
    check_store(&store).unwrap();
    drop(store);

    let h = open();
    let r = h
        .call("GET", &format!("/credentials/{id}"), b"", Some(&college))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(r.json()["jws"], jws);
    // Publishing the same credential again is still "already stored", not a conflict.
    assert_eq!(
        h.publish(&college, &[&jws], vec![]).await.status,
        StatusCode::CREATED
    );
}

#[tokio::test]
async fn the_credential_routes_refuse_in_the_readers_language_with_the_english_message_kept() {
    let h = Harness::new();
    let s = stored(&h).await;
    // Publishing the same id with other bytes, and a grant for too long, in German.
    let other = issue_plain(&s.college, "PQF-6");
    let body = json!({
        "grantee": s.employer.public().did(),
        "expiresAt": h.now() + Duration::days(400),
    })
    .to_string();
    let path = format!("{}/grants", s.path);
    let mut req = h.request("POST", &path, body.as_bytes(), Some(&s.holder));
    req.headers_mut()
        .insert("accept-language", "de-DE,de;q=0.9".parse().unwrap());
    let r = h.raw(req).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.text());
    let j = r.json();
    assert_eq!(j["error"]["code"], "invalid_expiry");
    assert_eq!(
        j["error"]["message"],
        "expiresAt must be in the future and within 366 days"
    );
    assert_eq!(
        j["error"]["text"],
        "expiresAt muss in der Zukunft liegen, höchstens 366 Tage von heute"
    );
    // A batch that repeats an id, in French.
    let body = json!({ "credentials": [other, other] }).to_string();
    let mut req = h.request("POST", "/credentials", body.as_bytes(), Some(&s.college));
    req.headers_mut()
        .insert("accept-language", "fr".parse().unwrap());
    let j = h.raw(req).await.json();
    assert_eq!(j["error"]["code"], "duplicate_credential");
    assert_eq!(
        j["error"]["message"],
        "credential 2 repeats an id in this batch"
    );
    assert_eq!(
        j["error"]["text"],
        "credential 2 reprend un identifiant déjà présent dans cette requête"
    );
}

/// A signed read is answered once its nonce is applied, before the flush that makes it
/// durable; a registry starting after a crash that lost such nonces refuses every read
/// signed up to the durable read horizon, so none of them can be replayed, and takes reads
/// signed after it.
#[tokio::test]
async fn a_read_is_answered_before_its_flush_and_cannot_be_replayed_after_a_crash() {
    use crate::harness::Bundles;
    use axum::body::Body;
    use axum::http::Request;
    use credential_core::request::sign_request_at;
    use registry_server::store::{Batch, SledStore, Store as _, Tree};
    use registry_server::Settings;

    let read = |path: &str, key: &SecretKey, iat: i64, nonce: &str| {
        Request::builder()
            .method("GET")
            .uri(path)
            .header(
                "authorization",
                sign_request_at(key, "GET", path, b"", iat, nonce),
            )
            .body(Body::empty())
            .unwrap()
    };
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let operator = SecretKey::generate();
    let bundles = Bundles::default();
    let h = Harness::open(&store, &operator, Settings::default(), &bundles);
    let s = stored(&h).await;
    let iat = h.now().timestamp();
    // The first read writes the horizon, durably.
    let first = h
        .raw(read(&s.path, &s.college, iat, "first-read-0000000"))
        .await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text());
    // The next is answered while every flush is held back: it does not wait for one.
    let held = h.flushes_held();
    let second = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        h.raw(read(&s.path, &s.college, iat, "second-read-000000")),
    )
    .await
    .expect("a read waited for a flush");
    assert_eq!(second.status, StatusCode::OK, "{}", second.text());
    assert_eq!(second.json()["jws"], s.jws);
    // Its nonce is spent at once.
    let again = h
        .raw(read(&s.path, &s.college, iat, "second-read-000000"))
        .await;
    assert_eq!(
        (again.status, again.code().as_str()),
        (StatusCode::UNAUTHORIZED, "replayed_request")
    );
    assert!(again.text().contains("already used"), "{}", again.text());
    drop(held);
    drop(h);

    // A crash that lost the spent nonces (taken out of the store here).
    {
        let sled = SledStore::open(&store).unwrap();
        let mut batch = Batch::default();
        for key in sled
            .keys_below(Tree::IatnonceSeen, &[0xff; 8], 1000)
            .unwrap()
        {
            batch.delete(Tree::IatnonceSeen, key);
        }
        assert!(!batch.ops.is_empty());
        sled.apply(batch).unwrap();
    }
    let h = Harness::open(&store, &operator, Settings::default(), &bundles);
    for (iat, nonce) in [
        (iat, "second-read-000000"),
        (iat, "first-read-0000000"),
        (iat + 2, "fresh-read-0000000"),
    ] {
        let r = h.raw(read(&s.path, &s.college, iat, nonce)).await;
        assert_eq!(
            (r.status, r.code().as_str()),
            (StatusCode::UNAUTHORIZED, "replayed_request"),
            "{nonce}"
        );
        assert!(
            r.text().contains("restarted after a failure"),
            "{}",
            r.text()
        );
    }
    // Reads signed after the horizon are answered (the horizon is at most the first
    // read's time plus two seconds).
    h.advance(Duration::seconds(3));
    let later = h
        .raw(read(
            &s.path,
            &s.college,
            h.now().timestamp(),
            "later-read-0000000",
        ))
        .await;
    assert_eq!(later.status, StatusCode::OK, "{}", later.text());
    // Writes are not held to the horizon: they always waited for their flush.
    let g = grant(&h, &s, 1).await;
    assert_eq!(g.status, StatusCode::CREATED, "{}", g.text());
}

/// A read answered before its flush never shows what a crash could take back: while a
/// publish is applied but not yet flushed, a read of its credential waits for the flush.
/// (sled only: on a shared store every read waits for its commit.)
#[tokio::test]
async fn a_read_of_a_credential_not_yet_durable_waits_for_its_flush() {
    let h = std::sync::Arc::new(Harness::new());
    if h.state.store().shared() {
        return;
    }
    let s = stored(&h).await;
    // The read horizon is written: reads are now answered before their flush.
    let first = h.call("GET", &s.path, b"", Some(&s.college)).await;
    assert_eq!(first.status, StatusCode::OK, "{}", first.text());
    let held = h.flushes_held();
    let quick = tokio::time::timeout(
        std::time::Duration::from_secs(10),
        h.call("GET", &s.path, b"", Some(&s.college)),
    )
    .await
    .expect("a read of a durable credential waited for a flush");
    assert_eq!(quick.status, StatusCode::OK);

    let (jws, id, _) = issue(&s.college, &s.holder.public().did(), None, "PQF-6");
    let publish = {
        let (h, college) = (std::sync::Arc::clone(&h), copy(&s.college));
        tokio::spawn(async move { h.publish(&college, &[&jws], vec![]).await.status })
    };
    let path = format!("/credentials/{id}");
    // Once the publish is applied (its record readable), the read of it must wait.
    let mut read = None;
    for _ in 0..200 {
        if h.state.records().credentials().get(&id).unwrap().is_some() {
            let (h, college, path) = (std::sync::Arc::clone(&h), copy(&s.college), path.clone());
            read = Some(tokio::spawn(async move {
                h.call("GET", &path, b"", Some(&college)).await.status
            }));
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let read = read.expect("the publish was never applied");
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert!(
        !read.is_finished(),
        "a read showed a credential not yet durable"
    );
    assert!(
        !publish.is_finished(),
        "a publish was answered before its flush"
    );
    drop(held);
    assert_eq!(publish.await.unwrap(), StatusCode::CREATED);
    assert_eq!(read.await.unwrap(), StatusCode::OK);
}

/// Two copies of one signed request that both pass the early nonce check (the writers'
/// lock was held while they arrived) are answered once: the second is refused when its
/// nonce is written, under the lock, and nothing of it is stored. A write and a read alike.
#[tokio::test]
async fn a_request_sent_twice_at_once_is_answered_once() {
    use axum::body::Body;
    use axum::http::Request;
    use credential_core::request::sign_request_at;

    let h = Harness::new();
    let s = stored(&h).await;
    let iat = h.now().timestamp();
    let grant_body = json!({"grantee": s.employer.public().did(),
        "expiresAt": h.now() + Duration::hours(1)})
    .to_string();
    let grants = format!("{}/grants", s.path);
    let grant_auth = sign_request_at(
        &s.holder,
        "POST",
        &grants,
        grant_body.as_bytes(),
        iat,
        "twice-grant-000000",
    );
    let read_auth = sign_request_at(&s.college, "GET", &s.path, b"", iat, "twice-read-0000000");
    let request = |write: bool| {
        let (method, path, auth, body) = if write {
            ("POST", grants.as_str(), &grant_auth, grant_body.clone())
        } else {
            ("GET", s.path.as_str(), &read_auth, String::new())
        };
        let mut req = Request::builder()
            .method(method)
            .uri(path)
            .header("authorization", auth);
        if write {
            req = req.header("content-type", "application/json");
        }
        req.body(Body::from(body)).unwrap()
    };
    for write in [true, false] {
        let held = h.state.write_lock().await.unwrap();
        let (first, second, ()) =
            tokio::join!(h.raw(request(write)), h.raw(request(write)), async {
                // Both are past authentication and wait for the lock by then.
                tokio::time::sleep(std::time::Duration::from_millis(200)).await;
                drop(held);
            });
        let mut answers = [
            (first.status.as_u16(), first.code()),
            (second.status.as_u16(), second.code()),
        ];
        answers.sort();
        let ok = if write { 201 } else { 200 };
        assert_eq!(answers[0].0, ok, "write {write}: {answers:?}");
        assert_eq!(
            answers[1],
            (401, "replayed_request".to_owned()),
            "write {write}"
        );
    }
    // One grant was stored.
    let grants = h
        .state
        .store()
        .scan(registry_server::store::Tree::GrantidGrant, b"", b"", 10)
        .unwrap();
    assert_eq!(grants.len(), 1);
}
