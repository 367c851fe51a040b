//! API tests: the app driven with `oneshot` on a temporary sled store, no socket.
//! Rejection tests are named as the sentence they check.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use chrono::{DateTime, Duration, Utc};
use credential_core::audit::ChainVerifier;
use credential_core::equivalence::{
    CefrLevel, CompensationMeasure, DecisionState, RecognitionDecision,
};
use credential_core::jws::{self, Header};
use credential_core::request::{sign_key_proof, sign_request, sign_request_at};
use credential_core::status::{status_list_credential, IssuerStatusList, StatusPurpose};
use credential_core::trust::sign_decision;
use credential_core::{
    build_document, format_time, sign_document, IssueOptions, SecretKey, TrustAnchor, Verdict,
    Verifier,
};
use registry_server::store::{Batch, Tree};
use registry_server::{app, AppState, Settings};
use serde_json::{json, Value};
use tower::ServiceExt as _;

mod common;

const NURSE: &str = include_str!("../../examples/nurse-qualification.json");

struct Harness {
    app: Router,
    state: AppState,
    operator: SecretKey,
    offset: Arc<AtomicI64>,
    _dir: common::Keep,
}

struct Reply {
    status: StatusCode,
    body: Vec<u8>,
    etag: Option<String>,
}

impl Reply {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or(Value::Null)
    }
    fn code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or("")
            .to_owned()
    }
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

fn copy(key: &SecretKey) -> SecretKey {
    SecretKey::from_private_jwk(&key.to_private_jwk()).unwrap()
}

impl Harness {
    fn new() -> Self {
        Self::with_settings(Settings::default())
    }

    fn with_settings(settings: Settings) -> Self {
        // sled, or PostgreSQL with SKILLPASS_TEST_STORE=postgres (see common/mod.rs).
        let (store, dir) = common::store();
        let operator = SecretKey::generate();
        let offset = Arc::new(AtomicI64::new(0));
        let o = offset.clone();
        let clock = Arc::new(move || Utc::now() + Duration::seconds(o.load(Ordering::SeqCst)));
        let state = AppState::with_clock(store, copy(&operator), settings, clock).unwrap();
        Self {
            app: app(state.clone()),
            state,
            operator,
            offset,
            _dir: dir,
        }
    }

    fn now(&self) -> DateTime<Utc> {
        self.state.now()
    }

    fn advance(&self, d: Duration) {
        self.offset.fetch_add(d.num_seconds(), Ordering::SeqCst);
    }

    async fn raw(&self, req: Request<Body>) -> Reply {
        let res = self.app.clone().oneshot(req).await.unwrap();
        let status = res.status();
        let etag = res
            .headers()
            .get("etag")
            .map(|v| v.to_str().unwrap().to_owned());
        let body = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap()
            .to_vec();
        Reply { status, body, etag }
    }

    /// A request signed (with the server's clock) by `key`, or unsigned.
    async fn call(&self, method: &str, path: &str, body: &[u8], key: Option<&SecretKey>) -> Reply {
        let mut req = Request::builder().method(method).uri(path);
        if let Some(key) = key {
            let nonce = uuid::Uuid::new_v4().simple().to_string();
            let auth = sign_request_at(key, method, path, body, self.now().timestamp(), &nonce);
            req = req.header("authorization", auth);
        }
        if !body.is_empty() {
            req = req.header("content-type", "application/json");
        }
        self.raw(req.body(Body::from(body.to_vec())).unwrap()).await
    }

    async fn post(&self, path: &str, body: Value, key: &SecretKey) -> Reply {
        self.call("POST", path, body.to_string().as_bytes(), Some(key))
            .await
    }

