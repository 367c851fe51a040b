//! Credentials an issuer publishes — compact JWS or Data Integrity JSON — read (`envelope`)
//! and verified as an offline verifier would, against a bundle of just that issuer and its
//! status lists (`PublishCheck`), under core's publish policy (`PublishPolicy::registry`):
//! which of the verifier's checks must pass.

use chrono::{DateTime, Duration, Utc};
use credential_core::integrity::peek_credential;
use credential_core::{
    BundleBuilder, CheckedCredential, PublicKey, PublishPolicy, PublishRefusal, Report,
    VerifiedBundle, Verifier,
};

use crate::error::{AppError, ErrorCode};
use crate::records::{IssuerRecord, StatusListRecord};

/// Reads a credential's envelope (no cryptography): 422 `invalid_credential` if it has none.
/// The credential is a compact JWS, or JSON with an embedded Data Integrity proof (the
/// envelope is then read from the document without its proof).
pub(crate) fn envelope(credential: &str) -> Result<CheckedCredential, AppError> {
    peek_credential(credential)
        .map_err(|e| AppError::new(ErrorCode::InvalidCredential, e.to_string()))
}

/// Verifies credentials one issuer publishes.
pub(crate) struct PublishCheck {
    bundle: VerifiedBundle,
    issuer: String,
    now: DateTime<Utc>,
}

impl PublishCheck {
    /// A check of `issuer`'s credentials at `now`, with its status lists `lists`. The
    /// registry holds these records itself, so the verifier's bundle is built from them in
    /// memory (core's loudly named trusted constructor) rather than signed and verified.
    pub(crate) fn new<'a>(
        operator: &PublicKey,
        issuer: &IssuerRecord,
        lists: impl IntoIterator<Item = &'a StatusListRecord>,
        now: DateTime<Utc>,
    ) -> Result<Self, AppError> {
        let entry = issuer
            .bundle_entry()
            .ok_or_else(|| AppError::internal("active issuer without accreditation"))?;
        let mut builder =
            BundleBuilder::new(operator, 0, now, now + Duration::hours(1)).issuer(entry);
        for list in lists {
            builder = builder.status_list(list.jws.clone());
        }
        let bundle = VerifiedBundle::from_trusted_unchecked(builder.into_bundle())
            .map_err(AppError::internal)?;
        Ok(Self {
            bundle,
            issuer: issuer.id.clone(),
            now,
        })
    }

    /// The verifier's reports on `credentials`, in order.
    pub(crate) fn verify_many(&self, credentials: &[&str]) -> Vec<Report> {
        Verifier::new(&self.bundle, self.now).verify_many(credentials)
    }

    /// Whether the credential `which` (its place in the request, for the message) with
    /// `report` may be published: this issuer's (403 `forbidden`), in its scope (403
    /// `out_of_scope`), passing the publish checks (422 `invalid_credential`) and naming
    /// only status lists the registry holds (422 `unknown_status_list`).
    pub(crate) fn admit(&self, which: &str, report: &Report) -> Result<(), AppError> {
        if let Some(c) = &report.credential {
            if c.issuer != self.issuer {
                return Err(AppError::new(
                    ErrorCode::Forbidden,
                    format!(
                        "{which} is issued by {}, not by the signer of this request",
                        c.issuer
                    ),
                ));
            }
        }
        PublishPolicy::registry()
            .judge(report)
            .map_err(|refusal| match refusal {
                PublishRefusal::OutOfScope { detail } => {
                    AppError::new(ErrorCode::OutOfScope, format!("{which}: {detail}"))
                }
                PublishRefusal::UnknownStatusList => {
                    AppError::new(ErrorCode::UnknownStatusList, format!("{which} {refusal}"))
                }
                other => AppError::new(ErrorCode::InvalidCredential, format!("{which}: {other}")),
            })
    }
}
