//! Any text through the whole offline verifier with a real bundle: a report, never a panic,
//! and never `valid` for input the fuzzer made up (it cannot sign with the college's key).
#![no_main]
use credential_core::{Verdict, Verifier};
use libfuzzer_sys::fuzz_target;

mod common;

fuzz_target!(|data: &[u8]| {
    let Some((bundle, now)) = common::world() else { return };
    if let Ok(text) = std::str::from_utf8(data) {
        let verifier = Verifier::new(bundle, *now);
        let report = verifier.verify(text);
        assert_ne!(report.verdict, Verdict::Valid);
        let many = verifier.verify_many(&[text, text]);
        assert_eq!(many.len(), 2);
    }
});