    async fn register(&self, key: &SecretKey, name: &str) -> String {
        let r = self
            .post(
                "/issuers",
                json!({"name": name, "country": "PH", "contact": "registrar@example.org"}),
                key,
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        key.public().did()
    }

    async fn accredit(&self, did: &str, scope: &[&str]) {
        let r = self
            .post(
                &format!("/issuers/{did}/accredit"),
                json!({"scope": scope}),
                &self.operator,
            )
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    }

    /// A registered and accredited college for qualifications up to PQF-6.
    async fn college(&self, name: &str) -> SecretKey {
        let key = SecretKey::generate();
        let did = self.register(&key, name).await;
        self.accredit(&did, &["QualificationCredential:PQF-6"])
            .await;
        key
    }
}

/// An issuer's status lists kept the way the CLI keeps them.
struct Lists {
    revocation: IssuerStatusList,
    suspension: IssuerStatusList,
}

impl Lists {
    fn new(did: &str) -> Self {
        Self {
            revocation: IssuerStatusList::new(
                &format!("https://registry.test/status/{did}/revocation"),
                StatusPurpose::Revocation,
            ),
            suspension: IssuerStatusList::new(
                &format!("https://registry.test/status/{did}/suspension"),
                StatusPurpose::Suspension,
            ),
        }
    }
    fn signed(key: &SecretKey, list: &IssuerStatusList) -> String {
        let doc = status_list_credential(&key.public().did(), list, Utc::now());
        jws::sign(
            key,
            &Header::new("vc+jwt", &key.public().did_url()),
            &serde_json::to_vec(&doc).unwrap(),
        )
    }
    fn both(&self, key: &SecretKey) -> Vec<String> {
        vec![
            Self::signed(key, &self.revocation),
            Self::signed(key, &self.suspension),
        ]
    }
}

fn issue(
    key: &SecretKey,
    holder: &str,
    lists: Option<&mut Lists>,
    level: &str,
) -> (String, String, usize) {
    let mut claims: Value = serde_json::from_str(NURSE).unwrap();
    claims["credentialSubject"]["qualification"]["frameworkLevels"] = json!([level]);
    let mut options = IssueOptions::new(Utc::now());
    options.holder = Some(holder.to_owned());
    let mut index = 0;
    if let Some(lists) = lists {
        index = lists.revocation.allocate(&mut rand::rngs::OsRng).unwrap();
        lists.suspension.allocate_specific(index).unwrap();
        options.status = vec![
            credential_core::status::StatusEntry::new(
                StatusPurpose::Revocation,
                index,
                &lists.revocation.id,
            ),
            credential_core::status::StatusEntry::new(
                StatusPurpose::Suspension,
                index,
                &lists.suspension.id,
            ),
        ];
    }
    let doc = build_document(&claims, &key.public().did(), &options).unwrap();
    let jws = sign_document(key, &key.public().did_url(), &doc).unwrap();
    (jws, doc["id"].as_str().unwrap().to_owned(), index)
}

async fn publish(h: &Harness, key: &SecretKey, creds: &[&str], lists: Vec<String>) -> Reply {
    h.post(
        "/credentials",
        json!({"credentials": creds, "statusLists": lists}),
        key,
    )
    .await
}

// ---------- happy paths ----------

#[tokio::test]
async fn healthz_names_the_anchor() {
    let h = Harness::new();
    let r = h.call("GET", "/healthz", b"", None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["anchor"], h.operator.public().did());
}

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
async fn publish_revoke_and_the_bundle_tells_a_verifier() {
    let h = Harness::new();
    let college = h.college("Manila College").await;
    let holder = SecretKey::generate();
    let mut lists = Lists::new(&college.public().did());
    let (jws, id, index) = issue(&college, &holder.public().did(), Some(&mut lists), "PQF-6");
    let r = publish(&h, &college, &[&jws], lists.both(&college)).await;
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
    let (jws, id, index) = issue(
        &college,
        &SecretKey::generate().public().did(),
        Some(&mut lists),
        "PQF-5",
    );
    let (_, _, other) = issue(
        &college,
        &SecretKey::generate().public().did(),
        Some(&mut lists),
        "PQF-5",
    );
    assert_eq!(
        publish(&h, &college, &[&jws], lists.both(&college))
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
async fn the_bundle_answers_304_to_its_etag_and_changes_after_an_accreditation() {
    let h = Harness::new();
    let r = h.call("GET", "/bundle", b"", None).await;
    let etag = r.etag.clone().unwrap();
    assert!(etag.starts_with('"'));
    let again = h
        .raw(
            Request::get("/bundle")
                .header("if-none-match", &etag)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.body.is_empty());
    h.college("College").await;
    let after = h
        .raw(
            Request::get("/bundle")
                .header("if-none-match", &etag)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
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
async fn holder_and_grantee_read_a_credential_and_the_grant_can_be_revoked() {
    let h = Harness::new();
    let college = h.college("College").await;
    let holder = SecretKey::generate();
    let employer = SecretKey::generate();
    let (jws, id, _) = issue(&college, &holder.public().did(), None, "PQF-6");
    assert_eq!(
        publish(&h, &college, &[&jws], vec![]).await.status,
        StatusCode::CREATED
    );
    let path = format!("/credentials/{id}");
    for reader in [&college, &holder] {
        let r = h.call("GET", &path, b"", Some(reader)).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        assert_eq!(r.json()["jws"], jws);
    }
    let g = h
        .post(
            &format!("{path}/grants"),
            json!({"grantee": employer.public().did(), "expiresAt": h.now() + Duration::hours(2)}),
            &holder,
        )
        .await;
    assert_eq!(g.status, StatusCode::CREATED, "{}", g.text());
    assert_eq!(
        h.call("GET", &path, b"", Some(&employer)).await.status,
        StatusCode::OK
    );
    let grant_id = g.json()["id"].as_str().unwrap().to_owned();
    let d = h
        .call(
            "DELETE",
            &format!("{path}/grants/{grant_id}"),
            b"",
            Some(&holder),
        )
        .await;
    assert_eq!(d.status, StatusCode::OK, "{}", d.text());
    let r = h.call("GET", &path, b"", Some(&employer)).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "grant_revoked")
    );
}

#[tokio::test]
async fn key_rotation_keeps_the_old_key_with_its_end_and_old_credentials_verify() {
    let h = Harness::new();
    let college = h.college("College").await;
    let did = college.public().did();
    let (old_jws, _, _) = issue(
        &college,
        &SecretKey::generate().public().did(),
        None,
        "PQF-6",
    );
    assert_eq!(
        publish(&h, &college, &[&old_jws], vec![]).await.status,
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
    let (jws, _, _) = issue(
        &college,
        &SecretKey::generate().public().did(),
        None,
        "PQF-6",
    );
    assert_eq!(
        publish(&h, &college, &[&jws], vec![]).await.status,
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
async fn every_change_is_in_the_hash_chained_log() {
    let h = Harness::new();
    let college = h.college("College").await;
    let (jws, _, _) = issue(
        &college,
        &SecretKey::generate().public().did(),
        None,
        "PQF-6",
    );
    publish(&h, &college, &[&jws], vec![]).await;
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

// ---------- rejections (issue 3, acceptance point 2) ----------

#[tokio::test]
async fn an_unsigned_write_is_refused_as_unauthenticated() {
    let h = Harness::new();
    let r = h
        .call("POST", "/issuers", br#"{"name":"X","country":"PH"}"#, None)
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNAUTHORIZED, "unauthenticated")
    );
}

#[tokio::test]
async fn a_request_whose_body_was_changed_after_signing_is_a_bad_signature() {
    let h = Harness::new();
    let key = SecretKey::generate();
    let auth = sign_request(&key, "POST", "/issuers", br#"{"name":"X","country":"PH"}"#);
    let req = Request::post("/issuers")
        .header("content-type", "application/json")
        .header("authorization", auth)
        .body(Body::from(r#"{"name":"Y","country":"PH"}"#))
        .unwrap();
    let r = h.raw(req).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNAUTHORIZED, "bad_signature")
    );
}

#[tokio::test]
async fn a_publish_signed_by_an_unknown_key_is_refused() {
    let h = Harness::new();
    let stranger = SecretKey::generate();
    let (jws, _, _) = issue(
        &stranger,
        &SecretKey::generate().public().did(),
        None,
        "PQF-6",
    );
    let r = publish(&h, &stranger, &[&jws], vec![]).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNAUTHORIZED, "unknown_key")
    );
}

#[tokio::test]
async fn a_replayed_request_is_refused() {
    let h = Harness::new();
    let key = SecretKey::generate();
    let body = br#"{"name":"X","country":"PH"}"#;
    let auth = sign_request(&key, "POST", "/issuers", body);
    let send = || {
        Request::post("/issuers")
            .header("content-type", "application/json")
            .header("authorization", &auth)
            .body(Body::from(&body[..]))
            .unwrap()
    };
    assert_eq!(h.raw(send()).await.status, StatusCode::CREATED);
    let r = h.raw(send()).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNAUTHORIZED, "replayed_request")
    );
}

#[tokio::test]
async fn a_request_with_a_stale_timestamp_is_refused() {
    let h = Harness::new();
    let key = SecretKey::generate();
    let body = br#"{"name":"X","country":"PH"}"#;
    let iat = h.now().timestamp() - 3600;
    let auth = sign_request_at(
        &key,
        "POST",
        "/issuers",
        body,
        iat,
        "abcdefghijklmnopqrstuv",
    );
    let r = h
        .raw(
            Request::post("/issuers")
                .header("content-type", "application/json")
                .header("authorization", auth)
                .body(Body::from(&body[..]))
                .unwrap(),
        )
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNAUTHORIZED, "stale_request")
    );
}

#[tokio::test]
async fn issuer_b_cannot_revoke_issuer_a_credential() {
    let h = Harness::new();
    let a = h.college("College A").await;
    let b = h.college("College B").await;
    let mut lists_a = Lists::new(&a.public().did());
    let (jws, id, index) = issue(
        &a,
        &SecretKey::generate().public().did(),
        Some(&mut lists_a),
        "PQF-6",
    );
    assert_eq!(
        publish(&h, &a, &[&jws], lists_a.both(&a)).await.status,
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

#[tokio::test]
async fn publishing_a_credential_above_the_accredited_level_is_refused() {
    let h = Harness::new();
    let college = h.college("College").await;
    let (jws, _, _) = issue(
        &college,
        &SecretKey::generate().public().did(),
        None,
        "PQF-8",
    );
    let r = publish(&h, &college, &[&jws], vec![]).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "out_of_scope"),
        "{}",
        r.text()
    );
}

#[tokio::test]
async fn publishing_a_credential_of_another_type_than_accredited_is_refused() {
    let h = Harness::new();
    let key = SecretKey::generate();
    let did = h.register(&key, "Skills centre").await;
    h.accredit(&did, &["SkillCredential"]).await;
    let (jws, _, _) = issue(&key, &SecretKey::generate().public().did(), None, "PQF-4");
    let r = publish(&h, &key, &[&jws], vec![]).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "out_of_scope")
    );
}

