//! `skillpass bundle fetch`: download the registry's current trust bundle, cheaply when it
//! has not changed (the ETag is kept next to the file).

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use clap::Args;
use credential_core::trust::{peek_unchecked, MAX_BUNDLE_LEN};
use credential_core::TrustAnchor;

use crate::common::client::{Client, RegistryArg};
use crate::common::files;
use crate::common::seen_file::SeenFile;

#[derive(Debug, Args)]
pub(crate) struct FetchArgs {
    #[command(flatten)]
    registry: RegistryArg,
    /// Where to write the bundle.
    #[arg(long)]
    out: PathBuf,
    /// The pinned anchor did:key: verify the bundle before writing it, and refuse one
    /// older than the file already at --out or than one this verifier has seen, or a
    /// different bundle with a sequence already seen.
    #[arg(long)]
    anchor: Option<String>,
    /// The verifier's memory of bundles seen (default: $SKILLPASS_STATE, else
    /// ~/.skillpass/seen-bundles.json).
    #[arg(long, requires = "anchor")]
    state: Option<PathBuf>,
}

/// `OUT.etag`, where the ETag of the bundle at `OUT` is kept for the next fetch.
fn etag_path(out: &Path) -> PathBuf {
    let mut name = out
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".etag");
    out.with_file_name(name)
}

pub(super) fn run(a: FetchArgs) -> Result<u8> {
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
            let mut seen = SeenFile::open(a.state.clone())?;
            // The file being replaced counts as seen, even if this memory never saw it.
            if let Some(old) = files::read_text(&a.out, MAX_BUNDLE_LEN as u64)
                .ok()
                .and_then(|t| anchor.verify_bundle(t.trim(), None).ok())
            {
                seen.remember(&old);
            }
            seen.admit(&anchor, jws)?.sequence()
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
