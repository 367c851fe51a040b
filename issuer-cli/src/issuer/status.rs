//! `skillpass status`: the issuer's status list file, kept offline.
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
use credential_core::integrity::{self, peek_credential, ProofForm, MAX_DI_CREDENTIAL_LEN};
use credential_core::jws::{self, Header};
use credential_core::sdjwt::{reveal_all_unchecked, MAX_SD_JWT_LEN};
use credential_core::sdjwt_vc::TokenStatusList;
use credential_core::status::{
    status_list_credential, IssuerStatusList, StatusEntry, StatusPurpose,
};
use credential_core::trust::TYP_STATUS_LIST;
use credential_core::verify::is_data_integrity;
use credential_core::{Algorithm, CheckedCredential, SecretKey};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::common::args::SecuringArg;
use crate::common::files;

/// Largest status list file read: two lists of up to 2^25 entries with their allocations.
const MAX_STATUS_FILE: u64 = 64 * 1024 * 1024;

#[derive(Debug, Subcommand)]
pub(crate) enum StatusCommand {
    /// Create an issuer's status list file (revocation and suspension lists, signed).
    Init(InitArgs),
    /// Show a status list file: list ids, allocated and set counts.
    Show(ShowArgs),
    /// Write the revocation list as an IETF Token Status List (statuslist+jwt, signed),
    /// the form SD-JWT VC verifiers fetch from the list's URL.
    TokenList(TokenListArgs),
    /// Write one status list credential, current with the file and freshly signed, to host
    /// at its URL yourself (lists made with `status init --base-url`): as a compact JWS
    /// (serve it as application/vc+jwt) or as JSON with a Data Integrity proof (serve it as
    /// application/vc), the form Data Integrity verifiers read. Run it again after every
    /// revoke, suspend or unsuspend.
    ListCredential(ListCredentialArgs),
}

#[derive(Debug, Args)]
pub(crate) struct ListCredentialArgs {
    /// The issuer's private key file.
    #[arg(long)]
    key: PathBuf,
    /// The status list file.
    #[arg(long)]
    status: PathBuf,
    /// Which list: revocation or suspension.
    #[arg(long, default_value = "revocation", value_parser = parse_purpose)]
    purpose: StatusPurpose,
    /// How the list credential is secured: `jose` (a compact JWS, `vc+jwt`) or
    /// `data-integrity` (JSON with an `eddsa-rdfc-2022` proof; needs an Ed25519 key).
    #[arg(long, value_enum, default_value = "jose")]
    securing: SecuringArg,
    /// Where to write it.
    #[arg(long)]
    out: PathBuf,
}

/// A status purpose named on the command line.
fn parse_purpose(s: &str) -> Result<StatusPurpose, String> {
    match s {
        "revocation" => Ok(StatusPurpose::Revocation),
        "suspension" => Ok(StatusPurpose::Suspension),
        _ => Err(format!(
            "{s:?} is not a status purpose: revocation or suspension"
        )),
    }
}

#[derive(Debug, Args)]
pub(crate) struct TokenListArgs {
    /// The issuer's private key file.
    #[arg(long)]
    key: PathBuf,
    /// The status list file.
    #[arg(long)]
    status: PathBuf,
    /// Where to write the Status List Token.
    #[arg(long)]
    out: PathBuf,
    /// Hours until the token expires (verifiers fetch a fresh one before).
    #[arg(long, default_value_t = 24, value_parser = clap::value_parser!(u32).range(1..=8784))]
    valid_hours: u32,
}

#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    /// The issuer's private key file.
    #[arg(long)]
    key: PathBuf,
    /// Where to write the status list file.
    #[arg(long)]
    out: PathBuf,
    /// Base URL under which you publish the lists yourself: each list's id, which every
    /// credential issued with it names as its statusListCredential, is
    /// BASE/<issuer DID>/revocation (and /suspension). Default: the registry's.
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// The registry that will serve the lists (`skillpass publish --status` sends them):
    /// the lists' ids become REGISTRY/status/<issuer DID>/revocation and /suspension,
    /// where a verifier fetches them. Used when --base-url is not given.
    #[arg(long, env = "SKILLPASS_REGISTRY", value_name = "URL")]
    registry: Option<String>,
    /// Replace an existing file (every allocation in it is lost).
    #[arg(long)]
    force: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ShowArgs {
    /// The status list file.
    file: PathBuf,
}

