//! `skillpass verifier serve` over a real loopback socket (the W3C VC-API's
//! `/credentials/verify` and `/presentations/verify`), and `verify --issuer-key`: each
//! acceptance path and each refusal, and the marker "not checked against a trust bundle".

use std::net::{TcpListener, TcpStream};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use chrono::Utc;
use credential_core::alg::Algorithm;
use credential_core::integrity::{self, ProofForm};
use credential_core::jws::{self, Header};
use credential_core::SecretKey;
use serde_json::{json, Value};

use crate::harness::{code, stderr, stdout, Scratch, BIN};

const CHALLENGE: &str = "u3d7f9c2a1b";
const DOMAIN: &str = "employer.example";

/// A running service, stopped when dropped.
struct Service {
    child: Child,
    port: u16,
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn serve(s: &Scratch, args: &[&str]) -> Service {
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let child = s
        .command(BIN)
        .args(["verifier", "serve", "--listen", &listen])
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let service = Service { child, port };
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the service did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    service
}

impl Service {
    /// POSTs `body` with `content_type`; the status and the JSON answer.
    fn post_raw(&self, path: &str, content_type: &str, body: &str) -> (u16, Value) {
        let url = format!("http://127.0.0.1:{}{path}", self.port);
        let response = match ureq::post(&url)
            .set("Content-Type", content_type)
            .send_string(body)
        {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("{e}"),
        };
        let status = response.status();
        let text = response.into_string().unwrap();
        (status, serde_json::from_str(&text).unwrap())
    }

    /// Sends `request` as written and reads the answer until the service closes.
    fn raw_request(&self, request: &str) -> String {
        use std::io::{Read as _, Write as _};
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut answer = Vec::new();
        let mut chunk = [0u8; 4096];
        while let Ok(n) = stream.read(&mut chunk) {
            if n == 0 {
                break;
            }
            answer.extend_from_slice(&chunk[..n]);
            if String::from_utf8_lossy(&answer).contains("}]}") {
                break;
            }
        }
        String::from_utf8_lossy(&answer).into_owned()
    }

    fn post(&self, path: &str, body: &Value) -> (u16, Value) {
        self.post_raw(path, "application/json", &body.to_string())
    }

    fn verify(&self, credential: &Value) -> (u16, Value) {
        self.post(
            "/credentials/verify",
            &json!({"verifiableCredential": credential, "options": {"checks": ["proof"]}}),
        )
    }

    fn verify_vp(&self, presentation: &Value, challenge: &str, domain: &str) -> (u16, Value) {
        self.post(
            "/presentations/verify",
            &json!({
                "verifiablePresentation": presentation,
                "options": {"challenge": challenge, "domain": domain},
            }),
        )
    }
}

/// A VC 2.0 credential of no Skillpass type, by `issuer`.
fn credential(issuer: &str) -> Value {
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": "urn:uuid:7b0e1c1e-9d59-4d6f-8a3f-2b4c9f1a0e01",
        "type": ["VerifiableCredential"],
        "issuer": issuer,
        "validFrom": "2025-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:alice"}
    })
}

fn jose(key: &SecretKey, document: &Value) -> String {
    jws::sign(
        key,
        &Header::new("vc+jwt", &key.public().did_url()),
        &serde_json::to_vec(document).unwrap(),
    )
}

fn envelope(compact: &str) -> Value {
    json!({
        "@context": "https://www.w3.org/ns/credentials/v2",
        "type": "EnvelopedVerifiableCredential",
        "id": format!("data:application/vc+jwt,{compact}"),
    })
}