#[tokio::test]
async fn publishing_after_withdrawal_is_refused() {
    let h = Harness::new();
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
    let (jws, _, _) = issue(
        &college,
        &SecretKey::generate().public().did(),
        None,
        "PQF-6",
    );
    let r = publish(&h, &college, &[&jws], vec![]).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "issuer_not_accredited")
    );
}

#[tokio::test]
async fn publishing_a_credential_of_another_issuer_is_refused() {
    let h = Harness::new();
    let a = h.college("A").await;
    let b = h.college("B").await;
    let (jws, _, _) = issue(&a, &SecretKey::generate().public().did(), None, "PQF-6");
    let r = publish(&h, &b, &[&jws], vec![]).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "forbidden")
    );
}

#[tokio::test]
async fn reading_a_credential_without_being_issuer_holder_or_grantee_is_refused() {
    let h = Harness::new();
    let college = h.college("College").await;
    let (jws, id, _) = issue(
        &college,
        &SecretKey::generate().public().did(),
        None,
        "PQF-6",
    );
    publish(&h, &college, &[&jws], vec![]).await;
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
    let college = h.college("College").await;
    let holder = SecretKey::generate();
    let employer = SecretKey::generate();
    let (jws, id, _) = issue(&college, &holder.public().did(), None, "PQF-6");
    publish(&h, &college, &[&jws], vec![]).await;
    let g = h
        .post(
            &format!("/credentials/{id}/grants"),
            json!({"grantee": employer.public().did(), "expiresAt": h.now() + Duration::hours(1)}),
            &holder,
        )
        .await;
    assert_eq!(g.status, StatusCode::CREATED);
    h.advance(Duration::hours(2));
    let r = h
        .call("GET", &format!("/credentials/{id}"), b"", Some(&employer))
        .await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "grant_expired")
    );
}

