//! `skillpass publish`: an accredited issuer stores signed credentials in the registry and,
//! the first time, uploads its signed status lists so it can revoke through the registry.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use clap::Args;
use credential_core::jws::MAX_JWS_LEN;
use credential_core::signed::{peek_json, StatusListJwt};
use credential_core::status::parse_status_list_credential;
use serde_json::{json, Value};

use crate::common::args::arg_help;
use crate::common::client::{segment, SignerArgs};
use crate::common::files;
use crate::common::said::said;
use crate::issuer::status::sign_token_list;

/// Credentials sent per request; the registry takes up to 1,000.
const BATCH: usize = 200;

#[derive(Debug, Args)]
#[command(mut_args(arg_help("key", "The issuer's current private key file")))]
pub(crate) struct PublishArgs {
    #[command(flatten)]
    signer: SignerArgs,
    /// The issuer's status list file (from `skillpass status init --base-url
    /// <registry>/status`): its signed lists are uploaded if the registry lacks them.
    #[arg(long)]
    status: Option<PathBuf>,
    /// Credential files (compact JWS, or Data Integrity JSON from `issue --securing
    /// data-integrity`).
    #[arg(required = true)]
    credentials: Vec<PathBuf>,
}

pub(crate) fn run(a: PublishArgs) -> Result<u8> {
    let (client, key) = a.signer.open()?;
    let mut lists = Vec::new();
    let mut tokens = Vec::new();
    if let Some(path) = &a.status {
        let file = files::read_json(path)?;
        let issuer = file
            .get("issuer")
            .and_then(Value::as_str)
            .with_context(|| format!("{} is not a status list file", path.display()))?;
        for jws in file
            .get("signed")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            let purpose = purpose_of(jws)?;
            let stored = client.get_optional(&format!("/status/{}/{purpose}", segment(issuer)))?;
            // The revocation list's Token Status List, over the bits the registry will hold
            // (its own copy may be newer than the file after `revoke --registry`): sent,
            // or refreshed, each time.
            if purpose == "revocation" {
                let current = stored.as_ref().map_or(jws, |r| r.body.trim());
                let list = parse_status_list_credential(&peek_json::<StatusListJwt>(current)?)?;
                tokens.push(sign_token_list(&key, &list.id, &list.bits));
            }
            if stored.is_none() {
                lists.push(jws.to_owned());
            }
        }
    }
    let credentials: Vec<String> = a
        .credentials
        .iter()
        .map(|p| files::read_text(p, MAX_JWS_LEN as u64).map(|t| t.trim().to_owned()))
        .collect::<Result<_>>()?;
    let mut published = 0;
    let mut chunks = credentials.chunks(BATCH).peekable();
    if chunks.peek().is_none() && lists.is_empty() && tokens.is_empty() {
        return Err(said(credential_core::i18n::Msg::new(
            "cli-nothing-to-publish",
        )));
    }
    for chunk in chunks {
        let body = json!({
            "credentials": chunk,
            "statusLists": std::mem::take(&mut lists),
            "tokenStatusLists": std::mem::take(&mut tokens),
        });
        let reply = client
            .signed("POST", "/credentials", Some(&body), &key)?
            .json()?;
        for list in reply
            .get("statusLists")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            println!("status list stored: {}", list.as_str().unwrap_or_default());
        }
        published += reply
            .get("published")
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
    }
    println!("published {published} credential(s)");
    Ok(0)
}

/// The purpose (`revocation`, `suspension`) of one of the issuer's own signed lists.
fn purpose_of(jws: &str) -> Result<String> {
    let value = peek_json::<StatusListJwt>(jws)?;
    Ok(parse_status_list_credential(&value)?
        .purpose
        .as_str()
        .to_owned())
}
