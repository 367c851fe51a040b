//! The signed-request extractors: authentication of `Authorization: Skillpass <JWS>`, the
//! body read within its limit, parsed strictly and bounded before any handler sees it.

use axum::body::Bytes;
use axum::extract::{FromRequest, Request};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
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

/// Reads the body (within the configured limit) and authenticates the request.
async fn authenticate(req: Request, state: &AppState) -> Result<(Signer, Bytes), AppError> {
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
    let ok = verify_request(header, parts.method.as_str(), path, &bytes, now, window)?;
    let did = ok.signer.did();
    let nonce_key = NonceKey::new(ok.claims.iat, &did, &ok.claims.nonce);
    state.records().nonces().refuse_seen(&nonce_key)?;
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

/// Parses a JSON body strictly (duplicate keys refused), in the API's error format.
fn parse_body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, AppError> {
    let value = credential_core::json::parse_strict(bytes).map_err(|e| {
        AppError::said(
            ErrorCode::MalformedJson,
            credential_core::i18n::Msg::new("reg-body-not-json").arg("detail", e.to_string()),
        )
    })?;
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
