//! The registry on PostgreSQL, end to end: the real `skillpass-registry` binary serving from
//! a database (chosen by `SKILLPASS_DATABASE_URL`), publishing and revoking through the
//! `skillpass` command, killed and started again; and `skillpass-registry migrate` moving a
//! sled registry into PostgreSQL with its audit log chain.
//!
//! These need a server: `SKILLPASS_TEST_DATABASE_URL=postgres://…` (set by `.ci/run`). Without
//! it they print that they were skipped and pass; under CI (`CI` set) they fail instead.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::ffi::OsStr;
use std::path::Path;
use std::process::{Command, Stdio};

use credential_core::jws::UnverifiedJws;
use credential_core::request::sign_request;
use credential_core::SecretKey;
use registry_server::store::postgres::ScratchDatabase;
use registry_server::store::DatabaseUrl;
use skillpass_e2e::{accredited_college, bin, ok, registry_exit, skillpass, Server};

const NURSE: &str = include_str!("../../examples/nurse-qualification.json");

fn scratch(name: &str) -> Option<ScratchDatabase> {
    match std::env::var("SKILLPASS_TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => {
            let server: DatabaseUrl = url.parse().unwrap();
            Some(ScratchDatabase::create(&server).unwrap())
        }
        _ if std::env::var_os("CI").is_some() => {
            panic!("CI must set SKILLPASS_TEST_DATABASE_URL (see .ci/run)")
        }
        _ => {
            // Straight to standard error: the test harness swallows eprintln! of passing tests.
            use std::io::Write as _;
            let _ = writeln!(
                std::io::stderr(),
                "SKIPPED {name}: set SKILLPASS_TEST_DATABASE_URL=postgres://… to run it"
            );
            None
        }
    }
}

/// The registry binary on `db`, the URL given through the environment as an operator
/// would (so it is not in the process list), the operator key in `data`.
fn start_on(db: &DatabaseUrl, data: &Path) -> Server {
    let mut command = Command::new(bin("skillpass-registry"));
    command
        .env("RUST_LOG", "warn")
        .env("SKILLPASS_DATABASE_URL", db.as_secret_str())
        .stderr(Stdio::null());
    Server::start_command(command, data, &[])
}

/// Issues `n` credentials with status from the accredited college in `d` and publishes
/// them; returns the files.
fn issue_and_publish(d: &Path, url: &str, n: usize) -> Vec<String> {
    let sp = |args: &[&str]| skillpass(d, url, args);
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
    files
}

fn credential_id(d: &Path, file: &str) -> String {
    let text = std::fs::read_to_string(d.join(file)).unwrap();
    let jws = UnverifiedJws::parse(text.trim(), 65536).unwrap();
    let payload: serde_json::Value = serde_json::from_slice(jws.payload()).unwrap();
    payload["id"].as_str().unwrap().to_owned()
}

/// The stored credential as its issuer reads it (the HTTP status).
fn read_back(url: &str, key: &SecretKey, id: &str) -> u16 {
    let path = format!("/credentials/{id}");
    match ureq::get(&format!("{url}{path}"))
        .set("Authorization", &sign_request(key, "GET", &path, b""))
        .call()
    {
        Ok(r) => r.status(),
        Err(ureq::Error::Status(code, _)) => code,
        Err(e) => panic!("{e}"),
    }
}

