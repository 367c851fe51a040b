//! A key rotation's new key and its proof of possession: a JWS by the new key, `typ`
//! `skillpass-key-proof+jwt`, payload `{"issuer": DID}`, so no one can claim another
//! party's key as theirs (checked by core's `verify_key_proof`).

use credential_core::request::{verify_key_proof, KeyProofError};
use credential_core::{KeyError, PublicKey};

use crate::error::{AppError, ErrorCode};

/// Why a rotation's key or proof was refused.
#[derive(Debug, thiserror::Error)]
enum Refusal {
    /// The new key is not a `did:key` (422 `invalid_key`).
    #[error(transparent)]
    Key(#[from] KeyError),
    /// The proof does not show the new key's holder rotating this issuer (422
    /// `invalid_key_proof`).
    #[error(transparent)]
    Proof(#[from] KeyProofError),
}

impl From<Refusal> for AppError {
    fn from(e: Refusal) -> Self {
        let code = match e {
            Refusal::Key(_) => ErrorCode::InvalidKey,
            Refusal::Proof(_) => ErrorCode::InvalidKeyProof,
        };
        AppError::said_detail(code, "reg-key-refused", e.to_string())
    }
}

/// The new key `new_key` (a `did:key`), once `proof` shows its holder rotates `issuer`'s key.
pub(crate) fn open_rotation(
    new_key: &str,
    proof: &str,
    issuer: &str,
) -> Result<PublicKey, AppError> {
    let key = PublicKey::from_did(new_key).map_err(Refusal::from)?;
    verify_key_proof(proof, &key, issuer).map_err(Refusal::from)?;
    Ok(key)
}
