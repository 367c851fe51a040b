//! Trust on the command line: [`TrustArgs`], the `--bundle`, `--anchor` and `--state`
//! arguments that every command reading a trust bundle flattens (`verify`, `wallet add`,
//! `wallet list`, `wallet import`, `card`, `equivalence show`), and [`TrustArgs::open`], the
//! one way such a command gets a [`VerifiedBundle`]:
//!
//! 1. the anchor must be a did:key;
//! 2. the verifier's memory of bundles is read (a damaged memory stops the command: starting
//!    afresh would silently drop the protection it carries);
//! 3. the bundle file is read within [`MAX_BUNDLE_LEN`];
//! 4. the bundle is verified against the anchor, then held against the memory: older than a
//!    bundle seen (rollback) or different from one seen with the same sequence
//!    (equivocation) is refused, and a newer one is remembered.
//!
//! Steps 1 to 3 failing mean the command could not run; step 4 failing is a refusal,
//! [`TrustError::Refused`], which a verifier reports as its verdict.

use std::path::{Path, PathBuf};

use clap::Args;
use credential_core::trust::MAX_BUNDLE_LEN;
use credential_core::{BundleError, KeyError, TrustAnchor, VerifiedBundle};

use crate::common::files;
use crate::common::seen_file::SeenFile;

/// Where trust comes from. The three are optional here, `--bundle` and `--anchor` given
/// together; `verify` makes both required. A command whose words for them differ sets its
/// own help with `arg_help`; the argument itself is declared only here.
#[derive(Debug, Clone, Args)]
pub(crate) struct TrustArgs {
    /// The trust bundle file.
    #[arg(long, requires = "anchor")]
    bundle: Option<PathBuf>,
    /// The pinned trust anchor (the operator's did:key).
    #[arg(long, requires = "bundle")]
    anchor: Option<String>,
    /// File remembering the newest bundle sequence seen per anchor, to refuse rollbacks
    /// (default: $SKILLPASS_STATE, else ~/.skillpass/seen-bundles.json).
    #[arg(long, requires = "bundle")]
    state: Option<PathBuf>,
}

/// Why no verified bundle came of [`TrustArgs`].
#[derive(Debug, thiserror::Error)]
pub(crate) enum TrustError {
    /// `--bundle` and `--anchor` were not given (clap enforces them where they are required).
    #[error("give --bundle FILE and --anchor DID (the operator's did:key)")]
    NotGiven,
    #[error("--anchor must be the operator's did:key")]
    Anchor(#[source] KeyError),
    /// The bundle file or the verifier's memory could not be read: the command could not run.
    #[error(transparent)]
    Unreadable(#[from] anyhow::Error),
    /// The bundle was read and refused: malformed, not signed by the anchor, a rollback or
    /// an equivocation.
    #[error(transparent)]
    Refused(#[from] BundleError),
}

impl TrustError {
    /// The error of a command that needs a bundle it can trust to go on (a wallet check, a
    /// card): a refusal says so before why.
    pub(crate) fn stops_command(self) -> anyhow::Error {
        match self {
            Self::Refused(why) => anyhow::Error::new(why).context("the trust bundle was refused"),
            other => other.into(),
        }
    }
}

impl TrustArgs {
    /// The bundle file given, if any.
    pub(crate) fn bundle_path(&self) -> Option<&Path> {
        self.bundle.as_deref()
    }

    /// Reads, verifies and admits the bundle (see the module's steps).
    pub(crate) fn open(&self) -> Result<VerifiedBundle, TrustError> {
        let (Some(bundle), Some(anchor)) = (&self.bundle, &self.anchor) else {
            return Err(TrustError::NotGiven);
        };
        let anchor = TrustAnchor::from_did(anchor).map_err(TrustError::Anchor)?;
        let mut seen = SeenFile::open(self.state.clone())?;
        let text = files::read_text(bundle, MAX_BUNDLE_LEN as u64)?;
        Ok(seen.admit(&anchor, &text)?)
    }

    /// [`open`](Self::open) for commands where the bundle is optional: `None` without one.
    pub(crate) fn open_if_given(&self) -> Result<Option<VerifiedBundle>, TrustError> {
        match self.open() {
            Ok(bundle) => Ok(Some(bundle)),
            Err(TrustError::NotGiven) => Ok(None),
            Err(e) => Err(e),
        }
    }
}
