//! `skillpass grant` and `skillpass fetch`: the holder lets one verifier read a stored
//! credential for a while (or revokes that), and a holder, issuer or grantee reads it.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use chrono::{Duration, Utc};
use clap::Args;
use credential_core::format_time;
use serde_json::{json, Value};

use crate::client::{segment, text, Client, RegistryArg};
use crate::files;

/// `grant`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["to", "revoke"])))]
pub struct GrantArgs {
    #[command(flatten)]
    registry: RegistryArg,
    /// The holder's private key file (the DID in credentialSubject.id).
    #[arg(long)]
    key: PathBuf,
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

/// `fetch`.
#[derive(Debug, Args)]
pub struct FetchArgs {
    #[command(flatten)]
    registry: RegistryArg,
    /// The reader's private key file: the issuer, the holder or a grantee.
    #[arg(long)]
    key: PathBuf,
    /// The credential id.
    #[arg(long)]
    credential: String,
    /// Where to write the credential (compact JWS).
    #[arg(long)]
    out: PathBuf,
}

/// Runs `grant`.
pub fn run(a: GrantArgs) -> Result<u8> {
    let key = files::read_key(&a.key)?;
    let client = Client::new(&a.registry.url);
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

/// Runs `fetch`.
pub fn fetch(a: FetchArgs) -> Result<u8> {
    let key = files::read_key(&a.key)?;
    let v = Client::new(&a.registry.url)
        .signed(
            "GET",
            &format!("/credentials/{}", segment(&a.credential)),
            None,
            &key,
        )?
        .json()?;
    let jws = v
        .get("jws")
        .and_then(Value::as_str)
        .context("the answer has no jws")?;
    files::write_atomic(&a.out, format!("{jws}\n").as_bytes(), true)?;
    println!("{} written to {}", a.credential, a.out.display());
    Ok(0)
}
