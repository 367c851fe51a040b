//! Revocation and suspension through the registry: fetch the issuer's current signed list,
//! flip this credential's bit, sign the new list with the issuer's key and send it with the
//! change. The registry accepts it only if it differs at that one index.

use std::path::Path;

use anyhow::{bail, Context as _, Result};
use chrono::Utc;
use credential_core::jws::{self, Header, UnverifiedJws, MAX_JWS_LEN};
use credential_core::status::{
    parse_status_list_credential, status_list_credential, IssuerStatusList,
};
use credential_core::trust::MAX_STATUS_LIST_JWS_LEN;
use credential_core::CheckedCredential;
use serde_json::{json, Value};

use crate::client::{segment, Client};
use crate::files;
use crate::status::Flip;

/// Changes the status of `credential` (a file, or a credential id stored in the registry).
pub fn flip(registry: &str, key: &Path, credential: &Path, flip: Flip) -> Result<u8> {
    let key = files::read_key(key)?;
    let client = Client::new(registry);
    let jws_text = if credential.is_file() {
        files::read_text(credential, MAX_JWS_LEN as u64)?
            .trim()
            .to_owned()
    } else {
        let id = credential.to_string_lossy();
        let reply = client
            .signed("GET", &format!("/credentials/{}", segment(&id)), None, &key)?
            .json()?;
        reply
            .get("jws")
            .and_then(Value::as_str)
            .context("the registry's answer has no jws")?
            .to_owned()
    };
    let parsed = UnverifiedJws::parse(&jws_text, MAX_JWS_LEN)?;
    let doc = credential_core::json::parse_strict(parsed.payload())?;
    let credential = CheckedCredential::from_value(&doc)?;
    let (purpose, value, word) = match flip {
        Flip::Revoke => ("revocation", true, "revoked"),
        Flip::Suspend => ("suspension", true, "suspended"),
        Flip::Unsuspend => ("suspension", false, "no longer suspended"),
    };
    let entry = credential
        .status
        .iter()
        .find(|e| e.status_purpose.as_str() == purpose)
        .with_context(|| format!("the credential has no {purpose} status entry"))?;
    let index = entry.index()?;
    let reply = client.get(
        &format!("/status/{}/{purpose}", segment(&credential.issuer)),
        None,
    )?;
    let current = UnverifiedJws::parse(reply.body.trim(), MAX_STATUS_LIST_JWS_LEN)?;
    let list =
        parse_status_list_credential(&credential_core::json::parse_strict(current.payload())?)?;
    if list.issuer != credential.issuer || list.id != entry.status_list_credential {
        bail!("the registry's {purpose} list is not the one this credential names");
    }
    let mut next = IssuerStatusList::with_entries(&list.id, list.purpose, list.bits.len())?;
    next.bits = list.bits;
    next.bits.set(index, value)?;
    let document = status_list_credential(&credential.issuer, &next, Utc::now());
    let signed = jws::sign(
        &key,
        &Header::new("vc+jwt", &key.public().did_url()),
        &serde_json::to_vec(&document)?,
    );
    let body = json!({"purpose": purpose, "value": value, "statusList": signed});
    let answer = client
        .signed(
            "POST",
            &format!("/credentials/{}/status", segment(&credential.id)),
            Some(&body),
            &key,
        )?
        .json()?;
    let changed = answer
        .get("changed")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let sequence = answer
        .get("bundleSequence")
        .and_then(Value::as_u64)
        .unwrap_or_default();
    if changed {
        println!(
            "{} {word}; trust bundle {sequence} carries it (skillpass bundle fetch)",
            credential.id
        );
    } else {
        println!("{} was already {word}", credential.id);
    }
    Ok(0)
}