/// The names of the checks in `errors`.
fn error_checks(answer: &Value) -> Vec<String> {
    answer["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["check"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn serve_verifies_a_direct_key_credential_and_says_accreditation_was_not_checked() {
    let s = Scratch::new();
    let service = serve(&s, &["--any-issuer-key"]);
    for alg in [Algorithm::EdDSA, Algorithm::Es256, Algorithm::Es384] {
        let key = SecretKey::generate_for(alg);
        let vc = envelope(&jose(&key, &credential(&key.public().did())));
        let (status, answer) = service.verify(&vc);
        assert_eq!(status, 200, "{alg:?}: {answer:#}");
        assert_eq!(answer["verified"], true);
        assert_eq!(answer["errors"], json!([]));
        for check in [
            "well-formed",
            "algorithm",
            "key-valid",
            "signature",
            "schema",
        ] {
            assert!(
                answer["checks"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|c| c == check),
                "{check}: {answer:#}"
            );
        }
        // The marker a program tests, and the words a person reads.
        assert_eq!(answer["accreditation"]["checked"], false);
        assert!(answer["accreditation"]["detail"]
            .as_str()
            .unwrap()
            .contains("not checked against a trust bundle"));
        let warned: Vec<&str> = answer["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w["check"].as_str().unwrap())
            .collect();
        assert_eq!(
            warned,
            ["trust-bundle", "issuer-accredited", "bundle-fresh"]
        );
    }
}

#[test]
fn serve_verifies_a_data_integrity_credential_and_a_did_jwk_issuer() {
    let s = Scratch::new();
    let service = serve(&s, &["--any-issuer-key"]);
    let key = SecretKey::generate();
    let public = key.public();
    let secured = integrity::sign(
        &credential(&public.did()),
        &key,
        &public.did_url(),
        Utc::now(),
        ProofForm::Object,
    )
    .unwrap();
    let (status, answer) = service.verify(&secured);
    assert_eq!(status, 200, "{answer:#}");
    // did:jwk, ES256, the compact JWS given as a JSON string.
    let key = SecretKey::generate_for(Algorithm::Es256);
    let did = key.public().did_jwk();
    let compact = jws::sign(
        &key,
        &Header::new("vc+jwt", &format!("{did}#0")),
        &serde_json::to_vec(&credential(&did)).unwrap(),
    );
    let (status, answer) = service.verify(&json!(compact));
    assert_eq!(status, 200, "{answer:#}");
}

#[test]
fn serve_refuses_a_bad_signature_a_wrong_key_an_expired_credential_and_a_data_model_violation() {
    let s = Scratch::new();
    let service = serve(&s, &["--any-issuer-key"]);
    let key = SecretKey::generate();
    let did = key.public().did();
    // Bad signature: a character inside the signature changed (not the last, whose
    // spare bits may not count).
    let good = jose(&key, &credential(&did));
    let mut bad = good.clone();
    let at = bad.len() - 10;
    let swapped = if &bad[at..=at] == "A" { "B" } else { "A" };
    bad.replace_range(at..=at, swapped);
    let (status, answer) = service.verify(&envelope(&bad));
    assert_eq!(status, 400);
    assert_eq!(answer["verified"], false);
    assert_eq!(error_checks(&answer), ["signature"], "{answer:#}");
    // Wrong key: signed by another key than the issuer's.
    let other = SecretKey::generate();
    let (status, answer) = service.verify(&envelope(&jose(&other, &credential(&did))));
    assert_eq!(status, 400);
    assert_eq!(error_checks(&answer), ["key-valid"]);
    // Expired.
    let mut expired = credential(&did);
    expired["validUntil"] = json!("2025-06-01T00:00:00Z");
    let (status, answer) = service.verify(&envelope(&jose(&key, &expired)));
    assert_eq!(status, 400);
    assert_eq!(error_checks(&answer), ["validity-period"]);
    // A data model violation: no credentialSubject.
    let mut no_subject = credential(&did);
    no_subject
        .as_object_mut()
        .unwrap()
        .remove("credentialSubject");
    let (status, answer) = service.verify(&envelope(&jose(&key, &no_subject)));
    assert_eq!(status, 400);
    assert_eq!(error_checks(&answer), ["schema"]);
    // An envelope that is not one.
    let mut not_enveloped = envelope(&good);
    not_enveloped["type"] = json!("VerifiableCredential");
    let (status, answer) = service.verify(&not_enveloped);
    assert_eq!(status, 400);
    assert_eq!(error_checks(&answer), ["well-formed"]);
}

#[test]
fn serve_refuses_alg_none_and_hs256() {
    let s = Scratch::new();
    let service = serve(&s, &["--any-issuer-key"]);
    let key = SecretKey::generate();
    let payload = serde_json::to_vec(&credential(&key.public().did())).unwrap();
    for alg in ["none", "HS256"] {
        let header = json!({"alg": alg, "typ": "vc+jwt", "kid": key.public().did_url()});
        let compact = jws::sign_raw(&key, &serde_json::to_vec(&header).unwrap(), &payload);
        let (status, answer) = service.verify(&envelope(&compact));
        assert_eq!(status, 400, "{alg}");
        assert_eq!(error_checks(&answer), ["algorithm"], "{alg}: {answer:#}");
    }
}

#[test]
fn serve_pins_the_issuers_given_with_issuer_key() {
    let s = Scratch::new();
    let trusted = SecretKey::generate();
    let did = trusted.public().did();
    let service = serve(&s, &["--issuer-key", &did]);
    let (status, _) = service.verify(&envelope(&jose(&trusted, &credential(&did))));
    assert_eq!(status, 200);
    let stranger = SecretKey::generate();
    let (status, answer) = service.verify(&envelope(&jose(
        &stranger,
        &credential(&stranger.public().did()),
    )));
    assert_eq!(status, 400);
    assert_eq!(error_checks(&answer), ["key-valid"]);
}

/// A presentation by `holder` of one Data Integrity credential, secured with a Data
/// Integrity proof bound to `challenge` and `domain`.
fn di_presentation(holder: &SecretKey, challenge: &str, domain: &str) -> Value {
    let issuer = SecretKey::generate();
    let public = issuer.public();
    let vc = integrity::sign(
        &credential(&public.did()),
        &issuer,
        &public.did_url(),
        Utc::now(),
        ProofForm::Object,
    )
    .unwrap();
    let vp = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "holder": holder.public().did(),
        "verifiableCredential": [vc],
    });
    integrity::sign_presentation(
        &vp,
        holder,
        &holder.public().did_url(),
        Utc::now(),
        challenge,
        domain,
    )
    .unwrap()
}

