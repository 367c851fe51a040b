//! Revocation and suspension with the W3C Bitstring Status List v1.0.
//!
//! An issuer keeps one [`IssuerStatusList`] per purpose, hands each credential a
//! randomly chosen index in it (a [`StatusEntry`] inside the credential), and publishes
//! the list as a signed credential built by [`status_list_credential`]. A verifier
//! parses that credential with [`parse_status_list_credential`] after checking its
//! signature and reads the credential's bit with [`ParsedStatusList::status_of`].
//!
//! Only single-bit statuses with the purposes `revocation` and `suspension` are
//! supported; `refresh`, `message` and `statusSize` > 1 are rejected rather than
//! misread.

mod bitstring;
mod credential;
mod entry;
mod error;
mod issuer;
mod update;

#[cfg(test)]
mod tests;

pub use bitstring::{Bitstring, MAX_ENCODED_LEN, MAX_ENTRIES, MIN_ENTRIES};
pub use credential::{parse_status_list_credential, status_list_credential, ParsedStatusList};
pub use entry::{StatusEntry, StatusPurpose, MAX_INDEX_DIGITS};
pub use error::StatusError;
pub use issuer::IssuerStatusList;
pub use update::{check_list_update, check_published_list, ListPolicyError, LIST_CLOCK_SKEW_SECS};

/// The VC 2.0 base context, which also defines the Bitstring Status List terms.
pub const VC_V2_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";
/// `type` of the `credentialStatus` entry in a credential.
pub const ENTRY_TYPE: &str = "BitstringStatusListEntry";
/// `type` (besides `VerifiableCredential`) of a status list credential.
pub const LIST_CREDENTIAL_TYPE: &str = "BitstringStatusListCredential";
/// `type` of a status list credential's `credentialSubject`.
pub const LIST_SUBJECT_TYPE: &str = "BitstringStatusList";

/// Shortens untrusted input before it goes into an error message, so that a hostile
/// multi-megabyte value cannot bloat logs or responses.
pub(crate) fn excerpt(s: &str) -> String {
    const LIMIT: usize = 48;
    match s.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{}…", s.get(..cut).unwrap_or_default()),
        None => s.to_owned(),
    }
}
