use super::{StatusPurpose, MAX_ENCODED_LEN, MAX_ENTRIES, MIN_ENTRIES};

/// Why a status list operation failed.
///
/// [`StatusError::spec_error_code`] gives the error name the Bitstring Status List and
/// VC 2.0 specifications use, for reporting to other implementations.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StatusError {
    /// The index is not inside the list (`RANGE_ERROR`).
    #[error("status list index {index} is outside the list, which has {len} entries")]
    IndexOutOfRange {
        /// The index asked for.
        index: usize,
        /// The number of entries in the list.
        len: usize,
    },
    /// The index is larger than any list this implementation accepts (`RANGE_ERROR`).
    #[error(
        "status list index {value} is beyond the largest status list accepted ({MAX_ENTRIES} entries)"
    )]
    IndexTooLarge {
        /// The index as written (shortened if very long).
        value: String,
    },
    /// The list has fewer entries than the spec minimum (`STATUS_LIST_LENGTH_ERROR`).
    #[error("status list has {entries} entries, fewer than the {MIN_ENTRIES} required so that a list hides who is being checked")]
    ListTooShort {
        /// The number of entries found.
        entries: usize,
    },
    /// The list has more entries than this implementation accepts
    /// (`STATUS_LIST_LENGTH_ERROR`).
    #[error("status list has more than the {MAX_ENTRIES} entries accepted")]
    ListTooLong,
    /// A list size that is not a whole number of bytes (`STATUS_LIST_LENGTH_ERROR`).
    #[error("status list size {entries} is not a multiple of 8 entries")]
    LengthNotByteAligned {
        /// The size asked for.
        entries: usize,
    },
    /// `encodedList` lacks the multibase base64url prefix `u` (`MALFORMED_VALUE_ERROR`).
    #[error("encoded status list does not start with the multibase prefix 'u' (base64url)")]
    MissingMultibasePrefix,
    /// `encodedList` is longer than any list this implementation accepts
    /// (`MALFORMED_VALUE_ERROR`).
    #[error(
        "encoded status list is {len} characters long; at most {MAX_ENCODED_LEN} are accepted"
    )]
    EncodedListTooLong {
        /// The length found.
        len: usize,
    },
    /// `encodedList` is not base64url (`MALFORMED_VALUE_ERROR`).
    #[error("encoded status list is not valid base64url")]
    InvalidBase64,
    /// `encodedList` does not hold valid gzip data (`MALFORMED_VALUE_ERROR`).
    #[error("encoded status list is not valid gzip data: {0}")]
    InvalidGzip(String),
    /// `statusListIndex` is not a base-10 whole number (`MALFORMED_VALUE_ERROR`).
    #[error("status list index {value:?} is not a base-10 whole number: {reason}")]
    InvalidIndex {
        /// The index as written (shortened if very long).
        value: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A `statusPurpose` other than `revocation` or `suspension`
    /// (`STATUS_VERIFICATION_ERROR`).
    #[error("status purpose {0:?} is not supported; only \"revocation\" and \"suspension\" are")]
    UnsupportedPurpose(String),
    /// A `statusSize` other than 1 (`STATUS_VERIFICATION_ERROR`).
    #[error("status size {0} is not supported; only single-bit statuses are")]
    UnsupportedStatusSize(String),
    /// A `credentialStatus` whose `type` is not `BitstringStatusListEntry`
    /// (`MALFORMED_VALUE_ERROR`).
    #[error("credential status type is {0:?}, not \"BitstringStatusListEntry\"")]
    WrongEntryType(String),
    /// The credential's `type` does not include `BitstringStatusListCredential`
    /// (`STATUS_VERIFICATION_ERROR`).
    #[error("credential is not a status list: its type must include VerifiableCredential and BitstringStatusListCredential")]
    WrongCredentialType,
    /// The credential subject's `type` is not `BitstringStatusList`
    /// (`STATUS_VERIFICATION_ERROR`).
    #[error("status list credential's subject is not of type BitstringStatusList")]
    WrongSubjectType,
    /// A required property is missing or has the wrong form (`MALFORMED_VALUE_ERROR`).
    #[error("status list credential property {field} is missing or invalid: {reason}")]
    InvalidField {
        /// The JSON property.
        field: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The entry and the list are for different purposes (`STATUS_VERIFICATION_ERROR`).
    #[error("the credential's status entry is for {entry}, but the status list is for {list}")]
    PurposeMismatch {
        /// The purpose in the credential's entry.
        entry: StatusPurpose,
        /// The purpose of the list.
        list: StatusPurpose,
    },
    /// The entry points at another list than the one given (`STATUS_VERIFICATION_ERROR`).
    #[error("the credential's status entry points to {entry:?}, but this status list is {list:?}")]
    ListMismatch {
        /// `statusListCredential` in the entry (shortened if very long).
        entry: String,
        /// `id` of the status list credential (shortened if very long).
        list: String,
    },
    /// The issuer's list has reached its allocation limit.
    #[error("status list is full: {allocated} indexes are allocated and the limit is {limit}, so that new indexes stay random; start a new list")]
    ListFull {
        /// Indexes allocated so far.
        allocated: usize,
        /// The most indexes this list hands out.
        limit: usize,
    },
    /// The index was already given to a credential.
    #[error("status list index {0} is already allocated")]
    IndexAlreadyAllocated(usize),
    /// The index was never given to a credential, so setting its status is a mistake.
    #[error("status list index {0} was never allocated")]
    IndexNotAllocated(usize),
    /// A saved issuer list contradicts itself.
    #[error("saved status list is inconsistent: {0}")]
    InconsistentState(&'static str),
}

impl StatusError {
    /// The error name the specifications use for this failure, or `None` for issuer-side
    /// bookkeeping errors that the specifications do not cover.
    ///
    /// `STATUS_LIST_LENGTH_ERROR` and `STATUS_VERIFICATION_ERROR` come from Bitstring
    /// Status List §3.5; `RANGE_ERROR` and `MALFORMED_VALUE_ERROR` from VC Data Model 2.0.
    pub fn spec_error_code(&self) -> Option<&'static str> {
        match self {
            Self::IndexOutOfRange { .. } | Self::IndexTooLarge { .. } => Some("RANGE_ERROR"),
            Self::ListTooShort { .. } | Self::ListTooLong | Self::LengthNotByteAligned { .. } => {
                Some("STATUS_LIST_LENGTH_ERROR")
            }
            Self::MissingMultibasePrefix
            | Self::EncodedListTooLong { .. }
            | Self::InvalidBase64
            | Self::InvalidGzip(_)
            | Self::InvalidIndex { .. }
            | Self::WrongEntryType(_)
            | Self::InvalidField { .. } => Some("MALFORMED_VALUE_ERROR"),
            Self::UnsupportedPurpose(_)
            | Self::UnsupportedStatusSize(_)
            | Self::WrongCredentialType
            | Self::WrongSubjectType
            | Self::PurposeMismatch { .. }
            | Self::ListMismatch { .. } => Some("STATUS_VERIFICATION_ERROR"),
            Self::ListFull { .. }
            | Self::IndexAlreadyAllocated(_)
            | Self::IndexNotAllocated(_)
            | Self::InconsistentState(_) => None,
        }
    }
}
