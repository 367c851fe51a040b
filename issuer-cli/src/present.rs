//! `skillpass present`: the holder shows chosen credentials to one verifier, bound to the
//! verifier's identifier (audience) and the nonce it supplied.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use chrono::Utc;
use clap::Args;
use credential_core::jws::MAX_JWS_LEN;
use credential_core::present;

use crate::{files, holder_verify};

/// `present`.
#[derive(Debug, Args)]
pub struct PresentArgs {
    /// The holder's private key file (the key of the DID the credentials were issued to).
    #[arg(long)]
    key: PathBuf,
    /// The verifier's identifier (e.g. its did:key), given by the verifier.
    #[arg(long)]
    audience: String,
    /// The nonce the verifier gave for this presentation.
    #[arg(long)]
    nonce: String,
    /// Credential files (compact vc+jwt).
    #[arg(required = true)]
    credentials: Vec<PathBuf>,
    /// Where to write the presentation (vp+jwt); standard output when absent.
    #[arg(long)]
    out: Option<PathBuf>,
}

/// Runs `present`.
pub fn run(a: PresentArgs) -> Result<u8> {
    let key = files::read_key(&a.key)?;
    let credentials = a
        .credentials
        .iter()
        .map(|p| holder_verify::read_bounded(p, MAX_JWS_LEN))
        .collect::<Result<Vec<_>>>()?;
    let vp = present(&key, &credentials, &a.audience, &a.nonce, Utc::now())
        .context("cannot make the presentation")?;
    match &a.out {
        Some(out) => {
            files::write_atomic(out, format!("{vp}\n").as_bytes(), false)?;
            eprintln!(
                "presented {} credential(s) to {} -> {}",
                credentials.len(),
                a.audience,
                out.display()
            );
        }
        None => println!("{vp}"),
    }
    Ok(0)
}
