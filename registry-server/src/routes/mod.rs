//! The router, assembled in one place from one module per resource. Every route is added
//! through `utoipa_axum::routes!`, so the OpenAPI description at `/openapi.json` is
//! generated from the same list the router serves.

pub mod admin;
pub mod bundle;
pub mod credentials;
pub mod equivalence;
pub mod health;
pub mod issuers;
pub mod log;
pub mod status;

use std::time::Instant;

use axum::extract::{DefaultBodyLimit, MatchedPath, Request};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse as _, Response};
use axum::Router;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Signer;
use crate::error::{self, AppError};
use crate::ledger::get_json;
use crate::model::IssuerRecord;
use crate::store::Tree;
use crate::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Skillpass registry",
        description = "Accredited issuers, stored credentials, revocation, the equivalence table \
(frameworks, recognition authorities and their signed decisions) and signed trust bundles. \
Writes (and reads of stored credentials) are signed: `Authorization: Skillpass <compact JWS>`, \
EdDSA, typ `skillpass-request+jwt`, kid a did:key DID URL, payload \
{method, path, bodySha256, iat, nonce}. Errors are `{\"error\": {\"code\", \"message\"}}`."
    ),
    components(schemas(crate::error::ErrorBody))
)]
struct ApiDoc;

/// The routes under the router's request deadline.
fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(health::healthz))
        .routes(routes!(health::openapi_json))
        .routes(routes!(issuers::list, issuers::register))
        .routes(routes!(issuers::get_one))
        .routes(routes!(issuers::jwks))
        .routes(routes!(issuers::accredit))
        .routes(routes!(issuers::suspend))
        .routes(routes!(issuers::withdraw))
        .routes(routes!(issuers::reinstate))
        .routes(routes!(issuers::rotate_key))
        .routes(routes!(credentials::publish))
        .routes(routes!(credentials::get_one))
        .routes(routes!(credentials::grant))
        .routes(routes!(credentials::revoke_grant))
        .routes(routes!(status::change))
        .routes(routes!(status::get_list))
        .routes(routes!(bundle::get_bundle))
        .routes(routes!(log::get_log))
        .routes(routes!(equivalence::frameworks))
        .routes(routes!(equivalence::query))
        .routes(routes!(
            equivalence::list_authorities,
            equivalence::register_authority
        ))
        .routes(routes!(
            equivalence::list_decisions,
            equivalence::publish_decision
        ))
        .routes(routes!(equivalence::get_decision))
        .routes(routes!(equivalence::withdraw_decision))
}

/// The routes that set their own deadline (a backup may take longer to prepare than a
/// request may take to arrive).
fn own_deadline_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(admin::get_backup))
}

/// A signed request with a JSON body (`Signed<T>`): before its handler runs it may be
/// answered 400 (a path segment or the body unreadable, malformed JSON), 401 (unsigned,
/// bad signature, stale, replayed, unknown key), 408 (the body did not arrive in time),
/// 413 (over the body limit), 415 (not declared JSON), 422 (a field over its bound, see
/// `bounds.rs`) and 500 (storage failure).
const SIGNED_JSON: &[u16] = &[400, 401, 408, 413, 415, 422, 500];
/// A signed request without a body (`SignedEmpty`): as above, less 415 and 422.
const SIGNED_EMPTY: &[u16] = &[400, 401, 408, 413, 500];
/// A public read with a path parameter, from the store.
const PATH_READ: &[u16] = &[400, 500];
/// A public read from the store.
const READ: &[u16] = &[500];

