//! Recognition authorities: the operator registers each (its did:key, country and
//! jurisdiction); the next trust bundle lists it, so verifiers trust the decisions it
//! signs for its country. The list is public: an authority is not a person.

use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use credential_core::equivalence::is_country_code;
use credential_core::PublicKey;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::{require_operator, Signed};
use crate::bounds::{self, check_text, Bounded, MAX_COUNTRY, MAX_DID, MAX_NAME, MAX_TEXT};
use crate::error::{AppError, ErrorBody, ErrorCode};
use crate::ledger::Change;
use crate::records::AuthorityRecord;
use crate::state::AppState;

/// `POST /authorities` body (the shape of an entry of `bundle build --authorities`).
#[derive(Debug, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RegisterAuthority {
    /// The authority's `did:key` (its decisions and requests are signed with that key).
    pub id: String,
    /// Its name.
    pub name: String,
    /// ISO 3166-1 alpha-2 code of the country whose recognition it decides.
    pub country: String,
    /// Its jurisdiction in words, e.g. "nursing, Land Berlin".
    #[serde(default)]
    pub jurisdiction: String,
}

impl Bounded for RegisterAuthority {
    fn bound(&mut self) -> Result<(), AppError> {
        bounds::token("id", &self.id, MAX_DID)?;
        bounds::text("name", &mut self.name, 1, MAX_NAME)?;
        bounds::token("country", &self.country, MAX_COUNTRY)?;
        bounds::text("jurisdiction", &mut self.jurisdiction, 0, MAX_TEXT)
    }
}

/// GET /authorities — the registered recognition authorities (public).
#[utoipa::path(get, path = "/authorities", tag = "equivalence",
    responses((status = 200, body = Vec<AuthorityRecord>)))]
pub async fn list(State(state): State<AppState>) -> Result<Json<Vec<AuthorityRecord>>, AppError> {
    Ok(Json(state.records().authorities().all()?))
}

/// POST /authorities — the operator registers a recognition authority (its did:key, name,
/// country and jurisdiction); the next trust bundle lists it, so verifiers trust the
/// decisions it signs for its country.
#[utoipa::path(post, path = "/authorities", tag = "equivalence", request_body = RegisterAuthority,
    responses((status = 201, body = AuthorityRecord), (status = 401, body = ErrorBody), (status = 403, body = ErrorBody), (status = 409, body = ErrorBody), (status = 422, body = ErrorBody)))]
pub async fn register(
    State(state): State<AppState>,
    req: Signed<RegisterAuthority>,
) -> Result<(StatusCode, Json<AuthorityRecord>), AppError> {
    require_operator(&state, &req.signer)?;
    let body = req.body;
    let did = PublicKey::from_did(&body.id)
        .ok()
        .map(|k| k.did())
        .filter(|did| *did == body.id)
        .ok_or_else(|| {
            AppError::said(
                ErrorCode::InvalidField,
                credential_core::i18n::Msg::new("reg-authority-id"),
            )
        })?;
    check_text("name", &body.name)?;
    if !is_country_code(&body.country) {
        return Err(AppError::said(
            ErrorCode::InvalidField,
            credential_core::i18n::Msg::new("reg-country").arg("example", "DE"),
        ));
    }
    if !body.jurisdiction.is_empty() {
        check_text("jurisdiction", &body.jurisdiction)?;
    }
    let guard = state.write_lock().await?;
    if state.records().authorities().exists(&did)? {
        return Err(AppError::said(
            ErrorCode::AuthorityExists,
            credential_core::i18n::Msg::new("reg-authority-exists"),
        ));
    }
    let record = AuthorityRecord {
        id: did.clone(),
        name: body.name.trim().to_owned(),
        country: body.country,
        jurisdiction: body.jurisdiction.trim().to_owned(),
        registered_at: state.now(),
    };
    let mut change = Change::new();
    change.nonce(req.signer.nonce_key);
    change.put_authority(&record)?;
    change.log(
        "authority_registered",
        &req.signer.did,
        &format!("{did} {}", record.country),
    );
    change.rebuild_bundle();
    state.commit(&guard, change).await?;
    Ok((StatusCode::CREATED, Json(record)))
}
