//! The issuance service driven without a socket: the whole pre-authorized flow, and every
//! refusal with its OpenID4VCI error code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::{DateTime, Duration, Utc};
use credential_core::alg::Algorithm;
use credential_core::jws::{self, UnverifiedJws};
use credential_core::SecretKey;
use serde_json::{json, Value};
use tower::ServiceExt as _;

use super::proof::TYP_PROOF;
use super::service::{
    app, make_offer, offer_link, Configuration, Format, OfferContent, Service, ServiceConfig,
    PRE_AUTHORIZED,
};
use super::state::StateDir;
use crate::issuer::status::StatusFile;

const ISSUER: &str = "https://college.test";
const REGISTRY: &str = "https://registry.test";
const NURSE: &str = include_str!("../../../../examples/nurse-qualification.json");
const SD_JWT_VC: Configuration = Configuration {
    kind: credential_core::CredentialKind::Qualification,
    format: Format::DcSdJwt,
};

struct World {
    dir: tempfile::TempDir,
    college: Arc<SecretKey>,
    clock: Arc<AtomicI64>,
    status: Option<std::path::PathBuf>,
}

fn copy(key: &SecretKey) -> SecretKey {
    SecretKey::from_private_jwk(&key.to_private_jwk()).unwrap()
}

impl World {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
            college: Arc::new(SecretKey::generate_for(Algorithm::Es256)),
            clock: Arc::new(AtomicI64::new(Utc::now().timestamp())),
            status: None,
        }
    }

    fn with_status(mut self) -> Self {
        let path = self.dir.path().join("status.json");
        StatusFile::new(&self.college, REGISTRY)
            .unwrap()
            .save(&path)
            .unwrap();
        self.status = Some(path);
        self
    }

    fn now(&self) -> DateTime<Utc> {
        DateTime::from_timestamp(self.clock.load(Ordering::SeqCst), 0).unwrap()
    }

    fn advance(&self, d: Duration) {
        self.clock.fetch_add(d.num_seconds(), Ordering::SeqCst);
    }

    fn state(&self) -> StateDir {
        StateDir::open(&self.dir.path().join("state")).unwrap()
    }

    /// A service on the state directory, as after a (re)start.
    fn service(&self) -> axum::Router {
        let clock = self.clock.clone();
        let config = ServiceConfig {
            key: copy(&self.college),
            issuer_url: ISSUER.into(),
            vct_base: REGISTRY.into(),
            display: vec![
                ("en".into(), "Manila College of Nursing".into()),
                ("fil".into(), "Kolehiyo ng Nars ng Maynila".into()),
            ],
            state: self.state(),
            status: self.status.clone(),
        };
        app(Service::new(config)
            .with_clock(move || DateTime::from_timestamp(clock.load(Ordering::SeqCst), 0).unwrap()))
    }

    /// An offer of `configuration` expiring in `ttl`: its pre-authorized code and PIN.
    fn offer_for(
        &self,
        configuration: Configuration,
        holder: Option<String>,
        ttl: Duration,
    ) -> (String, String) {
        let claims: Value = serde_json::from_str(NURSE).unwrap();
        let (offer, pin) = make_offer(
            &self.state(),
            ISSUER,
            configuration,
            OfferContent {
                line: 2,
                claims,
                holder,
                valid_until: None,
            },
            self.now() + ttl,
        )
        .unwrap();
        let code = offer["grants"][PRE_AUTHORIZED]["pre-authorized_code"]
            .as_str()
            .unwrap()
            .to_owned();
        (code, pin)
    }

    fn offer(&self) -> (String, String) {
        self.offer_for(SD_JWT_VC, None, Duration::hours(1))
    }
}

