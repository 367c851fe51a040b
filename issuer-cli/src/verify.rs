//! `skillpass verify`: offline verification of one credential or thousands.

use std::io::{BufRead as _, Read as _};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use chrono::{DateTime, Utc};
use clap::Args;
use credential_core::equivalence::Destination;
use credential_core::jws::MAX_JWS_LEN;
use credential_core::trust::MAX_BUNDLE_LEN;
use credential_core::{bundle_rejected, Report, TrustAnchor, Verdict, Verifier};
use serde_json::json;

use crate::files;
use crate::seen_file::SeenFile;

/// `verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// Credential files (compact JWS), directories of them (*.jwt, *.jws), or `-` for one
    /// JWS per line on standard input; with --presentation, the one presentation file.
    #[arg(required_unless_present_any = ["qr_text", "qr_image"])]
    pub(crate) inputs: Vec<PathBuf>,
    /// The trust bundle file.
    #[arg(long)]
    bundle: PathBuf,
    /// The pinned trust anchor (the operator's did:key).
    #[arg(long)]
    anchor: String,
    /// Print JSON for programs instead of words.
    #[arg(long)]
    json: bool,
    /// Verify as of this time instead of now (RFC 3339 or YYYY-MM-DD).
    #[arg(long, value_parser = files::parse_time_arg)]
    at: Option<DateTime<Utc>>,
    /// Also say what the qualification means in this country (e.g. DE) or framework (e.g. EQF).
    #[arg(long, value_parser = files::parse_destination)]
    country: Option<Destination>,
    /// File remembering the newest bundle sequence seen per anchor, to refuse rollbacks
    /// (default: $SKILLPASS_STATE, else ~/.skillpass/seen-bundles.json).
    #[arg(long)]
    state: Option<PathBuf>,
    /// With many inputs, print every check of every credential, not one line each.
    #[arg(long)]
    verbose: bool,
    #[command(flatten)]
    pub(crate) holder: crate::holder_verify::HolderArgs,
}

/// Runs `verify`.
pub fn run(mut a: VerifyArgs) -> Result<u8> {
    if !a.holder.is_holder_mode() && crate::holder_verify::looks_like_presentation(&a.inputs) {
        a.holder.assume_presentation();
    }
    if a.holder.is_holder_mode() || crate::holder_verify::looks_like_sd_jwt(&a.inputs) {
        return crate::holder_verify::run(&a);
    }
    let inputs = match a.holder.scanned()? {
        Some(scanned) => vec![(scanned.0, Ok(scanned.1))],
        None => collect_inputs(&a.inputs)?,
    };
    // One input that cannot be read is a command that could not run; among many, it is
    // reported for itself and the others are verified.
    if let [(_, Err(why))] = inputs.as_slice() {
        bail!("{why}");
    }
    let now = a.at.unwrap_or_else(Utc::now);
    let texts: Vec<&str> = inputs
        .iter()
        .filter_map(|(_, text)| text.as_deref().ok())
        .collect();
    let mut verified: std::vec::IntoIter<Report> = match open_bundle(&a)? {
        Err(e) => {
            let report = bundle_rejected(&e.to_string());
            vec![report; texts.len()]
        }
        Ok(bundle) => {
            let mut verifier = Verifier::new(&bundle, now);
            if let Some(destination) = a.country.clone() {
                verifier = verifier.with_destination(destination)?;
            }
            if texts.len() == 1 {
                texts.iter().map(|t| verifier.verify(t)).collect()
            } else {
                verifier.verify_many(&texts)
            }
        }
    }
    .into_iter();
    let results: Vec<(&str, Result<Report, &str>)> = inputs
        .iter()
        .map(|(source, text)| {
            let result = match text {
                Ok(_) => verified.next().ok_or("not verified"),
                Err(why) => Err(why.as_str()),
            };
            (source.as_str(), result)
        })
        .collect();
    print_reports(&a, &results)?;
    let verdicts: Vec<Verdict> = results
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok().map(|r| r.verdict))
        .collect();
    let unreadable = results.iter().any(|(_, r)| r.is_err());
    // Invalid first, then "some could not be read", then indeterminate.
    Ok(if verdicts.contains(&Verdict::Invalid) {
        1
    } else if unreadable {
        2
    } else if verdicts.contains(&Verdict::Indeterminate) {
        3
    } else {
        0
    })
}

/// Reads the bundle and verifies it against the pinned anchor, refusing a rollback below
/// the newest sequence remembered in the state file, and remembers a newer one.
/// The outer error is "could not run"; the inner one is a refused bundle.
pub(crate) fn open_bundle(
    a: &VerifyArgs,
) -> Result<Result<credential_core::VerifiedBundle, credential_core::BundleError>> {
    open_bundle_file(&a.bundle, &a.anchor, a.state.clone())
}

/// [`open_bundle`] from a bundle path, an anchor DID and an optional state file.
pub(crate) fn open_bundle_file(
    bundle: &Path,
    anchor_did: &str,
    state: Option<PathBuf>,
) -> Result<Result<credential_core::VerifiedBundle, credential_core::BundleError>> {
    let anchor =
        TrustAnchor::from_did(anchor_did).context("--anchor must be the operator's did:key")?;
    let mut seen = SeenFile::open(state)?;
    let bundle_text = files::read_text(bundle, MAX_BUNDLE_LEN as u64)?;
    Ok(seen.admit(&anchor, &bundle_text))
}

