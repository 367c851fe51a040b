//! The one harness of the `skillpass` tests. Each test gets a [`Scratch`] directory in which
//! the real binary runs as a new user's would: the directory is its home (so the wallet and
//! the verifier's memory of bundles, `seen.json`, stay inside it), standard input is empty,
//! nothing of the developer's own `SKILLPASS_*` settings leaks in, and the test wallet
//! passphrase is given unless a test says otherwise. Scenes most tests start from — keys, a
//! bundle accrediting the college, the nurse's credential — are built with real commands.

use std::ffi::OsStr;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_skillpass");
/// The employer's audience in presentation tests (the did:key of the all-zero seed).
pub const EMPLOYER: &str = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
/// Another verifier.
pub const OTHER_VERIFIER: &str = "did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG";
/// The passphrase of test wallets.
pub const PASSPHRASE: &str = "correct horse battery staple";

/// The repository's `examples/` directory.
pub fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples")
}

/// `examples/nurse-qualification.json`, the claims most tests issue.
pub fn nurse_claims() -> PathBuf {
    examples().join("nurse-qualification.json")
}

pub struct Scratch {
    pub dir: tempfile::TempDir,
}

impl Scratch {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn d(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `program` run in the scratch directory with the test environment (no passphrase).
    pub fn command(&self, program: impl AsRef<OsStr>) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(self.d())
            .env("SKILLPASS_STATE", self.path("seen.json"))
            .env("HOME", self.d())
            .env_remove("SKILLPASS_PASSPHRASE")
            .env_remove("SKILLPASS_WALLET")
            .env_remove("SKILLPASS_REGISTRY")
            // English, whatever the machine's locale: tests of other languages ask for them.
            .env_remove("SKILLPASS_LANG")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .stdin(Stdio::null());
        cmd
    }

    /// Runs `skillpass` with the test passphrase in the environment.
    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, &[("SKILLPASS_PASSPHRASE", PASSPHRASE)])
    }

    /// Runs `skillpass` with `env` added, and no passphrase unless `env` gives one.
    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = self.command(BIN);
        cmd.args(args);
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().unwrap()
    }

    /// Runs `skillpass` with `input` on its standard input.
    pub fn run_stdin(&self, args: &[&str], input: &str) -> Output {
        let mut child = self
            .command(BIN)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    }

    /// Runs `skillpass`, expects exit code 0, returns its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "skillpass {args:?} failed ({:?}):\n{}\n{}",
            out.status.code(),
            stdout(&out),
            stderr(&out)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// `key new --out FILE`; answers the key's did:key.
    pub fn key(&self, file: &str) -> String {
        self.ok(&["key", "new", "--out", file]).trim().to_owned()
    }

    /// `bundle build` at `bundle.jws` by `operator.key`, accrediting `college` as Manila
    /// College of Nursing (PH) for qualifications up to PQF-6, with `extra` arguments;
    /// answers what it printed.
    pub fn bundle(&self, college: &str, extra: &[&str]) -> String {
        let mut args = vec![
            "bundle",
            "build",
            "--anchor",
            "operator.key",
            "--issuer",
            college,
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
        self.ok(&args)
    }

    /// `college.key` issues the nurse's qualification into `out`, with `extra` arguments
    /// (`--holder DID`, `--status FILE`).
    pub fn issue_nurse(&self, extra: &[&str], out: &str) {
        let claims = nurse_claims();
        let mut args = vec![
            "issue",
            "--key",
            "college.key",
            "--claims",
            claims.to_str().unwrap(),
        ];
        args.extend_from_slice(extra);
        args.extend(["--out", out]);
        self.ok(&args);
    }
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn code(out: &Output) -> i32 {
    out.status.code().unwrap()
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

/// The check called `name` of a report.
pub fn check<'a>(report: &'a Value, name: &str) -> &'a Value {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == name)
        .unwrap()
}
