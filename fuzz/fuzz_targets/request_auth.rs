//! Any Authorization header, method, path and body through the registry's request
//! authentication: refused with an error, never a panic, and never accepted unless signed.
#![no_main]
use credential_core::request::verify_request;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(4, '\n');
    let header = parts.next().unwrap_or_default();
    let method = parts.next().unwrap_or("POST");
    let path = parts.next().unwrap_or("/issuers");
    let body = parts.next().unwrap_or_default();
    let accepted = verify_request(header, method, path, body.as_bytes(), 1_790_000_000, 300);
    assert!(accepted.is_err(), "an unsigned fuzz input was accepted");
    let _ = verify_request(&format!("Skillpass {header}"), method, path, body.as_bytes(), 1_790_000_000, 300);
});
