//! Signing keys, `did:key` / `did:jwk` identifiers and JWKs, for the four key types the
//! [algorithm allow-list](crate::alg) accepts: Ed25519 (RFC 8037 `OKP`), P-256, P-384 and
//! P-521 (RFC 7518 `EC`, for ES256, ES384 and ES512).
//!
//! Secret keys are zeroized on drop and never printed: their `Debug` is redacted and the
//! only way to get the secret bytes out is [`SecretKey::to_private_jwk`], which returns a
//! zeroizing string meant for a key file.
//!
//! Identifiers: an Ed25519 key is `did:key:z6Mk…` (multicodec `ed25519-pub`, 0xed), a P-256
//! key `did:key:zDn…` (multicodec `p256-pub`, 0x1200, over the 33-byte compressed point),
//! a P-384 key `did:key:z82…` (`p384-pub`, 0x1201, over the 49-byte compressed point), a
//! P-521 key `did:key:z2J9…` (`p521-pub`, 0x1202, over the 67-byte compressed point).
//! All also read as `did:jwk` (the JWK itself, base64url, in the DID), which many wallets
//! use for holder keys.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use p256::ecdsa::signature::{RandomizedSigner as _, Verifier as _};
use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};
use zeroize::Zeroizing;

use crate::alg::Algorithm;

/// The multicodec prefix of an Ed25519 public key (`ed25519-pub`, varint 0xed 0x01).
const ED25519_MULTICODEC: [u8; 2] = [0xed, 0x01];
/// The multicodec prefix of a P-256 public key (`p256-pub`, 0x1200 as varint 0x80 0x24).
const P256_MULTICODEC: [u8; 2] = [0x80, 0x24];
/// The multicodec prefix of a P-384 public key (`p384-pub`, 0x1201 as varint 0x81 0x24).
const P384_MULTICODEC: [u8; 2] = [0x81, 0x24];
/// The multicodec prefix of a P-521 public key (`p521-pub`, 0x1202 as varint 0x82 0x24).
const P521_MULTICODEC: [u8; 2] = [0x82, 0x24];
/// Longest `did:key` or `did:jwk` string we look at; a P-256 did:jwk is about 190
/// characters, an Ed25519 did:key 56.
const MAX_DID_LEN: usize = 512;
/// Longest JWK document we parse (a private P-256 JWK is about 200 bytes).
pub const MAX_JWK_LEN: usize = 4096;

/// What can go wrong reading or decoding a key or identifier.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyError {
    /// The DID is not a `did:key` or `did:jwk` of a supported key.
    #[error("not a did:key or did:jwk of an Ed25519, P-256, P-384 or P-521 key: {0}")]
    BadDid(String),
    /// The JWK is not an Ed25519 OKP key or a P-256 EC key, or a member is malformed.
    #[error("not an Ed25519, P-256, P-384 or P-521 JWK: {0}")]
    BadJwk(String),
    /// The public key is not a valid point, or is a weak (small-order) Ed25519 key.
    #[error("invalid public key: not a valid point of its curve")]
    BadPublicKey,
    /// A private JWK whose public members do not belong to its `d`.
    #[error("the JWK's public key does not match its private key `d`")]
    MismatchedJwk,
}

/// The four kinds of signing key.
enum Secret {
    Ed25519(SigningKey),
    P256(p256::ecdsa::SigningKey),
    P384(p384::ecdsa::SigningKey),
    P521(p521::ecdsa::SigningKey),
}

/// A signing key (Ed25519, P-256, P-384 or P-521). Zeroized on drop; `Debug` shows only the public DID.
pub struct SecretKey(Secret);

impl SecretKey {
    /// A fresh Ed25519 key from the operating system's random source.
    pub fn generate() -> Self {
        Self::generate_for(Algorithm::EdDSA)
    }

    /// A fresh key for `alg` from the operating system's random source.
    pub fn generate_for(alg: Algorithm) -> Self {
        match alg {
            Algorithm::EdDSA => Self(Secret::Ed25519(SigningKey::generate(
                &mut rand::rngs::OsRng,
            ))),
            Algorithm::Es256 => Self(Secret::P256(p256::ecdsa::SigningKey::random(
                &mut rand::rngs::OsRng,
            ))),
            Algorithm::Es384 => Self(Secret::P384(p384::ecdsa::SigningKey::random(
                &mut rand::rngs::OsRng,
            ))),
            Algorithm::Es512 => Self(Secret::P521(p521::ecdsa::SigningKey::random(
                &mut rand::rngs::OsRng,
            ))),
        }
    }

    /// The Ed25519 key whose RFC 8032 secret (seed) is `bytes`.
    pub fn from_bytes(bytes: &[u8; 32]) -> Self {
        Self(Secret::Ed25519(SigningKey::from_bytes(bytes)))
    }

    /// The P-256 key whose secret scalar is `bytes` (big-endian); zero and values not
    /// below the group order are refused.
    pub fn from_p256_bytes(bytes: &[u8; 32]) -> Result<Self, KeyError> {
        p256::ecdsa::SigningKey::from_slice(bytes)
            .map(|k| Self(Secret::P256(k)))
            .map_err(|_| KeyError::BadJwk("`d` is not a P-256 private key".into()))
    }

    /// The P-384 key whose secret scalar is `bytes` (big-endian); zero and values not
    /// below the group order are refused.
    pub fn from_p384_bytes(bytes: &[u8; 48]) -> Result<Self, KeyError> {
        p384::ecdsa::SigningKey::from_slice(bytes)
            .map(|k| Self(Secret::P384(k)))
            .map_err(|_| KeyError::BadJwk("`d` is not a P-384 private key".into()))
    }

    /// The P-521 key whose secret scalar is `bytes` (big-endian, 66 bytes); zero and values
    /// not below the group order are refused.
    pub fn from_p521_bytes(bytes: &[u8; 66]) -> Result<Self, KeyError> {
        p521::ecdsa::SigningKey::from_slice(bytes)
            .map(|k| Self(Secret::P521(k)))
            .map_err(|_| KeyError::BadJwk("`d` is not a P-521 private key".into()))
    }

