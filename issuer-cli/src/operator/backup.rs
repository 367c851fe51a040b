//! `skillpass operator backup`: download a consistent, operator-signed backup of the
//! running registry's whole store, streamed to a file readable by its owner only (it holds
//! personal data) and checked with `skillpass-registry check --backup`.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use crate::common::args::arg_help;
use crate::common::client::SignerArgs;

#[derive(Debug, Args)]
#[command(mut_args(arg_help("key", "The operator's private key file")))]
pub(crate) struct BackupArgs {
    #[command(flatten)]
    signer: SignerArgs,
    /// Where to write the backup (created 0600; it holds personal data).
    #[arg(long)]
    out: PathBuf,
}

pub(super) fn run(a: &BackupArgs) -> Result<u8> {
    let (client, key) = a.signer.open()?;
    let bytes = client.signed_download("/admin/backup", &key, &a.out)?;
    println!("backup written to {} ({bytes} bytes)", a.out.display());
    println!(
        "verify it with: skillpass-registry check --backup {}",
        a.out.display()
    );
    Ok(0)
}
