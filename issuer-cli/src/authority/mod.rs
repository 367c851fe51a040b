//! `skillpass authority`: a recognition authority signs its decisions.
//!
//! Offline, signed decisions go to the operator, whose `bundle build --authorities …
//! --decisions …` carries them to every verifier. With a registry, the operator registers
//! the authority (`register`) and the authority publishes, revises and withdraws its
//! decisions there (`publish`, `revise`, `withdraw`, `import` without `--out`); the
//! registry's next bundle carries them. Either way a decision is trusted only when its
//! signer is a listed authority of the destination country, and the decision travels as
//! the authority signed it.

mod decisions_file;
mod import;
mod publish;
mod register;
mod sign;
mod withdraw;

use anyhow::Result;
use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub(crate) enum AuthorityCommand {
    /// Sign one recognition decision (a JSON file; see schemas/equivalence-decision.schema.json).
    Sign(sign::SignArgs),
    /// Sign every decision of a CSV file and publish each to the registry, or with --out
    /// write them to a file, one signed decision per line.
    Import(import::ImportArgs),
    /// Operator: register a recognition authority with the registry.
    Register(register::RegisterArgs),
    /// Sign a decision and publish it to the registry.
    Publish(publish::PublishArgs),
    /// Sign a revision of a published decision and publish it; the old one stays readable,
    /// marked superseded.
    Revise(publish::ReviseArgs),
    /// Withdraw a published decision: it is re-signed with `withdrawn` set and sent.
    Withdraw(withdraw::WithdrawArgs),
}
pub(crate) fn run(command: AuthorityCommand) -> Result<u8> {
    match command {
        AuthorityCommand::Sign(a) => sign::run(&a),
        AuthorityCommand::Import(a) => import::run(&a),
        AuthorityCommand::Register(a) => register::run(&a),
        AuthorityCommand::Publish(a) => publish::publish(&a),
        AuthorityCommand::Revise(a) => publish::revise(&a),
        AuthorityCommand::Withdraw(a) => withdraw::run(&a),
    }
}
