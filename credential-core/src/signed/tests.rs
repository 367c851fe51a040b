use serde_json::json;

use super::*;
use crate::jws::{self, Header, JwsError};
use crate::keys::SecretKey;
use crate::request::sign_key_proof;
use crate::trust::TrustBundle;

fn signed(key: &SecretKey, typ: &str, payload: &serde_json::Value) -> String {
    jws::sign(
        key,
        &Header::new(typ, &key.public().did_url()),
        payload.to_string().as_bytes(),
    )
}

#[test]
fn a_document_opens_with_the_key_its_kind_names_and_decodes_its_payload() {
    let key = SecretKey::generate();
    let proof = sign_key_proof(&key, "did:key:zIssuer");
    let opened = open::<KeyProofJwt>(&proof, &key.public()).unwrap();
    assert_eq!(opened.payload.issuer, "did:key:zIssuer");
    assert_eq!(opened.key, key.public());
    assert_eq!(opened.header.typ.as_deref(), Some(KeyProofJwt::TYP));
}

#[test]
fn a_document_of_another_kind_is_refused_by_its_typ() {
    let key = SecretKey::generate();
    let proof = sign_key_proof(&key, "did:key:zIssuer");
    assert!(matches!(
        open::<RequestJwt>(&proof, &KidDidKey),
        Err(OpenError::Typ {
            expected: "skillpass-request+jwt"
        })
    ));
}

#[test]
fn a_document_over_its_kinds_limit_is_refused_before_parsing() {
    let big = "a".repeat(KeyBindingJwt::MAX_LEN + 1);
    assert!(matches!(
        open::<KeyBindingJwt>(&big, &SecretKey::generate().public()),
        Err(OpenError::Jws(JwsError::TooLarge { .. }))
    ));
    assert!(matches!(
        peek_json::<KeyBindingJwt>(&big),
        Err(PeekError::Jws(JwsError::TooLarge { .. }))
    ));
}

#[test]
fn a_signature_by_another_key_is_refused_and_the_payload_is_never_decoded() {
    let key = SecretKey::generate();
    let other = SecretKey::generate();
    // Not a decision at all: the signature must fail first.
    let jws = signed(&key, DecisionJwt::TYP, &json!({"not": "a decision"}));
    let forged = jws::sign(
        &other,
        &Header::new(DecisionJwt::TYP, &key.public().did_url()),
        br#"{"not":"a decision"}"#,
    );
    assert!(matches!(
        open::<DecisionJwt>(&forged, &KidDidKey),
        Err(OpenError::Signature)
    ));
    assert!(matches!(
        open::<DecisionJwt>(&jws, &KidDidKey),
        Err(OpenError::Decode(_))
    ));
}

#[test]
fn a_kid_that_is_no_did_key_or_no_kid_at_all_finds_no_key() {
    let key = SecretKey::generate();
    let no_kid = jws::sign_raw(
        &key,
        br#"{"alg":"EdDSA","typ":"skillpass-request+jwt"}"#,
        b"{}",
    );
    assert!(matches!(
        open::<RequestJwt>(&no_kid, &KidDidKey),
        Err(OpenError::Key(KeyRefusal::NoKid))
    ));
    let bad_kid = jws::sign(
        &key,
        &Header::new(RequestJwt::TYP, "did:web:example.org"),
        b"{}",
    );
    assert!(matches!(
        open::<RequestJwt>(&bad_kid, &KidDidKey),
        Err(OpenError::Key(KeyRefusal::NotDidKey(_)))
    ));
}

#[test]
fn duplicate_keys_in_an_authenticated_payload_are_refused() {
    let key = SecretKey::generate();
    let jws = jws::sign(
        &key,
        &Header::new(KeyProofJwt::TYP, &key.public().did_url()),
        br#"{"issuer":"a","issuer":"b"}"#,
    );
    assert!(matches!(
        open::<KeyProofJwt>(&jws, &key.public()),
        Err(OpenError::Json(_))
    ));
}

#[test]
fn peeking_reads_an_unverified_payload_without_its_signature() {
    let key = SecretKey::generate();
    let bundle: TrustBundle = serde_json::from_value(json!({
        "type": "SkillpassTrustBundle", "version": 1, "sequence": 4,
        "issuedAt": "2026-01-01T00:00:00Z", "nextUpdate": "2026-02-01T00:00:00Z",
        "anchor": key.public().did(), "issuers": []
    }))
    .unwrap();
    let jws = signed(
        &key,
        BundleJwt::TYP,
        &serde_json::to_value(&bundle).unwrap(),
    );
    let mut tampered = jws.clone();
    tampered.push('A'); // breaks the signature segment's length
    assert_eq!(peek_unverified::<BundleJwt>(&jws).unwrap().sequence, 4);
    assert!(peek_unverified::<BundleJwt>(&tampered).is_err());
}

#[test]
fn status_lists_are_accepted_whatever_their_typ_and_every_other_kind_checks_it() {
    assert!(StatusListJwt::typ_ok(None));
    assert!(StatusListJwt::typ_ok(Some("JWT")));
    assert!(!CredentialJwt::typ_ok(None));
    assert!(!BundleJwt::typ_ok(Some("vc+jwt")));
    assert_eq!(StatusListJwt::KEY, KeyRule::Bundle);
    assert_eq!(BundleJwt::KEY, KeyRule::Anchor);
}
