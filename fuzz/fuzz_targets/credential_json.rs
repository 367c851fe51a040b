//! Any bytes as a credential payload: strict JSON parsing, envelope extraction and the
//! schema check must never panic.
#![no_main]
use credential_core::CheckedCredential;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(value) = credential_core::json::parse_strict(data) {
        if let Ok(checked) = CheckedCredential::from_value(&value) {
            let _ = checked.check_content(&value);
            for entry in &checked.status {
                let _ = entry.index();
            }
        }
    }
});
