//! Ed25519 keys, `did:key` identifiers and JWKs (RFC 8037 `OKP` / `Ed25519`).
//!
//! Secret keys are zeroized on drop and never printed: their `Debug` is redacted and the
//! only way to get the secret bytes out is [`SecretKey::to_private_jwk`], which returns a
//! zeroizing string meant for a key file.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use zeroize::Zeroizing;

/// The multicodec prefix of an Ed25519 public key (`ed25519-pub`, varint 0xed 0x01).
const ED25519_MULTICODEC: [u8; 2] = [0xed, 0x01];
/// Longest `did:key` string we look at; an Ed25519 did:key is 56 characters.
const MAX_DID_LEN: usize = 128;
/// Longest JWK document we parse (a private Ed25519 JWK is about 150 bytes).
pub const MAX_JWK_LEN: usize = 4096;

/// What can go wrong reading or decoding a key or identifier.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyError {
    /// The DID is not a `did:key` of an Ed25519 key.
    #[error("not an Ed25519 did:key: {0}")]
    BadDid(String),
    /// The JWK is not an Ed25519 OKP key, or a member is malformed.
    #[error("not an Ed25519 JWK: {0}")]
    BadJwk(String),
    /// The public key is not a valid Ed25519 point, or is a weak (small-order) key.
    #[error("invalid Ed25519 public key")]
    BadPublicKey,
    /// A private JWK whose `x` does not belong to its `d`.
    #[error("the JWK's public key `x` does not match its private key `d`")]
    MismatchedJwk,
}

/// An Ed25519 signing key. Zeroized on drop; `Debug` shows only the public `did:key`.
pub struct SecretKey(SigningKey);

impl SecretKey {
    /// A fresh key from the operating system's random source.
    pub fn generate() -> Self {
        Self(SigningKey::generate(&mut rand::rngs::OsRng))
    }

    /// The key whose RFC 8032 secret (seed) is `bytes`.
    pub fn from_bytes(bytes: &[u8; 32]) -> Self {
        Self(SigningKey::from_bytes(bytes))
    }

    /// The matching public key.
    pub fn public(&self) -> PublicKey {
        PublicKey(self.0.verifying_key())
    }

    /// Signs `message` (Ed25519 is deterministic: same key and message, same signature).
    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.0.sign(message).to_bytes()
    }

    /// The private JWK (`kty` OKP, `crv` Ed25519, `x`, `d`) as JSON, for a key file.
    pub fn to_private_jwk(&self) -> Zeroizing<String> {
        let d = Zeroizing::new(URL_SAFE_NO_PAD.encode(self.0.to_bytes()));
        let x = URL_SAFE_NO_PAD.encode(self.0.verifying_key().to_bytes());
        Zeroizing::new(format!(
            "{{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"{x}\",\"d\":\"{}\"}}",
            d.as_str()
        ))
    }

    /// Reads a private JWK. `x`, when present, must match `d`.
    pub fn from_private_jwk(json: &str) -> Result<Self, KeyError> {
        if json.len() > MAX_JWK_LEN {
            return Err(KeyError::BadJwk("document too large".into()));
        }
        let jwk: Zeroizing<JwkFields> = Zeroizing::new(
            serde_json::from_str(json).map_err(|e| KeyError::BadJwk(e.to_string()))?,
        );
        jwk.check_type()?;
        let d = jwk.d.as_deref().ok_or_else(|| {
            KeyError::BadJwk("no private member `d`: this is a public key".into())
        })?;
        let d = Zeroizing::new(decode_32(d, "d")?);
        let key = Self::from_bytes(&d);
        if let Some(x) = &jwk.x {
            if decode_32(x, "x")? != key.public().to_bytes() {
                return Err(KeyError::MismatchedJwk);
            }
        }
        Ok(key)
    }
}

impl fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("SecretKey")
            .field(&format_args!("{} (secret redacted)", self.public().did()))
            .finish()
    }
}

/// An Ed25519 public key, checked to be a valid point and not of small order.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PublicKey(VerifyingKey);

impl PublicKey {
    /// From the 32 raw bytes; rejects invalid points and weak keys.
    pub fn from_bytes(bytes: &[u8; 32]) -> Result<Self, KeyError> {
        let key = VerifyingKey::from_bytes(bytes).map_err(|_| KeyError::BadPublicKey)?;
        if key.is_weak() {
            return Err(KeyError::BadPublicKey);
        }
        Ok(Self(key))
    }

    /// The 32 raw bytes.
    pub fn to_bytes(&self) -> [u8; 32] {
        self.0.to_bytes()
    }

    /// The dalek key, for the signature hot path.
    pub fn as_dalek(&self) -> &VerifyingKey {
        &self.0
    }

