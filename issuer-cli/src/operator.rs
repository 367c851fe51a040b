//! `skillpass operator`: the registry operator accredits, suspends, reinstates and
//! withdraws issuers.

use std::path::PathBuf;

use anyhow::Result;
use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use credential_core::{format_time, ScopeItem};
use serde_json::json;

use crate::client::{segment, set, text, Client, RegistryArg};
use crate::files;

/// `operator` commands.
#[derive(Debug, Subcommand)]
pub enum OperatorCommand {
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

/// `operator backup`.
#[derive(Debug, Args)]
pub struct BackupArgs {
    #[command(flatten)]
    registry: RegistryArg,
    /// The operator's private key file.
    #[arg(long)]
    key: PathBuf,
    /// Where to write the backup (created 0600; it holds personal data).
    #[arg(long)]
    out: PathBuf,
}

/// `operator accredit`.
#[derive(Debug, Args)]
pub struct AccreditArgs {
    #[command(flatten)]
    registry: RegistryArg,
    /// The operator's private key file (the registry's DATA/operator.key).
    #[arg(long)]
    key: PathBuf,
    /// The issuer's DID.
    #[arg(long)]
    issuer: String,
    /// TYPE or TYPE:MAX-LEVEL, e.g. QualificationCredential:PQF-6 (repeatable).
    #[arg(long, required = true)]
    scope: Vec<ScopeItem>,
    /// Start of accreditation (default: now).
    #[arg(long, value_parser = files::parse_time_arg)]
    from: Option<DateTime<Utc>>,
    /// End of accreditation.
    #[arg(long, value_parser = files::parse_time_arg)]
    until: Option<DateTime<Utc>>,
}

/// `operator suspend` / `reinstate` / `withdraw`.
#[derive(Debug, Args)]
pub struct StandingArgs {
    #[command(flatten)]
    registry: RegistryArg,
    /// The operator's private key file.
    #[arg(long)]
    key: PathBuf,
    /// The issuer's DID.
    #[arg(long)]
    issuer: String,
    /// Effective date (default: now).
    #[arg(long, value_parser = files::parse_time_arg)]
    effective: Option<DateTime<Utc>>,
    /// Reason (no personal data).
    #[arg(long)]
    reason: Option<String>,
}

/// Runs an `operator` command.
pub fn run(command: OperatorCommand) -> Result<u8> {
    let (registry, key, issuer, action, body) = match command {
        OperatorCommand::Accredit(a) => {
            let scope: Vec<String> = a.scope.iter().map(ToString::to_string).collect();
            let mut body = json!({ "scope": scope });
            if let Some(t) = a.from {
                set(&mut body, "validFrom", json!(format_time(t)));
            }
            if let Some(t) = a.until {
                set(&mut body, "validUntil", json!(format_time(t)));
            }
            (a.registry, a.key, a.issuer, "accredit", body)
        }
        OperatorCommand::Suspend(a) => standing(a, "suspend"),
        OperatorCommand::Reinstate(a) => standing(a, "reinstate"),
        OperatorCommand::Withdraw(a) => standing(a, "withdraw"),
        OperatorCommand::Backup(a) => return backup(&a),
    };
    let key = files::read_key(&key)?;
    let reply = Client::new(&registry.url).signed(
        "POST",
        &format!("/issuers/{}/{action}", segment(&issuer)),
        Some(&body),
        &key,
    )?;
    let v = reply.json()?;
    println!(
        "{} ({}): standing now {}",
        text(&v, "name"),
        issuer,
        text(&v, "standing")
    );
    Ok(0)
}

fn standing(
    a: StandingArgs,
    action: &'static str,
) -> (
    RegistryArg,
    PathBuf,
    String,
    &'static str,
    serde_json::Value,
) {
    let mut body = json!({});
    if let Some(t) = a.effective {
        set(&mut body, "effective", json!(format_time(t)));
    }
    if let Some(r) = &a.reason {
        set(&mut body, "reason", json!(r));
    }
    (a.registry, a.key, a.issuer, action, body)
}

fn backup(a: &BackupArgs) -> Result<u8> {
    let key = files::read_key(&a.key)?;
    let bytes = Client::new(&a.registry.url).signed_download("/admin/backup", &key, &a.out)?;
    println!("backup written to {} ({bytes} bytes)", a.out.display());
    println!(
        "verify it with: skillpass-registry check --backup {}",
        a.out.display()
    );
    Ok(0)
}
