//! The VC-API issuer: `POST /credentials/issue` (W3C CCG Verifiable Credentials API), the
//! app a function of its [`VcApi`] so that tests drive it over a real socket or without one.
//!
//! One request, in order:
//!
//! 1. authentication: the bearer token (unless the service was started unauthenticated on
//!    loopback): 401 without it, 403 with a wrong one;
//! 2. the body: strict JSON (duplicate keys, deep nesting refused) within [`MAX_BODY`],
//!    `{"credential": {…}, "options": {…}}` and nothing else; an option this service does
//!    not know is refused by name, never ignored;
//! 3. `issuer`: set to this service's DID when the credential names none;
//! 4. the W3C data model rules ([`conformance::check_credential`]), every violation named
//!    in the 400 answer by its code and JSON pointer; for a credential of a Skillpass type,
//!    Skillpass's own envelope and schema as well;
//! 5. the issuer named must be this service's DID (403 otherwise), and, with a trust
//!    bundle, accredited now for a Skillpass type the credential claims (403);
//! 6. securing: VC-JOSE-COSE by default (`typ` `vc+jwt`, the claims set is the credential,
//!    `kid` the DID URL of the key), answered as an `EnvelopedVerifiableCredential`; Data
//!    Integrity `eddsa-rdfc-2022` when `options.cryptosuite` asks for it.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::header::{AUTHORIZATION, CACHE_CONTROL, CONTENT_TYPE, WWW_AUTHENTICATE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use credential_core::conformance::Violation;
use credential_core::equivalence::FrameworkCatalog;
use credential_core::integrity;
use credential_core::trust::IssuerStatus;

use crate::common::args::SecuringArg;
use crate::issuer::any::{self, Identity, Refusal};
use crate::issuer::status::StatusFile;
use credential_core::{CheckedCredential, CredentialKind, SecretKey, VerifiedBundle};
use serde_json::{json, Map, Value};
use sha2::{Digest as _, Sha256};

/// Largest request body: a credential and its options.
pub(crate) const MAX_BODY: usize = 64 * 1024;

/// The VC Data Model 2.0 problem types (§7.1) this service answers with.
const MALFORMED: &str = "https://www.w3.org/TR/vc-data-model#MALFORMED_VALUE_ERROR";
const PARSING: &str = "https://www.w3.org/TR/vc-data-model#PARSING_ERROR";

/// How requests are authenticated.
pub(crate) enum Access {
    /// `Authorization: Bearer <token>`; only the token's SHA-256 digest is kept.
    Token([u8; 32]),
    /// Anyone who can reach the service (started with `--vc-api-unauthenticated`, on a
    /// loopback address only).
    Unauthenticated,
}

impl Access {
    pub(crate) fn token(token: &str) -> Self {
        Self::Token(Sha256::digest(token.as_bytes()).into())
    }
}

/// What the service is configured with.
pub(crate) struct VcApiConfig {
    /// The institution's signing key.
    pub(crate) key: SecretKey,
    /// Who may call it.
    pub(crate) access: Access,
    /// The trust bundle that says what this institution is accredited for, when given.
    pub(crate) bundle: Option<VerifiedBundle>,
}

/// The service: its configuration and its clock.
#[derive(Clone)]
pub(crate) struct VcApi {
    config: Arc<VcApiConfig>,
    now: Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>,
    /// The status list file entries are allocated from (`--status`), and where it is saved.
    status: Option<Arc<Mutex<(StatusFile, PathBuf)>>>,
}

impl VcApi {
    pub(crate) fn new(config: VcApiConfig) -> Self {
        Self {
            config: Arc::new(config),
            now: Arc::new(Utc::now),
            status: None,
        }
    }

