//! Any text through the whole offline verifier with a real bundle: a report, never a panic,
//! and never `valid` for input the fuzzer made up (it cannot sign with the college's key).
#![no_main]
use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use credential_core::{did_key_issuer, BundleBuilder, SecretKey, TrustAnchor, Verdict, VerifiedBundle, Verifier};
use libfuzzer_sys::fuzz_target;

fn bundle() -> Option<&'static (VerifiedBundle, DateTime<Utc>)> {
    static B: OnceLock<Option<(VerifiedBundle, DateTime<Utc>)>> = OnceLock::new();
    B.get_or_init(|| {
        let operator = SecretKey::from_bytes(&[1; 32]);
        let college = SecretKey::from_bytes(&[2; 32]);
        let from = credential_core::parse_time("2026-01-01T00:00:00Z")?;
        let until = credential_core::parse_time("2027-01-01T00:00:00Z")?;
        let issuer = did_key_issuer(&college.public().did(), "C", "PH", vec!["QualificationCredential".parse().ok()?], from).ok()?;
        let jws = BundleBuilder::new(&operator.public(), 1, from, until).issuer(issuer).sign(&operator).ok()?;
        let verified = TrustAnchor::from_did(&operator.public().did()).ok()?.verify_bundle(&jws, None).ok()?;
        Some((verified, credential_core::parse_time("2026-06-01T00:00:00Z")?))
    })
    .as_ref()
}

fuzz_target!(|data: &[u8]| {
    let Some((bundle, now)) = bundle() else { return };
    if let Ok(text) = std::str::from_utf8(data) {
        let verifier = Verifier::new(bundle, *now);
        let report = verifier.verify(text);
        assert_ne!(report.verdict, Verdict::Valid);
        let many = verifier.verify_many(&[text, text]);
        assert_eq!(many.len(), 2);
    }
});
