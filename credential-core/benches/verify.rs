//! Verification throughput against its physical limit: raw Ed25519 verification of the same
//! signing input, measured in the same run. Ratios, not absolute times, are what
//! BENCHMARKS.md records.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use chrono::{DateTime, Utc};
use credential_core::i18n::Lang;
use credential_core::jws::UnverifiedJws;
use credential_core::status::{
    status_list_credential, IssuerStatusList, StatusEntry, StatusPurpose,
};
use credential_core::{
    build_document, did_key_issuer, sign_document, BundleBuilder, IssueOptions, SecretKey,
    TrustAnchor, Verdict, Verifier,
};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

fn t(s: &str) -> DateTime<Utc> {
    credential_core::parse_time(s).unwrap()
}

struct Fixture {
    bundle: credential_core::VerifiedBundle,
    college: SecretKey,
    credential: String,
    claims: serde_json::Value,
    options: IssueOptions,
}

fn fixture() -> Fixture {
    let operator = SecretKey::from_bytes(&[1; 32]);
    let college = SecretKey::from_bytes(&[2; 32]);
    let rev = IssuerStatusList::new(
        "urn:uuid:00000000-0000-4000-8000-00000000000a",
        StatusPurpose::Revocation,
    );
    let sus = IssuerStatusList::new(
        "urn:uuid:00000000-0000-4000-8000-00000000000b",
        StatusPurpose::Suspension,
    );
    let sign_list = |l: &IssuerStatusList| {
        let doc = status_list_credential(&college.public().did(), l, t("2026-05-01T00:00:00Z"));
        credential_core::jws::sign(
            &college,
            &credential_core::jws::Header::new(
                credential_core::trust::TYP_STATUS_LIST,
                &college.public().did_url(),
            ),
            &serde_json::to_vec(&doc).unwrap(),
        )
    };
    let from = t("2026-01-01T00:00:00Z");
    let issuer = did_key_issuer(
        &college.public().did(),
        "Manila College of Nursing",
        "PH",
        vec!["QualificationCredential:PQF-6".parse().unwrap()],
        from,
    )
    .unwrap();
    let authority = SecretKey::from_bytes(&[4; 32]);
    let mut decision: credential_core::equivalence::RecognitionDecision = serde_json::from_str(
        include_str!("../testdata/equivalence/ph-de-nursing-decision.json"),
    )
    .unwrap();
    decision.authority = authority.public().did();
    let bundle = BundleBuilder::new(&operator.public(), 1, from, t("2027-01-01T00:00:00Z"))
        .authority(credential_core::trust::AuthorityEntry {
            id: authority.public().did(),
            name: "Example authority".into(),
            country: "DE".into(),
            jurisdiction: "nursing".into(),
        })
        .decision(credential_core::trust::sign_decision(&authority, &decision).unwrap())
        .issuer(issuer)
        .status_list(sign_list(&rev))
        .status_list(sign_list(&sus))
        .sign(&operator)
        .unwrap();
    let bundle = TrustAnchor::from_did(&operator.public().did())
        .unwrap()
        .verify_bundle(&bundle, None)
        .unwrap();
    let claims: serde_json::Value =
        serde_json::from_str(include_str!("../../examples/nurse-qualification.json")).unwrap();
    let mut options = IssueOptions::new(t("2026-03-01T00:00:00Z"));
    options.status = vec![
        StatusEntry::new(StatusPurpose::Revocation, 77, &rev.id),
        StatusEntry::new(StatusPurpose::Suspension, 77, &sus.id),
    ];
    let doc = build_document(&claims, &college.public().did(), &options).unwrap();
    let credential = sign_document(&college, &college.public().did_url(), &doc).unwrap();
    Fixture {
        bundle,
        college,
        credential,
        claims,
        options,
    }
}

