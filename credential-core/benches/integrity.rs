//! Data Integrity (`eddsa-rdfc-2022`) verification against VC-JOSE verification of the same
//! credential, measured in one run, with where the Data Integrity time goes: JSON-LD
//! expansion to RDF, RDFC-1.0 canonicalization, hashing. BENCHMARKS.md §9 records ratios.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use chrono::{DateTime, Utc};
use credential_core::integrity::{self, SecuredDocument};
use credential_core::jsonld::{canonicalize, to_dataset};
use credential_core::{
    build_document, did_key_issuer, sign_document, BundleBuilder, IssueOptions, SecretKey,
    TrustAnchor, Verdict, Verifier,
};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn t(s: &str) -> DateTime<Utc> {
    credential_core::parse_time(s).unwrap()
}

fn securing(c: &mut Criterion) {
    let operator = SecretKey::from_bytes(&[1; 32]);
    let college = SecretKey::from_bytes(&[2; 32]);
    let from = t("2026-01-01T00:00:00Z");
    let issuer = did_key_issuer(
        &college.public().did(),
        "Manila College of Nursing",
        "PH",
        vec!["QualificationCredential:PQF-6".parse().unwrap()],
        from,
    )
    .unwrap();
    let bundle = BundleBuilder::new(&operator.public(), 1, from, t("2027-01-01T00:00:00Z"))
        .issuer(issuer)
        .sign(&operator)
        .unwrap();
    let bundle = TrustAnchor::from_did(&operator.public().did())
        .unwrap()
        .verify_bundle(&bundle, None)
        .unwrap();
    let claims: serde_json::Value =
        serde_json::from_str(include_str!("../../examples/nurse-qualification.json")).unwrap();
    let issued = t("2026-03-01T00:00:00Z");
    let doc = build_document(&claims, &college.public().did(), &IssueOptions::new(issued)).unwrap();
    let jws = sign_document(&college, &college.public().did_url(), &doc).unwrap();
    let secured =
        integrity::sign_credential(&college, &college.public().did_url(), &doc, issued).unwrap();
    let di = serde_json::to_string(&secured).unwrap();

    let verifier = Verifier::new(&bundle, t("2026-06-01T00:00:00Z"));
    assert_eq!(verifier.verify(&jws).verdict, Verdict::Valid);
    assert_eq!(verifier.verify(&di).verdict, Verdict::Valid);

    let mut g = c.benchmark_group("securing");
    g.throughput(Throughput::Elements(1));
    g.bench_function("vc_jose_full_offline_verification", |b| {
        b.iter(|| verifier.verify(&jws))
    });
    g.bench_function("data_integrity_full_offline_verification", |b| {
        b.iter(|| verifier.verify(&di))
    });
    g.finish();

    let read = SecuredDocument::read(&secured).unwrap();
    let dataset = to_dataset(&read.unsecured).unwrap();
    let hash = read.hash_data().unwrap();
    let mut g = c.benchmark_group("data_integrity_parts");
    g.bench_function("expand_document_to_rdf", |b| {
        b.iter(|| to_dataset(&read.unsecured).unwrap())
    });
    g.bench_function("rdfc10_canonicalize_document", |b| {
        b.iter(|| canonicalize(&dataset).unwrap())
    });
    g.bench_function("hash_data_document_and_proof_options", |b| {
        b.iter(|| read.hash_data().unwrap())
    });
    g.bench_function("ed25519_verify_hash_data", |b| {
        b.iter(|| read.signature_verifies(&hash, &college.public()))
    });
    g.finish();
}

criterion_group!(benches, securing);
criterion_main!(benches);
