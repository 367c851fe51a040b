//! The employer's verifier service: the W3C CCG VC-API verification endpoints over
//! Skillpass's verifiers. The app is a function of its [`Service`] ([`app`]), so its tests
//! drive it without a socket as well as over one.
//!
//! Each credential is verified by Skillpass's ten checks against the trust bundle when the
//! service has one and the bundle knows the credential's issuer; otherwise, when keys given
//! directly are accepted, by the same ten checks in the direct-key profile (the three only a
//! bundle decides reported as not checked, and said so in `warnings` and `accreditation`).
//! The answer is the VC-API's: `200 {"verified": true, "checks", "warnings", "errors": []}`,
//! or `400` with `verified: false` and one entry in `errors` per failed or undecided check.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Instant;

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequest as _, Request, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_LENGTH, CONTENT_TYPE};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::Utc;
use credential_core::i18n::Lang;
use credential_core::presentation::{
    verify_presentation_direct_with, Binding, ENVELOPED_VP_PREFIX,
};
use credential_core::verify::direct::{read_value, GivenKey, Secured, StatusLists};
use credential_core::{
    verify_presentation, DirectVerifier, Outcome, Report, VerifiedBundle, Verifier,
};
use serde_json::{json, Map, Value};

/// Largest request body: a presentation of the most credentials Skillpass reads, and room
/// for the JSON around it.
pub(crate) const MAX_BODY: usize = 2 * 1024 * 1024;
/// Oldest Skillpass `vp+jwt` presentation accepted, seconds after it was made.
const MAX_PRESENTATION_AGE_SECS: i64 = 300;
/// Longest `challenge` or `domain` accepted in options.
const MAX_OPTION_LEN: usize = 512;

/// How the service verifies.
pub(crate) struct ServiceConfig {
    /// The trust bundle, verified against the pinned anchor at start-up.
    pub(crate) bundle: Option<VerifiedBundle>,
    /// Keys given directly: `None` when refused; else the issuers accepted (`None` inside:
    /// any `did:key`/`did:jwk` issuer).
    pub(crate) direct: Option<Option<Vec<String>>>,
    /// Keys given as JWKs (`--issuer-jwk`).
    pub(crate) given: Vec<GivenKey>,
    /// Holders' keys given as JWKs (`--holder-jwk`), for presentations.
    pub(crate) holder_keys: Vec<GivenKey>,
    /// Where status lists are found in the direct-key profile.
    pub(crate) lists: Box<dyn StatusLists + Send>,
}

/// The service's shared, read-only state.
#[derive(Clone)]
pub(crate) struct Service(Arc<ServiceConfig>);

impl Service {
    pub(crate) fn new(config: ServiceConfig) -> Self {
        Self(Arc::new(config))
    }
}

/// The router.
pub(crate) fn app(service: Service) -> Router {
    Router::new()
        .route(
            "/credentials/verify",
            post(credentials_verify).fallback(method_not_allowed),
        )
        .route(
            "/presentations/verify",
            post(presentations_verify).fallback(method_not_allowed),
        )
        .fallback(|| async {
            problem(
                StatusCode::NOT_FOUND,
                "not_found",
                "no such endpoint: POST /credentials/verify or POST /presentations/verify",
            )
        })
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(service)
}

/// Any method but POST on the two endpoints.
async fn method_not_allowed() -> Refusal {
    problem(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "use POST with a JSON body",
    )
}

/// A request that could not be verified at all, answered in the VC-API result shape (so a
/// client reads `verified` and `errors` whatever happened), with a stable `code`.
#[derive(Debug)]
struct Refusal {
    status: StatusCode,
    code: &'static str,
    message: String,
}

fn problem(status: StatusCode, code: &'static str, message: &str) -> Refusal {
    Refusal {
        status,
        code,
        message: message.to_owned(),
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let body = json!({
            "verified": false,
            "checks": [],
            "warnings": [],
            "errors": [{"code": self.code, "message": self.message}],
        });
        (self.status, [(CACHE_CONTROL, "no-store")], Json(body)).into_response()
    }
}

fn too_large() -> Refusal {
    problem(
        StatusCode::PAYLOAD_TOO_LARGE,
        "too_large",
        &format!("the request body is over the {MAX_BODY}-byte limit"),
    )
}

