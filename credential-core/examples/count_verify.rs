//! A fixed amount of verification work, for instruction counts under callgrind: repeatable
//! whatever else the machine is doing, so a before/after comparison holds on a shared
//! machine where wall-clock benchmarks swing by 20%. BENCHMARKS.md gives the commands.
//!
//! `count_verify raw N` checks the Ed25519 signature of one credential N times (the
//! physical floor); `count_verify one N` fully verifies it N times one by one;
//! `count_verify many N` fully verifies N credentials in batches; `count_verify bundle N`
//! loads a 1,000-issuer bundle N times; `count_verify query N` asks the equivalence table
//! `RQF-GB-ENG-3 → DE` N times; `count_verify words-de N` verifies it N times with `--country
//! DE` and renders each report in German words (`words-en`, `json-en`, `json-de` likewise).
//! Differences between two values of N give the work per item,
//! and the ratios between modes are what the benchmarks record.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use chrono::{DateTime, Utc};
use credential_core::jws::UnverifiedJws;
use credential_core::{
    build_document, did_key_issuer, sign_document, BundleBuilder, IssueOptions, SecretKey,
    TrustAnchor, Verdict, Verifier,
};

fn t(s: &str) -> DateTime<Utc> {
    credential_core::parse_time(s).unwrap()
}

fn main() {
    let mut args = std::env::args().skip(1);
    let mode = args.next().unwrap_or_else(|| "one".into());
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(2000);

    let operator = SecretKey::from_bytes(&[1; 32]);
    let college = SecretKey::from_bytes(&[2; 32]);
    let issuer = did_key_issuer(
        &college.public().did(),
        "Manila College of Nursing",
        "PH",
        vec!["QualificationCredential:PQF-6".parse().unwrap()],
        t("2026-01-01T00:00:00Z"),
    )
    .unwrap();
    let bundle = BundleBuilder::new(
        &operator.public(),
        1,
        t("2026-05-30T00:00:00Z"),
        t("2026-06-30T00:00:00Z"),
    )
    .issuer(issuer)
    .sign(&operator)
    .unwrap();
    let bundle = TrustAnchor::from_did(&operator.public().did())
        .unwrap()
        .verify_bundle(&bundle, None)
        .unwrap();
    let claims: serde_json::Value =
        serde_json::from_str(include_str!("../../examples/nurse-qualification.json")).unwrap();
    let mut doc = build_document(
        &claims,
        &college.public().did(),
        &IssueOptions::new(t("2026-03-01T09:00:00Z")),
    )
    .unwrap();
    // A fixed id, so every run verifies the same bytes.
    doc["id"] = serde_json::json!("urn:uuid:00000000-0000-4000-8000-000000000001");
    let credential = sign_document(&college, &college.public().did_url(), &doc).unwrap();
    let now = t("2026-06-01T12:00:00Z");
    let verifier = Verifier::new(&bundle, now);

    match mode.as_str() {
        "raw" => {
            let jws = UnverifiedJws::parse(&credential, 65536).unwrap();
            let key = college.public();
            let ok = (0..n).filter(|_| jws.verify_with(&key)).count();
            assert_eq!(ok, n);
        }
        "one" => {
            let valid = (0..n)
                .filter(|_| verifier.verify(&credential).verdict == Verdict::Valid)
                .count();
            assert_eq!(valid, n);
        }
        "many" => {
            let all = vec![credential; n];
            let reports = verifier.verify_many(&all);
            assert!(reports.iter().all(|r| r.verdict == Verdict::Valid));
        }
        "bundle" => {
            let mut builder = BundleBuilder::new(
                &operator.public(),
                2,
                t("2026-05-30T00:00:00Z"),
                t("2026-06-30T00:00:00Z"),
            );
            for i in 0..1000u32 {
                let mut seed = [7u8; 32];
                seed[..4].copy_from_slice(&i.to_be_bytes());
                let key = SecretKey::from_bytes(&seed);
                builder = builder.issuer(
                    did_key_issuer(
                        &key.public().did(),
                        "A college",
                        "PH",
                        vec!["QualificationCredential:PQF-6".parse().unwrap()],
                        t("2026-01-01T00:00:00Z"),
                    )
                    .unwrap(),
                );
            }
            let signed = builder.sign(&operator).unwrap();
            let anchor = TrustAnchor::from_did(&operator.public().did()).unwrap();
            for _ in 0..n {
                assert!(anchor.verify_bundle(&signed, None).is_ok());
            }
        }
        "query" => {
            use credential_core::equivalence::{EquivalenceQuery, EquivalenceTable};
            let table = EquivalenceTable::shipped().unwrap();
            let query = EquivalenceQuery {
                levels: vec!["RQF-GB-ENG-3".into()],
                ..Default::default()
            };
            let to = "DE".parse().unwrap();
            for _ in 0..n {
                assert!(!table.query(&query, &to, now).comparable.is_empty());
            }
        }
        // Issue 12: verify with `--country DE` and render the report as the CLI prints it,
        // in words or JSON, in English or German (`words-en`, `words-de`, `json-en`,
        // `json-de`).
        words_or_json if words_or_json.contains('-') => {
            use credential_core::i18n::Lang;
            let (form, tag) = words_or_json.split_once('-').unwrap();
            let lang = Lang::choose(tag).lang;
            let with_country = Verifier::new(&bundle, now)
                .with_destination("DE".parse().unwrap())
                .unwrap();
            for _ in 0..n {
                let report = with_country.verify(&credential);
                assert_eq!(report.verdict, Verdict::Valid);
                let printed = match form {
                    "words" => report.to_words_in(lang),
                    "json" => report.to_json_in(lang).to_string(),
                    other => panic!("words or json, not {other}"),
                };
                assert!(!printed.is_empty());
            }
        }
        other => panic!(
            "mode is raw, one, many, bundle, query, words-en, words-de, json-en or json-de, not {other}"
        ),
    }
}
