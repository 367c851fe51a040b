//! `skillpass authority sign`: an authority signs one recognition decision offline and
//! adds it to a file of signed decisions for the operator's `bundle build --decisions`.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::Args;
use credential_core::equivalence::{FrameworkCatalog, RecognitionDecision};
use credential_core::trust::sign_decision;
use serde_json::json;

use super::decisions_file::DecisionsFile;
use crate::common::files;

#[derive(Debug, Args)]
pub(crate) struct SignArgs {
    /// The authority's private key file.
    #[arg(long)]
    key: PathBuf,
    /// The decision JSON. Its `authority` is set to the key's DID.
    #[arg(long)]
    decision: PathBuf,
    /// The file of signed decisions to add it to, one compact JWS per line (created when
    /// missing; a decision with the same id is replaced, the others are kept).
    #[arg(long)]
    out: PathBuf,
}
pub(super) fn run(a: &SignArgs) -> Result<u8> {
    let key = files::read_key(&a.key)?;
    let mut value = files::read_json(&a.decision)?;
    if let Some(obj) = value.as_object_mut() {
        obj.insert("authority".into(), json!(key.public().did()));
    }
    let decision: RecognitionDecision = serde_json::from_value(value)
        .with_context(|| format!("{} is not a recognition decision", a.decision.display()))?;
    decision.check(FrameworkCatalog::shipped()?)?;
    let jws = sign_decision(&key, &decision)?;
    let mut file = DecisionsFile::open(&a.out)?;
    file.put(&decision.id, jws);
    file.save()?;
    println!("signed decision {} -> {}", decision.id, file.describe());
    Ok(0)
}
