//! Revoking through the registry as an issuer's clerks do: with the registry named only by
//! `SKILLPASS_REGISTRY`, and several at once.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::path::Path;
use std::process::Command;

use credential_core::jws::UnverifiedJws;
use credential_core::sdjwt_vc::TokenStatusList;
use credential_core::status::parse_status_list_credential;
use credential_core::CheckedCredential;
use skillpass_e2e::{accredited_college, bin, ok, skillpass, Server};

const NURSE: &str = include_str!("../../examples/nurse-qualification.json");

/// A registry with an accredited college that published `n` credentials with status.
fn published(d: &Path, n: usize) -> (Server, String, Vec<String>) {
    let data = d.join("data");
    let server = Server::start(&data);
    let url = server.url.clone();
    let (did, _) = accredited_college(d, &url, &data);
    let sp = |args: &[&str]| skillpass(d, &url, args);
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
    std::fs::write(d.join("nurse.json"), NURSE).unwrap();
    let mut files = Vec::new();
    for i in 0..n {
        let out = format!("nurse-{i}.jwt");
        ok(&sp(&[
            "issue",
            "--key",
            "college.key",
            "--claims",
            "nurse.json",
            "--status",
            "college-status.json",
            "--out",
            &out,
        ]));
        files.push(out);
    }
    let mut publish = vec![
        "publish",
        "--key",
        "college.key",
        "--status",
        "college-status.json",
    ];
    publish.extend(files.iter().map(String::as_str));
    ok(&sp(&publish));
    (server, did, files)
}

/// The bit of `file`'s revocation entry in the registry's current list — the same in the
/// Bitstring list and in the Token Status List the issuer's client sent beside it.
fn revoked(d: &Path, url: &str, did: &str, file: &str) -> bool {
    let text = std::fs::read_to_string(d.join(file)).unwrap();
    let jws = UnverifiedJws::parse(text.trim(), 65536).unwrap();
    let doc = credential_core::json::parse_strict(jws.payload()).unwrap();
    let credential = CheckedCredential::from_value(&doc).unwrap();
    let entry = credential
        .status
        .iter()
        .find(|e| e.status_purpose.as_str() == "revocation")
        .unwrap();
    let body = ureq::get(&format!("{url}/status/{did}/revocation"))
        .call()
        .unwrap()
        .into_string()
        .unwrap();
    let list = UnverifiedJws::parse(body.trim(), 8 << 20).unwrap();
    let list =
        parse_status_list_credential(&credential_core::json::parse_strict(list.payload()).unwrap())
            .unwrap();
    let bit = list.status_of(entry).unwrap();
    let token = ureq::get(&format!("{url}/status/{did}/revocation"))
        .set("accept", "application/statuslist+jwt")
        .call()
        .unwrap();
    assert_eq!(token.content_type(), "application/statuslist+jwt");
    let key = credential_core::PublicKey::from_did(did).unwrap();
    let (sub, token) = TokenStatusList::open(&token.into_string().unwrap(), &key).unwrap();
    assert_eq!(sub, entry.status_list_credential);
    assert_eq!(
        token.get(entry.index().unwrap()).unwrap(),
        bit,
        "the two lists disagree"
    );
    bit
}

/// Issue 9, point 17: README.md promises that `SKILLPASS_REGISTRY` names the registry for
/// every command, but `revoke` without `--registry` demanded a status file.
#[test]
fn revoke_uses_the_registry_named_by_skillpass_registry() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (server, did, files) = published(d, 1);
    assert!(!revoked(d, &server.url, &did, &files[0]));
    let out = ok(&skillpass(
        d,
        &server.url,
        &["revoke", "--key", "college.key", &files[0]],
    ));
    assert!(out.contains("revoked"), "{out}");
    assert!(revoked(d, &server.url, &did, &files[0]));
}

/// Issue 9, point 9: two revocations by one issuer at once used to fail with
/// `422 status_list_mismatch`; the client now fetches the list again and retries.
#[test]
fn concurrent_revocations_by_one_issuer_all_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (server, did, files) = published(d, 6);
    let children: Vec<_> = files
        .iter()
        .map(|f| {
            Command::new(bin("skillpass"))
                .args([
                    "revoke",
                    "--registry",
                    &server.url,
                    "--key",
                    "college.key",
                    f,
                ])
                .current_dir(d)
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        ok(&child.wait_with_output().unwrap());
    }
    for f in &files {
        assert!(revoked(d, &server.url, &did, f), "{f} is not revoked");
    }
}
