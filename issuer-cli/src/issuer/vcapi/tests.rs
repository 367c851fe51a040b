//! The VC-API issuer over real HTTP on loopback: what it issues verifies, and every
//! refusal answers with its status and the rule's code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::net::SocketAddr;

use chrono::{DateTime, Duration, Utc};
use credential_core::alg::Algorithm;
use credential_core::jws::{UnverifiedJws, MAX_JWS_LEN};
use credential_core::{did_key_issuer, BundleBuilder, PublicKey, SecretKey, TrustAnchor};
use serde_json::{json, Value};

use super::service::{app, Access, VcApi, VcApiConfig};

const TOKEN: &str = "3f1c8a9e0b7d4c2a6e5f1b0c9d8e7f6a5b4c3d2e1f0a9b8c";

fn copy(key: &SecretKey) -> SecretKey {
    SecretKey::from_private_jwk(&key.to_private_jwk()).unwrap()
}

fn now() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-11-30T12:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// A service listening on an ephemeral loopback port, with its runtime kept alive.
struct Running {
    addr: SocketAddr,
    _runtime: tokio::runtime::Runtime,
}

fn start(config: VcApiConfig) -> Running {
    start_service(VcApi::new(config))
}

fn start_service(service: VcApi) -> Running {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let router = app(service.with_clock(now));
    runtime.spawn(async move { axum::serve(listener, router).await });
    Running {
        addr,
        _runtime: runtime,
    }
}

fn config(key: &SecretKey, access: Access) -> VcApiConfig {
    VcApiConfig {
        key: copy(key),
        access,
        bundle: None,
    }
}

/// POSTs `body` to /credentials/issue; answers the status and the JSON body.
fn post(s: &Running, token: Option<&str>, body: &Value) -> (u16, Value) {
    let mut req = ureq::post(&format!("http://{}/credentials/issue", s.addr))
        .set("Content-Type", "application/json");
    if let Some(t) = token {
        req = req.set("Authorization", &format!("Bearer {t}"));
    }
    let response = match req.send_string(&body.to_string()) {
        Ok(r) => r,
        Err(ureq::Error::Status(_, r)) => r,
        Err(e) => panic!("{e}"),
    };
    let status = response.status();
    let text = response.into_string().unwrap();
    (status, serde_json::from_str(&text).unwrap_or(Value::Null))
}

fn credential() -> Value {
    json!({
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://www.w3.org/ns/credentials/examples/v2"
        ],
        "type": ["VerifiableCredential", "ExampleAchievementCredential"],
        "validFrom": "2026-11-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:graduate", "achievement": "Welding level 2"}
    })
}

/// The credential inside an `EnvelopedVerifiableCredential`, after checking its signature
/// with `key`: header and claims.
fn open_envelope(vc: &Value, key: &PublicKey) -> (Value, Value) {
    assert_eq!(vc["@context"], "https://www.w3.org/ns/credentials/v2");
    assert_eq!(vc["type"], "EnvelopedVerifiableCredential");
    let id = vc["id"].as_str().unwrap();
    let compact = id
        .strip_prefix("data:application/vc+jwt,")
        .expect("a vc+jwt data: URL");
    let jws = UnverifiedJws::parse(compact, MAX_JWS_LEN).unwrap();
    assert!(jws.verify_with(key), "the signature does not verify");
    let header = serde_json::to_value(jws.header()).unwrap();
    let claims: Value = serde_json::from_slice(jws.payload()).unwrap();
    (header, claims)
}

#[test]
fn a_conforming_credential_is_issued_as_a_vc_jose_envelope_that_verifies() {
    for alg in [Algorithm::EdDSA, Algorithm::Es256] {
        let college = SecretKey::generate_for(alg);
        let s = start(config(&college, Access::token(TOKEN)));
        let (status, body) = post(&s, Some(TOKEN), &json!({"credential": credential()}));
        assert_eq!(status, 201, "{body}");
        let (header, claims) = open_envelope(&body["verifiableCredential"], &college.public());
        assert_eq!(header["typ"], "vc+jwt");
        assert_eq!(header["alg"], alg.name());
        assert_eq!(header["kid"], college.public().did_url());
        // The claims set is the credential: the issuer added, nothing else, no vc claim.
        let mut expected = credential();
        expected["issuer"] = json!(college.public().did());
        assert_eq!(claims, expected);
    }
}

