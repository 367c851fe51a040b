//! Trust bundles: one operator-signed document holding everything an offline verifier needs
//! — accredited issuers with their keys and scope, issuer-signed status lists, recognition
//! decisions — with a sequence number that only grows and a next-update time.
//!
//! Raw [`TrustBundle`] (serde) → [`TrustAnchor::verify_bundle`] → [`VerifiedBundle`], which
//! has no public constructor: holding one means the anchor's signature, every status list's
//! issuer signature and the bundle's structure were checked.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::credential::CredentialKind;
use crate::equivalence::{FrameworkCatalog, RecognitionDecision};
use crate::jws::{self, Header, UnverifiedJws};
use crate::keys::{KeyError, PublicJwk, PublicKey, SecretKey};
use crate::status::{parse_status_list_credential, ParsedStatusList};

/// The JWS `typ` of a trust bundle.
pub const TYP_BUNDLE: &str = "skillpass-bundle+jwt";
/// The JWS `typ` of an issuer-signed status list credential.
pub const TYP_STATUS_LIST: &str = "vc+jwt";
/// The bundle document `type`.
pub const BUNDLE_TYPE: &str = "SkillpassTrustBundle";
/// Largest bundle accepted: 64 MiB, room for ~10,000 issuers and a few hundred status lists.
pub const MAX_BUNDLE_LEN: usize = 64 * 1024 * 1024;
/// Largest issuer-signed status list credential accepted (a 131,072-entry list is ~1 KiB,
/// a full one far less than this).
pub const MAX_STATUS_LIST_JWS_LEN: usize = 8 * 1024 * 1024;

/// Why a bundle was refused.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum BundleError {
    /// Not a well-formed JWS, or a refused algorithm.
    #[error("bundle: {0}")]
    Jws(#[from] jws::JwsError),
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
    /// The payload is not a bundle document.
    #[error("bundle content: {0}")]
    Content(String),
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

fn content(msg: impl Into<String>) -> BundleError {
    BundleError::Content(msg.into())
}

/// The pinned public key of the operator (trust anchor).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrustAnchor(PublicKey);

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
    /// Institution name.
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
    /// The public key.
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
    /// The credential type.
    #[serde(rename = "type")]
    pub kind: CredentialKind,
    /// The highest framework level, e.g. `PQF-6`; any level (or none) when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_level: Option<String>,
}

