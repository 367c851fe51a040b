//! `skillpass operator accredit`, `suspend`, `reinstate` and `withdraw`: the operator
//! changes an issuer's standing in the registry, signed with the operator's key; the
//! registry logs each change and carries it in its next trust bundle.

use anyhow::Result;
use chrono::{DateTime, Utc};
use clap::Args;
use credential_core::{format_time, ScopeItem};
use serde_json::{json, Value};

use crate::common::args::{arg_help, parse_time_arg};
use crate::common::client::{segment, set, text, SignerArgs};

#[derive(Debug, Args)]
#[command(mut_args(arg_help(
    "key",
    "The operator's private key file (the registry's DATA/operator.key)"
)))]
pub(crate) struct AccreditArgs {
    #[command(flatten)]
    signer: SignerArgs,
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
#[command(mut_args(arg_help("key", "The operator's private key file")))]
pub(crate) struct StandingArgs {
    #[command(flatten)]
    signer: SignerArgs,
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
    send(&a.signer, &a.issuer, "accredit", &body)
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
    send(&a.signer, &a.issuer, action, &body)
}

fn send(signer: &SignerArgs, issuer: &str, action: &str, body: &Value) -> Result<u8> {
    let (client, key) = signer.open()?;
    let reply = client.signed(
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
