//! `skillpass`: the command line for every Skillpass role — issuer, holder, verifier and
//! operator. Each subcommand lives in its own module with its `Args` and `run`.
//!
//! Exit codes: 0 success (or `valid`), 1 `invalid` (or some rows of a batch failed),
//! 2 could not run (bad arguments, unreadable file), 3 `indeterminate`.

mod authority;
mod bundle;
mod client;
mod equivalence;
mod files;
mod grant;
mod holder_check;
mod holder_verify;
mod issue;
mod issuer;
mod key;
mod log;
mod operator;
mod present;
mod publish;
mod qr;
mod registry_bundle;
mod regstatus;
mod seen_file;
mod status;
mod verify;
mod wallet;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Skillpass: sign, carry and verify qualification and skill credentials across borders.
#[derive(Debug, Parser)]
#[command(name = "skillpass", version, propagate_version = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Generate and inspect Ed25519 keys (private JWK files, did:key).
    #[command(subcommand)]
    Key(key::KeyCommand),
    /// Issue a credential from a claims file, or many from a CSV file.
    Issue(issue::IssueArgs),
    /// Verify credentials offline against a trust bundle and the pinned anchor.
    Verify(Box<verify::VerifyArgs>),
    /// Present credentials to one verifier, bound to its audience and nonce (holder).
    Present(present::PresentArgs),
    /// Render a credential as a QR code (PNG or SVG) for paper.
    Qr(qr::QrArgs),
    /// Render a printable A6 card: holder, title, issuer and the credential's QR code.
    Card(qr::CardArgs),
    /// The holder's encrypted wallet: init, add, list, show, export, import.
    #[command(subcommand)]
    Wallet(wallet::WalletCommand),
    /// Build or inspect a signed trust bundle (operator).
    #[command(subcommand)]
    Bundle(bundle::BundleCommand),
    /// Manage an issuer's status lists offline (create, show).
    #[command(subcommand)]
    Status(status::StatusCommand),
    /// Revoke a credential (in the status list file, or in the registry with --registry).
    Revoke(status::FlipArgs),
    /// Suspend a credential (in the status list file, or in the registry with --registry).
    Suspend(status::FlipArgs),
    /// Lift the suspension of a credential.
    Unsuspend(status::FlipArgs),
    /// Register an institution with the registry, or rotate its key.
    #[command(subcommand)]
    Issuer(issuer::IssuerCommand),
    /// Registry operator: accredit, suspend or withdraw issuers.
    #[command(subcommand)]
    Operator(operator::OperatorCommand),
    /// Publish signed credentials (and first-time status lists) to the registry.
    Publish(publish::PublishArgs),
    /// Holder: let one verifier read a stored credential for a while, or revoke that.
    Grant(grant::GrantArgs),
    /// Read a stored credential as its issuer, holder or grantee.
    Fetch(grant::FetchArgs),
    /// Check the registry's hash-chained audit log.
    #[command(subcommand)]
    Log(log::LogCommand),
    /// What a qualification from one country means in another (decisions, comparable levels).
    #[command(subcommand)]
    Equivalence(equivalence::EquivalenceCommand),
    /// Recognition authorities: register (operator); sign, publish, revise, withdraw and
    /// import decisions.
    #[command(subcommand)]
    Authority(authority::AuthorityCommand),
}

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let result = match cli.command {
        Command::Key(c) => key::run(c),
        Command::Issue(a) => issue::run(a),
        Command::Verify(a) => verify::run(*a),
        Command::Present(a) => present::run(a),
        Command::Wallet(c) => wallet::run(c),
        Command::Qr(a) => qr::run_qr(a),
        Command::Card(a) => qr::run_card(a),
        Command::Bundle(c) => bundle::run(c),
        Command::Status(c) => status::run(c),
        Command::Revoke(a) => status::flip(a, status::Flip::Revoke),
        Command::Suspend(a) => status::flip(a, status::Flip::Suspend),
        Command::Unsuspend(a) => status::flip(a, status::Flip::Unsuspend),
        Command::Issuer(c) => issuer::run(c),
        Command::Operator(c) => operator::run(c),
        Command::Publish(a) => publish::run(a),
        Command::Grant(a) => grant::run(a),
        Command::Fetch(a) => grant::fetch(a),
        Command::Log(c) => log::run(c),
        Command::Equivalence(c) => equivalence::run(c),
        Command::Authority(c) => authority::run(c),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("skillpass: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// `skillpass … | head` closes the pipe early; `println!` then panics with "Broken pipe".
/// The reader chose to stop: end quietly instead of printing a panic.
fn quiet_on_closed_pipe() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let message = payload
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| payload.downcast_ref::<&str>().copied())
            .unwrap_or_default();
        if message.contains("Broken pipe") {
            std::process::exit(0);
        }
        default(info);
    }));
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
