//! The OpenID4VCI 1.0 issuance service: its metadata, offers, and the pre-authorized code
//! flow — token endpoint (with the transaction code), nonce endpoint, credential endpoint
//! (key proofs) — answering errors with the specification's codes. The app is a function
//! of its [`Service`] (`app`), so its tests drive it without a socket.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use anyhow::{Context as _, Result};
use axum::extract::{DefaultBodyLimit, State};
use axum::http::header::{AUTHORIZATION, CACHE_CONTROL, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Form, Json, Router};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::{DateTime, Duration, Utc};
use credential_core::sdjwt_vc::{type_metadata, vct_for};
use credential_core::{CredentialKind, IssueOptions, SecretKey};
use rand::{Rng as _, RngCore as _};
use serde::Deserialize;
use serde_json::{json, Value};

use super::proof::{self, ProofError};
use super::state::{
    key_of, pin_digest, NonceRecord, OfferRecord, StateDir, Table, TokenRecord, MAX_PIN_TRIES,
};
use crate::common::files;
use crate::issuer::issue::sign::{issue_one, Securing};
use crate::issuer::status::StatusFile;

/// The pre-authorized code grant type.
pub(crate) const PRE_AUTHORIZED: &str = "urn:ietf:params:oauth:grant-type:pre-authorized_code";
/// Digits of a transaction code (PIN).
pub(crate) const PIN_DIGITS: usize = 6;
/// How long an access token lasts.
const TOKEN_SECS: i64 = 600;
/// How long a `c_nonce` lasts.
const NONCE_SECS: i64 = 300;
/// Largest request body (a credential request with its proofs).
const MAX_BODY: usize = 64 * 1024;
/// Most key proofs in one credential request (one credential per offer).
const MAX_PROOFS: usize = 1;

/// A credential configuration this service offers: the type and how it is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Configuration {
    pub(crate) kind: CredentialKind,
    pub(crate) format: Format,
}

/// The formats offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// IETF SD-JWT VC (`dc+sd-jwt`), what the EUDI and other OpenID4VC wallets accept.
    #[value(name = "dc+sd-jwt")]
    DcSdJwt,
    /// A W3C credential signed as a JWT (`jwt_vc_json`; Skillpass's `vc+jwt`).
    #[value(name = "jwt_vc_json")]
    JwtVcJson,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Self::DcSdJwt => "dc+sd-jwt",
            Self::JwtVcJson => "jwt_vc_json",
        }
    }
}

const CONFIGURATIONS: [Configuration; 4] = [
    Configuration {
        kind: CredentialKind::Qualification,
        format: Format::DcSdJwt,
    },
    Configuration {
        kind: CredentialKind::Qualification,
        format: Format::JwtVcJson,
    },
    Configuration {
        kind: CredentialKind::Skill,
        format: Format::DcSdJwt,
    },
    Configuration {
        kind: CredentialKind::Skill,
        format: Format::JwtVcJson,
    },
];

impl Configuration {
    /// Its id in the metadata and in offers, e.g. `QualificationCredential_dc+sd-jwt`.
    pub(crate) fn id(self) -> String {
        format!("{}_{}", self.kind.as_str(), self.format.name())
    }

    fn by_id(id: &str) -> Option<Self> {
        CONFIGURATIONS.into_iter().find(|c| c.id() == id)
    }
}

/// What the service is configured with.
pub(crate) struct ServiceConfig {
    /// The institution's signing key.
    pub(crate) key: SecretKey,
    /// The credential issuer identifier: the public https URL of this service.
    pub(crate) issuer_url: String,
    /// The registry URL the `vct` of `dc+sd-jwt` credentials is under.
    pub(crate) vct_base: String,
    /// The institution's name by language (`en` first), for wallets to show.
    pub(crate) display: Vec<(String, String)>,
    /// The state directory.
    pub(crate) state: StateDir,
    /// The issuer's status list file, when credentials carry status entries.
    pub(crate) status: Option<PathBuf>,
}

