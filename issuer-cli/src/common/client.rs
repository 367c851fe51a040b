//! A small blocking client for the registry: public reads, and requests signed with
//! `credential_core::request::sign_request`. A server error becomes one line with the HTTP
//! status and the registry's error code and message, never a raw body dump.

use std::io::Read as _;
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{anyhow, bail, Result};
use clap::Args;
use credential_core::i18n::Msg;
use credential_core::request::sign_request;
use credential_core::SecretKey;
use serde_json::Value;

use crate::common::files;
use crate::common::said::said;

/// Where `skillpass-registry serve` listens by default.
const DEFAULT_REGISTRY: &str = "http://127.0.0.1:8080";
/// Largest response read (a trust bundle may be large).
const MAX_RESPONSE: u64 = 128 * 1024 * 1024;

/// `--registry URL`, shared by every command that talks to the registry.
#[derive(Debug, Clone, Args)]
pub(crate) struct RegistryArg {
    /// The registry's base URL.
    #[arg(long = "registry", env = "SKILLPASS_REGISTRY", default_value = DEFAULT_REGISTRY)]
    pub(crate) url: String,
}

/// `--registry` and `--key`: the registry, and the key that signs what is sent to it — an
/// issuer's, a holder's, the operator's or an authority's. A command says whose key with
/// `arg_help("key", …)`; the argument is declared only here.
#[derive(Debug, Clone, Args)]
pub(crate) struct SignerArgs {
    #[command(flatten)]
    registry: RegistryArg,
    /// The private key file that signs the requests.
    #[arg(long)]
    key: PathBuf,
}

impl SignerArgs {
    /// The key, read from its file.
    pub(crate) fn key(&self) -> Result<SecretKey> {
        files::read_key(&self.key)
    }

    /// The key, and a client of the registry.
    pub(crate) fn open(&self) -> Result<(Client, SecretKey)> {
        Ok((Client::new(&self.registry.url), self.key()?))
    }
}

/// A response that was not an error (2xx, or 304 to a conditional GET).
#[derive(Debug)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) etag: Option<String>,
    /// At most 128 MiB of it.
    pub(crate) body: String,
}

impl Reply {
    pub(crate) fn json(&self) -> Result<Value> {
        serde_json::from_str(&self.body).map_err(|_| {
            said(Msg::new("err-registry-not-json").arg("status", self.status.to_string()))
        })
    }
}

/// An error answer of the registry, in its one error shape
/// (`{"error": {"code", "message"}}`).
#[derive(Debug, thiserror::Error)]
#[error("registry: HTTP {status} {code}: {message}")]
pub(crate) struct RegistryError {
    status: u16,
    /// The stable error code (e.g. `status_list_mismatch`).
    code: String,
    message: String,
}

impl RegistryError {
    /// The registry's error code, when `e` is a registry error answer.
    pub(crate) fn code_of(e: &anyhow::Error) -> Option<&str> {
        e.downcast_ref::<Self>().map(|r| r.code.as_str())
    }
}

/// The registry at one base URL; every request times out after 60 s (a download only
/// between reads).
pub(crate) struct Client {
    base: String,
    agent: ureq::Agent,
}

impl Client {
    /// A client for `base` (e.g. `http://127.0.0.1:8080`; a trailing `/` is ignored).
    pub(crate) fn new(base: &str) -> Self {
        Self {
            base: base.trim_end_matches('/').to_owned(),
            agent: ureq::AgentBuilder::new()
                .timeout(Duration::from_secs(60))
                .build(),
        }
    }

    /// An unsigned GET; `if_none_match` sends a cached ETag.
    pub(crate) fn get(&self, path: &str, if_none_match: Option<&str>) -> Result<Reply> {
        let mut req = self.agent.get(&format!("{}{path}", self.base));
        if let Some(tag) = if_none_match {
            req = req.set("If-None-Match", tag);
        }
        finish(req.call())
    }

    /// An unsigned GET that answers `None` on 404.
    pub(crate) fn get_optional(&self, path: &str) -> Result<Option<Reply>> {
        match self.agent.get(&format!("{}{path}", self.base)).call() {
            Err(ureq::Error::Status(404, _)) => Ok(None),
            other => finish(other).map(Some),
        }
    }

