//! IETF SD-JWT VC at the registry: the Type Metadata served where a `vct` points, the Token
//! Status List beside the Bitstring list (checked against it, never signed here), and
//! `dc+sd-jwt` credentials published like the others.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::{Duration, Utc};
use credential_core::sdjwt::issue_dc;
use credential_core::sdjwt_vc::{integrity, type_metadata_bytes, vct_for, TokenStatusList};
use credential_core::status::{IssuerStatusList, StatusEntry, StatusPurpose};
use credential_core::{build_document, CredentialKind, IssueOptions, SecretKey};
use registry_server::Settings;
use serde_json::{json, Value};

use crate::harness::{issue, Harness, Lists, Reply, NURSE};

const BASE: &str = "https://registry.test";

fn harness() -> Harness {
    Harness::with_settings(Settings {
        public_url: Some(BASE.to_owned()),
        ..Settings::default()
    })
}

/// The nurse's qualification by `key` as a `dc+sd-jwt` with a revocation entry in `list`:
/// the SD-JWT, its id and index.
fn issue_sd(key: &SecretKey, list: &mut IssuerStatusList) -> (String, String, usize) {
    let holder = SecretKey::generate();
    let mut claims: Value = serde_json::from_str(NURSE).unwrap();
    claims["credentialSubject"]["qualification"]["frameworkLevels"] = json!(["PQF-6"]);
    let mut options = IssueOptions::new(Utc::now());
    options.holder = Some(holder.public().did());
    let index = list.allocate(&mut rand::rngs::OsRng).unwrap();
    options.status = vec![StatusEntry::new(StatusPurpose::Revocation, index, &list.id)];
    let doc = build_document(&claims, &key.public().did(), &options).unwrap();
    // The personal claims are always selectively disclosable; nothing more here.
    let vct = vct_for(BASE, CredentialKind::Qualification);
    let text = issue_dc(key, &key.public().did_url(), &doc, &[], &vct).unwrap();
    assert!(
        text.matches('~').count() > 1,
        "birthDate travels as a disclosure"
    );
    (text, doc["id"].as_str().unwrap().to_owned(), index)
}

fn token(key: &SecretKey, list: &IssuerStatusList, exp_in: Duration) -> String {
    let now = Utc::now().timestamp();
    TokenStatusList::from_bitstring(&list.bits).sign(
        key,
        &key.public().did_url(),
        &list.id,
        now,
        now + exp_in.num_seconds(),
        3600,
    )
}

async fn get_accept(h: &Harness, path: &str, accept: &str) -> (Reply, Option<String>) {
    let req = Request::builder()
        .uri(path)
        .header("accept", accept)
        .body(Body::empty())
        .unwrap();
    let res = h.response(req).await;
    let ct = res
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned());
    let status = res.status();
    let body = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec();
    (
        Reply {
            status,
            body,
            etag: None,
        },
        ct,
    )
}

#[tokio::test]
async fn type_metadata_is_served_where_the_vct_points_with_the_bytes_its_integrity_names() {
    let h = harness();
    for kind in [CredentialKind::Qualification, CredentialKind::Skill] {
        let vct = vct_for(BASE, kind);
        let r = h.get(&format!("/types/{}", kind.as_str())).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.text());
        assert_eq!(r.body, type_metadata_bytes(&vct, kind));
        assert_eq!(r.json()["vct"], vct);
        // What the issuer wrote in vct#integrity is the digest of what is served.
        assert_eq!(
            integrity(&r.body),
            integrity(&type_metadata_bytes(&vct, kind))
        );
    }
}

#[tokio::test]
async fn an_unknown_type_or_a_registry_without_a_public_url_serves_no_type_metadata() {
    let r = harness().get("/types/PassportCredential").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.code(), "not_found");
    assert!(r.text().contains("QualificationCredential"), "{}", r.text());
    let r = Harness::new().get("/types/QualificationCredential").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.text().contains("--public-url"), "{}", r.text());
}

