//! `skillpass authority`: a recognition authority signs its decisions.
//!
//! Offline, signed decisions go to the operator, whose `bundle build --authorities …
//! --decisions …` carries them to every verifier. With a registry, the operator registers
//! the authority (`register`) and the authority publishes, revises and withdraws its
//! decisions there (`publish`, `revise`, `withdraw`, `import` without `--out`); the
//! registry's next bundle carries them. Either way a decision is trusted only when its
//! signer is a listed authority of the destination country, and the decision travels as
//! the authority signed it.

use std::path::PathBuf;

use anyhow::{bail, Context as _, Result};
use chrono::{SubsecRound as _, Utc};
use clap::{Args, Subcommand};
use credential_core::equivalence::{EquivalenceTable, FrameworkCatalog, RecognitionDecision};
use credential_core::jws::UnverifiedJws;
use credential_core::trust::sign_decision;
use credential_core::SecretKey;
use serde_json::{json, Map, Value};

use crate::client::{segment, text, Client, RegistryArg};
use crate::files;

/// Authority commands.
#[derive(Debug, Subcommand)]
pub enum AuthorityCommand {
    /// Sign one recognition decision (a JSON file; see schemas/equivalence-decision.schema.json).
    Sign(SignArgs),
    /// Sign every decision of a CSV file and publish each to the registry, or with --out
    /// write them to a file, one signed decision per line.
    Import(ImportArgs),
    /// Operator: register a recognition authority with the registry.
    Register(RegisterArgs),
    /// Sign a decision and publish it to the registry.
    Publish(PublishArgs),
    /// Sign a revision of a published decision and publish it; the old one stays readable,
    /// marked superseded.
    Revise(ReviseArgs),
    /// Withdraw a published decision: it is re-signed with `withdrawn` set and sent.
    Withdraw(WithdrawArgs),
}

/// `authority sign`.
#[derive(Debug, Args)]
pub struct SignArgs {
    /// The authority's private key file.
    #[arg(long)]
    key: PathBuf,
    /// The decision JSON. Its `authority` is set to the key's DID.
    #[arg(long)]
    decision: PathBuf,
    /// The file of signed decisions to add it to, one compact JWS per line (created when
    /// missing; a decision with the same id is replaced, the others are kept).
    #[arg(long)]
    out: PathBuf,
}

/// `authority import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(flatten)]
    registry: RegistryArg,
    /// The authority's private key file.
    #[arg(long)]
    key: PathBuf,
    /// The authority's name, written into each decision.
    #[arg(long)]
    name: String,
    /// CSV with columns id, origin_country, origin_level, origin_field, origin_isco,
    /// origin_title, destination_country, destination_qualification, destination_isco,
    /// outcome, compensation, legal_basis, valid_from, valid_until, supersedes, notes.
    /// compensation: measures separated by ';', alternatives within one by '|', e.g.
    /// `adaptation-period:6|knowledge-test;language:de:B2`.
    #[arg(long)]
    csv: PathBuf,
    /// Work offline: add the signed decisions to this file, one per line (decisions already
    /// in it are kept, one with the same id replaced), instead of publishing them to the
    /// registry.
    #[arg(long)]
    out: Option<PathBuf>,
}

/// `authority register`.
#[derive(Debug, Args)]
pub struct RegisterArgs {
    #[command(flatten)]
    registry: RegistryArg,
    /// The operator's private key file (the registry's DATA/operator.key).
    #[arg(long)]
    key: PathBuf,
    /// The authority's did:key (its decisions and requests are signed with that key).
    #[arg(long)]
    authority: String,
    /// The authority's name.
    #[arg(long)]
    name: String,
    /// ISO 3166-1 alpha-2 code of the country whose recognition it decides, e.g. DE.
    #[arg(long)]
    country: String,
    /// Its jurisdiction in words, e.g. "nursing, Land Berlin".
    #[arg(long)]
    jurisdiction: Option<String>,
}

/// `authority publish`.
#[derive(Debug, Args)]
pub struct PublishArgs {
    #[command(flatten)]
    registry: RegistryArg,
    /// The authority's private key file.
    #[arg(long)]
    key: PathBuf,
    /// The decision JSON. Its `authority` is set to the key's DID; a missing `id` is made.
    #[arg(long)]
    decision: PathBuf,
}

