//! `skillpass wallet`: the migrant's portable record — one passphrase-encrypted file with
//! their key and credentials.
//!
//! Every change is written to a temporary file beside the wallet and renamed over it, so a
//! crash or a refused credential leaves the previous wallet whole.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use credential_core::i18n::{self, Lang, Msg};
use credential_core::signed::{peek_json, CredentialJwt, Kind as _};
use credential_core::wallet::MAX_WALLET_LEN;
use credential_core::{CredentialFormat, SecretKey, Verdict, Wallet, WalletEntry};
use serde_json::{json, Value};

use super::check::Checker;
use super::wallet_file::{open, passphrase, save, WalletFile};
use crate::common::args::{arg_help, parse_time_arg};
use crate::common::files;
use crate::common::said::said;
use crate::common::trust::{TrustArgs, TrustError};

#[derive(Debug, Subcommand)]
pub(crate) enum WalletCommand {
    /// Create a wallet with a new holder key and print the holder DID (give it to the college).
    Init(InitArgs),
    /// Add credential files, checked against a trust bundle when one is given.
    Add(AddArgs),
    /// List the credentials: title, issuer, country, level and status as last known.
    List(ListArgs),
    /// Show one credential (by position, id, or the end of its id).
    Show(ShowArgs),
    /// Write credentials out, one compact credential per line (all when none is named).
    Export(ExportArgs),
    /// Add every credential of export files (one per line), skipping those already held.
    Import(AddArgs),
    /// Receive a credential from an OpenID4VCI offer link (openid-credential-offer://…,
    /// from the institution's QR code), with the PIN it sent apart.
    Receive(super::receive::ReceiveArgs),
    /// Answer an OpenID4VP presentation request (openid4vp://…, from a verifier's QR
    /// code): shows who asks and exactly what they would receive, asks, then sends only
    /// the requested claims, encrypted to the verifier.
    Respond(super::respond::RespondArgs),
}

#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    #[command(flatten)]
    file: WalletFile,
    /// Use this existing holder key file instead of generating a key.
    #[arg(long, conflicts_with = "alg")]
    key: Option<PathBuf>,
    /// The algorithm of the generated holder key: `EdDSA` (Ed25519, the default),
    /// `ES256` (P-256, which HAIP wallets and issuers support), `ES384` (P-384) or
    /// `ES512` (P-521).
    #[arg(long, value_name = "ALG")]
    alg: Option<credential_core::Algorithm>,
    /// Replace an existing wallet (its key and credentials are lost).
    #[arg(long)]
    force: bool,
}

/// A trust bundle to check credentials against, and the moment to check them at.
#[derive(Debug, Args)]
#[command(mut_args(arg_help(
    "bundle",
    "The trust bundle file; with it, credentials are verified before they are added"
)))]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    trust: TrustArgs,
    /// Check as of this time instead of now (RFC 3339 or YYYY-MM-DD).
    #[arg(long, value_parser = parse_time_arg)]
    at: Option<DateTime<Utc>>,
}

impl CheckArgs {
    /// The checker of the bundle given, if one was; a refused bundle stops the command.
    fn checker(&self) -> Result<Option<Checker>> {
        let bundle = self
            .trust
            .open_if_given()
            .map_err(TrustError::stops_command)?;
        Ok(bundle.map(Checker::new))
    }

    fn now(&self) -> DateTime<Utc> {
        self.at.unwrap_or_else(Utc::now)
    }
}

/// `wallet add` and `wallet import`.
#[derive(Debug, Args)]
pub(crate) struct AddArgs {
    #[command(flatten)]
    file: WalletFile,
    #[command(flatten)]
    check: CheckArgs,
    /// Credential files (add: one credential each; import: one per line).
    #[arg(required = true)]
    credentials: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    #[command(flatten)]
    file: WalletFile,
    /// Re-check every credential against this bundle first and remember the result.
    #[command(flatten)]
    check: CheckArgs,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ShowArgs {
    #[command(flatten)]
    file: WalletFile,
    /// Position (1, 2, …), id, or the end of the id.
    credential: String,
    /// Print the credential as issued (compact form) instead of its content.
    #[arg(long)]
    raw: bool,
}

#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    #[command(flatten)]
    file: WalletFile,
    /// Credentials to export (position, id, or end of id); all when none is given.
    credentials: Vec<String>,
    /// Where to write; standard output when absent.
    #[arg(long)]
    out: Option<PathBuf>,
}

