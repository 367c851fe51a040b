//! `skillpass issue --csv` (issue 9, points 12 to 15): files as spreadsheets save them
//! ([`sheets`]), row errors a clerk can act on ([`row_errors`]), what issuing refuses
//! ([`refusals`]), and running a batch again ([`reruns`]); the helpers they share.

mod refusals;
mod reruns;
mod row_errors;
mod sheets;

use std::path::Path;
use std::process::Output;

use serde_json::Value;

use crate::harness::Scratch;

pub(super) const HEADER: &str = "name,birth_date,holder_did,title_en,title_original,title_lang,awarding_body,country,level,field,isco08,learning_outcomes,awarded,valid_until";

/// A row of a Philippine nursing degree with the given cells replaced.
pub(super) fn row(edits: &[(&str, &str)]) -> String {
    let mut cells: Vec<String> = [
        "Maria Garcia",
        "2000-03-11",
        "",
        "Bachelor of Science in Nursing",
        "",
        "",
        "Davao College of Nursing and Midwifery",
        "PH",
        "PQF-6",
        "0913",
        "2221",
        "Plans and evaluates nursing care|Administers medications",
        "2024-04-17",
        "",
    ]
    .map(str::to_owned)
    .to_vec();
    let names: Vec<&str> = HEADER.split(',').collect();
    for (column, value) in edits {
        let i = names.iter().position(|n| n == column).unwrap();
        cells[i] = (*value).to_owned();
    }
    cells.join(",")
}

pub(super) fn college() -> Scratch {
    let d = Scratch::new();
    d.key("college.key");
    d
}

pub(super) fn issue_csv(d: &Scratch, csv: &str, out_dir: &str) -> Output {
    d.run(&[
        "issue",
        "--key",
        "college.key",
        "--csv",
        csv,
        "--out-dir",
        out_dir,
    ])
}

pub(super) fn summary(d: &Path, out_dir: &str) -> Value {
    serde_json::from_str(&std::fs::read_to_string(d.join(out_dir).join("summary.json")).unwrap())
        .unwrap()
}

pub(super) fn error_lines(summary: &Value) -> Vec<u64> {
    summary["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["line"].as_u64().unwrap())
        .collect()
}

pub(super) fn row_files(d: &Path, out_dir: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(d.join(out_dir))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".jwt"))
        .collect();
    names.sort();
    names
}
