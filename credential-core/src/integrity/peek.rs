//! Reading a credential in either securing without verifying it, for the places that file
//! or act on a credential before (or instead of) a verification: an issuer changing its
//! own credential's status, a registry storing what a verifier will check. Never a trust
//! decision.

use serde_json::Value;

use super::MAX_DI_CREDENTIAL_LEN;
use crate::credential::{CheckedCredential, CredentialError};
use crate::jws::JwsError;
use crate::signed::{peek_json, CredentialJwt, PeekError};
use crate::verify::is_data_integrity;

/// The document of `text`, **unverified**: a compact JWS's payload, or a Data Integrity
/// credential's JSON without its `proof`; strict JSON within the credential size limit.
pub fn peek_credential_json(text: &str) -> Result<Value, PeekError<CredentialError>> {
    let text = text.trim();
    if !is_data_integrity(text) {
        return peek_json::<CredentialJwt>(text);
    }
    if text.len() > MAX_DI_CREDENTIAL_LEN {
        return Err(PeekError::Jws(JwsError::TooLarge {
            len: text.len(),
            max: MAX_DI_CREDENTIAL_LEN,
        }));
    }
    let mut doc = crate::json::parse_strict(text.as_bytes()).map_err(PeekError::Json)?;
    if let Some(object) = doc.as_object_mut() {
        object.remove("proof");
    }
    Ok(doc)
}

/// The envelope of a credential in either securing, **unverified** (see
/// [`peek_credential_json`]).
pub fn peek_credential(text: &str) -> Result<CheckedCredential, PeekError<CredentialError>> {
    let doc = peek_credential_json(text)?;
    CheckedCredential::from_value(&doc).map_err(PeekError::Decode)
}
