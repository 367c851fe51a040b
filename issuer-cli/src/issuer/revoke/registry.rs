//! Revocation and suspension through the registry: fetch the issuer's current signed list,
//! flip this credential's bit, sign the new list with the issuer's key and send it with the
//! change. The registry accepts it only if it differs at that one index and changes no
//! other claim; when another change of the same list lands between the fetch and the send
//! (`status_list_mismatch`), the list is fetched again and the change re-applied.

use std::path::Path;
use std::time::Duration;

use anyhow::{bail, Context as _, Result};
use chrono::{SubsecRound as _, Utc};
use credential_core::integrity::peek_credential;
use credential_core::jws::MAX_JWS_LEN;
use credential_core::signed::{peek_json, StatusListJwt};
use credential_core::status::{parse_status_list_credential, StatusPurpose};
use credential_core::{format_time, CheckedCredential, SecretKey};
use rand::Rng as _;
use serde_json::{json, Value};

use crate::common::client::{segment, Client, RegistryError};
use crate::common::files;
use crate::issuer::status::{sign_status_list, sign_token_list};

/// Attempts when the list keeps changing under us (other revocations of the same issuer).
const ATTEMPTS: u32 = 8;

/// Changes the status of `credential` (a file, or a credential id stored in the registry)
/// for `purpose` to `value`; `word` says what that means ("revoked").
pub(super) fn flip(
    registry: &str,
    key: &Path,
    credential: &Path,
    purpose: StatusPurpose,
    value: bool,
    word: &str,
) -> Result<u8> {
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
    let credential = peek_credential(&jws_text)?;
    let entry = credential
        .status
        .iter()
        .find(|e| e.status_purpose == purpose)
        .with_context(|| format!("the credential has no {purpose} status entry"))?;
    let index = entry.index()?;

    let mut attempt = 1;
    let answer = loop {
        let (signed, token) = next_list(
            &client,
            &key,
            &credential,
            &entry.status_list_credential,
            purpose,
            index,
            value,
        )?;
        let mut body = json!({"purpose": purpose.as_str(), "value": value, "statusList": signed});
        // The revocation list goes with its Token Status List (for dc+sd-jwt credentials).
        if let (Some(token), Some(object)) = (token, body.as_object_mut()) {
            object.insert("tokenStatusList".into(), json!(token));
        }
        let sent = client.signed(
            "POST",
            &format!("/credentials/{}/status", segment(&credential.id)),
            Some(&body),
            &key,
        );
        match sent {
            Err(e)
                if RegistryError::code_of(&e) == Some("status_list_mismatch")
                    && attempt < ATTEMPTS =>
            {
                // Someone else changed the list since we fetched it: back off a little,
                // at random so that concurrent clients do not collide again, and redo.
                let wait = rand::thread_rng().gen_range(20..120) * u64::from(attempt);
                std::thread::sleep(Duration::from_millis(wait));
                attempt += 1;
            }
            other => break other?.json()?,
        }
    };
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

/// The registry's current list for `purpose` with the bit at `index` set to `value`, signed
/// by `key`. Every claim of the current list is kept as it is but the bits and `validFrom`,
/// which the registry requires of an update; for the revocation list, also the Token Status
/// List over the new bits.
fn next_list(
    client: &Client,
    key: &SecretKey,
    credential: &CheckedCredential,
    list_id: &str,
    purpose: StatusPurpose,
    index: usize,
    value: bool,
) -> Result<(String, Option<String>)> {
    let reply = client.get(
        &format!("/status/{}/{purpose}", segment(&credential.issuer)),
        None,
    )?;
    let mut document = peek_json::<StatusListJwt>(reply.body.trim())?;
    let list = parse_status_list_credential(&document)?;
    if list.issuer != credential.issuer || list.id != list_id {
        bail!("the registry's {purpose} list is not the one this credential names");
    }
    let mut bits = list.bits;
    bits.set(index, value)?;
    // Never earlier than the list it replaces, even with a client clock behind the
    // registry's.
    let now = Utc::now().trunc_subsecs(0);
    let valid_from = list.valid_from.map_or(now, |old| old.max(now));
    let object = document
        .as_object_mut()
        .context("the registry's status list is not a JSON object")?;
    object.insert("validFrom".into(), json!(format_time(valid_from)));
    object
        .get_mut("credentialSubject")
        .and_then(Value::as_object_mut)
        .context("the registry's status list has no credentialSubject")?
        .insert("encodedList".into(), json!(bits.encode()));
    let token =
        (purpose == StatusPurpose::Revocation).then(|| sign_token_list(key, list_id, &bits));
    Ok((sign_status_list(key, &document)?, token))
}
