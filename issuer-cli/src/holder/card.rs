//! `skillpass card`: a printable A6 card with the holder's name, the title, the issuer and
//! the credential's QR code.
//!
//! The card names the issuer as a verified trust bundle registers it (`--bundle`,
//! `--anchor`), with the awarding body the credential states when that differs; without a
//! bundle it prints the credential's own words and says they are not verified. A name the
//! credential gives itself is not evidence of who signed it.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use chrono::Utc;
use clap::Args;
use credential_core::signed::{peek_json, CredentialJwt, Kind as _};
use credential_core::{
    CheckId, CheckedCredential, CredentialFormat, CredentialKind, Outcome, Verdict,
};
use image::{GrayImage, Luma};
use serde_json::Value;

use super::check::Checker;
use super::paper::{png, PaperCode};
use crate::common::args::arg_help;
use crate::common::files;
use crate::common::trust::{TrustArgs, TrustError};

/// A6 portrait (105 × 148 mm) at 300 dots per inch.
const CARD_W: u32 = 1240;
const CARD_H: u32 = 1748;
const MARGIN: u32 = 60;

#[derive(Debug, Args)]
#[command(
    mut_args(arg_help(
        "bundle",
        "A trust bundle: the credential is verified against it first and the card names the \
         issuer as the bundle registers it. Without one, the card says the issuer's name is \
         the credential's own, unverified"
    )),
    mut_args(arg_help(
        "anchor",
        "The pinned trust anchor (the operator's did:key) that signs the bundle"
    ))
)]
pub(crate) struct CardArgs {
    /// The credential file (compact vc+jwt).
    credential: PathBuf,
    /// Where to write the card (PNG, A6 at 300 dpi).
    #[arg(long)]
    out: PathBuf,
    #[command(flatten)]
    trust: TrustArgs,
}

/// The issuer as a verified trust bundle registers it.
struct Registered {
    name: String,
    country: String,
}

/// What the card prints.
struct CardText {
    heading: &'static str,
    name: String,
    title: String,
    /// One or two lines: who issued it, and whether that name was verified.
    issuer: Vec<String>,
    detail: String,
    id: String,
}

impl CardText {
    /// The card's text from the credential's content; the issuer's name from `registered`
    /// when the credential was verified against a bundle, else the credential's own words,
    /// marked unverified.
    fn new(jws: &str, registered: Option<&Registered>) -> Result<Self> {
        let doc: Value = peek_json::<CredentialJwt>(jws)
            .context("the credential is not a signed JSON document")?;
        let checked = CheckedCredential::from_value(&doc)?;
        let text = |ptr: &str| doc.pointer(ptr).and_then(Value::as_str).map(str::to_owned);
        let stated = text("/credentialSubject/qualification/awardingBody/name")
            .or_else(|| text("/issuer/name"));
        let issuer = match (registered, stated) {
            (Some(r), Some(stated)) if same_name(&r.name, &stated) => {
                vec![format!("Issued by: {} (registered, {})", r.name, r.country)]
            }
            (Some(r), Some(stated)) => vec![
                format!("Issued by: {} (registered, {})", r.name, r.country),
                format!("Awarding body stated in the credential: {stated}"),
            ],
            (Some(r), None) => vec![format!("Issued by: {} (registered, {})", r.name, r.country)],
            (None, Some(stated)) => {
                let country = checked
                    .country
                    .as_deref()
                    .map(|c| format!(", {c}"))
                    .unwrap_or_default();
                vec![format!(
                    "Issuer (as the credential states it, not verified): {stated}{country}"
                )]
            }
            (None, None) => vec![format!("Issuer (not verified): {}", checked.issuer)],
        };
        let mut detail = checked.levels.join(", ");
        if let Some(awarded) = text("/credentialSubject/qualification/awarded") {
            detail = format!("{detail}  awarded {awarded}");
        }
        Ok(Self {
            heading: match checked.kind {
                CredentialKind::Qualification => "SKILLPASS  VERIFIABLE QUALIFICATION",
                CredentialKind::Skill => "SKILLPASS  VERIFIABLE SKILLS",
            },
            name: text("/credentialSubject/name").unwrap_or_default(),
            // The same headline as wallet lists and verification reports.
            title: checked.title.clone().unwrap_or_default(),
            issuer,
            detail: detail.trim().to_owned(),
            id: checked.id,
        })
    }

