//! `skillpass qr`: the QR code of a credential as a PNG or SVG image, or its text, for
//! paper. `skillpass verify --qr-image` and `--qr-text` read it back.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use credential_core::jws::MAX_JWS_LEN;

use super::paper::{png, LinkArgs, PaperCode};
use crate::common::files;

#[derive(Debug, Args)]
pub(crate) struct QrArgs {
    /// The credential file (compact vc+jwt).
    credential: PathBuf,
    /// Where to write the image.
    #[arg(long, required_unless_present = "text")]
    out: Option<PathBuf>,
    /// Write SVG instead of PNG.
    #[arg(long)]
    svg: bool,
    /// Print the code's text (`SP1:…`, or the link with --verify-url) instead of drawing it.
    #[arg(long, conflicts_with_all = ["out", "svg"])]
    text: bool,
    /// Pixels per QR module in the PNG.
    #[arg(long, default_value_t = 6, value_parser = clap::value_parser!(u32).range(1..=40))]
    module: u32,
    #[command(flatten)]
    link: LinkArgs,
}

pub(crate) fn run(a: QrArgs) -> Result<u8> {
    let credential = files::read_input(&a.credential, MAX_JWS_LEN)?;
    let code = PaperCode::new(&credential, a.link.verify_url.as_deref())?;
    let Some(out) = &a.out else {
        println!("{}", code.content);
        eprintln!("{}", code.describe(&credential));
        return Ok(0);
    };
    if a.svg {
        let svg = code
            .code
            .render::<qrcode::render::svg::Color<'_>>()
            .quiet_zone(true)
            .min_dimensions(400, 400)
            .build();
        files::write_atomic(out, svg.as_bytes(), false)?;
    } else {
        files::write_atomic(out, &png(&code.image(a.module))?, false)?;
    }
    eprintln!("{} -> {}", code.describe(&credential), out.display());
    Ok(0)
}
