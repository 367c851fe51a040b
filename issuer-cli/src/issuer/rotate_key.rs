//! `skillpass issuer rotate-key`: the issuer's current key signs the request, the new key
//! signs a proof that it belongs to the issuer; the registry lists the new key and ends the
//! old one now (credentials signed before stay valid).

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::Args;
use credential_core::request::sign_key_proof;
use serde_json::json;

use crate::common::args::arg_help;
use crate::common::client::{segment, SignerArgs};
use crate::common::files;

#[derive(Debug, Args)]
#[command(mut_args(arg_help("key", "The current private key file")))]
pub(crate) struct RotateArgs {
    #[command(flatten)]
    signer: SignerArgs,
    /// The new private key file (create it with `skillpass key new`).
    #[arg(long)]
    new_key: PathBuf,
    /// The issuer DID (default: the current key's did:key, right for a first rotation).
    #[arg(long)]
    issuer: Option<String>,
}

pub(super) fn run(a: RotateArgs) -> Result<u8> {
    let (client, key) = a.signer.open()?;
    let new_key = files::read_key(&a.new_key).context("--new-key")?;
    let issuer = a.issuer.unwrap_or_else(|| key.public().did());
    let body =
        json!({"newKey": new_key.public().did(), "proof": sign_key_proof(&new_key, &issuer)});
    client.signed(
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
    Ok(0)
}
