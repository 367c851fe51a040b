//! Hostile input against the running registry: deeply nested JSON, a 10 MB body, invalid
//! UTF-8, huge numbers, duplicate keys, wrong content types and a trickled (slow-loris)
//! body. Each gets a clear JSON error with a stable code, never a crash, and the registry
//! keeps serving afterwards.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::io::{Read as _, Write as _};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use credential_core::request::sign_request;
use credential_core::SecretKey;
use skillpass_e2e::Server;

/// Sends raw bytes and reads the whole answer (the registry closes or we time out).
fn raw(server: &Server, request: &[u8], pause_after: Option<(usize, Duration)>) -> (u16, String) {
    let addr = server.url.trim_start_matches("http://");
    let mut stream = TcpStream::connect(addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    match pause_after {
        Some((n, pause)) => {
            stream.write_all(&request[..n]).unwrap();
            std::thread::sleep(pause);
            // The server may have answered and closed already; that is the point.
            let _ = stream.write_all(&request[n..]);
        }
        None => {
            // A refused large body may be cut short by the server closing: not an error here.
            let _ = stream.write_all(request);
        }
    }
    let mut answer = Vec::new();
    let mut buf = [0u8; 8192];
    let deadline = Instant::now() + Duration::from_secs(20);
    while Instant::now() < deadline {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                answer.extend_from_slice(&buf[..n]);
                if complete(&answer) {
                    break;
                }
            }
        }
    }
    let text = String::from_utf8_lossy(&answer).into_owned();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

fn complete(answer: &[u8]) -> bool {
    let text = String::from_utf8_lossy(answer);
    let Some((head, body)) = text.split_once("\r\n\r\n") else {
        return false;
    };
    let length = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("content-length:")
                .map(|v| v.trim().to_owned())
        })
        .and_then(|v| v.parse::<usize>().ok());
    length.is_some_and(|n| body.len() >= n)
}

fn post(path: &str, content_type: &str, body: &[u8], key: &SecretKey) -> Vec<u8> {
    let auth = sign_request(key, "POST", path, body);
    let mut request = format!(
        "POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nAuthorization: {auth}\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .into_bytes();
    request.extend_from_slice(body);
    request
}

fn code(body: &str) -> String {
    let v: serde_json::Value =
        serde_json::from_str(body).unwrap_or_else(|e| panic!("not a JSON error ({e}): {body:?}"));
    v["error"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("no error code: {body}"))
        .to_owned()
}

fn still_serving(server: &Server) {
    let (status, body) = raw(
        server,
        b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
        None,
    );
    assert_eq!(status, 200, "{body}");
}

#[test]
fn hostile_bodies_get_json_errors_and_the_registry_keeps_serving() {
    let dir = tempfile::tempdir().unwrap();
    let mut server = Server::start_with(&dir.path().join("data"), &["--request-timeout-secs", "2"]);
    let key = SecretKey::generate();
    let cases: Vec<(&str, Vec<u8>, &str, u16)> = vec![
        (
            "deeply nested JSON",
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)).into_bytes(),
            "application/json",
            400,
        ),
        (
            "invalid UTF-8",
            b"{\"name\":\"\xff\xfe\",\"country\":\"PH\"}".to_vec(),
            "application/json",
            400,
        ),
        (
            "a huge number",
            br#"{"name":"x","country":"PH","contact":1e999999}"#.to_vec(),
            "application/json",
            400,
        ),
        (
            "duplicate keys",
            br#"{"name":"A","name":"B","country":"PH"}"#.to_vec(),
            "application/json",
            400,
        ),
        (
            "not JSON at all",
            b"\x00\x01\x02garbage".to_vec(),
            "application/json",
            400,
        ),
        (
            "a wrong content type",
            br#"{"name":"A","country":"PH"}"#.to_vec(),
            "text/plain",
            415,
        ),
    ];
    for (what, body, content_type, expected) in cases {
        let (status, answer) = raw(&server, &post("/issuers", content_type, &body, &key), None);
        assert_eq!(status, expected, "{what}: {answer}");
        assert!(!code(&answer).is_empty(), "{what}");
        assert!(!answer.contains("panicked"), "{what}");
        still_serving(&server);
    }

    // 10 MB: refused by the body limit, not buffered.
    let big = vec![b'a'; 10 * 1024 * 1024];
    let (status, answer) = raw(
        &server,
        &post("/issuers", "application/json", &big, &key),
        None,
    );
    assert_eq!(status, 413, "{answer}");
    assert_eq!(code(&answer), "body_too_large");
    still_serving(&server);

    // Slow loris: headers and a few body bytes, then silence. The deadline answers 408.
    let body = br#"{"name":"Slow Institute","country":"PH"}"#;
    let request = post("/issuers", "application/json", body, &key);
    let head = request.len() - body.len() + 5;
    let started = Instant::now();
    let (status, answer) = raw(&server, &request, Some((head, Duration::from_secs(6))));
    assert_eq!(status, 408, "{answer}");
    assert_eq!(code(&answer), "request_timeout");
    assert!(started.elapsed() < Duration::from_secs(15));
    still_serving(&server);

    // Garbage instead of HTTP.
    let (status, _) = raw(&server, b"\x16\x03\x01\x02\x00garbage\r\n\r\n", None);
    assert!(status == 400 || status == 0, "{status}");
    still_serving(&server);
    assert!(server.is_running());
}

