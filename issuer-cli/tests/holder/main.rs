//! End-to-end tests of the holder's side of `skillpass`: presentations, the wallet,
//! selective disclosure and paper. Each runs the real binary in a temporary directory.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;
mod paper;
mod presentation;
mod sdjwt;
mod wallet;