    /// The algorithm this key signs with.
    pub fn algorithm(&self) -> Algorithm {
        match &self.0 {
            Secret::Ed25519(_) => Algorithm::EdDSA,
            Secret::P256(_) => Algorithm::Es256,
            Secret::P384(_) => Algorithm::Es384,
            Secret::P521(_) => Algorithm::Es512,
        }
    }

    /// The matching public key.
    pub fn public(&self) -> PublicKey {
        match &self.0 {
            Secret::Ed25519(k) => PublicKey(Public::Ed25519(k.verifying_key())),
            Secret::P256(k) => PublicKey::from_p256(k.verifying_key()),
            Secret::P384(k) => PublicKey::from_p384(k.verifying_key()),
            Secret::P521(k) => PublicKey::from_p521(&p521::ecdsa::VerifyingKey::from(k)),
        }
    }

    /// Signs `message`: an Ed25519 signature (64 bytes), or an ES256, ES384 or ES512
    /// signature as JOSE encodes it (`r || s`, 32, 48 or 66 bytes each, RFC 7518 §3.4): always
    /// [`Algorithm::signature_len`] bytes. All but ES512 are deterministic (RFC 8032,
    /// RFC 6979); an ES512 signature uses a fresh random nonce.
    pub fn sign(&self, message: &[u8]) -> Vec<u8> {
        match &self.0 {
            Secret::Ed25519(k) => k.sign(message).to_bytes().to_vec(),
            Secret::P256(k) => {
                let signature: p256::ecdsa::Signature = k.sign(message);
                signature.to_bytes().to_vec()
            }
            Secret::P384(k) => {
                let signature: p384::ecdsa::Signature = k.sign(message);
                signature.to_bytes().to_vec()
            }
            Secret::P521(k) => {
                // p521 0.13 has no RFC 6979 for P-521 (its k would need 521-bit, not
                // byte-wise, truncation): the nonce comes from the operating system instead.
                let signature: p521::ecdsa::Signature =
                    k.sign_with_rng(&mut rand::rngs::OsRng, message);
                signature.to_bytes().to_vec()
            }
        }
    }

    /// The private JWK (`OKP`/`Ed25519` with `x`, `d`; or `EC`/`P-256` with `x`, `y`, `d`)
    /// as JSON, for a key file.
    pub fn to_private_jwk(&self) -> Zeroizing<String> {
        match &self.0 {
            Secret::Ed25519(k) => {
                let d = Zeroizing::new(URL_SAFE_NO_PAD.encode(k.to_bytes()));
                let x = URL_SAFE_NO_PAD.encode(k.verifying_key().to_bytes());
                Zeroizing::new(format!(
                    "{{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"{x}\",\"d\":\"{}\"}}",
                    d.as_str()
                ))
            }
            Secret::P256(k) => {
                let bytes = Zeroizing::new(k.to_bytes());
                self.private_ec_jwk(bytes.as_slice())
            }
            Secret::P384(k) => {
                let bytes = Zeroizing::new(k.to_bytes());
                self.private_ec_jwk(bytes.as_slice())
            }
            Secret::P521(k) => {
                let bytes = Zeroizing::new(k.to_bytes());
                self.private_ec_jwk(bytes.as_slice())
            }
        }
    }

    /// The private JWK of an EC key whose secret scalar is `d`.
    fn private_ec_jwk(&self, d: &[u8]) -> Zeroizing<String> {
        let d = Zeroizing::new(URL_SAFE_NO_PAD.encode(d));
        let jwk = self.public().to_jwk();
        Zeroizing::new(format!(
            "{{\"kty\":\"EC\",\"crv\":\"{}\",\"x\":\"{}\",\"y\":\"{}\",\"d\":\"{}\"}}",
            jwk.crv,
            jwk.x,
            jwk.y.unwrap_or_default(),
            d.as_str()
        ))
    }

