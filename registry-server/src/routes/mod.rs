//! The routes, one module per resource, listed in one place. Every route is added through
//! `utoipa_axum::routes!`, so the OpenAPI description (`openapi.rs`) is generated from the
//! same list the router serves; [`ROUTE_TABLE`] names each route's operationId and the
//! answers its extractors give.
//!
//! A route module imports from the homes below it (`state`, `records`, `ledger`, `auth`,
//! `bounds`, `conditional`, `documents`, `error`), never from another route module.

pub mod admin;
pub mod authorities;
pub mod bundle;
pub mod contexts;
pub mod credentials;
pub mod decisions;
pub mod equivalence;
pub mod health;
pub mod issuers;
pub mod log;
pub mod relay;
pub mod status;
pub mod types;
pub mod web;

use utoipa::openapi::OpenApi;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::state::AppState;

/// The routes under the router's request deadline, on the API's description `doc`.
pub(crate) fn router(doc: OpenApi) -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(doc)
        .routes(routes!(health::healthz))
        .routes(routes!(health::openapi_json))
        .routes(routes!(contexts::get_context))
        .routes(routes!(types::get_type))
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
        .routes(routes!(authorities::list, authorities::register))
        .routes(routes!(decisions::list, decisions::publish))
        .routes(routes!(decisions::get_one))
        .routes(routes!(decisions::withdraw))
        .routes(routes!(relay::post_answer, relay::collect))
        .routes(routes!(web::page))
        .routes(routes!(web::page_v))
        .routes(routes!(web::service_worker))
        .routes(routes!(web::asset))
        .routes(routes!(web::config))
}

/// The routes that set their own deadline (a backup may take longer to prepare than a
/// request may take to arrive).
pub(crate) fn own_deadline_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(admin::get_backup))
}

/// A signed request with a JSON body (`Signed<T>`): before its handler runs it may be
/// answered 400 (a path segment or the body unreadable, malformed JSON), 401 (unsigned,
/// bad signature, stale, replayed, unknown key), 408 (the body did not arrive in time),
/// 413 (over the body limit), 415 (not declared JSON), 422 (a field over its bound, see
/// `bounds.rs`), 500 (storage failure) and 503 (the store cannot be reached).
const SIGNED_JSON: &[u16] = &[400, 401, 408, 413, 415, 422, 500, 503];
/// A signed request without a body (`SignedEmpty`): as above, less 415 and 422.
const SIGNED_EMPTY: &[u16] = &[400, 401, 408, 413, 500, 503];
/// A public read with a path parameter, from the store.
const PATH_READ: &[u16] = &[400, 500, 503];
/// A public read from the store.
const READ: &[u16] = &[500, 503];

/// What any route may be answered before it is routed, by the HTTP layer (`server.rs`):
/// 400 (a request line or header that does not parse), 408 (headers, or the whole request,
/// past their deadline), 414 (a URI too long), 431 (too many or too large headers).
/// `/openapi.json` lists them on every operation.
pub const EVERY_ROUTE: &[u16] = &[400, 408, 414, 431];

/// Every route, its operationId, and the answers its extractors, bounds and store give
/// besides those its handler documents: the one table `/openapi.json` completes each
/// route's documented statuses from (`tests/limits.rs` drives every route to each status
/// listed here, and checks it answers nothing undocumented).
#[rustfmt::skip]
pub const ROUTE_TABLE: &[(&str, &str, &str, &[u16])] = &[
    ("get",    "/healthz",                         "get_health",               &[503]),
    ("get",    "/openapi.json",                    "get_openapi",              &[]),
    ("get",    "/contexts/{file}",                 "get_context",              &[400]),
    ("get",    "/types/{type}",                    "get_type_metadata",        &[400]),
    ("get",    "/issuers",                         "list_issuers",             &[400, 500, 503]),
    ("post",   "/issuers",                         "register_issuer",          SIGNED_JSON),
    ("get",    "/issuers/{did}",                   "get_issuer",               PATH_READ),
    ("get",    "/issuers/{did}/jwks",              "get_issuer_jwks",          PATH_READ),
    ("post",   "/issuers/{did}/accredit",          "accredit_issuer",          SIGNED_JSON),
    ("post",   "/issuers/{did}/suspend",           "suspend_issuer",           SIGNED_JSON),
    ("post",   "/issuers/{did}/reinstate",         "reinstate_issuer",         SIGNED_JSON),
    ("post",   "/issuers/{did}/withdraw",          "withdraw_issuer",          SIGNED_JSON),
    ("post",   "/issuers/{did}/keys",              "rotate_issuer_key",        SIGNED_JSON),
    ("post",   "/credentials",                     "publish_credentials",      SIGNED_JSON),
    ("get",    "/credentials/{id}",                "get_credential",           SIGNED_EMPTY),
    ("post",   "/credentials/{id}/grants",         "create_grant",             SIGNED_JSON),
    ("delete", "/credentials/{id}/grants/{grant}", "revoke_grant",             SIGNED_EMPTY),
    ("post",   "/credentials/{id}/status",         "change_credential_status", SIGNED_JSON),
    ("get",    "/status/{did}/{purpose}",          "get_status_list",          PATH_READ),
    ("get",    "/bundle",                          "get_bundle",               READ),
    ("get",    "/log",                             "get_log",                  &[400, 500, 503]),
    ("get",    "/equivalence",                     "query_equivalence",        READ),
    ("get",    "/equivalence/frameworks",          "list_frameworks",          &[]),
    ("get",    "/authorities",                     "list_authorities",         READ),
    ("post",   "/authorities",                     "register_authority",       SIGNED_JSON),
    ("get",    "/decisions",                       "list_decisions",           READ),
    ("post",   "/decisions",                       "publish_decision",         SIGNED_JSON),
    ("get",    "/decisions/{id}",                  "get_decision",             PATH_READ),
    ("post",   "/decisions/{id}/withdraw",         "withdraw_decision",        SIGNED_JSON),
    ("get",    "/admin/backup",                    "get_backup",               SIGNED_EMPTY),
    ("post",   "/relay/{id}",                      "post_relay_answer",        &[400]),
    ("get",    "/relay/{id}",                      "collect_relay_answers",    &[400]),
    ("get",    "/",                                "get_verifier_page",        &[]),
    ("get",    "/v",                               "get_verifier_page_v",      &[]),
    ("get",    "/sw.js",                           "get_verifier_worker",      &[]),
    ("get",    "/web/{file}",                      "get_verifier_asset",       &[400]),
    ("get",    "/verifier-config.json",            "get_verifier_config",      &[]),
];
