//! `skillpass wallet respond 'openid4vp://…'`: Skillpass's own wallet answering an
//! OpenID4VP 1.0 request (any conformant verifier's, not only `skillpass verifier
//! request`). It reads the request by value, finds the credential that answers its DCQL
//! query, shows who asks and exactly what they would receive and what stays back, asks
//! before disclosing, and sends a `dc+sd-jwt` presentation with only the requested
//! disclosures and a key-binding JWT (nonce, `aud` = the client id), encrypted to the
//! verifier's key (`direct_post.jwt`), to the request's response URI.

use std::io::{BufRead as _, IsTerminal as _, Write as _};

use anyhow::{anyhow, bail, Context as _, Result};
use base64::Engine as _;
use chrono::Utc;
use clap::Args;
use credential_core::sdjwt::{self, Disclosure};
use credential_core::{CredentialFormat, WalletEntry};
use serde_json::{json, Value};

use super::wallet_file::{open, WalletFile};
use crate::common::openid4vp::{self, agent, read_answer, AuthorizationRequest, CredentialQuery};

#[derive(Debug, Args)]
pub(crate) struct RespondArgs {
    #[command(flatten)]
    file: WalletFile,
    /// The presentation request: an openid4vp:// link (from the verifier's QR code or
    /// page), with the request by value.
    request: String,
    /// Which credential to present (its id, or a unique part of it) when several answer.
    #[arg(long, value_name = "ID")]
    credential: Option<String>,
    /// Send without asking (for scripts): what is sent is still printed.
    #[arg(long)]
    yes: bool,
}

/// The payload members of an SD-JWT VC that are not claims about the holder.
const REGISTERED: [&str; 13] = [
    "iss",
    "jti",
    "iat",
    "nbf",
    "exp",
    "vct",
    "vct#integrity",
    "sub",
    "cnf",
    "status",
    "_sd_alg",
    "_sd",
    "...",
];

/// The issuer-signed payload of an SD-JWT (the holder's own copy, not verified here).
fn payload_of(credential: &str) -> Option<Value> {
    let jws = credential.split('~').next()?;
    let payload = jws.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload)
        .ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Whether `entry` answers `query`: an SD-JWT VC of an accepted `vct` holding every claim
/// asked for (with an allowed value), not known to be revoked.
fn answers(entry: &WalletEntry, query: &CredentialQuery) -> bool {
    if entry.format != CredentialFormat::DcSdJwt || entry.last_known.status.starts_with("invalid") {
        return false;
    }
    let vcts = query.vct_values();
    let vct_ok = payload_of(&entry.credential)
        .and_then(|p| p.get("vct").and_then(Value::as_str).map(str::to_owned))
        .is_some_and(|v| vcts.is_empty() || vcts.contains(&v.as_str()));
    if !vct_ok {
        return false;
    }
    let Ok(document) = sdjwt::reveal_all_unchecked(&entry.credential) else {
        return false;
    };
    let subject = document
        .get("credentialSubject")
        .cloned()
        .unwrap_or(Value::Null);
    query
        .claims()
        .iter()
        .all(|c| c.find(&subject).ok().flatten().is_some())
}

/// The claims always visible in a credential: those its issuer did not make selectively
/// disclosable (`qualification.title`, `name`, …).
fn always_visible(credential: &str) -> Vec<String> {
    let Some(Value::Object(payload)) = payload_of(credential) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (name, value) in &payload {
        if REGISTERED.contains(&name.as_str()) {
            continue;
        }
        match value {
            Value::Object(inner) => out.extend(
                inner
                    .keys()
                    .filter(|k| !REGISTERED.contains(&k.as_str()))
                    .map(|k| format!("{name}.{k}")),
            ),
            _ => out.push(name.clone()),
        }
    }
    out
}

/// The names of the disclosures of an SD-JWT (array elements as `[…]`).
fn disclosure_names(text: &str) -> Result<Vec<String>> {
    let parts = sdjwt::split(text.trim())?;
    parts
        .disclosures
        .iter()
        .map(|d| {
            Disclosure::parse(d)
                .map(|d| d.name.unwrap_or_else(|| "[…]".into()))
                .map_err(Into::into)
        })
        .collect()
}

/// Asks on the terminal whether to send; `--yes` answers for scripts.
fn confirm(yes: bool) -> Result<bool> {
    if yes {
        return Ok(true);
    }
    if !std::io::stdin().is_terminal() {
        bail!("not sending without your consent: answer on a terminal, or give --yes");
    }
    eprint!("Send this to the verifier? [y/N] ");
    std::io::stderr().flush().ok();
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("cannot read your answer")?;
    Ok(matches!(line.trim(), "y" | "Y" | "yes" | "Yes" | "YES"))
}

