//! Nothing silently dropped (issue 17): what a claims file holds is carried into the signed
//! credential or refused by name, and status lists are named by URLs a verifier can fetch.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use serde_json::{json, Value};

use crate::harness::{code, examples, stderr, stdout, Scratch};

/// The payload of a compact JWS file, as signed.
fn payload(s: &Scratch, file: &str) -> Value {
    let jws = std::fs::read_to_string(s.path(file)).unwrap();
    let part = jws.trim().split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part).unwrap()).unwrap()
}

fn nurse() -> Value {
    serde_json::from_str(
        &std::fs::read_to_string(examples().join("nurse-qualification.json")).unwrap(),
    )
    .unwrap()
}

fn write(s: &Scratch, file: &str, value: &Value) {
    std::fs::write(s.path(file), value.to_string()).unwrap();
}

fn evidence() -> Value {
    json!([{
        "id": "https://college.example/evidence/licensure-exam-2023-0042",
        "type": ["https://schema.org/DigitalDocument"],
        "name": "Nurse licensure examination record"
    }])
}

#[test]
fn issue_carries_valid_from_and_evidence_and_refuses_an_unknown_member_by_name() {
    let s = Scratch::new();
    let operator = s.key("operator.key");
    let college = s.key("college.key");
    let mut claims = nurse();
    claims["validFrom"] = json!("2026-01-05T00:00:00Z");
    claims["evidence"] = evidence();
    claims["favouriteColour"] = json!("green");
    write(&s, "claims.json", &claims);
    let args = [
        "issue",
        "--key",
        "college.key",
        "--claims",
        "claims.json",
        "--out",
        "nurse.jwt",
    ];
    let out = s.run(&args);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    assert!(
        stderr(&out).contains("claims member `favouriteColour` is refused"),
        "{}",
        stderr(&out)
    );
    assert!(!stderr(&out).contains("green"));
    assert!(!s.path("nurse.jwt").exists());

    claims.as_object_mut().unwrap().remove("favouriteColour");
    write(&s, "claims.json", &claims);
    s.ok(&args);
    let signed = payload(&s, "nurse.jwt");
    assert_eq!(signed["validFrom"], json!("2026-01-05T00:00:00Z"));
    assert_eq!(signed["evidence"], evidence());
    // The college was accredited before the credential's validFrom.
    s.bundle(&college, &["--accredited-from", "2025-01-01T00:00:00Z"]);
    let report = s.ok(&[
        "verify",
        "nurse.jwt",
        "--bundle",
        "bundle.jws",
        "--anchor",
        &operator,
        "--json",
    ]);
    let report: Value = serde_json::from_str(&report).unwrap();
    assert_eq!(report["verdict"], "valid", "{report}");
}

#[test]
fn the_example_claims_file_with_evidence_issues_and_verifies() {
    let s = Scratch::new();
    let operator = s.key("operator.key");
    let college = s.key("college.key");
    let claims = examples().join("nurse-qualification-evidence.json");
    s.ok(&[
        "issue",
        "--key",
        "college.key",
        "--claims",
        claims.to_str().unwrap(),
        "--out",
        "nurse.jwt",
    ]);
    let signed = payload(&s, "nurse.jwt");
    let example: Value = serde_json::from_str(&std::fs::read_to_string(&claims).unwrap()).unwrap();
    for member in ["validFrom", "evidence", "termsOfUse"] {
        assert_eq!(signed[member], example[member], "{member}");
    }
    // The college was accredited before the credential's validFrom.
    s.bundle(&college, &["--accredited-from", "2025-01-01T00:00:00Z"]);
    s.ok(&[
        "verify",
        "nurse.jwt",
        "--bundle",
        "bundle.jws",
        "--anchor",
        &operator,
    ]);
}

#[test]
fn issue_refuses_claims_members_that_come_from_elsewhere_saying_where() {
    let s = Scratch::new();
    s.key("college.key");
    for (member, says) in [
        ("issuer", "--issuer"),
        ("credentialStatus", "--status"),
        ("proof", "signing"),
    ] {
        let mut claims = nurse();
        claims[member] = json!({"id": "did:example:x"});
        write(&s, "claims.json", &claims);
        let out = s.run(&[
            "issue",
            "--key",
            "college.key",
            "--claims",
            "claims.json",
            "--out",
            "x.jwt",
        ]);
        assert_eq!(code(&out), 2, "{member}");
        let err = stderr(&out);
        assert!(
            err.contains(&format!("claims member `{member}` is refused")) && err.contains(says),
            "{member}: {err}"
        );
    }
}

