//! `verify --issuer-key DID` / `--any-issuer-key`: credentials verified with their
//! issuer's key given directly, without a trust bundle (the conformance profile). Each
//! report keeps the ten checks, the three only a bundle decides marked "not checked against
//! a trust bundle", and says the same of the accreditation, in words and in JSON
//! (`"accreditation": {"checked": false, …}`).
//!
//! Exit code: 1 when any is `invalid`, else 2 when any could not be read, else 3 when any
//! is `indeterminate`, else 0.

use anyhow::Result;
use chrono::Utc;
use credential_core::{DirectReport, Verdict};
use serde_json::json;

use super::args::VerifyArgs;
use super::credentials::collect_inputs;
use crate::common::lang;

pub(super) fn run(a: &VerifyArgs) -> Result<u8> {
    let lists = a.direct.lists()?;
    let verifier = a.direct.verifier(a.at.unwrap_or_else(Utc::now), &lists)?;
    let mut inputs = collect_inputs(&a.inputs)?;
    if let [single] = inputs.as_mut_slice() {
        // One input that cannot be read is a command that could not run.
        let text = std::mem::replace(&mut single.text, Ok(String::new()))?;
        let report = verifier.verify_text(&text);
        print(a.json, &report);
        return Ok(exit_code([Some(report.verdict)]));
    }
    let lang = lang::current();
    let mut verdicts = Vec::with_capacity(inputs.len());
    let mut results = Vec::with_capacity(inputs.len());
    for input in &inputs {
        match &input.text {
            Ok(text) => {
                let report = verifier.verify_text(text);
                verdicts.push(Some(report.verdict));
                if a.json {
                    results
                        .push(json!({"source": input.source, "report": report.to_json_in(lang)}));
                } else {
                    println!("{}:", input.source);
                    print!("{}", report.to_words_in(lang));
                }
            }
            Err(why) => {
                verdicts.push(None);
                if a.json {
                    results.push(json!({"source": input.source, "error": format!("{why:#}")}));
                } else {
                    println!("{}: {why:#}", input.source);
                }
            }
        }
    }
    if a.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&json!({ "results": results })).unwrap_or_default()
        );
    }
    Ok(exit_code(verdicts))
}

fn print(as_json: bool, report: &DirectReport) {
    let lang = lang::current();
    if as_json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report.to_json_in(lang)).unwrap_or_default()
        );
    } else {
        print!("{}", report.to_words_in(lang));
    }
}

/// 1 when any is invalid, else 2 when any could not be read, else 3 when any is
/// indeterminate, else 0.
fn exit_code(verdicts: impl IntoIterator<Item = Option<Verdict>>) -> u8 {
    let verdicts: Vec<Option<Verdict>> = verdicts.into_iter().collect();
    if verdicts.contains(&Some(Verdict::Invalid)) {
        1
    } else if verdicts.contains(&None) {
        2
    } else if verdicts.contains(&Some(Verdict::Indeterminate)) {
        3
    } else {
        0
    }
}
