//! The wallet file on disk: where it is (`--wallet`), its passphrase, opening and saving
//! it. Shared by the wallet's commands and by `wallet receive`.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use clap::Args;
use credential_core::wallet::MAX_WALLET_LEN;
use credential_core::Wallet;
use zeroize::Zeroizing;

use crate::common::files;
use crate::common::said::said;
use credential_core::i18n::Msg;

/// The environment variable holding the wallet passphrase (else it is asked for).
const PASSPHRASE_ENV: &str = "SKILLPASS_PASSPHRASE";
/// Shortest passphrase accepted for a new wallet.
const MIN_NEW_PASSPHRASE: usize = 8;

/// `--wallet`, shared by every wallet command.
#[derive(Debug, Args, Clone)]
pub(crate) struct WalletFile {
    /// The wallet file (default: $SKILLPASS_WALLET, else ~/.skillpass/wallet.jwe).
    #[arg(long, env = "SKILLPASS_WALLET")]
    pub(super) wallet: Option<PathBuf>,
}

impl WalletFile {
    pub(crate) fn path(&self) -> Result<PathBuf> {
        if let Some(p) = &self.wallet {
            return Ok(p.clone());
        }
        let home = std::env::var_os("HOME").context("no --wallet given and no HOME")?;
        Ok(PathBuf::from(home).join(".skillpass").join("wallet.jwe"))
    }
}

/// The passphrase from the environment, or asked for on the terminal (twice for a new one).
pub(super) fn passphrase(new: bool) -> Result<Zeroizing<String>> {
    let phrase = match std::env::var(PASSPHRASE_ENV) {
        Ok(p) if !p.is_empty() => Zeroizing::new(p),
        _ => {
            let first = Zeroizing::new(
                rpassword::prompt_password("Wallet passphrase: ").with_context(|| {
                    format!("cannot read a passphrase (set {PASSPHRASE_ENV} or use a terminal)")
                })?,
            );
            if new {
                let again = Zeroizing::new(
                    rpassword::prompt_password("Repeat the passphrase: ")
                        .context("cannot read the passphrase")?,
                );
                if *first != *again {
                    return Err(said(Msg::new("cli-passphrases-differ")));
                }
            }
            first
        }
    };
    if new && phrase.chars().count() < MIN_NEW_PASSPHRASE {
        return Err(said(
            Msg::new("cli-passphrase-short").arg("min", MIN_NEW_PASSPHRASE.to_string()),
        ));
    }
    Ok(phrase)
}

/// Opens the wallet at `path` with the passphrase.
pub(super) fn open(path: &Path) -> Result<(Wallet, Zeroizing<String>)> {
    if !path.exists() {
        return Err(said(
            Msg::new("cli-no-wallet").arg("path", path.display().to_string()),
        ));
    }
    let text = files::read_text(path, MAX_WALLET_LEN as u64)?;
    let phrase = passphrase(false)?;
    let wallet = Wallet::open(&text, phrase.as_bytes())
        .with_context(|| format!("cannot open the wallet {}", path.display()))?;
    Ok((wallet, phrase))
}

/// Seals `wallet` with the passphrase and writes it atomically.
pub(super) fn save(path: &Path, wallet: &Wallet, phrase: &str) -> Result<()> {
    let sealed = wallet.seal(phrase.as_bytes())?;
    files::write_atomic(path, format!("{sealed}\n").as_bytes(), true)
}