pub(crate) fn run(command: WalletCommand) -> Result<u8> {
    match command {
        WalletCommand::Init(a) => init(a),
        WalletCommand::Add(a) => add(a, false),
        WalletCommand::Import(a) => add(a, true),
        WalletCommand::List(a) => list(a),
        WalletCommand::Show(a) => show(a),
        WalletCommand::Export(a) => export(a),
        WalletCommand::Receive(a) => super::receive::run(a),
        WalletCommand::Respond(a) => super::respond::run(a),
    }
}

fn init(a: InitArgs) -> Result<u8> {
    let path = a.file.path()?;
    if path.exists() && !a.force {
        return Err(said(
            Msg::new("cli-wallet-exists").arg("path", path.display().to_string()),
        ));
    }
    let key = match &a.key {
        Some(k) => files::read_key(k)?,
        None => SecretKey::generate_for(a.alg.unwrap_or(credential_core::Algorithm::EdDSA)),
    };
    let phrase = passphrase(true)?;
    let wallet = Wallet::new(key, Utc::now());
    save(&path, &wallet, &phrase)?;
    eprintln!("wallet created at {}; your holder DID:", path.display());
    println!("{}", wallet.did());
    Ok(0)
}

fn add(a: AddArgs, import: bool) -> Result<u8> {
    let path = a.file.path()?;
    let (mut wallet, phrase) = open(&path)?;
    let mut texts = Vec::new();
    for file in &a.credentials {
        if import {
            let text = files::read_text(file, MAX_WALLET_LEN as u64)?;
            texts.extend(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(|l| (file.display().to_string(), l.to_owned())),
            );
        } else {
            let text = files::read_input(file, CredentialJwt::MAX_LEN * 2)?;
            texts.push((file.display().to_string(), text));
        }
    }
    let checker = a.check.checker()?;
    let now = a.check.now();
    let (mut added, mut refused, mut skipped) = (0usize, 0usize, 0usize);
    let lang = crate::common::lang::current();
    for (source, text) in &texts {
        let checked = match &checker {
            Some(c) => {
                let (verdict, known) = c.check(text, now)?;
                if verdict == Verdict::Invalid {
                    let said = Msg::new("wallet-refused-invalid")
                        .arg("source", source.as_str())
                        .arg("status", status_words(&known.status, lang));
                    eprintln!("{}", said.text(lang));
                    refused += 1;
                    continue;
                }
                Some(known)
            }
            None => None,
        };
        match wallet.add(text, checked, Utc::now()) {
            Ok(entry) => {
                let title = entry
                    .last_known
                    .title
                    .clone()
                    .unwrap_or_else(|| i18n::text(lang, "wallet-untitled-plain"));
                let said = Msg::new("wallet-added")
                    .arg("source", source.as_str())
                    .arg("id", &entry.id)
                    .arg("title", title);
                eprintln!("{}", said.text(lang));
                added += 1;
            }
            // Adding what is already there changes nothing and is no failure.
            Err(credential_core::WalletError::Duplicate(id)) => {
                let said = Msg::new("wallet-already")
                    .arg("source", source.as_str())
                    .arg("id", id);
                eprintln!("{}", said.text(lang));
                skipped += 1;
            }
            Err(e) => {
                let said = Msg::new("wallet-refused")
                    .arg("source", source.as_str())
                    .arg("reason", crate::common::said::render_std(&e, lang));
                eprintln!("{}", said.text(lang));
                refused += 1;
            }
        }
    }
    if added > 0 {
        save(&path, &wallet, &phrase)?;
    }
    let said = Msg::new("wallet-add-summary")
        .arg("added", added)
        .arg("skipped", skipped)
        .arg("refused", refused)
        .arg("count", wallet.credentials().len());
    eprintln!("{}", said.text(lang));
    Ok(if refused == 0 { 0 } else { 1 })
}