    /// A request signed by `key` with a JSON body (or none).
    pub(crate) fn signed(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
        key: &SecretKey,
    ) -> Result<Reply> {
        let bytes = match body {
            Some(v) => serde_json::to_vec(v)?,
            None => Vec::new(),
        };
        let req = self
            .agent
            .request(method, &format!("{}{path}", self.base))
            .set("Authorization", &sign_request(key, method, path, &bytes));
        let result = if bytes.is_empty() {
            req.call()
        } else {
            req.set("Content-Type", "application/json")
                .send_bytes(&bytes)
        };
        finish(result)
    }
}

impl Client {
    /// A GET signed by `key` whose answer is streamed into `out`: written to `OUT.partial`
    /// (mode 0600: a backup holds personal data) and renamed once every byte the registry
    /// announced has arrived. Returns the bytes written.
    pub(crate) fn signed_download(
        &self,
        path: &str,
        key: &SecretKey,
        out: &std::path::Path,
    ) -> Result<u64> {
        // The registry prepares the file before it answers, and it may be large: no overall
        // deadline, only one per read.
        let agent = ureq::AgentBuilder::new()
            .timeout_connect(Duration::from_secs(30))
            .timeout_read(Duration::from_secs(600))
            .build();
        let result = agent
            .get(&format!("{}{path}", self.base))
            .set("Authorization", &sign_request(key, "GET", path, b""))
            .call();
        let response = match result {
            Ok(r) => r,
            Err(e) => {
                finish(Err(e))?;
                return Err(said(Msg::new("err-registry-no-answer")));
            }
        };
        let announced = response
            .header("Content-Length")
            .and_then(|v| v.parse::<u64>().ok());
        let mut name = out.as_os_str().to_owned();
        name.push(".partial");
        let partial = std::path::PathBuf::from(name);
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create(true).truncate(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt as _;
            options.mode(0o600);
        }
        let mut file = options
            .open(&partial)
            .map_err(|e| anyhow!("cannot create {}: {e}", partial.display()))?;
        let copied = std::io::copy(&mut response.into_reader(), &mut file);
        let written = match copied {
            Ok(n) if announced.is_none_or(|a| a == n) => n,
            Ok(n) => {
                let _ = std::fs::remove_file(&partial);
                bail!(
                    "the download was cut short ({n} of {} bytes); nothing was written to {}",
                    announced.unwrap_or_default(),
                    out.display()
                );
            }
            Err(e) => {
                let _ = std::fs::remove_file(&partial);
                bail!(
                    "the download failed ({e}); nothing was written to {}",
                    out.display()
                );
            }
        };
        file.sync_all()?;
        std::fs::rename(&partial, out)
            .map_err(|e| anyhow!("cannot write {}: {e}", out.display()))?;
        Ok(written)
    }
}

/// Percent-encodes a path segment (ids and DIDs hold `:`, which is fine, but `#`, `/`,
/// `?` and spaces are not).
pub(crate) fn segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~:@!$&'()*+,;=".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn read_body(response: ureq::Response) -> Result<(u16, Option<String>, String)> {
    let status = response.status();
    let etag = response.header("ETag").map(str::to_owned);
    let mut body = String::new();
    response
        .into_reader()
        .take(MAX_RESPONSE)
        .read_to_string(&mut body)?;
    Ok((status, etag, body))
}

fn finish(result: Result<ureq::Response, ureq::Error>) -> Result<Reply> {
    match result {
        Ok(response) => {
            let (status, etag, body) = read_body(response)?;
            Ok(Reply { status, etag, body })
        }
        Err(ureq::Error::Status(304, response)) => {
            let (status, etag, body) = read_body(response)?;
            Ok(Reply { status, etag, body })
        }
        Err(ureq::Error::Status(status, response)) => {
            let (_, _, body) = read_body(response)?;
            let parsed: Option<(String, String)> =
                serde_json::from_str::<Value>(&body).ok().and_then(|v| {
                    let e = v.get("error")?;
                    Some((
                        e.get("code")?.as_str()?.to_owned(),
                        e.get("message")?.as_str()?.to_owned(),
                    ))
                });
            match parsed {
                Some((code, message)) => Err(RegistryError {
                    status,
                    code,
                    message,
                }
                .into()),
                None => bail!("registry: HTTP {status} (no Skillpass error in the answer)"),
            }
        }
        Err(ureq::Error::Transport(t)) => Err(said(
            Msg::new("err-registry-unreachable").arg("reason", t.to_string()),
        )),
    }
}

/// A string member of a JSON answer, or "" (for messages).
pub(crate) fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// Sets `key` of a JSON object; anything else is left as it is.
pub(crate) fn set(v: &mut Value, key: &str, value: Value) {
    if let Some(o) = v.as_object_mut() {
        o.insert(key.to_owned(), value);
    }
}
