//! `skillpass authority import`: an authority signs every decision of a CSV file, and
//! publishes each to the registry or, with `--out`, adds them to a file of signed
//! decisions. A bad row is reported by its line and the others go on.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use clap::Args;
use credential_core::equivalence::{EquivalenceTable, FrameworkCatalog, RecognitionDecision};
use credential_core::trust::sign_decision;
use serde_json::{json, Map, Value};

use super::decisions_file::DecisionsFile;
use super::publish::send;
use crate::common::args::{arg_help, parse_time_arg};
use crate::common::client::SignerArgs;
use crate::common::files;

#[derive(Debug, Args)]
#[command(mut_args(arg_help("key", "The authority's private key file")))]
pub(crate) struct ImportArgs {
    #[command(flatten)]
    signer: SignerArgs,
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

pub(super) fn run(a: &ImportArgs) -> Result<u8> {
    match &a.out {
        Some(out) => to_file(a, out),
        None => to_registry(a),
    }
}

/// Publishes each row. Rows are sent in file order, so a revision may supersede a decision
/// of an earlier row.
fn to_registry(a: &ImportArgs) -> Result<u8> {
    let (client, key) = a.signer.open()?;
    // One look first, so an unreachable registry is one error, not one per row.
    client.get("/healthz", None)?;
    let (mut published, mut already, mut failed) = (0usize, 0usize, 0usize);
    for (line, decision) in read_rows(a, &key.public().did())? {
        match decision.and_then(|decision| send(&client, &key, &decision)) {
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

/// Signs each row into the file at `out_path`, checked together with the decisions
/// already there.
fn to_file(a: &ImportArgs, out_path: &Path) -> Result<u8> {
    let key = a.signer.key()?;
    let rows = read_rows(a, &key.public().did())?;
    let mut file = DecisionsFile::open(out_path)?;
    // Decisions are checked together, so a revision may supersede one in the same file, or
    // one already in the output file (which a row of the same id replaces).
    let mut table = EquivalenceTable::shipped()?;
    let replaced: HashSet<&str> = rows
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

/// Every row of the CSV as a decision by `authority`, or why it is not one, with the line
/// the row starts on.
fn read_rows(a: &ImportArgs, authority: &str) -> Result<Vec<(u64, Result<RecognitionDecision>)>> {
    let text = files::read_text(&a.csv, files::MAX_FILE)?;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .context("the CSV file has no header line")?
        .clone();
    Ok(reader
        .records()
        .map(|record| {
            let line = match &record {
                Ok(r) => r.position().map_or(0, |p| p.line()),
                Err(e) => e.position().map_or(0, |p| p.line()),
            };
            let decision = record.map_err(anyhow::Error::from).and_then(|r| {
                let row: HashMap<String, String> = r.deserialize(Some(&headers))?;
                decision_from_row(&row, authority, &a.name)
            });
            (line, decision)
        })
        .collect())
}

fn decision_from_row(
    row: &HashMap<String, String>,
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
            let t = parse_time_arg(v)?;
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