    /// The card's lines of text, top to bottom, for the terminal.
    fn lines(&self) -> Vec<&str> {
        let mut lines = vec![self.heading, &self.name, &self.title];
        lines.extend(self.issuer.iter().map(String::as_str));
        lines.push(&self.detail);
        lines.retain(|l| !l.is_empty());
        lines
    }
}

/// Names that differ only in case, spacing or punctuation are the same name.
fn same_name(a: &str, b: &str) -> bool {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    squash(a) == squash(b)
}

/// Why `card --bundle` makes no card: a card of a credential that does not verify would
/// not verify on paper either.
#[derive(Debug, thiserror::Error)]
enum NoCard {
    #[error(
        "the credential does not verify against {bundle} (failed: {failed}), so no card was made"
    )]
    Invalid { bundle: String, failed: String },
    #[error("the bundle does not name the credential's issuer")]
    IssuerUnnamed,
    #[error(
        "the credential's issuer could not be verified against {bundle} ({verdict}), so no card was made"
    )]
    IssuerUnverified { bundle: String, verdict: Verdict },
}

/// The issuer of `jws` as the bundle registers it, once its accreditation, key and
/// signature have passed.
fn registered_issuer(jws: &str, checker: &Checker, bundle: &Path) -> Result<Registered, NoCard> {
    let report = checker.report(jws, CredentialFormat::VcJwt, Utc::now());
    if report.verdict == Verdict::Invalid {
        return Err(NoCard::Invalid {
            bundle: bundle.display().to_string(),
            failed: report.failed().join(", "),
        });
    }
    let verified = [
        CheckId::IssuerAccredited,
        CheckId::KeyValid,
        CheckId::Signature,
    ]
    .iter()
    .all(|&id| report.check(id).is_some_and(|c| c.outcome == Outcome::Pass));
    match (&report.credential, verified) {
        (Some(c), true) => match (&c.issuer_name, &c.issuer_country) {
            (Some(name), Some(country)) => Ok(Registered {
                name: name.clone(),
                country: country.clone(),
            }),
            _ => Err(NoCard::IssuerUnnamed),
        },
        _ => Err(NoCard::IssuerUnverified {
            bundle: bundle.display().to_string(),
            verdict: report.verdict,
        }),
    }
}

pub(crate) fn run(a: CardArgs) -> Result<u8> {
    let jws = files::read_input(&a.credential, CredentialJwt::MAX_LEN)?;
    let code = PaperCode::new(&jws)?;
    let bundle = a.trust.open_if_given().map_err(TrustError::stops_command)?;
    let registered = match (bundle, a.trust.bundle_path()) {
        (Some(bundle), Some(path)) => {
            match registered_issuer(jws.trim(), &Checker::new(bundle), path) {
                Ok(r) => Some(r),
                Err(why) => {
                    eprintln!("skillpass: {why}");
                    return Ok(1);
                }
            }
        }
        _ => None,
    };
    let text = CardText::new(jws.trim(), registered.as_ref())?;
    let card = render_card(&text, &code)?;
    files::write_atomic(&a.out, &png(&card.image)?, false)?;
    for line in text.lines() {
        eprintln!("  {line}");
    }
    eprintln!(
        "A6 card ({CARD_W}×{CARD_H} px at 300 dpi), QR code {} mm wide; {} -> {}",
        card.qr_mm,
        code.describe(&jws),
        a.out.display()
    );
    Ok(0)
}

/// A rendered card and the printed width of its QR code.
struct Card {
    image: GrayImage,
    qr_mm: u32,
}

