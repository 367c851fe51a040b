//! `skillpass key`: generate Ed25519 (default), P-256 (`--alg ES256`), P-384 (`--alg ES384`)
//! or P-521 (`--alg ES512`) keys as private JWK files (mode 0600) and show their public forms —
//! did:key, did:jwk, DID URL (`kid`), public JWK, RFC 7638 thumbprint — never the secret.

use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::{Args, Subcommand};
use credential_core::{Algorithm, SecretKey};

use crate::common::files;

#[derive(Debug, Subcommand)]
pub(crate) enum KeyCommand {
    /// Generate a key (Ed25519, or P-256 with `--alg ES256`), write it as a private JWK
    /// (mode 0600) and print its did:key.
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
    /// The signature algorithm: `EdDSA` (Ed25519, the default), `ES256` (P-256, which
    /// the OpenID high-assurance profile HAIP requires wallets to support), `ES384`
    /// (P-384) or `ES512` (P-521).
    #[arg(long, default_value = "EdDSA", value_name = "ALG")]
    alg: Algorithm,
}

#[derive(Debug, Args)]
pub(crate) struct ShowArgs {
    /// The private key file.
    file: PathBuf,
    /// Print the public JWK (for any JOSE library).
    #[arg(long, conflicts_with_all = ["thumbprint", "did_url", "did_jwk"])]
    public_jwk: bool,
    /// Print the RFC 7638 JWK thumbprint.
    #[arg(long, conflicts_with_all = ["did_url", "did_jwk"])]
    thumbprint: bool,
    /// Print the DID URL used as `kid`.
    #[arg(long, conflicts_with = "did_jwk")]
    did_url: bool,
    /// Print the key as a did:jwk (how many wallets name holder keys).
    #[arg(long)]
    did_jwk: bool,
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
            let key = SecretKey::generate_for(a.alg);
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
            } else if a.did_jwk {
                println!("{}", public.did_jwk());
            } else {
                println!("did:        {}", public.did());
                println!("kid:        {}", public.did_url());
                println!("thumbprint: {}", public.thumbprint());
                println!("alg:        {}", public.algorithm().describe());
            }
        }
    }
    Ok(0)
}
