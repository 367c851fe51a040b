//! `verify --qr-text` and `--qr-image`: the credential back from a paper code (`SP1:` +
//! base45 of zlib, `credential_core::paper`), as `skillpass qr` and `skillpass card` print
//! it, bare or as a link to the verifier page (`--verify-url`). Images are bounded in bytes
//! and in pixels before they are decoded.

use std::io::Cursor;
use std::path::Path;

use anyhow::{Context as _, Result};
use credential_core::i18n::Msg;
use credential_core::paper;

use crate::common::files;
use crate::common::said::Say as _;

/// Largest image file read.
const MAX_IMAGE_FILE: usize = 32 * 1024 * 1024;
/// Largest width or height decoded, in pixels (a phone photo is about 4000).
const MAX_IMAGE_SIDE: u32 = 8000;

/// Reads every QR code in an image file and returns the text of the first Skillpass code
/// (`SP1:`), or of the first code when none is.
fn scan_image(path: &Path) -> Result<String> {
    let bytes = files::read_bytes(path, MAX_IMAGE_FILE)?;
    let mut reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .context("cannot read the image")?;
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_IMAGE_SIDE);
    limits.max_image_height = Some(MAX_IMAGE_SIDE);
    reader.limits(limits);
    let image = reader
        .decode()
        .with_context(|| {
            format!(
                "{} is not a PNG image this program can read",
                path.display()
            )
        })?
        .to_luma8();
    let mut prepared = rqrr::PreparedImage::prepare(image);
    let mut texts = Vec::new();
    for grid in prepared.detect_grids() {
        if let Ok((_, text)) = grid.decode() {
            texts.push(text);
        }
    }
    let first = texts.first().cloned();
    texts
        .into_iter()
        .find(|t| t.starts_with(paper::QR_PREFIX))
        .or(first)
        .with_context(|| format!("no readable QR code in {}", path.display()))
}

/// The credential scanned from `--qr-text` or `--qr-image` as (source, compact JWS), or
/// `None` when neither was given.
pub(super) fn scanned_input(
    text: Option<&str>,
    image: Option<&Path>,
) -> Result<Option<(String, String)>> {
    let (source, scanned) = match (text, image) {
        (Some(t), _) => ("qr-text".to_owned(), t.to_owned()),
        (None, Some(p)) => (p.display().to_string(), scan_image(p)?),
        (None, None) => return Ok(None),
    };
    // A card made with --verify-url holds a link to the verifier page: its fragment is the
    // paper text (or, in a link written by hand, the credential itself).
    let scanned = match paper::link_fragment(&scanned)
        .context("the scanned code is a damaged link to a verifier page")?
    {
        Some(fragment) if !fragment.trim().starts_with(paper::QR_PREFIX) => {
            return Ok(Some((source, fragment.trim().to_owned())));
        }
        Some(fragment) => fragment,
        None => scanned,
    };
    let jws = paper::decode(&scanned).say(|| Msg::new("err-scan-not-credential"))?;
    Ok(Some((source, jws)))
}