/// The issuer's status list file.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub(crate) struct StatusFile {
    issuer: String,
    revocation: IssuerStatusList,
    suspension: IssuerStatusList,
    /// The issuer-signed status list credentials, current with the bits above.
    signed: Vec<String>,
}

impl StatusFile {
    /// A new file whose lists are published under `base_url` (an http(s) URL, see
    /// [`list_base`]): their ids are `base_url/<issuer DID>/<purpose>`.
    pub(crate) fn new(key: &SecretKey, base_url: &str) -> Result<Self> {
        check_base_url(base_url)?;
        let id = |purpose: StatusPurpose| {
            format!(
                "{}/{}/{purpose}",
                base_url.trim_end_matches('/'),
                key.public().did()
            )
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

    pub(crate) fn load(path: &Path) -> Result<Self> {
        let text = files::read_text(path, MAX_STATUS_FILE)?;
        serde_json::from_str(&text)
            .with_context(|| format!("{} is not a Skillpass status list file", path.display()))
    }

    pub(crate) fn save(&self, path: &Path) -> Result<()> {
        files::write_atomic(path, serde_json::to_string_pretty(self)?.as_bytes(), false)
    }

    /// Allocates one random index in both lists and returns the two status entries.
    /// Refuses a file whose lists have no URL (made before `status init` required one):
    /// every credential names its list by that id, and a verifier must be able to fetch it.
    pub(crate) fn allocate(&mut self, issuer: &str) -> Result<Vec<StatusEntry>> {
        if issuer != self.issuer {
            bail!(
                "the status list file belongs to {}, not to {issuer}",
                self.issuer
            );
        }
        if [&self.revocation.id, &self.suspension.id]
            .iter()
            .any(|id| !is_http_url(id))
        {
            bail!(
                "this status list file's lists have no URL (their ids are {} and {}), so a \
                 verifier could not fetch the list a credential names as its \
                 statusListCredential. Make a new file for new credentials with \
                 `skillpass status init --registry URL` (the registry that serves your lists) \
                 or `--base-url URL` (where you publish them yourself); keep this one to \
                 revoke or suspend the credentials already issued from it",
                self.revocation.id,
                self.suspension.id
            );
        }
        let index = self.revocation.allocate(&mut rand::rngs::OsRng)?;
        self.suspension.allocate_specific(index)?;
        Ok(vec![
            StatusEntry::new(StatusPurpose::Revocation, index, &self.revocation.id),
            StatusEntry::new(StatusPurpose::Suspension, index, &self.suspension.id),
        ])
    }

    /// Sets the bit at `index` of the list for `purpose` (re-sign before saving).
    pub(crate) fn set(&mut self, purpose: StatusPurpose, index: usize, value: bool) -> Result<()> {
        let list = match purpose {
            StatusPurpose::Revocation => &mut self.revocation,
            StatusPurpose::Suspension => &mut self.suspension,
        };
        Ok(list.set_status(index, value)?)
    }

    /// Re-signs both lists. After a key rotation the key is not the issuer's DID; the
    /// caller then names the issuer (`--issuer`), and the bundle checks that the key is
    /// one of that issuer's.
    pub(crate) fn sign(&mut self, key: &SecretKey, issuer: Option<&str>) -> Result<()> {
        if key.public().did() != self.issuer && issuer != Some(self.issuer.as_str()) {
            bail!(
                "the key {} is not the issuer of this status list file ({})",
                key.public().did(),
                self.issuer
            );
        }
        let now = Utc::now();
        self.signed = [&self.revocation, &self.suspension]
            .into_iter()
            .map(|list| sign_status_list(key, &status_list_credential(&self.issuer, list, now)))
            .collect::<Result<_>>()?;
        Ok(())
    }

    /// The issuer whose lists these are.
    pub(crate) fn issuer(&self) -> &str {
        &self.issuer
    }

    /// The list for `purpose`.
    pub(crate) fn list(&self, purpose: StatusPurpose) -> &IssuerStatusList {
        match purpose {
            StatusPurpose::Revocation => &self.revocation,
            StatusPurpose::Suspension => &self.suspension,
        }
    }

    /// The status list credential for `purpose`, current with the file's bits and signed
    /// now by `key` (the file's issuer), as text to host at the list's URL, with the media
    /// type to serve it as.
    pub(crate) fn list_credential(
        &self,
        key: &SecretKey,
        purpose: StatusPurpose,
        securing: SecuringArg,
        now: chrono::DateTime<Utc>,
    ) -> Result<(String, &'static str)> {
        if key.public().did() != self.issuer {
            bail!(
                "the key {} is not the issuer of this status list file ({})",
                key.public().did(),
                self.issuer
            );
        }
        let document = status_list_credential(&self.issuer, self.list(purpose), now);
        match securing {
            SecuringArg::Jose => Ok((sign_status_list(key, &document)?, "application/vc+jwt")),
            SecuringArg::DataIntegrity => {
                if key.algorithm() != Algorithm::EdDSA {
                    bail!(
                        "a Data Integrity proof ({}) needs an Ed25519 key; this key is {}",
                        integrity::CRYPTOSUITE,
                        key.algorithm().describe()
                    );
                }
                let secured = integrity::sign(
                    &document,
                    key,
                    &key.public().did_url(),
                    now,
                    ProofForm::Object,
                )
                .context("cannot add the Data Integrity proof to the status list")?;
                Ok((serde_json::to_string_pretty(&secured)?, "application/vc"))
            }
        }
    }

    /// The status index of `path`, one of this issuer's credentials (read, not verified:
    /// the issuer is acting on its own credential).
    pub(crate) fn index_of(&self, path: &Path) -> Result<usize> {
        let limit = MAX_SD_JWT_LEN.max(MAX_DI_CREDENTIAL_LEN);
        let text = files::read_text(path, limit as u64)?;
        let text = text.trim();
        // An SD-JWT (either layout) is read as the holder's copy shows it; a compact JWS or
        // a Data Integrity credential by its envelope.
        let credential = if !is_data_integrity(text) && text.contains('~') {
            CheckedCredential::from_value(&reveal_all_unchecked(text)?)?
        } else {
            peek_credential(text)?
        };
        if credential.issuer != self.issuer {
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
                e.status_list_credential == self.revocation.id
                    || e.status_list_credential == self.suspension.id
            })
            .with_context(|| {
                format!(
                    "{} has no entry in this status list file's lists",
                    path.display()
                )
            })?;
        Ok(entry.index()?)
    }
}

/// Where the lists of a new status list file are published: `--base-url` as given, else
/// the registry's `/status`; refused with what to pass when neither is known, since a
/// list id that is not a URL (the `urn:uuid:` ids of old) is one no verifier can fetch.
fn list_base(base_url: Option<&str>, registry: Option<&str>) -> Result<String> {
    match (base_url, registry.filter(|r| !r.trim().is_empty())) {
        (Some(base), _) => Ok(base.to_owned()),
        (None, Some(registry)) => {
            check_base_url(registry).context("--registry (or SKILLPASS_REGISTRY)")?;
            Ok(format!("{}/status", registry.trim_end_matches('/')))
        }
        (None, None) => bail!(
            "a status list needs a URL where verifiers fetch it: each credential issued with \
             it names the list by that URL (statusListCredential). Pass --registry URL (or \
             set SKILLPASS_REGISTRY) when the registry serves your lists, or --base-url URL \
             for lists you publish yourself"
        ),
    }
}

/// Whether `s` is an absolute http(s) URL with a host.
pub(crate) fn is_http_url(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    rest.is_some_and(|r| {
        let host = r.split('/').next().unwrap_or_default();
        !host.is_empty() && !r.chars().any(|c| c.is_whitespace() || c.is_control())
    })
}

/// Refuses a base URL that is not an http(s) URL, or has a query or fragment (the list's
/// id is the base with the DID and purpose appended).
fn check_base_url(base: &str) -> Result<()> {
    const MAX_BASE_URL: usize = 400;
    if base.len() > MAX_BASE_URL || !is_http_url(base) || base.contains(['?', '#']) {
        bail!(
            "the status lists' base URL must be an http:// or https:// URL with a host and \
             no query or fragment (at most {MAX_BASE_URL} characters), e.g. \
             https://registry.example"
        );
    }
    Ok(())
}

/// Signs a status list credential as the issuer whose key this is, with the `typ` every
/// verifier and the registry expect of one.
/// Hours a Token Status List sent to the registry stays valid: `skillpass revoke` sends a
/// fresh one with every change, `skillpass publish --status` refreshes it.
pub(crate) const TOKEN_LIST_HOURS: i64 = 7 * 24;

/// The IETF Token Status List over `bits` (the issuer's revocation list `list_id`), signed
/// by `key`, for the registry to serve beside the Bitstring list (for `dc+sd-jwt`).
pub(crate) fn sign_token_list(
    key: &SecretKey,
    list_id: &str,
    bits: &credential_core::status::Bitstring,
) -> String {
    let now = Utc::now().timestamp();
    TokenStatusList::from_bitstring(bits).sign(
        key,
        &key.public().did_url(),
        list_id,
        now,
        now + TOKEN_LIST_HOURS * 3600,
        3600,
    )
}

pub(crate) fn sign_status_list(key: &SecretKey, document: &Value) -> Result<String> {
    let header = Header::new(TYP_STATUS_LIST, &key.public().did_url());
    Ok(jws::sign(key, &header, &serde_json::to_vec(document)?))
}

pub(crate) fn run(command: StatusCommand) -> Result<u8> {
    match command {
        StatusCommand::Init(a) => {
            if a.out.exists() && !a.force {
                bail!(
                    "{} exists; refusing to overwrite its allocations (use --force)",
                    a.out.display()
                );
            }
            let key = files::read_key(&a.key)?;
            let base = list_base(a.base_url.as_deref(), a.registry.as_deref())?;
            let file = StatusFile::new(&key, &base)?;
            file.save(&a.out)?;
            println!("revocation list: {}", file.revocation.id);
            println!("suspension list: {}", file.suspension.id);
        }
        StatusCommand::TokenList(a) => {
            let key = files::read_key(&a.key)?;
            let file = StatusFile::load(&a.status)?;
            if key.public().did() != file.issuer {
                bail!(
                    "the key {} is not the issuer of this status list file ({})",
                    key.public().did(),
                    file.issuer
                );
            }
            let now = Utc::now().timestamp();
            let token = TokenStatusList::from_bitstring(&file.revocation.bits).sign(
                &key,
                &key.public().did_url(),
                &file.revocation.id,
                now,
                now + i64::from(a.valid_hours) * 3600,
                3600,
            );
            files::write_atomic(&a.out, format!("{token}\n").as_bytes(), false)?;
            println!(
                "token status list for {} ({} revoked) -> {} (serve it at that URL as application/statuslist+jwt)",
                file.revocation.id,
                file.revocation.bits.count_set(),
                a.out.display()
            );
        }
        StatusCommand::ListCredential(a) => {
            let key = files::read_key(&a.key)?;
            let file = StatusFile::load(&a.status)?;
            let (text, what) = file.list_credential(&key, a.purpose, a.securing, Utc::now())?;
            files::write_atomic(&a.out, format!("{text}\n").as_bytes(), false)?;
            let list = file.list(a.purpose);
            println!(
                "{} list {} ({} set) -> {} (serve it at that URL as {what})",
                a.purpose,
                list.id,
                list.bits.count_set(),
                a.out.display()
            );
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
