//! Building and signing a credential from an issuer's claims, refusing what could not be
//! right (a holder that is not a did:key, dates in the future, a validity that ends before
//! it starts).

use chrono::{DateTime, Utc};
use serde_json::{json, Map, Value};

use super::checked::CheckedCredential;
use super::error::{CredentialError, Structure};
use super::kind::{format_time, parse_time, CredentialKind};
use super::vocab::{SKILLPASS_CONTEXT_V1, TYP_VC, VC_CONTEXT_V2};
use crate::jws::{self, Header};
use crate::keys::{PublicKey, SecretKey};
use crate::status::StatusEntry;

/// Choices the issuer makes for one credential beyond its claims.
#[derive(Debug, Clone)]
pub struct IssueOptions {
    /// The `issuer` value; the signing key's DID when `None`.
    pub issuer: Option<String>,
    /// The holder's DID, put into `credentialSubject.id`.
    pub holder: Option<String>,
    /// Start of validity (`validFrom`).
    pub valid_from: DateTime<Utc>,
    /// End of validity, overriding any `validUntil` in the claims.
    pub valid_until: Option<DateTime<Utc>>,
    /// Status list entries (revocation, suspension).
    pub status: Vec<StatusEntry>,
    /// The moment of issuing: a credential already expired then, or claiming an award
    /// after that day, is refused. (`validFrom` may lie in the future; this may not.)
    pub issued_at: DateTime<Utc>,
}

impl IssueOptions {
    /// Issued and valid from `now`, issuer = the signing key, no holder, no status.
    pub fn new(now: DateTime<Utc>) -> Self {
        Self {
            issuer: None,
            holder: None,
            valid_from: now,
            valid_until: None,
            status: Vec::new(),
            issued_at: now,
        }
    }
}

/// Builds the complete unsigned VC from an issuer's claims file
/// (`{"type": "QualificationCredential", "credentialSubject": {…}, "validUntil"?: …}`).
pub fn build_document(
    claims: &Value,
    issuer: &str,
    options: &IssueOptions,
) -> Result<Value, CredentialError> {
    let claims = claims.as_object().ok_or(Structure::ClaimsNotObject)?;
    let kind: CredentialKind = match claims.get("type") {
        Some(Value::String(t)) => t.parse()?,
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .find_map(|t| t.parse().ok())
            .ok_or(Structure::ClaimsNoKind)?,
        _ => return Err(Structure::ClaimsNoType.into()),
    };
    let mut subject = claims
        .get("credentialSubject")
        .and_then(Value::as_object)
        .cloned()
        .ok_or(Structure::ClaimsNoSubject)?;
    if let Some(holder) = &options.holder {
        subject.insert("id".into(), Value::String(holder.clone()));
    }
    let mut doc = Map::new();
    doc.insert(
        "@context".into(),
        json!([VC_CONTEXT_V2, SKILLPASS_CONTEXT_V1]),
    );
    doc.insert(
        "id".into(),
        Value::String(format!("urn:uuid:{}", uuid::Uuid::new_v4())),
    );
    doc.insert(
        "type".into(),
        json!(["VerifiableCredential", kind.as_str()]),
    );
    doc.insert(
        "issuer".into(),
        Value::String(options.issuer.clone().unwrap_or_else(|| issuer.to_owned())),
    );
    doc.insert(
        "validFrom".into(),
        Value::String(format_time(options.valid_from)),
    );
    let valid_until = match options.valid_until {
        Some(t) => Some(Value::String(format_time(t))),
        None => claims.get("validUntil").cloned(),
    };
    if let Some(until) = valid_until {
        doc.insert("validUntil".into(), until);
    }
    for optional in ["name", "description"] {
        if let Some(v) = claims.get(optional) {
            doc.insert(optional.into(), v.clone());
        }
    }
    doc.insert(
        "credentialSubject".into(),
        Value::Object(std::mem::take(&mut subject)),
    );
    match options.status.as_slice() {
        [] => {}
        [one] => {
            doc.insert(
                "credentialStatus".into(),
                serde_json::to_value(one).map_err(Structure::Serialize)?,
            );
        }
        many => {
            doc.insert(
                "credentialStatus".into(),
                serde_json::to_value(many).map_err(Structure::Serialize)?,
            );
        }
    }
    let doc = Value::Object(doc);
    check_issuable(&doc, options)?;
    Ok(doc)
}

/// Longest DID accepted as a holder (a did:key is 56 characters).
const MAX_HOLDER_DID: usize = 512;

