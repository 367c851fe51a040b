//! End-to-end: the real `skillpass-registry` and `skillpass` binaries over a real socket
//! (127.0.0.1, port 0). The binaries are built by `cargo build` on first use. Crash
//! durability under load (SIGKILL while publishing and revoking) is in `crash.rs`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::path::Path;
use std::process::Output;

use skillpass_e2e::{accredited_college, ok, skillpass, Server};

const NURSE: &str = include_str!("../../examples/nurse-qualification.json");

#[test]
fn register_accredit_issue_publish_verify_revoke_and_verify_the_log() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let data = d.join("data");
    let server = Server::start(&data);
    let (url, anchor) = (server.url.clone(), server.anchor.clone());
    let sp = |args: &[&str]| skillpass(d, &url, args);

    let college = ok(&sp(&["key", "new", "--out", "college.key"]))
        .trim()
        .to_owned();
    let holder = ok(&sp(&["key", "new", "--out", "holder.key"]))
        .trim()
        .to_owned();
    ok(&sp(&[
        "issuer",
        "register",
        "--key",
        "college.key",
        "--name",
        "Manila College of Nursing",
        "--country",
        "PH",
        "--scope",
        "QualificationCredential:PQF-6",
    ]));
    ok(&sp(&[
        "operator",
        "accredit",
        "--key",
        data.join("operator.key").to_str().unwrap(),
        "--issuer",
        &college,
        "--scope",
        "QualificationCredential:PQF-6",
    ]));
    ok(&sp(&[
        "status",
        "init",
        "--key",
        "college.key",
        "--out",
        "college-status.json",
        "--base-url",
        &format!("{url}/status"),
    ]));
    let claims = d.join("nurse.json");
    std::fs::write(&claims, NURSE).unwrap();
    ok(&sp(&[
        "issue",
        "--key",
        "college.key",
        "--claims",
        "nurse.json",
        "--holder",
        &holder,
        "--status",
        "college-status.json",
        "--out",
        "nurse.jwt",
    ]));
    ok(&sp(&[
        "publish",
        "--key",
        "college.key",
        "--status",
        "college-status.json",
        "nurse.jwt",
    ]));
    ok(&sp(&[
        "bundle",
        "fetch",
        "--out",
        "bundle.jws",
        "--anchor",
        &anchor,
    ]));
    let unchanged = ok(&sp(&[
        "bundle",
        "fetch",
        "--out",
        "bundle.jws",
        "--anchor",
        &anchor,
    ]));
    assert!(unchanged.contains("unchanged"), "{unchanged}");
    let verify = [
        "verify",
        "nurse.jwt",
        "--bundle",
        "bundle.jws",
        "--anchor",
        &anchor,
        "--state",
        "seen.json",
        "--json",
    ];
    let valid = sp(&verify);
    assert_eq!(
        valid.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&valid.stdout)
    );

    // Another issuer's key cannot accredit; the error is one line with status and code.
    let refused = sp(&[
        "operator",
        "accredit",
        "--key",
        "college.key",
        "--issuer",
        &college,
        "--scope",
        "QualificationCredential:PQF-8",
    ]);
    assert_eq!(refused.status.code(), Some(2));
    let line = String::from_utf8_lossy(&refused.stderr).into_owned();
    assert!(line.contains("HTTP 403 forbidden"), "{line}");
    assert_eq!(line.trim().lines().count(), 1);

    ok(&sp(&[
        "revoke",
        "--registry",
        &url,
        "--key",
        "college.key",
        "nurse.jwt",
    ]));
    ok(&sp(&[
        "bundle",
        "fetch",
        "--out",
        "bundle.jws",
        "--anchor",
        &anchor,
    ]));
    let invalid = sp(&verify);
    assert_eq!(invalid.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&invalid.stdout).unwrap();
    let report = if report.is_array() {
        report[0].clone()
    } else {
        report
    };
    assert_eq!(report["verdict"], "invalid");
    let failed: Vec<&str> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["outcome"] == "fail")
        .map(|c| c["name"].as_str().unwrap())
        .collect();
    assert_eq!(failed, ["status"]);

    let log = ok(&sp(&["log", "verify"]));
    assert!(log.contains("log verified"), "{log}");

    // Editing one byte of a stored log entry makes `log verify` fail and name the entry.
    server.kill();
    {
        use registry_server::store::{Batch, SledStore, Store as _, Tree};
        let store = SledStore::open(&data.join("store")).unwrap();
        let key = 3u64.to_be_bytes();
        let mut entry = store.get(Tree::LogseqEntry, &key).unwrap().unwrap();
        let at = entry.iter().position(|&b| b == b'2').unwrap();
        entry[at] = b'3';
        let mut batch = Batch::default();
        batch.put(Tree::LogseqEntry, key.to_vec(), entry);
        store.apply(batch).unwrap();
    }
    // The registry no longer serves a store whose log chain is broken: it refuses to start
    // and names the entry (issue 9, point 3).
    let (code, said) = skillpass_e2e::registry_exit(&[
        std::ffi::OsStr::new("--listen"),
        std::ffi::OsStr::new("127.0.0.1:0"),
        std::ffi::OsStr::new("--data"),
        data.as_os_str(),
    ]);
    assert_eq!(code, Some(6), "{said}");
    assert!(said.contains("log entry 3"), "{said}");
}

