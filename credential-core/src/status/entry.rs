use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::{excerpt, StatusError, ENTRY_TYPE, MAX_ENTRIES};

/// The most digits a `statusListIndex` may have: enough for any `u64`. Longer strings
/// are refused before parsing so that absurd values cost nothing.
pub const MAX_INDEX_DIGITS: usize = 20;

/// What a set bit means. The spec's other purposes (`refresh`, `message`) are not
/// supported and are rejected when parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatusPurpose {
    /// A set bit means the credential is revoked, permanently.
    Revocation,
    /// A set bit means the credential is suspended, which can be undone.
    Suspension,
}

impl StatusPurpose {
    /// The spec's name for the purpose.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Revocation => "revocation",
            Self::Suspension => "suspension",
        }
    }
}

impl fmt::Display for StatusPurpose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for StatusPurpose {
    type Err = StatusError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "revocation" => Ok(Self::Revocation),
            "suspension" => Ok(Self::Suspension),
            other => Err(StatusError::UnsupportedPurpose(excerpt(other))),
        }
    }
}

/// The `credentialStatus` entry of a credential (`type` = `BitstringStatusListEntry`).
///
/// Deserializing checks the `type`, the purpose and the index syntax, and refuses a
/// `statusSize` other than 1; other properties (such as `statusMessage`) are ignored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "EntryWire", into = "EntryWire")]
pub struct StatusEntry {
    /// Optional identifier of the entry, conventionally `<list URL>#<index>`.
    pub id: Option<String>,
    /// What a set bit means.
    pub status_purpose: StatusPurpose,
    /// The index in the list as a base-10 string, as the spec requires; read it with
    /// [`StatusEntry::index`].
    pub status_list_index: String,
    /// URL of the status list credential.
    pub status_list_credential: String,
}

impl StatusEntry {
    /// An entry for `index` in the list credential at `list_credential`, with the
    /// conventional id `<list_credential>#<index>`.
    pub fn new(purpose: StatusPurpose, index: usize, list_credential: &str) -> Self {
        Self {
            id: Some(format!("{list_credential}#{index}")),
            status_purpose: purpose,
            status_list_index: index.to_string(),
            status_list_credential: list_credential.to_owned(),
        }
    }

    /// The index as a number.
    ///
    /// Only ASCII digits are accepted: no sign, no spaces, nothing else.
    ///
    /// # Errors
    /// [`StatusError::InvalidIndex`] if not a base-10 whole number;
    /// [`StatusError::IndexTooLarge`] if it is [`MAX_ENTRIES`] or more, which no list
    /// this implementation accepts could contain.
    pub fn index(&self) -> Result<usize, StatusError> {
        parse_index(&self.status_list_index)
    }
}

fn parse_index(s: &str) -> Result<usize, StatusError> {
    let invalid = |reason| StatusError::InvalidIndex {
        value: excerpt(s),
        reason,
    };
    if s.is_empty() {
        return Err(invalid("it is empty"));
    }
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid("only the digits 0-9 are allowed"));
    }
    let too_large = || StatusError::IndexTooLarge { value: excerpt(s) };
    if s.len() > MAX_INDEX_DIGITS {
        return Err(too_large());
    }
    let value: u64 = s.parse().map_err(|_| too_large())?;
    match usize::try_from(value) {
        Ok(index) if index < MAX_ENTRIES => Ok(index),
        _ => Err(too_large()),
    }
}

/// The JSON form, kept apart so that the public struct needs no `type` field that could
/// be set wrong.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct EntryWire {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(rename = "type")]
    kind: String,
    status_purpose: String,
    status_list_index: String,
    status_list_credential: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    status_size: Option<serde_json::Value>,
}

impl TryFrom<EntryWire> for StatusEntry {
    type Error = StatusError;

    fn try_from(wire: EntryWire) -> Result<Self, Self::Error> {
        if wire.kind != ENTRY_TYPE {
            return Err(StatusError::WrongEntryType(excerpt(&wire.kind)));
        }
        if let Some(size) = wire.status_size {
            if size != serde_json::json!(1) {
                return Err(StatusError::UnsupportedStatusSize(excerpt(
                    &size.to_string(),
                )));
            }
        }
        parse_index(&wire.status_list_index)?;
        Ok(Self {
            id: wire.id,
            status_purpose: wire.status_purpose.parse()?,
            status_list_index: wire.status_list_index,
            status_list_credential: wire.status_list_credential,
        })
    }
}

impl From<StatusEntry> for EntryWire {
    fn from(entry: StatusEntry) -> Self {
        Self {
            id: entry.id,
            kind: ENTRY_TYPE.to_owned(),
            status_purpose: entry.status_purpose.as_str().to_owned(),
            status_list_index: entry.status_list_index,
            status_list_credential: entry.status_list_credential,
            status_size: None,
        }
    }
}
