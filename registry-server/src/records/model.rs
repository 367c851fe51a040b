//! What the registry stores, as JSON records in the store's trees, and their public views.
//! The trees and keys they are filed under are in `keys.rs`; reading them is `Records`'s.

use chrono::{DateTime, Utc};
use credential_core::equivalence::RecognitionDecision;
use credential_core::trust::{
    Accreditation, AuthorityEntry, IssuerKey, IssuerStatus, StatusChange,
};
use credential_core::IssuerEntry;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// Where an issuer is in the registry's process (its standing at a moment is [`Standing`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum IssuerState {
    /// Registered, waiting for the operator.
    Pending,
    /// Accredited at some point (its standing is in `statusHistory`).
    Accredited,
}

/// An issuer's standing at a moment, from its accreditation and status history.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum Standing {
    /// Not accredited yet, or accredited from a later date.
    Pending,
    /// Accredited and in force: the only standing that may publish.
    Active,
    /// Suspended from an effective date; the operator may reinstate it.
    Suspended,
    /// Withdrawn, which is final: no re-accreditation.
    Withdrawn,
    /// Its accreditation period ended.
    Expired,
}

impl std::fmt::Display for Standing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Standing::Pending => "pending",
            Standing::Active => "active",
            Standing::Suspended => "suspended",
            Standing::Withdrawn => "withdrawn",
            Standing::Expired => "expired",
        })
    }
}

/// An issuer as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IssuerRecord {
    /// The issuer's DID: its first key's `did:key`, kept through rotations.
    pub id: String,
    /// The institution's name, trimmed and NFC (shown publicly and in bundles).
    pub name: String,
    /// ISO 3166-1 alpha-2 code of the institution's country.
    pub country: String,
    /// A contact address; may name a person, so it is never served publicly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// `TYPE[:MAX-LEVEL]` items the institution asked for; the operator decides the real
    /// scope when accrediting.
    #[serde(default)]
    pub requested_scope: Vec<String>,
    /// Pending until the first accreditation, then accredited for good.
    pub state: IssuerState,
    /// When the registration was committed.
    pub registered_at: DateTime<Utc>,
    /// Keys, current (no `validUntil`) and past.
    pub keys: Vec<IssuerKey>,
    /// Scope and periods (earlier ones kept), once accredited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accreditation: Option<Accreditation>,
    /// Standing changes, sorted by effective date.
    #[serde(default)]
    pub status_history: Vec<StatusChange>,
}

impl IssuerRecord {
    /// The key that signs now (the one without `validUntil`).
    pub fn current_key(&self) -> Option<&IssuerKey> {
        self.keys.iter().rev().find(|k| k.valid_until.is_none())
    }

    /// The standing at `at`.
    pub fn standing(&self, at: DateTime<Utc>) -> Standing {
        let Some(acc) = &self.accreditation else {
            return Standing::Pending;
        };
        match self.status_at(at) {
            IssuerStatus::Withdrawn => Standing::Withdrawn,
            IssuerStatus::Suspended => Standing::Suspended,
            IssuerStatus::Active if acc.valid_until.is_some_and(|u| at >= u) => Standing::Expired,
            IssuerStatus::Active if at < acc.valid_from => Standing::Pending,
            IssuerStatus::Active => Standing::Active,
        }
    }

    /// The standing in force at `at` (the last change effective at or before it).
    pub fn status_at(&self, at: DateTime<Utc>) -> IssuerStatus {
        self.status_history
            .iter()
            .filter(|c| c.effective <= at)
            .max_by_key(|c| c.effective)
            .map_or(IssuerStatus::Active, |c| c.status)
    }

    /// Whether it was ever withdrawn (withdrawal is final).
    pub fn withdrawn(&self) -> bool {
        self.status_history
            .iter()
            .any(|c| c.status == IssuerStatus::Withdrawn)
    }

    /// The trust bundle entry, once accredited.
    pub fn bundle_entry(&self) -> Option<IssuerEntry> {
        let accreditation = self.accreditation.clone()?;
        Some(IssuerEntry {
            id: self.id.clone(),
            name: self.name.clone(),
            country: self.country.clone(),
            keys: self.keys.clone(),
            accreditation,
            status_history: self.status_history.clone(),
        })
    }

    /// The public view (no contact).
    pub fn view(&self, now: DateTime<Utc>) -> IssuerView {
        IssuerView {
            id: self.id.clone(),
            name: self.name.clone(),
            country: self.country.clone(),
            state: self.state,
            standing: self.standing(now),
            requested_scope: self.requested_scope.clone(),
            registered_at: self.registered_at,
            keys: serde_json::to_value(&self.keys).unwrap_or_default(),
            accreditation: self
                .accreditation
                .as_ref()
                .and_then(|a| serde_json::to_value(a).ok()),
            status_history: serde_json::to_value(&self.status_history).unwrap_or_default(),
        }
    }
}

/// An issuer as the public sees it.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct IssuerView {
    /// The issuer's DID.
    pub id: String,
    /// The institution's name as registered.
    pub name: String,
    /// ISO 3166-1 alpha-2 country code.
    pub country: String,
    /// Pending until the first accreditation.
    pub state: IssuerState,
    /// Standing at the time of the answer.
    pub standing: Standing,
    /// `TYPE[:MAX-LEVEL]` items asked for at registration.
    pub requested_scope: Vec<String>,
    /// When it registered.
    pub registered_at: DateTime<Utc>,
    /// Keys, current and past, each with its JWK and validity period.
    #[schema(value_type = Vec<Object>)]
    pub keys: serde_json::Value,
    /// Accredited scope and periods, once accredited.
    #[schema(value_type = Option<Object>)]
    pub accreditation: Option<serde_json::Value>,
    /// Standing changes with their effective dates and reasons.
    #[schema(value_type = Vec<Object>)]
    pub status_history: serde_json::Value,
}

