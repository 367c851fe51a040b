//! `skillpass issue --sd-jwt`, `present --disclose` and `verify` of SD-JWT presentations.

use serde_json::Value;

use super::World;
use crate::harness::{failed_checks, nurse_claims, EMPLOYER};

/// A world whose holder has the nurse's qualification as an SD-JWT in a wallet, with the
/// holder's name and the title also selectively disclosable.
fn world_with_sd_wallet() -> World {
    let w = World::new();
    let did = w
        .ok(&["wallet", "init", "--wallet", "w.jwe"])
        .trim()
        .to_owned();
    w.ok(&[
        "issue",
        "--key",
        "college.key",
        "--claims",
        nurse_claims().to_str().unwrap(),
        "--holder",
        &did,
        "--sd-jwt",
        "--sd",
        "name",
        "--sd",
        "title",
        "--out",
        "nurse.sd-jwt",
    ]);
    let trust = w.trust_args();
    let mut add = vec!["wallet", "add", "--wallet", "w.jwe", "nurse.sd-jwt"];
    add.extend(trust.iter().map(String::as_str));
    w.ok(&add);
    w
}

fn present(w: &World, disclose: &str, out: &str) {
    w.ok(&[
        "present",
        "--wallet",
        "w.jwe",
        "--credential",
        "1",
        "--disclose",
        disclose,
        "--audience",
        EMPLOYER,
        "--nonce",
        "77aa",
        "--out",
        out,
    ]);
}

fn sd_checks(report: &Value) -> Vec<String> {
    failed_checks(report)
}

#[test]
fn presenting_only_title_and_level_verifies_valid_with_birth_date_not_disclosed() {
    let w = world_with_sd_wallet();
    let listed: Value =
        serde_json::from_str(&w.ok(&["wallet", "list", "--wallet", "w.jwe", "--json"])).unwrap();
    let known = &listed["credentials"][0]["lastKnown"];
    assert_eq!(known["title"], "Bachelor of Science in Nursing");
    assert_eq!(known["status"], "valid");
    assert_eq!(listed["credentials"][0]["format"], "vc+sd-jwt");

    present(&w, "title,level", "sd.txt");
    // Detected as an SD-JWT by its `~`, no flag needed.
    let (code, report) = w.verify_json(&["--audience", EMPLOYER, "--nonce", "77aa", "sd.txt"]);
    assert_eq!(
        (code, report["verdict"].as_str()),
        (0, Some("valid")),
        "{report:#}"
    );
    assert_eq!(
        report["disclosed"],
        serde_json::json!(["qualification.title"])
    );
    let hidden: Vec<&str> = report["notDisclosed"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        hidden.contains(&"birthDate") && hidden.contains(&"name"),
        "{hidden:?}"
    );
    assert!(report["subject"].get("birthDate").is_none());
    assert_eq!(report["credential"]["verdict"], "valid");

    // The words for people say the same.
    let trust = w.trust_args();
    let mut args = vec![
        "verify",
        "--sd-jwt",
        "--audience",
        EMPLOYER,
        "--nonce",
        "77aa",
        "sd.txt",
    ];
    args.extend(trust.iter().map(String::as_str));
    let text = w.ok(&args);
    assert!(
        text.contains("not disclosed:") && text.contains("birthDate"),
        "{text}"
    );
}

#[test]
fn an_sd_jwt_presentation_checked_with_another_nonce_is_invalid() {
    let w = world_with_sd_wallet();
    present(&w, "title", "sd.txt");
    let (code, report) = w.verify_json(&[
        "--sd-jwt",
        "--audience",
        EMPLOYER,
        "--nonce",
        "other",
        "sd.txt",
    ]);
    assert_eq!(code, 1);
    assert_eq!(sd_checks(&report), vec!["nonce"]);
}

#[test]
fn an_sd_jwt_without_key_binding_is_rejected() {
    let w = world_with_sd_wallet();
    // The issued copy itself, as if someone had copied the holder's file.
    let (code, report) =
        w.verify_json(&["--audience", EMPLOYER, "--nonce", "77aa", "nurse.sd-jwt"]);
    assert_eq!(code, 1);
    assert_eq!(sd_checks(&report), vec!["key-binding"]);
}

#[test]
fn an_sd_jwt_presentation_with_a_disclosure_that_was_not_issued_is_rejected() {
    let w = world_with_sd_wallet();
    present(&w, "title", "sd.txt");
    let text = std::fs::read_to_string(w.path("sd.txt")).unwrap();
    // Slip in a disclosure made up by the holder before the key binding.
    let made_up = "WyJfMjZiYzRMVC1hYzZxMktJNmNCVzVlcyIsICJmYW1pbHlfbmFtZSIsICJNw7ZiaXVzIl0";
    let at = text.trim().rfind('~').unwrap();
    let forged = format!("{}~{made_up}~{}", &text[..at], &text[at + 1..]);
    std::fs::write(w.path("forged.txt"), forged).unwrap();
    let (code, report) = w.verify_json(&["--audience", EMPLOYER, "--nonce", "77aa", "forged.txt"]);
    assert_eq!(code, 1);
    let failed = sd_checks(&report);
    assert!(failed.contains(&"disclosures".to_owned()), "{failed:?}");
}