    /// Reads a private JWK. Its public members, when present, must match `d`.
    pub fn from_private_jwk(json: &str) -> Result<Self, KeyError> {
        if json.len() > MAX_JWK_LEN {
            return Err(KeyError::BadJwk("document too large".into()));
        }
        let jwk: Zeroizing<JwkFields> = Zeroizing::new(
            serde_json::from_str(json).map_err(|e| KeyError::BadJwk(e.to_string()))?,
        );
        let alg = jwk.algorithm()?;
        let d = jwk.d.as_deref().ok_or_else(|| {
            KeyError::BadJwk("no private member `d`: this is a public key".into())
        })?;
        let key = match alg {
            Algorithm::EdDSA => Self::from_bytes(&Zeroizing::new(decode_fixed::<32>(d, "d")?)),
            Algorithm::Es256 => {
                Self::from_p256_bytes(&Zeroizing::new(decode_fixed::<32>(d, "d")?))?
            }
            Algorithm::Es384 => {
                Self::from_p384_bytes(&Zeroizing::new(decode_fixed::<48>(d, "d")?))?
            }
            Algorithm::Es512 => {
                Self::from_p521_bytes(&Zeroizing::new(decode_fixed::<66>(d, "d")?))?
            }
        };
        if let Some(x) = &jwk.x {
            match alg {
                Algorithm::Es384 => decode_fixed::<48>(x, "x").map(drop)?,
                Algorithm::Es512 => decode_fixed::<66>(x, "x").map(drop)?,
                _ => decode_fixed::<32>(x, "x").map(drop)?,
            }
        }
        let public = key.public().to_jwk();
        let x_ok = jwk.x.as_ref().is_none_or(|x| *x == public.x);
        let y_ok = jwk.y.as_ref().is_none_or(|y| Some(y) == public.y.as_ref());
        if !(x_ok && y_ok) {
            return Err(KeyError::MismatchedJwk);
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

/// The four kinds of public key. An EC key is kept as its checked uncompressed SEC1
/// encoding so that [`PublicKey`] stays `Copy`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Public {
    Ed25519(VerifyingKey),
    P256([u8; 65]),
    P384([u8; 97]),
    P521([u8; 133]),
}

/// A public key: Ed25519 (a valid point, not of small order) or P-256, P-384 or P-521 (a
/// point on the curve, not the identity).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct PublicKey(Public);

impl PublicKey {
    /// An Ed25519 key from its 32 raw bytes; rejects invalid points and weak keys.
    pub fn from_bytes(bytes: &[u8; 32]) -> Result<Self, KeyError> {
        let key = VerifyingKey::from_bytes(bytes).map_err(|_| KeyError::BadPublicKey)?;
        if key.is_weak() {
            return Err(KeyError::BadPublicKey);
        }
        Ok(Self(Public::Ed25519(key)))
    }

    /// A P-256 key from its SEC1 encoding (compressed or uncompressed); rejects points
    /// not on the curve and the identity.
    pub fn from_p256_sec1(bytes: &[u8]) -> Result<Self, KeyError> {
        let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(bytes)
            .map_err(|_| KeyError::BadPublicKey)?;
        Ok(Self::from_p256(&key))
    }

    /// A P-384 key from its SEC1 encoding (compressed or uncompressed); rejects points
    /// not on the curve and the identity.
    pub fn from_p384_sec1(bytes: &[u8]) -> Result<Self, KeyError> {
        let key = p384::ecdsa::VerifyingKey::from_sec1_bytes(bytes)
            .map_err(|_| KeyError::BadPublicKey)?;
        Ok(Self::from_p384(&key))
    }

    /// A P-521 key from its SEC1 encoding (compressed or uncompressed); rejects points
    /// not on the curve and the identity.
    pub fn from_p521_sec1(bytes: &[u8]) -> Result<Self, KeyError> {
        let key = p521::ecdsa::VerifyingKey::from_sec1_bytes(bytes)
            .map_err(|_| KeyError::BadPublicKey)?;
        Ok(Self::from_p521(&key))
    }

    fn from_p521(key: &p521::ecdsa::VerifyingKey) -> Self {
        let point = key.to_encoded_point(false);
        let mut bytes = [0u8; 133];
        bytes.copy_from_slice(point.as_bytes());
        Self(Public::P521(bytes))
    }

    fn from_p384(key: &p384::ecdsa::VerifyingKey) -> Self {
        let point = key.to_encoded_point(false);
        let mut bytes = [0u8; 97];
        bytes.copy_from_slice(point.as_bytes());
        Self(Public::P384(bytes))
    }

    fn from_p256(key: &p256::ecdsa::VerifyingKey) -> Self {
        let point = key.to_encoded_point(false);
        let mut bytes = [0u8; 65];
        bytes.copy_from_slice(point.as_bytes());
        Self(Public::P256(bytes))
    }

    /// The algorithm this key verifies.
    pub fn algorithm(&self) -> Algorithm {
        match self.0 {
            Public::Ed25519(_) => Algorithm::EdDSA,
            Public::P256(_) => Algorithm::Es256,
            Public::P384(_) => Algorithm::Es384,
            Public::P521(_) => Algorithm::Es512,
        }
    }

    /// The raw public key: 32 bytes for Ed25519, the 33-byte (P-256), 49-byte (P-384) or
    /// 67-byte (P-521) compressed SEC1 point.
    pub fn to_bytes(&self) -> Vec<u8> {
        match &self.0 {
            Public::Ed25519(k) => k.to_bytes().to_vec(),
            Public::P256(_) => self
                .p256()
                .map(|k| k.to_encoded_point(true).as_bytes().to_vec())
                .unwrap_or_default(),
            Public::P384(_) => self
                .p384()
                .map(|k| k.to_encoded_point(true).as_bytes().to_vec())
                .unwrap_or_default(),
            Public::P521(_) => self
                .p521()
                .map(|k| k.to_encoded_point(true).as_bytes().to_vec())
                .unwrap_or_default(),
        }
    }

    /// The dalek key of an Ed25519 key, for batch verification; `None` for EC keys.
    pub fn as_dalek(&self) -> Option<&VerifyingKey> {
        match &self.0 {
            Public::Ed25519(k) => Some(k),
            Public::P256(_) | Public::P384(_) | Public::P521(_) => None,
        }
    }

    fn p256(&self) -> Option<p256::ecdsa::VerifyingKey> {
        match &self.0 {
            // Checked when the key was made; decoding the uncompressed form again is cheap.
            Public::P256(bytes) => p256::ecdsa::VerifyingKey::from_sec1_bytes(bytes).ok(),
            Public::Ed25519(_) | Public::P384(_) | Public::P521(_) => None,
        }
    }

    fn p384(&self) -> Option<p384::ecdsa::VerifyingKey> {
        match &self.0 {
            Public::P384(bytes) => p384::ecdsa::VerifyingKey::from_sec1_bytes(bytes).ok(),
            Public::Ed25519(_) | Public::P256(_) | Public::P521(_) => None,
        }
    }

    fn p521(&self) -> Option<p521::ecdsa::VerifyingKey> {
        match &self.0 {
            Public::P521(bytes) => p521::ecdsa::VerifyingKey::from_sec1_bytes(bytes).ok(),
            Public::Ed25519(_) | Public::P256(_) | Public::P384(_) => None,
        }
    }

    /// The multicodec-prefixed key a `did:key` encodes.
    fn multicodec(&self) -> Vec<u8> {
        let mut bytes = Vec::with_capacity(69);
        match &self.0 {
            Public::Ed25519(k) => {
                bytes.extend_from_slice(&ED25519_MULTICODEC);
                bytes.extend_from_slice(k.as_bytes());
            }
            Public::P256(_) => {
                bytes.extend_from_slice(&P256_MULTICODEC);
                bytes.extend_from_slice(&self.to_bytes());
            }
            Public::P384(_) => {
                bytes.extend_from_slice(&P384_MULTICODEC);
                bytes.extend_from_slice(&self.to_bytes());
            }
            Public::P521(_) => {
                bytes.extend_from_slice(&P521_MULTICODEC);
                bytes.extend_from_slice(&self.to_bytes());
            }
        }
        bytes
    }

    /// `did:key:z…`: multibase base58btc of the multicodec key (`z6Mk…` for Ed25519,
    /// `zDn…` for P-256, `z82…` for P-384, `z2J9…` for P-521).
    pub fn did(&self) -> String {
        format!("did:key:z{}", bs58::encode(self.multicodec()).into_string())
    }

    /// The DID URL of the key's verification method: `did:key:z…#z…`.
    pub fn did_url(&self) -> String {
        let did = self.did();
        let fragment = did.trim_start_matches("did:key:").to_owned();
        format!("{did}#{fragment}")
    }

    /// `did:jwk:…`: the public JWK (required members only, RFC 7638 order) in base64url.
    pub fn did_jwk(&self) -> String {
        format!(
            "did:jwk:{}",
            URL_SAFE_NO_PAD.encode(self.canonical_jwk().as_bytes())
        )
    }

    /// Decodes a `did:key` (with or without a `#fragment`, which must then repeat the key)
    /// or a `did:jwk` (with or without the fragment `#0`).
    pub fn from_did(did: &str) -> Result<Self, KeyError> {
        let bad = || KeyError::BadDid(truncate(did));
        if did.len() > MAX_DID_LEN {
            return Err(bad());
        }
        let (did, fragment) = match did.split_once('#') {
            Some((d, f)) => (d, Some(f)),
            None => (did, None),
        };
        if let Some(encoded) = did.strip_prefix("did:jwk:") {
            if fragment.is_some_and(|f| f != "0") {
                return Err(bad());
            }
            let json = URL_SAFE_NO_PAD.decode(encoded).map_err(|_| bad())?;
            let jwk: JwkFields = serde_json::from_slice(&json).map_err(|_| bad())?;
            if jwk.d.is_some() {
                return Err(KeyError::BadDid(
                    "a did:jwk holding a private key `d`".into(),
                ));
            }
            return jwk.public_key();
        }
        let multibase = did.strip_prefix("did:key:").ok_or_else(bad)?;
        if let Some(fragment) = fragment {
            if fragment != multibase {
                return Err(bad());
            }
        }
        let b58 = multibase.strip_prefix('z').ok_or_else(bad)?;
        let bytes = bs58::decode(b58).into_vec().map_err(|_| bad())?;
        match bytes.split_first_chunk::<2>() {
            Some((prefix, rest)) if *prefix == ED25519_MULTICODEC => {
                Self::from_bytes(&rest.try_into().map_err(|_| bad())?)
            }
            Some((prefix, rest)) if *prefix == P256_MULTICODEC && rest.len() == 33 => {
                Self::from_p256_sec1(rest)
            }
            Some((prefix, rest)) if *prefix == P384_MULTICODEC && rest.len() == 49 => {
                Self::from_p384_sec1(rest)
            }
            Some((prefix, rest)) if *prefix == P521_MULTICODEC && rest.len() == 67 => {
                Self::from_p521_sec1(rest)
            }
            _ => Err(bad()),
        }
    }

    /// The public JWK.
    pub fn to_jwk(&self) -> PublicJwk {
        match &self.0 {
            Public::Ed25519(k) => PublicJwk {
                kty: "OKP".into(),
                crv: "Ed25519".into(),
                x: URL_SAFE_NO_PAD.encode(k.as_bytes()),
                y: None,
                kid: None,
            },
            Public::P256(bytes) => PublicJwk {
                kty: "EC".into(),
                crv: "P-256".into(),
                x: URL_SAFE_NO_PAD.encode(bytes.get(1..33).unwrap_or_default()),
                y: Some(URL_SAFE_NO_PAD.encode(bytes.get(33..65).unwrap_or_default())),
                kid: None,
            },
            Public::P384(bytes) => PublicJwk {
                kty: "EC".into(),
                crv: "P-384".into(),
                x: URL_SAFE_NO_PAD.encode(bytes.get(1..49).unwrap_or_default()),
                y: Some(URL_SAFE_NO_PAD.encode(bytes.get(49..97).unwrap_or_default())),
                kid: None,
            },
            Public::P521(bytes) => PublicJwk {
                kty: "EC".into(),
                crv: "P-521".into(),
                x: URL_SAFE_NO_PAD.encode(bytes.get(1..67).unwrap_or_default()),
                y: Some(URL_SAFE_NO_PAD.encode(bytes.get(67..133).unwrap_or_default())),
                kid: None,
            },
        }
    }

    /// Reads a public JWK (`kid` is ignored; a private `d` cannot appear, the type has no
    /// such member, so secrets are never accepted where a public key belongs).
    pub fn from_jwk(jwk: &PublicJwk) -> Result<Self, KeyError> {
        JwkFields {
            kty: jwk.kty.clone(),
            crv: Some(jwk.crv.clone()),
            x: Some(jwk.x.clone()),
            y: jwk.y.clone(),
            d: None,
        }
        .public_key()
    }

    /// The RFC 7638 members of the public JWK, in lexicographic order, no whitespace.
    fn canonical_jwk(&self) -> String {
        let jwk = self.to_jwk();
        match &jwk.y {
            None => format!(
                "{{\"crv\":\"{}\",\"kty\":\"{}\",\"x\":\"{}\"}}",
                jwk.crv, jwk.kty, jwk.x
            ),
            Some(y) => format!(
                "{{\"crv\":\"{}\",\"kty\":\"{}\",\"x\":\"{}\",\"y\":\"{y}\"}}",
                jwk.crv, jwk.kty, jwk.x
            ),
        }
    }

    /// The RFC 7638 JWK thumbprint (SHA-256, base64url), in full.
    pub fn thumbprint(&self) -> String {
        URL_SAFE_NO_PAD.encode(Sha256::digest(self.canonical_jwk().as_bytes()))
    }

    /// Verifies a signature made by [`SecretKey::sign`]: strict Ed25519 (no non-canonical
    /// or small-order signatures), or ES256 / ES384 / ES512 over SHA-256 / SHA-384 /
    /// SHA-512 of `message`
    /// (`r || s`, exactly [`Algorithm::signature_len`] bytes; DER or any other length is
    /// refused).
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> bool {
        if signature.len() != self.algorithm().signature_len() {
            return false;
        }
        match &self.0 {
            Public::Ed25519(k) => {
                let Ok(bytes) = <[u8; 64]>::try_from(signature) else {
                    return false;
                };
                k.verify_strict(message, &Signature::from_bytes(&bytes))
                    .is_ok()
            }
            Public::P256(_) => {
                let Ok(signature) = p256::ecdsa::Signature::from_slice(signature) else {
                    return false;
                };
                self.p256()
                    .is_some_and(|k| k.verify(message, &signature).is_ok())
            }
            Public::P384(_) => {
                let Ok(signature) = p384::ecdsa::Signature::from_slice(signature) else {
                    return false;
                };
                self.p384()
                    .is_some_and(|k| k.verify(message, &signature).is_ok())
            }
            Public::P521(_) => {
                let Ok(signature) = p521::ecdsa::Signature::from_slice(signature) else {
                    return false;
                };
                self.p521()
                    .is_some_and(|k| k.verify(message, &signature).is_ok())
            }
        }
    }
}

impl fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("PublicKey").field(&self.did()).finish()
    }
}

