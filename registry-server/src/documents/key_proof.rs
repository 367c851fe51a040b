//! A key rotation's new key and its proof of possession: a JWS by the new key, `typ`
//! `skillpass-key-proof+jwt`, payload `{"issuer": DID}`, so no one can claim another
//! party's key as theirs.

use credential_core::jws::{JwsError, UnverifiedJws};
use credential_core::request::TYP_KEY_PROOF;
use credential_core::{KeyError, PublicKey};
use serde::Deserialize;

use crate::bounds::MAX_PROOF;
use crate::error::{AppError, ErrorCode};

/// Why a rotation's key or proof was refused.
#[derive(Debug, thiserror::Error)]
enum Refusal {
    /// The new key is not a `did:key` (422 `invalid_key`).
    #[error(transparent)]
    Key(#[from] KeyError),
    #[error(transparent)]
    Jws(#[from] JwsError),
    #[error("the proof's typ must be skillpass-key-proof+jwt")]
    Typ,
    #[error("the proof is not signed by the new key")]
    Signature,
    #[error("the proof's payload must be {{\"issuer\": DID}}")]
    Payload,
    #[error("the proof names another issuer")]
    OtherIssuer,
}

impl From<Refusal> for AppError {
    fn from(e: Refusal) -> Self {
        let code = match e {
            Refusal::Key(_) => ErrorCode::InvalidKey,
            _ => ErrorCode::InvalidKeyProof,
        };
        AppError::new(code, e.to_string())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Proof {
    issuer: String,
}

/// The new key `new_key` (a `did:key`), once `proof` shows its holder rotates `issuer`'s key.
pub(crate) fn open_rotation(
    new_key: &str,
    proof: &str,
    issuer: &str,
) -> Result<PublicKey, AppError> {
    let key = PublicKey::from_did(new_key).map_err(Refusal::from)?;
    let parsed = UnverifiedJws::parse(proof, MAX_PROOF).map_err(Refusal::from)?;
    if parsed.header().typ.as_deref() != Some(TYP_KEY_PROOF) {
        return Err(Refusal::Typ.into());
    }
    if !parsed.verify_with(&key) {
        return Err(Refusal::Signature.into());
    }
    let payload: Proof = serde_json::from_slice(parsed.payload()).map_err(|_| Refusal::Payload)?;
    if payload.issuer != issuer {
        return Err(Refusal::OtherIssuer.into());
    }
    Ok(key)
}
