//! Credentials an issuer publishes — compact JWS or Data Integrity JSON — read (`envelope`)
//! and verified as an offline verifier would, against a bundle of just that issuer and its
//! status lists (`PublishCheck`), under core's publish policy (`PublishPolicy::registry`):
//! which of the verifier's checks must pass.

use chrono::{DateTime, Duration, Utc};
use credential_core::integrity::peek_credential;
use credential_core::sdjwt::{split, verify_issued_dc};
use credential_core::sdjwt_vc::layout::to_vc;
use credential_core::signed::{peek_json, DcSdJwtIssuerJwt};
use credential_core::{
    BundleBuilder, CheckedCredential, Outcome, PublicKey, PublishPolicy, PublishRefusal, Report,
    VerifiedBundle, Verifier,
};

use crate::error::{AppError, ErrorCode};
use crate::records::{IssuerRecord, StatusListRecord};

/// Reads a credential's envelope (no cryptography): 422 `invalid_credential` if it has none.
/// The credential is a compact JWS, or JSON with an embedded Data Integrity proof (the
/// envelope is then read from the document without its proof).
/// An IETF SD-JWT VC (`<JWS>~<disclosure>~…~`) is read from its issuer-signed payload
/// mapped back to the VC 2.0 document it was made from (the always-visible claims: id,
/// issuer, holder, status).
pub(crate) fn envelope(credential: &str) -> Result<CheckedCredential, AppError> {
    let refuse = |e: String| {
        AppError::said_detail(ErrorCode::InvalidCredential, "reg-credential-refused", e)
    };
    if is_sd_jwt(credential) {
        let parts = split(credential.trim()).map_err(|e| refuse(e.to_string()))?;
        let payload =
            peek_json::<DcSdJwtIssuerJwt>(parts.jws).map_err(|e| refuse(e.to_string()))?;
        let doc = to_vc(&payload).map_err(|e| refuse(e.to_string()))?;
        return CheckedCredential::from_value(&doc).map_err(|e| refuse(e.to_string()));
    }
    peek_credential(credential).map_err(|e| refuse(e.to_string()))
}

/// Whether a published text is an SD-JWT (the registry takes the IETF `dc+sd-jwt` layout,
/// as issued: every disclosure, no key binding).
pub(crate) fn is_sd_jwt(text: &str) -> bool {
    text.contains('~')
}

/// A verifier's report on one published credential; for an SD-JWT, also the first SD-JWT
/// check (digests, disclosures, `vct#integrity`, …) that failed.
pub(crate) struct Checked {
    report: Report,
    sd_failure: Option<String>,
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

    /// The verifier's reports on `credentials`, in order: JWS and Data Integrity
    /// credentials together (batched), SD-JWT VCs one by one through the SD-JWT verifier.
    pub(crate) fn verify_many(&self, credentials: &[&str]) -> Vec<Checked> {
        let verifier = Verifier::new(&self.bundle, self.now);
        let plain: Vec<&str> = credentials
            .iter()
            .copied()
            .filter(|c| !is_sd_jwt(c))
            .collect();
        let mut plain = verifier.verify_many(&plain).into_iter();
        credentials
            .iter()
            .filter_map(|c| {
                if !is_sd_jwt(c) {
                    return plain.next().map(|report| Checked {
                        report,
                        sd_failure: None,
                    });
                }
                let sd = verify_issued_dc(&verifier, c);
                let sd_failure = sd
                    .checks
                    .iter()
                    .find(|check| check.outcome == Outcome::Fail)
                    .map(|check| check.detail.as_str().to_owned());
                Some(Checked {
                    report: sd.credential,
                    sd_failure,
                })
            })
            .collect()
    }

    /// Whether the credential `which` (its place in the request, for the message) with
    /// `report` may be published: this issuer's (403 `forbidden`), in its scope (403
    /// `out_of_scope`), passing the publish checks (422 `invalid_credential`) and naming
    /// only status lists the registry holds (422 `unknown_status_list`).
    pub(crate) fn admit(&self, which: &str, checked: &Checked) -> Result<(), AppError> {
        let report = &checked.report;
        if let Some(c) = &report.credential {
            if c.issuer != self.issuer {
                return Err(AppError::said(
                    ErrorCode::Forbidden,
                    credential_core::i18n::Msg::new("reg-not-signers-credential")
                        .arg("which", which)
                        .arg("issuer", c.issuer.as_str()),
                ));
            }
        }
        if let Some(detail) = &checked.sd_failure {
            return Err(AppError::said_detail(
                ErrorCode::InvalidCredential,
                "reg-credential-refused",
                format!("{which}: {detail}"),
            ));
        }
        PublishPolicy::registry()
            .judge(report)
            .map_err(|refusal| match refusal {
                PublishRefusal::OutOfScope { detail } => AppError::said_detail(
                    ErrorCode::OutOfScope,
                    "reg-out-of-scope",
                    format!("{which}: {detail}"),
                ),
                PublishRefusal::UnknownStatusList => AppError::said_detail(
                    ErrorCode::UnknownStatusList,
                    "reg-credential-refused",
                    format!("{which} {refusal}"),
                ),
                other => AppError::said_detail(
                    ErrorCode::InvalidCredential,
                    "reg-credential-refused",
                    format!("{which}: {other}"),
                ),
            })
    }
}
