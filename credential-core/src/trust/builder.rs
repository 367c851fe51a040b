//! Building a bundle: the operator's (or the registry's) side.

use chrono::{DateTime, Utc};

use super::anchor::TrustAnchor;
use super::error::BundleError;
use super::model::{
    Accreditation, AuthorityEntry, IssuerEntry, IssuerKey, IssuerStatus, ScopeItem, SignedDecision,
    StatusChange, TrustBundle, BUNDLE_TYPE, TYP_BUNDLE,
};
#[cfg(doc)]
use super::verified::VerifiedBundle;
use crate::jws::{self, Header};
use crate::keys::{KeyError, PublicKey, SecretKey};

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

    /// The bundle as built so far, unsigned: for [`VerifiedBundle::from_trusted_unchecked`].
    pub fn into_bundle(self) -> TrustBundle {
        self.bundle
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
        let payload = serde_json::to_vec(&self.bundle).map_err(BundleError::Serialize)?;
        let jws = jws::sign(
            anchor,
            &Header::new(TYP_BUNDLE, &public.did_url()),
            &payload,
        );
        TrustAnchor::of(public).verify_bundle(&jws, None)?;
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