#[tokio::test]
async fn a_dc_sd_jwt_is_published_with_its_token_list_and_revoking_it_updates_both_lists() {
    let h = harness();
    let college = h.college("Manila College").await;
    let mut lists = Lists::new(&college.public().did());
    let (sd, id, index) = issue_sd(&college, &mut lists.revocation);
    let body = json!({
        "credentials": [sd],
        "statusLists": lists.both(&college),
        "tokenStatusLists": [token(&college, &lists.revocation, Duration::days(1))],
    });
    let r = h.post("/credentials", body, &college).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(r.json()["published"], json!([id]));
    assert!(h
        .log_kinds()
        .await
        .contains(&"token_status_list_published".to_owned()));

    // The holder reads it back as published.
    let path = format!("/status/{}/revocation", college.public().did());
    let (r, ct) = get_accept(&h, &path, "application/statuslist+jwt").await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    assert_eq!(ct.as_deref(), Some("application/statuslist+jwt"));
    let (_, list) = TokenStatusList::open(&r.text(), &college.public()).unwrap();
    assert!(!list.get(index).unwrap());
    // Without the Accept header (or with another), the Bitstring list credential.
    let (r, ct) = get_accept(&h, &path, "application/vc+jwt, */*").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(ct.as_deref(), Some("application/vc+jwt"));
    assert_ne!(
        r.text(),
        TokenStatusList::from_bitstring(&lists.revocation.bits).encode_lst()
    );

    // Revoking sends both lists, re-signed by the issuer's client.
    lists.revocation.set_status(index, true).unwrap();
    let body = json!({
        "purpose": "revocation", "value": true,
        "statusList": Lists::signed(&college, &lists.revocation),
        "tokenStatusList": token(&college, &lists.revocation, Duration::days(1)),
    });
    let r = h
        .post(&format!("/credentials/{id}/status"), body, &college)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let (r, _) = get_accept(
        &h,
        &path,
        "application/json;q=0.5, application/statuslist+jwt",
    )
    .await;
    let (_, list) = TokenStatusList::open(&r.text(), &college.public()).unwrap();
    assert!(list.get(index).unwrap(), "the token list reads revoked");
}

