//! What can be wrong with a credential document or a request to issue one.

use super::violation::SchemaError;
use crate::equivalence::EquivalenceError;
use crate::jsonld::ContextError;
use crate::jws::MAX_JWS_LEN;

/// What can be wrong with a credential document or an issuing request.
///
/// Messages name places and rules, never the values of the document (they may be personal
/// data); a caller that knows where a value came from (a CSV cell the clerk typed) may add it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CredentialError {
    /// The VC envelope, or the claims it is built from, is missing or malformed.
    #[error(transparent)]
    Structure(#[from] Structure),
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

/// What is wrong with the shape of a credential document or of the claims it is built
/// from. The messages name members, never values.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Structure {
    /// The claims file is not a JSON object.
    #[error("claims must be a JSON object")]
    ClaimsNotObject,
    /// The claims' `type` list names neither Skillpass credential type.
    #[error("claims `type` names no Skillpass credential type")]
    ClaimsNoKind,
    /// The claims have no usable `type`.
    #[error("claims need a `type`: QualificationCredential or SkillCredential")]
    ClaimsNoType,
    /// The claims have no `credentialSubject` object.
    #[error("claims need a `credentialSubject` object")]
    ClaimsNoSubject,
    /// A claims member Skillpass neither carries into the credential nor reads.
    #[error(
        "claims member `{member}` is refused: {why}. A claims file may hold @context, id, \
         type, name, description, validFrom, validUntil, credentialSubject, evidence and \
         termsOfUse"
    )]
    ClaimsMember {
        /// The member's name, as the claims file spells it (cut if very long).
        member: String,
        /// Why it cannot be taken from claims.
        why: &'static str,
    },
    /// A claims `type` entry that is neither `VerifiableCredential` nor the one Skillpass
    /// credential type (the credential carries exactly these two).
    #[error(
        "claims `type` entry {0:?} is refused: a Skillpass credential's type is \
         VerifiableCredential and one of QualificationCredential or SkillCredential"
    )]
    ClaimsType(String),
    /// The claims' `@context` is neither a URL nor a list.
    #[error("claims `@context` must be a context URL or a list of them")]
    ClaimsContext,
    /// The claims' `id` is not a `urn:uuid:` URN.
    #[error(
        "claims `id` must be a urn:uuid: URN (urn:uuid:<uuid>), the form of a Skillpass \
         credential id; leave it out for a new one"
    )]
    ClaimsId,
    /// `evidence` or `termsOfUse` that is not an object or list of objects with a `type`.
    #[error(
        "claims `{0}` must be an object, or a list of 1 to 20 objects, each with a `type` \
         (VC 2.0)"
    )]
    ClaimsEntries(&'static str),
    /// `evidence` or `termsOfUse` uses a term no shipped context defines.
    #[error("claims `evidence`/`termsOfUse`: {0}")]
    JsonLd(crate::jsonld::JsonLdError),
    /// The document could not be serialized.
    #[error("{0}")]
    Serialize(serde_json::Error),
    /// The signed payload would not fit the credential size limit.
    #[error("the credential is {0} bytes, too large for the {MAX_JWS_LEN}-byte credential limit")]
    TooLarge(usize),
    /// The payload is JSON but not an object.
    #[error("the payload is not a JSON object")]
    NotAnObject,
    /// `@context` does not start with the VC 2.0 context, or names a context this
    /// verifier does not know, or one that was altered.
    #[error(transparent)]
    Context(#[from] ContextError),
    /// JWT-VC 1.1 style `vc`/`vp` claims, which VC-JOSE-COSE forbids.
    #[error("JWT claims `vc`/`vp` must not be present (VC-JOSE-COSE)")]
    JwtClaims,
    /// `type` is not an array.
    #[error("`type` must be an array")]
    TypeNotArray,
    /// `type` lacks `VerifiableCredential`.
    #[error("`type` must include VerifiableCredential")]
    NotVerifiableCredential,
    /// `type` names neither Skillpass credential type.
    #[error("`type` names no Skillpass credential type")]
    NoKind,
    /// `type` names both.
    #[error("`type` names more than one credential type")]
    ManyKinds,
    /// A required member is absent (or of the wrong JSON type).
    #[error("`{0}` is missing")]
    Missing(&'static str),
    /// A date-time member that is not RFC 3339.
    #[error("`{0}` is not an RFC 3339 date-time")]
    NotDateTime(&'static str),
    /// A date-time member that is not a string.
    #[error("`{0}` must be a string")]
    NotString(&'static str),
    /// `credentialSubject` is not an object.
    #[error("`credentialSubject` must be an object")]
    SubjectNotObject,
    /// `credentialStatus` is neither an object nor an array.
    #[error("`credentialStatus` must be an object or an array")]
    StatusShape,
    /// A `credentialStatus` entry that is not a Bitstring Status List entry.
    #[error("`credentialStatus`: {0}")]
    StatusEntry(serde_json::Error),
    /// The shipped framework data could not be loaded to check levels.
    #[error("{0}")]
    Catalog(EquivalenceError),
}
