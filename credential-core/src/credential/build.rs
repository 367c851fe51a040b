//! Building and signing a credential from an issuer's claims, refusing what could not be
//! right (a holder that is not a did:key, dates in the future, a validity that ends before
//! it starts) and never dropping a claim silently: every member of a claims file is either
//! carried into the credential (`@context`, `id`, `type`, `name`, `description`,
//! `validFrom`, `validUntil`, `credentialSubject`, `evidence`, `termsOfUse`) or refused by
//! name.

use chrono::{DateTime, Utc};
use serde_json::{json, Map, Value};

use super::checked::CheckedCredential;
use super::error::{CredentialError, Structure};
use super::kind::{format_time, parse_time, CredentialKind};
use super::vocab::{SKILLPASS_CONTEXT_V1, TYP_VC, VC_CONTEXT_V2};
use crate::jsonld::{check_contexts, to_dataset, CREDENTIAL_CONTEXTS};
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
    /// Start of validity (`validFrom`); when `None`, the claims' own `validFrom`, else
    /// `issued_at`.
    pub valid_from: Option<DateTime<Utc>>,
    /// End of validity, overriding any `validUntil` in the claims.
    pub valid_until: Option<DateTime<Utc>>,
    /// Status list entries (revocation, suspension).
    pub status: Vec<StatusEntry>,
    /// The moment of issuing: a credential already expired then, or claiming an award
    /// after that day, is refused. (`validFrom` may lie in the future; this may not.)
    pub issued_at: DateTime<Utc>,
}

impl IssueOptions {
    /// Issued and valid from `now` (unless the claims say `validFrom`), issuer = the
    /// signing key, no holder, no status.
    pub fn new(now: DateTime<Utc>) -> Self {
        Self {
            issuer: None,
            holder: None,
            valid_from: None,
            valid_until: None,
            status: Vec::new(),
            issued_at: now,
        }
    }
}

/// The members of a claims file and what becomes of each: carried into the credential
/// (checked), or refused with the reason. A member not listed here is refused as unknown.
const CARRIED: &[&str] = &[
    "@context",
    "id",
    "type",
    "name",
    "description",
    "validFrom",
    "validUntil",
    "credentialSubject",
    "evidence",
    "termsOfUse",
];

/// Members of a VC 2.0 credential that a claims file may not set, and why.
const NOT_FROM_CLAIMS: &[(&str, &str)] = &[
    (
        "issuer",
        "the issuer is the signing key's DID (--issuer after a key rotation)",
    ),
    (
        "credentialStatus",
        "status entries come from the status list file (--status)",
    ),
    (
        "proof",
        "the proof is made by signing, never taken from claims",
    ),
    ("vc", "VC-JOSE-COSE forbids the JWT-VC 1.1 `vc` claim"),
    ("vp", "VC-JOSE-COSE forbids the JWT-VC 1.1 `vp` claim"),
];

/// Most entries of `evidence` or `termsOfUse` in a claims file.
const MAX_EXTRA_ENTRIES: usize = 20;

