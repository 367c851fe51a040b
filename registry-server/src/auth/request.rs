//! The signed-request extractors: the body read within its limit and parsed as strict JSON,
//! authentication of `Authorization: Skillpass <JWS>`, then the body read as the request's
//! type and bounded, before any handler sees it.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::request::Parts;
use axum::http::StatusCode;
use credential_core::request::verify_request;
use credential_core::PublicKey;
use serde::de::DeserializeOwned;

use crate::bounds::Bounded;
use crate::error::{AppError, ErrorCode};
use crate::records::NonceKey;
use crate::state::AppState;

/// Who signed a request.
#[derive(Debug, Clone)]
pub struct Signer {
    /// The signing key's `did:key` (no fragment).
    pub did: String,
    /// The public key the signature verified with.
    pub key: PublicKey,
    /// The request's nonce, to commit with the change it makes.
    pub nonce_key: NonceKey,
    /// When the request says it was signed (seconds since 1970).
    pub iat: i64,
}

/// A signed request with a JSON body of type `T`, bounded (see [`Bounded`]).
#[derive(Debug)]
pub struct Signed<T> {
    /// Who signed it: signature, binding and time checked, nonce not seen before.
    pub signer: Signer,
    /// The parsed and bounded body.
    pub body: T,
}

/// A signed request whose body is ignored (reads and deletes sign an empty body).
#[derive(Debug)]
pub struct SignedEmpty {
    /// Who signed it: signature, binding and time checked, nonce not seen before.
    pub signer: Signer,
}

fn unauthenticated(id: &'static str) -> AppError {
    AppError::said(
        ErrorCode::Unauthenticated,
        credential_core::i18n::Msg::new(id),
    )
}

/// Reads the body within the configured limit (413 over it, 400 if it cannot be read).
async fn read_body(req: Request, state: &AppState) -> Result<(Parts, Bytes), AppError> {
    let (parts, body) = req.into_parts();
    let req = Request::from_parts(parts.clone(), body);
    let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            AppError::said(
                ErrorCode::BodyTooLarge,
                credential_core::i18n::Msg::new("reg-body-too-large")
                    .arg("max", state.settings().max_body_bytes.to_string()),
            )
        } else {
            AppError::said_detail(
                ErrorCode::UnreadableBody,
                "reg-unreadable-body",
                rejection.body_text(),
            )
        }
    })?;
    Ok((parts, bytes))
}

/// Authenticates the request whose head is `parts` and body `bytes`.
fn authenticate(parts: &Parts, bytes: &[u8], state: &AppState) -> Result<Signer, AppError> {
    let header = parts
        .headers
        .get(AUTHORIZATION)
        .ok_or_else(|| unauthenticated("reg-unsigned"))?
        .to_str()
        .map_err(|_| unauthenticated("reg-unreadable-authorization"))?;
    let path = parts
        .uri
        .path_and_query()
        .map_or(parts.uri.path(), |p| p.as_str());
    let now = state.now().timestamp();
    let window = state.settings().request_window_secs;
    let ok = verify_request(header, parts.method.as_str(), path, bytes, now, window)?;
    let did = ok.signer.did();
    let nonce_key = NonceKey::new(ok.claims.iat, &did, &ok.claims.nonce);
    state.records().nonces().refuse_seen(&nonce_key)?;
    Ok(Signer {
        did,
        key: ok.signer,
        nonce_key,
        iat: ok.claims.iat,
    })
}

/// 415 unless the body is declared JSON (`application/json` or `application/*+json`,
/// parameters allowed), checked before the body is read.
fn require_json(req: &Request) -> Result<(), AppError> {
    let declared = req
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase());
    match declared.as_deref() {
        Some("application/json") => Ok(()),
        Some(t) if t.starts_with("application/") && t.ends_with("+json") => Ok(()),
        other => Err(AppError::said(
            ErrorCode::UnsupportedMediaType,
            credential_core::i18n::Msg::new("reg-not-json-type")
                .arg("type", other.unwrap_or("(none)")),
        )),
    }
}

/// Parses a body as JSON strictly (duplicate keys refused, nesting bounded), in the API's
/// error format.
fn parse_json(bytes: &[u8]) -> Result<serde_json::Value, AppError> {
    credential_core::json::parse_strict(bytes).map_err(|e| {
        AppError::said(
            ErrorCode::MalformedJson,
            credential_core::i18n::Msg::new("reg-body-not-json").arg("detail", e.to_string()),
        )
    })
}

/// Reads parsed JSON as the request's body type, in the API's error format.
fn fit_body<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, AppError> {
    serde_json::from_value(value).map_err(|e| {
        AppError::said(
            ErrorCode::MalformedJson,
            credential_core::i18n::Msg::new("reg-body-misfit").arg("detail", e.to_string()),
        )
    })
}

impl<T: DeserializeOwned + Bounded> FromRequest<AppState> for Signed<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, AppError> {
        // Whether the body is JSON at all (its declared type, its syntax) is answered before
        // who sent it: a client whose body is broken learns that whether or not it signed.
        // What the JSON says (the fields of this request, their bounds) is judged once the
        // signer is known.
        require_json(&req)?;
        let (parts, bytes) = read_body(req, state).await?;
        let json = parse_json(&bytes)?;
        let signer = authenticate(&parts, &bytes, state)?;
        let mut body: T = fit_body(json)?;
        body.bound()?;
        Ok(Self { signer, body })
    }
}

impl FromRequest<AppState> for SignedEmpty {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, AppError> {
        let (parts, bytes) = read_body(req, state).await?;
        let signer = authenticate(&parts, &bytes, state)?;
        Ok(Self { signer })
    }
}
