//! Whom an enclosed credential is issued to, read before it is verified.

use crate::credential::CredentialError;
use crate::signed::{peek_unverified, CredentialJwt, PeekError};

/// Why an enclosed credential cannot be read (before any verification).
pub type CredentialReadError = PeekError<CredentialError>;

/// The `credentialSubject.id` of a compact `vc+jwt`, read without checking its signature
/// (the credential's own verification does that).
pub(crate) fn subject_of(compact: &str) -> Result<Option<String>, CredentialReadError> {
    Ok(peek_unverified::<CredentialJwt>(compact)?.subject_id)
}
