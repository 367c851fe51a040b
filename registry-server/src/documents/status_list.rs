//! Status lists an issuer uploads: signed by its current key, naming it, carrying only the
//! claims a status list needs (anything else would be published to everyone), and, for a
//! replacement, differing from the stored list at one credential's bit alone.

use chrono::{DateTime, Utc};
use std::convert::Infallible;

use credential_core::json::JsonError;
use credential_core::jws::JwsError;
use credential_core::signed::{
    peek_json, peek_unverified, OpenError, StatusListJwt, Unopened, UploadedStatusListJwt,
};
use credential_core::status::{check_list_update, check_published_list, ListPolicyError};
use credential_core::PublicKey;
use serde_json::Value;

use crate::error::{AppError, ErrorCode};
use crate::records::{IssuerRecord, StatusListRecord};

impl From<OpenError<Infallible>> for Refusal {
    fn from(e: OpenError<Infallible>) -> Self {
        match e {
            OpenError::Jws(e) => Self::Jws(e),
            OpenError::Json(e) => Self::Json(e),
            OpenError::Key(_) => Self::NotCurrentKey,
            // The kind accepts any `typ`, so what is left is the signature.
            _ => Self::Signature,
        }
    }
}

/// Why a status list was refused.
#[derive(Debug, thiserror::Error)]
enum Refusal {
    #[error(transparent)]
    Jws(#[from] JwsError),
    #[error("the status list must be signed by the issuer's current key")]
    NotCurrentKey,
    #[error("the status list signature does not verify")]
    Signature,
    #[error(transparent)]
    Json(#[from] JsonError),
    /// The list on its own is not one to publish.
    #[error(transparent)]
    Policy(#[from] ListPolicyError),
    #[error("the status list names another issuer")]
    OtherIssuer,
    /// The list is not the stored one with one bit changed.
    #[error(transparent)]
    Update(ListPolicyError),
}

impl From<Refusal> for AppError {
    fn from(e: Refusal) -> Self {
        let code = match &e {
            Refusal::Update(
                ListPolicyError::Changed(_)
                | ListPolicyError::Bits(_)
                | ListPolicyError::ValidFrom(_),
            ) => ErrorCode::StatusListMismatch,
            _ => ErrorCode::InvalidStatusList,
        };
        AppError::new(code, e.to_string())
    }
}

/// Opens a status list `issuer` sent: signed by its current key, naming it, and fit to
/// publish at `now`. Returns the record to store and the list's payload.
pub(crate) fn open_status_list(
    issuer: &IssuerRecord,
    jws: &str,
    now: DateTime<Utc>,
) -> Result<(StatusListRecord, Value), AppError> {
    let unopened = Unopened::<UploadedStatusListJwt>::parse(jws).map_err(Refusal::from)?;
    let key = issuer
        .current_key()
        .ok_or_else(|| AppError::internal("issuer without a current key"))?;
    if unopened.jws().header().kid.as_deref() != Some(key.id.as_str()) {
        return Err(Refusal::NotCurrentKey.into());
    }
    let public = PublicKey::from_did(&key.id).map_err(AppError::internal)?;
    let value = unopened.open(&public).map_err(Refusal::from)?.payload;
    let list = check_published_list(&value, now).map_err(Refusal::from)?;
    if list.issuer != issuer.id {
        return Err(Refusal::OtherIssuer.into());
    }
    Ok((
        StatusListRecord {
            issuer: issuer.id.clone(),
            purpose: list.purpose.as_str().to_owned(),
            id: list.id.clone(),
            jws: jws.to_owned(),
            updated_at: now,
        },
        value,
    ))
}

/// The payload of a list the registry stored (it was checked then: a failure now is the
/// registry's).
fn stored_payload(record: &StatusListRecord) -> Result<Value, AppError> {
    peek_json::<UploadedStatusListJwt>(&record.jws).map_err(AppError::internal)
}

/// Checks that `new` is the stored list `old` with the bit at `index` set to `value` (or
/// already at it) and nothing else changed; returns whether the bit changed.
pub(crate) fn check_update(
    old: &StatusListRecord,
    new: &Value,
    index: usize,
    value: bool,
    now: DateTime<Utc>,
) -> Result<bool, AppError> {
    let (_, changed) = check_list_update(&stored_payload(old)?, new, index, value, now)
        .map_err(Refusal::Update)?;
    Ok(changed)
}

/// Whether two lists hold the same bits (a first upload that repeats the stored list
/// with only a fresh `validFrom` is no conflict).
pub(crate) fn same_bits(a: &StatusListRecord, b: &StatusListRecord) -> bool {
    let bits = |r: &StatusListRecord| -> Option<Vec<u8>> {
        let list = peek_unverified::<StatusListJwt>(&r.jws).ok()?;
        Some(list.bits.as_bytes().to_vec())
    };
    let a = bits(a);
    a.is_some() && a == bits(b)
}
