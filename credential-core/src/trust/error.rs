//! Why a trust bundle, a status list inside it, a recognition decision or an accreditation
//! scope was refused. Every refusal has its own variant; the messages are what verifiers
//! and operators read, so they stay word for word.

use super::model::{BUNDLE_TYPE, TYP_BUNDLE, TYP_DECISION};
use crate::equivalence::EquivalenceError;
use crate::json::JsonError;
use crate::jws::JwsError;
use crate::keys::KeyError;
use crate::status::StatusError;

/// Why a bundle was refused (or could not be built).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BundleError {
    /// Not a well-formed JWS, or a refused algorithm.
    #[error("bundle: {0}")]
    Jws(#[from] JwsError),
    /// Not signed by the pinned trust anchor.
    #[error(
        "bundle is not signed by the pinned trust anchor {pinned}{}",
        match signer {
            Some(s) => format!(
                "; it is signed by {s}: check that --anchor is your operator's key, or get \
                 the bundle from the operator you pinned"
            ),
            None => "; nor by the key its header names: the file is damaged or forged".into(),
        }
    )]
    NotSignedByAnchor {
        /// The anchor the verifier pinned.
        pinned: String,
        /// The key that did sign it, when the header names one whose signature verifies.
        signer: Option<String>,
    },
    /// The header's `typ` is not a bundle's.
    #[error("bundle content: typ must be {TYP_BUNDLE}")]
    Typ,
    /// The payload is not strict JSON.
    #[error("bundle content: {0}")]
    Json(JsonError),
    /// The payload is not a bundle document (a missing or unknown member).
    #[error("bundle content: {0}")]
    Model(serde_json::Error),
    /// Another document type or format version.
    #[error("bundle content: not a version 1 {BUNDLE_TYPE}")]
    Version,
    /// The `anchor` member is not the key that signed.
    #[error("bundle content: the bundle names another anchor than the one that signed it")]
    AnchorMismatch,
    /// `nextUpdate` is not after `issuedAt`.
    #[error("bundle content: nextUpdate is not after issuedAt")]
    Dates,
    /// Two issuer entries with one DID.
    #[error("bundle content: issuer {0} listed twice")]
    IssuerTwice(String),
    /// A key whose `id` is not the did:key URL of its own JWK.
    #[error("bundle content: key id {0} is not the did:key URL of its JWK")]
    KeyIdMismatch(String),
    /// Two keys with one `id`.
    #[error("bundle content: key {0} listed twice")]
    KeyTwice(String),
    /// Two status lists with one `id`.
    #[error("bundle content: status list {0} listed twice")]
    StatusListTwice(String),
    /// A status list whose header names no `kid`.
    #[error("bundle content: status list without kid")]
    StatusListNoKid,
    /// A status list signed by a key of no issuer in the bundle.
    #[error("bundle content: status list signed by unknown key {0}")]
    StatusListUnknownKey(String),
    /// A status list whose signature does not verify with the key its `kid` names.
    #[error("bundle content: status list signature by {0} does not verify")]
    StatusListSignature(String),
    /// A status list payload that is not strict JSON.
    #[error("bundle content: {0}")]
    StatusListJson(JsonError),
    /// A status list payload that is not a Bitstring Status List credential.
    #[error("bundle content: {0}")]
    StatusList(StatusError),
    /// A status list signed by one issuer naming another.
    #[error("bundle content: status list {list} names issuer {named} but is signed by {signer}")]
    StatusListIssuer {
        /// The list's `id`.
        list: String,
        /// The issuer the list names.
        named: String,
        /// The issuer whose key signed it.
        signer: String,
    },
    /// A decision signed by a key other than its `authority`'s.
    #[error("bundle content: the decision's authority is not the signing key's DID")]
    DecisionAuthority,
    /// A document that could not be serialized for signing.
    #[error("bundle content: {0}")]
    Serialize(serde_json::Error),
    /// Older than one already seen.
    #[error("bundle sequence {got} is older than sequence {seen} already seen (rollback refused)")]
    Rollback {
        /// This bundle's sequence.
        got: u64,
        /// The newest sequence seen.
        seen: u64,
    },
    /// A different bundle with a sequence already seen.
    #[error(
        "bundle sequence {sequence} was already seen as {seen}, but this bundle is {got}: \
         two different bundles with one sequence are evidence of a misbehaving operator \
         (keep both files and report it); refused"
    )]
    Equivocation {
        /// The sequence both bundles carry.
        sequence: u64,
        /// Digest of the bundle seen first.
        seen: String,
        /// Digest of this bundle.
        got: String,
    },
    /// A key in the bundle is invalid.
    #[error("bundle key: {0}")]
    Key(#[from] KeyError),
}

/// Why a recognition decision is not trusted: the reason a verifier shows next to an
/// ignored decision, and the registry's reason to refuse one.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DecisionError {
    /// Not a compact EdDSA JWS within the size limit.
    #[error("decision: {0}")]
    Jws(JwsError),
    /// The header's `typ` is not a decision's.
    #[error("decision: typ must be {TYP_DECISION}")]
    Typ,
    /// The header names no `kid`.
    #[error("decision without kid")]
    NoKid,
    /// The `kid` is not the did:key URL of an Ed25519 key.
    #[error("decision kid: {0}")]
    Kid(KeyError),
    /// The signature does not verify with the `kid`'s key. `id` is what the unverified
    /// payload claims, to name the decision for the person reading.
    #[error("decision{}: signature does not verify", id.as_deref().map(|i| format!(" {i}")).unwrap_or_default())]
    Signature {
        /// The id the payload claims, if it could be read.
        id: Option<String>,
    },
    /// The payload is not strict JSON.
    #[error("decision: {0}")]
    Json(JsonError),
    /// The payload is not a recognition decision.
    #[error("decision: {0}")]
    Model(serde_json::Error),
    /// The decision contradicts the shipped framework data or itself.
    #[error("decision {id}: {error}")]
    Invalid {
        /// The decision's id.
        id: String,
        /// What is wrong.
        error: EquivalenceError,
    },
    /// Signed by a key that is not a registered recognition authority.
    #[error("decision {id}: signed by {did}, which is not a registered recognition authority")]
    NotAnAuthority {
        /// The decision's id.
        id: String,
        /// The signer.
        did: String,
    },
    /// The decision names another authority than the one that signed it.
    #[error("decision {id}: names authority {named} but is signed by {did}")]
    OtherAuthority {
        /// The decision's id.
        id: String,
        /// The authority it names.
        named: String,
        /// The signer.
        did: String,
    },
    /// The authority decides for another country than the decision's destination.
    #[error("decision {id}: {authority} decides for {country}, not for {destination}")]
    OutsideJurisdiction {
        /// The decision's id.
        id: String,
        /// The authority's registered name.
        authority: String,
        /// The authority's country.
        country: String,
        /// The decision's destination country.
        destination: String,
    },
}
