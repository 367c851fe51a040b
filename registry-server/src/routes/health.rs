//! Liveness and the OpenAPI description.

use axum::extract::State;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::{AppError, ErrorBody, ErrorCode};
use crate::state::AppState;

/// `GET /healthz` answer: the registry is up and its store reads.
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
    responses((status = 200, body = Health), (status = 503, body = ErrorBody)))]
pub async fn healthz(State(state): State<AppState>) -> Result<Json<Health>, AppError> {
    // A real read, not the cached bundle: a monitor must see a store that stopped answering.
    if let Err(e) = state.records().meta().ping() {
        return Err(AppError::said(
            ErrorCode::StoreUnavailable,
            credential_core::i18n::Msg::new("reg-store-unreadable"),
        )
        .with_detail(format_args!("health check: the store cannot be read: {e}")));
    }
    Ok(Json(Health {
        status: "ok".into(),
        anchor: state.operator_did().to_owned(),
        bundle_sequence: state.current_bundle()?.map(|b| b.sequence),
    }))
}

/// The OpenAPI description as served, serialised once when the app is built and handed to
/// [`openapi_json`] as a request extension (`None` if it could not be serialised).
#[derive(Debug, Clone)]
pub struct OpenApiJson(Option<axum::body::Bytes>);

impl OpenApiJson {
    /// `doc` serialised once, as every request will get it.
    pub fn new(doc: &utoipa::openapi::OpenApi) -> Self {
        Self(serde_json::to_vec(doc).ok().map(Into::into))
    }
}

/// GET /openapi.json — this API's OpenAPI 3.1 description, generated from the router.
#[utoipa::path(get, path = "/openapi.json", tag = "meta", responses((status = 200, description = "OpenAPI document", content_type = "application/json")))]
pub async fn openapi_json(Extension(doc): Extension<OpenApiJson>) -> Result<Response, AppError> {
    let bytes = doc
        .0
        .ok_or_else(|| AppError::internal("the OpenAPI description does not serialise"))?;
    Ok(([(CONTENT_TYPE, "application/json")], bytes).into_response())
}
