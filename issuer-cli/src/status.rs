//! Offline revocation and suspension: an issuer-held status list file.
//!
//! The file holds the issuer's two lists (revocation and suspension, sharing one random
//! index per credential) with which indexes are allocated, plus the current issuer-signed
//! status list credentials. `issue --status` allocates from it, `revoke`/`suspend`/
//! `unsuspend` flip a bit and re-sign, and the operator's `bundle build --status-list`
//! copies the signed lists into the trust bundle. The file holds no secret.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use chrono::Utc;
use clap::{Args, Subcommand};
use credential_core::jws::{self, Header, UnverifiedJws};
use credential_core::status::{
    status_list_credential, IssuerStatusList, StatusEntry, StatusPurpose,
};
use credential_core::{CheckedCredential, SecretKey};
use serde::{Deserialize, Serialize};

use crate::files;

/// `status` commands.
#[derive(Debug, Subcommand)]
pub enum StatusCommand {
    /// Create an issuer's status list file (revocation and suspension lists, signed).
    Init(InitArgs),
    /// Show a status list file: list ids, allocated and set counts.
    Show(ShowArgs),
}

/// `status init`.
#[derive(Debug, Args)]
pub struct InitArgs {
    /// The issuer's private key file.
    #[arg(long)]
    key: PathBuf,
    /// Where to write the status list file.
    #[arg(long)]
    out: PathBuf,
    /// Base URL under which the lists will be published (default: urn:uuid ids, for
    /// lists carried only in trust bundles).
    #[arg(long)]
    base_url: Option<String>,
    /// Replace an existing file (every allocation in it is lost).
    #[arg(long)]
    force: bool,
}

/// `status show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The status list file.
    file: PathBuf,
}

/// `revoke` / `suspend` / `unsuspend`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("target").required(true).args(["credential", "index"])))]
pub struct FlipArgs {
    /// The credential file (compact JWS) whose status to change.
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

/// Which change.
#[derive(Debug, Clone, Copy)]
pub enum Flip {
    /// Set the revocation bit (permanent).
    Revoke,
    /// Set the suspension bit.
    Suspend,
    /// Clear the suspension bit.
    Unsuspend,
}

/// The issuer's status list file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct StatusFile {
    issuer: String,
    revocation: IssuerStatusList,
    suspension: IssuerStatusList,
    /// The issuer-signed status list credentials, current with the bits above.
    signed: Vec<String>,
}

impl StatusFile {
    fn new(key: &SecretKey, base_url: Option<&str>) -> Result<Self> {
        let id = |purpose: StatusPurpose| match base_url {
            Some(base) => format!(
                "{}/{}/{purpose}",
                base.trim_end_matches('/'),
                key.public().did()
            ),
            None => format!("urn:uuid:{}", uuid::Uuid::new_v4()),
        };
        let mut file = Self {
            issuer: key.public().did(),
            revocation: IssuerStatusList::new(
                &id(StatusPurpose::Revocation),
                StatusPurpose::Revocation,
            ),
            suspension: IssuerStatusList::new(
                &id(StatusPurpose::Suspension),
                StatusPurpose::Suspension,
            ),
            signed: Vec::new(),
        };
        file.sign(key, None)?;
        Ok(file)
    }

    /// Loads a status list file.
    pub fn load(path: &Path) -> Result<Self> {
        let text = files::read_text(path, 64 * 1024 * 1024)?;
        serde_json::from_str(&text)
            .with_context(|| format!("{} is not a Skillpass status list file", path.display()))
    }

    /// Saves it atomically.
    pub fn save(&self, path: &Path) -> Result<()> {
        files::write_atomic(path, serde_json::to_string_pretty(self)?.as_bytes(), false)
    }

    /// Allocates one random index in both lists and returns the two status entries.
    pub fn allocate(&mut self, issuer: &str) -> Result<Vec<StatusEntry>> {
        if issuer != self.issuer {
            bail!(
                "the status list file belongs to {}, not to {issuer}",
                self.issuer
            );
        }
        let index = self.revocation.allocate(&mut rand::rngs::OsRng)?;
        self.suspension.allocate_specific(index)?;
        Ok(vec![
            StatusEntry::new(StatusPurpose::Revocation, index, &self.revocation.id),
            StatusEntry::new(StatusPurpose::Suspension, index, &self.suspension.id),
        ])
    }

