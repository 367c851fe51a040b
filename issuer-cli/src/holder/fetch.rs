//! `skillpass fetch`: read a credential stored in the registry, as its issuer, its holder
//! or a verifier holding the holder's grant; the request is signed with the reader's key
//! and the credential written readable by its owner only (it describes a person).

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::Args;
use serde_json::Value;

use crate::common::args::arg_help;
use crate::common::client::{segment, SignerArgs};
use crate::common::files;

#[derive(Debug, Args)]
#[command(mut_args(arg_help(
    "key",
    "The reader's private key file: the issuer, the holder or a grantee"
)))]
pub(crate) struct FetchArgs {
    #[command(flatten)]
    signer: SignerArgs,
    /// The credential id.
    #[arg(long)]
    credential: String,
    /// Where to write the credential (compact JWS).
    #[arg(long)]
    out: PathBuf,
}

pub(crate) fn run(a: FetchArgs) -> Result<u8> {
    let (client, key) = a.signer.open()?;
    let v = client
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
