//! The command line of `verify`: the inputs, the trust arguments every mode shares, and
//! the flags of the holder-side modes.

use std::path::PathBuf;

use chrono::{DateTime, Utc};
use clap::builder::Resettable;
use clap::Args;
use credential_core::equivalence::Destination;

use crate::common::args::{change_arg, parse_destination, parse_time_arg};
use crate::common::trust::TrustArgs;
use crate::verifier::direct_keys::DirectKeyArgs;

/// `--bundle` and `--anchor` are required here (so neither needs to require the other),
/// unless the issuer's key is given directly (`--issuer-key`, `--any-issuer-key`): the
/// conformance profile, which takes no bundle and checks no presentation.
#[derive(Debug, Args)]
#[command(
    mut_args(change_arg("bundle", |a| a
        .required_unless_present_any(DIRECT)
        .requires(Resettable::Reset))),
    mut_args(change_arg("anchor", |a| a
        .required_unless_present_any(DIRECT)
        .requires(Resettable::Reset))),
    mut_args(change_arg("issuer_keys", |a| a.conflicts_with_all(NOT_DIRECT))),
    mut_args(change_arg("any_issuer_key", |a| a.conflicts_with_all(NOT_DIRECT))),
    mut_args(change_arg("issuer_jwks", |a| a.conflicts_with_all(NOT_DIRECT))),
    mut_args(change_arg("status_lists", |a| a.requires("direct"))),
    group(clap::ArgGroup::new("direct").args(DIRECT).multiple(true)),
    override_usage = "skillpass verify --bundle <BUNDLE> --anchor <ANCHOR> [OPTIONS] <INPUTS>...\n       \
        skillpass verify --issuer-key <DID> | --issuer-jwk <FILE> | --any-issuer-key [OPTIONS] <INPUTS>...",
)]
pub(crate) struct VerifyArgs {
    /// Credential files (compact JWS), directories of them (*.jwt, *.jws), or `-` for one
    /// JWS per line on standard input; with --presentation, the one presentation file.
    #[arg(required_unless_present_any = ["qr_text", "qr_image"])]
    pub(super) inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub(super) trust: TrustArgs,
    /// Print JSON for programs instead of words.
    #[arg(long)]
    pub(super) json: bool,
    /// Verify as of this time instead of now (RFC 3339 or YYYY-MM-DD).
    #[arg(long, value_parser = parse_time_arg)]
    pub(super) at: Option<DateTime<Utc>>,
    /// Also say what the qualification means in this country (e.g. DE) or framework (e.g. EQF).
    #[arg(long, value_parser = parse_destination)]
    pub(super) country: Option<Destination>,
    /// With many inputs, print every check of every credential, not one line each.
    #[arg(long)]
    pub(super) verbose: bool,
    /// With many inputs, verify on this many threads (default: one per core).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..=1024))]
    pub(super) threads: Option<u16>,
    #[command(flatten)]
    pub(super) holder: HolderArgs,
    #[command(flatten)]
    pub(super) direct: DirectKeyArgs,
}

/// The arguments that give the issuer's key directly.
const DIRECT: [&str; 3] = ["issuer_keys", "any_issuer_key", "issuer_jwks"];
/// What the direct-key profile does not combine with.
const NOT_DIRECT: [&str; 6] = [
    "bundle",
    "anchor",
    "presentation",
    "sd_jwt",
    "country",
    "qr_text",
];

/// The flags of `verify` for what a holder shows rather than a bare credential file: a
/// presentation, an SD-JWT presentation, a paper code.
#[derive(Debug, Args)]
pub(super) struct HolderArgs {
    /// The input is a holder-signed presentation (vp+jwt); needs --audience and --nonce.
    #[arg(long, requires_all = ["audience", "nonce"], conflicts_with = "sd_jwt")]
    pub(super) presentation: bool,
    /// The input is an SD-JWT presentation with key binding (also detected by its `~`);
    /// needs --audience and --nonce.
    #[arg(long, requires_all = ["audience", "nonce"])]
    pub(super) sd_jwt: bool,
    /// This verifier's identifier, which the presentation must be bound to (its `aud`).
    #[arg(long)]
    pub(super) audience: Option<String>,
    /// The nonce this verifier gave the holder for this presentation.
    #[arg(long)]
    pub(super) nonce: Option<String>,
    /// Oldest presentation accepted, in seconds after it was made.
    #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u32).range(1..=86_400))]
    pub(super) max_age: u32,
    /// Verify the credential in this scanned QR text (`SP1:…`, from `skillpass qr`).
    #[arg(long, conflicts_with_all = ["qr_image", "presentation", "sd_jwt"])]
    pub(super) qr_text: Option<String>,
    /// Verify the credential in the QR code of this image (a `skillpass qr` or `card` PNG).
    #[arg(long, conflicts_with_all = ["presentation", "sd_jwt"])]
    pub(super) qr_image: Option<PathBuf>,
}

impl HolderArgs {
    pub(super) fn is_holder_mode(&self) -> bool {
        self.presentation || self.sd_jwt
    }

    /// Checks the input as a presentation, as if `--presentation` had been given.
    pub(super) fn assume_presentation(&mut self) {
        self.presentation = true;
    }
}
