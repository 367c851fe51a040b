//! The IETF SD-JWT VC layout of a Skillpass credential, and back: [`to_dc`] turns the
//! (selectively disclosable) payload made from a VC 2.0 document into the `dc+sd-jwt`
//! payload, [`to_vc`] turns a `dc+sd-jwt` payload, with its disclosures put back, into the
//! VC 2.0 document the ordinary checks run on.

use serde_json::{json, Map, Value};

use super::type_metadata::kind_of_vct;
use crate::credential::{format_time, parse_time, VC_CONTEXT_V2};
use crate::status::{StatusEntry, StatusPurpose};

/// The JWS `typ` of an IETF SD-JWT VC.
pub const TYP_DC_SD_JWT: &str = "dc+sd-jwt";

/// The payload members the SD-JWT VC layout defines; everything else is a subject claim.
const REGISTERED: [&str; 11] = [
    "iss",
    "jti",
    "iat",
    "nbf",
    "exp",
    "vct",
    "vct#integrity",
    "sub",
    "cnf",
    "status",
    "_sd_alg",
];

/// Why a credential cannot be put in, or read from, the SD-JWT VC layout.
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum LayoutError {
    /// A member the layout needs is missing or of the wrong type.
    #[error("{0}")]
    Member(String),
    /// A VC member the layout has no place for.
    #[error("the credential member {0:?} has no place in an SD-JWT VC")]
    Unplaceable(String),
    /// A suspension status entry: a 1-bit Token Status List only says revoked or not.
    #[error("an SD-JWT VC carries a revocation status only: issue it without a suspension list")]
    Suspension,
    /// The `vct` names no Skillpass credential type, or another type than the credential.
    #[error("vct {0:?} does not name this Skillpass credential type")]
    Vct(String),
}

fn member(what: &str) -> LayoutError {
    LayoutError::Member(what.to_owned())
}

fn epoch(value: Option<&Value>, what: &str) -> Result<Option<i64>, LayoutError> {
    match value {
        None => Ok(None),
        Some(Value::String(s)) => parse_time(s)
            .map(|t| Some(t.timestamp()))
            .ok_or_else(|| member(&format!("{what} is not a date-time"))),
        Some(_) => Err(member(&format!("{what} is not a string"))),
    }
}

/// The `dc+sd-jwt` payload for `payload`, a VC 2.0 credential (its personal claims may
/// already be replaced by `_sd` digests), of type `vct` with Type Metadata integrity
/// `integrity`.
pub fn to_dc(payload: Value, vct: &str, integrity: &str) -> Result<Value, LayoutError> {
    let Value::Object(mut vc) = payload else {
        return Err(member("the credential is not a JSON object"));
    };
    let kind = kind_of_vct(vct).ok_or_else(|| LayoutError::Vct(vct.to_owned()))?;
    let types = vc.remove("type").unwrap_or(Value::Null);
    if !types
        .as_array()
        .is_some_and(|t| t.iter().any(|v| v == kind.as_str()))
    {
        return Err(LayoutError::Vct(vct.to_owned()));
    }
    let mut out = Map::new();
    let issuer = vc
        .remove("issuer")
        .and_then(|v| v.as_str().map(str::to_owned))
        .ok_or_else(|| member("the credential has no issuer DID"))?;
    out.insert("iss".into(), json!(issuer));
    if let Some(id) = vc.remove("id") {
        out.insert("jti".into(), id);
    }
    let from = epoch(vc.remove("validFrom").as_ref(), "validFrom")?
        .ok_or_else(|| member("the credential has no validFrom"))?;
    out.insert("iat".into(), json!(from));
    out.insert("nbf".into(), json!(from));
    if let Some(until) = epoch(vc.remove("validUntil").as_ref(), "validUntil")? {
        out.insert("exp".into(), json!(until));
    }
    out.insert("vct".into(), json!(vct));
    out.insert("vct#integrity".into(), json!(integrity));
    if let Some(status) = vc.remove("credentialStatus") {
        let entries: Vec<StatusEntry> = match status {
            Value::Array(_) => serde_json::from_value(status),
            one => serde_json::from_value(one).map(|e| vec![e]),
        }
        .map_err(|e| member(&format!("credentialStatus: {e}")))?;
        for entry in entries {
            if entry.status_purpose != StatusPurpose::Revocation {
                return Err(LayoutError::Suspension);
            }
            let idx = entry
                .index()
                .map_err(|e| member(&format!("credentialStatus: {e}")))?;
            out.insert(
                "status".into(),
                json!({"status_list": {"idx": idx, "uri": entry.status_list_credential}}),
            );
        }
    }
    let Some(Value::Object(subject)) = vc.remove("credentialSubject") else {
        return Err(member("credentialSubject is not an object"));
    };
    for (name, value) in subject {
        if name == "id" {
            out.insert("sub".into(), value);
        } else if REGISTERED.contains(&name.as_str()) {
            return Err(LayoutError::Unplaceable(format!(
                "credentialSubject.{name}"
            )));
        } else {
            out.insert(name, value);
        }
    }
    vc.remove("@context");
    for kept in ["cnf", "_sd_alg"] {
        if let Some(v) = vc.remove(kept) {
            out.insert(kept.into(), v);
        }
    }
    if let Some(name) = vc.keys().next() {
        return Err(LayoutError::Unplaceable(name.clone()));
    }
    Ok(Value::Object(out))
}

