//! Running the registry as an operator does: its data directory (private, locked, refused
//! when others can read it), start-up failures in words with their exit codes, logs without
//! colour codes off a terminal, a damaged store refused and named by `check`, and an online
//! backup restored into a registry that signs above every sequence the old one served.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::ffi::OsStr;
use std::os::unix::fs::PermissionsExt as _;
use std::path::Path;
use std::process::{Command, Stdio};

use skillpass_e2e::{bin, ok, registry_exit, skillpass, Server};

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn os(args: &[&str]) -> Vec<std::ffi::OsString> {
    args.iter().map(|a| OsStr::new(a).to_owned()).collect()
}

fn exit(args: &[&str], data: &Path) -> (Option<i32>, String) {
    let mut all = os(args);
    all.push("--data".into());
    all.push(data.as_os_str().to_owned());
    let refs: Vec<&OsStr> = all.iter().map(|a| a.as_os_str()).collect();
    registry_exit(&refs)
}

fn health(url: &str) -> serde_json::Value {
    let text = ureq::get(&format!("{url}/healthz"))
        .call()
        .unwrap()
        .into_string()
        .unwrap();
    serde_json::from_str(&text).unwrap()
}

#[test]
fn the_data_directory_and_its_files_are_private_whatever_the_umask() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut shell = Command::new("sh");
    shell
        .args(["-c", "umask 022 && exec \"$0\" \"$@\""])
        .arg(bin("skillpass-registry"))
        .env("RUST_LOG", "warn")
        .stderr(Stdio::null());
    let server = Server::start_command(shell, &data, &[]);
    let url = server.url.clone();
    ok(&skillpass(
        dir.path(),
        &url,
        &["key", "new", "--out", "c.key"],
    ));
    ok(&skillpass(
        dir.path(),
        &url,
        &[
            "issuer",
            "register",
            "--key",
            "c.key",
            "--name",
            "College",
            "--country",
            "PH",
        ],
    ));
    server.kill();
    assert_eq!(mode(&data), 0o700, "data directory");
    let mut seen = 0;
    let mut stack = vec![data.clone()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                assert_eq!(mode(&path), 0o700, "{}", path.display());
                stack.push(path);
            } else {
                assert_eq!(mode(&path), 0o600, "{}", path.display());
                seen += 1;
            }
        }
    }
    assert!(seen >= 4, "only {seen} files checked");
}

#[test]
fn a_data_directory_others_can_read_is_refused_unless_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("shared");
    std::fs::create_dir(&data).unwrap();
    std::fs::set_permissions(&data, std::fs::Permissions::from_mode(0o755)).unwrap();
    let (code, stderr) = exit(&["--listen", "127.0.0.1:0"], &data);
    assert_eq!(code, Some(5), "{stderr}");
    assert!(
        stderr.contains(&format!("chmod 700 {}", data.display())),
        "{stderr}"
    );
    assert!(!data.join("store").exists(), "a store was created anyway");
    let server = Server::start_with(&data, &["--allow-shared-data-dir"]);
    assert_eq!(health(&server.url)["status"], "ok");
}

#[test]
fn a_second_registry_on_a_locked_data_directory_says_so_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let first = Server::start(&data);
    let (code, stderr) = exit(&["--listen", "127.0.0.1:0"], &data);
    assert_eq!(code, Some(4), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "the data directory {} is in use by another skillpass-registry (pid {})",
            data.display(),
            first.pid()
        )),
        "{stderr}"
    );
    // check refuses a live store the same way (it would read it mid-write).
    let (code, stderr) = exit(&["check"], &data);
    assert_eq!(code, Some(4), "{stderr}");
    assert_eq!(health(&first.url)["status"], "ok");
}

#[test]
fn a_port_already_in_use_fails_before_anything_is_created() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let (code, stderr) = exit(&["--listen", &addr], &data);
    assert_eq!(code, Some(3), "{stderr}");
    assert!(
        stderr.contains(&format!("the address {addr} is already in use")),
        "{stderr}"
    );
    assert!(!data.exists(), "the data directory was created");
}

#[test]
fn logs_carry_no_colour_codes_when_not_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("registry.log");
    let mut command = Command::new(bin("skillpass-registry"));
    command
        .env("RUST_LOG", "info")
        .stderr(std::fs::File::create(&log).unwrap());
    let server = Server::start_command(command, &dir.path().join("data"), &[]);
    health(&server.url);
    server.kill();
    let text = std::fs::read_to_string(&log).unwrap();
    assert!(
        text.contains("registry started") && text.contains("request"),
        "{text}"
    );
    assert!(
        !text.contains('\u{1b}'),
        "colour codes in the log: {text:?}"
    );
}

