//! The verifier's trust memory on the command line: equivocating bundles, a damaged memory
//! file, rebuilt bundles that must not drop what they were not told to change, and every
//! command that reads a bundle holding it against the same memory.

use crate::harness::{check, stderr, stdout, Scratch};

struct Scene {
    s: Scratch,
    operator: String,
    college: String,
}

impl std::ops::Deref for Scene {
    type Target = Scratch;
    fn deref(&self) -> &Scratch {
        &self.s
    }
}

impl Scene {
    /// Operator and college keys, the college's status lists, a nurse credential with
    /// status entries and a first bundle carrying the lists.
    fn new() -> Self {
        let s = Scratch::new();
        let operator = s.key("operator.key");
        let college = s.key("college.key");
        s.ok(&[
            "status",
            "init",
            "--key",
            "college.key",
            "--out",
            "college.status.json",
            "--base-url",
            "https://college.example/status",
        ]);
        let scene = Self {
            s,
            operator,
            college,
        };
        // Accredited first, then issuing: a credential dated before its issuer's
        // accreditation would rightly fail.
        scene.build(&["--status-list", "college.status.json"]);
        scene
            .s
            .issue_nurse(&["--status", "college.status.json"], "nurse.jwt");
        scene
    }

    fn build(&self, extra: &[&str]) -> String {
        self.s.bundle(&self.college, extra)
    }

    fn verify(&self, bundle: &str) -> (i32, serde_json::Value) {
        let out = self.s.run(&[
            "verify",
            "nurse.jwt",
            "--bundle",
            bundle,
            "--anchor",
            &self.operator,
            "--json",
        ]);
        let code = out.status.code().unwrap();
        let report = serde_json::from_slice(&out.stdout).unwrap_or_default();
        (code, report)
    }
}

