//! Checking a credential the holder keeps (either format) against a trust bundle, and
//! reading its content, for the wallet.

use std::path::Path;

use anyhow::{Context as _, Result};
use chrono::{DateTime, Utc};
use credential_core::jws::{UnverifiedJws, MAX_JWS_LEN};
use credential_core::wallet::read_unchecked;
use credential_core::{CredentialFormat, LastKnown, Report, Verdict, VerifiedBundle, Verifier};
use serde_json::Value;

use crate::{verify, wallet};

/// A verified trust bundle to check wallet credentials with.
pub struct Checker {
    bundle: VerifiedBundle,
}

impl Checker {
    /// Opens and verifies the bundle against the pinned anchor (with the rollback state).
    pub fn open(bundle: &Path, anchor: &str) -> Result<Self> {
        let bundle = verify::open_bundle_file(bundle, anchor, None)?
            .context("the trust bundle was refused")?;
        Ok(Self { bundle })
    }

    /// Verifies one credential as of `now`: its verdict and what the wallet should remember.
    pub fn check(&self, credential: &str, now: DateTime<Utc>) -> Result<(Verdict, LastKnown)> {
        let (format, checked) = read_unchecked(credential)?;
        let fallback = LastKnown::unchecked(&checked);
        let report = self.report(credential, format, now);
        Ok((report.verdict, wallet::known_from(&report, fallback, now)))
    }

    /// The verifier's report on one credential of either format as of `now`.
    pub fn report(&self, credential: &str, format: CredentialFormat, now: DateTime<Utc>) -> Report {
        let verifier = Verifier::new(&self.bundle, now);
        match format {
            CredentialFormat::VcJwt => verifier.verify(credential),
            CredentialFormat::SdJwt => {
                credential_core::sdjwt::verify_issued(&verifier, credential).credential
            }
        }
    }
}

/// The content of a credential the holder keeps: the signed document, with every
/// disclosure put back for an SD-JWT. Not verified: for the holder's own reading.
pub fn content(credential: &str) -> Result<Value> {
    match CredentialFormat::detect(credential) {
        CredentialFormat::VcJwt => {
            let parsed = UnverifiedJws::parse(credential, MAX_JWS_LEN)?;
            serde_json::from_slice(parsed.payload()).context("the credential payload is not JSON")
        }
        CredentialFormat::SdJwt => Ok(credential_core::sdjwt::reveal_all_unchecked(credential)?),
    }
}
