//! `skillpass wallet`, and the round trip of issue 5's first acceptance criterion.

use super::World;
use crate::harness::{failed_checks, nurse_claims, EMPLOYER, OTHER_VERIFIER};

/// A world with a wallet whose holder DID is returned.
fn world_with_wallet() -> (World, String) {
    let w = World::new();
    let did = w
        .ok(&["wallet", "init", "--wallet", "w.jwe"])
        .trim()
        .to_owned();
    assert!(did.starts_with("did:key:z6Mk"), "{did}");
    (w, did)
}

fn list_json(w: &World) -> serde_json::Value {
    serde_json::from_str(&w.ok(&["wallet", "list", "--wallet", "w.jwe", "--json"])).unwrap()
}

#[test]
fn round_trip_wallet_issue_add_present_verify_and_replays_are_invalid() {
    let (w, did) = world_with_wallet();
    // The college issues to the DID the migrant gave it.
    w.issue_to(&did, "nurse.jwt");
    let trust = w.trust_args();
    let mut add = vec!["wallet", "add", "--wallet", "w.jwe", "nurse.jwt"];
    add.extend(trust.iter().map(String::as_str));
    w.ok(&add);
    let listed = list_json(&w);
    assert_eq!(listed["holder"], did.as_str());
    let known = &listed["credentials"][0]["lastKnown"];
    assert_eq!(known["title"], "Bachelor of Science in Nursing");
    assert_eq!(known["issuerName"], "Manila College of Nursing");
    assert_eq!(known["country"], "PH");
    assert_eq!(known["levels"][0], "PQF-6");
    assert_eq!(known["status"], "valid");

    // The employer gives its DID and a nonce; the migrant presents from the wallet.
    w.ok(&[
        "present",
        "--wallet",
        "w.jwe",
        "--credential",
        "1",
        "--audience",
        EMPLOYER,
        "--nonce",
        "9c2e7d41",
        "--out",
        "vp.jwt",
    ]);
    let (code, report) = w.verify_json(&[
        "--presentation",
        "--audience",
        EMPLOYER,
        "--nonce",
        "9c2e7d41",
        "vp.jwt",
    ]);
    assert_eq!(
        (code, report["verdict"].as_str()),
        (0, Some("valid")),
        "{report:#}"
    );

    let (code, report) = w.verify_json(&[
        "--presentation",
        "--audience",
        EMPLOYER,
        "--nonce",
        "another",
        "vp.jwt",
    ]);
    assert_eq!((code, report["verdict"].as_str()), (1, Some("invalid")));
    assert_eq!(failed_checks(&report), vec!["nonce"]);

    let (code, report) = w.verify_json(&[
        "--presentation",
        "--audience",
        OTHER_VERIFIER,
        "--nonce",
        "9c2e7d41",
        "vp.jwt",
    ]);
    assert_eq!((code, report["verdict"].as_str()), (1, Some("invalid")));
    assert_eq!(failed_checks(&report), vec!["audience"]);
}

