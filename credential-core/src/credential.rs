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
///
/// Messages name places and rules, never the values of the document (they may be personal
/// data); a caller that knows where a value came from (a CSV cell the clerk typed) may add it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CredentialError {
    /// The VC envelope is missing or malformed.
    #[error("{0}")]
    Structure(String),
    /// The document breaks its JSON Schema. (Not a `source`: the message already holds it,
    /// and a chain would print it twice.)
    #[error("schema: {0}")]
    Schema(SchemaError),
    /// A framework level id that is not in the shipped framework data.
    #[error("unknown framework level {level:?}{}", did_you_mean(.suggestion.as_deref()))]
    UnknownLevel {
        /// The level as written.
        level: String,
        /// The known level it most likely means (`PQF-6` for `PQF6`).
        suggestion: Option<String>,
    },
    /// The holder (`credentialSubject.id`) is not a DID a Skillpass holder can have.
    #[error("holder: {0}")]
    Holder(String),
    /// `validUntil` is not after `validFrom`.
    #[error("validUntil is not after validFrom: the credential would never be valid")]
    EndsBeforeStart,
    /// `validUntil` is already past at issuance.
    #[error("validUntil is already past: the credential would be expired when issued")]
    AlreadyExpired,
    /// A date of the claims (award, assessment, birth) lies after the day of issuance.
    #[error("{pointer}: the {what} is in the future (after the day of issuance)")]
    DateInFuture {
        /// JSON pointer of the date.
        pointer: String,
        /// What the date is: `award date`, `assessment date`, `birth date`.
        what: &'static str,
    },
}

impl From<SchemaError> for CredentialError {
    fn from(e: SchemaError) -> Self {
        Self::Schema(e)
    }
}

fn did_you_mean(suggestion: Option<&str>) -> String {
    match suggestion {
        Some(s) => format!(" \u{2014} did you mean {s}?"),
        None => " (the known levels: skillpass equivalence frameworks)".to_owned(),
    }
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
    crate::keys::PublicKey::from_did(did)
        .map(|_| ())
        .map_err(|_| {
            bad("a did:key that does not hold an Ed25519 public key (a character lost in copying?)")
        })
}

/// The method name of a DID, when `s` follows the DID syntax of W3C DID Core §3.1:
/// `did = "did:" method-name ":" method-specific-id`, `method-name = 1*(%x61-7A / DIGIT)`,
/// `method-specific-id = *( *idchar ":" ) 1*idchar`,
/// `idchar = ALPHA / DIGIT / "." / "-" / "_" / pct-encoded`.
fn did_method(s: &str) -> Option<&str> {
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
    /// The headline: the English title of a qualification; for skills, the credential's
    /// `name` when it has one, else the first skill's short name and how many more
    /// ([`skill_headline`]). Wallet lists, cards and verification reports all show this.
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
                skill_headline(obj.get("name"), subject.get("skills")),
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
            return Err(CredentialError::UnknownLevel {
                level: unknown.clone(),
                suggestion: catalog.suggest_level(unknown).map(str::to_owned),
            });
        }
        Ok(())
    }
}

/// Longest headline made from a skill's name.
const MAX_HEADLINE: usize = 60;

/// The headline of a skill credential: its top-level `name` (the VC 2.0 name of the
/// credential, which an issuer may set in the claims), else the first skill's name cut
/// at its first `:` or `;` (skill names often go on to list what the skill covers) and
/// at most 60 characters, then `and N more skills`. Joining every skill's name made
/// headlines of 600 characters.
pub fn skill_headline(name: Option<&Value>, skills: Option<&Value>) -> Option<String> {
    if let Some(name) = name.and_then(Value::as_str).map(str::trim) {
        if !name.is_empty() {
            return Some(clip_words(name, MAX_HEADLINE * 2));
        }
    }
    let names: Vec<&str> = skills?
        .as_array()?
        .iter()
        .filter_map(|s| s.get("name").and_then(Value::as_str))
        .collect();
    let first = names.first()?;
    let short = first
        .split([':', ';'])
        .next()
        .map(str::trim)
        .filter(|s| s.chars().count() >= 3)
        .unwrap_or(first.trim());
    let short = clip_words(short, MAX_HEADLINE);
    Some(match names.len() {
        1 => short,
        2 => format!("{short} and 1 more skill"),
        n => format!("{short} and {} more skills", n - 1),
    })
}

/// `text` cut to at most `max` characters at a word boundary, with `…` when cut.
fn clip_words(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_word = match cut.rfind(' ') {
        Some(space) if space > max / 2 => cut.get(..space).unwrap_or(&cut),
        _ => &cut,
    };
    format!("{}…", at_word.trim_end_matches([' ', ',', '-']))
}