async fn send(app: &axum::Router, req: Request<Body>) -> (StatusCode, Value) {
    let res = app.clone().oneshot(req).await.unwrap();
    let status = res.status();
    let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

async fn get(app: &axum::Router, path: &str) -> Value {
    let (status, body) = send(app, Request::get(path).body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

async fn token_request(app: &axum::Router, form: &[(&str, &str)]) -> (StatusCode, Value) {
    let body: String = form
        .iter()
        .map(|(k, v)| {
            format!(
                "{k}={}",
                percent_encoding::utf8_percent_encode(v, percent_encoding::NON_ALPHANUMERIC)
            )
        })
        .collect::<Vec<_>>()
        .join("&");
    let req = Request::post("/token")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap();
    send(app, req).await
}

async fn redeem(app: &axum::Router, code: &str, pin: &str) -> (StatusCode, Value) {
    token_request(
        app,
        &[
            ("grant_type", PRE_AUTHORIZED),
            ("pre-authorized_code", code),
            ("tx_code", pin),
        ],
    )
    .await
}

async fn access_token(app: &axum::Router, code: &str, pin: &str) -> String {
    let (status, body) = redeem(app, code, pin).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["token_type"], "Bearer");
    body["access_token"].as_str().unwrap().to_owned()
}

async fn nonce(app: &axum::Router) -> String {
    let (status, body) = send(app, Request::post("/nonce").body(Body::empty()).unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    body["c_nonce"].as_str().unwrap().to_owned()
}

/// A key proof by `holder` with this header `typ`, `aud`, `iat` and `nonce`.
fn proof_with(holder: &SecretKey, typ: &str, aud: &str, iat: i64, nonce: Option<&str>) -> String {
    let header =
        json!({"alg": holder.algorithm().name(), "typ": typ, "jwk": holder.public().to_jwk()});
    let mut payload = json!({"aud": aud, "iat": iat});
    if let Some(n) = nonce {
        payload["nonce"] = json!(n);
    }
    jws::sign_raw(
        holder,
        header.to_string().as_bytes(),
        payload.to_string().as_bytes(),
    )
}

fn proof(w: &World, holder: &SecretKey, nonce: &str) -> String {
    proof_with(holder, TYP_PROOF, ISSUER, w.now().timestamp(), Some(nonce))
}

async fn credential_request(
    app: &axum::Router,
    token: Option<&str>,
    body: &Value,
) -> (StatusCode, Value) {
    let mut req = Request::post("/credential").header("content-type", "application/json");
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    send(app, req.body(Body::from(body.to_string())).unwrap()).await
}

fn request(configuration: Configuration, jwt: &str) -> Value {
    json!({"credential_configuration_id": configuration.id(), "proofs": {"jwt": [jwt]}})
}

fn error_of(reply: &(StatusCode, Value)) -> (u16, &str) {
    (reply.0.as_u16(), reply.1["error"].as_str().unwrap_or("?"))
}

#[tokio::test]
async fn the_metadata_offers_both_formats_with_multilingual_display_and_the_issuers_key() {
    let w = World::new();
    let app = w.service();
    let m = get(&app, "/.well-known/openid-credential-issuer").await;
    assert_eq!(m["credential_issuer"], ISSUER);
    assert_eq!(m["credential_endpoint"], format!("{ISSUER}/credential"));
    assert_eq!(m["nonce_endpoint"], format!("{ISSUER}/nonce"));
    assert_eq!(
        m["display"][1],
        json!({"name": "Kolehiyo ng Nars ng Maynila", "locale": "fil"})
    );
    let sd = &m["credential_configurations_supported"]["QualificationCredential_dc+sd-jwt"];
    assert_eq!(sd["format"], "dc+sd-jwt");
    assert_eq!(
        sd["vct"],
        format!("{REGISTRY}/types/QualificationCredential")
    );
    assert_eq!(
        sd["credential_signing_alg_values_supported"],
        json!(["ES256"])
    );
    assert_eq!(
        sd["proof_types_supported"]["jwt"]["proof_signing_alg_values_supported"],
        json!(["EdDSA", "ES256", "ES384", "ES512"])
    );
    let locales: Vec<&str> = sd["credential_metadata"]["display"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["locale"].as_str().unwrap())
        .collect();
    assert_eq!(locales, ["en", "fr", "es", "ar", "tl"]);
    let jwt = &m["credential_configurations_supported"]["QualificationCredential_jwt_vc_json"];
    assert_eq!(
        jwt["credential_definition"]["type"],
        json!(["VerifiableCredential", "QualificationCredential"])
    );

    let asm = get(&app, "/.well-known/oauth-authorization-server").await;
    assert_eq!(asm["token_endpoint"], format!("{ISSUER}/token"));
    assert_eq!(asm["pre-authorized_grant_anonymous_access_supported"], true);
    let jwks = get(&app, "/.well-known/jwt-vc-issuer").await;
    assert_eq!(jwks["issuer"], ISSUER);
    assert_eq!(jwks["jwks"]["keys"][0]["kid"], w.college.public().did_url());
    assert_eq!(jwks["jwks"]["keys"][0]["crv"], "P-256");
}

#[tokio::test]
async fn a_wallet_redeems_an_offer_with_its_pin_and_gets_a_dc_sd_jwt_bound_to_its_key() {
    let w = World::new().with_status();
    let app = w.service();
    let (code, pin) = w.offer();
    assert_eq!(pin.len(), 6);
    assert!(pin.chars().all(|c| c.is_ascii_digit()));
    let token = access_token(&app, &code, &pin).await;
    let holder = SecretKey::generate();
    let n = nonce(&app).await;
    let (status, body) = credential_request(
        &app,
        Some(&token),
        &request(SD_JWT_VC, &proof(&w, &holder, &n)),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let credential = body["credentials"][0]["credential"].as_str().unwrap();
    let jws_part = credential.split('~').next().unwrap();
    let jws = UnverifiedJws::parse(jws_part, 1 << 20).unwrap();
    assert_eq!(jws.header().typ.as_deref(), Some("dc+sd-jwt"));
    assert!(jws.verify_with(&w.college.public()));
    let payload: Value = serde_json::from_slice(jws.payload()).unwrap();
    assert_eq!(payload["iss"], w.college.public().did());
    assert_eq!(payload["sub"], holder.public().did());
    assert_eq!(
        payload["cnf"]["jwk"]["x"],
        json!(holder.public().to_jwk().x)
    );
    assert_eq!(
        payload["vct"],
        format!("{REGISTRY}/types/QualificationCredential")
    );
    // The status entry came from the status file, which moved on (the same path as issue).
    let list = payload["status"]["status_list"]["uri"].as_str().unwrap();
    assert!(list.starts_with(REGISTRY), "{list}");
    let saved = std::fs::read_to_string(w.status.as_ref().unwrap()).unwrap();
    let fresh =
        serde_json::to_string_pretty(&StatusFile::new(&w.college, REGISTRY).unwrap()).unwrap();
    assert_ne!(saved.len(), 0);
    assert_ne!(saved, fresh);
    // A copy is kept for `skillpass publish`, readable by the owner only.
    let issued: Vec<_> = std::fs::read_dir(w.dir.path().join("state/issued"))
        .unwrap()
        .collect();
    assert_eq!(issued.len(), 1);
    // The token issued its one credential.
    let n = nonce(&app).await;
    let again = credential_request(
        &app,
        Some(&token),
        &request(SD_JWT_VC, &proof(&w, &holder, &n)),
    )
    .await;
    assert_eq!(error_of(&again), (401, "invalid_token"));
}

#[tokio::test]
async fn a_jwt_vc_json_offer_issues_a_vc_jwt_with_the_holder_as_subject() {
    let w = World::new();
    let app = w.service();
    let config = Configuration {
        kind: credential_core::CredentialKind::Qualification,
        format: Format::JwtVcJson,
    };
    let (code, pin) = w.offer_for(config, None, Duration::hours(1));
    let token = access_token(&app, &code, &pin).await;
    let holder = SecretKey::generate_for(Algorithm::Es256);
    let n = nonce(&app).await;
    // The draft-era single `proof` member is read too.
    let body = json!({"credential_configuration_id": config.id(), "proof": {"proof_type": "jwt", "jwt": proof(&w, &holder, &n)}});
    let (status, body) = credential_request(&app, Some(&token), &body).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let jws = UnverifiedJws::parse(
        body["credentials"][0]["credential"].as_str().unwrap(),
        1 << 20,
    )
    .unwrap();
    assert_eq!(jws.header().typ.as_deref(), Some("vc+jwt"));
    let payload: Value = serde_json::from_slice(jws.payload()).unwrap();
    assert_eq!(payload["credentialSubject"]["id"], holder.public().did());
}

#[tokio::test]
async fn a_wrong_pin_is_invalid_grant_and_five_of_them_spend_the_offer() {
    let w = World::new();
    let app = w.service();
    let (code, pin) = w.offer();
    let wrong = if pin == "000000" { "000001" } else { "000000" };
    for left in (0..5).rev() {
        let r = redeem(&app, &code, wrong).await;
        assert_eq!(error_of(&r), (400, "invalid_grant"));
        assert!(
            r.1["error_description"]
                .as_str()
                .unwrap()
                .contains(&format!("{left} tries left")),
            "{}",
            r.1
        );
    }
    let r = redeem(&app, &code, &pin).await;
    assert_eq!(error_of(&r), (400, "invalid_grant"));
    assert!(r.1["error_description"]
        .as_str()
        .unwrap()
        .contains("too many wrong PINs"));
}

#[tokio::test]
async fn a_reused_offer_an_expired_offer_and_an_unknown_code_are_invalid_grant() {
    let w = World::new();
    let app = w.service();
    let (code, pin) = w.offer();
    access_token(&app, &code, &pin).await;
    let r = redeem(&app, &code, &pin).await;
    assert_eq!(error_of(&r), (400, "invalid_grant"));
    assert!(r.1["error_description"]
        .as_str()
        .unwrap()
        .contains("already used"));

    let (code, pin) = w.offer_for(SD_JWT_VC, None, Duration::minutes(30));
    w.advance(Duration::minutes(31));
    let r = redeem(&app, &code, &pin).await;
    assert_eq!(error_of(&r), (400, "invalid_grant"));
    assert!(r.1["error_description"]
        .as_str()
        .unwrap()
        .contains("expired"));

    assert_eq!(
        error_of(&redeem(&app, "not-a-code", "123456").await),
        (400, "invalid_grant")
    );
}

#[tokio::test]
async fn a_token_request_without_pin_code_or_the_right_grant_type_is_refused() {
    let w = World::new();
    let app = w.service();
    let (code, _) = w.offer();
    let r = token_request(
        &app,
        &[
            ("grant_type", PRE_AUTHORIZED),
            ("pre-authorized_code", &code),
        ],
    )
    .await;
    assert_eq!(error_of(&r), (400, "invalid_request"));
    let r = token_request(
        &app,
        &[("grant_type", PRE_AUTHORIZED), ("tx_code", "123456")],
    )
    .await;
    assert_eq!(error_of(&r), (400, "invalid_request"));
    let r = token_request(
        &app,
        &[("grant_type", "authorization_code"), ("code", &code)],
    )
    .await;
    assert_eq!(error_of(&r), (400, "unsupported_grant_type"));
    let r = token_request(&app, &[("pre-authorized_code", &code), ("tx_code", "1")]).await;
    assert_eq!(error_of(&r), (400, "invalid_request"));
}

#[tokio::test]
async fn the_credential_endpoint_refuses_missing_unknown_and_expired_access_tokens() {
    let w = World::new();
    let app = w.service();
    let holder = SecretKey::generate();
    let n = nonce(&app).await;
    let body = request(SD_JWT_VC, &proof(&w, &holder, &n));
    assert_eq!(
        error_of(&credential_request(&app, None, &body).await),
        (401, "invalid_token")
    );
    assert_eq!(
        error_of(&credential_request(&app, Some("made-up"), &body).await),
        (401, "invalid_token")
    );
    let (code, pin) = w.offer();
    let token = access_token(&app, &code, &pin).await;
    w.advance(Duration::minutes(11));
    let n = nonce(&app).await;
    let r = credential_request(
        &app,
        Some(&token),
        &request(SD_JWT_VC, &proof(&w, &holder, &n)),
    )
    .await;
    assert_eq!(error_of(&r), (401, "invalid_token"));
}

#[tokio::test]
async fn key_proofs_with_a_wrong_nonce_audience_time_type_key_or_algorithm_are_refused_with_their_codes(
) {
    let w = World::new();
    let app = w.service();
    let (code, pin) = w.offer();
    let token = access_token(&app, &code, &pin).await;
    let holder = SecretKey::generate_for(Algorithm::Es256);
    let now = w.now().timestamp();
    let other = SecretKey::generate_for(Algorithm::Es256);

    let used = nonce(&app).await;
    // Spend `used` on a proof that fails later (wrong holder is impossible here, so a
    // wrong configuration is not used: the nonce is spent only by a verified proof).
    let mut cases: Vec<(String, Value, (u16, &str))> = Vec::new();
    cases.push((
        "a nonce this service never gave".into(),
        request(SD_JWT_VC, &proof(&w, &holder, "made-up-nonce")),
        (400, "invalid_nonce"),
    ));
    cases.push((
        "no nonce".into(),
        request(
            SD_JWT_VC,
            &proof_with(&holder, TYP_PROOF, ISSUER, now, None),
        ),
        (400, "invalid_nonce"),
    ));
    let n = nonce(&app).await;
    cases.push((
        "another audience".into(),
        request(
            SD_JWT_VC,
            &proof_with(&holder, TYP_PROOF, "https://evil.test", now, Some(&n)),
        ),
        (400, "invalid_proof"),
    ));
    cases.push((
        "an old iat".into(),
        request(
            SD_JWT_VC,
            &proof_with(&holder, TYP_PROOF, ISSUER, now - 301, Some(&n)),
        ),
        (400, "invalid_proof"),
    ));
    cases.push((
        "an iat in the future".into(),
        request(
            SD_JWT_VC,
            &proof_with(&holder, TYP_PROOF, ISSUER, now + 120, Some(&n)),
        ),
        (400, "invalid_proof"),
    ));
    cases.push((
        "another typ".into(),
        request(
            SD_JWT_VC,
            &proof_with(&holder, "JWT", ISSUER, now, Some(&n)),
        ),
        (400, "invalid_proof"),
    ));
    // Signed by one key, naming another in its jwk.
    let forged = {
        let header = json!({"alg": "ES256", "typ": TYP_PROOF, "jwk": other.public().to_jwk()});
        let payload = json!({"aud": ISSUER, "iat": now, "nonce": n});
        jws::sign_raw(
            &holder,
            header.to_string().as_bytes(),
            payload.to_string().as_bytes(),
        )
    };
    cases.push((
        "a signature by another key than its jwk".into(),
        request(SD_JWT_VC, &forged),
        (400, "invalid_proof"),
    ));
    let unsigned = format!(
        "{}.{}.",
        URL_SAFE_NO_PAD.encode(
            json!({"alg": "none", "typ": TYP_PROOF, "jwk": holder.public().to_jwk()}).to_string()
        ),
        URL_SAFE_NO_PAD.encode(json!({"aud": ISSUER, "iat": now, "nonce": n}).to_string())
    );
    cases.push((
        "alg none".into(),
        request(SD_JWT_VC, &unsigned),
        (400, "invalid_proof"),
    ));
    let hmac = format!(
        "{}.{}.{}",
        URL_SAFE_NO_PAD.encode(json!({"alg": "HS256", "typ": TYP_PROOF}).to_string()),
        URL_SAFE_NO_PAD.encode(json!({"aud": ISSUER, "iat": now, "nonce": n}).to_string()),
        URL_SAFE_NO_PAD.encode([0u8; 32])
    );
    cases.push((
        "alg HS256".into(),
        request(SD_JWT_VC, &hmac),
        (400, "invalid_proof"),
    ));
    let private = {
        let mut jwk: Value = serde_json::from_str(&holder.to_private_jwk()).unwrap();
        jwk["kid"] = Value::Null;
        let header = json!({"alg": "ES256", "typ": TYP_PROOF, "jwk": jwk});
        jws::sign_raw(
            &holder,
            header.to_string().as_bytes(),
            json!({"aud": ISSUER, "iat": now, "nonce": n})
                .to_string()
                .as_bytes(),
        )
    };
    cases.push((
        "a private key in the jwk".into(),
        request(SD_JWT_VC, &private),
        (400, "invalid_proof"),
    ));
    cases.push((
        "no proof".into(),
        json!({"credential_configuration_id": SD_JWT_VC.id()}),
        (400, "invalid_proof"),
    ));
    cases.push(("two proofs".into(), json!({"credential_configuration_id": SD_JWT_VC.id(), "proofs": {"jwt": [proof(&w, &holder, &n), proof(&w, &holder, &n)]}}), (400, "invalid_credential_request")));
    cases.push((
        "an unknown configuration".into(),
        request(
            Configuration {
                kind: credential_core::CredentialKind::Qualification,
                format: Format::DcSdJwt,
            },
            "x",
        )
        .tap_id("Passport_dc+sd-jwt"),
        (400, "unknown_credential_configuration"),
    ));
    cases.push((
        "a configuration the offer is not for".into(),
        request(
            Configuration {
                kind: credential_core::CredentialKind::Skill,
                format: Format::DcSdJwt,
            },
            &proof(&w, &holder, &n),
        ),
        (400, "unknown_credential_configuration"),
    ));
    for (case, body, expected) in &cases {
        let r = credential_request(&app, Some(&token), body).await;
        assert_eq!(error_of(&r), *expected, "{case}: {}", r.1);
    }
    // A nonce is spent by the first proof that uses it.
    let r = credential_request(
        &app,
        Some(&token),
        &request(SD_JWT_VC, &proof(&w, &holder, &used)),
    )
    .await;
    assert_eq!(r.0, StatusCode::OK, "{}", r.1);
    let (code, pin) = w.offer();
    let token = access_token(&app, &code, &pin).await;
    let r = credential_request(
        &app,
        Some(&token),
        &request(SD_JWT_VC, &proof(&w, &holder, &used)),
    )
    .await;
    assert_eq!(error_of(&r), (400, "invalid_nonce"));
    // And a nonce expires.
    let n = nonce(&app).await;
    w.advance(Duration::minutes(6));
    let r = credential_request(
        &app,
        Some(&token),
        &request(SD_JWT_VC, &proof(&w, &holder, &n)),
    )
    .await;
    assert_eq!(error_of(&r), (400, "invalid_nonce"));
}

trait TapId {
    fn tap_id(self, id: &str) -> Value;
}
impl TapId for Value {
    fn tap_id(mut self, id: &str) -> Value {
        self["credential_configuration_id"] = json!(id);
        self
    }
}

#[tokio::test]
async fn an_offer_made_for_a_named_holder_needs_a_proof_by_that_holders_key() {
    let w = World::new();
    let app = w.service();
    let holder = SecretKey::generate();
    let (code, pin) = w.offer_for(SD_JWT_VC, Some(holder.public().did()), Duration::hours(1));
    let token = access_token(&app, &code, &pin).await;
    let n = nonce(&app).await;
    let r = credential_request(
        &app,
        Some(&token),
        &request(SD_JWT_VC, &proof(&w, &SecretKey::generate(), &n)),
    )
    .await;
    assert_eq!(error_of(&r), (400, "invalid_proof"));
    let n = nonce(&app).await;
    let r = credential_request(
        &app,
        Some(&token),
        &request(SD_JWT_VC, &proof(&w, &holder, &n)),
    )
    .await;
    assert_eq!(r.0, StatusCode::OK, "{}", r.1);
}

#[tokio::test]
async fn a_restart_loses_no_offer_token_or_nonce_and_a_code_stays_spent() {
    let w = World::new();
    let (code, pin) = w.offer();
    let first = w.service();
    let token = access_token(&first, &code, &pin).await;
    let n = nonce(&first).await;
    drop(first);
    let second = w.service();
    assert_eq!(
        error_of(&redeem(&second, &code, &pin).await),
        (400, "invalid_grant")
    );
    let holder = SecretKey::generate();
    let r = credential_request(
        &second,
        Some(&token),
        &request(SD_JWT_VC, &proof(&w, &holder, &n)),
    )
    .await;
    assert_eq!(r.0, StatusCode::OK, "{}", r.1);
    // The state directory holds no code, token or nonce in clear.
    for folder in ["offers", "tokens", "nonces"] {
        for entry in std::fs::read_dir(w.dir.path().join("state").join(folder)).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for secret in [&code, &token, &n, &pin] {
                assert!(!text.contains(secret.as_str()), "{folder} holds a secret");
            }
        }
    }
}

#[test]
fn an_offer_link_carries_the_offer_by_value() {
    let w = World::new();
    let claims: Value = serde_json::from_str(NURSE).unwrap();
    let (offer, _) = make_offer(
        &w.state(),
        ISSUER,
        SD_JWT_VC,
        OfferContent {
            line: 7,
            claims,
            holder: None,
            valid_until: None,
        },
        w.now() + Duration::hours(1),
    )
    .unwrap();
    let link = offer_link(&offer);
    let encoded = link
        .strip_prefix("openid-credential-offer://?credential_offer=")
        .unwrap();
    let decoded = percent_encoding::percent_decode_str(encoded)
        .decode_utf8()
        .unwrap();
    let back: Value = serde_json::from_str(&decoded).unwrap();
    assert_eq!(back, offer);
    assert_eq!(
        back["credential_configuration_ids"],
        json!(["QualificationCredential_dc+sd-jwt"])
    );
    assert_eq!(back["grants"][PRE_AUTHORIZED]["tx_code"]["length"], 6);
}
