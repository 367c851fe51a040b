//! `skillpass authority`: a recognition authority signs its decisions. Offline, signed
//! decisions go to the operator, whose `bundle build --authorities … --decisions …` carries
//! them to every verifier; a decision is trusted only when its signer is a listed authority
//! of the destination country.

use std::path::PathBuf;

use anyhow::{bail, Context as _, Result};
use clap::{Args, Subcommand};
use credential_core::equivalence::{EquivalenceTable, FrameworkCatalog, RecognitionDecision};
use credential_core::trust::sign_decision;
use serde_json::{json, Map, Value};

use crate::files;

/// Authority commands.
#[derive(Debug, Subcommand)]
pub enum AuthorityCommand {
    /// Sign one recognition decision (a JSON file; see schemas/equivalence-decision.schema.json).
    Sign(SignArgs),
    /// Sign every decision of a CSV file, writing one signed decision per line.
    Import(ImportArgs),
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
    /// Where to write the signed decision (compact JWS).
    #[arg(long)]
    out: PathBuf,
}

/// `authority import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
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
    /// Where to write the signed decisions, one per line.
    #[arg(long)]
    out: PathBuf,
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
            files::write_atomic(&a.out, format!("{jws}\n").as_bytes(), false)?;
            println!("signed decision {} -> {}", decision.id, a.out.display());
            Ok(0)
        }
        AuthorityCommand::Import(a) => import(&a),
    }
}

fn import(a: &ImportArgs) -> Result<u8> {
    let key = files::read_key(&a.key)?;
    let did = key.public().did();
    let text = files::read_text(&a.csv, files::MAX_FILE)?;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .context("the CSV file has no header line")?
        .clone();
    // Decisions are checked together, so a revision may supersede one in the same file.
    let mut table = EquivalenceTable::shipped()?;
    let mut signed = Vec::new();
    let mut failed = 0usize;
    for record in reader.records() {
        let line = match &record {
            Ok(r) => r.position().map_or(0, |p| p.line()),
            Err(e) => e.position().map_or(0, |p| p.line()),
        };
        let result = record.map_err(anyhow::Error::from).and_then(|r| {
            let row: std::collections::HashMap<String, String> = r.deserialize(Some(&headers))?;
            let decision = decision_from_row(&row, &did, &a.name)?;
            table.add_decision(decision.clone())?;
            Ok(sign_decision(&key, &decision)?)
        });
        match result {
            Ok(jws) => signed.push(jws),
            Err(e) => {
                failed += 1;
                eprintln!("line {line}: {e:#}");
            }
        }
    }
    let mut out = signed.join("\n");
    out.push('\n');
    files::write_atomic(&a.out, out.as_bytes(), false)?;
    println!(
        "{} decisions signed, {failed} failed -> {}",
        signed.len(),
        a.out.display()
    );
    Ok(if failed == 0 { 0 } else { 1 })
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
