//! `skillpass issuer`: an institution registers itself with the registry, or rotates its key.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::{Args, Subcommand};
use credential_core::request::sign_key_proof;
use credential_core::ScopeItem;
use serde_json::json;

use crate::client::{segment, set, text, Client, RegistryArg};
use crate::files;

/// `issuer` commands.
#[derive(Debug, Subcommand)]
pub enum IssuerCommand {
    /// Register this institution (signed by its key); it is pending until accredited.
    Register(RegisterArgs),
    /// Replace the signing key; the old key stays listed with its end date.
    RotateKey(RotateArgs),
}

/// `issuer register`.
#[derive(Debug, Args)]
pub struct RegisterArgs {
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

/// `issuer rotate-key`.
#[derive(Debug, Args)]
pub struct RotateArgs {
    #[command(flatten)]
    registry: RegistryArg,
    /// The current private key file.
    #[arg(long)]
    key: PathBuf,
    /// The new private key file (create it with `skillpass key new`).
    #[arg(long)]
    new_key: PathBuf,
    /// The issuer DID (default: the current key's did:key, right for a first rotation).
    #[arg(long)]
    issuer: Option<String>,
}

/// Runs an `issuer` command.
pub fn run(command: IssuerCommand) -> Result<u8> {
    match command {
        IssuerCommand::Register(a) => {
            let key = files::read_key(&a.key)?;
            let scope: Vec<String> = a.scope.iter().map(ToString::to_string).collect();
            let mut body = json!({"name": a.name, "country": a.country.to_uppercase(), "requestedScope": scope});
            if let Some(contact) = &a.contact {
                set(&mut body, "contact", json!(contact));
            }
            let reply =
                Client::new(&a.registry.url).signed("POST", "/issuers", Some(&body), &key)?;
            let v = reply.json()?;
            println!(
                "registered {} ({}), standing {}",
                text(&v, "id"),
                a.name,
                text(&v, "standing")
            );
        }
        IssuerCommand::RotateKey(a) => {
            let key = files::read_key(&a.key)?;
            let new_key = files::read_key(&a.new_key).context("--new-key")?;
            let issuer = a.issuer.unwrap_or_else(|| key.public().did());
            let body = json!({"newKey": new_key.public().did(), "proof": sign_key_proof(&new_key, &issuer)});
            Client::new(&a.registry.url).signed(
                "POST",
                &format!("/issuers/{}/keys", segment(&issuer)),
                Some(&body),
                &key,
            )?;
            println!(
                "issuer {issuer} now signs with {}; the old key stays listed until now",
                new_key.public().did_url()
            );
            println!(
                "issue with: skillpass issue --key {} --issuer {issuer} …",
                a.new_key.display()
            );
        }
    }
    Ok(0)
}
