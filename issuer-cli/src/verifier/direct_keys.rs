//! `--issuer-key`, `--any-issuer-key` and `--status-list`: verifying with the issuer's key
//! given directly (the conformance profile, no trust bundle), shared by `verify` and
//! `verifier serve`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::{bail, Context as _, Result};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use chrono::{DateTime, Utc};
use clap::Args;
use credential_core::integrity::MAX_DI_CREDENTIAL_LEN;
use credential_core::verify::direct::{GivenKey, StatusLists};
use credential_core::{DirectVerifier, PublicKey};
use serde_json::Value;

use crate::common::files;

/// Most status list files one command takes.
const MAX_LIST_FILES: usize = 64;

/// Keys given directly. Without a trust bundle, a credential verified this way says who
/// signed it, never that the issuer is accredited: every report says so.
#[derive(Debug, Clone, Args)]
pub(crate) struct DirectKeyArgs {
    /// Verify credentials of this issuer with the key its DID encodes (a did:key or
    /// did:jwk), without a trust bundle; repeatable. Accreditation is then not checked,
    /// and every report says so.
    #[arg(long = "issuer-key", value_name = "DID")]
    pub(crate) issuer_keys: Vec<String>,
    /// Verify credentials of any issuer whose DID is a did:key or did:jwk with the key it
    /// encodes (the W3C conformance profile): who signed is checked, not who they are.
    #[arg(long)]
    pub(crate) any_issuer_key: bool,
    /// Verify credentials whose `kid` names this key, given as a JWK file: a verification
    /// method (`{"id", "controller", "publicKeyJwk"}`, the issuer its `controller`) or a bare
    /// public JWK (named by its `kid` or RFC 7638 thumbprint); repeatable.
    #[arg(long = "issuer-jwk", value_name = "FILE")]
    pub(crate) issuer_jwks: Vec<PathBuf>,
    /// A status list credential (vc+jwt, or JSON with a Data Integrity proof) to check
    /// credentials' BitstringStatusListEntry against; repeatable. It must be signed by the
    /// credential's issuer. Without it, a credential with a status entry is undecided.
    #[arg(long = "status-list", value_name = "FILE")]
    pub(crate) status_lists: Vec<PathBuf>,
}

impl DirectKeyArgs {
    /// Whether keys given directly are accepted at all.
    pub(crate) fn enabled(&self) -> bool {
        self.any_issuer_key || !self.issuer_keys.is_empty() || !self.issuer_jwks.is_empty()
    }

    /// The `--issuer-jwk` files' keys.
    pub(crate) fn given_keys(&self) -> Result<Vec<GivenKey>> {
        read_given_keys(&self.issuer_jwks, "--issuer-jwk")
    }

    /// The issuers named with `--issuer-key`, each checked to be a bare did:key or did:jwk.
    pub(crate) fn issuers(&self) -> Result<Option<Vec<String>>> {
        if self.any_issuer_key {
            return Ok(None);
        }
        for did in &self.issuer_keys {
            if did.contains('#') || PublicKey::from_did(did).is_err() {
                bail!(
                    "give --issuer-key as the issuer's DID, a did:key:z… or did:jwk:… without a #fragment, not {:?}",
                    shorten(did)
                );
            }
        }
        Ok(Some(self.issuer_keys.clone()))
    }

    /// The `--status-list` files by the `id` each list credential states.
    pub(crate) fn lists(&self) -> Result<BTreeMap<String, String>> {
        if self.status_lists.len() > MAX_LIST_FILES {
            bail!("at most {MAX_LIST_FILES} --status-list files");
        }
        let mut lists = BTreeMap::new();
        for path in &self.status_lists {
            let text = files::read_text(path, MAX_DI_CREDENTIAL_LEN as u64)?;
            let id = list_id(&text).with_context(|| {
                format!(
                    "{} is not a status list credential with an `id` (a vc+jwt, or JSON with a proof)",
                    path.display()
                )
            })?;
            lists.insert(id, text.trim().to_owned());
        }
        Ok(lists)
    }

    /// The verifier for these keys at `now`, finding status lists in `lists`.
    pub(crate) fn verifier<'a>(
        &self,
        now: DateTime<Utc>,
        lists: &'a dyn StatusLists,
    ) -> Result<DirectVerifier<'a>> {
        let verifier = DirectVerifier::new(now, lists).with_keys(self.given_keys()?);
        Ok(match self.issuers()? {
            Some(only) => verifier.only_issuers(only),
            None => verifier,
        })
    }
}

/// The keys of JWK files given with `flag` (a verification method or a bare public JWK
/// each), at most [`MAX_LIST_FILES`] of them.
pub(crate) fn read_given_keys(paths: &[PathBuf], flag: &str) -> Result<Vec<GivenKey>> {
    if paths.len() > MAX_LIST_FILES {
        bail!("at most {MAX_LIST_FILES} {flag} files");
    }
    paths
        .iter()
        .map(|path| {
            let value = files::read_json(path)?;
            GivenKey::from_value(&value)
                .with_context(|| format!("{} is not a key to verify with", path.display()))
        })
        .collect()
}

/// The `id` a status list credential states, read without verifying it (only to file it
/// under the URL credentials name; it is verified when used).
fn list_id(text: &str) -> Option<String> {
    let text = text.trim();
    let document: Value = if text.starts_with('{') {
        serde_json::from_str(text).ok()?
    } else {
        let payload = text.split('.').nth(1)?;
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()?
    };
    document.get("id")?.as_str().map(str::to_owned)
}

fn shorten(s: &str) -> String {
    s.chars().take(80).collect()
}
