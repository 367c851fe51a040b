//! The presentation relay (see [`crate::relay`]): `POST /relay/{id}` is the `response_uri`
//! of an employer's OpenID4VP request, where a wallet posts its encrypted answer
//! (`direct_post.jwt`); `GET /relay/{id}` is where the employer collects it, with the
//! secret the mailbox id is the SHA-256 of. The registry checks only the answer's shape
//! (a compact JWE with an ECDH-ES key agreement) and never logs a body.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::header::{AUTHORIZATION, CACHE_CONTROL, CONTENT_TYPE};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::Engine as _;
use serde::Serialize;
use serde_json::Value;
use utoipa::ToSchema;

use crate::error::{AppError, ErrorBody, ErrorCode, BEARER_CHALLENGE};
use crate::relay::{self, Refusal, MAX_RESPONSE};
use crate::state::AppState;

/// The form a wallet posts: `response=<JWE>` and nothing else.
const FORM: &str = "application/x-www-form-urlencoded";

fn mailbox(id: &str) -> Result<(), AppError> {
    if relay::well_formed(id) {
        Ok(())
    } else {
        Err(AppError::new(
            ErrorCode::InvalidParameter,
            "a relay mailbox id is 43 base64url characters (the SHA-256 of the employer's secret)",
        ))
    }
}

/// The JWE of a `response=<JWE>` form, or why it is refused.
fn read_form(headers: &HeaderMap, body: &[u8]) -> Result<String, AppError> {
    let form = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().eq_ignore_ascii_case(FORM))
        .unwrap_or(false);
    if !form {
        return Err(AppError::new(
            ErrorCode::UnsupportedMediaType,
            "the relay takes an OpenID4VP direct_post.jwt answer: a form (application/x-www-form-urlencoded) with one field, response",
        ));
    }
    if body.len() > MAX_RESPONSE {
        return Err(AppError::new(
            ErrorCode::BodyTooLarge,
            format!("the relay takes answers of at most {MAX_RESPONSE} bytes"),
        ));
    }
    let mut response = None;
    for (name, value) in form_urlencoded::parse(body) {
        if name != "response" || response.is_some() {
            return Err(AppError::new(
                ErrorCode::InvalidField,
                "the form must hold one field, response, and nothing else (the relay takes encrypted answers only)",
            ));
        }
        response = Some(value.into_owned());
    }
    let jwe = response
        .ok_or_else(|| AppError::new(ErrorCode::InvalidField, "the form has no response field"))?;
    check_jwe(&jwe)?;
    Ok(jwe)
}

/// A compact JWE (five base64url parts) whose protected header asks for an ECDH-ES key
/// agreement: what an answer encrypted to the employer's ephemeral key looks like.
fn check_jwe(jwe: &str) -> Result<(), AppError> {
    let refuse = |why: &str| {
        AppError::new(
            ErrorCode::InvalidField,
            format!("response is not an encrypted answer: {why}; the relay stores only JWEs encrypted with ECDH-ES"),
        )
    };
    let parts: Vec<&str> = jwe.split('.').collect();
    if parts.len() != 5 {
        return Err(refuse("a compact JWE has five parts"));
    }
    let b64url = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    };
    if !parts.iter().all(|p| b64url(p)) {
        return Err(refuse("a part is not base64url"));
    }
    let [header, _key, iv, ciphertext, tag] = parts.as_slice() else {
        return Err(refuse("a compact JWE has five parts"));
    };
    if iv.is_empty() || ciphertext.is_empty() || tag.is_empty() {
        return Err(refuse(
            "the initialisation vector, ciphertext or tag is empty",
        ));
    }
    let header: Value = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(header)
        .ok()
        .and_then(|h| serde_json::from_slice(&h).ok())
        .ok_or_else(|| refuse("its protected header is not base64url JSON"))?;
    let alg = header.get("alg").and_then(Value::as_str).unwrap_or("");
    if !(alg == "ECDH-ES" || alg.starts_with("ECDH-ES+")) {
        return Err(refuse("its alg is not ECDH-ES"));
    }
    if header.get("enc").and_then(Value::as_str).is_none() {
        return Err(refuse("its header names no enc"));
    }
    Ok(())
}

/// POST /relay/{id} — a wallet's OpenID4VP `direct_post.jwt` answer for the employer whose
/// mailbox is `id`: a form with one field, `response`, a compact JWE encrypted with
/// ECDH-ES to the employer's key. Stored as sent, in memory, until collected or for 15
/// minutes. Answers `{}` (OpenID4VP: no redirect). 400 `invalid_parameter` (not a mailbox
/// id), 413 (over 256 KiB), 415 (not a form), 422 `invalid_field` (not exactly
/// `response=<JWE>` with `alg` ECDH-ES), 503 `relay_full`.
#[utoipa::path(post, path = "/relay/{id}", tag = "relay",
    params(("id" = String, Path, description = "The mailbox: base64url SHA-256 of the employer's secret")),
    request_body(content = String, content_type = "application/x-www-form-urlencoded",
        description = "response=<compact JWE, ECDH-ES>"),
    responses((status = 200, description = "Taken: an empty JSON object", content_type = "application/json"),
        (status = 400, body = ErrorBody), (status = 413, body = ErrorBody),
        (status = 408, body = ErrorBody), (status = 415, body = ErrorBody),
        (status = 422, body = ErrorBody), (status = 503, body = ErrorBody)))]
pub async fn post_answer(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Json<Value>, AppError> {
    mailbox(&id)?;
    let jwe = read_form(&headers, &body)?;
    state.relay().put(&id, jwe, state.now()).map_err(|r| {
        AppError::new(
            ErrorCode::RelayFull,
            match r {
                Refusal::MailboxFull => {
                    "this mailbox holds as many answers as it may until its employer collects them"
                }
                Refusal::RelayFull => "the relay is full; try again in a few minutes",
            },
        )
    })?;
    Ok(Json(Value::Object(serde_json::Map::new())))
}

/// `GET /relay/{id}` answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct Collected {
    /// The answers that waited in the mailbox, oldest first, each the JWE as the wallet
    /// sent it; they are gone from the relay once answered here.
    pub responses: Vec<String>,
}

/// GET /relay/{id} — the employer collects the answers waiting in its mailbox, with
/// `Authorization: Bearer <secret>` where `id` is the base64url SHA-256 of the secret.
/// Each answer is handed out once; an empty list means none (yet). 400
/// `invalid_parameter`, 401 `unauthenticated` (no bearer secret), 403 `forbidden` (a
/// secret that is not this mailbox's).
#[utoipa::path(get, path = "/relay/{id}", tag = "relay",
    params(("id" = String, Path, description = "The mailbox: base64url SHA-256 of the employer's secret")),
    responses((status = 200, body = Collected), (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody), (status = 403, body = ErrorBody)))]
pub async fn collect(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    mailbox(&id)?;
    let secret = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim)
        .ok_or_else(|| {
            AppError::new(
                ErrorCode::Unauthenticated,
                "collect with Authorization: Bearer <the secret this mailbox id was made from>",
            )
            .with_challenge(BEARER_CHALLENGE)
        })?;
    if !relay::well_formed(secret) || relay::mailbox_of(secret) != id {
        return Err(AppError::new(
            ErrorCode::Forbidden,
            "that secret does not open this mailbox",
        ));
    }
    let responses = state.relay().take(&id, state.now());
    Ok(([(CACHE_CONTROL, "no-store")], Json(Collected { responses })).into_response())
}
