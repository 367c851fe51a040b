//! The `skillpass` binary end to end, one module per topic, all on one [`harness`]: each
//! test runs the real binary in a scratch directory of its own.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

mod batch;
mod claims;
mod end_to_end;
mod equivalence;
mod formats;
mod harness;
mod holder;
mod hostile;
mod lang;
#[cfg(unix)]
mod readme;
mod trust;
mod verifier_serve;
mod verify_inputs;
mod web;
