//! The credential model: W3C VC 2.0 documents of type `QualificationCredential` or
//! `SkillCredential`, building them from an issuer's claims, and reading the envelope of an
//! untrusted one.
//!
//! Reading goes raw JSON → [`CheckedCredential`] (structure only, no cryptography) →
//! [`crate::verify::VerifiedCredential`], which only the verifier can build.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Deserialize as _;
use serde_json::{json, Map, Value};

use crate::equivalence::FrameworkCatalog;
use crate::jws::{self, Header};
use crate::keys::SecretKey;
use crate::schema::{self, SchemaError};
use crate::status::StatusEntry;

/// The VC 2.0 base context, which must come first in `@context`.
pub const VC_CONTEXT_V2: &str = "https://www.w3.org/ns/credentials/v2";
/// The JWS `typ` of a credential (VC-JOSE-COSE).
pub const TYP_VC: &str = "vc+jwt";

/// The two kinds of credential Skillpass issues.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum CredentialKind {
    /// A formal award: title, awarding body, framework level, field, occupation.
    #[serde(rename = "QualificationCredential")]
    Qualification,
    /// One or more skills with how each was assessed.
    #[serde(rename = "SkillCredential")]
    Skill,
}

impl CredentialKind {
    /// The VC `type` value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Qualification => "QualificationCredential",
            Self::Skill => "SkillCredential",
        }
    }
}

impl fmt::Display for CredentialKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for CredentialKind {
    type Err = CredentialError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "QualificationCredential" => Ok(Self::Qualification),
            "SkillCredential" => Ok(Self::Skill),
            other => Err(CredentialError::Structure(format!(
                "unknown credential type {other:?} (QualificationCredential or SkillCredential)"
            ))),
        }
    }
}

/// What can be wrong with a credential document or an issuing request.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CredentialError {
    /// The VC envelope is missing or malformed.
    #[error("{0}")]
    Structure(String),
    /// The document breaks its JSON Schema.
    #[error("schema: {0}")]
    Schema(#[from] SchemaError),
    /// A framework level id that is not in the shipped framework data.
    #[error("unknown framework level {0:?}")]
    UnknownLevel(String),
}

fn structure(msg: impl Into<String>) -> CredentialError {
    CredentialError::Structure(msg.into())
}

/// Formats a time the way credentials carry it (RFC 3339, seconds, `Z`).
pub fn format_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Parses an RFC 3339 date-time.
pub fn parse_time(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

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
}

impl IssueOptions {
    /// Valid from `now`, issuer = the signing key, no holder, no status.
    pub fn new(valid_from: DateTime<Utc>) -> Self {
        Self {
            issuer: None,
            holder: None,
            valid_from,
            valid_until: None,
            status: Vec::new(),
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
    let claims = claims
        .as_object()
        .ok_or_else(|| structure("claims must be a JSON object"))?;
    let kind: CredentialKind = match claims.get("type") {
        Some(Value::String(t)) => t.parse()?,
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .find_map(|t| t.parse().ok())
            .ok_or_else(|| structure("claims `type` names no Skillpass credential type"))?,
        _ => {
            return Err(structure(
                "claims need a `type`: QualificationCredential or SkillCredential",
            ))
        }
    };
    let mut subject = claims
        .get("credentialSubject")
        .and_then(Value::as_object)
        .cloned()
        .ok_or_else(|| structure("claims need a `credentialSubject` object"))?;
    if let Some(holder) = &options.holder {
        subject.insert("id".into(), Value::String(holder.clone()));
    }
    let mut doc = Map::new();
    doc.insert("@context".into(), json!([VC_CONTEXT_V2]));
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
                serde_json::to_value(one).map_err(|e| structure(e.to_string()))?,
            );
        }
        many => {
            doc.insert(
                "credentialStatus".into(),
                serde_json::to_value(many).map_err(|e| structure(e.to_string()))?,
            );
        }
    }
    Ok(Value::Object(doc))
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
    let payload = serde_json::to_vec(document).map_err(|e| structure(e.to_string()))?;
    if payload.len() > jws::MAX_JWS_LEN / 4 * 3 - 512 {
        return Err(structure(format!(
            "the credential is {} bytes, too large for the {}-byte credential limit",
            payload.len(),
            jws::MAX_JWS_LEN
        )));
    }
    Ok(jws::sign(key, &Header::new(TYP_VC, kid), &payload))
}

/// The envelope of a credential, read from untrusted JSON without any cryptography.
#[derive(Debug, Clone)]
pub struct CheckedCredential {
    /// `id` (a `urn:uuid`).
    pub id: String,
    /// Which of the two credential types.
    pub kind: CredentialKind,
    /// The issuer DID (`issuer` or `issuer.id`).
    pub issuer: String,
    /// `validFrom`.
    pub valid_from: DateTime<Utc>,
    /// `validUntil`.
    pub valid_until: Option<DateTime<Utc>>,
    /// `credentialSubject.id`, the holder's DID when bound to one.
    pub subject_id: Option<String>,
    /// Framework level ids the credential claims.
    pub levels: Vec<String>,
    /// Country of award (qualifications).
    pub country: Option<String>,
    /// ISCED-F field code.
    pub field: Option<String>,
    /// ISCO-08 occupation code.
    pub isco08: Option<String>,
    /// English title of the qualification, or the skills' names.
    pub title: Option<String>,
    /// The `credentialStatus` entries.
    pub status: Vec<StatusEntry>,
}

