//! `skillpass context`: the JSON-LD contexts Skillpass ships and accepts, with the URL each
//! is known by and its digest (`digestSRI`), and any one of them written out — the same
//! bytes the verifier expands with and the registry serves at `/contexts/<file>`.

use std::path::PathBuf;

use anyhow::{bail, Result};
use clap::Args;
use credential_core::jsonld::{KNOWN_CONTEXTS, SKILLPASS_CONTEXT};

use crate::common::files;

#[derive(Debug, Args)]
pub(crate) struct ContextArgs {
    /// Which context, by file name or URL (default: the Skillpass context,
    /// skillpass-v1.jsonld).
    name: Option<String>,
    /// Write the context to this file instead of standard output.
    #[arg(long, conflicts_with = "list")]
    out: Option<PathBuf>,
    /// List the contexts: URL, digestSRI, file name.
    #[arg(long)]
    list: bool,
}

pub(crate) fn run(a: ContextArgs) -> Result<u8> {
    if a.list {
        for c in KNOWN_CONTEXTS {
            println!(
                "{}\n  digestSRI {}\n  file      {}",
                c.url, c.digest_sri, c.file
            );
        }
        return Ok(0);
    }
    let context = match a.name.as_deref() {
        None => &SKILLPASS_CONTEXT,
        Some(name) => match KNOWN_CONTEXTS
            .iter()
            .find(|c| c.file == name || c.url == name)
        {
            Some(c) => c,
            None => bail!(
                "no shipped context {name:?}; the contexts are {} (see skillpass context --list)",
                KNOWN_CONTEXTS
                    .iter()
                    .map(|c| c.file)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        },
    };
    match &a.out {
        Some(path) => {
            files::write_atomic(path, context.text.as_bytes(), false)?;
            eprintln!("{} -> {}", context.url, path.display());
        }
        None => print!("{}", context.text),
    }
    Ok(0)
}
