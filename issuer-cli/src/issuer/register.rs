//! `skillpass issuer register`: an institution asks the registry to list it, signed with
//! the key whose did:key becomes its issuer DID; it stays pending until the operator
//! accredits it.

use anyhow::Result;
use clap::Args;
use credential_core::ScopeItem;
use serde_json::json;

use crate::common::args::arg_help;
use crate::common::client::{set, text, SignerArgs};

#[derive(Debug, Args)]
#[command(mut_args(arg_help(
    "key",
    "The institution's private key file (its did:key becomes the issuer DID)"
)))]
pub(crate) struct RegisterArgs {
    #[command(flatten)]
    signer: SignerArgs,
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
    let (client, key) = a.signer.open()?;
    let scope: Vec<String> = a.scope.iter().map(ToString::to_string).collect();
    let mut body =
        json!({"name": a.name, "country": a.country.to_uppercase(), "requestedScope": scope});
    if let Some(contact) = &a.contact {
        set(&mut body, "contact", json!(contact));
    }
    let reply = client.signed("POST", "/issuers", Some(&body), &key)?;
    let v = reply.json()?;
    println!(
        "registered {} ({}), standing {}",
        text(&v, "id"),
        a.name,
        text(&v, "standing")
    );
    Ok(0)
}
