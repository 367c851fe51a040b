//! The forms a credential arrives in when its issuer's key is given directly, told apart
//! and unwrapped before anything is verified: a compact JWS (`vc+jwt`), an SD-JWT
//! (`vc+sd-jwt`), the VC-API envelope of either (`EnvelopedVerifiableCredential` with a
//! `data:application/vc+jwt,` or `data:application/vc+sd-jwt,` URL), or a JSON credential
//! with an embedded Data Integrity proof.

use serde_json::Value;

use crate::integrity::MAX_DI_CREDENTIAL_LEN;
use crate::presentation::ENVELOPED_VC_PREFIX;
use crate::status::VC_V2_CONTEXT;

/// The `type` of a VC-API envelope of a JOSE-secured credential.
pub const ENVELOPED_VC_TYPE: &str = "EnvelopedVerifiableCredential";
/// The `data:` URL prefix of an enveloped `vc+sd-jwt` credential.
pub const ENVELOPED_SD_JWT_PREFIX: &str = "data:application/vc+sd-jwt,";

/// A credential, unwrapped and ready for the checks.
#[derive(Debug, Clone)]
pub enum Secured {
    /// A compact JWS (`vc+jwt`).
    Jose(String),
    /// An SD-JWT (`vc+sd-jwt`): the issuer's JWS, `~`, its disclosures, `~`, and perhaps a
    /// key binding JWT.
    SdJwt(String),
    /// A JSON credential with an embedded Data Integrity proof.
    DataIntegrity(Value),
}

/// Why an input is not a credential in any of the forms read here. Messages name
/// members, never values.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// Larger than the credential size limit.
    #[error("{0} bytes, over the {MAX_DI_CREDENTIAL_LEN}-byte credential limit")]
    TooLarge(usize),
    /// Neither a compact JWS string nor a JSON object.
    #[error("a credential is a compact JWS (vc+jwt), an EnvelopedVerifiableCredential or a JSON credential with a Data Integrity proof")]
    NotACredential,
    /// JSON text that does not parse strictly (duplicate keys, nesting, syntax).
    #[error("not strict JSON: {0}")]
    Json(String),
    /// The envelope lacks `@context` or it does not include the VC 2.0 base context.
    #[error("the enveloped credential's `@context` must include {VC_V2_CONTEXT}")]
    EnvelopeContext,
    /// The envelope breaks the data model's envelope rules.
    #[error("the envelope breaks the VC Data Model 2.0: {0}")]
    Envelope(String),
    /// The envelope's `type` is not `EnvelopedVerifiableCredential`.
    #[error("the envelope's `type` must be {ENVELOPED_VC_TYPE}")]
    EnvelopeType,
    /// The envelope's `id` is not a `data:application/vc+jwt,` or `vc+sd-jwt,` URL.
    #[error(
        "the envelope's `id` must be a {ENVELOPED_VC_PREFIX}<JWS> or \
         {ENVELOPED_SD_JWT_PREFIX}<SD-JWT> data: URL"
    )]
    EnvelopeId,
    /// A JSON credential without a proof and not an envelope: nothing secures it.
    #[error("the credential has no `proof` and is not enveloped: nothing secures it")]
    Unsecured,
}

/// Reads text: a compact JWS, an SD-JWT, or JSON (an envelope or a Data Integrity
/// credential).
pub fn read_text(input: &str) -> Result<Secured, InputError> {
    let input = input.trim();
    if input.len() > MAX_DI_CREDENTIAL_LEN {
        return Err(InputError::TooLarge(input.len()));
    }
    if input.starts_with('{') {
        let value = crate::json::parse_strict(input.as_bytes())
            .map_err(|e| InputError::Json(e.to_string()))?;
        return read_value(&value);
    }
    if input.is_empty() || input.contains(char::is_whitespace) {
        return Err(InputError::NotACredential);
    }
    if input.contains('~') {
        return Ok(Secured::SdJwt(input.to_owned()));
    }
    Ok(Secured::Jose(input.to_owned()))
}

/// Reads a JSON value as the VC-API carries a credential: a string (a compact JWS), an
/// envelope, or a credential with a Data Integrity proof.
pub fn read_value(value: &Value) -> Result<Secured, InputError> {
    let len = serialized_len(value);
    if len > MAX_DI_CREDENTIAL_LEN {
        return Err(InputError::TooLarge(len));
    }
    match value {
        Value::String(compact) => read_text(compact),
        Value::Object(obj) => {
            if has_type(obj.get("type"), ENVELOPED_VC_TYPE) || obj.get("proof").is_none() {
                return unwrap_envelope(value).map(|compact| {
                    if compact.contains('~') {
                        Secured::SdJwt(compact)
                    } else {
                        Secured::Jose(compact)
                    }
                });
            }
            Ok(Secured::DataIntegrity(value.clone()))
        }
        _ => Err(InputError::NotACredential),
    }
}

/// The compact JWS (or SD-JWT) inside an `EnvelopedVerifiableCredential`, checked as
/// VC DM 2.0 §4.13.1 says: `@context` includes the base context, `type` is the envelope's,
/// `id` a `data:` URL of a `vc+jwt` (or of a `vc+sd-jwt`, whose text has a `~`).
pub fn unwrap_envelope(value: &Value) -> Result<String, InputError> {
    let obj = value.as_object().ok_or(InputError::NotACredential)?;
    let is_envelope = has_type(obj.get("type"), ENVELOPED_VC_TYPE);
    if !is_envelope {
        let looks_enveloped = obj
            .get("id")
            .and_then(Value::as_str)
            .is_some_and(|id| id.starts_with("data:"));
        return Err(if looks_enveloped {
            InputError::EnvelopeType
        } else {
            InputError::Unsecured
        });
    }
    if !includes_base_context(obj.get("@context")) {
        return Err(InputError::EnvelopeContext);
    }
    // The data model's envelope rules (§4.13.2), as the issuing side applies them.
    if let Err(violations) = crate::conformance::check_envelope(value) {
        let named: Vec<String> = violations.iter().take(4).map(ToString::to_string).collect();
        return Err(InputError::Envelope(named.join("; ")));
    }
    let id = obj
        .get("id")
        .and_then(Value::as_str)
        .ok_or(InputError::EnvelopeId)?;
    let compact = match id.strip_prefix(ENVELOPED_VC_PREFIX) {
        Some(jws) if !jws.contains('~') => jws,
        Some(_) => return Err(InputError::EnvelopeId),
        None => id
            .strip_prefix(ENVELOPED_SD_JWT_PREFIX)
            .filter(|sd| sd.contains('~'))
            .ok_or(InputError::EnvelopeId)?,
    };
    if compact.is_empty() || compact.contains(char::is_whitespace) {
        return Err(InputError::EnvelopeId);
    }
    Ok(compact.to_owned())
}

/// `type` is `name` or a list holding it.
pub(crate) fn has_type(types: Option<&Value>, name: &str) -> bool {
    match types {
        Some(Value::String(t)) => t == name,
        Some(Value::Array(list)) => list.iter().any(|t| t == name),
        _ => false,
    }
}

/// `@context` is the base context or a list including it.
pub(crate) fn includes_base_context(context: Option<&Value>) -> bool {
    has_type(context, VC_V2_CONTEXT)
}

/// The length of `value` as JSON text (an upper bound is enough: it refuses a huge value
/// before any costly step).
pub(crate) fn serialized_len(value: &Value) -> usize {
    serde_json::to_vec(value).map_or(usize::MAX, |b| b.len())
}