const NURSING_DECISION: &str =
    include_str!("../../credential-core/testdata/equivalence/ph-de-nursing-decision.json");

/// The PH→DE nursing fixture, its end date moved a year past now so the test does not
/// expire with the fixture (`authority publish` sets `authority` to the signing key).
fn write_nursing_decision(path: &Path) {
    let mut v: serde_json::Value = serde_json::from_str(NURSING_DECISION).unwrap();
    v["validUntil"] = serde_json::json!(credential_core::format_time(
        chrono::Utc::now() + chrono::Duration::days(365)
    ));
    std::fs::write(path, v.to_string()).unwrap();
}

fn fails_with(out: &Output, code: &str) {
    let line = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(2), "{line}");
    assert!(line.contains(code), "{line}");
    assert_eq!(line.trim().lines().count(), 1, "{line}");
}

#[test]
fn an_authority_decision_published_to_the_registry_reaches_offline_verification_for_its_country() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let data = d.join("data");
    let server = Server::start(&data);
    let (url, anchor) = (server.url.clone(), server.anchor.clone());
    let sp = |args: &[&str]| skillpass(d, &url, args);
    let operator_key = data.join("operator.key");
    let operator_key = operator_key.to_str().unwrap();

    let authority = ok(&sp(&["key", "new", "--out", "de.key"]))
        .trim()
        .to_owned();
    ok(&sp(&["key", "new", "--out", "stranger.key"]));
    // Only the operator registers authorities.
    fails_with(
        &sp(&[
            "authority",
            "register",
            "--key",
            "de.key",
            "--authority",
            &authority,
            "--name",
            "Self-appointed",
            "--country",
            "DE",
        ]),
        "HTTP 403 forbidden",
    );
    ok(&sp(&[
        "authority",
        "register",
        "--key",
        operator_key,
        "--authority",
        &authority,
        "--name",
        "Example Land Office for Nursing Recognition",
        "--country",
        "DE",
        "--jurisdiction",
        "nursing",
    ]));
    write_nursing_decision(&d.join("decision.json"));
    fails_with(
        &sp(&[
            "authority",
            "publish",
            "--key",
            "stranger.key",
            "--decision",
            "decision.json",
        ]),
        "HTTP 403 not_an_authority",
    );
    let published = ok(&sp(&[
        "authority",
        "publish",
        "--key",
        "de.key",
        "--decision",
        "decision.json",
    ]));
    assert!(published.contains("now applies"), "{published}");

    accredited_college(d, &url, &data);
    std::fs::write(d.join("nurse.json"), NURSE).unwrap();
    ok(&sp(&[
        "issue",
        "--key",
        "college.key",
        "--claims",
        "nurse.json",
        "--out",
        "nurse.jwt",
    ]));
    ok(&sp(&["publish", "--key", "college.key", "nurse.jwt"]));
    ok(&sp(&[
        "bundle",
        "fetch",
        "--out",
        "bundle.jws",
        "--anchor",
        &anchor,
    ]));

    let verify = |country: &str| {
        ok(&sp(&[
            "verify",
            "nurse.jwt",
            "--bundle",
            "bundle.jws",
            "--anchor",
            &anchor,
            "--state",
            "seen.json",
            "--country",
            country,
        ]))
    };
    let de = verify("DE");
    assert!(de.starts_with("VALID"), "{de}");
    let decided = de.find("Pflegefachfrau/Pflegefachmann").expect(&de);
    let comparable = de.find("Comparable level").expect(&de);
    assert!(decided < comparable, "{de}");
    assert!(de.contains("German B2 required"), "{de}");
    let be = verify("BE");
    assert!(!be.contains("Pflegefachfrau"), "{be}");
    assert!(be.contains("No recognition decision in BE"), "{be}");
}