    /// `did:key:z6Mk…`: multibase base58btc of the multicodec `ed25519-pub` key.
    pub fn did(&self) -> String {
        let mut bytes = Vec::with_capacity(34);
        bytes.extend_from_slice(&ED25519_MULTICODEC);
        bytes.extend_from_slice(self.0.as_bytes());
        format!("did:key:z{}", bs58::encode(bytes).into_string())
    }

    /// The DID URL of the key's verification method: `did:key:z…#z…`.
    pub fn did_url(&self) -> String {
        let did = self.did();
        let fragment = did.trim_start_matches("did:key:").to_owned();
        format!("{did}#{fragment}")
    }

    /// Decodes a `did:key` (with or without a `#fragment`, which must then repeat the key).
    pub fn from_did(did: &str) -> Result<Self, KeyError> {
        let bad = || KeyError::BadDid(truncate(did));
        if did.len() > MAX_DID_LEN {
            return Err(bad());
        }
        let (did, fragment) = match did.split_once('#') {
            Some((d, f)) => (d, Some(f)),
            None => (did, None),
        };
        let multibase = did.strip_prefix("did:key:").ok_or_else(bad)?;
        if let Some(fragment) = fragment {
            if fragment != multibase {
                return Err(bad());
            }
        }
        let b58 = multibase.strip_prefix('z').ok_or_else(bad)?;
        let bytes = bs58::decode(b58).into_vec().map_err(|_| bad())?;
        let key: [u8; 32] = match bytes.split_first_chunk::<2>() {
            Some((prefix, rest)) if *prefix == ED25519_MULTICODEC => {
                rest.try_into().map_err(|_| bad())?
            }
            _ => return Err(bad()),
        };
        Self::from_bytes(&key)
    }

    /// The public JWK.
    pub fn to_jwk(&self) -> PublicJwk {
        PublicJwk {
            kty: "OKP".into(),
            crv: "Ed25519".into(),
            x: URL_SAFE_NO_PAD.encode(self.0.as_bytes()),
            kid: None,
        }
    }

    /// Reads a public JWK (members other than `kty`, `crv`, `x` are ignored, except that a
    /// private `d` is refused so that secrets are never accepted where a public key belongs).
    pub fn from_jwk(jwk: &PublicJwk) -> Result<Self, KeyError> {
        if jwk.kty != "OKP" || jwk.crv != "Ed25519" {
            return Err(KeyError::BadJwk(format!("kty {} crv {}", jwk.kty, jwk.crv)));
        }
        Self::from_bytes(&decode_32(&jwk.x, "x")?)
    }

    /// The RFC 7638 JWK thumbprint (SHA-256, base64url), in full.
    pub fn thumbprint(&self) -> String {
        let jwk = self.to_jwk();
        // RFC 7638: the required members in lexicographic order, no whitespace.
        let canonical = format!(
            "{{\"crv\":\"{}\",\"kty\":\"{}\",\"x\":\"{}\"}}",
            jwk.crv, jwk.kty, jwk.x
        );
        URL_SAFE_NO_PAD.encode(Sha256::digest(canonical.as_bytes()))
    }

    /// Strict Ed25519 verification (rejects non-canonical and small-order signatures).
    pub fn verify(&self, message: &[u8], signature: &[u8; 64]) -> bool {
        self.0
            .verify_strict(message, &Signature::from_bytes(signature))
            .is_ok()
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("PublicKey").field(&self.did()).finish()
    }
}

/// A public Ed25519 JWK as published in trust bundles and JWKS documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicJwk {
    /// Always `OKP`.
    pub kty: String,
    /// Always `Ed25519`.
    pub crv: String,
    /// The public key, base64url.
    pub x: String,
    /// Optional key id (a DID URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kid: Option<String>,
}

/// The members of an OKP JWK we read from key files; zeroized because `d` is secret.
#[derive(Deserialize, zeroize::Zeroize)]
struct JwkFields {
    kty: String,
    crv: Option<String>,
    x: Option<String>,
    d: Option<String>,
}

impl JwkFields {
    fn check_type(&self) -> Result<(), KeyError> {
        if self.kty != "OKP" || self.crv.as_deref() != Some("Ed25519") {
            return Err(KeyError::BadJwk(format!(
                "kty {} crv {}: only OKP/Ed25519 keys are supported",
                self.kty,
                self.crv.as_deref().unwrap_or("(none)")
            )));
        }
        Ok(())
    }
}

fn decode_32(b64: &str, member: &str) -> Result<[u8; 32], KeyError> {
    let bytes = Zeroizing::new(
        URL_SAFE_NO_PAD
            .decode(b64)
            .map_err(|_| KeyError::BadJwk(format!("`{member}` is not base64url")))?,
    );
    bytes
        .as_slice()
        .try_into()
        .map_err(|_| KeyError::BadJwk(format!("`{member}` is not 32 bytes")))
}