fn render_card(t: &CardText, code: &PaperCode) -> Result<Card> {
    let mut img = GrayImage::from_pixel(CARD_W, CARD_H, Luma([255]));
    let mut y = MARGIN;
    y = draw_wrapped(&mut img, t.heading, 3, y);
    rule(&mut img, y + 8);
    y += 36;
    y = draw_wrapped(&mut img, &t.name, 5, y) + 16;
    y = draw_wrapped(&mut img, &t.title, 4, y) + 12;
    for line in &t.issuer {
        y = draw_wrapped(&mut img, line, 3, y) + 6;
    }
    if !t.detail.is_empty() {
        y = draw_wrapped(&mut img, &t.detail, 3, y);
    }
    y += 24;
    let footer_h = 2 * 8 * 2 + 24;
    let room_h = CARD_H.saturating_sub(y + MARGIN + footer_h);
    let room = room_h.min(CARD_W - 2 * MARGIN);
    let modules = u32::try_from(code.code.width())
        .unwrap_or(u32::MAX)
        .saturating_add(8);
    let module = room / modules;
    if module < 2 {
        bail!("the QR code is too large to print readably on an A6 card");
    }
    let qr = code.image(module);
    let x0 = (CARD_W - qr.width()) / 2;
    for (x, yy, p) in qr.enumerate_pixels() {
        if let Some(dst) = img.get_pixel_mut_checked(x0 + x, y + yy) {
            *dst = *p;
        }
    }
    let y = y + qr.height() + 12;
    let y = draw_wrapped(
        &mut img,
        "Verify offline: skillpass verify --qr-image",
        2,
        y,
    );
    draw_wrapped(&mut img, &t.id, 2, y);
    // 300 dots per inch, 25.4 mm per inch; the quiet zone is not part of the code.
    let code_px = qr.width().saturating_sub(8 * module);
    let qr_mm = (code_px * 254 + 1500) / 3000;
    Ok(Card { image: img, qr_mm })
}

fn rule(img: &mut GrayImage, y: u32) {
    for x in MARGIN..CARD_W - MARGIN {
        for dy in 0..3 {
            if let Some(p) = img.get_pixel_mut_checked(x, y + dy) {
                *p = Luma([0]);
            }
        }
    }
}

/// Draws `text` with the 8×8 bitmap font at `scale`, wrapping at words; returns the y
/// below the last line.
fn draw_wrapped(img: &mut GrayImage, text: &str, scale: u32, mut y: u32) -> u32 {
    let per_line = ((CARD_W - 2 * MARGIN) / (8 * scale)).max(1) as usize;
    let mut line = String::new();
    let mut lines = Vec::new();
    for word in text.split_whitespace() {
        let needed = line.chars().count() + usize::from(!line.is_empty()) + word.chars().count();
        if needed > per_line && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.extend(word.chars().take(per_line));
    }
    if !line.is_empty() {
        lines.push(line);
    }
    for line in lines {
        let mut x = MARGIN;
        for c in line.chars() {
            draw_glyph(img, c, x, y, scale);
            x += 8 * scale;
        }
        y += 10 * scale;
    }
    y
}

fn draw_glyph(img: &mut GrayImage, c: char, x0: u32, y0: u32, scale: u32) {
    use font8x8::UnicodeFonts as _;
    let glyph = font8x8::BASIC_FONTS
        .get(c)
        .or_else(|| font8x8::LATIN_FONTS.get(c))
        .or_else(|| font8x8::BASIC_FONTS.get('?'))
        .unwrap_or([0; 8]);
    for (row, bits) in glyph.iter().enumerate() {
        for col in 0..8u32 {
            if bits & (1 << col) == 0 {
                continue;
            }
            let row = u32::try_from(row).unwrap_or(0);
            for dy in 0..scale {
                for dx in 0..scale {
                    if let Some(p) =
                        img.get_pixel_mut_checked(x0 + col * scale + dx, y0 + row * scale + dy)
                    {
                        *p = Luma([0]);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn card_text_wraps_within_the_margins_and_falls_back_for_unknown_glyphs() {
        let mut img = GrayImage::from_pixel(CARD_W, 200, Luma([255]));
        let y = draw_wrapped(&mut img, &"Ŵord ".repeat(40), 4, 0);
        assert!(y > 40, "the text should wrap onto several lines");
        for x in CARD_W - MARGIN + 1..CARD_W {
            for yy in 0..200 {
                assert_eq!(img.get_pixel(x, yy)[0], 255, "ink past the right margin");
            }
        }
    }
}
