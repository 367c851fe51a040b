//! `skillpass grant`: the holder lets one verifier read a credential stored in the registry
//! for a number of hours, or revokes that grant early. The grantee reads it with
//! `skillpass fetch`.

use anyhow::{Context as _, Result};
use chrono::{Duration, Utc};
use clap::Args;
use credential_core::format_time;
use serde_json::{json, Value};

use crate::common::args::arg_help;
use crate::common::client::{segment, text, SignerArgs};

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["to", "revoke"])))]
#[command(mut_args(arg_help(
    "key",
    "The holder's private key file (the DID in credentialSubject.id)"
)))]
pub(crate) struct GrantArgs {
    #[command(flatten)]
    signer: SignerArgs,
    /// The credential id (urn:uuid:…).
    #[arg(long)]
    credential: String,
    /// The verifier's did:key.
    #[arg(long, requires = "hours")]
    to: Option<String>,
    /// How long the grant lasts.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=8784))]
    hours: Option<u32>,
    /// Revoke this grant id instead.
    #[arg(long)]
    revoke: Option<String>,
}

pub(crate) fn run(a: GrantArgs) -> Result<u8> {
    let (client, key) = a.signer.open()?;
    let base = format!("/credentials/{}/grants", segment(&a.credential));
    if let Some(grant) = &a.revoke {
        client.signed("DELETE", &format!("{base}/{}", segment(grant)), None, &key)?;
        println!("grant {grant} revoked");
        return Ok(0);
    }
    let to = a.to.context("--to is required")?;
    let hours = a.hours.context("--hours is required")?;
    let expires = Utc::now() + Duration::hours(i64::from(hours));
    let body = json!({"grantee": to, "expiresAt": format_time(expires)});
    let v: Value = client.signed("POST", &base, Some(&body), &key)?.json()?;
    println!(
        "grant {} lets {to} read {} until {}",
        text(&v, "id"),
        a.credential,
        text(&v, "expiresAt")
    );
    Ok(0)
}
