//! Hostile input to the offline verifier: every malformed or adversarial file gets a clear
//! `invalid` naming `well-formed` (exit 1), never a panic or a hang.

use std::time::{Duration, Instant};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

use crate::harness::Scratch;

/// A compact JWS with an EdDSA header and this payload (signature of zeros).
fn jws_with_payload(payload: &[u8]) -> String {
    format!(
        "{}.{}.{}",
        URL_SAFE_NO_PAD.encode(br#"{"alg":"EdDSA","typ":"vc+jwt","kid":"did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"}"#),
        URL_SAFE_NO_PAD.encode(payload),
        URL_SAFE_NO_PAD.encode([0u8; 64])
    )
}

#[test]
fn malformed_and_adversarial_credentials_are_invalid_with_a_clear_reason() {
    let d = Scratch::new();
    let p = d.d();
    let operator = d.key("operator.key");
    let college = d.key("college.key");
    assert!(d
        .run(&[
            "bundle",
            "build",
            "--anchor",
            "operator.key",
            "--issuer",
            &college,
            "--name",
            "C",
            "--country",
            "PH",
            "--accredit",
            "QualificationCredential",
            "--out",
            "bundle.jws",
        ])
        .status
        .success());
    let nested = format!("{}{}", "[".repeat(50_000), "]".repeat(50_000));
    // An empty file holds no credential at all: the command could not run (exit 2, issue 9
    // point 16), with no panic.
    std::fs::write(p.join("empty.jwt"), b"").unwrap();
    let out = d.run(&[
        "verify",
        "empty.jwt",
        "--bundle",
        "bundle.jws",
        "--anchor",
        &operator,
    ]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("empty") && !stderr.contains("panicked"),
        "{stderr}"
    );
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("garbage.jwt", (0..=255u8).cycle().take(5000).collect()),
        ("invalid-utf8.jwt", b"eyJ\xff\xfe.\xc3\x28.abc".to_vec()),
        ("ten-mb.jwt", vec![b'A'; 10 * 1024 * 1024]),
        (
            "nested.jwt",
            jws_with_payload(nested.as_bytes()).into_bytes(),
        ),
        (
            "huge-number.jwt",
            jws_with_payload(br#"{"validFrom":1e999999}"#).into_bytes(),
        ),
        (
            "duplicate-keys.jwt",
            jws_with_payload(br#"{"issuer":"a","issuer":"b"}"#).into_bytes(),
        ),
        (
            "not-json.jwt",
            jws_with_payload(b"\x00\x01 not json").into_bytes(),
        ),
        (
            "payload-is-array.jwt",
            jws_with_payload(b"[1,2,3]").into_bytes(),
        ),
        ("many-dots.jwt", ".".repeat(60_000).into_bytes()),
    ];
    for (name, bytes) in &cases {
        std::fs::write(p.join(name), bytes).unwrap();
        let started = Instant::now();
        let out = d.run(&[
            "verify",
            name,
            "--bundle",
            "bundle.jws",
            "--anchor",
            &operator,
            "--json",
        ]);
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{name} took too long"
        );
        assert_eq!(
            out.status.code(),
            Some(1),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let report: serde_json::Value =
            serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{name}: {e}"));
        let failed: Vec<&str> = report["checks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|c| c["outcome"] == "fail")
            .map(|c| c["name"].as_str().unwrap())
            .collect();
        assert_eq!(failed, vec!["well-formed"], "{name}");
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("panicked"),
            "{name}"
        );
    }
    // All of them at once, through the batch path.
    let names: Vec<&str> = cases.iter().map(|(n, _)| *n).collect();
    let mut args = vec!["verify"];
    args.extend(&names);
    args.extend(["--bundle", "bundle.jws", "--anchor", &operator]);
    let out = d.run(&args);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).ends_with(&format!(
        "0 valid, {} invalid, 0 indeterminate\n",
        cases.len()
    )));
}

#[test]
fn a_hostile_bundle_file_is_refused_without_a_crash() {
    let d = Scratch::new();
    let p = d.d();
    let operator = d.key("operator.key");
    std::fs::write(p.join("x.jwt"), "a.b.c").unwrap();
    for (name, bytes) in [
        ("garbage.jws", b"\x00\x01\x02".to_vec()),
        (
            "nested.jws",
            jws_with_payload(
                format!("{}{}", "{\"a\":".repeat(10_000), "}".repeat(10_000)).as_bytes(),
            )
            .into_bytes(),
        ),
    ] {
        std::fs::write(p.join(name), bytes).unwrap();
        let out = d.run(&["verify", "x.jwt", "--bundle", name, "--anchor", &operator]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("trust-bundle"),
            "{name}"
        );
    }
}
