//! A temporary world: an operator, an accredited college, a bundle, and helpers to run
//! `skillpass` in it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The employer's audience in these tests (the did:key of the all-zero seed).
pub const EMPLOYER: &str = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
/// Another verifier.
pub const OTHER_VERIFIER: &str = "did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG";
/// The passphrase of test wallets.
pub const PASSPHRASE: &str = "correct horse battery staple";

pub struct World {
    pub dir: tempfile::TempDir,
    pub anchor_did: String,
    pub college_did: String,
}

impl World {
    /// Keys for an operator and a college, and a bundle accrediting the college for
    /// qualifications up to PQF-6.
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut w = Self {
            dir,
            anchor_did: String::new(),
            college_did: String::new(),
        };
        w.anchor_did = w
            .ok(&["key", "new", "--out", "operator.key"])
            .trim()
            .to_owned();
        w.college_did = w
            .ok(&["key", "new", "--out", "college.key"])
            .trim()
            .to_owned();
        w.ok(&[
            "bundle",
            "build",
            "--anchor",
            "operator.key",
            "--issuer",
            &w.college_did.clone(),
            "--name",
            "Manila College of Nursing",
            "--country",
            "PH",
            "--accredit",
            "QualificationCredential:PQF-6",
            "--accredited-from",
            "2020-01-01",
            "--out",
            "bundle.jwt",
        ]);
        w
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn nurse_claims() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/nurse-qualification.json")
    }

    /// Runs skillpass in the world's directory, with the test passphrase in the environment.
    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, &[("SKILLPASS_PASSPHRASE", PASSPHRASE)])
    }

    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_skillpass"));
        cmd.args(args)
            .current_dir(self.dir.path())
            .env("SKILLPASS_STATE", self.path("seen-bundles.json"))
            .env("HOME", self.dir.path())
            .env_remove("SKILLPASS_PASSPHRASE");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    }

    /// Runs and expects exit code 0; returns standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "skillpass {args:?} failed ({:?}):\n{}\n{}",
            out.status.code(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// The college issues the nurse's qualification to `holder` into `out`.
    pub fn issue_to(&self, holder: &str, out: &str) {
        self.ok(&[
            "issue",
            "--key",
            "college.key",
            "--claims",
            Self::nurse_claims().to_str().unwrap(),
            "--holder",
            holder,
            "--out",
            out,
        ]);
    }

    /// The verify arguments every check needs.
    pub fn trust_args(&self) -> Vec<String> {
        vec![
            "--bundle".into(),
            "bundle.jwt".into(),
            "--anchor".into(),
            self.anchor_did.clone(),
        ]
    }

    /// Runs `verify` with `args` plus the trust arguments and `--json`; returns the exit
    /// code and the JSON report.
    pub fn verify_json(&self, args: &[&str]) -> (i32, Value) {
        let trust = self.trust_args();
        let mut all: Vec<&str> = vec!["verify", "--json"];
        all.extend(args);
        all.extend(trust.iter().map(String::as_str));
        let out = self.run(&all);
        let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "verify {args:?} printed no JSON ({e}):\n{}\n{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        });
        (out.status.code().unwrap_or(-1), report)
    }
}

/// The names of the failing checks of a presentation or credential report.
pub fn failed_checks(report: &Value) -> Vec<String> {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["outcome"] == "fail")
        .map(|c| c["name"].as_str().unwrap().to_owned())
        .collect()
}
