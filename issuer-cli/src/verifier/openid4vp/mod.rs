//! The employer's side of OpenID4VP 1.0 (`skillpass verifier request` and `collect`): ask
//! any conformant wallet for exactly the claims needed, with a DCQL query, and check what
//! comes back with the same verifier as `skillpass verify`.
//!
//! `request` makes an ephemeral P-256 key whose private half stays in the request file
//! (owner-only), a nonce and a state, and writes the request as an `openid4vp://` link
//! and QR code. The wallet's answer is encrypted to that key (`direct_post.jwt`), so the
//! registry's relay, for employers who run no server, holds only ciphertext. `collect`
//! takes the answer from the relay (or a file), decrypts it, and checks: the state, every
//! credential query answered by a valid `dc+sd-jwt` presentation bound to this request's
//! nonce and client id, nothing disclosed beyond what was asked, and the lowest level
//! asked for.

mod collect;
mod request;

use std::path::Path;

use anyhow::{bail, Context as _, Result};
use chrono::{DateTime, Utc};
use josekit::jwk::Jwk;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use zeroize::Zeroizing;

pub(crate) use collect::CollectArgs;
pub(crate) use request::RequestArgs;

use crate::common::files;
use crate::common::openid4vp::DcqlQuery;

/// The request file's `type`.
const FILE_TYPE: &str = "skillpass-openid4vp-request";
/// Largest request file read.
const MAX_FILE: u64 = 64 * 1024;

/// Where the answer goes when the employer has no server: the registry relay.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Relay {
    /// The mailbox URL (`{registry}/relay/{id}`), the request's response URI.
    mailbox: String,
    /// The secret whose SHA-256 is the mailbox id: collecting needs it.
    secret: String,
}

/// What the employer keeps of a request (owner-only: it holds the private key).
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RequestFile {
    #[serde(rename = "type")]
    kind: String,
    client_id: String,
    response_uri: String,
    nonce: String,
    state: String,
    dcql_query: DcqlQuery,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    min_level: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    relay: Option<Relay>,
    created: DateTime<Utc>,
    expires: DateTime<Utc>,
    /// The ephemeral private JWK the answer is encrypted to.
    key: Value,
}

impl RequestFile {
    fn read(path: &Path) -> Result<Self> {
        let text = Zeroizing::new(files::read_text(path, MAX_FILE)?);
        let file: Self = serde_json::from_str(&text).with_context(|| {
            format!(
                "{} is not a request file of `skillpass verifier request`",
                path.display()
            )
        })?;
        if file.kind != FILE_TYPE {
            bail!(
                "{} is not a request file of `skillpass verifier request`",
                path.display()
            );
        }
        Ok(file)
    }

    fn write(&self, path: &Path) -> Result<()> {
        let text = Zeroizing::new(serde_json::to_string_pretty(self)?);
        files::write_atomic(path, format!("{}\n", *text).as_bytes(), true)
    }

    fn private_key(&self) -> Result<Jwk> {
        let map = self
            .key
            .as_object()
            .context("the request file's key is not a JWK")?;
        Jwk::from_map(map.clone()).context("the request file's key is not a JWK")
    }
}

impl Drop for RequestFile {
    fn drop(&mut self) {
        if let Some(Value::String(d)) = self.key.get_mut("d") {
            zeroize::Zeroize::zeroize(d);
        }
    }
}

pub(crate) fn request(a: RequestArgs) -> Result<u8> {
    request::run(a)
}

pub(crate) fn collect(a: CollectArgs) -> Result<u8> {
    collect::run(a)
}
