//! `skillpass verify`: offline verification against a trust bundle and the pinned anchor,
//! in the mode the flags and the input call for:
//!
//! - credentials ([`credentials`]): one or thousands of `vc+jwt` files, directories of
//!   them, lines on standard input, or a scanned paper code ([`scan`]);
//! - a holder-signed presentation, or an SD-JWT presentation with key binding
//!   ([`holder`]), recognised by its `typ` or its `~` when no flag says so.
//!
//! - credentials whose issuer's key is given directly ([`direct`]: `--issuer-key`,
//!   `--any-issuer-key`), without a bundle: the conformance profile.
//!
//! Every mode opens the bundle through [`Trusted`](trusted::Trusted); a refused bundle is
//! the verdict of the report (`invalid`, the trust-bundle check failing, exit 1), never a
//! command that could not run (exit 2).

mod args;
mod credentials;
mod direct;
mod holder;
mod scan;
mod trusted;

use anyhow::Result;

pub(crate) use args::VerifyArgs;

pub(crate) fn run(mut a: VerifyArgs) -> Result<u8> {
    if a.direct.enabled() {
        return direct::run(&a);
    }
    if !a.holder.is_holder_mode() && holder::looks_like_presentation(&a.inputs) {
        a.holder.assume_presentation();
    }
    if a.holder.is_holder_mode() || holder::looks_like_sd_jwt(&a.inputs) {
        return holder::run(&a);
    }
    credentials::run(&a)
}