#[tokio::test]
async fn reading_with_a_revoked_grant_is_refused_and_only_the_holder_may_revoke_it() {
    let h = Harness::new();
    let college = h.college("College").await;
    let holder = SecretKey::generate();
    let employer = SecretKey::generate();
    let (jws, id, _) = issue(&college, &holder.public().did(), None, "PQF-6");
    publish(&h, &college, &[&jws], vec![]).await;
    let path = format!("/credentials/{id}");
    let g = h
        .post(
            &format!("{path}/grants"),
            json!({"grantee": employer.public().did(), "expiresAt": h.now() + Duration::hours(1)}),
            &holder,
        )
        .await;
    let grant = format!("{path}/grants/{}", g.json()["id"].as_str().unwrap());
    // Neither the grantee nor the issuer can withdraw the holder's grant.
    for other in [&employer, &college] {
        let r = h.call("DELETE", &grant, b"", Some(other)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.text());
    }
    assert_eq!(
        h.call("GET", &path, b"", Some(&employer)).await.status,
        StatusCode::OK
    );
    assert_eq!(
        h.call("DELETE", &grant, b"", Some(&holder)).await.status,
        StatusCode::OK
    );
    let r = h.call("GET", &path, b"", Some(&employer)).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::FORBIDDEN, "grant_revoked")
    );
}