#[tokio::test]
async fn a_status_change_without_a_token_drops_the_old_token_rather_than_serve_it_stale() {
    let h = harness();
    let college = h.college("College").await;
    let mut lists = Lists::new(&college.public().did());
    let (sd, id, index) = issue_sd(&college, &mut lists.revocation);
    let body = json!({
        "credentials": [sd], "statusLists": lists.both(&college),
        "tokenStatusLists": [token(&college, &lists.revocation, Duration::days(1))],
    });
    assert_eq!(
        h.post("/credentials", body, &college).await.status,
        StatusCode::CREATED
    );
    lists.revocation.set_status(index, true).unwrap();
    let body = json!({"purpose": "revocation", "value": true,
        "statusList": Lists::signed(&college, &lists.revocation)});
    let r = h
        .post(&format!("/credentials/{id}/status"), body, &college)
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.text());
    let path = format!("/status/{}/revocation", college.public().did());
    let (r, _) = get_accept(&h, &path, "application/statuslist+jwt").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.code(), "unknown_status_list");
    // A list that never had one says so too; the Bitstring list is still there.
    let (r, _) = get_accept(&h, &path, "application/vc+jwt").await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn token_lists_that_disagree_with_the_bitstring_list_or_are_not_the_issuers_are_refused() {
    let h = harness();
    let college = h.college("College").await;
    let mut lists = Lists::new(&college.public().did());
    let (sd, id, index) = issue_sd(&college, &mut lists.revocation);
    let publish = |tokens: Vec<String>| json!({"credentials": [sd.clone()], "statusLists": lists.both(&college), "tokenStatusLists": tokens});
    let mut flipped = lists.revocation.clone();
    flipped.set_status(index, true).unwrap();
    let stranger = SecretKey::generate();
    let mut other_list = lists.revocation.clone();
    other_list.id = "https://registry.test/status/elsewhere".into();
    let garbage = "eyJhbGciOiJFZERTQSJ9.e30.AAAA".to_owned();
    for (tokens, status, code) in [
        // Bits that say revoked while the Bitstring list says valid.
        (
            vec![token(&college, &flipped, Duration::days(1))],
            422,
            "status_list_mismatch",
        ),
        // Signed by someone else.
        (
            vec![token(&stranger, &lists.revocation, Duration::days(1))],
            422,
            "invalid_status_list",
        ),
        // Expired.
        (
            vec![token(&college, &lists.revocation, Duration::seconds(-60))],
            422,
            "invalid_status_list",
        ),
        // Naming a list the registry does not hold.
        (
            vec![token(&college, &other_list, Duration::days(1))],
            422,
            "unknown_status_list",
        ),
        (vec![garbage.clone()], 422, "invalid_status_list"),
    ] {
        let r = h.post("/credentials", publish(tokens), &college).await;
        assert_eq!(
            (r.status.as_u16(), r.code().as_str()),
            (status, code),
            "{}",
            r.text()
        );
    }
    // Nothing was stored by the refused requests.
    assert_eq!(
        h.post("/credentials", publish(vec![]), &college)
            .await
            .status,
        StatusCode::CREATED
    );
    let path = format!("/status/{}/revocation", college.public().did());
    assert_eq!(
        get_accept(&h, &path, "application/statuslist+jwt")
            .await
            .0
            .status,
        StatusCode::NOT_FOUND
    );

    // On a status change, a token not matching the new bits.
    lists.revocation.set_status(index, true).unwrap();
    let body = json!({"purpose": "revocation", "value": true,
        "statusList": Lists::signed(&college, &lists.revocation),
        "tokenStatusList": token(&college, &flipped_back(&lists.revocation, index), Duration::days(1))});
    let r = h
        .post(&format!("/credentials/{id}/status"), body, &college)
        .await;
    assert_eq!(
        (r.status.as_u16(), r.code().as_str()),
        (422, "status_list_mismatch"),
        "{}",
        r.text()
    );
}

fn flipped_back(list: &IssuerStatusList, index: usize) -> IssuerStatusList {
    let mut l = list.clone();
    l.set_status(index, false).unwrap();
    l
}

#[tokio::test]
async fn a_dc_sd_jwt_with_a_broken_disclosure_or_another_issuers_is_refused() {
    let h = harness();
    let college = h.college("College").await;
    let mut lists = Lists::new(&college.public().did());
    let (sd, _, _) = issue_sd(&college, &mut lists.revocation);
    // A disclosure that is not one of the issuer's digests.
    let mut parts: Vec<&str> = sd.split('~').collect();
    let forged = base64_url(r#"["salt","birthDate","1900-01-01"]"#);
    parts.insert(1, &forged);
    let tampered = parts.join("~");
    let r = h
        .publish(&college, &[&tampered], lists.both(&college))
        .await;
    assert_eq!(
        (r.status.as_u16(), r.code().as_str()),
        (422, "invalid_credential"),
        "{}",
        r.text()
    );
    // Another accredited issuer's SD-JWT VC sent by this one.
    let other = h.college("Other College").await;
    let mut other_lists = Lists::new(&other.public().did());
    let (theirs, _, _) = issue_sd(&other, &mut other_lists.revocation);
    let r = h.publish(&college, &[&theirs], lists.both(&college)).await;
    assert_eq!(
        (r.status.as_u16(), r.code().as_str()),
        (403, "forbidden"),
        "{}",
        r.text()
    );
    // A plain vc+jwt and a dc+sd-jwt in one batch are both published.
    let (plain, plain_id, _) = issue(
        &college,
        &SecretKey::generate().public().did(),
        None,
        "PQF-6",
    );
    let (sd2, sd2_id, _) = issue_sd(&college, &mut lists.revocation);
    let r = h
        .publish(&college, &[&plain, &sd2], lists.both(&college))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.text());
    assert_eq!(r.json()["published"], json!([plain_id, sd2_id]));
}

fn base64_url(s: &str) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s)
}