/// The service: its configuration and the lock every state change is made under.
#[derive(Clone)]
pub(crate) struct Service {
    config: Arc<ServiceConfig>,
    lock: Arc<Mutex<()>>,
    now: Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>,
}

impl Service {
    pub(crate) fn new(config: ServiceConfig) -> Self {
        Self {
            config: Arc::new(config),
            lock: Arc::new(Mutex::new(())),
            now: Arc::new(Utc::now),
        }
    }

    /// The same service reading its time from `now` (tests).
    #[cfg(test)]
    pub(crate) fn with_clock(
        mut self,
        now: impl Fn() -> DateTime<Utc> + Send + Sync + 'static,
    ) -> Self {
        self.now = Arc::new(now);
        self
    }

    fn endpoint(&self, path: &str) -> String {
        format!("{}{path}", self.config.issuer_url)
    }
}

/// An OpenID4VCI / OAuth error answer: `{"error": code, "error_description": …}`.
#[derive(Debug)]
pub(crate) struct OidError {
    status: StatusCode,
    code: &'static str,
    description: String,
}

impl OidError {
    fn new(status: StatusCode, code: &'static str, description: impl Into<String>) -> Self {
        Self {
            status,
            code,
            description: description.into(),
        }
    }
    fn bad(code: &'static str, description: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, code, description)
    }
    fn grant(description: impl Into<String>) -> Self {
        Self::bad("invalid_grant", description)
    }
    fn token(description: impl Into<String>) -> Self {
        Self::new(StatusCode::UNAUTHORIZED, "invalid_token", description)
    }
    /// A failure of the service itself: logged without personal data, answered plainly.
    fn internal(e: &anyhow::Error) -> Self {
        eprintln!("issuance service error: {e:#}");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "server_error",
            "the issuance service failed; try again later",
        )
    }
}

impl From<ProofError> for OidError {
    fn from(e: ProofError) -> Self {
        let code = if e == ProofError::Nonce {
            "invalid_nonce"
        } else {
            "invalid_proof"
        };
        Self::bad(code, e.to_string())
    }
}

impl IntoResponse for OidError {
    fn into_response(self) -> Response {
        let body = Json(json!({"error": self.code, "error_description": self.description}));
        let mut response = (self.status, [(CACHE_CONTROL, "no-store")], body).into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            if let Ok(v) = format!("Bearer error=\"{}\"", self.code).parse() {
                response.headers_mut().insert(WWW_AUTHENTICATE, v);
            }
        }
        response
    }
}

/// The router.
pub(crate) fn app(service: Service) -> Router {
    Router::new()
        .route(
            "/.well-known/openid-credential-issuer",
            get(issuer_metadata),
        )
        .route(
            "/.well-known/oauth-authorization-server",
            get(authorization_server_metadata),
        )
        .route("/.well-known/jwt-vc-issuer", get(jwt_vc_issuer))
        .route("/token", post(token))
        .route("/nonce", post(nonce))
        .route("/credential", post(credential))
        .fallback(|| async {
            OidError::new(
                StatusCode::NOT_FOUND,
                "not_found",
                "no such endpoint; see /.well-known/openid-credential-issuer",
            )
        })
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(service)
}

