//! [`VerifiedBundle`]: a bundle whose contents were checked and indexed for the verifier —
//! issuers by DID, keys by `kid`, status lists by id (each verified against its issuer's
//! key), and the recognition decisions that check out.

use std::collections::HashMap;

use super::decision::check_decision;
use super::error::BundleError;
use super::model::{IssuerEntry, IssuerKey, TrustBundle};
use crate::equivalence::RecognitionDecision;
use crate::keys::PublicKey;
use crate::signed::{KeyRefusal, KeySource, OpenError, StatusListJwt, Unopened};
use crate::status::ParsedStatusList;

/// A trust bundle whose anchor signature and contents were checked. Only
/// [`TrustAnchor::verify_bundle`](super::TrustAnchor::verify_bundle) makes one, or — for
/// data the caller already trusts — [`VerifiedBundle::from_trusted_unchecked`].
#[derive(Debug, Clone)]
pub struct VerifiedBundle {
    bundle: TrustBundle,
    digest: String,
    issuers: HashMap<String, usize>,
    /// `kid` → (issuer index, key index, decoded key).
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
    /// The key's entry, with the period it may sign in.
    pub entry: &'a IssuerKey,
    /// The decoded public key.
    pub key: &'a PublicKey,
}

/// Status lists are signed by a key of an issuer in the bundle, named by their `kid`.
impl KeySource for VerifiedBundle {
    fn key_for(&self, kid: Option<&str>) -> Result<PublicKey, KeyRefusal> {
        let kid = kid.ok_or(KeyRefusal::NoKid)?;
        self.key(kid)
            .map(|k| *k.key)
            .ok_or_else(|| KeyRefusal::UnknownKey(kid.to_owned()))
    }
}

impl VerifiedBundle {
    /// **Dangerous: no signature is checked.** Builds a verifier's bundle from entries the
    /// caller already trusts because it holds them itself — a registry checking a
    /// credential against its own stored issuer and status lists, a test or a benchmark —
    /// instead of signing a throwaway bundle and verifying it at once.
    ///
    /// Everything but the anchor's signature is still checked as for a signed bundle:
    /// dates, issuer and key uniqueness, every key's id, every status list's signature by
    /// its issuer's key, and each decision's authority. Reports made with it say, in the
    /// `trust-bundle` check, that the bundle was built in memory and not signed; its
    /// [`digest`](Self::digest) is that of its JSON, not of any signed file. Never build one
    /// from data a user handed over: that is what [`TrustAnchor`](super::TrustAnchor) is for.
    pub fn from_trusted_unchecked(bundle: TrustBundle) -> Result<Self, BundleError> {
        check_dates(&bundle)?;
        let json = serde_json::to_vec(&bundle).map_err(BundleError::Serialize)?;
        let digest = {
            use sha2::Digest as _;
            format!("sha256:{}", hex::encode(sha2::Sha256::digest(&json)))
        };
        Self::index(bundle, digest, false)
    }

    pub(super) fn index(
        bundle: TrustBundle,
        digest: String,
        signed: bool,
    ) -> Result<Self, BundleError> {
        let mut issuers = HashMap::with_capacity(bundle.issuers.len());
        let mut keys = HashMap::new();
        for (i, issuer) in bundle.issuers.iter().enumerate() {
            if issuers.insert(issuer.id.clone(), i).is_some() {
                return Err(BundleError::IssuerTwice(issuer.id.clone()));
            }
            for (k, key) in issuer.keys.iter().enumerate() {
                let public = PublicKey::from_jwk(&key.public_key_jwk)?;
                // Encoding the key is far cheaper than decompressing the point a second
                // time, which dominated loading a bundle of 10,000 issuers.
                if public.did_url() != key.id {
                    return Err(BundleError::KeyIdMismatch(key.id.clone()));
                }
                if keys.insert(key.id.clone(), (i, k, public)).is_some() {
                    return Err(BundleError::KeyTwice(key.id.clone()));
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
            signed,
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
                return Err(BundleError::StatusListTwice(id));
            }
        }
        verified.check_decisions();
        Ok(verified)
    }

    /// Opens one issuer-signed status list with its issuer's key from this bundle, and
    /// checks that it names the issuer whose key signed it.
    fn check_status_list(&self, compact: &str) -> Result<ParsedStatusList, BundleError> {
        let unopened = Unopened::<StatusListJwt>::parse(compact).map_err(|e| match e {
            OpenError::Jws(e) => BundleError::Jws(e),
            // Status lists accept any typ: nothing else can fail before the key.
            _ => BundleError::StatusListNoKid,
        })?;
        let kid = unopened.jws().header().kid.as_deref().unwrap_or_default();
        let opened = unopened.open(self).map_err(|e| match e {
            OpenError::Key(KeyRefusal::NoKid) => BundleError::StatusListNoKid,
            OpenError::Key(_) => BundleError::StatusListUnknownKey(kid.to_owned()),
            OpenError::Json(e) => BundleError::StatusListJson(e),
            OpenError::Decode(e) => BundleError::StatusList(e),
            OpenError::Jws(e) => BundleError::Jws(e),
            _ => BundleError::StatusListSignature(kid.to_owned()),
        })?;
        let list = opened.payload;
        let signer = self
            .key(kid)
            .map(|k| k.issuer.id.as_str())
            .unwrap_or_default();
        if list.issuer != signer {
            return Err(BundleError::StatusListIssuer {
                list: list.id,
                named: list.issuer,
                signer: signer.to_owned(),
            });
        }
        Ok(list)
    }

    /// Keeps the decisions whose signature is by a listed authority of the destination
    /// country; the others are set aside with the reason, so a verifier can say a decision
    /// was present but untrusted instead of silently using or hiding it.
    fn check_decisions(&mut self) {
        for signed in &self.bundle.decisions {
            match check_decision(&self.bundle.authorities, &signed.jws) {
                Ok(decision) => self.decisions.push(decision),
                Err(why) => self.untrusted_decisions.push(why.to_string()),
            }
        }
    }

    /// Whether the anchor's signature was checked; `false` only for a bundle built with
    /// [`VerifiedBundle::from_trusted_unchecked`].
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

    /// Decisions found in the bundle that are not trusted, each with the reason.
    pub fn untrusted_decisions(&self) -> &[String] {
        &self.untrusted_decisions
    }

    /// The sequence number, to remember against rollback.
    pub fn sequence(&self) -> u64 {
        self.bundle.sequence
    }

    /// `sha256:` and the hex SHA-256 of the signed bundle as received: what a verifier
    /// remembers of each sequence, to recognise a second, different bundle for it.
    pub fn digest(&self) -> &str {
        &self.digest
    }
}

/// A bundle must end after it starts.
pub(super) fn check_dates(bundle: &TrustBundle) -> Result<(), BundleError> {
    if bundle.next_update <= bundle.issued_at {
        return Err(BundleError::Dates);
    }
    Ok(())
}
