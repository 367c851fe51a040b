//! `skillpass operator accredit`, `suspend`, `reinstate` and `withdraw`: the operator
//! changes an issuer's standing in the registry, signed with the operator's key; the
//! registry logs each change and carries it in its next trust bundle.

use std::path::PathBuf;

use anyhow::Result;
use chrono::{DateTime, Utc};
use clap::Args;
use credential_core::{format_time, ScopeItem};
use serde_json::{json, Value};

use crate::common::args::parse_time_arg;
use crate::common::client::{segment, set, text, Client, RegistryArg};
use crate::common::files;

#[derive(Debug, Args)]
pub(crate) struct AccreditArgs {
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
    #[arg(long, value_parser = parse_time_arg)]
    from: Option<DateTime<Utc>>,
    /// End of accreditation.
    #[arg(long, value_parser = parse_time_arg)]
    until: Option<DateTime<Utc>>,
}

#[derive(Debug, Args)]
pub(crate) struct StandingArgs {
    #[command(flatten)]
    registry: RegistryArg,
    /// The operator's private key file.
    #[arg(long)]
    key: PathBuf,
    /// The issuer's DID.
    #[arg(long)]
    issuer: String,
    /// Effective date (default: now).
    #[arg(long, value_parser = parse_time_arg)]
    effective: Option<DateTime<Utc>>,
    /// Reason (no personal data).
    #[arg(long)]
    reason: Option<String>,
}

pub(super) fn accredit(a: AccreditArgs) -> Result<u8> {
    let scope: Vec<String> = a.scope.iter().map(ToString::to_string).collect();
    let mut body = json!({ "scope": scope });
    if let Some(t) = a.from {
        set(&mut body, "validFrom", json!(format_time(t)));
    }
    if let Some(t) = a.until {
        set(&mut body, "validUntil", json!(format_time(t)));
    }
    send(&a.registry, &a.key, &a.issuer, "accredit", &body)
}

/// `suspend`, `reinstate` or `withdraw` (`action`, the last segment of the registry's path).
pub(super) fn change(a: StandingArgs, action: &str) -> Result<u8> {
    let mut body = json!({});
    if let Some(t) = a.effective {
        set(&mut body, "effective", json!(format_time(t)));
    }
    if let Some(r) = &a.reason {
        set(&mut body, "reason", json!(r));
    }
    send(&a.registry, &a.key, &a.issuer, action, &body)
}

fn send(
    registry: &RegistryArg,
    key: &std::path::Path,
    issuer: &str,
    action: &str,
    body: &Value,
) -> Result<u8> {
    let key = files::read_key(key)?;
    let reply = Client::new(&registry.url).signed(
        "POST",
        &format!("/issuers/{}/{action}", segment(issuer)),
        Some(body),
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
