//! The `skillpass` binary end to end: the README quickstart verbatim, bulk issuing and
//! verifying, offline revocation, rollback protection and exit codes.

use crate::harness::{code, examples, stdout, Scratch};

/// Operator and college keys and a bundle accrediting the college, as in the quickstart.
fn quickstart(d: &Scratch) -> (String, String) {
    let operator = d.key("operator.key");
    let college = d.key("college.key");
    d.bundle(&college, &[]);
    (operator, college)
}

#[test]
fn the_readme_quickstart_issues_a_credential_that_verifies_valid() {
    let d = Scratch::new();
    let (operator, college) = quickstart(&d);
    assert!(operator.starts_with("did:key:z6Mk") && college.starts_with("did:key:z6Mk"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(d.path("college.key"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let jwk: serde_json::Value =
        serde_json::from_str(&d.ok(&["key", "show", "college.key", "--public-jwk"])).unwrap();
    assert_eq!(jwk["kty"], "OKP");
    assert!(
        jwk.get("d").is_none(),
        "the public JWK must not contain the secret"
    );
    d.issue_nurse(&[], "nurse.jwt");
    let words = d.ok(&[
        "verify",
        "nurse.jwt",
        "--bundle",
        "bundle.jws",
        "--anchor",
        &operator,
    ]);
    assert!(words.starts_with("VALID"), "{words}");
    let json: serde_json::Value = serde_json::from_str(&d.ok(&[
        "verify",
        "nurse.jwt",
        "--bundle",
        "bundle.jws",
        "--anchor",
        &operator,
        "--json",
    ]))
    .unwrap();
    assert_eq!(json["verdict"], "valid");
    assert_eq!(json["checks"].as_array().unwrap().len(), 10);
    // Key files are never printed.
    let secret: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.path("college.key")).unwrap()).unwrap();
    let shown = d.ok(&["key", "show", "college.key"]);
    assert!(!shown.contains(secret["d"].as_str().unwrap()));
}

#[test]
fn key_new_refuses_to_overwrite_an_existing_key() {
    let d = Scratch::new();
    d.ok(&["key", "new", "--out", "a.key"]);
    let before = std::fs::read(d.path("a.key")).unwrap();
    let out = d.run(&["key", "new", "--out", "a.key"]);
    assert_eq!(code(&out), 2);
    assert_eq!(std::fs::read(d.path("a.key")).unwrap(), before);
}

#[test]
fn bulk_issue_of_the_example_csv_yields_1000_credentials_that_all_verify() {
    let d = Scratch::new();
    let operator = d.key("operator.key");
    let center = d.key("center.key");
    d.ok(&[
        "bundle",
        "build",
        "--anchor",
        "operator.key",
        "--issuer",
        &center,
        "--name",
        "Regional Assessment Centre",
        "--country",
        "PH",
        "--accredit",
        "QualificationCredential",
        "--out",
        "bundle.jws",
    ]);
    let csv = examples().join("batch.csv");
    let summary = d.ok(&[
        "issue",
        "--key",
        "center.key",
        "--csv",
        csv.to_str().unwrap(),
        "--out-dir",
        "creds",
    ]);
    assert!(summary.contains("1000 issued, 0 failed"), "{summary}");
    let files = std::fs::read_dir(d.path("creds"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "jwt")
        })
        .count();
    assert_eq!(files, 1000);
    let out = d.run(&[
        "verify",
        "creds",
        "--bundle",
        "bundle.jws",
        "--anchor",
        &operator,
    ]);
    assert_eq!(code(&out), 0, "{}", stdout(&out));
    assert!(stdout(&out).ends_with("1000 valid, 0 invalid, 0 indeterminate\n"));
}

#[test]
fn a_csv_with_two_bad_rows_issues_the_others_and_names_both_lines() {
    let d = Scratch::new();
    d.ok(&["key", "new", "--out", "college.key"]);
    let text = std::fs::read_to_string(examples().join("batch.csv")).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    // Line 5: an unknown framework level; line 9: a row with a missing column.
    lines[4] = lines[4]
        .replacen(",PQF-", ",XQF-", 1)
        .replacen(",NVQ-LK-", ",XQF-", 1)
        .replacen(",NSQF-", ",XQF-", 1)
        .replacen(",BNQF-", ",XQF-", 1)
        .replacen(",NCQF-BW-", ",XQF-", 1);
    let cut = lines[8].rfind(',').unwrap();
    lines[8].truncate(cut);
    std::fs::write(d.path("bad.csv"), lines.join("\n") + "\n").unwrap();
    let out = d.run(&[
        "issue",
        "--key",
        "college.key",
        "--csv",
        "bad.csv",
        "--out-dir",
        "creds",
    ]);
    assert_eq!(code(&out), 1);
    assert!(
        stdout(&out).contains("998 issued, 2 failed"),
        "{}",
        stdout(&out)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("line 5:") && stderr.contains("line 9:"),
        "{stderr}"
    );
    let summary: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(d.path("creds/summary.json")).unwrap())
            .unwrap();
    let lines: Vec<u64> = summary["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, vec![5, 9]);
}

#[test]
fn offline_revocation_and_suspension_reach_the_verifier_through_the_bundle() {
    let d = Scratch::new();
    let (operator, college) = quickstart(&d);
    d.ok(&[
        "status",
        "init",
        "--key",
        "college.key",
        "--out",
        "college.status.json",
        "--base-url",
        "https://college.example/status",
    ]);
    d.issue_nurse(&["--status", "college.status.json"], "nurse.jwt");
    let build = |d: &Scratch| d.bundle(&college, &["--status-list", "college.status.json"]);
    let verify = |d: &Scratch| {
        d.run(&[
            "verify",
            "nurse.jwt",
            "--bundle",
            "bundle.jws",
            "--anchor",
            &operator,
            "--json",
        ])
    };
    // Before the bundle carries the lists, the status cannot be decided.
    let out = verify(&d);
    assert_eq!(code(&out), 3, "{}", stdout(&out));
    build(&d);
    assert_eq!(code(&verify(&d)), 0);

    d.ok(&[
        "suspend",
        "nurse.jwt",
        "--key",
        "college.key",
        "--status",
        "college.status.json",
    ]);
    build(&d);
    let out = verify(&d);
    assert_eq!(code(&out), 1);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let status = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "status")
        .unwrap();
    assert_eq!(status["outcome"], "fail");
    assert!(status["detail"].as_str().unwrap().contains("suspended"));

    d.ok(&[
        "unsuspend",
        "nurse.jwt",
        "--key",
        "college.key",
        "--status",
        "college.status.json",
    ]);
    build(&d);
    assert_eq!(code(&verify(&d)), 0);

    d.ok(&[
        "revoke",
        "nurse.jwt",
        "--key",
        "college.key",
        "--status",
        "college.status.json",
    ]);
    build(&d);
    let out = verify(&d);
    assert_eq!(code(&out), 1);
    assert!(stdout(&out).contains("revoked"));
}