#[test]
fn disclose_with_a_plain_credential_is_a_usage_error() {
    let w = World::new();
    let holder = w.key("holder.key");
    w.issue_to(&holder, "nurse.jwt");
    let out = w.run(&[
        "present",
        "--key",
        "holder.key",
        "--audience",
        EMPLOYER,
        "--nonce",
        "n",
        "--disclose",
        "title",
        "nurse.jwt",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn issuing_the_level_as_selectively_disclosable_is_refused() {
    let w = World::new();
    let holder = w.key("holder.key");
    let out = w.run(&[
        "issue",
        "--key",
        "college.key",
        "--claims",
        nurse_claims().to_str().unwrap(),
        "--holder",
        &holder,
        "--sd-jwt",
        "--sd",
        "level",
        "--out",
        "x",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("accreditation"));
}

#[test]
fn garbage_containing_a_tilde_is_checked_as_a_credential_not_as_an_sd_jwt() {
    // Regression: auto-detection by `~` alone sent random bytes to the SD-JWT mode, which
    // then asked for --audience and --nonce (exit 2) instead of reporting them invalid.
    let w = World::new();
    std::fs::write(w.path("junk.jwt"), "not~a~credential").unwrap();
    let (code, report) = w.verify_json(&["junk.jwt"]);
    assert_eq!(code, 1);
    assert_eq!(report["verdict"], "invalid");
}

#[test]
fn an_ietf_sd_jwt_vc_is_issued_kept_presented_and_verified_valid() {
    let w = World::new();
    let did = w
        .ok(&["wallet", "init", "--wallet", "w.jwe", "--alg", "ES256"])
        .trim()
        .to_owned();
    // A P-256 holder key, as HAIP wallets hold.
    assert!(did.starts_with("did:key:zDn"), "{did}");
    w.ok(&[
        "issue",
        "--key",
        "college.key",
        "--claims",
        nurse_claims().to_str().unwrap(),
        "--holder",
        &did,
        "--dc-sd-jwt",
        "--vct-base",
        "https://registry.example",
        "--sd",
        "name",
        "--sd",
        "title",
        "--out",
        "nurse.sd-jwt",
    ]);
    let text = std::fs::read_to_string(w.path("nurse.sd-jwt")).unwrap();
    let jws = text.split('~').next().unwrap();
    let segment = |i: usize| -> Value {
        use base64::Engine as _;
        let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(jws.split('.').nth(i).unwrap())
            .unwrap();
        serde_json::from_slice(&bytes).unwrap()
    };
    assert_eq!(segment(0)["typ"], "dc+sd-jwt");
    let payload = segment(1);
    assert_eq!(
        payload["vct"],
        "https://registry.example/types/QualificationCredential"
    );
    assert_eq!(payload["sub"], did.as_str());
    assert_eq!(payload["cnf"]["jwk"]["crv"], "P-256");
    // `type-metadata --integrity` prints what the credential carries.
    let integrity = w.ok(&[
        "type-metadata",
        "--vct-base",
        "https://registry.example",
        "--integrity",
    ]);
    assert!(
        integrity.contains(payload["vct#integrity"].as_str().unwrap()),
        "{integrity}"
    );
    let trust = w.trust_args();
    let mut add = vec!["wallet", "add", "--wallet", "w.jwe", "nurse.sd-jwt"];
    add.extend(trust.iter().map(String::as_str));
    w.ok(&add);
    let listed: Value =
        serde_json::from_str(&w.ok(&["wallet", "list", "--wallet", "w.jwe", "--json"])).unwrap();
    assert_eq!(listed["credentials"][0]["format"], "dc+sd-jwt");
    assert_eq!(listed["credentials"][0]["lastKnown"]["status"], "valid");
    assert_eq!(
        listed["credentials"][0]["lastKnown"]["title"],
        "Bachelor of Science in Nursing"
    );
    present(&w, "title,level", "dc.txt");
    let (code, report) = w.verify_json(&["--audience", EMPLOYER, "--nonce", "77aa", "dc.txt"]);
    assert_eq!(
        (code, report["verdict"].as_str()),
        (0, Some("valid")),
        "{report:#}"
    );
    assert_eq!(report["credential"]["verdict"], "valid");
    assert_eq!(
        report["disclosed"],
        serde_json::json!(["qualification.title"])
    );
    assert!(report["subject"].get("birthDate").is_none());
    // The same presentation for another verifier's nonce is refused.
    let (code, report) = w.verify_json(&["--audience", EMPLOYER, "--nonce", "other", "dc.txt"]);
    assert_eq!(code, 1, "{report:#}");
    assert!(
        sd_checks(&report).contains(&"nonce".to_owned()),
        "{report:#}"
    );
}

#[test]
fn dc_sd_jwt_needs_a_holder_and_a_vct_base_and_sd_needs_an_sd_format() {
    let w = World::new();
    let claims = nurse_claims();
    let claims = claims.to_str().unwrap();
    for args in [
        vec![
            "issue",
            "--key",
            "college.key",
            "--claims",
            claims,
            "--dc-sd-jwt",
            "--vct-base",
            "https://r.example",
            "--out",
            "x",
        ],
        vec![
            "issue",
            "--key",
            "college.key",
            "--claims",
            claims,
            "--holder",
            "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
            "--dc-sd-jwt",
            "--out",
            "x",
        ],
        vec![
            "issue",
            "--key",
            "college.key",
            "--claims",
            claims,
            "--sd",
            "name",
            "--out",
            "x",
        ],
    ] {
        let out = w.run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!w.path("x").exists());
    }
}