fn list(a: ListArgs) -> Result<u8> {
    let path = a.file.path()?;
    let (mut wallet, phrase) = open(&path)?;
    if let Some(checker) = a.check.checker()? {
        let now = a.check.now();
        let entries: Vec<WalletEntry> = wallet.credentials().to_vec();
        for entry in &entries {
            let (_, known) = checker.check(&entry.credential, now)?;
            wallet.record(&entry.id, known);
        }
        save(&path, &wallet, &phrase)?;
    }
    if a.json {
        let items: Vec<_> = wallet
            .credentials()
            .iter()
            .enumerate()
            .map(|(i, e)| {
                json!({
                    "index": i + 1, "id": e.id, "format": e.format, "added": e.added,
                    "lastKnown": e.last_known,
                })
            })
            .collect();
        let out = json!({ "holder": wallet.did(), "credentials": items });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(0);
    }
    let lang = crate::common::lang::current();
    let heading = Msg::new("wallet-heading")
        .arg("holder", wallet.did())
        .arg("count", wallet.credentials().len());
    println!("{}", heading.text(lang));
    if wallet.credentials().is_empty() {
        println!("{}", empty_wallet(&path));
        return Ok(0);
    }
    let rows: Vec<[String; 7]> = wallet
        .credentials()
        .iter()
        .enumerate()
        .map(|(i, e)| row(i, e, lang))
        .collect();
    let header = [
        "#".to_owned(),
        i18n::text(lang, "wallet-col-title"),
        i18n::text(lang, "wallet-col-awarding-body"),
        i18n::text(lang, "wallet-col-issuer"),
        i18n::text(lang, "wallet-col-country"),
        i18n::text(lang, "wallet-col-level"),
        i18n::text(lang, "wallet-col-status"),
    ];
    let mut widths = [0usize; 7];
    for r in std::iter::once(&header).chain(&rows) {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(cell.chars().count());
        }
    }
    for r in std::iter::once(&header).chain(&rows) {
        let line: Vec<String> = r
            .iter()
            .zip(widths)
            .map(|(cell, w)| format!("{cell:<w$}"))
            .collect();
        println!("  {}", line.join("  ").trim_end());
    }
    Ok(0)
}

/// The status the wallet stored (`valid`, `invalid (status, signature)`, `indeterminate
/// (bundle-fresh)`, `unchecked`: English words and check names, kept as they were found) in
/// the reader's words: the verdict from the catalog, each check by its name in `lang`. A
/// status the catalogs do not know is shown as stored.
fn status_words(stored: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return stored.to_owned();
    }
    let (verdict, checks) = match stored.split_once(" (") {
        Some((v, rest)) => (v, rest.strip_suffix(')')),
        None => (stored, None),
    };
    let id = match verdict {
        "valid" => "wallet-status-valid",
        "invalid" => "wallet-status-invalid",
        "indeterminate" => "wallet-status-indeterminate",
        "unchecked" => "wallet-status-unchecked",
        _ => return stored.to_owned(),
    };
    let verdict = i18n::text(lang, id);
    match checks {
        None => verdict,
        Some(names) => {
            let labels: Vec<String> = names
                .split(", ")
                .map(|n| i18n::lookup(lang, &format!("check-{n}")).unwrap_or_else(|| n.to_owned()))
                .collect();
            Msg::new("wallet-status-failed")
                .arg("verdict", verdict)
                .arg("checks", labels.join(", "))
                .text(lang)
        }
    }
}