#[test]
fn another_issuers_key_cannot_revoke_in_a_status_file() {
    let d = Scratch::new();
    quickstart(&d);
    d.ok(&["key", "new", "--out", "intruder.key"]);
    d.ok(&[
        "status",
        "init",
        "--key",
        "college.key",
        "--out",
        "college.status.json",
        "--base-url",
        "https://college.example/status",
    ]);
    let before = std::fs::read(d.path("college.status.json")).unwrap();
    let out = d.run(&[
        "revoke",
        "--index",
        "5",
        "--key",
        "intruder.key",
        "--status",
        "college.status.json",
    ]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        std::fs::read(d.path("college.status.json")).unwrap(),
        before
    );
}

#[test]
fn a_bundle_older_than_one_already_seen_is_refused_by_the_cli() {
    let d = Scratch::new();
    let (operator, _) = quickstart(&d);
    d.issue_nurse(&[], "nurse.jwt");
    std::fs::copy(d.path("bundle.jws"), d.path("old.jws")).unwrap();
    // Rebuilding at the same path takes the next sequence number.
    let college = d
        .ok(&["key", "show", "college.key"])
        .lines()
        .next()
        .unwrap()
        .trim_start_matches("did:")
        .trim()
        .to_owned();
    d.bundle(&college, &[]);
    assert_eq!(
        code(&d.run(&[
            "verify",
            "nurse.jwt",
            "--bundle",
            "bundle.jws",
            "--anchor",
            &operator
        ])),
        0
    );
    let out = d.run(&[
        "verify",
        "nurse.jwt",
        "--bundle",
        "old.jws",
        "--anchor",
        &operator,
    ]);
    assert_eq!(code(&out), 1);
    assert!(stdout(&out).contains("rollback"), "{}", stdout(&out));
}

