//! The credential model: W3C VC 2.0 documents of type `QualificationCredential` or
//! `SkillCredential`, building them from an issuer's claims, and reading the envelope of an
//! untrusted one.
//!
//! Reading goes raw JSON → [`CheckedCredential`] (structure only, no cryptography) →
//! [`VerifiedCredential`](crate::VerifiedCredential), which only the verifier can build.
//!
//! Layout: `vocab` holds the context and `typ`; `kind` names the two kinds and their dates; `build` makes and signs a document;
//! `checked` reads an untrusted one's envelope; `schema` holds the JSON Schemas and
//! `violation` what breaking one looks like; `error` is every refusal.

mod build;
mod checked;
mod error;
mod kind;
pub mod schema;
mod violation;
mod vocab;

#[cfg(test)]
mod tests;

pub use build::{build_document, check_holder_did, sign_document, IssueOptions};
pub(crate) use checked::check_vc2_envelope;
pub use checked::{skill_headline, skill_headline_in, CheckedCredential};
pub use error::{CredentialError, Structure};
pub use kind::{format_time, parse_time, CredentialKind};
pub use violation::{SchemaError, Violation};
pub use vocab::{SKILLPASS_CONTEXT_V1, TYP_VC, VC_CONTEXT_V2};
