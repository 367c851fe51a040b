//! The verifier's trust memory on the command line: equivocating bundles, a damaged memory
//! file, rebuilt bundles that must not drop what they were not told to change.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

mod common;

use std::path::Path;

use common::{examples, ok, run};

struct Scene {
    dir: tempfile::TempDir,
    operator: String,
    college: String,
}

impl Scene {
    /// Operator and college keys, the college's status lists, a nurse credential with
    /// status entries and a first bundle carrying the lists.
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let operator = ok(d, &["key", "new", "--out", "operator.key"])
            .trim()
            .to_owned();
        let college = ok(d, &["key", "new", "--out", "college.key"])
            .trim()
            .to_owned();
        ok(
            d,
            &[
                "status",
                "init",
                "--key",
                "college.key",
                "--out",
                "college.status.json",
            ],
        );
        let scene = Self {
            dir,
            operator,
            college,
        };
        // Accredited first, then issuing: a credential dated before its issuer's
        // accreditation would rightly fail.
        scene.build(&["--status-list", "college.status.json"]);
        let claims = examples().join("nurse-qualification.json");
        ok(
            scene.d(),
            &[
                "issue",
                "--key",
                "college.key",
                "--claims",
                claims.to_str().unwrap(),
                "--status",
                "college.status.json",
                "--out",
                "nurse.jwt",
            ],
        );
        scene
    }

    fn d(&self) -> &Path {
        self.dir.path()
    }

    fn build(&self, extra: &[&str]) -> String {
        let mut args = vec![
            "bundle",
            "build",
            "--anchor",
            "operator.key",
            "--issuer",
            &self.college,
            "--name",
            "Manila College of Nursing",
            "--country",
            "PH",
            "--accredit",
            "QualificationCredential:PQF-6",
            "--out",
            "bundle.jws",
        ];
        args.extend_from_slice(extra);
        ok(self.d(), &args)
    }

    fn verify(&self, bundle: &str) -> (i32, serde_json::Value) {
        let out = run(
            self.d(),
            &[
                "verify",
                "nurse.jwt",
                "--bundle",
                bundle,
                "--anchor",
                &self.operator,
                "--json",
            ],
        );
        let code = out.status.code().unwrap();
        let report = serde_json::from_slice(&out.stdout).unwrap_or_default();
        (code, report)
    }
}

fn check<'a>(report: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap()
}

/// Issue 9, point 1: a re-signed bundle with the sequence already seen but an older status
/// list used to make a revoked credential `valid` again.
#[test]
fn a_different_bundle_with_a_sequence_already_seen_is_refused_as_equivocation() {
    let s = Scene::new();
    let d = s.d();
    std::fs::copy(
        d.join("college.status.json"),
        d.join("before-revocation.json"),
    )
    .unwrap();
    ok(
        d,
        &[
            "revoke",
            "nurse.jwt",
            "--key",
            "college.key",
            "--status",
            "college.status.json",
        ],
    );
    s.build(&["--status-list", "college.status.json"]);
    let (code, report) = s.verify("bundle.jws");
    assert_eq!(code, 1, "{report}");
    let honest = report["checks"][0]["detail"].as_str().unwrap().to_owned();
    let sequence = honest.split_whitespace().nth(1).unwrap().to_owned();

    // The operator signs a second bundle with the same sequence and the older list.
    std::fs::copy(d.join("bundle.jws"), d.join("honest.jws")).unwrap();
    s.build(&[
        "--sequence",
        &sequence,
        "--status-list",
        "before-revocation.json",
    ]);
    let (code, report) = s.verify("bundle.jws");
    assert_eq!(code, 1, "{report}");
    let trust = check(&report, "trust-bundle");
    assert_eq!(trust["outcome"], "fail");
    let detail = trust["detail"].as_str().unwrap();
    assert!(detail.contains("misbehaving operator"), "{detail}");
    let digest = |f: &str| {
        use sha2::Digest as _;
        let text = std::fs::read_to_string(d.join(f)).unwrap();
        format!(
            "sha256:{}",
            hex::encode(sha2::Sha256::digest(text.trim().as_bytes()))
        )
    };
    assert!(detail.contains(&digest("honest.jws")), "{detail}");
    assert!(detail.contains(&digest("bundle.jws")), "{detail}");
    assert_eq!(check(&report, "status")["outcome"], "skipped");
    // The honest bundle is still accepted.
    assert_eq!(s.verify("honest.jws").0, 1);
}

