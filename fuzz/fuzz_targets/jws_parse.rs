//! Any bytes as a compact JWS: parsing must never panic, and whatever parses has an
//! EdDSA header.
#![no_main]
use credential_core::jws::{UnverifiedJws, MAX_JWS_LEN};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(jws) = UnverifiedJws::parse(text, MAX_JWS_LEN) {
            assert_eq!(jws.header().alg, "EdDSA");
            assert!(jws.signing_input().len() < text.len());
        }
    }
});
