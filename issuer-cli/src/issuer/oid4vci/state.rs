//! The issuance service's state, kept on disk so that a restart loses nothing: offers (their
//! claims, PIN digest, expiry, whether redeemed), access tokens and nonces, one small JSON
//! file each, written through a temporary file and a rename, readable by the owner only.
//! Files are named by the SHA-256 of the secret they stand for (pre-authorized code, token,
//! nonce), so the directory holds no bearer secret and a name cannot leave its folder.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest as _, Sha256};

use crate::common::files;

/// Largest state file read (an offer holds one row's claims).
const MAX_RECORD: u64 = 256 * 1024;

/// The folders of the state directory.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Table {
    /// `offers/`: [`OfferRecord`] by pre-authorized code.
    Offers,
    /// `tokens/`: [`TokenRecord`] by access token.
    Tokens,
    /// `nonces/`: [`NonceRecord`] by `c_nonce`.
    Nonces,
}

impl Table {
    fn folder(self) -> &'static str {
        match self {
            Self::Offers => "offers",
            Self::Tokens => "tokens",
            Self::Nonces => "nonces",
        }
    }
}

/// One offer: what will be issued, to whom, until when, behind which PIN.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct OfferRecord {
    /// The CSV row it was made from.
    pub(crate) line: u64,
    /// The credential configuration offered.
    pub(crate) configuration: String,
    /// The claims, as `skillpass issue --claims` takes them.
    pub(crate) claims: Value,
    /// The holder DID the row names, if any: the key proof must then be by that key.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) holder: Option<String>,
    /// The credential's end of validity, from the row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) valid_until: Option<DateTime<Utc>>,
    /// Random salt and SHA-256 of salt and PIN, hex.
    pub(crate) pin_salt: String,
    pub(crate) pin_digest: String,
    /// After this the code is refused.
    pub(crate) expires_at: DateTime<Utc>,
    /// Wrong PINs so far; at [`MAX_PIN_TRIES`] the offer is spent.
    pub(crate) wrong_pins: u32,
    /// When the code was exchanged for an access token (it is then spent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) redeemed_at: Option<DateTime<Utc>>,
}

/// Wrong PINs an offer survives: a 6-digit PIN is not guessed in 5 tries but 1 in 200,000.
pub(crate) const MAX_PIN_TRIES: u32 = 5;

/// An access token: the offer it redeems, until when, whether a credential was issued.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct TokenRecord {
    /// The offer's file key.
    pub(crate) offer: String,
    pub(crate) expires_at: DateTime<Utc>,
    /// The id of the credential issued with it (a token issues one credential).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) issued: Option<String>,
}

/// A `c_nonce` handed out, until when it may be used (once).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct NonceRecord {
    pub(crate) expires_at: DateTime<Utc>,
}

/// The state directory.
#[derive(Debug, Clone)]
pub(crate) struct StateDir {
    root: PathBuf,
}

/// The file key of a secret: hex SHA-256.
pub(crate) fn key_of(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// `salt` and `pin` digested for an offer record.
pub(crate) fn pin_digest(salt: &str, pin: &str) -> String {
    let mut h = Sha256::new();
    h.update(salt.as_bytes());
    h.update(b":");
    h.update(pin.as_bytes());
    hex::encode(h.finalize())
}

impl StateDir {
    /// Opens (creating, mode 0700) the state directory at `root`.
    pub(crate) fn open(root: &Path) -> Result<Self> {
        for table in [Table::Offers, Table::Tokens, Table::Nonces] {
            let dir = root.join(table.folder());
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o700))
                .with_context(|| format!("cannot make {} private", root.display()))?;
        }
        Ok(Self {
            root: root.to_owned(),
        })
    }

    /// Where issued credentials are kept (to publish to the registry as before).
    pub(crate) fn issued_dir(&self) -> PathBuf {
        self.root.join("issued")
    }

    fn path(&self, table: Table, key: &str) -> PathBuf {
        self.root.join(table.folder()).join(format!("{key}.json"))
    }

    /// The record stored under `key`, if any.
    pub(crate) fn get<T: DeserializeOwned>(&self, table: Table, key: &str) -> Result<Option<T>> {
        let path = self.path(table, key);
        if !path.exists() {
            return Ok(None);
        }
        let text = files::read_text(&path, MAX_RECORD)?;
        serde_json::from_str(&text)
            .map(Some)
            .with_context(|| format!("{} is damaged", path.display()))
    }

    /// Stores `record` under `key` (durably, before answering anyone).
    pub(crate) fn put<T: Serialize>(&self, table: Table, key: &str, record: &T) -> Result<()> {
        files::write_atomic(
            &self.path(table, key),
            serde_json::to_string(record)?.as_bytes(),
            true,
        )
    }

    /// Removes the record under `key`; answers whether there was one.
    pub(crate) fn take(&self, table: Table, key: &str) -> Result<bool> {
        match std::fs::remove_file(self.path(table, key)) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
            Err(e) => Err(e).context("cannot update the state directory"),
        }
    }
}
