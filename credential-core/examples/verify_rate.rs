//! Bulk verification against its ceiling, in one run: one raw Ed25519 signature check on one
//! core (the ceiling the issue names), `Verifier::verify_many` (Ed25519 batches, one thread)
//! and `Verifier::verify_many_parallel` (batches on every core), each over N distinct
//! credentials, five rounds each, medians and same-run ratios printed.
//!
//! `verify_rate N [DIR]` also writes the N credentials to DIR (`DIR/credentials/*.jwt`,
//! `DIR/bundle.jws`, `DIR/anchor`), so `bench/verify.sh` can time `skillpass verify DIR`
//! on the same inputs. `verify_rate --raw N` times only N raw Ed25519 checks, once, and
//! prints the seconds: `bench/verify.sh` runs it right before each timed `verify DIR`, so
//! each ratio compares two timings taken moments apart (this machine's speed drifts by a
//! third over minutes). Run it built with `--release`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use credential_core::jws::UnverifiedJws;
use credential_core::{
    build_document, did_key_issuer, sign_document, BundleBuilder, IssueOptions, SecretKey,
    TrustAnchor, Verdict, Verifier,
};

fn t(s: &str) -> DateTime<Utc> {
    credential_core::parse_time(s).unwrap()
}

/// The median of five timed rounds of `f`.
fn median(mut f: impl FnMut()) -> Duration {
    let mut rounds: Vec<Duration> = (0..5)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    rounds.sort();
    rounds[2]
}

fn main() {
    let mut args = std::env::args().skip(1).peekable();
    let raw_only = args.next_if(|a| a == "--raw").is_some();
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    if raw_only {
        let college = SecretKey::from_bytes(&[2; 32]);
        let claims: serde_json::Value =
            serde_json::from_str(include_str!("../../examples/nurse-qualification.json")).unwrap();
        let options = IssueOptions::new(t("2026-03-01T09:00:00Z"));
        let doc = build_document(&claims, &college.public().did(), &options).unwrap();
        let credential = sign_document(&college, &college.public().did_url(), &doc).unwrap();
        let jws = UnverifiedJws::parse(&credential, 65536).unwrap();
        let key = college.public();
        let start = Instant::now();
        assert_eq!((0..n).filter(|_| jws.verify_with(&key)).count(), n);
        println!("{:.6}", start.elapsed().as_secs_f64());
        return;
    }
    let out = args.next().map(std::path::PathBuf::from);

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
    let signed_bundle = BundleBuilder::new(
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
        .verify_bundle(&signed_bundle, None)
        .unwrap();
    let claims: serde_json::Value =
        serde_json::from_str(include_str!("../../examples/nurse-qualification.json")).unwrap();
    let options = IssueOptions::new(t("2026-03-01T09:00:00Z"));
    let credentials: Vec<String> = (0..n)
        .map(|i| {
            let mut doc = build_document(&claims, &college.public().did(), &options).unwrap();
            doc["id"] = serde_json::json!(format!("urn:uuid:00000000-0000-4000-8000-{i:012}"));
            sign_document(&college, &college.public().did_url(), &doc).unwrap()
        })
        .collect();
    let now = t("2026-06-01T12:00:00Z");
    let verifier = Verifier::new(&bundle, now);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());

    let jws = UnverifiedJws::parse(&credentials[0], 65536).unwrap();
    let key = college.public();
    let raw = median(|| assert_eq!((0..n).filter(|_| jws.verify_with(&key)).count(), n));
    let batched = median(|| {
        let reports = verifier.verify_many(&credentials);
        assert!(reports.iter().all(|r| r.verdict == Verdict::Valid));
    });
    let parallel = median(|| {
        let reports = verifier.verify_many_parallel(&credentials, 0);
        assert!(reports.iter().all(|r| r.verdict == Verdict::Valid));
    });
    let rate = |d: Duration| n as f64 / d.as_secs_f64();
    println!("credentials: {n}; cores: {cores}; medians of 5 rounds");
    println!(
        "raw Ed25519 verify_strict, one core (ceiling): {:>9.0}/s  1.00x",
        rate(raw)
    );
    for (name, d) in [
        ("verify_many, one thread (batches of 64)", batched),
        ("verify_many_parallel, every core", parallel),
    ] {
        println!(
            "{name:<47} {:>9.0}/s  {:.2}x",
            rate(d),
            raw.as_secs_f64() / d.as_secs_f64()
        );
    }
    if let Some(dir) = out {
        let creds = dir.join("credentials");
        std::fs::create_dir_all(&creds).unwrap();
        for (i, c) in credentials.iter().enumerate() {
            std::fs::write(creds.join(format!("c{i:06}.jwt")), c).unwrap();
        }
        std::fs::write(dir.join("bundle.jws"), &signed_bundle).unwrap();
        std::fs::write(dir.join("anchor"), operator.public().did()).unwrap();
        println!("raw_per_second {:.0}", rate(raw));
    }
}