#[test]
fn serve_verifies_a_data_integrity_presentation_bound_to_challenge_and_domain() {
    let s = Scratch::new();
    let service = serve(&s, &["--any-issuer-key"]);
    let holder = SecretKey::generate();
    let vp = di_presentation(&holder, CHALLENGE, DOMAIN);
    let (status, answer) = service.verify_vp(&vp, CHALLENGE, DOMAIN);
    assert_eq!(status, 200, "{answer:#}");
    assert!(answer["checks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c == "credential 1: signature"));
    // Another challenge, another domain: each refused by name.
    let (status, answer) = service.verify_vp(&vp, "another-challenge", DOMAIN);
    assert_eq!(status, 400);
    assert_eq!(error_checks(&answer), ["challenge"]);
    let (status, answer) = service.verify_vp(&vp, CHALLENGE, "elsewhere.example");
    assert_eq!(status, 400);
    assert_eq!(error_checks(&answer), ["domain"]);
    // Altered after signing: the holder's signature fails.
    let mut altered = vp.clone();
    altered["holder"] = json!(SecretKey::generate().public().did());
    let (status, answer) = service.verify_vp(&altered, CHALLENGE, DOMAIN);
    assert_eq!(status, 400);
    assert_eq!(error_checks(&answer), ["holder-signature"], "{answer:#}");
}

#[test]
fn serve_verifies_an_enveloped_vp_jwt_presentation() {
    let s = Scratch::new();
    let service = serve(&s, &["--any-issuer-key"]);
    let issuer = SecretKey::generate_for(Algorithm::Es256);
    let vc = envelope(&jose(&issuer, &credential(&issuer.public().did())));
    let holder = SecretKey::generate();
    let payload = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "holder": holder.public().did(),
        "verifiableCredential": [vc],
        "nonce": CHALLENGE,
        "aud": DOMAIN,
    });
    let compact = jws::sign(
        &holder,
        &Header::new("vp+jwt", &holder.public().did_url()),
        &serde_json::to_vec(&payload).unwrap(),
    );
    let vp = json!({
        "@context": "https://www.w3.org/ns/credentials/v2",
        "type": "EnvelopedVerifiablePresentation",
        "id": format!("data:application/vp+jwt,{compact}"),
    });
    let (status, answer) = service.verify_vp(&vp, CHALLENGE, DOMAIN);
    assert_eq!(status, 200, "{answer:#}");
    let (status, answer) = service.verify_vp(&vp, "stale", DOMAIN);
    assert_eq!(status, 400);
    assert_eq!(error_checks(&answer), ["challenge"]);
}

