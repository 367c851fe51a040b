//! `skillpass authority register`: the operator lists a recognition authority in the
//! registry (its did:key, name and the country whose recognition it decides); only then do
//! its decisions count there.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use serde_json::json;

use crate::common::client::{text, Client, RegistryArg};
use crate::common::files;

#[derive(Debug, Args)]
pub(crate) struct RegisterArgs {
    #[command(flatten)]
    registry: RegistryArg,
    /// The operator's private key file (the registry's DATA/operator.key).
    #[arg(long)]
    key: PathBuf,
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
    let key = files::read_key(&a.key)?;
    let body = json!({
        "id": a.authority,
        "name": a.name,
        "country": a.country.to_uppercase(),
        "jurisdiction": a.jurisdiction.clone().unwrap_or_default(),
    });
    let v = Client::new(&a.registry.url)
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
