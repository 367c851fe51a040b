//! `skillpass card`: a printable card with the holder's name, the title, the issuer, the
//! level and the credential's QR code — a PDF for print (A6, or on A4 with cut marks; real
//! text in shipped fonts for any script, the credential attached inside) or a PNG image of
//! the same layout.
//!
//! The card names the issuer as a verified trust bundle registers it (`--bundle`,
//! `--anchor`), with the awarding body the credential states when that differs; without a
//! bundle it prints the credential's own words and says they are not verified. A name the
//! credential gives itself is not evidence of who signed it.
//!
//! Modules: `text` (what the card says, from the credential), `labels` (the labels in each
//! language, one table); the drawing is the `card-render` crate's.

mod labels;
mod text;

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use card_render::{Attachment, DocumentInfo, Paper, PdfDate};
use chrono::{DateTime, Datelike as _, Timelike as _, Utc};
use clap::{Args, ValueEnum};
use credential_core::signed::{CredentialJwt, Kind as _};
use credential_core::{CheckId, CredentialFormat, Outcome, Verdict};
use image::GrayImage;

use self::labels::Labels;
use self::text::{CardText, Registered};
use super::check::Checker;
use super::paper::{png, LinkArgs, PaperCode};
use crate::common::args::arg_help;
use crate::common::files;
use crate::common::trust::{TrustArgs, TrustError};

/// The name and media type of the credential attached to a card PDF.
const ATTACHED_NAME: &str = "credential.jwt";
const ATTACHED_MIME: &str = "application/vc+jwt";

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
    /// Where to write the card; the extension chooses the format: `.pdf` to print (text a
    /// reader can search, fonts for any script, the credential attached) or `.png` (an
    /// image at 300 dpi).
    #[arg(long)]
    out: PathBuf,
    /// The sheet: `a6`, the card alone (105 × 148 mm), or `a4`, the card in the middle of
    /// an A4 sheet with cut marks.
    #[arg(long, value_enum, default_value_t = PaperArg::A6)]
    paper: PaperArg,
    #[command(flatten)]
    trust: TrustArgs,
    #[command(flatten)]
    link: LinkArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum PaperArg {
    A6,
    A4,
}

/// What `--out` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Pdf,
    Png,
}

impl Format {
    fn of(out: &Path) -> Result<Self> {
        let ext = out
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("pdf") => Ok(Format::Pdf),
            Some("png") => Ok(Format::Png),
            _ => bail!(
                "--out {}: name the card `.pdf` (to print) or `.png` (an image); the extension chooses the format",
                out.display()
            ),
        }
    }
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

/// The labels for `--lang`, telling the holder of any language the card does not speak.
fn labels(langs: &[String]) -> Result<Vec<Labels>> {
    if langs.len() > 2 {
        bail!(
            "--lang was given {} times: a card carries two languages at most, the holder's and the destination's",
            langs.len()
        );
    }
    Ok(langs
        .iter()
        .map(|tag| {
            let (labels, fallback) = Labels::for_tag(tag);
            if let Some(fallback) = fallback {
                eprintln!("skillpass: {fallback}");
            }
            labels
        })
        .collect())
}

fn pdf_date(t: DateTime<Utc>) -> PdfDate {
    let narrow = |v: u32| u8::try_from(v).unwrap_or(0);
    PdfDate {
        year: u16::try_from(t.year()).unwrap_or(0),
        month: narrow(t.month()),
        day: narrow(t.day()),
        hour: narrow(t.hour()),
        minute: narrow(t.minute()),
        second: narrow(t.second()),
    }
}

/// `langs` is the global `--lang`, given up to twice here: the labels' languages, the
/// holder's then the destination's (`--lang fil --lang de`); English when not given.
pub(crate) fn run(a: CardArgs, langs: &[String]) -> Result<u8> {
    let format = Format::of(&a.out)?;
    let langs = labels(langs)?;
    let jws = files::read_input(&a.credential, CredentialJwt::MAX_LEN)?;
    let code = PaperCode::new(&jws, a.link.verify_url.as_deref())?;
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
    let lang = langs.first().copied().unwrap_or(Labels::ENGLISH).lang();
    let text = CardText::new(jws.trim(), registered.as_ref(), lang)?;
    let modules = code
        .modules()
        .context("the QR code's modules do not form a square")?;
    let paper = match a.paper {
        PaperArg::A6 => Paper::A6,
        PaperArg::A4 => Paper::A4,
    };
    let card = card_render::layout(
        &text.content(&langs, modules, code.content != code.text),
        paper,
    )?;
    let bytes = match format {
        Format::Pdf => {
            let first = langs.first().copied().unwrap_or(Labels::ENGLISH);
            let attachment = Attachment {
                name: ATTACHED_NAME.into(),
                mime: ATTACHED_MIME.into(),
                description: "The credential this card shows: a W3C Verifiable Credential \
                              (VC 2.0) signed as a compact JWS; skillpass verify checks it"
                    .into(),
                data: jws.trim().as_bytes().to_vec(),
                modified: pdf_date(text.issued),
            };
            let info = DocumentInfo {
                title: "Skillpass card".into(),
                language: first.tag().into(),
                creator: format!("skillpass {}", env!("CARGO_PKG_VERSION")),
                created: pdf_date(Utc::now()),
            };
            card.pdf(Some(&attachment), &info)?
        }
        Format::Png => {
            let pixels = card.raster()?;
            let image = GrayImage::from_raw(pixels.width, pixels.height, pixels.data)
                .context("the card's image has the wrong number of pixels")?;
            png(&image)?
        }
    };
    files::write_atomic(&a.out, &bytes, false)?;
    for line in text.lines() {
        eprintln!("  {line}");
    }
    eprintln!("{}", text.privacy());
    let (w, h) = card.page_dots();
    let form = match (format, paper) {
        (Format::Png, Paper::A6) => format!("A6 card ({w}×{h} px at 300 dpi)"),
        (Format::Png, Paper::A4) => {
            format!("A6 card on A4 with cut marks ({w}×{h} px at 300 dpi)")
        }
        (Format::Pdf, Paper::A6) => format!(
            "A6 card PDF (105 × 148 mm, {} KB, fonts subset, {ATTACHED_NAME} attached)",
            bytes.len().div_ceil(1024)
        ),
        (Format::Pdf, Paper::A4) => format!(
            "A6 card on A4 with cut marks, PDF ({} KB, fonts subset, {ATTACHED_NAME} attached)",
            bytes.len().div_ceil(1024)
        ),
    };
    eprintln!(
        "{form}, QR code {} mm wide; {} -> {}",
        card.code_mm(),
        code.describe(&jws),
        a.out.display()
    );
    Ok(0)
}