#[tokio::test]
async fn only_the_holder_can_grant() {
    let h = Harness::new();
    let college = h.college("College").await;
    let (jws, id, _) = issue(
        &college,
        &SecretKey::generate().public().did(),
        None,
        "PQF-6",
    );
    publish(&h, &college, &[&jws], vec![]).await;
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

#[tokio::test]
async fn a_body_over_the_limit_is_refused_with_413() {
    let h = Harness::with_settings(Settings {
        max_body_bytes: 2048,
        ..Settings::default()
    });
    let key = SecretKey::generate();
    let body = json!({"name": "x".repeat(4096), "country": "PH"});
    let r = h.post("/issuers", body, &key).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, "body_too_large")
    );
}

#[tokio::test]
async fn malformed_json_is_refused_in_the_api_error_format() {
    let h = Harness::new();
    let key = SecretKey::generate();
    let r = h.call("POST", "/issuers", b"{\"name\": ", Some(&key)).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::BAD_REQUEST, "malformed_json")
    );
    let r = h
        .call(
            "POST",
            "/issuers",
            br#"{"name":"a","name":"b","country":"PH"}"#,
            Some(&key),
        )
        .await;
    assert_eq!(r.code(), "malformed_json");
}

#[tokio::test]
async fn an_unknown_route_is_a_json_404() {
    let h = Harness::new();
    let r = h.call("GET", "/no/such/route", b"", None).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::NOT_FOUND, "not_found")
    );
    let r = h.call("PUT", "/bundle", b"", None).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed")
    );
}