fn status_entry(v: &Value) -> Result<StatusEntry, CredentialError> {
    // Deserializing from the borrowed value saves copying the entry first.
    StatusEntry::deserialize(v).map_err(|e| structure(format!("`credentialStatus`: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::NURSE;
    use chrono::Duration;

    const SKILLS: &str = include_str!("../../examples/care-worker-skills.json");

    fn t(s: &str) -> DateTime<Utc> {
        parse_time(s).unwrap()
    }

    fn nurse() -> Value {
        serde_json::from_str(NURSE).unwrap()
    }

    fn build(claims: &Value, options: &IssueOptions) -> Result<Value, CredentialError> {
        build_document(
            claims,
            &SecretKey::from_bytes(&[1; 32]).public().did(),
            options,
        )
    }

    #[test]
    fn build_document_refuses_a_valid_until_before_valid_from() {
        let mut options = IssueOptions::new(t("2026-03-01T00:00:00Z"));
        options.valid_from = t("2026-06-01T00:00:00Z");
        options.valid_until = Some(t("2026-05-01T00:00:00Z"));
        assert!(matches!(
            build(&nurse(), &options),
            Err(CredentialError::EndsBeforeStart)
        ));
        // The same from the claims file's own validUntil.
        let mut claims = nurse();
        claims["validUntil"] = json!("2026-06-01T00:00:00Z");
        options.valid_until = None;
        assert!(matches!(
            build(&claims, &options),
            Err(CredentialError::EndsBeforeStart)
        ));
    }

    #[test]
    fn build_document_refuses_a_credential_that_would_be_expired_when_issued() {
        let now = t("2026-03-01T00:00:00Z");
        let mut options = IssueOptions::new(now);
        options.valid_from = now - Duration::days(400);
        options.valid_until = Some(now - Duration::days(1));
        let err = build(&nurse(), &options).unwrap_err();
        assert!(matches!(err, CredentialError::AlreadyExpired), "{err}");
        assert!(err.to_string().contains("already past"));
        // A validFrom in the future is an issuer's choice, and allowed.
        let mut options = IssueOptions::new(now);
        options.valid_from = now + Duration::days(30);
        options.valid_until = Some(now + Duration::days(400));
        build(&nurse(), &options).unwrap();
    }

    #[test]
    fn build_document_refuses_an_award_date_in_the_future() {
        let mut claims = nurse();
        claims["credentialSubject"]["qualification"]["awarded"] = json!("2026-03-03");
        let err = build(&claims, &IssueOptions::new(t("2026-03-01T12:00:00Z"))).unwrap_err();
        match &err {
            CredentialError::DateInFuture { pointer, what } => {
                assert_eq!(pointer, "/credentialSubject/qualification/awarded");
                assert_eq!(*what, "award date");
            }
            other => panic!("{other}"),
        }
        assert!(!err.to_string().contains("2026-03-03"), "{err}");
        // The next day is allowed: east of UTC it is already that day.
        claims["credentialSubject"]["qualification"]["awarded"] = json!("2026-03-02");
        build(&claims, &IssueOptions::new(t("2026-03-01T20:00:00Z"))).unwrap();
    }

    #[test]
    fn build_document_refuses_a_skill_assessed_or_a_holder_born_in_the_future() {
        let mut skills: Value = serde_json::from_str(SKILLS).unwrap();
        skills["credentialSubject"]["skills"][2]["assessment"]["date"] = json!("2031-01-01");
        let err = build(&skills, &IssueOptions::new(t("2026-03-01T00:00:00Z"))).unwrap_err();
        assert!(
            matches!(&err, CredentialError::DateInFuture { pointer, .. } if pointer == "/credentialSubject/skills/2/assessment/date"),
            "{err}"
        );
        let mut claims = nurse();
        claims["credentialSubject"]["birthDate"] = json!("2030-01-01");
        let err = build(&claims, &IssueOptions::new(t("2026-03-01T00:00:00Z"))).unwrap_err();
        assert!(err.to_string().contains("birth date"), "{err}");
        assert!(!err.to_string().contains("2030"), "{err}");
    }

    #[test]
    fn build_document_refuses_a_holder_that_is_not_a_did() {
        let now = t("2026-03-01T00:00:00Z");
        for holder in [
            "maria@example.org",
            "did:key:",
            "did:key:z6Mk",
            "did:KEY:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
            "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWq",
            "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#z6Mk",
            " did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
        ] {
            let mut options = IssueOptions::new(now);
            options.holder = Some(holder.to_owned());
            let err = build(&nurse(), &options).unwrap_err();
            assert!(matches!(err, CredentialError::Holder(_)), "{holder}: {err}");
            if holder.len() > 12 {
                assert!(!err.to_string().contains(holder.trim()), "{err}");
            }
        }
        // A DID of another method is well-formed, but not a holder Skillpass can resolve.
        let mut options = IssueOptions::new(now);
        options.holder = Some("did:web:example.org:people:maria".into());
        let err = build(&nurse(), &options).unwrap_err();
        assert!(err.to_string().contains("did:web"), "{err}");
        // The same checks apply to an id written in the claims file.
        let mut claims = nurse();
        claims["credentialSubject"]["id"] =
            json!("z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp");
        assert!(matches!(
            build(&claims, &IssueOptions::new(now)),
            Err(CredentialError::Holder(_))
        ));
        let mut options = IssueOptions::new(now);
        options.holder = Some(SecretKey::from_bytes(&[9; 32]).public().did());
        build(&nurse(), &options).unwrap();
    }

    #[test]
    fn did_syntax_follows_the_did_core_abnf() {
        for good in [
            "did:example:123456789abcdefghi",
            "did:web:example.org%3A8443:users:alice",
            "did:a1:x",
            "did:example::x",
        ] {
            assert!(did_method(good).is_some(), "{good}");
        }
        for bad in [
            "did:example:",
            "did:example:abc:",
            "did::abc",
            "did:Example:abc",
            "did:ex-ample:abc",
            "did:example:a/b",
            "did:example:a?b",
            "did:example:a#b",
            "did:example:%zz",
            "did:example:%4",
            "DID:example:abc",
            "did:example",
        ] {
            assert!(did_method(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn a_schema_error_is_not_repeated_as_its_own_source() {
        let claims = json!({"type": "QualificationCredential", "credentialSubject": {"name": "X"}});
        let doc = build(&claims, &IssueOptions::new(Utc::now())).unwrap();
        let err = sign_document(&SecretKey::from_bytes(&[1; 32]), "did:key:x#x", &doc).unwrap_err();
        assert!(matches!(err, CredentialError::Schema(_)), "{err}");
        assert!(std::error::Error::source(&err).is_none());
    }

    #[test]
    fn a_malformed_date_is_one_violation_that_names_the_expected_form() {
        let mut claims = nurse();
        claims["credentialSubject"]["qualification"]["awarded"] = json!("2023-13-01");
        let doc = build(&claims, &IssueOptions::new(Utc::now())).unwrap();
        let err = sign_document(&SecretKey::from_bytes(&[1; 32]), "did:key:x#x", &doc).unwrap_err();
        let CredentialError::Schema(schema) = &err else {
            panic!("{err}")
        };
        assert_eq!(schema.violations.len(), 1, "{err}");
        assert_eq!(
            err.to_string(),
            "schema: /credentialSubject/qualification/awarded: not a date (YYYY-MM-DD)"
        );
        assert!(!err.to_string().contains("2023-13-01"));
    }

    #[test]
    fn an_unknown_level_suggests_the_level_it_most_likely_means() {
        let mut claims = nurse();
        claims["credentialSubject"]["qualification"]["frameworkLevels"] = json!(["PQF6"]);
        let doc = build(&claims, &IssueOptions::new(Utc::now())).unwrap();
        let err = sign_document(&SecretKey::from_bytes(&[1; 32]), "did:key:x#x", &doc).unwrap_err();
        // PQF6 breaks the level id pattern first.
        assert!(err.to_string().contains("framework level id"), "{err}");
        claims["credentialSubject"]["qualification"]["frameworkLevels"] = json!(["PFQ-6"]);
        let doc = build(&claims, &IssueOptions::new(Utc::now())).unwrap();
        let err = sign_document(&SecretKey::from_bytes(&[1; 32]), "did:key:x#x", &doc).unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown framework level \"PFQ-6\" \u{2014} did you mean PQF-6?"
        );
    }

    #[test]
    fn a_skill_credential_is_headlined_by_its_first_skill_and_how_many_more() {
        let skills: Value = serde_json::from_str(SKILLS).unwrap();
        let doc = build(&skills, &IssueOptions::new(t("2026-03-01T00:00:00Z"))).unwrap();
        let checked = CheckedCredential::from_value(&doc).unwrap();
        assert_eq!(
            checked.title.as_deref(),
            Some("Personal care of older adults and 4 more skills")
        );
        let mut named = skills.clone();
        named["name"] = json!("Home care worker skills");
        let doc = build(&named, &IssueOptions::new(t("2026-03-01T00:00:00Z"))).unwrap();
        assert_eq!(
            CheckedCredential::from_value(&doc)
                .unwrap()
                .title
                .as_deref(),
            Some("Home care worker skills")
        );
    }

    #[test]
    fn a_long_skill_name_is_cut_at_a_word() {
        let skills = json!([{"name": "Operating and maintaining industrial refrigeration and air conditioning systems in commercial buildings"}]);
        let title = skill_headline(None, Some(&skills)).unwrap();
        assert!(title.chars().count() <= MAX_HEADLINE, "{title}");
        assert!(title.ends_with('…'), "{title}");
        assert!(
            title.starts_with("Operating and maintaining industrial"),
            "{title}"
        );
        let two = json!([{"name": "Welding"}, {"name": "Teamwork"}]);
        assert_eq!(
            skill_headline(None, Some(&two)).as_deref(),
            Some("Welding and 1 more skill")
        );
        assert_eq!(skill_headline(None, Some(&json!([]))), None);
    }
}