#[test]
fn verify_exit_codes_distinguish_invalid_indeterminate_and_could_not_run() {
    let d = Scratch::new();
    let (operator, _) = quickstart(&d);
    d.issue_nurse(&[], "nurse.jwt");
    let other = d.key("other.key");
    let op = operator.as_str();
    for (file, anchor, extra, expected, why) in [
        ("nurse.jwt", op, &[][..], 0, "valid"),
        (
            "nurse.jwt",
            op,
            &["--at", "2099-01-01"],
            3,
            "past the bundle's next update",
        ),
        (
            "nurse.jwt",
            op,
            &["--at", "2000-01-01"],
            1,
            "before the credential's validity",
        ),
        ("missing.jwt", op, &[], 2, "a file that is not there"),
        (
            "nurse.jwt",
            "did:web:x",
            &[],
            2,
            "an anchor that is not a did:key",
        ),
        (
            "nurse.jwt",
            op,
            &["--at", "soon"],
            2,
            "a time that is not one",
        ),
        (
            "nurse.jwt",
            &other,
            &[],
            1,
            "a bundle not signed by the pinned anchor",
        ),
    ] {
        let mut args = vec!["verify", file, "--bundle", "bundle.jws", "--anchor", anchor];
        args.extend_from_slice(extra);
        let out = d.run(&args);
        assert_eq!(code(&out), expected, "{why}");
        if anchor == other {
            assert!(stdout(&out).contains("trust-bundle"));
        }
    }
}

#[test]
fn verify_reads_one_jws_per_line_from_standard_input_and_summarises() {
    let d = Scratch::new();
    let (operator, _) = quickstart(&d);
    d.issue_nurse(&[], "nurse.jwt");
    let jws = std::fs::read_to_string(d.path("nurse.jwt"))
        .unwrap()
        .trim()
        .to_owned();
    let input = format!("{jws}\n{}\n\n{jws}", jws.replace('.', ".x"));
    let out = d.run_stdin(
        &[
            "verify",
            "-",
            "--bundle",
            "bundle.jws",
            "--anchor",
            &operator,
        ],
        &input,
    );
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    assert!(text.contains("stdin:1: valid"), "{text}");
    assert!(
        text.contains("stdin:2: invalid (failed: well-formed)"),
        "{text}"
    );
    assert!(text.contains("stdin:4: valid"), "{text}");
    assert!(
        text.ends_with("2 valid, 1 invalid, 0 indeterminate\n"),
        "{text}"
    );
}

#[test]
fn bad_claims_files_are_reported_without_writing_a_credential() {
    let d = Scratch::new();
    quickstart(&d);
    std::fs::write(
        d.path("claims.json"),
        r#"{"type":"QualificationCredential","credentialSubject":{"name":"X"}}"#,
    )
    .unwrap();
    let out = d.run(&[
        "issue",
        "--key",
        "college.key",
        "--claims",
        "claims.json",
        "--out",
        "x.jwt",
    ]);
    assert_eq!(code(&out), 2);
    assert!(String::from_utf8_lossy(&out.stderr).contains("schema"));
    assert!(!d.path("x.jwt").exists());
    std::fs::write(d.path("broken.json"), "{").unwrap();
    let out = d.run(&[
        "issue",
        "--key",
        "college.key",
        "--claims",
        "broken.json",
        "--out",
        "x.jwt",
    ]);
    assert_eq!(code(&out), 2);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("skillpass: error:") && !stderr.contains("panicked"),
        "{stderr}"
    );
}

#[test]
fn bulk_issue_with_a_status_file_gives_every_credential_its_own_saved_index() {
    let d = Scratch::new();
    d.ok(&["key", "new", "--out", "center.key"]);
    d.ok(&[
        "status",
        "init",
        "--key",
        "center.key",
        "--out",
        "center.status.json",
        "--base-url",
        "https://college.example/status",
    ]);
    let csv = examples().join("batch.csv");
    d.ok(&[
        "issue",
        "--key",
        "center.key",
        "--csv",
        csv.to_str().unwrap(),
        "--out-dir",
        "creds",
        "--status",
        "center.status.json",
    ]);
    let shown = d.ok(&["status", "show", "center.status.json"]);
    assert!(
        shown.contains("revocation list") && shown.contains("1000 allocated"),
        "{shown}"
    );
    let mut indexes = std::collections::HashSet::new();
    for entry in std::fs::read_dir(d.path("creds")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|x| x == "jwt") {
            let jws = std::fs::read_to_string(&path).unwrap();
            let payload = jws.trim().split('.').nth(1).unwrap();
            let doc: serde_json::Value = serde_json::from_slice(
                &base64::Engine::decode(&base64::engine::general_purpose::URL_SAFE_NO_PAD, payload)
                    .unwrap(),
            )
            .unwrap();
            assert!(indexes.insert(
                doc["credentialStatus"][0]["statusListIndex"]
                    .as_str()
                    .unwrap()
                    .to_owned()
            ));
        }
    }
    assert_eq!(indexes.len(), 1000);
}

