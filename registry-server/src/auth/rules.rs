//! Access rules: which signer may do what, applied by handlers after authentication. Each
//! refusal is 403 `forbidden` (or a more precise code) with a sentence naming who may.

use super::Signer;
use crate::error::{AppError, ErrorCode};
use crate::records::{CredentialRecord, IssuerRecord};
use crate::state::AppState;
use credential_core::i18n::Msg;

fn forbidden(id: &'static str) -> AppError {
    AppError::said(ErrorCode::Forbidden, Msg::new(id))
}

/// The signer must be the operator.
pub fn require_operator(state: &AppState, signer: &Signer) -> Result<(), AppError> {
    if signer.did != state.operator_did() {
        return Err(forbidden("reg-operator-only"));
    }
    Ok(())
}

/// The issuer whose *current* key signed the request: 401 `unknown_key` when the key is
/// no issuer's, 403 `forbidden` when it is a retired key.
pub fn signing_issuer(state: &AppState, signer: &Signer) -> Result<IssuerRecord, AppError> {
    let issuer_did = key_owner(state, signer)?;
    let issuer = state
        .records()
        .issuers()
        .get(&issuer_did)?
        .ok_or_else(|| AppError::internal("key index names a missing issuer"))?;
    signed_with_current_key(issuer, signer)
}

/// The DID of the issuer that owns the key that signed the request (current or past): 401
/// `unknown_key` when it is no issuer's. A key is filed under its issuer for ever, so the
/// answer read once stays true.
fn key_owner(state: &AppState, signer: &Signer) -> Result<String, AppError> {
    state
        .records()
        .issuers()
        .owner_of_key(&signer.did)?
        .ok_or_else(|| {
            AppError::said(
                ErrorCode::UnknownKey,
                credential_core::i18n::Msg::new("reg-unknown-signer"),
            )
        })
}

/// `issuer` (the owner of the signer's key), when that key is its current one: 403
/// `forbidden` for a retired key.
pub fn signed_with_current_key(
    issuer: IssuerRecord,
    signer: &Signer,
) -> Result<IssuerRecord, AppError> {
    if issuer.current_key().map(|k| k.id.as_str()) != Some(signer.key.did_url().as_str()) {
        return Err(forbidden("reg-retired-key"));
    }
    Ok(issuer)
}

/// The issuer may act on its own credentials only.
pub fn require_issuer_of(
    issuer: &IssuerRecord,
    credential: &CredentialRecord,
) -> Result<(), AppError> {
    if credential.issuer != issuer.id {
        return Err(forbidden("reg-own-credentials-only"));
    }
    Ok(())
}

/// The signer must be the credential's holder; `refusal` says what only the holder may do.
pub fn require_holder(
    credential: &CredentialRecord,
    signer: &Signer,
    refusal: &str,
) -> Result<(), AppError> {
    if credential.holder.as_deref() != Some(signer.did.as_str()) {
        return Err(AppError::new(ErrorCode::Forbidden, refusal));
    }
    Ok(())
}

/// A stored credential is personal data: its issuer (signing with any of its keys), its
/// holder (the DID in `credentialSubject.id`) or a grantee with a live grant may read it.
/// A grantee whose grants all ended is told whether they expired or were revoked.
pub fn may_read_credential(
    state: &AppState,
    signer: &Signer,
    credential: &CredentialRecord,
) -> Result<(), AppError> {
    let issuer_of_key = state.records().issuers().owner_of_key(&signer.did)?;
    if issuer_of_key.as_deref() == Some(credential.issuer.as_str())
        || credential.holder.as_deref() == Some(signer.did.as_str())
    {
        return Ok(());
    }
    let now = state.now();
    let mine: Vec<_> = state
        .records()
        .grants()
        .of(&credential.id)?
        .into_iter()
        .filter(|g| g.grantee == signer.did)
        .collect();
    if mine.is_empty() {
        return Err(forbidden("reg-who-reads"));
    }
    if mine
        .iter()
        .any(|g| g.revoked_at.is_none() && g.expires_at > now)
    {
        return Ok(());
    }
    Err(if mine.iter().any(|g| g.revoked_at.is_none()) {
        AppError::said(
            ErrorCode::GrantExpired,
            credential_core::i18n::Msg::new("reg-grant-expired"),
        )
    } else {
        AppError::said(
            ErrorCode::GrantRevoked,
            credential_core::i18n::Msg::new("reg-grant-revoked"),
        )
    })
}
