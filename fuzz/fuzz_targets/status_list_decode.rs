//! Any text as an encodedList, and any JSON as a status list credential: bounded decoding,
//! no panics, and a decoded list is at least the spec's minimum size.
#![no_main]
use credential_core::status::{parse_status_list_credential, Bitstring, MIN_ENTRIES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(bits) = Bitstring::decode(text) {
            assert!(bits.len() >= MIN_ENTRIES);
            let _ = bits.get(bits.len());
        }
        // Also as a gzip body behind a valid prefix.
        let _ = Bitstring::decode(&format!("u{text}"));
    }
    if let Ok(value) = serde_json::from_slice::<serde_json::Value>(data) {
        let _ = parse_status_list_credential(&value);
    }
});