/// `authority revise`.
#[derive(Debug, Args)]
pub struct ReviseArgs {
    #[command(flatten)]
    registry: RegistryArg,
    /// The authority's private key file.
    #[arg(long)]
    key: PathBuf,
    /// The id of the published decision this one revises.
    #[arg(long)]
    supersedes: String,
    /// The revised decision JSON. It gets a new id when it has none or keeps the old one.
    #[arg(long)]
    decision: PathBuf,
}

/// `authority withdraw`.
#[derive(Debug, Args)]
pub struct WithdrawArgs {
    #[command(flatten)]
    registry: RegistryArg,
    /// The authority's private key file.
    #[arg(long)]
    key: PathBuf,
    /// The id of the published decision to withdraw.
    #[arg(long)]
    decision_id: String,
}

/// Runs an authority command.
pub fn run(command: AuthorityCommand) -> Result<u8> {
    match command {
        AuthorityCommand::Sign(a) => {
            let key = files::read_key(&a.key)?;
            let mut value = files::read_json(&a.decision)?;
            if let Some(obj) = value.as_object_mut() {
                obj.insert("authority".into(), json!(key.public().did()));
            }
            let decision: RecognitionDecision =
                serde_json::from_value(value).with_context(|| {
                    format!("{} is not a recognition decision", a.decision.display())
                })?;
            decision.check(FrameworkCatalog::shipped()?)?;
            let jws = sign_decision(&key, &decision)?;
            let mut file = DecisionsFile::open(&a.out)?;
            file.put(&decision.id, jws);
            file.save()?;
            println!("signed decision {} -> {}", decision.id, file.describe());
            Ok(0)
        }
        AuthorityCommand::Import(a) => match &a.out {
            Some(out) => import(&a, out),
            None => import_to_registry(&a),
        },
        AuthorityCommand::Register(a) => register(&a),
        AuthorityCommand::Publish(a) => {
            let key = files::read_key(&a.key)?;
            let decision = load_decision(&a.decision, &key, None)?;
            publish(&Client::new(&a.registry.url), &key, &decision)
        }
        AuthorityCommand::Revise(a) => {
            let key = files::read_key(&a.key)?;
            let decision = load_decision(&a.decision, &key, Some(&a.supersedes))?;
            publish(&Client::new(&a.registry.url), &key, &decision)
        }
        AuthorityCommand::Withdraw(a) => withdraw(&a),
    }
}

fn register(a: &RegisterArgs) -> Result<u8> {
    let key = files::read_key(&a.key)?;
    let body = json!({
        "id": a.authority,
        "name": a.name,
        "country": a.country.to_uppercase(),
        "jurisdiction": a.jurisdiction.clone().unwrap_or_default(),
    });
    let v = Client::new(&a.registry.url)
        .signed("POST", "/authorities", Some(&body), &key)?
        .json()?;
    println!(
        "registered authority {} ({}, decides for {})",
        text(&v, "id"),
        text(&v, "name"),
        text(&v, "country")
    );
    Ok(0)
}

/// Reads a decision file as `key`'s: `authority` set to its DID, a new id when it has none,
/// and for a revision `supersedes` set (and a new id if the file kept the old one).
fn load_decision(
    path: &std::path::Path,
    key: &SecretKey,
    supersedes: Option<&str>,
) -> Result<RecognitionDecision> {
    let mut value = files::read_json(path)?;
    let Some(obj) = value.as_object_mut() else {
        bail!(
            "{} is not a recognition decision (a JSON object)",
            path.display()
        );
    };
    obj.insert("authority".into(), json!(key.public().did()));
    if let Some(old) = supersedes {
        obj.insert("supersedes".into(), json!(old));
    }
    let keeps_old_id = obj
        .get("id")
        .and_then(Value::as_str)
        .is_none_or(|id| Some(id) == supersedes);
    if keeps_old_id {
        obj.insert(
            "id".into(),
            json!(format!("urn:uuid:{}", uuid::Uuid::new_v4())),
        );
    }
    let decision: RecognitionDecision = serde_json::from_value(value)
        .with_context(|| format!("{} is not a recognition decision", path.display()))?;
    decision.check(FrameworkCatalog::shipped()?)?;
    Ok(decision)
}

