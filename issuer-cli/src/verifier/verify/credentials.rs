//! `verify` of credentials: one file or thousands (files, directories of `*.jwt`/`*.jws`
//! and Data Integrity `*.json` credentials, lines on standard input), or the one credential of a scanned paper code. Each input is
//! reported for itself; one that cannot be read among many does not stop the others.
//!
//! Exit code: 1 when any is `invalid`, else 2 when any could not be read, else 3 when any
//! is `indeterminate`, else 0.

use std::io::{BufRead as _, Read as _, Write as _};
use std::path::{Path, PathBuf};

use anyhow::{bail, Context as _, Result};
use credential_core::i18n::Msg;
use credential_core::jws::MAX_JWS_LEN;
use credential_core::{bundle_rejected, Outcome, Report, Verdict};
use serde_json::json;

use super::args::VerifyArgs;
use super::scan;
use super::trusted::Trusted;
use crate::common::said::said;
use crate::common::{files, lang};

/// One input: where it came from (a path, `stdin:N`, `qr-text`) and its text, or why it
/// could not be read.
pub(super) struct Input {
    pub(super) source: String,
    pub(super) text: Result<String>,
}

/// One input as listed: its text already read (a line of standard input, a scanned code),
/// or a file that is read when its batch is verified, on the thread that verifies it.
pub(super) enum Listed {
    /// Read when it was listed.
    Read(Input),
    /// A file, named as reported.
    File { source: String, path: PathBuf },
}

impl Listed {
    fn file(path: PathBuf) -> Self {
        Listed::File {
            source: path.display().to_string(),
            path,
        }
    }

    fn source(&self) -> &str {
        match self {
            Listed::Read(input) => &input.source,
            Listed::File { source, .. } => source,
        }
    }

    /// The input with its text, reading the file now.
    fn read(self) -> Input {
        match self {
            Listed::Read(input) => input,
            Listed::File { source, path } => Input {
                text: read_text(&source, &path),
                source,
            },
        }
    }

    /// The credential's text, or, when it cannot be read, what is reported for it.
    fn text(&self) -> Result<std::borrow::Cow<'_, str>, Verified> {
        match self {
            Listed::Read(Input { text: Ok(text), .. }) => Ok(text.as_str().into()),
            Listed::Read(Input { text: Err(why), .. }) => Err(unreadable(why)),
            Listed::File { source, path } => match read_text(source, path) {
                Ok(text) => Ok(text.into()),
                Err(why) => Err(unreadable(&why)),
            },
        }
    }
}

/// What is reported for an input that cannot be read: why, in English (for JSON) and in
/// the reader's language (for words).
fn unreadable(why: &anyhow::Error) -> Verified {
    Verified::Unreadable(
        format!("{why:#}"),
        crate::common::said::render(why, lang::current()),
    )
}

/// What came of one input.
enum Verified {
    /// The whole report (one input: printed in full).
    Report(Box<Report>),
    /// Among many: the verdict and what is printed for it, rendered on the thread that
    /// verified it (the report itself is not kept).
    Rendered(Verdict, Rendered),
    /// Why the input could not be read: in English (for JSON) and in the reader's
    /// language (for words).
    Unreadable(String, String),
}

/// What `verify` prints for one of many credentials.
enum Rendered {
    /// `--json`: the entry of `results`.
    Json(serde_json::Value),
    /// Words: the line (or, with `--verbose`, the whole report) with its line break.
    Text(String),
}

impl Verified {
    fn verdict(&self) -> Option<Verdict> {
        match self {
            Verified::Report(report) => Some(report.verdict),
            Verified::Rendered(verdict, _) => Some(*verdict),
            Verified::Unreadable(..) => None,
        }
    }
}

