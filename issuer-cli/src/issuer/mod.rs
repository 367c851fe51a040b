//! The issuer's commands (a college, a TVET centre, a university, an assessment centre):
//! `issue` one credential or a CSV batch, keep status lists and `revoke`, `suspend` or
//! `unsuspend` (offline or through the registry), `publish` to the registry, `export` a
//! credential as an Open Badge or in the European Learning Model, and
//! `issuer register` / `issuer rotate-key`. `key` is here because the design gives key
//! generation to issuers; holders, operators and authorities make their keys with it too.

pub(crate) mod any;
pub(crate) mod export;
pub(crate) mod issue;
pub(crate) mod key;
pub(crate) mod oid4vci;
pub(crate) mod publish;
mod register;
pub(crate) mod revoke;
mod rotate_key;
pub(crate) mod status;
pub(crate) mod type_metadata;
mod vcapi;

use anyhow::Result;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub(crate) enum IssuerCommand {
    /// Register this institution (signed by its key); it is pending until accredited.
    Register(register::RegisterArgs),
    /// Replace the signing key; the old key stays listed with its end date.
    RotateKey(rotate_key::RotateArgs),
    /// Make OpenID4VCI credential offers from a CSV batch, one per row: a link and QR
    /// code for a wallet, and a PIN to send apart.
    Offer(oid4vci::OfferArgs),
    /// Run the OpenID4VCI issuance service that redeems the offers (pre-authorized code
    /// with PIN, key proofs), holding the institution's key.
    Serve(oid4vci::ServeArgs),
    /// Run the W3C VC-API issuer (POST /credentials/issue) for the institution's own
    /// systems: any credential following the VC 2.0 data model, issued as this institution
    /// (bearer token required).
    ServeVcApi(vcapi::ServeVcApiArgs),
}

pub(crate) fn run(command: IssuerCommand) -> Result<u8> {
    match command {
        IssuerCommand::Register(a) => register::run(a),
        IssuerCommand::RotateKey(a) => rotate_key::run(a),
        IssuerCommand::Offer(a) => oid4vci::offer(a),
        IssuerCommand::Serve(a) => oid4vci::serve(a),
        IssuerCommand::ServeVcApi(a) => vcapi::serve(a),
    }
}