/// Signs `decision` and sends it; answers the exit code.
fn publish(client: &Client, key: &SecretKey, decision: &RecognitionDecision) -> Result<u8> {
    let reply = send(client, key, decision)?;
    let v = reply.json()?;
    let what = match (&decision.supersedes, reply.status) {
        (_, 200) => "already published: decision".to_owned(),
        (Some(old), _) => format!("published revision (superseding {old}):"),
        (None, _) => "published decision".to_owned(),
    };
    println!("{what} {} (now {})", decision.id, text(&v, "state"));
    Ok(0)
}

fn send(
    client: &Client,
    key: &SecretKey,
    decision: &RecognitionDecision,
) -> Result<crate::client::Reply> {
    let jws = sign_decision(key, decision)?;
    client.signed("POST", "/decisions", Some(&json!({ "jws": jws })), key)
}

fn withdraw(a: &WithdrawArgs) -> Result<u8> {
    let key = files::read_key(&a.key)?;
    let client = Client::new(&a.registry.url);
    let path = format!("/decisions/{}", segment(&a.decision_id));
    let stored = client.get(&path, None)?.json()?;
    // Re-sign what this authority signed, read from its own signature, not from the
    // registry's rendering of it.
    let parsed = UnverifiedJws::parse(text(&stored, "jws"), 64 * 1024)
        .context("the registry's copy of the decision is not a compact JWS")?;
    if !parsed.verify_with(&key.public()) {
        bail!(
            "decision {} was not signed by this key ({}); only its authority can withdraw it",
            a.decision_id,
            key.public().did()
        );
    }
    let mut decision: RecognitionDecision =
        serde_json::from_value(credential_core::json::parse_strict(parsed.payload())?)
            .context("the registry's copy of the decision is not a recognition decision")?;
    if decision.withdrawn.is_some() {
        bail!("decision {} is already withdrawn", a.decision_id);
    }
    decision.withdrawn = Some(Utc::now().trunc_subsecs(0));
    let jws = sign_decision(&key, &decision)?;
    let v = client
        .signed(
            "POST",
            &format!("{path}/withdraw"),
            Some(&json!({ "jws": jws })),
            &key,
        )?
        .json()?;
    println!(
        "withdrew decision {} (now {})",
        a.decision_id,
        text(&v, "state")
    );
    Ok(0)
}

/// Publishes each row; a bad row is reported by its line and the others go on. Rows are
/// sent in file order, so a revision may supersede a decision of an earlier row.
fn import_to_registry(a: &ImportArgs) -> Result<u8> {
    let key = files::read_key(&a.key)?;
    let did = key.public().did();
    let client = Client::new(&a.registry.url);
    // One look first, so an unreachable registry is one error, not one per row.
    client.get("/healthz", None)?;
    let text = files::read_text(&a.csv, files::MAX_FILE)?;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .context("the CSV file has no header line")?
        .clone();
    let (mut published, mut already, mut failed) = (0usize, 0usize, 0usize);
    for record in reader.records() {
        let line = match &record {
            Ok(r) => r.position().map_or(0, |p| p.line()),
            Err(e) => e.position().map_or(0, |p| p.line()),
        };
        let result = record.map_err(anyhow::Error::from).and_then(|r| {
            let row: std::collections::HashMap<String, String> = r.deserialize(Some(&headers))?;
            let decision = decision_from_row(&row, &did, &a.name)?;
            send(&client, &key, &decision)
        });
        match result {
            Ok(reply) if reply.status == 200 => already += 1,
            Ok(_) => published += 1,
            Err(e) => {
                failed += 1;
                eprintln!("line {line}: {e:#}");
            }
        }
    }
    println!("{published} decisions published, {already} already published, {failed} failed");
    Ok(if failed == 0 { 0 } else { 1 })
}