/// Builds the complete unsigned VC from an issuer's claims file
/// (`{"type": "QualificationCredential", "credentialSubject": {…}, "validUntil"?: …}`).
///
/// Every member of the claims is carried or refused, never dropped: `validFrom` (unless
/// `options` set one), `validUntil` (unless `options` set one), `id` (a `urn:uuid:`;
/// a new one when absent), `name`, `description`, `evidence` and `termsOfUse` (objects with
/// a `type`, every term of them defined by the shipped contexts) and `@context` entries
/// (only contexts a verifier accepts) go into the credential; any other member is refused
/// by name ([`Structure::ClaimsMember`]).
pub fn build_document(
    claims: &Value,
    issuer: &str,
    options: &IssueOptions,
) -> Result<Value, CredentialError> {
    let claims = claims.as_object().ok_or(Structure::ClaimsNotObject)?;
    check_claims_members(claims)?;
    let kind: CredentialKind = match claims.get("type") {
        Some(Value::String(t)) => t.parse()?,
        Some(Value::Array(types)) => {
            let mut kind = None;
            for t in types {
                let t = t.as_str().ok_or(Structure::ClaimsNoType)?;
                match t.parse::<CredentialKind>() {
                    Ok(k) if kind.is_none() => kind = Some(k),
                    // A second kind, or a type the credential would not carry.
                    Ok(_) => return Err(Structure::ClaimsType(clip(t, 64)).into()),
                    Err(_) if t == "VerifiableCredential" => {}
                    Err(_) => return Err(Structure::ClaimsType(clip(t, 64)).into()),
                }
            }
            kind.ok_or(Structure::ClaimsNoKind)?
        }
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
    let valid_from = match (options.valid_from, claims.get("validFrom")) {
        (Some(t), _) => t,
        (None, Some(Value::String(s))) => {
            parse_time(s).ok_or(Structure::NotDateTime("validFrom"))?
        }
        (None, Some(_)) => return Err(Structure::NotString("validFrom").into()),
        (None, None) => options.issued_at,
    };
    let mut doc = Map::new();
    doc.insert("@context".into(), contexts(claims.get("@context"))?);
    doc.insert("id".into(), Value::String(credential_id(claims.get("id"))?));
    doc.insert(
        "type".into(),
        json!(["VerifiableCredential", kind.as_str()]),
    );
    doc.insert(
        "issuer".into(),
        Value::String(options.issuer.clone().unwrap_or_else(|| issuer.to_owned())),
    );
    doc.insert("validFrom".into(), Value::String(format_time(valid_from)));
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
    let mut extended = false;
    for member in ["evidence", "termsOfUse"] {
        if let Some(v) = claims.get(member) {
            check_typed_entries(member, v)?;
            doc.insert(member.into(), v.clone());
            extended = true;
        }
    }
    let doc = Value::Object(doc);
    if extended {
        // Every term they use must be defined by a shipped context: a verifier reading the
        // credential as JSON-LD (or a Data Integrity proof over it) would lose it otherwise.
        to_dataset(&doc).map_err(Structure::JsonLd)?;
    }
    check_issuable(&doc, options, valid_from)?;
    Ok(doc)
}

/// Refuses a claims member Skillpass neither carries into the credential nor reads,
/// naming it (the first in the file's order).
fn check_claims_members(claims: &Map<String, Value>) -> Result<(), Structure> {
    for name in claims.keys() {
        if CARRIED.contains(&name.as_str()) {
            continue;
        }
        let why = NOT_FROM_CLAIMS.iter().find(|(n, _)| n == name).map_or(
            "Skillpass does not use it, and would not sign what it cannot check",
            |(_, why)| why,
        );
        return Err(Structure::ClaimsMember {
            member: clip(name, 64),
            why,
        });
    }
    Ok(())
}

/// The credential's `@context`: the VC 2.0 and Skillpass contexts, then any further
/// entries of the claims' own `@context` (a URL or a list), each of which must be a
/// context a verifier accepts ([`check_contexts`]).
fn contexts(given: Option<&Value>) -> Result<Value, Structure> {
    let mut list = vec![json!(VC_CONTEXT_V2), json!(SKILLPASS_CONTEXT_V1)];
    let extra: Vec<Value> = match given {
        None => Vec::new(),
        Some(Value::String(_)) => given.into_iter().cloned().collect(),
        Some(Value::Array(items)) => items.clone(),
        Some(_) => return Err(Structure::ClaimsContext),
    };
    for item in extra {
        if !list.contains(&item) {
            list.push(item);
        }
    }
    let list = Value::Array(list);
    if given.is_some() {
        let mut only = Map::new();
        only.insert("@context".into(), list.clone());
        check_contexts(&only, CREDENTIAL_CONTEXTS)?;
    }
    Ok(list)
}

/// The credential's `id`: the claims' own (a `urn:uuid:` URN, the form a Skillpass
/// credential id has and the registry stores by), or a new random one.
fn credential_id(given: Option<&Value>) -> Result<String, Structure> {
    match given {
        None => Ok(format!("urn:uuid:{}", uuid::Uuid::new_v4())),
        Some(Value::String(id)) => {
            let uuid = id
                .strip_prefix("urn:uuid:")
                .filter(|u| u.len() == 36)
                .and_then(|u| uuid::Uuid::parse_str(u).ok())
                .ok_or(Structure::ClaimsId)?;
            Ok(format!("urn:uuid:{}", uuid.hyphenated()))
        }
        Some(_) => Err(Structure::ClaimsId),
    }
}

/// `evidence` and `termsOfUse` (VC 2.0 §5.6, §5.5): an object or a non-empty list of
/// objects, each with a `type`.
fn check_typed_entries(member: &'static str, value: &Value) -> Result<(), Structure> {
    let entries: Vec<&Value> = match value {
        Value::Array(items) => items.iter().collect(),
        one => vec![one],
    };
    let bad = || Structure::ClaimsEntries(member);
    if entries.is_empty() || entries.len() > MAX_EXTRA_ENTRIES {
        return Err(bad());
    }
    for entry in entries {
        let typed = match entry.get("type") {
            Some(Value::String(t)) => !t.is_empty(),
            Some(Value::Array(ts)) => {
                !ts.is_empty() && ts.iter().all(|t| t.as_str().is_some_and(|t| !t.is_empty()))
            }
            _ => false,
        };
        if !entry.is_object() || !typed {
            return Err(bad());
        }
    }
    Ok(())
}

/// `text` cut to `max` characters, for naming a member of untrusted input.
fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max).collect();
    format!("{cut}…")
}

/// Longest DID accepted as a holder (a did:key is 56 characters).
const MAX_HOLDER_DID: usize = 512;

/// What cannot be right in a credential about to be issued, whatever path built it: a
/// holder that is not a well-formed did:key, a validity period that ends before it starts
/// or before the moment of issuing, and an award, assessment or birth date after the day
/// of issuing (one day of slack, for issuers east of UTC).
fn check_issuable(
    doc: &Value,
    options: &IssueOptions,
    valid_from: DateTime<Utc>,
) -> Result<(), CredentialError> {
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
        if until <= valid_from {
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