#[test]
fn an_issuer_object_without_id_gets_this_services_did() {
    let college = SecretKey::generate();
    let s = start(config(&college, Access::token(TOKEN)));
    let mut vc = credential();
    vc["issuer"] = json!({"name": "Cebu Welding Institute"});
    let (status, body) = post(&s, Some(TOKEN), &json!({"credential": vc, "options": {}}));
    assert_eq!(status, 201, "{body}");
    let (_, claims) = open_envelope(&body["verifiableCredential"], &college.public());
    assert_eq!(claims["issuer"]["id"], college.public().did());
    assert_eq!(claims["issuer"]["name"], "Cebu Welding Institute");
}

#[test]
fn data_integrity_is_issued_when_the_options_ask_and_core_verifies_it() {
    let college = SecretKey::generate();
    let s = start(config(&college, Access::token(TOKEN)));
    for options in [
        json!({"cryptosuite": "eddsa-rdfc-2022"}),
        json!({"proofType": "DataIntegrityProof"}),
        json!({"securingMechanism": "data-integrity"}),
    ] {
        let (status, body) = post(
            &s,
            Some(TOKEN),
            &json!({"credential": credential(), "options": options}),
        );
        assert_eq!(status, 201, "{body}");
        let vc = &body["verifiableCredential"];
        assert_eq!(vc["proof"]["type"], "DataIntegrityProof");
        assert_eq!(vc["proof"]["cryptosuite"], "eddsa-rdfc-2022");
        assert_eq!(
            vc["proof"]["verificationMethod"],
            college.public().did_url()
        );
        credential_core::integrity::verify(vc, &college.public()).unwrap();
        // A changed claim no longer verifies.
        let mut forged = vc.clone();
        forged["credentialSubject"]["achievement"] = json!("Welding level 3");
        assert!(credential_core::integrity::verify(&forged, &college.public()).is_err());
    }
}

#[test]
fn data_integrity_with_a_p256_key_is_refused_naming_why() {
    let college = SecretKey::generate_for(Algorithm::Es256);
    let s = start(config(&college, Access::token(TOKEN)));
    let (status, body) = post(
        &s,
        Some(TOKEN),
        &json!({"credential": credential(), "options": {"cryptosuite": "eddsa-rdfc-2022"}}),
    );
    assert_eq!(status, 400);
    assert_eq!(body["code"], "options.cryptosuite-key");
}

