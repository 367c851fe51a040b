//! Check 8 in the direct-key profile: each `BitstringStatusListEntry` read from the status
//! list credential it names, when the caller can supply that list. The list is verified in
//! the same profile and must be signed by the credential's own issuer: anyone could publish
//! an all-clear list for someone else's credentials.

use std::collections::BTreeMap;

use serde::Deserialize as _;
use serde_json::Value;

use super::{has_type, shorten, DirectVerifier};
use crate::credential::format_time;
use crate::i18n::Msg;
use crate::report::Outcome;
use crate::status::{parse_status_list_credential, StatusEntry, StatusPurpose, ENTRY_TYPE};

/// Most status entries one credential may carry.
const MAX_ENTRIES: usize = 8;

/// Where a verifier finds a status list credential by the URL a status entry names
/// (`statusListCredential`): files the user gave, or lists the caller fetched.
pub trait StatusLists: Sync {
    /// The secured status list credential at `url` (a compact JWS or JSON text), if this
    /// source has it.
    fn get(&self, url: &str) -> Option<String>;
}

/// No status lists at all: a credential with status entries is `indeterminate`.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoStatusLists;

impl StatusLists for NoStatusLists {
    fn get(&self, _url: &str) -> Option<String> {
        None
    }
}

/// Lists by URL, as loaded from files.
impl StatusLists for BTreeMap<String, String> {
    fn get(&self, url: &str) -> Option<String> {
        BTreeMap::get(self, url).cloned()
    }
}

/// Check 8: every entry's bit in its list, the list signed by `issuer`.
pub(super) fn check(
    document: &Value,
    issuer: &str,
    verifier: &DirectVerifier<'_>,
) -> (Outcome, Msg) {
    let entries: Vec<&Value> = match document.get("credentialStatus") {
        None => return (Outcome::Pass, Msg::new("status-no-entry")),
        Some(Value::Array(items)) => items.iter().collect(),
        Some(one) => vec![one],
    };
    if entries.len() > MAX_ENTRIES {
        return (
            Outcome::Fail,
            Msg::new("status-entry-bad").arg(
                "reason",
                format!("{} status entries, at most {MAX_ENTRIES}", entries.len()),
            ),
        );
    }
    let mut undecided = None;
    for entry in entries {
        if !has_type(entry.get("type"), ENTRY_TYPE) {
            let kind = entry
                .get("type")
                .map(|t| shorten(&t.to_string()))
                .unwrap_or_default();
            undecided.get_or_insert(Msg::new("status-unsupported").arg("type", kind));
            continue;
        }
        let entry = match StatusEntry::deserialize(entry) {
            Ok(e) => e,
            Err(e) => {
                return (
                    Outcome::Fail,
                    Msg::new("status-entry-bad").arg("reason", e.to_string()),
                )
            }
        };
        match one(&entry, issuer, verifier) {
            (Outcome::Pass, _) => {}
            (Outcome::Fail, why) => return (Outcome::Fail, why),
            (_, why) => {
                undecided.get_or_insert(why);
            }
        }
    }
    match undecided {
        Some(why) => (Outcome::Indeterminate, why),
        None => (Outcome::Pass, Msg::new("status-ok-direct")),
    }
}

/// One entry against its list.
fn one(entry: &StatusEntry, issuer: &str, verifier: &DirectVerifier<'_>) -> (Outcome, Msg) {
    let url = &entry.status_list_credential;
    let list_name = shorten(url);
    let Some(text) = verifier.lists.get(url) else {
        return (
            Outcome::Indeterminate,
            Msg::new("status-list-unavailable").arg("list", list_name),
        );
    };
    // The list in the same profile; it has no status of its own to check.
    let nested = DirectVerifier::new(verifier.now, &super::NoStatusLists);
    let report = nested.verify_text(&text);
    let Some(verified) = report.verified() else {
        return (
            Outcome::Indeterminate,
            Msg::new("status-list-unverified")
                .arg("list", list_name)
                .arg("reason", report.failed().join(", ")),
        );
    };
    if verified.issuer() != issuer {
        return (
            Outcome::Fail,
            Msg::new("status-list-other-issuer").arg("list", list_name),
        );
    }
    let list = match parse_status_list_credential(verified.document()) {
        Ok(l) => l,
        Err(e) => {
            return (
                Outcome::Indeterminate,
                Msg::new("status-list-unverified")
                    .arg("list", list_name)
                    .arg("reason", e.to_string()),
            )
        }
    };
    if let Some(until) = list.valid_until.filter(|&u| verifier.now >= u) {
        return (
            Outcome::Indeterminate,
            Msg::new("status-list-outdated")
                .arg("list", list_name)
                .arg("until", format_time(until)),
        );
    }
    match list.status_of(entry) {
        Ok(false) => (Outcome::Pass, Msg::new("status-ok-direct")),
        Ok(true) => {
            let id = match entry.status_purpose {
                StatusPurpose::Revocation => "status-revoked",
                StatusPurpose::Suspension => "status-suspended",
            };
            (Outcome::Fail, Msg::new(id).arg("list", list_name))
        }
        Err(e) => (
            Outcome::Fail,
            Msg::new("status-entry-bad").arg("reason", e.to_string()),
        ),
    }
}
