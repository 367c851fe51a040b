//! Credentials an issuer publishes — compact JWS or Data Integrity JSON — read (`envelope`)
//! and verified as an offline verifier would, against a bundle of just that issuer and its status lists (`PublishCheck`), with
//! the registry's publish policy: which of the verifier's checks must pass.

use chrono::{DateTime, Duration, Utc};
use credential_core::json::{parse_strict, JsonError};
use credential_core::jws::{JwsError, UnverifiedJws};
use credential_core::verify::is_data_integrity;
use credential_core::{
    BundleBuilder, CheckId, CheckedCredential, CredentialError, Outcome, Report, SecretKey,
    TrustAnchor, VerifiedBundle, Verifier,
};

use crate::bounds::MAX_CREDENTIAL_JWS;
use crate::error::{AppError, ErrorCode};
use crate::records::{IssuerRecord, StatusListRecord};

/// The verifier's checks a credential must pass to be published. Validity period, status
/// and freshness are left out: a credential may be published before it is valid, after it
/// was revoked, and the bundle here is made on the spot.
const PUBLISH_CHECKS: [CheckId; 6] = [
    CheckId::WellFormed,
    CheckId::Algorithm,
    CheckId::IssuerAccredited,
    CheckId::KeyValid,
    CheckId::Signature,
    CheckId::Schema,
];

/// Why a credential's envelope could not be read.
#[derive(Debug, thiserror::Error)]
enum Refusal {
    #[error(transparent)]
    Jws(#[from] JwsError),
    #[error(transparent)]
    Json(#[from] JsonError),
    #[error(transparent)]
    Content(#[from] CredentialError),
}

impl From<Refusal> for AppError {
    fn from(e: Refusal) -> Self {
        AppError::new(ErrorCode::InvalidCredential, e.to_string())
    }
}

/// Reads a credential's envelope (no cryptography): 422 `invalid_credential` if it has none.
/// The credential is a compact JWS, or JSON with an embedded Data Integrity proof (the
/// envelope is then read from the document without its proof).
pub(crate) fn envelope(credential: &str) -> Result<CheckedCredential, AppError> {
    let text = credential.trim();
    let doc = if is_data_integrity(text) {
        let mut doc = parse_strict(text.as_bytes()).map_err(Refusal::from)?;
        if let Some(object) = doc.as_object_mut() {
            object.remove("proof");
        }
        doc
    } else {
        let parsed = UnverifiedJws::parse(text, MAX_CREDENTIAL_JWS).map_err(Refusal::from)?;
        parse_strict(parsed.payload()).map_err(Refusal::from)?
    };
    Ok(CheckedCredential::from_value(&doc).map_err(Refusal::from)?)
}

/// Verifies credentials one issuer publishes.
pub(crate) struct PublishCheck {
    bundle: VerifiedBundle,
    issuer: String,
    now: DateTime<Utc>,
}

impl PublishCheck {
    /// A check of `issuer`'s credentials at `now`, with its status lists `lists`.
    ///
    /// The verifier needs a verified bundle, so one of just this issuer is signed with the
    /// operator key and verified at once (phase B: core's trusted-bundle constructor
    /// replaces this round trip).
    pub(crate) fn new<'a>(
        operator: &SecretKey,
        issuer: &IssuerRecord,
        lists: impl IntoIterator<Item = &'a StatusListRecord>,
        now: DateTime<Utc>,
    ) -> Result<Self, AppError> {
        let entry = issuer
            .bundle_entry()
            .ok_or_else(|| AppError::internal("active issuer without accreditation"))?;
        let mut builder =
            BundleBuilder::new(&operator.public(), 0, now, now + Duration::hours(1)).issuer(entry);
        for list in lists {
            builder = builder.status_list(list.jws.clone());
        }
        let signed = builder.sign(operator)?;
        let anchor = TrustAnchor::from_did(&operator.public().did()).map_err(AppError::internal)?;
        let bundle = anchor
            .verify_bundle(&signed, None)
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
        for id in PUBLISH_CHECKS {
            if let Some(check) = report.check(id).filter(|c| c.outcome != Outcome::Pass) {
                return Err(if id == CheckId::IssuerAccredited {
                    AppError::new(ErrorCode::OutOfScope, format!("{which}: {}", check.detail))
                } else {
                    AppError::new(
                        ErrorCode::InvalidCredential,
                        format!("{which}: {id} failed: {}", check.detail),
                    )
                });
            }
        }
        if report
            .check(CheckId::Status)
            .is_some_and(|c| c.outcome == Outcome::Indeterminate)
        {
            return Err(AppError::new(
                ErrorCode::UnknownStatusList,
                format!("{which} names a status list the registry does not have; include it in statusLists"),
            ));
        }
        Ok(())
    }
}
