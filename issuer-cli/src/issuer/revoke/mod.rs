//! `skillpass revoke`, `suspend` and `unsuspend`: change a credential's status, offline in
//! the issuer's status list file (then the operator's next bundle carries it), or in the
//! registry ([`registry`]) — given by `--registry`, or by `$SKILLPASS_REGISTRY` when no
//! `--status` file is named.

mod registry;

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use credential_core::status::StatusPurpose;

use super::status::StatusFile;
use crate::common::files;
use crate::common::said::said;
use credential_core::i18n::Msg;

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("target").required(true).args(["credential", "index"])))]
pub(crate) struct FlipArgs {
    /// The credential file (compact JWS, or JSON with a Data Integrity proof) whose status
    /// to change.
    credential: Option<PathBuf>,
    /// Or the status list index directly.
    #[arg(long)]
    index: Option<usize>,
    /// The issuer's private key file (the lists are re-signed).
    #[arg(long)]
    key: PathBuf,
    /// The issuer's status list file (offline mode).
    #[arg(long, conflicts_with = "registry")]
    status: Option<PathBuf>,
    /// Change the status in this registry instead (the credential is a file or an id);
    /// without --status, $SKILLPASS_REGISTRY is used when set.
    #[arg(long)]
    registry: Option<String>,
    /// The issuer DID when the key is a rotated key of that issuer (offline mode).
    #[arg(long, conflicts_with = "registry")]
    issuer: Option<String>,
}

/// What `revoke`, `suspend` and `unsuspend` do to a credential's bit.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Flip {
    /// Set the revocation bit (permanent).
    Revoke,
    /// Set the suspension bit.
    Suspend,
    /// Clear the suspension bit.
    Unsuspend,
}

impl Flip {
    /// The list it changes, the bit's new value, and what that means in words.
    fn change(self) -> (StatusPurpose, bool, &'static str) {
        match self {
            Self::Revoke => (StatusPurpose::Revocation, true, "revoked"),
            Self::Suspend => (StatusPurpose::Suspension, true, "suspended"),
            Self::Unsuspend => (StatusPurpose::Suspension, false, "no longer suspended"),
        }
    }
}

pub(crate) fn run(a: FlipArgs, flip: Flip) -> Result<u8> {
    let registry = a.registry.clone().or_else(|| {
        a.status
            .is_none()
            .then(|| std::env::var("SKILLPASS_REGISTRY").ok())
            .flatten()
            .filter(|r| !r.trim().is_empty())
    });
    let (purpose, value, word) = flip.change();
    if let Some(registry) = &registry {
        let Some(credential) = &a.credential else {
            return Err(said(Msg::new("cli-revoke-registry-credential")));
        };
        return registry::flip(registry, &a.key, credential, purpose, value, word);
    }
    let Some(status_path) = &a.status else {
        return Err(said(Msg::new("cli-revoke-where")));
    };
    let key = files::read_key(&a.key)?;
    let mut file = StatusFile::load(status_path)?;
    let index = match (a.index, &a.credential) {
        (Some(i), _) => i,
        (None, Some(path)) => file.index_of(path)?,
        (None, None) => return Err(said(Msg::new("cli-revoke-what"))),
    };
    file.set(purpose, index, value)?;
    file.sign(&key, a.issuer.as_deref())?;
    file.save(status_path)?;
    println!("index {index} {word}; re-signed lists saved in {} (give it to the operator's `bundle build --status-list`)", status_path.display());
    Ok(0)
}