#[test]
fn the_human_list_shows_title_issuer_country_level_and_status() {
    let (w, did) = world_with_wallet();
    w.issue_to(&did, "nurse.jwt");
    w.ok(&["wallet", "add", "--wallet", "w.jwe", "nurse.jwt"]);
    let text = w.ok(&["wallet", "list", "--wallet", "w.jwe"]);
    for expected in [
        "Bachelor of Science in Nursing",
        "PH",
        "PQF-6",
        "unchecked",
        &did,
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
}

#[test]
fn a_wrong_passphrase_gives_one_clear_error() {
    let (w, did) = world_with_wallet();
    w.issue_to(&did, "nurse.jwt");
    let out = w.run_with(
        &["wallet", "add", "--wallet", "w.jwe", "nurse.jwt"],
        &[("SKILLPASS_PASSPHRASE", "not the passphrase")],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("wrong passphrase"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn the_wallet_file_is_unreadable_without_the_passphrase() {
    let (w, did) = world_with_wallet();
    w.issue_to(&did, "nurse.jwt");
    w.ok(&["wallet", "add", "--wallet", "w.jwe", "nurse.jwt"]);
    let file = std::fs::read_to_string(w.path("w.jwe")).unwrap();
    assert!(!file.contains("Nursing") && !file.contains(&did));
    // No passphrase in the environment and no terminal: it cannot be opened.
    let out = w.run_with(&["wallet", "list", "--wallet", "w.jwe"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
}

#[test]
fn a_corrupted_wallet_file_is_reported_not_emptied() {
    let (w, did) = world_with_wallet();
    w.issue_to(&did, "nurse.jwt");
    w.ok(&["wallet", "add", "--wallet", "w.jwe", "nurse.jwt"]);
    let good = std::fs::read_to_string(w.path("w.jwe")).unwrap();
    // Damage one character in the middle of the ciphertext.
    let mut bytes = good.clone().into_bytes();
    let at = good.rfind('.').unwrap() - 20;
    bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
    std::fs::write(w.path("w.jwe"), &bytes).unwrap();
    let out = w.run(&["wallet", "list", "--wallet", "w.jwe"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("corrupted"));
    // Adding to it is refused too, and the damaged file is left as it was for recovery.
    w.issue_to(&did, "second.jwt");
    let out = w.run(&["wallet", "add", "--wallet", "w.jwe", "second.jwt"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(w.path("w.jwe")).unwrap(), bytes);
}

#[test]
fn add_never_loses_existing_credentials() {
    let (w, did) = world_with_wallet();
    w.issue_to(&did, "one.jwt");
    w.issue_to(&did, "two.jwt");
    w.ok(&["wallet", "add", "--wallet", "w.jwe", "one.jwt"]);
    w.ok(&["wallet", "add", "--wallet", "w.jwe", "two.jwt"]);
    assert_eq!(list_json(&w)["credentials"].as_array().unwrap().len(), 2);

    // A refused credential (someone else's) leaves the file byte for byte unchanged.
    let before = std::fs::read(w.path("w.jwe")).unwrap();
    let other = w.key("other.key");
    w.issue_to(&other, "theirs.jwt");
    let out = w.run(&["wallet", "add", "--wallet", "w.jwe", "theirs.jwt"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not to this wallet's holder"));
    assert_eq!(std::fs::read(w.path("w.jwe")).unwrap(), before);

    // A duplicate is not added again (nor called a refusal: issue 9) and both credentials
    // are still there, with no temporary file left behind.
    let out = w.run(&["wallet", "add", "--wallet", "w.jwe", "one.jwt"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("already in the wallet"));
    assert_eq!(list_json(&w)["credentials"].as_array().unwrap().len(), 2);
    let leftovers: Vec<_> = std::fs::read_dir(w.dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn add_with_a_bundle_refuses_an_invalid_credential() {
    let (w, did) = world_with_wallet();
    // A credential from a college the bundle does not know.
    w.ok(&["key", "new", "--out", "rogue.key"]);
    w.ok(&[
        "issue",
        "--key",
        "rogue.key",
        "--claims",
        nurse_claims().to_str().unwrap(),
        "--holder",
        &did,
        "--out",
        "rogue.jwt",
    ]);
    let trust = w.trust_args();
    let mut add = vec!["wallet", "add", "--wallet", "w.jwe", "rogue.jwt"];
    add.extend(trust.iter().map(String::as_str));
    let out = w.run(&add);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("issuer-accredited"));
    assert!(list_json(&w)["credentials"].as_array().unwrap().is_empty());
}

#[test]
fn init_refuses_to_replace_an_existing_wallet() {
    let (w, _) = world_with_wallet();
    let out = w.run(&["wallet", "init", "--wallet", "w.jwe"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn export_then_import_into_another_wallet_of_the_same_key_keeps_every_credential() {
    let (w, did) = world_with_wallet();
    w.issue_to(&did, "one.jwt");
    w.issue_to(&did, "two.jwt");
    w.ok(&["wallet", "add", "--wallet", "w.jwe", "one.jwt", "two.jwt"]);
    w.ok(&["wallet", "export", "--wallet", "w.jwe", "--out", "all.txt"]);
    assert_eq!(
        std::fs::read_to_string(w.path("all.txt"))
            .unwrap()
            .lines()
            .count(),
        2
    );
    // Import into the same wallet: both already held, nothing lost or doubled.
    w.ok(&["wallet", "import", "--wallet", "w.jwe", "all.txt"]);
    assert_eq!(list_json(&w)["credentials"].as_array().unwrap().len(), 2);
    let shown: serde_json::Value =
        serde_json::from_str(&w.ok(&["wallet", "show", "--wallet", "w.jwe", "2"])).unwrap();
    assert_eq!(shown["credential"]["credentialSubject"]["id"], did.as_str());
}

#[test]
fn adding_a_credential_already_in_the_wallet_says_so_and_is_not_a_refusal() {
    let (w, did) = world_with_wallet();
    w.issue_to(&did, "nurse.jwt");
    w.ok(&["wallet", "add", "--wallet", "w.jwe", "nurse.jwt"]);
    for command in ["add", "import"] {
        let out = w.run(&["wallet", command, "--wallet", "w.jwe", "nurse.jwt"]);
        assert_eq!(out.status.code(), Some(0), "{command}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("nurse.jwt: already in the wallet"),
            "{command}: {err}"
        );
        assert!(
            err.contains("0 added, 1 already in the wallet, 0 refused"),
            "{command}: {err}"
        );
        assert!(!err.contains("refused:"), "{command}: {err}");
    }
}

#[test]
fn an_empty_wallet_says_it_holds_no_credentials_yet() {
    let (w, _) = world_with_wallet();
    let listed = w.ok(&["wallet", "list", "--wallet", "w.jwe"]);
    assert!(
        listed.contains("the wallet holds no credentials yet"),
        "{listed}"
    );
    assert!(listed.contains("(0 credentials)"), "{listed}");
    let out = w.run(&["wallet", "export", "--wallet", "w.jwe", "--out", "all.txt"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no credentials yet"));
    assert!(!w.path("all.txt").exists());
    for args in [
        vec!["wallet", "show", "--wallet", "w.jwe", "1"],
        vec![
            "present",
            "--wallet",
            "w.jwe",
            "--audience",
            EMPLOYER,
            "--nonce",
            "n1",
        ],
    ] {
        let out = w.run(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("no credentials yet"), "{args:?}: {err}");
    }
}

#[test]
fn present_from_a_wallet_with_one_credential_needs_no_choice() {
    let (w, did) = world_with_wallet();
    w.issue_to(&did, "nurse.jwt");
    w.ok(&["wallet", "add", "--wallet", "w.jwe", "nurse.jwt"]);
    w.ok(&[
        "present",
        "--wallet",
        "w.jwe",
        "--audience",
        EMPLOYER,
        "--nonce",
        "n1",
        "--out",
        "vp.jwt",
    ]);
    let (code, report) = w.verify_json(&[
        "--presentation",
        "--audience",
        EMPLOYER,
        "--nonce",
        "n1",
        "vp.jwt",
    ]);
    assert_eq!(
        (code, report["verdict"].as_str()),
        (0, Some("valid")),
        "{report:#}"
    );
    // With two, the holder chooses.
    w.issue_to(&did, "second.jwt");
    w.ok(&["wallet", "add", "--wallet", "w.jwe", "second.jwt"]);
    let out = w.run(&[
        "present",
        "--wallet",
        "w.jwe",
        "--audience",
        EMPLOYER,
        "--nonce",
        "n2",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("holds 2 credentials") && err.contains("--credential"),
        "{err}"
    );
}

#[test]
fn a_skill_credential_is_listed_under_a_short_title() {
    let (w, did) = world_with_wallet();
    let skills = nurse_claims().with_file_name("care-worker-skills.json");
    w.ok(&[
        "issue",
        "--key",
        "college.key",
        "--claims",
        skills.to_str().unwrap(),
        "--holder",
        &did,
        "--out",
        "care.jwt",
    ]);
    let out = w.run(&["wallet", "add", "--wallet", "w.jwe", "care.jwt"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("(Personal care of older adults and 4 more skills)"),
        "{err}"
    );
    let known = &list_json(&w)["credentials"][0]["lastKnown"];
    assert_eq!(
        known["title"],
        "Personal care of older adults and 4 more skills"
    );
    let text = w.ok(&["wallet", "list", "--wallet", "w.jwe"]);
    assert!(!text.contains("Medication support"), "{text}");
}

#[test]
fn the_list_shows_the_title_in_the_readers_language_and_the_tag_of_another() {
    let (w, did) = world_with_wallet();
    let mut claims: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(nurse_claims()).unwrap()).unwrap();
    claims["credentialSubject"]["qualification"]["title"] = serde_json::json!({
        "en": "Bachelor of Science in Nursing",
        "de": "Bachelor of Science in Pflege",
    });
    std::fs::write(w.path("multilingual.json"), claims.to_string()).unwrap();
    w.ok(&[
        "issue",
        "--key",
        "college.key",
        "--claims",
        "multilingual.json",
        "--holder",
        &did,
        "--out",
        "nurse.jwt",
    ]);
    w.ok(&["wallet", "add", "--wallet", "w.jwe", "nurse.jwt"]);
    let german = w.ok(&["wallet", "list", "--wallet", "w.jwe", "--lang", "de"]);
    assert!(german.contains("Bachelor of Science in Pflege"), "{german}");
    let french = w.ok(&["wallet", "list", "--wallet", "w.jwe", "--lang", "fr"]);
    assert!(
        french.contains("Bachelor of Science in Nursing (en)"),
        "{french}"
    );
    let english = w.ok(&["wallet", "list", "--wallet", "w.jwe"]);
    assert!(
        english.contains("Bachelor of Science in Nursing") && !english.contains("(en)"),
        "{english}"
    );
}
