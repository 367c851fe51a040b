//! A file of signed decisions, as `authority sign` and `authority import --out` write it
//! and `bundle build --decisions` reads it.

use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use credential_core::equivalence::RecognitionDecision;
use credential_core::signed::{peek_json, DecisionJwt};
use serde_json::Value;

use crate::common::files;

/// One compact JWS per line. `authority sign` and `import --out` add to the file rather
/// than overwrite it, so the README's sign-then-import fills one file: a decision with an
/// id already in the file replaces that line (a corrected re-signing), others are appended.
pub(super) struct DecisionsFile {
    path: PathBuf,
    /// (decision id, JWS) in file order.
    lines: Vec<(String, String)>,
    kept: usize,
    replaced: usize,
    added: usize,
}

impl DecisionsFile {
    /// Reads `path` if it exists; refuses a file that is not one of signed decisions
    /// rather than overwrite it.
    pub(super) fn open(path: &Path) -> Result<Self> {
        let mut lines = Vec::new();
        if path.exists() {
            let text = files::read_text(path, files::MAX_FILE)?;
            for (n, line) in text.lines().map(str::trim).enumerate() {
                if line.is_empty() {
                    continue;
                }
                let id = peek_json::<DecisionJwt>(line)
                    .ok()
                    .and_then(|v| v.get("id").and_then(Value::as_str).map(str::to_owned))
                    .with_context(|| {
                        format!(
                            "{} exists and line {} is not a signed decision: not overwriting it; \
                             choose another --out",
                            path.display(),
                            n + 1
                        )
                    })?;
                lines.push((id, line.to_owned()));
            }
        }
        let kept = lines.len();
        Ok(Self {
            path: path.to_owned(),
            lines,
            kept,
            replaced: 0,
            added: 0,
        })
    }

    /// The decisions already in the file, as signed (for checking revisions against them).
    pub(super) fn decisions(&self) -> Vec<RecognitionDecision> {
        self.lines
            .iter()
            .filter_map(|(_, jws)| peek_json::<DecisionJwt>(jws).ok())
            .filter_map(|v| serde_json::from_value(v).ok())
            .collect()
    }

    pub(super) fn put(&mut self, id: &str, jws: String) {
        match self.lines.iter_mut().find(|(i, _)| i == id) {
            Some(line) => {
                line.1 = jws;
                self.replaced += 1;
                self.kept = self.kept.saturating_sub(1);
            }
            None => {
                self.lines.push((id.to_owned(), jws));
                self.added += 1;
            }
        }
    }

    pub(super) fn save(&self) -> Result<()> {
        let mut out = String::new();
        for (_, jws) in &self.lines {
            out.push_str(jws);
            out.push('\n');
        }
        files::write_atomic(&self.path, out.as_bytes(), false)
    }

    /// `decisions.jws (1 kept, 3 added; 4 decisions in the file)`.
    pub(super) fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.kept > 0 {
            parts.push(format!("{} kept", self.kept));
        }
        if self.replaced > 0 {
            parts.push(format!("{} replaced", self.replaced));
        }
        parts.push(format!("{} added", self.added));
        format!(
            "{} ({}; {} decision{} in the file)",
            self.path.display(),
            parts.join(", "),
            self.lines.len(),
            if self.lines.len() == 1 { "" } else { "s" }
        )
    }
}
