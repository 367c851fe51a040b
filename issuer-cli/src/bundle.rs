//! `skillpass bundle`: the operator builds a signed trust bundle offline, or inspects one.

use std::path::PathBuf;

use anyhow::{bail, Context as _, Result};
use chrono::{DateTime, Duration, SubsecRound as _, Utc};
use clap::{Args, Subcommand};
use credential_core::trust::{AuthorityEntry, MAX_BUNDLE_LEN};
use credential_core::{did_key_issuer, BundleBuilder, IssuerEntry, ScopeItem, TrustAnchor};
use serde::Deserialize;

use crate::files;

/// Bundle commands.
#[derive(Debug, Subcommand)]
#[allow(clippy::large_enum_variant)] // parsed once per run
pub enum BundleCommand {
    /// Build and sign a trust bundle from issuers, status lists and decisions.
    Build(Box<BuildArgs>),
    /// Verify a bundle against the anchor and print what it holds.
    Show(ShowArgs),
    /// Download the registry's current signed bundle.
    Fetch(crate::registry_bundle::FetchArgs),
}

/// `bundle build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The operator's (trust anchor's) private key file.
    #[arg(long)]
    anchor: PathBuf,
    /// An issuer's did:key (one issuer on the command line; use --issuers for many).
    #[arg(long, requires_all = ["name", "country", "accredit"])]
    issuer: Option<String>,
    /// The issuer's name.
    #[arg(long, requires = "issuer")]
    name: Option<String>,
    /// The issuer's country (ISO 3166-1 alpha-2, e.g. PH).
    #[arg(long, requires = "issuer")]
    country: Option<String>,
    /// Scope: TYPE or TYPE:MAX-LEVEL, e.g. QualificationCredential:PQF-6 (repeatable).
    #[arg(long, requires = "issuer")]
    accredit: Vec<ScopeItem>,
    /// Start of the command-line issuer's accreditation (default: now).
    #[arg(long, value_parser = files::parse_time_arg)]
    accredited_from: Option<DateTime<Utc>>,
    /// A JSON file of issuers: [{"id", "name", "country", "accredit": ["TYPE:LEVEL"], "accreditedFrom"?}]
    /// or full bundle issuer entries (with keys, accreditation and statusHistory).
    #[arg(long)]
    issuers: Option<PathBuf>,
    /// An issuer's status list file (from `skillpass status init`) or a file of signed
    /// status list credentials, one per line (repeatable).
    #[arg(long)]
    status_list: Vec<PathBuf>,
    /// A JSON file of recognition authorities: [{"id", "name", "country", "jurisdiction"}].
    #[arg(long)]
    authorities: Option<PathBuf>,
    /// A file of authority-signed recognition decisions, one compact JWS per line.
    #[arg(long)]
    decisions: Vec<PathBuf>,
    /// Days until verifiers must fetch a newer bundle.
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u32).range(1..=3650))]
    valid_days: u32,
    /// Sequence number (default: one more than the bundle already at --out, else 1).
    #[arg(long)]
    sequence: Option<u64>,
    /// Where to write the bundle.
    #[arg(long)]
    out: PathBuf,
}

/// `bundle show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The bundle file.
    file: PathBuf,
    /// The pinned anchor did:key.
    #[arg(long)]
    anchor: String,
}

/// The simple form of an issuer in an --issuers file.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SimpleIssuer {
    id: String,
    name: String,
    country: String,
    accredit: Vec<String>,
    #[serde(default)]
    accredited_from: Option<DateTime<Utc>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum IssuerSpec {
    Simple(SimpleIssuer),
    Full(Box<IssuerEntry>),
}

/// Runs a bundle command.
pub fn run(command: BundleCommand) -> Result<u8> {
    match command {
        BundleCommand::Build(a) => build(*a),
        BundleCommand::Show(a) => show(a),
        BundleCommand::Fetch(a) => crate::registry_bundle::run(a),
    }
}