/// The issuer metadata document (OpenID4VCI 1.0 §12.2).
pub(crate) fn metadata(config: &ServiceConfig) -> Value {
    let url = &config.issuer_url;
    let algs = credential_core::Algorithm::names();
    let display: Vec<Value> = config
        .display
        .iter()
        .map(|(locale, name)| json!({"name": name, "locale": locale}))
        .collect();
    let mut configurations = serde_json::Map::new();
    for c in CONFIGURATIONS {
        let vct = vct_for(&config.vct_base, c.kind);
        let type_doc = type_metadata(&vct, c.kind);
        let names: Vec<Value> = type_doc
            .get("display")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|d| json!({"name": d.get("name"), "locale": d.get("locale")}))
            .collect();
        let mut entry = json!({
            "format": c.format.name(),
            "scope": c.kind.as_str(),
            "cryptographic_binding_methods_supported": ["jwk", "did:key", "did:jwk"],
            "credential_signing_alg_values_supported": [config.key.algorithm().name()],
            "proof_types_supported": {"jwt": {"proof_signing_alg_values_supported": algs}},
            "credential_metadata": {"display": names},
        });
        let (member, value) = match c.format {
            Format::DcSdJwt => ("vct", json!(vct)),
            Format::JwtVcJson => (
                "credential_definition",
                json!({"type": ["VerifiableCredential", c.kind.as_str()]}),
            ),
        };
        if let Some(object) = entry.as_object_mut() {
            object.insert(member.into(), value);
        }
        configurations.insert(c.id(), entry);
    }
    json!({
        "credential_issuer": url,
        "credential_endpoint": format!("{url}/credential"),
        "nonce_endpoint": format!("{url}/nonce"),
        "display": display,
        "credential_configurations_supported": configurations,
    })
}

/// GET /.well-known/openid-credential-issuer
async fn issuer_metadata(State(s): State<Service>) -> Json<Value> {
    Json(metadata(&s.config))
}

/// GET /.well-known/oauth-authorization-server — the service is its own authorization
/// server for the pre-authorized code flow, with no client authentication.
async fn authorization_server_metadata(State(s): State<Service>) -> Json<Value> {
    Json(json!({
        "issuer": s.config.issuer_url,
        "token_endpoint": s.endpoint("/token"),
        "grant_types_supported": [PRE_AUTHORIZED],
        "pre-authorized_grant_anonymous_access_supported": true,
        "response_types_supported": [],
    }))
}

/// GET /.well-known/jwt-vc-issuer — the institution's public key (SD-JWT VC issuer
/// metadata), for wallets that look the key up by the issuer's URL; Skillpass credentials
/// also name it as a did:key, which needs no lookup.
async fn jwt_vc_issuer(State(s): State<Service>) -> Json<Value> {
    let public = s.config.key.public();
    let mut jwk = serde_json::to_value(public.to_jwk()).unwrap_or(Value::Null);
    if let Some(object) = jwk.as_object_mut() {
        object.insert("kid".into(), json!(public.did_url()));
        object.insert("alg".into(), json!(public.algorithm().name()));
    }
    Json(json!({"issuer": s.config.issuer_url, "jwks": {"keys": [jwk]}}))
}

/// The token request's form (RFC 6749 §4.1.3 with OpenID4VCI's pre-authorized grant).
#[derive(Debug, Deserialize)]
struct TokenRequest {
    grant_type: Option<String>,
    #[serde(rename = "pre-authorized_code")]
    pre_authorized_code: Option<String>,
    tx_code: Option<String>,
}