/// Each class of bad credential: 400, the VC data model problem type, and the rule's code
/// and pointer in `errors`.
#[test]
fn each_class_of_nonconforming_credential_is_refused_naming_the_rule() {
    let college = SecretKey::generate();
    let s = start(config(&college, Access::token(TOKEN)));
    let cases: Vec<(&str, Value, &str, &str)> = vec![
        (
            "no context",
            json!({"@context": null}),
            "context.first-not-vc2",
            "/@context",
        ),
        (
            "base context not first",
            json!({"@context": ["https://www.w3.org/ns/credentials/examples/v2", "https://www.w3.org/ns/credentials/v2"]}),
            "context.first-not-vc2",
            "/@context/0",
        ),
        (
            "unknown context",
            json!({"@context": ["https://www.w3.org/ns/credentials/v2", "https://example.com/ctx"]}),
            "context.unknown-url",
            "/@context/1",
        ),
        (
            "protected term redefined",
            json!({"@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2", {"VerifiableCredential": "https://example.org/#Bad"}]}),
            "context.redefines-protected-term",
            "/@context",
        ),
        (
            "no VerifiableCredential type",
            json!({"type": ["ExampleAchievementCredential"]}),
            "type.not-verifiable-credential",
            "/type",
        ),
        (
            "id not a URL",
            json!({"id": "credential 1"}),
            "id.not-url",
            "/id",
        ),
        (
            "issuer not a URL",
            json!({"issuer": "fake-issuer"}),
            "issuer.not-url",
            "/issuer",
        ),
        (
            "issuer id null",
            json!({"issuer": {"id": null}}),
            "issuer.not-url",
            "/issuer/id",
        ),
        (
            "empty subject",
            json!({"credentialSubject": {}}),
            "credentialSubject.no-claims",
            "/credentialSubject",
        ),
        (
            "validFrom without zone",
            json!({"validFrom": "2026-11-01T00:00:00"}),
            "validFrom.not-datetimestamp",
            "/validFrom",
        ),
        (
            "validUntil before validFrom",
            json!({"validUntil": "2026-10-01T00:00:00Z"}),
            "validUntil.before-validFrom",
            "/validUntil",
        ),
        (
            "status without type",
            json!({"credentialStatus": {"id": "https://status.example/1"}}),
            "entry.type-missing",
            "/credentialStatus",
        ),
        (
            "schema without id",
            json!({"credentialSchema": {"type": "JsonSchema"}}),
            "credentialSchema.id-missing",
            "/credentialSchema",
        ),
        (
            "evidence without type",
            json!({"evidence": {}}),
            "entry.type-missing",
            "/evidence",
        ),
        (
            "terms of use without type",
            json!({"termsOfUse": {"id": "https://terms.example/1"}}),
            "entry.type-missing",
            "/termsOfUse",
        ),
        (
            "refresh service without type",
            json!({"refreshService": {"id": "https://refresh.example/1"}}),
            "entry.type-missing",
            "/refreshService",
        ),
        (
            "name with an extra member",
            json!({"name": {"@value": "Welding", "@language": "en", "url": "https://x.example"}}),
            "language-value.invalid",
            "/name",
        ),
        (
            "related resource without digest",
            json!({"relatedResource": [{"id": "https://www.w3.org/ns/credentials/v2"}]}),
            "relatedResource.digest-missing",
            "/relatedResource/0",
        ),
    ];
    for (what, patch, code, pointer) in cases {
        let mut vc = credential();
        for (k, v) in patch.as_object().unwrap() {
            if v.is_null() && k == "@context" {
                vc.as_object_mut().unwrap().remove(k);
                vc["@context"] = json!({});
            } else {
                vc[k] = v.clone();
            }
        }
        let (status, body) = post(&s, Some(TOKEN), &json!({"credential": vc}));
        assert_eq!(status, 400, "{what}: {body}");
        assert_eq!(
            body["type"], "https://www.w3.org/TR/vc-data-model#MALFORMED_VALUE_ERROR",
            "{what}"
        );
        assert_eq!(body["code"], "credential.nonconforming", "{what}");
        let errors = body["errors"].as_array().unwrap();
        assert!(
            errors
                .iter()
                .any(|e| e["code"] == code && e["pointer"] == pointer),
            "{what}: expected {code} at {pointer}, got {body}"
        );
    }
    // A missing @context entirely.
    let mut vc = credential();
    vc.as_object_mut().unwrap().remove("@context");
    let (status, body) = post(&s, Some(TOKEN), &json!({"credential": vc}));
    assert_eq!(status, 400);
    assert_eq!(body["errors"][0]["code"], "context.missing");
}

#[test]
fn a_refusal_never_echoes_the_credentials_values() {
    let college = SecretKey::generate();
    let s = start(config(&college, Access::token(TOKEN)));
    let mut vc = credential();
    vc["credentialSubject"] = json!({"id": "Maria Santos 1997-04-12"});
    let (status, body) = post(&s, Some(TOKEN), &json!({"credential": vc}));
    assert_eq!(status, 400);
    assert!(!body.to_string().contains("Maria"), "{body}");
}

#[test]
fn a_credential_naming_another_issuer_is_refused() {
    let college = SecretKey::generate();
    let s = start(config(&college, Access::token(TOKEN)));
    let other = SecretKey::generate().public().did();
    for issuer in [
        json!(other),
        json!({"id": other, "name": "Another College"}),
    ] {
        let mut vc = credential();
        vc["issuer"] = issuer;
        let (status, body) = post(&s, Some(TOKEN), &json!({"credential": vc}));
        assert_eq!(status, 403, "{body}");
        assert_eq!(body["code"], "issuer.not-this-service");
    }
    // Naming this service's own DID is fine.
    let mut vc = credential();
    vc["issuer"] = json!(college.public().did());
    assert_eq!(post(&s, Some(TOKEN), &json!({"credential": vc})).0, 201);
}

