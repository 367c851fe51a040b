//! `skillpass present` and `skillpass verify --presentation`.

use super::World;
use crate::harness::{failed_checks, EMPLOYER, OTHER_VERIFIER};

fn world_with_presentation() -> World {
    let w = World::new();
    let holder = w.key("holder.key");
    w.issue_to(&holder, "nurse.jwt");
    w.ok(&[
        "present",
        "--key",
        "holder.key",
        "--audience",
        EMPLOYER,
        "--nonce",
        "4f1c9a",
        "nurse.jwt",
        "--out",
        "vp.jwt",
    ]);
    w
}

#[test]
fn a_presentation_verifies_valid_for_its_audience_and_nonce() {
    let w = world_with_presentation();
    let (code, report) = w.verify_json(&[
        "--presentation",
        "--audience",
        EMPLOYER,
        "--nonce",
        "4f1c9a",
        "vp.jwt",
    ]);
    assert_eq!(report["verdict"], "valid", "{report:#}");
    assert_eq!(code, 0);
    assert_eq!(report["credentials"][0]["verdict"], "valid");
}

#[test]
fn the_same_presentation_checked_with_another_nonce_is_invalid() {
    let w = world_with_presentation();
    let (code, report) = w.verify_json(&[
        "--presentation",
        "--audience",
        EMPLOYER,
        "--nonce",
        "another-nonce",
        "vp.jwt",
    ]);
    assert_eq!(report["verdict"], "invalid");
    assert_eq!(code, 1);
    assert_eq!(failed_checks(&report), vec!["nonce"]);
}

#[test]
fn the_same_presentation_replayed_to_another_audience_is_invalid() {
    let w = world_with_presentation();
    let (code, report) = w.verify_json(&[
        "--presentation",
        "--audience",
        OTHER_VERIFIER,
        "--nonce",
        "4f1c9a",
        "vp.jwt",
    ]);
    assert_eq!(report["verdict"], "invalid");
    assert_eq!(code, 1);
    assert_eq!(failed_checks(&report), vec!["audience"]);
}

#[test]
fn a_presentation_checked_after_its_maximum_age_is_invalid() {
    let w = world_with_presentation();
    let later = (chrono::Utc::now() + chrono::Duration::minutes(20)).to_rfc3339();
    let (code, report) = w.verify_json(&[
        "--presentation",
        "--audience",
        EMPLOYER,
        "--nonce",
        "4f1c9a",
        "--at",
        &later,
        "vp.jwt",
    ]);
    assert_eq!(code, 1);
    assert_eq!(failed_checks(&report), vec!["freshness"]);
}

#[test]
fn verify_presentation_without_a_nonce_is_a_usage_error() {
    let w = world_with_presentation();
    let out = w.run(&[
        "verify",
        "--presentation",
        "--audience",
        EMPLOYER,
        "vp.jwt",
        "--bundle",
        "bundle.jws",
        "--anchor",
        &w.anchor_did,
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn present_refuses_a_credential_issued_to_another_holder() {
    let w = World::new();
    w.ok(&["key", "new", "--out", "holder.key"]);
    let other = w.key("other.key");
    w.issue_to(&other, "theirs.jwt");
    let out = w.run(&[
        "present",
        "--key",
        "holder.key",
        "--audience",
        EMPLOYER,
        "--nonce",
        "n",
        "theirs.jwt",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not issued to this holder"));
}