/// The body as a JSON object, or the answer refusing it: too large (413), not JSON (415
/// for another media type, 400 for bad JSON), not an object (400).
/// A `Content-Length` over the limit is refused before anything is read.
async fn body_object(request: Request) -> Result<Map<String, Value>, Refusal> {
    let headers = request.headers();
    let declared = headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY as u64) {
        return Err(too_large());
    }
    if let Some(kind) = headers.get(CONTENT_TYPE) {
        let kind = kind.to_str().unwrap_or_default().to_ascii_lowercase();
        if !(kind.starts_with("application/json") || kind.contains("+json")) {
            return Err(problem(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "send the request as Content-Type: application/json",
            ));
        }
    }
    let body = Bytes::from_request(request, &()).await.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_large()
        } else {
            problem(
                StatusCode::BAD_REQUEST,
                "unreadable_body",
                "the request body could not be read",
            )
        }
    })?;
    let value = credential_core::json::parse_strict(&body).map_err(|e| {
        problem(
            StatusCode::BAD_REQUEST,
            "malformed_json",
            &format!("the request body is not strict JSON: {e}"),
        )
    })?;
    match value {
        Value::Object(map) => Ok(map),
        _ => Err(problem(
            StatusCode::BAD_REQUEST,
            "malformed_request",
            "the request body must be a JSON object",
        )),
    }
}

/// `options` as an object (absent: empty), or the answer refusing it.
fn options_of(body: &Map<String, Value>) -> Result<Map<String, Value>, Refusal> {
    match body.get("options") {
        None | Some(Value::Null) => Ok(Map::new()),
        Some(Value::Object(o)) => Ok(o.clone()),
        Some(_) => Err(problem(
            StatusCode::BAD_REQUEST,
            "malformed_request",
            "`options` must be a JSON object",
        )),
    }
}

/// One log line per request: method, path, status, verdict, time. Never a credential,
/// a name or an identifier: those describe people.
fn log(path: &str, status: StatusCode, started: Instant) {
    eprintln!(
        "POST {path} {} {}ms",
        status.as_u16(),
        started.elapsed().as_millis()
    );
}

/// POST /credentials/verify — `{"verifiableCredential": …, "options": {…}}`.
async fn credentials_verify(State(s): State<Service>, request: Request) -> Response {
    let started = Instant::now();
    let response = match body_object(request).await {
        Err(refused) => refused.into_response(),
        Ok(body) => match (options_of(&body), body.get("verifiableCredential")) {
            (Err(refused), _) => refused.into_response(),
            (Ok(_), None) => problem(
                StatusCode::BAD_REQUEST,
                "malformed_request",
                "the body needs `verifiableCredential`: the credential to verify",
            )
            .into_response(),
            (Ok(_), Some(credential)) => {
                let credential = credential.clone();
                run_blocking(move || s.verify_credential(&credential).into_response()).await
            }
        },
    };
    log("/credentials/verify", response.status(), started);
    response
}

/// POST /presentations/verify — `{"verifiablePresentation": …, "options": {"challenge",
/// "domain"}}`.
async fn presentations_verify(State(s): State<Service>, request: Request) -> Response {
    let started = Instant::now();
    let response = match body_object(request).await {
        Err(refused) => refused.into_response(),
        Ok(body) => match (
            options_of(&body).and_then(|o| binding_of(&o)),
            body.get("verifiablePresentation"),
        ) {
            (Err(refused), _) => refused.into_response(),
            (Ok(_), None) => problem(
                StatusCode::BAD_REQUEST,
                "malformed_request",
                "the body needs `verifiablePresentation`: the presentation to verify",
            )
            .into_response(),
            (Ok(binding), Some(presentation)) => {
                let presentation = presentation.clone();
                run_blocking(move || {
                    s.verify_presentation(&presentation, &binding)
                        .into_response()
                })
                .await
            }
        },
    };
    log("/presentations/verify", response.status(), started);
    response
}

/// Verification is CPU work (canonical RDF, signatures) and may fetch status lists: it runs
/// off the async threads.
async fn run_blocking(work: impl FnOnce() -> Response + Send + 'static) -> Response {
    match tokio::task::spawn_blocking(work).await {
        Ok(response) => response,
        Err(_) => problem(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            "the verification could not be completed",
        )
        .into_response(),
    }
}

/// `challenge` and `domain` from the options, each a bounded string when given.
fn binding_of(options: &Map<String, Value>) -> Result<Binding, Refusal> {
    let text = |name: &str| -> Result<Option<String>, Refusal> {
        match options.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if !s.is_empty() && s.len() <= MAX_OPTION_LEN => {
                Ok(Some(s.clone()))
            }
            Some(_) => Err(problem(
                StatusCode::BAD_REQUEST,
                "malformed_request",
                &format!("`options.{name}` must be a string of 1 to {MAX_OPTION_LEN} bytes"),
            )),
        }
    };
    Ok(Binding {
        challenge: text("challenge")?,
        domain: text("domain")?,
        now: Utc::now(),
    })
}

/// A VC-API verification result.
#[derive(Debug, Default)]
pub(crate) struct VerificationResult {
    checks: Vec<String>,
    warnings: Vec<Value>,
    errors: Vec<Value>,
    /// `accreditation` when a credential was verified with a key given directly.
    accreditation: Option<Value>,
    /// The full reports, for people and programs that want every detail.
    reports: Vec<Value>,
    presentation: Option<Value>,
}