    /// The same service giving every credential revocation and suspension entries from
    /// `file` (saved to `path` after each allocation).
    pub(crate) fn with_status(mut self, file: StatusFile, path: PathBuf) -> Self {
        self.status = Some(Arc::new(Mutex::new((file, path))));
        self
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
}

impl From<Refusal> for ApiError {
    fn from(r: Refusal) -> Self {
        if !r.violations.is_empty() {
            return Self::violations(&r.violations);
        }
        match r.code {
            "issuer.not-this-service" => Self::forbidden(r.code, r.detail),
            // The status list is full (or its file cannot be saved): retrying will not
            // help until the institution starts a new list, so the answer says why.
            "status.allocation" => Self::new(
                StatusCode::SERVICE_UNAVAILABLE,
                r.code,
                "no status entry can be allocated",
                r.detail,
            ),
            "credential.encoding" => Self::internal(r.code),
            code => Self::bad(code, r.detail),
        }
    }
}

/// An error answer: RFC 9457 problem details, with the VC Data Model's problem types, a
/// stable `code` and, for a refused credential, every broken rule in `errors`.
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    kind: &'static str,
    code: &'static str,
    title: &'static str,
    detail: String,
    errors: Vec<Value>,
}

impl ApiError {
    fn new(
        status: StatusCode,
        code: &'static str,
        title: &'static str,
        detail: impl Into<String>,
    ) -> Self {
        Self {
            status,
            kind: MALFORMED,
            code,
            title,
            detail: detail.into(),
            errors: Vec::new(),
        }
    }

    fn bad(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            code,
            "the request cannot be issued",
            detail,
        )
    }

    fn forbidden(code: &'static str, detail: impl Into<String>) -> Self {
        Self::new(
            StatusCode::FORBIDDEN,
            code,
            "this service may not issue this credential",
            detail,
        )
    }

    fn violations(violations: &[Violation]) -> Self {
        let detail = violations
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ");
        let mut e = Self::new(
            StatusCode::BAD_REQUEST,
            "credential.nonconforming",
            "the credential breaks the W3C Verifiable Credentials Data Model 2.0",
            detail,
        );
        e.errors = violations
            .iter()
            .map(|v| json!({"code": v.rule.code(), "pointer": v.path, "detail": v.rule.text()}))
            .collect();
        e
    }

    /// A failure of the service itself: logged (no personal data), answered plainly.
    fn internal(what: &str) -> Self {
        eprintln!("vc-api: issuing failed: {what}");
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "server.error",
            "the issuing service failed",
            "the issuing service failed; try again later",
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut body = json!({
            "type": self.kind,
            "status": self.status.as_u16(),
            "code": self.code,
            "title": self.title,
            "detail": self.detail,
        });
        if let (false, Some(object)) = (self.errors.is_empty(), body.as_object_mut()) {
            object.insert("errors".into(), Value::Array(self.errors));
        }
        let mut response = (
            self.status,
            [
                (CONTENT_TYPE, "application/problem+json"),
                (CACHE_CONTROL, "no-store"),
            ],
            body.to_string(),
        )
            .into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            response.headers_mut().insert(
                WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        response
    }
}

/// The router.
pub(crate) fn app(service: VcApi) -> Router {
    Router::new()
        .route("/credentials/issue", post(issue))
        .fallback(|| async {
            ApiError::new(
                StatusCode::NOT_FOUND,
                "route.unknown",
                "no such endpoint",
                "this service answers POST /credentials/issue",
            )
        })
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .with_state(service)
}

/// How the credential is secured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Securing {
    /// VC-JOSE-COSE, `vc+jwt`, answered as an `EnvelopedVerifiableCredential`.
    Jose,
    /// Data Integrity `eddsa-rdfc-2022`, an embedded proof.
    DataIntegrity,
}

/// Reads `options`: every member known, or the request is refused naming the one that is not.
fn read_options(options: Option<&Value>) -> Result<Securing, ApiError> {
    let Some(options) = options else {
        return Ok(Securing::Jose);
    };
    let options = options
        .as_object()
        .ok_or_else(|| ApiError::bad("options.not-object", "options must be a JSON object"))?;
    let mut securing = Securing::Jose;
    for (name, value) in options {
        match (name.as_str(), value.as_str()) {
            ("cryptosuite", Some(integrity::CRYPTOSUITE)) => securing = Securing::DataIntegrity,
            ("cryptosuite", _) => {
                return Err(ApiError::bad(
                    "options.cryptosuite",
                    format!(
                        "options.cryptosuite: only {} is offered (leave it out for VC-JOSE-COSE)",
                        integrity::CRYPTOSUITE
                    ),
                ))
            }
            ("proofType", Some(integrity::PROOF_TYPE)) => securing = Securing::DataIntegrity,
            ("proofType", _) => {
                return Err(ApiError::bad(
                    "options.proofType",
                    format!(
                        "options.proofType: only {} is offered",
                        integrity::PROOF_TYPE
                    ),
                ))
            }
            ("securingMechanism", Some("jose")) => securing = Securing::Jose,
            ("securingMechanism", Some("data-integrity")) => securing = Securing::DataIntegrity,
            ("securingMechanism", _) => {
                return Err(ApiError::bad(
                    "options.securingMechanism",
                    "options.securingMechanism must be jose or data-integrity",
                ))
            }
            (other, _) => {
                let shown: String = other.chars().take(64).collect();
                return Err(ApiError::bad(
                    "options.unknown",
                    format!("options.{shown} is not an option of this service (cryptosuite, proofType, securingMechanism)"),
                ));
            }
        }
    }
    Ok(securing)
}

