//! OpenID4VP between Skillpass's two sides over a real socket: the employer's `verifier
//! request` asks for title and level at EQF-6 or higher, the graduate's `wallet respond`
//! answers with only those claims, encrypted to the employer's key, to the employer's
//! response URI (here a loopback server standing in for the employer's server), and
//! `verifier collect` decrypts and verifies it. Then every refusal, on each side.

use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::net::TcpListener;
use std::sync::mpsc;

use serde_json::Value;

use super::receive::{free_port, link_of, pin_of, serve, CSV};
use super::World;
use crate::harness::stderr;

/// A world whose wallet `w.jwe` holds a `dc+sd-jwt` received over OpenID4VCI.
fn graduate() -> World {
    let w = World::new();
    w.ok(&["wallet", "init", "--wallet", "w.jwe", "--alg", "ES256"]);
    std::fs::write(w.path("graduates.csv"), CSV).unwrap();
    let port = free_port();
    let url = format!("http://127.0.0.1:{port}");
    w.ok(&[
        "issuer",
        "offer",
        "--csv",
        "graduates.csv",
        "--state",
        "issuance",
        "--url",
        &url,
        "--out-dir",
        "offers",
    ]);
    let _service = serve(&w, &url, port);
    w.ok(&[
        "wallet",
        "receive",
        "--wallet",
        "w.jwe",
        &link_of(&w, 2),
        "--pin",
        &pin_of(&w, 2),
    ]);
    w
}

/// The employer's server: takes one POST and hands its body over.
fn employer_server() -> (String, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/answer", listener.local_addr().unwrap());
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let Ok((stream, _)) = listener.accept() else {
            return;
        };
        let mut reader = BufReader::new(stream);
        let mut length = 0usize;
        loop {
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                break;
            }
            if let Some(v) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                length = v.trim().parse().unwrap_or(0);
            }
        }
        let mut body = vec![0; length];
        reader.read_exact(&mut body).unwrap();
        let mut stream = reader.into_inner();
        let _ = stream.write_all(
            b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\nconnection: close\r\n\r\n{}",
        );
        let _ = tx.send(String::from_utf8(body).unwrap());
    });
    (url, rx)
}

fn request(w: &World, response_uri: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "verifier",
        "request",
        "--response-uri",
        response_uri,
        "--vct-base",
        "https://registry.example",
        "--out",
        "request.json",
        "--qr",
        "request.png",
        "--name",
        "St. Luke's Hospital",
    ];
    args.extend(extra);
    w.ok(&args).trim().to_owned()
}

fn collect(w: &World, extra: &[&str]) -> (i32, Value, String) {
    let trust = w.trust_args();
    let mut args = vec!["verifier", "collect", "--request", "request.json", "--json"];
    args.extend(extra);
    args.extend(trust.iter().map(String::as_str));
    let out = w.run(&args);
    let json = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap_or(-1), json, stderr(&out))
}