fn row(i: usize, e: &WalletEntry, lang: Lang) -> [String; 7] {
    let k = &e.last_known;
    let status = match k.checked_at {
        Some(t) => format!(
            "{} ({})",
            status_words(&k.status, lang),
            t.format("%Y-%m-%d")
        ),
        None => status_words(&k.status, lang),
    };
    // What the credential itself says in other languages (the wallet keeps the credential;
    // wallets written before language maps remember only the English words).
    let content = credential_core::wallet::read_unchecked(&e.credential)
        .ok()
        .map(|(_, c)| c);
    // The title in the reader's language; another language than asked shows its tag.
    let skills = content
        .as_ref()
        .and_then(|c| credential_core::credential::skill_headline_in(&c.skill_names, lang));
    let title = match (i18n::pick(&k.titles, lang), skills) {
        (_, Some(skills)) => skills,
        (Some(p), None) if p.other_language => format!("{} ({})", p.text, p.tag),
        (Some(p), None) => p.text.to_owned(),
        (None, None) => k
            .title
            .clone()
            .unwrap_or_else(|| i18n::text(lang, "wallet-untitled")),
    };
    let body = content
        .as_ref()
        .and_then(|c| i18n::pick(&c.awarding_body, lang))
        .map_or_else(
            || "-".to_owned(),
            |p| {
                if p.other_language {
                    format!("{} ({})", p.text, p.tag)
                } else {
                    p.text.to_owned()
                }
            },
        );
    [
        (i + 1).to_string(),
        clip(&title, 40),
        clip(&body, 40),
        clip(k.issuer_name.as_deref().unwrap_or(&k.issuer), 40),
        k.country.clone().unwrap_or_else(|| "-".into()),
        if k.levels.is_empty() {
            "-".into()
        } else {
            k.levels.join(",")
        },
        status,
    ]
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

/// What every command says of a wallet without credentials.
fn empty_wallet(path: &Path) -> String {
    Msg::new("wallet-empty")
        .arg("path", path.display().to_string())
        .text(crate::common::lang::current())
}

fn select<'w>(wallet: &'w Wallet, selector: &str) -> Result<&'w WalletEntry> {
    if wallet.credentials().is_empty() {
        return Err(said(
            Msg::new("cli-no-credential-empty").arg("selector", format!("{selector:?}")),
        ));
    }
    wallet
        .find(selector)
        .ok_or_else(|| said(Msg::new("cli-no-credential").arg("selector", format!("{selector:?}"))))
}

/// The content of a credential the holder keeps: the signed document, with every
/// disclosure put back for an SD-JWT. Not verified: for the holder's own reading.
fn content(credential: &str) -> Result<Value> {
    match CredentialFormat::detect(credential) {
        CredentialFormat::VcJwt => {
            peek_json::<CredentialJwt>(credential).context("the credential payload is not JSON")
        }
        CredentialFormat::SdJwt | CredentialFormat::DcSdJwt => {
            Ok(credential_core::sdjwt::reveal_all_unchecked(credential)?)
        }
    }
}

fn show(a: ShowArgs) -> Result<u8> {
    let (wallet, _) = open(&a.file.path()?)?;
    let entry = select(&wallet, &a.credential)?;
    if a.raw {
        println!("{}", entry.credential);
        return Ok(0);
    }
    let document = content(&entry.credential)?;
    let out = json!({
        "id": entry.id,
        "format": entry.format,
        "added": entry.added,
        "lastKnown": entry.last_known,
        "credential": document,
    });
    println!("{}", serde_json::to_string_pretty(&out)?);
    Ok(0)
}

fn export(a: ExportArgs) -> Result<u8> {
    let (wallet, _) = open(&a.file.path()?)?;
    let path = a.file.path()?;
    if wallet.credentials().is_empty() {
        eprintln!("{}; nothing exported", empty_wallet(&path));
        return Ok(0);
    }
    let entries: Vec<&WalletEntry> = if a.credentials.is_empty() {
        wallet.credentials().iter().collect()
    } else {
        a.credentials
            .iter()
            .map(|s| select(&wallet, s))
            .collect::<Result<_>>()?
    };
    let mut text = String::new();
    for e in &entries {
        text.push_str(&e.credential);
        text.push('\n');
    }
    match &a.out {
        Some(out) => {
            files::write_atomic(out, text.as_bytes(), true)?;
            eprintln!("{} credential(s) -> {}", entries.len(), out.display());
        }
        None => print!("{text}"),
    }
    Ok(0)
}

/// The wallet entries named by `selectors`, for `present --wallet`; with no selector, the
/// wallet's only credential (a choice is needed only when there are several).
pub(super) fn credentials_for_presentation(
    wallet: &Wallet,
    path: &Path,
    selectors: &[String],
) -> Result<Vec<String>> {
    if selectors.is_empty() {
        return match wallet.credentials() {
            [] => bail!("{}", empty_wallet(path)),
            [only] => Ok(vec![only.credential.clone()]),
            many => bail!(
                "the wallet holds {} credentials: choose which to present with --credential N \
                 (repeatable; the numbers are in `skillpass wallet list --wallet {}`)",
                many.len(),
                path.display()
            ),
        };
    }
    selectors
        .iter()
        .map(|s| select(wallet, s).map(|e| e.credential.clone()))
        .collect()
}
