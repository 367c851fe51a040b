//! Trust bundles: one operator-signed document holding everything an offline verifier needs
//! — accredited issuers with their keys and scope, issuer-signed status lists, recognition
//! decisions — with a sequence number that only grows and a next-update time.
//!
//! Raw [`TrustBundle`] (serde) → [`TrustAnchor::verify_bundle`] → [`VerifiedBundle`], which
//! has no public constructor but the loudly named
//! [`VerifiedBundle::from_trusted_unchecked`]: holding one means the anchor's signature,
//! every status list's issuer signature and the bundle's structure were checked.
//!
//! Layout: `model` is the document; `anchor` opens a signed one; `verified` indexes it;
//! `builder` makes one; `decision` signs and checks recognition decisions; `error` says
//! why any of them was refused.

mod anchor;
mod builder;
mod decision;
mod error;
pub(crate) mod model;
mod verified;

#[cfg(test)]
mod tests;

pub use anchor::{bundle_digest, peek_unchecked, TrustAnchor};
pub use builder::{did_key_issuer, BundleBuilder};
pub use decision::{check_decision, check_opened_decision, open_decision, sign_decision};
pub use error::{BundleError, DecisionError};
pub use model::{
    Accreditation, AccreditationPeriod, AuthorityEntry, IssuerEntry, IssuerKey, IssuerStatus,
    PeriodRef, ScopeError, ScopeItem, SignedDecision, StatusChange, TrustBundle, BUNDLE_TYPE,
    MAX_BUNDLE_LEN, MAX_DECISION_JWS_LEN, MAX_STATUS_LIST_JWS_LEN, TYP_BUNDLE, TYP_DECISION,
    TYP_STATUS_LIST,
};
pub use verified::{KeyRef, VerifiedBundle};
