//! The presentation checks, in the order they run (see `presentation/mod.rs`).

use std::fmt;

use serde::Serialize;

/// One of the seven presentation checks. Serialized by its stable name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PresentationCheckId {
    /// `well-formed`: size, segments, encoding, strict JSON, `typ` `vp+jwt`, the envelope.
    WellFormed,
    /// `algorithm`: EdDSA or ES256 only.
    Algorithm,
    /// `holder-signature`: signed by the key of the holder's own `did:key`.
    HolderSignature,
    /// `audience`: `aud` names this verifier.
    Audience,
    /// `nonce`: the one this verifier handed out.
    Nonce,
    /// `freshness`: `iat` recent and not in the future, `exp` not passed.
    Freshness,
    /// `holder-binding`: the holder is the subject of every enclosed credential.
    HolderBinding,
}

impl PresentationCheckId {
    /// The stable name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Self::WellFormed => "well-formed",
            Self::Algorithm => "algorithm",
            Self::HolderSignature => "holder-signature",
            Self::Audience => "audience",
            Self::Nonce => "nonce",
            Self::Freshness => "freshness",
            Self::HolderBinding => "holder-binding",
        }
    }

    /// Every check, in order.
    pub const ALL: [PresentationCheckId; 7] = [
        Self::WellFormed,
        Self::Algorithm,
        Self::HolderSignature,
        Self::Audience,
        Self::Nonce,
        Self::Freshness,
        Self::HolderBinding,
    ];
}

impl crate::report::CheckId for PresentationCheckId {
    const ALL: &'static [Self] = &PresentationCheckId::ALL;
    fn name(self) -> &'static str {
        PresentationCheckId::name(self)
    }
}

impl fmt::Display for PresentationCheckId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One presentation check's result.
pub type PresentationCheck = crate::report::Check<PresentationCheckId>;
