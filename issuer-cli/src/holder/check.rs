//! Checking a credential the holder keeps (`vc+jwt` or SD-JWT) against a trust bundle, for
//! the wallet (what it remembers of each credential) and the card (the issuer's registered
//! name).

use anyhow::Result;
use chrono::{DateTime, Utc};
use credential_core::wallet::read_unchecked;
use credential_core::{CredentialFormat, LastKnown, Report, Verdict, VerifiedBundle, Verifier};

/// A verified trust bundle, opened through `TrustArgs::open`.
pub(super) struct Checker {
    bundle: VerifiedBundle,
}

impl Checker {
    pub(super) fn new(bundle: VerifiedBundle) -> Self {
        Self { bundle }
    }

    /// Verifies one credential as of `now`: its verdict and what the wallet should remember.
    pub(super) fn check(
        &self,
        credential: &str,
        now: DateTime<Utc>,
    ) -> Result<(Verdict, LastKnown)> {
        let (format, checked) = read_unchecked(credential)?;
        let fallback = LastKnown::unchecked(&checked);
        let report = self.report(credential, format, now);
        Ok((report.verdict, known_from(&report, fallback, now)))
    }

    /// The verifier's report on one credential of either format as of `now`.
    pub(super) fn report(
        &self,
        credential: &str,
        format: CredentialFormat,
        now: DateTime<Utc>,
    ) -> Report {
        let verifier = Verifier::new(&self.bundle, now);
        match format {
            CredentialFormat::VcJwt => verifier.verify(credential),
            CredentialFormat::SdJwt | CredentialFormat::DcSdJwt => {
                credential_core::sdjwt::verify_issued(&verifier, credential).credential
            }
        }
    }
}

/// What the wallet remembers of a credential after a verification: the verdict with the
/// failing checks, and what the verified credential says (title, registered issuer, levels);
/// `fallback`, the credential's own unverified words, where the report has none.
fn known_from(report: &Report, fallback: LastKnown, now: DateTime<Utc>) -> LastKnown {
    let status = match report.verdict {
        Verdict::Valid => "valid".to_owned(),
        v => {
            let failed = report.failed();
            if failed.is_empty() {
                v.to_string()
            } else {
                format!("{v} ({})", failed.join(", "))
            }
        }
    };
    match &report.credential {
        Some(c) => LastKnown {
            title: c.title.clone().or(fallback.title),
            titles: if c.titles.is_empty() {
                fallback.titles
            } else {
                c.titles.clone()
            },
            issuer: c.issuer.clone(),
            issuer_name: c.issuer_name.clone(),
            country: fallback.country.or_else(|| c.issuer_country.clone()),
            levels: c.levels.clone(),
            status,
            checked_at: Some(now),
        },
        None => LastKnown {
            status,
            checked_at: Some(now),
            ..fallback
        },
    }
}
