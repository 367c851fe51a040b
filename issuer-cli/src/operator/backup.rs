//! `skillpass operator backup`: download a consistent, operator-signed backup of the
//! running registry's whole store, streamed to a file readable by its owner only (it holds
//! personal data) and checked with `skillpass-registry check --backup`.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use crate::common::client::{Client, RegistryArg};
use crate::common::files;

#[derive(Debug, Args)]
pub(crate) struct BackupArgs {
    #[command(flatten)]
    registry: RegistryArg,
    /// The operator's private key file.
    #[arg(long)]
    key: PathBuf,
    /// Where to write the backup (created 0600; it holds personal data).
    #[arg(long)]
    out: PathBuf,
}

pub(super) fn run(a: &BackupArgs) -> Result<u8> {
    let key = files::read_key(&a.key)?;
    let bytes = Client::new(&a.registry.url).signed_download("/admin/backup", &key, &a.out)?;
    println!("backup written to {} ({bytes} bytes)", a.out.display());
    println!(
        "verify it with: skillpass-registry check --backup {}",
        a.out.display()
    );
    Ok(0)
}
