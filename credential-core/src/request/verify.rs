//! Checking a signed request against the request it came with, and a new key's proof of
//! possession.

use super::claims::{KeyProofClaims, MAX_NONCE_LEN, MIN_NONCE_LEN, SCHEME};
use super::sign::body_digest;
use crate::jws::JwsError;
use crate::keys::PublicKey;
use crate::signed::{open, KeyProofJwt, KeyRefusal, KidDidKey, OpenError, RequestJwt};

/// Why a signed request was refused (before the server's own replay and role checks).
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum RequestError {
    /// No `Authorization: Skillpass …` header, or not a usable EdDSA/ES256 JWS.
    #[error("the request is not signed: {0}")]
    Unsigned(String),
    /// The signature does not verify with the key `kid` names.
    #[error("the request signature does not verify")]
    BadSignature,
    /// The signature verifies but covers another method, path or body.
    #[error("the signed request does not match this request: {0}")]
    Mismatch(&'static str),
    /// `iat` is outside the accepted window around the server's clock.
    #[error("the request was signed at {iat}, more than {window} s from the server time {now}")]
    Stale {
        /// The request's `iat`.
        iat: i64,
        /// The server's time.
        now: i64,
        /// The window in seconds.
        window: i64,
    },
}

/// A request whose signature, binding and freshness were checked.
#[derive(Debug, Clone)]
pub struct AuthenticatedRequest {
    /// The key that signed it.
    pub signer: PublicKey,
    /// The `kid` as sent.
    pub kid: String,
    /// The signed claims.
    pub claims: super::claims::RequestClaims,
}

/// Checks an `Authorization` header value against the request it came with: EdDSA or ES256 only,
/// `typ`, signature by the `kid`'s key, method, path, body digest, and `iat` within
/// `window_secs` of `now` (unix seconds). Replay (nonce) and role checks are the caller's.
pub fn verify_request(
    authorization: &str,
    method: &str,
    path: &str,
    body: &[u8],
    now: i64,
    window_secs: i64,
) -> Result<AuthenticatedRequest, RequestError> {
    let unsigned = |why: &str| RequestError::Unsigned(why.to_owned());
    let compact = authorization
        .strip_prefix(SCHEME)
        .and_then(|rest| rest.strip_prefix(' '))
        .ok_or_else(|| unsigned("expected `Authorization: Skillpass <JWS>`"))?
        .trim();
    let opened = open::<RequestJwt>(compact, &KidDidKey).map_err(|e| match e {
        OpenError::Typ { .. } => unsigned("the JWS typ must be skillpass-request+jwt"),
        OpenError::Key(KeyRefusal::NoKid) => unsigned("the JWS has no kid"),
        OpenError::Key(_) => unsigned("kid is not a did:key DID URL"),
        OpenError::Signature => RequestError::BadSignature,
        OpenError::Json(_) => RequestError::Mismatch("the payload is not strict JSON"),
        OpenError::Decode(_) => RequestError::Mismatch("the payload is not a request claim set"),
        e => RequestError::Unsigned(e.to_string()),
    })?;
    let claims = opened.payload;
    if !claims.method.eq_ignore_ascii_case(method) {
        return Err(RequestError::Mismatch("method"));
    }
    if claims.path != path {
        return Err(RequestError::Mismatch("path"));
    }
    if claims.body_sha256 != body_digest(body) {
        return Err(RequestError::Mismatch("body"));
    }
    if claims.nonce.len() < MIN_NONCE_LEN
        || claims.nonce.len() > MAX_NONCE_LEN
        || !claims
            .nonce
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(RequestError::Mismatch(
            "nonce must be 16-64 base64url characters",
        ));
    }
    if (now - claims.iat).abs() > window_secs {
        return Err(RequestError::Stale {
            iat: claims.iat,
            now,
            window: window_secs,
        });
    }
    Ok(AuthenticatedRequest {
        signer: opened.key,
        kid: opened.header.kid.unwrap_or_default(),
        claims,
    })
}

/// Why a key proof was refused.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum KeyProofError {
    /// Not a compact EdDSA/ES256 JWS within 4 KiB.
    #[error("{0}")]
    Jws(JwsError),
    /// The header's `typ` is not a key proof's.
    #[error("the proof's typ must be skillpass-key-proof+jwt")]
    Typ,
    /// Not signed by the key it is to prove.
    #[error("the proof is not signed by the new key")]
    Signature,
    /// A payload other than `{"issuer": DID}`.
    #[error("the proof's payload must be {{\"issuer\": DID}}")]
    Payload,
    /// A proof made for another issuer.
    #[error("the proof names another issuer")]
    OtherIssuer,
}

/// Checks that `proof` is `new_key`'s own signature over `{"issuer": issuer}`: the issuer
/// rotating to `new_key` holds it, and did not copy another party's key or proof.
pub fn verify_key_proof(
    proof: &str,
    new_key: &PublicKey,
    issuer: &str,
) -> Result<(), KeyProofError> {
    let opened = open::<KeyProofJwt>(proof, new_key).map_err(|e| match e {
        OpenError::Jws(e) => KeyProofError::Jws(e),
        OpenError::Typ { .. } => KeyProofError::Typ,
        OpenError::Signature | OpenError::Key(_) => KeyProofError::Signature,
        _ => KeyProofError::Payload,
    })?;
    let KeyProofClaims { issuer: named } = opened.payload;
    if named != issuer {
        return Err(KeyProofError::OtherIssuer);
    }
    Ok(())
}