#[test]
fn a_missing_or_wrong_token_is_refused() {
    let college = SecretKey::generate();
    let s = start(config(&college, Access::token(TOKEN)));
    let body = json!({"credential": credential()});
    let (status, answer) = post(&s, None, &body);
    assert_eq!(status, 401);
    assert_eq!(answer["code"], "auth.missing");
    let (status, answer) = post(&s, Some("not-the-token-but-long-enough-0123456789"), &body);
    assert_eq!(status, 403);
    assert_eq!(answer["code"], "auth.wrong-token");
    // And the WWW-Authenticate challenge of a 401.
    let response = ureq::post(&format!("http://{}/credentials/issue", s.addr))
        .send_string(&body.to_string())
        .unwrap_err();
    match response {
        ureq::Error::Status(401, r) => assert_eq!(r.header("WWW-Authenticate"), Some("Bearer")),
        other => panic!("{other}"),
    }
}

#[test]
fn an_unauthenticated_service_issues_without_a_token() {
    let college = SecretKey::generate();
    let s = start(config(&college, Access::Unauthenticated));
    assert_eq!(post(&s, None, &json!({"credential": credential()})).0, 201);
}

#[test]
fn unknown_options_and_members_are_refused_by_name_not_ignored() {
    let college = SecretKey::generate();
    let s = start(config(&college, Access::token(TOKEN)));
    let (status, body) = post(
        &s,
        Some(TOKEN),
        &json!({"credential": credential(), "options": {"credentialStatus": {}}}),
    );
    assert_eq!(status, 400);
    assert_eq!(body["code"], "options.unknown");
    assert!(body["detail"]
        .as_str()
        .unwrap()
        .contains("credentialStatus"));
    let (status, body) = post(
        &s,
        Some(TOKEN),
        &json!({"credential": credential(), "options": {"cryptosuite": "ecdsa-rdfc-2019"}}),
    );
    assert_eq!(status, 400);
    assert_eq!(body["code"], "options.cryptosuite");
    let (status, body) = post(
        &s,
        Some(TOKEN),
        &json!({"credential": credential(), "verifiableCredential": {}}),
    );
    assert_eq!(status, 400);
    assert_eq!(body["code"], "request.unknown-member");
    let (status, body) = post(&s, Some(TOKEN), &json!({"options": {}}));
    assert_eq!(status, 400);
    assert_eq!(body["code"], "request.credential-missing");
}

#[test]
fn a_body_that_is_not_strict_json_is_a_parsing_error() {
    let college = SecretKey::generate();
    let s = start(config(&college, Access::token(TOKEN)));
    let url = format!("http://{}/credentials/issue", s.addr);
    let auth = format!("Bearer {TOKEN}");
    for text in ["{", r#"{"credential": {}, "credential": {}}"#] {
        let err = ureq::post(&url)
            .set("Authorization", &auth)
            .set("Content-Type", "application/json")
            .send_string(text)
            .unwrap_err();
        let ureq::Error::Status(400, r) = err else {
            panic!("{err}")
        };
        assert_eq!(r.header("Content-Type"), Some("application/problem+json"));
        let body: Value = serde_json::from_str(&r.into_string().unwrap()).unwrap();
        assert_eq!(
            body["type"],
            "https://www.w3.org/TR/vc-data-model#PARSING_ERROR"
        );
        assert_eq!(body["code"], "request.not-json");
    }
    let err = ureq::post(&url)
        .set("Authorization", &auth)
        .set("Content-Type", "text/plain")
        .send_string("{}")
        .unwrap_err();
    assert!(matches!(err, ureq::Error::Status(415, _)), "{err}");
    let big = format!(
        r#"{{"credential": {{"x": "{}"}}}}"#,
        "a".repeat(super::service::MAX_BODY)
    );
    let err = ureq::post(&url)
        .set("Authorization", &auth)
        .set("Content-Type", "application/json")
        .send_string(&big)
        .unwrap_err();
    assert!(matches!(err, ureq::Error::Status(413, _)), "{err}");
}

