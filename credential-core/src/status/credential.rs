use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Map, Value};

use super::{
    excerpt, Bitstring, IssuerStatusList, StatusEntry, StatusError, StatusPurpose,
    LIST_CREDENTIAL_TYPE, LIST_SUBJECT_TYPE, VC_V2_CONTEXT,
};

/// The unsigned VC 2.0 status list credential publishing `list`, ready to be signed
/// by `issuer` (a DID).
///
/// Its subject id is `<list id>#list`, following the spec's example.
pub fn status_list_credential(
    issuer: &str,
    list: &IssuerStatusList,
    valid_from: DateTime<Utc>,
) -> Value {
    json!({
        "@context": [VC_V2_CONTEXT],
        "id": list.id,
        "type": ["VerifiableCredential", LIST_CREDENTIAL_TYPE],
        "issuer": issuer,
        "validFrom": valid_from.to_rfc3339_opts(SecondsFormat::Secs, true),
        "credentialSubject": {
            "id": format!("{}#list", list.id),
            "type": LIST_SUBJECT_TYPE,
            "statusPurpose": list.purpose.as_str(),
            "encodedList": list.bits.encode(),
        }
    })
}

/// What a verifier needs from a status list credential.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParsedStatusList {
    /// The issuer's id (a DID); the caller must check it is the credential's issuer,
    /// or anyone could publish an all-clear list for it.
    pub issuer: String,
    /// The list credential's `id`, which entries name in `statusListCredential`.
    pub id: String,
    /// What a set bit means.
    pub purpose: StatusPurpose,
    /// The decoded status bits.
    pub bits: Bitstring,
    /// `validFrom`, if present; the caller decides how to treat a list not yet valid.
    pub valid_from: Option<DateTime<Utc>>,
    /// `validUntil`, if present; the caller decides how to treat an expired list.
    pub valid_until: Option<DateTime<Utc>>,
}

impl ParsedStatusList {
    /// The status bit for a credential's entry: `true` means revoked or suspended.
    ///
    /// # Errors
    /// [`StatusError::ListMismatch`] if the entry names another list,
    /// [`StatusError::PurposeMismatch`] if its purpose differs, and the errors of
    /// [`StatusEntry::index`] and [`Bitstring::get`].
    pub fn status_of(&self, entry: &StatusEntry) -> Result<bool, StatusError> {
        if entry.status_list_credential != self.id {
            return Err(StatusError::ListMismatch {
                entry: excerpt(&entry.status_list_credential),
                list: excerpt(&self.id),
            });
        }
        if entry.status_purpose != self.purpose {
            return Err(StatusError::PurposeMismatch {
                entry: entry.status_purpose,
                list: self.purpose,
            });
        }
        self.bits.get(entry.index()?)
    }
}

/// Reads a status list credential whose signature the caller has already checked.
///
/// Checks the VC 2.0 context, that `type` includes `VerifiableCredential` and
/// `BitstringStatusListCredential`, that the subject is a `BitstringStatusList` with a
/// supported purpose and single-bit entries, and decodes `encodedList`. Validity dates
/// are returned, not enforced.
///
/// # Errors
/// [`StatusError::WrongCredentialType`], [`StatusError::WrongSubjectType`],
/// [`StatusError::UnsupportedPurpose`], [`StatusError::UnsupportedStatusSize`],
/// [`StatusError::InvalidField`] for a missing or malformed property, and the errors of
/// [`Bitstring::decode`].
pub fn parse_status_list_credential(v: &Value) -> Result<ParsedStatusList, StatusError> {
    let vc = v.as_object().ok_or(StatusError::InvalidField {
        field: "credential",
        reason: "must be a JSON object",
    })?;

    let context_ok = vc
        .get("@context")
        .and_then(Value::as_array)
        .and_then(|c| c.first())
        .and_then(Value::as_str)
        == Some(VC_V2_CONTEXT);
    if !context_ok {
        return Err(StatusError::InvalidField {
            field: "@context",
            reason: "must be an array starting with https://www.w3.org/ns/credentials/v2",
        });
    }

    let types = vc.get("type").and_then(Value::as_array);
    let has_type = |t: &str| types.is_some_and(|a| a.iter().any(|x| x.as_str() == Some(t)));
    if !has_type("VerifiableCredential") || !has_type(LIST_CREDENTIAL_TYPE) {
        return Err(StatusError::WrongCredentialType);
    }

    let id = required_str(vc, "id")?;
    let issuer = match vc.get("issuer") {
        Some(Value::String(s)) => Some(s.as_str()),
        Some(Value::Object(o)) => o.get("id").and_then(Value::as_str),
        _ => None,
    }
    .filter(|s| !s.is_empty())
    .ok_or(StatusError::InvalidField {
        field: "issuer",
        reason: "must be a string or an object with a string id",
    })?;
    let valid_from = optional_date(vc, "validFrom")?;
    let valid_until = optional_date(vc, "validUntil")?;

    let subject = vc
        .get("credentialSubject")
        .and_then(Value::as_object)
        .ok_or(StatusError::InvalidField {
            field: "credentialSubject",
            reason: "must be an object",
        })?;
    let subject_type_ok = match subject.get("type") {
        Some(Value::String(s)) => s == LIST_SUBJECT_TYPE,
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str() == Some(LIST_SUBJECT_TYPE)),
        _ => false,
    };
    if !subject_type_ok {
        return Err(StatusError::WrongSubjectType);
    }
    let purpose: StatusPurpose = match subject.get("statusPurpose") {
        Some(Value::String(s)) => s.parse()?,
        _ => {
            return Err(StatusError::InvalidField {
                field: "credentialSubject.statusPurpose",
                reason: "must be a string",
            })
        }
    };
    if let Some(size) = subject.get("statusSize") {
        if *size != json!(1) {
            return Err(StatusError::UnsupportedStatusSize(excerpt(
                &size.to_string(),
            )));
        }
    }
    let encoded =
        subject
            .get("encodedList")
            .and_then(Value::as_str)
            .ok_or(StatusError::InvalidField {
                field: "credentialSubject.encodedList",
                reason: "must be a string",
            })?;
    let bits = Bitstring::decode(encoded)?;

    Ok(ParsedStatusList {
        issuer: issuer.to_owned(),
        id: id.to_owned(),
        purpose,
        bits,
        valid_from,
        valid_until,
    })
}

fn required_str<'a>(
    vc: &'a Map<String, Value>,
    field: &'static str,
) -> Result<&'a str, StatusError> {
    vc.get(field)
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty())
        .ok_or(StatusError::InvalidField {
            field,
            reason: "must be a non-empty string",
        })
}

fn optional_date(
    vc: &Map<String, Value>,
    field: &'static str,
) -> Result<Option<DateTime<Utc>>, StatusError> {
    let invalid = StatusError::InvalidField {
        field,
        reason: "must be an RFC 3339 date-time string",
    };
    match vc.get(field) {
        None => Ok(None),
        Some(Value::String(s)) => DateTime::parse_from_rfc3339(s)
            .map(|d| Some(d.with_timezone(&Utc)))
            .map_err(|_| invalid),
        Some(_) => Err(invalid),
    }
}
