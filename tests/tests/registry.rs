//! End-to-end: the real `skillpass-registry` and `skillpass` binaries over a real socket
//! (127.0.0.1, port 0). The binaries are built by `cargo build` on first use.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use credential_core::request::sign_request;
use credential_core::{build_document, sign_document, IssueOptions, SecretKey};

use skillpass_e2e::{ok, skillpass, Server};

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
    let server = Server::start(&data);
    let tampered = skillpass(d, &server.url, &["log", "verify"]);
    assert_eq!(tampered.status.code(), Some(1));
    let said = String::from_utf8_lossy(&tampered.stdout).into_owned();
    assert!(said.contains("entry 3"), "{said}");
}

#[test]
fn every_acknowledged_publish_survives_a_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let data = d.join("data");
    let server = Server::start(&data);
    let url = server.url.clone();
    let college_did = ok(&skillpass(d, &url, &["key", "new", "--out", "college.key"]))
        .trim()
        .to_owned();
    ok(&skillpass(
        d,
        &url,
        &[
            "issuer",
            "register",
            "--key",
            "college.key",
            "--name",
            "College",
            "--country",
            "PH",
        ],
    ));
    ok(&skillpass(
        d,
        &url,
        &[
            "operator",
            "accredit",
            "--key",
            data.join("operator.key").to_str().unwrap(),
            "--issuer",
            &college_did,
            "--scope",
            "QualificationCredential:PQF-6",
        ],
    ));
    let key_text = std::fs::read_to_string(d.join("college.key")).unwrap();
    let college = Arc::new(SecretKey::from_private_jwk(&key_text).unwrap());

    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let publisher = {
        let (college, acknowledged, url) = (college.clone(), acknowledged.clone(), url.clone());
        std::thread::spawn(move || {
            let claims: serde_json::Value = serde_json::from_str(NURSE).unwrap();
            let agent = ureq::AgentBuilder::new()
                .timeout(Duration::from_secs(10))
                .build();
            let started = Instant::now();
            for _ in 0..2000 {
                if started.elapsed() > Duration::from_secs(60) {
                    break;
                }
                let did = college.public().did();
                let doc =
                    build_document(&claims, &did, &IssueOptions::new(chrono::Utc::now())).unwrap();
                let jws = sign_document(&college, &college.public().did_url(), &doc).unwrap();
                let body = serde_json::to_vec(&serde_json::json!({"credentials": [jws]})).unwrap();
                let auth = sign_request(&college, "POST", "/credentials", &body);
                let res = agent
                    .post(&format!("{url}/credentials"))
                    .set("Authorization", &auth)
                    .set("Content-Type", "application/json")
                    .send_bytes(&body);
                match res {
                    Ok(r) if r.status() == 201 => acknowledged
                        .lock()
                        .unwrap()
                        .push(doc["id"].as_str().unwrap().to_owned()),
                    _ => break, // the server is gone: anything unanswered was never acknowledged
                }
            }
        })
    };
    let deadline = Instant::now() + Duration::from_secs(60);
    while acknowledged.lock().unwrap().len() < 20 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    server.kill();
    publisher.join().unwrap();
    let acknowledged = acknowledged.lock().unwrap().clone();
    assert!(
        acknowledged.len() >= 20,
        "only {} publishes before the deadline",
        acknowledged.len()
    );

    let server = Server::start(&data);
    let agent = ureq::AgentBuilder::new()
        .timeout(Duration::from_secs(10))
        .build();
    for id in &acknowledged {
        let path = format!("/credentials/{id}");
        let res = agent
            .get(&format!("{}{path}", server.url))
            .set("Authorization", &sign_request(&college, "GET", &path, b""))
            .call();
        assert!(
            matches!(res, Ok(ref r) if r.status() == 200),
            "acknowledged {id} was lost"
        );
    }
}