#[test]
fn jose_claims_the_spec_forbids_or_constrains_are_refused() {
    let college = SecretKey::generate();
    let s = start(config(&college, Access::token(TOKEN)));
    let mut vc = credential();
    vc["iss"] = json!("did:example:someone-else");
    let (status, body) = post(&s, Some(TOKEN), &json!({"credential": vc}));
    assert_eq!(status, 400, "{body}");
    assert_eq!(body["code"], "jose.iss-mismatch");
}

#[test]
fn a_skillpass_type_must_also_pass_skillpass_schema() {
    let college = SecretKey::generate();
    let s = start(config(&college, Access::token(TOKEN)));
    let mut vc = credential();
    vc["@context"] = json!([
        "https://www.w3.org/ns/credentials/v2",
        "https://skillpass.dev/contexts/skillpass-v1.jsonld"
    ]);
    vc["type"] = json!(["VerifiableCredential", "QualificationCredential"]);
    vc["credentialSubject"] = json!({"id": "did:example:graduate"});
    let (status, body) = post(&s, Some(TOKEN), &json!({"credential": vc}));
    assert_eq!(status, 400, "{body}");
    assert!(
        body["code"].as_str().unwrap().starts_with("skillpass."),
        "{body}"
    );
}

/// A bundle in which `college` is accredited (or not) as `scope` from a day before [`now`].
fn bundle_with(
    college: &SecretKey,
    scope: Vec<&str>,
    listed: bool,
) -> credential_core::VerifiedBundle {
    bundle_where(college, scope, listed, now() + Duration::days(7), |_| {})
}

/// [`bundle_with`], its next update at `next_update`, the college's entry changed by `edit`.
fn bundle_where(
    college: &SecretKey,
    scope: Vec<&str>,
    listed: bool,
    next_update: DateTime<Utc>,
    edit: impl FnOnce(&mut credential_core::IssuerEntry),
) -> credential_core::VerifiedBundle {
    let operator = SecretKey::generate();
    let t = now();
    let mut builder = BundleBuilder::new(&operator.public(), 1, t - Duration::days(2), next_update);
    if listed {
        let scope = scope.into_iter().map(|s| s.parse().unwrap()).collect();
        let mut entry = did_key_issuer(
            &college.public().did(),
            "Cebu Welding Institute",
            "PH",
            scope,
            t - Duration::days(1),
        )
        .unwrap();
        edit(&mut entry);
        builder = builder.issuer(entry);
    }
    let jws = builder.sign(&operator).unwrap();
    TrustAnchor::from_did(&operator.public().did())
        .unwrap()
        .verify_bundle(&jws, None)
        .unwrap()
}

#[test]
fn with_a_bundle_a_suspended_institution_is_refused() {
    let college = SecretKey::generate();
    let mut c = config(&college, Access::token(TOKEN));
    c.bundle = Some(bundle_where(
        &college,
        vec!["SkillCredential"],
        true,
        now() + Duration::days(7),
        |e| {
            e.status_history.push(credential_core::trust::StatusChange {
                status: credential_core::trust::IssuerStatus::Suspended,
                effective: now() - Duration::hours(1),
                reason: None,
            });
        },
    ));
    let s = start(c);
    let (status, body) = post(&s, Some(TOKEN), &json!({"credential": credential()}));
    assert_eq!(status, 403, "{body}");
    assert_eq!(body["code"], "issuer.not-active");
}

#[test]
fn with_a_bundle_past_its_next_update_issuing_stops() {
    let college = SecretKey::generate();
    let mut c = config(&college, Access::token(TOKEN));
    c.bundle = Some(bundle_where(
        &college,
        vec!["SkillCredential"],
        true,
        now() - Duration::hours(1),
        |_| {},
    ));
    let s = start(c);
    let (status, body) = post(&s, Some(TOKEN), &json!({"credential": credential()}));
    assert_eq!(status, 503, "{body}");
    assert_eq!(body["code"], "bundle.stale");
}