fn import(a: &ImportArgs, out_path: &std::path::Path) -> Result<u8> {
    let key = files::read_key(&a.key)?;
    let did = key.public().did();
    let text = files::read_text(&a.csv, files::MAX_FILE)?;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .context("the CSV file has no header line")?
        .clone();
    let mut rows = Vec::new();
    for record in reader.records() {
        let line = match &record {
            Ok(r) => r.position().map_or(0, |p| p.line()),
            Err(e) => e.position().map_or(0, |p| p.line()),
        };
        let decision = record.map_err(anyhow::Error::from).and_then(|r| {
            let row: std::collections::HashMap<String, String> = r.deserialize(Some(&headers))?;
            decision_from_row(&row, &did, &a.name)
        });
        rows.push((line, decision));
    }
    let mut file = DecisionsFile::open(out_path)?;
    // Decisions are checked together, so a revision may supersede one in the same file, or
    // one already in the output file (which a row of the same id replaces).
    let mut table = EquivalenceTable::shipped()?;
    let replaced: std::collections::HashSet<&str> = rows
        .iter()
        .filter_map(|(_, d)| d.as_ref().ok().map(|d| d.id.as_str()))
        .collect();
    table.add_decisions_any_order(
        file.decisions()
            .into_iter()
            .filter(|d| !replaced.contains(d.id.as_str())),
    );
    let mut signed = 0usize;
    let mut failed = 0usize;
    for (line, decision) in rows {
        let result = decision.and_then(|decision| {
            table.add_decision(decision.clone())?;
            Ok((decision.id.clone(), sign_decision(&key, &decision)?))
        });
        match result {
            Ok((id, jws)) => {
                file.put(&id, jws);
                signed += 1;
            }
            Err(e) => {
                failed += 1;
                eprintln!("line {line}: {e:#}");
            }
        }
    }
    file.save()?;
    println!(
        "{signed} decisions signed, {failed} failed -> {}",
        file.describe()
    );
    Ok(if failed == 0 { 0 } else { 1 })
}

/// A file of signed decisions, one compact JWS per line, as `bundle build --decisions`
/// reads it. `authority sign` and `import --out` add to it rather than overwrite it, so
/// the README's sign-then-import fills one file: a decision with an id already in the file
/// replaces that line (a corrected re-signing), others are appended.
struct DecisionsFile {
    path: PathBuf,
    /// (decision id, JWS) in file order.
    lines: Vec<(String, String)>,
    kept: usize,
    replaced: usize,
    added: usize,
}

impl DecisionsFile {
    /// Reads `path` if it exists; refuses a file that is not one of signed decisions
    /// rather than overwrite it.
    fn open(path: &std::path::Path) -> Result<Self> {
        let mut lines = Vec::new();
        if path.exists() {
            let text = files::read_text(path, files::MAX_FILE)?;
            for (n, line) in text.lines().map(str::trim).enumerate() {
                if line.is_empty() {
                    continue;
                }
                let id = UnverifiedJws::parse(line, 64 * 1024)
                    .ok()
                    .and_then(|jws| credential_core::json::parse_strict(jws.payload()).ok())
                    .and_then(|v| v.get("id").and_then(Value::as_str).map(str::to_owned))
                    .with_context(|| {
                        format!(
                            "{} exists and line {} is not a signed decision: not overwriting it; \
                             choose another --out",
                            path.display(),
                            n + 1
                        )
                    })?;
                lines.push((id, line.to_owned()));
            }
        }
        let kept = lines.len();
        Ok(Self {
            path: path.to_owned(),
            lines,
            kept,
            replaced: 0,
            added: 0,
        })
    }

    /// The decisions already in the file, as signed (for checking revisions against them).
    fn decisions(&self) -> Vec<RecognitionDecision> {
        self.lines
            .iter()
            .filter_map(|(_, jws)| UnverifiedJws::parse(jws, 64 * 1024).ok())
            .filter_map(|jws| credential_core::json::parse_strict(jws.payload()).ok())
            .filter_map(|v| serde_json::from_value(v).ok())
            .collect()
    }

    fn put(&mut self, id: &str, jws: String) {
        match self.lines.iter_mut().find(|(i, _)| i == id) {
            Some(line) => {
                line.1 = jws;
                self.replaced += 1;
                self.kept = self.kept.saturating_sub(1);
            }
            None => {
                self.lines.push((id.to_owned(), jws));
                self.added += 1;
            }
        }
    }