fn truncate(s: &str) -> String {
    s.chars().take(80).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex32(s: &str) -> [u8; 32] {
        let v: Vec<u8> = (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect();
        v.try_into().unwrap()
    }

    // RFC 8037 Appendix A.1-A.3 (testdata/README.md).
    const RFC8037_D: &str = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
    const RFC8037_X: &str = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";

    #[test]
    fn rfc8037_private_jwk_yields_its_public_key() {
        let jwk = format!(r#"{{"kty":"OKP","crv":"Ed25519","d":"{RFC8037_D}","x":"{RFC8037_X}"}}"#);
        let key = SecretKey::from_private_jwk(&jwk).unwrap();
        assert_eq!(key.public().to_jwk().x, RFC8037_X);
    }

    #[test]
    fn rfc8037_thumbprint_matches_appendix_a3() {
        let jwk = PublicJwk {
            kty: "OKP".into(),
            crv: "Ed25519".into(),
            x: RFC8037_X.into(),
            kid: None,
        };
        let key = PublicKey::from_jwk(&jwk).unwrap();
        assert_eq!(
            key.thumbprint(),
            "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
        );
    }

    #[test]
    fn did_key_vectors_from_the_did_key_method_suite() {
        for (seed, did) in [
            (
                "0000000000000000000000000000000000000000000000000000000000000000",
                "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
            ),
            (
                "0000000000000000000000000000000000000000000000000000000000000001",
                "did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG",
            ),
            (
                "0000000000000000000000000000000000000000000000000000000000000002",
                "did:key:z6MknGc3ocHs3zdPiJbnaaqDi58NGb4pk1Sp9WxWufuXSdxf",
            ),
        ] {
            let key = SecretKey::from_bytes(&hex32(seed)).public();
            assert_eq!(key.did(), did);
            assert_eq!(PublicKey::from_did(did).unwrap(), key);
            let url = key.did_url();
            assert_eq!(url, format!("{did}#{}", &did[8..]));
            assert_eq!(PublicKey::from_did(&url).unwrap(), key);
        }
    }

    #[test]
    fn did_key_of_rfc8037_key_is_the_derived_vector() {
        let key = SecretKey::from_bytes(&hex32(
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        ));
        assert_eq!(
            key.public().did(),
            "did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw"
        );
    }

    #[test]
    fn malformed_did_keys_are_rejected() {
        let good = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
        for bad in [
            "did:web:example.org",
            "did:key:6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", // no multibase prefix
            "did:key:z0OIl",                                           // not base58
            "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme", // secp256k1 codec
            &good[..good.len() - 3],
            &format!("{good}#z6MkOther"),
            &format!("{good}{}", "1".repeat(200)),
        ] {
            assert!(PublicKey::from_did(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn jwk_round_trip_and_mismatched_x_is_rejected() {
        let key = SecretKey::generate();
        let again = SecretKey::from_private_jwk(&key.to_private_jwk()).unwrap();
        assert_eq!(again.public(), key.public());
        let other = SecretKey::generate().public().to_jwk().x;
        let jwk = format!(r#"{{"kty":"OKP","crv":"Ed25519","d":"{RFC8037_D}","x":"{other}"}}"#);
        assert_eq!(
            SecretKey::from_private_jwk(&jwk).unwrap_err(),
            KeyError::MismatchedJwk
        );
    }

    #[test]
    fn public_jwk_is_refused_as_a_secret_key_and_other_curves_are_refused() {
        let public = format!(r#"{{"kty":"OKP","crv":"Ed25519","x":"{RFC8037_X}"}}"#);
        assert!(matches!(
            SecretKey::from_private_jwk(&public),
            Err(KeyError::BadJwk(_))
        ));
        let x448 = format!(r#"{{"kty":"OKP","crv":"X25519","d":"{RFC8037_D}"}}"#);
        assert!(matches!(
            SecretKey::from_private_jwk(&x448),
            Err(KeyError::BadJwk(_))
        ));
        let short = r#"{"kty":"OKP","crv":"Ed25519","d":"AAAA"}"#;
        assert!(matches!(
            SecretKey::from_private_jwk(short),
            Err(KeyError::BadJwk(_))
        ));
    }

    #[test]
    fn weak_public_keys_are_rejected() {
        // The identity point (small order) encodes as 0x01 followed by zeros.
        let mut identity = [0u8; 32];
        identity[0] = 1;
        assert_eq!(
            PublicKey::from_bytes(&identity),
            Err(KeyError::BadPublicKey)
        );
    }

    #[test]
    fn debug_output_never_contains_the_secret() {
        let key = SecretKey::from_bytes(&hex32(
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        ));
        let shown = format!("{key:?}");
        assert!(!shown.contains(RFC8037_D));
        assert!(!shown.contains("9d61b19d"));
        assert!(shown.contains("redacted"));
    }
}