#[test]
fn with_a_bundle_an_accredited_institution_issues() {
    let college = SecretKey::generate();
    let mut c = config(&college, Access::token(TOKEN));
    c.bundle = Some(bundle_with(&college, vec!["SkillCredential"], true));
    let s = start(c);
    assert_eq!(
        post(&s, Some(TOKEN), &json!({"credential": credential()})).0,
        201
    );
}

#[test]
fn with_a_bundle_an_institution_not_in_it_is_refused() {
    let college = SecretKey::generate();
    let mut c = config(&college, Access::token(TOKEN));
    c.bundle = Some(bundle_with(&college, vec![], false));
    let s = start(c);
    let (status, body) = post(&s, Some(TOKEN), &json!({"credential": credential()}));
    assert_eq!(status, 403, "{body}");
    assert_eq!(body["code"], "issuer.not-accredited");
}

#[test]
fn with_a_bundle_a_skillpass_type_outside_the_scope_is_refused() {
    let college = SecretKey::generate();
    let mut c = config(&college, Access::token(TOKEN));
    c.bundle = Some(bundle_with(&college, vec!["SkillCredential"], true));
    let s = start(c);
    let claims: Value = serde_json::from_str(include_str!(
        "../../../../examples/nurse-qualification.json"
    ))
    .unwrap();
    let mut options = credential_core::IssueOptions::new(now() - Duration::hours(1));
    options.status = Vec::new();
    let doc = credential_core::build_document(&claims, &college.public().did(), &options).unwrap();
    let (status, body) = post(&s, Some(TOKEN), &json!({"credential": doc}));
    assert_eq!(status, 403, "{body}");
    assert_eq!(body["code"], "issuer.out-of-scope");
}

#[test]
fn with_a_bundle_a_skillpass_credential_in_scope_is_issued_and_skillpass_verifies_it() {
    let college = SecretKey::generate();
    let bundle = bundle_with(&college, vec!["QualificationCredential:PQF-6"], true);
    let mut c = config(&college, Access::token(TOKEN));
    c.bundle = Some(bundle.clone());
    let s = start(c);
    let claims: Value = serde_json::from_str(include_str!(
        "../../../../examples/nurse-qualification.json"
    ))
    .unwrap();
    let doc = credential_core::build_document(
        &claims,
        &college.public().did(),
        &credential_core::IssueOptions::new(now() - Duration::hours(1)),
    )
    .unwrap();
    let (status, body) = post(&s, Some(TOKEN), &json!({"credential": doc}));
    assert_eq!(status, 201, "{body}");
    let id = body["verifiableCredential"]["id"].as_str().unwrap();
    let jws = id.strip_prefix("data:application/vc+jwt,").unwrap();
    let report = credential_core::Verifier::new(&bundle, now()).verify(jws);
    assert_eq!(
        report.verdict,
        credential_core::Verdict::Valid,
        "{report:?}"
    );
}

/// `skillpass issuer serve-vc-api`'s arguments as the command line gives them.
#[derive(Debug, clap::Parser)]
struct Cli {
    #[command(flatten)]
    args: super::ServeVcApiArgs,
}

fn parse(dir: &tempfile::TempDir, extra: &[&str]) -> Result<super::ServeVcApiArgs, clap::Error> {
    use clap::Parser as _;
    let key = dir.path().join("college.key");
    std::fs::write(&key, SecretKey::generate().to_private_jwk().as_bytes()).unwrap();
    let mut argv = vec![
        "serve-vc-api".to_owned(),
        "--key".into(),
        key.display().to_string(),
    ];
    argv.extend(extra.iter().map(|s| (*s).to_owned()));
    Cli::try_parse_from(argv).map(|c| c.args)
}

#[test]
fn the_service_needs_a_token_file_or_the_explicit_unauthenticated_flag() {
    let dir = tempfile::tempdir().unwrap();
    assert!(parse(&dir, &[]).is_err(), "neither a token nor the flag");
    let token = dir.path().join("token");
    std::fs::write(&token, format!("{TOKEN}\n")).unwrap();
    let token = token.display().to_string();
    assert!(parse(
        &dir,
        &["--vc-api-token-file", &token, "--vc-api-unauthenticated"]
    )
    .is_err());
    let args = parse(&dir, &["--vc-api-token-file", &token]).unwrap();
    let config = super::configure(&args).unwrap();
    assert!(matches!(config.access, Access::Token(_)));
}