/// Every route, its operationId, and the answers its extractors, bounds and store give
/// besides those its handler documents: the one table `/openapi.json` completes each
/// route's documented statuses from (`tests/limits.rs` drives every route to each status
/// listed here, and checks it answers nothing undocumented).
pub const ROUTE_TABLE: &[(&str, &str, &str, &[u16])] = &[
    ("get", "/healthz", "get_health", &[503]),
    ("get", "/openapi.json", "get_openapi", &[]),
    ("get", "/issuers", "list_issuers", &[400, 500]),
    ("post", "/issuers", "register_issuer", SIGNED_JSON),
    ("get", "/issuers/{did}", "get_issuer", PATH_READ),
    ("get", "/issuers/{did}/jwks", "get_issuer_jwks", PATH_READ),
    (
        "post",
        "/issuers/{did}/accredit",
        "accredit_issuer",
        SIGNED_JSON,
    ),
    (
        "post",
        "/issuers/{did}/suspend",
        "suspend_issuer",
        SIGNED_JSON,
    ),
    (
        "post",
        "/issuers/{did}/reinstate",
        "reinstate_issuer",
        SIGNED_JSON,
    ),
    (
        "post",
        "/issuers/{did}/withdraw",
        "withdraw_issuer",
        SIGNED_JSON,
    ),
    (
        "post",
        "/issuers/{did}/keys",
        "rotate_issuer_key",
        SIGNED_JSON,
    ),
    ("post", "/credentials", "publish_credentials", SIGNED_JSON),
    ("get", "/credentials/{id}", "get_credential", SIGNED_EMPTY),
    (
        "post",
        "/credentials/{id}/grants",
        "create_grant",
        SIGNED_JSON,
    ),
    (
        "delete",
        "/credentials/{id}/grants/{grant}",
        "revoke_grant",
        SIGNED_EMPTY,
    ),
    (
        "post",
        "/credentials/{id}/status",
        "change_credential_status",
        SIGNED_JSON,
    ),
    (
        "get",
        "/status/{did}/{purpose}",
        "get_status_list",
        PATH_READ,
    ),
    ("get", "/bundle", "get_bundle", READ),
    ("get", "/log", "get_log", &[400, 500]),
    ("get", "/equivalence", "query_equivalence", READ),
    ("get", "/equivalence/frameworks", "list_frameworks", &[]),
    ("get", "/authorities", "list_authorities", READ),
    ("post", "/authorities", "register_authority", SIGNED_JSON),
    ("get", "/decisions", "list_decisions", READ),
    ("post", "/decisions", "publish_decision", SIGNED_JSON),
    ("get", "/decisions/{id}", "get_decision", PATH_READ),
    (
        "post",
        "/decisions/{id}/withdraw",
        "withdraw_decision",
        SIGNED_JSON,
    ),
    ("get", "/admin/backup", "get_backup", SIGNED_EMPTY),
];

fn error_response(status: u16) -> utoipa::openapi::Response {
    let description = match status {
        400 => "malformed request: a path segment, the query or the JSON body",
        401 => "unsigned, badly signed, stale or replayed request, or a key no one registered",
        408 => "the request took too long to arrive",
        413 => "the body is over the limit",
        415 => "the body is not declared as JSON",
        422 => "a field is invalid or over its bound",
        500 => "the registry failed (storage); details are in its log",
        503 => "the store cannot be read",
        _ => "error",
    };
    utoipa::openapi::ResponseBuilder::new()
        .description(description)
        .content(
            "application/json",
            utoipa::openapi::ContentBuilder::new()
                .schema(Some(utoipa::openapi::Ref::from_schema_name("ErrorBody")))
                .build(),
        )
        .build()
}

/// The OpenAPI description of every route [`app`] serves, each with every status it can
/// answer and a unique operationId (from [`ROUTE_TABLE`]).
pub fn openapi() -> utoipa::openapi::OpenApi {
    let mut doc = router().merge(own_deadline_router()).split_for_parts().1;
    for (method, path, id, extra) in ROUTE_TABLE {
        let Some(item) = doc.paths.paths.get_mut(*path) else {
            continue;
        };
        let operation = match *method {
            "get" => item.get.as_mut(),
            "post" => item.post.as_mut(),
            "delete" => item.delete.as_mut(),
            _ => None,
        };
        let Some(operation) = operation else { continue };
        operation.operation_id = Some((*id).to_owned());
        for status in *extra {
            operation
                .responses
                .responses
                .entry(status.to_string())
                .or_insert_with(|| error_response(*status).into());
        }
    }
    doc
}

/// The whole HTTP application.
pub fn app(state: AppState) -> Router {
    let limit = state.settings().max_body_bytes;
    let timeout = state.settings().request_timeout;
    let (router, _) = router().split_for_parts();
    let (own_deadline, _) = own_deadline_router().split_for_parts();
    router
        .layer(middleware::from_fn(move |req: Request, next: Next| {
            deadline(timeout, req, next)
        }))
        .merge(own_deadline)
        .fallback(error::not_found)
        .method_not_allowed_fallback(error::method_not_allowed)
        .layer(DefaultBodyLimit::max(limit))
        .layer(middleware::from_fn(json_errors))
        .layer(middleware::from_fn(trace))
        .with_state(state)
}

