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

/// GET /healthz — the registry is up and can read its store; names the anchor and the
/// bundle sequence. 503 `store_unavailable` when a read from the store fails.
#[utoipa::path(get, path = "/healthz", tag = "meta",
    responses((status = 200, body = Health), (status = 503, body = crate::error::ErrorBody)))]
pub async fn healthz(State(state): State<AppState>) -> Result<Json<Health>, AppError> {
    // A real read, not the cached bundle: a monitor must see a store that stopped answering.
    if let Err(e) = state
        .store()
        .get(crate::store::Tree::NameValue, crate::ledger::COMMITS_KEY)
    {
        tracing::error!(error = %e, "health check: the store cannot be read");
        return Err(AppError::new(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            "store_unavailable",
            "the registry cannot read its store; the operator can find details in its log",
        ));
    }
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
