//! The schemas in `schemas/` for documents other than credentials describe what the code
//! really produces: a bundle, a status list credential and a presentation made here are
//! validated against them, and broken variants are refused.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use chrono::{DateTime, Utc};
use credential_core::jws::{self, Header, UnverifiedJws};
use credential_core::status::{status_list_credential, IssuerStatusList, StatusPurpose};
use credential_core::trust::{sign_decision, AuthorityEntry};
use credential_core::{
    build_document, did_key_issuer, sign_document, BundleBuilder, IssueOptions, SecretKey,
};
use serde_json::{json, Value};

fn t(s: &str) -> DateTime<Utc> {
    credential_core::parse_time(s).unwrap()
}

fn validator(file: &str) -> jsonschema::Validator {
    let path = format!("{}/../schemas/{file}", env!("CARGO_MANIFEST_DIR"));
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap()
}

fn payload(compact: &str) -> Value {
    serde_json::from_slice(UnverifiedJws::parse(compact, usize::MAX).unwrap().payload()).unwrap()
}

fn assert_valid(v: &jsonschema::Validator, doc: &Value) {
    let errors: Vec<String> = v
        .iter_errors(doc)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn a_built_trust_bundle_matches_its_schema_and_a_broken_one_does_not() {
    let operator = SecretKey::from_bytes(&[1; 32]);
    let college = SecretKey::from_bytes(&[2; 32]);
    let authority = SecretKey::from_bytes(&[4; 32]);
    let from = t("2026-01-01T00:00:00Z");
    let list = IssuerStatusList::new(
        "urn:uuid:00000000-0000-4000-8000-00000000000a",
        StatusPurpose::Revocation,
    );
    let doc = status_list_credential(&college.public().did(), &list, from);
    let signed_list = jws::sign(
        &college,
        &Header::new("vc+jwt", &college.public().did_url()),
        &serde_json::to_vec(&doc).unwrap(),
    );
    let mut decision: credential_core::equivalence::RecognitionDecision = serde_json::from_str(
        include_str!("../testdata/equivalence/ph-de-nursing-decision.json"),
    )
    .unwrap();
    decision.authority = authority.public().did();
    let bundle = BundleBuilder::new(&operator.public(), 3, from, t("2026-02-01T00:00:00Z"))
        .issuer(
            did_key_issuer(
                &college.public().did(),
                "Manila College of Nursing",
                "PH",
                vec!["QualificationCredential:PQF-6".parse().unwrap()],
                from,
            )
            .unwrap(),
        )
        .status_list(signed_list)
        .authority(AuthorityEntry {
            id: authority.public().did(),
            name: "Example".into(),
            country: "DE".into(),
            jurisdiction: "nursing".into(),
        })
        .decision(sign_decision(&authority, &decision).unwrap())
        .sign(&operator)
        .unwrap();
    let v = validator("trust-bundle.schema.json");
    let mut doc = payload(&bundle);
    assert_valid(&v, &doc);
    doc["issuers"][0]["keys"][0]["publicKeyJwk"]["crv"] = json!("P-256");
    assert!(!v.is_valid(&doc));
    let mut doc = payload(&bundle);
    doc["surprise"] = json!(1);
    assert!(!v.is_valid(&doc));
}

#[test]
fn a_status_list_credential_matches_its_schema_and_a_foreign_purpose_does_not() {
    let college = SecretKey::from_bytes(&[2; 32]);
    let mut list = IssuerStatusList::new(
        "urn:uuid:00000000-0000-4000-8000-00000000000b",
        StatusPurpose::Suspension,
    );
    list.allocate_specific(42).unwrap();
    list.set_status(42, true).unwrap();
    let v = validator("status-list-credential.schema.json");
    let mut doc = status_list_credential(&college.public().did(), &list, t("2026-01-01T00:00:00Z"));
    assert_valid(&v, &doc);
    doc["credentialSubject"]["statusPurpose"] = json!("refresh");
    assert!(!v.is_valid(&doc));
}

#[test]
fn a_presentation_matches_its_schema_and_one_without_a_nonce_does_not() {
    let college = SecretKey::from_bytes(&[2; 32]);
    let holder = SecretKey::from_bytes(&[7; 32]);
    let claims: Value =
        serde_json::from_str(include_str!("../../examples/nurse-qualification.json")).unwrap();
    let mut options = IssueOptions::new(t("2026-03-01T00:00:00Z"));
    options.holder = Some(holder.public().did());
    let doc = build_document(&claims, &college.public().did(), &options).unwrap();
    let credential = sign_document(&college, &college.public().did_url(), &doc).unwrap();
    let vp = credential_core::presentation::present(
        &holder,
        &[credential],
        "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
        "n-0042",
        t("2026-06-01T00:00:00Z"),
    )
    .unwrap();
    let v = validator("presentation.schema.json");
    let mut doc = payload(&vp);
    assert_valid(&v, &doc);
    doc.as_object_mut().unwrap().remove("nonce");
    assert!(!v.is_valid(&doc));
}
