//! `skillpass authority publish` and `revise`: an authority signs a decision and sends it
//! to the registry; a revision names the decision it supersedes, which stays readable,
//! marked superseded.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use clap::Args;
use credential_core::equivalence::{FrameworkCatalog, RecognitionDecision};
use credential_core::trust::sign_decision;
use credential_core::SecretKey;
use serde_json::{json, Value};

use crate::common::args::arg_help;
use crate::common::client::{text, Client, Reply, SignerArgs};
use crate::common::files;

#[derive(Debug, Args)]
#[command(mut_args(arg_help("key", "The authority's private key file")))]
pub(crate) struct PublishArgs {
    #[command(flatten)]
    signer: SignerArgs,
    /// The decision JSON. Its `authority` is set to the key's DID; a missing `id` is made.
    #[arg(long)]
    decision: PathBuf,
}

#[derive(Debug, Args)]
#[command(mut_args(arg_help("key", "The authority's private key file")))]
pub(crate) struct ReviseArgs {
    #[command(flatten)]
    signer: SignerArgs,
    /// The id of the published decision this one revises.
    #[arg(long)]
    supersedes: String,
    /// The revised decision JSON. It gets a new id when it has none or keeps the old one.
    #[arg(long)]
    decision: PathBuf,
}

pub(super) fn publish(a: &PublishArgs) -> Result<u8> {
    let (client, key) = a.signer.open()?;
    let decision = load_decision(&a.decision, &key, None)?;
    send_and_say(&client, &key, &decision)
}

pub(super) fn revise(a: &ReviseArgs) -> Result<u8> {
    let (client, key) = a.signer.open()?;
    let decision = load_decision(&a.decision, &key, Some(&a.supersedes))?;
    send_and_say(&client, &key, &decision)
}

/// Reads a decision file as `key`'s: `authority` set to its DID, a new id when it has none,
/// and for a revision `supersedes` set (and a new id if the file kept the old one).
fn load_decision(
    path: &Path,
    key: &SecretKey,
    supersedes: Option<&str>,
) -> Result<RecognitionDecision> {
    let mut value = files::read_json(path)?;
    let Some(obj) = value.as_object_mut() else {
        bail!(
            "{} is not a recognition decision (a JSON object)",
            path.display()
        );
    };
    obj.insert("authority".into(), json!(key.public().did()));
    if let Some(old) = supersedes {
        obj.insert("supersedes".into(), json!(old));
    }
    let keeps_old_id = obj
        .get("id")
        .and_then(Value::as_str)
        .is_none_or(|id| Some(id) == supersedes);
    if keeps_old_id {
        obj.insert(
            "id".into(),
            json!(format!("urn:uuid:{}", uuid::Uuid::new_v4())),
        );
    }
    let decision: RecognitionDecision = serde_json::from_value(value)
        .with_context(|| format!("{} is not a recognition decision", path.display()))?;
    decision.check(FrameworkCatalog::shipped()?)?;
    Ok(decision)
}

/// Signs `decision` and sends it; answers the exit code.
fn send_and_say(client: &Client, key: &SecretKey, decision: &RecognitionDecision) -> Result<u8> {
    let reply = send(client, key, decision)?;
    let v = reply.json()?;
    let what = match (&decision.supersedes, reply.status) {
        (_, 200) => "already published: decision".to_owned(),
        (Some(old), _) => format!("published revision (superseding {old}):"),
        (None, _) => "published decision".to_owned(),
    };
    println!("{what} {} (now {})", decision.id, text(&v, "state"));
    Ok(0)
}

/// Signs `decision` and sends it; a decision already published answers 200.
pub(super) fn send(
    client: &Client,
    key: &SecretKey,
    decision: &RecognitionDecision,
) -> Result<Reply> {
    let jws = sign_decision(key, decision)?;
    client.signed("POST", "/decisions", Some(&json!({ "jws": jws })), key)
}
