//! Running a batch again into the same directory: `summary.json` records each issued row
//! with a digest of its cells, so a re-run skips the rows already issued, issues the rest,
//! and reports a row that changed since it was issued instead of issuing it twice.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{bail, Context as _, Result};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::sheet::SheetRow;
use crate::common::files;

/// `summary.json`: every credential issued into the directory, and this run's outcome.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct Summary {
    /// 2 since rows carry digests.
    pub(super) version: u32,
    /// The CSV file of the last run.
    pub(super) source: String,
    /// Rows issued by the last run.
    pub(super) issued: usize,
    /// Rows the last run skipped because they were issued before.
    pub(super) already_issued: usize,
    /// Rows the last run could not issue.
    pub(super) failed: usize,
    /// Rows changed since they were issued, reported and not issued again.
    pub(super) changed: usize,
    pub(super) errors: Vec<RowFailure>,
    pub(super) changed_rows: Vec<ChangedRow>,
    /// Every credential issued into this directory, by any run.
    pub(super) credentials: Vec<IssuedRow>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct IssuedRow {
    pub(super) line: u64,
    pub(super) id: String,
    pub(super) file: String,
    pub(super) digest: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct RowFailure {
    pub(super) line: u64,
    pub(super) error: String,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ChangedRow {
    pub(super) line: u64,
    pub(super) file: String,
    pub(super) id: String,
}

pub(super) const SUMMARY_VERSION: u32 = 2;

/// The credentials an earlier run issued into `dir`, from its `summary.json`.
pub(super) fn previous_run(dir: &Path) -> Result<Option<Vec<IssuedRow>>> {
    let path = dir.join("summary.json");
    if !path.exists() {
        return Ok(None);
    }
    let value = files::read_json(&path)?;
    let version = value.get("version").and_then(Value::as_u64);
    if version != Some(u64::from(SUMMARY_VERSION)) {
        bail!(
            "{} was written by an earlier version of skillpass, without the digests that tell \
             which rows it issued, so running again could issue someone twice: issue into a \
             new --out-dir",
            path.display()
        );
    }
    let credentials = value
        .get("credentials")
        .cloned()
        .and_then(|c| serde_json::from_value::<Vec<IssuedRow>>(c).ok())
        .with_context(|| {
            format!(
                "{} is damaged (its credentials list cannot be read); issue into a new --out-dir",
                path.display()
            )
        })?;
    Ok(Some(credentials))
}

/// What a run does with each row.
pub(super) enum Plan {
    Issue,
    /// Issued before, unchanged.
    Skip,
    /// Issued before from other cells: the earlier credential.
    Changed(IssuedRow),
}

/// Matches the rows against the credentials issued before: a row whose cells were issued
/// before (by digest, on its own line first, else on any line: rows above may have been
/// added or removed) is skipped; a row on the line of an earlier credential that no row
/// matches has changed since. Also answers which earlier credentials were matched.
pub(super) fn plan(rows: &[SheetRow], before: &[IssuedRow]) -> (Vec<Plan>, Vec<bool>) {
    let mut used = vec![false; before.len()];
    let mut plans: Vec<Option<Plan>> = rows.iter().map(|_| None).collect();
    let mut by_digest: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, b) in before.iter().enumerate() {
        by_digest.entry(b.digest.as_str()).or_default().push(i);
    }
    for pass in 0..2 {
        for (row, slot) in rows.iter().zip(plans.iter_mut()) {
            if slot.is_some() || row.cells.is_err() {
                continue;
            }
            let candidates = by_digest.get(row.digest.as_str()).into_iter().flatten();
            let found = candidates.copied().find(|&i| {
                !used.get(i).copied().unwrap_or(true)
                    && (pass == 1 || before.get(i).is_some_and(|b| b.line == row.line))
            });
            if let Some(slot_used) = found.and_then(|i| used.get_mut(i)) {
                *slot_used = true;
                *slot = Some(Plan::Skip);
            }
        }
    }
    let plans = rows
        .iter()
        .zip(plans)
        .map(|(row, plan)| {
            plan.unwrap_or_else(|| {
                let earlier = before
                    .iter()
                    .zip(used.iter_mut())
                    .find(|(b, used)| !**used && b.line == row.line);
                match earlier {
                    Some((b, used)) => {
                        *used = true;
                        Plan::Changed(b.clone())
                    }
                    None => Plan::Issue,
                }
            })
        })
        .collect();
    (plans, used)
}