impl CheckedCredential {
    /// Reads the envelope: `@context` first item, `type`, `id`, `issuer`, `validFrom`,
    /// optional `validUntil` and `credentialStatus`; VC-JOSE-COSE forbids `vc`/`vp` claims.
    pub fn from_value(doc: &Value) -> Result<Self, CredentialError> {
        let obj = doc
            .as_object()
            .ok_or_else(|| structure("the payload is not a JSON object"))?;
        match obj
            .get("@context")
            .and_then(Value::as_array)
            .and_then(|c| c.first())
        {
            Some(Value::String(c)) if c == VC_CONTEXT_V2 => {}
            _ => {
                return Err(structure(format!(
                    "`@context` must be an array starting with {VC_CONTEXT_V2}"
                )))
            }
        }
        if obj.contains_key("vc") || obj.contains_key("vp") {
            return Err(structure(
                "JWT claims `vc`/`vp` must not be present (VC-JOSE-COSE)",
            ));
        }
        let types = obj
            .get("type")
            .and_then(Value::as_array)
            .ok_or_else(|| structure("`type` must be an array"))?;
        if !types.iter().any(|t| t == "VerifiableCredential") {
            return Err(structure("`type` must include VerifiableCredential"));
        }
        let mut kinds = types
            .iter()
            .filter_map(Value::as_str)
            .filter_map(|t| t.parse::<CredentialKind>().ok());
        let kind = kinds
            .next()
            .ok_or_else(|| structure("`type` names no Skillpass credential type"))?;
        if kinds.next().is_some() {
            return Err(structure("`type` names more than one credential type"));
        }
        let id = obj
            .get("id")
            .and_then(Value::as_str)
            .ok_or_else(|| structure("`id` is missing"))?
            .to_owned();
        let issuer = match obj.get("issuer") {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Object(o)) => o
                .get("id")
                .and_then(Value::as_str)
                .ok_or_else(|| structure("`issuer.id` is missing"))?
                .to_owned(),
            _ => return Err(structure("`issuer` is missing")),
        };
        let time = |name: &str| -> Result<Option<DateTime<Utc>>, CredentialError> {
            match obj.get(name) {
                None => Ok(None),
                Some(Value::String(s)) => parse_time(s)
                    .map(Some)
                    .ok_or_else(|| structure(format!("`{name}` is not an RFC 3339 date-time"))),
                Some(_) => Err(structure(format!("`{name}` must be a string"))),
            }
        };
        let valid_from = time("validFrom")?.ok_or_else(|| structure("`validFrom` is missing"))?;
        let valid_until = time("validUntil")?;
        let subject = obj
            .get("credentialSubject")
            .and_then(Value::as_object)
            .ok_or_else(|| structure("`credentialSubject` must be an object"))?;
        let text = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_owned);
        let subject_id = text(subject.get("id"));
        let (levels, country, field, isco08, title) = match kind {
            CredentialKind::Qualification => {
                let q = subject.get("qualification");
                let levels = q
                    .and_then(|q| q.get("frameworkLevels"))
                    .and_then(Value::as_array)
                    .map(|a| {
                        a.iter()
                            .filter_map(Value::as_str)
                            .map(str::to_owned)
                            .collect()
                    })
                    .unwrap_or_default();
                (
                    levels,
                    text(q.and_then(|q| q.get("country"))),
                    text(q.and_then(|q| q.get("field")).and_then(|f| f.get("iscedF"))),
                    text(
                        q.and_then(|q| q.get("occupation"))
                            .and_then(|o| o.get("isco08")),
                    ),
                    text(q.and_then(|q| q.get("title")).and_then(|t| t.get("en"))),
                )
            }
            CredentialKind::Skill => (
                text(subject.get("frameworkLevel")).into_iter().collect(),
                None,
                None,
                text(subject.get("occupation").and_then(|o| o.get("isco08"))),
                subject
                    .get("skills")
                    .and_then(Value::as_array)
                    .map(|skills| {
                        skills
                            .iter()
                            .filter_map(|s| s.get("name").and_then(Value::as_str))
                            .collect::<Vec<_>>()
                            .join(", ")
                    }),
            ),
        };
        let status = match obj.get("credentialStatus") {
            None => Vec::new(),
            Some(v @ Value::Object(_)) => vec![status_entry(v)?],
            Some(Value::Array(items)) => {
                items.iter().map(status_entry).collect::<Result<_, _>>()?
            }
            Some(_) => {
                return Err(structure(
                    "`credentialStatus` must be an object or an array",
                ))
            }
        };
        Ok(Self {
            id,
            kind,
            issuer,
            valid_from,
            valid_until,
            subject_id,
            levels,
            country,
            field,
            isco08,
            title,
            status,
        })
    }

    /// Content rules beyond structure: the JSON Schema of the kind, and framework levels
    /// that exist in the shipped framework data.
    pub fn check_content(&self, doc: &Value) -> Result<(), CredentialError> {
        self.check_content_disclosed(doc, &[])
    }

    /// [`CheckedCredential::check_content`] for a selectively disclosed document: a
    /// required member may be missing from the objects at the JSON pointers in `hidden`,
    /// which hold claims the holder did not disclose.
    pub fn check_content_disclosed(
        &self,
        doc: &Value,
        hidden: &[String],
    ) -> Result<(), CredentialError> {
        schema::validate_disclosed(self.kind, doc, hidden)?;
        let catalog = FrameworkCatalog::shipped().map_err(|e| structure(e.to_string()))?;
        if let Some(unknown) = self.levels.iter().find(|l| catalog.level(l).is_none()) {
            return Err(CredentialError::UnknownLevel(unknown.clone()));
        }
        Ok(())
    }
}

fn status_entry(v: &Value) -> Result<StatusEntry, CredentialError> {
    // Deserializing from the borrowed value saves copying the entry first.
    StatusEntry::deserialize(v).map_err(|e| structure(format!("`credentialStatus`: {e}")))
}