/// A public JWK as published in trust bundles and JWKS documents: `OKP`/`Ed25519` with
/// `x`, or `EC`/`P-256`, `EC`/`P-384` or `EC`/`P-521` with `x` and `y`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PublicJwk {
    /// `OKP` (Ed25519) or `EC` (P-256, P-384, P-521).
    pub kty: String,
    /// `Ed25519`, `P-256`, `P-384` or `P-521`.
    pub crv: String,
    /// The public key (Ed25519), or the point's x coordinate (EC), base64url.
    pub x: String,
    /// The point's y coordinate, base64url (EC only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub y: Option<String>,
    /// Optional key id (a DID URL).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kid: Option<String>,
}

/// The members of a JWK we read from key files and did:jwk; zeroized because `d` is
/// secret. Other members (`alg`, `use`, `kid`, …) are ignored.
#[derive(Deserialize, zeroize::Zeroize)]
struct JwkFields {
    kty: String,
    crv: Option<String>,
    x: Option<String>,
    y: Option<String>,
    d: Option<String>,
}

impl JwkFields {
    fn algorithm(&self) -> Result<Algorithm, KeyError> {
        match (self.kty.as_str(), self.crv.as_deref()) {
            ("OKP", Some("Ed25519")) => Ok(Algorithm::EdDSA),
            ("EC", Some("P-256")) => Ok(Algorithm::Es256),
            ("EC", Some("P-384")) => Ok(Algorithm::Es384),
            ("EC", Some("P-521")) => Ok(Algorithm::Es512),
            (kty, crv) => Err(KeyError::BadJwk(format!(
                "kty {kty} crv {}: only OKP/Ed25519, EC/P-256, EC/P-384 and EC/P-521 keys are \
                 supported",
                crv.unwrap_or("(none)")
            ))),
        }
    }