/// The `--at` clock, or now.
pub(crate) fn clock(a: &VerifyArgs) -> DateTime<Utc> {
    a.at.unwrap_or_else(Utc::now)
}

/// Whether to print JSON.
pub(crate) fn wants_json(a: &VerifyArgs) -> bool {
    a.json
}

/// The destination country or framework asked for, if any.
pub(crate) fn destination(a: &VerifyArgs) -> Option<Destination> {
    a.country.clone()
}

/// What came of one input: its report, or why it could not be read.
type InputResult<'a> = (&'a str, Result<Report, &'a str>);

fn print_reports(a: &VerifyArgs, results: &[InputResult<'_>]) -> Result<()> {
    let count = |v| {
        results
            .iter()
            .filter(|(_, r)| r.as_ref().is_ok_and(|r| r.verdict == v))
            .count()
    };
    let (valid, invalid, indeterminate) = (
        count(Verdict::Valid),
        count(Verdict::Invalid),
        count(Verdict::Indeterminate),
    );
    let unreadable = results.iter().filter(|(_, r)| r.is_err()).count();
    if a.json {
        let out = match results {
            [(_, Ok(report))] => serde_json::to_value(report)?,
            _ => {
                let results: Vec<_> = results
                    .iter()
                    .map(|(source, r)| match r {
                        Ok(report) => json!({ "source": source, "report": report }),
                        Err(why) => json!({ "source": source, "error": why }),
                    })
                    .collect();
                json!({
                    "results": results,
                    "summary": {
                        "valid": valid,
                        "invalid": invalid,
                        "indeterminate": indeterminate,
                        "unreadable": unreadable,
                    },
                })
            }
        };
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }
    if let ([(_, Ok(report))], false) = (results, a.verbose) {
        print!("{}", report.to_words());
        return Ok(());
    }
    for (source, result) in results {
        let report = match result {
            Ok(report) => report,
            Err(why) => {
                println!("{source}: could not be read: {why}");
                continue;
            }
        };
        if a.verbose {
            print!("{source}: {}", report.to_words());
            continue;
        }
        let failed = report.failed();
        let why = if !failed.is_empty() {
            format!(" (failed: {})", failed.join(", "))
        } else if report.verdict == Verdict::Indeterminate {
            let open: Vec<_> = report
                .checks
                .iter()
                .filter(|c| c.outcome != credential_core::Outcome::Pass)
                .map(|c| c.id.name())
                .collect();
            format!(" (undecided: {})", open.join(", "))
        } else {
            String::new()
        };
        println!("{source}: {}{why}", report.verdict);
    }
    let unread = if unreadable > 0 {
        format!(", {unreadable} could not be read")
    } else {
        String::new()
    };
    println!("{valid} valid, {invalid} invalid, {indeterminate} indeterminate{unread}");
    Ok(())
}

/// Reads every input into (source name, JWS text or why it could not be read).
fn collect_inputs(inputs: &[PathBuf]) -> Result<Vec<(String, Result<String, String>)>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            let stdin = std::io::stdin();
            // Bound each line so one endless line cannot exhaust memory.
            let mut reader = stdin.lock().take(u64::MAX);
            let mut line_no = 0usize;
            loop {
                let mut line = String::new();
                let n = (&mut reader)
                    .take(MAX_JWS_LEN as u64 + 2)
                    .read_line(&mut line)
                    .context("cannot read standard input")?;
                if n == 0 {
                    break;
                }
                line_no += 1;
                if !line.ends_with('\n') && n > MAX_JWS_LEN {
                    // Keep the over-long text (its length makes the verifier refuse it) and
                    // skip the rest of that line.
                    let mut rest = Vec::new();
                    let _ = reader.read_until(b'\n', &mut rest);
                }
                let trimmed = line.trim();
                if !trimmed.is_empty() {
                    out.push((format!("stdin:{line_no}"), Ok(trimmed.to_owned())));
                }
            }
        } else if input.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(input)
                .with_context(|| format!("cannot list {}", input.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && matches!(p.extension().and_then(|e| e.to_str()), Some("jwt" | "jws"))
                })
                .collect();
            files.sort();
            for file in files {
                out.push(read_credential(&file));
            }
        } else {
            out.push(read_credential(input));
        }
    }
    if out.is_empty() {
        bail!("no credentials found in the inputs");
    }
    Ok(out)
}

fn read_credential(path: &Path) -> (String, Result<String, String>) {
    let source = path.display().to_string();
    // Read a little past the limit so an oversized credential is reported as such by the
    // verifier ("over the size limit") rather than as an unreadable file.
    let read = std::fs::File::open(path)
        .map_err(|e| format!("cannot open {source}: {e}"))
        .and_then(|file| {
            let mut bytes = Vec::new();
            file.take(MAX_JWS_LEN as u64 + 1024)
                .read_to_end(&mut bytes)
                .map_err(|e| format!("cannot read {source}: {e}"))?;
            Ok(bytes)
        });
    let text = read.and_then(|bytes| {
        let text = String::from_utf8_lossy(&bytes).trim().to_owned();
        if text.is_empty() {
            Err(format!(
                "{source} is empty: there is no credential in it; ask the sender for the file again"
            ))
        } else {
            Ok(text)
        }
    });
    (source, text)
}