    fn save(&self) -> Result<()> {
        let mut out = String::new();
        for (_, jws) in &self.lines {
            out.push_str(jws);
            out.push('\n');
        }
        files::write_atomic(&self.path, out.as_bytes(), false)
    }

    /// `decisions.jws (1 kept, 3 added; 4 decisions in the file)`.
    fn describe(&self) -> String {
        let mut parts = Vec::new();
        if self.kept > 0 {
            parts.push(format!("{} kept", self.kept));
        }
        if self.replaced > 0 {
            parts.push(format!("{} replaced", self.replaced));
        }
        parts.push(format!("{} added", self.added));
        format!(
            "{} ({}; {} decision{} in the file)",
            self.path.display(),
            parts.join(", "),
            self.lines.len(),
            if self.lines.len() == 1 { "" } else { "s" }
        )
    }
}

fn decision_from_row(
    row: &std::collections::HashMap<String, String>,
    authority: &str,
    name: &str,
) -> Result<RecognitionDecision> {
    let get = |k: &str| row.get(k).map(|s| s.trim()).filter(|s| !s.is_empty());
    let mut origin = Map::new();
    for (column, member) in [
        ("origin_country", "country"),
        ("origin_level", "frameworkLevel"),
        ("origin_field", "field"),
        ("origin_isco", "isco08"),
        ("origin_title", "qualificationTitle"),
    ] {
        if let Some(v) = get(column) {
            origin.insert(member.into(), json!(v));
        }
    }
    let mut destination = Map::new();
    for (column, member) in [
        ("destination_country", "country"),
        ("destination_qualification", "qualification"),
        ("destination_isco", "isco08"),
    ] {
        if let Some(v) = get(column) {
            destination.insert(member.into(), json!(v));
        }
    }
    let mut d = Map::new();
    d.insert(
        "id".into(),
        json!(get("id").map_or_else(
            || format!("urn:uuid:{}", uuid::Uuid::new_v4()),
            str::to_owned
        )),
    );
    d.insert("authority".into(), json!(authority));
    d.insert("authorityName".into(), json!(name));
    d.insert("origin".into(), Value::Object(origin));
    d.insert("destination".into(), Value::Object(destination));
    d.insert("outcome".into(), json!(get("outcome").unwrap_or_default()));
    d.insert(
        "compensation".into(),
        compensation(get("compensation").unwrap_or_default())?,
    );
    d.insert(
        "legalBasis".into(),
        json!(get("legal_basis").unwrap_or_default()),
    );
    for (column, member) in [("valid_from", "validFrom"), ("valid_until", "validUntil")] {
        if let Some(v) = get(column) {
            let t = files::parse_time_arg(v).map_err(anyhow::Error::msg)?;
            d.insert(member.into(), json!(credential_core::format_time(t)));
        }
    }
    for (column, member) in [("supersedes", "supersedes"), ("notes", "notes")] {
        if let Some(v) = get(column) {
            d.insert(member.into(), json!(v));
        }
    }
    let decision: RecognitionDecision = serde_json::from_value(Value::Object(d))?;
    decision.check(FrameworkCatalog::shipped()?)?;
    Ok(decision)
}

/// Parses `adaptation-period:6|knowledge-test;language:de:B2`.
fn compensation(text: &str) -> Result<Value> {
    let measure = |m: &str| -> Result<Value> {
        let parts: Vec<&str> = m.trim().split(':').collect();
        Ok(match parts.as_slice() {
            ["adaptation-period", months] => {
                json!({"type": "adaptation-period", "months": months.parse::<u32>().context("adaptation-period:MONTHS")?})
            }
            ["knowledge-test"] => json!({"type": "knowledge-test"}),
            ["aptitude-test"] => json!({"type": "aptitude-test"}),
            ["language", lang, level] => {
                json!({"type": "language", "language": lang, "level": level})
            }
            _ => bail!("unknown compensation measure {m:?}"),
        })
    };
    let mut all = Vec::new();
    for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let options: Vec<&str> = part.split('|').collect();
        if options.len() == 1 {
            all.push(measure(part)?);
        } else {
            let options = options
                .into_iter()
                .map(measure)
                .collect::<Result<Vec<_>>>()?;
            all.push(json!({"type": "one-of", "options": options}));
        }
    }
    Ok(Value::Array(all))
}
