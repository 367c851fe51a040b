//! Any text as a presentation, an SD-JWT (with or without key binding), a disclosure or a
//! paper (QR) encoding: a report or an error, never a panic, and never `valid` for input
//! nobody signed.
#![no_main]
use std::sync::OnceLock;

use chrono::{DateTime, Duration, Utc};
use credential_core::{did_key_issuer, BundleBuilder, SecretKey, TrustAnchor, VerifiedBundle, Verifier};
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
    let Ok(text) = std::str::from_utf8(data) else { return };
    let verifier = Verifier::new(bundle, *now);
    let vp = credential_core::presentation::verify_presentation(&verifier, text, "did:key:zAudience", "nonce-123", Duration::minutes(10));
    assert_ne!(format!("{:?}", vp.verdict), "Valid");
    let sd = credential_core::sdjwt::verify(&verifier, text, "did:key:zAudience", "nonce-123", Duration::minutes(10));
    assert_ne!(format!("{:?}", sd.verdict), "Valid");
    let _ = credential_core::sdjwt::verify_issued(&verifier, text);
    let _ = credential_core::sdjwt::split(text);
    let _ = credential_core::sdjwt::Disclosure::parse(text);
    let _ = credential_core::presentation::peek_credentials_unchecked(text);
    if let Ok(jws) = credential_core::paper::decode(text) {
        assert_ne!(verifier.verify(&jws).verdict, credential_core::Verdict::Valid);
    }
});