fn authenticate(config: &VcApiConfig, headers: &HeaderMap) -> Result<(), ApiError> {
    let Access::Token(expected) = &config.access else {
        return Ok(());
    };
    let given = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::UNAUTHORIZED,
                "auth.missing",
                "authentication required",
                "send the service's token: Authorization: Bearer <token>",
            )
        })?;
    let digest: [u8; 32] = Sha256::digest(given.as_bytes()).into();
    // Comparing digests reveals nothing about the token to a timing attacker.
    if &digest != expected {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "auth.wrong-token",
            "not allowed",
            "this token does not allow issuing",
        ));
    }
    Ok(())
}

/// POST /credentials/issue — issues the credential in the body as this institution, after
/// the W3C data model rules (and, for Skillpass types, Skillpass's schema), secured with
/// VC-JOSE-COSE or, when the options ask, Data Integrity.
async fn issue(State(s): State<VcApi>, headers: HeaderMap, body: Bytes) -> Response {
    let result = issue_inner(&s, &headers, &body);
    // One line per request, naming only the outcome: credentials describe people.
    match &result {
        Ok((_, securing)) => eprintln!("vc-api: POST /credentials/issue 201 ({securing:?})"),
        Err(e) => eprintln!(
            "vc-api: POST /credentials/issue {} {}",
            e.status.as_u16(),
            e.code
        ),
    }
    match result {
        Ok((vc, _)) => (
            StatusCode::CREATED,
            [(CACHE_CONTROL, "no-store")],
            Json(json!({ "verifiableCredential": vc })),
        )
            .into_response(),
        Err(e) => e.into_response(),
    }
}

fn issue_inner(s: &VcApi, headers: &HeaderMap, body: &[u8]) -> Result<(Value, Securing), ApiError> {
    let config = &s.config;
    authenticate(config, headers)?;
    if let Some(ct) = headers.get(CONTENT_TYPE).and_then(|v| v.to_str().ok()) {
        let essence = ct
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        if essence != "application/json" && !essence.ends_with("+json") {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "request.media-type",
                "the body must be JSON",
                "send Content-Type: application/json",
            ));
        }
    }
    let request = credential_core::json::parse_strict(body).map_err(|e| {
        let mut err = ApiError::bad(
            "request.not-json",
            format!("the body is not strict JSON: {e}"),
        );
        err.kind = PARSING;
        err
    })?;
    let request = request.as_object().ok_or_else(|| {
        ApiError::bad(
            "request.not-object",
            "the body must be {\"credential\": {…}, \"options\": {…}}",
        )
    })?;
    if let Some(other) = request
        .keys()
        .find(|k| !matches!(k.as_str(), "credential" | "options"))
    {
        let shown: String = other.chars().take(64).collect();
        return Err(ApiError::bad(
            "request.unknown-member",
            format!("{shown} is not a member of an issue request (credential, options)"),
        ));
    }
    let securing = read_options(request.get("options"))?;
    let credential: Map<String, Value> = request
        .get("credential")
        .and_then(Value::as_object)
        .cloned()
        .ok_or_else(|| {
            ApiError::bad(
                "request.credential-missing",
                "the body has no credential object",
            )
        })?;
    // 3-6. The steps shared with `skillpass issue --vc` (issuer/any.rs): issuer filled in,
    // the W3C rules (and Skillpass's own for its types), only as this institution, the
    // accreditation (with a bundle), status entries (with a status file), securing.
    let identity = Identity::of_key(&config.key);
    let now = (s.now)();
    let allowed = |document: &Value, kind: Option<CredentialKind>| match &config.bundle {
        Some(bundle) => check_accreditation(bundle, &identity.issuer, document, kind, now),
        None => Ok(()),
    };
    let arg = match securing {
        Securing::Jose => SecuringArg::Jose,
        Securing::DataIntegrity => SecuringArg::DataIntegrity,
    };
    let issued = match &s.status {
        None => any::issue(credential, &config.key, &identity, None, arg, now, allowed)?,
        Some(status) => {
            // One issuance at a time allocates and records its index: a crash after the
            // answer never gives two credentials the same index.
            let mut held = status
                .lock()
                .map_err(|_| ApiError::internal("the status list file lock"))?;
            let (file, path) = &mut *held;
            let issued = any::issue(
                credential,
                &config.key,
                &identity,
                Some(file),
                arg,
                now,
                allowed,
            )?;
            file.save(path)
                .map_err(|_| ApiError::internal("saving the status list file"))?;
            issued
        }
    };
    Ok((issued.to_vc_api(), securing))
}