/// POST /token — a pre-authorized code and its transaction code for an access token; the
/// code is spent by the first right PIN, or by [`MAX_PIN_TRIES`] wrong ones.
async fn token(
    State(s): State<Service>,
    Form(req): Form<TokenRequest>,
) -> Result<Response, OidError> {
    match req.grant_type.as_deref() {
        Some(PRE_AUTHORIZED) => {}
        Some(_) => {
            return Err(OidError::bad(
                "unsupported_grant_type",
                format!("only {PRE_AUTHORIZED} is supported"),
            ))
        }
        None => return Err(OidError::bad("invalid_request", "grant_type is missing")),
    }
    let code = req
        .pre_authorized_code
        .filter(|c| !c.is_empty() && c.len() <= 256)
        .ok_or_else(|| OidError::bad("invalid_request", "pre-authorized_code is missing"))?;
    let pin = req.tx_code.filter(|p| !p.is_empty()).ok_or_else(|| {
        OidError::bad(
            "invalid_request",
            "tx_code is missing: give the PIN sent to the graduate apart from the offer",
        )
    })?;
    let now = (s.now)();
    let _guard = s
        .lock
        .lock()
        .map_err(|_| OidError::internal(&anyhow::anyhow!("state lock poisoned")))?;
    let state = &s.config.state;
    let offer_key = key_of(&code);
    let mut offer: OfferRecord = state
        .get(Table::Offers, &offer_key)
        .map_err(|e| OidError::internal(&e))?
        .ok_or_else(|| OidError::grant("unknown pre-authorized code"))?;
    if offer.redeemed_at.is_some() {
        return Err(OidError::grant("this offer was already used"));
    }
    if offer.wrong_pins >= MAX_PIN_TRIES {
        return Err(OidError::grant(
            "this offer is blocked after too many wrong PINs; ask the institution for a new one",
        ));
    }
    if now >= offer.expires_at {
        return Err(OidError::grant(
            "this offer has expired; ask the institution for a new one",
        ));
    }
    if pin.len() > 32 || pin_digest(&offer.pin_salt, &pin) != offer.pin_digest {
        offer.wrong_pins += 1;
        state
            .put(Table::Offers, &offer_key, &offer)
            .map_err(|e| OidError::internal(&e))?;
        return Err(OidError::grant(format!(
            "wrong transaction code (PIN); {} tries left",
            MAX_PIN_TRIES.saturating_sub(offer.wrong_pins)
        )));
    }
    offer.redeemed_at = Some(now);
    let access_token = random_secret();
    let record = TokenRecord {
        offer: offer_key.clone(),
        expires_at: now + Duration::seconds(TOKEN_SECS),
        issued: None,
    };
    // The token first: a crash between the two writes leaves an unused offer, never a
    // code that was spent without a token.
    state
        .put(Table::Tokens, &key_of(&access_token), &record)
        .map_err(|e| OidError::internal(&e))?;
    state
        .put(Table::Offers, &offer_key, &offer)
        .map_err(|e| OidError::internal(&e))?;
    Ok((
        [(CACHE_CONTROL, "no-store")],
        Json(
            json!({"access_token": access_token, "token_type": "Bearer", "expires_in": TOKEN_SECS}),
        ),
    )
        .into_response())
}

/// POST /nonce — a fresh `c_nonce` for a key proof, usable once.
///
/// The body (none is defined) is read and ignored, so that the connection stays usable for
/// the client's next request.
async fn nonce(State(s): State<Service>, _body: axum::body::Bytes) -> Result<Response, OidError> {
    let nonce = random_secret();
    let record = NonceRecord {
        expires_at: (s.now)() + Duration::seconds(NONCE_SECS),
    };
    s.config
        .state
        .put(Table::Nonces, &key_of(&nonce), &record)
        .map_err(|e| OidError::internal(&e))?;
    Ok((
        [(CACHE_CONTROL, "no-store")],
        Json(json!({"c_nonce": nonce})),
    )
        .into_response())
}

/// The credential request (OpenID4VCI 1.0 §8.2); the draft-era single `proof` is read too.
#[derive(Debug, Deserialize)]
struct CredentialRequest {
    credential_configuration_id: Option<String>,
    proofs: Option<Value>,
    proof: Option<Value>,
}

