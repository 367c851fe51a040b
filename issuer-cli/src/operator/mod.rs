//! The operator's commands (the recognition body that runs the registry): `operator`
//! accredit, suspend, reinstate or withdraw an issuer and back the registry up; build, show
//! and fetch trust `bundle`s; check the registry's audit `log`. (`bundle fetch` serves
//! verifiers too: it is how they get a newer bundle.)

mod backup;
pub(crate) mod bundle;
pub(crate) mod log;
mod standing;

use anyhow::Result;
use clap::Subcommand;

use self::backup::BackupArgs;
use self::standing::{AccreditArgs, StandingArgs};

#[derive(Debug, Subcommand)]
pub(crate) enum OperatorCommand {
    /// Accredit an issuer for a scope (credential types and highest levels).
    Accredit(AccreditArgs),
    /// Suspend an issuer from an effective date.
    Suspend(StandingArgs),
    /// Lift an issuer's suspension from an effective date (its accreditation periods and
    /// everything it issued before are kept).
    Reinstate(StandingArgs),
    /// Withdraw an issuer's accreditation (final).
    Withdraw(StandingArgs),
    /// Download a consistent, operator-signed backup of the running registry's whole store.
    Backup(BackupArgs),
}

pub(crate) fn run(command: OperatorCommand) -> Result<u8> {
    match command {
        OperatorCommand::Accredit(a) => standing::accredit(a),
        OperatorCommand::Suspend(a) => standing::change(a, "suspend"),
        OperatorCommand::Reinstate(a) => standing::change(a, "reinstate"),
        OperatorCommand::Withdraw(a) => standing::change(a, "withdraw"),
        OperatorCommand::Backup(a) => backup::run(&a),
    }
}
