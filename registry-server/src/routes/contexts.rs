//! The JSON-LD contexts Skillpass credentials name, served so that people and JSON-LD
//! tools can read them. Verifiers never fetch them: Skillpass's verifier knows each by URL
//! and digest, and these are the very bytes it uses.

use axum::extract::Path;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use credential_core::jsonld::KNOWN_CONTEXTS;

use crate::error::{AppError, ErrorBody, ErrorCode};

/// GET /contexts/{file} — a shipped JSON-LD context (`skillpass-v1.jsonld`,
/// `credentials-v2.jsonld`, `ob-v3p0-context-3.0.3.json`) as `application/ld+json`; a
/// published context never changes, so it may be cached for a year.
#[utoipa::path(get, path = "/contexts/{file}", tag = "meta",
    params(("file" = String, Path, description = "The context's file name, e.g. skillpass-v1.jsonld")),
    responses((status = 200, description = "The JSON-LD context", content_type = "application/ld+json"),
        (status = 400, body = ErrorBody), (status = 404, body = ErrorBody)))]
pub async fn get_context(Path(file): Path<String>) -> Result<Response, AppError> {
    let context = KNOWN_CONTEXTS
        .iter()
        .find(|c| c.file == file)
        .ok_or_else(|| {
            AppError::said(
                ErrorCode::NotFound,
                credential_core::i18n::Msg::new("reg-no-context").arg(
                    "known",
                    KNOWN_CONTEXTS
                        .iter()
                        .map(|c| c.file)
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            )
        })?;
    Ok((
        [
            (CONTENT_TYPE, "application/ld+json"),
            (CACHE_CONTROL, "public, max-age=31536000, immutable"),
        ],
        context.text,
    )
        .into_response())
}