impl VerificationResult {
    fn verified(&self) -> bool {
        self.errors.is_empty() && !self.checks.is_empty()
    }

    /// Adds one report's checks, `prefix` naming the credential in a presentation.
    fn add_checks<'a>(
        &mut self,
        prefix: &str,
        checks: impl IntoIterator<Item = (&'static str, Outcome, &'a str)>,
        not_checked: &[&str],
    ) {
        for (name, outcome, detail) in checks {
            let named = format!("{prefix}{name}");
            match outcome {
                Outcome::Pass => self.checks.push(named),
                Outcome::Fail => self
                    .errors
                    .push(json!({"check": named, "code": "check_failed", "message": detail})),
                Outcome::Indeterminate => self
                    .errors
                    .push(json!({"check": named, "code": "check_undecided", "message": detail})),
                Outcome::Skipped if not_checked.contains(&name) => self
                    .warnings
                    .push(json!({"check": named, "code": "not_checked", "message": detail})),
                // Skipped because an earlier check failed: that failure is the error.
                Outcome::Skipped => {}
            }
        }
    }

    fn add_bundle_report(&mut self, prefix: &str, report: &Report) {
        self.add_checks(
            prefix,
            report
                .checks
                .iter()
                .map(|c| (c.id.name(), c.outcome, c.detail.as_str())),
            &[],
        );
        self.reports
            .push(json!({"profile": "trust-bundle", "report": report.to_json_in(Lang::En)}));
    }

    fn add_direct_report(&mut self, prefix: &str, report: &credential_core::DirectReport) {
        self.add_checks(
            prefix,
            report
                .checks
                .iter()
                .map(|c| (c.id.name(), c.outcome, c.detail.as_str())),
            &["trust-bundle", "issuer-accredited", "bundle-fresh"],
        );
        let json = report.to_json_in(Lang::En);
        self.accreditation = json.get("accreditation").cloned();
        self.reports.push(json);
    }
}

impl IntoResponse for VerificationResult {
    fn into_response(self) -> Response {
        let verified = self.verified();
        let mut body = json!({
            "verified": verified,
            "checks": self.checks,
            "warnings": self.warnings,
            "errors": self.errors,
            "credentialResults": self.reports,
        });
        if let Some(obj) = body.as_object_mut() {
            if let Some(accreditation) = self.accreditation {
                obj.insert("accreditation".into(), accreditation);
            }
            if let Some(presentation) = self.presentation {
                obj.insert("presentationResult".into(), presentation);
            }
        }
        let status = if verified {
            StatusCode::OK
        } else {
            StatusCode::BAD_REQUEST
        };
        (status, [(CACHE_CONTROL, "no-store")], Json(body)).into_response()
    }
}

impl Service {
    /// One credential, in whichever profile applies to it.
    fn verify_credential(&self, credential: &Value) -> VerificationResult {
        let mut result = VerificationResult::default();
        self.add_credential(&mut result, "", credential);
        result
    }

    fn add_credential(&self, result: &mut VerificationResult, prefix: &str, credential: &Value) {
        let config = &self.0;
        let now = Utc::now();
        let secured = read_value(credential);
        let issuer = secured.as_ref().ok().and_then(issuer_unverified);
        let by_bundle = match (&config.bundle, &config.direct) {
            (Some(bundle), Some(_)) => issuer
                .as_deref()
                .is_some_and(|i| bundle.issuer(i).is_some()),
            (Some(_), None) => true,
            (None, _) => false,
        };
        if by_bundle {
            if let Some(bundle) = &config.bundle {
                if let Ok(Secured::SdJwt(text)) = &secured {
                    // A Skillpass SD-JWT: the issuer's ten checks, then its disclosures'.
                    let verifier = Verifier::new(bundle, now);
                    let report = credential_core::sdjwt::verify_issued(&verifier, text);
                    result.add_bundle_report(prefix, &report.credential);
                    result.add_checks(
                        &format!("{prefix}sd-jwt: "),
                        report
                            .checks
                            .iter()
                            .map(|c| (c.id.name(), c.outcome, c.detail.as_str())),
                        &[],
                    );
                    return;
                }
                let text = match &secured {
                    Ok(Secured::SdJwt(text)) | Ok(Secured::Jose(text)) => text.clone(),
                    Ok(Secured::DataIntegrity(document)) => document.to_string(),
                    // Unreadable: the bundle verifier words why, as `well-formed`.
                    Err(_) => credential
                        .as_str()
                        .map_or_else(|| credential.to_string(), str::to_owned),
                };
                let report = Verifier::new(bundle, now).verify(&text);
                result.add_bundle_report(prefix, &report);
            }
            return;
        }
        let verifier = DirectVerifier::new(now, &*config.lists).with_keys(config.given.clone());
        let verifier = match &config.direct {
            Some(Some(only)) => verifier.only_issuers(only.clone()),
            _ => verifier,
        };
        let report = verifier.verify_value(credential);
        result.add_direct_report(prefix, &report);
    }

