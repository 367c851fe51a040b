//! API tests: the app driven with `oneshot` on a temporary store (sled, or PostgreSQL with
//! `SKILLPASS_TEST_STORE=postgres`), no socket, one module per area on one harness
//! (`harness.rs`). Rejection tests are named as the
//! sentence they check; where many cases share one shape they are rows of one table.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

mod bounds;
mod bundle;
#[path = "../common/mod.rs"]
mod common;
mod contract;
mod credentials;
mod decisions;
mod equivalence;
mod harness;
mod issuers;
mod log;
mod openapi;
mod relay;
mod replicas;
mod requests;
mod sd_jwt_vc;
mod status;
mod store_check;
mod web;
