//! The whole HTTP application as a function of its state: the routes (`routes/`), under
//! the layers of `middleware.rs`, with the OpenAPI description served from memory.

use axum::extract::{DefaultBodyLimit, Request};
use axum::middleware::{self, Next};
use axum::{Extension, Router};

use crate::error;
use crate::middleware::{deadline, json_errors, trace};
use crate::openapi::openapi;
use crate::routes::health::OpenApiJson;
use crate::routes::{own_deadline_router, router};
use crate::state::AppState;

/// The whole HTTP application.
pub fn app(state: AppState) -> Router {
    let limit = state.settings().max_body_bytes;
    let timeout = state.settings().request_timeout;
    // Serialised once: the description only changes with the code.
    let description = OpenApiJson::new(&openapi());
    let (router, _) = router(utoipa::openapi::OpenApi::default()).split_for_parts();
    let (own_deadline, _) = own_deadline_router().split_for_parts();
    router
        .layer(middleware::from_fn(move |req: Request, next: Next| {
            deadline(timeout, req, next)
        }))
        .merge(own_deadline)
        .fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed)
        .layer(DefaultBodyLimit::max(limit))
        .layer(Extension(description))
        .layer(middleware::from_fn(json_errors))
        .layer(middleware::from_fn(trace))
        .with_state(state)
}