/// POST /credential — the credential the access token's offer names, bound to the key of
/// the key proof, issued through the same path as `skillpass issue`.
async fn credential(
    State(s): State<Service>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Result<Response, OidError> {
    let token = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            v.strip_prefix("Bearer ")
                .or_else(|| v.strip_prefix("DPoP "))
        })
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            OidError::token(
                "an access token from the token endpoint is required (Authorization: Bearer …)",
            )
        })?
        .to_owned();
    let req: CredentialRequest = serde_json::from_slice(&body).map_err(|_| {
        OidError::bad(
            "invalid_credential_request",
            "the body is not a JSON credential request",
        )
    })?;
    let now = (s.now)();
    let _guard = s
        .lock
        .lock()
        .map_err(|_| OidError::internal(&anyhow::anyhow!("state lock poisoned")))?;
    let state = &s.config.state;
    let token_key = key_of(&token);
    let mut record: TokenRecord = state
        .get(Table::Tokens, &token_key)
        .map_err(|e| OidError::internal(&e))?
        .ok_or_else(|| OidError::token("unknown access token"))?;
    if now >= record.expires_at {
        return Err(OidError::token("the access token has expired"));
    }
    if record.issued.is_some() {
        return Err(OidError::token(
            "this access token was already used for its credential",
        ));
    }
    let offer: OfferRecord = state
        .get(Table::Offers, &record.offer)
        .map_err(|e| OidError::internal(&e))?
        .ok_or_else(|| OidError::internal(&anyhow::anyhow!("an access token without its offer")))?;
    let id = req.credential_configuration_id.ok_or_else(|| {
        OidError::bad(
            "invalid_credential_request",
            "credential_configuration_id is missing",
        )
    })?;
    let configuration = Configuration::by_id(&id).ok_or_else(|| {
        OidError::bad(
            "unknown_credential_configuration",
            "no such credential configuration",
        )
    })?;
    if id != offer.configuration {
        return Err(OidError::bad(
            "unknown_credential_configuration",
            format!("this offer is for {}", offer.configuration),
        ));
    }
    let jwt = one_jwt_proof(req.proofs, req.proof)?;
    let checked = proof::check(&jwt, &s.config.issuer_url, now)?;
    // The nonce is spent whatever follows, so a proof is never accepted twice.
    let nonce_key = key_of(&checked.nonce);
    let nonce: Option<NonceRecord> = state
        .get(Table::Nonces, &nonce_key)
        .map_err(|e| OidError::internal(&e))?;
    let fresh = state
        .take(Table::Nonces, &nonce_key)
        .map_err(|e| OidError::internal(&e))?;
    if !fresh || nonce.is_none_or(|n| now >= n.expires_at) {
        return Err(ProofError::Nonce.into());
    }
    let holder = checked.key.did();
    if offer.holder.as_deref().is_some_and(|h| h != holder) {
        return Err(OidError::bad(
            "invalid_proof",
            "the key proof is not by the holder this offer was made for",
        ));
    }
    let (credential, credential_id) = issue(&s.config, &offer, &holder, configuration, now)
        .map_err(|e| {
            // A row the schema refuses is the institution's to fix, not the wallet's.
            eprintln!("offer from line {}: not issued: {e:#}", offer.line);
            OidError::bad(
                "credential_request_denied",
                "the institution cannot issue this credential now; contact it",
            )
        })?;
    record.issued = Some(credential_id);
    state
        .put(Table::Tokens, &token_key, &record)
        .map_err(|e| OidError::internal(&e))?;
    Ok((
        [(CACHE_CONTROL, "no-store")],
        Json(json!({"credentials": [{"credential": credential}]})),
    )
        .into_response())
}

/// The one `jwt` key proof of a request.
fn one_jwt_proof(proofs: Option<Value>, proof: Option<Value>) -> Result<String, OidError> {
    let invalid = |d: &str| OidError::bad("invalid_credential_request", d);
    if let Some(proofs) = proofs {
        let list = proofs.get("jwt").and_then(Value::as_array).ok_or_else(|| {
            OidError::bad(
                "invalid_proof",
                "proofs must hold jwt key proofs (openid4vci-proof+jwt)",
            )
        })?;
        if list.len() != MAX_PROOFS {
            return Err(invalid(
                "give exactly one key proof: an offer issues one credential",
            ));
        }
        return list
            .first()
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| OidError::bad("invalid_proof", "a jwt key proof must be a string"));
    }
    if let Some(proof) = proof {
        if proof.get("proof_type").and_then(Value::as_str) != Some("jwt") {
            return Err(OidError::bad(
                "invalid_proof",
                "only jwt key proofs are supported",
            ));
        }
        return proof
            .get("jwt")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .ok_or_else(|| OidError::bad("invalid_proof", "the jwt key proof is missing"));
    }
    Err(OidError::bad(
        "invalid_proof",
        "a key proof of the holder's key is required",
    ))
}