#[tokio::test]
async fn server_errors_hide_their_details() {
    let h = Harness::new();
    let mut batch = Batch::default();
    batch.put(
        Tree::IssuerdidIssuer,
        b"did:key:broken".to_vec(),
        b"not json".to_vec(),
    );
    h.state.store().apply(batch).unwrap();
    let r = h.call("GET", "/issuers", b"", None).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::INTERNAL_SERVER_ERROR, "internal_error")
    );
    assert!(!r.text().contains("issuerdid_issuer"));
}

// ---------- OpenAPI ----------

/// Every route the router serves, by method and path template. Adding a route to the
/// router without documenting it (or the reverse) fails `openapi_lists_every_served_route`.
const ROUTES: &[(&str, &str)] = &[
    ("get", "/healthz"),
    ("get", "/openapi.json"),
    ("get", "/issuers"),
    ("post", "/issuers"),
    ("get", "/issuers/{did}"),
    ("get", "/issuers/{did}/jwks"),
    ("post", "/issuers/{did}/accredit"),
    ("post", "/issuers/{did}/suspend"),
    ("post", "/issuers/{did}/reinstate"),
    ("post", "/issuers/{did}/withdraw"),
    ("post", "/issuers/{did}/keys"),
    ("post", "/credentials"),
    ("get", "/credentials/{id}"),
    ("post", "/credentials/{id}/grants"),
    ("delete", "/credentials/{id}/grants/{grant}"),
    ("post", "/credentials/{id}/status"),
    ("get", "/status/{did}/{purpose}"),
    ("get", "/bundle"),
    ("get", "/log"),
    ("get", "/equivalence"),
    ("get", "/equivalence/frameworks"),
    ("get", "/authorities"),
    ("post", "/authorities"),
    ("get", "/decisions"),
    ("post", "/decisions"),
    ("get", "/decisions/{id}"),
    ("post", "/decisions/{id}/withdraw"),
    ("get", "/admin/backup"),
];

#[tokio::test]
async fn openapi_lists_every_served_route() {
    let h = Harness::new();
    let doc = h.call("GET", "/openapi.json", b"", None).await.json();
    let mut documented: Vec<(String, String)> = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            if ["get", "post", "put", "delete", "patch"].contains(&method.as_str()) {
                documented.push((method.clone(), path.clone()));
            }
        }
    }
    let mut expected: Vec<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| ((*m).to_owned(), (*p).to_owned()))
        .collect();
    documented.sort();
    expected.sort();
    assert_eq!(documented, expected);
    // And each documented route is really served: the router answers something other than
    // its unknown-route or wrong-method fallback.
    for (method, path) in &documented {
        let concrete = path
            .replace(
                "{did}",
                "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
            )
            .replace("{id}", "urn:uuid:x")
            .replace("{grant}", "g")
            .replace("{purpose}", "revocation");
        let r = h.call(&method.to_uppercase(), &concrete, b"", None).await;
        assert!(
            !["not_found", "method_not_allowed"].contains(&r.code().as_str()),
            "{method} {path} is documented but not served: {}",
            r.text()
        );
    }
}

// ---------- equivalence: frameworks, authorities, decisions (issue 4) ----------

const NURSING_DECISION: &str =
    include_str!("../../credential-core/testdata/equivalence/ph-de-nursing-decision.json");

/// The PH→DE nursing fixture as `authority` decides it. Its end date is moved a year past
/// the test clock so that these tests do not expire with the fixture's own end date.
fn nursing_decision(authority: &SecretKey) -> RecognitionDecision {
    let mut v: Value = serde_json::from_str(NURSING_DECISION).unwrap();
    v["authority"] = json!(authority.public().did());
    v["validUntil"] = json!(format_time(Utc::now() + Duration::days(365)));
    serde_json::from_value(v).unwrap()
}

