//! `skillpass bundle`: the operator builds a signed trust bundle offline ([`build`]) or
//! inspects one ([`show`]); anyone downloads the registry's current one ([`fetch`]).

mod build;
mod fetch;
mod show;

use anyhow::Result;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once per run
pub(crate) enum BundleCommand {
    /// Build and sign a trust bundle from issuers, status lists and decisions.
    Build(Box<build::BuildArgs>),
    /// Verify a bundle against the anchor and print what it holds.
    Show(show::ShowArgs),
    /// Download the registry's current signed bundle.
    Fetch(fetch::FetchArgs),
}

pub(crate) fn run(command: BundleCommand) -> Result<u8> {
    match command {
        BundleCommand::Build(a) => build::run(*a),
        BundleCommand::Show(a) => show::run(&a),
        BundleCommand::Fetch(a) => fetch::run(a),
    }
}
