//! The institution's OpenID4VCI 1.0 issuance service, so that standard wallets (the EU
//! Digital Identity Wallet, walt.id, Sphereon, Lissi, …) receive Skillpass credentials:
//! `skillpass issuer offer` makes one credential offer per CSV row — an
//! `openid-credential-offer://` link and its QR code, and a PIN to send the graduate apart
//! from it — and `skillpass issuer serve` runs the pre-authorized code flow that redeems them.
//!
//! It lives in the command line, not the registry, because it holds the institution's key
//! (the registry never holds an issuer key), and beside `skillpass issue` because a
//! credential it issues goes through exactly that path: the same claims from the same CSV
//! columns, schema, framework level and status entry from the same status list file.

mod proof;
mod service;
mod state;
#[cfg(test)]
mod tests;

use std::net::SocketAddr;
use std::path::PathBuf;

use anyhow::{bail, Context as _, Result};
use chrono::{Duration, Utc};
use clap::Args;
use credential_core::CredentialKind;
use image::Luma;
use qrcode::QrCode;

use crate::common::files;
use crate::holder::paper::png;
use crate::issuer::issue::batch::rows_as_claims;
use service::{
    app, make_offer, offer_link, Configuration, Format, OfferContent, Service, ServiceConfig,
};
use state::StateDir;

/// `skillpass issuer serve`.
#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The institution's private key file (it never leaves this service).
    #[arg(long)]
    key: PathBuf,
    /// The state directory `skillpass issuer offer` wrote the offers to (offers, tokens and
    /// nonces are kept there: a restart loses nothing).
    #[arg(long)]
    state: PathBuf,
    /// The public URL wallets reach this service at: the credential issuer identifier
    /// (the same as given to `issuer offer`).
    #[arg(long, value_name = "URL")]
    url: String,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8443")]
    listen: SocketAddr,
    /// The registry URL the type of SD-JWT VC credentials is named under (`vct` =
    /// URL/types/QualificationCredential; the registry serves it with --public-url URL).
    #[arg(long, value_name = "URL")]
    vct_base: String,
    /// Allocate each credential's status entry from this status list file (as `skillpass
    /// issue --status`); do not run `skillpass issue` on the same file meanwhile.
    #[arg(long)]
    status: Option<PathBuf>,
    /// The institution's name shown by wallets, as LANG=NAME; repeatable
    /// (`--name "en=Manila College of Nursing" --name "fil=Kolehiyo ng Nars ng Maynila"`).
    #[arg(long = "name", value_name = "LANG=NAME", required = true)]
    names: Vec<String>,
}

/// `skillpass issuer offer`.
#[derive(Debug, Args)]
pub(crate) struct OfferArgs {
    /// The CSV file, as for `skillpass issue --csv` (holder_did may stay empty: the
    /// wallet's key is bound when the credential is fetched).
    #[arg(long)]
    csv: PathBuf,
    /// The issuance service's state directory (as given to `issuer serve --state`).
    #[arg(long)]
    state: PathBuf,
    /// The issuance service's public URL (as given to `issuer serve --url`).
    #[arg(long, value_name = "URL")]
    url: String,
    /// Where to write each row's offer: row-NNNNNN.txt (the link) and row-NNNNNN.png (its
    /// QR code), and pins.csv (line, PIN) to send each graduate apart from the code.
    #[arg(long)]
    out_dir: PathBuf,
    /// The format offered.
    #[arg(long, value_enum, default_value_t = Format::DcSdJwt)]
    format: Format,
    /// Hours an offer stays redeemable.
    #[arg(long, default_value_t = 72, value_parser = clap::value_parser!(u32).range(1..=24 * 90))]
    expires_hours: u32,
}

fn check_url(url: &str) -> Result<String> {
    let ok = (url.starts_with("https://") || url.starts_with("http://"))
        && !url.contains(['?', '#', ' '])
        && url.len() <= 512;
    if !ok {
        bail!("give the service's URL as https://issuer.example.org (no query or fragment), not {url:?}");
    }
    Ok(url.trim_end_matches('/').to_owned())
}

pub(crate) fn serve(a: ServeArgs) -> Result<u8> {
    let key = files::read_key(&a.key)?;
    let mut display = Vec::new();
    for n in &a.names {
        let Some((lang, name)) = n
            .split_once('=')
            .filter(|(l, n)| !l.is_empty() && !n.trim().is_empty())
        else {
            bail!(
                "give --name as LANG=NAME, e.g. --name \"en=Manila College of Nursing\", not {n:?}"
            );
        };
        display.push((lang.to_owned(), name.trim().to_owned()));
    }
    if let Some(path) = &a.status {
        // Refuse a bad status file now, not at the first wallet.
        crate::issuer::status::StatusFile::load(path)?;
    }
    let config = ServiceConfig {
        key,
        issuer_url: check_url(&a.url)?,
        vct_base: check_url(&a.vct_base)?,
        display,
        state: StateDir::open(&a.state)?,
        status: a.status,
    };
    let url = config.issuer_url.clone();
    crate::common::http::serve_until_ctrl_c(
        a.listen,
        app(Service::new(config)),
        "issuance service",
        move |at| {
            format!(
                "OpenID4VCI issuance service for {url} on http://{at} (metadata: {url}/.well-known/openid-credential-issuer)"
            )
        },
    )?;
    Ok(0)
}

pub(crate) fn offer(a: OfferArgs) -> Result<u8> {
    let url = check_url(&a.url)?;
    let state = StateDir::open(&a.state)?;
    let rows = rows_as_claims(&a.csv)?;
    std::fs::create_dir_all(&a.out_dir)
        .with_context(|| format!("cannot create {}", a.out_dir.display()))?;
    let expires_at = Utc::now() + Duration::hours(i64::from(a.expires_hours));
    let configuration = Configuration {
        kind: CredentialKind::Qualification,
        format: a.format,
    };
    let mut pins = String::from("line,pin\n");
    let (mut made, mut failed) = (0usize, 0usize);
    for row in rows {
        let (claims, holder, valid_until) = match row.claims {
            Ok(c) => c,
            Err(why) => {
                eprintln!("line {}: no offer: {why}", row.line);
                failed += 1;
                continue;
            }
        };
        let content = OfferContent {
            line: row.line,
            claims,
            holder,
            valid_until,
        };
        let (offer, pin) = make_offer(&state, &url, configuration, content, expires_at)?;
        let link = offer_link(&offer);
        let stem = a.out_dir.join(format!("row-{:06}", row.line));
        files::write_atomic(
            &stem.with_extension("txt"),
            format!("{link}\n").as_bytes(),
            true,
        )?;
        let code = QrCode::new(link.as_bytes()).context("the offer does not fit in a QR code")?;
        let image = code
            .render::<Luma<u8>>()
            .quiet_zone(true)
            .module_dimensions(6, 6)
            .build();
        files::write_atomic(&stem.with_extension("png"), &png(&image)?, true)?;
        pins.push_str(&format!("{},{pin}\n", row.line));
        made += 1;
    }
    files::write_atomic(&a.out_dir.join("pins.csv"), pins.as_bytes(), true)?;
    eprintln!(
        "{made} offers in {} (row-NNNNNN.txt/.png), expiring {}; PINs in {} — send each graduate their PIN apart from the code{}",
        a.out_dir.display(),
        expires_at.format("%Y-%m-%d %H:%M UTC"),
        a.out_dir.join("pins.csv").display(),
        if failed > 0 { format!("; {failed} rows had no offer") } else { String::new() }
    );
    Ok(u8::from(failed > 0))
}
