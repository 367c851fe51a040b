//! The SD-JWT checks, in the order they run (see `sdjwt/mod.rs`).

use std::fmt;

use serde::Serialize;

/// One of the seven SD-JWT checks. Serialized by its stable name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SdCheckId {
    /// `well-formed`: size and count limits, the `~` structure, each disclosure readable.
    WellFormed,
    /// `disclosures`: every disclosure issued in this credential, unaltered; sha-256.
    Disclosures,
    /// `key-binding`: a `kb+jwt` by the `cnf` key over exactly what was presented.
    KeyBinding,
    /// `audience`: the key binding's `aud` is this verifier.
    Audience,
    /// `nonce`: the key binding's `nonce` is the one supplied.
    Nonce,
    /// `freshness`: the key binding is recent.
    Freshness,
    /// `holder-binding`: the `cnf` key is the subject's did:key.
    HolderBinding,
}

impl SdCheckId {
    /// The stable name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Self::WellFormed => "well-formed",
            Self::Disclosures => "disclosures",
            Self::KeyBinding => "key-binding",
            Self::Audience => "audience",
            Self::Nonce => "nonce",
            Self::Freshness => "freshness",
            Self::HolderBinding => "holder-binding",
        }
    }

    /// Every check, in order.
    pub const ALL: [SdCheckId; 7] = [
        Self::WellFormed,
        Self::Disclosures,
        Self::KeyBinding,
        Self::Audience,
        Self::Nonce,
        Self::Freshness,
        Self::HolderBinding,
    ];
}

impl crate::report::CheckId for SdCheckId {
    const ALL: &'static [Self] = &SdCheckId::ALL;
    fn name(self) -> &'static str {
        SdCheckId::name(self)
    }
}

impl fmt::Display for SdCheckId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One SD-JWT check's result.
pub type SdCheck = crate::report::Check<SdCheckId>;
