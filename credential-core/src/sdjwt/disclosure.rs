//! One disclosure (RFC 9901 §4.2): `base64url(JSON [salt, name, value])`, and the digest
//! that stands for it in the signed payload.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use rand::RngCore as _;
use serde_json::{json, Value};
use sha2::{Digest as _, Sha256};

use crate::json::JsonError;

/// Largest single disclosure accepted, bytes of base64url text.
const MAX_DISCLOSURE_LEN: usize = 16 * 1024;

/// Why a disclosure cannot be read. The messages are report details.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DisclosureError {
    /// Longer than the 16 KiB limit.
    #[error("a disclosure is over the size limit")]
    TooLarge,
    /// Not unpadded base64url.
    #[error("a disclosure is not base64url")]
    Base64,
    /// The decoded bytes are not strict JSON.
    #[error("a disclosure is not strict JSON: {0}")]
    Json(JsonError),
    /// The claim name of a 3-item disclosure is not a string.
    #[error("a disclosure's claim name is not a string")]
    Name,
    /// Not an array of 2 (array element) or 3 (object property) items.
    #[error("a disclosure is not a JSON array of 2 or 3 items")]
    Shape,
    /// The salt is not a string.
    #[error("a disclosure's salt is not a string")]
    Salt,
}

/// One disclosure: `[salt, name, value]` for an object property, `[salt, value]` for an
/// array element, with the exact base64url text its digest is computed over.
#[derive(Debug, Clone, PartialEq)]
pub struct Disclosure {
    /// The base64url text as it travels (the digest is over these ASCII bytes).
    pub encoded: String,
    /// A random 128-bit value (base64url) that keeps the digest from revealing the value.
    pub salt: String,
    /// The claim name (`None` for an array element).
    pub name: Option<String>,
    /// The claim value.
    pub value: Value,
}

impl Disclosure {
    /// A new object-property disclosure with a random 128-bit salt.
    pub fn new(name: &str, value: Value) -> Self {
        let mut salt = [0u8; 16];
        rand::rngs::OsRng.fill_bytes(&mut salt);
        let salt = URL_SAFE_NO_PAD.encode(salt);
        let json = json!([salt, name, value]).to_string();
        Self {
            encoded: URL_SAFE_NO_PAD.encode(json),
            salt,
            name: Some(name.to_owned()),
            value,
        }
    }

    /// Decodes a disclosure as it travels.
    pub fn parse(encoded: &str) -> Result<Self, DisclosureError> {
        if encoded.len() > MAX_DISCLOSURE_LEN {
            return Err(DisclosureError::TooLarge);
        }
        let bytes = URL_SAFE_NO_PAD
            .decode(encoded)
            .map_err(|_| DisclosureError::Base64)?;
        let value = crate::json::parse_strict(&bytes).map_err(DisclosureError::Json)?;
        let (salt, name, value) = match value {
            Value::Array(mut items) if items.len() == 3 => {
                let value = items.pop().unwrap_or_default();
                let name = items.pop().unwrap_or_default();
                let salt = items.pop().unwrap_or_default();
                let Value::String(name) = name else {
                    return Err(DisclosureError::Name);
                };
                (salt, Some(name), value)
            }
            Value::Array(mut items) if items.len() == 2 => {
                let value = items.pop().unwrap_or_default();
                let salt = items.pop().unwrap_or_default();
                (salt, None, value)
            }
            _ => return Err(DisclosureError::Shape),
        };
        let Value::String(salt) = salt else {
            return Err(DisclosureError::Salt);
        };
        Ok(Self {
            encoded: encoded.to_owned(),
            salt,
            name,
            value,
        })
    }

    /// The digest that stands for this disclosure in the signed payload.
    pub fn digest(&self) -> String {
        digest(&self.encoded)
    }
}

/// base64url(SHA-256(ASCII text)): the digest of a disclosure, and the `sd_hash`.
pub fn digest(text: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(text.as_bytes()))
}

/// A digest of nothing, to hide how many claims an object holds.
pub(super) fn random_digest() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(Sha256::digest(bytes))
}