/// A stored credential (personal data: only its issuer, holder and grantees read it).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CredentialRecord {
    /// The credential's `id` (a `urn:uuid:`); never logged, the log carries its digest.
    pub id: String,
    /// The DID of the issuer that published it.
    pub issuer: String,
    /// Holder DID (`credentialSubject.id`), when bound: the holder reads and grants it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holder: Option<String>,
    /// The compact JWS byte for byte as the issuer signed it.
    pub jws: String,
    /// When the publish was committed.
    pub published_at: DateTime<Utc>,
}

/// A holder's grant to one verifier for one credential.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Grant {
    /// A `urn:uuid:` the registry chose.
    pub id: String,
    /// The id of the credential it opens.
    pub credential: String,
    /// The `did:key` of the verifier who may read the credential.
    pub grantee: String,
    /// The end of the grant (at most a year after it was made).
    pub expires_at: DateTime<Utc>,
    /// When the holder made it.
    pub created_at: DateTime<Utc>,
    /// When the holder revoked it; a revoked grant is kept so the reader is told why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revoked_at: Option<DateTime<Utc>>,
}

/// An issuer-signed status list as stored.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatusListRecord {
    /// The DID of the issuer that signed it.
    pub issuer: String,
    /// `revocation` or `suspension`: one list per issuer and purpose.
    pub purpose: String,
    /// The list credential's id (what credentials name in `statusListCredential`).
    pub id: String,
    /// The compact JWS as the issuer signed it (the registry never re-signs a list).
    pub jws: String,
    /// The same bits as an IETF Token Status List (`statuslist+jwt`), signed by the issuer
    /// too, for `dc+sd-jwt` credentials: served by content negotiation at the list's URL.
    /// Checked against `jws` when it arrives; a new `jws` without one drops it, so a token
    /// that disagrees with the Bitstring list is never served.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token: Option<String>,
    /// When it was last replaced.
    pub updated_at: DateTime<Utc>,
}

/// The current trust bundle.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct BundleRecord {
    /// Its sequence: names this bundle alone, for ever.
    pub sequence: u64,
    /// When it was signed; it is re-signed once half its validity has passed.
    pub issued_at: DateTime<Utc>,
    /// Its next-update time, after which verifiers call it stale.
    pub next_update: DateTime<Utc>,
    /// Strong ETag, quoted: the sequence and the start of the JWS's SHA-256.
    pub etag: String,
    /// The compact JWS signed by the operator, `typ` `skillpass-bundle+jwt`.
    pub jws: String,
}

/// A recognition authority as stored (registered by the operator; public, no personal data).
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuthorityRecord {
    /// The authority's `did:key`: the key that signs its decisions and its requests.
    pub id: String,
    /// Its name, trimmed and NFC (verifiers show it, not the name a decision claims).
    pub name: String,
    /// ISO 3166-1 alpha-2 code of the country whose recognition it decides.
    pub country: String,
    /// Its jurisdiction in words (e.g. "nursing, Land Berlin"); may be empty.
    #[serde(default)]
    pub jurisdiction: String,
    /// When the operator registered it.
    pub registered_at: DateTime<Utc>,
}

impl AuthorityRecord {
    /// The trust bundle entry (the registration time is not in it).
    pub fn entry(&self) -> AuthorityEntry {
        AuthorityEntry {
            id: self.id.clone(),
            name: self.name.clone(),
            country: self.country.clone(),
            jurisdiction: self.jurisdiction.clone(),
        }
    }
}

/// A signed version of a decision that a later version (its withdrawal) replaced.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PriorVersion {
    /// The compact JWS as the authority signed it then.
    pub jws: String,
    /// When the registry replaced it.
    pub replaced_at: DateTime<Utc>,
}

/// A recognition decision as stored: the authority-signed JWS is what counts (it is what the
/// bundle carries); `decision` is its payload, kept decoded so queries need no JWS parsing.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DecisionRecord {
    /// The current compact JWS (`typ` `skillpass-decision+jwt`).
    pub jws: String,
    /// The JWS's payload, decoded.
    pub decision: RecognitionDecision,
    /// When it was first published (a withdrawal does not change it).
    pub published_at: DateTime<Utc>,
    /// Earlier signed versions, oldest first (a withdrawal replaces the published one).
    #[serde(default)]
    pub history: Vec<PriorVersion>,
}

/// Orders decisions so that each superseded decision comes before its revision (the order a
/// verifier adds them to its table in), keeping the given order otherwise. A decision whose
/// predecessor is missing goes last, where the verifier will set it aside.
pub fn supersession_order(mut records: Vec<DecisionRecord>) -> Vec<DecisionRecord> {
    let mut placed = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(records.len());
    while !records.is_empty() {
        let before = records.len();
        let mut waiting = Vec::new();
        for record in records {
            let ready = record
                .decision
                .supersedes
                .as_ref()
                .is_none_or(|old| placed.contains(old));
            if ready {
                placed.insert(record.decision.id.clone());
                out.push(record);
            } else {
                waiting.push(record);
            }
        }
        if waiting.len() == before {
            out.extend(waiting);
            break;
        }
        records = waiting;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_standing_reads_and_serialises_as_its_lowercase_word() {
        for (standing, word) in [
            (Standing::Pending, "pending"),
            (Standing::Active, "active"),
            (Standing::Suspended, "suspended"),
            (Standing::Withdrawn, "withdrawn"),
            (Standing::Expired, "expired"),
        ] {
            assert_eq!(standing.to_string(), word);
            assert_eq!(serde_json::to_value(standing).unwrap(), word);
        }
    }
}