/// `skillpass verify FILE` against a freshly fetched bundle: the failed checks.
fn failed_checks(d: &Path, url: &str, anchor: &str, file: &str) -> Vec<String> {
    let sp = |args: &[&str]| skillpass(d, url, args);
    ok(&sp(&[
        "bundle",
        "fetch",
        "--out",
        "bundle.jws",
        "--anchor",
        anchor,
    ]));
    let out = sp(&[
        "verify",
        file,
        "--bundle",
        "bundle.jws",
        "--anchor",
        anchor,
        "--state",
        "seen.json",
        "--json",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let report = if report.is_array() {
        report[0].clone()
    } else {
        report
    };
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["outcome"] == "fail")
        .map(|c| c["name"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_registry_on_postgres_keeps_publications_revocations_and_its_log_across_a_kill() {
    let Some(db) = scratch("the_registry_on_postgres_keeps_publications") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let data = d.join("data");
    let server = start_on(db.url(), &data);
    let anchor = server.anchor.clone();
    let url = server.url.clone();
    // The data directory holds the operator key only: no embedded store was made.
    assert!(data.join("operator.key").is_file());
    assert!(!data.join("store").exists());
    let (_, college) = accredited_college(d, &url, &data);
    let files = issue_and_publish(d, &url, 3);
    ok(&skillpass(
        d,
        &url,
        &["revoke", "--key", "college.key", &files[1]],
    ));
    assert!(failed_checks(d, &url, &anchor, &files[0]).is_empty());
    assert_eq!(failed_checks(d, &url, &anchor, &files[1]), ["status"]);
    let before = ok(&skillpass(d, &url, &["log", "verify"]));
    assert!(before.contains("log verified"), "{before}");

    // SIGKILL: nothing is flushed on the way out; every acknowledged write must be there.
    server.kill();
    let server = start_on(db.url(), &data);
    assert_eq!(server.anchor, anchor, "the same anchor signs on");
    let url = server.url.clone();
    for f in &files {
        assert_eq!(read_back(&url, &college, &credential_id(d, f)), 200, "{f}");
    }
    // Another key reads nothing: the stored credentials stay private on PostgreSQL too.
    assert_eq!(
        read_back(&url, &SecretKey::generate(), &credential_id(d, &files[0])),
        403
    );
    assert!(failed_checks(d, &url, &anchor, &files[0]).is_empty());
    assert_eq!(failed_checks(d, &url, &anchor, &files[1]), ["status"]);
    ok(&skillpass(
        d,
        &url,
        &["revoke", "--key", "college.key", &files[2]],
    ));
    assert_eq!(failed_checks(d, &url, &anchor, &files[2]), ["status"]);
    let after = ok(&skillpass(d, &url, &["log", "verify"]));
    assert!(after.contains("log verified"), "{after}");

    // `check --store` reads the live database through the same start-up check.
    let (code, said) = {
        let out = Command::new(bin("skillpass-registry"))
            .args(["check", "--store", db.url().as_secret_str()])
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    assert_eq!(code, Some(0), "{said}");
    assert!(
        said.contains("hash chain intact") && said.contains("store intact"),
        "{said}"
    );
    assert!(
        !said.contains(db.url().as_secret_str()),
        "the password is never printed"
    );
}

#[test]
fn a_registry_started_on_an_unreachable_database_says_so_without_the_password() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let dir = tempfile::tempdir().unwrap();
    let url = format!("postgres://registry:hunter2-secret@127.0.0.1:{port}/skillpass");
    let data = dir.path().join("data");
    let (code, said) = registry_exit(&[
        OsStr::new("--listen"),
        OsStr::new("127.0.0.1:0"),
        OsStr::new("--data"),
        data.as_os_str(),
        OsStr::new("--store"),
        OsStr::new(&url),
    ]);
    assert_eq!(code, Some(1), "{said}");
    assert!(
        said.contains(&format!("postgres://registry@127.0.0.1:{port}/skillpass")),
        "{said}"
    );
    assert!(said.contains("cannot connect"), "{said}");
    assert!(!said.contains("hunter2"), "{said}");
    assert!(!data.exists(), "nothing is created before the store opens");
}

#[test]
fn migrate_moves_a_sled_registry_into_postgres_with_its_log_chain() {
    let Some(db) = scratch("migrate_moves_a_sled_registry_into_postgres") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let data = d.join("data");
    let server = Server::start(&data);
    let anchor = server.anchor.clone();
    let url = server.url.clone();
    let (_, college) = accredited_college(d, &url, &data);
    let files = issue_and_publish(d, &url, 2);
    ok(&skillpass(
        d,
        &url,
        &["revoke", "--key", "college.key", &files[0]],
    ));
    let bundle_before = ureq::get(&format!("{url}/bundle"))
        .call()
        .unwrap()
        .into_string()
        .unwrap();

    let from = format!("sled:{}", data.display());
    let migrate = |to: &str| {
        Command::new(bin("skillpass-registry"))
            .args(["migrate", "--from", &from, "--to", to])
            .env("RUST_LOG", "warn")
            .output()
            .unwrap()
    };
    // A registry still serving from the directory is not copied.
    let busy = migrate(db.url().as_secret_str());
    assert_eq!(busy.status.code(), Some(4), "{busy:?}");
    server.kill();

    let out = migrate(db.url().as_secret_str());
    let said = ok(&out);
    let copied = |tree: &str| -> String {
        said.lines()
            .find(|l| l.split_whitespace().next() == Some(tree) && l.ends_with("copied"))
            .unwrap_or_else(|| panic!("no count for {tree}: {said}"))
            .split_whitespace()
            .nth(1)
            .unwrap()
            .to_owned()
    };
    assert_eq!(copied("credentialid_credential"), "2", "{said}");
    assert_eq!(copied("issuerdid_issuer"), "1", "{said}");
    assert_ne!(copied("logseq_entry"), "0", "{said}");
    assert!(said.contains("hash chain intact"), "{said}");
    assert!(
        !said.contains(db.url().as_secret_str()),
        "the password is never printed"
    );

    // A second run finds the target full and writes nothing.
    let again = migrate(db.url().as_secret_str());
    assert_eq!(again.status.code(), Some(2), "{again:?}");
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(
        err.contains("already holds") && err.contains("empty database"),
        "{err}"
    );

    // The registry serves the copy with the old operator key: the same bundle, the log
    // chain carried on, the credentials readable, the revocation in force.
    let server = start_on(db.url(), &data);
    assert_eq!(server.anchor, anchor);
    let url = server.url.clone();
    let bundle_after = ureq::get(&format!("{url}/bundle"))
        .call()
        .unwrap()
        .into_string()
        .unwrap();
    // The registry re-signs its bundle at start: above the sequence the sled registry
    // served, never the same sequence again.
    let sequence = |jws: &str| {
        let jws = UnverifiedJws::parse(jws.trim(), 64 << 20).unwrap();
        let payload: serde_json::Value = serde_json::from_slice(jws.payload()).unwrap();
        payload["sequence"].as_u64().unwrap()
    };
    assert!(
        said.contains(&format!(
            "trust bundle: sequence {}",
            sequence(&bundle_before)
        )),
        "{said}"
    );
    assert_eq!(sequence(&bundle_after), sequence(&bundle_before) + 1);
    for f in &files {
        assert_eq!(read_back(&url, &college, &credential_id(d, f)), 200, "{f}");
    }
    assert_eq!(failed_checks(d, &url, &anchor, &files[0]), ["status"]);
    assert!(failed_checks(d, &url, &anchor, &files[1]).is_empty());
    ok(&skillpass(
        d,
        &url,
        &["revoke", "--key", "college.key", &files[1]],
    ));
    assert_eq!(failed_checks(d, &url, &anchor, &files[1]), ["status"]);
    let log = ok(&skillpass(d, &url, &["log", "verify"]));
    assert!(log.contains("log verified"), "{log}");
}

#[test]
fn migrate_refuses_a_source_that_is_not_a_sled_registry() {
    let dir = tempfile::tempdir().unwrap();
    let (code, said) = registry_exit(&[
        OsStr::new("migrate"),
        OsStr::new("--from"),
        OsStr::new(&format!("sled:{}", dir.path().display())),
        OsStr::new("--to"),
        OsStr::new("postgres://nobody@127.0.0.1:1/none"),
    ]);
    assert_eq!(code, Some(2), "{said}");
    assert!(said.contains("holds no registry store"), "{said}");
}

/// Runs `sql` with `psql` on the server's administrative database.
fn psql(sql: &str) {
    let server = std::env::var("SKILLPASS_TEST_DATABASE_URL").unwrap();
    let out = Command::new("psql")
        .args([
            "-X",
            "-q",
            "-v",
            "ON_ERROR_STOP=1",
            "-d",
            &server,
            "-c",
            sql,
        ])
        .output()
        .expect("psql (Debian's postgresql-client) runs the test's SQL");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn health(url: &str) -> u16 {
    match ureq::get(&format!("{url}/healthz")).call() {
        Ok(r) => r.status(),
        Err(ureq::Error::Status(code, r)) => {
            let body = r.into_string().unwrap();
            assert!(body.contains("\"code\":\"store_unavailable\""), "{body}");
            assert!(
                !body.contains("postgres"),
                "no database detail reaches clients: {body}"
            );
            code
        }
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn a_registry_whose_database_went_away_answers_503_and_recovers_by_itself() {
    let Some(db) = scratch("a_registry_whose_database_went_away") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let data = d.join("data");
    let server = start_on(db.url(), &data);
    let url = server.url.clone();
    assert_eq!(health(&url), 200);
    let name = db.url().redacted().rsplit('/').next().unwrap().to_owned();
    // What a failover looks like from the registry: its connections cut, no new ones
    // accepted for a while.
    psql(&format!(
        "ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS false"
    ));
    psql(&format!(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"
    ));
    assert_eq!(health(&url), 503);
    let refused = skillpass(d, &url, &["key", "new", "--out", "c.key"]);
    ok(&refused);
    let register = skillpass(
        d,
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
    );
    assert!(
        !register.status.success(),
        "a write without its database is refused"
    );
    // As 503 store_unavailable in the one JSON error shape, which a client may retry.
    let said = String::from_utf8_lossy(&register.stderr);
    assert!(said.contains("HTTP 503 store_unavailable"), "{said}");
    // The database is back: the same process serves again, nothing restarted.
    psql(&format!("ALTER DATABASE \"{name}\" ALLOW_CONNECTIONS true"));
    assert_eq!(health(&url), 200);
    ok(&skillpass(
        d,
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
    let log = ok(&skillpass(d, &url, &["log", "verify"]));
    assert!(log.contains("log verified"), "{log}");
}

/// A second replica: its own data directory, the first one's operator key.
fn start_replica(db: &DatabaseUrl, data: &Path, operator_key: &Path) -> Server {
    let mut command = Command::new(bin("skillpass-registry"));
    command
        .env("RUST_LOG", "warn")
        .env("SKILLPASS_DATABASE_URL", db.as_secret_str())
        .stderr(Stdio::null());
    Server::start_command(
        command,
        data,
        &["--operator-key", operator_key.to_str().unwrap()],
    )
}

/// POST /credentials of one credential, signed by `key`: whether the registry acknowledged
/// it (201). A refused connection or any other answer is no acknowledgement.
fn publish_one(url: &str, key: &SecretKey, jws: &str) -> bool {
    let body = serde_json::to_vec(&serde_json::json!({ "credentials": [jws] })).unwrap();
    ureq::post(&format!("{url}/credentials"))
        .timeout(std::time::Duration::from_secs(30))
        .set("Content-Type", "application/json")
        .set(
            "Authorization",
            &sign_request(key, "POST", "/credentials", &body),
        )
        .send_bytes(&body)
        .is_ok_and(|r| r.status() == 201)
}

/// The bundle a replica serves now: its sequence and its bytes.
fn served_bundle(url: &str) -> Option<(u64, String)> {
    let jws = ureq::get(&format!("{url}/bundle"))
        .timeout(std::time::Duration::from_secs(10))
        .call()
        .ok()?
        .into_string()
        .ok()?;
    let parsed = UnverifiedJws::parse(jws.trim(), 64 << 20).ok()?;
    let payload: serde_json::Value = serde_json::from_slice(parsed.payload()).ok()?;
    Some((payload["sequence"].as_u64()?, jws.trim().to_owned()))
}

#[test]
fn two_replicas_on_one_database_keep_one_log_chain_and_every_acknowledged_write_across_a_sigkill() {
    use std::collections::HashMap;
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    use std::time::{Duration, Instant};

    let Some(db) = scratch("two_replicas_on_one_database") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let data_a = d.join("replica-a");
    let data_b = d.join("replica-b");
    let a = start_on(db.url(), &data_a);
    let key = data_a.join("operator.key");
    let b = start_replica(db.url(), &data_b, &key);
    assert_eq!(a.anchor, b.anchor, "both replicas sign as the one anchor");
    let anchor = a.anchor.clone();
    let (url_a, url_b) = (a.url.clone(), b.url.clone());

    // Registered through one replica, accredited and first published through the other.
    let (_, college) = accredited_college(d, &url_a, &data_a);
    let files = issue_and_publish(d, &url_b, 1);
    let first = files[0].clone();
    // Credentials to publish concurrently, issued beforehand.
    let mut pending = Vec::new();
    for i in 0..48 {
        let out = format!("more-{i}.jwt");
        ok(&skillpass(
            d,
            &url_b,
            &[
                "issue",
                "--key",
                "college.key",
                "--claims",
                "nurse.json",
                "--status",
                "college-status.json",
                "--out",
                &out,
            ],
        ));
        pending.push(out);
    }

    // A nonce spent on one replica is refused by the other.
    let path = format!("/credentials/{}", credential_id(d, &first));
    let header = sign_request(&college, "GET", &path, b"");
    let get = |url: &str| match ureq::get(&format!("{url}{path}"))
        .set("Authorization", &header)
        .call()
    {
        Ok(r) => (r.status(), String::new()),
        Err(ureq::Error::Status(code, r)) => (code, r.into_string().unwrap()),
        Err(e) => panic!("{e}"),
    };
    assert_eq!(get(&url_a).0, 200);
    let (code, body) = get(&url_b);
    assert_eq!(code, 401, "{body}");
    assert!(body.contains("\"code\":\"replayed_request\""), "{body}");

    let urls = Arc::new(Mutex::new(vec![url_a.clone(), url_b.clone()]));
    let stop = Arc::new(AtomicBool::new(false));
    let queue = Arc::new(Mutex::new(pending.clone()));
    let published = Arc::new(Mutex::new(Vec::<String>::new()));
    let revoked = Arc::new(Mutex::new(Vec::<String>::new()));
    let served = Arc::new(Mutex::new(Vec::<(usize, u64, String)>::new()));
    let turn = Arc::new(AtomicUsize::new(0));
    let mut threads = Vec::new();
    // Publishers: each credential through whichever replica's turn it is.
    for _ in 0..4 {
        let (queue, published, urls, turn) =
            (queue.clone(), published.clone(), urls.clone(), turn.clone());
        let college = SecretKey::from_private_jwk(&college.to_private_jwk()).unwrap();
        let d = d.to_path_buf();
        threads.push(std::thread::spawn(move || loop {
            let Some(file) = queue.lock().unwrap().pop() else {
                return;
            };
            let url = {
                let urls = urls.lock().unwrap();
                urls[turn.fetch_add(1, Ordering::SeqCst) % urls.len()].clone()
            };
            let jws = std::fs::read_to_string(d.join(&file)).unwrap();
            if publish_one(&url, &college, jws.trim()) {
                published.lock().unwrap().push(file);
            }
            std::thread::sleep(Duration::from_millis(60));
        }));
    }
    // A revoker: the issuer revokes published credentials through either replica.
    {
        let (published, revoked, urls, stop) = (
            published.clone(),
            revoked.clone(),
            urls.clone(),
            stop.clone(),
        );
        let d = d.to_path_buf();
        threads.push(std::thread::spawn(move || {
            let mut i = 0;
            while !stop.load(Ordering::SeqCst) {
                let target = {
                    let published = published.lock().unwrap();
                    let revoked = revoked.lock().unwrap();
                    published
                        .iter()
                        .find(|f| !revoked.contains(f) && i % 3 == 0)
                        .cloned()
                };
                i += 1;
                if let Some(file) = target {
                    let url = {
                        let urls = urls.lock().unwrap();
                        urls[i % urls.len()].clone()
                    };
                    let out = skillpass(&d, &url, &["revoke", "--key", "college.key", &file]);
                    if out.status.success() {
                        revoked.lock().unwrap().push(file);
                    }
                }
                std::thread::sleep(Duration::from_millis(40));
            }
        }));
    }
    // A watcher: every bundle each replica serves.
    {
        let (served, stop, urls) = (served.clone(), stop.clone(), urls.clone());
        threads.push(std::thread::spawn(move || {
            while !stop.load(Ordering::SeqCst) {
                let replicas = urls.lock().unwrap().clone();
                for (n, url) in replicas.iter().enumerate() {
                    if let Some((seq, digest)) = served_bundle(url) {
                        served.lock().unwrap().push((n, seq, digest));
                    }
                }
                std::thread::sleep(Duration::from_millis(25));
            }
        }));
    }

    // Replica A dies mid-traffic; the clients carry on through B and through A's address.
    let started = Instant::now();
    while published.lock().unwrap().len() < 12 && started.elapsed() < Duration::from_secs(60) {
        std::thread::sleep(Duration::from_millis(20));
    }
    a.kill();
    let killed_at = published.lock().unwrap().len();
    while queue.lock().unwrap().len() > 12 && started.elapsed() < Duration::from_secs(90) {
        std::thread::sleep(Duration::from_millis(20));
    }
    // A comes back (a new process on the same database) and takes its share again.
    let a = start_on(db.url(), &data_a);
    urls.lock().unwrap()[0] = a.url.clone();
    while !queue.lock().unwrap().is_empty() && started.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(500));
    stop.store(true, Ordering::SeqCst);
    for t in threads {
        t.join().unwrap();
    }
    let published = published.lock().unwrap().clone();
    let revoked = revoked.lock().unwrap().clone();
    assert!(
        published.len() > killed_at,
        "writes went on after the kill ({} of {})",
        published.len(),
        pending.len()
    );
    assert!(!revoked.is_empty(), "some revocations were acknowledged");

    // Every acknowledged publication is there, read through either replica.
    for (n, f) in published.iter().enumerate() {
        let url = if n % 2 == 0 { &a.url } else { &b.url };
        assert_eq!(read_back(url, &college, &credential_id(d, f)), 200, "{f}");
    }
    // Every acknowledged revocation is in the bundle either replica serves now.
    for (n, f) in revoked.iter().enumerate() {
        let url = if n % 2 == 0 { &a.url } else { &b.url };
        assert_eq!(failed_checks(d, url, &anchor, f), ["status"], "{f}");
    }
    // One chain, verified through each replica.
    for url in [&a.url, &b.url] {
        let log = ok(&skillpass(d, url, &["log", "verify"]));
        assert!(log.contains("log verified"), "{log}");
    }
    // No sequence ever named two bundles, and each replica's sequences only grew.
    let served = served.lock().unwrap().clone();
    assert!(
        served.len() > 10,
        "the watcher saw bundles: {}",
        served.len()
    );
    let mut by_sequence: HashMap<u64, &str> = HashMap::new();
    for (_, seq, jws) in &served {
        let first = by_sequence.entry(*seq).or_insert(jws);
        assert!(first == jws, "sequence {seq} was served with two contents");
    }
    for n in [0, 1] {
        let seqs: Vec<u64> = served
            .iter()
            .filter(|(r, _, _)| *r == n)
            .map(|(_, s, _)| *s)
            .collect();
        assert!(
            seqs.windows(2).all(|w| w[0] <= w[1]),
            "replica {n} served an older bundle after a newer one: {seqs:?}"
        );
    }
    assert!(
        by_sequence.len() > 2,
        "revocations made new bundles: {:?}",
        by_sequence.keys()
    );
}