#[test]
fn a_damaged_store_is_refused_at_start_and_named_by_check() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let data = d.join("data");
    let server = Server::start(&data);
    let url = server.url.clone();
    for i in 0..20 {
        let key = format!("c{i}.key");
        ok(&skillpass(d, &url, &["key", "new", "--out", &key]));
        ok(&skillpass(
            d,
            &url,
            &[
                "issuer",
                "register",
                "--key",
                &key,
                "--name",
                &format!("College {i}"),
                "--country",
                "PH",
            ],
        ));
    }
    server.kill();
    // check passes the intact store (a copy: opening a store lets sled tidy its file, and
    // the 100 bytes cut below must be the data it ends with, as after the kill).
    let copy = d.join("copy");
    let status = Command::new("cp")
        .arg("-a")
        .arg(&data)
        .arg(&copy)
        .status()
        .unwrap();
    assert!(status.success());
    let (code, stderr) = exit(&["check"], &copy);
    assert_eq!(code, Some(0), "an intact store: {stderr}");

    let db = data.join("store").join("db");
    let len = std::fs::metadata(&db).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&db)
        .unwrap()
        .set_len(len - 100)
        .unwrap();
    let (code, stderr) = exit(&["--listen", "127.0.0.1:0"], &data);
    assert_eq!(code, Some(6), "{stderr}");
    assert!(stderr.contains("the store is damaged"), "{stderr}");
    assert!(
        stderr.contains("skillpass-registry check --data"),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
    let (code, stderr) = exit(&["check"], &data);
    assert_eq!(code, Some(6), "{stderr}");
    assert!(stderr.contains("acknowledged"), "{stderr}");
}

#[test]
fn an_online_backup_restores_into_a_registry_that_signs_above_every_served_sequence() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let data = d.join("data");
    let server = Server::start(&data);
    let (url, anchor) = (server.url.clone(), server.anchor.clone());
    let operator = data.join("operator.key");
    let operator = operator.to_str().unwrap();
    let did = skillpass_e2e::accredited_college(d, &url, &data).0;
    let out = ok(&skillpass(
        d,
        &url,
        &[
            "operator",
            "backup",
            "--key",
            operator,
            "--out",
            "backup.gz",
        ],
    ));
    assert!(out.contains("backup written to backup.gz"), "{out}");
    assert_eq!(mode(&d.join("backup.gz")), 0o600);
    // The registry goes on after the backup: these bundles are not in it.
    ok(&skillpass(
        d,
        &url,
        &["operator", "suspend", "--key", operator, "--issuer", &did],
    ));
    ok(&skillpass(
        d,
        &url,
        &[
            "bundle",
            "fetch",
            "--out",
            "bundle.jws",
            "--anchor",
            &anchor,
        ],
    ));
    let served = health(&url)["bundleSequence"].as_u64().unwrap();
    server.kill();

    let backup = d.join("backup.gz");
    let (code, stderr) = registry_exit(&[
        OsStr::new("check"),
        OsStr::new("--backup"),
        backup.as_os_str(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");

    // A restore that does not know how far the old registry went is refused.
    let restored = d.join("restored");
    let args = |extra: &[&OsStr]| {
        let mut a: Vec<&OsStr> = vec![
            OsStr::new("restore"),
            OsStr::new("--from"),
            backup.as_os_str(),
            OsStr::new("--data"),
            restored.as_os_str(),
        ];
        a.extend_from_slice(extra);
        registry_exit(&a)
    };
    let (code, stderr) = args(&[]);
    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("--min-sequence"), "{stderr}");
    assert!(!restored.exists());
    let bundle = d.join("bundle.jws");
    let key = data.join("operator.key");
    let (code, stderr) = args(&[
        OsStr::new("--bundle"),
        bundle.as_os_str(),
        OsStr::new("--operator-key"),
        key.as_os_str(),
    ]);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(mode(&restored), 0o700);

    let again = Server::start(&restored);
    assert_eq!(again.anchor, anchor);
    let first = health(&again.url)["bundleSequence"].as_u64().unwrap();
    assert!(
        first > served,
        "the restored registry signed {first}, the old one had served {served}"
    );
    // The restored registry holds the college as it was at the backup: accredited.
    let issuer = ureq::get(&format!("{}/issuers/{did}", again.url))
        .call()
        .unwrap()
        .into_string()
        .unwrap();
    assert!(issuer.contains("\"standing\":\"active\""), "{issuer}");

    // A backup with one byte changed is refused before anything is written.
    let mut bytes = std::fs::read(&backup).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x55;
    std::fs::write(d.join("tampered.gz"), &bytes).unwrap();
    let tampered = d.join("tampered.gz");
    let (code, stderr) = registry_exit(&[
        OsStr::new("check"),
        OsStr::new("--backup"),
        tampered.as_os_str(),
    ]);
    assert_eq!(code, Some(6), "{stderr}");
    let cut = d.join("cut.gz");
    std::fs::write(&cut, &std::fs::read(&backup).unwrap()[..middle]).unwrap();
    let (code, stderr) =
        registry_exit(&[OsStr::new("check"), OsStr::new("--backup"), cut.as_os_str()]);
    assert_eq!(code, Some(6), "{stderr}");
}
