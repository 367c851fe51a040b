//! Which checks a registry requires before it publishes a credential: the credential
//! must be authentic and within its issuer's accreditation, while a credential already
//! revoked, expired or not yet valid is still the issuer's to record.

use std::fmt;

use super::check::CheckId;
use super::report::Report;
use crate::report::Outcome;

/// A rule over a verification [`Report`] deciding whether a credential may be published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublishPolicy {
    /// Checks that must pass, judged in this order (the first that does not is named).
    must_pass: &'static [CheckId],
    /// Whether an undecided status (a status list the registry lacks) refuses it.
    status_must_be_known: bool,
}

/// Why a credential may not be published.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PublishRefusal {
    /// `issuer-accredited` did not pass: outside the issuer's accreditation (a matter of
    /// permission, not of a malformed credential).
    #[error("{detail}")]
    OutOfScope {
        /// The check's detail.
        detail: String,
    },
    /// Another required check did not pass.
    #[error("{check} failed: {detail}")]
    Failed {
        /// The first required check that did not pass.
        check: CheckId,
        /// Its detail.
        detail: String,
    },
    /// The credential names a status list the verifying bundle does not hold.
    #[error("names a status list the registry does not have; include it in statusLists")]
    UnknownStatusList,
}

impl PublishPolicy {
    /// The registry's policy: well-formed, EdDSA, issued within the issuer's accreditation
    /// by its own valid key, a good signature and schema, and a status the registry can
    /// read. Validity period and status outcome are not judged: an issuer may publish a
    /// credential it has already revoked, or that starts later.
    pub const fn registry() -> Self {
        Self {
            must_pass: &[
                CheckId::WellFormed,
                CheckId::Algorithm,
                CheckId::IssuerAccredited,
                CheckId::KeyValid,
                CheckId::Signature,
                CheckId::Schema,
            ],
            status_must_be_known: true,
        }
    }

    /// The checks that must pass, in the order they are judged.
    pub fn must_pass(&self) -> &'static [CheckId] {
        self.must_pass
    }

    /// Judges `report`: the first required check that did not pass, or an undecided
    /// status, refuses publication.
    pub fn judge(&self, report: &Report) -> Result<(), PublishRefusal> {
        for &id in self.must_pass {
            if let Some(check) = report.check(id).filter(|c| c.outcome != Outcome::Pass) {
                let detail = check.detail.to_string();
                return Err(if id == CheckId::IssuerAccredited {
                    PublishRefusal::OutOfScope { detail }
                } else {
                    PublishRefusal::Failed { check: id, detail }
                });
            }
        }
        if self.status_must_be_known
            && report
                .check(CheckId::Status)
                .is_some_and(|c| c.outcome == Outcome::Indeterminate)
        {
            return Err(PublishRefusal::UnknownStatusList);
        }
        Ok(())
    }
}

impl fmt::Display for PublishPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.must_pass.iter().map(|c| c.name()).collect();
        write!(f, "must pass: {}", names.join(", "))?;
        if self.status_must_be_known {
            f.write_str("; status must be known")?;
        }
        Ok(())
    }
}
