//! The trust bundle document as the operator signs it: issuers with their keys,
//! accreditation history and standing, recognition authorities, and the limits and `typ`s
//! of the signed documents a bundle carries.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::credential::{CredentialError, CredentialKind};
use crate::equivalence::{EquivalenceError, FrameworkCatalog};
use crate::keys::PublicJwk;

/// The JWS `typ` of a trust bundle.
pub const TYP_BUNDLE: &str = "skillpass-bundle+jwt";
/// The JWS `typ` of an issuer-signed status list credential.
pub const TYP_STATUS_LIST: &str = "vc+jwt";
/// The JWS `typ` of an authority-signed recognition decision.
pub const TYP_DECISION: &str = "skillpass-decision+jwt";
/// The bundle document `type`.
pub const BUNDLE_TYPE: &str = "SkillpassTrustBundle";
/// Largest bundle accepted: 64 MiB, room for ~10,000 issuers and a few hundred status lists.
pub const MAX_BUNDLE_LEN: usize = 64 * 1024 * 1024;
/// Largest issuer-signed status list credential accepted (a 131,072-entry list is ~1 KiB,
/// a full one far less than this).
pub const MAX_STATUS_LIST_JWS_LEN: usize = 8 * 1024 * 1024;
/// Largest signed decision accepted (64 KiB).
pub const MAX_DECISION_JWS_LEN: usize = 64 * 1024;

/// The bundle document, as signed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TrustBundle {
    /// Always [`BUNDLE_TYPE`].
    #[serde(rename = "type")]
    pub kind: String,
    /// Format version (1).
    pub version: u32,
    /// Grows with every new bundle from the same anchor.
    pub sequence: u64,
    /// When the bundle was made.
    pub issued_at: DateTime<Utc>,
    /// After this a verifier answers `indeterminate` until it gets a newer bundle.
    pub next_update: DateTime<Utc>,
    /// The anchor's DID.
    pub anchor: String,
    /// Accredited (and formerly accredited) issuers.
    pub issuers: Vec<IssuerEntry>,
    /// Issuer-signed status list credentials (compact JWS each).
    #[serde(default)]
    pub status_lists: Vec<String>,
    /// Recognition decisions, each as its authority signed it.
    #[serde(default)]
    pub decisions: Vec<SignedDecision>,
    /// Recognition authorities allowed to publish decisions.
    #[serde(default)]
    pub authorities: Vec<AuthorityEntry>,
}

/// One issuer as the bundle describes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IssuerEntry {
    /// The issuer's DID (the `issuer` of its credentials).
    pub id: String,
    /// The name verifiers are shown, as the operator registered it (not as the issuer's
    /// credentials claim it).
    pub name: String,
    /// ISO 3166-1 alpha-2 country.
    pub country: String,
    /// Signing keys, current and past, each with its validity period.
    pub keys: Vec<IssuerKey>,
    /// What it may issue, and when.
    pub accreditation: Accreditation,
    /// Status changes in time order (`active`, `suspended`, `withdrawn`).
    #[serde(default)]
    pub status_history: Vec<StatusChange>,
}

/// A key of an issuer with its validity period (old keys stay so older credentials verify).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct IssuerKey {
    /// The `kid` credentials carry: a `did:key` DID URL.
    pub id: String,
    /// The key as a JWK; its did:key URL must be `id`, which the bundle's reader checks.
    pub public_key_jwk: PublicJwk,
    /// First instant the key may sign.
    pub valid_from: DateTime<Utc>,
    /// Instant from which the key may no longer sign (rotation).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<DateTime<Utc>>,
}

/// The accreditation: the period in force (scope and dates) and the earlier periods.
///
/// Accreditation is a history: a credential is judged by the period that covers its
/// issuance date, so re-accrediting an issuer with another scope (or after a gap) never
/// turns what it issued under an earlier period invalid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Accreditation {
    /// Credential types and highest levels of the current period.
    pub scope: Vec<ScopeItem>,
    /// Start of the current period.
    pub valid_from: DateTime<Utc>,
    /// End of the current period, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub valid_until: Option<DateTime<Utc>>,
    /// Closed earlier periods, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub earlier: Vec<AccreditationPeriod>,
}

/// A closed accreditation period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AccreditationPeriod {
    /// Credential types and highest levels during the period.
    pub scope: Vec<ScopeItem>,
    /// First instant of the period.
    pub valid_from: DateTime<Utc>,
    /// First instant after the period.
    pub valid_until: DateTime<Utc>,
}

/// The scope and dates of the accreditation period covering one instant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PeriodRef<'a> {
    /// What the issuer could issue then.
    pub scope: &'a [ScopeItem],
    /// The period's start.
    pub valid_from: DateTime<Utc>,
    /// The period's end, if any.
    pub valid_until: Option<DateTime<Utc>>,
}

impl Accreditation {
    /// A first accreditation period from `valid_from`.
    pub fn new(
        scope: Vec<ScopeItem>,
        valid_from: DateTime<Utc>,
        valid_until: Option<DateTime<Utc>>,
    ) -> Self {
        Self {
            scope,
            valid_from,
            valid_until,
            earlier: Vec::new(),
        }
    }

