//! Keys given as JWKs rather than by a DID: a verification method (`{"id", "controller",
//! "publicKeyJwk"}`, as a controller document lists it) or a bare public JWK. A credential
//! names such a key by its `kid`: the method's `id`, the JWK's `kid`, or the key's RFC 7638
//! thumbprint; when the method names a `controller`, the credential's issuer must be it.

use serde_json::Value;

use crate::keys::{PublicJwk, PublicKey};

/// A public key given directly, with the names a `kid` may use for it.
#[derive(Debug, Clone)]
pub struct GivenKey {
    key: PublicKey,
    names: Vec<String>,
    controller: Option<String>,
}

/// Why a JWK or verification method is not a key Skillpass takes.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum GivenKeyError {
    /// Neither a JWK nor a verification method with `publicKeyJwk`.
    #[error("not a public JWK nor a verification method with `publicKeyJwk`")]
    Shape,
    /// It holds a private key member (`d`).
    #[error("the JWK holds a private key (`d`): give the public key only")]
    Private,
    /// The key cannot be read (curve, coordinates), or is of an algorithm not allowed.
    #[error("the key cannot be used: {0}")]
    Key(String),
    /// The JWK's `alg` is not the algorithm of its key.
    #[error("the JWK's `alg` {0:?} does not match its key")]
    Alg(String),
}

impl GivenKey {
    /// Reads a verification method or a bare public JWK.
    pub fn from_value(value: &Value) -> Result<Self, GivenKeyError> {
        let (jwk, id, controller) = match value.get("publicKeyJwk") {
            Some(jwk) => (
                jwk,
                value.get("id").and_then(Value::as_str),
                value.get("controller").and_then(Value::as_str),
            ),
            None if value.get("kty").is_some() => (value, None, None),
            None => return Err(GivenKeyError::Shape),
        };
        if jwk.get("d").is_some() {
            return Err(GivenKeyError::Private);
        }
        let text = |name: &str| jwk.get(name).and_then(Value::as_str).map(str::to_owned);
        let public = PublicJwk {
            kty: text("kty").ok_or(GivenKeyError::Shape)?,
            crv: text("crv").ok_or(GivenKeyError::Shape)?,
            x: text("x").ok_or(GivenKeyError::Shape)?,
            y: text("y"),
            kid: None,
        };
        let key = PublicKey::from_jwk(&public).map_err(|e| GivenKeyError::Key(e.to_string()))?;
        if let Some(alg) = text("alg") {
            if alg != key.algorithm().name() {
                return Err(GivenKeyError::Alg(alg));
            }
        }
        let mut names = vec![key.thumbprint()];
        names.extend(id.map(str::to_owned));
        names.extend(text("kid"));
        Ok(Self {
            key,
            names,
            controller: controller.map(str::to_owned),
        })
    }

    /// Whether `kid` names this key.
    pub(crate) fn named(&self, kid: &str) -> bool {
        self.names.iter().any(|n| n == kid)
    }

    /// The issuer the key belongs to, when the method says.
    pub(crate) fn controller(&self) -> Option<&str> {
        self.controller.as_deref()
    }

    /// The key.
    pub(crate) fn key(&self) -> PublicKey {
        self.key
    }
}
