//! Any text as a presentation, an SD-JWT (with or without key binding), a disclosure or a
//! paper (QR) encoding: a report or an error, never a panic, and never `valid` for input
//! nobody signed.
#![no_main]
use chrono::Duration;
use credential_core::Verifier;
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Some((bundle, now)) = common::world() else { return };
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
