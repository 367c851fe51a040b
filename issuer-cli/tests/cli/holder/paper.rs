//! `skillpass qr`, `skillpass card` and `verify --qr-text / --qr-image`.

use super::World;
use crate::harness::{failed_checks, nurse_claims};

fn world_with_credential() -> World {
    let w = World::new();
    let holder = w.key("holder.key");
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

/// Runs `card` with `extra` arguments; answers the exit code and what it printed.
fn card(w: &World, credential: &str, extra: &[&str]) -> (Option<i32>, String) {
    let mut args = vec!["card", credential, "--out", "card.png"];
    args.extend(extra);
    let out = w.run(&args);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_card_names_the_issuer_registered_in_a_verified_bundle() {
    let w = world_with_credential();
    let trust = w.trust_args();
    let trust: Vec<&str> = trust.iter().map(String::as_str).collect();
    let (code, said) = card(&w, "nurse.jwt", &trust);
    assert_eq!(code, Some(0), "{said}");
    assert!(
        said.contains("Issued by: Manila College of Nursing (registered, PH)"),
        "{said}"
    );
    assert!(!said.contains("stated in the credential"), "{said}");
    assert!(!said.contains("not verified"), "{said}");
    // The card still scans and verifies.
    let (code, report) = w.verify_json(&["--qr-image", "card.png"]);
    assert_eq!((code, report["verdict"].as_str()), (0, Some("valid")));
}

#[test]
fn the_card_shows_both_names_marked_when_the_awarding_body_differs_from_the_registered_issuer() {
    let w = World::new();
    let mut claims: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(nurse_claims()).unwrap()).unwrap();
    claims["credentialSubject"]["qualification"]["awardingBody"]["name"] =
        "Commission on Higher Education".into();
    std::fs::write(w.path("claims.json"), claims.to_string()).unwrap();
    w.ok(&[
        "issue",
        "--key",
        "college.key",
        "--claims",
        "claims.json",
        "--out",
        "other.jwt",
    ]);
    let trust = w.trust_args();
    let trust: Vec<&str> = trust.iter().map(String::as_str).collect();
    let (code, said) = card(&w, "other.jwt", &trust);
    assert_eq!(code, Some(0), "{said}");
    assert!(
        said.contains("Issued by: Manila College of Nursing (registered, PH)"),
        "{said}"
    );
    assert!(
        said.contains("Awarding body stated in the credential: Commission on Higher Education"),
        "{said}"
    );
}

#[test]
fn without_a_bundle_the_card_says_the_issuer_name_is_not_verified() {
    let w = world_with_credential();
    let (code, said) = card(&w, "nurse.jwt", &[]);
    assert_eq!(code, Some(0), "{said}");
    assert!(
        said.contains(
            "Issuer (as the credential states it, not verified): Manila College of Nursing, PH"
        ),
        "{said}"
    );
    assert!(!said.contains("registered"), "{said}");
}

#[test]
fn no_card_is_made_for_a_credential_that_does_not_verify_against_the_bundle() {
    let w = World::new();
    w.ok(&["key", "new", "--out", "rogue.key"]);
    w.ok(&[
        "issue",
        "--key",
        "rogue.key",
        "--claims",
        nurse_claims().to_str().unwrap(),
        "--out",
        "rogue.jwt",
    ]);
    let trust = w.trust_args();
    let trust: Vec<&str> = trust.iter().map(String::as_str).collect();
    let (code, said) = card(&w, "rogue.jwt", &trust);
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("issuer-accredited"), "{said}");
    assert!(!w.path("card.png").exists());
}

#[test]
fn the_card_of_a_skill_credential_has_a_short_title() {
    let w = World::new();
    let skills = nurse_claims().with_file_name("care-worker-skills.json");
    w.ok(&[
        "issue",
        "--key",
        "college.key",
        "--claims",
        skills.to_str().unwrap(),
        "--out",
        "care.jwt",
    ]);
    let (code, said) = card(&w, "care.jwt", &[]);
    assert_eq!(code, Some(0), "{said}");
    assert!(
        said.contains("\n  Personal care of older adults and 4 more skills\n"),
        "{said}"
    );
    assert!(!said.contains("Medication support"), "{said}");
}

/// The QR version `skillpass qr` reports in its figures.
fn version(said: &str) -> u32 {
    let at = said.find("QR version ").unwrap() + "QR version ".len();
    said[at..].split(' ').next().unwrap().parse().unwrap()
}

#[test]
fn a_card_with_a_verify_url_holds_a_link_to_the_page_and_still_verifies_offline() {
    let w = world_with_credential();
    let url = "https://registry.example.org/v";
    let bare = w.run(&["qr", "nurse.jwt", "--text"]);
    let linked = w.run(&["qr", "nurse.jwt", "--text", "--verify-url", url]);
    let link = String::from_utf8(linked.stdout).unwrap().trim().to_owned();
    let text = String::from_utf8(bare.stdout).unwrap().trim().to_owned();
    assert!(link.starts_with(&format!("{url}#SP1:")), "{link}");
    // A phone's scanner takes it for a URL: no spaces; the paper text's own are escaped.
    assert!(!link.contains(' '));
    assert_eq!(
        link.split_once('#')
            .unwrap()
            .1
            .replace("%20", " ")
            .replace("%25", "%"),
        text
    );
    // The code grows by the URL and the escapes only (README.md quotes the versions).
    let (v_bare, v_link) = (
        version(&String::from_utf8_lossy(&bare.stderr)),
        version(&String::from_utf8_lossy(&linked.stderr)),
    );
    assert!(
        v_link > v_bare && v_link <= v_bare + 3,
        "{v_bare} -> {v_link}"
    );
    let out = w.run(&[
        "card",
        "nurse.jwt",
        "--out",
        "card.png",
        "--verify-url",
        url,
    ]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && said.contains("as a link of"),
        "{said}"
    );
    let (code, report) = w.verify_json(&["--qr-image", "card.png"]);
    assert_eq!(
        (code, report["verdict"].as_str()),
        (0, Some("valid")),
        "{report:#}"
    );
    let (code, report) = w.verify_json(&["--qr-text", &link]);
    assert_eq!(
        (code, report["verdict"].as_str()),
        (0, Some("valid")),
        "{report:#}"
    );
}

#[test]
fn a_verify_url_that_cannot_carry_a_code_and_a_damaged_link_are_refused_with_what_to_do() {
    let w = world_with_credential();
    for bad in [
        "registry.example.org/v",
        "https://r.example/v#x",
        "https://r example/v",
    ] {
        let out = w.run(&["qr", "nurse.jwt", "--text", "--verify-url", bad]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(
            said.contains("https://") || said.contains("'#'"),
            "{bad}: {said}"
        );
    }
    let trust = w.trust_args();
    let mut args = vec!["verify", "--qr-text", "https://r.example/v#SP1:%zz"];
    args.extend(trust.iter().map(String::as_str));
    let out = w.run(&args);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("damaged link"));
}
