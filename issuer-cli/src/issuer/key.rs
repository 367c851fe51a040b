//! `skillpass key`: generate Ed25519 keys as private JWK files (mode 0600) and show their
//! public forms — did:key, DID URL (`kid`), public JWK, RFC 7638 thumbprint — never the
//! secret.

use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::{Args, Subcommand};
use credential_core::SecretKey;

use crate::common::files;

#[derive(Debug, Subcommand)]
pub(crate) enum KeyCommand {
    /// Generate an Ed25519 key, write it as a private JWK (mode 0600) and print its did:key.
    New(NewArgs),
    /// Show the public forms of a key file (never the secret).
    Show(ShowArgs),
}

#[derive(Debug, Args)]
pub(crate) struct NewArgs {
    /// Where to write the private key.
    #[arg(long)]
    out: PathBuf,
    /// Replace an existing file (its key is lost).
    #[arg(long)]
    force: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ShowArgs {
    /// The private key file.
    file: PathBuf,
    /// Print the public JWK (for any JOSE library).
    #[arg(long, conflicts_with_all = ["thumbprint", "did_url"])]
    public_jwk: bool,
    /// Print the RFC 7638 JWK thumbprint.
    #[arg(long, conflicts_with = "did_url")]
    thumbprint: bool,
    /// Print the DID URL used as `kid`.
    #[arg(long)]
    did_url: bool,
}

pub(crate) fn run(command: KeyCommand) -> Result<u8> {
    match command {
        KeyCommand::New(a) => {
            if a.out.exists() && !a.force {
                bail!(
                    "{} exists; refusing to overwrite a key (use --force to replace it)",
                    a.out.display()
                );
            }
            let key = SecretKey::generate();
            files::write_atomic(&a.out, key.to_private_jwk().as_bytes(), true)?;
            println!("{}", key.public().did());
        }
        KeyCommand::Show(a) => {
            let public = files::read_key(&a.file)?.public();
            if a.public_jwk {
                let mut jwk = public.to_jwk();
                jwk.kid = Some(public.did_url());
                println!("{}", serde_json::to_string_pretty(&jwk)?);
            } else if a.thumbprint {
                println!("{}", public.thumbprint());
            } else if a.did_url {
                println!("{}", public.did_url());
            } else {
                println!("did:        {}", public.did());
                println!("kid:        {}", public.did_url());
                println!("thumbprint: {}", public.thumbprint());
            }
        }
    }
    Ok(0)
}
