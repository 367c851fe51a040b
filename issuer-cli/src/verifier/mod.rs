//! The verifier's commands (an employer, a licensing office, a border or labour official):
//! `verify`, offline, of credentials, presentations, SD-JWT presentations and scanned
//! paper codes; `equivalence`, what a qualification from one country means in another; and
//! `web build`, the same verifier as a web page to host or open from disk.
//! `context`, the JSON-LD contexts the verifier knows. `verifier request` and `verifier
//! collect` ask a holder's wallet for a presentation over OpenID4VP ([`openid4vp`]);
//! `verifier serve` is the employer's VC-API verifier service ([`serve`]); `verify
//! --issuer-key` and the service take issuers' keys given directly ([`direct_keys`]).

pub(crate) mod context;
pub(crate) mod direct_keys;
pub(crate) mod equivalence;
pub(crate) mod openid4vp;
pub(crate) mod serve;
pub(crate) mod verify;
pub(crate) mod web;

use anyhow::Result;
use clap::Subcommand;

/// The employer asking a wallet: `verifier request`, `verifier collect`.
#[derive(Debug, Subcommand)]
pub(crate) enum VerifierCommand {
    /// Ask a holder's wallet (OpenID4VP 1.0, DCQL) for exactly the claims you need: writes
    /// an openid4vp:// link and QR code, and the request file that opens the answer.
    Request(openid4vp::RequestArgs),
    /// Collect the wallet's encrypted answer (from the relay or a file), decrypt it and
    /// verify it: the request's state, claims and level, and the ten checks of `verify`.
    Collect(openid4vp::CollectArgs),
    /// Run the employer's verifier service: the W3C VC-API's POST /credentials/verify and
    /// POST /presentations/verify, against the trust bundle and/or keys given directly.
    Serve(serve::ServeArgs),
}

pub(crate) fn run(command: VerifierCommand) -> Result<u8> {
    match command {
        VerifierCommand::Request(a) => openid4vp::request(a),
        VerifierCommand::Collect(a) => openid4vp::collect(a),
        VerifierCommand::Serve(a) => serve::serve(a),
    }
}
