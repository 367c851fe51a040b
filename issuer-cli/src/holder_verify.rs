//! The holder-side modes of `skillpass verify`: a holder-signed presentation
//! (`--presentation`), and the flags they need (`--audience`, `--nonce`, `--max-age`).

use std::io::Read as _;
use std::path::Path;

use anyhow::{bail, Context as _, Result};
use chrono::Duration;
use clap::Args;
use credential_core::presentation::{self, MAX_PRESENTATION_LEN};
use credential_core::{verify_presentation, PresentationReport, Verifier};

use crate::verify::{self, VerifyArgs};

/// The flags of `verify` that check what a holder shows rather than a bare credential.
#[derive(Debug, Args)]
pub struct HolderArgs {
    /// The input is a holder-signed presentation (vp+jwt); needs --audience and --nonce.
    #[arg(long, requires_all = ["audience", "nonce"])]
    presentation: bool,
    /// This verifier's identifier, which the presentation must be bound to (its `aud`).
    #[arg(long)]
    audience: Option<String>,
    /// The nonce this verifier gave the holder for this presentation.
    #[arg(long)]
    nonce: Option<String>,
    /// Oldest presentation accepted, in seconds after it was made.
    #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u32).range(1..=86_400))]
    max_age: u32,
}

impl HolderArgs {
    /// Whether `verify` should run a holder-side mode instead of checking credentials.
    pub fn is_holder_mode(&self) -> bool {
        self.presentation
    }
}

/// Runs the holder-side mode of `verify`.
pub fn run(a: &VerifyArgs) -> Result<u8> {
    let h = &a.holder;
    let (Some(audience), Some(nonce)) = (h.audience.as_deref(), h.nonce.as_deref()) else {
        bail!("--presentation needs --audience and --nonce");
    };
    let [input] = a.inputs.as_slice() else {
        bail!("--presentation checks one presentation file at a time");
    };
    let text = read_bounded(input, MAX_PRESENTATION_LEN)?;
    let max_age = Duration::seconds(i64::from(h.max_age));
    let report = match verify::open_bundle(a)? {
        Err(e) => presentation::bundle_rejected(&e.to_string()),
        Ok(bundle) => {
            let mut verifier = Verifier::new(&bundle, verify::clock(a));
            if let Some(destination) = verify::destination(a) {
                verifier = verifier.with_destination(destination)?;
            }
            verify_presentation(&verifier, &text, audience, nonce, max_age)
        }
    };
    print_presentation(a, &report)?;
    Ok(u8::try_from(report.verdict.exit_code()).unwrap_or(2))
}

fn print_presentation(a: &VerifyArgs, report: &PresentationReport) -> Result<()> {
    if verify::wants_json(a) {
        println!("{}", serde_json::to_string_pretty(report)?);
    } else {
        print!("{}", report.to_words());
    }
    Ok(())
}

/// Reads a file or `-` (standard input), a little past `max` so that an oversized input is
/// reported by the verifier as such rather than as unreadable.
pub fn read_bounded(path: &Path, max: usize) -> Result<String> {
    let limit = max as u64 + 1024;
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(limit)
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
    } else {
        std::fs::File::open(path)
            .with_context(|| format!("cannot open {}", path.display()))?
            .take(limit)
            .read_to_end(&mut bytes)
            .with_context(|| format!("cannot read {}", path.display()))?;
    }
    Ok(String::from_utf8_lossy(&bytes).trim().to_owned())
}
