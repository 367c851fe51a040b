//! The `eddsa-rdfc-2022` cryptosuite against the W3C VC Data Integrity EdDSA test vectors
//! (`testdata/di-eddsa/`, see its README): the canonical document and proof
//! configuration, their hashes, the signature Skillpass makes with the vector key, and
//! the verification of the published signed credential.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::path::Path;

use chrono::{DateTime, Utc};
use credential_core::integrity::{self, ProofForm, SecuredDocument};
use credential_core::jsonld::{canonicalize, to_dataset_with};
use credential_core::{PublicKey, SecretKey};
use serde_json::Value;
use sha2::{Digest as _, Sha256};

const EXAMPLES_V2: &str = "https://www.w3.org/ns/credentials/examples/v2";

fn read(name: &str) -> String {
    let dir = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/di-eddsa"));
    std::fs::read_to_string(dir.join(name)).unwrap()
}

fn extra() -> Vec<(&'static str, String)> {
    vec![(EXAMPLES_V2, read("credentials-examples-v2.jsonld"))]
}

fn canonical(doc: &Value) -> String {
    let extra = extra();
    let extra: Vec<(&str, &str)> = extra.iter().map(|(u, t)| (*u, t.as_str())).collect();
    canonicalize(&to_dataset_with(doc, &extra).unwrap()).unwrap()
}

fn signed() -> Value {
    serde_json::from_str(&read("signedDataInt.json")).unwrap()
}

/// The vector key: multibase base58btc of multicodec `ed25519-priv` (0x8026) + seed.
fn vector_key() -> SecretKey {
    let pair: Value = serde_json::from_str(&read("keyPair.json")).unwrap();
    let private = pair["privateKeyMultibase"].as_str().unwrap();
    let bytes = bs58::decode(&private[1..]).into_vec().unwrap();
    assert_eq!(&bytes[..2], &[0x80, 0x26]);
    let key = SecretKey::from_bytes(&bytes[2..].try_into().unwrap());
    let public = pair["publicKeyMultibase"].as_str().unwrap();
    assert_eq!(key.public().did(), format!("did:key:{public}"));
    key
}

#[test]
fn the_credential_canonicalizes_to_the_vectors_nquads() {
    let mut doc = signed();
    doc.as_object_mut().unwrap().remove("proof");
    let nquads = canonical(&doc);
    assert_eq!(nquads, read("canonDocDataInt.txt"));
    assert_eq!(
        hex::encode(Sha256::digest(nquads.as_bytes())),
        read("docHashDataInt.txt").trim()
    );
}

#[test]
fn the_proof_configuration_canonicalizes_to_the_vectors_nquads() {
    let config: Value = serde_json::from_str(&read("proofConfigDataInt.json")).unwrap();
    let nquads = canonical(&config);
    assert_eq!(nquads, read("proofCanonDataInt.txt"));
    assert_eq!(
        hex::encode(Sha256::digest(nquads.as_bytes())),
        read("proofHashDataInt.txt").trim()
    );
}

#[test]
fn signing_with_the_vector_key_gives_the_vectors_proof_value() {
    // The vector's context includes the W3C examples context, which Skillpass does not
    // ship; the hash data is computed the same way, so compare the pieces instead of
    // calling `integrity::sign` (which only knows the shipped contexts).
    let key = vector_key();
    let mut combined = hex::decode(read("proofHashDataInt.txt").trim()).unwrap();
    combined.extend(hex::decode(read("docHashDataInt.txt").trim()).unwrap());
    assert_eq!(
        hex::encode(&combined),
        read("combinedHashDataInt.txt").trim()
    );
    let signature = key.sign(&combined);
    assert_eq!(hex::encode(&signature), read("sigHexDataInt.txt").trim());
    assert_eq!(
        format!("z{}", bs58::encode(signature).into_string()),
        read("sigBTC58DataInt.txt").trim()
    );
    assert_eq!(
        signed()["proof"]["proofValue"].as_str().unwrap(),
        read("sigBTC58DataInt.txt").trim()
    );
}

#[test]
fn the_published_signed_credential_verifies_and_an_altered_one_does_not() {
    let secured = SecuredDocument::read(&signed()).unwrap();
    secured.check_suite().unwrap();
    let vm = &secured.proof.verification_method;
    let key = PublicKey::from_did(vm).unwrap();
    let config = {
        let mut c: Value = serde_json::from_str(&read("proofConfigDataInt.json")).unwrap();
        c.as_object_mut().unwrap().remove("@context");
        c
    };
    let mut combined = Sha256::digest(canonical(&{
        let mut c = config.clone();
        c["@context"] = secured.unsecured["@context"].clone();
        c
    }))
    .to_vec();
    combined.extend(Sha256::digest(canonical(&secured.unsecured)));
    let hash: [u8; 64] = combined.try_into().unwrap();
    assert!(secured.signature_verifies(&hash, &key));
    let mut altered = secured.unsecured.clone();
    altered["credentialSubject"]["alumniOf"] = "The School of Counterexamples".into();
    let mut combined = Sha256::digest(canonical(&{
        let mut c = config;
        c["@context"] = secured.unsecured["@context"].clone();
        c
    }))
    .to_vec();
    combined.extend(Sha256::digest(canonical(&altered)));
    let hash: [u8; 64] = combined.try_into().unwrap();
    assert!(!secured.signature_verifies(&hash, &key));
}

#[test]
fn a_skillpass_credential_signed_with_the_vector_key_round_trips() {
    let key = vector_key();
    let claims: Value =
        serde_json::from_str(include_str!("../../examples/nurse-qualification.json")).unwrap();
    let created: DateTime<Utc> = "2024-02-24T23:36:38Z".parse().unwrap();
    let doc = credential_core::build_document(
        &claims,
        &key.public().did(),
        &credential_core::IssueOptions::new(created),
    )
    .unwrap();
    let secured = integrity::sign(
        &doc,
        &key,
        &key.public().did_url(),
        created,
        ProofForm::Object,
    )
    .unwrap();
    assert_eq!(secured["proof"]["cryptosuite"], "eddsa-rdfc-2022");
    assert_eq!(
        secured["proof"]["verificationMethod"].as_str().unwrap(),
        "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
    );
    integrity::verify(&secured, &key.public()).unwrap();
}
