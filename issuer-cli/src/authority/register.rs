//! `skillpass authority register`: the operator lists a recognition authority in the
//! registry (its did:key, name and the country whose recognition it decides); only then do
//! its decisions count there.

use anyhow::Result;
use clap::Args;
use serde_json::json;

use crate::common::args::arg_help;
use crate::common::client::{text, SignerArgs};

#[derive(Debug, Args)]
#[command(mut_args(arg_help(
    "key",
    "The operator's private key file (the registry's DATA/operator.key)"
)))]
pub(crate) struct RegisterArgs {
    #[command(flatten)]
    signer: SignerArgs,
    /// The authority's did:key (its decisions and requests are signed with that key).
    #[arg(long)]
    authority: String,
    /// The authority's name.
    #[arg(long)]
    name: String,
    /// ISO 3166-1 alpha-2 code of the country whose recognition it decides, e.g. DE.
    #[arg(long)]
    country: String,
    /// Its jurisdiction in words, e.g. "nursing, Land Berlin".
    #[arg(long)]
    jurisdiction: Option<String>,
}

pub(super) fn run(a: &RegisterArgs) -> Result<u8> {
    let (client, key) = a.signer.open()?;
    let body = json!({
        "id": a.authority,
        "name": a.name,
        "country": a.country.to_uppercase(),
        "jurisdiction": a.jurisdiction.clone().unwrap_or_default(),
    });
    let v = client
        .signed("POST", "/authorities", Some(&body), &key)?
        .json()?;
    println!(
        "registered authority {} ({}, decides for {})",
        text(&v, "id"),
        text(&v, "name"),
        text(&v, "country")
    );
    Ok(0)
}