/// Issue 9, point 8: a damaged memory file used to be ignored and overwritten, losing the
/// rollback protection it carried.
#[test]
fn a_damaged_verifier_memory_is_refused_naming_the_file_and_left_untouched() {
    let s = Scene::new();
    let d = s.d();
    std::fs::write(d.join("seen.json"), "{\"did:key:z6Mk\": 4, oops").unwrap();
    let out = run(
        d,
        &[
            "verify",
            "nurse.jwt",
            "--bundle",
            "bundle.jws",
            "--anchor",
            &s.operator,
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("seen.json") && err.contains("damaged"),
        "{err}"
    );
    assert!(err.contains("move it aside"), "{err}");
    assert_eq!(
        std::fs::read_to_string(d.join("seen.json")).unwrap(),
        "{\"did:key:z6Mk\": 4, oops"
    );
}

#[test]
fn a_memory_written_by_an_earlier_version_is_read_and_still_refuses_rollback() {
    let s = Scene::new();
    let d = s.d();
    std::fs::write(d.join("seen.json"), format!("{{\"{}\": 99}}", s.operator)).unwrap();
    let (code, report) = s.verify("bundle.jws");
    assert_eq!(code, 1);
    assert!(check(&report, "trust-bundle")["detail"]
        .as_str()
        .unwrap()
        .contains("rollback"));
}

#[test]
fn bundle_fetch_state_needs_an_anchor() {
    let s = Scene::new();
    let out = run(
        s.d(),
        &["bundle", "fetch", "--out", "b.jws", "--state", "x.json"],
    );
    assert_eq!(out.status.code(), Some(2));
}

/// Issue 9, point 7: `bundle build` at an existing `--out` without `--status-list` used to
/// drop the lists, turning a revoked credential `indeterminate`.
#[test]
fn a_rebuilt_bundle_keeps_the_status_lists_it_was_not_told_to_change_and_says_so() {
    let s = Scene::new();
    let d = s.d();
    ok(
        d,
        &[
            "revoke",
            "nurse.jwt",
            "--key",
            "college.key",
            "--status",
            "college.status.json",
        ],
    );
    s.build(&["--status-list", "college.status.json"]);
    assert_eq!(s.verify("bundle.jws").0, 1);
    let said = s.build(&[]);
    assert!(
        said.contains("kept from bundle") && said.contains("2 status list(s)"),
        "{said}"
    );
    let (code, report) = s.verify("bundle.jws");
    assert_eq!(code, 1, "{report}");
    assert_eq!(check(&report, "status")["outcome"], "fail");
}

#[test]
fn a_rebuild_naming_another_issuer_keeps_the_first_unless_told_to_drop_it() {
    let s = Scene::new();
    let d = s.d();
    let other = ok(d, &["key", "new", "--out", "other.key"])
        .trim()
        .to_owned();
    let said = ok(
        d,
        &[
            "bundle",
            "build",
            "--anchor",
            "operator.key",
            "--issuer",
            &other,
            "--name",
            "Colombo Welding Institute",
            "--country",
            "LK",
            "--accredit",
            "SkillCredential",
            "--out",
            "bundle.jws",
        ],
    );
    assert!(said.contains("Manila College of Nursing"), "{said}");
    assert_eq!(s.verify("bundle.jws").0, 0);
    ok(
        d,
        &[
            "bundle",
            "build",
            "--anchor",
            "operator.key",
            "--drop-issuer",
            &s.college,
            "--out",
            "bundle.jws",
        ],
    );
    let (code, report) = s.verify("bundle.jws");
    assert_eq!(code, 1);
    assert_eq!(check(&report, "issuer-accredited")["outcome"], "fail");
    let out = run(
        d,
        &[
            "bundle",
            "build",
            "--anchor",
            "operator.key",
            "--drop-issuer",
            "did:key:z6MkNope",
            "--out",
            "bundle.jws",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_rebuild_with_another_scope_keeps_what_was_issued_under_the_first() {
    let s = Scene::new();
    let d = s.d();
    // The college now issues skills only; its PQF-6 qualification from before still counts.
    // (Times are whole seconds: change the scope after the second the credential is from.)
    std::thread::sleep(std::time::Duration::from_millis(1100));
    ok(
        d,
        &[
            "bundle",
            "build",
            "--anchor",
            "operator.key",
            "--issuer",
            &s.college,
            "--name",
            "Manila College of Nursing",
            "--country",
            "PH",
            "--accredit",
            "SkillCredential",
            "--out",
            "bundle.jws",
        ],
    );
    let (code, report) = s.verify("bundle.jws");
    assert_eq!(code, 0, "{report}");
}