#[test]
fn serve_answers_malformed_too_large_and_unknown_requests_with_json_errors() {
    let s = Scratch::new();
    let service = serve(&s, &["--any-issuer-key"]);
    let code_of = |answer: &Value| answer["errors"][0]["code"].as_str().unwrap().to_owned();
    let (status, answer) = service.post_raw("/credentials/verify", "application/json", "{not json");
    assert_eq!((status, code_of(&answer).as_str()), (400, "malformed_json"));
    assert_eq!(answer["verified"], false);
    let (status, answer) = service.post("/credentials/verify", &json!({"options": {}}));
    assert_eq!(
        (status, code_of(&answer).as_str()),
        (400, "malformed_request")
    );
    let (status, answer) = service.post("/credentials/verify", &json!([1, 2]));
    assert_eq!(
        (status, code_of(&answer).as_str()),
        (400, "malformed_request")
    );
    let (status, answer) = service.post_raw("/credentials/verify", "text/plain", "{}");
    assert_eq!(
        (status, code_of(&answer).as_str()),
        (415, "unsupported_media_type")
    );
    // Too large: refused from its Content-Length, before the body is read (a raw request,
    // since the service answers and closes while a client would still be sending).
    let answer = service.raw_request(&format!(
        "POST /credentials/verify HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{{",
        3 * 1024 * 1024
    ));
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("\"too_large\""), "{answer}");
    let (status, answer) = service.post(
        "/presentations/verify",
        &json!({"verifiablePresentation": {}, "options": {"challenge": 7}}),
    );
    assert_eq!(
        (status, code_of(&answer).as_str()),
        (400, "malformed_request")
    );
    let (status, answer) = service.post("/nowhere", &json!({}));
    assert_eq!((status, code_of(&answer).as_str()), (404, "not_found"));
    let url = format!("http://127.0.0.1:{}/credentials/verify", service.port);
    let Err(ureq::Error::Status(405, response)) = ureq::get(&url).call() else {
        panic!("GET was not refused with 405");
    };
    let answer: Value = serde_json::from_str(&response.into_string().unwrap()).unwrap();
    assert_eq!(code_of(&answer), "method_not_allowed");
}