/// The VC 2.0 document a `dc+sd-jwt` payload (disclosures put back) stands for; `cnf` is
/// kept at the top level, where the W3C SD-JWT has it.
pub fn to_vc(payload: &Value) -> Result<Value, LayoutError> {
    let dc = payload
        .as_object()
        .ok_or_else(|| member("the payload is not a JSON object"))?;
    let vct = dc
        .get("vct")
        .and_then(Value::as_str)
        .ok_or_else(|| member("no vct"))?;
    let kind = kind_of_vct(vct).ok_or_else(|| LayoutError::Vct(vct.to_owned()))?;
    let iss = dc
        .get("iss")
        .and_then(Value::as_str)
        .ok_or_else(|| member("no iss"))?;
    let seconds = |name: &str| -> Result<Option<String>, LayoutError> {
        match dc.get(name) {
            None => Ok(None),
            Some(v) => v
                .as_i64()
                .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
                .map(|t| Some(format_time(t)))
                .ok_or_else(|| member(&format!("{name} is not a NumericDate"))),
        }
    };
    let valid_from = match seconds("nbf")? {
        Some(t) => t,
        None => seconds("iat")?.ok_or_else(|| member("neither nbf nor iat"))?,
    };
    let mut vc = Map::new();
    vc.insert(
        "@context".into(),
        json!([VC_CONTEXT_V2, crate::jsonld::SKILLPASS_CONTEXT.url]),
    );
    if let Some(jti) = dc.get("jti") {
        vc.insert("id".into(), jti.clone());
    }
    vc.insert(
        "type".into(),
        json!(["VerifiableCredential", kind.as_str()]),
    );
    vc.insert("issuer".into(), json!(iss));
    vc.insert("validFrom".into(), json!(valid_from));
    if let Some(until) = seconds("exp")? {
        vc.insert("validUntil".into(), json!(until));
    }
    let mut subject = Map::new();
    if let Some(sub) = dc.get("sub") {
        subject.insert("id".into(), sub.clone());
    }
    for (name, value) in dc {
        if !REGISTERED.contains(&name.as_str()) {
            subject.insert(name.clone(), value.clone());
        }
    }
    vc.insert("credentialSubject".into(), Value::Object(subject));
    if let Some(status) = dc.get("status") {
        let list = status
            .get("status_list")
            .ok_or_else(|| member("status has no status_list"))?;
        let idx = list
            .get("idx")
            .and_then(Value::as_u64)
            .and_then(|i| usize::try_from(i).ok())
            .ok_or_else(|| member("status_list.idx is not a non-negative integer"))?;
        let uri = list
            .get("uri")
            .and_then(Value::as_str)
            .ok_or_else(|| member("status_list.uri is not a string"))?;
        let entry = StatusEntry::new(StatusPurpose::Revocation, idx, uri);
        vc.insert(
            "credentialStatus".into(),
            serde_json::to_value(entry).map_err(|e| member(&e.to_string()))?,
        );
    }
    if let Some(cnf) = dc.get("cnf") {
        vc.insert("cnf".into(), cnf.clone());
    }
    Ok(Value::Object(vc))
}