/// Issue 9, point 1: a re-signed bundle with the sequence already seen but an older status
/// list used to make a revoked credential `valid` again.
#[test]
fn a_different_bundle_with_a_sequence_already_seen_is_refused_as_equivocation() {
    let s = Scene::new();
    std::fs::copy(
        s.path("college.status.json"),
        s.path("before-revocation.json"),
    )
    .unwrap();
    s.ok(&[
        "revoke",
        "nurse.jwt",
        "--key",
        "college.key",
        "--status",
        "college.status.json",
    ]);
    s.build(&["--status-list", "college.status.json"]);
    let (code, report) = s.verify("bundle.jws");
    assert_eq!(code, 1, "{report}");
    let honest = report["checks"][0]["detail"].as_str().unwrap().to_owned();
    let sequence = honest.split_whitespace().nth(1).unwrap().to_owned();

    // The operator signs a second bundle with the same sequence and the older list.
    std::fs::copy(s.path("bundle.jws"), s.path("honest.jws")).unwrap();
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
        let text = std::fs::read_to_string(s.path(f)).unwrap();
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
    std::fs::write(s.path("seen.json"), "{\"did:key:z6Mk\": 4, oops").unwrap();
    let out = s.run(&[
        "verify",
        "nurse.jwt",
        "--bundle",
        "bundle.jws",
        "--anchor",
        &s.operator,
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("seen.json") && err.contains("damaged"),
        "{err}"
    );
    assert!(err.contains("move it aside"), "{err}");
    assert_eq!(
        std::fs::read_to_string(s.path("seen.json")).unwrap(),
        "{\"did:key:z6Mk\": 4, oops"
    );
}

#[test]
fn a_memory_written_by_an_earlier_version_is_read_and_still_refuses_rollback() {
    let s = Scene::new();
    std::fs::write(s.path("seen.json"), format!("{{\"{}\": 99}}", s.operator)).unwrap();
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
    let out = s.run(&["bundle", "fetch", "--out", "b.jws", "--state", "x.json"]);
    assert_eq!(out.status.code(), Some(2));
}

/// Issue 9, point 7: `bundle build` at an existing `--out` without `--status-list` used to
/// drop the lists, turning a revoked credential `indeterminate`.
#[test]
fn a_rebuilt_bundle_keeps_the_status_lists_it_was_not_told_to_change_and_says_so() {
    let s = Scene::new();
    s.ok(&[
        "revoke",
        "nurse.jwt",
        "--key",
        "college.key",
        "--status",
        "college.status.json",
    ]);
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
    let other = s.key("other.key");
    let said = s.ok(&[
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
    ]);
    assert!(said.contains("Manila College of Nursing"), "{said}");
    assert_eq!(s.verify("bundle.jws").0, 0);
    s.ok(&[
        "bundle",
        "build",
        "--anchor",
        "operator.key",
        "--drop-issuer",
        &s.college,
        "--out",
        "bundle.jws",
    ]);
    let (code, report) = s.verify("bundle.jws");
    assert_eq!(code, 1);
    assert_eq!(check(&report, "issuer-accredited")["outcome"], "fail");
    let out = s.run(&[
        "bundle",
        "build",
        "--anchor",
        "operator.key",
        "--drop-issuer",
        "did:key:z6MkNope",
        "--out",
        "bundle.jws",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_rebuild_with_another_scope_keeps_what_was_issued_under_the_first() {
    let s = Scene::new();
    // The college now issues skills only; its PQF-6 qualification from before still counts.
    // (Times are whole seconds: change the scope after the second the credential is from.)
    std::thread::sleep(std::time::Duration::from_millis(1100));
    s.ok(&[
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
    ]);
    let (code, report) = s.verify("bundle.jws");
    assert_eq!(code, 0, "{report}");
}

/// The one intended change of issue 10: `equivalence show --bundle` read bundles without
/// the verifier's memory, so it answered from a bundle older than one already seen, and
/// what it read was not remembered by `verify`.
#[test]
fn equivalence_show_holds_bundles_against_the_same_memory_as_verify() {
    let s = Scene::new();
    std::fs::copy(s.path("bundle.jws"), s.path("old.jws")).unwrap();
    s.build(&[]);
    let show = |bundle: &str| {
        s.run(&[
            "equivalence",
            "show",
            "PQF-6",
            "--to",
            "DE",
            "--bundle",
            bundle,
            "--anchor",
            &s.operator,
        ])
    };
    // Reading the newer bundle remembers it...
    assert_eq!(show("bundle.jws").status.code(), Some(0));
    // ...so the older one is refused by `equivalence show` itself and by `verify`.
    let out = show("old.jws");
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("rollback"), "{}", stderr(&out));
    let (code, report) = s.verify("old.jws");
    assert_eq!(code, 1);
    assert!(check(&report, "trust-bundle")["detail"]
        .as_str()
        .unwrap()
        .contains("rollback"));
}

/// Every command that reads a bundle takes `--state`: with a memory that has seen a newer
/// bundle, each refuses this one; with the default memory, each reads it.
#[test]
fn every_command_that_reads_a_bundle_takes_state() {
    let s = Scene::new();
    std::fs::write(
        s.path("elsewhere.json"),
        format!("{{\"{}\": 99}}", s.operator),
    )
    .unwrap();
    s.ok(&["wallet", "init", "--wallet", "w.jwe"]);
    let trust = ["--bundle", "bundle.jws", "--anchor", s.operator.as_str()];
    for command in [
        &["verify", "nurse.jwt"][..],
        &["wallet", "list", "--wallet", "w.jwe"],
        &["wallet", "add", "--wallet", "w.jwe", "nurse.jwt"],
        &["card", "nurse.jwt", "--out", "card.png"],
        &["equivalence", "show", "PQF-6", "--to", "DE"],
    ] {
        let mut args = command.to_vec();
        args.extend(trust);
        args.extend(["--state", "elsewhere.json"]);
        let out = s.run(&args);
        let said = format!("{}{}", stdout(&out), stderr(&out));
        assert_ne!(out.status.code(), Some(0), "{command:?}: {said}");
        assert!(said.contains("rollback"), "{command:?}: {said}");
        // The memory named with --state is the one consulted: the default one, which has
        // seen nothing newer, lets the same command read the bundle.
        let mut args = command.to_vec();
        args.extend(trust);
        let out = s.run(&args);
        let said = format!("{}{}", stdout(&out), stderr(&out));
        assert!(!said.contains("rollback"), "{command:?}: {said}");
    }
}
