//! What a presentation's signed payload must look like (a VC 2.0
//! `VerifiablePresentation` of enveloped `vc+jwt` credentials, bound by `aud`, `nonce`,
//! `iat`, `exp`), read from untrusted JSON before anything is verified.

use serde_json::Value;

use crate::credential::{check_vc2_envelope, Structure};

/// The `data:` URL prefix of an enveloped `vc+jwt` credential.
pub const ENVELOPED_VC_PREFIX: &str = "data:application/vc+jwt,";
/// Most credentials in one presentation.
pub const MAX_CREDENTIALS: usize = 16;

/// Why a presentation payload is not a presentation Skillpass reads. The messages are
/// the `well-formed` check's details.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ShapeError {
    /// The payload is JSON but not an object.
    #[error("the payload is not a JSON object")]
    NotAnObject,
    /// Not a VC 2.0 document secured as VC-JOSE-COSE (`@context`, `vc`/`vp` claims).
    #[error(transparent)]
    Vc2(Structure),
    /// `type` lacks `VerifiablePresentation`.
    #[error("`type` must include VerifiablePresentation")]
    Type,
    /// A required member is absent or of the wrong JSON type.
    #[error("`{0}` is missing")]
    Missing(&'static str),
    /// `verifiableCredential` is an empty list.
    #[error("`verifiableCredential` is empty")]
    NoCredentials,
    /// More credentials than [`MAX_CREDENTIALS`].
    #[error("{0} credentials: at most {MAX_CREDENTIALS} are accepted")]
    TooManyCredentials(usize),
    /// An item of `verifiableCredential` is not an enveloped `vc+jwt`.
    #[error("credential {index}: {why}")]
    Envelope {
        /// Position in the list, from 1.
        index: usize,
        /// What is wrong with it.
        why: EnvelopeError,
    },
    /// `iat` is absent or not an integer.
    #[error("`iat` is missing or not a whole number of seconds")]
    Iat,
    /// `exp` is present but not an integer.
    #[error("`exp` is not a whole number of seconds")]
    Exp,
}

/// Why an item of `verifiableCredential` is not an enveloped `vc+jwt` credential.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum EnvelopeError {
    /// Its `type` is not `EnvelopedVerifiableCredential`.
    #[error("not an EnvelopedVerifiableCredential")]
    Type,
    /// It has no string `id`.
    #[error("the enveloped credential has no `id`")]
    NoId,
    /// Its `id` is not a `data:application/vc+jwt,` URL.
    #[error("the `id` is not a {ENVELOPED_VC_PREFIX}… URL")]
    NotVcJwt,
}

/// What the signed payload of a presentation says, read from untrusted JSON.
#[derive(Debug, Clone)]
pub(crate) struct CheckedPresentation {
    pub(crate) holder: String,
    /// The enclosed credentials, compact `vc+jwt` each.
    pub(crate) credentials: Vec<String>,
    /// `aud`: a string or a list of strings.
    pub(crate) audience: Value,
    pub(crate) nonce: String,
    pub(crate) iat: i64,
    pub(crate) exp: Option<i64>,
}

impl CheckedPresentation {
    pub(crate) fn from_value(v: &Value) -> Result<Self, ShapeError> {
        let obj = v.as_object().ok_or(ShapeError::NotAnObject)?;
        check_vc2_envelope(obj).map_err(ShapeError::Vc2)?;
        let is_vp = match obj.get("type") {
            Some(Value::String(t)) => t == "VerifiablePresentation",
            Some(Value::Array(types)) => types.iter().any(|t| t == "VerifiablePresentation"),
            _ => false,
        };
        if !is_vp {
            return Err(ShapeError::Type);
        }
        let holder = match obj.get("holder") {
            Some(Value::String(h)) => h.clone(),
            Some(Value::Object(h)) => h
                .get("id")
                .and_then(Value::as_str)
                .ok_or(ShapeError::Missing("holder.id"))?
                .to_owned(),
            _ => return Err(ShapeError::Missing("holder")),
        };
        let items = match obj.get("verifiableCredential") {
            Some(Value::Array(items)) => items.as_slice(),
            Some(one @ Value::Object(_)) => std::slice::from_ref(one),
            _ => return Err(ShapeError::Missing("verifiableCredential")),
        };
        if items.is_empty() {
            return Err(ShapeError::NoCredentials);
        }
        if items.len() > MAX_CREDENTIALS {
            return Err(ShapeError::TooManyCredentials(items.len()));
        }
        let credentials = items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                enveloped(item).map_err(|why| ShapeError::Envelope { index: i + 1, why })
            })
            .collect::<Result<Vec<_>, _>>()?;
        let audience = match obj.get("aud") {
            Some(a @ (Value::String(_) | Value::Array(_))) => a.clone(),
            _ => return Err(ShapeError::Missing("aud")),
        };
        let nonce = obj
            .get("nonce")
            .and_then(Value::as_str)
            .ok_or(ShapeError::Missing("nonce"))?
            .to_owned();
        let iat = obj
            .get("iat")
            .and_then(Value::as_i64)
            .ok_or(ShapeError::Iat)?;
        let exp = match obj.get("exp") {
            None => None,
            Some(e) => Some(e.as_i64().ok_or(ShapeError::Exp)?),
        };
        Ok(Self {
            holder,
            credentials,
            audience,
            nonce,
            iat,
            exp,
        })
    }
}

fn enveloped(item: &Value) -> Result<String, EnvelopeError> {
    if item.get("type").and_then(Value::as_str) != Some("EnvelopedVerifiableCredential") {
        return Err(EnvelopeError::Type);
    }
    let id = item
        .get("id")
        .and_then(Value::as_str)
        .ok_or(EnvelopeError::NoId)?;
    id.strip_prefix(ENVELOPED_VC_PREFIX)
        .map(str::to_owned)
        .ok_or(EnvelopeError::NotVcJwt)
}

/// Decodes the payload of a presentation without verifying anything, to list what it holds
/// (for display only; never for a trust decision).
pub fn peek_credentials_unchecked(compact: &str) -> Option<Vec<String>> {
    use base64::Engine as _;
    let mut parts = compact.trim().split('.');
    let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(parts.nth(1)?)
        .ok()?;
    let value = crate::json::parse_strict(&payload).ok()?;
    CheckedPresentation::from_value(&value)
        .ok()
        .map(|p| p.credentials)
}
