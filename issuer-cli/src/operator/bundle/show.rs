//! `skillpass bundle show`: verify a bundle against the anchor and print what it holds.
//! Inspecting is not trusting: an operator shows old bundles too, so the verifier's memory
//! of bundles is neither consulted nor updated here.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use chrono::Utc;
use clap::Args;
use credential_core::trust::MAX_BUNDLE_LEN;
use credential_core::TrustAnchor;

use crate::common::files;

#[derive(Debug, Args)]
pub(crate) struct ShowArgs {
    /// The bundle file.
    file: PathBuf,
    /// The pinned anchor did:key.
    #[arg(long)]
    anchor: String,
}

pub(super) fn run(a: &ShowArgs) -> Result<u8> {
    let anchor = TrustAnchor::from_did(&a.anchor).context("--anchor")?;
    let text = files::read_text(&a.file, MAX_BUNDLE_LEN as u64)?;
    let bundle = anchor.verify_bundle(text.trim(), None)?;
    let b = bundle.bundle();
    println!("bundle {} by {}", b.sequence, b.anchor);
    println!("issued {}, next update {}", b.issued_at, b.next_update);
    for issuer in &b.issuers {
        let scope: Vec<String> = issuer
            .accreditation
            .scope
            .iter()
            .map(ToString::to_string)
            .collect();
        println!(
            "issuer {} ({}, {}): {} key(s), scope {}, now {:?}",
            issuer.name,
            issuer.country,
            issuer.id,
            issuer.keys.len(),
            scope.join(", "),
            issuer.status_at(Utc::now())
        );
    }
    println!(
        "{} status list(s), {} authorit(y/ies), {} decision(s)",
        b.status_lists.len(),
        b.authorities.len(),
        b.decisions.len()
    );
    Ok(0)
}
