//! `skillpass present`: the holder shows chosen credentials to one verifier, bound to the
//! verifier's identifier (audience) and the nonce it supplied.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use chrono::Utc;
use clap::Args;
use credential_core::jws::MAX_JWS_LEN;
use credential_core::sdjwt::{self, MAX_SD_JWT_LEN};
use credential_core::{present, CredentialFormat};

use super::{wallet, wallet_file};
use crate::common::files;
use crate::common::said::said;
use credential_core::i18n::Msg;

#[derive(Debug, Args)]
pub(crate) struct PresentArgs {
    /// The holder's private key file (the key of the DID the credentials were issued to).
    #[arg(long, required_unless_present = "wallet", conflicts_with = "wallet")]
    key: Option<PathBuf>,
    /// Take the holder key and the credentials from this wallet.
    #[arg(long)]
    wallet: Option<PathBuf>,
    /// A wallet credential to present: position, id, or end of id (repeatable; not needed
    /// when the wallet holds one credential).
    #[arg(long = "credential", requires = "wallet")]
    from_wallet: Vec<String>,
    /// The verifier's identifier (e.g. its did:key), given by the verifier.
    #[arg(long)]
    audience: String,
    /// The nonce the verifier gave for this presentation.
    #[arg(long)]
    nonce: String,
    /// Credential files (compact vc+jwt or SD-JWT). With --wallet and neither files nor
    /// --credential, the wallet's only credential.
    #[arg(required_unless_present = "wallet")]
    credentials: Vec<PathBuf>,
    /// For an SD-JWT credential: the claims to disclose, e.g. `title,level` (the others
    /// stay hidden; the level is always shown). Comma-separated or repeated.
    #[arg(long, value_delimiter = ',')]
    disclose: Vec<String>,
    /// Where to write the presentation (vp+jwt, or SD-JWT with key binding); standard
    /// output when absent.
    #[arg(long)]
    out: Option<PathBuf>,
}

pub(crate) fn run(a: PresentArgs) -> Result<u8> {
    let (key, mut credentials) = match (&a.key, &a.wallet) {
        (Some(key), _) => (files::read_key(key)?, Vec::new()),
        (None, Some(path)) => {
            let (wallet, _) = wallet_file::open(path)?;
            // Files given with --wallet are presented with the wallet's key, as they are.
            let chosen = if a.from_wallet.is_empty() && !a.credentials.is_empty() {
                Vec::new()
            } else {
                wallet::credentials_for_presentation(&wallet, path, &a.from_wallet)?
            };
            (wallet.into_key(), chosen)
        }
        (None, None) => return Err(said(Msg::new("cli-present-key-or-wallet"))),
    };
    for p in &a.credentials {
        credentials.push(files::read_input(p, MAX_SD_JWT_LEN)?);
    }
    let sd: Vec<&String> = credentials
        .iter()
        .filter(|c| CredentialFormat::detect(c).is_sd_jwt())
        .collect();
    let vp = match (sd.as_slice(), credentials.len()) {
        ([one], 1) => sdjwt::present(&key, one, &a.disclose, &a.audience, &a.nonce, Utc::now())
            .context("cannot make the SD-JWT presentation")?,
        ([], _) => {
            if !a.disclose.is_empty() {
                return Err(said(Msg::new("cli-disclose-sd-only")));
            }
            if let Some(big) = credentials.iter().position(|c| c.len() > MAX_JWS_LEN) {
                return Err(said(
                    Msg::new("cli-credential-too-large")
                        .arg("n", (big + 1).to_string())
                        .arg("max", MAX_JWS_LEN.to_string()),
                ));
            }
            present(&key, &credentials, &a.audience, &a.nonce, Utc::now())
                .context("cannot make the presentation")?
        }
        _ => return Err(said(Msg::new("cli-sd-jwt-alone"))),
    };
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
