//! Support for the end-to-end tests: the workspace binaries and a registry process.
//! Panicking is how this harness reports a failed test, hence the allowances.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::{mpsc, Once};
use std::time::Duration;

/// The directory holding the workspace's binaries (next to this test's `deps`).
pub fn bin_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    exe.parent().unwrap().parent().unwrap().to_path_buf()
}

/// The path of a workspace binary, built (once per test process) if needed.
pub fn bin(name: &str) -> PathBuf {
    static BUILD: Once = Once::new();
    BUILD.call_once(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .args([
                "build",
                "-p",
                "registry-server",
                "-p",
                "issuer-cli",
                "--bins",
            ])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .unwrap();
        assert!(status.success(), "building the binaries failed");
    });
    bin_dir().join(name)
}

/// A running `skillpass-registry` on 127.0.0.1 with an OS-chosen port.
pub struct Server {
    child: Child,
    /// Base URL, `http://127.0.0.1:PORT`.
    pub url: String,
    /// The anchor did:key it printed.
    pub anchor: String,
}

impl Server {
    /// Starts the registry on `data`.
    pub fn start(data: &Path) -> Self {
        Self::start_with(data, &[])
    }

    /// Starts the registry on `data` with extra arguments.
    pub fn start_with(data: &Path, extra: &[&str]) -> Self {
        let mut command = Command::new(bin("skillpass-registry"));
        command.env("RUST_LOG", "warn").stderr(Stdio::null());
        Self::start_command(command, data, extra)
    }

    /// Starts the registry on `data` from `command` (the binary, or a shell that execs it),
    /// whose environment and standard error the caller has set.
    pub fn start_command(mut command: Command, data: &Path, extra: &[&str]) -> Self {
        let mut child = command
            .args(["--listen", "127.0.0.1:0", "--data"])
            .arg(data)
            .args(extra)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok).take(2) {
                let _ = tx.send(line);
            }
        });
        let mut anchor = String::new();
        let mut url = String::new();
        for _ in 0..2 {
            let line = match rx.recv_timeout(Duration::from_secs(30)) {
                Ok(line) => line,
                Err(e) => {
                    // Say how it ended: an exit code names the start-up failure (see the
                    // registry's documented exit codes).
                    let ended = (0..20).find_map(|_| match child.try_wait() {
                        Ok(Some(status)) => Some(status),
                        _ => {
                            std::thread::sleep(Duration::from_millis(100));
                            None
                        }
                    });
                    panic!("the registry did not start ({e}); the process: {ended:?}")
                }
            };
            if let Some(a) = line.strip_prefix("anchor: ") {
                anchor = a.to_owned();
            } else if let Some(u) = line.strip_prefix("listening: ") {
                url = u.to_owned();
            }
        }
        assert!(anchor.starts_with("did:key:") && url.starts_with("http://127.0.0.1:"));
        Self { child, url, anchor }
    }

    /// The process id.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Whether the process is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// SIGKILL: no chance to flush anything.
    pub fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Runs `skillpass-registry` with `args` to its end (killed after 30 s: a registry that
/// should have refused to start but serves fails the test); returns its exit code and
/// standard error.
pub fn registry_exit(args: &[&std::ffi::OsStr]) -> (Option<i32>, String) {
    let mut child = Command::new(bin("skillpass-registry"))
        .args(args)
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("skillpass-registry {args:?} did not exit");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs `skillpass` in `dir` against `registry`, with the verifier's memory of bundles
/// kept in `dir` (never in the home directory of whoever runs the tests).
pub fn skillpass(dir: &Path, registry: &str, args: &[&str]) -> Output {
    Command::new(bin("skillpass"))
        .args(args)
        .current_dir(dir)
        .env("SKILLPASS_REGISTRY", registry)
        .env("SKILLPASS_STATE", dir.join("seen-bundles.json"))
        .output()
        .unwrap()
}

/// Asserts success; returns standard output.
pub fn ok(out: &Output) -> String {
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "failed: {stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    stdout
}

/// Registers `college.key` (made in `dir`) with the registry and has the operator (whose
/// key is in `data`) accredit it for PQF-6 qualifications; returns its DID and key.
pub fn accredited_college(
    dir: &Path,
    url: &str,
    data: &Path,
) -> (String, credential_core::SecretKey) {
    let did = ok(&skillpass(
        dir,
        url,
        &["key", "new", "--out", "college.key"],
    ))
    .trim()
    .to_owned();
    ok(&skillpass(
        dir,
        url,
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
    let operator = data.join("operator.key");
    ok(&skillpass(
        dir,
        url,
        &[
            "operator",
            "accredit",
            "--key",
            operator.to_str().unwrap(),
            "--issuer",
            &did,
            "--scope",
            "QualificationCredential:PQF-6",
        ],
    ));
    let text = std::fs::read_to_string(dir.join("college.key")).unwrap();
    (
        did,
        credential_core::SecretKey::from_private_jwk(&text).unwrap(),
    )
}