#[test]
fn es256_keys_sign_bundles_and_credentials_that_verify_valid_and_other_algs_are_refused() {
    let d = Scratch::new();
    let operator = d
        .ok(&["key", "new", "--alg", "ES256", "--out", "operator.key"])
        .trim()
        .to_owned();
    let college = d
        .ok(&["key", "new", "--alg", "ES256", "--out", "college.key"])
        .trim()
        .to_owned();
    assert!(operator.starts_with("did:key:zDn") && college.starts_with("did:key:zDn"));
    let jwk: serde_json::Value =
        serde_json::from_str(&d.ok(&["key", "show", "college.key", "--public-jwk"])).unwrap();
    assert_eq!(
        (jwk["kty"].as_str(), jwk["crv"].as_str()),
        (Some("EC"), Some("P-256"))
    );
    assert!(jwk["y"].is_string() && jwk.get("d").is_none());
    let shown = d.ok(&["key", "show", "college.key"]);
    assert!(shown.contains("ES256 (P-256)"), "{shown}");
    let did_jwk = d.ok(&["key", "show", "college.key", "--did-jwk"]);
    assert!(did_jwk.starts_with("did:jwk:ey"), "{did_jwk}");
    d.bundle(&college, &[]);
    d.issue_nurse(&[], "nurse.jwt");
    let json: serde_json::Value = serde_json::from_str(&d.ok(&[
        "verify",
        "nurse.jwt",
        "--bundle",
        "bundle.jws",
        "--anchor",
        &operator,
        "--json",
    ]))
    .unwrap();
    assert_eq!(json["verdict"], "valid", "{json}");
    assert!(json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["detail"] == "ES256 (P-256)"));
    for refused in ["RS256", "ES256K", "HS256", "HS384", "none"] {
        let out = d.run(&["key", "new", "--alg", refused, "--out", "x.key"]);
        assert_eq!(code(&out), 2, "{refused}");
        let err = crate::harness::stderr(&out);
        assert!(err.contains("EdDSA, ES256, ES384, ES512"), "{err}");
        assert!(!d.path("x.key").exists());
    }
}

#[test]
fn es384_and_es512_keys_sign_bundles_credentials_and_sd_jwts_that_verify_valid() {
    for (alg, did_prefix, curve, signature_len) in [
        ("ES384", "did:key:z82", "P-384", 96),
        ("ES512", "did:key:z2J9", "P-521", 132),
    ] {
        nist_keys_sign_bundles_credentials_and_sd_jwts_that_verify_valid(
            alg,
            did_prefix,
            curve,
            signature_len,
        );
    }
}

fn nist_keys_sign_bundles_credentials_and_sd_jwts_that_verify_valid(
    alg: &str,
    did_prefix: &str,
    curve: &str,
    signature_len: usize,
) {
    let d = Scratch::new();
    let operator = d
        .ok(&["key", "new", "--alg", alg, "--out", "operator.key"])
        .trim()
        .to_owned();
    let college = d
        .ok(&["key", "new", "--alg", alg, "--out", "college.key"])
        .trim()
        .to_owned();
    assert!(operator.starts_with(did_prefix) && college.starts_with(did_prefix));
    let jwk: serde_json::Value =
        serde_json::from_str(&d.ok(&["key", "show", "college.key", "--public-jwk"])).unwrap();
    assert_eq!(
        (jwk["kty"].as_str(), jwk["crv"].as_str()),
        (Some("EC"), Some(curve))
    );
    assert!(d
        .ok(&["key", "show", "college.key"])
        .contains(&format!("{alg} ({curve})")));
    d.bundle(&college, &[]);
    d.issue_nurse(&[], "nurse.jwt");
    let jws = std::fs::read_to_string(d.path("nurse.jwt")).unwrap();
    let signature = {
        use base64::Engine as _;
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(jws.trim().split('.').nth(2).unwrap())
            .unwrap()
    };
    assert_eq!(signature.len(), signature_len, "JOSE {alg}: r || s");
    let json: serde_json::Value = serde_json::from_str(&d.ok(&[
        "verify",
        "nurse.jwt",
        "--bundle",
        "bundle.jws",
        "--anchor",
        &operator,
        "--json",
    ]))
    .unwrap();
    assert_eq!(json["verdict"], "valid", "{json}");
    assert!(json["checks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["detail"] == format!("{alg} ({curve})")));
    // A holder (wallet) key of the same algorithm, bound into an SD-JWT by the issuer.
    let holder = d
        .ok(&["wallet", "init", "--wallet", "w.jwe", "--alg", alg])
        .trim()
        .to_owned();
    assert!(holder.starts_with(did_prefix), "{holder}");
    d.issue_nurse(&["--holder", &holder, "--sd-jwt"], "nurse.sd-jwt");
    let text = std::fs::read_to_string(d.path("nurse.sd-jwt")).unwrap();
    let header = {
        use base64::Engine as _;
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(text.split('.').next().unwrap())
            .unwrap()
    };
    let header: serde_json::Value = serde_json::from_slice(&header).unwrap();
    assert_eq!(header["alg"], alg);
}