fn build(a: BuildArgs) -> Result<u8> {
    let anchor = files::read_key(&a.anchor)?;
    // Whole seconds, like the times in credentials, so that a credential issued in the
    // same second as its issuer's accreditation is not "before" it.
    let now = Utc::now().trunc_subsecs(0);
    let previous = previous_bundle(&a.out, &anchor.public().did());
    // Rebuilding must not move an issuer's accreditation start to today, or everything it
    // issued since the first bundle would suddenly predate its accreditation.
    let since = |did: &str, explicit: Option<DateTime<Utc>>| {
        explicit
            .or_else(|| {
                previous
                    .as_ref()
                    .and_then(|b| b.issuers.iter().find(|i| i.id == did))
                    .map(|i| i.accreditation.valid_from)
            })
            .unwrap_or(now)
    };
    let mut issuers = Vec::new();
    if let Some(did) = &a.issuer {
        let (Some(name), Some(country)) = (&a.name, &a.country) else {
            bail!("--issuer needs --name and --country");
        };
        issuers.push(did_key_issuer(
            did,
            name,
            &country.to_uppercase(),
            a.accredit.clone(),
            since(did, a.accredited_from),
        )?);
    }
    if let Some(path) = &a.issuers {
        let specs: Vec<IssuerSpec> = serde_json::from_value(files::read_json(path)?)
            .with_context(|| format!("{} is not a list of issuers", path.display()))?;
        for spec in specs {
            issuers.push(match spec {
                IssuerSpec::Full(entry) => *entry,
                IssuerSpec::Simple(s) => {
                    let scope = s
                        .accredit
                        .iter()
                        .map(|x| x.parse::<ScopeItem>().map_err(anyhow::Error::msg))
                        .collect::<Result<Vec<_>>>()
                        .with_context(|| format!("issuer {}", s.id))?;
                    did_key_issuer(
                        &s.id,
                        &s.name,
                        &s.country,
                        scope,
                        since(&s.id, s.accredited_from),
                    )
                    .with_context(|| format!("issuer {}", s.id))?
                }
            });
        }
    }
    if issuers.is_empty() {
        bail!("a bundle needs at least one issuer: give --issuer/--name/--country/--accredit or --issuers FILE");
    }
    let sequence = match a.sequence {
        Some(s) => s,
        None => previous.as_ref().map_or(1, |b| b.sequence + 1),
    };
    let mut builder = BundleBuilder::new(
        &anchor.public(),
        sequence,
        now,
        now + Duration::days(i64::from(a.valid_days)),
    );
    for issuer in issuers {
        builder = builder.issuer(issuer);
    }
    for path in &a.status_list {
        for jws in signed_lines(path)? {
            builder = builder.status_list(jws);
        }
    }
    if let Some(path) = &a.authorities {
        let authorities: Vec<AuthorityEntry> = serde_json::from_value(files::read_json(path)?)
            .with_context(|| format!("{} is not a list of authorities", path.display()))?;
        for authority in authorities {
            builder = builder.authority(authority);
        }
    }
    for path in &a.decisions {
        for jws in signed_lines(path)? {
            builder = builder.decision(jws);
        }
    }
    let bundle = builder.sign(&anchor)?;
    files::write_atomic(&a.out, format!("{bundle}\n").as_bytes(), false)?;
    println!(
        "bundle {sequence} written to {} (anchor {})",
        a.out.display(),
        anchor.public().did()
    );
    Ok(0)
}

/// The bundle already at `path`, when it is one by the same anchor (verified: its
/// accreditation dates are carried over).
fn previous_bundle(path: &std::path::Path, anchor: &str) -> Option<credential_core::TrustBundle> {
    let text = files::read_text(path, MAX_BUNDLE_LEN as u64).ok()?;
    let anchor = TrustAnchor::from_did(anchor).ok()?;
    anchor
        .verify_bundle(text.trim(), None)
        .ok()
        .map(|b| b.bundle().clone())
}

/// Signed documents from a status list file (its `signed` member) or one JWS per line.
fn signed_lines(path: &std::path::Path) -> Result<Vec<String>> {
    let text = files::read_text(path, MAX_BUNDLE_LEN as u64)?;
    if text.trim_start().starts_with('{') {
        let value: serde_json::Value = serde_json::from_str(&text)
            .with_context(|| format!("{} is not valid JSON", path.display()))?;
        let signed = value
            .get("signed")
            .and_then(|s| s.as_array())
            .with_context(|| format!("{} has no `signed` lists", path.display()))?;
        return Ok(signed
            .iter()
            .filter_map(|s| s.as_str().map(str::to_owned))
            .collect());
    }
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect())
}

fn show(a: ShowArgs) -> Result<u8> {
    let anchor = TrustAnchor::from_did(&a.anchor).context("--anchor")?;
    let text = files::read_text(&a.file, MAX_BUNDLE_LEN as u64)?;
    let bundle = anchor.verify_bundle(text.trim(), None)?;
    let b = bundle.bundle();
    println!("bundle {} by {}", b.sequence, b.anchor);
    println!("issued {}, next update {}", b.issued_at, b.next_update);
    for issuer in &b.issuers {
        let scope: Vec<String> = issuer
            .accreditation
            .scope
            .iter()
            .map(ToString::to_string)
            .collect();
        println!(
            "issuer {} ({}, {}): {} key(s), scope {}, now {:?}",
            issuer.name,
            issuer.country,
            issuer.id,
            issuer.keys.len(),
            scope.join(", "),
            issuer.status_at(Utc::now())
        );
    }
    println!(
        "{} status list(s), {} authorit(y/ies), {} decision(s)",
        b.status_lists.len(),
        b.authorities.len(),
        b.decisions.len()
    );
    Ok(0)
}