/// With a trust bundle: this institution must be listed, active and within an
/// accreditation period now; a Skillpass type must be in that period's scope (up to its
/// level). Other credential types are not in any scope a bundle can state: an active,
/// accredited institution may issue them (verifiers report them as outside Skillpass's
/// accreditation).
fn check_accreditation(
    bundle: &VerifiedBundle,
    did: &str,
    document: &Value,
    kind: Option<CredentialKind>,
    now: DateTime<Utc>,
) -> Result<(), ApiError> {
    if now >= bundle.bundle().next_update {
        return Err(ApiError::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "bundle.stale",
            "the trust bundle is out of date",
            "the trust bundle is past its next update: fetch a new one (skillpass bundle fetch) and restart the service",
        ));
    }
    let entry = bundle.issuer(did).ok_or_else(|| {
        ApiError::forbidden(
            "issuer.not-accredited",
            "this institution is not in the trust bundle",
        )
    })?;
    if entry.status_at(now) != IssuerStatus::Active {
        return Err(ApiError::forbidden(
            "issuer.not-active",
            "this institution is suspended or withdrawn in the trust bundle",
        ));
    }
    let period = entry.accreditation.period_at(now).ok_or_else(|| {
        ApiError::forbidden(
            "issuer.not-accredited",
            "this institution has no accreditation period covering now",
        )
    })?;
    let Some(kind) = kind else {
        return Ok(());
    };
    let levels = CheckedCredential::from_value(document)
        .map(|c| c.levels)
        .unwrap_or_default();
    let catalog = FrameworkCatalog::shipped().ok();
    let in_scope = period
        .scope
        .iter()
        .filter(|s| s.kind == kind)
        .any(|s| match &s.max_level {
            None => true,
            Some(max) => {
                !levels.is_empty()
                    && levels
                        .iter()
                        .all(|l| catalog.and_then(|c| c.is_at_most(l, max)) == Some(true))
            }
        });
    if !in_scope {
        let scope: Vec<String> = period.scope.iter().map(ToString::to_string).collect();
        return Err(ApiError::forbidden(
            "issuer.out-of-scope",
            format!(
                "this institution's accreditation ({}) does not cover this {}",
                scope.join(", "),
                kind.as_str()
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod refusal_tests {
    use super::*;

    #[test]
    fn a_full_status_list_is_a_503_that_says_why_and_an_encoding_failure_a_plain_500() {
        let full = ApiError::from(Refusal::new(
            "status.allocation",
            "the status list is full: start a new one",
        ));
        assert_eq!(full.status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(full.code, "status.allocation");
        assert!(full.detail.contains("start a new one"), "{}", full.detail);
        let broken = ApiError::from(Refusal::new("credential.encoding", "cannot encode"));
        assert_eq!(broken.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(broken.code, "server.error");
        let other = ApiError::from(Refusal::new("issuer.not-this-service", "another issuer"));
        assert_eq!(other.status, StatusCode::FORBIDDEN);
    }
}