    fn public_key(&self) -> Result<PublicKey, KeyError> {
        let x = self
            .x
            .as_deref()
            .ok_or_else(|| KeyError::BadJwk("no `x`".into()))?;
        match self.algorithm()? {
            Algorithm::EdDSA => {
                if self.y.is_some() {
                    return Err(KeyError::BadJwk("an Ed25519 key has no `y`".into()));
                }
                PublicKey::from_bytes(&decode_fixed::<32>(x, "x")?)
            }
            Algorithm::Es256 => PublicKey::from_p256_sec1(&self.ec_point::<32>(x, "P-256")?),
            Algorithm::Es384 => PublicKey::from_p384_sec1(&self.ec_point::<48>(x, "P-384")?),
            Algorithm::Es512 => PublicKey::from_p521_sec1(&self.ec_point::<66>(x, "P-521")?),
        }
    }

    /// The uncompressed SEC1 point (`0x04 ‖ x ‖ y`) of an EC key whose coordinates are `N`
    /// bytes each.
    fn ec_point<const N: usize>(&self, x: &str, curve: &str) -> Result<Vec<u8>, KeyError> {
        let y = self
            .y
            .as_deref()
            .ok_or_else(|| KeyError::BadJwk(format!("a {curve} key needs `y`")))?;
        let mut sec1 = Vec::with_capacity(1 + 2 * N);
        sec1.push(0x04); // uncompressed point
        sec1.extend_from_slice(&decode_fixed::<N>(x, "x")?);
        sec1.extend_from_slice(&decode_fixed::<N>(y, "y")?);
        Ok(sec1)
    }
}

