//! The holder-side modes of `skillpass verify`: a holder-signed presentation
//! (`--presentation`), a selectively disclosed SD-JWT with key binding (`--sd-jwt`, or
//! any input containing `~`), and the flags they need (`--audience`, `--nonce`,
//! `--max-age`).

use std::io::Read as _;
use std::path::Path;

use anyhow::{bail, Context as _, Result};
use chrono::Duration;
use clap::Args;
use credential_core::presentation::{self, MAX_PRESENTATION_LEN};
use credential_core::sdjwt::{self, MAX_SD_JWT_LEN};
use credential_core::{verify_presentation, Verdict, Verifier};
use serde::Serialize;

use crate::verify::{self, VerifyArgs};

/// The flags of `verify` that check what a holder shows rather than a bare credential.
#[derive(Debug, Args)]
pub struct HolderArgs {
    /// The input is a holder-signed presentation (vp+jwt); needs --audience and --nonce.
    #[arg(long, requires_all = ["audience", "nonce"], conflicts_with = "sd_jwt")]
    presentation: bool,
    /// The input is an SD-JWT presentation with key binding (also detected by its `~`);
    /// needs --audience and --nonce.
    #[arg(long, requires_all = ["audience", "nonce"])]
    sd_jwt: bool,
    /// This verifier's identifier, which the presentation must be bound to (its `aud`).
    #[arg(long)]
    audience: Option<String>,
    /// The nonce this verifier gave the holder for this presentation.
    #[arg(long)]
    nonce: Option<String>,
    /// Oldest presentation accepted, in seconds after it was made.
    #[arg(long, default_value_t = 300, value_parser = clap::value_parser!(u32).range(1..=86_400))]
    max_age: u32,
    /// Verify the credential in this scanned QR text (`SP1:…`, from `skillpass qr`).
    #[arg(long, conflicts_with_all = ["qr_image", "presentation", "sd_jwt"])]
    qr_text: Option<String>,
    /// Verify the credential in the QR code of this image (a `skillpass qr` or `card` PNG).
    #[arg(long, conflicts_with_all = ["presentation", "sd_jwt"])]
    qr_image: Option<std::path::PathBuf>,
}

impl HolderArgs {
    /// The credential scanned from `--qr-text` or `--qr-image`, if one was given.
    pub fn scanned(&self) -> Result<Option<(String, String)>> {
        crate::qr::scanned_input(self.qr_text.as_deref(), self.qr_image.as_deref())
    }

    /// Whether `verify` should run a holder-side mode instead of checking credentials.
    pub fn is_holder_mode(&self) -> bool {
        self.presentation || self.sd_jwt
    }

    /// Checks the input as a presentation, as if `--presentation` had been given.
    pub fn assume_presentation(&mut self) {
        self.presentation = true;
    }
}

/// Whether the inputs are one file holding a holder-signed presentation (`typ` `vp+jwt`),
/// recognised so that a verifier need not know to say `--presentation`.
pub fn looks_like_presentation(inputs: &[std::path::PathBuf]) -> bool {
    let [one] = inputs else { return false };
    if !one.is_file() {
        return false;
    }
    read_bounded(one, MAX_PRESENTATION_LEN).is_ok_and(|text| {
        credential_core::jws::UnverifiedJws::parse(&text, MAX_PRESENTATION_LEN)
            .is_ok_and(|jws| jws.header().typ.as_deref() == Some(presentation::TYP_VP))
    })
}

/// Whether the inputs are one SD-JWT: `<JWS>~<disclosure>~…~[<KB-JWT>]`, every piece
/// base64url (the `~` separators never occur in a plain JWS). Anything else, garbage with a
/// `~` in it included, goes to the ordinary credential checks and is reported there.
pub fn looks_like_sd_jwt(inputs: &[std::path::PathBuf]) -> bool {
    let Some(text) = (match inputs {
        [one] if one.is_file() => read_bounded(one, MAX_SD_JWT_LEN).ok(),
        _ => None,
    }) else {
        return false;
    };
    let b64url = |s: &str| {
        s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.')
    };
    let mut pieces = text.split('~');
    let jws = pieces.next().unwrap_or_default();
    text.contains('~') && jws.matches('.').count() == 2 && b64url(jws) && pieces.all(b64url)
}

/// Runs the holder-side mode of `verify`.
pub fn run(a: &VerifyArgs) -> Result<u8> {
    let h = &a.holder;
    let what = if h.presentation {
        "a presentation"
    } else {
        "an SD-JWT presentation"
    };
    let (Some(audience), Some(nonce)) = (h.audience.as_deref(), h.nonce.as_deref()) else {
        bail!("{what} is checked with --audience (this verifier's id) and --nonce (the one it gave the holder)");
    };
    let [input] = a.inputs.as_slice() else {
        bail!("{what} is checked one file at a time");
    };
    let max_age = Duration::seconds(i64::from(h.max_age));
    let bundle = verify::open_bundle(a)?;
    let verifier = match &bundle {
        Ok(bundle) => {
            let mut verifier = Verifier::new(bundle, verify::clock(a));
            if let Some(destination) = verify::destination(a) {
                verifier = verifier.with_destination(destination)?;
            }
            Ok(verifier)
        }
        Err(e) => Err(e.to_string()),
    };
    if h.presentation {
        let text = read_bounded(input, MAX_PRESENTATION_LEN)?;
        let report = match &verifier {
            Err(e) => presentation::bundle_rejected(e),
            Ok(v) => verify_presentation(v, &text, audience, nonce, max_age),
        };
        return print(a, &report, report.verdict, || report.to_words());
    }
    let text = read_bounded(input, MAX_SD_JWT_LEN)?;
    match &verifier {
        Err(e) => {
            let report = credential_core::bundle_rejected(e);
            print(a, &report, report.verdict, || report.to_words())
        }
        Ok(v) => {
            let report = sdjwt::verify(v, &text, audience, nonce, max_age);
            print(a, &report, report.verdict, || report.to_words())
        }
    }
}

fn print<R: Serialize>(
    a: &VerifyArgs,
    report: &R,
    verdict: Verdict,
    words: impl FnOnce() -> String,
) -> Result<u8> {
    if verify::wants_json(a) {
        println!("{}", serde_json::to_string_pretty(report)?);
    } else {
        print!("{}", words());
    }
    Ok(u8::try_from(verdict.exit_code()).unwrap_or(2))
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