    /// Re-signs both lists. After a key rotation the key is not the issuer's DID; the
    /// caller then names the issuer (`--issuer`), and the bundle checks that the key is
    /// one of that issuer's.
    fn sign(&mut self, key: &SecretKey, issuer: Option<&str>) -> Result<()> {
        let public = key.public();
        if public.did() != self.issuer && issuer != Some(self.issuer.as_str()) {
            bail!(
                "the key {} is not the issuer of this status list file ({})",
                public.did(),
                self.issuer
            );
        }
        let now = Utc::now();
        self.signed = [&self.revocation, &self.suspension]
            .into_iter()
            .map(|list| {
                let doc = status_list_credential(&self.issuer, list, now);
                serde_json::to_vec(&doc).map(|payload| {
                    jws::sign(key, &Header::new("vc+jwt", &public.did_url()), &payload)
                })
            })
            .collect::<Result<_, _>>()?;
        Ok(())
    }
}

/// Runs a `status` command.
pub fn run(command: StatusCommand) -> Result<u8> {
    match command {
        StatusCommand::Init(a) => {
            if a.out.exists() && !a.force {
                bail!(
                    "{} exists; refusing to overwrite its allocations (use --force)",
                    a.out.display()
                );
            }
            let key = files::read_key(&a.key)?;
            let file = StatusFile::new(&key, a.base_url.as_deref())?;
            file.save(&a.out)?;
            println!("revocation list: {}", file.revocation.id);
            println!("suspension list: {}", file.suspension.id);
        }
        StatusCommand::Show(a) => {
            let file = StatusFile::load(&a.file)?;
            println!("issuer: {}", file.issuer);
            for list in [&file.revocation, &file.suspension] {
                println!(
                    "{} list {}: {} allocated of {} (limit {}), {} set",
                    list.purpose,
                    list.id,
                    list.allocated_count(),
                    list.bits.len(),
                    list.allocation_limit(),
                    list.bits.count_set()
                );
            }
        }
    }
    Ok(0)
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

/// Runs `revoke`, `suspend` or `unsuspend`: in the registry given by `--registry` or, when
/// no `--status` file is given, by `$SKILLPASS_REGISTRY`; otherwise in the status file.
pub fn flip(a: FlipArgs, flip: Flip) -> Result<u8> {
    let registry = a.registry.clone().or_else(|| {
        a.status
            .is_none()
            .then(|| std::env::var("SKILLPASS_REGISTRY").ok())
            .flatten()
            .filter(|r| !r.trim().is_empty())
    });
    if let Some(registry) = &registry {
        let Some(credential) = &a.credential else {
            bail!("with --registry, name the credential (a file or its id), not --index");
        };
        let (purpose, value, word) = flip.change();
        return crate::regstatus::flip(registry, &a.key, credential, purpose, value, word);
    }
    let Some(status_path) = &a.status else {
        bail!("give --status FILE (offline), or --registry URL (or set SKILLPASS_REGISTRY) to change the status in the registry");
    };
    let key = files::read_key(&a.key)?;
    let mut file = StatusFile::load(status_path)?;
    let index = match (a.index, &a.credential) {
        (Some(i), _) => i,
        (None, Some(path)) => index_of(path, &file)?,
        (None, None) => bail!("give a credential file or --index"),
    };
    let (list, value, word) = match flip {
        Flip::Revoke => (&mut file.revocation, true, "revoked"),
        Flip::Suspend => (&mut file.suspension, true, "suspended"),
        Flip::Unsuspend => (&mut file.suspension, false, "no longer suspended"),
    };
    list.set_status(index, value)?;
    file.sign(&key, a.issuer.as_deref())?;
    file.save(status_path)?;
    println!("index {index} {word}; re-signed lists saved in {} (give it to the operator's `bundle build --status-list`)", status_path.display());
    Ok(0)
}

/// The status index of one of this issuer's credentials (read, not verified: the issuer
/// is acting on its own credential).
fn index_of(path: &Path, file: &StatusFile) -> Result<usize> {
    let text = files::read_text(path, jws::MAX_JWS_LEN as u64)?;
    let parsed = UnverifiedJws::parse(text.trim(), jws::MAX_JWS_LEN)?;
    let doc = credential_core::json::parse_strict(parsed.payload())?;
    let credential = CheckedCredential::from_value(&doc)?;
    if credential.issuer != file.issuer {
        bail!(
            "{} was issued by {}, not by the owner of this status list file",
            path.display(),
            credential.issuer
        );
    }
    let entry = credential
        .status
        .iter()
        .find(|e| {
            e.status_list_credential == file.revocation.id
                || e.status_list_credential == file.suspension.id
        })
        .with_context(|| {
            format!(
                "{} has no entry in this status list file's lists",
                path.display()
            )
        })?;
    Ok(entry.index()?)
}