pub(crate) fn run(a: RespondArgs) -> Result<u8> {
    let request = AuthorizationRequest::from_link(&a.request)?;
    let (key, enc) = request.encryption_key()?;
    let path = a.file.path()?;
    let (wallet, _phrase) = open(&path)?;

    let host = request
        .response_uri
        .split("://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or(&request.response_uri)
        .to_owned();
    let who = match request.client_name() {
        Some(name) => format!("{name:?} (a name the verifier gives itself) at {host}"),
        None => format!("a verifier at {host}"),
    };
    eprintln!("{who} asks for:");
    let mut chosen: Vec<(&CredentialQuery, &WalletEntry, String)> = Vec::new();
    for query in &request.dcql_query.credentials {
        let asked: Vec<String> = query
            .claims()
            .iter()
            .map(|c| c.dotted())
            .collect::<Result<_>>()?;
        let vcts = query.vct_values();
        eprintln!(
            "  a credential of type {}: {}",
            if vcts.is_empty() {
                "any".to_owned()
            } else {
                vcts.join(" or ")
            },
            if asked.is_empty() {
                "no claim beyond what it always shows".to_owned()
            } else {
                asked.join(", ")
            }
        );
        let matching: Vec<&WalletEntry> = wallet
            .credentials()
            .iter()
            .filter(|e| answers(e, query))
            .filter(|e| a.credential.as_deref().is_none_or(|s| e.id.contains(s)))
            .collect();
        let entry = match matching.as_slice() {
            [] => bail!(
                "no credential in your wallet answers this request (an SD-JWT VC{} with {}); receive one with `skillpass wallet receive`",
                if vcts.is_empty() { String::new() } else { format!(" of type {}", vcts.join(" or ")) },
                if asked.is_empty() { "any claims".into() } else { asked.join(", ") }
            ),
            [one, ..] => *one,
        };
        if matching.len() > 1 && a.credential.is_none() {
            eprintln!(
                "  ({} credentials answer; presenting {} — choose another with --credential ID)",
                matching.len(),
                entry.id
            );
        }
        let presentation = sdjwt::present(
            wallet.key(),
            &entry.credential,
            &asked,
            &request.client_id,
            &request.nonce,
            Utc::now(),
        )
        .with_context(|| format!("cannot present {}", entry.id))?;
        chosen.push((query, entry, presentation));
    }

    for (_, entry, presentation) in &chosen {
        let shown = disclosure_names(presentation)?;
        let mut held = disclosure_names(&entry.credential)?;
        for s in &shown {
            if let Some(i) = held.iter().position(|h| h == s) {
                held.remove(i);
            }
        }
        eprintln!(
            "It would receive your credential {:?} ({}) from {}:",
            entry.last_known.title.as_deref().unwrap_or("untitled"),
            entry.id,
            entry
                .last_known
                .issuer_name
                .as_deref()
                .unwrap_or(&entry.last_known.issuer)
        );
        eprintln!(
            "  always in it: {}",
            always_visible(&entry.credential).join(", ")
        );
        eprintln!(
            "  disclosed for this request: {}",
            if shown.is_empty() {
                "nothing more".to_owned()
            } else {
                shown.join(", ")
            }
        );
        eprintln!(
            "  kept back: {}",
            if held.is_empty() {
                "nothing".to_owned()
            } else {
                held.join(", ")
            }
        );
    }
    if !confirm(a.yes)? {
        eprintln!("nothing was sent");
        return Ok(1);
    }

    let mut vp_token = serde_json::Map::new();
    for (query, _, presentation) in &chosen {
        vp_token.insert(query.id.clone(), json!([presentation]));
    }
    let mut answer = json!({"vp_token": vp_token});
    if let (Some(state), Some(o)) = (&request.state, answer.as_object_mut()) {
        o.insert("state".into(), json!(state));
    }
    let jwe = openid4vp::encrypt(&answer, &key, enc)?;
    let reply = read_answer(
        agent()
            .post(&request.response_uri)
            .send_form(&[("response", jwe.as_str())]),
        &request.response_uri,
        openid4vp::MAX_ANSWER,
    )
    .map_err(|e| anyhow!("the verifier did not take the answer: {e}"))?;
    eprintln!("sent to {host}, encrypted to the verifier's key");
    if let Some(next) = reply.get("redirect_uri").and_then(Value::as_str) {
        eprintln!("the verifier asks you to continue at {next}");
        println!("{next}");
    }
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn always_visible_claims_leave_out_digests_and_registered_members() {
        let payload = json!({"iss": "did:key:z", "vct": "v", "_sd": ["a"], "name": "Maria",
            "qualification": {"title": "BSN", "_sd": ["b"], "frameworkLevels": ["PQF-6"]}});
        let jws = format!(
            "e30.{}.c2ln",
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(payload.to_string())
        );
        assert_eq!(
            always_visible(&format!("{jws}~")),
            vec![
                "name",
                "qualification.title",
                "qualification.frameworkLevels"
            ]
        );
    }
}