impl std::str::FromStr for ScopeItem {
    type Err = String;
    /// Parses `QualificationCredential:PQF-6` or `SkillCredential`.
    fn from_str(s: &str) -> Result<Self, String> {
        let (kind, level) = match s.split_once(':') {
            Some((k, l)) => (k, Some(l)),
            None => (s, None),
        };
        let kind: CredentialKind = kind
            .parse()
            .map_err(|e: crate::credential::CredentialError| e.to_string())?;
        if let Some(level) = level {
            let catalog = FrameworkCatalog::shipped().map_err(|e| e.to_string())?;
            if catalog.level(level).is_none() {
                return Err(format!("unknown framework level {level:?} in scope {s:?}"));
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

/// An issuer's standing.
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
    /// The new standing.
    pub status: IssuerStatus,
    /// From when.
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
    /// Its name.
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

impl TrustAnchor {
    /// Pins the anchor by its `did:key`.
    pub fn from_did(did: &str) -> Result<Self, KeyError> {
        PublicKey::from_did(did).map(Self)
    }

    /// The anchor's public key.
    pub fn public_key(&self) -> &PublicKey {
        &self.0
    }

    /// Verifies a signed bundle: the anchor's signature, the structure, every issuer key,
    /// and every status list's signature by its issuer. `seen_sequence` is the newest
    /// sequence this verifier accepted before; an older bundle is refused.
    pub fn verify_bundle(
        &self,
        compact: &str,
        seen_sequence: Option<u64>,
    ) -> Result<VerifiedBundle, BundleError> {
        let parsed = UnverifiedJws::parse(compact, MAX_BUNDLE_LEN)?;
        if parsed.header().typ.as_deref() != Some(TYP_BUNDLE) {
            return Err(content(format!("typ must be {TYP_BUNDLE}")));
        }
        if !parsed.verify_with(&self.0) {
            // Name the key that did sign it, if the header names one that verifies: a
            // wrong --anchor is far more common than a forged bundle.
            let signer = parsed
                .header()
                .kid
                .as_deref()
                .and_then(|kid| PublicKey::from_did(kid).ok())
                .filter(|key| parsed.verify_with(key))
                .map(|key| key.did());
            return Err(BundleError::NotSignedByAnchor {
                pinned: self.0.did(),
                signer,
            });
        }
        let value =
            crate::json::parse_strict(parsed.payload()).map_err(|e| content(e.to_string()))?;
        let bundle: TrustBundle =
            serde_json::from_value(value).map_err(|e| content(e.to_string()))?;
        if bundle.kind != BUNDLE_TYPE || bundle.version != 1 {
            return Err(content(format!("not a version 1 {BUNDLE_TYPE}")));
        }
        if bundle.anchor != self.0.did() {
            return Err(content(
                "the bundle names another anchor than the one that signed it",
            ));
        }
        if let Some(seen) = seen_sequence {
            if bundle.sequence < seen {
                return Err(BundleError::Rollback {
                    got: bundle.sequence,
                    seen,
                });
            }
        }
        if bundle.next_update <= bundle.issued_at {
            return Err(content("nextUpdate is not after issuedAt"));
        }
        VerifiedBundle::index(bundle, bundle_digest(compact))
    }
}

/// A trust bundle whose anchor signature and contents were checked; only
/// [`TrustAnchor::verify_bundle`] makes one.
#[derive(Debug, Clone)]
pub struct VerifiedBundle {
    bundle: TrustBundle,
    digest: String,
    issuers: HashMap<String, usize>,
    keys: HashMap<String, (usize, usize, PublicKey)>,
    status_lists: HashMap<String, ParsedStatusList>,
    decisions: Vec<RecognitionDecision>,
    untrusted_decisions: Vec<String>,
    signed: bool,
}

/// A key found for a `kid`, with its issuer.
#[derive(Debug, Clone, Copy)]
pub struct KeyRef<'a> {
    /// The issuer owning the key.
    pub issuer: &'a IssuerEntry,
    /// The key's entry (validity period).
    pub entry: &'a IssuerKey,
    /// The decoded public key.
    pub key: &'a PublicKey,
}

impl VerifiedBundle {
    fn index(bundle: TrustBundle, digest: String) -> Result<Self, BundleError> {
        let mut issuers = HashMap::with_capacity(bundle.issuers.len());
        let mut keys = HashMap::new();
        for (i, issuer) in bundle.issuers.iter().enumerate() {
            if issuers.insert(issuer.id.clone(), i).is_some() {
                return Err(content(format!("issuer {} listed twice", issuer.id)));
            }
            for (k, key) in issuer.keys.iter().enumerate() {
                let public = PublicKey::from_jwk(&key.public_key_jwk)?;
                // Encoding the key is far cheaper than decompressing the point a second
                // time, which dominated loading a bundle of 10,000 issuers.
                if public.did_url() != key.id {
                    return Err(content(format!(
                        "key id {} is not the did:key URL of its JWK",
                        key.id
                    )));
                }
                if keys.insert(key.id.clone(), (i, k, public)).is_some() {
                    return Err(content(format!("key {} listed twice", key.id)));
                }
            }
        }
        let mut verified = Self {
            bundle,
            digest,
            issuers,
            keys,
            status_lists: HashMap::new(),
            decisions: Vec::new(),
            untrusted_decisions: Vec::new(),
            signed: true,
        };
        let lists: Vec<ParsedStatusList> = verified
            .bundle
            .status_lists
            .iter()
            .map(|jws| verified.check_status_list(jws))
            .collect::<Result<_, _>>()?;
        for list in lists {
            let id = list.id.clone();
            if verified.status_lists.insert(id.clone(), list).is_some() {
                return Err(content(format!("status list {id} listed twice")));
            }
        }
        verified.check_decisions();
        Ok(verified)
    }

    fn check_status_list(&self, compact: &str) -> Result<ParsedStatusList, BundleError> {
        let parsed = UnverifiedJws::parse(compact, MAX_STATUS_LIST_JWS_LEN)?;
        let kid = parsed
            .header()
            .kid
            .as_deref()
            .ok_or_else(|| content("status list without kid"))?;
        let key = self
            .key(kid)
            .ok_or_else(|| content(format!("status list signed by unknown key {kid}")))?;
        if !parsed.verify_with(key.key) {
            return Err(content(format!(
                "status list signature by {kid} does not verify"
            )));
        }
        let value =
            crate::json::parse_strict(parsed.payload()).map_err(|e| content(e.to_string()))?;
        let list = parse_status_list_credential(&value).map_err(|e| content(e.to_string()))?;
        if list.issuer != key.issuer.id {
            return Err(content(format!(
                "status list {} names issuer {} but is signed by {}",
                list.id, list.issuer, key.issuer.id
            )));
        }
        Ok(list)
    }

    /// Whether the anchor's signature was checked; `false` only for a bundle built with
    /// `VerifiedBundle::from_trusted_unchecked`.
    pub fn is_signed(&self) -> bool {
        self.signed
    }

    /// The bundle as signed.
    pub fn bundle(&self) -> &TrustBundle {
        &self.bundle
    }

    /// The issuer with this DID.
    pub fn issuer(&self, did: &str) -> Option<&IssuerEntry> {
        self.issuers
            .get(did)
            .and_then(|&i| self.bundle.issuers.get(i))
    }

    /// The key with this `kid`, and its issuer.
    pub fn key(&self, kid: &str) -> Option<KeyRef<'_>> {
        let (i, k, key) = self.keys.get(kid)?;
        let issuer = self.bundle.issuers.get(*i)?;
        Some(KeyRef {
            issuer,
            entry: issuer.keys.get(*k)?,
            key,
        })
    }

    /// The status list with this id (the `statusListCredential` of an entry).
    pub fn status_list(&self, id: &str) -> Option<&ParsedStatusList> {
        self.status_lists.get(id)
    }

    /// Recognition decisions whose authority signature and jurisdiction check out.
    pub fn decisions(&self) -> &[RecognitionDecision] {
        &self.decisions
    }

    /// Decisions found in the bundle that are not trusted, with the reason, by id.
    pub fn untrusted_decisions(&self) -> &[String] {
        &self.untrusted_decisions
    }

    /// Keeps the decisions whose signature is by a listed authority of the destination
    /// country; the others are set aside with the reason, so a verifier can say a decision
    /// was present but untrusted instead of silently using or hiding it.
    fn check_decisions(&mut self) {
        for signed in &self.bundle.decisions {
            match check_decision(&self.bundle.authorities, &signed.jws) {
                Ok(decision) => self.decisions.push(decision),
                Err(why) => self.untrusted_decisions.push(why),
            }
        }
    }

    /// The newest sequence number, to remember against rollback.
    pub fn sequence(&self) -> u64 {
        self.bundle.sequence
    }

    /// `sha256:` and the hex SHA-256 of the signed bundle as received: what a verifier
    /// remembers of each sequence, to recognise a second, different bundle for it.
    pub fn digest(&self) -> &str {
        &self.digest
    }
}

/// The digest [`VerifiedBundle::digest`] names a signed bundle by.
pub fn bundle_digest(compact: &str) -> String {
    use sha2::Digest as _;
    format!(
        "sha256:{}",
        hex::encode(sha2::Sha256::digest(compact.trim().as_bytes()))
    )
}

/// Builds and signs a bundle (offline by an operator, or by the registry).
#[derive(Debug, Clone)]
pub struct BundleBuilder {
    bundle: TrustBundle,
}

impl BundleBuilder {
    /// An empty bundle.
    pub fn new(
        anchor: &PublicKey,
        sequence: u64,
        issued_at: DateTime<Utc>,
        next_update: DateTime<Utc>,
    ) -> Self {
        Self {
            bundle: TrustBundle {
                kind: BUNDLE_TYPE.into(),
                version: 1,
                sequence,
                issued_at,
                next_update,
                anchor: anchor.did(),
                issuers: Vec::new(),
                status_lists: Vec::new(),
                decisions: Vec::new(),
                authorities: Vec::new(),
            },
        }
    }

    /// Adds an issuer.
    pub fn issuer(mut self, issuer: IssuerEntry) -> Self {
        self.bundle.issuers.push(issuer);
        self
    }

    /// Adds an issuer-signed status list credential.
    pub fn status_list(mut self, jws: String) -> Self {
        self.bundle.status_lists.push(jws);
        self
    }

    /// Adds a recognition authority.
    pub fn authority(mut self, authority: AuthorityEntry) -> Self {
        self.bundle.authorities.push(authority);
        self
    }

    /// Adds an authority-signed recognition decision.
    pub fn decision(mut self, jws: String) -> Self {
        self.bundle.decisions.push(SignedDecision { jws });
        self
    }

    /// Signs the bundle with the anchor's key, after checking it the way a verifier will.
    pub fn sign(self, anchor: &SecretKey) -> Result<String, BundleError> {
        let public = anchor.public();
        let payload = serde_json::to_vec(&self.bundle).map_err(|e| content(e.to_string()))?;
        let jws = jws::sign(
            anchor,
            &Header::new(TYP_BUNDLE, &public.did_url()),
            &payload,
        );
        TrustAnchor(public).verify_bundle(&jws, None)?;
        Ok(jws)
    }
}

/// An issuer entry for a `did:key` issuer whose only key is its DID, accredited from
/// `valid_from` for `scope`.
pub fn did_key_issuer(
    did: &str,
    name: &str,
    country: &str,
    scope: Vec<ScopeItem>,
    valid_from: DateTime<Utc>,
) -> Result<IssuerEntry, KeyError> {
    let key = PublicKey::from_did(did)?;
    Ok(IssuerEntry {
        id: did.to_owned(),
        name: name.to_owned(),
        country: country.to_owned(),
        keys: vec![IssuerKey {
            id: key.did_url(),
            public_key_jwk: key.to_jwk(),
            valid_from,
            valid_until: None,
        }],
        accreditation: Accreditation::new(scope, valid_from, None),
        status_history: vec![StatusChange {
            status: IssuerStatus::Active,
            effective: valid_from,
            reason: None,
        }],
    })
}

/// Reads a bundle's payload without verifying it (to find its sequence or anchor for
/// display); never use the result for a trust decision.
pub fn peek_unchecked(compact: &str) -> Option<TrustBundle> {
    let parsed = UnverifiedJws::parse(compact, MAX_BUNDLE_LEN).ok()?;
    serde_json::from_slice(parsed.payload()).ok()
}

/// The JWS `typ` of an authority-signed recognition decision.
pub const TYP_DECISION: &str = "skillpass-decision+jwt";
/// Largest signed decision accepted.
pub const MAX_DECISION_JWS_LEN: usize = 64 * 1024;

/// Signs a recognition decision as its authority (the key's DID must be `decision.authority`).
pub fn sign_decision(
    key: &SecretKey,
    decision: &RecognitionDecision,
) -> Result<String, BundleError> {
    let public = key.public();
    if decision.authority != public.did() {
        return Err(content(
            "the decision's authority is not the signing key's DID",
        ));
    }
    let payload = serde_json::to_vec(decision).map_err(|e| content(e.to_string()))?;
    Ok(jws::sign(
        key,
        &Header::new(TYP_DECISION, &public.did_url()),
        &payload,
    ))
}

/// Checks one signed decision against the bundle's authorities: signature by the key its
/// `kid` names, that key being a listed authority, the decision naming that authority, and
/// the destination country being the authority's own.
pub fn check_decision(
    authorities: &[AuthorityEntry],
    compact: &str,
) -> Result<RecognitionDecision, String> {
    let parsed = UnverifiedJws::parse(compact, MAX_DECISION_JWS_LEN)
        .map_err(|e| format!("decision: {e}"))?;
    if parsed.header().typ.as_deref() != Some(TYP_DECISION) {
        return Err(format!("decision: typ must be {TYP_DECISION}"));
    }
    let kid = parsed
        .header()
        .kid
        .as_deref()
        .ok_or("decision without kid")?;
    let key = PublicKey::from_did(kid).map_err(|e| format!("decision kid: {e}"))?;
    let value =
        crate::json::parse_strict(parsed.payload()).map_err(|e| format!("decision: {e}"))?;
    let decision: RecognitionDecision =
        serde_json::from_value(value).map_err(|e| format!("decision: {e}"))?;
    let id = decision.id.clone();
    if let Ok(catalog) = FrameworkCatalog::shipped() {
        decision
            .check(catalog)
            .map_err(|e| format!("decision {id}: {e}"))?;
    }
    if !parsed.verify_with(&key) {
        return Err(format!("decision {id}: signature does not verify"));
    }
    let did = key.did();
    let authority = authorities.iter().find(|a| a.id == did).ok_or_else(|| {
        format!("decision {id}: signed by {did}, which is not a registered recognition authority")
    })?;
    if decision.authority != did {
        return Err(format!(
            "decision {id}: names authority {} but is signed by {did}",
            decision.authority
        ));
    }
    if decision.destination.country != authority.country {
        return Err(format!(
            "decision {id}: {} decides for {}, not for {}",
            authority.name, authority.country, decision.destination.country
        ));
    }
    // Verifiers are shown the name the operator registered, not one the signer chose.
    let mut decision = decision;
    decision.authority_name = authority.name.clone();
    Ok(decision)
}
