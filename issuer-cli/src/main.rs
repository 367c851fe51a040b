//! `skillpass`: the command line for every Skillpass role. The commands are grouped by who
//! uses them — [`issuer`], [`holder`], [`verifier`], [`operator`], [`authority`] — each
//! command in a module named after it with its `Args` and `run`; what they share is in
//! [`common`]. This file only parses the command line and maps results to exit codes.
//!
//! Exit codes: 0 success (or `valid`), 1 `invalid` (or some rows of a batch failed),
//! 2 could not run (bad arguments, unreadable file), 3 `indeterminate`.

mod authority;
mod common;
mod holder;
mod issuer;
mod operator;
mod verifier;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::issuer::revoke::Flip;

/// mimalloc rather than glibc's malloc: `verify DIR` allocates and frees many small values
/// per credential on every core, and glibc's arenas spent a third of its time there
/// (BENCHMARKS.md §10 has the measurements).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Skillpass: sign, carry and verify qualification and skill credentials across borders.
#[derive(Debug, Parser)]
#[command(name = "skillpass", version, propagate_version = true)]
struct Cli {
    /// The language of what is printed (BCP 47: en, de, fil, ar, es, fr); else
    /// SKILLPASS_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG). JSON keeps its codes in
    /// every language and adds the words beside them. `card` takes it twice, the holder's
    /// language then the destination's (`--lang fil --lang de`); other commands use the
    /// first.
    #[arg(long, global = true, value_name = "TAG", action = clap::ArgAction::Append)]
    lang: Vec<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Generate and inspect Ed25519, P-256 (ES256), P-384 (ES384) or P-521 (ES512) keys (private JWK files, did:key).
    #[command(subcommand)]
    Key(issuer::key::KeyCommand),
    /// Issue a credential from a claims file, or many from a CSV file.
    Issue(issuer::issue::IssueArgs),
    /// Verify credentials offline against a trust bundle and the pinned anchor, or with the
    /// issuer's key given directly (--issuer-key, --any-issuer-key: no accreditation check).
    Verify(Box<verifier::verify::VerifyArgs>),
    /// The employer asking a holder's wallet for a presentation (OpenID4VP): request, collect.
    #[command(subcommand)]
    Verifier(verifier::VerifierCommand),
    /// Present credentials to one verifier, bound to its audience and nonce (holder).
    Present(holder::present::PresentArgs),
    /// Render a credential as a QR code (PNG or SVG) for paper.
    Qr(holder::qr::QrArgs),
    /// Render a printable card (PDF or PNG, A6 or on A4): holder, title, issuer, QR code.
    Card(holder::card::CardArgs),
    /// The holder's encrypted wallet: init, add, list, show, export, import.
    #[command(subcommand)]
    Wallet(holder::wallet::WalletCommand),
    /// Build or inspect a signed trust bundle (operator).
    #[command(subcommand)]
    Bundle(operator::bundle::BundleCommand),
    /// Manage an issuer's status lists offline (create, show, Token Status List).
    #[command(subcommand)]
    Status(issuer::status::StatusCommand),
    /// The SD-JWT VC Type Metadata of a credential type, to serve at its `vct` URL.
    TypeMetadata(issuer::type_metadata::TypeMetadataArgs),
    /// Revoke a credential (in the status list file, or in the registry with --registry).
    Revoke(issuer::revoke::FlipArgs),
    /// Suspend a credential (in the status list file, or in the registry with --registry).
    Suspend(issuer::revoke::FlipArgs),
    /// Lift the suspension of a credential.
    Unsuspend(issuer::revoke::FlipArgs),
    /// Register an institution with the registry, or rotate its key.
    #[command(subcommand)]
    Issuer(issuer::IssuerCommand),
    /// Registry operator: accredit, suspend or withdraw issuers.
    #[command(subcommand)]
    Operator(operator::OperatorCommand),
    /// Publish signed credentials (and first-time status lists) to the registry.
    Publish(issuer::publish::PublishArgs),
    /// Holder: let one verifier read a stored credential for a while, or revoke that.
    Grant(holder::grant::GrantArgs),
    /// Read a stored credential as its issuer, holder or grantee.
    Fetch(holder::fetch::FetchArgs),
    /// Check the registry's hash-chained audit log.
    #[command(subcommand)]
    Log(operator::log::LogCommand),
    /// What a qualification from one country means in another (decisions, comparable levels).
    #[command(subcommand)]
    Equivalence(verifier::equivalence::EquivalenceCommand),
    /// Recognition authorities: register (operator); sign, publish, revise, withdraw and
    /// import decisions.
    #[command(subcommand)]
    Authority(authority::AuthorityCommand),
    /// The employer's verifier page (the registry serves it at /): write it as a static
    /// folder to host anywhere or open from disk.
    #[command(subcommand)]
    Web(verifier::web::WebCommand),
    /// Export a credential as an Open Badges 3.0 badge (signed) or in the European
    /// Learning Model (Europass).
    #[command(subcommand)]
    Export(issuer::export::ExportCommand),
    /// The JSON-LD contexts Skillpass credentials use: list them, or write one out.
    Context(verifier::context::ContextArgs),
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
    common::lang::init(cli.lang.first().map(String::as_str));
    let result = match cli.command {
        Command::Key(c) => issuer::key::run(c),
        Command::Issue(a) => issuer::issue::run(a),
        Command::TypeMetadata(a) => issuer::type_metadata::run(a),
        Command::Verify(a) => verifier::verify::run(*a),
        Command::Verifier(c) => verifier::run(c),
        Command::Present(a) => holder::present::run(a),
        Command::Wallet(c) => holder::wallet::run(c),
        Command::Qr(a) => holder::qr::run(a),
        Command::Card(a) => holder::card::run(a, &cli.lang),
        Command::Bundle(c) => operator::bundle::run(c),
        Command::Status(c) => issuer::status::run(c),
        Command::Revoke(a) => issuer::revoke::run(a, Flip::Revoke),
        Command::Suspend(a) => issuer::revoke::run(a, Flip::Suspend),
        Command::Unsuspend(a) => issuer::revoke::run(a, Flip::Unsuspend),
        Command::Issuer(c) => issuer::run(c),
        Command::Operator(c) => operator::run(c),
        Command::Publish(a) => issuer::publish::run(a),
        Command::Grant(a) => holder::grant::run(a),
        Command::Fetch(a) => holder::fetch::run(a),
        Command::Log(c) => operator::log::run(c),
        Command::Equivalence(c) => verifier::equivalence::run(c),
        Command::Authority(c) => authority::run(c),
        Command::Web(c) => verifier::web::run(c),
        Command::Export(c) => issuer::export::run(c),
        Command::Context(a) => verifier::context::run(a),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            let lang = common::lang::current();
            let reason = common::said::render(&e, lang);
            let line = credential_core::i18n::Msg::new("cli-error").arg("reason", reason);
            eprintln!("{}", line.text(lang));
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
    #![allow(clippy::expect_used)]
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    fn find<'c>(cmd: &'c mut clap::Command, path: &[&str]) -> &'c mut clap::Command {
        path.iter().fold(cmd, |c, name| {
            c.find_subcommand_mut(name)
                .expect("a subcommand of skillpass")
        })
    }

    /// The arguments shared through `SignerArgs` and `TrustArgs` are adapted per command in
    /// place: usage lines list them where they always stood, and help keeps each command's
    /// words for them.
    #[test]
    fn shared_arguments_keep_their_place_and_each_command_its_words() {
        let mut cli = Cli::command();
        cli.build();
        let register = find(&mut cli, &["issuer", "register"]);
        let usage = register.render_usage().to_string();
        assert!(
            usage.contains("--key <KEY> --name <NAME> --country <COUNTRY>"),
            "{usage}"
        );
        let verify = find(&mut cli, &["verify"]);
        let usage = verify.render_usage().to_string();
        assert!(
            usage.contains("--bundle <BUNDLE> --anchor <ANCHOR>"),
            "{usage}"
        );
        for (path, arg, words) in [
            (&["card"][..], "bundle", "the card names the issuer"),
            (
                &["equivalence", "show"],
                "anchor",
                "The pinned anchor did:key for --bundle",
            ),
            (
                &["wallet", "add"],
                "bundle",
                "credentials are verified before they are added",
            ),
            (&["fetch"], "key", "The reader's private key file"),
            (&["verify"], "bundle", "The trust bundle file"),
        ] {
            let help = find(&mut cli, path)
                .get_arguments()
                .find(|a| a.get_id() == arg)
                .and_then(|a| a.get_help())
                .map(ToString::to_string)
                .unwrap_or_default();
            assert!(help.contains(words), "{path:?} --{arg}: {help}");
        }
    }
}