#[test]
fn serve_with_a_bundle_runs_skillpass_ten_checks() {
    let s = Scratch::new();
    let college = s.key("college.key");
    let anchor = s.key("operator.key");
    s.bundle(&college, &[]);
    s.issue_nurse(&[], "nurse.jwt");
    let nurse = std::fs::read_to_string(s.path("nurse.jwt")).unwrap();
    let service = serve(&s, &["--bundle", "bundle.jws", "--anchor", &anchor]);
    let (status, answer) = service.verify(&envelope(nurse.trim()));
    assert_eq!(status, 200, "{answer:#}");
    assert_eq!(answer["checks"].as_array().unwrap().len(), 10, "{answer:#}");
    assert!(answer.get("accreditation").is_none());
    // A Skillpass SD-JWT in a vc+sd-jwt envelope: the ten checks, then its disclosures'.
    let holder = SecretKey::generate().public().did();
    s.issue_nurse(&["--holder", &holder, "--sd-jwt"], "nurse.sd-jwt");
    let sd = std::fs::read_to_string(s.path("nurse.sd-jwt")).unwrap();
    let sd_envelope = json!({
        "@context": "https://www.w3.org/ns/credentials/v2",
        "type": "EnvelopedVerifiableCredential",
        "id": format!("data:application/vc+sd-jwt,{}", sd.trim()),
    });
    let (status, answer) = service.verify(&sd_envelope);
    assert_eq!(status, 200, "{answer:#}");
    let checks: Vec<&str> = answer["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(checks.contains(&"signature"), "{answer:#}");
    assert!(checks.contains(&"sd-jwt: disclosures"), "{answer:#}");
    // An issuer the bundle does not know, and no keys given directly: refused.
    s.key("stranger.key");
    let claims = crate::harness::nurse_claims();
    s.ok(&[
        "issue",
        "--key",
        "stranger.key",
        "--claims",
        claims.to_str().unwrap(),
        "--out",
        "stranger.jwt",
    ]);
    let stranger = std::fs::read_to_string(s.path("stranger.jwt")).unwrap();
    let (status, answer) = service.verify(&envelope(stranger.trim()));
    assert_eq!(status, 400);
    assert_eq!(
        error_checks(&answer),
        ["issuer-accredited", "key-valid"],
        "{answer:#}"
    );
    // Not a Skillpass type: the bundle's checks refuse it as not well-formed.
    let other = SecretKey::generate();
    let (status, answer) =
        service.verify(&envelope(&jose(&other, &credential(&other.public().did()))));
    assert_eq!(status, 400);
    assert_eq!(error_checks(&answer), ["well-formed"], "{answer:#}");
}

#[test]
fn serve_without_a_bundle_or_keys_explains_what_to_give() {
    let s = Scratch::new();
    let out = s.run(&["verifier", "serve", "--listen", "127.0.0.1:0"]);
    assert_eq!(code(&out), 2);
    assert!(
        stderr(&out).contains("--any-issuer-key"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn verify_with_issuer_key_checks_without_a_bundle_and_says_so() {
    let s = Scratch::new();
    let key = SecretKey::generate_for(Algorithm::Es256);
    let did = key.public().did();
    std::fs::write(s.path("vc.jwt"), jose(&key, &credential(&did))).unwrap();
    let out = s.run(&["verify", "--issuer-key", &did, "vc.jwt"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("not checked against a trust bundle"));
    let out = s.run(&["verify", "--any-issuer-key", "--json", "vc.jwt"]);
    assert_eq!(code(&out), 0);
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["accreditation"]["checked"], false);
    assert_eq!(report["profile"], "direct-key");
    // Another issuer than the one given: refused at key-valid, exit 1.
    let other = SecretKey::generate().public().did();
    let out = s.run(&["verify", "--issuer-key", &other, "--json", "vc.jwt"]);
    assert_eq!(code(&out), 1);
    let report: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(crate::harness::failed_checks(&report), ["key-valid"]);
    // A Skillpass credential, by the college's key given directly.
    let college = s.key("college.key");
    s.issue_nurse(&[], "nurse.jwt");
    let out = s.run(&["verify", "--issuer-key", &college, "nurse.jwt"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    // Neither a bundle nor a key: the command says what to give.
    let out = s.run(&["verify", "vc.jwt"]);
    assert_eq!(code(&out), 2);
}

/// A credential by a fresh issuer with a revocation entry at index 7 of the list at `url`,
/// and that list (bit 7 set when `revoked`) signed by the same issuer.
fn with_status(url: &str, revoked: bool) -> (String, String) {
    use credential_core::status::{
        status_list_credential, IssuerStatusList, StatusEntry, StatusPurpose,
    };
    let key = SecretKey::generate();
    let did = key.public().did();
    let mut list = IssuerStatusList::new(url, StatusPurpose::Revocation);
    list.allocate_specific(7).unwrap();
    list.set_status(7, revoked).unwrap();
    let list_jws = jose(&key, &status_list_credential(&did, &list, Utc::now()));
    let mut vc = credential(&did);
    vc["credentialStatus"] =
        serde_json::to_value(StatusEntry::new(StatusPurpose::Revocation, 7, url)).unwrap();
    (jose(&key, &vc), list_jws)
}

#[test]
fn serve_reads_status_from_list_files_and_refuses_what_it_cannot_decide() {
    let s = Scratch::new();
    let url = "https://college.example/status/1";
    let (revoked, list) = with_status(url, true);
    std::fs::write(s.path("list.jwt"), &list).unwrap();
    let (unlisted, _) = with_status("https://college.example/status/2", false);
    let service = serve(&s, &["--any-issuer-key", "--status-list", "list.jwt"]);
    let (status, answer) = service.verify(&envelope(&revoked));
    assert_eq!(status, 400);
    assert_eq!(error_checks(&answer), ["status"], "{answer:#}");
    assert!(answer["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("revoked"));
    // A list the service does not have: undecided, so not verified.
    let (status, answer) = service.verify(&envelope(&unlisted));
    assert_eq!(status, 400);
    assert_eq!(answer["errors"][0]["code"], "check_undecided");
    assert_eq!(error_checks(&answer), ["status"]);
}

#[test]
fn serve_fetches_status_lists_from_their_urls_when_asked() {
    use std::io::{Read as _, Write as _};
    let s = Scratch::new();
    // A one-file web server on loopback publishing the list.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/status/1", listener.local_addr().unwrap());
    let (good, list) = with_status(&url, false);
    std::thread::spawn(move || {
        for stream in listener.incoming().take(4) {
            let mut stream = stream.unwrap();
            let mut request = [0u8; 2048];
            let _ = stream.read(&mut request);
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: application/vc+jwt\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{list}",
                list.len()
            );
        }
    });
    let service = serve(&s, &["--any-issuer-key", "--fetch-status-lists"]);
    let (status, answer) = service.verify(&envelope(&good));
    assert_eq!(status, 200, "{answer:#}");
    assert!(answer["checks"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c == "status"));
    // Without --fetch-status-lists the same credential is undecided.
    let other = serve(&s, &["--any-issuer-key"]);
    let (status, _) = other.verify(&envelope(&good));
    assert_eq!(status, 400);
}

#[test]
fn serve_with_a_bundle_checks_a_skillpass_presentation_by_audience_and_nonce() {
    let s = Scratch::new();
    let college = s.key("college.key");
    let anchor = s.key("operator.key");
    s.bundle(&college, &[]);
    let holder = s.key("holder.key");
    s.issue_nurse(&["--holder", &holder], "nurse.jwt");
    s.ok(&[
        "present",
        "--key",
        "holder.key",
        "--audience",
        DOMAIN,
        "--nonce",
        CHALLENGE,
        "nurse.jwt",
        "--out",
        "vp.jwt",
    ]);
    let vp = std::fs::read_to_string(s.path("vp.jwt")).unwrap();
    let service = serve(&s, &["--bundle", "bundle.jws", "--anchor", &anchor]);
    let (status, answer) = service.verify_vp(&json!(vp.trim()), CHALLENGE, DOMAIN);
    assert_eq!(status, 200, "{answer:#}");
    for check in ["holder-binding", "credential 1: issuer-accredited"] {
        assert!(
            answer["checks"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c == check),
            "{check}: {answer:#}"
        );
    }
    let (status, answer) = service.verify_vp(&json!(vp.trim()), "replayed", DOMAIN);
    assert_eq!(status, 400);
    assert_eq!(error_checks(&answer), ["nonce"]);
    let (status, answer) = service.verify_vp(&json!(vp.trim()), CHALLENGE, "other.example");
    assert_eq!(status, 400);
    assert_eq!(error_checks(&answer), ["audience"]);
}

/// Writes `key` as a `JsonWebKey` verification method `{controller}#key-1` (its JWK with
/// `alg`) to `name`, as the W3C suites give keys.
fn write_method(s: &Scratch, name: &str, key: &SecretKey, controller: &str) {
    let public = key.public();
    let mut jwk = serde_json::to_value(public.to_jwk()).unwrap();
    jwk["alg"] = json!(public.algorithm().name());
    let method = json!({
        "id": format!("{controller}#key-1"),
        "type": "JsonWebKey",
        "controller": controller,
        "publicKeyJwk": jwk,
    });
    std::fs::write(s.path(name), method.to_string()).unwrap();
}

#[test]
fn verify_and_serve_take_a_key_given_as_a_verification_method() {
    const ISSUER: &str = "https://college.example/issuer";
    let s = Scratch::new();
    let key = SecretKey::generate_for(Algorithm::Es384);
    write_method(&s, "vm.json", &key, ISSUER);
    let mut doc = credential(ISSUER);
    doc["iss"] = json!(ISSUER);
    let compact = jws::sign(
        &key,
        &Header::new("vc+jwt", &format!("{ISSUER}#key-1")),
        &serde_json::to_vec(&doc).unwrap(),
    );
    std::fs::write(s.path("vc.jwt"), &compact).unwrap();
    let out = s.run(&["verify", "--issuer-jwk", "vm.json", "vc.jwt"]);
    assert_eq!(code(&out), 0, "{}{}", stdout(&out), stderr(&out));
    assert!(stdout(&out).contains("not checked against a trust bundle"));
    // The service with the same key; a did:key issuer is not taken then.
    let service = serve(&s, &["--issuer-jwk", "vm.json"]);
    let (status, answer) = service.verify(&envelope(&compact));
    assert_eq!(status, 200, "{answer:#}");
    let other = SecretKey::generate();
    let (status, answer) =
        service.verify(&envelope(&jose(&other, &credential(&other.public().did()))));
    assert_eq!(status, 400);
    assert_eq!(error_checks(&answer), ["key-valid"]);
    // A private JWK is refused before the command runs.
    std::fs::write(s.path("private.json"), key.to_private_jwk().as_str()).unwrap();
    let out = s.run(&["verify", "--issuer-jwk", "private.json", "vc.jwt"]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("private key"), "{}", stderr(&out));
}

#[test]
fn serve_takes_a_holder_key_given_as_a_verification_method_for_presentations() {
    const HOLDER: &str = "https://holder.example/people/7";
    let s = Scratch::new();
    let holder = SecretKey::generate_for(Algorithm::Es512);
    write_method(&s, "holder-vm.json", &holder, HOLDER);
    let issuer = SecretKey::generate();
    let vc = envelope(&jose(&issuer, &credential(&issuer.public().did())));
    let presentation = |holder_named: &str| {
        let payload = json!({
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiablePresentation"],
            "holder": holder_named,
            "verifiableCredential": [vc.clone()],
            "nonce": CHALLENGE,
            "aud": DOMAIN,
        });
        json!(jws::sign(
            &holder,
            &Header::new("vp+jwt", &format!("{HOLDER}#key-1")),
            &serde_json::to_vec(&payload).unwrap(),
        ))
    };
    // Without --holder-jwk the https holder's key cannot be found.
    let service = serve(&s, &["--any-issuer-key"]);
    let (status, answer) = service.verify_vp(&presentation(HOLDER), CHALLENGE, DOMAIN);
    assert_eq!(status, 400, "{answer:#}");
    assert_eq!(error_checks(&answer), ["holder-signature"]);
    drop(service);
    let service = serve(&s, &["--any-issuer-key", "--holder-jwk", "holder-vm.json"]);
    let (status, answer) = service.verify_vp(&presentation(HOLDER), CHALLENGE, DOMAIN);
    assert_eq!(status, 200, "{answer:#}");
    // The same key, presenting as someone else: not that holder's key.
    let (status, answer) = service.verify_vp(
        &presentation("https://other.example/p/1"),
        CHALLENGE,
        DOMAIN,
    );
    assert_eq!(status, 400, "{answer:#}");
    assert_eq!(error_checks(&answer), ["holder-signature"]);
    // A holder JWK file that is a private key is refused at start.
    std::fs::write(s.path("private.json"), holder.to_private_jwk().as_str()).unwrap();
    let out = s.run(&[
        "verifier",
        "serve",
        "--any-issuer-key",
        "--holder-jwk",
        "private.json",
    ]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("private key"), "{}", stderr(&out));
}