#[test]
fn many_concurrent_slow_clients_do_not_stop_the_registry_answering_others() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start_with(&dir.path().join("data"), &["--request-timeout-secs", "2"]);
    let addr = server.url.trim_start_matches("http://").to_owned();
    // 50 connections that send half a request and stall.
    let stalled: Vec<TcpStream> = (0..50)
        .map(|_| {
            let mut s = TcpStream::connect(&addr).unwrap();
            s.write_all(b"POST /issuers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"na").unwrap();
            s
        })
        .collect();
    let started = Instant::now();
    still_serving(&server);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "healthz waited behind stalled clients"
    );
    drop(stalled);
    still_serving(&server);
}

/// Reads until the server closes the connection (or `limit` passes); returns what came.
fn read_until_closed(stream: &mut TcpStream, limit: Duration) -> Option<String> {
    stream.set_read_timeout(Some(limit)).unwrap();
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => return Some(String::from_utf8_lossy(&answer).into_owned()),
            Ok(n) => answer.extend_from_slice(&buf[..n]),
            Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => {
                return Some(String::from_utf8_lossy(&answer).into_owned())
            }
            Err(_) => return None, // still open at the limit
        }
    }
}

#[test]
fn clients_that_send_headers_too_slowly_are_cut_off_at_the_header_deadline() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start_with(&dir.path().join("data"), &["--header-timeout-secs", "2"]);
    let addr = server.url.trim_start_matches("http://").to_owned();
    // 50 connections that send nothing at all: closed, without an answer.
    let mut silent: Vec<TcpStream> = (0..50)
        .map(|_| TcpStream::connect(&addr).unwrap())
        .collect();
    // One that sends a header line every second: answered 408 in JSON, then closed.
    let mut trickle = TcpStream::connect(&addr).unwrap();
    let started = Instant::now();
    trickle.write_all(b"GET /healthz HTTP/1.1\r\n").unwrap();
    for i in 0..6 {
        std::thread::sleep(Duration::from_secs(1));
        if trickle
            .write_all(format!("X-Slow-{i}: y\r\n").as_bytes())
            .is_err()
        {
            break;
        }
    }
    let answer = read_until_closed(&mut trickle, Duration::from_secs(10)).expect("still open");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer:?}");
    let body = answer.split_once("\r\n\r\n").unwrap().1;
    assert_eq!(code(body), "request_timeout");
    for s in &mut silent {
        let answer =
            read_until_closed(s, Duration::from_secs(5)).expect("a silent connection stayed open");
        assert_eq!(answer, "", "an idle connection gets no answer, only closed");
    }
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "{:?}",
        started.elapsed()
    );
    still_serving(&server);
}

#[test]
fn over_the_connection_cap_new_clients_wait_and_are_then_served() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start_with(
        &dir.path().join("data"),
        &["--max-connections", "5", "--header-timeout-secs", "2"],
    );
    let addr = server.url.trim_start_matches("http://").to_owned();
    let idle: Vec<TcpStream> = (0..5).map(|_| TcpStream::connect(&addr).unwrap()).collect();
    std::thread::sleep(Duration::from_millis(300));
    // The sixth waits in the backlog until the idle ones are closed by the header deadline.
    let started = Instant::now();
    still_serving(&server);
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(1000),
        "not held back: {waited:?}"
    );
    assert!(waited < Duration::from_secs(10), "{waited:?}");
    drop(idle);
}

#[test]
fn every_error_the_server_itself_produces_is_json_in_the_one_error_shape() {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(&dir.path().join("data"));
    let long_uri = format!("GET /{} HTTP/1.1\r\nHost: x\r\n\r\n", "a".repeat(70_000));
    let many_headers = format!(
        "GET /healthz HTTP/1.1\r\nHost: x\r\n{}\r\n",
        (0..200)
            .map(|i| format!("X-{i}: y\r\n"))
            .collect::<String>()
    );
    let cases: Vec<(&str, Vec<u8>, u16, &str)> = vec![
        ("a URI too long", long_uri.into_bytes(), 414, "uri_too_long"),
        (
            "too many headers",
            many_headers.into_bytes(),
            431,
            "headers_too_large",
        ),
        (
            "a garbage request line",
            b"GARBAGE\r\n\r\n".to_vec(),
            400,
            "bad_request",
        ),
        (
            "a bad header line",
            b"GET /healthz HTTP/1.1\r\nno colon here\r\n\r\n".to_vec(),
            400,
            "bad_request",
        ),
        (
            "a query that does not parse",
            b"GET /log?after=abc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_vec(),
            400,
            "invalid_query",
        ),
        (
            "a path segment that is not UTF-8",
            b"GET /issuers/%FF HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_vec(),
            400,
            "bad_request",
        ),
        (
            "an unknown route",
            b"GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".to_vec(),
            404,
            "not_found",
        ),
        (
            "a wrong method",
            b"PUT /bundle HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                .to_vec(),
            405,
            "method_not_allowed",
        ),
    ];
    for (what, request, status, expected) in cases {
        let (got, body) = raw(&server, &request, None);
        assert_eq!(got, status, "{what}: {body}");
        assert_eq!(code(&body), expected, "{what}: {body}");
        let v: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert!(
            v["error"]["message"]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{what}"
        );
        still_serving(&server);
    }
}
