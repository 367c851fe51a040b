//! Authentication of signed requests (`Authorization: Skillpass <JWS>`, see
//! [`credential_core::request`]) and the extractors handlers use: [`Signed`] for a signed
//! JSON body, [`SignedEmpty`] for a signed request without one.
//!
//! The extractors check the signature, the method/path/body binding, the time window and
//! that the nonce is unseen; the handler then checks the signer's *role* against the
//! records and commits the nonce with its change, so a request can be used only once.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header::AUTHORIZATION;
use credential_core::request::{verify_request, RequestError};
use credential_core::PublicKey;
use serde::de::DeserializeOwned;

use crate::bounds::Bounded;
use crate::error::AppError;
use crate::store::Tree;
use crate::AppState;

/// Who signed a request.
#[derive(Debug, Clone)]
pub struct Signer {
    /// The signing key's `did:key` (no fragment).
    pub did: String,
    /// The key.
    pub key: PublicKey,
    /// The key of the nonce in [`Tree::IatnonceSeen`], committed with the change.
    pub nonce_key: Vec<u8>,
}

/// A signed request with a JSON body of type `T`.
#[derive(Debug)]
pub struct Signed<T> {
    /// Who signed it.
    pub signer: Signer,
    /// The parsed body.
    pub body: T,
}

/// A signed request whose body is ignored (reads and deletes sign an empty body).
#[derive(Debug)]
pub struct SignedEmpty {
    /// Who signed it.
    pub signer: Signer,
}

/// 401 `replayed_request`.
pub fn replayed() -> AppError {
    AppError::unauthorized(
        "replayed_request",
        "this signed request was already used; sign each request with a fresh nonce",
    )
}

/// Reads the body (within the configured limit) and authenticates the request.
async fn authenticate(req: Request, state: &AppState) -> Result<(Signer, Bytes), AppError> {
    let (parts, body) = req.into_parts();
    let req = Request::from_parts(parts.clone(), body);
    let bytes = Bytes::from_request(req, state).await.map_err(|rejection| {
        if rejection.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
            AppError::new(
                axum::http::StatusCode::PAYLOAD_TOO_LARGE,
                "body_too_large",
                format!(
                    "the request body is over the {}-byte limit",
                    state.settings().max_body_bytes
                ),
            )
        } else {
            AppError::bad_request("unreadable_body", rejection.body_text())
        }
    })?;
    let header = parts
        .headers
        .get(AUTHORIZATION)
        .ok_or_else(|| {
            AppError::unauthorized(
                "unauthenticated",
                "this request must be signed: Authorization: Skillpass <JWS>",
            )
        })?
        .to_str()
        .map_err(|_| {
            AppError::unauthorized("unauthenticated", "unreadable Authorization header")
        })?;
    let path = parts
        .uri
        .path_and_query()
        .map_or(parts.uri.path(), |p| p.as_str());
    let now = state.now().timestamp();
    let window = state.settings().request_window_secs;
    let ok =
        verify_request(header, parts.method.as_str(), path, &bytes, now, window).map_err(|e| {
            match e {
                RequestError::Unsigned(_) => {
                    AppError::unauthorized("unauthenticated", e.to_string())
                }
                RequestError::Stale { .. } => {
                    AppError::unauthorized("stale_request", e.to_string())
                }
                _ => AppError::unauthorized("bad_signature", e.to_string()),
            }
        })?;
    let did = ok.signer.did();
    let iat = u64::try_from(ok.claims.iat).unwrap_or(0);
    let mut nonce_key = iat.to_be_bytes().to_vec();
    nonce_key.extend_from_slice(did.as_bytes());
    nonce_key.push(0);
    nonce_key.extend_from_slice(ok.claims.nonce.as_bytes());
    if state.store().get(Tree::IatnonceSeen, &nonce_key)?.is_some() {
        return Err(replayed());
    }
    Ok((
        Signer {
            did,
            key: ok.signer,
            nonce_key,
        },
        bytes,
    ))
}

/// 415 unless the body is declared JSON (`application/json` or `application/*+json`,
/// parameters allowed), checked before the body is read.
fn require_json(req: &Request) -> Result<(), AppError> {
    let declared = req
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase());
    match declared.as_deref() {
        Some("application/json") => Ok(()),
        Some(t) if t.starts_with("application/") && t.ends_with("+json") => Ok(()),
        other => Err(AppError::new(
            axum::http::StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "unsupported_media_type",
            format!(
                "the body must be sent as Content-Type: application/json, not {}",
                other.unwrap_or("(none)")
            ),
        )),
    }
}

/// Parses a JSON body strictly (duplicate keys refused), in the API's error format.
pub fn parse_body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    let value = credential_core::json::parse_strict(bytes).map_err(|e| {
        AppError::bad_request("malformed_json", format!("the body is not JSON: {e}"))
    })?;
    serde_json::from_value(value).map_err(|e| {
        AppError::bad_request(
            "malformed_json",
            format!("the body does not fit this request: {e}"),
        )
    })
}

impl<T: DeserializeOwned + Bounded> FromRequest<AppState> for Signed<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, AppError> {
        require_json(&req)?;
        let (signer, bytes) = authenticate(req, state).await?;
        let mut body: T = parse_body(&bytes)?;
        body.bound()?;
        Ok(Self { signer, body })
    }
}

impl FromRequest<AppState> for SignedEmpty {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, AppError> {
        let (signer, _) = authenticate(req, state).await?;
        Ok(Self { signer })
    }
}
