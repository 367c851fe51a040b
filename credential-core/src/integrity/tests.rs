use chrono::Duration;
use serde_json::{json, Value};

use super::*;
use crate::keys::SecretKey;
use crate::testutil::Fixture;

fn secured(f: &Fixture, form: ProofForm) -> Value {
    let doc = f.document_for(&f.holder.public().did());
    sign(&doc, &f.college, &f.college.public().did_url(), f.now, form).unwrap()
}

#[test]
fn a_signed_credential_verifies_in_either_proof_form() {
    let f = Fixture::new();
    for form in [ProofForm::Object, ProofForm::Array] {
        let doc = secured(&f, form);
        let read = verify(&doc, &f.college.public()).unwrap();
        assert_eq!(read.proof.verification_method, f.college.public().did_url());
        assert_eq!(read.proof.created, Some(f.now));
        assert!(read.unsecured.get("proof").is_none());
    }
    assert!(secured(&f, ProofForm::Array)["proof"].is_array());
}

#[test]
fn flipping_one_claim_breaks_the_signature() {
    let f = Fixture::new();
    let mut doc = secured(&f, ProofForm::Object);
    doc["credentialSubject"]["qualification"]["frameworkLevels"] = json!(["PQF-7"]);
    assert_eq!(
        verify(&doc, &f.college.public()).unwrap_err(),
        IntegrityError::Signature
    );
}

#[test]
fn changing_the_proof_options_breaks_the_signature() {
    let f = Fixture::new();
    let mut doc = secured(&f, ProofForm::Object);
    doc["proof"]["created"] = json!(crate::format_time(f.now - Duration::days(1)));
    assert_eq!(
        verify(&doc, &f.college.public()).unwrap_err(),
        IntegrityError::Signature
    );
}

#[test]
fn another_key_does_not_verify() {
    let f = Fixture::new();
    let doc = secured(&f, ProofForm::Object);
    assert_eq!(
        verify(&doc, &SecretKey::generate().public()).unwrap_err(),
        IntegrityError::Signature
    );
}

#[test]
fn a_proof_of_another_suite_type_or_purpose_is_refused_by_name() {
    let f = Fixture::new();
    type Expect = fn(&IntegrityError) -> bool;
    let cases: [(&str, Value, Expect); 3] = [
        (
            "cryptosuite",
            json!("ecdsa-rdfc-2019"),
            |e| matches!(e, IntegrityError::Cryptosuite(s) if s == "ecdsa-rdfc-2019"),
        ),
        ("type", json!("Ed25519Signature2020"), |e| {
            matches!(e, IntegrityError::ProofType(_))
        }),
        ("proofPurpose", json!("authentication"), |e| {
            matches!(e, IntegrityError::Purpose(_, PROOF_PURPOSE))
        }),
    ];
    for (member, value, expected) in cases {
        let mut doc = secured(&f, ProofForm::Object);
        doc["proof"][member] = value;
        let e = verify(&doc, &f.college.public()).unwrap_err();
        assert!(expected(&e), "{member}: {e}");
    }
}

#[test]
fn a_malformed_proof_is_refused_before_any_canonicalization() {
    let f = Fixture::new();
    let good = secured(&f, ProofForm::Object);
    let mut no_proof = good.clone();
    no_proof.as_object_mut().unwrap().remove("proof");
    assert_eq!(
        SecuredDocument::read(&no_proof).unwrap_err(),
        IntegrityError::NoProof
    );
    let mut two = good.clone();
    two["proof"] = json!([good["proof"].clone(), good["proof"].clone()]);
    assert_eq!(
        SecuredDocument::read(&two).unwrap_err(),
        IntegrityError::ManyProofs
    );
    for (value, expected) in [
        (json!("uABC"), IntegrityError::ProofValue),
        (json!("z3"), IntegrityError::ProofValue),
        (json!(12), IntegrityError::ProofMember("proofValue")),
    ] {
        let mut doc = good.clone();
        doc["proof"]["proofValue"] = value;
        assert_eq!(SecuredDocument::read(&doc).unwrap_err(), expected);
    }
    let mut doc = good.clone();
    doc["proof"]["created"] = json!("yesterday");
    assert_eq!(
        SecuredDocument::read(&doc).unwrap_err(),
        IntegrityError::Created
    );
    let mut doc = good.clone();
    doc["proof"]["@context"] = json!(["https://www.w3.org/ns/credentials/v2"]);
    assert_eq!(
        SecuredDocument::read(&doc).unwrap_err(),
        IntegrityError::ProofContext
    );
    assert_eq!(
        SecuredDocument::read(&json!([1])).unwrap_err(),
        IntegrityError::NotAnObject
    );
}

#[test]
fn a_document_with_an_undefined_term_cannot_be_signed() {
    let f = Fixture::new();
    let mut doc = f.document_for(&f.holder.public().did());
    doc["credentialSubject"]["favouriteColour"] = json!("green");
    let e = sign(
        &doc,
        &f.college,
        &f.college.public().did_url(),
        f.now,
        ProofForm::Object,
    )
    .unwrap_err();
    assert!(matches!(e, IntegrityError::JsonLd(_)), "{e}");
}

#[test]
fn a_document_already_secured_is_not_signed_twice() {
    let f = Fixture::new();
    let doc = secured(&f, ProofForm::Object);
    assert_eq!(
        sign(
            &doc,
            &f.college,
            &f.college.public().did_url(),
            f.now,
            ProofForm::Object
        )
        .unwrap_err(),
        IntegrityError::ManyProofs
    );
}

#[test]
fn a_credential_is_peeked_in_either_securing_and_refused_when_not_one() {
    let f = Fixture::new();
    let doc = f.document_for(&f.holder.public().did());
    let jws = crate::sign_document(&f.college, &f.college.public().did_url(), &doc).unwrap();
    let di = serde_json::to_string_pretty(&secured(&f, ProofForm::Object)).unwrap();
    for text in [jws.as_str(), di.as_str()] {
        let peeked = peek_credential_json(&format!("\n{text}\n")).unwrap();
        assert!(peeked.get("proof").is_none());
        assert_eq!(peeked["credentialSubject"], doc["credentialSubject"]);
        assert_eq!(
            peek_credential(text).unwrap().issuer,
            f.college.public().did()
        );
    }

    let huge = format!("{{\"x\": \"{}\"}}", "a".repeat(MAX_DI_CREDENTIAL_LEN));
    assert!(matches!(
        peek_credential_json(&huge),
        Err(crate::signed::PeekError::Jws(
            crate::jws::JwsError::TooLarge { .. }
        ))
    ));
    let duplicate = di.replacen("{", "{\"id\": \"urn:uuid:x\",", 1);
    assert!(matches!(
        peek_credential_json(&duplicate),
        Err(crate::signed::PeekError::Json(_))
    ));
    assert!(matches!(
        peek_credential("{\"type\": [\"VerifiableCredential\"]}"),
        Err(crate::signed::PeekError::Decode(_))
    ));
}