/// A revision of `old`: a new id, superseding it, with a knowledge test only.
fn revision_of(old: &RecognitionDecision) -> RecognitionDecision {
    let mut new = old.clone();
    new.id = "urn:uuid:5f0c6b1e-8a3d-4c2e-9b7a-1d2e3f405163".into();
    new.supersedes = Some(old.id.clone());
    new.valid_from = Utc::now() - Duration::days(1);
    new.compensation = vec![
        CompensationMeasure::KnowledgeTest,
        CompensationMeasure::Language {
            language: "de".into(),
            level: CefrLevel::B2,
        },
    ];
    new
}

impl Harness {
    /// Registers a new authority for `country` (by the operator) and returns its key.
    async fn authority(&self, country: &str) -> SecretKey {
        let key = SecretKey::generate();
        let r = self
            .post(
                "/authorities",
                json!({"id": key.public().did(), "name": format!("Example {country} Recognition Office"),
                       "country": country, "jurisdiction": "nursing"}),
                &self.operator,
            )
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
        key
    }

    /// `signer` sends `decision` signed by `author`.
    async fn send_decision(
        &self,
        path: &str,
        author: &SecretKey,
        decision: &RecognitionDecision,
        signer: &SecretKey,
    ) -> Reply {
        let jws = sign_decision(author, decision).unwrap();
        self.post(path, json!({ "jws": jws }), signer).await
    }

    async fn publish_decision(&self, key: &SecretKey, decision: &RecognitionDecision) -> Reply {
        self.send_decision("/decisions", key, decision, key).await
    }

    async fn get(&self, path: &str) -> Reply {
        self.call("GET", path, b"", None).await
    }
}

#[tokio::test]
async fn a_fresh_registry_answers_rqf_3_to_germany_with_dqr_4_via_eqf_4() {
    let h = Harness::new();
    let r = h.get("/equivalence?level=RQF-3&to=DE").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let answer = r.json();
    // RQF-3 is the deprecated id of RQF-GB-ENG-3; answers name canonical ids.
    assert_eq!(answer["comparable"][0]["level"], "DQR-DE-4");
    let path: Vec<&str> = answer["comparable"][0]["path"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["to"].as_str().unwrap())
        .collect();
    assert_eq!(path, ["EQF-4", "DQR-DE-4"]);
    assert_eq!(answer["decisions"], json!([]));
}

