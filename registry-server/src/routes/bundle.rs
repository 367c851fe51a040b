//! The operator-signed trust bundle verifiers download.

use axum::extract::State;
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};

use crate::conditional::if_none_match;
use crate::error::{AppError, ErrorBody};
use crate::state::AppState;

/// GET /bundle — the current signed trust bundle (compact JWS, the same format as
/// `skillpass bundle build`). Strong `ETag`; `If-None-Match` holding it (or its weak form
/// `W/"…"`, or `*`) answers 304.
#[utoipa::path(get, path = "/bundle", tag = "bundle",
    responses((status = 200, description = "Compact JWS, typ skillpass-bundle+jwt", content_type = "application/jwt"),
        (status = 304, description = "Not modified"), (status = 500, body = ErrorBody)))]
pub async fn get_bundle(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    state.refresh_bundle_if_old().await?;
    let bundle = state
        .current_bundle()?
        .ok_or_else(|| AppError::internal("no bundle after refresh"))?;
    let matches = if_none_match(&headers, &bundle.etag);
    // Public data: a verifier page hosted elsewhere (`skillpass web build --bundle-url`)
    // may read it; it sends no credentials and no If-None-Match across origins.
    let common = [
        (header::ETAG, bundle.etag.clone()),
        (header::CACHE_CONTROL, "no-cache".to_owned()),
        (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*".to_owned()),
    ];
    if matches {
        return Ok((StatusCode::NOT_MODIFIED, common).into_response());
    }
    Ok((
        common,
        [(header::CONTENT_TYPE, "application/jwt")],
        bundle.body.clone(),
    )
        .into_response())
}
