//! `skillpass verifier serve`: the verifier service an employer runs beside its own
//! systems (an applicant-tracking system, say), answering the W3C CCG VC-API's
//! `POST /credentials/verify` and `POST /presentations/verify`.
//!
//! It runs at the employer, not at the operator's registry: credentials stay with the
//! people they describe and those they choose to show them to, and the registry never sees
//! who applied where. The service holds no key and keeps nothing: the trust bundle (or the
//! keys given directly) is all it needs, and each answer is made in memory and forgotten.

mod service;

use std::net::SocketAddr;
use std::time::Duration;

use anyhow::{bail, Result};
use clap::Args;

use super::direct_keys::{read_given_keys, DirectKeyArgs};
use crate::common::trust::TrustArgs;
use service::{app, Lists, Service, ServiceConfig};

/// `skillpass verifier serve`.
#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    trust: TrustArgs,
    #[command(flatten)]
    direct: DirectKeyArgs,
    /// Verify presentations whose `kid` (or proof's `verificationMethod`) names this holder
    /// key, given as a JWK file: a verification method (`{"id", "controller",
    /// "publicKeyJwk"}`, the holder its `controller`) or a bare public JWK (named by its
    /// `kid` or RFC 7638 thumbprint); repeatable. Holders whose key is a did:key or did:jwk
    /// need none: their key is read from the DID.
    #[arg(long = "holder-jwk", value_name = "FILE")]
    holder_jwks: Vec<std::path::PathBuf>,
    /// Fetch each status list a credential names from its URL (http or https) when no
    /// --status-list file has it. The service then makes outgoing requests to URLs that
    /// credentials choose: give it only where that is acceptable.
    #[arg(long)]
    fetch_status_lists: bool,
    /// Address to listen on (loopback by default: the service answers anyone who can
    /// reach it).
    #[arg(long, default_value = "127.0.0.1:8480")]
    listen: SocketAddr,
}

pub(crate) fn serve(a: ServeArgs) -> Result<u8> {
    if a.trust.bundle_path().is_none() && !a.direct.enabled() {
        bail!(
            "give the trust bundle (--bundle FILE --anchor DID: Skillpass's ten checks), keys given directly (--issuer-key DID, --issuer-jwk FILE, or --any-issuer-key), or both"
        );
    }
    let bundle = a
        .trust
        .open_if_given()
        .map_err(crate::common::trust::TrustError::stops_command)?;
    let direct = if a.direct.enabled() {
        Some(a.direct.issuers()?)
    } else {
        None
    };
    let fetch = a.fetch_status_lists.then(|| {
        ureq::AgentBuilder::new()
            .timeout(Duration::from_secs(10))
            .redirects(0)
            .build()
    });
    let lists = Lists {
        files: a.direct.lists()?,
        fetch,
    };
    let config = ServiceConfig {
        bundle,
        direct,
        given: a.direct.given_keys()?,
        holder_keys: read_given_keys(&a.holder_jwks, "--holder-jwk")?,
        lists: Box::new(lists),
    };
    crate::common::http::serve_until_ctrl_c(
        a.listen,
        app(Service::new(config)),
        "verifier service",
        |at| {
            let note = if at.ip().is_loopback() {
                String::new()
            } else {
                format!(
                    "note: listening on {at}, not loopback: anyone who reaches it may ask it to verify\n"
                )
            };
            format!(
                "{note}verifier service on http://{at} (POST /credentials/verify, POST /presentations/verify)"
            )
        },
    )?;
    Ok(0)
}
