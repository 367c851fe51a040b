//! `verify` of what a holder presents to this verifier: a holder-signed presentation
//! (`--presentation`, or a file whose `typ` is `vp+jwt`) or a selectively disclosed SD-JWT
//! with key binding (`--sd-jwt`, or one file shaped `<JWS>~<disclosure>~…~<KB-JWT>`). Both
//! are bound to this verifier's `--audience` and `--nonce` and to a moment (`--max-age`),
//! so they are checked one file at a time.

use std::path::PathBuf;

use anyhow::{bail, Result};
use chrono::Duration;
use credential_core::presentation::{self, MAX_PRESENTATION_LEN};
use credential_core::sdjwt::{self, MAX_SD_JWT_LEN};
use credential_core::signed::{PresentationJwt, Unopened};
use credential_core::{bundle_rejected, verify_presentation, Verdict};
use serde::Serialize;

use super::args::VerifyArgs;
use super::trusted::Trusted;
use crate::common::files;

/// Whether the inputs are one file holding a holder-signed presentation (`typ` `vp+jwt`),
/// recognised so that a verifier need not know to say `--presentation`.
pub(super) fn looks_like_presentation(inputs: &[PathBuf]) -> bool {
    let Some(text) = one_file(inputs, MAX_PRESENTATION_LEN) else {
        return false;
    };
    Unopened::<PresentationJwt>::parse(&text).is_ok()
}

/// Whether the inputs are one SD-JWT: `<JWS>~<disclosure>~…~[<KB-JWT>]`, every piece
/// base64url (the `~` separators never occur in a plain JWS). Anything else, garbage with a
/// `~` in it included, goes to the ordinary credential checks and is reported there.
pub(super) fn looks_like_sd_jwt(inputs: &[PathBuf]) -> bool {
    let Some(text) = one_file(inputs, MAX_SD_JWT_LEN) else {
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

/// The text of the only input when it is a readable file.
fn one_file(inputs: &[PathBuf], max: usize) -> Option<String> {
    match inputs {
        [one] if one.is_file() => files::read_input(one, max).ok(),
        _ => None,
    }
}

pub(super) fn run(a: &VerifyArgs) -> Result<u8> {
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
    let trusted = Trusted::open(a)?;
    if h.presentation {
        let text = files::read_input(input, MAX_PRESENTATION_LEN)?;
        let report = trusted.check(
            |v| verify_presentation(v, &text, audience, nonce, max_age),
            presentation::bundle_rejected,
        )?;
        return print(a, &report, report.verdict, || report.to_words());
    }
    let text = files::read_input(input, MAX_SD_JWT_LEN)?;
    trusted.check(
        |v| {
            let report = sdjwt::verify(v, &text, audience, nonce, max_age);
            print(a, &report, report.verdict, || report.to_words())
        },
        |why| {
            let report = bundle_rejected(why);
            print(a, &report, report.verdict, || report.to_words())
        },
    )?
}

/// Prints the report as JSON or words; answers the verdict's exit code.
fn print<R: Serialize>(
    a: &VerifyArgs,
    report: &R,
    verdict: Verdict,
    words: impl FnOnce() -> String,
) -> Result<u8> {
    if a.json {
        println!("{}", serde_json::to_string_pretty(report)?);
    } else {
        print!("{}", words());
    }
    Ok(u8::try_from(verdict.exit_code()).unwrap_or(2))
}