/// Every error leaves in the API's one JSON shape, also those that axum's extractors and
/// layers answer by themselves (a path segment that is not UTF-8, a query that does not
/// parse, a body over the limit...), as plain text or with no body: they get the code their
/// status stands for, and their text as the message (5xx texts are replaced).
async fn json_errors(req: Request, next: Next) -> Response {
    let response = next.run(req).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let is_json = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json {
        return response;
    }
    let (parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, 4096)
        .await
        .map(|b| String::from_utf8_lossy(&b).trim().to_owned())
        .unwrap_or_default();
    let code = match status.as_u16() {
        400 => "bad_request",
        404 => "not_found",
        405 => "method_not_allowed",
        408 => "request_timeout",
        413 => "body_too_large",
        414 => "uri_too_long",
        415 => "unsupported_media_type",
        422 => "unprocessable",
        431 => "headers_too_large",
        _ if status.is_server_error() => "internal_error",
        _ => "client_error",
    };
    let message = if status.is_server_error() {
        tracing::error!(status = status.as_u16(), detail = %text, "internal error");
        "the registry failed to handle the request; the operator can find details in its log"
            .to_owned()
    } else if text.is_empty() {
        status
            .canonical_reason()
            .unwrap_or("the request was refused")
            .to_lowercase()
    } else {
        text
    };
    let mut out = AppError::new(status, code, message).into_response();
    // Keep what the original answer said about the connection and allowed methods.
    for name in [axum::http::header::ALLOW, axum::http::header::CONNECTION] {
        if let Some(v) = parts.headers.get(&name) {
            out.headers_mut().insert(name, v.clone());
        }
    }
    out
}

/// One log line per request: method, route template (never the concrete path, which may
/// hold a credential id), status and time. No bodies, no headers.
/// Answers 408 when a request (reading its body included) outlasts the deadline.
async fn deadline(timeout: std::time::Duration, req: Request, next: Next) -> Response {
    match tokio::time::timeout(timeout, next.run(req)).await {
        Ok(response) => response,
        Err(_) => AppError::request_timeout().into_response(),
    }
}

async fn trace(req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("(unmatched)".to_owned(), |p| p.as_str().to_owned());
    let start = Instant::now();
    let response = next.run(req).await;
    tracing::info!(
        %method,
        route,
        status = response.status().as_u16(),
        ms = start.elapsed().as_millis() as u64,
        "request"
    );
    response
}

/// The signer must be the operator.
pub(crate) fn require_operator(state: &AppState, signer: &Signer) -> Result<(), AppError> {
    if signer.did != state.operator_did() {
        return Err(AppError::forbidden(
            "forbidden",
            "only the registry operator may do this",
        ));
    }
    Ok(())
}

/// The issuer whose *current* key signed the request: 401 `unknown_key` when the key is
/// no issuer's, 403 `forbidden` when it is a retired key.
pub(crate) fn signing_issuer(state: &AppState, signer: &Signer) -> Result<IssuerRecord, AppError> {
    let issuer_did = state
        .store()
        .get(Tree::KeydidIssuerdid, signer.did.as_bytes())?
        .and_then(|v| String::from_utf8(v).ok())
        .ok_or_else(|| {
            AppError::unauthorized(
                "unknown_key",
                "the request is signed by a key that belongs to no registered issuer",
            )
        })?;
    let issuer: IssuerRecord = get_json(state, Tree::IssuerdidIssuer, issuer_did.as_bytes())?
        .ok_or_else(|| AppError::internal("key index names a missing issuer"))?;
    if issuer.current_key().map(|k| k.id.as_str()) != Some(signer.key.did_url().as_str()) {
        return Err(AppError::forbidden(
            "forbidden",
            "the request is signed by a retired key of this issuer; sign with the current key",
        ));
    }
    Ok(issuer)
}

/// The stored issuer, or 404 `unknown_issuer`.
pub(crate) fn load_issuer(state: &AppState, did: &str) -> Result<IssuerRecord, AppError> {
    get_json(state, Tree::IssuerdidIssuer, did.as_bytes())?.ok_or_else(|| {
        AppError::not_found("unknown_issuer", "no issuer with this DID is registered")
    })
}
