//! The bundle a run of `verify` checks against, opened once for every mode, and the
//! verifier built on it with the run's clock (`--at`) and destination (`--country`).

use anyhow::Result;
use chrono::Utc;
use credential_core::{BundleError, VerifiedBundle, Verifier};

use super::args::VerifyArgs;
use crate::common::trust::TrustError;

/// The opened bundle, or the reason it was refused: a refusal is reported, by each mode in
/// its own report form, as the verdict of what it checks.
pub(super) struct Trusted<'a> {
    bundle: Result<VerifiedBundle, BundleError>,
    args: &'a VerifyArgs,
}

impl<'a> Trusted<'a> {
    /// Opens the bundle; only what keeps the command from running (an anchor that is not a
    /// did:key, an unreadable file, a damaged memory) is an error here.
    pub(super) fn open(args: &'a VerifyArgs) -> Result<Self> {
        let bundle = match args.trust.open() {
            Ok(bundle) => Ok(bundle),
            Err(TrustError::Refused(why)) => Err(why),
            Err(e) => return Err(e.into()),
        };
        Ok(Self { bundle, args })
    }

    /// `verify` with the verifier, or `refused` with the reason the bundle was refused.
    pub(super) fn check<R>(
        &self,
        verify: impl FnOnce(&Verifier<'_>) -> R,
        refused: impl FnOnce(&str) -> R,
    ) -> Result<R> {
        let bundle = match &self.bundle {
            Ok(bundle) => bundle,
            Err(why) => return Ok(refused(&why.to_string())),
        };
        let mut verifier = Verifier::new(bundle, self.args.at.unwrap_or_else(Utc::now));
        if let Some(destination) = self.args.country.clone() {
            verifier = verifier.with_destination(destination)?;
        }
        Ok(verify(&verifier))
    }
}
