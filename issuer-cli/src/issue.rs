//! `skillpass issue`: sign one credential from a claims file, or one per row of a CSV file.

use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use chrono::{DateTime, NaiveDate, Utc};
use clap::Args;
use credential_core::{build_document, sign_document, IssueOptions, SecretKey};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{json, Map, Value};

use crate::{files, status};

/// `issue`.
#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("input").required(true).args(["claims", "csv"])))]
pub struct IssueArgs {
    /// The issuer's private key file.
    #[arg(long)]
    key: PathBuf,
    /// A claims file: {"type": "QualificationCredential", "credentialSubject": {...}}.
    #[arg(long, requires = "out")]
    claims: Option<PathBuf>,
    /// Where to write the credential (compact JWS).
    #[arg(long)]
    out: Option<PathBuf>,
    /// A CSV file, one migrant per row (columns: see examples/README.md).
    #[arg(long, requires = "out_dir")]
    csv: Option<PathBuf>,
    /// Directory for the credentials of a CSV batch (one file per row, plus summary.json).
    #[arg(long)]
    out_dir: Option<PathBuf>,
    /// The holder's DID, bound as credentialSubject.id.
    #[arg(long, conflicts_with = "csv")]
    holder: Option<String>,
    /// Allocate revocation/suspension entries from this status list file
    /// (create it with `skillpass status init`).
    #[arg(long)]
    status: Option<PathBuf>,
    /// Start of validity (default: now).
    #[arg(long, value_parser = files::parse_time_arg)]
    valid_from: Option<DateTime<Utc>>,
    /// End of validity.
    #[arg(long, value_parser = files::parse_time_arg)]
    valid_until: Option<DateTime<Utc>>,
    /// The issuer DID when it differs from the key's (after a key rotation).
    #[arg(long)]
    issuer: Option<String>,
    /// Issue as an SD-JWT (vc+sd-jwt) whose personal claims (birthDate, nationality,
    /// grade) the holder discloses selectively; needs --holder.
    #[arg(long, requires = "holder", conflicts_with = "csv")]
    sd_jwt: bool,
    /// Also make this claim selectively disclosable (e.g. name, title, awardingBody,
    /// learningOutcomes, qualification.awarded); repeatable.
    #[arg(long = "sd", requires = "sd_jwt", value_name = "CLAIM")]
    sd: Vec<String>,
}

/// Runs `issue`.
pub fn run(a: IssueArgs) -> Result<u8> {
    let key = files::read_key(&a.key)?;
    let mut options = IssueOptions::new(a.valid_from.unwrap_or_else(Utc::now));
    options.issuer = a.issuer.clone();
    options.valid_until = a.valid_until;
    let mut lists = match &a.status {
        Some(path) => Some(status::StatusFile::load(path)?),
        None => None,
    };
    if let (Some(claims), Some(out)) = (&a.claims, &a.out) {
        let claims = files::read_json(claims)?;
        options.holder = a.holder.clone();
        let sd = a.sd_jwt.then_some(a.sd.as_slice());
        let (jws, id) = issue_one(&key, &claims, &mut options, lists.as_mut(), sd)?;
        files::write_atomic(out, format!("{jws}\n").as_bytes(), false)?;
        if let (Some(lists), Some(path)) = (&lists, &a.status) {
            lists.save(path)?;
        }
        eprintln!("issued {id} -> {}", out.display());
        return Ok(0);
    }
    if let (Some(csv), Some(dir)) = (&a.csv, &a.out_dir) {
        let status = lists.as_mut().zip(a.status.as_deref());
        return issue_csv(&key, csv, dir, &mut options, status);
    }
    bail!("give --claims FILE --out FILE, or --csv FILE --out-dir DIR")
}

fn issue_one(
    key: &SecretKey,
    claims: &Value,
    options: &mut IssueOptions,
    lists: Option<&mut status::StatusFile>,
    sd_jwt: Option<&[String]>,
) -> Result<(String, String)> {
    let public = key.public();
    options.status = match lists {
        // After a key rotation the issuer is named with --issuer, not the key's DID.
        Some(lists) => lists.allocate(options.issuer.as_deref().unwrap_or(&public.did()))?,
        None => Vec::new(),
    };
    let doc = build_document(claims, &public.did(), options)?;
    let jws = match sd_jwt {
        None => sign_document(key, &public.did_url(), &doc)?,
        Some(sd) => credential_core::sdjwt::issue(key, &public.did_url(), &doc, sd)?,
    };
    let id = doc
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    Ok((jws, id))
}

/// One CSV row, by the column names of examples/batch.csv.
#[derive(Debug, serde::Deserialize)]
struct Row {
    name: String,
    #[serde(default)]
    birth_date: String,
    #[serde(default)]
    holder_did: String,
    title_en: String,
    #[serde(default)]
    title_original: String,
    #[serde(default)]
    title_lang: String,
    awarding_body: String,
    country: String,
    level: String,
    field: String,
    #[serde(default)]
    isco08: String,
    #[serde(default)]
    learning_outcomes: String,
    awarded: String,
    #[serde(default)]
    valid_until: String,
}

