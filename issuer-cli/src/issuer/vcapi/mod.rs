//! `skillpass issuer serve-vc-api`: the institution's W3C CCG Verifiable Credentials API
//! issuer (`POST /credentials/issue`), for the back-office systems and test suites that
//! speak the VC-API. It runs the conformance profile: any credential that follows the W3C
//! VC Data Model 2.0 rules (checked by `credential_core::conformance`, not only
//! Skillpass's two types), issued as this institution only.
//!
//! It is a command of its own rather than a route of `issuer serve` because the two face
//! different callers: `issuer serve` faces wallets on the public internet and needs the
//! OpenID4VCI state (offers, tokens, PINs, the public URL), while the VC-API is called by
//! the institution's own systems with a bearer token. Both hold the institution's key and
//! nothing else of it; they may run side by side on different addresses.

mod service;
#[cfg(test)]
mod tests;

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::Args;

use crate::common::files;
use crate::common::trust::TrustArgs;
use crate::issuer::status::StatusFile;
use service::{app, Access, VcApi, VcApiConfig};

/// Shortest token accepted: 32 characters (e.g. `openssl rand -hex 16`).
const MIN_TOKEN_LEN: usize = 32;

/// `skillpass issuer serve-vc-api`.
#[derive(Debug, Args)]
pub(crate) struct ServeVcApiArgs {
    /// The institution's private key file (it never leaves this service).
    #[arg(long)]
    key: PathBuf,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8444")]
    listen: SocketAddr,
    /// A file holding the bearer token callers must send (Authorization: Bearer TOKEN), at
    /// least 32 characters; make one with `openssl rand -hex 32 > token`.
    #[arg(
        long,
        value_name = "FILE",
        required_unless_present = "vc_api_unauthenticated"
    )]
    vc_api_token_file: Option<PathBuf>,
    /// Let anyone who reaches the service issue, without a token: only for a test suite on
    /// this machine, so refused unless --listen is a loopback address.
    #[arg(long, conflicts_with = "vc_api_token_file")]
    vc_api_unauthenticated: bool,
    /// Give every credential revocation and suspension entries (BitstringStatusListEntry)
    /// from this status list file, as `skillpass issue --status` does (a credential that
    /// states its own credentialStatus keeps it); the file is saved after each allocation.
    /// Do not run `skillpass issue` on the same file meanwhile.
    #[arg(long, value_name = "FILE")]
    status: Option<PathBuf>,
    /// With --bundle and --anchor, the service refuses what this institution's
    /// accreditation in the trust bundle does not allow (not listed, suspended, or a
    /// Skillpass type or level outside its scope).
    #[command(
        flatten,
        next_help_heading = "Accreditation (optional: refuse what the trust bundle does not allow)"
    )]
    trust: TrustArgs,
}

/// Reads the token file: one line, trimmed, long enough to be a secret.
fn read_token(path: &std::path::Path) -> Result<String> {
    let text = zeroize::Zeroizing::new(files::read_text(path, 4096)?);
    let token = text.trim();
    if token.len() < MIN_TOKEN_LEN || token.chars().any(|c| c.is_whitespace() || c.is_control()) {
        bail!(
            "{}: the token must be one line of at least {MIN_TOKEN_LEN} characters without spaces \
             (make one with: openssl rand -hex 32 > {})",
            path.display(),
            path.display()
        );
    }
    Ok(token.to_owned())
}

/// Checks the arguments and builds the service's configuration.
fn configure(a: &ServeVcApiArgs) -> Result<VcApiConfig> {
    let access = match (&a.vc_api_token_file, a.vc_api_unauthenticated) {
        (Some(path), false) => Access::token(&read_token(path)?),
        (None, true) => {
            if !a.listen.ip().is_loopback() {
                bail!(
                    "--vc-api-unauthenticated lets anyone issue as this institution: it is only \
                     allowed on a loopback address (--listen 127.0.0.1:PORT), not {}",
                    a.listen
                );
            }
            Access::Unauthenticated
        }
        _ => bail!(
            "give --vc-api-token-file FILE (or, for a local test suite, --vc-api-unauthenticated)"
        ),
    };
    let key = files::read_key(&a.key)?;
    let bundle = a.trust.open_if_given().map_err(|e| e.stops_command())?;
    if let Some(bundle) = &bundle {
        if bundle.issuer(&key.public().did()).is_none() {
            bail!(
                "this institution ({}) is not in the trust bundle: it cannot issue under it",
                key.public().did()
            );
        }
    }
    Ok(VcApiConfig {
        key,
        access,
        bundle,
    })
}

/// The status list file at `path`, which must be `did`'s.
fn status_file_of(path: &std::path::Path, did: &str) -> Result<StatusFile> {
    let file = StatusFile::load(path)?;
    if file.issuer() != did {
        bail!(
            "{} is the status list file of {}, not of this service's key ({did})",
            path.display(),
            file.issuer()
        );
    }
    Ok(file)
}

pub(crate) fn serve(a: ServeVcApiArgs) -> Result<u8> {
    let config = configure(&a)?;
    let did = config.key.public().did();
    let mut service = VcApi::new(config);
    if let Some(path) = &a.status {
        service = service.with_status(status_file_of(path, &did)?, path.clone());
    }
    let open = a.vc_api_unauthenticated;
    crate::common::http::serve_until_ctrl_c(a.listen, app(service), "VC-API service", move |at| {
        let access = if open {
            " (UNAUTHENTICATED: loopback only)"
        } else {
            " (bearer token required)"
        };
        format!("VC-API issuer for {did} on http://{at}/credentials/issue{access}")
    })?;
    Ok(0)
}