/// What cannot be right in a credential about to be issued, whatever path built it: a
/// holder that is not a well-formed did:key, a validity period that ends before it starts
/// or before the moment of issuing, and an award, assessment or birth date after the day
/// of issuing (one day of slack, for issuers east of UTC).
fn check_issuable(doc: &Value, options: &IssueOptions) -> Result<(), CredentialError> {
    let subject = doc.get("credentialSubject");
    if let Some(holder) = subject.and_then(|s| s.get("id")) {
        let holder = holder
            .as_str()
            .ok_or_else(|| CredentialError::Holder("must be a DID string".into()))?;
        check_holder_did(holder)?;
    }
    if let Some(until) = doc
        .get("validUntil")
        .and_then(Value::as_str)
        .and_then(parse_time)
    {
        if until <= options.issued_at {
            return Err(CredentialError::AlreadyExpired);
        }
        if until <= options.valid_from {
            return Err(CredentialError::EndsBeforeStart);
        }
    }
    let latest = options.issued_at.date_naive() + chrono::Days::new(1);
    let mut dates = vec![
        (
            "/credentialSubject/qualification/awarded".to_owned(),
            "award date",
        ),
        ("/credentialSubject/birthDate".to_owned(), "birth date"),
    ];
    let skills = subject
        .and_then(|s| s.get("skills"))
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    for i in 0..skills {
        dates.push((
            format!("/credentialSubject/skills/{i}/assessment/date"),
            "assessment date",
        ));
    }
    for (pointer, what) in dates {
        let day = doc
            .pointer(&pointer)
            .and_then(Value::as_str)
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        // A malformed date is the schema's to report, with its expected form.
        if day.is_some_and(|day| day > latest) {
            return Err(CredentialError::DateInFuture { pointer, what });
        }
    }
    Ok(())
}

/// Checks that `did` can be a Skillpass holder: a DID by the syntax of W3C DID Core
/// (`did:` method-name `:` method-specific-id, no path, query or fragment) and, since a
/// verifier must resolve the holder's key offline, a `did:key` of an Ed25519 public key.
/// Messages never repeat the DID: it identifies a person.
pub fn check_holder_did(did: &str) -> Result<(), CredentialError> {
    let bad = |why: &str| CredentialError::Holder(why.to_owned());
    if did.len() > MAX_HOLDER_DID {
        return Err(bad("longer than any DID a holder has"));
    }
    let method = did_method(did).ok_or_else(|| {
        bad("not a DID (it should read did:key:z6Mk…, the holder DID from `skillpass wallet init`)")
    })?;
    if method != "key" {
        return Err(CredentialError::Holder(format!(
            "a did:{method} DID; a Skillpass holder is a did:key, which a verifier resolves offline"
        )));
    }
    PublicKey::from_did(did).map(|_| ()).map_err(|_| {
        bad("a did:key that does not hold an Ed25519 public key (a character lost in copying?)")
    })
}

/// The method name of a DID, when `s` follows the DID syntax of W3C DID Core §3.1:
/// `did = "did:" method-name ":" method-specific-id`, `method-name = 1*(%x61-7A / DIGIT)`,
/// `method-specific-id = *( *idchar ":" ) 1*idchar`,
/// `idchar = ALPHA / DIGIT / "." / "-" / "_" / pct-encoded`.
pub(super) fn did_method(s: &str) -> Option<&str> {
    let rest = s.strip_prefix("did:")?;
    let (method, id) = rest.split_once(':')?;
    if method.is_empty()
        || !method
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return None;
    }
    if id.is_empty() || id.ends_with(':') {
        return None;
    }
    let bytes = id.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'%' => {
                let hex = bytes.get(i + 1..i + 3)?;
                if !hex.iter().all(u8::is_ascii_hexdigit) {
                    return None;
                }
                i += 3;
            }
            b if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b':') => i += 1,
            _ => return None,
        }
    }
    Some(method)
}

/// Checks `document` (schema, known framework levels) and signs it as a `vc+jwt` compact JWS
/// with `kid`.
pub fn sign_document(
    key: &SecretKey,
    kid: &str,
    document: &Value,
) -> Result<String, CredentialError> {
    let checked = CheckedCredential::from_value(document)?;
    checked.check_content(document)?;
    let payload = serde_json::to_vec(document).map_err(Structure::Serialize)?;
    if payload.len() > jws::MAX_JWS_LEN / 4 * 3 - 512 {
        return Err(Structure::TooLarge(payload.len()).into());
    }
    Ok(jws::sign(key, &Header::new(TYP_VC, kid), &payload))
}