    /// A presentation: a Skillpass `vp+jwt` against the bundle (its seven checks, then the
    /// ten of each credential), or a W3C presentation with the holder's key given directly
    /// (Data Integrity or `vp+jwt`) whose credentials are each verified as above.
    fn verify_presentation(&self, presentation: &Value, binding: &Binding) -> VerificationResult {
        let mut result = VerificationResult::default();
        let config = &self.0;
        if let (Some(bundle), Some(compact)) = (&config.bundle, skillpass_vp(presentation)) {
            return skillpass_presentation(bundle, &compact, binding);
        }
        let checked = verify_presentation_direct_with(presentation, binding, &config.holder_keys);
        result.add_checks(
            "",
            checked
                .checks
                .iter()
                .map(|c| (c.id.name(), c.outcome, c.detail.as_str())),
            &[],
        );
        result.presentation = Some(checked.to_json_in(Lang::En));
        for (i, credential) in checked.credentials.iter().enumerate() {
            self.add_credential(&mut result, &format!("credential {}: ", i + 1), credential);
        }
        result
    }
}

/// A Skillpass `vp+jwt` against the bundle: its seven checks (audience = `domain`, nonce
/// = `challenge`, freshness, the holder the subject of every credential), then the ten of
/// each credential.
fn skillpass_presentation(
    bundle: &VerifiedBundle,
    compact: &str,
    binding: &Binding,
) -> VerificationResult {
    let mut result = VerificationResult::default();
    let (Some(domain), Some(challenge)) = (&binding.domain, &binding.challenge) else {
        result.errors.push(json!({
            "check": "audience",
            "code": "options_missing",
            "message": "a presentation verified against the trust bundle needs options.domain (its audience) and options.challenge (its nonce)",
        }));
        return result;
    };
    let verifier = Verifier::new(bundle, Utc::now());
    let report = verify_presentation(
        &verifier,
        compact,
        domain,
        challenge,
        chrono::Duration::seconds(MAX_PRESENTATION_AGE_SECS),
    );
    result.add_checks(
        "",
        report
            .checks
            .iter()
            .map(|c| (c.id.name(), c.outcome, c.detail.as_str())),
        &[],
    );
    for (i, credential) in report.credentials.iter().enumerate() {
        result.add_bundle_report(&format!("credential {}: ", i + 1), credential);
    }
    result
}

/// The compact JWS of a presentation given as a `vp+jwt` (a string, or enveloped).
fn skillpass_vp(presentation: &Value) -> Option<String> {
    match presentation {
        Value::String(s) => Some(s.trim().to_owned()),
        Value::Object(o) => o
            .get("id")
            .and_then(Value::as_str)
            .and_then(|id| id.strip_prefix(ENVELOPED_VP_PREFIX))
            .map(str::to_owned),
        _ => None,
    }
}

/// The issuer a credential names, read without verifying it: only to choose which
/// verifier checks it.
fn issuer_unverified(secured: &Secured) -> Option<String> {
    let document = match secured {
        Secured::DataIntegrity(document) => document.clone(),
        Secured::Jose(compact) | Secured::SdJwt(compact) => {
            let payload = compact.split('~').next()?.split('.').nth(1)?;
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()?
        }
    };
    match document.get("issuer")? {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("id")?.as_str().map(str::to_owned),
        _ => None,
    }
}

/// Status lists from files, or also fetched from their URLs.
pub(crate) struct Lists {
    pub(crate) files: BTreeMap<String, String>,
    pub(crate) fetch: Option<ureq::Agent>,
}

impl StatusLists for Lists {
    fn get(&self, url: &str) -> Option<String> {
        if let Some(text) = self.files.get(url) {
            return Some(text.clone());
        }
        let agent = self.fetch.as_ref()?;
        if !(url.starts_with("https://") || url.starts_with("http://")) || url.len() > 2048 {
            return None;
        }
        let response = agent.get(url).call().ok()?;
        let mut text = String::new();
        std::io::Read::read_to_string(
            &mut std::io::Read::take(
                response.into_reader(),
                credential_core::integrity::MAX_DI_CREDENTIAL_LEN as u64 + 1,
            ),
            &mut text,
        )
        .ok()?;
        (text.len() <= credential_core::integrity::MAX_DI_CREDENTIAL_LEN).then_some(text)
    }
}
