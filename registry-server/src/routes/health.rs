//! Liveness and the OpenAPI description.

use axum::extract::State;
use axum::Json;
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::AppError;
use crate::AppState;

/// Liveness answer.
#[derive(Debug, Serialize, ToSchema)]
#[serde(rename_all = "camelCase")]
pub struct Health {
    /// Always `ok` when the registry answers.
    pub status: String,
    /// The trust anchor verifiers pin.
    pub anchor: String,
    /// The current trust bundle's sequence.
    pub bundle_sequence: Option<u64>,
}

/// GET /healthz — the registry is up; names the anchor and the bundle sequence.
#[utoipa::path(get, path = "/healthz", tag = "meta", responses((status = 200, body = Health)))]
pub async fn healthz(State(state): State<AppState>) -> Result<Json<Health>, AppError> {
    Ok(Json(Health {
        status: "ok".into(),
        anchor: state.operator_did().to_owned(),
        bundle_sequence: state.current_bundle()?.map(|b| b.sequence),
    }))
}

/// GET /openapi.json — this API's OpenAPI 3.1 description, generated from the router.
#[utoipa::path(get, path = "/openapi.json", tag = "meta", responses((status = 200, description = "OpenAPI document", content_type = "application/json")))]
pub async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(crate::routes::openapi())
}
