//! Revocation and suspension. The issuer's client keeps signing its status lists: to change
//! one credential's status it fetches the current list, flips that credential's bit, signs
//! the new list and sends it; the registry accepts it only if it is signed by the issuer's
//! current key, differs from the stored list at that credential's index alone and changes
//! no other claim (`validFrom` may only move forward, up to now). The
//! registry never holds an issuer key, and a list it serves always carries the issuer's
//! own signature.

use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::Json;
use credential_core::audit::credential_subject;
use credential_core::jws::UnverifiedJws;
use credential_core::status::{check_list_update, ListPolicyError, StatusPurpose};
use credential_core::trust::MAX_STATUS_LIST_JWS_LEN;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::credentials::{check_status_list, envelope, list_key, load_credential};
use super::signing_issuer;
use crate::auth::Signed;
use crate::error::{AppError, ErrorBody};
use crate::ledger::{get_json, Change};
use crate::model::StatusListRecord;
use crate::store::Tree;
use crate::AppState;

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
    let _guard = state.write_lock().await;
    let issuer = signing_issuer(&state, &req.signer)?;
    let record = load_credential(&state, &id)?;
    if record.issuer != issuer.id {
        return Err(AppError::forbidden(
            "forbidden",
            "an issuer may change the status of its own credentials only",
        ));
    }
    if body.purpose == StatusPurpose::Revocation && !body.value {
        return Err(AppError::unprocessable(
            "revocation_is_permanent",
            "a revocation cannot be undone; suspend instead when it may be lifted",
        ));
    }
    let credential = envelope(&record.jws)?;
    let entry = credential
        .status
        .iter()
        .find(|e| e.status_purpose == body.purpose)
        .ok_or_else(|| {
            AppError::unprocessable(
                "no_status_entry",
                format!("the credential has no {} status entry", body.purpose),
            )
        })?;
    let index = entry
        .index()
        .map_err(|e| AppError::unprocessable("no_status_entry", e.to_string()))?;
    let key = list_key(&issuer.id, body.purpose.as_str());
    let old: StatusListRecord = get_json(&state, Tree::IssuerpurposeStatuslist, &key)?
        .filter(|l: &StatusListRecord| l.id == entry.status_list_credential)
        .ok_or_else(|| {
            AppError::unprocessable(
                "unknown_status_list",
                "the registry does not hold the status list this credential names",
            )
        })?;
    let now = state.now();
    let (new, new_value) = check_status_list(&issuer, body.status_list.trim(), now)?;
    let (_, changed) =
        check_list_update(&stored_payload(&old)?, &new_value, index, body.value, now).map_err(
            |e| match e {
                ListPolicyError::Changed(_)
                | ListPolicyError::Bits(_)
                | ListPolicyError::ValidFrom(_) => {
                    AppError::unprocessable("status_list_mismatch", e.to_string())
                }
                _ => AppError::unprocessable("invalid_status_list", e.to_string()),
            },
        )?;
    let mut change = Change::new();
    change.nonce(req.signer.nonce_key);
    if changed {
        let kind = match (body.purpose, body.value) {
            (StatusPurpose::Revocation, _) => "credential_revoked",
            (StatusPurpose::Suspension, true) => "credential_suspended",
            (StatusPurpose::Suspension, false) => "credential_unsuspended",
        };
        change.put_json(Tree::IssuerpurposeStatuslist, key, &new)?;
        change.log(kind, &req.signer.did, &credential_subject(&id));
        change.rebuild_bundle();
    }
    state.commit(change).await?;
    Ok(Json(StatusUpdated {
        changed,
        bundle_sequence: state.current_bundle()?.map(|b| b.sequence),
    }))
}

fn stored_payload(r: &StatusListRecord) -> Result<serde_json::Value, AppError> {
    let parsed =
        UnverifiedJws::parse(&r.jws, MAX_STATUS_LIST_JWS_LEN).map_err(AppError::internal)?;
    credential_core::json::parse_strict(parsed.payload()).map_err(AppError::internal)
}

/// GET /status/{did}/{purpose} — the issuer-signed status list credential (`vc+jwt`), public.
#[utoipa::path(get, path = "/status/{did}/{purpose}", tag = "status",
    params(("did" = String, Path, description = "The issuer's DID"), ("purpose" = String, Path, description = "revocation or suspension")),
    responses((status = 200, description = "Compact JWS", content_type = "application/vc+jwt"), (status = 404, body = ErrorBody)))]
pub async fn get_list(
    State(state): State<AppState>,
    Path((did, purpose)): Path<(String, String)>,
) -> Result<Response, AppError> {
    let record: StatusListRecord = get_json(
        &state,
        Tree::IssuerpurposeStatuslist,
        &list_key(&did, &purpose),
    )?
    .ok_or_else(|| AppError::not_found("unknown_status_list", "no such status list"))?;
    Ok(([(header::CONTENT_TYPE, "application/vc+jwt")], record.jws).into_response())
}
