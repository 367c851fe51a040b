//! The verifier's memory of trust bundles, kept in a JSON file
//! (`--state FILE`, else `$SKILLPASS_STATE`, else `~/.skillpass/seen-bundles.json`):
//! the newest sequence per anchor and the digest of each sequence seen, so that an older
//! bundle (rollback) and a different bundle with a sequence already seen (equivocation)
//! are refused.

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use credential_core::{BundleError, SeenBundles, TrustAnchor, VerifiedBundle};

use crate::common::files;

/// Largest memory file read: thousands of anchors and sequences fit in far less.
const MAX_STATE: u64 = 4 * 1024 * 1024;

/// The memory, and the file it is saved to (none when there is no home to keep it in).
pub(crate) struct SeenFile {
    path: Option<PathBuf>,
    seen: SeenBundles,
}

impl SeenFile {
    /// Opens the memory at `explicit`, or at the default place. A missing file is an empty
    /// memory; a damaged one is refused, because silently starting afresh would drop the
    /// rollback and equivocation protection it carries.
    pub(crate) fn open(explicit: Option<PathBuf>) -> Result<Self> {
        let path = explicit.or_else(default_path);
        let seen = match &path {
            Some(p) if p.exists() => load(p)?,
            _ => SeenBundles::new(),
        };
        Ok(Self { path, seen })
    }

    /// Verifies `text` as a bundle of `anchor`, refuses a rollback or an equivocation, and
    /// remembers an accepted bundle.
    pub(crate) fn admit(
        &mut self,
        anchor: &TrustAnchor,
        text: &str,
    ) -> Result<VerifiedBundle, BundleError> {
        let bundle = anchor.verify_bundle(text.trim(), None)?;
        self.seen.check(&bundle)?;
        if self.seen.remember(&bundle) {
            self.save();
        }
        Ok(bundle)
    }

    /// Remembers a bundle accepted before (e.g. the file a new one replaces), so the new
    /// one is checked against it too.
    pub(crate) fn remember(&mut self, bundle: &VerifiedBundle) {
        if self.seen.check(bundle).is_ok() && self.seen.remember(bundle) {
            self.save();
        }
    }

    fn save(&self) {
        // Remembering is a defence, not a precondition: a read-only home must not stop a
        // verification.
        if let Some(path) = &self.path {
            let _ = files::write_atomic(path, self.seen.to_json().as_bytes(), false);
        }
    }
}

fn load(path: &Path) -> Result<SeenBundles> {
    let shown = path.display();
    let text = files::read_text(path, MAX_STATE)?;
    match SeenBundles::from_json(&text) {
        Ok(seen) => Ok(seen),
        Err(e) => bail!(
            "the verifier's memory of trust bundles {shown} is damaged ({e}); nothing was \
             verified, because that memory is what refuses old or forged bundles. Restore the \
             file from a backup, or move it aside (mv {shown} {shown}.damaged) to start a \
             fresh memory that knows only the bundles seen from now on"
        ),
    }
}

fn default_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("SKILLPASS_STATE") {
        return Some(PathBuf::from(p));
    }
    std::env::var_os("HOME").map(|h| {
        PathBuf::from(h)
            .join(".skillpass")
            .join("seen-bundles.json")
    })
}
