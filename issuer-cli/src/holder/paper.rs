//! The paper form of a credential, shared by `qr` and `card`: the QR code of the paper
//! encoding of `credential_core::paper` (`SP1:` + base45 of zlib), which the QR encoder
//! puts in alphanumeric mode, at error-correction level M (15 % of the code may be damaged
//! or dirty and still read).

use std::io::Cursor;

use anyhow::{Context as _, Result};
use credential_core::paper;
use image::{GrayImage, ImageFormat, Luma};
use qrcode::{EcLevel, QrCode};

/// The QR code of a credential, and the text in it.
pub(super) struct PaperCode {
    /// The `SP1:` text.
    pub(super) text: String,
    pub(super) code: QrCode,
}

impl PaperCode {
    /// The code of `credential`'s paper encoding.
    pub(super) fn new(credential: &str) -> Result<Self> {
        Self::of_text(paper::encode(credential)?)
    }

    /// The code of `text` exactly as given: the one place a QR code is made, for `qr` and
    /// `card` alike (a verifier URL in front of the `SP1:` text goes through here too).
    pub(super) fn of_text(text: String) -> Result<Self> {
        let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
            .context("the credential does not fit in one QR code")?;
        Ok(Self { text, code })
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
        format!(
            "{}-byte credential, {} bytes compressed: {} characters, QR version {} ({}×{} modules), error correction M",
            credential.trim().len(),
            compressed_len(&self.text),
            self.text.len(),
            self.version(),
            self.code.width(),
            self.code.width()
        )
    }
}

/// The bytes behind a paper code: base45 carries 2 bytes in 3 characters (a last odd byte
/// in 2).
fn compressed_len(text: &str) -> usize {
    let chars = text.len().saturating_sub(paper::QR_PREFIX.len());
    chars / 3 * 2 + usize::from(chars % 3 == 2)
}

pub(super) fn png(image: &GrayImage) -> Result<Vec<u8>> {
    let mut out = Cursor::new(Vec::new());
    image
        .write_to(&mut out, ImageFormat::Png)
        .context("cannot encode the PNG")?;
    Ok(out.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

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
