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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use chrono::{Duration, Utc};
    use credential_core::{did_key_issuer, BundleBuilder, SecretKey};

    use super::*;

    /// A directory holding `bundle-N.jws`, bundles 1 and 2 of one anchor, and the anchor.
    fn bundles() -> (tempfile::TempDir, String) {
        let dir = tempfile::tempdir().unwrap();
        let anchor = SecretKey::generate();
        let college = SecretKey::generate().public().did();
        let now = Utc::now();
        for sequence in [1, 2] {
            let issuer = did_key_issuer(&college, "C", "PH", Vec::new(), now).unwrap();
            let jws = BundleBuilder::new(&anchor.public(), sequence, now, now + Duration::days(1))
                .issuer(issuer)
                .sign(&anchor)
                .unwrap();
            let path = dir.path().join(format!("bundle-{sequence}.jws"));
            std::fs::write(path, jws).unwrap();
        }
        (dir, anchor.public().did())
    }

    fn args(dir: &tempfile::TempDir, bundle: &str, anchor: &str) -> TrustArgs {
        TrustArgs {
            bundle: Some(dir.path().join(bundle)),
            anchor: Some(anchor.to_owned()),
            state: Some(dir.path().join("seen.json")),
        }
    }

    #[test]
    fn no_bundle_given_is_none_where_the_bundle_is_optional() {
        let none = TrustArgs {
            bundle: None,
            anchor: None,
            state: None,
        };
        assert!(matches!(none.open(), Err(TrustError::NotGiven)));
        assert!(matches!(none.open_if_given(), Ok(None)));
    }

    #[test]
    fn an_anchor_that_is_not_a_did_key_could_not_run() {
        let (dir, _) = bundles();
        let e = args(&dir, "bundle-1.jws", "did:web:example.org").open();
        assert!(matches!(e, Err(TrustError::Anchor(_))));
    }

    #[test]
    fn a_missing_bundle_file_could_not_run() {
        let (dir, anchor) = bundles();
        let e = args(&dir, "nowhere.jws", &anchor).open();
        assert!(matches!(e, Err(TrustError::Unreadable(_))));
    }

    #[test]
    fn a_bundle_of_another_anchor_is_refused_and_stops_a_holders_command_in_words() {
        let (dir, _) = bundles();
        let other = SecretKey::generate().public().did();
        let e = args(&dir, "bundle-1.jws", &other).open();
        let Err(e @ TrustError::Refused(BundleError::NotSignedByAnchor { .. })) = e else {
            panic!("{e:?}");
        };
        let words = format!("{:#}", e.stops_command());
        assert!(
            words.starts_with("the trust bundle was refused: bundle is not signed"),
            "{words}"
        );
    }

    #[test]
    fn the_memory_is_consulted_and_kept_in_the_state_file() {
        let (dir, anchor) = bundles();
        assert_eq!(
            args(&dir, "bundle-2.jws", &anchor)
                .open()
                .unwrap()
                .sequence(),
            2
        );
        assert!(dir.path().join("seen.json").exists());
        let e = args(&dir, "bundle-1.jws", &anchor).open();
        assert!(matches!(
            e,
            Err(TrustError::Refused(BundleError::Rollback {
                got: 1,
                seen: 2
            }))
        ));
    }
}
