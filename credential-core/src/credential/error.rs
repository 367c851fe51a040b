//! What can be wrong with a credential document or a request to issue one.

use super::violation::SchemaError;

/// What can be wrong with a credential document or an issuing request.
///
/// Messages name places and rules, never the values of the document (they may be personal
/// data); a caller that knows where a value came from (a CSV cell the clerk typed) may add it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CredentialError {
    /// The VC envelope is missing or malformed.
    #[error("{0}")]
    Structure(String),
    /// A `type` that is neither Skillpass credential type.
    #[error("unknown credential type {0:?} (QualificationCredential or SkillCredential)")]
    UnknownKind(String),
    /// The document breaks its JSON Schema. (Not a `source`: the message already holds it,
    /// and a chain would print it twice.)
    #[error("schema: {0}")]
    Schema(SchemaError),
    /// A framework level id that is not in the shipped framework data.
    #[error("unknown framework level {level:?}{}", did_you_mean(.suggestion.as_deref()))]
    UnknownLevel {
        /// The level as written.
        level: String,
        /// The known level it most likely means (`PQF-6` for `PQF6`).
        suggestion: Option<String>,
    },
    /// The holder (`credentialSubject.id`) is not a DID a Skillpass holder can have.
    #[error("holder: {0}")]
    Holder(String),
    /// `validUntil` is not after `validFrom`.
    #[error("validUntil is not after validFrom: the credential would never be valid")]
    EndsBeforeStart,
    /// `validUntil` is already past at issuance.
    #[error("validUntil is already past: the credential would be expired when issued")]
    AlreadyExpired,
    /// A date of the claims (award, assessment, birth) lies after the day of issuance.
    #[error("{pointer}: the {what} is in the future (after the day of issuance)")]
    DateInFuture {
        /// JSON pointer of the date.
        pointer: String,
        /// What the date is: `award date`, `assessment date`, `birth date`.
        what: &'static str,
    },
}

impl From<SchemaError> for CredentialError {
    fn from(e: SchemaError) -> Self {
        Self::Schema(e)
    }
}

fn did_you_mean(suggestion: Option<&str>) -> String {
    match suggestion {
        Some(s) => format!(" \u{2014} did you mean {s}?"),
        None => " (the known levels: skillpass equivalence frameworks)".to_owned(),
    }
}

pub(super) fn structure(msg: impl Into<String>) -> CredentialError {
    CredentialError::Structure(msg.into())
}