#[tokio::test]
async fn a_fresh_registry_answers_dqr_6_to_eqf_with_eqf_6() {
    let h = Harness::new();
    let answer = h.get("/equivalence?level=DQR-6&to=EQF").await.json();
    assert_eq!(answer["comparable"][0]["level"], "EQF-6");
    assert_eq!(answer["comparable"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_level_without_official_referencing_gets_a_note_and_no_guessed_level() {
    let h = Harness::new();
    let answer = h.get("/equivalence?level=NCQF-BW-7&to=DE").await.json();
    assert_eq!(answer["comparable"], json!([]));
    assert_eq!(answer["nothingKnown"], true);
    let notes = answer["notes"].to_string();
    assert!(notes.contains("no official referencing"), "{notes}");
    assert!(!answer.to_string().contains("DQR-"), "{answer}");
}

#[tokio::test]
async fn the_frameworks_route_lists_the_shipped_catalog_with_its_referencings() {
    let h = Harness::new();
    let list = h.get("/equivalence/frameworks").await.json();
    let pqf = list
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "PQF-PH")
        .unwrap();
    assert_eq!(pqf["country"], "PH");
    assert!(pqf["levels"]
        .as_array()
        .unwrap()
        .contains(&json!("PQF-PH-6")));
    let botswana = list
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "NCQF-BW")
        .unwrap();
    assert!(botswana["referencings"].to_string().contains("none"));
}

#[tokio::test]
async fn an_equivalence_query_with_bad_parameters_is_refused_with_a_code() {
    let h = Harness::new();
    for (path, status, code) in [
        (
            "/equivalence?to=DE",
            StatusCode::BAD_REQUEST,
            "invalid_query",
        ),
        (
            "/equivalence?level=PQF-12&to=DE",
            StatusCode::UNPROCESSABLE_ENTITY,
            "unknown_level",
        ),
        (
            "/equivalence?level=PQF-6&to=de",
            StatusCode::BAD_REQUEST,
            "invalid_destination",
        ),
        (
            "/equivalence?level=PQF-6&to=DE&at=yesterday",
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
        ),
        (
            "/equivalence?level=PQF-6&to=DE&field=nursing",
            StatusCode::BAD_REQUEST,
            "invalid_parameter",
        ),
    ] {
        let r = h.get(path).await;
        assert_eq!((r.status, r.code().as_str()), (status, code), "{path}");
    }
}

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
    let kinds = log_kinds(&h).await;
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

async fn log_kinds(h: &Harness) -> Vec<String> {
    let all = h.get("/log").await.json();
    let mut v = ChainVerifier::default();
    all["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            v.push_raw(e["seq"].as_u64().unwrap(), e).unwrap();
            e["kind"].as_str().unwrap().to_owned()
        })
        .collect()
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
        log_kinds(&h).await,
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

    let (jws, _, _) = issue(
        &college,
        &SecretKey::generate().public().did(),
        None,
        "PQF-6",
    );
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
        publish(&h, &college, &[&first], vec![]).await.status,
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

    let r = publish(&h, &college, &[&second], vec![]).await;
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
    let (old, _, _) = issue(
        &college,
        &SecretKey::generate().public().did(),
        None,
        "PQF-6",
    );
    h.advance(Duration::hours(1));
    h.accredit(&did, &["QualificationCredential:PQF-5"]).await;
    let issuer = h.get(&format!("/issuers/{did}")).await.json();
    assert_eq!(
        issuer["accreditation"]["earlier"][0]["scope"][0]["maxLevel"],
        "PQF-6"
    );
    // Issued under the first period (PQF-6 allowed then): still publishable and valid.
    let r = publish(&h, &college, &[&old], vec![]).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
}

#[tokio::test]
async fn reinstating_lifts_a_suspension_and_keeps_the_accreditation_start() {
    let h = Harness::new();
    let college = h.college("College").await;
    let did = college.public().did();
    let before = h.get(&format!("/issuers/{did}")).await.json();
    let (jws, _, _) = issue(
        &college,
        &SecretKey::generate().public().did(),
        None,
        "PQF-6",
    );
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
    assert!(log_kinds(&h)
        .await
        .contains(&"issuer_reinstated".to_owned()));
    // Issued before the suspension: publishable again once it is lifted.
    let r = publish(&h, &college, &[&jws], vec![]).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
}

/// Issue 9, point 2: a signed list update used to be accepted with any other change riding
/// along, which then appeared in the public list and bundle.
#[tokio::test]
async fn a_status_list_update_that_changes_anything_but_the_bit_is_refused() {
    let h = Harness::new();
    let college = h.college("College").await;
    let mut lists = Lists::new(&college.public().did());
    let (jws, id, index) = issue(
        &college,
        &SecretKey::generate().public().did(),
        Some(&mut lists),
        "PQF-6",
    );
    let r = publish(&h, &college, &[&jws], lists.both(&college)).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    let path = format!("/status/{}/revocation", college.public().did());
    let before = h.get(&path).await.text();
    lists.revocation.set_status(index, true).unwrap();
    let sign = |doc: &Value| {
        jws::sign(
            &college,
            &Header::new("vc+jwt", &college.public().did_url()),
            &serde_json::to_vec(doc).unwrap(),
        )
    };
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
    let signed = jws::sign(
        &college,
        &Header::new("vc+jwt", &college.public().did_url()),
        &serde_json::to_vec(&doc).unwrap(),
    );
    let r = publish(&h, &college, &[], vec![signed]).await;
    assert_eq!(
        (r.status, r.code().as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, "invalid_status_list"),
        "{}",
        r.text()
    );
    assert!(r.text().contains("credentialSubject.name"));
}
