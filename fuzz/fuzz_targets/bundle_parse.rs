//! Any text as a trust bundle: refused without panicking. The payload is also fed straight
//! to the bundle's serde model and index, which an attacker reaches only with the anchor's
//! signature but which must be robust all the same.
#![no_main]
use credential_core::{SecretKey, TrustAnchor, TrustBundle, VerifiedBundle};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let anchor = TrustAnchor::from_did(&SecretKey::from_bytes(&[1; 32]).public().did());
    let Ok(anchor) = anchor else { return };
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = anchor.verify_bundle(text, Some(3));
        let _ = credential_core::trust::peek_unchecked(text);
    }
    if let Ok(bundle) = serde_json::from_slice::<TrustBundle>(data) {
        // The structural checks after the signature, without signing anything.
        let _ = VerifiedBundle::from_trusted_unchecked(bundle);
    }
});