impl Row {
    /// The claims of a qualification credential, plus the holder DID and end of validity.
    fn claims(&self) -> Result<(Value, Option<String>, Option<DateTime<Utc>>)> {
        let mut title = Map::new();
        title.insert("en".into(), json!(self.title_en));
        if !self.title_original.is_empty() {
            title.insert("original".into(), json!(self.title_original));
        }
        if !self.title_lang.is_empty() {
            title.insert("lang".into(), json!(self.title_lang));
        }
        let mut qualification = json!({
            "title": title,
            "awardingBody": { "name": self.awarding_body },
            "country": self.country,
            "frameworkLevels": [self.level],
            "field": { "iscedF": self.field },
            "learningOutcomes": self.learning_outcomes.split('|').map(str::trim).filter(|s| !s.is_empty()).collect::<Vec<_>>(),
            "awarded": self.awarded,
        });
        if let (false, Some(q)) = (self.isco08.is_empty(), qualification.as_object_mut()) {
            q.insert("occupation".into(), json!({ "isco08": self.isco08 }));
        }
        let mut subject = json!({ "name": self.name, "qualification": qualification });
        if let (false, Some(s)) = (self.birth_date.is_empty(), subject.as_object_mut()) {
            s.insert("birthDate".into(), json!(self.birth_date));
        }
        let holder = (!self.holder_did.is_empty()).then(|| self.holder_did.clone());
        let valid_until = if self.valid_until.is_empty() {
            None
        } else {
            let day =
                NaiveDate::parse_from_str(&self.valid_until, "%Y-%m-%d").with_context(|| {
                    format!(
                        "valid_until {:?} is not a date (YYYY-MM-DD)",
                        self.valid_until
                    )
                })?;
            day.and_hms_opt(23, 59, 59).map(|t| t.and_utc())
        };
        Ok((
            json!({ "type": "QualificationCredential", "credentialSubject": subject }),
            holder,
            valid_until,
        ))
    }
}

/// Credentials signed before their files are written. The status list file (with the
/// indexes those credentials took) is saved first, so no credential file can exist whose
/// index a crash would let another credential take again. (Writing the files from several
/// threads was measured: slower here, the `fsync`s do not overlap on this disk.)
const WRITE_BATCH: usize = 256;

fn issue_csv(
    key: &SecretKey,
    csv_path: &Path,
    dir: &Path,
    options: &mut IssueOptions,
    mut status: Option<(&mut status::StatusFile, &Path)>,
) -> Result<u8> {
    let text = files::read_text(csv_path, files::MAX_FILE)?;
    let rows = text
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .count() as u64;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let bar = ProgressBar::new(rows);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} issuing [{bar:40}] {pos}/{len} ({per_sec}, eta {eta})",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    let default_until = options.valid_until;
    let mut issued = Vec::new();
    let mut failed = Vec::new();
    let headers = reader
        .headers()
        .context("the CSV file has no header line")?
        .clone();
    let mut pending: Vec<(PathBuf, String)> = Vec::with_capacity(WRITE_BATCH);
    // Saves the status list file (with the indexes the pending credentials took) before
    // their files appear, then writes them.
    let hand_over = |pending: &mut Vec<(PathBuf, String)>,
                     status: &Option<(&mut status::StatusFile, &Path)>|
     -> Result<()> {
        if let Some((lists, path)) = status {
            lists.save(path)?;
        }
        for (file, text) in pending.drain(..) {
            files::write_atomic(&file, text.as_bytes(), false)?;
        }
        Ok(())
    };
    for record in reader.records() {
        bar.inc(1);
        // Lines are counted from 1, the header included, so errors point into the file.
        let line = match &record {
            Ok(r) => r.position().map_or(0, |p| p.line()),
            Err(e) => e.position().map_or(0, |p| p.line()),
        };
        let result = record.map_err(anyhow::Error::from).and_then(|record| {
            let row: Row = record.deserialize(Some(&headers))?;
            let (claims, holder, until) = row.claims()?;
            options.holder = holder;
            options.valid_until = until.or(default_until);
            let lists = status.as_mut().map(|(lists, _)| &mut **lists);
            issue_one(key, &claims, options, lists, None)
        });
        match result {
            Ok((jws, id)) => {
                let file = dir.join(format!("row-{line:06}.jwt"));
                issued.push(json!({ "line": line, "id": id, "file": file.file_name().map(|f| f.to_string_lossy().into_owned()) }));
                pending.push((file, format!("{jws}\n")));
                if pending.len() >= WRITE_BATCH {
                    hand_over(&mut pending, &status)?;
                }
            }
            Err(e) => {
                bar.suspend(|| eprintln!("line {line}: {e:#}"));
                failed.push(json!({ "line": line, "error": format!("{e:#}") }));
            }
        }
    }
    hand_over(&mut pending, &status)?;
    bar.finish_and_clear();
    let summary = json!({
        "source": csv_path.display().to_string(),
        "issued": issued.len(),
        "failed": failed.len(),
        "errors": failed,
        "credentials": issued,
    });
    files::write_atomic(
        &dir.join("summary.json"),
        serde_json::to_string_pretty(&summary)?.as_bytes(),
        false,
    )?;
    println!(
        "{} issued, {} failed; summary in {}",
        issued.len(),
        failed.len(),
        dir.join("summary.json").display()
    );
    Ok(if failed.is_empty() { 0 } else { 1 })
}