pub(super) fn run(a: &VerifyArgs) -> Result<u8> {
    let mut listed =
        match scan::scanned_input(a.holder.qr_text.as_deref(), a.holder.qr_image.as_deref())? {
            Some((source, jws)) => vec![Listed::Read(Input {
                source,
                text: Ok(jws),
            })],
            None => list_inputs(&a.inputs)?,
        };
    if let [_] = listed.as_slice() {
        // One input that cannot be read is a command that could not run; among many, it
        // is reported for itself and the others are verified.
        if let Some(one) = listed.pop() {
            let Input { source, text } = one.read();
            listed.push(Listed::Read(Input {
                source,
                text: Ok(text?),
            }));
        }
    }
    let trusted = Trusted::open(a)?;
    let results: Vec<(&str, Verified)> = match listed.as_slice() {
        [one] => {
            let verified = match one.text() {
                Ok(text) => Verified::Report(Box::new(
                    trusted.check(|verifier| verifier.verify(&text), bundle_rejected)?,
                )),
                Err(unreadable) => unreadable,
            };
            vec![(one.source(), verified)]
        }
        many => {
            let verified = trusted.check(
                |verifier| {
                    // Batches spread over every core (or --threads), each file read and
                    // each report rendered where it is verified, answers in input order.
                    verifier.verify_many_parallel_load(
                        many,
                        a.threads.map_or(0, usize::from),
                        |_, input| input.text(),
                        |i, report| {
                            let source = many.get(i).map_or("", Listed::source);
                            render(a, source, report)
                        },
                    )
                },
                |why| {
                    let report = bundle_rejected(why);
                    many.iter()
                        .map(|input| match input.text() {
                            Ok(_) => render(a, input.source(), report.clone()),
                            Err(unreadable) => unreadable,
                        })
                        .collect::<Vec<_>>()
                },
            )?;
            many.iter().map(Listed::source).zip(verified).collect()
        }
    };
    print_reports(a, &results)?;
    let verdicts: Vec<Verdict> = results.iter().filter_map(|(_, r)| r.verdict()).collect();
    let unreadable = verdicts.len() < results.len();
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

/// What is printed for one of many credentials: its `results` entry with `--json`, the
/// whole report in words with `--verbose`, else one line naming its verdict (and the
/// checks that failed or stayed open).
fn render(a: &VerifyArgs, source: &str, report: Report) -> Verified {
    let lang = lang::current();
    let verdict = report.verdict;
    if a.json {
        let entry = json!({ "source": source, "report": report.to_json_in(lang) });
        return Verified::Rendered(verdict, Rendered::Json(entry));
    }
    if a.verbose {
        let text = format!("{source}: {}", report.to_words_in(lang));
        return Verified::Rendered(verdict, Rendered::Text(text));
    }
    let failed = report.failed();
    let line = if !failed.is_empty() {
        Msg::new("cli-verdict-failed").arg("checks", failed.join(", "))
    } else if verdict == Verdict::Indeterminate {
        let open: Vec<_> = report
            .checks
            .iter()
            .filter(|c| c.outcome != Outcome::Pass)
            .map(|c| c.id.name())
            .collect();
        Msg::new("cli-verdict-undecided").arg("checks", open.join(", "))
    } else {
        Msg::new("cli-verdict")
    };
    let line = line
        .arg("source", source)
        .arg("verdict", verdict.to_string());
    Verified::Rendered(verdict, Rendered::Text(format!("{}\n", line.text(lang))))
}

fn print_reports(a: &VerifyArgs, results: &[(&str, Verified)]) -> Result<()> {
    let count = |v| {
        results
            .iter()
            .filter(|(_, r)| r.verdict() == Some(v))
            .count()
    };
    let (valid, invalid, indeterminate) = (
        count(Verdict::Valid),
        count(Verdict::Invalid),
        count(Verdict::Indeterminate),
    );
    let unreadable = results
        .iter()
        .filter(|(_, r)| matches!(r, Verified::Unreadable(..)))
        .count();
    // One credential: its whole report (with `--verbose`, named, and the summary line).
    if let [(_, Verified::Report(report))] = results {
        if a.json {
            let report = report.to_json_in(lang::current());
            println!("{}", serde_json::to_string_pretty(&report)?);
            return Ok(());
        }
        if !a.verbose {
            print!("{}", report.to_words_in(lang::current()));
            return Ok(());
        }
    }
    if a.json {
        let results: Vec<_> = results
            .iter()
            .map(|(source, r)| match r {
                Verified::Rendered(_, Rendered::Json(entry)) => entry.clone(),
                Verified::Rendered(_, Rendered::Text(text)) => {
                    json!({ "source": source, "words": text })
                }
                Verified::Report(report) => {
                    json!({ "source": source, "report": report.to_json_in(lang::current()) })
                }
                Verified::Unreadable(why, _) => json!({ "source": source, "error": why }),
            })
            .collect();
        let out = json!({
            "results": results,
            "summary": {
                "valid": valid,
                "invalid": invalid,
                "indeterminate": indeterminate,
                "unreadable": unreadable,
            },
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(());
    }
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    for (source, result) in results {
        match result {
            Verified::Rendered(_, Rendered::Text(text)) => write!(out, "{text}")?,
            Verified::Rendered(_, Rendered::Json(entry)) => writeln!(out, "{entry}")?,
            Verified::Report(report) => {
                write!(out, "{source}: {}", report.to_words_in(lang::current()))?
            }
            Verified::Unreadable(_, why) => {
                let line = Msg::new("cli-unreadable")
                    .arg("source", *source)
                    .arg("reason", why.as_str());
                writeln!(out, "{}", line.text(lang::current()))?;
            }
        }
    }
    let summary = if unreadable > 0 {
        Msg::new("cli-summary-unreadable").arg("unreadable", unreadable)
    } else {
        Msg::new("cli-summary")
    };
    let summary = summary
        .arg("valid", valid)
        .arg("invalid", invalid)
        .arg("indeterminate", indeterminate);
    writeln!(out, "{}", summary.text(lang::current()))?;
    out.flush()?;
    Ok(())
}

/// The file a CSV batch writes beside its credentials (`skillpass issue --csv`): not a
/// credential, so a directory's listing leaves it out.
const BATCH_SUMMARY: &str = "summary.json";

/// Every input in order, each with its text: see [`list_inputs`].
pub(super) fn collect_inputs(paths: &[PathBuf]) -> Result<Vec<Input>> {
    Ok(list_inputs(paths)?.into_iter().map(Listed::read).collect())
}

/// Every input in order: `-` as one input per non-blank line of standard input, a
/// directory as its `*.jwt`, `*.jws` and `*.json` files by name (but a batch's
/// `summary.json`), a file as itself. Files are listed, not read.
pub(super) fn list_inputs(paths: &[PathBuf]) -> Result<Vec<Listed>> {
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            read_stdin_lines(&mut out)?;
        } else if path.is_dir() {
            // Names first, compared as bytes (all are in one directory, so this is the
            // order whole paths would sort in), then each joined to the directory once:
            // sorting 10,000 paths split them into components on every comparison.
            let mut names: Vec<std::ffi::OsString> = std::fs::read_dir(path)
                .with_context(|| format!("cannot list {}", path.display()))?
                .filter_map(Result::ok)
                .filter_map(|e| {
                    let name = e.file_name();
                    (is_credential_name(&name) && is_file(&e)).then_some(name)
                })
                .collect();
            names.sort_unstable();
            out.extend(names.into_iter().map(|n| Listed::file(path.join(n))));
        } else {
            out.push(Listed::file(path.clone()));
        }
    }
    if out.is_empty() {
        bail!("no credentials found in the inputs");
    }
    Ok(out)
}

/// Whether a directory's entry named `name` is listed as a credential: a `*.jwt`, `*.jws`
/// or `*.json` file, but a batch's `summary.json`.
fn is_credential_name(name: &std::ffi::OsStr) -> bool {
    name != BATCH_SUMMARY
        && matches!(
            Path::new(name).extension().and_then(|e| e.to_str()),
            Some("jwt" | "jws" | "json")
        )
}

/// Whether a directory entry is a file, or a link to one. The listing says so for most
/// entries (no `stat` for each of a class's thousands of credential files); a link, or an
/// entry the listing gives no type for, is looked up.
fn is_file(entry: &std::fs::DirEntry) -> bool {
    match entry.file_type() {
        Ok(t) if t.is_file() => true,
        Ok(t) if t.is_dir() => false,
        _ => entry.path().is_file(),
    }
}

/// One JWS per line of standard input, named `stdin:N` by line number.
fn read_stdin_lines(out: &mut Vec<Listed>) -> Result<()> {
    let stdin = std::io::stdin();
    let mut reader = stdin.lock();
    let mut line_no = 0usize;
    loop {
        let mut line = String::new();
        // Bound each line so one endless line cannot exhaust memory.
        let n = (&mut reader)
            .take(MAX_JWS_LEN as u64 + 2)
            .read_line(&mut line)
            .context("cannot read standard input")?;
        if n == 0 {
            return Ok(());
        }
        line_no += 1;
        if !line.ends_with('\n') && n > MAX_JWS_LEN {
            // Keep the over-long text (its length makes the verifier refuse it) and skip
            // the rest of that line.
            let mut rest = Vec::new();
            let _ = reader.read_until(b'\n', &mut rest);
        }
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            out.push(Listed::Read(Input {
                source: format!("stdin:{line_no}"),
                text: Ok(trimmed.to_owned()),
            }));
        }
    }
}

/// A credential file's text (`source` names it), or why it cannot be verified:
/// unreadable, or empty (an emailed attachment that lost its content).
fn read_text(source: &str, path: &Path) -> Result<String> {
    files::read_input(path, MAX_JWS_LEN).and_then(|text| {
        if text.is_empty() {
            return Err(said(Msg::new("err-empty-credential").arg("path", source)));
        }
        Ok(text)
    })
}
