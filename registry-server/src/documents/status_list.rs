//! Status lists an issuer uploads: signed by its current key, naming it, carrying only the
//! claims a status list needs (anything else would be published to everyone), and, for a
//! replacement, differing from the stored list at one credential's bit alone.

use chrono::{DateTime, Utc};
use std::convert::Infallible;

use credential_core::json::JsonError;
use credential_core::jws::JwsError;
use credential_core::sdjwt_vc::{TokenStatusError, TokenStatusList};
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
    #[error("token status list: {0}")]
    Token(TokenStatusError),
    #[error("the token status list has expired")]
    TokenExpired,
    #[error("a token status list mirrors the revocation list; suspension has none")]
    TokenForSuspension,
    #[error("the token status list's bits differ from the revocation list it names")]
    TokenBits,
}

impl From<Refusal> for AppError {
    fn from(e: Refusal) -> Self {
        let code = match &e {
            Refusal::Update(
                ListPolicyError::Changed(_)
                | ListPolicyError::Bits(_)
                | ListPolicyError::ValidFrom(_),
            )
            | Refusal::TokenBits => ErrorCode::StatusListMismatch,
            _ => ErrorCode::InvalidStatusList,
        };
        AppError::said_detail(code, "reg-status-list-refused", e.to_string())
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
            token: None,
            updated_at: now,
        },
        value,
    ))
}

/// The `sub` (the list URI it names) of a Token Status List `issuer` sent, signed by its
/// current key; 422 `invalid_status_list` otherwise.
pub(crate) fn token_list_uri(issuer: &IssuerRecord, token: &str) -> Result<String, AppError> {
    let public = current_public_key(issuer)?;
    TokenStatusList::open_token(token, &public)
        .map(|t| t.sub)
        .map_err(|e| Refusal::Token(e).into())
}

/// Puts beside `list` (a revocation list `issuer` signed) the Token Status List `token`:
/// signed by the issuer's current key, naming `list` as its `sub`, unexpired at `now`, and
/// holding exactly the Bitstring list's bits (`TokenStatusList::from_bitstring`) — the
/// registry checks the issuer's two signatures say the same thing, it never signs either.
pub(crate) fn attach_token(
    issuer: &IssuerRecord,
    list: &mut StatusListRecord,
    token: &str,
    now: DateTime<Utc>,
) -> Result<(), AppError> {
    if list.purpose != "revocation" {
        return Err(Refusal::TokenForSuspension.into());
    }
    let public = current_public_key(issuer)?;
    let opened = TokenStatusList::open_token(token, &public).map_err(Refusal::Token)?;
    if opened.sub != list.id {
        return Err(Refusal::Token(TokenStatusError::Payload(
            "its sub is not the id of the revocation list it comes with".into(),
        ))
        .into());
    }
    if opened.exp.is_some_and(|exp| exp <= now.timestamp()) {
        return Err(Refusal::TokenExpired.into());
    }
    let bits = peek_unverified::<StatusListJwt>(&list.jws)
        .map_err(AppError::internal)?
        .bits;
    if TokenStatusList::from_bitstring(&bits) != opened.list {
        return Err(Refusal::TokenBits.into());
    }
    list.token = Some(token.to_owned());
    Ok(())
}

fn current_public_key(issuer: &IssuerRecord) -> Result<PublicKey, AppError> {
    let key = issuer
        .current_key()
        .ok_or_else(|| AppError::internal("issuer without a current key"))?;
    PublicKey::from_did(&key.id).map_err(AppError::internal)
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
