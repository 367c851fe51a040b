//! `skillpass log verify`: walk the registry's audit log and check its hash chain.

use anyhow::{Context as _, Result};
use clap::{Args, Subcommand};
use credential_core::audit::ChainVerifier;
use serde_json::Value;

use crate::common::client::{Client, RegistryArg};

/// Entries fetched per page.
const PAGE: u64 = 1000;

#[derive(Debug, Subcommand)]
pub(crate) enum LogCommand {
    /// Check that every entry links to the previous one and matches its hash.
    Verify(VerifyArgs),
}

#[derive(Debug, Args)]
pub(crate) struct VerifyArgs {
    #[command(flatten)]
    registry: RegistryArg,
}

/// Exit code 1 names the first bad entry.
pub(crate) fn run(command: LogCommand) -> Result<u8> {
    let LogCommand::Verify(a) = command;
    let client = Client::new(&a.registry.url);
    let mut chain = ChainVerifier::default();
    let mut after = 0u64;
    loop {
        let page = client
            .get(&format!("/log?after={after}&limit={PAGE}"), None)?
            .json()?;
        let entries = page
            .get("entries")
            .and_then(Value::as_array)
            .context("not a log page")?;
        for entry in entries {
            let expected = chain.count() + 1;
            if let Err(e) = chain.push_raw(expected, entry) {
                println!("log verification FAILED at entry {}: {}", e.seq, e.reason);
                return Ok(1);
            }
        }
        match page.get("next").and_then(Value::as_u64) {
            Some(next) if next > after => after = next,
            _ => break,
        }
    }
    println!(
        "log verified: {} entries, head {}",
        chain.count(),
        chain.head()
    );
    Ok(0)
}
