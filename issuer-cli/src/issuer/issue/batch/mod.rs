//! `skillpass issue --csv`: one credential per row of a spreadsheet's CSV export.
//!
//! - **Read as saved.** Comma, semicolon (the default of many European spreadsheets) or tab
//!   separated, told apart by the header; a UTF-8 byte order mark is dropped; CRLF or LF.
//!   A wrong header is one error naming the missing and unknown columns, not one per row.
//! - **Lines as the spreadsheet shows them.** A row is named by its row number in the
//!   spreadsheet (the header is 1): blank lines count, a cell with line breaks in it does
//!   not push the following rows down. The csv crate's record positions point before the
//!   line ending that closes the previous record, so lines are counted here from its byte
//!   offsets.
//! - **Errors a clerk can act on.** A row error names the column and the expected form
//!   (`awarded: "2023-13-01" is not a date (YYYY-MM-DD)`). The cell is repeated on the
//!   terminal only for codes and dates the clerk typed, never a name, birth date or holder
//!   DID, and never in `summary.json`, which may be passed on.
//! - **Re-runs issue nobody twice.** `summary.json` records each issued row with a digest
//!   of its cells; running again into the same directory skips rows already issued,
//!   issues the rest, reports a row that changed since it was issued instead of issuing
//!   it again, and never overwrites a row file.
//!
//! [`columns`] lists the columns, [`sheet`] reads the file, [`row`] turns a row into claims
//! or an error, [`rerun`] keeps `summary.json`; this module runs the batch.

mod columns;
mod rerun;
mod row;
mod sheet;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{Context as _, Result};
use credential_core::equivalence::FrameworkCatalog;
use credential_core::i18n::Msg;
use credential_core::{IssueOptions, SecretKey};
use indicatif::{ProgressBar, ProgressStyle};

use self::rerun::{
    plan, previous_run, ChangedRow, IssuedRow, Plan, RowFailure, Summary, SUMMARY_VERSION,
};
use self::row::{claims, explain, RowError};
use self::sheet::read_sheet;
use super::sign::{issue_one, Securing};
use crate::common::files;
use crate::issuer::status::StatusFile;

/// `line 2`, `lines 2-4, 7`.
fn lines_named(lines: &[u64]) -> Msg {
    Msg::new("batch-lines")
        .arg("count", lines.len())
        .arg("ranges", ranges(lines))
}

/// `2-4, 7, 9-12`.
fn ranges(lines: &[u64]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while let Some(&start) = lines.get(i) {
        let mut end = start;
        while lines.get(i + 1) == Some(&(end + 1)) {
            end += 1;
            i += 1;
        }
        if !out.is_empty() {
            out.push_str(", ");
        }
        if end == start {
            let _ = write!(out, "{start}");
        } else {
            let _ = write!(out, "{start}-{end}");
        }
        i += 1;
    }
    out
}

/// Credentials signed before their files are written. The status list file (with the
/// indexes those credentials took) is saved first, so no credential file can exist whose
/// index a crash would let another credential take again; `summary.json` is saved after
/// the files, so it never lists a credential whose file was not written. (Writing the files
/// from several threads was measured: slower here, the `fsync`s do not overlap on this disk.)
const WRITE_BATCH: usize = 256;

struct Run<'a> {
    dir: &'a Path,
    summary: Summary,
    pending: Vec<(PathBuf, String, IssuedRow)>,
}

impl Run<'_> {
    /// Saves the status list file, writes the pending credentials, then the summary.
    fn hand_over(&mut self, status: &Option<(&mut StatusFile, &Path)>) -> Result<()> {
        if let Some((lists, path)) = status {
            lists.save(path)?;
        }
        for (file, text, row) in self.pending.drain(..) {
            files::write_atomic(&file, text.as_bytes(), false)?;
            self.summary.credentials.push(row);
        }
        files::write_atomic(
            &self.dir.join("summary.json"),
            serde_json::to_string_pretty(&self.summary)?.as_bytes(),
            false,
        )
    }
}