#[test]
fn the_valid_from_flag_still_wins_over_the_claims() {
    let s = Scratch::new();
    s.key("college.key");
    let mut claims = nurse();
    claims["validFrom"] = json!("2026-01-05T00:00:00Z");
    write(&s, "claims.json", &claims);
    s.ok(&[
        "issue",
        "--key",
        "college.key",
        "--claims",
        "claims.json",
        "--valid-from",
        "2026-02-01T00:00:00Z",
        "--out",
        "nurse.jwt",
    ]);
    assert_eq!(
        payload(&s, "nurse.jwt")["validFrom"],
        json!("2026-02-01T00:00:00Z")
    );
}

#[test]
fn status_init_without_a_url_is_refused_saying_what_to_pass() {
    let s = Scratch::new();
    s.key("college.key");
    let out = s.run(&["status", "init", "--key", "college.key", "--out", "st.json"]);
    assert_eq!(code(&out), 2, "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("a status list needs a URL where verifiers fetch it"),
        "{err}"
    );
    assert!(
        err.contains("--registry URL") && err.contains("--base-url URL"),
        "{err}"
    );
    assert!(!s.path("st.json").exists());
    // Nor is a base that is not an http(s) URL taken.
    for bad in [
        "urn:uuid:1",
        "registry.example/status",
        "https://r.example/status?x=1",
    ] {
        let out = s.run(&[
            "status",
            "init",
            "--key",
            "college.key",
            "--out",
            "st.json",
            "--base-url",
            bad,
        ]);
        assert_eq!(code(&out), 2, "{bad}");
        assert!(
            stderr(&out).contains("http:// or https:// URL"),
            "{bad}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn status_lists_default_to_the_registry_url_from_the_flag_or_the_environment() {
    let s = Scratch::new();
    let college = s.key("college.key");
    let printed = s.ok(&[
        "status",
        "init",
        "--key",
        "college.key",
        "--registry",
        "https://registry.example/",
        "--out",
        "flag.json",
    ]);
    let revocation = format!("https://registry.example/status/{college}/revocation");
    assert!(
        printed.contains(&format!("revocation list: {revocation}")),
        "{printed}"
    );
    assert!(
        printed.contains(&format!(
            "suspension list: https://registry.example/status/{college}/suspension"
        )),
        "{printed}"
    );
    let out = s.run_with(
        &[
            "status",
            "init",
            "--key",
            "college.key",
            "--out",
            "env.json",
        ],
        &[("SKILLPASS_REGISTRY", "https://registry.example")],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains(&format!("revocation list: {revocation}")));
    // --base-url, for lists published elsewhere, wins over the registry.
    let printed = s.ok(&[
        "status",
        "init",
        "--key",
        "college.key",
        "--registry",
        "https://registry.example",
        "--base-url",
        "https://college.example/lists",
        "--out",
        "own.json",
    ]);
    assert!(printed.contains(&format!(
        "revocation list: https://college.example/lists/{college}/revocation"
    )));
    // A credential issued with it names the list by that URL.
    s.issue_nurse(&["--status", "flag.json"], "nurse.jwt");
    let status = payload(&s, "nurse.jwt")["credentialStatus"].clone();
    let lists: Vec<&str> = status
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["statusListCredential"].as_str().unwrap())
        .collect();
    assert_eq!(
        lists,
        [
            revocation.as_str(),
            &format!("https://registry.example/status/{college}/suspension")
        ]
    );
}

#[test]
fn issue_status_refuses_an_old_list_file_without_urls() {
    let s = Scratch::new();
    let college = s.key("college.key");
    s.ok(&[
        "status",
        "init",
        "--key",
        "college.key",
        "--base-url",
        "https://college.example/status",
        "--out",
        "st.json",
    ]);
    s.issue_nurse(&["--status", "st.json"], "before.jwt");
    // A file as `status init` made it before list URLs were required: urn:uuid ids.
    let text = std::fs::read_to_string(s.path("st.json")).unwrap();
    let old = text
        .replace(
            &format!("https://college.example/status/{college}/revocation"),
            "urn:uuid:6f1c0d3e-0000-4000-8000-000000000001",
        )
        .replace(
            &format!("https://college.example/status/{college}/suspension"),
            "urn:uuid:6f1c0d3e-0000-4000-8000-000000000002",
        );
    assert_ne!(old, text);
    std::fs::write(s.path("old.json"), &old).unwrap();
    let out = s.run(&[
        "issue",
        "--key",
        "college.key",
        "--claims",
        examples()
            .join("nurse-qualification.json")
            .to_str()
            .unwrap(),
        "--status",
        "old.json",
        "--out",
        "after.jwt",
    ]);
    assert_eq!(code(&out), 2);
    let err = stderr(&out);
    assert!(
        err.contains("this status list file's lists have no URL"),
        "{err}"
    );
    assert!(
        err.contains("skillpass status init --registry URL"),
        "{err}"
    );
    assert!(!s.path("after.jwt").exists());
    assert_eq!(std::fs::read_to_string(s.path("old.json")).unwrap(), old);
    // The file is still read: what was issued from it can be revoked.
    s.ok(&["status", "show", "old.json"]);
}
