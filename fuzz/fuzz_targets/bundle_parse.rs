//! Any text as a trust bundle: refused without panicking. The payload is also fed straight
//! to the bundle's serde model and index, which an attacker reaches only with the anchor's
//! signature but which must be robust all the same.
#![no_main]
use credential_core::{SecretKey, TrustAnchor, TrustBundle};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let anchor = TrustAnchor::from_did(&SecretKey::from_bytes(&[1; 32]).public().did());
    let Ok(anchor) = anchor else { return };
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = anchor.verify_bundle(text, Some(3));
        let _ = credential_core::trust::peek_unchecked(text);
    }
    if let Ok(bundle) = serde_json::from_slice::<TrustBundle>(data) {
        // Re-sign whatever parsed, so the structural checks after the signature run too.
        let key = SecretKey::from_bytes(&[1; 32]);
        let mut b = credential_core::BundleBuilder::new(&key.public(), bundle.sequence, bundle.issued_at, bundle.next_update);
        for issuer in bundle.issuers {
            b = b.issuer(issuer);
        }
        for list in bundle.status_lists {
            b = b.status_list(list);
        }
        let _ = b.sign(&key);
    }
});
