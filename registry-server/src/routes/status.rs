//! Revocation and suspension. The issuer's client keeps signing its status lists: to change
//! one credential's status it fetches the current list, flips that credential's bit, signs
//! the new list and sends it; the registry accepts it only if it is signed by the issuer's
//! current key, differs from the stored list at that credential's index alone and changes
//! no other claim (`validFrom` may only move forward, up to now). The
//! registry never holds an issuer key, and a list it serves always carries the issuer's
//! own signature.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::Json;
use credential_core::audit::credential_subject;
use credential_core::status::StatusPurpose;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::{require_issuer_of, signing_issuer, Signed};
use crate::bounds::{self, Bounded, MAX_STATUS_LIST_JWS};
use crate::documents::{attach_token, check_update, envelope, open_status_list};
use crate::error::{AppError, ErrorBody, ErrorCode};
use crate::ledger::Change;
use crate::state::AppState;

/// `POST /credentials/{id}/status` body.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatusUpdate {
    /// `revocation` or `suspension`.
    #[schema(value_type = String)]
    pub purpose: StatusPurpose,
    /// The new bit: `true` revokes or suspends, `false` lifts a suspension.
    pub value: bool,
    /// The issuer-signed status list credential with that one bit changed.
    pub status_list: String,
    /// For a revocation list: the same bits as an issuer-signed IETF Token Status List
    /// (`statuslist+jwt`, for `dc+sd-jwt` credentials). Without it, a token stored for the
    /// old list is dropped (never served out of date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_status_list: Option<String>,
}

impl Bounded for StatusUpdate {
    fn bound(&mut self) -> Result<(), AppError> {
        bounds::token("statusList", &self.status_list, MAX_STATUS_LIST_JWS)?;
        if let Some(token) = &self.token_status_list {
            bounds::token("tokenStatusList", token, MAX_STATUS_LIST_JWS)?;
        }
        Ok(())
    }
}

/// `POST /credentials/{id}/status` answer.
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct StatusUpdated {
    /// Whether the bit changed (false: it already had that value).
    pub changed: bool,
    /// The trust bundle sequence that carries the change.
    pub bundle_sequence: Option<u64>,
}

/// POST /credentials/{id}/status — the issuer revokes, suspends or un-suspends one of its
/// own credentials by sending its re-signed status list.
#[utoipa::path(post, path = "/credentials/{id}/status", tag = "status", request_body = StatusUpdate,
    params(("id" = String, Path, description = "The credential id")),
    responses((status = 200, body = StatusUpdated), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 404, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn change(
    State(state): State<AppState>,
    Path(id): Path<String>,
    req: Signed<StatusUpdate>,
) -> Result<Json<StatusUpdated>, AppError> {
    let body = req.body;
    let guard = state.write_lock().await?;
    let issuer = signing_issuer(&state, &req.signer)?;
    let record = state.records().credentials().require(&id)?;
    require_issuer_of(&issuer, &record)?;
    if body.purpose == StatusPurpose::Revocation && !body.value {
        return Err(AppError::said(
            ErrorCode::RevocationIsPermanent,
            credential_core::i18n::Msg::new("reg-revocation-final"),
        ));
    }
    let credential = envelope(&record.jws)?;
    let entry = credential
        .status
        .iter()
        .find(|e| e.status_purpose == body.purpose)
        .ok_or_else(|| {
            AppError::said(
                ErrorCode::NoStatusEntry,
                credential_core::i18n::Msg::new("reg-no-status-entry")
                    .arg("purpose", body.purpose.as_str()),
            )
        })?;
    let index = entry.index().map_err(|e| {
        AppError::said_detail(
            ErrorCode::NoStatusEntry,
            "reg-status-entry-unreadable",
            e.to_string(),
        )
    })?;
    let old = state
        .records()
        .status_lists()
        .of(&issuer.id, body.purpose.as_str())?
        .filter(|l| l.id == entry.status_list_credential)
        .ok_or_else(|| {
            AppError::said(
                ErrorCode::UnknownStatusList,
                credential_core::i18n::Msg::new("reg-status-list-unheld"),
            )
        })?;
    let now = state.now();
    let (mut new, new_value) = open_status_list(&issuer, body.status_list.trim(), now)?;
    let changed = check_update(&old, &new_value, index, body.value, now)?;
    if let Some(token) = &body.token_status_list {
        attach_token(&issuer, &mut new, token.trim(), now)?;
    }
    let mut change = Change::new();
    change.nonce(req.signer.nonce_key);
    if changed {
        let kind = match (body.purpose, body.value) {
            (StatusPurpose::Revocation, _) => "credential_revoked",
            (StatusPurpose::Suspension, true) => "credential_suspended",
            (StatusPurpose::Suspension, false) => "credential_unsuspended",
        };
        change.put_status_list(&new)?;
        change.log(kind, &req.signer.did, &credential_subject(&id));
        change.rebuild_bundle();
    }
    state.commit(&guard, change).await?;
    Ok(Json(StatusUpdated {
        changed,
        bundle_sequence: state.current_bundle()?.map(|b| b.sequence),
    }))
}

/// The media type of an IETF Token Status List.
const STATUSLIST_JWT: &str = "application/statuslist+jwt";

/// GET /status/{did}/{purpose} — the issuer-signed status list credential (`vc+jwt`), public;
/// with `Accept: application/statuslist+jwt`, the issuer-signed IETF Token Status List over
/// the same bits (revocation only; 404 if the issuer has sent none).
#[utoipa::path(get, path = "/status/{did}/{purpose}", tag = "status",
    params(("did" = String, Path, description = "The issuer's DID"), ("purpose" = String, Path, description = "revocation or suspension")),
    responses((status = 200, description = "Compact JWS: a Bitstring Status List credential, or with Accept: application/statuslist+jwt a Token Status List", content_type = "application/vc+jwt"), (status = 404, body = ErrorBody)))]
pub async fn get_list(
    State(state): State<AppState>,
    Path((did, purpose)): Path<(String, String)>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let wants_token = headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|t| {
            t.split(';')
                .next()
                .is_some_and(|m| m.trim().eq_ignore_ascii_case(STATUSLIST_JWT))
        });
    let record = state
        .records()
        .status_lists()
        .of(&did, &purpose)?
        .ok_or_else(|| {
            AppError::said_with_status(
                StatusCode::NOT_FOUND,
                ErrorCode::UnknownStatusList,
                credential_core::i18n::Msg::new("reg-no-status-list"),
            )
        })?;
    if wants_token {
        let token = record.token.ok_or_else(|| {
            AppError::said_with_status(
                StatusCode::NOT_FOUND,
                ErrorCode::UnknownStatusList,
                credential_core::i18n::Msg::new("reg-no-token-status-list"),
            )
        })?;
        return Ok((
            [
                (header::CONTENT_TYPE, STATUSLIST_JWT),
                (header::VARY, "accept"),
            ],
            token,
        )
            .into_response());
    }
    Ok((
        [
            (header::CONTENT_TYPE, "application/vc+jwt"),
            (header::VARY, "accept"),
        ],
        record.jws,
    )
        .into_response())
}
