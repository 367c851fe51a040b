//! The credential checks, in the order they run (see the list in `verify/mod.rs`).

use std::fmt;

use serde::Serialize;

/// One of the ten credential checks. Serialized by its stable name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CheckId {
    /// `trust-bundle`: signed by the pinned anchor, not a rollback (once per bundle).
    TrustBundle,
    /// `well-formed`: size, segments, base64url, strict JSON, `typ`, the VC 2.0 envelope.
    WellFormed,
    /// `algorithm`: EdDSA or ES256, never `none`, HMAC or RSA.
    Algorithm,
    /// `issuer-accredited`: known, active and in scope at the issuance date.
    IssuerAccredited,
    /// `key-valid`: the `kid` is the issuer's key, valid at the issuance date.
    KeyValid,
    /// `signature`: strict Ed25519.
    Signature,
    /// `schema`: the JSON Schema of the type, and framework levels that exist.
    Schema,
    /// `validity-period`: `validFrom` / `validUntil` against the verifier's clock.
    ValidityPeriod,
    /// `status`: neither revoked nor suspended per the bundle's status lists.
    Status,
    /// `bundle-fresh`: the bundle is before its next-update time.
    BundleFresh,
}

impl CheckId {
    /// The stable name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Self::TrustBundle => "trust-bundle",
            Self::WellFormed => "well-formed",
            Self::Algorithm => "algorithm",
            Self::IssuerAccredited => "issuer-accredited",
            Self::KeyValid => "key-valid",
            Self::Signature => "signature",
            Self::Schema => "schema",
            Self::ValidityPeriod => "validity-period",
            Self::Status => "status",
            Self::BundleFresh => "bundle-fresh",
        }
    }
}

impl crate::report::CheckId for CheckId {
    const ALL: &'static [Self] = &[
        Self::TrustBundle,
        Self::WellFormed,
        Self::Algorithm,
        Self::IssuerAccredited,
        Self::KeyValid,
        Self::Signature,
        Self::Schema,
        Self::ValidityPeriod,
        Self::Status,
        Self::BundleFresh,
    ];
    fn name(self) -> &'static str {
        CheckId::name(self)
    }
}

impl fmt::Display for CheckId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One credential check's result.
pub type Check = crate::report::Check<CheckId>;
