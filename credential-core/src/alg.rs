//! The signature algorithms Skillpass accepts: **the one allow-list**.
//!
//! `EdDSA` (Ed25519, RFC 8037) is the native algorithm; `ES256` (ECDSA with P-256 and
//! SHA-256, RFC 7518 §3.4) is accepted beside it for issuer and holder keys because the
//! OpenID high-assurance profile (HAIP 1.0) requires wallets and issuers to support it;
//! `ES384` (ECDSA with P-384 and SHA-384) and `ES512` (ECDSA with P-521 and SHA-512) for
//! institutions whose policy asks for a 192- or 256-bit security level (and because
//! VC-JOSE-COSE's test suite signs with all three NIST curves). Everything else — `none`, every HMAC, RSA, other curves, the draft name `Ed25519` — is
//! refused by [`Algorithm::from_name`] before any key is looked at. Adding an algorithm
//! means adding a variant here (and its key type in `keys.rs`); nothing else names one.

use std::fmt;

/// A JWS `alg` Skillpass signs and verifies with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Algorithm {
    /// `EdDSA` with Ed25519 (RFC 8037).
    EdDSA,
    /// `ES256`: ECDSA over P-256 with SHA-256 (RFC 7518 §3.4).
    Es256,
    /// `ES384`: ECDSA over P-384 with SHA-384 (RFC 7518 §3.4).
    Es384,
    /// `ES512`: ECDSA over P-521 with SHA-512 (RFC 7518 §3.4).
    Es512,
}

impl Algorithm {
    /// Every accepted algorithm, the native one first.
    pub const ALL: [Algorithm; 4] = [
        Algorithm::EdDSA,
        Algorithm::Es256,
        Algorithm::Es384,
        Algorithm::Es512,
    ];

    /// The JOSE name (`alg` header value).
    pub fn name(self) -> &'static str {
        match self {
            Self::EdDSA => "EdDSA",
            Self::Es256 => "ES256",
            Self::Es384 => "ES384",
            Self::Es512 => "ES512",
        }
    }

    /// The algorithm with this exact JOSE name, or `None` for anything not allowed.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.name() == name)
    }

    /// The curve of its keys, for people (`Ed25519`, `P-256`).
    pub fn curve(self) -> &'static str {
        match self {
            Self::EdDSA => "Ed25519",
            Self::Es256 => "P-256",
            Self::Es384 => "P-384",
            Self::Es512 => "P-521",
        }
    }

    /// The length of its JWS signature: 64 bytes for Ed25519 and for ES256 (`r || s`,
    /// 32 bytes each), 96 for ES384 (48 each), 132 for ES512 (66 each), RFC 7518 §3.4.
    pub fn signature_len(self) -> usize {
        match self {
            Self::EdDSA | Self::Es256 => 64,
            Self::Es384 => 96,
            Self::Es512 => 132,
        }
    }

    /// The algorithm and its curve, for check details: `EdDSA (Ed25519)`, `ES256 (P-256)`.
    pub fn describe(self) -> String {
        format!("{} ({})", self.name(), self.curve())
    }

    /// The names of every accepted algorithm, for messages and metadata.
    pub fn names() -> Vec<&'static str> {
        Self::ALL.iter().map(|a| a.name()).collect()
    }
}

impl fmt::Display for Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::str::FromStr for Algorithm {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        Self::from_name(s).ok_or_else(|| {
            format!(
                "algorithm {s:?} is not supported; choose one of {}",
                Self::names().join(", ")
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_eddsa_and_the_three_nist_ecdsa_algorithms_are_allowed_by_their_exact_names() {
        assert_eq!(Algorithm::from_name("EdDSA"), Some(Algorithm::EdDSA));
        assert_eq!(Algorithm::from_name("ES256"), Some(Algorithm::Es256));
        assert_eq!(Algorithm::from_name("ES384"), Some(Algorithm::Es384));
        assert_eq!(Algorithm::from_name("ES512"), Some(Algorithm::Es512));
        for refused in [
            "none", "None", "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384",
            "PS512", "ES256K", "Ed25519", "Ed448", "es256", "es384", "es512", "ES521", "eddsa", "",
        ] {
            assert_eq!(Algorithm::from_name(refused), None, "{refused}");
        }
    }
}