fn verification(c: &mut Criterion) {
    let f = fixture();
    let now = t("2026-06-01T00:00:00Z");
    let verifier = Verifier::new(&f.bundle, now);
    assert_eq!(verifier.verify(&f.credential).verdict, Verdict::Valid);
    let parsed = UnverifiedJws::parse(&f.credential, usize::MAX).unwrap();
    let key = *f.college.public().as_dalek().unwrap();
    let message = parsed.signing_input().as_bytes().to_vec();
    let signature = ed25519_dalek::Signature::from_slice(parsed.signature()).unwrap();

    let mut g = c.benchmark_group("single");
    g.throughput(Throughput::Elements(1));
    g.bench_function("raw_dalek_verify_strict", |b| {
        b.iter(|| key.verify_strict(&message, &signature).unwrap())
    });
    g.bench_function("full_offline_verification", |b| {
        b.iter(|| verifier.verify(&f.credential))
    });
    let with_country = Verifier::new(&f.bundle, now)
        .with_destination("DE".parse().unwrap())
        .unwrap();
    let report = with_country.verify(&f.credential);
    assert_eq!(report.equivalence.as_ref().unwrap().decisions.len(), 1);
    g.bench_function("full_offline_verification_with_country_de", |b| {
        b.iter(|| with_country.verify(&f.credential))
    });
    g.finish();

    // The reader's language (issue 12): verifying and printing the report in words, in
    // English and in German, in the same run. The German catalog is built on first use,
    // before measuring, like English.
    let mut g = c.benchmark_group("language");
    g.throughput(Throughput::Elements(1));
    for lang in [Lang::En, Lang::De] {
        assert!(!with_country
            .verify(&f.credential)
            .to_words_in(lang)
            .is_empty());
    }
    g.bench_function("verify_and_words_en", |b| {
        b.iter(|| with_country.verify(&f.credential).to_words_in(Lang::En))
    });
    g.bench_function("verify_and_words_de", |b| {
        b.iter(|| with_country.verify(&f.credential).to_words_in(Lang::De))
    });
    g.bench_function("verify_and_json_en", |b| {
        b.iter(|| with_country.verify(&f.credential).to_json_in(Lang::En))
    });
    g.bench_function("verify_and_json_de", |b| {
        b.iter(|| with_country.verify(&f.credential).to_json_in(Lang::De))
    });
    g.finish();

    // Where the time beyond the signature goes.
    let mut g = c.benchmark_group("parts");
    let payload = parsed.payload().to_vec();
    let doc = credential_core::json::parse_strict(&payload).unwrap();
    let checked = credential_core::CheckedCredential::from_value(&doc).unwrap();
    g.bench_function("jws_parse_and_base64", |b| {
        b.iter(|| UnverifiedJws::parse(&f.credential, usize::MAX).unwrap())
    });
    g.bench_function("strict_json_parse", |b| {
        b.iter(|| credential_core::json::parse_strict(&payload).unwrap())
    });
    g.bench_function("serde_json_value_parse", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(&payload).unwrap())
    });
    g.bench_function("envelope_extraction", |b| {
        b.iter(|| credential_core::CheckedCredential::from_value(&doc).unwrap())
    });
    g.bench_function("schema_and_levels", |b| {
        b.iter(|| checked.check_content(&doc).unwrap())
    });
    g.finish();

    let n = 10_000;
    let credentials: Vec<String> = (0..n).map(|_| f.credential.clone()).collect();
    let mut g = c.benchmark_group("many_10k");
    g.sample_size(10);
    g.throughput(Throughput::Elements(n as u64));
    g.bench_function("single_verifications", |b| {
        b.iter(|| {
            credentials
                .iter()
                .filter(|c| verifier.verify(c).verdict == Verdict::Valid)
                .count()
        })
    });
    g.bench_function("batch_verify_many", |b| {
        b.iter(|| verifier.verify_many(&credentials))
    });
    g.finish();

    let mut g = c.benchmark_group("issuance");
    g.throughput(Throughput::Elements(1));
    let doc = build_document(&f.claims, &f.college.public().did(), &f.options).unwrap();
    let payload = serde_json::to_vec(&doc).unwrap();
    g.bench_function("raw_dalek_sign", |b| b.iter(|| f.college.sign(&payload)));
    g.bench_function("build_and_sign_credential", |b| {
        b.iter_batched(
            || f.options.clone(),
            |o| {
                let doc = build_document(&f.claims, &f.college.public().did(), &o).unwrap();
                sign_document(&f.college, &f.college.public().did_url(), &doc).unwrap()
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

criterion_group!(benches, verification);
criterion_main!(benches);
