//! SD-JWT VC Type Metadata, served where a Skillpass `dc+sd-jwt` credential's `vct` points
//! (`{--public-url}/types/{Type}`): display names in several languages, claim metadata and
//! the JSON Schema. The document is a pure function of the `vct`, so these are the very
//! bytes whose digest the issuer wrote in `vct#integrity`.

use axum::extract::{Path, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use credential_core::sdjwt_vc::{kind_of_vct, type_metadata_bytes, vct_for};

use crate::error::{AppError, ErrorBody, ErrorCode};
use crate::state::AppState;

/// GET /types/{type} — the Type Metadata of `QualificationCredential` or `SkillCredential`
/// as `application/json`, for the `vct` `{public URL}/types/{type}`; 404 when the type is
/// unknown or the registry was started without `--public-url`.
#[utoipa::path(get, path = "/types/{type}", tag = "meta",
    params(("type" = String, Path, description = "QualificationCredential or SkillCredential")),
    responses((status = 200, description = "SD-JWT VC Type Metadata", content_type = "application/json"),
        (status = 404, body = ErrorBody)))]
pub async fn get_type(
    State(state): State<AppState>,
    Path(name): Path<String>,
) -> Result<Response, AppError> {
    let base = state.settings().public_url.as_deref().ok_or_else(|| {
        AppError::said(
            ErrorCode::NotFound,
            credential_core::i18n::Msg::new("reg-no-type-metadata"),
        )
    })?;
    let kind = kind_of_vct(&name).ok_or_else(|| {
        AppError::said(
            ErrorCode::NotFound,
            credential_core::i18n::Msg::new("reg-no-type"),
        )
    })?;
    let bytes = type_metadata_bytes(&vct_for(base, kind), kind);
    Ok((
        [
            (CONTENT_TYPE, "application/json"),
            (CACHE_CONTROL, "public, max-age=86400"),
        ],
        bytes,
    )
        .into_response())
}