/// The JWK member `member` as exactly `N` bytes (32 for Ed25519 and P-256 coordinates and
/// scalars, 48 for P-384, 66 for P-521).
fn decode_fixed<const N: usize>(b64: &str, member: &str) -> Result<[u8; N], KeyError> {
    let bytes = Zeroizing::new(
        URL_SAFE_NO_PAD
            .decode(b64)
            .map_err(|_| KeyError::BadJwk(format!("`{member}` is not base64url")))?,
    );
    bytes
        .as_slice()
        .try_into()
        .map_err(|_| KeyError::BadJwk(format!("`{member}` is not {N} bytes")))
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
            y: None,
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

    // RFC 7515 Appendix A.3: the ES256 example key and its published JWS.
    const A3_X: &str = "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU";
    const A3_Y: &str = "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0";
    const A3_D: &str = "jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI";
    const A3_SIGNING_INPUT: &str = "eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ";
    const A3_SIGNATURE: &str =
        "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q";

    fn a3_key() -> SecretKey {
        SecretKey::from_private_jwk(&format!(
            r#"{{"kty":"EC","crv":"P-256","x":"{A3_X}","y":"{A3_Y}","d":"{A3_D}"}}"#
        ))
        .unwrap()
    }

    #[test]
    fn rfc7515_a3_private_jwk_yields_its_public_key_and_verifies_the_published_signature() {
        let key = a3_key();
        assert_eq!(key.algorithm(), Algorithm::Es256);
        let jwk = key.public().to_jwk();
        assert_eq!((jwk.kty.as_str(), jwk.crv.as_str()), ("EC", "P-256"));
        assert_eq!(jwk.x, A3_X);
        assert_eq!(jwk.y.as_deref(), Some(A3_Y));
        let signature: [u8; 64] = URL_SAFE_NO_PAD
            .decode(A3_SIGNATURE)
            .unwrap()
            .try_into()
            .unwrap();
        assert!(key.public().verify(A3_SIGNING_INPUT.as_bytes(), &signature));
        assert!(!key.public().verify(b"another message", &signature));
        // Our own ES256 signature over the same input verifies too (ECDSA signatures differ).
        let ours = key.sign(A3_SIGNING_INPUT.as_bytes());
        assert!(key.public().verify(A3_SIGNING_INPUT.as_bytes(), &ours));
    }

    #[test]
    fn an_ed25519_signature_does_not_verify_under_a_p256_key_or_the_other_way() {
        let ed = SecretKey::generate();
        let ec = SecretKey::generate_for(Algorithm::Es256);
        assert!(!ec.public().verify(b"m", &ed.sign(b"m")));
        assert!(!ed.public().verify(b"m", &ec.sign(b"m")));
    }

    #[test]
    fn p384_did_key_is_the_did_key_method_vector_and_its_jwk() {
        // The did:key method's P-384 vector (w3c-ccg/did-method-key,
        // test-vectors/nist-curves.json): multicodec 0x1201 over the 49-byte compressed
        // point, and the JWK it stands for.
        let did = "did:key:z82Lm1MpAkeJcix9K8TMiLd5NMAhnwkjjCBeWHXyu3U4oT2MVJJKXkcVBgjGhnLBn2Kaau9";
        let key = PublicKey::from_did(did).unwrap();
        assert_eq!(key.algorithm(), Algorithm::Es384);
        assert_eq!(key.did(), did);
        assert_eq!(key.to_bytes().len(), 49);
        assert_eq!(PublicKey::from_did(&key.did_url()).unwrap(), key);
        let jwk = key.to_jwk();
        assert_eq!((jwk.kty.as_str(), jwk.crv.as_str()), ("EC", "P-384"));
        assert_eq!(
            jwk.x,
            "lInTxl8fjLKp_UCrxI0WDklahi-7-_6JbtiHjiRvMvhedhKVdHBfi2HCY8t_QJyc"
        );
        assert_eq!(
            jwk.y.as_deref(),
            Some("y6N1IC-2mXxHreETBW7K3mBcw0qGr3CWHCs-yl09yCQRLcyfGv7XhqAngHOu51Zv")
        );
        assert_eq!(PublicKey::from_jwk(&jwk).unwrap(), key);
        assert_eq!(PublicKey::from_did(&key.did_jwk()).unwrap(), key);
        let fresh = SecretKey::generate_for(Algorithm::Es384).public();
        assert!(fresh.did().starts_with("did:key:z82"));
        assert_eq!(PublicKey::from_did(&fresh.did()).unwrap(), fresh);
        // The P-384 prefix over a P-256-sized point is refused.
        let mut bytes = P384_MULTICODEC.to_vec();
        bytes.extend_from_slice(&[2u8; 33]);
        let short = format!("did:key:z{}", bs58::encode(bytes).into_string());
        assert!(PublicKey::from_did(&short).is_err());
        // A JWK with P-256-sized coordinates under crv P-384 is refused.
        let mut wrong = jwk.clone();
        wrong.x = "igrFmi0whuihKnj9R3Om1SoMph72wUGeFaBbzG2vzns".into();
        assert!(PublicKey::from_jwk(&wrong).is_err());
    }

    #[test]
    fn es384_signs_96_byte_raw_r_s_that_verify_only_under_its_key() {
        let key = SecretKey::generate_for(Algorithm::Es384);
        let signature = key.sign(b"message");
        // JOSE's form (RFC 7518 section 3.4): r and s, 48 bytes each, not DER.
        assert_eq!(signature.len(), 96);
        assert_eq!(Algorithm::Es384.signature_len(), 96);
        assert!(key.public().verify(b"message", &signature));
        assert!(!key.public().verify(b"messagf", &signature));
        let mut flipped = signature.clone();
        flipped[10] ^= 1;
        assert!(!key.public().verify(b"message", &flipped));
        // The same signature DER-encoded, or cut to 64 bytes, is refused.
        let der = p384::ecdsa::Signature::from_slice(&signature)
            .unwrap()
            .to_der();
        assert!(!key.public().verify(b"message", der.as_bytes()));
        assert!(!key.public().verify(b"message", &signature[..64]));
        // Under another key, or a key of another algorithm, it never verifies.
        let other = SecretKey::generate_for(Algorithm::Es384);
        assert!(!other.public().verify(b"message", &signature));
        let p256 = SecretKey::generate_for(Algorithm::Es256);
        assert!(!p256.public().verify(b"message", &signature[..64]));
        // Deterministic (RFC 6979).
        assert_eq!(key.sign(b"message"), signature);
    }

    #[test]
    fn p521_did_key_is_the_did_key_method_vector_and_its_jwk() {
        // The did:key method's P-521 vector (w3c-ccg/did-method-key,
        // test-vectors/nist-curves.json): multicodec 0x1202 over the 67-byte compressed
        // point, and the JWK it stands for.
        let did = "did:key:z2J9gaYxrKVpdoG9A4gRnmpnRCcxU6agDtFVVBVdn1JedouoZN7SzcyREXXzWgt3gGiwpoHq7K68X4m32D8HgzG8wv3sY5j7";
        let key = PublicKey::from_did(did).unwrap();
        assert_eq!(key.algorithm(), Algorithm::Es512);
        assert_eq!(key.did(), did);
        assert_eq!(key.to_bytes().len(), 67);
        assert_eq!(PublicKey::from_did(&key.did_url()).unwrap(), key);
        let jwk = key.to_jwk();
        assert_eq!((jwk.kty.as_str(), jwk.crv.as_str()), ("EC", "P-521"));
        assert_eq!(
            jwk.x,
            "ASUHPMyichQ0QbHZ9ofNx_l4y7luncn5feKLo3OpJ2nSbZoC7mffolj5uy7s6KSKXFmnNWxGJ42IOrjZ47qqwqyS"
        );
        assert_eq!(
            jwk.y.as_deref(),
            Some("AW9ziIC4ZQQVSNmLlp59yYKrjRY0_VqO-GOIYQ9tYpPraBKUloEId6cI_vynCzlZWZtWpgOM3HPhYEgawQ703RjC")
        );
        assert_eq!(PublicKey::from_jwk(&jwk).unwrap(), key);
        assert_eq!(PublicKey::from_did(&key.did_jwk()).unwrap(), key);
        let fresh = SecretKey::generate_for(Algorithm::Es512).public();
        assert!(fresh.did().starts_with("did:key:z2J9"));
        assert_eq!(PublicKey::from_did(&fresh.did()).unwrap(), fresh);
        // The P-521 prefix over a P-384-sized point is refused, and so is a point that is
        // not on the curve.
        let mut bytes = P521_MULTICODEC.to_vec();
        bytes.extend_from_slice(&[2u8; 49]);
        let short = format!("did:key:z{}", bs58::encode(bytes).into_string());
        assert!(PublicKey::from_did(&short).is_err());
        let mut off = jwk.clone();
        off.y = Some(off.x.clone());
        assert_eq!(PublicKey::from_jwk(&off), Err(KeyError::BadPublicKey));
    }

    #[test]
    fn es512_signs_132_byte_raw_r_s_that_verify_only_under_its_key() {
        let key = SecretKey::generate_for(Algorithm::Es512);
        let signature = key.sign(b"message");
        // JOSE's form (RFC 7518 section 3.4): r and s, 66 bytes each, not DER.
        assert_eq!(signature.len(), 132);
        assert_eq!(Algorithm::Es512.signature_len(), 132);
        assert!(key.public().verify(b"message", &signature));
        assert!(!key.public().verify(b"messagf", &signature));
        let mut flipped = signature.clone();
        flipped[70] ^= 1;
        assert!(!key.public().verify(b"message", &flipped));
        let der = p521::ecdsa::Signature::from_slice(&signature)
            .unwrap()
            .to_der();
        assert!(!key.public().verify(b"message", der.as_bytes()));
        assert!(!key.public().verify(b"message", &signature[..96]));
        // r = s = 0 (CVE-2022-21449's "psychic signature") never verifies.
        assert!(!key.public().verify(b"message", &[0u8; 132]));
        let other = SecretKey::generate_for(Algorithm::Es512);
        assert!(!other.public().verify(b"message", &signature));
        let p384 = SecretKey::generate_for(Algorithm::Es384);
        assert!(!p384.public().verify(b"message", &signature[..96]));
        // A fresh nonce each time (no RFC 6979 for P-521 here): both verify.
        let again = key.sign(b"message");
        assert_ne!(again, signature);
        assert!(key.public().verify(b"message", &again));
    }

    #[test]
    fn p521_private_jwk_round_trips_and_a_wrong_d_is_refused() {
        let key = SecretKey::generate_for(Algorithm::Es512);
        let jwk = key.to_private_jwk();
        assert!(jwk.contains(r#""crv":"P-521""#), "{}", jwk.as_str());
        let back = SecretKey::from_private_jwk(&jwk).unwrap();
        assert_eq!(back.public(), key.public());
        assert_eq!(back.algorithm(), Algorithm::Es512);
        let d = serde_json::from_str::<serde_json::Value>(&jwk).unwrap()["d"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(!format!("{key:?}").contains(&d));
        for d in [
            [0u8; 66].to_vec(),
            [1u8; 48].to_vec(),
            [0xffu8; 66].to_vec(),
        ] {
            let jwk = format!(
                r#"{{"kty":"EC","crv":"P-521","d":"{}"}}"#,
                URL_SAFE_NO_PAD.encode(d)
            );
            assert!(SecretKey::from_private_jwk(&jwk).is_err(), "{jwk}");
        }
    }

    #[test]
    fn p384_private_jwk_round_trips_and_debug_hides_the_secret() {
        let key = SecretKey::generate_for(Algorithm::Es384);
        let jwk = key.to_private_jwk();
        assert!(jwk.contains(r#""crv":"P-384""#), "{}", jwk.as_str());
        let back = SecretKey::from_private_jwk(&jwk).unwrap();
        assert_eq!(back.public(), key.public());
        assert_eq!(back.algorithm(), Algorithm::Es384);
        let d = serde_json::from_str::<serde_json::Value>(&jwk).unwrap()["d"]
            .as_str()
            .unwrap()
            .to_owned();
        assert!(!format!("{key:?}").contains(&d));
        // A P-384 `d` must be 48 bytes; zero is no key.
        let zero = format!(
            r#"{{"kty":"EC","crv":"P-384","d":"{}"}}"#,
            URL_SAFE_NO_PAD.encode([0u8; 48])
        );
        assert!(SecretKey::from_private_jwk(&zero).is_err());
        let short = format!(
            r#"{{"kty":"EC","crv":"P-384","d":"{}"}}"#,
            URL_SAFE_NO_PAD.encode([1u8; 32])
        );
        assert!(SecretKey::from_private_jwk(&short).is_err());
    }

    #[test]
    fn a_public_jwk_with_a_missing_or_wrong_sized_coordinate_is_refused_for_each_curve() {
        let refused = |jwk: &PublicJwk, why: &str| match PublicKey::from_jwk(jwk) {
            Err(KeyError::BadJwk(got)) => assert!(got.contains(why), "{got}"),
            other => panic!("{jwk:?}: {other:?}"),
        };
        for (alg, size, curve) in [
            (Algorithm::Es256, 32, "P-256"),
            (Algorithm::Es384, 48, "P-384"),
            (Algorithm::Es512, 66, "P-521"),
        ] {
            let good = SecretKey::generate_for(alg).public().to_jwk();
            assert!(PublicKey::from_jwk(&good).is_ok(), "{curve}");
            refused(
                &PublicJwk {
                    y: None,
                    ..good.clone()
                },
                &format!("a {curve} key needs `y`"),
            );
            let other = if size == 32 { 48 } else { 32 };
            let cut = URL_SAFE_NO_PAD.encode(vec![1u8; other]);
            refused(
                &PublicJwk {
                    x: cut.clone(),
                    ..good.clone()
                },
                &format!("`x` is not {size} bytes"),
            );
            refused(
                &PublicJwk {
                    y: Some(cut),
                    ..good.clone()
                },
                &format!("`y` is not {size} bytes"),
            );
            refused(
                &PublicJwk {
                    x: "not base64!".into(),
                    ..good
                },
                "`x` is not base64url",
            );
        }
        let ed = SecretKey::generate_for(Algorithm::EdDSA).public().to_jwk();
        assert!(PublicKey::from_jwk(&ed).is_ok());
        refused(
            &PublicJwk {
                y: Some(ed.x.clone()),
                ..ed.clone()
            },
            "an Ed25519 key has no `y`",
        );
        refused(
            &PublicJwk {
                x: URL_SAFE_NO_PAD.encode([1u8; 48]),
                ..ed
            },
            "`x` is not 32 bytes",
        );
    }

    #[test]
    fn p256_did_key_uses_the_p256_multicodec_and_round_trips() {
        // The did:key method's P-256 test vector (compressed point, multicodec 0x1200).
        let did = "did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169";
        let key = PublicKey::from_did(did).unwrap();
        assert_eq!(key.algorithm(), Algorithm::Es256);
        assert_eq!(key.did(), did);
        assert_eq!(PublicKey::from_did(&key.did_url()).unwrap(), key);
        // …and the one whose JWK the did:key test suite publishes.
        let vector =
            PublicKey::from_did("did:key:zDnaerx9CtbPJ1q36T5Ln5wYt3MQYeGRG5ehnPAmxcf5mDZpv")
                .unwrap()
                .to_jwk();
        assert_eq!(vector.x, "igrFmi0whuihKnj9R3Om1SoMph72wUGeFaBbzG2vzns");
        assert_eq!(
            vector.y.as_deref(),
            Some("efsX5b10x8yjyrj4ny3pGfLcY7Xby1KzgqOdqnsrJIM")
        );
        let fresh = SecretKey::generate_for(Algorithm::Es256).public();
        assert!(fresh.did().starts_with("did:key:zDn"));
        assert_eq!(PublicKey::from_did(&fresh.did()).unwrap(), fresh);
        // The same bytes with a wrong length after the prefix are refused.
        let mut bytes = P256_MULTICODEC.to_vec();
        bytes.extend_from_slice(&[2u8; 32]);
        let short = format!("did:key:z{}", bs58::encode(bytes).into_string());
        assert!(PublicKey::from_did(&short).is_err());
    }

    #[test]
    fn did_jwk_round_trips_for_both_key_types_and_a_private_did_jwk_is_refused() {
        for key in [
            SecretKey::generate(),
            SecretKey::generate_for(Algorithm::Es256),
        ] {
            let public = key.public();
            let did = public.did_jwk();
            assert!(did.starts_with("did:jwk:ey"));
            assert_eq!(PublicKey::from_did(&did).unwrap(), public);
            assert_eq!(PublicKey::from_did(&format!("{did}#0")).unwrap(), public);
            assert!(PublicKey::from_did(&format!("{did}#1")).is_err());
            let private = format!(
                "did:jwk:{}",
                URL_SAFE_NO_PAD.encode(key.to_private_jwk().as_bytes())
            );
            assert!(matches!(
                PublicKey::from_did(&private),
                Err(KeyError::BadDid(_))
            ));
        }
    }

    #[test]
    fn p256_thumbprint_follows_rfc7638_member_order() {
        let key = a3_key().public();
        let expected = URL_SAFE_NO_PAD.encode(Sha256::digest(
            format!(r#"{{"crv":"P-256","kty":"EC","x":"{A3_X}","y":"{A3_Y}"}}"#).as_bytes(),
        ));
        assert_eq!(key.thumbprint(), expected);
    }

    #[test]
    fn p256_jwks_off_the_curve_without_y_or_with_a_mismatched_d_are_refused() {
        let off_curve = PublicJwk {
            kty: "EC".into(),
            crv: "P-256".into(),
            x: A3_X.into(),
            y: Some(A3_X.into()),
            kid: None,
        };
        assert_eq!(PublicKey::from_jwk(&off_curve), Err(KeyError::BadPublicKey));
        let no_y = PublicJwk {
            y: None,
            ..off_curve.clone()
        };
        assert!(matches!(
            PublicKey::from_jwk(&no_y),
            Err(KeyError::BadJwk(_))
        ));
        let other = SecretKey::generate_for(Algorithm::Es256).public().to_jwk();
        let mismatched = format!(
            r#"{{"kty":"EC","crv":"P-256","x":"{}","y":"{}","d":"{A3_D}"}}"#,
            other.x,
            other.y.unwrap()
        );
        assert_eq!(
            SecretKey::from_private_jwk(&mismatched).unwrap_err(),
            KeyError::MismatchedJwk
        );
        for refused in [
            r#"{"kty":"EC","crv":"P-384","x":"AA","y":"AA","d":"AA"}"#,
            r#"{"kty":"EC","crv":"secp256k1","x":"AA","y":"AA","d":"AA"}"#,
            r#"{"kty":"RSA","n":"AA","e":"AQAB","d":"AA"}"#,
            r#"{"kty":"oct","k":"AAAA"}"#,
        ] {
            assert!(
                matches!(
                    SecretKey::from_private_jwk(refused),
                    Err(KeyError::BadJwk(_))
                ),
                "{refused}"
            );
        }
        // Zero is no P-256 private key.
        assert!(SecretKey::from_p256_bytes(&[0u8; 32]).is_err());
    }

    #[test]
    fn p256_private_jwk_round_trips_and_debug_hides_the_secret() {
        let key = SecretKey::generate_for(Algorithm::Es256);
        let jwk = key.to_private_jwk();
        let again = SecretKey::from_private_jwk(&jwk).unwrap();
        assert_eq!(again.public(), key.public());
        let d: serde_json::Value = serde_json::from_str(&jwk).unwrap();
        assert!(!format!("{key:?}").contains(d["d"].as_str().unwrap()));
    }
}