/// Issues a CSV batch into `dir`; answers the exit code (1 when a row failed or changed).
pub(super) fn issue_csv(
    key: &SecretKey,
    csv_path: &Path,
    dir: &Path,
    options: &mut IssueOptions,
    mut status: Option<(&mut StatusFile, &Path)>,
    securing: Securing<'_>,
) -> Result<u8> {
    let rows = read_sheet(csv_path)?;
    let catalog = FrameworkCatalog::shipped()?;
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let before = previous_run(dir)?;
    let rerun = before.is_some();
    let before = before.unwrap_or_default();
    let (plans, used) = plan(&rows, &before);
    let to_issue = plans.iter().filter(|p| matches!(p, Plan::Issue)).count();
    // Earlier credentials that no row matches, on a line without a row either.
    let orphans: Vec<String> = before
        .iter()
        .zip(&used)
        .filter(|(_, used)| !**used)
        .map(|(b, _)| b.file.clone())
        .collect();
    let lang = crate::common::lang::current();
    let bar = ProgressBar::new(to_issue as u64);
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} issuing [{bar:40}] {pos}/{len} ({per_sec}, eta {eta})",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    let default_until = options.valid_until;
    let mut run = Run {
        dir,
        summary: Summary {
            version: SUMMARY_VERSION,
            source: csv_path.display().to_string(),
            issued: 0,
            already_issued: 0,
            failed: 0,
            changed: 0,
            errors: Vec::new(),
            changed_rows: Vec::new(),
            credentials: before,
        },
        pending: Vec::with_capacity(WRITE_BATCH),
    };
    let (mut issued_lines, mut skipped_lines) = (Vec::new(), Vec::new());
    let fail = |run: &mut Run<'_>, line: u64, e: RowError| {
        bar.suspend(|| {
            let said = Msg::new("batch-row-error")
                .arg("line", line.to_string())
                .arg("reason", e.terminal_in(lang));
            eprintln!("{}", said.text(lang));
        });
        run.summary.errors.push(RowFailure {
            line,
            error: e.file,
        });
    };
    for (row, plan) in rows.iter().zip(plans) {
        let line = row.line;
        match plan {
            Plan::Skip => {
                skipped_lines.push(line);
                continue;
            }
            Plan::Changed(earlier) => {
                bar.suspend(|| {
                    let said = Msg::new("batch-row-changed")
                        .arg("line", line.to_string())
                        .arg("file", &earlier.file)
                        .arg("id", &earlier.id);
                    eprintln!("{}", said.text(lang));
                });
                run.summary.changed_rows.push(ChangedRow {
                    line,
                    file: earlier.file,
                    id: earlier.id,
                });
                continue;
            }
            Plan::Issue => {}
        }
        bar.inc(1);
        let cells = match &row.cells {
            Ok(cells) => cells,
            Err(why) => {
                fail(&mut run, line, why.clone());
                continue;
            }
        };
        let name = format!("row-{line:06}.{}", securing.extension());
        let file = dir.join(&name);
        if file.exists() {
            let said = Msg::new("batch-file-taken").arg("file", &name);
            fail(&mut run, line, RowError::said(said));
            continue;
        }
        let (claims, holder, until) = match claims(cells, catalog) {
            Ok(c) => c,
            Err(e) => {
                fail(&mut run, line, e);
                continue;
            }
        };
        options.holder = holder;
        options.valid_until = until.or(default_until);
        let lists = status.as_mut().map(|(lists, _)| &mut **lists);
        match issue_one(key, &claims, options, lists, securing) {
            Ok((jws, id)) => {
                issued_lines.push(line);
                let entry = IssuedRow {
                    line,
                    id,
                    file: name,
                    digest: row.digest.clone(),
                };
                run.pending.push((file, format!("{jws}\n"), entry));
                if run.pending.len() >= WRITE_BATCH {
                    run.hand_over(&status)?;
                }
            }
            Err(e) => fail(&mut run, line, explain(&e, cells)),
        }
    }
    bar.finish_and_clear();
    run.summary.issued = issued_lines.len();
    run.summary.already_issued = skipped_lines.len();
    run.summary.failed = run.summary.errors.len();
    run.summary.changed = run.summary.changed_rows.len();
    run.hand_over(&status)?;
    let s = &run.summary;
    let summary_path = dir.join("summary.json");
    if rerun {
        if !skipped_lines.is_empty() {
            let said = Msg::new("batch-skipped").arg("lines", lines_named(&skipped_lines));
            eprintln!("{}", said.text(lang));
        }
        if !issued_lines.is_empty() {
            let said = Msg::new("batch-issued-now").arg("lines", lines_named(&issued_lines));
            eprintln!("{}", said.text(lang));
        }
        if !orphans.is_empty() {
            let said = Msg::new("batch-orphans").arg("rows", orphans.join(", "));
            eprintln!("{}", said.text(lang));
        }
        let said = Msg::new("batch-summary-rerun")
            .arg("issued", s.issued)
            .arg("failed", s.failed)
            .arg("already", s.already_issued)
            .arg("changed", s.changed)
            .arg("path", summary_path.display().to_string());
        println!("{}", said.text(lang));
    } else {
        let said = Msg::new("batch-summary")
            .arg("issued", s.issued)
            .arg("failed", s.failed)
            .arg("path", summary_path.display().to_string());
        println!("{}", said.text(lang));
    }
    Ok(if s.failed == 0 && s.changed == 0 {
        0
    } else {
        1
    })
}

/// One readable row of a CSV batch, as claims: what `skillpass issuer offer` makes an
/// OpenID4VCI offer of (the same columns and checks as `issue --csv`).
pub(crate) struct RowClaims {
    /// The row number as the spreadsheet shows it.
    pub(crate) line: u64,
    /// The claims, its holder DID (if the row names one) and end of validity; or why the
    /// row cannot be issued, in words that repeat no cell.
    pub(crate) claims: std::result::Result<RowOffer, String>,
}

/// A row's claims, holder DID (if named) and end of validity.
pub(crate) type RowOffer = (
    serde_json::Value,
    Option<String>,
    Option<chrono::DateTime<chrono::Utc>>,
);

/// The rows of the CSV batch at `path` as claims.
pub(crate) fn rows_as_claims(path: &Path) -> Result<Vec<RowClaims>> {
    let catalog = FrameworkCatalog::shipped()?;
    Ok(read_sheet(path)?
        .into_iter()
        .map(|row| RowClaims {
            line: row.line,
            claims: row
                .cells
                .and_then(|cells| claims(&cells, catalog))
                .map_err(|e| e.file),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    #[test]
    fn ranges_are_compact() {
        assert_eq!(ranges(&[2, 3, 4, 7, 9, 10]), "2-4, 7, 9-10");
        assert_eq!(ranges(&[]), "");
    }
}
