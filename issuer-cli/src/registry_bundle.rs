//! `skillpass bundle fetch`: download the registry's current trust bundle, cheaply when it
//! has not changed (the ETag is kept next to the file).

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use clap::Args;
use credential_core::trust::{peek_unchecked, MAX_BUNDLE_LEN};
use credential_core::TrustAnchor;

use crate::client::{Client, RegistryArg};
use crate::files;

/// `bundle fetch`.
#[derive(Debug, Args)]
pub struct FetchArgs {
    #[command(flatten)]
    registry: RegistryArg,
    /// Where to write the bundle.
    #[arg(long)]
    out: PathBuf,
    /// The pinned anchor did:key: verify the bundle before writing it, and refuse one
    /// older than the file already at --out.
    #[arg(long)]
    anchor: Option<String>,
}

fn etag_path(out: &Path) -> PathBuf {
    let mut name = out
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".etag");
    out.with_file_name(name)
}

/// Runs `bundle fetch`.
pub fn run(a: FetchArgs) -> Result<u8> {
    let tag_file = etag_path(&a.out);
    let cached = if a.out.exists() {
        std::fs::read_to_string(&tag_file)
            .ok()
            .map(|t| t.trim().to_owned())
    } else {
        None
    };
    let reply = Client::new(&a.registry.url).get("/bundle", cached.as_deref())?;
    if reply.status == 304 {
        println!("bundle unchanged at {}", a.out.display());
        return Ok(0);
    }
    let jws = reply.body.trim();
    let sequence = match &a.anchor {
        Some(anchor) => {
            let anchor = TrustAnchor::from_did(anchor).context("--anchor")?;
            let seen = files::read_text(&a.out, MAX_BUNDLE_LEN as u64)
                .ok()
                .and_then(|t| peek_unchecked(t.trim()))
                .map(|b| b.sequence);
            anchor.verify_bundle(jws, seen)?.sequence()
        }
        None => match peek_unchecked(jws) {
            Some(b) => b.sequence,
            None => bail!("the registry did not answer with a trust bundle"),
        },
    };
    files::write_atomic(&a.out, format!("{jws}\n").as_bytes(), false)?;
    if let Some(tag) = &reply.etag {
        files::write_atomic(&tag_file, tag.as_bytes(), false)?;
    }
    println!("bundle {sequence} written to {}", a.out.display());
    Ok(0)
}
