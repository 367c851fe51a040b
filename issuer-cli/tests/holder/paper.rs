//! `skillpass qr`, `skillpass card` and `verify --qr-text / --qr-image`.

use crate::common::{failed_checks, World};

fn world_with_credential() -> World {
    let w = World::new();
    let holder = w
        .ok(&["key", "new", "--out", "holder.key"])
        .trim()
        .to_owned();
    w.issue_to(&holder, "nurse.jwt");
    w
}

#[test]
fn the_qr_png_of_the_nurse_credential_decodes_with_rqrr_and_verifies_valid() {
    let w = world_with_credential();
    let out = w.run(&["qr", "nurse.jwt", "--out", "qr.png"]);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("QR version"), "{said}");
    assert!(std::fs::read(w.path("qr.png"))
        .unwrap()
        .starts_with(b"\x89PNG"));
    let (code, report) = w.verify_json(&["--qr-image", "qr.png"]);
    assert_eq!(
        (code, report["verdict"].as_str()),
        (0, Some("valid")),
        "{report:#}"
    );
    assert_eq!(
        report["credential"]["title"],
        "Bachelor of Science in Nursing"
    );
}

#[test]
fn the_printable_card_scans_and_verifies_valid() {
    let w = world_with_credential();
    w.ok(&["card", "nurse.jwt", "--out", "card.png"]);
    let (code, report) = w.verify_json(&["--qr-image", "card.png"]);
    assert_eq!(
        (code, report["verdict"].as_str()),
        (0, Some("valid")),
        "{report:#}"
    );
}

#[test]
fn the_scanned_text_verifies_valid() {
    let w = world_with_credential();
    let text = w.ok(&["qr", "nurse.jwt", "--text"]).trim().to_owned();
    assert!(text.starts_with("SP1:"));
    let (code, report) = w.verify_json(&["--qr-text", &text]);
    assert_eq!((code, report["verdict"].as_str()), (0, Some("valid")));
}

#[test]
fn a_forged_code_does_not_verify() {
    let w = world_with_credential();
    let text = w.ok(&["qr", "nurse.jwt", "--text"]).trim().to_owned();
    // Change one base45 character in the middle: either unreadable (exit 2) or invalid.
    let mut bytes = text.into_bytes();
    let mid = bytes.len() / 2;
    bytes[mid] = if bytes[mid] == b'0' { b'1' } else { b'0' };
    let forged = String::from_utf8(bytes).unwrap();
    let trust = w.trust_args();
    let mut args = vec!["verify", "--json", "--qr-text", &forged];
    args.extend(trust.iter().map(String::as_str));
    let out = w.run(&args);
    match out.status.code() {
        Some(2) => {}
        Some(1) => {
            let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            assert!(!failed_checks(&report).is_empty());
        }
        other => panic!("a forged code gave {other:?}"),
    }
}

#[test]
fn an_svg_qr_is_written_on_request() {
    let w = world_with_credential();
    w.ok(&["qr", "nurse.jwt", "--svg", "--out", "qr.svg"]);
    let svg = std::fs::read_to_string(w.path("qr.svg")).unwrap();
    assert!(svg.contains("<svg"));
}

#[test]
fn a_file_that_is_not_an_image_is_reported_as_unreadable() {
    let w = world_with_credential();
    std::fs::write(w.path("blank.png"), b"not a png").unwrap();
    let trust = w.trust_args();
    let mut args = vec!["verify", "--qr-image", "blank.png"];
    args.extend(trust.iter().map(String::as_str));
    assert_eq!(w.run(&args).status.code(), Some(2));
}