#[test]
fn a_short_token_is_refused_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let token = dir.path().join("token");
    std::fs::write(&token, "secret\n").unwrap();
    let args = parse(&dir, &["--vc-api-token-file", &token.display().to_string()]).unwrap();
    let err = super::configure(&args).err().unwrap();
    assert!(err.to_string().contains("at least 32 characters"), "{err}");
}

#[test]
fn unauthenticated_is_refused_unless_listening_on_loopback() {
    let dir = tempfile::tempdir().unwrap();
    let args = parse(
        &dir,
        &["--vc-api-unauthenticated", "--listen", "0.0.0.0:8444"],
    )
    .unwrap();
    let err = super::configure(&args).err().unwrap();
    assert!(err.to_string().contains("loopback"), "{err}");
    for listen in ["127.0.0.1:8444", "[::1]:8444"] {
        let args = parse(&dir, &["--vc-api-unauthenticated", "--listen", listen]).unwrap();
        assert!(matches!(
            super::configure(&args).unwrap().access,
            Access::Unauthenticated
        ));
    }
}

#[test]
fn with_a_status_file_each_credential_gets_its_entries_and_the_allocation_is_saved() {
    use crate::issuer::status::StatusFile;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("status.json");
    let key = SecretKey::generate();
    StatusFile::new(&key, "https://college.example/status")
        .unwrap()
        .save(&path)
        .unwrap();
    let file = StatusFile::load(&path).unwrap();
    let s = start_service(
        VcApi::new(config(&key, Access::Unauthenticated)).with_status(file, path.clone()),
    );
    let mut indexes = Vec::new();
    for _ in 0..2 {
        let (status, body) = post(&s, None, &json!({"credential": credential()}));
        assert_eq!(status, 201, "{body}");
        let (_, claims) = open_envelope(&body["verifiableCredential"], &key.public());
        let entries = claims["credentialStatus"].as_array().unwrap();
        let purposes: Vec<&str> = entries
            .iter()
            .map(|e| e["statusPurpose"].as_str().unwrap())
            .collect();
        assert_eq!(purposes, ["revocation", "suspension"]);
        let list = format!(
            "https://college.example/status/{}/revocation",
            key.public().did()
        );
        assert_eq!(entries[0]["statusListCredential"], json!(list));
        assert_eq!(entries[0]["type"], "BitstringStatusListEntry");
        indexes.push(entries[0]["statusListIndex"].clone());
    }
    assert_ne!(
        indexes[0], indexes[1],
        "two credentials share a status index"
    );
    // Both allocations are on disk: a restart would not hand either index out again.
    let saved = StatusFile::load(&path).unwrap();
    use credential_core::status::StatusPurpose;
    assert_eq!(saved.list(StatusPurpose::Revocation).allocated_count(), 2);
    assert_eq!(saved.list(StatusPurpose::Suspension).allocated_count(), 2);

    // A credential that states its own credentialStatus keeps it; nothing is allocated.
    let mut own = credential();
    let entry = json!({
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "7",
        "statusListCredential": "https://elsewhere.example/list"
    });
    own["credentialStatus"] = entry.clone();
    let (status, body) = post(&s, None, &json!({"credential": own}));
    assert_eq!(status, 201, "{body}");
    let (_, claims) = open_envelope(&body["verifiableCredential"], &key.public());
    assert_eq!(claims["credentialStatus"], entry);
    let saved = StatusFile::load(&path).unwrap();
    assert_eq!(saved.list(StatusPurpose::Revocation).allocated_count(), 2);
}

#[test]
fn another_institutions_status_file_is_refused_at_start() {
    use crate::issuer::status::StatusFile;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("status.json");
    let other = SecretKey::generate();
    StatusFile::new(&other, "https://other.example/status")
        .unwrap()
        .save(&path)
        .unwrap();
    let ours = SecretKey::generate().public().did();
    let err = super::status_file_of(&path, &ours).unwrap_err().to_string();
    assert!(err.contains("not of this service's key"), "{err}");
    assert!(super::status_file_of(&path, &other.public().did()).is_ok());
}
