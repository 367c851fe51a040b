//! OpenID4VCI 1.0 key proofs (Appendix F.1, proof type `jwt`): a JWT of `typ`
//! `openid4vci-proof+jwt`, signed by the holder's key — named in the header as a `jwk`, or
//! a `kid` that is a `did:key` or `did:jwk` — with the credential issuer as `aud`, a fresh
//! `iat` and the `c_nonce` the nonce endpoint gave. The algorithm allow-list is core's
//! (`EdDSA`, `ES256`); everything else, `none` and HMAC included, is refused when parsing.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::{DateTime, Utc};
use credential_core::jws::UnverifiedJws;
use credential_core::{PublicJwk, PublicKey};
use serde_json::Value;

/// The JWS `typ` of a key proof.
pub(crate) const TYP_PROOF: &str = "openid4vci-proof+jwt";
/// Largest key proof accepted.
pub(crate) const MAX_PROOF_LEN: usize = 8 * 1024;
/// How far a proof's `iat` may lie in the past.
pub(crate) const MAX_PROOF_AGE_SECS: i64 = 300;
/// How far a proof's `iat` may lie in the future (clock skew).
pub(crate) const MAX_PROOF_SKEW_SECS: i64 = 60;

/// Why a key proof was refused; [`ProofError::Nonce`] is `invalid_nonce`, the rest
/// `invalid_proof`.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub(crate) enum ProofError {
    #[error("the key proof is not a JWS this service accepts: {0}")]
    Jws(String),
    #[error("the key proof's typ must be {TYP_PROOF}")]
    Typ,
    #[error("the key proof names no usable holder key (give a public jwk, or a did:key or did:jwk kid): {0}")]
    Key(String),
    #[error("the key proof's signature does not verify under the key it names")]
    Signature,
    #[error("the key proof's payload is not a JSON object")]
    Payload,
    #[error("the key proof's aud must be this credential issuer ({0})")]
    Audience(String),
    #[error(
        "the key proof's iat is missing, more than {MAX_PROOF_AGE_SECS} s old or in the future"
    )]
    Iat,
    #[error("the key proof carries no c_nonce, or one this service did not give or already used; ask the nonce endpoint for a fresh one")]
    Nonce,
}

/// A key proof whose signature, audience and time verified; its nonce is still to be spent.
#[derive(Debug)]
pub(crate) struct CheckedProof {
    /// The holder's key.
    pub(crate) key: PublicKey,
    /// The `nonce` claim.
    pub(crate) nonce: String,
}

/// Checks `jwt` as a key proof for the credential issuer `audience` at `now`.
pub(crate) fn check(
    jwt: &str,
    audience: &str,
    now: DateTime<Utc>,
) -> Result<CheckedProof, ProofError> {
    let jws = UnverifiedJws::parse(jwt.trim(), MAX_PROOF_LEN)
        .map_err(|e| ProofError::Jws(e.to_string()))?;
    if jws.header().typ.as_deref() != Some(TYP_PROOF) {
        return Err(ProofError::Typ);
    }
    let key = holder_key(jwt, jws.header().kid.as_deref())?;
    if !jws.verify_with(&key) {
        return Err(ProofError::Signature);
    }
    let payload: Value =
        credential_core::json::parse_strict(jws.payload()).map_err(|_| ProofError::Payload)?;
    let claims = payload.as_object().ok_or(ProofError::Payload)?;
    let aud_ok = match claims.get("aud") {
        Some(Value::String(a)) => a == audience,
        Some(Value::Array(list)) => list.iter().any(|a| a.as_str() == Some(audience)),
        _ => false,
    };
    if !aud_ok {
        return Err(ProofError::Audience(audience.to_owned()));
    }
    let iat = claims
        .get("iat")
        .and_then(Value::as_i64)
        .ok_or(ProofError::Iat)?;
    let now = now.timestamp();
    if iat < now - MAX_PROOF_AGE_SECS || iat > now + MAX_PROOF_SKEW_SECS {
        return Err(ProofError::Iat);
    }
    let nonce = claims
        .get("nonce")
        .and_then(Value::as_str)
        .filter(|n| !n.is_empty() && n.len() <= 256)
        .ok_or(ProofError::Nonce)?;
    Ok(CheckedProof {
        key,
        nonce: nonce.to_owned(),
    })
}

/// The key a proof names: a `jwk` header member (public members only), else a `kid` that
/// is a `did:key` or `did:jwk` DID URL.
fn holder_key(jwt: &str, kid: Option<&str>) -> Result<PublicKey, ProofError> {
    let header = jwt
        .split('.')
        .next()
        .and_then(|h| URL_SAFE_NO_PAD.decode(h).ok())
        .and_then(|bytes| serde_json::from_slice::<Value>(&bytes).ok())
        .ok_or_else(|| ProofError::Key("unreadable header".into()))?;
    if let Some(jwk) = header.get("jwk") {
        if jwk.get("d").is_some() {
            return Err(ProofError::Key("the jwk holds a private key".into()));
        }
        let member = |name: &str| jwk.get(name).and_then(Value::as_str).map(str::to_owned);
        let public = PublicJwk {
            kty: member("kty").unwrap_or_default(),
            crv: member("crv").unwrap_or_default(),
            x: member("x").unwrap_or_default(),
            y: member("y"),
            kid: None,
        };
        return PublicKey::from_jwk(&public).map_err(|e| ProofError::Key(e.to_string()));
    }
    match kid {
        Some(kid) if kid.starts_with("did:key:") || kid.starts_with("did:jwk:") => {
            PublicKey::from_did(kid).map_err(|e| ProofError::Key(e.to_string()))
        }
        _ => Err(ProofError::Key(
            "neither jwk nor a did:key/did:jwk kid".into(),
        )),
    }
}