    /// The period covering `at`, if any.
    pub fn period_at(&self, at: DateTime<Utc>) -> Option<PeriodRef<'_>> {
        if at >= self.valid_from && self.valid_until.is_none_or(|u| at < u) {
            return Some(PeriodRef {
                scope: &self.scope,
                valid_from: self.valid_from,
                valid_until: self.valid_until,
            });
        }
        self.earlier
            .iter()
            .rev()
            .find(|p| at >= p.valid_from && at < p.valid_until)
            .map(|p| PeriodRef {
                scope: &p.scope,
                valid_from: p.valid_from,
                valid_until: Some(p.valid_until),
            })
    }

    /// Starts a new period at `from` with `scope`: the current one (if it covers anything
    /// before `from`) is closed at `from` and kept. Re-accrediting with the same scope while
    /// the current period runs keeps it unchanged, so its start date is never reset.
    pub fn renew(
        &mut self,
        scope: Vec<ScopeItem>,
        from: DateTime<Utc>,
        until: Option<DateTime<Utc>>,
    ) {
        let running = from >= self.valid_from && self.valid_until.is_none_or(|u| from < u);
        if running && self.scope == scope {
            self.valid_until = until;
            return;
        }
        let end = self.valid_until.map_or(from, |u| u.min(from));
        if end > self.valid_from {
            self.earlier.push(AccreditationPeriod {
                scope: std::mem::take(&mut self.scope),
                valid_from: self.valid_from,
                valid_until: end,
            });
        }
        // A new period that starts before a kept one ends would make two periods cover
        // one date: the earlier ones are cut at the new start.
        self.earlier.retain_mut(|p| {
            if p.valid_until > from {
                p.valid_until = from;
            }
            p.valid_until > p.valid_from
        });
        self.scope = scope;
        self.valid_from = from;
        self.valid_until = until;
    }
}

/// One `TYPE[:MAX-LEVEL]` scope item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScopeItem {
    /// The credential type the issuer may issue.
    #[serde(rename = "type")]
    pub kind: CredentialKind,
    /// The highest framework level, e.g. `PQF-6`; any level (or none) when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_level: Option<String>,
}

/// Why a `TYPE[:MAX-LEVEL]` accreditation scope was refused.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ScopeError {
    /// Not `QualificationCredential` or `SkillCredential`.
    #[error(transparent)]
    Kind(CredentialError),
    /// The shipped framework data could not be loaded.
    #[error(transparent)]
    Catalog(EquivalenceError),
    /// A level that is not in the shipped framework data.
    #[error("unknown framework level {level:?} in scope {scope:?}")]
    UnknownLevel {
        /// The level as written.
        level: String,
        /// The whole scope item.
        scope: String,
    },
}

impl std::str::FromStr for ScopeItem {
    type Err = ScopeError;
    /// Parses `QualificationCredential:PQF-6` or `SkillCredential`; the level must be one
    /// of the shipped framework data.
    fn from_str(s: &str) -> Result<Self, ScopeError> {
        let (kind, level) = match s.split_once(':') {
            Some((k, l)) => (k, Some(l)),
            None => (s, None),
        };
        let kind: CredentialKind = kind.parse().map_err(ScopeError::Kind)?;
        if let Some(level) = level {
            let catalog = FrameworkCatalog::shipped().map_err(ScopeError::Catalog)?;
            if catalog.level(level).is_none() {
                return Err(ScopeError::UnknownLevel {
                    level: level.to_owned(),
                    scope: s.to_owned(),
                });
            }
        }
        Ok(Self {
            kind,
            max_level: level.map(str::to_owned),
        })
    }
}

impl std::fmt::Display for ScopeItem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.max_level {
            Some(l) => write!(f, "{}:{l}", self.kind),
            None => write!(f, "{}", self.kind),
        }
    }
}

/// An issuer's standing at an instant: only an active issuer's credentials of that
/// date are accredited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum IssuerStatus {
    /// May issue.
    Active,
    /// Temporarily may not issue.
    Suspended,
    /// Permanently may not issue.
    Withdrawn,
}

/// A change of standing from an effective date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatusChange {
    /// The standing from `effective` on, until the next change.
    pub status: IssuerStatus,
    /// The first instant the standing applies; credentials are judged by the standing at
    /// their issuance date.
    pub effective: DateTime<Utc>,
    /// Why (free text, no personal data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A recognition authority allowed to publish decisions for a country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuthorityEntry {
    /// The authority's `did:key`.
    pub id: String,
    /// The name verifiers are shown for its decisions (whatever name a decision claims).
    pub name: String,
    /// The country whose recognition it decides.
    pub country: String,
    /// Its jurisdiction in words (e.g. "nursing, Land Berlin").
    #[serde(default)]
    pub jurisdiction: String,
}

/// A recognition decision as a JWS signed by its authority.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SignedDecision {
    /// Compact JWS, `typ` `skillpass-decision+jwt`, payload a [`RecognitionDecision`].
    pub jws: String,
}

impl IssuerEntry {
    /// The standing in force at `at`: the last change effective at or before it.
    pub fn status_at(&self, at: DateTime<Utc>) -> IssuerStatus {
        self.status_history
            .iter()
            .filter(|c| c.effective <= at)
            .max_by_key(|c| c.effective)
            .map_or(IssuerStatus::Active, |c| c.status)
    }
}