#[test]
fn an_authority_revises_withdraws_and_imports_decisions_through_the_registry() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let data = d.join("data");
    let server = Server::start(&data);
    let url = server.url.clone();
    let sp = |args: &[&str]| skillpass(d, &url, args);
    let authority = ok(&sp(&["key", "new", "--out", "de.key"]))
        .trim()
        .to_owned();
    ok(&sp(&[
        "authority",
        "register",
        "--key",
        data.join("operator.key").to_str().unwrap(),
        "--authority",
        &authority,
        "--name",
        "Example Office",
        "--country",
        "DE",
    ]));
    write_nursing_decision(&d.join("decision.json"));
    ok(&sp(&[
        "authority",
        "publish",
        "--key",
        "de.key",
        "--decision",
        "decision.json",
    ]));
    let old_id = "urn:uuid:5f0c6b1e-8a3d-4c2e-9b7a-1d2e3f405162";
    // The same file as a revision: it gets a new id and supersedes the old decision.
    let revised = ok(&sp(&[
        "authority",
        "revise",
        "--key",
        "de.key",
        "--supersedes",
        old_id,
        "--decision",
        "decision.json",
    ]));
    assert!(
        revised.contains(&format!("superseding {old_id}")),
        "{revised}"
    );
    let new_id = revised
        .split_whitespace()
        .find(|w| w.starts_with("urn:uuid:") && *w != format!("{old_id}):"))
        .unwrap()
        .to_owned();
    let get = |path: &str| -> serde_json::Value {
        ureq::get(&format!("{url}{path}"))
            .call()
            .unwrap()
            .into_json()
            .unwrap()
    };
    let old = get(&format!("/decisions/{old_id}"));
    assert_eq!(old["state"], "superseded");
    assert_eq!(old["supersededBy"], new_id.as_str());

    let withdrawn = ok(&sp(&[
        "authority",
        "withdraw",
        "--key",
        "de.key",
        "--decision-id",
        &new_id,
    ]));
    assert!(withdrawn.contains("now withdrawn"), "{withdrawn}");
    assert_eq!(get(&format!("/decisions/{new_id}"))["state"], "withdrawn");
    fails_with(
        &sp(&[
            "authority",
            "withdraw",
            "--key",
            "de.key",
            "--decision-id",
            "urn:uuid:never-published",
        ]),
        "HTTP 404 unknown_decision",
    );

    std::fs::write(
        d.join("decisions.csv"),
        "id,origin_country,origin_level,origin_field,origin_isco,origin_title,destination_country,destination_qualification,destination_isco,outcome,compensation,legal_basis,valid_from,valid_until,supersedes,notes\n\
         urn:uuid:00000000-0000-4000-8000-000000000001,PH,PQF-5,0913,,,DE,Pflegefachassistenz,,partial,knowledge-test,PflBG,2026-01-01,,,example\n\
         urn:uuid:00000000-0000-4000-8000-000000000002,PH,PQF-5,0913,,,BE,Verpleegkundige,,full,,BE law,2026-01-01,,,outside the authority's country\n\
         urn:uuid:00000000-0000-4000-8000-000000000003,PH,PQF-5,0913,,,DE,Pflegefachassistenz,,partial,knowledge-test;language:de:B1,PflBG,2026-02-01,,urn:uuid:00000000-0000-4000-8000-000000000001,revised in the same file\n",
    )
    .unwrap();
    let import = [
        "authority",
        "import",
        "--key",
        "de.key",
        "--name",
        "Example Office",
        "--csv",
        "decisions.csv",
    ];
    let out = sp(&import);
    assert_eq!(out.status.code(), Some(1), "one row is outside DE");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        stderr.contains("line 3: registry: HTTP 403 outside_jurisdiction"),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(stdout.contains("2 decisions published"), "{stdout}");
    assert_eq!(
        get("/decisions/urn:uuid:00000000-0000-4000-8000-000000000001")["state"],
        "superseded"
    );
    // Importing the same file again publishes nothing twice.
    let again = String::from_utf8_lossy(&sp(&import).stdout).into_owned();
    assert!(
        again.contains("0 decisions published, 2 already published"),
        "{again}"
    );
    let log = ok(&sp(&["log", "verify"]));
    assert!(log.contains("log verified"), "{log}");
}
