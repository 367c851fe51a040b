//! The paper form of a credential, shared by `qr` and `card`: the QR code of the paper
//! encoding of `credential_core::paper` (`SP1:` + base45 of zlib), which the QR encoder
//! puts in alphanumeric mode, at error-correction level M (15 % of the code may be damaged
//! or dirty and still read).
//!
//! With `--verify-url URL` the code holds the link `URL#SP1:…` instead (`paper::to_link`),
//! which a phone camera opens in the registry's verifier page: the URL in a byte-mode
//! segment, the paper text (with its spaces and `%` escaped) in an alphanumeric segment,
//! so the code grows by the URL and the escapes only.

use std::io::Cursor;

use anyhow::{Context as _, Result};
use clap::Args;
use credential_core::paper;
use image::{GrayImage, ImageFormat, Luma};
use qrcode::bits::Bits;
use qrcode::{EcLevel, QrCode, Version};

/// `--verify-url`, shared by `qr` and `card`.
#[derive(Debug, Clone, Args)]
pub(crate) struct LinkArgs {
    /// Put a link to the registry's verifier page in the code, e.g.
    /// https://registry.example.org/v: a phone camera then opens the page, which verifies
    /// the credential in the browser (the credential stays in the link's #fragment, which
    /// browsers never send). `skillpass verify --qr-image` reads both forms.
    #[arg(long, value_name = "URL")]
    pub(crate) verify_url: Option<String>,
}

/// The QR code of a credential, and the text in it.
pub(super) struct PaperCode {
    /// The `SP1:` text.
    pub(super) text: String,
    /// What the code holds: the `SP1:` text, or the link to the verifier page.
    pub(super) content: String,
    pub(super) code: QrCode,
}

impl PaperCode {
    /// The code of `credential`, holding the link to `verify_url` when one is given.
    pub(super) fn new(credential: &str, verify_url: Option<&str>) -> Result<Self> {
        let text = paper::encode(credential)?;
        let (content, code) = match verify_url {
            None => {
                let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
                    .context("the credential does not fit in one QR code")?;
                (text.clone(), code)
            }
            Some(url) => {
                let link = paper::to_link(url, &text)?;
                let code = link_code(&link).context(
                    "the credential and the link do not fit in one QR code: use a shorter --verify-url",
                )?;
                (link, code)
            }
        };
        Ok(Self {
            text,
            content,
            code,
        })
    }

    /// The code's modules, for the card's layout to draw.
    pub(super) fn modules(&self) -> Option<card_render::QrModules> {
        let dark = self
            .code
            .to_colors()
            .into_iter()
            .map(|c| c == qrcode::Color::Dark)
            .collect();
        card_render::QrModules::new(self.code.width(), dark)
    }

    /// The QR version (1-40).
    pub(super) fn version(&self) -> i16 {
        match self.code.version() {
            qrcode::Version::Normal(v) | qrcode::Version::Micro(v) => v,
        }
    }

    /// A PNG-ready image with `module` pixels per module and the quiet zone.
    pub(super) fn image(&self, module: u32) -> GrayImage {
        self.code
            .render::<Luma<u8>>()
            .quiet_zone(true)
            .module_dimensions(module, module)
            .build()
    }

    /// The figures README.md quotes: credential and compressed sizes, code length, version.
    pub(super) fn describe(&self, credential: &str) -> String {
        let link = if self.content == self.text {
            String::new()
        } else {
            format!(
                ", as a link of {} characters to {}",
                self.content.len(),
                self.content.split('#').next().unwrap_or_default()
            )
        };
        format!(
            "{}-byte credential, {} bytes compressed: {} characters{link}, QR version {} ({}×{} modules), error correction M",
            credential.trim().len(),
            compressed_len(&self.text),
            self.text.len(),
            self.version(),
            self.code.width(),
            self.code.width()
        )
    }
}

/// The smallest code at level M holding `link` as two segments: bytes up to and including
/// the `#`, then the alphanumeric paper text.
fn link_code(link: &str) -> Result<QrCode> {
    let (url, text) = link
        .split_once('#')
        .context("a link to the verifier page has a #")?;
    let prefix = format!("{url}#");
    for v in 1..=40 {
        let mut bits = Bits::new(Version::Normal(v));
        let fits = bits.push_byte_data(prefix.as_bytes()).is_ok()
            && bits.push_alphanumeric_data(text.as_bytes()).is_ok()
            && bits.push_terminator(EcLevel::M).is_ok();
        if fits {
            return QrCode::with_bits(bits, EcLevel::M).context("cannot draw the QR code");
        }
    }
    anyhow::bail!(
        "{} characters do not fit in a QR code at level M",
        link.len()
    )
}

/// The bytes behind a paper code: base45 carries 2 bytes in 3 characters (a last odd byte
/// in 2).
fn compressed_len(text: &str) -> usize {
    let chars = text.len().saturating_sub(paper::QR_PREFIX.len());
    chars / 3 * 2 + usize::from(chars % 3 == 2)
}

pub(crate) fn png(image: &GrayImage) -> Result<Vec<u8>> {
    let mut out = Cursor::new(Vec::new());
    image
        .write_to(&mut out, ImageFormat::Png)
        .context("cannot encode the PNG")?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn a_link_code_is_a_byte_segment_then_an_alphanumeric_one() {
        let text = format!("SP1:{}", "AB C%D$E".repeat(150));
        let link = paper::to_link("https://registry.example.org/v", &text).unwrap();
        let code = link_code(&link).unwrap();
        // All in byte mode it would need a larger version.
        let bytes_only = QrCode::with_error_correction_level(link.as_bytes(), EcLevel::M).unwrap();
        assert!(code.version().width() < bytes_only.version().width());
        // What the code holds reads back as the link.
        let img = code
            .render::<Luma<u8>>()
            .quiet_zone(true)
            .module_dimensions(4, 4)
            .build();
        let mut prepared = rqrr::PreparedImage::prepare(img);
        let grids = prepared.detect_grids();
        let (_, read) = grids[0].decode().unwrap();
        assert_eq!(read, link);
    }

    /// Prints the QR versions that alphanumeric texts of the lengths in BENCHMARKS.md (section 6)
    /// need at each error-correction level (run with `--ignored --nocapture`).
    #[test]
    #[ignore = "prints figures for BENCHMARKS.md (section 6)"]
    fn qr_versions_for_the_benchmark_lengths() {
        for len in [1644usize, 2287, 3320] {
            let text = "A".repeat(len);
            for (name, level) in [("L", EcLevel::L), ("M", EcLevel::M), ("Q", EcLevel::Q)] {
                let v = QrCode::with_error_correction_level(text.as_bytes(), level)
                    .map(|c| format!("{:?}", c.version()))
                    .unwrap_or_else(|_| "does not fit".into());
                println!("{len} chars, level {name}: {v}");
            }
        }
    }
}
