//! The trust anchor: the operator's public key a verifier pins, and opening a signed
//! bundle with it.

use super::error::BundleError;
use super::model::{TrustBundle, BUNDLE_TYPE};
use super::verified::{check_dates, VerifiedBundle};
use crate::keys::{KeyError, PublicKey};
use crate::signed::{BundleJwt, OpenError, Unopened};

/// The pinned public key of the operator (trust anchor).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrustAnchor(PublicKey);

impl TrustAnchor {
    /// Pins the anchor by its `did:key`.
    pub fn from_did(did: &str) -> Result<Self, KeyError> {
        PublicKey::from_did(did).map(Self)
    }

    /// The anchor of a key the caller holds (the operator's own).
    pub(super) fn of(key: PublicKey) -> Self {
        Self(key)
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
        let unopened = Unopened::<BundleJwt>::parse(compact).map_err(|e| match e {
            OpenError::Jws(e) => BundleError::Jws(e),
            _ => BundleError::Typ,
        })?;
        let opened = unopened.open(&self.0).map_err(|e| match e {
            OpenError::Json(e) => BundleError::Json(e),
            OpenError::Decode(e) => BundleError::Model(e),
            _ => self.not_signed_by_anchor(&unopened),
        })?;
        let bundle = opened.payload;
        if bundle.kind != BUNDLE_TYPE || bundle.version != 1 {
            return Err(BundleError::Version);
        }
        if bundle.anchor != self.0.did() {
            return Err(BundleError::AnchorMismatch);
        }
        if let Some(seen) = seen_sequence {
            if bundle.sequence < seen {
                return Err(BundleError::Rollback {
                    got: bundle.sequence,
                    seen,
                });
            }
        }
        check_dates(&bundle)?;
        VerifiedBundle::index(bundle, bundle_digest(compact), true)
    }

    /// The refusal of a bundle this anchor did not sign, naming the key that did when the
    /// header names one whose signature verifies: a wrong `--anchor` is far more common
    /// than a forged bundle.
    fn not_signed_by_anchor(&self, unopened: &Unopened<'_, BundleJwt>) -> BundleError {
        let jws = unopened.jws();
        let signer = jws
            .header()
            .kid
            .as_deref()
            .and_then(|kid| PublicKey::from_did(kid).ok())
            .filter(|key| jws.verify_with(key))
            .map(|key| key.did());
        BundleError::NotSignedByAnchor {
            pinned: self.0.did(),
            signer,
        }
    }
}

/// The digest [`VerifiedBundle::digest`] names a signed bundle by: `sha256:` and the hex
/// SHA-256 of the compact JWS as received (white space around it ignored).
pub fn bundle_digest(compact: &str) -> String {
    use sha2::Digest as _;
    format!(
        "sha256:{}",
        hex::encode(sha2::Sha256::digest(compact.trim().as_bytes()))
    )
}

/// Reads a bundle's payload without verifying it (to find its sequence or anchor for
/// display); never use the result for a trust decision.
pub fn peek_unchecked(compact: &str) -> Option<TrustBundle> {
    let jws = crate::signed::parse::<BundleJwt>(compact).ok()?;
    serde_json::from_slice(jws.payload()).ok()
}
