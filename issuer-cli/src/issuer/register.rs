//! `skillpass issuer register`: an institution asks the registry to list it, signed with
//! the key whose did:key becomes its issuer DID; it stays pending until the operator
//! accredits it.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use credential_core::ScopeItem;
use serde_json::json;

use crate::common::client::{set, text, Client, RegistryArg};
use crate::common::files;

#[derive(Debug, Args)]
pub(crate) struct RegisterArgs {
    #[command(flatten)]
    registry: RegistryArg,
    /// The institution's private key file (its did:key becomes the issuer DID).
    #[arg(long)]
    key: PathBuf,
    /// Institution name.
    #[arg(long)]
    name: String,
    /// ISO 3166-1 alpha-2 country, e.g. PH.
    #[arg(long)]
    country: String,
    /// Contact address for the operator (never published).
    #[arg(long)]
    contact: Option<String>,
    /// Requested scope: TYPE or TYPE:MAX-LEVEL (repeatable).
    #[arg(long)]
    scope: Vec<ScopeItem>,
}

pub(super) fn run(a: RegisterArgs) -> Result<u8> {
    let key = files::read_key(&a.key)?;
    let scope: Vec<String> = a.scope.iter().map(ToString::to_string).collect();
    let mut body =
        json!({"name": a.name, "country": a.country.to_uppercase(), "requestedScope": scope});
    if let Some(contact) = &a.contact {
        set(&mut body, "contact", json!(contact));
    }
    let reply = Client::new(&a.registry.url).signed("POST", "/issuers", Some(&body), &key)?;
    let v = reply.json()?;
    println!(
        "registered {} ({}), standing {}",
        text(&v, "id"),
        a.name,
        text(&v, "standing")
    );
    Ok(0)
}
