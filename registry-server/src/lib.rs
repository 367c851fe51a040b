//! The Skillpass registry: accredited issuers, stored credentials, revocation, the
//! equivalence table and signed trust bundles over HTTP (axum over a [`store::Store`],
//! sled by default).
//!
//! [`app`] builds the whole router from an [`AppState`]; `main.rs` reads the
//! [`config::Cli`], takes the data directory ([`datadir`]), opens and checks the store
//! ([`check`]) and the operator key ([`keyfile`]), and serves the router with
//! [`server::serve`]. Tests drive [`app`] with `tower::ServiceExt::oneshot`, no socket
//! needed.
//!
//! The modules, from the HTTP edge down (each imports only from those below it):
//!
//! - [`app`](app()) with [`middleware`] and [`openapi`]: the router, its layers (deadline,
//!   one JSON error shape, 5xx logging, a log line per request) and its description.
//! - [`routes`]: one module per resource; a handler reads its [`auth`] extractor, applies
//!   the access rules, opens what the client signed ([`documents`]), reads [`records`] and
//!   commits a [`ledger::Change`].
//! - [`auth`]: signed-request extractors and access rules; [`bounds`]: every body's limits;
//!   `conditional`: `If-None-Match` (weak comparison, RFC 9110).
//! - [`state`]: the [`AppState`] handlers share: records, ledger, settings, clock.
//! - [`ledger`]: the one writer: nonce, audit log, counters, digest, watermark, bundle.
//! - [`records`]: typed reads of the store's trees and the record types.
//! - [`error`]: [`AppError`] and the [`ErrorCode`] list; [`store`]: the storage interface.
//!
//! A credential's way from `POST /credentials` to the store: [`auth::Signed`] checks the
//! request's signature, nonce and bounds; `routes::credentials::publish` checks the
//! signer is an active issuer ([`auth::signing_issuer`]), opens its status lists
//! ([`documents`]) and verifies every credential as an offline verifier would
//! (`documents::PublishCheck`); the records go into a [`ledger::Change`], which
//! [`AppState::commit`] applies with its nonce, log entries, commit count and content
//! digest in one durable batch ([`ledger::Ledger::commit`]).
//!
//! Offline, `skillpass-registry check` reads a stopped store end to end ([`check`]) and
//! `restore` writes a verified [`backup`] into a new data directory; start-up failures
//! are a [`startup::Failure`] with a sentence and an exit code.
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod app;
pub mod auth;
pub mod backup;
pub mod bounds;
pub mod check;
mod conditional;
pub mod config;
pub mod datadir;
mod documents;
pub mod error;
pub mod keyfile;
pub mod ledger;
mod middleware;
pub mod migrate;
pub mod openapi;
pub mod records;
pub mod relay;
pub mod routes;
pub mod server;
pub mod startup;
pub mod state;
pub mod store;

pub use app::app;
pub use config::{Config, Settings};
pub use error::{AppError, ErrorCode};
pub use openapi::openapi;
pub use state::{AppState, Clock};