#[test]
fn an_employer_asks_the_wallet_answers_with_only_the_asked_claims_and_collect_says_valid() {
    let w = graduate();
    let (uri, answer) = employer_server();
    let link = request(
        &w,
        &uri,
        &[
            "--claim",
            "title",
            "--claim",
            "level",
            "--min-level",
            "PQF-6",
        ],
    );
    assert!(
        link.starts_with("openid4vp://?client_id=redirect_uri%3Ahttp"),
        "{link}"
    );
    assert!(link.contains("response_mode=direct_post.jwt"), "{link}");
    let png = std::fs::read(w.path("request.png")).unwrap();
    assert_eq!(&png[1..4], b"PNG");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(w.path("request.json"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(
            mode & 0o077,
            0,
            "the request file holds the private key: owner-only"
        );
    }

    let out = w.run(&["wallet", "respond", "--wallet", "w.jwe", &link, "--yes"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(
        said.contains("\"St. Luke's Hospital\" (a name the verifier gives itself)"),
        "{said}"
    );
    assert!(
        said.contains("qualification.title, qualification.frameworkLevels"),
        "{said}"
    );
    assert!(
        said.contains("kept back: ") && said.contains("birthDate"),
        "{said}"
    );

    // What reached the employer's server is ciphertext only.
    let body = answer
        .recv_timeout(std::time::Duration::from_secs(30))
        .unwrap();
    let jwe = body.strip_prefix("response=").unwrap();
    assert_eq!(jwe.split('.').count(), 5, "{body}");
    assert!(!body.contains("vp_token") && !body.contains('~'), "{body}");
    std::fs::write(w.path("answer.txt"), &body).unwrap();

    let (code, report, err) = collect(&w, &["--response", "answer.txt"]);
    assert_eq!(
        (code, report["verdict"].as_str()),
        (0, Some("valid")),
        "{report:#}\n{err}"
    );
    let checks: Vec<(&str, &str)> = report["request"]["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap(), c["outcome"].as_str().unwrap()))
        .collect();
    assert_eq!(
        checks,
        vec![
            ("state", "pass"),
            ("answers-query", "pass"),
            ("only-requested", "pass"),
            ("level", "pass")
        ]
    );
    let presented = &report["presentations"]["credential"];
    assert_eq!(presented["verdict"], "valid");
    assert!(
        presented["subject"].get("birthDate").is_none(),
        "{presented:#}"
    );
    assert_eq!(
        presented["subject"]["qualification"]["frameworkLevels"][0],
        "PQF-6"
    );

    // The same answer against a request above the credential's level is refused; against
    // a level of a framework the shipped data cannot compare PQF with (no PQF-AQRF table),
    // it is undecided, never passed.
    let level_check = |min: &str| {
        let path = w.path("request.json");
        let mut file: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        file["minLevel"] = min.into();
        std::fs::write(&path, file.to_string()).unwrap();
        let (code, report, _) = collect(&w, &["--response", "answer.txt"]);
        let level = report["request"]["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == "level")
            .unwrap()
            .clone();
        (
            code,
            report["verdict"].as_str().unwrap_or_default().to_owned(),
            level,
        )
    };
    let (code, verdict, level) = level_check("PQF-7");
    assert_eq!((code, verdict.as_str()), (1, "invalid"), "{level}");
    assert_eq!(level["outcome"], "fail", "{level}");
    assert!(
        level["detail"].as_str().unwrap().contains("below PQF-7"),
        "{level}"
    );
    let (code, verdict, level) = level_check("EQF-6");
    assert_eq!((code, verdict.as_str()), (3, "indeterminate"), "{level}");
    assert!(
        level["detail"]
            .as_str()
            .unwrap()
            .contains("can be compared with EQF-6"),
        "{level}"
    );

    // Another request's key opens nothing: the answer is not for it.
    request(&w, &uri, &[]);
    let (code, _, err) = collect(&w, &["--response", "answer.txt"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("does not decrypt with this request's key"),
        "{err}"
    );
}

#[test]
fn wallet_respond_refuses_what_it_cannot_answer_and_never_sends_without_consent() {
    let w = graduate();
    let (uri, answer) = employer_server();
    // A skill credential is asked for: the wallet holds none.
    let link = request(&w, &uri, &["--type", "skill"]);
    let out = w.run(&["wallet", "respond", "--wallet", "w.jwe", &link, "--yes"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no credential in your wallet answers this request"),
        "{}",
        stderr(&out)
    );

    let link = request(&w, &uri, &[]);
    // An unencrypted response mode, a request for nothing, a request by reference.
    let cases = [
        (link.replacen("direct_post.jwt", "direct_post", 1), "this wallet answers only direct_post.jwt"),
        (
            link.replacen("%22credentials%22%3A%5B%7B", "%22credentials%22%3A%5B%5D%2C%22x%22%3A%5B%7B", 1),
            "asks for no credential",
        ),
        ("openid4vp://?client_id=redirect_uri%3Ahttps%3A%2F%2Fv.example&request_uri=https%3A%2F%2Fv.example%2Fr".into(), "request object"),
        ("https://example.org/no-request".into(), "not a presentation request"),
    ];
    for (bad, says) in cases {
        let out = w.run(&["wallet", "respond", "--wallet", "w.jwe", &bad, "--yes"]);
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(stderr(&out).contains(says), "{bad}: {}", stderr(&out));
    }
    // Without --yes and without a terminal to ask on, nothing is sent.
    let out = w.run(&["wallet", "respond", "--wallet", "w.jwe", &link]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not sending without your consent"),
        "{}",
        stderr(&out)
    );
    assert!(answer.try_recv().is_err(), "nothing reached the employer");
}
