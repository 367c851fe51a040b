//! `skillpass web build`: the employer's verifier page as a static folder — the same page
//! the registry serves at `/` and `/v` (the bytes embedded from `verifier-web/dist/`) —
//! for any static web host, or to open from disk.
//!
//! With `--anchor` (and `--bundle-url`), the folder carries a `verifier-config.json`: the
//! page pins that anchor and downloads the bundle from that URL, and the page's
//! Content-Security-Policy lets it connect to the bundle's origin and nowhere else. Without
//! them, or opened from disk (browsers refuse `fetch` of local files), the page asks for a
//! bundle file and the operator's key. For disk, the folder also holds the WebAssembly
//! module as a script (`web/verifier_web_bg.wasm.js`), which browsers load from files.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use clap::{Args, Subcommand};
use credential_core::TrustAnchor;
use serde_json::json;

use crate::common::files;

#[derive(Debug, Subcommand)]
pub(crate) enum WebCommand {
    /// Write the verifier page as a static folder, for any web host or to open from disk.
    Build(BuildArgs),
}

#[derive(Debug, Args)]
pub(crate) struct BuildArgs {
    /// The folder to write (created if missing; files of the page's names are replaced).
    #[arg(long)]
    out: PathBuf,
    /// The operator's did:key for the page to pin. Without it, the page asks for the
    /// operator's key and a bundle file.
    #[arg(long)]
    anchor: Option<String>,
    /// Where the page downloads the trust bundle, e.g. https://registry.example.org/bundle
    /// (the registry answers it to pages of any origin). Relative URLs are relative to
    /// the page. Default with --anchor: `bundle`, beside the page.
    #[arg(long, requires = "anchor")]
    bundle_url: Option<String>,
}

pub(crate) fn run(c: WebCommand) -> Result<u8> {
    match c {
        WebCommand::Build(a) => build(&a),
    }
}

fn build(a: &BuildArgs) -> Result<u8> {
    let origin = match &a.bundle_url {
        Some(url) => bundle_origin(url)?,
        None => None,
    };
    if let Some(anchor) = &a.anchor {
        TrustAnchor::from_did(anchor.trim()).context(
            "--anchor must be the operator's did:key (skillpass-registry prints it as anchor:)",
        )?;
    }
    let mut written = 0usize;
    for file in verifier_site::FILES {
        let path = a.out.join(file.path);
        let bytes = if file.path == "index.html" {
            with_policy(file.bytes, origin.as_deref())?
        } else {
            file.bytes.to_vec()
        };
        write(&path, &bytes)?;
        written += bytes.len();
    }
    let script = format!(
        "// The verifier's WebAssembly as base64, for the page opened from disk (skillpass web build).\nself.SKILLPASS_WASM_BASE64 = \"{}\";\n",
        STANDARD.encode(verifier_site::wasm())
    );
    write(
        &a.out.join("web/verifier_web_bg.wasm.js"),
        script.as_bytes(),
    )?;
    written += script.len();
    let config = a.out.join("verifier-config.json");
    match &a.anchor {
        Some(anchor) => {
            let body = json!({
                "anchor": anchor.trim(),
                "bundleUrl": a.bundle_url.as_deref().unwrap_or("bundle"),
            });
            write(&config, serde_json::to_string_pretty(&body)?.as_bytes())?;
        }
        None => {
            // A configuration left from an earlier build would pin an anchor the
            // operator did not give this time.
            if config.exists() {
                std::fs::remove_file(&config)
                    .with_context(|| format!("cannot remove {}", config.display()))?;
            }
        }
    }
    println!(
        "verifier page written to {} ({} files, {} KB)",
        a.out.display(),
        verifier_site::FILES.len() + 1 + usize::from(a.anchor.is_some()),
        written / 1024
    );
    match &a.anchor {
        Some(anchor) => println!(
            "it pins {anchor} and downloads the bundle from {}",
            a.bundle_url
                .as_deref()
                .unwrap_or("bundle (beside the page)")
        ),
        None => {
            println!("it asks for a bundle file and the operator's did:key (no --anchor given)")
        }
    }
    println!(
        "host the folder on any static web server (HTTPS), or open {} in a browser",
        a.out.join("index.html").display()
    );
    Ok(0)
}

/// The origin (`https://host:port`) of an absolute bundle URL, `None` for a relative one;
/// refuses what a page cannot fetch a bundle from.
fn bundle_origin(url: &str) -> Result<Option<String>> {
    let url = url.trim();
    if url.is_empty()
        || url.len() > 2000
        || url
            .chars()
            .any(|c| c.is_whitespace() || c == '"' || c == ';')
    {
        bail!("--bundle-url must be a URL without spaces, quotes or semicolons, e.g. https://registry.example.org/bundle");
    }
    let Some((scheme, rest)) = url.split_once("://") else {
        return Ok(None);
    };
    if scheme != "https" && scheme != "http" {
        bail!("--bundle-url must be an https:// (or http://) URL, or a path relative to the page");
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() {
        bail!("--bundle-url has no host: give e.g. https://registry.example.org/bundle");
    }
    Ok(Some(format!("{scheme}://{host}")))
}

/// index.html with its Content-Security-Policy allowing `origin` as a bundle source.
fn with_policy(html: &[u8], origin: Option<&str>) -> Result<Vec<u8>> {
    let Some(origin) = origin else {
        return Ok(html.to_vec());
    };
    let text = std::str::from_utf8(html).context("the embedded page is not UTF-8")?;
    let own = verifier_site::csp(None);
    if !text.contains(&own) {
        bail!("the embedded page has no Content-Security-Policy to extend (a build error)");
    }
    Ok(text
        .replace(&own, &verifier_site::csp(Some(origin)))
        .into_bytes())
}

fn write(path: &Path, bytes: &[u8]) -> Result<()> {
    files::write_atomic(path, bytes, false)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_bundle_origin_is_taken_from_an_absolute_url_only() {
        assert_eq!(
            bundle_origin("https://registry.example.org:8443/bundle")
                .unwrap()
                .as_deref(),
            Some("https://registry.example.org:8443")
        );
        assert_eq!(bundle_origin("bundle").unwrap(), None);
        assert_eq!(bundle_origin("../bundle").unwrap(), None);
        for bad in [
            "ftp://x/bundle",
            "https:///bundle",
            "https://a b/x",
            "",
            "https://x/\";",
        ] {
            assert!(bundle_origin(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_policy_is_extended_by_the_bundle_origin_only() {
        let page = verifier_site::get("index.html").unwrap().bytes;
        let html =
            String::from_utf8(with_policy(page, Some("https://r.example")).unwrap()).unwrap();
        assert!(html.contains("connect-src 'self' https://r.example;"));
        assert_eq!(with_policy(page, None).unwrap(), page);
    }
}