/// Issues the offer's credential to `holder` through `skillpass issue`'s path (document,
/// schema, framework level, status entry from the status file), keeps a copy in the state
/// directory's `issued/` folder for `skillpass publish`, and answers it and its id.
fn issue(
    config: &ServiceConfig,
    offer: &OfferRecord,
    holder: &str,
    configuration: Configuration,
    now: DateTime<Utc>,
) -> Result<(String, String)> {
    let mut options = IssueOptions::new(now);
    options.holder = Some(holder.to_owned());
    options.valid_until = offer.valid_until;
    let securing = match configuration.format {
        // Personal claims (birth date, nationality, grade) are always selectively
        // disclosable in an SD-JWT VC, as with `skillpass issue --dc-sd-jwt`.
        Format::DcSdJwt => Securing::IetfSd {
            sd: &[],
            vct_base: &config.vct_base,
        },
        Format::JwtVcJson => Securing::Jose,
    };
    let mut lists = match &config.status {
        Some(path) => Some(StatusFile::load(path)?),
        None => None,
    };
    let (credential, id) = issue_one(
        &config.key,
        &offer.claims,
        &mut options,
        lists.as_mut(),
        securing,
    )?;
    if let (Some(lists), Some(path)) = (&lists, &config.status) {
        lists.save(path)?;
    }
    let name = id.rsplit(':').next().unwrap_or("credential").to_owned();
    files::write_atomic(
        &config.state.issued_dir().join(format!("{name}.jwt")),
        format!("{credential}\n").as_bytes(),
        true,
    )
    .context("cannot keep a copy of the issued credential")?;
    Ok((credential, id))
}

/// 32 random bytes, base64url: codes, tokens, nonces.
pub(crate) fn random_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A uniformly random PIN of [`PIN_DIGITS`] digits.
pub(crate) fn random_pin() -> String {
    let n: u32 = rand::rngs::OsRng.gen_range(0..1_000_000);
    format!("{n:0width$}", width = PIN_DIGITS)
}

/// What one offer issues: a CSV row's claims, its holder (if the row names one) and end of
/// validity.
pub(crate) struct OfferContent {
    pub(crate) line: u64,
    pub(crate) claims: Value,
    pub(crate) holder: Option<String>,
    pub(crate) valid_until: Option<DateTime<Utc>>,
}

/// A new offer of `configuration` for `content`: stored in `state`, expiring at
/// `expires_at`; answers the credential offer (JSON) and the PIN.
pub(crate) fn make_offer(
    state: &StateDir,
    issuer_url: &str,
    configuration: Configuration,
    content: OfferContent,
    expires_at: DateTime<Utc>,
) -> Result<(Value, String)> {
    let code = random_secret();
    let pin = random_pin();
    let salt = random_secret();
    let record = OfferRecord {
        line: content.line,
        configuration: configuration.id(),
        claims: content.claims,
        holder: content.holder,
        valid_until: content.valid_until,
        pin_digest: pin_digest(&salt, &pin),
        pin_salt: salt,
        expires_at,
        wrong_pins: 0,
        redeemed_at: None,
    };
    state.put(Table::Offers, &key_of(&code), &record)?;
    let offer = json!({
        "credential_issuer": issuer_url,
        "credential_configuration_ids": [configuration.id()],
        "grants": {
            PRE_AUTHORIZED: {
                "pre-authorized_code": code,
                "tx_code": {
                    "input_mode": "numeric",
                    "length": PIN_DIGITS,
                    "description": "The PIN the institution sent you apart from this code",
                },
            },
        },
    });
    Ok((offer, pin))
}

/// The `openid-credential-offer://` link of an offer (the offer by value).
pub(crate) fn offer_link(offer: &Value) -> String {
    let text = offer.to_string();
    let encoded = percent_encoding::utf8_percent_encode(&text, percent_encoding::NON_ALPHANUMERIC);
    format!("openid-credential-offer://?credential_offer={encoded}")
}
